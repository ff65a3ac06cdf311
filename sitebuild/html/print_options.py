"""Pages with answer blocks (quizzes, lesson answer keys) get their "When printing this page" choice in the
HTML, after the heading above the first block, so the page does not change shape once it has loaded.

Inserting it from JavaScript after the page had loaded made the browser restyle and re-lay out the whole page
(Lighthouse measured it as blocking time on the explainer pages). Without JavaScript the choice is hidden
(site.css: `.no-js .print-options`) and the default applies: closed blocks print their question only, opened ones with their answer.
docs/assets/javascripts/print.js reacts to the choice.
"""

import re

_FIRST_BLOCK = re.compile(r'<details class="(?:[^"]*\s)?(?:question|answer)(?:\s[^"]*)?"')
_HEADING_END = re.compile(r"</h[23]>")
OPTIONS = ('<fieldset class="print-options"><legend>When printing this page</legend>'
           '<label><input type="radio" name="print-answers" value="hide" checked> print only the answers I have opened</label> '
           '<label><input type="radio" name="print-answers" value="page"> print the answers on a separate page'
           '</label></fieldset>\n')


def add(html: str) -> str:
    block = _FIRST_BLOCK.search(html)
    if not block:
        return html
    headings = [m.end() for m in _HEADING_END.finditer(html, 0, block.start())]
    at = headings[-1] if headings else block.start()
    return html[:at] + ("\n" if headings else "") + OPTIONS + html[at:]

