"""Reads one YAML file into plain values, keeping the line of every key and value, and refusing what is unsafe or ambiguous."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from seokb.content.characters import describe, line_and_column
from seokb.diagnostics import Diagnostics

Path = tuple[str | int, ...]
"""Where a value sits in a document: ('sources', 1, 'url')."""

_STR = "tag:yaml.org,2002:str"
# What YAML 1.1 silently turns an unquoted scalar into; named in messages so the fix is obvious.
_KIND = {
    "tag:yaml.org,2002:bool": "a true/false value",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "an empty value",
    "tag:yaml.org,2002:timestamp": "a date",
}


class NotText:
    """An unquoted scalar that YAML would read as something other than text (`NO`, `2024-01-01`, `3.0`)."""

    def __init__(self, raw: str, tag: str) -> None:
        self.raw = raw
        self.kind = _KIND.get(tag, "something other than text")

    def __repr__(self) -> str:
        return f"NotText({self.raw!r}, {self.kind!r})"


@dataclass
class YamlDocument:
    """A parsed file: plain values (str, list, dict, NotText, None) and the line of every key and value."""

    data: Any
    key_lines: dict[Path, int] = field(default_factory=dict)
    value_lines: dict[Path, int] = field(default_factory=dict)
    # First line of a literal block scalar's text (`key: |`), where Markdown line numbers can be counted from.
    text_lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int:
        """The line of the key at `path`, else of its value, else of the nearest enclosing one."""
        while True:
            if path in self.key_lines:
                return self.key_lines[path]
            if path in self.value_lines:
                return self.value_lines[path]
            if not path:
                return 1
            path = path[:-1]

    def value_line(self, path: Path) -> int:
        return self.value_lines.get(path) or self.line_of(path)


# libyaml's C parser reads a file about ten times faster; its error messages are worded differently, so a file it
# cannot read is read again by PyYAML's own parser, whose messages (and hints) contributors see.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# What YAML refuses to read (PyYAML's reader would stop at the first one, with no line).
_NOT_YAML_TEXT = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
MAX_DEPTH = 12
"""A quiz's deepest value is five levels down; far deeper nesting is a mistake, and would exhaust the parser's stack."""
# Text with no deep indentation and few brackets cannot be nested past MAX_DEPTH: it skips the count.
_MAYBE_DEEP = re.compile(r"^ {24,}\S|(?:[\[{][^\]}]*){%d}" % MAX_DEPTH, re.MULTILINE)  # noqa: UP031 (braces)


def read_yaml(text: str, path: str, report: Diagnostics) -> YamlDocument | None:
    """Parse `text`; on any problem add it to `report` (with `path` and the line) and return None."""
    if _unreadable_characters(text, path, report) or _too_deep(text, path, report):
        return None
    try:
        return _read_yaml(text, path, report, _FAST_LOADER)
    except yaml.YAMLError:
        return _read_yaml(text, path, report, yaml.SafeLoader)


def _read_yaml(text: str, path: str, report: Diagnostics, loader) -> YamlDocument | None:
    before = len(report)
    try:
        _refuse_anchors_aliases_tags(text, path, report, loader)
        if len(report) > before:
            return None
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        if loader is not yaml.SafeLoader:
            raise  # read again by PyYAML, for its wording
        line, message = _in_plain_words(error, text)
        report.add(path, line, message)
        return None
    except yaml.YAMLError as error:  # e.g. a reader error on a control character
        if loader is not yaml.SafeLoader:
            raise
        report.add(path, getattr(getattr(error, "problem_mark", None), "line", 0) + 1, f"YAML error: {error}")
        return None
    document = YamlDocument(data=None)
    if node is None:
        return document
    document.data = _value(node, (), document, path, report, text.split("\n"))
    return None if len(report) > before else document


def _unreadable_characters(text: str, path: str, report: Diagnostics) -> bool:
    found = False
    for match in _NOT_YAML_TEXT.finditer(text):
        found = True
        line, column = line_and_column(text, match.start())
        report.add(path, line, f"column {column}: {describe(match.group())} is a control character YAML cannot read; delete it")
    return found


def _too_deep(text: str, path: str, report: Diagnostics) -> bool:
    if not _MAYBE_DEEP.search(text):
        return False
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    report.add(
                        path,
                        _line(event),
                        f"values are nested more than {MAX_DEPTH} levels deep; an entry or a quiz never needs that",
                    )
                    return True
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as error:
        if "nesting depth" not in str(error):  # libyaml's own limit (1,000 levels)
            return False  # reported by the parse that follows, with PyYAML's words
        mark = getattr(error, "problem_mark", None)
        report.add(
            path,
            mark.line + 1 if mark else 1,
            f"values are nested more than {MAX_DEPTH} levels deep; an entry or a quiz never needs that",
        )
        return True
    return False


def _in_plain_words(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """PyYAML's error as a sentence a contributor understands, at the line they must fix (not the one after it)."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    problem = error.problem or error.context or "not valid YAML"
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if problem == "found unexpected end of stream" and error.context_mark is not None and "quoted" in (error.context or ""):
        return error.context_mark.line + 1, (
            "YAML syntax error: a quote that starts on this line is never closed; end the text with the same quote "
            "(\" or ') it starts with"
        )
    if unclosed := _quote_read_on(error, text):
        return unclosed, (
            "YAML syntax error: the quote that opens this value is not closed on its line, so YAML reads on into the "
            'lines below; end the text with the same quote (" or \') it starts with, or use \' inside "..."'
        )
    if lost := _lost_indentation(error, lines):
        return lost
    if "mapping values are not allowed" in problem and line > 1 and re.match(r"\s*[\w-]+:(\s|$)", here):
        above = next((previous for previous in reversed(lines[: line - 1]) if previous.strip()), "")
        key_column = len(above) - len(above.lstrip(" -"))  # where the field above starts, after any '- '
        if ":" in above and _indent(here) > key_column:  # read as the rest of the value above, then ': ' broke it
            return line, _indented("field")
    if "mapping values are not allowed" in problem and (field := re.match(r"\s*(?:-\s+)?([\w-]+):\s+[^\"'|>]", here)):
        return line, (
            f"YAML syntax error: ': ' inside unquoted text starts a new field to YAML; put the whole value of "
            f"'{field.group(1)}' in double quotes, like {field.group(1)}: \"Text: more text\""
        )
    if "expected <block end>" in problem:
        if "'<scalar>'" in problem and re.search(r"""["'][ \t]*[^\s#:,]""", here.split(": ", 1)[-1][1:]):
            return line, "YAML syntax error: text follows the closing quote; put the whole value inside the quotes"
        what = {"'<block sequence start>'": "list item ('- ')", "'<block mapping start>'": "field"}.get(
            problem.split("found ")[-1], "line"
        )
        return line, _indented(what)
    return line, f"YAML syntax error: {problem}{_syntax_hint(problem)}"


def _quote_read_on(error: yaml.MarkedYAMLError, text: str) -> int | None:
    """The line of a quoted value that runs on past its line up to where the parser failed: a quote left open on the
    line it opens, closed only by a quote further down (the parser stops there, lines below the mistake)."""
    mark = error.problem_mark
    if mark is None:
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, yaml.ScalarToken):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or last.style not in ('"', "'") or last.start_mark.line == last.end_mark.line:
        return None
    return last.start_mark.line + 1 if last.end_mark.line <= mark.line else None


def _lost_indentation(error: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str] | None:
    """A line of a field's block text (`definition: |`) that lost its indentation: YAML ends the text above it and
    reads the line as a new field, then fails lines below, where no ': ' comes. Told at the line itself."""
    if error.context != "while scanning a simple key" or error.context_mark is None:
        return None
    at = error.context_mark.line  # counted from 0
    here = lines[at] if at < len(lines) else ""
    if re.match(r"\s*[\w-]+:(\s|$)", here):
        return None
    above = next((number for number in range(at - 1, -1, -1) if lines[number].strip()), None)
    if above is None or _indent(lines[above]) <= _indent(here):
        return None
    field = next(
        (
            match.group(1)
            for number in range(above, -1, -1)
            if (match := re.match(r"\s*(?:-\s+)?([\w-]+):\s*[|>][-+]?\s*(#.*)?$", lines[number]))
        ),
        None,
    )
    where = f"the text of '{field}'" if field else "the text above it"
    return at + 1, (
        f"YAML syntax error: this line belongs to {where} but lost its indentation, so YAML reads it as a new field; "
        f"indent it by {_indent(lines[above])} spaces, like the line above it"
    )


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _indented(what: str) -> str:
    return (
        f"YAML syntax error: this {what} is indented differently from the lines above it; line it up with the "
        "others at its level (list items under list items, fields under fields, block text by the same spaces)"
    )


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "; put text that contains ': ' in quotes"
    if "found character '\\t'" in problem:
        return "; indent with spaces, not tabs"
    if "could not find expected ':'" in problem:
        return "; each field is 'name: value' (check the indentation and any quotes above)"
    return ""


# Where an anchor ('&a'), an alias ('*a'), a tag ('!t') or a second document ('---') could start. Text with none
# of these cannot hold one, and skips a second pass of the parser; anything else (emphasis in Markdown, say) is
# read event by event.
_MAYBE_NOT_PLAIN_DATA = re.compile(r"(?:^|[\s\[{,])[&*!]|^(?:---|\.\.\.)(?:\s|$)", re.MULTILINE)


def _refuse_anchors_aliases_tags(text: str, path: str, report: Diagnostics, loader=yaml.SafeLoader) -> None:
    """Anchors, aliases and tags make an entry mean something other than what it shows; entries are plain data."""
    if not _MAYBE_NOT_PLAIN_DATA.search(text):
        return
    documents = 0
    for event in yaml.parse(text, Loader=loader):
        line = _line(event)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents == 2:
                report.add(path, line, "a second YAML document ('---'); one entry per file")
        if isinstance(event, yaml.AliasEvent):
            report.add(path, line, f"YAML alias '*{event.anchor}' is not allowed; write the value out in full")
        elif anchor := getattr(event, "anchor", None):
            report.add(path, line, f"YAML anchor '&{anchor}' is not allowed; write each value out in full")
        tag = getattr(event, "tag", None)
        if tag and not isinstance(event, (yaml.DocumentStartEvent,)):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            report.add(path, line, f"YAML tag '{shown}' is not allowed; put the value in quotes if it must stay text")


def _value(node: yaml.Node, at: Path, document: YamlDocument, path: str, report: Diagnostics, lines: list[str]) -> Any:
    document.value_lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                report.add(path, key_line, f"field names must be plain words, not {_describe(key_node)}")
                continue
            key = key_node.value
            if key in result:
                first = document.key_lines[(*at, key)]
                report.add(
                    path,
                    key_line,
                    f"duplicate field '{key}' (first at line {first}); YAML would keep only the last one, so delete one",
                )
                continue
            document.key_lines[(*at, key)] = key_line
            result[key] = _value(value_node, (*at, key), document, path, report, lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, (*at, i), document, path, report, lines) for i, item in enumerate(node.value)]
    if node.tag == _STR:
        plain = isinstance(node, yaml.ScalarNode) and not node.style  # libyaml gives '' for plain, PyYAML None
        if plain and at and isinstance(at[-1], int) and node.end_mark.line > node.start_mark.line:
            _item_under_item(node, lines, path, report)
        if getattr(node, "style", None) == "|":
            # A literal block keeps its line breaks, so Markdown line numbers map back one to one.
            document.text_lines[at] = node.start_mark.line + 2
        return node.value
    if node.tag == "tag:yaml.org,2002:null":
        return None
    return NotText(node.value, node.tag)


_ITEM_LINE = re.compile(r"^\s*- \S")


def _item_under_item(node: yaml.Node, lines: list[str], path: str, report: Diagnostics) -> None:
    """A list item indented under the one before it is, to YAML, more words of that item ('backlink -
    referring-domain'): told at the indented item, before any check reads the joined words as one value."""
    for number in range(node.start_mark.line + 1, min(node.end_mark.line + 1, len(lines))):
        if _ITEM_LINE.match(lines[number]):
            report.add(
                path,
                number + 1,
                "YAML syntax error: this list item is indented under the one before it, so YAML reads both as one "
                f"item, '{node.value}'; line its '- ' up with the item above",
            )
            return


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return _KIND.get(node.tag, "text")


def value_at(data: Any, at: Path) -> Any:
    """The value at a path of plain data, or None where the path leads nowhere (a missing key, a short list)."""
    for step in at:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _line(event) -> int:
    """The 1-based line an event starts on (PyYAML always marks parsed events; the stubs allow None)."""
    return event.start_mark.line + 1 if event.start_mark is not None else 1
