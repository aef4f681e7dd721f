"""The site's own link profile: every figure on a fixture site with known links, the chart, and the two warnings."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET

import markdown
import pytest
from support.golden import assert_golden

from seokb.content.model import Glossary, Source, Term
from seokb.links.check import site_map
from seokb.links.profile import (
    CHART_COLOURS,
    EVERY_PAGE_SLOT,
    OTHER_COLOUR,
    anchor_chart_svg,
    every_page_table,
    link_profile,
    link_profile_page,
    orphan_warnings,
    over_optimised_warnings,
    percent,
    phrase_of,
)
from seokb.markup.links import Link


def make_term(slug: str, name: str, aliases: tuple[str, ...] = ()) -> Term:
    return Term(
        slug=slug,
        term=name,
        short=f"What {name.lower()} means.",
        definition="A definition.\n",
        example="An example.\n",
        category="basics",
        sources=(Source("Google Search Central", "https://developers.google.com/search"),),
        aliases=aliases,
        path=f"glossary/{slug}.yml",
    )


GLOSSARY = Glossary(
    (
        make_term("anchor-text", "Anchor text", ("link text",)),
        make_term("backlink", "Backlink", ("inbound link",)),
        make_term("exact-match-anchor-text", "Exact-match anchor text"),
        make_term("internal-link", "Internal link"),
        make_term("link-building", "Link building"),
        make_term("referring-domain", "Referring domain"),
    )
)
TERMS = [term.slug for term in GLOSSARY]
PAGES = ["index.md", "about.md", "link-profile.md", "lessons/one.md", "lessons/two.md", "glossary/index.md"]
PAGES += [f"glossary/{slug}.md" for slug in TERMS]


def page_url(src_uri: str) -> str:
    if src_uri == "index.md":
        return ""
    return src_uri[: -len("index.md")] if src_uri.endswith("index.md") else src_uri[: -len(".md")] + "/"


SITE = site_map(
    pages={page: {"top", "example"} for page in PAGES},
    urls={page_url(page) or "./": page for page in PAGES},
    files={"assets/chart.png"},
)
TITLES = {
    # Term pages are left out on purpose: their title falls back to the term's name.
    "index.md": "Home",
    "about.md": "About",
    "link-profile.md": "This site's link profile",
    "lessons/one.md": "What is a backlink?",
    "lessons/two.md": "Link building basics",
    "glossary/index.md": "Glossary",
}
EXEMPT = ("index.md", "glossary/index.md")


def authored(path: str, line: int, page: str, href: str, text: str) -> Link:
    return Link(path, line, page, href, text=text)


def engine(page: str, href: str, text: str, origin: str) -> Link:
    """A link the engine writes into a page's HTML: its href is relative to the page URL."""
    return Link(f"docs/{page}", 1, page, href, page_url=page_url(page), text=text, origin=origin)


ONE, TWO, HOME = "docs/lessons/one.md", "docs/lessons/two.md", "docs/index.md"

LINKS = [
    # The home page: the course, the glossary, this page.
    authored(HOME, 10, "index.md", "lessons/one.md", "What is a backlink?"),
    authored(HOME, 12, "index.md", "glossary/link-building.md", "link building"),
    authored(HOME, 20, "index.md", "glossary/index.md", "glossary"),
    authored(HOME, 30, "index.md", "link-profile.md", "This site's link profile"),
    # Lesson one.
    authored(ONE, 5, "lessons/one.md", "../glossary/backlink.md", "backlinks"),
    authored(ONE, 9, "lessons/one.md", "../glossary/backlink.md", "Backlinks"),
    authored(ONE, 14, "lessons/one.md", "../glossary/link-building.md", "Link building"),
    authored(ONE, 30, "lessons/one.md", "../glossary/referring-domain.md", "referring domain"),
    authored(ONE, 40, "lessons/one.md", "../glossary/anchor-text.md#example", "anchor text"),
    authored(ONE, 41, "lessons/one.md", "../glossary/anchor-text.md", "link text"),
    authored(ONE, 42, "lessons/one.md", "../glossary/anchor-text.md", "click here"),
    authored(ONE, 43, "lessons/one.md", "../glossary/anchor-text.md", "<b>here</b> | *now*"),
    authored(ONE, 50, "lessons/one.md", "two.md", "Next: Link building basics"),
    authored(ONE, 51, "lessons/one.md", "#top", "back to the top"),  # a page linking itself
    authored(ONE, 52, "lessons/one.md", "https://example.com/", "an external site"),
    engine("lessons/one.md", "../../glossary/referring-domain/", "referring domains", "autolink"),
    # Lesson two.
    authored(TWO, 1, "lessons/two.md", "one.md", "the previous lesson"),
    authored(TWO, 3, "lessons/two.md", "../glossary/backlink.md", "backlinks"),
    authored(TWO, 8, "lessons/two.md", "../glossary/backlink.md", "a link from another site"),
    authored(TWO, 20, "lessons/two.md", "../glossary/link-building.md", "link  building"),
    authored(TWO, 22, "lessons/two.md", "../glossary/link-building.md", "how to earn links"),
    authored(TWO, 40, "lessons/two.md", "../glossary/anchor-text.md", "the clickable words"),
    authored(TWO, 41, "lessons/two.md", "../glossary/anchor-text.md", ""),  # an image link: no words
    authored(TWO, 44, "lessons/two.md", "../abuot.md", "About"),  # broken: reported by the link check, not counted
    authored(TWO, 45, "lessons/two.md", "../assets/chart.png", "a chart"),  # a file, not a page
    authored(TWO, 60, "lessons/two.md", "../index.md", "the course home"),
    engine("lessons/two.md", "../../glossary/backlink/", "backlink", "autolink"),
    engine("lessons/two.md", "../../glossary/referring-domain/", "referring domain", "autolink"),
    engine("lessons/two.md", "../../glossary/anchor-text/", "anchor text", "autolink"),
    # Entries: links written in the YAML are authored, related terms and categories are the engine's.
    authored("glossary/backlink.yml", 9, "glossary/backlink.md", "link-building.md", "link building"),
    engine("glossary/backlink.md", "../referring-domain/", "referring domains", "autolink"),
    engine("glossary/backlink.md", "../", "Basics", "category"),
    Link("glossary/anchor-text.yml", 20, "glossary/anchor-text.md", "backlink.md", text="Backlink", origin="related"),
    Link(
        "glossary/anchor-text.yml",
        21,
        "glossary/anchor-text.md",
        "exact-match-anchor-text.md",
        text="Exact-match anchor text",
        origin="related",
    ),
    authored("glossary/exact-match-anchor-text.yml", 5, "glossary/exact-match-anchor-text.md", "anchor-text.md", "anchor texts"),
    authored("glossary/exact-match-anchor-text.yml", 6, "glossary/exact-match-anchor-text.md", "#example", "the example"),
    # The A-Z index links every term with its name.
    *[
        Link(f"glossary/{term.slug}.yml", 2, "glossary/index.md", f"{term.slug}.md", text=term.term, origin="index")
        for term in GLOSSARY
    ],
    # This page links every page; counting its links would leave no orphan.
    *[authored("link-profile.md", 50, "link-profile.md", page, TITLES.get(page, page)) for page in PAGES],
]

PROFILE = link_profile(LINKS, SITE, TITLES, GLOSSARY, exempt=EXEMPT)

# page -> (referring pages, inbound links, distinct anchors, exact-match share, top anchors), as the table shows them
EXPECTED_ROWS = {
    "about.md": ("About", 0, 0, 0, "–", "–"),
    "glossary/anchor-text.md": (
        "Anchor text",
        4,
        9,
        7,
        "56%",
        "“anchor text” (3), “&lt;b&gt;here&lt;/b&gt; | *now*” (1), “anchor texts” (1)",
    ),
    "glossary/backlink.md": ("Backlink", 4, 7, 3, "86%", "“Backlink” (3), “backlinks” (3), “a link from another site” (1)"),
    "glossary/exact-match-anchor-text.md": ("Exact-match anchor text", 2, 2, 1, "100%", "“Exact-match anchor text” (2)"),
    "glossary/index.md": ("Glossary", 2, 2, 2, "50%", "“Basics” (1), “glossary” (1)"),
    "glossary/internal-link.md": ("Internal link", 1, 1, 1, "100%", "“Internal link” (1)"),
    "glossary/link-building.md": ("Link building", 5, 6, 2, "83%", "“link building” (5), “how to earn links” (1)"),
    "glossary/referring-domain.md": ("Referring domain", 4, 5, 2, "100%", "“referring domain” (3), “referring domains” (2)"),
    "index.md": ("Home", 1, 1, 1, "0%", "“the course home” (1)"),
    "lessons/one.md": ("What is a backlink?", 2, 2, 2, "50%", "“the previous lesson” (1), “What is a backlink?” (1)"),
    "lessons/two.md": ("Link building basics", 1, 1, 1, "0%", "“Next: Link building basics” (1)"),
    "link-profile.md": ("This site's link profile", 1, 1, 1, "100%", "“This site's link profile” (1)"),
}


def every_page(profile) -> str:
    """The "Every page" table, with each page's src_uri as its link (the build passes real URLs)."""
    table, _ = every_page_table(profile, lambda src_uri: src_uri, "link-profile/")
    return table


def every_page_rows(profile) -> dict[str, list[str]]:
    """src_uri -> the cells of its row, as HTML; the first cell is the link's text."""
    rows = {}
    for row in re.findall(r"<tr>\n<td>(.*?)</td>\n</tr>", every_page(profile), re.S):
        cells = row.split('</td>\n<td style="text-align: right;">')
        *figures, top = cells[-1].split("</td>\n<td>")
        link = re.fullmatch(r'<a href="([^"]*)">(.*)</a>', cells[0])
        rows[link.group(1)] = [link.group(2), *cells[1:-1], *figures, top]
    return rows


def test_every_page_row_shows_its_figures() -> None:
    rows = every_page_rows(PROFILE)
    for src_uri, (title, referring, inbound, anchors, share, top) in EXPECTED_ROWS.items():
        expected = [title, str(referring), str(inbound), str(anchors), share, top]
        expected = [cell.replace("'", "&#39;") for cell in expected]  # the table is HTML, escaped as HTML
        assert rows[src_uri] == expected, src_uri
    assert list(rows) == [p.src_uri for p in PROFILE.pages] == sorted(EXPECTED_ROWS)
    assert EVERY_PAGE_SLOT in link_profile_page(PROFILE, GLOSSARY).splitlines()


def test_every_page_links_are_checked_from_the_profile_page() -> None:
    _, links = every_page_table(PROFILE, lambda src_uri: "../" + src_uri, "link-profile/")
    assert [(link.href, link.page_url, link.page) for link in links][:2] == [
        ("../about.md", "link-profile/", "link-profile.md"),
        ("../glossary/anchor-text.md", "link-profile/", "link-profile.md"),
    ]
    assert len(links) == len(PROFILE.pages)


def test_profile_figures() -> None:
    backlink = PROFILE.page("glossary/backlink.md")
    assert backlink is not None
    assert backlink.referring_pages == ("glossary/anchor-text.md", "glossary/index.md", "lessons/one.md", "lessons/two.md")
    # 'backlink' (twice 'Backlink', once 'backlink') and 'backlinks' tie: the phrase in sort order goes first.
    assert [(a.text, a.count, a.exact) for a in backlink.anchors] == [
        ("Backlink", 3, True),
        ("backlinks", 3, True),
        ("a link from another site", 1, False),
    ]
    assert (backlink.exact_match, backlink.links, backlink.exact_match_percent) == (6, 7, 86)
    anchor_text = PROFILE.page("glossary/anchor-text.md")
    assert [(a.phrase, a.count, a.exact) for a in anchor_text.anchors] == [
        ("anchor text", 3, True),
        ("<b>here</b> | *now*", 1, False),
        ("anchor texts", 1, True),
        ("click here", 1, False),
        ("link text", 1, True),
        ("the clickable words", 1, False),
        ("", 1, False),
    ]
    # Every working link between two pages, this page's own links, self-links, external, broken and file links aside.
    assert PROFILE.internal_links == sum(row[2] for row in EXPECTED_ROWS.values()) == 37
    assert PROFILE.authored_links == 23


def test_summary_figures() -> None:
    page = link_profile_page(PROFILE, GLOSSARY)
    assert "- **Pages:** 12\n" in page
    assert "- **Internal links:** 37 (23 written by contributors, 14 added by the site)\n" in page
    assert "- **Orphan pages:** 1\n" in page


def test_most_linked_terms_by_referring_pages_then_links() -> None:
    page = link_profile_page(PROFILE, GLOSSARY)
    assert [p.term for p in PROFILE.most_linked_terms] == [
        "link-building",
        "anchor-text",
        "backlink",
        "referring-domain",
        "exact-match-anchor-text",
        "internal-link",
    ]
    table = page.split("## Most-linked terms")[1].split("##")[0]
    assert [line for line in table.splitlines() if line.startswith("| ") and line[2].isdigit()] == [
        "| 1 | [Link building](glossary/link-building.md) | 5 | 6 |",
        "| 2 | [Anchor text](glossary/anchor-text.md) | 4 | 9 |",
        "| 3 | [Backlink](glossary/backlink.md) | 4 | 7 |",
        "| 4 | [Referring domain](glossary/referring-domain.md) | 4 | 5 |",
        "| 5 | [Exact-match anchor text](glossary/exact-match-anchor-text.md) | 2 | 2 |",
        "| 6 | [Internal link](glossary/internal-link.md) | 1 | 1 |",
    ]


def test_most_linked_terms_stop_at_ten() -> None:
    glossary = Glossary(tuple(make_term(f"term-{n:02}", f"Term {n:02}") for n in range(12)))
    pages = {f"glossary/term-{n:02}.md": set() for n in range(12)} | {"lessons/a.md": set()}
    site = site_map(pages, {}, [])
    links = [
        authored("docs/lessons/a.md", n, "lessons/a.md", f"../glossary/term-{n:02}.md", "x") for n in range(12) for _ in range(n)
    ]
    profile = link_profile(links, site, {}, glossary)
    assert [p.term for p in profile.most_linked_terms] == [f"term-{n:02}" for n in range(11, 1, -1)]


def test_an_orphan_and_an_over_optimised_page_are_reported() -> None:
    assert PROFILE.orphans == ("about.md",)
    assert [str(w) for w in orphan_warnings(PROFILE, {"about.md": "docs/about.md"})] == [
        "docs/about.md:1: orphan page: no other page links to it; link it from a lesson or the home page",
    ]
    assert [str(w) for w in over_optimised_warnings(PROFILE)] == [
        "docs/index.md:12: over-optimised anchor text: 4 of 5 links written to 'glossary/link-building.md' (80%) read "
        "'link building', here and at docs/lessons/one.md:14, docs/lessons/two.md:20, glossary/backlink.yml:9; "
        "vary the wording, e.g. describe what the page explains",
    ]
    page = link_profile_page(PROFILE, GLOSSARY)
    assert "- [About](about.md)\n" in page.split("## Orphan pages")[1].split("##")[0]
    assert "| [Link building](glossary/link-building.md) | “link building” | 4 of 5 (80%) |" in page


def over_optimised(texts: list[str], origin: str = "authored", engine_texts: tuple[str, ...] = ()) -> list[str]:
    """The warnings for glossary/backlink.md when lessons link to it with these words."""
    site = site_map(
        {"glossary/backlink.md": set(), "lessons/a.md": set(), "lessons/b.md": set()},
        {"glossary/backlink/": "glossary/backlink.md", "lessons/b/": "lessons/b.md"},
        [],
    )
    links = [
        Link("docs/lessons/a.md", n + 1, "lessons/a.md", "../glossary/backlink.md", text=t, origin=origin)
        for n, t in enumerate(texts)
    ]
    links += [engine("lessons/b.md", "../../glossary/backlink/", t, "autolink") for t in engine_texts]
    return [
        str(w) for w in over_optimised_warnings(link_profile(links, site, {}, Glossary((make_term("backlink", "Backlink"),))))
    ]


GATE = [
    # (anchors written by contributors, warned?)
    (["backlinks", "backlinks", "Backlinks "], True),  # 3 of 3: capitals and spacing make no new phrase
    (["backlinks", "backlinks", "backlinks", "links", "backlinks"], True),  # 4 of 5 is 80%
    (["backlinks", "backlinks", "backlinks", "links"], False),  # 3 of 4 is 75%
    (["backlinks", "backlinks"], False),  # two links cannot trip it
    (["", "", ""], False),  # links without words repeat no phrase
    (["backlinks", "backlink", "backlink"], False),  # plural and singular are different phrases: 2 of 3
]


@pytest.mark.parametrize("texts, warned", GATE)
def test_over_optimisation_gate(texts: list[str], warned: bool) -> None:
    assert bool(over_optimised(texts)) is warned


def test_gate_message_for_links_on_one_line() -> None:
    site = site_map({"glossary/backlink.md": set(), "lessons/a.md": set()}, {}, [])
    links = [authored("docs/lessons/a.md", 4, "lessons/a.md", "../glossary/backlink.md", "buy links")] * 3
    assert [str(w) for w in over_optimised_warnings(link_profile(links, site, {}, Glossary()))] == [
        "docs/lessons/a.md:4: over-optimised anchor text: 3 of 3 links written to 'glossary/backlink.md' (100%) read "
        "'buy links', all on this line; vary the wording, e.g. describe what the page explains",
    ]


@pytest.mark.parametrize("origin", ["autolink", "related", "index", "mentioned-in", "lesson-terms", "quiz-list", "category"])
def test_engine_links_never_trigger_the_gate(origin: str) -> None:
    assert over_optimised(["Backlink"] * 10, origin=origin) == []


def test_engine_links_neither_tip_a_page_over_the_gate_nor_dilute_it() -> None:
    assert over_optimised(["backlinks", "backlinks"], engine_texts=("backlinks",) * 10) == []
    assert len(over_optimised(["backlinks"] * 3, engine_texts=("links", "other words", "more words") * 5)) == 1


def test_no_links_at_all() -> None:
    profile = link_profile([], SITE, TITLES, GLOSSARY, exempt=EXEMPT)
    assert profile.internal_links == profile.authored_links == 0
    assert profile.orphans == tuple(sorted(set(PAGES) - set(EXEMPT)))
    assert profile.most_linked_terms == profile.over_optimised == ()
    assert [(bar.slug, bar.links, bar.segments) for bar in profile.chart] == [
        ("backlink", 0, ()),
        ("link-building", 0, ()),
        ("referring-domain", 0, ()),
        ("anchor-text", 0, ()),
    ]
    page = link_profile_page(profile, GLOSSARY)
    assert "No page links to a glossary term yet." in page
    assert "No page is over-optimised." in page
    assert "| [Backlink](glossary/backlink.md) | *no inbound links yet* | 0 | – |" in page
    assert every_page_rows(profile)["glossary/backlink.md"] == ["Backlink", "0", "0", "0", "–", "–"]
    assert "Backlink: no inbound links yet" in anchor_chart_svg(profile)


def test_empty_site_and_glossary() -> None:
    profile = link_profile([], site_map({}, {}, []), {}, Glossary())
    page = link_profile_page(profile, Glossary())
    assert "None of the core terms is in the glossary yet." in page
    assert "The site has no pages yet." in page
    assert "There are no orphan pages" in page
    assert "<svg" not in page
    # Without the entries, the metric lines name them without a link that would break.
    assert "(internal link); links to other sites" in page and "](glossary/" not in page


def test_self_links_broken_links_and_other_pages_own_links_are_not_inbound() -> None:
    site = site_map({"lessons/a.md": set(), "lessons/b.md": set(), "link-profile.md": set()}, {}, [])
    links = [
        authored("docs/lessons/a.md", 1, "lessons/a.md", "a.md", "this lesson"),
        authored("docs/lessons/a.md", 2, "lessons/a.md", "#top", "top"),
        authored("docs/lessons/b.md", 3, "lessons/b.md", "a-typo.md", "lesson a"),
        authored("link-profile.md", 4, "link-profile.md", "lessons/a.md", "lesson a"),
    ]
    profile = link_profile(links, site, {}, Glossary())
    assert [(p.src_uri, p.links, p.referring_pages) for p in profile.pages] == [
        ("lessons/a.md", 0, ()),
        ("lessons/b.md", 0, ()),
        ("link-profile.md", 0, ()),
    ]
    assert profile.orphans == ("lessons/a.md", "lessons/b.md", "link-profile.md")


def test_an_empty_anchor_is_shown_as_no_text_and_is_never_exact() -> None:
    site = site_map({"glossary/backlink.md": set(), "lessons/a.md": set()}, {}, [])
    links = [authored("docs/lessons/a.md", 1, "lessons/a.md", "../glossary/backlink.md", "")]
    profile = link_profile(links, site, {}, Glossary((make_term("backlink", "Backlink"),)))
    (anchor,) = profile.page("glossary/backlink.md").anchors
    assert (anchor.text, anchor.count, anchor.exact) == ("", 1, False)
    assert every_page_rows(profile)["glossary/backlink.md"] == ["Backlink", "1", "1", "1", "0%", "<em>no text</em> (1)"]
    assert "no text: 1 of 1 (100%)" in anchor_chart_svg(profile)


def test_other_names_make_an_anchor_exact_match() -> None:
    # The navigation calls the lesson "2. The basics"; its h1 is what contributors link with.
    site = site_map({"lessons/a.md": set(), "lessons/b.md": set()}, {}, [])
    links = [authored("docs/lessons/a.md", 1, "lessons/a.md", "b.md", "Link building basics")]
    plain_profile = link_profile(links, site, {"lessons/b.md": "2. The basics"}, Glossary())
    named = link_profile(
        links, site, {"lessons/b.md": "2. The basics"}, Glossary(), other_names={"lessons/b.md": ["Link building basics"]}
    )
    assert plain_profile.page("lessons/b.md").exact_match == 0
    assert named.page("lessons/b.md").exact_match == 1


def test_unbuilt_pages_are_left_out() -> None:
    site = site_map({"glossary/broken.md": None, "lessons/a.md": set()}, {}, [])
    links = [authored("docs/lessons/a.md", 1, "lessons/a.md", "../glossary/broken.md", "broken")]
    assert [p.src_uri for p in link_profile(links, site, {}, Glossary()).pages] == ["lessons/a.md"]


def test_output_does_not_depend_on_link_order() -> None:
    shuffled = LINKS[:]
    random.Random(9).shuffle(shuffled)
    profile = link_profile(shuffled, SITE, TITLES, GLOSSARY, exempt=EXEMPT)
    assert link_profile_page(profile, GLOSSARY) == link_profile_page(PROFILE, GLOSSARY)
    assert every_page(profile) == every_page(PROFILE)
    assert over_optimised_warnings(profile) == over_optimised_warnings(PROFILE)


def test_page_golden() -> None:
    assert_golden("link-profile-page.md", link_profile_page(PROFILE, GLOSSARY))
    assert_golden("link-profile-every-page.html", every_page(PROFILE))


def test_chart_golden() -> None:
    assert_golden("link-profile-chart.svg", anchor_chart_svg(PROFILE) + "\n")


SVG = "{http://www.w3.org/2000/svg}"


def test_chart_is_valid_svg_with_an_accessible_name() -> None:
    root = ET.fromstring(anchor_chart_svg(PROFILE))
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    label = "Anchor texts of the links to Backlink, Link building, Referring domain and Anchor text; the table below gives the same numbers."
    assert root.get("aria-label") == label and root.findtext(f"{SVG}title") == label
    assert not root.findall(f".//{SVG}script") and not [a for el in root.iter() for a in el.attrib if a.startswith("on")]


def test_chart_segments_and_percentages() -> None:
    root = ET.fromstring(anchor_chart_svg(PROFILE))
    bars = root.findall(f"{SVG}g")
    headings = [bar.find(f"{SVG}text").text for bar in bars]
    assert headings == [
        "Backlink: 7 inbound links",
        "Link building: 6 inbound links",
        "Referring domain: 5 inbound links",
        "Anchor text: 9 inbound links",
    ]
    legends = [[text.text for text in bar.findall(f"{SVG}text")[1:]] for bar in bars]
    assert legends == [
        ["“Backlink”: 3 of 7 (43%)", "“backlinks”: 3 of 7 (43%)", "“a link from another site”: 1 of 7 (14%)"],
        ["“link building”: 5 of 6 (83%)", "“how to earn links”: 1 of 6 (17%)"],
        ["“referring domain”: 3 of 5 (60%)", "“referring domains”: 2 of 5 (40%)"],
        [
            "“anchor text”: 3 of 9 (33%)",
            "“<b>here</b> | *now*”: 1 of 9 (11%)",
            "“anchor texts”: 1 of 9 (11%)",
            "“click here”: 1 of 9 (11%)",
            "other anchors (3 different): 3 of 9 (33%)",
        ],
    ]
    # Each bar segment is as wide as its share of the 400 units, less a gap between neighbours, and says what it is.
    segments = [
        (rect.get("x"), rect.get("width"), rect.get("fill"), rect.findtext(f"{SVG}title"))
        for rect in bars[3].findall(f"{SVG}rect")
        if rect.get("height") == "22"
    ]
    assert segments == [
        ("0.0", "131.3", CHART_COLOURS[0], "“anchor text”: 3 of 9 (33%)"),
        ("133.3", "42.4", CHART_COLOURS[1], "“<b>here</b> | *now*”: 1 of 9 (11%)"),
        ("177.8", "42.4", CHART_COLOURS[2], "“anchor texts”: 1 of 9 (11%)"),
        ("222.2", "42.4", CHART_COLOURS[3], "“click here”: 1 of 9 (11%)"),
        ("266.7", "133.3", OTHER_COLOUR, "other anchors (3 different): 3 of 9 (33%)"),
    ]


def test_chart_fallback_table_has_the_same_numbers() -> None:
    page = link_profile_page(PROFILE, GLOSSARY)
    table = page.split("</figure>")[1].split("##")[0]
    assert [line for line in table.splitlines() if line.startswith("| [")] == [
        "| [Backlink](glossary/backlink.md) | “Backlink” | 3 | 43% |",
        "| [Backlink](glossary/backlink.md) | “backlinks” | 3 | 43% |",
        "| [Backlink](glossary/backlink.md) | “a link from another site” | 1 | 14% |",
        "| [Link building](glossary/link-building.md) | “link building” | 5 | 83% |",
        "| [Link building](glossary/link-building.md) | “how to earn links” | 1 | 17% |",
        "| [Referring domain](glossary/referring-domain.md) | “referring domain” | 3 | 60% |",
        "| [Referring domain](glossary/referring-domain.md) | “referring domains” | 2 | 40% |",
        "| [Anchor text](glossary/anchor-text.md) | “anchor text” | 3 | 33% |",
        "| [Anchor text](glossary/anchor-text.md) | “&lt;b&gt;here&lt;/b&gt; &#124; \\*now\\*” | 1 | 11% |",
        "| [Anchor text](glossary/anchor-text.md) | “anchor texts” | 1 | 11% |",
        "| [Anchor text](glossary/anchor-text.md) | “click here” | 1 | 11% |",
        "| [Anchor text](glossary/anchor-text.md) | *other anchors (3 different)* | 3 | 33% |",
    ]


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize("colour", [*CHART_COLOURS, OTHER_COLOUR])
@pytest.mark.parametrize("background", ["#ffffff", "#1e2129"])  # the light and the dark (slate) page
def test_chart_colours_stand_out_in_light_and_dark_mode(colour: str, background: str) -> None:
    lighter, darker = sorted((_luminance(colour), _luminance(background)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 3  # WCAG 1.4.11, non-text contrast


def test_contributor_text_never_becomes_markup() -> None:
    body = link_profile_page(PROFILE, GLOSSARY).split("---\n", 2)[2]
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables"])
    assert "<b>here</b>" not in html.split("<figure")[0] + html.split("</figure>")[1]
    assert "<td>“&lt;b&gt;here&lt;/b&gt; &#124; *now*”</td>" in html  # one cell: the '|' did not split it
    assert "<em>now</em>" not in html
    # The headings keep their ids, so the home page and lessons can link a section.
    for anchor in (
        "how-to-read-it",
        "summary",
        "most-linked-terms",
        "orphan-pages",
        "over-optimised-pages",
        "anchor-text-chart",
        "every-page",
    ):
        assert f'<h2 id="{anchor}">' in html


@pytest.mark.parametrize("text, phrase", [("Back  Links", "back links"), (" anchor\ntext ", "anchor text"), ("", "")])
def test_phrase_of(text: str, phrase: str) -> None:
    assert phrase_of(text) == phrase


@pytest.mark.parametrize("part, whole, shown", [(1, 8, 13), (1, 3, 33), (2, 3, 67), (4, 5, 80), (0, 0, 0), (5, 6, 83)])
def test_percent_rounds_halves_up(part: int, whole: int, shown: int) -> None:
    assert percent(part, whole) == shown


def test_every_page_table_opens_collapsed() -> None:
    # The one table that grows with the site stays out of the first layout: on a phone its style and layout were
    # most of the link profile's blocking time (issue 21). Closed, it is still in the HTML, for readers and search.
    table = every_page(PROFILE)
    assert re.fullmatch(
        r'<details class="seokb-every-page">\n<summary>Show the table: \d+ pages, one row each</summary>\n<table>.*</table>\n</details>\s*',
        table,
        re.S,
    ), table[:200]
    assert " open" not in table.split("<table>")[0]
