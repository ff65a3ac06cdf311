#!/usr/bin/env python3
"""Print every student handout and answer key of a built site to PDF, and link the PDFs from the lesson pages.

Usage: python scripts/print_pdfs.py SITE_DIR [--max-pages N]
       python scripts/print_pdfs.py --pages-branch gh-pages --edition 2026.1 [--max-pages N]

For each lesson (classroom/lesson-<slug>/) of the built site in SITE_DIR, this prints its handout page and its
answer-key page with headless Chromium (Playwright, driving Debian's /usr/bin/chromium or $CHROMIUM_PATH), as a
browser prints them (print.css), on A4 and on US Letter paper:

    classroom/lesson-<slug>/handout.pdf         classroom/lesson-<slug>/handout-letter.pdf
    classroom/lesson-<slug>/key.pdf             classroom/lesson-<slug>/key-letter.pdf

then writes a "Print pack" line of download links after the title of the lesson page, the handout page and the key
page (replacing one written before, so it can run again). Works on the site with directory URLs (the published
editions) and on the offline edition (file URLs). It fails (exit 1) if a printout runs over --max-pages (3).

With --pages-branch, it does this for the folder EDITION of that branch (where `mike deploy` put the edition) in a
temporary git worktree, and commits the result on the branch. scripts/publish.py runs it for the offline edition
before zipping it, and for the deployed edition before pushing.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import io
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from sitebuild.i18n import ui            # noqa: E402  the labels in the page's language (sitebuild/locale/)
from sitebuild.pipeline import LANGUAGES  # noqa: E402
PAPERS = {"A4": "", "Letter": "-letter"}                 # paper -> suffix of the PDF's file name
KINDS = {"handout": "Student handout", "key": "Answer key"}
MARGIN = {"top": "13mm", "bottom": "13mm", "left": "14mm", "right": "14mm"}      # as print.css's @page
PACK = re.compile(r'\n?<p class="print-pack">.*?</p>', re.S)
H1_END = re.compile(r"</h1>")


def browser_path() -> str:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                      "/usr/bin/google-chrome"):
        if candidate and Path(candidate).is_file():
            return candidate
    sys.exit("print_pdfs: no Chromium found (install Debian's chromium or set CHROMIUM_PATH)")


def page_file(site: Path, path: str) -> Path | None:
    """The built file of a page at `path` (classroom/lesson-x/handout): path/index.html or path.html."""
    for candidate in (site / path / "index.html", site / f"{path}.html"):
        if candidate.is_file():
            return candidate
    return None


def lessons(site: Path) -> list[str]:
    """The lessons' slugs: every classroom/lesson-<slug>/ folder with a handout or a key page."""
    found = []
    for folder in sorted((site / "classroom").glob("lesson-*/")):
        if folder.is_dir() and any(page_file(site, f"classroom/{folder.name}/{kind}") for kind in KINDS):
            found.append(folder.name)
    return found


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader
    return len(PdfReader(io.BytesIO(data)).pages)


def print_site(site: Path, max_pages: int = 3) -> dict[str, int]:
    """Every language's handouts and keys: the site's own, then each translation's (site/fr/...)."""
    counts = print_language(site, max_pages, "en")
    for lang in LANGUAGES:
        if lang != "en" and (site / lang / "classroom").is_dir():
            counts.update({f"{lang}/{name}": n for name, n in print_language(site / lang, max_pages, lang).items()})
    return counts


def print_language(site: Path, max_pages: int, lang: str) -> dict[str, int]:
    """Print every handout and key of the site at `site`; returns {pdf path below the site: pages}."""
    from playwright.sync_api import sync_playwright

    counts: dict[str, int] = {}
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=browser_path(), headless=True,
                                        args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
            page = browser.new_page()
            for lesson in lessons(site):
                for kind in KINDS:
                    built = page_file(site, f"classroom/{lesson}/{kind}")
                    if built is None:
                        continue
                    page.goto(base + built.relative_to(site).as_posix(), wait_until="load")
                    for paper, suffix in PAPERS.items():
                        data = page.pdf(format=paper, margin=MARGIN, print_background=False)
                        name = f"classroom/{lesson}/{kind}{suffix}.pdf"
                        (site / name).write_bytes(data)
                        counts[name] = pdf_pages(data)
            browser.close()
    finally:
        server.shutdown()
    for lesson in lessons(site):
        link_pack(site, lesson, counts, lang)
    return counts


def link_pack(site: Path, lesson: str, counts: dict[str, int], lang: str = "en") -> None:
    """Write the "Print pack" line after the title of the lesson page, its handout and its key."""
    for path in (f"classroom/{lesson}", f"classroom/{lesson}/handout", f"classroom/{lesson}/key"):
        built = page_file(site, path)
        if built is None:
            continue
        here = posixpath.dirname(built.relative_to(site).as_posix())
        links = []
        for kind, label in KINDS.items():
            files = [(paper, f"classroom/{lesson}/{kind}{suffix}.pdf") for paper, suffix in PAPERS.items()]
            files = [(paper, name) for paper, name in files if name in counts]
            if files:
                pages = counts[files[0][1]]
                each = ", ".join(f'<a href="{html.escape(posixpath.relpath(name, here))}" download>{paper}</a>'
                                 for paper, name in files)
                count = ui("{n} page" if pages == 1 else "{n} pages", lang).format(n=pages)
                links.append(f"{ui(label, lang)} ({count}){ui(':', lang)} {each}")
        if not links:
            continue
        line = f'\n<p class="print-pack"><strong>{ui("Print pack (PDF).", lang)}</strong> {" · ".join(links)}</p>'
        text = PACK.sub("", built.read_text(encoding="utf-8"))
        text = H1_END.sub(lambda m: m.group(0) + line, text, count=1)
        built.write_text(text, encoding="utf-8")


def run_on_branch(branch: str, edition: str, max_pages: int) -> dict[str, int]:
    """Print the edition deployed in `branch`/`edition` in a temporary worktree, and commit the PDFs there."""
    work = Path(tempfile.mkdtemp(prefix="print-pdfs-"))
    git = ["git", "-C", str(ROOT)]
    subprocess.run(git + ["worktree", "add", "--quiet", str(work / "tree"), branch], check=True)
    try:
        tree = work / "tree"
        if not (tree / edition).is_dir():
            sys.exit(f"print_pdfs: no folder {edition}/ on branch {branch}")
        counts = print_site(tree / edition, max_pages)
        subprocess.run(["git", "-C", str(tree), "add", "--all", edition], check=True)
        if subprocess.run(["git", "-C", str(tree), "diff", "--cached", "--quiet"]).returncode != 0:
            subprocess.run(["git", "-C", str(tree), "commit", "--quiet", "-m",
                            f"Handouts and answer keys of edition {edition} as PDF"], check=True)
        return counts
    finally:
        subprocess.run(git + ["worktree", "remove", "--force", str(work / "tree")], check=False)
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, help="a built site (mkdocs build's site_dir)")
    parser.add_argument("--pages-branch", help="print the deployed edition on this branch (gh-pages) instead")
    parser.add_argument("--edition", help="with --pages-branch: the edition's folder on the branch (2026.1, dev)")
    parser.add_argument("--max-pages", type=int, default=3, help="fail if a printout has more pages (default 3)")
    args = parser.parse_args(argv)
    if args.pages_branch:
        if not args.edition:
            parser.error("--pages-branch needs --edition")
        counts = run_on_branch(args.pages_branch, args.edition, args.max_pages)
    elif args.site:
        if not args.site.is_dir():
            parser.error(f"{args.site}: not a folder")
        counts = print_site(args.site.resolve(), args.max_pages)
    else:
        parser.error("give a built site's folder, or --pages-branch and --edition")
    if not counts:
        print("print_pdfs: no handout or key page found", file=sys.stderr)
        return 1
    for name, pages in sorted(counts.items()):
        print(f"{pages:3d}  {name}", file=sys.stderr)
    over = [name for name, pages in counts.items() if pages > args.max_pages]
    if over:
        print(f"print_pdfs: more than {args.max_pages} pages: {', '.join(sorted(over))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
