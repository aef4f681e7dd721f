"""Splits HTML into text and markup, with each piece's place in the text, at the speed of one regular expression.

The engine edits rendered pages in place (term links go in, head tags are swapped), so it needs where each tag
starts and ends in the original text. The standard library's HTMLParser gives that, but tokenises in pure Python
and was the largest cost of a build; parsers that build a tree (lxml, selectolax) do not keep source offsets. The
HTML read here is Python-Markdown's and the theme's output, which is well formed, so tags are matched with one
regular expression, following HTMLParser's rules where they matter: names are lower-cased, attribute values are
unescaped, and the text of <script> and <style> is text up to the matching end tag.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import NamedTuple

# A start tag's attribute text: anything up to '>', where quoted values may hold '>' themselves.
ATTRIBUTE_TEXT = r"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+"""
_MARKUP = re.compile(
    r"""
      (?P<comment> <!--.*?(?:-->|\Z) )                       # a comment, closed or running to the end
    | (?P<other> <[!?][^>]*>? )                              # doctype, CDATA, processing instruction
    | </(?P<end>[a-zA-Z][^\s/>]*) [^>]*>
    | <(?P<start>[a-zA-Z][^\s/>]*) (?P<attrs>"""
    + ATTRIBUTE_TEXT
    + r""") >
    """,
    re.DOTALL | re.VERBOSE,
)
_ATTRIBUTE = re.compile(r"""([^\s/>=][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_RAW_TEXT = frozenset({"script", "style"})  # their content is text, never markup


class Piece(NamedTuple):
    """One piece of a page: kind is 'text', 'start', 'end', 'startend' (<br/>) or 'other' (comments, doctypes)."""

    kind: str
    tag: str  # lower-cased tag name; '' for text and other
    attrs: str  # a start tag's attribute text, unparsed: most tags never need it parsed
    start: int
    end: int


def pieces(text: str) -> Iterator[Piece]:
    """Every piece of `text` in order; together they cover it without a gap."""
    at = 0
    search = _MARKUP.search
    while True:
        found = search(text, at)
        if found is None:
            if at < len(text):
                yield Piece("text", "", "", at, len(text))
            return
        start, end = found.span()
        if start > at:
            yield Piece("text", "", "", at, start)
        kind = found.lastgroup  # the last group that matched names the alternative: attrs closes a start tag
        if kind == "attrs":
            tag, attrs = found.group("start", "attrs")
            tag = tag.lower()
            if attrs.endswith("/"):
                yield Piece("startend", tag, attrs[:-1], start, end)
            else:
                yield Piece("start", tag, attrs, start, end)
                if tag in _RAW_TEXT:
                    close = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(text, end)
                    text_end = close.start() if close else len(text)
                    if text_end > end:
                        yield Piece("text", "", "", end, text_end)
                    end = text_end
        elif kind == "end":
            yield Piece("end", found.group("end").lower(), "", start, end)
        else:
            yield Piece("other", "", "", start, end)
        at = end


def attributes(attrs: str) -> dict[str, str | None]:
    """A start tag's attributes, names lower-cased and values unescaped; the first of a repeated name wins."""
    found: dict[str, str | None] = {}
    if not attrs.strip():
        return found
    for match in _ATTRIBUTE.finditer(attrs):
        name = match.group(1).lower()
        if name in found:
            continue
        quoted_double, quoted_single, bare = match.group(2, 3, 4)
        value = quoted_double if quoted_double is not None else quoted_single if quoted_single is not None else bare
        if value is not None and "&" in value:
            value = html.unescape(value)
        found[name] = value
    return found
