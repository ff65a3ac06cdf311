"""Tables come ready from the build: a box that scrolls sideways on narrow screens, reachable and scrollable
from the keyboard, with a name for screen readers (WCAG 2.1.1; axe: scrollable-region-focusable).

Material wraps each table without a class in such a box with JavaScript after the page loads; on a page with a
large table (the map's places) that re-styles the whole page on a phone's processor (Lighthouse measured about
0.7 s of blocking time). Here each such table gets the same box in the HTML and the class `data-table`, which
Material's script leaves alone; site.css gives it Material's table look.
"""

import re
from html import escape

from ..i18n import ui

_TAG = re.compile(r"<table(?:\s[^>]*)?>|</table>")
BOX = ('<div class="md-typeset__scrollwrap" tabindex="0" role="region" '
       'aria-label="{label}"><div class="md-typeset__table">'
       '<table class="data-table">')


def box(html: str, lang: str) -> str:
    """Box every table written without attributes (Markdown's and the partials'); others stay as they are."""
    if "<table>" not in html:
        return html
    opening = BOX.format(label=escape(ui("Table; scroll sideways to see all columns", lang)))
    out, boxed, pos = [], [], 0          # boxed: for each open table, whether it got a box
    for match in _TAG.finditer(html):
        tag = match.group(0)
        out.append(html[pos:match.start()])
        if tag == "</table>":
            out.append(tag + ("</div></div>" if boxed and boxed.pop() else ""))
        else:
            boxed.append(tag == "<table>")
            out.append(opening if tag == "<table>" else tag)
        pos = match.end()
    out.append(html[pos:])
    return "".join(out)

