"""Load and check everything a build reads: the data files and the Markdown pages. One call, all problems."""

from __future__ import annotations

from pathlib import Path

from . import checks, loader, markdown_lint, schema, shortcodes
from .context import TIMELINE, timeline_page
from .dataset import Dataset
from .problems import Problem


def load_data(docs_dir: Path, root: Path) -> tuple[Dataset, list[Problem]]:
    data_dir = docs_dir / "data"
    raw_files, problems = loader.read_all(data_dir, root)
    entries = []
    for raw in raw_files:
        found, errors = schema.validate(raw, data_dir / "schema")
        entries += found
        problems += errors
    problems += checks.check_all(entries)
    problems += checks.check_map_extent(entries)
    grouped = {kind: [e for e in entries if e.kind == kind and isinstance(e.data, dict) and e.id] for kind in loader.KINDS}
    return Dataset(grouped), problems


def check_pages(docs_dir: Path, root: Path, dataset: Dataset, pages: dict[str, str] | None = None) -> list[Problem]:
    """Lint every Markdown page; `pages` maps docs-relative path -> text (default: read docs_dir)."""
    if pages is None:
        pages = {p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs_dir.rglob("*.md"))}
    ids = {kind: set(index) for kind, index in dataset.by_id.items()}
    prefix = docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else str(docs_dir)
    problems = []
    for path, text in pages.items():
        problems += markdown_lint.lint(f"{prefix}/{path}", text, ids)
    for entry in dataset.entries["glossary"]:
        for index, target in enumerate(entry.data.get("see", [])):
            if target.split("#")[0] not in pages:
                problems.append(entry.problem(f"see[{index}]", f"no page '{target.split('#')[0]}' under docs/"))
    return problems + check_timeline_pages(dataset, pages)


def check_timeline_pages(dataset: Dataset, pages: dict[str, str]) -> list[Problem]:
    """Each event's full entry is on the timeline page of its year (context.timeline_page): when the site has the
    timeline, that page must exist and show its events with the shortcode."""
    if TIMELINE not in pages:
        return []
    problems = []
    for entry in dataset.entries["events"]:
        if not isinstance(entry.data.get("date"), str):
            continue                      # reported by the schema check
        page = timeline_page(entry.data)
        if page not in pages:
            problems.append(entry.problem("date", f"this event belongs on the timeline page docs/{page}, which does "
                                                  "not exist: create it with <!-- md:timeline full=true -->"))
        elif not any(c.name == "timeline" and c.args.get("full") == "true" for c in shortcodes.find(pages[page])):
            problems.append(entry.problem("date", f"this event belongs on the timeline page docs/{page}, which has no "
                                                  "<!-- md:timeline full=true --> to show it"))
    return problems


def load(docs_dir: Path, root: Path) -> tuple[Dataset, list[Problem]]:
    dataset, problems = load_data(docs_dir, root)
    return dataset, problems + check_pages(docs_dir, root, dataset)
