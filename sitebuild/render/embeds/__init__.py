"""Renderers for the shortcodes: each takes (args, PageContext) and returns Markdown or HTML to put in the page."""

from . import actors, glossary, maps, sources, timeline

RENDERERS = {
    "timeline": timeline.render,
    "event": timeline.render_event,
    "actor": actors.render_actor,
    "actors-index": actors.render_index,
    "relationships": actors.render_relationships,
    "glossary": glossary.render,
    "sources": sources.render_registry,
    "primary-documents": sources.render_primary,
    "experts": sources.render_experts,
    "reading": sources.render_reading,
    "data-fields": sources.render_data_fields,
    "map": maps.render_map,
    "locator": maps.render_locator,
}
