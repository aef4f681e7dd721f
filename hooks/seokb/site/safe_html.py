"""Contributed Markdown made into HTML that cannot run script: a Markdown pipeline of its own, then an allow-list.

GitHub's way: the source checks (content/rules.py) give a contributor a `path:line` message, and this module is what
keeps a reader safe when a check misses a case. Fields never pass through the site's own Markdown pipeline, whose
extensions (attr_list, snippets, md_in_html, raw HTML) are for maintainers' lessons: `{ onclick=... }` or
`--8<-- "mkdocs.yml"` in a definition is text here. They are read as CommonMark with tables, by the parser the source
checks use: what a check looked at is what the page shows, and what GitHub shows in a pull request's preview.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3
from markdown_it import MarkdownIt

from seokb.content.safe_urls import is_safe_href

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "code",
        "pre",
        "a",
        "ul",
        "ol",
        "li",
        "blockquote",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "code": {"class"}, "ol": {"start"}, "th": {"style"}, "td": {"style"}}
# https for other sites; a link with no scheme is relative, to our own pages and anchors.
URL_SCHEMES = frozenset({"https"})


@dataclass(frozen=True)
class SafeHtml:
    """A field rendered and sanitized; `removed` names what the sanitizer had to take out (a check missed it)."""

    html: str
    removed: str | None = None


class _EveryLink(MarkdownIt):
    """markdown-it would quietly show a `javascript:` link as text. The allow-list below is the one judge of URLs, and
    what it has to remove fails the build with a message, so the renderer hands every link on to it."""

    def validateLink(self, url: str) -> bool:  # noqa: N802 (markdown-it's name)
        return True


class FieldRenderer:
    """Markdown -> sanitized HTML for contributed fields: what a definition, an example or a quiz explanation needs
    (paragraphs, emphasis, links, lists, code, tables), and no raw HTML at all: a '<' is a character to show."""

    def __init__(self) -> None:
        self._markdown = _EveryLink("commonmark", {"html": False}).enable("table")

    def render(self, text: str) -> SafeHtml:
        return sanitize(self._markdown.render(text).rstrip("\n"))


def removed_message(removed: str) -> str:
    """What a contributor reads when the sanitizer changed their field: the source checks missed this case."""
    return (
        f"the page's safety filter had to remove {removed}; write plain Markdown (no HTML, no script links, "
        "links only to https pages or to this site's own pages)"
    )


def sanitize(rendered: str) -> SafeHtml:
    """`rendered` through the allow-list; if that changed what a browser would build from it, say what went."""
    clean = _ALLOW_LIST.clean(rendered)
    if clean == rendered:  # nothing was taken out (221 of the glossary's 222 fields): no structure to compare
        return SafeHtml(clean)
    before, after = _structure(rendered), _structure(clean)
    if before == after:
        return SafeHtml(clean)
    return SafeHtml(clean, removed=_first_difference(before, after))


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # nh3 checks the scheme; a protocol-relative '//host' or a URL with credentials gets past that alone.
    if attribute == "href" and not is_safe_href(value):
        return None
    return value


# Built once: nh3.clean would build the same sanitizer again for each of a build's fields (20,000 at 5,000 terms).
_ALLOW_LIST = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
    filter_style_properties={"text-align"},
    clean_content_tags={"script", "style"},
    attribute_filter=_attribute_filter,
)


class _Structure(HTMLParser):
    """A fragment as a browser reads it: elements with their decoded attributes, and text with entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, tuple(sorted((name, _value(name, value)) for name, value in attrs))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "text":  # one text run, however the parser splits it
            self.events[-1] = ("text", self.events[-1][1] + data)
        else:
            self.events.append(("text", data))

    def handle_comment(self, data):
        self.events.append(("comment", data))


def _value(name: str, value: str | None) -> str:
    # The sanitizer rewrites 'text-align: left;' as 'text-align:left': the same style, written differently.
    return "".join((value or "").split()).rstrip(";") if name == "style" else value or ""


def _structure(fragment: str) -> list[tuple]:
    parser = _Structure()
    parser.feed(fragment)
    parser.close()
    # Void elements have no end tag in HTML; the sanitizer writes <br> for <br />.
    return [event for event in parser.events if event[:2] not in (("end", "br"), ("end", "hr"))]


def _first_difference(before: list[tuple], after: list[tuple]) -> str:
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a_start, a_end, _b_start, _b_end in matcher.get_opcodes():
        if op != "equal":
            return _describe(before[a_start]) if a_start < a_end else "text"
    return "markup"


def _describe(event: tuple) -> str:
    kind = event[0]
    if kind == "start":
        _, tag, attrs = event
        shown = " ".join(f'{name}="{value}"' for name, value in attrs)
        return f"<{tag}{' ' + shown if shown else ''}>"[:80]
    if kind == "end":
        return f"</{event[1]}>"
    if kind == "comment":
        return "an HTML comment"
    return "text"
