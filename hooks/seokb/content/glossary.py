"""Loads glossary/<slug>.yml files into a Glossary, reporting every problem with its file and line."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path as FsPath

from seokb.content.committed import Committed, committed_files, unknown
from seokb.content.folder import SLUG, FolderKind, load_folder
from seokb.content.model import Glossary, Source, Term
from seokb.content.names import SIMILAR_NAME, name_key, name_problems, skeleton
from seokb.content.rules import TextProblem, markdown_problems, plain_text_problems
from seokb.content.safe_urls import url_problem
from seokb.content.schema import field_label, schema_problems
from seokb.content.yamlsource import Path, YamlDocument, read_yaml, value_at
from seokb.diagnostics import Diagnostics

# Editor and OS files (.DS_Store, .swp) are not contributions; a file named just '.yml' is a mistake to report.
ENTRIES = FolderKind("entry", "a glossary entry", "entries", "slug", lambda name: name.startswith(".") and name != ".yml")
SCHEMA_LINE = "# yaml-language-server: $schema=../hooks/seokb/schema/term.schema.json"

_MARKDOWN_FIELDS = ("definition", "example", "why_it_matters")
TEXT = "#text"  # a key in Term.lines: (field, TEXT) is the first line of the field's Markdown
_PLAIN_FIELDS = ("term", "short")
# File names whose page address the engine's own pages hold: glossary/index.md is the A-Z index.
RESERVED_SLUGS = frozenset({"index"})


def load_glossary(root: FsPath, report: Diagnostics, folder: str = "glossary") -> Glossary:
    """Every valid entry under root/folder; every problem, in any file, goes to `report`."""
    read, present = load_folder(root, folder, ENTRIES, report, read_entry)
    terms = [term for term, _ in read if term is not None]
    check_names(terms, report, committed_files(root))
    renamed = {old: term.slug for term in terms for old in term.old_slugs}
    check_related([reference for _, references in read for reference in references], report, present, renamed)
    check_old_slugs(terms, report, present)
    return Glossary(tuple(terms), unreadable=frozenset(present - {t.slug for t in terms}))


@dataclass(frozen=True)
class RelatedReference:
    """One slug an entry lists under `related`, kept even when the entry has other problems."""

    path: str
    source_slug: str
    target: str
    line: int


def read_entry(text: str, path: str, slug: str, report: Diagnostics) -> tuple[Term | None, list[RelatedReference]]:
    """The entry (None when invalid) and its `related` slugs: those are checked across files even for an
    invalid entry, so one run reports every problem a file has."""
    if slug in RESERVED_SLUGS:
        report.add(
            path,
            1,
            f"'{slug}.yml' cannot be an entry: its page would be glossary/{slug}.md, the engine's A-Z index; "
            "rename the file after the term, like 'anchor-text.yml'",
        )
        return None, []
    before = len(report)
    document = read_yaml(text, path, report)
    if document is None:
        return None, []
    if document.data is None:
        report.add(path, 1, "the file is empty; start from 'seokb new-term \"Your term\"' or copy an existing entry")
        return None, []
    if not isinstance(document.data, dict):
        report.add(
            path, document.value_line(()), "an entry is a set of fields ('term: ...', 'short: ...'), not a list or a single value"
        )
        return None, []
    for line, message in schema_problems(document):
        report.add(path, line, message)
    _check_text(document, path, report)
    _check_source_urls(document, path, report)
    listed = document.data.get("related")
    references = [
        RelatedReference(path, slug, target, document.value_line(("related", index)))
        for index, target in enumerate(listed if isinstance(listed, list) else [])
        if isinstance(target, str) and SLUG.fullmatch(target)  # a malformed slug is the schema's to report
    ]
    if len(report) > before:
        return None, references
    data = document.data
    term = Term(
        slug=slug,
        term=_nfc(data["term"]),
        short=_nfc(data["short"]),
        definition=data["definition"],
        example=data["example"],
        category=data["category"],
        sources=tuple(Source(s["title"].strip(), s["url"].strip()) for s in data["sources"]),
        aliases=tuple(_nfc(a) for a in data.get("aliases", ())),
        why_it_matters=data.get("why_it_matters"),
        mistakes=tuple(data.get("mistakes", ())),
        related=tuple(data.get("related", ())),
        old_slugs=tuple(data.get("old_slugs", ())),
        path=path,
        lines={
            **{at: document.line_of(at) for at in document.value_lines},
            # Where a literal block's text starts, so a Markdown line inside it maps to a line of the file.
            **{(*at, TEXT): line for at, line in document.text_lines.items()},
        },
    )
    return term, references


def _check_text(document: YamlDocument, path: str, report: Diagnostics) -> None:
    """Markdown rules on Markdown fields, plain-text rules on the rest; only string values (the schema reports the others)."""
    data = document.data
    fields: list[tuple[Path, bool]] = [((name,), True) for name in _MARKDOWN_FIELDS]
    fields += [(("mistakes", i), True) for i in range(_length(data.get("mistakes")))]
    fields += [((name,), False) for name in _PLAIN_FIELDS]
    fields += [(("aliases", i), False) for i in range(_length(data.get("aliases")))]
    fields += [(("sources", i, "title"), False) for i in range(_length(data.get("sources")))]
    for at, is_markdown in fields:
        text = value_at(data, at)
        if not isinstance(text, str):
            continue
        problems = markdown_problems(text) if is_markdown else plain_text_problems(text)
        if at[0] in ("term", "aliases") and text.strip() and not any(char.isalnum() for char in text):
            problems.append(TextProblem(0, "has no letters or digits; a name must be readable"))
        elif at[0] in ("term", "aliases") and not problems:
            problems += [TextProblem(0, message) for message in name_problems(text, alias=at[0] == "aliases")]
        for problem in problems:
            start = document.text_lines.get(at)
            line = start + problem.offset if start else document.value_line(at)
            report.add(path, line, f"{field_label(at)}: {problem.message}")


_SCHEMA_URL = re.compile(r"https://[^\s/?#]+\.[^\s/?#]+\S*")  # the schema's pattern for `url`


def _check_source_urls(document: YamlDocument, path: str, report: Diagnostics) -> None:
    """A source is published as a link: parsed, so no credentials, spaces or brackets get through the schema's pattern."""
    for index in range(_length(document.data.get("sources"))):
        at = ("sources", index, "url")
        url = value_at(document.data, at)
        if isinstance(url, str) and _SCHEMA_URL.fullmatch(url.strip()):  # anything else is the schema's to report
            problem = url_problem(url.strip(), relative=False)
            if problem:
                report.add(path, document.value_line(at), f"{field_label(at)}: '{url.strip()}' {problem}")


def _nfc(text: str) -> str:
    """One spelling for one name: a name typed with combining accents is stored and shown composed."""
    return unicodedata.normalize("NFC", text.strip())


def _length(value) -> int:
    return len(value) if isinstance(value, list) else 0


def check_names(terms: list[Term], report: Diagnostics, committed: Committed = unknown) -> None:
    """No two terms, or aliases, may claim one name: the linker finds a name by its words (names.name_words), so
    two names with the same words would link the same text, and a mention could not know which page to link.
    Nor may a name look like another entry's name while spelled with other letters (a Cyrillic 'В' for 'B').

    A clash between two files is reported on the newer one, the file git's last commit does not hold (`committed`):
    the pull request that adds it is the one to fix. When both or neither are committed, both are told."""
    claimed: dict[str, tuple[Term, str, int]] = {}
    named: list[tuple[Term, str, int, str]] = []
    for term in terms:
        for index, name in enumerate(term.names):
            field = "term" if index == 0 else "aliases"
            line = term.line(("term",) if index == 0 else ("aliases", index - 1))
            key = name_key(name)
            named.append((term, name, line, field))
            if key not in claimed:
                claimed[key] = (term, name, line)
                continue
            owner, owner_name, owner_line = claimed[key]
            if owner is term:
                report.add(
                    term.path,
                    line,
                    f"{field}: '{name}' is the same name as '{owner_name}' (plurals and case are matched already); remove it",
                )
                continue
            _clash(term, name, line, field, owner, owner_name, owner_line, committed, report)
    # Look-alikes: a name outside ASCII whose Latin skeleton is another entry's name ('Васklink' beside 'Backlink').
    for term, name, line, field in named:
        if name.isascii():
            continue
        owner, owner_name, owner_line = claimed.get(name_key(skeleton(name)), (term, name, line))
        if owner is not term and name_key(name) != name_key(owner_name):
            report.add(
                term.path,
                line,
                f"{field}: '{name}' looks like '{owner_name}' ({owner.path}:{owner_line}) but is spelled with other "
                "letters; a look-alike name would pass for that entry; write the name in its own letters",
            )


def _clash(
    term: Term,
    name: str,
    line: int,
    field: str,
    owner: Term,
    owner_name: str,
    owner_line: int,
    committed: Committed,
    report: Diagnostics,
) -> None:
    """Two entries claim words: tell the newer file (both, when git cannot tell which is newer)."""
    # Say why when the clash is not plain to see: punctuation or other letters the linker reads past.
    both = name + owner_name
    plain = unicodedata.normalize("NFKC", both) == both and not re.search(r"[^\w\s'\u2019-]", both)
    same = "" if plain else f" (both link the words '{name_key(name)}')"
    term_is_new, owner_is_new = committed(term.path) is False, committed(owner.path) is False
    if term_is_new or not owner_is_new:
        report.add(
            term.path,
            line,
            f"{field}: '{name}' is already claimed by {owner.path}:{owner_line} ('{owner_name}'){same}; "
            "a name can lead to one entry only",
        )
    if owner_is_new or not term_is_new:
        term_is_old = owner_is_new and committed(term.path) is True  # the name was there first: say so
        owner_field = "term" if owner_name == owner.term else "aliases"
        report.add(
            owner.path,
            owner_line,
            f"{owner_field}: '{owner_name}' is {'already' if term_is_old else 'also'} claimed by {term.path}:{line} "
            f"('{name}'){same}; "
            "a name can lead to one entry only",
        )


def check_related(
    references: list[RelatedReference], report: Diagnostics, slugs: set[str], renamed: dict[str, str] | None = None
) -> None:
    """`slugs` is every entry file present, valid or not, so a broken entry is not also reported as missing;
    `renamed` maps each old slug an entry declares to that entry."""
    for reference in references:
        if reference.target == reference.source_slug:
            report.add(reference.path, reference.line, f"related: '{reference.target}' is this entry itself; list other entries")
        elif reference.target not in slugs and reference.target in (renamed or {}):
            new = (renamed or {})[reference.target]
            report.add(
                reference.path,
                reference.line,
                f"related: '{reference.target}' is an old slug of glossary/{new}.yml; write '{new}'",
            )
        elif reference.target not in slugs:
            close = get_close_matches(reference.target, sorted(slugs), n=1, cutoff=SIMILAR_NAME)
            hint = f" (did you mean '{close[0]}'?)" if close else "; name an entry by its file name without .yml"
            report.add(reference.path, reference.line, f"related: unknown term '{reference.target}'{hint}")


def check_old_slugs(terms: list[Term], report: Diagnostics, slugs: set[str]) -> None:
    """An old slug is an address that now redirects to the entry declaring it: it cannot be the entry itself,
    an entry that still has a file (valid or not: its page serves that address), or the old slug of two entries."""
    declared: dict[str, tuple[Term, int]] = {}
    for term in terms:
        for index, old in enumerate(term.old_slugs):
            line = term.line(("old_slugs", index))
            if old == term.slug:
                report.add(
                    term.path, line, f"old_slugs: '{old}' is this entry's own slug; list the slugs it was published under before"
                )
            elif old in slugs:
                report.add(
                    term.path,
                    line,
                    f"old_slugs: '{old}' is a live entry (glossary/{old}.yml), whose page serves that address; "
                    "an old slug is one whose file was renamed or merged into this entry",
                )
            elif old in declared:
                owner, owner_line = declared[old]
                report.add(
                    term.path,
                    line,
                    f"old_slugs: '{old}' is already declared by {owner.path}:{owner_line}; an old address can lead to one entry only",
                )
            else:
                declared[old] = (term, line)
