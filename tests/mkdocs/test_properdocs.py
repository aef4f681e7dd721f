"""ProperDocs, the maintained continuation of MkDocs 1.6, builds the same sites with the same hooks, unchanged.

ProperDocs stands in for MkDocs by aliasing the `mkdocs` module to itself, so it runs in a process of its own here;
each fixture site is built by both and the outputs compared file by file. The one expected difference is the
generator tag each writes into every page.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.project import REPO, Project, entry, mkdocs_env

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
QUIZ = """\
# yaml-language-server: $schema=../hooks/seokb/schema/quiz.schema.json
title: Pick the backlink
description: One question on what a backlink is.
lesson: first
intro: One question about the first lesson.
questions:
  - type: single
    prompt: Which of these is a backlink?
    options:
      - text: A link on another site to yours.
        correct: true
        explain: That is what the [first lesson](../lessons/first.md) calls a backlink.
      - text: A link from one of your pages to another.
        correct: false
        explain: That is an internal link.
"""


def _build(engine: str, root: Path, site: str = "site") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--site-dir", site],
        cwd=root,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def _problems(output: str) -> list[str]:
    """The problem lines of a build's log, without the name of the tool that printed the closing verdict."""
    return [line for line in output.splitlines() if line.startswith(("ERROR", "WARNING"))]


def _differences(one: Path, other: Path) -> list[str]:
    files = {path.relative_to(one) for path in one.rglob("*") if path.is_file()}
    others = {path.relative_to(other) for path in other.rglob("*") if path.is_file()}
    different = sorted(str(path) for path in files ^ others)
    for path in sorted(files & others):
        if GENERATOR.sub(b"", (one / path).read_bytes()) != GENERATOR.sub(b"", (other / path).read_bytes()):
            different.append(str(path))
    return different


@pytest.fixture
def course(project: Project) -> Project:
    """Terms, two lessons, a quiz embedded in a lesson, the community marker: every kind of page the engine writes."""
    project.write("glossary/backlink.yml", entry("backlink", aliases="[inbound link]", related="[anchor-text]"))
    project.write("glossary/anchor-text.yml", entry("anchor-text"))
    project.write("quizzes/pick-the-backlink.yml", QUIZ)
    project.write(
        "docs/lessons/first.md",
        (
            "---\ndescription: The first lesson.\n---\n# First lesson\n\nA backlink is a link; anchor text is its words.\n\n"
            "<!-- seokb:quiz pick-the-backlink -->\n\nNext: [the second lesson](second.md).\n"
        ),
    )
    project.write(
        "docs/lessons/second.md", "---\ndescription: The second lesson.\n---\n# Second lesson\n\n<!-- seokb:community -->\n"
    )
    home = (project.root / "docs/index.md").read_text()
    project.write("docs/index.md", home + "\nStart with [the first lesson](lessons/first.md).\n")
    return project


def test_a_fixture_course_builds_the_same_with_both(course: Project) -> None:
    mkdocs, properdocs = _build("mkdocs", course.root, "site-mkdocs"), _build("properdocs", course.root, "site-properdocs")
    assert mkdocs.returncode == 0, mkdocs.stderr
    assert properdocs.returncode == 0, properdocs.stderr
    built = course.root / "site-properdocs"
    assert b"ProperDocs" in (built / "index.html").read_bytes()  # it was ProperDocs that built it
    assert (built / "quizzes" / "pick-the-backlink" / "index.html").is_file()
    assert _differences(course.root / "site-mkdocs", built) == []


def test_problems_are_reported_the_same_with_both(course: Project) -> None:
    # An error in an entry, a broken link in a lesson, and a warning (an orphan page) that strict mode turns into a
    # failure: under ProperDocs the hooks log through its own logger, and the warning must still be counted.
    course.write("glossary/anchor-text.yml", entry("anchor-text", category="basic"))
    course.write("docs/lessons/second.md", "---\ndescription: The second lesson.\n---\n# Second\n\nSee [this](gone.md).\n")
    course.write("docs/lost.md", "---\ndescription: A page nothing links to.\n---\n# Lost\n")
    mkdocs, properdocs = _build("mkdocs", course.root), _build("properdocs", course.root)
    assert mkdocs.returncode == properdocs.returncode == 1
    expected = _problems(mkdocs.stderr)
    assert "ERROR   -  glossary/anchor-text.yml:10: category: unknown category 'basic' (did you mean 'basics'?)" in expected
    assert "ERROR   -  Aborted: 2 problems in the content above; no page was written." in expected
    assert _problems(properdocs.stderr) == [line.replace("MkDocs", "ProperDocs") for line in expected]
    assert not list((course.root / "site").rglob("*.html"))


def test_strict_mode_counts_warnings_under_properdocs(course: Project) -> None:
    course.write("docs/lost.md", "---\ndescription: A page nothing links to.\n---\n# Lost\n")
    result = _build("properdocs", course.root)
    assert result.returncode == 1
    assert _problems(result.stderr) == [
        "WARNING -  docs/lost.md:1: orphan page: no other page links to it; link it from a lesson or the home page",
        "ERROR   -  Aborted with 1 warning in strict mode; nothing was written.",
    ]


def test_the_real_site_builds_the_same_with_both(real_site: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=REPO,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    # The feed's dates come from git and the clock at build time: equal when built from the same commit.
    assert [path for path in _differences(real_site, tmp_path / "site") if path != "feed.xml"] == []
