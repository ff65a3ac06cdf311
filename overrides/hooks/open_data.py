"""Hook: publish the data as JSON and CSV under /data/ (beside the JSON Schemas), as generated site files."""

import csv
import io
import json
from pathlib import Path

from mkdocs.structure.files import File
from sitedata import state
from sitedata.loader import KINDS


def flatten(value) -> str:
    """One CSV cell: lists joined with '; ', mappings as compact JSON."""
    if isinstance(value, list):
        return "; ".join(flatten(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def to_csv(items: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for item in items:
        writer.writerow([flatten(item.get(c)) for c in columns])
    return out.getvalue()


def on_files(files, config):
    schema_dir = Path(config.docs_dir) / "data" / "schema"
    for kind in KINDS:
        items = state.dataset.events if kind == "events" else sorted(state.dataset.items(kind), key=lambda i: i["id"])
        schema = json.loads((schema_dir / f"{kind}.schema.json").read_text(encoding="utf-8"))
        columns = list(schema["items"]["properties"])
        files.append(File.generated(config, f"data/{kind}.json", content=json.dumps(items, ensure_ascii=False, indent=1) + "\n"))
        files.append(File.generated(config, f"data/{kind}.csv", content=to_csv(items, columns)))
    return files
