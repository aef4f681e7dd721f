"""Markers in lessons (`<!-- seokb:community -->`): HTML comments the engine replaces; an unknown one is an error, never left in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .diagnostics import Diagnostics
from .page_rules import code_lines

# Any case, any spacing: '<!-- SEOKB : community -->' is the community marker, not a comment to leave in silently.
MARKER = re.compile(r"^[ \t]*<!--\s*seokb\s*:\s*([\w-]*)\s*-->[ \t]*$", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class Community:
    """The community chat from mkdocs.yml `extra.community`; `url` empty while there is no public invite."""

    name: str = ""
    url: str = ""
    repo_url: str = ""


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


def expand_markers(markdown: str, path: str, report: Diagnostics, community: Community, first_line: int = 1) -> str:
    """Replace every known marker; report each unknown one with its line and keep the rest of the page.

    `first_line` is the file line `markdown` starts on (MkDocs hands hooks the text after the front matter)."""
    handlers: dict[str, Callable[[], str]] = {"community": lambda: community_block(community)}
    if not MARKER.search(markdown):
        return markdown
    code = code_lines(markdown)  # a guide that shows a marker in a fenced block is not using it

    def replace(match: re.Match[str]) -> str:
        if markdown.count("\n", 0, match.start()) in code:
            return match.group(0)
        name = match.group(1).lower()
        handler = handlers.get(name)
        if handler is None:
            line = markdown.count("\n", 0, match.start()) + first_line
            known = ", ".join(f"'seokb:{known}'" for known in handlers)
            report.add(path, line, f"unknown marker 'seokb:{name}'; known markers: {known}")
            return ""
        return handler()

    return MARKER.sub(replace, markdown)
