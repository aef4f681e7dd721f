"""What `mkdocs serve` watches in the repository's own mkdocs.yml: the content and the engine, not the metadata that
`pip install -e .` writes beside the engine (a change there set off a rebuild)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from support.project import REPO


def test_serve_watches_the_engine_but_not_the_install_metadata() -> None:
    config = load_config(str(REPO / "mkdocs.yml"))
    watched = [Path(path).resolve() for path in config.watch]
    assert {path.name for path in watched} >= {"glossary", "quizzes", "seokb", "seokb_hooks.py"}
    metadata = (REPO / "hooks" / "seokb.egg-info").resolve()
    assert not any(metadata == path or path in metadata.parents for path in watched)
    assert all(path.exists() for path in watched)
