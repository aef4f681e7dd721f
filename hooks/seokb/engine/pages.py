"""What the engine and a generator hand each other: pages and files as plain values, no generator's objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class SitePage:
    """One page of the site as the engine sees it, whichever generator renders it."""

    src_uri: str  # its Markdown name under docs/ ('lessons/faq.md', 'glossary/backlink.md')
    url: str  # site-relative ('lessons/faq/')
    path: str  # the file a contributor edits for it ('docs/lessons/faq.md', 'glossary/backlink.yml')
    generated: bool = False  # written by the engine, not by hand
    title: str = ""  # as the navigation names it ('10. FAQ')
    meta: dict[str, Any] = field(default_factory=dict)  # its front matter
    is_home: bool = False
    heading: str | None = None  # its own h1, once rendered
    html: str = ""  # its rendered content, once rendered


@dataclass(frozen=True)
class SiteFile:
    """A file the engine adds to the site: a page to render (Markdown) or a file to write as it is."""

    uri: str  # where it is published, relative to the site ('glossary/backlink.md', 'glossary.json')
    content: str | bytes | None = None
    source: Path | None = None  # a file on disk to copy instead (a cached card)
    in_nav: bool = True  # a page: whether the navigation lists it (term and quiz pages stay out)
    edit_path: str | None = None  # a page: the repository file its edit link opens


@dataclass(frozen=True)
class Section:
    """A section the engine appended to a rendered page, for the page's table of contents."""

    title: str
    anchor: str
    before: str | None = None  # the id of the heading it stands before; None: at the end


@dataclass
class Finished:
    """What the second pass puts into the pages and the site, once every page is rendered."""

    content: dict[str, str] = field(default_factory=dict)  # src_uri -> the page's new HTML
    sections: dict[str, list[Section]] = field(default_factory=dict)  # src_uri -> sections to list in its contents
    files: list[SiteFile] = field(default_factory=list)  # redirect pages
    new_addresses: list[str] = field(default_factory=list)  # addresses served that published-urls.txt lacks
