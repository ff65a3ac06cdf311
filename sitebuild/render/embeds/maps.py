"""The map shortcodes: `md:map` (the crisis map with its text table) and `md:locator places=a,b` (a small map).

Geometry comes from sitebuild/geo.py; this module decides what to draw and where labels go, and renders
templates/markdown/map.html and templates/locator.html. Its texts (country, region and river names, the periods,
the close-ups' titles, directions) are written in English here and shown in the page's language by ctx.ui
(sitebuild/locale/).
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from ... import geo
from ...i18n import sort_key
from ..context import TIMELINE

LOCATOR_WIDTH = 300
MALI = "Mali"
# Mali's bounding box with a margin: the smallest locator map.
LOCATOR_EXTENT = geo.Extent(west=-13.0, east=5.5, south=9.5, north=25.8)

COUNTRY_NAMES = {
    "ML": "Mali", "NE": "Niger", "BF": "Burkina Faso", "MR": "Mauritania", "DZ": "Algeria", "TD": "Chad",
    "CI": "Côte d'Ivoire", "LY": "Libya", "ET": "Ethiopia", "SN": "Senegal", "US": "United States",
    "NL": "Netherlands", "FR": "France", "BE": "Belgium", "LU": "Luxembourg", "GN": "Guinea", "NG": "Nigeria",
    "MA": "Morocco", "TN": "Tunisia", "GH": "Ghana",
}
# Country names on the crisis map, in capitals: (country code, lon, lat), placed by hand in empty parts of each country.
COUNTRY_LABELS = [("MR", -9.6, 20.6), ("DZ", 2.6, 24.4), ("NE", 3.4, 14.2), ("BF", -0.9, 11.0),
                  ("GN", -10.9, 10.5), ("CI", -6.6, 10.25)]
KIND_ORDER = {"capital": 0, "city": 1, "town": 2, "site": 3, "village": 4, "region": 5, "country": 6}


# ---- Shared helpers ------------------------------------------------------------------------------------------
def _countries(ctx, projection: geo.Projection, tolerance: float, margin: float = 2.0) -> list[dict]:
    """Paths of every country that shows inside the projection's box; Mali last, so its border is on top."""
    return [dict(c) for c in _country_paths(ctx.project.shared_dir / geo.OUTLINES, projection, tolerance, margin)]


@lru_cache(maxsize=None)
def _country_paths(outlines: Path, projection: geo.Projection, tolerance: float, margin: float) -> tuple[dict, ...]:
    """The outlines are drawn once per box, size and tolerance: pages with the same locator map share them."""
    out = []
    for name, (polys, (west, south, east, north)) in _outlines(outlines).items():
        ext = projection.extent
        if east < ext.west or west > ext.east or north < ext.south or south > ext.north:
            continue
        d = geo.path_data(polys, projection, tolerance, margin)
        if d:
            out.append({"name": name, "d": d, "mali": name == MALI})
    return tuple(sorted(out, key=lambda c: (c["mali"], c["name"])))


@lru_cache(maxsize=2)
def _outlines(path: Path) -> dict[str, tuple[list, tuple[float, float, float, float]]]:
    """Country name -> (polygons, bounding box), for the countries the outlines give any polygon."""
    return {name: (polys, geo.bbox(polys)) for name, polys in geo.load_countries(path).items() if polys}


def country_name(code: str, ctx) -> str:
    return ctx.ui(COUNTRY_NAMES[code]) if code in COUNTRY_NAMES else code


def coordinates_label(lat: float, lon: float, ctx) -> str:
    """'12.65° N, 8.00° W' ('12,65° N, 8,00° O' in French)."""
    return (f"{ctx.number(abs(lat), 2)}° {ctx.ui('N') if lat >= 0 else ctx.ui('S')}, "
            f"{ctx.number(abs(lon), 2)}° {ctx.ui('E') if lon >= 0 else ctx.ui('W')}")


def area_label(extent: geo.Extent, ctx) -> str:
    """The box a map draws, in words: 'latitude 9.9 to 25.4, longitude -12.8 to 4.8'."""
    def degrees(value: float) -> str:
        text = ctx.number(value, 1)
        return text[:-2] if text.endswith((".0", ",0")) else text
    return ctx.ui("latitude {south} to {north}, longitude {west} to {east}").format(
        south=degrees(extent.south), north=degrees(extent.north), west=degrees(extent.west), east=degrees(extent.east))


def distance_km(a: dict, b: dict) -> float:
    """Great-circle distance between two places, in km."""
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def direction(a: dict, b: dict) -> str:
    """Compass direction (8 points) from place a to place b, in English (a key of DIRECTIONS)."""
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    y = math.sin(lo2 - lo1) * math.cos(la2)
    x = math.cos(la1) * math.sin(la2) - math.sin(la1) * math.cos(la2) * math.cos(lo2 - lo1)
    bearing = (math.degrees(math.atan2(y, x)) + 360) % 360
    names = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]
    return names[round(bearing / 45) % 8]


# ---- Labels --------------------------------------------------------------------------------------------------
def _box(x, y, text, size, anchor):
    width = len(text) * size * 0.58 + 2
    left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return (left, y - size * 0.85, left + width, y + size * 0.25)


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _closer_to_another(box, marker: dict, markers: list[dict]) -> bool:
    """True when the label's nearest edge point is closer to another marker than to its own (a misleading label)."""
    def gap(m):
        dx = max(box[0] - m["x"], 0, m["x"] - box[2])
        dy = max(box[1] - m["y"], 0, m["y"] - box[3])
        return math.hypot(dx, dy) - m["r"]
    own = gap(marker)
    return any(gap(m) < own for m in markers if m is not marker)


def _spots(x: float, y: float, r: float, size: float, far: float):
    """Label positions around a marker, nearest first: (x, y, text-anchor) at distance r + 2 + far."""
    g = r + 2 + far
    d = g * 0.7
    return [(x + g, y + size * 0.35, "start"), (x - g, y + size * 0.35, "end"),
            (x, y - g - 1, "middle"), (x, y + g + size * 0.8, "middle"),
            (x + d, y - d, "start"), (x - d, y - d, "end"),
            (x + d, y + d + size * 0.6, "start"), (x - d, y + d + size * 0.6, "end")]


def place_labels(markers: list[dict], width: float, height: float, size: float, taken: list,
                 reaches=(0, 14, 30)) -> None:
    """Give each marker a label position that overlaps no other label or marker, trying eight spots at each
    reach in turn (a label placed away from its marker gets a leader line); markers are taken in order (most
    important first) and those with no free spot stay unlabelled."""
    circles = [(m["x"] - m["r"], m["y"] - m["r"], m["x"] + m["r"], m["y"] + m["r"]) for m in markers]
    for marker in markers:
        x, y, r, text = marker["x"], marker["y"], marker["r"], marker["label"]
        own = (x - r, y - r, x + r, y + r)
        for far in reaches:
            found = None
            for lx, ly, anchor in _spots(x, y, r, size, far):
                box = _box(lx, ly, text, size, anchor)
                if box[0] < 1 or box[1] < 1 or box[2] > width - 1 or box[3] > height - 1:
                    continue
                if any(_overlaps(box, t) for t in taken) or any(_overlaps(box, c) for c in circles if c != own):
                    continue
                if _closer_to_another(box, marker, markers):
                    continue
                found = (lx, ly, anchor, box)
                break
            if found:
                lx, ly, anchor, box = found
                marker.update(lx=round(lx, 1), ly=round(ly, 1), anchor=anchor)
                taken.append(box)
                if far:
                    ex = box[0] if anchor == "start" else box[2] if anchor == "end" else lx
                    ey = (box[1] + box[3]) / 2 if anchor != "middle" else (box[3] if ly < y else box[1])
                    dx, dy = ex - x, ey - y
                    dist = math.hypot(dx, dy) or 1
                    marker["leader"] = (round(x + dx * r / dist, 1), round(y + dy * r / dist, 1),
                                        round(ex - dx * 2 / dist, 1), round(ey - dy * 2 / dist, 1))
                break


# ---- The main map --------------------------------------------------------------------------------------------
# The crisis map is drawn for phones first: Mali fills a 440-unit box, which shows 288 px wide on a 320 px phone
# (Material's content margins), so that labels of FONT units are legible there and every link's hit circle is at
# least HIT_PX wide. Two close-ups follow it, the north and central Mali, at a larger scale.
MAP_WIDTH = 440
FONT = 16                     # label size in the map's units at build time (site.css draws them smaller on wide screens)
PHONE_PX = 280                # the map's width on a 320 px phone (288 px of content), with a margin
HIT_PX = 24                   # the smallest tap target (WCAG 2.2, 2.5.8)
CLOSE_UPS = [                 # titles in English: shown through ctx.ui
    {"id": "north", "title": "Northern Mali, close up", "extent": geo.Extent(west=-5.4, east=4.7, south=14.7, north=21.3)},
    {"id": "centre", "title": "Central Mali, close up", "extent": geo.Extent(west=-6.5, east=-2.5, south=13.9, north=15.95)},
]
# Region names drawn on the maps (lon, lat), placed by hand away from the towns; in English, shown through ctx.ui.
REGION_LABELS = [("Timbuktu region", -4.2, 21.3), ("Kidal region", 1.9, 21.0), ("Gao region", 2.0, 17.2),
                 ("Mopti region", -2.6, 14.0), ("Kayes", -10.6, 14.9), ("Koulikoro", -7.6, 14.8),
                 ("Ségou", -5.9, 13.8), ("Sikasso", -6.3, 11.2)]
RIVER_LABEL = ("Niger River", -10.0, 12.1)
# Who held what: three periods, each a set of 2012 regions hatched as held by armed groups opposed to the
# government, with a cited description (title, hatched and text in English, shown through ctx.ui). Approximate:
# towns changed hands, and control of the desert between them was never complete.
PERIODS = [
    {"id": "2012", "label": "2012", "title": "April 2012 to January 2013",
     "regions": ["Timbuktu", "Gao", "Kidal"], "hatched": "the regions of Timbuktu, Gao and Kidal",
     "text": "Armed groups held the regions of Timbuktu, Gao and Kidal after the army lost Kidal, Gao and Timbuktu "
             "between 30 March and 1 April 2012. The MNLA was pushed out of Gao by MUJAO in June 2012, and MUJAO "
             "also took Douentza, south of these regions, in September 2012.",
     "sources": ["unesco-whc-2012-soc-timbuktu", "dw-2012-04-01-rebels-enter-timbuktu",
                 "voa-2012-06-28-islamists-oust-tuareg-from-gao", "france24-2012-09-01-militants-capture-douentza"]},
    {"id": "2013", "label": "2013", "title": "After Operation Serval, from February 2013",
     "regions": ["Kidal"], "hatched": "the Kidal region",
     "text": "French and Malian forces retook Gao and Timbuktu at the end of January 2013. In Kidal, French troops "
             "took the airport, while the MNLA, which had come back to the town, claimed to control it.",
     "sources": ["news24-ap-2013-01-26-french-forces-take-airport-bridge", "nbc-reuters-2013-01-28-forces-seal-off-timbuktu",
                 "pri-2013-01-30-kidal-airport-french-troops"]},
    {"id": "2015", "label": "2015", "title": "From May 2014 to 2015",
     "regions": ["Kidal"], "hatched": "the Kidal region",
     "text": "After the army's failed attack on Kidal in May 2014, the town of Kidal and Ménaka were in the hands of "
             "the rebel groups led by the MNLA. In April 2015, armed groups of the pro-government Platform took "
             "Ménaka.",
     "sources": ["news24-2014-05-23-mali-in-crisis", "un-sg-report-2015-732"]},
]


def _places_table(ctx, events_at: dict[str, list[dict]], drawn: set[str]) -> list[dict]:
    rows = []
    for place in ctx.dataset.items("places"):
        country = country_name(place["country"], ctx)
        events = [{"label": ctx.date(e["date"]), "date": e["date"], "title": e["title"],
                   "url": ctx.event_link(e["id"]), "context": bool(e.get("context"))} for e in events_at.get(place["id"], [])]
        rows.append({"id": place["id"], "name": place["name"], "kind": place["kind"],
                     "kind_label": ctx.lowercase(ctx.vocab.place_kinds[place["kind"]]), "country": country,
                     "country_code": place["country"], "region": place.get("region", ""),
                     "coords": coordinates_label(place["lat"], place["lon"], ctx),
                     "lat": place["lat"], "lon": place["lon"], "on_map": place["id"] in drawn, "events": events})
    return sorted(rows, key=lambda r: (r["country_code"] != "ML", sort_key(r["country"]), sort_key(r["name"])))


def radius(count: int) -> float:
    """Marker radius: the area grows with the number of events."""
    return round(3.5 + 1.9 * math.sqrt(count), 1) if count else 3.0


def _markers(places: list[dict], events_at: dict, projection: geo.Projection, grow: float = 1.0) -> list[dict]:
    """Markers for the places inside the projection's extent, most important first (towns before whole regions).
    Whole countries, regions without events, and places without events hidden under a busier marker are left to
    the table."""
    markers = []
    for place in places:
        count = len(events_at.get(place["id"], []))
        if place["kind"] == "country" or (place["kind"] == "region" and not count):
            continue
        if not projection.extent.contains(place["lat"], place["lon"]):
            continue
        x, y = projection(place["lon"], place["lat"])
        markers.append({"id": place["id"], "name": place["name"], "x": round(x, 1), "y": round(y, 1),
                        "r": round(radius(count) * grow, 1), "count": count, "kind": place["kind"],
                        "label": place["name"] + (f" ({count})" if count else ""), "region": place["kind"] == "region"})
    markers.sort(key=lambda m: (m["region"], -m["count"], KIND_ORDER.get(m["kind"], 9), m["name"]))
    busy = [m for m in markers if m["count"]]
    return [m for m in markers if m["count"] or
            not any(math.hypot(m["x"] - b["x"], m["y"] - b["y"]) < m["r"] + b["r"] for b in busy)]


def _targets(markers: list[dict], hit: float) -> None:
    """Which markers are links: most important first, each with a hit circle of radius `hit` that overlaps no
    other link's. The others are drawn but not links here (a close-up or the table has them)."""
    links = []
    for m in markers:
        if all(math.hypot(m["x"] - o["x"], m["y"] - o["y"]) >= 2 * hit for o in links):
            m["hit"] = round(max(hit, m["r"]), 1)
            links.append(m)


def _paths(ctx, projection: geo.Projection, tolerance: float) -> dict:
    docs = ctx.project.shared_dir                     # the map data is shared by every language (docs/data/map/)
    regions = geo.load_regions(docs / geo.REGIONS)
    region_paths = {name: geo.path_data(polys, projection, tolerance, margin=2) for name, polys in regions.items()}
    return {"regions": region_paths,
            "rivers": geo.line_data(geo.load_rivers(docs / geo.RIVERS), projection, tolerance),
            "zones": [{"id": p["id"], "d": "".join(region_paths[r] for r in p["regions"])} for p in PERIODS]}


def _view(ctx, places, events_at, extent: geo.Extent, uid: str, frames=()) -> dict:
    """One map of the crisis map's figure: its geometry, markers (links with hit circles), labels."""
    projection = geo.Projection(extent, MAP_WIDTH)
    width, height = MAP_WIDTH, round(projection.height, 1)
    scale = projection.scale / geo.Projection(geo.MALI_EXTENT, MAP_WIDTH).scale
    markers = _markers(places, events_at, projection, grow=min(1.6, 1 + (scale - 1) * 0.15))
    hit = HIT_PX / 2 * MAP_WIDTH / PHONE_PX
    _targets(markers, hit)
    taken = [(f[0], f[1], f[0] + f[2], f[1] + 18) for f in frames]        # the close-ups' titles on the frames
    labels = []
    countries = [(country_name(code, ctx).upper(), lon, lat) for code, lon, lat in COUNTRY_LABELS]
    regions = [(ctx.ui(text), lon, lat) for text, lon, lat in REGION_LABELS]
    river = [(ctx.ui(RIVER_LABEL[0]), *RIVER_LABEL[1:])]
    for kind, items in (("country", countries), ("region", regions), ("river", river)):
        for text, lon, lat in items:
            if not extent.contains(lat, lon):
                continue
            x, y = projection(lon, lat)
            box = _box(x, y, text, FONT - 3, "middle")   # drawn at 13 units
            if box[0] > 1 and box[2] < width - 1 and box[1] > 1 and box[3] < height - 1 and \
                    not any(_overlaps(box, t) for t in taken):
                labels.append({"text": text, "x": round(x, 1), "y": round(y, 1), "kind": kind})
                taken.append(box)
    place_labels(markers, width, height, FONT, taken, reaches=(0, 10, 22))
    return {"uid": uid, "width": width, "height": height, "markers": markers, "labels": labels, "frames": list(frames),
            "countries": _countries(ctx, projection, 0.5), **_paths(ctx, projection, 0.5)}


def render_map(args: dict[str, str], ctx) -> str:
    uid = ctx.next_id("map")
    events_at: dict[str, list[dict]] = {}
    for event in ctx.dataset.events:
        events_at.setdefault(event["place"], []).append(event)
    places = ctx.dataset.items("places")
    main = geo.Projection(geo.MALI_EXTENT, MAP_WIDTH)
    frames = []
    titles = {close["id"]: ctx.ui(close["title"]) for close in CLOSE_UPS}
    for close in CLOSE_UPS:
        (x0, y0), (x1, y1) = main(close["extent"].west, close["extent"].north), main(close["extent"].east, close["extent"].south)
        frames.append([round(v, 1) for v in (x0, y0, x1 - x0, y1 - y0)] + [f"{uid}-{close['id']}", titles[close["id"]]])
    overview = _view(ctx, places, events_at, geo.MALI_EXTENT, uid, frames)
    close_ups = [dict(_view(ctx, places, events_at, c["extent"], f"{uid}-{c['id']}"), title=titles[c["id"]], id=c["id"])
                 for c in CLOSE_UPS]
    views = [overview] + close_ups
    linked = {m["id"] for v in views for m in v["markers"] if "hit" in m}
    drawn = {m["id"] for v in views for m in v["markers"]}
    extent = geo.MALI_EXTENT
    outside = sorted((p["name"] for p in places if p["kind"] != "country" and not extent.contains(p["lat"], p["lon"])),
                     key=sort_key)
    untappable = sorted({m["name"] for v in views for m in v["markers"]} - {m["name"] for v in views for m in v["markers"] if "hit" in m},
                        key=sort_key)
    periods = [dict(p, title=ctx.ui(p["title"]), hatched=ctx.ui(p["hatched"]), text=ctx.ui(p["text"]),
                    citation=ctx.cite(p["sources"])) for p in PERIODS]
    whole = [p for p in places if p["kind"] == "country" and p["id"] in events_at]
    figure = ctx.render_html(
        "map.html", uid=uid, main=overview, close_ups=close_ups, periods=periods, untappable=untappable,
        atlas=geo.ATLAS_NAME, rivers=geo.RIVERS_NAME, regions=geo.REGIONS_NAME,
        total=sum(m["count"] for m in overview["markers"]), legend=_legend_sizes())
    table = ctx.render_html("map-places.html", places=_places_table(ctx, events_at, drawn), area=area_label(extent, ctx),
                            outside=outside, whole=whole, timeline=ctx.link(TIMELINE), linked=linked)
    return f"{figure}\n\n## {ctx.ui('Places and their events')} {{#places}}\n\n{table}"


def _legend_sizes() -> dict:
    """Three sample markers side by side for the legend, with the width of their box."""
    circles, x = [], 1.0
    for count in (1, 5, 20):
        r = radius(count)
        circles.append({"cx": round(x + r, 1), "r": r})
        x += 2 * r + 4
    return {"circles": circles, "width": round(x, 1), "height": round(2 * radius(20) + 2, 1)}


# ---- Locator maps --------------------------------------------------------------------------------------------
def locator_extent(places: list[dict]) -> geo.Extent:
    """Mali's box, grown to hold the places with a 1.5-degree margin, kept inside the main map's extent."""
    e, main = LOCATOR_EXTENT, geo.EXTENT
    west = min([e.west] + [p["lon"] - 1.5 for p in places])
    east = max([e.east] + [p["lon"] + 1.5 for p in places])
    south = min([e.south] + [p["lat"] - 1.5 for p in places])
    north = max([e.north] + [p["lat"] + 1.5 for p in places])
    return geo.Extent(max(west, main.west), min(east, main.east), max(south, main.south), min(north, main.north))


def _join(items: list[str], ctx) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) == 1:
        return items[0]
    return ctx.ui("{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])


# How far and which way a place is from the capital, for each compass direction (maps.direction), in English:
# each is a whole phrase, since languages put the direction in different places ('à l'est de', 'au nord de').
DIRECTIONS = {
    "north": "about {km} km north of {capital}", "north-east": "about {km} km north-east of {capital}",
    "east": "about {km} km east of {capital}", "south-east": "about {km} km south-east of {capital}",
    "south": "about {km} km south of {capital}", "south-west": "about {km} km south-west of {capital}",
    "west": "about {km} km west of {capital}", "north-west": "about {km} km north-west of {capital}",
}


def describe_places(places: list[dict], capital: dict | None, ctx) -> str:
    """One line of text saying where each place is, e.g. 'Gao (Gao Region, Mali), about 960 km east of Bamako'."""
    parts = []
    for place in places:
        country = country_name(place["country"], ctx)
        where = ", ".join(x for x in (place.get("region"), "" if place.get("region") and place["country"] == "ML" else country) if x)
        text = f"{place['name']} ({where})" if where and place["kind"] != "country" else place["name"]
        if capital and place["id"] != capital["id"] and place["kind"] != "country":
            km = round(distance_km(capital, place), -1)
            text += ", " + (ctx.ui(DIRECTIONS[direction(capital, place)]).format(km=ctx.number(int(km)), capital=capital["name"])
                            if km >= 20 else ctx.ui("next to {capital}").format(capital=capital["name"]))
        parts.append(text)
    return _join(parts, ctx)


def render_locator(args: dict[str, str], ctx) -> str:
    ids = [i for i in args.get("places", "").split(",") if i]
    places = [ctx.dataset.get("places", i) for i in ids]
    shown = [p for p in places if geo.EXTENT.contains(p["lat"], p["lon"])]
    projection = geo.Projection(locator_extent(shown), LOCATOR_WIDTH)
    width, height = LOCATOR_WIDTH, round(projection.height, 1)
    markers = []
    for place in shown:
        x, y = projection(place["lon"], place["lat"])
        markers.append({"id": place["id"], "name": place["name"], "label": place["name"].split(" (")[0], "x": round(x, 1),
                        "y": round(y, 1), "r": 4.0})
    place_labels(markers, width, height, 13, [])
    capital = ctx.dataset.get("places", "bamako")
    mali_x, mali_y = projection(-2.5, 21.5)
    return ctx.render_html(
        "locator.html", uid=ctx.next_id("locator"), width=width, height=height,
        countries=_countries(ctx, projection, 0.4), markers=markers, names=_join([p["name"] for p in places], ctx),
        text=describe_places(places, capital, ctx), mali=(round(mali_x, 1), round(mali_y, 1)),
        missing=[p["name"] for p in places if p not in shown],
        map_url=ctx.link("map.md", "") if "map.md" in ctx.pages else "")
