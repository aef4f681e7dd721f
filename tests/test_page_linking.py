"""Linking pages in a worker process gives what linking them in the build's own process gives, byte for byte."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, mkdocs_env
from mkdocs.utils import get_relative_url

from seokb import page_linking
from seokb.autolink import TermMatcher
from seokb.diagnostics import Diagnostics
from seokb.glossary import load_glossary
from seokb.page_linking import PageJob, PageLinker, link_page, relative_url, term_slug_of

GLOSSARY = load_glossary(REPO, Diagnostics())
MATCHER = TermMatcher(GLOSSARY)


@pytest.mark.parametrize("url, page", [
    ("glossary/backlink/", "lessons/what-is-a-backlink/"), ("glossary/backlink/", ""), ("glossary/backlink/", "."),
    ("glossary/backlink/", "glossary/anchor-text/"), ("glossary/backlink/", "glossary/backlink/"),
    ("glossary/backlink/", "404.html"), ("glossary/backlink/", "lessons/page.html"), ("index.html", "a/b/c/"),
    ("glossary/", "link-profile/"), ("a/b.png", "a/"),
])
def test_relative_urls_are_mkdocs_own(url: str, page: str) -> None:
    assert relative_url(url, page) == get_relative_url(url, page)


@pytest.mark.parametrize("href, page, slug", [
    ("../../glossary/backlink/", "lessons/one/", "backlink"), ("../glossary/backlink/", "lessons/one/", None),
    ("backlink/", "glossary/", "backlink"), ("../", "glossary/backlink/", None), ("./", "glossary/", None),
    ("https://example.org/glossary/backlink/", "lessons/one/", None), ("#top", "glossary/backlink/", "backlink"),
    ("../../glossary/backlink/#why-it-matters", "lessons/one/", "backlink"), ("../", "glossary/x/", None),
])
def test_an_authors_link_names_the_term_it_leads_to(href: str, page: str, slug: str | None) -> None:
    assert term_slug_of(href, page) == slug


def jobs(count: int, folder: Path) -> list[PageJob]:
    terms = list(GLOSSARY)
    pages = []
    for number in range(count):
        one, two, three = (terms[(number + step) % len(terms)] for step in (0, 7, 19))
        html = (
            f'<h1 id="page-{number}">Page {number}</h1>\n<p>A beginner reads about {one.term.lower()} and '
            f'{two.term.lower()}s, then about <a href="../glossary/{three.slug}/">{three.term.lower()}</a> again.</p>\n'
            f"<p>More on {one.term.lower()} &amp; friends.</p>\n"
        )
        source = f"---\ndescription: x\n---\n# Page {number}\n\nA beginner reads about {one.term.lower()} and {two.term.lower()}s.\n"
        own = three.slug if number % 5 == 0 else None
        (folder / f"p{number}.md").write_text(source, encoding="utf-8")
        pages.append(PageJob(f"lessons/p{number}.md", html, f"lessons/p{number}/", own, str(folder / f"p{number}.md"), 4))
    return pages


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test runner may hold threads of its own (pytest-xdist's); the policy itself is tested below.
    monkeypatch.setattr(page_linking, "can_fork", lambda: True)


def test_a_worker_links_exactly_as_the_build_process_does(forking, tmp_path: Path) -> None:
    pages = jobs(page_linking.BATCH * 2 + 5, tmp_path)  # two full batches and a part
    linker = PageLinker(MATCHER, pages=page_linking.PARALLEL_FROM, cores=2)
    try:
        assert linker.parallel
        assert [linker.link(job) for job in pages] == [None] * len(pages)  # given to the worker, not linked here
        folder = linker._folder
        in_worker = linker.finish()
        assert not folder.exists()  # the batches the worker read and wrote are gone
    finally:
        linker.close()
    here = [link_page(job, MATCHER) for job in pages]
    assert in_worker == here
    assert sum(len(page.links) for page in here) > 40 and all(page.anchors for page in here)
    # Each added link is reported at the source line that holds its words (line 6 here, after the front matter).
    assert {line for page in here for line, _, _ in page.links} <= {4, 6} and any(
        line == 6 for page in here for line, _, _ in page.links
    )


def test_small_sites_and_single_cores_link_in_the_build_process(tmp_path: Path) -> None:
    for pages, cores in ((page_linking.PARALLEL_FROM - 1, 8), (10_000, 1), (10_000, None)):
        linker = PageLinker(MATCHER, pages=pages, cores=cores)
        assert not linker.parallel
        job = jobs(1, tmp_path)[0]
        assert linker.link(job) == link_page(job, MATCHER)
        assert linker.finish() == []


def test_pages_are_linked_here_when_the_worker_dies(forking, tmp_path: Path) -> None:
    pages = jobs(12, tmp_path)
    linker = PageLinker(MATCHER, pages=page_linking.PARALLEL_FROM, cores=2)
    try:
        for job in pages[:6]:
            linker.link(job)
        os.kill(linker._worker.process.pid, signal.SIGKILL)  # e.g. killed for memory by the system
        for job in pages[6:]:
            linker.link(job)
        result = linker.finish()
    finally:
        linker.close()
    assert result == [link_page(job, MATCHER) for job in pages]


def build(site_dir: Path, parallel: bool) -> subprocess.CompletedProcess[str]:
    script = (
        "import sys, seokb.page_linking as linking;"
        f"linking.PARALLEL_FROM = {0 if parallel else 10**9};"
        "from mkdocs.__main__ import cli;"
        f"sys.argv = ['mkdocs', 'build', '--strict', '--site-dir', {str(site_dir)!r}]; cli()"
    )
    return subprocess.run([sys.executable, "-c", script], cwd=REPO, env=mkdocs_env(), capture_output=True, text=True, timeout=600)


def test_the_real_site_is_the_same_built_either_way(tmp_path: Path) -> None:
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    serial_run, parallel_run = build(serial, parallel=False), build(parallel, parallel=True)
    assert serial_run.returncode == parallel_run.returncode == 0, serial_run.stderr + parallel_run.stderr
    assert "linked in a worker process" in parallel_run.stderr
    assert "linked in a worker process" not in serial_run.stderr
    files = sorted(path.relative_to(serial) for path in serial.rglob("*") if path.is_file() and path.suffix in (".html", ".json"))
    assert len(files) > 50
    assert sorted(p.relative_to(parallel) for p in parallel.rglob("*") if p.is_file() and p.suffix in (".html", ".json")) == files
    assert [f for f in files if (serial / f).read_bytes() != (parallel / f).read_bytes()] == []


def test_no_worker_is_forked_from_a_threaded_process(monkeypatch: pytest.MonkeyPatch) -> None:
    # `mkdocs serve` runs its web server in threads: forking then could deadlock the worker.
    page_linking.stop_worker()
    monkeypatch.setattr(page_linking.threading, "active_count", lambda: 3)
    assert not page_linking.can_fork()
    assert not PageLinker(MATCHER, pages=10_000, cores=8).parallel


def test_a_later_build_reuses_the_worker_with_its_own_glossary(forking, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `mkdocs serve`: the first build forks the worker; rebuilds run beside the web server's threads, where no
    # fork is safe, and hand the worker the glossary as it is now.
    page_linking.stop_worker()
    pages = jobs(20, tmp_path)
    first = PageLinker(MATCHER, pages=page_linking.PARALLEL_FROM, cores=2)
    worker = first._worker
    for job in pages:
        first.link(job)
    assert first.finish() == [link_page(job, MATCHER) for job in pages]

    monkeypatch.setattr(page_linking, "can_fork", lambda: False)  # threads now
    smaller = TermMatcher(type(GLOSSARY)(tuple(term for term in GLOSSARY if term.slug != "backlink")))
    second = PageLinker(smaller, pages=page_linking.PARALLEL_FROM, cores=2)
    assert second._worker is worker and worker.alive()
    for job in pages:
        second.link(job)
    assert second.finish() == [link_page(job, smaller) for job in pages]
    assert [link_page(job, smaller) for job in pages] != [link_page(job, MATCHER) for job in pages]
    page_linking.stop_worker()
    assert not worker.alive()


def test_an_authors_own_link_is_not_counted_again_as_an_added_link(tmp_path: Path) -> None:
    source = tmp_path / "x.md"
    source.write_text("# T\n\nA [backlink](../../glossary/backlink.md) and anchor text.\n", encoding="utf-8")
    html = '<p>A <a href="../../glossary/backlink/">backlink</a> and anchor text.</p>'
    linked = link_page(PageJob("lessons/x.md", html, "lessons/x/", None, str(source), 1), MATCHER)
    assert [(m.slug, m.linked, m.by_hand) for m in linked.mentions] == [("backlink", True, True), ("anchor-text", True, False)]
    assert linked.links == [(3, "../../glossary/anchor-text/", "anchor text")]  # the one link the engine added


def test_the_worker_ends_when_the_build_process_is_killed(tmp_path: Path) -> None:
    # `mkdocs serve` stopped by a signal runs no on_shutdown: the worker must not outlive it (it would keep the
    # server's port and its memory).
    script = (
        "import sys, time; sys.path.insert(0, sys.argv[1]); "
        "from seokb import page_linking; from seokb.autolink import TermMatcher; from seokb.model import Glossary; "
        "worker = page_linking._worker_for(TermMatcher(Glossary())); print(worker.process.pid, worker.root, flush=True); "
        "time.sleep(600)"
    )
    build = subprocess.Popen([sys.executable, "-c", script, str(REPO / "hooks")], stdout=subprocess.PIPE, text=True)
    pid, folder = build.stdout.readline().split()
    worker_pid, batches = int(pid), Path(folder)
    assert os.path.exists(f"/proc/{worker_pid}") and batches.is_dir()
    build.send_signal(signal.SIGKILL)
    build.wait()
    for _ in range(200):  # a deadline, not a timing assertion: the worker goes as soon as it reads the EOF
        if not os.path.exists(f"/proc/{worker_pid}") or "Z" in Path(f"/proc/{worker_pid}/stat").read_text().split()[2]:
            break
        time.sleep(0.05)
    else:
        os.kill(worker_pid, signal.SIGKILL)
        pytest.fail("the worker outlived the build process")
    for _ in range(200):  # the worker removes the batches' folder before it exits
        if not batches.exists():
            break
        time.sleep(0.05)
    assert not batches.exists(), f"{batches} was left behind"
