"""Social cards: size, colours, layout limits, same bytes for the same card, and a cache that skips unchanged cards."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops

import seokb.site.social_card as social_card
from seokb.content.model import Source, Term
from seokb.site.social_card import (
    BACKGROUND,
    DESCRIPTION_LINES,
    ELLIPSIS,
    HEIGHT,
    MARGIN,
    MUTED,
    PALETTE_STEPS,
    STRIP,
    STRIP_HEIGHT,
    TEXT,
    TITLE_LINES,
    TITLE_SIZES,
    WIDTH,
    Card,
    _drawn,
    drawable,
    font,
    layout,
    lesson_label,
    render,
    render_many,
    term_card,
    wrap,
)

REPO = Path(__file__).resolve().parents[2]
BACKLINK = Card("seokb", "Backlink", "A link on another website that points to a page on your site.", "Glossary \u00b7 Basics")
LONG = Card(
    "seokb",
    "Resource page link building and the whole craft of getting listed on curated lists of links",
    "Resource pages are curated lists of useful links on a topic; getting listed means finding relevant pages, "
    "checking that someone still maintains them, and asking politely with something genuinely worth linking to.",
    "Lesson 3 of 10",
)


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def png_chunks(data: bytes) -> list[str]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        chunks.append(kind.decode("ascii"))
        at += 12 + length
    return chunks


def test_a_card_is_a_1200_by_630_png_in_the_site_colours() -> None:
    image = Image.open(io.BytesIO(render(BACKLINK)))
    assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "P")  # a palette image: 40% of the bytes
    image = image.convert("RGB")
    assert image.getpixel((4, 4)) == rgb(BACKGROUND)
    assert image.getpixel((WIDTH - 4, HEIGHT - 4)) == rgb(STRIP)
    # Text was drawn: the title's area holds white pixels.
    title = image.crop((MARGIN, 140, MARGIN + 300, 230))
    assert rgb(TEXT) in {colour for _, colour in title.getcolors(maxcolors=100_000)}


def test_the_same_card_gives_the_same_bytes() -> None:
    assert render(BACKLINK) == render(Card(*BACKLINK.__dict__.values()))


SCRIPT = """
import hashlib, sys
from seokb.site.social_card import Card, render
card = Card("seokb", "Backlink", "A link on another website that points to a page on your site.", "Glossary \\u00b7 Basics")
print(hashlib.sha256(render(card)).hexdigest())
"""


def test_two_fresh_processes_draw_the_same_bytes() -> None:
    # Each process loads the font anew: nothing cached in one run may leak into what the next one draws.
    digests = {
        subprocess.run(
            [sys.executable, "-c", SCRIPT],
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO / "hooks"), "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout.strip()
        for seed in (1, 2)
    }
    assert digests == {hashlib.sha256(render(BACKLINK)).hexdigest()}


def test_the_png_carries_no_metadata() -> None:
    # No tIME, tEXt or pHYs chunk: nothing but the pixels (and their palette) decides the bytes.
    assert set(png_chunks(render(BACKLINK))) == {"IHDR", "PLTE", "IDAT", "IEND"}


def test_the_palette_keeps_the_drawn_colours() -> None:
    # Drawn in full colour, then mapped to the palette: no pixel moves by more than half a palette step.
    full = _drawn(BACKLINK)
    mapped = Image.open(io.BytesIO(render(BACKLINK))).convert("RGB")
    largest = max(high for _, high in ImageChops.difference(full, mapped).getextrema())
    assert largest <= (255 // (PALETTE_STEPS - 1)) // 2 + 1
    assert ImageChops.difference(full, mapped).getbbox() is not None  # anti-aliased pixels were mapped, not kept


@pytest.mark.parametrize("field", ["site_name", "title", "description", "label"])
def test_every_field_changes_the_card_and_its_key(field: str) -> None:
    changed = Card(**{**BACKLINK.__dict__, field: "Something else"})
    assert changed.key != BACKLINK.key
    assert render(changed) != render(BACKLINK)


def test_the_key_is_the_sha256_of_the_content_and_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(BACKLINK.key) == 64 and BACKLINK.key == Card(*BACKLINK.__dict__.values()).key
    before = BACKLINK.key
    monkeypatch.setattr(social_card, "VERSION", "a later renderer")
    assert BACKLINK.key != before


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("text, background", [(TEXT, BACKGROUND), (MUTED, BACKGROUND), (TEXT, STRIP)])
def test_text_colours_pass_wcag_aa(text: str, background: str) -> None:
    lighter, darker = sorted((luminance(text), luminance(background)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5


def test_a_short_title_takes_the_largest_size() -> None:
    title = [line for line in layout(BACKLINK) if line.text == "Backlink"]
    assert [line.size for line in title] == [max(TITLE_SIZES)]


def test_long_text_stays_inside_the_card() -> None:
    lines = layout(LONG)
    for line in lines:
        assert font(line.size).getlength(line.text) + (2 if line.bold else 0) <= WIDTH - 2 * MARGIN, line
    body = [line for line in lines if line.text != "seokb"]
    assert all(line.y + line.size * social_card.LINE_HEIGHT <= HEIGHT - STRIP_HEIGHT for line in body)
    title = [line for line in lines if line.bold and line.text != "seokb"]
    description = [line for line in lines if line.size == social_card.DESCRIPTION_SIZE]
    assert len(title) == TITLE_LINES and title[-1].text.endswith(ELLIPSIS)
    assert 1 <= len(description) <= DESCRIPTION_LINES and description[-1].text.endswith(ELLIPSIS)


def test_every_line_is_readable_at_discords_width() -> None:
    # Discord shows the card about 400 px wide; below 12 px the text would be a smudge.
    assert min(line.size for line in layout(LONG) + layout(BACKLINK)) * 400 / WIDTH >= 12


def test_a_description_of_up_to_three_lines_is_not_ellipsised() -> None:
    description = [line.text for line in layout(BACKLINK) if line.size == social_card.DESCRIPTION_SIZE]
    assert description == ["A link on another website that points to a page on", "your site."]


def test_a_word_wider_than_the_line_is_cut() -> None:
    lines = wrap("x" * 200, font(42), 500, 10)
    assert "".join(lines) == "x" * 200 and all(font(42).getlength(line) <= 500 for line in lines)


@pytest.mark.parametrize(
    "text, shown",
    [
        ("Backlink", "Backlink"),
        # The bundled font draws accents, dashes, Greek and Cyrillic; CJK it lacks, and a box is never drawn.
        ("Caf\u00e9 na\u00efve", "Caf\u00e9 na\u00efve"),
        ("a \u2014 b \u2013 c", "a \u2014 b \u2013 c"),
        ("\u0421\u0441\u044b\u043b\u043a\u0430 \u03b1\u03b2", "\u0421\u0441\u044b\u043b\u043a\u0430 \u03b1\u03b2"),
        ("x\u00a0y  \n z", "x y z"),
        ("it\u2019s \u201cok\u201d\u2026 \u00b7", "it\u2019s \u201cok\u201d\u2026 \u00b7"),
        ("\u6f22\u5b57", "??"),
    ],
)
def test_characters_the_font_lacks_are_replaced(text: str, shown: str) -> None:
    assert drawable(text) == shown


def test_labels() -> None:
    term = Term(
        slug="anchor-text",
        term="Anchor text",
        short="The clickable words of a link.",
        definition="D.",
        example="E.",
        category="metrics",
        sources=(Source("Google", "https://developers.google.com/search"),),
    )
    assert term_card(term, "seokb") == Card("seokb", "Anchor text", "The clickable words of a link.", "Glossary \u00b7 Metrics")
    assert lesson_label(3, 10) == "Lesson 3 of 10"


@pytest.fixture
def counted_render(monkeypatch: pytest.MonkeyPatch) -> list[Card]:
    drawn: list[Card] = []
    real = social_card.render

    def counting(card: Card) -> bytes:
        drawn.append(card)
        return real(card)

    monkeypatch.setattr(social_card, "render", counting)
    return drawn


def _cached_card(card: Card, cache_dir: Path) -> Path:
    return render_many([card], cache_dir).paths[0]


def test_a_cached_card_is_drawn_once(tmp_path: Path, counted_render: list[Card]) -> None:
    first = _cached_card(BACKLINK, tmp_path / "cards")
    second = _cached_card(BACKLINK, tmp_path / "cards")
    assert first == second == tmp_path / "cards" / f"{BACKLINK.key}.png"
    assert counted_render == [BACKLINK]
    assert first.read_bytes() == render(BACKLINK)
    assert sorted(p.name for p in (tmp_path / "cards").iterdir()) == [f"{BACKLINK.key}.png"]


def test_a_changed_card_is_drawn_again(tmp_path: Path, counted_render: list[Card]) -> None:
    _cached_card(BACKLINK, tmp_path)
    changed = Card(**{**BACKLINK.__dict__, "description": "A new short definition."})
    assert _cached_card(changed, tmp_path) != _cached_card(BACKLINK, tmp_path)
    assert counted_render == [BACKLINK, changed]


def test_render_many_reports_rendered_and_reused(tmp_path: Path, counted_render: list[Card]) -> None:
    cards = [BACKLINK, LONG, BACKLINK]
    cold = render_many(cards, tmp_path)
    assert (cold.rendered, cold.reused) == (2, 1)
    assert cold.paths == tuple(tmp_path / f"{card.key}.png" for card in cards)
    warm = render_many(cards, tmp_path)
    assert (warm.rendered, warm.reused, warm.paths) == (0, 3, cold.paths)
    assert counted_render == [BACKLINK, LONG]


def test_cached_cards_are_the_bytes_render_draws(tmp_path: Path) -> None:
    cards = [Card("seokb", f"Term {number}", f"What term {number} means.", "Glossary · Basics") for number in range(4)]
    batch = render_many(cards, tmp_path)
    assert (batch.rendered, batch.reused) == (4, 0)
    assert [path.read_bytes() for path in batch.paths] == [render(card) for card in cards]
    assert render_many(cards, tmp_path).reused == 4
