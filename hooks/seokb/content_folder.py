"""The files of a content folder (glossary/, quizzes/) that can be read as items, and a message for each other file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .diagnostics import Diagnostics
from .names import slugify

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
    if not directory.is_dir():
        return
    for path in sorted(directory.iterdir()):
        relative = f"{folder}/{path.name}"
        if kind.skip(path.name):
            continue
        if path.is_dir():
            report.add(relative, 1, f"folders are not read here; put each {kind.item} directly in {folder}/ as <{kind.name}>.yml")
            continue
        if path.suffix != ".yml":
            hint = f"rename it to '{path.stem}.yml'" if path.suffix == ".yaml" else f"only <{kind.name}>.yml {kind.plural} belong in {folder}/"
            report.add(relative, 1, f"not {kind.article}: {hint}")
            continue
        if not SLUG.fullmatch(path.stem):
            report.add(
                relative, 1,
                f"file name '{path.name}' is not {'a' if kind.name == 'slug' else 'an'} {kind.name} (lowercase words joined by '-'); "
                f"rename it to '{slugify(path.stem)}.yml'",
            )
            continue
        yield path, relative
