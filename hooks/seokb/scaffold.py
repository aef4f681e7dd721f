"""Writes the commented skeleton of a new glossary entry, glossary/<slug>.yml, for `seokb new-term`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from seokb.content.glossary import RESERVED_SLUGS, SCHEMA_LINE, load_glossary
from seokb.content.names import name_key, name_problems, slugify
from seokb.content.yamlsource import read_yaml
from seokb.diagnostics import Diagnostics

GLOSSARY = "glossary"
# A slug is a file name and an address for good: 60 characters keep it far under any file system's limit (255 bytes)
# and a link shareable; the schema allows a term's name 60 characters too.
MAX_SLUG = 60
MAX_NAME = 60
# Schema fields a new entry never needs, left out of its skeleton: a new entry was published under no other address.
NOT_IN_SKELETON = ("old_slugs",)

# Required fields are left empty (and `category` an empty string, which its enum rejects) rather than filled with
# placeholder prose: placeholders that pass the checks could be published by mistake, while empty fields make
# `seokb check` list exactly what is left to write, each with its line. Optional fields are there, empty, so the
# contributor sees them; the check asks to "write it or remove the field". The field order is the schema's.
SKELETON = """\
{schema_line}
# A new glossary entry. Lines starting with '#' are notes for you; they are never published, and you may
# delete them. Fill in every empty field below. Until you have, `seokb check` lists each one with its line.
# CONTRIBUTING.md explains every field and the style; glossary/anchor-text.yml is a finished example.

# The name as a beginner would write it: singular, capital first letter only.
term: {term}

# Optional: other names for the same thing, one per line under the field, each starting with '  - '.
# Plurals and capitals are matched already. Delete the field if the term has no other name.
aliases:

# One plain sentence of at most 160 characters, no Markdown: it is shown in tooltips, the A-Z index
# and link previews. Put it in double quotes if it contains ': ' or starts with a quote or a symbol.
short:

# One to three short paragraphs of Markdown, for a beginner. Write on the lines under the '|',
# each indented by two spaces; leave an empty line between paragraphs.
definition: |

# Markdown, indented like the definition: a concrete situation where the term shows up.
example: |

# Optional, Markdown, indented like the definition: why a beginner should care.
# Delete the field if the definition already says it.
why_it_matters: |

# Optional: common beginner mistakes, one sentence of Markdown per line, each starting with '  - '.
# Delete the field if there are none.
mistakes:

# Optional: other entries a reader should see next, named by their file name without .yml,
# one per line, each starting with '  - ' (for example '  - backlink'). Delete the field if there are none.
related:

# Where the term sits in the A-Z filter: basics, metrics, strategy, tactics, risks or tools.
category: ""

# Where the facts come from: at least one source, each a title and an https URL. Prefer Google Search
# Central and published studies. Write each source as two lines under the field, like this:
#   - title: "Google Search Central: Link best practices for Google"
#     url: https://developers.google.com/search/docs/crawling-indexing/links-crawlable
sources:
"""


class NewTermRefused(Exception):
    """Why no file was written; the message is one sentence for the contributor."""


@dataclass(frozen=True)
class NewTerm:
    """The entry file that was written: `path` on disk, `relative` to the project root, as messages show it."""

    path: Path
    relative: str
    slug: str


def term_skeleton(name: str) -> str:
    """The skeleton's text for a term called `name`."""
    return SKELETON.format(schema_line=SCHEMA_LINE, term=yaml_text(name))


def yaml_text(text: str) -> str:
    """`text` as a YAML value that the check reads back as exactly that text: plain when it can, else double-quoted."""
    plain = read_yaml(f"value: {text}\n", "", Diagnostics())  # the check's own reader: 'NO' and '2024' are not text
    if plain is not None and plain.data == {"value": text}:
        return text
    # A JSON string is a valid YAML double-quoted scalar, escapes included.
    return json.dumps(text, ensure_ascii=False)


def write_new_term(root: Path, name: str) -> NewTerm:
    """Write glossary/<slug>.yml for `name` under `root`; raise NewTermRefused, writing nothing, when it should not."""
    display = " ".join(name.split())  # a name pasted with a line break or doubled spaces still makes one clean line
    slug = slugify(display)
    _refuse_a_bad_name(name, display, slug)
    directory = root / GLOSSARY
    if not directory.is_dir():
        raise NewTermRefused(f"there is no {GLOSSARY}/ folder in '{root}'; run this in the project folder or pass --root")
    relative = f"{GLOSSARY}/{slug}.yml"
    path = directory / f"{slug}.yml"
    if path.exists():
        raise NewTermRefused(f"{relative} already exists; edit that file instead, or choose another name")
    _refuse_a_claimed_name(root, display)
    try:
        # "x" refuses to replace a file that appeared since the check above.
        with path.open("x", encoding="utf-8") as file:
            file.write(term_skeleton(display))
    except FileExistsError:
        raise NewTermRefused(f"{relative} already exists; edit that file instead, or choose another name") from None
    return NewTerm(path=path, relative=relative, slug=slug)


def _refuse_a_bad_name(name: str, display: str, slug: str) -> None:
    """The checks a name must pass before it becomes a file name: each refusal says what to give instead."""
    if not slug:
        raise NewTermRefused(
            f"'{name}' has no letters or digits to make a file name from; give the term's name, like \"Anchor text\""
        )
    if not any(char.isalpha() for char in display):
        raise NewTermRefused(f"'{display}' has no letters; a term is a word or words, like \"Anchor text\"")
    if len(display) > MAX_NAME:
        raise NewTermRefused(
            f"the name is {len(display)} characters; a term's name may have at most {MAX_NAME}: give its shortest usual form"
        )
    if len(slug) > MAX_SLUG:
        raise NewTermRefused(
            f"'{display}' makes a file name of {len(slug)} characters ('{slug[:20]}...'); the limit is {MAX_SLUG}: "
            "give the term's shortest usual form"
        )
    if slug in RESERVED_SLUGS:
        raise NewTermRefused(
            f"'{display}' would be {GLOSSARY}/{slug}.yml, whose page {GLOSSARY}/{slug}.md is the engine's A-Z index; "
            "give the term's full name"
        )
    for problem in name_problems(display, alias=False):
        raise NewTermRefused(f"the name {problem}" if problem.startswith("has ") else problem)


def _refuse_a_claimed_name(root: Path, name: str) -> None:
    """A name another entry already claims would fail `seokb check` at once; say which entry to edit instead."""
    key = name_key(name)
    for term in load_glossary(root, Diagnostics()):  # entries with problems are skipped; the check reports those
        for index, claimed in enumerate(term.names):
            if name_key(claimed) == key:
                as_what = f"'{term.term}'" if index == 0 else f"an alias of '{term.term}'"
                raise NewTermRefused(
                    f"'{name}' is already in the glossary as {as_what} ({term.path}); "
                    "edit that entry instead, or choose another name"
                )
