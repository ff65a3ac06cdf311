"""Shortcode syntax: `<!-- md:NAME arg=value ... -->` alone on a line, from its first column (so never inside an
indented code block). Parsing and checking, not rendering."""

from __future__ import annotations

import re
from dataclasses import dataclass

SHORTCODE = re.compile(r"^<!--\s*md:([a-z-]+)((?:\s+[^\s>]+)*)\s*-->[ \t]*$", re.M)
ANY_SHORTCODE = re.compile(r"<!--\s*md:")
DATE_ARG = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")

# name -> {argument: kind of value}. "id:<kind>" values must be ids of that kind; "_" is a positional argument.
SPEC: dict[str, dict[str, str]] = {
    "timeline": {"year": "year", "from": "date", "to": "date", "actor": "id:actors", "place": "id:places",
                 "category": "category", "key": "bool", "context": "bool", "full": "timeline-page", "index": "bool"},
    "event": {"_": "id:events"},
    "actor": {"_": "id:actors"},
    "locator": {"places": "ids:places"},
    "map": {},
    "glossary": {},
    "actors-index": {},
    "relationships": {},
    "sources": {"primary": "bool"},
    "primary-documents": {},
    "experts": {},
    "reading": {},
    "data-fields": {},
}


@dataclass
class Shortcode:
    name: str
    args: dict[str, str]
    line: int
    text: str


def find(markdown: str) -> list[Shortcode]:
    found = []
    for match in SHORTCODE.finditer(markdown):
        args = {}
        for token in match.group(2).split():
            key, sep, value = token.partition("=")
            args[key if sep else "_"] = value if sep else key
        line = markdown.count("\n", 0, match.start()) + 1
        found.append(Shortcode(match.group(1), args, line, match.group(0)))
    return found


def check(code: Shortcode, ids: dict[str, set[str]], choices: dict[str, list[str]]) -> list[str]:
    """Messages for what is wrong with one shortcode (empty when it is right). `choices` lists the values of the
    closed kinds of argument: "category" (event categories) and "timeline-page" (2013, before-2012...)."""
    if code.name not in SPEC:
        return [f"unknown shortcode 'md:{code.name}' (known: {', '.join(sorted(SPEC))})"]
    spec = SPEC[code.name]
    errors = []
    if "_" in spec and "_" not in code.args:
        errors.append(f"shortcode 'md:{code.name}' needs an id, e.g. <!-- md:{code.name} some-id -->")
    for key, value in code.args.items():
        kind = spec.get(key)
        label = "the id" if key == "_" else f"'{key}'"
        if kind is None:
            allowed = ", ".join(k for k in spec if k != "_") or "no arguments"
            errors.append(f"shortcode 'md:{code.name}' has an unknown argument '{key}' (allowed: {allowed})")
        elif kind == "bool" and value not in ("true", "false"):
            errors.append(f"shortcode 'md:{code.name}': {label} expects true or false; got '{value}'")
        elif kind == "year" and not (value.isdigit() and len(value) == 4):
            errors.append(f"shortcode 'md:{code.name}': {label} expects a year such as 2013; got '{value}'")
        elif kind == "date" and not DATE_ARG.match(value):
            errors.append(f"shortcode 'md:{code.name}': {label} expects YYYY-MM or YYYY-MM-DD; got '{value}'")
        elif kind in choices and value not in choices[kind]:
            errors.append(f"shortcode 'md:{code.name}': {label} expects one of {', '.join(choices[kind])}; got '{value}'")
        elif kind.startswith("id"):
            target = kind.split(":")[1]
            for ident in value.split(",") if kind.startswith("ids") else [value]:
                if ident not in ids.get(target, set()):
                    errors.append(f"shortcode 'md:{code.name}': unknown {target[:-1]} id '{ident}'")
    return errors
