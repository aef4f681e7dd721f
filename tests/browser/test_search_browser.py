"""The theme's search in a real browser: its index (the whole site's text) is fetched only once the reader opens
search, and search then works as before, on a phone (the header's icon) and on a desktop (the "/" key); a glossary
entry comes first for its exact name or alias (site/search_names.py, assets/search-names.js), and other searches
rank as the theme ranks them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from support.browser import start_theme

pytestmark = pytest.mark.browser

INDEX = "search/search_index.json"


def index_requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if request.url.endswith(INDEX) else None)
    return seen


def test_the_index_waits_until_search_opens_on_a_desktop(page, served_site: str) -> None:
    seen = index_requests(page)
    page.goto(served_site + "lessons/what-is-a-backlink/", wait_until="networkidle")
    page.mouse.wheel(0, 600)
    page.locator("a.seokb-term").first.hover()
    page.wait_for_load_state("networkidle")
    assert seen == [], "the search index was fetched before anyone searched"
    page.keyboard.press("/")
    page.keyboard.type("referring domain")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert (
        page.locator(".md-search-result__item a")
        .first.get_attribute("href")
        .split("?")[0]
        .endswith("/glossary/referring-domain/")
    )
    assert len(seen) == 1


def test_the_index_waits_until_search_opens_on_a_phone(browser, served_site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    seen = index_requests(page)
    page.goto(served_site, wait_until="networkidle")
    start_theme(page)  # the theme running, as after a first touch: it would fetch the index now, if let
    page.locator("a.md-footer__link--next").tap()  # instant navigation to another page keeps it held back
    page.wait_for_load_state("networkidle")
    assert seen == []
    page.locator("label.md-header__button[for=__search]").tap()
    page.locator("input.md-search__input").press_sequentially("anchor text")  # key by key: the theme queries on keyup
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert len(seen) == 1
    context.close()


def search(page, query: str) -> None:
    """Types `query` into the open page's search, key by key as a reader types: the theme runs a query on keyup
    (fill() sends no key events, and the query then only ran if the index happened to arrive after it)."""
    # The theme's bundle loads on the reader's first interaction: its "/" shortcut works once it has run.
    start_theme(page)
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(query)


def first_results(page, served_site: str, queries) -> dict[str, str]:
    """The first result's address for each query, searched one after another in the search box of one page: the box
    is emptied, and its results gone, before the next query is typed."""
    page.goto(served_site + "about/")
    found = {}
    for query in queries:
        if found:
            box = page.locator("input.md-search__input")
            box.fill("")
            box.press("Backspace")  # a key, so the theme runs the empty query and clears its results
            expect(page.locator(".md-search-result__item")).to_have_count(0)
            box.press_sequentially(query)
        else:
            search(page, query)
        found[query] = first_address(page, served_site, query)
    return found


def first_address(page, served_site: str, query: str) -> str:
    """The first result's address once the results are those of the whole query, not of a part of it typed before
    (the theme searches on every key, and the index may arrive halfway): the words the first result matched, which
    it asks the page to highlight (?h=), include the last word typed."""
    last = re.split(r"[\s\-]+", query.strip().lower())[-1]
    first = page.locator(".md-search-result__item > a").first
    # The index is fetched on this first search, slower on a loaded machine.
    expect(first).to_have_attribute("href", re.compile(rf"\?h=(.*\+)?{re.escape(last)}(\+|$)"), timeout=30_000)
    return (first.get_attribute("href") or "").split("?")[0].removeprefix(served_site)


# Each search, and the entry it must put first. One page asks them all, one after another, as a reader would.
NAMES = dict(
    [
        # Aliases. The first three came after another entry before the names field: "link text" after Linkable asset
        # (the theme's "link*" also matches its alias "linkbait"), "link spam" after it too, "on-site SEO" after XML
        # sitemap (whose text says "on your site" and "SEO" often).
        ("link text", "glossary/anchor-text/"),
        ("link spam", "glossary/link-schemes/"),
        ("on-site SEO", "glossary/on-page-seo/"),
        ("guest blogging", "glossary/guest-posting/"),
        ("link juice", "glossary/pagerank/"),
        ("toxic backlink", "glossary/spammy-backlinks/"),
        # Names that are the start or the end of other names.
        ("Link building", "glossary/link-building/"),
        ("White-hat link building", "glossary/white-hat-link-building/"),
        ("Backlink", "glossary/backlink/"),
    ]
)


def test_an_exact_name_or_alias_puts_its_entry_first(page, served_site: str) -> None:
    wrong = [(name, got) for name, got in first_results(page, served_site, NAMES).items() if got != NAMES[name]]
    assert wrong == []


OTHERS = dict(
    [
        ("beginner mistakes", "lessons/beginner-mistakes/"),  # a lesson's title
        ("quiz", "quizzes/"),
        ("disavow", "glossary/disavow/"),
        ("nofollow", "glossary/nofollow/"),
        ("guest post", "glossary/guest-posting/"),
        ("penguin", "glossary/google-penguin/"),  # a word of a name, not the name
    ]
)


def test_other_searches_find_what_they_found_before(page, served_site: str) -> None:
    wrong = [(query, got) for query, got in first_results(page, served_site, OTHERS).items() if got != OTHERS[query]]
    assert wrong == []


def test_the_names_lookup_changes_only_the_order(page, served_site: str) -> None:
    # After instant navigation (the theme's worker was made on the first page), with the index fetched on demand.
    seen = index_requests(page)
    page.goto(served_site, wait_until="networkidle")
    start_theme(page)
    page.evaluate("window.sameDocument = true")
    page.locator("a.md-footer__link--next").click()
    expect(page).to_have_url(re.compile(r"/lessons/what-is-a-backlink/"))  # no load event: the theme swaps the content
    assert page.evaluate("window.sameDocument === true") and seen == []
    search(page, "link text")
    assert first_address(page, served_site, "link text") == "glossary/anchor-text/"
    assert len(seen) == 1
    # The theme reads the query as the reader typed it: the highlight asks for those two words, and a result that
    # lacks one of them says so; the joined word the names field is asked for is shown nowhere.
    first = page.locator(".md-search-result__item > a").first.get_attribute("href") or ""
    assert first.endswith("?h=link+text")
    results = page.locator(".md-search-result")
    expect(results.locator(".md-search-result__terms").first).to_contain_text("Missing")
    assert "link_text" not in results.inner_text() and "link_text" not in results.inner_html()
