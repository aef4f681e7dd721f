"""One problem report type and one format for it: `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem in a content file, at a line counted from 1."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Diagnostics:
    """Collects every problem of a run, so that all are reported before the build fails once."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, path: str, line: int, message: str) -> None:
        self.items.append(Diagnostic(path, max(line, 1), message))

    def extend(self, other: "Diagnostics") -> None:
        self.items.extend(other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Diagnostic]:
        """In file order, then line order: how a contributor reads and fixes them."""
        return sorted(self.items)
