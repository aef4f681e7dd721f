"""site/engine_pages.py: a hand-written page at an address the engine writes a page at is refused, by name."""

from __future__ import annotations

import pytest

from seokb.content.model import Glossary
from seokb.content.quiz import Quizzes
from seokb.links.profile import LINK_PROFILE_PAGE
from seokb.site import engine_pages as module
from seokb.site.engine_pages import pages_at_engine_addresses

OWNERS = {
    "glossary/": "the glossary's A-Z index",
    "glossary/backlink/": "the page of glossary/backlink.yml",
    "link-profile/": "this site's link profile",
}
DROPPED = "so this page would be dropped from the site; move it to another address"

CASES = [
    ("glossary/backlink.md", f"the engine writes the page of glossary/backlink.yml at the address glossary/backlink/, {DROPPED}"),
    (
        "glossary/backlink/index.md",
        f"the engine writes the page of glossary/backlink.yml at the address glossary/backlink/, {DROPPED}",
    ),
    (
        "glossary/backlink/README.md",
        f"the engine writes the page of glossary/backlink.yml at the address glossary/backlink/, {DROPPED}",
    ),
    ("glossary/README.md", f"the engine writes the glossary's A-Z index at the address glossary/, {DROPPED}"),
    ("link-profile/index.md", f"the engine writes this site's link profile at the address link-profile/, {DROPPED}"),
    ("glossary/backlinks.md", None),
    ("glossary/backlink/more.md", None),
    ("lessons/backlink.md", None),
]


@pytest.mark.parametrize("src_uri, expected", CASES)
def test_a_page_at_an_engine_address_is_refused(src_uri: str, expected: str | None) -> None:
    problems = [str(problem) for problem in pages_at_engine_addresses([src_uri], "docs", OWNERS)]
    assert problems == ([f"docs/{src_uri}:1: {expected}"] if expected else [])


def test_an_unreadable_entry_keeps_its_address() -> None:
    owners = module.engine_pages(Glossary((), unreadable=frozenset({"broken"})), Quizzes(()))
    assert owners["glossary/broken/"] == "the page of glossary/broken.yml"
    assert set(owners) == {"glossary/", "quizzes/", "link-profile/", "review/", "cheat-sheet/", "glossary/broken/"}


def test_the_link_profile_address_is_the_one_links_profile_writes() -> None:
    assert module.LINK_PROFILE_PAGE == LINK_PROFILE_PAGE
