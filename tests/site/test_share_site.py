"""Every page of the real site unfurls well: static Open Graph tags, a 1200x630 card, glossary.json for bots."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

from seokb.content.glossary import load_glossary
from seokb.diagnostics import Diagnostics

REPO = Path(__file__).resolve().parents[2]
SITE_URL = "https://seokb.github.io/seokb/"


class HeadTags(HTMLParser):
    """Every <meta> and <link rel=canonical> of a page, as (key, value) pairs in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.tags.append((a.get("property") or a.get("name"), a.get("content") or ""))
        elif tag == "link" and a.get("rel") == "canonical":
            self.tags.append(("canonical", a.get("href") or ""))


def head_tags(html: str) -> dict[str, list[str]]:
    parser = HeadTags()
    parser.feed(html)
    found: dict[str, list[str]] = {}
    for key, value in parser.tags:
        found.setdefault(key, []).append(value)
    return found


def content_pages(real_site: Path) -> list[Path]:
    pages = [p for p in real_site.rglob("index.html") if "assets" not in p.parts]
    assert len(pages) > 50
    return sorted(pages)


def test_every_page_has_complete_static_share_tags(real_site: Path) -> None:
    problems: list[str] = []
    for path in content_pages(real_site):
        where = path.relative_to(real_site).as_posix()
        tags = head_tags(path.read_text(encoding="utf-8"))
        for key in (
            "og:title",
            "og:description",
            "og:url",
            "og:site_name",
            "og:type",
            "og:image",
            "og:image:width",
            "og:image:height",
            "twitter:card",
            "theme-color",
            "canonical",
            "description",
        ):
            if len(tags.get(key, [])) != 1:
                problems.append(f"{where}: {len(tags.get(key, []))} × {key}")
        if problems:
            continue
        page_url = SITE_URL + where.removesuffix("index.html")
        if tags["og:url"][0] != page_url or tags["canonical"][0] != page_url:
            problems.append(f"{where}: og:url/canonical {tags['og:url'][0]} is not {page_url}")
        description = tags["og:description"][0]
        if not 20 <= len(description) <= 200 or any(mark in description for mark in ("**", "](", "`", "<")):
            problems.append(f"{where}: description of {len(description)} characters, or with Markdown: {description!r}")
        image = urlsplit(tags["og:image"][0])
        if image.scheme != "https" or not tags["og:image"][0].startswith(SITE_URL):
            problems.append(f"{where}: og:image is not an absolute https URL of the site")
        card = real_site / image.path.removeprefix(urlsplit(SITE_URL).path)
        if not card.is_file():
            problems.append(f"{where}: no card file at {card}")
        elif Image.open(card).size != (1200, 630) or (tags["og:image:width"][0], tags["og:image:height"][0]) != ("1200", "630"):
            problems.append(f"{where}: the card is not 1200x630")
        if tags["twitter:card"][0] != "summary_large_image" or tags["theme-color"][0] != "#3f51b5":
            problems.append(f"{where}: twitter:card or theme-color is wrong")
        if tags["og:type"][0] != ("website" if where == "index.html" else "article"):
            problems.append(f"{where}: og:type {tags['og:type'][0]}")
    assert problems == []


def test_a_term_unfurls_with_its_short_definition(real_site: Path) -> None:
    tags = head_tags((real_site / "glossary/anchor-text/index.html").read_text(encoding="utf-8"))
    assert tags["og:title"] == ["Anchor text"]
    assert tags["og:description"] == ["The visible, clickable words of a link, which hint at what the linked page is about."]


def test_a_lesson_unfurls_with_its_heading_and_description(real_site: Path) -> None:
    tags = head_tags((real_site / "lessons/what-is-a-backlink/index.html").read_text(encoding="utf-8"))
    assert tags["og:title"] == ["What is a backlink?"]
    assert tags["og:description"][0].startswith("Learn what a backlink is")


def test_glossary_json_lists_every_term_with_its_absolute_url(real_site: Path) -> None:
    document = json.loads((real_site / "glossary.json").read_text(encoding="utf-8"))
    glossary = load_glossary(REPO, Diagnostics())
    assert [t["slug"] for t in document["terms"]] == sorted(t.slug for t in glossary)
    backlink = next(t for t in document["terms"] if t["slug"] == "backlink")
    assert backlink["url"] == SITE_URL + "glossary/backlink/"
    assert "inbound link" in backlink["aliases"] and "link-building" in backlink["related"]


def test_the_community_page_shows_a_real_card(real_site: Path) -> None:
    html = (real_site / "community" / "index.html").read_text(encoding="utf-8")
    assert 'src="../assets/cards/glossary/backlink.png"' in html
    assert (real_site / "assets/cards/glossary/backlink.png").is_file()


@pytest.mark.browser
def test_copy_link_puts_the_term_url_on_the_clipboard(browser, served_site: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served_site + "glossary/anchor-text/")
    page.get_by_role("button", name="Copy link").click()
    page.get_by_role("status").filter(has_text="Link copied.").wait_for()
    # The served build's site_url is the test server's address: the button copies the page's canonical URL.
    assert page.evaluate("navigator.clipboard.readText()") == served_site + "glossary/anchor-text/"
    context.close()


def test_cards_in_the_site_are_the_cached_cards(real_site: Path) -> None:
    card = (real_site / "assets/cards/glossary/backlink.png").read_bytes()
    cache = REPO / ".cache" / "seokb" / "cards"
    assert any(cached.read_bytes() == card for cached in cache.glob("*.png"))
