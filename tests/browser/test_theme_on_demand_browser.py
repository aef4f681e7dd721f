"""No script before the first paint (assets/scripts-on-demand.js): the page's own scripts load after it, the theme's
bundle on the reader's first interaction, and until then the page reads and works as a reader needs it: a term's
definition on tap, the palette from the system's choice and its toggle, links."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from support.browser import start_theme

LESSON = "lessons/what-is-a-backlink/"
BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")


def requested(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def test_a_page_loads_its_scripts_after_painting_and_the_theme_only_when_the_reader_acts(phone, served_site: str) -> None:
    seen = requested(phone)
    phone.add_init_script(
        "window.__painted = [];"
        "new PerformanceObserver(list => list.getEntries().forEach(e => window.__painted.push(e.name)))"
        ".observe({type: 'paint', buffered: true});"
    )
    phone.goto(served_site + LESSON, wait_until="networkidle")
    assert not any(BUNDLE.search(url) for url in seen), "the theme's bundle came before any interaction"
    scripts = [url for url in seen if url.endswith(".js")]
    assert any(url.endswith("/assets/seokb/term.js") for url in scripts) and any(url.endswith("/course.js") for url in scripts)
    # Each script ran after the first paint: the page was painted before the first of them was even requested.
    assert "first-contentful-paint" in phone.evaluate("window.__painted")
    first_script = phone.evaluate(
        "Math.min(...performance.getEntriesByType('resource').filter(r => r.name.endsWith('.js')).map(r => r.startTime))"
    )
    painted = phone.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    assert painted <= first_script
    # The first touch brings the theme, and with it the site's page list for instant navigation.
    phone.mouse.wheel(0, 200)
    phone.wait_for_function("typeof document$ !== 'undefined'")
    assert sum(1 for url in seen if BUNDLE.search(url)) == 1


def test_a_term_opens_its_definition_on_the_first_tap_before_the_theme(phone, served_site: str) -> None:
    phone.goto(served_site + LESSON, wait_until="networkidle")
    phone.route(BUNDLE, lambda route: route.abort())  # the theme never arrives: the popover must not need it
    term = phone.locator("article a.seokb-term").first
    term.tap()
    expect(phone.get_by_role("tooltip")).to_be_visible()
    assert phone.url == served_site + LESSON


def test_a_dark_system_gets_the_dark_palette_and_its_toggle_from_the_first_paint(browser, served_site: str) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.route(BUNDLE, lambda route: route.abort())
    page.goto(served_site + LESSON)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    toggle = page.locator('label[title="Switch to light mode"]')
    expect(toggle).to_be_visible()
    toggle.click()  # before the theme: palette.js switches it, and stores the choice as the theme does
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    expect(page.locator('label[title="Switch to dark mode"]')).to_be_visible()
    page.unroute(BUNDLE)
    page.reload()
    start_theme(page)  # the theme, arriving, keeps the stored choice
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    context.close()


def test_a_search_address_opens_search_at_once(page, served_site: str) -> None:
    page.goto(served_site + "?q=anchor+text")
    expect(page.locator("input.md-search__input")).to_have_value("anchor text")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
