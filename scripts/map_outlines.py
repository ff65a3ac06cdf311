#!/usr/bin/env python3
"""Derive the map's country outlines once from Natural Earth, so the build needs no Node.

Reads npm world-atlas's countries-50m.json (Natural Earth 1:50m Admin 0 boundaries, public domain; installed by
`./scripts/site.sh setup`) and writes docs/data/map/countries.json: the countries that show on the site's maps,
clipped to the main map's extent plus a margin, in degrees rounded to 0.001 (about 100 m). Run it again only if
the atlas or the map's extent changes:

    .venv/bin/python scripts/map_outlines.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitebuild import geo  # noqa: E402  (the map's extent and clipping, as the build uses them)

ATLAS = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"
OUT = ROOT / "docs" / geo.OUTLINES
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
