"""Full MkDocs builds of small fixture projects through the real hooks."""

from __future__ import annotations

import re

from support.golden import assert_golden
from support.project import Project, article, entry, problem_lines


def test_a_small_glossary_builds_index_and_term_pages(project: Project) -> None:
    project.write(
        "glossary/backlink.yml",
        entry(
            "backlink",
            aliases="[inbound link]",
            related="[anchor-text]",
            definition="|\n  Links from elsewhere. See [anchor text](anchor-text.md#what-it-means).",
        ),
    )
    project.write("glossary/anchor-text.yml", entry("anchor-text", category="metrics"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert problem_lines(result.stderr) == []
    assert result.handlers_left == 0  # the build took its log handlers off MkDocs' logger when it ended
    assert_golden("build-backlink.html", article(project.site("glossary/backlink/index.html")))
    assert_golden("build-glossary-index.html", article(project.site("glossary/index.html")))
    page = project.site("glossary/anchor-text/index.html")
    assert 'href="https://github.com/example/fixture/edit/main/glossary/anchor-text.yml"' in page
    # The glossary's CSS is written into the pages that use it, its script served beside them.
    assert '<style data-seokb-asset="glossary.css">' in page and "assets/seokb/glossary.js" in page
    assert (project.root / "site/assets/seokb/glossary.js").exists()
    assert not (project.root / "site/assets/seokb/glossary.css").exists()


def test_an_invalid_entry_fails_the_build_with_every_problem_and_writes_no_page(project: Project) -> None:
    project.write("glossary/backlink.yml", entry("backlink", term="NO", category="basic"))
    project.write("glossary/anchor-text.yml", entry("anchor-text", related="[backlinks]"))
    result = project.build()
    assert result.returncode != 0
    assert problem_lines(result.stderr) == [
        "ERROR   -  glossary/anchor-text.yml:14: related: unknown term 'backlinks' (did you mean 'backlink'?)",
        'ERROR   -  glossary/backlink.yml:2: term: YAML reads NO as a true/false value, not text; put it in quotes: "NO"',
        "ERROR   -  glossary/backlink.yml:10: category: unknown category 'basic' (did you mean 'basics'?)",
    ]
    assert result.stdout.strip() == "Aborted with a BuildError!"
    assert "ERROR   -  Aborted: 3 problems in the content above; no page was written." in result.stderr
    assert "Traceback" not in result.stderr
    # The build stopped before writing: no page of a half-built site is left behind.
    assert list((project.root / "site").rglob("*.html")) == []


def test_a_page_asset_that_is_not_there_stops_the_build_with_its_entry(project: Project) -> None:
    # extra.page_assets names files in docs/; a missing one is a mistake in mkdocs.yml, said in its words.
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", config + "extra:\n  page_assets:\n    - {css: assets/gone.css, markers: [x]}\n")
    result = project.build()
    assert result.returncode == 1
    assert "seokb: extra.page_assets entry 1 in mkdocs.yml names assets/gone.css, which is not in docs/" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    project.write("mkdocs.yml", config + "extra:\n  page_assets:\n    - {css: assets/gone.css}\n")
    result = project.build()
    assert "seokb: extra.page_assets entry 1 in mkdocs.yml needs `markers` and `css` or `js`" in result.stderr


def test_an_empty_glossary_builds_a_site_that_says_so(project: Project) -> None:
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "There are no terms in the glossary yet." in project.site("glossary/index.html")


def test_a_missing_glossary_folder_builds_too(project: Project) -> None:
    (project.root / "glossary").rmdir()
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "There are no terms in the glossary yet." in project.site("glossary/index.html")


def test_a_broken_link_in_a_definition_is_reported_at_its_yaml_line(project: Project) -> None:
    project.write(
        "glossary/backlink.yml", entry("backlink", definition="|\n  First line.\n  See [the missing page](missing.md).")
    )
    result = project.build()
    assert result.returncode != 0
    assert problem_lines(result.stderr) == [
        # Fields are rendered outside MkDocs' Markdown (safe_html.py), so only our check sees the link, and it
        # names the YAML line; MkDocs' warning without a line is gone.
        "ERROR   -  glossary/backlink.yml:6: link 'missing.md': 'glossary/missing.md' does not exist",
    ]
    assert result.stdout.strip() == "Aborted with a BuildError!"
    assert "ERROR   -  Aborted: 1 problem in the content above; no page was written." in result.stderr


def test_strict_mode_stops_on_mkdocs_warnings_before_writing(project: Project) -> None:
    project.write(
        "mkdocs.yml",
        (project.root / "mkdocs.yml").read_text()
        + "nav:\n  - Home: index.md\n  - Glossary: glossary/index.md\n  - Quizzes: quizzes/index.md\n  - Profile: link-profile.md\n  - Gone: gone.md\n",
    )
    result = project.build()
    assert result.returncode != 0
    assert problem_lines(result.stderr) == [
        "WARNING -  A reference to 'gone.md' is included in the 'nav' configuration, which is not found in the "
        "documentation files.",
    ]
    assert result.stdout.strip() == "Aborted with a BuildError!"
    assert "ERROR   -  Aborted with 1 warning in strict mode; nothing was written." in result.stderr
    assert list((project.root / "site").rglob("*.html")) == []


def test_a_page_without_a_description_fails_with_its_file(project: Project) -> None:
    project.write("docs/about.md", "# About\n\nNo front matter here. Back [home](index.md).\n")
    home = (project.root / "docs/index.md").read_text()
    project.write("docs/index.md", home + "\nRead [about us](about.md).\n")
    result = project.build()
    assert result.returncode != 0
    assert problem_lines(result.stderr) == [
        "ERROR   -  docs/about.md:1: front matter has no 'description'; link previews need one plain sentence about the page",
    ]


def test_under_github_actions_every_build_problem_is_also_an_annotation(project: Project) -> None:
    project.write("docs/index.md", "---\ndescription: Home.\n---\n# Home\n\nSee [a missing page](missing.md).\n")
    # The real command line: GitHub reads the annotations from the stdout of the `mkdocs build` process.
    result = project.build_command(env={"GITHUB_ACTIONS": "true"})
    assert result.returncode != 0
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations == [
        # One annotation per broken link, on its line of the pull request: MkDocs' own report of the same link, which
        # names no line, is turned down to debug by the hooks.
        "::error file=docs/index.md,line=6,title=seokb build::link 'missing.md': 'missing.md' does not exist",
        # The build's verdict, on the run.
        "::error title=MkDocs build::Aborted: 1 problem in the content above; no page was written.",
    ]


def test_a_failed_build_ends_with_one_summary(project: Project) -> None:
    project.write("docs/index.md", "---\ndescription: A page.\n---\n# Home\n\nSee [nothing](missing.md).\n")
    result = project.build()
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip() and not line.startswith("INFO")]
    # The build stops with a PluginError: MkDocs logs its message last and ends with its own one-line verdict.
    assert lines[-1] == "ERROR   -  Aborted: 1 problem in the content above; no page was written.", result.stderr
    assert result.stdout.strip() == "Aborted with a BuildError!"


def test_a_build_in_the_test_process_prints_what_the_command_line_prints(project: Project) -> None:
    # The fixture builds run in the test process (conftest.build_in_process); this keeps them true to the real
    # `mkdocs build`: the same lines on stderr, the same stdout, the same exit code, and a second build in the same
    # process no different from the first (no state, handler or duplicate filter left over from the one before).
    project.write("glossary/backlink.yml", entry("backlink", term="NO", category="basic"))
    project.write("docs/about.md", "# About\n\nNo front matter here. Back [home](index.md).\n")

    def same_everywhere(output: str) -> str:
        return re.sub(r"\d+\.\d+ s\b", "<seconds> s", output)

    command = project.build_command()
    assert command.returncode == 1 and "ERROR   -  glossary/backlink.yml:2: " in command.stderr
    for result in (project.build(), project.build()):
        assert result.handlers_left == 0  # a failed build takes its log handlers off MkDocs' logger
        assert (result.returncode, same_everywhere(result.stderr), result.stdout) == (
            command.returncode,
            same_everywhere(command.stderr),
            command.stdout,
        )
