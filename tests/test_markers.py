"""Markers in lessons: known ones are replaced, an unknown one fails with file and line, a missing invite links nothing."""

from __future__ import annotations

from conftest import Project

from seokb.diagnostics import Diagnostics
from seokb.markers import Community, expand_markers

PAGE = "# Title\n\nText.\n\n<!-- seokb:community -->\n"


def test_without_an_invite_the_page_points_to_github_and_no_placeholder() -> None:
    report = Diagnostics()
    out = expand_markers(PAGE, "docs/index.md", report, Community(name="Discord", url="", repo_url="https://github.com/o/r"))
    assert "[GitHub](https://github.com/o/r)" in out
    assert "Discord" not in out and "](#)" not in out and "<!--" not in out
    assert not report


def test_with_an_invite_the_page_links_it() -> None:
    out = expand_markers(PAGE, "docs/index.md", Diagnostics(), Community(name="Discord", url="https://discord.gg/abc"))
    assert "[Discord community](https://discord.gg/abc)" in out


def test_an_unknown_marker_is_reported_with_its_line() -> None:
    report = Diagnostics()
    out = expand_markers("# T\n\n<!-- seokb:comunity -->\n", "docs/x.md", report, Community())
    assert [str(d) for d in report.sorted()] == ["docs/x.md:3: unknown marker 'seokb:comunity'; known markers: 'seokb:community'"]
    assert "seokb:" not in out


def test_ordinary_comments_are_left_alone() -> None:
    text = "<!-- a note for editors -->\nText <!-- seokb:community --> inline.\n"
    assert expand_markers(text, "docs/x.md", Diagnostics(), Community()) == text


def test_the_build_fails_on_an_unknown_marker_before_writing(project: Project) -> None:
    project.write("docs/index.md", "---\ndescription: A page of the fixture site, for the tests.\n---\n# Home\n\nIntro.\n\n<!-- seokb:nope -->\n")
    result = project.build()
    assert result.returncode != 0
    assert "ERROR   -  docs/index.md:8: unknown marker 'seokb:nope'; known markers: 'seokb:community'" in result.stderr
    assert not (project.root / "site" / "index.html").exists()


def test_a_configured_invite_reaches_the_page_and_the_footer(project: Project) -> None:
    config = (project.root / "mkdocs.yml").read_text()
    project.write("mkdocs.yml", config + "extra:\n  community:\n    name: Discord\n    url: https://discord.gg/abc\n")
    project.write("docs/index.md", "---\ndescription: A page of the fixture site, for the tests.\n---\n# Home\n\n<!-- seokb:community -->\n")
    result = project.build()
    assert result.returncode == 0, result.stderr
    html = project.site("index.html")
    assert html.count('href="https://discord.gg/abc"') == 2  # the page's sentence and the footer icon


def test_markers_match_any_case_and_spacing_and_skip_fenced_code() -> None:
    report = Diagnostics()
    text = "<!-- SEOKB : community -->\n\n```md\n<!-- seokb:community -->\n```\n"
    expanded = expand_markers(text, "docs/x.md", report, Community(name="Discord", url="https://discord.gg/x"))
    assert not report
    assert expanded.startswith("Questions, or a link you are unsure about?")
    assert "```md\n<!-- seokb:community -->\n```" in expanded
