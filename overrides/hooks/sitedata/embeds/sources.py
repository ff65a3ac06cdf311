"""The sources registry, primary documents, experts, further reading and the open-data field reference."""

from __future__ import annotations

import json
from pathlib import Path

from ..loader import KINDS
from ..render import date_label

TYPES = {
    "un-resolution": "UN Security Council resolution", "un-report": "UN report",
    "agreement": "Agreement", "communique": "Communiqué", "statement": "Statement",
    "government-statement": "Government statement", "hearing": "Hearing", "report": "Report",
    "news-article": "News article", "analysis": "Analysis", "book": "Book", "dataset": "Dataset",
    "reference": "Reference work",
}
LANGUAGES = {"en": "English", "fr": "French", "ar": "Arabic", "de": "German", "es": "Spanish"}


def view(source: dict, ctx) -> dict:
    return {**source, "type_label": TYPES[source["type"]], "date_label": date_label(source["date"]),
            "year": source["date"][:4], "archive": ctx.dataset.archive_url(source),
            "language_label": LANGUAGES.get(source["language"], source["language"]),
            "by": source["author"] + (f", {source['publisher']}" if source.get("publisher") else "")}


def _sorted(items):
    return sorted(items, key=lambda s: (s["date"], s["title"].lower()))


def render_registry(args: dict[str, str], ctx) -> str:
    sources = [view(s, ctx) for s in _sorted(ctx.dataset.items("sources"))]
    if args.get("primary"):
        sources = [s for s in sources if s["primary"] == (args["primary"] == "true")]
    return ctx.render_html("partials/sources-registry.html", sources=sources)


def render_primary(args: dict[str, str], ctx) -> str:
    docs = [view(s, ctx) for s in _sorted(ctx.dataset.items("sources")) if s["primary"]]
    types = {t: TYPES[t] for t in TYPES if any(d["type"] == t for d in docs)}
    years = sorted({d["year"] for d in docs})
    return ctx.render_html("partials/primary-documents.html", docs=docs, types=types, years=years)


def render_experts(args: dict[str, str], ctx) -> str:
    experts = sorted(ctx.dataset.items("experts"), key=lambda e: e["name"].split()[-1].lower())
    for expert in experts:
        ctx.cite(expert["sources"])
    rows = [{**e, "works": [view(ctx.dataset.get("sources", w), ctx) for w in e.get("works", [])],
             "citation": "[" + "; ".join(f"@{s}" for s in e["sources"]) + "]"} for e in experts]
    return ctx.render("partials/markdown/experts.html", experts=rows)


def render_reading(args: dict[str, str], ctx) -> str:
    works = [view(s, ctx) for s in _sorted(ctx.dataset.items("sources")) if s.get("further_reading")]
    return ctx.render("partials/markdown/reading.html", works=works)


def render_data_fields(args: dict[str, str], ctx) -> str:
    """One table per kind, from the committed JSON Schemas, so the documentation cannot drift from the data."""
    schema_dir = Path(__file__).resolve().parents[4] / "docs" / "data" / "schema"
    kinds = []
    for kind in KINDS:
        schema = json.loads((schema_dir / f"{kind}.schema.json").read_text(encoding="utf-8"))
        item = schema["items"]
        fields = [{"name": name, "required": name in item.get("required", []),
                   "type": spec.get("type") or ("one of: " + ", ".join(map(str, spec["enum"])) if "enum" in spec else ""),
                   "description": spec.get("description", "")} for name, spec in item["properties"].items()]
        kinds.append({"kind": kind, "json": ctx.md(f"data/{kind}.json"), "csv": ctx.md(f"data/{kind}.csv"),
                      "schema": ctx.md(f"data/schema/{kind}.schema.json"), "title": schema["title"], "count": len(ctx.dataset.by_id[kind]), "fields": fields})
    return ctx.render("partials/markdown/data-fields.html", kinds=kinds)
