"""Hook: turn `[@source-id]` into numbered links and append the list of every source the page cites."""

from types import SimpleNamespace

from sitedata import markdown_lint
from sitedata.embeds.sources import view


def on_page_markdown(markdown, page, config, files):
    ctx = getattr(page, "cite_context", None)
    if ctx is None:
        return markdown
    embedded = list(ctx.cited)
    ctx.cited.clear()
    for _, ids in markdown_lint.citations(markdown):
        ctx.cite(ids)
    ctx.cite(embedded)
    if not ctx.cited:
        return markdown
    numbers = {ident: n for n, ident in enumerate(ctx.cited, 1)}

    def replace(match):
        ids = [p.strip().lstrip("@") for p in match.group(1).split(";")]
        links = ", ".join(f'<a href="#cite-{i}">{numbers[i]}</a>' for i in ids)
        return f'<sup class="cite">[{links}]</sup>'

    markdown = markdown_lint.CITATION.sub(replace, markdown)
    # Attributes, not dict keys: Jinja reads `s.title` as an attribute first, and a dict makes it fail and retry
    # for every field of every source on every page
    sources = [SimpleNamespace(**view(ctx.dataset.get("sources", i), ctx), number=numbers[i]) for i in ctx.cited]
    listing = ctx.render_html("partials/sources-cited.html", sources=sources)
    return markdown + "\n\n## Sources cited on this page {#sources-cited}\n\n" + listing + "\n"
