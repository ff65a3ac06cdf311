"""The real site builds strictly, its data validates, and the open data matches the source files."""

import csv
import html
import json
import subprocess
import sys

from support import ROOT, build, copy_project, data, timeline_url


def test_strict_build_passes(site):
    assert (site / "index.html").is_file()
    assert (site / "timeline" / "index.html").is_file()


def test_every_data_file_validates():
    result = subprocess.run([sys.executable, "scripts/validate.py"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data and pages are valid")


def test_open_data_matches_the_yaml(site):
    for kind in ("sources", "events", "actors", "places", "glossary", "experts"):
        expected = len(data(kind))
        items = json.loads((site / "data" / f"{kind}.json").read_text(encoding="utf-8"))
        rows = list(csv.DictReader((site / "data" / f"{kind}.csv").open(encoding="utf-8")))
        assert len(items) == len(rows) == expected, kind
        assert {i["id"] for i in items} == {r["id"] for r in rows}
    schema = json.loads((site / "data" / "schema" / "events.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Timeline events"


def test_events_csv_flattens_lists(site):
    rows = list(csv.DictReader((site / "data" / "events.csv").open(encoding="utf-8")))
    events = {e["id"]: e for e in json.loads((site / "data" / "events.json").read_text(encoding="utf-8"))}
    row = next(r for r in rows if len(events[r["id"]]["sources"]) > 1)
    assert row["sources"] == "; ".join(events[row["id"]]["sources"])


def test_source_yaml_is_not_published(site):
    assert not list(site.rglob("*.yml"))


def test_search_index_is_the_one_material_builds_from_the_pages_themselves(site, tmp_path):
    """hooks/search_view.py hands Material's search plugin a lighter copy of each page. The index must be exactly
    the one the plugin builds without it (this fails, for one, if an upgrade of Material reads more of the HTML)."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines(keepends=True) if "hooks/search_view.py" in line)
    config.write_text(text.replace(line, ""), encoding="utf-8")
    result = build(project, tmp_path / "site", {"NODE_PATH": str(ROOT / "node_modules")})   # the map's borders
    assert result.returncode == 0, result.stdout[-3000:]
    without = (tmp_path / "site" / "search" / "search_index.json").read_bytes()
    assert without == (site / "search" / "search_index.json").read_bytes()


def test_search_finds_each_event_once_in_full_and_sources_in_the_registry(site):
    """Timeline slices on other pages, the overview's brief lists and each page's "Sources cited" list are left
    out of the search index (data-search-exclude): an event's summary is found once, on its timeline page (in the
    section of its month or year) and in no explainer page's slice, and a source in the registry."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for event in data("events"):
        summary = html.escape(event["summary"][:60], quote=False)
        found = [d["location"] for d in docs if summary in d["text"]]
        on_timeline = [f for f in found if f.startswith("timeline/")]
        assert len(on_timeline) == 1 and on_timeline[0].startswith(timeline_url(event) + "#"), (event["id"], found)
        assert not [f for f in found if f.startswith("explainer/")], (event["id"], found)   # slices left out
    source = next(s for s in data("sources") if s["id"] == "unsc-res-2085")
    found = {d["location"].split("#")[0] for d in docs if source["title"] in d["text"]}
    assert "sources/" in found and not any(loc.startswith("explainer/") for loc in found), found
