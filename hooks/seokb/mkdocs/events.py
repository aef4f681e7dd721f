"""The MkDocs door: each event turns MkDocs' files, pages and config into the engine's plain values, calls one step
of the engine (seokb/engine/build.py, which says the order), and writes back what it returns.

The engine is made anew in on_config (`mkdocs serve` keeps this module loaded between rebuilds). ProperDocs, the
maintained continuation of MkDocs 1.6, loads the same hooks through its `mkdocs` alias.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import CountHandler

from seokb.diagnostics import Diagnostics, internal_errors
from seokb.engine.build import CONTENT_FOLDERS, Engine
from seokb.engine.pages import Finished, Section, SiteFile, SitePage
from seokb.engine.settings import Settings, SettingsError, read_settings
from seokb.mkdocs.logs import log, report, start_build_logging, stop_build_logging, stop_if_strict
from seokb.mkdocs.publishable import leave_out_refused, stop_at_folder_links
from seokb.mkdocs.serve import keep_last_good_site
from seokb.site.engine_pages import engine_pages
from seokb.site.page_assets import PALETTE
from seokb.site.search_names import SearchIndexError
from seokb.site.urls import PUBLISHED_FILE, source_path

_engine: Engine | None = None
_warnings = CountHandler()  # the build's warning counter (strict mode stops before any page is written)
_bundle = ""  # mkdocs-material's script bundle, which overrides/main.html hands to scripts-on-demand.js


def current() -> Engine:
    if _engine is None:
        raise RuntimeError("seokb: on_config has not run")
    return _engine


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
            with internal_errors(_path(page.file), current().problems):
                raise
            return content

    return run


# ---------------------------------------------------------------------------------------------- MkDocs -> engine


def settings_of(config: MkDocsConfig, root: Path, docs_path: str) -> Settings:
    """mkdocs.yml's settings, checked once: a bad one stops the build with its name."""
    try:
        return read_settings(config, config.extra, Path(config.docs_dir), docs_path)
    except SettingsError as error:
        raise PluginError(str(error)) from None


def _path(file: File) -> str:
    """The path a contributor edits: docs/lessons/x.md for a lesson, the YAML for a generated term page."""
    if file.generated_by is None:
        return f"{current().settings.docs_path}/{file.src_uri}"
    return source_path(file.src_uri) or file.src_uri


def site_page(page) -> SitePage:
    """A MkDocs page as the engine sees it; its heading and content once it is rendered."""
    items = getattr(page.toc, "items", None) or []
    return SitePage(
        src_uri=page.file.src_uri,
        url=page.url,
        path=_path(page.file),
        generated=page.file.generated_by is not None,
        title=page.title or "",
        meta=page.meta,
        is_home=page.is_homepage,
        heading=items[0].title if items and items[0].level == 1 else None,
        html=page.content or "",
    )


def theme_bundle(config: MkDocsConfig) -> str:
    """The site path of mkdocs-material's one script bundle (assets/javascripts/bundle.<hash>.min.js): main.html hands
    it to scripts-on-demand.js, which loads it on the reader's first interaction. Its name changes with every Material
    release."""
    found = sorted(
        {
            p.relative_to(folder).as_posix()
            for folder in map(Path, config.theme.dirs)
            for p in folder.glob("assets/javascripts/bundle.*.min.js")
        }
    )
    if len(found) != 1:
        raise PluginError(
            f"seokb: mkdocs-material's script bundle is not one assets/javascripts/bundle.*.min.js file (found {found or 'none'}); "
            "overrides/main.html's scripts block needs updating for this Material release"
        )
    return found[0]


def add_files(files: Files, config: MkDocsConfig, site_files: list[SiteFile]) -> None:
    """The engine's files into MkDocs' list; a file already there (the feed's placeholder) gets its new content."""
    for site_file in site_files:
        known = files.get_file_from_path(site_file.uri)
        if known is not None and site_file.content is not None:
            known.content_string = site_file.content if isinstance(site_file.content, str) else site_file.content.decode()
            continue
        if site_file.source is not None:
            files.append(File.generated(config, site_file.uri, abs_src_path=str(site_file.source)))
            continue
        # A page the navigation does not list is NOT_IN_NAV, so that MkDocs does not report it as left out.
        hidden = {} if site_file.in_nav else {"inclusion": InclusionLevel.NOT_IN_NAV}
        new = File.generated(config, site_file.uri, content=site_file.content or "", **hidden)
        if site_file.edit_path:
            new.edit_uri = current().settings.repo_relative_edit_uri(site_file.edit_path)
        files.append(new)


def add_sections(page, sections: list[Section]) -> None:
    """Put the sections the engine appended in the page's table of contents, where their headings stand."""
    items = page.toc.items
    if items and items[0].level == 1:  # the page title: sections are its children
        items = items[0].children
    for section in sections:
        index = next((i for i, item in enumerate(items) if item.id == section.before), len(items))
        items.insert(index, AnchorLink(section.title, section.anchor, 2))


def render_markdown(pages: Mapping[str, Page], config: MkDocsConfig, files: Files):
    """MkDocs' own Markdown pipeline and link rewriting, for a page the engine writes once every page is known."""

    def render(site: SitePage, markdown: str) -> str:
        page = pages[site.src_uri]
        page.markdown = markdown
        page.render(config, files)
        return page.content or ""

    return render


# ---------------------------------------------------------------------------------------------- events


@no_traceback
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _engine, _warnings, _bundle
    root, docs = Path(config.config_file_path).resolve().parent, Path(config.docs_dir)
    docs_path = Path(os.path.relpath(docs.parent.resolve() / docs.name, root)).as_posix()  # not its target's, if a link
    # First: MkDocs' listing of docs/, and the engine's reading of lesson titles, would follow a link to a folder.
    stop_at_folder_links(config.docs_dir, docs_path, Diagnostics())
    _engine = Engine.start(root, settings_of(config, root, docs_path))
    _warnings = start_build_logging()
    _bundle = theme_bundle(config)
    _adapt(config, root, _engine.settings)
    return config


def _adapt(config: MkDocsConfig, root: Path, settings: Settings) -> None:
    """What MkDocs needs to know of the engine: the folders to watch, the templates, the features, the chat link."""
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
    # The community chat also goes into the footer's social links.
    community = settings.community
    if community.url:
        social = config.extra.setdefault("social", [])
        if not any(link.get("link") == community.url for link in social):
            icon = (config.extra.get("community") or {}).get("icon", "fontawesome/brands/discord")
            social.append({"icon": icon, "link": community.url, "name": community.name})
    # The engine checks every link and anchor of every page, with the file and line it was written at
    # (links/check.py): MkDocs' own report of the same broken link would say it a second time, with no line.
    config.validation.links.not_found = logging.DEBUG
    config.validation.links.anchors = logging.DEBUG


@no_traceback
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """First, what docs/ may not publish (a link, a device, a type not on the list, a page where the engine writes
    one) leaves the build, before MkDocs reads or copies it; then the engine's own pages and files come in."""
    engine = current()
    leave_out_refused(
        files, config.docs_dir, engine.settings.docs_path, engine_pages(engine.glossary, engine.quizzes), engine.problems
    )
    add_files(files, config, engine.generated_files())
    return files


@no_traceback
def on_nav(nav, config: MkDocsConfig, files: Files):
    current().set_navigation([page.file.src_uri for page in nav.pages], {f.src_uri: f.url for f in files.documentation_pages()})
    return nav


def on_page_read_source(page, config: MkDocsConfig) -> str | None:
    if page.file.generated_by is not None:
        return None
    return current().read_source(site_page(page), Path(page.file.abs_src_path).read_bytes())


@guarded
def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    return current().page_markdown(site_page(page), markdown)


@guarded
def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    return current().page_html(site_page(page), html)


@no_traceback
def on_env(env, config: MkDocsConfig, files: Files):
    """Every page is rendered (MkDocs' own link checks have run) and none is written yet: the engine's second pass,
    then every problem of the run reported, then (for a good build) the previews' files and the sitemap's dates."""
    rendered = {f.src_uri: f.page for f in files.documentation_pages() if f.page and f.page.content is not None}
    pages = [site_page(page) for page in rendered.values()]
    others = [f.src_uri for f in files if not f.is_documentation_page()]
    apply(current().finish(pages, others, render_markdown(rendered, config, files)), rendered, files, config)
    report(current().problems)
    add_previews(pages, rendered, files, config)
    stop_if_strict(config.strict, _warnings)
    return env


def apply(finished: Finished, rendered: Mapping[str, Page], files: Files, config: MkDocsConfig) -> None:
    """What the second pass returns, written into MkDocs' pages, tables of contents and files."""
    for src_uri, html in finished.content.items():
        rendered[src_uri].content = html
    for src_uri, sections in finished.sections.items():
        add_sections(rendered[src_uri], sections)
    add_files(files, config, finished.files)
    _log_new_addresses(finished.new_addresses)


def add_previews(pages: list[SitePage], rendered: Mapping[str, Page], files: Files, config: MkDocsConfig) -> None:
    """The previews' files (cards, feed, oEmbed answers) and each page's date for the sitemap."""
    share_files, dates = current().share_files(pages)
    add_files(files, config, share_files)
    for src_uri, date in dates.items():
        rendered[src_uri].update_date = date


def _log_new_addresses(new: list[str]) -> None:
    if new:
        shown = ", ".join(new[:5]) + (f" and {len(new) - 5} more" if len(new) > 5 else "")
        log.info(
            f"seokb: {len(new)} new address{'es' if len(new) != 1 else ''} not in {PUBLISHED_FILE} yet "
            f"({shown}); before you commit, run `.venv/bin/seokb published --update` and commit {PUBLISHED_FILE} too"
        )


@no_traceback
def on_page_context(context, page, config: MkDocsConfig, nav):
    """What the templates write (overrides/main.html, partials/path.html, partials/toc.html): MkDocs' search has
    read the page's content by now (hooks run after plugins), so the content may take what it should not index."""
    extras = current().page_extras(site_page(page))
    page.content = extras.content
    context.update(seokb_breadcrumb=extras.breadcrumb, seokb_title=extras.title, seokb_head=extras.head)
    context.update(seokb_scripts=extras.scripts, seokb_bundle=_bundle, seokb_palette=PALETTE)
    context.update(seokb_in_nav=page.file.src_uri in current().nav_order)
    return context


def on_template_context(context, template_name: str, config: MkDocsConfig):
    """The theme's 404 page is a template, not a page: it gets the CSS every page gets, the bundle and the palette."""
    if template_name == "404.html":
        context.update(seokb_head=current().template_head(), seokb_bundle=_bundle, seokb_palette=PALETTE)
    return context


@no_traceback
def on_post_build(config: MkDocsConfig) -> None:
    """The theme's search plugin has written its index (hooks run after plugins): the engine adds the glossary's
    names to it. A site without the search plugin has no index to add them to."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    try:
        path.write_text(current().search_index(path.read_text(encoding="utf-8")), encoding="utf-8")
    except SearchIndexError as error:
        log.warning(str(error))


def on_serve(server, config: MkDocsConfig):
    """After the first build, before serving: a bad save keeps the last good site on screen (serve.py)."""
    keep_last_good_site(server, config.site_dir)
    return server


def on_shutdown() -> None:
    """After the last build (of `mkdocs build`, or of `mkdocs serve` when it stops) and after MkDocs has logged its
    verdict, which the annotations must still see."""
    stop_build_logging()
