"""`mkdocs serve` on a fixture project: each glossary edit is rebuilt, and only the edited entry is read again."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import Project, entry, mkdocs_env, touch_later, wait_until
from seokb.mkdocs_watch import polling_reason, this_machines_mounts


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(log: Path, text: str, count: int, timeout: float = 120) -> str:
    def logged() -> str | None:
        content = log.read_text(encoding="utf-8")
        return content if content.count(text) >= count else None

    return wait_until(logged, timeout, lambda: f"no {count}x {text!r} in the serve log:\n{log.read_text(encoding='utf-8')[-3000:]}")


def _expected_watcher(root: Path, setting: str) -> str:
    """inotify on this machine's local disks unless told to poll; polling where inotify cannot be trusted."""
    reason = polling_reason([str(root)], platform=sys.platform, setting=setting, mounts=this_machines_mounts())
    return "with inotify" if reason is None else f"by polling ({reason}"


def _fetch(url: str) -> str:
    """The page, or '' while a rebuild has emptied the site folder."""
    try:
        return urllib.request.urlopen(url, timeout=30).read().decode()
    except urllib.error.HTTPError:
        return ""


@pytest.mark.parametrize("setting", ["", "poll"])
def test_serve_rebuilds_each_glossary_edit_reading_only_that_entry(project: Project, setting: str) -> None:
    project.write("glossary/backlink.yml", entry("backlink", related="[anchor-text]"))
    project.write("glossary/anchor-text.yml", entry("anchor-text"))
    (project.root / "quizzes").mkdir()
    port = _free_port()
    log = project.root / "serve.log"
    temporary = project.root / "tmp"  # where `mkdocs serve` makes its site folder
    temporary.mkdir()
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project.root, env={**mkdocs_env(), "SEOKB_WATCH": setting, "TMPDIR": str(temporary)}, stdout=output, stderr=subprocess.STDOUT,
        )
    page = f"http://127.0.0.1:{port}/fixture/glossary/backlink/"
    try:
        content = _wait_for(log, "Serving on", 1)
        # The fixture's mkdocs.yml names no folder to watch: the hooks add the content folders themselves.
        assert "Watching paths for changes: 'docs', 'mkdocs.yml', 'glossary', 'quizzes'" in content
        assert f"seokb: watching for changes {_expected_watcher(project.root, setting)}" in content
        assert "A short definition of backlink." in urllib.request.urlopen(page, timeout=30).read().decode()
        [served] = temporary.iterdir()
        first_folder = served.stat().st_ino

        # A broken edit: reported with file and line, and the server stays up.
        # A new modification time, whatever the file system's resolution: the polling watcher compares them.
        touch_later(project.write("glossary/backlink.yml", entry("backlink", related="[anchor-text]", short="x" * 170)))
        content = _wait_for(log, "no page was written", 1)
        assert "glossary/backlink.yml:3: short: is 170 characters" in content
        assert "1 of 2 glossary files changed since the last build" in content

        # Fixed: the page shows the new text; the untouched entry was not read again. (MkDocs logs "Documentation
        # built" only when the seconds differ from an earlier build's, so the page itself tells when it is done.)
        touch_later(project.write("glossary/backlink.yml", entry("backlink", related="[anchor-text]", short="A link from another site.")))
        wait_until(lambda: "A link from another site." in _fetch(page), 120, lambda: log.read_text(encoding="utf-8")[-3000:])
        content = log.read_text(encoding="utf-8")
        assert content.count("1 of 2 glossary files changed since the last build") == 2
        # Two edits, two rebuilds: reading the watched files while building set off no rebuild of its own.
        assert content.count("Detected file changes") == 2, content
        # Each rebuild wrote into a new, empty folder at the same path; the output before it is gone (serve_output.py).
        assert list(temporary.iterdir()) == [served]
        assert served.stat().st_ino != first_folder
        assert server.poll() is None
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl+C, so that MkDocs and the hooks clean up as they do for a person
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    assert list(temporary.iterdir()) == []
