"""Every URL a page holds, judged as a browser reads it: by an HTML5 parser that decodes entities, then by the URL rules
of safe_urls.page_url_problem. One judge serves both doors: the build feeds it each page's rendered HTML
(rendered_url_problems), `seokb check`, which cannot render, the parts of the Markdown it can parse
(source_url_problems): images and links, attribute lists, raw HTML.

Reading values line by line missed 'java<newline>script:' and 'jav&#x09;ascript:', which a browser runs on a click;
a parser sees the whole attribute, decoded, wherever its line breaks fall."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from selectolax.lexbor import LexborHTMLParser

from seokb.content.rules import TextProblem
from seokb.content.safe_urls import browser_reads, page_url_problem
from seokb.markup.htmlscan import attributes

# Attributes whose value is a URL the page loads, sends to or (for <a href>) lets the reader follow.
_URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "ping", "codebase", "lowsrc"}
)
_URL_LIST_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})  # 'a.png 1x, b.png 2x'
_NAVIGATION = frozenset({("a", "href"), ("a", "xlink:href"), ("area", "href")})  # the reader clicks: may leave the site
_FORM_ATTRIBUTES = frozenset({"action", "formaction"})
# SVG presentation attributes that take a CSS url(): a paint server, filter, mask or marker may be another file.
_CSS_URL_ATTRIBUTES = frozenset(
    {"style", "fill", "stroke", "filter", "mask", "clip-path", "marker-start", "marker-mid", "marker-end", "cursor"}
)
# CSS that loads a file: url(...) and src(...), @import "...", and the strings of image-set(...).
_CSS_URL = re.compile(r"""\b(?:url|src)\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_CSS_IMAGE_SET = re.compile(r"image-set\(([^)]*)\)", re.IGNORECASE)
_CSS_STRING = re.compile(r""""([^"]*)"|'([^']*)'""")
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(.))", re.DOTALL)
_SHOWN = 60


@dataclass(frozen=True)
class UrlProblem:
    """A URL the page may not hold: `line` counts from 0 in the HTML fed; `value` is how the HTML parser decoded it,
    which the build looks for in the page's source to name a line."""

    line: int
    value: str
    message: str


def judge_url(tag: str, attribute: str, value: str) -> str | None:
    """The message for one decoded attribute value on `tag`; None when the allow-list takes it."""
    navigation = (tag, attribute) in _NAVIGATION
    problem = page_url_problem(value, navigation=navigation)
    if problem is None:
        return None
    use = "link" if navigation else "form" if attribute in _FORM_ATTRIBUTES else "file"
    return _message(f'<{tag} {attribute}="{_shown(value)}">', problem, use)


def _message(where: str, problem: tuple[str, str], use: str = "file") -> str:
    """The words for a refused URL; `use` is what it is for: a "link" the reader clicks, a "form" or a "file"."""
    kind, name = problem
    if kind == "script":  # the words script_link_problems uses for the same link written on one line
        return f"'{name}:' links are not allowed; link to an https page instead"
    if kind == "remote" and use == "form":
        return f"{where} sends the form to {name}; a form may only send to this site's own pages"
    if kind == "remote":
        return (
            f"{where} loads a file from {name}; the site loads nothing from another host: "
            "save the file under docs/ and use its path there"
        )
    if not name:  # a scheme-relative link: the reader clicks it, so it may leave the site, with its scheme
        return f"{where} has no scheme; write https://"
    if use == "link":
        return f"{where} uses '{name}:'; a link may point inside this site or to an https:, http: or mailto: address"
    return f"{where} uses '{name}:'; a page loads and sends only to this site's own addresses"


def _shown(value: str) -> str:
    """The value as the browser reads it, on one line and short enough for a message."""
    read = "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in browser_reads(value))
    return read if len(read) <= _SHOWN else read[: _SHOWN - 1] + "\u2026"


def css_urls(css: str) -> list[str]:
    """Every address `css` would load, escapes decoded and comments removed, as a browser's CSS parser reads them."""
    if "\\" in css:
        css = _CSS_ESCAPE.sub(
            lambda m: chr(int(m.group(1), 16)) if m.group(1) else (m.group(2) if m.group(2) != "\n" else ""), css
        )
    css = _CSS_COMMENT.sub("", css)
    found = [next(value for value in match.groups() if value is not None) for match in _CSS_URL.finditer(css)]
    found += [next(value for value in match.groups() if value is not None) for match in _CSS_IMPORT.finditer(css)]
    for image_set in _CSS_IMAGE_SET.finditer(css):
        found += [
            match.group(1) if match.group(1) is not None else match.group(2) for match in _CSS_STRING.finditer(image_set.group(1))
        ]
    return found


def css_problems(css: str, context: str) -> list[tuple[str, str]]:
    """(url, message) for each address in `css` that the allow-list refuses; `context` says where the CSS stands."""
    problems = []
    for url in css_urls(css):
        problem = page_url_problem(url, navigation=False)
        if problem is not None:
            problems.append((url, _message(f"url({_shown(url)}) in {context}", problem)))
    return problems


def attribute_problems(tag: str, attrs: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
    """(value, message) for each attribute of one start tag that the allow-list refuses; values decoded already."""
    problems: list[tuple[str, str]] = []
    for name, value in attrs:
        if value is None:
            continue
        if name in _URL_ATTRIBUTES:
            message = judge_url(tag, name, value)
            if message:
                problems.append((value, message))
        elif name in _URL_LIST_ATTRIBUTES:
            for candidate in value.split(","):
                url = candidate.split()[0] if candidate.strip() else ""  # the URL, then its width or density
                message = judge_url(tag, name, url) if url else None
                if message:
                    problems.append((url, message))
        elif name in _CSS_URL_ATTRIBUTES:
            problems += css_problems(value, f"the {name} of <{tag}>")
        elif tag == "meta" and name == "http-equiv" and value.strip().lower() == "refresh":
            problems.append(
                (
                    "http-equiv",
                    '<meta http-equiv="refresh"> sends the reader away by itself, which a page may not do; for a moved '
                    "page, list its old address under redirect_from in the new page's front matter",
                )
            )
    return problems


def html_url_problems(page_html: str) -> list[UrlProblem]:
    """Every URL in `page_html` that the allow-list refuses, with the line (from 0) of `page_html` that holds it.

    Read by lexbor, an HTML5 parser as a browser's: entities decoded as in an attribute, '<!-->' and '<![CDATA[' in
    HTML closed where a browser closes them, a repeated attribute read once (the first), '</style x>' ending a style.
    Python's html.parser differs on each of these, and each difference hid an element a browser loads."""
    problems: list[UrlProblem] = []
    root = LexborHTMLParser(page_html).root
    for node in root.traverse(include_text=False) if root is not None else ():
        tag = node.tag or ""
        attrs = node.attributes
        found = attribute_problems(tag, list(attrs.items())) if attrs else []
        if tag == "style":
            found += css_problems(node.text(deep=True), "a <style> element")
        elif tag == "template":  # its content is a fragment of its own, live once a shadow root holds it
            outer = node.html or ""
            inner = outer[outer.find(">") + 1 : outer.rfind("</template>")]
            found += [(problem.value, problem.message) for problem in html_url_problems(inner)]
        problems += [UrlProblem(_line_in(value, page_html), value, message) for value, message in found]
    return problems


# ---------------------------------------------------------------------------------------------- where in the source


def _pattern(value: str) -> re.Pattern[str] | None:
    """`value` as it may stand in a source, where line breaks, tabs and spaces may fall between its characters."""
    parts = [part for part in re.split(r"[\x00-\x20]+", value) if part]
    if not parts or sum(len(part) for part in parts) < 4:
        return None
    return re.compile(r"[\x00-\x20]*".join(re.escape(part) for part in parts))


def _line_in(value: str, text: str) -> int:
    """The line (from 0) of `text` where `value` starts, entities decoded line by line; 0 when it is not found."""
    line = find_line(value, text)
    return line if line is not None else 0


def find_line(value: str, text: str) -> int | None:
    """The line (from 0) of `text` where `value` starts, read with entities decoded; None when it is not there."""
    pattern = _pattern(value)
    if pattern is None:
        return None
    # Decoded line by line, so that line numbers hold; an entity for a line break is read as a space.
    decoded = "\n".join(
        html.unescape(line).replace("\n", " ").replace("\r", " ") if "&" in line else line for line in text.split("\n")
    )
    found = pattern.search(decoded)
    return decoded.count("\n", 0, found.start()) if found else None


def rendered_url_problems(page_html: str, source: Callable[[], str]) -> list[tuple[int, str]]:
    """The build's check: (line, message) for each URL the rendered page may not hold, at the line (from 1) of the
    file a contributor edits, `source()`, that holds its value; else at the front matter's `raw_html:` line, else 1.
    The source is read only for a page with a problem."""
    problems: dict[tuple[int, str], None] = {}
    found = html_url_problems(page_html)
    text = source() if found else ""
    for problem in found:
        line = find_line(problem.value, text)
        problems[(1 + (line if line is not None else _reason_line(text)), problem.message)] = None
    return list(problems)


def _reason_line(source: str) -> int:
    lines = source.split("\n")
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                break
            if line.startswith("raw_html:"):
                return number
    return 0


# ---------------------------------------------------------------------------------------------- what a source check reads


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # As links/check.py reads pages: indented code is off, since admonitions and md_in_html blocks are indented.
    return MarkdownIt("commonmark").enable("table").disable("code")


_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_MAYBE_URL = re.compile(r"[<{]|\]\s*[(:\[]")


def source_url_problems(markdown: str) -> list[TextProblem]:
    """`seokb check`'s view of the same rule, without rendering: Markdown images and links, attribute lists (as
    attr_list reads them), raw HTML blocks and inline tags, each through the judge, at its line (from 0)."""
    if not _MAYBE_URL.search(markdown):
        return []
    problems: list[TextProblem] = []
    block_tag = "p"
    for token in _parser().parse(markdown):
        if token.type.endswith("_open") and token.tag and not token.hidden:  # a tight list's paragraphs: the <li>
            block_tag = token.tag
        if token.type == "html_block" and token.map:
            problems += [TextProblem(token.map[0] + p.line, p.message) for p in html_url_problems(token.content)]
        elif token.type == "inline" and token.map:
            problems += _inline_problems(token, token.map[0], block_tag)
    return list(dict.fromkeys(problems))


def _inline_problems(inline: Token, line: int, block_tag: str) -> list[TextProblem]:
    problems: list[TextProblem] = []
    # The paragraph's raw HTML, read at once as the browser reads it in the page ('<svg>', '<image ...>' and '</svg>'
    # are three tokens here, and an <image> read alone would be an <img>); each line break kept, for the lines.
    tags: list[str] = []
    in_style = False
    before = ""  # what the last child was, which an attribute list right after it applies to
    for child in inline.children or ():
        found: list[tuple[str, str]] = []
        if child.type == "image":
            message = judge_url("img", "src", str(child.attrs.get("src", "")))
            found = [("", message)] if message else []
        elif child.type == "link_open":
            message = judge_url("a", "href", str(child.attrs.get("href", "")))
            found = [("", message)] if message else []
        elif child.type == "html_inline":
            tags.append(child.content)
            in_style = child.content[:6].lower() == "<style" or (in_style and child.content[:7].lower() != "</style")
        elif child.type == "text" and in_style:  # a style's text is CSS, not Markdown
            tags.append(child.content)
        elif child.type == "text" and "{" in child.content:
            tag = {"image": "img", "link_close": "a"}.get(before, block_tag) if child.content.startswith("{") else block_tag
            for match in _ATTR_LIST.finditer(child.content):
                attrs = [(name, value) for name, value in attributes(match.group(1)).items()]
                found += attribute_problems(tag, attrs)
        text_line = line + sum(piece.count("\n") for piece in tags)
        problems += [TextProblem(text_line, message) for _, message in found]
        if child.type in ("softbreak", "hardbreak"):
            tags.append("\n")
        before = child.type
    if tags:
        problems += [TextProblem(line + p.line, p.message) for p in html_url_problems("".join(tags))]
    return problems
