"""The one module that speaks MkDocs: it feeds the engine's pages and diagnostics into a MkDocs build."""

from __future__ import annotations

import functools
import logging
import os
import re
import posixpath
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from . import mkdocs_share, mkdocs_watch
from .autolink import Mention, TermMatcher
from .backlinks import PageRef, invert, orphans, terms_used
from .characters import decode
from .diagnostics import Diagnostics, actions_command, internal_errors
from .glossary import EntryCache, load_glossary
from .glossary_pages import (
    BACKLINKS_SLOT, FIELD_SLOTS, GLOSSARY_INDEX, LESSON_TERMS_SLOT, index_page, index_page_links, lesson_terms_html, mentioned_in_html,
    term_controls_html, term_fields_html, term_page, term_page_links, term_slug,
)
from .link_profile import (
    EVERY_PAGE_SLOT, LINK_PROFILE_PAGE, LinkProfile, every_page_table, link_profile, link_profile_page, over_optimised_warnings,
)
from .links import Link, check_links, markdown_links, page_anchors, site_map
from .markers import Community, expand_markers
from .model import Glossary
from .page_rules import page_problems, rendered_page_problems
from .page_linking import LinkedPage, PageJob, PageLinker, stop_worker
from .quiz import Quizzes, expand_quiz_markers, load_quizzes
from .quiz_pages import (
    LIST_SLOT, QUIZ_SLOT, fill_slots, list_links, list_page, quiz_field_problems, quiz_links, quiz_page, rewrite_links,
)
from .quiz_render import LessonLink, render_quiz, render_quiz_list
from .safe_html import FieldRenderer
from .serve_output import ServeOutput

log = logging.getLogger("mkdocs.plugins.seokb")

ASSETS = ("site.css", "glossary.css", "glossary.js", "quiz.css", "quiz.js")
ASSET_DIR = "assets/seokb"
CONTENT_FOLDERS = ("glossary", "quizzes")  # beside docs/, read by the hooks


class WarningCount(logging.Handler):
    """Counts MkDocs' own warnings, so that strict mode can stop before any page is written, not after."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class ActionsAnnotations(logging.Handler):
    """Under GitHub Actions, every warning and error of the build is also a workflow command, so a link or orphan
    problem shows on the pull request's changed line, as `seokb check`'s problems do."""

    _WHERE = re.compile(r"(?P<path>[^\s:]+):(?P<line>\d+): (?P<message>.*)", re.DOTALL)

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        severity = "error" if record.levelno >= logging.ERROR else "warning"
        found = self._WHERE.match(text)
        if found:
            print(actions_command(severity, found["message"], "seokb build", found["path"], int(found["line"])), flush=True)
        else:  # MkDocs' own messages name no line
            print(actions_command(severity, text, "MkDocs build"), flush=True)


@dataclass
class SiteBuild:
    """What one build knows; made anew in on_config because `mkdocs serve` keeps hook modules loaded between rebuilds."""

    root: Path
    glossary: Glossary = field(default_factory=Glossary)
    quizzes: Quizzes = field(default_factory=Quizzes)
    lesson_titles: dict[str, str] = field(default_factory=dict)  # lesson slug -> its h1
    community: Community = field(default_factory=Community)
    # Every problem of the run, from content and from pages; all reported together in on_env, before anything
    # is written, so one run shows a contributor everything there is to fix.
    problems: Diagnostics = field(default_factory=Diagnostics)
    # Every link of the site with the file and line it was written at, and every page's anchors once rendered.
    links: list[Link] = field(default_factory=list)
    anchors: dict[str, set[str]] = field(default_factory=dict)
    matcher: TermMatcher | None = None
    linker: PageLinker | None = None
    # Position of each page in the navigation: panels list pages in course order, terms after them.
    nav_order: dict[str, int] = field(default_factory=dict)
    link_seconds: float = 0.0  # time spent reading, collecting and checking links: reported after every build
    lesson_numbers: dict[str, tuple[int, int]] = field(default_factory=dict)  # src_uri -> (n, total)
    body_lines: dict[str, int] = field(default_factory=dict)  # src_uri -> file line where its Markdown body starts
    # Page src_uri -> URL, and the Markdown pipeline for contributed text: made once per build, used on every page.
    page_urls: dict[str, str] | None = None
    fields: FieldRenderer = field(default_factory=FieldRenderer)
    mentions: dict[PageRef, list[Mention]] = field(default_factory=dict)
    warnings: WarningCount = field(default_factory=WarningCount)
    # src_uri -> {slot: HTML} put in when the page is written, after the search index has read its content
    late_html: dict[str, dict[str, str]] = field(default_factory=dict)
    source_paths: dict[str, str] = field(default_factory=dict)  # a written page's abs_src_path -> _source_path()
    docs_path: str = "docs"  # docs_dir relative to the repository root, as edit links need it


_build: SiteBuild | None = None
# Outlives the build: `mkdocs serve` rebuilds after each edit, and then only the edited entries are read anew.
_entries = EntryCache()
_serve_output = ServeOutput()


def current() -> SiteBuild:
    if _build is None:
        raise RuntimeError("seokb: on_config has not run")
    return _build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    mkdocs_logger = logging.getLogger("mkdocs")
    for handler in list(mkdocs_logger.handlers):
        if isinstance(handler, (WarningCount, ActionsAnnotations)):
            mkdocs_logger.removeHandler(handler)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        mkdocs_logger.addHandler(ActionsAnnotations())
    _build = SiteBuild(root=Path(config.config_file_path).resolve().parent)
    _build.docs_path = Path(os.path.relpath(Path(config.docs_dir).resolve(), _build.root)).as_posix()
    mkdocs_logger.addHandler(_build.warnings)

    # Broken entries are left out of the build and reported with everything else in on_env.
    read_before = _entries.parsed
    _build.glossary = load_glossary(_build.root, _build.problems, cache=_entries)
    if read_before:  # a rebuild in the same process: say how much of the glossary had to be read again
        log.info(f"seokb: {_entries.parsed - read_before} of {len(_entries.entries)} glossary files changed since the last build")
    _build.matcher = TermMatcher(_build.glossary)
    _build.lesson_titles = _lesson_titles(Path(config.docs_dir) / "lessons")
    _build.quizzes = load_quizzes(_build.root, _build.problems, lessons=set(_build.lesson_titles))
    mkdocs_share.on_config(config, _build.root)

    _build.community = _community(config)
    # `mkdocs serve` watches docs/ only: the content beside it must rebuild the site too, whatever mkdocs.yml says.
    watched = {os.path.realpath(path) for path in config.watch}
    for folder in CONTENT_FOLDERS:
        path = str(_build.root / folder)
        if os.path.isdir(path) and os.path.realpath(path) not in watched:
            config.watch.append(path)
    # Our template overrides go first in the theme's search path (see overrides/ for why each exists).
    overrides = str(resources.files("seokb").joinpath("overrides"))
    if overrides not in config.theme.dirs:
        config.theme.dirs.insert(0, overrides)
    for name in ASSETS:
        path = f"{ASSET_DIR}/{name}"
        listed = config.extra_css if name.endswith(".css") else config.extra_javascript
        if path not in listed:
            listed.append(path)
    return config


def link_profile_page_placeholder() -> str:
    return '---\ndescription: "How the pages of this site link to each other."\nautolink: false\n---\n# This site\'s link profile\n'


def _lesson_titles(folder: Path) -> dict[str, str]:
    """Each lesson's slug and the text of its first '# ' heading (quiz pages name the lesson they belong to)."""
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
    community = Community(name=settings.get("name", "").strip(), url=settings.get("url", "").strip(), repo_url=config.repo_url or "")
    if community.url:
        social = config.extra.setdefault("social", [])
        if not any(link.get("link") == community.url for link in social):
            social.append({"icon": settings.get("icon", "fontawesome/brands/discord"), "link": community.url, "name": community.name})
    return community


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
            with internal_errors(_source_path(page.file), current().problems):
                raise
            return content

    return run


def on_page_read_source(page, config: MkDocsConfig) -> str | None:
    """A hand-written page, decoded here so that a file that is not UTF-8 is a `path:line` problem, not a crash."""
    if page.file.generated_by is not None:
        return None
    site = current()
    path = _source_path(page.file)
    text = decode(Path(page.file.abs_src_path).read_bytes(), path, site.problems)
    if text is None:  # reported; the build goes on to report the rest, then fails
        text = UNREADABLE_PAGE
    site.body_lines[page.file.src_uri] = _body_line(text)
    return text


UNREADABLE_PAGE = "---\ndescription: This page could not be read.\n---\n# Unreadable page\n"


@guarded
def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    site = current()
    path = _source_path(page.file)
    first = site.body_lines.get(page.file.src_uri, 1) if page.file.generated_by is None else 1
    site.body_lines[page.file.src_uri] = first
    if page.file.generated_by is None:
        reason = page.meta.get("raw_html")
        for problem in page_problems(markdown, reason if isinstance(reason, str) and reason.strip() else None):
            site.problems.add(path, first + problem.offset, problem.message)
    markdown = expand_markers(markdown, path, site.problems, site.community, first_line=first)
    # A quiz becomes a one-line placeholder here (lines stay true) and its HTML in on_page_content.
    markdown = expand_quiz_markers(
        markdown, path, site.quizzes, site.problems, lambda quiz: QUIZ_SLOT.format(id=quiz.id), first_line=first,
    )
    if page.file.generated_by is None:
        # Markers expand to a single line, so lines in the expanded text still match the file.
        started = time.perf_counter()
        site.links += markdown_links(markdown, path, page.file.src_uri, first_line=first)
        site.link_seconds += time.perf_counter() - started
    return markdown


# Reached from the navigation without a link in any page: the home page and the pages the engine writes for
# the whole site. They are never reported as orphans.
HUBS = ("index.md", GLOSSARY_INDEX, "quizzes/index.md", LINK_PROFILE_PAGE)


def on_nav(nav, config: MkDocsConfig, files: Files):
    site = current()
    site.nav_order = {page.file.src_uri: index for index, page in enumerate(nav.pages)}
    lessons = [page.file.src_uri for page in nav.pages if page.file.src_uri.startswith("lessons/")]
    site.lesson_numbers = {uri: (number, len(lessons)) for number, uri in enumerate(lessons, start=1)}
    site.page_urls = {f.src_uri: f.url for f in files.documentation_pages()}
    assert site.matcher is not None
    site.linker = PageLinker(site.matcher, pages=len(site.page_urls), cores=os.cpu_count())
    return nav


@guarded
def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    site = current()
    src_uri = page.file.src_uri
    if page.file.generated_by is None:
        for message in sorted(set(rendered_page_problems(html))):
            site.problems.add(_source_path(page.file), 1, message)
    # Contributed text goes in before terms are linked, so it gets term links like the lesson around it.
    html = _fill_term_fields(html, page)
    html = _fill_quizzes(html, page)
    # The A-Z index links every term already; a page may opt out with `autolink: false` in its front matter.
    if src_uri != GLOSSARY_INDEX and page.meta.get("autolink", True) is not False:
        assert site.linker is not None
        linked = site.linker.link(_page_job(html, page))
        if linked is not None:
            html = _apply_links(linked, page)
        # else a worker links it; on_env keeps the result
    else:
        started = time.perf_counter()
        site.anchors[src_uri] = page_anchors(html)
        site.link_seconds += time.perf_counter() - started
    mkdocs_share.on_page_content(page, config, site.problems, _source_path(page.file), _lesson_number(src_uri))
    return html


def _fill_term_fields(html: str, page) -> str:
    """A term page's contributed fields, as sanitized HTML; anything the sanitizer removed is an error at its line."""
    site = current()
    slug = term_slug(page.file.src_uri)
    term = site.glossary.get(slug) if slug else None
    if term is None:
        return html
    fields, problems = term_fields_html(term, site.fields.render)
    for problem in problems:
        site.problems.add(term.path, problem.line, problem.message)
    # Python-Markdown keeps a slot as a block of its own, with blank lines around it; the field takes its place.
    html = FIELD_SLOTS.sub(lambda match: "\n" + fields[match.group(1)] + "\n", html)
    # Links in the fields are written from glossary/, like the Markdown file they used to stand in.
    return rewrite_links(html, page.file.src_uri, (site.page_urls or {}).get, page.url)


def _fill_quizzes(html: str, page) -> str:
    site = current()
    if "seokb-slot: quiz" not in html:
        return html
    urls = site.page_urls or {}
    own_page = page.file.src_uri.startswith("quizzes/")

    def embed(quiz_id: str) -> str:
        quiz = site.quizzes.get(quiz_id)
        if quiz is None:  # reported where the marker stands
            return ""
        if own_page:  # a quiz's problems are reported once, on its own page, not again on each lesson embedding it
            for line, message in quiz_field_problems(quiz, site.fields.render):
                site.problems.add(quiz.path, line, message)
        html = render_quiz(quiz, lambda text: site.fields.render(text).html, heading_level=None if own_page else 3)
        return rewrite_links(html, f"quizzes/{quiz.id}.md", urls.get, page.url)

    html = fill_slots(html, embed)
    if LIST_SLOT in html:
        lessons = {
            slug: LessonLink(title, get_relative_url(f"lessons/{slug}/", page.url)) for slug, title in site.lesson_titles.items()
        }
        html = html.replace(LIST_SLOT, render_quiz_list(site.quizzes, lessons=lessons))
    return html


def _lesson_number(src_uri: str) -> tuple[int, int] | None:
    """(n, total) for the n-th lesson of the course, in navigation order."""
    return current().lesson_numbers.get(src_uri)


def _page_job(html: str, page) -> PageJob:
    site = current()
    return PageJob(
        src_uri=page.file.src_uri, html=html, page_url=page.url, own_slug=term_slug(page.file.src_uri),
        source_file=str(site.root / _source_path(page.file)), body_line=site.body_lines.get(page.file.src_uri, 1),
    )


def _apply_links(linked: LinkedPage, page) -> str:
    """Keep what linking found on a page: its mentions, its anchors and the links the engine added."""
    site = current()
    site.anchors[linked.src_uri] = linked.anchors
    site.mentions[PageRef(linked.src_uri, page.title or linked.src_uri)] = linked.mentions
    path = _source_path(page.file)
    site.links += [
        Link(path, line, linked.src_uri, href, page_url=page.url, text=words, origin="autolink")
        for line, href, words in linked.links
    ]
    page.content = linked.html
    return linked.html


def _body_line(text: str) -> int:
    """The file line where the Markdown body starts: MkDocs hands hooks the text without its front matter."""
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() in ("---", "..."):
                return number + 1
    return 1


def _source_path(file: File) -> str:
    """The path a contributor edits: docs/lessons/x.md for a lesson, the YAML for a generated term page."""
    if file.generated_by is None:
        known = current().source_paths
        if file.abs_src_path not in known:  # resolving a path asks the file system: once per file, not per link
            known[file.abs_src_path] = Path(file.abs_src_path).resolve().relative_to(current().root).as_posix()
        return known[file.abs_src_path]
    slug = term_slug(file.src_uri)
    if slug:
        return f"glossary/{slug}.yml"
    if file.src_uri.startswith("quizzes/") and file.src_uri != "quizzes/index.md":
        return "quizzes/" + Path(file.src_uri).stem + ".yml"
    return file.src_uri


def _write_link_profile(by_uri: dict[str, File], known, config: MkDocsConfig, files: Files) -> LinkProfile:
    """The site's own link report, written once every link is known, and its over-optimisation warnings."""
    site = current()
    titles = {uri: f.page.title or uri for uri, f in by_uri.items() if f.page is not None}
    lesson_h1 = {f"lessons/{slug}.md": [title] for slug, title in site.lesson_titles.items()}
    titles.update({uri: names[0] for uri, names in lesson_h1.items() if uri in titles})
    profile = link_profile(
        site.links, known, titles, site.glossary,
        exempt=HUBS, other_names=lesson_h1,
    )
    for warning in over_optimised_warnings(profile):
        log.warning(str(warning))
    page_file = by_uri.get(LINK_PROFILE_PAGE)
    if page_file is None or page_file.page is None:
        return profile
    page = page_file.page
    markdown = link_profile_page(profile, site.glossary)
    page.markdown = markdown.split("---\n", 2)[2] if markdown.startswith("---\n") else markdown
    page.render(config, files)  # MkDocs' own Markdown pipeline and link rewriting, as for any page
    urls = site.page_urls or {}
    table, table_links = every_page_table(profile, lambda src_uri: get_relative_url(urls[src_uri], page.url), page.url)
    page.content = page.content.replace(EVERY_PAGE_SLOT, table)
    profile_links = markdown_links(page.markdown, LINK_PROFILE_PAGE, LINK_PROFILE_PAGE) + table_links
    known.anchors[LINK_PROFILE_PAGE] = page_anchors(page.content)
    report = Diagnostics()
    check_links([replace(link, origin="link-profile") for link in profile_links], known, report)
    for problem in report.sorted():  # the engine wrote these links: a broken one is an engine bug
        site.problems.add(problem.path + " (generated)", problem.line, problem.message)
    return profile


def _add_backlinks(pages: list[File]) -> None:
    """Each term page lists the pages that mention it; each lesson ends with the terms it used."""
    site = current()
    urls = site.page_urls or {}
    in_course_order = sorted(site.mentions, key=lambda ref: (site.nav_order.get(ref.src_uri, len(site.nav_order)), ref.src_uri))
    backlinks = invert({ref: site.mentions[ref] for ref in in_course_order})
    for file in pages:
        page = file.page
        if page is None or page.content is None:
            continue
        slug = term_slug(file.src_uri)
        if slug is not None:
            entries = [
                {"href": get_relative_url(urls[b.page.src_uri], page.url), "title": b.page.title, "sentence": b.sentence}
                for b in backlinks.get(slug, []) if b.page.src_uri != file.src_uri
            ]
            site.late_html.setdefault(file.src_uri, {})[BACKLINKS_SLOT] = mentioned_in_html(entries) if entries else ""
            if entries:
                _add_heading(page, "Mentioned in", "mentioned-in", before="sources")
                site.links += [
                    Link(_source_path(file), 1, file.src_uri, entry["href"], page_url=page.url, text=entry["title"], origin="mentioned-in")
                    for entry in entries
                ]
        elif file.src_uri.startswith("lessons/"):
            ref = PageRef(file.src_uri, page.title or file.src_uri)
            terms = terms_used(site.mentions.get(ref, []), site.glossary)
            if terms:
                items = [{"href": get_relative_url(f"glossary/{t.slug}/", page.url), "name": t.term, "short": t.short} for t in terms]
                page.content += LESSON_TERMS_SLOT
                site.late_html.setdefault(file.src_uri, {})[LESSON_TERMS_SLOT] = lesson_terms_html(items)
                site.links += [
                    Link(_source_path(file), 1, file.src_uri, item["href"], page_url=page.url, text=item["name"], origin="lesson-terms")
                    for item in items
                ]
                _add_heading(page, "Terms in this lesson", "terms-in-this-lesson")
    for term in orphans(site.glossary, backlinks):
        log.warning(
            f"{term.path}:1: orphan term: no page mentions '{term.term}' and no entry relates to it; "
            "mention it in a lesson or list it under another entry's related"
        )


def _add_heading(page, title: str, anchor: str, before: str | None = None) -> None:
    """Put an injected section in the page's table of contents, where its heading stands."""
    items = page.toc.items
    if items and items[0].level == 1:  # the page title: sections are its children
        items = items[0].children
    link = AnchorLink(title, anchor, 2)
    index = next((i for i, item in enumerate(items) if item.id == before), len(items))
    items.insert(index, link)


def fail_on(report: Diagnostics) -> None:
    """Print every problem of the run as `path:line: message`, then stop the build once."""
    if not report:
        return
    for diagnostic in report.sorted():
        log.error(str(diagnostic))
    count = len(report)
    raise Abort(f"Aborted: {count} problem{'s' if count != 1 else ''} in the content above; no page was written.")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = current()
    files.append(File.generated(config, "glossary/index.md", content=index_page(site.glossary)))
    site.links += index_page_links(site.glossary)
    for term in site.glossary:
        site.links += term_page_links(term, site.glossary)
        page = File.generated(
            config,
            f"glossary/{term.slug}.md",
            content=term_page(term, site.glossary),
            # Term pages stay out of the navigation: rendering thousands of entries into every page would make
            # the build quadratic. The A-Z index is their place in the nav.
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        page.edit_uri = _repo_relative_edit_uri(config, term.path)
        site.late_html[page.src_uri] = term_controls_html(
            term, share_url=mkdocs_share.term_share_url(config, term), edit_url=_edit_url(config, term.path),
        )
        files.append(page)
    # The link profile needs every page's links: a placeholder now, its content in on_env.
    files.append(File.generated(config, LINK_PROFILE_PAGE, content=link_profile_page_placeholder()))
    files.append(File.generated(config, "quizzes/index.md", content=list_page(len(site.quizzes))))
    site.links += list_links(site.quizzes)
    for quiz in site.quizzes:
        title = site.lesson_titles.get(quiz.lesson or "")
        files.append(File.generated(config, f"quizzes/{quiz.id}.md", content=quiz_page(quiz, title), inclusion=InclusionLevel.NOT_IN_NAV))
        site.links += quiz_links(quiz)
    mkdocs_share.on_files(files, config, site.glossary)
    assets = resources.files("seokb").joinpath("assets")
    for name in ASSETS:
        files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=assets.joinpath(name).read_bytes()))
    return files


def _repo_relative_edit_uri(config: MkDocsConfig, repo_path: str) -> str | None:
    """edit_uri points into docs/; the YAML lives beside docs/, so climb out of it."""
    if not config.edit_uri:
        return None
    folder, name = posixpath.split(repo_path)
    return posixpath.join(_from_docs(folder or ".", current().docs_path), name)


def _edit_url(config: MkDocsConfig, repo_path: str) -> str | None:
    relative = _repo_relative_edit_uri(config, repo_path)
    if not (config.repo_url and relative):
        return None
    folder, name = posixpath.split(relative)
    return _edit_folder_url(config.repo_url, config.edit_uri, folder) + name


# Once per folder, not once per entry: relpath asks the OS for the working directory, and thousands of entries
# share one folder.
@lru_cache(maxsize=16)
def _from_docs(folder: str, docs_path: str) -> str:
    return posixpath.relpath(folder, docs_path)


@lru_cache(maxsize=16)
def _edit_folder_url(repo_url: str, edit_uri: str, folder: str) -> str:
    return urljoin(repo_url.rstrip("/") + "/", urljoin(edit_uri, folder + "/"))


def on_env(env, config: MkDocsConfig, files: Files):
    # Every page has been rendered (MkDocs' own link checks have run) but none written yet: the last safe exit,
    # and the first moment the mentions of every page are known.
    site = current()
    pages = files.documentation_pages()
    by_uri = {f.src_uri: f for f in pages}
    if site.linker is not None:
        linked_pages = site.linker.finish()  # pages a worker linked while the build went on
        for linked in linked_pages:
            _apply_links(linked, by_uri[linked.src_uri].page)
        if linked_pages:
            log.info(f"seokb: {len(linked_pages)} pages linked in a worker process")
    _add_backlinks(pages)
    started = time.perf_counter()
    unreadable = {f"glossary/{slug}.md": None for slug in site.glossary.unreadable}
    known = site_map(
        pages={**unreadable, **{f.src_uri: site.anchors.get(f.src_uri, set()) for f in pages}},
        urls={f.url: f.src_uri for f in pages},
        files=(f.src_uri for f in files if not f.is_documentation_page()),
    )
    check_links(site.links, known, site.problems)
    site.link_seconds += time.perf_counter() - started
    log.info(f"seokb: {len(site.links)} links on {len(pages)} pages checked in {site.link_seconds:.2f} s")
    profile = _write_link_profile(by_uri, known, config, files)
    for orphan in profile.orphans:  # the profile has resolved every link already
        log.warning(f"{_source_path(by_uri[orphan])}:1: orphan page: no other page links to it; link it from a lesson or the home page")
    fail_on(site.problems)
    mkdocs_share.on_env(files, config)
    # Every check is done: what only the checks needed goes now, so that the garbage collector does not walk
    # tens of thousands of links and mentions again and again while MkDocs writes the pages.
    site.links, site.mentions, site.anchors, site.matcher, site.linker = [], {}, {}, None, None
    count = current().warnings.count
    if config.strict and count:
        raise Abort(f"Aborted with {count} warning{'s' if count != 1 else ''} in strict mode; nothing was written.")
    return env


def on_pre_build(config: MkDocsConfig) -> None:
    _serve_output.before_build(config.site_dir)


def on_post_build(config: MkDocsConfig) -> None:
    _serve_output.discard_previous()


def on_build_error(error) -> None:
    if _build is not None and _build.linker is not None:
        _build.linker.close()
    _serve_output.discard_previous()


def on_serve(server, config: MkDocsConfig):
    # After the first build, before the server starts: the paths in config.watch are watched after this event.
    mkdocs_watch.watch_with_inotify(server, config.watch)
    _serve_output.serving(config.site_dir)  # rebuilds from now on write into an emptied folder (serve_output.py)
    return server


def on_shutdown() -> None:
    stop_worker()
    _serve_output.discard_previous()


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    for slot, html in current().late_html.get(page.file.src_uri, {}).items():
        output = output.replace(slot, html, 1)
    return mkdocs_share.on_post_page(output, page, config)
