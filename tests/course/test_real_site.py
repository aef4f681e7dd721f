"""The repository's own site: it builds strictly, and its core pages are there."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support.course import LESSONS as LESSON_ORDER

from seokb.content.glossary import load_glossary
from seokb.diagnostics import Diagnostics

REPO = Path(__file__).resolve().parents[2]
CORE_TERMS = ("backlink", "link-building", "referring-domain", "anchor-text")


@pytest.mark.parametrize("slug", CORE_TERMS)
def test_core_terms_have_pages_with_every_section(real_site: Path, slug: str) -> None:
    html = (real_site / "glossary" / slug / "index.html").read_text(encoding="utf-8")
    for section in (
        'id="what-it-means"',
        'id="example"',
        'id="why-it-matters"',
        'id="common-mistakes"',
        'id="related-terms"',
        'id="sources"',
        "Also called:",
        "Edit this entry",
    ):
        assert section in html, f"{slug}: no {section}"


def test_the_index_lists_every_term(real_site: Path) -> None:
    glossary = load_glossary(REPO, Diagnostics())
    html = (real_site / "glossary" / "index.html").read_text(encoding="utf-8")
    for term in glossary:
        assert f'href="{term.slug}/"' in html, term.slug


def test_term_urls_are_short_and_stable(real_site: Path) -> None:
    assert (real_site / "glossary" / "anchor-text" / "index.html").exists()
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://seokb.github.io/seokb/glossary/anchor-text/" in sitemap


def mentioned_in(real_site: Path, slug: str) -> list[str]:
    html = (real_site / "glossary" / slug / "index.html").read_text(encoding="utf-8")
    panel = html[html.index('id="mentioned-in"') : html.index('id="sources"')]
    return re.findall(r'<li><a href="\.\./\.\./lessons/([a-z0-9-]+)/">', panel)


# Each core term earns backlinks from the lessons that teach it (a lesson dropping its mention fails this).
CORE_BACKLINKS = {
    "backlink": ["what-is-a-backlink", "what-is-link-building", "backlinks-vs-link-building", "high-quality-backlinks", "faq"],
    "link-building": ["what-is-link-building", "backlinks-vs-link-building", "safe-link-building", "using-both-together"],
    "referring-domain": ["why-the-difference-matters", "backlinks-in-real-seo-work", "using-both-together"],
    "anchor-text": ["what-is-a-backlink", "high-quality-backlinks", "safe-link-building", "beginner-mistakes"],
}


@pytest.mark.parametrize("slug", CORE_TERMS)
def test_core_terms_earn_backlinks_from_the_lessons_that_teach_them(real_site: Path, slug: str) -> None:
    lessons = mentioned_in(real_site, slug)
    assert [lesson for lesson in CORE_BACKLINKS[slug] if lesson not in lessons] == []
    assert lessons == sorted(lessons, key=LESSON_ORDER.index), "backlinks are listed in course order"


def test_every_lesson_ends_with_its_terms(real_site: Path) -> None:
    for lesson in LESSON_ORDER:
        html = (real_site / "lessons" / lesson / "index.html").read_text(encoding="utf-8")
        assert 'id="terms-in-this-lesson"' in html, lesson
        terms = html[html.index('id="terms-in-this-lesson"') :]
        assert terms.count("<dt>") >= 3, lesson


def test_search_indexes_what_a_page_says_not_the_lists_that_repeat_other_pages(real_site: Path) -> None:
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {entry["location"] for entry in index["docs"]}
    # The definition and the lessons' own sections are found ...
    assert "glossary/backlink/#what-it-means" in locations
    assert any(location.startswith("lessons/what-is-a-backlink/#") for location in locations)
    # ... while "Mentioned in" (sentences quoted from lessons) and "Terms in this lesson" (the glossary's one-liners)
    # are left out: searching would otherwise list every page that repeats a sentence.
    assert [location for location in locations if location.endswith(("#mentioned-in", "#terms-in-this-lesson"))] == []
    quoted = (real_site / "glossary" / "backlink" / "index.html").read_text(encoding="utf-8")
    assert 'id="mentioned-in" data-search-exclude' in quoted
    # The share and edit lines are page controls: on the page, not in the index.
    assert "Share this term:" in quoted and "Edit this entry" in quoted
    texts = " ".join(entry["text"] for entry in index["docs"] if entry["location"].startswith("glossary/"))
    assert "Share this term" not in texts and "Edit this entry" not in texts


def test_each_term_page_carries_its_names_in_the_search_index(real_site: Path) -> None:
    # The engine adds them once the theme has written the index (mkdocs/events.on_post_build, site/search_names.py).
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    names = {doc["location"]: doc["names"] for doc in index["docs"] if "names" in doc}
    assert set(names) == {f"glossary/{term.slug}/" for term in load_glossary(REPO, Diagnostics())}
    assert names["glossary/anchor-text/"] == ["_anchor_text", "_link_text", "_link_anchor"]
    assert names["glossary/off-page-seo/"][0] == "_off_page_seo"
    assert index["config"]["fields"]["names"] == {"boost": 1e9}


def test_no_slot_is_left_in_any_page(real_site: Path) -> None:
    pages = list(real_site.rglob("*.html"))
    assert len(pages) > 50
    assert [page for page in pages if "seokb-slot" in page.read_text(encoding="utf-8")] == []


def test_the_published_glossary_json_is_valid_against_the_published_schema(real_site: Path) -> None:
    import jsonschema

    document = json.loads((real_site / "glossary.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, json.loads((real_site / "glossary.schema.json").read_text(encoding="utf-8")))
    assert len(document["terms"]) == len(load_glossary(REPO, Diagnostics()))
    assert all(term["definition"] and "](" not in term["definition"] for term in document["terms"])
