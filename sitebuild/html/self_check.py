"""Self-check questions: a `??? question` block whose first lines are a list of choices, the right one marked
`[x]` and the others `[ ]` (CONTRIBUTING.md; markdown_lint checks the convention), followed by the explanation.

Here each such block gets the class `self-check` and its choices the classes `choice` and, for the right one,
`choice--correct` with the words "(right answer)". Without JavaScript the block works as every question block
does: opening it shows the choices, which one is right, and why. docs/assets/javascripts/self-check.js turns it
into a group of radio buttons with a "Check my answer" button; the explanation shows once the student has chosen.
The script's texts are written on the block (`data-check-*`), in the page's language.
"""

import re
from html import escape

from ..i18n import ui

_BLOCK = re.compile(r'<details class="question">(\s*<summary>(?:(?!</summary>).)*</summary>\s*)<ul>((?:(?!</?ul>).)*)</ul>', re.S)
_ITEM = re.compile(r"<li>\[([ xX])\] (.*?)</li>", re.S)
MARK = ' <strong class="choice__mark">{}</strong>'
# What self-check.js writes, by attribute: {answer} is the right choice's text.
SCRIPT_TEXTS = {
    "data-check-label": "Check my answer",
    "data-check-explanation": "Why? The explanation",
    "data-check-choose": "Choose an answer first.",
    "data-check-right": "Right. Read why below.",
    "data-check-wrong": "Not quite. The right answer is: {answer} Read why below.",
}


def mark(html: str, lang: str) -> str:
    if '<details class="question">' not in html:
        return html
    right = MARK.format(escape(ui("(right answer)", lang)))
    texts = "".join(f' {name}="{escape(ui(text, lang))}"' for name, text in SCRIPT_TEXTS.items())

    def choices(match):
        items = match.group(2)
        found = _ITEM.findall(items)
        if len(found) < 2 or _ITEM.sub("", items).strip():
            return match.group(0)                 # not a list of choices: an ordinary question block
        listed = "".join(f'\n<li class="choice choice--correct">{text}{right}</li>' if tick.strip()
                         else f'\n<li class="choice">{text}</li>' for tick, text in found)
        return f'<details class="question self-check"{texts}>{match.group(1)}<ul class="choices">{listed}\n</ul>'
    return _BLOCK.sub(choices, html)
