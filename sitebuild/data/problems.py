"""One problem found in the site's input, formatted as one line that names file, entry, field and expectation."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int = 0
    entry: str = ""
    field: str = ""
    message: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.entry:
            parts.append(f"entry '{self.entry}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        parts.append(self.message)
        return ": ".join(parts)


class InputError(Exception):
    """Raised with every problem at once, so a contributor sees all of them in one run."""

    def __init__(self, problems: list[Problem]):
        # Files that could not be read come first: what follows may be a consequence.
        self.problems = sorted(set(problems), key=lambda p: (not p.message.startswith(("malformed YAML",
                                                                                       "not UTF-8", "the file is")), p))
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the site's data or pages:"]
        lines += [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines))
