"""The repository's published-urls.txt: exactly the addresses the real site serves, kept as the command writes it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from seokb.cli import main
from seokb.diagnostics import Diagnostics
from seokb.site.published import DATA_FILES, read_published, render_published
from seokb.site.urls import PUBLISHED_FILE, address

REPO = Path(__file__).resolve().parents[2]
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def listed() -> list[str]:
    report = Diagnostics()
    entries = read_published((REPO / PUBLISHED_FILE).read_text(encoding="utf-8"), report)
    assert not report, [str(d) for d in report.sorted()]
    return [entry.address for entry in entries]


def served_by(site: Path) -> set[str]:
    """Every page the build wrote (a folder's index.html; 404.html is no address to share), and the data files."""
    pages = {address(path.relative_to(site).as_posix()) for path in site.rglob("index.html")}
    return pages | {name for name in DATA_FILES if (site / name).is_file()}


def test_the_committed_list_is_what_the_real_site_publishes(real_site: Path) -> None:
    published = set(listed())
    served = served_by(real_site)
    assert sorted(served - published) == [], (
        f"new addresses: run `.venv/bin/seokb published --update` and commit {PUBLISHED_FILE}"
    )
    assert sorted(published - served) == []  # the build itself fails first; this says it for the test run too
    assert len(published) > 100 and {"./", "glossary/anchor-text/", "lessons/faq/", "glossary.json", "feed.xml"} <= published


def test_the_list_is_sorted_with_its_header_as_the_command_writes_it() -> None:
    text = (REPO / PUBLISHED_FILE).read_text(encoding="utf-8")
    assert text == render_published(listed())
    assert "old_slugs" in text and "redirect_from" in text and "seokb published --update" in text


def test_the_command_agrees_with_the_build_without_building(capsys) -> None:
    assert main(["published", "--root", str(REPO)]) == 0
    assert capsys.readouterr().err == f"{PUBLISHED_FILE} lists every address the site serves ({len(listed())}).\n"


def test_every_redirect_of_the_real_site_leads_to_a_page(real_site: Path) -> None:
    for page in real_site.rglob("index.html"):
        found = REFRESH.search(page.read_text(encoding="utf-8"))
        if found is None:
            continue
        old = address(page.relative_to(real_site).as_posix())
        target = urljoin(f"https://site.invalid/{old}", found.group(1)).removeprefix("https://site.invalid/")
        assert (real_site / target / "index.html").is_file(), f"{old} leads to {target}, which is no page"
