"""`factcheck report`: load, locate, extract, compare — the findings for every claim."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.assess import ClaimResult, assess
from factcheck.check import cross_problems
from factcheck.claims import load_claims
from factcheck.corpus import prepare_all
from factcheck.problems import InputError, Problem
from factcheck.sources import Source, load_sources

CLAIM_VERDICTS = ("conflict", "disputed", "consistent", "unsupported")


@dataclass(frozen=True)
class Report:
    results: tuple[ClaimResult, ...]
    sources: tuple[Source, ...]
    problems: tuple[Problem, ...]  # what `check` reports; claims and excerpts concerned are left out

    def count(self, verdict: str) -> int:
        return sum(r.verdict == verdict for r in self.results)


def build_report(claims_path: Path, sources_dir: Path, only_claims: Sequence[str] = (),
                 only_sources: Sequence[str] = ()) -> Report:
    """Assess every claim (or those named) against every source (or those named)."""
    sources, problems = load_sources(sources_dir)
    cf, claim_problems = load_claims(claims_path)
    # The same problems `check` reports, so that a report never silently drops a claim or excerpt.
    problems += claim_problems + cross_problems(cf, sources)
    known = {c.id for c in cf.claims}
    for claim_id in only_claims:
        if claim_id not in known:
            raise InputError(str(claims_path), f"no claim with id '{claim_id}': see the ids in the file "
                             "or run without --claim")
    for source_id in only_sources:
        if source_id not in sources:
            raise InputError(str(sources_dir), f"no source with id '{source_id}' (have: "
                             f"{', '.join(sorted(sources))})")
    if only_sources:
        sources = {k: v for k, v in sources.items() if k in only_sources}
    corpus = prepare_all(sources)
    claims = [c for c in cf.claims if not only_claims or c.id in only_claims]
    results = tuple(assess(claim, corpus) for claim in claims)
    return Report(results, tuple(sources[k] for k in sorted(sources)), tuple(problems))
