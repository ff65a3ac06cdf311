"""Hook: the HTML blocks rendered from partials skip Markdown, which would only parse them to copy them unchanged.

Before Markdown, each block marked by PageContext.render_html becomes a placeholder comment; after, the block goes
back in its place and MkDocs learns its ids, for anchor validation (see sitedata/html_blocks.py). Runs after
shortcodes.py and citations.py (see mkdocs.yml), which render the blocks.
"""

import logging

from sitedata import html_blocks

log = logging.getLogger("mkdocs.hooks.html_blocks")


def on_page_markdown(markdown, page, config, files):
    markdown, page.html_blocks = html_blocks.cut(markdown)
    return markdown


def on_page_content(html, page, config, files):
    blocks = getattr(page, "html_blocks", None)
    if not blocks:
        return html
    html, missing = html_blocks.restore(html, blocks)
    if missing:
        log.warning(f"Doc file '{page.file.src_uri}': {len(missing)} generated HTML block(s) could not be put back "
                    f"(is a shortcode inside a code block or an indented block?)")
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= html_blocks.ids(blocks)
    page.html_blocks = None
    return html
