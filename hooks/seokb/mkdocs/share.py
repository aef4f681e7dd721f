"""Link previews for a MkDocs build: a social card per page, Open Graph tags in the static HTML, glossary.json, the feed."""

from __future__ import annotations

import html
import json
import logging
import posixpath
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from seokb.content.model import Glossary, Term
from seokb.diagnostics import Diagnostics
from seokb.site.feed import FEED_FILE, FeedEntry, atom_feed, file_dates
from seokb.site.glossary_json import SCHEMA_FILE, glossary_json
from seokb.site.share_meta import PageShare, absolute_url, inject_head, plain_description, share_tag_keys, share_tags
from seokb.site.social_card import Card, lesson_label, render_many, term_card
from seokb.site.urls import GLOSSARY_INDEX, card_uri, oembed_uri, source_path, term_slug, term_src, term_url

log = logging.getLogger("mkdocs.plugins.seokb")

CARD_SIZE = (1200, 630)


@dataclass
class SharedPage:
    """What a page says about itself in a preview, and the card that shows it."""

    title: str
    description: str
    card: Card
    card_uri: str  # where the card is published, e.g. assets/cards/glossary/backlink.png
    og_type: str


@dataclass
class Shares:
    """Every page's preview in one build; part of the build's state (events.Build)."""

    cache_dir: Path
    root: Path
    site_url: str  # mkdocs.yml's, checked to be set: every preview needs absolute URLs
    pages: dict[str, SharedPage] = field(default_factory=dict)  # page src_uri -> its preview
    card_files: dict[str, Path] = field(default_factory=dict)  # card_uri -> the cached PNG
    # repository path -> (first, last commit), read once for the sitemap (structured.set_update_dates)
    dates: dict[str, tuple[datetime, datetime]] = field(default_factory=dict)


def new_shares(config: MkDocsConfig, root: Path) -> Shares:
    if not config.site_url:
        raise PluginError("site_url is not set in mkdocs.yml: link previews and canonical links need absolute URLs.")
    # Cards are cached by content hash outside site_dir, which MkDocs empties on every build.
    return Shares(cache_dir=root / ".cache" / "seokb" / "cards", root=root, site_url=config.site_url)


def add_files(share: Shares, files: Files, config: MkDocsConfig, glossary: Glossary) -> None:
    """glossary.json, and the term cards: everything on them is known now, so pages can show them as images."""
    files.append(File.generated(config, "glossary.json", content=glossary_json(glossary, config.site_name, share.site_url)))
    # Known now, so pages may link it; its entries need every page's title and description, written in on_env.
    files.append(File.generated(config, FEED_FILE, content=""))
    schema = resources.files("seokb").joinpath("schema", SCHEMA_FILE).read_bytes()
    files.append(File.generated(config, SCHEMA_FILE, content=schema))
    cards = {card_uri(term_url(term.slug)): term_card(term, config.site_name) for term in glossary}
    _publish(share, files, config, cards)
    for term in glossary:
        uri = card_uri(term_url(term.slug))
        share.pages[term_src(term.slug)] = SharedPage(term.term, term.short, cards[uri], uri, "article")


def record_page(
    share: Shares,
    page,
    config: MkDocsConfig,
    report: Diagnostics,
    source_path: str,
    lesson_number: tuple[int, int] | None,
) -> None:
    """Every other page's preview: its heading, its front-matter description, and a label saying what it is."""
    src_uri = page.file.src_uri
    if src_uri in share.pages:
        return
    description = page.meta.get("description")
    if not isinstance(description, str) or not description.strip():
        report.add(source_path, 1, "front matter has no 'description'; link previews need one plain sentence about the page")
        description = config.site_description or ""
    heading = _heading(page) or config.site_name
    # The home page's document title says what the site is (front matter `title`); its preview says the same.
    title = (home_title(page) if page.is_homepage else None) or heading
    if lesson_number:
        label = lesson_label(*lesson_number)
    elif src_uri == GLOSSARY_INDEX:
        label = "Glossary \u00b7 A to Z"
    elif src_uri.startswith("quizzes/"):
        label = "Quizzes" if src_uri == "quizzes/index.md" else "Quiz"
    else:
        label = "Free beginner course" if page.is_homepage else "Guide"
    uri = card_uri(page.url)
    card = Card(site_name=config.site_name, title=heading, description=plain_description(description), label=label)
    share.pages[src_uri] = SharedPage(title, description, card, uri, "website" if page.is_homepage else "article")


def home_title(page) -> str | None:
    """The home page's front-matter `title`, which says what the site is; None when it gives none."""
    title = page.meta.get("title")
    return title.strip() if isinstance(title, str) and title.strip() else None


def _heading(page) -> str | None:
    """The page's own title (its h1), not the shorter one the navigation shows."""
    items = page.toc.items
    return items[0].title if items and items[0].level == 1 else page.title


EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'


def add_page_files(share: Shares, files: Files, config: MkDocsConfig) -> None:
    """Once every page is known: the other pages' cards, the feed, and every page's oEmbed answer."""
    cards = {shared.card_uri: shared.card for shared in share.pages.values() if shared.card_uri not in share.card_files}
    _publish(share, files, config, cards)
    feed = files.get_file_from_path(FEED_FILE)
    assert feed is not None  # added in on_files
    feed.content_string = _feed(share, files, config)
    folders = set()
    for src_uri, shared in share.pages.items():
        page = files.get_file_from_path(src_uri)
        if page is not None:
            files.append(File.generated(config, oembed_uri(page.url), content=_oembed(share, shared, config)))
            folders.add(posixpath.dirname(oembed_uri(page.url)))
    # mkdocs-material fetches the sitemap.xml beside every <link rel="alternate"> of a page (its language selector
    # maps pages across languages that way), the oEmbed link included: an empty one beside the answers, so that no
    # page logs a 404 in the reader's console.
    for folder in sorted(folders):
        files.append(File.generated(config, posixpath.join(folder, "sitemap.xml"), content=EMPTY_SITEMAP))


def _feed(share: Shares, files: Files, config: MkDocsConfig) -> str:
    """Terms and lessons, dated by git: what a community bot announces."""
    sources = {
        src_uri: source_path(src_uri) or f"docs/{src_uri}"
        for src_uri in share.pages
        if term_slug(src_uri) is not None or src_uri.startswith("lessons/")
    }
    wanted = list(sources.values())
    dates = share.dates if all(path in share.dates for path in wanted) else file_dates(share.root, wanted)
    entries = []
    for src_uri, source in sources.items():
        page = files.get_file_from_path(src_uri)
        if page is None:
            continue
        shared = share.pages[src_uri]
        published, updated = dates[source]
        entries.append(
            FeedEntry(
                title=shared.title,
                url=absolute_url(share.site_url, page.url),
                summary=plain_description(shared.description),
                published=published,
                updated=updated,
                category="Glossary" if term_slug(src_uri) else "Lesson",
            )
        )
    return atom_feed(entries, config.site_name, absolute_url(share.site_url, ""), absolute_url(share.site_url, FEED_FILE))


def _oembed(share: Shares, shared: SharedPage, config: MkDocsConfig) -> str:
    """oEmbed's 'link' type: a chat app that reads it names the provider above the preview."""
    return (
        json.dumps(
            {
                "version": "1.0",
                "type": "link",
                "title": shared.title,
                "provider_name": config.site_name,
                "provider_url": absolute_url(share.site_url, ""),
                "thumbnail_url": absolute_url(share.site_url, shared.card_uri),
                "thumbnail_width": CARD_SIZE[0],
                "thumbnail_height": CARD_SIZE[1],
            },
            ensure_ascii=False,
            indent=2,
        ).replace("<", "\\u003c")
        + "\n"
    )


def _publish(share: Shares, files: Files, config: MkDocsConfig, cards: dict[str, Card]) -> None:
    batch = render_many(cards.values(), share.cache_dir)
    for uri, path in zip(cards, batch.paths):
        share.card_files[uri] = path
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    if cards:
        log.debug(f"seokb: {batch.rendered} social cards drawn, {batch.reused} reused from the cache")


def add_share_tags(share: Shares, output: str, page, config: MkDocsConfig, extra: str = "") -> str:
    """The page's Open Graph and Twitter tags, its feed and oEmbed links, and `extra` (its JSON-LD), in the
    written HTML's head: one pass over the head for all of them."""
    shared = share.pages.get(page.file.src_uri)
    if shared is None:
        return inject_head(output, extra, replaces=frozenset()) if extra else output
    # The card's content hash in the image URL: chat apps cache previews by URL, so a changed card is fetched anew.
    image = absolute_url(share.site_url, shared.card_uri) + f"?v={shared.card.key[:12]}"
    tags = share_tags(
        PageShare(
            title=shared.title,
            description=shared.description,
            url=absolute_url(share.site_url, page.url),
            site_name=config.site_name,
            og_type=shared.og_type,
            image_url=image,
            image_width=CARD_SIZE[0],
            image_height=CARD_SIZE[1],
        ),
        description_tag=True,
    )
    # The feed and this page's oEmbed answer, found by the links chat apps and feed readers look for.
    feed = absolute_url(share.site_url, FEED_FILE)
    oembed = absolute_url(share.site_url, oembed_uri(page.url))
    tags += (
        f'\n<link rel="alternate" type="application/atom+xml" title="{html.escape(config.site_name)}: new and changed terms" href="{html.escape(feed)}">'
        f'\n<link rel="alternate" type="application/json+oembed" href="{html.escape(oembed)}">'
    )
    if extra:
        tags += "\n" + extra
    return inject_head(output, tags, replaces=share_tag_keys(description_tag=True))


def term_share_url(share: Shares, term: Term) -> str:
    return absolute_url(share.site_url, term_url(term.slug))
