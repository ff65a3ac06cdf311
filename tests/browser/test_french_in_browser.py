"""Issue 24 in a real Chromium: the French site's search finds French words (French stemming, accents folded),
and the language switch leads to the same page in the other language."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def french_search(page, base_url: str, query: str) -> list[str]:
    """The paths (below the French site) of the results for a typed query, best first."""
    page.goto(base_url + "fr/", wait_until="networkidle")
    page.keyboard.press("s")
    meta = page.locator(".md-search-result__meta")
    meta.wait_for(timeout=30000)
    empty = meta.inner_text()                       # Material's French "type to start searching"
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    meta.filter(has_not_text=empty).wait_for(timeout=30000)
    found, last = None, []
    for _ in range(40):
        page.wait_for_timeout(500)
        found = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item > a')]
            .map(a => new URL(a.href).pathname.replace(/^.*?\\/explainer\\/fr\\//, ''))""")
        if found == last and found:
            break
        last = found
    return found


@pytest.mark.parametrize("query", ["Tombouctou", "tombouctou", "Ménaka", "Menaka"])
def test_french_search_finds_french_names(base_url, page, query):
    found = french_search(page, base_url, query)
    assert found, f"{query}: no result"
    assert all(not p.startswith("explainer/fr/") for p in found)


def test_french_search_stems_french_words(base_url, page):
    """'négociations' (plural) finds the pages that say 'négociation' and 'négocier' too: French stemming."""
    plural = set(french_search(page, base_url, "négociations"))
    singular = set(french_search(page, base_url, "négociation"))
    assert plural and plural == singular


def test_the_switch_leads_to_the_same_page_in_the_other_language(base_url, page):
    page.goto(base_url + "explainer/2013/", wait_until="load")
    page.locator(f'a.md-select__link[hreflang="fr"]').dispatch_event("click")
    page.wait_for_url(lambda url: url.endswith("/explainer/fr/explainer/2013/"))
    assert page.locator("html").get_attribute("lang") == "fr"
    page.locator(f'a.md-select__link[hreflang="en"]').dispatch_event("click")
    page.wait_for_url(lambda url: "/fr/" not in url)
    assert page.url.endswith("/explainer/explainer/2013/") and page.locator("html").get_attribute("lang") == "en"
