"""One engine, two doors: a bad input fed to a build and to `seokb check` gets the same message at the same line,
because both run the same check (issue 31). The build may find more (what only rendering shows), never less."""

from __future__ import annotations

import pytest
from support.project import Project, entry, problem_lines

from seokb.cli import check

PAGE = "---\ndescription: A lesson of the fixture site.\n---\n# A lesson\n\n"
CASES = [
    (
        "raw HTML with no reason",
        {"docs/lessons/a.md": PAGE + "Text.\n\n<div>boxed</div>\n"},
        "docs/lessons/a.md:8: raw HTML '<div>boxed</div>' needs a reason: add 'raw_html: \"why this page needs it\"' to the front matter, or write Markdown",
    ),
    (
        "a marker that does not exist",
        {"docs/lessons/a.md": PAGE + "<!-- seokb:quizz judge -->\n"},
        "docs/lessons/a.md:6: unknown marker 'seokb:quizz'; known markers: 'seokb:community', 'seokb:quiz', 'seokb:diagram'",
    ),
    (
        "a link to a missing page",
        {"docs/lessons/a.md": PAGE + "See [the other lesson](b.md).\n"},
        "docs/lessons/a.md:6: link 'b.md': 'lessons/b.md' does not exist",
    ),
    (
        "a related term that does not exist",
        {"glossary/backlink.yml": entry("backlink", related="[anchor-txt]")},
        "glossary/backlink.yml:14: related: unknown term 'anchor-txt'; name an entry by its file name without .yml",
    ),
    (
        "an image from another host",
        {"docs/lessons/a.md": PAGE + "![A chart](https://evil.example/chart.png)\n"},
        'docs/lessons/a.md:6: <img src="https://evil.example/chart.png"> loads a file from evil.example; the site loads nothing from another host: save the file under docs/ and use its path there',
    ),
    (
        "a cheat sheet lesson without its lists",
        {"docs/lessons/high-quality-backlinks.md": PAGE + "No checklist here.\n"},
        "docs/lessons/high-quality-backlinks.md:1: the cheat sheet needs the heading '## The seven-question checklist'; keep it or update site/review_pages.py",
    ),
    (
        "a redirect outside the site",
        {"docs/lessons/a.md": "---\ndescription: A lesson.\nredirect_from: ...md\n---\n# A lesson\n"},
        "docs/lessons/a.md:3: redirect_from: '...md' is the address '../', outside the site; write the page's old path in docs/, like lessons/old-name.md",
    ),
]


@pytest.mark.parametrize("files, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_bad_input_gets_the_same_message_through_both_doors(project: Project, files: dict[str, str], expected: str) -> None:
    for path, text in files.items():
        project.write(path, text)
    checked = [str(problem) for problem in check(project.root).sorted()]
    result = project.build()
    built = [line.split("-  ", 1)[1] for line in problem_lines(result.stderr) if line.startswith(("ERROR", "WARNING"))]
    assert checked, "seokb check found nothing"
    assert result.returncode != 0
    assert [line for line in checked if line not in built] == []  # the check's every message, word for word
    assert expected in checked
