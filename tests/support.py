"""Helpers shared by the tests: building the site, reading built pages, finding a browser."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = ("mkdocs.yml", "mkdocs.fr.yml")          # each language's configuration (sitebuild/pipeline.py: LANGUAGES)
MKDOCS = [sys.executable, "-m", "mkdocs"]
# The site is published below site_url's path (/explainer/), as on GitHub Pages.
BASE_PATH = urlsplit(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_url"]).path


def data(kind: str, lang: str = "en") -> list[dict]:
    """Every entry of one kind of data, from docs/data/<kind>/*.yml, in file order, with each text in `lang`."""
    from sitebuild.pipeline import localize
    items = []
    for path in sorted((ROOT / "docs" / "data" / kind).glob("*.yml")):
        items += yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return localize(items, lang)


def explainer_pages() -> list[str]:
    """The explainer pages (explainer/<name>.md) listed directly in the navigation's "Explainer" section, in order:
    adding a page to the navigation adds it to every test of explainer pages."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    section = next(item["Explainer"] for item in config["nav"] if isinstance(item, dict) and "Explainer" in item)
    paths = [e if isinstance(e, str) else list(e.values())[0] for e in section]
    return [p[len("explainer/"):-3] for p in paths if isinstance(p, str) and p.startswith("explainer/")
            and p.count("/") == 1 and p != "explainer/index.md"]


def timeline_url(event: dict) -> str:
    """The page with an event in full, below the site's base: timeline/2013/, timeline/before-2012/..."""
    year = str(event["date"])[:4]
    return "timeline/" + ("before-2012" if year < "2012" else "after-2015" if year > "2015" else year) + "/"


def build(project: Path, site_dir: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a strict build of `project` into `site_dir`; return the finished process (output in .stdout)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(MKDOCS + ["build", "--strict", "--site-dir", str(site_dir)], cwd=project, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)


def copy_project(target: Path) -> Path:
    """A copy of what a build reads (config, pages, data, templates, the pipeline), to change without touching the
    tree."""
    target.mkdir(parents=True, exist_ok=True)
    for config in CONFIGS:
        shutil.copy(ROOT / config, target)
    for folder in ("docs", "overrides", "sitebuild"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def load_problems(tmp_path: Path, files: dict[str, str], lang: str = "en") -> list[str]:
    """The problems the pipeline's load step (sitebuild/pipeline.py) reports, one line each, for a copy of the
    project's configuration and docs/ with these files written (path below the project -> content); [] if none."""
    from sitebuild import pipeline
    from sitebuild.data.problems import InputError

    project = tmp_path / "project"
    project.mkdir(parents=True, exist_ok=True)
    for config in CONFIGS:
        shutil.copy(ROOT / config, project)
    shutil.copytree(ROOT / "docs", project / "docs")
    for path, content in files.items():
        target = project / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            target.unlink()
        else:
            target.write_text(content, encoding="utf-8")
    try:
        pipeline.load(project, lang)
    except InputError as err:
        return [str(problem) for problem in err.problems]
    return []


def pages(site: Path) -> list[Path]:
    """Every built HTML page (not the 404 page's assets or search index)."""
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def page_url(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


class Links(HTMLParser):
    """Collects ids, links (a/area href) and resources (script src, link href, img src, etc.) of a page."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.anchors: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag in ("a", "area") and attrs.get("href") is not None:
            self.links.append(attrs["href"])
            self.anchors.append(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and attrs.get("src"):
            self.resources.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical", "alternate"):
            self.resources.append(attrs["href"])
        if tag == "object" and attrs.get("data"):
            self.resources.append(attrs["data"])


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def browser_path() -> str:
    """The Chromium to drive: $CHROMIUM_PATH, else Debian's, else Playwright's own; else say how to get one."""
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    try:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            own = p.chromium.executable_path
        if own and Path(own).is_file():
            return own
    except Exception:  # noqa: BLE001 - any failure means Playwright has no browser of its own
        pass
    raise RuntimeError("No Chromium found for the browser tests. Install one (Debian/Ubuntu: apt-get install "
                       "chromium), or set CHROMIUM_PATH to a Chromium or Chrome executable. "
                       "./scripts/site.sh test installs Debian's Chromium when run as root.")


# ---- Accessibility: axe-core in the real browser ---------------------------------------------------------------
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def run_axe(page) -> list[dict]:
    """axe's violations of the WCAG 2.2 A and AA rules on the page as it is now."""
    # Evaluated through the browser's devtools protocol: the site's CSP (rightly) blocks an injected <script>.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)["violations"]


def describe(violations) -> str:
    return "; ".join(f"{v['id']} ({len(v['nodes'])}x: {v['nodes'][0]['target']})" for v in violations)
