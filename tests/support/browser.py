"""What the browser tests share: starting the theme, answering the link checker and the guild quiz, the diagrams'
places."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from support.project import REPO

CHECK = "form[data-seokb-check]"

MARKER = re.compile(r"<!--\s*seokb:diagram\s+([a-z0-9-]+)\s*-->")


RESULT = "[data-seokb-check-result]"


def start_theme(page) -> None:
    """The theme running on the open page, as after a reader's first touch, scroll or key (scripts-on-demand.js loads
    its bundle then), with its list of the site's pages fetched, which instant navigation needs before it takes a
    click. A click alone would load the theme too late to take that same click."""
    if page.evaluate("typeof document$ !== 'undefined'"):
        return
    with page.expect_event("requestfinished", lambda request: request.url.endswith("/sitemap.xml")):
        page.evaluate("window.dispatchEvent(new Event('pointerdown'))")
    page.wait_for_function("typeof document$ !== 'undefined' && typeof location$ !== 'undefined'")


def ready_checker(page):
    """The checker's form on the open page, once its script has set it up."""
    page.locator(f"{CHECK}[data-seokb-ready]").wait_for(state="attached")
    return page.locator(CHECK)


def answer(form, answers: str, risks: tuple[str, ...] = ()) -> None:
    """`answers` holds one letter per question, y or n (or - to leave it open)."""
    for number, letter in enumerate(answers, start=1):
        if letter != "-":
            form.locator(f'input[name="q{number}"][value="{"yes" if letter == "y" else "no"}"]').check()
    for risk in risks:
        form.locator(f'input[name="risk"][value="{risk}"]').check()
    form.get_by_role("button", name="Show the verdict").click()


# Each diagram and the lesson that embeds it, read from the lessons themselves.
PLACES = sorted(
    (name, path.stem)
    for path in (REPO / "docs" / "lessons").glob("*.md")
    for name in MARKER.findall(path.read_text(encoding="utf-8"))
)


LESSON = "lessons/high-quality-backlinks/"


QUIZ = "#quiz-judge-a-quilting-guild-link"


def status(page) -> str:
    return page.locator(f"{QUIZ} .seokb-quiz-status").inner_text()


def answer_guild_quiz(page, *, rightly: bool) -> None:
    # quiz.js marks a quiz it has set up; after instant navigation that happens once the new content is announced.
    page.locator(f"form{QUIZ}[data-seokb-ready]").wait_for(state="attached")
    quiz = page.locator(QUIZ)
    for box in quiz.locator("fieldset").first.locator("input[type=checkbox]").all():
        box.set_checked(rightly)  # in this scenario every statement holds (seven, with the rel question)
    quiz.get_by_label("Worth having" if rightly else "Risky", exact=False).check()
    # Every answer still in place (the content was not swapped under the test) before checking.
    expect(quiz.locator("input:checked")).to_have_count(8 if rightly else 1)
    quiz.get_by_role("button", name="Check").click()
