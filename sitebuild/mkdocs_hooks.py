"""The MkDocs adapter: runs the steps of sitebuild/pipeline.py at MkDocs' events. The only hook in mkdocs.yml.

    on_config       step 1, load: stop the build listing every problem; step 2, the actors in the navigation;
                    and, for the offline edition, search's iframe-worker shim served from the site
    on_files        step 2, generate: actor pages, open data and bundles added as generated files
    (Markdown)      step 3, expand: the extension sitebuild.extension, listed under markdown_extensions
    on_post_page    step 5, finish each page (and on_post_template, the 404 page)
    on_post_build   step 5, check every link and anchor of the built site

Nothing is kept between events: each asks pipeline.load() for the project, which loads it once per set of files.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from sitebuild import pipeline
from sitebuild.data.problems import InputError


def _project(config) -> pipeline.Project:
    try:
        return pipeline.load(Path(config.config_file_path).parent)
    except InputError as err:
        raise PluginError(str(err)) from None


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"     # npm iframe-worker 1.0.4 (MIT), by Material's author


def on_config(config):
    config.nav = pipeline.nav(_project(config), config.nav)
    if _offline(config):      # Material's offline plugin would otherwise load the shim from unpkg.com
        config.extra["polyfills"] = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
        config.extra["polyfills"].append(SHIM)
    return config


def on_files(files, config):
    for path, content in pipeline.generate(_project(config)).items():
        if files.get_file_from_path(path) is None:
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
    try:
        pipeline.finish_site(Path(config.site_dir))
    except InputError as err:
        raise PluginError(str(err)) from None
