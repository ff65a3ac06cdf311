"""Hook: load and check all data and Markdown once per build; stop the build listing every problem."""

from pathlib import Path

from mkdocs.exceptions import PluginError
from sitedata import project, state
from sitedata.problems import InputError


def on_config(config):
    docs_dir = Path(config.docs_dir)
    root = Path(config.config_file_path).parent
    dataset, problems = project.load(docs_dir, root)
    if problems:
        raise PluginError(str(InputError(problems)))
    state.dataset = dataset
    return config
