"""Finds close paraphrase of the source article, which an eight-word run (originality.py) misses.

Two rules, both on "content words": lower-case words with stop words dropped and the rest reduced to their Snowball
stem, so that "Getting links" and "get a link" compare equal. "One" and "many" are kept: the article's comparisons
turn on them ("one relevant backlink ... many weak backlinks").

- A sentence of ours follows an article sentence when at least SHARED of its content words are words of that one
  sentence and they make up at least RATIO of its own content words. A short sentence that re-uses most of an article
  sentence ("Publishing alone is rarely enough") is caught; a long one that shares a few words is not. Each cell of a
  table row counts as a sentence.
- A list of ours follows an article list when at least ITEMS of its items match the article list's items in the
  article's order (an item matches when it holds at least half of the article item's content words). A list is a run
  of bullets (a bullet's item is its bold lead-in when it has one), the rows of a table below its header row, or an
  enumeration inside a sentence ("a guide, a checklist, a template").

What is shared by necessity does not count as evidence, so plain definitions and headings pass:
- the words of the subject itself (link, backlink, site, page, SEO, search, Google, building), and the names and
  findings of the studies the article cites (rank, higher, correlate): the facts carry, and citing them needs them;
- a glossary term of two or more words ("exact-match anchor text") counts as one word, so naming our own terms is
  not a paraphrase, and a name made only of subject words ("link building") does not count at all;
- the article's titles and questions (a line that is one sentence without a full stop) name a topic, and a topic
  belongs to nobody, so its sentences never include them; its lists of questions still count as lists;
- YAML comments are notes to contributors, never published, and are skipped.

Word overlap cannot see a paraphrase that swaps the article's words for synonyms ("waste time" -> "waste hours"):
that is left to review. The thresholds were tuned on the pairs issue 32 lists; tests/course/test_paraphrase.py keeps
them as a table, with the ones beyond word overlap named.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import snowballstemmer
import yaml

from seokb.diagnostics import Diagnostic

SHARED = 3
RATIO = 0.5
ITEMS = 3

# A common English stop-word list, plus the hedges and connectives that carry no content ("usually", "however").
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below between
    both but by can cannot could did do does doing down during each few for from further had has have having he her
    here hers herself him himself his how i if in into is it its itself just let me more most my myself no nor not of
    off on once only or other ought our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very was we were what when
    where which while who whom why with would you your yours yourself yourselves will may might must much
    often usually instead however therefore example e g etc s t don can't won't isn't aren't doesn't don't get gets
    got make makes made use uses used""".split()
)
# The subject's own words and the cited studies' names: any sentence about backlinks shares them.
SUBJECT_WORDS = frozenset(
    "link links backlink backlinks site sites website websites page pages seo search google build building "
    "ahrefs backlinko study found rank ranks ranking rankings higher correlate correlates".split()
)

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|https?://\S+|\{[^}]*\}")
# A line that starts a new unit instead of continuing the one above: a heading, a bullet, a numbered item, a table
# row, a YAML key or a YAML list item.
_UNIT_START = re.compile(r"^\s*(#{1,6}\s|[-*+]\s|\d+\.\s|\||[\w-]+:(\s|$))")
_BULLET = re.compile(r"^\s*([-*+]|\d+\.)\s+(?:[\w-]+:\s+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z\"“*(>])")
_YAML_KEY = re.compile(r"^\s*(?:- )?[\w-]+:(?=\s|$)")
_BOLD_LEAD = re.compile(r"\s*\*\*([^*]+)\*\*")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")

_stem = snowballstemmer.stemmer("english").stemWord


@cache
def _stemmed(word: str) -> str:
    return str(_stem(word))


def _raw_stems(text: str) -> list[str]:
    text = _LINK_TARGET.sub(" ", text.lower().replace("’", "'"))
    return [_stemmed(w) for w in _WORD.findall(text) if w not in STOP_WORDS and not w.isdigit()]


_SUBJECT_STEMS = frozenset(_stemmed(w) for w in SUBJECT_WORDS)


def term_phrases(names: Iterable[str]) -> dict[tuple[str, ...], str]:
    """Glossary names of two or more content words, as stem tuples, each to the one word that stands for it."""
    phrases = {}
    for name in names:
        stems = tuple(_raw_stems(name.replace("-", " ")))
        if len(stems) >= 2:
            # A name made only of subject words ("link building") is left out like them.
            phrases[stems] = "" if _SUBJECT_STEMS.issuperset(stems) else "term:" + "-".join(stems)
    return phrases


def content_words(text: str, terms: dict[tuple[str, ...], str]) -> list[str]:
    """The content words of `text` in order, each glossary phrase folded into one word, subject words left out."""
    stems = _raw_stems(text.replace("-", " "))
    longest = max((len(p) for p in terms), default=0)
    words: list[str] = []
    i = 0
    while i < len(stems):
        for size in range(min(longest, len(stems) - i), 1, -1):
            term = terms.get(tuple(stems[i : i + size]))
            if term is not None:
                words += [term] if term else []
                i += size
                break
        else:
            if stems[i] not in _SUBJECT_STEMS:
                words.append(stems[i])
            i += 1
    return words


@dataclass(frozen=True)
class Unit:
    line: int
    text: str  # its lines joined by one space each
    kind: str  # "bullet", "row", "header" (a table's first row) or "prose" (headings, paragraphs, YAML values)
    starts: tuple[int, ...] = ()  # where each of its lines starts in `text`, to give a sentence its own line


def units(text: str, joined: bool = True) -> list[Unit]:
    """Headings, paragraphs, bullets and table rows, with continuation lines joined to the line that opened them.

    The article is plain text, one paragraph a line: it is read with `joined=False`.
    """
    opened: list[tuple[int, list[str]]] = []
    headers: set[int] = set()  # table rows right above a `| --- |` rule: column names, not items
    current: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if _TABLE_RULE.match(line) and "-" in line and opened and opened[-1][1][0].lstrip().startswith("|"):
            headers.add(opened[-1][0])
        if not line.strip() or (_TABLE_RULE.match(line) and "-" in line):
            current = None
            continue
        if current is None or not joined or _UNIT_START.match(line):
            current = [line]
            opened.append((number, current))
        else:
            current.append(line.strip())
    found = []
    for number, lines in opened:
        first = lines[0]
        kind = "row" if first.lstrip().startswith("|") else "bullet" if _BULLET.match(first) else "prose"
        kind = "header" if number in headers else kind
        starts = [0]
        for previous in lines[:-1]:
            starts.append(starts[-1] + len(previous) + 1)
        # A YAML key ("why_it_matters: |") is not prose: blank it, keeping the offsets of the words after it.
        lines[0] = _YAML_KEY.sub(lambda m: " " * len(m.group(0)), lines[0], count=1)
        found.append(Unit(number, " ".join(lines), kind, tuple(starts)))
    return found


def sentences(unit: Unit) -> list[tuple[int, str]]:
    """The unit's sentences, each with the line it starts on."""
    parts = []
    start = 0
    for match in _SENTENCE_END.finditer(unit.text):
        parts.append((start, unit.text[start : match.start()]))
        start = match.end()
    parts.append((start, unit.text[start:]))
    starts = unit.starts or (0,)
    return [(unit.line + bisect.bisect_right(starts, at) - 1, part) for at, part in parts if part.strip()]


def enumeration(sentence: str) -> list[str]:
    """The items of "a, b, c and d" inside a sentence, or [] when it lists fewer than three things.

    The first item is the last three words before the first comma ("you can create a guide" -> "create a guide").
    """
    parts = [p.strip() for p in re.split(r",|;", re.sub(r"\s*\([^)]*\)", "", sentence)) if p.strip()]
    if len(parts) < 3:
        return []
    # "..., and d" has its "and" after the comma; "..., c and d" before the last item.
    if re.match(r"(?:and|or)\s", parts[-1]):
        last = [parts[-1].split(None, 1)[1]]
    else:
        last = re.split(r"\s+(?:and|or)\s+", parts[-1], maxsplit=1)
    parts = [" ".join(parts[0].split()[-3:]), *parts[1:-1], *last]
    return [p for p in parts if p]


@dataclass(frozen=True)
class Source:
    """The article, read once: its sentences (titles and questions left out) and its lists."""

    sentences: list[tuple[int, str, frozenset[str]]]
    lists: list[tuple[int, list[list[str]]]]


def read_source(text: str, terms: dict[tuple[str, ...], str]) -> Source:
    found_sentences = []
    lists: list[tuple[int, list[list[str]]]] = []
    bullets: list[str] = []
    bullets_start = 0

    def close_bullets() -> None:
        if len(bullets) >= ITEMS:
            lists.append((bullets_start, [content_words(b, terms) for b in bullets]))
        bullets.clear()

    for unit in units(text, joined=False):
        if unit.kind in ("bullet", "row"):
            if not bullets:
                bullets_start = unit.line
            bullets.append(_item_text(unit))
        else:
            close_bullets()
        said = sentences(unit)
        title = len(said) == 1 and not said[0][1].rstrip().endswith(".")
        for _, sentence in said:
            words = frozenset(content_words(sentence, terms))
            if words and not title and unit.kind != "row":
                found_sentences.append((unit.line, sentence, words))
        for _, sentence in said:
            items = enumeration(sentence)
            if items:
                lists.append((unit.line, [content_words(i, terms) for i in items]))
    close_bullets()
    return Source(found_sentences, lists)


def _item_text(unit: Unit) -> str:
    """What a list item names: a table row's first cell (the others hold examples), a bullet's bold lead-in when it
    has one ("- **Outreach plans.** Who will you contact..."), else the whole bullet."""
    if unit.kind == "row":
        return unit.text.strip().strip("|").split("|")[0]
    text = _BULLET.sub("", unit.text, count=1)
    lead = _BOLD_LEAD.match(text)
    return lead.group(1) if lead else text


def _matches(ours: list[str], theirs: list[str]) -> bool:
    shared = set(ours) & set(theirs)
    return bool(shared) and 2 * len(shared) >= len(set(theirs))


def _in_order(ours: list[list[str]], theirs: list[list[str]]) -> int:
    """How many of our items match the article's items in the article's order (a longest common subsequence)."""
    best = [0] * (len(theirs) + 1)
    for item in ours:
        previous = best[:]
        for j, other in enumerate(theirs, start=1):
            best[j] = max(best[j - 1], previous[j], previous[j - 1] + 1 if _matches(item, other) else 0)
    return best[-1]


def sentence_message(article_line: int, article_sentence: str, shared: Iterable[str]) -> str:
    words = ", ".join(sorted(w.removeprefix("term:") for w in shared))
    quoted = article_sentence.strip()
    return (
        f"follows the source article's line {article_line} closely (shares {words}): '{quoted}'; "
        "say it in your own words and your own order"
    )


def list_message(article_line: int, count: int) -> str:
    return (
        f"lists {count} of the source article's items from line {article_line} in the article's order; "
        "choose your own items or your own order"
    )


def _cells(row: Unit) -> list[tuple[int, str]]:
    """A table row's cells, each read as a sentence of its own."""
    return [(row.line, cell) for cell in row.text.strip().strip("|").split("|") if cell.strip()]


def _follows(ours: set[str], theirs: frozenset[str]) -> set[str]:
    """The shared words when they are enough: SHARED of them, and RATIO of ours."""
    shared = ours & theirs
    if len(shared) >= SHARED and len(shared) >= RATIO * len(ours):
        return shared
    return set()


def paraphrases(text: str, path: str, source: Source, terms: dict[tuple[str, ...], str]) -> list[Diagnostic]:
    """Each sentence that follows an article sentence, and each list that follows an article list, once."""
    found: dict[int, Diagnostic] = {}
    all_units = units(text)
    for unit in all_units:
        said = _cells(unit) if unit.kind in ("row", "header") else sentences(unit)
        for line, sentence in said:
            if line in found:
                continue
            ours = set(content_words(sentence, terms))
            best: tuple[int, str, set[str]] | None = None
            for article_line, article_sentence, theirs in source.sentences:
                shared = _follows(ours, theirs)
                if shared and (best is None or len(shared) > len(best[2])):
                    best = (article_line, article_sentence, shared)
            if best:
                found[line] = Diagnostic(path, line, sentence_message(*best))
        for line, sentence in said:
            items = enumeration(sentence)
            if items and line not in found:
                found.update(
                    (d.line or 0, d) for d in _list_problems(path, line, [content_words(i, terms) for i in items], source)
                )
    for problem in _bullet_lists(path, all_units, source, terms):
        found.setdefault(problem.line or 0, problem)
    return [found[line] for line in sorted(found)]


def _bullet_lists(path: str, all_units: list[Unit], source: Source, terms: dict[tuple[str, ...], str]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    run: list[Unit] = []
    for unit in [*all_units, Unit(0, "", "prose")]:
        if unit.kind in ("bullet", "row") and (not run or unit.kind == run[-1].kind):
            run.append(unit)
            continue
        if len(run) >= ITEMS:
            found += _list_problems(path, run[0].line, [content_words(_item_text(u), terms) for u in run], source)
        run = [unit] if unit.kind in ("bullet", "row") else []
    return found


def _list_problems(path: str, line: int, items: list[list[str]], source: Source) -> list[Diagnostic]:
    best = max(((_in_order(items, theirs), article_line) for article_line, theirs in source.lists), default=(0, 0))
    if best[0] >= ITEMS:
        return [Diagnostic(path, line, list_message(best[1], best[0]))]
    return []


def _without_comments(yaml_text: str) -> str:
    """A YAML file's comment lines blanked (they are notes to contributors, never published); lines keep their numbers."""
    return "\n".join("" if line.lstrip().startswith("#") else line for line in yaml_text.split("\n"))


def glossary_names(root: Path) -> list[str]:
    names = []
    for path in sorted((root / "glossary").glob("*.yml")):
        entry = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        names += [str(entry.get("term", "")), *(str(a) for a in entry.get("aliases") or [])]
    return names


def check_tree(
    root: Path, source: Path, folders: tuple[str, ...] = ("docs", "glossary", "quizzes", "diagrams")
) -> list[Diagnostic]:
    terms = term_phrases(glossary_names(root))
    article = read_source(source.read_text(encoding="utf-8"), terms)
    problems: list[Diagnostic] = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".md", ".yml") and path.is_file():
                text = path.read_text(encoding="utf-8")
                if path.suffix == ".yml":
                    text = _without_comments(text)
                problems += paraphrases(text, path.relative_to(root).as_posix(), article, terms)
    return problems
