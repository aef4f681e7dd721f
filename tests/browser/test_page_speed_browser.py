"""The real site in Chromium at a phone's width: nothing moves once it has painted (layout shifts), every control
is a target of at least 24x24 px (WCAG 2.2, 2.5.8), and scripts placed per page still run after instant navigation."""

from __future__ import annotations

import re

import pytest
from support.browser import start_theme

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PAGE_TYPES = {
    "home": "",
    "lesson": "lessons/what-is-a-backlink/",
    "glossary index": "glossary/",
    "term page": "glossary/backlink/",
    "quiz list": "quizzes/",
    "quiz page": "quizzes/judge-a-quilting-guild-link/",
    "link profile": "link-profile/",
    "link checker": "check-a-link/",
}

# Every layout shift from the first paint on, kept by the page itself (buffered: shifts before the observer too).
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    window.__shifts.push({
      value: entry.value,
      input: entry.hadRecentInput,
      nodes: entry.sources.map(s => s.node ? (s.node.outerHTML || s.node.textContent || "").slice(0, 120) : "?"),
    });
  }
}).observe({ type: "layout-shift", buffered: true });
"""

# Each visible a, button, input, label, summary and select, with its size. Exempt, as WCAG's "inline" exception
# allows: an inline target in a sentence (its nearest block holds more text than its own), or in the text of a
# paragraph, list item or table cell of the page's content (a lesson's list of links is text, at its line height).
# Visually hidden inputs (1 px, or transparent) are not targets: their labels are.
MEASURE_TARGETS = """
() => {
  const small = [];
  const width = window.innerWidth;
  const words = el => (el.textContent || "").replace(/\\s+/g, " ").trim();
  for (const el of document.querySelectorAll("a[href], button, input, label, summary, select, [role=button]")) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width <= 1 || box.height <= 1 || style.visibility === "hidden" || style.opacity === "0") continue;
    if (box.right <= 0 || box.left >= width) continue;  // off-canvas: the closed drawer
    if (el.closest("[hidden], .md-search, .md-dialog, .md-tooltip2, [aria-hidden=true]")) continue;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    const inline = style.display.startsWith("inline") && !el.matches("input, select, button");
    if (inline && block && words(block).length > words(el).length) continue;
    if (inline && el.closest(".md-typeset :is(p, li, dt, dd, td)")) continue;
    // A checkbox or radio button is pressed through its label too: the label is the target, measured as one.
    if (el.matches("input") && [...el.labels].some(label => label.contains(el))) continue;
    if (box.width < 24 || box.height < 24) {
      small.push(`${el.tagName.toLowerCase()} "${words(el).slice(0, 40) || el.getAttribute("aria-label") || el.id}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}
"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    context.add_init_script(RECORD_SHIFTS)
    tab = context.new_page()
    yield tab
    context.close()


def settled(page) -> None:
    """Loaded, our scripts' set-up done, the theme's bundle run as after a reader's first touch (its arrival must not
    move the page either), and two frames painted after that, with a task after them: a layout shift is reported to
    its observer by then."""
    page.wait_for_load_state("load")
    page.wait_for_load_state("networkidle")
    start_theme(page)
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))))")


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_on_a_phone_nothing_moves_once_painted_and_every_target_is_24_px(phone, served_site: str, name: str) -> None:
    # One load checks both: the shifts while the page settles, then the targets of the settled page. Every script
    # arrives after the first paint (scripts-on-demand.js: the page's own once its text shows, the theme's at the
    # first touch), so a shift any of them causes is one the observer sees.
    phone.goto(served_site + PAGE_TYPES[name])
    settled(phone)
    shifts = phone.evaluate("window.__shifts")
    assert [shift for shift in shifts if not shift["input"]] == [], f"{name}: the layout moved after the first paint"
    assert phone.evaluate(MEASURE_TARGETS) == [], f"{name}: targets smaller than 24x24 px"


def test_a_quiz_reached_by_instant_navigation_still_checks_answers(page, served_site: str) -> None:
    page.goto(served_site)
    settled(page)
    page.evaluate("window.__same_page = true")  # gone if the browser loaded a new document
    page.locator(".md-nav a", has_text="Quizzes").first.click()
    page.wait_for_url("**/quizzes/")
    page.locator('[data-seokb-quiz-id="judge-a-quilting-guild-link"] a').first.click()
    page.wait_for_url("**/quizzes/judge-a-quilting-guild-link/")
    assert page.evaluate("window.__same_page === true"), "the theme's instant navigation did not take the clicks"
    page.get_by_role("button", name="Check").click()
    status = page.locator(".seokb-quiz-status")
    status.wait_for(state="visible")
    assert "Score:" in status.inner_text()
    # Back on the list, also without a reload, the progress line says the quiz was done.
    page.go_back()
    page.wait_for_url("**/quizzes/")
    entry = page.locator('[data-seokb-quiz-id="judge-a-quilting-guild-link"] [data-seokb-progress]')
    entry.filter(has_text="Done").wait_for()


def test_a_term_page_reached_by_instant_navigation_copies_its_link(page, served_site: str) -> None:
    page.goto(served_site + "glossary/")
    settled(page)
    page.evaluate("window.__same_page = true")
    page.locator('.seokb-index a[href$="backlink/"]').first.click()
    # navigation.tracking may carry the index's current letter (#letter-other, above the 301 and 302 entries) along.
    page.wait_for_url(re.compile(r".*/glossary/backlink/(#[\w-]*)?$"))
    assert page.evaluate("window.__same_page === true")
    page.get_by_role("button", name="Copy link").click()
    page.locator(".seokb-copy-status").filter(has_text="ink").wait_for()  # "Link copied." or how to copy it
