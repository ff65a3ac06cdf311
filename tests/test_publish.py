"""Publishing for real: scripts/publish.py deploys two editions with mike into a throwaway origin, and we check
the gh-pages branch, then serve it and read it in Chromium (selector, redirect, old edition, outdated banner).
Also: a failing test run deploys nothing, and the offline ZIP works from file:// with nothing from another host.
"""

import json
from urllib.parse import urlsplit

import pytest

from publishing import branch_rev, export, git, make_origin, publish, serve, tree, unzip
from support import ROOT, parse

OLD, NEW = "2026.1", "2026.2"
PAGE = "timeline/"      # a page every edition has


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """Two releases pushed to a bare origin: OLD (with its offline ZIP), then NEW; gh-pages states recorded."""
    tmp = tmp_path_factory.mktemp("publish")
    origin, work = make_origin(tmp)
    first = publish(work, OLD, "--latest", "--push", "--skip-tests")
    assert first.returncode == 0, first.stdout[-6000:]
    after_first = tree(origin)
    second = publish(work, NEW, "--latest", "--push", "--skip-tests", "--no-offline")
    assert second.returncode == 0, second.stdout[-6000:]
    return {"tmp": tmp, "origin": origin, "work": work, "after_first": after_first,
            "zip": work / "build" / "offline" / f"mali-crisis-explainer-{OLD}-offline.zip"}


@pytest.fixture(scope="module")
def pages_url(published):
    server = serve(export(published["origin"], published["tmp"] / "served"))
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def offline_site(published):
    return unzip(published["zip"], published["tmp"] / "offline") / f"mali-crisis-explainer-{OLD}"


def test_a_second_deploy_keeps_the_first_edition(published):
    origin, first = published["origin"], published["after_first"]
    now = tree(origin)
    assert {OLD, "latest", "index.html", "versions.json"} <= set(first)
    assert {OLD, NEW, "latest", "index.html", "versions.json"} <= set(now)
    assert now[OLD] == first[OLD], "the second deploy changed the first edition's files"
    versions = {v["version"]: v["aliases"] for v in json.loads(git("show", "gh-pages:versions.json", cwd=origin))}
    assert versions == {NEW: ["latest"], OLD: []}
    assert git("cat-file", "-p", "gh-pages:latest", cwd=origin) == NEW     # the alias is a symlink to NEW


def test_a_failing_test_run_deploys_nothing(published):
    origin, work = published["origin"], published["work"]
    before = (branch_rev(origin), branch_rev(work))
    result = publish(work, "2026.3", "--latest", "--push",
                     env={"PUBLISH_TEST_COMMAND": "python3 -c 'raise SystemExit(1)'"})
    assert result.returncode == 1, result.stdout[-3000:]
    assert "the tests failed: nothing was deployed" in result.stdout
    assert (branch_rev(origin), branch_rev(work)) == before
    assert not (work / "build" / "offline" / "mali-crisis-explainer-2026.3-offline.zip").exists()


def test_the_publish_script_refuses_a_malformed_edition(published):
    result = publish(published["work"], "v2026-1", "--skip-tests")
    assert result.returncode == 2 and "expected YEAR.N" in result.stdout


@pytest.mark.browser
def test_the_root_redirects_to_latest_and_the_selector_lists_both_editions(pages_url, page):
    page.goto(pages_url, wait_until="networkidle")
    assert page.url == pages_url + "latest/"
    page.locator(".md-version__link").first.wait_for(state="attached", timeout=10000)
    listed = page.locator(".md-version__link").all_text_contents()
    assert any(OLD in text for text in listed) and any(NEW in text for text in listed), listed
    assert page.locator("[data-md-component=outdated]").is_hidden()
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.endswith("/explainer/latest/"), canonical
    assert not page.recorder.console_errors


@pytest.mark.browser
def test_the_old_edition_still_serves_its_pages_with_the_outdated_banner(pages_url, page):
    response = page.goto(pages_url + f"{OLD}/{PAGE}", wait_until="networkidle")
    assert response.status == 200
    banner = page.locator("[data-md-component=outdated]")
    banner.wait_for(state="visible", timeout=10000)
    assert "not the latest" in banner.inner_text()
    banner.locator("a").click()
    page.wait_for_url(pages_url + f"latest/{PAGE}")
    assert page.locator("[data-md-component=outdated]").is_hidden()
    assert not page.recorder.console_errors


@pytest.mark.browser
def test_link_to_this_edition_shows_and_copies_the_edition_url(pages_url, page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=pages_url.rstrip("/"))
    page.goto(pages_url + f"{OLD}/{PAGE}", wait_until="networkidle")
    expected = f"https://mali-crisis-explainer.github.io/explainer/{OLD}/{PAGE}"
    assert page.locator("#edition-link").inner_text() == expected
    page.locator("button[data-clipboard-target='#edition-link']").click()
    assert page.evaluate("() => navigator.clipboard.readText()") == expected


def test_the_offline_edition_references_no_other_host(offline_site):
    html = sorted(offline_site.rglob("*.html"))
    assert len(html) > 5
    foreign = {}
    for path in html:
        remote = [r for r in parse(path).resources if urlsplit(r).scheme or r.startswith("//")]
        if remote or "unpkg.com" in path.read_text(encoding="utf-8"):
            foreign[path.relative_to(offline_site).as_posix()] = remote or ["unpkg.com"]
    assert not foreign, foreign
    assert (offline_site / "search" / "search_index.js").is_file()


def test_the_offline_shim_is_npm_iframe_worker(offline_site):
    ours = (offline_site / "assets" / "javascripts" / "vendor" / "iframe-worker-shim.js").read_text(encoding="utf-8")
    npm = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not npm.is_file():
        pytest.fail("node_modules/iframe-worker is not installed: run ./scripts/site.sh setup", pytrace=False)
    assert npm.read_text(encoding="utf-8").strip() in ours
    assert 'src="assets/javascripts/vendor/iframe-worker-shim.js"' in (offline_site / "index.html").read_text(
        encoding="utf-8")


@pytest.mark.browser
def test_the_offline_edition_searches_from_file(offline_site, page):
    term = "Timeline"                              # a page title in every edition
    page.goto((offline_site / "index.html").as_uri(), wait_until="networkidle")
    page.keyboard.press("s")
    # From file:// the index loads in an iframe (the shim), after the page: type once search says it is ready.
    page.wait_for_function("() => document.querySelector('.md-search-result__meta')?.textContent"
                           ".includes('Type to start searching')", timeout=15000)
    page.locator("input.md-search__input").press_sequentially(term, delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10000)
    assert results.count() > 0
    assert term.lower() in page.locator(".md-search-result").inner_text().lower()
    assert all(urlsplit(r).scheme in ("file", "data", "blob", "about") for r in page.recorder.requests), \
        page.recorder.requests
    assert not page.recorder.console_errors

