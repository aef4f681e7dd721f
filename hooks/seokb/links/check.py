"""Links as contributors wrote them: each with its file and line, resolved against the pages and anchors that exist."""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from seokb.content.names import SIMILAR_NAME
from seokb.diagnostics import Diagnostics
from seokb.markup.links import Link

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


@dataclass
class SiteMap:
    """What links may point at: every page with the anchors its final HTML has, and every other file."""

    # page src_uri -> ids on the rendered page; None for a page that exists but could not be built (its own
    # problems are reported already, so links into it are not checked twice)
    anchors: dict[str, set[str] | None] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)  # page url ('glossary/backlink/') -> src_uri
    files: set[str] = field(default_factory=set)  # non-page files (images, downloads)
    # (href, page, page_url) -> resolve_target's answer; the map does not change once made
    targets: dict[tuple[str, str, str | None], str | None] = field(default_factory=dict, compare=False, repr=False)


def check_links(links: Iterable[Link], site: SiteMap, report: Diagnostics) -> None:
    for link in links:
        problem = link_problem(link, site)
        if problem:
            report.add(link.path, link.line, f"link '{link.href}': {problem}")


def link_problem(link: Link, site: SiteMap) -> str | None:
    """Why `link` is broken, in a contributor's words; None when it is fine."""
    href = link.href.strip()
    if not href:
        return "the link has no target; write [text](page.md)"
    scheme = _SCHEME.match(href)
    if scheme:
        return _external_problem(scheme.group(1).lower(), href)
    if href.startswith("//"):
        return "a link without a scheme; write https://"
    parts = urlsplit(href)
    anchor = unquote(parts.fragment)
    if parts.path.startswith("/"):
        return "an absolute path breaks when the site moves; link the .md file relatively, e.g. '../glossary/backlink.md'"
    if not parts.path:
        return _anchor_problem(link.page, anchor, site, "this page", same_page=True)
    if link.page_url is not None:
        target = _resolve_url(link.page_url, parts.path, site)
        if target is None:
            return f"the engine wrote a link to a page that does not exist ('{parts.path}' from '/{link.page_url}')"
        return _anchor_problem(target, anchor, site, f"'{parts.path}'") if anchor else None
    target = _resolve(link.page, unquote(parts.path), site)
    if target is None:
        return _missing_target(link.page, unquote(parts.path), site)
    if target in site.anchors:
        return _anchor_problem(target, anchor, site, f"'{parts.path}'") if anchor else None
    return None if not anchor else f"'{parts.path}' is not a page, so it has no anchor '{anchor}'"


def _external_problem(scheme: str, href: str) -> str | None:
    if scheme == "https":
        return None if urlsplit(href).netloc else "an https link needs a host name"
    if scheme == "mailto":
        return None
    if scheme == "http":
        return f"use https: 'https{href[4:]}'"
    if scheme in ("javascript", "vbscript", "data"):
        return f"'{scheme}:' links are not allowed"
    return f"'{scheme}:' links are not allowed; link to an https page or a page of this site"


def _resolve(page: str, path: str, site: SiteMap) -> str | None:
    """The src_uri (or file) a relative path reaches from `page`, written as a .md path or as a page URL."""
    base = posixpath.dirname(page)
    joined = posixpath.normpath(posixpath.join(base, path)) if path else page
    joined = "" if joined == "." else joined
    if joined in site.anchors or joined in site.files:
        return joined
    for candidate in (posixpath.join(joined, "index.md"), joined.rstrip("/") + ".md"):
        if candidate in site.anchors:
            return candidate
    url = joined.rstrip("/") + "/" if joined else ""
    return site.urls.get(url) or site.urls.get(joined)


def _resolve_url(page_url: str, path: str, site: SiteMap) -> str | None:
    """The page (src_uri) an engine-written href reaches from the page at `page_url`."""
    resolved = posixpath.normpath(posixpath.join(page_url, path))
    return site.urls.get("" if resolved == "." else resolved + "/")


def _missing_target(page: str, path: str, site: SiteMap) -> str:
    here = posixpath.dirname(page) or "."
    wanted = posixpath.normpath(posixpath.join(here, path))
    # A missing file is most likely another file misspelt; a missing page, another page.
    is_page = posixpath.splitext(wanted)[1] in ("", ".md")
    close = closest_page(wanted, site.anchors if is_page else site.files)
    # Shown as the contributor would write it from this page.
    hint = f" (did you mean '{posixpath.relpath(close, here)}'?)" if close else ""
    return f"'{wanted}' does not exist{hint}"


def closest_page(wanted: str, pages: Iterable[str]) -> str | None:
    """The page whose file name is most like the wanted one's, at or above SIMILAR_NAME, of the same kind: a link into
    lessons/ is offered lessons, one into glossary/ terms (a look-alike of another kind would change what the link
    means). Only when no page is in the wanted folder (a misspelt folder) are all pages compared. Names are
    compared without their folders and '.md', which every page shares."""
    stem = posixpath.splitext(posixpath.basename(wanted))[0]
    folder = posixpath.dirname(wanted)
    pages = sorted(pages)
    same_kind = [page for page in pages if posixpath.dirname(page) == folder]
    best: tuple[float, str] | None = None
    for page in same_kind or pages:
        name = posixpath.splitext(posixpath.basename(page))[0]
        if name == "index":  # a folder's page goes by the folder's name
            name = posixpath.basename(posixpath.dirname(page)) or name
        score = difflib.SequenceMatcher(None, stem, name).ratio()
        if score >= SIMILAR_NAME and (best is None or score > best[0]):
            best = (score, page)
    return best[1] if best else None


def _anchor_problem(target: str, anchor: str, site: SiteMap, shown: str, same_page: bool = False) -> str | None:
    if not anchor:
        return None if not same_page else "an empty anchor '#'; link a heading, e.g. '#example'"
    ids = site.anchors.get(target, set())
    if ids is None or anchor in ids:
        return None
    close = difflib.get_close_matches(anchor, sorted(ids), n=1, cutoff=0.5)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"{shown} has no anchor '{anchor}'{hint}"


def site_map(pages: Mapping[str, set[str] | None], urls: Mapping[str, str], files: Iterable[str]) -> SiteMap:
    # MkDocs calls the home page's URL './'; resolved paths call it ''.
    return SiteMap(anchors=dict(pages), urls={("" if url == "./" else url): src for url, src in urls.items()}, files=set(files))


def resolve_target(link: Link, site: SiteMap) -> str | None:
    """The page a working internal link leads to (its src_uri), or None for an external or broken one."""
    # The orphan check and the link profile each ask about every link of the site: each answer is kept.
    key = (link.href, link.page, link.page_url)
    if key not in site.targets:
        site.targets[key] = _resolve_target(link, site)
    return site.targets[key]


def _resolve_target(link: Link, site: SiteMap) -> str | None:
    href = link.href.strip()
    if not href or _SCHEME.match(href) or href.startswith(("//", "/")):
        return None
    path = unquote(urlsplit(href).path)
    if not path:
        return link.page
    if link.page_url is not None:
        return _resolve_url(link.page_url, path, site)
    target = _resolve(link.page, path, site)
    return target if target in site.anchors else None


def orphan_pages(links: Iterable[Link], site: SiteMap, exempt: Iterable[str] = ("index.md",)) -> list[str]:
    """Pages no other page links to (the navigation aside): a reader following links never reaches them."""
    reached = {target for link in links if (target := resolve_target(link, site)) and target != link.page}
    return sorted(page for page in site.anchors if page not in reached and page not in set(exempt))
