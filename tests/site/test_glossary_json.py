"""glossary.json for the community bot: its shape against a golden file, absolute URLs, and the same bytes every run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.golden import assert_golden

from seokb.content.model import Glossary, Source, Term
from seokb.site.glossary_json import glossary_document, glossary_json

SITE_URL = "https://seokb.github.io/seokb/"


def make_term(slug: str, term: str, **fields) -> Term:
    values = dict(
        slug=slug,
        term=term,
        short=f"What {term.lower()} means, in one line.",
        definition="A definition.\n",
        example="An example.\n",
        category="basics",
        sources=(Source("Google Search Central", "https://developers.google.com/search"),),
        path=f"glossary/{slug}.yml",
    )
    values.update(fields)
    return Term(**values)


BACKLINK = make_term(
    "backlink",
    "Backlink",
    aliases=("inbound link", "incoming link"),
    related=("link-building", "anchor-text"),
    definition="A definition with a [link](anchor-text.md).\n",
)
ANCHOR_TEXT = make_term("anchor-text", "Anchor text", short='The clickable words of a link \u2014 "click here", say.')
LINK_BUILDING = make_term("link-building", "Link building", category="strategy")
OUTREACH = make_term("outreach", "Outreach", related=("backlink",))
GLOSSARY = Glossary((ANCHOR_TEXT, BACKLINK, LINK_BUILDING, OUTREACH))


def test_glossary_json_golden() -> None:
    assert_golden("share-glossary.json", glossary_json(GLOSSARY, "seokb", SITE_URL))


def test_terms_are_sorted_by_slug_whatever_the_order_given() -> None:
    shuffled = Glossary((OUTREACH, LINK_BUILDING, BACKLINK, ANCHOR_TEXT))
    assert [t["slug"] for t in glossary_document(shuffled, "seokb", SITE_URL)["terms"]] == [
        "anchor-text",
        "backlink",
        "link-building",
        "outreach",
    ]
    assert glossary_json(shuffled, "seokb", SITE_URL) == glossary_json(GLOSSARY, "seokb", SITE_URL)


def test_each_term_has_the_fields_a_bot_needs() -> None:
    document = json.loads(glossary_json(GLOSSARY, "seokb", SITE_URL))
    assert document["site"] == {"name": "seokb", "url": SITE_URL}
    assert document["generated_from"] == "glossary/"
    backlink = next(t for t in document["terms"] if t["slug"] == "backlink")
    assert backlink == {
        "term": "Backlink",
        "slug": "backlink",
        "aliases": ["inbound link", "incoming link"],
        "short": "What backlink means, in one line.",
        "category": "basics",
        "category_label": "Basics",
        "definition": "A definition with a link.",
        "url": "https://seokb.github.io/seokb/glossary/backlink/",
        # Its own related terms first, then the one that names it: what its page shows.
        "related": ["link-building", "anchor-text", "outreach"],
    }


@pytest.mark.parametrize("site_url", ["https://seokb.github.io/seokb/", "https://seokb.github.io/seokb"])
def test_urls_are_absolute_with_or_without_a_trailing_slash(site_url: str) -> None:
    urls = [t["url"] for t in glossary_document(GLOSSARY, "seokb", site_url)["terms"]]
    assert urls[0] == "https://seokb.github.io/seokb/glossary/anchor-text/"


def test_the_page_path_can_follow_use_directory_urls_false() -> None:
    document = glossary_document(GLOSSARY, "seokb", SITE_URL, page_path=lambda term: f"glossary/{term.slug}.html")
    assert document["terms"][0]["url"] == "https://seokb.github.io/seokb/glossary/anchor-text.html"


def test_an_empty_glossary_still_gives_a_document() -> None:
    assert json.loads(glossary_json(Glossary(), "seokb", SITE_URL))["terms"] == []


def test_keys_are_sorted_and_non_ascii_is_kept() -> None:
    text = glossary_json(GLOSSARY, "seokb", SITE_URL)
    assert text.index('"generated_from"') < text.index('"site"') < text.index('"terms"')
    assert "\u2014" in text and "\\u2014" not in text and text.endswith("}\n")


def test_glossary_json_is_valid_against_its_published_schema() -> None:
    import jsonschema

    schema = json.loads(
        (Path(__file__).resolve().parents[2] / "hooks/seokb/schema/glossary.schema.json").read_text(encoding="utf-8")
    )
    document = json.loads(glossary_json(GLOSSARY, "seokb", SITE_URL))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(document, schema)
    assert document["$schema"] == SITE_URL + "glossary.schema.json" and document["schema_version"] == 2
    backlink = next(t for t in document["terms"] if t["slug"] == "backlink")
    # The definition as plain text: the link's words stay, its Markdown and URL go.
    assert backlink["definition"] == "A definition with a link."
    assert (backlink["category"], backlink["category_label"]) == ("basics", "Basics")
