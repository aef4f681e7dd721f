"""Rules for contributed text: Markdown only, never raw HTML or script links; plain-text fields carry no Markdown at all."""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

from seokb.content.characters import describe, hidden_in_prose, invisible_characters
from seokb.content.safe_urls import url_problem

# Schemes a browser would run or inline; markdown-it already refuses to make links of them,
# but a contribution that contains one is still a mistake (or an attack) worth naming.
_SCRIPT_SCHEME = re.compile(r"\b(?:javascript|vbscript)\s*:|\bdata:[a-z]+/[\w.+-]+[;,]", re.IGNORECASE)
# Browsers drop these from a URL before they read its scheme: 'java&#9;script:' is a script link.
_URL_IGNORED = re.compile(r"[\t\n\r\x00-\x1f]")
# Site-wide Markdown extensions that contributions do not get; written in a field they would show as text.
_EXTENSION_SYNTAX = [
    (
        re.compile(r"\{\s*[:.#]|\{\s*[A-Za-z_:][\w:.-]*\s*=|\{\s*\}"),
        "attribute lists ('{ ... }') are not allowed in contributions; remove the braces",
    ),
    (
        re.compile(r"^\s*;*-+8<-+", re.MULTILINE),
        "snippet includes ('--8<--') are not allowed in contributions; write the text out",
    ),
]
# Tags that CommonMark reads as text but an HTML-minded renderer might not ('<svg/onload=...>', '<details/open>').
_TAG_LIKE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])")


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
    problems: list[TextProblem] = _hidden_characters(text, hidden_in_prose(text))
    if not _MAYBE_HTML_OR_HEADING.search(text) and "{" not in text and "8<" not in text and "](" not in text:
        return problems + script_link_problems(text)
    pasted: dict[int, list[str]] = {}  # line -> the HTML found on it, reported once per line
    for token, line in _walk(_parser().parse(text)):
        if token.type in ("html_block", "html_inline"):
            pasted.setdefault(line, []).append(token.content.strip())
        elif token.type == "heading_open":
            problems.append(
                TextProblem(line, "headings are not allowed here; the page adds its own, so use a bold line or a list")
            )
        elif token.type == "image":
            problems.append(TextProblem(line, "images are not allowed in contributions yet; describe the picture in words"))
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            problem = url_problem(href, relative=True)
            if problem and not _SCRIPT_SCHEME.search(_as_browser_reads(unquote(href))):  # script links: named below
                problems.append(TextProblem(line, f"link '{href}' {problem}"))
        elif token.type == "text":
            pasted.setdefault(line, []).extend(tag.group(0) for tag in _TAG_LIKE.finditer(token.content))
            problems += [TextProblem(line, message) for pattern, message in _EXTENSION_SYNTAX if pattern.search(token.content)]
    problems += [TextProblem(line, pasted_html_message(found)) for line, found in sorted(pasted.items()) if found]
    problems.extend(script_link_problems(text))
    return problems


# What to write instead of the HTML a contributor pasted.
_MARKDOWN_FOR = {
    "b": "**bold**",
    "strong": "**bold**",
    "i": "*italic*",
    "em": "*italic*",
    "a": "[text](https://...)",
    "code": "`code`",
    "pre": "a fenced code block (```)",
    "br": "a blank line",
    "p": "a blank line between paragraphs",
    "ul": "a list ('- item')",
    "li": "a list ('- item')",
    "ol": "a numbered list ('1. item')",
    "blockquote": "'> ' before the line",
}
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")


def pasted_html_message(found: list[str]) -> str:
    """One message for all the HTML on one line, naming the Markdown that says the same."""
    tags = [name.lower() for piece in found for name in _TAG_NAME.findall(piece)]
    instead = list(dict.fromkeys(_MARKDOWN_FOR[tag] for tag in tags if tag in _MARKDOWN_FOR))
    shown = " ".join(" ".join(found).split())
    shown = shown if len(shown) <= 60 else shown[:59] + "\u2026"
    message = f"raw HTML '{shown}' is not allowed; contributions are Markdown only"
    return message + (f": write {', '.join(instead)} instead" if instead else "")


def plain_text_problems(text: str) -> list[TextProblem]:
    """Anything but plain text: this field is shown in tooltips and link previews, where Markdown would show as symbols."""
    problems: list[TextProblem] = _hidden_characters(text, invisible_characters(text, allowed="\n"))
    if not _MAYBE_MARKUP.search(text.strip()):
        return problems + script_link_problems(text)
    tokens = _parser().parseInline(text.strip())
    children = tokens[0].children if tokens else []
    for child in children or []:
        if child.type == "html_inline":
            problems.append(TextProblem(0, f"raw HTML '{child.content[:40]}' is not allowed; write plain text"))
            break
        if child.type not in ("text", "softbreak", "text_special"):
            problems.append(TextProblem(0, f"must be plain text, without Markdown ('{child.markup or child.type}'); remove it"))
            break
    tag = _TAG_LIKE.search(text)
    if tag and not any("raw HTML" in problem.message for problem in problems):
        problems.append(TextProblem(0, f"raw HTML '{tag.group(0)}' is not allowed; write plain text"))
    if "\n" in text.strip():
        problems.append(TextProblem(0, "must be a single line of plain text"))
    problems.extend(script_link_problems(text))
    return problems


def _as_browser_reads(text: str) -> str:
    """Entities decoded and the characters a URL parser skips removed: '&#106;avascript&#58;' is 'javascript:'."""
    return _URL_IGNORED.sub("", html.unescape(text)) if "&" in text or _URL_IGNORED.search(text) else text


def script_link_problems(text: str, skip: Collection[int] = frozenset()) -> list[TextProblem]:
    """Script links anywhere in `text`, as a browser would decode them; lines in `skip` (0-based) are code."""
    problems = []
    for offset, line in enumerate(text.split("\n")):
        if offset in skip:
            continue
        for match in _SCRIPT_SCHEME.finditer(_as_browser_reads(line)):
            scheme = match.group(0).split(":")[0].strip().lower()
            problems.append(TextProblem(offset, f"'{scheme}:' links are not allowed; link to an https page instead"))
    return problems


def _hidden_characters(text: str, found: list[tuple[int, str]]) -> list[TextProblem]:
    problems: dict[tuple[int, str], TextProblem] = {}  # one message per character and line, however often it repeats there
    for index, char in found:
        line = text.count("\n", 0, index)
        problems.setdefault((line, char), TextProblem(line, f"contains {describe(char)}, which a reader cannot see; delete it"))
    return list(problems.values())


def _walk(tokens: list[Token]):
    """Every token with the 0-based line it starts on; inline children count the line breaks before them."""
    line = 0
    for token in tokens:
        if token.map:
            line = token.map[0]
        yield token, line
        inner = line
        for child in token.children or ():
            yield child, inner
            if child.type in ("softbreak", "hardbreak"):
                inner += 1
