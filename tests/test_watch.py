"""Which watcher `mkdocs serve` gets, and that the inotify one reports edits but not the build reading files."""

from __future__ import annotations

import queue
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from seokb import mkdocs_watch
from seokb.mkdocs_watch import file_system, inotify_works, mount_points, polling_reason, watch_with_inotify

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
tmpfs /dev/shm tmpfs rw,relatime 0 0
C:\\134 /mnt/c 9p rw,noatime 0 0
server:/export /home/shared\\040docs nfs4 rw 0 0
overlay /srv overlay rw 0 0
/dev/vdb /srv ext4 rw 0 0
"""


def test_mount_points_read_escaped_spaces() -> None:
    assert ("/home/shared docs", "nfs4") in mount_points(MOUNTS)
    assert mount_points("garbage\n\n")[:1] == []


@pytest.mark.parametrize(("path", "kind"), [
    ("/home/me/seokb/glossary", "ext4"),
    ("/mnt/c/Users/me/seokb", "9p"),
    ("/mnt/c", "9p"),
    ("/mnt/cdrom/seokb", "ext4"),  # shares a prefix with /mnt/c, but is not inside it
    ("/home/shared docs/seokb", "nfs4"),
    ("/dev/shm/site", "tmpfs"),
    ("/srv/seokb", "ext4"),  # mounted over /srv later: the last mount is the one seen
])
def test_file_system_is_the_longest_mount_point_containing_the_path(path: str, kind: str) -> None:
    assert file_system(path, mount_points(MOUNTS)) == kind


def test_polling_stays_unless_inotify_can_see_every_path() -> None:
    local = ["/home/me/seokb/docs", "/home/me/seokb/mkdocs.yml", "/dev/shm/x"]
    assert polling_reason(local, platform="linux", setting="", mounts=MOUNTS) is None
    assert polling_reason(local, platform="linux", setting="poll", mounts=MOUNTS) == "SEOKB_WATCH=poll"
    assert polling_reason(local, platform="linux", setting=" POLL ", mounts=MOUNTS) == "SEOKB_WATCH=poll"
    assert "darwin" in polling_reason(local, platform="darwin", setting="", mounts=MOUNTS)
    reason = polling_reason([*local, "/mnt/c/Users/me/seokb/glossary"], platform="linux", setting="", mounts=MOUNTS)
    assert reason == "/mnt/c/Users/me/seokb/glossary is on a 9p file system, where inotify may miss changes"
    assert "unknown" in polling_reason(local, platform="linux", setting="", mounts="")


class Recorder(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: queue.Queue = queue.Queue()

    def on_any_event(self, event) -> None:
        self.events.put((event.event_type, Path(event.src_path).name))


def test_change_observer_reports_edits_and_not_reads(tmp_path: Path) -> None:
    entry = tmp_path / "backlink.yml"
    entry.write_text("term: Backlink\n", encoding="utf-8")
    recorder = Recorder()
    observer = mkdocs_watch.change_observer()
    observer.schedule(recorder, str(tmp_path), recursive=True)  # no filter asked for, as MkDocs asks
    observer.start()
    try:
        assert entry.read_text(encoding="utf-8")  # what every build does to every watched file
        entry.write_text("term: Backlinks\n", encoding="utf-8")
        # inotify keeps order: by the time the edit is reported, a report of the read would have come first.
        first = recorder.events.get(timeout=10)
        assert first == ("modified", "backlink.yml")
        (tmp_path / "new.yml").write_text("term: New\n", encoding="utf-8")
        seen = []
        while ("created", "new.yml") not in seen:
            seen.append(recorder.events.get(timeout=10))
        assert {kind for kind, _ in seen} <= {"modified", "created"}, seen
    finally:
        observer.stop()
        observer.join()


def test_inotify_works_names_the_error_for_a_missing_path(tmp_path: Path) -> None:
    assert inotify_works([str(tmp_path)]) is None
    error = inotify_works([str(tmp_path), str(tmp_path / "missing")])
    assert error is not None and "missing" in error


def _server(tmp_path: Path) -> tuple[LiveReloadServer, list[str]]:
    """MkDocs' server as `on_serve` receives it: docs/ and mkdocs.yml watched, not started."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "glossary").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    watched = [str(tmp_path / "docs"), str(tmp_path / "mkdocs.yml")]
    for path in watched:
        server.watch(path)
    return server, watched


def test_watch_with_inotify_moves_mkdocs_watches_to_inotify(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SEOKB_WATCH", raising=False)
    server, watched = _server(tmp_path)
    assert watch_with_inotify(server, [str(tmp_path / "glossary")])
    assert not isinstance(server.observer, PollingObserver)
    assert type(server.observer).__mro__[1].__name__ == "InotifyObserver"
    assert sorted(emitter.watch.raw_path for emitter in server.observer.emitters) == sorted(watched)
    server.watch(str(tmp_path / "glossary"))  # what MkDocs does next, for config.watch
    server.unwatch(str(tmp_path / "docs"))  # and MkDocs' bookkeeping still matches the observer's
    assert sorted(emitter.watch.raw_path for emitter in server.observer.emitters) == [str(tmp_path / "glossary"), watched[1]]


def test_watch_with_inotify_keeps_polling_when_told_or_a_path_cannot_be_watched(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SEOKB_WATCH", "poll")
    server, watched = _server(tmp_path)
    polling = server.observer
    assert not watch_with_inotify(server, [str(tmp_path / "glossary")])
    assert server.observer is polling
    assert sorted(emitter.watch.raw_path for emitter in polling.emitters) == sorted(watched)

    monkeypatch.delenv("SEOKB_WATCH")
    assert not watch_with_inotify(server, [str(tmp_path / "not-there")])  # inotify refuses it: polling copes
    assert server.observer is polling
