"""`seokb summary`: what a pull request changes on the site, for its reviewer, as Markdown.

From git's list of changed files between the base branch and the pull request (`git diff --name-status -M`), each
content file is named by the address it publishes: added, changed and removed pages, each new or changed term with
its short definition and the path of its link-preview card in the built site. CI uploads the built site with this
summary and a copy of those cards (`--cards`), and a second workflow (.github/workflows/preview-comment.yml) posts
it on the pull request with the cards shown.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from seokb.content.yamlsource import read_yaml
from seokb.diagnostics import Diagnostics
from seokb.site.urls import address, card_uri, page_url, quiz_src, term_url

MAX_ROWS = 60  # a pull request that touches more pages is summarised by count: a comment has a size limit


@dataclass(frozen=True)
class Changed:
    status: str  # 'added', 'changed' or 'removed'
    path: str  # the file, relative to the project folder


def changed_files(root: Path, base: str) -> list[Changed]:
    """git's changed files from `base` to the work tree's HEAD; a rename is the old file removed, the new added."""
    done = subprocess.run(
        ["git", "diff", "--name-status", "-M", f"{base}...HEAD"], cwd=root, capture_output=True, text=True, check=True
    )
    return parse_name_status(done.stdout)


def parse_name_status(text: str) -> list[Changed]:
    kinds = {"A": "added", "M": "changed", "D": "removed", "T": "changed", "C": "added"}
    found: list[Changed] = []
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0]:
            continue
        code = fields[0][0]
        if code == "R" and len(fields) == 3:
            found += [Changed("removed", fields[1]), Changed("added", fields[2])]
        elif code in kinds:
            found.append(Changed(kinds[code], fields[-1]))
    return found


def address_of(path: str) -> str | None:
    """The address a content file publishes, or None for a file that is not one page's source."""
    folder, _, name = path.partition("/")
    if folder == "glossary" and name.endswith(".yml") and "/" not in name:
        return term_url(name[: -len(".yml")])
    if folder == "quizzes" and name.endswith(".yml") and "/" not in name:
        return page_url(quiz_src(name[: -len(".yml")]))
    if folder == "docs" and name.endswith(".md"):
        return address(page_url(name))
    return None


def _short(root: Path, path: str) -> str | None:
    try:
        text = (root / path).read_text(encoding="utf-8")
    except OSError:
        return None
    document = read_yaml(text, path, Diagnostics())
    if document is None or not isinstance(document.data, dict):
        return None
    short = document.data.get("short")
    return " ".join(short.split()) if isinstance(short, str) else None


def term_cards(changes: list[Changed], site: Path) -> list[tuple[str, Path]]:
    """(slug, card file in the built site) of each new or changed term whose card the site has, in change order."""
    found: dict[str, Path] = {}
    for change in changes:
        address = address_of(change.path)
        if address is not None and change.status != "removed" and change.path.startswith("glossary/"):
            card = site / card_uri(address)
            if card.is_file():
                found[Path(change.path).stem] = card
    return list(found.items())


def copy_cards(changes: list[Changed], site: Path, folder: Path) -> None:
    """Each new or changed term's card into `folder` as <slug>.png: the preview comment shows these, and the
    comment's workflow downloads only this small artifact, not the whole site."""
    folder.mkdir(parents=True, exist_ok=True)
    for slug, card in term_cards(changes, site):
        shutil.copyfile(card, folder / f"{slug}.png")


def summary(root: Path, changes: list[Changed], site: Path | None = None) -> str:
    """The Markdown a reviewer reads; `site` is the built site, whose cards are listed when they are there."""
    rows: dict[str, list[str]] = {"added": [], "changed": [], "removed": []}
    terms: list[str] = []
    other = sorted({change.path for change in changes if address_of(change.path) is None})
    for change in changes:
        address = address_of(change.path)
        if address is None:
            continue
        rows[change.status].append(f"`{address}` ({change.path})")
        if change.status != "removed" and change.path.startswith("glossary/"):
            short = _short(root, change.path)
            card = card_uri(address)
            has_card = site is not None and (site / card).is_file()
            terms.append(
                f"- **`{address}`**: {_plain(short) if short else '(no short definition: see the check)'}"
                + (f"  \n  Link-preview card: `{card}` in the site download" if has_card else "")
            )
    lines = ["## What this pull request changes on the site", ""]
    if not any(rows.values()):
        lines.append("No page's source changed.")
    for status in ("added", "changed", "removed"):
        if rows[status]:
            lines.append(f"**{status.capitalize()} ({len(rows[status])})**")
            lines += [f"- {row}" for row in rows[status][:MAX_ROWS]]
            if len(rows[status]) > MAX_ROWS:
                lines.append(f"- ...and {len(rows[status]) - MAX_ROWS} more")
            lines.append("")
    if terms:
        lines += ["### New or changed terms", "", *terms[:MAX_ROWS], ""]
    if other:
        lines.append(
            f"{len(other)} other file{'s' if len(other) != 1 else ''} changed (engine, styles, tests or settings): "
            "any page may look different."
        )
    return "\n".join(lines).rstrip() + "\n"


def _plain(text: str) -> str:
    """Contributor text shown in a comment as text: no Markdown, HTML or mention it holds takes effect."""
    escaped = "".join(f"\\{c}" if c in "\\`*_{}[]<>()#+!|~@" else c for c in text)
    return escaped[:300]
