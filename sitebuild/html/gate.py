"""The gate: every page's content, as built, may hold only what this allow-list names. Anything else stops the build.

What contributors write (Markdown, raw HTML in it, attribute lists, front matter) and what the site's templates
make from the data all end up in the page's content, Material's `<article>`; the theme's own frame around it is
trusted. The gate reads the content as a browser would (html.parser, entities decoded) and checks:

- elements: the ELEMENTS below (text, structure, tables, folds, forms without targets, and the SVG the maps and
  diagrams draw); no script, style, iframe, object, embed, base, meta, link, img from other hosts...
- attributes: the GLOBAL ones and each element's own; `data-*` names; no event handler (`on...`), no style;
- URLs: links may go to https, http or mailto addresses or stay on the site; images and SVG references only stay
  on the site (a relative path or a #fragment); anything else (javascript:, data:, //host) is refused;
- ids and names are plain words, so no page can shadow the theme's own script globals.

Compared with nh3 (ammonia's defaults), the allow-list is smaller for HTML and adds what the site's own blocks need:
SVG for maps and diagrams, form controls for filters, and data-* attributes (tests/test_gate.py checks it).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

ARTICLE_START = '<article class="md-content__inner md-typeset">'

TEXT = {"a", "abbr", "b", "bdi", "blockquote", "br", "cite", "code", "dd", "del", "details", "dfn", "div", "dl",
        "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
        "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "aside", "small", "span", "strong", "sub",
        "summary", "sup", "time", "u", "ul", "var", "caption", "col", "colgroup", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "nav"}
FORMS = {"form", "fieldset", "legend", "label", "input", "select", "option", "optgroup", "button", "output"}
SVG = {"svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan", "title",
       "desc", "defs", "clippath", "pattern", "marker", "use", "lineargradient", "radialgradient", "stop"}
ELEMENTS = TEXT | FORMS | SVG

GLOBAL = {"class", "id", "title", "lang", "dir", "role", "tabindex", "hidden"}
ARIA = re.compile(r"^aria-[a-z]+$")
DATA = re.compile(r"^data-[a-z][a-z0-9-]*$")
OWN = {
    "a": {"href", "name", "rel"}, "img": {"src", "alt", "width", "height", "loading"}, "ol": {"start", "reversed"},
    "li": {"value"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"}, "col": {"span"},
    "time": {"datetime"}, "details": {"open"}, "q": {"cite"}, "blockquote": {"cite"},
    "input": {"type", "name", "value", "checked", "disabled", "placeholder", "autocomplete", "for", "form"},
    "label": {"for"}, "select": {"name", "multiple", "disabled", "autocomplete"}, "option": {"value", "selected"},
    "optgroup": {"label"}, "button": {"type", "name", "value", "disabled"}, "output": {"for", "name"},
    "fieldset": {"disabled", "name"}, "form": {"name"},
}
SVG_ATTRIBUTES = {"viewbox", "preserveaspectratio", "xmlns", "width", "height", "x", "y", "x1", "x2", "y1", "y2",
                  "cx", "cy", "r", "rx", "ry", "d", "points", "transform", "fill", "stroke", "stroke-width",
                  "stroke-dasharray", "opacity", "clip-path", "marker-end", "marker-start", "markerwidth",
                  "markerheight", "markerunits", "orient", "refx", "refy", "patternunits", "patterntransform",
                  "text-anchor", "dx", "dy", "font-size", "focusable", "href", "offset", "stop-color",
                  "gradientunits", "vector-effect", "paint-order", "dominant-baseline"}
INPUT_TYPES = {"checkbox", "radio", "search", "text", "reset", "button"}
LINK_SCHEMES = {"https", "http", "mailto"}
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.-]*$")    # not _name: the theme's script globals start so
PAINT = re.compile(r"^(none|currentcolor|transparent|#[0-9a-f]{3,8}|url\(#[A-Za-z][\w-]*\))$", re.I)
THEME_IDS = {"__skip"}          # Zensical's theme marks the start of the content with <a id="__skip">
_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def article(html: str) -> str:
    """The page's content: Material's <article>, up to the end of the page's main element."""
    start = html.find(ARTICLE_START)
    if start < 0:
        return ""
    end = html.rfind("</article>")
    return html[start + len(ARTICLE_START):end if end > start else len(html)]


def _scheme(url: str) -> str:
    return urlsplit(url).scheme.lower() if ":" in url.split("/")[0] else ""


def check_url(tag: str, name: str, value: str) -> str | None:
    """What is wrong with a URL attribute, or None."""
    url = _SPACE.sub("", value)
    local = not _scheme(url) and not url.startswith("//") and "\\" not in url
    if tag in ("a", "q", "blockquote") and name in ("href", "cite"):
        if local or (_scheme(url) in LINK_SCHEMES and not url.lower().startswith(("http:///", "https:///"))):
            return None
        return f"a link to '{value}' (links go to https://, http:// or mailto: addresses, or to pages of the site)"
    if name == "href" and tag == "use":
        return None if url.startswith("#") else f"<use href='{value}'> (only #references to the same page)"
    if name == "src":
        return None if local else f"an image from '{value}' (images come from the site itself: a relative path)"
    return None


class _Gate(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ELEMENTS:
            self.found.append(f"<{tag}> is not allowed in a page")
            return
        allowed = GLOBAL | OWN.get(tag, set()) | (SVG_ATTRIBUTES if tag in SVG else set())
        for name, value in attrs:
            value = value or ""
            if name not in allowed and not ARIA.match(name) and not DATA.match(name):
                what = "an event handler" if name.startswith("on") else "an attribute"
                self.found.append(f"{what} '{name}' on <{tag}> is not allowed")
                continue
            if name in ("href", "src", "cite"):
                problem = check_url(tag, name, value)
                if problem:
                    self.found.append(f"{problem} on <{tag}>")
            elif (name in ("id", "name", "for") and value and value not in THEME_IDS
                  and not all(NAME.match(v) for v in value.split())):
                self.found.append(f"<{tag} {name}='{value}'>: ids and names are plain words (letters, digits, - _ : .)")
            elif name == "type" and tag == "input" and value.lower() not in INPUT_TYPES:
                self.found.append(f"<input type='{value}'> is not allowed (allowed: {', '.join(sorted(INPUT_TYPES))})")
            elif name == "type" and tag == "button" and value.lower() not in ("button", "reset"):
                self.found.append(f"<button type='{value}'> is not allowed (a page submits nothing)")
            elif name in ("fill", "stroke", "clip-path", "marker-end", "marker-start") and not PAINT.match(value):
                self.found.append(f"'{name}=\"{value}\"' on <{tag}> is not allowed (colours or url(#id) only)")

    handle_startendtag = handle_starttag

    def handle_pi(self, data):
        self.found.append(f"a processing instruction <?{data}> is not allowed")

    def unknown_decl(self, data):
        self.found.append(f"a declaration <!{data}> is not allowed")


def check(html: str) -> list[str]:
    """What the page's content holds that the allow-list does not, one message each (no repeats)."""
    gate = _Gate()
    gate.feed(article(html))
    gate.close()
    return list(dict.fromkeys(gate.found))


def trace(message: str, source: str) -> int:
    """The line of the page's Markdown where what a message names was written, or 0 (made from the data)."""
    match = re.search(r"<(\w+)|'([\w:-]+)' on|'([^']+)'", message)
    needle = next((g for g in match.groups() if g), "") if match else ""
    if not needle:
        return 0
    lowered = needle.lower()
    for number, line in enumerate(source.split("\n"), 1):
        if lowered in line.lower():
            return number
    return 0
