"""A Content-Security-Policy meta tag on every page: only this site's own scripts, styles, images and
fonts. Material's few inline scripts (palette and scope set-up) are allowed by their SHA-256 hashes, nothing else.

The offline edition, opened from file://, gets a policy that names file: (OFFLINE_POLICY).
"""

import base64
import hashlib
import re

from . import gate

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
          "form-action 'self'")
# The offline edition is opened from file://: its files are file: URLs. Search runs in a frame that the
# iframe-worker shim writes with an inline script naming the worker's address, which depends on the folder the ZIP
# was unpacked into, so no hash can name it: this policy allows inline scripts (the gate keeps them out of pages'
# content all the same) and still refuses every other host, plugins, <base> and form targets.
OFFLINE_POLICY = ("default-src 'self' file:; script-src 'self' file: blob: 'unsafe-inline'; style-src 'self' file:; "
                  "img-src 'self' file: data:; font-src 'self' file:; connect-src 'self' file:; "
                  "worker-src 'self' file: blob:; frame-src 'self' file: blob: about:; object-src 'none'; "
                  "base-uri 'none'; form-action 'none'")


def policy_for(html: str, policy: str = POLICY) -> str:
    """The policy for a page: hashes of the inline scripts of the theme's frame only. The page's content (Material's
    <article>) holds no script (the gate refuses one), and none found there is hashed."""
    start, end = html.find(gate.ARTICLE_START), html.rfind("</article>")
    frame = html[:start] + html[end:] if 0 <= start < end else html
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                     for body in _INLINE_SCRIPT.findall(frame)})
    return policy.format(hashes=" ".join(hashes)).replace("  ", " ")


def add(output: str, offline: bool = False) -> str:
    policy = policy_for(output, OFFLINE_POLICY if offline else POLICY)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)

