"""`--format sarif` on check and report: SARIF 2.1.0 with a rule per problem code or conflict kind,
levels by severity, file/line/column regions, and fingerprints stable across runs and line shifts.

Every log is validated against the official OASIS SARIF 2.1.0 JSON Schema (tests/schemas/, where it
came from is in the README there), then for the parts code scanning reads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from .conftest import CLAIMS, SOURCES, invoke

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def _sarif(*args: str) -> dict[str, object]:
    log = json.loads(invoke(*args, "--format", "sarif", "--no-cache").stdout)
    VALIDATOR.validate(log)
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


def test_the_schema_catches_what_code_scanning_would_reject() -> None:
    """The validator is live: a log with a level SARIF does not know, or a line 0, is refused."""
    run = _sarif("report", "--claims", str(CLAIMS), "--sources", str(SOURCES))
    log = {"version": "2.1.0", "runs": [run]}
    VALIDATOR.validate(log)
    run["results"][0]["level"] = "conflict"
    with pytest.raises(jsonschema.ValidationError, match="conflict"):
        VALIDATOR.validate(log)
    run["results"][0]["level"] = "warning"
    run["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError, match="minimum"):
        VALIDATOR.validate(log)


@pytest.mark.parametrize("command", ["check", "report"])
def test_a_clean_story_is_a_valid_log_with_no_results(tmp_path: Path, command: str) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_text("claims: []\n", encoding="utf-8")
    run = _sarif(command, "--claims", str(claims), "--sources", str(SOURCES))
    assert run["results"] == []
