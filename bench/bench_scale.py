"""Newsroom scale: `check` and `report` on corpora of 100, 1,000 (and with --full 10,000) sources
built from the real article bodies in the repo, with 200 and 1,000 claims from the repo's claims.

    python bench/bench_scale.py            # 100 and 1,000 sources
    python bench/bench_scale.py --full     # and 10,000 (minutes)

Sources: paragraphs of every article in sources/ and tests/corpora/*/sources/, shuffled, 6–14 per
source, ids unique. Claims: every claim of claims.yaml and tests/corpora/*/claims.yaml, without
evidence or order, repeated with unique ids. Each command runs as a user runs it (a subprocess, all
cores): `check` cold and again (a replay: nothing changed); `report` cold (it fills the cache), then
with one claim edited (sources from the cache of prepared sources, every claim assessed) and then
again (a replay of that run: nothing changed). Peak memory is the cold run's maximum resident set.
In the same run, two baselines on the same corpus:
- naive: rapidfuzz `fuzz.partial_ratio_alignment` of each statement against each whole article;
- cdist: one `process.cdist` of all statements against all sentences (token_set_ratio).
Their time is measured on the first 50 claims and scaled to all claims (both are linear in claims).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

REPO = Path(__file__).resolve().parents[1]
SAMPLE = 50  # claims the baselines are timed on


def _bodies() -> list[str]:
    files = sorted([*(REPO / "sources").glob("*.txt"), *(REPO / "tests" / "corpora").glob("*/sources/*.txt")])
    return [p.read_text(encoding="utf-8").split("---\n", 2)[2] for p in files]


def _claims() -> list[dict[str, object]]:
    found = []
    for path in [REPO / "claims.yaml", *sorted((REPO / "tests" / "corpora").glob("*/claims.yaml"))]:
        for claim in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]:
            found.append({k: v for k, v in claim.items() if k not in ("evidence", "after", "before")})
    return found


def build(directory: Path, n_sources: int, n_claims: int, seed: int = 11) -> list[str]:
    """Write claims.yaml and sources/ into `directory`; return the article bodies written."""
    rng = random.Random(seed)
    paragraphs = [p for body in _bodies() for p in re.split(r"\n\s*\n", body) if p.strip()]
    (directory / "sources").mkdir(parents=True)
    bodies = []
    for i in range(n_sources):
        body = "\n\n".join(rng.sample(paragraphs, rng.randint(6, 14)))
        bodies.append(body)
        (directory / "sources" / f"s{i:05d}.txt").write_text(
            f"---\nid: s{i:05d}\ntitle: Article {i}\npublisher: Desk\npublished: 2024-0{1 + i % 9}-1{i % 9}\n---\n"
            f"{body}\n", encoding="utf-8")
    pool = _claims()
    claims = [{**pool[i % len(pool)], "id": f"{pool[i % len(pool)]['id']}-{i}"} for i in range(n_claims)]
    (directory / "claims.yaml").write_text(yaml.safe_dump({"claims": claims}, sort_keys=False, allow_unicode=True),
                                           encoding="utf-8")
    return bodies


def run(directory: Path, *args: str, tool: Path = REPO) -> tuple[float, float]:
    """Seconds and peak MB of one factcheck command run in `directory` (with the checkout `tool`)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", "from factcheck.cli import main; main()", *args], cwd=directory,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "PYTHONPATH": str(tool)})
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def edit(claims: Path) -> None:
    """One claim's statement changed, as a curator's commit changes it."""
    data = yaml.safe_load(claims.read_text(encoding="utf-8"))
    data["claims"][0]["statement"] = "Reportedly, " + str(data["claims"][0]["statement"])
    claims.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def baselines(directory: Path, bodies: list[str], n_claims: int) -> tuple[float, float]:
    statements = [str(c["statement"]) for c in yaml.safe_load((directory / "claims.yaml").read_text())["claims"]]
    sample = statements[:SAMPLE]
    start = time.perf_counter()
    for statement in sample:
        for body in bodies:
            fuzz.partial_ratio_alignment(statement, body)
    naive = (time.perf_counter() - start) * n_claims / len(sample)
    sentences = [s for body in bodies for s in re.split(r"(?<=[.!?])\s+", body) if s]
    start = time.perf_counter()
    try:
        process.cdist(sample, sentences, scorer=fuzz.token_set_ratio, workers=-1)
    except ImportError:  # cdist returns a numpy matrix: without numpy, the same scores one row at a time
        for statement in sample:
            process.extract(statement, sentences, scorer=fuzz.token_set_ratio, limit=None)
    cdist = (time.perf_counter() - start) * n_claims / len(sample)
    return naive, cdist


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also 10,000 sources (minutes)")
    parser.add_argument("--sizes", default="", help="comma-separated source counts, instead of the default")
    parser.add_argument("--claims", default="200,1000", help="comma-separated claim counts")
    parser.add_argument("--tool", type=Path, default=REPO, help="a checkout of factcheck to measure")
    opts = parser.parse_args()
    sizes = [int(n) for n in opts.sizes.split(",")] if opts.sizes else [100, 1000, 10000] if opts.full else [100, 1000]
    print(f"{'sources':>7} {'claims':>6} | {'check s':>8} {'MB':>5} {'again':>6} | {'report s':>8} {'MB':>5} "
          f"{'edited':>7} {'again':>6} | {'naive s':>8} {'x':>6} | {'cdist s':>8} {'x':>6}")
    for n_sources in sizes:
        for n_claims in (int(n) for n in opts.claims.split(",")):
            with tempfile.TemporaryDirectory() as tmp:
                d = Path(tmp)
                bodies = build(d, n_sources, n_claims)
                check_s, check_mb = run(d, "check", tool=opts.tool)
                check_again, _ = run(d, "check", tool=opts.tool)
                report_s, report_mb = run(d, "report", "--format", "json", tool=opts.tool)  # cold: fills the cache
                edit(d / "claims.yaml")
                edited_s, _ = run(d, "report", "--format", "json", tool=opts.tool)  # prepared sources from the cache
                again_s, _ = run(d, "report", "--format", "json", tool=opts.tool)  # nothing changed: a replay
                naive, cdist = baselines(d, bodies, n_claims)
            print(f"{n_sources:>7} {n_claims:>6} | {check_s:8.2f} {check_mb:5.0f} {check_again:6.2f} | {report_s:8.2f} "
                  f"{report_mb:5.0f} {edited_s:7.2f} {again_s:6.2f} | {naive:8.1f} {naive / report_s:6.1f} | "
                  f"{cdist:8.1f} {cdist / report_s:6.2f}", flush=True)


if __name__ == "__main__":
    main()
