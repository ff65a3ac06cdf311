"""Hook: write the abbreviations list (from actors and glossary) that pymdownx.snippets appends to every page."""

from pathlib import Path

from sitedata import state

SNIPPET_DIR = Path(".cache") / "snippets"


def on_config(config):
    root = Path(config.config_file_path).parent
    target = root / SNIPPET_DIR / "abbreviations.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"*[{abbr}]: {expansion}" for abbr, expansion in state.dataset.abbreviations().items()]
    text = "\n".join(lines) + "\n"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return config
