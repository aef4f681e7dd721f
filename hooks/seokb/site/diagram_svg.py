"""A diagram drawn as inline SVG in a <figure>: rows of boxes top to bottom, arrows between them, no script.

The layout is this module's own, and small: every row is as wide as the picture and its boxes share it equally;
text is wrapped by its width in a font at least as wide as the reader's. The picture is 360 units wide, the width of a phone, so its text is
read at about its own size there and never smaller than the page's small print.

No colour is written here. Every shape has a class (site/assets/site.css paints them with Material's palette
variables, so the picture follows light and dark mode); the presentation attributes `fill="none"` and
`currentColor` are only what a reader without the stylesheet (a feed reader) sees. Every piece of text is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from seokb.content.diagram import Arrow, Box, Diagram

WIDTH = 360
MARGIN = 2  # room for the thickest stroke at the edges
LANE = 22  # the left-hand lane an arrow back up runs in
FONT = 15  # box text
LINE = 20
LABEL_FONT = 14  # arrow labels and group names
LABEL_LINE = 18
CODE_FONT = 13
CODE_LINE = 18
PAD = 10  # inside a box
NARROW_PAD = 5  # beside the text of a box in a row of three, where every unit of width counts
NOTE_PAD = 6
COLUMN_GAP = 12
ROW_GAP = 30  # between rows with an unlabelled arrow, or none
GROUP_PAD = 8  # a group's frame around its boxes
GROUP_HEAD = 26  # the group's name above its first row
HEAD = 8  # arrowhead length
# Text is measured with the bundled DejaVu Sans, wider than the sans-serif fonts browsers pick for the theme
# (Helvetica, Arial, Roboto, San Francisco), so a line measured to fit a box fits it in the browser too. Bold runs
# about a tenth wider; monospace is 0.6 em a character in every common code font (0.62 for room).
MEASURING_FONT = Path(__file__).parent / "assets" / "fonts" / "DejaVuSans.ttf"  # the social cards' font
_MEASURE_SIZE = 100
_BOLD = 1.1
_MONO_EM = 0.62


@lru_cache(maxsize=1)
def _font() -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(MEASURING_FONT), size=_MEASURE_SIZE)


def text_width(text: str, size: float, style: str = "text") -> float:
    """The advance of `text` at `size` units, by the measuring font (upper bound of the fonts browsers use)."""
    if style == "code":
        return len(text) * size * _MONO_EM
    width = _font().getlength(text) * size / _MEASURE_SIZE
    return width * _BOLD if style == "bold" else width


def wrap(text: str, width: float, size: float, style: str = "text") -> list[str]:
    """Greedy word wrap of each line of `text` to `width` units; a word longer than a line stands on its own."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if current and text_width(candidate, size, style) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


@dataclass
class _Placed:
    box: Box
    x: float
    y: float
    width: float
    height: float = 0.0
    title: tuple[str, ...] = ()
    text: tuple[str, ...] = ()
    note: tuple[str, ...] = ()

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def content_height(self) -> float:
        line = CODE_LINE if self.box.kind == "code" else LINE
        height = 2 * PAD + LINE * len(self.title) + line * len(self.text)
        if self.note:
            height += (PAD if self.title or self.text else 0) + 2 * NOTE_PAD + LABEL_LINE * len(self.note)
        return height


def _n(value: float) -> str:
    """A coordinate as short as it can be written: 12, 12.5."""
    return f"{value:.1f}".removesuffix(".0")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _layout(diagram: Diagram) -> tuple[dict[str, _Placed], list[tuple[str, float, float]], float]:
    """Every box placed, every group's frame (name, top, bottom), and the picture's height."""
    left = MARGIN + (LANE if any(arrow.up for arrow in diagram.arrows) else 0)
    right = WIDTH - MARGIN
    placed: dict[str, _Placed] = {}
    frames: list[tuple[str, float, float]] = []
    rows = diagram.rows
    y = float(MARGIN)
    frame_top = y
    for number, row in enumerate(rows):
        starts = bool(row.group) and (number == 0 or rows[number - 1].group != row.group)
        ends = bool(row.group) and (number == len(rows) - 1 or rows[number + 1].group != row.group)
        if starts:
            frame_top = y
            y += GROUP_HEAD
        inset = GROUP_PAD if row.group else 0
        count = len(row.boxes)
        width = (right - left - 2 * inset - COLUMN_GAP * (count - 1)) / count
        boxes = []
        for column, box in enumerate(row.boxes):
            inner = width - 2 * (PAD if count < 3 else NARROW_PAD)
            code = box.kind == "code"
            spot = _Placed(
                box,
                left + inset + column * (width + COLUMN_GAP),
                y,
                width,
                title=tuple(wrap(box.title, inner, FONT, "bold")) if box.title else (),
                text=tuple(wrap(box.text, inner, CODE_FONT if code else FONT, "code" if code else "text")) if box.text else (),
                note=tuple(wrap(box.note, inner - 2 * NOTE_PAD, LABEL_FONT)) if box.note else (),
            )
            boxes.append(spot)
            placed[box.id] = spot
        height = max(spot.content_height() for spot in boxes)
        for spot in boxes:
            spot.height = height  # a row's boxes are as tall as its tallest, so the row reads as one line
        y += height
        if ends:
            y += GROUP_PAD
            frames.append((row.group, frame_top, y))
        if number < len(rows) - 1:
            labels = [
                len(_label_lines(arrow, placed[arrow.source.id].width))
                for arrow in diagram.arrows
                if arrow.source.row == number and arrow.target.row == number + 1 and arrow.label
            ]
            y += max(ROW_GAP, (max(labels) * LABEL_LINE + 20) if labels else 0)
    return placed, frames, y + MARGIN


def _label_lines(arrow: Arrow, source_width: float) -> list[str]:
    """An arrow's label, wrapped to the width of the box it starts at."""
    return wrap(arrow.label, max(source_width - 8, 80), LABEL_FONT)


def describe(diagram: Diagram) -> str:
    """The picture in words, for a screen reader: every box row by row, then every arrow. Same facts, no layout."""
    sentences = []
    for number, row in enumerate(diagram.rows, start=1):
        where = f" (inside the frame “{row.group}”)" if row.group else ""
        boxes = "; ".join(f"“{_box_words(box)}”" for box in row.boxes)
        sentences.append(f"Row {number}{where}: {boxes}.")
    for arrow in diagram.arrows:
        way = "back up to" if arrow.up else "to"
        label = f", labelled “{arrow.label}”" if arrow.label else ""
        sentences.append(f"An arrow goes from “{arrow.source.name}” {way} “{arrow.target.name}”{label}.")
    return " ".join(sentences)


def _box_words(box: Box) -> str:
    text = " ".join(box.text.split("\n"))
    if box.title and text:
        text = f"{box.title}{' ' if box.title[-1] in '?!:.' else ': '}{text}"
    else:
        text = box.title or text
    return f"{text} (note: {box.note})" if box.note else text


def diagram_svg(diagram: Diagram) -> str:
    """The <svg>: named by `alt` (its <title>), described by every box and arrow (its <desc>)."""
    placed, frames, height = _layout(diagram)
    key = f"seokb-diagram-{diagram.name}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="seokb-diagram-svg" viewBox="0 0 {WIDTH} {_n(height)}" '
        f'width="100%" role="img" aria-labelledby="{key}-title" aria-describedby="{key}-desc">',
        f'<title id="{key}-title">{_e(diagram.alt)}</title>',
        f'<desc id="{key}-desc">{_e(describe(diagram))}</desc>',
    ]
    left = MARGIN + (LANE if any(arrow.up for arrow in diagram.arrows) else 0)
    for name, top, bottom in frames:
        out.append(
            f'<rect class="seokb-diagram-group" x="{_n(left)}" y="{_n(top)}" width="{_n(WIDTH - MARGIN - left)}" '
            f'height="{_n(bottom - top)}" rx="8" fill="none" stroke="currentColor"/>'
        )
        out.append(
            f'<text class="seokb-diagram-group-name" x="{_n(left + GROUP_PAD)}" y="{_n(top + 18)}" '
            f'font-size="{LABEL_FONT}" fill="currentColor" paint-order="stroke">{_e(name)}</text>'
        )
    for spot in placed.values():
        out += _box_svg(spot)
    for arrow in diagram.arrows:
        out += _arrow_svg(arrow, placed, left)
    out.append("</svg>")
    return "\n".join(out)


def _box_svg(spot: _Placed) -> list[str]:
    kind = spot.box.kind
    out = [
        f'<g class="seokb-diagram-box seokb-diagram-box--{kind}">',
        f'<rect x="{_n(spot.x)}" y="{_n(spot.y)}" width="{_n(spot.width)}" height="{_n(spot.height)}" rx="6" '
        'fill="none" stroke="currentColor"/>',
    ]
    # A box of several lines (a list) or of code reads from the left and from the top; a phrase is centred.
    flush = kind == "code" or "\n" in spot.box.text
    y = spot.y + PAD + (0 if flush else (spot.height - spot.content_height()) / 2)
    lines: list[tuple[str, str, int, int]] = [(line, "seokb-diagram-title", FONT, LINE) for line in spot.title]
    if kind == "code":
        lines += [(line, "seokb-diagram-code", CODE_FONT, CODE_LINE) for line in spot.text]
    else:
        lines += [(line, "seokb-diagram-text", FONT, LINE) for line in spot.text]
    x, anchor = (spot.x + PAD, "start") if flush else (spot.cx, "middle")
    for line, css, size, step in lines:
        baseline = y + step / 2 + size * 0.36  # the middle of the line box, less half the x-height
        out.append(
            f'<text class="{css}" x="{_n(x)}" y="{_n(baseline)}" font-size="{size}" text-anchor="{anchor}" '
            f'fill="currentColor">{_e(line)}</text>'
        )
        y += step
    if spot.note:
        if lines:
            y += PAD
        note_height = 2 * NOTE_PAD + LABEL_LINE * len(spot.note)
        out.append(
            f'<rect class="seokb-diagram-note" x="{_n(spot.x + PAD)}" y="{_n(y)}" width="{_n(spot.width - 2 * PAD)}" '
            f'height="{_n(note_height)}" rx="4" fill="none" stroke="currentColor"/>'
        )
        y += NOTE_PAD
        for line in spot.note:
            out.append(
                f'<text class="seokb-diagram-note-text" x="{_n(spot.cx)}" y="{_n(y + LABEL_LINE / 2 + LABEL_FONT * 0.36)}" '
                f'font-size="{LABEL_FONT}" text-anchor="middle" fill="currentColor">{_e(line)}</text>'
            )
            y += LABEL_LINE
    out.append("</g>")
    return out


def _arrow_svg(arrow: Arrow, placed: dict[str, _Placed], left: float) -> list[str]:
    source, target = placed[arrow.source.id], placed[arrow.target.id]
    out = ['<g class="seokb-diagram-arrow">']
    if arrow.up:  # out of the source's left side, up the lane, into the target's left side
        lane = left - LANE / 2
        y1, y2 = source.y + source.height / 2, target.y + target.height / 2
        end = target.x
        out.append(f'<path d="M{_n(source.x)} {_n(y1)}H{_n(lane)}V{_n(y2)}H{_n(end - HEAD)}" fill="none" stroke="currentColor"/>')
        out.append(
            f'<path class="seokb-diagram-head" d="M{_n(end)} {_n(y2)}L{_n(end - HEAD)} {_n(y2 - HEAD / 2)}'
            f'V{_n(y2 + HEAD / 2)}Z" fill="currentColor"/>'
        )
        out.append("</g>")
        return out
    x1, y1, x2, y2 = source.cx, source.bottom, target.cx, target.y
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    ux, uy = (x2 - x1) / length, (y2 - y1) / length  # along the arrow
    bx, by = x2 - ux * HEAD, y2 - uy * HEAD  # the arrowhead's base
    out.append(f'<path d="M{_n(x1)} {_n(y1)}L{_n(bx)} {_n(by)}" fill="none" stroke="currentColor"/>')
    out.append(
        f'<path class="seokb-diagram-head" d="M{_n(x2)} {_n(y2)}L{_n(bx - uy * HEAD / 2)} {_n(by + ux * HEAD / 2)}'
        f'L{_n(bx + uy * HEAD / 2)} {_n(by - ux * HEAD / 2)}Z" fill="currentColor"/>'
    )
    if arrow.label:
        lines = _label_lines(arrow, source.width)
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        top = my - LABEL_LINE * len(lines) / 2
        for number, line in enumerate(lines):
            out.append(
                f'<text class="seokb-diagram-label" x="{_n(mx)}" y="{_n(top + LABEL_LINE * number + LABEL_LINE / 2 + LABEL_FONT * 0.36)}" '
                f'font-size="{LABEL_FONT}" text-anchor="middle" fill="currentColor" paint-order="stroke">{_e(line)}</text>'
            )
    out.append("</g>")
    return out


def diagram_figure(diagram: Diagram, picture: str | None = None) -> str:
    """The <figure>: the picture and its caption, plain text escaped (glossary terms in it are linked later, with
    the rest of the page). `picture` stands in for the SVG when the build puts it in later (see SVG_SLOT)."""
    svg = diagram_svg(diagram) if picture is None else picture
    return f'<figure class="seokb-diagram">\n{svg}\n<figcaption>{_e(diagram.caption)}</figcaption>\n</figure>'


SVG_SLOT = "<!-- seokb-slot: diagram-svg {name} -->"
"""Where the build puts a diagram's SVG as the page is written, after the search index has read the page: a search
finds the caption, not the picture's description read out box by box."""


DIAGRAM_SLOT = "<!-- seokb-slot: diagram {name} -->"
_SLOT = re.compile(r"<!-- seokb-slot: diagram ([a-z0-9-]+) -->")


def fill_diagram_slots(html_text: str, figure: Callable[[str], str]) -> str:
    """Each diagram placeholder (left by the marker) replaced by `figure(name)`. Python-Markdown wraps nothing
    around a comment on a line of its own, so the figure stands as a block of its own."""
    if "seokb-slot: diagram" not in html_text:
        return html_text
    return _SLOT.sub(lambda match: figure(match.group(1)), html_text)
