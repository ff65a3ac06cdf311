"""Reading support: every explainer page has key points and an essentials version; each essentials page is 300 to
600 words at Flesch-Kincaid grade 7 or lower, cites its sources, refers to registered figures rather than retyping
them, and links both ways with its full page (the pages are the navigation's, so a new explainer page is checked
as soon as it is listed)."""

import re

import pytest

from sitebuild import pipeline
from support import ROOT, explainer_pages

EXPLAINER = explainer_pages()
PROJECT = pipeline.load(ROOT)
MAX_GRADE = 7.0


def essentials(name: str) -> str:
    return (ROOT / "docs" / "explainer" / "essentials" / f"{name}.md").read_text(encoding="utf-8")


def prose(text: str) -> str:
    """What a reader reads: no front matter, headings, links' targets, citations, figure references (their values
    are short phrases), boxes' markers or HTML."""
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"\[@[^\]]*\]", "", text)
    text = re.sub(r"\[#([^\]]*)\]", "some", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>|^#+ .*$|^(!!!|\?\?\?).*$", "", text, flags=re.M)
    text = re.sub(r"[*_`]", "", text)
    return "\n".join(line.strip(" -") for line in text.splitlines() if line.strip())


@pytest.mark.parametrize("name", EXPLAINER)
def test_every_explainer_page_has_three_to_five_key_points(name):
    points = PROJECT.pages[f"explainer/{name}.md"].meta.get("key_points")
    assert isinstance(points, list) and 3 <= len(points) <= 5, name


@pytest.mark.parametrize("name", EXPLAINER)
def test_the_essentials_page_is_short_simple_and_cited(name, textstat_offline):
    textstat = textstat_offline
    text = essentials(name)
    words = len(prose(text).split())
    assert 300 <= words <= 600, f"{name}: {words} words"
    grade = textstat.flesch_kincaid_grade(prose(text))
    assert grade <= MAX_GRADE, f"{name}: Flesch-Kincaid grade {grade}"
    paragraphs = [p for p in re.split(r"\n\s*\n", re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S))
                  if p.strip() and not p.lstrip().startswith(("#", "[Read", "**Words", "!!!", "    "))]
    uncited = [p[:60] for p in paragraphs
               if re.search(r"\d", re.sub(r"\[[#@][^\]]*\]|\]\([^)]*\)|^\d+\. ", "", p, flags=re.M))
               and "[@" not in p and "[#" not in p]
    assert not uncited, f"{name}: paragraphs with dates or numbers but no citation: {uncited}"


@pytest.mark.parametrize("name", EXPLAINER)
def test_the_essentials_page_keeps_the_sources_disagree_idea(name):
    assert re.search(r'^!!! disagree "Sources disagree"', essentials(name), re.M) or "disagree" in essentials(name)


@pytest.mark.parametrize("name", EXPLAINER)
def test_full_page_and_essentials_link_both_ways(site, name):
    full = (site / "explainer" / name / "index.html").read_text(encoding="utf-8")
    short = (site / "explainer" / "essentials" / name / "index.html").read_text(encoding="utf-8")
    assert f'href="../essentials/{name}/"' in full or f'href="essentials/{name}/"' in full, name
    assert f'href="../../{name}/"' in short, name


def test_the_reading_path_lists_every_essentials_page(site):
    index = (site / "explainer" / "essentials" / "index.html").read_text(encoding="utf-8")
    for name in EXPLAINER:
        assert f'href="../{name}/"' in index or f'href="{name}/"' in index, name


@pytest.mark.parametrize("name", EXPLAINER)
def test_the_essentials_page_refers_to_figures_instead_of_retyping_them(name):
    """A number the figures registry holds is written as [#id] in the essentials, never typed out."""
    registered = {n for f in PROJECT.dataset.items("figures") for v in f["values"]
                  for n in (v.get("number"), v.get("low"), v.get("high")) if n and n > 31}
    text = re.sub(r"\[[#@][^\]]*\]|\]\([^)]*\)|\b(1[89]|20)\d\d\b", " ", essentials(name))
    typed = {int(n.replace(",", "")) for n in re.findall(r"\b\d[\d,]*\b", text)} & registered
    assert not typed, f"{name}: numbers typed out that the figures registry holds: {sorted(typed)}"
