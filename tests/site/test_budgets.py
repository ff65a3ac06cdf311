"""Page weight: what each page loads on first view (HTML, CSS, JS, fonts, images), gzip-compressed as a server
would send it, stays under the budget. The search index is excluded: it loads only when search opens."""

import gzip
import posixpath
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from support import page_url, pages, parse

BUDGET_KB = 150


@lru_cache(maxsize=None)
def compressed_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def first_view_weight(site: Path, page: Path) -> tuple[int, list[str]]:
    parsed = parse(page)
    total = compressed_size(page)
    loaded = []
    for resource in parsed.resources:
        parts = urlsplit(resource)
        if parts.scheme or parts.netloc:
            continue
        target = Path(posixpath.normpath(posixpath.join(str(page.parent), parts.path)))
        if target.is_file() and "search_index" not in target.name:
            total += compressed_size(target)
            loaded.append(target.name)
    return total, loaded


def test_every_page_is_under_the_weight_budget(site):
    weights = sorted(((first_view_weight(site, p)[0], page_url(site, p)) for p in pages(site)), reverse=True)
    print("\nHeaviest pages (KB compressed, first view):")
    for size, url in weights[:8]:
        print(f"  {size / 1024:7.1f}  /{url}")
    over = [f"/{url}: {size / 1024:.1f} KB" for size, url in weights if size > BUDGET_KB * 1024]
    assert not over, f"pages over {BUDGET_KB} KB: {over}"


def test_the_budget_counts_scripts_and_styles(site):
    size, loaded = first_view_weight(site, site / "index.html")
    assert any(name.endswith(".js") for name in loaded) and any(name.endswith(".css") for name in loaded)
    assert size > compressed_size(site / "index.html")
