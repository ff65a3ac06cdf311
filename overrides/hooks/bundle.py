"""Hook: the site's own stylesheets are served as one file, and its scripts as another.

Each component keeps its own source file in docs/assets/ (listed in order under extra_css and extra_javascript in
mkdocs.yml); pages link only the two combined files, which saves a phone on a slow network several requests
before it can show the page (about 0.3 s in the Lighthouse runs; see README, Lighthouse). The source files are
left out of the built site.
"""

from pathlib import Path

from mkdocs.structure.files import File

BUNDLES = {"extra_css": "assets/stylesheets/site.bundle.css",
           "extra_javascript": "assets/javascripts/site.bundle.js"}
_sources: dict[str, list[str]] = {}


def on_config(config):
    for option, bundle in BUNDLES.items():
        _sources[option] = [str(path) for path in config[option]]
        config[option] = [bundle] if _sources[option] else []
    return config


def on_files(files, config):
    docs = Path(config.docs_dir)
    for option, bundle in BUNDLES.items():
        parts = []
        for path in _sources[option]:
            parts.append(f"/* ---- {path} ---- */\n" + (docs / path).read_text(encoding="utf-8").rstrip() + "\n")
            source = files.get_file_from_path(path)
            if source:
                files.remove(source)
        if parts:
            files.append(File.generated(config, bundle, content="\n".join(parts)))
    return files
