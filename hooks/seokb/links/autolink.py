"""Links the first mention of each glossary term on a page to the term's page, and records every mention."""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

from seokb.content.model import Glossary, Term
from seokb.content.names import WORD, fold, last_form, name_words
from seokb.markup.htmlscan import attributes, pieces
from seokb.markup.links import anchor_names

# A word as names.WORD has it (letters and digits, inner apostrophes), kept by the split.
_WORD_SPLIT = re.compile(f"({WORD.pattern})")
# One of these between two words, and nothing else, makes a compound: "exact-match", "sub-backlink".
# Dashes (en, em) are punctuation, not joiners: "links\u2014anchor text" is two thoughts.
# What joins two words into one written word: hyphens, and a dot with no space ("robots.txt", a name that is one
# word to a reader). A name may span the join, but no name ends or starts inside it.
_HYPHENS = frozenset("-\u2010\u2011.")
# Only entities closed by ';' are decoded: Python-Markdown writes no other kind, and a bare '&name'
# left literal can shift no offset.
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")

OPT_OUT_CLASS = "seokb-no-autolink"
LINK_CLASS = "seokb-term"
DEFINITION_ATTR = "data-seokb-def"  # the term's short definition, on each linked mention
SENTENCE_LIMIT = 200

# Elements whose text is never linked: links cannot nest, code and keys are literal, headings and
# the labels of controls (admonition and details titles, tab labels) are read as titles, not prose.
_NOT_LINKED = frozenset(
    {
        "a",
        "code",
        "pre",
        "kbd",
        "samp",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "script",
        "style",
        "textarea",
        "summary",
        "button",
        "label",
        "legend",
        "select",
        "option",
        "svg",
        "math",
        "template",
        "noscript",
        "iframe",
        "object",
    }
)
# Not text a reader sees, so not part of a mention's sentence either.
_HIDDEN = frozenset({"script", "style", "template"})
_HIDDEN_CLASSES = frozenset({"footnote-ref", "footnote-backref"})  # "1" and "↩" glued to a word by Python-Markdown
# A word ends where one of these starts or ends: "Backlinks<sup>1</sup>" is the word "Backlinks", while
# "back<em>link</em>" stays one word.
_ENDS_WORD = frozenset({"sup", "sub", "img"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"})
# Each of these owns the text directly inside it: a mention's sentence is cut from its block's text.
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
# A browser closes an open <p> at these; doing the same keeps a hand-written, unclosed <p> from swallowing the page.
_CLOSES_P = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    }
)
# Stands between two blocks' text (and for <br>): whitespace to the matcher, a sentence end to the excerpt.
_BREAK = "\u2029"
# Stands where an element ends a word: neither a word character nor a space, so no name reaches across it.
_WORD_END = "\u200b"
# A lower-case word after the stop continues the sentence: "Links, e.g. a backlink, count."
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(\s+)(?![\sa-z])|\u2029")


@dataclass(frozen=True)
class Mention:
    """One mention of a term on a page; the first one is the one that got the link."""

    slug: str
    text: str  # the words as written, whitespace collapsed: "inbound links"
    sentence: str  # the plain-text sentence around it, at most SENTENCE_LIMIT characters
    linked: bool
    by_hand: bool = False  # the author's own link to the term: the page has it already, the engine added nothing


def _forms(word: str) -> tuple[str, str]:
    """A word as it is compared inside a name, and as the last word of one (possessive dropped, singular).

    Within a name every word but the last must match as written (case-folded); the last may be plural or
    possessive: "backlink's" and "backlinks" both name the thing itself.
    """
    inner = fold(word)  # names.name_words folds a name's words the same way: one normalisation for both
    return inner, last_form(inner)


class TermMatcher:
    """Finds glossary names in plain text, at a cost of words x longest name, whatever the glossary's size."""

    def __init__(self, glossary: Glossary) -> None:
        self.slugs = frozenset(term.slug for term in glossary)
        self._by_words: dict[tuple[str, ...], Term] = {}
        for term in glossary:
            for name in term.names:
                words = name_words(name)
                # check_names() reports two terms claiming one name; until that is fixed the first keeps it.
                if words:
                    self._by_words.setdefault(words, term)
        self.longest = max(map(len, self._by_words), default=0)
        # The words a name can start with: most words of a page start none, and cost one set lookup.
        self._starts = frozenset(words[0] for words in self._by_words)
        # A site's vocabulary is small and every page repeats it: each word's forms are worked out once per build.
        self._forms: dict[str, tuple[str, str]] = {}

    def find(self, text: str) -> list[tuple[int, int, Term]]:
        """(start, end, term) of each mention in `text`: left to right, the longest name at each word, never overlapping.

        Whole words only: a name matches neither part of a word ("backlinking") nor part of a
        hyphenated compound ("sub-backlink"). Between a name's words the text may have any
        whitespace or one hyphen; the last word may be plural or possessive.
        """
        parts = _WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap
        count = len(parts) // 2
        if not count or not self.longest:
            return []
        words = parts[1::2]
        gaps = parts[2:-1:2]  # gaps[k] stands between words k and k+1
        known = self._forms
        forms = [known.get(word) or known.setdefault(word, _forms(word)) for word in words]
        # compound[k]: words k and k+1 are one hyphenated word; joined[k]: they may belong to one name.
        compound = [gap in _HYPHENS for gap in gaps] + [False]
        joined = [joins or gap.isspace() for joins, gap in zip(compound, gaps)] + [False]
        starts, by_words, longest = self._starts, self._by_words, self.longest
        found: list[tuple[int, int, Term]] = []
        ends: list[int] | None = None
        k = 0
        while k < count:
            inner, last = forms[k]
            if (inner not in starts and last not in starts) or (k and compound[k - 1]):  # no name starts here
                k += 1
                continue
            reach = k  # the last word that may still belong to a name starting at k
            while reach - k + 1 < longest and joined[reach]:
                reach += 1
            for end in range(reach, k - 1, -1):
                if compound[end]:  # would end inside a compound word
                    continue
                term = by_words.get(tuple(form[0] for form in forms[k:end]) + (forms[end][1],))
                if term is not None:
                    if ends is None:  # where each part ends in `text`: needed only once a name is found
                        ends = list(accumulate(map(len, parts)))
                    found.append((ends[2 * k], ends[2 * end + 1], term))
                    k = end
                    break
            k += 1
        return found


@dataclass(slots=True)
class _Run:
    """A stretch of linkable text between two tags: where it sits in the page and in its block's text."""

    start: int
    block: int
    offset: int
    plain: str
    raw_index: list[int] | None  # plain offset -> raw offset, when entities made them differ

    def raw(self, at: int) -> int:
        return self.start + (self.raw_index[at] if self.raw_index is not None else at)


def _unescape(raw: str) -> tuple[str, list[int] | None]:
    """The text a reader sees, and where each of its characters sits in `raw` (None: the same place)."""
    if "&" not in raw:
        return raw, None
    parts: list[str] = []
    raw_index: list[int] = []
    at = 0
    for entity in _ENTITY.finditer(raw):
        decoded = html.unescape(entity.group())
        if decoded == entity.group():  # an unknown name stays literal text
            continue
        parts.append(raw[at : entity.start()])
        raw_index.extend(range(at, entity.start()))
        parts.append(decoded)
        raw_index.extend([entity.start()] * len(decoded))
        at = entity.end()
    parts.append(raw[at:])
    raw_index.extend(range(at, len(raw) + 1))
    return "".join(parts), raw_index


@dataclass(slots=True)
class _Open:
    """An open element: whether its text may take links, whether a reader sees it, which block owns its text."""

    tag: str
    excluded: bool
    hidden: bool
    block: int
    hand_slug: str | None = None  # an author's own link to this term's page
    hand_from: int = 0  # where the link's text starts in its block
    raw_at: int = 0  # where the link starts in the page


_OUTSIDE = _Open("", excluded=False, hidden=False, block=0)  # text before or after every element


_NO_ATTRIBUTES: dict[str, str | None] = {}


class _PageReader:
    """Splits a page into blocks of plain text and the runs in them that may take a link; changes nothing."""

    def __init__(
        self,
        page: str,
        hand_link: Callable[[str], str | None] | None = None,
        anchors: set[str] | None = None,
    ) -> None:
        self.page = page
        self.hand_link = hand_link or (lambda href: None)
        self.anchors = anchors
        # (raw position, block, start, end, slug) of each link the author made to a term page by hand
        self.hand_mentions: list[tuple[int, int, int, int, str]] = []
        self.blocks: list[list[str]] = [[]]
        self._block_length = [0]
        self.runs: list[_Run] = []
        self._open: list[_Open] = []

    def read(self) -> None:
        text, start_tag, end_tag = self._text, self._start, self._end
        for kind, tag, attrs, start, end in pieces(self.page):
            if kind == "text":
                text(start, end)
            elif kind == "start":
                start_tag(tag, attrs, start)
            elif kind == "end":
                end_tag(tag)
            elif kind == "startend":  # as HTMLParser reads <span/>: opened, then closed
                start_tag(tag, attrs, start)
                end_tag(tag)
            # Comments, doctypes and processing instructions are left as they are.

    def _text(self, start: int, end: int) -> None:
        top = self._top()
        if top.hidden:
            return
        plain, raw_index = _unescape(self.page[start:end])
        offset = self._add_text(top.block, plain)
        if not top.excluded:
            self.runs.append(_Run(start, top.block, offset, plain, raw_index))

    def _add_text(self, block: int, text: str) -> int:
        offset = self._block_length[block]
        self.blocks[block].append(text)
        self._block_length[block] += len(text)
        return offset

    def _top(self) -> _Open:
        return self._open[-1] if self._open else _OUTSIDE

    def _start(self, tag: str, attr_text: str, raw_at: int) -> None:
        attrs = attributes(attr_text) if attr_text else _NO_ATTRIBUTES
        if self.anchors is not None and attrs:  # what links.page_anchors collects, read in the same pass
            self.anchors.update(anchor_names(tag, attrs))
        if tag in _CLOSES_P and self._open and self._open[-1].tag == "p":
            self._close("p")
        parent = self._top()
        classes = (attrs.get("class") or "").split()
        hidden = tag in _HIDDEN or not _HIDDEN_CLASSES.isdisjoint(classes)
        if tag in _BLOCKS or tag == "br":
            self._add_text(parent.block, _BREAK)
        elif tag in _ENDS_WORD or hidden:
            self._add_text(parent.block, _WORD_END)
        if tag in _VOID:
            return
        excluded = (
            parent.excluded or tag in _NOT_LINKED or OPT_OUT_CLASS in classes or (tag == "p" and "admonition-title" in classes)
        )
        block = parent.block
        if tag in _BLOCKS:
            block = len(self.blocks)
            self.blocks.append([])
            self._block_length.append(0)
        # An author's link to a term is a mention, unless it stands where the author opted out of linking.
        hand_slug = self.hand_link(attrs.get("href") or "") if tag == "a" and not parent.excluded else None
        self._open.append(
            _Open(
                tag,
                excluded,
                parent.hidden or hidden,
                block,
                hand_slug=hand_slug,
                hand_from=self._block_length[block],
                raw_at=raw_at,
            )
        )

    def _end(self, tag: str) -> None:
        if any(element.tag == tag for element in self._open):  # a stray end tag closes nothing
            self._close(tag)

    def _close(self, tag: str) -> None:
        while self._open:
            element = self._open.pop()
            if element.hand_slug and not element.hidden:
                self.hand_mentions.append(
                    (
                        element.raw_at,
                        element.block,
                        element.hand_from,
                        self._block_length[element.block],
                        element.hand_slug,
                    )
                )
            if element.tag in _ENDS_WORD or (element.hidden and not self._top().hidden):
                self._add_text(self._top().block, _WORD_END)
            if element.tag == tag:
                return


def _sentence_stops(block_text: str) -> tuple[list[int], list[int]]:
    """Where each sentence of a block starts, and where the one before it ended."""
    starts, ends = [0], []
    for stop in _SENTENCE_END.finditer(block_text):
        ends.append(stop.start(1) if stop.group(1) else stop.start())
        starts.append(stop.end())
    ends.append(len(block_text))
    return starts, ends


def _sentence(block_text: str, stops: tuple[list[int], list[int]], start: int, end: int) -> str:
    """The sentence around the mention at [start, end), whitespace collapsed, cut down around the mention if too long."""
    starts, ends = stops
    which = bisect_right(starts, start) - 1
    before = " ".join(block_text[starts[which] : start].replace(_WORD_END, "").split())
    words = " ".join(block_text[start:end].split())
    after = " ".join(block_text[end : ends[which]].replace(_WORD_END, "").split())
    # Keep a space only where the text had one: "backlinks," stays together.
    if before and block_text[start - 1].isspace():
        before += " "
    if after and block_text[end].isspace():
        after = " " + after
    if len(before) + len(words) + len(after) <= SENTENCE_LIMIT:
        return before + words + after
    room = max(0, SENTENCE_LIMIT - len(words) - 2)  # two ellipses at most
    keep_after = min(len(after), room // 2)
    keep_before = min(len(before), room - keep_after)
    keep_after = min(len(after), room - keep_before)
    if keep_before < len(before):  # cut at a word start, never inside a word
        head = before[len(before) - keep_before :]
        before = "\u2026" + (head.split(" ", 1)[1] if " " in head else "")
    if keep_after < len(after):
        tail = after[:keep_after]
        after = (tail.rsplit(" ", 1)[0] if " " in tail else "") + "\u2026"
    return (before + words + after)[:SENTENCE_LIMIT]


def autolink(
    page: str,
    matcher: TermMatcher,
    href_for: Callable[[Term], str],
    *,
    skip_slug: str | None = None,
    hand_link: Callable[[str], str | None] | None = None,
    anchors: set[str] | None = None,
) -> tuple[str, list[Mention]]:
    """The page's content HTML with the first mention of each term linked to it, and every mention in page order.

    `page` is the content area MkDocs rendered; `href_for(term)` is the plain (unescaped) URL of the
    term's page relative to this one. Text outside the links comes back byte for byte, entities and
    all. Nothing is linked or recorded inside links, code, headings, admonition and details titles,
    form controls or an element with class "seokb-no-autolink"; attributes (image alt text) are never
    read. A mention must sit in one stretch of text: "anchor <em>text</em>" is no mention, while
    "<em>anchor text</em>" is one and is linked inside the <em>. On the term's own page
    (`skip_slug`) its names are neither linked nor recorded. A page whose front matter says
    `autolink: false` is simply never passed here. Run it once per page: the links it adds are
    links, so a second pass would link the second mention.

    `hand_link(href)` names the term an author's own link leads to (None for any other link): such a
    link is that term's mention and counts as its link, so no second one is added. When `anchors` is given,
    the ids a link can target on the page are added to it (as links.page_anchors finds them), saving a second
    reading of the page.
    """
    reader = _PageReader(page, hand_link, anchors)
    reader.read()
    runs_by_block: dict[int, list[_Run]] = {}
    for run in reader.runs:
        runs_by_block.setdefault(run.block, []).append(run)

    found: list[tuple[int, int, Term | str, str, str]] = []  # raw start, raw end, term (or a hand link's slug), words, sentence
    for raw_at, block, start, end, slug in reader.hand_mentions:
        if slug == skip_slug:
            continue
        text = "".join(reader.blocks[block])
        words = " ".join(text[start:end].replace(_WORD_END, "").split())
        found.append((raw_at, raw_at, slug, words, _sentence(text, _sentence_stops(text), start, end)))
    for block, runs in runs_by_block.items():
        text = "".join(reader.blocks[block])
        offsets = [run.offset for run in runs]
        stops: tuple[list[int], list[int]] | None = None
        for start, end, term in matcher.find(text):
            if term.slug == skip_slug:
                continue
            at = bisect_right(offsets, start) - 1
            if at < 0 or end > runs[at].offset + len(runs[at].plain):  # crosses a tag, or lies in text that takes no link
                continue
            run = runs[at]
            stops = stops or _sentence_stops(text)
            found.append(
                (
                    run.raw(start - run.offset),
                    run.raw(end - run.offset),
                    term,
                    " ".join(text[start:end].split()),
                    _sentence(text, stops, start, end),
                )
            )
    found.sort(key=lambda mention: mention[0])

    mentions: list[Mention] = []
    pieces: list[str] = []
    done = 0
    linked: set[str] = set()
    for raw_start, raw_end, named, words, sentence in found:
        slug = named if isinstance(named, str) else named.slug
        first = slug not in linked
        mentions.append(Mention(slug, words, sentence, first, by_hand=isinstance(named, str)))
        if not first or isinstance(named, str):  # a hand link is a link already: record it, add nothing
            linked.add(slug)
            continue
        linked.add(slug)
        term = named
        # The definition rides in a data attribute, not `title`: the term script shows it in a popover on tap, hover
        # and focus, where a title is a mouse-only, 10 px tooltip that also keeps the theme's previews away.
        short = html.escape(" ".join(term.short.split()), quote=True)
        pieces += [
            page[done:raw_start],
            f'<a class="{LINK_CLASS}" href="{html.escape(href_for(term), quote=True)}" {DEFINITION_ATTR}="{short}">',
            page[raw_start:raw_end],
            "</a>",
        ]
        done = raw_end
    pieces.append(page[done:])
    return "".join(pieces), mentions
