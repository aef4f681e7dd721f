"""Links the terms on each rendered page, in the build's own process or, on a large site, in a worker process.

Auto-linking reads every page's HTML in pure Python: on a site of thousands of pages it is the largest cost the
engine adds. Each page is independent of the others, so a worker process can link pages while the build goes on
converting the next ones' Markdown; results are collected in page order once every page is rendered, and are the
same, byte for byte, as linking in the build's own process (one function, link_page, does both).
"""

from __future__ import annotations

import atexit
import os
import pickle
import posixpath
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .autolink import Mention, TermMatcher, autolink
from .glossary_pages import term_slug


@dataclass(frozen=True)
class PageJob:
    """One rendered page to link: its content HTML, its URL, and the source file its mentions are reported in."""

    src_uri: str
    html: str
    page_url: str
    own_slug: str | None  # a term page never links its own term
    source_file: str  # the file a contributor edits, for the line of each linked mention (read where linked)
    body_line: int  # the file line where the Markdown body starts (after front matter)


@dataclass(frozen=True)
class LinkedPage:
    src_uri: str
    html: str
    mentions: list[Mention]
    anchors: set[str]
    links: list[tuple[int, str, str]]  # (source line, href, words) of each link the engine added


def relative_url(url: str, from_url: str) -> str:
    """`url` relative to the page at `from_url`, both site-relative, as mkdocs.utils.get_relative_url has it."""
    head, tail = posixpath.split(from_url)
    if "." in tail:  # a file, not a directory URL: links are relative to its folder
        from_url = head
    relative = posixpath.relpath("/" + url, "/" + from_url)
    return relative + "/" if url.endswith("/") else relative


def term_slug_of(href: str, page_url: str) -> str | None:
    """The term whose page an author's link leads to ('../glossary/backlink/' -> 'backlink'); None for any other."""
    # Resolved against a dummy host: only the path of an internal link can name a term page.
    target = urlsplit(urljoin("https://site.invalid/" + page_url, href))
    if target.netloc != "site.invalid" or not target.path.startswith("/glossary/"):
        return None
    return term_slug(target.path.strip("/") + ".md")


def link_page(job: PageJob, matcher: TermMatcher) -> LinkedPage:
    """The page with each term's first mention linked, every mention, the page's anchors, and the added links."""

    def href_for(slug: str) -> str:
        return relative_url(f"glossary/{slug}/", job.page_url)

    anchors: set[str] = set()
    html, mentions = autolink(
        job.html, matcher, lambda term: href_for(term.slug), skip_slug=job.own_slug,
        hand_link=lambda href: term_slug_of(href, job.page_url), anchors=anchors,
    )
    # Each source line normalised once per page; every linked mention is then looked up in them.
    source = Path(job.source_file)
    # A file that is not UTF-8 was reported when MkDocs read it: its mentions only need lines, not every letter.
    text = source.read_bytes().decode("utf-8", errors="replace") if source.is_file() else ""
    lines = [" ".join(line.casefold().split()) for line in text.splitlines()]
    links = [
        (_line_of(lines, mention.text, after=job.body_line), href_for(mention.slug), mention.text)
        # An author's own link is counted where it was written (links.markdown_links): counting it here too would
        # give the term two inbound links for one.
        for mention in mentions if mention.linked and not mention.by_hand and mention.slug in matcher.slugs
    ]
    return LinkedPage(job.src_uri, html, mentions, anchors, links)


def _line_of(lines: list[str], words: str, after: int = 1) -> int:
    """The first of the (normalised) source lines, from line `after` on, that holds these words: where an injected
    link is reported."""
    wanted = " ".join(words.casefold().split())
    for number, line in enumerate(lines[after - 1:], start=after):
        if wanted in line:
            return number
    return after


# Below this many pages, starting a worker costs more than it saves (the repository's own site has about 110).
PARALLEL_FROM = 500
# Pages go to the worker in batches, each a file: writing one is quick, and the worker reads it when it is ready.
# (concurrent.futures hands work over in threads of the build's process, which wait seconds for a turn at the
# interpreter lock while MkDocs keeps it busy: the worker sat idle while pages piled up.)
BATCH = 128


class PageLinker:
    """Links pages as they are rendered: in a worker process when there are enough pages and a core to spare,
    else right away. Call finish() once every page was given, and close() if the build ends early."""

    def __init__(self, matcher: TermMatcher, pages: int, cores: int | None) -> None:
        self.matcher = matcher
        self._batch: list[PageJob] = []
        self._sent: list[list[PageJob]] = []
        self._worker: _Worker | None = None
        if pages >= PARALLEL_FROM and (cores or 0) > 1:
            self._worker = _worker_for(matcher)
        self._folder = self._worker.new_build() if self._worker is not None else None

    @property
    def parallel(self) -> bool:
        return self._worker is not None

    def link(self, job: PageJob) -> LinkedPage | None:
        """The linked page now, or None when the worker links it (finish() gives it then)."""
        if self._worker is None:
            return link_page(job, self.matcher)
        self._batch.append(job)
        if len(self._batch) >= BATCH:
            self._send()
        return None

    def _send(self) -> None:
        if self._batch and self._worker is not None and self._folder is not None:
            self._worker.send(self._folder, len(self._sent), self._batch)
            self._sent.append(self._batch)
        self._batch = []

    def finish(self) -> list[LinkedPage]:
        """The pages the worker linked, in the order they were given."""
        self._send()
        done: list[LinkedPage] = []
        if self._worker is not None and self._folder is not None:
            self._worker.wait_for(self._folder, len(self._sent))
            for number, jobs in enumerate(self._sent):
                linked = _result(self._folder, number)
                # A batch without a result: the worker died (killed for memory, say). Its pages are linked here.
                done += linked if linked is not None else [link_page(job, self.matcher) for job in jobs]
        self._sent = []
        self.close()
        return done

    def close(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        self._worker = None


# One worker for the life of the process. `mkdocs serve` rebuilds while its web server runs in threads, and
# forking a threaded process can deadlock: the worker forked for the first build (before any thread) stays,
# and each rebuild hands it the new glossary.
_worker: _Worker | None = None


def _worker_for(matcher: TermMatcher) -> _Worker | None:
    global _worker
    if _worker is not None and _worker.alive():
        _worker.use(matcher)
        return _worker
    _worker = _Worker(matcher) if can_fork() else None
    return _worker


def stop_worker() -> None:
    """End the worker, when the build process is done with building (`mkdocs serve` stopping, say)."""
    global _worker
    if _worker is not None:
        _worker.stop()
        _worker = None


class _Worker:
    """A forked process that links the batches written to a build's folder, in the order it is told of them."""

    def __init__(self, matcher: TermMatcher) -> None:
        shared = Path("/dev/shm")  # memory, where Linux has it: batches never need to reach a disk
        self.root = Path(tempfile.mkdtemp(prefix="seokb-linking-", dir=shared if shared.is_dir() else None))
        self._conn, child = get_context("fork").Pipe()
        self.process = get_context("fork").Process(target=_work, args=(child, matcher, self._conn, self.root), daemon=True)
        self.process.start()
        child.close()
        self._builds = 0
        atexit.register(self.stop)

    def alive(self) -> bool:
        return self.process.is_alive()

    def new_build(self) -> Path:
        self._builds += 1
        folder = self.root / str(self._builds)
        folder.mkdir()
        return folder

    def use(self, matcher: TermMatcher) -> None:
        """The glossary changes between builds: the next batches are linked with this one."""
        path = self.root / "matcher.pickle"
        path.write_bytes(pickle.dumps(matcher, protocol=pickle.HIGHEST_PROTOCOL))
        self._tell(("matcher", str(path)))

    def send(self, folder: Path, number: int, jobs: list[PageJob]) -> None:
        partial = folder / f"{number}.jobs.partial"
        partial.write_bytes(pickle.dumps(jobs, protocol=pickle.HIGHEST_PROTOCOL))
        partial.rename(folder / f"{number}.jobs")
        self._tell(("batch", str(folder), number))

    def wait_for(self, folder: Path, batches: int) -> None:
        """Until the worker has answered for this many batches of this build (or is gone)."""
        while batches:
            try:
                answered = self._conn.recv()
            except (EOFError, OSError):  # the worker is gone: what it did not link, the build links itself
                return
            if answered == str(folder):  # answers for a build that ended early are passed over
                batches -= 1

    def _tell(self, message: tuple) -> None:
        try:
            self._conn.send(message)
        except OSError:  # gone: see wait_for
            pass

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self._conn.close()
        shutil.rmtree(self.root, ignore_errors=True)


def _work(conn, matcher: TermMatcher, build_end, root: Path) -> None:
    # The fork copied the build's end of the pipe too: closed here, so that the build process dying (`mkdocs
    # serve` stopped by a signal, which runs no on_shutdown or atexit) reaches this end as EOF and the worker ends
    # with it, taking the batches' folder in /dev/shm, which is memory, with it.
    build_end.close()
    while True:
        try:
            message = conn.recv()
        except EOFError:  # the build process is gone
            shutil.rmtree(root, ignore_errors=True)
            os._exit(0)
        if message[0] == "matcher":
            matcher = pickle.loads(Path(message[1]).read_bytes())
            continue
        _, folder, number = message
        try:
            jobs = pickle.loads(Path(folder, f"{number}.jobs").read_bytes())
            linked = [link_page(job, matcher) for job in jobs]
            partial = Path(folder, f"{number}.linked.partial")
            partial.write_bytes(pickle.dumps(linked, protocol=pickle.HIGHEST_PROTOCOL))
            partial.rename(Path(folder, f"{number}.linked"))  # whole or absent, never half written
        except Exception:  # noqa: BLE001 - any failure leaves the batch without a result, to be linked by the build
            pass
        conn.send(folder)


def _result(folder: Path, number: int) -> list[LinkedPage] | None:
    path = folder / f"{number}.linked"
    return pickle.loads(path.read_bytes()) if path.is_file() else None


def can_fork() -> bool:
    """Whether a worker can be forked safely: on Linux, from a process running no other thread.

    A forked worker starts at once and shares the build's memory, and, unlike a fresh interpreter, never re-runs
    the script that started the build (a script without a main guard would build again in every worker). Forking
    a threaded process can deadlock, so a process with threads reuses the worker it has, or links pages itself.
    """
    return sys.platform == "linux" and "fork" in get_all_start_methods() and threading.active_count() == 1
