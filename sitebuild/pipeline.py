"""The build, step by step. Every step of making the site is here, in the order it runs; both builders run it.

1. **load**: read and check the data (docs/data/) and every page (docs/**/*.md). Any problem stops the build with
   one line each, naming file, line, entry and field, all at once.                       -> load()
2. **generate**: write the pages and files that come from the data: one page per actor, the open data (JSON and
   CSV), the bundled stylesheet and script; and the actors' place in the navigation.     -> generate(), nav()
3. **expand**: in each page's Markdown, shortcodes become timelines, maps and lists, `[@id]` citations and
   `[#figure]` references become numbered links and figures, with the list of sources at the end. This runs
   inside the builder, as a Python-Markdown extension (sitebuild/extension.py, listed in mkdocs.yml).
4. **render**: the builder (MkDocs or Zensical) turns Markdown into HTML pages with Material's templates.
5. **finish**: each page's HTML gets its `site:` links made relative, abbreviations marked, self-check questions,
   print options and addresses, scrollable tables and its Content-Security-Policy; then every internal link and
   anchor of the built site is checked.                                                  -> finish_page(), finish_site()

How each builder runs it: MkDocs through its adapter, sitebuild/mkdocs_hooks.py (the only hook in mkdocs.yml);
Zensical through sitebuild/zensical.py, which stages the generated pages, runs `zensical build`, then finishes the
pages. `python -m sitebuild validate` runs step 1 alone.

State: a build's loaded Project is made once and passed along; load() keeps the last one, keyed by the files'
sizes and modification times, so the builder's events and the Markdown extension share it without re-reading.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import jinja2
import yaml
from markupsafe import escape

from . import open_data
from .data import checks, figure_check, loader, markdown_lint, schema, shortcodes
from .data.dataset import Dataset
from .data.problems import InputError, Problem
from .html import abbreviations, csp, gate, links, print_links, print_options, self_check, tables
from .render import figures
from .render.context import TIMELINE, timeline_page, timeline_slugs
from .render.embeds.actors import label as actor_label
from .render.text import markdown_text, slug
from .vocab import Vocabulary, kinds, read_schema

PACKAGE = Path(__file__).resolve().parent
CONFIG = "mkdocs.yml"
ACTORS_SECTION = "Actors"                        # the navigation section that lists the actor pages
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)
PAGE_KEYS = {"title", "description", "hide", "search", "key_points"}    # what a page's front matter may set


# ---- The project a build reads ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Page:
    path: str                   # below docs/, e.g. explainer/2012.md
    title: str
    text: str                   # the Markdown, without front matter
    meta: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ExplainerPage:
    path: str
    title: str
    text: str
    words: frozenset[str]
    linked_actors: frozenset[str]


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path
    config: dict
    kinds: tuple[str, ...]
    schemas: dict[str, dict]
    vocab: Vocabulary
    dataset: Dataset
    pages: dict[str, Page]

    @property
    def schema_dir(self) -> Path:
        return self.docs_dir / "data" / "schema"

    @cached_property
    def templates(self) -> jinja2.Environment:
        """The HTML templates of the site's own blocks (sitebuild/templates/): every value is escaped for HTML."""
        return _templates(escape, autoescape=True)

    @cached_property
    def markdown_templates(self) -> jinja2.Environment:
        """The Markdown templates (sitebuild/templates/markdown/): every value is escaped for Markdown, so data shows
        as text (render/text.py: markdown_text); `|slug` writes a checked id into an anchor."""
        env = _templates(markdown_text, finalize=markdown_text)
        env.filters["slug"] = slug
        return env

    @cached_property
    def abbreviations(self) -> abbreviations.Marker:
        """Marks the abbreviations of the actors and the glossary in every page's text."""
        return abbreviations.Marker(self.dataset.abbreviations())

    def page_at(self, dest: str, directory_urls: bool) -> Page | None:
        """The page written at `dest` in the site, if it is one of docs/'s Markdown pages."""
        return next((p for path, p in self.pages.items() if links.dest(path, directory_urls) == dest), None)

    @cached_property
    def pages_by_text(self) -> dict[str, Page]:
        """Each page by its Markdown, stripped: how the extension, which a builder hands only the text, finds the
        page it is expanding (and its front matter). Generated pages are not here."""
        return {page.text.strip(): page for page in self.pages.values()}

    @cached_property
    def explainer_index(self) -> tuple[ExplainerPage, ...]:
        """Each explainer page with its words and the actor pages it links to, for the actors' 'mentioned in'."""
        return tuple(ExplainerPage(p.path, p.title, p.text, frozenset(re.findall(r"\w+", p.text)),
                                   frozenset(re.findall(r"actors/([a-z0-9-]+)\.md", p.text)))
                     for path, p in sorted(self.pages.items()) if path.startswith("explainer/"))


def _templates(escape_text, **options) -> jinja2.Environment:
    """The site's templates, with `|figures`: a data text's [#figure] references rendered, the rest escaped by
    `escape_text` (for HTML or for Markdown); `|figures(false)` links a figure's sources straight to the documents."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(PACKAGE / "templates"), auto_reload=False, **options)
    env.filters["figures"] = jinja2.pass_context(
        lambda context, text, cite=True: figures.in_text(text, context["ctx"], escape_text, cite))
    return env


def read_config(root: Path) -> dict:
    """mkdocs.yml as data, with `!ENV [NAME, default]` read from the environment as MkDocs reads it."""
    class ConfigLoader(yaml.SafeLoader):
        pass

    def env(loader, node):
        names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
        *keys, default = names if len(names) > 1 else (names + [None])
        for key in keys:
            if key in os.environ:
                return yaml.safe_load(os.environ[key])
        return default

    ConfigLoader.add_constructor("!ENV", env)
    return yaml.load((root / CONFIG).read_text(encoding="utf-8"), Loader=ConfigLoader) or {}


# ---- Step 1: load ----------------------------------------------------------------------------------------------
def load(root: Path) -> Project:
    """The checked project at `root`; raises InputError listing every problem."""
    root = root.resolve()
    config = _config(root, _stamp(root / CONFIG))
    docs = root / config.get("docs_dir", "docs")
    return _load(root, _stamp(root / CONFIG) + tuple(_stamp(p) for p in sorted(docs.rglob("*")) if p.is_file()))


def _stamp(path: Path) -> tuple:
    stat = path.stat()
    return (str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1)
def _config(root: Path, stamp: tuple) -> dict:
    return read_config(root)


@lru_cache(maxsize=1)
def _load(root: Path, fingerprint: tuple) -> Project:
    config = _config(root, _stamp(root / CONFIG))
    docs_dir = root / config.get("docs_dir", "docs")
    schema_dir = docs_dir / "data" / "schema"
    kind_names = kinds(schema_dir)
    schemas = {kind: read_schema(schema_dir, kind) for kind in kind_names}
    vocab = Vocabulary.read(schema_dir)
    dataset, problems = load_data(docs_dir, root, kind_names, schemas)
    pages, page_problems = read_pages(docs_dir, root)
    problems += page_problems
    project = Project(root, docs_dir, config, kind_names, schemas, vocab, dataset, pages)
    problems += check_pages(project)
    if problems:
        raise InputError(problems)
    return project


def load_data(docs_dir: Path, root: Path, kind_names, schemas) -> tuple[Dataset, list[Problem]]:
    """Parse every data file, check it against its schema, then check what the schemas cannot: references, dates,
    URLs... A reference to a kind whose file did not parse is not checked (one line says so)."""
    raw_files, problems = loader.read_all(docs_dir / "data", root, kind_names)
    entries = []
    for raw in raw_files:
        found, errors = schema.validate(raw, schemas[raw.kind])
        entries += found
        problems += errors
    unparsed = {p.file.split("/")[-2] for p in problems if p.message.startswith("malformed YAML")}
    problems += checks.check_all(entries, skip_references_to=unparsed)
    grouped = {kind: [e for e in entries if e.kind == kind and isinstance(e.data, dict) and e.id] for kind in kind_names}
    return Dataset(grouped), problems


def read_pages(docs_dir: Path, root: Path) -> tuple[dict[str, Page], list[Problem]]:
    """Every Markdown page, its front matter parsed and checked: a YAML mapping of the keys pages may set."""
    pages, problems = {}, []
    for file in sorted(docs_dir.rglob("*.md")):
        path = file.relative_to(docs_dir).as_posix()
        shown = file.relative_to(root).as_posix()
        text = file.read_text(encoding="utf-8")
        meta, body, error = front_matter(text)
        if error:
            problems.append(Problem(shown, error[0], "", "front matter", error[1]))
        title = meta.get("title") if isinstance(meta.get("title"), str) else None
        heading = next((line[2:].strip() for line in body.split("\n") if line.startswith("# ")), None)
        pages[path] = Page(path, title or heading or file.stem, body, meta)
    return pages, problems


def front_matter(text: str) -> tuple[dict, str, tuple[int, str] | None]:
    """(meta, body, (line, problem) or None). The body keeps the front matter's lines blank, so line numbers hold."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, None
    body = "\n" * match.group(0).count("\n") + text[match.end():]
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return {}, body, (mark.line + 2 if mark else 1, f"malformed YAML: {getattr(err, 'problem', err)} (quote a "
                                                        "value that contains a colon)")
    if not isinstance(meta, dict):
        return {}, body, (1, "expected keys such as 'title: ...' and 'description: ...'")
    unknown = sorted(set(map(str, meta)) - PAGE_KEYS)
    if unknown:
        return meta, body, (1, f"unknown key '{unknown[0]}' (allowed: {', '.join(sorted(PAGE_KEYS))})")
    for key in ("title", "description"):
        if key in meta and not isinstance(meta[key], str):
            return meta, body, (1, f"'{key}' must be text")
        if key in meta and any(c in meta[key] for c in '<>"\n'):
            return meta, body, (1, f"'{key}' is plain text on one line, without '<', '>' or '\"' (the theme writes "
                                   "it into the page's head)")
    points = meta.get("key_points")
    if points is not None and not (isinstance(points, list) and 3 <= len(points) <= 5
                                   and all(isinstance(p, str) and p.strip() for p in points)):
        return meta, body, (1, "'key_points' must be a list of 3 to 5 sentences")
    return meta, body, None


def check_pages(project: Project) -> list[Problem]:
    """Lint every page (citations, figures and shortcodes known, no script) and what the data says about pages."""
    ids = {kind: set(index) for kind, index in project.dataset.by_id.items()}
    choices = {"category": list(project.vocab.event_categories), "timeline-page": timeline_slugs()}
    prefix = project.docs_dir.relative_to(project.root).as_posix()
    problems = []
    for path, page in project.pages.items():
        problems += markdown_lint.lint(f"{prefix}/{path}", page.text, ids, choices, project.dataset)
        points = page.meta.get("key_points") or []
        if isinstance(points, list):      # checked in front matter; reported at the front matter's first line
            problems += [Problem(p.file, 1, "", "key_points", p.message)
                         for p in markdown_lint.lint(f"{prefix}/{path}", "\n".join(map(str, points)), ids, choices,
                                                     project.dataset)]
    for entry in project.dataset.entries.get("glossary", []):
        for index, target in enumerate(entry.data.get("see", [])):
            if target.split("#")[0] not in project.pages:
                problems.append(entry.problem(f"see[{index}]", f"no page '{target.split('#')[0]}' under docs/"))
    figures = project.dataset.items("figures") if "figures" in project.kinds else []
    for path, page in project.pages.items():
        problems += [Problem(f"{prefix}/{path}", line, "", "", message)
                     for line, message in figure_check.check(page.text, figures)]
    for kind in ("events", "actors", "places", "glossary"):       # what the site states; sources say what *they* say
        for entry in project.dataset.entries.get(kind, []):
            for label, text in checks.texts(entry.data):
                if label.split(".")[-1].split("[")[0] not in figure_check.PROSE_FIELDS:
                    continue
                context = " ".join(str(entry.data.get(k, "")) for k in ("title", "name", "term", "summary"))
                problems += [entry.problem(label, message) for _, message in figure_check.check(text, figures, context)]
                problems += [entry.problem(label, f"unknown figure '{m.group(1)}' (expected an id defined in "
                                                  "docs/data/figures/)")
                             for m in markdown_lint.FIGURE.finditer(text) if project.dataset.get("figures", m.group(1)) is None]
    for entry in project.dataset.entries.get("figures", []):
        target = entry.data.get("explained", "").split("#")[0]
        if target and target not in project.pages:
            problems.append(entry.problem("explained", f"no page '{target}' under docs/"))
    return problems + check_timeline_pages(project)


def check_timeline_pages(project: Project) -> list[Problem]:
    """Each event's full entry is on the timeline page of its year: when the site has the timeline, that page must
    exist and show its events with <!-- md:timeline full=YEAR -->. One problem per page, naming its first event."""
    if TIMELINE not in project.pages:
        return []
    problems, seen = [], set()
    for entry in project.dataset.entries["events"]:
        page = timeline_page(entry.data)
        slug = page.removeprefix("timeline/").removesuffix(".md")
        if page in seen:
            continue
        seen.add(page)
        count = sum(timeline_page(e.data) == page for e in project.dataset.entries["events"])
        if page not in project.pages:
            problems.append(entry.problem("date", f"this event and {count - 1} more belong on the timeline page "
                                                  f"docs/{page}, which does not exist: create it with "
                                                  f"<!-- md:timeline full={slug} -->"))
        elif not any(c.name == "timeline" and c.args.get("full") == slug
                     for c in shortcodes.find(project.pages[page].text)):
            problems.append(entry.problem("date", f"this event and {count - 1} more belong on the timeline page "
                                                  f"docs/{page}, which has no <!-- md:timeline full={slug} --> to "
                                                  "show them"))
    return problems


# ---- Step 2: generate ------------------------------------------------------------------------------------------
def generate(project: Project) -> dict[str, str]:
    """Path below the site -> content, for every file made from the data: actor pages (Markdown, unless
    docs/actors/<id>.md exists), the open data, and the bundled stylesheet and script."""
    out = {}
    for actor in project.dataset.items("actors"):
        path = f"actors/{actor['id']}.md"
        if path not in project.pages:
            meta = {"title": actor_label(actor),
                    "description": f"Who is {actor_label(actor)}? Data, relationships and events in the Mali crisis, "
                                   "2012 to 2015.",
                    "search": {"boost": 2}}     # actor pages rank above the sources registry for names
            front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
            out[path] = f"---\n{front}---\n\n# {markdown_text(actor_label(actor))}\n\n<!-- md:actor {actor['id']} -->\n"
    out.update(open_data.files(project))
    for bundle, sources in (project.config.get("extra", {}).get("bundles") or {}).items():
        parts = [f"/* ---- {src} ---- */\n" + (project.docs_dir / src).read_text(encoding="utf-8").rstrip() + "\n"
                 for src in sources]
        out[bundle] = "\n".join(parts)
    return out


def nav(project: Project, entries: list) -> list:
    """The navigation with the actor pages added, grouped by category, to the section named 'Actors'."""
    result = []
    for item in entries or []:
        if isinstance(item, dict) and ACTORS_SECTION in item:
            section = [e for e in item[ACTORS_SECTION]
                       if not isinstance(e, dict) or list(e)[0] not in project.vocab.actor_categories.values()]
            for category, heading in project.vocab.actor_categories.items():
                actors = sorted((a for a in project.dataset.items("actors") if a["category"] == category),
                                key=lambda a: a["name"].lower())
                if actors:
                    section.append({heading: [{actor_label(a): f"actors/{a['id']}.md"} for a in actors]})
            item = {ACTORS_SECTION: section}
        result.append(item)
    return result


# ---- Step 5: finish --------------------------------------------------------------------------------------------
def finish_page(html: str, dest: str, project: Project, directory_urls: bool, offline: bool) -> str:
    """One built page: `dest` is its path in the site (explainer/2012/index.html). Raises InputError when the page's
    content holds anything the gate's allow-list does not (sitebuild/html/gate.py)."""
    html = links.resolve(html, dest, directory_urls)
    found = gate.check(html) if dest != "404.html" else []      # the 404 page is the theme's own template
    if found:
        page = project.page_at(dest, directory_urls)
        shown = f"{project.docs_dir.relative_to(project.root).as_posix()}/{page.path}" if page else dest
        raise InputError([Problem(shown, gate.trace(m, page.text) if page else 0, "", "",
                                  f"{m} (see CONTRIBUTING, 'What a page may contain')") for m in found])
    html = project.abbreviations.mark(html)
    html = self_check.mark(html)
    html = print_options.add(html)
    html = print_links.add(html, dest, project.config)
    html = tables.box(html)
    return csp.add(html, offline)


def finish_site(site_dir: Path) -> None:
    """Every internal link and anchor of the built site resolves; raises InputError listing those that do not."""
    problems = links.check_site(site_dir)
    if problems:
        raise InputError(problems)
