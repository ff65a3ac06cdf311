"""Cross-checks the schemas cannot express: unique ids, references, real dates, https URLs, the 2012-2015 span,
and text that would turn into markup."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from urllib.parse import urlsplit

from .. import geo
from ..vocab import FIRST_YEAR, LAST_YEAR
from .loader import Entry
from .problems import Problem

# (kind, field path, kind referred to). A path ending in [] is a list; "a.b" goes into a list of mappings.
REFERENCES = [
    ("events", "actors[]", "actors"),
    ("events", "place", "places"),
    ("events", "sources[]", "sources"),
    ("events", "disagreement.sources[]", "sources"),
    ("actors", "places[]", "places"),
    ("actors", "sources[]", "sources"),
    ("actors", "leaders[].actor", "actors"),
    ("actors", "relationships[].target", "actors"),
    ("places", "sources[]", "sources"),
    ("glossary", "actor", "actors"),
    ("glossary", "sources[]", "sources"),
    ("experts", "works[]", "sources"),
    ("experts", "sources[]", "sources"),
    ("figures", "values[].sources[]", "sources"),
]
DATE_FIELDS = {"sources": ["date"], "events": ["date", "end"], "actors": ["founded", "ended"]}
URL_FIELDS = {"sources": ["url", "archive_url"], "experts": ["url"]}
SINGULAR = {"actors": "actor", "places": "place", "sources": "source", "events": "event", "figures": "figure"}


def _values(data, path: str):
    """Yield (field label, value) for a reference path such as 'leaders[].actor'."""
    head, _, rest = path.partition(".")
    many = head.endswith("[]")
    name = head.rstrip("[]")
    value = data.get(name) if isinstance(data, dict) else None
    if value is None:
        return
    items = list(enumerate(value)) if many and isinstance(value, list) else [(None, value)]
    for index, item in items:
        label = name if index is None else f"{name}[{index}]"
        if rest:
            for sub_label, sub in _values(item, rest):
                yield f"{label}.{sub_label}", sub
        else:
            yield label, item


def parse_date(text: str) -> dt.date:
    """A date of precision day, month or year; raises ValueError if it is not a real date."""
    parts = [int(p) for p in text.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def check_ids(entries: list[Entry]) -> list[Problem]:
    problems, seen = [], {}
    for entry in entries:
        if not entry.id:
            continue
        key = (entry.kind, entry.id)
        if key in seen:
            first = seen[key]
            problems.append(entry.problem("id", f"duplicate id: already used by the entry at {first.file}:{first.line}"))
        else:
            seen[key] = entry
    return problems


def check_references(entries: list[Entry], ids: dict[str, set[str]], skip: set[str]) -> list[Problem]:
    problems = [Problem(f"docs/data/{kind}/", 0, "", "", f"references to {kind} were not checked, because a file of "
                                                        f"{kind} could not be read: fix that file first")
                for kind in sorted(skip) if any(target == kind for _, _, target in REFERENCES)]
    for entry in entries:
        for kind, path, target in REFERENCES:
            if entry.kind != kind or target in skip:
                continue
            for label, value in _values(entry.data, path):
                if isinstance(value, str) and value not in ids[target]:
                    problems.append(entry.problem(label, f"unknown {SINGULAR[target]} id '{value}' (expected an id defined in docs/data/{target}/)"))
    return problems


def check_dates(entries: list[Entry]) -> list[Problem]:
    problems = []
    for entry in entries:
        parsed = {}
        for name in DATE_FIELDS.get(entry.kind, []):
            value = entry.data.get(name) if isinstance(entry.data, dict) else None
            if not isinstance(value, str):
                continue
            try:
                parsed[name] = parse_date(value)
            except (ValueError, TypeError):
                problems.append(entry.problem(name, f"invalid date '{value}' (expected a real calendar date as YYYY-MM-DD, YYYY-MM or YYYY)"))
        if entry.kind == "events" and "date" in parsed:
            if "end" in parsed and parsed["end"] < parsed["date"]:
                problems.append(entry.problem("end", f"end date {entry.data['end']} is before the start date {entry.data['date']}"))
            year = parsed["date"].year
            if not (FIRST_YEAR <= year <= LAST_YEAR) and not entry.data.get("context"):
                problems.append(entry.problem("date", f"{entry.data['date']} is outside {FIRST_YEAR}-{LAST_YEAR}: mark the event 'context: true' or fix the date"))
    return problems


def check_urls(entries: list[Entry]) -> list[Problem]:
    problems, seen = [], {}
    for entry in entries:
        for name in URL_FIELDS.get(entry.kind, []):
            value = entry.data.get(name) if isinstance(entry.data, dict) else None
            if not isinstance(value, str):
                continue
            parts = urlsplit(value)
            if parts.scheme == "https" and ("." not in parts.netloc or any(c in value for c in " \"'<>`\\")):
                problems.append(entry.problem(name, f"malformed URL '{value}' (expected https://host.domain/path, "
                                                    "without spaces, quotes, backslashes or angle brackets)"))
            if entry.kind == "sources" and name == "url":
                other = seen.setdefault(_same_url(value), entry)
                if other is not entry and other.id != entry.id:
                    problems.append(entry.problem(name, f"the same URL is already registered as source '{other.id}': cite that id instead"))
    return problems


def _same_url(url: str) -> str:
    """A URL as two registrations of the same page would share it: host in lower case, no trailing slash."""
    parts = urlsplit(url)
    return parts._replace(netloc=parts.netloc.lower(), path=parts.path.rstrip("/") or "/").geturl()


def check_names(entries: list[Entry]) -> list[Problem]:
    """Two actors (or two glossary terms) may not share a name that differs only in Unicode normalisation, case or
    spacing: 'Keïta' typed with a combining diaeresis is the same name as 'Keïta'."""
    problems, seen = [], {}
    for entry in entries:
        field = {"actors": "name", "glossary": "term"}.get(entry.kind)
        value = entry.data.get(field) if field and isinstance(entry.data, dict) else None
        if not isinstance(value, str):
            continue
        for name in ("name", "abbr") if entry.kind == "actors" else ():
            text = entry.data.get(name)
            if isinstance(text, str) and ('"' in text or "\n" in text):
                problems.append(entry.problem(name, "an actor's name becomes the title of its page: write it on one "
                                                    "line, without double quotes (use ' or “ ”)"))
        key = (entry.kind, " ".join(unicodedata.normalize("NFC", value).casefold().split()))
        if key in seen and seen[key].id != entry.id:
            problems.append(entry.problem(field, f"'{value}' is already the {field} of '{seen[key].id}' "
                                                 f"({seen[key].file}:{seen[key].line})"))
        seen.setdefault(key, entry)
    return problems


def check_abbreviations(entries: list[Entry]) -> list[Problem]:
    problems, seen = [], {}
    for entry in entries:
        abbr = entry.data.get("abbr") if isinstance(entry.data, dict) else None
        if not abbr or entry.kind not in ("actors", "glossary"):
            continue
        if abbr in seen:
            problems.append(entry.problem("abbr", f"abbreviation '{abbr}' is already defined by '{seen[abbr].id}' ({seen[abbr].file})"))
        else:
            seen[abbr] = entry
    return problems


def check_map_extent(entries: list[Entry]) -> list[Problem]:
    """Coordinates are finite numbers, and places in Mali and the neighbours drawn whole lie on the map."""
    problems = []
    for entry in entries:
        if entry.kind != "places" or not isinstance(entry.data, dict):
            continue
        lat, lon = entry.data.get("lat"), entry.data.get("lon")
        numbers = True
        for name, value in (("lat", lat), ("lon", lon)):
            if isinstance(value, float) and not math.isfinite(value):
                problems.append(entry.problem(name, f"expected a finite number of degrees; got '{value}'"))
                numbers = False
            elif not isinstance(value, (int, float)) or isinstance(value, bool):
                numbers = False              # missing or not a number: the schema reports it
        if numbers and entry.data.get("country") in geo.MAP_COUNTRIES and not geo.EXTENT.contains(lat, lon):
            problems.append(entry.problem("lat", f"coordinates ({lat}, {lon}) are outside the map's extent "
                                                 f"({geo.EXTENT.describe()}); check the latitude and longitude"))
    return problems


def texts(data) -> list[tuple[str, str]]:
    """(field label, text) for every string of an entry, lists and mappings included."""
    return [pair for name, value in (data.items() if isinstance(data, dict) else []) for pair in _texts(value, name)]


def _texts(value, label: str):
    """Yield (field label, text) for every string inside a field, lists and mappings included."""
    if isinstance(value, str):
        yield label, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{label}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{label}.{key}")


# Characters that change how text around them shows without showing themselves: bidirectional controls can make
# a line read differently from what it holds; zero-width characters hide inside words and ids.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def check_text(entries: list[Entry]) -> list[Problem]:
    """Data is text. It may not hold '<' or '>' (nothing in the data is markup: write 'less than') nor invisible
    formatting characters."""
    problems = []
    for entry in entries:
        if not isinstance(entry.data, dict):
            continue
        for name, value in entry.data.items():
            for label, text in _texts(value, name):
                if "<" in text or ">" in text:
                    problems.append(entry.problem(label, "'<' and '>' are not allowed in the data's text (it is "
                                                         "shown as text, never as markup); write it another way, "
                                                         "e.g. 'less than'"))
                hidden = INVISIBLE.search(text)
                if hidden:
                    problems.append(entry.problem(label, f"invisible character U+{ord(hidden.group()):04X} is not "
                                                         "allowed (a bidirectional or zero-width control): delete "
                                                         "it; it is often pasted in by accident"))
    return problems


def check_figures(entries: list[Entry], lang: str = "en") -> list[Problem]:
    """A figure's values have unique ids, its default is one of them, and each value's text shows its number."""
    problems = []
    for entry in entries:
        if entry.kind != "figures" or not isinstance(entry.data, dict):
            continue
        values = [v for v in entry.data.get("values", []) if isinstance(v, dict)]
        seen = set()
        for index, value in enumerate(values):
            if value.get("id") in seen:
                problems.append(entry.problem(f"values[{index}].id", f"the value id '{value['id']}' is used twice"))
            seen.add(value.get("id"))
            text = str(value.get("text", ""))
            for key in ("number", "low", "high"):
                if isinstance(value.get(key), int) and not _shows(text, value[key], lang):
                    problems.append(entry.problem(f"values[{index}].text", f"expected the text to show the {key} "
                                                  f"{value[key]}; got {text!r}"))
        default = entry.data.get("default")
        if default and default not in seen:
            problems.append(entry.problem("default", f"expected the id of one of the figure's values "
                                                     f"({', '.join(sorted(map(str, seen)))}); got '{default}'"))
        if len(values) > 1 and not default and not entry.data.get("explained"):
            problems.append(entry.problem("explained", "a figure with several values and no default shows their "
                                                       "range: name the page#anchor that explains the disagreement"))
    return problems


NUMBERS = {"en": (re.compile(r"\d[\d,]*"), ","),                                # 1,500
           "fr": (re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+"), " \u00a0\u202f")}   # 1 500


def _shows(text: str, number: int, lang: str = "en") -> bool:
    pattern, separators = NUMBERS[lang]
    return any(int(d.translate({ord(c): None for c in separators})) == number for d in pattern.findall(text))


def check_all(entries: list[Entry], skip_references_to: set[str] = frozenset(), lang: str = "en") -> list[Problem]:
    ids: dict[str, set[str]] = {}
    for entry in entries:
        ids.setdefault(entry.kind, set()).add(entry.id)
    for kind in SINGULAR:
        ids.setdefault(kind, set())
    return (check_ids(entries) + check_references(entries, ids, set(skip_references_to)) + check_dates(entries)
            + check_urls(entries) + check_abbreviations(entries) + check_text(entries) + check_figures(entries, lang) + check_names(entries)
            + check_map_extent(entries))
