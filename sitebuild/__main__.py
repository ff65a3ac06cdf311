"""Command line: `python -m sitebuild validate` (step 1 of the pipeline alone: data and pages, in a second) and
`python -m sitebuild build [--engine mkdocs|zensical] [--site-dir DIR]` (the whole pipeline with either builder).
Run from the project's root; scripts/site.sh sets everything up first."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from . import pipeline
from .data.problems import InputError


def validate(root: Path) -> int:
    """Step 1 for each language: the English first (its problems are every language's), then the translations."""
    for lang in pipeline.LANGUAGES:
        try:
            project = pipeline.load(root, lang)
        except InputError as err:
            print(f"[{lang}] {err}", file=sys.stderr)
            return 1
        counts = ", ".join(f"{len(project.dataset.by_id[k])} {k}" for k in project.kinds)
        print(f"[{lang}] data and pages are valid: {counts}, {len(project.pages)} pages")
    return 0


def build(root: Path, engine: str, site_dir: Path) -> int:
    if engine == "zensical":
        from . import zensical
        try:
            zensical.build(root, site_dir)
        except InputError as err:
            print(err, file=sys.stderr)
            return 1
        return 0
    mkdocs = Path(sys.executable).with_name("mkdocs")
    return subprocess.run([str(mkdocs), "build", "--strict", "--site-dir", str(site_dir)], cwd=root,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check the data and pages only")
    b = sub.add_parser("build", help="build the site")
    b.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs")
    b.add_argument("--site-dir", default="site")
    args = parser.parse_args(argv)
    root = Path.cwd()
    if args.command == "validate":
        return validate(root)
    return build(root, args.engine, (root / args.site_dir).resolve())


if __name__ == "__main__":
    sys.exit(main())
