"""`seokb rename OLD NEW` and `seokb merge FROM INTO`: give a glossary entry a new slug, or fold one entry into
another, and fix everything that named the old slug, so that `seokb check` and the strict build pass with no
further edit.

Every edit is made to the text itself, line by line, so comments, quotes and layout stay as the contributor wrote
them; nothing is read and dumped back through a YAML writer. Each change is printed as `path:line: what changed`.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from seokb.content.folder import SLUG
from seokb.content.glossary import RESERVED_SLUGS
from seokb.content.names import name_key
from seokb.content.yamlsource import YamlDocument, read_yaml
from seokb.diagnostics import Diagnostics
from seokb.scaffold import MAX_SLUG
from seokb.site.urls import PUBLISHED_FILE, term_src, term_url

GLOSSARY = "glossary"
# A Markdown link's target: [words](target) or [words](target "title"); the target is group 1.
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?")


class Refused(Exception):
    """Why the command changed nothing; the message says what to do instead."""


@dataclass(frozen=True)
class Change:
    path: str  # relative to the project folder
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


@dataclass
class Plan:
    """The new text of every file to write, the files to remove, and what changed where; nothing is written until
    the whole plan is made, so a refusal halfway leaves the project as it was."""

    root: Path
    texts: dict[str, str] = field(default_factory=dict)  # relative path -> new text
    removed: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    def text(self, relative: str) -> str:
        if relative not in self.texts:
            self.texts[relative] = (self.root / relative).read_text(encoding="utf-8")
        return self.texts[relative]

    def write(self) -> None:
        for relative, text in self.texts.items():
            if relative in self.removed:
                continue
            path = self.root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for relative in self.removed:
            (self.root / relative).unlink()


def rename(root: Path, old: str, new: str) -> Plan:
    """The plan that renames glossary/<old>.yml to glossary/<new>.yml."""
    _check_slug(new)
    source = _entry_file(root, old)
    target = f"{GLOSSARY}/{new}.yml"
    if (root / target).exists():
        raise Refused(f"{target} exists already; to fold {source} into it, run `seokb merge {old} {new}`")
    _refuse_old_slug_of_another(root, new, old)
    plan = Plan(root)
    text = plan.text(source)
    document = _parse(text, source)
    published = _published(root)
    lines = text.splitlines(keepends=True)
    if term_url(old) in published:
        lines, line = _add_list_items(lines, document, "old_slugs", [old])
        plan.changes.append(Change(target, line, f"old_slugs: added '{old}', so {term_url(old)} leads to the new page"))
    plan.texts[target] = "".join(lines)
    plan.removed.append(source)
    plan.changes.insert(0, Change(target, 1, f"renamed from {source}"))
    _rewrite_references(plan, old, new, skip={source})
    _add_published(plan, term_url(new))
    return plan


def merge(root: Path, gone: str, into: str) -> Plan:
    """The plan that folds glossary/<gone>.yml into glossary/<into>.yml: its name and aliases become aliases of
    <into>, its slug (and its own old slugs) old slugs of <into>, and every reference to it a reference to <into>."""
    source = _entry_file(root, gone)
    target = _entry_file(root, into)
    if gone == into:
        raise Refused(f"'{gone}' and '{into}' are the same entry")
    _refuse_uncommitted(root, source)
    plan = Plan(root)
    gone_document = _parse(plan.text(source), source)
    into_text = plan.text(target)
    into_document = _parse(into_text, target)
    data = gone_document.data if isinstance(gone_document.data, dict) else {}
    into_data = into_document.data if isinstance(into_document.data, dict) else {}
    taken = {name_key(str(name)) for name in [into_data.get("term", ""), *(into_data.get("aliases") or [])]}
    aliases = []
    for name in [data.get("term"), *(data.get("aliases") or [])]:
        if isinstance(name, str) and name_key(name) not in taken:
            taken.add(name_key(name))
            aliases.append(name)
    olds = [
        slug
        for slug in [gone, *(data.get("old_slugs") or [])]
        if isinstance(slug, str) and slug not in (into_data.get("old_slugs") or [])
    ]
    lines = into_text.splitlines(keepends=True)
    if aliases:
        lines, line = _add_list_items(lines, into_document, "aliases", aliases)
        plan.changes.append(Change(target, line, "aliases: added " + ", ".join(f"'{a}'" for a in aliases)))
    plan.texts[target] = "".join(lines)
    plan.removed.append(source)
    plan.changes.insert(0, Change(source, 1, f"removed: merged into {target}"))
    # Aliases go in at the top, old slugs at the end, the references in between: every line printed is a line of
    # the file as written.
    _rewrite_references(plan, gone, into, skip={source})
    lines = plan.texts[target].splitlines(keepends=True)
    lines, line = _add_list_items(lines, _parse(plan.texts[target], target), "old_slugs", olds)
    plan.changes.append(
        Change(target, line, "old_slugs: added " + ", ".join(f"'{o}'" for o in olds) + f", so {term_url(gone)} leads here")
    )
    plan.texts[target] = "".join(lines)
    return plan


def _check_slug(slug: str) -> None:
    if not SLUG.fullmatch(slug):
        raise Refused(
            f"'{slug}' is not a slug: use lowercase letters, digits and single hyphens, like 'niche-site' "
            "(the file name without .yml)"
        )
    if len(slug) > MAX_SLUG:
        raise Refused(f"'{slug}' has {len(slug)} characters; a slug may have at most {MAX_SLUG}")
    if slug in RESERVED_SLUGS:
        raise Refused(f"'{slug}' cannot be an entry: {term_src(slug)} is the engine's A-Z index")


def _entry_file(root: Path, slug: str) -> str:
    relative = f"{GLOSSARY}/{slug}.yml"
    if not SLUG.fullmatch(slug) or not (root / relative).is_file():
        raise Refused(f"there is no entry {relative}; give the slug, the file name without .yml, like 'niche'")
    return relative


def _parse(text: str, path: str) -> YamlDocument:
    report = Diagnostics()
    document = read_yaml(text, path, report)
    if document is None or not isinstance(document.data, dict):
        first = report.sorted()[0] if report else f"{path}:1: not a glossary entry"
        raise Refused(f"fix this first, then run the command again: {first}")
    return document


def _refuse_old_slug_of_another(root: Path, new: str, old: str) -> None:
    for path in sorted((root / GLOSSARY).glob("*.yml")):
        if path.stem == old:
            continue
        text = path.read_text(encoding="utf-8")
        if "old_slugs" not in text:
            continue
        document = read_yaml(text, path.name, Diagnostics())
        if document is not None and isinstance(document.data, dict) and new in (document.data.get("old_slugs") or []):
            raise Refused(
                f"'{new}' is an old slug of {GLOSSARY}/{path.name}: its address already leads there; choose another slug"
            )


def _refuse_uncommitted(root: Path, relative: str) -> None:
    """Merging removes the file: refuse when git holds changes to it that no commit has."""
    try:
        done = subprocess.run(
            ["git", "status", "--porcelain", "--", relative], cwd=root, capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.SubprocessError):
        return
    if done.returncode == 0 and done.stdout.strip():
        raise Refused(
            f"{relative} has changes no commit holds, and merging removes the file; commit them "
            f"(or undo them with `git restore {relative}`) and run the command again"
        )


def _published(root: Path) -> set[str]:
    path = root / PUBLISHED_FILE
    if not path.is_file():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")}


def _add_published(plan: Plan, new: str) -> None:
    if not (plan.root / PUBLISHED_FILE).is_file():
        return
    lines = plan.text(PUBLISHED_FILE).splitlines(keepends=True)
    if any(line.strip() == new for line in lines):
        return
    at = next(
        (i for i, line in enumerate(lines) if line.strip() and not line.startswith("#") and line.strip() > new),
        len(lines),
    )
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    lines.insert(at, new + "\n")
    plan.texts[PUBLISHED_FILE] = "".join(lines)
    plan.changes.append(Change(PUBLISHED_FILE, at + 1, f"added {new}"))


def _add_list_items(lines: list[str], document: YamlDocument, key: str, items: list[str]) -> tuple[list[str], int]:
    """`items` added to the entry's top-level list `key`, in the list's own style; a new block list at the end of the
    file when the entry has none. Returns the new lines and the line of the first added item."""
    value = document.data.get(key)
    if isinstance(value, list) and value and (key,) in document.key_lines:
        last = document.line_of((key, len(value) - 1))  # counted from 1
        line_text = lines[last - 1]
        flow = re.match(rf"^{key}:\s*\[(.*)\]\s*(#.*)?$", lines[document.key_lines[(key,)] - 1].rstrip("\n"))
        if flow:
            at = document.key_lines[(key,)] - 1
            inner = flow.group(1).rstrip()
            added = ", ".join(_scalar(item) for item in items)
            comment = f"  {flow.group(2)}" if flow.group(2) else ""
            lines[at] = f"{key}: [{inner}, {added}]{comment}\n"
            return lines, at + 1
        indent = re.match(r"^(\s*-\s*)", line_text)
        prefix = indent.group(1) if indent else "  - "
        new = [f"{prefix}{_scalar(item)}\n" for item in items]
        if not line_text.endswith("\n"):
            lines[last - 1] += "\n"
        return lines[:last] + new + lines[last:], last + 1
    if (key,) in document.key_lines:  # an empty value: `key:` or `key: []`
        at = document.key_lines[(key,)] - 1
        lines[at] = f"{key}:\n"
        return lines[: at + 1] + [f"  - {_scalar(item)}\n" for item in items] + lines[at + 1 :], at + 2
    block = [f"{key}:\n"] + [f"  - {_scalar(item)}\n" for item in items]
    term_line = document.key_lines.get(("term",))
    if key == "aliases" and term_line and document.value_line(("term",)) == term_line:  # aliases follow the name
        return lines[:term_line] + block + lines[term_line:], term_line + 2
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return lines + block, len(lines) + 2


def _scalar(text: str) -> str:
    """A list item as YAML: plain when it reads back as the same text, else double-quoted."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 '._-]*[A-Za-z0-9.]", text) and ": " not in text and " #" not in text:
        report = Diagnostics()
        document = read_yaml(f"- {text}\n", "item", report)
        if document is not None and document.data == [text]:
            return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _rewrite_references(plan: Plan, old: str, new: str, skip: set[str]) -> None:
    """`related:` items of other entries, and Markdown links to the old page in docs/, entries and quizzes."""
    root = plan.root
    for path in sorted((root / GLOSSARY).glob("*.yml")):
        relative = f"{GLOSSARY}/{path.name}"
        if relative in skip:
            continue
        _rewrite_related(plan, relative, old, new, own=path.stem)
        _rewrite_links(plan, relative, f"{GLOSSARY}/{path.stem}.md", old, new)
    for relative in list(plan.texts):  # the renamed file itself: its own text's links to the old page
        if relative.startswith(f"{GLOSSARY}/") and relative not in skip and not (root / relative).exists():
            _rewrite_links(plan, relative, f"{GLOSSARY}/{Path(relative).stem}.md", old, new)
    for path in sorted((root / "docs").rglob("*.md")):
        src = path.relative_to(root / "docs").as_posix()
        _rewrite_links(plan, f"docs/{src}", src, old, new)
    for path in sorted((root / "quizzes").glob("*.yml")) if (root / "quizzes").is_dir() else []:
        _rewrite_links(plan, f"quizzes/{path.name}", f"quizzes/{path.stem}.md", old, new)


def _rewrite_related(plan: Plan, relative: str, old: str, new: str, own: str) -> None:
    text = plan.text(relative)
    if old not in text:
        return
    document = read_yaml(text, relative, Diagnostics())
    if document is None or not isinstance(document.data, dict):
        return
    related = document.data.get("related")
    if not isinstance(related, list) or old not in related:
        return
    lines = text.splitlines(keepends=True)
    slug = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    index = related.index(old)
    at = document.line_of(("related", index)) - 1
    drop = new in related or new == own  # merged into an entry the list names already, or into this entry itself
    flow = lines[at].lstrip().startswith("related:")
    if drop and not flow:
        why = f"'{new}' is listed already" if new != own else f"'{old}' is now this entry"
        plan.changes.append(Change(relative, at + 1, f"related: removed '{old}' ({why})"))
        del lines[at]
    elif drop:
        lines[at] = re.sub(rf",\s*{re.escape(old)}(?![\w-])|(?<![\w-]){re.escape(old)}\s*,\s*", "", lines[at], count=1)
        plan.changes.append(Change(relative, at + 1, f"related: removed '{old}'"))
    else:
        lines[at] = slug.sub(new, lines[at], count=1)
        plan.changes.append(Change(relative, at + 1, f"related: '{old}' -> '{new}'"))
    plan.texts[relative] = "".join(lines)


def _rewrite_links(plan: Plan, relative: str, page_src: str, old: str, new: str) -> None:
    """Links in `relative` (whose Markdown is rendered as the page `page_src` under docs/) to the old entry's page."""
    text = plan.texts.get(relative) or (plan.root / relative).read_text(encoding="utf-8")
    if f"{old}.md" not in text:
        return
    old_src = term_src(old)
    base = posixpath.dirname(page_src)
    lines = text.splitlines(keepends=True)
    changed = False
    for number, line in enumerate(lines):
        if f"{old}.md" not in line:
            continue

        def swap(match: re.Match[str]) -> str:
            target = match.group(1)
            path, hash_, fragment = target.partition("#")
            if "://" in path or not path.endswith(f"{old}.md"):
                return match.group(0)
            if posixpath.normpath(posixpath.join(base, path)) != old_src:
                return match.group(0)
            moved = path[: -len(f"{old}.md")] + f"{new}.md" + hash_ + fragment
            return match.group(0).replace(target, moved, 1)

        rewritten = _LINK.sub(swap, line)
        if rewritten != line:
            lines[number] = rewritten
            changed = True
            plan.changes.append(Change(relative, number + 1, f"link to {old}.md now leads to {new}.md"))
    if changed:
        plan.texts[relative] = "".join(lines)
