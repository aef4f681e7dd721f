"""One smoke test of the build benchmark, which is a script (bench/build_bench.py), not part of the suite: at one
tiny size and one run of each build (five builds), it reports every figure, the peer's included, and passes its
own checks that the links-by-hand baseline holds the hooks' links and that the peer's lessons hold as many term
links. Left to runs of the script: the growth line (two sizes) and --serve, --linkchecker (a minute more each)."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO, mkdocs_env


def test_the_benchmark_reports_every_figure() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "build_bench.py"), "--sizes", "30:3", "--runs", "1"],
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    for figure in (
        r"baseline \(plain MkDocs\): +[\d.]+ s",
        r"baseline, links by hand: +[\d.]+ s",
        r"ezglossary 2\.1\.\d+ \(peer\): +[\d.]+ s .*\(\d+ pages; importing the plugin: [\d.-]+ s CPU\)",
        r"seokb, cards cached: .* x[\d.]+ of baseline, x[\d.]+ of links by hand, x[\d.]+ of ezglossary",
        r"seokb, cards drawn \(cold\): .*, x[\d.]+ of ezglossary",
        r"links by hand: the same internal links as the hooks' pages on all \d+ glossary, lesson and quiz pages",
        r"ezglossary: [1-9]\d* term links in the lessons, as many as the hooks add",
        r"CPU seconds \(user \+ system, medians\): baseline [\d.]+, .* x[\d.]+ of ezglossary",
        r"link validation in the build: \d+ links on \d+ pages",
    ):
        assert re.search(figure, result.stdout), (figure, result.stdout)
