"""`--format sarif` on check and report: SARIF 2.1.0 with a rule per problem code or conflict kind,
levels by severity, file/line/column regions, and fingerprints stable across runs and line shifts.

Not yet validated against the official SARIF 2.1.0 JSON Schema: the schema file is on no package
index this project can reach (issue 12); these tests check the structure code scanning reads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .conftest import CLAIMS, SOURCES, invoke


def _sarif(*args: str) -> dict[str, object]:
    log = json.loads(invoke(*args, "--format", "sarif", "--no-cache").stdout)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert run["tool"]["driver"]["name"] == "factcheck" and len(rules) == len(set(rules))
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"] and result["level"] in ("error", "warning", "note")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1 and result["message"]["text"]
    return run


def test_report_sarif_puts_each_conflict_at_its_articles_line(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    run = _sarif("report", "--claims", str(CLAIMS), "--sources", str(sources))
    (r2,) = [r for r in run["results"] if "r2-ascend-failure-date" in r["message"]["text"]
             and r["ruleId"] == "overlapping_intervals"]
    location = r2["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("sources/huawei-led-team-full-parameter.txt")
    assert location["region"]["startLine"] == 24 and r2["level"] == "warning"
    # A line added at the top of the article moves the conflict, not its fingerprint.
    article = sources / "huawei-led-team-full-parameter.txt"
    header, body = article.read_text(encoding="utf-8").split("---\n", 2)[1:]
    article.write_text(f"---\n{header}---\nAn editor's note.\n\n{body}", encoding="utf-8")
    moved = _sarif("report", "--claims", str(CLAIMS), "--sources", str(sources))
    (again,) = [r for r in moved["results"] if r["partialFingerprints"] == r2["partialFingerprints"]]
    assert again["locations"][0]["physicalLocation"]["region"]["startLine"] == 26


def test_check_sarif_has_a_rule_per_problem_code(tmp_path: Path) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_text(CLAIMS.read_text(encoding="utf-8").replace("kind: date", "kind: datum", 1), encoding="utf-8")
    run = _sarif("check", "--claims", str(claims), "--sources", str(SOURCES))
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["bad-kind"]
    (result,) = run["results"]
    assert result["level"] == "error" and result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        claims.as_posix()
