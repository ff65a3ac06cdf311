"""Checks on contributors' Markdown: no script injection, known citations, valid shortcodes."""

from __future__ import annotations

import re

from . import shortcodes
from .checks import INVISIBLE
from .problems import Problem

CITATION = re.compile(r"\[(@[^\]]*)\]")
CITED_ID = re.compile(r"^@([a-z0-9]+(?:-[a-z0-9]+)*)$")
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)*?\1")       # a code span, opened and closed by as many backticks
UNSAFE = [
    (re.compile(r"<\s*/?\s*script\b", re.I), "raw <script> is not allowed in Markdown"),
    (re.compile(r"<\s*/?\s*iframe\b", re.I), "raw <iframe> is not allowed in Markdown"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "inline event handlers (onclick= and the like) are not allowed in Markdown"),
    (re.compile(r"javascript\s*:", re.I), "javascript: links are not allowed in Markdown"),
]


def _prose_lines(text: str):
    """(line number, line) outside fenced code blocks, with inline code removed. Lines end at "\n" only, as
    Python-Markdown reads them (str.splitlines would also split at U+2028 and other separators)."""
    fenced = False
    for number, line in enumerate(text.split("\n"), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, INLINE_CODE.sub("", line) if "`" in line else line


def _citation_matches(text: str):
    """(line number, match) for each [@...] citation outside code, in order."""
    for number, line in _prose_lines(text):
        for match in CITATION.finditer(line):
            yield number, match


def citations(text: str) -> list[tuple[int, list[str]]]:
    """(line, [source ids]) for each [@...] citation, in order. Malformed ones give an empty id list."""
    found = []
    for number, match in _citation_matches(text):
        parts = [p.strip() for p in match.group(1).split(";")]
        ids = [m.group(1) for m in (CITED_ID.match(p) for p in parts) if m]
        found.append((number, ids if len(ids) == len(parts) else []))
    return found


FIGURE = re.compile(r"\[#([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.([a-z0-9]+(?:-[a-z0-9]+)*))?\]")


def lint(shown: str, text: str, ids: dict[str, set[str]], choices: dict[str, list[str]], dataset) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        hidden = INVISIBLE.search(line)
        if hidden:
            problems.append(Problem(shown, number, "", "", f"invisible character U+{ord(hidden.group()):04X} is not "
                                                           "allowed (a bidirectional or zero-width control): delete it"))
    for number, line in _prose_lines(text):
        for match in FIGURE.finditer(line):
            figure = dataset.get("figures", match.group(1)) if "figures" in dataset.by_id else None
            if figure is None:
                problems.append(Problem(shown, number, "", "", f"unknown figure '{match.group(1)}' (expected an id "
                                                               "defined in docs/data/figures/)"))
            elif match.group(2) and match.group(2) not in {v["id"] for v in figure["values"]}:
                problems.append(Problem(shown, number, "", "", f"figure '{match.group(1)}' has no value "
                                                               f"'{match.group(2)}'"))
    for number, line in _prose_lines(text):
        for pattern, message in UNSAFE:
            if pattern.search(line):
                problems.append(Problem(shown, number, "", "", f"{message} (remove it; pages may not run script)"))
    for number, cited in citations(text):
        if not cited:
            problems.append(Problem(shown, number, "", "", "malformed citation (expected [@source-id] or [@id-one; @id-two])"))
        for ident in cited:
            if ident not in ids.get("sources", set()):
                problems.append(Problem(shown, number, "", "", f"citation of unknown source '{ident}' (expected an id defined in docs/data/sources/)"))
    prose = dict(_prose_lines(text))          # shortcodes in code blocks are left alone, as the expand step does
    found = [code for code in shortcodes.find(text) if code.line in prose]
    found_lines = {code.line for code in found}
    for number, line in _prose_lines(text):
        if shortcodes.ANY_SHORTCODE.search(line) and number not in found_lines:
            problems.append(Problem(shown, number, "", "", "malformed shortcode (expected <!-- md:name arg=value --> alone on its line)"))
    for code in found:
        problems += [Problem(shown, code.line, "", "", message) for message in shortcodes.check(code, ids, choices)]
    problems += [Problem(shown, number, "", "", message) for number, message in self_checks(text)]
    return problems


QUESTION = re.compile(r"^\?\?\?\+? question\b")
CHOICE = re.compile(r"^(\s*)[-*+] \[(.?)\]")


def self_checks(text: str) -> list[tuple[int, str]]:
    """(line, problem) for self-check questions: a `??? question` block may open with a list of choices, each
    `- [ ] ...` or, for the one right answer, `- [x] ...`, with no blank line between them, followed by the
    explanation. A choice anywhere else is a mistake (sitebuild/html/self_check.py reads only these)."""
    lines = dict(_prose_lines(text))
    problems, claimed = [], set()
    for number, line in lines.items():
        if not QUESTION.match(line):
            continue
        body = []
        for n in range(number + 1, max(lines) + 1):
            if lines.get(n, "").strip() and not lines.get(n, "").startswith("    "):
                break
            body.append(n)
        first = next((n for n in body if lines[n].strip()), None)
        if first is None or not CHOICE.match(lines[first]):
            continue
        choices, n = [], first
        while n in body and lines[n].strip():
            if CHOICE.match(lines[n]) and len(CHOICE.match(lines[n]).group(1)) == 4:
                choices.append(n)
            elif not lines[n].startswith("      "):
                problems.append((n, "a self-check choice list continues on lines indented by 6 spaces, and each "
                                    "choice starts with '- [ ] ' or '- [x] '"))
            n += 1
        claimed.update(choices)
        for c in choices:
            if CHOICE.match(lines[c]).group(2) not in (" ", "x"):
                problems.append((c, "a choice is marked '[ ]' (wrong) or '[x]' (the right answer)"))
        right = [c for c in choices if CHOICE.match(lines[c]).group(2) == "x"]
        if len(choices) < 2 or len(right) != 1:
            problems.append((number, f"a self-check question needs two or more choices and exactly one marked [x] "
                                     f"(found {len(choices)} choices, {len(right)} marked [x])"))
        if not any(lines[m].strip() for m in body if m > n):
            problems.append((number, "a self-check question needs an explanation after its choices (why the right "
                                     "answer is right), separated from them by a blank line"))
        if n + 1 in body and CHOICE.match(lines.get(n + 1, "")):
            problems.append((n + 1, "no blank line between the choices of a self-check question"))
    for number, line in lines.items():
        match = CHOICE.match(line)
        if match and match.group(2) in (" ", "x") and number not in claimed:
            problems.append((number, "a choice ('- [ ]' or '- [x]') outside a self-check question: choices open "
                                     "a '??? question' block, indented by 4 spaces"))
    return problems
