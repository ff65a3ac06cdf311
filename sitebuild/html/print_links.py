"""Printing: what a page needs on paper that the screen does not (print.css uses it).

- Each link of the page's content that leads to another page or file of the site gets `data-print-url`, its full
  address in this edition (site_url + edition + path, as overrides/partials/edition.html builds them): print.css
  prints it after the link, since `../key/` means nothing on paper.
- The article gets `data-print-url` (the page's own address) and `data-print-page`: "handout" or "key" for the
  classroom's student handouts and answer keys (classroom/lesson-<slug>/handout/ and key/), "explainer" for the
  explainer pages, so print.css can print them alone and without what only a screen needs.
"""

from __future__ import annotations

import posixpath
import re
from html import escape

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
_LINK = re.compile(r'<a href="([^"#:]*)(#[^"]*)?"')
_KIND = re.compile(r"^(?:classroom/lesson-[a-z0-9-]+/(handout|key)|(explainer)/[a-z0-9-]+)(?:/index)?\.html$")


def online_path(dest: str) -> str:
    """A file's path in the published site (directory URLs): a/b/index.html and a/b.html -> a/b/."""
    if dest == "index.html" or dest.endswith("/index.html"):
        return dest[: -len("index.html")]
    if dest.endswith(".html") and dest != "404.html":
        return dest[: -len(".html")] + "/"
    return dest


def add(html: str, dest: str, site_url: str, edition: str) -> str:
    """`dest` is the page's path in the site (explainer/2012/index.html or, offline, explainer/2012.html)."""
    found = _ARTICLE.search(html)
    if not found or dest == "404.html":
        return html
    base = site_url.rstrip("/") + "/" + edition + "/"
    end = html.find("</article>", found.end())
    end = len(html) if end < 0 else end

    def absolute(match):
        path, fragment = match.group(1), match.group(2) or ""
        if not path:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(dest), path))
        if target.startswith("../") or target == "..":
            return match.group(0)               # another edition beside this one
        target = "" if target == "." else target + ("/" if path.endswith("/") else "")
        return f'{match.group(0)} data-print-url="{escape(base + online_path(target) + fragment)}"'

    kind = _KIND.match(dest)
    attrs = f' data-print-url="{escape(base + online_path(dest))}"'
    if kind:
        attrs += f' data-print-page="{kind.group(1) or kind.group(2)}"'
    content = _LINK.sub(absolute, html[found.end():end])
    return html[:found.end()] + attrs + content + html[end:]
