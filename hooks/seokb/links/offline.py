"""The links of the content, known before any page is rendered: the ones the engine's own pages hold (the build
records them in on_files) and the ones `seokb check` checks without building the site: every link in an entry, a quiz or a hand-written page,
against the pages the build will have, and each anchor into a term page against that page's headings.

A build checks more (anchors of lessons, which need the site's Markdown extensions, and the links the engine
writes): this is what can be known in a fraction of a second, so that `make check` does not call valid what the
build refuses.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from markdown.extensions.toc import slugify, unique

from seokb.content.lesson_rules import front_matter
from seokb.content.model import Glossary
from seokb.content.quiz import Quizzes
from seokb.diagnostics import Diagnostics
from seokb.links.check import check_links, site_map
from seokb.links.profile import LINK_PROFILE_PAGE
from seokb.markup.links import Link
from seokb.site.feed import FEED_FILE
from seokb.site.glossary_json import SCHEMA_FILE
from seokb.site.glossary_pages import index_page_links, term_page, term_page_links
from seokb.site.quiz_pages import list_links, quiz_links
from seokb.site.redirects import REDIRECT_FROM, Redirect, page_redirects, settle, term_redirects
from seokb.site.urls import (
    CHEAT_SHEET_PAGE,
    CHECKLIST_LESSON,
    GLOSSARY_INDEX,
    QUIZ_INDEX,
    REVIEW_PAGE,
    address,
    card_uri,
    lesson_src,
    oembed_uri,
    page_url,
    quiz_src,
    source_path,
    term_src,
)

# A term page's headings are the template's own ATX headings; their ids are what the build's toc extension makes of
# them (its slugify and unique), so they need no Markdown rendering.
_HEADING = re.compile(r"^#{1,6} +(.+?) *#*$", re.MULTILINE)


def term_page_anchors(glossary: Glossary) -> dict[str, set[str] | None]:
    """Each term page with the ids of its headings, as the build's toc extension makes them from the same Markdown."""
    pages: dict[str, set[str] | None] = {term_src(slug): None for slug in glossary.unreadable}
    for term in glossary:
        ids: set[str] = set()
        for heading in _HEADING.findall(term_page(term, glossary)):
            ids.add(unique(slugify(html.unescape(heading).strip(), "-"), ids))
        pages[term_src(term.slug)] = ids | {"mentioned-in"}  # added when another page mentions it
    return pages


def generated_page_links(glossary: Glossary, quizzes: Quizzes) -> list[Link]:
    """Every link on the pages the engine writes from the content (the A-Z index, the term pages, the quiz list
    and quiz pages), each at the line of the YAML that caused it: what both the build and `seokb check` check."""
    links = index_page_links(glossary)
    for term in glossary:
        links += term_page_links(term, glossary)
    links += list_links(quizzes)
    for quiz in quizzes:
        links += quiz_links(quiz)
    return links


def check_content_links(
    pages: dict[str, str], statics: Iterable[str], glossary: Glossary, quizzes: Quizzes, links: list[Link], report: Diagnostics
) -> None:
    """`pages`: each hand-written page's src_uri (relative to docs/) -> its text; `statics`: the other files docs/
    publishes; `links`: every link of the content (the engine's pages' and the hand-written pages'); every broken one
    goes to `report`."""
    known: dict[str, set[str] | None] = {src_uri: None for src_uri in pages}  # a lesson's anchors need a build
    known.update(term_page_anchors(glossary))
    known.update({src: None for src in (GLOSSARY_INDEX, QUIZ_INDEX, LINK_PROFILE_PAGE, *review_pages(pages))})
    known.update({quiz_src(quiz_id): None for quiz_id in (*quizzes.ids, *quizzes.unreadable)})
    files = set(statics)
    # What the build writes beside the pages: the data files, and each page's card and oEmbed answer.
    files |= {"glossary.json", SCHEMA_FILE, FEED_FILE}
    files |= {uri for src_uri in known for uri in (card_uri(page_url(src_uri)), oembed_uri(page_url(src_uri)))}
    site = site_map(known, {page_url(src_uri): src_uri for src_uri in known}, files)
    check_links(links, site, report)


def review_pages(pages: Iterable[str]) -> tuple[str, ...]:
    """The review deck, and the cheat sheet when the lesson it is made from is among the hand-written `pages`."""
    return (REVIEW_PAGE, CHEAT_SHEET_PAGE) if lesson_src(CHECKLIST_LESSON) in set(pages) else (REVIEW_PAGE,)


def site_pages(pages: Iterable[str], glossary: Glossary, quizzes: Quizzes) -> set[str]:
    """Every page a build writes, by Markdown name: the hand-written `pages` and the ones the engine adds."""
    generated = {GLOSSARY_INDEX, QUIZ_INDEX, LINK_PROFILE_PAGE, *review_pages(pages)}
    return {*pages, *generated, *(term_src(term.slug) for term in glossary), *(quiz_src(quiz_id) for quiz_id in quizzes.ids)}


@dataclass(frozen=True)
class SiteAddresses:
    """What a build will serve, known without building it."""

    pages: dict[str, str]  # address -> the page's Markdown name ('glossary/backlink/' -> 'glossary/backlink.md')
    paths: dict[str, str]  # address -> the file a contributor edits for it ('glossary/backlink.yml', 'docs/faq.md')
    redirects: dict[str, Redirect]  # old address -> the redirect that stands there


def site_addresses(
    docs: str,
    pages: dict[str, str],
    glossary: Glossary,
    quizzes: Quizzes,
    report: Diagnostics,
    files: frozenset[str] = frozenset(),
    declared: list[Redirect] | None = None,
) -> SiteAddresses:
    """`pages`: each hand-written page's src_uri (relative to the `docs` folder) -> its text; `files`: the other files
    under it, which a redirect may not overwrite. The redirects come from the entries' `old_slugs` and the pages'
    `redirect_from` (`declared`, when the pages' own check has read them already), checked as the build checks them."""
    names = {address(page_url(src_uri)): src_uri for src_uri in sorted(site_pages(pages, glossary, quizzes))}
    paths = {at: f"{docs}/{src_uri}" if src_uri in pages else (source_path(src_uri) or src_uri) for at, src_uri in names.items()}
    if declared is None:
        declared = []
        for src_uri, text in sorted(pages.items()):
            meta = front_matter(text)
            if REDIRECT_FROM in meta:
                declared += page_redirects(meta[REDIRECT_FROM], text, page_url(src_uri), f"{docs}/{src_uri}", report)
    return SiteAddresses(names, paths, settle(term_redirects(glossary) + declared, names, report, files))
