"""The classroom section: every lesson has its required sections in order, an answer key in collapsible blocks and
a printable handout; glossary terms are unique; every abbreviation used on the site is defined."""

import re

import pytest

from support import ROOT, data, page_url, pages

from sitebuild import pipeline

LESSONS = sorted((ROOT / "docs" / "classroom").glob("lesson-*.md"))
SECTIONS = ["Objectives", "Time needed", "Materials", "Steps", "Differentiation", "Assessment", "Instructor notes",
            "Printable handout"]


def test_there_are_five_or_more_lessons():
    assert len(LESSONS) >= 5


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_lesson_has_its_sections_in_order(lesson):
    text = lesson.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+?)\s*$", text, re.M)
    found = [h for h in headings if h in SECTIONS]
    assert found == SECTIONS, f"sections: {headings}"
    notes = text.split("## Instructor notes")[1].split("## Printable handout")[0]
    assert re.search(r'^\?\?\? answer "', notes, re.M), "an answer key in a collapsible block"
    differentiation = text.split("## Differentiation")[1].split("## Assessment")[0].lower()
    assert "basic" in differentiation and "advanced" in differentiation
    materials = text.split("## Materials")[1].split("## Steps")[0]
    assert "../" in materials and ".md" in materials, "materials link to pages of the site"
    handout = text.split("## Printable handout")[1]
    assert "??? answer" not in handout, "the handout carries no answers"


def test_teacher_guide_and_handouts_pages_exist():
    guide = (ROOT / "docs" / "classroom" / "index.md").read_text(encoding="utf-8").lower()
    for topic in ("pathway", "edition", "sensitive", "accessib", "print"):
        assert topic in guide, f"the teacher guide covers '{topic}'"
    handouts = (ROOT / "docs" / "classroom" / "handouts.md").read_text(encoding="utf-8")
    for lesson in LESSONS:
        assert f"{lesson.name}#printable-handout" in handouts


def test_glossary_terms_are_unique_and_there_are_sixty_or_more():
    terms = data("glossary")
    names = [t["term"].lower() for t in terms]
    assert len(names) == len(set(names)), "each term once"
    assert len(terms) >= 60


# Capitalised words that are not abbreviations: Roman numerals and the like.
# Codes with digits (report numbers, aircraft, card labels such as E1) are not abbreviations either.
NOT_ABBREVIATIONS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "A", "OK", "AM", "PM", "TV",
                     "ML"}     # ISO 3166 country code, in the glossary entry on country codes


# Titles and names of cited works are quoted as their authors wrote them; the site's own prose is what counts.
CITATION_BLOCKS = re.compile(
    r'<ol class="(sources-cited|registry)"[^>]*>.*?</ol>|<p class="(tl-event__sources|doc__meta)">.*?</p>'
    r'|<h2 class="doc__title">.*?</h2>|<aside class="cite-page".*?</aside>|<svg.*?</svg>'
    r'|<span lang="fr">.*?</span>|<span class="say">.*?</span>'       # French forms and pronunciation guides
    r'|<span class="(tl-event__account-sources|figure__sources)">.*?</span>'   # sources of accounts and figures
    r'|<a [^>]*href="(https?:|[^"]*sources/(primary|index)/)[^"]*"[^>]*>.*?</a>', re.S)


def test_every_abbreviation_used_on_the_site_is_defined(site):
    defined = {lang: set(pipeline.load(ROOT, lang).abbreviations.titles) for lang in pipeline.LANGUAGES}
    undefined = {}
    for page in pages(site):
        lang = "fr" if page.relative_to(site).parts[0] == "fr" else "en"
        html = page.read_text(encoding="utf-8")
        main = html.split('<article class="md-content__inner md-typeset">', 1)[-1].split("</article>", 1)[0]
        main = CITATION_BLOCKS.sub(" ", main)
        text = re.sub(r"<(code|pre|script|style)[^>]*>.*?</\1>|<[^>]+>|&\w+;", " ", main, flags=re.S)
        text = re.sub(r"https?://\S+", " ", text)
        for word in re.findall(r"(?<![/\w-])[A-Z][A-Z0-9]{1,}(?:-[A-Z0-9]+)?\b", text):
            if word not in defined[lang] and word not in NOT_ABBREVIATIONS and not re.search(r"\d", word):
                undefined.setdefault(word, page_url(site, page))
    assert not undefined, f"abbreviations without a definition (first page seen): {undefined}"
