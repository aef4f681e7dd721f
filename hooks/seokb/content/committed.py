"""Which content files git's last commit holds: when two files claim one name, the one a pull request adds is
the one to fix, not the entry that was there before it."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from functools import cache
from pathlib import Path

# A path relative to the project root -> True (in HEAD), False (not in HEAD), None (no git here: nobody knows).
Committed = Callable[[str], "bool | None"]


def committed_files(root: Path) -> Committed:
    """Asks git once, and only when a question comes: most runs have no clash and never start git."""

    @cache
    def listed() -> frozenset[str] | None:
        try:
            done = subprocess.run(
                ["git", "ls-tree", "-r", "--name-only", "HEAD"], cwd=root, capture_output=True, text=True, timeout=20
            )
        except (OSError, subprocess.SubprocessError):
            return None
        # Paths are relative to `root` even when the repository starts above it; no repository or no commit: unknown.
        return frozenset(done.stdout.splitlines()) if done.returncode == 0 else None

    def committed(path: str) -> bool | None:
        files = listed()
        return None if files is None else path in files

    return committed


def unknown(path: str) -> bool | None:
    """For a check run on text alone: no file is known to be older than another."""
    return None
