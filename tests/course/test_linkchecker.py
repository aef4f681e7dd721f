"""The built site's links, checked from the outside. LinkChecker crawls it served on 127.0.0.1 and fetches every page
and file it links to; a reading of each built page checks every #fragment against the ids of the page it names.

LinkChecker's own AnchorCheck plugin would check fragments too, but it fetches and parses a page again for every
distinct fragment linking to it: 778 on the real site, most of them heading permalinks. That was 19 of its 23 s of
CPU (December 2026), so fragments are checked here instead, each page read once."""

from __future__ import annotations

import html.parser
import posixpath
import urllib.parse
from pathlib import Path

from support.linkcheck import linkchecker
from support.project import serve


class _Page(html.parser.HTMLParser):
    """A page's anchors (any element's id, an <a>'s name, as browsers and LinkChecker take them) and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if value := values.get(name):
                self.anchors.add(value)
        if tag in ("a", "area", "link") and (href := values.get("href")) and "#" in href:
            self.links.append((self.getpos()[0], href))


def built_file(page: str, path: str) -> str:
    """The file, relative to the site, that a link with this path leads to from `page` (also relative to the site):
    a folder's address is its index.html."""
    if not path:
        return page
    joined = posixpath.join(posixpath.dirname(page), path)
    if path.endswith("/") or not posixpath.splitext(path)[1]:
        joined = posixpath.join(joined, "index.html")
    return posixpath.normpath(joined)


def broken_fragments(site: Path) -> tuple[int, list[str]]:
    """How many links from the pages of `site` name a fragment of one of its pages, and those whose page has no
    element for it, as 'page:line: href'. Links to other hosts, and bare '#', are not fragments of this site."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = page
    checked, broken = 0, []
    for name, page in pages.items():
        for line, href in page.links:
            address = urllib.parse.urlsplit(href)
            if address.scheme or address.netloc or not address.fragment:
                continue
            target = built_file(name, address.path)
            fragment = urllib.parse.unquote(address.fragment)
            if target in pages:
                checked += 1
                if fragment not in pages[target].anchors:
                    broken.append(f"{name}:{line}: {href}")
    return checked, broken


def test_the_built_site_has_no_broken_link(served_site: str) -> None:
    links, warnings, errors, report = linkchecker(served_site)
    assert links > 300  # it crawled the whole site, not one page
    assert (warnings, errors) == (0, 0), report


def test_no_link_of_the_built_site_names_a_missing_fragment(real_site: Path) -> None:
    checked, broken = broken_fragments(real_site)
    assert checked > 1000  # every page's table of contents and permalinks, and the links between pages
    assert broken == []


def test_linkchecker_catches_a_missing_page(tmp_path: Path) -> None:
    # Proof that the crawl checks pages: a tiny site with one good link and one to a page that is not there.
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<html><body><a href="a/">good</a> <a href="b/">missing</a></body></html>')
    (tmp_path / "a" / "index.html").write_text("<html><body><h2>Here</h2></body></html>")
    with serve(tmp_path) as url:
        _, warnings, errors, report = linkchecker(url)
    assert warnings + errors == 1, report
    assert "b/" in report


def test_a_missing_fragment_is_caught_on_this_page_and_another(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<html><body><h2 id="top">Top</h2>\n<a href="a/#here">good</a> <a href="a/#gone">bad</a>\n'
        '<a href="#top">good</a> <a href="#bottom">bad</a> <a href="a/index.html#here">good</a>\n'
        '<a href="https://example.org/#x">elsewhere</a> <a href="#">bare</a></body></html>'
    )
    (tmp_path / "a" / "index.html").write_text(
        '<html><body><h2 id="here">Here</h2><a name="old">x</a><a href="../#top">good</a> <a href="#old">good</a></body></html>'
    )
    assert broken_fragments(tmp_path) == (7, ["index.html:2: a/#gone", "index.html:3: #bottom"])
