"""Markers: what a lesson embeds, written as an HTML comment on a line of its own, in one syntax.

    <!-- seokb:community -->                     the community chat invite (mkdocs.yml `extra.community`)
    <!-- seokb:quiz judge-a-forum-link -->       a quiz from quizzes/judge-a-forum-link.yml
    <!-- seokb:diagram link-between-sites -->    a picture from diagrams/link-between-sites.yml

One parser for all, which skips fenced code (a guide may show a marker without using one). A marker the engine
does not know, a malformed one, or the old `<!-- quiz: id -->` form is an error at its line, never left in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Any

from seokb.content.diagram import Diagram, Diagrams
from seokb.content.lesson_rules import code_lines
from seokb.content.quiz import Quiz, Quizzes
from seokb.diagnostics import Diagnostics

# Any case, any spacing: '<!-- SEOKB : community -->' is the community marker, not a comment to leave in silently.
# `old` catches the quiz marker of earlier versions, so that it is reported with the new spelling.
MARKER = re.compile(
    r"^(?P<indent>[ \t]*)<!--\s*(?:seokb\s*:\s*(?P<name>[\w-]*)|(?P<old>quiz)\s*:)(?P<argument>.*?)-->[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
KNOWN = ("community", "quiz", "diagram")


@dataclass(frozen=True)
class Community:
    """The community chat from mkdocs.yml `extra.community`; `url` empty while there is no public invite."""

    name: str = ""
    url: str = ""
    repo_url: str = ""


@dataclass(frozen=True)
class Marker:
    """One marker in a page: its name, what follows the name (a quiz id), and where it stands (line from 1)."""

    name: str
    argument: str
    line: int
    start: int
    end: int
    indent: str = ""
    old_quiz: bool = False


def community_block(community: Community) -> str:
    if community.url:
        return (
            f"Questions, or a link you are unsure about? Ask in the [{community.name} community]({community.url}), "
            "where readers share what worked on their own sites."
        )
    where = f" on [GitHub]({community.repo_url})" if community.repo_url else ""
    return (
        "There is no public community chat yet. Until there is, questions, corrections and ideas are welcome as "
        f"issues and pull requests{where}."
    )


def find_markers(markdown: str, first_line: int = 1) -> list[Marker]:
    """Every marker of a page outside fenced code; `first_line` is the file line `markdown` starts on."""
    if not MARKER.search(markdown):
        return []  # most pages: no need to parse them for fenced blocks
    code = code_lines(markdown)
    markers = []
    for match in MARKER.finditer(markdown):
        offset = markdown.count("\n", 0, match.start())
        if offset in code:
            continue
        markers.append(
            Marker(
                name="quiz" if match["old"] else match["name"].lower(),
                argument=match["argument"].strip().lower(),
                line=offset + first_line,
                start=match.start(),
                end=match.end(),
                indent=match["indent"],
                old_quiz=bool(match["old"]),
            )
        )
    return markers


def expand_markers(
    markdown: str,
    path: str,
    report: Diagnostics,
    community: Community,
    quizzes: Quizzes,
    embed_quiz: Callable[[Quiz], str],
    first_line: int = 1,
    diagrams: Diagrams | None = None,
    embed_diagram: Callable[[Diagram], str] | None = None,
) -> str:
    """Replace every marker: the community block, `embed_quiz(quiz)` for a quiz, `embed_diagram(diagram)` for a
    diagram. Each unknown, malformed or repeated marker is reported at its line and removed; the rest of the page
    stays, so lines stay true."""
    pieces: list[str] = []
    position = 0
    placed: dict[str, int] = {}
    drawn: dict[str, int] = {}
    for marker in find_markers(markdown, first_line):
        pieces.append(markdown[position : marker.start])
        position = marker.end
        if marker.name == "diagram":
            found = diagrams if diagrams is not None else Diagrams()
            draw = embed_diagram or (lambda diagram: "")
            problem, text = _expand_file(marker, DIAGRAM_FILES, found.get, found.names, found.unreadable, draw, drawn)
        else:
            problem, text = _expand(marker, community, quizzes, embed_quiz, placed)
        if problem:
            report.add(path, marker.line, problem)
        # Indented like the marker, so a quiz inside a list item or an admonition stays inside it.
        pieces.append("\n".join(marker.indent + line if line else line for line in text.splitlines()))
    pieces.append(markdown[position:])
    return "".join(pieces)


def _expand(
    marker: Marker,
    community: Community,
    quizzes: Quizzes,
    embed_quiz: Callable[[Quiz], str],
    placed: dict[str, int],
) -> tuple[str | None, str]:
    """(problem, replacement text) for one marker."""
    if marker.old_quiz:
        return (
            f"'<!-- quiz: {marker.argument} -->' is the old quiz marker; write '<!-- seokb:quiz {marker.argument or '<id>'} -->'",
            "",
        )
    if marker.name == "community":
        if marker.argument:
            return "the community marker takes nothing after its name; write '<!-- seokb:community -->'", ""
        return None, community_block(community)
    if marker.name != "quiz":
        known = ", ".join(f"'seokb:{name}'" for name in KNOWN)
        return f"unknown marker 'seokb:{marker.name}'; known markers: {known}", ""
    return _expand_file(marker, QUIZ_FILES, quizzes.get, quizzes.ids, quizzes.unreadable, embed_quiz, placed)


@dataclass(frozen=True)
class FileMarker:
    """A marker that names a file of a content folder: what the messages call the thing and its name."""

    kind: str  # 'quiz': the marker's name too
    folder: str  # 'quizzes'
    key: str  # 'id': what the messages call the file's name


QUIZ_FILES = FileMarker("quiz", "quizzes", "id")
DIAGRAM_FILES = FileMarker("diagram", "diagrams", "name")


def _expand_file(
    marker: Marker,
    kind: FileMarker,
    get: Callable[[str], Any],
    names: list[str],
    unreadable: frozenset[str],
    embed: Callable[[Any], str],
    placed: dict[str, int],
) -> tuple[str | None, str]:
    """(problem, replacement text) for a quiz or diagram marker: the file it names, embedded once per page."""
    name = marker.argument
    if not name:
        return (
            f"a {kind.kind} marker names no {kind.kind}; write '<!-- seokb:{kind.kind} <{kind.key}> -->', the "
            f"{kind.key} being a file name in {kind.folder}/ without .yml",
            "",
        )
    found = get(name)
    if found is None and name in unreadable:
        return None, ""  # the file's own problems are reported already
    if found is None:
        close = get_close_matches(name, sorted({*names, *unreadable}), n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else f"; the {kind.key} is a file name in {kind.folder}/ without .yml"
        return f"unknown {kind.kind} '{name}'{hint}", ""
    if name in placed:
        return f"{kind.kind} '{name}' is already embedded at line {placed[name]}; embed a {kind.kind} once per page", ""
    placed[name] = marker.line
    return None, embed(found)
