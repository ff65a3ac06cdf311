"""Publishing for real: scripts/publish.py deploys editions with mike into a throwaway bare origin, and we check the
gh-pages branch, then serve it as GitHub Pages does (below site_url's path, with the root 404.html for any missing
page) and read it in Chromium: selector, root redirect, the 404 redirect to latest, old edition, outdated banner.
Also: each refusal (an edition already published, `latest` moving back, a dirty work tree, a failing test run), a
publish killed at each step, sitemaps and noindex, and the offline ZIP from file:// with nothing from another host.
"""

import json
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from publishing import branch_rev, export, fork, git, make_origin, publish, refs, serve, tree, unzip
from support import BASE_PATH, ROOT, parse

sys.path.insert(0, str(ROOT / "scripts"))
import publish as publisher  # noqa: E402  (scripts/publish.py: its step names and the noindex tag)

OLD, NEW = "2026.1", "2026.2"
PAGE = "timeline/"      # a page every edition has
SITE_URL = "https://mali-crisis-explainer.github.io" + BASE_PATH
NOINDEX = publisher.NOINDEX
REFUSED = 3             # publish.py's exit status when a check refuses


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """Two releases pushed to a bare origin: OLD (with its offline ZIP and the lessons' PDFs), then NEW; gh-pages
    states recorded."""
    tmp = tmp_path_factory.mktemp("publish")
    origin, work = make_origin(tmp)
    first = publish(work, OLD, "--latest", "--push", "--skip-tests", "--with-pdfs")
    assert first.returncode == 0, first.stdout[-6000:]
    after_first = tree(origin)
    second = publish(work, NEW, "--latest", "--push", "--skip-tests", "--no-offline")
    assert second.returncode == 0, second.stdout[-6000:]
    return {"tmp": tmp, "origin": origin, "work": work, "after_first": after_first,
            "zip": work / "build" / "offline" / f"mali-crisis-explainer-{OLD}-offline.zip"}


@pytest.fixture
def scratch(published, tmp_path):
    """A copy of the published origin and a fresh clone of it, for tests that publish more."""
    origin, work = fork(published["origin"], tmp_path)
    return {"origin": origin, "work": work}


@pytest.fixture(scope="module")
def served(published):
    return export(published["origin"], published["tmp"] / "served")


@pytest.fixture(scope="module")
def pages_url(served):
    server = serve(served, BASE_PATH)
    yield f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}"
    server.shutdown()


@pytest.fixture(scope="module")
def offline_site(published):
    return unzip(published["zip"], published["tmp"] / "offline") / f"mali-crisis-explainer-{OLD}"


def versions(repo: Path) -> dict[str, list[str]]:
    return {v["version"]: sorted(v["aliases"]) for v in json.loads(git("show", "gh-pages:versions.json", cwd=repo))}


def message(repo: Path) -> str:
    return git("log", "-1", "--format=%B", "gh-pages", cwd=repo)


def no_leftovers_in(work: Path) -> None:
    """Nothing a publish writes is left in the clone: no untracked file, no scratch branch."""
    assert git("status", "--porcelain", "--untracked-files=all", cwd=work) == ""
    assert not [r for r in refs(work) if r.startswith(f"refs/heads/{publisher.TEMP_BRANCHES}/")]


# --- what lands on gh-pages ---------------------------------------------------------------------------------------

def test_a_second_deploy_keeps_the_first_edition(published):
    origin, first = published["origin"], published["after_first"]
    now = tree(origin)
    assert {OLD, "latest", "index.html", "404.html", "robots.txt", "sitemap.xml", "versions.json"} <= set(first)
    assert {OLD, NEW, "latest", "index.html", "404.html", "robots.txt", "sitemap.xml", "versions.json"} <= set(now)
    assert now[OLD] == first[OLD], "the second deploy changed the first edition's files"
    assert versions(origin) == {NEW: ["latest"], OLD: []}
    assert now["latest"] != first["latest"], "latest/ still holds the first edition"
    assert "Publish edition 2026.2 as latest from" in message(origin)
    assert set(refs(origin)) == {"refs/heads/main", "refs/heads/gh-pages"}


def test_latest_is_the_newest_edition_without_noindex_and_older_ones_never_change(served):
    """Numbered editions and dev are noindex from the start (so an edition that stops being the latest needs no
    change); /latest/ is the latest edition's copy without the tag, which search engines index."""
    for folder in (OLD, NEW):
        pages = sorted((served / folder).rglob("*.html"))
        assert len(pages) > 20
        missing = [p.relative_to(served).as_posix() for p in pages
                   if p.read_text(encoding="utf-8").count(NOINDEX) != 1]
        assert not missing, missing[:10]
    latest = sorted((served / "latest").rglob("*.html"))
    assert not [p for p in latest if "noindex" in p.read_text(encoding="utf-8")]
    stripped = {p.relative_to(served / NEW): p.read_text(encoding="utf-8").replace(NOINDEX, "")
                for p in (served / NEW).rglob("*.html")}
    assert stripped == {p.relative_to(served / "latest"): p.read_text(encoding="utf-8") for p in latest}
    assert 'content="noindex"' in (served / "404.html").read_text(encoding="utf-8")


def test_each_sitemap_names_its_own_folder_and_every_address_exists(served, pages_url):
    index = (served / "sitemap.xml").read_text(encoding="utf-8")
    assert "<sitemapindex" in index
    sitemaps = re.findall(r"<loc>([^<]+)</loc>", index)
    assert sitemaps == [SITE_URL + "latest/sitemap.xml"]
    assert f"Sitemap: {SITE_URL}sitemap.xml" in (served / "robots.txt").read_text(encoding="utf-8")
    checked = 0
    for folder in (OLD, NEW, "latest"):
        text = (served / folder / "sitemap.xml").read_text(encoding="utf-8")
        urls = re.findall(r"<loc>([^<]+)</loc>", text)
        assert len(urls) > 20, folder
        outside = [u for u in urls if not u.startswith(f"{SITE_URL}{folder}/")]
        assert not outside, f"{folder}/sitemap.xml names other folders' addresses: {outside[:5]}"
        for url in urls:
            local = pages_url + url[len(SITE_URL):]
            with urllib.request.urlopen(local) as response:        # raises on a 404
                assert response.status == 200, url
            checked += 1
    assert checked > 60


def test_each_edition_holds_the_french_site_with_its_own_sitemap_and_pdfs(served, pages_url, published):
    """An edition is the whole site in both languages: /2026.1/fr/ serves the French pages, its sitemap names
    them at /2026.1/fr/ with each page's English and French addresses, and the French handouts are printed too."""
    html = (served / OLD / "fr" / PAGE / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in html
    text = (served / OLD / "fr" / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<loc>([^<]+)</loc>", text)
    assert len(urls) > 20 and all(u.startswith(f"{SITE_URL}{OLD}/fr/") for u in urls)
    english = re.findall(r'hreflang="en" href="([^"]+)"', text)
    assert english and all(u.startswith(f"{SITE_URL}{OLD}/") and "/fr/" not in u for u in english)
    with urllib.request.urlopen(pages_url + urls[1][len(SITE_URL):]) as response:
        assert response.status == 200
    slug = sorted(ROOT.glob("docs/fr/classroom/lesson-*/handout.md"))[0].parent.name
    git("cat-file", "-e", f"gh-pages:{OLD}/fr/classroom/{slug}/handout.pdf", cwd=published["origin"])


# --- refusals ---------------------------------------------------------------------------------------------------

def test_republishing_an_edition_is_refused_without_a_reason(scratch):
    origin, work = scratch["origin"], scratch["work"]
    before = refs(origin)
    result = publish(work, OLD, "--push", "--skip-tests", "--no-offline")
    assert result.returncode == REFUSED, result.stdout[-3000:]
    assert f"edition {OLD} is already published" in result.stdout and "--replace" in result.stdout
    assert "build" not in result.stdout, "a refused publish built the site"
    assert refs(origin) == before
    no_leftovers_in(work)


def test_replace_redeploys_an_edition_and_records_the_reason(scratch):
    origin, work = scratch["origin"], scratch["work"]
    before = tree(origin)
    reason = "Fix a wrong date in the 2013 timeline (issue 42)"
    result = publish(work, OLD, "--replace", reason, "--push", "--skip-tests", "--no-offline")
    assert result.returncode == 0, result.stdout[-3000:]
    assert f"Replaces the published edition {OLD}: {reason}" in message(origin)
    after = tree(origin)
    assert after[NEW] == before[NEW] and after["latest"] == before["latest"], "another edition changed"
    assert versions(origin) == {NEW: ["latest"], OLD: []}


def test_replace_needs_a_reason_and_an_edition_to_replace(scratch):
    origin, work = scratch["origin"], scratch["work"]
    before = refs(origin)
    empty = publish(work, OLD, "--replace", " ", "--push", "--skip-tests")
    assert empty.returncode == 2 and "--replace needs a reason" in empty.stdout
    unknown = publish(work, "2026.7", "--replace", "typo", "--push", "--skip-tests", "--no-offline")
    assert unknown.returncode == REFUSED and "2026.7 is not published" in unknown.stdout
    assert refs(origin) == before


def test_latest_never_moves_back(scratch):
    origin, work = scratch["origin"], scratch["work"]
    before = refs(origin)
    older = publish(work, "2025.9", "--latest", "--push", "--skip-tests", "--no-offline")
    assert older.returncode == REFUSED, older.stdout[-3000:]
    assert f"`latest` is {NEW}" in older.stdout and "never moves back" in older.stdout
    replaced = publish(work, OLD, "--latest", "--replace", "make it latest again", "--push", "--skip-tests",
                       "--no-offline")
    assert replaced.returncode == REFUSED and "never moves back" in replaced.stdout
    assert refs(origin) == before
    # An older edition that never was published may still be added, without moving latest.
    added = publish(work, "2025.9", "--push", "--skip-tests", "--no-offline")
    assert added.returncode == 0, added.stdout[-3000:]
    assert versions(origin) == {NEW: ["latest"], OLD: [], "2025.9": []}


@pytest.mark.parametrize("change", ["edit", "new file"])
def test_a_dirty_work_tree_is_refused(scratch, change):
    origin, work = scratch["origin"], scratch["work"]
    before = refs(origin)
    if change == "edit":
        with open(work / "docs" / "index.md", "a", encoding="utf-8") as page:
            page.write("\nAn uncommitted sentence.\n")
    else:
        (work / "docs" / "draft.md").write_text("# Draft\n", encoding="utf-8")
    result = publish(work, "2026.3", "--latest", "--push", "--skip-tests", "--no-offline")
    assert result.returncode == REFUSED, result.stdout[-3000:]
    assert "uncommitted changes" in result.stdout and "docs/" in result.stdout
    assert refs(origin) == before


def test_a_failing_test_run_deploys_nothing(scratch):
    origin, work = scratch["origin"], scratch["work"]
    before = branch_rev(origin)
    result = publish(work, "2026.3", "--latest", "--push",
                     env={"PUBLISH_TEST_COMMAND": "python3 -c 'raise SystemExit(1)'"})
    assert result.returncode == 1, result.stdout[-3000:]
    assert "the tests failed: nothing was deployed" in result.stdout
    assert branch_rev(origin) == before
    assert branch_rev(work) == before                   # the local gh-pages was reset to the remote's, no more
    assert not (work / "build" / "offline" / "mali-crisis-explainer-2026.3-offline.zip").exists()


def test_the_publish_script_refuses_a_malformed_edition(published):
    result = publish(published["work"], "v2026-1", "--skip-tests")
    assert result.returncode == 2 and "expected YEAR.N" in result.stdout


# --- killed publishes -------------------------------------------------------------------------------------------

def test_a_publish_killed_at_any_step_never_reaches_the_remote(scratch):
    """Killed (SIGKILL, no clean-up) at each step before the push: the remote is as it was, and the next publish
    (dev) pushes none of the killed runs' work. Killed just after the push: the remote has the whole edition."""
    origin, work = scratch["origin"], scratch["work"]
    before_refs, before_tree, before_versions = refs(origin), tree(origin), versions(origin)
    for step in publisher.STEPS[:-1]:
        options = ["--skip-tests"] if step not in ("checked", "tested") else []
        options += [] if step == "offline" else ["--no-offline"]
        result = publish(work, "2026.3", "--latest", "--push", *options,
                         env={"PUBLISH_KILL_AT": step, "PUBLISH_TEST_COMMAND": "true"})
        assert result.returncode == -9, f"{step}: {result.stdout[-3000:]}"
        assert f"killed at {step}" in result.stdout
        assert refs(origin) == before_refs, f"killed at {step}, the remote changed"
        assert git("status", "--porcelain", "--untracked-files=all", cwd=work) == "", step
    # The next publish, an unrelated dev preview, pushes only itself.
    dev = publish(work, "dev", "--push", "--skip-tests", "--no-offline")
    assert dev.returncode == 0, dev.stdout[-3000:]
    assert versions(origin) == {**before_versions, "dev": []}
    after = tree(origin)
    assert {k: v for k, v in after.items() if k in (OLD, NEW, "latest")} == \
        {k: before_tree[k] for k in (OLD, NEW, "latest")}
    assert "2026.3" not in after
    assert set(refs(origin)) == {"refs/heads/main", "refs/heads/gh-pages"}
    no_leftovers_in(work)
    # Killed right after the push: the edition landed whole; the next publish starts from it and keeps it.
    pushed = publish(work, "2026.3", "--latest", "--push", "--skip-tests", "--no-offline",
                     env={"PUBLISH_KILL_AT": "pushed"})
    assert pushed.returncode == -9, pushed.stdout[-3000:]
    assert versions(origin) == {**before_versions, "dev": [], "2026.3": ["latest"], NEW: []}
    landed = tree(origin)
    again = publish(work, "dev", "--push", "--skip-tests", "--no-offline")
    assert again.returncode == 0, again.stdout[-3000:]
    final = tree(origin)
    assert all(final[k] == landed[k] for k in (OLD, NEW, "2026.3", "latest"))
    assert versions(origin) == {**before_versions, "dev": [], "2026.3": ["latest"], NEW: []}
    no_leftovers_in(work)


def test_a_deploy_racing_another_is_made_again_on_top_of_it(scratch, tmp_path):
    """Another clone publishes while this one is between its build and its push: the push is refused, the
    checks run again on the new remote, and the commit is remade on top; nothing of the other deploy is lost."""
    origin, work = scratch["origin"], scratch["work"]
    other = tmp_path / "other"
    git("clone", "--quiet", str(origin), str(other), cwd=tmp_path)
    (other / ".venv").symlink_to(work / ".venv")
    (other / "node_modules").symlink_to(work / "node_modules")
    (other / ".git" / "info" / "exclude").write_text("/.venv\n/node_modules\n", encoding="utf-8")
    hook = f"{sys.executable} scripts/publish.py dev --push --skip-tests --no-offline"
    # The test command runs before the build: it publishes dev from the other clone, moving the remote.
    result = publish(work, "2026.3", "--latest", "--push", "--no-offline",
                     env={"PUBLISH_TEST_COMMAND": f"cd {other} && {hook}"})
    assert result.returncode == 0, result.stdout[-4000:]
    assert "moved during the publish" in result.stdout
    assert versions(origin) == {"2026.3": ["latest"], NEW: [], OLD: [], "dev": []}
    assert len(git("rev-list", "gh-pages", cwd=origin).splitlines()) == 4


# --- in the browser ---------------------------------------------------------------------------------------------

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
def test_the_root_404_sends_an_address_without_edition_to_latest(pages_url, page):
    response = page.goto(pages_url + f"{PAGE}2013/?from=old-link#top", wait_until="commit")
    assert response.status == 404                  # GitHub Pages answers with the root 404.html
    page.wait_for_url(pages_url + f"latest/{PAGE}2013/?from=old-link#top", timeout=10000)
    page.wait_for_load_state("networkidle")
    assert "2013" in page.locator("h1").first.inner_text()
    assert not [e for e in page.recorder.console_errors if "404" not in e], page.recorder.console_errors


@pytest.mark.browser
@pytest.mark.parametrize("missing", ["no-such-page/", f"{OLD}/no-such-page/", "latest/no-such-page/"])
def test_the_root_404_helps_when_there_is_no_such_page(pages_url, page, missing):
    response = page.goto(pages_url + missing, wait_until="networkidle")
    assert response.status == 404
    page.wait_for_timeout(300)
    assert page.url == pages_url + missing, "redirected to a page that does not exist"
    heading = page.locator("h1")
    assert heading.inner_text() == "Page not found" and heading.is_visible()
    links = {a.get_attribute("href") for a in page.locator("main a").all()}
    assert {f"{BASE_PATH}latest/", f"{BASE_PATH}{OLD}/", f"{BASE_PATH}{NEW}/"} <= links, links
    page.locator("main a", has_text="Open the latest edition").click()
    page.wait_for_url(pages_url + "latest/")
    errors = [e for e in page.recorder.console_errors if "404" not in e]
    assert not errors, errors                      # no Content-Security-Policy violation


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
    page.context.grant_permissions(["clipboard-read", "clipboard-write"],
                                   origin=pages_url[: -len(BASE_PATH)])
    page.goto(pages_url + f"{OLD}/{PAGE}", wait_until="networkidle")
    expected = f"{SITE_URL}{OLD}/{PAGE}"
    assert page.locator("#edition-link").inner_text() == expected
    page.locator("button[data-clipboard-target='#edition-link']").click()
    assert page.evaluate("() => navigator.clipboard.readText()") == expected


# --- the offline edition ----------------------------------------------------------------------------------------

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
    assert not page.recorder.console_errors          # a Content-Security-Policy violation is a console error


def test_the_edition_and_its_offline_zip_carry_the_lessons_pdfs(published, offline_site):
    """The publish step prints every handout and key to PDF (scripts/print_pdfs.py) into the edition on gh-pages and
    into the offline ZIP, and the lesson pages link them."""
    handouts = sorted(ROOT.glob("docs/classroom/lesson-*/handout.md"))
    assert handouts
    for handout in handouts:
        slug = handout.parent.name
        for name in ("handout.pdf", "key.pdf"):
            assert (offline_site / "classroom" / slug / name).is_file(), (slug, name)
            git("cat-file", "-e", f"gh-pages:{OLD}/classroom/{slug}/{name}", cwd=published["origin"])
    lesson = (offline_site / "classroom" / handouts[0].parent.name).with_suffix(".html").read_text(encoding="utf-8")
    assert ".pdf" in lesson


def test_the_offline_edition_has_a_content_security_policy(offline_site):
    """Opened from file://, the offline edition still refuses other hosts, plugins, <base> and form targets."""
    for path in sorted(offline_site.rglob("*.html"))[:20]:
        html = path.read_text(encoding="utf-8")
        policy = html.split('<meta http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        assert "default-src 'self' file:" in policy and "object-src 'none'" in policy, path
        assert "https:" not in policy and "*" not in policy, path
