"""axe-core over every kind of page of the real site, in both palettes, with what a reader opens on a page showing
(a quiz's feedback, the link checker's verdict, a term's popover): no serious or critical violation anywhere, and none at all inside a
diagram. Each page is loaded once, in a dark-mode browser (so the palette the reader's system asks for is the one
shown), checked, switched to light mode with the header's toggle and checked again."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from support.browser import LESSON, PLACES, RESULT, answer, answer_guild_quiz, ready_checker, start_theme
from support.project import REPO, switch_palette

pytestmark = pytest.mark.browser
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"

# One page of each kind, and every lesson with a diagram.
PAGES = sorted(
    {"", "glossary/", "glossary/anchor-text/", "quizzes/", "check-a-link/", "course-test/", "lessons/faq/", LESSON}
    | {"review/", "cheat-sheet/"}
    | {f"lessons/{lesson}/" for _, lesson in PLACES}
)


POPOVER_PAGE = "lessons/faq/"


def open_popover(page) -> None:
    term = page.locator("a.seokb-term").first
    # Mid-screen first: focus alone may leave it under the sticky header, which axe then reads as its background.
    term.evaluate("link => link.scrollIntoView({block: 'center'})")
    term.focus()
    expect(page.get_by_role("tooltip")).to_be_visible()


def open_what_a_reader_opens(page, path: str) -> None:
    if path == POPOVER_PAGE:  # a linked term's definition
        open_popover(page)
    if path == LESSON:  # the quiz's feedback and explanations
        answer_guild_quiz(page, rightly=False)
    if path == "review/":  # a card's answer, the rating buttons, a progress code and its QR code
        page.locator("[data-seokb-review][data-seokb-ready]").wait_for(state="attached")
        page.keyboard.press("Space")
        page.get_by_role("button", name="Make a code of my progress").click()
        expect(page.locator("[data-seokb-qr] svg")).to_be_visible()
    if path == "check-a-link/":  # the verdict box
        answer(ready_checker(page), "yynnyy", ("automated",))
        expect(page.locator(RESULT)).to_be_visible()


def violations(page, scheme: str) -> list[str]:
    """axe's serious and critical violations on the whole page, and every violation inside a diagram."""
    found = page.evaluate(
        """async () => {
          const page = await axe.run(document, {resultTypes: ['violations']});
          const figures = document.querySelector('figure.seokb-diagram')
            ? await axe.run({include: [['figure.seokb-diagram']]}, {resultTypes: ['violations']}) : {violations: []};
          return [...page.violations.filter(v => v.impact === 'serious' || v.impact === 'critical'),
                  ...figures.violations.map(v => ({...v, id: `${v.id} in a diagram`}))];
        }"""
    )
    return [f"{scheme}: {v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in found]


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_no_serious_accessibility_violation_in_either_palette(browser, served_site: str, path: str) -> None:
    assert AXE.exists(), "axe-core is missing: run `make test`, which installs it with npm ci"
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(served_site + path)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"  # from the first paint
    start_theme(page)  # the page as a reader has it after a first touch: the theme's markup is checked too
    open_what_a_reader_opens(page, path)
    page.add_script_tag(path=str(AXE))
    problems = violations(page, "slate")
    switch_palette(page, "default")
    if path == POPOVER_PAGE:  # the toggle's click closed it
        open_popover(page)
    problems += violations(page, "default")
    context.close()
    assert problems == [], "\n".join(problems)
