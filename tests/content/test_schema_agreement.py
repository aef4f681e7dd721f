"""The JSON Schema editors read is the one the build validates with, and it describes the engine's model."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator
from support.entry_cases import INVALID, VALID

from seokb.content.glossary import SCHEMA_LINE
from seokb.content.model import CATEGORIES, Term
from seokb.content.schema import _validator, load_schema

REPO = Path(__file__).resolve().parents[2]
SCHEMA = load_schema()
RAW = Draft7Validator(SCHEMA)

# Cases the schema alone must also reject: everything about fields, types and values.
# (YAML-level problems, raw HTML and cross-entry rules are beyond what a JSON Schema can see.)
SCHEMA_LEVEL = {
    "unknown field with a close match",
    "unknown field without a close match",
    "YAML reads NO as a boolean",
    "YAML reads yes as a boolean",
    "an unquoted date",
    "a number",
    "short over 160 characters",
    "empty required field",
    "required field with no value",
    "required field with an empty string",
    "optional field with no value",
    "wrong type: text for a list",
    "wrong type: a list for text",
    "unknown category",
    "non-https source",
    "source without a title",
    "no sources",
    "related names a non-slug",
}


def test_the_schema_is_valid_draft_07() -> None:
    Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_schema_fields_are_the_model_fields() -> None:
    model_fields = {f.name for f in dataclasses.fields(Term)} - {"slug", "path", "lines"}
    assert set(SCHEMA["properties"]) == model_fields
    required = {
        f.name for f in dataclasses.fields(Term) if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    } - {"slug"}
    assert set(SCHEMA["required"]) == required


def test_schema_categories_are_the_engine_categories() -> None:
    assert SCHEMA["properties"]["category"]["enum"] == list(CATEGORIES)
    css = (REPO / "hooks" / "seokb" / "site" / "assets" / "glossary.css").read_text(encoding="utf-8")
    for slug in CATEGORIES:
        assert css.count(f"#category-{slug}:checked") == 2, f"the A-Z filter has no rules for '{slug}'"


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


def _errors(validator: Draft7Validator, data: object) -> list[tuple[str, tuple, str]]:
    return sorted((error.validator, tuple(error.absolute_path), error.message) for error in validator.iter_errors(data))


def test_the_build_validates_with_the_published_rules() -> None:
    """The build checks entries against the schema with its references written in place (for speed): on every
    valid and invalid case of both schemas, that finds exactly the errors the published schema finds."""
    import test_quiz_validation as quizzes

    cases = [("term.schema.json", text) for _, text in VALID] + [("term.schema.json", text) for _, text, _ in INVALID]
    cases += [("quiz.schema.json", text) for _, text in quizzes.VALID]
    cases += [("quiz.schema.json", text) for _, text, _ in quizzes.INVALID]
    checked = 0
    for name, text in cases:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:
            continue  # YAML-level cases never reach the schema
        assert _errors(_validator(name), data) == _errors(Draft7Validator(load_schema(name)), data), text
        checked += 1
    assert checked > 50
