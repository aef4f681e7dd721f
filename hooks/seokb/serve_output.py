"""Where a `mkdocs serve` rebuild writes: into an empty folder, with the previous output deleted afterwards.

Before every build MkDocs empties the site folder, then writes thousands of files into it. On a disk that
discards freed blocks as it goes (this machine's ext4 is mounted with `discard`), writing right after deleting
that many files waits on the deletions: at 2,500 terms the rebuild took 13.9 to 15.0 s this way,
and 12.6 to 13.3 s when the previous output was moved aside first and deleted after the new one was written.

Only the temporary folder `mkdocs serve` builds into is handled so: a `mkdocs build` folder may hold files of
its owner's (MkDocs' cleaning keeps hidden ones, such as a .git), and is left to MkDocs.
"""

from __future__ import annotations

import os
import shutil
import tempfile


class ServeOutput:
    def __init__(self) -> None:
        self.site_dir: str | None = None  # the folder `mkdocs serve` serves, once known
        self.previous: str | None = None  # the last build's output, moved aside, until it is deleted

    def serving(self, site_dir: str) -> None:
        self.site_dir = os.path.abspath(site_dir)

    def before_build(self, site_dir: str) -> None:
        """Move the last output aside, leaving an empty folder at the same path for MkDocs to clean in no time."""
        if self.site_dir != os.path.abspath(site_dir) or not os.path.isdir(site_dir) or not os.listdir(site_dir):
            return
        self.discard_previous()
        parent, name = os.path.split(self.site_dir)
        aside = tempfile.mkdtemp(prefix=f"{name}.previous-", dir=parent)  # beside it: a rename, not a copy
        mode = os.stat(self.site_dir).st_mode & 0o777
        os.rename(self.site_dir, os.path.join(aside, name))
        os.mkdir(self.site_dir, mode)
        self.previous = aside

    def discard_previous(self) -> None:
        """Delete the output moved aside: after a build has written the new one, or when serving stops."""
        if self.previous is not None:
            shutil.rmtree(self.previous, ignore_errors=True)
            self.previous = None
