"""Linking the terms on one rendered page: a pure function of the page's HTML, its URL and its source text.

Each page is linked on its own, once every page is rendered (the adapter's on_env), so the result does not depend
on the order MkDocs renders pages in.
"""

from __future__ import annotations

from dataclasses import dataclass

from seokb.links.autolink import Mention, TermMatcher, autolink
from seokb.site.urls import relative_url, term_slug_of, term_url


@dataclass(frozen=True)
class PageToLink:
    """One rendered page, with what linking it needs: its HTML and URL, and the text its links are reported in."""

    html: str
    page_url: str
    source_text: str
    body_line: int = 1
    own_slug: str | None = None


@dataclass(frozen=True)
class LinkedPage:
    html: str
    mentions: list[Mention]
    anchors: set[str]
    links: list[tuple[int, str, str]]  # (source line, href, words) of each link the engine added


def link_page(
    html: str,
    page_url: str,
    matcher: TermMatcher,
    source_text: str,
    body_line: int = 1,
    own_slug: str | None = None,
) -> LinkedPage:
    """The page with each term's first mention linked, every mention, the page's anchors, and the added links.

    `source_text` is the file a contributor edits (the lesson's Markdown, the entry's YAML): each added link is
    reported at the line of its words there, from `body_line` on. A term page never links its own term."""

    def href_for(slug: str) -> str:
        return relative_url(term_url(slug), page_url)

    anchors: set[str] = set()
    html, mentions = autolink(
        html,
        matcher,
        lambda term: href_for(term.slug),
        skip_slug=own_slug,
        hand_link=lambda href: term_slug_of(href, page_url),
        anchors=anchors,
    )
    # Each source line normalised once per page; every linked mention is then looked up in them.
    lines = [" ".join(line.casefold().split()) for line in source_text.splitlines()]
    links = [
        (_line_of(lines, mention.text, after=body_line), href_for(mention.slug), mention.text)
        # An author's own link is counted where it was written (links.check.markdown_links): counting it here too would
        # give the term two inbound links for one.
        for mention in mentions
        if mention.linked and not mention.by_hand and mention.slug in matcher.slugs
    ]
    return LinkedPage(html, mentions, anchors, links)


def _line_of(lines: list[str], words: str, after: int = 1) -> int:
    """The first of the (normalised) source lines, from line `after` on, that holds these words: where an injected
    link is reported."""
    wanted = " ".join(words.casefold().split())
    for number, line in enumerate(lines[after - 1 :], start=after):
        if wanted in line:
            return number
    return after


def link_pages(pages: list[PageToLink], matcher: TermMatcher) -> list[LinkedPage]:
    """link_page for every page, in order. In this process: at 574 pages, forking two workers measured the same as
    linking here, and the real site has about a hundred pages (issue 31)."""
    return [link_page(page.html, page.page_url, matcher, page.source_text, page.body_line, page.own_slug) for page in pages]
