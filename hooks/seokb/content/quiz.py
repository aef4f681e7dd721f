"""Quizzes: quizzes/<id>.yml read into a Quiz, every problem reported as `path:line: message`."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import lru_cache
from pathlib import Path as FsPath
from typing import Any

from markdown_it import MarkdownIt

from seokb.content.folder import FolderKind, load_folder
from seokb.content.glossary import TEXT
from seokb.content.rules import markdown_problems, plain_text_problems
from seokb.content.schema import field_label, schema_problems
from seokb.content.yamlsource import NotText, Path, YamlDocument, read_yaml, value_at
from seokb.diagnostics import Diagnostics

QUIZ_SCHEMA = "quiz.schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema=../hooks/seokb/schema/quiz.schema.json"
# The YAML key that holds a question's answers: a checklist judges statements ("items"), the others offer options.
ANSWERS_KEY = {"checklist": "items", "single": "options", "multiple": "options"}
# Files that may sit in quizzes/ without being quizzes.
# Editor and OS files (.DS_Store, .swp) and the folder's own README are not quizzes.
QUIZ_FILES = FolderKind("quiz", "a quiz", "quizzes", "id", lambda name: name.startswith(".") or name == "README.md")


@dataclass(frozen=True)
class Answer:
    """One thing to tick: a checklist statement or a choice option. `correct` means it should be ticked."""

    text: str
    correct: bool
    explain: str
    line: int = 1


@dataclass(frozen=True)
class Question:
    """One question. A checklist's answers are its `items`; a single or multiple question's are its `options`."""

    type: str
    answers: tuple[Answer, ...]
    prompt: str | None = None
    scenario: str | None = None
    line: int = 1

    @property
    def points(self) -> int:
        """A checklist earns a point per statement judged right (partial credit); a choice question one point."""
        return len(self.answers) if self.type == "checklist" else 1


@dataclass(frozen=True)
class Quiz:
    """One quiz, as read from quizzes/<id>.yml."""

    id: str
    title: str
    description: str
    questions: tuple[Question, ...]
    intro: str | None = None
    lesson: str | None = None
    path: str = ""
    # Line of every field and list item, keyed by its path (('questions', 0, 'options')), for messages about the quiz.
    lines: dict[tuple, int] = field(default_factory=dict, compare=False, hash=False)

    @property
    def points(self) -> int:
        return sum(question.points for question in self.questions)


@dataclass(frozen=True)
class Quizzes:
    """Every valid quiz of a run, in id order."""

    quizzes: tuple[Quiz, ...] = ()
    # Ids whose file exists but could not be read: a marker naming one is not also reported as unknown.
    unreadable: frozenset[str] = frozenset()

    def __iter__(self) -> Iterator[Quiz]:
        return iter(self.quizzes)

    def __len__(self) -> int:
        return len(self.quizzes)

    def get(self, quiz_id: str) -> Quiz | None:
        return next((quiz for quiz in self.quizzes if quiz.id == quiz_id), None)

    @property
    def ids(self) -> list[str]:
        return [quiz.id for quiz in self.quizzes]


def load_quizzes(root: FsPath, report: Diagnostics, folder: str = "quizzes", lessons: Collection[str] | None = None) -> Quizzes:
    """Every valid quiz under root/folder; every problem, in any file, goes to `report`.

    `lessons` is every lesson slug (docs/lessons/<slug>.md); when given, a quiz's `lesson` must name one of them.
    """
    read, present = load_folder(root, folder, QUIZ_FILES, report, read_quiz)
    quizzes = [quiz for quiz in read if quiz is not None]
    if lessons is not None:
        check_lessons(quizzes, lessons, report)
    return Quizzes(tuple(quizzes), unreadable=frozenset(present - {quiz.id for quiz in quizzes}))


def read_quiz(text: str, path: str, quiz_id: str, report: Diagnostics) -> Quiz | None:
    """One quiz from its text; None (with every problem reported) when it is not valid."""
    if quiz_id == "index":  # quizzes/index.md is the engine's list of quizzes
        report.add(
            path,
            1,
            "'index.yml' cannot be a quiz: its page would be quizzes/index.md, the engine's list of quizzes; "
            "rename the file after what the quiz tests, like 'choosing-anchor-text.yml'",
        )
        return None
    before = len(report)
    document = read_yaml(text, path, report)
    if document is None:
        return None
    if document.data is None:
        report.add(path, 1, "the file is empty; copy an existing quiz to start from")
        return None
    if not isinstance(document.data, dict):
        report.add(
            path,
            document.value_line(()),
            "a quiz is a set of fields ('title: ...', 'questions: ...'), not a list or a single value",
        )
        return None
    judged = _read_correct_flags(document, path, report)
    for line, message in schema_problems(document, QUIZ_SCHEMA):
        # A `correct` already reported as not true/false would be reported twice, once in YAML's words.
        if not any(message.startswith(f"{field_label(at)}:") for at in judged):
            report.add(path, line, message)
    _check_text(document, path, report)
    _check_answers(document, path, report, judged)
    if len(report) > before:
        return None
    return _quiz(document, path, quiz_id)


def _quiz(document: YamlDocument, path: str, quiz_id: str) -> Quiz:
    data = document.data
    questions = []
    for index, raw in enumerate(data["questions"]):
        key = ANSWERS_KEY[raw["type"]]
        answers = tuple(
            Answer(
                answer["text"].strip(), answer["correct"], answer["explain"], document.line_of(("questions", index, key, number))
            )
            for number, answer in enumerate(raw[key])
        )
        questions.append(
            Question(
                type=raw["type"],
                answers=answers,
                prompt=_stripped(raw.get("prompt")),
                scenario=raw.get("scenario"),
                line=document.line_of(("questions", index)),
            )
        )
    return Quiz(
        id=quiz_id,
        title=data["title"].strip(),
        description=data["description"].strip(),
        questions=tuple(questions),
        intro=data.get("intro"),
        lesson=data.get("lesson"),
        path=path,
        lines={
            **{at: document.line_of(at) for at in document.value_lines},
            # Where a literal block's text starts, so a Markdown line inside it maps to a line of the file.
            **{(*at, TEXT): line for at, line in document.text_lines.items()},
        },
    )


def _stripped(text: str | None) -> str | None:
    return text.strip() if isinstance(text, str) else None


def _answer_lists(data: Any) -> Iterator[tuple[Path, str, list]]:
    """(path of the answer list, question type, answers) for every question whose shape can be read."""
    questions = data.get("questions") if isinstance(data, dict) else None
    for index, question in enumerate(questions if isinstance(questions, list) else ()):
        if not isinstance(question, dict):
            continue
        kind = question.get("type")
        key = ANSWERS_KEY.get(kind) if isinstance(kind, str) else None
        if key is None:
            continue
        answers = question.get(key)
        if isinstance(answers, list):
            yield ("questions", index, key), str(kind), answers


_TRUE_FALSE = {"true": True, "false": False}
_YES_NO = {"yes": True, "y": True, "on": True, "no": False, "n": False, "off": False}


def _read_correct_flags(document: YamlDocument, path: str, report: Diagnostics) -> set[Path]:
    """Turn `correct: true` into a bool. Everything else there is reported once here; returns the paths reported.

    The YAML reader keeps every non-text scalar as NotText, because in text fields `NO` or `yes` is a trap. Here a
    true/false value is wanted, so only YAML's own `true` and `false` count: `yes` and `on` mean the same to YAML but
    not to everyone reading the file.
    """
    reported: set[Path] = set()
    for at, _kind, answers in _answer_lists(document.data):
        for number, answer in enumerate(answers):
            value = answer.get("correct") if isinstance(answer, dict) else None
            if not isinstance(value, NotText):
                continue
            flag = _TRUE_FALSE.get(value.raw.lower())
            if flag is not None:
                answer["correct"] = flag
                continue
            spot = (*at, number, "correct")
            reported.add(spot)
            report.add(path, document.value_line(spot), f"{field_label(spot)}: write true or false, not '{value.raw}'")
            if value.raw.lower() in _YES_NO:
                answer["correct"] = _YES_NO[value.raw.lower()]  # so the count of right answers is not also reported
    return reported


_MARKDOWN_FIELDS = ("intro",)
_QUESTION_MARKDOWN = ("scenario", "prompt")
_PLAIN_FIELDS = ("title", "description")


def _check_text(document: YamlDocument, path: str, report: Diagnostics) -> None:
    """Markdown rules on Markdown fields, plain-text rules on the rest; only string values (the schema reports the others)."""
    data = document.data
    fields: list[tuple[Path, str]] = [((name,), "markdown") for name in _MARKDOWN_FIELDS]
    fields += [((name,), "plain") for name in _PLAIN_FIELDS]
    questions = data.get("questions")
    for index, question in enumerate(questions if isinstance(questions, list) else ()):
        if not isinstance(question, dict):
            continue
        fields += [(("questions", index, name), "markdown") for name in _QUESTION_MARKDOWN]
        fields.append((("questions", index, "prompt"), "paragraph"))
    for at, _kind, answers in _answer_lists(data):
        for number in range(len(answers)):
            fields.append(((*at, number, "text"), "markdown"))
            fields.append(((*at, number, "text"), "label"))
            fields.append(((*at, number, "explain"), "markdown"))
    for at, rule in fields:
        text = value_at(data, at)
        if not isinstance(text, str) or not text.strip():
            continue
        for offset, message in _text_problems(text, rule, at):
            start = document.text_lines.get(at)
            line = start + offset if start else document.value_line(at)
            report.add(path, line, f"{field_label(at)}: {message}")


def _text_problems(text: str, rule: str, at: Path) -> Iterator[tuple[int, str]]:
    if rule == "markdown":
        for problem in markdown_problems(text):
            yield problem.offset, problem.message
    elif rule == "plain":
        for problem in plain_text_problems(text):
            yield problem.offset, problem.message
    elif rule == "paragraph" and not _one_paragraph(text):
        yield 0, "must be one paragraph, because it becomes the question's legend; put the rest in 'scenario'"
    elif rule == "label":
        if not _one_paragraph(text):
            yield 0, "must be one short paragraph, because it is the label of a tick box; put the rest in 'explain'"
        elif _has_link(text):
            yield (
                0,
                "must not contain a link, because a click on it would follow the link instead of ticking; put the link in 'explain'",
            )


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _one_paragraph(text: str) -> bool:
    return [token.type for token in _parser().parse(text.strip())] == ["paragraph_open", "inline", "paragraph_close"]


def _has_link(text: str) -> bool:
    return any(child.type == "link_open" for token in _parser().parse(text) for child in token.children or ())


def _check_answers(document: YamlDocument, path: str, report: Diagnostics, judged: set[Path]) -> None:
    """What the schema cannot say: how many answers are right, and that no answer is written twice."""
    for at, kind, answers in _answer_lists(document.data):
        label = field_label(at)
        seen: dict[str, int] = {}
        for number, answer in enumerate(answers):
            text = answer.get("text") if isinstance(answer, dict) else None
            if not isinstance(text, str) or not text.strip():
                continue
            key = " ".join(text.casefold().split())
            if key in seen:
                first = seen[key]
                report.add(
                    path,
                    document.line_of((*at, number)),
                    f"{label} item {number + 1}: '{text.strip()}' is the same as {at[-1]} item {first + 1}; "
                    f"each {'statement' if kind == 'checklist' else 'option'} must say something different",
                )
            else:
                seen[key] = number
        flags = [answer.get("correct") if isinstance(answer, dict) else None for answer in answers]
        if kind == "checklist" or any((*at, n, "correct") in judged for n in range(len(answers))):
            continue
        if not all(isinstance(flag, bool) for flag in flags):
            continue  # a missing or mistyped `correct` is already reported by the schema
        right = [number + 1 for number, flag in enumerate(flags) if flag]
        line = document.line_of(at)
        if kind == "single" and not right:
            report.add(path, line, f"{label}: a 'single' question needs exactly one option with 'correct: true'; none has it")
        elif kind == "single" and len(right) > 1:
            report.add(
                path,
                line,
                f"{label}: a 'single' question needs exactly one option with 'correct: true', but items "
                f"{_and(right)} have it; keep one, or make it a 'multiple' question",
            )
        elif kind == "multiple" and not right:
            report.add(path, line, f"{label}: a 'multiple' question needs at least one option with 'correct: true'; none has it")


def _and(numbers: list[int]) -> str:
    words = [str(n) for n in numbers]
    return ", ".join(words[:-1]) + " and " + words[-1]


def check_lessons(quizzes: list[Quiz] | Quizzes, lessons: Collection[str], report: Diagnostics) -> None:
    """A quiz's `lesson` must name a lesson that exists: the quiz page links to it."""
    known = sorted(lessons)
    for quiz in quizzes:
        if quiz.lesson is None or quiz.lesson in lessons:
            continue
        close = get_close_matches(quiz.lesson, known, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else "; name a lesson by its file name in docs/lessons/ without .md"
        report.add(quiz.path, quiz.lines.get(("lesson",), 1), f"lesson: unknown lesson '{quiz.lesson}'{hint}")
