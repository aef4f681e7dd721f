"""The web between pages: which pages mention each term (its backlinks), which terms each lesson uses, and orphans."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from seokb.content.model import Glossary, Term
from seokb.diagnostics import Diagnostic
from seokb.links.autolink import Mention


@dataclass(frozen=True)
class PageRef:
    """A page as a panel shows it: where it lives and what it is called."""

    src_uri: str
    title: str


@dataclass(frozen=True)
class Backlink:
    """A page that mentions a term, with the sentence of its first mention."""

    page: PageRef
    sentence: str


def invert(mentions: Mapping[PageRef, Sequence[Mention]]) -> dict[str, list[Backlink]]:
    """Term slug -> the pages that mention it, in page order, one entry per page (its first mention's sentence)."""
    backlinks: dict[str, list[Backlink]] = {}
    for page, page_mentions in mentions.items():
        seen: set[str] = set()
        for mention in page_mentions:
            if mention.slug not in seen:
                seen.add(mention.slug)
                backlinks.setdefault(mention.slug, []).append(Backlink(page, mention.sentence))
    return backlinks


def terms_used(page_mentions: Sequence[Mention], glossary: Glossary) -> list[Term]:
    """The terms a page mentions, in the order a reader meets them."""
    slugs = dict.fromkeys(mention.slug for mention in page_mentions)
    return [term for slug in slugs if (term := glossary.get(slug)) is not None]


def orphans(glossary: Glossary, backlinks: Mapping[str, Sequence[Backlink]]) -> list[Term]:
    """Terms no page mentions and no entry relates to: reachable only from the A-Z index."""
    return [term for term in glossary if not backlinks.get(term.slug) and not glossary.related_both_ways(term.slug)]


def orphan_term_warnings(glossary: Glossary, backlinks: Mapping[str, Sequence[Backlink]]) -> list[Diagnostic]:
    """Each orphan term at line 1 of its entry."""
    return [
        Diagnostic(
            term.path,
            1,
            (
                f"orphan term: no page mentions '{term.term}' and no entry relates to it; "
                "mention it in a lesson or list it under another entry's related"
            ),
            "warning",
        )
        for term in orphans(glossary, backlinks)
    ]
