"""MkDocs events, in two passes, as mkdocstrings/autorefs does it.

Pass one, page by page (on_page_read_source, on_page_markdown, on_page_content): each event records what the page
holds (its source text, its links with their lines, its rendered HTML) and fills in the page's own contributed
content (term fields, quizzes). Nothing looks at another page.

Pass two, on_env, once every page is rendered and none is written, in one readable sequence: link the terms on each
page, turn mentions into backlinks, check every link and anchor, write the link profile, write the redirects and
check that every address in published-urls.txt still answers, report every problem, then the share files. The one
state object, Build, is made anew in on_config (`mkdocs serve` keeps this module loaded between rebuilds).
"""

from __future__ import annotations

import functools
import os
import time
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import CountHandler

from seokb.content.characters import decode
from seokb.content.diagram import Diagrams, load_diagrams
from seokb.content.glossary import load_glossary
from seokb.content.lesson_rules import page_problems, rendered_page_problems
from seokb.content.markers import Community, expand_markers
from seokb.content.model import Glossary
from seokb.content.page_urls import rendered_url_problems
from seokb.content.quiz import Quizzes, load_quizzes
from seokb.diagnostics import Diagnostics, internal_errors
from seokb.links.autolink import Mention, TermMatcher
from seokb.links.backlinks import PageRef, invert, orphan_term_warnings, terms_used
from seokb.links.check import Link, SiteMap, check_links, markdown_links, page_anchors, site_map
from seokb.links.offline import generated_page_links
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
from seokb.mkdocs import share, structured
from seokb.mkdocs.edit import edit_url, repo_relative_edit_uri
from seokb.mkdocs.logs import log, report, start_build_logging, stop_if_strict
from seokb.mkdocs.serve import keep_last_good_site
from seokb.site import page_assets
from seokb.site.diagram_svg import DIAGRAM_SLOT, SVG_SLOT, diagram_figure, diagram_svg, fill_diagram_slots
from seokb.site.glossary_pages import (
    BACKLINKS_SLOT,
    FIELD_SLOTS,
    LESSON_TERMS_SLOT,
    index_page,
    lesson_terms_html,
    mentioned_in_html,
    term_controls_html,
    term_fields_html,
    term_page,
)
from seokb.site.page_assets import PageAsset, css_classes
from seokb.site.published import (
    DATA_FILES,
    NewPage,
    Published,
    check_published,
    git_history,
    read_published,
    unlisted,
    unreadable_addresses,
)
from seokb.site.quiz_pages import (
    LIST_SLOT,
    QUIZ_SLOT,
    fill_slots,
    list_page,
    quiz_field_problems,
    quiz_page,
    rewrite_links,
)
from seokb.site.quiz_render import LessonLink, render_quiz, render_quiz_list
from seokb.site.redirects import REDIRECT_FROM, Redirect, page_redirects, redirect_page, settle, term_redirects
from seokb.site.safe_html import FieldRenderer
from seokb.site.share_meta import absolute_url
from seokb.site.urls import (
    GLOSSARY_INDEX,
    PUBLISHED_FILE,
    QUIZ_INDEX,
    address,
    lesson_src,
    lesson_url,
    quiz_src,
    redirect_file,
    relative_url,
    source_path,
    term_slug,
    term_src,
    term_url,
)

ASSET_DIR = "assets/seokb"
# The engine's styles and scripts, each added only to the pages that use it (site/page_assets.py): a stylesheet to
# the pages holding one of the classes it styles, a script to the pages holding one of its markers.
ENGINE_ASSETS = (
    ("site", "site.css", None, ()),  # every page
    ("glossary", "glossary.css", "glossary.js", ("seokb-copy-link", 'name="seokb-category"')),
    ("quiz", "quiz.css", "quiz.js", ("data-seokb-quiz",)),
)
SCRIPTS = tuple(script for _, _, script, _ in ENGINE_ASSETS if script)
CONTENT_FOLDERS = ("glossary", "quizzes", "diagrams")  # beside docs/, read by the hooks
# Reached from the navigation without a link in any page: the home page and the pages the engine writes for
# the whole site. They are never reported as orphans.
HUBS = ("index.md", GLOSSARY_INDEX, QUIZ_INDEX, LINK_PROFILE_PAGE)
UNREADABLE_PAGE = "---\ndescription: This page could not be read.\n---\n# Unreadable page\n"


@dataclass
class Build:
    """What one build knows. Page events add to it; on_env reads it all."""

    root: Path
    docs_dir: str  # as MkDocs gives it to each of its files (File.src_dir)
    docs_path: str  # docs_dir relative to the repository root, as edit links need it
    glossary: Glossary
    quizzes: Quizzes
    diagrams: Diagrams
    lesson_titles: dict[str, str]  # lesson slug -> its h1
    community: Community
    shares: share.Shares
    warnings: CountHandler
    matcher: TermMatcher
    # Every problem of the run, from content and from pages; all reported together in on_env, before anything
    # is written, so one run shows a contributor everything there is to fix.
    problems: Diagnostics = field(default_factory=Diagnostics)
    fields: FieldRenderer = field(default_factory=FieldRenderer)  # the Markdown pipeline for contributed text
    # Every link of the site with the file and line it was written at.
    links: list[Link] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # src_uri -> the hand-written page's text, as read
    body_lines: dict[str, int] = field(default_factory=dict)  # src_uri -> file line where its Markdown body starts
    page_urls: dict[str, str] = field(default_factory=dict)  # src_uri -> URL, from on_nav
    nav_order: dict[str, int] = field(default_factory=dict)  # panels list pages in course order, terms after them
    lesson_numbers: dict[str, tuple[int, int]] = field(default_factory=dict)  # src_uri -> (n, total)
    # src_uri -> {slot: HTML} put in as the page is written, after the search index has read its content
    late_html: dict[str, dict[str, str]] = field(default_factory=dict)
    # src_uri -> the page's breadcrumb, JSON-LD and document title, made as its template is rendered
    extras: dict[str, structured.PageExtras] = field(default_factory=dict)
    # published-urls.txt's addresses, each of which must still answer; None for a project without the file
    published: list[Published] | None = None
    redirects: list[Redirect] = field(default_factory=list)  # the old names pages declare in `redirect_from`
    assets: tuple[PageAsset, ...] = ()  # what a page may need; each page gets those it uses (on_post_page)

    def source_path(self, file: File) -> str:
        """The path a contributor edits: docs/lessons/x.md for a lesson, the YAML for a generated term page."""
        if file.generated_by is None:
            if file.src_dir == self.docs_dir:  # every page of docs/: no need to ask the disk, once per link
                return f"{self.docs_path}/{file.src_uri}"
            return Path(str(file.abs_src_path)).resolve().relative_to(self.root).as_posix()
        return source_path(file.src_uri) or file.src_uri


_build: Build | None = None


def current() -> Build:
    if _build is None:
        raise RuntimeError("seokb: on_config has not run")
    return _build


def no_traceback(event):
    """The last guard: an exception nobody foresaw in a site-wide event ends the build with a message, not a traceback."""

    @functools.wraps(event)
    def run(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except (Abort, PluginError):
            raise
        except Exception as error:  # noqa: BLE001
            raise PluginError(
                f"seokb: internal error in {event.__name__} ({type(error).__name__}: {str(error)[:200]}); "
                "nothing was written. Please report it at the project's issues."
            ) from error

    return run


def guarded(event):
    """A page event that meets something nobody foresaw reports it at the page's file and leaves the page as it was:
    the build still fails, with every other problem of the run beside it, and no traceback."""

    @functools.wraps(event)
    def run(content: str, page, *args):
        try:
            return event(content, page, *args)
        except Exception:  # noqa: BLE001
            with internal_errors(current().source_path(page.file), current().problems):
                raise
            return content

    return run


# ---------------------------------------------------------------------------------------------- before the pages


@no_traceback
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    root = Path(config.config_file_path).resolve().parent
    problems = Diagnostics()
    # Broken entries are left out of the build and reported with everything else in on_env.
    glossary = load_glossary(root, problems)
    lesson_titles = _lesson_titles(Path(config.docs_dir) / "lessons")
    _build = Build(
        root=root,
        docs_dir=config.docs_dir,
        docs_path=Path(os.path.relpath(Path(config.docs_dir).resolve(), root)).as_posix(),
        glossary=glossary,
        quizzes=load_quizzes(root, problems, lessons=set(lesson_titles)),
        diagrams=load_diagrams(root, problems),
        lesson_titles=lesson_titles,
        community=_community(config),
        shares=share.new_shares(config, root),
        warnings=start_build_logging(),
        matcher=TermMatcher(glossary),
        problems=problems,
        published=_published(root, problems),
    )
    # `mkdocs serve` watches docs/ only: the content beside it must rebuild the site too, whatever mkdocs.yml says.
    watched = {os.path.realpath(path) for path in config.watch}
    for folder in CONTENT_FOLDERS:
        path = str(root / folder)
        if os.path.isdir(path) and os.path.realpath(path) not in watched:
            config.watch.append(path)
    # Our template overrides go first in the theme's search path (see overrides/ for why each exists).
    overrides = str(resources.files("seokb.site").joinpath("overrides"))
    if overrides not in config.theme.dirs:
        config.theme.dirs.insert(0, overrides)
    # The breadcrumb goes where the theme puts its own (overrides/partials/path.html), which needs this feature.
    features = config.theme.get("features") or []
    if "navigation.path" not in features:
        config.theme["features"] = [*features, "navigation.path"]
    _build.assets = _page_assets(config)
    return config


def _page_assets(config: MkDocsConfig) -> tuple[PageAsset, ...]:
    """The engine's assets, then the site's own from `extra.page_assets` in mkdocs.yml (course.css and course.js),
    which load on the pages holding one of their markers instead of on every page as extra_css would."""
    folder = resources.files("seokb.site").joinpath("assets")
    assets = []
    for name, css, script, markers in ENGINE_ASSETS:
        text = folder.joinpath(css).read_text(encoding="utf-8")
        assets.append(PageAsset(css, classes=css_classes(text) if name != "site" else (), css=text))
        if script:
            assets.append(PageAsset(script, markers=markers, script=f"{ASSET_DIR}/{script}"))
    for number, item in enumerate(config.extra.get("page_assets") or [], start=1):
        if not isinstance(item, dict) or not item.get("markers") or not (item.get("css") or item.get("js")):
            raise PluginError(f"seokb: extra.page_assets entry {number} in mkdocs.yml needs `markers` and `css` or `js`")
        markers = tuple(item["markers"])
        for listed in (item.get("css"), item.get("js")):
            if listed and not (Path(config.docs_dir) / listed).is_file():
                raise PluginError(f"seokb: extra.page_assets entry {number} in mkdocs.yml names {listed}, which is not in docs/")
        if item.get("css"):
            assets.append(PageAsset(item["css"], markers, css=(Path(config.docs_dir) / item["css"]).read_text(encoding="utf-8")))
        if item.get("js"):
            assets.append(PageAsset(item["js"], markers, script=item["js"]))
    return tuple(assets)


def _published(root: Path, problems: Diagnostics) -> list[Published] | None:
    """The addresses published-urls.txt lists (a project without the file, like a test's fixture, checks none)."""
    path = root / PUBLISHED_FILE
    if not path.is_file():
        return None
    text = decode(path.read_bytes(), PUBLISHED_FILE, problems)
    return read_published(text, problems) if text is not None else []


def _lesson_titles(folder: Path) -> dict[str, str]:
    """Each lesson's slug and the text of its first '# ' heading (quiz pages, written before any page is read,
    name the lesson they belong to)."""
    titles = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        # A file that is not UTF-8 is reported where the page is read (on_page_read_source); here it needs a title only.
        text = path.read_bytes().decode("utf-8", errors="replace")
        heading = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), None)
        titles[path.stem] = heading or path.stem
    return titles


def _community(config: MkDocsConfig) -> Community:
    """The chat invite from `extra.community`; when one is set it also goes into the footer's social links."""
    settings = config.extra.get("community") or {}
    community = Community(
        name=settings.get("name", "").strip(), url=settings.get("url", "").strip(), repo_url=config.repo_url or ""
    )
    if community.url:
        social = config.extra.setdefault("social", [])
        if not any(link.get("link") == community.url for link in social):
            social.append(
                {"icon": settings.get("icon", "fontawesome/brands/discord"), "link": community.url, "name": community.name}
            )
    return community


@no_traceback
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The pages the engine writes: the A-Z index and a page per term, the quiz pages, the link profile."""
    build = current()
    build.links += generated_page_links(build.glossary, build.quizzes)
    files.append(File.generated(config, GLOSSARY_INDEX, content=index_page(build.glossary)))
    for term in build.glossary:
        page = File.generated(
            config,
            term_src(term.slug),
            content=term_page(term, build.glossary),
            # Term pages stay out of the navigation: rendering thousands of entries into every page would make
            # the build quadratic. The A-Z index is their place in the nav.
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        page.edit_uri = repo_relative_edit_uri(config, build.docs_path, term.path)
        build.late_html[page.src_uri] = term_controls_html(
            term,
            share_url=share.term_share_url(build.shares, term),
            edit_url=edit_url(config, build.docs_path, term.path),
        )
        files.append(page)
    # The link profile needs every page's links: a placeholder now, its content in on_env. Its tables of this site's
    # pages and anchors are a report, not text to search: out of the index every first visit downloads.
    files.append(
        File.generated(
            config,
            LINK_PROFILE_PAGE,
            content=(
                '---\ndescription: "How the pages of this site link to each other."\nautolink: false\n'
                "search:\n  exclude: true\n---\n# This site's link profile\n"
            ),
        )
    )
    files.append(File.generated(config, QUIZ_INDEX, content=list_page(len(build.quizzes))))
    for quiz in build.quizzes:
        title = build.lesson_titles.get(quiz.lesson or "")
        files.append(
            File.generated(config, quiz_src(quiz.id), content=quiz_page(quiz, title), inclusion=InclusionLevel.NOT_IN_NAV)
        )
    share.add_files(build.shares, files, config, build.glossary)
    files.append(File.generated(config, structured.ROBOTS_FILE, content=structured.robots_txt(build.shares.site_url)))
    assets = resources.files("seokb.site").joinpath("assets")
    for name in SCRIPTS:  # the CSS is written into the pages that use it
        files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=assets.joinpath(name).read_bytes()))
    return files


@no_traceback
def on_nav(nav, config: MkDocsConfig, files: Files):
    build = current()
    build.nav_order = {page.file.src_uri: index for index, page in enumerate(nav.pages)}
    lessons = [page.file.src_uri for page in nav.pages if page.file.src_uri.startswith("lessons/")]
    build.lesson_numbers = {uri: (number, len(lessons)) for number, uri in enumerate(lessons, start=1)}
    build.page_urls = {f.src_uri: f.url for f in files.documentation_pages()}
    return nav


# ---------------------------------------------------------------------------------------------- pass one: each page


def on_page_read_source(page, config: MkDocsConfig) -> str | None:
    """A hand-written page, decoded here so that a file that is not UTF-8 is a `path:line` problem, not a crash."""
    if page.file.generated_by is not None:
        return None
    build = current()
    text = decode(Path(page.file.abs_src_path).read_bytes(), build.source_path(page.file), build.problems)
    if text is None:  # reported; the build goes on to report the rest, then fails
        text = UNREADABLE_PAGE
    build.sources[page.file.src_uri] = text
    build.body_lines[page.file.src_uri] = _body_line(text)
    return text


@guarded
def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    """Record the page's links with their lines; check a hand-written page's rules; expand its markers."""
    build = current()
    path = build.source_path(page.file)
    hand_written = page.file.generated_by is None
    first = build.body_lines.get(page.file.src_uri, 1)
    if hand_written:
        reason = page.meta.get("raw_html")
        for problem in page_problems(markdown, reason if isinstance(reason, str) and reason.strip() else None):
            build.problems.add(path, first + problem.offset, problem.message)
    # A quiz becomes a one-line placeholder here (lines stay true) and its HTML in on_page_content.
    markdown = expand_markers(
        markdown,
        path,
        build.problems,
        build.community,
        build.quizzes,
        lambda quiz: QUIZ_SLOT.format(id=quiz.id),
        first_line=first,
        diagrams=build.diagrams,
        embed_diagram=lambda diagram: DIAGRAM_SLOT.format(name=diagram.name),
    )
    if hand_written:  # markers expand to a single line, so lines in the expanded text still match the file
        build.links += markdown_links(markdown, path, page.file.src_uri, first_line=first)
    if hand_written and REDIRECT_FROM in page.meta:
        text = build.sources.get(page.file.src_uri, "")
        build.redirects += page_redirects(page.meta[REDIRECT_FROM], text, page.file.url, path, build.problems)
    return markdown


@guarded
def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """The page's own contributed content goes in (sanitized term fields, quizzes); its preview is recorded."""
    build = current()
    path = build.source_path(page.file)
    if page.file.generated_by is None:
        for message in sorted(set(rendered_page_problems(html))):
            build.problems.add(path, 1, message)
    html = _fill_term_fields(html, page)
    html = _fill_quizzes(html, page)
    html = fill_diagram_slots(html, lambda name: _diagram_figure(name, page))
    # Every URL of the finished page, decoded as a browser decodes it; one the source check named is not named twice.
    found = rendered_url_problems(html, lambda: _source_text(build, page.file))
    named = {(p.line, p.message) for p in build.problems.items if p.path == path} if found else set()
    for line, message in found:
        if (line, message) not in named:
            build.problems.add(path, line, message)
    share.record_page(build.shares, page, config, build.problems, path, build.lesson_numbers.get(page.file.src_uri))
    return html


def _fill_term_fields(html: str, page) -> str:
    """A term page's contributed fields, as sanitized HTML; anything the sanitizer removed is an error at its line."""
    build = current()
    slug = term_slug(page.file.src_uri)
    term = build.glossary.get(slug) if slug else None
    if term is None:
        return html
    fields, problems = term_fields_html(term, build.fields.render)
    for problem in problems:
        build.problems.add(term.path, problem.line, problem.message)
    # Python-Markdown keeps a slot as a block of its own, with blank lines around it; the field takes its place.
    html = FIELD_SLOTS.sub(lambda match: "\n" + fields[match.group(1)] + "\n", html)
    # Links in the fields are written from glossary/, like the Markdown file they used to stand in.
    return rewrite_links(html, page.file.src_uri, build.page_urls.get, page.url)


def _fill_quizzes(html: str, page) -> str:
    build = current()
    if "seokb-slot: quiz" not in html:
        return html
    own_page = page.file.src_uri.startswith("quizzes/")

    def embed(quiz_id: str, level: int) -> str:
        quiz = build.quizzes.get(quiz_id)
        if quiz is None:  # reported where the marker stands
            return ""
        if own_page:  # a quiz's problems are reported once, on its own page, not again on each lesson embedding it
            for line, message in quiz_field_problems(quiz, build.fields.render):
                build.problems.add(quiz.path, line, message)
        html = render_quiz(quiz, lambda text: build.fields.render(text).html, heading_level=None if own_page else level)
        return rewrite_links(html, quiz_src(quiz.id), build.page_urls.get, page.url)

    html = fill_slots(html, embed)
    if LIST_SLOT in html:
        lessons = {
            slug: LessonLink(title, relative_url(lesson_url(slug), page.url)) for slug, title in build.lesson_titles.items()
        }
        html = html.replace(LIST_SLOT, render_quiz_list(build.quizzes, lessons=lessons))
    return html


def _diagram_figure(name: str, page) -> str:
    """A diagram as a figure of inline SVG; one whose file could not be read was reported where its marker stands.
    The caption goes in now, to be linked with the page; the SVG as the page is written (SVG_SLOT)."""
    build = current()
    diagram = build.diagrams.get(name)
    if diagram is None:
        return ""
    slot = SVG_SLOT.format(name=name)
    build.late_html.setdefault(page.file.src_uri, {})[slot] = diagram_svg(diagram)
    return diagram_figure(diagram, picture=slot)


def _body_line(text: str) -> int:
    """The file line where the Markdown body starts: MkDocs hands hooks the text without its front matter."""
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() in ("---", "..."):
                return number + 1
    return 1


# ---------------------------------------------------------------------------------------------- pass two: the site


@no_traceback
def on_env(env, config: MkDocsConfig, files: Files):
    """Every page is rendered (MkDocs' own link checks have run) and none is written yet: the first moment every
    page's mentions are known, and the last safe exit."""
    build = current()
    pages = [f.page for f in files.documentation_pages() if f.page is not None and f.page.content is not None]
    started = time.perf_counter()
    anchors, mentions = _link_terms(build, pages)
    log.info(f"seokb: terms linked on {len(mentions)} pages in {time.perf_counter() - started:.2f} s")
    _add_backlinks(build, pages, mentions)
    site = site_map(
        pages={**{term_src(slug): None for slug in build.glossary.unreadable}, **anchors},
        urls={f.url: f.src_uri for f in files.documentation_pages()},
        files=(f.src_uri for f in files if not f.is_documentation_page()),
    )
    started = time.perf_counter()
    check_links(build.links, site, build.problems)
    log.info(f"seokb: {len(build.links)} links on {len(pages)} pages checked in {time.perf_counter() - started:.2f} s")
    _write_link_profile(build, pages, site, config, files)
    _keep_published_addresses(build, pages, files, config)
    report(build.problems)
    # Sitemap dates and the feed's dates, from one walk of git's history.
    build.shares.dates = structured.set_update_dates(build, pages)
    share.add_page_files(build.shares, files, config)
    stop_if_strict(config.strict, build.warnings)
    return env


def _link_terms(build: Build, pages: list) -> tuple[dict[str, set[str] | None], dict[PageRef, list[Mention]]]:
    """Each page's first mention of each term linked; every page's anchors and every mention, in course order."""
    anchors: dict[str, set[str] | None] = {}
    in_order = sorted(pages, key=lambda page: (build.nav_order.get(page.file.src_uri, len(build.nav_order)), page.file.src_uri))
    # The A-Z index links every term already; a page may opt out with `autolink: false` in its front matter.
    to_link = [page for page in in_order if page.file.src_uri != GLOSSARY_INDEX and page.meta.get("autolink", True) is not False]
    linking = {page.file.src_uri for page in to_link}
    for page in in_order:
        if page.file.src_uri not in linking:
            anchors[page.file.src_uri] = page_anchors(page.content)
    jobs = [
        PageToLink(
            page.content,
            page.url,
            _source_text(build, page.file),
            build.body_lines.get(page.file.src_uri, 1),
            term_slug(page.file.src_uri),
        )
        for page in to_link
    ]
    mentions: dict[PageRef, list[Mention]] = {}
    for page, linked in zip(to_link, link_pages(jobs, build.matcher), strict=True):
        src_uri = page.file.src_uri
        page.content = linked.html
        anchors[src_uri] = linked.anchors
        mentions[PageRef(src_uri, page.title or src_uri)] = linked.mentions
        path = build.source_path(page.file)
        build.links += [
            Link(path, line, src_uri, href, page_url=page.url, text=words, origin="autolink")
            for line, href, words in linked.links
        ]
    return anchors, mentions


def _source_text(build: Build, file: File) -> str:
    """The text a contributor edits for this page, where each added link's line is looked up."""
    if file.src_uri in build.sources:
        return build.sources[file.src_uri]
    entry = build.root / (source_path(file.src_uri) or "")
    # A file that is not UTF-8 was reported when it was read: its mentions only need lines, not every letter.
    return entry.read_bytes().decode("utf-8", errors="replace") if entry.is_file() else ""


def _add_backlinks(build: Build, pages: list, mentions: dict[PageRef, list[Mention]]) -> None:
    """Each term page lists the pages that mention it; each lesson ends with the terms it used."""
    backlinks = invert(mentions)
    for page in pages:
        src_uri = page.file.src_uri
        slug = term_slug(src_uri)
        if slug is not None:
            entries = [
                {"href": relative_url(build.page_urls[b.page.src_uri], page.url), "title": b.page.title, "sentence": b.sentence}
                for b in backlinks.get(slug, [])
                if b.page.src_uri != src_uri
            ]
            build.late_html.setdefault(src_uri, {})[BACKLINKS_SLOT] = mentioned_in_html(entries) if entries else ""
            if entries:
                _add_heading(page, "Mentioned in", "mentioned-in", before="sources")
                build.links += _engine_links(build, page, [(e["href"], e["title"]) for e in entries], "mentioned-in")
        elif src_uri.startswith("lessons/"):
            terms = terms_used(mentions.get(PageRef(src_uri, page.title or src_uri), []), build.glossary)
            if terms:
                items = [{"href": relative_url(term_url(t.slug), page.url), "name": t.term, "short": t.short} for t in terms]
                page.content += LESSON_TERMS_SLOT
                build.late_html.setdefault(src_uri, {})[LESSON_TERMS_SLOT] = lesson_terms_html(items)
                build.links += _engine_links(build, page, [(i["href"], i["name"]) for i in items], "lesson-terms")
                _add_heading(page, "Terms in this lesson", "terms-in-this-lesson")
    build.problems.items += orphan_term_warnings(build.glossary, backlinks)


def _engine_links(build: Build, page, links: list[tuple[str, str]], origin: str) -> list[Link]:
    """The (href, words) links the engine put in a page's list, at line 1 of its source, to check and count."""
    path = build.source_path(page.file)
    return [Link(path, 1, page.file.src_uri, href, page_url=page.url, text=text, origin=origin) for href, text in links]


def _add_heading(page, title: str, anchor: str, before: str | None = None) -> None:
    """Put an injected section in the page's table of contents, where its heading stands."""
    items = page.toc.items
    if items and items[0].level == 1:  # the page title: sections are its children
        items = items[0].children
    index = next((i for i, item in enumerate(items) if item.id == before), len(items))
    items.insert(index, AnchorLink(title, anchor, 2))


def _write_link_profile(build: Build, pages: list, site: SiteMap, config: MkDocsConfig, files: Files) -> None:
    """The site's own link report, written once every link is known, with its orphan and over-optimisation warnings."""
    titles = {page.file.src_uri: page.title or page.file.src_uri for page in pages}
    lesson_h1 = {lesson_src(slug): [title] for slug, title in build.lesson_titles.items()}
    titles.update({uri: names[0] for uri, names in lesson_h1.items() if uri in titles})
    profile = link_profile(build.links, site, titles, build.glossary, exempt=HUBS, other_names=lesson_h1)
    build.problems.items += over_optimised_warnings(profile)
    build.problems.items += orphan_warnings(profile, {page.file.src_uri: build.source_path(page.file) for page in pages})
    page = next((page for page in pages if page.file.src_uri == LINK_PROFILE_PAGE), None)
    if page is None:
        return
    markdown = link_profile_page(profile, build.glossary)
    page.markdown = markdown.split("---\n", 2)[2] if markdown.startswith("---\n") else markdown
    page.render(config, files)  # MkDocs' own Markdown pipeline and link rewriting, as for any page
    table, table_links = every_page_table(profile, lambda src_uri: relative_url(build.page_urls[src_uri], page.url), page.url)
    page.content = page.content.replace(EVERY_PAGE_SLOT, table)
    profile_links = markdown_links(page.markdown, LINK_PROFILE_PAGE, LINK_PROFILE_PAGE) + table_links
    site.anchors[LINK_PROFILE_PAGE] = page_anchors(page.content)
    generated = Diagnostics()
    check_links([replace(link, origin="link-profile") for link in profile_links], site, generated)
    for problem in generated.sorted():  # the engine wrote these links: a broken one is an engine bug
        build.problems.add(problem.path, problem.line, f"{problem.message} (in the page the engine writes; please report it)")


def _keep_published_addresses(build: Build, pages: list, files: Files, config: MkDocsConfig) -> None:
    """A redirect page at each old address an entry (`old_slugs`) or a page (`redirect_from`) declares; then every
    address published-urls.txt lists must be served, by a page, a file or one of those redirects."""
    page_files = {address(f.url): f for f in files.documentation_pages()}
    titles = {address(page.url): page.title or page.file.src_uri for page in pages}
    titles.update({address(term_url(term.slug)): term.term for term in build.glossary})
    claimed = settle(
        term_redirects(build.glossary) + build.redirects, {old: f.src_uri for old, f in page_files.items()}, build.problems
    )
    for old, redirect in claimed.items():
        new = address(redirect.new_url)
        html = redirect_page(old, new, titles.get(new, new), absolute_url(build.shares.site_url, new))
        files.append(File.generated(config, redirect_file(old), content=html))
    if build.published is None:
        return
    new_addresses = unlisted(build.published, {*page_files, *DATA_FILES, *claimed})
    check_published(
        build.published,
        {address(f.url) for f in files} | unreadable_addresses(build.glossary, build.quizzes),
        build.glossary,
        [NewPage(new, build.source_path(page_files[new]) if new in page_files else new) for new in new_addresses],
        build.problems,
        history=git_history(build.root),
        docs=build.docs_path,
    )
    if new_addresses:
        shown = ", ".join(new_addresses[:5]) + (f" and {len(new_addresses) - 5} more" if len(new_addresses) > 5 else "")
        log.info(
            f"seokb: {len(new_addresses)} new address{'es' if len(new_addresses) != 1 else ''} not in {PUBLISHED_FILE} yet "
            f"({shown}); before you commit, run `.venv/bin/seokb published --update` and commit {PUBLISHED_FILE} too"
        )


# ---------------------------------------------------------------------------------------------- writing


def on_serve(server, config: MkDocsConfig):
    """After the first build, before serving: a bad save keeps the last good site on screen (serve.py)."""
    keep_last_good_site(server, config.site_dir)
    return server


@no_traceback
def on_page_context(context, page, config: MkDocsConfig, nav):
    """The page's breadcrumb (overrides/partials/path.html), its document title (main.html), its JSON-LD, and whether
    it is in the navigation (partials/toc.html), known from on_nav."""
    build = current()
    extras = structured.page_extras(build, page, config)
    build.extras[page.file.src_uri] = extras
    context["seokb_breadcrumb"] = extras.breadcrumb
    context["seokb_title"] = extras.title
    context["seokb_in_nav"] = page.file.src_uri in build.nav_order
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The theme's 404 page is a template, not a page: it gets the assets every page gets (the site's CSS)."""
    if template_name != "404.html" or "</head>" not in output:
        return output
    return page_assets.add_to_page(output, page_assets.for_page(output, current().assets), "404.html")


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    build = current()
    late = build.late_html.get(page.file.src_uri, {})
    for slot, html in late.items():
        output = output.replace(slot, html, 1)
    used = page_assets.for_page(output, build.assets)
    output = page_assets.add_to_page(output, used, page.url)
    extras = build.extras.pop(page.file.src_uri, None)
    return share.add_share_tags(build.shares, output, page, config, extra=extras.json_ld if extras else "")
