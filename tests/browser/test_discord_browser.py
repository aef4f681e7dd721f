"""Copy for Discord in Chromium (mouse, keyboard and touch, read back from the clipboard), and no page load asking for
a sitemap.xml beside the oEmbed answers (mkdocs-material fetches one beside every <link rel="alternate">)."""

from __future__ import annotations

import pytest
from support.browser import start_theme

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


# One page of each kind: pages with no script of their own in the content are the ones instant navigation finishes
# in the same task as it copies the head, the case a late fix would miss.
EVERY_KIND = ("about/", "community/", "check-a-link/", "glossary/", "glossary/backlink/", "lessons/what-is-a-backlink/")
EVERY_KIND += ("quizzes/", "quizzes/course-test/", "course-test/", "link-profile/", "")


def test_no_page_load_requests_a_sitemap_beside_the_oembed_answers(browser, served_site: str) -> None:
    """Loaded, and reached by instant navigation: no request under oembed/ (the theme would ask for
    oembed/<folder>/sitemap.xml beside each oEmbed link it sees), and no oEmbed link left in the reader's DOM."""
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served_site + "glossary/backlink/")
    page.wait_for_load_state("networkidle")
    page.goto(served_site)
    start_theme(page)  # as after a reader's first touch: the theme takes the clicks below
    page.evaluate("window.sameDocument = true")
    for path in EVERY_KIND:
        # A link in the page, followed as a reader would: the theme's instant navigation takes it over.
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; a.id = 'seokb-test-go'; a.textContent = 'go';"
            " document.querySelector('article').prepend(a); }",
            served_site + path,
        )
        page.click("#seokb-test-go")
        page.wait_for_function("url => location.href === url", arg=served_site + path)
        # The address changes before the content does: the page is there once the link that led to it is gone.
        page.wait_for_function("() => !document.getElementById('seokb-test-go')")
        page.wait_for_load_state("networkidle")
        assert page.locator('link[type="application/json+oembed"]').count() == 0, path
    assert page.evaluate("window.sameDocument === true")  # one load: the rest was instant
    assert [url for url in requested if "/oembed/" in url] == []
    context.close()
