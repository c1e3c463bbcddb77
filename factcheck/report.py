"""`factcheck report`: load, locate, extract, compare — the findings for every claim."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.assess import ClaimResult, assess
from factcheck.cache import Cache, dumps, loads
from factcheck.check import cross_problems
from factcheck.claims import Claim, load_claims
from factcheck.contest import contest
from factcheck.corpus import Prepared, prepare, prepare_all
from factcheck.defaults import FUTURE_GRACE_DAYS, MAX_SOURCE_MB, STALE_AFTER_DAYS
from factcheck.discover import Rarity, Topic, topic
from factcheck.index import Index
from factcheck.problems import InputError, Problem
from factcheck.sources import Source, left_out, load_sources
from factcheck.timeline import (
    Anachronism,
    Event,
    events,
    order_violations,
    publication_checks,
    with_order,
)

CLAIM_VERDICTS = ("conflict", "disputed", "consistent", "unsupported")


@dataclass(frozen=True)
class Report:
    results: tuple[ClaimResult, ...]
    sources: tuple[Source, ...]
    problems: tuple[Problem, ...]  # what `check` reports; claims and excerpts concerned are left out
    anachronisms: tuple[Anachronism, ...] = ()
    events: tuple[Event, ...] = ()  # every date in the sources, in order
    claims_left_out: tuple[tuple[str | None, int], ...] = ()  # (id, line) of claims with problems
    sources_left_out: tuple[str, ...] = ()  # files of sources with problems

    def count(self, verdict: str) -> int:
        return sum(r.verdict == verdict for r in self.results)


PARALLEL_CLAIMS = 100  # claims: below this, forking workers costs more than it saves
_Work = tuple[tuple[Claim, ...], dict[str, Prepared], Rarity, tuple[tuple[Claim, Topic], ...], Index | None]
_SHARED: _Work | None = None  # what forked workers assess claims against (set only while they run)


def _assess_one(i: int) -> ClaimResult:
    assert _SHARED is not None
    claims, corpus, rarity, valued, index = _SHARED
    return assess(claims[i], corpus, rarity, valued, index)


def _assess_all(claims: tuple[Claim, ...], corpus: dict[str, Prepared], rarity: Rarity,
                valued: tuple[tuple[Claim, Topic], ...], index: Index | None, jobs: int) -> list[ClaimResult]:
    """Every claim assessed, in file order; with `jobs` > 1 in forked processes that share the
    prepared corpus (nothing is copied to them) — each claim is assessed on its own, so the results
    are the same for any `jobs`."""
    global _SHARED
    if jobs <= 1 or len(claims) < PARALLEL_CLAIMS or "fork" not in multiprocessing.get_all_start_methods():
        return [assess(claim, corpus, rarity, valued, index) for claim in claims]
    _SHARED = (claims, corpus, rarity, valued, index)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return pool.map(_assess_one, range(len(claims)), chunksize=max(1, len(claims) // (jobs * 8)))
    finally:
        _SHARED = None


PARALLEL_SOURCES = 200  # sources: below this, forking workers costs more than it saves
_TO_PREPARE: dict[str, Source] | None = None  # what forked workers prepare (set only while they run)


def _prepare_one(source_id: str) -> str:
    assert _TO_PREPARE is not None
    return dumps(prepare(_TO_PREPARE[source_id]))


def _prepare_all(sources: dict[str, Source], jobs: int,
                 progress: Callable[[int, int], None] | None) -> dict[str, Prepared]:
    """Every source prepared, in id order; with `jobs` > 1 in forked processes, each sending back a
    prepared source as the cache's JSON entry (a Prepared itself costs about as much to send as to
    make; its JSON, a tenth of that to read) — the same sources either way (a test)."""
    global _TO_PREPARE
    if jobs <= 1 or len(sources) < PARALLEL_SOURCES or "fork" not in multiprocessing.get_all_start_methods():
        return prepare_all(sources, progress)
    ordered = sorted(sources)
    prepared = {}
    _TO_PREPARE = sources
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            entries = pool.imap(_prepare_one, ordered, chunksize=max(1, min(64, len(ordered) // (jobs * 8))))
            for done, (source_id, entry) in enumerate(zip(ordered, entries, strict=True), 1):
                prepared[source_id] = loads(sources[source_id], entry)
                if progress is not None:
                    progress(done, len(ordered))
    finally:
        _TO_PREPARE = None
    return prepared


def prepared(sources: dict[str, Source], jobs: int = 1, cache: Cache | None = None,
             progress: Callable[[int, int], None] | None = None) -> dict[str, Prepared]:
    """Every source prepared, in id order: from the cache where it has them, the rest read (and kept)."""
    cached = cache.get(sources) if cache is not None else {}
    fresh = _prepare_all({k: v for k, v in sources.items() if k not in cached}, jobs, progress)
    if cache is not None:
        cache.put(fresh)
    return dict(sorted({**cached, **fresh}.items()))


def build_report(claims_path: Path, sources_dir: Path, only_claims: Sequence[str] = (),
                 only_sources: Sequence[str] = (), stale_after_days: int = STALE_AFTER_DAYS,
                 future_grace_days: int = FUTURE_GRACE_DAYS, max_source_mb: float = MAX_SOURCE_MB,
                 jobs: int = 1, cache: Cache | None = None,
                 progress: Callable[[int, int], None] | None = None) -> Report:
    """Assess every claim against every source (or those named), then the timeline checks."""
    sources, problems = load_sources(sources_dir, max_source_mb)
    cf, claim_problems = load_claims(claims_path)
    problems += claim_problems
    known = {c.id for c in cf.claims}
    for claim_id in only_claims:
        if claim_id not in known:
            raise InputError(str(claims_path), f"no claim with id '{claim_id}': see the ids in the file "
                             "or run without --claim")
    for source_id in only_sources:
        if source_id not in sources:
            raise InputError(str(sources_dir), f"no source with id '{source_id}' (have: "
                             f"{', '.join(sorted(sources))})")
    corpus = prepared({k: v for k, v in sources.items() if not only_sources or k in only_sources}, jobs, cache,
                      progress)
    # The same problems `check` reports, so that a report never silently drops a claim or excerpt.
    problems += cross_problems(cf, sources, corpus, problems)
    # Every claim is assessed, even with --claim: an ordering constraint needs the other claim's dates.
    rarity = Rarity.of(p.terms for p in corpus.values())
    # Claims compete for the figures they share: each figure speaks for the claim it fits.
    valued = tuple((c, topic(c, rarity)) for c in cf.claims if c.kind in ("date", "number") and c.value is not None)
    index = Index.of(corpus)  # which passages can be about each claim, built once
    results = contest(_assess_all(cf.claims, corpus, rarity, valued, index, jobs), rarity)
    anachronisms = order_violations(results) + publication_checks(results, corpus, stale_after_days,
                                                                  future_grace_days)
    results = with_order(results, anachronisms)
    timeline = events(results, corpus, anachronisms)
    if only_claims:
        results = [r for r in results if r.claim.id in only_claims]
        anachronisms = [a for a in anachronisms if a.claim in only_claims]
        timeline = [e for e in timeline if set(e.claims) & set(only_claims)]
    return Report(tuple(results), tuple(corpus[k].source for k in sorted(corpus)), tuple(problems),
                  tuple(anachronisms), tuple(timeline), cf.left_out, tuple(left_out(problems)))
