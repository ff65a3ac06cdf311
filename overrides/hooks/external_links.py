"""Hook: every link to another site gets rel="noopener noreferrer", so the page it opens cannot reach back."""

import re

_EXTERNAL = re.compile(r'<a (?![^>]*\brel=)([^>]*\bhref="https?://[^"]+")', re.I)


def on_page_content(html, page, config, files):
    return _EXTERNAL.sub(r'<a rel="noopener noreferrer" \1', html)
