"""Edit links of term pages: the YAML file beside docs/, reached from MkDocs' repo_url and edit_uri."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from seokb import mkdocs_site


@pytest.mark.parametrize("repo_url, edit_uri, docs_path, relative, url", [
    ("https://github.com/o/r", "edit/main/docs/", "docs", "../glossary/backlink.yml", "https://github.com/o/r/edit/main/glossary/backlink.yml"),
    ("https://github.com/o/r/", "https://github.com/o/r/edit/main/docs/", "docs", "../glossary/backlink.yml", "https://github.com/o/r/edit/main/glossary/backlink.yml"),
    ("https://gitlab.com/o/r", "-/edit/dev/site/docs/", "site/docs", "../../glossary/backlink.yml", "https://gitlab.com/o/r/-/edit/dev/glossary/backlink.yml"),
    ("https://github.com/o/r", "edit/main/", ".", "glossary/backlink.yml", "https://github.com/o/r/edit/main/glossary/backlink.yml"),
    (None, "edit/main/docs/", "docs", "../glossary/backlink.yml", None),
    ("https://github.com/o/r", "", "docs", None, None),
])
def test_edit_links_climb_out_of_docs_to_the_entry(
    monkeypatch: pytest.MonkeyPatch, repo_url: str | None, edit_uri: str, docs_path: str, relative: str | None, url: str | None,
) -> None:
    monkeypatch.setattr(mkdocs_site, "_build", mkdocs_site.SiteBuild(root=Path("."), docs_path=docs_path))
    config = SimpleNamespace(repo_url=repo_url, edit_uri=edit_uri)
    assert mkdocs_site._repo_relative_edit_uri(config, "glossary/backlink.yml") == relative
    assert mkdocs_site._edit_url(config, "glossary/backlink.yml") == url
