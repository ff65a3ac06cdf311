"""The figures registry: references render a figure's value or range with citations, and the build's figure check
flags a number written near a figure that is none of its values (sitebuild/data/figure_check.py)."""

from sitebuild import pipeline
from sitebuild.data import figure_check
from support import ROOT, load_problems

PROJECT = pipeline.load(ROOT)
FIGURES = PROJECT.dataset.items("figures")


def test_a_retyped_number_that_contradicts_a_figure_is_flagged():
    found = figure_check.check("At Aguelhok, about 60 soldiers were killed.", FIGURES)
    assert found == []                                   # 60 is the army's value
    found = figure_check.check("At Aguelhok, about 75 soldiers were killed.", FIGURES)
    assert len(found) == 1 and "75" in found[0][1] and "[#aguelhok-killings]" in found[0][1]


def test_dates_years_times_distances_and_quotes_are_not_counts():
    text = ("On 24 January 2012, at about 7 a.m., soldiers were killed at Aguelhok, 50 km away, in 2012; "
            'one report said "99 soldiers killed".')
    assert figure_check.check(text, FIGURES) == []


def test_a_number_far_from_what_the_figure_counts_is_not_flagged():
    assert figure_check.check("Aguelhok lies on the road north, and 3 roads meet there.", FIGURES) == []


def test_a_page_that_retypes_a_figure_fails_the_load_step(tmp_path):
    problems = load_problems(tmp_path, {"docs/zz-test.md": "# Test\n\nAt Aguelhok, 75 soldiers were killed.[@unsc-res-2085]\n"})
    assert problems == ["docs/zz-test.md:3: the number 75 sits next to the figure aguelhok-killings but is none of "
                        "its values: write [#aguelhok-killings] (or [#aguelhok-killings.value]) instead, or register "
                        "the new value in docs/data/figures/"]


def test_data_text_refers_to_figures_and_is_checked_too(tmp_path):
    event = ("- id: zz-event\n  date: '2012-01-24'\n  title: {en: Aguelhok, fr: Aguelhok}\n"
             "  summary:\n    en: At Aguelhok, 75 soldiers were killed.\n    fr: À Aguelhok, 75 soldats ont été tués.\n"
             "  category: military\n  place: aguelhok\n  sources: [unsc-res-2085]\n")
    problems = load_problems(tmp_path, {"docs/data/events/zz.yml": event})
    assert any("field 'summary.en': the number 75 sits next to the figure aguelhok-killings" in p for p in problems)
    fixed = (event.replace("75 soldiers were killed", "[#aguelhok-killings.army] died")
             .replace("75 soldats ont été tués", "[#aguelhok-killings.army] sont morts").replace("zz-event", "zz-event2"))
    assert load_problems(tmp_path / "b", {"docs/data/events/zz.yml": fixed}) == []


def test_an_unknown_figure_reference_is_refused(tmp_path):
    problems = load_problems(tmp_path, {"docs/zz-test.md": "# Test\n\nSome [#no-such-figure] died.\n"})
    assert problems == ["docs/zz-test.md:3: unknown figure 'no-such-figure' (expected an id defined in docs/data/figures/)"]


def test_every_figures_values_show_their_numbers_and_sources_exist():
    sources = PROJECT.dataset.by_id["sources"]
    for figure in FIGURES:
        assert figure["values"], figure["id"]
        for value in figure["values"]:
            assert figure_check.values({"values": [value]}), (figure["id"], value["id"])
            assert all(s in sources for s in value["sources"]), (figure["id"], value["id"])
