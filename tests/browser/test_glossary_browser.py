"""The A-Z index in a real browser: the category filter works with a mouse, a keyboard, a link, and no script."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def visible_terms(page) -> list[str]:
    return page.locator(".seokb-index li a[data-category]:visible").all_inner_texts()


def test_the_category_filter_shows_only_that_category(page, served_site: str) -> None:
    page.goto(served_site + "glossary/")
    everything = visible_terms(page)
    assert "Backlink" in everything and "Referring domain" in everything
    page.get_by_text("Metrics (", exact=False).click()
    metrics = visible_terms(page)
    assert "Referring domain" in metrics and "Backlink" not in metrics
    # Letters with no term left are hidden too.
    for heading in page.locator(".seokb-index h2:visible").all():
        letter_list = heading.locator("xpath=following-sibling::ul[1]")
        assert letter_list.locator("a[data-category=metrics]").count() > 0
    page.get_by_text("All (", exact=False).click()
    assert visible_terms(page) == everything


def test_the_filter_works_by_keyboard(page, served_site: str) -> None:
    page.goto(served_site + "glossary/")
    page.locator("#category-all").focus()
    page.keyboard.press("ArrowRight")  # radio groups move and select with arrow keys
    assert page.locator("#category-basics").is_checked()
    assert "Referring domain" not in visible_terms(page)


def test_a_category_link_opens_the_filtered_index(page, served_site: str) -> None:
    page.goto(served_site + "glossary/referring-domain/")
    page.get_by_role("link", name="Metrics").click()
    page.wait_for_url("**/glossary/#category-metrics")
    # Instant navigation gives the new address before glossary.js has set up the swapped-in page: wait for the
    # filter to be selected (Playwright retries the check) instead of asking once.
    expect(page.locator("#category-metrics")).to_be_checked()
    assert "Backlink" not in visible_terms(page)


def test_the_filter_needs_no_javascript(browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "glossary/")
    page.locator("label[for=category-metrics]").click()
    assert "Backlink" not in visible_terms(page) and "Referring domain" in visible_terms(page)
    context.close()
