"""The addresses of the pages the engine writes, so that a hand-written page at one of them is refused, not lost.

MkDocs keeps one page per address: a docs/ page where the engine writes a term page, a quiz page, an index or the
link profile would be replaced without a word, so a contributor's page would vanish from the site."""

from __future__ import annotations

from collections.abc import Iterable

from seokb.content.model import Glossary
from seokb.content.quiz import Quizzes
from seokb.diagnostics import Diagnostic
from seokb.site.urls import CHEAT_SHEET_PAGE, GLOSSARY_INDEX, QUIZ_INDEX, REVIEW_PAGE, address, page_url, quiz_src, term_src

LINK_PROFILE_PAGE = "link-profile.md"  # links/profile.py's, which site/ may not import (a test keeps them equal)


def engine_pages(glossary: Glossary, quizzes: Quizzes) -> dict[str, str]:
    """Each address the engine writes a page at -> what that page is, as a message names it. An entry or a quiz that
    could not be read keeps its address: its page comes back once it is fixed."""
    owners = {
        address(page_url(GLOSSARY_INDEX)): "the glossary's A-Z index",
        address(page_url(QUIZ_INDEX)): "the list of quizzes",
        address(page_url(LINK_PROFILE_PAGE)): "this site's link profile",
        address(page_url(REVIEW_PAGE)): "the review deck",
        address(page_url(CHEAT_SHEET_PAGE)): "the cheat sheet",
    }
    for slug in sorted({term.slug for term in glossary} | set(glossary.unreadable)):
        owners[address(page_url(term_src(slug)))] = f"the page of glossary/{slug}.yml"
    for quiz_id in sorted({quiz.id for quiz in quizzes} | set(quizzes.unreadable)):
        owners[address(page_url(quiz_src(quiz_id)))] = f"the page of quizzes/{quiz_id}.yml"
    return owners


def pages_at_engine_addresses(src_uris: Iterable[str], docs_path: str, owners: dict[str, str]) -> list[Diagnostic]:
    """A problem for each hand-written page (src_uri under docs/) whose address is one the engine writes a page at."""
    problems = []
    for src_uri in sorted(src_uris):
        at = address(page_url(_as_index(src_uri)))
        if at in owners:
            problems.append(
                Diagnostic(
                    f"{docs_path}/{src_uri}",
                    1,
                    f"the engine writes {owners[at]} at the address {at}, so this page would be dropped from "
                    "the site; move it to another address",
                )
            )
    return problems


def _as_index(src_uri: str) -> str:
    """MkDocs publishes a folder's README.md as its index.md."""
    folder, _, name = src_uri.rpartition("/")
    if name.lower() == "readme.md":
        return f"{folder}/index.md" if folder else "index.md"
    return src_uri
