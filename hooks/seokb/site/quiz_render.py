"""The HTML of a quiz and of the quiz list, from templates; Markdown fields go through the caller's Markdown renderer."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import jinja2
from markupsafe import Markup

from seokb.content.quiz import Question, Quiz
from seokb.site.templates import template_environment

RenderMarkdown = Callable[[str], str]
"""Markdown -> HTML. The site passes MkDocs' own pipeline (so glossary terms get linked); tests pass python-markdown."""

CHECKLIST_PROMPT = "Tick every statement that is true for this link."

_ONE_PARAGRAPH = re.compile(r"\A\s*<p>(?P<inner>.*)</p>\s*\Z", re.DOTALL)


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    # The output is HTML: every plain value is escaped; only Markdown rendered by the caller is marked safe.
    return template_environment(autoescape=True)


def inline(html: str) -> Markup:
    """One rendered paragraph without its <p>, for a legend or a label, which may hold phrasing content only."""
    match = _ONE_PARAGRAPH.match(html)
    inner = match.group("inner") if match and "<p>" not in match.group("inner") else html
    return Markup(inner.strip())


@dataclass(frozen=True)
class RenderedAnswer:
    text: Markup
    explain: Markup | None  # None: the answer has no explanation to show
    correct: bool


@dataclass(frozen=True)
class RenderedQuestion:
    question: Question
    number: int
    legend: Markup
    scenario: Markup | None
    answers: tuple[RenderedAnswer, ...]

    @property
    def input_type(self) -> str:
        return "radio" if self.question.type == "single" else "checkbox"


def _block(render_markdown: RenderMarkdown, text: str | None) -> Markup | None:
    return Markup(render_markdown(text).strip()) if text else None


def render_quiz(quiz: Quiz, render_markdown: RenderMarkdown, *, heading_level: int | None = 2) -> str:
    """The quiz as one HTML block. The templates write no blank line, so Markdown keeps the block whole in a page.

    `heading_level` is the level of the quiz's title heading, or None where the page's own title names the quiz
    (the quiz's page, /quizzes/<id>/). The ids inside are prefixed with `quiz-<id>-`: embed a quiz once per page.
    """
    questions = tuple(
        RenderedQuestion(
            question=question,
            number=number,
            legend=inline(render_markdown(question.prompt)) if question.prompt else Markup(CHECKLIST_PROMPT),
            scenario=_block(render_markdown, question.scenario),
            answers=tuple(
                RenderedAnswer(inline(render_markdown(answer.text)), _block(render_markdown, answer.explain), answer.correct)
                for answer in question.answers
            ),
        )
        for number, question in enumerate(quiz.questions, start=1)
    )
    return (
        _templates()
        .get_template("quiz.html.jinja")
        .render(
            quiz=quiz,
            questions=questions,
            intro=_block(render_markdown, quiz.intro),
            heading_level=heading_level,
        )
    )


@dataclass(frozen=True)
class LessonLink:
    """Where a quiz's lesson lives, as the list page links to it."""

    title: str
    href: str


def render_quiz_list(
    quizzes: Iterable[Quiz],
    href: Callable[[Quiz], str] = lambda quiz: f"{quiz.id}/",
    lessons: Mapping[str, LessonLink] | None = None,
) -> str:
    """The /quizzes/ list: each quiz with its description and lesson; quiz.js fills in the learner's progress.

    `href` gives each quiz's link relative to the list page; `lessons` maps a lesson slug to its title and link.
    """
    entries = [(quiz, (lessons or {}).get(quiz.lesson or "")) for quiz in quizzes]
    return _templates().get_template("quiz-list.html.jinja").render(entries=entries, href=href)
