"""Every page type on a 390 x 844 phone: nothing scrolls the page sideways, a wide table scrolls in its own box with a
cue, and chart and diagram text is at least 12 px as rendered."""

from __future__ import annotations

import pytest
from support.browser import start_theme

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "lesson": "lessons/what-is-link-building/",
    "lesson with a diagram": "lessons/backlinks-vs-link-building/",
    "glossary index": "glossary/",
    "term page": "glossary/backlink/",
    "term page with code": "glossary/robots-txt/",
    "quiz list": "quizzes/",
    "quiz page": "quizzes/choosing-anchor-text/",
    "course test": "course-test/",
    "check a link": "check-a-link/",
    "link profile": "link-profile/",
    "about": "about/",
    "community": "community/",
}

# Text inside an SVG, as rendered: its font size times the SVG's scale on screen.
SMALL_SVG_TEXT = """() => [...document.querySelectorAll('article svg text')]
  .filter(text => text.textContent.trim())
  .map(text => [text.textContent.trim(), parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a])
  .filter(([, px]) => px < 12)"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_page_type_scrolls_sideways(phone, served_site: str, path: str) -> None:
    phone.goto(served_site + path)
    width, inner = phone.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
    assert width <= inner, f"{path or 'home'} is {width} px wide on a {inner} px screen"
    assert phone.evaluate(SMALL_SVG_TEXT) == []


def test_the_link_profile_chart_text_is_readable(phone, served_site: str) -> None:
    phone.goto(served_site + "link-profile/")
    sizes = phone.evaluate(
        "[...document.querySelectorAll('.seokb-link-chart-svg text')]"
        ".map(text => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a)"
    )
    assert len(sizes) > 8 and min(sizes) >= 12
    # No legend line runs past the chart's edge, where the SVG would cut it off.
    overflow = phone.evaluate(
        "[...document.querySelectorAll('.seokb-link-chart-svg text')]"
        ".filter(text => text.getBBox().x + text.getBBox().width > text.ownerSVGElement.viewBox.baseVal.width)"
        ".map(text => text.textContent)"
    )
    assert overflow == []


def test_a_wide_table_scrolls_in_its_own_box_with_a_cue(phone, served_site: str) -> None:
    phone.goto(served_site + "link-profile/")
    # The table is its own scroll box until the theme arrives (on the reader's first touch), then the theme's wrapper.
    for box in ("table:not([class])", ".md-typeset__scrollwrap"):
        if box == ".md-typeset__scrollwrap":
            start_theme(phone)
        boxes = phone.evaluate(
            f"[...document.querySelectorAll('article {box}')]"
            ".filter(box => box.scrollWidth > box.clientWidth)"
            ".map(box => [getComputedStyle(box).overflowX, getComputedStyle(box).backgroundImage])"
        )
        assert boxes, f"the link profile's tables are wider than a phone: this test needs one ({box})"
        for overflow, background in boxes:
            assert overflow == "auto"
            assert background.count("radial-gradient") == 2  # the shadows on the sides that have more to show
