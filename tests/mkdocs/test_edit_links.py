"""Edit links of term pages: the YAML file beside docs/, reached from MkDocs' repo_url and edit_uri."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from seokb.mkdocs.edit import edit_url, repo_relative_edit_uri


@pytest.mark.parametrize(
    "repo_url, edit_uri, docs_path, relative, url",
    [
        (
            "https://github.com/o/r",
            "edit/main/docs/",
            "docs",
            "../glossary/backlink.yml",
            "https://github.com/o/r/edit/main/glossary/backlink.yml",
        ),
        (
            "https://github.com/o/r/",
            "https://github.com/o/r/edit/main/docs/",
            "docs",
            "../glossary/backlink.yml",
            "https://github.com/o/r/edit/main/glossary/backlink.yml",
        ),
        (
            "https://gitlab.com/o/r",
            "-/edit/dev/site/docs/",
            "site/docs",
            "../../glossary/backlink.yml",
            "https://gitlab.com/o/r/-/edit/dev/glossary/backlink.yml",
        ),
        (
            "https://github.com/o/r",
            "edit/main/",
            ".",
            "glossary/backlink.yml",
            "https://github.com/o/r/edit/main/glossary/backlink.yml",
        ),
        (None, "edit/main/docs/", "docs", "../glossary/backlink.yml", None),
        ("https://github.com/o/r", "", "docs", None, None),
    ],
)
def test_edit_links_climb_out_of_docs_to_the_entry(
    repo_url: str | None,
    edit_uri: str,
    docs_path: str,
    relative: str | None,
    url: str | None,
) -> None:
    config = SimpleNamespace(repo_url=repo_url, edit_uri=edit_uri)
    assert repo_relative_edit_uri(config, docs_path, "glossary/backlink.yml") == relative
    assert edit_url(config, docs_path, "glossary/backlink.yml") == url
