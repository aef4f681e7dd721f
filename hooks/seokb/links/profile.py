"""The site's own link profile: inbound internal links per page, reported the way SEO tools report backlinks."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

import jinja2

from seokb.content.model import Glossary, Term
from seokb.content.names import name_key
from seokb.diagnostics import Diagnostic
from seokb.links.check import SiteMap, orphan_pages, resolve_target
from seokb.markup.links import Link
from seokb.site.glossary_pages import plain
from seokb.site.templates import template_environment
from seokb.site.urls import term_slug, term_src

LINK_PROFILE_PAGE = "link-profile.md"
"""The generated page, at the site root: every link it writes is a page's src_uri as it stands."""

EVERY_PAGE_SLOT = "<!-- seokb-slot: every-page -->"
"""Where the "Every page" table goes, as HTML, once the page's Markdown is rendered (see every_page_table)."""

CORE_TERMS = ("backlink", "link-building", "referring-domain", "anchor-text")
"""The terms the course is about: the chart shows the anchor texts of the links to each."""

AUTHORED = "authored"
OVER_OPTIMISED_PERCENT = 80
OVER_OPTIMISED_MIN_LINKS = 3
MOST_LINKED = 10
CHART_ANCHORS = 4  # segments per bar before the rest are summed as "other anchors"

# Okabe-Ito colours, told apart with colour blindness; each has at least 3:1 contrast (WCAG non-text) against
# both the light page (#ffffff) and the dark one (#1e2129). No text is drawn on them: labels stand beside the bars.
CHART_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
OTHER_COLOUR = "#808080"


def phrase_of(text: str) -> str:
    """The words of an anchor as compared: case-folded, whitespace collapsed ('Back  Links' -> 'back links')."""
    return " ".join(text.casefold().split())


def percent(part: int, whole: int) -> int:
    """`part` of `whole` as a whole percentage, halves rounded up (integer maths: the same figure on every machine)."""
    return (200 * part + whole) // (2 * whole) if whole else 0


@dataclass(frozen=True)
class AnchorCount:
    """One anchor text used for links to a page, and how many links use it."""

    text: str  # as most links write it; '' for a link without words (an image, an empty link)
    phrase: str  # phrase_of(text): capitals and spacing do not make two anchors
    count: int
    exact: bool  # exact-match anchor text for the page it points at


@dataclass(frozen=True)
class PageProfile:
    """The inbound internal links of one page: who links to it and with which words."""

    src_uri: str
    title: str
    inbound: tuple[Link, ...]  # links from other pages, in file and line order
    referring_pages: tuple[str, ...]  # distinct src_uris of the pages those links stand on
    anchors: tuple[AnchorCount, ...]  # most used first
    term: str | None = None  # the slug, for a glossary term page

    @property
    def links(self) -> int:
        return len(self.inbound)

    @property
    def exact_match(self) -> int:
        return sum(anchor.count for anchor in self.anchors if anchor.exact)

    @property
    def exact_match_percent(self) -> int:
        return percent(self.exact_match, self.links)

    @property
    def authored(self) -> tuple[Link, ...]:
        return tuple(link for link in self.inbound if link.origin == AUTHORED)


@dataclass(frozen=True)
class OverOptimised:
    """A page whose authored inbound links mostly repeat one phrase."""

    page: str
    anchor: str  # the phrase as most of those links write it
    links: tuple[Link, ...]  # the authored links that use it, in file and line order
    authored: int  # every authored inbound link of the page

    @property
    def percent(self) -> int:
        return percent(len(self.links), self.authored)


@dataclass(frozen=True)
class ChartSegment:
    text: str  # the anchor text; '' for links without words
    count: int
    percent: int
    colour: str
    other: bool = False  # the sum of every anchor after the first CHART_ANCHORS
    anchors: int = 1  # how many distinct anchors the segment stands for


@dataclass(frozen=True)
class ChartBar:
    """One core term's inbound anchors, as the chart draws them."""

    slug: str
    name: str
    links: int
    segments: tuple[ChartSegment, ...]


@dataclass(frozen=True)
class LinkProfile:
    """Every page's inbound internal links, the orphans, the most-linked terms and the over-optimised pages."""

    pages: tuple[PageProfile, ...]  # in src_uri order
    internal_links: int  # working links from one page to another
    authored_links: int  # those a contributor wrote (the rest are the engine's)
    orphans: tuple[str, ...]
    exempt: tuple[str, ...]  # pages the navigation always reaches, never counted as orphans
    most_linked_terms: tuple[PageProfile, ...]
    over_optimised: tuple[OverOptimised, ...]
    chart: tuple[ChartBar, ...]

    def page(self, src_uri: str) -> PageProfile | None:
        return next((page for page in self.pages if page.src_uri == src_uri), None)


def _and_join(words: list[str]) -> str:
    return " and ".join(filter(None, [", ".join(words[:-1]), *words[-1:]]))


def _anchor_counts(inbound: Iterable[Link], names: set[str]) -> tuple[AnchorCount, ...]:
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for link in inbound:
        spellings[phrase_of(link.text)][" ".join(link.text.split())] += 1
    anchors = []
    for phrase, written in spellings.items():
        # The most used spelling names the anchor; a tie goes to the first in sort order, so output is stable.
        text = min(written, key=lambda spelling: (-written[spelling], spelling))
        exact = bool(phrase) and name_key(phrase) in names
        anchors.append(AnchorCount(text, phrase, sum(written.values()), exact))
    # Most used first; among equals, links without words go last (they are the least telling).
    return tuple(sorted(anchors, key=lambda a: (-a.count, not a.phrase, a.phrase)))


def _over_optimised(page: PageProfile) -> OverOptimised | None:
    # Only a contributor's own links count here. The engine's links (first-mention links, related terms, the A-Z
    # index, the panels) always read as a term's name, so counting them would flag every term page.
    authored = page.authored
    if len(authored) < OVER_OPTIMISED_MIN_LINKS:  # one or two links cannot make a pattern
        return None
    by_phrase: dict[str, list[Link]] = defaultdict(list)
    for link in authored:
        if phrase_of(link.text):  # links without words repeat no phrase
            by_phrase[phrase_of(link.text)].append(link)
    if not by_phrase:
        return None
    phrase, links = min(by_phrase.items(), key=lambda item: (-len(item[1]), item[0]))
    if 100 * len(links) < OVER_OPTIMISED_PERCENT * len(authored):
        return None
    text = next(a.text for a in _anchor_counts(links, set()))
    return OverOptimised(page.src_uri, text, tuple(links), len(authored))


def _chart_bar(page: PageProfile | None, term: Term) -> ChartBar:
    anchors = page.anchors if page else ()
    total = sum(anchor.count for anchor in anchors)
    segments = [
        ChartSegment(anchor.text, anchor.count, percent(anchor.count, total), colour)
        for anchor, colour in zip(anchors[:CHART_ANCHORS], CHART_COLOURS)
    ]
    rest = anchors[CHART_ANCHORS:]
    if rest:
        count = sum(anchor.count for anchor in rest)
        segments.append(ChartSegment("", count, percent(count, total), OTHER_COLOUR, other=True, anchors=len(rest)))
    return ChartBar(term.slug, term.term, total, tuple(segments))


def link_profile(
    links: Iterable[Link],
    site: SiteMap,
    titles: Mapping[str, str],
    glossary: Glossary,
    exempt: Iterable[str] = ("index.md",),
    own_page: str = LINK_PROFILE_PAGE,
    other_names: Mapping[str, Iterable[str]] | None = None,
) -> LinkProfile:
    """The profile of every page in `site`, from the links of every page but `own_page` (which links them all).

    `titles` (src_uri -> title) name the pages in the tables; an anchor matching a page's title, one of its
    `other_names` (a lesson's h1 where the navigation shows a shorter title) or, on a term page, one of the term's
    names is exact-match. `exempt` pages are reached from the navigation and never orphans.
    """
    exempt = tuple(exempt)
    # Pages that could not be built (anchors None) have no page to report; their problems are reported already.
    pages = sorted(src for src, anchors in site.anchors.items() if anchors is not None)
    counted = [link for link in links if link.page != own_page]
    inbound: dict[str, list[Link]] = defaultdict(list)
    for link in counted:
        target = resolve_target(link, site)  # None for external and broken links: not internal links
        # A link to the page it stands on (a '#section' link) says nothing about how the site links the page.
        if target is not None and target != link.page:
            inbound[target].append(link)
    profiles = []
    for src in pages:
        slug = term_slug(src)
        term = glossary.get(slug) if slug else None
        title = titles.get(src) or (term.term if term else src)
        known_as = (title, *(other_names or {}).get(src, ()), *(term.names if term else ()))
        names = {name_key(name) for name in known_as} - {""}
        links_in = tuple(sorted(inbound.get(src, ()), key=lambda link: (link.path, link.line, link.page, link.text)))
        referring = tuple(sorted({link.page for link in links_in}))
        profiles.append(
            PageProfile(src, title, links_in, referring, _anchor_counts(links_in, names), term.slug if term else None)
        )
    by_uri = {page.src_uri: page for page in profiles}
    terms = [page for page in profiles if page.term and page.links]
    most_linked = sorted(terms, key=lambda page: (-len(page.referring_pages), -page.links, page.title.casefold(), page.src_uri))
    chart = tuple(_chart_bar(by_uri.get(term_src(slug)), term) for slug in CORE_TERMS if (term := glossary.get(slug)) is not None)
    return LinkProfile(
        pages=tuple(profiles),
        internal_links=sum(page.links for page in profiles),
        authored_links=sum(len(page.authored) for page in profiles),
        orphans=tuple(orphan for orphan in orphan_pages(counted, site, exempt=exempt) if orphan in by_uri),
        exempt=tuple(page for page in exempt if page in by_uri),
        most_linked_terms=tuple(most_linked[:MOST_LINKED]),
        over_optimised=tuple(found for page in profiles if (found := _over_optimised(page)) is not None),
        chart=chart,
    )


def over_optimised_warnings(profile: LinkProfile) -> list[Diagnostic]:
    """One warning per over-optimised page, at its first repeated link; the message lists where the others are."""
    warnings = []
    for found in profile.over_optimised:
        first = found.links[0]
        others = list(dict.fromkeys(f"{link.path}:{link.line}" for link in found.links[1:]))
        others = [place for place in others if place != f"{first.path}:{first.line}"]
        where = f"here and at {', '.join(others)}" if others else "all on this line"
        warnings.append(
            Diagnostic(
                first.path,
                first.line,
                (
                    f"over-optimised anchor text: {len(found.links)} of {found.authored} links written to '{found.page}' "
                    f"({found.percent}%) read '{found.anchor}', {where}; vary the wording, e.g. describe what the page explains"
                ),
                "warning",
            )
        )
    return sorted(warnings)


def orphan_warnings(profile: LinkProfile, source_paths: Mapping[str, str] | None = None) -> list[Diagnostic]:
    """Each orphan page at line 1 of the file a contributor edits (`source_paths`: src_uri -> that file)."""
    paths = source_paths or {}
    return sorted(
        Diagnostic(
            paths.get(page, page), 1, "orphan page: no other page links to it; link it from a lesson or the home page", "warning"
        )
        for page in profile.orphans
    )


def _cell(text: str) -> str:
    # A '|' would end the table cell; as an entity it is still drawn as '|'.
    return plain(text).replace("|", "&#124;")


def _anchor_cell(text: str) -> str:
    # Italics cannot come from contributor text (`plain` escapes '*'), so an empty anchor cannot be faked.
    return f"“{_cell(text)}”" if text else "*no text*"


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    # Markdown out: plain text goes through `plain` / `cell`, HTML attributes and SVG through `e`.
    environment = template_environment(
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("svg.jinja", "html.jinja"), default_for_string=False, default=False
        ),
    )
    environment.filters["plain"] = plain
    environment.filters["cell"] = _cell
    environment.filters["anchor"] = _anchor_cell
    environment.filters["href"] = lambda src_uri: quote(src_uri)
    return environment


@dataclass(frozen=True)
class _Drawn:
    """A chart segment with its place on the bar and its legend line."""

    segment: ChartSegment
    x: str
    width: str
    label: str  # the legend line, also the segment's tooltip


@dataclass(frozen=True)
class _DrawnBar:
    bar: ChartBar
    top: int
    heading: str
    segments: tuple[_Drawn, ...]


# Drawn 400 wide, the chart shrinks by at most 0.9 to fit a 390 px phone's text column: its 14 px labels stay 12 px
# or more as rendered (at 640 they were 8 px). site.css caps it at 25rem, so a desktop shows it at most 1.25 times.
CHART_WIDTH = 400
_BAR_HEIGHT = 22
_LINE = 20  # one legend line
_LEGEND_TEXT = 32  # characters of an anchor in a legend line: with its count, at most about 380 units of 14 px text
_GAP = 2  # between segments, so neighbours are told apart without relying on colour


def _segment_label(segment: ChartSegment) -> str:
    if segment.other:
        return f"other anchors ({segment.anchors} different)"
    # Cut to fit a legend line of the 400-wide chart; the table below it gives each anchor in full.
    return f"“{_short(segment.text, _LEGEND_TEXT)}”" if segment.text else "no text"


def _layout(bars: tuple[ChartBar, ...]) -> tuple[list[_DrawnBar], int]:
    drawn, top = [], 0
    for bar in bars:
        segments, before = [], 0
        for segment in bar.segments:
            start = before * CHART_WIDTH / bar.links
            before += segment.count
            end = before * CHART_WIDTH / bar.links
            width = max(end - start - (_GAP if before < bar.links else 0), 1)
            label = f"{_segment_label(segment)}: {segment.count} of {bar.links} ({segment.percent}%)"
            segments.append(_Drawn(segment, f"{start:.1f}", f"{width:.1f}", label))
        plural = "" if bar.links == 1 else "s"
        heading = f"{bar.name}: {bar.links} inbound link{plural}" if bar.links else f"{bar.name}: no inbound links yet"
        drawn.append(_DrawnBar(bar, top, heading, tuple(segments)))
        top += 18 + _BAR_HEIGHT + 8 + _LINE * len(bar.segments) + 16
    return drawn, top


def anchor_chart_svg(profile: LinkProfile) -> str:
    """The anchor texts of the core terms as one stacked bar per term, labelled beside the bars; no script."""
    bars, height = _layout(profile.chart)
    names = _and_join([bar.name for bar in profile.chart])
    return (
        _templates()
        .get_template("link-profile-chart.svg.jinja")
        .render(
            bars=bars,
            width=CHART_WIDTH,
            height=height,
            bar_height=_BAR_HEIGHT,
            line=_LINE,
            label=f"Anchor texts of the links to {names}; the table below gives the same numbers.",
        )
        .strip()
    )


def link_profile_page(profile: LinkProfile, glossary: Glossary) -> str:
    """The Markdown of link-profile.md, with the chart inline; every link is relative to the site root."""

    def term_link(slug: str, words: str) -> str:
        # Linked when the entry exists: a fixture or a new site may not have it yet.
        return f"[{plain(words)}]({quote(term_src(slug))})" if glossary.get(slug) else plain(words)

    titles = {page.src_uri: page.title for page in profile.pages}
    return (
        _templates()
        .get_template("link-profile.md.jinja")
        .render(
            profile=profile,
            titles=titles,
            term_link=term_link,
            chart=anchor_chart_svg(profile) if profile.chart else "",
            core_terms=_and_join([plain(bar.name) for bar in profile.chart]),
            threshold=OVER_OPTIMISED_PERCENT,
            min_links=OVER_OPTIMISED_MIN_LINKS,
            most_linked=MOST_LINKED,
            every_page_slot=EVERY_PAGE_SLOT,
        )
    )


@dataclass(frozen=True)
class _Row:
    page: PageProfile
    href: str


def every_page_table(profile: LinkProfile, href_of: Callable[[str], str], page_url: str) -> tuple[str, list[Link]]:
    """The "Every page" table as HTML, and its links: `href_of(src_uri)` is a page's URL relative to `page_url`.

    One row per page makes this the one part of the site that grows with the whole site, so it skips Markdown.
    """
    rows = [_Row(page, href_of(page.src_uri)) for page in profile.pages]
    links = [
        Link(LINK_PROFILE_PAGE, 1, LINK_PROFILE_PAGE, row.href, page_url=page_url, text=row.page.title, origin="link-profile")
        for row in rows
    ]
    return _templates().get_template("link-profile-pages.html.jinja").render(rows=rows), links
