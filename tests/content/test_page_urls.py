"""Every URL of a page judged as a browser reads it (issue 30, classes 3 and 4): the hostile table through `seokb
check` and through one in-process build, and the allow-list itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.hostile_cases import lesson
from support.project import FIXTURE_CONFIG, build_in_process
from support.url_cases import URL_CASES

from seokb.cli import check
from seokb.content.page_urls import css_urls, html_url_problems, judge_url, rendered_url_problems
from seokb.content.safe_urls import browser_reads, page_url_problem

IDS = [case[0] for case in URL_CASES]
# A 1x1 PNG's first bytes: the lessons' local image exists, so the link check has nothing to say about it.
PNG = b"\x89PNG\r\n\x1a\n"


def write_cases(root: Path) -> None:
    """One lesson per case, docs/lessons/case-<n>.md, each linked from the home page."""
    for folder in ("glossary", "quizzes", "docs/lessons"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(FIXTURE_CONFIG, encoding="utf-8")
    links = "".join(f"- [case {n}](lessons/case-{n}.md)\n" for n in range(len(URL_CASES)))
    (root / "docs/index.md").write_text(f"---\ndescription: Home.\n---\n# Home\n\n{links}", encoding="utf-8")
    (root / "docs/lessons/chart.png").write_bytes(PNG)
    for n, (_, front, body, _) in enumerate(URL_CASES):
        (root / f"docs/lessons/case-{n}.md").write_text(lesson(body, front), encoding="utf-8")


def expected(n: int) -> list[str]:
    return sorted(f"docs/lessons/case-{n}.md:{line}: {message}" for line, message in URL_CASES[n][3])


@pytest.fixture(scope="module")
def cases_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[str]]:
    """The fixture site, checked and built once: (root, what `seokb check` printed, what the build printed)."""
    root = tmp_path_factory.mktemp("url-cases")
    write_cases(root)
    checked = [str(problem) for problem in check(root).sorted()]
    result = build_in_process(root)
    assert "Traceback" not in result.stderr + result.stdout
    printed = [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith(("ERROR", "WARNING"))]
    assert result.returncode == 1 and printed[-1].startswith("Aborted: ")
    return root, checked, printed[:-1]


@pytest.mark.parametrize("n", range(len(URL_CASES)), ids=IDS)
def test_seokb_check_refuses_each_hostile_url_with_its_message(cases_site, n: int) -> None:
    _, checked, _ = cases_site
    assert sorted(line for line in checked if line.startswith(f"docs/lessons/case-{n}.md:")) == expected(n)


@pytest.mark.parametrize("n", range(len(URL_CASES)), ids=IDS)
def test_the_build_refuses_each_hostile_url_with_the_same_message(cases_site, n: int) -> None:
    _, _, built = cases_site
    # The check of script elements reports them once more at line 1 in the build (its rendered backstop), as before.
    backstop = [
        f"docs/lessons/case-{n}.md:1: {message}" for _, message in URL_CASES[n][3] if message.startswith("the page renders a <")
    ]
    assert sorted(line for line in built if line.startswith(f"docs/lessons/case-{n}.md:")) == sorted(expected(n) + backstop)


def test_the_table_covers_both_classes() -> None:
    assert len([case for case in URL_CASES if case[3]]) >= 30
    assert len([case for case in URL_CASES if not case[3]]) >= 2


BROWSER_READS = [
    ("java\nscript:alert(1)", "javascript:alert(1)"),
    ("java\tscr\ript:x", "javascript:x"),
    (" \x01\x1f javascript:x \x00", "javascript:x"),
    ("a b", "a b"),  # a space inside is kept: the browser percent-encodes it
]


@pytest.mark.parametrize("url, read", BROWSER_READS)
def test_a_url_is_read_as_the_whatwg_parser_reads_it(url: str, read: str) -> None:
    assert browser_reads(url) == read


ALLOW_LIST = [
    ("https://example.org/", True, None),
    ("http://example.org/", True, None),
    ("MAILTO:a@example.org", True, None),
    ("../glossary/backlink/", True, None),
    ("#top", False, None),
    ("../assets/images/chart.png", False, None),
    ("https://example.org/p.png", False, ("remote", "example.org")),
    ("//example.org/p.png", False, ("remote", "example.org")),
    ("\\\\example.org/p.png", False, ("remote", "example.org")),
    ("https://user:pw@example.org/", False, ("remote", "example.org")),
    ("//example.org/", True, ("scheme", "")),
    ("mailto:a@example.org", False, ("scheme", "mailto")),
    ("file:///etc/hostname", True, ("scheme", "file")),
    ("JaVaScRiPt:x", True, ("script", "javascript")),
    ("data:image/png;base64,AAAA", False, ("script", "data")),
]


@pytest.mark.parametrize("url, navigation, problem", ALLOW_LIST)
def test_one_allow_list_for_every_url_of_a_page(url: str, navigation: bool, problem) -> None:
    assert page_url_problem(url, navigation=navigation) == problem


CSS = [
    ("p { background: url(https://a.example/x) }", ["https://a.example/x"]),
    ("p { background: url( 'x.png' ) }", ["x.png"]),
    ('@import "https://a.example/x.css";', ["https://a.example/x.css"]),
    ("@import url(https://a.example/x.css);", ["https://a.example/x.css"]),
    ("p { background: u\\72 l(//a.example/x) }", ["//a.example/x"]),
    ("p { background: ur/**/l(//a.example/x) }", ["//a.example/x"]),  # stricter than CSS, which reads 'ur' 'l('
    ('p { background: image-set("a.png" 1x, "https://a.example/b.png" 2x) }', ["a.png", "https://a.example/b.png"]),
    ("p { color: red; content: 'url' }", []),
]


@pytest.mark.parametrize("css, urls", CSS)
def test_css_urls_are_read_as_a_css_parser_reads_them(css: str, urls: list[str]) -> None:
    assert css_urls(css) == urls


def test_the_rendered_check_names_the_source_line_or_the_raw_html_reason() -> None:
    source = '---\ndescription: x\nraw_html: "a figure"\n---\n# T\n\nText.\n\n<img src="https://a.example/p.png">\n'
    page = '<p>Text.</p>\n<img src="https://a.example/p.png">\n<img src="&#x68;ttps://b.example/q.png">'
    lines = [line for line, _ in rendered_url_problems(page, lambda: source)]
    assert lines == [9, 3]  # found in the source; not found: the front matter's reason


def test_a_srcset_candidate_may_be_set_off_by_any_white_space() -> None:
    (problem,) = html_url_problems('<img src="a.png" srcset="a.png 1x,\n\thttps://a.example/b.png\t2x">')
    assert problem.value == "https://a.example/b.png"


def test_a_parser_sees_a_value_across_lines_where_a_line_reader_did_not() -> None:
    (problem,) = html_url_problems('<p>One</p>\n<a title="t"\n   href="java\n\tscript:x">x</a>')
    assert (problem.line, problem.message) == (2, "'javascript:' links are not allowed; link to an https page instead")


MESSAGES = [
    (
        "link",
        "href",
        "ftp://a.example/f",
        "<link href=\"ftp://a.example/f\"> uses 'ftp:'; a page loads and sends only to this site's own addresses",
    ),
    (
        "img",
        "src",
        "mailto:a@example.org",
        "<img src=\"mailto:a@example.org\"> uses 'mailto:'; a page loads and sends only to this site's own addresses",
    ),
    (
        "area",
        "href",
        "ftp://a.example/f",
        "<area href=\"ftp://a.example/f\"> uses 'ftp:'; a link may point inside this site or to an https:, http: or mailto: address",
    ),
    ("a", "href", "https://a.example/" + "x" * 80, None),
    (
        "img",
        "src",
        "https://a.example/" + "x" * 80,
        f'<img src="https://a.example/{"x" * 41}\u2026"> loads a file from a.example; the site loads nothing from another host: save the file under docs/ and use its path there',
    ),
    (
        "img",
        "src",
        "https://a.example/\x01x",
        '<img src="https://a.example/\\u0001x"> loads a file from a.example; the site loads nothing from another host: save the file under docs/ and use its path there',
    ),
]


@pytest.mark.parametrize("tag, attribute, value, message", MESSAGES)
def test_each_refusal_says_what_the_url_is_for(tag: str, attribute: str, value: str, message: str | None) -> None:
    assert judge_url(tag, attribute, value) == message
