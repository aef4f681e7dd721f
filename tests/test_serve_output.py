"""A `mkdocs serve` rebuild writes into an emptied folder; the output before it is deleted once it is written."""

from __future__ import annotations

import stat
from pathlib import Path

from seokb.serve_output import ServeOutput


def _site(root: Path, name: str = "mkdocs_abc") -> Path:
    site = root / name
    (site / "glossary" / "backlink").mkdir(parents=True)
    (site / "glossary" / "backlink" / "index.html").write_text("<h1>Backlink</h1>", encoding="utf-8")
    (site / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    site.chmod(0o700)
    return site


def test_a_rebuild_starts_from_an_empty_folder_and_the_old_output_goes_after_it(tmp_path: Path) -> None:
    site = _site(tmp_path)
    output = ServeOutput()
    output.serving(str(site))
    output.before_build(str(site))
    assert site.is_dir() and list(site.iterdir()) == []
    assert stat.S_IMODE(site.stat().st_mode) == 0o700  # as private as the folder MkDocs made
    aside = [p for p in tmp_path.iterdir() if p != site]
    assert [p.name.startswith("mkdocs_abc.previous-") for p in aside] == [True]
    assert (aside[0] / "mkdocs_abc" / "glossary" / "backlink" / "index.html").read_text(encoding="utf-8") == "<h1>Backlink</h1>"

    (site / "index.html").write_text("<h1>Home, rebuilt</h1>", encoding="utf-8")  # the build writes
    output.discard_previous()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs_abc"]
    assert (site / "index.html").read_text(encoding="utf-8") == "<h1>Home, rebuilt</h1>"


def test_a_failed_build_or_the_next_build_still_removes_what_was_moved_aside(tmp_path: Path) -> None:
    site = _site(tmp_path)
    output = ServeOutput()
    output.serving(str(site))
    output.before_build(str(site))
    (site / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    output.before_build(str(site))  # no post-build in between, as when a build fails
    assert len([p for p in tmp_path.iterdir() if p != site]) == 1
    output.discard_previous()
    output.discard_previous()  # again, at shutdown: nothing left to do
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs_abc"]


def test_other_folders_and_empty_ones_are_left_to_mkdocs(tmp_path: Path) -> None:
    served, built = _site(tmp_path), _site(tmp_path, "site")
    (built / ".git").mkdir()  # MkDocs' own cleaning keeps hidden files: a `mkdocs build` folder is not ours to move
    output = ServeOutput()
    output.before_build(str(served))  # not serving yet: the first build of `mkdocs serve`, or `mkdocs build`
    output.serving(str(served))
    output.before_build(str(built))
    assert (served / "index.html").exists() and (built / "index.html").exists() and (built / ".git").is_dir()
    empty = tmp_path / "empty"
    empty.mkdir()
    output.serving(str(empty))
    output.before_build(str(empty))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "mkdocs_abc", "site"]
