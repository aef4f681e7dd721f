"""Characters a reader cannot see: named in messages, refused in names and one-line fields, and files that are not UTF-8."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from seokb.content.files import ANY_FILE, Limit, read_file
from seokb.diagnostics import Diagnostics

# Controls that reorder how text is shown (the "Trojan Source" characters): text reads one way and is another.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters that draw nothing: a name made of them looks empty, and one inside a name hides a second, different name.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")
# Categories with nothing to show: controls, format characters (zero-width space and joiners, soft hyphen,
# byte-order mark), line and paragraph separators, private use and unassigned code points.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"})


def describe(char: str) -> str:
    """'U+200B ZERO WIDTH SPACE': how a message names a character nobody can see."""
    name = unicodedata.name(char, "") or {"\x00": "NULL", "\x07": "BELL", "\x1b": "ESCAPE", "\x7f": "DELETE"}.get(char, "")
    if not name and unicodedata.category(char) == "Cc":
        name = "CONTROL CHARACTER"
    return f"U+{ord(char):04X} {name}".strip()


def is_invisible(char: str) -> bool:
    return unicodedata.category(char) in _INVISIBLE_CATEGORIES or char in _BLANK_LETTERS or char in BIDI_CONTROLS


def invisible_characters(text: str, allowed: str = "") -> list[tuple[int, str]]:
    """(index, character) of every invisible character in `text` but those in `allowed`."""
    return [(index, char) for index, char in enumerate(text) if char not in allowed and is_invisible(char)]


# The controls (category Cc: U+0000-001F and U+007F-009F) but tab and line feed, and the direction changes.
_HIDDEN_IN_PROSE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")


def hidden_in_prose(text: str) -> list[tuple[int, str]]:
    """In Markdown fields only controls and direction changes are refused: zero-width joiners belong in emoji. One
    regular expression over the text: a loop over every character of every field was the slowest part of loading."""
    return [(found.start(), found.group()) for found in _HIDDEN_IN_PROSE.finditer(text)]


def line_and_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of `index` in `text`."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def read_text_file(path: Path, relative: str, report: Diagnostics, limit: Limit = ANY_FILE) -> str | None:
    """The file as text, or None with the reason reported: a link or not a regular file, too large for its kind
    (files.py; both checked before it is read), or not UTF-8 (at the first bad byte)."""
    data = read_file(path, relative, limit, report)
    return None if data is None else decode(data, relative, report)


def decode(data: bytes, relative: str, report: Diagnostics) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        report.add(
            relative,
            line,
            f"the file is not UTF-8 text: byte 0x{data[error.start]:02X} at column {column} cannot be read; "
            "save the file as UTF-8 in your editor",
        )
        return None
    return text.removeprefix("\ufeff")
