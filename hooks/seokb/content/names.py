"""How term names compare, and which names may be given at all.

One normalisation serves the name checks and the linker (links/autolink.py): `name_words` is the tuple of words
the linker looks for in a lesson, so two names with the same words would link the same text, and are refused.
The rules for a single name (`name_problems`) keep a name from claiming every lesson's common words, or from
looking like another entry's name while being spelled with other letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from confusable_homoglyphs import categories, confusables
from slugify import slugify as python_slugify

# How alike two names (page names, slugs) must be for one to be suggested for the other: below it, no suggestion is
# better than a poor one ('what-is-a-backlnk' finds 'what-is-a-backlink', 'anchor-txt' 'anchor-text'; 'first-steps'
# finds nothing in 'faq', 'footer-links' nothing in 'internal-link', 0.64 alike).
SIMILAR_NAME = 0.75

# A word: letters and digits, with inner apostrophes so "backlink's" and "Google's" stay one word. The linker
# splits a page's text with the same pattern.
WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# Words that end in "s" but are not plurals; only the last word of a name is singularised.
_NOT_PLURAL = ("ss", "us", "is", "ics", "news", "seo", "ugc")

MIN_ALIAS_LETTERS = 3
# Words every lesson has: an alias made only of them would turn the first one on every page into a link to its
# entry. Function words, and the course's own commonest nouns ("link", "page", "site").
STOP_WORDS = frozenset(
    "a an the and or but nor not no yes of to in on at by for from with without as is are was were be been it its "
    "this that these those there here if then so than too also can could will would should may might must do does "
    "did i you he she we they me him her us them my your his our their what which who whom whose when where why how "
    "all any some each every more most much many one two first new other such only own same very just now up out "
    "about into over after before link page site web click read see more".split()
)
MAX_COMBINING_RUN = 2  # Thai stacks a vowel and a tone mark; three marks on one letter only hide or smear it
# Scripts a single word may mix (Unicode TR39, "highly restrictive"): Japanese, Chinese and Korean writing with Latin.
_MIXES = (
    frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "HAN", "BOPOMOFO"}),
    frozenset({"LATIN", "HAN", "HANGUL"}),
)


def singular(word: str) -> str:
    """A light English singular, enough to tell that 'backlinks' and 'backlink' name one thing."""
    if word.endswith(_NOT_PLURAL) or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def fold(word: str) -> str:
    """A word as the linker compares it: compatibility forms unfolded (fullwidth and mathematical letters are the
    letters they draw), case folded, a typographic apostrophe made plain."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", word).casefold()).replace("\u2019", "'")


def last_form(folded: str) -> str:
    """The last word of a name, or a word of text, as a name may end: possessive dropped, singular."""
    return singular(folded[:-2] if folded.endswith("'s") else folded)


def name_words(name: str) -> tuple[str, ...]:
    """The words the linker finds a name by: 'Backlinks', 'backlink!' and 'BACKLINK' are ('backlink',);
    'back-link' is ('back', 'link'). Two names with the same words link the same text."""
    words = [fold(word) for word in WORD.findall(fold(name))]
    if words:
        words[-1] = last_form(words[-1])
    return tuple(words)


def name_key(name: str) -> str:
    """`name_words` as one string: the key two names must not share."""
    return " ".join(name_words(name))


def slugify(name: str) -> str:
    """The file name a term would get: 'Exact-match anchor text' -> 'exact-match-anchor-text', 'Café SEO' ->
    'cafe-seo'. Letters are transliterated, not dropped: the slug is the page's address for good."""
    return python_slugify(name, separator="-", lowercase=True)


def _describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".strip()


def name_problems(name: str, alias: bool) -> list[str]:
    """Why `name` (a term or, with `alias`, an alias) cannot be a name, in a contributor's words; [] when it can."""
    name = unicodedata.normalize("NFC", name.strip())
    problems: list[str] = []
    unfolded = unicodedata.normalize("NFKC", name)
    if unfolded != name:
        char = next(c for c in name if unicodedata.normalize("NFKC", c) != c)
        problems.append(
            f"'{name}' is written with {_describe(char)}, a look-alike form of '{unicodedata.normalize('NFKC', char)}'; "
            f"write it with ordinary characters: '{unfolded}'"
        )
    for word in [] if name.isascii() else WORD.findall(name):  # an ASCII word is Latin, digits and punctuation
        scripts = _scripts(word)
        if len(scripts) > 1 and not any(scripts <= mix for mix in _MIXES):
            listed = " and ".join(sorted(script.title() for script in scripts))
            problems.append(
                f"'{word}' mixes {listed} letters in one word, the way a look-alike of another name is made; "
                "write each word in one alphabet"
            )
    run = 0 if name.isascii() else _longest_combining_run(name)
    if run > MAX_COMBINING_RUN:  # the name itself is not quoted: the marks would smear the message too
        return [*problems, f"has {run} combining marks on one letter; a name may stack at most {MAX_COMBINING_RUN}"]
    words = name_words(name)
    letters = sum(char.isalnum() for word in words for char in word)
    if alias and 0 < letters < MIN_ALIAS_LETTERS:
        problems.append(
            f"'{name}' is shorter than {MIN_ALIAS_LETTERS} letters; an alias is linked wherever it appears, "
            "so a short one would link parts of every lesson"
        )
    elif alias and words and all(word in _STOP_KEYS for word in words):
        problems.append(
            f"'{name}' is a common word; an alias is linked wherever it appears, so it would link the first "
            f"'{' '.join(words)}' of every lesson"
        )
    return problems


_STOP_KEYS = frozenset(STOP_WORDS | {last_form(word) for word in STOP_WORDS})


def _scripts(word: str) -> frozenset[str]:
    """The scripts of a word's letters; digits, punctuation and combining marks belong to every script."""
    return frozenset(map(_script, word)) - {"COMMON", "INHERITED"}


@cache
def _script(char: str) -> str:
    """The library searches its tables for each call; a site's names repeat a few hundred characters."""
    return categories.alias(char)


def _longest_combining_run(text: str) -> int:
    longest = run = 0
    for char in text:
        run = run + 1 if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me") else 0
        longest = max(longest, run)
    return longest


def skeleton(name: str) -> str:
    """The name with each letter that looks like a Latin one replaced by it (Unicode's confusables list, TR39):
    'Васklink' -> 'Backlink'. Only asked of names with characters outside ASCII."""
    return "".join(map(_latin_look_alike, name))


@cache
def _latin_look_alike(char: str) -> str:
    """The ASCII character `char` is confusable with, or `char` itself."""
    if char.isascii():
        return char
    found = confusables.is_confusable(char, greedy=True, preferred_aliases=["latin"]) or []
    forms = [glyph["c"] for item in found for glyph in item["homoglyphs"] if glyph["c"].isascii()]
    return forms[0] if forms else char
