"""The domain objects: frozen dataclasses for glossary terms and where they came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

CATEGORIES: Mapping[str, str] = MappingProxyType(
    {
        "basics": "Basics",
        "metrics": "Metrics",
        "strategy": "Strategy",
        "tactics": "Tactics",
        "risks": "Risks",
        "tools": "Tools",
    }
)
"""Category slug -> label, in the order the A-Z filter shows them (the schema's enum is checked against it)."""


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Term:
    """One glossary entry, as read from glossary/<slug>.yml."""

    slug: str
    term: str
    short: str
    definition: str
    example: str
    category: str
    sources: tuple[Source, ...]
    aliases: tuple[str, ...] = ()
    why_it_matters: str | None = None
    mistakes: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    # Slugs this entry was published under before (a renamed file, an entry merged into this one): each old
    # address gets a redirect page to this one, so a link shared in a chat never breaks.
    old_slugs: tuple[str, ...] = ()
    path: str = ""
    # Line of every field and list item, keyed by its path (('related', 0)), for messages about the entry.
    lines: Mapping[tuple, int] = field(default_factory=dict, compare=False, hash=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the term is known by: its display name first, then its aliases."""
        return (self.term, *self.aliases)

    def line(self, at: tuple) -> int:
        """The line of a field or item, else of the nearest field that holds it."""
        while at and at not in self.lines:
            at = at[:-1]
        return self.lines.get(at, 1)


@dataclass(frozen=True)
class Glossary:
    """Every valid term of a run, in slug order."""

    terms: tuple[Term, ...] = ()
    # Slugs whose file exists but could not be read: pages linking to them are not also reported as broken.
    unreadable: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_slug", {t.slug: t for t in self.terms})
        # Who names each term in `related`, computed once: asking every term about every other would make a
        # 5,000-term glossary cost 25 million comparisons.
        named_by: dict[str, list[str]] = {}
        for term in self.terms:
            for slug in term.related:
                named_by.setdefault(slug, []).append(term.slug)
        object.__setattr__(self, "_named_by", named_by)

    def __iter__(self):
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def get(self, slug: str) -> Term | None:
        return self._by_slug.get(slug)  # type: ignore[attr-defined]

    def replaced(self) -> dict[str, Term]:
        """Each old slug an entry declares -> the entry that serves its address now (the first, in slug order, when
        two declare one: the glossary's checks report the second)."""
        replaced: dict[str, Term] = {}
        for term in self.terms:
            for old in term.old_slugs:
                replaced.setdefault(old, term)
        return replaced

    def related_both_ways(self, slug: str) -> tuple[Term, ...]:
        """Terms this one names in `related`, plus terms that name it: a relation shows on both pages."""
        own = self.get(slug)
        slugs = list(own.related if own else ())
        slugs += [other for other in self._named_by.get(slug, ()) if other not in slugs]  # type: ignore[attr-defined]
        return tuple(t for s in slugs if (t := self.get(s)) is not None)
