"""Hook: write the abbreviations list (from actors and glossary) that pymdownx.snippets appends to every page.

One definition per paragraph (a blank line between them): Python-Markdown's abbr extension takes one definition
from the front of a block and re-inserts the rest, after every other block processor has tested it, so a single
block of n definitions costs O(n^2) on every page (minutes at ten times the data). Separate blocks cost O(n).
"""

from pathlib import Path

from sitedata import state

SNIPPET_DIR = Path(".cache") / "snippets"


def on_config(config):
    root = Path(config.config_file_path).parent
    target = root / SNIPPET_DIR / "abbreviations.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"*[{abbr}]: {expansion}" for abbr, expansion in state.dataset.abbreviations().items()]
    text = "\n\n".join(lines) + "\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return config
