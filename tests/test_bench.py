"""One smoke test of the build benchmark, which is a script (bench/build_bench.py), not part of the suite: at one
tiny size and one run of each build (five builds), it reports every figure, the peer's included, and passes its
own checks that the links-by-hand baseline holds the hooks' links and that the peer's lessons hold as many term
links. Left to runs of the script: the growth line (two sizes) and --serve, --linkchecker (a minute more each)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from support.project import REPO, mkdocs_env


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


def lighthouse_report(url: str, performance: float, lcp_ms: float, cls: float) -> dict:
    """The parts of a Lighthouse 12 JSON report that bench/lighthouse_bench.py reads."""
    return {
        "requestedUrl": url,
        "categories": {
            "performance": {"score": performance},
            "accessibility": {"score": 1},
            "best-practices": {"score": 1},
            "seo": {"score": 1},
        },
        "audits": {
            "largest-contentful-paint": {"numericValue": lcp_ms},
            "cumulative-layout-shift": {"numericValue": cls},
            "total-blocking-time": {"numericValue": lcp_ms / 10},
            "network-requests": {
                "details": {
                    "items": [
                        {"url": url, "transferSize": 20480},
                        {"url": url + "x.css", "transferSize": 10240},
                        {"url": "data:image/svg+xml,...", "transferSize": 0},
                    ]
                }
            },
        },
    }


def test_the_lighthouse_benchmark_tabulates_saved_reports(tmp_path) -> None:
    """The Lighthouse benchmark's table from canned reports (running Lighthouse itself takes minutes: left to the
    script): seokb beside the baseline, medians of the runs, the spread of performance."""
    reports = {
        "seokb-1-mobile-quizzes": lighthouse_report("http://127.0.0.1:1/quizzes/", 0.97, 1200, 0),
        "seokb-2-mobile-quizzes": lighthouse_report("http://127.0.0.1:1/quizzes/", 0.93, 1400, 0),
        "baseline-1-mobile-lessons_what-is-a-backlink": lighthouse_report(
            "http://127.0.0.1:2/lessons/what-is-a-backlink/", 0.86, 2900, 0.11
        ),
    }
    for name, report in reports.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(report), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "lighthouse_bench.py"), "--from-json", *sorted(map(str, tmp_path.glob("*.json")))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("| page | preset | perf (lowest–highest) | a11y | bp | seo | LCP | TBT | CLS |")
    assert set(lines[1]) == {"|", "-"}
    assert (
        "| quiz list | mobile | 95 (93–97) | 100 | 100 | 100 | 1.3 s | 130 ms | 0.00 | 30, 2 "
        "| 86 | 100 | 100 | 100 | 2.9 s | 290 ms | 0.11 | 30, 2 |" in lines
    )
