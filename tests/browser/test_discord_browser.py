"""Copy for Discord in Chromium (mouse, keyboard and touch, read back from the clipboard), and no page load asking for
a sitemap.xml beside the oEmbed answers (mkdocs-material fetches one beside every <link rel="alternate">)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_copy_for_discord_puts_a_discord_message_on_the_clipboard(browser, served_site: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served_site + "glossary/anchor-text/")
    page.get_by_role("button", name="Copy for Discord").click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == (
        "**Anchor text**: The visible, clickable words of a link, which hint at what the linked page is about.\n"
        + served_site
        + "glossary/anchor-text/"
    )
    context.close()


def test_copy_for_discord_works_from_the_keyboard_on_a_lesson(browser, served_site: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served_site + "lessons/what-is-a-backlink/")
    button = page.get_by_role("button", name="Copy for Discord")
    button.focus()
    page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("**Lesson 1 of 10: What is a backlink?**: Learn what a backlink is")
    assert copied.endswith("\n" + served_site + "lessons/what-is-a-backlink/")
    context.close()


def test_copy_for_discord_works_with_a_tap_on_a_phone(browser, served_site: str) -> None:
    context = browser.new_context(
        permissions=["clipboard-read", "clipboard-write"], viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(served_site + "glossary/backlink/")
    page.get_by_role("button", name="Copy for Discord").tap()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()").startswith("**Backlink**: ")
    context.close()


def test_without_the_async_clipboard_the_copy_command_is_used(browser, served_site: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto(served_site + "glossary/backlink/")
    page.get_by_role("button", name="Copy for Discord").click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    context.close()


def test_without_javascript_the_button_is_hidden(browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "glossary/backlink/")
    assert page.locator(".seokb-copy-discord").is_hidden()
    context.close()


def test_no_page_load_requests_a_sitemap_beside_the_oembed_answers(browser, served_site: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("", "lessons/what-is-a-backlink/", "quizzes/", "glossary/backlink/"):
        page.goto(served_site + path)
        page.wait_for_load_state("networkidle")
    # And through instant navigation: a link followed inside the site.
    page.locator('article a[href$="anchor-text/"]').first.click()
    page.wait_for_url("**/glossary/anchor-text/")
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if "/oembed/" in url] == []
    assert page.locator('link[type="application/json+oembed"]').count() == 0  # gone from the reader's DOM
    context.close()
