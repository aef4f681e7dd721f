"""How a build reports: every Diagnostic of the run through MkDocs' logger, in `path:line: message` form, then one
PluginError if any is an error; under GitHub Actions each message is also a workflow annotation."""

from __future__ import annotations

import logging
import os
import re

import mkdocs
from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

from seokb.diagnostics import Diagnostics, actions_command

log = logging.getLogger("mkdocs.plugins.seokb")


def engine_logger() -> logging.Logger:
    """MkDocs' own top logger: 'mkdocs', or 'properdocs' when ProperDocs stands in for MkDocs (it aliases the module)."""
    return logging.getLogger(mkdocs.__name__)


class ActionsAnnotations(logging.Handler):
    """Under GitHub Actions, every warning and error of the build is also a workflow command, so a link or orphan
    problem shows on the pull request's changed line, as `seokb check`'s problems do."""

    _WHERE = re.compile(r"(?P<path>[^\s:]+):(?P<line>\d+): (?P<message>.*)", re.DOTALL)

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        severity = "error" if record.levelno >= logging.ERROR else "warning"
        found = self._WHERE.match(text)
        if found:
            print(actions_command(severity, found["message"], "seokb build", found["path"], int(found["line"])), flush=True)
        else:  # MkDocs' own messages name no line
            print(actions_command(severity, text, "MkDocs build"), flush=True)


def start_build_logging() -> CountHandler:
    """A fresh warning counter (strict mode stops before any page is written, not after, as MkDocs' own would) and,
    under GitHub Actions, the annotations; a build that ended without stop_build_logging leaves none behind."""
    stop_build_logging()
    logger = engine_logger()
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    handlers: list[logging.Handler] = [counter]
    if os.environ.get("GITHUB_ACTIONS") == "true":
        handlers.append(ActionsAnnotations())
    for handler in handlers:
        handler.seokb = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    return counter


def stop_build_logging() -> None:
    """The build's handlers leave MkDocs' logger: it outlives the build (in a test process that builds many sites, in
    a program that runs MkDocs among other work)."""
    logger = engine_logger()
    for handler in list(logger.handlers):
        if getattr(handler, "seokb", False):
            logger.removeHandler(handler)


def report(problems: Diagnostics) -> None:
    """Print every problem of the run, errors and warnings alike, then stop the build once if any is an error."""
    for diagnostic in problems.sorted():
        (log.error if diagnostic.is_error else log.warning)(str(diagnostic))
    count = len(problems.errors)
    if count:
        raise PluginError(f"Aborted: {count} problem{'s' if count != 1 else ''} in the content above; no page was written.")


def stop_if_strict(strict: bool, counter: CountHandler) -> None:
    count = sum(number for _, number in counter.get_counts())
    if strict and count:
        raise PluginError(f"Aborted with {count} warning{'s' if count != 1 else ''} in strict mode; nothing was written.")
