"""The page left at an old address: a minimal HTML file that sends a reader, a chat's link preview and a search engine
to the page that replaced it: a canonical link, noindex, a link to click, and two ways to go on. A browser with
script runs one line, `location.replace(new + location.hash)`, so `glossary/old/#example` lands on the new page's
#example (a meta refresh cannot keep the fragment); the meta refresh is inside <noscript>, for readers without
script and for link-preview and search robots (which read <noscript> as markup), so the two never race.

mkdocs-redirects writes the same kind of page, but it is configured in mkdocs.yml (redirect_maps), not fed from the
content, and its page needs JavaScript; the old addresses here come from the entries (`old_slugs`) and the pages'
front matter (`redirect_from`), so the engine writes them itself, in 20 lines.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from seokb.content.model import Glossary
from seokb.diagnostics import Diagnostics
from seokb.site.urls import address, engine_file_at, outside_site, page_url, redirect_file, relative_url, term_url


@dataclass(frozen=True, order=True)
class Redirect:
    """One old address and the page that serves it now, with the file and line that declared it."""

    old_url: str  # 'glossary/backlink-profile/'
    new_url: str  # 'glossary/link-profile/'
    path: str  # the file that declares it: glossary/link-profile.yml, docs/lessons/x.md
    line: int


def _encoded(url: str) -> str:
    """A URL as one token: anything outside a URL's own characters percent-encoded, so that neither the refresh's
    'url=' value nor an attribute can be ended by it."""
    return quote(url, safe="/:?#[]@!$&'()*+,;=%~._-")


def _safe_url(url: str) -> str:
    """The URL as one token, escaped for an HTML attribute."""
    return html.escape(_encoded(url), quote=True)


def _script_string(url: str) -> str:
    """The URL as a JavaScript string inside <script>: JSON, with <, > and & escaped so that no `</script>` or
    comment opener can be formed from it."""
    return json.dumps(_encoded(url)).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def redirect_page(old_url: str, new_url: str, title: str, canonical: str) -> str:
    """The HTML at `old_url` leading to `new_url` (both site-relative); `canonical` is the new page's absolute URL."""
    target = _safe_url(relative_url(new_url, old_url))
    script_target = _script_string(relative_url(new_url, old_url))
    name = html.escape(title, quote=True)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>Moved: {name}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{_safe_url(canonical)}">\n'
        f"<script>location.replace({script_target} + location.hash)</script>\n"
        f'<noscript><meta http-equiv="refresh" content="0; url={target}"></noscript>\n'
        "</head>\n"
        "<body>\n"
        f'<p>This page has moved: <a href="{target}">{name}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )


REDIRECT_FROM = "redirect_from"  # a hand-written page's front-matter field: the names it had before
_PAGE_NAME = re.compile(r"(?:[a-z0-9_-]+/)*[a-z0-9_.-]+\.md")


def old_page_names(value: object, text: str, first_line: int = 1) -> tuple[list[tuple[str, int]], list[tuple[int, str]]]:
    """A page's `redirect_from` (one old name, or a list of them: 'lessons/old-name.md', relative to docs/) read from
    its front matter: each old name with the line of `text` (the page's file) it is written at, and the problems."""
    key_line = _line_of(text, f"{REDIRECT_FROM}:", first_line) or first_line
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        return [], [(key_line, f"{REDIRECT_FROM}: list the page's old file names, like [lessons/old-name.md]")]
    names: list[tuple[str, int]] = []
    problems: list[tuple[int, str]] = []
    cursor = key_line  # items are written in order: each is looked for below the one before
    for item in items:
        found = _line_of(text, str(item), cursor) if isinstance(item, str) and item else None
        line = found or key_line
        cursor = found + 1 if found else cursor
        if not isinstance(item, str) or not _PAGE_NAME.fullmatch(item.strip()):
            problems.append(
                (
                    line,
                    f"{REDIRECT_FROM}: '{item}' is not a page's old file name; write its path in docs/ with .md, "
                    "like lessons/old-name.md",
                )
            )
        elif outside_site(page_url(item.strip())):  # '...md' is '../': its redirect would be written beside the site
            problems.append(
                (
                    line,
                    f"{REDIRECT_FROM}: '{item}' is the address '{page_url(item.strip())}', outside the site; "
                    "write the page's old path in docs/, like lessons/old-name.md",
                )
            )
        elif any(old == item.strip() for old, _ in names):
            problems.append((line, f"{REDIRECT_FROM}: lists '{item}' twice; remove the repeat"))
        else:
            names.append((item.strip(), line))
    return names, problems


def page_redirects(value: object, text: str, new_url: str, path: str, report: Diagnostics) -> list[Redirect]:
    """A page's `redirect_from` as redirects to `new_url` (the page's own address), each problem reported at its line
    of `path`, the page's file."""
    names, problems = old_page_names(value, text)
    for line, message in problems:
        report.add(path, line, message)
    return [Redirect(page_url(name), new_url, path, line) for name, line in names]


def _line_of(text: str, needle: str, start: int) -> int | None:
    """The first line from `start` on (counted from 1) that holds `needle`."""
    for number, line in enumerate(text.splitlines()[start - 1 :], start=start):
        if needle in line:
            return number
    return None


def term_redirects(glossary: Glossary) -> list[Redirect]:
    """Each old slug an entry declares, from glossary/<old>/ to the entry's page. An old slug that is a live entry, or
    that a second entry declares too, is the glossary's checks to report (check_old_slugs), and is left out here."""
    live = {term.slug for term in glossary} | glossary.unreadable
    replaced = glossary.replaced()
    return [
        Redirect(term_url(old), term_url(term.slug), term.path, term.line(("old_slugs", index)))
        for term in glossary
        for index, old in enumerate(term.old_slugs)
        if old not in live and replaced[old] is term
    ]


def settle(
    redirects: list[Redirect], pages: Mapping[str, str], report: Diagnostics, files: frozenset[str] = frozenset()
) -> dict[str, Redirect]:
    """The redirects that can stand, by old address: inside the site, not where a page is (`pages`: address -> its
    Markdown name), nor on a file the engine writes or one of `files` (the other files of the build), and one per
    address; every other one is an error at the line that declares it, found before anything is written."""
    claimed: dict[str, Redirect] = {}
    for redirect in redirects:
        old = address(redirect.old_url)
        if outside_site(old):
            report.add(redirect.path, redirect.line, f"{old} is not an address inside the site; a redirect is written there")
        elif taken := engine_file_at(redirect_file(old), files):
            report.add(
                redirect.path,
                redirect.line,
                f"{old} is where the build writes {taken}: a redirect there would overwrite it; list only names the page really had",
            )
        elif old in pages:
            report.add(
                redirect.path,
                redirect.line,
                f"{old} is still a page of the site ({pages[old]}); a redirect can only stand where no page is",
            )
        elif old in claimed:
            other = claimed[old]
            report.add(
                redirect.path,
                redirect.line,
                f"{old} is already redirected to {other.new_url} by {other.path}:{other.line}; an old address can lead to one page only",
            )
        else:
            claimed[old] = redirect
    return claimed
