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
