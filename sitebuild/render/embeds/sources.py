"""The sources registry, primary documents, experts, further reading and the open-data field reference."""

from __future__ import annotations

from markupsafe import Markup

from ...i18n import sort_key
from ...vocab import LANGUAGES, read_schema


def view(source: dict, ctx) -> dict:
    return {**source, "type_label": ctx.vocab.source_types[source["type"]], "date_label": ctx.date(source["date"]),
            "type_lower": ctx.lowercase(ctx.vocab.source_types[source["type"]]),
            "year": source["date"][:4], "archive": ctx.dataset.archive_url(source),
            "language_label": ctx.ui(LANGUAGES[source["language"]]) if source["language"] in LANGUAGES
            else source["language"],
            "by": source["author"] + (f", {source['publisher']}" if source.get("publisher") else "")}


def _sorted(items):
    return sorted(items, key=lambda s: (s["date"], s["title"].lower()))


def render_registry(args: dict[str, str], ctx) -> str:
    sources = [view(s, ctx) for s in _sorted(ctx.dataset.items("sources"))]
    if args.get("primary"):
        sources = [s for s in sources if s["primary"] == (args["primary"] == "true")]
    return ctx.render_html("sources-registry.html", sources=sources)


def render_primary(args: dict[str, str], ctx) -> str:
    docs = [view(s, ctx) for s in _sorted(ctx.dataset.items("sources")) if s["primary"]]
    types = {t: label for t, label in ctx.vocab.source_types.items() if any(d["type"] == t for d in docs)}
    years = sorted({d["year"] for d in docs})
    return ctx.render_html("primary-documents.html", docs=docs, types=types, years=years)


def render_experts(args: dict[str, str], ctx) -> str:
    experts = sorted(ctx.dataset.items("experts"), key=lambda e: sort_key(e["name"].split()[-1]))
    rows = [{**e, "works": [view(ctx.dataset.get("sources", w), ctx) for w in e.get("works", [])],
             "citation": ctx.cite(e["sources"])} for e in experts]
    return ctx.render("markdown/experts.html", experts=rows)


def render_reading(args: dict[str, str], ctx) -> str:
    works = [view(s, ctx) for s in _sorted(ctx.dataset.items("sources")) if s.get("further_reading")]
    return ctx.render("markdown/reading.html", works=works)


def render_data_fields(args: dict[str, str], ctx) -> str:
    """One table per kind, from the committed JSON Schemas, so the documentation cannot drift from the data."""
    kinds = []
    for kind in ctx.project.kinds:
        schema = read_schema(ctx.project.schema_dir, kind)
        item = schema["items"]
        # Field descriptions are the schemas' own Markdown (code spans), reviewed with the code, not data; in English
        # in the schemas, in other languages in the interface text's catalogue (sitebuild/locale/).
        fields = [{"name": Markup(name), "required": name in item.get("required", []), "type": _type(spec, ctx),
                   "description": Markup(ctx.ui(spec["description"]).replace("|", "/") if spec.get("description") else "")}
                  for name, spec in item["properties"].items()]
        kinds.append({"kind": kind, "json": ctx.link(f"data/{kind}.json"), "csv": ctx.link(f"data/{kind}.csv"),
                      "schema": ctx.link(f"data/schema/{kind}.schema.json"), "title": ctx.ui(schema["title"]),
                      "count": len(ctx.dataset.by_id[kind]), "fields": fields})
    return ctx.render("markdown/data-fields.html", kinds=kinds)


def _type(spec: dict, ctx) -> str:
    if "type" in spec:
        return spec["type"]
    options = [str(o["const"]) for o in spec.get("oneOf", []) if "const" in o]
    return ctx.ui("one of: {values}").format(values=", ".join(options)) if options else ""
