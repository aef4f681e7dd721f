"""The course in a real browser: the link checker turns answers into a verdict, and finished lessons are marked on the
home page, kept in localStorage across visits."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from support.browser import CHECK, RESULT, answer, ready_checker

pytestmark = pytest.mark.browser


def open_checker(page, served_site: str):
    page.goto(served_site + "check-a-link/")
    return ready_checker(page)


@pytest.mark.parametrize(
    ("answers", "risks", "verdict", "next_step"),
    [
        ("yyyyyyy", (), "Verdict: worth having", "It fails none of the seven questions."),
        ("yyynyyy", (), "Verdict: worth having", "keep it"),  # one failed question is still worth having
        ("yyyynyy", (), "Verdict: worth having", "the link has a rel label"),  # a labeled link alone is no worry
        ("ynnyyyy", (), "Verdict: low value", "do not spend time chasing links like it"),
        ("yyyyyyy", ("bought",), "Verdict: risky", 'rel="sponsored"'),
        ("nnnnnnn", ("swapped", "keyword"), "Verdict: risky", "Let sites describe your page in their own words"),
        # Google's other link spam examples are risk signs too, each with its own next step.
        ("yyyyyyy", ("directory",), "Verdict: risky", "low-quality directories and bookmark sites"),
        ("yyyyyyy", ("forum",), "Verdict: risky", "forum posts and signatures"),
        ("yyyyyyy", ("made-for-links",), "Verdict: risky", "low-value pages just to hold links"),
    ],
)
def test_the_answers_give_the_rubric_s_verdict_and_what_to_do(
    page, served_site: str, answers: str, risks: tuple[str, ...], verdict: str, next_step: str
) -> None:
    form = open_checker(page, served_site)
    answer(form, answers, risks)
    result = page.locator(RESULT)
    expect(result).to_be_visible()
    expect(result.locator(".seokb-check-verdict")).to_have_text(verdict)
    expect(result).to_contain_text(next_step)
    expect(result).to_be_focused()  # a screen reader and a keyboard land on the verdict


def test_an_open_question_asks_for_an_answer_and_a_change_updates_the_verdict(page, served_site: str) -> None:
    form = open_checker(page, served_site)
    answer(form, "yyyyyy-")
    result = page.locator(RESULT)
    expect(result).to_have_attribute("data-seokb-verdict", "open")
    expect(result).to_contain_text("1 is still open")
    form.locator('input[name="q7"][value="no"]').check()
    expect(result).to_have_attribute("data-seokb-verdict", "worth-having")
    form.locator('input[name="q6"][value="no"]').check()
    expect(result).to_have_attribute("data-seokb-verdict", "low-value")
    expect(result).to_contain_text("the site does not look alive and believable")
    form.locator('input[name="risk"][value="automated"]').check()
    expect(result).to_have_attribute("data-seokb-verdict", "risky")
    form.get_by_role("button", name="Start again").click()
    expect(result).to_be_hidden()
    expect(form.locator("input:checked")).to_have_count(0)


def test_a_ticked_risk_sign_alone_asks_for_the_answers_before_any_verdict(page, served_site: str) -> None:
    form = open_checker(page, served_site)
    answer(form, "-------", ("bought",))
    result = page.locator(RESULT)
    expect(result).to_have_attribute("data-seokb-verdict", "open")
    expect(result.locator(".seokb-check-verdict")).to_have_text("Answer every question first: 7 are still open.")
    expect(result).not_to_contain_text("fails none")
    answer(form, "yyyyyyy")
    expect(result).to_have_attribute("data-seokb-verdict", "risky")
    expect(result).to_contain_text("It fails none of the seven questions.")


def test_without_javascript_the_checker_is_a_plain_checklist(browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "check-a-link/")
    form = page.locator(CHECK)
    expect(form.locator("input[type=checkbox]")).to_have_count(10)  # ten risk signs: Google's eleven link spam examples
    expect(form.locator("input[type=radio]")).to_have_count(14)  # seven questions, yes or no
    expect(form.get_by_role("button")).to_have_count(0)  # nothing to press that would need the script
    form.get_by_label("Swapped.", exact=False).check()  # the boxes still tick, for a reader who prints the page
    expect(page.locator("#the-three-verdicts")).to_be_visible()
    context.close()


def test_a_finished_lesson_is_marked_on_the_home_page_after_a_reload(page, served_site: str) -> None:
    page.goto(served_site)
    summary = page.locator("[data-seokb-course-summary]")
    expect(summary).to_have_text("Lessons you finish are marked here, in this browser only.")
    expect(page.locator(".seokb-read-mark")).to_have_count(0)
    start = page.locator("[data-seokb-start]")
    expect(start).to_have_text("Start lesson 1")

    page.goto(served_site + "lessons/what-is-link-building/")
    expect(page.locator(".seokb-lesson-number")).to_have_text("Lesson 2 of 10")
    key = "seokb:lesson:lessons/what-is-link-building/"
    assert page.evaluate(f"localStorage.getItem('{key}')") is None, "opening a lesson is not reading it"
    page.locator("article > :last-child").scroll_into_view_if_needed()
    page.wait_for_function(f"localStorage.getItem('{key}') !== null")

    page.goto(served_site)
    page.reload()
    item = page.locator("#the-path + ol > li", has=page.get_by_role("link", name="What is link building?"))
    expect(item.locator(".seokb-read-mark")).to_have_text("✓ Read")
    expect(page.locator(".seokb-read-mark")).to_have_count(1)
    expect(summary).to_have_text("You have read 1 of 10 lessons in this browser.")
    # The start button continues after the furthest lesson read.
    expect(start).to_have_text("Continue: lesson 3")
    start.click()
    page.wait_for_url("**/lessons/backlinks-vs-link-building/")


def test_read_marks_appear_after_instant_navigation_back_home(page, served_site: str) -> None:
    page.goto(served_site + "lessons/faq/")
    page.evaluate("window.sameDocument = true")
    page.locator("article > :last-child").scroll_into_view_if_needed()
    page.wait_for_function("localStorage.getItem('seokb:lesson:lessons/faq/') !== null")
    page.locator(".md-nav__link", has_text="Home").first.click()
    # Material's navigation.tracking writes the anchor last read into the address as it leaves the page, so the
    # home page's address may carry the lesson's '#terms-in-this-lesson' for a moment: compare without it.
    page.wait_for_url(lambda url: url.split("#")[0] == served_site)
    item = page.locator("#the-path + ol > li", has=page.get_by_role("link", name="Frequently asked questions"))
    expect(item.locator(".seokb-read-mark")).to_be_visible()
    assert page.evaluate("window.sameDocument") is True, "the browser reloaded: instant navigation is off"


@pytest.mark.parametrize(
    ("read", "button", "goes_to"),
    [
        ([], "Start lesson 1", "lessons/what-is-a-backlink/"),
        (["what-is-a-backlink"], "Continue: lesson 2", "lessons/what-is-link-building/"),
        (["what-is-a-backlink", "safe-link-building"], "Continue: lesson 8", "lessons/beginner-mistakes/"),
        (["faq"], "Take the course test", "course-test/"),
    ],
)
def test_the_home_button_names_the_lesson_to_read_next(page, served_site: str, read, button, goes_to) -> None:
    page.goto(served_site + "about/")
    for slug in read:
        page.evaluate(f"localStorage.setItem('seokb:lesson:lessons/{slug}/', JSON.stringify({{read: true}}))")
    page.goto(served_site)
    start = page.locator("[data-seokb-start]")
    expect(start).to_have_text(button)
    start.click()
    page.wait_for_url(lambda url: url.split("#")[0] == served_site + goes_to)


def test_the_start_button_is_above_the_fold_on_a_phone(browser, served_site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(served_site)
    promise = page.locator(".seokb-promise")
    box = page.get_by_role("link", name="Start lesson 1").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844
    assert promise.bounding_box()["y"] < box["y"]  # type: ignore[index]
    context.close()
