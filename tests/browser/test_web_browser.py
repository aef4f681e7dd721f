"""The web in a real browser: a term's tooltip on hover and on keyboard focus, and search by alias."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from support.browser import start_theme

pytestmark = pytest.mark.browser
SHORT = "A link on another website that points to a page on your site."


def test_hovering_a_term_shows_its_short_definition(page, served_site: str) -> None:
    page.goto(served_site + "lessons/what-is-link-building/")
    term = page.locator('a.seokb-term[href$="glossary/backlink/"]').first
    term.hover()
    tooltip = page.get_by_role("tooltip").filter(has_text=SHORT)  # term.js's popover
    tooltip.wait_for(state="visible")
    assert tooltip.is_visible()


def test_focusing_a_term_by_keyboard_shows_its_short_definition(page, served_site: str) -> None:
    page.goto(served_site + "lessons/what-is-link-building/")
    target = page.locator('a.seokb-term[href$="glossary/backlink/"]').first
    # Tab from the link just before it, as a keyboard user would reach it.
    target.evaluate("el => { const links = [...document.querySelectorAll('article a')]; links[links.indexOf(el) - 1].focus(); }")
    page.keyboard.press("Tab")
    assert target.evaluate("el => el === document.activeElement")
    tooltip = page.get_by_role("tooltip").filter(has_text=SHORT)  # term.js's popover
    tooltip.wait_for(state="visible")
    assert tooltip.is_visible()


def test_searching_an_alias_puts_the_term_first(page, served_site: str) -> None:
    page.goto(served_site)
    page.keyboard.press("/")  # the site's search shortcut, as the first key: it loads the theme, which then takes it
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type("inbound link")
    first = page.locator(".md-search-result__item").first
    first.wait_for(state="visible")
    href = first.locator("a").first.get_attribute("href")
    assert href.split("?")[0].endswith("/glossary/backlink/")


def test_reading_the_site_requests_nothing_from_another_host(page, served_site: str) -> None:
    elsewhere: list[str] = []
    # (blob: addresses of the site's own origin are made in the page: the search worker, search-names.js)
    own = (served_site, "blob:" + served_site)
    page.on("request", lambda request: elsewhere.append(request.url) if not request.url.startswith(own) else None)
    for path in ("", "glossary/", "glossary/backlink/", "lessons/what-is-link-building/"):
        page.goto(served_site + path)
        page.wait_for_load_state("networkidle")
    start_theme(page)  # as a reader's first touch: the theme, its worker and its page list come too
    page.keyboard.press("/")
    page.keyboard.type("anchor")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    assert elsewhere == []
