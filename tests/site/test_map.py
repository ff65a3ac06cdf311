"""The crisis map: the TopoJSON decoder and projection, the build errors for places off the map, and the map page
in a real Chromium (visible SVG, markers linking to the table, table links reaching the timeline)."""

import re

import pytest

from support import ROOT, build, copy_project, load_problems

from scripts import map_outlines
from sitebuild import geo


# ---- Outlines and projection ----------------------------------------------------------------------------------
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [-10, 5]},
    "arcs": [[[0, 0], [4, 0], [0, 8]], [[4, 8], [-4, 0], [0, -8]]],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "Square"}},
        {"type": "MultiPolygon", "arcs": [[[~1, ~0]]], "properties": {"name": "Reversed"}},
    ]}},
}


def test_the_outline_script_decodes_topojson_arcs_and_rings():
    """scripts/map_outlines.py, which derives the committed outlines from Natural Earth's TopoJSON."""
    arcs = map_outlines.decode_arcs(TOPOLOGY)
    assert arcs[0] == [(-10.0, 5.0), (-8.0, 5.0), (-8.0, 7.0)]
    assert arcs[1] == [(-8.0, 7.0), (-10.0, 7.0), (-10.0, 5.0)]
    found = map_outlines.countries(TOPOLOGY)
    assert found["Square"] == [[[(-10.0, 5.0), (-8.0, 5.0), (-8.0, 7.0), (-10.0, 7.0), (-10.0, 5.0)]]]
    assert found["Reversed"] == [[[(-10.0, 5.0), (-10.0, 7.0), (-8.0, 7.0), (-8.0, 5.0), (-10.0, 5.0)]]]


def test_the_committed_outlines_are_what_the_script_derives_from_natural_earth(tmp_path, monkeypatch):
    """The build reads docs/data/map/countries.json, not node_modules: it must be exactly what the script makes
    from the installed world-atlas, so nobody edits it by hand."""
    monkeypatch.setattr(map_outlines, "OUT", tmp_path / "countries.json")
    map_outlines.main()
    assert (tmp_path / "countries.json").read_bytes() == (ROOT / "docs" / geo.OUTLINES).read_bytes()


def test_projection_maps_corners_and_places():
    project = geo.Projection(geo.EXTENT, 800)
    ext = geo.EXTENT
    assert project(ext.west, ext.north) == pytest.approx((0, 0))
    assert project(ext.east, ext.south) == pytest.approx((800, project.height))
    # cos(latitude) correction: height/width is the degree ratio divided by cos(middle latitude)
    k = project.k
    assert project.height / 800 == pytest.approx((ext.north - ext.south) / ((ext.east - ext.west) * k))
    bamako, gao, kidal = project(-8.00, 12.65), project(-0.05, 16.27), project(1.41, 18.44)
    assert bamako[0] < gao[0] < kidal[0]            # Bamako is west of Gao, Gao west of Kidal
    assert bamako[1] > gao[1] > kidal[1]            # and south of both (y grows downwards)


def test_simplify_clip_and_path_data():
    line = [(0, 0), (1, 0.01), (2, 0), (3, 5), (4, 0)]
    assert geo.simplify(line, 0.5) == [(0, 0), (2, 0), (3, 5), (4, 0)]
    clipped = geo.clip([(-5, -5), (5, -5), (5, 5), (-5, 5)], 0, 0, 10, 10)
    assert sorted(clipped) == [(0, 0), (0, 5), (5, 0), (5, 5)]
    assert geo.ring_data([(0, 0), (10.04, 0), (10, 5.55)]) == "M0 0l10 0 0 5.6z"


def test_the_outlines_are_read_and_hold_mali():
    countries = geo.load_countries(ROOT / "docs" / geo.OUTLINES)
    west, south, east, north = geo.bbox(countries["Mali"])
    assert -12.5 < west < -12 and 10 < south < 10.3 and 4 < east < 4.5 and 24.9 < north < 25.1
    for place in ((12.65, -8.00), (27.93, 9.11), (18.08, -15.98), (12.37, -1.53), (18.73, 7.38)):
        assert geo.EXTENT.contains(*place)


# ---- Build errors ----------------------------------------------------------------------------------------------
PLACE = """\
- id: test-place
  name: Test place
  country: ML
  kind: town
  lat: 40
  lon: -4
"""
EVENT = """\
- id: test-event
  date: "2012-03-22"
  title: {en: A test event, fr: Un événement de test}
  summary: {en: A test summary., fr: Un résumé de test.}
  category: political
  place: atlantis
  sources: [unsc-res-2085]
"""


def test_a_place_in_mali_off_the_map_fails_the_build(tmp_path):
    assert load_problems(tmp_path, {"docs/data/places/zz-test.yml": PLACE}) == [
        "docs/data/places/zz-test.yml:1: entry 'test-place': field 'lat': coordinates (40, -4) are outside the "
        "map's extent (latitude 8 to 37.5, longitude -18 to 17); check the latitude and longitude"]


def test_an_event_at_an_unknown_place_fails_the_build(tmp_path):
    assert load_problems(tmp_path, {"docs/data/events/zz-test.yml": EVENT}) == [
        "docs/data/events/zz-test.yml:1: entry 'test-event': field 'place': unknown place id 'atlantis' "
        "(expected an id defined in docs/data/places/)"]


def test_coordinates_that_are_not_finite_numbers_fail_the_build(tmp_path):
    problems = load_problems(tmp_path, {"docs/data/places/zz-test.yml": PLACE.replace("lat: 40", "lat: .nan")})
    assert any("entry 'test-place': field 'lat': expected a finite number" in p for p in problems)


# ---- The built page --------------------------------------------------------------------------------------------
def test_the_map_page_is_small_and_lists_every_place(site):
    html = (site / "map" / "index.html").read_text(encoding="utf-8")
    assert len(html.encode()) < 150_000
    assert html.count('<svg class="map__svg"') == 3 and 'role="img"' in html      # Mali and its two close-ups
    for place in ("bamako", "kidal", "gao", "timbuktu", "new-york", "paris"):
        assert f'<tr id="place-{place}"' in html
    assert re.search(r'href="#place-bamako"', html)


@pytest.mark.browser
def test_map_markers_and_table_links_work_in_a_browser(base_url, page):
    page.goto(base_url + "map/", wait_until="load")
    svg = page.locator("svg.map__svg").first          # the map of Mali; its close-ups follow
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] > 300 and box["height"] > 200
    marker = page.locator('svg.map__links a[href="#place-kidal"]').first
    marker.click()
    page.wait_for_function("() => location.hash === '#place-kidal'")
    assert page.locator("tr#place-kidal").is_visible()
    link = page.locator('tr#place-kidal a[href*="timeline/"][href*="#ev-"]').first
    href = link.get_attribute("href")
    anchor = href.split("#", 1)[1]
    link.click()
    page.wait_for_url(re.compile(r".*/timeline/[a-z0-9-]+/#ev-.*"))
    assert page.locator(f"#{anchor}").count() == 1
    assert not page.recorder.console_errors
