"""Validate data files against the committed JSON Schemas (jsonschema, Draft 2020-12) and turn each error into
one readable problem."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from ..vocab import choices
from .loader import Entry, RawFile
from .problems import Problem


def _expectation(error) -> tuple[str, str]:
    """(field, message) for one jsonschema error inside an entry."""
    path = [str(p) for p in list(error.absolute_path)[1:]]
    field = ".".join(path)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    if kind == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        name = ".".join(path + missing[:1])
        if missing[:1] == ["fr"]:
            return name, "missing the French text (each text is written in both languages: {en: ..., fr: ...})"
        return name, "missing required field"
    if kind == "type" and str(schema.get("description", "")).startswith("a text in English and French"):
        return field, f"expected the text in English and French, {{en: ..., fr: ...}}; got {error.instance!r}"
    if kind == "anyOf" and schema.get("description"):
        return field, f"expected {schema['description']}; got {error.instance!r}"
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        name = ".".join(path + extra[:1])
        return name, f"unknown field (allowed fields: {', '.join(allowed)})"
    if kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        return field, f"expected one of: {options}; got {error.instance!r}"
    if kind == "pattern":
        what = schema.get("description", f"text matching {error.validator_value}")
        what = (what[0].lower() + what[1:] if what[1:2].islower() else what).rstrip(".")
        return field, f"expected {what}; got {error.instance!r}"
    if kind == "type":
        return field, f"expected {error.validator_value}; got {type(error.instance).__name__} {error.instance!r}"
    if kind == "minItems":
        noun = "source id" if path and path[-1] == "sources" else "item"
        n = error.validator_value
        return field, f"expected at least {'one' if n == 1 else n} {noun}{'' if n == 1 else 's'}"
    if kind == "uniqueItems":
        return field, "expected each item only once"
    if kind == "oneOf" and choices(schema):
        options = ", ".join(str(o["const"]) for o in choices(schema))
        return field, f"expected one of: {options}; got {error.instance!r}"
    if kind == "oneOf":
        return field, "expected exactly one of 'actor' (an actor id) or 'name'"
    if kind in ("minimum", "maximum"):
        return field, f"expected a number {'>=' if kind == 'minimum' else '<='} {error.validator_value}; got {error.instance!r}"
    if kind == "minLength":
        return field, "expected non-empty text"
    if kind == "maxLength":
        return field, f"expected at most {error.validator_value:,} characters; got {len(error.instance):,}"
    if kind == "dependentRequired":
        return field, error.message
    return field, error.message


def _years_as_text(items: list, schema: dict) -> None:
    """A year written without quotes (`date: 2012`) is read as a number; a date field takes it as the text "2012",
    as CONTRIBUTING says it may be written."""
    props = schema.get("items", {}).get("properties", {})
    dates = [name for name, spec in props.items() if str(spec.get("pattern", "")).startswith("^[0-9]{4}")]
    for item in items:
        if isinstance(item, dict):
            for name in dates:
                if isinstance(item.get(name), int) and not isinstance(item[name], bool) and 1000 <= item[name] <= 9999:
                    item[name] = str(item[name])


def _whole_values(entry: Entry, schema: dict, data, label: str = "") -> list[Problem]:
    """A pattern must match the whole value: JSON Schema's `$` also matches before a final line break, so
    'bamako\n' would pass as an id. Every value under a `pattern` is matched again, in full."""
    problems = []
    if isinstance(data, str) and "pattern" in schema and "\n" in data and re.search(schema["pattern"], data):
        what = schema.get("description", "text matching " + schema["pattern"])
        what = (what[0].lower() + what[1:] if what[1:2].islower() else what).rstrip(".")
        problems.append(entry.problem(label, f"expected {what}, on one line; got {data!r}"))
    elif isinstance(data, dict):
        for name, value in data.items():
            sub = schema.get("properties", {}).get(name)
            if isinstance(sub, dict):
                problems += _whole_values(entry, sub, value, f"{label}.{name}" if label else name)
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for index, value in enumerate(data):
            problems += _whole_values(entry, schema["items"], value, f"{label}[{index}]")
    return problems


SHARED = "text.json"          # the definitions the schemas share, beside them: a text in both languages


@lru_cache(maxsize=4)
def registry(schema_dir: Path) -> Registry:
    """The shared definitions, for the schemas' `$ref`s to text.json."""
    contents = json.loads((schema_dir / SHARED).read_text(encoding="utf-8"))
    return Registry().with_resource(contents["$id"], Resource.from_contents(contents))


def validate(raw: RawFile, schema: dict, schema_dir: Path) -> tuple[list[Entry], list[Problem]]:
    _years_as_text(raw.items, schema)
    entries = [Entry(raw.kind, raw.path, line, item) for item, line in zip(raw.items, raw.lines)]
    problems = []
    for entry in entries:
        if isinstance(entry.data, dict):
            problems += _whole_values(entry, schema["items"], entry.data)
    for error in Draft202012Validator(schema, registry=registry(schema_dir)).iter_errors(raw.items):
        if not error.absolute_path:
            problems.append(Problem(raw.path, 1, "", "", error.message))
            continue
        index = error.absolute_path[0]
        entry = entries[index]
        if not isinstance(entry.data, dict):
            problems.append(Problem(raw.path, entry.line, f"#{index + 1}", "", "expected a mapping of fields (id: ..., ...)"))
            continue
        field, message = _expectation(error)
        problems.append(entry.problem(field, message))
    return entries, problems
