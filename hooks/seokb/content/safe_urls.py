"""Which URLs a contribution may hold: parsed, not pattern-matched, and named in a contributor's words when refused."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Browsers drop tabs and line breaks from a URL before reading its scheme ('java\tscript:' runs), and a space, a quote
# or a bracket would end the Markdown link or the HTML attribute it stands in.
_BREAKS_OUT = re.compile(r"[\s\x00-\x1f\x7f\"'<>\\`{}|^()]")


def url_problem(url: str, *, relative: bool) -> str | None:
    """Why `url` may not be published; None when it may. `relative` allows links to this site's own pages."""
    bad = _BREAKS_OUT.search(url)
    if bad:
        char = bad.group(0)
        what = "a space" if char == " " else f"'{char}'" if char.isprintable() else f"the invisible character U+{ord(char):04X}"
        return f"contains {what}; percent-encode it ('%20' for a space, '%28' and '%29' for brackets) or leave it out"
    if url.startswith("//"):
        return "has no scheme; write https://"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (reading it checks the port is a number)
    except ValueError:
        return "is not a valid URL"
    if not parts.scheme:
        if relative and not parts.netloc:
            return None
        return "must be a full address starting with https://"
    if parts.scheme.lower() != "https":
        return f"uses '{parts.scheme}:'; only https:// addresses are allowed"
    if "@" in parts.netloc:
        return "contains a user name or password ('...@'); remove it before publishing the link"
    host = parts.hostname or ""
    if "." not in host.strip("."):
        return "has no website name after https://"
    return None


def is_safe_href(url: str) -> bool:
    """A link target the sanitizer keeps: an https page, or one of this site's own pages and anchors."""
    return url_problem(url, relative=True) is None


# ---------------------------------------------------------------------------------------------- URLs in pages
#
# A page (a lesson, a term page, anything the site serves) is judged on its rendered HTML, URL by URL, after the HTML
# parser has decoded each value, by one allow-list: addresses inside this site and #fragments everywhere; https:,
# http: and mailto: only where the reader clicks (<a href>). Everything a page loads by itself (images, styles,
# frames, media, fonts) comes from this site, which makes no request to any other host.

NAVIGATION_SCHEMES = frozenset({"https", "http", "mailto"})
# Schemes named as links, in the words script_link_problems already uses for them in a page's text.
_SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "data"})
_PAGE_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# The WHATWG URL parser removes every ASCII tab and newline, and C0 controls and spaces at either end, before it
# reads a scheme: 'java\nscript:' and ' javascript:' both run.
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_OR_SPACE = "".join(chr(code) for code in range(0x21))


def browser_reads(url: str) -> str:
    """`url` as a browser's URL parser reads it (entities are the HTML parser's job, done before this)."""
    return _TAB_OR_NEWLINE.sub("", url.strip(_C0_OR_SPACE))


def page_url_problem(url: str, *, navigation: bool) -> tuple[str, str] | None:
    """Why a page may not hold `url`: ("remote", host) for another host, ("scheme", name) for a scheme the allow-list
    does not take there, ("script", name) for a script or data link; None when it may. `navigation` is True for a
    link the reader clicks, False for anything a page loads or sends by itself."""
    read = browser_reads(url).replace("\\", "/")  # a browser reads '\' as '/' in web addresses: '/\evil.example'
    found = _PAGE_SCHEME.match(read)
    if found is None:
        if read.startswith("//"):  # a scheme-relative address: another host, over the page's own scheme
            host = urlsplit("https:" + read).netloc.rsplit("@", 1)[-1]
            return ("remote", host or "another host") if not navigation else ("scheme", "")
        return None  # a path inside this site, or a #fragment
    scheme = found.group(1).lower()
    if scheme in _SCRIPT_SCHEMES:
        return "script", scheme
    if navigation and scheme in NAVIGATION_SCHEMES:
        return None
    if scheme in ("http", "https"):
        try:
            host = urlsplit(read).netloc.rsplit("@", 1)[-1]
        except ValueError:
            host = ""
        return "remote", host or "another host"
    return "scheme", scheme
