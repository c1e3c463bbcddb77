"""Benchmark extract() on the seed articles against a naive single-regex digit finder.

Usage (from the repo root):  python bench/bench_extract.py [--seeds DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factcheck.extract import extract, extract_identifiers  # noqa: E402

_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_NAIVE_RE = re.compile(r"\d[\d,.]*")


def default_seeds() -> Path:
    for candidate in (REPO.parent / "shared" / "seeds", Path("/work/shared/seeds"),
                      REPO / "sources"):
        if candidate.is_dir():
            return candidate
    return REPO / "sources"


def load_passages(seeds: Path) -> tuple[list[str], list[frozenset[str]]]:
    passages: list[str] = []
    ids: list[frozenset[str]] = []
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc_ids = extract_identifiers(text)
        for line in text.splitlines():
            for sentence in _SENTENCE_RE.split(line.strip()):
                if sentence:
                    passages.append(sentence)
                    ids.append(doc_ids)
    return passages, ids


def timed(fn: Callable[[], int], rounds: int) -> tuple[float, int]:
    best = float("inf")
    found = 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        found = fn()
        best = min(best, time.perf_counter() - t0)
    return best, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=default_seeds(),
                        help="directory of *.txt articles (default: ../shared/seeds)")
    parser.add_argument("--rounds", type=int, default=20, help="repetitions; best is reported")
    args = parser.parse_args()
    passages, ids = load_passages(args.seeds)
    if not passages:
        print(f"no passages found in {args.seeds}", file=sys.stderr)
        return 1
    pairs = list(zip(passages, ids, strict=True))

    def full() -> int:
        return sum(len(extract(p, i)) for p, i in pairs)

    def naive() -> int:
        return sum(len(_NAIVE_RE.findall(p)) for p in passages)

    full_t, full_n = timed(full, args.rounds)
    naive_t, naive_n = timed(naive, args.rounds)
    chars = sum(len(p) for p in passages)
    print(f"corpus: {len(passages)} passages, {chars:,} chars from {args.seeds}")
    print(f"extract():      {len(passages) / full_t:12,.0f} passages/s "
          f"{full_n / full_t:12,.0f} mentions/s  ({full_n} mentions, {full_t * 1e3:.1f} ms/pass)")
    print(f"naive regex:    {len(passages) / naive_t:12,.0f} passages/s "
          f"{naive_n / naive_t:12,.0f} matches/s   ({naive_n} matches, {naive_t * 1e3:.1f} ms/pass)")
    print(f"cost ratio: extract() takes {full_t / naive_t:.1f}x the naive digit finder's time")
    # Adversarial text: each must stay linear. Doubling the input should about double the time.
    print("adversarial inputs (ms for n, ms for 2n, ratio; ~2 is linear):")
    for name, unit in ADVERSARIAL:
        small, large = unit * 10_000, unit * 20_000
        t1, _ = timed(lambda s=small: len(extract(s, near=datetime.date(2024, 6, 1))), 1)
        t2, _ = timed(lambda s=large: len(extract(s, near=datetime.date(2024, 6, 1))), 1)
        print(f"  {name:26} {t1 * 1e3:8.0f} {t2 * 1e3:8.0f}  {t2 / t1:4.1f}")
    return 0


ADVERSARIAL = [
    ("digits and spaces", "1 "), ("digit runs", "1234567890"), ("grouped digits", "1,"),
    ("yearless dates", "Jan 5 "), ("announced dates", "Jan 5 will "), ("month names", "Oct "),
]


if __name__ == "__main__":
    raise SystemExit(main())
