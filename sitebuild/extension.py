"""The site's Python-Markdown extension: expands each page from the data (render/expand.py) before Markdown
reads it. Listed under markdown_extensions in mkdocs.yml, so MkDocs and Zensical both run it.

It reads the project from the folder the builder runs in (the project's root, where mkdocs.yml is), loaded and
checked by pipeline.load(), which keeps one loaded project per set of files.
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
    def run(self, lines: list[str]) -> list[str]:
        project = pipeline.load(Path.cwd())
        return expand("\n".join(lines), project, self.md.htmlStash.store).split("\n")


class SiteExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(ExpandPreprocessor(md), "sitebuild-expand", PRIORITY)


def makeExtension(**kwargs):
    return SiteExtension(**kwargs)
