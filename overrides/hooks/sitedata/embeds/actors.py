"""Actor pages, the actors index and the relationship view (Markdown, so links and abbreviations are processed)."""

from __future__ import annotations

import re

from ..render import date_label
from . import relationships as diagram
from . import timeline

CATEGORIES = {
    "malian-state": "The Malian state",
    "rebel": "Separatist and rebel movements",
    "jihadist": "Jihadist groups and their leaders",
    "pro-government": "Pro-government armed groups",
    "regional": "Regional actors",
    "international": "International actors",
}
KINDS = {"person": "Person", "group": "Armed group", "state": "State", "organisation": "Organisation",
         "operation": "Military operation or mission", "institution": "Institution"}
RELATIONS = {
    "allied-with": ("Allied with", "Allied with"),
    "split-from": ("Split from", "Split off from it"),
    "merged-into": ("Merged into", "Formed partly from"),
    "formed": ("Helped form", "Formed by"),
    "member-of": ("Member of", "Members include"),
    "fought": ("Fought", "Fought by"),
    "mediated": ("Mediated with", "Mediation by"),
    "led": ("Led", "Led by"),
    "part-of": ("Part of", "Includes"),
    "succeeded": ("Took over from", "Succeeded by"),
}


def label(actor: dict) -> str:
    return f"{actor['name']} ({actor['abbr']})" if actor.get("abbr") else actor["name"]


def period(item: dict, start: str = "from", end: str = "to") -> str:
    a, b = item.get(start), item.get(end)
    if a and b:
        return f"{date_label(a)} to {date_label(b)}"
    if a:
        return f"from {date_label(a)}"
    return f"until {date_label(b)}" if b else ""


_WORD = re.compile(r"\w+")
_ACTOR_LINK = re.compile(r"actors/([a-z0-9-]+)\.md")     # actor ids are lower-case slugs (actors.schema.json)


def _explainer_index(pages: dict[str, dict]) -> list[tuple[str, str, str, set[str], set[str]]]:
    """(path, title, text, its words, the actor ids it links to) for each explainer page, in path order."""
    return [(path, page["title"], page["text"], set(_WORD.findall(page["text"])),
             set(_ACTOR_LINK.findall(page["text"])))
            for path, page in sorted(pages.items()) if path.startswith("explainer/")]


def mentions(actor: dict, pages: dict[str, dict], memo: dict | None = None) -> list[tuple[str, str]]:
    """Explainer pages that link to the actor's page or name it (by name or abbreviation).

    A name can only match where each of its runs of letters and digits is a whole word of the page, so each
    page's words (kept in memo for the build) rule out most pages before the name is searched for: the work
    grows with actors plus pages, not actors times pages."""
    memo = {} if memo is None else memo
    index = memo.get("explainer-index")
    if index is None:
        index = memo["explainer-index"] = _explainer_index(pages)
    names = [actor["name"]] + ([actor["abbr"]] if actor.get("abbr") else [])
    runs = [set(_WORD.findall(n)) for n in names]
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
    return [(path, title) for path, title, text, words, linked in index
            if actor["id"] in linked or (any(words >= r for r in runs) and pattern.search(text))]


def relationships(actor_id: str, ctx) -> list[str]:
    lines = []
    for direction, rel, other in ctx.dataset.related_actors(actor_id):
        verb = RELATIONS[rel["type"]][0 if direction == "out" else 1]
        when = f" ({date_label(rel['date'])})" if rel.get("date") else ""
        note = f": {rel['note']}" if rel.get("note") else ""
        lines.append(f"- {verb} [{label(other)}]({ctx.md('actors/' + other['id'] + '.md')}){when}{note}")
    return lines


def render_actor(args: dict[str, str], ctx) -> str:
    data = ctx.dataset
    actor = data.get("actors", args["_"])
    leaders = []
    for leader in actor.get("leaders", []):
        if leader.get("actor"):
            person = data.get("actors", leader["actor"])
            who = f"[{person['name']}]({ctx.md('actors/' + person['id'] + '.md')})"
        else:
            who = leader["name"]
        when = period(leader)
        leaders.append(f"{who}, {leader['role']}" + (f" ({when})" if when else ""))
    places = [data.get("places", p)["name"] for p in actor.get("places", [])]
    docs = data.sources_about_actor(actor["id"])
    events_html = timeline.render({"actor": actor["id"]}, ctx) if data.events_of_actor(actor["id"]) else ""
    return ctx.render(
        "partials/markdown/actor.html", actor=actor, category=CATEGORIES[actor["category"]],
        kind=KINDS[actor["kind"]], active=period(actor, "founded", "ended"), leaders=leaders, places=places,
        relationships=relationships(actor["id"], ctx), events_html=events_html,
        documents=[{"title": d["title"], "date": date_label(d["date"]),
                    "url": ctx.md("sources/primary.md", d["id"])} for d in docs],
        mentions=[{"title": title, "url": ctx.md(path)} for path, title in mentions(actor, ctx.pages, ctx.memo)],
        citation="[" + "; ".join(f"@{s}" for s in actor["sources"]) + "]",
    )


def render_index(args: dict[str, str], ctx) -> str:
    groups = []
    for category, heading in CATEGORIES.items():
        members = sorted((a for a in ctx.dataset.items("actors") if a["category"] == category),
                         key=lambda a: a["name"].lower())
        if members:
            groups.append({"id": category, "heading": heading,
                           "actors": [{"label": label(a), "url": ctx.md("actors/" + a["id"] + ".md"),
                                       "line": first_sentence(a["summary"]), "kind": KINDS[a["kind"]]} for a in members]})
    return ctx.render("partials/markdown/actors-index.html", groups=groups)


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip())
    return match.group(1) if match else text.strip()


TABLE_ID = "relationship-table"     # the text alternative's anchor, linked from the diagrams' captions


def render_relationships(args: dict[str, str], ctx) -> str:
    """The relationship diagrams (inline SVG, embeds/relationships.py), then their text alternative: a table of
    every relationship, one row each."""
    rows = []
    for actor in sorted(ctx.dataset.items("actors"), key=lambda a: a["name"].lower()):
        for rel in actor.get("relationships", []):
            other = ctx.dataset.get("actors", rel["target"])
            rows.append({"from": label(actor), "from_url": ctx.md("actors/" + actor["id"] + ".md"),
                         "verb": RELATIONS[rel["type"]][0].lower(), "to": label(other),
                         "to_url": ctx.md("actors/" + other["id"] + ".md"),
                         "date": date_label(rel["date"]) if rel.get("date") else ""})
    figures = ctx.render_html("partials/relationships.html", diagrams=diagram.diagrams(ctx.dataset),
                         box_w=diagram.BOX_W, box_h=diagram.BOX_H, table=TABLE_ID)
    table = ctx.render("partials/markdown/relationships.html", rows=rows)
    return f'{figures}\n\n<div class="rel-table" id="{TABLE_ID}" markdown="1">\n\n{table}\n\n</div>\n'

