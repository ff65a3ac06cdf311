"""The map shortcodes: `md:map` (the crisis map with its text table) and `md:locator places=a,b` (a small map).

Geometry comes from sitedata/geo.py; this module decides what to draw and where labels go, and renders
templates/markdown/map.html and templates/locator.html.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from ... import geo
from ..context import TIMELINE
from ..text import date_label

MAP_WIDTH, LOCATOR_WIDTH = 800, 300
MALI = "Mali"
# Mali's bounding box with a margin: the smallest locator map.
LOCATOR_EXTENT = geo.Extent(west=-13.0, east=5.5, south=9.5, north=25.8)

COUNTRY_NAMES = {
    "ML": "Mali", "NE": "Niger", "BF": "Burkina Faso", "MR": "Mauritania", "DZ": "Algeria", "TD": "Chad",
    "CI": "Côte d'Ivoire", "LY": "Libya", "ET": "Ethiopia", "SN": "Senegal", "US": "United States",
    "NL": "Netherlands", "FR": "France", "BE": "Belgium", "LU": "Luxembourg", "GN": "Guinea", "NG": "Nigeria",
    "MA": "Morocco", "TN": "Tunisia", "GH": "Ghana",
}
# Country names on the main map: (text, lon, lat), placed by hand in empty parts of each country.
COUNTRY_LABELS = [
    ("MALI", -7.4, 13.6), ("MAURITANIA", -11.2, 20.8), ("ALGERIA", 1.8, 29.6), ("NIGER", 11.2, 19.6),
    ("BURKINA FASO", -1.6, 10.9), ("SENEGAL", -14.6, 13.3), ("GUINEA", -11.2, 10.4), ("CÔTE D'IVOIRE", -5.6, 8.7),
    ("NIGERIA", 8.6, 10.2), ("CHAD", 15.6, 16.4), ("LIBYA", 13.6, 27.4), ("MOROCCO", -6.4, 30.3),
    ("WESTERN SAHARA", -12.8, 25.0), ("TUNISIA", 9.4, 34.6), ("GHANA", -1.3, 8.4), ("BENIN", 2.3, 9.7),
]
# The area held by armed groups from April 2012 to January 2013: Mali north of this line, i.e. the regions of
# Timbuktu, Gao and Kidal as they were in 2012 (approximate: their southern limits, simplified). West to east.
OCCUPIED_LINE = [(-13.0, 15.5), (-5.4, 15.5), (-4.3, 15.6), (-2.0, 15.4), (-1.0, 15.1), (0.3, 14.95), (5.0, 14.95)]
OCCUPATION = {
    "from": "April 2012", "to": "January 2013",
    "sources": ["unesco-whc-2012-soc-timbuktu", "dw-2012-04-01-rebels-enter-timbuktu"],
    "taken": [("2012-03-30-fall-of-kidal", "Kidal"), ("2012-03-31-fall-of-gao", "Gao"),
              ("2012-04-01-fall-of-timbuktu", "Timbuktu")],
    "retaken": [("2013-01-26-gao-retaken", "Gao"), ("2013-01-28-timbuktu-retaken", "Timbuktu"),
                ("2013-01-29-kidal-airport", "Kidal")],
}
# Central Mali, where many places are close together, drawn again at a larger scale in the map's top-left corner.
INSET = {"extent": geo.Extent(west=-6.3, east=-2.6, south=14.25, north=15.95), "x": 8, "y": 8, "width": 330,
         "title": "Central Mali (enlarged)"}
KIND_ORDER = {"capital": 0, "city": 1, "town": 2, "site": 3, "village": 4, "region": 5, "country": 6}
FONT = 13          # label size in the main map's units (it scales with the map)


# ---- Shared helpers ------------------------------------------------------------------------------------------
def _countries(ctx, projection: geo.Projection, tolerance: float, margin: float = 2.0) -> list[dict]:
    """Paths of every country that shows inside the projection's box; Mali last, so its border is on top."""
    return [dict(c) for c in _country_paths(ctx.project.docs_dir / geo.OUTLINES, projection, tolerance, margin)]


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


def _occupied_zone(projection: geo.Projection) -> str:
    """Path data for the part of the box north of OCCUPIED_LINE (clipped to Mali in the partial)."""
    north = projection.extent.north + 1
    points = [projection(lon, lat) for lon, lat in OCCUPIED_LINE]
    points += [projection(OCCUPIED_LINE[-1][0], north), projection(OCCUPIED_LINE[0][0], north)]
    return "M" + "L".join(f"{geo.fmt(x)} {geo.fmt(y)}" for x, y in points) + "Z"


def coordinates_label(lat: float, lon: float) -> str:
    return f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.2f}° {'E' if lon >= 0 else 'W'}"


def distance_km(a: dict, b: dict) -> float:
    """Great-circle distance between two places, in km."""
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def direction(a: dict, b: dict) -> str:
    """Compass direction (8 points) from place a to place b."""
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
def _places_table(ctx, events_at: dict[str, list[dict]], drawn: set[str]) -> list[dict]:
    rows = []
    for place in ctx.dataset.items("places"):
        country = COUNTRY_NAMES.get(place["country"], place["country"])
        events = [{"label": date_label(e["date"]), "date": e["date"], "title": e["title"],
                   "url": ctx.event_link(e["id"]), "context": bool(e.get("context"))} for e in events_at.get(place["id"], [])]
        rows.append({"id": place["id"], "name": place["name"], "kind": place["kind"], "country": country,
                     "region": place.get("region", ""), "coords": coordinates_label(place["lat"], place["lon"]),
                     "lat": place["lat"], "lon": place["lon"], "on_map": place["id"] in drawn, "events": events})
    return sorted(rows, key=lambda r: (r["country"] != "Mali", r["country"], r["name"].lower()))


def radius(count: int) -> float:
    """Marker radius: the area grows with the number of events."""
    return round(3.5 + 1.9 * math.sqrt(count), 1) if count else 3.0


def _markers(places: list[dict], events_at: dict, projection: geo.Projection) -> list[dict]:
    """Markers for the places inside the projection's extent, most important first. Whole countries, regions
    without events, and places without events hidden under a busier marker are left to the table."""
    markers = []
    for place in places:
        count = len(events_at.get(place["id"], []))
        if place["kind"] == "country" or (place["kind"] == "region" and not count):
            continue
        if not projection.extent.contains(place["lat"], place["lon"]):
            continue
        x, y = projection(place["lon"], place["lat"])
        markers.append({"id": place["id"], "name": place["name"], "x": round(x, 1), "y": round(y, 1),
                        "r": radius(count), "count": count, "kind": place["kind"],
                        "label": place["name"] + (f" ({count})" if count else ""), "region": place["kind"] == "region"})
    markers.sort(key=lambda m: (-m["count"], KIND_ORDER.get(m["kind"], 9), m["name"]))
    busy = [m for m in markers if m["count"]]
    return [m for m in markers if m["count"] or
            not any(math.hypot(m["x"] - b["x"], m["y"] - b["y"]) < m["r"] + b["r"] for b in busy)]


def _inset(ctx, places, events_at, main: geo.Projection) -> dict:
    """The central Mali inset: its own projection, drawn in a panel at INSET's position on the main map."""
    projection = geo.Projection(INSET["extent"], INSET["width"])
    width, height = INSET["width"], round(projection.height, 1)
    markers = _markers(places, events_at, projection)
    title = (6, 16, INSET["title"])
    place_labels(markers, width, height, FONT - 1, [_box(title[0], title[1], title[2], 12, "start")], reaches=(0, 10))
    (x0, y0), (x1, y1) = main(INSET["extent"].west, INSET["extent"].north), main(INSET["extent"].east, INSET["extent"].south)
    return {"x": INSET["x"], "y": INSET["y"], "width": width, "height": height, "markers": markers, "title": title,
            "countries": _countries(ctx, projection, 0.5, margin=0), "zone": _occupied_zone(projection),
            "frame": [round(v, 1) for v in (x0, y0, x1 - x0, y1 - y0)]}


def render_map(args: dict[str, str], ctx) -> str:
    projection = geo.Projection(geo.EXTENT, MAP_WIDTH)
    width, height = MAP_WIDTH, round(projection.height, 1)
    events_at: dict[str, list[dict]] = {}
    for event in ctx.dataset.events:
        events_at.setdefault(event["place"], []).append(event)
    places = ctx.dataset.items("places")
    markers = _markers(places, events_at, projection)
    inset = _inset(ctx, places, events_at, projection)
    in_inset = {m["id"] for m in inset["markers"]}
    labels = []
    for text, lon, lat in COUNTRY_LABELS:
        x, y = projection(lon, lat)
        labels.append({"text": text, "x": round(x, 1), "y": round(y, 1)})
    taken = [_box(lab["x"], lab["y"], lab["text"], 11, "middle") for lab in labels]
    taken += [(inset["x"], inset["y"], inset["x"] + inset["width"], inset["y"] + inset["height"]), inset["frame"][:2] +
              [inset["frame"][0] + inset["frame"][2], inset["frame"][1] + inset["frame"][3]]]
    place_labels([m for m in markers if m["id"] not in in_inset], width, height, FONT, taken)
    drawn = {m["id"] for m in markers} | in_inset
    outside = sorted(p["name"] for p in places if p["kind"] != "country" and not geo.EXTENT.contains(p["lat"], p["lon"]))
    known = ctx.dataset.by_id["events"]
    occupation = dict(OCCUPATION, **{key: [{"url": ctx.event_link(e), "town": town} for e, town in OCCUPATION[key]
                                           if e in known] for key in ("taken", "retaken")})
    whole = [p for p in places if p["kind"] == "country" and p["id"] in events_at]
    figure = ctx.render_html(
        "map.html", uid=ctx.next_id("map"), width=width, height=height,
        countries=_countries(ctx, projection, 0.8), zone=_occupied_zone(projection), markers=markers, labels=labels,
        inset=inset, occupation=occupation, atlas=geo.ATLAS_NAME, events_at=events_at,
        total=sum(m["count"] for m in markers), legend=_legend_sizes(), citation=ctx.cite(OCCUPATION["sources"]))
    table = ctx.render_html("map-places.html", places=_places_table(ctx, events_at, drawn), extent=geo.EXTENT,
                            outside=outside, whole=whole, timeline=ctx.link(TIMELINE))
    return f"{figure}\n\n## Places and their events {{#places}}\n\n{table}"


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


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def describe_places(places: list[dict], capital: dict | None) -> str:
    """One line of text saying where each place is, e.g. 'Gao (Gao Region, Mali), about 960 km east of Bamako'."""
    parts = []
    for place in places:
        country = COUNTRY_NAMES.get(place["country"], place["country"])
        where = ", ".join(x for x in (place.get("region"), "" if place.get("region") and country == "Mali" else country) if x)
        text = f"{place['name']} ({where})" if where and place["kind"] != "country" else place["name"]
        if capital and place["id"] != capital["id"] and place["kind"] != "country":
            km = round(distance_km(capital, place), -1)
            text += f", about {int(km):,} km {direction(capital, place)} of {capital['name']}" if km >= 20 else \
                f", next to {capital['name']}"
        parts.append(text)
    return _join(parts)


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
        countries=_countries(ctx, projection, 0.4), markers=markers, names=_join([p["name"] for p in places]),
        text=describe_places(places, capital), mali=(round(mali_x, 1), round(mali_y, 1)),
        missing=[p["name"] for p in places if p not in shown],
        map_url=ctx.link("map.md", "") if "map.md" in ctx.pages else "")
