"""Entries valid and invalid with their exact messages: the tables the validation and schema tests share."""

from __future__ import annotations

from pathlib import Path

from seokb.content.glossary import load_glossary, read_entry
from seokb.diagnostics import Diagnostics
from support.project import REPO, entry

BACKLINK = (REPO / "glossary" / "backlink.yml").read_text(encoding="utf-8")


P = "glossary/backlink.yml"


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


INVALID = [
    (
        "YAML syntax error",
        "term: Backlink\nshort: Read this: it matters\n",
        [
            f"{P}:2: YAML syntax error: ': ' inside unquoted text starts a new field to YAML; put the whole value of 'short' in double quotes, like short: \"Text: more text\""
        ],
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
