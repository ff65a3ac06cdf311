"""sitedata/search_view.py: Material's search parser reads the same sections from the lighter copy as from the page,
including blocks marked data-search-exclude, which the copy leaves out; cases it does not cover are left alone.
(tests/test_build.py compares the whole site's index with and without the hook.)"""

import sys

import pytest
from material.plugins.search.plugin import Parser

from support import ROOT

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from sitedata.search_view import lighten  # noqa: E402


def sections(html: str) -> list[tuple]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title), "".join(s.text), s.is_excluded()) for s in parser.data]


PAGE = '<h1 id="t">Title</h1>\n<p>Before <a href="x">link</a></p>\n{block}\n<p>After &amp; more</p>\n<h2 id="s">Next</h2>\n<p>Text</p>'
COVERED = {
    "timeline slice": '<div class="tl tl--slice" data-search-exclude>\n<ol class="tl-list">\n<li class="tl-event" '
                      'data-key="true"><p class="tl-event__title"><a href="../timeline/2012/#ev-x">Coup in '
                      '<abbr title="t">Mali</abbr></a></p>\n<p>Summary <time datetime="2012">2012</time></p></li>\n'
                      '</ol>\n</div>',
    "sources list": '<ol class="sources-cited" data-search-exclude>\n<li id="cite-a" value="1">AFP. <a href="https://'
                    'example.org">Title</a>. 2012.<br>Report</li>\n</ol>',
    "text around": 'words <span data-search-exclude>hidden <em>also</em></span> more words',
    "spaces around": ' <div data-search-exclude><p>x</p></div> ',
    "reference before": 'a &amp<div data-search-exclude>x</div>b',
}
UNCOVERED = {
    "heading inside": '<div data-search-exclude><h2 id="h">Hidden</h2><p>x</p></div>',
    "same tag inside": '<div data-search-exclude><div>x</div>y</div>',
    "excluded inside excluded": '<div data-search-exclude><p data-search-exclude>x</p></div>',
    "attribute with a value": '<div data-search-exclude="true"><p>x</p></div>',
    "unclosed": '<div data-search-exclude><p>x</p>',
    "in a value": '<p title="a data-search-exclude b">x</p>',
}


@pytest.mark.parametrize("case", sorted(COVERED))
def test_the_copy_reads_as_the_page_and_leaves_excluded_blocks_out(case):
    html = PAGE.format(block=COVERED[case])
    light = lighten(html)
    assert light is not None, case
    assert sections(light) == sections(html)
    assert "data-search-exclude" not in light
    hidden = {"timeline slice": "Coup", "sources list": "AFP", "text around": "hidden"}.get(case)
    if hidden:
        assert hidden in html and hidden not in light


@pytest.mark.parametrize("case", sorted(UNCOVERED))
def test_uncovered_excluded_blocks_leave_the_page_as_it_is(case):
    assert lighten(PAGE.format(block=UNCOVERED[case])) is None


@pytest.mark.parametrize("html", [
    "", "data-search-exclude", " data-search-exclude", " data-search-exclude>", "<p data-search-exclude>x</p>",
    "<p\tdata-search-exclude/>", "<p data-search-exclude data-search-exclude>", "<p xdata-search-exclude>",
    "<p data-search-excluded>", "<p data-search-exclude=\"1\">", "a\u00a0data-search-exclude\u2003b",
    " data-search-exclude data-search-exclude ", "<div data-search-exclude>" * 3 + " data-search-exclude",
])
def test_counting_bare_attributes_agrees_with_the_pattern(html):
    from sitedata.search_view import _EXCLUDE, _count_bare
    assert _count_bare(html) == len(_EXCLUDE.findall(html))
