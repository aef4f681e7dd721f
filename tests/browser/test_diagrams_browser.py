"""Every diagram of the real site in Chromium: painted from the palette in light and dark mode, readable (contrast,
text inside its boxes, an accessible name and description), and as wide as a 360 px phone allows without scrolling
sideways. axe-core checks them with the rest of their pages, in tests/browser/test_accessibility_browser.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.browser import PLACES
from support.project import switch_palette

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SCHEMES = {"light": "default", "dark": "slate"}

# The colours one diagram shows, as the browser computed them, and each text's contrast with what lies under it.
READ_COLOURS = """(figure) => {
  const parse = (value) => {
    const m = value.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  let page = parse(getComputedStyle(document.body).backgroundColor);
  if (!page || page[3] === 0) page = [255, 255, 255, 1];
  const texts = [];
  for (const text of figure.querySelectorAll("svg text")) {
    const box = text.closest(".seokb-diagram-box");
    let under = page;
    if (box) {
      const note = text.classList.contains("seokb-diagram-note-text") ? box.querySelector("rect.seokb-diagram-note") : null;
      under = over(parse(getComputedStyle(box.querySelector("rect")).fill), page);
      if (note) under = over(parse(getComputedStyle(note).fill), under);
    }
    const colour = over(parse(getComputedStyle(text).fill), under);
    texts.push({ text: text.textContent, ratio: contrast(colour, under) });
  }
  const style = (selector, property) => {
    const element = figure.querySelector(selector);
    return element ? getComputedStyle(element)[property] : null;
  };
  return {
    texts,
    boxStroke: style(".seokb-diagram-box rect", "stroke"),
    boxFill: style(".seokb-diagram-box rect", "fill"),
    textFill: style("svg text", "fill"),
    arrowStroke: style(".seokb-diagram-arrow path", "stroke"),
    caption: style("figcaption", "color"),
    fg: getComputedStyle(document.body).getPropertyValue("--md-default-fg-color").trim(),
  };
}"""

# Every line of text inside its box (the layout wraps by measuring a font at least as wide as the browser's).
TEXT_OUTSIDE_BOXES = """(figure) => {
  const outside = [];
  for (const box of figure.querySelectorAll(".seokb-diagram-box")) {
    const r = box.querySelector("rect").getBBox();
    for (const text of box.querySelectorAll("text")) {
      const t = text.getBBox();
      if (t.x < r.x - 0.5 || t.x + t.width > r.x + r.width + 0.5 || t.y < r.y - 0.5 || t.y + t.height > r.y + r.height + 0.5)
        outside.push(text.textContent);
    }
  }
  return outside;
}"""


def figure_of(page, name: str):
    return page.locator("figure.seokb-diagram", has=page.locator(f'svg[aria-labelledby="seokb-diagram-{name}-title"]'))


def test_every_diagram_of_the_course_is_placed_in_a_lesson() -> None:
    names = [name for name, _ in PLACES]
    assert len(names) == len(set(names)) >= 7
    assert {path.stem for path in (REPO / "diagrams").glob("*.yml")} == set(names)


def diagrams_in(lesson: str) -> list[str]:
    return [name for name, place in PLACES if place == lesson]


LESSONS = sorted({lesson for _, lesson in PLACES})


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_diagram_follows_the_palette_and_stays_readable(browser, served_site: str, lesson: str) -> None:
    # One load per lesson: its diagrams read in light mode, then again after the header's toggle turns the page dark.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    page.goto(f"{served_site}lessons/{lesson}/")
    seen: dict[str, dict[str, dict]] = {name: {} for name in diagrams_in(lesson)}
    for scheme in SCHEMES.values():
        if scheme != "default":
            switch_palette(page, scheme)
        assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
        for name in seen:
            figure = figure_of(page, name)
            colours = figure.evaluate(READ_COLOURS)
            low = [(t["text"], round(t["ratio"], 2)) for t in colours["texts"] if t["ratio"] < 4.5]
            assert low == [], f"{name} in {scheme}: text below 4.5:1 against its background: {low}"
            seen[name][scheme] = colours
    for name in seen:
        figure = figure_of(page, name)
        assert figure.evaluate(TEXT_OUTSIDE_BOXES) == [], f"{name}: text runs out of its box"
        # The accessible name and description are what a screen reader announces: the alt and every box.
        named = figure.locator("svg").evaluate(
            "(svg) => [document.getElementById(svg.getAttribute('aria-labelledby')).textContent,"
            " document.getElementById(svg.getAttribute('aria-describedby')).textContent]"
        )
        assert named[0] and named[1].startswith("Row 1"), (name, named)
        light, dark = seen[name]["default"], seen[name]["slate"]
        for part in ("boxStroke", "textFill", "arrowStroke", "caption"):
            assert light[part] != dark[part], f"{name}: {part} is {light[part]} in both palettes"
        assert light["fg"] != dark["fg"]
    context.close()


@pytest.mark.parametrize("width", [360, 390])
def test_a_phone_shows_every_diagram_without_scrolling_sideways(browser, served_site: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme="light")
    page = context.new_page()
    for lesson in LESSONS:
        page.goto(f"{served_site}lessons/{lesson}/")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{lesson} scrolls sideways by {overflow} px at {width} px"
        for name in diagrams_in(lesson):
            figure = figure_of(page, name)
            sizes = figure.evaluate(
                "(f) => { const s = f.querySelector('svg'); return {scroll: f.scrollWidth, client: f.clientWidth,"
                " svg: s.getBoundingClientRect().width, units: s.viewBox.baseVal.width,"
                " smallest: Math.min(...[...s.querySelectorAll('text')].map((t) => parseFloat(t.getAttribute('font-size'))))}; }"
            )
            assert sizes["scroll"] <= sizes["client"], f"{name} overflows its figure at {width} px: {sizes}"
            assert sizes["svg"] <= sizes["client"] + 0.5
            shown = sizes["smallest"] * sizes["svg"] / sizes["units"]
            assert shown >= 11, f"{name}: its smallest text is {shown:.1f} px at {width} px"
    context.close()
