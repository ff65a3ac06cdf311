"""Each kind of bad input stops the build with one line that names file, entry, field and expectation.

Every case copies the real project's configuration and pages, adds one bad fixture, runs the pipeline's load step
(what both builders run first) and expects exactly the problems listed; two cases go through the real build.
"""

import time

import pytest

from support import build, copy_project, data, load_problems

LOAD_SECONDS = 3          # a copy of the project and a load of all its data, on a slow shared machine

EVENT = """\
- id: {id}
  date: "{date}"
  title:
    en: A test event
    fr: Un événement de test
  summary:
    en: A test summary.
    fr: Un résumé de test.
  category: political
  actors: [{actor}]
  place: {place}
  sources: [{source}]
"""


SOURCE = {"id": "test-source", "title": "A test source", "author": "Nobody", "date": '"2012"', "type": "report",
          "primary": "false", "language": "en", "url": "https://www.un.org/test"}


def source(**values):
    """A source entry in YAML; a value of None leaves that field out."""
    fields = {**SOURCE, **values}
    lines = [f"  {key}: {value}" for key, value in fields.items() if value is not None]
    return "- " + "\n".join(lines)[2:] + "\n"


def event(**values):
    base = {"id": "test-event", "date": "2012-03-22", "actor": "", "place": "bamako", "source": "unsc-res-2085"}
    return EVENT.format(**{**base, **values})


FIGURE = """\
- id: zz-test-figure
  quantity:
    en: People who fled Zzville
    fr: Personnes qui ont fui Zzville
  keywords:
    en: [Zzville]
    fr: [Zzville]
  values:
    - id: census
      number: 1700
      text:
        en: about 1,700 people
        fr: {fr}
      by:
        en: A test census
        fr: Un recensement de test
      date: "2013"
      sources: [unsc-res-2085]
"""


CASES = {
    "malformed-yaml": ("docs/data/events/zz-test.yml", "- id: broken\n  title: [unclosed\n  date: 2012\n",
                       ["docs/data/events/zz-test.yml:3: malformed YAML: "]),
    "unknown-field": ("docs/data/events/zz-test.yml", event() + "  colour: red\n",
                      ["docs/data/events/zz-test.yml:1: entry 'test-event': field 'colour': unknown field"]),
    "missing-field": ("docs/data/events/zz-test.yml", event().replace(
                      "  title:\n    en: A test event\n    fr: Un événement de test\n", ""),
                      ["docs/data/events/zz-test.yml:1: entry 'test-event': field 'title': missing required field"]),
    "duplicate-id": ("docs/data/events/zz-test.yml", event() + event(),
                     ["docs/data/events/zz-test.yml:13: entry 'test-event': field 'id': duplicate id: already used by "
                      "the entry at docs/data/events/zz-test.yml:1"]),
    "unknown-reference": ("docs/data/events/zz-test.yml", event(actor="no-such-actor"),
                          ["docs/data/events/zz-test.yml:1: entry 'test-event': field 'actors[0]': unknown actor id "
                           "'no-such-actor' (expected an id defined in docs/data/actors/)"]),
    "unknown-place": ("docs/data/events/zz-test.yml", event(place="atlantis"),
                      ["docs/data/events/zz-test.yml:1: entry 'test-event': field 'place': unknown place id 'atlantis'"]),
    "unknown-source": ("docs/data/events/zz-test.yml", event(source="no-such-source"),
                       ["docs/data/events/zz-test.yml:1: entry 'test-event': field 'sources[0]': unknown source id "
                        "'no-such-source' (expected an id defined in docs/data/sources/)"]),
    "invalid-date": ("docs/data/events/zz-test.yml", event(date="2012-02-30"),
                     ["docs/data/events/zz-test.yml:1: entry 'test-event': field 'date': invalid date '2012-02-30' "
                      "(expected a real calendar date as YYYY-MM-DD, YYYY-MM or YYYY)"]),
    "end-before-start": ("docs/data/events/zz-test.yml", event() + '  end: "2012-03-01"\n',
                         ["docs/data/events/zz-test.yml:1: entry 'test-event': field 'end': end date 2012-03-01 is "
                          "before the start date 2012-03-22"]),
    "outside-period": ("docs/data/events/zz-test.yml", event(date="2010-05-01"),
                       ["docs/data/events/zz-test.yml:1: entry 'test-event': field 'date': 2010-05-01 is outside "
                        "2012-2015: mark the event 'context: true' or fix the date"]),
    "event-without-source": ("docs/data/events/zz-test.yml", event().replace("  sources: []\n", "").replace(
                             "  sources: [unsc-res-2085]\n", "  sources: []\n"),
                             ["docs/data/events/zz-test.yml:1: entry 'test-event': field 'sources': expected at least "
                              "one source id"]),
    "http-url": ("docs/data/sources/zz-test.yml", source(url="http://insecure.example/report"),
                 ["docs/data/sources/zz-test.yml:1: entry 'test-source': field 'url': expected an https:// URL; "
                  "got 'http://insecure.example/report'"]),
    "control-character": ("docs/data/events/zz-test.yml",
                          "- id: broken\n  title: {en: Bell\x07 rings, fr: La cloche\x07 sonne}\n",
                          ["docs/data/events/zz-test.yml:2: malformed YAML: character U+0007 is not allowed"]),
    "malformed-url": ("docs/data/sources/zz-test.yml", source(url="https://localhost"),
                 ["docs/data/sources/zz-test.yml:1: entry 'test-source': field 'url': malformed URL "
                  "'https://localhost' (expected https://host.domain/path, without spaces, quotes, backslashes or "
                  "angle brackets)"]),
    "source-without-date": ("docs/data/sources/zz-test.yml", source(date=None),
                 ["docs/data/sources/zz-test.yml:1: entry 'test-source': field 'date': missing required field"]),
    "source-without-url": ("docs/data/sources/zz-test.yml", source(url=None),
                 ["docs/data/sources/zz-test.yml:1: entry 'test-source': field 'url': missing required field"]),
    "script-tag": ("docs/zz-test.md", "# Test\n\nText.\n\n<script>alert(1)</script>\n",
                   ["docs/zz-test.md:5: raw <script> is not allowed in Markdown (remove it; pages may not run script)"]),
    "iframe": ("docs/zz-test.md", "# Test\n\n<iframe src=\"https://www.un.org/\"></iframe>\n",
               ["docs/zz-test.md:3: raw <iframe> is not allowed in Markdown (remove it; pages may not run script)"]),
    "event-handler": ("docs/zz-test.md", "# Test\n\n<span onclick=\"steal()\">Click</span>\n",
                      ["docs/zz-test.md:3: inline event handlers (onclick= and the like) are not allowed in Markdown "
                       "(remove it; pages may not run script)"]),
    "javascript-link": ("docs/zz-test.md", "# Test\n\n[Click](javascript:alert(1))\n",
                        ["docs/zz-test.md:3: javascript: links are not allowed in Markdown (remove it; pages may not "
                         "run script)"]),
    "unknown-citation": ("docs/zz-test.md", "# Test\n\nA claim.[@no-such-source]\n",
                         ["docs/zz-test.md:3: citation of unknown source 'no-such-source' (expected an id defined in "
                          "docs/data/sources/)"]),
    "markup-in-data": ("docs/data/events/zz-test.yml", event().replace("A test summary.", "A <b>bold</b> summary.")
                       .replace("Un résumé de test.", "Un résumé en <b>gras</b>."),
                       ["docs/data/events/zz-test.yml:1: entry 'test-event': field 'summary.en': '<' and '>' are not "
                        "allowed in the data's text"]),
    "unknown-shortcode": ("docs/zz-test.md", "# Test\n\n<!-- md:timelime year=2013 -->\n",
                          ["docs/zz-test.md:3: unknown shortcode 'md:timelime'"]),
    "unknown-actor-in-shortcode": ("docs/zz-test.md", "# Test\n\n<!-- md:timeline actor=nobody -->\n",
                                   ["docs/zz-test.md:3: shortcode 'md:timeline': unknown actor id 'nobody'"]),
    # Every text a reader sees is written in English and in French.
    "french-text-missing": ("docs/data/events/zz-test.yml", event().replace("    fr: Un résumé de test.\n", ""),
                            ["docs/data/events/zz-test.yml:1: entry 'test-event': field 'summary.fr': missing the "
                             "French text"]),
    "text-in-one-language": ("docs/data/events/zz-test.yml", event().replace(
                             "  title:\n    en: A test event\n    fr: Un événement de test\n", "  title: A test event\n"),
                             ["docs/data/events/zz-test.yml:1: entry 'test-event': field 'title': expected the text in "
                              "English and French, {en: ..., fr: ...}; got 'A test event'"]),
}

# The same, for the French site's load step (mkdocs.fr.yml, docs/fr/): (path, content, expected).
FRENCH_CASES = {
    "untranslated-page": ("docs/fr/explainer/2012.md", None,
                          ["docs/explainer/2012.md: no fr translation: write docs/fr/explainer/2012.md, or list "
                           "'explainer/2012.md' under extra.untranslated in mkdocs.fr.yml"]),
    # French writes 1 700: a French value text with "1,700" does not show the number 1700 (it reads 1 and 700).
    "figure-number-in-english-form": ("docs/data/figures/zz-test.yml", FIGURE.format(fr="environ 1,700 personnes"),
                                      ["docs/data/figures/zz-test.yml:1: entry 'zz-test-figure': field 'values[0].text.fr': "
                                       "expected the text to show the number 1700; got 'environ 1,700 "
                                       "personnes'"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_with_a_clear_message(case, tmp_path):
    path, content, expected = CASES[case]
    problems = load_problems(tmp_path, {path: content})
    assert len(problems) == len(expected), "\n".join(problems)
    for line, start in zip(problems, expected):
        assert line.startswith(start), f"expected a line starting\n  {start}\ngot\n  {line}"


@pytest.mark.parametrize("case", sorted(FRENCH_CASES))
def test_bad_french_input_is_reported_with_a_clear_message(case, tmp_path):
    path, content, expected = FRENCH_CASES[case]
    problems = load_problems(tmp_path, {path: content}, lang="fr")
    assert len(problems) == len(expected), "\n".join(problems)
    for line, start in zip(problems, expected):
        assert line.startswith(start), f"expected a line starting\n  {start}\ngot\n  {line}"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_figure_written_the_french_way_in_french_passes(lang, tmp_path):
    """The control for 'figure-number-in-english-form': with "1 700" in French, the same figure has no problem."""
    figure = FIGURE.format(fr="environ 1 700 personnes")
    assert load_problems(tmp_path, {"docs/data/figures/zz-test.yml": figure}, lang=lang) == []


@pytest.mark.parametrize("case", ["malformed-yaml", "script-tag"])
def test_bad_input_fails_the_real_build(case, tmp_path):
    """End to end: the strict build stops with the same lines (MkDocs through the pipeline's adapter)."""
    path, content, expected = CASES[case]
    project = copy_project(tmp_path / "project")
    (project / path).write_text(content, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0, f"the build passed with bad input ({case})"
    assert "in the site's data or pages:" in result.stdout
    problems = [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")]
    assert [p[:len(e)] for p, e in zip(problems, expected)] == expected


def test_all_problems_are_reported_at_once(tmp_path):
    problems = load_problems(tmp_path, {
        "docs/data/events/zz-test.yml": event(date="2012-13-01", place="atlantis"),
        "docs/zz-test.md": "# Test\n\n<script>x</script>\n\nA claim.[@nope]\n"})
    assert len(problems) == 4, problems
    for fragment in ("field 'date': invalid date '2012-13-01'", "unknown place id 'atlantis'", "raw <script>",
                     "citation of unknown source 'nope'"):
        assert any(fragment in p for p in problems), fragment


def test_every_event_needs_its_timeline_page(tmp_path):
    """An event's full entry is on its year's timeline page: a missing page, or one without the shortcode that
    shows its events, is one problem per page, naming its first event."""
    problems = load_problems(tmp_path, {"docs/timeline/2014.md": "# Timeline: 2014\n", "docs/timeline/2015.md": None})
    events = {year: [e["id"] for e in data("events") if str(e["date"]).startswith(year)] for year in ("2014", "2015")}
    assert len(problems) == 2, problems
    assert problems[0].startswith(f"docs/data/events/2014.yml:2: entry '{events['2014'][0]}': field 'date': this "
                                  f"event and {len(events['2014']) - 1} more belong on the timeline page "
                                  "docs/timeline/2014.md, which has no <!-- md:timeline full=2014 --> to show them")
    assert f"docs/timeline/2015.md, which does not exist: create it with <!-- md:timeline full=2015 -->" in problems[1]


def test_a_yaml_alias_bomb_is_refused_within_a_second(tmp_path):
    lines = ['- id: bomb', '  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        lines.append(f"  {chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 9) + "]")
    started = time.monotonic()
    problems = load_problems(tmp_path, {"docs/data/events/zz-bomb.yml": "\n".join(lines) + "\n"})
    assert time.monotonic() - started < 1 + LOAD_SECONDS
    assert problems == ["docs/data/events/zz-bomb.yml:2: malformed YAML: anchors and aliases (&name, *name) are not "
                        "allowed in the data: write each value out"]
