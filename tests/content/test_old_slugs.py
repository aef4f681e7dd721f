"""`old_slugs`: the addresses an entry was published under before, checked at the YAML line that declares them."""

from __future__ import annotations

from pathlib import Path

from support.entry_cases import glossary_problems, problems
from support.project import entry

from seokb.content.glossary import load_glossary
from seokb.diagnostics import Diagnostics


def test_old_slugs_are_read_into_the_entry(tmp_path: Path) -> None:
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "link-profile.yml").write_text(entry("link-profile", old_slugs="[backlink-profile, link-portfolio]"))
    report = Diagnostics()
    glossary = load_glossary(tmp_path, report)
    assert not report
    term = glossary.get("link-profile")
    assert term is not None and term.old_slugs == ("backlink-profile", "link-portfolio")
    assert {old: t.slug for old, t in glossary.replaced().items()} == {
        "backlink-profile": "link-profile",
        "link-portfolio": "link-profile",
    }


def test_an_old_slug_must_be_a_slug_listed_once() -> None:
    text = entry("backlink", old_slugs="\n  - Back_Link\n  - inbound-link\n  - inbound-link")
    assert problems(text) == [
        "glossary/backlink.yml:15: old_slugs item 1: 'Back_Link' is not a slug; write the old file name without .yml, like 'backlink-profile'",
        "glossary/backlink.yml:15: old_slugs: lists the same value twice; remove the repeat",
    ]


def test_an_old_slug_is_not_the_entry_itself_a_live_entry_or_declared_twice(tmp_path: Path) -> None:
    assert glossary_problems(
        tmp_path,
        {
            "anchor-text.yml": entry("anchor-text", old_slugs="[anchor-text, link-text]"),
            "backlink.yml": entry("backlink", old_slugs="\n  - inbound-link\n  - link-text\n  - link-building"),
            "link-building.yml": entry("link-building", term="NO"),  # broken, but its file still serves the address
        },
    ) == [
        "glossary/anchor-text.yml:14: old_slugs: 'anchor-text' is this entry's own slug; list the slugs it was published under before",
        "glossary/backlink.yml:16: old_slugs: 'link-text' is already declared by glossary/anchor-text.yml:14; an old address can lead to one entry only",
        "glossary/backlink.yml:17: old_slugs: 'link-building' is a live entry (glossary/link-building.yml), whose page serves that address; an old slug is one whose file was renamed or merged into this entry",
        'glossary/link-building.yml:2: term: YAML reads NO as a true/false value, not text; put it in quotes: "NO"',
    ]


def test_related_naming_an_old_slug_is_told_the_new_one(tmp_path: Path) -> None:
    assert glossary_problems(
        tmp_path,
        {
            "anchor-text.yml": entry("anchor-text", related="[backlink-profile]"),
            "link-profile.yml": entry("link-profile", old_slugs="[backlink-profile]"),
        },
    ) == [
        "glossary/anchor-text.yml:14: related: 'backlink-profile' is an old slug of glossary/link-profile.yml; write 'link-profile'"
    ]
