"""The review deck, the progress code and the cheat sheet in Chromium, on the real site: a whole session over real
cards with a clock the test moves, a quiz question answered wrongly joining the deck, progress carried from one
browser to another and a damaged code refused with nothing changed, storage that refuses every write, and the cheat
sheet printed on one sheet."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from playwright.sync_api import expect
from support.browser import LESSON, answer_guild_quiz, start_theme

pytestmark = pytest.mark.browser

DECK = "[data-seokb-review][data-seokb-ready]"
SESSION = "[data-seokb-review-session]"
PROGRESS = "[data-seokb-review-progress]"
STATUS = "[data-seokb-transfer-status]"
MONDAY = datetime(2026, 1, 5, 9, 0)  # local time: the daily limit starts again at the reader's midnight
DAY_MS = 24 * 60 * 60 * 1000
# What blocked storage looks like in a private window or with site data turned off: every access throws.
BLOCKED_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
});
"""
NOTICE = "This browser is not keeping data for this site"


def open_deck(page, url: str) -> None:
    page.goto(url)
    page.locator(DECK).wait_for(state="attached")


def card_id(page) -> str:
    return page.locator(SESSION).get_attribute("data-seokb-card-id") or ""


def storage(page) -> dict[str, str]:
    return page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('seokb:')).map(k => [k, localStorage.getItem(k)]))"
    )


def total_cards(page) -> int:
    return page.evaluate(
        "JSON.parse(document.getElementById('seokb-review-cards').content.textContent).filter(c => c.kind !== 'quiz').length"
    )


def test_a_whole_session_with_the_keyboard_then_the_next_day(page, served_site: str) -> None:
    page.clock.set_fixed_time(MONDAY)
    open_deck(page, served_site + "review/")
    total = total_cards(page)
    assert total > 100  # every term, both ways
    expect(page.locator(PROGRESS)).to_have_text(f"10 cards due today, 0 cards learned, {total} new cards still to come.")
    seen = []
    for _ in range(10):
        seen.append(card_id(page))
        expect(page.locator("[data-seokb-card-back]")).to_be_hidden()
        page.keyboard.press("Space")
        expect(page.locator("[data-seokb-card-back]")).to_be_visible()
        # Written relative to the deck; the theme, started by the keys, makes every link absolute.
        link = page.locator("[data-seokb-card-link]").evaluate("link => link.href")
        assert re.fullmatch(re.escape(served_site) + r"glossary/[a-z0-9-]+/", link)
        page.keyboard.press("2")
    assert len(set(seen)) == 10 and all(re.fullmatch(r"t:[a-z0-9-]+:[fr]", id_) for id_ in seen)
    expect(page.locator(SESSION)).to_be_hidden()
    expect(page.locator("[data-seokb-review-done]")).to_contain_text("All done for today.")
    expect(page.locator(PROGRESS)).to_have_text(f"0 cards due today, 10 cards learned, {total - 10} new cards still to come.")

    # A day and an hour later: yesterday's ten are due (first), then ten new ones.
    page.clock.set_fixed_time(MONDAY.timestamp() * 1000 + DAY_MS + 3_600_000)
    open_deck(page, served_site + "review/")
    expect(page.locator(PROGRESS)).to_have_text(f"20 cards due today, 10 cards learned, {total - 10} new cards still to come.")
    assert card_id(page) == seen[0]
    # The home page counts the same without the deck.
    page.goto(served_site)
    expect(page.locator("[data-seokb-review-due]")).to_contain_text("20 review cards are due today.")


def test_touch_flips_and_rates_and_again_brings_the_card_back_in_ten_minutes(browser, served_site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.clock.set_fixed_time(MONDAY)
    open_deck(page, served_site + "review/")
    first = card_id(page)
    page.locator("[data-seokb-card]").tap()
    expect(page.locator("[data-seokb-rate]")).to_be_visible()
    page.get_by_role("button", name="Again").tap()
    assert card_id(page) != first
    page.clock.set_fixed_time(MONDAY.timestamp() * 1000 + 11 * 60_000)
    open_deck(page, served_site + "review/")
    assert card_id(page) == first  # due again, before any new card
    context.close()


def test_a_quiz_question_answered_wrongly_joins_the_deck(page, served_site: str) -> None:
    page.goto(served_site + LESSON)
    answer_guild_quiz(page, rightly=False)
    expect(page.locator("#quiz-judge-a-quilting-guild-link .seokb-quiz-status")).to_contain_text("Score:")
    missed = page.evaluate("JSON.parse(localStorage.getItem('seokb:review:missed'))")
    assert set(missed) == {"q:judge-a-quilting-guild-link:1", "q:judge-a-quilting-guild-link:2"}
    open_deck(page, served_site + "review/")
    assert card_id(page).startswith("q:judge-a-quilting-guild-link:")  # missed questions come before new cards
    page.keyboard.press("Space")
    expect(page.locator("[data-seokb-card-link]")).to_have_text("Open the quiz")
    # Written relative to the deck (../quizzes/...); the theme makes every link absolute when it starts.
    href = page.locator("[data-seokb-card-link]").evaluate("link => link.href")
    assert re.fullmatch(
        re.escape(served_site) + r"quizzes/judge-a-quilting-guild-link/#quiz-judge-a-quilting-guild-link-q\d", href
    )


def make_progress(page, served_site: str) -> dict[str, str]:
    """Some of everything the site keeps: a read mark, a quiz score, review cards."""
    page.goto(served_site + LESSON)
    answer_guild_quiz(page, rightly=True)
    open_deck(page, served_site + "review/")
    for rating in ("2", "3", "1"):
        page.keyboard.press("Space")
        page.keyboard.press(rating)
    page.evaluate("localStorage.setItem('seokb:lesson:lessons/faq/', JSON.stringify({read: true}))")
    kept = storage(page)
    assert {key.split(":")[1] for key in kept} == {"lesson", "quiz", "review"}
    return kept


def export_code(page) -> str:
    page.get_by_role("button", name="Make a code of my progress").click()
    expect(page.locator("[data-seokb-qr] svg")).to_be_visible()
    return page.locator("[data-seokb-export-code]").input_value()


def test_progress_moves_to_another_browser_by_its_code(browser, page, served_site: str) -> None:
    kept = make_progress(page, served_site)
    code = export_code(page)
    assert code.startswith("seokb1.") and len(code) < 1000
    expect(page.locator(STATUS)).to_have_text("Your code holds 1 lesson read, 1 quiz score and 3 review cards.")

    other = browser.new_context()
    phone = other.new_page()
    open_deck(phone, served_site + "review/")
    phone.get_by_label("Paste a code from another device:").fill(code)
    phone.get_by_role("button", name="Load this progress").click()
    expect(phone.locator(STATUS)).to_have_text("Loaded 1 lesson read, 1 quiz score and 3 review cards.")
    assert storage(phone) == kept
    expect(phone.locator(PROGRESS)).to_contain_text("2 cards learned")  # the session follows the loaded state
    # The QR code's address opens the page with the code filled in.
    phone.goto(served_site + "review/#progress=" + code)
    expect(phone.locator("[data-seokb-import-code]")).to_have_value(code)
    other.close()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda code: code[:12] + code[16:], "This code is damaged or incomplete"),  # four characters lost
        (lambda code: code[:10] + ("A" if code[10] != "A" else "B") + code[11:], "This code is damaged or incomplete"),
        (lambda code: code[: code.rindex(".")], "This is not a whole progress code"),  # the checksum cut off
        (lambda code: "seokb9" + code[6:], "This code was made by a newer version of this site"),
        (lambda code: "hello", "This is not a whole progress code"),
        (lambda code: "", "Paste a code first."),
    ],
    ids=["truncated", "tampered", "no-checksum", "newer-version", "not-a-code", "empty"],
)
def test_a_damaged_code_is_refused_and_changes_nothing(page, served_site: str, damage, message: str) -> None:
    open_deck(page, served_site + "review/")
    page.evaluate("localStorage.setItem('seokb:quiz:choosing-anchor-text', JSON.stringify({done: true, best: 2, max: 4}))")
    code = export_code(page)
    page.evaluate("localStorage.setItem('seokb:quiz:choosing-anchor-text', JSON.stringify({done: true, best: 1, max: 4}))")
    before = storage(page)
    page.get_by_label("Paste a code from another device:").fill(damage(code))
    page.get_by_role("button", name="Load this progress").click()
    expect(page.locator(STATUS)).to_contain_text(message)
    if message != "Paste a code first.":
        expect(page.locator(STATUS)).to_contain_text("Nothing was changed.")
    assert storage(page) == before


def test_a_valid_checksum_over_content_the_site_does_not_keep_is_refused(page, served_site: str) -> None:
    """A code made by hand with a correct checksum still may not write keys the site never keeps."""
    open_deck(page, served_site + "review/")
    before = storage(page)
    payload = page.evaluate(
        """async () => {
          const bytes = new TextEncoder().encode(JSON.stringify({v: 1, items: {'other:key': '1'}}));
          const packed = new Uint8Array(await new Response(new Blob([bytes]).stream()
            .pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
          let binary = ''; packed.forEach(b => binary += String.fromCharCode(b));
          const payload = btoa(binary).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
          return payload;
        }"""
    )
    code = page.evaluate(
        """(payload) => {
          let crc = -1;
          for (let i = 0; i < payload.length; i++) { crc ^= payload.charCodeAt(i);
            for (let b = 0; b < 8; b++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1)); }
          return 'seokb1.' + payload + '.' + ((crc ^ -1) >>> 0).toString(16).padStart(8, '0');
        }""",
        payload,
    )
    page.get_by_label("Paste a code from another device:").fill(code)
    page.get_by_role("button", name="Load this progress").click()
    expect(page.locator(STATUS)).to_have_text("This code could not be read. Nothing was changed.")
    assert storage(page) == before


def test_blocked_storage_every_page_works_and_says_progress_is_not_kept(browser, served_site: str) -> None:
    context = browser.new_context()
    context.add_init_script(BLOCKED_STORAGE)
    page = context.new_page()
    errors: list[str] = []
    # mkdocs-material's own head script (__md_get, reading the saved palette) throws here, and the page goes on;
    # the site's scripts must not.
    page.on("pageerror", lambda error: errors.append(error.stack or str(error)) if "assets/" in (error.stack or "") else None)
    open_deck(page, served_site + "review/")
    expect(page.locator("[data-seokb-storage-note]")).to_contain_text(NOTICE)
    first = card_id(page)
    page.keyboard.press("Space")
    page.keyboard.press("2")
    assert card_id(page) != first  # the session goes on from memory
    page.get_by_role("button", name="Make a code of my progress").click()
    expect(page.locator(STATUS)).to_contain_text("Your code holds 0 lessons read")
    page.goto(served_site + LESSON)
    answer_guild_quiz(page, rightly=False)
    expect(page.locator("#quiz-judge-a-quilting-guild-link .seokb-quiz-status")).to_contain_text("Score:")
    expect(page.locator("#quiz-judge-a-quilting-guild-link [data-seokb-storage-note]")).to_contain_text(NOTICE)
    expect(page.locator(".seokb-review-due")).to_contain_text("review cards are due today.")
    page.goto(served_site)
    expect(page.locator("[data-seokb-storage-note]").first).to_contain_text(NOTICE)
    context.close()
    assert errors == []


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_cheat_sheet_prints_on_one_sheet(page, served_site: str, paper: str) -> None:
    page.goto(served_site + "cheat-sheet/")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".seokb-cheat-sheet li")).to_have_count(17)  # seven questions and ten risk signs
    pdf = page.pdf(format=paper, print_background=False, prefer_css_page_size=False)
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert pages == 1, f"the cheat sheet prints on {pages} {paper} pages"


def test_the_deck_works_when_reached_by_instant_navigation(page, served_site: str) -> None:
    """mkdocs-material swaps the page in without a reload: the deck's scripts arrive with it and run in order."""
    page.goto(served_site + "lessons/faq/")
    expect(page.locator(".seokb-review-due [data-seokb-due-words]")).to_have_text("10 review cards are due today. ")
    start_theme(page)  # as after a reader's first touch: the theme takes the clicks below
    page.evaluate("window.sameDocument = true")
    page.locator(".seokb-review-due a").click()
    page.locator(DECK).wait_for(state="attached")
    first = card_id(page)
    page.keyboard.press("Space")
    page.keyboard.press("3")
    assert card_id(page) != first
    page.get_by_role("link", name="Home", exact=True).first.click()
    # One new card seen today: nine left of the daily ten.
    expect(page.locator("[data-seokb-review-due] [data-seokb-due-words]")).to_have_text("9 review cards are due today. ")
    assert page.evaluate("window.sameDocument === true"), "the browser reloaded: instant navigation is off"


def test_a_deleted_entrys_card_is_dropped_and_the_rest_is_kept(page, served_site: str) -> None:
    open_deck(page, served_site + "review/")
    page.evaluate(
        """localStorage.setItem('seokb:review', JSON.stringify({v: 1, day: '', fresh: 0, cards: {
             't:no-such-entry:f': {box: 3, due: 0}, 't:backlink:f': {box: 2, due: Date.now() + 864e5}}}))"""
    )
    open_deck(page, served_site + "review/")
    expect(page.locator(PROGRESS)).to_contain_text("1 card learned")
    cards = page.evaluate("Object.keys(JSON.parse(localStorage.getItem('seokb:review')).cards)")
    assert cards == ["t:backlink:f"]
