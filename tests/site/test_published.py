"""published-urls.txt read line by line, and the redirect page left at an old address."""

from __future__ import annotations

import re

import pytest
from support.golden import assert_golden

from seokb.content.model import Glossary, Source, Term
from seokb.diagnostics import Diagnostics
from seokb.site.published import HEADER, NewPage, Published, check_published, read_published, render_published, unlisted
from seokb.site.redirects import Redirect, old_page_names, redirect_page, settle
from seokb.site.urls import address, page_src_of, redirect_file


def messages(report: Diagnostics) -> list[str]:
    return [str(d) for d in report.sorted()]


def test_the_list_reads_addresses_with_their_lines_and_skips_comments_and_blank_lines() -> None:
    report = Diagnostics()
    entries = read_published("# a note\n\n./\nglossary.json\nglossary/anchor-text/\n  glossary/backlink/  \n", report)
    assert messages(report) == []
    assert entries == [
        Published(3, "./"),
        Published(4, "glossary.json"),
        Published(5, "glossary/anchor-text/"),
        Published(6, "glossary/backlink/"),
    ]


@pytest.mark.parametrize(
    "line, message",
    [
        (
            "/glossary/backlink/",
            "'/glossary/backlink/' starts with '/'; write the path after the site's address, like glossary/anchor-text/",
        ),
        (
            "https://seokb.github.io/seokb/glossary/backlink/",
            "'https://seokb.github.io/seokb/glossary/backlink/' is a full URL; write the path after the site's address, like glossary/anchor-text/",
        ),
        ("glossary/backlink/#example", "'glossary/backlink/#example' has a query or an anchor; write the page's path only"),
        ("glossary/backlink", "'glossary/backlink' is a page without its closing slash; write glossary/backlink/"),
        (
            "glossary/../about/",
            "'glossary/../about/' is not a path of this site (letters, digits, '.', '_' and '-' between slashes)",
        ),
        (
            "glossary/back link/",
            "'glossary/back link/' is not a path of this site (letters, digits, '.', '_' and '-' between slashes)",
        ),
    ],
)
def test_a_line_that_is_not_an_address_is_an_error_at_its_line(line: str, message: str) -> None:
    report = Diagnostics()
    assert read_published(f"# header\n./\n{line}\n", report) == [Published(2, "./")]
    assert messages(report) == [f"published-urls.txt:3: {message}"]


def test_a_repeated_or_unsorted_line_is_an_error_at_its_line() -> None:
    report = Diagnostics()
    entries = read_published("lessons/faq/\nabout/\nlessons/faq/\n", report)
    assert [entry.address for entry in entries] == ["lessons/faq/", "about/"]
    assert messages(report) == [
        "published-urls.txt:2: about/ is out of order (the list is sorted); run `.venv/bin/seokb published --update`",
        "published-urls.txt:3: lessons/faq/ is listed already, at line 1; remove this line",
    ]


def test_the_written_list_is_its_header_then_each_address_once_sorted_and_reads_back() -> None:
    text = render_published(["lessons/faq/", "./", "glossary/backlink/", "lessons/faq/"])
    assert text == HEADER + "./\nglossary/backlink/\nlessons/faq/\n"
    report = Diagnostics()
    assert [entry.address for entry in read_published(text, report)] == ["./", "glossary/backlink/", "lessons/faq/"]
    assert not report


def test_new_addresses_are_the_served_ones_the_list_lacks() -> None:
    listed = [Published(1, "./"), Published(2, "about/")]
    assert unlisted(listed, {"./", "about/", "glossary/new/", "feed.xml"}) == ["feed.xml", "glossary/new/"]


def term(slug: str, name: str, aliases: tuple[str, ...] = ()) -> Term:
    return Term(
        slug=slug,
        term=name,
        short="Short.",
        definition="D.",
        example="E.",
        category="basics",
        sources=(Source("S", "https://example.org"),),
        aliases=aliases,
        path=f"glossary/{slug}.yml",
        lines={("term",): 2, ("aliases", 0): 4},
    )


def test_a_published_address_nothing_serves_is_an_error_with_the_fix_and_the_likely_successor() -> None:
    glossary = Glossary((term("link-profile", "Link profile", aliases=("Backlink profile",)), term("outreach", "Outreach")))
    published = [Published(10, "glossary/backlink-profile/"), Published(11, "glossary/outreach/"), Published(12, "lessons/old/")]
    new = [NewPage("glossary/link-profile/", "glossary/link-profile.yml"), NewPage("lessons/new/", "docs/lessons/new.md")]
    report = Diagnostics()
    check_published(published, {"glossary/outreach/", "glossary/link-profile/", "lessons/new/"}, glossary, new, report)
    never = "delete the line only if the address never went live (a draft removed before it was merged)"
    assert messages(report) == [
        "published-urls.txt:10: glossary/backlink-profile/ was published and no page or redirect serves it now, so links "
        "to it shared in chats would break; add `old_slugs: [backlink-profile]` to the entry that replaced "
        "glossary/backlink-profile.yml (glossary/link-profile.yml:4 is called 'Backlink profile', the old address's name: "
        f"is it that entry?); {never}",
        "published-urls.txt:12: lessons/old/ was published and no page or redirect serves it now, so links to it shared in "
        "chats would break; add `redirect_from: [lessons/old.md]` to the front matter of the page that replaced "
        f"docs/lessons/old.md (docs/lessons/new.md is new since the list was updated: is it that page?); {never}",
    ]


def test_a_renamed_entry_without_its_old_name_is_matched_to_the_new_entry() -> None:
    glossary = Glossary((term("anchor-text", "Anchor text"), term("link-text-ratio", "Link text ratio")))
    report = Diagnostics()
    new = [NewPage("glossary/link-text-ratio/", "glossary/link-text-ratio.yml")]
    check_published([Published(3, "glossary/anchor-ratio/")], {"glossary/anchor-text/"}, glossary, new, report)
    assert "(glossary/link-text-ratio.yml is new since the list was updated: is it that entry?)" in messages(report)[0]


def test_a_data_file_that_is_gone_asks_for_it_back() -> None:
    report = Diagnostics()
    check_published([Published(1, "feed.xml")], set(), Glossary(), [], report)
    assert messages(report) == [
        "published-urls.txt:1: feed.xml was published and no page or redirect serves it now, so links to it shared in "
        "chats would break; the engine no longer writes feed.xml: bring the file back; delete the line only if the "
        "address never went live (a draft removed before it was merged)"
    ]


def test_addresses_and_file_names() -> None:
    assert address("") == address(".") == address("./") == address("index.html") == "./"
    assert address("glossary/old/index.html") == address("/glossary/old/") == "glossary/old/"
    assert address("glossary.json") == "glossary.json"
    assert redirect_file("glossary/old/") == "glossary/old/index.html"
    assert page_src_of("lessons/old/") == "lessons/old.md" and page_src_of("./") == "index.md"


def test_the_redirect_page_sends_readers_and_search_engines_to_the_new_address() -> None:
    page = redirect_page(
        "glossary/backlink-profile/",
        "glossary/link-profile/",
        "Link profile",
        "https://seokb.github.io/seokb/glossary/link-profile/",
    )
    assert_golden("redirect-page.html", page)
    # One line of script keeps the old address's #fragment; the refresh serves readers and robots without script.
    assert page.count("<script") == 1 and '<noscript><meta http-equiv="refresh"' in page


def test_the_redirect_page_escapes_the_title_and_keeps_each_url_one_token() -> None:
    page = redirect_page(
        "old/",
        'new "page"/<x>/',
        'Links & "quotes" <b>',
        "https://example.org/new \"page\"/<x>/?a=1&b='2'",
    )
    assert "<title>Moved: Links &amp; &quot;quotes&quot; &lt;b&gt;</title>" in page
    assert '<meta http-equiv="refresh" content="0; url=../new%20%22page%22/%3Cx%3E/">' in page
    assert '<a href="../new%20%22page%22/%3Cx%3E/">Links &amp; &quot;quotes&quot; &lt;b&gt;</a>' in page
    assert '<link rel="canonical" href="https://example.org/new%20%22page%22/%3Cx%3E/?a=1&amp;b=&#x27;2&#x27;">' in page
    # Nothing the values held opened a tag or ended an attribute: every tag is one of the page's own.
    assert re.findall(r"<([a-z]+)", page) == [
        "html", "head", "meta", "title", "meta", "link", "script", "noscript", "meta", "body", "p", "a"
    ]  # fmt: skip
    # In the script, the URL is one JSON string that cannot end the script element.
    assert '<script>location.replace("../new%20%22page%22/%3Cx%3E/" + location.hash)</script>' in page


def test_redirect_from_is_read_with_the_line_of_each_old_name() -> None:
    text = (
        "---\ndescription: x\nredirect_from:\n  - lessons/old-name.md\n  - /lessons/x.html\n  - lessons/old-name.md\n---\n# T\n"
    )
    names, problems = old_page_names(["lessons/old-name.md", "/lessons/x.html", "lessons/old-name.md"], text)
    assert names == [("lessons/old-name.md", 4)]
    assert problems == [
        (
            5,
            "redirect_from: '/lessons/x.html' is not a page's old file name; write its path in docs/ with .md, like lessons/old-name.md",
        ),
        (6, "redirect_from: lists 'lessons/old-name.md' twice; remove the repeat"),
    ]
    assert old_page_names("faq-old.md", "---\nredirect_from: faq-old.md\n---\n") == ([("faq-old.md", 2)], [])
    assert old_page_names({"a": 1}, "---\nredirect_from:\n  a: 1\n---\n")[1] == [
        (2, "redirect_from: list the page's old file names, like [lessons/old-name.md]")
    ]


def test_a_redirect_cannot_stand_on_a_page_or_on_an_address_claimed_already() -> None:
    report = Diagnostics()
    first = Redirect("lessons/old/", "lessons/new/", "docs/lessons/new.md", 3)
    standing = settle(
        [
            first,
            Redirect("lessons/old/", "about/", "docs/about.md", 4),
            Redirect("about/", "lessons/new/", "docs/lessons/new.md", 5),
        ],
        {"about/": "about.md", "lessons/new/": "lessons/new.md"},
        report,
    )
    assert standing == {"lessons/old/": first}
    assert messages(report) == [
        "docs/about.md:4: lessons/old/ is already redirected to lessons/new/ by docs/lessons/new.md:3; an old address can lead to one page only",
        "docs/lessons/new.md:5: about/ is still a page of the site (about.md); a redirect can only stand where no page is",
    ]
