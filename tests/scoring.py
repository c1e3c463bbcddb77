"""How a reported finding is scored against a corpus's expected.yaml (shared by the tests and
bench/accuracy.py).

A curator writes the figure as it reads in the article ("$157 billion"); the report may give the
same figure with its hedge ("about $157 billion") or without a weekday. Both name one figure of one
passage, so a finding matches an expected row when the claim and source are the same and one
figure's text contains the other's (case and spacing aside).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def same_figure(expected: str, found: str) -> bool:
    a, b = _norm(expected), _norm(found)
    return bool(a) and bool(b) and (a in b or b in a)


@dataclass(frozen=True)
class Score:
    expected: int
    found: int  # expected rows reported as conflicts
    false_alarms: int  # conflicts reported that no expected row names
    review_found: int  # expected rows reported for review (not as conflicts)
    review: int  # all findings in the review tier

    @property
    def precision(self) -> float | None:
        reported = self.found + self.false_alarms
        return self.found / reported if reported else None

    @property
    def recall(self) -> float | None:
        return self.found / self.expected if self.expected else None

    @property
    def recall_with_review(self) -> float | None:
        return (self.found + self.review_found) / self.expected if self.expected else None


def _take(rows: list[tuple[str, str, str]], claim: str, source: str, found: str) -> bool:
    for i, (c, s, f) in enumerate(rows):
        if c == claim and s == source and same_figure(f, found):
            del rows[i]
            return True
    return False


def score(expected: Iterable[tuple[str, str, str]], conflicts: Iterable[tuple[str, str, str]],
          review: Iterable[tuple[str, str, str]] = ()) -> Score:
    """expected, conflicts and review are (claim, source, figure as written) rows."""
    pending = list(expected)
    total = len(pending)
    found = false = 0
    for claim, source, figure in conflicts:
        if _take(pending, claim, source, figure):
            found += 1
        else:
            false += 1
    review = list(review)
    review_found = sum(_take(pending, c, s, f) for c, s, f in review)
    return Score(total, found, false, review_found, len(review))


def discovery_score(claims: Path, sources: Path, expected_path: Path,
                    build_report: Callable[[Path, Path], Any]) -> Score:
    """Score a report run by discovery alone (the curator's pinned excerpts removed), for the date
    and number claims; `build_report` is the factcheck function measured (bench/accuracy.py may
    measure another checkout's)."""
    data = yaml.safe_load(claims.read_text(encoding="utf-8"))
    kinds = {c["id"]: c.get("kind", "text") for c in data["claims"]}
    expected_doc = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    expected = [(r["claim"], r["source"], str(r["found"])) for r in expected_doc["conflicts"]
                if kinds.get(r["claim"]) in ("date", "number")]
    for claim in data["claims"]:
        claim.pop("evidence", None)
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "claims.yaml"
        bare.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        report = build_report(bare, sources)
    rows = [(r.claim.id, f.source, f.found or "", str(f.verdict)) for r in report.results
            if r.claim.kind in ("date", "number") for f in r.findings]
    return score(expected, [(c, src, f) for c, src, f, v in rows if v == "conflicts"],
                 [(c, src, f) for c, src, f, v in rows if v == "review"])
