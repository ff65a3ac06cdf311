"""The site's vocabularies, each in one place.

- The kinds of data are the JSON Schemas in docs/data/schema/ (`<kind>.schema.json`): adding a schema adds a kind.
- Each closed list of values (event categories, actor categories and kinds, relationship types, source types,
  place kinds) is written once, in its schema, as `oneOf` a list of `{"const": value, "title": label}`: editors
  validate it as you type, the build validates it, and the pages show the titles. A relationship type also has
  `x-inverse`, how it reads from the other actor's side. The French title is `x-fr` (and `x-inverse-fr`).
- What no schema can say lives here: the years the site covers and the labels of source languages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

FIRST_YEAR, LAST_YEAR = 2012, 2015          # the crisis years: the timeline, its year pages and the date checks
YEARS = tuple(range(FIRST_YEAR, LAST_YEAR + 1))
LANGUAGES = {"en": "English", "fr": "French", "ar": "Arabic", "de": "German", "es": "Spanish"}


class MissingTitle(LookupError):
    """A value of a closed list without its title in the language being built: (file, value, key, message)."""


def kinds(schema_dir: Path) -> tuple[str, ...]:
    """The kinds of data, in a fixed order: sources first (everything cites them), then the rest by name."""
    found = sorted(p.name.removesuffix(".schema.json") for p in schema_dir.glob("*.schema.json"))
    return tuple(sorted(found, key=lambda k: (k != "sources", k)))


def read_schema(schema_dir: Path, kind: str) -> dict:
    return json.loads((schema_dir / f"{kind}.schema.json").read_text(encoding="utf-8"))


def choices(spec: dict) -> list[dict]:
    """The `oneOf` list of `{const, title}` of a closed list of values (empty for any other field)."""
    options = spec.get("oneOf", [])
    return options if options and all("const" in o for o in options) else []


@dataclass(frozen=True)
class Vocabulary:
    """The labels of every closed list, read from the schemas."""

    event_categories: dict[str, str]
    actor_categories: dict[str, str]
    actor_kinds: dict[str, str]
    relations: dict[str, tuple[str, str]]         # type -> (as the actor says it, as the other actor says it)
    source_types: dict[str, str]
    place_kinds: dict[str, str]
    parties: dict[str, str]                        # whose account of an event (events: accounts[].party)

    @classmethod
    def read(cls, schema_dir: Path, lang: str = "en") -> Vocabulary:
        def field(kind: str, *path: str) -> list[dict]:
            spec = read_schema(schema_dir, kind)["items"]
            for name in path:
                spec = spec["properties"][name]
                spec = spec.get("items", spec) if name != path[-1] else spec
            return choices(spec)

        def title(option: dict, key: str = "title") -> str:
            if lang == "en":
                return option.get(key, option["title"])
            name = f"x-{lang}" if key == "title" else f"{key}-{lang}"
            if name not in option and key != "title":
                return title(option)
            if name not in option:
                raise MissingTitle(f"docs/data/schema/{kind_of[0]}.schema.json", str(option["const"]), name,
                                   f"expected the {lang} title of '{option['const']}'")
            return option[name]

        kind_of = [""]

        def labels(kind: str, *path: str) -> dict[str, str]:
            kind_of[0] = kind
            return {o["const"]: title(o) for o in field(kind, *path)}

        return cls(
            event_categories=labels("events", "category"),
            actor_categories=labels("actors", "category"),
            actor_kinds=labels("actors", "kind"),
            relations={o["const"]: (title(o), title(o, "x-inverse"))
                       for o in field("actors", "relationships", "type")},
            source_types=labels("sources", "type"),
            place_kinds=labels("places", "kind"),
            parties=labels("events", "accounts", "party"),
        )
