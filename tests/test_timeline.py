"""Timeline and anachronisms: dates that cannot all be true."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema

from factcheck.report import build_report

from .conftest import CLAIMS, REPO, SOURCES, invoke, shipped_claims_without

SCHEMA = json.loads((REPO / "schemas" / "timeline.schema.json").read_text(encoding="utf-8"))


def test_order_breaks_are_found_without_canonical_values(tmp_path: Path) -> None:
    report = build_report(shipped_claims_without(tmp_path, "value"), SOURCES)
    order = {(a.claim, a.source, a.found): a for a in report.anachronisms if a.kind == "order"}
    # V4-Pro "released in April 2024": before V3's technical report (December 2024), its predecessor.
    v4 = order[("v4-release-date", "huawei-led-team-full-parameter", "April 2024")]
    assert "v3-report-date (2024-12 in 2 passages)" in v4.reason
    # R2's training failures "in August 2023": before R1 (January 2025) existed.
    r2 = order[("r2-ascend-failure-date", "huawei-led-team-full-parameter", "August 2023")]
    assert r2.other == "r1-release-date" and r2.other_date == "2025-01 at bestaifor-huawei-chips-refine:39"
    # Only those two are set aside: V3's and R1's dates, which they contradict, fit the chain without them.
    assert sorted(order) == [("r2-ascend-failure-date", "huawei-led-team-full-parameter", "August 2023"),
                             ("v4-release-date", "huawei-led-team-full-parameter", "April 2024")]


def test_timeline_marks_both_and_lists_events_in_order(tmp_path: Path) -> None:
    run = invoke("timeline", "--claims", str(shipped_claims_without(tmp_path, "value")), "--sources", str(SOURCES),
                 "--format", "json")
    doc = json.loads(run.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    events = doc["events"]
    starts = [e["date"]["start"] for e in events if e["date"]["qualifier"] != "before"]
    assert starts == sorted(starts)
    marked = {(e["found"], tuple(e["claims"])): e for e in events}
    assert "order" in marked[("April 2024", ("v4-release-date",))]["anachronisms"]
    assert "order" in marked[("August 2023", ("r2-ascend-failure-date",))]["anachronisms"]
    position = [e["found"] for e in events]
    assert position.index("April 2024") < position.index("December 2024") < position.index("January 2025")


def test_timeline_text_is_one_line_per_event_within_80_columns() -> None:
    run = invoke("timeline", "--claims", str(CLAIMS), "--sources", str(SOURCES))
    lines = run.stdout.splitlines()
    assert run.code == 0 and max(len(line) for line in lines) <= 80
    # The claim id comes first and is never cut; the quoted figure after it gives way.
    r2 = next(line for line in lines if line.startswith("2023-08") and "huawei-led-team-full-parameter:24" in line)
    assert "✗  r2-ascend-failure-date “Aug" in r2 and r2.endswith("huawei-led-team-full-parameter:24")
    assert len(lines) == 2 + len(json.loads(invoke("timeline", "--claims", str(CLAIMS), "--sources", str(SOURCES),
                                                   "--format", "json").stdout)["events"])


def test_stale_as_of_uses_the_articles_publication_date() -> None:
    report = build_report(CLAIMS, SOURCES)
    stale = [a for a in report.anachronisms if a.kind == "stale-as-of"]
    # bestaifor-v4-pro-not-just-pr (published 2026-06-10) says "as of mid-2025" three times.
    assert [(a.source, a.found) for a in stale] == [("bestaifor-v4-pro-not-just-pr", "mid-2025")] * 3
    assert all(a.severity == "warning" and "253 days older" in a.reason for a in stale)
    assert not [a for a in build_report(CLAIMS, SOURCES, stale_after_days=365).anachronisms
                if a.kind == "stale-as-of"]


def test_event_dated_after_its_article(tmp_path: Path, claims_file: Callable[[str], Path]) -> None:
    # An outage story from another beat: the article is dated before the outage it reports.
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "outage.txt").write_text(
        "---\nid: outage\ntitle: Cloud outage\npublished: 2024-07-01\n---\n"
        "The outage began on July 19, 2024, grounding flights at several airports.\n"
        "As of March 2023, the vendor said its update process was safe.\n", encoding="utf-8")
    path = claims_file("""
        claims:
          - id: outage-date
            statement: The outage began on 19 July 2024.
            kind: date
            match: [outage]
        """)
    report = build_report(path, sources)
    kinds = {(a.kind, a.found) for a in report.anachronisms}
    assert ("after-publication", "July 19, 2024") in kinds
    assert ("stale-as-of", "March 2023") in kinds
    grace = build_report(path, sources, future_grace_days=30)
    assert not [a for a in grace.anachronisms if a.kind == "after-publication"]


def test_before_constraint_is_checked_too(claims_file: Callable[[str], Path]) -> None:
    path = claims_file("""
        claims:
          - id: v3-report
            statement: The V3 technical report came out in December 2024.
            kind: date
            match: [V3, technical report]
          - id: h800-control
            statement: The H800 was export-controlled before the V3 report.
            kind: date
            before: v3-report
            match: [H800, export|legal supply]
        """)
    report = build_report(path, SOURCES)
    assert [(a.claim, a.found) for a in report.anachronisms if a.kind == "order"] == []
    late = path.read_text(encoding="utf-8").replace("before: v3-report", "before: v3-report\n    after: v3-report")
    path.write_text(late, encoding="utf-8")
    run = invoke("check", "--claims", str(path), "--sources", str(SOURCES))
    assert run.code == 1 and "[order-cycle]" in run.stdout


def test_cyclic_constraints_are_a_check_error_with_lines(claims_file: Callable[[str], Path]) -> None:
    path = claims_file("""
        claims:
          - id: a
            statement: A happened.
            kind: date
            after: c
          - id: b
            statement: B happened.
            kind: date
            after: a
          - id: c
            statement: C happened.
            kind: date
            after: b
          - id: d
            statement: D happened.
            kind: date
            after: nothing-here
        """)
    run = invoke("check", "--claims", str(path), "--sources", str(SOURCES))
    assert run.code == 1
    cycle = [line for line in run.stdout.splitlines() if "[order-cycle]" in line]
    assert len(cycle) == 1
    assert "claims.yaml:2:5: error: after/before constraints form a cycle" in cycle[0]
    assert "(claims at lines 2, 10, 6)" in cycle[0] or "(claims at lines 2, 6, 10)" in cycle[0]
    assert any("claims.yaml:17:12:" in line and "[unknown-claim]" in line for line in run.stdout.splitlines())


def _election(tmp_path: Path, second_source: bool) -> tuple[Path, Path]:
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "wire.txt").write_text(
        "---\nid: wire\ntitle: Count\n---\nThe election was held on November 5, 2024, with record turnout.\n"
        "State officials certified the results on October 30, 2024, after a recount.\n", encoding="utf-8")
    if second_source:
        (sources / "paper.txt").write_text(
            "---\nid: paper\ntitle: Vote\n---\nVoters went to the polls in the election on November 5, 2024.\n",
            encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text(
        "claims:\n"
        "  - {id: election-day, statement: The election was held., kind: date, match: [election, held|polls]}\n"
        "  - {id: certification, statement: The results were certified., kind: date, after: election-day,\n"
        "     match: [certified]}\n", encoding="utf-8")
    return claims, sources


def test_two_lone_dates_that_cannot_both_be_true_are_both_flagged(tmp_path: Path) -> None:
    claims, sources = _election(tmp_path, second_source=False)
    flagged = sorted(a.found for a in build_report(claims, sources).anachronisms if a.kind == "order")
    assert flagged == ["November 5, 2024", "October 30, 2024"]


def test_the_corroborated_date_stands_and_the_other_is_flagged(tmp_path: Path) -> None:
    claims, sources = _election(tmp_path, second_source=True)
    (only,) = [a for a in build_report(claims, sources).anachronisms if a.kind == "order"]
    assert (only.claim, only.found, only.other) == ("certification", "October 30, 2024", "election-day")
    assert "2024-11-05 in 2 passages" in only.reason


def test_a_scheduled_event_is_not_after_publication(tmp_path: Path, claims_file: Callable[[str], Path]) -> None:
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "speech.txt").write_text(
        "---\nid: speech\ntitle: Programme\npublished: 2024-07-08\n---\n"
        "The new government's programme will be set out in the King's Speech on 17 July.\n", encoding="utf-8")
    path = claims_file("""
        claims:
          - {id: kings-speech, statement: The King's Speech was on 17 July 2024., kind: date, match: [King's Speech]}
        """)
    assert [a.kind for a in build_report(path, sources).anachronisms] == []
