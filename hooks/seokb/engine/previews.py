"""Link previews: a social card per page, Open Graph tags in the written HTML, glossary.json, the feed, oEmbed answers."""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path

from seokb.content.model import CATEGORIES, Glossary, Term
from seokb.content.quiz import Quiz
from seokb.diagnostics import Diagnostic, Diagnostics
from seokb.engine.pages import SiteFile, SitePage
from seokb.engine.settings import Settings
from seokb.site import discord_embed
from seokb.site.discord_embed import Link, Payload
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
    preview_image_address,
    source_path,
    term_slug,
    term_src,
    term_url,
)

log = logging.getLogger("mkdocs.plugins.seokb")

CARD_SIZE = (1200, 630)
# mkdocs-material fetches the sitemap.xml beside every <link rel="alternate"> in the reader's document (its language
# selector maps pages that way): oembed/glossary/sitemap.xml for a term's oEmbed link, which no site has. The link is
# for crawlers, which run no script. In a reader's browser this drops it where it stands, before the theme's bundle
# (at the end of the body) looks; and instant navigation, which copies the next page's new head elements into the
# head with document.head.appendChild and then looks for alternates at once, in the same task, copies every element
# but that link (an observer of the head would run too late). tests/browser/test_discord_browser.py walks every kind
# of page by instant navigation and fails on any request for a sitemap.xml under oembed/.
OEMBED_LINK_DROP = (
    "<script>document.currentScript.previousElementSibling.remove();"
    "(function(head,append){head.appendChild=function(node){"
    'return node.nodeName==="LINK"&&node.type==="application/json+oembed"?node:append.call(head,node)}})'
    "(document.head,document.head.appendChild)</script>"
)


@dataclass
class SharedPage:
    """What a page says about itself in a preview, and the card that shows it."""

    title: str
    description: str
    card: Card
    card_uri: str  # where the card is published, e.g. assets/cards/glossary/backlink.png
    og_type: str
    embed: Payload | None = None  # the Discord component embed, for the pages that have one
    image_alt: str = ""  # what the card shows, where the default (title and site name) would not say it


# What a page's Discord embed says besides its card: given the card's address, the payload.
EmbedFor = Callable[[str], Payload]


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
        shared = SharedPage(term.term, term.short, cards[uri], uri, "article")
        shared.embed = term_embed(share, term, glossary, image_url(share, shared))
        share.pages[term_src(term.slug)] = shared
    return files


def term_embed(share: Shares, term: Term, glossary: Glossary, image: str) -> Payload:
    """A term's Discord embed: the same name, short definition, example, category and related terms as its page."""
    site_url = share.settings.site_url
    related = [
        Link(other.term, absolute_url(site_url, term_url(other.slug)))
        for other in (glossary.get(slug) for slug in term.related)
        if other is not None
    ]
    return discord_embed.term_embed(
        name=term.term,
        short=plain_description(term.short, limit=1000),
        example=plain_description(term.example, limit=1000),
        category=CATEGORIES[term.category],
        related=related,
        url=absolute_url(site_url, term_url(term.slug)),
        image_url=image,
        site_name=share.settings.site_name,
    )


def quiz_limits(quiz: Quiz) -> list[Diagnostic]:
    """The quiz page's preview title and description (its `title` and `description`) where Discord would trim them."""
    return discord_embed.limit_warnings(
        quiz.path,
        (quiz.title, quiz.lines.get(("title",), 1), "title"),
        (plain_description(quiz.description), quiz.lines.get(("description",), 1), "description"),
    )


def term_limits(term: Term) -> list[Diagnostic]:
    """The term's preview title and description longer than Discord shows them: warnings at the entry's lines."""
    return discord_embed.limit_warnings(
        term.path,
        (term.term, term.line(("term",)), "term"),
        (plain_description(term.short), term.line(("short",)), "short"),
    )


def record_page(
    share: Shares,
    page: SitePage,
    report: Diagnostics,
    lesson_number: tuple[int, int] | None,
    source: str = "",
    embed_for: EmbedFor | None = None,
) -> None:
    """Every other page's preview: its heading, its front-matter description, and a label saying what it is; its
    Discord embed (`embed_for`), and warnings where Discord would trim its title or description (`source`: the
    page's text as written, where the lines are looked up)."""
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
    shared = SharedPage(title, description, card, uri, "website" if page.is_home else "article")
    if page.is_home:  # its title already names the site: the alt text says what the card shows instead
        shared.image_alt = f"{label}: {heading}"
    if embed_for is not None:
        shared.embed = embed_for(image_url(share, shared))
    share.pages[src_uri] = shared
    if not page.generated:  # an entry's or a quiz's own fields were checked where they are written (term_limits)
        report.extend(page_limits(page, title, description, source))


def page_limits(page: SitePage, title: str, description: str, source: str) -> list[Diagnostic]:
    """A page's preview title and description longer than Discord shows them: warnings at the front matter's or the
    heading's line in `source`, the page as written."""
    title_field = "title" if page.is_home and home_title(page) else "heading"
    title_line = _front_matter_line(source, "title") if title_field == "title" else _heading_line(source)
    return discord_embed.limit_warnings(
        page.path,
        (title, title_line, title_field),
        (plain_description(description), _front_matter_line(source, "description"), "description"),
    )


def _front_matter_line(source: str, key: str) -> int:
    """The line of a front-matter key in a page's text; 1 when it has none."""
    match = re.search(rf"^{re.escape(key)}\s*:", source, re.MULTILINE)
    return source.count("\n", 0, match.start()) + 1 if match else 1


def _heading_line(source: str) -> int:
    match = re.search(r"^# ", source, re.MULTILINE)
    return source.count("\n", 0, match.start()) + 1 if match else 1


def image_url(share: Shares, shared: SharedPage) -> str:
    """The one address of a page's card in every preview: og:image, twitter:image, oEmbed's thumbnail_url and the
    Discord embed's thumbnail (site/urls.py preview_image_address says how it changes with the card)."""
    return absolute_url(share.settings.site_url, preview_image_address(shared.card_uri, shared.card.key))


def home_title(page: SitePage) -> str | None:
    """The home page's front-matter `title`, which says what the site is; None when it gives none."""
    title = page.meta.get("title")
    return title.strip() if isinstance(title, str) and title.strip() else None


def page_files(share: Shares, page_urls: dict[str, str]) -> list[SiteFile]:
    """Once every page is known: the other pages' cards, the feed (its content replaces the placeholder), and every
    page's oEmbed answer."""
    cards = {shared.card_uri: shared.card for shared in share.pages.values() if shared.card_uri not in share.card_files}
    files = _publish(share, cards)
    files.append(SiteFile(FEED_FILE, content=_feed(share, page_urls)))
    for src_uri, shared in share.pages.items():
        url = page_urls.get(src_uri)
        if url is not None:
            files.append(SiteFile(oembed_uri(url), content=_oembed(share, shared)))
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
                "thumbnail_url": image_url(share, shared),
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
    image = image_url(share, shared)
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
            image_alt=shared.image_alt,
        ),
        description_tag=True,
    )
    # The feed and this page's oEmbed answer, found by the links chat apps and feed readers look for.
    feed = absolute_url(site_url, FEED_FILE)
    oembed = absolute_url(site_url, oembed_uri(url))
    tags += (
        f'\n<link rel="alternate" type="application/atom+xml" title="{html.escape(site_name)}: new and changed terms" href="{html.escape(feed)}">'
        f'\n<link rel="alternate" type="application/json+oembed" href="{html.escape(oembed)}">'
        f"\n{OEMBED_LINK_DROP}"
    )
    if shared.embed is not None:
        tags += "\n" + discord_embed.script_element(shared.embed)
    return tags


def term_share_url(share: Shares, term: Term) -> str:
    return absolute_url(share.settings.site_url, term_url(term.slug))
