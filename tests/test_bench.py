"""The build benchmark's baselines: its second one must hold the links the hooks put on the same pages."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from conftest import REPO, mkdocs_env

sys.path.insert(0, str(REPO / "bench"))
import build_bench  # noqa: E402

INTERNAL_HREF = re.compile(r'href="(\.\./[^"]*)"')


def _internal_links(page: Path) -> Counter[str]:
    return Counter(INTERNAL_HREF.findall(build_bench._article(page)))


def test_links_by_hand_give_the_pages_the_hooks_build(tmp_path: Path) -> None:
    kb, linked = tmp_path / "kb", tmp_path / "linked"
    build_bench.write_knowledge_base(kb, terms=40, lessons=4)
    build_bench.timed_build(kb, kb / "site", mkdocs_env())
    build_bench.write_baseline(kb, linked, linked=True)
    build_bench.timed_build(linked, linked / "site", mkdocs_env())

    pages = sorted(page.relative_to(kb / "site") for page in (kb / "site").glob("*/*/index.html"))
    assert {page.parts[0] for page in pages} == {"glossary", "lessons", "quizzes"}
    mentioned = 0
    for page in pages:
        ours, theirs = _internal_links(kb / "site" / page), _internal_links(linked / "site" / page)
        assert theirs == ours, page
        mentioned += sum(count for href, count in ours.items() if page.parts[0] == "glossary" and "lessons/" in href)
    lesson = _internal_links(kb / "site" / "lessons" / "lesson-0001" / "index.html")
    assert sum(count for href, count in lesson.items() if "glossary/" in href) > 20  # term links and Terms in this lesson
    assert mentioned > 0  # "Mentioned in" lists were written too


def test_the_benchmark_reports_every_figure(tmp_path: Path) -> None:
    import subprocess

    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "build_bench.py"), "--sizes", "30:3,60:6", "--runs", "1", "--serve", "--edits", "1"],
        env=mkdocs_env(), capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for figure in (
        r"baseline \(plain MkDocs\): +[\d.]+ s", r"baseline, links by hand: +[\d.]+ s",
        r"seokb, cards cached: .* x[\d.]+ of baseline, x[\d.]+ of links by hand", r"seokb, cards drawn \(cold\)",
        r"link validation in the build: \d+ links on \d+ pages", r"growth from 36 to 69 pages",
        r"mkdocs serve, one glossary file edited \(seokb\): rebuilt in [\d.]+ s; full builds in turn [\d.]+ s \(medians: rebuilds x[\d.]+\)",
        r"mkdocs serve, one glossary file edited \(baseline\): rebuilt in [\d.]+ s",
    ):
        assert re.search(figure, result.stdout), (figure, result.stdout)
