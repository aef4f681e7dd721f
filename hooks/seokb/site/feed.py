"""feed.xml: an Atom feed of the terms and lessons added or changed most recently, for a community to announce them.

Discord reads feeds through common bots (MonitoRSS and the like), so a new entry reaches a server without anyone
copying links. Dates come from git: when a file was first committed (added) and last committed (changed).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

FEED_FILE = "feed.xml"
FEED_SIZE = 30


@dataclass(frozen=True)
class FeedEntry:
    """One term or lesson as the feed shows it; URLs absolute, text plain."""

    title: str
    url: str
    summary: str
    published: datetime
    updated: datetime
    category: str  # "Glossary" or "Lesson"


def file_dates(root: Path, paths: list[str]) -> dict[str, tuple[datetime, datetime]]:
    """(first commit, last commit) of each path, from one `git log`; the file's mtime where git has no history."""
    history: dict[str, list[datetime]] = {}
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%cI", "--name-only", "--no-renames", "--", *sorted({p.split("/")[0] for p in paths})],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        log = ""
    when = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            when = datetime.fromisoformat(line[1:])
        elif line and when is not None:
            history.setdefault(line, []).append(when)
    dates = {}
    for path in paths:
        seen = history.get(path)
        if seen:
            dates[path] = (min(seen), max(seen))
        else:  # not committed yet, or no git: the file's own time
            stamp = datetime.fromtimestamp((root / path).stat().st_mtime, tz=UTC) if (root / path).exists() else datetime.now(UTC)
            dates[path] = (stamp, stamp)
    return dates


def atom_feed(entries: list[FeedEntry], site_name: str, site_url: str, feed_url: str) -> str:
    """The newest FEED_SIZE entries as Atom 1.0, every value escaped for XML."""
    newest = sorted(entries, key=lambda entry: (entry.updated, entry.url), reverse=True)[:FEED_SIZE]
    updated = max((entry.updated for entry in newest), default=datetime(2026, 1, 1, tzinfo=UTC))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(site_name)}: new and changed terms and lessons</title>",
        f"  <id>{escape(feed_url)}</id>",
        f'  <link rel="self" href={quoteattr(feed_url)}/>',
        f'  <link rel="alternate" href={quoteattr(site_url)}/>',
        f"  <updated>{updated.isoformat()}</updated>",
        f"  <author><name>{escape(site_name)} contributors</name></author>",
    ]
    for entry in newest:
        changed = "Added" if entry.published == entry.updated else "Updated"
        lines += [
            "  <entry>",
            f"    <title>{escape(entry.title)}</title>",
            f"    <id>{escape(entry.url)}</id>",
            f"    <link href={quoteattr(entry.url)}/>",
            f"    <published>{entry.published.isoformat()}</published>",
            f"    <updated>{entry.updated.isoformat()}</updated>",
            f"    <category term={quoteattr(entry.category)}/>",
            f"    <summary>{escape(changed)}: {escape(entry.summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
