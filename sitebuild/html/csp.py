"""A Content-Security-Policy meta tag on every page: only this site's own scripts, styles, images and
fonts. Material's few inline scripts (palette and scope set-up) are allowed by their SHA-256 hashes, nothing else.

The offline edition is opened from file://, where 'self' matches nothing useful, so it gets none
(pipeline.finish_page).
"""

import base64
import hashlib
import re

from . import gate

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
          "form-action 'self'")


def policy_for(html: str) -> str:
    """The policy for a page: hashes of the inline scripts of the theme's frame only. The page's content (Material's
    <article>) holds no script (the gate refuses one), and none found there is hashed."""
    start, end = html.find(gate.ARTICLE_START), html.rfind("</article>")
    frame = html[:start] + html[end:] if 0 <= start < end else html
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                     for body in _INLINE_SCRIPT.findall(frame)})
    return POLICY.format(hashes=" ".join(hashes)).replace("  ", " ")


def add(output: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(output)}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)

