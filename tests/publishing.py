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
COPIED = ("mkdocs.yml", "docs", "overrides", "sitebuild", "pyproject.toml", "scripts", ".gitignore", "requirements.txt",
          "requirements-dev.txt", "requirements-zensical.txt")
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.invalid", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, capture_output=True, text=True)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout.strip()


def make_origin(tmp: Path) -> tuple[Path, Path]:
    """A bare repository standing in for GitHub, and a clone of it holding a copy of the project on main."""
    origin, seed, work = tmp / "origin.git", tmp / "seed", tmp / "work"
    git("init", "--quiet", "--bare", "--initial-branch=main", str(origin), cwd=tmp)
    seed.mkdir()
    for name in COPIED:
        path = SOURCE / name
        if path.is_dir():
            shutil.copytree(path, seed / name, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
        elif path.is_file():
            shutil.copy(path, seed / name)
    git("init", "--quiet", "--initial-branch=main", cwd=seed)
    git("add", "--all", cwd=seed)
    git("commit", "--quiet", "--message", "The site", cwd=seed)
    git("push", "--quiet", str(origin), "main", cwd=seed)
    git("clone", "--quiet", str(origin), str(work), cwd=tmp)
    if (SOURCE / "node_modules").is_dir():     # npm data the build reads (world-atlas), as `site.sh setup` installs
        (work / "node_modules").symlink_to((SOURCE / "node_modules").resolve(), target_is_directory=True)
    return origin, work


def publish(work: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the working copy's scripts/publish.py with this Python; output in .stdout."""
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path) -> http.server.ThreadingHTTPServer:
    """Serve a directory on 127.0.0.1 (a free port) in a background thread; .shutdown() when done."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
