"""Linking the terms on one page: a pure function of its HTML, its URL and its source text."""

from __future__ import annotations

import pytest
from mkdocs.utils import get_relative_url
from support.project import REPO

from seokb.content.glossary import load_glossary
from seokb.diagnostics import Diagnostics
from seokb.links.autolink import TermMatcher
from seokb.links.terms import link_page
from seokb.site.urls import relative_url, term_slug_of

GLOSSARY = load_glossary(REPO, Diagnostics())
MATCHER = TermMatcher(GLOSSARY)


@pytest.mark.parametrize(
    "url, page",
    [
        ("glossary/backlink/", "lessons/what-is-a-backlink/"),
        ("glossary/backlink/", ""),
        ("glossary/backlink/", "."),
        ("glossary/backlink/", "glossary/anchor-text/"),
        ("glossary/backlink/", "glossary/backlink/"),
        ("glossary/backlink/", "404.html"),
        ("glossary/backlink/", "lessons/page.html"),
        ("index.html", "a/b/c/"),
        ("glossary/", "link-profile/"),
        ("a/b.png", "a/"),
    ],
)
def test_relative_urls_are_mkdocs_own(url: str, page: str) -> None:
    assert relative_url(url, page) == get_relative_url(url, page)


# Every pair of the kinds of address a build links between: the engine's own segment comparison must agree with
# MkDocs' get_relative_url on each, since the two write links into the same pages.
ADDRESSES = (
    "",
    ".",
    "./",
    "index.html",
    "404.html",
    "glossary/",
    "glossary/backlink/",
    "glossary/anchor-text/",
    "lessons/faq/",
    "lessons/",
    "lessons/page.html",
    "assets/cards/x.png",
    "a/b/c/",
    "a/b/",
    "a/b/c",
    "a/",
)


@pytest.mark.parametrize("page", ADDRESSES)
def test_relative_urls_agree_with_mkdocs_for_every_pair(page: str) -> None:
    # A link to the page itself is './' in the engine where MkDocs writes '.': both lead to the same page.
    pairs = [(url, get_relative_url(url, page)) for url in ADDRESSES if url != "."]
    assert [relative_url(url, page) for url, _ in pairs] == [mkdocs if mkdocs != "." else "./" for _, mkdocs in pairs]


@pytest.mark.parametrize(
    "href, page, slug",
    [
        ("../../glossary/backlink/", "lessons/one/", "backlink"),
        ("../glossary/backlink/", "lessons/one/", None),
        ("backlink/", "glossary/", "backlink"),
        ("../", "glossary/backlink/", None),
        ("./", "glossary/", None),
        ("https://example.org/glossary/backlink/", "lessons/one/", None),
        ("#top", "glossary/backlink/", "backlink"),
        ("../../glossary/backlink/#why-it-matters", "lessons/one/", "backlink"),
        ("../", "glossary/x/", None),
    ],
)
def test_an_authors_link_names_the_term_it_leads_to(href: str, page: str, slug: str | None) -> None:
    assert term_slug_of(href, page) == slug


def test_an_authors_own_link_is_not_counted_again_as_an_added_link() -> None:
    source = "# T\n\nA [backlink](../../glossary/backlink.md) and anchor text.\n"
    html = '<p>A <a href="../../glossary/backlink/">backlink</a> and anchor text.</p>'
    linked = link_page(html, "lessons/x/", MATCHER, source)
    assert [(m.slug, m.linked, m.by_hand) for m in linked.mentions] == [("backlink", True, True), ("anchor-text", True, False)]
    assert linked.links == [(3, "../../glossary/anchor-text/", "anchor text")]  # the one link the engine added


def test_the_added_links_are_found_below_the_front_matter_and_a_term_page_skips_its_own_term() -> None:
    source = "---\ndescription: backlink\n---\n# T\n\nA backlink.\n"
    linked = link_page("<p>A backlink.</p>", "lessons/x/", MATCHER, source, body_line=4)
    assert linked.links == [(6, "../../glossary/backlink/", "backlink")]  # not line 2, in the front matter
    own = link_page("<p>A backlink.</p>", "glossary/backlink/", MATCHER, "term: Backlink\n", own_slug="backlink")
    assert own.html == "<p>A backlink.</p>" and own.links == []


def test_link_pages_links_each_page_as_link_page_does() -> None:
    from seokb.links.terms import PageToLink, link_pages

    pages = [
        PageToLink(
            f"<h1 id='p{n}'>Page {n}</h1><p>A backlink and anchor text, then a backlink again.</p>",
            f"lessons/p{n}/",
            f"# Page {n}\n\nA backlink and anchor text, then a backlink again.\n",
            own_slug="backlink" if n % 3 == 0 else None,
        )
        for n in range(6)
    ]
    here = link_pages(pages, MATCHER)
    assert here == [link_page(p.html, p.page_url, MATCHER, p.source_text, p.body_line, p.own_slug) for p in pages]
    assert [len(page.links) for page in here[:3]] == [1, 2, 2]  # a term page does not link its own term
