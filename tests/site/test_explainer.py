"""Every explainer page has the structure students and teachers rely on, cites its sources, and reads at
Flesch-Kincaid grade 12 or below. The pages are those of the "Explainer" section of the navigation, in order."""

import os
import re
import shutil

import pytest
import yaml

from support import ROOT, explainer_pages, parse

EXPLAINER = explainer_pages()           # from the "Explainer" section of mkdocs.yml's navigation, in order
MAX_GRADE = 12.0
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
FACT_MARKERS = re.compile(rf"\b(1[89]\d\d|20\d\d|\d+(,\d{{3}})+|\d+ (per cent|%|people|soldiers|troops|dead|killed))\b|\b({MONTHS})\b")


def cites(paragraph: str) -> bool:
    return "[@" in paragraph or "[#" in paragraph


def source(name: str) -> str:
    return (ROOT / "docs" / "explainer" / f"{name}.md").read_text(encoding="utf-8")


def body(text: str) -> str:
    """The page's teaching prose: after the front matter, before the quiz."""
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    return text.split("## Check your understanding")[0]


def paragraphs(text: str) -> list[str]:
    """Plain prose paragraphs (not headings, lists, admonitions, shortcodes or tables)."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", body(text))]
    return [b for b in blocks if b and not b.startswith(("#", "-", "*", "!!!", "???", "<", "|", "1.", "    "))
            and not b.startswith("**Key terms")]


def plain(text: str) -> str:
    text = re.sub(r"\[@[^\]]*\]", "", body(text))
    text = re.sub(r"<!--.*?-->|<[^>]+>", "", text, flags=re.S)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^(#+|!!!|\?\?\?)[^\n]*$", "", text, flags=re.M)
    text = re.sub(r"[*_`]", "", text)
    return "\n".join(line.strip(" -") for line in text.splitlines())


def test_the_explainer_section_lists_its_pages_in_reading_order():
    assert len(EXPLAINER) >= 10 and EXPLAINER[0] == "in-brief" and EXPLAINER[-1] == "sources-disagree"
    for name in EXPLAINER:
        assert (ROOT / "docs" / "explainer" / f"{name}.md").is_file(), name


@pytest.mark.parametrize("name", EXPLAINER)
def test_structure(name):
    text = source(name)
    objectives = re.search(r'^!!! objectives "Learning objectives"\n((?:    .*\n|\n)+)', text, re.M)
    assert objectives, "learning objectives at the top"
    assert 3 <= len(re.findall(r"^    - ", objectives.group(1), re.M)) <= 5, "3 to 5 objectives"
    assert "(../glossary.md#" in text, "key terms linked to the glossary"
    assert re.search(r'^!!! disagree "Sources disagree"', text, re.M), "a 'sources disagree' note"
    quiz = text.split("## Check your understanding")[1].split("## Discussion questions")[0]
    assert len(re.findall(r'^\?\?\? question "', quiz, re.M)) >= 3, "a quiz with answers in collapsible blocks"
    discussion = text.split("## Discussion questions")[1].split("## Related")[0]
    assert len(re.findall(r"^\d+\. ", discussion, re.M)) >= 3, "three or more discussion questions"
    related = text.split("## Related")[1]
    assert "(../actors/" in related and "(../sources/primary.md#" in related and "timeline" in related


@pytest.mark.parametrize("name", EXPLAINER)
def test_length_and_citations(name):
    text = source(name)
    words = len(re.findall(r"[A-Za-zÀ-ÿ0-9']+", plain(text)))
    low, high = (700, 2000) if name == "in-brief" else (900, 2000)
    assert low <= words <= high, f"{words} words of prose"
    prose = paragraphs(text)
    # A paragraph that states a date or a number is factual: it must cite. Others may frame or reason, but
    # most paragraphs of an explainer carry facts, so at least three in four must cite.
    # A figure reference [#id] renders with its citation.
    uncited = [p[:80] for p in prose if not cites(p) and FACT_MARKERS.search(re.sub(r"\[[^\]]*\]\([^)]*\)", "", p))]
    assert not uncited, f"paragraphs with dates or numbers but no citation: {uncited}"
    cited = sum(cites(p) for p in prose)
    assert cited >= 0.75 * len(prose), f"only {cited} of {len(prose)} paragraphs cite a source"


@pytest.mark.parametrize("name", EXPLAINER)
def test_reading_grade(name, textstat_offline):
    grade = textstat_offline.flesch_kincaid_grade(plain(source(name)))
    assert grade <= MAX_GRADE, f"Flesch-Kincaid grade {grade:.1f}"


@pytest.mark.parametrize("name", EXPLAINER)
def test_built_page_resolves_every_citation(name, site):
    page = site / "explainer" / name / "index.html"
    html = page.read_text(encoding="utf-8")
    parsed = parse(page)
    cites = re.findall(r'<sup class="cite">\[(.*?)\]</sup>', html)
    assert cites, "the page cites sources"
    for cite in cites:
        for anchor in re.findall(r'href="#(cite-[^"]+)"', cite):
            assert anchor in parsed.ids, f"citation #{anchor} has no entry in the page's source list"
    assert 'id="sources-cited"' in html
    assert re.search(r'class="reading-time">About \d+ minutes? to read', html)
