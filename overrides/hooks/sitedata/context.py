"""What a shortcode renderer may use: the data, the Jinja environment, and links relative to the current page."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Callable

from . import html_blocks
from .dataset import Dataset

TIMELINE = "timeline/index.md"           # the overview: every event in brief, with the filters and the chart


def timeline_page(event: dict) -> str:
    """The timeline page that shows an event in full: one page per year of the crisis (2012 to 2015), and one each
    for the background before 2012 and for what came after 2015."""
    year = event["date"][:4]
    if year < "2012":
        return "timeline/before-2012.md"
    if year > "2015":
        return "timeline/after-2015.md"
    return f"timeline/{year}.md"


@dataclass
class PageContext:
    dataset: Dataset
    env: object                                  # the theme's jinja2.Environment (overrides/ first)
    link: Callable[[str, str], str]              # (docs path, anchor) -> URL relative to the current page
    page_path: str                               # docs-relative path of the current page, e.g. explainer/2012.md
    pages: dict[str, dict] = field(default_factory=dict)   # docs path -> {"title", "text"} of every Markdown page
    cited: list[str] = field(default_factory=list)         # source ids cited on this page, in order
    templates: dict = field(default_factory=dict)          # name -> loaded template, shared by a build's pages
    memo: dict = field(default_factory=dict)               # renderers' results, shared by a build's pages

    def md(self, docs_path: str, anchor: str = "") -> str:
        """A link for generated Markdown: relative to the current page's source, so MkDocs validates it."""
        key = ("md", posixpath.dirname(self.page_path), docs_path)     # the same for every page in a folder
        relative = self.memo.get(key)
        if relative is None:
            relative = self.memo[key] = posixpath.relpath(docs_path, key[1] or ".")
        return f"{relative}#{anchor}" if anchor else relative

    def cite(self, ids) -> None:
        for ident in ids:
            if ident not in self.cited:
                self.cited.append(ident)

    def render(self, template: str, **values) -> str:
        """A partial rendered for the page, as Markdown (raw HTML included) for MkDocs to render."""
        loaded = self.templates.get(template)
        if loaded is None:        # env.get_template checks the file on disk each time: once per build is enough
            loaded = self.templates[template] = self.env.get_template(template)
        return loaded.render(ctx=self, data=self.dataset, **values)

    def render_html(self, template: str, **values) -> str:
        """A partial that renders one HTML element (a block such as <div>...</div>), marked to pass through
        Markdown untouched (html_blocks.py)."""
        return html_blocks.mark(self.render(template, **values))

    def actor_link(self, actor_id: str) -> str:
        return self.link(f"actors/{actor_id}.md", "")

    def event_link(self, event_id: str) -> str:
        return self.link(timeline_page(self.dataset.get("events", event_id)), f"ev-{event_id}")

    def source_link(self, source_id: str) -> str:
        return self.link("sources/index.md", source_id)
