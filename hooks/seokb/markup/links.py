"""Links and anchors as written: Markdown links with their lines, and the ids a rendered page's links can target."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt

from seokb.markup.htmlscan import attributes, pieces


@dataclass(frozen=True)
class Link:
    """One link: where a contributor wrote it (`path`, `line`), the page it appears on, and its target as written."""

    path: str
    line: int
    page: str
    href: str
    # Set for links the engine writes into rendered HTML: their href is relative to this page URL
    # ('lessons/faq/'), not to the Markdown file.
    page_url: str | None = None
    text: str = ""  # the anchor text, as a reader sees it
    # Who chose the anchor text: "authored" (a contributor's own link) or the engine's kind of link
    # ("autolink", "related", "index", "mentioned-in", "lesson-terms", "quiz-list", "category").
    origin: str = "authored"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Python-Markdown's admonitions, details and md_in_html blocks are indented; CommonMark would read them as
    # code and hide their links, so indented code is off (fenced code still counts as code).
    return MarkdownIt("commonmark").enable("table").disable("code")


def markdown_links(markdown: str, path: str, page: str, first_line: int = 1) -> list[Link]:
    """Every link and image in `markdown`, at the line it stands on (`first_line` is the line of its first row)."""
    links: list[Link] = []
    if "[" not in markdown and "<" not in markdown:  # every CommonMark link and image needs one: skip the parse
        return links
    for token in _parser().parse(markdown):
        if token.type != "inline" or not token.map:
            continue
        line = first_line + token.map[0]
        open_link: tuple[int, str, list[str]] | None = None  # line, href, words of the link being read
        for child in token.children or ():
            if child.type in ("softbreak", "hardbreak"):
                line += 1
                if open_link:
                    open_link[2].append(" ")
            elif child.type == "link_open":
                open_link = (line, str(child.attrs.get("href", "")), [])
            elif child.type == "link_close" and open_link:
                start, href, words = open_link
                links.append(Link(path, start, page, href, text=" ".join("".join(words).split())))
                open_link = None
            elif child.type == "image":
                links.append(Link(path, line, page, str(child.attrs.get("src", "")), text=child.content))
            elif open_link and child.content:
                open_link[2].append(child.content)
    return links


def anchor_names(tag: str, attrs: Mapping[str, str | None]) -> list[str]:
    """The names a link's '#fragment' can target on one element: its id, and a named anchor's name."""
    return [value for name, value in attrs.items() if value and (name == "id" or (name == "name" and tag == "a"))]


def page_anchors(html: str) -> set[str]:
    """The ids a link can target on a rendered page: headings, explicit ids, named anchors."""
    ids: set[str] = set()
    for piece in pieces(html):
        if piece.kind in ("start", "startend") and piece.attrs:
            ids.update(anchor_names(piece.tag, attributes(piece.attrs)))
    return ids
