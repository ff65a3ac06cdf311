"""The MkDocs adapter: runs the steps of sitebuild/pipeline.py at MkDocs' events. The only hook in mkdocs.yml.

    on_config       step 1, load: stop the build listing every problem; step 2, the actors in the navigation;
                    and, for the offline edition, search's iframe-worker shim served from the site
    on_files        step 2, generate: actor pages, open data and bundles added as generated files
    (Markdown)      step 3, expand: the extension sitebuild.extension, listed under markdown_extensions
    on_post_page    step 5, finish each page (and on_post_template, the 404 page)
    on_post_build   the other languages' sites, built below this one (mkdocs.fr.yml into site/fr/), so that
                    `mkdocs build`, `mkdocs serve` and mike's editions always hold every language; then step 5,
                    check every link and anchor of the built site

The language is the theme's (theme.language in mkdocs.yml, mkdocs.fr.yml). Nothing is kept between events: each
asks pipeline.load() for the project, which loads it once per language and set of files.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from sitebuild import pipeline
from sitebuild.data.problems import InputError


def _lang(config) -> str:
    return config.theme["language"]


def _project(config) -> pipeline.Project:
    try:
        return pipeline.load(Path(config.config_file_path).parent, _lang(config))
    except InputError as err:
        raise PluginError(str(err)) from None


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"     # npm iframe-worker 1.0.4 (MIT), by Material's author


def on_config(config):
    config.nav = pipeline.nav(_project(config), config.nav)
    config.extra.update(pipeline.theme_extra(_project(config)))
    if _offline(config):      # Material's offline plugin would otherwise load the shim from unpkg.com
        config.extra["polyfills"] = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
        config.extra["polyfills"].append(SHIM)
    return config


def on_files(files, config):
    for path, content in pipeline.generate(_project(config)).items():
        if files.get_file_from_path(path) is None:
            if isinstance(content, Path):
                files.append(File.generated(config, path, abs_src_path=str(content)))
            else:
                files.append(File.generated(config, path, content=content))
    return files


def _finish(output: str, dest: str, config) -> str:
    try:
        return pipeline.finish_page(output, dest, _project(config), config.use_directory_urls, _offline(config))
    except InputError as err:
        raise PluginError(str(err)) from None


def on_post_page(output, page, config):
    return _finish(output, page.file.dest_uri, config)


def on_post_template(output, template_name, config):
    return _finish(output, template_name, config) if template_name.endswith(".html") else output


def on_post_build(config):
    if _lang(config) == pipeline.DEFAULT:
        root = Path(config.config_file_path).parent
        for lang, name in pipeline.LANGUAGES.items():
            if lang != pipeline.DEFAULT:
                translated = load_config(str(root / name), site_dir=str(Path(config.site_dir) / lang),
                                         strict=config.strict)
                translated.plugins.on_startup(command="build", dirty=False)
                build(translated)
                translated.plugins.on_shutdown()
    try:
        pipeline.finish_site(Path(config.site_dir), _project(config))
    except InputError as err:
        raise PluginError(str(err)) from None
