"""Structured data, the breadcrumb, document titles, sitemap dates and robots.txt.

The data comes from the build's model (engine.Engine: the glossary, the quizzes, the lessons in navigation order,
each page's preview title and description); site/structured_data.py turns it into JSON-LD and HTML.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime

from seokb.engine.pages import SitePage
from seokb.engine.previews import home_title, log
from seokb.site import structured_data as sd
from seokb.site.feed import file_dates
from seokb.site.share_meta import absolute_url, plain_description
from seokb.site.urls import (
    GLOSSARY_INDEX,
    GLOSSARY_URL,
    QUIZ_INDEX,
    lesson_slug,
    lesson_src,
    quiz_id_of,
    relative_url,
    source_path,
    term_slug,
    term_src,
)

ROBOTS_FILE = "robots.txt"
HOME_PAGE = "index.md"


@dataclass(frozen=True)
class PageExtras:
    """What the templates and the written page get for one page."""

    breadcrumb: str  # the visible breadcrumb's HTML, '' on the home page
    json_ld: str  # the <script type="application/ld+json"> element
    title: str | None  # the document <title> when the engine sets it, else None (the theme's)
    content: str = ""  # the page's HTML with what goes in after the search index has read it
    head: str = ""  # for the end of <head>: the page's CSS, its preview tags, its JSON-LD
    scripts: str = ""  # the list of the page's scripts (scripts-on-demand.js loads them), for the end of its main part


def robots_txt(site_url: str) -> str:
    """robots.txt for a site at the root of its host: everything may be crawled, and here is the sitemap.
    (A crawler only reads /robots.txt at a host's root: under a project path it is never read; see MAINTAINING.md.)"""
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute_url(site_url, 'sitemap.xml')}\n"


def _title(page: SitePage) -> str:
    """The page's own title (its h1), not the navigation's numbered one."""
    return page.heading or page.title or ""


def _shared(build, src_uri: str):
    return build.shares.pages.get(src_uri)


def document_title(build, page: SitePage) -> str | None:
    """The home page's `title` front matter (what the site is), a lesson's h1 without its navigation number."""
    if page.is_home:
        return home_title(page)
    if page.src_uri in build.lesson_numbers:
        shared = _shared(build, page.src_uri)
        return f"{shared.title if shared else _title(page)} - {build.settings.site_name}"
    return None


def course_title(build) -> str:
    """The course's name: the home page's h1 (what its social card shows), else the site's name."""
    home = build.shares.pages.get(HOME_PAGE)
    return home.card.title if home else build.settings.site_name


def _lessons(build, site_url: str) -> list[sd.LessonRef]:
    """The course's lessons in navigation order."""
    ordered = sorted(build.lesson_numbers, key=lambda src_uri: build.lesson_numbers[src_uri][0])
    return [lesson for src_uri in ordered if (lesson := _lesson(build, src_uri, site_url)) is not None]


def _lesson(build, src_uri: str, site_url: str) -> sd.LessonRef | None:
    url = build.page_urls.get(src_uri)
    if url is None or src_uri not in build.lesson_numbers:
        return None
    shared = _shared(build, src_uri)
    title = shared.title if shared else build.lesson_titles.get(lesson_slug(src_uri) or "", src_uri)
    description = plain_description(shared.description) if shared else ""
    return sd.LessonRef(title, absolute_url(site_url, url), build.lesson_numbers[src_uri][0], description)


def crumbs(build, page: SitePage, site_url: str, site_name: str) -> list[tuple[sd.Crumb, str]]:
    """The page's place in the site, home first, each step with its site-relative URL."""
    src_uri = page.src_uri
    if page.is_home:
        return []
    home = (sd.Crumb("Home", absolute_url(site_url, "")), "")
    steps = [home]
    if term_slug(src_uri) is not None:
        steps.append(_crumb(build, GLOSSARY_INDEX, site_url, "Glossary"))
    elif quiz_id_of(src_uri) is not None:
        steps.append(_crumb(build, QUIZ_INDEX, site_url, "Quizzes"))
    shared = _shared(build, src_uri)
    steps.append((sd.Crumb(shared.title if shared else _title(page) or site_name, absolute_url(site_url, page.url)), page.url))
    return steps


def _crumb(build, src_uri: str, site_url: str, name: str) -> tuple[sd.Crumb, str]:
    url = build.page_urls.get(src_uri, "")
    return sd.Crumb(name, absolute_url(site_url, url)), url


def page_extras(build, page: SitePage) -> PageExtras:
    settings = build.settings
    site_url = settings.site_url
    src_uri = page.src_uri
    home_url = absolute_url(site_url, "")
    url = absolute_url(site_url, page.url)
    shared = _shared(build, src_uri)
    description = plain_description(shared.description) if shared else settings.site_description
    glossary_url = absolute_url(site_url, build.page_urls.get(GLOSSARY_INDEX, GLOSSARY_URL))
    glossary_name = f"{settings.site_name} glossary"
    course_name = course_title(build)

    nodes: list[sd.Node] = []
    if page.is_home:
        nodes.append(sd.website(settings.site_name, home_url, settings.site_description or description))
        nodes.append(
            sd.course(
                course_name, settings.site_description or description, home_url, settings.site_name, _lessons(build, site_url)
            )
        )
    elif (slug := term_slug(src_uri)) is not None and (term := build.glossary.get(slug)) is not None:
        nodes.append(sd.defined_term(term, url, glossary_url, glossary_name))
    elif src_uri == GLOSSARY_INDEX:
        nodes.append(
            sd.defined_term_set(
                build.glossary,
                glossary_url,
                glossary_name,
                description,
                lambda s: absolute_url(site_url, build.page_urls[term_src(s)]),
            )
        )
    elif (quiz_id := quiz_id_of(src_uri)) is not None and (quiz := build.quizzes.get(quiz_id)) is not None:
        about = []
        lesson_page = lesson_src(quiz.lesson) if quiz.lesson else None
        if lesson_page and lesson_page in build.page_urls:
            lesson = _shared(build, lesson_page)
            lesson_url = absolute_url(site_url, build.page_urls[lesson_page])
            about.append(
                {
                    "@type": "LearningResource",
                    "@id": lesson_url,
                    "name": lesson.title if lesson else quiz.lesson,
                    "url": lesson_url,
                }
            )
        nodes.append(sd.quiz(quiz, url, description, about, plain=lambda text: plain_description(text, 300)))
    elif (lesson := _lesson(build, src_uri, site_url)) is not None:
        nodes.append(sd.learning_resource(lesson, course_name, home_url))

    steps = crumbs(build, page, site_url, settings.site_name)
    breadcrumb = ""
    if steps:
        nodes.append(sd.breadcrumb_list([crumb for crumb, _ in steps]))
        hrefs = [_href(target, page.url) for _, target in steps]
        breadcrumb = sd.breadcrumb_html([crumb for crumb, _ in steps], hrefs)
    return PageExtras(breadcrumb=breadcrumb, json_ld=sd.script(nodes), title=document_title(build, page))


def _href(target: str, from_url: str) -> str:
    href = relative_url(target, from_url)
    return href if href.endswith("/") or "#" in href else href + "/"


# ---------------------------------------------------------------------------------------------- sitemap dates


def page_sources(build, pages: list[SitePage]) -> dict[str, list[str]]:
    """Each page's source files, relative to the repository: a lesson's Markdown, a term's or a quiz's YAML; the
    A-Z index is all the entries, the quiz list all the quizzes, the link profile every page's sources."""
    sources: dict[str, list[str]] = {}
    whole_site = []
    for page in pages:
        src_uri = page.src_uri
        if src_uri == GLOSSARY_INDEX:
            sources[src_uri] = [term.path for term in build.glossary if term.path]
        elif src_uri == QUIZ_INDEX:
            sources[src_uri] = [quiz.path for quiz in build.quizzes if quiz.path]
        elif page.generated and source_path(src_uri) is None:
            whole_site.append(src_uri)  # written from the whole site (the link profile)
        else:
            sources[src_uri] = [page.path]
    every_file = sorted({path for paths in sources.values() for path in paths})
    for src_uri in whole_site:
        sources[src_uri] = every_file
    return sources


def update_dates(build, pages: list[SitePage]) -> tuple[dict[str, str], dict[str, tuple[datetime, datetime]]]:
    """Each page's update date (what a sitemap writes as <lastmod>): the date of the last commit that changed its
    sources, from one `git log` walk; the files' own time where git has no history. With the dates per file, for
    the feed to reuse."""
    started = time.perf_counter()
    sources = page_sources(build, pages)
    paths = sorted({path for paths in sources.values() for path in paths})
    dates = file_dates(build.root, paths) if paths else {}
    by_page = {}
    for page in pages:
        changed = [dates[path][1] for path in sources[page.src_uri] if path in dates]
        if changed:
            by_page[page.src_uri] = last_modified(changed).isoformat()
    log.info(
        f"seokb: sitemap dates of {len(pages)} pages from {len(paths)} files in {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    return by_page, dates


def last_modified(changed: list[datetime]) -> date:
    """The newest change, as the date in the committer's own time zone (what `git log --format=%cs` prints)."""
    return max(changed).date()
