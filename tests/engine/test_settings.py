"""The site's settings: edit links that climb out of docs/ to a term's YAML, and a bad setting named in its message."""

from __future__ import annotations

from pathlib import Path

import pytest

from seokb.engine.settings import Settings, SettingsError, read_settings


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
    settings = Settings(repo_url=repo_url or "", edit_uri=edit_uri, docs_path=docs_path)
    assert settings.repo_relative_edit_uri("glossary/backlink.yml") == relative
    assert settings.edit_url("glossary/backlink.yml") == url


@pytest.mark.parametrize(
    "config, extra, message",
    [
        ({}, {}, "site_url is not set in mkdocs.yml: link previews and canonical links need absolute URLs."),
        (
            {"site_url": "https://x.org/"},
            {"community": "Discord"},
            "seokb: extra.community in mkdocs.yml must be a table with `name` and `url`",
        ),
        ({"site_url": "https://x.org/"}, {"community": {"url": 7}}, "seokb: extra.community.url in mkdocs.yml must be text"),
        (
            {"site_url": "https://x.org/"},
            {"page_assets": [{"markers": ["x"]}]},
            "seokb: extra.page_assets entry 1 in mkdocs.yml needs `markers` and `css` or `js`",
        ),
        (
            {"site_url": "https://x.org/"},
            {"page_assets": [{"markers": ["x"], "js": "assets/missing.js"}]},
            "seokb: extra.page_assets entry 1 in mkdocs.yml names assets/missing.js, which is not in docs/",
        ),
    ],
)
def test_a_bad_setting_is_named_in_its_message(tmp_path: Path, config: dict, extra: dict, message: str) -> None:
    with pytest.raises(SettingsError) as refused:
        read_settings(config, extra, tmp_path, "docs")
    assert str(refused.value) == message


def test_settings_are_read_into_their_types(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "course.js").write_text("//", encoding="utf-8")
    settings = read_settings(
        {"site_url": "https://x.org/", "site_name": "X", "repo_url": "https://github.com/o/r"},
        {
            "community": {"name": " Discord ", "url": "https://discord.gg/x"},
            "page_assets": [{"markers": ["a"], "js": "assets/course.js"}],
        },
        tmp_path,
        "docs",
    )
    assert (settings.site_name, settings.community.name, settings.community.url) == ("X", "Discord", "https://discord.gg/x")
    assert settings.community.repo_url == "https://github.com/o/r"
    assert settings.page_assets[0].markers == ("a",) and settings.page_assets[0].js == "assets/course.js"
