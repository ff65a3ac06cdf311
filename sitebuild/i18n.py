"""The interface text of the site's own blocks, in each language.

Templates and renderers write their text in English, as `_("Sources")` (templates) or `ui(text, lang)` (Python);
sitebuild/locale/<lang>.yml gives each English text's translation. A text with no translation stops the build of
that language, naming the text and the catalogue to add it to: nothing falls back to English without notice.
Texts with `{name}` placeholders are filled after translation: `_("Who is {name}?").format(name=...)`.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

from .data.problems import InputError, Problem

LOCALE = Path(__file__).resolve().parent / "locale"


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    path = LOCALE / f"{lang}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {} if path.exists() else {}


def ui(text: str, lang: str) -> str:
    """`text` (English) in `lang`."""
    if lang == "en":
        return text
    found = catalogue(lang).get(text)
    if found is None:
        raise InputError([Problem(f"sitebuild/locale/{lang}.yml", 0, "", "",
                                  f"no translation of the interface text {text!r}: add it as a key with its "
                                  "translation")])
    return found


def sort_key(text: str) -> str:
    """A key that sorts text alphabetically in every language: accents removed and case folded, so that "État"
    sorts with E (not after Z) and "côte" with "cote"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def number(value: int | float, lang: str, decimals: int | None = None) -> str:
    """A number as the language writes it: '1,200' and '12.65' in English, '1 200' (narrow no-break space) and
    '12,65' in French. `decimals` fixes the digits after the point."""
    text = f"{value:,.{decimals}f}" if decimals is not None else f"{value:,}"
    if lang == "fr":
        return text.replace(",", "\u202f").replace(".", ",")
    return text


def lowercase(label: str, lang: str) -> str:
    """A label (a vocabulary's title) inside a sentence: 'Person' -> 'person'. English lowercases it all, as it always
    has; French lowercases its first letter only, and not that of an abbreviation or of "État" (the State keeps its
    capital): 'Rapport de l'ONU' -> 'rapport de l'ONU', 'État' -> 'État'."""
    if lang == "en":
        return label.lower()
    first = label.split(" ", 1)[0]
    if first in ("État", "États") or (len(first) > 1 and first.isupper()):
        return label
    return label[:1].lower() + label[1:]


MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
}


def date_label(year: int, month: int | None, day: int | None, lang: str) -> str:
    """'22 March 2012', 'March 2012', '2012'; in French '22 mars 2012', '1er avril 2012', 'mars 2012'."""
    if month is None:
        return str(year)
    name = MONTHS[lang][month - 1]
    if day is None:
        return f"{name} {year}"
    return f"{'1er' if lang == 'fr' and day == 1 else day} {name} {year}"
