"""The glossary's names in the search index: the field that lets an exact name or alias put its entry first.

mkdocs-material's search worker (lunr) scores single words and adds "*" to each word a reader types, so "link text"
also matched "linkbait", one of Linkable asset's aliases in its heavily weighted tags, and that entry came before
Anchor text, whose alias it is. Words cannot tell "Link building" from "White-hat link building" either. So each term
page's own entry in search/search_index.json gets a `names` field: every name and alias as one word, its words
joined by "_" and led by one ("_link_text"), weighted a thousand times the index's heaviest field. The site's search
worker (assets/search-names.js) looks the reader's whole query up in that field, joined the same way: only the entry
with exactly that name matches it, and nothing else in the ranking changes. The leading "_" keeps the field out of
reach of the words a reader types, to which the theme adds "*": "link*" would match "link_building" and lift every
name that starts with "link", in the theme's worker alone too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

NAMES_FIELD = "names"
JOINER = "_"  # assets/search-names.js leads and joins a query's words with the same character
# Above every other field: an exact name outweighs any number of words found in titles, tags or text.
WEIGHT_OVER_HEAVIEST = 1000


class SearchIndexError(ValueError):
    """The index cannot hold the names as the worker looks them up (its word separator splits the joiner)."""


def joined_name(name: str, separator: re.Pattern[str]) -> str:
    """A name as the one word the worker makes of a query that is that name: split where the index splits words,
    lowercased, led and joined by "_" ("Off-page SEO" -> "_off_page_seo"); "" for a name with no word."""
    words = [word.lower() for word in separator.split(name) if word]
    return JOINER + JOINER.join(words) if words else ""


def index_with_names(index_json: str, names: Mapping[str, Sequence[str]]) -> str:
    """The theme's search index with `names` (a page's location in the index -> the names of its entry) on each of
    those pages' own entries, not their sections (a result groups sections under their page), and the field in its
    config, weighted above the others. Written as compactly as the theme writes it."""
    index = json.loads(index_json)
    config = index["config"]
    try:
        separator = re.compile(config["separator"])
    except re.error as error:
        raise SearchIndexError(
            f"seokb: the search separator {config['separator']!r} is not a pattern Python can read ({error}): "
            "exact glossary names are not weighted in search"
        ) from error
    if separator.search(JOINER):
        raise SearchIndexError(
            f"seokb: the search separator {config['separator']!r} splits words at {JOINER!r}, which joins the words of "
            "a glossary name into one: exact glossary names are not weighted in search"
        )
    heaviest = max((float(field.get("boost", 1)) for field in config["fields"].values()), default=1.0)
    config["fields"][NAMES_FIELD] = {"boost": heaviest * WEIGHT_OVER_HEAVIEST}
    for doc in index["docs"]:
        if doc["location"] in names:
            joined = (joined_name(name, separator) for name in names[doc["location"]])
            doc[NAMES_FIELD] = list(dict.fromkeys(word for word in joined if word))
    return json.dumps(index, separators=(",", ":"))
