"""Link previews: a social card per page, Open Graph tags in the written HTML, glossary.json, the feed, oEmbed answers."""

from __future__ import annotations

import html
import json
import logging
import posixpath
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path

from seokb.content.model import Glossary, Term
from seokb.diagnostics import Diagnostics
from seokb.engine.pages import SiteFile, SitePage
from seokb.engine.settings import Settings
from seokb.site.feed import FEED_FILE, FeedEntry, atom_feed, file_dates
from seokb.site.glossary_json import SCHEMA_FILE, glossary_json
from seokb.site.share_meta import PageShare, absolute_url, plain_description, share_tags
from seokb.site.social_card import Card, lesson_label, render_many, term_card
from seokb.site.urls import (
    GLOSSARY_INDEX,
    QUIZ_INDEX,
    card_uri,
    is_lesson,
    is_quiz_page,
    oembed_uri,
    source_path,
    term_slug,
    term_src,
    term_url,
)

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
    """Every page's preview in one build; part of the build's state (engine.Engine)."""

    cache_dir: Path
    root: Path
    settings: Settings
    pages: dict[str, SharedPage] = field(default_factory=dict)  # page src_uri -> its preview
    card_files: dict[str, Path] = field(default_factory=dict)  # card_uri -> the cached PNG
    # repository path -> (first, last commit), read once for the sitemap (structured.set_update_dates)
    dates: dict[str, tuple[datetime, datetime]] = field(default_factory=dict)


def new_shares(settings: Settings, root: Path) -> Shares:
    # Cards are cached by content hash outside the site folder, which the generator empties on every build.
    return Shares(cache_dir=root / ".cache" / "seokb" / "cards", root=root, settings=settings)


def term_files(share: Shares, glossary: Glossary) -> list[SiteFile]:
    """glossary.json, and the term cards: everything on them is known now, so pages can show them as images."""
    settings = share.settings
    files = [SiteFile("glossary.json", content=glossary_json(glossary, settings.site_name, settings.site_url))]
    # Known now, so pages may link it; its entries need every page's title and description, written at the end.
    files.append(SiteFile(FEED_FILE, content=""))
    files.append(SiteFile(SCHEMA_FILE, content=resources.files("seokb").joinpath("schema", SCHEMA_FILE).read_bytes()))
    cards = {card_uri(term_url(term.slug)): term_card(term, settings.site_name) for term in glossary}
    files += _publish(share, cards)
    for term in glossary:
        uri = card_uri(term_url(term.slug))
        share.pages[term_src(term.slug)] = SharedPage(term.term, term.short, cards[uri], uri, "article")
    return files


def record_page(share: Shares, page: SitePage, report: Diagnostics, lesson_number: tuple[int, int] | None) -> None:
    """Every other page's preview: its heading, its front-matter description, and a label saying what it is."""
    src_uri = page.src_uri
    if src_uri in share.pages:
        return
    settings = share.settings
    description = page.meta.get("description")
    if not isinstance(description, str) or not description.strip():
        report.add(page.path, 1, "front matter has no 'description'; link previews need one plain sentence about the page")
        description = settings.site_description
    heading = (page.heading or page.title) or settings.site_name
    # The home page's document title says what the site is (front matter `title`); its preview says the same.
    title = (home_title(page) if page.is_home else None) or heading
    if lesson_number:
        label = lesson_label(*lesson_number)
    elif src_uri == GLOSSARY_INDEX:
        label = "Glossary \u00b7 A to Z"
    elif is_quiz_page(src_uri):
        label = "Quizzes" if src_uri == QUIZ_INDEX else "Quiz"
    else:
        label = "Free beginner course" if page.is_home else "Guide"
    uri = card_uri(page.url)
    card = Card(site_name=settings.site_name, title=heading, description=plain_description(description), label=label)
    share.pages[src_uri] = SharedPage(title, description, card, uri, "website" if page.is_home else "article")


def home_title(page: SitePage) -> str | None:
    """The home page's front-matter `title`, which says what the site is; None when it gives none."""
    title = page.meta.get("title")
    return title.strip() if isinstance(title, str) and title.strip() else None


EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'


def page_files(share: Shares, page_urls: dict[str, str]) -> list[SiteFile]:
    """Once every page is known: the other pages' cards, the feed (its content replaces the placeholder), and every
    page's oEmbed answer."""
    cards = {shared.card_uri: shared.card for shared in share.pages.values() if shared.card_uri not in share.card_files}
    files = _publish(share, cards)
    files.append(SiteFile(FEED_FILE, content=_feed(share, page_urls)))
    folders = set()
    for src_uri, shared in share.pages.items():
        url = page_urls.get(src_uri)
        if url is not None:
            files.append(SiteFile(oembed_uri(url), content=_oembed(share, shared)))
            folders.add(posixpath.dirname(oembed_uri(url)))
    # mkdocs-material fetches the sitemap.xml beside every <link rel="alternate"> of a page (its language selector
    # maps pages across languages that way), the oEmbed link included: an empty one beside the answers, so that no
    # page logs a 404 in the reader's console.
    for folder in sorted(folders):
        files.append(SiteFile(posixpath.join(folder, "sitemap.xml"), content=EMPTY_SITEMAP))
    return files


def _feed(share: Shares, page_urls: dict[str, str]) -> str:
    """Terms and lessons, dated by git: what a community bot announces."""
    sources = {
        src_uri: source_path(src_uri) or f"docs/{src_uri}"
        for src_uri in share.pages
        if term_slug(src_uri) is not None or is_lesson(src_uri)
    }
    wanted = list(sources.values())
    dates = share.dates if all(path in share.dates for path in wanted) else file_dates(share.root, wanted)
    entries = []
    site_url = share.settings.site_url
    for src_uri, source in sources.items():
        url = page_urls.get(src_uri)
        if url is None:
            continue
        shared = share.pages[src_uri]
        published, updated = dates[source]
        entries.append(
            FeedEntry(
                title=shared.title,
                url=absolute_url(site_url, url),
                summary=plain_description(shared.description),
                published=published,
                updated=updated,
                category="Glossary" if term_slug(src_uri) else "Lesson",
            )
        )
    return atom_feed(entries, share.settings.site_name, absolute_url(site_url, ""), absolute_url(site_url, FEED_FILE))


def _oembed(share: Shares, shared: SharedPage) -> str:
    """oEmbed's 'link' type: a chat app that reads it names the provider above the preview."""
    return (
        json.dumps(
            {
                "version": "1.0",
                "type": "link",
                "title": shared.title,
                "provider_name": share.settings.site_name,
                "provider_url": absolute_url(share.settings.site_url, ""),
                "thumbnail_url": absolute_url(share.settings.site_url, shared.card_uri),
                "thumbnail_width": CARD_SIZE[0],
                "thumbnail_height": CARD_SIZE[1],
            },
            ensure_ascii=False,
            indent=2,
        ).replace("<", "\\u003c")
        + "\n"
    )


def _publish(share: Shares, cards: dict[str, Card]) -> list[SiteFile]:
    batch = render_many(cards.values(), share.cache_dir)
    files = []
    for uri, path in zip(cards, batch.paths):
        share.card_files[uri] = path
        files.append(SiteFile(uri, source=path))
    if cards:
        log.debug(f"seokb: {batch.rendered} social cards drawn, {batch.reused} reused from the cache")
    return files


def share_head(share: Shares, src_uri: str, url: str) -> str:
    """The page's preview tags for its <head> (the templates write them, overrides/main.html): its description and
    canonical link, Open Graph and Twitter tags, and its feed and oEmbed links."""
    shared = share.pages.get(src_uri)
    if shared is None:
        return ""
    site_url, site_name = share.settings.site_url, share.settings.site_name
    # The card's content hash in the image URL: chat apps cache previews by URL, so a changed card is fetched anew.
    image = absolute_url(site_url, shared.card_uri) + f"?v={shared.card.key[:12]}"
    tags = share_tags(
        PageShare(
            title=shared.title,
            description=shared.description,
            url=absolute_url(site_url, url),
            site_name=site_name,
            og_type=shared.og_type,
            image_url=image,
            image_width=CARD_SIZE[0],
            image_height=CARD_SIZE[1],
        ),
        description_tag=True,
    )
    # The feed and this page's oEmbed answer, found by the links chat apps and feed readers look for.
    feed = absolute_url(site_url, FEED_FILE)
    oembed = absolute_url(site_url, oembed_uri(url))
    tags += (
        f'\n<link rel="alternate" type="application/atom+xml" title="{html.escape(site_name)}: new and changed terms" href="{html.escape(feed)}">'
        f'\n<link rel="alternate" type="application/json+oembed" href="{html.escape(oembed)}">'
    )
    return tags


def term_share_url(share: Shares, term: Term) -> str:
    return absolute_url(share.settings.site_url, term_url(term.slug))
