"""Figures from the registry (docs/data/figures/): a page writes `[#id]` or `[#id.value]` instead of a number.

- `[#id.value]` shows that one value as its source gave it ("about 60"), with its citation.
- `[#id]` shows the figure's default value, or its only value; a figure with several values and no default shows
  their range ("60 to 128"), a link to where the disagreement is explained, and the citations of every value.
"""

from __future__ import annotations


from markupsafe import Markup, escape

from ..data.markdown_lint import FIGURE      # one syntax, checked when pages load and rendered here


def numbers(value: dict) -> list[int | float]:
    return [value[k] for k in ("number", "low", "high") if k in value]


def _citation(source_ids: list[str], ctx, cite: bool) -> str:
    """Numbered links to the page's list of sources, or, on a page without such a list (a timeline year page), links
    straight to the documents, named by who published them."""
    if cite:
        return str(ctx.cite(source_ids))
    sources = [ctx.dataset.get("sources", i) for i in source_ids]
    links = str(escape(ctx.ui("; "))).join(f'<a href="{escape(s["url"])}">{escape(s.get("publisher") or s["author"])}</a>'
                                            for s in sources)
    return f' <span class="figure__sources">({links})</span>'


def render(figure_id: str, value_id: str | None, ctx, cite: bool = True) -> str:
    figure = ctx.dataset.get("figures", figure_id)
    values = {v["id"]: v for v in figure["values"]}
    chosen = value_id or figure.get("default") or (figure["values"][0]["id"] if len(values) == 1 else None)
    if chosen:
        value = values[chosen]
        return f'<span class="figure">{escape(value["text"])}</span>{_citation(value["sources"], ctx, cite)}'
    every = sorted(n for v in figure["values"] for n in numbers(v))
    sources = list(dict.fromkeys(s for v in figure["values"] for s in v["sources"]))
    low, high = every[0], every[-1]
    note = ""
    if figure.get("explained"):
        page, _, anchor = figure["explained"].partition("#")
        note = f' (<a href="{ctx.link(page, anchor)}">{escape(ctx.ui("sources differ"))}</a>)'
    span = escape(ctx.ui("{low} to {high}").format(low=ctx.number(low), high=ctx.number(high)))
    return f'<span class="figure">{span}</span>{note}{_citation(sources, ctx, cite)}'


def in_text(text: str, ctx, escape_text, cite: bool = True) -> Markup:
    """Data text with its `[#figure]` references rendered and everything else escaped by `escape_text` (for HTML
    or for Markdown): the one way a data field shows a registered figure."""
    out, last = [], 0
    for match in FIGURE.finditer(text):
        out.append(escape_text(text[last:match.start()]))
        out.append(Markup(render(match.group(1), match.group(2), ctx, cite)))
        last = match.end()
    out.append(escape_text(text[last:]))
    return Markup("").join(out)
