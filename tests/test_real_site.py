"""The repository's own site: it builds strictly, and its core pages are there."""

from __future__ import annotations

from pathlib import Path

import pytest

from seokb.diagnostics import Diagnostics
from seokb.glossary import load_glossary

REPO = Path(__file__).resolve().parents[1]
CORE_TERMS = ("backlink", "link-building", "referring-domain", "anchor-text")


@pytest.mark.parametrize("slug", CORE_TERMS)
def test_core_terms_have_pages_with_every_section(real_site: Path, slug: str) -> None:
    html = (real_site / "glossary" / slug / "index.html").read_text(encoding="utf-8")
    for section in ('id="what-it-means"', 'id="example"', 'id="why-it-matters"', 'id="common-mistakes"',
                    'id="related-terms"', 'id="sources"', "Also called:", "Edit this entry"):
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
