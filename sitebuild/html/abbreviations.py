"""Abbreviations: every known abbreviation (actors' and glossary terms' `abbr` and capitalised aliases) in a page's
text is marked `<abbr title="full form">`, whether the text came from a contributor's Markdown or from the data.
The one mechanism for abbreviations on the site; it works on the built HTML, so it works for any builder.

Only text in the page's content (Material's `<article>`) is marked, and not inside code, headings' permalinks, form controls, SVG or an existing abbreviation.
"""

from __future__ import annotations

import re

from markupsafe import escape

ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*?)(</article>)', re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>|<!--.*?-->", re.S)
SKIP = {"abbr", "code", "pre", "kbd", "samp", "script", "style", "svg", "textarea", "select", "option",
        "button", "title", "time", "label"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Marker:
    def __init__(self, abbreviations: dict[str, str]):
        self.titles = abbreviations
        names = sorted(abbreviations, key=len, reverse=True)
        self.pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else None

    def mark(self, html: str) -> str:
        if self.pattern is None:
            return html
        return ARTICLE.sub(lambda m: m.group(1) + self._text(m.group(2)) + m.group(3), html, count=1)

    def _text(self, html: str) -> str:
        out, skipping, last = [], [], 0
        for tag in _TAG.finditer(html):
            text = html[last:tag.start()]
            out.append(text if skipping else self.pattern.sub(self._abbr, text))
            out.append(tag.group(0))
            last = tag.end()
            name = (tag.group(2) or "").lower()
            if not name or name in VOID or tag.group(3):
                continue
            if tag.group(1):                               # a closing tag
                if skipping and skipping[-1] == name:
                    skipping.pop()
            elif name in SKIP or skipping:
                skipping.append(name)
        out.append(html[last:] if skipping else self.pattern.sub(self._abbr, html[last:]))
        return "".join(out)

    def _abbr(self, match) -> str:
        return f'<abbr title="{escape(self.titles[match.group(1)])}">{match.group(1)}</abbr>'
