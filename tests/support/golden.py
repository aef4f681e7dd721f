"""Golden-file comparison: the expected output lives in a readable file; UPDATE_GOLDEN=1 rewrites it after a reviewed change."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parents[1] / "golden"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from the golden file; review the diff, then run UPDATE_GOLDEN=1 pytest"
