"""Hook: append to each page the definitions of the abbreviations it uses (from actors and glossary), which
Python-Markdown's abbr extension turns into <abbr title> wherever they occur in the page.

Only the definitions a page can use are appended: the abbr extension makes every definition a block that each
block processor tests, and matches all of them against every text of the page, so the whole list on every page
would cost pages x abbreviations. An abbreviation can only match where each of its runs of letters and digits
("CM" and "FPR" in CM-FPR) is a whole word of the page, so a page gets the definitions whose words it has: all
those it uses (and, rarely, one more, which marks up nothing). Runs after shortcodes.py and citations.py (see
mkdocs.yml), so generated text and the list of sources cited are included.

One definition per paragraph (a blank line between them): the abbr extension takes one definition from the
front of a block and re-inserts the rest, after every other block processor has tested it, so a single block
of n definitions costs O(n^2). Separate blocks cost O(n).
"""

import re

from sitedata import state

_WORD = re.compile(r"\w+")
_definitions: list[tuple[tuple[str, ...], str]] = []     # (words of the abbreviation, its definition line)
_by_word: dict[str, list[int]] = {}                      # first word -> indexes of the definitions it starts


def on_config(config):
    _definitions.clear()
    _by_word.clear()
    for index, (abbr, expansion) in enumerate(state.dataset.abbreviations().items()):
        runs = tuple(_WORD.findall(abbr))
        _definitions.append((runs, f"*[{abbr}]: {expansion}"))
        _by_word.setdefault(runs[0] if runs else "", []).append(index)
    return config


def on_page_markdown(markdown, page, config, files):
    words = set(_WORD.findall(markdown))
    words.add("")                        # a definition without words (none so far) would go on every page
    # only definitions whose first word the page has, found by one set intersection, in the definitions' order
    hits = sorted(i for word in words.intersection(_by_word) for i in _by_word[word]
                  if words.issuperset(_definitions[i][0]))
    used = [_definitions[i][1] for i in hits]
    if not used:
        return markdown
    return markdown + "\n\n\n" + "\n\n".join(used) + "\n"
