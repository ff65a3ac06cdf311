"""Text helpers for the templates: date labels."""

from __future__ import annotations

from functools import lru_cache

from ..data.checks import parse_date

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
