"""`seokb rename` and `seokb merge`: every place that named the old slug is fixed in the text as written (comments and
layout kept), each change printed as path:line, and the project passes `seokb check` and the strict build after it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from support.project import Project, build_in_process, entry, problem_lines

from seokb.cli import check, main

REPOSITORY = Path(__file__).resolve().parents[1]


def seokb(project: Project, *arguments: str) -> int:
    return main([*arguments, "--root", str(project.root)])


def three_entries(project: Project) -> None:
    """backlink-profile (with a comment and an alias), and two entries that relate to it; a lesson linking to it."""
    project.write(
        "glossary/backlink-profile.yml",
        entry("backlink-profile", term="Backlink profile", aliases="\n  - link profile  # what tools call it")
        + "# kept: a contributor's note\n",
    )
    project.write("glossary/backlink.yml", entry("backlink", related="\n  - backlink-profile\n  - anchor-text"))
    project.write("glossary/anchor-text.yml", entry("anchor-text", related="[backlink, backlink-profile]"))
    project.write(
        "docs/lessons/start.md",
        "---\ndescription: A lesson.\n---\n# Start\n\nRead [the profile](../glossary/backlink-profile.md#example) and "
        "[it again](../glossary/backlink-profile.md), not [this one](../glossary/backlink.md).\n",
    )
    assert seokb(project, "published", "--update") == 0


def test_rename_prints_each_change_at_its_line_and_leaves_the_project_valid(project: Project, capsys) -> None:
    three_entries(project)
    capsys.readouterr()
    assert seokb(project, "rename", "backlink-profile", "link-profile") == 0
    assert capsys.readouterr().out.splitlines() == [
        "glossary/link-profile.yml:1: renamed from glossary/backlink-profile.yml",
        "glossary/link-profile.yml:18: old_slugs: added 'backlink-profile', so glossary/backlink-profile/ leads to the new page",
        "glossary/anchor-text.yml:14: related: 'backlink-profile' -> 'link-profile'",
        "glossary/backlink.yml:15: related: 'backlink-profile' -> 'link-profile'",
        "docs/lessons/start.md:6: link to backlink-profile.md now leads to link-profile.md",
        "published-urls.txt:18: added glossary/link-profile/",
    ]
    assert not (project.root / "glossary/backlink-profile.yml").exists()
    renamed = (project.root / "glossary/link-profile.yml").read_text(encoding="utf-8")
    assert "  - link profile  # what tools call it\n" in renamed and "# kept: a contributor's note\n" in renamed
    assert renamed.endswith("old_slugs:\n  - backlink-profile\n")
    assert "related: [backlink, link-profile]\n" in (project.root / "glossary/anchor-text.yml").read_text()
    lesson = (project.root / "docs/lessons/start.md").read_text(encoding="utf-8")
    assert "(../glossary/link-profile.md#example)" in lesson and "(../glossary/link-profile.md)," in lesson
    assert "(../glossary/backlink.md)" in lesson
    assert [str(problem) for problem in check(project.root).sorted()] == []
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr


def test_dry_run_prints_the_same_changes_and_writes_nothing(project: Project, capsys) -> None:
    three_entries(project)
    before = {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file()}
    capsys.readouterr()
    assert seokb(project, "rename", "backlink-profile", "link-profile", "--dry-run") == 0
    printed = capsys.readouterr()
    assert len(printed.out.splitlines()) == 6
    assert "--dry-run: 6 changes shown, none written." in printed.err
    assert {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file()} == before


def test_merge_folds_the_name_aliases_and_slug_into_the_entry_that_stays(project: Project, capsys) -> None:
    three_entries(project)
    capsys.readouterr()
    assert seokb(project, "merge", "backlink-profile", "backlink") == 0
    assert capsys.readouterr().out.splitlines() == [
        "glossary/backlink-profile.yml:1: removed: merged into glossary/backlink.yml",
        "glossary/backlink.yml:4: aliases: added 'Backlink profile', 'link profile'",
        "glossary/anchor-text.yml:14: related: removed 'backlink-profile'",
        "glossary/backlink.yml:18: related: removed 'backlink-profile' ('backlink-profile' is now this entry)",
        "docs/lessons/start.md:6: link to backlink-profile.md now leads to backlink.md",
        "glossary/backlink.yml:20: old_slugs: added 'backlink-profile', so glossary/backlink-profile/ leads here",
    ]
    merged = (project.root / "glossary/backlink.yml").read_text(encoding="utf-8")
    assert "aliases:\n  - Backlink profile\n  - link profile\n" in merged
    assert merged.endswith("related:\n  - anchor-text\nold_slugs:\n  - backlink-profile\n")
    assert "related: [backlink]\n" in (project.root / "glossary/anchor-text.yml").read_text()
    assert [str(problem) for problem in check(project.root).sorted()] == []
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr


REFUSALS = [
    (
        ["rename", "backlink-profile", "Link Profile"],
        "seokb rename: 'Link Profile' is not a slug: use lowercase letters, digits and single hyphens, like "
        "'niche-site' (the file name without .yml); nothing was changed",
    ),
    (
        ["rename", "backlink-profile", "index"],
        "seokb rename: 'index' cannot be an entry: glossary/index.md is the engine's A-Z index; nothing was changed",
    ),
    (
        ["rename", "backlink-profile", "backlink"],
        "seokb rename: glossary/backlink.yml exists already; to fold glossary/backlink-profile.yml into it, run "
        "`seokb merge backlink-profile backlink`; nothing was changed",
    ),
    (
        ["rename", "link-profile", "profile"],
        "seokb rename: there is no entry glossary/link-profile.yml; give the slug, the file name without .yml, like "
        "'niche'; nothing was changed",
    ),
    (
        ["rename", "backlink", "old-profile"],
        "seokb rename: 'old-profile' is an old slug of glossary/anchor-text.yml: its address already leads there; "
        "choose another slug; nothing was changed",
    ),
    (
        ["merge", "backlink", "backlink"],
        "seokb merge: 'backlink' and 'backlink' are the same entry; nothing was changed",
    ),
    (
        ["merge", "backlink-profile", "backlink"],
        "seokb merge: glossary/backlink-profile.yml has changes no commit holds, and merging removes the file; "
        "commit them (or undo them with `git restore glossary/backlink-profile.yml`) and run the command again; "
        "nothing was changed",
    ),
]


@pytest.mark.parametrize(("arguments", "message"), REFUSALS, ids=[" ".join(a) for a, _ in REFUSALS])
def test_refusals_say_why_and_change_nothing(project: Project, capsys, arguments: list[str], message: str) -> None:
    three_entries(project)
    anchor = project.root / "glossary/anchor-text.yml"
    anchor.write_text(anchor.read_text() + "old_slugs: [old-profile]\n", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=project.root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project.root, check=True)
    subprocess.run([*git, "commit", "-qm", "start"], cwd=project.root, check=True)
    profile = project.root / "glossary/backlink-profile.yml"
    profile.write_text(profile.read_text() + "# an edit not committed yet\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file() and ".git" not in p.parts}
    capsys.readouterr()
    assert seokb(project, *arguments) == 1
    printed = capsys.readouterr()
    assert (printed.out, printed.err.splitlines()) == ("", [message])
    assert {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file() and ".git" not in p.parts} == before


def test_renaming_a_real_entry_needs_no_further_edit(tmp_path: Path, capsys) -> None:
    """The issue's own case on a copy of this repository: niche becomes niche-site; then `seokb check` and the strict
    build pass as they are."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "mkdocs.yml", "docs", "glossary", "quizzes",
         "diagrams", "hooks", "published-urls.txt"],
        cwd=REPOSITORY, capture_output=True, text=True, check=True,
    ).stdout.splitlines()  # fmt: skip
    copy = tmp_path / "seokb"
    for name in listed:
        if (REPOSITORY / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPOSITORY / name, copy / name)
    assert main(["rename", "niche", "niche-site", "--root", str(copy)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[:2] == [
        "glossary/niche-site.yml:1: renamed from glossary/niche.yml",
        f"glossary/niche-site.yml:{len((copy / 'glossary/niche-site.yml').read_text().splitlines())}: old_slugs: "
        "added 'niche', so glossary/niche/ leads to the new page",
    ]
    assert sum("related: 'niche' -> 'niche-site'" in line for line in printed) == 5
    assert [str(problem) for problem in check(copy).sorted()] == []
    result = build_in_process(copy, "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert problem_lines(result.stderr) == []
    assert "url=../niche-site/" in (tmp_path / "site/glossary/niche/index.html").read_text(encoding="utf-8")
