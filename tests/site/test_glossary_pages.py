"""The Markdown the engine writes for the A-Z index and the term pages, against golden files."""

from __future__ import annotations

import markdown
import pytest
from support.golden import assert_golden

from seokb.content.model import Glossary, Source, Term
from seokb.site.glossary_pages import (
    EDIT_SLOT,
    SHARE_SLOT,
    index_letter,
    index_page,
    letter_groups,
    plain,
    term_controls_html,
    term_page,
)
from seokb.site.urls import term_slug


def make_term(slug: str, term: str, category: str = "basics", **fields) -> Term:
    values = dict(
        slug=slug,
        term=term,
        short=f"What {term.lower()} means, in one line.",
        definition="A definition with a [link](other.md).\n",
        example="An example.\n",
        category=category,
        sources=(Source("Google Search Central", "https://developers.google.com/search"),),
        path=f"glossary/{slug}.yml",
    )
    values.update(fields)
    return Term(**values)


BACKLINK = make_term(
    "backlink",
    "Backlink",
    aliases=("inbound link", "incoming link"),
    why_it_matters="It matters.\n",
    mistakes=("First mistake.", "Second mistake,\nover two lines."),
    related=("anchor-text",),
)
ANCHOR_TEXT = make_term("anchor-text", "Anchor text", category="metrics")
OUTREACH = make_term("outreach", "Outreach", category="tactics", related=("backlink",))
EXAMPLE = Glossary((ANCHOR_TEXT, BACKLINK, OUTREACH))


def test_term_page_golden() -> None:
    assert_golden("term-backlink.md", term_page(BACKLINK, EXAMPLE))


def test_term_controls_fill_the_share_and_edit_slots() -> None:
    page = term_page(BACKLINK, EXAMPLE)
    assert page.count(SHARE_SLOT) == page.count(EDIT_SLOT) == 1
    controls = term_controls_html(
        BACKLINK,
        share_url="https://seokb.example/glossary/backlink/?a=1&b=2",
        edit_url="https://github.com/o/r/edit/main/glossary/backlink.yml",
    )
    assert controls == {
        SHARE_SLOT: '<p class="seokb-share">Share this term: <code>https:/<wbr>/<wbr>seokb.example/<wbr>glossary/<wbr>backlink/<wbr>?a=1&amp;b=2</code> '
        '<button type="button" class="md-button seokb-copy-link" data-url="https://seokb.example/glossary/backlink/?a=1&amp;b=2">'
        'Copy link</button> <span class="seokb-copy-status" role="status"></span></p>\n',
        EDIT_SLOT: '<p><a class="seokb-edit" href="https://github.com/o/r/edit/main/glossary/backlink.yml">Edit this entry</a> '
        "(<code>glossary/backlink.yml</code>): every term is one YAML file, and fixes are welcome.</p>\n",
    }
    # Without a repository or a share URL the slots are emptied: no line points nowhere.
    assert term_controls_html(BACKLINK, share_url=None, edit_url=None) == {SHARE_SLOT: "", EDIT_SLOT: ""}


def test_minimal_term_page_golden() -> None:
    # No aliases, mistakes, why-it-matters, edit link; a related term only through another entry's `related`.
    assert_golden("term-anchor-text.md", term_page(ANCHOR_TEXT, EXAMPLE))


def test_index_page_golden() -> None:
    assert_golden("glossary-index.md", index_page(EXAMPLE))


def test_empty_glossary_index_says_so() -> None:
    page = index_page(Glossary())
    assert "There are no terms in the glossary yet." in page
    assert "<fieldset" not in page


@pytest.mark.parametrize(
    "text",
    [
        "a *b* _c_ `d` [e](f) <g> & h",
        "# not a heading",
        "{ .class }",
        "![img](x.png)",
        "back\\slash",
        "<script>x</script>",
    ],
)
def test_plain_text_renders_as_the_same_characters(text: str) -> None:
    html = markdown.markdown(plain(text), extensions=["attr_list"])
    assert "<script" not in html and "<em" not in html and "<a " not in html and "<code" not in html
    expected = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert html == f"<p>{expected}</p>"


@pytest.mark.parametrize("name, letter", [("Anchor text", "A"), ("élan", "E"), ("404 page", "#"), ("  nofollow", "N")])
def test_index_letter(name: str, letter: str) -> None:
    assert index_letter(name) == letter


def test_letter_groups_sort_case_insensitively_with_symbols_last() -> None:
    glossary = Glossary((make_term("b", "beta"), make_term("a2", "Alpha"), make_term("n", "404"), make_term("a1", "alpha one")))
    assert [(g.label, [t.term for t in g.terms]) for g in letter_groups(glossary)] == [
        ("A", ["Alpha", "alpha one"]),
        ("B", ["beta"]),
        ("#", ["404"]),
    ]


def test_related_terms_show_both_ways() -> None:
    assert [t.slug for t in EXAMPLE.related_both_ways("backlink")] == ["anchor-text", "outreach"]
    assert [t.slug for t in EXAMPLE.related_both_ways("anchor-text")] == ["backlink"]


@pytest.mark.parametrize(
    "src_uri, slug",
    [
        ("glossary/backlink.md", "backlink"),
        ("glossary/index.md", None),
        ("glossary/notes/backlink.md", None),  # not a term page: every term page is glossary/<slug>.md
        ("lessons/backlink.md", None),
        ("glossary/backlink.yml", None),
        ("glossary.md", None),
    ],
)
def test_the_term_a_page_is_about(src_uri: str, slug: str | None) -> None:
    assert term_slug(src_uri) == slug
