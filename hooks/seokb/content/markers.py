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
            problem, text = _expand_diagram(
                marker, diagrams if diagrams is not None else Diagrams(), embed_diagram or (lambda diagram: ""), drawn
            )
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
    quiz_id = marker.argument
    if not quiz_id:
        return (
            "a quiz marker names no quiz; write '<!-- seokb:quiz <id> -->', the id being a file name in quizzes/ without .yml",
            "",
        )
    quiz = quizzes.get(quiz_id)
    if quiz is None and quiz_id in quizzes.unreadable:
        return None, ""  # the quiz file's own problems are reported already
    if quiz is None:
        close = get_close_matches(quiz_id, sorted({*quizzes.ids, *quizzes.unreadable}), n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else "; the id is a file name in quizzes/ without .yml"
        return f"unknown quiz '{quiz_id}'{hint}", ""
    if quiz_id in placed:
        return f"quiz '{quiz_id}' is already embedded at line {placed[quiz_id]}; embed a quiz once per page", ""
    placed[quiz_id] = marker.line
    return None, embed_quiz(quiz)


def _expand_diagram(
    marker: Marker, diagrams: Diagrams, embed: Callable[[Diagram], str], drawn: dict[str, int]
) -> tuple[str | None, str]:
    name = marker.argument
    if not name:
        return (
            "a diagram marker names no diagram; write '<!-- seokb:diagram <name> -->', the name being a file name in "
            "diagrams/ without .yml",
            "",
        )
    diagram = diagrams.get(name)
    if diagram is None and name in diagrams.unreadable:
        return None, ""  # the diagram file's own problems are reported already
    if diagram is None:
        close = get_close_matches(name, sorted({*diagrams.names, *diagrams.unreadable}), n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else "; the name is a file name in diagrams/ without .yml"
        return f"unknown diagram '{name}'{hint}", ""
    if name in drawn:
        return f"diagram '{name}' is already embedded at line {drawn[name]}; embed a diagram once per page", ""
    drawn[name] = marker.line
    return None, embed(diagram)
