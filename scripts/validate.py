#!/usr/bin/env python3
"""Check the site's data and Markdown without building: every problem, one per line. Exit 1 if any.

The build runs the same checks (step 1 of sitebuild/pipeline.py); this is the fast version for editors and
pre-commit. Same as `python -m sitebuild validate`.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitebuild.__main__ import validate  # noqa: E402

if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(validate(ROOT))
