"""Printing: what a page needs on paper that the screen does not (print.css uses it).

- Each link of the page's content that leads to another page or file of the site gets `data-print-url`, its full
  address in this edition (site_url + edition + path, as overrides/partials/edition.html builds them): print.css
  prints it after the link, since `../key/` means nothing on paper.
- The body gets `data-print-page`: "handout" or "key" for the classroom's student handouts and answer keys
  (classroom/lesson-<slug>/handout/ and key/), "explainer" for the explainer pages, so print.css can print them
  alone and without what only a screen needs; the article ends with an empty `<p class="print-address">` holding
  the page's own address, which print.css prints where the printout needs it, after the words that introduce it
  (`data-print-label`, `data-print-reading-label`: in the page's language). (The article's own tag is left as
  Material writes it.)
"""

from __future__ import annotations

import posixpath
import re
from html import escape

from ..i18n import ui

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
_LINK = re.compile(r'<a href="([^"#:]*)(#[^"]*)?"')
# What print.css writes before the page's address: on a handout or answer key, and under "Print the reading only".
LABELS = {"data-print-label": "This page online, with a link to every source:",
          "data-print-reading-label": "Every statement in this reading is cited on the page online, with its sources:"}
_KIND = re.compile(r"^(?:classroom/lesson-[a-z0-9-]+/(handout|key)|(explainer)/[a-z0-9-]+)(?:/index)?\.html$")


def online_path(dest: str) -> str:
    """A file's path in the published site (directory URLs): a/b/index.html and a/b.html -> a/b/."""
    if dest == "index.html" or dest.endswith("/index.html"):
        return dest[: -len("index.html")]
    if dest.endswith(".html") and dest != "404.html":
        return dest[: -len(".html")] + "/"
    return dest


def add(html: str, dest: str, base: str, lang: str) -> str:
    """`dest` is the page's path in the site (explainer/2012/index.html or, offline, explainer/2012.html); `base`
    the published address of this language's site in this edition (pipeline.edition_base); `lang` the page's
    language."""
    found = _ARTICLE.search(html)
    if not found or dest == "404.html":
        return html
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

    labels = "".join(f' {name}="{escape(ui(text, lang))}"' for name, text in LABELS.items())
    address = f'<p class="print-address" data-print-url="{escape(base + online_path(dest))}"{labels}></p>\n'
    html = html[:found.end()] + _LINK.sub(absolute, html[found.end():end]) + address + html[end:]
    kind = _KIND.match(dest)
    return html.replace("<body ", f'<body data-print-page="{kind.group(1) or kind.group(2)}" ', 1) if kind else html
