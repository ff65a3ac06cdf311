"""Actor pages, the actors index and the relationship view (Markdown, so links and abbreviations are processed)."""

from __future__ import annotations

import re

from markupsafe import Markup

from ...i18n import sort_key
from ..text import markdown_text as md
from . import relationships as diagram
from . import timeline

def label(actor: dict) -> str:
    return f"{actor['name']} ({actor['abbr']})" if actor.get("abbr") else actor["name"]


def period(item: dict, ctx, start: str = "from", end: str = "to") -> str:
    a, b = item.get(start), item.get(end)
    if a and b:
        return ctx.ui("{start} to {end}").format(start=ctx.date(a), end=ctx.date(b))
    if a:
        return ctx.ui("from {start}").format(start=ctx.date(a))
    return ctx.ui("until {end}").format(end=ctx.date(b)) if b else ""


def mentions(actor: dict, project) -> list[tuple[str, str]]:
    """Explainer pages that link to the actor's page or name it (by name or abbreviation).

    A name can only match where each of its runs of letters and digits is a whole word of the page, so each
    page's words (read once per build, Project.explainer_index) rule out most pages before the name is searched
    for: the work grows with actors plus pages, not actors times pages."""
    names = [actor["name"]] + ([actor["abbr"]] if actor.get("abbr") else [])
    runs = [set(re.findall(r"\w+", n)) for n in names]
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
    return [(page.path, page.title) for page in project.explainer_index
            if actor["id"] in page.linked_actors or (any(page.words >= r for r in runs) and pattern.search(page.text))]


def relationships(actor_id: str, ctx) -> list[str]:
    lines = []
    for direction, rel, other in ctx.dataset.related_actors(actor_id):
        verb = ctx.vocab.relations[rel["type"]][0 if direction == "out" else 1]
        when = f" ({ctx.date(rel['date'])})" if rel.get("date") else ""
        note = f"{ctx.ui(':')} {rel['note']}" if rel.get("note") else ""      # ": note" (" : note" in French)
        lines.append(Markup(f"- {md(verb)} [{md(label(other))}]({ctx.actor_link(other['id'])}){md(when)}{md(note)}"))
    return lines


def render_actor(args: dict[str, str], ctx) -> str:
    data = ctx.dataset
    actor = data.get("actors", args["_"])
    leaders = []
    for leader in actor.get("leaders", []):
        if leader.get("actor"):
            person = data.get("actors", leader["actor"])
            who = Markup(f"[{md(person['name'])}]({ctx.actor_link(person['id'])})")
        else:
            who = md(leader["name"])
        when = period(leader, ctx)
        leaders.append(who + md(f", {leader['role']}" + (f" ({when})" if when else "")))
    places = ", ".join(data.get("places", p)["name"] for p in actor.get("places", []))
    docs = data.sources_about_actor(actor["id"])
    citation = ctx.cite(actor["sources"])        # before the timeline's sources: the summary comes first on the page
    events_html = timeline.render({"actor": actor["id"]}, ctx) if data.events_of_actor(actor["id"]) else ""
    return ctx.render(
        "markdown/actor.html", actor=actor, category=ctx.vocab.actor_categories[actor["category"]],
        kind=ctx.vocab.actor_kinds[actor["kind"]], active=period(actor, ctx, "founded", "ended"),
        leaders=md(ctx.ui("; ")).join(leaders), places=places,
        relationships=Markup("\n").join(relationships(actor["id"], ctx)), events_html=events_html,
        documents=[{"title": d["title"], "date": ctx.date(d["date"]),
                    "url": ctx.link("sources/primary.md", d["id"])} for d in docs],
        mentions=[{"title": title, "url": ctx.link(path)} for path, title in mentions(actor, ctx.project)],
        citation=citation,
    )


def render_index(args: dict[str, str], ctx) -> str:
    groups = []
    for category, heading in ctx.vocab.actor_categories.items():
        members = sorted((a for a in ctx.dataset.items("actors") if a["category"] == category),
                         key=lambda a: sort_key(a["name"]))
        if members:
            groups.append({"id": category, "heading": heading,
                           "actors": [{"label": label(a), "url": ctx.actor_link(a["id"]),
                                       "line": first_sentence(a["summary"]),
                                       "kind": ctx.lowercase(ctx.vocab.actor_kinds[a["kind"]])}
                                      for a in members]})
    return ctx.render("markdown/actors-index.html", groups=groups)


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip())
    return match.group(1) if match else text.strip()


TABLE_ID = "relationship-table"     # the text alternative's anchor, linked from the diagrams' captions


def render_relationships(args: dict[str, str], ctx) -> str:
    """The relationship diagrams (inline SVG, embeds/relationships.py), then their text alternative: a table of
    every relationship, one row each."""
    rows = []
    for actor in sorted(ctx.dataset.items("actors"), key=lambda a: sort_key(a["name"])):
        for rel in actor.get("relationships", []):
            other = ctx.dataset.get("actors", rel["target"])
            rows.append({"from": label(actor), "from_url": ctx.actor_link(actor["id"]),
                         "verb": ctx.lowercase(ctx.vocab.relations[rel["type"]][0]), "to": label(other),
                         "to_url": ctx.actor_link(other["id"]),
                         "date": ctx.date(rel["date"]) if rel.get("date") else ""})
    figures = ctx.render_html("relationships.html", diagrams=diagram.diagrams(ctx.dataset, ctx.ui),
                         box_w=diagram.BOX_W, box_h=diagram.BOX_H, table=TABLE_ID)
    table = ctx.render("markdown/relationships.html", rows=rows)
    return f'{figures}\n\n<div class="rel-table" id="{TABLE_ID}" markdown="1">\n\n{table}\n\n</div>\n'

