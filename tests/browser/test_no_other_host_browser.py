"""No page of the site makes a request to another host (issue 30, class 4): every built page of the real site is
loaded in Chromium with every request routed; one to any host but the local server is aborted and recorded. A
fixture page built with the URL check switched off shows that the crawl catches what the check would have refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Error
from support.hostile_cases import lesson
from support.project import FIXTURE_CONFIG, build_in_process, serve

from seokb.content import lesson_rules
from seokb.engine import build as events

pytestmark = pytest.mark.browser


def built_pages(site: Path) -> list[str]:
    """Every HTML file of a built site, as the address a reader opens ('lessons/faq/' for lessons/faq/index.html)."""
    pages = [path.relative_to(site).as_posix() for path in sorted(site.rglob("*.html"))]
    return [page.removesuffix("index.html") for page in pages]


def requests_elsewhere(browser, url: str, pages: list[str]) -> list[tuple[str, str]]:
    """(page, address) for every request a page made to anywhere but `url`, the local server; each was aborted."""
    context = browser.new_context()
    elsewhere: list[tuple[str, str]] = []
    opened = {"page": ""}

    def route(request_route) -> None:
        elsewhere.append((opened["page"], request_route.request.url))
        request_route.abort()

    # Only a request to anywhere but the local server comes here: the local ones go on without a round trip to Python.
    context.route(re.compile("^(?!" + re.escape(url) + ")"), route)
    tab = context.new_page()
    for page in pages:
        opened["page"] = page
        try:
            tab.goto(url + page, wait_until="load")
            # A refresh goes after the page has loaded: wait for it here, or the next page would cancel it.
            leaving = tab.evaluate("!!document.querySelector('meta[http-equiv=refresh i]')")
        except Error as error:  # the page is already on its way elsewhere (what it asked for is recorded)
            if not any(sign in str(error) for sign in ("interrupted by another navigation", "ERR_", "context was destroyed")):
                raise
            leaving = True
        if leaving:
            tab.wait_for_load_state("networkidle")
    context.close()
    return elsewhere


def test_every_page_of_the_site_requests_nothing_from_another_host(browser, served_site: str, served_site_dir: Path) -> None:
    pages = built_pages(served_site_dir)
    assert len(pages) > 100 and "lessons/what-is-a-backlink/" in pages and "glossary/backlink/" in pages
    elsewhere = requests_elsewhere(browser, served_site, pages)
    assert elsewhere == [], "\n".join(f"{page}: {address}" for page, address in elsewhere)


HOSTILE_LESSON = lesson(
    "![A chart](https://evil.example/p.png)\n\n"
    "<style>@import url(https://evil.example/x.css);</style>\n\n"
    '<video poster="https://evil.example/poster.jpg"></video>\n\n'
    '<meta http-equiv="refresh" content="0;url=https://evil.example/away">\n',
    front='raw_html: "the test of the crawl"\n',
)


def test_the_crawl_catches_a_page_the_url_check_let_through(browser, tmp_path: Path, monkeypatch) -> None:
    # As if the URL check had a hole: both doors' checks switched off, the hostile page is built.
    monkeypatch.setattr(events, "rendered_url_problems", lambda page_html, source: [])
    monkeypatch.setattr(lesson_rules, "source_url_problems", lambda markdown: [])
    root = tmp_path / "project"
    (root / "site").mkdir(parents=True)
    with serve(root / "site") as url:
        _build_hostile_site(root, url)
        elsewhere = requests_elsewhere(browser, url, built_pages(root / "site"))
    assert sorted(elsewhere) == [
        ("lessons/a-lesson/", "https://evil.example/away"),
        ("lessons/a-lesson/", "https://evil.example/p.png"),
        ("lessons/a-lesson/", "https://evil.example/poster.jpg"),
        ("lessons/a-lesson/", "https://evil.example/x.css"),
    ]


def _build_hostile_site(root: Path, url: str) -> None:
    """The fixture site with the hostile lesson, built with the server's address as its site_url (the theme fetches
    the sitemap of its site_url: the fixture's own address would be another host)."""
    for relative, text in {
        "mkdocs.yml": FIXTURE_CONFIG.replace("https://example.org/fixture/", url),
        "docs/index.md": "---\ndescription: Home.\n---\n# Home\n\nThe [lesson](lessons/a-lesson.md).\n",
        "docs/lessons/a-lesson.md": HOSTILE_LESSON,
    }.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    (root / "glossary").mkdir()
    result = build_in_process(root)
    assert result.returncode == 0, result.stderr + result.stdout
