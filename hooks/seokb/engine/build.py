"""One build of the site: its state and the order of its steps, with no generator in it.

A generator's door (seokb/mkdocs/ for MkDocs and ProperDocs) hands the engine plain values and writes back what it
returns; `seokb check` (cli.py) runs the same engine without rendering. The steps, in order:

1. start: load the content (entries, quizzes, diagrams, lesson titles, published-urls.txt) and report its problems;
2. generated_files: the pages and files the engine adds (term and quiz pages, the A-Z index, previews' data files);
3. per page, as the generator renders it: read_source, page_markdown (the page's rules, markers, links and
   redirects: the checks both doors run), page_html (the page's own contributed content, its preview);
4. finish, once every page is rendered: link the terms, turn mentions into backlinks, check every link and
   anchor, the link profile, the redirects, then every address in published-urls.txt;
5. share_files and update_dates: the previews' files and each page's date, once the build is known to be good;
6. per page as its template renders: page_extras (its content with the late HTML, breadcrumb, title, and for its
   <head> the CSS it uses, its preview tags and JSON-LD; the list of its scripts);
7. once the theme has written its search index: search_index, each glossary entry's names added to it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from seokb.content.characters import decode, read_text_file
from seokb.content.diagram import Diagrams, load_diagrams
from seokb.content.files import PAGE, read_quietly
from seokb.content.glossary import load_glossary
from seokb.content.lesson_rules import page_body, page_problems, rendered_page_problems
from seokb.content.markers import expand_markers
from seokb.content.model import Glossary, Term
from seokb.content.page_urls import rendered_url_problems
from seokb.content.quiz import Quiz, Quizzes, load_quizzes
from seokb.diagnostics import Diagnostics
from seokb.engine import previews, structure
from seokb.engine.pages import Finished, Section, SiteFile, SitePage
from seokb.engine.settings import Settings
from seokb.links.autolink import Mention, TermMatcher
from seokb.links.backlinks import PageRef, invert, orphan_term_warnings, terms_used
from seokb.links.check import SiteMap, check_links, site_map
from seokb.links.offline import check_content_links, generated_page_links, site_addresses
from seokb.links.profile import (
    EVERY_PAGE_SLOT,
    LINK_PROFILE_PAGE,
    every_page_table,
    link_profile,
    link_profile_page,
    orphan_warnings,
    over_optimised_warnings,
)
from seokb.links.terms import PageToLink, link_pages
from seokb.markup.links import Link, markdown_links, page_anchors
from seokb.site import discord_embed, page_assets, search_names
from seokb.site.diagram_svg import DIAGRAM_SLOT, SVG_SLOT, diagram_figure, diagram_svg, fill_diagram_slots
from seokb.site.engine_pages import engine_pages, pages_at_engine_addresses
from seokb.site.glossary_pages import (
    BACKLINKS_SLOT,
    DISCORD_SHARE_SLOT,
    FIELD_SLOTS,
    LESSON_TERMS_SLOT,
    discord_share_html,
    index_page,
    lesson_terms_html,
    mentioned_in_html,
    term_controls_html,
    term_fields_html,
    term_page,
)
from seokb.site.lesson_pages import lesson_meta_html
from seokb.site.page_assets import PageAsset, css_classes
from seokb.site.published import (
    DATA_FILES,
    NewPage,
    Published,
    check_published,
    committed_addresses,
    git_history,
    read_published_file,
    unlisted,
    unreadable_addresses,
)
from seokb.site.quiz_pages import (
    LIST_SLOT,
    QUIZ_SLOT,
    fill_slots,
    list_page,
    page_is_named_for,
    quiz_field_problems,
    quiz_page,
    rewrite_links,
)
from seokb.site.quiz_render import LessonLink, render_quiz, render_quiz_list
from seokb.site.redirects import REDIRECT_FROM, Redirect, page_redirects, redirect_page, settle, term_redirects
from seokb.site.review_pages import (
    DECK_SLOT,
    DUE_MARKER,
    REVIEW_DUE_SLOT,
    TRANSFER_SLOT,
    Card,
    cheat_sheet_page,
    core_terms,
    deck_html,
    due_line,
    fill_due_markers,
    read_cheat_sheet,
    review_cards,
    review_page,
    term_card_count,
    transfer_html,
)
from seokb.site.safe_html import FieldRenderer
from seokb.site.share_meta import absolute_url, plain_description
from seokb.site.urls import (
    CHEAT_SHEET_PAGE,
    CHECKLIST_LESSON,
    GLOSSARY_INDEX,
    PUBLISHED_FILE,
    QUIZ_INDEX,
    REVIEW_PAGE,
    address,
    is_lesson,
    is_quiz_page,
    lesson_src,
    lesson_url,
    page_url,
    quiz_id_of,
    quiz_src,
    redirect_file,
    relative_url,
    term_slug,
    term_src,
    term_url,
)

log = previews.log
REVIEW_MARKERS = (DUE_MARKER, "data-seokb-review", "data-seokb-quiz")
ASSET_DIR = "assets/seokb"
# The engine's styles and scripts, each added only to the pages that use it (site/page_assets.py): a stylesheet to
# the pages holding one of the classes it styles, a script to the pages holding one of its markers.
ENGINE_ASSETS = (
    ("site", "site.css", None, ()),  # every page
    ("glossary", "glossary.css", "glossary.js", ("seokb-copy-link", "seokb-copy-discord", 'name="seokb-category"')),
    ("quiz", "quiz.css", "quiz.js", ("data-seokb-quiz",)),
    ("term", "term.css", "term.js", ("data-seokb-def",)),  # linked terms' popover
    # The due-cards line and the storage notice (progress.js) on the review page, every lesson (its due line), the
    # home page and every quiz (whose missed questions join the deck); the deck and the progress code (review.js) on
    # the review page only. They run in this order (scripts-on-demand.js keeps it): the scheduler first.
    ("review", "review.css", "review-scheduler.js", REVIEW_MARKERS),
    ("progress", None, "progress.js", REVIEW_MARKERS),
    ("review-page", None, "review.js", ("data-seokb-review", "data-seokb-transfer")),
    ("cheat-sheet", "cheat-sheet.css", None, ()),
)
# Served, but in no page: review.js loads the vendored qrcode-generator (MIT) when a reader asks for a progress code,
# so a first visit of the review page does not download it.
ON_DEMAND_SCRIPTS = ("qrcode.js",)
SCRIPTS = tuple(script for _, _, script, _ in ENGINE_ASSETS if script) + ON_DEMAND_SCRIPTS
CONTENT_FOLDERS = ("glossary", "quizzes", "diagrams")  # beside docs/, read by the engine
# Reached from the navigation without a link in any page: the home page and the pages the engine writes for
# the whole site. They are never reported as orphans.
HUBS = ("index.md", GLOSSARY_INDEX, QUIZ_INDEX, LINK_PROFILE_PAGE, REVIEW_PAGE, CHEAT_SHEET_PAGE)
UNREADABLE_PAGE = "---\ndescription: This page could not be read.\n---\n# Unreadable page\n"
LINK_PROFILE_SOURCE = (
    '---\ndescription: "How the pages of this site link to each other."\nautolink: false\n'
    "search:\n  exclude: true\n---\n# This site's link profile\n"
)


@dataclass
class Engine:
    """What one build knows. The page steps add to it; finish reads it all."""

    root: Path
    settings: Settings
    problems: Diagnostics
    glossary: Glossary
    quizzes: Quizzes
    diagrams: Diagrams
    lesson_titles: dict[str, str]  # lesson slug -> its h1
    matcher: TermMatcher
    shares: previews.Shares
    # published-urls.txt's addresses, each of which must still answer; None for a project without the file
    published: list[Published] | None = None
    fields: FieldRenderer = field(default_factory=FieldRenderer)  # the Markdown pipeline for contributed text
    # Every link of the site with the file and line it was written at.
    links: list[Link] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # src_uri -> the hand-written page's text, as read
    body_lines: dict[str, int] = field(default_factory=dict)  # src_uri -> file line where its Markdown body starts
    page_urls: dict[str, str] = field(default_factory=dict)  # src_uri -> URL
    nav_order: dict[str, int] = field(default_factory=dict)  # panels list pages in course order, terms after them
    lesson_numbers: dict[str, tuple[int, int]] = field(default_factory=dict)  # src_uri -> (n, total)
    # src_uri -> {slot: HTML} put in as the page is written, after the search index has read its content
    late_html: dict[str, dict[str, str]] = field(default_factory=dict)
    lesson_total: int = 0  # the pages with `lesson: n` in their front matter: "Lesson n of <total>"
    redirects: list[Redirect] = field(default_factory=list)  # the old names pages declare in `redirect_from`
    assets: tuple[PageAsset, ...] = ()  # what a page may need; each page gets those it uses
    term_fields: dict[str, dict[str, str]] = field(default_factory=dict)  # slug -> its fields' safe HTML
    cards: list[Card] | None = None  # the review deck, made once the pages' URLs are known

    # ------------------------------------------------------------------------------------------ 1. the content

    @classmethod
    def start(cls, root: Path, settings: Settings) -> Engine:
        """Load and check the content; broken entries are left out and reported with everything else."""
        problems = Diagnostics()
        glossary = load_glossary(root, problems)
        lesson_titles = _lesson_titles(root / settings.docs_path / "lessons")
        engine = cls(
            root=root,
            settings=settings,
            problems=problems,
            glossary=glossary,
            quizzes=load_quizzes(root, problems, lessons=set(lesson_titles)),
            diagrams=load_diagrams(root, problems),
            lesson_titles=lesson_titles,
            matcher=TermMatcher(glossary),
            shares=previews.new_shares(settings, root),
            published=read_published_file(root, problems),
        )
        engine.assets = engine._page_assets()
        # Both doors: a term whose preview Discord would trim is named before anything renders.
        for term in glossary:
            problems.extend(previews.term_limits(term))
        for quiz in engine.quizzes:
            problems.extend(previews.quiz_limits(quiz))
        return engine

    def _page_assets(self) -> tuple[PageAsset, ...]:
        """The engine's assets, then the site's own from `extra.page_assets` (course.css and course.js), which load
        on the pages holding one of their markers instead of on every page as extra_css would."""
        folder = resources.files("seokb.site").joinpath("assets")
        assets = []
        for name, css, script, markers in ENGINE_ASSETS:
            if css:
                text = folder.joinpath(css).read_text(encoding="utf-8")
                assets.append(PageAsset(css, classes=css_classes(text) if name != "site" else (), css=text))
            if script:
                assets.append(PageAsset(script, markers=markers, script=f"{ASSET_DIR}/{script}"))
        docs = self.root / self.settings.docs_path
        for item in self.settings.page_assets:
            if item.css:
                assets.append(PageAsset(item.css, item.markers, css=(docs / item.css).read_text(encoding="utf-8")))
            if item.js:
                assets.append(PageAsset(item.js, item.markers, script=item.js))
        return tuple(assets)

    # ------------------------------------------------------------------------------------------ 2. before the pages

    def generated_files(self) -> list[SiteFile]:
        """The pages the engine writes (the A-Z index and a page per term, the quiz pages, the link profile) and the
        files every page may point to (glossary.json, the term cards, the feed, robots.txt, the engine's scripts)."""
        self.links += generated_page_links(self.glossary, self.quizzes)
        cheat_sheet = (self.root / self.settings.docs_path / lesson_src(CHECKLIST_LESSON)).is_file()
        files = [SiteFile(GLOSSARY_INDEX, content=index_page(self.glossary, cheat_sheet=cheat_sheet))]
        for term in self.glossary:
            src_uri = term_src(term.slug)
            # Term pages stay out of the navigation: rendering thousands of entries into every page would make
            # the build quadratic. The A-Z index is their place in the nav.
            files.append(SiteFile(src_uri, content=term_page(term, self.glossary), in_nav=False, edit_path=term.path))
            share_url = previews.term_share_url(self.shares, term)
            self.late_html[src_uri] = term_controls_html(
                term,
                share_url=share_url,
                edit_url=self.settings.edit_url(term.path),
                chat_message=discord_embed.chat_message(term.term, plain_description(term.short), share_url),
            )
        # The link profile needs every page's links: a placeholder now, its content in finish. Its tables of this
        # site's pages and anchors are a report, not text to search: out of the index every first visit downloads.
        files.append(SiteFile(LINK_PROFILE_PAGE, content=LINK_PROFILE_SOURCE))
        files.append(SiteFile(QUIZ_INDEX, content=list_page(len(self.quizzes))))
        for quiz in self.quizzes:
            title = self.lesson_titles.get(quiz.lesson or "")
            files.append(SiteFile(quiz_src(quiz.id), content=quiz_page(quiz, title), in_nav=False))
        files += self._review_files()
        files += previews.term_files(self.shares, self.glossary)
        files.append(SiteFile(structure.ROBOTS_FILE, content=structure.robots_txt(self.settings.site_url)))
        scripts = resources.files("seokb.site").joinpath("assets")
        files += [SiteFile(f"{ASSET_DIR}/{name}", content=scripts.joinpath(name).read_bytes()) for name in SCRIPTS]
        return files

    def _review_files(self) -> list[SiteFile]:
        """The review deck, and the cheat sheet when the site has the lesson it is made from."""
        # Out of a generated navigation (a site lists them in its own nav, as mkdocs.yml does), so that a site with a
        # nav of its own is not told about pages it never wrote.
        files = [SiteFile(REVIEW_PAGE, content=review_page(), in_nav=False)]
        sheet = self._cheat_sheet()
        if sheet is not None:
            files.append(SiteFile(CHEAT_SHEET_PAGE, content=sheet, in_nav=False))
        return files

    def _cheat_sheet(self) -> str | None:
        """The cheat sheet's Markdown, made from the lesson that holds the link checklist and Google's link-spam list
        and the core terms mkdocs.yml names, with its problems reported (the build and `seokb check` both ask);
        None for a project without that lesson."""
        lesson = self.root / self.settings.docs_path / lesson_src(CHECKLIST_LESSON)
        if not lesson.is_file():
            return None
        # The lesson's own problems (not UTF-8, too large) are reported when it is read as a page.
        sheet, problems = read_cheat_sheet(read_text_file(lesson, "", Diagnostics(), PAGE) or "")
        for message in problems:
            self.problems.add(f"{self.settings.docs_path}/{lesson_src(CHECKLIST_LESSON)}", 1, message)
        core, unknown = core_terms(self.glossary, self.settings.cheat_sheet_terms)
        for slug in unknown:
            line = _line_of(self.root / "mkdocs.yml", f"- {slug}")
            self.problems.add("mkdocs.yml", line, f"extra.cheat_sheet_terms: unknown term '{slug}'")
        return cheat_sheet_page(core, sheet)

    def set_navigation(self, nav_pages: list[str], page_urls: dict[str, str]) -> None:
        """The pages in navigation order (lessons are numbered by it) and every page's URL."""
        self.nav_order = {src_uri: index for index, src_uri in enumerate(nav_pages)}
        lessons = [src_uri for src_uri in nav_pages if is_lesson(src_uri)]
        self.lesson_numbers = {uri: (number, len(lessons)) for number, uri in enumerate(lessons, start=1)}
        self.page_urls = dict(page_urls)

    # ------------------------------------------------------------------------------------------ 3. each page

    def read_source(self, page: SitePage, data: bytes) -> str:
        """A hand-written page decoded, so that a file that is not UTF-8 is a `path:line` problem, not a crash."""
        text = decode(data, page.path, self.problems)
        if text is None:  # reported; the build goes on to report the rest, then fails
            text = UNREADABLE_PAGE
        self._remember_source(page, text)
        return text

    def _remember_source(self, page: SitePage, text: str) -> tuple[dict, str]:
        """The text a contributor edits, and the line its body starts on: where each of its problems is reported.
        Returns the page's front matter and body, split as MkDocs splits them."""
        meta, body, first = page_body(text)
        self.sources[page.src_uri] = text
        self.body_lines[page.src_uri] = first
        return meta, body

    def page_markdown(self, page: SitePage, markdown: str, embed: bool = True) -> str:
        """The checks of a page's source, the same for the build and `seokb check`: a hand-written page's rules, its
        markers, its links with their lines, its redirects. Returns the Markdown with its markers expanded (a quiz
        or diagram becomes a one-line slot, filled in page_html; with `embed` off they expand to nothing)."""
        first = self.body_lines.get(page.src_uri, 1)
        if not page.generated:
            reason = page.meta.get("raw_html")
            for problem in page_problems(markdown, reason if isinstance(reason, str) and reason.strip() else None):
                self.problems.add(page.path, first + problem.offset, problem.message)
        # Markers expand to a single line, so lines in the expanded text still match the file.
        markdown = expand_markers(
            markdown,
            page.path,
            self.problems,
            self.settings.community,
            self.quizzes,
            (lambda quiz: QUIZ_SLOT.format(id=quiz.id)) if embed else (lambda quiz: ""),
            first_line=first,
            diagrams=self.diagrams,
            embed_diagram=(lambda diagram: DIAGRAM_SLOT.format(name=diagram.name)) if embed else None,
        )
        if not page.generated:
            self.links += markdown_links(markdown, page.path, page.src_uri, first_line=first)
            if REDIRECT_FROM in page.meta:
                text = self.sources.get(page.src_uri, "")
                self.redirects += page_redirects(page.meta[REDIRECT_FROM], text, page.url, page.path, self.problems)
        return markdown

    def page_html(self, page: SitePage, html: str) -> str:
        """The page's own contributed content goes in (sanitized term fields, quizzes, diagrams); its preview is
        recorded."""
        if not page.generated:
            for message in sorted(set(rendered_page_problems(html))):
                self.problems.add(page.path, 1, message)
        html = self._fill_term_fields(html, page)
        html = self._fill_quizzes(html, page)
        html = fill_diagram_slots(html, lambda name: self._diagram_figure(name, page))
        html = self._add_discord_share(html, page)
        html = self._fill_review(html, page)
        # Every URL of the finished page, decoded as a browser decodes it; one the source check named is not named twice.
        found = rendered_url_problems(html, lambda: self._source_text(page))
        named = {(p.line, p.message) for p in self.problems.items if p.path == page.path} if found else set()
        for line, message in found:
            if (line, message) not in named:
                self.problems.add(page.path, line, message)
        previews.record_page(
            self.shares,
            page,
            self.problems,
            self.lesson_numbers.get(page.src_uri),
            source=self.sources.get(page.src_uri, ""),
            embed_for=self._embed_for(page),
        )
        return html

    def _add_discord_share(self, html: str, page: SitePage) -> str:
        """A lesson ends with its Copy for Discord line, put in as the page is written (out of the search index)."""
        number = self.lesson_numbers.get(page.src_uri)
        description = page.meta.get("description")
        if number is None or not isinstance(description, str):
            return html
        title = f"Lesson {number[0]} of {number[1]}: {page.heading or page.title or ''}"
        message = discord_embed.chat_message(
            title, plain_description(description), absolute_url(self.settings.site_url, page.url)
        )
        self.late_html.setdefault(page.src_uri, {})[DISCORD_SHARE_SLOT] = discord_share_html(message)
        return html + "\n" + DISCORD_SHARE_SLOT

    def _embed_for(self, page: SitePage) -> previews.EmbedFor | None:
        """What a lesson's, a quiz's or the home page's Discord embed says, from the same model as the page."""
        site_url, site_name = self.settings.site_url, self.settings.site_name
        url = absolute_url(site_url, page.url)
        number = self.lesson_numbers.get(page.src_uri)
        if number is not None:
            learn = [plain_description(goal) for goal in what_you_will_learn(self.sources.get(page.src_uri, ""))]
            title = page.heading or page.title or ""
            return lambda image: discord_embed.lesson_embed(
                number=number[0], total=number[1], title=title, learn=learn, url=url, image_url=image, site_name=site_name
            )
        quiz = self.quizzes.get(quiz_id_of(page.src_uri) or "")
        if quiz is not None:
            lesson = None
            if quiz.lesson and quiz.lesson in self.lesson_titles:
                lesson = discord_embed.Link(self.lesson_titles[quiz.lesson], absolute_url(site_url, lesson_url(quiz.lesson)))
            return lambda image: discord_embed.quiz_embed(
                title=quiz.title, questions=len(quiz.questions), lesson=lesson, url=url, image_url=image, site_name=site_name
            )
        if page.is_home:
            # The h1, as on the card: the embed names the site above it already.
            title = page.heading or previews.home_title(page) or site_name
            description = page.meta.get("description")
            line = description if isinstance(description, str) else self.settings.site_description
            total = len(self.lesson_numbers)
            return lambda image: discord_embed.home_embed(
                title=title, description=line, lessons=total, url=url, image_url=image, site_name=site_name
            )
        return None

    def fields_of(self, term: Term) -> dict[str, str]:
        """A term's contributed fields as sanitized HTML; anything the sanitizer removed is an error at its line."""
        if term.slug not in self.term_fields:
            fields, problems = term_fields_html(term, self.fields.render)
            for problem in problems:
                self.problems.add(term.path, problem.line, problem.message)
            self.term_fields[term.slug] = fields
        return self.term_fields[term.slug]

    def quiz_problems(self, quiz: Quiz) -> None:
        """What the sanitizer would remove from a quiz's fields, at their lines."""
        for line, message in quiz_field_problems(quiz, self.fields.render):
            self.problems.add(quiz.path, line, message)

    def _fill_term_fields(self, html: str, page: SitePage) -> str:
        slug = term_slug(page.src_uri)
        term = self.glossary.get(slug) if slug else None
        if term is None:
            return html
        fields = self.fields_of(term)
        # Python-Markdown keeps a slot as a block of its own, with blank lines around it; the field takes its place.
        html = FIELD_SLOTS.sub(lambda match: "\n" + fields[match.group(1)] + "\n", html)
        # Links in the fields are written from glossary/, like the Markdown file they used to stand in.
        return rewrite_links(html, page.src_uri, self.page_urls.get, page.url)

    def _fill_quizzes(self, html: str, page: SitePage) -> str:
        if "seokb-slot: quiz" not in html:
            return html
        own_page = is_quiz_page(page.src_uri)

        def embed(quiz_id: str, level: int) -> str:
            quiz = self.quizzes.get(quiz_id)
            if quiz is None:  # reported where the marker stands
                return ""
            if own_page:  # a quiz's problems are reported once, on its own page, not again on each lesson embedding it
                self.quiz_problems(quiz)
            titled = own_page or page_is_named_for(html, quiz)  # the page's h1 names the quiz already
            quiz_html = render_quiz(quiz, lambda text: self.fields.render(text).html, heading_level=None if titled else level)
            return rewrite_links(quiz_html, quiz_src(quiz.id), self.page_urls.get, page.url)

        html = fill_slots(html, embed)
        if LIST_SLOT in html:
            lessons = {
                slug: LessonLink(title, relative_url(lesson_url(slug), page.url)) for slug, title in self.lesson_titles.items()
            }
            html = html.replace(LIST_SLOT, render_quiz_list(self.quizzes, lessons=lessons))
        return html

    def _review_cards(self) -> list[Card]:
        if self.cards is None:
            self.cards = review_cards(self.glossary, self.quizzes, lambda src_uri: self.page_urls.get(src_uri, page_url(src_uri)))
        return self.cards

    def _fill_review(self, html: str, page: SitePage) -> str:
        """The deck and the transfer controls on the review page; the deck's size wherever a due count is asked for."""
        if DECK_SLOT in html:
            to_page = lambda url: relative_url(url, page.url)  # noqa: E731
            sheet = to_page(page_url(CHEAT_SHEET_PAGE)) if CHEAT_SHEET_PAGE in self.page_urls else None
            glossary = to_page(page_url(GLOSSARY_INDEX))
            html = html.replace(DECK_SLOT, deck_html(self._review_cards(), to_page, sheet, glossary), 1)
            html = html.replace(TRANSFER_SLOT, transfer_html(), 1)
        if DUE_MARKER + "=" in html:
            html = fill_due_markers(html, term_card_count(self._review_cards()))
        return html

    def _add_review_lines(self, pages: list[SitePage], finished: Finished) -> None:
        """Each lesson ends with how many review cards are due (the words come from the reader's browser)."""
        total = term_card_count(self._review_cards())
        for page in pages:
            if is_lesson(page.src_uri):
                page.html = finished.content[page.src_uri] = page.html + REVIEW_DUE_SLOT
                line = due_line(total, relative_url(page_url(REVIEW_PAGE), page.url))
                self.late_html.setdefault(page.src_uri, {})[REVIEW_DUE_SLOT] = line

    def _diagram_figure(self, name: str, page: SitePage) -> str:
        """A diagram as a figure of inline SVG; one whose file could not be read was reported where its marker stands.
        The caption goes in now, to be linked with the page; the SVG as the page is written (SVG_SLOT)."""
        diagram = self.diagrams.get(name)
        if diagram is None:
            return ""
        slot = SVG_SLOT.format(name=name)
        self.late_html.setdefault(page.src_uri, {})[slot] = diagram_svg(diagram)
        return diagram_figure(diagram, picture=slot)

    # ------------------------------------------------------------------------------------------ without rendering

    def check_sources(self, pages: dict[str, str], other_files: frozenset[str]) -> list[NewPage]:
        """`seokb check`: every check the build makes before rendering, from the same steps: the contributed fields
        through the sanitizer, each page's rules, markers, links and redirects (page_markdown, as the build runs it),
        every link that needs no rendering to resolve, and every published address. `pages`: each hand-written
        page's text by its name under docs/. Returns the pages the site serves that published-urls.txt lacks."""
        docs = self.settings.docs_path
        for term in self.glossary:
            self.fields_of(term)
        for quiz in self.quizzes:
            self.quiz_problems(quiz)
        self._cheat_sheet()
        self.problems.extend(pages_at_engine_addresses(pages, docs, engine_pages(self.glossary, self.quizzes)))
        for src_uri, text in pages.items():
            page = SitePage(src_uri, page_url(src_uri), f"{docs}/{src_uri}")
            page.meta, body = self._remember_source(page, text)
            self.page_markdown(page, body, embed=False)
            self._check_preview_limits(replace(page, is_home=src_uri == "index.md"), body, text)
        self.links += generated_page_links(self.glossary, self.quizzes)
        # Every link that can be resolved without rendering: an entry linking a lesson that does not exist fails here.
        check_content_links(pages, other_files, self.glossary, self.quizzes, self.links, self.problems)
        site = site_addresses(docs, pages, self.glossary, self.quizzes, self.problems, other_files, declared=self.redirects)
        if self.published is None:
            return []
        new = unlisted(self.published, {*site.pages, *DATA_FILES, *site.redirects})
        served = {*site.pages, *DATA_FILES, *site.redirects, *(address(uri) for uri in other_files)}
        self._check_published(served, new, site.paths)
        return [NewPage(at, site.paths.get(at, PUBLISHED_FILE)) for at in new]

    def _check_preview_limits(self, page: SitePage, body: str, text: str) -> None:
        """What the build warns about a page's preview as it renders it (previews.record_page), without rendering:
        its title is the first '# ' heading (the home page's front-matter `title`)."""
        description = page.meta.get("description")
        if not isinstance(description, str):
            return  # a page without one is an error the build reports
        heading = next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), "")
        title = (previews.home_title(page) if page.is_home else None) or heading
        self.problems.extend(previews.page_limits(page, title, description, text))

    def _check_published(self, served: set[str], new_addresses: list[str], paths: dict[str, str]) -> None:
        """Every address published-urls.txt lists must still be served (or be an entry's or quiz's that could not
        be read, whose own problems say what to fix)."""
        assert self.published is not None
        check_published(
            self.published,
            served | unreadable_addresses(self.glossary, self.quizzes),
            self.glossary,
            [NewPage(new, paths.get(new, new)) for new in new_addresses],
            self.problems,
            history=git_history(self.root),
            docs=self.settings.docs_path,
            committed=committed_addresses(self.root),
        )

    # ------------------------------------------------------------------------------------------ 4. the site

    def finish(self, pages: list[SitePage], other_files: list[str], render: Callable[[SitePage, str], str]) -> Finished:
        """Every page is rendered and none is written: link the terms, add backlinks, check every link and anchor,
        write the link profile (its Markdown rendered by `render`, the generator's own pipeline), the redirects, and
        check the published addresses. `other_files`: every file of the site that is not a page."""
        finished = Finished()
        self.lesson_total = sum(1 for page in pages if page.meta.get("lesson"))
        started = time.perf_counter()
        anchors, mentions = self._link_terms(pages, finished)
        log.info(f"seokb: terms linked on {len(mentions)} pages in {time.perf_counter() - started:.2f} s")
        self._add_backlinks(pages, mentions, finished)
        self._add_review_lines(pages, finished)
        site = site_map(
            pages={**{term_src(slug): None for slug in self.glossary.unreadable}, **anchors},
            urls={page.url: page.src_uri for page in pages},
            files=other_files,
        )
        started = time.perf_counter()
        check_links(self.links, site, self.problems)
        log.info(f"seokb: {len(self.links)} links on {len(pages)} pages checked in {time.perf_counter() - started:.2f} s")
        self._write_link_profile(pages, site, render, finished)
        self._keep_published_addresses(pages, other_files, finished)
        return finished

    def _link_terms(
        self, pages: list[SitePage], finished: Finished
    ) -> tuple[dict[str, set[str] | None], dict[PageRef, list[Mention]]]:
        """Each page's first mention of each term linked; every page's anchors and every mention, in course order."""
        anchors: dict[str, set[str] | None] = {}
        in_order = sorted(pages, key=lambda page: (self.nav_order.get(page.src_uri, len(self.nav_order)), page.src_uri))
        # The A-Z index links every term already; a page may opt out with `autolink: false` in its front matter.
        to_link = [page for page in in_order if page.src_uri != GLOSSARY_INDEX and page.meta.get("autolink", True) is not False]
        linking = {page.src_uri for page in to_link}
        for page in in_order:
            if page.src_uri not in linking:
                anchors[page.src_uri] = page_anchors(page.html)
        jobs = [
            PageToLink(
                page.html, page.url, self._source_text(page), self.body_lines.get(page.src_uri, 1), term_slug(page.src_uri)
            )
            for page in to_link
        ]
        mentions: dict[PageRef, list[Mention]] = {}
        for page, linked in zip(to_link, link_pages(jobs, self.matcher), strict=True):
            page.html = finished.content[page.src_uri] = linked.html
            anchors[page.src_uri] = linked.anchors
            mentions[PageRef(page.src_uri, page.title or page.src_uri)] = linked.mentions
            self.links += [
                Link(page.path, line, page.src_uri, href, page_url=page.url, text=words, origin="autolink")
                for line, href, words in linked.links
            ]
        return anchors, mentions

    def _source_text(self, page: SitePage) -> str:
        """The text a contributor edits for this page, where each added link's line is looked up."""
        if page.src_uri in self.sources:
            return self.sources[page.src_uri]
        entry = self.root / page.path
        # A file that is not UTF-8 was reported when it was read: its mentions only need lines, not every letter.
        return entry.read_bytes().decode("utf-8", errors="replace") if page.generated and entry.is_file() else ""

    def _add_backlinks(self, pages: list[SitePage], mentions: dict[PageRef, list[Mention]], finished: Finished) -> None:
        """Each term page lists the pages that mention it; each lesson ends with the terms it used."""
        backlinks = invert(mentions)
        for page in pages:
            src_uri = page.src_uri
            slug = term_slug(src_uri)
            if slug is not None:
                entries = [
                    {
                        "href": relative_url(self.page_urls[b.page.src_uri], page.url),
                        "title": b.page.title,
                        "sentence": b.sentence,
                    }
                    for b in backlinks.get(slug, [])
                    if b.page.src_uri != src_uri
                ]
                self.late_html.setdefault(src_uri, {})[BACKLINKS_SLOT] = mentioned_in_html(entries) if entries else ""
                if entries:
                    finished.sections.setdefault(src_uri, []).append(Section("Mentioned in", "mentioned-in", before="sources"))
                    self.links += _engine_links(page, [(e["href"], e["title"]) for e in entries], "mentioned-in")
            elif is_lesson(src_uri):
                terms = terms_used(mentions.get(PageRef(src_uri, page.title or src_uri), []), self.glossary)
                if terms:
                    items = [{"href": relative_url(term_url(t.slug), page.url), "name": t.term, "short": t.short} for t in terms]
                    page.html = finished.content[src_uri] = page.html + LESSON_TERMS_SLOT
                    self.late_html.setdefault(src_uri, {})[LESSON_TERMS_SLOT] = lesson_terms_html(items)
                    self.links += _engine_links(page, [(i["href"], i["name"]) for i in items], "lesson-terms")
                    finished.sections.setdefault(src_uri, []).append(Section("Terms in this lesson", "terms-in-this-lesson"))
        self.problems.extend(orphan_term_warnings(self.glossary, backlinks))

    def _write_link_profile(self, pages: list[SitePage], site: SiteMap, render, finished: Finished) -> None:
        """The site's own link report, written once every link is known, with its orphan and over-optimisation warnings."""
        titles = {page.src_uri: page.title or page.src_uri for page in pages}
        lesson_h1 = {lesson_src(slug): [title] for slug, title in self.lesson_titles.items()}
        titles.update({uri: names[0] for uri, names in lesson_h1.items() if uri in titles})
        profile = link_profile(self.links, site, titles, self.glossary, exempt=HUBS, other_names=lesson_h1)
        self.problems.extend(over_optimised_warnings(profile))
        self.problems.extend(orphan_warnings(profile, {page.src_uri: page.path for page in pages}))
        page = next((page for page in pages if page.src_uri == LINK_PROFILE_PAGE), None)
        if page is None:
            return
        _, markdown, _ = page_body(link_profile_page(profile, self.glossary))
        html = render(page, markdown)  # the generator's own Markdown pipeline and link rewriting, as for any page
        table, table_links = every_page_table(profile, lambda src_uri: relative_url(self.page_urls[src_uri], page.url), page.url)
        page.html = finished.content[LINK_PROFILE_PAGE] = html.replace(EVERY_PAGE_SLOT, table)
        profile_links = markdown_links(markdown, LINK_PROFILE_PAGE, LINK_PROFILE_PAGE) + table_links
        site.anchors[LINK_PROFILE_PAGE] = page_anchors(page.html)
        generated = Diagnostics()
        check_links([replace(link, origin="link-profile") for link in profile_links], site, generated)
        for problem in generated.sorted():  # the engine wrote these links: a broken one is an engine bug
            self.problems.add(problem.path, problem.line, f"{problem.message} (in the page the engine writes; please report it)")

    def _keep_published_addresses(self, pages: list[SitePage], other_files: list[str], finished: Finished) -> None:
        """A redirect page at each old address an entry (`old_slugs`) or a page (`redirect_from`) declares; then every
        address published-urls.txt lists must be served, by a page, a file or one of those redirects."""
        by_address = {address(page.url): page for page in pages}
        titles = {address(page.url): page.title or page.src_uri for page in pages}
        titles.update({address(term_url(term.slug)): term.term for term in self.glossary})
        claimed = settle(
            term_redirects(self.glossary) + self.redirects,
            {old: page.src_uri for old, page in by_address.items()},
            self.problems,
            frozenset(other_files),  # a redirect may not overwrite one
        )
        for old, redirect in claimed.items():
            new = address(redirect.new_url)
            html = redirect_page(old, new, titles.get(new, new), absolute_url(self.settings.site_url, new))
            finished.files.append(SiteFile(redirect_file(old), content=html))
        if self.published is None:
            return
        finished.new_addresses = unlisted(self.published, {*by_address, *DATA_FILES, *claimed})
        served = {*by_address, *(address(uri) for uri in other_files), *(address(f.uri) for f in finished.files)}
        self._check_published(served, finished.new_addresses, {at: page.path for at, page in by_address.items()})

    # ------------------------------------------------------------------------------------------ 5. previews

    def share_files(self, pages: list[SitePage]) -> tuple[list[SiteFile], dict[str, str]]:
        """Once the build is known to be good: the previews' files (the other pages' cards, the feed, every page's
        oEmbed answer) and each page's update date, both dated from one walk of git's history."""
        dates_by_page, dates = structure.update_dates(self, pages)
        self.shares.dates = dates
        return previews.page_files(self.shares, self.page_urls), dates_by_page

    # ------------------------------------------------------------------------------------------ 6. each written page

    def page_extras(self, page: SitePage) -> structure.PageExtras:
        """What the page's templates write (overrides/main.html), once the search index has read its content: its
        content with the late HTML in place (page controls and lists that repeat other pages, a lesson's line in the
        course), its breadcrumb and document title, and for its <head> the CSS it uses, its preview tags and
        JSON-LD; the list of its scripts, for the end of its main part."""
        content = page.html
        for slot, html in self.late_html.get(page.src_uri, {}).items():
            content = content.replace(slot, html, 1)
        if page.meta.get("lesson"):
            meta = lesson_meta_html(page.url, page.meta["lesson"], self.lesson_total, page.meta.get("last_checked"))
            content = meta + content
        used = page_assets.for_page(content, self.assets)
        extras = structure.page_extras(self, page)
        head = "\n".join(
            part
            for part in (page_assets.head_html(used), previews.share_head(self.shares, page.src_uri, page.url), extras.json_ld)
            if part
        )
        return replace(extras, content=content, head=head, scripts=page_assets.script_html(used, page.url))

    def template_head(self) -> str:
        """A page the theme writes from a template alone (404.html) gets the CSS every page gets."""
        return page_assets.head_html(page_assets.for_page("", self.assets))

    # ------------------------------------------------------------------------------------------ 7. the search index

    def search_index(self, index_json: str) -> str:
        """The theme's search index with each glossary entry's names and aliases on its page, so that a reader who
        types one exactly gets that entry first (site/search_names.py; raises SearchIndexError when it cannot)."""
        names = {self.page_urls[term_src(t.slug)]: t.names for t in self.glossary if term_src(t.slug) in self.page_urls}
        return search_names.index_with_names(index_json, names)


def _engine_links(page: SitePage, links: list[tuple[str, str]], origin: str) -> list[Link]:
    """The (href, words) links the engine put in a page's list, at line 1 of its source, to check and count."""
    return [Link(page.path, 1, page.src_uri, href, page_url=page.url, text=text, origin=origin) for href, text in links]


def _line_of(path: Path, text: str) -> int:
    """The first line of a file holding `text` (1 when none does), for a message about a setting."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, start=1) if line.strip() == text), 1)


_LEARN_BOX = re.compile(r'^!!! \w+ "What you will learn"\n((?:    - .*\n?)+)', re.MULTILINE)


def what_you_will_learn(source: str) -> list[str]:
    """The items of a lesson's "What you will learn" box, as written; [] for a lesson without one."""
    match = _LEARN_BOX.search(source)
    return [line.strip()[2:].strip() for line in match.group(1).splitlines()] if match else []


def _lesson_titles(folder: Path) -> dict[str, str]:
    """Each lesson's slug and the text of its first '# ' heading (quiz pages, written before any page is read,
    name the lesson they belong to)."""
    titles = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        # A file that is not UTF-8 is reported where the page is read; here it needs a title only. A link is refused
        # with the rest of docs/ (docs_files.py), so it is not followed here.
        text = (read_quietly(path, PAGE) or b"").decode("utf-8", errors="replace")
        heading = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), None)
        titles[path.stem] = heading or path.stem
    return titles
