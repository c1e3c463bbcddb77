"""Run one hostile-input case the way a user would: the CLI in a subprocess, with limits."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.bad_inputs.cases import Case

REPO = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1 << 30  # 1 GB of address space


@dataclass(frozen=True)
class Outcome:
    exit: int | None  # None: killed at the timeout
    seconds: float
    peak_mb: float  # the child's maximum resident set
    stdout: str
    stderr: str
    changed: tuple[str, ...]  # files of the story the run added, removed or modified


def _snapshot(d: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(d)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in d.rglob("*")}


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_case(case: Case, directory: Path, timeout: float = 60.0, tool: Path = REPO) -> Outcome:
    """Build `case` in `directory` (empty) and run it there; output files go beside the directory."""
    args = case.build(directory)
    built = _snapshot(directory)
    stdout_path = directory.parent / f"{directory.name}.out"
    if args and args[-1].startswith(">"):
        stdout_path, args = Path(args[-1][1:]), args[:-1]
    err_path = directory.parent / f"{directory.name}.err"
    # The cache of prepared sources is the one directory factcheck writes: beside the story here, so
    # that the story itself can be checked for writes.
    env = {**os.environ, "PYTHONPATH": str(tool), "COLUMNS": "100",
           "FACTCHECK_CACHE_DIR": str(directory.parent / f"{directory.name}.cache")}
    for name in ("FORCE_COLOR", "NO_COLOR", "GITHUB_ACTIONS", "FACTCHECK_FORMAT"):
        env.pop(name, None)
    start = time.perf_counter()
    with open(stdout_path, "wb") as out_file, open(err_path, "wb") as err_file:
        proc = subprocess.Popen([sys.executable, "-c", "from factcheck.cli import main; main()", *args],
                                cwd=directory, stdout=out_file, stderr=err_file, stdin=subprocess.DEVNULL,
                                env=env, preexec_fn=_limit)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
    seconds = time.perf_counter() - start
    code = None if seconds >= timeout else os.waitstatus_to_exitcode(status)
    out = "" if stdout_path.is_char_device() else stdout_path.read_text("utf-8", "replace")
    now = _snapshot(directory)
    changed = tuple(sorted(k for k in built.keys() | now.keys() if built.get(k) != now.get(k)))
    return Outcome(code, seconds, usage.ru_maxrss / 1024, out, err_path.read_text("utf-8", "replace"), changed)
