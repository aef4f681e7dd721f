"""Finds prose copied from the source article: any run of eight words that a page shares with it."""

from __future__ import annotations

import re
from pathlib import Path

from seokb.diagnostics import Diagnostic

RUN = 8
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def copied_message(words: list[str]) -> str:
    return f"shares {len(words)} words in a row with the source article: '{' '.join(words)}'; say it in your own words"


def _words(text: str) -> list[tuple[str, int]]:
    """Lower-case words with the line each stands on; apostrophes folded so that 'don’t' and "don't" match."""
    words = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _WORD.finditer(line.lower().replace("’", "'")):
            words.append((match.group(0), number))
    return words


def source_runs(source_text: str, run: int = RUN) -> set[tuple[str, ...]]:
    words = [w for w, _ in _words(source_text)]
    return {tuple(words[i : i + run]) for i in range(len(words) - run + 1)}


def copied_runs(
    text: str, path: str, runs: set[tuple[str, ...]], allowed: set[tuple[str, ...]] = frozenset(), run: int = RUN
) -> list[Diagnostic]:
    """Each maximal stretch of `text` made of shared runs, reported once at the line where it starts.

    `allowed` holds runs that may repeat (the titles and names the article quotes).
    """
    words = _words(text)
    found: list[Diagnostic] = []
    i = 0
    while i <= len(words) - run:
        window = tuple(w for w, _ in words[i : i + run])
        if window in runs and window not in allowed:
            end = i + run
            while end < len(words) and tuple(w for w, _ in words[end - run + 1 : end + 1]) in runs:
                end += 1
            found.append(Diagnostic(path, words[i][1], copied_message([w for w, _ in words[i:end]])))
            i = end
        else:
            i += 1
    return found


def check_tree(
    root: Path, source: Path, folders: tuple[str, ...] = ("docs", "glossary", "quizzes", "diagrams")
) -> list[Diagnostic]:
    runs = source_runs(source.read_text(encoding="utf-8"))
    problems: list[Diagnostic] = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".md", ".yml") and path.is_file():
                problems += copied_runs(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix(), runs)
    return problems
