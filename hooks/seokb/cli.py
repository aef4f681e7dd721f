"""The `seokb` command: check content without a full build."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .diagnostics import Diagnostics
from .glossary import load_glossary


def check(root: Path) -> Diagnostics:
    report = Diagnostics()
    load_glossary(root, report)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="seokb", description="Tools for seokb contributors.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_command = commands.add_parser("check", help="validate every glossary entry and print path:line: message")
    check_command.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    arguments = parser.parse_args(argv)

    report = check(arguments.root)
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in report.sorted():
        print(diagnostic)
        if in_actions:
            print(f"::error file={diagnostic.path},line={diagnostic.line}::{diagnostic.message}")
    if report:
        print(f"{len(report)} problem{'s' if len(report) != 1 else ''} found.", file=sys.stderr)
        return 1
    print("All content is valid.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
