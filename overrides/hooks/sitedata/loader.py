"""Read the YAML data files: dates stay text, duplicate keys and malformed YAML become problems.

Files are parsed with libyaml (PyYAML's C extension) when it is installed, else with PyYAML's pure-Python parser.
A file with any problem is read again with the pure-Python parser, so the messages and line numbers a contributor
sees do not depend on which parser is installed (libyaml words its errors differently).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem

KINDS = ("sources", "events", "actors", "places", "glossary", "experts")


class _Checks:
    """Loader mixin that keeps `2012-03-22` as a string (the checks validate it) and records duplicate keys."""

    duplicate_keys: list[tuple[str, int]]

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                self.duplicate_keys.append((str(key), key_node.start_mark.line + 1))
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Checks.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Loader(_Checks, yaml.SafeLoader):
    """The pure-Python parser: its messages and line numbers are the ones reported."""


class _FastLoader(_Checks, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser with the same constructor and resolvers, for files without problems."""


_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


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


def _parse(text: str, loader_class) -> tuple[object, object, list[tuple[str, int]]]:
    """(root node, data, duplicate keys); raises yaml.YAMLError on malformed YAML."""
    loader = loader_class(text)
    loader.duplicate_keys = []
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data, loader.duplicate_keys


def read_file(path: Path, kind: str, shown: str) -> tuple[RawFile | None, list[Problem]]:
    """Parse one data file; `shown` is the path used in messages (relative to the project)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return None, [Problem(shown, 0, "", "", f"not UTF-8 text ({err.reason})")]
    clean = False
    if not _NON_PRINTABLE.search(text):   # libyaml accepts a few characters PyYAML rejects
        try:
            node, data, duplicates = _parse(text, _FastLoader)
            clean = not duplicates and (data is None or isinstance(data, list))
        except yaml.YAMLError:
            pass
    if not clean:                        # report what the pure-Python parser says, exactly as before
        try:
            node, data, duplicates = _parse(text, _Loader)
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            line = mark.line + 1 if mark else 0
            reason = err.problem or err.context or "could not parse"
            return None, [Problem(shown, line, "", "", f"malformed YAML: {reason}")]
        except yaml.reader.ReaderError as err:       # a character YAML does not allow, such as a control character
            line = text.count("\n", 0, err.position) + 1
            code = err.character if isinstance(err.character, int) else ord(err.character)
            return None, [Problem(shown, line, "", "", f"malformed YAML: character U+{code:04X} is not allowed "
                                                       "(delete it; it is often pasted in by accident)")]
    problems = [Problem(shown, line, "", key, "duplicate key in the same entry") for key, line in duplicates]
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
