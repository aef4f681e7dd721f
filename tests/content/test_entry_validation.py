"""The contributor contract: tables of valid entries and of invalid ones with the exact message each must produce."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import entry

from seokb.content.glossary import load_glossary, read_entry
from seokb.diagnostics import Diagnostics

REPO = Path(__file__).resolve().parents[2]
BACKLINK = (REPO / "glossary" / "backlink.yml").read_text(encoding="utf-8")


def problems(text: str, path: str = "glossary/backlink.yml") -> list[str]:
    report = Diagnostics()
    read_entry(text, path, Path(path).stem, report)
    return [str(d) for d in report.sorted()]


VALID = [
    ("the real backlink entry", BACKLINK),
    ("minimal fields", entry()),
    ("quoted YAML 1.1 words stay text", entry(term='"NO"', short='"2024-01-01 is a date, quoted."')),
    ("plain scalars and folded text", entry(definition=">\n  Folded\n  text.", example="Plain example text.")),
    ("a short of exactly 160 characters", entry(short="x" * 159 + ".")),
    (
        "optional fields",
        entry(
            why_it_matters="|\n  It matters.",
            mistakes="\n  - One mistake.\n  - Another.",
            related="[anchor-text]",
            aliases="[inbound link]",
        ),
    ),
    (
        "Markdown links, emphasis and code",
        entry(definition='|\n  See [anchor text](anchor-text.md), **bold** and `rel="nofollow"`.'),
    ),
    ("a less-than sign in prose", entry(definition="|\n  Fewer than 10 links, so 3 < 10 holds.")),
    ("the word 'data:' in prose", entry(example="|\n  Look at the data: links grew.")),
]


@pytest.mark.parametrize("text", [text for _, text in VALID], ids=[name for name, _ in VALID])
def test_valid_entries_have_no_problems(text: str) -> None:
    assert problems(text) == []


P = "glossary/backlink.yml"
INVALID = [
    (
        "YAML syntax error",
        "term: Backlink\nshort: Read this: it matters\n",
        [f"{P}:2: YAML syntax error: mapping values are not allowed here; put text that contains ': ' in quotes"],
    ),
    (
        "tab indentation",
        "term: x\n\tshort: y\n",
        [f"{P}:2: YAML syntax error: found character '\\t' that cannot start any token; indent with spaces, not tabs"],
    ),
    (
        "duplicate key",
        entry() + "short: Again.\n",
        [f"{P}:14: duplicate field 'short' (first at line 3); YAML would keep only the last one, so delete one"],
    ),
    (
        "unknown field with a close match",
        entry() + "defintion: x\n",
        [f"{P}:14: unknown field 'defintion' (did you mean 'definition'?)"],
    ),
    (
        "unknown field without a close match",
        entry() + "colour: blue\n",
        [
            f"{P}:14: unknown field 'colour'; allowed fields: term, aliases, short, definition, example, why_it_matters, mistakes, related, old_slugs, category, sources"
        ],
    ),
    (
        "YAML reads NO as a boolean",
        entry(term="NO"),
        [f'{P}:2: term: YAML reads NO as a true/false value, not text; put it in quotes: "NO"'],
    ),
    (
        "YAML reads yes as a boolean",
        entry(aliases="[yes]"),
        [f'{P}:3: aliases item 1: YAML reads yes as a true/false value, not text; put it in quotes: "yes"'],
    ),
    (
        "an unquoted date",
        entry(short="2024-01-01"),
        [f'{P}:3: short: YAML reads 2024-01-01 as a date, not text; put it in quotes: "2024-01-01"'],
    ),
    ("a number", entry(term="404"), [f'{P}:2: term: YAML reads 404 as a number, not text; put it in quotes: "404"']),
    (
        "short over 160 characters",
        entry(short="x" * 161),
        [f"{P}:3: short: is 161 characters; the limit is 160; it must fit a tooltip and a link preview"],
    ),
    (
        "empty required field",
        entry(short=""),
        [
            f"{P}:2: missing required field 'short': One plain-text sentence (no Markdown), at most 160 characters. Shown in tooltips, the A-Z index and link previews."
        ],
    ),
    ("required field with no value", entry(example=" "), [f"{P}:8: example: is empty"]),
    ("required field with an empty string", entry(short='""'), [f"{P}:3: short: is empty"]),
    (
        "optional field with no value",
        entry(why_it_matters=" "),
        [f"{P}:14: why_it_matters: is empty; write it or remove the field"],
    ),
    (
        "wrong type: text for a list",
        entry(aliases="inbound link"),
        [f"{P}:3: aliases: must be a list, not text; put each item on its own line, starting with '- '"],
    ),
    ("wrong type: a list for text", entry(short="[a, b]"), [f"{P}:3: short: must be text, not a list"]),
    (
        "YAML anchor and alias",
        entry(category="&c basics") + "why_it_matters: *c\n",
        [
            f"{P}:10: YAML anchor '&c' is not allowed; write each value out in full",
            f"{P}:14: YAML alias '*c' is not allowed; write the value out in full",
        ],
    ),
    (
        "YAML tag",
        entry(term="!!str Backlink"),
        [f"{P}:2: YAML tag '!!str' is not allowed; put the value in quotes if it must stay text"],
    ),
    ("unknown category", entry(category="basic"), [f"{P}:10: category: unknown category 'basic' (did you mean 'basics'?)"]),
    (
        "non-https source",
        entry(sources="\n  - title: A page\n    url: http://example.com/page"),
        [f"{P}:13: sources item 1, url: 'http://example.com/page' is not an https URL; sources must start with https://"],
    ),
    (
        "source without a title",
        entry(sources="\n  - url: https://example.com/page"),
        [f"{P}:12: sources item 1: missing required field 'title'"],
    ),
    ("no sources", entry(sources="[]"), [f"{P}:11: sources: needs at least 1 item"]),
    (
        "related names a non-slug",
        entry(related="[Anchor Text]"),
        [
            f"{P}:14: related item 1: 'Anchor Text' is not a slug; name the entry by its file name without .yml, like 'anchor-text'"
        ],
    ),
    (
        "raw HTML in a Markdown field",
        entry(definition="|\n  First line.\n  <script>alert(1)</script>"),
        [f"{P}:6: definition: raw HTML '<script>alert(1)</script>' is not allowed; contributions are Markdown only"],
    ),
    (
        "raw HTML block in a Markdown field",
        entry(example='|\n  Intro.\n\n  <div onclick="x()">hi</div>'),
        [f"{P}:11: example: raw HTML '<div onclick=\"x()\">hi</div>' is not allowed; contributions are Markdown only"],
    ),
    (
        "javascript: link",
        entry(definition="|\n  A [link](javascript:alert(1)) here."),
        [f"{P}:5: definition: 'javascript:' links are not allowed; link to an https page instead"],
    ),
    ("raw HTML in plain text", entry(term="Back<b>link</b>"), [f"{P}:2: term: raw HTML '<b>' is not allowed; write plain text"]),
    (
        "Markdown in short",
        entry(short="A **bold** claim."),
        [f"{P}:3: short: must be plain text, without Markdown ('**'); remove it"],
    ),
    (
        "heading inside a field",
        entry(definition="|\n  Text.\n\n  ## Heading"),
        [f"{P}:7: definition: headings are not allowed here; the page adds its own, so use a bold line or a list"],
    ),
    (
        "a list instead of fields",
        "- term\n- short\n",
        [f"{P}:1: an entry is a set of fields ('term: ...', 'short: ...'), not a list or a single value"],
    ),
    ("an empty file", "", [f"{P}:1: the file is empty; start from 'seokb new-term \"Your term\"' or copy an existing entry"]),
    (
        "an alias that is the term's plural",
        entry(term="Backlink", aliases="[Backlinks]"),
        [],
    ),  # reported by the cross-entry name check: see test_name_collisions
]


@pytest.mark.parametrize(
    "text, expected", [(text, expected) for _, text, expected in INVALID], ids=[name for name, _, _ in INVALID]
)
def test_invalid_entries_give_exact_messages(text: str, expected: list[str]) -> None:
    assert problems(text) == expected


def glossary_problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    folder = tmp_path / "glossary"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        target = folder / name
        if text is None:
            target.mkdir()
        else:
            target.write_text(text, encoding="utf-8")
    report = Diagnostics()
    load_glossary(tmp_path, report)
    return [str(d) for d in report.sorted()]


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


@pytest.mark.parametrize("text, line, sentence", [case[1:] for case in YAML_MISTAKES], ids=[case[0] for case in YAML_MISTAKES])
def test_yaml_syntax_errors_are_told_in_plain_words_at_the_line_to_fix(text: str, line: int, sentence: str) -> None:
    assert problems(text) == [f"glossary/backlink.yml:{line}: YAML syntax error: {sentence}"]
