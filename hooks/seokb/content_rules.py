"""Rules for contributed text: Markdown only, never raw HTML or script links; plain-text fields carry no Markdown at all."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

# Schemes a browser would run or inline; markdown-it already refuses to make links of them,
# but a contribution that contains one is still a mistake (or an attack) worth naming.
_SCRIPT_SCHEME = re.compile(r"\b(?:javascript|vbscript)\s*:|\bdata:[a-z]+/[\w.+-]+[;,]", re.IGNORECASE)


@dataclass(frozen=True)
class TextProblem:
    """A problem inside one field's text, `offset` lines below the field's first text line."""

    offset: int
    message: str


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # CommonMark plus tables: the subset of what Python-Markdown renders that can carry HTML or headings.
    return MarkdownIt("commonmark").enable("table")


# Raw HTML needs a '<' and a heading a '#' or an underline of '=' or '-': text with none of them is not parsed,
# which keeps checking a 5,000-term glossary fast.
_MAYBE_HTML_OR_HEADING = re.compile(r"<|^ {0,3}#|^ {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
# Characters without which text cannot hold Markdown (or raw HTML) at all.
_MAYBE_MARKUP = re.compile(r"[*_\[\]`<>!\\&~\n]")


def markdown_problems(text: str) -> list[TextProblem]:
    """Raw HTML, script links and headings in a Markdown field."""
    problems: list[TextProblem] = []
    if not _MAYBE_HTML_OR_HEADING.search(text):
        return _script_links(text)
    for token, line in _walk(_parser().parse(text)):
        if token.type in ("html_block", "html_inline"):
            snippet = token.content.strip().splitlines()[0][:40]
            problems.append(TextProblem(line, f"raw HTML '{snippet}' is not allowed; contributions are Markdown only"))
        elif token.type == "heading_open":
            problems.append(TextProblem(line, "headings are not allowed here; the page adds its own, so use a bold line or a list"))
    problems.extend(_script_links(text))
    return problems


def plain_text_problems(text: str) -> list[TextProblem]:
    """Anything but plain text: this field is shown in tooltips and link previews, where Markdown would show as symbols."""
    problems: list[TextProblem] = []
    if not _MAYBE_MARKUP.search(text.strip()):
        return _script_links(text)
    tokens = _parser().parseInline(text.strip())
    children = tokens[0].children if tokens else []
    for child in children or []:
        if child.type == "html_inline":
            problems.append(TextProblem(0, f"raw HTML '{child.content[:40]}' is not allowed; write plain text"))
            break
        if child.type not in ("text", "softbreak", "text_special"):
            problems.append(TextProblem(0, f"must be plain text, without Markdown ('{child.markup or child.type}'); remove it"))
            break
    if "\n" in text.strip():
        problems.append(TextProblem(0, "must be a single line of plain text"))
    problems.extend(_script_links(text))
    return problems


def _script_links(text: str) -> list[TextProblem]:
    return [
        TextProblem(text.count("\n", 0, match.start()), f"'{match.group(0).split(':')[0].strip()}:' links are not allowed; link to an https page instead")
        for match in _SCRIPT_SCHEME.finditer(text)
    ]


def _walk(tokens: list[Token]):
    """Every token with the 0-based line it starts on, inline children taking their block's line."""
    line = 0
    for token in tokens:
        if token.map:
            line = token.map[0]
        yield token, line
        for child in token.children or ():
            yield child, line
