"""The site's Python-Markdown extension: expands each page from the data (render/expand.py) before Markdown
reads it. Listed under markdown_extensions in mkdocs.yml, so MkDocs and Zensical both run it.

It reads the project from the folder the builder runs in (the project's root, where mkdocs.yml is), loaded and
checked by pipeline.load(), which keeps one loaded project per language and set of files. Its one option, `lang`,
is the language of the pages it expands (mkdocs.fr.yml sets `lang: fr`).
"""

from __future__ import annotations

from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor

from . import pipeline
from .render.expand import expand

# Before Python-Markdown's raw-HTML step (priority 20), which would otherwise keep the shortcodes' HTML comments
# as HTML; after its white-space normalisation (30).
PRIORITY = 25


class ExpandPreprocessor(Preprocessor):
    def __init__(self, md, lang: str):
        super().__init__(md)
        self.lang = lang

    def run(self, lines: list[str]) -> list[str]:
        project = pipeline.load(Path.cwd(), self.lang)
        return expand("\n".join(lines), project, self.md.htmlStash.store).split("\n")


class SiteExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"lang": [pipeline.DEFAULT, "the language of the pages: en or fr"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.preprocessors.register(ExpandPreprocessor(md, self.getConfig("lang")), "sitebuild-expand", PRIORITY)


def makeExtension(**kwargs):
    return SiteExtension(**kwargs)
