"""Text helpers for the templates: date labels, and data written into Markdown so that it stays text."""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup

from .. import i18n
from ..data.checks import parse_date

@lru_cache(maxsize=None)
def date_label(text: str, lang: str = "en") -> str:
    """'2012-03-22' -> '22 March 2012' ('22 mars 2012'); '2012-03' -> 'March 2012'; '2012' -> '2012'."""
    parts = text.split("-")
    date = parse_date(text)
    return i18n.date_label(date.year, date.month if len(parts) > 1 else None, date.day if len(parts) > 2 else None,
                           lang)


SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def markdown_text(value) -> Markup:
    """Text from the data, for a Markdown template: Markdown's and HTML's special characters escaped and line breaks
    made spaces, so it shows as written and can neither add markup nor start a new block. Markup passes as it is:
    the templates' own Markdown, citations, links made by the pipeline."""
    if isinstance(value, Markup):
        return value
    text = re.sub(r"\s+", " ", str(value)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", text))


def slug(value) -> Markup:
    """An id checked against the data's id pattern, for an anchor in a Markdown template."""
    if not SLUG.match(str(value)):
        raise ValueError(f"not an id: {value!r}")
    return Markup(value)
