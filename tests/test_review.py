"""`seokb summary`: a pull request's changes named by the addresses they publish, for the preview comment."""

from __future__ import annotations

import subprocess
from pathlib import Path

from support.project import Project, entry

from seokb.cli import main
from seokb.review import Changed, address_of, parse_name_status, summary


def test_git_s_name_status_is_read_with_renames_as_a_removal_and_an_addition() -> None:
    text = "A\tglossary/new.yml\nM\tdocs/lessons/faq.md\nD\tquizzes/old.yml\nR087\tglossary/niche.yml\tglossary/niche-site.yml\n"
    assert parse_name_status(text) == [
        Changed("added", "glossary/new.yml"),
        Changed("changed", "docs/lessons/faq.md"),
        Changed("removed", "quizzes/old.yml"),
        Changed("removed", "glossary/niche.yml"),
        Changed("added", "glossary/niche-site.yml"),
    ]


def test_each_content_file_is_named_by_its_address() -> None:
    assert [
        address_of(path)
        for path in ("glossary/niche.yml", "docs/index.md", "docs/lessons/faq.md", "quizzes/a.yml", "hooks/x.py", "docs/a.png")
    ] == ["glossary/niche/", "./", "lessons/faq/", "quizzes/a/", None, None]


def test_the_summary_lists_addresses_terms_with_their_short_definition_and_cards(tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary/link-juice.yml").write_text(
        entry("link-juice", short='"A nickname for the value a link passes on: see [here](https://x.example) @all."'),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    (site / "assets/cards/glossary").mkdir(parents=True)
    (site / "assets/cards/glossary/link-juice.png").write_bytes(b"png")
    changes = [
        Changed("added", "glossary/link-juice.yml"),
        Changed("changed", "docs/lessons/faq.md"),
        Changed("removed", "glossary/niche.yml"),
        Changed("changed", "hooks/seokb/cli.py"),
    ]
    assert summary(tmp_path, changes, site) == (
        "## What this pull request changes on the site\n\n"
        "**Added (1)**\n- `glossary/link-juice/` (glossary/link-juice.yml)\n\n"
        "**Changed (1)**\n- `lessons/faq/` (docs/lessons/faq.md)\n\n"
        "**Removed (1)**\n- `glossary/niche/` (glossary/niche.yml)\n\n"
        "### New or changed terms\n\n"
        # The contributor's text is shown as text: its link, mention and Markdown do nothing in the comment.
        "- **`glossary/link-juice/`**: A nickname for the value a link passes on: see \\[here\\]\\(https://x.example\\) "
        "\\@all.  \n  Link-preview card: `assets/cards/glossary/link-juice.png` in the site download\n\n"
        "1 other file changed (engine, styles, tests or settings): any page may look different.\n"
    )


def test_seokb_summary_reads_git_from_the_base(project: Project, capsys) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    project.write("glossary/backlink.yml", entry("backlink"))
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=project.root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project.root, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=project.root, check=True)
    subprocess.run([*git, "checkout", "-qb", "pr"], cwd=project.root, check=True)
    project.write("glossary/anchor-text.yml", entry("anchor-text"))
    subprocess.run([*git, "add", "-A"], cwd=project.root, check=True)
    subprocess.run([*git, "commit", "-qm", "a term"], cwd=project.root, check=True)
    assert main(["summary", "--base", "main", "--root", str(project.root)]) == 0
    assert "**Added (1)**\n- `glossary/anchor-text/` (glossary/anchor-text.yml)" in capsys.readouterr().out
