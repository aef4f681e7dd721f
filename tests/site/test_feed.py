"""feed.xml for community bots: newest first, every value escaped, dated by git (or the file when git has none)."""

from __future__ import annotations

import json
import os
import subprocess
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from seokb.site.feed import FEED_SIZE, FeedEntry, atom_feed, file_dates

ATOM = "{http://www.w3.org/2005/Atom}"


def entry(n: int, title: str = "Backlink", changed: bool = False) -> FeedEntry:
    published = datetime(2026, 1, n, tzinfo=UTC)
    updated = datetime(2026, 2, n, tzinfo=UTC) if changed else published
    return FeedEntry(title, f"https://x.org/glossary/t{n}/", "A short line.", published, updated, "Glossary")


def test_the_feed_is_atom_with_the_newest_first_and_says_added_or_updated() -> None:
    feed = ET.fromstring(
        atom_feed([entry(1), entry(2, changed=True), entry(3)], "seokb", "https://x.org/", "https://x.org/feed.xml")
    )
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text for e in entries] == [
        "https://x.org/glossary/t2/",
        "https://x.org/glossary/t3/",
        "https://x.org/glossary/t1/",
    ]
    assert entries[0].find(f"{ATOM}summary").text == "Updated: A short line."
    assert entries[1].find(f"{ATOM}summary").text == "Added: A short line."
    assert feed.find(f"{ATOM}updated").text == "2026-02-02T00:00:00+00:00"


def test_the_feed_keeps_the_newest_entries_only_and_escapes_every_value() -> None:
    hostile = 'Zz </title><script>alert(1)</script> & "q"'
    text = atom_feed([entry(n % 28 + 1, hostile) for n in range(50)], hostile, "https://x.org/", "https://x.org/feed.xml")
    feed = ET.fromstring(text)  # parses: nothing broke out of the XML
    assert len(feed.findall(f"{ATOM}entry")) == FEED_SIZE
    assert feed.find(f"{ATOM}entry/{ATOM}title").text == hostile
    assert "<script>" not in text


def git(root: Path, *args: str, when: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@x.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@x.org",
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_dates_come_from_the_first_and_last_commit_of_each_file(tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    git(tmp_path, "init", "-q", when="2026-01-01T00:00:00+00:00")
    (tmp_path / "glossary/a.yml").write_text("one\n")
    git(tmp_path, "add", ".", when="2026-01-01T00:00:00+00:00")
    git(tmp_path, "commit", "-qm", "add a", when="2026-01-01T00:00:00+00:00")
    (tmp_path / "glossary/a.yml").write_text("two\n")
    (tmp_path / "glossary/b.yml").write_text("new\n")
    git(tmp_path, "add", ".", when="2026-03-01T00:00:00+00:00")
    git(tmp_path, "commit", "-qm", "change a, add b", when="2026-03-01T00:00:00+00:00")
    (tmp_path / "glossary/c.yml").write_text("not committed\n")
    dates = file_dates(tmp_path, ["glossary/a.yml", "glossary/b.yml", "glossary/c.yml"])
    assert [d.isoformat() for d in dates["glossary/a.yml"]] == ["2026-01-01T00:00:00+00:00", "2026-03-01T00:00:00+00:00"]
    assert dates["glossary/b.yml"][0] == dates["glossary/b.yml"][1] == datetime(2026, 3, 1, tzinfo=UTC)
    assert dates["glossary/c.yml"][0].year >= 2026  # no history: the file's own time


def test_without_git_every_file_has_its_own_time(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/x.md").write_text("x\n")
    os.utime(tmp_path / "docs/x.md", (1767225600, 1767225600))
    assert file_dates(tmp_path, ["docs/x.md"])["docs/x.md"] == (datetime(2026, 1, 1, tzinfo=UTC),) * 2


def test_the_real_site_publishes_the_feed_and_an_oembed_answer_per_page(real_site: Path) -> None:
    feed = ET.fromstring((real_site / "feed.xml").read_text(encoding="utf-8"))
    categories = {e.find(f"{ATOM}category").get("term") for e in feed.findall(f"{ATOM}entry")}
    assert len(feed.findall(f"{ATOM}entry")) == FEED_SIZE and categories <= {"Glossary", "Lesson"}
    oembed = json.loads((real_site / "oembed/glossary/backlink.json").read_text(encoding="utf-8"))
    assert oembed["type"] == "link" and oembed["provider_name"] == "seokb" and oembed["title"] == "Backlink"
    page = (real_site / "glossary/backlink/index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in page and 'href="https://seokb.github.io/seokb/feed.xml"' in page
    assert 'type="application/json+oembed" href="https://seokb.github.io/seokb/oembed/glossary/backlink.json"' in page


def test_every_page_links_an_oembed_answer_that_exists(real_site: Path) -> None:
    import re

    for page in real_site.rglob("*.html"):
        found = re.search(
            r'type="application/json\+oembed" href="https://seokb\.github\.io/seokb/([^"]+)"', page.read_text(encoding="utf-8")
        )
        if page.name == "404.html":
            continue
        assert found, page
        assert (real_site / found.group(1)).is_file(), f"{page}: {found.group(1)}"  # the home page's was 'oembed/..json'
