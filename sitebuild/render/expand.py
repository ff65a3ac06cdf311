"""Expand one page's Markdown from the data: shortcodes, citations, figures and the reading time.

Run by the Markdown extension (sitebuild/extension.py) on every page, under MkDocs and Zensical alike. One pass
over the page, top to bottom, outside code: each `<!-- md:NAME ... -->` line is replaced by its renderer's output
(render/embeds/), each `[@id; @id]` by numbered citation links, each `[#figure]` by the figure (render/figures.py).
Sources are numbered in the order the page first cites them, whether in prose or inside a rendered block; the list
of sources cited goes at the end of the page.
"""

from __future__ import annotations

import re
from html import escape
from types import SimpleNamespace
from typing import Callable

from ..data import shortcodes
from ..data.markdown_lint import CITATION, FENCE, INLINE_CODE
from . import figures
from .context import PageContext
from .embeds import RENDERERS
from .embeds.sources import view as source_view

WORDS_PER_MINUTE = 200
MIN_WORDS = 400            # shorter pages (indexes, data pages) show no estimate
_NOT_PROSE = re.compile(r"<!--.*?-->|<[^>]+>", re.S)
_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9']+")


def expand(markdown: str, project, stash: Callable[[str], str]) -> str:
    ctx = PageContext(project, stash)
    page = project.pages_by_text.get(markdown.strip())
    points = [_inline(" ".join(p.split()), ctx) for p in (page.meta.get("key_points") or [])] if page else []
    out, fenced = [], False
    for line in markdown.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
        if fenced or FENCE.match(line):
            out.append(line)
            continue
        code = shortcodes.SHORTCODE.fullmatch(line)
        if code:
            found = shortcodes.find(line)[0]
            out.append("\n" + str(RENDERERS[found.name](found.args, ctx)).strip() + "\n")
        else:
            out.append(_inline(line, ctx))
    text = "\n".join(out)
    text = _under_title(text, markdown, points, _jumps(markdown, ctx), ctx)
    if ctx.cited:
        text += f"\n\n## {ctx.ui('Sources cited on this page')} {{#sources-cited}}\n\n" + str(_sources_cited(ctx))
    # No blank line after the last block: Python-Markdown would wrap a kept-apart HTML block that ends the text
    # with a line break in <p>.
    return text.rstrip()


# Markdown is plain text (str) from here on: markupsafe's Markup would escape what Python-Markdown adds to it.
def _inline(line: str, ctx: PageContext) -> str:
    """Citations and figures in one line of prose, left alone inside inline code."""
    if "[" not in line:
        return line
    parts, last = [], 0
    for match in INLINE_CODE.finditer(line):
        parts.append(_replace(line[last:match.start()], ctx))
        parts.append(match.group(0))
        last = match.end()
    parts.append(_replace(line[last:], ctx))
    return str("".join(parts))


def _replace(text: str, ctx: PageContext) -> str:
    def cite(match):
        return str(ctx.cite([p.strip().lstrip("@") for p in match.group(1).split(";")]))
    text = CITATION.sub(cite, text)
    return figures.FIGURE.sub(lambda m: figures.render(m.group(1), m.group(2), ctx), text)


def _sources_cited(ctx: PageContext) -> str:
    sources = [SimpleNamespace(**source_view(ctx.dataset.get("sources", i), ctx), number=n)
               for n, i in enumerate(ctx.cited, 1)]
    return ctx.render_html("sources-cited.html", sources=sources)


# Sections a reader may want to reach from the top of a long page: (heading as written in English, anchor, link
# text). A translated page's heading names the anchor: `## Vérifiez vos connaissances {#check-your-understanding}`.
JUMPS = [("## Check your understanding", "check-your-understanding", "Quiz"),
         ("## Discussion questions", "discussion-questions", "Discussion")]


def _jumps(markdown: str, ctx: PageContext) -> str:
    """'On this page: Quiz · Discussion · Sources', for pages with a quiz (explainer pages): links to those
    sections and to the list of sources cited."""
    lines = {line.strip() for line in markdown.split("\n")}
    anchors = {line.rstrip()[line.rstrip().rfind("{#") + 2:-1] for line in lines
               if line.startswith("## ") and line.rstrip().endswith("}") and "{#" in line}
    links = [(anchor, ctx.ui(text)) for heading, anchor, text in JUMPS if heading in lines or anchor in anchors]
    if not links:
        return ""
    if ctx.cited:
        links.append(("sources-cited", ctx.ui("Sources")))
    items = " · ".join(f'<a href="#{anchor}">{escape(text)}</a>' for anchor, text in links)
    return (f'\n\n<nav class="page-jumps" aria-label="{escape(ctx.ui("On this page"))}">'
            f'<strong>{escape(ctx.ui("On this page:"))}</strong> {items}</nav>\n')


def _under_title(text: str, source: str, key_points: list[str], jumps: str, ctx: PageContext) -> str:
    """Under the title: 'About N minutes to read' on pages with enough prose (200 words a minute), the jump list
    to the quiz, discussion and sources, then the page's key points (front matter `key_points`, already expanded:
    they are cited first)."""
    title = re.search(r"^# .+$", text, re.M)
    if not title:
        return text
    words = len(_WORD.findall(_NOT_PROSE.sub(" ", source)))
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    head = ""
    if words >= MIN_WORDS:
        reading = ctx.ui("About 1 minute to read") if minutes == 1 else ctx.ui("About {n} minutes to read").format(n=minutes)
        head += f'\n\n<p class="reading-time">{escape(reading)}</p>\n'
    head += jumps
    if key_points:
        items = "\n".join("    - " + point for point in key_points)
        head += f'\n\n!!! abstract "{ctx.ui("Key points")}"\n\n{items}\n'
    return text[:title.end()] + head + text[title.end():]
