"""Benchmark `factcheck report` end to end on the shipped data, and on the sources copied N times.

Prints the time of each stage against the cheapest one measured in the same run (loading the
files), so a reader sees where the time goes and whether it grows linearly with the sources.

Usage (from the repo root):  python bench/bench_report.py [--rounds N] [--copies N]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factcheck.claims import load_claims  # noqa: E402
from factcheck.corpus import prepare_all  # noqa: E402
from factcheck.report import build_report  # noqa: E402
from factcheck.sources import load_sources  # noqa: E402


def best_of(rounds: int, job: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def copies(sources: Path, target: Path, n: int) -> None:
    """The shipped sources n times over, each copy with its own id."""
    for k in range(n):
        for path in sources.glob("*.txt"):
            text = path.read_text(encoding="utf-8").replace(f"id: {path.stem}\n", f"id: {path.stem}-{k}\n", 1)
            (target / f"{path.stem}-{k}.txt").write_text(text, encoding="utf-8")


def measure(label: str, claims: Path, sources: Path, rounds: int) -> float:
    load = best_of(rounds, lambda: (load_sources(sources), load_claims(claims)))
    prepare = best_of(rounds, lambda: prepare_all(load_sources(sources)[0]))
    report = best_of(rounds, lambda: build_report(claims, sources))
    n = len(load_sources(sources)[0])
    print(f"{label:22} {n:>4} sources  load {load * 1000:8.1f} ms   passages+extract {prepare * 1000:8.1f} ms "
          f"({prepare / load:5.1f}x)   report {report * 1000:8.1f} ms ({report / load:5.1f}x)")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--copies", type=int, default=8)
    args = parser.parse_args()
    claims, sources = REPO / "claims.yaml", REPO / "sources"
    base = measure("shipped", claims, sources, args.rounds)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "sources"
        target.mkdir()
        copies(sources, target, args.copies)
        scaled = measure(f"shipped x{args.copies}", claims, target, max(1, args.rounds // 2))
        shutil.rmtree(target)
    print(f"report time x{args.copies} sources / shipped: {scaled / base:.1f} (linear would be {args.copies})")
    with tempfile.TemporaryDirectory() as tmp:
        # The shipped articles' text as one line with no sentence ends: a scraped page at its worst.
        target = Path(tmp) / "sources"
        target.mkdir()
        words = " ".join(" ".join(p.read_text(encoding="utf-8").split("---\n", 2)[2].replace(".", " ").split())
                         for p in sorted(sources.glob("*.txt")))
        (target / "one-line.txt").write_text(f"---\nid: one-line\ntitle: T\n---\n{words}\n", encoding="utf-8")
        flat = best_of(1, lambda: build_report(claims, target))
        print(f"the same text as one unpunctuated line ({len(words):,} chars): report {flat * 1000:.0f} ms "
              f"({flat / base:.1f}x the shipped report)")


if __name__ == "__main__":
    main()
