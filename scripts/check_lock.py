#!/usr/bin/env python3
"""Check that requirements-lock.txt (hashed, written by `./scripts/site.sh lock`) installs exactly the versions
pinned in requirements.txt, requirements-zensical.txt and requirements-dev.txt, and that every package in it has hashes.
Exit 1 with one line per problem otherwise."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;#\\]+)")


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def problems(root: Path = ROOT) -> list[str]:
    lock = (root / "requirements-lock.txt").read_text(encoding="utf-8")
    locked = {norm(m[1]): m[2] for line in lock.splitlines() if (m := PIN.match(line))}
    found = []
    for block in re.split(r"\n(?=[A-Za-z0-9])", lock):
        if (m := PIN.match(block)) and "--hash=sha256:" not in block:
            found.append(f"requirements-lock.txt: {m[1]} has no hash")
    for source in ("requirements.txt", "requirements-zensical.txt", "requirements-dev.txt"):
        for line in (root / source).read_text(encoding="utf-8").splitlines():
            if (m := PIN.match(line)) and locked.get(norm(m[1])) != m[2]:
                found.append(f"{source}: {m[1]}=={m[2]}, but requirements-lock.txt has "
                             f"{locked.get(norm(m[1]), 'no such package')}")
    return found


def main() -> int:
    found = problems()
    if found:
        print("\n".join(found) + "\nRun ./scripts/site.sh lock and commit requirements-lock.txt with the pins.",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
