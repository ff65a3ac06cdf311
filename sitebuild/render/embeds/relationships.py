"""Lay out the relationship diagrams: who split from, merged into or joined whom, as boxes and arrows in pixels.

Pure layout, deterministic and without a layout library: the template templates/relationships.html draws
the result as inline SVG, and embeds/actors.py (render_relationships) puts it before the text-alternative table.
Its texts (titles, captions, bands, arrow labels and legend) are written in English here and given in the page's
language by `ui` (PageContext.ui; sitebuild/locale/).

- Nodes: the actors of the diagram's kinds and categories that have a lineage tie (DIAGRAMS). A group with no
  lineage tie but an alliance with a node already drawn (the Macina Liberation Front and Ansar Dine) is added
  with a dotted "allied" edge, so every armed group appears.
- Edges point the way history ran: from the group something split off from to the offshoot, from merging groups
  to the merger, from members to the coalition, from a mission to the one that took over from it.
- Columns: layered left to right, so every lineage arrow points right; a node sits as far right as its
  outgoing arrows allow (origins left, offshoots and members in the middle, mergers and coalitions right).
- Rows: one band per category; inside a band, nodes are ordered by the average row of their neighbours
  (barycentre sweeps), then placed level with their neighbours where the band has room.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

# Relationship types that describe organisational lineage, in legend order: (label on the arrow, legend text).
LINEAGE = {
    "split-from": ("split off", "Split off: a group broke away and formed a new one"),
    "merged-into": ("merged", "Merged: groups joined to form a new one"),
    "member-of": ("joined", "Joined: a member of a coalition"),
    "part-of": ("part of", "Part of a larger body"),
    "formed": ("formed", "Formed: set up the new body"),
    "succeeded": ("became", "Became: a new mission took over from the old one"),
}
ALLIED = ("allied", "Allied (dotted): a group with no split, merger or membership in the data, next to its ally")
REVERSED = {"split-from", "succeeded"}     # drawn from the relationship's target to its actor (older to newer)

BANDS = {"malian-state": "Malian state", "rebel": "Rebel movements", "jihadist": "Jihadist groups",
         "pro-government": "Pro-government armed groups", "regional": "Regional", "international": "International"}

DIAGRAMS = [
    {"id": "rel-groups", "title": "Splits, mergers and coalitions of the armed groups in Mali, 2007 to 2015",
     "kinds": ("group", "organisation", "operation"), "categories": ("jihadist", "rebel", "pro-government"),
     "types": tuple(LINEAGE), "allies": True,
     "caption": "How the armed groups split, merged and formed coalitions, from the relationships recorded in the "
                "site's data. Arrows point from the older group to the group that split off from it, to the merger "
                "it became part of, or to the coalition it joined."},
    {"id": "rel-missions", "title": "Military missions that took over from one another",
     "kinds": ("operation",), "categories": ("regional", "international"), "types": ("succeeded",), "allies": False,
     "caption": "Missions that took over from one another, from the relationships recorded in the site's data. "
                "Arrows point from the old mission to the one that took over from it."},
]

# Geometry, in SVG pixels.
BOX_W, BOX_H, ROW, GAP, MARGIN, BAND_HEAD, BAND_PAD, ARROW = 176, 50, 64, 100, 10, 30, 10, 9
NAME_CHARS = 17         # bold 15 px letters that fit a box's first line; a longer name wraps onto the second


@dataclass
class Node:
    id: str
    name: str              # short label: the abbreviation, else the name
    full: str              # accessible name: the visible text first (WCAG 2.5.3), then the full name
    period: str            # "2011–2013", "from 2011", ""
    lines: list[str]       # the short label on one line, or two when too long for a box
    category: str
    layer: int = 0
    x: float = 0
    y: float = 0


@dataclass
class Edge:
    actor: str             # the relationship as written in the data: actor --type--> target
    type: str
    target: str
    date: str
    start: str             # as drawn: the arrow runs from start to end
    end: str
    label: str = ""
    d: str = ""            # SVG path
    lx: float = 0          # label position
    ly: float = 0


@dataclass
class Diagram:
    id: str
    title: str
    caption: str
    nodes: list[Node]
    edges: list[Edge]
    bands: list[dict] = field(default_factory=list)
    legend: list[dict] = field(default_factory=list)
    width: float = 0
    height: float = 0


def _year(value) -> str:
    return str(value)[:4] if value else ""


def _node(actor: dict, ui: Callable[[str], str]) -> Node:
    name = actor.get("abbr") or actor["name"]
    if name.startswith("the "):
        name = "The " + name[4:]
    start, end = _year(actor.get("founded")), _year(actor.get("ended"))
    period = (f"{start}–{end}" if start and end else ui("from {start}").format(start=start) if start
              else ui("until {end}").format(end=end) if end else "")
    full = name + (f", {period}" if period else "")
    if name.lower() != actor["name"].lower():
        full = ui("{label}: {text}").format(label=full, text=actor["name"])
    return Node(actor["id"], name, full, period, _wrap(name), actor["category"])


def _wrap(name: str) -> list[str]:
    """One line, or two: the first as long as fits; if the second is then too long (French names run longer:
    "Front de libération du Macina"), the cut that makes the longer line shortest."""
    if len(name) <= NAME_CHARS or " " not in name:
        return [name]
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = max((i for i in spaces if i <= NAME_CHARS), default=spaces[0])
    if len(name) - cut - 1 > NAME_CHARS:
        cut = min(spaces, key=lambda i: max(i, len(name) - i - 1))
    return [name[:cut], name[cut + 1:]]


def _select(dataset, spec, ui: Callable[[str], str]) -> tuple[dict[str, Node], list[Edge]]:
    actors = {a["id"]: a for a in dataset.items("actors")
              if a["kind"] in spec["kinds"] and a["category"] in spec["categories"]}
    edges, allied = [], []
    for actor in actors.values():
        for rel in actor.get("relationships", []):
            if rel["target"] not in actors or rel["target"] == actor["id"]:
                continue
            kind, date = rel["type"], str(rel.get("date") or "")
            if kind in spec["types"]:
                start, end = (rel["target"], actor["id"]) if kind in REVERSED else (actor["id"], rel["target"])
                edges.append(Edge(actor["id"], kind, rel["target"], date, start, end))
            elif kind == "allied-with":
                allied.append(Edge(actor["id"], kind, rel["target"], date, rel["target"], actor["id"]))
    linked = {e.start for e in edges} | {e.end for e in edges}
    if spec["allies"]:   # an actor without a lineage tie joins next to an ally already drawn
        for edge in allied:
            if edge.actor not in linked and edge.target in linked:
                edges.append(edge)
                linked.add(edge.actor)
    nodes = {i: _node(actors[i], ui) for i in sorted(linked, key=lambda i: (str(actors[i].get("founded") or "9999"), i))}
    for edge in edges:
        edge.label = " ".join(filter(None, [ui(LINEAGE.get(edge.type, ALLIED)[0]), _year(edge.date)]))
    return nodes, edges


def _layers(nodes: dict[str, Node], edges: list[Edge]) -> None:
    """Longest path to a sink, counted from the right: every lineage arrow points to a later column."""
    out = {i: [e.end for e in edges if e.start == i and e.type in LINEAGE] for i in nodes}
    depth: dict[str, int] = {}

    def visit(i, seen=()):
        if i not in depth:
            depth[i] = 0 if i in seen else 1 + max((visit(j, seen + (i,)) for j in out[i]), default=-1)
        return depth[i]

    for i in nodes:
        visit(i)
    top = max(depth.values(), default=0)
    for i, node in nodes.items():
        node.layer = top - depth[i]
    for edge in edges:    # an ally drawn only for its alliance sits one column right of its ally (or left)
        if edge.type not in LINEAGE:
            ally, node = nodes[edge.start], nodes[edge.end]
            node.layer = ally.layer + 1 if ally.layer < top else ally.layer - 1


def _rows(nodes: dict[str, Node], edges: list[Edge], categories, ui: Callable[[str], str]) -> list[dict]:
    """Order nodes inside each (category band, column) by barycentre, then give each a y; return the bands."""
    neighbours = {i: [] for i in nodes}
    for e in edges:
        neighbours[e.start].append(e.end)
        neighbours[e.end].append(e.start)
    cats = [c for c in categories if any(n.category == c for n in nodes.values())]
    layers = sorted({n.layer for n in nodes.values()})
    groups = {(c, l): [i for i, n in nodes.items() if n.category == c and n.layer == l] for c in cats for l in layers}
    size = {c: max(len(groups[c, l]) for l in layers) for c in cats}

    def rank() -> dict[str, float]:
        pos, offset = {}, 0
        for c in cats:
            for l in layers:
                for k, i in enumerate(groups[c, l]):
                    pos[i] = offset + k + (size[c] - len(groups[c, l])) / 2
            offset += size[c]
        return pos

    for _ in range(4):                       # barycentre sweeps, left to right then right to left
        for l in layers + layers[::-1]:
            pos = rank()
            for c in cats:
                before = list(groups[c, l])
                groups[c, l].sort(key=lambda i: (sum(pos[j] for j in neighbours[i]) / len(neighbours[i])
                                                 if neighbours[i] else pos[i], before.index(i)))
    bands, top = [], MARGIN
    for c in cats:
        first = top + BAND_HEAD
        bands.append({"category": c, "label": ui(BANDS[c]), "y": top, "rows": size[c], "first": first,
                      "height": BAND_HEAD + (size[c] - 1) * ROW + BOX_H + BAND_PAD})
        top += bands[-1]["height"] + 8
    placed: dict[str, float] = {}
    # The fullest column of each band fills its rows; the other columns follow, nearest first.
    order = []
    for band in bands:
        c = band["category"]
        anchor = max(layers, key=lambda l: (len(groups[c, l]), -l))
        order += [(0, c, anchor)] + [(abs(l - anchor), c, l) for l in layers if l != anchor]
    order.sort(key=lambda t: t[0])
    band_of = {b["category"]: b for b in bands}
    for distance, c, l in order:
        group, band = groups[c, l], band_of[c]
        low, high = band["first"], band["first"] + (band["rows"] - 1) * ROW
        if distance == 0:
            ys = [low + k * ROW for k in range(len(group))]
        else:
            ys = []
            for k, i in enumerate(group):
                known = [placed[j] for j in neighbours[i] if j in placed]
                ys.append(sum(known) / len(known) if known else low + k * ROW)
            for k in range(len(ys)):         # keep the order, one row apart, inside the band
                ys[k] = min(max(ys[k], low, ys[k - 1] + ROW if k else low), high)
            for k in range(len(ys) - 2, -1, -1):
                ys[k] = min(ys[k], ys[k + 1] - ROW)
        for i, y in zip(group, ys):
            placed[i] = y
    for i, node in nodes.items():
        node.y = placed[i]
        node.x = MARGIN + node.layer * (BOX_W + GAP)
    return bands


def _route(nodes: dict[str, Node], edges: list[Edge]) -> None:
    """A curve from the right side of the start box to the left side of the end box; ports spread on each side."""
    def ports(key, other):
        found = {}
        for i in nodes:
            mine = sorted((e for e in edges if getattr(e, key) == i),
                          key=lambda e: (nodes[getattr(e, other)].y, e.label))
            for k, e in enumerate(mine):
                found[id(e)] = (k + 1) / (len(mine) + 1)
        return found

    out_ports, in_ports = ports("start", "end"), ports("end", "start")
    for e in edges:
        a, b = nodes[e.start], nodes[e.end]
        x1, y1 = a.x + BOX_W, a.y + BOX_H * (0.1 + 0.8 * out_ports[id(e)])
        x2, y2 = b.x - ARROW, b.y + BOX_H * (0.1 + 0.8 * in_ports[id(e)])
        bend = (x2 - x1) / 2
        e.d = f"M{x1:.1f} {y1:.1f}C{x1 + bend:.1f} {y1:.1f} {x2 - bend:.1f} {y2:.1f} {x2:.1f} {y2:.1f}"
        e.lx, e.ly = round((x1 + x2) / 2, 1), round((y1 + y2) / 2 - (9 if abs(y2 - y1) < 8 else 0), 1)


def layout(dataset, spec: dict, ui: Callable[[str], str]) -> Diagram | None:
    """One diagram (DIAGRAMS entry) laid out in pixels, or None if the data gives it no edge; `ui` gives each
    English text in the page's language."""
    nodes, edges = _select(dataset, spec, ui)
    if not edges:
        return None
    _layers(nodes, edges)
    bands = _rows(nodes, edges, spec["categories"], ui)
    _route(nodes, edges)
    types = [t for t in list(LINEAGE) + ["allied-with"] if any(e.type == t for e in edges)]
    legend = [{"type": t, "text": ui(LINEAGE.get(t, ALLIED)[1])} for t in types]
    width = MARGIN * 2 + (max(n.layer for n in nodes.values()) + 1) * BOX_W + max(n.layer for n in nodes.values()) * GAP
    height = bands[-1]["y"] + bands[-1]["height"] + MARGIN
    edges.sort(key=lambda e: (nodes[e.start].layer, nodes[e.start].y, nodes[e.end].y))
    ordered = sorted(nodes.values(), key=lambda n: (n.layer, n.y))
    return Diagram(spec["id"], ui(spec["title"]), ui(spec["caption"]), ordered, edges, bands, legend, width, height)


def diagrams(dataset, ui: Callable[[str], str]) -> list[Diagram]:
    return [d for d in (layout(dataset, spec, ui) for spec in DIAGRAMS) if d]
