"""Issue 22, in a real Chromium: search finds what students type (accents folded in index and query, explainer and
actor pages ranked above the sources registry), no page scrolls sideways on a 320 px phone, the map fits and its
links are large enough to tap, and long pages stay short (folded timelines, a jump list to the quiz, folded
sources)."""

from __future__ import annotations

import pytest

from support import page_url, pages

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[str]:
    """The locations (page paths below the site) of the results for a typed query, best first."""
    field = page.locator("input.md-search__input")
    field.fill("")
    field.press_sequentially(query, delay=20)
    page.locator(".md-search-result__meta").filter(has_not_text="Type to start searching").wait_for(timeout=30000)
    found, last = None, []
    for _ in range(40):             # each key typed starts a search: wait until the list stops changing
        page.wait_for_timeout(500)
        found = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item > a')]
            .map(a => new URL(a.href).pathname.replace(/^.*?\\/explainer\\//, ''))""")
        if found == last and found:
            break
        last = found
    return found


@pytest.fixture
def search_page(base_url, page):
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("s")
    page.locator(".md-search-result__meta").filter(has_text="Type to start searching").wait_for(timeout=30000)
    return page


@pytest.mark.parametrize("plain, accented", [("Keita", "Keïta"), ("Sevare", "Sévaré"), ("Menaka", "Ménaka")])
def test_accents_do_not_change_the_results(search_page, plain, accented):
    without, with_accents = search(search_page, plain), search(search_page, accented)
    assert without and without == with_accents, (plain, without[:5], accented, with_accents[:5])
    assert len(without) >= 5


# What students type, and a page that must be among the first three results (the first for key terms).
QUERIES = {
    "Keita": ("explainer/", "actors/"),
    "Keïta": ("explainer/", "actors/"),
    "Serval": ("explainer/2013/",),
    "coup": ("explainer/2012/",),
    "Radisson": ("explainer/terror-moves-south/",),
    "Ansar Dine": ("actors/ansar-dine/", "explainer/"),
    "Timbuktu manuscripts": ("explainer/2013/",),
}


@pytest.mark.parametrize("query", list(QUERIES))
def test_typical_student_queries_put_explainer_and_actor_pages_first(search_page, query):
    found = search(search_page, query)
    assert found, query
    wanted = QUERIES[query]
    assert any(r.startswith(w) for r in found[:3] for w in wanted), f"{query}: top three {found[:3]}"
    assert not found[0].startswith("sources/"), f"{query}: the sources registry ranks first"
