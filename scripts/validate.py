#!/usr/bin/env python3
"""Check the site's data and Markdown without building: every problem, one per line. Exit 1 if any.

Usage: python scripts/validate.py            (the whole project)
The build runs the same checks (overrides/hooks/validate.py); this is the fast version for editors and pre-commit.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from sitedata import project  # noqa: E402
from sitedata.problems import InputError  # noqa: E402


def main() -> int:
    dataset, problems = project.load(ROOT / "docs", ROOT)
    if problems:
        print(InputError(problems), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(dataset.by_id[k])} {k}" for k in dataset.by_id)
    print(f"data and pages are valid: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
