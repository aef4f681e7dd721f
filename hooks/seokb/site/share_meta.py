"""Link-preview tags: the Open Graph, Twitter and canonical tags a chat app reads from a page's static HTML."""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt

DESCRIPTION_LIMIT = 200
THEME_COLOR = "#3f51b5"
OG_TYPES = ("article", "website")
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class PageShare:
    """What a page tells a chat app about itself; URLs absolute, description Markdown or plain text."""

    title: str
    description: str
    url: str
    site_name: str
    og_type: str
    image_url: str
    image_width: int
    image_height: int
    theme_color: str = THEME_COLOR
    image_alt: str = ""


def absolute_url(site_url: str, page_url: str) -> str:
    """page_url (MkDocs' page.url: 'glossary/backlink/', '' for home) under site_url, whatever slashes either has."""
    if urlsplit(page_url).scheme:
        return page_url
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"site_url must be an absolute http(s) URL, got {site_url!r}")
    # urljoin would drop the last folder of a site_url without its trailing slash (https://x.org/docs + a -> /a).
    return site_url.rstrip("/") + "/" + page_url.lstrip("/")


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # Raw HTML is off: a '<' in a description is a character to show, not a tag to drop.
    return MarkdownIt("commonmark", {"html": False})


def _inline_text(children) -> list[str]:
    words = []
    for token in children or ():
        if token.type in ("text", "code_inline"):
            words.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            words.append(" ")
    return words


# Text that Markdown leaves as it is: a letter first (no list, heading or quote marker) and no character that
# could start emphasis, code, a link, an entity or HTML. Most descriptions (every term's `short`) are such text.
_ALREADY_PLAIN = re.compile(r"[^\W\d_][\w \t\n,.;:'\"()?%/\u2019\u2013\u2014-]*", re.UNICODE)


def plain_description(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """Markdown made into one line of plain text, at most `limit` characters, cut at a word with an ellipsis."""
    if _ALREADY_PLAIN.fullmatch(text.strip()) and "_" not in text:
        flat = " ".join(text.split())
        if len(flat) <= limit:
            return flat
    words: list[str] = []
    for token in _markdown().parse(text):
        # Images and code blocks say nothing a preview should repeat; link text stays, its URL goes.
        if token.type == "inline":
            words += _inline_text(token.children)
        words.append(" ")
    flat = " ".join("".join(words).split())
    return textwrap.shorten(flat, width=limit, placeholder="\u2026", break_on_hyphens=False)


def share_tags(page: PageShare, description_tag: bool = False) -> str:
    """The page's link-preview tags as HTML, one per line, every value escaped."""
    for name, url in (("url", page.url), ("image_url", page.image_url)):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"{name} must be an absolute http(s) URL, got {url!r}")
    if page.og_type not in OG_TYPES:
        raise ValueError(f"og_type must be one of {', '.join(map(repr, OG_TYPES))}, got {page.og_type!r}")
    if not _COLOR.fullmatch(page.theme_color):
        raise ValueError(f"theme_color must look like '#3f51b5', got {page.theme_color!r}")

    description = plain_description(page.description)
    alt = page.image_alt or f"{page.title} \u2013 {page.site_name}"
    tags = [("link", "rel", "canonical", "href", page.url)]
    if description_tag:
        tags.append(("meta", "name", "description", "content", description))
    # Open Graph names go in `property`, Twitter's in `name`: that is what each one's parser looks for.
    tags += [
        ("meta", "property", "og:title", "content", page.title),
        ("meta", "property", "og:description", "content", description),
        ("meta", "property", "og:url", "content", page.url),
        ("meta", "property", "og:site_name", "content", page.site_name),
        ("meta", "property", "og:type", "content", page.og_type),
        ("meta", "property", "og:image", "content", page.image_url),
        ("meta", "property", "og:image:width", "content", str(page.image_width)),
        ("meta", "property", "og:image:height", "content", str(page.image_height)),
        ("meta", "property", "og:image:alt", "content", alt),
        ("meta", "name", "twitter:card", "content", "summary_large_image"),
        ("meta", "name", "twitter:title", "content", page.title),
        ("meta", "name", "twitter:description", "content", description),
        ("meta", "name", "twitter:image", "content", page.image_url),
        # mkdocs-material sets theme-color only from JavaScript, which no link unfurler runs.
        ("meta", "name", "theme-color", "content", page.theme_color.lower()),
    ]
    return "\n".join(
        f'<{tag} {key}="{html.escape(key_value)}" {attr}="{html.escape(value)}">' for tag, key, key_value, attr, value in tags
    )
