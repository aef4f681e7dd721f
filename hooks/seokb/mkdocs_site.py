"""The one module that speaks MkDocs: it feeds the engine's pages and diagnostics into a MkDocs build."""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

from .diagnostics import Diagnostics
from .glossary import load_glossary
from .glossary_pages import index_page, index_page_links, term_page, term_page_links
from .links import Link, check_links, markdown_links, page_anchors, site_map
from .markers import Community, expand_markers
from .model import Glossary

log = logging.getLogger("mkdocs.plugins.seokb")

ASSETS = ("glossary.css", "glossary.js")
ASSET_DIR = "assets/seokb"


class WarningCount(logging.Handler):
    """Counts MkDocs' own warnings, so that strict mode can stop before any page is written, not after."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class SiteBuild:
    """What one build knows; made anew in on_config because `mkdocs serve` keeps hook modules loaded between rebuilds."""

    root: Path
    glossary: Glossary = field(default_factory=Glossary)
    community: Community = field(default_factory=Community)
    # Every problem of the run, from content and from pages; all reported together in on_env, before anything
    # is written, so one run shows a contributor everything there is to fix.
    problems: Diagnostics = field(default_factory=Diagnostics)
    # Every link of the site with the file and line it was written at, and every page's anchors once rendered.
    links: list[Link] = field(default_factory=list)
    anchors: dict[str, set[str]] = field(default_factory=dict)
    warnings: WarningCount = field(default_factory=WarningCount)


_build: SiteBuild | None = None


def current() -> SiteBuild:
    if _build is None:
        raise RuntimeError("seokb: on_config has not run")
    return _build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    mkdocs_logger = logging.getLogger("mkdocs")
    for handler in list(mkdocs_logger.handlers):
        if isinstance(handler, WarningCount):
            mkdocs_logger.removeHandler(handler)
    _build = SiteBuild(root=Path(config.config_file_path).resolve().parent)
    mkdocs_logger.addHandler(_build.warnings)

    # Broken entries are left out of the build and reported with everything else in on_env.
    _build.glossary = load_glossary(_build.root, _build.problems)

    _build.community = _community(config)
    for name in ASSETS:
        path = f"{ASSET_DIR}/{name}"
        listed = config.extra_css if name.endswith(".css") else config.extra_javascript
        if path not in listed:
            listed.append(path)
    return config


def _community(config: MkDocsConfig) -> Community:
    """The chat invite from `extra.community`; when one is set it also goes into the footer's social links."""
    settings = config.extra.get("community") or {}
    community = Community(name=settings.get("name", "").strip(), url=settings.get("url", "").strip(), repo_url=config.repo_url or "")
    if community.url:
        social = config.extra.setdefault("social", [])
        if not any(link.get("link") == community.url for link in social):
            social.append({"icon": settings.get("icon", "fontawesome/brands/discord"), "link": community.url, "name": community.name})
    return community


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    site = current()
    path = _source_path(page.file)
    markdown = expand_markers(markdown, path, site.problems, site.community)
    if page.file.generated_by is None:
        # Markers expand to a single line, so lines in the expanded text still match the file.
        site.links += markdown_links(markdown, path, page.file.src_uri, first_line=_body_line(page.file))
    return markdown


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    current().anchors[page.file.src_uri] = page_anchors(html)
    return html


def _body_line(file: File) -> int:
    """The file line where the Markdown body starts: MkDocs hands hooks the text without its front matter."""
    lines = Path(file.abs_src_path).read_text(encoding="utf-8-sig").splitlines()
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() in ("---", "..."):
                return number + 1
    return 1


def _source_path(file: File) -> str:
    """The path a contributor edits: docs/lessons/x.md for a lesson, the YAML for a generated term page."""
    if file.generated_by is None:
        return Path(file.abs_src_path).resolve().relative_to(current().root).as_posix()
    return "glossary/" + Path(file.src_uri).stem + ".yml" if file.src_uri.startswith("glossary/") else file.src_uri


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
            content=term_page(term, site.glossary, edit_url=_edit_url(config, term.path)),
            # Term pages stay out of the navigation: rendering thousands of entries into every page would make
            # the build quadratic. The A-Z index is their place in the nav.
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        page.edit_uri = _repo_relative_edit_uri(config, term.path)
        files.append(page)
    assets = resources.files("seokb").joinpath("assets")
    for name in ASSETS:
        files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=assets.joinpath(name).read_bytes()))
    return files


def _repo_relative_edit_uri(config: MkDocsConfig, repo_path: str) -> str | None:
    """edit_uri points into docs/; the YAML lives beside docs/, so climb out of it."""
    if not config.edit_uri:
        return None
    docs = Path(config.docs_dir).resolve().relative_to(current().root).as_posix()
    return posixpath.relpath(repo_path, docs)


def _edit_url(config: MkDocsConfig, repo_path: str) -> str | None:
    relative = _repo_relative_edit_uri(config, repo_path)
    if not (config.repo_url and config.edit_uri and relative):
        return None
    return urljoin(config.repo_url.rstrip("/") + "/", urljoin(config.edit_uri, relative))


def on_env(env, config: MkDocsConfig, files: Files):
    # Every page has been rendered (MkDocs' own link checks have run) but none written yet: the last safe exit.
    site = current()
    pages = files.documentation_pages()
    unreadable = {f"glossary/{slug}.md": None for slug in site.glossary.unreadable}
    known = site_map(
        pages={**unreadable, **{f.src_uri: site.anchors.get(f.src_uri, set()) for f in pages}},
        urls={f.url: f.src_uri for f in pages},
        files=(f.src_uri for f in files if not f.is_documentation_page()),
    )
    check_links(site.links, known, site.problems)
    fail_on(site.problems)
    count = current().warnings.count
    if config.strict and count:
        raise Abort(f"Aborted with {count} warning{'s' if count != 1 else ''} in strict mode; nothing was written.")
    return env
