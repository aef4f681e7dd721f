"""Quiz fixtures the quiz tests share."""

from __future__ import annotations

from seokb.content.quiz import SCHEMA_LINE


def answer(text: str, correct: str = "true", explain: str = "Because it is so.") -> str:
    return f"      - text: {text}\n        correct: {correct}\n        explain: {explain}\n"


def checklist(*answers: str, scenario: str = "A sewing guild links to your tote bag pattern.", extra: str = "") -> str:
    answers = answers or (answer("The site is about your subject."), answer("The anchor text is a keyword phrase.", "false"))
    return f"  - type: checklist\n    scenario: {scenario}\n{extra}    items:\n" + "".join(answers)


def choice(kind: str = "single", *answers: str, prompt: str = "What is your verdict?", extra: str = "") -> str:
    answers = answers or (answer("High quality"), answer("Risky", "false"))
    return f"  - type: {kind}\n    prompt: {prompt}\n{extra}    options:\n" + "".join(answers)


P = "quizzes/judge-a-link.yml"


def quiz(*questions: str, **fields: str) -> str:
    """A quiz's YAML: line 1 the schema line, 2 title, 3 description, 4 lesson, 5 'questions:', 6 the first question."""
    values = {"title": "Judge a link", "description": "Practise the six checks on one link.", "lesson": "high-quality-backlinks"}
    values.update(fields)
    lines = [SCHEMA_LINE] + [f"{name}: {value}" for name, value in values.items() if value != ""]
    body = "".join(questions or (checklist(), choice()))
    return "\n".join(lines) + "\nquestions:\n" + body
