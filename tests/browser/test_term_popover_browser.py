"""A linked term's popover in a real browser: a tap, a hover and keyboard focus show the definition without leaving the
lesson; a second tap, Escape and a tap outside do what a reader expects; without a script the link is a link."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from support.browser import start_theme

pytestmark = pytest.mark.browser

LESSON = "lessons/what-is-a-backlink/"
TERM = "a.seokb-term[href$='glossary/anchor-text/']"
DEFINITION = "The visible, clickable words of a link, which hint at what the linked page is about."


def path(url: str) -> str:
    return urlsplit(url).path


def test_a_tap_opens_the_popover_and_the_address_stays(phone, served_site: str) -> None:
    phone.goto(served_site + LESSON)
    link = phone.locator(TERM).first
    link.scroll_into_view_if_needed()
    link.tap()
    popover = phone.get_by_role("tooltip")
    expect(popover).to_be_visible()
    expect(popover).to_contain_text(DEFINITION)
    assert path(phone.url) == "/" + LESSON  # the theme's navigation.tracking may add a #heading
    expect(link).to_have_attribute("aria-describedby", "seokb-term-popover")
    box = popover.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    size = popover.evaluate("node => getComputedStyle(node.querySelector('p')).fontSize")
    assert size == "16px"
    # The second tap follows the link, as does the popover's own link.
    link.tap()
    phone.wait_for_url("**/glossary/anchor-text/")


def test_the_popover_link_opens_the_entry(phone, served_site: str) -> None:
    phone.goto(served_site + LESSON)
    phone.locator(TERM).first.tap()
    phone.get_by_role("link", name="Read the entry: anchor text").tap()
    phone.wait_for_url("**/glossary/anchor-text/")


def test_a_tap_outside_closes_it(phone, served_site: str) -> None:
    phone.goto(served_site + LESSON)
    phone.locator(TERM).first.tap()
    expect(phone.get_by_role("tooltip")).to_be_visible()
    phone.locator("article h1").tap()
    expect(phone.get_by_role("tooltip")).to_be_hidden()
    assert path(phone.url) == "/" + LESSON  # the theme's navigation.tracking may add a #heading


def test_focus_opens_it_and_escape_closes_it(page, served_site: str) -> None:
    page.goto(served_site + LESSON)
    link = page.locator(TERM).first
    link.focus()
    popover = page.get_by_role("tooltip")
    expect(popover).to_contain_text(DEFINITION)
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    expect(link).not_to_have_attribute("aria-describedby", "seokb-term-popover")
    expect(link).to_be_focused()
    page.keyboard.press("Enter")  # the link is still a link for the keyboard
    page.wait_for_url("**/glossary/anchor-text/")


def test_hover_opens_it_and_moving_away_closes_it(page, served_site: str) -> None:
    page.goto(served_site + LESSON)
    link = page.locator(TERM).first
    link.hover()
    popover = page.get_by_role("tooltip")
    expect(popover).to_contain_text(DEFINITION)
    popover.hover()  # the pointer may move onto the popover (WCAG 1.4.13)
    expect(popover).to_be_visible()
    page.locator("article h1").hover()
    expect(popover).to_be_hidden()


def test_it_works_after_instant_navigation(phone, served_site: str) -> None:
    phone.goto(served_site)
    phone.goto(served_site + "lessons/what-is-link-building/")
    start_theme(phone)  # as after a reader's first touch: the theme takes the tap below
    phone.evaluate("window.sameDocument = true")
    phone.locator("a.md-footer__link--next").tap()  # the theme swaps the next lesson in
    phone.wait_for_url("**/lessons/backlinks-vs-link-building/")
    link = phone.locator("a.seokb-term").first
    link.tap()
    expect(phone.get_by_role("tooltip")).to_contain_text(link.get_attribute("data-seokb-def") or "?")
    assert path(phone.url) == "/lessons/backlinks-vs-link-building/"
    assert phone.evaluate("window.sameDocument === true"), "the browser reloaded: instant navigation is off"


def test_without_javascript_the_link_goes_to_the_entry(browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + LESSON)
    page.locator(TERM).first.click()
    page.wait_for_url("**/glossary/anchor-text/")
    context.close()
