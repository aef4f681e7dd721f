"""content/files.py: what a file's metadata alone says about whether it may be read, for every kind of file."""

from __future__ import annotations

import stat

import pytest

from seokb.content.files import ENTRY, IMAGE, PAGE, mode_problem

REGULAR = stat.S_IFREG | 0o644

MODES = [
    (REGULAR, 10, ENTRY, None),
    (REGULAR, 256 * 1024, ENTRY, None),  # the limit itself is allowed
    (REGULAR, 256 * 1024 + 1, ENTRY, "the file is 256 KB; a glossary entry may be at most 256 KB"),
    (REGULAR, 3 * 1024 * 1024, PAGE, "the file is 3072 KB; a page may be at most 256 KB"),
    (REGULAR, 3 * 1024 * 1024, IMAGE, "the file is 3072 KB; an image may be at most 1024 KB"),
    (stat.S_IFLNK | 0o777, 0, ENTRY, "is a symbolic link; only regular files are read or published: put the file itself here"),
    (stat.S_IFIFO | 0o644, 0, ENTRY, "is a named pipe, not a regular file; only regular files are read or published"),
    (stat.S_IFCHR | 0o666, 0, ENTRY, "is a character device, not a regular file; only regular files are read or published"),
    (stat.S_IFBLK | 0o660, 0, PAGE, "is a block device, not a regular file; only regular files are read or published"),
    (stat.S_IFSOCK | 0o755, 0, PAGE, "is a socket, not a regular file; only regular files are read or published"),
    (stat.S_IFDIR | 0o755, 4096, PAGE, "is a folder, not a regular file; only regular files are read or published"),
]


@pytest.mark.parametrize("mode, size, limit, expected", MODES)
def test_only_a_regular_file_under_its_kinds_limit_may_be_read(mode: int, size: int, limit, expected) -> None:
    assert mode_problem(mode, size, limit) == expected
