"""Build-time link checking: links found at their exact line, resolved against real pages and anchors."""

from __future__ import annotations

import pytest

from seokb.diagnostics import Diagnostics
from seokb.links.check import check_links, closest_page, orphan_pages, site_map
from seokb.markup.links import Link, markdown_links, page_anchors

SITE = site_map(
    pages={
        "index.md": {"learn"},
        "lessons/what-is-a-backlink.md": {"what-is-a-backlink", "how-links-help-search-engines", "key-takeaways"},
        "lessons/faq.md": {"faq"},
        "glossary/index.md": {"glossary", "category-basics", "letter-a"},
        "glossary/backlink.md": {"backlink", "what-it-means", "example", "common-mistakes"},
    },
    urls={
        "": "index.md",
        "lessons/what-is-a-backlink/": "lessons/what-is-a-backlink.md",
        "glossary/": "glossary/index.md",
        "glossary/backlink/": "glossary/backlink.md",
        "lessons/faq/": "lessons/faq.md",
    },
    files={"assets/images/screenshot.png"},
)
PAGE = "lessons/what-is-a-backlink.md"
FILE = "docs/lessons/what-is-a-backlink.md"


def problems(href: str, page: str = PAGE) -> list[str]:
    report = Diagnostics()
    check_links([Link(FILE, 7, page, href)], SITE, report)
    return [str(d) for d in report.sorted()]


GOOD = [
    "faq.md",
    "faq.md#faq",
    "../glossary/backlink.md",
    "../glossary/backlink.md#common-mistakes",
    "../glossary/index.md#category-basics",
    "../glossary/",
    "../glossary/backlink/",
    "../glossary/backlink/#example",
    "#key-takeaways",
    "../index.md",
    "../",
    "../assets/images/screenshot.png",
    "https://developers.google.com/search",
    "mailto:team@example.org",
    "../glossary/backlink.md#what%2Dit%2Dmeans",
]


@pytest.mark.parametrize("href", GOOD)
def test_good_links_pass(href: str) -> None:
    assert problems(href) == []


BAD = [
    (
        "../glossary/backlink.md#mistakes",
        f"{FILE}:7: link '../glossary/backlink.md#mistakes': '../glossary/backlink.md' has no anchor 'mistakes' (did you mean 'common-mistakes'?)",
    ),
    (
        "../glossary/backlink/#exmple",
        f"{FILE}:7: link '../glossary/backlink/#exmple': '../glossary/backlink/' has no anchor 'exmple' (did you mean 'example'?)",
    ),
    ("#key-takeaway", f"{FILE}:7: link '#key-takeaway': this page has no anchor 'key-takeaway' (did you mean 'key-takeaways'?)"),
    ("#zzz", f"{FILE}:7: link '#zzz': this page has no anchor 'zzz'"),
    (
        "../glossary/backlinks.md",
        f"{FILE}:7: link '../glossary/backlinks.md': 'glossary/backlinks.md' does not exist (did you mean '../glossary/backlink.md'?)",
    ),
    ("zebra.md", f"{FILE}:7: link 'zebra.md': 'lessons/zebra.md' does not exist"),
    ("http://example.com/", f"{FILE}:7: link 'http://example.com/': use https: 'https://example.com/'"),
    ("javascript:alert(1)", f"{FILE}:7: link 'javascript:alert(1)': 'javascript:' links are not allowed"),
    ("", f"{FILE}:7: link '': the link has no target; write [text](page.md)"),
    (
        "/glossary/backlink/",
        f"{FILE}:7: link '/glossary/backlink/': an absolute path breaks when the site moves; link the .md file relatively, e.g. '../glossary/backlink.md'",
    ),
    (
        "ftp://example.com/x",
        f"{FILE}:7: link 'ftp://example.com/x': 'ftp:' links are not allowed; link to an https page or a page of this site",
    ),
    ("https://", f"{FILE}:7: link 'https://': an https link needs a host name"),
    (
        "../assets/images/screenshot.png#x",
        f"{FILE}:7: link '../assets/images/screenshot.png#x': '../assets/images/screenshot.png' is not a page, so it has no anchor 'x'",
    ),
]


@pytest.mark.parametrize("href, expected", BAD, ids=[href or "empty" for href, _ in BAD])
def test_bad_links_are_reported_with_file_line_and_a_hint(href: str, expected: str) -> None:
    assert problems(href) == [expected]


def test_markdown_links_are_found_at_their_lines() -> None:
    text = (
        "# Title\n"  # 1
        "\n"  # 2
        "A [first](a.md) link, and\n"  # 3
        "on the next line [second](b.md#x).\n"  # 4
        "\n"  # 5
        '!!! tip "Admonition"\n'  # 6
        "\n"  # 7
        "    Inside, [third](c.md).\n"  # 8
        "\n"  # 9
        "- item with ![image](d.png)\n"  # 10
        "\n"  # 11
        "```\n[not a link](e.md)\n```\n"  # 12-14
        "\n"  # 15
        "A [reference][ref].\n"  # 16
        "\n"  # 17
        "[ref]: f.md\n"  # 18
    )
    found = [(link.line, link.href) for link in markdown_links(text, "docs/x.md", "x.md", first_line=1)]
    assert found == [(3, "a.md"), (4, "b.md#x"), (8, "c.md"), (10, "d.png"), (16, "f.md")]


def test_front_matter_offset_is_added() -> None:
    assert [link.line for link in markdown_links("Text [a](a.md).\n", "docs/x.md", "x.md", first_line=5)] == [5]


def test_page_anchors_are_ids_and_named_anchors() -> None:
    html = '<h2 id="example">Example</h2><p><a name="old"></a><input id="category-basics"><span name="no"></span></p>'
    assert page_anchors(html) == {"example", "old", "category-basics"}


def test_orphan_pages_are_those_no_other_page_links_to() -> None:
    links = [
        Link("docs/index.md", 3, "index.md", "lessons/what-is-a-backlink.md"),
        Link("docs/lessons/what-is-a-backlink.md", 9, "lessons/what-is-a-backlink.md", "../glossary/backlink.md#example"),
        Link("docs/lessons/what-is-a-backlink.md", 12, "lessons/what-is-a-backlink.md", "#key-takeaways"),  # itself
        Link("glossary/backlink.yml", 1, "glossary/backlink.md", "../../glossary/", page_url="glossary/backlink/"),
        Link("docs/lessons/faq.md", 2, "lessons/faq.md", "faq.md"),  # a page linking only itself stays an orphan
        Link("docs/lessons/faq.md", 4, "lessons/faq.md", "https://example.org/"),
    ]
    assert orphan_pages(links, SITE) == ["lessons/faq.md"]


PAGES = [
    "index.md",
    "lessons/what-is-a-backlink.md",
    "lessons/faq.md",
    "lessons/high-quality-backlinks.md",
    "glossary/backlink.md",
    "glossary/high-quality-backlink.md",
    "glossary/index.md",
    "about.md",
]


@pytest.mark.parametrize(
    "wanted, suggestion",
    [
        ("lessons/what-is-a-backlnk.md", "lessons/what-is-a-backlink.md"),  # a typo
        ("lesson/what-is-a-backlink.md", "lessons/what-is-a-backlink.md"),  # a folder with no page: all are compared
        ("lessons/backlink.md", None),  # a lesson link is offered lessons only, never the term of that name
        ("glossary/backlinks.md", "glossary/backlink.md"),
        # Issue 35: a term linking the lesson without its 's' was offered the term high-quality-backlink.md.
        ("lessons/high-quality-backlink.md", "lessons/high-quality-backlinks.md"),
        ("glossary/high-quality-backlinkz.md", "glossary/high-quality-backlink.md"),
        ("lessons/glossary.md", None),
        ("lessons/first-steps.md", None),  # nothing alike: no suggestion rather than a poor one
        ("docs/lessons/what-is-link-building.md", None),  # shares words and '.md' with a page, but is another page
        ("lessons/faqs.md", "lessons/faq.md"),
    ],
)
def test_a_missing_page_suggests_only_a_close_name(wanted: str, suggestion: str | None) -> None:
    assert closest_page(wanted, PAGES) == suggestion
