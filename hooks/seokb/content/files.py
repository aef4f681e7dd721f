"""Which files the engine may read: regular files inside the repository (never a link, a device or a pipe), each
under the size limit of its kind, checked from the file's metadata before a byte of it is read."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from seokb.diagnostics import Diagnostics

KB = 1024


@dataclass(frozen=True)
class Limit:
    """How large a file of one kind may be, and how a message names that kind."""

    kind: str  # "a glossary entry": the message says "a glossary entry may be at most 256 KB"
    max_bytes: int


# An entry, a quiz, a diagram or a lesson is a few kilobytes; a file far larger is a mistake or an attack on the
# build's memory and time (a 20 MB lesson keeps a build busy for minutes).
ENTRY = Limit("a glossary entry", 256 * KB)
QUIZ = Limit("a quiz", 256 * KB)
DIAGRAM = Limit("a diagram", 256 * KB)
PAGE = Limit("a page", 256 * KB)
IMAGE = Limit("an image", 1024 * KB)
SVG = Limit("an SVG image", 256 * KB)
MAINTAINED = Limit("a file in docs/assets/", 1024 * KB)
ADDRESS_LIST = Limit("the list of published addresses", 1024 * KB)
ANY_FILE = Limit("a file here", 256 * KB)

_SPECIAL = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def link_problem(path: Path) -> str | None:
    """Why the engine must not follow `path`, from lstat alone: it is a symbolic link (to a file or a folder)."""
    if not path.is_symlink():
        return None
    try:
        target = os.readlink(path)
    except OSError:
        target = "somewhere unreadable"
    # A link is refused wherever it points: one to /etc/hostname or /proc/self/environ would publish the build
    # machine's name or its secrets, one to a device would be read until memory runs out.
    return f"is a symbolic link (to {target}); only regular files are read or published: put the file itself here"


def mode_problem(mode: int, size: int, limit: Limit) -> str | None:
    """Why a file with this lstat mode and size must not be read: not a regular file, or larger than its kind's limit."""
    if stat.S_ISLNK(mode):
        return "is a symbolic link; only regular files are read or published: put the file itself here"
    if not stat.S_ISREG(mode):
        what = next((name for test, name in _SPECIAL if test(mode)), "not a regular file")
        return f"is {what}, not a regular file; only regular files are read or published"
    if size > limit.max_bytes:
        return f"the file is {size // KB} KB; {limit.kind} may be at most {limit.max_bytes // KB} KB"
    return None


def file_problem(path: Path, limit: Limit) -> str | None:
    """Why `path` must not be read, from its metadata only: a link, a device, a pipe, a folder, or too large."""
    if (problem := link_problem(path)) is not None:
        return problem
    try:
        info = path.lstat()
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    return mode_problem(info.st_mode, info.st_size, limit)


def read_file(path: Path, relative: str, limit: Limit, report: Diagnostics) -> bytes | None:
    """The file's bytes, or None with the reason reported at `relative`: checked before it is opened, and opened so
    that a file swapped for a link or a pipe after the check is still not followed or waited on."""
    if (problem := file_problem(path, limit)) is not None:
        report.add(relative, 1, problem)
        return None
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        report.add(relative, 1, link_problem(path) or f"cannot be read ({error.strerror})")
        return None
    with os.fdopen(descriptor, "rb") as opened:
        info = os.fstat(opened.fileno())
        if (problem := mode_problem(info.st_mode, info.st_size, limit)) is not None:
            report.add(relative, 1, problem)
            return None
        data = opened.read(limit.max_bytes + 1)  # a file that grew since fstat is still read no further
    if len(data) > limit.max_bytes:
        report.add(
            relative, 1, f"the file is over {limit.max_bytes // KB} KB; {limit.kind} may be at most {limit.max_bytes // KB} KB"
        )
        return None
    return data


def read_quietly(path: Path, limit: Limit) -> bytes | None:
    """The file's bytes, or None where read_file would report why (for a reader whose file is checked elsewhere)."""
    return read_file(path, "", limit, Diagnostics())
