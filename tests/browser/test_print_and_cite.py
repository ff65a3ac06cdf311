"""Printing and citing in a real browser: the print stylesheet hides navigation (checked in a PDF the browser
prints), shows link addresses, hides or separates answers as the teacher chooses; "cite this page" copies."""

import io

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

LESSON = "classroom/lesson-lost-north/"


def pdf_text(page) -> str:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    return "\n".join(p.extract_text() for p in reader.pages)


def test_print_media_hides_navigation(base_url, page):
    page.goto(base_url + LESSON, wait_until="load")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    link = page.locator(".md-content a[href^='http']").first
    after = link.evaluate("e => getComputedStyle(e, '::after').content")
    assert link.get_attribute("href") in after, "printed links show their address"


def test_printed_pdf_has_no_navigation_and_no_answers(base_url, page):
    page.goto(base_url + LESSON, wait_until="load")
    nav_only = page.locator(".md-sidebar--primary .md-nav__link").evaluate_all(
        "links => links.map(l => l.textContent.trim()).filter(t => t.length > 12)")
    title = page.locator("h1").inner_text()
    answer = page.locator("details.answer").first.evaluate(
        "d => [...d.children].filter(c => c.tagName !== 'SUMMARY').map(c => c.textContent).join(' ').trim()")
    text = pdf_text(page)
    assert title.split(":")[0] in text
    assert "Printable handout" in text
    in_pdf = [t for t in nav_only if t in text and t not in page.locator(".md-content").inner_text()]
    assert not in_pdf, f"navigation printed: {in_pdf}"
    assert answer[:40] not in text.replace("\n", " "), "closed answers do not print"


def test_print_choice_comes_with_the_page_and_hides_without_javascript(browser, base_url, site):
    """The choice is in the built HTML (no change to the page after it loads), just after the heading above the
    first answer block; without JavaScript, which it needs, it is hidden."""
    html = (site / LESSON / "index.html").read_text(encoding="utf-8")
    choice, block = html.index('<fieldset class="print-options"'), html.index('<details class="answer')
    assert choice < block and html.rindex("</h2>", 0, choice) > html.rfind("<details", 0, choice)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + LESSON, wait_until="load")
        assert page.locator(".print-options").count() == 1 and not page.locator(".print-options").is_visible()
    finally:
        context.close()


def test_teacher_can_print_answers_on_a_separate_page(base_url, page):
    page.goto(base_url + LESSON, wait_until="load")
    page.locator(".print-options input[value='page']").check()
    assert page.locator(".print-answer-key > ol > li").count() == page.locator("details.answer, details.question").count()
    page.emulate_media(media="print")
    key = page.locator(".print-answer-key")
    assert key.evaluate("e => getComputedStyle(e).display") == "block"
    assert key.evaluate("e => getComputedStyle(e).breakBefore") == "page"
    answer = page.locator("details.answer").first.evaluate(
        "d => [...d.children].filter(c => c.tagName !== 'SUMMARY').map(c => c.textContent).join(' ').trim()")
    assert answer.split()[0] in pdf_text(page)


def test_cite_this_page_copies_the_citation(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(base_url + "explainer/2012/", wait_until="load")
        for style in ("mla", "apa", "chicago"):
            expected = page.locator(f"#cite-{style}").inner_text().strip()
            page.locator(f"button[data-clipboard-target='#cite-{style}']").click()
            page.wait_for_function("t => navigator.clipboard.readText().then(c => c.trim() === t)", arg=expected)
        mla = page.locator("#cite-mla").inner_text()
        assert "2012: rebellion, coup and the loss of the north" in mla and "explainer/2012/" in mla
    finally:
        context.close()
