"""Diagrams in fixture sites built with the real hooks: the figure in the page, its caption linked like lesson
text, and a broken diagram failing the build (and `seokb check`) with every problem at once, never a traceback."""

from __future__ import annotations

import json
import re

from support.project import Project, article, entry, problem_lines

from seokb.cli import check
from seokb.content.diagram import SCHEMA_LINE

DIAGRAM = f"""{SCHEMA_LINE}
alt: A forum links to your site.
caption: Each link from the forum is a backlink to your site.
rows:
  - boxes:
      - id: forum
        title: A forum
  - boxes:
      - id: site
        title: Your site
        text: gets a backlink
arrows:
  - from: forum
    to: site
    label: a link
"""

LESSON = """---
description: A lesson with a picture.
---
# A lesson

A first paragraph about links between sites.

- In a list:

    <!-- seokb:diagram forum-link -->

Back [home](../index.md).
"""


def test_a_diagram_marker_becomes_a_figure_whose_caption_is_linked(project: Project) -> None:
    project.write("glossary/backlink.yml", entry("backlink"))
    project.write("glossary/anchor-text.yml", entry("anchor-text", related="[backlink]"))
    project.write("diagrams/forum-link.yml", DIAGRAM)
    project.write("docs/lessons/a-lesson.md", LESSON)
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert problem_lines(result.stderr) == []
    html = article(project.site("lessons/a-lesson/index.html"))
    figure = re.search(r'<figure class="seokb-diagram">.*?</figure>', html, re.S)
    assert figure, html
    svg = re.search(r"<svg .*?</svg>", figure.group(0), re.S)
    assert svg
    assert "<a " not in svg.group(0)  # the SVG's own text is never linked: <a> inside <text> would break it
    assert "gets a backlink" in svg.group(0)
    caption = re.search(r"<figcaption>(.*?)</figcaption>", figure.group(0), re.S)
    assert caption
    # The lesson's first mention of the term is in the caption: it is linked there, as in any paragraph.
    assert re.fullmatch(
        r'Each link from the forum is a <a class="seokb-term" href="\.\./\.\./glossary/backlink/" data-seokb-def="[^"]*">backlink</a> to your site\.',
        caption.group(1),
    ), caption.group(1)
    assert html.index("<figure") > html.index("<li>")  # an indented marker stays inside its list item
    assert "seokb-slot" not in html and "seokb:diagram" not in html
    # Search finds the caption; the picture's text, read out box by box, is not a search result.
    index = json.loads(project.site("search/search_index.json"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "Each link from the forum is a" in text
    assert "Row 1" not in text and "gets a backlink" not in text and "seokb-slot" not in text
    # ...and the term page counts the lesson among the pages that mention it.
    assert "a-lesson" in project.site("glossary/backlink/index.html").split('id="mentioned-in"')[1]


BROKEN = DIAGRAM.replace("    to: site", "    to: sight").replace("caption: Each", "captoin: Each")


def test_a_broken_diagram_fails_the_build_with_every_problem_at_its_line(project: Project) -> None:
    project.write("diagrams/forum-link.yml", BROKEN)
    project.write("diagrams/arrows.yml", DIAGRAM.replace("    to: site", "    to: sight"))
    project.write("diagrams/bad-yaml.yml", "alt: [\n")
    project.write("docs/index.md", "---\ndescription: Home.\n---\n# Home\n\nThe [lesson](lessons/a-lesson.md).\n")
    project.write(
        "docs/lessons/a-lesson.md",
        LESSON + "\n<!-- seokb:diagram forum-links -->\n\n<!-- seokb:diagram bad-yaml -->\n\n<!-- seokb:diagram arrows -->\n",
    )
    result = project.build()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert problem_lines(result.stderr) == [
        "ERROR   -  diagrams/arrows.yml:14: arrows item 1, to: unknown box 'sight'; box ids: 'forum', 'site'",
        "ERROR   -  diagrams/bad-yaml.yml:2: YAML syntax error: expected the node content, but found '<stream end>'",
        "ERROR   -  diagrams/forum-link.yml:2: missing required field 'caption': The caption under the picture, in plain "
        "words for a beginner: what the reader should take from it. Plain text; glossary terms in it are linked like lesson text.",
        "ERROR   -  diagrams/forum-link.yml:3: unknown field 'captoin' (did you mean 'caption'?)",
        "ERROR   -  docs/lessons/a-lesson.md:14: unknown diagram 'forum-links' (did you mean 'forum-link'?)",
    ]  # the markers naming the two broken files are not reported again
    assert "ERROR   -  Aborted: 5 problems in the content above; no page was written." in result.stderr
    assert not (project.root / "site" / "lessons").exists()


def test_seokb_check_reports_what_the_build_reports(project: Project) -> None:
    project.write("diagrams/forum-link.yml", BROKEN)
    project.write("docs/lessons/a-lesson.md", LESSON + "\n<!-- seokb:diagram nope -->\n")
    found = [str(problem) for problem in check(project.root).sorted()]
    assert found == [
        "diagrams/forum-link.yml:2: missing required field 'caption': The caption under the picture, in plain "
        "words for a beginner: what the reader should take from it. Plain text; glossary terms in it are linked like lesson text.",
        "diagrams/forum-link.yml:3: unknown field 'captoin' (did you mean 'caption'?)",
        "docs/lessons/a-lesson.md:14: unknown diagram 'nope'; the name is a file name in diagrams/ without .yml",
    ]
