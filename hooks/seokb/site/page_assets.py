"""Which styles and scripts a page needs, decided from the page's own HTML, and their tags (the templates place them).

MkDocs' extra_css and extra_javascript load on every page; the quiz and glossary assets are needed on a few. Each
asset names the markers that show a page uses it (a class or data attribute its templates write). CSS is written
into the page's <head> (a few KB, no request that holds up the first paint); scripts are listed at the end of <main>,
inside the part of the page that mkdocs-material's instant navigation swaps in, and assets/scripts-on-demand.js
(written into <head>) loads them after the first paint, so a page reached by a click gets its scripts as one opened
directly does. Plain strings: no MkDocs here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from importlib.resources import files

from seokb.site.urls import relative_url


@dataclass(frozen=True)
class PageAsset:
    """A stylesheet's text or a script's site path, added to the pages holding any of `markers` (text, such as an
    attribute) or of `classes` (in a class attribute); to every page when it names neither."""

    name: str
    markers: tuple[str, ...] = ()
    css: str = ""
    script: str = ""  # site-relative path, 'assets/seokb/quiz.js'
    classes: tuple[str, ...] = ()

    def used_by(self, html: str, classes: set[str]) -> bool:
        if not self.markers and not self.classes:
            return True
        return any(marker in html for marker in self.markers) or not classes.isdisjoint(self.classes)


# The theme's html element starts as class="no-js" and its bundle, the last thing on the page, swaps it for "js".
# Switched in the head instead, rules such as `.no-js .seokb-copy-link { display: none }` hold from the first paint,
# so nothing moves when the scripts arrive.
JS_CLASS = '<script>document.documentElement.classList.replace("no-js","js")</script>'


def _inline_script(name: str) -> str:
    """One of the engine's scripts as a <script> element, minified as written: its full-line comments and its
    indentation go, the code stays as it is (so it has no comment after code on a line)."""
    text = (files("seokb.site") / "assets" / name).read_text(encoding="utf-8")
    return "<script>{}</script>".format(re.sub(r"\s*\n\s*", "", re.sub(r"^\s*//.*$", "", text, flags=re.M)))


# All go in <head>: the search index held back until search opens; the theme's search worker run inside one that
# puts a glossary entry first for its exact name (site/search_names.py); every other script loaded after the first
# paint, the theme's bundle when the reader first interacts.
SEARCH_ON_DEMAND = _inline_script("search-on-demand.js")
SEARCH_NAMES = _inline_script("search-names.js")
SCRIPTS_ON_DEMAND = _inline_script("scripts-on-demand.js")
# Right after the header, where the palette's inputs are: the reader's colour scheme from the first paint.
PALETTE = _inline_script("palette.js")


_CLASS = re.compile(r"\.(seokb-[a-z0-9-]+)")
# `class` first, then the word boundary as a look-behind: a pattern that starts with a literal is searched for as one
# (a leading \b is tried at every character), 4 ms instead of 54 ms over the articles of a 500-term build.
_CLASS_ATTR = re.compile(r'class(?<!\wclass)="([^"]*)"')
_ARTICLE = re.compile(r"<article\b.*</article>", re.S)


def css_classes(css: str) -> tuple[str, ...]:
    """The seokb- classes a stylesheet styles: a page holding none of them does not need it."""
    return tuple(sorted(set(_CLASS.findall(css))))


def for_page(output: str, assets: Iterable[PageAsset]) -> list[PageAsset]:
    """The assets the written page's article uses (its content, the template's lines in it), in the order given."""
    match = _ARTICLE.search(output)
    article = match.group(0) if match else output
    classes = {name for value in _CLASS_ATTR.findall(article) for name in value.split()}
    return [asset for asset in assets if asset.used_by(article, classes)]


def head_html(assets: Iterable[PageAsset]) -> str:
    """The switch to the js class, the two search scripts, the loader of every other script and the pages' CSS, for
    the end of <head>."""
    styles = "".join(f'<style data-seokb-asset="{escape(a.name)}">{a.css}</style>' for a in assets if a.css)
    return JS_CLASS + SEARCH_ON_DEMAND + SEARCH_NAMES + SCRIPTS_ON_DEMAND + styles


def script_html(assets: Iterable[PageAsset], page_url: str) -> str:
    """The list of the page's scripts, for the end of <main>: assets/scripts-on-demand.js loads them once the page is
    painted, and again the new ones of each page instant navigation swaps in."""
    scripts = " ".join(relative_url(a.script, page_url) for a in assets if a.script)
    return f'<div hidden data-seokb-scripts="{escape(scripts)}"></div>' if scripts else ""
