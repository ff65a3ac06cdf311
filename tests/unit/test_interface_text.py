"""The interface text: every English text the site's own code writes has its French in sitebuild/locale/fr.yml, the
one catalogue, and the catalogue holds nothing else.

Texts are found where the code writes them: `_("...")` in sitebuild/templates/ (read with Jinja's parser),
`i18n.t("...")` in the theme's overrides/, `ui("...")` and `ctx.ui("...")` in sitebuild/ and scripts/ (read with
Python's ast), and the tables of English texts that the code gives to ui() one by one (map names, diagram texts,
language names...).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from sitebuild import i18n, vocab
from sitebuild.html import print_links, print_options, self_check
from sitebuild.render import expand
from sitebuild.render.embeds import maps, relationships
from support import ROOT

PACKAGE = ROOT / "sitebuild"
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _template_texts(folder: Path, is_call) -> dict[str, str]:
    """Text -> where, for every call the test `is_call` accepts whose first argument is a string."""
    env = jinja2.Environment()
    found = {}
    for path in sorted(folder.rglob("*.html")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        for call in tree.find_all(nodes.Call):
            if is_call(call.node) and call.args and isinstance(call.args[0], nodes.Const) \
                    and isinstance(call.args[0].value, str):
                found.setdefault(call.args[0].value, f"{path.relative_to(ROOT)}:{call.lineno}")
    return found


def template_texts() -> dict[str, str]:
    """`_("...")` in sitebuild/templates/."""
    return _template_texts(PACKAGE / "templates", lambda f: isinstance(f, nodes.Name) and f.name == "_")


def theme_texts() -> dict[str, str]:
    """`i18n.t("...")` in overrides/ (partials/i18n.html)."""
    return _template_texts(ROOT / "overrides", lambda f: isinstance(f, nodes.Getattr) and f.attr == "t"
                           and isinstance(f.node, nodes.Name) and f.node.name == "i18n")


def _strings(node: ast.expr) -> list[str]:
    """The texts an argument can be: a string literal (literals joined too), either branch of `a if c else b`; a
    variable gives none (the tables below list what it can be)."""
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return []
    return [value] if isinstance(value, str) else []


def python_texts() -> dict[str, str]:
    """`ui("...")`, `ctx.ui("...")`, `i18n.ui("...")` in sitebuild/*.py and scripts/*.py."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")) + sorted((ROOT / "scripts").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or not call.args:
                continue
            name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
            if name == "ui":
                for text in _strings(call.args[0]):
                    found.setdefault(text, f"{path.relative_to(ROOT)}:{call.lineno}")
    return found


def _assigned(path: Path, name: str):
    """The literal value of a module-level `name = ...` in a script (read, not imported: scripts need a browser)."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError(f"{path}: no {name} =")


def table_texts() -> dict[str, str]:
    """The English texts the code hands to ui() from tables, not as literals."""
    schemas = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "docs" / "data" / "schema").glob("*.schema.json"))]
    tables = {
        "vocab.LANGUAGES": list(vocab.LANGUAGES.values()),
        "maps.COUNTRY_NAMES": list(maps.COUNTRY_NAMES.values()),
        "maps.REGION_LABELS": [text for text, _, _ in maps.REGION_LABELS] + [maps.RIVER_LABEL[0]],
        "maps.CLOSE_UPS": [c["title"] for c in maps.CLOSE_UPS],
        "maps.PERIODS": [p[key] for p in maps.PERIODS for key in ("title", "hatched", "text")],
        "maps.DIRECTIONS": list(maps.DIRECTIONS.values()),
        "relationships.LINEAGE": [t for pair in list(relationships.LINEAGE.values()) + [relationships.ALLIED]
                                  for t in pair],
        "relationships.BANDS": list(relationships.BANDS.values()),
        "relationships.DIAGRAMS": [d[key] for d in relationships.DIAGRAMS for key in ("title", "caption")],
        "expand.JUMPS": [text for _, _, text in expand.JUMPS],
        "self_check.SCRIPT_TEXTS": list(self_check.SCRIPT_TEXTS.values()),
        "print_options.TEXTS": list(print_options.TEXTS.values()),
        "print_links.LABELS": list(print_links.LABELS.values()),
        "scripts/print_pdfs.py KINDS": list(_assigned(ROOT / "scripts" / "print_pdfs.py", "KINDS").values()),
        "docs/data/schema titles": [schema["title"] for schema in schemas],
        "docs/data/schema field descriptions (the open-data page)": [
            spec["description"] for schema in schemas for spec in schema["items"]["properties"].values()
            if spec.get("description")],
    }
    return {text: where for where, texts in tables.items() for text in texts}


def used() -> dict[str, str]:
    return {**table_texts(), **python_texts(), **theme_texts(), **template_texts()}


@pytest.fixture(scope="module")
def catalogue() -> dict[str, str]:
    return i18n.catalogue("fr")


def test_the_code_writes_its_texts_where_this_test_finds_them():
    """The finders work: a few texts known to be in each place are found there."""
    assert "How each side told it" in template_texts()
    assert "Cite this page" in theme_texts()
    assert "Sources cited on this page" in python_texts()
    assert "Short for {name}. See its actor page." in python_texts()


def test_every_interface_text_has_its_french(catalogue):
    missing = {text: where for text, where in used().items() if text not in catalogue}
    assert not missing, ("interface texts with no French in sitebuild/locale/fr.yml:\n"
                         + "\n".join(f"  {where}: {text!r}" for text, where in sorted(missing.items(), key=lambda i: i[1])))


def test_the_catalogue_holds_no_unused_text(catalogue):
    unused = sorted(set(catalogue) - set(used()))
    assert not unused, f"texts in sitebuild/locale/fr.yml that no code writes: {unused}"


def test_each_french_text_has_the_placeholders_of_its_english(catalogue):
    wrong = [text for text, french in catalogue.items()
             if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(french))]
    assert not wrong, f"placeholders differ between the English and the French: {wrong}"


def test_french_texts_are_set_in_french_typography(catalogue):
    """A space before : ; ? ! and French quotation marks (no English curly quotes); code (`...`, {en: ...}) aside."""
    tight = re.compile(r"[^\s«(\[{][:;?!](?=\s|$)")
    code = re.compile(r"`[^`]*`|\{[^}]*\}")
    wrong = [french for french in catalogue.values()
             if tight.search(code.sub("x", french)) or "“" in french or "”" in french]
    assert not wrong, f"French texts without a space before : ; ? ! or with English quotation marks: {wrong}"


def test_sorting_ignores_accents_and_case():
    assert sorted(["Zone", "État", "accord", "Ébola", "eau"], key=i18n.sort_key) == \
        ["accord", "eau", "Ébola", "État", "Zone"]
