"""The glossary page: every term, and every actor abbreviation, alphabetically with an anchor for each."""

from __future__ import annotations

from itertools import groupby

from ...i18n import sort_key


def render(args: dict[str, str], ctx) -> str:
    data = ctx.dataset
    terms = []
    for term in data.items("glossary"):
        see = [{"title": ctx.pages.get(p.split("#")[0], {}).get("title", p), "url": ctx.link(*(p.split("#") + [""])[:2])}
               for p in term.get("see", [])]
        if term.get("actor"):
            see.insert(0, {"title": data.get("actors", term["actor"])["name"], "url": ctx.actor_link(term["actor"])})
        terms.append({"id": term["id"], "term": term["term"], "abbr": term.get("abbr"), "definition": term["definition"],
                      "aliases": term.get("aliases", []), "see": see, "sources": term.get("sources", [])})
    glossary_ids = {t["id"] for t in terms}
    for actor in data.items("actors"):
        if actor.get("abbr") and actor["id"] not in glossary_ids:
            terms.append({"id": actor["id"], "term": actor["abbr"], "abbr": actor["abbr"],
                          "definition": ctx.ui("Short for {name}. See its actor page.").format(name=actor["name"]),
                          "aliases": [], "see": [{"title": actor["name"], "url": ctx.actor_link(actor["id"])}],
                          "sources": []})
    # Alphabetical in every language: accents left out of the order, so "État" comes with E, not after Z.
    terms.sort(key=lambda t: sort_key(t["term"]).lstrip("'\""))
    for term in terms:                   # cited in the order the page shows them, so the numbers run in order
        term["citation"] = ctx.cite(term["sources"])
    letters = [(letter, list(items)) for letter, items in groupby(terms, key=lambda t: sort_key(t["term"]).lstrip("'\"")[0].upper())]
    return ctx.render("markdown/glossary.html", letters=letters, count=len(terms))
