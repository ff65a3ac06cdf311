"""The relationship view on the actors index: the layout has the expected edges, every box links to an actor page,
an unknown relationship target stops the build, and in a browser the diagram shows, links work and axe passes."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser

import pytest

from support import ROOT, build, copy_project, run_axe

from sitebuild import pipeline
from sitebuild.render.embeds import relationships


def english(text: str) -> str:
    """The interface text as written (the English site)."""
    return text


@pytest.fixture(scope="module")
def diagrams():
    dataset = pipeline.load(ROOT).dataset
    return {d.id: d for d in relationships.diagrams(dataset, english)}


def edges(diagram) -> set[tuple[str, str, str]]:
    """(actor, type, target) as written in the data."""
    return {(e.actor, e.type, e.target) for e in diagram.edges}


def test_the_groups_diagram_has_the_mergers_splits_and_coalitions(diagrams):
    found = edges(diagrams["rel-groups"])
    expected = {
        ("mujao", "merged-into", "al-mourabitoun"), ("belmokhtar-brigade", "merged-into", "al-mourabitoun"),
        ("mnla", "member-of", "cma"), ("hcua", "member-of", "cma"), ("maa", "member-of", "cma"),
        ("gatia", "member-of", "platform"), ("maa", "member-of", "platform"),
        ("mujao", "split-from", "aqim"), ("belmokhtar-brigade", "split-from", "aqim"),
        ("hcua", "split-from", "ansar-dine"),
    }
    assert expected <= found, f"missing edges: {expected - found}"
    assert {t for _, t, _ in found} <= set(relationships.LINEAGE) | {"allied-with"}, "only lineage types (and allies)"
    # The Macina Liberation Front has no lineage tie: it appears next to its ally, Ansar Dine.
    assert ("macina-liberation-front", "allied-with", "ansar-dine") in found
    ids = {n.id for n in diagrams["rel-groups"].nodes}
    assert {"aqim", "ansar-dine", "mujao", "belmokhtar-brigade", "al-mourabitoun", "macina-liberation-front",
            "mnla", "hcua", "maa", "cma", "gatia", "platform"} <= ids
    assert "france" not in ids and "government-of-mali" not in ids, "states are not in the groups diagram"


def test_the_missions_diagram_shows_who_took_over(diagrams):
    assert edges(diagrams["rel-missions"]) == {("minusma", "succeeded", "afisma"),
                                               ("operation-barkhane", "succeeded", "operation-serval")}


def test_arrows_point_from_older_to_newer_and_boxes_do_not_overlap(diagrams):
    for diagram in diagrams.values():
        nodes = {n.id: n for n in diagram.nodes}
        for e in diagram.edges:
            assert nodes[e.start].layer < nodes[e.end].layer, f"{e.start} -> {e.end} does not point right"
            if e.type in ("split-from", "succeeded", "allied-with"):   # allies: drawn from the ally already there
                assert (e.start, e.end) == (e.target, e.actor)
            else:
                assert (e.start, e.end) == (e.actor, e.target)
        for a in diagram.nodes:
            assert 0 <= a.x and a.x + relationships.BOX_W <= diagram.width
            assert 0 <= a.y and a.y + relationships.BOX_H <= diagram.height
            for b in diagram.nodes:
                if a.id < b.id and a.layer == b.layer:
                    assert abs(a.y - b.y) >= relationships.BOX_H, f"{a.id} overlaps {b.id}"


def test_the_layout_is_deterministic():
    def run():
        dataset = pipeline.load(ROOT).dataset
        return [(n.id, n.x, n.y) for d in relationships.diagrams(dataset, english) for n in d.nodes]
    assert run() == run()


class _Diagram(HTMLParser):
    """Links (href, aria-label) inside the relationship SVGs of a page, and the scroll regions around them."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.links: list[dict] = []
        self.regions: list[dict] = []
        self.svgs: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and "rel__scroll" in (attrs.get("class") or ""):
            self.regions.append(attrs)
        if tag == "svg" and "rel__svg" in (attrs.get("class") or ""):
            self.depth += 1
            self.svgs.append(attrs)
        elif tag == "a" and self.depth:
            self.links.append(attrs)

    def handle_endtag(self, tag):
        if tag == "svg" and self.depth:
            self.depth -= 1


def test_every_box_links_to_an_existing_actor_page(site, diagrams):
    parser = _Diagram()
    parser.feed((site / "actors" / "index.html").read_text(encoding="utf-8"))
    assert len(parser.svgs) == len(diagrams) >= 2
    expected = {n.id for d in diagrams.values() for n in d.nodes}
    linked = set()
    for link in parser.links:
        href = link["href"]
        assert link.get("aria-label"), f"a box without an accessible name: {href}"
        target = posixpath.normpath(posixpath.join("actors", href))
        match = re.fullmatch(r"actors/([a-z0-9-]+)", target)
        assert match, f"box links outside the actor pages: {href}"
        assert (site / target / "index.html").is_file(), f"{href} -> no page {target}/index.html"
        linked.add(match.group(1))
    assert linked == expected
    for svg in parser.svgs:
        assert svg.get("role") != "img", "links may not sit inside role=img (axe nested-interactive)"
        assert svg.get("aria-labelledby")
    for region in parser.regions:
        assert region.get("tabindex") == "0" and region.get("aria-label"), "a scroll region must be focusable and named"


def test_the_diagram_comes_before_its_text_alternative(site):
    html = (site / "actors" / "index.html").read_text(encoding="utf-8")
    figure, table = html.find('class="rel__svg"'), html.find('id="relationship-table"')
    assert 0 < figure < table
    assert "<table class=\"data-table\">" in html[table:table + 600]
    assert 'href="#relationship-table"' in html, "the caption points to the table"
    assert "table after the diagrams" in html, "the SVG's description mentions the table"


def test_a_relationship_to_an_unknown_actor_stops_the_build(tmp_path):
    project_dir = copy_project(tmp_path / "project")
    path = project_dir / "docs" / "data" / "actors" / "rebels.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(k for k, line in enumerate(lines) if line.startswith("- id: hcua"))
    entry_line = start + 1
    rel = next(k for k in range(start + 1, len(lines)) if lines[k].strip() == "relationships:")
    lines.insert(rel + 1, "    - type: merged-into\n      target: no-such-group\n      date: 2014\n")
    path.write_text("".join(lines), encoding="utf-8")
    result = build(project_dir, tmp_path / "site")
    assert result.returncode != 0, "the build should fail on an unknown relationship target"
    expected = (f"docs/data/actors/rebels.yml:{entry_line}: entry 'hcua': field 'relationships[0].target': unknown "
                "actor id 'no-such-group' (expected an id defined in docs/data/actors/)")
    assert expected in result.stdout, result.stdout[-3000:]


# ---- In a browser --------------------------------------------------------------------------------------------

@pytest.mark.browser
def test_the_diagram_shows_and_a_box_opens_the_actor_page(base_url, page):
    page.goto(base_url + "actors/", wait_until="load")
    svg = page.locator("#rel-groups svg.rel__svg")
    svg.scroll_into_view_if_needed()
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200, box
    node = svg.locator("a.rel__node", has=page.locator("text=MUJAO")).first
    size = node.bounding_box()
    assert size["width"] >= 24 and size["height"] >= 24, f"target too small: {size}"
    node.click()
    page.wait_for_url("**/actors/mujao/")
    assert page.locator("h1").first.inner_text().startswith("Movement for Oneness and Jihad")


@pytest.mark.browser
def test_the_diagram_scrolls_on_a_phone_and_keyboard_reaches_it(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(base_url + "actors/", wait_until="load")
        region = page.locator("#rel-groups .rel__scroll")
        widths = region.evaluate("el => [el.clientWidth, el.scrollWidth]")
        assert widths[0] <= 360 and widths[1] > widths[0], f"the diagram should scroll sideways: {widths}"
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, "the page itself must not scroll"
        region.focus()
        assert page.evaluate("() => document.activeElement.classList.contains('rel__scroll')")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_actors_index_passes_axe(base_url, page, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + "actors/", wait_until="load")
    page.evaluate("() => localStorage.clear()")
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == (
        "slate" if scheme == "dark" else "default")
    violations = run_axe(page)
    assert not violations, "; ".join(f"{v['id']} ({len(v['nodes'])}x: {v['nodes'][0]['target']})" for v in violations)
