"""A diagram drawn as inline SVG: the golden picture, escaping, the text alternative and the palette-only styling."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support.golden import assert_golden

from seokb.content.diagram import SCHEMA_LINE, Arrow, Box, Diagram, Row, load_diagrams, read_diagram
from seokb.diagnostics import Diagnostics
from seokb.site.diagram_svg import WIDTH, describe, diagram_figure, diagram_svg, fill_diagram_slots, text_width, wrap

REPO = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"

# Every feature of the format once: a group, a code box, a note, the three other kinds, a labelled arrow, a row of
# three, and an arrow back up.
EVERYTHING = f"""{SCHEMA_LINE}
alt: Every feature of a diagram.
caption: A loop from a page through its link to three parts, and back.
rows:
  - group: "Site A: a blog"
    boxes:
      - id: page
        title: The page
        text: where the link sits, on site A
        note: "Links help: a note"
        kind: highlight
  - boxes:
      - id: code
        kind: code
        text: |
          <a href="https://b.example/">
          words</a>
  - boxes:
      - id: one
        title: One
        text: the first of three
      - id: two
        title: Two
        kind: warning
      - id: three
        text: |
          a list
          of lines
arrows:
  - from: page
    to: code
    label: holds
  - from: code
    to: one
  - from: code
    to: two
  - from: code
    to: three
  - from: one
    to: page
"""


def everything() -> Diagram:
    report = Diagnostics()
    diagram = read_diagram(EVERYTHING, "diagrams/everything.yml", "everything", report)
    assert not report and diagram is not None, report.sorted()
    return diagram


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_the_golden_diagram() -> None:
    assert_golden("diagram-everything.svg", diagram_svg(everything()) + "\n")


def test_a_real_diagram_matches_its_golden_picture() -> None:
    diagrams = load_diagrams(REPO, Diagnostics())
    diagram = diagrams.get("measure-and-manage")
    assert diagram is not None
    assert_golden("diagram-measure-and-manage.svg", diagram_svg(diagram) + "\n")


def test_the_svg_is_well_formed_named_and_described() -> None:
    root = parse(diagram_svg(everything()))
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == title.get("id") == "seokb-diagram-everything-title"
    assert root.get("aria-describedby") == desc.get("id") == "seokb-diagram-everything-desc"
    assert title.text == "Every feature of a diagram."
    assert root.get("viewBox", "").startswith(f"0 0 {WIDTH} ")


def test_the_description_names_every_box_and_arrow() -> None:
    text = describe(everything())
    assert text == (
        "Row 1 (inside the frame “Site A: a blog”): “The page: where the link sits, on site A (note: Links help: a note)”. "
        'Row 2: “<a href="https://b.example/"> words</a>”. '
        "Row 3: “One: the first of three”; “Two”; “a list of lines”. "
        'An arrow goes from “The page” to “<a href="https://b.example/">”, labelled “holds”. '
        'An arrow goes from “<a href="https://b.example/">” to “One”. '
        'An arrow goes from “<a href="https://b.example/">” to “Two”. '
        'An arrow goes from “<a href="https://b.example/">” to “a list”. '
        "An arrow goes from “One” back up to “The page”."
    )


def test_the_picture_holds_no_colour_of_its_own() -> None:
    """Every colour comes from site.css, which uses Material's palette variables: none is written in the SVG."""
    svg = diagram_svg(everything())
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(|style=", svg)
    assert set(re.findall(r'(?:fill|stroke)="([^"]*)"', svg)) == {"none", "currentColor"}
    css = (REPO / "hooks/seokb/site/assets/site.css").read_text(encoding="utf-8")
    rules = css[css.index(".md-typeset .seokb-diagram {") :]
    colours = re.findall(r"(?:fill|stroke|color):\s*([^;]+);", rules)
    assert colours and all(value.startswith("var(--md-") or value == "none" for value in colours), colours


def test_every_class_the_svg_uses_is_styled() -> None:
    css = (REPO / "hooks/seokb/site/assets/site.css").read_text(encoding="utf-8")
    used = set(re.findall(r"seokb-diagram[\w-]*", diagram_figure(everything())))
    # A plain box is what the base rule, .seokb-diagram-box rect, paints.
    unstyled = {"seokb-diagram-everything-title", "seokb-diagram-everything-desc", "seokb-diagram-box--plain"}
    assert used - unstyled <= set(re.findall(r"seokb-diagram[\w-]*", css))


PAYLOADS = [
    "</text><script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</title></svg><svg onload=alert(1)>",
    "&lt;b&gt; & <!-- -->",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_is_escaped_wherever_it_lands(payload: str) -> None:
    """The checks refuse these (tests/content/test_diagram_source.py); the drawing escapes them anyway."""
    source = Box("a", title=payload, text=payload, note=payload, row=0)
    target = Box("b", title="B", kind="code", text=payload, row=1)
    diagram = Diagram(
        name="hostile",
        alt=payload,
        caption=payload,
        rows=(Row((source,), group=payload), Row((target,))),
        arrows=(Arrow(source, target, payload),),
    )
    figure = diagram_figure(diagram)
    root = parse(figure)  # still one well-formed element: nothing closed early
    assert root.tag == "figure"
    assert [element.tag for element in root.iter() if element.tag in ("script", "img", f"{SVG}script")] == []
    assert all(not name.startswith("on") for element in root.iter() for name in element.attrib)
    assert "<script" not in figure and "<img" not in figure
    svg = root.find(f"{SVG}svg")
    assert svg is not None
    assert svg.findtext(f"{SVG}title") == payload  # read back as the very text that was written
    assert payload in (svg.findtext(f"{SVG}desc") or "")
    drawn = " ".join(" ".join(element.itertext()) for element in svg.iter(f"{SVG}text"))
    assert payload.split()[0] in drawn
    caption = root.find("figcaption")
    assert caption is not None and caption.text == payload


def test_wrapping_keeps_every_word_and_each_line_within_its_width() -> None:
    text = "Google works out what the page is about and stores it in its index"
    lines = wrap(text, 150, 15)
    assert " ".join(lines) == text
    assert len(lines) > 1
    assert all(text_width(line, 15) <= 150 for line in lines)
    assert wrap("one\ntwo", 300, 15) == ["one", "two"]  # a line break in the source stays one


def test_a_slot_becomes_the_figure_and_an_unknown_one_nothing() -> None:
    html = "<p>a</p>\n<!-- seokb-slot: diagram everything -->\n<!-- seokb-slot: diagram gone -->\n"
    known = {"everything": diagram_figure(everything())}
    out = fill_diagram_slots(html, lambda name: known.get(name, ""))
    assert out.count('<figure class="seokb-diagram">') == 1
    assert "seokb-slot" not in out
