"""The map shortcodes: `md:map` (the crisis map with its text table) and `md:locator places=a,b` (a small map).

Geometry comes from sitedata/geo.py; this module decides what to draw and where labels go, and renders
overrides/partials/map.html and overrides/partials/locator.html.
"""

from __future__ import annotations

import math

from .. import geo
from ..render import date_label

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
    ("NIGERIA", 8.6, 10.2), ("CHAD", 15.6, 16.4), ("LIBYA", 13.6, 27.4), ("MOROCCO", -6.6, 32.2),
    ("WESTERN SAHARA", -12.8, 25.0), ("TUNISIA", 9.4, 34.6), ("GHANA", -1.3, 8.4), ("BENIN", 2.3, 9.7),
]
# The area held by armed groups from April 2012 to January 2013: Mali north of this line, i.e. the regions of
# Timbuktu, Gao and Kidal as they were in 2012 (approximate: their southern limits, simplified). West to east.
OCCUPIED_LINE = [(-13.0, 15.5), (-5.4, 15.5), (-4.3, 15.6), (-2.0, 15.4), (-1.0, 15.1), (0.3, 14.95), (5.0, 14.95)]
OCCUPATION = {
    "from": "April 2012", "to": "January 2013",
    "sources": ["unesco-whc-2012-soc-timbuktu", "dw-2012-04-01-rebels-enter-timbuktu"],
    "taken": ["2012-03-30-fall-of-kidal", "2012-03-31-fall-of-gao", "2012-04-01-fall-of-timbuktu"],
    "retaken": ["2013-01-26-gao-retaken", "2013-01-28-timbuktu-retaken", "2013-01-29-kidal-airport"],
}
KIND_ORDER = {"capital": 0, "city": 1, "town": 2, "site": 3, "village": 4, "region": 5, "country": 6}
FONT = 12          # label size in the main map's units (it scales with the map)


# ---- Shared helpers ------------------------------------------------------------------------------------------
def _next_id(ctx, prefix: str) -> str:
    """An id prefix unique on the page, so two maps on one page do not share pattern or clip ids."""
    count = getattr(ctx, "_map_count", 0) + 1
    ctx._map_count = count
    return f"{prefix}{count}"


def _countries(projection: geo.Projection, tolerance: float) -> list[dict]:
    """Paths of every country that shows inside the projection's box; Mali last, so its border is on top."""
    out = []
    for name, polys in geo.load_countries().items():
        if not polys:
            continue
        west, south, east, north = geo.bbox(polys)
        ext = projection.extent
        if east < ext.west or west > ext.east or north < ext.south or south > ext.north:
            continue
        d = geo.path_data(polys, projection, tolerance)
        if d:
            out.append({"name": name, "d": d, "mali": name == MALI})
    return sorted(out, key=lambda c: (c["mali"], c["name"]))


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


def place_labels(markers: list[dict], width: float, height: float, size: float, taken: list) -> None:
    """Give each marker a label position that overlaps no other label or marker, trying eight spots in turn;
    markers are taken in order (most important first) and those with no free spot stay unlabelled."""
    circles = [(m["x"] - m["r"], m["y"] - m["r"], m["x"] + m["r"], m["y"] + m["r"]) for m in markers]
    for marker in markers:
        x, y, r, text = marker["x"], marker["y"], marker["r"], marker["label"]
        gap = r + 2
        spots = [(x + gap, y + size * 0.35, "start"), (x - gap, y + size * 0.35, "end"),
                 (x, y - gap - 1, "middle"), (x, y + gap + size * 0.8, "middle"),
                 (x + gap * 0.7, y - gap * 0.7, "start"), (x - gap * 0.7, y - gap * 0.7, "end"),
                 (x + gap * 0.7, y + gap * 0.7 + size * 0.6, "start"), (x - gap * 0.7, y + gap * 0.7 + size * 0.6, "end")]
        own = (x - r, y - r, x + r, y + r)
        for lx, ly, anchor in spots:
            box = _box(lx, ly, text, size, anchor)
            if box[0] < 1 or box[1] < 1 or box[2] > width - 1 or box[3] > height - 1:
                continue
            if any(_overlaps(box, t) for t in taken) or any(_overlaps(box, c) for c in circles if c != own):
                continue
            marker.update(lx=round(lx, 1), ly=round(ly, 1), anchor=anchor)
            taken.append(box)
            break


# ---- The main map --------------------------------------------------------------------------------------------
def _event_link(event: dict, ctx) -> str:
    """Timeline anchor for a crisis event; a background (context) event links to the page that lists it."""
    if not event.get("context"):
        return ctx.event_link(event["id"])
    page = "explainer/roots.md" if event["date"] < "2012" else "explainer/after-2015.md"
    return ctx.link(page if page in ctx.pages else "timeline.md", "")


def _places_table(ctx, events_at: dict[str, list[dict]], drawn: set[str]) -> list[dict]:
    rows = []
    for place in ctx.dataset.items("places"):
        country = COUNTRY_NAMES.get(place["country"], place["country"])
        events = [{"label": date_label(e["date"]), "date": e["date"], "title": e["title"],
                   "url": _event_link(e, ctx), "context": bool(e.get("context"))} for e in events_at.get(place["id"], [])]
        rows.append({"id": place["id"], "name": place["name"], "kind": place["kind"], "country": country,
                     "region": place.get("region", ""), "coords": coordinates_label(place["lat"], place["lon"]),
                     "lat": place["lat"], "lon": place["lon"], "on_map": place["id"] in drawn, "events": events})
    return sorted(rows, key=lambda r: (r["country"] != "Mali", r["country"], r["name"].lower()))


def radius(count: int) -> float:
    """Marker radius: the area grows with the number of events."""
    return round(3.5 + 1.9 * math.sqrt(count), 1) if count else 3.0


def render_map(args: dict[str, str], ctx) -> str:
    projection = geo.Projection(geo.EXTENT, MAP_WIDTH)
    width, height = MAP_WIDTH, round(projection.height, 1)
    events_at: dict[str, list[dict]] = {}
    for event in ctx.dataset.events:
        events_at.setdefault(event["place"], []).append(event)
    markers, outside = [], []
    for place in ctx.dataset.items("places"):
        count = len(events_at.get(place["id"], []))
        if place["kind"] == "country":
            continue                      # events about a whole country have no single point: table only
        if not geo.EXTENT.contains(place["lat"], place["lon"]):
            outside.append(place)
            continue
        x, y = projection(place["lon"], place["lat"])
        label = place["name"] + (f" ({count})" if count else "")
        markers.append({"id": place["id"], "name": place["name"], "x": round(x, 1), "y": round(y, 1),
                        "r": radius(count), "count": count, "kind": place["kind"], "label": label,
                        "region": place["kind"] == "region"})
    markers.sort(key=lambda m: (-m["count"], KIND_ORDER.get(m["kind"], 9), m["name"]))
    labels = []
    for text, lon, lat in COUNTRY_LABELS:
        x, y = projection(lon, lat)
        labels.append({"text": text, "x": round(x, 1), "y": round(y, 1)})
    taken = [_box(lab["x"], lab["y"], lab["text"], 11, "middle") for lab in labels]
    place_labels(markers, width, height, FONT, taken)
    drawn = {m["id"] for m in markers}
    ctx.cite(OCCUPATION["sources"])
    known = ctx.dataset.by_id["events"]
    occupation = dict(OCCUPATION, taken=[{"id": e, "url": ctx.event_link(e), "title": known[e]["title"]}
                                         for e in OCCUPATION["taken"] if e in known],
                      retaken=[{"id": e, "url": ctx.event_link(e), "title": known[e]["title"]}
                               for e in OCCUPATION["retaken"] if e in known])
    counts = [m["count"] for m in markers]
    whole = [p for p in ctx.dataset.items("places") if p["kind"] == "country" and p["id"] in events_at]
    return ctx.render(
        "partials/map.html", uid=_next_id(ctx, "map"), width=width, height=height,
        countries=_countries(projection, 0.5), zone=_occupied_zone(projection), markers=markers, labels=labels,
        occupation=occupation, places=_places_table(ctx, events_at, drawn), atlas=geo.ATLAS_NAME,
        extent=geo.EXTENT, outside=sorted(p["name"] for p in outside), whole=whole, events_at=events_at,
        total=sum(counts), legend_sizes=[(n, radius(n)) for n in (1, 5, 20)],
        citations=" ".join(f"[@{s}]" for s in OCCUPATION["sources"]))


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
        where = ", ".join(x for x in (place.get("region"), COUNTRY_NAMES.get(place["country"], place["country"])) if x)
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
        markers.append({"id": place["id"], "name": place["name"], "label": place["name"], "x": round(x, 1),
                        "y": round(y, 1), "r": 4.0})
    place_labels(markers, width, height, 13, [])
    capital = ctx.dataset.get("places", "bamako")
    mali_x, mali_y = projection(-2.5, 21.5)
    return ctx.render(
        "partials/locator.html", uid=_next_id(ctx, "locator"), width=width, height=height,
        countries=_countries(projection, 0.4), markers=markers, names=_join([p["name"] for p in places]),
        text=describe_places(places, capital), mali=(round(mali_x, 1), round(mali_y, 1)),
        missing=[p["name"] for p in places if p not in shown],
        map_url=ctx.link("map.md", "") if "map.md" in ctx.pages else "")
