"""The quiz contract: tables of valid quizzes and of invalid ones with the exact message each must produce."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator
from support.quiz_cases import P, answer, checklist, choice, quiz

from seokb.content.quiz import (
    ANSWERS_KEY,
    SCHEMA_LINE,
    Quizzes,
    load_quizzes,
    read_quiz,
)
from seokb.content.schema import load_schema
from seokb.diagnostics import Diagnostics

REPO = Path(__file__).resolve().parents[2]


def problems(text: str, path: str = P) -> list[str]:
    report = Diagnostics()
    read_quiz(text, path, Path(path).stem, report)
    return [str(d) for d in report.sorted()]


VALID = [
    ("a checklist and a verdict", quiz()),
    (
        "a multiple question with two right options",
        quiz(choice("multiple", answer("Outreach"), answer("Guest posting"), answer("Buying links", "false"))),
    ),
    ("a multiple question with every option right", quiz(choice("multiple", answer("Outreach"), answer("Guest posting")))),
    ("a checklist where nothing holds", quiz(checklist(answer("Relevant", "false"), answer("Useful page", "false")))),
    (
        "optional intro, prompt and scenario",
        quiz(
            checklist(extra="    prompt: Which checks does it pass?\n"),
            choice(extra="    scenario: |\n      Marcus sees **more** impressions.\n\n      But few clicks.\n"),
            intro="|\n  Read the scenario, then tick.",
        ),
    ),
    ("no lesson", quiz(lesson="")),
    ("True and FALSE are YAML booleans too", quiz(choice("single", answer("A", "True"), answer("B", "FALSE")))),
    (
        "inline Markdown in an option",
        quiz(choice("single", answer('The `rel="ugc"` value'), answer("Some **bold** words", "false"))),
    ),
    (
        "links in explanations",
        quiz(choice("single", answer("A", explain="See [anchor text](../glossary/anchor-text.md)."), answer("B", "false"))),
    ),
    ("the same text in two questions", quiz(choice(), choice())),
]


@pytest.mark.parametrize("text", [text for _, text in VALID], ids=[name for name, _ in VALID])
def test_valid_quizzes_have_no_problems(text: str) -> None:
    assert problems(text) == []


INVALID = [
    (
        "single with no right option",
        quiz(choice("single", answer("A", "false"), answer("B", "false"))),
        [f"{P}:8: questions item 1, options: a 'single' question needs exactly one option with 'correct: true'; none has it"],
    ),
    (
        "single with two right options",
        quiz(choice("single", answer("A"), answer("B", "false"), answer("C"))),
        [
            f"{P}:8: questions item 1, options: a 'single' question needs exactly one option with 'correct: true', but items 1 and 3 have it; keep one, or make it a 'multiple' question"
        ],
    ),
    (
        "multiple with no right option",
        quiz(choice("multiple", answer("A", "false"), answer("B", "false"))),
        [f"{P}:8: questions item 1, options: a 'multiple' question needs at least one option with 'correct: true'; none has it"],
    ),
    ("one option only", quiz(choice("single", answer("A"))), [f"{P}:9: questions item 1, options: needs at least 2 items"]),
    ("one checklist item only", quiz(checklist(answer("Relevant"))), [f"{P}:9: questions item 1, items: needs at least 2 items"]),
    ("no questions", quiz().split("questions:")[0] + "questions: []\n", [f"{P}:5: questions: needs at least 1 item"]),
    (
        "a duplicate option, by case and spacing",
        quiz(choice("single", answer("High quality"), answer("Risky", "false"), answer("high  Quality", "false"))),
        [
            f"{P}:15: questions item 1, options item 3: 'high  Quality' is the same as options item 1; each option must say something different"
        ],
    ),
    (
        "a duplicate checklist statement",
        quiz(checklist(answer("Relevant"), answer("Relevant", "false"))),
        [
            f"{P}:12: questions item 1, items item 2: 'Relevant' is the same as items item 1; each statement must say something different"
        ],
    ),
    (
        "an option without explanation",
        quiz(choice("single", answer("A"), "      - text: B\n        correct: false\n")),
        [
            f"{P}:12: questions item 1, options item 2: missing required field 'explain': Markdown: why it should or should not be ticked. Shown after Check, and inside 'Answers and explanations' without JavaScript."
        ],
    ),
    (
        "a checklist item with an empty explanation",
        quiz(checklist(answer("Relevant"), answer("Useful", explain='""'))),
        [f"{P}:14: questions item 1, items item 2, explain: is empty"],
    ),
    (
        "an option without correct",
        quiz(choice("single", answer("A"), "      - text: B\n        explain: No.\n")),
        [
            f"{P}:12: questions item 1, options item 2: missing required field 'correct': true when this should be ticked: the statement holds in the scenario, or the option is a right answer."
        ],
    ),
    (
        "correct: yes",
        quiz(choice("single", answer("A", "yes"), answer("B", "false"))),
        [f"{P}:10: questions item 1, options item 1, correct: write true or false, not 'yes'"],
    ),
    (
        "correct: 1",
        quiz(choice("single", answer("A", "1"), answer("B", "false"))),
        [f"{P}:10: questions item 1, options item 1, correct: write true or false, not '1'"],
    ),
    (
        "correct in quotes",
        quiz(choice("single", answer("A", '"true"'), answer("B", "false"))),
        [f"{P}:10: questions item 1, options item 1, correct: must be true or false, not text"],
    ),
    (
        "an unknown question type with a close match",
        quiz(choice("singel")),
        [f"{P}:6: questions item 1, type: unknown type 'singel' (did you mean 'single'?)"],
    ),
    (
        "an unknown question type without one",
        quiz(choice("essay")),
        [f"{P}:6: questions item 1, type: unknown type 'essay'; one of checklist, single, multiple"],
    ),
    (
        "a question without a type",
        quiz("  - prompt: Which one?\n    options: []\n"),
        [f"{P}:6: questions item 1: missing required field 'type': One of checklist, single, multiple."],
    ),
    (
        "a checklist without a scenario",
        quiz("  - type: checklist\n    items:\n" + answer("A") + answer("B", "false")),
        [f"{P}:6: questions item 1: missing required field 'scenario'"],
    ),
    (
        "a choice question without a prompt",
        quiz("  - type: single\n    options:\n" + answer("A") + answer("B", "false")),
        [f"{P}:6: questions item 1: missing required field 'prompt'"],
    ),
    (
        "options in a checklist",
        quiz(checklist().replace("items:", "options:")),
        [
            f"{P}:6: questions item 1: missing required field 'items': The statements to judge, usually the six quality checks. Each has text, correct (true when it holds in the scenario) and explain.",
            f"{P}:8: questions item 1: unknown field 'options'; allowed fields: type, scenario, prompt, items",
        ],
    ),
    (
        "an unknown answer field with a close match",
        quiz(choice().replace("explain: Because it is so.", "explanation: Because it is so.", 1)),
        [
            f"{P}:9: questions item 1, options item 1: missing required field 'explain': Markdown: why it should or should not be ticked. Shown after Check, and inside 'Answers and explanations' without JavaScript.",
            f"{P}:11: questions item 1, options item 1: unknown field 'explanation' (did you mean 'explain'?)",
        ],
    ),
    (
        "an unknown top-level field",
        quiz(lesons="high-quality-backlinks"),
        [f"{P}:5: unknown field 'lesons' (did you mean 'lesson'?)"],
    ),
    (
        "an unknown top-level field without a close match",
        quiz(colour="blue"),
        [f"{P}:5: unknown field 'colour'; allowed fields: title, description, lesson, intro, questions"],
    ),
    (
        "a missing title",
        quiz(title=""),
        [f"{P}:2: missing required field 'title': The quiz's name, in sentence case: 'Judge a link from a quilting guild'."],
    ),
    ("an empty description", quiz(description='""'), [f"{P}:3: description: is empty"]),
    ("an empty intro", quiz(intro='""'), [f"{P}:5: intro: is empty; write it or remove the field"]),
    (
        "a lesson that is not a slug",
        quiz(lesson="High quality backlinks"),
        [
            f"{P}:4: lesson: 'High quality backlinks' is not a lesson's file name; write it without .md, like 'high-quality-backlinks'"
        ],
    ),
    (
        "a description over 200 characters",
        quiz(description="x" * 201),
        [f"{P}:3: description: is 201 characters; the limit is 200"],
    ),
    (
        "raw HTML in a scenario",
        quiz(checklist(scenario="|\n      A guild links to you.\n\n      <div>Read it</div>")),
        [f"{P}:10: questions item 1, scenario: raw HTML '<div>Read it</div>' is not allowed; contributions are Markdown only"],
    ),
    (
        "raw HTML in an explanation",
        quiz(choice("single", answer("A", explain='"<img src=x onerror=alert(1)>"'), answer("B", "false"))),
        [
            f"{P}:11: questions item 1, options item 1, explain: raw HTML '<img src=x onerror=alert(1)>' is not allowed; contributions are Markdown only"
        ],
    ),
    (
        "a javascript: link in an explanation",
        quiz(choice("single", answer("A", explain='"[x](javascript:alert(1))"'), answer("B", "false"))),
        [
            f"{P}:11: questions item 1, options item 1, explain: 'javascript:' links are not allowed; link to an https page instead"
        ],
    ),
    (
        "Markdown in the title",
        quiz(title="Judge a *link*"),
        [f"{P}:2: title: must be plain text, without Markdown ('*'); remove it"],
    ),
    (
        "a heading in the intro",
        quiz(intro="|\n  ## Start here"),
        [f"{P}:6: intro: headings are not allowed here; the page adds its own, so use a bold line or a list"],
    ),
    (
        "a link in an option's text",
        quiz(choice("single", answer("See [this](https://example.com)"), answer("B", "false"))),
        [
            f"{P}:9: questions item 1, options item 1, text: must not contain a link, because a click on it would follow the link instead of ticking; put the link in 'explain'"
        ],
    ),
    (
        "two paragraphs in an option's text",
        quiz(choice("single", answer("|\n          One.\n\n          Two."), answer("B", "false"))),
        [
            f"{P}:10: questions item 1, options item 1, text: must be one short paragraph, because it is the label of a tick box; put the rest in 'explain'"
        ],
    ),
    (
        "a list as the prompt",
        quiz(choice(prompt="|\n      - Which one?\n      - Or this?")),
        [
            f"{P}:8: questions item 1, prompt: must be one paragraph, because it becomes the question's legend; put the rest in 'scenario'"
        ],
    ),
    (
        "a YAML alias",
        quiz(choice("single", answer("A", explain="&why Because."), answer("B", "false", explain="*why"))),
        [
            f"{P}:11: YAML anchor '&why' is not allowed; write each value out in full",
            f"{P}:14: YAML alias '*why' is not allowed; write the value out in full",
        ],
    ),
    (
        "an unquoted colon",
        quiz(checklist(scenario="The anchor text: buy cheap tents")),
        [
            f"{P}:7: YAML syntax error: ': ' inside unquoted text starts a new field to YAML; put the whole value of 'scenario' in double quotes, like scenario: \"Text: more text\""
        ],
    ),
    (
        "a list instead of fields",
        "- title\n- questions\n",
        [f"{P}:1: a quiz is a set of fields ('title: ...', 'questions: ...'), not a list or a single value"],
    ),
    ("an empty file", "", [f"{P}:1: the file is empty; copy an existing quiz to start from"]),
]


@pytest.mark.parametrize(
    "text, expected", [(text, expected) for _, text, expected in INVALID], ids=[name for name, _, _ in INVALID]
)
def test_invalid_quizzes_give_exact_messages(text: str, expected: list[str]) -> None:
    assert problems(text) == expected


def test_a_valid_quiz_becomes_the_model() -> None:
    report = Diagnostics()
    result = read_quiz(quiz(checklist(), choice("multiple", answer("A"), answer("B", "false"))), P, "judge-a-link", report)
    assert not report and result is not None
    assert (result.id, result.title, result.lesson) == ("judge-a-link", "Judge a link", "high-quality-backlinks")
    assert [q.type for q in result.questions] == ["checklist", "multiple"]
    assert [(a.text, a.correct, a.line) for a in result.questions[0].answers] == [
        ("The site is about your subject.", True, 9),
        ("The anchor text is a keyword phrase.", False, 12),
    ]
    # Partial credit: a point per checklist statement, one per choice question.
    assert [q.points for q in result.questions] == [2, 1] and result.points == 3


# Cases the schema alone (what an editor sees) must also reject; the rest need the loader.
SCHEMA_LEVEL = {
    "one option only",
    "one checklist item only",
    "no questions",
    "an option without explanation",
    "a checklist item with an empty explanation",
    "an option without correct",
    "correct in quotes",
    "an unknown question type with a close match",
    "a question without a type",
    "a checklist without a scenario",
    "a choice question without a prompt",
    "options in a checklist",
    "an unknown answer field with a close match",
    "an unknown top-level field",
    "a missing title",
    "an empty description",
    "a lesson that is not a slug",
    "a description over 200 characters",
}
RAW = Draft7Validator(load_schema("quiz.schema.json"))


def test_the_quiz_schema_is_valid_draft_07() -> None:
    Draft7Validator.check_schema(load_schema("quiz.schema.json"))
    assert load_schema("quiz.schema.json")["definitions"]["questionType"]["enum"] == list(ANSWERS_KEY)


@pytest.mark.parametrize("text", [text for _, text in VALID], ids=[name for name, _ in VALID])
def test_the_schema_accepts_every_valid_quiz(text: str) -> None:
    assert list(RAW.iter_errors(yaml.safe_load(text))) == []


@pytest.mark.parametrize("name, text", [(n, t) for n, t, _ in INVALID if n in SCHEMA_LEVEL])
def test_the_schema_rejects_what_the_loader_rejects(name: str, text: str) -> None:
    assert list(RAW.iter_errors(yaml.safe_load(text))), f"the schema accepts '{name}'"


def test_every_schema_level_case_exists() -> None:
    assert SCHEMA_LEVEL <= {name for name, _, _ in INVALID}


def folder_problems(tmp_path: Path, files: dict[str, str | None], lessons: set[str] | None = None) -> list[str]:
    folder = tmp_path / "quizzes"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        if text is None:
            (folder / name).mkdir()
        else:
            (folder / name).write_text(text, encoding="utf-8")
    report = Diagnostics()
    load_quizzes(tmp_path, report, lessons=lessons)
    return [str(d) for d in report.sorted()]


def test_every_problem_in_every_file_is_reported_at_once(tmp_path: Path) -> None:
    assert folder_problems(
        tmp_path,
        {
            "README.md": "# Quizzes\n",
            "a-quiz.yml": quiz(choice("singel")),
            "b-quiz.yml": quiz(lesson="high-quality-backlink"),
            "c-quiz.yml": quiz(lesson="nothing-like-it"),
            "Bad_Name.yml": quiz(),
            "old.yaml": quiz(),
            "notes.txt": "hi",
            "drafts": None,
        },
        lessons={"high-quality-backlinks", "safe-link-building"},
    ) == [
        "quizzes/Bad_Name.yml:1: file name 'Bad_Name.yml' is not an id (lowercase words joined by '-'); rename it to 'bad-name.yml'",
        "quizzes/a-quiz.yml:6: questions item 1, type: unknown type 'singel' (did you mean 'single'?)",
        "quizzes/b-quiz.yml:4: lesson: unknown lesson 'high-quality-backlink' (did you mean 'high-quality-backlinks'?)",
        "quizzes/c-quiz.yml:4: lesson: unknown lesson 'nothing-like-it'; name a lesson by its file name in docs/lessons/ without .md",
        "quizzes/drafts:1: folders are not read here; put each quiz directly in quizzes/ as <id>.yml",
        "quizzes/notes.txt:1: not a quiz: only <id>.yml quizzes belong in quizzes/",
        "quizzes/old.yaml:1: not a quiz: rename it to 'old.yml'",
    ]


def test_a_missing_quizzes_folder_is_no_problem(tmp_path: Path) -> None:
    report = Diagnostics()
    assert len(load_quizzes(tmp_path, report)) == 0 and not report


def real_quizzes() -> tuple[Quizzes, list[str]]:
    report = Diagnostics()
    lessons = {path.stem for path in (REPO / "docs" / "lessons").glob("*.md")}
    return load_quizzes(REPO, report, lessons=lessons), [str(d) for d in report.sorted()]


def test_the_real_quizzes_are_valid() -> None:
    quizzes, found = real_quizzes()
    assert found == []
    assert len(quizzes) >= 8


def test_the_real_quizzes_cover_what_the_issue_asks() -> None:
    quizzes, _ = real_quizzes()
    checklists = [q for q in quizzes if any(question.type == "checklist" for question in q.questions)]
    assert len(checklists) >= 6
    # The course test asks about all ten lessons, so it names none; every other quiz names the one it tests.
    assert [q.id for q in quizzes if not q.lesson] == ["course-test"], "every quiz names the lesson it tests"
    for quiz_file in sorted((REPO / "quizzes").glob("*.yml")):
        assert quiz_file.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE, quiz_file.name
    target = (REPO / "quizzes" / SCHEMA_LINE.split("$schema=")[1]).resolve()
    assert target == (REPO / "hooks" / "seokb" / "schema" / "quiz.schema.json").resolve()
