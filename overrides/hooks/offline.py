"""Offline edition: search from file:// with our own copy of the iframe-worker shim, never unpkg.com.

Material's offline plugin (on only when OFFLINE=true, see mkdocs.yml) adds the shim from unpkg.com to
`extra.polyfills`; this hook puts the copy served from the site in its place. Plain builds are untouched.
"""

SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def _offline_enabled(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def on_config(config):
    if not _offline_enabled(config):
        return config
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = polyfills + [SHIM]
    return config
