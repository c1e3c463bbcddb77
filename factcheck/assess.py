"""Judge every passage about a claim, then the claim itself.

Per passage: `agrees`, `conflicts` or `mentions` (on topic, no comparable value). Per claim:
`consistent`, `conflict` (a source contradicts the canonical value), `disputed` (sources contradict
each other and no canonical value decides) or `unsupported` (no passage states it).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from factcheck.claims import Claim
from factcheck.compare import compare
from factcheck.corpus import Prepared
from factcheck.discover import Topic, relevance, row_hits, subject_hits, topic
from factcheck.locate import locate
from factcheck.textnorm import plain
from factcheck.values import DateValue, Mention, Quantity, Value, canonical_unit, format_value, unit_dimension

VERDICT_ORDER = {"conflicts": 0, "agrees": 1, "mentions": 2}

# Clause boundaries: a figure speaks about the subject named in its own clause, so "within weeks
# of R1's release: By January 30, 2025, Huawei was routing…" does not date R1's release, and in
# "V3 required 2,788,000 GPU-hours…; the shift to Ascend for V4-Pro's post-training…" the
# GPU-hours are not V4-Pro's.
_CLAUSE_BREAK = re.compile(r"[;:](?=\s)|,\s+(?=(?:and|but|while|whereas|since|because|although|though|yet)\s)")
_DASH = re.compile(r"\s[—–-]{1,2}\s|—")
# Words of a flattened header row, split where cells are glued: "Peak FP16 TFLOPSAvailable".
_HEADER_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+[/A-Za-z]*|%")
# "its first reduction since March 2020", "the highest level since 2008": the date after "since"
# belongs to an earlier event the sentence compares with, not to the event itself.
_SUPERLATIVE = (r"\b(?:first|last|only|biggest|largest|smallest|lowest|highest|worst|best|deepest|sharpest|"
                r"steepest|fastest|slowest|strongest|weakest|longest|shortest|most|least|record)\b[^;:]*\bsince")
_EARLIER_EVENT = re.compile(_SUPERLATIVE + r"\s+\Z", re.IGNORECASE)  # just before a date in a passage
_ABOUT_EARLIER = re.compile(_SUPERLATIVE + r"\b", re.IGNORECASE)  # a statement about that earlier date
# The period a count covers: "hundreds of flights on Saturday and Sunday" (some days) and "1,000
# a day" (a rate) are not comparable with "7,000 flights over five days" or a plain total.
_PER_PERIOD = re.compile(r"\b(?:per|a|an|each|every)\s+(day|week|month|year|hour|quarter)\b"
                         r"(?![\s-]+(?:later|ago|earlier|before|after|on|since|from|into|of|or|points?|percentage)\b)|"
                         r"\b(daily|weekly|monthly|hourly|quarterly|annually)\b", re.IGNORECASE)
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# Several days ("on Saturday and Sunday") or a weekday habit ("on Mondays"); "on Monday" alone
# just dates the event.
_NAMED_DAYS = re.compile(rf"\bon\s+(?:{_DAY}s\b|{_DAY}(?:,\s*{_DAY})*\s+(?:and|or)\s+{_DAY})")
# "20% of the registered electorate" is a share of another base than "33.7% of the vote".
_SHARE_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?P<base>[A-Za-z][\w'’ -]{0,40}?)"
                       r"(?=[,.;:()]|\s+(?:and|but|in|on|at|for|from|to|with|according|since|after)\b|\Z)")
_WORD = re.compile(r"[a-z]{3,}")
# What a figure measures, from the words just before it. "a majority of 174 seats" is a margin and
# "the Conservatives lost 251 seats" a change, not the seats a party holds; in "411 of the 650
# seats" 650 is the whole; in "the lowest turnout since 2001, when 59.4% voted" the figure is 2001's.
_MARGINS = r"majority|margin|lead|gap|difference|shortfall|surplus|deficit|swing"
_CHANGES = (r"lost|lose|loses|losing|gained|gain|gains|gaining|shed|sheds|shedding|added|adds|adding|erased|"
            r"erases|erasing|wiped|wipes|wiping|fell|falls|falling|rose|rises|rising|dropped|drops|dropping|"
            r"jumped|jumps|plunged|plunges|plunging|slid|slides|slumped|slumps|climbed|climbs|increased|"
            r"increases|decreased|decreases|cut|cuts|cutting|raised|raises|lowered|lowers|lowering|grew|"
            r"grows|shrank|shrinks|up|down")
_MARGIN_BEFORE = re.compile(rf"\b({_MARGINS})\s+of\s+\Z", re.IGNORECASE)
_MARGIN_IN = re.compile(rf"\b({_MARGINS})\b", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(rf"\b(?:{_CHANGES})\s+(?:by\s+)?\Z", re.IGNORECASE)
_CHANGE_IN = re.compile(rf"\b(?:{_CHANGES})\b[^.;:]*?\d", re.IGNORECASE)  # "Nvidia lost about $589 billion"
_WHOLE = re.compile(r"\d[\d,.]*\s+(?:\w+\s+)?of\s+(?:the\s+|all\s+)?\Z")
_EARLIER_WHEN = re.compile(r"\bsince\s+[^,;:]*,\s*when\b[^;:]*\Z", re.IGNORECASE)
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
    verdict: str  # agrees | conflicts | mentions
    reason: str
    rule: str | None = None
    pinned: bool = False
    flag: str | None = None  # "possible-contradiction": negation differs from the statement's
    score: float = 0.0  # rapidfuzz closeness of the passage to the statement


@dataclass(frozen=True)
class ClaimResult:
    claim: Claim
    verdict: str
    findings: tuple[Finding, ...]

    @property
    def conflicts(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.verdict == "conflicts")


@dataclass(frozen=True)
class _Candidate:
    """A passage with the figures that may speak about the claim."""

    prepared: Prepared
    start: int  # body offset of the passage
    text: str
    kind: str  # the passage's kind: sentence, list-item, table-row
    mentions: tuple[Mention, ...]
    pinned: bool
    stance: str | None
    hits: tuple[tuple[int, int], ...]
    excerpt: tuple[int, int] | None = None  # a pinned excerpt's span in `text`
    header: str = ""  # a table row's header row


def _clause(text: str, offset: int) -> tuple[int, int]:
    """The clause of `text` that holds `offset`.

    Clauses end at ';', ':', a lone dash, and a comma before a conjunction ("…won 411 seats, and
    Keir Starmer became prime minister the next morning"). Two dashes enclose an aside that
    belongs to the clause around it: "The US controls — October 2023, then expanded October 2024 — were…".
    """
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text)]
    dashes = [m.end() for m in _DASH.finditer(text)]
    paired = set(dashes[: len(dashes) // 2 * 2])
    breaks = sorted(b for b in breaks + dashes if b not in paired)
    index = bisect.bisect_right(breaks, offset)
    start = breaks[index - 1] if index else 0
    end = breaks[index] if index < len(breaks) else len(text)
    return start, end


def scope(text: str, after: str = "") -> str:
    """Which period a figure counts over, from the words around it (`after`: those that follow):
    "whole", "per day" ("1,000 a day", "daily"), or "some days" ("hundreds on Saturday and Sunday";
    only after the figure: in "fell 11% on Friday, erasing $90 billion" Friday dates the event)."""
    rate = _PER_PERIOD.search(text + " " + after)
    if rate:
        word = (rate.group(1) or rate.group(2)).lower()
        return "per " + {"daily": "day", "annually": "year"}.get(word, word.removesuffix("ly"))
    return "some days" if _NAMED_DAYS.search(after) else "whole"


def _mention_scope(text: str, mention: Mention) -> str:
    start, end = _clause(text, mention.start)
    return scope(text[max(start, mention.start - 40) : mention.start], text[mention.end : min(end, mention.end + 60)])


def _same_base(text: str, mention: Mention, statement: str) -> bool:
    """A percentage "of" a base counts only if the statement names that base too."""
    if not (isinstance(mention.value, Quantity) and mention.value.unit == "percent"):
        return True
    share = _SHARE_OF.match(text, mention.end)
    if share is None:
        return True
    base = set(_WORD.findall(share.group("base").lower())) - {"the", "its", "their", "all", "and"}
    return not base or bool(base & set(_WORD.findall(statement.lower())))


def _same_measure(text: str, mention: Mention, claim: Claim) -> bool:
    """Whether a figure measures what the claim's figure does: not a whole it is part of, not an
    earlier time's, a margin only for a claim about that margin, a change only for a change."""
    before = text[max(0, mention.start - 40) : mention.start]
    if _WHOLE.search(before):
        return False
    if _EARLIER_WHEN.search(text, 0, mention.start):
        return False
    margin = _MARGIN_BEFORE.search(before)
    if margin and margin.group(1).lower() not in {m.lower() for m in _MARGIN_IN.findall(claim.statement)}:
        return False
    # A change cannot speak for a level; a figure that reads as a level may be the change itself
    # ("taking $589 billion off"), so it is still compared with a change.
    return not _CHANGE_BEFORE.search(before) or bool(_CHANGE_IN.search(claim.statement))


def _names_subject(t: Topic, text: str, mention: Mention) -> bool:
    """Whether the mention's own clause names the claim's whole subject.

    A clause after a colon elaborates the one before it ("a line in DeepSeek's V3 technical report:
    training the base model cost $56 million"), so that one may name the rest of the subject, as
    long as the figure's own clause names part of it ("within weeks of R1's release: By January 30,
    2025, Huawei was routing…" names nothing of R1's release after the colon).
    """
    start, end = _clause(text, mention.start)
    if subject_hits(t, text[start:end]) is not None:
        return True
    if start == 0 or text[start - 1] != ":":
        return False
    own = plain(text[start:end])
    if not any(p.search(own) for p in t.patterns):
        return False
    before, _ = _clause(text, start - 1)
    return subject_hits(t, text[before:end]) is not None


def _header_names_unit(cand: _Candidate, claim: Claim) -> bool:
    """A table row whose header names the claim's unit, with one bare figure: that figure is in it.

    Flattened tables put the unit in the column name ("Peak FP16 TFLOPS") and the bare figure in
    the cell ("~3,958"); with a single bare figure in the row there is no doubt which cell it is.
    """
    if cand.kind != "table-row" or claim.unit is None or not cand.header:
        return False
    bare = [m for m in cand.mentions if isinstance(m.value, Quantity) and m.value.unit is None]
    dimension = unit_dimension(claim.unit)
    named = {unit_dimension(u) for w in _HEADER_WORD.findall(cand.header) if (u := canonical_unit(w))}
    return len(bare) == 1 and dimension in named


def _fits(claim: Claim, mention: Mention, in_claim_unit: bool) -> Mention | None:
    """The mention if it is of the claim's kind and dimension, read in the claim's unit if needed."""
    value = mention.value
    if claim.kind == "date":
        return mention if isinstance(value, DateValue) else None
    if claim.kind != "number" or not isinstance(value, Quantity):
        return None
    if unit_dimension(value.unit) == unit_dimension(claim.unit) and (value.unit is None) == (claim.unit is None):
        return mention
    if in_claim_unit and value.unit is None and claim.unit is not None:
        # A pinned excerpt, or a table row under a header naming the unit: a bare figure in it is
        # read in the claim's unit.
        return dataclasses.replace(mention, value=dataclasses.replace(value, unit=claim.unit))
    return None


def _nearest(mentions: list[Mention], hits: tuple[tuple[int, int], ...]) -> Mention:
    if not hits:
        return mentions[0]
    return min(mentions, key=lambda m: min(abs(m.start - h[0]) for h in hits))


def _finding(claim: Claim, cand: _Candidate, score: float, mention: Mention | None, verdict: str,
             reason: str, rule: str | None = None, flag: str | None = None) -> Finding:
    span = (mention.start, mention.end) if mention else cand.excerpt
    pos = cand.prepared.source.position(cand.start + (span[0] if span else 0))
    return Finding(
        claim=claim.id, source=cand.prepared.source.id, line=pos.line, column=pos.column,
        passage=cand.text, found=cand.text[span[0] : span[1]] if span else None,
        found_at=span[0] if span else None,
        normalized=mention.value if mention else None, verdict=verdict, reason=reason, rule=rule,
        pinned=cand.pinned, flag=flag, score=score,
    )


def _canonical(claim: Claim) -> Value | None:
    """The canonical date or figure of a date or number claim."""
    return None if claim.value is None or isinstance(claim.value, str) else claim.value


def _stance_verdict(stance: str | None) -> tuple[str, str] | None:
    if stance == "supports":
        return "agrees", "the curator pinned this excerpt as supporting the claim"
    if stance == "refutes":
        return "conflicts", "the curator pinned this excerpt as refuting the claim"
    return None


def _judge(claim: Claim, t: Topic, cand: _Candidate, negated: bool, score: float) -> Finding:
    """One passage against the claim's canonical value (or provisionally, without one)."""
    if claim.kind == "text":
        stance = _stance_verdict(cand.stance)
        if stance:
            return _finding(claim, cand, score, None, stance[0], stance[1], "curator_stance")
        cue = _NEGATION.search(cand.text)
        if cue and not negated:
            return _finding(claim, cand, score, None, "mentions",
                            f"on topic, but says '{cue.group()}' where the statement is affirmative: "
                            "a possible contradiction for a person to review",
                            flag="possible-contradiction")
        return _finding(claim, cand, score, None, "mentions", "on topic; text claims are judged by stance")
    anywhere, attributed = _comparable(claim, t, cand)
    if not attributed and not (anywhere and _canonical(claim) is not None):
        stance = _stance_verdict(cand.stance)
        if stance:
            return _finding(claim, cand, score, None, stance[0], stance[1], "curator_stance")
        return _finding(claim, cand, score, None, "mentions", f"on topic, but states no {claim.kind} "
                        "that can be compared with the claim")
    canonical = _canonical(claim)
    if canonical is None:
        mention = _nearest(attributed, cand.hits)
        return _finding(claim, cand, score, mention, "mentions", "no canonical value; compared with "
                        "the other sources")
    judged = {m: compare(m.value, canonical) for m in anywhere}
    # Benefit of the doubt: one figure that agrees, anywhere in the passage, is enough; the
    # others may be about other things. A conflict needs a figure the clause ties to the subject.
    agreeing = sorted((m for m, c in judged.items() if c.outcome == "agrees"), key=lambda m: m not in attributed)
    if agreeing:
        m = agreeing[0]
        return _finding(claim, cand, score, m, "agrees", judged[m].reason, judged[m].rule)
    conflicting = [m for m in attributed if judged[m].outcome == "conflicts"]
    if conflicting:
        m = _nearest(conflicting, cand.hits)
        return _finding(claim, cand, score, m, "conflicts", judged[m].reason, judged[m].rule)
    if not attributed:
        return _finding(claim, cand, score, None, "mentions", f"on topic, but states no {claim.kind} "
                        "that can be compared with the claim")
    m = attributed[0]
    return _finding(claim, cand, score, m, "mentions", judged[m].reason, judged[m].rule)


def _comparable(claim: Claim, t: Topic, cand: _Candidate) -> tuple[list[Mention], list[Mention]]:
    """The passage's figures of the claim's kind and unit: all of them, and those tied to the claim's
    subject (same clause, or after a table row's name; everything in a pinned excerpt)."""
    in_claim_unit = cand.pinned or _header_names_unit(cand, claim)
    fitting = [f for m in cand.mentions if (f := _fits(claim, m, in_claim_unit)) is not None]
    if claim.kind == "number":
        fitting = [m for m in fitting if _mention_scope(cand.text, m) == scope(claim.statement)
                   and _same_base(cand.text, m, claim.statement) and _same_measure(cand.text, m, claim)]
    if claim.kind == "date" and not _ABOUT_EARLIER.search(claim.statement):
        # Unless the claim itself is about the earlier event ("the first dissent since 2005").
        fitting = [m for m in fitting if not _EARLIER_EVENT.search(cand.text, _clause(cand.text, m.start)[0], m.start)]
    if cand.pinned:
        return fitting, fitting
    if cand.kind == "table-row":
        # A row is about the thing named in its first cell: figures before any name are not.
        first = min(h[0] for h in cand.hits)
        return fitting, [m for m in fitting if m.start > first]
    return fitting, [m for m in fitting if _names_subject(t, cand.text, m)]


def _cross_compare(findings: list[Finding]) -> list[Finding]:
    """Without a canonical value, a figure that contradicts another passage's conflicts with it."""
    valued = [f for f in findings if f.normalized is not None]
    out = []
    for f in findings:
        if f.normalized is None:
            out.append(f)
            continue
        verdict, reason, rule = "mentions", f.reason, f.rule
        for other in valued:
            if other is f or (other.source == f.source and other.line == f.line):
                continue
            assert other.normalized is not None
            c = compare(f.normalized, other.normalized)
            if c.outcome == "conflicts":
                verdict, rule = "conflicts", c.rule
                reason = (f"{format_value(f.normalized)} here vs {format_value(other.normalized)} in "
                          f"{other.source} line {other.line}: {c.reason}")
                break
            if c.outcome == "agrees" and verdict == "mentions":
                verdict, rule = "agrees", c.rule
                reason = f"agrees with {other.source} line {other.line}: {c.reason}"
        out.append(dataclasses.replace(f, verdict=verdict, reason=reason, rule=rule))
    return out


def _candidates(claim: Claim, t: Topic, corpus: dict[str, Prepared]) -> list[_Candidate]:
    found: list[_Candidate] = []
    pinned_spans: dict[str, list[tuple[int, int]]] = {}
    for ev in claim.evidence:
        prep = corpus.get(ev.source)
        if prep is None:
            continue  # `check` reports unknown sources
        loc = locate(ev.excerpt, prep.folded)
        if loc.status != "found":
            continue  # `check` reports excerpts that are not found or misquote
        # Show the whole passage the excerpt sits in; read figures from the excerpt alone.
        first, last = prep.passage_at(loc.start), prep.passage_at(max(loc.end - 1, loc.start))
        start = prep.passages[first].start if first is not None else loc.start
        end = prep.passages[last].end if last is not None else loc.end
        body = prep.source.body
        excerpt = body[loc.start : loc.end]
        shift = loc.start - start
        mentions = tuple(dataclasses.replace(m, start=m.start + shift, end=m.end + shift)
                         for m in prep.extract(excerpt))
        pinned_hits = tuple(subject_hits(t, body[start:end]) or ())
        found.append(_Candidate(prep, start, body[start:end], "excerpt", mentions, True, ev.stance,
                                pinned_hits, (shift, shift + len(excerpt))))
        pinned_spans.setdefault(prep.source.id, []).append((loc.start, loc.end))
    if not t.patterns:
        return found
    for source_id, prep in corpus.items():
        spans = pinned_spans.get(source_id, [])
        for passage, mentions, haystack in zip(prep.passages, prep.mentions, prep.plains, strict=True):
            if any(a < passage.end and passage.start < b for a, b in spans):
                continue  # the pinned excerpt already speaks for this passage
            hits = (row_hits(t, passage.text, passage.header) if passage.kind == "table-row"
                    else subject_hits(t, passage.text, haystack))
            if hits is not None:
                found.append(_Candidate(prep, passage.start, passage.text, passage.kind, mentions, False,
                                        None, tuple(hits), header=passage.header))
    return found


def claim_verdict(claim: Claim, findings: list[Finding]) -> str:
    """conflict / disputed / consistent / unsupported, from the findings about a claim."""
    has_canonical = claim.value is not None or (claim.kind == "text" and bool(claim.references))
    if any(f.verdict == "conflicts" for f in findings):
        return "conflict" if has_canonical else "disputed"
    if any(f.verdict == "agrees" for f in findings):
        return "consistent"
    if not has_canonical and any(f.normalized is not None for f in findings):
        return "consistent"  # one source states a value nobody contradicts
    return "unsupported"


def assess(claim: Claim, corpus: dict[str, Prepared]) -> ClaimResult:
    t = topic(claim)
    negated = bool(_NEGATION.search(claim.statement))
    findings = [_judge(claim, t, cand, negated, relevance(t, cand.text)) for cand in _candidates(claim, t, corpus)]
    if claim.kind != "text" and _canonical(claim) is None:
        findings = _cross_compare(findings)
    findings.sort(key=lambda f: (VERDICT_ORDER[f.verdict], f.source, f.line, f.column))
    return ClaimResult(claim, claim_verdict(claim, findings), tuple(findings))
