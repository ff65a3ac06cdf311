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


# ---- Phones ------------------------------------------------------------------------------------------------------
def phone(browser, width: int, **options):
    return browser.new_context(viewport={"width": width, "height": 740}, device_scale_factor=2, is_mobile=True,
                               has_touch=True, **options)


def test_no_page_scrolls_sideways_at_320px(browser, site, base_url):
    context = phone(browser, 320)
    page = context.new_page()
    wide = []
    try:
        for url in [page_url(site, p) for p in pages(site)]:
            if url.startswith("404"):
                continue
            page.goto(base_url + url, wait_until="domcontentloaded")
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if width > 320:
                wide.append(f"{url or 'home'}: {width}px")
    finally:
        context.close()
    assert not wide, "pages wider than a 320 px phone:\n" + "\n".join(wide)


@pytest.mark.parametrize("width", [320, 390])
def test_the_map_fits_and_its_links_are_large_enough_to_tap(browser, base_url, width):
    context = phone(browser, width)
    page = context.new_page()
    try:
        page.goto(base_url + "map/", wait_until="load")
        for figure in page.locator(".map__figure").all():
            box = figure.locator("svg.map__svg").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, "a map is wider than the screen"
        sizes = page.locator("svg.map__links a .map__hit").evaluate_all(
            "circles => circles.map(c => { const r = c.getBoundingClientRect(); return [r.width, r.height]; })")
        assert len(sizes) > 15
        assert min(min(s) for s in sizes) >= 24, f"a tap target is smaller than 24 px: {min(min(s) for s in sizes)}"
        labels = page.locator("svg.map__links text").evaluate_all(
            "texts => texts.map(t => t.getBoundingClientRect().height)")
        assert min(labels) >= 9, "place labels are too small to read"
        page.locator('svg.map__links a[href="#place-kidal"] .map__hit').first.tap()
        page.wait_for_function("() => location.hash === '#place-kidal'")
        violations = __import__("support").run_axe(page)
        assert not violations, __import__("support").describe(violations)
    finally:
        context.close()


def test_who_held_what_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        page.goto(base_url + "map/", wait_until="load")
        main = page.locator(".map__figure").first
        assert main.locator(".map__zone--2012").is_visible() and not main.locator(".map__zone--2013").is_visible()
        page.locator(".map__period-input[value='2015']").check()
        assert main.locator(".map__zone--2015").is_visible() and not main.locator(".map__zone--2012").is_visible()
        text = page.locator(".map__periods-text").inner_text()        # the text alternative names every period
        for period in ("2012", "2013", "2015", "approximate"):
            assert period in text
        assert page.locator(".map__periods-text sup.cite").count() == 3
    finally:
        context.close()


def test_an_explainer_page_shows_its_quiz_links_first_and_folds_its_long_parts(browser, base_url):
    context = phone(browser, 390)
    page = context.new_page()
    try:
        page.goto(base_url + "explainer/2012/", wait_until="load")
        jumps = page.locator("nav.page-jumps")
        assert jumps.bounding_box()["y"] < 2 * 740, "the jump list is not within the first two screens"
        assert [a.inner_text() for a in jumps.locator("a").all()] == ["Quiz", "Discussion", "Sources"]
        assert page.locator("details.tl-fold").first.get_attribute("open") is None, "the timeline is folded"
        assert not page.locator("details.sources-fold").evaluate("d => d.open"), "sources are folded on phones"
        assert page.evaluate("() => document.documentElement.scrollHeight") < 13000     # 20,060 px before
        jumps.locator("a", has_text="Quiz").tap()
        page.wait_for_function("() => location.hash === '#check-your-understanding'")
        page.locator(".sources-cited a").first.wait_for(state="attached")
        page.locator("sup.cite a").first.evaluate("a => a.click()")
        assert page.locator("details.sources-fold").evaluate("d => d.open"), "a citation opens the list of sources"
        page.mouse.wheel(0, -400)                                     # Material's back-to-top shows on scrolling up
        page.locator(".md-top").wait_for(state="visible", timeout=5000)
    finally:
        context.close()
    wide = browser.new_context(viewport={"width": 1280, "height": 900})
    page = wide.new_page()
    try:
        page.goto(base_url + "explainer/2012/", wait_until="load")
        assert page.locator("details.sources-fold").evaluate("d => d.open"), "sources show on wide screens"
    finally:
        wide.close()


def test_timeline_actor_filter_names_abbreviations_and_groups_by_type(base_url, page):
    page.goto(base_url + "timeline/", wait_until="load")
    groups = page.locator("#tl-actor optgroup")
    assert groups.count() >= 3
    labels = page.locator("#tl-actor option").all_inner_texts()
    assert "MNLA: National Movement for the Liberation of Azawad" in labels
    assert any(label.startswith("MUJAO: ") for label in labels) and any(label.startswith("AQIM: ") for label in labels)
    assert page.locator(".tl-year--background").count() >= 1
    assert "2012" in page.locator(".tl-overview__x").inner_text()
