"""Dates that cannot all be true: ordering constraints, publication dates, and the timeline view.

Three checks, each a pure function of the assessed claims and the prepared sources:
- order: a date claim `after: X` (or `before: X`) whose passage dates the event before (after)
  every date known for X — X's canonical value, or else the dates its own passages give;
- after-publication: an event of a date claim dated after the article that reports it was published
  (unless the passage announces it: "will be set out … on 17 July");
- stale-as-of: "as of <date>" far older than the article's publication ("as of mid-2025" in June 2026).
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.assess import VERDICT_ORDER, ClaimResult, ClaimVerdict, Finding, Verdict
from factcheck.claims import Claim
from factcheck.corpus import Prepared
from factcheck.defaults import FUTURE_GRACE_DAYS, STALE_AFTER_DAYS
from factcheck.extract import ANNOUNCES
from factcheck.values import DateValue, date_span, format_value

_AS_OF = re.compile(r"\bas\s+of\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Anachronism:
    """A dated passage that cannot fit the rest of the story."""

    kind: str  # "order" | "after-publication" | "stale-as-of"
    severity: str  # "conflict" (order) | "warning" (publication checks)
    claim: str | None
    source: str
    line: int
    column: int
    passage: str
    found: str
    date: DateValue
    other: str  # the claim it is ordered against, or "published"
    other_date: str  # that claim's date (formatted) or the publication date
    reason: str


@dataclass(frozen=True)
class Event:
    """One date found in a source, with the claims it speaks for and what is wrong with it."""

    date: DateValue
    found: str
    source: str
    line: int
    column: int
    passage: str
    claims: tuple[str, ...]
    conflict: bool
    anachronisms: tuple[str, ...]  # kinds


def _dated(findings: Iterable[Finding]) -> list[tuple[Finding, DateValue]]:
    return [(f, f.normalized) for f in findings if isinstance(f.normalized, DateValue)]


def _plus_days(day: datetime.date, days: int) -> datetime.date:
    """`day` plus `days`, or the last representable day ("--future-grace 3000000" means never)."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return datetime.date.max


class _Order:
    """The after/before constraints, followed on demand: which claims must come before one claim
    (transitively), computed only for the claims that have dated passages — never the whole closure,
    which grows with the square of a long chain."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        self._earlier: dict[str, set[str]] = {}
        for c in claims:
            self._earlier.setdefault(c.id, set())
            if c.after:
                self._earlier[c.id].add(c.after)
            if c.before:
                self._earlier.setdefault(c.before, set()).add(c.id)
        self._later: dict[str, set[str]] = {}
        for node, prevs in self._earlier.items():
            for prev in prevs:
                self._later.setdefault(prev, set()).add(node)
        self._before: dict[str, frozenset[str]] = {}
        self._after: dict[str, frozenset[str]] = {}

    @staticmethod
    def _walk(start: str, edges: dict[str, set[str]]) -> frozenset[str]:
        seen: set[str] = set()
        stack = list(edges.get(start, ()))
        while stack:  # iterative: a chain of 10,000 claims is no recursion limit
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(edges.get(node, ()))
        seen.discard(start)  # cycles are `check` errors; a claim never precedes itself here
        return frozenset(seen)

    def before(self, claim: str) -> frozenset[str]:
        """Every claim that must come before `claim`."""
        if claim not in self._before:
            self._before[claim] = self._walk(claim, self._earlier)
        return self._before[claim]

    def after(self, claim: str) -> frozenset[str]:
        """Every claim that must come after `claim`."""
        if claim not in self._after:
            self._after[claim] = self._walk(claim, self._later)
        return self._after[claim]


@dataclass(frozen=True)
class _Dated:
    """One date for one claim: a passage's (removable) or the canonical value (fixed)."""

    claim: str
    date: DateValue
    finding: Finding | None  # None for a canonical value
    support: int  # how many passages about the same claim agree with this date


def _ordered(a: _Dated, b: _Dated, order: _Order) -> bool:
    """False when a and b cannot both be true: one must precede the other but is dated after it."""
    # "since X" runs on from X, so it can only be too early, never too late.
    if b.claim in order.before(a.claim):  # b must come before a
        return not date_span(a.date)[1] < b.date.start
    if b.claim in order.after(a.claim):
        return not date_span(b.date)[1] < a.date.start
    return True


def order_violations(results: Iterable[ClaimResult]) -> list[Anachronism]:
    """Passages whose date puts an event before one it must follow (or after one it must precede).

    When dates break a constraint, at least one of them is wrong; which one is decided like an
    editor would: canonical values are fixed, and passages are set aside greedily — the one that
    breaks the most constraints first, the less corroborated one on a tie, both on a true tie —
    until the rest fit. Only the passages set aside are flagged. "V4 released April 2024" and "R2
    failed August 2023" are set aside; V3's "December 2024" and R1's "January 2025", which they
    contradict, fit the chain once those two are gone.
    """
    results = list(results)
    order = _Order(r.claim for r in results)
    items: list[_Dated] = []
    for r in results:
        # A date only possibly about the claim (for review) is no ground to flag or keep another.
        dated = [(f, f.normalized) for f in r.findings
                 if isinstance(f.normalized, DateValue) and f.verdict != Verdict.REVIEW]
        for f, date in dated:
            support = sum(1 for _, other in dated if other.start <= date.end and date.start <= other.end)
            items.append(_Dated(r.claim.id, date, f, support))
        if isinstance(r.claim.value, DateValue):
            items.append(_Dated(r.claim.id, r.claim.value, None, 0))
    # Only passages can be set aside, so only their broken pairs are needed; a claim's date can
    # only break with claims it is ordered with.
    by_claim_items: dict[str, list[int]] = {}
    for j, b in enumerate(items):
        by_claim_items.setdefault(b.claim, []).append(j)
    broken: dict[int, set[int]] = {}
    for i, a in enumerate(items):
        if a.finding is None:
            continue
        related = order.before(a.claim) | order.after(a.claim)
        broken[i] = {j for c in related for j in by_claim_items.get(c, ()) if not _ordered(a, items[j], order)}
    flagged: list[tuple[int, set[int]]] = []
    alive = set(range(len(items)))
    while True:
        counts = {i: len(broken[i] & alive) for i in alive if items[i].finding is not None}
        worst = max(counts.values(), default=0)
        if worst == 0:
            break
        rank = min((-counts[i], items[i].support) for i in counts)
        chosen = [i for i in sorted(counts) if (-counts[i], items[i].support) == rank]
        for i in chosen:
            flagged.append((i, broken[i] & alive))
        alive -= set(chosen)
    out: list[Anachronism] = []
    for i, partners in sorted(flagged):
        item = items[i]
        assert item.finding is not None
        by_claim: dict[str, list[_Dated]] = {}
        for j in partners:
            by_claim.setdefault(items[j].claim, []).append(items[j])
        # Nearest first: the latest event it must follow, then the earliest it must precede.
        follows = sorted((c for c in by_claim if c in order.before(item.claim)),
                         key=lambda c: max(d.date.start for d in by_claim[c]), reverse=True)
        precedes = sorted((c for c in by_claim if c not in follows),
                          key=lambda c: min(d.date.end for d in by_claim[c]))
        parts = []
        if follows:
            parts.append(f"before {'; '.join(f'{c} ({_describe(by_claim[c])})' for c in follows)}, "
                         "which it must follow")
        if precedes:
            parts.append(f"after {'; '.join(f'{c} ({_describe(by_claim[c])})' for c in precedes)}, "
                         "which it must precede")
        f = item.finding
        first = (follows or precedes)[0]
        out.append(Anachronism(
            "order", "conflict", item.claim, f.source, f.line, f.column, f.passage, f.found or "", item.date,
            first, _describe(by_claim[first]), f"{format_value(item.date)} puts {item.claim} " + ", and ".join(parts)))
    return out


def with_order(results: Iterable[ClaimResult], anachronisms: Iterable[Anachronism]) -> list[ClaimResult]:
    """The results with each passage that breaks an ordering constraint turned into a conflict, and
    its claim into `conflict`: the timeline and the verdicts say the same."""
    broken = {(a.claim, a.source, a.line, a.column): a for a in anachronisms if a.kind == "order"}
    claims = {a.claim for a in broken.values()}
    out = []
    for r in results:
        if r.claim.id not in claims:
            out.append(r)  # nothing of it breaks an order: as assessed (its findings already sorted)
            continue
        findings = []
        for f in r.findings:
            a = broken.get((r.claim.id, f.source, f.line, f.column))
            if a is not None and f.verdict != Verdict.CONFLICTS:
                f = dataclasses.replace(f, verdict=Verdict.CONFLICTS, reason=a.reason, rule="order")
            findings.append(f)
        findings.sort(key=lambda f: (VERDICT_ORDER[f.verdict], f.source, f.line, f.column))
        verdict = ClaimVerdict.CONFLICT if any(f.rule == "order" for f in findings) else r.verdict
        out.append(dataclasses.replace(r, verdict=verdict, findings=tuple(findings)))
    return out


def _describe(dated: list[_Dated]) -> str:
    """ "2025-01-20 canonical, 2025-01 at src:39" / "2023-10 in 4 passages" """
    by_date: dict[str, list[_Dated]] = {}
    for d in dated:
        by_date.setdefault(format_value(d.date), []).append(d)
    parts = []
    for text, group in sorted(by_date.items()):
        passages = [d.finding for d in group if d.finding is not None]
        if len(passages) < len(group):
            parts.append(f"{text} canonical")
        if len(passages) == 1:
            parts.append(f"{text} at {passages[0].source}:{passages[0].line}")
        elif passages:
            parts.append(f"{text} in {len(passages)} passages")
    return ", ".join(parts)


def publication_checks(results: Iterable[ClaimResult], corpus: dict[str, Prepared],
                       stale_after_days: int = STALE_AFTER_DAYS,
                       future_grace_days: int = FUTURE_GRACE_DAYS) -> list[Anachronism]:
    """Events dated after their article was published, and stale "as of" dates."""
    found: list[Anachronism] = []
    for r in results:
        if r.claim.kind != "date":
            continue
        for f, date in _dated(r.findings):
            published = corpus[f.source].source.published if f.source in corpus else None
            if ANNOUNCES.search(f.passage):
                continue  # "will be set out in the King's Speech on 17 July": announced, not past
            if published and date.start > _plus_days(published, future_grace_days):
                found.append(Anachronism(
                    "after-publication", "warning", r.claim.id, f.source, f.line, f.column, f.passage,
                    f.found or "", date, "published", published.isoformat(),
                    f"{format_value(date)} is after the article's own publication on {published.isoformat()}"))
    for source_id, prep in corpus.items():
        published = prep.source.published
        if published is None:
            continue
        for passage, mentions in zip(prep.passages, prep.mentions, strict=True):
            for m in mentions:
                if not isinstance(m.value, DateValue) or not _AS_OF.search(passage.text[: m.start]):
                    continue
                age = (published - m.value.end).days
                if age > stale_after_days:
                    pos = prep.source.position(passage.start + m.start)
                    found.append(Anachronism(
                        "stale-as-of", "warning", None, source_id, pos.line, pos.column, passage.text,
                        m.text, m.value, "published", published.isoformat(),
                        f"'as of {m.text}' is {age} days older than the article's publication on "
                        f"{published.isoformat()} (threshold {stale_after_days} days)"))
    return found


def events(results: Iterable[ClaimResult], corpus: dict[str, Prepared],
           anachronisms: Iterable[Anachronism]) -> list[Event]:
    """Every date in every source, in order, tagged with its claims, conflicts and anachronisms."""
    claims_at: dict[tuple[str, int, int], list[str]] = {}
    conflict_at: set[tuple[str, int, int]] = set()
    for r in results:
        for f, _ in _dated(r.findings):
            key = (f.source, f.line, f.column)
            claims_at.setdefault(key, []).append(r.claim.id)
            if f.verdict == "conflicts":
                conflict_at.add(key)
    kinds_at: dict[tuple[str, int, int], set[str]] = {}
    for a in anachronisms:
        kinds_at.setdefault((a.source, a.line, a.column), set()).add(a.kind)
    out: list[Event] = []
    for source_id, prep in corpus.items():
        for passage, mentions in zip(prep.passages, prep.mentions, strict=True):
            for m in mentions:
                if not isinstance(m.value, DateValue):
                    continue
                pos = prep.source.position(passage.start + m.start)
                key = (source_id, pos.line, pos.column)
                out.append(Event(m.value, m.text, source_id, pos.line, pos.column, passage.text,
                                 tuple(sorted(set(claims_at.get(key, ())))), key in conflict_at,
                                 tuple(sorted(kinds_at.get(key, ())))))
    # "by 30 January 2025" opens at date.min: place it at its end, where a reader expects it.
    out.sort(key=lambda e: (e.date.end if e.date.qualifier == "before" else e.date.start, e.date.end,
                            e.source, e.line, e.column))
    return out
