"""Validate data files against the committed JSON Schemas and turn each error into a readable problem.

Each file is checked first with jsonschema-rs (compiled, about fifty times faster); a file it finds valid is
valid. A file it rejects, or cannot read, is checked again with jsonschema (Python), whose errors name the
keyword, the value and the subschema that make our messages. So the messages come from one validator only, and
every invalid file reaches it: tests/test_bad_input.py gets each message through this path.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jsonschema_rs
from jsonschema import Draft202012Validator

from .loader import Entry, RawFile
from .problems import Problem


def _schema(schema_dir: Path, kind: str) -> dict:
    return json.loads((schema_dir / f"{kind}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def validator(schema_dir: Path, kind: str) -> Draft202012Validator:
    return Draft202012Validator(_schema(schema_dir, kind))


@lru_cache(maxsize=None)
def fast_validator(schema_dir: Path, kind: str):
    return jsonschema_rs.Draft202012Validator(_schema(schema_dir, kind))


def _valid(items: list, schema_dir: Path, kind: str) -> bool:
    """True when jsonschema-rs finds the items valid; False when it finds them invalid or cannot read them (a YAML
    value with no JSON counterpart), which sends them to jsonschema."""
    try:
        return fast_validator(schema_dir, kind).is_valid(items)
    except Exception:  # noqa: BLE001  (any failure to read the data: let jsonschema judge and explain)
        return False


def _expectation(error) -> tuple[str, str]:
    """(field, message) for one jsonschema error inside an entry."""
    path = [str(p) for p in list(error.absolute_path)[1:]]
    field = ".".join(path)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    if kind == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        name = ".".join(path + missing[:1])
        return name, "missing required field"
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
    if kind == "oneOf":
        return field, "expected exactly one of 'actor' (an actor id) or 'name'"
    if kind in ("minimum", "maximum"):
        return field, f"expected a number {'>=' if kind == 'minimum' else '<='} {error.validator_value}; got {error.instance!r}"
    if kind == "minLength":
        return field, "expected non-empty text"
    if kind == "dependentRequired":
        return field, error.message
    return field, error.message


def validate(raw: RawFile, schema_dir: Path) -> tuple[list[Entry], list[Problem]]:
    entries = [Entry(raw.kind, raw.path, line, item) for item, line in zip(raw.items, raw.lines)]
    problems = []
    if _valid(raw.items, schema_dir, raw.kind):
        return entries, problems
    for error in validator(schema_dir, raw.kind).iter_errors(raw.items):
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
