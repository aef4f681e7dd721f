"""The site's own settings, read once from the generator's configuration and checked: a bad value is a message that
names the setting, before any page is read."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from seokb.content.files import MAINTAINED, file_problem
from seokb.content.markers import Community


class SettingsError(Exception):
    """A setting the build cannot go on with; the message names it and says what to write."""


@dataclass(frozen=True)
class AssetSetting:
    """One `extra.page_assets` entry: a stylesheet or script of docs/ that loads on the pages holding a marker."""

    markers: tuple[str, ...]
    css: str | None = None  # path under docs/
    js: str | None = None


@dataclass(frozen=True)
class Settings:
    site_name: str = ""
    site_url: str = ""  # absolute: every preview and canonical link needs it (checked by read_settings)
    site_description: str = ""
    repo_url: str = ""
    edit_uri: str = ""  # where edit links open, relative to repo_url ('edit/main/docs/')
    docs_path: str = "docs"  # the docs folder, relative to the repository root
    community: Community = Community()
    page_assets: tuple[AssetSetting, ...] = ()
    cheat_sheet_terms: tuple[str, ...] = ()  # the core terms of the printable cheat sheet, by slug, in its order

    def repo_relative_edit_uri(self, repo_path: str) -> str | None:
        """edit_uri points into docs/; a term's YAML lives beside docs/, so climb out of it ('../glossary/backlink.yml')."""
        if not self.edit_uri:
            return None
        folder, name = posixpath.split(repo_path)
        return posixpath.join(posixpath.relpath(folder or ".", self.docs_path), name)

    def edit_url(self, repo_path: str) -> str | None:
        """The absolute URL that opens `repo_path` in the repository's editor, as MkDocs builds a page's edit_url."""
        relative = self.repo_relative_edit_uri(repo_path)
        if not (self.repo_url and relative):
            return None
        return urljoin(self.repo_url.rstrip("/") + "/", urljoin(self.edit_uri or "", relative))


def read_settings(config: Mapping[str, Any], extra: Mapping[str, Any], docs_dir: Path, docs_path: str) -> Settings:
    """Settings from a MkDocs-style configuration (`config`: site_name, site_url, ...; `extra`: its `extra:` table)."""
    site_url = config.get("site_url") or ""
    if not site_url:
        raise SettingsError("site_url is not set in mkdocs.yml: link previews and canonical links need absolute URLs.")
    return Settings(
        site_name=config.get("site_name") or "",
        site_url=site_url,
        site_description=config.get("site_description") or "",
        repo_url=config.get("repo_url") or "",
        edit_uri=config.get("edit_uri") or "",
        docs_path=docs_path,
        community=_community(extra.get("community"), config.get("repo_url") or ""),
        page_assets=_page_assets(extra.get("page_assets"), docs_dir),
        cheat_sheet_terms=_slugs(extra.get("cheat_sheet_terms"), "cheat_sheet_terms"),
    )


def _slugs(value: Any, name: str) -> tuple[str, ...]:
    """A list of entry slugs; whether each entry exists is checked once the glossary is read."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SettingsError(f"seokb: extra.{name} in mkdocs.yml must be a list of entry file names, such as [backlink]")
    return tuple(value)


def _community(value: Any, repo_url: str) -> Community:
    """`extra.community`: the chat's name and invite; an empty url while there is no public invite."""
    value = value or {}
    if not isinstance(value, Mapping):
        raise SettingsError("seokb: extra.community in mkdocs.yml must be a table with `name` and `url`")
    for key in ("name", "url", "icon"):
        if key in value and value[key] is not None and not isinstance(value[key], str):
            raise SettingsError(f"seokb: extra.community.{key} in mkdocs.yml must be text")
    return Community(name=(value.get("name") or "").strip(), url=(value.get("url") or "").strip(), repo_url=repo_url)


def _page_assets(value: Any, docs_dir: Path) -> tuple[AssetSetting, ...]:
    """`extra.page_assets`: each entry's markers, and a stylesheet or script that exists in docs/."""
    assets = []
    for number, item in enumerate(value or [], start=1):
        if not isinstance(item, Mapping) or not item.get("markers") or not (item.get("css") or item.get("js")):
            raise SettingsError(f"seokb: extra.page_assets entry {number} in mkdocs.yml needs `markers` and `css` or `js`")
        for listed in (item.get("css"), item.get("js")):
            if listed and not (docs_dir / listed).is_file():
                raise SettingsError(
                    f"seokb: extra.page_assets entry {number} in mkdocs.yml names {listed}, which is not in docs/"
                )
            if listed and (problem := file_problem(docs_dir / listed, MAINTAINED)) is not None:
                raise SettingsError(
                    f"seokb: extra.page_assets entry {number} in mkdocs.yml names {listed}, which cannot be used ({problem})"
                )
        assets.append(AssetSetting(tuple(item["markers"]), css=item.get("css") or None, js=item.get("js") or None))
    return tuple(assets)
