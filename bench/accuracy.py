"""Accuracy of `factcheck report` against the conflict tables curated by reading the articles.

Prints, for the shipped corpus and every corpus under tests/corpora/, how many expected conflicts
the report finds (recall) and how many it reports that nobody expected (false alarms), with the
curator's pinned excerpts and without them (discovery alone).

Usage (from the repo root):  python bench/accuracy.py
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factcheck.report import Report, build_report  # noqa: E402


def corpora() -> list[tuple[str, Path, Path, Path]]:
    shipped = REPO / "tests" / "data" / "expected_conflicts.yaml"
    found = [("deepseek (shipped)", REPO / "claims.yaml", REPO / "sources", shipped)]
    for topic in sorted((REPO / "tests" / "corpora").glob("*/")):
        if (topic / "expected.yaml").is_file():
            found.append((topic.name, topic / "claims.yaml", topic / "sources", topic / "expected.yaml"))
    return found


def rows(report: Report, kinds: set[str]) -> Counter[tuple[str, str, str]]:
    return Counter((r.claim.id, f.source, f.found or "") for r in report.results if r.claim.kind in kinds
                   for f in r.conflicts)


def score(expected: Counter[tuple[str, str, str]], got: Counter[tuple[str, str, str]]) -> tuple[int, int, int]:
    hit = sum((expected & got).values())
    return hit, sum(expected.values()), sum(got.values()) - hit


def main() -> None:
    print(f"{'corpus':24} {'evidence':10} {'found':>9} {'recall':>7} {'false alarms':>13}")
    for name, claims, sources, expected_path in corpora():
        expected_doc = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
        kinds_by_claim = {c["id"]: c.get("kind", "text")
                          for c in yaml.safe_load(claims.read_text(encoding="utf-8"))["claims"]}
        figures = {"date", "number"}
        expected = Counter((row["claim"], row["source"], row["found"]) for row in expected_doc["conflicts"]
                           if kinds_by_claim.get(row["claim"]) in figures)
        with_pins = build_report(claims, sources)
        data = yaml.safe_load(claims.read_text(encoding="utf-8"))
        for claim in data["claims"]:
            claim.pop("evidence", None)
        with tempfile.TemporaryDirectory() as tmp:
            bare = Path(tmp) / "claims.yaml"
            bare.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
            without = build_report(bare, sources)
        for label, report in (("pinned", with_pins), ("discovery", without)):
            hit, total, false = score(expected, rows(report, figures))
            recall = f"{100 * hit / total:.0f}%" if total else "-"
            print(f"{name:24} {label:10} {hit:>4}/{total:<4} {recall:>7} {false:>13}")
    print("\n(date and number claims; text claims are judged by the curator's stances, not measured here)")


if __name__ == "__main__":
    main()
