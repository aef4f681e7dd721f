"""Edit links for pages whose source is not in docs/: a term page's "Edit this page" opens its YAML entry."""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig


def repo_relative_edit_uri(config: MkDocsConfig, docs_path: str, repo_path: str) -> str | None:
    """edit_uri points into docs/; the YAML lives beside docs/, so climb out of it ('../glossary/backlink.yml')."""
    if not config.edit_uri:
        return None
    folder, name = posixpath.split(repo_path)
    return posixpath.join(posixpath.relpath(folder or ".", docs_path), name)


def edit_url(config: MkDocsConfig, docs_path: str, repo_path: str) -> str | None:
    """The absolute URL that opens `repo_path` in the repository's editor, as MkDocs builds a page's edit_url."""
    relative = repo_relative_edit_uri(config, docs_path, repo_path)
    if not (config.repo_url and relative):
        return None
    return urljoin(config.repo_url.rstrip("/") + "/", urljoin(config.edit_uri or "", relative))
