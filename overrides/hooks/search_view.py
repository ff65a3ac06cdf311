"""Hook: Material's search plugin indexes a lighter copy of each page's HTML (sitedata/search_view.py), which gives
the same index for a fraction of the parsing; the page is written with its own HTML, unchanged.

After every other hook has changed the page's HTML (on_page_content, run last), the page keeps its HTML aside and
passes the copy on in its place; the search plugin indexes the copy when the page is built (on_page_context), and
this hook's on_page_context, run after the plugin's, puts the page's HTML back before the theme writes it. The
plugin also strips data-search-* attributes from what it read: a page with any is passed on as it is (lighten
returns None), so what the theme writes is what it wrote before. The priorities (-100) place both events after
the other hooks' and the plugins', wherever the hook is listed in mkdocs.yml.
"""

from mkdocs.plugins import event_priority
from sitedata import search_view


@event_priority(-100)
def on_page_content(html, page, config, files):
    light = search_view.lighten(html)
    page.full_content = None if light is None else html
    return html if light is None else light


@event_priority(-100)
def on_page_context(context, page, config, nav):
    if getattr(page, "full_content", None) is not None:
        page.content, page.full_content = page.full_content, None
    return context
