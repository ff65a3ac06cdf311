"""The timeline in a real browser: the overview lists every event in brief and each title opens the event in full on
its year's page; filters by category and actor, the key-events toggle, the filter state kept in the address,
permalinks to single events, and every event still shown without JavaScript."""

import re

import pytest

from support import data, timeline_url

pytestmark = pytest.mark.browser


def events():
    return data("events")


YEAR_PAGES = ["timeline/before-2012/", "timeline/2012/", "timeline/2013/", "timeline/2014/", "timeline/2015/",
              "timeline/after-2015/"]


def visible(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('.tl-event')]
        .filter(e => e.offsetParent !== null)
        .map(e => ({id: e.id, category: e.dataset.category, actors: e.dataset.actors, key: e.dataset.key}))""")


def test_every_event_is_on_the_timeline_with_a_permalink(base_url, page):
    page.goto(base_url + "timeline/", wait_until="load")
    ids = {e["id"] for e in visible(page)}
    assert ids == {f"ev-{e['id']}" for e in events()}
    first = page.locator(".tl-event").first
    assert first.locator("time").first.get_attribute("datetime")
    assert page.locator(".tl-overview svg title").first.text_content().startswith("Events per month")
    links = dict(page.evaluate("""() => [...document.querySelectorAll('.tl-event')].map(e =>
        [e.id, e.querySelector('a.tl-event__title').href])"""))
    for event in events():                 # each title in brief opens the event in full on its year's page
        assert links[f"ev-{event['id']}"] == f"{base_url}{timeline_url(event)}#ev-{event['id']}"


def test_each_event_is_in_full_on_exactly_one_year_page(base_url, page):
    shown = []
    for path in YEAR_PAGES:
        page.goto(base_url + path, wait_until="load")
        here = [e["id"] for e in visible(page)]
        assert here, path
        assert all(page.locator(f"#{i} .tl-event__summary").count() == 1 for i in here[:3]), path
        assert all(timeline_url(e) == path for e in events() if f"ev-{e['id']}" in here), path
        shown += here
    assert sorted(shown) == sorted(f"ev-{e['id']}" for e in events())


def test_category_filter_and_the_address_keep_the_view(base_url, page):
    page.goto(base_url + "timeline/", wait_until="load")
    total = len(visible(page))
    page.locator("input[name='category'][value='terrorism']").check()
    shown = visible(page)
    assert 0 < len(shown) < total
    assert all(e["category"] == "terrorism" for e in shown)
    assert "category=terrorism" in page.url
    assert re.search(rf"Showing {len(shown)} of {total} events", page.locator(".filters__status").inner_text())
    shared = page.url
    page.goto("about:blank")
    page.goto(shared, wait_until="load")                  # a shared link opens the same view
    assert page.locator("input[name='category'][value='terrorism']").is_checked()
    assert len(visible(page)) == len(shown)


def test_actor_filter_and_key_events_toggle(base_url, page):
    page.goto(base_url + "timeline/?actor=mnla&key=1", wait_until="load")
    shown = visible(page)
    assert shown and all("mnla" in e["actors"].split() and e["key"] == "true" for e in shown)
    assert page.locator("#tl-actor").input_value() == "mnla"
    page.locator("form.filters button[type='reset']").click()
    page.wait_for_function("() => !location.search")
    assert len(visible(page)) == len(events())


def test_filters_work_from_the_keyboard(base_url, page):
    page.goto(base_url + "timeline/", wait_until="load")
    box = page.locator("input[name='category'][value='diplomacy']")
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked() and "category=diplomacy" in page.url
    select = page.locator("#tl-actor")
    select.focus()
    page.keyboard.press("ArrowDown")
    assert select.input_value() != ""


def test_permalink_opens_one_event(base_url, page):
    event = next(e for e in events() if e.get("key") and not e.get("context"))
    for path in (timeline_url(event), "timeline/"):     # in full; and in brief, where older links lead
        page.goto(base_url + f"{path}#ev-{event['id']}", wait_until="load")
        target = page.locator(f"#ev-{event['id']}")
        assert target.is_visible() and target.evaluate("e => e.matches(':target')")
        box = target.bounding_box()
        assert 0 <= box["y"] < page.viewport_size["height"]
        assert event["title"] in target.inner_text()
    target.locator("a.tl-event__title").click()
    page.wait_for_url(f"**/{timeline_url(event)}#ev-{event['id']}")
    assert page.locator(f"#ev-{event['id']} .tl-event__summary").is_visible()


def test_without_javascript_every_event_shows(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + "timeline/", wait_until="load")
        assert not page.locator("form.filters").is_visible()
        assert page.locator(".tl-event").count() == len(events())
        assert all(page.locator(".tl-event").nth(i).is_visible() for i in (0, 10, 50))
        page.goto(base_url + "timeline/2012/", wait_until="load")
        assert not page.locator("form.filters").is_visible()
        assert page.locator(".tl-event").count() == sum(str(e["date"]).startswith("2012") for e in events())
        assert page.locator(".tl-event").last.is_visible()
    finally:
        context.close()


def test_explainer_pages_embed_slices_that_link_back(base_url, page):
    page.goto(base_url + "explainer/2013/", wait_until="load")
    page.locator("details.tl-fold > summary").click()          # embedded timelines are folded
    embedded = page.locator(".tl .tl-event")
    assert embedded.count() > 3
    link = embedded.first.locator(".tl-event__title a")
    href = link.get_attribute("href")
    assert "timeline/2013/#ev-2013-" in href
    link.click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[1] in href


def test_primary_documents_filter_by_type_and_year(base_url, page):
    page.goto(base_url + "sources/primary/", wait_until="load")
    docs = page.locator(".doc")
    total = docs.count()
    assert total >= 25
    page.select_option("#doc-type", "un-resolution")
    page.select_option("#doc-year", "2012")
    shown = page.evaluate("""() => [...document.querySelectorAll('.doc')].filter(d => d.offsetParent !== null)
        .map(d => [d.dataset.type, d.dataset.year])""")
    assert shown and all(t == "un-resolution" and y == "2012" for t, y in shown)
    assert "type=un-resolution" in page.url and "year=2012" in page.url
    page.goto(base_url + "sources/primary/", wait_until="load")
    asked = [d for d in data("sources") if d.get("primary") and d.get("questions")]
    assert asked
    for doc in asked[:5]:                         # each document's questions show without a click
        questions = page.locator(f"#{doc['id']} .doc__questions li")
        assert questions.count() == len(doc["questions"]) and questions.first.is_visible()


def test_each_event_links_to_all_its_sources(base_url, page):
    """The timeline pages have no page-long list of sources: every event's sources line links straight to the
    documents behind its summary and its "sources disagree" note; an embedded slice links to the page's list."""
    urls = {s["id"]: s["url"] for s in data("sources")}
    lines = {}
    for path in YEAR_PAGES:
        page.goto(base_url + path, wait_until="load")
        assert page.locator("#sources-cited").count() == 0
        lines.update(page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.tl-event')].map(e =>
            [e.id, [...e.querySelectorAll('.tl-event__sources a')].map(a => a.getAttribute('href'))]))"""))
    for event in events():
        wanted = list(dict.fromkeys(event["sources"] + event.get("disagreement", {}).get("sources", [])))
        assert lines[f"ev-{event['id']}"] == [urls[s] for s in wanted], event["id"]
    page.goto(base_url + "explainer/2012/", wait_until="load")
    for href in page.locator(".tl-event__sources a").evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert href.startswith("#cite-") and page.locator(href).count() == 1, href
