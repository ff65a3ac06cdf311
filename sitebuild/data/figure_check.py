"""The figure check: a number written near a registered figure must be one of that figure's values.

A contested or often-repeated number lives once, in docs/data/figures/; pages and data refer to it as `[#id]`. So
that nobody retypes it differently, every sentence of every page and of every data text is read: where it names
one of a figure's keywords ("Aguelhok") and a number stands within a few words of what the figure counts
("soldiers", "killed", "refugees", taken from the figure's `quantity`), that number must be one of the figure's
values. Dates, years, times, distances, durations, quotations, codes, citations and references are not counted.
French pages and texts are read the same way, with French words (WORDS["fr"]) and French numbers (1 500).
"""

from __future__ import annotations

import re

COUNTED = {"soldiers", "troops", "killed", "dead", "deaths", "died", "hostages", "refugees", "displaced", "people",
           "police", "peacekeepers", "personnel", "attackers", "gunmen", "mausoleums", "manuscripts", "civilians",
           "officials", "servants", "staff", "contractors", "villagers", "military", "guests"}
KILLED = {"killed", "dead", "deaths", "died", "toll", "killing", "lives"}
PROSE_FIELDS = {"title", "summary", "note", "text", "aims", "definition", "simple"}     # data fields read as prose
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
NOT_COUNTS = re.compile(
    r"`[^`]*`|\[#[^\]]*\]|\[@[^\]]*\]|\]\([^)]*\)|<[^>]+>|\"[^\"]*\"|“[^”]*”|\{[^}]*\}"          # code, refs, quotes
    rf"|\b\d{{1,2}}(?:[–-]\d{{1,2}})? (?:{MONTHS})\b|\b(?:{MONTHS}) \d{{1,2}}\b|\b1[89]\d\d\b|\b2[01]\d\d\b"  # dates
    r"|\b\d{1,2}(?::\d\d)? ?[ap]\.m\."                                                           # times
    r"|\b\d+(?:\.\d+)? ?(?:[A-Z]{2,} )?(?:km|kilometres|kilometers|miles|millimetres|mm|per cent|percent|%|°C|years?|months?"
    r"|weeks?|days?|hours?|minutes?|min|countries|nations|nationalities)\b"                                                      # measures
    r"|\b(?:Case|case|question|Question|step|Step|line|Lines?|resolution|Resolution|S/RES/|No\.|number|day|Day"
    r"|week|Week|period|Period|lesson|Lesson|card|Card|part|Part) ?\d+")                         # labels
NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?!\w)|(?<![\w.,])\d+(?![\w,.]\d)")

MOIS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
FRENCH = {
    "counted": {"soldats", "militaires", "troupes", "tués", "tuées", "morts", "décès", "otages", "réfugiés",
                "déplacés", "personnes", "policiers", "casques", "assaillants", "mausolées", "manuscrits", "civils",
                "fonctionnaires", "agents", "employés", "villageois", "clients", "victimes", "hommes"},
    "killed": {"tués", "tuées", "morts", "décès", "bilan", "victimes", "vies"},
    "forces": {"soldats", "troupes", "militaires", "personnels", "casques"},
    "not_counts": re.compile(
        r"`[^`]*`|\[#[^\]]*\]|\[@[^\]]*\]|\]\([^)]*\)|<[^>]+>|\"[^\"]*\"|«[^»]*»|\{[^}]*\}"
        rf"|\b(?:1er|\d{{1,2}})(?:[–-]\d{{1,2}})? (?:{MOIS})\b|\b1[89]\d\d\b|\b2[01]\d\d\b"
        r"|\b\d{1,2} ?h ?\d{0,2}\b"
        r"|\b\d+(?:,\d+)? ?(?:km|kilomètres|milles|mm|pour cent|%|°C|ans?|années?|mois|semaines?|jours?|heures?"
        r"|minutes?|min|pays|nations|nationalités)\b"
        r"|\b(?:[Cc]as|[Qq]uestion|[ÉéEe]tape|[Ll]ignes?|[Rr]ésolution|S/RES/|n°|N°|numéro|jour|semaine|[Pp]ériode"
        r"|[Ll]eçon|[Cc]arte|[Pp]artie|[Aa]rticle|[Pp]aragraphe|[Tt]âche) ?\d+|^\W*\d+\.(?!\d)"),
    "number": re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\w,]\d)|(?<![\w.,\u00a0\u202f])\d+(?![\w,.]\d|[ \u00a0\u202f]\d{3})"),
    "separators": " \u00a0\u202f",
}
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\|")


def values(figure: dict) -> set[int]:
    return {v[k] for v in figure["values"] for k in ("number", "low", "high") if k in v}


FORCES = {"soldiers", "troops", "military", "personnel", "peacekeepers"}


def counted(figure: dict, lang: str = "en") -> set[str]:
    """The words a number of this figure stands next to: what its `quantity` counts (a toll also reads 'toll' or
    'dead'; a force also reads 'troops' or 'soldiers')."""
    table = FRENCH if lang == "fr" else {"counted": COUNTED, "killed": KILLED, "forces": FORCES}
    words = table["counted"] & _words(figure["quantity"])
    for group in (table["killed"], table["forces"]):
        if words & group:
            words |= group
    return words


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text.lower()))


def check(text: str, figures: list[dict], context: str = "", lang: str = "en") -> list[tuple[int, str]]:
    """(line number, message) for each number in `text` that contradicts a figure named near it: in the same
    sentence, or anywhere in `context` (a data entry's title and summary, which name what its note is about)."""
    context = context.lower()
    not_counts, number_pattern, separators = ((FRENCH["not_counts"], FRENCH["number"], FRENCH["separators"])
                                              if lang == "fr" else (NOT_COUNTS, NUMBER, ","))
    keyed = [(f, [k.lower() for k in f["keywords"]], counted(f, lang)) for f in figures]
    found, position = [], 0
    for sentence in SENTENCE.split(text):
        start = text.find(sentence, position)
        position = max(position, start)
        lowered = sentence.lower()
        named = [(f, words) for f, keys, words in keyed if any(k in lowered or k in context for k in keys)]
        if not named:
            continue
        clean = not_counts.sub(lambda m: " " * len(m.group()), sentence)
        for match in number_pattern.finditer(clean):
            number = int(match.group().translate({ord(c): None for c in separators}))
            if number < 2:
                continue
            around = _words(clean[max(0, match.start() - 40):match.end() + 40])
            near = [f for f, counted in named if counted & around]
            if near and not any(number in values(f) for f in near):
                line = text.count("\n", 0, start + match.start()) + 1
                ids = ", ".join(f["id"] for f in near)
                found.append((line, f"the number {match.group()} sits next to the figure{'s' if len(near) > 1 else ''} "
                                    f"{ids} but is none of its values: write [#{near[0]['id']}] (or "
                                    f"[#{near[0]['id']}.value]) instead, or register the new value in docs/data/figures/"))
    return found
