"""The `seokb` command: check content without a full build, and start a new glossary entry."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

from seokb.content.characters import read_text_file
from seokb.content.diagram import load_diagrams
from seokb.content.glossary import load_glossary
from seokb.content.lesson_rules import page_problems
from seokb.content.markers import Community, expand_markers
from seokb.content.quiz import load_quizzes
from seokb.diagnostics import Diagnostic, Diagnostics
from seokb.links.offline import check_content_links
from seokb.scaffold import NewTermRefused, write_new_term
from seokb.site.glossary_pages import term_fields_html
from seokb.site.quiz_pages import quiz_field_problems
from seokb.site.safe_html import FieldRenderer
from seokb.site.urls import term_url

# Exit codes: 1 = the content has problems, or new-term refused; 2 = the command could not run (argparse's own).
PROBLEMS = 1
CANNOT_RUN = 2


def check(root: Path) -> Diagnostics:
    """Every content problem a build would report before rendering: entries, quizzes, diagrams, the markers in pages, and
    every link that needs no rendering to check."""
    report = Diagnostics()
    glossary = load_glossary(root, report)
    lessons = {path.stem for path in (root / "docs" / "lessons").glob("*.md")}
    quizzes = load_quizzes(root, report, lessons=lessons)
    diagrams = load_diagrams(root, report)
    # The build's sanitizer, run here too: what it would have to remove fails `seokb check` as it fails the build.
    fields = FieldRenderer()
    for term in glossary:
        for removed in term_fields_html(term, fields.render)[1]:
            report.add(term.path, removed.line, removed.message)
    for quiz in quizzes:
        for line, message in quiz_field_problems(quiz, fields.render):
            report.add(quiz.path, line, message)
    pages: dict[str, str] = {}
    for page in sorted((root / "docs").rglob("*.md")):
        path = page.relative_to(root).as_posix()
        text = read_text_file(page, path, report)
        if text is None:
            continue
        pages[page.relative_to(root / "docs").as_posix()] = text
        for problem in page_problems(text, raw_html_reason(text)):
            report.add(path, problem.offset + 1, problem.message)
        expand_markers(text, path, report, Community(), quizzes, lambda quiz: "", diagrams=diagrams)
    # Every link that can be resolved without rendering: an entry linking a lesson that does not exist fails here.
    check_content_links(root / "docs", pages, glossary, quizzes, report)
    return report


def raw_html_reason(text: str) -> str | None:
    """The page's `raw_html` front-matter reason, if it gives one (MkDocs reads front matter the same way)."""
    if not text.startswith("---\n") or "\n---" not in text[3:]:
        return None
    try:
        meta = yaml.safe_load(text[4 : text.index("\n---", 3)])
    except yaml.YAMLError:
        return None
    reason = meta.get("raw_html") if isinstance(meta, dict) else None
    return reason if isinstance(reason, str) and reason.strip() else None


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
    for command in (check_command, new_term_command):
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
    print(
        f"Next: fill in its empty fields (the notes in the file explain each one), then run 'seokb check' "
        f"until it says \"All content is valid.\"; 'make serve' shows the page at "
        f"http://127.0.0.1:8000/{term_url(written.slug)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
