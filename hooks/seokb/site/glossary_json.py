"""glossary.json: every term with its short definition and absolute URL, for a community bot to answer from."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from seokb.content.model import CATEGORIES, Glossary, Term
from seokb.site.share_meta import absolute_url, plain_description
from seokb.site.urls import term_url

SCHEMA_VERSION = 2
"""Bumped when a field changes meaning or goes; new fields may appear without a bump. 2: category, definition."""
SCHEMA_FILE = "glossary.schema.json"
"""Published beside glossary.json (from seokb/schema/), so a bot can check what it reads."""


def term_path(term: Term) -> str:
    """A term page's URL path under the site, as MkDocs writes it with use_directory_urls (the default)."""
    return term_url(term.slug)


def glossary_document(
    glossary: Glossary, site_name: str, site_url: str, page_path: Callable[[Term], str] = term_path
) -> dict[str, Any]:
    """The document as plain values; `related` lists what the term page shows: its own and those that name it."""
    terms = [
        {
            "term": term.term,
            "slug": term.slug,
            "aliases": list(term.aliases),
            "short": term.short,
            "category": term.category,
            "category_label": CATEGORIES[term.category],
            # Plain text, links and emphasis gone: what a bot can post in a chat message.
            "definition": plain_description(term.definition, limit=4000),
            "url": absolute_url(site_url, page_path(term)),
            "related": [related.slug for related in glossary.related_both_ways(term.slug)],
        }
        for term in sorted(glossary, key=lambda t: t.slug)
    ]
    return {
        "$schema": absolute_url(site_url, SCHEMA_FILE),
        "schema_version": SCHEMA_VERSION,
        "site": {"name": site_name, "url": absolute_url(site_url, "")},
        "generated_from": "glossary/",
        "terms": terms,
    }


def glossary_json(glossary: Glossary, site_name: str, site_url: str, page_path: Callable[[Term], str] = term_path) -> str:
    """The text of glossary.json: the same glossary always gives the same bytes (sorted keys, no timestamp)."""
    document = glossary_document(glossary, site_name, site_url, page_path)
    text = json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False)
    # The same JSON, but safe to paste into a page's <script> or an HTML bot reply: no '<', '>' or '&' as such.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
