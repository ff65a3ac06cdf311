"""Hook: expand `<!-- md:NAME ... -->` shortcodes in each page from the data (renderers in sitedata/embeds/).

Shortcodes were checked when the data loaded (validate.py), so here every one is known and its ids exist.
"""

import posixpath
from pathlib import Path

from mkdocs.utils import get_relative_url
from sitedata import shortcodes, state
from sitedata.context import PageContext
from sitedata.embeds import RENDERERS
from sitedata.render import abbreviate

_env = None
_pages: dict[str, dict] = {}
_templates: dict = {}          # the partials, loaded once per build
_memo: dict = {}               # what renderers keep from page to page (PageContext.memo), for one build


def on_config(config):
    global _env
    _env = config.theme.get_env()
    _env.filters["abbr"] = abbreviate(state.dataset.abbreviations())
    _pages.clear()
    _templates.clear()
    _memo.clear()
    docs = Path(config.docs_dir)
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), path.stem)
        _pages[path.relative_to(docs).as_posix()] = {"title": title, "text": text}
    return config


def context_for(page, files) -> PageContext:
    relative_urls: dict[str, str] = {}      # docs path -> URL relative to this page; a page links to few paths

    def link(docs_path: str, anchor: str) -> str:
        relative = relative_urls.get(docs_path)
        if relative is None:
            target = files.get_file_from_path(docs_path)
            url = target.url if target else posixpath.splitext(docs_path)[0] + "/"
            relative = relative_urls[docs_path] = get_relative_url(url, page.file.url)
        return f"{relative}#{anchor}" if anchor else relative

    ctx = PageContext(state.dataset, _env, link, page.file.src_uri, _pages, templates=_templates, memo=_memo)
    page.cite_context = ctx          # the citations hook adds the page's own [@id] citations to the same list
    return ctx


def on_page_markdown(markdown, page, config, files):
    ctx = context_for(page, files)
    # Expand until no shortcode is left: an actor page's Markdown may itself contain a timeline shortcode.
    for _ in range(3):
        if not shortcodes.ANY_SHORTCODE.search(markdown):    # a quick look first: expanded pages are long
            break
        found = shortcodes.find(markdown)
        if not found:
            break
        for code in reversed(found):
            html = RENDERERS[code.name](code.args, ctx).strip()
            markdown = markdown.replace(code.text, "\n" + html + "\n", 1)
    return markdown
