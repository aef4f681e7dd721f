"""The JSON Schema of an entry, the single source of truth for its fields, and its errors in a contributor's words."""

from __future__ import annotations

import copy
import difflib
import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError

from seokb.content.yamlsource import NotText, Path, YamlDocument

TERM_SCHEMA = "term.schema.json"


@cache
def load_schema(name: str = TERM_SCHEMA) -> dict[str, Any]:
    return json.loads(resources.files("seokb").joinpath("schema", name).read_text(encoding="utf-8"))


@cache
def _validator(name: str) -> Draft7Validator:
    schema = load_schema(name)
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)


def schema_problems(document: YamlDocument, name: str = TERM_SCHEMA) -> Iterator[tuple[int, str]]:
    """(line, message) for every way the document breaks the schema, one message per offending value."""
    seen: set[tuple[Path, str]] = set()
    for error in _leaf_errors(_validator(name).iter_errors(document.data)):
        at: Path = tuple(error.absolute_path)
        for line, message in _explain(error, at, document, name):
            if (at, message) not in seen:
                seen.add((at, message))
                yield line, message


def _leaf_errors(errors) -> Iterator[ValidationError]:
    # allOf wraps the shared text rules; report the rule that failed, not the wrapper.
    for error in errors:
        if error.validator == "allOf" and error.context:
            yield from _leaf_errors(error.context)
        else:
            yield error


def field_label(at: Path) -> str:
    """('sources', 1, 'url') -> 'sources item 2, url': how a contributor would point at it."""
    parts: list[str] = []
    for step in at:
        if isinstance(step, int):
            parts[-1] = f"{parts[-1]} item {step + 1}" if parts else f"item {step + 1}"
        else:
            parts.append(step)
    return ", ".join(parts) or "the entry"


def _explain(error: ValidationError, at: Path, document: YamlDocument, name: str) -> Iterator[tuple[int, str]]:
    label = field_label(at)
    value = error.instance
    kind = error.validator
    if isinstance(value, NotText) and kind in ("type", "pattern", "minLength", "maxLength", "enum"):
        if kind == "type" or kind == "enum":
            yield (
                document.value_line(at),
                (f'{label}: YAML reads {value.raw} as {value.kind}, not text; put it in quotes: "{value.raw}"'),
            )
        return
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        for name in sorted(set(value) - set(allowed), key=lambda n: document.line_of((*at, n))):
            where = f"{label}: " if at else ""
            yield (
                document.line_of((*at, name)),
                f"{where}unknown field '{name}'{_did_you_mean(name, allowed, 'allowed fields: ' + ', '.join(allowed))}",
            )
    elif kind == "required":
        missing = error.message.split("'")[1]
        where = f"{label}: " if at else ""
        hint = error.schema.get("properties", {}).get(missing, {}).get("description", "")
        yield document.value_line(at), f"{where}missing required field '{missing}'" + (f": {hint}" if hint else "")
    elif kind == "type" and value is None:
        yield (
            document.value_line(at),
            f"{label}: is empty" + ("" if _is_required(document, at, name) else "; write it or remove the field"),
        )
    elif kind == "type":
        fix = "; put each item on its own line, starting with '- '" if error.validator_value == "array" else ""
        yield document.value_line(at), f"{label}: must be {_expected(error.validator_value)}, not {_kind_of(value)}{fix}"
    elif kind in ("minLength", "pattern") and error.validator_value in (1, "\\S"):
        yield (
            document.value_line(at),
            f"{label}: is empty" + ("" if _is_required(document, at, name) else "; write it or remove the field"),
        )
    elif kind == "maxLength":
        yield (
            document.value_line(at),
            (
                f"{label}: is {len(value)} characters; the limit is {error.validator_value}"
                + ("; it must fit a tooltip and a link preview" if at == ("short",) else "")
            ),
        )
    elif kind == "enum":
        options = [str(o) for o in error.validator_value]
        yield (
            document.value_line(at),
            f"{label}: unknown {at[-1]} '{value}'{_did_you_mean(str(value), options, 'one of ' + ', '.join(options))}",
        )
    elif kind == "pattern" and at and at[-1] == "url":
        yield document.value_line(at), f"{label}: '{value}' is not an https URL; sources must start with https://"
    elif kind == "pattern" and at and at[0] == "related":
        yield (
            document.value_line(at),
            f"{label}: '{value}' is not a slug; name the entry by its file name without .yml, like 'anchor-text'",
        )
    elif kind == "pattern" and at and at[0] == "old_slugs":
        yield (
            document.value_line(at),
            f"{label}: '{value}' is not a slug; write the old file name without .yml, like 'backlink-profile'",
        )
    elif kind == "pattern" and at == ("lesson",):
        yield (
            document.value_line(at),
            f"{label}: '{value}' is not a lesson's file name; write it without .md, like 'high-quality-backlinks'",
        )
    elif kind == "pattern" and at and at[-1] in ("id", "from", "to"):
        yield (
            document.value_line(at),
            f"{label}: '{value}' is not a box id; write lowercase words joined by '-', like 'site-a'",
        )
    elif kind == "uniqueItems":
        yield document.value_line(at), f"{label}: lists the same value twice; remove the repeat"
    elif kind == "maxItems":
        # A limit keeps one hostile file from making the build (or a reader's page) slow; name it and the count.
        yield document.value_line(at), f"{label}: has {len(value)} items; the limit is {error.validator_value}"
    elif kind == "minItems":
        count = error.validator_value
        yield document.value_line(at), f"{label}: needs at least {count} item{'s' if count != 1 else ''}"
    else:  # a schema rule without a tailored message still gets a precise place
        yield document.value_line(at), f"{label}: {error.message}"


def _is_required(document: YamlDocument, at: Path, name: str) -> bool:
    """Whether the schema requires the field at `at` where it stands: an empty required field gets no 'remove it' advice.

    Asked of the schema itself (does removing the field make it missing?), so nested fields and fields that only
    one kind of object requires (a quiz's `if`/`then` question types) are answered too.
    """
    if not at or not isinstance(at[-1], str):
        return False
    trial = copy.deepcopy(document.data)
    parent = trial
    for step in at[:-1]:
        parent = parent[step]
    del parent[at[-1]]
    return any(
        error.validator == "required" and tuple(error.absolute_path) == at[:-1] and f"'{at[-1]}'" in error.message
        for error in _leaf_errors(_validator(name).iter_errors(trial))
    )


def _did_you_mean(word: str, options: list[str], otherwise: str) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else f"; {otherwise}"


def _expected(schema_type: Any) -> str:
    return {"string": "text", "array": "a list", "object": "a mapping of fields", "boolean": "true or false"}.get(
        schema_type, str(schema_type)
    )


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    if value is None:
        return "an empty value"
    return type(value).__name__
