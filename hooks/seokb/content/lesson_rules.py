"""Rules for hand-written pages (lessons, home, about): they arrive by pull request like entries, so no script runs.

A page may hold raw HTML (a form, a figure) only if its front matter says why, as `raw_html: "<reason>"`, where a
reviewer sees it. Script, event-handler attributes and script links are refused even then: a page's behaviour
belongs in the engine's reviewed assets, not inline.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml
from markdown_it import MarkdownIt

from seokb.content.page_urls import source_url_problems
from seokb.content.rules import TextProblem, script_link_problems
from seokb.markup.htmlscan import attributes, pieces

_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_LOOKS_LIKE_MARKER = re.compile(r"\s*(?:seokb|quiz)(?![a-z])", re.IGNORECASE)
# What markers.MARKER reads as a marker (it reports a wrong name or the old quiz form itself).
_A_MARKER = re.compile(r"\s*(?:seokb\s*:\s*[\w-]*|quiz\s*:)[^>]*?$", re.IGNORECASE)
_ALONE = re.compile(r"^[ \t]*<!--.*?-->[ \t]*$")
_NOT_A_TAG = ("<!--", "<!", "<?")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Indented code is off, as for links: admonitions and md_in_html blocks are indented, and hold real text.
    return MarkdownIt("commonmark").enable("table").disable("code")


def code_lines(markdown: str) -> set[int]:
    """The 0-based lines inside fenced code blocks: a guide that shows a marker or a tag is not using one."""
    return {
        line
        for token in _parser().parse(markdown)
        if token.type == "fence" and token.map
        for line in range(token.map[0], token.map[1])
    }


def page_problems(markdown: str, raw_html_reason: str | None) -> list[TextProblem]:
    """Problems in a page's Markdown, each `offset` lines below its first line (offset 0 is line 1)."""
    problems = [TextProblem(p.offset, p.message) for p in script_link_problems(markdown, skip=code_lines(markdown))]
    # Every URL as a browser reads it; one already named above (a script link on one line) is not named twice.
    problems += [problem for problem in source_url_problems(markdown) if problem not in problems]
    if "<" not in markdown:
        return problems
    html_lines: dict[int, list[str]] = {}  # 0-based line -> the raw HTML that markdown-it found on it
    for token in _parser().parse(markdown):
        if not token.map:
            continue
        if token.type == "html_block":
            for number, text in enumerate(token.content.splitlines()):
                html_lines.setdefault(token.map[0] + number, []).append(text)
        for child in token.children or ():
            if child.type == "html_inline":
                html_lines.setdefault(token.map[0], []).append(child.content)
    lines = markdown.splitlines()
    for offset, found in sorted(html_lines.items()):
        joined = " ".join(found)
        problems += _marker_problems(offset, joined, lines[offset] if offset < len(lines) else "")
        tags = [piece for piece in found if not piece.lstrip().startswith(_NOT_A_TAG)]
        # A reason lets a page hold HTML, never script: told here with a line, and checked again once rendered.
        problems += [TextProblem(offset, message) for message in dict.fromkeys(rendered_page_problems(" ".join(tags)))]
        if tags and raw_html_reason is None:
            snippet = tags[0].strip()[:40]
            problems.append(
                TextProblem(
                    offset,
                    f"raw HTML '{snippet}' needs a reason: add 'raw_html: \"why this page needs it\"' to the front "
                    "matter, or write Markdown",
                )
            )
    return problems


def _marker_problems(offset: int, found_html: str, line: str) -> list[TextProblem]:
    problems = []
    for comment in _COMMENT.finditer(found_html):
        body = comment.group(1)
        if not _LOOKS_LIKE_MARKER.match(body):
            continue
        if not _A_MARKER.match(body):
            problems.append(
                TextProblem(
                    offset,
                    f"'{comment.group(0)[:60]}' looks like a marker but is not one; write '<!-- seokb:community -->' or "
                    "'<!-- seokb:quiz <id> -->'",
                )
            )
        elif not _ALONE.match(line):
            problems.append(TextProblem(offset, f"the marker '{comment.group(0)[:60]}' must stand alone on its own line"))
    return problems


_SCRIPT_TAGS = ("script", "iframe", "object", "embed", "frame", "frameset", "base")


def rendered_page_problems(page_html: str) -> list[str]:
    """What no page may render, whoever wrote it and however: script elements and event handlers (its URLs, script
    links among them, are judged by page_urls.rendered_url_problems, on values decoded as a browser decodes them).

    The backstop behind page_problems: attr_list (`{ onclick=... }`) and md_in_html turn Markdown into attributes
    that no source check sees."""
    problems = []
    for piece in pieces(page_html):
        if piece.kind not in ("start", "startend"):
            continue
        if piece.tag in _SCRIPT_TAGS:
            problems.append(f"the page renders a <{piece.tag}> element; pages may not run or embed script")
        for name in attributes(piece.attrs) if piece.attrs else ():
            if name.startswith("on"):
                problems.append(f"the page renders an event handler ('{name}' on <{piece.tag}>); pages may not run script")
    return problems


def front_matter(text: str) -> dict:
    """A page's YAML front matter as MkDocs reads it (between '---' lines at the top); {} when there is none or it
    is not a mapping (MkDocs reports a broken one in the build)."""
    if not text.startswith("---\n") or "\n---" not in text[3:]:
        return {}
    try:
        meta = yaml.safe_load(text[4 : text.index("\n---", 3)])
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def page_body(text: str) -> tuple[dict, str, int]:
    """A page split as MkDocs splits it (mkdocs.utils.meta.get_data): its front matter, its Markdown body with the
    blank lines after the front matter dropped, and the file line that body starts on."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return {}, text, 1
    try:
        meta = yaml.safe_load(found.group(1))
    except yaml.YAMLError:
        return {}, text, 1
    if not isinstance(meta, dict):
        return {}, text, 1
    rest = text[found.end() :]
    body = rest.lstrip("\n")
    return meta, body, text[: found.end()].count("\n") + 1 + (len(rest) - len(body))
