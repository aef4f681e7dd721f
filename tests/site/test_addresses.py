"""Addresses stay inside the site and off the engine's files, refused before anything is written; and the ledger of
published addresses remembers what git's history of published-urls.txt holds (issue 30, class 6). The refusals'
exact messages for `seokb check` are in tests/support/hostile_cases.py; here the build's, and the ledger's with git."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support.project import Project, entry

from seokb.cli import check, main

BAD_REDIRECTS = """---
description: A lesson.
redirect_from:
  - ...md
  - lessons/...md
  - feed.xml.md
  - glossary.json.md
  - sitemap.xml.md
  - img/logo.png.md
  - lessons/old-name.md
---
# A lesson

Text about a backlink.
"""


def test_a_redirect_outside_the_site_or_onto_a_file_fails_before_anything_is_written(project: Project) -> None:
    project.write("glossary/backlink.yml", entry())
    project.write("docs/lessons/a.md", BAD_REDIRECTS)
    # A real PNG (a 1x1 palette image): the docs/ allow-list reads the first bytes of every image.
    (project.root / "docs/img").mkdir(parents=True, exist_ok=True)
    (project.root / "docs/img/logo.png").write_bytes(_one_pixel_png())
    built = project.build()
    assert built.returncode == 1
    errors = [line.removeprefix("ERROR   -  ") for line in built.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "docs/lessons/a.md:4: redirect_from: '...md' is the address '../', outside the site; "
        "write the page's old path in docs/, like lessons/old-name.md",
        "docs/lessons/a.md:5: redirect_from: 'lessons/...md' is the address 'lessons/../', outside the site; "
        "write the page's old path in docs/, like lessons/old-name.md",
        "docs/lessons/a.md:6: feed.xml/ is where the build writes feed.xml: a redirect there would overwrite it; "
        "list only names the page really had",
        "docs/lessons/a.md:7: glossary.json/ is where the build writes glossary.json: a redirect there would overwrite it; "
        "list only names the page really had",
        "docs/lessons/a.md:8: sitemap.xml/ is where the build writes sitemap.xml: a redirect there would overwrite it; "
        "list only names the page really had",
        "docs/lessons/a.md:9: img/logo.png/ is where the build writes img/logo.png: a redirect there would overwrite it; "
        "list only names the page really had",
        "Aborted: 6 problems in the content above; no page was written.",
    ]
    assert [str(problem) for problem in check(project.root).sorted()] == errors[:-1]  # the same engine function
    assert not (project.root / "site").exists()
    assert not (project.root / "index.html").exists()


def git(root: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments], cwd=root, check=True, capture_output=True
    )


@pytest.fixture
def ledger(project: Project) -> Project:
    """A project whose published-urls.txt lists glossary/anchor-text/, committed."""
    project.write("glossary/backlink.yml", entry(related="[anchor-text]"))
    project.write("glossary/anchor-text.yml", entry("anchor-text", related="[backlink]"))
    assert main(["published", "--update", "--root", str(project.root)]) == 0
    git(project.root, "init", "-q")
    git(project.root, "add", ".")
    git(project.root, "commit", "-qm", "two entries, published")
    return project


def delete_the_entry_and_its_line(project: Project) -> None:
    (project.root / "glossary" / "anchor-text.yml").unlink()
    project.write("glossary/backlink.yml", entry())
    listed = project.root / "published-urls.txt"
    listed.write_text(listed.read_text(encoding="utf-8").replace("glossary/anchor-text/\n", ""), encoding="utf-8")


GONE = (
    "published-urls.txt:{line}: glossary/anchor-text/ was deleted from this list, but commit {commit} published it, "
    "so links to it shared in chats would break; put the line back, and add `old_slugs: [anchor-text]` to the entry "
    "that replaced glossary/anchor-text.yml; git: glossary/anchor-text.yml is deleted in your working copy (not committed yet)"
)


def test_an_address_deleted_with_its_line_fails_while_git_remembers_it(ledger: Project) -> None:
    delete_the_entry_and_its_line(ledger)
    commit = subprocess.run(["git", "log", "-1", "--format=%h"], cwd=ledger.root, capture_output=True, text=True).stdout.strip()
    line = next(
        number
        for number, text in enumerate((ledger.root / "published-urls.txt").read_text().splitlines(), start=1)
        if text > "glossary/anchor-text/" and not text.startswith("#")
    )
    expected = GONE.format(line=line, commit=commit)
    assert [str(problem) for problem in check(ledger.root).sorted()] == [expected]
    built = ledger.build()
    assert built.returncode == 1
    assert f"ERROR   -  {expected}" in built.stderr.splitlines()


def test_an_old_slug_keeps_a_deleted_address_answering(ledger: Project) -> None:
    delete_the_entry_and_its_line(ledger)
    ledger.write("glossary/backlink.yml", entry(old_slugs="[anchor-text]"))
    problems = [str(problem) for problem in check(ledger.root).sorted()]
    # The redirect answers; the list is only told it lacks the address the redirect serves.
    assert problems == [
        "published-urls.txt:1: glossary/anchor-text/ is a new address, not in published-urls.txt yet; run "
        "`.venv/bin/seokb published --update` and commit published-urls.txt with this change"
    ]


def test_without_git_history_the_file_alone_is_the_ledger(project: Project) -> None:
    project.write("glossary/backlink.yml", entry(related="[anchor-text]"))
    project.write("glossary/anchor-text.yml", entry("anchor-text", related="[backlink]"))
    assert main(["published", "--update", "--root", str(project.root)]) == 0
    delete_the_entry_and_its_line(project)
    assert [str(problem) for problem in check(project.root).sorted()] == []


def _one_pixel_png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("P", (1, 1)).save(out, format="PNG")
    return out.getvalue()
