"""One normalisation for names (issue 30): what the linker would link is what the name check compares, and a clash
is told on the file the pull request adds. The hostile names themselves are in tests/support/hostile_cases.py."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from support.project import entry

from seokb.cli import check
from seokb.content.glossary import load_glossary
from seokb.content.model import Glossary, Term
from seokb.content.names import STOP_WORDS, name_problems, name_words
from seokb.diagnostics import Diagnostics
from seokb.links.autolink import TermMatcher

REPO = Path(__file__).resolve().parents[2]


def term(slug: str, name: str) -> Term:
    return Term(slug, name, "Short.", "Def.\n", "Example.\n", "basics", (), path=f"glossary/{slug}.yml")


# (a name, text in a lesson the linker links to it): each pair is why two such names cannot both stand.
LINKED_ALIKE = [
    ("Backlink!", "Every backlink counts."),
    ("Backlinks", "Every backlink counts."),
    ("BACKLINK", "Every backlink counts."),
    ("back-link", "Every back link counts."),
    ("\uff22\uff41\uff43\uff4b\uff4c\uff49\uff4e\uff4b", "Every backlink counts."),  # fullwidth
    ("\U0001d401acklink", "Every backlink counts."),  # mathematical bold B
    ("Google\u2019s algorithm", "Google's algorithms change."),
    ("(Anchor) text", "Its anchor text says."),
]


@pytest.mark.parametrize(("name", "text"), LINKED_ALIKE, ids=[name for name, _ in LINKED_ALIKE])
def test_the_linker_links_exactly_the_words_the_check_compares(name: str, text: str) -> None:
    matcher = TermMatcher(Glossary((term("x", name),)))
    found = matcher.find(text)
    assert len(found) == 1
    start, end, _ = found[0]
    assert name_words(text[start:end]) == name_words(name)


def test_every_real_name_passes_and_no_stop_word_is_a_real_name() -> None:
    report = Diagnostics()
    glossary = load_glossary(REPO, report)
    assert not report.items
    for entry_ in glossary:
        for index, name in enumerate(entry_.names):
            assert name_problems(name, alias=index > 0) == [], (entry_.path, name)
            assert not set(name_words(name)) <= STOP_WORDS, (entry_.path, name)


def git(root: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments], cwd=root, check=True, capture_output=True
    )


def clash_site(root: Path) -> None:
    (root / "glossary").mkdir(parents=True)
    (root / "glossary" / "backlink.yml").write_text(entry(), encoding="utf-8")
    git(root, "init", "-q")


INTRUDER = entry("intruder", aliases='["Backlink!"]')
ON_THE_INTRUDER = (
    "glossary/intruder.yml:3: aliases: 'Backlink!' is already claimed by glossary/backlink.yml:2 ('Backlink') "
    "(both link the words 'backlink'); a name can lead to one entry only"
)
ON_THE_ENTRY = (
    "glossary/backlink.yml:2: term: 'Backlink' is also claimed by glossary/intruder.yml:3 ('Backlink!') "
    "(both link the words 'backlink'); a name can lead to one entry only"
)


def test_a_clash_is_told_on_the_file_the_last_commit_does_not_hold(tmp_path: Path) -> None:
    clash_site(tmp_path)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "the entry")
    (tmp_path / "glossary" / "intruder.yml").write_text(INTRUDER, encoding="utf-8")
    assert [str(p) for p in check(tmp_path).sorted()] == [ON_THE_INTRUDER]


def test_a_clash_in_a_project_inside_a_repository_is_told_on_the_newer_file(tmp_path: Path) -> None:
    """git's paths are the project's even when the repository starts above it (as the test fixtures' do)."""
    clash_site(tmp_path / "site")
    (tmp_path / "site" / ".git").rename(tmp_path / ".git")  # the repository starts one folder up
    site = tmp_path / "site"
    (site / "glossary" / "intruder.yml").write_text(INTRUDER, encoding="utf-8")
    git(tmp_path, "add", "site/glossary/intruder.yml")
    git(tmp_path, "commit", "-qm", "the intruder came first")
    # The intruder's name was there first: the new file is told so.
    assert [str(p) for p in check(site).sorted()] == [ON_THE_ENTRY.replace("is also claimed", "is already claimed")]


@pytest.mark.parametrize("committed", [True, False], ids=["both committed", "neither committed"])
def test_a_clash_git_cannot_date_is_told_on_both_files(tmp_path: Path, committed: bool) -> None:
    clash_site(tmp_path)
    (tmp_path / "glossary" / "intruder.yml").write_text(INTRUDER, encoding="utf-8")
    if committed:
        git(tmp_path, "add", ".")
        git(tmp_path, "commit", "-qm", "both")
    assert [str(p) for p in check(tmp_path).sorted()] == [ON_THE_ENTRY, ON_THE_INTRUDER]


def test_the_build_refuses_the_hijack_as_seokb_check_does(project) -> None:
    project.write("glossary/backlink.yml", entry())
    project.write("glossary/intruder.yml", INTRUDER)
    built = project.build()
    errors = [line.removeprefix("ERROR   -  ") for line in built.stderr.splitlines() if line.startswith("ERROR")]
    assert built.returncode == 1
    assert errors == [ON_THE_ENTRY, ON_THE_INTRUDER, "Aborted: 2 problems in the content above; no page was written."]


def test_the_issue_s_clash_a_new_link_juice_entry_is_told_on_the_new_file(tmp_path: Path) -> None:
    """Issue 35's case: the committed glossary/pagerank.yml has the alias 'link juice'; a pull request adds
    glossary/link-juice.yml. The message is on the new file, at its term line, not on PageRank's alias."""
    (tmp_path / "glossary").mkdir()
    shutil.copy(Path(__file__).resolve().parents[2] / "glossary" / "pagerank.yml", tmp_path / "glossary")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "PageRank")
    (tmp_path / "glossary" / "link-juice.yml").write_text(entry("link-juice"), encoding="utf-8")
    clashes = [str(p) for p in check(tmp_path).sorted() if "claimed" in p.message]
    assert clashes == [
        "glossary/link-juice.yml:2: term: 'Link juice' is already claimed by glossary/pagerank.yml:4 ('link juice'); "
        "a name can lead to one entry only"
    ]
