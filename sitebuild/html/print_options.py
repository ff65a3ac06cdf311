"""Pages with answer blocks (quizzes, lesson answer keys) get their "When printing this page" choice in the
HTML, after the heading above the first block, so the page does not change shape once it has loaded.

Inserting it from JavaScript after the page had loaded made the browser restyle and re-lay out the whole page
(Lighthouse measured it as blocking time on the explainer pages). Without JavaScript the choice is hidden
(site.css: `.no-js .print-options`) and the default applies: closed blocks print their question only, opened ones with their answer.
docs/assets/javascripts/print.js reacts to the choice; it reads the title of the answers it prints on a separate
page from the fieldset's `data-answers-title`, written here in the page's language.
"""

import re
from html import escape

from ..i18n import ui

_FIRST_BLOCK = re.compile(r'<details class="(?:[^"]*\s)?(?:question|answer)(?:\s[^"]*)?"')
_HEADING_END = re.compile(r"</h[23]>")
OPTIONS = ('<fieldset class="print-options" data-answers-title="{answers}"><legend>{legend}</legend>'
           '<label><input type="radio" name="print-answers" value="hide" checked> {opened}</label> '
           '<label><input type="radio" name="print-answers" value="page"> {separate}'
           '</label></fieldset>\n')


TEXTS = {"answers": "Answers", "legend": "When printing this page", "opened": "print only the answers I have opened",
         "separate": "print the answers on a separate page"}


def options(lang: str) -> str:
    """The choice, in the page's language."""
    return OPTIONS.format(**{key: escape(ui(text, lang)) for key, text in TEXTS.items()})


def add(html: str, lang: str) -> str:
    block = _FIRST_BLOCK.search(html)
    if not block:
        return html
    headings = [m.end() for m in _HEADING_END.finditer(html, 0, block.start())]
    at = headings[-1] if headings else block.start()
    return html[:at] + ("\n" if headings else "") + options(lang) + html[at:]

