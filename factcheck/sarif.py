"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: `check --format sarif` (a rule per
problem code) and `report --format sarif` (a rule per conflict kind: the comparison rule that found
it, or `order`), each result at its file, line and column, with a fingerprint that stays the same
from run to run while the problem does (it names no line: an edit above it does not make it new).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from factcheck import __version__
from factcheck.assess import Verdict
from factcheck.check import CheckResult
from factcheck.compare import RULES as COMPARE_RULES
from factcheck.formats import PLAIN, View
from factcheck.report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# What each conflict kind means: the comparison rule's own docstring, first sentence.
KINDS = {rule.__name__: " ".join((rule.__doc__ or rule.__name__).split()).split(". ")[0].rstrip(".") + "."
         for rule in COMPARE_RULES} | {
    "order": "A date that breaks an after/before constraint of claims.yaml.",
    "curator_stance": "The curator's stance on the excerpt (a text claim).",
}


def _uri(path: str) -> str:
    return Path(path).as_posix()


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _result(rule: str, rules: list[str], level: str, message: str, file: str, line: int, column: int,
            fingerprint: str) -> dict[str, object]:
    return {
        "ruleId": rule, "ruleIndex": rules.index(rule), "level": level, "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(file)},
                                            "region": {"startLine": line, "startColumn": column}}}],
        "partialFingerprints": {"factcheck/v1": fingerprint},
    }


def _log(rules: list[str], describe: dict[str, str], results: list[dict[str, object]]) -> str:
    driver = {"name": "factcheck", "version": __version__,
              "rules": [{"id": r, "shortDescription": {"text": describe.get(r, r)}} for r in rules]}
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "results": results}]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def render_check_sarif(result: CheckResult, view: View = PLAIN) -> str:
    rules = sorted({p.code for p in result.problems})
    level = {"error": "error", "warning": "warning"}
    results = [_result(p.code, rules, level.get(p.severity, "note"), p.message, p.file, p.line, p.column,
                       _fingerprint(p.code, p.file, p.claim or "", p.message)) for p in result.problems]
    return _log(rules, {}, results)


def render_report_sarif(report: Report, view: View = PLAIN) -> str:
    paths = {s.id: s.path for s in report.sources}
    shown = [(r, f) for r in report.results for f in r.findings
             if f.verdict == Verdict.CONFLICTS or (f.verdict == Verdict.REVIEW and not view.only_conflicts)]
    rules = sorted({f.rule or "conflict" for _, f in shown})
    results = []
    for r, f in shown:
        level = "warning" if f.verdict == Verdict.CONFLICTS else "note"
        found = f" the article has '{f.found}':" if f.found else ""
        results.append(_result(f.rule or "conflict", rules, level,
                               f"claim '{r.claim.id}' ({r.verdict}): {r.claim.statement} —{found} {f.reason}",
                               paths.get(f.source, f.source), f.line, f.column,
                               _fingerprint(r.claim.id, f.source, f.found or "", f.rule or "")))
    return _log(rules, KINDS, results)
