"""Jinja helpers for the partials in overrides/partials/: date labels, abbreviations, page-relative URLs."""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

from .checks import parse_date

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@lru_cache(maxsize=None)
def date_label(text: str) -> str:
    """'2012-03-22' -> '22 March 2012'; '2012-03' -> 'March 2012'; '2012' -> '2012'."""
    parts = text.split("-")
    date = parse_date(text)
    if len(parts) == 1:
        return str(date.year)
    if len(parts) == 2:
        return f"{MONTHS[date.month - 1]} {date.year}"
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def abbreviate(abbreviations: dict[str, str]):
    """A filter that escapes text and marks up known abbreviations with <abbr title>."""
    if not abbreviations:
        return lambda text: escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True)) + r")\b")

    done: dict[str, Markup] = {}          # the same titles and summaries recur on many pages

    def apply(text: str) -> Markup:
        if type(text) is str and text in done:     # not for Markup, which escape() leaves as it is
            return done[text]
        out, last = [], 0
        for match in pattern.finditer(text):
            out.append(escape(text[last:match.start()]))
            out.append(Markup('<abbr title="{}">{}</abbr>').format(abbreviations[match.group(1)], match.group(1)))
            last = match.end()
        out.append(escape(text[last:]))
        result = Markup("").join(out)
        if type(text) is str:
            done[text] = result
        return result

    return apply
