"""How `mkdocs serve` notices an edit: Linux's inotify where it can be trusted, instead of MkDocs' polling.

MkDocs watches with watchdog's PollingObserver: twice a second it lists every watched folder and reads the
modification time of every file in it (5,000 glossary entries at 5,000 terms). That walk runs in the same
interpreter as the rebuild it triggered and takes turns with it for the interpreter lock, so a rebuild after a
one-file edit took longer than a full `mkdocs build` of the same site (issue #10). inotify has the kernel report
changes, and costs nothing while nothing changes.

MkDocs polls because inotify stays silent on some file systems (network shares, WSL's /mnt/c, many FUSE mounts).
So inotify is used only on Linux, only when every watched path is on a local file system, and never when
SEOKB_WATCH=poll; otherwise MkDocs' own watcher is left as it is.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterable

from watchdog.events import (
    DirCreatedEvent, DirDeletedEvent, DirMovedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent,
    FileSystemEventHandler,
)

log = logging.getLogger("mkdocs.plugins.seokb")

SETTING = "SEOKB_WATCH"  # "poll" keeps MkDocs' polling watcher
# Disk and memory file systems whose changes inotify reports, whoever makes them.
LOCAL_FILE_SYSTEMS = frozenset({"ext2", "ext3", "ext4", "xfs", "btrfs", "zfs", "f2fs", "jfs", "reiserfs", "bcachefs", "tmpfs", "ramfs", "overlay"})
OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")  # how /proc/self/mounts writes a space (\040) in a path
# Changes only. inotify also reports a file being opened or read, and MkDocs rebuilds on any event it is given:
# a build reads every watched file, so without this filter each build would set off the next one.
CHANGES = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent]


def mount_points(mounts: str) -> list[tuple[str, str]]:
    """(mount point, file system type) for each line of /proc/self/mounts, whose fields escape spaces as octal."""
    points = []
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            points.append((OCTAL_ESCAPE.sub(lambda match: chr(int(match[1], 8)), fields[1]), fields[2]))
    return points


def this_machines_mounts() -> str:
    """/proc/self/mounts as text; empty where there is none (not Linux), so every path is on an unknown system."""
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as file:
            return file.read()
    except OSError:
        return ""


def file_system(path: str, points: list[tuple[str, str]]) -> str:
    """The type of the file system `path` is on: that of the longest mount point containing it (the last mounted
    wins a tie, as the kernel does)."""
    path = os.path.realpath(path)
    best, kind = "", "unknown"
    for point, fs_type in points:
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fs_type
    return kind


def polling_reason(paths: Iterable[str], *, platform: str, setting: str, mounts: str) -> str | None:
    """Why MkDocs' polling watcher must stay, or None when inotify can watch every one of `paths`."""
    if setting.strip().lower() == "poll":
        return f"{SETTING}=poll"
    if not platform.startswith("linux"):
        return f"inotify is Linux only, and this is {platform}"
    points = mount_points(mounts)
    for path in paths:
        kind = file_system(path, points)
        if kind not in LOCAL_FILE_SYSTEMS:
            return f"{path} is on a {kind} file system, where inotify may miss changes"
    return None


def change_observer():
    """An inotify observer that reports changes only, whatever the caller scheduling a path asks for."""
    from watchdog.observers.inotify import InotifyObserver  # here: the module fails to import off Linux

    class ChangeObserver(InotifyObserver):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(event_handler, path, recursive=recursive, event_filter=CHANGES, follow_symlink=follow_symlink)

    return ChangeObserver()


def inotify_works(paths: list[str]) -> str | None:
    """None if inotify can watch each of `paths` now, or why not (a missing path, the kernel's limit on watches).
    Tried here, on throwaway observers, because the server's observer only starts once the server does, where a
    failure would stop `mkdocs serve` with a traceback."""
    for path in paths:
        probe = change_observer()
        try:
            probe.schedule(FileSystemEventHandler(), path, recursive=True)
            probe.start()
        except OSError as error:
            return f"inotify cannot watch {path}: {error.strerror or error}"
        finally:
            if probe.is_alive():
                probe.stop()
                probe.join()
            else:  # it failed to start: stop whichever of its watches did
                probe.unschedule_all()
    return None


def watch_with_inotify(server, to_watch: Iterable[str]) -> bool:
    """Give `server` (MkDocs' LiveReloadServer, before it starts) an inotify observer when that is safe. `to_watch`
    are the paths MkDocs will add after the `on_serve` event; those it watches already are moved over."""
    if not hasattr(server, "observer"):  # not the server this was written for: leave it alone
        return False
    watched = sorted(emitter.watch.raw_path for emitter in server.observer.emitters)
    paths = [*watched, *(os.path.abspath(path) for path in to_watch)]
    reason = polling_reason(paths, platform=sys.platform, setting=os.environ.get(SETTING, ""), mounts=this_machines_mounts())
    if reason is None:
        reason = inotify_works(paths)
    if reason is not None:
        log.info(f"seokb: watching for changes by polling ({reason})")
        return False
    # MkDocs' own watch()/unwatch() keep their bookkeeping right; only the observer underneath changes.
    for path in watched:
        server.unwatch(path)
    server.observer = change_observer()
    for path in watched:
        server.watch(path)
    log.info(f"seokb: watching for changes with inotify (set {SETTING}=poll if edits stop rebuilding the site)")
    return True
