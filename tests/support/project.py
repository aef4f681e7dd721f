"""The test suite's own tools: fixture projects built in-process with the real hooks, served folders, Chromium."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import io
import logging
import os
import re
import subprocess
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

SUMMARY = re.compile(r"^(?:ERROR   -  )?Aborted")


REPO = Path(__file__).resolve().parents[2]


HOOK = REPO / "hooks" / "seokb_hooks.py"


def mkdocs_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("SITE_URL", None)
    return env


def wait_until(condition: Callable[[], object], timeout: float, message: Callable[[], str] = lambda: "") -> object:
    """Poll `condition` until it gives something true, and give that; fail with `message()` once `timeout`
    seconds have passed. For what a test has to wait for (a server's log line, a rebuilt page): it waits as long
    as the event takes, where a fixed sleep waits too long on a fast machine and not long enough on a slow one."""
    deadline = time.monotonic() + timeout
    interval = 0.01
    while not (result := condition()):
        assert time.monotonic() < deadline, f"not there after {timeout} s: {message()}"
        time.sleep(interval)
        interval = min(interval * 2, 0.1)
    return result


def touch_later(path: Path, seconds: float = 2.0) -> None:
    """Move `path`'s modification time `seconds` past the newest one it could have had: an edit a watcher that
    compares modification times must see, on any file system's time resolution, without sleeping for it."""
    later = max(path.stat().st_mtime, time.time()) + seconds
    os.utime(path, (later, later))


@dataclass
class Built:
    """What a `mkdocs build` run gave, with the fields of subprocess.CompletedProcess that the tests read."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    handlers_left: int = 0  # handlers the hooks left on the `mkdocs` logger when the build ended


# The CLI's log line when stderr is not a terminal, as every test reads it: mkdocs/__main__.py's color_option
# replaces ColorFormatter with exactly this formatter then (no colours, no wrapping).
CLI_LOG_FORMAT = "%(levelname)-8s-  %(message)s"


def build_in_process(root: Path, *extra: str, env: dict[str, str] | None = None) -> Built:
    """`mkdocs build [extra]` run in `root`, in this process, as MkDocs' own tests/build_tests.py builds: config
    loaded with mkdocs.config.load_config, built with mkdocs.commands.build.build. Around it, what the command
    line (mkdocs/__main__.py's build_command) adds is done the same way: the `mkdocs` logger at INFO with the
    CLI's stream handler and formatter, writing to the captured stderr; _enable_warnings' duplicate filter;
    on_startup and on_shutdown; an Abort or any other MkDocs error printed as click prints it, with return code 1;
    an unforeseen exception printed as a traceback, as Python does when the command dies of one.

    The environment is the one mkdocs_env() gives a subprocess (plus `env`), and the working folder is `root`,
    both for the length of the build only. Nothing needs resetting between builds: the engine keeps all it knows
    in one Build object that on_config makes anew (test_a_build_in_the_test_process_prints_what_the_command_line_prints
    builds twice in one process to prove it)."""
    from mkdocs import __main__ as mkdocs_cli
    from mkdocs import utils
    from mkdocs.commands import build as build_module
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    options = _build_options(list(extra))
    stdout, stderr = io.StringIO(), io.StringIO()
    logger = logging.getLogger("mkdocs")
    before = (logger.level, logger.propagate, list(logger.handlers))
    state = mkdocs_cli.State()  # the CLI's logger set-up: level INFO, not propagated, its stream handler
    state.stream.setStream(stderr)
    state.stream.setFormatter(logging.Formatter(CLI_LOG_FORMAT))
    if options.pop("verbose", False):
        state.logger.setLevel(logging.DEBUG)
    if options.pop("quiet", False):
        state.logger.setLevel(logging.ERROR)
    duplicates = utils.DuplicateFilter()  # one per process in the CLI: one per build here, or a message seen in
    returncode = 0  # an earlier build of this process would be dropped from this one
    try:
        with (
            _environment({**mkdocs_env(), **(env or {})}),
            contextlib.chdir(root),
            contextlib.redirect_stdout(stdout),
            warnings.catch_warnings(),
        ):
            if not sys.warnoptions:  # as _enable_warnings
                build_module.log.addFilter(duplicates)
                warnings.simplefilter("module", DeprecationWarning)
                warnings.showwarning = mkdocs_cli._showwarning
            try:
                config = load_config(str(root / "mkdocs.yml"), **options)
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build_module.build(config, dirty=False)
                finally:
                    config.plugins.on_shutdown()
            except MkDocsException as error:  # Abort, ConfigurationError, ...: click shows them and exits
                with contextlib.redirect_stderr(stderr):
                    error.show()  # Abort writes to stdout, the others to stderr, as on the command line
                returncode = error.exit_code
            except SystemExit as error:
                returncode = error.code if isinstance(error.code, int) else 1
            except Exception:  # noqa: BLE001 - the command would die with a traceback on stderr
                stderr.write(traceback.format_exc())
                returncode = 1
    finally:
        build_module.log.removeFilter(duplicates)
        # The hooks attach handlers of their own to the `mkdocs` logger in on_config and take them off on_shutdown,
        # once MkDocs has logged its verdict; counted here, then the logger is put back as it was in any case.
        handlers_left = len([h for h in logger.handlers if getattr(h, "seokb", False)])
        logger.handlers[:] = before[2]
        logger.setLevel(before[0])
        logger.propagate = before[1]
    return Built(["mkdocs", "build", *extra], returncode, stdout.getvalue(), stderr.getvalue(), handlers_left)


def _build_options(extra: list[str]) -> dict:
    """The `mkdocs build` options the tests use, as load_config's keyword arguments."""
    options: dict = {}
    while extra:
        option = extra.pop(0)
        if option in ("-s", "--strict"):
            options["strict"] = True
        elif option in ("-d", "--site-dir"):
            options["site_dir"] = str(extra.pop(0))
        elif option in ("-v", "--verbose"):
            options["verbose"] = True
        elif option in ("-q", "--quiet"):
            options["quiet"] = True
        else:
            raise ValueError(f"build_in_process does not know {option!r}: use Project.build_command for it")
    return options


@contextlib.contextmanager
def _environment(values: dict[str, str]):
    """os.environ is exactly `values` inside the block, and what it was outside."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(values)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@dataclass
class Project:
    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def build(self, *extra: str, env: dict[str, str] | None = None) -> Built:
        """`mkdocs build` in this test's process (see build_in_process); `env` adds to the environment."""
        return build_in_process(self.root, *extra, env=env)

    def build_command(
        self, *extra: str, env: dict[str, str] | None = None, engine: str = "mkdocs"
    ) -> subprocess.CompletedProcess[str]:
        """The real `mkdocs build` command line (or `properdocs build`, which must run in a process of its own) in a
        process of its own, for what only a fresh process shows."""
        return subprocess.run(
            [sys.executable, "-m", engine, "build", *extra],
            cwd=self.root,
            env={**mkdocs_env(), **(env or {})},
            capture_output=True,
            text=True,
            timeout=300,
        )

    def site(self, relative: str) -> str:
        return (self.root / "site" / relative).read_text(encoding="utf-8")


FIXTURE_CONFIG = f"""\
site_name: Fixture
site_url: https://example.org/fixture/
repo_url: https://github.com/example/fixture
edit_uri: edit/main/docs/
strict: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
hooks:
  - {HOOK}
theme:
  name: material
  font: false
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - toc:
      permalink: true
"""


def new_project(root: Path) -> Project:
    """The `project` fixture's site at `root`; for a module-scoped fixture that builds one site for many tests."""
    site = Project(root)
    site.write("mkdocs.yml", FIXTURE_CONFIG)
    site.write(
        "docs/index.md",
        "---\ndescription: A page of the fixture site, for the tests.\n---\n# Home\n\nSee the [glossary](glossary/index.md): what a backlink is, and what anchor text does.\n",
    )
    (site.root / "glossary").mkdir()
    return site


def entry(slug: str = "backlink", **fields: str) -> str:
    """A valid entry's YAML; each keyword replaces (or, with value '', removes) one top-level field."""
    values = {
        "term": slug.replace("-", " ").capitalize(),
        "aliases": None,
        "short": f"A short definition of {slug.replace('-', ' ')}.",
        "definition": "|\n  A definition paragraph.\n\n  A second paragraph.",
        "example": "|\n  A concrete example.",
        "category": "basics",
        "sources": "\n  - title: Google Search Central\n    url: https://developers.google.com/search/docs",
    }
    for name, value in fields.items():
        values[name] = value
    lines = ["# yaml-language-server: $schema=../hooks/seokb/schema/term.schema.json"]
    for name, value in values.items():
        if value is None or value == "":
            continue
        lines.append(f"{name}: {value}" if not value.startswith("\n") else f"{name}:{value}")
    return "\n".join(lines) + "\n"


def build_real_site(site_dir: Path, site_url: str | None = None) -> Built:
    """The repository's own site, built strictly the way `make build` does, into `site_dir` (in this process)."""
    return build_in_process(
        REPO, "--strict", "--site-dir", str(site_dir), env=None if site_url is None else {"SITE_URL": site_url}
    )


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Built]) -> Path:
    """A folder `build` fills once per test run, whichever pytest-xdist worker asks first; the others wait for it
    (pytest-xdist's own recipe for session data, with a file lock). A build that failed fails every test asking."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, shared by its workers
    folder = base / name
    outcome = base / f"{name}.outcome"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not outcome.exists():
            folder.mkdir()
            result = build(folder)
            outcome.write_text("" if result.returncode == 0 else (result.stderr + result.stdout or "failed"), encoding="utf-8")
    failure = outcome.read_text(encoding="utf-8")
    assert not failure, failure
    return folder


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # LinkChecker sends more than 10 requests a second only to a server that answers with this header.
        self.send_header("LinkChecker", "allowed")
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    """A browser that leaves a page mid-download (a test closing its tab) is no error of the site's: no traceback."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path):
    """A folder over HTTP on 127.0.0.1, on a free port, for the length of the `with` block."""
    handler = functools.partial(_SiteHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


CHROMIUM = "/usr/bin/chromium"


# Without these Chromium tries to reach Google's hosts at start, which this closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# The palette toggle in the header: each scheme's label switches to the other one (mkdocs.yml's palette list).
PALETTE_TOGGLE = {"slate": "Switch to dark mode", "default": "Switch to light mode"}


def switch_palette(page, scheme: str) -> None:
    """Switch the open page to `scheme` ("default" or "slate") with the header's toggle, and wait for the theme's
    colour transitions to end: a contrast measured halfway through one reads a colour never shown. The click is
    dispatched to the toggle, not made with the mouse: a pointer left over it opens the theme's tooltip, fading in
    over the page while axe reads it."""
    page.locator(f'label[title="{PALETTE_TOGGLE[scheme]}"]').dispatch_event("click")
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === {scheme!r}")
    # (The click also loads the theme, if it was not there yet: its arrival may cut a transition short.)
    page.evaluate("Promise.allSettled(document.getAnimations().map(animation => animation.finished))")


def article(html: str) -> str:
    """The page's own content, without the theme around it (which changes with mkdocs-material releases)."""
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    assert match, "no article in page"
    body = re.sub(r'<a href="[^"]*" title="Edit this page".*?</a>', "", match.group(1), flags=re.S)
    return re.sub(r"\n\s*\n", "\n", body).strip() + "\n"


def problem_lines(output: str) -> list[str]:
    """MkDocs' log without its INFO chatter and the closing 'Aborted ...' lines: the problems a contributor fixes.
    (test_a_failed_build_ends_with_one_summary checks the summary.)"""
    return [line for line in output.splitlines() if line.strip() and not line.startswith("INFO") and not SUMMARY.match(line)]
