#!/usr/bin/env python3
"""Publish one edition of the site to the gh-pages branch with mike, and build its offline ZIP.

Usage: python scripts/publish.py EDITION [--latest] [--replace REASON] [--remote NAME] [--push] [--skip-tests]
                                 [--no-offline] [--no-pdfs] [--zip-dir DIR]

EDITION is YEAR.N (2026.1) for a release or `dev` for the preview of main. In order, this:
  1. refuses, before doing anything else, to publish from a work tree with uncommitted changes; to deploy a
     YEAR.N that the remote's gh-pages already has (its versions.json) unless --replace gives a reason, which
     goes into the commit message; and to move `latest` to an edition older than the one it names;
  2. resets the local gh-pages to the remote's (a killed earlier run's leftovers are dropped, never pushed);
  3. runs the test suite (./scripts/site.sh test, or $PUBLISH_TEST_COMMAND) unless --skip-tests;
  4. builds the offline edition (OFFLINE=true, strict) and zips it into build/offline/ (not with --no-offline);
  5. builds the edition (./scripts/site.sh build: strict) and deploys it with mike onto a temporary branch made
     from the remote's gh-pages; with --latest, `latest` moves to it and the root redirects there. The root also
     gets 404.html, robots.txt and sitemap.xml (see below). All of it becomes one commit on top of the remote's;
  6. with --push, pushes that commit as gh-pages in one atomic, fast-forward-only push; only then does the local
     gh-pages move to it. A run killed at any step before the push leaves the remote as it was. If the remote
     moved meanwhile (another deploy), the checks are made again on the new state and the commit is remade.

What is published (site_url's path is the site root, e.g. /explainer/):
  - /YEAR.N/ and /dev/: the edition as built, with <meta name="robots" content="noindex"> on every page, and a
    sitemap naming the edition's own addresses. These folders never change once deployed.
  - /latest/: a copy of the latest edition without the noindex tag, its sitemap naming /latest/ addresses. Search
    engines index this copy only (every page's canonical link names it too); a numbered edition therefore never
    needs to change when it stops being the latest: it was noindex from the start.
  - the root: index.html (mike's redirect to latest/), 404.html (sends /x to /latest/x when that page exists,
    else lists the editions), robots.txt, and sitemap.xml, a sitemap index naming latest/sitemap.xml.
Older editions are never deleted.

For the tests: PUBLISH_KILL_AT=STEP kills this process (SIGKILL, no clean-up) when it reaches STEP, one of
STEPS below, to show that a publish killed there leaves the remote as it was.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import fcntl
import gzip
import hashlib
import html
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
EDITION = re.compile(r"^(dev|20\d\d\.[1-9]\d*)$")
PAGES = "gh-pages"
TEMP_BRANCHES = "publish-tmp"             # refs/heads/publish-tmp/<pid>: scratch branches for mike's commits
NOINDEX = '<meta name="robots" content="noindex">'
STEPS = ("checked", "tested", "offline", "built", "deployed", "default-set", "committed", "pushed")
ATTEMPTS = 3                              # deploys remade when the remote moved during the publish


class PublishError(Exception):
    """A step failed or a check refused; the message says which and what was (not) deployed."""


class Refused(PublishError):
    """A check refused the publish: nothing was built or deployed."""


def reached(step: str) -> None:
    """A named point of the publish; PUBLISH_KILL_AT=step kills the process here (tests)."""
    assert step in STEPS, step
    if os.environ.get("PUBLISH_KILL_AT") == step:
        print(f"==> killed at {step} (PUBLISH_KILL_AT)", file=sys.stderr, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("edition", help="YEAR.N (e.g. 2026.1) or dev")
    parser.add_argument("--latest", action="store_true", help="a release: move `latest` here and redirect the root")
    parser.add_argument("--replace", metavar="REASON",
                        help="redeploy an edition the remote already has; the reason goes into the commit message")
    parser.add_argument("--remote", default="origin", help="git remote holding gh-pages (default: origin)")
    parser.add_argument("--push", action="store_true", help="push gh-pages to the remote when done")
    parser.add_argument("--skip-tests", action="store_true", help="do not run the test suite first")
    parser.add_argument("--no-offline", action="store_true", help="do not build the offline ZIP")
    parser.add_argument("--no-pdfs", action="store_true",
                        help="do not print the lessons' handouts and keys to PDF (scripts/print_pdfs.py)")
    parser.add_argument("--zip-dir", type=Path, default=ROOT / "build" / "offline", help="where the ZIP goes")
    args = parser.parse_args(argv)
    if not EDITION.match(args.edition):
        parser.error(f"edition {args.edition!r}: expected YEAR.N (e.g. 2026.1) or dev")
    if args.latest and args.edition == "dev":
        parser.error("the dev preview cannot be the latest edition")
    if args.replace is not None and not args.replace.strip():
        parser.error("--replace needs a reason (it is recorded in the commit message)")
    return args


# --- git ------------------------------------------------------------------------------------------------------

def git(*args: str, cwd: Path = ROOT, env: dict | None = None, check: bool = True) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise PublishError(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout.strip()


def rev(ref: str) -> str | None:
    return git("rev-parse", "--verify", "--quiet", ref + "^{commit}", check=False) or None


def set_ref(ref: str, sha: str | None) -> None:
    if sha:
        git("update-ref", ref, sha)
    elif rev(ref):
        git("update-ref", "-d", ref)


@contextlib.contextmanager
def publish_lock():
    """One publish at a time in this clone (the kernel drops the lock when a killed process dies)."""
    path = Path(git("rev-parse", "--path-format=absolute", "--git-common-dir")) / "publish.lock"
    with open(path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Refused("another publish is running in this clone") from None
        yield


def check_work_tree() -> None:
    if git("symbolic-ref", "--quiet", "HEAD", check=False) == f"refs/heads/{PAGES}":
        raise Refused(f"the work tree has {PAGES} checked out: publish from the branch to publish (main)")
    dirty = git("status", "--porcelain", "--untracked-files=normal")
    if dirty:
        lines = dirty.splitlines()
        raise Refused("the work tree has uncommitted changes, so the edition would not match any commit; commit "
                      "or stash them first:\n  " + "\n  ".join(lines[:20]) + ("\n  ..." if len(lines) > 20 else ""))


def fetch_remote_pages(remote: str) -> str | None:
    """The remote's gh-pages commit (None if it has none yet), fetched into refs/remotes/REMOTE/gh-pages."""
    tracking = f"refs/remotes/{remote}/{PAGES}"
    if subprocess.run(["git", "remote", "get-url", remote], cwd=ROOT, capture_output=True).returncode != 0:
        raise Refused(f"no git remote {remote!r}: the checks read the published editions from it (--remote NAME)")
    listed = subprocess.run(["git", "ls-remote", "--exit-code", remote, f"refs/heads/{PAGES}"], cwd=ROOT,
                            capture_output=True, text=True)
    if listed.returncode == 2:                    # the remote has no gh-pages yet: a first deploy
        set_ref(tracking, None)
        return None
    if listed.returncode != 0:
        raise PublishError(f"cannot read {remote}: {listed.stderr.strip()}")
    git("fetch", "--quiet", "--no-tags", remote, f"+refs/heads/{PAGES}:{tracking}")
    return rev(tracking)


def remote_head(remote: str) -> str | None:
    listed = git("ls-remote", remote, f"refs/heads/{PAGES}")
    return listed.split()[0] if listed else None


def read_versions(commit: str | None) -> list[dict]:
    if not commit:
        return []
    text = git("show", f"{commit}:versions.json", check=False)
    return json.loads(text) if text else []


# --- the checks -----------------------------------------------------------------------------------------------

def release_key(edition: str) -> tuple[int, int]:
    year, number = edition.split(".")
    return int(year), int(number)


def latest_of(versions: list[dict]) -> str | None:
    return next((v["version"] for v in versions if "latest" in v.get("aliases", [])), None)


def check_editions(args: argparse.Namespace, versions: list[dict], remote: str) -> None:
    published = {v["version"] for v in versions}
    if args.edition != "dev":
        if args.edition in published and args.replace is None:
            raise Refused(f"edition {args.edition} is already published on {remote}, and a numbered edition never "
                          "changes: teachers assign it for a term. To redeploy it anyway, say why with "
                          f"--replace \"REASON\" (recorded in the {PAGES} commit)")
        if args.replace is not None and args.edition not in published:
            raise Refused(f"--replace: edition {args.edition} is not published on {remote}; nothing to replace")
    current = latest_of(versions)
    if args.latest and current and release_key(args.edition) < release_key(current):
        raise Refused(f"`latest` is {current} on {remote}: it never moves back to the older {args.edition}")


# --- building -------------------------------------------------------------------------------------------------

def environment(edition: str, **extra: str) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_EDITION": edition, "OFFLINE": "false",
            "VERSION_PROVIDER": "", **extra}


def run(cmd: list[str], env: dict, what: str) -> None:
    print(f"==> {what}: {shlex.join(cmd)}", file=sys.stderr, flush=True)
    if subprocess.run(cmd, cwd=ROOT, env=env).returncode != 0:
        raise PublishError(f"{what} failed: nothing was deployed")


def run_tests() -> None:
    command = os.environ.get("PUBLISH_TEST_COMMAND", "./scripts/site.sh test")
    print(f"==> tests: {command}", file=sys.stderr, flush=True)
    if subprocess.run(command, shell=True, cwd=ROOT).returncode != 0:
        raise PublishError("the tests failed: nothing was deployed")


def build(site: Path, env: dict, what: str, pdfs: bool) -> None:
    """The site's own strict build (./scripts/site.sh build) into `site`, then the lessons' handouts and keys printed
    to PDF into it (scripts/print_pdfs.py), so each edition and its offline ZIP carry them."""
    run(["./scripts/site.sh", "build", "--site-dir", str(site)], env, what)
    if pdfs:
        run([sys.executable, str(ROOT / "scripts" / "print_pdfs.py"), str(site)], env, f"{what}: PDF handouts and keys")


def build_offline(edition: str, zip_dir: Path, tmp: Path, pdfs: bool) -> Path:
    """Build the offline edition (works from file://) and zip it as <name>-<edition>/... ."""
    name = f"mali-crisis-explainer-{edition}"
    site = tmp / "offline" / name
    build(site, environment(edition, OFFLINE="true"), "offline build", pdfs)
    zip_dir.mkdir(parents=True, exist_ok=True)
    target = zip_dir / f"{name}-offline.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(site.parent).as_posix())
    print(f"==> offline edition: {target}", file=sys.stderr)
    return target


def site_url() -> str:
    """site_url from mkdocs.yml (with !ENV and INHERIT resolved as MkDocs does); ends with a slash."""
    from mkdocs.utils import yaml_load
    with open(ROOT / "mkdocs.yml", "rb") as handle:
        url = yaml_load(handle)["site_url"]
    return url if url.endswith("/") else url + "/"


HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)
ALTERNATE = re.compile(r'(<xhtml:link rel="alternate" hreflang="\w+" href=)"([^"]*)"')
LOC = re.compile(r"<loc>([^<]*)</loc>")


def rewrite_sitemap(site: Path, base: str, folder: str) -> None:
    """Sitemap addresses `base + page` become `base + folder/ + page`: the folder the sitemap is published in. Each
    language's site has its own sitemap (sitemap.xml, fr/sitemap.xml)."""
    for path in sorted(site.rglob("sitemap.xml")):
        _rewrite_sitemap(path, base, folder)


def _rewrite_sitemap(path: Path, base: str, folder: str) -> None:
    text = path.read_text(encoding="utf-8")

    def inside(url: str) -> str:
        url = html.unescape(url)
        if not url.startswith(base):
            raise PublishError(f"{path.name} names {url}, outside site_url {base}")
        return base + folder + "/" + url[len(base):]

    text = LOC.sub(lambda m: f"<loc>{html.escape(inside(m[1]), quote=False)}</loc>", text)
    # each page's address in the other languages (sitebuild/html/sitemaps.py)
    text = ALTERNATE.sub(lambda m: f'{m[1]}"{html.escape(inside(m[2]))}"', text)
    path.write_text(text, encoding="utf-8")
    path.with_suffix(".xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def variant(built: Path, target: Path, base: str, folder: str, noindex: bool) -> Path:
    """A copy of the built site for one folder of gh-pages: its sitemap, and noindex on every page or not."""
    shutil.copytree(built, target, symlinks=True)
    rewrite_sitemap(target, base, folder)
    if noindex:
        for page in target.rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            text, found = HEAD.subn(lambda m: m[0] + NOINDEX, text, count=1)
            if not found:
                raise PublishError(f"{page.relative_to(target)} has no <head> for the noindex tag")
            page.write_text(text, encoding="utf-8")
    return target


# --- the root of gh-pages ---------------------------------------------------------------------------------------

NOT_FOUND_SCRIPT = """
(function () {
  var root = %(root)s, folders = %(folders)s, path = location.pathname;
  var rest = path.indexOf(root) === 0 ? path.slice(root.length) : null;
  function show() { document.documentElement.className = ""; }
  // A missing page inside an edition, or outside the site: nothing to redirect to.
  if (rest === null || folders.indexOf(rest.split("/")[0]) !== -1 || !window.fetch) { show(); return; }
  var target = root + "latest/" + rest;
  document.documentElement.className = "checking";
  setTimeout(show, 4000);
  fetch(target, {method: "HEAD", cache: "no-store"}).then(function (response) {
    if (response.ok) { location.replace(target + location.search + location.hash); } else { show(); }
  }, show);
})();
""".strip()

NOT_FOUND_STYLE = """
html.checking main { visibility: hidden; }
body { font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1a1a1a; }
main { max-width: 40rem; margin: 0 auto; padding: 2rem 1rem; }
a { color: #0b4f8a; }
@media (prefers-color-scheme: dark) { body { background: #1e1e24; color: #e8e8ec; } a { color: #8cc4ff; } }
""".strip()

NOT_FOUND_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src '%(script_hash)s'; \
style-src '%(style_hash)s'; connect-src 'self'; base-uri 'none'; form-action 'none'">
<meta name="robots" content="noindex">
<title>Page not found - %(site_name)s</title>
<style>%(style)s</style>
<script>%(script)s</script>
</head>
<body>
<main>
<h1>Page not found</h1>
<p>There is no page at this address in <a href="%(root)slatest/">%(site_name)s</a>.</p>
<ul>
<li><a href="%(root)slatest/">Open the latest edition</a> and use its search or menu to find the page.</li>
<li>If your link names an edition (such as <code>%(example)s</code>), check the address: each edition keeps
its pages for good, but a page's address may differ from one edition to the next.</li>
</ul>
<h2>Editions</h2>
<ul>
%(editions)s
</ul>
</main>
</body>
</html>
"""


def csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def root_files(base: str, versions: list[dict], site_name: str) -> dict[str, str]:
    """404.html, robots.txt and (once there is a latest edition) the sitemap index for the root of gh-pages."""
    root = urlsplit(base).path or "/"
    folders = ["latest"] + [v["version"] for v in versions]
    script = NOT_FOUND_SCRIPT % {"root": json.dumps(root), "folders": json.dumps(folders)}
    items = []
    for info in versions:
        version = info["version"]
        label = ("the preview of the next edition (may still change)" if version == "dev"
                 else f"edition {version}" + (" (the latest)" if "latest" in info.get("aliases", []) else ""))
        items.append(f'<li><a href="{html.escape(root + version)}/">{html.escape(label)}</a></li>')
    numbered = [v["version"] for v in versions if v["version"] != "dev"]
    files = {"404.html": NOT_FOUND_PAGE % {
        "root": html.escape(root), "site_name": html.escape(site_name), "style": NOT_FOUND_STYLE,
        "script": script, "script_hash": csp_hash(script), "style_hash": csp_hash(NOT_FOUND_STYLE),
        "editions": "\n".join(items), "example": html.escape(f"{root}{numbered[0] if numbered else '2026.1'}/")}}
    latest = latest_of(versions)
    robots = ["# Crawlers read robots.txt only at the root of a host: this file takes effect when the site is",
              f"# served there (site_url is {base}).",
              "# Every page but those of /latest/ carries a robots noindex tag: nothing is disallowed here,",
              "# since a crawler must fetch a page to see that tag.",
              "User-agent: *", "Allow: /"]
    if latest:
        robots.append(f"Sitemap: {base}sitemap.xml")
        files["sitemap.xml"] = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                                f"  <sitemap><loc>{html.escape(base)}latest/sitemap.xml</loc></sitemap>\n"
                                "</sitemapindex>\n")
    files["robots.txt"] = "\n".join(robots) + "\n"
    return files


# --- deploying ------------------------------------------------------------------------------------------------

def commit_message(args: argparse.Namespace, source: str) -> str:
    from mike.app_version import version as mike_version
    from mkdocs import __version__ as mkdocs_version
    what = "the dev preview" if args.edition == "dev" else f"edition {args.edition}"
    lines = [f"Publish {what}" + (" as latest" if args.latest else "") + f" from {source[:12]}", "",
             f"Built from commit {source} with MkDocs {mkdocs_version} and mike {mike_version}."]
    if args.replace is not None:
        lines.append(f"Replaces the published edition {args.edition}: {args.replace.strip()}")
    return "\n".join(lines) + "\n"


def stage_commit(args, base: str | None, built: Path, tmp: Path, site: str, source: str, message: str) -> str:
    """Deploy with mike onto a scratch branch made from `base`, finish the root, and make one commit on `base`."""
    from mike import commands

    branch = f"{TEMP_BRANCHES}/{os.getpid()}"
    ref = f"refs/heads/{branch}"
    set_ref(ref, base)
    edition_dir = tmp / "variants" / args.edition
    if not edition_dir.exists():
        variant(built, edition_dir, site, args.edition, noindex=True)
    aliases = ["latest"] if args.latest else []
    with commands.deploy({"site_dir": str(edition_dir), "use_directory_urls": True}, args.edition,
                         aliases=aliases, update_aliases=True, branch=branch, message=message,
                         allow_empty=True):     # a --replace may rebuild the same files: still recorded
        pass                                       # built already, strictly, by the site's own build
    reached("deployed")
    if args.latest:
        commands.set_default("latest", branch=branch, message=message, allow_empty=True)
        reached("default-set")
    versions = read_versions(rev(ref))
    stage = tmp / "stage"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    replace_latest = latest_of(versions) == args.edition
    if replace_latest:                             # /latest/: a copy without noindex, its own sitemap
        variant(built, stage / "latest", site, "latest", noindex=False)
    from mkdocs.utils import yaml_load
    with open(ROOT / "mkdocs.yml", "rb") as handle:
        site_name = yaml_load(handle)["site_name"]
    for name, text in root_files(site, versions, site_name).items():
        (stage / name).write_text(text, encoding="utf-8")
    # The final tree: mike's, with /latest/ and the root files replaced, written through a temporary index.
    git_dir = git("rev-parse", "--absolute-git-dir")
    env = {**os.environ, "GIT_INDEX_FILE": str(tmp / "index"), "GIT_DIR": git_dir, "GIT_WORK_TREE": str(stage)}
    git("read-tree", ref, env=env, cwd=stage)
    paths = sorted(p.name for p in stage.iterdir())
    if replace_latest:
        git("rm", "--cached", "-r", "--quiet", "--ignore-unmatch", "--", "latest", env=env, cwd=stage)
    git("add", "--force", "--all", "--", *paths, env=env, cwd=stage)
    tree = git("write-tree", env=env, cwd=stage)
    commit = commit_tree(tree, base, message)
    set_ref(ref, None)
    reached("committed")
    return commit


def commit_tree(tree: str, parent: str | None, message: str) -> str:
    cmd = ["git", "commit-tree", tree] + (["-p", parent] if parent else [])
    result = subprocess.run(cmd, cwd=ROOT, input=message, capture_output=True, text=True)
    if result.returncode != 0:
        raise PublishError(f"git commit-tree failed: {result.stderr.strip()}")
    return result.stdout.strip()


def push(remote: str, commit: str, base: str | None) -> bool:
    """Push `commit` as gh-pages, atomically and only over `base`; False if the remote moved meanwhile."""
    lease = f"--force-with-lease=refs/heads/{PAGES}:{base or ''}"
    cmd = ["git", "push", "--atomic", "--quiet", lease, remote, f"{commit}:refs/heads/{PAGES}"]
    print(f"==> push: {shlex.join(cmd)}", file=sys.stderr, flush=True)
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if result.returncode == 0:
        return True
    if remote_head(remote) != base:
        print(f"==> {remote} moved during the publish: checking and committing again", file=sys.stderr)
        return False
    raise PublishError(f"push to {remote} failed, the remote is unchanged: {result.stderr.strip()}")


def clean_leftovers() -> None:
    """Scratch branches of killed runs: never pushed, dropped here."""
    for ref in git("for-each-ref", "--format=%(refname)", f"refs/heads/{TEMP_BRANCHES}/").splitlines():
        git("update-ref", "-d", ref)


def publish(args: argparse.Namespace) -> None:
    with publish_lock(), tempfile.TemporaryDirectory(prefix="publish-") as tmp_name:
        tmp = Path(tmp_name)                       # outside the repository: builds, variants, the index
        check_work_tree()
        clean_leftovers()
        base = fetch_remote_pages(args.remote)
        set_ref(f"refs/heads/{PAGES}", base)       # the local gh-pages is the remote's, leftovers dropped
        check_editions(args, read_versions(base), args.remote)
        reached("checked")
        if not args.skip_tests:
            run_tests()
            reached("tested")
        if not args.no_offline:
            build_offline(args.edition, args.zip_dir.resolve(), tmp, not args.no_pdfs)
            reached("offline")
        site = site_url()
        source = git("rev-parse", "HEAD")
        built = tmp / "site"
        build(built, environment(args.edition, VERSION_PROVIDER="mike", MIKE_DOCS_VERSION=args.edition),
              f"build {args.edition}", not args.no_pdfs)
        reached("built")
        message = commit_message(args, source)
        for attempt in range(ATTEMPTS):
            if attempt:                            # the remote moved: check again against what it has now
                base = fetch_remote_pages(args.remote)
                check_editions(args, read_versions(base), args.remote)
            commit = stage_commit(args, base, built, tmp, site, source, message)
            if not args.push:
                set_ref(f"refs/heads/{PAGES}", commit)
                print(f"==> {PAGES} updated locally (not pushed: --push pushes it)", file=sys.stderr)
                return
            if push(args.remote, commit, base):
                reached("pushed")
                set_ref(f"refs/heads/{PAGES}", commit)
                set_ref(f"refs/remotes/{args.remote}/{PAGES}", commit)
                return
        raise PublishError(f"{args.remote} kept moving during the publish; nothing was pushed, try again")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        publish(args)
    except Refused as error:
        print(f"publish: refused: {error}", file=sys.stderr)
        return 3
    except PublishError as error:
        print(f"publish: {error}", file=sys.stderr)
        return 1
    print(f"==> published edition {args.edition}" + (" as latest" if args.latest else ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
