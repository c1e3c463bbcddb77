"""`factcheck report` on the shipped articles: every conflict a careful reader finds, and no false one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

import jsonschema
import pytest
import yaml

from factcheck.formats import REPORT_FORMATS
from factcheck.report import Report, build_report

from .conftest import CLAIMS, REPO, SOURCES, invoke, shipped_claims_without

EXPECTED = yaml.safe_load((REPO / "tests" / "data" / "expected_conflicts.yaml").read_text(encoding="utf-8"))
SCHEMA = json.loads((REPO / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


@cache
def shipped() -> Report:
    return build_report(CLAIMS, SOURCES)


def conflicts(report: Report) -> list[tuple[str, str, str, str]]:
    return [(r.claim.id, f.source, f.found or "", f.passage) for r in report.results for f in r.conflicts]


def test_report_lists_exactly_the_conflicts_a_careful_reader_finds() -> None:
    report = shipped()
    kinds = {r.claim.id: r.claim.kind for r in report.results}
    got = conflicts(report)
    # Figures and dates: the exact text as written. Text claims: the conflicting passage holds it.
    unmatched = list(got)
    missing = []
    for row in EXPECTED["conflicts"]:
        for item in unmatched:
            claim, source, found, passage = item
            if (claim, source) != (row["claim"], row["source"]):
                continue
            if (found == row["found"]) if kinds[claim] != "text" else (row["found"] in passage):
                unmatched.remove(item)
                break
        else:
            missing.append((row["claim"], row["source"], row["found"]))
    assert missing == [], "conflicts the report misses"
    assert [(c, s, f) for c, s, f, _ in unmatched] == [], "conflicts the report invents"


def test_the_two_errors_named_in_the_brief_are_conflicts() -> None:
    got = {(c, s, f) for c, s, f, _ in conflicts(shipped())}
    assert ("r2-ascend-failure-date", "huawei-led-team-full-parameter", "August 2023") in got
    assert ("v4-release-date", "huawei-led-team-full-parameter", "April 2024") in got


def test_figures_the_articles_agree_on_are_never_conflicts() -> None:
    report = shipped()
    by_claim = {r.claim.id: r for r in report.results}
    for row in EXPECTED["agreements_never_conflict"]:
        wrongly = [f.found for f in by_claim[row["claim"]].conflicts if f.found in row["found"]]
        assert wrongly == [], row["claim"]
    agreeing = Counter((r.claim.id, f.found) for r in report.results for f in r.findings if f.verdict == "agrees")
    # Three spellings of 1.6 trillion parameters, both spellings of the chip floor, both of the tokens
    # and both of V3's GPU-hours are each found and agree.
    for claim, found in [
        ("v4-pro-parameters", "1.6-trillion-parameter"), ("v4-pro-parameters", "1.6 trillion parameter"),
        ("v4-pro-parameters", "1.6 trillion-parameter"), ("v4-pro-post-training-chips", "at least 1,000"),
        ("v4-pro-post-training-chips", "at least a thousand"),
        ("v4-pretraining-tokens", "over 32 trillion tokens"),
        ("v4-pretraining-tokens", "exceeding 32 trillion tokens"),
        ("v3-total-gpu-hours", "approximately 2,788,000"), ("v3-total-gpu-hours", "2.788 million"),
    ]:
        assert agreeing[(claim, found)] >= 1, (claim, found)


def test_discovery_finds_conflicts_without_pinned_evidence(tmp_path: Path) -> None:
    got = {(c, s, f) for c, s, f, _ in conflicts(build_report(shipped_claims_without(tmp_path, "evidence"), SOURCES))}
    for triple in [
        ("r2-ascend-failure-date", "huawei-led-team-full-parameter", "August 2023"),
        ("v4-release-date", "huawei-led-team-full-parameter", "April 2024"),
        ("h800-export-control-date", "bestaifor-v4-pro-not-just-pr", "since Oct 2024"),
        ("export-control-expansion-date", "bestaifor-v4-pro-not-just-pr", "October 2024"),
        ("h100-export-control-date", "bestaifor-v4-pro-not-just-pr", "since Oct 2023"),
        # a bare table cell, read in the unit its column header names ("Peak FP16 TFLOPS")
        ("h100-fp16-tflops", "bestaifor-huawei-chips-refine", "~3,958"),
    ]:
        assert triple in got
    # ... and nothing else: without pins, every date or figure conflict is one the table lists.
    figures = {(r["claim"], r["source"], r["found"]) for r in EXPECTED["conflicts"]}
    kinds = {r.claim.id: r.claim.kind for r in shipped().results}
    assert {row for row in got if kinds[row[0]] != "text"} <= figures


def test_a_passage_about_another_subject_is_not_evidence(claims_file: Callable[[str], Path]) -> None:
    # V3's GPU-hours sentence shares words with a V4-Pro claim but does not name V4-Pro.
    path = claims_file("""
        claims:
          - id: v4-pro-gpu-hours
            statement: V4-Pro took 9 million GPU-hours.
            kind: number
            value: 9e+6
            unit: GPU-hours
            match: [V4-Pro, GPU-hours]
        """)
    (result,) = build_report(path, SOURCES).results
    assert result.verdict == "unsupported"
    # At most a possible conflict for a person to review, saying which rule doubts it.
    doubtful = [f for f in result.findings if f.normalized is not None]
    assert all(f.verdict == "review" and "[subject_not_in_clause]" in f.reason for f in doubtful)


def test_without_canonical_value_sources_that_disagree_are_disputed(claims_file: Callable[[str], Path]) -> None:
    # The R2 failure: one source dates it (August 2023), another article's table gives 2025 for it.
    path = claims_file("""
        claims:
          - id: v4-release
            statement: DeepSeek-V4-Pro was released in April 2026.
            kind: date
            match: [V4-Pro|V4, released|release]
          - id: h800-control
            statement: The H800 has been export-controlled since October 2023.
            kind: date
            match: [H800, export|legal supply]
        """)
    results = {r.claim.id: r for r in build_report(path, SOURCES).results}
    assert results["v4-release"].verdict == "consistent"  # only one source dates it
    h800 = results["h800-control"]
    assert h800.verdict == "disputed"
    assert {(f.source, f.found) for f in h800.conflicts} >= {("bestaifor-v4-pro-not-just-pr", "since Oct 2024")}


def test_json_validates_against_the_shipped_schema_and_is_deterministic() -> None:
    first = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "json", "--no-cache")
    second = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "json", "--no-cache")
    assert first.code == 0 and first.stdout == second.stdout
    doc = json.loads(first.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    conflict_ids = [c["id"] for c in doc["claims"] if c["verdict"] == "conflict"]
    assert "r2-ascend-failure-date" in conflict_ids and "v4-release-date" in conflict_ids
    r2 = next(c for c in doc["claims"] if c["id"] == "r2-ascend-failure-date")
    (finding,) = [f for f in r2["findings"] if f["verdict"] == "conflicts"]
    assert finding["found"] == "August 2023"
    assert finding["normalized"] == {"type": "date", "start": "2023-08-01", "end": "2023-08-31",
                                     "precision": "month", "qualifier": "exact"}
    assert finding["source"] == "huawei-led-team-full-parameter" and finding["line"] == 24


def test_json_writes_each_finding_on_one_line() -> None:
    # A finding is a record: one line of the document, so `grep` finds it whole (and a large report
    # is written claim by claim as it is encoded); the levels above it are laid out for reading.
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "json")
    lines = {line.strip().rstrip(",") for line in run.stdout.splitlines()}
    findings = [f for c in json.loads(run.stdout)["claims"] for f in c["findings"]]
    assert findings and all(json.dumps(f, ensure_ascii=False) in lines for f in findings)
    assert run.stdout.startswith('{\n  "schema_version": 1,\n')


def test_fail_on_sets_the_exit_code() -> None:
    base = ("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "json")
    assert invoke(*base).code == 0
    assert invoke(*base, "--fail-on", "conflict").code == 1
    assert invoke(*base, "--fail-on", "never").code == 0
    one = ("--claim", "v4-pro-parameters")
    assert invoke(*base, *one, "--fail-on", "disputed").code == 0


def test_claim_and_source_filters() -> None:
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "json",
                 "--claim", "r2-ascend-failure-date", "--claim", "v4-release-date",
                 "--source", "server-room-thousand-chips")
    doc = json.loads(run.stdout)
    assert [c["id"] for c in doc["claims"]] == ["r2-ascend-failure-date", "v4-release-date"]
    assert {f["source"] for c in doc["claims"] for f in c["findings"]} <= {"server-room-thousand-chips"}
    assert doc["summary"]["sources"] == 1


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--claim", "no-such-claim", "no claim with id 'no-such-claim'"),
    ("--source", "no-such-source", "no source with id 'no-such-source'"),
])
def test_unknown_filter_ids_exit_2(option: str, value: str, message: str) -> None:
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), option, value)
    assert run.code == 2 and run.stdout == "" and message in run.stderr


def test_text_report_fits_80_columns_and_has_no_colour_when_piped() -> None:
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES))
    assert run.code == 0
    assert "\x1b" not in run.stdout
    assert max(len(line) for line in run.stdout.splitlines()) <= 80
    first = run.stdout.splitlines()[:2]
    assert first[0] == "factcheck report: 34 claims, 5 sources"
    assert "conflict" in first[1]


def test_only_conflicts_shows_only_conflicting_passages() -> None:
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--only", "conflicts")
    assert "other claims" not in run.stdout and "✓ agree" not in run.stdout
    assert "August 2023" in run.stdout


def test_plain_text_snapshot() -> None:
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES),
                 "--claim", "r2-ascend-failure-date", "--claim", "v4-pro-parameters")
    assert run.stdout == (REPO / "tests" / "data" / "report_snapshot.txt").read_text(encoding="utf-8")


def test_markdown_escapes_source_text(tmp_path: Path, claims_file: Callable[[str], Path]) -> None:
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "s.txt").write_text("---\nid: s\ntitle: T\n---\nThe | launch [x](http://e.vil) came in "
                                   "May 2019 \x1b[31mreally\x1b[0m.\n", encoding="utf-8")
    path = claims_file("claims:\n  - {id: launch, statement: The launch was in 2020., kind: date, "
                       "value: 2020, match: [launch]}\n")
    md = invoke("report", "--claims", str(path), "--sources", str(sources), "--format", "markdown").stdout
    assert "\x1b" not in md and "\\|" in md and "\\[x\\]" in md
    assert "**May 2019**" in md
    text = invoke("report", "--claims", str(path), "--sources", str(sources)).stdout
    assert "\x1b" not in text and "[x](http://e.vil)" in text


def _airline_table(tmp_path: Path) -> Path:
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "outage.txt").write_text(
        "---\nid: outage\ntitle: Airlines after the outage\n---\n"
        "Airlines were still recovering on Monday.\n"
        "Airline\tFlights cancelled\tStatus\n"
        "Delta\t5,000\tRecovering\n"
        "United\t850\tNormal\n"
        "\n"
        "Year\tBranches\tEmployees\n"
        "2023\t120\t4,800\n", encoding="utf-8")
    return sources


def test_a_table_cell_is_read_in_the_unit_its_column_names(tmp_path: Path,
                                                           claims_file: Callable[[str], Path]) -> None:
    path = claims_file("""
        claims:
          - {id: delta-cancellations, statement: Delta cancelled about 7000 flights., kind: number,
             value: 7000, unit: flights, match: [Delta, cancelled|cancellations]}
          - {id: staff-2023, statement: The bank had 5200 employees in 2023., kind: number,
             value: 5200, unit: employees, match: ["2023", employees]}
        """)
    results = {r.claim.id: r for r in build_report(path, _airline_table(tmp_path)).results}
    (delta,) = results["delta-cancellations"].conflicts
    assert (delta.found, delta.line) == ("5,000", 7)
    # Two bare figures in the row (120 branches, 4,800 employees): which is which is not certain,
    # so nothing is compared rather than risk a false conflict.
    assert results["staff-2023"].conflicts == ()
    assert [f.normalized for f in results["staff-2023"].findings] == [None]


def test_source_filter_does_not_turn_other_pinned_sources_into_problems() -> None:
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--source", "dapta-huawei-trains-v4-pro",
                 "--format", "json")
    assert run.stderr == ""
    assert json.loads(run.stdout)["summary"]["input_problems"] == 0


def test_markdown_keeps_the_spaces_around_a_highlighted_figure() -> None:
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "markdown")
    assert "DeepSeek's **December 2024** technical report" in run.stdout
    assert "'s**December" not in run.stdout


@pytest.mark.parametrize(("env", "coloured"), [({"FORCE_COLOR": "1"}, True), ({"NO_COLOR": "1"}, False),
                                               ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False), ({}, False)])
def test_colour_follows_force_color_and_no_color(env: dict[str, str], coloured: bool,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FORCE_COLOR", "NO_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES))  # not a terminal
    assert ("\x1b[" in run.stdout) == coloured


def test_consistent_without_an_agreeing_passage_says_so(tmp_path: Path) -> None:
    # No canonical value and one source's figure that nobody contradicts: "consistent", but nothing agrees.
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "desk.txt").write_text(
        "---\nid: desk\ntitle: T\npublished: 2024-03-04\n---\nRevenue was $5.5 billion in the quarter.\n",
        encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "claims:\n  - {id: revenue, statement: Revenue was reported., kind: number, unit: USD, match: [revenue]}\n",
        encoding="utf-8")
    run = invoke("report", "--claims", str(tmp_path / "claims.yaml"), "--sources", str(tmp_path / "sources"))
    assert "consistent, no agreeing passage" in run.stdout


def test_github_format_annotates_the_articles_lines() -> None:
    # In a pull request, a conflict shows on the article's line, where the wrong figure is.
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "github")
    lines = run.stdout.splitlines()
    path = str(SOURCES / "huawei-led-team-full-parameter.txt").replace(":", "%3A").replace(",", "%2C")
    r2 = [line for line in lines if line.startswith(f"::warning file={path},line=24,")
          and "title=factcheck r2-ascend-failure-date::" in line]
    assert len(r2) == 1 and "August 2023" in r2[0]
    warnings = sum(line.startswith("::warning ") for line in lines)
    assert warnings == sum(len(r.conflicts) for r in shipped().results) + sum(
        a.severity == "conflict" for a in shipped().anachronisms)
    assert lines[-1].startswith("factcheck: 34 claims, 5 sources: ")  # a summary, not an annotation


def test_github_annotations_escape_what_would_end_them(tmp_path: Path) -> None:
    sources = tmp_path / "desk: wire, copy" / "sources"
    sources.mkdir(parents=True)
    (sources / "wire.txt").write_text(
        "---\nid: wire\ntitle: Wire\npublisher: Desk\npublished: 2024-05-01\n---\n"
        "Acme Corp said on Monday its revenue rose 40% to $5 billion in 2023.\n", encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text("claims:\n  - id: acme-revenue\n    statement: 'Acme revenue: $4 billion in 2023, up 40%'\n"
                      "    kind: number\n    value: 4000000000\n    unit: USD\n    match: [Acme, revenue]\n",
                      encoding="utf-8")
    run = invoke("report", "--claims", str(claims), "--sources", str(sources), "--format", "github")
    (annotation,) = [line for line in run.stdout.splitlines() if line.startswith("::")]
    escaped = str(sources / "wire.txt").replace(":", "%3A").replace(",", "%2C")
    assert annotation.startswith(f"::warning file={escaped},line=7,") and "desk%3A wire%2C copy" in annotation
    message = annotation.split("::", 2)[2]
    assert "40%25" in message and "$5 billion" in message and "\n" not in message


def test_the_format_comes_from_the_registry_and_factcheck_format(monkeypatch: pytest.MonkeyPatch) -> None:
    helped = " ".join(invoke("report", "--help").stdout.split())
    assert all(f"{name}: {f.help}" in helped for name, f in REPORT_FORMATS.items())
    monkeypatch.setenv("FACTCHECK_FORMAT", "json")
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES))
    assert json.loads(run.stdout)["summary"]["claims"] == 34
    monkeypatch.setenv("FACTCHECK_FORMAT", "sarif-ish")
    bad = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES))
    assert bad.code == 2 and "sarif-ish" in bad.stderr and bad.stdout == ""


def test_one_factcheck_format_serves_commands_whose_formats_differ(monkeypatch: pytest.MonkeyPatch) -> None:
    """FACTCHECK_FORMAT=html makes report a page, and leaves check and timeline (which have no html)
    their text, with a warning; --format still chooses."""
    monkeypatch.setenv("FACTCHECK_FORMAT", "html")
    story = ("--claims", str(CLAIMS), "--sources", str(SOURCES))
    assert invoke("report", *story).stdout.startswith("<!DOCTYPE html>")
    for command in ("check", "timeline"):
        run = invoke(command, *story)
        assert run.code == 0 and not run.stdout.startswith("<") and run.stdout.strip()
        assert f"$FACTCHECK_FORMAT is html, which {command} does not print: printing text" in run.stderr
    assert json.loads(invoke("check", *story, "--format", "json").stdout)["summary"]["errors"] == 0
    monkeypatch.setenv("FACTCHECK_FORMAT", "github")  # CI's choice: timeline has no annotations
    assert "printing text" in invoke("timeline", *story).stderr
    assert invoke("check", *story).stderr == ""


def test_shell_completion_offers_each_commands_formats(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "factcheck"  # the installed command, as a shell calls it
    env = {**os.environ, "_FACTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": "factcheck report --format ",
           "COMP_CWORD": "3"}
    run = subprocess.run([str(script)], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.stdout.split() == list(REPORT_FORMATS)


def test_quiet_keeps_stderr_for_errors_only(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for path in SOURCES.glob("*.txt"):
        (sources / path.name).write_bytes(path.read_bytes())
    (sources / "notes.txt").write_text("no header here\n", encoding="utf-8")
    args = ["report", "--claims", str(CLAIMS), "--sources", str(sources), "--no-cache"]
    loud, quiet = invoke(*args), invoke("--quiet", *args)
    assert "warning" in loud.stderr and quiet.stderr == ""
    assert (quiet.code, quiet.stdout) == (loud.code, loud.stdout)
    failed = invoke("-q", "report", "--claims", str(tmp_path / "missing.yaml"), "--sources", str(sources))
    assert failed.code == 2 and "error" in failed.stderr


def test_output_writes_the_file_whole_and_a_failed_run_leaves_the_old_one(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "json", "-o", str(out))
    assert run.code == 0 and run.stdout == "" and json.loads(out.read_text(encoding="utf-8"))["summary"]["claims"] == 34
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left beside it
    text = tmp_path / "report.txt"
    text.write_text("yesterday's report\n", encoding="utf-8")
    failed = invoke("report", "--claims", str(tmp_path / "missing.yaml"), "--sources", str(SOURCES), "-o", str(text))
    assert failed.code == 2 and text.read_text(encoding="utf-8") == "yesterday's report\n"
    # A format with an error document writes it, for the CI step that reads the file.
    invoke("report", "--claims", str(tmp_path / "missing.yaml"), "--sources", str(SOURCES), "--format", "json",
           "-o", str(out))
    assert "input_error" in json.loads(out.read_text(encoding="utf-8"))
    replayed = tmp_path / "again.json"
    invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "json", "-o", str(replayed))
    invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "json", "-o", str(replayed))
    assert json.loads(replayed.read_text(encoding="utf-8"))["summary"]["claims"] == 34  # a replay writes it too


def test_output_gets_the_permissions_of_a_file_the_user_made(tmp_path: Path) -> None:
    """A report written with --output can be shared: a new file follows the umask (not the private
    0600 of a temporary file), and a file written over keeps its own permissions."""
    umask = os.umask(0o022)
    try:
        new = tmp_path / "report.html"
        invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "html", "-o", str(new))
        assert new.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "private.json"
        kept.write_text("{}", encoding="utf-8")
        kept.chmod(0o640)
        invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "json", "-o", str(kept))
        assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_text(encoding="utf-8") != "{}"
    finally:
        os.umask(umask)
