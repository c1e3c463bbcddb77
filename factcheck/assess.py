"""Judge every passage about a claim, then the claim itself.

Per passage: `agrees`, `conflicts` or `mentions` (on topic, no comparable value). Per claim:
`consistent`, `conflict` (a source contradicts the canonical value), `disputed` (sources contradict
each other and no canonical value decides) or `unsupported` (no passage states it).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from enum import Enum

from factcheck.attribute import Candidate, Reading, readings, states_change
from factcheck.claims import Claim
from factcheck.compare import compare, slip
from factcheck.corpus import Prepared
from factcheck.discover import (
    WEAK_COVERAGE,
    Rarity,
    Topic,
    coverage,
    doubt,
    relevance,
    row_hits,
    subject_hits,
    topic,
)
from factcheck.index import Index
from factcheck.values import DateValue, Mention, Quantity, Value, format_value


class Verdict(str, Enum):
    """What one passage says about a claim."""

    CONFLICTS = "conflicts"  # a figure tied to the claim disagrees with it
    REVIEW = "review"  # a figure of the claim's kind disagrees, but may be about something else
    AGREES = "agrees"
    MENTIONS = "mentions"  # on topic, nothing comparable (each figure set aside says why)

    def __str__(self) -> str:
        return self.value


class ClaimVerdict(str, Enum):
    """What the sources together say about a claim (after FEVER)."""

    CONFLICT = "conflict"
    DISPUTED = "disputed"
    CONSISTENT = "consistent"
    UNSUPPORTED = "unsupported"

    def __str__(self) -> str:
        return self.value


VERDICT_ORDER = {Verdict.CONFLICTS: 0, Verdict.REVIEW: 1, Verdict.AGREES: 2, Verdict.MENTIONS: 3}


@dataclass(frozen=True)
class SetAside:
    """A figure of the claim's kind that a rule of attribute.RULES set aside, and why."""

    found: str
    rule: str
    reason: str

_NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|without|unconfirmed|unverified|denied|denies|deny|"
    r"cannot|hasn't|haven't|hadn't|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|"
    r"couldn't|won't|can't)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """What one passage says about one claim."""

    claim: str
    source: str
    line: int
    column: int
    passage: str
    found: str | None  # the figure or date as written; else the pinned excerpt, if any
    found_at: int | None  # offset of `found` in `passage`
    normalized: Value | None
    verdict: Verdict
    reason: str
    rule: str | None = None
    pinned: bool = False
    flag: str | None = None  # "possible-contradiction": negation differs from the statement's
    score: float = 0.0  # rapidfuzz closeness of the passage to the statement
    set_aside: tuple[SetAside, ...] = ()  # figures of the claim's kind that are not about it


@dataclass(frozen=True)
class ClaimResult:
    claim: Claim
    verdict: ClaimVerdict
    findings: tuple[Finding, ...]

    @property
    def conflicts(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.verdict == Verdict.CONFLICTS)

    @property
    def reviews(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.verdict == Verdict.REVIEW)


def _nearest(mentions: list[Mention], hits: tuple[tuple[int, int], ...]) -> Mention:
    if not hits:
        return mentions[0]
    return min(mentions, key=lambda m: min(abs(m.start - h[0]) for h in hits))


def _finding(claim: Claim, cand: Candidate, score: float, mention: Mention | None, verdict: Verdict,
             reason: str, rule: str | None = None, flag: str | None = None,
             set_aside: tuple[SetAside, ...] = ()) -> Finding:
    span = (mention.start, mention.end) if mention else cand.excerpt
    pos = cand.prepared.source.position(cand.start + (span[0] if span else 0))
    return Finding(
        claim=claim.id, source=cand.prepared.source.id, line=pos.line, column=pos.column,
        passage=cand.text, found=cand.text[span[0] : span[1]] if span else None,
        found_at=span[0] if span else None,
        normalized=mention.value if mention else None, verdict=verdict, reason=reason, rule=rule,
        pinned=cand.pinned, flag=flag, score=score, set_aside=set_aside,
    )


def _canonical(claim: Claim) -> Value | None:
    """The canonical date or figure of a date or number claim."""
    return None if claim.value is None or isinstance(claim.value, str) else claim.value


def _stance_verdict(stance: str | None) -> tuple[Verdict, str] | None:
    if stance == "supports":
        return Verdict.AGREES, "the curator pinned this excerpt as supporting the claim"
    if stance == "refutes":
        return Verdict.CONFLICTS, "the curator pinned this excerpt as refuting the claim"
    return None


def _set_aside(cand: Candidate, readings: list[Reading]) -> tuple[SetAside, ...]:
    return tuple(SetAside(cand.text[r.mention.start : r.mention.end], r.rule.id, r.reason)
                 for r in readings if r.rule is not None)


_PRECISION_RANK = {"day": 0, "month": 1, "quarter": 2, "part-year": 3, "half": 3, "year": 4, "decade": 5}


def _weak(m: Mention, canonical: Value) -> bool:
    """An agreement that says little: an open bound ("above 150"), or a date coarser than the
    claim's ("fiscal 2024" for a day in January 2024)."""
    if isinstance(m.value, Quantity):
        return m.value.qualifier in ("at_least", "more_than", "at_most", "less_than")
    return (isinstance(m.value, DateValue) and isinstance(canonical, DateValue)
            and _PRECISION_RANK.get(m.value.precision, 0) > _PRECISION_RANK.get(canonical.precision, 0))


def _size(value: Value) -> Value:
    """A figure without its minus sign ("-3.07%" in a table, for a claim that the index fell 3.07%)."""
    if isinstance(value, Quantity) and value.high < 0:
        return dataclasses.replace(value, low=-value.high, high=-value.low)
    return value


def _judge(claim: Claim, t: Topic, cand: Candidate, negated: bool, score: float,
           others: tuple[tuple[Claim, Topic], ...] = ()) -> Finding:
    """One passage against the claim's canonical value (or provisionally, without one)."""
    if claim.kind == "text":
        stance = _stance_verdict(cand.stance)
        if stance:
            return _finding(claim, cand, score, None, stance[0], stance[1], "curator_stance")
        cue = _NEGATION.search(cand.text)
        if cue and not negated:
            return _finding(claim, cand, score, None, Verdict.MENTIONS,
                            f"on topic, but says '{cue.group()}' where the statement is affirmative: "
                            "a possible contradiction for a person to review",
                            flag="possible-contradiction")
        return _finding(claim, cand, score, None, Verdict.MENTIONS, "on topic; text claims are judged by stance")
    found = readings(claim, t, cand, others)
    aside = _set_aside(cand, found)
    attributed = [r.mention for r in found if r.attributed]
    # Figures not set aside with certainty: one that agrees is enough (benefit of the doubt).
    open_ = [r for r in found if not r.set_aside]
    canonical = _canonical(claim)
    if not attributed and not (open_ and canonical is not None):
        stance = _stance_verdict(cand.stance)
        if stance:
            return _finding(claim, cand, score, None, stance[0], stance[1], "curator_stance", set_aside=aside)
        return _nothing(claim, cand, score, found, aside)
    if canonical is None:
        mention = _nearest(attributed, cand.hits)
        return _finding(claim, cand, score, mention, Verdict.MENTIONS, "no canonical value; compared with "
                        "the other sources", set_aside=aside)
    signed = not states_change(claim.statement)
    judged = {r.mention: compare(r.mention.value if signed else _size(r.mention.value), canonical) for r in open_}
    agreeing = sorted((m for m, c in judged.items() if c.outcome == "agrees"), key=lambda m: m not in attributed)
    if agreeing and all(_weak(m, canonical) for m in agreeing) and any(
            judged[m].outcome == "conflicts" and not _weak(m, canonical) for m in attributed):
        agreeing = []  # "anything above 150 is unhealthy … climbed to 448": a bound says little next to a figure
    if agreeing:
        m = agreeing[0]
        return _finding(claim, cand, score, m, Verdict.AGREES, judged[m].reason, judged[m].rule, set_aside=aside)
    conflicting = [m for m in attributed if judged[m].outcome == "conflicts"]
    slips = {m: why for m in judged if judged[m].outcome == "conflicts" and (why := slip(m.value, canonical))}
    if conflicting:
        m = _nearest([m for m in conflicting if m in slips] or conflicting, cand.hits)
        if cand.weak:
            doubt_ = f"the passage may be about something else: {cand.weak} [weak_topic]"
            if m in slips and not cand.by_slip:
                return _finding(claim, cand, score, m, Verdict.CONFLICTS, f"{judged[m].reason}; {doubt_}, but "
                                f"the figure reads as {slips[m]} [value_slip]", judged[m].rule, set_aside=aside)
            return _finding(claim, cand, score, m, Verdict.REVIEW, f"possible conflict: {judged[m].reason}; but "
                            f"{doubt_}", judged[m].rule, set_aside=aside)
        return _finding(claim, cand, score, m, Verdict.CONFLICTS, judged[m].reason, judged[m].rule, set_aside=aside)
    doubtful = [r for r in open_ if not r.attributed and judged[r.mention].outcome == "conflicts"]
    if doubtful:
        r = min(doubtful, key=lambda r: (r.mention not in slips,
                                         min((abs(r.mention.start - h[0]) for h in cand.hits), default=0)))
        assert r.rule is not None
        doubt_ = f"the figure may be about something else: {r.reason} [{r.rule.id}]"
        if r.mention in slips and not cand.weak:
            return _finding(claim, cand, score, r.mention, Verdict.CONFLICTS, f"{judged[r.mention].reason}; "
                            f"{doubt_}, but it reads as {slips[r.mention]} [value_slip]", judged[r.mention].rule,
                            set_aside=aside)
        return _finding(claim, cand, score, r.mention, Verdict.REVIEW,
                        f"possible conflict: {judged[r.mention].reason}; but {doubt_}", judged[r.mention].rule,
                        set_aside=aside)
    if not attributed:
        return _nothing(claim, cand, score, found, aside)
    m = attributed[0]
    return _finding(claim, cand, score, m, Verdict.MENTIONS, judged[m].reason, judged[m].rule, set_aside=aside)


def _nothing(claim: Claim, cand: Candidate, score: float, found: list[Reading],
             aside: tuple[SetAside, ...]) -> Finding:
    """A passage on topic whose figures of the claim's kind were all set aside (or that has none)."""
    if aside:
        first = aside[0]
        return _finding(claim, cand, score, None, Verdict.MENTIONS,
                        f"on topic; '{first.found}' set aside: {first.reason} [{first.rule}]", set_aside=aside)
    return _finding(claim, cand, score, None, Verdict.MENTIONS, f"on topic, but states no {claim.kind} "
                    "that can be compared with the claim")


def _cross_compare(findings: list[Finding]) -> list[Finding]:
    """Without a canonical value, a figure that contradicts another passage's conflicts with it."""
    valued = [f for f in findings if f.normalized is not None]
    out = []
    for f in findings:
        if f.normalized is None:
            out.append(f)
            continue
        verdict, reason, rule = Verdict.MENTIONS, f.reason, f.rule
        for other in valued:
            if other is f or (other.source == f.source and other.line == f.line):
                continue
            assert other.normalized is not None
            c = compare(f.normalized, other.normalized)
            if c.outcome == "conflicts":
                verdict, rule = Verdict.CONFLICTS, c.rule
                reason = (f"{format_value(f.normalized)} here vs {format_value(other.normalized)} in "
                          f"{other.source} line {other.line}: {c.reason}")
                break
            if c.outcome == "agrees" and verdict == Verdict.MENTIONS:
                verdict, rule = Verdict.AGREES, c.rule
                reason = f"agrees with {other.source} line {other.line}: {c.reason}"
        out.append(dataclasses.replace(f, verdict=verdict, reason=reason, rule=rule))
    return out


SLIP_COVERAGE = 0.2  # a passage this close to the statement, with a slip of its value, is for review


def _slip_in(mentions: tuple[Mention, ...], canonical: Value) -> bool:
    """Whether a passage holds a figure that reads as a slip of the claim's value ("$227 billion"
    for $277 billion): worth a look even off the claim's topic, if it shares some of its statement."""
    return any(slip(m.value, canonical) and compare(m.value, canonical).outcome == "conflicts" for m in mentions)


def candidates(claim: Claim, t: Topic, corpus: dict[str, Prepared], index: Index | None = None) -> list[Candidate]:
    """The pinned excerpts, and every passage about the claim: those the index offers (the same as
    testing every passage, faster), or every passage when there is no index."""
    found: list[Candidate] = []
    pinned_spans: dict[str, list[tuple[int, int]]] = {}
    for ev in claim.evidence:
        prep = corpus.get(ev.source)
        if prep is None:
            continue  # `check` reports unknown sources
        loc = prep.locate(ev.excerpt)
        if loc.status != "found":
            continue  # `check` reports excerpts that are not found or misquote
        # The pinned excerpt is the passage(s) it sits in, marked pinned; its figures are those the
        # passages already read (extracted once, in prepare), within the excerpt's span.
        first = prep.passage_at(loc.start)
        last = prep.passage_at(max(loc.end - 1, loc.start))
        body = prep.source.body
        if first is None or last is None:  # outside every passage (blank lines only): read it alone
            start, end = loc.start, loc.end
            mentions = tuple(prep.extract(body[start:end]))
        else:
            start, end = prep.passages[first].start, prep.passages[last].end
            mentions = tuple(dataclasses.replace(m, start=m.start + shift, end=m.end + shift)
                             for i in range(first, last + 1)
                             for shift in (prep.passages[i].start - start,)
                             for m in prep.mentions[i]
                             if loc.start - start <= m.start + shift and m.end + shift <= loc.end - start)
        excerpt_span = (loc.start - start, loc.end - start)
        pinned_hits = tuple(subject_hits(t, body[start:end]) or ())
        found.append(Candidate(prep, start, body[start:end], "excerpt", mentions, True, ev.stance,
                                pinned_hits, excerpt_span))
        pinned_spans.setdefault(prep.source.id, []).append((loc.start, loc.end))
    if not t.patterns and not t.by_statement:
        return found
    canonical = _canonical(claim)
    every = ((source_id, i) for source_id, prep in corpus.items() for i in range(len(prep.passages)))
    # A passage found by the statement holds at least this share of it (see doubt() and the slip test).
    least = min(SLIP_COVERAGE, WEAK_COVERAGE)
    for source_id, i in (index.candidates(t, least) if index is not None else every):
        prep = corpus[source_id]
        passage, mentions, haystack, terms = prep.passages[i], prep.mentions[i], prep.plains[i], prep.terms[i]
        if any(a < passage.end and passage.start < b for a, b in pinned_spans.get(source_id, ())):
            continue  # the pinned excerpt already speaks for this passage
        weak, by_slip = "", False
        if t.by_statement:
            covered = coverage(t, terms)  # once per passage: doubt and the slip test both need it
            why = doubt(t, terms, covered)
            if why == "" and canonical is not None and covered[0] >= SLIP_COVERAGE and _slip_in(mentions, canonical):
                why, by_slip = f"it holds only {covered[0]:.0%} of the statement's terms", True
            weak = why or ""
            hits = None if why == "" else [m.span() for p in t.patterns for m in p.finditer(haystack)]
        else:
            hits = (row_hits(t, passage.text, passage.header) if passage.kind == "table-row"
                    else subject_hits(t, passage.text, haystack))
        if hits is not None:
            found.append(Candidate(prep, passage.start, passage.text, passage.kind, mentions, False,
                                    None, tuple(hits), header=passage.header, weak=weak, by_slip=by_slip,
                                    passage=i))
    return found


def claim_verdict(claim: Claim, findings: list[Finding]) -> ClaimVerdict:
    """conflict / disputed / consistent / unsupported, from the findings about a claim. Findings
    for review never make a claim a conflict: only confident ones do."""
    has_canonical = claim.value is not None or (claim.kind == "text" and bool(claim.references))
    if any(f.verdict == Verdict.CONFLICTS for f in findings):
        return ClaimVerdict.CONFLICT if has_canonical else ClaimVerdict.DISPUTED
    if any(f.verdict == Verdict.AGREES for f in findings):
        return ClaimVerdict.CONSISTENT
    if not has_canonical and any(f.normalized is not None for f in findings):
        return ClaimVerdict.CONSISTENT  # one source states a value nobody contradicts
    return ClaimVerdict.UNSUPPORTED


def assess(claim: Claim, corpus: dict[str, Prepared], rarity: Rarity | None = None,
           others: tuple[tuple[Claim, Topic], ...] = (), index: Index | None = None) -> ClaimResult:
    """`rarity` of the corpus's terms finds claims without `match` (computed here if not given);
    `others` are the file's other claims (see attribute.agrees_elsewhere)."""
    rarity = rarity or Rarity.of(p.terms for p in corpus.values())
    t = topic(claim, rarity)
    negated = bool(_NEGATION.search(claim.statement))
    findings = [_judge(claim, t, cand, negated, relevance(t, cand.text), others)
                for cand in candidates(claim, t, corpus, index)]
    if claim.kind != "text" and _canonical(claim) is None:
        findings = _cross_compare(findings)
    findings.sort(key=lambda f: (VERDICT_ORDER[f.verdict], f.source, f.line, f.column))
    return ClaimResult(claim, claim_verdict(claim, findings), tuple(findings))
