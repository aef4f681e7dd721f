"""Discord component embeds: a page's link preview as Discord components, built from the same model as the page.

Discord's developer documentation ("Link Previews" > "Component Embeds") reads one JSON document from a
`<script id="discord:component-embed" type="application/json">` in the server-rendered HTML: a single parent
Container (type 17) holding at most 40 components in all, at most 3,000 bytes with every escape counted at its full
length. The Open Graph tags stay as the fallback. Everything here is plain data in, a dict or text out; the shape is
checked against hooks/seokb/schema/discord-component-embed.schema.json in the tests.

A term's example is its first sentences, as many as fit 200 bytes (the first one cut at a word when it alone is
longer). A payload over a limit is shortened by a rule, in this order, never cut inside a word: fewer related terms
(or learning goals), then a shorter example (or description) at a word boundary with an ellipsis.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from seokb.diagnostics import Diagnostic
from seokb.site.structured_data import to_json

SCRIPT_ID = "discord:component-embed"
MAX_BYTES = 3000  # the document as Discord reads it, escapes at their full length
MAX_COMPONENTS = 40  # the parent Container included
MAX_RELATED = 3
EXAMPLE_BYTES = 200  # a term's example in one or two lines of a chat; the whole of it is one click away
# Discord's standard preview (the Open Graph fallback) trims these, in bytes of UTF-8 (Link Previews > Limits).
TITLE_BYTES = 70
DESCRIPTION_BYTES = 350
ACCENT = 0x3F51B5  # the site's theme-color (share_meta.THEME_COLOR)
CONTAINER, ACTION_ROW, BUTTON, SECTION, TEXT, THUMBNAIL, SEPARATOR = 17, 1, 2, 9, 10, 11, 14
LINK_STYLE = 5
ELLIPSIS = "\u2026"

Payload = dict[str, Any]


@dataclass(frozen=True)
class Link:
    """A name and the absolute address it links to."""

    name: str
    url: str


# Discord Markdown: a backslash makes any of these a plain character. A list, heading, quote or numbered-list marker
# counts only at the start of a line, and every text here starts one line: those are escaped there alone.
_MARKDOWN = re.compile(r"([\\*_~`|<>\[\]()])")
_LINE_START = re.compile(r"^(?:([-+#>])|(\d+)\.)")


def markdown_text(text: str) -> str:
    """Contributed plain text as Discord Markdown that shows exactly that text, on one line."""
    escaped = _MARKDOWN.sub(r"\\\1", " ".join(text.split()))
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\.", escaped)


def _link(link: Link) -> str:
    # An address in a Markdown link may not hold ')' or a space; the site's addresses never do, but say so here.
    url = link.url.replace(")", "%29").replace(" ", "%20")
    return f"[{markdown_text(link.name)}]({url})"


def shorten_words(text: str, max_bytes: int) -> str:
    """`text` on one line, cut at a word boundary with an ellipsis so that it fits `max_bytes` of UTF-8; '' when not
    even the first word fits."""
    flat = " ".join(text.split())
    if len(flat.encode()) <= max_bytes:
        return flat
    words = flat.split(" ")
    while words:
        words.pop()
        candidate = " ".join(words).rstrip(",;:.\u2013\u2014-") + ELLIPSIS
        if words and len(candidate.encode()) <= max_bytes:
            return candidate
    return ""


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")


def whole_sentences(text: str, max_bytes: int) -> str:
    """As many of `text`'s first sentences as fit `max_bytes`; the first one cut at a word when it alone is too long."""
    flat = " ".join(text.split())
    kept = ""
    for sentence in _SENTENCE_END.split(flat):
        candidate = f"{kept} {sentence}".strip()
        if len(candidate.encode()) > max_bytes:
            break
        kept = candidate
    return kept or shorten_words(flat, max_bytes)


def payload_json(payload: Payload) -> str:
    """The document for the script element: compact, `<`, `>` and `&` escaped (structured_data.to_json) so that no
    field can end the script early."""
    return to_json(payload)


def payload_bytes(payload: Payload) -> int:
    return len(payload_json(payload).encode())


def count_components(node: Any) -> int:
    """Every component of a payload: each object with a `type`, the Container, sections' accessories and buttons
    included (an unfurled media item has no type)."""
    if isinstance(node, dict):
        own = 1 if "type" in node else 0
        return own + sum(count_components(value) for value in node.values())
    if isinstance(node, list):
        return sum(count_components(item) for item in node)
    return 0


def fits(payload: Payload) -> bool:
    return payload_bytes(payload) <= MAX_BYTES and count_components(payload) <= MAX_COMPONENTS


def script_element(payload: Payload) -> str:
    return f'<script id="{SCRIPT_ID}" type="application/json">{payload_json(payload)}</script>'


# ---------------------------------------------------------------------------------------------- the layouts


def _text(content: str) -> Payload:
    return {"type": TEXT, "content": content}


def _container(header: Sequence[str], image_url: str, image_alt: str, rest: Sequence[Payload], button: Link) -> Payload:
    """The layout every page shares: a section of up to three texts beside the card as thumbnail, what else the page
    has, and a link button to the page."""
    section = {
        "type": SECTION,
        "components": [_text(text) for text in header if text],
        "accessory": {"type": THUMBNAIL, "media": {"url": image_url}, "description": image_alt[:1024]},
    }
    row = {"type": ACTION_ROW, "components": [{"type": BUTTON, "style": LINK_STYLE, "url": button.url, "label": button.name}]}
    return {"component": {"type": CONTAINER, "accent_color": ACCENT, "components": [section, *rest, row]}}


def _fit(candidates: Iterator[Payload]) -> Payload:
    """The first candidate within Discord's limits; candidates come fullest first, each shorter than the last."""
    last: Payload | None = None
    for payload in candidates:
        if fits(payload):
            return payload
        last = payload
    # Only a site name or address longer than the whole budget gets here: the shortest is returned, and the test
    # over every built page says which one it was.
    assert last is not None
    return last


def _budgets(text: str) -> Iterator[int]:
    """Byte budgets for a text that may be shortened: whole first, then smaller steps to nothing."""
    size = len(text.encode())
    yield size
    budget = size
    while budget > 0:
        budget = min(budget - 1, budget * 3 // 4)
        yield max(budget, 0)


def term_embed(
    *,
    name: str,
    short: str,
    example: str,
    category: str,
    related: Sequence[Link],
    url: str,
    image_url: str,
    site_name: str,
) -> Payload:
    """A glossary term: its category, its name linked to its page, the short definition and a one-line example
    beside its card, then up to three related terms and a button to the entry."""

    def build(related_count: int, shown: str) -> Payload:
        header = [
            f"-# {markdown_text(site_name)} glossary \u00b7 {markdown_text(category)}",
            f"## {_link(Link(name, url))}\n{markdown_text(short)}",
        ]
        if shown:
            header.append(f"**Example:** {markdown_text(shown)}")
        rest: list[Payload] = []
        if related_count:
            links = " \u00b7 ".join(_link(link) for link in related[:related_count])
            rest = [{"type": SEPARATOR, "divider": True, "spacing": 1}, _text(f"**Related:** {links}")]
        return _container(header, image_url, f"The {site_name} card for {name}: {short}", rest, Link("Read the entry", url))

    def candidates() -> Iterator[Payload]:
        line = whole_sentences(example, EXAMPLE_BYTES)
        for count in range(min(len(related), MAX_RELATED), -1, -1):
            yield build(count, line)
        for budget in _budgets(line):
            yield build(0, shorten_words(line, budget))

    return _fit(candidates())


def lesson_embed(
    *, number: int, total: int, title: str, learn: Sequence[str], url: str, image_url: str, site_name: str
) -> Payload:
    """A lesson: 'Lesson n of 10', its title linked, what you will learn (its goals, fewer when space runs out)."""

    def build(goals: int) -> Payload:
        header = [f"-# {markdown_text(site_name)} \u00b7 Lesson {number} of {total}", f"## {_link(Link(title, url))}"]
        if goals:
            header.append("**What you will learn**\n" + "\n".join(f"- {markdown_text(goal)}" for goal in learn[:goals]))
        return _container(header, image_url, f"Lesson {number} of {total}: {title}", [], Link("Start the lesson", url))

    return _fit(build(goals) for goals in range(len(learn), -1, -1))


def quiz_embed(*, title: str, questions: int, lesson: Link | None, url: str, image_url: str, site_name: str) -> Payload:
    """A quiz: its title linked, how many questions, and the lesson it belongs to."""
    count = f"{questions} question{'s' if questions != 1 else ''}"
    about = f"{count} \u00b7 practice for the lesson {_link(lesson)}" if lesson else count
    header = [f"-# {markdown_text(site_name)} \u00b7 Quiz", f"## {_link(Link(title, url))}", about]
    return _fit(iter([_container(header, image_url, f"Quiz: {title}", [], Link("Take the quiz", url))]))


def home_embed(*, title: str, description: str, lessons: int, url: str, image_url: str, site_name: str) -> Payload:
    """The home page: the course in one line, how many lessons, and a link to start."""

    def build(budget: int) -> Payload:
        line = shorten_words(description, budget)
        header = [
            f"-# {markdown_text(site_name)} \u00b7 Free beginner course",
            f"## {_link(Link(title, url))}" + (f"\n{markdown_text(line)}" if line else ""),
            f"**{lessons} short lessons**, a glossary and quizzes",
        ]
        return _container(header, image_url, f"Free beginner course: {title}", [], Link("Start the course", url))

    return _fit(build(budget) for budget in _budgets(description))


def chat_message(name: str, text: str, url: str) -> str:
    """What "Copy for Discord" copies: the name in bold, one plain sentence, and the address on a line of its own,
    where Discord unfurls it into the page's preview."""
    return f"**{markdown_text(name)}**: {markdown_text(text)}\n{url}"


# ---------------------------------------------------------------------------------------------- the limits


def limit_warnings(
    path: str,
    title: tuple[str, int, str],
    description: tuple[str, int, str],
) -> list[Diagnostic]:
    """Warnings for a preview title or description longer than Discord shows (it trims the rest), at the line of the
    text a contributor edits. `title` and `description` are each (text as Discord reads it, line, the field's name
    in the message: 'term', 'short', 'description', 'heading')."""
    found = []
    for (text, line, field), kind, limit in ((title, "title", TITLE_BYTES), (description, "description", DESCRIPTION_BYTES)):
        size = len(text.encode())
        if size > limit:
            found.append(
                Diagnostic(
                    path,
                    max(line, 1),
                    f"{field}: the link-preview {kind} is {size} bytes; Discord shows at most {limit} bytes "
                    "and trims the rest, so shorten it",
                    "warning",
                )
            )
    return found
