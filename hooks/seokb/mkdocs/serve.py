"""`mkdocs serve` after a bad save: the browser keeps the last good site, and the next good save replaces it.

MkDocs empties the site folder when a build starts. When a rebuild then fails, the server has nothing to show
and waits for a good build before it answers any request: a reader's browser hangs, with no word of the error.
So each rebuild starts from an empty folder while the last good site waits beside it; a failed rebuild puts it
back and lets the server answer again, and the problems stay in the terminal as `path:line: message`.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable

log = logging.getLogger("mkdocs.plugins.seokb")


def keep_last_good_site(server, site_dir: str) -> None:
    """Wrap the server's rebuild so that a failed one leaves the last good site in `site_dir` and is not fatal."""
    rebuild: Callable[[], None] = server.builder
    aside = site_dir.rstrip(os.sep) + ".last-good"

    def rebuild_or_keep() -> None:
        shutil.rmtree(aside, ignore_errors=True)
        os.rename(site_dir, aside)  # one rename, however large the site
        os.mkdir(site_dir)
        try:
            rebuild()
        except BaseException as error:  # noqa: BLE001 - MkDocs ends a failed build with SystemExit (Abort)
            shutil.rmtree(site_dir, ignore_errors=True)
            os.rename(aside, site_dir)
            if isinstance(error, KeyboardInterrupt):
                raise
            log.error(
                "seokb: the rebuild failed (the problems are above); still serving the last good site until the next good save"
            )
            return  # so the server answers again, with the site it had
        shutil.rmtree(aside, ignore_errors=True)

    server.builder = rebuild_or_keep
