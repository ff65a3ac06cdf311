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

from . import i18n, open_data
from .data import checks, figure_check, loader, markdown_lint, schema, shortcodes
from .data.dataset import Dataset
from .data.problems import InputError, Problem
from .html import abbreviations, csp, gate, links, print_links, print_options, self_check, sitemaps, tables
from .render import figures
from .render.context import TIMELINE, timeline_page, timeline_slugs
from .render.embeds.actors import label as actor_label
from .render.text import markdown_text, slug
from .vocab import MissingTitle, Vocabulary, kinds, read_schema

PACKAGE = Path(__file__).resolve().parent
LANGUAGES = {"en": "mkdocs.yml", "fr": "mkdocs.fr.yml"}     # each language's configuration; English first
DEFAULT = "en"                                   # its site is the root; each other language's is below it (fr/)
ACTORS_INDEX = "actors/index.md"                 # the navigation section holding it lists the actor pages
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
    docs_dir: Path              # this language's pages (docs/, or docs/fr/ for French)
    config: dict
    kinds: tuple[str, ...]
    schemas: dict[str, dict]
    vocab: Vocabulary
    dataset: Dataset
    pages: dict[str, Page]
    lang: str = DEFAULT
    english: dict[str, Page] = field(default_factory=dict)     # the English pages (for a translation's notices)

    @property
    def shared_dir(self) -> Path:
        """docs/: the data, stylesheets, scripts and images every language's site uses."""
        return _shared_dir(self.root)

    @property
    def schema_dir(self) -> Path:
        return self.shared_dir / "data" / "schema"

    @cached_property
    def templates(self) -> jinja2.Environment:
        """The HTML templates of the site's own blocks (sitebuild/templates/): every value is escaped for HTML."""
        return _templates(escape, self.lang, autoescape=True)

    @cached_property
    def markdown_templates(self) -> jinja2.Environment:
        """The Markdown templates (sitebuild/templates/markdown/): every value is escaped for Markdown, so data shows
        as text (render/text.py: markdown_text); `|slug` writes a checked id into an anchor."""
        env = _templates(markdown_text, self.lang, finalize=markdown_text)
        env.filters["slug"] = slug
        return env

    @cached_property
    def abbreviations(self) -> abbreviations.Marker:
        """Marks the abbreviations of the actors and the glossary in every page's text: in a translation, its own
        (ONU, CEDEAO) and the English ones, which English titles and names on its pages still use (UN, ECOWAS)."""
        found = self.dataset.abbreviations()
        if self.lang != DEFAULT:
            found = {**load(self.root, DEFAULT).dataset.abbreviations(), **found}
        return abbreviations.Marker(found)

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


def _templates(escape_text, lang: str, **options) -> jinja2.Environment:
    """The site's templates, with `|figures`: a data text's [#figure] references rendered, the rest escaped by
    `escape_text` (for HTML or for Markdown); `|figures(false)` links a figure's sources straight to the documents;
    and `_("English text")`, the interface text in the page's language (sitebuild/i18n.py)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(PACKAGE / "templates"), auto_reload=False, **options)
    env.globals["_"] = lambda text: i18n.ui(text, lang)
    env.globals["lang"] = lang
    env.filters["figures"] = jinja2.pass_context(
        lambda context, text, cite=True: figures.in_text(text, context["ctx"], escape_text, cite))
    return env


def read_config(root: Path, lang: str = DEFAULT) -> dict:
    """The language's configuration (mkdocs.yml, mkdocs.fr.yml) as data, as MkDocs reads it: `!ENV [NAME, default]`
    from the environment, and `INHERIT: file` merged under it (mappings merged, anything else replaced)."""
    return _read_config(root / LANGUAGES[lang])


def _merge(parent: dict, child: dict) -> dict:
    merged = dict(parent)
    for key, value in child.items():
        merged[key] = _merge(parent[key], value) if isinstance(value, dict) and isinstance(parent.get(key), dict) else value
    return merged


def _read_config(path: Path) -> dict:
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
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=ConfigLoader) or {}
    parent = config.pop("INHERIT", None)
    return _merge(_read_config(path.parent / parent), config) if parent else config


# ---- Step 1: load ----------------------------------------------------------------------------------------------
def load(root: Path, lang: str = DEFAULT) -> Project:
    """The checked project at `root`, in one language; raises InputError listing every problem."""
    root = root.resolve()
    docs = _shared_dir(root)
    configs = tuple(_stamp(root / name) for name in LANGUAGES.values() if (root / name).exists())
    return _load(root, lang, configs + tuple(_stamp(p) for p in sorted(docs.rglob("*")) if p.is_file()))


def _stamp(path: Path) -> tuple:
    stat = path.stat()
    return (str(path), stat.st_mtime_ns, stat.st_size)


def _shared_dir(root: Path) -> Path:
    """docs/, the English pages' folder: the data, stylesheets, scripts and images every language uses."""
    return root / _config(root, DEFAULT).get("docs_dir", "docs")


def _config(root: Path, lang: str) -> dict:
    return _config_at(root / LANGUAGES[lang], _stamp(root / LANGUAGES[lang]))


@lru_cache(maxsize=len(LANGUAGES))
def _config_at(path: Path, stamp: tuple) -> dict:
    return read_config(path.parent, next(k for k, v in LANGUAGES.items() if v == path.name))


@lru_cache(maxsize=len(LANGUAGES))
def _load(root: Path, lang: str, fingerprint: tuple) -> Project:
    config = _config(root, lang)
    shared = _shared_dir(root)
    docs_dir = root / config.get("docs_dir", "docs")
    schema_dir = shared / "data" / "schema"
    kind_names = kinds(schema_dir)
    schemas = {kind: read_schema(schema_dir, kind) for kind in kind_names}
    try:
        vocab = Vocabulary.read(schema_dir, lang)
    except MissingTitle as missing:
        raise InputError([Problem(missing.args[0], 0, missing.args[1], missing.args[2], missing.args[3])]) from None
    dataset, problems = load_data(shared, root, kind_names, schemas, lang)
    pages, page_problems = read_pages(docs_dir, root, skip=language_dirs(root, docs_dir))
    english = pages if lang == DEFAULT else read_pages(shared, root, skip=language_dirs(root, shared))[0]
    problems += page_problems + check_translation(root, lang, config, pages, english)
    project = Project(root, docs_dir, config, kind_names, schemas, vocab, dataset, pages, lang, english)
    problems += check_pages(project)
    if problems:
        raise InputError(problems)
    return project


def language_dirs(root: Path, docs_dir: Path) -> set[Path]:
    """The other languages' page folders inside this one (docs/fr/ inside docs/)."""
    found = {root / _config(root, lang).get("docs_dir", "docs") for lang in LANGUAGES if (root / LANGUAGES[lang]).exists()}
    return {d for d in found if d != docs_dir and docs_dir in d.parents}


def load_data(docs_dir: Path, root: Path, kind_names, schemas, lang: str = DEFAULT) -> tuple[Dataset, list[Problem]]:
    """Parse every data file, check it against its schema (every text in both languages: `{en: ..., fr: ...}`),
    take each text in `lang`, then check what the schemas cannot: references, dates, URLs... A reference to a kind
    whose file did not parse is not checked (one line says so)."""
    raw_files, problems = loader.read_all(docs_dir / "data", root, kind_names)
    entries = []
    for raw in raw_files:
        found, errors = schema.validate(raw, schemas[raw.kind], docs_dir / "data" / "schema")
        entries += [loader.Entry(e.kind, e.file, e.line, localize(e.data, lang), lang, e.data) for e in found]
        problems += errors
    unparsed = {p.file.split("/")[-2] for p in problems if p.message.startswith("malformed YAML")}
    problems += checks.check_all(entries, skip_references_to=unparsed, lang=lang)
    grouped = {kind: [e for e in entries if e.kind == kind and isinstance(e.data, dict) and e.id] for kind in kind_names}
    return Dataset(grouped), problems


def localize(value, lang: str):
    """The data with each text `{en: ..., fr: ...}` taken in `lang`; a plain text (a name the same in both) stays."""
    if isinstance(value, dict):
        if set(value) == set(LANGUAGES) and all(isinstance(v, (str, list)) for v in value.values()):
            return value[lang]
        return {key: localize(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [localize(item, lang) for item in value]
    return value


def read_pages(docs_dir: Path, root: Path, skip: set[Path] = frozenset()) -> tuple[dict[str, Page], list[Problem]]:
    """Every Markdown page, its front matter parsed and checked: a YAML mapping of the keys pages may set."""
    pages, problems = {}, []
    for file in sorted(docs_dir.rglob("*.md")):
        if any(d in file.parents for d in skip):
            continue
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
            if target.split("#")[0] not in project.english:
                problems.append(entry.problem(f"see[{index}]", f"no page '{target.split('#')[0]}' under docs/"))
    figures = project.dataset.items("figures") if "figures" in project.kinds else []
    for path, page in project.pages.items():
        problems += [Problem(f"{prefix}/{path}", line, "", "", message)
                     for line, message in figure_check.check(page.text, figures, lang=project.lang)]
    for kind in ("events", "actors", "places", "glossary"):       # what the site states; sources say what *they* say
        for entry in project.dataset.entries.get(kind, []):
            for label, text in checks.texts(entry.data):
                if label.split(".")[-1].split("[")[0] not in figure_check.PROSE_FIELDS:
                    continue
                context = " ".join(str(entry.data.get(k, "")) for k in ("title", "name", "term", "summary"))
                problems += [entry.problem(label, message)
                             for _, message in figure_check.check(text, figures, context, project.lang)]
                problems += [entry.problem(label, f"unknown figure '{m.group(1)}' (expected an id defined in "
                                                  "docs/data/figures/)")
                             for m in markdown_lint.FIGURE.finditer(text) if project.dataset.get("figures", m.group(1)) is None]
    for entry in project.dataset.entries.get("figures", []):
        target = entry.data.get("explained", "").split("#")[0]
        if target and target not in project.english:
            problems.append(entry.problem("explained", f"no page '{target}' under docs/"))
    return problems + check_timeline_pages(project)


def check_translation(root: Path, lang: str, config: dict, pages: dict[str, Page], english: dict[str, Page]) -> list[Problem]:
    """A translation has every English page, or lists it under `extra.untranslated` in its configuration (it is then
    shown in English with a notice); it has no page English does not have."""
    if lang == DEFAULT:
        return []
    shown = LANGUAGES[lang]
    docs = (root / config.get("docs_dir", "docs")).relative_to(root).as_posix()
    listed = (config.get("extra") or {}).get("untranslated") or []
    problems = [Problem(shown, 0, "", "extra.untranslated", f"'{path}' is translated ({docs}/{path}): take it off "
                                                               "the list") for path in listed if path in pages]
    problems += [Problem(shown, 0, "", "extra.untranslated", f"'{path}' is not an English page under docs/")
                 for path in listed if path not in english]
    problems += [Problem(f"{docs}/{path}", 0, "", "", f"no English page docs/{path}: a translation has the English "
                                                      "page's path") for path in pages if path not in english]
    problems += [Problem(f"docs/{path}", 0, "", "", f"no {lang} translation: write {docs}/{path}, or list "
                                                    f"'{path}' under extra.untranslated in {shown}")
                 for path in english if path not in pages and path not in listed]
    return problems


def check_timeline_pages(project: Project) -> list[Problem]:
    """Each event's full entry is on the timeline page of its year: when the site has the timeline, that page must
    exist and show its events with <!-- md:timeline full=YEAR -->. One problem per page, naming its first event."""
    if TIMELINE not in project.pages or project.lang != DEFAULT:      # the English pages are checked once
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
SOURCE_ONLY = re.compile(r"data/[^/]+/[^/]+\.yml$|data/map/")    # read by the build, not published (exclude_docs)


def generate(project: Project) -> dict[str, str | Path]:
    """Path below the site -> content (or the file to copy), for every file made from the data: actor pages
    (Markdown, unless docs/actors/<id>.md exists), the open data, and the bundled stylesheet and script. A translation
    also gets the files the English site publishes from docs/ (stylesheets, scripts, images, the JSON Schemas), and
    each page listed as untranslated: the English page under a notice saying so."""
    out: dict[str, str | Path] = {}
    for actor in project.dataset.items("actors"):
        path = f"actors/{actor['id']}.md"
        if path not in project.pages:
            meta = {"title": actor_label(actor),
                    "description": i18n.ui("Who is {name}? Data, relationships and events in the Mali crisis, 2012 "
                                           "to 2015.", project.lang).format(name=actor_label(actor)),
                    "search": {"boost": 2}}     # actor pages rank above the sources registry for names
            front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
            out[path] = f"---\n{front}---\n\n# {markdown_text(actor_label(actor))}\n\n<!-- md:actor {actor['id']} -->\n"
    out.update(open_data.files(project))
    bundles = project.config.get("extra", {}).get("bundles") or {}
    for bundle, sources in bundles.items():
        parts = [f"/* ---- {src} ---- */\n" + (project.shared_dir / src).read_text(encoding="utf-8").rstrip() + "\n"
                 for src in sources]
        out[bundle] = "\n".join(parts)
    if project.lang != DEFAULT:
        bundled = {src for sources in bundles.values() for src in sources}
        others = language_dirs(project.root, project.shared_dir)
        for file in sorted(project.shared_dir.rglob("*")):
            path = file.relative_to(project.shared_dir).as_posix()
            if (file.is_file() and file.suffix != ".md" and path not in bundled and not SOURCE_ONLY.match(path)
                    and not any(d in file.parents for d in others)):
                out.setdefault(path, file)
        for path in (project.config.get("extra") or {}).get("untranslated") or []:
            out[path] = untranslated_page(project, project.english[path])
    return out


def untranslated_page(project: Project, english: Page) -> str:
    """A page not yet translated: its English text, marked as English, under a notice in the reader's language."""
    meta = {"title": english.title, "description": english.meta.get("description", english.title)}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    notice = i18n.ui("This page is not translated yet. Here it is in English.", project.lang)
    title = i18n.ui("Not translated yet", project.lang)
    return (f"---\n{front}---\n\n!!! warning \"{title}\"\n\n    {notice}\n\n<div lang=\"en\" markdown>\n\n"
            f"{english.text.strip()}\n\n</div>\n")


def nav(project: Project, entries: list) -> list:
    """The navigation with the actor pages added, grouped by category, to the section that holds actors/index.md."""
    result = []
    for item in entries or []:
        if isinstance(item, dict) and ACTORS_INDEX in _paths(item):
            (title, items), = item.items()
            section = [e for e in items
                       if not isinstance(e, dict) or list(e)[0] not in project.vocab.actor_categories.values()]
            for category, heading in project.vocab.actor_categories.items():
                actors = sorted((a for a in project.dataset.items("actors") if a["category"] == category),
                                key=lambda a: a["name"].lower())
                if actors:
                    section.append({heading: [{actor_label(a): f"actors/{a['id']}.md"} for a in actors]})
            item = {title: section}
        result.append(item)
    return result


NAMES = {"en": "English", "fr": "Français"}


def theme_extra(project: Project) -> dict:
    """What the theme's partials read from `extra`: the language switch, the interface text in the page's language
    (partials/i18n.html), and where this language's pages are in a published edition (partials/edition.html)."""
    return {"alternate": alternates(project.lang), "ui": i18n.catalogue(project.lang),
            "site_root": _site_root(project), "language_path": language_path(project.lang)}


def language_path(lang: str) -> str:
    """Where a language's site is below the English one, in the build and in every edition: '' or 'fr/'."""
    return "" if lang == DEFAULT else f"{lang}/"


def _site_root(project: Project) -> str:
    return str(_config(project.root, DEFAULT).get("site_url") or "").rstrip("/") + "/"


def edition_base(project: Project) -> str:
    """The published address of this language's site in the edition being built: site_url + edition + fr/."""
    edition = (project.config.get("extra") or {}).get("edition", "dev")
    return f"{_site_root(project)}{edition}/{language_path(project.lang)}"


def alternates(lang: str) -> list[dict]:
    """The language switch (Material's `extra.alternate`): each language's site, relative to this one's root; the
    theme's partial (overrides/partials/alternate.html) adds the page's own path, so it leads to the same page."""
    def root(other: str) -> str:
        if other == lang:
            return ""
        return ("" if lang == DEFAULT else "../") + language_path(other)
    return [{"name": NAMES[other], "lang": other, "link": root(other)} for other in LANGUAGES]


def _paths(item) -> list[str]:
    """The page paths of one navigation entry and its children."""
    if isinstance(item, str):
        return [item]
    if isinstance(item, dict):
        return [p for value in item.values() for p in _paths(value)]
    if isinstance(item, list):
        return [p for value in item for p in _paths(value)]
    return []


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
    html = self_check.mark(html, project.lang)
    html = print_options.add(html, project.lang)
    html = print_links.add(html, dest, edition_base(project), project.lang)
    html = tables.box(html, project.lang)
    return csp.add(html, offline)


def finish_site(site_dir: Path, project: Project) -> None:
    """Every internal link and anchor of the built site resolves (raises InputError listing those that do not); and
    once every language is built, each sitemap names every page's address in each language (hreflang)."""
    problems = links.check_site(site_dir)
    if problems:
        raise InputError(problems)
    if project.lang == DEFAULT:
        sitemaps.add_alternates(site_dir, _site_root(project), [language_path(lang) for lang in LANGUAGES])
