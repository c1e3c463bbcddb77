"""`report --baseline`: a desk adopts factcheck on a story with known errors and still fails CI on
new ones. A conflict is keyed by claim, source and figure as written, not by line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .conftest import CLAIMS, SOURCES, invoke


def _report(sources: Path, *extra: str) -> tuple[int, str]:
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(sources), "--fail-on", "conflict", *extra)
    return run.code, run.stderr


def test_accepted_conflicts_do_not_fail_and_a_new_one_does(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    baseline = tmp_path / "baseline.json"
    assert _report(sources, "--write-baseline", str(baseline))[0] == 1  # written, and the run still fails
    accepted = json.loads(baseline.read_text(encoding="utf-8"))["accepted"]
    assert {"claim": "r2-ascend-failure-date", "source": "huawei-led-team-full-parameter",
            "found": "August 2023"} in accepted
    code, err = _report(sources, "--baseline", str(baseline))
    assert code == 0 and f"{len(accepted)} of the report's {len(accepted)} conflicts accepted, 0 new" in err

    # A line added at the top of an article moves every passage: nothing it accepted becomes new.
    article = sources / "huawei-led-team-full-parameter.txt"
    header, body = article.read_text(encoding="utf-8").split("---\n", 2)[1:]
    article.write_text(f"---\n{header}---\nAn editor's note added at the top.\n\n{body}", encoding="utf-8")
    assert _report(sources, "--baseline", str(baseline))[0] == 0

    # The August 2023 conflict no longer accepted: it is new, and the run fails.
    kept = [a for a in accepted if a["found"] != "August 2023"]
    baseline.write_text(json.dumps({"schema_version": 1, "accepted": kept}), encoding="utf-8")
    code, err = _report(sources, "--baseline", str(baseline))
    assert code == 1 and "1 new" in err


def test_a_file_that_is_not_a_baseline_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "baseline.json"
    bad.write_text('{"accepted": [{"claim": 1}]}', encoding="utf-8")
    code, err = _report(SOURCES, "--baseline", str(bad))
    assert code == 2 and err.count("\n") == 1 and "not a factcheck baseline" in err
    code, err = _report(SOURCES, "--baseline", str(tmp_path / "missing.json"))
    assert code == 2 and "write one with --write-baseline FILE" in err
