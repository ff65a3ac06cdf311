#!/usr/bin/env python3
"""Publish one edition of the site to the gh-pages branch with mike, and build its offline ZIP.

Usage: python scripts/publish.py EDITION [--latest] [--remote NAME] [--push] [--skip-tests] [--no-offline]
                                 [--zip-dir DIR]

EDITION is YEAR.N (2026.1) for a release or `dev` for the preview of main. In order, this:
  1. runs the test suite (./scripts/site.sh test, or $PUBLISH_TEST_COMMAND) unless --skip-tests;
     a failing run deploys nothing;
  2. builds the offline edition (OFFLINE=true, strict) and zips it into build/offline/ (not with --no-offline);
  3. deploys the edition with `mike deploy` (strict build, SITE_EDITION=EDITION, version selector on);
     with --latest also moves the `latest` alias to it and makes `latest` the default (the root redirects there);
  4. pushes gh-pages to the remote with --push.
Older editions are never deleted: mike only replaces the folder of the edition being deployed (and its alias).
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITION = re.compile(r"^(dev|20\d\d\.[1-9]\d*)$")
BIN = Path(sys.executable).parent          # the virtual environment's bin/ (mkdocs, mike)


class PublishError(Exception):
    """A step failed; the message says which and what was (not) deployed."""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("edition", help="YEAR.N (e.g. 2026.1) or dev")
    parser.add_argument("--latest", action="store_true", help="a release: move `latest` here and redirect the root")
    parser.add_argument("--remote", default="origin", help="git remote holding gh-pages (default: origin)")
    parser.add_argument("--push", action="store_true", help="push gh-pages to the remote when done")
    parser.add_argument("--skip-tests", action="store_true", help="do not run the test suite first")
    parser.add_argument("--no-offline", action="store_true", help="do not build the offline ZIP")
    parser.add_argument("--zip-dir", type=Path, default=ROOT / "build" / "offline", help="where the ZIP goes")
    args = parser.parse_args(argv)
    if not EDITION.match(args.edition):
        parser.error(f"edition {args.edition!r}: expected YEAR.N (e.g. 2026.1) or dev")
    if args.latest and args.edition == "dev":
        parser.error("the dev preview cannot be the latest edition")
    return args


def run(cmd: list[str], env: dict, what: str) -> None:
    print(f"==> {what}: {shlex.join(cmd)}", file=sys.stderr, flush=True)
    if subprocess.run(cmd, cwd=ROOT, env=env).returncode != 0:
        raise PublishError(f"{what} failed")


def environment(edition: str, **extra: str) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_EDITION": edition, "OFFLINE": "false",
           "VERSION_PROVIDER": "", **extra}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"   # mike runs `mkdocs` from PATH
    return env


def run_tests() -> None:
    command = os.environ.get("PUBLISH_TEST_COMMAND", "./scripts/site.sh test")
    print(f"==> tests: {command}", file=sys.stderr, flush=True)
    if subprocess.run(command, shell=True, cwd=ROOT).returncode != 0:
        raise PublishError("the tests failed: nothing was deployed")


def build_offline(edition: str, zip_dir: Path) -> Path:
    """Build the offline edition (works from file://) and zip it as <name>-<edition>/... ."""
    name = f"mali-crisis-explainer-{edition}"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / name
        run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
            environment(edition, OFFLINE="true"), "offline build")
        zip_dir.mkdir(parents=True, exist_ok=True)
        target = zip_dir / f"{name}-offline.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(site.parent).as_posix())
    print(f"==> offline edition: {target}", file=sys.stderr)
    return target


def fetch_pages_branch(remote: str) -> None:
    """Bring remote/gh-pages up to date so mike builds on what is published (absent on a first deploy)."""
    if subprocess.run(["git", "remote", "get-url", remote], cwd=ROOT, capture_output=True).returncode != 0:
        return
    subprocess.run(["git", "fetch", "--quiet", remote, f"+refs/heads/gh-pages:refs/remotes/{remote}/gh-pages"],
                   cwd=ROOT, capture_output=True)


def deploy(args: argparse.Namespace) -> None:
    env = environment(args.edition, VERSION_PROVIDER="mike")
    mike = [str(BIN / "mike")]
    # A strict build inside mike: a child config that inherits mkdocs.yml (mike writes its own the same way).
    with tempfile.NamedTemporaryFile("w", dir=ROOT, prefix=".publish-", suffix=".yml", delete=False) as child:
        child.write("INHERIT: mkdocs.yml\nstrict: true\n")
    try:
        common = ["--config-file", child.name, "--remote", args.remote]
        aliases = ["--update-aliases", args.edition, "latest"] if args.latest else [args.edition]
        run(mike + ["deploy"] + common + aliases, env, f"mike deploy {args.edition}")
        if args.latest:
            run(mike + ["set-default"] + common + ["latest"], env, "mike set-default latest")
    finally:
        os.unlink(child.name)
    if args.push:
        run(["git", "push", "--quiet", args.remote, "gh-pages"], env, f"push gh-pages to {args.remote}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if not args.skip_tests:
            run_tests()
        if not args.no_offline:
            build_offline(args.edition, args.zip_dir.resolve())
        fetch_pages_branch(args.remote)
        deploy(args)
    except PublishError as error:
        print(f"publish: {error}", file=sys.stderr)
        return 1
    print(f"==> published edition {args.edition}" + (" as latest" if args.latest else ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
