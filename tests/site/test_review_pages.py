"""The review deck's cards and the cheat sheet, made from plain content: card ids and order, what each card asks and
answers, the lesson's checklist and link-spam list read (or each problem with its exact message), the core terms."""

from __future__ import annotations

import json
import re

import pytest

from seokb.content.model import Glossary, Source, Term
from seokb.content.quiz import Answer, Question, Quiz, Quizzes
from seokb.engine.settings import SettingsError, read_settings
from seokb.site.review_pages import (
    CheatSheet,
    cheat_sheet_page,
    core_terms,
    deck_html,
    fill_due_markers,
    read_cheat_sheet,
    review_cards,
    term_card_count,
)
from seokb.site.urls import page_url


def term(slug: str, name: str, category: str = "basics", example: str = "Maya's **baking** blog gets a link.\n") -> Term:
    return Term(
        slug=slug,
        term=name,
        short=f"What {name.lower()} means.",
        definition="A definition.\n",
        example=example,
        category=category,
        sources=(Source("Google Search Central", "https://developers.google.com/search"),),
        path=f"glossary/{slug}.yml",
    )


GLOSSARY = Glossary((term("link-building", "Link building"), term("backlink", "Backlink"), term("serp", "SERP", "metrics")))
QUIZ = Quiz(
    id="guild",
    title="Judge a guild link",
    description="One link.",
    questions=(
        Question(
            type="checklist",
            scenario="A guild links to your *pattern*.\n",
            answers=(Answer("It is on topic.", True, "The guild sews.\n"), Answer("It is paid.", False, "Nobody paid.\n")),
        ),
        Question(type="single", prompt="Your verdict?", answers=(Answer("Worth having", True, "It passes.\n"),)),
    ),
)


def test_each_term_gives_two_cards_from_a_to_z_then_each_quiz_question_one() -> None:
    cards = review_cards(GLOSSARY, Quizzes((QUIZ,)), page_url)
    assert [card.id for card in cards] == [
        "t:backlink:f",
        "t:backlink:r",
        "t:link-building:f",
        "t:link-building:r",
        "t:serp:f",
        "t:serp:r",
        "q:guild:1",
        "q:guild:2",
    ]
    assert term_card_count(cards) == 6
    forward, reverse, checklist, single = cards[0], cards[1], cards[6], cards[7]
    assert (forward.prompt, forward.front, forward.back, forward.more) == (
        "What does this term mean?",
        "Backlink",
        "What backlink means.",
        "Maya's baking blog gets a link.",  # Markdown made plain
    )
    assert (reverse.prompt, reverse.front, reverse.back, reverse.href) == (
        "Which term is this?",
        "What backlink means.",
        "Backlink",
        "glossary/backlink/",
    )
    assert (checklist.front, checklist.back, checklist.more) == (
        "A guild links to your pattern. Tick every statement that is true for this link.",
        "It is on topic.",
        "The guild sews.",
    )
    assert (single.prompt, single.front, single.href) == ("Judge a guild link", "Your verdict?", "quizzes/guild/#quiz-guild-q2")


def test_the_cards_travel_as_json_that_cannot_close_their_element() -> None:
    hostile = Glossary((term("x", "</script><script>alert(1)</script>"),))
    html = deck_html(review_cards(hostile, Quizzes(()), page_url), lambda url: "../" + url, None, "../glossary/")
    data = re.search(r'<template id="seokb-review-cards">(.*?)</template>', html, re.S)
    assert data is not None and "<" not in data.group(1)
    assert json.loads(data.group(1))[0]["front"] == "</script><script>alert(1)</script>"
    assert "cheat sheet" not in html  # a site without one links only the glossary


def test_pages_that_ask_for_the_due_count_get_the_decks_size() -> None:
    assert fill_due_markers('<p data-seokb-review-due="">', 12) == '<p data-seokb-review-total="12" data-seokb-review-due="">'


LESSON = """# Lesson

## The seven-question checklist

Intro text.

1. **Is the site about your subject?**

    *What to look for:* the menu.

2. **Is the page useful?**

## The risk signs: what Google calls link spam

- **Paid.** You paid for the link.
- **Swapped.** You traded links.

## Worked example

- **Not a sign.** Text after the section.
"""


def test_the_cheat_sheet_reads_the_checklist_and_the_risk_signs_from_the_lesson() -> None:
    sheet, problems = read_cheat_sheet(LESSON)
    assert problems == []
    assert sheet == CheatSheet(
        ["Is the site about your subject?", "Is the page useful?"],
        [("Paid", "You paid for the link."), ("Swapped", "You traded links.")],
    )


@pytest.mark.parametrize(
    ("lesson", "messages"),
    [
        (
            "# Lesson\n",
            [
                "the cheat sheet needs the heading '## The seven-question checklist'; keep it or update site/review_pages.py",
                "the cheat sheet needs the heading '## The risk signs...'; keep it or update site/review_pages.py",
            ],
        ),
        (
            LESSON.replace("1. **Is the site", "1. Is the site").replace("2. **Is the page useful?**", "2. Useful?"),
            ["the cheat sheet found no '1. **question**' lines under '## The seven-question checklist'"],
        ),
        (
            LESSON.replace("- **Paid.**", "- Paid:").replace("- **Swapped.**", "- Swapped:"),
            ["the cheat sheet found no '- **Sign.** text' lines under '## The risk signs'"],
        ),
    ],
    ids=["no-headings", "no-questions", "no-risk-signs"],
)
def test_a_lesson_that_lost_its_lists_is_a_problem_not_an_empty_sheet(lesson: str, messages: list[str]) -> None:
    assert read_cheat_sheet(lesson)[1] == messages


def test_core_terms_are_the_chosen_ones_in_order_and_an_unknown_one_is_named() -> None:
    chosen, unknown = core_terms(GLOSSARY, ("serp", "backlnk", "backlink"))
    assert [t.slug for t in chosen] == ["serp", "backlink"] and unknown == ["backlnk"]
    chosen, unknown = core_terms(GLOSSARY, ())
    assert [t.slug for t in chosen] == ["backlink", "link-building"] and unknown == []  # the basics, A to Z


def test_the_cheat_sheet_links_each_line_to_where_the_course_explains_it() -> None:
    page = cheat_sheet_page(core_terms(GLOSSARY, ("backlink",))[0], read_cheat_sheet(LESSON)[0])
    assert "[Backlink](glossary/backlink.md)\n:   What backlink means." in page
    assert "## [Judge a link in seven questions](lessons/high-quality-backlinks.md#the-seven-question-checklist)" in page
    assert "1. Is the site about your subject?\n2. Is the page useful?" in page
    assert "- **Paid.** You paid for the link." in page
    assert "autolink: false" in page


@pytest.mark.parametrize("value", ["backlink", [1], {"a": 1}])
def test_cheat_sheet_terms_must_be_a_list_of_names(tmp_path, value) -> None:
    with pytest.raises(SettingsError) as error:
        read_settings({"site_url": "https://example.org/"}, {"cheat_sheet_terms": value}, tmp_path, "docs")
    assert (
        str(error.value) == "seokb: extra.cheat_sheet_terms in mkdocs.yml must be a list of entry file names, such as [backlink]"
    )
