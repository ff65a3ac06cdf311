"""The data published as open data under /data/: every kind as JSON and as CSV (beside the JSON Schemas)."""

from __future__ import annotations

import csv
import io
import json

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")    # a spreadsheet reads a cell starting so as a formula


def flatten(value) -> str:
    """One CSV cell: lists joined with '; ', mappings as compact JSON."""
    if isinstance(value, list):
        return "; ".join(flatten(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def cell(value) -> str:
    """A cell that a spreadsheet shows as text: one that would start a formula gets a leading apostrophe."""
    text = flatten(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(items: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for item in items:
        writer.writerow([cell(item.get(c)) for c in columns])
    return out.getvalue()


def files(project) -> dict[str, str]:
    """data/<kind>.json and data/<kind>.csv for every kind; CSV columns in the order of the schema's fields."""
    out = {}
    for kind in project.kinds:
        written = {e.id: e.written if e.written is not None else e.data for e in project.dataset.entries[kind]}
        shown = project.dataset.events if kind == "events" else sorted(project.dataset.items(kind), key=lambda i: i["id"])
        items = [written[item["id"]] for item in shown]      # as written, in both languages (the schemas' form)
        columns = list(project.schemas[kind]["items"]["properties"])
        out[f"data/{kind}.json"] = json.dumps(items, ensure_ascii=False, indent=1) + "\n"
        out[f"data/{kind}.csv"] = to_csv(items, columns)
    return out
