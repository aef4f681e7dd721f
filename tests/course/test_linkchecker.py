"""LinkChecker, with its AnchorCheck plugin, over the built site served on 127.0.0.1: no error, no warning."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import serve

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


def test_the_built_site_has_no_broken_link_or_anchor(served_site: str) -> None:
    links, warnings, errors, report = linkchecker(served_site)
    assert links > 500  # it crawled the whole site, not one page
    assert (warnings, errors) == (0, 0), report


def test_linkchecker_catches_a_broken_anchor_and_page(tmp_path: Path) -> None:
    # Proof that the configuration really checks anchors: a tiny site with one good and two bad links.
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<html><body><a href="a/#here">good</a> <a href="a/#gone">bad anchor</a> <a href="b/">missing</a></body></html>'
    )
    (tmp_path / "a" / "index.html").write_text('<html><body><h2 id="here">Here</h2></body></html>')
    with serve(tmp_path) as url:
        _, warnings, errors, report = linkchecker(url)
    assert warnings + errors == 2, report
    assert "gone" in report and "b/" in report
