"""One problem report type and one format for it, `path:line: message`, with a severity.

An error fails the run; a warning (an orphan page, an over-optimised anchor) is shown and fails only a strict build.
Both travel in the same Diagnostics report and are printed the same way, in file and line order."""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem in a content file, at a line counted from 1."""

    path: str
    line: int
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def annotation(self, title: str = "seokb check") -> str:
        """The GitHub Actions workflow command that pins this problem to its line in a pull request's diff."""
        return actions_command(self.severity, self.message, title=title, path=self.path, line=self.line)


def actions_command(severity: str, message: str, title: str, path: str | None = None, line: int | None = None) -> str:
    """`::error file=...,line=...,title=...::message`, escaped as GitHub's workflow-command format asks: a raw '%' or
    line break would cut the message short, and ',' or ':' in a property would end it."""

    def prop(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(",", "%2C").replace(":", "%3A")

    text = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    where = f"file={prop(path)},line={line}," if path else ""
    return f"::{severity} {where}title={prop(title)}::{text}"


@dataclass
class Diagnostics:
    """Collects every problem of a run, so that all are reported before the build fails once."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, path: str, line: int, message: str) -> None:
        """An error: the run fails."""
        self.items.append(Diagnostic(path, max(line, 1), message))

    def extend(self, found: Iterable[Diagnostic]) -> None:
        """Problems another step found, errors or warnings as each says."""
        self.items.extend(found)

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [item for item in self.sorted() if item.is_error]

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Diagnostic]:
        """In file order, then line order: how a contributor reads and fixes them."""
        return sorted(self.items)


@contextmanager
def internal_errors(path: str, report: Diagnostics) -> Iterator[None]:
    """Whatever a file makes the engine do, the run goes on and names the file: no input ends in a traceback.

    A bug in the engine is still a failed build, reported as `path:1: internal error ...` beside every other problem."""
    try:
        yield
    except Exception as error:  # noqa: BLE001 - the point is to catch what nobody foresaw
        where = traceback.extract_tb(error.__traceback__)[-1]
        report.add(
            path,
            1,
            f"internal error while reading this file ({type(error).__name__}: {str(error)[:200]} at "
            f"{where.name}, line {where.lineno}); please report it at the project's issues",
        )
