"""Links in the built pages.

- resolve(): the site's own blocks link to pages by their path below docs/, as `site:actors/mnla.md#anchor`
  (render/context.py). Each becomes a URL relative to the page it is on, for directory URLs
  (`../actors/mnla/`) or file URLs (`../actors/mnla.html`, the offline edition), whichever builder made the page.
- check_site(): every internal link of every built page (href of a and area) leads to a file of the site, and its
  #anchor to an id (or a name) on that page. Links that leave the site's folder (an old edition's banner pointing
  to ../latest/) are not checked here.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..data.problems import Problem

SITE_HREF = re.compile(r'href="site:([^"#]*)(#[^"]*)?"')
_HREF = re.compile(r'<(?:a|area)\s[^>]*?\bhref="([^"]*)"')
_ID = re.compile(r'\s(?:id|name)="([^"]*)"')


def dest(docs_path: str, directory_urls: bool) -> str:
    """Where the builder writes a file below docs/: a page `a/b.md` at a/b/index.html or a/b.html, `a/index.md` at
    a/index.html; any other file where it is."""
    if not docs_path.endswith(".md"):
        return docs_path
    stem = docs_path[:-3]
    if stem == "index" or stem.endswith("/index") or stem.lower().endswith("readme"):
        return posixpath.join(posixpath.dirname(stem), "index.html")
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def relative_url(target: str, page_dest: str, directory_urls: bool) -> str:
    """A URL from the page at `page_dest` to the file at `target` (both paths in the site)."""
    url = posixpath.relpath(target, posixpath.dirname(page_dest) or ".")
    if directory_urls and (url == "index.html" or url.endswith("/index.html")):
        url = url[: -len("index.html")] or "./"
    return url


def resolve(html: str, page_dest: str, directory_urls: bool) -> str:
    if 'href="site:' not in html:
        return html

    def replace(match):
        url = relative_url(dest(match.group(1), directory_urls), page_dest, directory_urls)
        return f'href="{url}{match.group(2) or ""}"'
    return SITE_HREF.sub(replace, html)


def check_site(site_dir: Path) -> list[Problem]:
    pages = {p.relative_to(site_dir).as_posix(): p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")}
    ids: dict[str, set[str]] = {}
    problems = []
    for page, html in sorted(pages.items()):
        if page.rsplit("/", 1)[-1] == "404.html" or "assets/" in page:
            continue                       # a 404 page is served at any depth: its links are absolute
        for href in dict.fromkeys(_HREF.findall(html)):
            parts = urlsplit(href.replace("&amp;", "&"))
            if parts.scheme or parts.netloc or href.startswith("site:"):
                if href.startswith("site:"):
                    problems.append(Problem(page, 0, "", "", f"unresolved link {href}"))
                continue
            target = page if not parts.path else posixpath.normpath(posixpath.join(posixpath.dirname(page),
                                                                                   unquote(parts.path)))
            if target.startswith("../"):
                continue                   # outside this site: another edition beside it on the published branch
            if parts.path.endswith("/") or (site_dir / target).is_dir():
                target = posixpath.join(target, "index.html")
            if not (site_dir / target).is_file():
                problems.append(Problem(page, 0, "", "", f"link to a missing page or file: {href}"))
                continue
            if parts.fragment and target in pages:
                if target not in ids:
                    ids[target] = set(_ID.findall(pages[target]))
                if unquote(parts.fragment) not in ids[target]:
                    problems.append(Problem(page, 0, "", "", f"link to a missing anchor: {href} (no id "
                                                              f"'{parts.fragment}' on {target})"))
    return problems
