"""The places factcheck is used from: the GitHub Action and workflow, and the pre-commit hook. Each
is valid YAML and runs commands the CLI accepts, with the outcome the README promises.
(`pre-commit try-repo` itself runs in .ci/run: it installs the hook from the repository.)"""

from __future__ import annotations

import re
import shlex

import yaml

from .conftest import CLAIMS, REPO, SOURCES, invoke

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
WORKFLOW = yaml.safe_load((REPO / ".github" / "workflows" / "factcheck.yml").read_text(encoding="utf-8"))
HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(script: str, env: dict[str, str]) -> list[list[str]]:
    """The factcheck commands of a step's script, with its variables filled in."""
    found = []
    for line in script.splitlines():
        line = line.split(">>")[0].strip()
        if line.startswith("factcheck "):
            found.append([re.sub(r"\$(\w+)", lambda m: env[m.group(1)], word) for word in shlex.split(line)[1:]])
    return found


def test_the_action_checks_annotates_and_fails_on_its_input() -> None:
    assert ACTION["runs"]["using"] == "composite"
    defaults = {name: str(spec["default"]) for name, spec in ACTION["inputs"].items()}
    env = {"CLAIMS": str(CLAIMS), "SOURCES": str(SOURCES), "FAIL_ON": defaults["fail-on"]}
    runs = [args for step in ACTION["runs"]["steps"] if "run" in step for args in _commands(step["run"], env)]
    assert [args[:3] for args in runs] == [["check", "--format", "github"], ["report", "--format", "github"],
                                           ["report", "--format", "markdown"]]
    codes = [invoke(*args).code for args in runs]
    assert codes == [0, 0, 1]  # the shipped story has conflicts: with the default `conflict`, the step fails
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", "")  # inputs reach scripts through env, never pasted into them


def test_the_workflow_runs_the_action_when_the_story_changes() -> None:
    on = WORKFLOW[True] if True in WORKFLOW else WORKFLOW["on"]  # YAML 1.1 reads `on` as true
    for event in ("push", "pull_request"):
        assert on[event]["paths"] == ["claims.yaml", "sources/**"]
    steps = WORKFLOW["jobs"]["factcheck"]["steps"]
    assert steps[-1]["uses"] == "./" and steps[-1]["with"]["fail-on"] in ("conflict", "disputed", "never")


def test_the_pre_commit_hook_runs_check_on_the_story_files() -> None:
    (hook,) = HOOKS
    assert hook["id"] == "factcheck-check" and hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("claims.yaml") and files.search("sources/x.txt") and not files.search("README.md")
    args = shlex.split(hook["entry"])
    assert args[0] == "factcheck" and invoke(*args[1:], "--claims", str(CLAIMS), "--sources", str(SOURCES)).code == 0


def test_the_readme_shows_each_integration() -> None:
    assert "uses: " in README and "factcheck-check" in README and "--format github" in README
