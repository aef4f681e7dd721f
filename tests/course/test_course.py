"""The course itself: every lesson and core term is there, complete, connected, and written in our own words."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from support.course import LESSONS
from support.originality import RUN, check_tree, copied_runs, source_runs

from seokb.content.glossary import load_glossary
from seokb.diagnostics import Diagnostics

REPO = Path(__file__).resolve().parents[2]
# Beside the repository on a maintainer's machine; SEOKB_SOURCE_ARTICLE points elsewhere (a git worktree, say).
SOURCE = Path(os.environ.get("SEOKB_SOURCE_ARTICLE", REPO.parent / "shared" / "source" / "backlink-vs-link-building.txt"))
# Named from the repository, so the message reads the same in every clone.
SOURCE_MISSING = (
    f"the source article is not published with the repository; put it at {os.path.relpath(SOURCE, REPO)} "
    "(relative to the repository) or name it in SEOKB_SOURCE_ARTICLE to run this check"
)

# Every concept the source article names has an entry (issue #3's list).
REQUIRED_TERMS = [
    "backlink",
    "link-building",
    "referring-domain",
    "anchor-text",
    "external-link",
    "outbound-link",
    "internal-link",
    "backlink-profile",
    "backlink-strategy",
    "link-building-strategy",
    "link-authority",
    "domain-authority",
    "page-authority",
    "relevance",
    "organic-traffic",
    "crawling-and-discovery",
    "search-rankings",
    "outreach",
    "guest-posting",
    "digital-pr",
    "content-promotion",
    "resource-page-link-building",
    "relationship-building",
    "blogger-outreach",
    "white-hat-link-building",
    "exact-match-anchor-text",
    "branded-anchor-text",
    "natural-anchor-text",
    "link-schemes",
    "spammy-backlinks",
    "google-spam-policies",
    "off-page-seo",
    "technical-seo",
    "search-intent",
    "impressions",
    "nofollow",
    "sponsored-link-attribute",
    "ugc-link-attribute",
]
# The words beginners meet next to those (issue #19's list); some of its names are aliases of these entries.
BEGINNER_TERMS = [
    "keyword",
    "dofollow-link",
    "google-search-console",
    "pagerank",
    "paid-link",
    "sponsored-post",
    "affiliate-link",
    "disavow",
    "broken-link-building",
    "unlinked-brand-mention",
    "link-reclamation",
    "editorial-link",
    "indexing",
    "serp",
    "private-blog-network",
    "reciprocal-link",
    "manual-action",
    "e-e-a-t",
    "referral-traffic",
    "journalist-request-service",
    "partial-match-anchor-text",
    "generic-anchor-text",
    "naked-url-anchor-text",
    "linkable-asset",
    "skyscraper-technique",
    "link-velocity",
    "on-page-seo",
    "canonical-url",
    "link-prospecting",
    "negative-seo",
    "niche",
    "crawl-budget",
    "average-position",
]


def nav_lessons() -> list[str]:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    return re.findall(r"lessons/([a-z0-9-]+)\.md", config)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path.name}: no front matter"
    return yaml.safe_load(text.split("---\n", 2)[1])


def test_the_lessons_are_in_order_in_the_navigation() -> None:
    assert nav_lessons() == LESSONS


@pytest.mark.parametrize("slug", LESSONS)
def test_each_lesson_has_its_parts(slug: str) -> None:
    path = REPO / "docs" / "lessons" / f"{slug}.md"
    assert path.exists(), f"lesson {slug} is missing"
    description = front_matter(path).get("description", "")
    assert 20 <= len(description) <= 200 and "\n" not in description and "[" not in description
    text = path.read_text(encoding="utf-8")
    for part in ('"What you will learn"', "## Key takeaways", "## What to read next"):
        assert part in text, f"{slug}: no {part}"


@pytest.mark.parametrize("page", ["index.md", "about.md"])
def test_home_and_about_have_descriptions(page: str) -> None:
    assert front_matter(REPO / "docs" / page).get("description")


def test_the_glossary_covers_the_article() -> None:
    report = Diagnostics()
    glossary = load_glossary(REPO, report)
    assert not report, [str(d) for d in report.sorted()]
    slugs = {t.slug for t in glossary}
    assert [s for s in REQUIRED_TERMS + BEGINNER_TERMS if s not in slugs] == []
    assert len(glossary) >= 70
    # The lessons' phrase, from Google's spam policies, names what a link passes (link equity), not the PageRank
    # system itself.
    link_authority = glossary.get("link-authority")
    assert link_authority is not None and "ranking credit" in link_authority.aliases
    backlink = glossary.get("backlink")
    assert backlink is not None and "inbound link" in backlink.aliases


def test_every_term_relates_to_at_least_two_others() -> None:
    glossary = load_glossary(REPO, Diagnostics())
    lonely = {t.slug: [r.slug for r in glossary.related_both_ways(t.slug)] for t in glossary}
    assert {slug: related for slug, related in lonely.items() if len(related) < 2} == {}


def test_no_prose_is_copied_from_the_source_article() -> None:
    # The article is not ours to publish, so it lives beside the repository, not in it: our own CI and every
    # maintainer's checkout have it; a fresh clone from GitHub does not, and its `make test` must still pass.
    if not SOURCE.exists():
        pytest.skip(SOURCE_MISSING)
    assert [str(p) for p in check_tree(REPO, SOURCE)] == []


def test_the_copy_check_catches_an_eight_word_run_and_not_seven() -> None:
    runs = source_runs("A backlink is the link you receive from another website, said the article.")
    eight = "Note: a backlink is the link you receive from another place."  # nine shared words, one report
    seven = "Note: a backlink is the link you receive, as a gift."
    assert [c.message for c in copied_runs(eight, "x.md", runs)] == [
        "shares 9 words in a row with the source article: 'a backlink is the link you receive from another'; "
        "say it in your own words"
    ]
    assert copied_runs(seven, "x.md", runs) == []
    assert RUN == 8


def test_the_copy_check_reports_the_line_and_ignores_case_and_punctuation() -> None:
    runs = source_runs("Quality matters more than quantity. Therefore, one relevant backlink wins.")
    found = copied_runs("Intro.\n\nQUALITY matters more than quantity; therefore one relevant...", "docs/x.md", runs)
    assert [str(c) for c in found] == [
        "docs/x.md:3: shares 8 words in a row with the source article: "
        "'quality matters more than quantity therefore one relevant'; say it in your own words"
    ]
