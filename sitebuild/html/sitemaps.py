"""Each language's address of every page, in the sitemaps: `<xhtml:link rel="alternate" hreflang>` under each
`<url>`, the form search engines read for pages in several languages. Material would also read alternate links
in each page's head, but its script then fetches a sitemap.xml beside each of them."""

from __future__ import annotations

import gzip
import html
import re
from pathlib import Path

NAMESPACE = 'xmlns:xhtml="http://www.w3.org/1999/xhtml"'
_LOC = re.compile(r"(\s*)<loc>([^<]*)</loc>")


def add_alternates(site_dir: Path, root: str, language_paths: list[str]) -> None:
    """`root` is the English site's address; `language_paths` each language's folder below it ('' and 'fr/')."""
    for prefix in language_paths:
        path = site_dir / prefix / "sitemap.xml"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if NAMESPACE in text:
            continue

        def alternates(match: re.Match) -> str:
            loc = html.unescape(match.group(2))
            page = loc.removeprefix(root + prefix)
            links = "".join(f'{match.group(1)}<xhtml:link rel="alternate" hreflang="{(p or "en/")[:-1]}" '
                            f'href="{html.escape(root + p + page)}"/>' for p in language_paths)
            return match.group(0) + links

        text = text.replace("<urlset ", f"<urlset {NAMESPACE} ", 1)
        text = _LOC.sub(alternates, text)
        path.write_text(text, encoding="utf-8")
        path.with_suffix(".xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
