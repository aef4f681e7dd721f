"""`seokb summary`: a pull request's changes named by the addresses they publish, for the preview comment."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
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


GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]


def commit_all(root: Path, message: str) -> None:
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-qm", message], cwd=root, check=True)


def test_seokb_summary_reads_git_from_the_base(project: Project, capsys) -> None:
    project.write("glossary/backlink.yml", entry("backlink"))
    subprocess.run([*GIT, "init", "-q", "-b", "main"], cwd=project.root, check=True)
    commit_all(project.root, "base")
    subprocess.run([*GIT, "checkout", "-qb", "pr"], cwd=project.root, check=True)
    project.write("glossary/anchor-text.yml", entry("anchor-text"))
    commit_all(project.root, "a term")
    assert main(["summary", "--base", "main", "--root", str(project.root)]) == 0
    assert "**Added (1)**\n- `glossary/anchor-text/` (glossary/anchor-text.yml)" in capsys.readouterr().out


def test_seokb_summary_copies_the_new_and_changed_terms_cards_for_the_preview_comment(project: Project, capsys) -> None:
    for slug in ("backlink", "nofollow", "link-juice"):
        project.write(f"glossary/{slug}.yml", entry(slug))
    subprocess.run([*GIT, "init", "-q", "-b", "main"], cwd=project.root, check=True)
    commit_all(project.root, "base")
    subprocess.run([*GIT, "checkout", "-qb", "pr"], cwd=project.root, check=True)
    project.write("glossary/anchor-text.yml", entry("anchor-text"))
    project.write("glossary/backlink.yml", entry("backlink", short='"A link from another site."'))
    (project.root / "glossary/nofollow.yml").unlink()
    project.write("docs/lessons/faq.md", "# FAQ\n")
    commit_all(project.root, "two terms and a lesson")
    site = project.root / "site"
    for slug in ("anchor-text", "backlink", "nofollow", "link-juice"):  # nofollow's is an old build's leftover
        (site / "assets/cards/glossary").mkdir(parents=True, exist_ok=True)
        (site / f"assets/cards/glossary/{slug}.png").write_bytes(f"card of {slug}".encode())
    (site / "assets/cards/lessons").mkdir(parents=True)
    (site / "assets/cards/lessons/faq.png").write_bytes(b"card of a lesson")
    cards = project.root / "change-summary" / "cards"

    assert main(["summary", "--base", "main", "--site", str(site), "--cards", str(cards), "--root", str(project.root)]) == 0
    assert "Link-preview card: `assets/cards/glossary/anchor-text.png` in the site download" in capsys.readouterr().out
    assert {path.name: path.read_bytes() for path in cards.iterdir()} == {
        "anchor-text.png": b"card of anchor-text",
        "backlink.png": b"card of backlink",
    }


def test_seokb_summary_copies_cards_only_from_a_site(project: Project, capsys) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["summary", "--base", "main", "--cards", "cards", "--root", str(project.root)])
    assert exit.value.code == 2
    assert "--cards copies the cards of the built site: give it with --site" in capsys.readouterr().err
