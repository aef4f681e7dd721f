"""One loader for the content folders (glossary/, quizzes/): the files that can be read as items, a message for
each other file, and each item read from its YAML as a pure function of its text, path and name."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from seokb.content.characters import read_text_file
from seokb.content.files import DIAGRAM, ENTRY, QUIZ, Limit, link_problem
from seokb.content.names import slugify
from seokb.diagnostics import Diagnostics, internal_errors

Item = TypeVar("Item")

LIMITS = {"glossary": ENTRY, "quizzes": QUIZ, "diagrams": DIAGRAM}  # by folder; any other folder: the entries' limit
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""Match it with fullmatch: '$' would also accept a name that ends in a line break."""


@dataclass(frozen=True)
class FolderKind:
    """How a folder's messages name what it holds: 'a glossary entry' named by its 'slug', 'a quiz' by its 'id'."""

    item: str  # "entry", "quiz"
    article: str  # "a glossary entry", "a quiz"
    plural: str  # "entries", "quizzes"
    name: str  # "slug", "id"
    skip: Callable[[str], bool]  # file names that are not contributions (editor files, the folder's README)


def content_files(root: Path, folder: str, kind: FolderKind, report: Diagnostics) -> Iterator[tuple[Path, str]]:
    """(path, path relative to root) of every <name>.yml in root/folder; every other file or folder is reported."""
    directory = root / folder
    if (problem := link_problem(directory)) is not None:  # the folder itself may not be a link out of the repository
        report.add(folder, 1, problem)
        return
    if not directory.is_dir():
        return
    for path in sorted(directory.iterdir()):
        relative = f"{folder}/{path.name}"
        if kind.skip(path.name):
            continue
        if (problem := link_problem(path)) is not None:  # before is_dir() and the name checks, which follow links
            report.add(relative, 1, problem)
            continue
        if path.is_dir():
            report.add(relative, 1, f"folders are not read here; put each {kind.item} directly in {folder}/ as <{kind.name}>.yml")
            continue
        if path.suffix != ".yml":
            hint = (
                f"rename it to '{path.stem}.yml'"
                if path.suffix == ".yaml"
                else f"only <{kind.name}>.yml {kind.plural} belong in {folder}/"
            )
            report.add(relative, 1, f"not {kind.article}: {hint}")
            continue
        if not SLUG.fullmatch(path.stem):
            report.add(
                relative,
                1,
                f"file name '{path.name}' is not {'a' if kind.name == 'slug' else 'an'} {kind.name} (lowercase words joined by '-'); "
                f"rename it to '{slugify(path.stem)}.yml'",
            )
            continue
        yield path, relative


def load_folder(
    root: Path,
    folder: str,
    kind: FolderKind,
    report: Diagnostics,
    read: Callable[[str, str, str, Diagnostics], Item],
) -> tuple[list[Item], set[str]]:
    """`read(text, path, name, report)` for every file of the folder, and the name of every file found (a file
    that is found but not valid is named, so a link to it is not reported a second time)."""
    items: list[Item] = []
    present: set[str] = set()
    limit: Limit = LIMITS.get(folder, ENTRY)
    for path, relative in content_files(root, folder, kind, report):
        present.add(path.stem)
        text = read_text_file(path, relative, report, limit)
        if text is None:
            continue
        with internal_errors(relative, report):  # whatever a file makes the engine do, the run goes on
            items.append(read(text, relative, path.stem, report))
    return items, present
