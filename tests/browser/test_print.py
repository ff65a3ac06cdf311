"""Print packs and self-checks (issue 21), in a real Chromium: every handout and answer key prints alone on at most
three A4 or Letter pages, without navigation or citation numbers; opened answers print and closed ones do not; the
2012 explainer's "reading only" print fits six pages; lessons fit 50-minute periods; self-check questions work by
keyboard and without JavaScript; "Copy link for students" copies the edition's address; axe finds nothing on the
pages these touch; scripts/print_pdfs.py writes the PDFs and links them."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from pypdf import PdfReader

from support import ROOT, describe, run_axe

pytestmark = pytest.mark.browser

CITATION_NUMBERS = re.compile(r"\[\d+(?:[,–-]\s*\d+)*\]")
SCREEN_ONLY = ("Cite this page", "Copy link for students", "minutes to read", "minute to read", "Print the reading only",
               "When printing this page", "Skip to content")
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def lessons() -> list[str]:
    return sorted(p.name for p in (ROOT / "docs" / "classroom").glob("lesson-*/") if p.is_dir())


def print_pages() -> list[str]:
    return [f"classroom/{lesson}/{kind}/" for lesson in lessons() for kind in ("handout", "key")
            if (ROOT / "docs" / "classroom" / lesson / f"{kind}.md").is_file()]


def pdf(page, paper: str = "A4") -> PdfReader:
    return PdfReader(io.BytesIO(page.pdf(format=paper, margin={"top": "13mm", "bottom": "13mm", "left": "14mm",
                                                                "right": "14mm"})))


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_every_lesson_has_a_handout_and_a_key():
    assert len(lessons()) >= 8
    assert len(print_pages()) == 2 * len(lessons())


@pytest.mark.parametrize("url", print_pages())
def test_handout_and_key_print_alone_within_three_pages(base_url, page, url):
    page.goto(base_url + url, wait_until="load")
    navigation = page.locator(".md-nav__link, .md-tabs__link, .md-footer__link").evaluate_all(
        "links => links.map(l => l.textContent.trim().replace(/\\s+/g, ' ')).filter(t => t.length > 12)")
    content = " ".join(page.locator("article").inner_text().split())
    title = " ".join(page.locator("h1").inner_text().split())
    for paper in ("A4", "Letter"):
        reader = pdf(page, paper)
        text = text_of(reader)
        assert len(reader.pages) <= 3, f"{url} prints on {len(reader.pages)} {paper} pages"
        assert title[:30] in text, f"{url}: the title is not in the {paper} printout"
        printed_nav = [t for t in navigation if t in text and t not in content]
        assert not printed_nav, f"{url}: navigation printed on {paper}: {printed_nav[:5]}"
        for words in SCREEN_ONLY:
            assert words not in text, f"{url}: {words!r} printed on {paper}"
        numbers = CITATION_NUMBERS.findall(text)
        assert not numbers, f"{url}: citation numbers printed on {paper}: {numbers[:5]}"
        assert "This page online, with a link to every source:" in text, f"{url}: the page's address is missing"
    page.emulate_media(media="print")
    cards = page.locator(".cards li")
    if cards.count():
        style = cards.first.evaluate("e => { const s = getComputedStyle(e); return [s.borderTopStyle, s.breakInside] }")
        assert style == ["dashed", "avoid"], f"{url}: cards print as {style}"
    printed = page.locator("article a[data-print-url]").evaluate_all(     # the sources' links: the page's address
        "links => links.filter(a => !a.closest('.sources-cited')).map(a => getComputedStyle(a, '::after').content)")
    assert all(CONFIG["site_url"] in after for after in printed), f"{url}: links to the site print {printed}"


def test_cards_are_laid_out_for_cutting_in_every_handout(site):
    """Every handout that has cards keeps them in one <div class="cards" markdown> block, as print.css expects."""
    for lesson in lessons():
        text = (ROOT / "docs" / "classroom" / lesson / "handout.md").read_text(encoding="utf-8")
        if re.search(r"\bcards?\b", text, re.I):
            assert '<div class="cards" markdown>' in text, f"{lesson}: cards not in a cards block"
            html = (site / "classroom" / lesson / "handout" / "index.html").read_text(encoding="utf-8")
            assert re.search(r'<div class="cards">\s*<ul>', html), f"{lesson}: the cards block holds no list"


def answer_text(block) -> str:
    return block.evaluate("d => [...d.children].filter(c => c.tagName !== 'SUMMARY').map(c => c.textContent)"
                          ".join(' ').trim().split(/\\s+/).slice(0, 8).join(' ')")


def test_opened_answers_print_and_closed_ones_do_not(base_url, page):
    page.goto(base_url + "explainer/2013/", wait_until="load")
    blocks = page.locator("details.question:not(.self-check)")
    assert blocks.count() >= 2
    blocks.nth(0).locator("summary").click()                 # the teacher opens the first answer only
    opened, closed = answer_text(blocks.nth(0)), answer_text(blocks.nth(1))
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")   # Material opens every block
    assert blocks.nth(1).evaluate("d => d.open"), "Material opens every block before printing"
    text = text_of(pdf(page))
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert opened in text, "the opened answer prints"
    assert closed not in text, "the closed answer does not print"
    assert not blocks.nth(1).evaluate("d => d.open"), "closed again after printing"


def test_opened_answers_print_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + "explainer/2013/", wait_until="load")
        blocks = page.locator("details.question:not(.self-check)")
        blocks.nth(0).locator("summary").click()
        text = text_of(pdf(page))
        assert answer_text(blocks.nth(0)) in text and answer_text(blocks.nth(1)) not in text
    finally:
        context.close()


def test_2012_explainer_prints_the_reading_only_on_six_pages(base_url, page):
    page.goto(base_url + "explainer/2012/", wait_until="load")
    whole = len(pdf(page).pages)
    page.locator("#print-reading-only").check()
    for paper in ("A4", "Letter"):
        reader = pdf(page, paper)
        text = text_of(reader)
        assert 3 <= len(reader.pages) <= 6, f"reading only: {len(reader.pages)} {paper} pages"
        assert "The coup of March 2012" in text and "The world prepares to act" in text
        for left_out in ("Check your understanding", "Discussion questions", "Sources cited on this page",
                         "Events on the timeline"):
            assert left_out not in text, f"{left_out!r} printed in the reading-only mode"
        assert not CITATION_NUMBERS.findall(text)
        assert "Every statement in this reading is cited on the page online" in text
    assert whole > 6, f"the whole page prints on {whole} pages"


def lesson_periods(text: str) -> list[tuple[str, list[int]]]:
    """(period, step minutes) for a lesson page: each step's bold title ends in "(N min)"; a lesson of two periods
    has one "### Lesson N: ..." sub-heading per period."""
    steps = text.split("\n## Steps", 1)[1].split("\n## ", 1)[0]
    periods, current = [], ("Lesson", [])
    for line in steps.split("\n"):
        if line.startswith("### "):
            if current[1]:
                periods.append(current)
            current = (line[4:].strip(), [])
        title = re.match(r"^\d+\.\s+\*\*(.+?)\*\*", line)
        if title:
            minutes = re.search(r"\((\d+) min\)\.?$", title.group(1))
            assert minutes, f"a step's bold title does not end in '(N min)': {title.group(1)!r}"
            current[1].append(int(minutes.group(1)))
    if current[1]:
        periods.append(current)
    return periods


@pytest.mark.parametrize("lesson", lessons())
def test_lesson_steps_fit_fifty_minutes(lesson):
    text = (ROOT / "docs" / "classroom" / f"{lesson}.md").read_text(encoding="utf-8")
    periods = lesson_periods(text)
    assert periods, f"{lesson}: no timed steps under '## Steps'"
    for name, minutes in periods:
        assert sum(minutes) <= 50, f"{lesson}, {name}: the steps take {sum(minutes)} minutes ({minutes})"


def test_self_check_works_by_keyboard(base_url, page):
    page.goto(base_url + "explainer/2012/", wait_until="load")
    forms = page.locator("form.self-check__form")
    assert forms.count() == 5
    form = forms.first
    explanation = page.locator("details.self-check").first
    assert not explanation.is_visible(), "the explanation waits for an answer"
    form.locator("input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")                       # the second choice is the right one
    assert form.locator("input[type=radio]").nth(1).is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Check my answer"
    page.keyboard.press("Enter")
    status = form.locator("[role=status]")
    assert status.inner_text().startswith("Right")
    assert explanation.is_visible() and explanation.evaluate("d => d.open")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowDown")                       # a wrong choice
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert status.inner_text().startswith("Not quite. The right answer is: The army's chain of command")
    assert form.locator("legend").inner_text().startswith("1. Why did the coup")
    violations = run_axe(page)
    assert not violations, describe(violations)


def test_self_check_without_javascript_reveals_as_before(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + "explainer/2012/", wait_until="load")
        block = page.locator("details.self-check").first
        assert page.locator("form.self-check__form").count() == 0
        block.locator("summary").click()
        right = block.locator("li.choice--correct")
        assert right.count() == 1 and "(right answer)" in right.inner_text()
        assert "chain of command" in block.locator("p").first.inner_text()
    finally:
        context.close()


def test_copy_link_for_students_copies_the_edition_address(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(base_url + "classroom/lesson-spillover/handout/", wait_until="load")
        button = page.get_by_role("button", name="Copy link for students")
        expected = CONFIG["site_url"] + os.environ.get("SITE_EDITION", "dev") + "/classroom/lesson-spillover/handout/"
        assert button.get_attribute("data-clipboard-text") == expected
        button.click()
        page.wait_for_function("t => navigator.clipboard.readText().then(c => c === t)", arg=expected)
        top = button.bounding_box()["y"]
        assert top < page.locator("h1").bounding_box()["y"] + 80, "the button sits by the title"
    finally:
        context.close()


CHANGED = ["explainer/2012/", "explainer/2013/", "classroom/lesson-whos-who/", "classroom/handouts/"] + print_pages()


def test_axe_finds_nothing_on_the_changed_pages(base_url, page):
    failures = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for url in CHANGED if scheme == "light" else CHANGED[:3]:
            page.goto(base_url + url, wait_until="load")
            violations = run_axe(page)
            if violations:
                failures.append(f"{scheme} {url}: {describe(violations)}")
    assert not failures, "\n".join(failures)


def test_print_pdfs_writes_and_links_every_handout_and_key(site, tmp_path):
    """scripts/print_pdfs.py, as scripts/publish.py runs it (its own Playwright, so in a process of its own)."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    script = [sys.executable, str(ROOT / "scripts" / "print_pdfs.py"), str(copy)]
    result = subprocess.run(script, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    pdfs = sorted(copy.glob("classroom/lesson-*/*.pdf"))
    assert len(pdfs) == 2 * len(print_pages())                   # A4 and Letter
    assert all(1 <= len(PdfReader(str(p)).pages) <= 3 for p in pdfs)
    lesson = (copy / "classroom" / "lesson-whos-who" / "index.html").read_text(encoding="utf-8")
    assert 'href="handout.pdf" download' in lesson and 'href="key-letter.pdf" download' in lesson
    handout = (copy / "classroom" / "lesson-whos-who" / "handout" / "index.html").read_text(encoding="utf-8")
    assert 'href="../handout.pdf" download' in handout
    assert subprocess.run(script, capture_output=True, timeout=300).returncode == 0    # again: one line, not two
    assert (copy / "classroom" / "lesson-whos-who" / "index.html").read_text(encoding="utf-8").count("print-pack") == 1
    from sitebuild.html.links import check_site        # the build's own link check, now with the PDFs
    assert not check_site(copy)
