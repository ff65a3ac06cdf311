"""The real site builds strictly, its data validates, and the open data matches the source files."""

import csv
import html
import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

from sitebuild.vocab import kinds
from support import ROOT, data, pages, timeline_url


def test_strict_build_passes(site):
    assert (site / "index.html").is_file()
    assert (site / "timeline" / "index.html").is_file()


def test_every_data_file_validates():
    result = subprocess.run([sys.executable, "scripts/validate.py"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("[en] data and pages are valid") and "[fr] data and pages are valid" in result.stdout


def test_open_data_matches_the_yaml(site):
    for kind in kinds(ROOT / "docs" / "data" / "schema"):
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


def visible_text(page: Path) -> list[str]:
    """The words a reader sees in a page's content: the article, without tags, scripts or styles."""
    html = page.read_text(encoding="utf-8")
    html = html.split('<article class="md-content__inner md-typeset">', 1)[-1].split("</article>", 1)[0]
    html = re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", " ", html, flags=re.S)
    return unescape(html).split()


def test_zensical_builds_the_same_site(site, tmp_path):
    """`./scripts/site.sh build --engine zensical` (sitebuild/zensical.py) makes the same pages as the MkDocs build,
    with every shortcode, citation and figure expanded, the same visible text on the key pages, and the CSP."""
    out = tmp_path / "zensical-site"
    result = subprocess.run([sys.executable, "-m", "sitebuild", "build", "--engine", "zensical", "--site-dir",
                             str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert sorted(p.relative_to(out) for p in pages(out)) == sorted(p.relative_to(site) for p in pages(site))
    for page in pages(out):
        html = page.read_text(encoding="utf-8")
        assert "<!-- md:" not in html and "[@" not in html and 'href="site:' not in html, page
        assert '<meta http-equiv="Content-Security-Policy"' in html, page
    for key in ("index.html", "explainer/2012/index.html", "timeline/index.html", "timeline/2013/index.html",
                "map/index.html", "actors/mnla/index.html", "sources/index.html", "glossary/index.html"):
        assert visible_text(out / key) == visible_text(site / key), key


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
