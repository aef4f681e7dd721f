"""The contributor contract: tables of valid entries and of invalid ones with the exact message each must produce."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from support.entry_cases import INVALID, VALID, glossary_problems, problems
from support.project import entry

from seokb.content.glossary import load_glossary
from seokb.content.yamlsource import read_yaml
from seokb.diagnostics import Diagnostics

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text", [text for _, text in VALID], ids=[name for name, _ in VALID])
def test_valid_entries_have_no_problems(text: str) -> None:
    assert problems(text) == []


@pytest.mark.parametrize(
    "text, expected", [(text, expected) for _, text, expected in INVALID], ids=[name for name, _, _ in INVALID]
)
def test_invalid_entries_give_exact_messages(text: str, expected: list[str]) -> None:
    assert problems(text) == expected


def test_name_collisions_are_case_insensitive_and_plural_aware(tmp_path: Path) -> None:
    assert glossary_problems(
        tmp_path,
        {
            "backlink.yml": entry("backlink", term="Backlink", aliases="[inbound link, Backlinks]"),
            "inbound-link.yml": entry("inbound-link", term="Inbound Links"),
        },
    ) == [
        "glossary/backlink.yml:3: aliases: 'Backlinks' is the same name as 'Backlink' (plurals and case are matched already); remove it",
        # No git in tmp_path: neither file is known to be the newer, so both are told (see test_names.py for git).
        "glossary/backlink.yml:3: aliases: 'inbound link' is also claimed by glossary/inbound-link.yml:2 ('Inbound Links'); a name can lead to one entry only",
        "glossary/inbound-link.yml:2: term: 'Inbound Links' is already claimed by glossary/backlink.yml:3 ('inbound link'); a name can lead to one entry only",
    ]


def test_related_must_name_other_existing_terms(tmp_path: Path) -> None:
    assert glossary_problems(
        tmp_path,
        {
            "anchor-text.yml": entry("anchor-text", related="[anchor-text, backlinks, link-building]"),
            "backlink.yml": entry("backlink", related="[anchor-text]"),
            "link-building.yml": entry("link-building", term="NO"),  # broken, but present: not 'unknown'
        },
    ) == [
        "glossary/anchor-text.yml:14: related: 'anchor-text' is this entry itself; list other entries",
        "glossary/anchor-text.yml:14: related: unknown term 'backlinks' (did you mean 'backlink'?)",
        'glossary/link-building.yml:2: term: YAML reads NO as a true/false value, not text; put it in quotes: "NO"',
    ]


def test_every_problem_in_every_file_is_reported_at_once(tmp_path: Path) -> None:
    found = glossary_problems(
        tmp_path,
        {
            "a-term.yml": entry("a-term", short="x" * 200, category="nope"),
            "b-term.yml": "term: [",
            "Bad_Name.yml": entry("bad"),
            "notes.txt": "hello",
            "old.yaml": entry("old"),
            "drafts": None,
        },
    )
    assert found == [
        "glossary/Bad_Name.yml:1: file name 'Bad_Name.yml' is not a slug (lowercase words joined by '-'); rename it to 'bad-name.yml'",
        "glossary/a-term.yml:3: short: is 200 characters; the limit is 160; it must fit a tooltip and a link preview",
        "glossary/a-term.yml:10: category: unknown category 'nope'; one of basics, metrics, strategy, tactics, risks, tools",
        "glossary/b-term.yml:1: YAML syntax error: expected the node content, but found '<stream end>'",
        "glossary/drafts:1: folders are not read here; put each entry directly in glossary/ as <slug>.yml",
        "glossary/notes.txt:1: not a glossary entry: only <slug>.yml entries belong in glossary/",
        "glossary/old.yaml:1: not a glossary entry: rename it to 'old.yml'",
    ]


def test_the_real_glossary_is_valid() -> None:
    report = Diagnostics()
    glossary = load_glossary(REPO, report)
    assert [str(d) for d in report.sorted()] == []
    assert {"backlink", "link-building", "referring-domain", "anchor-text"} <= {t.slug for t in glossary}


def test_related_is_checked_even_when_the_entry_has_other_problems(tmp_path: Path) -> None:
    assert glossary_problems(
        tmp_path,
        {
            "backlink.yml": entry("backlink", short="x" * 170, related="[anchor-txt]"),
            "anchor-text.yml": entry("anchor-text"),
        },
    ) == [
        "glossary/backlink.yml:3: short: is 170 characters; the limit is 160; it must fit a tooltip and a link preview",
        "glossary/backlink.yml:14: related: unknown term 'anchor-txt' (did you mean 'anchor-text'?)",
    ]


def test_only_text_that_could_hold_an_anchor_alias_tag_or_document_is_read_twice() -> None:
    from seokb.content.yamlsource import _MAYBE_NOT_PLAIN_DATA

    assert _MAYBE_NOT_PLAIN_DATA.search(entry()) is None  # the fast path: nothing there to refuse
    refused = [
        text
        for name, text, expected in INVALID
        if any(
            word in message for message in expected for word in ("YAML anchor", "YAML alias", "YAML tag", "second YAML document")
        )
    ]
    assert len(refused) >= 2
    assert all(_MAYBE_NOT_PLAIN_DATA.search(text) for text in refused)
    second = entry() + "---\nterm: Another\n"
    assert _MAYBE_NOT_PLAIN_DATA.search(second)
    assert any("a second YAML document ('---'); one entry per file" in message for message in problems(second))


INDENT = "this {what} is indented differently from the lines above it; line it up with the others at its level (list items under list items, fields under fields, block text by the same spaces)"
YAML_MISTAKES = [
    # (what a contributor wrote, the line and sentence they read: PyYAML's own words named '<block end>')
    ("a list item indented less", entry(mistakes="\n  - One mistake.\n - Another."), 16, INDENT.format(what="list item ('- ')")),
    (
        "a field of a source indented more",
        entry(sources="\n  - title: A page\n     url: https://example.org/"),
        13,
        INDENT.format(what="field"),
    ),
    ("a line of a block indented less", entry(definition="|\n  First line.\n Second line."), 6, INDENT.format(what="line")),
    (
        "an unclosed quote",
        entry(short='"A short line.'),
        3,
        "a quote that starts on this line is never closed; end the text with the same quote (\" or ') it starts with",
    ),
    (
        "text after the closing quote",
        entry(short='"A short" line.'),
        3,
        "text follows the closing quote; put the whole value inside the quotes",
    ),
]


# Issue 35's four cases, each in an entry shaped like the real ones: the line to fix, in plain words.
NICHE = (
    "term: Niche\n"  # 1
    "short: The small topic a site is about.\n"  # 2
    "definition: |\n"  # 3
    "  A niche is a small, clear slice of a bigger subject.\n"  # 4
    '  "Cooking" is a subject; sourdough baking is a niche.\n'  # 5
    "\n"  # 6
    "  A clear niche tells you who your readers are.\n"  # 7
    "example: |\n"  # 8
    "  Omar narrows his blog to hiking gear.\n"  # 9
    "related:\n"  # 10
    "  - backlink\n"  # 11
    "  - referring-domain\n"  # 12
    "category: basics\n"  # 13
)
ISSUE_CASES = [
    (
        "a line that lost its indentation inside a field",
        NICHE.replace("  A clear niche", "A clear niche"),
        7,
        "this line belongs to the text of 'definition' but lost its indentation, so YAML reads it as a new field; "
        "indent it by 2 spaces, like the line above it",
    ),
    (
        "a list item indented under the one before",
        NICHE.replace("  - referring-domain", "    - referring-domain"),
        12,
        "this list item is indented under the one before it, so YAML reads both as one item, "
        "'backlink - referring-domain'; line its '- ' up with the item above",
    ),
    (
        "an unclosed quote that a later quote seems to close",
        NICHE.replace("short: The small topic a site is about.", 'short: "The small topic a site is about.'),
        2,
        "the quote that opens this value is not closed on its line, so YAML reads on into the lines below; end the "
        'text with the same quote (" or \') it starts with, or use \' inside "..."',
    ),
    (
        "a ': ' inside unquoted text",
        NICHE.replace("short: The small topic a site is about.", "short: The small topic: what a site is about."),
        2,
        "': ' inside unquoted text starts a new field to YAML; put the whole value of 'short' in double quotes, like "
        'short: "Text: more text"',
    ),
]


@pytest.mark.parametrize("text, line, sentence", [case[1:] for case in ISSUE_CASES], ids=[case[0] for case in ISSUE_CASES])
def test_the_four_common_yaml_mistakes_are_told_at_the_line_to_fix(text: str, line: int, sentence: str) -> None:
    report = Diagnostics()
    assert read_yaml(text, "glossary/niche.yml", report) is None
    assert [str(problem) for problem in report.sorted()] == [f"glossary/niche.yml:{line}: YAML syntax error: {sentence}"]


@pytest.mark.parametrize("text, line, sentence", [case[1:] for case in YAML_MISTAKES], ids=[case[0] for case in YAML_MISTAKES])
def test_yaml_syntax_errors_are_told_in_plain_words_at_the_line_to_fix(text: str, line: int, sentence: str) -> None:
    assert problems(text) == [f"glossary/backlink.yml:{line}: YAML syntax error: {sentence}"]


def test_hidden_in_prose_finds_the_controls_but_tab_and_line_feed_and_the_direction_changes() -> None:
    from seokb.content.characters import BIDI_CONTROLS, hidden_in_prose

    everything = "".join(chr(code) for code in range(0x3000))
    expected = [
        (index, char)
        for index, char in enumerate(everything)
        if char in BIDI_CONTROLS or (unicodedata.category(char) == "Cc" and char not in "\n\t")
    ]
    assert hidden_in_prose(everything) == expected and len(expected) == 65 - 2 + len(BIDI_CONTROLS)


@pytest.mark.parametrize(
    "slug, message",
    [
        ("anchor-txt", "related: unknown term 'anchor-txt' (did you mean 'anchor-text'?)"),
        # Issue 35: 'internal-link' is 0.64 alike, and another idea; nothing is better than a poor match.
        ("footer-links", "related: unknown term 'footer-links'; name an entry by its file name without .yml"),
    ],
)
def test_an_unknown_related_slug_is_offered_only_a_close_slug(tmp_path, slug: str, message: str) -> None:
    for name in ("anchor-text", "internal-link", "external-link"):
        (tmp_path / "glossary").mkdir(exist_ok=True)
        (tmp_path / "glossary" / f"{name}.yml").write_text(entry(name, related=f"[{slug}]"), encoding="utf-8")
    report = Diagnostics()
    load_glossary(tmp_path, report)
    assert {p.message for p in report.items if "related" in p.message} == {message}
