"""Hostile input: exit code, time and peak memory of every case in tests/bad_inputs/, or of the large
ones against their input size.

    python bench/bench_hostile.py            # every case: exit, seconds, peak MB, one-line, traceback
    python bench/bench_hostile.py --large    # only the large cases, with their input size

Each case runs in a subprocess (the CLI of `--tool`) with a 1 GB address-space limit and a
60 s timeout; peak memory is the child's maximum resident set.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.bad_inputs.cases import CASES  # noqa: E402
from tests.bad_inputs.run import run_case  # noqa: E402


def _input_bytes(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="only the large cases, with input size")
    parser.add_argument("--tool", type=Path, default=REPO, help="a checkout of factcheck to measure")
    opts = parser.parse_args()
    cases = [c for c in CASES if c.large] if opts.large else CASES
    print(f"{'case':32} {'want':>4} {'exit':>4} {'s':>7} {'peak MB':>8} {'input KB':>9}  one-line  traceback  "
          "raw escape")
    for case in cases:
        with tempfile.TemporaryDirectory() as tmp:
            story = Path(tmp) / "story"
            story.mkdir()
            o = run_case(case, story, tool=opts.tool)
            size = _input_bytes(story) / 1024
        code, seconds, peak, err = o.exit, o.seconds, o.peak_mb, o.stderr
        lines = [line for line in err.splitlines() if line.strip()]
        one_line = "yes" if len(lines) <= 1 and all(len(x) < 2000 for x in lines) else f"no ({len(lines)})"
        shown = "timeout" if code is None else str(code)
        raw = any(c in o.stdout + err for c in "\x1b\x07")
        print(f"{case.name:32} {case.exit:>4} {shown:>4} {seconds:7.2f} {peak:8.0f} {size:9.0f}  {one_line:8}  "
              f"{'TRACEBACK' if 'Traceback' in err else '-':9}  {'ESC' if raw else '-'}")


if __name__ == "__main__":
    main()
