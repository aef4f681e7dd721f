"""Social cards: the 1200x630 PNG a chat app shows when a page's link is pasted, drawn offline with Pillow."""

from __future__ import annotations

import hashlib
import io
import json
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont, features

from seokb.content.model import CATEGORIES, Term

# Part of every cache key: bump it whenever the drawing changes (layout, colours, sizes, a Pillow upgrade that
# changes how a font is drawn, a new bundled font), so that cached cards are drawn again instead of reused.
VERSION = "3"

WIDTH, HEIGHT = 1200, 630
MARGIN = 72

# mkdocs-material's indigo: primary 500 behind the text, 700 for the site-name strip. White on 500 is 6.9:1 and
# indigo 50 on 500 is 5.8:1, both above WCAG AA's 4.5:1 for body text.
BACKGROUND = "#3f51b5"
STRIP = "#303f9f"
TEXT = "#ffffff"
MUTED = "#e8eaf6"

STRIP_HEIGHT = 96
LABEL_SIZE = 38
# Discord shows the card about 400 px wide, a third of its size: 60 px type is still 20 px there.
TITLE_SIZES = (84, 72, 60)
TITLE_LINES = 2
DESCRIPTION_SIZE = 42
DESCRIPTION_LINES = 3
SITE_SIZE = 40
LINE_HEIGHT = 1.22
ELLIPSIS = "\u2026"

# The bundled DejaVu Sans (assets/fonts/, Bitstream Vera licence) draws Latin with every accent, Greek and
# Cyrillic: Pillow's built-in font was ASCII only, and 'Café' came out as 'Cafe'. These stand in for the few
# characters a font may still lack, so a card never shows a missing-glyph box.
_STAND_INS = {
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2032": "'",
    "\u2033": '"',
    "\u00d7": "x",
    "\u2192": "->",
    "\u2190": "<-",
}


@dataclass(frozen=True)
class Card:
    """What one page's card says; every field is plain text."""

    site_name: str
    title: str
    description: str
    label: str

    @property
    def key(self) -> str:
        """The sha256 of the card's text and the renderer's VERSION: the name of its file in the cache."""
        # vars(), not dataclasses.asdict, which deep-copies every field: the key is asked twice per page.
        content = json.dumps({"version": VERSION, **vars(self)}, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(content.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class TextLine:
    """One line of text as it is drawn: its top-left corner, font size and colour."""

    text: str
    x: int
    y: int
    size: int
    fill: str
    bold: bool = False


@dataclass(frozen=True)
class CardBatch:
    """The cache file of each card, in the order the cards were given, and how many had to be drawn."""

    paths: tuple[Path, ...]
    rendered: int
    reused: int


def term_card(term: Term, site_name: str) -> Card:
    return Card(
        site_name=site_name, title=term.term, description=term.short, label=f"Glossary \u00b7 {CATEGORIES[term.category]}"
    )


def lesson_label(number: int, total: int) -> str:
    return f"Lesson {number} of {total}"


FONT = Path(__file__).parent / "assets" / "fonts" / "DejaVuSans.ttf"


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    if not features.check("freetype2"):
        raise RuntimeError("seokb: social cards need Pillow with FreeType support (the PyPI wheels have it)")
    return ImageFont.truetype(str(FONT), size=size)


@cache
def _glyph(char: str) -> bytes:
    image = Image.new("L", (48, 48))
    ImageDraw.Draw(image).text((8, 8), char, font=font(24), fill=255)
    return image.tobytes()


@cache
def has_glyph(char: str) -> bool:
    """Whether the card's font draws this character: FreeType draws the same box for every one it lacks."""
    return char == " " or _glyph(char) != _glyph("\uffff")


def drawable(text: str) -> str:
    """The text with every character the font lacks replaced: a stand-in, the letter without its accent, or '?'."""
    out = []
    for char in " ".join(text.split()):
        if has_glyph(char):
            out.append(char)
        elif char in _STAND_INS:
            out.append(_STAND_INS[char])
        else:
            folded = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            out.append(folded if folded and all(has_glyph(c) for c in folded) else "?")
    return "".join(out)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap by drawn width; the last allowed line ends in an ellipsis when text is left over."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if face.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while face.getlength(word) > width:  # a word wider than the card is cut where it must be
            cut = 1
            while face.getlength(word[: cut + 1]) <= width:
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = _ellipsised(kept[-1], face, width)
    return kept


def _ellipsised(line: str, face: ImageFont.FreeTypeFont, width: float) -> str:
    words = line.split(" ")
    while True:
        text = " ".join(words).rstrip(" ,;:.-") + ELLIPSIS
        if face.getlength(text) <= width or (len(words) == 1 and len(words[0]) <= 1):
            return text
        if len(words) > 1:
            words.pop()
        else:
            words[0] = words[0][:-1]


def layout(card: Card) -> list[TextLine]:
    """Where every line of the card goes; pure, so that sizes and wrapping are tested without decoding images."""
    width = WIDTH - 2 * MARGIN
    strip_top = HEIGHT - STRIP_HEIGHT
    lines: list[TextLine] = []
    y = MARGIN

    label = drawable(card.label)
    if label:
        lines.append(TextLine(wrap(label, font(LABEL_SIZE), width, 1)[0], MARGIN, y, LABEL_SIZE, MUTED))
        y += round(LABEL_SIZE * LINE_HEIGHT) + 22

    # The title takes the largest size at which it fits on its lines; only at the smallest is it ellipsised.
    title = drawable(card.title)
    for size in TITLE_SIZES:
        # Bold is drawn as a 1 px stroke, which widens each line by 2 px.
        title_lines = wrap(title, font(size), width - 2, TITLE_LINES + 1)
        if len(title_lines) <= TITLE_LINES:
            break
    title_lines = wrap(title, font(size), width - 2, TITLE_LINES)
    for text in title_lines:
        lines.append(TextLine(text, MARGIN, y, size, TEXT, bold=True))
        y += round(size * LINE_HEIGHT)

    y += 18
    step = round(DESCRIPTION_SIZE * LINE_HEIGHT)
    room = min(DESCRIPTION_LINES, (strip_top - 28 - y) // step)
    if room > 0:
        for text in wrap(drawable(card.description), font(DESCRIPTION_SIZE), width, room):
            lines.append(TextLine(text, MARGIN, y, DESCRIPTION_SIZE, TEXT))
            y += step

    site_y = strip_top + (STRIP_HEIGHT - SITE_SIZE) // 2
    lines.append(
        TextLine(wrap(drawable(card.site_name), font(SITE_SIZE), width - 2, 1)[0], MARGIN, site_y, SITE_SIZE, TEXT, bold=True)
    )
    return lines


def _drawn(card: Card) -> Image.Image:
    """The card in full colour, before its colours are mapped to the palette."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - STRIP_HEIGHT, WIDTH, HEIGHT), fill=STRIP)
    for line in layout(card):
        draw.text(
            (line.x, line.y),
            line.text,
            font=font(line.size),
            fill=line.fill,
            anchor="la",
            stroke_width=1 if line.bold else 0,
            stroke_fill=line.fill,
        )
    return image


def render(card: Card) -> bytes:
    """The card as PNG bytes: the same card gives the same bytes (no time, no metadata, fixed encoder settings)."""
    image = _drawn(card)
    # A card holds two backgrounds and two inks, and anti-aliased text only mixes one ink into one background:
    # a palette of those mixes keeps every pixel within half a step of its colour (the flat colours exactly), and the
    # PNG comes out 40% of the size and is written faster. Cards are written into the site on every build.
    buffer = io.BytesIO()
    image.quantize(palette=_palette(), dither=Image.Dither.NONE).save(buffer, format="PNG", optimize=False, compress_level=6)
    return buffer.getvalue()


PALETTE_STEPS = 16  # shades from a background to an ink, both included


@lru_cache(maxsize=1)
def _palette() -> Image.Image:
    colours = []
    for background in (BACKGROUND, STRIP):
        for ink in (TEXT, MUTED):
            start, end = ImageColor.getrgb(background), ImageColor.getrgb(ink)
            for step in range(PALETTE_STEPS):
                colours += [round(a + (b - a) * step / (PALETTE_STEPS - 1)) for a, b in zip(start, end)]
    palette = Image.new("P", (1, 1))
    palette.putpalette(colours)
    return palette


def render_many(cards: Iterable[Card], cache_dir: Path) -> CardBatch:
    """Every card's cached PNG; the ones not cached yet are drawn here (about 3 ms each: the real site's hundred
    cards take a third of a second on a cold build, so a worker pool would cost more to start than it saves)."""
    cards = list(cards)
    paths = [cache_dir / f"{card.key}.png" for card in cards]
    missing = {path: card for path, card in zip(paths, cards) if not path.is_file()}
    for path, card in missing.items():
        _store(path, render(card))
    return CardBatch(tuple(paths), len(missing), len(paths) - len(missing))


def _store(path: Path, png: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed, so an interrupted build never leaves half a card to be reused.
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_bytes(png)
    os.replace(partial, path)
