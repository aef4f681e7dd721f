"""`mkdocs serve` on a fixture project: each glossary edit is rebuilt; a broken one is reported, and the browser keeps\nthe last good site until the next good save."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from support.project import Project, entry, mkdocs_env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(log: Path, text: str, count: int, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while (content := log.read_text(encoding="utf-8")).count(text) < count:
        assert time.monotonic() < deadline, f"no {count}x {text!r} in the serve log:\n{content[-3000:]}"
        time.sleep(0.2)
    return content


def _edit(path: Path, text: str) -> None:
    """Write the file with a modification time of its own, later than any before: the watcher cannot miss it."""
    before = path.stat().st_mtime if path.exists() else time.time()
    path.write_text(text, encoding="utf-8")
    os.utime(path, (before + 2, before + 2))


def _ctrl_c_as_in_a_terminal() -> None:
    """Run in the server's process before it starts: Ctrl+C (SIGINT) stops it, as in a person's terminal. A suite
    started in the background (`make test &`, nohup, some CI runners) ignores SIGINT, and a child inherits that:
    the server then never heard the test's Ctrl+C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _fetch(url: str) -> str:
    """The page, or '' while a rebuild has emptied the site folder."""
    try:
        return urllib.request.urlopen(url, timeout=30).read().decode()
    except urllib.error.HTTPError:
        return ""


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_serve_rebuilds_each_glossary_edit_and_survives_a_broken_one(project: Project, engine: str) -> None:
    project.write("glossary/backlink.yml", entry("backlink", related="[anchor-text]"))
    project.write("glossary/anchor-text.yml", entry("anchor-text"))
    (project.root / "quizzes").mkdir()
    port = _free_port()
    log = project.root / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", engine, "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project.root,
            env=mkdocs_env(),
            stdout=output,
            stderr=subprocess.STDOUT,
            preexec_fn=_ctrl_c_as_in_a_terminal,
        )
    page = f"http://127.0.0.1:{port}/fixture/glossary/backlink/"
    try:
        content = _wait_for(log, "Serving on", 1)
        # The fixture's mkdocs.yml names no folder to watch: the hooks add the content folders themselves.
        assert "Watching paths for changes: 'docs', 'mkdocs.yml', 'glossary', 'quizzes'" in content
        assert "A short definition of backlink." in urllib.request.urlopen(page, timeout=30).read().decode()

        # A broken edit: reported with file and line, and the server stays up.
        _edit(project.root / "glossary/backlink.yml", entry("backlink", related="[anchor-text]", short="x" * 170))
        content = _wait_for(log, "still serving the last good site", 1)
        assert "glossary/backlink.yml:3: short: is 170 characters" in content
        # The browser is answered at once, with the last good site, instead of waiting for a good build, and every
        # page says that the save failed, with the problems as the terminal shows them.
        for address in (page, f"http://127.0.0.1:{port}/fixture/"):
            shown = urllib.request.urlopen(address, timeout=10).read().decode()
            assert "A short definition of backlink." in shown or address != page
            assert '<div role="alert" id="seokb-build-failed"' in shown
            assert "<strong>Your last save did not build.</strong>" in shown
            assert "glossary/backlink.yml:3: short: is 170 characters" in shown.split("seokb-build-failed")[1]
        assert "Aborted: 1 problem in the content above; no page was written." in content

        # Fixed: the page shows the new text. (MkDocs logs "Documentation built" only when the seconds differ from
        # an earlier build's, so the page itself tells when it is done.)
        _edit(
            project.root / "glossary/backlink.yml", entry("backlink", related="[anchor-text]", short="A link from another site.")
        )
        deadline = time.monotonic() + 120
        while "A link from another site." not in _fetch(page):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")[-3000:]
            time.sleep(0.2)  # polling the server, not waiting for time to pass
        assert "seokb-build-failed" not in _fetch(page)  # the good save took the banner away
        content = log.read_text(encoding="utf-8")
        # Two edits, two rebuilds: reading the watched files while building set off no rebuild of its own.
        assert content.count("Detected file changes") == 2, content
        assert server.poll() is None
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl+C, so that MkDocs and the hooks clean up as they do for a person
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            status = Path(f"/proc/{server.pid}/status").read_text(encoding="utf-8")
            signals = [line for line in status.splitlines() if line.startswith(("SigBlk", "SigIgn", "SigCgt", "State"))]
            server.kill()
            pytest.fail(
                f"serve did not stop within 30 s of Ctrl+C; {signals}; its log:\n{log.read_text(encoding='utf-8')[-3000:]}"
            )
