"""How term names compare: case-insensitive, hyphen and space alike, singular and plural alike."""

from __future__ import annotations

import re
import unicodedata

from slugify import slugify as python_slugify

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015]+")
# Words that end in "s" but are not plurals; only the last word of a name is singularised.
_NOT_PLURAL = ("ss", "us", "is", "ics", "news", "seo", "ugc")


def singular(word: str) -> str:
    """A light English singular, enough to tell that 'backlinks' and 'backlink' name one thing."""
    if word.endswith(_NOT_PLURAL) or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def name_key(name: str) -> str:
    """The key two names must not share: 'Backlinks', 'backlink' and 'back-link' differ; 'Link Schemes' and 'link scheme' do not."""
    # NFC first: 'café' typed with a combining accent is the same name as 'café' typed as one letter.
    words = [w for w in _SEPARATORS.split(unicodedata.normalize("NFC", name).casefold().strip()) if w]
    if not words:
        return ""
    words[-1] = singular(words[-1])
    return " ".join(words)


def slugify(name: str) -> str:
    """The file name a term would get: 'Exact-match anchor text' -> 'exact-match-anchor-text', 'Café SEO' ->
    'cafe-seo'. Letters are transliterated, not dropped: the slug is the page's address for good."""
    return python_slugify(name, separator="-", lowercase=True)
