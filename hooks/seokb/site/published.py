"""published-urls.txt: every address the site has published, and the check that each still answers.

A link to a term or a lesson is pasted into a chat and stays there. The list is committed, grows as pages are added
(`seokb published --update`) and never shrinks: an address on it must be served by a page, by a file the engine
writes (glossary.json, feed.xml) or by a redirect page that an entry's `old_slugs` or a page's `redirect_from`
declares. Pure functions: the build and `seokb check` hand in what the site serves.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path

from seokb.content.characters import read_text_file
from seokb.content.files import ADDRESS_LIST
from seokb.content.model import Glossary
from seokb.content.names import slugify
from seokb.content.quiz import Quizzes
from seokb.diagnostics import Diagnostics
from seokb.site.feed import FEED_FILE
from seokb.site.glossary_json import SCHEMA_FILE
from seokb.site.urls import HOME, PUBLISHED_FILE, page_src_of, page_url, quiz_src, term_slug, term_source, term_url

History = Callable[[str], "str | None"]  # a file's path -> what git says became of it

HEADER = f"""\
# {PUBLISHED_FILE}: every address this site has published, relative to the site's root
# (https://seokb.github.io/seokb/), one a line, sorted; ./ is the home page.
#
# Links to these addresses live in chat messages for good, so the build fails when one of them stops answering.
# Renamed or merged a glossary entry? List the old slug in the entry that replaced it: `old_slugs: [old-slug]`.
# Renamed a page in docs/? Put its old name in the new page's front matter: `redirect_from: [lessons/old-name.md]`.
# Either way the build writes a redirect page at the old address. Never delete a line of this file.
#
# New pages are added by `.venv/bin/seokb published --update` (`seokb new-term` adds a new term's line itself).
"""

# The files the engine writes for bots and feed readers: an address of their own, as public as a page's.
DATA_FILES = ("glossary.json", SCHEMA_FILE, FEED_FILE)

# A site-relative path: words of letters, digits, '.', '_' and '-', joined by '/'; a folder ends with '/'.
_ADDRESS = re.compile(r"(?:[A-Za-z0-9._-]+/)*[A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Published:
    line: int
    address: str


def address_problem(address: str) -> str | None:
    """Why a line is not an address of this site, in a contributor's words; None when it is one."""
    if address == HOME:
        return None
    if "://" in address or address.startswith("//"):
        return "is a full URL; write the path after the site's address, like glossary/anchor-text/"
    if address.startswith("/"):
        return "starts with '/'; write the path after the site's address, like glossary/anchor-text/"
    if any(char in address for char in "?#"):
        return "has a query or an anchor; write the page's path only"
    if not _ADDRESS.fullmatch(address) or any(part in (".", "..") for part in address.split("/")):
        return "is not a path of this site (letters, digits, '.', '_' and '-' between slashes)"
    if not address.endswith("/") and "." not in address.rsplit("/", 1)[-1]:
        return f"is a page without its closing slash; write {address}/"
    return None


def read_published(text: str, report: Diagnostics, path: str = PUBLISHED_FILE) -> list[Published]:
    """The addresses of the list, each with its line; a line that is no address, or repeats one, is an error there."""
    entries: list[Published] = []
    seen: dict[str, int] = {}
    previous = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if problem := address_problem(line):
            report.add(path, number, f"'{line}' {problem}")
            continue
        if line in seen:
            report.add(path, number, f"{line} is listed already, at line {seen[line]}; remove this line")
            continue
        if line < previous:
            report.add(path, number, f"{line} is out of order (the list is sorted); run `.venv/bin/seokb published --update`")
        seen[line] = number
        previous = max(previous, line)
        entries.append(Published(number, line))
    return entries


def read_published_file(root: Path, report: Diagnostics) -> list[Published] | None:
    """published-urls.txt's addresses, the file read as every content file is (files.py: a regular file, size-checked
    first); None for a project without the file, like a test's fixture, which then checks none."""
    path = root / PUBLISHED_FILE
    if not path.is_file():
        return None
    text = read_text_file(path, PUBLISHED_FILE, report, ADDRESS_LIST)
    return read_published(text, report) if text is not None else []


def render_published(addresses: Iterable[str]) -> str:
    """The file's text: the header, then every address once, sorted."""
    return HEADER + "".join(f"{address}\n" for address in sorted(set(addresses)))


def unlisted(published: Iterable[Published], serves: Iterable[str]) -> list[str]:
    """The addresses the site serves now that the list does not hold yet, sorted."""
    listed = {entry.address for entry in published}
    return sorted(set(serves) - listed)


def unreadable_addresses(glossary: Glossary, quizzes: Quizzes) -> set[str]:
    """The addresses of the entries and quizzes that could not be read: they still have their pages, and their own
    problems say what to fix, so the list is not also told that they stopped answering."""
    return {term_url(slug) for slug in glossary.unreadable} | {page_url(quiz_src(quiz_id)) for quiz_id in quizzes.unreadable}


@dataclass(frozen=True)
class NewPage:
    """A page the site serves that the list does not hold yet, and the file a contributor edits for it."""

    address: str
    path: str  # glossary/link-profile.yml, docs/lessons/new.md


def check_published(
    published: list[Published],
    served: set[str],
    glossary: Glossary,
    new_pages: list[NewPage],
    report: Diagnostics,
    path: str = PUBLISHED_FILE,
    history: History = lambda path: None,
    docs: str = "docs",
    committed: Mapping[str, str] | None = None,
) -> None:
    """Every listed address that nothing serves any more is an error at its line, with the fix: declare the old
    address in the entry or page that replaced it (and which one that may be, where the content or git tells).

    `committed` (committed_addresses) is every address the list held in git's history: one deleted from the list
    with its page is an error too, where its line stood, unless a redirect still serves it. Without git history the
    list alone is the ledger."""
    for entry in published:
        if entry.address in served:
            continue
        report.add(
            path,
            entry.line,
            f"{entry.address} was published and no page or redirect serves it now, so links to it shared in chats "
            f"would break; {_fix(entry.address, glossary, new_pages, history, docs)}",
        )
    listed = {entry.address for entry in published}
    for gone in sorted(set(committed or {}) - listed - served):
        line = next((entry.line for entry in published if entry.address > gone), published[-1].line + 1 if published else 1)
        fix = _fix(gone, glossary, new_pages, history, docs).rsplit("; delete the line", 1)[0]
        report.add(
            path,
            line,
            f"{gone} was deleted from this list, but commit {(committed or {})[gone]} published it, so links to it shared "
            f"in chats would break; put the line back, and {fix}",
        )


def committed_addresses(root: Path, path: str = PUBLISHED_FILE) -> dict[str, str] | None:
    """Every address the list has held in git's committed history, with a commit that added it; None where git has
    no history of the file (no git, a fresh project): then the file alone is the ledger. One `git log`, read once."""
    try:
        log = subprocess.run(
            ["git", "log", "-p", "--format=commit %h", "--", path], cwd=root, capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if log.returncode != 0 or not log.stdout.strip():
        return None
    addresses: dict[str, str] = {}
    commit = ""
    for line in log.stdout.splitlines():  # newest commit first: keep the oldest that added each address
        if line.startswith("commit "):
            commit = line[len("commit ") :]
        elif line.startswith("+") and not line.startswith("+++"):
            added = line[1:].strip()
            if added and not added.startswith("#") and address_problem(added) is None:
                addresses[added] = commit
    return addresses


def _fix(address: str, glossary: Glossary, new_pages: list[NewPage], history: History, docs: str) -> str:
    old_src = page_src_of(address) if address.endswith("/") or address == HOME else None
    slug = term_slug(old_src) if old_src else None
    never = "delete the line only if the address never went live (a draft removed before it was merged)"
    if slug is not None:
        fix = f"add `old_slugs: [{slug}]` to the entry that replaced {term_source(slug)}"
        told = history(term_source(slug))
        return f"{fix}{_successor_entry(slug, glossary, new_pages)}{f'; {told}' if told else ''}; {never}"
    if old_src is not None:
        fix = f"add `redirect_from: [{old_src}]` to the front matter of the page that replaced {docs}/{old_src}"
        pages = [page.path[len(docs) + 1 :] for page in new_pages if page.path.startswith(f"{docs}/")]
        close = get_close_matches(old_src, pages, n=1, cutoff=0.0)
        successor = f" ({docs}/{close[0]} is new since the list was updated: is it that page?)" if close else ""
        told = history(f"{docs}/{old_src}")
        return f"{fix}{successor}{f'; {told}' if told else ''}; {never}"
    return f"the engine no longer writes {address}: bring the file back; {never}"


def git_history(root: Path) -> History:
    """What git knows of a file that is gone: renamed or deleted in the working copy, or by which commit. Asked
    only for an address that stopped answering; no git, or no history, says nothing."""

    def git(*arguments: str) -> str:
        try:
            return subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True, timeout=20, check=True).stdout
        except (OSError, subprocess.SubprocessError):
            return ""

    def told(path: str) -> str | None:
        for line in git("diff", "-M", "--name-status", "HEAD").splitlines():  # staged or not, not committed yet
            status, *names = line.split("\t")
            if status.startswith("R") and names[:1] == [path]:
                return f"git: {path} is renamed to {names[1]} in your working copy (not committed yet)"
            if status == "D" and names == [path]:
                return f"git: {path} is deleted in your working copy (not committed yet)"
        commit = git("log", "-1", "--format=%h", "--diff-filter=D", "--", path).strip()
        if not commit:
            return None
        for line in git("show", "-M", "--name-status", "--format=", commit).splitlines():
            status, *names = line.split("\t")
            if status.startswith("R") and names[:1] == [path]:
                return f"git: commit {commit} renamed {path} to {names[1]}"
        return f"git: commit {commit} deleted {path}"

    return told


def _successor_entry(slug: str, glossary: Glossary, new_pages: list[NewPage]) -> str:
    """Which entry may have replaced glossary/<slug>.yml: one known by the old slug's name, else a new entry, else the
    closest slug (for a merge)."""
    for term in glossary:
        for index, name in enumerate(term.names):
            if slugify(name) == slug:
                at = term.line(("term",) if index == 0 else ("aliases", index - 1))
                return f" ({term.path}:{at} is called '{name}', the old address's name: is it that entry?)"
    new_terms = [s for page in new_pages if (s := term_slug(page_src_of(page.address))) is not None and glossary.get(s)]
    close = get_close_matches(slug, new_terms, n=1, cutoff=0.0)
    if close:
        return f" ({term_source(close[0])} is new since the list was updated: is it that entry?)"
    close = get_close_matches(slug, [term.slug for term in glossary], n=1, cutoff=0.6)
    if close:
        return f"; if it was merged into another entry, that one (perhaps {term_source(close[0])})"
    return ""
