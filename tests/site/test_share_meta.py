"""Link-preview tags: absolute URLs, plain descriptions, escaping, and exactly one of each tag in the final head."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support.golden import assert_golden

import seokb.site.share_meta as share_meta
from seokb.content.glossary import load_glossary
from seokb.diagnostics import Diagnostics
from seokb.site.share_meta import PageShare, absolute_url, plain_description, share_tags

BACKLINK = PageShare(
    title="Backlink",
    description="A link on another website that points to a page on your site.",
    url="https://seokb.github.io/seokb/glossary/backlink/",
    site_name="seokb",
    og_type="article",
    image_url="https://seokb.github.io/seokb/assets/cards/glossary/backlink.png",
    image_width=1200,
    image_height=630,
)


@pytest.mark.parametrize(
    "site_url, page_url, expected",
    [
        ("https://seokb.github.io/seokb/", "glossary/backlink/", "https://seokb.github.io/seokb/glossary/backlink/"),
        ("https://seokb.github.io/seokb", "glossary/backlink/", "https://seokb.github.io/seokb/glossary/backlink/"),
        ("https://seokb.github.io/seokb/", "/glossary/backlink/", "https://seokb.github.io/seokb/glossary/backlink/"),
        ("https://seokb.github.io/seokb", "/glossary/backlink/", "https://seokb.github.io/seokb/glossary/backlink/"),
        ("https://seokb.github.io/seokb/", "", "https://seokb.github.io/seokb/"),
        ("https://seokb.github.io/seokb", "", "https://seokb.github.io/seokb/"),
        ("https://example.org", "", "https://example.org/"),
        ("https://example.org/", "404.html", "https://example.org/404.html"),
        ("http://127.0.0.1:8000/", "glossary/a%20b/", "http://127.0.0.1:8000/glossary/a%20b/"),
        ("https://example.org/", "https://other.example/x", "https://other.example/x"),
    ],
)
def test_absolute_url(site_url: str, page_url: str, expected: str) -> None:
    assert absolute_url(site_url, page_url) == expected


@pytest.mark.parametrize(
    "site_url, message",
    [
        ("", "site_url must be an absolute http(s) URL, got ''"),
        ("seokb.github.io/seokb/", "site_url must be an absolute http(s) URL, got 'seokb.github.io/seokb/'"),
        ("/seokb/", "site_url must be an absolute http(s) URL, got '/seokb/'"),
        ("ftp://example.org/", "site_url must be an absolute http(s) URL, got 'ftp://example.org/'"),
    ],
)
def test_absolute_url_needs_an_absolute_site_url(site_url: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        absolute_url(site_url, "glossary/")
    assert str(error.value) == message


@pytest.mark.parametrize(
    "markdown, plain",
    [
        ("A link on another website.", "A link on another website."),
        ("A *link* on __another__ `site`.", "A link on another site."),
        ("See [link building](link-building.md) first.", "See link building first."),
        ("Two\nlines,   many    spaces\t here.", "Two lines, many spaces here."),
        ("First paragraph.\n\nSecond paragraph.", "First paragraph. Second paragraph."),
        ("- one\n- two", "one two"),
        ("# A heading\nText.", "A heading Text."),
        ("An image ![logo](logo.png) here.", "An image here."),
        ("Fish &amp; chips &lt;3", "Fish & chips <3"),
        ("Keep <b>tags</b> as text & ampersands.", "Keep <b>tags</b> as text & ampersands."),
        # markdown-it refuses a javascript: link and leaves it as text, which escaping then makes harmless.
        ("A [link](javascript:alert(1)) text.", "A [link](javascript:alert(1)) text."),
        ("", ""),
    ],
)
def test_plain_description(markdown: str, plain: str) -> None:
    assert plain_description(markdown) == plain


def test_a_long_description_is_cut_at_a_word_with_an_ellipsis() -> None:
    text = " ".join(f"word{n}" for n in range(100))
    shortened = plain_description(text)
    assert len(shortened) <= 200 and shortened.endswith("\u2026")
    kept = shortened[:-1]
    assert text.startswith(kept) and text[len(kept)] == " "
    assert plain_description("x" * 200) == "x" * 200


def test_share_tags_golden() -> None:
    assert_golden("share-tags.html", share_tags(BACKLINK, description_tag=True) + "\n")


def test_values_are_escaped() -> None:
    page = PageShare(**{**BACKLINK.__dict__, "title": 'Say "hi" & <b>', "description": "a <script> & 'quote'"})
    tags = share_tags(page)
    assert '<meta property="og:title" content="Say &quot;hi&quot; &amp; &lt;b&gt;">' in tags
    assert '<meta property="og:description" content="a &lt;script&gt; &amp; &#x27;quote&#x27;">' in tags
    assert "<script" not in tags and "<b>" not in tags


def test_the_description_tag_is_only_there_when_asked() -> None:
    assert 'name="description"' not in share_tags(BACKLINK)
    assert '<meta name="description" content="A link on another website that points to a page on your site.">' in share_tags(
        BACKLINK, description_tag=True
    )


def test_the_description_is_plain_and_short_in_every_tag() -> None:
    page = PageShare(**{**BACKLINK.__dict__, "description": "A **bold** claim. " * 30})
    tags = share_tags(page, description_tag=True)
    shortened = plain_description(page.description)
    assert "**" not in tags and len(shortened) <= 200
    assert tags.count(f'content="{shortened}"') == 3


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("url", "glossary/backlink/", "url must be an absolute http(s) URL, got 'glossary/backlink/'"),
        (
            "image_url",
            "../../assets/cards/backlink.png",
            "image_url must be an absolute http(s) URL, got '../../assets/cards/backlink.png'",
        ),
        ("og_type", "blog", "og_type must be one of 'article', 'website', got 'blog'"),
        ("theme_color", "indigo", "theme_color must look like '#3f51b5', got 'indigo'"),
    ],
)
def test_share_tags_refuse_bad_facts(field: str, value: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        share_tags(PageShare(**{**BACKLINK.__dict__, field: value}))
    assert str(error.value) == message


class HeadTags(HTMLParser):
    """Counts the head tags a link unfurler reads, keyed by name or property."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: Counter[str] = Counter()
        self.in_head = True

    def handle_starttag(self, tag: str, attrs) -> None:
        values = dict(attrs)
        if tag == "body":
            self.in_head = False
        if not self.in_head:
            return
        if tag == "link" and values.get("rel") == "canonical":
            self.keys["canonical"] += 1
        elif tag == "meta" and (values.get("property") or values.get("name")):
            self.keys[values.get("property") or values["name"]] += 1


def head_tags(page_html: str) -> Counter[str]:
    parser = HeadTags()
    parser.feed(page_html)
    return parser.keys


@pytest.mark.parametrize(
    "page", ["glossary/backlink/index.html", "lessons/faq/index.html", "index.html", "glossary/index.html", "quizzes/index.html"]
)
def test_the_written_page_has_exactly_one_of_each_preview_tag(real_site, page: str) -> None:
    """The templates write the engine's description and canonical link in place of the theme's (overrides/main.html):
    a chat app reading the head finds one of each."""
    keys = head_tags((real_site / page).read_text(encoding="utf-8"))
    assert set(keys.values()) == {1}, keys
    assert {"canonical", "description", "og:title", "og:image", "twitter:card", "theme-color"} <= set(keys)


def test_every_page_of_the_real_site_has_one_of_each_tag(real_site: Path) -> None:
    # Whatever the theme writes, the templates leave one canonical link and one description (404.html: no canonical).
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        keys = head_tags(path.read_text(encoding="utf-8"))
        assert set(keys.values()) <= {1}, (path, keys)


def test_plain_text_skips_the_markdown_parser_and_means_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [term.short for term in load_glossary(Path(__file__).resolve().parents[2], Diagnostics())]
    texts += [
        "1. A list",
        "- a list",
        "# a heading",
        "> a quote",
        "A *word*",
        "A_b_c",
        "x &amp; y",
        "Dashes \u2013 and -- hyphens",
    ]
    fast = {text for text in texts if share_meta._ALREADY_PLAIN.fullmatch(text.strip()) and "_" not in text}
    assert len(fast) >= 30 and "1. A list" not in fast and "A *word*" not in fast
    quick = [plain_description(text) for text in texts]
    monkeypatch.setattr(share_meta, "_ALREADY_PLAIN", re.compile(r"(?!)"))  # never matches: the parser reads all
    assert quick == [plain_description(text) for text in texts]
