"""The review deck at /review/ and the printable cheat sheet at /cheat-sheet/: their Markdown, the deck's cards
made from the glossary and the quizzes, and the "cards due" line that lessons and the home page carry."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import jinja2

from seokb.content.model import Glossary, Term
from seokb.content.quiz import Quizzes
from seokb.site.glossary_pages import plain
from seokb.site.quiz_render import CHECKLIST_PROMPT
from seokb.site.share_meta import plain_description
from seokb.site.structured_data import to_json
from seokb.site.templates import template_environment
from seokb.site.urls import CHEAT_SHEET_PAGE, CHECKLIST_LESSON, lesson_src, markdown_link, term_src

DECK_SLOT = "<!-- seokb-slot: review-deck -->"
TRANSFER_SLOT = "<!-- seokb-slot: review-transfer -->"
# Where the reader's count of due cards goes: a lesson's end (added by the engine) and any page that writes an
# element with this attribute (the home page, through attr_list). The script fills in the words.
DUE_MARKER = "data-seokb-review-due"
REVIEW_DUE_SLOT = "<!-- seokb-slot: review-due -->"
CARD_TEXT_LIMIT = 320  # characters of a card's extra line (a term's example, a quiz answer's explanation)
CORE_CATEGORY = "basics"


@dataclass(frozen=True)
class Card:
    """One flashcard: its id (kept in the reader's saved state), what it asks, its answer and where to read more."""

    id: str
    kind: str  # "term" (term -> definition), "reverse" (definition -> term) or "quiz" (a question once missed)
    front: str
    prompt: str
    back: str
    more: str
    href: str  # site-relative URL, made relative to /review/ when written


def review_cards(glossary: Glossary, quizzes: Quizzes, url_of: Callable[[str], str]) -> list[Card]:
    """Every card of the deck, in deck order: each term both ways (A to Z), then each quiz question. A card's id
    names its entry or question, so that a changed entry keeps its progress and a deleted one is simply left out."""
    cards = []
    for term in sorted(glossary, key=lambda t: t.term.casefold()):
        href = url_of(term_src(term.slug))
        example = plain_description(term.example, CARD_TEXT_LIMIT)
        cards.append(Card(f"t:{term.slug}:f", "term", term.term, "What does this term mean?", term.short, example, href))
        cards.append(Card(f"t:{term.slug}:r", "reverse", term.short, "Which term is this?", term.term, "", href))
    for quiz in quizzes:
        for number, question in enumerate(quiz.questions, start=1):
            asked = [plain_description(question.scenario, CARD_TEXT_LIMIT)] if question.scenario else []
            asked.append(plain_description(question.prompt, CARD_TEXT_LIMIT) if question.prompt else CHECKLIST_PROMPT)
            right = [answer for answer in question.answers if answer.correct]
            back = "; ".join(plain_description(answer.text, CARD_TEXT_LIMIT) for answer in right) or "None of them."
            more = plain_description(right[0].explain, CARD_TEXT_LIMIT) if right else ""
            href = f"{url_of(f'quizzes/{quiz.id}.md')}#quiz-{quiz.id}-q{number}"
            cards.append(Card(f"q:{quiz.id}:{number}", "quiz", " ".join(asked), quiz.title, back, more, href))
    return cards


def term_card_count(cards: list[Card]) -> int:
    """The cards every reader has (quiz cards join a reader's deck only once they answered the question wrongly)."""
    return sum(1 for card in cards if card.kind != "quiz")


def review_page() -> str:
    """The Markdown of review.md; the deck goes into DECK_SLOT once the page is rendered."""
    return "\n".join(
        [
            "---",
            'description: "Flashcards of the glossary and of the quiz questions you missed, shown again just before you would forget them."',
            # Its cards quote every term: linked, each would list the deck under "Mentioned in" and none would be an orphan.
            "autolink: false",
            "search:",
            "  exclude: true",
            "---",
            "# Review",
            "",
            "A few minutes of flashcards a day keeps what you read. Cards you know come back after longer and longer "
            "breaks; cards you miss come back soon. Your progress stays in this browser.",
            "",
            DECK_SLOT,
            "",
            "## Move your progress to another device",
            "",
            TRANSFER_SLOT,
            "",
        ]
    )


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    environment = template_environment(autoescape=True)
    environment.filters["script_json"] = lambda value: jinja2.utils.markupsafe.Markup(to_json(value))
    return environment


def deck_html(cards: list[Card], relative: Callable[[str], str], cheat_sheet_href: str | None, glossary_href: str) -> str:
    """The deck: the cards as JSON in the page (no request) and the controls the script brings to life."""
    data = [
        {
            "id": c.id,
            "kind": c.kind,
            "front": c.front,
            "prompt": c.prompt,
            "back": c.back,
            "more": c.more,
            "href": relative(c.href),
        }
        for c in cards
    ]
    template = _templates().get_template("review-deck.html.jinja")
    return template.render(cards=data, cheat_sheet=cheat_sheet_href, glossary=glossary_href)


def transfer_html() -> str:
    """The export and import controls."""
    return _templates().get_template("review-transfer.html.jinja").render()


def due_line(total: int, review_href: str) -> str:
    """The line at a lesson's end that says how many cards are due; the script writes the count."""
    return _templates().get_template("review-due.html.jinja").render(total=total, href=review_href)


def fill_due_markers(html: str, total: int) -> str:
    """The deck's size on every element that asks for the due count, so that a page without the deck can count."""
    return html.replace(f"{DUE_MARKER}=", f'data-seokb-review-total="{total}" {DUE_MARKER}=')


# --------------------------------------------------------------------------------------------- the cheat sheet

_CHECK_HEADING = re.compile(r"^## The seven-question checklist\s*$", re.M)
_SPAM_HEADING = re.compile(r"^## The risk signs\b.*$", re.M)
_QUESTION = re.compile(r"^\d+\. \*\*(.+?)\*\*\s*$", re.M)
_RISK = re.compile(r"^- \*\*(.+?)\*\* (.+)$", re.M)


@dataclass(frozen=True)
class CheatSheet:
    """What the cheat sheet gathers from the course: the checklist's questions and the risk signs (name, text)."""

    questions: list[str]
    risks: list[tuple[str, str]]


def read_cheat_sheet(lesson_text: str) -> tuple[CheatSheet, list[str]]:
    """The checklist and the link-spam list as the lesson writes them (one source, so the sheet never drifts from
    it); the problems, as messages, when the lesson no longer has them in the expected shape."""
    problems = []
    questions: list[str] = []
    risks: list[tuple[str, str]] = []
    check = _CHECK_HEADING.search(lesson_text)
    spam = _SPAM_HEADING.search(lesson_text)
    if check is None:
        problems.append(
            "the cheat sheet needs the heading '## The seven-question checklist'; keep it or update site/review_pages.py"
        )
    else:
        section = lesson_text[check.end() : _next_heading(lesson_text, check.end())]
        questions = _QUESTION.findall(section)
        if not questions:
            problems.append("the cheat sheet found no '1. **question**' lines under '## The seven-question checklist'")
    if spam is None:
        problems.append("the cheat sheet needs the heading '## The risk signs...'; keep it or update site/review_pages.py")
    else:
        section = lesson_text[spam.end() : _next_heading(lesson_text, spam.end())]
        risks = [(name.rstrip("."), text) for name, text in _RISK.findall(section)]
        if not risks:
            problems.append("the cheat sheet found no '- **Sign.** text' lines under '## The risk signs'")
    return CheatSheet(questions, risks), problems


def _next_heading(text: str, start: int) -> int:
    match = re.compile(r"^## ", re.M).search(text, start)
    return match.start() if match else len(text)


def core_terms(glossary: Glossary, chosen: tuple[str, ...]) -> tuple[list[Term], list[str]]:
    """The cheat sheet's terms: those chosen in the settings, in their order (without a choice, the first twelve
    basics from A to Z), and each chosen slug that names no entry."""
    if not chosen:
        basics = sorted((t for t in glossary if t.category == CORE_CATEGORY), key=lambda t: t.term.casefold())
        return basics[:12], []
    found = [glossary.get(slug) for slug in chosen]
    return [term for term in found if term is not None], [slug for slug, term in zip(chosen, found) if term is None]


def cheat_sheet_page(core: list[Term], sheet: CheatSheet) -> str:
    """The Markdown of cheat-sheet.md: the core terms, the checklist and the risk signs, sized for one printed page."""
    lesson = markdown_link(CHEAT_SHEET_PAGE, lesson_src(CHECKLIST_LESSON))
    lines = [
        "---",
        'description: "One printable page: the core terms of backlinks and link building, the seven-question link checklist and Google\'s link-spam examples."',
        "autolink: false",  # a summary, not a mention: term pages' "Mentioned in" lists the pages that teach them
        "search:",
        "  exclude: true",
        "---",
        "# Cheat sheet",
        "",
        '<div class="seokb-cheat-sheet" markdown>',
        "",
        "Print this page, or keep it open while you work. Every line links to the part of the course that explains it.",
        "{ .seokb-cheat-intro }",
        "",
        "## Core terms",
        "",
    ]
    for term in core:
        lines += [f"[{plain(term.term)}]({markdown_link(CHEAT_SHEET_PAGE, term_src(term.slug))})", f":   {plain(term.short)}", ""]
    lines += [f"## [Judge a link in seven questions]({lesson}#the-seven-question-checklist)", ""]
    lines += [f"{number}. {question}" for number, question in enumerate(sheet.questions, start=1)]
    lines += [
        "",
        "Fails one question at most: worth having. Fails two or more: low value. Any risk sign below: risky.",
        "",
        f"## [Google's link-spam examples]({lesson}#the-risk-signs-what-google-calls-link-spam)",
        "",
        "A link is risky when you, or someone working for you, got it in one of these ways:",
        "",
    ]
    lines += [f"- **{name}.** {text}" for name, text in sheet.risks]
    lines += ["", "</div>", ""]
    return "\n".join(lines)
