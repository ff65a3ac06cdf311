"""Generated HTML blocks that skip Markdown: marked when rendered, cut out before Markdown, put back after.

Markdown copies a raw HTML block to the page unchanged, but first parses it twice, tag by tag (MkDocs collects
its ids for anchor validation; md_in_html finds where it ends): most of the build's Markdown time on pages with
a timeline or a source list. So PageContext.render_html marks each block it renders from an HTML partial
(mark), the html_blocks hook swaps every marked block for a one-line HTML comment before Markdown runs (cut) and
the comment for the block afterwards (restore), and gives MkDocs the block's ids (ids), as Markdown would have.
A marked block must be one whole HTML element, as a raw HTML block in Markdown is; a partial that mixes HTML and
Markdown (such as map.html) is rendered with PageContext.render and goes through Markdown as before.
"""

from __future__ import annotations

import html
import re
import secrets

_TOKEN = secrets.token_hex(8)            # new in each build process: no page can contain it by chance
_START, _END = f"<!--html-block:{_TOKEN}-->", f"<!--/html-block:{_TOKEN}-->"
_PLACEHOLDER = re.compile(re.escape(f"<!--html-block:{_TOKEN}:") + r"(\d+)-->")
# What MkDocs counts as an anchor in raw HTML: any element's id (an id attribute follows white space), and the
# name of <a>. Attribute values in the partials are double-quoted, and a double quote in a text or a value is
# always escaped.
_ID = re.compile(r'id="([^"]*)"')
_A_NAME = re.compile(r'<a\s[^>]*?(?<=\s)name="([^"]*)"')


def mark(block: str) -> str:
    """The block between markers; white space around it stays outside, where Markdown sees it as before."""
    core = block.strip()
    if not core:
        return block
    start = block.index(core)
    return block[:start] + _START + core + _END + block[start + len(core):]


def cut(markdown: str) -> tuple[str, list[str]]:
    """Markdown with each marked block replaced by a placeholder comment, and the blocks in order."""
    first, *rest = markdown.split(_START)
    out, blocks = [first], []
    for part in rest:
        block, end, after = part.partition(_END)
        if not end:                       # no end marker: leave the text as it was
            out.append(_START + part)
            continue
        blocks.append(block)
        out.append(f"<!--html-block:{_TOKEN}:{len(blocks) - 1}-->" + after)
    return "".join(out), blocks


def restore(page_html: str, blocks: list[str]) -> tuple[str, list[int]]:
    """The page's HTML with the blocks back in place of their placeholders, and the numbers of blocks not placed
    (a placeholder Markdown did not pass through as it is, such as one inside a code block)."""
    placed: set[int] = set()

    def swap(match: re.Match) -> str:
        number = int(match.group(1))
        placed.add(number)
        return blocks[number]

    return _PLACEHOLDER.sub(swap, page_html), [n for n in range(len(blocks)) if n not in placed]


def ids(blocks: list[str]) -> set[str]:
    """The anchors the blocks hold, as MkDocs collects them from raw HTML."""
    found: set[str] = set()
    for block in blocks:
        found.update(html.unescape(m.group(1)) for m in _ID.finditer(block) if block[m.start() - 1].isspace())
        if "name=" in block:                  # rare: the pattern below is slow to rule out on long blocks
            found.update(html.unescape(v) for v in _A_NAME.findall(block))
    return found
