"""Where quizzes appear: their own pages, the list of all quizzes, and every link in them, with its YAML line."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable

from seokb.content.quiz import TEXT, Quiz, Quizzes
from seokb.content.schema import field_label
from seokb.markup.links import Link, markdown_links
from seokb.site.safe_html import SafeHtml, removed_message
from seokb.site.urls import lesson_src, markdown_link, quiz_src, relative_url

QUIZ_SLOT = "<!-- seokb-slot: quiz {id} -->"
LIST_SLOT = "<!-- seokb-slot: quiz-list -->"
_SLOT = re.compile(r"<!-- seokb-slot: quiz ([a-z0-9-]+) -->")
_HREF = re.compile(r'(\shref=")([^"#:?]*\.md)((?:#[^"]*)?")')


def quiz_page(quiz: Quiz, lesson_title: str | None) -> str:
    """The Markdown of quizzes/<id>.md: the quiz on a page of its own, to share."""
    # Out of the search index: the same quiz is in its lesson, and questions and answer keys are no text to look up.
    lines = ["---", f"description: {json.dumps(quiz.description, ensure_ascii=False)}", "search:", "  exclude: true", "---"]
    lines += [f"# {_plain(quiz.title)}", ""]
    lines += [QUIZ_SLOT.format(id=quiz.id), ""]
    if quiz.lesson and lesson_title:
        link = markdown_link(quiz_src(quiz.id), lesson_src(quiz.lesson))
        lines += [f"This quiz goes with the lesson [{_plain(lesson_title)}]({link}).", ""]
    lines += ["See [all quizzes](index.md) and your progress.", ""]
    return "\n".join(lines)


def list_page(count: int) -> str:
    """The Markdown of quizzes/index.md; the list itself is filled in once pages are rendered."""
    return "\n".join(
        [
            "---",
            'description: "Practise judging backlinks and check what each lesson taught, with an explanation for every answer."',
            "---",
            "# Quizzes",
            "",
            f"{count} short quizzes, each with an explanation for every answer. Your progress stays in this browser.",
            "",
            LIST_SLOT,
            "",
        ]
    )


def _plain(text: str) -> str:
    from seokb.site.glossary_pages import plain

    return plain(text)


_HEADING = re.compile(r"<h([1-6])\b")


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]*>")
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)  # the toc extension's "¶"


def page_is_named_for(html: str, quiz: Quiz) -> bool:
    """Whether the page's own h1 is the quiz's title ('Course test'): then the quiz needs no title heading of its own,
    which would only say it again ('Quiz: Course test')."""
    match = _H1.search(html)
    if match is None:
        return False
    return " ".join(_TAG.sub("", _PERMALINK.sub("", match.group(1))).split()) == " ".join(quiz.title.split())


def fill_slots(html: str, render: Callable[[str, int], str]) -> str:
    """Each quiz placeholder replaced by the quiz's HTML (`render(quiz_id, level)`), where `level` is the level its
    title heading takes: one below the last heading before it (h3 in a lesson's h2 section, h2 right under the h1),
    so that no heading level is skipped."""

    def replace(match: re.Match[str]) -> str:
        before = _HEADING.findall(html, 0, match.start())
        return render(match.group(1), min(int(before[-1]) + 1, 6) if before else 2)

    return _SLOT.sub(replace, html)


def rewrite_links(html: str, page_src: str, url_of: Callable[[str], str | None], page_url: str) -> str:
    """Quiz Markdown links are written from quizzes/ (like '../glossary/backlink.md'); make them work on `page_url`."""

    def replace(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), match.group(2)))
        url = url_of(target)
        if url is None:
            return match.group(0)  # left as written: the link check reports it at its YAML line
        return f"{match.group(1)}{relative_url(url, page_url)}{match.group(3)}"

    return _HREF.sub(replace, html)


_MARKDOWN_FIELDS = ("intro", "scenario", "explain", "prompt", "text")


def _markdown_fields(quiz: Quiz):
    """(field path, first line of its text, text) for every Markdown field of a quiz."""
    for at, line in quiz.lines.items():
        if at and at[-1] in _MARKDOWN_FIELDS:
            text = _value(quiz, at)
            if isinstance(text, str):
                yield at, quiz.lines.get((*at, TEXT), line), text


def quiz_field_problems(quiz: Quiz, render: Callable[[str], SafeHtml]) -> list[tuple[int, str]]:
    """(line, message) for each Markdown field whose HTML the sanitizer had to change: a source check missed it."""
    problems = []
    for at, line, text in _markdown_fields(quiz):
        removed = render(text).removed
        if removed:
            problems.append((line, f"{field_label(at)}: {removed_message(removed)}"))
    return problems


def quiz_links(quiz: Quiz) -> list[Link]:
    """Every link in a quiz's Markdown, at its line in the quiz file, resolved from quizzes/<id>.md."""
    page = quiz_src(quiz.id)
    links: list[Link] = []
    for _at, first, text in _markdown_fields(quiz):
        links += markdown_links(text, quiz.path, page, first_line=first)
    if quiz.lesson:
        links.append(
            Link(
                quiz.path,
                quiz.lines.get(("lesson",), 1),
                page,
                markdown_link(page, lesson_src(quiz.lesson)),
                origin="quiz-lesson",
            )
        )
    return links


def _value(quiz: Quiz, at: tuple):
    """The text at a path of the quiz file, read from the model (questions, answers and their fields)."""
    if at == ("intro",):
        return quiz.intro
    if len(at) >= 3 and at[0] == "questions" and isinstance(at[1], int) and at[1] < len(quiz.questions):
        question = quiz.questions[at[1]]
        if len(at) == 3:
            return {"scenario": question.scenario, "prompt": question.prompt}.get(at[2])
        if len(at) == 5 and isinstance(at[3], int) and at[3] < len(question.answers):
            answer = question.answers[at[3]]
            return {"explain": answer.explain, "text": answer.text}.get(at[4])
    return None


def list_links(quizzes: Quizzes) -> list[Link]:
    """The quiz list links every quiz page (reported at the quiz file's title line if one broke)."""
    return [
        Link(
            q.path,
            q.lines.get(("title",), 1),
            "quizzes/index.md",
            f"{q.id}/",
            page_url="quizzes/",
            text=q.title,
            origin="quiz-list",
        )
        for q in quizzes
    ]
