"""Quizzes in a real browser, on a small static page: quiz.js and quiz.css with mkdocs-material's own stylesheets."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from importlib import resources
from pathlib import Path

import markdown
import pytest

from seokb.content.quiz import Answer, Question, Quiz, load_quizzes
from seokb.diagnostics import Diagnostics
from seokb.site.page_assets import SCRIPTS_ON_DEMAND
from seokb.site.quiz_render import render_quiz, render_quiz_list

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]


def render_markdown(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list"])


GUILD = Quiz(
    id="judge-a-guild-link",
    title="Judge a link from a quilting guild",
    description="Practise the checks on one link.",
    questions=(
        Question(
            type="checklist",
            scenario="A quilting guild's beginner page links to your tote bag pattern.\n",
            answers=(
                Answer("The site is about your subject.", True, "The guild writes about quilting and sewing.\n"),
                Answer("The link is one of 80 unrelated links.", False, "The page has only a few links, all on sewing.\n"),
                Answer("The anchor text reads naturally.", True, "It says 'tote bag pattern', as a person would.\n"),
                Answer("The site has not changed in years.", False, "The guild posted meeting notes last month.\n"),
            ),
        ),
        Question(
            type="single",
            prompt="What is your verdict?",
            answers=(
                Answer("High quality: worth having", True, "It passes every check.\n"),
                Answer("Risky: avoid it", False, "Nothing about it was arranged or paid for.\n"),
            ),
        ),
    ),
)
VERDICT = Quiz(
    id="verdict",
    title="One verdict",
    description="A one-question quiz.",
    questions=(GUILD.questions[1],),
)
GUILD_POINTS = 5  # four statements and one verdict


def page_html(body: str, head: str = "", scheme: str = "default") -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Quiz fixture</title>
<link rel="stylesheet" href="/assets/main.css"><link rel="stylesheet" href="/assets/palette.css">
<link rel="stylesheet" href="/assets/quiz.css">{SCRIPTS_ON_DEMAND}{head}</head>
<body data-md-color-scheme="{scheme}" data-md-color-primary="indigo" data-md-color-accent="indigo">
<div class="md-container"><main class="md-main"><div class="md-content"><article class="md-content__inner md-typeset">
<h1>Fixture</h1>
{body}
</article></div></main></div>
<script src="/assets/quiz.js"></script>
</body></html>
"""


# Stands in for mkdocs-material's document$: instant navigation emits it again for every page it swaps in.
FAKE_DOCUMENT_SUBJECT = """<script>
window.storageWrites = 0;
var setItem = Storage.prototype.setItem;
// Scores only: a wrong answer also notes its question for the review deck ("seokb:review:missed").
Storage.prototype.setItem = function (key) {
  if (String(key).indexOf("seokb:quiz:") === 0) { window.storageWrites += 1; }
  return setItem.apply(this, arguments);
};
var subscribers = [];
window.document$ = { subscribe: function (fn) { subscribers.push(fn); fn(document); } };
window.emitDocument = function () { subscribers.forEach(function (fn) { fn(document); }); };
</script>"""


@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("quiz-site")
    assets = root / "assets"
    assets.mkdir()
    for name in ("quiz.js", "quiz.css"):
        (assets / name).write_bytes(resources.files("seokb.site").joinpath("assets", name).read_bytes())
    stylesheets = Path(str(resources.files("material"))) / "templates" / "assets" / "stylesheets"
    shutil.copy(next(stylesheets.glob("main.*.min.css")), assets / "main.css")
    shutil.copy(next(stylesheets.glob("palette.*.min.css")), assets / "palette.css")

    guild = render_quiz(GUILD, render_markdown)
    (root / "index.html").write_text(page_html(guild), encoding="utf-8")
    (root / "slate.html").write_text(page_html(guild, scheme="slate"), encoding="utf-8")
    (root / "instant.html").write_text(page_html(guild, head=FAKE_DOCUMENT_SUBJECT), encoding="utf-8")
    (root / "quizzes").mkdir()
    (root / "quizzes" / "index.html").write_text(
        page_html(render_quiz_list([GUILD, VERDICT], href=lambda quiz: f"../{quiz.id}.html")),
        encoding="utf-8",
    )
    report = Diagnostics()
    real = load_quizzes(REPO, report)
    assert not report, [str(d) for d in report.sorted()]
    (root / "real.html").write_text(
        page_html("\n".join(render_quiz(quiz, render_markdown) for quiz in real)),
        encoding="utf-8",
    )

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", real
    server.shutdown()


def answers(page, question: int):
    return page.locator(f"#quiz-judge-a-guild-link-q{question} .seokb-answer")


def feedback(page, question: int, answer: int) -> str:
    return page.locator(f"#quiz-judge-a-guild-link-q{question}-a{answer}-feedback").inner_text()


def status(page) -> str:
    return page.locator("#quiz-judge-a-guild-link .seokb-quiz-status").inner_text()


def test_a_checklist_answered_wrongly_then_rightly(page, quiz_site) -> None:
    base, _ = quiz_site
    page.goto(base)
    assert status(page) == ""
    assert page.locator(".seokb-key").first.is_hidden()  # the script shows feedback in place instead
    page.get_by_label("The link is one of 80 unrelated links.").check()
    page.get_by_label("The anchor text reads naturally.").check()
    page.get_by_label("Risky: avoid it").check()
    page.get_by_role("button", name="Check").click()

    assert feedback(page, 1, 1).startswith("✗ Wrong: this holds, so tick it.")
    assert feedback(page, 1, 2).startswith("✗ Wrong: this does not hold, so leave it unticked.")
    assert feedback(page, 1, 3).startswith("✓ Right: this holds, and you ticked it.")
    assert feedback(page, 1, 4).startswith("✓ Right: this does not hold, and you left it unticked.")
    assert "The guild writes about quilting and sewing." in feedback(page, 1, 1)  # each explanation, in place
    assert page.locator("#quiz-judge-a-guild-link-q1 .seokb-question-result").inner_text() == "✗ 2 of 4 right"
    assert feedback(page, 2, 1).startswith("✗ Missed: this is the answer.")
    assert feedback(page, 2, 2).startswith("✗ Wrong: this is not the answer.")
    assert page.locator("#quiz-judge-a-guild-link-q2 .seokb-question-result").inner_text() == "✗ Wrong"
    assert status(page) == "Score: 2 of 5 points."
    # Screen readers hear an answer's feedback with the answer itself.
    assert (
        page.get_by_label("The site is about your subject.").get_attribute("aria-describedby")
        == "quiz-judge-a-guild-link-q1-a1-feedback"
    )

    page.get_by_role("button", name="Try again").click()
    assert status(page) == "" and page.locator(".seokb-feedback:visible").count() == 0
    assert page.locator("input:checked").count() == 0
    assert page.get_by_role("button", name="Try again").is_hidden()

    page.get_by_label("The site is about your subject.").check()
    page.get_by_label("The anchor text reads naturally.").check()
    page.get_by_label("High quality: worth having").check()
    page.get_by_role("button", name="Check").click()
    assert page.locator("#quiz-judge-a-guild-link-q1 .seokb-question-result").inner_text() == "✓ 4 of 4 right"
    assert status(page) == "Score: 5 of 5 points. All right, well done!"
    assert page.locator("[data-seokb-status=wrong]").count() == 0


def test_changing_an_answer_after_checking_clears_the_marks(page, quiz_site) -> None:
    base, _ = quiz_site
    page.goto(base)
    page.get_by_role("button", name="Check").click()
    assert page.locator("#quiz-judge-a-guild-link-q2 .seokb-question-result").inner_text() == "✗ No answer chosen"
    page.get_by_label("High quality: worth having").check()
    assert page.locator(".seokb-feedback:visible").count() == 0 and status(page) == ""


def test_progress_is_kept_after_a_reload_and_listed_and_reset(page, quiz_site) -> None:
    base, _ = quiz_site
    page.goto(base)
    page.get_by_label("The site is about your subject.").check()
    page.get_by_role("button", name="Check").click()
    assert status(page) == "Score: 3 of 5 points."
    page.get_by_role("button", name="Try again").click()
    page.get_by_role("button", name="Check").click()  # a worse second try keeps the best score
    assert status(page) == "Score: 2 of 5 points. Your best: 3 of 5."

    page.reload()
    assert page.locator("#quiz-judge-a-guild-link [data-seokb-progress]").inner_text() == "Your best score so far: 3 of 5."
    stored = page.evaluate("localStorage.getItem('seokb:quiz:judge-a-guild-link')")
    assert json.loads(stored) == {"done": True, "best": 3, "max": GUILD_POINTS}

    page.goto(base + "quizzes/")
    progress = page.locator("[data-seokb-progress]")
    assert progress.all_inner_texts() == ["Done, best score 3 of 5.", "Not started yet."]
    assert page.locator("[data-seokb-summary]").inner_text() == "You have done 1 of 2 quizzes in this browser."

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset all quiz progress").click()
    assert progress.all_inner_texts() == ["Not started yet.", "Not started yet."]
    assert page.locator(".seokb-quiz-list [role=status]").inner_text() == "Your progress in every quiz was reset."
    assert page.evaluate("localStorage.getItem('seokb:quiz:judge-a-guild-link')") is None


def test_cancelling_the_reset_keeps_progress(page, quiz_site) -> None:
    base, _ = quiz_site
    page.goto(base)
    page.get_by_role("button", name="Check").click()
    page.goto(base + "quizzes/")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset all quiz progress").click()
    assert page.locator("[data-seokb-progress]").first.inner_text() == "Done, best score 2 of 5."


def test_a_quiz_can_be_finished_by_keyboard_alone(page, quiz_site) -> None:
    base, _ = quiz_site
    page.goto(base)
    keys = page.keyboard
    keys.press("Tab")  # the first statement's tick box
    assert page.evaluate("document.activeElement.id") == "quiz-judge-a-guild-link-q1-a1"
    keys.press("Space")
    keys.press("Tab")
    keys.press("Tab")
    keys.press("Space")  # the third statement
    keys.press("Tab")
    keys.press("Tab")  # into the verdict's radio group
    keys.press("Space")
    keys.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    keys.press("Enter")
    assert status(page) == "Score: 5 of 5 points. All right, well done!"
    keys.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Try again"
    keys.press("Enter")
    # Try again hides itself, so focus moves back to the first answer rather than getting lost.
    assert page.evaluate("document.activeElement.id") == "quiz-judge-a-guild-link-q1-a1"
    assert page.locator("input:checked").count() == 0


def test_without_javascript_the_answers_open_from_details(browser, quiz_site) -> None:
    base, _ = quiz_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base)
    assert page.get_by_text("Tick every statement that is true for this link.").is_visible()
    assert page.get_by_label("The site is about your subject.").is_visible()
    assert page.get_by_role("button", name="Check").is_hidden()  # it would do nothing without the script
    explanation = page.get_by_text("The guild writes about quilting and sewing.")
    assert explanation.is_hidden()
    page.locator("#quiz-judge-a-guild-link-q1 summary").click()
    assert explanation.is_visible()
    assert (
        page.locator("#quiz-judge-a-guild-link-q1-a1-key")
        .inner_text()
        .startswith("✓ True: tick it. The site is about your subject.")
    )
    context.close()


def test_instant_navigation_sets_up_each_quiz_once(page, quiz_site) -> None:
    base, _ = quiz_site
    page.goto(base + "instant.html")
    page.evaluate("emitDocument(); emitDocument()")  # the same page announced again
    page.get_by_role("button", name="Check").click()
    assert page.evaluate("window.storageWrites") == 1, "a quiz bound twice saves twice"
    # Leave and return: instant navigation fetches the page again, swaps in its content and announces it.
    page.evaluate("""async () => {
        const fresh = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
        const article = document.querySelector('article');
        article.innerHTML = '<h1>Another page</h1>';
        emitDocument();
        article.replaceWith(fresh.querySelector('article'));
        emitDocument();
    }""")
    assert status(page) == ""
    page.get_by_label("High quality: worth having").check()
    page.get_by_role("button", name="Check").click()
    assert status(page) == "Score: 3 of 5 points."
    assert page.evaluate("window.storageWrites") == 2


# Waits for running transitions first (the theme fades button colours on focus), so it measures the final colours.
CONTRAST = """async (selectors) => {
  await Promise.all(document.getAnimations().map((animation) => animation.finished));
  const parse = (c) => { const p = c.match(/rgba?\\(([^)]+)\\)/)[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const background = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] === 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const luminance = (c) => c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  return selectors.map((selector) => {
    const element = document.querySelector(selector);
    const bg = background(element);
    const fg = over(parse(getComputedStyle(element).color), bg);
    const [a, b] = [luminance(fg), luminance(bg)];
    return [selector, Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100];
  });
}"""
TEXTS = [
    ".seokb-question legend",
    ".seokb-question-number",
    ".seokb-scenario p",
    ".seokb-answer label",
    ".seokb-feedback strong",
    ".seokb-feedback .seokb-explain p",
    ".seokb-question-result",
    ".seokb-quiz-status",
    ".seokb-quiz-progress",
    ".seokb-quiz-actions .md-button--primary",
    "[data-seokb-retry]",
]


@pytest.mark.parametrize("scheme_page", ["index.html", "slate.html"], ids=["default palette", "slate palette"])
def test_text_meets_wcag_aa_contrast_in_both_palettes(page, quiz_site, scheme_page: str) -> None:
    base, _ = quiz_site
    page.goto(base + scheme_page)
    page.get_by_role("button", name="Check").click()  # feedback, score and Try again are on screen
    ratios = dict(page.evaluate(CONTRAST, TEXTS))
    assert {selector: ratio for selector, ratio in ratios.items() if ratio < 4.5} == {}
    page.locator("[data-seokb-retry]").focus()  # the focused outline button turns solid: still readable
    assert dict(page.evaluate(CONTRAST, ["[data-seokb-retry]"]))["[data-seokb-retry]"] >= 4.5


# One attempt at a quiz, made by the page itself: tick the given answers, press Check, read the score and the number
# of answers ticked when it was given, press Try again.
ATTEMPT = """(form, ids) => {
  ids.forEach((id) => document.getElementById(id).click());
  const ticked = form.querySelectorAll("input:checked").length;
  [...form.querySelectorAll("button")].find((button) => button.textContent.trim() === "Check").click();
  const status = form.querySelector(".seokb-quiz-status").innerText;
  [...form.querySelectorAll("button")].find((button) => button.textContent.trim() === "Try again").click();
  return {ticked, status};
}"""


def test_every_real_quiz_scores_full_marks_when_answered_rightly_and_none_when_wrongly(page, quiz_site) -> None:
    # This test is about each real quiz's answer key, not about pointing and clicking (the guild quiz's tests above
    # click, and answer by keyboard): the page makes each attempt itself, in one round trip.
    base, real = quiz_site
    page.goto(base + "real.html")
    for quiz in real:
        form = page.locator(f"#quiz-{quiz.id}")
        for wrongly in (False, True):
            ticks = []
            for number, question in enumerate(quiz.questions, start=1):
                picked = False
                for index, answer in enumerate(question.answers, start=1):
                    tick = answer.correct != wrongly
                    if question.type == "single":  # one radio: the right one, or the first wrong one
                        tick = tick and not picked
                        picked = picked or tick
                    if tick:
                        ticks.append(f"quiz-{quiz.id}-q{number}-a{index}")
            attempt = form.evaluate(ATTEMPT, ticks)
            expected = (
                f"Score: 0 of {quiz.points} points."
                if wrongly
                else f"Score: {quiz.points} of {quiz.points} points. All right, well done!"
            )
            assert attempt["ticked"] == len(ticks), quiz.id
            assert attempt["status"].startswith(expected), (quiz.id, attempt["status"])
