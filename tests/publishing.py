"""Helpers for the publishing tests: a throwaway origin and working copy, running scripts/publish.py, reading
and serving the gh-pages branch, unpacking an offline ZIP."""

from __future__ import annotations

import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import tarfile
import threading
import zipfile
from pathlib import Path

from support import ROOT

# The project to publish: the working tree, or another tree (e.g. a copy whose data builds) named in this variable.
SOURCE = Path(os.environ.get("PUBLISH_TEST_SOURCE", ROOT))
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.invalid", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
# What a clone of the project has beside its files, as ./scripts/site.sh setup leaves it: the Python environment
# running these tests and the npm tools (linked, so that nothing is installed again).
LINKED = {".venv": Path(sys.prefix) if sys.prefix != sys.base_prefix else None,
          "node_modules": SOURCE / "node_modules"}


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, capture_output=True, text=True)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout.strip()


def project_files() -> list[str]:
    """The project's files as git sees them in SOURCE: tracked (as in the work tree) and untracked, not ignored."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=SOURCE,
                            capture_output=True)
    if listed.returncode == 0:
        names = listed.stdout.decode("utf-8").split("\0")
    else:                                          # not a git work tree: everything but what a setup or build makes
        skip = {".git", ".venv", "node_modules", "site", "build", ".cache", "__pycache__", ".pytest_cache"}
        names = [p.relative_to(SOURCE).as_posix() for p in SOURCE.rglob("*")
                 if not skip & set(p.relative_to(SOURCE).parts)]
    return sorted({name for name in names if name and (SOURCE / name).is_file()})


def make_origin(tmp: Path) -> tuple[Path, Path]:
    """A bare repository standing in for GitHub, and a clone of it holding a copy of the project on main."""
    origin, seed, work = tmp / "origin.git", tmp / "seed", tmp / "work"
    git("init", "--quiet", "--bare", "--initial-branch=main", str(origin), cwd=tmp)
    seed.mkdir()
    for name in project_files():
        (seed / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(SOURCE / name, seed / name, follow_symlinks=False)
    git("init", "--quiet", "--initial-branch=main", cwd=seed)
    git("add", "--all", cwd=seed)
    git("commit", "--quiet", "--message", "The site", cwd=seed)
    git("push", "--quiet", str(origin), "main", cwd=seed)
    git("clone", "--quiet", str(origin), str(work), cwd=tmp)
    _link(work)
    return origin, work


def _link(work: Path) -> None:
    for name, target in LINKED.items():
        if target is not None and target.is_dir():
            (work / name).symlink_to(target, target_is_directory=True)
            with open(work / ".git" / "info" / "exclude", "a", encoding="utf-8") as exclude:
                exclude.write(f"/{name}\n")              # a link is not the directory .gitignore names


def publish(work: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the working copy's scripts/publish.py with this Python; output in .stdout. The lessons' PDFs are printed
    only when the call says "--with-pdfs" (they take a minute; one publish of the suite checks them)."""
    args = tuple(a for a in args if a != "--with-pdfs") if "--with-pdfs" in args else (*args, "--no-pdfs")
    return subprocess.run([sys.executable, "scripts/publish.py", *args], cwd=work,
                          env={**os.environ, **GIT_ENV, **(env or {})}, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=900)


def branch_rev(repo: Path, ref: str = "gh-pages") -> str | None:
    result = subprocess.run(["git", "rev-parse", "--verify", "--quiet", ref], cwd=repo, capture_output=True,
                            text=True)
    return result.stdout.strip() or None


def tree(repo: Path, ref: str = "gh-pages") -> dict[str, str]:
    """Top-level entries of a branch: name -> object id."""
    lines = git("ls-tree", ref, cwd=repo).splitlines()
    return {line.split("\t")[1]: line.split()[2] for line in lines}


def export(repo: Path, target: Path, ref: str = "gh-pages") -> Path:
    """Write a branch's files (symlinks included, as GitHub Pages serves them) into target."""
    data = subprocess.run(["git", "archive", "--format=tar", ref], cwd=repo, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(target, filter="data")
    return target


def unzip(path: Path, target: Path) -> Path:
    with zipfile.ZipFile(path) as archive:
        archive.extractall(target)
    return target


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Like GitHub Pages for a project site: the branch below PREFIX, and its root 404.html for any missing page."""
    prefix = "/"

    def translate_path(self, path):
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix):]
        else:
            path = "/.no-such-path/"
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(directory: Path, prefix: str = "/") -> http.server.ThreadingHTTPServer:
    """Serve a directory on 127.0.0.1 (a free port) below `prefix`, in a background thread; .shutdown() when done."""
    handler = functools.partial(type("Handler", (_PagesHandler,), {"prefix": prefix}), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def fork(origin: Path, tmp: Path) -> tuple[Path, Path]:
    """A copy of a bare origin and a fresh clone of it (with the same links as make_origin's), to change freely."""
    copy, work = tmp / "origin.git", tmp / "work"
    shutil.copytree(origin, copy, symlinks=True)
    git("clone", "--quiet", str(copy), str(work), cwd=tmp)
    _link(work)
    return copy, work


def refs(repo: Path) -> dict[str, str]:
    """Every ref of a repository: name -> commit."""
    lines = git("for-each-ref", "--format=%(refname) %(objectname)", cwd=repo).splitlines()
    return dict(line.split() for line in lines)
