"""Markers in lessons: known ones are replaced, an unknown one fails with file and line, a missing invite links nothing."""

from __future__ import annotations

from support.project import Project
from support.quiz_cases import P, quiz

from seokb.content.markers import Community, find_markers
from seokb.content.markers import expand_markers as expand_all
from seokb.content.quiz import Quizzes, read_quiz
from seokb.diagnostics import Diagnostics


def expand_markers(markdown: str, path: str, report: Diagnostics, community: Community, quizzes: Quizzes | None = None) -> str:
    return expand_all(markdown, path, report, community, quizzes or Quizzes(), lambda quiz: "QUIZ")


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
    assert [str(d) for d in report.sorted()] == [
        "docs/x.md:3: unknown marker 'seokb:comunity'; known markers: 'seokb:community', 'seokb:quiz', 'seokb:diagram'"
    ]
    assert "seokb:" not in out


def test_ordinary_comments_are_left_alone() -> None:
    text = "<!-- a note for editors -->\nText <!-- seokb:community --> inline.\n"
    assert expand_markers(text, "docs/x.md", Diagnostics(), Community()) == text


def test_the_build_fails_on_an_unknown_marker_before_writing(project: Project) -> None:
    project.write(
        "docs/index.md",
        "---\ndescription: A page of the fixture site, for the tests.\n---\n# Home\n\nIntro.\n\n<!-- seokb:nope -->\n",
    )
    result = project.build()
    assert result.returncode != 0
    assert (
        "ERROR   -  docs/index.md:8: unknown marker 'seokb:nope'; known markers: 'seokb:community', 'seokb:quiz', 'seokb:diagram'"
        in result.stderr
    )
    assert not (project.root / "site" / "index.html").exists()


def test_a_configured_invite_reaches_the_page_and_the_footer(project: Project) -> None:
    config = (project.root / "mkdocs.yml").read_text()
    project.write("mkdocs.yml", config + "extra:\n  community:\n    name: Discord\n    url: https://discord.gg/abc\n")
    project.write(
        "docs/index.md", "---\ndescription: A page of the fixture site, for the tests.\n---\n# Home\n\n<!-- seokb:community -->\n"
    )
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


MARKED = Quizzes((read_quiz(quiz(), P, "judge-a-link", Diagnostics()),))


def test_a_marker_is_replaced_by_the_embedded_quiz() -> None:
    report = Diagnostics()
    page = "# Lesson\n\nText.\n\n<!-- seokb:quiz judge-a-link -->\n\n## Key takeaways\n"
    out = expand_all(page, "docs/lessons/x.md", report, Community(), MARKED, lambda q: f"<form>{q.title}</form>")
    assert out == "# Lesson\n\nText.\n\n<form>Judge a link</form>\n\n## Key takeaways\n"
    assert not report


def test_unknown_empty_and_repeated_markers_are_reported_with_their_lines() -> None:
    report = Diagnostics()
    page = "<!-- seokb:quiz judge-a-lnk -->\n<!-- seokb:quiz -->\n<!--seokb:quiz judge-a-link-->\n\n<!-- seokb:quiz judge-a-link -->\n<!-- seokb:quiz zzz -->\n"
    out = expand_all(page, "docs/lessons/x.md", report, Community(), MARKED, lambda q: "QUIZ")
    assert [str(d) for d in report.sorted()] == [
        "docs/lessons/x.md:1: unknown quiz 'judge-a-lnk' (did you mean 'judge-a-link'?)",
        "docs/lessons/x.md:2: a quiz marker names no quiz; write '<!-- seokb:quiz <id> -->', the id being a file name in quizzes/ without .yml",
        "docs/lessons/x.md:5: quiz 'judge-a-link' is already embedded at line 3; embed a quiz once per page",
        "docs/lessons/x.md:6: unknown quiz 'zzz'; the id is a file name in quizzes/ without .yml",
    ]
    assert out == "\n\nQUIZ\n\n\n\n"


def test_markers_in_code_blocks_and_mid_line_are_left_alone() -> None:
    page = "```html\n<!-- seokb:quiz judge-a-link -->\n```\n\nText <!-- seokb:quiz judge-a-link --> inline.\n    <!-- seokb:quiz judge-a-link -->\n"
    assert [(m.argument, m.line, m.indent) for m in find_markers(page)] == [("judge-a-link", 6, "    ")]
    out = expand_all(page, "docs/x.md", Diagnostics(), Community(), MARKED, lambda q: "<form>\n<p>x</p>\n</form>")
    # An indented marker (inside a list item or an admonition) gets an embed indented the same way.
    assert out.endswith("inline.\n    <form>\n    <p>x</p>\n    </form>\n")


def test_the_old_quiz_marker_is_an_error_that_gives_the_new_spelling() -> None:
    report = Diagnostics()
    out = expand_all("# T\n\n<!-- quiz: judge-a-link -->\n", "docs/x.md", report, Community(), MARKED, lambda q: "QUIZ")
    assert [str(d) for d in report.sorted()] == [
        "docs/x.md:3: '<!-- quiz: judge-a-link -->' is the old quiz marker; write '<!-- seokb:quiz judge-a-link -->'"
    ]
    assert out == "# T\n\n\n"


def test_the_community_marker_takes_no_argument() -> None:
    report = Diagnostics()
    expand_all("<!-- seokb:community discord -->\n", "docs/x.md", report, Community(), MARKED, lambda q: "QUIZ")
    assert [d.message for d in report.sorted()] == [
        "the community marker takes nothing after its name; write '<!-- seokb:community -->'"
    ]
