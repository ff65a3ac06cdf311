#!/usr/bin/env python3
"""Lighthouse audit of key pages: performance, accessibility, best practices and SEO.

Usage: python scripts/lighthouse.py [--runs N] [--no-fail] [--write-readme]

Builds the site (`mkdocs build --strict`) into a temporary folder, serves it on 127.0.0.1 below site_url's path
(/explainer/, as published) with gzip compression of text files as GitHub Pages serves them (--no-gzip serves them
uncompressed, like Python's http.server), and runs npm lighthouse (node_modules/lighthouse/cli, version pinned in
package.json) with its default mobile settings in headless Chromium ($CHROMIUM_PATH, else /usr/bin/chromium) on each
page in PAGES, N times (default 3; about 16 s a run), in N rounds over all pages. Performance scores vary from run
to run with the machine's load, so each page's row is its median run (by performance score), as Lighthouse's
documentation advises. Prints a Markdown table of the four scores (0-100) per page, with the range of performance
scores over the runs, the number of runs Chromium first painted only after the page had loaded (a headless
Chromium delay, see painted_after_load) and the median score of the other runs, and, for each score below its
target, the failing audits (id and title). Targets: performance >= 95, accessibility, best practices and SEO
100. Exits 1 when a target is missed, unless --no-fail. --write-readme puts the table in PERFORMANCE.md between the
lighthouse markers.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import threading
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))

from conftest import BASE_PATH, _QuietHandler, serve  # noqa: E402  (the tests' server: site_url's path, 404 page)
from support import build  # noqa: E402

PAGES = {"Home": "", "Explainer: 2012": "explainer/2012/", "Timeline": "timeline/",
         "Timeline: 2012": "timeline/2012/", "Actor: MNLA": "actors/mnla/",
         "Map": "map/", "Primary sources": "sources/primary/"}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
NAMES = {"performance": "Performance", "accessibility": "Accessibility", "best-practices": "Best practices",
         "seo": "SEO"}
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"


class GzipHandler(_QuietHandler):
    """The test suite's handler, plus gzip for text files when the browser accepts it (as GitHub Pages does)."""

    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def do_GET(self):
        path = Path(self.translate_path(self.path.split("?")[0]))
        path = path / "index.html" if path.is_dir() and self.path.split("?")[0].endswith("/") else path
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or path.suffix not in self.TEXT:
            return super().do_GET()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_gzip(directory: Path, prefix: str):
    handler = functools.partial(type("Handler", (GzipHandler,), {"prefix": prefix}), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def chromium() -> str:
    path = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        sys.exit(f"No Chromium at {path}: install one (Debian: apt-get install chromium) or set CHROMIUM_PATH.")
    return path


def audit(url: str, report: Path) -> dict:
    """Run Lighthouse on one URL; return its JSON report."""
    command = ["node", str(LIGHTHOUSE), url, "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
               "--output=json", f"--output-path={report}", "--quiet"]
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": chromium()}, capture_output=True, text=True,
                            timeout=300)
    if result.returncode != 0 or not report.is_file():
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def painted_after_load(lhr: dict) -> bool:
    """Whether Chromium first painted the page only after it had loaded. Headless Chromium sometimes holds the
    first frame back for a second or more while the page sits idle (GoogleChrome/lighthouse#17148: viz throttles
    the page's BeginFrames), and Lighthouse's simulation then counts every request and script before that paint
    in first contentful paint (about 1.7 s instead of 1.2 s here). Reported beside the scores, to tell this delay
    from the page's own cost; not used to pick runs."""
    metrics = lhr["audits"]["metrics"]["details"]["items"][0]
    return metrics.get("observedFirstPaint", 0) > metrics.get("observedLoad", float("inf"))


def failing(lhr: dict, category: str) -> list[str]:
    """The audits that lower a category's score: weighted (or, for performance, metric) audits scoring below 1."""
    out = []
    for ref in lhr["categories"][category]["auditRefs"]:
        result = lhr["audits"][ref["id"]]
        if result.get("score") is not None and result["score"] < 1 and (ref.get("weight") or ref.get("group") == "metrics"):
            shown = f" ({result['displayValue']})" if result.get("displayValue") else ""
            out.append(f"`{ref['id']}`: {result['title']}{shown}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-fail", action="store_true", help="report only; exit 0 even when a target is missed")
    parser.add_argument("--write-readme", action="store_true", help="put the table in PERFORMANCE.md")
    parser.add_argument("--no-gzip", action="store_true", help="serve files uncompressed")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median run is shown")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        site = Path(tmp) / "site"
        result = build(ROOT, site)
        if result.returncode != 0:
            sys.exit(f"the strict build failed:\n{result.stdout[-4000:]}")
        server = serve(site, BASE_PATH) if args.no_gzip else serve_gzip(site, BASE_PATH)
        base = f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}"
        rows, problems = [], []
        try:
            reports: dict[str, list] = {name: [] for name in PAGES}
            for run in range(1, args.runs + 1):      # every page once per round: drift weighs on all pages alike
                print(f"  round {run}/{args.runs}: {len(PAGES)} pages", file=sys.stderr)
                for name, path in PAGES.items():
                    reports[name].append(audit(base + path, Path(tmp) / "report.json"))
            for name, path in PAGES.items():
                runs = sorted(reports[name], key=lambda lhr: lhr["categories"]["performance"]["score"])
                lhr = runs[len(runs) // 2]
                spread = [round(r["categories"]["performance"]["score"] * 100) for r in runs]
                scores = {c: round(lhr["categories"][c]["score"] * 100) for c in TARGETS}
                others = [score for r, score in zip(runs, spread) if not painted_after_load(r)]
                rows.append(f"| {name} (`/{path}`) | " + " | ".join(
                    f"{scores[c]}" if scores[c] >= TARGETS[c] else f"**{scores[c]}**" for c in TARGETS)
                    + f" | {spread[0]}–{spread[-1]} | {len(runs) - len(others)} of {len(runs)} | "
                    + (f"{statistics.median(others):g}" if others else "–") + " |")
                for c in TARGETS:
                    if scores[c] < TARGETS[c]:
                        problems.append(f"- {name}, {NAMES[c]} {scores[c]} (target {TARGETS[c]}): "
                                        + ("; ".join(failing(lhr, c)) or "no single failing audit"))
        finally:
            server.shutdown()
    served = "uncompressed" if args.no_gzip else "gzip-compressed, as on GitHub Pages"
    version = json.loads((LIGHTHOUSE.parents[1] / "package.json").read_text(encoding="utf-8"))["version"]
    lines = [f"Lighthouse {version}, default mobile settings (simulated slow 4G, 4x CPU slowdown), headless Chromium, "
             f"site served from 127.0.0.1 ({served}; `./scripts/site.sh lighthouse`), {os.cpu_count()} cores. Each "
             f"row is the median of {args.runs} runs by performance score, taken in {args.runs} rounds over all pages, "
             "then the range of performance scores over the runs, how many runs Chromium first painted only after the page "
             "had loaded (a headless Chromium delay, GoogleChrome/lighthouse#17148, that lengthens first contentful paint in the simulation), "
             "and the median performance score of the other runs. Targets (judged on the median of all runs): "
             "performance ≥ 95, accessibility, best practices and SEO 100.", "",
             "| Page | " + " | ".join(NAMES[c] for c in TARGETS)
             + " | Performance range | Painted after load | Median of the other runs |",
             "|---|---:|---:|---:|---:|---:|---:|---:|", *rows, ""]
    lines += ["Below target:", "", *problems] if problems else ["Every page meets every target."]
    report = "\n".join(lines)
    print(report)
    if args.write_readme:
        from benchmark import update_readme     # only here: benchmark.py still imports the old data module
        update_readme("lighthouse", "## Lighthouse", report, ["## Licences"])
    return 1 if problems and not args.no_fail else 0


if __name__ == "__main__":
    sys.exit(main())
