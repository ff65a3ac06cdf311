"""Build the site with Zensical, Material's successor, running the same pipeline (sitebuild/pipeline.py).

Zensical reads mkdocs.yml and runs the Markdown extensions, but no MkDocs hooks. So the steps that MkDocs' adapter
runs at its events run here around `zensical build`:

For each language (English, then French into fr/):
1. load the project (pipeline.load), as the adapter's on_config does;
2. stage a copy of the project in .zensical/<lang>/: the pages plus the generated ones (pipeline.generate), and a
   configuration with the actors in the navigation (pipeline.nav), the language switch and interface text
   (pipeline.theme_extra) and Zensical's classic (Material) look;
3. `zensical build` on the staged copy; the extension sitebuild.extension expands each page, reading the project
   from the folder Zensical runs in (the project's root);
4. finish every page (pipeline.finish_page).
Then check the whole site's links (pipeline.finish_site) and move the result to the site folder.

Usage: python -m sitebuild build --engine zensical [--site-dir site]
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from . import pipeline

STAGE = ".zensical"


def stage(project: pipeline.Project) -> Path:
    """The staged project: .zensical/<lang>/{mkdocs.yml, docs/, overrides/}; returns its configuration file."""
    out = project.root / STAGE / project.lang
    if out.exists():
        shutil.rmtree(out)
    others = {d.name for d in pipeline.language_dirs(project.root, project.docs_dir)}     # docs/fr/ is French's
    shutil.copytree(project.docs_dir, out / "docs",
                    ignore=lambda folder, names: others & set(names) if Path(folder) == project.docs_dir else ())
    custom = project.config.get("theme", {}).get("custom_dir")
    if custom:
        shutil.copytree(project.root / custom, out / "overrides")
    for path, content in pipeline.generate(project).items():
        target = out / "docs" / path
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Path):
                shutil.copyfile(content, target)
            else:
                target.write_text(content, encoding="utf-8")
    config = dict(project.config)
    config.pop("hooks", None)
    config["docs_dir"], config["site_dir"] = "docs", "site"
    config["nav"] = pipeline.nav(project, project.config.get("nav", []))
    config["theme"] = {**config.get("theme", {}), "variant": "classic"}
    if custom:
        config["theme"]["custom_dir"] = "overrides"
    config["plugins"] = ["search"]          # Zensical's own search; editions and the offline ZIP are MkDocs' (mike)
    today = dt.datetime.now(dt.timezone.utc)
    config["extra"] = {**config.get("extra", {}), **pipeline.theme_extra(project),
                       "build_date": {"year": today.year, "month": today.month, "day": today.day}}
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out / "mkdocs.yml"


def build_language(root: Path, lang: str) -> Path:
    """One language's site, built and finished; returns its folder."""
    project = pipeline.load(root, lang)
    config = stage(project)
    zensical = Path(sys.executable).with_name("zensical")
    command = [str(zensical) if zensical.exists() else "zensical", "build", "--config-file", str(config)]
    result = subprocess.run(command, cwd=project.root, env=os.environ.copy())
    built = config.parent / "site"
    if result.returncode != 0 or not (built / "index.html").is_file():
        raise SystemExit(f"zensical build failed (exit {result.returncode}); see its output above")
    for page in sorted(built.rglob("*.html")):
        dest = page.relative_to(built).as_posix()
        html = page.read_text(encoding="utf-8")
        page.write_text(pipeline.finish_page(html, dest, project, directory_urls=True, offline=False),
                        encoding="utf-8")
    return built


def build(root: Path, site_dir: Path) -> None:
    built = build_language(root, pipeline.DEFAULT)
    for lang in pipeline.LANGUAGES:
        if lang != pipeline.DEFAULT:
            shutil.move(str(build_language(root, lang)), str(built / lang))
    pipeline.finish_site(built, pipeline.load(root))
    if site_dir.exists():
        shutil.rmtree(site_dir)
    shutil.move(str(built), str(site_dir))
