"""The validated data of one build, indexed by kind and id, with the queries pages need.

The data does not change during a build, so the orderings and indexes the queries use are built once, on first use.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from .loader import Entry

ARCHIVE_PREFIX = "https://web.archive.org/web/"
ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9.-]*[A-Z0-9]$")


@dataclass
class Dataset:
    entries: dict[str, list[Entry]] = field(default_factory=dict)     # kind -> its entries, every kind present

    def __post_init__(self):
        self.by_id: dict[str, dict[str, dict]] = {k: {} for k in self.entries}
        for kind, items in self.entries.items():
            for entry in items:
                self.by_id[kind].setdefault(entry.id, entry.data)

    # -- plain lists -------------------------------------------------------------------------------------
    def items(self, kind: str) -> list[dict]:
        return list(self.by_id[kind].values())

    def get(self, kind: str, ident: str) -> dict | None:
        return self.by_id[kind].get(ident)

    @property
    def events(self) -> list[dict]:
        """All events in date order (context events included)."""
        return list(self._events)

    @cached_property
    def _events(self) -> tuple[dict, ...]:
        return tuple(sorted(self.items("events"), key=lambda e: (e["date"], e.get("end", ""), e["id"])))

    @cached_property
    def _events_by_actor(self) -> dict[str, list[dict]]:
        """Actor id -> its events in date order (an event naming an actor twice is listed once)."""
        found: dict[str, list[dict]] = defaultdict(list)
        for event in self._events:
            for actor_id in dict.fromkeys(event.get("actors", [])):
                found[actor_id].append(event)
        return found

    @cached_property
    def _relationships_by_actor(self) -> dict[str, list[tuple[str, dict, dict]]]:
        """Actor id -> (direction, relationship, other actor), in the order of the actors and their relationships."""
        found: dict[str, list[tuple[str, dict, dict]]] = defaultdict(list)
        actors = self.by_id["actors"]
        for actor in self.items("actors"):
            for rel in actor.get("relationships", []):
                if rel["target"] in actors:
                    found[actor["id"]].append(("out", rel, actors[rel["target"]]))
                if rel["target"] != actor["id"]:
                    found[rel["target"]].append(("in", rel, actor))
        return found

    # -- derived -----------------------------------------------------------------------------------------
    def archive_url(self, source: dict) -> str:
        return source.get("archive_url") or ARCHIVE_PREFIX + source["url"]

    def events_of_actor(self, actor_id: str) -> list[dict]:
        return list(self._events_by_actor.get(actor_id, []))

    def abbreviations(self) -> dict[str, str]:
        """Abbreviation -> expansion, from actors and glossary terms; their aliases written in capitals (such as
        MOJWA for MUJAO, or the French CEDEAO for ECOWAS) show the same expansion."""
        found, variants = {}, {}
        for entry, expansion in [(a, a["name"]) for a in self.items("actors")] + \
                                [(t, t.get("expansion", t["term"])) for t in self.items("glossary")]:
            if entry.get("abbr"):
                found[entry["abbr"]] = expansion
            for alias in entry.get("aliases", []):
                if ABBREVIATION.match(alias):
                    variants.setdefault(alias, f"{expansion} ({entry.get('abbr') or entry.get('name') or entry['term']})")
        return dict(sorted({**variants, **found}.items()))

    def related_actors(self, actor_id: str) -> list[tuple[str, dict, dict]]:
        """(direction, relationship, other actor) for relationships from and to this actor."""
        return list(self._relationships_by_actor.get(actor_id, []))

    def sources_about_actor(self, actor_id: str) -> list[dict]:
        """Primary documents cited by the actor's entry or by events it took part in."""
        ids = set(self.by_id["actors"].get(actor_id, {}).get("sources", []))
        for event in self.events_of_actor(actor_id):
            ids.update(event["sources"])
        docs = [self.by_id["sources"][i] for i in ids if i in self.by_id["sources"]]
        return sorted((d for d in docs if d.get("primary")), key=lambda d: (d["date"], d["id"]))

    def events_by_month(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for event in self._events:
            if not event.get("context"):
                counts[event["date"][:7]] += 1
        return dict(counts)
