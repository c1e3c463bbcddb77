"""A baseline of accepted conflicts, so a desk can adopt factcheck on a story with known errors and
still fail CI on new ones (`report --write-baseline FILE`, then `report --baseline FILE`).

A conflict is keyed by its claim, its source and the figure as the article writes it — not by line,
so an edit elsewhere in the article keeps it accepted, and a changed figure is a new conflict.
"""

from __future__ import annotations

import json
from pathlib import Path

from factcheck import __version__
from factcheck.problems import InputError
from factcheck.report import Report

Key = tuple[str, str, str]  # (claim id, source id, figure as written)


def conflict_keys(report: Report) -> list[Key]:
    """The report's conflicting findings, keyed, in report order (each once)."""
    keys = [(r.claim.id, f.source, f.found or "") for r in report.results for f in r.conflicts]
    return list(dict.fromkeys(keys))


def baseline_json(report: Report) -> str:
    document = {"schema_version": 1, "tool": {"name": "factcheck", "version": __version__},
                "accepted": [{"claim": c, "source": s, "found": f} for c, s, f in sorted(conflict_keys(report))]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def load_baseline(path: Path) -> frozenset[Key]:
    """The accepted conflicts of a baseline file; a file that is not one is an input error."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "baseline not found: write one with --write-baseline FILE") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"the baseline is not JSON: {exc.msg}", exc.lineno) from None
    accepted = document.get("accepted") if isinstance(document, dict) else None
    if not isinstance(accepted, list) or not all(
            isinstance(a, dict) and all(isinstance(a.get(k), str) for k in ("claim", "source", "found"))
            for a in accepted):
        raise InputError(str(path), "not a factcheck baseline (an 'accepted' list of claim, source and found): "
                         "write one with --write-baseline FILE")
    return frozenset((a["claim"], a["source"], a["found"]) for a in accepted)


def write_baseline(path: Path, report: Report) -> None:
    """Write the baseline whole or not at all (a temporary file beside it, renamed over it)."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(baseline_json(report), encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise InputError(str(path), f"cannot write the baseline: {exc.strerror or exc}") from None
