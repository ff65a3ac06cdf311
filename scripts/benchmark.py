#!/usr/bin/env python3
"""Benchmark the build: does it stay fast at ten times the content, and what do the hooks cost?

Usage: python scripts/benchmark.py [--runs N] [--write-readme] [--keep DIR]

Three builds, each `mkdocs build --strict` into a temporary folder in a fresh subprocess, timed N times (default
3) in N rounds of one build of each kind back to back, so that drift in the machine's speed weighs on all three
alike; the table shows the median wall time, the median CPU time (user + system, which other load on a shared
machine disturbs less) and the peak memory (maximum resident set size of the build process; both from os.wait4's
rusage) over the runs:

  1x     the real site, as it is;
  10x    a copy of the project with ten times the data and ten times the explainer pages: every data entry
         gets 9 copies under new ids (suffix -x1..-x9) with references rewritten to the copies of the same
         number, abbreviations suffixed (-X1), source URLs made unique (?copy=N), glossary terms marked
         "(copy N)", dates unchanged (so inside 2012-2015 unless context); docs/explainer/*.md is copied to
         docs/explainer-copyN/ for N = 1..9 and each copy is added to the navigation;
  plain  Material with only the search plugin and no hooks, over as many pages as the 10x build produced
         (generated actor pages included), each page holding as much visible text as the page of the 10x
         build it stands for (prose taken from the explainer pages).

Ratios: 10x / plain (the issue's target: at most 1.25, i.e. the hooks add no more than 25 %), the median of the
rounds' ratios (builds that ran back to back), with the ratio of the medians beside it; and 10x / 1x (linear
growth would be about 10 or less). The table also gives the size of the HTML each build writes: the 10x explainer
copies embed timelines chosen by year and key events, which hold ten times the events, so the 10x site's HTML
grows faster than tenfold, and the time per megabyte written shows whether the cost of output stays linear. --write-readme puts the table in PERFORMANCE.md between the benchmark markers.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from sitebuild.data.loader import read_file  # noqa: E402
from sitebuild.vocab import kinds  # noqa: E402
from support import copy_project  # noqa: E402

KINDS = kinds(ROOT / "docs" / "data" / "schema")

COPIES = 9
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
       "NODE_PATH": os.pathsep.join(p for p in (str(ROOT / "node_modules"), os.environ.get("NODE_PATH", "")) if p)}


# ---- Timing ---------------------------------------------------------------------------------------------------
def build_once(project: Path, site_dir: Path) -> tuple[float, float, float]:
    """One strict build in a fresh process: (wall seconds, CPU seconds (user + system), peak RSS in MB)."""
    shutil.rmtree(site_dir, ignore_errors=True)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                             cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"the build of {project} failed:\n{output.decode(errors='replace')[-4000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024   # ru_maxrss is in KiB on Linux


class Timings:
    """The runs of one kind of build: wall seconds and peak memory, and what the last run wrote."""

    def __init__(self, name: str, project: Path, site_dir: Path):
        self.name, self.project, self.site_dir = name, project, site_dir
        self.times: list[float] = []
        self.cpu: list[float] = []
        self.peaks: list[float] = []

    def run(self, runs: int) -> None:
        seconds, cpu, peak = build_once(self.project, self.site_dir)
        self.times.append(seconds)
        self.cpu.append(cpu)
        self.peaks.append(peak)
        print(f"  {self.name} run {len(self.times)}/{runs}: {seconds:.1f} s (CPU {cpu:.1f} s), {peak:.0f} MB",
              file=sys.stderr)

    def result(self) -> dict:
        return {"name": self.name, "median": statistics.median(self.times), "cpu": statistics.median(self.cpu),
                "peak": max(self.peaks),
                "pages": count_pages(self.site_dir), "html": html_megabytes(self.site_dir), "times": self.times}


def built_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.relative_to(site).parts)


def count_pages(site: Path) -> int:
    return len(built_pages(site))


def html_megabytes(site: Path) -> float:
    """The size of the built pages' HTML, the build's output (search index and assets left out)."""
    return sum(p.stat().st_size for p in built_pages(site)) / 1e6


# ---- The 10x project ------------------------------------------------------------------------------------------
def _ids(values, s):
    return [v + s for v in values]


def _suffixed(text, suffix: str):
    """A text, or each language's text of {en, fr}, with a suffix."""
    return {lang: value + suffix for lang, value in text.items()} if isinstance(text, dict) else text + suffix


def copy_entry(kind: str, item: dict, n: int) -> dict:
    """Copy number n of one entry, with its id and every reference pointing to copy n of the same entries."""
    s, e = f"-x{n}", dict(item)
    e["id"] = item["id"] + s
    for name in ("sources", "actors", "places", "works"):
        if name in e:
            e[name] = _ids(e[name], s)
    if kind == "events":
        e["place"] += s
        if "disagreement" in e:
            e["disagreement"] = {**e["disagreement"], "sources": _ids(e["disagreement"]["sources"], s)}
        if "accounts" in e:
            e["accounts"] = [{**a, "sources": _ids(a["sources"], s)} for a in e["accounts"]]
    if kind == "figures":
        e["values"] = [{**v, "sources": _ids(v["sources"], s)} for v in e["values"]]
    if kind == "actors":
        e["name"] = _suffixed(item["name"], f" (copy {n})")
        e["leaders"] = [{**l, "actor": l["actor"] + s} if "actor" in l else l for l in e.get("leaders", [])]
        e["relationships"] = [{**r, "target": r["target"] + s} for r in e.get("relationships", [])]
        if not e["leaders"]:
            del e["leaders"]
        if not e["relationships"]:
            del e["relationships"]
    if kind == "glossary":
        e["term"] = _suffixed(item["term"], f" (copy {n})")
        if "actor" in e:
            e["actor"] += s
    if kind in ("actors", "glossary") and "abbr" in e:
        e["abbr"] = _suffixed(item["abbr"], f"-X{n}")
    if kind == "sources":
        e["url"] += ("&" if "?" in e["url"] else "?") + f"copy={n}"
    return e


def make_tenfold(target: Path) -> Path:
    project = copy_project(target)
    data = project / "docs" / "data"
    for kind in KINDS:
        for path in sorted((data / kind).glob("*.yml")):
            raw, problems = read_file(path, kind, path.name)
            assert raw is not None and not problems, problems
            copies = [copy_entry(kind, item, n) for n in range(1, COPIES + 1) for item in raw.items]
            (data / kind / f"{path.stem}-copies.yml").write_text(
                yaml.safe_dump(copies, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    for config_name, docs in (("mkdocs.yml", project / "docs"), ("mkdocs.fr.yml", project / "docs" / "fr")):
        pages = sorted((docs / "explainer").glob("*.md"))
        nav = []
        for n in range(1, COPIES + 1):
            folder = docs / f"explainer-copy{n}"
            folder.mkdir()
            nav.append(f"  - Explainer copy {n}:")
            for page in pages:
                shutil.copy(page, folder / page.name)
                nav.append(f"      - explainer-copy{n}/{page.name}")
        config = project / config_name
        text = config.read_text(encoding="utf-8")
        assert text.rstrip().splitlines()[-1].startswith("      - "), f"nav must be the last section of {config_name}"
        config.write_text(text.rstrip() + "\n" + "\n".join(nav) + "\n", encoding="utf-8")
    return project


# ---- The plain project ----------------------------------------------------------------------------------------
_ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_NOT_PROSE = re.compile(r"^---\n.*?\n---\n|<!--.*?-->|\[@[^\]]*\]|\{[^}\n]*\}|<[^>]+>", re.S)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def visible_text(page: Path) -> int:
    match = _ARTICLE.search(page.read_text(encoding="utf-8"))
    return len(html.unescape(_TAGS.sub(" ", match.group(1))).split()) if match else 0


def prose() -> list[str]:
    """Paragraphs of the explainer pages, without shortcodes, citations, attributes or HTML."""
    text = "\n\n".join(_LINK.sub(r"\1", _NOT_PROSE.sub("", p.read_text(encoding="utf-8")))
                       for p in sorted((ROOT / "docs" / "explainer").glob("*.md")))
    return [p.strip() for p in text.split("\n\n") if len(p.split()) > 20 and not p.lstrip().startswith(("#", "|", "!", "?", "-", "<"))]


def make_plain(target: Path, word_counts: list[int]) -> Path:
    """One Markdown page per entry of word_counts, each with that many words of prose; no hooks, no nav."""
    docs = target / "docs"
    docs.mkdir(parents=True)
    (target / "mkdocs.yml").write_text("site_name: Plain benchmark\nsite_url: https://example.org/plain/\n"
                                       "theme:\n  name: material\n  font: false\nplugins:\n  - search\n",
                                       encoding="utf-8")
    paragraphs, k = prose(), 0
    for index, words in enumerate(word_counts):
        out, count = [f"# Page {index}"], 0
        while count < words:
            if len(out) % 6 == 5:
                out.append(f"## Section {len(out)}")
            paragraph = paragraphs[k % len(paragraphs)]
            k += 1
            out.append(paragraph)
            count += len(paragraph.split())
        name = "index.md" if index == 0 else f"section-{index % 12}/page-{index}.md"
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("\n\n".join(out) + "\n", encoding="utf-8")
    return target


# ---- Report ---------------------------------------------------------------------------------------------------
def table(results: list[dict], runs: int) -> str:
    one, ten, plain = results
    lines = [f"Strict builds, median of {runs} runs each, in {runs} rounds of one build of each kind back to back "
             f"(`./scripts/site.sh bench --runs {runs}`; {os.cpu_count()} cores, Python {sys.version.split()[0]}).", "",
             "| Build | Pages | HTML written (MB) | Median time (s) | Median CPU time (s) | Peak memory (MB) |",
             "|---|---:|---:|---:|---:|---:|"]
    labels = {"1x": "the site (1x data)", "10x": "the site with 10x data and explainer pages",
              "plain": "plain Material, same page count and text as 10x, no hooks"}
    for r in results:
        lines.append(f"| {labels[r['name']]} | {r['pages']} | {r['html']:.1f} | {r['median']:.1f} | {r['cpu']:.1f} "
                     f"| {r['peak']:.0f} |")
    paired = [t / p for t, p in zip(ten["times"], plain["times"])]     # the builds of one round ran back to back
    hooks, scaling = statistics.median(paired), ten["median"] / one["median"]
    output = ten["html"] / one["html"]
    lines += ["", f"- Hooks' share at 10x: 10x / plain = **{hooks:.2f}**, the median of the {runs} rounds' ratios "
                  f"({', '.join(f'{r:.2f}' for r in paired)}; ratio of the medians "
                  f"{ten['median'] / plain['median']:.2f}; in CPU time {ten['cpu'] / plain['cpu']:.2f}; "
                  f"target ≤ 1.25: {'met' if hooks <= 1.25 else 'missed'}).",
              f"- Scaling: 10x / 1x = **{scaling:.1f}** (linear or better: ≤ 10; "
              f"{'met' if scaling <= 10 else 'missed'}). The 10x build writes {output:.1f} times the 1x build's "
              f"HTML, so each megabyte of pages costs {scaling / output:.2f} times what it costs at 1x.",
              "", "The 10x project copies every data entry nine times (new ids, references rewritten, abbreviations, "
              "URLs and glossary terms made unique) and the explainer pages into nine new navigation sections; the "
              "plain project has as many pages, each with as many words of prose as the visible text of the 10x page "
              "it stands for, and no hooks (see `scripts/benchmark.py`). The 10x explainer copies embed timelines chosen "
              "by year and key events, which hold ten times the events at 10x, so the HTML grows faster than tenfold."]
    return "\n".join(lines)


def update_readme(name: str, heading: str, body: str, before: list[str]) -> None:
    """Replace PERFORMANCE.md's text between <!-- NAME:start --> and <!-- NAME:end -->; add the section if missing,
    just before the first heading in `before` that exists. (The name is kept for the scripts that call it.)"""
    readme = ROOT / "PERFORMANCE.md"
    text = readme.read_text(encoding="utf-8")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{body.strip()}\n{end}"
    if start in text and end in text:
        text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        anchor = next((h for h in before if f"\n{h}\n" in text), None)
        section = f"{heading}\n\n{block}\n\n"
        text = text.replace(f"\n{anchor}\n", f"\n{section}{anchor}\n", 1) if anchor else text.rstrip() + "\n\n" + section
    readme.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind (default 3)")
    parser.add_argument("--write-readme", action="store_true", help="put the table in PERFORMANCE.md")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep the generated projects")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print("Generating the 10x project", file=sys.stderr)
        shutil.rmtree(work / "tenfold", ignore_errors=True)
        kinds = [Timings("1x", ROOT, work / "site-1x"), Timings("10x", make_tenfold(work / "tenfold"),
                                                                 work / "site-10x")]
        # Rounds of one build of each kind, back to back, so that the machine's drift (large on shared machines)
        # weighs on all kinds alike; the plain project is generated from the first 10x build's pages.
        for round_ in range(args.runs):
            for kind in kinds:
                kind.run(args.runs)
            if round_ == 0:
                counts = [visible_text(p) for p in built_pages(work / "site-10x")]
                shutil.rmtree(work / "plain", ignore_errors=True)
                kinds.append(Timings("plain", make_plain(work / "plain", counts), work / "site-plain"))
                kinds[2].run(args.runs)
        results = [kind.result() for kind in kinds]
        assert results[2]["pages"] == results[1]["pages"], (results[2]["pages"], results[1]["pages"])
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    report = table(results, args.runs)
    print(report)
    if args.write_readme:
        update_readme("benchmark", "## Performance", report, ["## Lighthouse", "## Licences"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
