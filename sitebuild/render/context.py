"""What a shortcode renderer may use while one page is expanded: the project, the templates, links, citations.

A PageContext lives for one page's expansion (render/expand.py) and is then dropped: nothing is shared between
pages except the loaded project, which does not change during a build.

Links: renderers name pages by their path below docs/ (`actors/mnla.md`) and write `site:actors/mnla.md#anchor`.
The HTML step (html/links.py) turns each such link into a URL relative to the page it ends up on, for whichever
builder and URL style made the page, and fails the build if the page or the anchor does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from markupsafe import Markup

from .. import i18n
from ..vocab import FIRST_YEAR, LAST_YEAR
from .text import date_label

TIMELINE = "timeline/index.md"           # the overview: every event in brief, with the filters and the chart
SITE_LINK = "site:"


def timeline_slug(date: str) -> str:
    """The timeline page that shows an event in full: one per year of the crisis, and one each for the
    background before and what came after."""
    year = int(date[:4])
    if year < FIRST_YEAR:
        return f"before-{FIRST_YEAR}"
    if year > LAST_YEAR:
        return f"after-{LAST_YEAR}"
    return str(year)


def timeline_slugs() -> list[str]:
    return [f"before-{FIRST_YEAR}"] + [str(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)] + [f"after-{LAST_YEAR}"]


def timeline_page(event: dict) -> str:
    return f"timeline/{timeline_slug(event['date'])}.md"


def site_link(docs_path: str, anchor: str = "") -> Markup:
    """A link to a page below docs/ (paths and anchors come from the pipeline and the data's checked ids)."""
    return Markup(f"{SITE_LINK}{docs_path}#{anchor}" if anchor else f"{SITE_LINK}{docs_path}")


@dataclass
class PageContext:
    project: object                     # the loaded pipeline.Project (not imported: it imports this module)
    stash: Callable[[str], str]          # keeps an HTML block away from Markdown; returns the placeholder to insert
    cited: list[str] = field(default_factory=list)       # source ids cited on this page, in order of first citation
    counters: dict[str, int] = field(default_factory=dict)

    @property
    def dataset(self):
        return self.project.dataset

    @property
    def pages(self) -> dict[str, dict]:
        return self.project.pages

    @property
    def vocab(self):
        return self.project.vocab

    # -- language --------------------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.project.lang

    def date(self, text: str) -> str:
        """A date of the data ('2012-03-22') as the page's language writes it."""
        return date_label(text, self.lang)

    def ui(self, text: str) -> str:
        """Interface text (English) in the page's language (sitebuild/i18n.py)."""
        return i18n.ui(text, self.lang)

    def lowercase(self, label: str) -> str:
        """A vocabulary's label inside a sentence ('person'; in French 'rapport de l'ONU', 'État')."""
        return i18n.lowercase(label, self.lang)

    def number(self, value: int | float, decimals: int | None = None) -> str:
        """A number as the page's language writes it: '1,200' or '1 200', '12.65' or '12,65'."""
        return i18n.number(value, self.lang, decimals)

    # -- links -----------------------------------------------------------------------------------------------
    link = staticmethod(site_link)

    def actor_link(self, actor_id: str) -> str:
        return site_link(f"actors/{actor_id}.md")

    def event_link(self, event_id: str) -> str:
        return site_link(timeline_page(self.dataset.get("events", event_id)), f"ev-{event_id}")

    def source_link(self, source_id: str) -> str:
        return site_link("sources/index.md", source_id)

    # -- citations -------------------------------------------------------------------------------------------
    def cite(self, ids) -> Markup:
        """Numbered links to the page's list of sources, for a citation of these source ids; the one way to cite."""
        numbers = []
        for ident in ids:
            if ident not in self.cited:
                self.cited.append(ident)
            numbers.append(self.cited.index(ident) + 1)
        if not numbers:
            return Markup("")
        links = ", ".join(f'<a href="#cite-{i}">{n}</a>' for i, n in zip(ids, numbers))
        return Markup(f'<sup class="cite">[{links}]</sup>')

    # -- templates -------------------------------------------------------------------------------------------
    def next_id(self, prefix: str) -> str:
        """An id unique on the page (two maps on one page must not share pattern or clip ids)."""
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}{self.counters[prefix]}"

    def render(self, template: str, **values) -> str:
        """A Markdown template (templates/markdown/), rendered as Markdown for the page; data shows as text."""
        return self.project.markdown_templates.get_template(template).render(ctx=self, data=self.dataset, **values)

    def render_html(self, template: str, **values) -> Markup:
        """An HTML template, autoescaped, kept away from Markdown: returns the placeholder for the page."""
        return Markup(self.stash(self.render_markup(template, **values).strip()))

    def render_markup(self, template: str, **values) -> Markup:
        """An HTML template rendered to markup, to nest inside another template."""
        return Markup(self.project.templates.get_template(template).render(ctx=self, data=self.dataset, **values))
