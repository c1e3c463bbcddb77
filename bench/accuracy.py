"""Accuracy of `factcheck report` against conflict tables curated by reading the articles.

For every story — the shipped one, the tuned corpora under tests/corpora/ and the frozen ones under
tests/frozen/ (measured, never tuned on) — it runs the report by discovery alone (the curator's
pinned excerpts removed) and prints, for date and number claims:

  found          expected conflicts reported as conflicts
  false alarms   conflicts reported that no expected row names
  review         expected conflicts reported only for review / all review findings
  precision      found / (found + false alarms), the conflict tier
  recall         found / expected;  +review: (found + expected ones in review) / expected

Usage (from the repo root):
  python bench/accuracy.py                  # every set, each with its totals
  python bench/accuracy.py --set tuned      # only the stories the rules were developed on
  python bench/accuracy.py --tool DIR       # measure the factcheck package of another checkout
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETS = ("shipped", "tuned", "frozen", "frozen7", "frozen8", "frozen9", "frozen10", "frozen11")


def corpora(which: str) -> list[tuple[str, str, Path, Path, Path]]:
    found: list[tuple[str, str, Path, Path, Path]] = []
    if which in ("shipped", "all"):
        found.append(("shipped", "deepseek", REPO / "claims.yaml", REPO / "sources",
                      REPO / "tests" / "data" / "expected_conflicts.yaml"))
    for name, folder in (("tuned", "corpora"), *((f, f) for f in SETS[2:])):
        if which not in (name, "all"):
            continue
        for topic in sorted((REPO / "tests" / folder).glob("*/")):
            if (topic / "expected.yaml").is_file():
                found.append((name, topic.name, topic / "claims.yaml", topic / "sources", topic / "expected.yaml"))
    return found


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=(*SETS, "all"), default="all")
    parser.add_argument("--tool", type=Path, default=REPO, help="checkout whose factcheck package to measure")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from tests.scoring import Score, discovery_score

    sys.path.insert(0, str(args.tool.resolve()))  # the package measured is chosen at run time
    from factcheck.report import build_report

    header = (f"{'set':7} {'story':36} {'found':>7} {'false':>6} {'review':>8} {'precision':>9} {'recall':>7}"
              f" {'+review':>8}")
    print(header)
    totals: dict[str, list[Score]] = {}
    for group, name, claims, sources, expected_path in corpora(args.set):
        s = discovery_score(claims, sources, expected_path, build_report)
        totals.setdefault(group, []).append(s)
        print(f"{group:7} {name:36} {s.found:>3}/{s.expected:<3} {s.false_alarms:>6} "
              f"{s.review_found:>3}/{s.review:<4} {_pct(s.precision):>9} {_pct(s.recall):>7} "
              f"{_pct(s.recall_with_review):>8}")
    for group, scores in totals.items():
        t = Score(*(sum(getattr(s, f) for s in scores) for f in ("expected", "found", "false_alarms",
                                                                   "review_found", "review")))
        print(f"{group:7} {'ALL (' + str(len(scores)) + ' stories)':36} {t.found:>3}/{t.expected:<3} "
              f"{t.false_alarms:>6} {t.review_found:>3}/{t.review:<4} {_pct(t.precision):>9} "
              f"{_pct(t.recall):>7} {_pct(t.recall_with_review):>8}")
    print("\n(discovery only: pinned excerpts removed; date and number claims; text claims are judged by "
          "the curator's stances)")


if __name__ == "__main__":
    main()
