"""Issue 24, the pipeline's languages: each language loads its own pages and takes the data's texts in its
language; a page not translated yet is either listed (and then shown in English under a notice) or stops the
French build; the language switch leads to each language's root; dates are written as each language writes them."""

from __future__ import annotations

import shutil

import pytest

from sitebuild import i18n, pipeline
from sitebuild.render.text import date_label
from support import CONFIGS, ROOT


def test_each_language_takes_its_own_text_from_the_same_data():
    english, french = pipeline.load(ROOT, "en"), pipeline.load(ROOT, "fr")
    event_en = english.dataset.get("events", "2013-01-11-operation-serval")
    event_fr = french.dataset.get("events", "2013-01-11-operation-serval")
    assert event_en["title"] == "France launches Operation Serval"
    assert "opération Serval" in event_fr["title"]
    assert event_en["date"] == event_fr["date"] and event_en["sources"] == event_fr["sources"]
    assert french.dataset.get("places", "timbuktu")["name"] == "Tombouctou"
    assert english.dataset.get("places", "timbuktu")["name"] == "Timbuktu"
    assert french.vocab.event_categories["military"] == "Militaire"
    assert set(english.pages) == set(french.pages) == set(french.english)


@pytest.mark.parametrize("text, en, fr", [("2015-11-20", "20 November 2015", "20 novembre 2015"),
                                          ("2012-04-01", "1 April 2012", "1er avril 2012"),
                                          ("2013-08", "August 2013", "août 2013"), ("2014", "2014", "2014")])
def test_dates_are_written_as_each_language_writes_them(text, en, fr):
    assert date_label(text, "en") == en and date_label(text, "fr") == fr


def test_the_switch_leads_from_each_language_to_each_root():
    assert pipeline.alternates("en") == [{"name": "English", "lang": "en", "link": ""},
                                         {"name": "Français", "lang": "fr", "link": "fr/"}]
    assert pipeline.alternates("fr") == [{"name": "English", "lang": "en", "link": "../"},
                                         {"name": "Français", "lang": "fr", "link": ""}]


def test_an_interface_text_without_its_translation_stops_the_build_naming_it():
    from sitebuild.data.problems import InputError
    with pytest.raises(InputError, match="no translation of the interface text 'A text nobody translated'"):
        i18n.ui("A text nobody translated", "fr")
    assert i18n.ui("A text nobody translated", "en") == "A text nobody translated"


def _copy(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for config in CONFIGS:
        shutil.copy(ROOT / config, project)
    shutil.copytree(ROOT / "docs", project / "docs")
    return project


def test_a_listed_untranslated_page_is_shown_in_english_under_a_french_notice(tmp_path):
    project = _copy(tmp_path)
    (project / "docs" / "fr" / "map.md").unlink()
    config = (project / "mkdocs.fr.yml").read_text(encoding="utf-8")
    (project / "mkdocs.fr.yml").write_text(config.replace("untranslated: []", "untranslated: [map.md]"),
                                           encoding="utf-8")
    french = pipeline.load(project, "fr")
    page = pipeline.generate(french)["map.md"]
    assert "!!! warning \"Pas encore traduite\"" in page
    assert "Cette page n'est pas encore traduite. La voici en anglais." in page
    assert '<div lang="en" markdown>' in page and french.english["map.md"].text.strip() in page


def test_a_listed_page_that_is_translated_must_come_off_the_list(tmp_path):
    from sitebuild.data.problems import InputError
    project = _copy(tmp_path)
    config = (project / "mkdocs.fr.yml").read_text(encoding="utf-8")
    (project / "mkdocs.fr.yml").write_text(config.replace("untranslated: []", "untranslated: [map.md]"),
                                           encoding="utf-8")
    with pytest.raises(InputError, match="'map.md' is translated"):
        pipeline.load(project, "fr")
