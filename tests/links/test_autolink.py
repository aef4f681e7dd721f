"""The auto-linker: cases from golden/autolink.txt, the matcher, the mentions it records, and how its cost scales."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.golden import GOLDEN

from seokb.content.glossary import load_glossary
from seokb.content.model import Glossary, Term
from seokb.content.names import name_key
from seokb.diagnostics import Diagnostics
from seokb.links.autolink import Mention, TermMatcher, autolink

REPO = Path(__file__).resolve().parents[2]


def make_term(slug: str, term: str, short: str, *aliases: str) -> Term:
    return Term(
        slug=slug,
        term=term,
        short=short,
        definition="A definition.\n",
        example="An example.\n",
        category="basics",
        sources=(),
        aliases=aliases,
        path=f"glossary/{slug}.yml",
    )


GLOSSARY = Glossary(
    (
        make_term("anchor-text", "Anchor text", "The clickable words of a link.", "link text"),
        # Quotes and an ampersand, so every case shows the tooltip escaped.
        make_term("backlink", "Backlink", 'A link from another site to yours: a "vote" & a path.', "inbound link"),
        make_term("exact-match-anchor-text", "Exact-match anchor text", "Anchor text that repeats the exact keyword."),
        make_term("link-building", "Link building", "Earning links from other sites."),
        make_term("link-scheme", "Link scheme", "Links made to manipulate rankings."),
        make_term("referring-domain", "Referring domain", "A site that links to you at least once."),
    )
)
MATCHER = TermMatcher(GLOSSARY)


def href_for(term: Term) -> str:
    return f"../{term.slug}/"


@dataclass(frozen=True)
class Case:
    title: str
    line: int
    page: str
    expected: str
    skip_slug: str | None


_OPTION = re.compile(r"\s*\[skip_slug=([\w-]+)\]$")


def read_cases(path: Path) -> list[Case]:
    """Cases of a fixture file: '### title [skip_slug=...]', the page, a '---' line, the expected page."""
    cases: list[Case] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    starts = [number for number, line in enumerate(lines) if line.startswith("### ")]
    for start, stop in zip(starts, starts[1:] + [len(lines)]):
        title = lines[start][4:]
        option = _OPTION.search(title)
        body = lines[start + 1 : stop]
        divider = body.index("---")
        cases.append(
            Case(
                title=title,
                line=start + 1,
                page="\n".join(body[:divider]).strip("\n"),
                expected="\n".join(body[divider + 1 :]).strip("\n"),
                skip_slug=option.group(1) if option else None,
            )
        )
    return cases


CASES = read_cases(GOLDEN / "autolink.txt")


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_golden_case(case: Case) -> None:
    page, _ = autolink(case.page, MATCHER, href_for, skip_slug=case.skip_slug)
    assert page == case.expected, f"golden/autolink.txt:{case.line}: {case.title}"


_INSERTED_LINK = re.compile(r'<a class="seokb-term" href="[^"]*" data-seokb-def="[^"]*">(.*?)</a>', re.DOTALL)


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_only_links_are_added(case: Case) -> None:
    # Outside the links it adds, the page must come back byte for byte: entities, attributes, whitespace.
    page, mentions = autolink(case.page, MATCHER, href_for, skip_slug=case.skip_slug)
    assert _INSERTED_LINK.sub(r"\1", page) == case.page
    assert len(_INSERTED_LINK.findall(page)) == sum(m.linked for m in mentions)


# Pieces of real and broken HTML; any page made of them must come back unchanged but for the added links.
PIECES = (
    "backlink",
    "backlinks",
    "inbound",
    "link",
    "anchor",
    "text",
    " ",
    "\n",
    "-",
    ".",
    "\u2019s",
    "&amp;",
    "&lt;",
    "&nbsp;",
    "&#39;",
    "&bogus;",
    "&",
    "<",
    ">",
    "< p",
    "</",
    "<!",
    "<p>",
    "</p>",
    "<em>",
    "</em>",
    "<a href='x'>",
    "</a>",
    "<code>",
    "</code>",
    "<br>",
    "<br />",
    "<sup>",
    "</sup>",
    "<h2>",
    "</h2>",
    "<!-- c -->",
    "<script>",
    "</script>",
    '<div class="seokb-no-autolink">',
    "</div>",
    '<img alt="backlink">',
    "<P CLASS='admonition-title'>",
    "<![CDATA[backlink]]>",
    "<?x?>",
    "</ >",
    "\r\n",
    '"',
    "'",
)


def test_any_page_comes_back_unchanged_but_for_the_links() -> None:
    chance = random.Random(7)
    for _ in range(500):
        page = "".join(chance.choice(PIECES) for _ in range(chance.randint(1, 40)))
        linked, mentions = autolink(page, MATCHER, href_for)
        assert _INSERTED_LINK.sub(r"\1", linked) == page, page
        assert len(_INSERTED_LINK.findall(linked)) == sum(m.linked for m in mentions)


def test_fixture_file_has_a_case_per_title() -> None:
    titles = [case.title for case in CASES]
    assert len(titles) == len(set(titles)) >= 30


@pytest.mark.parametrize(
    "text, found",
    [
        ("backlink", [("backlink", "backlink")]),
        (
            "Backlinks, BACKLINK's and backlinks'",
            [("Backlinks", "backlink"), ("BACKLINK's", "backlink"), ("backlinks", "backlink")],
        ),
        ("inbound links and link text", [("inbound links", "backlink"), ("link text", "anchor-text")]),
        ("exact-match anchor text", [("exact-match anchor text", "exact-match-anchor-text")]),
        ("exact match   anchor\ntext", [("exact match   anchor\ntext", "exact-match-anchor-text")]),
        (
            "exact-match anchor texts and anchor text",
            [
                ("exact-match anchor texts", "exact-match-anchor-text"),
                ("anchor text", "anchor-text"),
            ],
        ),
        ("link-building and link building", [("link-building", "link-building"), ("link building", "link-building")]),
        ("Referring domains: link schemes.", [("Referring domains", "referring-domain"), ("link schemes", "link-scheme")]),
        ("backlink\u2019s", [("backlink\u2019s", "backlink")]),
        ("inbound link building", [("inbound link", "backlink")]),  # leftmost first, then longest
    ],
)
def test_find(text: str, found: list[tuple[str, str]]) -> None:
    assert [(text[start:end], term.slug) for start, end, term in MATCHER.find(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "backlinking",
        "superbacklink",
        "sub-backlink",
        "backlink-heavy",
        "anchor, text",
        "anchor. Text",
        "anchor\u2014text",
        "anchor - text",
        "exact-matching anchor",
        "link",
        "",
        "backlinkz",
        "back link",
    ],
)
def test_find_nothing(text: str) -> None:
    assert MATCHER.find(text) == []


SAMPLE_PAGE = """\
<h1 id="what-is-a-backlink">What is a backlink?</h1>
<p>A backlink is a link on another site that points to yours. Search engines count each
backlink as a vote, so inbound links from <em>referring domains</em> matter.</p>
<ul>
<li>Good anchor text describes the page.</li>
<li>Buying backlinks is a link scheme; avoid it.</li>
</ul>
<p>See <a href="../anchor-text/">anchor text</a>. <code>backlink</code> is code.</p>
"""


def test_mentions_on_a_sample_page() -> None:
    _, mentions = autolink(SAMPLE_PAGE, MATCHER, href_for)
    vote = "Search engines count each backlink as a vote, so inbound links from referring domains matter."
    assert mentions == [
        Mention("backlink", "backlink", "A backlink is a link on another site that points to yours.", linked=True),
        Mention("backlink", "backlink", vote, linked=False),
        Mention("backlink", "inbound links", vote, linked=False),
        Mention("referring-domain", "referring domains", vote, linked=True),
        Mention("anchor-text", "anchor text", "Good anchor text describes the page.", linked=True),
        Mention("backlink", "backlinks", "Buying backlinks is a link scheme; avoid it.", linked=False),
        Mention("link-scheme", "link scheme", "Buying backlinks is a link scheme; avoid it.", linked=True),
    ]


def test_no_mentions_recorded_for_the_own_page() -> None:
    _, mentions = autolink(SAMPLE_PAGE, MATCHER, href_for, skip_slug="backlink")
    assert [m.slug for m in mentions] == ["referring-domain", "anchor-text", "link-scheme"]
    assert all(m.linked for m in mentions)


@pytest.mark.parametrize(
    "block, sentence",
    [
        ("<p>First one. Then a backlink! Last?</p>", "Then a backlink!"),
        ("<p>Is it a backlink? Yes.</p>", "Is it a backlink?"),
        ('<p>He said "get a backlink." Then left.</p>', 'He said "get a backlink."'),
        ("<p>Links, e.g. a backlink, count.</p>", "Links, e.g. a backlink, count."),  # lower case after '.': no new sentence
        ("<p>Links, e.g.\n  a backlink, count.</p>", "Links, e.g. a backlink, count."),
        ("<p>A <code>rel</code> value on a backlink.</p>", "A rel value on a backlink."),
        ("<p>Tom &amp; Jerry&#39;s backlink.</p>", "Tom & Jerry's backlink."),
        ("<li>Backlinks<ul><li>Other</li></ul>more words</li>", "Backlinks"),
        ("<p>One line<br />a backlink here</p>", "a backlink here"),
        ("<td>a backlink</td><td>next cell.</td>", "a backlink"),
    ],
)
def test_mention_sentence(block: str, sentence: str) -> None:
    _, mentions = autolink(block, MATCHER, href_for)
    assert [m.sentence for m in mentions] == [sentence]


def test_a_long_sentence_is_cut_around_the_mention() -> None:
    words = " ".join(f"word{i}" for i in range(60))
    _, mentions = autolink(f"<p>{words} backlink {words}.</p>", MATCHER, href_for)
    sentence = mentions[0].sentence
    assert len(sentence) <= 200
    assert sentence.startswith("\u2026word") and sentence.endswith("\u2026") and " backlink " in sentence
    assert "  " not in sentence and "word59 backlink word0 " in sentence


def test_href_and_title_are_escaped() -> None:
    page, _ = autolink("<p>backlink</p>", MATCHER, lambda term: '../x/?a=1&b="2"')
    assert page == (
        '<p><a class="seokb-term" href="../x/?a=1&amp;b=&quot;2&quot;" '
        'data-seokb-def="A link from another site to yours: a &quot;vote&quot; &amp; a path.">backlink</a></p>'
    )


@pytest.mark.parametrize(
    "page",
    [
        # A <div> cannot sit in a <p>: as in a browser it closes the unclosed title, so the div's text is prose.
        '<p class="admonition-title">Backlink<div><p>A backlink.</p></div>',
        '<p class="admonition-title">Backlink<div>A backlink.</div>',
        # A stray end tag closes nothing.
        "<p>A</em> backlink.</p>",
    ],
)
def test_sloppy_html_does_not_hide_the_rest_of_the_page(page: str) -> None:
    linked, mentions = autolink(page, MATCHER, href_for)
    assert [(m.text, m.linked) for m in mentions] == [("backlink", True)]
    assert _INSERTED_LINK.sub(r"\1", linked) == page


def test_every_real_glossary_name_is_found_as_its_own_term() -> None:
    glossary = load_glossary(REPO, Diagnostics())
    matcher = TermMatcher(glossary)
    for term in glossary:
        for name in term.names:
            for written in (name, name.upper(), name.replace(" ", "-")):
                found = [(start, end, t.slug) for start, end, t in matcher.find(f"About {written}, mostly.")]
                assert found == [(6, 6 + len(written), term.slug)], (term.path, written)
            # The matcher and check_names() agree on what one name is.
            assert matcher.find(name_key(name))[0][2] is term


# Words no page text uses, so the synthetic terms change nothing but the glossary's size.
def synthetic_glossary(count: int) -> Glossary:
    terms = [
        make_term(f"synthetic-{i}", " ".join(f"zq{i}x{w}" for w in range(i % 4 + 1)), "A synthetic term.") for i in range(count)
    ]
    return Glossary((*GLOSSARY, *terms))


class CountedNames(dict):
    """The matcher's name table, counting the lookups made in it: what the scaling test counts instead of timing."""

    lookups = 0

    def get(self, key, default=None):
        self.lookups += 1
        return super().get(key, default)


def counted(matcher: TermMatcher) -> CountedNames:
    matcher._by_words = CountedNames(matcher._by_words)
    return matcher._by_words


def test_lookups_do_not_grow_with_the_glossary() -> None:
    page = "\n".join(case.page for case in CASES) * 3
    small, large = TermMatcher(synthetic_glossary(40)), TermMatcher(synthetic_glossary(5000))
    assert small.longest == large.longest == 4
    small_names, large_names = counted(small), counted(large)
    small_page, small_mentions = autolink(page, small, href_for)
    large_page, large_mentions = autolink(page, large, href_for)
    assert (large_page, large_mentions) == (small_page, small_mentions)
    assert large_names.lookups == small_names.lookups > 0
    # At most one lookup per word and name length: the bound that makes the cost linear in the text.
    assert small_names.lookups <= len(re.findall(r"\w+", page)) * small.longest


def test_an_authors_own_link_to_a_term_counts_as_its_first_mention() -> None:
    page = (
        '<p>A <a href="../glossary/backlink/">backlink</a> is earned. Backlinks need work.</p>'
        '<p>Anchor text and a <a href="https://example.org/">backlink elsewhere</a>.</p>'
    )
    out, mentions = autolink(
        page,
        MATCHER,
        lambda term: f"../glossary/{term.slug}/",
        hand_link={"../glossary/backlink/": "backlink"}.get,
    )
    assert out.count('class="seokb-term"') == 1  # anchor text only: backlink was linked by hand already
    assert [(m.slug, m.text, m.linked) for m in mentions] == [
        ("backlink", "backlink", True),
        ("backlink", "Backlinks", False),
        ("anchor-text", "Anchor text", True),
    ]
    assert mentions[0].sentence == "A backlink is earned."


def test_an_authors_link_inside_an_opt_out_is_not_a_mention() -> None:
    page = '<div class="seokb-no-autolink"><p><a href="../glossary/backlink/">Backlink</a>: a link.</p></div>'
    _, mentions = autolink(page, MATCHER, lambda term: "x", hand_link={"../glossary/backlink/": "backlink"}.get)
    assert mentions == []


def test_anchors_are_collected_in_the_same_pass_as_links_would_find_them() -> None:
    from seokb.markup.links import page_anchors

    page = '<h2 id="why">Why</h2><p><a name="old"></a>A backlink <span name="no" id="x&amp;y">here</span>.</p><input id="category-basics">'
    anchors: set[str] = set()
    autolink(page, MATCHER, lambda term: "x", anchors=anchors)
    assert anchors == page_anchors(page) == {"why", "old", "x&y", "category-basics"}
