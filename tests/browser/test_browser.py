"""Every built page in a real Chromium: zero axe violations (WCAG 2.2 A and AA), no console errors, and no
request that leaves 127.0.0.1. Also search, the dark-mode toggle, and a 360 px phone layout."""

from urllib.parse import urlsplit

import pytest

from support import AXE, describe, page_url, pages, run_axe

pytestmark = pytest.mark.browser


def test_axe_is_installed():
    assert AXE.is_file(), "node_modules/axe-core is missing: run ./scripts/site.sh setup"


# Material keeps the reader's palette choice (and its own UI state) in web storage; nothing else may be stored.
MATERIAL_STORAGE = ("__palette", "__consent", "__expand", "__tabs", "__search", "__source", "__outdated")
CSP_LISTENER = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"""


def privacy_problems(page) -> list[str]:
    problems = []
    csp = page.evaluate("() => window.__cspViolations")
    if csp:
        problems.append(f"CSP violations: {csp}")
    cookies = page.context.cookies()
    if cookies:
        problems.append(f"cookies set: {[c['name'] for c in cookies]}")
    keys = page.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    foreign = [k for k in keys if not k.endswith(MATERIAL_STORAGE)]
    if foreign:
        problems.append(f"storage besides Material's preferences: {foreign}")
    return problems


def test_every_page_is_accessible_quiet_private_and_local(site, base_url, page):
    failures = []
    urls = [page_url(site, p) for p in pages(site)]
    assert len(urls) > 10
    page.context.add_init_script(CSP_LISTENER)
    for url in urls:
        page.recorder.clear()
        page.goto(base_url + url, wait_until="load")
        failures += [f"{url}: {p}" for p in privacy_problems(page)]
        violations = run_axe(page)
        if violations:
            failures.append(f"{url}: axe: {describe(violations)}")
        if page.recorder.console_errors and not url.startswith("404"):
            failures.append(f"{url}: console: {page.recorder.console_errors}")
        foreign = [r for r in page.recorder.requests if urlsplit(r).hostname not in ("127.0.0.1", None)]
        if foreign:
            failures.append(f"{url}: requests to other hosts: {foreign}")
    assert not failures, f"{len(failures)} problems on {len(urls)} pages:\n" + "\n".join(failures)


def test_both_colour_schemes_pass_axe_on_key_pages(base_url, page):
    failures = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for url in ("", "timeline/", "actors/mnla/", "glossary/"):
            page.goto(base_url + url, wait_until="load")
            page.evaluate("() => localStorage.clear()")
            violations = run_axe(page)
            if violations:
                failures.append(f"{scheme} {url}: {describe(violations)}")
    assert not failures, "\n".join(failures)


def test_search_finds_a_page_from_a_typed_term(base_url, page):
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("s")                       # Material's shortcut opens search
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="Type to start searching").wait_for(timeout=30000)   # the index is loaded
    field = page.locator("input.md-search__input")
    field.press_sequentially("Timbuktu", delay=50)      # typed key by key, as a reader types
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=30000)
    assert results.count() > 0
    assert "Timbuktu" in page.locator(".md-search-result").inner_text()


def index_requested(page) -> bool:
    return any(urlsplit(r).path.endswith("/search/search_index.json") for r in page.recorder.requests)


def test_the_search_index_downloads_only_when_search_opens(base_url, page):
    """partials/javascripts/search-on-demand.html: no 260 KB index on page loads where nobody searches."""
    page.goto(base_url + "explainer/2012/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not index_requested(page), "the search index was downloaded before anyone opened search"
    page.locator("input.md-search__input").focus()
    page.locator(".md-search-result__meta").filter(has_text="Type to start searching").wait_for(timeout=30000)
    assert index_requested(page)


def test_a_page_opened_from_a_search_result_highlights_the_terms(base_url, page):
    page.goto(base_url + "explainer/2012/?h=Timbuktu", wait_until="networkidle")
    page.locator("article mark").first.wait_for(timeout=30000)
    assert "Timbuktu" in page.locator("article mark").first.inner_text()


def test_search_works_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    try:
        page.goto(base_url + "timeline/", wait_until="networkidle")
        page.locator("label.md-header__button[for='__search']").tap()
        page.locator(".md-search-result__meta").filter(has_text="Type to start searching").wait_for(timeout=30000)
        page.locator("input.md-search__input").press_sequentially("Serval", delay=50)
        page.locator(".md-search-result__item").first.wait_for(timeout=30000)
        assert "Serval" in page.locator(".md-search-result").inner_text()
    finally:
        context.close()


def test_dark_mode_toggle_switches_and_persists(base_url, page):
    page.emulate_media(color_scheme="light")
    page.goto(base_url, wait_until="load")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("label[title='Switch to dark mode']").first.click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.goto(base_url + "timeline/", wait_until="load")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    stored = page.evaluate("() => Object.keys(localStorage).filter(k => k.includes('palette'))")
    assert stored, "the choice is kept in Material's own preference"


def test_colour_scheme_is_set_while_the_page_is_parsed(base_url, page):
    """The site's own palette script (partials/javascripts/palette.html) replaces Material's, which restyled every
    element as the page loaded: the scheme follows the system until the reader chooses, by click or by Enter, and
    it does not depend on Material's script (blocked here)."""
    page.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    page.emulate_media(color_scheme="dark")
    page.goto(base_url + "timeline/", wait_until="load")
    body = page.locator("body")
    assert page.locator("[data-md-component=palette]").count() == 0
    assert body.get_attribute("data-md-color-scheme") == "slate"
    assert page.locator("meta[name=color-scheme]").get_attribute("content") == "dark"
    page.emulate_media(color_scheme="light")                     # no choice stored: follow the system
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.includes('palette'))") == []
    toggle = page.locator("label[title='Switch to dark mode']")
    assert toggle.is_visible() and not page.locator("label[title='Switch to light mode']").is_visible()
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    assert body.get_attribute("data-md-color-scheme") == "slate"
    assert page.locator("meta[name=color-scheme]").get_attribute("content") == "dark"
    page.reload(wait_until="load")                               # the choice now wins over the system's
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.locator("label[title='Switch to light mode']").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.wait_for_function("document.querySelector('meta[name=theme-color]').content === '#7c2d12'")


def test_layout_works_on_a_360px_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    try:
        for url in ("", "explainer/2012/", "timeline/", "map/", "actors/", "actors/mnla/", "glossary/", "sources/primary/",
                    "classroom/lesson-whos-who/"):
            page.goto(base_url + url, wait_until="load")
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= 360, f"{url or 'home'} scrolls sideways on a phone ({width}px wide)"
            violations = run_axe(page)
            assert not violations, f"{url or 'home'} at 360 px: {describe(violations)}"
            assert page.locator("label.md-header__button[for='__drawer']").is_visible(), "the menu button shows"
        page.locator("label.md-header__button[for='__drawer']").click()
        assert page.locator(".md-nav--primary").is_visible()
    finally:
        context.close()
