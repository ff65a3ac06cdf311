"""Every internal link and anchor in the built site resolves, and no page loads anything from another host."""

import posixpath
from urllib.parse import unquote, urlsplit

from support import BASE_PATH, page_url, pages, parse


def target_of(site, name: str, href: str):
    """(built file, fragment) that an internal href on page `name` points to; None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return name, unquote(parts.fragment)
    if path.startswith("/"):                       # absolute links (the 404 page) start with site_url's path
        path = "/" + path[len(BASE_PATH):] if path.startswith(BASE_PATH) else path
        joined = posixpath.normpath(path.lstrip("/") or ".")
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(name), path))
    if joined == ".":
        joined = ""
    if not joined or path.endswith("/") or (site / joined).is_dir():
        joined = posixpath.join(joined, "index.html")
    return joined, unquote(parts.fragment)


def test_internal_links_and_anchors_resolve(site):
    parsed = {p.relative_to(site).as_posix(): parse(p) for p in pages(site)}
    broken = []
    for name, page in parsed.items():
        for href in page.links:
            found = target_of(site, name, href)
            if found is None:
                continue
            target, fragment = found
            if not (site / target).is_file():
                broken.append(f"{name}: {href} -> missing {target}")
            elif fragment and target in parsed and fragment not in parsed[target].ids:
                broken.append(f"{name}: {href} -> no anchor #{fragment} in {target}")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:60])


def test_no_page_loads_anything_from_another_host(site):
    offending = []
    for page in pages(site):
        for resource in parse(page).resources:
            if urlsplit(resource).netloc or resource.startswith("//"):
                offending.append(f"{page_url(site, page)}: {resource}")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for marker in ("url(http", "url('http", 'url("http', "@import url(http", "fonts.googleapis"):
            if marker in text:
                offending.append(f"{css.relative_to(site)}: {marker}")
    assert not offending, "\n".join(offending)
