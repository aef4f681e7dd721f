"""Writes the Markdown of the glossary pages: the A-Z index and one page per term."""

from __future__ import annotations

import html
import json
import re
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import jinja2

from seokb.content.glossary import TEXT
from seokb.content.model import CATEGORIES, Glossary, Term
from seokb.markup.links import Link, markdown_links
from seokb.site.safe_html import SafeHtml, removed_message
from seokb.site.templates import template_environment
from seokb.site.urls import GLOSSARY_INDEX, term_src

# Python-Markdown treats these as syntax; '<', '>' and '&' become entities because it cannot escape them.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_\[\]{}#!])")


def plain(text: str) -> str:
    """Plain text made safe to drop into Markdown: it renders as the same characters, never as markup."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", html.escape(text, quote=False))


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    # The output is Markdown: plain text goes through `plain`, HTML attributes through `e`.
    environment = template_environment(autoescape=False)
    environment.filters["plain"] = plain
    environment.filters["json"] = lambda value: json.dumps(value, ensure_ascii=False)
    return environment


# Slots for what the engine adds to a page's HTML after the search index has read it: the share and edit lines
# are page controls, and the two lists repeat what other pages say first. Indexed, a search for "share" or for a
# lesson's sentence listed every term page. The adapter fills them as the page is written.
BACKLINKS_SLOT = "<!-- seokb-slot: mentioned-in -->"
"""Where a term page's "Mentioned in" panel goes, once every page is known (removed when nobody mentions it)."""
SHARE_SLOT = "<!-- seokb-slot: share -->"
EDIT_SLOT = "<!-- seokb-slot: edit -->"
LESSON_TERMS_SLOT = "<!-- seokb-slot: lesson-terms -->"
DISCORD_SHARE_SLOT = "<!-- seokb-slot: discord-share -->"


@lru_cache(maxsize=1)
def _html_templates() -> jinja2.Environment:
    return template_environment(autoescape=True)


def mentioned_in_html(backlinks: list[dict[str, str]]) -> str:
    """The "Mentioned in" panel: each page (href, title) with the sentence it mentions the term in."""
    return _html_templates().get_template("mentioned-in.html.jinja").render(backlinks=backlinks)


def lesson_terms_html(terms: list[dict[str, str]]) -> str:
    """The "Terms in this lesson" list at a lesson's end: each term (href, name) with its short definition."""
    return _html_templates().get_template("lesson-terms.html.jinja").render(terms=terms)


FIELD_SLOT = "<!-- seokb-field: {} -->"
"""Where a contributed field's sanitized HTML goes on a term page (filled as the page's HTML is made)."""
FIELD_SLOTS = re.compile(r"\n*<!-- seokb-field: (\w+) -->\n*")


def term_page(term: Term, glossary: Glossary) -> str:
    """The Markdown of glossary/<slug>.md; links are relative to the glossary folder."""
    return (
        _templates()
        .get_template("term.md.jinja")
        .render(
            term=term,
            slot=FIELD_SLOT.format,
            category_label=CATEGORIES[term.category],
            related=glossary.related_both_ways(term.slug),
            share_slot=SHARE_SLOT,
            backlinks_slot=BACKLINKS_SLOT,
            edit_slot=EDIT_SLOT,
        )
    )


def copy_for_discord_button(message: str) -> str:
    """A button that copies `message` (Discord Markdown) for pasting in a chat; hidden without JavaScript."""
    return (
        '<button type="button" class="md-button seokb-copy-discord" '
        f'data-message="{html.escape(message, quote=True).replace(chr(10), "&#10;")}">Copy for Discord</button>'
    )


def discord_share_html(message: str) -> str:
    """A lesson's share line: its Copy for Discord button and the status that says it worked."""
    return (
        f'<p class="seokb-share seokb-share--discord">Share this lesson: {copy_for_discord_button(message)} '
        '<span class="seokb-copy-status" role="status"></span></p>\n'
    )


def term_controls_html(
    term: Term, share_url: str | None, edit_url: str | None, chat_message: str | None = None
) -> dict[str, str]:
    """What fills a term page's share and edit slots: the share line with its copy buttons, and the edit link."""
    # Two short lines per term, thousands of terms: written directly rather than through two template renders.
    share = html.escape(share_url or "", quote=True)
    # The address may break after each '/' (<wbr>) and nowhere else, so a phone shows '.../glossary/' then 'backlink/'.
    edit = html.escape(edit_url or "", quote=True)
    discord = f" {copy_for_discord_button(chat_message)}" if chat_message else ""
    return {
        SHARE_SLOT: (
            f'<p class="seokb-share">Share this term: <code>{share.replace("/", "/<wbr>")}</code> <button type="button" '
            f'class="md-button seokb-copy-link" data-url="{share}">Copy link</button>{discord} '
            '<span class="seokb-copy-status" role="status"></span></p>\n'
        )
        if share_url
        else "",
        EDIT_SLOT: (
            f'<p><a class="seokb-edit" href="{edit}">Edit this entry</a> (<code>{html.escape(term.path)}</code>): '
            "every term is one YAML file, and fixes are welcome.</p>\n"
        )
        if edit_url
        else "",
    }


@dataclass(frozen=True)
class FieldProblem:
    """The sanitizer had to change a field's HTML: a source check missed something, so the build stops here."""

    line: int
    message: str


def term_fields_html(term: Term, render: Callable[[str], SafeHtml]) -> tuple[dict[str, str], list[FieldProblem]]:
    """What fills a term page's field slots (field name -> HTML): Markdown fields rendered by `render` (safe_html.FieldRenderer), plain
    fields escaped. Every problem names the line of the field it came from."""
    problems: list[FieldProblem] = []

    def markdown_field(name: str, text: str, at: tuple) -> str:
        safe = render(text)
        if safe.removed:
            problems.append(
                FieldProblem(term.lines.get((*at, TEXT)) or term.line(at), f"{name}: {removed_message(safe.removed)}")
            )
        return safe.html

    fields = {
        "short": f'<p class="seokb-short">{html.escape(term.short, quote=False)}</p>',
        "aliases": '<p class="seokb-aliases"><strong>Also called:</strong> '
        + ", ".join(html.escape(alias, quote=False) for alias in term.aliases)
        + "</p>",
        "definition": markdown_field("definition", term.definition.strip(), ("definition",)),
        "example": markdown_field("example", term.example.strip(), ("example",)),
        "why_it_matters": markdown_field("why_it_matters", (term.why_it_matters or "").strip(), ("why_it_matters",)),
        # One list, as the template used to write it, so a mistake over two lines stays one item.
        "mistakes": markdown_field(
            "mistakes",
            "\n".join("- " + textwrap.indent(m.strip(), "  ").lstrip() for m in term.mistakes),
            ("mistakes",),
        ),
        "sources": _html_templates().get_template("term-sources.html.jinja").render(sources=term.sources).strip(),
    }
    return fields, problems


@dataclass(frozen=True)
class LetterGroup:
    label: str
    anchor: str
    terms: tuple[Term, ...]

    @property
    def categories(self) -> list[str]:
        """The categories present under this letter: the filter hides a letter whose list would be empty."""
        return sorted({term.category for term in self.terms})


def index_letter(name: str) -> str:
    """The A-Z heading a term files under: accents folded ('É' -> 'E'), digits and symbols under '#'."""
    first = unicodedata.normalize("NFKD", name.strip())[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def letter_groups(glossary: Glossary) -> list[LetterGroup]:
    groups: dict[str, list[Term]] = {}
    for term in sorted(glossary, key=lambda t: t.term.casefold()):
        groups.setdefault(index_letter(term.term), []).append(term)
    return [
        LetterGroup(letter, "other" if letter == "#" else letter.lower(), tuple(terms))
        for letter, terms in sorted(groups.items(), key=lambda item: (item[0] == "#", item[0]))
    ]


def index_page(glossary: Glossary, cheat_sheet: bool = False) -> str:
    """The Markdown of glossary/index.md: every term by letter, with a category filter that needs no script; it
    points to the review deck, and to the printable cheat sheet when the site has one."""
    counts = {slug: sum(1 for t in glossary if t.category == slug) for slug in CATEGORIES}
    categories = [{"slug": slug, "label": label, "count": counts[slug]} for slug, label in CATEGORIES.items() if counts[slug]]
    return (
        _templates()
        .get_template("glossary-index.md.jinja")
        .render(
            description="Every backlink and link building term on this site, A to Z, each with a plain definition for beginners.",
            letters=letter_groups(glossary),
            terms_count=len(glossary),
            categories=categories,
            category_labels=CATEGORIES,
            cheat_sheet=cheat_sheet,
        )
    )


def term_page_links(term: Term, glossary: Glossary) -> list[Link]:
    """Every link on glossary/<slug>.md, at the line of the entry that caused it, so a broken one names the YAML line."""
    page = term_src(term.slug)
    links: list[Link] = []
    fields: list[tuple[tuple[str | int, ...], str | None]] = [
        ((name,), getattr(term, name)) for name in ("definition", "example", "why_it_matters")
    ]
    fields += [(("mistakes", i), text) for i, text in enumerate(term.mistakes)]
    for at, text in fields:
        if text:
            first = term.lines.get((*at, TEXT)) or term.line(at)
            links += markdown_links(text, term.path, page, first_line=first)
    links.append(
        Link(
            term.path,
            term.line(("category",)),
            page,
            f"index.md#category-{term.category}",
            text=CATEGORIES[term.category],
            origin="category",
        )
    )
    for other in glossary.related_both_ways(term.slug):
        if other.slug in term.related:
            where = term.path, term.line(("related", term.related.index(other.slug)))
        else:  # shown here because the other entry relates to this one
            where = other.path, other.line(("related", other.related.index(term.slug)))
        links.append(Link(*where, page, f"{other.slug}.md", text=other.term, origin="related"))
    return links


def index_page_links(glossary: Glossary) -> list[Link]:
    """The A-Z index links every term; a broken one is reported at that entry's `term` line."""
    return [
        Link(term.path, term.line(("term",)), GLOSSARY_INDEX, f"{term.slug}.md", text=term.term, origin="index")
        for term in glossary
    ]
