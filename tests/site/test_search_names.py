"""The glossary's names in the search index (site/search_names.py), on plain index JSON."""

from __future__ import annotations

import json
import re

import pytest

from seokb.site.search_names import SearchIndexError, index_with_names, joined_name

THEME_SEPARATOR = re.compile(r"[\s\-]+")  # mkdocs-material's default
# Material's recommended separator for technical sites, which also splits at punctuation and between camel-case words.
WIDER_SEPARATOR = re.compile(r'[\s\-,:!=\[\]()"`/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])')


@pytest.mark.parametrize(
    ("name", "separator", "joined"),
    [
        ("Anchor text", THEME_SEPARATOR, "_anchor_text"),
        ("link text", THEME_SEPARATOR, "_link_text"),
        ("Backlink", THEME_SEPARATOR, "_backlink"),
        ("Off-page SEO", THEME_SEPARATOR, "_off_page_seo"),
        ("White-hat  link building", THEME_SEPARATOR, "_white_hat_link_building"),
        ("robots.txt", THEME_SEPARATOR, "_robots.txt"),
        ("301 redirect", THEME_SEPARATOR, "_301_redirect"),
        ("robots.txt", WIDER_SEPARATOR, "_robots_txt"),
        ("PageRank", WIDER_SEPARATOR, "_page_rank"),
        (" - ", THEME_SEPARATOR, ""),
    ],
)
def test_a_name_becomes_one_word_split_where_the_index_splits(name: str, separator: re.Pattern[str], joined: str) -> None:
    assert joined_name(name, separator) == joined


def index(separator: str = r"[\s\-]+", fields: dict | None = None) -> str:
    docs = [
        {"location": "", "title": "Home", "text": "<p>Welcome</p>"},
        {"location": "glossary/anchor-text/", "title": "Anchor text", "text": "", "tags": ["link text"], "boost": 2},
        {"location": "glossary/anchor-text/#example", "title": "Example", "text": "", "tags": ["link text"], "boost": 2},
        {"location": "lessons/a/", "title": "A lesson", "text": ""},
    ]
    fields = fields or {"title": {"boost": 1e3}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}
    config = {"lang": ["en"], "separator": separator, "pipeline": ["stopWordFilter"], "fields": fields}
    return json.dumps({"config": config, "docs": docs})


NAMES = {"glossary/anchor-text/": ("Anchor text", "link text", "link-text", "link anchor")}


def test_a_term_page_gets_its_names_as_words_and_its_sections_do_not() -> None:
    written = json.loads(index_with_names(index(), NAMES))
    names = {doc["location"]: doc.get("names") for doc in written["docs"]}
    # "link-text" is the same word as "link text" once joined: written once.
    assert names == {
        "": None,
        "glossary/anchor-text/": ["_anchor_text", "_link_text", "_link_anchor"],
        "glossary/anchor-text/#example": None,
        "lessons/a/": None,
    }
    # Everything the theme wrote stays as it was.
    before = json.loads(index())
    for doc in written["docs"]:
        doc.pop("names", None)
    assert written["docs"] == before["docs"]


def test_the_names_field_weighs_a_thousand_times_the_heaviest_field() -> None:
    assert json.loads(index_with_names(index(), NAMES))["config"]["fields"] == {
        "title": {"boost": 1e3},
        "text": {"boost": 1.0},
        "tags": {"boost": 1e6},
        "names": {"boost": 1e9},
    }
    # A site that weighs its fields otherwise (mkdocs.yml's search plugin `fields`) keeps the names above them.
    written = index_with_names(index(fields={"title": {"boost": 5}, "text": {}}), NAMES)
    assert json.loads(written)["config"]["fields"]["names"] == {"boost": 5000.0}


def test_the_index_stays_as_compact_as_the_theme_writes_it() -> None:
    written = index_with_names(index(), NAMES)
    assert ", " not in written and ": " not in written
    assert '"names":["_anchor_text","_link_text","_link_anchor"]' in written


def test_a_separator_the_names_cannot_be_joined_under_is_named() -> None:
    with pytest.raises(SearchIndexError, match=r"the search separator '\[\\\\s_\]\+' splits words at '_'"):
        index_with_names(index(separator=r"[\s_]+"), NAMES)
    with pytest.raises(SearchIndexError, match=r"is not a pattern Python can read"):
        index_with_names(index(separator=r"[\s"), NAMES)
