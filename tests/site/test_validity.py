"""Validity of the built HTML: the Nu HTML Checker, alt text, the sitemap, the navigation, safe external links,
and the Content-Security-Policy on every page."""

import json
import posixpath
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from support import ROOT, page_url, pages, parse

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Errors that come from Material's own templates, not from this project's pages (see README, Validity).
ALLOWED_VNU = [
    # Material's toggles (drawer, search, palette) are checkboxes or radios with autocomplete="off".
    re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
    # Material's table-of-contents title is a label for the "__toc" toggle, absent on some layouts.
    re.compile(r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control"),
    re.compile(r"^Bad value “” for attribute “tabindex” on element “label”"),
]


def test_every_page_passes_the_nu_html_checker(site):
    assert VNU.is_file(), "node_modules/vnu-jar is missing: run ./scripts/site.sh setup"
    result = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
                             str(site)], capture_output=True, text=True, timeout=900)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") == "error" and not any(a.search(m["message"]) for a in ALLOWED_VNU)]
    report = [f"{urlsplit(m.get('url', '')).path.replace(str(site), '')}:{m.get('lastLine')}: {m['message']}" for m in errors]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(report[:40])


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.missing = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img" and "alt" not in attrs:
            self.missing.append(attrs.get("src"))
        if tag == "svg" and attrs.get("role") == "img" and not (attrs.get("aria-label") or attrs.get("aria-labelledby")):
            self.missing.append("svg role=img without a name")


def test_every_image_has_alt_text(site):
    missing = []
    for page in pages(site):
        parser = _Images()
        parser.feed(page.read_text(encoding="utf-8"))
        missing += [f"{page_url(site, page)}: {m}" for m in parser.missing]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("language", ["", "fr"])
def test_the_sitemap_lists_every_page(site, language):
    """Each language's sitemap (sitemap.xml, fr/sitemap.xml) lists each of its pages."""
    root = site / language if language else site
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {urlsplit(loc.text).path for loc in ET.parse(root / "sitemap.xml").getroot().findall("s:url/s:loc", ns)}
    prefix = urlsplit(next(iter(listed))).path.split("/")[1]
    folder = f"{language}/" if language else ""
    expected = {f"/{prefix}/{folder}{page_url(root, p)}" for p in pages(root)
                if p.name != "404.html" and (language or p.relative_to(site).parts[0] != "fr")}
    assert expected - listed == set()


class NavLinks(HTMLParser):
    """The links of a page's navigation: the tabs and the main (left) menu, not the page's own content."""

    def __init__(self):
        super().__init__()
        self.depth, self.links = 0, []      # depth > 0: inside a <nav> of the tabs or the main menu

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "nav" and (self.depth or {"md-tabs", "md-nav--primary"} & set(classes)):
            self.depth += 1
        elif tag == "a" and self.depth and attributes.get("href"):
            self.links.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "nav" and self.depth:
            self.depth -= 1


@pytest.mark.parametrize("language", ["", "fr/"])
def test_no_page_is_left_out_of_the_navigation(site, language):
    """Following only the tabs and the main menu from each language's home page reaches every page of that
    language. (With navigation.prune each page lists only its own section in full, so this walks the menus page by
    page.)"""
    seen, queue = {language}, [language]
    while queue:
        current = queue.pop()
        parser = NavLinks()
        parser.feed((site / current / "index.html").read_text(encoding="utf-8"))
        for href in parser.links:
            target = posixpath.normpath(posixpath.join(current, href.split("#")[0])).lstrip("./")
            target = "" if target in (".", "") else target.rstrip("/") + "/"
            if target not in seen and (site / target / "index.html").is_file():
                seen.add(target)
                queue.append(target)
    missing = [page_url(site, p) for p in pages(site) if p.name != "404.html" and page_url(site, p) not in seen
               and page_url(site, p).startswith(language) and (language or not page_url(site, p).startswith("fr/"))]
    assert not missing, f"pages missing from the navigation: {missing}"


def test_no_link_opens_a_new_window(site):
    """Links open in the same tab, so no page a link opens can reach back to ours (no rel="noopener" is needed):
    neither contributors' Markdown nor the templates set a target."""
    found = [f"{page_url(site, page)}: {attrs.get('href')}" for page in pages(site) for attrs in parse(page).anchors
             if attrs.get("target")]
    assert not found, found


def test_every_page_has_a_strict_content_security_policy(site):
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert match, f"{page_url(site, page)} has no CSP"
        policy = match.group(1)
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert "default-src 'self'" in policy and "style-src 'self'" in policy
        assert html.index("Content-Security-Policy") < html.index("<script"), "the CSP comes before any script"


def test_every_table_scrolls_sideways_from_the_keyboard_without_javascript(site):
    """sitebuild/html/tables.py writes each table's scrolling box into the HTML: focusable, named, no script. A table
    the site's own templates give a class of its own (the map's places, laid out as cards on phones) is left as it
    is: tests/browser/test_search_and_phones.py checks that no page scrolls sideways at 320 px."""
    boxed = re.compile(r'<div class="md-typeset__scrollwrap" tabindex="0" role="region" aria-label="[^"]+">'
                       r'<div class="md-typeset__table"><table class="data-table">')
    problems, tables = [], 0
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        count = html.count("<table") - len(re.findall(r'<table class="(?!data-table")', html))
        tables += count
        if len(boxed.findall(html)) != count:
            problems.append(f"{page_url(site, page)}: {count} tables, {len(boxed.findall(html))} boxed")
    assert tables > 10
    assert not problems, problems
