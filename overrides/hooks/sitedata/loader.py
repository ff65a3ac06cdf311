"""Read the YAML data files: dates stay text, duplicate keys and malformed YAML become problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem

KINDS = ("sources", "events", "actors", "places", "glossary", "experts")


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps `2012-03-22` as a string (the checks validate it) and reports duplicate keys."""

    duplicate_keys: list[tuple[str, int]]

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                self.duplicate_keys.append((str(key), key_node.start_mark.line + 1))
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Entry:
    kind: str
    file: str
    line: int
    data: dict

    @property
    def id(self) -> str:
        value = self.data.get("id") if isinstance(self.data, dict) else None
        return value if isinstance(value, str) else ""

    def problem(self, field_name: str, message: str) -> Problem:
        return Problem(self.file, self.line, self.id or f"#{self.line}", field_name, message)


@dataclass
class RawFile:
    kind: str
    path: str
    items: list = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def read_file(path: Path, kind: str, shown: str) -> tuple[RawFile | None, list[Problem]]:
    """Parse one data file; `shown` is the path used in messages (relative to the project)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return None, [Problem(shown, 0, "", "", f"not UTF-8 text ({err.reason})")]
    loader = _Loader(text)
    loader.duplicate_keys = []
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        reason = err.problem or err.context or "could not parse"
        return None, [Problem(shown, line, "", "", f"malformed YAML: {reason}")]
    finally:
        loader.dispose()
    problems = [Problem(shown, line, "", key, "duplicate key in the same entry") for key, line in loader.duplicate_keys]
    if data is None:
        return RawFile(kind, shown), problems
    if not isinstance(data, list):
        return None, problems + [Problem(shown, 1, "", "", "expected a YAML list of entries (each starting with '- id: ...')")]
    lines = [item.start_mark.line + 1 for item in node.value]
    return RawFile(kind, shown, data, lines), problems


def read_all(data_dir: Path, root: Path) -> tuple[list[RawFile], list[Problem]]:
    """Read docs/data/<kind>/*.yml for every kind."""
    files, problems = [], []
    for kind in KINDS:
        for path in sorted((data_dir / kind).glob("*.y*ml")):
            raw, found = read_file(path, kind, path.relative_to(root).as_posix())
            problems += found
            if raw is not None:
                files.append(raw)
    return files, problems
