"""`factcheck init DIR`: a new story folder that `check` passes, never written over an existing one."""

from __future__ import annotations

from pathlib import Path

import yaml

from .conftest import invoke


def test_a_new_story_passes_check_and_reports(tmp_path: Path) -> None:
    story = tmp_path / "story"
    assert invoke("init", str(story)).code == 0
    args = ["--claims", str(story / "claims.yaml"), "--sources", str(story / "sources")]
    checked = invoke("check", *args)
    assert checked.code == 0 and "checked 1 claim, 1 excerpt, 1 source: 0 errors, 0 warnings" in checked.stdout
    assert "1 consistent" in invoke("report", *args).stdout
    workflow = yaml.safe_load((story / ".github" / "workflows" / "factcheck.yml").read_text(encoding="utf-8"))
    assert workflow[True]["pull_request"]["paths"] == ["claims.yaml", "sources/**"]  # YAML 1.1: `on` is true


def test_init_never_writes_over_a_story(tmp_path: Path) -> None:
    (tmp_path / "claims.yaml").write_text("claims: []\n", encoding="utf-8")
    run = invoke("init", str(tmp_path))
    assert run.code == 2 and "exists already" in run.stderr
    assert (tmp_path / "claims.yaml").read_text(encoding="utf-8") == "claims: []\n"
    assert not (tmp_path / "sources").exists()
