"""`mkdocs serve` after a bad save: the browser keeps the last good site, and the next good save replaces it.

MkDocs empties the site folder when a build starts. When a rebuild then fails, the server has nothing to show
and waits for a good build before it answers any request: a reader's browser hangs, with no word of the error.
So each rebuild starts from an empty folder while the last good site waits beside it; a failed rebuild puts it
back and lets the server answer again. The problems are printed in the terminal as `path:line: message`, and while
the last rebuild failed every page the server sends shows them too, in a banner at its top: a failed save no longer
looks like no save. The next good build takes the banner away (the browser reloads on each build, good or bad).
"""

from __future__ import annotations

import html
import logging
import os
import shutil
from collections.abc import Callable

from seokb.mkdocs.logs import engine_logger

log = logging.getLogger("mkdocs.plugins.seokb")
FAILED = "seokb: the rebuild failed (the problems are above); still serving the last good site until the next good save"


class _Problems(logging.Handler):
    """The warnings and errors of one rebuild, as the terminal shows them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def banner(problems: list[str]) -> bytes:
    """The note at the top of every served page while the last rebuild failed: the problems, each escaped, in
    colours of its own that read the same on the light and the dark palette."""
    shown = "\n".join(html.escape(line) for line in problems if not line.startswith("Aborted")) or "(see the terminal)"
    return (
        '<div role="alert" id="seokb-build-failed" style="position:relative;z-index:10;margin:0;padding:.8rem 1rem;'
        'background:#fff4e5;color:#3d2200;border-bottom:4px solid #b35900;font:16px/1.5 system-ui,sans-serif">'
        "<strong>Your last save did not build.</strong> This is the last good version of the site. "
        "Fix these problems and save again; this note goes away with the next good build."
        '<pre style="margin:.5rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.45 ui-monospace,'
        f'monospace;color:#3d2200;background:transparent">{shown}</pre></div>'
    ).encode()


def show_problems(server, state: dict[str, list[str]]) -> None:
    """Every HTML page the server sends carries the banner while `state['failed']` holds problems."""
    inject: Callable[[bytes, int], bytes] = server._inject_js_into_html

    def inject_banner(content: bytes, epoch: int) -> bytes:
        content = inject(content, epoch)
        if not state["failed"]:
            return content
        start = content.find(b"<body")
        at = content.find(b">", start) + 1 if start != -1 else 0
        return content[:at] + banner(state["failed"]) + content[at:]

    server._inject_js_into_html = inject_banner


def keep_last_good_site(server, site_dir: str) -> None:
    """Wrap the server's rebuild so that a failed one leaves the last good site in `site_dir` and is not fatal, and
    the pages show its problems until a rebuild succeeds."""
    rebuild: Callable[[], None] = server.builder
    aside = site_dir.rstrip(os.sep) + ".last-good"
    state: dict[str, list[str]] = {"failed": []}
    show_problems(server, state)

    def rebuild_or_keep() -> None:
        shutil.rmtree(aside, ignore_errors=True)
        os.rename(site_dir, aside)  # one rename, however large the site
        os.mkdir(site_dir)
        problems = _Problems()
        loggers = {engine_logger(), logging.getLogger("mkdocs")}
        for logger in loggers:
            logger.addHandler(problems)
        try:
            rebuild()
        except BaseException as error:  # noqa: BLE001 - MkDocs ends a failed build with SystemExit (Abort)
            shutil.rmtree(site_dir, ignore_errors=True)
            os.rename(aside, site_dir)
            if isinstance(error, KeyboardInterrupt):
                raise
            state["failed"] = list(dict.fromkeys(problems.lines)) or [str(error)]
            log.error(FAILED)
            return  # so the server answers again, with the site it had
        finally:
            for logger in loggers:
                logger.removeHandler(problems)
        state["failed"] = []
        shutil.rmtree(aside, ignore_errors=True)

    server.builder = rebuild_or_keep
