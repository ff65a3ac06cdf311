"""The timeline component: choose events by the shortcode's arguments and render templates/timeline.html.

Three forms: the overview (index=true: every event in brief, with the filters and the chart of events per month),
a timeline page (full=2013, full=before-2012...: the events that page shows in full, with the filters) and a slice
embedded in any page (chosen by year, dates, actor, place, category or key events)."""

from __future__ import annotations

from itertools import groupby
from types import SimpleNamespace

from ...i18n import sort_key
from ...vocab import YEARS
from ..context import timeline_slug


def select(events: list[dict], args: dict[str, str]) -> list[dict]:
    """Events matching the arguments. The overview and the timeline pages take context events too; a slice has
    either the 2012-2015 events (the default) or only the context events before and after (context=true)."""
    context = args.get("context") == "true"
    full = "full" in args or args.get("index") == "true"
    chosen = []
    for event in events:
        date = event["date"]
        if not full and bool(event.get("context")) != context:
            continue
        if "year" in args and not date.startswith(args["year"]):
            continue
        if "from" in args and date[:len(args["from"])] < args["from"]:
            continue
        if "to" in args and date[:len(args["to"])] > args["to"]:
            continue
        if "actor" in args and args["actor"] not in event.get("actors", []):
            continue
        if "place" in args and event["place"] != args["place"]:
            continue
        if "category" in args and event["category"] != args["category"]:
            continue
        if args.get("key") == "true" and not event.get("key"):
            continue
        chosen.append(event)
    return chosen


def view(event: dict, ctx, cite: bool) -> SimpleNamespace:
    """Everything the partial shows of one event, with links relative to the current page, as attributes (Jinja
    looks for an attribute first; a dict makes it fail, then retry, for every field).

    The sources line names the event's sources and those of its "sources disagree" note (source_ids). In a slice
    embedded in a page (cite=True) they link to the page's list of sources cited, which gives the full references.
    A timeline page (cite=False) has no such list, which would be a third of its weight: its lines link straight
    to the documents, and the sources registry has the full references and archived copies."""
    data = ctx.dataset
    place = data.get("places", event["place"])
    disagreement = event.get("disagreement")
    sources = [data.get("sources", s) for s in source_ids(event)]
    return SimpleNamespace(
        id=event["id"], title=event["title"], summary=event["summary"], key=bool(event.get("key")), cite=cite,
        context=bool(event.get("context")),
        category=event["category"], category_label=ctx.vocab.event_categories[event["category"]],
        date=event["date"], date_label=ctx.date(event["date"]),
        end=event.get("end"), end_label=ctx.date(event["end"]) if event.get("end") else "",
        place=place["name"], place_link=place_link(event, ctx),
        actors=[SimpleNamespace(id=a, name=data.get("actors", a).get("abbr") or data.get("actors", a)["name"],
                                url=ctx.actor_link(a)) for a in event.get("actors", [])],
        sources=[_source_link(s, cite) for s in sources],
        disagreement=disagreement["note"] if disagreement else "",
        permalink=ctx.event_link(event["id"]),
        accounts=[SimpleNamespace(party=ctx.vocab.parties[a["party"]], text=a["text"],
                                  sources=[_source_link(data.get("sources", i), cite) for i in a["sources"]])
                  for a in event.get("accounts", [])],
    )


def _source_link(source: dict, cite: bool) -> SimpleNamespace:
    return SimpleNamespace(title=source["title"], by=source.get("publisher") or source["author"],
                           href=f"#cite-{source['id']}" if cite else source["url"])


def place_link(event: dict, ctx) -> str:
    """The event's place in the map's table of places, if the site has the map."""
    return ctx.link("map.md", f"place-{event['place']}") if "map.md" in ctx.pages else ""


def source_ids(event: dict) -> list[str]:
    disagreement = event.get("disagreement")
    return list(dict.fromkeys(event["sources"] + (disagreement["sources"] if disagreement else [])))


def card(event: dict, ctx, mode: str) -> dict:
    """One event in full for the template: its id, date, and its <li> from templates/timeline-event.html. A slice
    embedded in a page adds the event's sources to the page's list of sources cited."""
    cite = mode != "full"
    if cite:
        ctx.cite(source_ids(event) + [i for a in event.get("accounts", []) for i in a["sources"]])
    return {"id": event["id"], "date": event["date"],
            "html": ctx.render_markup("timeline-event.html", e=view(event, ctx, cite), mode=mode)}


def brief(event: dict, ctx) -> dict:
    """What the overview shows of one event: date, title linking to the event in full, category, key or context."""
    return {"id": event["id"], "title": event["title"], "key": bool(event.get("key")),
            "context": bool(event.get("context")), "category": event["category"],
            "category_label": ctx.vocab.event_categories[event["category"]], "date": event["date"],
            "date_label": ctx.date(event["date"]), "actors": [{"id": a} for a in event.get("actors", [])],
            "permalink": ctx.event_link(event["id"])}


def groups(views: list[dict], by_month: bool, ctx) -> list[dict]:
    """Sections with an anchor and a heading: by year, or by month on the page of one year (an event dated only
    by its year comes first, under the year)."""
    def key(v):
        return v["date"][:7] if by_month else v["date"][:4]

    def heading(k):                      # 'January 2013'; French writes 'janvier 2013', a heading 'Janvier 2013'
        label = ctx.date(k)
        return label[:1].upper() + label[1:]
    return [{"id": ("month-" if len(k) > 4 else "year-") + k, "label": heading(k), "events": list(items)}
            for k, items in groupby(views, key=key)]


def render(args: dict[str, str], ctx) -> str:
    # An actor's timeline starts from that actor's events (indexed, in date order) rather than all of them.
    events = select(ctx.dataset.events_of_actor(args["actor"]) if "actor" in args else ctx.dataset.events, args)
    mode = "index" if args.get("index") == "true" else "full" if "full" in args else "slice"
    if mode == "full":
        events = [e for e in events if timeline_slug(e["date"]) == args["full"]]
    views = [brief(e, ctx) if mode == "index" else card(e, ctx, mode) for e in events]
    one_year = len({v["date"][:4] for v in views}) == 1
    sections = groups(views, by_month=mode == "full" and one_year, ctx=ctx)
    if mode == "slice":
        key = [v for v in views if _event(ctx, v).get("key")]
        rest = [v for v in views if v not in key]
        folded = [{"id": "key", "label": ctx.ui("Key events"), "events": key}] if key else []
        folded += [{"id": "other", "label": ctx.ui("Other events") if key else ctx.ui("Events"), "events": rest}] if rest else []
        return ctx.render_html("timeline.html", groups=folded, mode=mode, count=len(views), key_count=len(key),
                               categories=ctx.vocab.event_categories, actor_groups=[], overview=None)
    actor_ids = {a for e in events for a in e.get("actors", [])}
    return ctx.render_html("timeline.html", groups=sections, mode=mode, count=len(views),
                           categories=ctx.vocab.event_categories, actor_groups=actor_groups(actor_ids, ctx),
                           overview=overview(ctx.dataset.events_by_month(), ctx) if mode == "index" else None)


def _event(ctx, view: dict) -> dict:
    return ctx.dataset.get("events", view["id"])


def actor_label(actor: dict, ctx) -> str:
    """How the filter names an actor: its abbreviation first, when it has one ("MNLA: National Movement for...")."""
    if actor.get("abbr") and actor["abbr"] != actor["name"]:
        return ctx.ui("{label}: {text}").format(label=actor["abbr"], text=actor["name"])
    return actor["name"]


def actor_groups(actor_ids, ctx) -> list[dict]:
    """The actors of the filter, grouped by category in the vocabulary's order, each group sorted by label."""
    groups = []
    for category, heading in ctx.vocab.actor_categories.items():
        actors = [ctx.dataset.get("actors", a) for a in actor_ids if ctx.dataset.get("actors", a)["category"] == category]
        if actors:
            groups.append({"label": heading, "actors": sorted(({"id": a["id"], "label": actor_label(a, ctx)} for a in actors),
                                                              key=lambda a: sort_key(a["label"]))})
    return groups


def render_event(args: dict[str, str], ctx) -> str:
    event = ctx.dataset.get("events", args["_"])
    return ctx.render_html("timeline.html", groups=groups([card(event, ctx, "single")], by_month=False, ctx=ctx),
                           mode="single", count=1, categories=ctx.vocab.event_categories, actor_groups=[],
                           overview=None)


def overview(counts: dict[str, int], ctx) -> dict:
    """Bars for events per month, over the crisis years."""
    months = [f"{y}-{m:02d}" for y in YEARS for m in range(1, 13)]
    peak = max(counts.values(), default=1) or 1
    bars = [{"month": m, "label": ctx.date(m), "count": counts.get(m, 0), "x": i * 12,
             "height": round(80 * counts.get(m, 0) / peak, 1)} for i, m in enumerate(months)]
    per_year = {y: sum(counts.get(f"{y}-{m:02d}", 0) for m in range(1, 13)) for y in YEARS}
    busiest = max(bars, key=lambda b: b["count"])
    per_year_text = ", ".join(ctx.ui("{n} in {year}").format(n=n, year=y) for y, n in per_year.items())
    return {"bars": bars, "per_year": per_year, "per_year_text": per_year_text, "busiest": busiest,
            "total": sum(per_year.values()), "peak": peak}
