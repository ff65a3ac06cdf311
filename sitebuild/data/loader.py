"""Read the YAML data files: dates stay text; duplicate keys, aliases, oversized files and malformed YAML become
problems. One parser: PyYAML's safe loader on libyaml (the C parser in PyYAML's wheels), about ten times faster
than its pure-Python parser on the site's data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem

MAX_BYTES = 1_000_000          # a data file is a list of entries; a larger file is a mistake or an attack


class _Loader(yaml.CSafeLoader):
    """Keeps `2012-03-22` as a string (the checks validate it) and records duplicate keys."""

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
    lang: str = ""              # set when `data` holds one language's texts, taken from `written` ({en, fr})
    written: dict | None = None

    @property
    def id(self) -> str:
        value = self.data.get("id") if isinstance(self.data, dict) else None
        return value if isinstance(value, str) else ""

    def problem(self, field_name: str, message: str) -> Problem:
        """A problem with a field; in one language's data, the field named as written (`summary.fr`)."""
        if self.lang and self.written is not None and isinstance(_at(self.written, field_name), dict):
            field_name = f"{field_name}.{self.lang}"
        return Problem(self.file, self.line, self.id or f"#{self.line}", field_name, message)


def _at(data, label: str):
    """The value at a field label such as `values[0].text`, or None."""
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", label):
        if part.startswith("["):
            index = int(part[1:-1])
            data = data[index] if isinstance(data, list) and index < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
    return data


@dataclass
class RawFile:
    kind: str
    path: str
    items: list = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def _parse(text: str) -> tuple[object, object, list[tuple[str, int]]]:
    """(root node, data, duplicate keys); raises yaml.YAMLError on malformed YAML."""
    loader = _Loader(text)
    loader.duplicate_keys = []
    try:
        node = loader.get_single_node()
        _refuse_aliases(node)
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data, loader.duplicate_keys


def _refuse_aliases(root) -> None:
    """An alias (`*name`) makes one node appear twice in the tree. Nothing in the data needs one, and nested aliases
    can make a small file expand without end when it is built into data, so the first is refused."""
    seen, stack = set(), [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise yaml.composer.ComposerError(None, None, "anchors and aliases (&name, *name) are not allowed in the "
                                              "data: write each value out", node.start_mark)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack += [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value


def read_file(path: Path, kind: str, shown: str) -> tuple[RawFile | None, list[Problem]]:
    """Parse one data file; `shown` is the path used in messages (relative to the project)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return None, [Problem(shown, 0, "", "", f"not UTF-8 text ({err.reason})")]
    if len(text.encode("utf-8")) > MAX_BYTES:
        return None, [Problem(shown, 0, "", "", f"the file is larger than {MAX_BYTES:,} bytes: split it into "
                                                "several files")]
    try:
        node, data, duplicates = _parse(text)
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


def read_all(data_dir: Path, root: Path, kinds: tuple[str, ...]) -> tuple[list[RawFile], list[Problem]]:
    """Read docs/data/<kind>/*.yml for every kind."""
    files, problems = [], []
    for kind in kinds:
        for path in sorted((data_dir / kind).glob("*.y*ml")):
            raw, found = read_file(path, kind, path.relative_to(root).as_posix())
            problems += found
            if raw is not None:
                files.append(raw)
    return files, problems
