"""The JSON Schema editors read and the validator the build runs must describe one and the same format."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import test_quiz_validation as quizzes
import yaml
from jsonschema import Draft7Validator
from test_entry_validation import INVALID, VALID

from seokb.diagnostics import Diagnostics
from seokb.glossary import SCHEMA_LINE
from seokb.model import CATEGORIES, Term
from seokb.quiz import QUIZ_SCHEMA
from seokb.schema import TERM_SCHEMA, _validator, is_valid, load_schema
from seokb.yamlsource import read_yaml

REPO = Path(__file__).resolve().parents[1]
SCHEMA = load_schema()
RAW = Draft7Validator(SCHEMA)

# Cases the schema alone must also reject: everything about fields, types and values.
# (YAML-level problems, raw HTML and cross-entry rules are beyond what a JSON Schema can see.)
SCHEMA_LEVEL = {
    "unknown field with a close match", "unknown field without a close match", "YAML reads NO as a boolean",
    "YAML reads yes as a boolean", "an unquoted date", "a number", "short over 160 characters",
    "empty required field", "required field with no value", "required field with an empty string",
    "optional field with no value", "wrong type: text for a list", "wrong type: a list for text",
    "unknown category", "non-https source", "source without a title", "no sources", "related names a non-slug",
}


def test_the_schema_is_valid_draft_07() -> None:
    Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_schema_fields_are_the_model_fields() -> None:
    model_fields = {f.name for f in dataclasses.fields(Term)} - {"slug", "path", "lines"}
    assert set(SCHEMA["properties"]) == model_fields
    required = {
        f.name for f in dataclasses.fields(Term)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    } - {"slug"}
    assert set(SCHEMA["required"]) == required


def test_schema_categories_are_the_engine_categories() -> None:
    assert SCHEMA["properties"]["category"]["enum"] == list(CATEGORIES)
    css = (REPO / "hooks" / "seokb" / "assets" / "glossary.css").read_text(encoding="utf-8")
    for slug in CATEGORIES:
        assert css.count(f'#category-{slug}:checked') == 2, f"the A-Z filter has no rules for '{slug}'"


@pytest.mark.parametrize("text", [text for _, text in VALID], ids=[name for name, _ in VALID])
def test_the_schema_accepts_every_valid_entry(text: str) -> None:
    assert list(RAW.iter_errors(yaml.safe_load(text))) == []


@pytest.mark.parametrize("name, text", [(n, t) for n, t, _ in INVALID if n in SCHEMA_LEVEL])
def test_the_schema_rejects_what_the_validator_rejects(name: str, text: str) -> None:
    data = yaml.safe_load(text)
    assert list(RAW.iter_errors(data)), f"the schema accepts '{name}'"


def test_every_schema_level_case_exists() -> None:
    assert SCHEMA_LEVEL <= {name for name, _, _ in INVALID}


def test_every_entry_points_editors_at_the_schema() -> None:
    entries = sorted((REPO / "glossary").glob("*.yml"))
    assert entries
    for path in entries:
        assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE, path.name
    target = (REPO / "glossary" / SCHEMA_LINE.split("$schema=")[1]).resolve()
    assert target == (REPO / "hooks" / "seokb" / "schema" / "term.schema.json").resolve()


def _engine_data(text: str):
    """The document as the engine validates it: NotText stands for YAML 1.1 non-strings."""
    document = read_yaml(text, "glossary/x.yml", Diagnostics())
    return None if document is None else document.data


def _all_cases():
    cases = [(f"entry: {name}", text, TERM_SCHEMA) for name, text in VALID]
    cases += [(f"entry: {name}", text, TERM_SCHEMA) for name, text, _ in INVALID]
    cases += [(f"quiz: {name}", text, QUIZ_SCHEMA) for name, text in quizzes.VALID]
    cases += [(f"quiz: {name}", text, QUIZ_SCHEMA) for name, text, _ in quizzes.INVALID]
    return [case for case in cases if _engine_data(case[1]) is not None]


@pytest.mark.parametrize("name, text, schema", _all_cases(), ids=[case[0] for case in _all_cases()])
def test_the_fast_check_and_jsonschema_agree(name: str, text: str, schema: str) -> None:
    # The build trusts the compiled check for valid documents and asks jsonschema only about invalid ones:
    # a document the fast check passes but jsonschema rejects would slip through unreported.
    data = _engine_data(text)
    assert is_valid(data, schema) == (not list(_validator(schema).iter_errors(data)))


def test_the_fast_check_sees_both_verdicts() -> None:
    verdicts = {is_valid(_engine_data(text)) for name, text, schema in _all_cases() if name.startswith("entry")}
    assert verdicts == {True, False}
