"""What an SVG file in docs/ may not hold: script, event handlers, HTML, or a reference to any other file or site.

A reader who opens an SVG file gets a document, not a picture: its script runs and its references load. The file is
judged on its parsed XML (expat, with line numbers), after refusing a DOCTYPE, so that no entity can hide a value."""

from __future__ import annotations

import re
from xml.parsers import expat

SVG_NS = "http://www.w3.org/2000/svg"
XHTML_NS = "http://www.w3.org/1999/xhtml"
_SEP = " "  # expat joins a name's namespace and local name with this; no XML name or namespace address holds it

# Elements that run script or embed a document in any namespace (SVG Tiny's `handler` and `listener` run script).
_ACTIVE = {"script", "foreignobject", "handler", "listener", "iframe", "embed", "object"}
# Attributes whose value the browser loads or follows as an address, in any namespace (xlink:href, href, ...).
_ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background"}
_ANIMATIONS = {"animate", "set", "animatemotion", "animatetransform"}
# A picture may carry its own raster images inline; no other data: address (an HTML or SVG document) is allowed.
_INLINE_IMAGE = re.compile(r"data:image/(png|jpeg|gif|webp)[;,]", re.IGNORECASE)
# CSS that loads something: url() to anything but the file's own '#id', @import, image-set()/image()/src() with a
# string, and escapes (`\75rl(` is `url(` to a browser), which are refused outright: a picture has no need of them.
_CSS_URL = re.compile(r"url\s*\(\s*(?!['\"]?\s*#)", re.IGNORECASE)
_CSS_LOADS = re.compile(r"@import|\bimage-set\s*\(|\bimage\s*\(|\bsrc\s*\(|\\", re.IGNORECASE)

WHY = "an SVG here may hold no script, event handler, HTML or reference to another file"


class _Refused(Exception):
    """Stops the parser at a DOCTYPE: nothing after it is judged (its entities could redefine any value)."""


def svg_problems(data: bytes) -> list[tuple[int, str]]:
    """(line, message) for everything in the SVG a browser would run or load; [] for a plain picture."""
    problems: list[tuple[int, str]] = []
    parser = expat.ParserCreate(namespace_separator=_SEP)
    styles: list[int] = []  # the lines of the open <style> elements: their text is CSS
    root_seen: list[str] = []  # the first element's name, once seen

    def add(message: str) -> None:
        problems.append((parser.CurrentLineNumber, message))

    def doctype(*_args) -> None:
        add("the SVG declares a DOCTYPE; remove it (an SVG here may not define entities)")
        raise _Refused

    def instruction(target: str, _data: str) -> None:
        add(f"the SVG holds the processing instruction <?{target} ...?>; remove it ({WHY})")

    def start(name: str, attributes: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(_SEP)
        if not root_seen:
            root_seen.append(name)
            if name != f"{SVG_NS}{_SEP}svg":
                add(f"the file's first element is <{local}>, not an <svg> of the SVG namespace ({SVG_NS})")
        if namespace == XHTML_NS:
            add(f"the SVG holds the HTML element <{local}>; remove it ({WHY})")
        elif local.lower() in _ACTIVE:
            add(f"the SVG holds a <{local}> element; remove it ({WHY})")
        if local == "style":
            styles.append(parser.CurrentLineNumber)
        for attribute, value in attributes.items():
            attribute_name = attribute.rpartition(_SEP)[2]
            lowered = attribute_name.lower()
            if lowered.startswith("on"):
                add(f"the SVG's <{local}> has the event handler '{attribute_name}'; remove it ({WHY})")
            elif lowered in _ADDRESS_ATTRIBUTES and not _own_part(value):
                add(f"the SVG's <{local}> refers to '{_short(value)}'; {WHY} (only to its own parts, '#id')")
            elif _css_loads(value):
                add(f"the SVG's <{local}> has '{attribute_name}' that loads '{_short(value)}'; {WHY}")
            if local.lower() in _ANIMATIONS and lowered == "attributename":
                target = value.strip().rpartition(":")[2].lower()
                if target in _ADDRESS_ATTRIBUTES or target.startswith("on"):
                    add(f"the SVG's <{local}> changes '{value.strip()}'; remove it ({WHY})")

    def end(name: str) -> None:
        if name.rpartition(_SEP)[2] == "style" and styles:
            styles.pop()

    def text(data: str) -> None:
        if styles and _css_loads(data):
            add(f"the SVG's <style> loads '{_short(data.strip())}'; {WHY}")

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except _Refused:
        pass
    except expat.ExpatError as error:
        problems.append(
            (
                error.lineno,
                f"the SVG is not well-formed XML ({expat.errors.messages[error.code]}); save it again from your drawing program",
            )
        )
    return problems


def _own_part(value: str) -> bool:
    """'#arrow-head' (a part of this file) or an inline raster image; a browser ignores spaces around an address."""
    address = value.strip()
    return address.startswith("#") or bool(_INLINE_IMAGE.match(address))


def _css_loads(css: str) -> bool:
    return bool(_CSS_URL.search(css) or _CSS_LOADS.search(css))


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 60 else value[:57] + "..."
