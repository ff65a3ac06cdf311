"""sitedata/schema.py trusts jsonschema-rs when it finds a file valid, so it must reject whatever jsonschema rejects.

For every kind of data and every field its schema describes, an entry of the real data is broken one way at a
time (the field removed, given a value of another type, a value outside its pattern or options, an empty list,
a repeated item, an unknown field beside it): whenever jsonschema finds the broken entry invalid, jsonschema-rs
must too, and the build's check (schema.validate) must report a problem. The real data must pass both.
"""

import copy
import sys
from functools import lru_cache

import pytest

from support import ROOT

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from sitedata import loader, schema  # noqa: E402
from sitedata.loader import KINDS, RawFile  # noqa: E402

SCHEMAS = ROOT / "docs" / "data" / "schema"


@lru_cache(maxsize=None)
def _files() -> tuple:
    files, problems = loader.read_all(ROOT / "docs" / "data", ROOT)
    assert not problems
    return tuple(files)


def data(kind: str) -> list[dict]:
    """The entries of one kind as the build reads them (dates stay text, unlike support.data's)."""
    return [item for f in _files() if f.kind == kind for item in f.items]


WRONG = ["", "not an id!", 12, 1.5, True, None, [], ["x", "x"], {}, {"unknown": 1}, "2012-13-45", "x" * 3]


def mutations(entry: dict, item_schema: dict):
    """(description, broken entry) pairs, one change each, for the fields at the top of the entry and one level
    inside lists of objects (leaders, relationships and the like)."""
    props = item_schema.get("properties", {})
    yield "unknown field", {**entry, "not_a_field": "x"}
    for name in item_schema.get("required", []):
        yield f"without {name}", {k: v for k, v in entry.items() if k != name}
    for name, sub in props.items():
        for value in WRONG:
            yield f"{name} = {value!r}", {**entry, name: value}
        items = sub.get("items", {}) if isinstance(sub, dict) else {}
        if isinstance(entry.get(name), list) and entry[name] and isinstance(entry[name][0], dict):
            first = entry[name][0]
            for inner, broken in mutations(first, items):
                yield f"{name}[0] {inner}", {**entry, name: [broken] + copy.deepcopy(entry[name][1:])}
        elif isinstance(entry.get(name), list) and entry[name]:
            yield f"{name} repeated", {**entry, name: entry[name] + entry[name][:1]}


@pytest.mark.parametrize("kind", KINDS)
def test_the_fast_check_rejects_all_that_jsonschema_rejects(kind):
    entries = data(kind)
    full = schema.validator(SCHEMAS, kind).schema
    item_schema = full.get("items", {})
    checked = 0
    # the first entry and the one with the most fields, so optional fields are broken too
    for entry in {id(e): e for e in (entries[0], max(entries, key=len))}.values():
        for what, broken in mutations(entry, item_schema):
            if schema.validator(SCHEMAS, kind).is_valid([broken]):
                continue                                    # still valid (e.g. a string that fits): nothing to check
            checked += 1
            assert not schema.fast_validator(SCHEMAS, kind).is_valid([broken]), f"{kind}: {what}"
            _, problems = schema.validate(RawFile(kind, f"{kind}.yml", [broken], [1]), SCHEMAS)
            assert problems, f"{kind}: {what}: no problem reported"
    assert checked >= 20, f"{kind}: only {checked} invalid variants: the test would prove little"


@pytest.mark.parametrize("kind", KINDS)
def test_the_real_data_passes_both_checks(kind):
    entries = data(kind)
    assert schema.fast_validator(SCHEMAS, kind).is_valid(entries)
    assert schema.validator(SCHEMAS, kind).is_valid(entries)


def test_data_the_fast_check_cannot_read_goes_to_jsonschema():
    """A YAML value with no JSON counterpart (here a set) is judged by jsonschema, with its message."""
    entry = {**data("glossary")[0], "term": {"a set"}}
    _, problems = schema.validate(RawFile("glossary", "glossary.yml", [entry], [1]), SCHEMAS)
    assert problems and "term" in str(problems[0])
