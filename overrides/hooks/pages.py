"""Hook: one page per actor (actors/<id>.md) generated from the data, listed in the navigation by category.

A contributor may write prose for an actor in docs/actors/<id>.md; it must contain `<!-- md:actor <id> -->`
where the data goes. Without that file the page is generated.
"""

from mkdocs.structure.files import File
from sitedata import state
from sitedata.embeds.actors import CATEGORIES, label

NAV_SECTION = "Actors"


def on_files(files, config):
    for actor in state.dataset.items("actors"):
        path = f"actors/{actor['id']}.md"
        if files.get_file_from_path(path) is None:
            content = (f"---\ntitle: \"{label(actor)}\"\ndescription: \"Who is {label(actor)}? Data, relationships"
                       f" and events in the Mali crisis, 2012 to 2015.\"\n---\n\n# {label(actor)}\n\n"
                       f"<!-- md:actor {actor['id']} -->\n")
            files.append(File.generated(config, path, content=content))
    _extend_nav(config)
    return files


def _extend_nav(config):
    """Add the actor pages, grouped by category, to the nav section named 'Actors'."""
    for item in config.nav or []:
        if isinstance(item, dict) and NAV_SECTION in item:
            section = [entry for entry in item[NAV_SECTION] if not isinstance(entry, dict) or
                       list(entry)[0] not in CATEGORIES.values()]
            for category, heading in CATEGORIES.items():
                actors = sorted((a for a in state.dataset.items("actors") if a["category"] == category),
                                key=lambda a: a["name"].lower())
                if actors:
                    section.append({heading: [{label(a): f"actors/{a['id']}.md"} for a in actors]})
            item[NAV_SECTION] = section
