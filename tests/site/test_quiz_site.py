"""Quizzes on the real site, in a real browser: embedded in lessons, with instant navigation, progress and no-JS.
axe-core checks the quiz pages in tests/browser/test_accessibility_browser.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.browser import LESSON, QUIZ, answer_guild_quiz, start_theme, status

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]


def test_a_checklist_in_a_lesson_answered_wrongly_then_rightly(page, served_site: str) -> None:
    page.goto(served_site + LESSON)
    assert page.locator(QUIZ).count() == 1
    answer_guild_quiz(page, rightly=False)
    assert status(page) == "Score: 0 of 8 points."
    first = page.locator(f"{QUIZ}-q1-a1-feedback").inner_text()
    assert first.startswith("✗ Wrong: this holds, so tick it.")
    page.locator(QUIZ).get_by_role("button", name="Try again").click()
    answer_guild_quiz(page, rightly=True)
    assert status(page) == "Score: 8 of 8 points. All right, well done!"
    assert page.locator(f"{QUIZ}-q1-a1-feedback").inner_text().startswith("✓ Right: this holds, and you ticked it.")


def test_progress_is_kept_and_listed_after_a_reload(page, served_site: str) -> None:
    page.goto(served_site + LESSON)
    answer_guild_quiz(page, rightly=True)
    page.reload()
    saved = json.loads(page.evaluate("localStorage.getItem('seokb:quiz:judge-a-quilting-guild-link')"))
    assert saved["done"] is True and saved["best"] == saved["max"] == 8
    page.goto(served_site + "quizzes/")
    entry = page.locator("li", has=page.get_by_role("link", name="Judge a link from a quilting guild"))
    assert "8 of 8" in entry.inner_text()
    quizzes = len(list((REPO / "quizzes").glob("*.yml")))
    assert f"You have done 1 of {quizzes} quizzes" in page.locator("article").inner_text()


def test_a_quiz_still_works_after_leaving_and_returning_by_instant_navigation(page, served_site: str) -> None:
    page.goto(served_site + LESSON)
    start_theme(page)
    page.evaluate("window.sameDocument = true")  # survives only if navigation never reloads the page
    page.locator(".md-nav__link", has_text="Glossary").first.click()
    page.wait_for_url("**/glossary/")
    page.go_back()
    page.wait_for_url("**/" + LESSON)
    # Instant navigation fetches the page and swaps its content in: let that finish before answering.
    page.wait_for_load_state("networkidle")
    page.locator(QUIZ).wait_for()
    assert page.evaluate("window.sameDocument") is True, "the browser reloaded: instant navigation is off"
    answer_guild_quiz(page, rightly=True)
    assert status(page) == "Score: 8 of 8 points. All right, well done!"
    assert page.locator(f"{QUIZ} .seokb-question-result").count() == 2  # one result per question: bound once


def test_the_quiz_page_of_its_own_works_too(page, served_site: str) -> None:
    page.goto(served_site + "quizzes/judge-a-quilting-guild-link/")
    answer_guild_quiz(page, rightly=True)
    assert status(page) == "Score: 8 of 8 points. All right, well done!"
    assert page.get_by_role("link", name="What makes a backlink high quality").count() == 1


def test_without_javascript_the_answers_are_in_details(browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + LESSON)
    key = page.locator(f"{QUIZ}-q1-a1-key")
    assert key.is_hidden()
    page.locator(f"{QUIZ} details summary").first.click()
    assert key.is_visible() and key.inner_text().startswith("✓ True: tick it.")
    context.close()


def test_terms_in_explanations_are_linked_like_lesson_text(page, served_site: str) -> None:
    page.goto(served_site + "quizzes/backlink-or-link-building/")
    linked = page.locator(".seokb-quiz .seokb-explain a.seokb-term, .seokb-quiz details a.seokb-term")
    assert linked.count() >= 1
    # Never inside what a reader clicks to answer: a link in a label would steal the tick.
    assert page.locator(".seokb-quiz label a, .seokb-quiz legend a, .seokb-quiz summary a").count() == 0
