"""LinkChecker run on a served site, as the crawl tests run it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

CONFIG = Path(__file__).parents[1] / "linkcheckerrc"


LINKCHECKER = Path(sys.executable).with_name("linkchecker")


def linkchecker(url: str) -> tuple[int, int, int, str]:
    """(links checked, warnings, errors, the report) for the site at url."""
    result = subprocess.run(
        [str(LINKCHECKER), "--config", str(CONFIG), "--no-status", "--no-robots", url],
        capture_output=True,
        text=True,
        timeout=900,
    )
    summary = re.search(r"(\d+) links? in \d+ URLs? checked\. (\d+) warnings? found\. (\d+) errors? found", result.stdout)
    assert summary, result.stdout + result.stderr
    links, warnings, errors = map(int, summary.groups())
    return links, warnings, errors, result.stdout
