"""One figure, several claims: a disputed figure counts against the claim its clause fits best.

A claims file lists the facts of a story, and one passage often gives several of them side by side.
A figure that agrees with another claim's value is that claim's (attribute.agrees_elsewhere sets it
aside). One that disagrees with every claim that found it ("on February 22 the affiliates got into
the systems", found by a claim dating the intrusion and by one dating its detection) is kept as a
conflict only for the claims whose statement shares the most with the figure's clause, terms
weighted by rarity; for the others it is a possible conflict, for review (rule fits_elsewhere).
Pinned findings are the curator's word and are never contested.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable

from factcheck.assess import VERDICT_ORDER, ClaimResult, Finding, Verdict, claim_verdict
from factcheck.attribute import clause_span
from factcheck.discover import Rarity, passage_terms

_CONTESTED = (Verdict.CONFLICTS, Verdict.REVIEW)


def _overlap(finding: Finding, statement: str, rarity: Rarity) -> float:
    """How much the figure's clause shares with a claim's statement: the terms in common, each
    weighted by its rarity in the corpus (the story's own names weigh little, "deadline" much)."""
    assert finding.found_at is not None
    start, end = clause_span(finding.passage, finding.found_at)
    shared = passage_terms(finding.passage[start:end]) & passage_terms(statement)
    return round(sum(rarity.weight(frozenset({t})) for t in shared), 2)


def _for_review(f: Finding, rule: str, reason: str) -> Finding:
    return dataclasses.replace(f, verdict=Verdict.REVIEW, reason=f"possible conflict: {f.reason}; but the figure "
                               f"may be about something else: {reason} [{rule}]")


def contest(results: Iterable[ClaimResult], rarity: Rarity) -> list[ClaimResult]:
    """The results with every figure shared by several claims given to the claim it fits."""
    results = list(results)
    statements = {r.claim.id: r.claim.statement for r in results}
    shared: dict[tuple[str, int, int], list[Finding]] = defaultdict(list)
    for r in results:
        if r.claim.value is None:
            continue  # without a canonical value, nothing agrees or disagrees on its own
        for f in r.findings:
            if f.verdict in _CONTESTED and f.normalized is not None and not f.pinned and f.found_at is not None:
                shared[(f.source, f.line, f.column)].append(f)
    changed: dict[tuple[str, str, int, int], Finding] = {}
    for group in shared.values():
        if len({f.claim for f in group}) < 2:
            continue
        overlap = {f.claim: _overlap(f, statements[f.claim], rarity) for f in group}
        best = max(overlap.values())
        winner = next(c for c, o in overlap.items() if o == best)
        for f in group:
            if f.verdict == Verdict.CONFLICTS and overlap[f.claim] < best:
                changed[(f.claim, f.source, f.line, f.column)] = _for_review(
                    f, "fits_elsewhere", f"its clause fits claim '{winner}' better (terms in common, weighted "
                    f"by rarity: {overlap[winner]} with its statement, {overlap[f.claim]} with this one's)")
    if not changed:
        return results
    out = []
    for r in results:
        findings = [changed.get((r.claim.id, f.source, f.line, f.column), f) for f in r.findings]
        findings.sort(key=lambda f: (VERDICT_ORDER[f.verdict], f.source, f.line, f.column))
        out.append(dataclasses.replace(r, verdict=claim_verdict(r.claim, findings), findings=tuple(findings)))
    return out
