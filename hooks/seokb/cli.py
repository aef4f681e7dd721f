"""The `seokb` command: check content without a full build, and start a new glossary entry."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from seokb.content.characters import read_text_file
from seokb.content.docs_files import docs_files
from seokb.content.files import PAGE
from seokb.content.glossary import load_glossary
from seokb.content.quiz import load_quizzes
from seokb.diagnostics import Diagnostic, Diagnostics
from seokb.engine.build import Engine
from seokb.engine.settings import Settings
from seokb.links.offline import SiteAddresses, site_addresses
from seokb.rename import Plan, Refused, merge, rename
from seokb.review import changed_files, copy_cards, summary
from seokb.scaffold import NewTermRefused, write_new_term
from seokb.site.published import (
    DATA_FILES,
    Published,
    read_published_file,
    render_published,
    unlisted,
)
from seokb.site.urls import PUBLISHED_FILE, term_url

# Exit codes: 1 = the content has problems, or new-term refused; 2 = the command could not run (argparse's own).
PROBLEMS = 1
CANNOT_RUN = 2


def check(root: Path) -> Diagnostics:
    """Every content problem a build would report before rendering, found by the engine's own steps: entries,
    quizzes, diagrams, docs/' files, each page's rules, markers, links and redirects, and published-urls.txt."""
    engine = Engine.start(root, Settings())
    pages, statics = read_docs(root, engine.problems)
    for new in engine.check_sources(pages, statics):
        engine.problems.add(
            new.path,
            1,
            f"{new.address} is a new address, not in {PUBLISHED_FILE} yet; run `.venv/bin/seokb published --update` "
            f"and commit {PUBLISHED_FILE} with this change",
        )
    return engine.problems


def lesson_slugs(root: Path) -> set[str]:
    return {path.stem for path in (root / "docs" / "lessons").glob("*.md")}


def read_docs(root: Path, report: Diagnostics) -> tuple[dict[str, str], frozenset[str]]:
    """From one scan of docs/ (docs_files.py, as the build scans it): every page's text by its name under docs/, in
    name order, and the other files it publishes. Every file that may not be published and every page that cannot
    be read is reported."""
    found = docs_files(root / "docs")
    report.extend(found.problems.items)
    pages = {}
    for src in sorted(src for src in found.accepted if src.lower().endswith(".md")):
        text = read_text_file(root / "docs" / src, f"docs/{src}", report, PAGE)
        if text is not None:
            pages[src] = text
    return pages, frozenset(src for src in found.accepted if not src.lower().endswith(".md"))


def public_addresses(site: SiteAddresses) -> set[str]:
    """What the list must hold: every page, the data files, and every address a redirect answers at."""
    return {*site.pages, *DATA_FILES, *site.redirects}


def new_addresses(published: list[Published], site: SiteAddresses) -> list[str]:
    return unlisted(published, public_addresses(site))


def actions_annotation(diagnostic: Diagnostic) -> str:
    """The GitHub Actions workflow command for a problem `seokb check` found."""
    return diagnostic.annotation(title="seokb check")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="seokb", description="Tools for seokb contributors.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_command = commands.add_parser(
        "check", help="validate glossary entries, quizzes, diagrams and page markers; print path:line: message"
    )
    new_term_command = commands.add_parser("new-term", help="write a commented skeleton glossary/<slug>.yml to fill in")
    new_term_command.add_argument("name", help='the term as a beginner would write it, in quotes: "Anchor text"')
    published_command = commands.add_parser(
        "published", help=f"compare {PUBLISHED_FILE} with the addresses the site serves; --update adds the new ones"
    )
    published_command.add_argument(
        "--update", action="store_true", help=f"add every new address to {PUBLISHED_FILE} (it never removes one)"
    )
    rename_command = commands.add_parser(
        "rename", help="give a glossary entry a new slug, and fix every related: list, link and address that named it"
    )
    rename_command.add_argument("old", help="the entry's slug now: its file name without .yml")
    rename_command.add_argument("new", help="the new slug")
    merge_command = commands.add_parser(
        "merge", help="fold one glossary entry into another (name and aliases included) and remove it"
    )
    merge_command.add_argument("gone", metavar="from", help="the slug of the entry to fold in and remove")
    merge_command.add_argument("into", help="the slug of the entry that stays")
    summary_command = commands.add_parser(
        "summary", help="what a pull request changes on the site, as Markdown for its reviewer (CI runs it)"
    )
    summary_command.add_argument("--base", required=True, help="the branch or commit the changes are compared with")
    summary_command.add_argument("--site", type=Path, help="the built site, whose link-preview cards are listed")
    summary_command.add_argument(
        "--cards", type=Path, help="copy each new or changed term's card from --site into this folder, as <slug>.png"
    )
    for command in (rename_command, merge_command):
        command.add_argument("--dry-run", action="store_true", help="print every change without writing any")
    for command in (check_command, new_term_command, published_command, rename_command, merge_command, summary_command):
        command.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    arguments = parser.parse_args(argv)

    root: Path = arguments.root
    if not (root / "mkdocs.yml").is_file():
        # Without this, `seokb check` in the wrong folder would find no entries and call that valid.
        print(
            f"seokb: '{root}' is not the seokb project folder (it has no mkdocs.yml); "
            "run this where mkdocs.yml is, or pass --root",
            file=sys.stderr,
        )
        return CANNOT_RUN
    if arguments.command == "new-term":
        return new_term(root, arguments.name)
    if arguments.command == "published":
        return published(root, arguments.update)
    if arguments.command == "summary":
        if arguments.cards and not arguments.site:
            parser.error("--cards copies the cards of the built site: give it with --site")
        changes = changed_files(root, arguments.base)
        if arguments.cards:
            copy_cards(changes, arguments.site, arguments.cards)
        print(summary(root, changes, arguments.site), end="")
        return 0
    if arguments.command == "rename":
        return move(root, "rename", lambda: rename(root, arguments.old, arguments.new), arguments.dry_run)
    if arguments.command == "merge":
        return move(root, "merge", lambda: merge(root, arguments.gone, arguments.into), arguments.dry_run)
    return run_check(root)


def run_check(root: Path) -> int:
    report = check(root)
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in report.sorted():
        print(diagnostic)
        if in_actions:
            print(actions_annotation(diagnostic))
    if report:
        print(f"{len(report)} problem{'s' if len(report) != 1 else ''} found.", file=sys.stderr)
        return PROBLEMS
    print("All content is valid.", file=sys.stderr)
    return 0


def new_term(root: Path, name: str) -> int:
    try:
        written = write_new_term(root, name)
    except NewTermRefused as refusal:
        print(f"seokb new-term: {refusal}", file=sys.stderr)
        return PROBLEMS
    print(f"Wrote {written.relative}.")
    if add_published(root, term_url(written.slug)):
        print(f"Added its address, {term_url(written.slug)}, to {PUBLISHED_FILE}: commit that file with the entry.")
    print(
        f"Next: fill in its empty fields (the notes in the file explain each one), then run 'seokb check' "
        f"until it says \"All content is valid.\"; 'make serve' shows the page at "
        f"http://127.0.0.1:8000/{term_url(written.slug)}"
    )
    return 0


def move(root: Path, command: str, planned: Callable[[], Plan], dry_run: bool) -> int:
    """`seokb rename` and `seokb merge`: print each change as path:line, then write them (unless --dry-run)."""
    try:
        plan = planned()
    except Refused as refusal:
        print(f"seokb {command}: {refusal}; nothing was changed", file=sys.stderr)
        return PROBLEMS
    for change in plan.changes:
        print(change)
    if dry_run:
        print(f"--dry-run: {len(plan.changes)} changes shown, none written.", file=sys.stderr)
        return 0
    plan.write()
    print(
        f"{len(plan.changes)} changes written. Run `seokb check`, then commit them together "
        "(git add -A glossary docs quizzes published-urls.txt).",
        file=sys.stderr,
    )
    return 0


def published(root: Path, update: bool) -> int:
    """`seokb published`: the addresses the site serves that the list lacks; with --update, add them."""
    report = Diagnostics()
    glossary = load_glossary(root, report)
    quizzes = load_quizzes(root, report, lessons=lesson_slugs(root))
    pages, statics = read_docs(root, report)
    site = site_addresses("docs", pages, glossary, quizzes, report, statics)
    listed = read_published_file(root, report) or []
    if report.errors:  # a broken entry has no address yet, and a broken line would be lost on rewriting
        for diagnostic in report.sorted():
            print(diagnostic)
        print(f"Fix these first (`seokb check` lists them too); {PUBLISHED_FILE} was not changed.", file=sys.stderr)
        return PROBLEMS
    new = new_addresses(listed, site)
    if not new:
        print(f"{PUBLISHED_FILE} lists every address the site serves ({len(listed)}).", file=sys.stderr)
        return 0
    for at in new:
        print(at)
    if not update:
        print(
            f"{len(new)} address{'es' if len(new) != 1 else ''} not in {PUBLISHED_FILE} yet; "
            "`seokb published --update` adds them",
            file=sys.stderr,
        )
        return PROBLEMS
    (root / PUBLISHED_FILE).write_text(render_published([entry.address for entry in listed] + new), encoding="utf-8")
    print(f"Added {len(new)} address{'es' if len(new) != 1 else ''} to {PUBLISHED_FILE}; commit it.", file=sys.stderr)
    return 0


def add_published(root: Path, new: str) -> bool:
    """Put one address into the list at its sorted place, leaving every other line as it is; False when there is no
    list or it holds the address already."""
    path = root / PUBLISHED_FILE
    if not path.is_file():
        return False
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    addresses = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if new in addresses:
        return False
    at = next(
        (i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#") and line.strip() > new),
        len(lines),
    )
    if at == len(lines) and lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    lines.insert(at, new + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return True


if __name__ == "__main__":
    sys.exit(main())
