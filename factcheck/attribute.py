"""Which of a passage's dates and figures speak about a claim.

A passage that names a claim's subject often holds other figures too: "DeepSeek-V3 was
pre-trained on approximately 2,048 NVIDIA H800 GPUs over 2.788 million GPU-hours at a stated
compute cost of around $5.576 million". Each rule here is one reading convention that ties a
figure to what it measures — its kind and unit, its clause, the period it counts over, its base,
whether it is a margin, a change, a whole or an earlier time's — so that only the figures about
the claim are compared with it.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass

from factcheck.claims import Claim
from factcheck.corpus import Prepared
from factcheck.discover import Topic, subject_hits
from factcheck.extract import extract
from factcheck.textnorm import plain
from factcheck.values import DateValue, Mention, Quantity, claim_unit, unit_dimension

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
# What a figure measures, from the words just before it. "a majority of 174 seats" is a margin,
# "a dividend of 25 cents" a dividend (each compared only with a claim that names it), and
# "the Conservatives lost 251 seats" a change, not the seats a party holds; in "411 of the 650
# seats" 650 is the whole; in "the lowest turnout since 2001, when 59.4% voted" the figure is 2001's.
_MARGINS = (r"majority|margin|lead|gap|difference|shortfall|surplus|deficit|swing|dividend|payout|fine|penalty|"
            r"fee|bonus|charge|bill")
_CHANGES = (r"lost|lose|loses|losing|gained|gain|gains|gaining|shed|sheds|shedding|added|adds|adding|erased|"
            r"erases|erasing|wiped|wipes|wiping|fell|falls|falling|rose|rises|rising|dropped|drops|dropping|"
            r"jumped|jumps|plunged|plunges|plunging|slid|slides|slumped|slumps|climbed|climbs|increased|"
            r"increases|decreased|decreases|cut|cuts|cutting|raised|raises|lowered|lowers|lowering|grew|"
            r"grows|shrank|shrinks|up|down")
_MARGIN_BEFORE = re.compile(rf"\b({_MARGINS})\s+of\s+\Z", re.IGNORECASE)
_MARGIN_IN = re.compile(rf"\b({_MARGINS})\b", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(rf"\b(?:{_CHANGES})\s+(?:by\s+)?\Z", re.IGNORECASE)
_CHANGE_IN = re.compile(rf"\b(?:{_CHANGES})\b[^.;:]*?\d", re.IGNORECASE)  # "Nvidia lost about $589 billion"
# "The iPhone 16 went on sale on Sept. 20, eight days before the quarter ended": the date is the
# sale's, and the quarter's end only follows from it.
_RELATIVE_AFTER = re.compile(r"\s*,?\s*(?:[\w-]+\s+){1,2}(?:days?|weeks?|months?|years?|hours?)\s+"
                             r"(?:before|after|ahead of|earlier than|later than|prior to)\b", re.IGNORECASE)
_WHOLE = re.compile(r"\d[\d,.]*\s+(?:\w+\s+)?of\s+(?:the\s+|all\s+)?\Z")
_EARLIER_WHEN = re.compile(r"\bsince\s+[^,;:]*,\s*when\b[^;:]*\Z", re.IGNORECASE)

# Frames: what kind of figure the words right around it make it. A figure in a frame speaks only
# for a claim whose statement is in that frame too: "$89.5 billion a year earlier" is not this
# quarter's revenue, "consensus expects about $124 billion" is a forecast, "$1.64 excluding the
# charge" an adjusted figure, "starts at $799" a price, "$391bn for fiscal 2024 as a whole" a
# full-year figure, "prosecutors had asked for 40 to 50 years" a request.
_FRAME_BEFORE: dict[str, re.Pattern[str]] = {
    "earlier": re.compile(r"(?:\b(?:previous|prior|former|old|earlier|last year's|year-earlier|year-ago)\s+"
                          r"(?:[\w-]+,?\s+){0,2}|\bfrom\s+)\Z", re.IGNORECASE),
    "price": re.compile(r"\b(?:starts?|starting|priced|retails?|sells?|sold)\s+(?:at|for)\s+\Z|\bprice\s+of\s+\Z",
                        re.IGNORECASE),
}
# A forecast verb governs the whole sentence before the figure: "the consensus expects Apple to
# report revenue of about $124 billion, …, and EPS of around $2.35".
_FORECAST = re.compile(r"\b(?:expects?|expected|expecting|forecasts?|projects?|projected|guidance|outlook|"
                       r"consensus|predicts?|predicted|anticipates?|anticipated)\b", re.IGNORECASE)
# What someone asked for or argued is not what happened: "prosecutors had asked for 40 to 50 years".
_REQUEST = re.compile(r"\b(?:asked for|asking for|sought|seeking|requested|demanded|proposed|recommended|"
                      r"called for|argued for)\b", re.IGNORECASE)
_FRAME_AFTER: dict[str, re.Pattern[str]] = {
    "earlier": re.compile(r"\A[\w\s-]{0,25}?\b(?:a year (?:earlier|ago|before)|the (?:previous|prior) year|"
                          r"last year|year-earlier|year-ago)\b", re.IGNORECASE),
}
_FRAME_CLAUSE: dict[str, re.Pattern[str]] = {
    "adjusted": re.compile(r"\b(?:excluding|adjusted|non-GAAP|underlying|pro forma|ex-items|without|"
                           r"would have been)\b", re.IGNORECASE),
    "full year": re.compile(r"\b(?:full[- ]year|for the (?:full |whole )?year|as a whole|annual|annually|"
                            r"for fiscal (?:year )?\d{4})\b", re.IGNORECASE),
}
_FRAME_STATEMENT: dict[str, re.Pattern[str]] = {
    "earlier": re.compile(r"\b(?:previous|prior|former|earlier|last year|a year (?:earlier|ago|before)|"
                          r"year-earlier|year-ago)\b|\bfrom\s+(?:about\s+|around\s+|nearly\s+)?[$€£]?\d",
                          re.IGNORECASE),
    "forecast": _FORECAST,
    "request": _REQUEST,
    "price": re.compile(r"\b(?:price|priced|prices|starts at|retails?|sells? for)\b", re.IGNORECASE),
    **_FRAME_CLAUSE,
}


# A superseded figure, "the death toll was first put at 115", is a frame of its verb: it speaks
# only for a claim that uses that verb ("Maryland estimated in May 2024 … $1.7 billion" is about
# the figure "first estimated at $1.7 billion").
_SUPERSEDED = re.compile(r"\b(?:first|initially|originally)\s+(?:\w+\s+)?(\w+)\s+(?:at|as)\s+\Z", re.IGNORECASE)
NEAR_WORDS = 16  # a figure further than this from any name of its subject is not tied to it
# "Services revenue": a capitalised modifier narrows the subject (see _unqualified).
_QUALIFIER_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’.&-]*)\s+\Z")
_NOT_QUALIFIERS = frozenset("the a an in on at for its their his her our this that these those and but with by from "
                            "to of as after before when while".split())
# "…crews set off the charges, … since the collapse": a subject named after "since" is the time
# anchor of another event, not the event the sentence dates.
_ANCHOR_BEFORE = re.compile(r"\b(?:since|after|before|following|ahead of|until|prior to)\s+"
                            r"(?:the\s+|its\s+|their\s+|this\s+)?(?:[\w'’-]+\s+)?\Z", re.IGNORECASE)
# A date that opens the sentence dates all of it: "On March 26, 2023, at 1:28 a.m., a ship … struck
# the bridge, and the bridge collapsed."
_OPENING = re.compile(r"\A\W*(?:(?:on|in|by|early on|late on)\s+)?(?:[A-Z][a-z]+day,?\s+)?\Z", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
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


@functools.lru_cache(maxsize=4096)
def _clause_breaks(text: str) -> tuple[int, ...]:
    # Asked for every figure of a passage, for every claim: computed once per passage text.
    dashes = [m.end() for m in _DASH.finditer(text)]
    paired = set(dashes[: len(dashes) // 2 * 2])
    return tuple(sorted(b for b in [m.end() for m in _CLAUSE_BREAK.finditer(text)] + dashes if b not in paired))


def _clause(text: str, offset: int) -> tuple[int, int]:
    """The clause of `text` that holds `offset`.

    Clauses end at ';', ':', a lone dash, and a comma before a conjunction ("…won 411 seats, and
    Keir Starmer became prime minister the next morning"). Two dashes enclose an aside that
    belongs to the clause around it: "The US controls — October 2023, then expanded October 2024 — were…".
    """
    breaks = _clause_breaks(text)
    index = bisect.bisect_right(breaks, offset)
    start = breaks[index - 1] if index else 0
    end = breaks[index] if index < len(breaks) else len(text)
    return start, end


def scope(after: str) -> str:
    """Which period a figure counts over, from the words that follow it: "whole", "per day"
    ("1,000 a day", "2 million requests daily"), or "some days" ("hundreds on Saturday and Sunday").
    Words before it do not count: "quarterly revenue of $94.9 billion" is a total, and in "fell 11%
    on Friday, erasing $90 billion" Friday dates the event."""
    rate = _PER_PERIOD.search(after)
    if rate:
        word = (rate.group(1) or rate.group(2)).lower()
        return "per " + {"daily": "day", "annually": "year"}.get(word, word.removesuffix("ly"))
    return "some days" if _NAMED_DAYS.search(after) else "whole"


def _mention_scope(text: str, mention: Mention) -> str:
    _, end = _clause(text, mention.start)
    return scope(text[mention.end : min(end, mention.end + 60)])


@functools.lru_cache(maxsize=1024)
def statement_scope(statement: str) -> str:
    """The period of the statement's own figure (its first), read like a passage's."""
    figures = [m for m in extract(statement) if isinstance(m.value, Quantity)]
    return _mention_scope(statement, figures[0]) if figures else "whole"


def _same_base(text: str, mention: Mention, statement: str) -> bool:
    """A percentage "of" a base counts only if the statement names that base too."""
    if not (isinstance(mention.value, Quantity) and mention.value.unit == "percent"):
        return True
    share = _SHARE_OF.match(text, mention.end)
    if share is None:
        return True
    base = set(_WORD.findall(share.group("base").lower())) - {"the", "its", "their", "all", "and"}
    return not base or bool(base & set(_WORD.findall(statement.lower())))


def _dates_another_event(t: Topic, text: str, mention: Mention) -> bool:
    """A date followed by "eight days before the quarter ended" dates the sentence's own event; it
    is the claim's only if the claim's subject is named before the relative phrase ("Voters went to
    the polls on Thursday, July 4, five weeks after Parliament was dissolved" dates the election)."""
    if not _RELATIVE_AFTER.match(text, mention.end):
        return False
    start, _ = _clause(text, mention.start)
    return subject_hits(t, text[start : mention.end]) is None


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
    if _CHANGE_BEFORE.search(before) and not _CHANGE_IN.search(claim.statement):
        return False
    return frames(text, mention) <= statement_frames(claim.statement)


def frames(text: str, mention: Mention) -> set[str]:
    """The frames the words around a figure put it in (its clause only)."""
    start, end = _clause(text, mention.start)
    before, after = text[max(start, mention.start - 60) : mention.start], text[mention.end : end]
    found = {name for name, rx in _FRAME_BEFORE.items() if rx.search(before)}
    superseded = _SUPERSEDED.search(before)
    if superseded:
        found.add("first " + superseded.group(1).lower())
    if _FORECAST.search(text, 0, mention.start):
        found.add("forecast")
    if _REQUEST.search(before):
        found.add("request")
    found |= {name for name, rx in _FRAME_AFTER.items() if rx.search(after)}
    found |= {name for name, rx in _FRAME_CLAUSE.items() if rx.search(text, start, end)}
    return found


@functools.lru_cache(maxsize=1024)
def statement_frames(statement: str) -> frozenset[str]:
    """The frames of a claim's statement, and "first <verb>" for each of its words (see _SUPERSEDED)."""
    found = {name for name, rx in _FRAME_STATEMENT.items() if rx.search(statement)}
    return frozenset(found | {"first " + w.lower() for w in re.findall(r"\b\w+\b", statement)})


def _near_subject(t: Topic, text: str, mention: Mention) -> bool:
    """Whether the subject is named within NEAR_WORDS words of the figure: a long sentence packs
    several facts ("Apple … reported revenue of $94.93 billion …, as demand for the iPhone 16
    lineup …" does not give iPhone revenue)."""
    haystack = plain(text)
    for pattern in t.patterns:
        for m in pattern.finditer(haystack):
            a, b = m.span()
            between = haystack[b : mention.start] if b <= mention.start else haystack[mention.end : a]
            if len(between.split()) <= NEAR_WORDS:
                return True
    return False


def _unqualified(t: Topic, clause: str, statement: str) -> bool:
    """Whether each phrase of the subject is named in the clause without a capitalised qualifier the
    statement lacks: "Services revenue … climbed 12%" is not Apple's revenue."""
    haystack = plain(clause)
    lowered = statement.lower()
    for pattern in t.patterns:
        for m in pattern.finditer(haystack):
            word = _QUALIFIER_BEFORE.search(haystack, 0, m.start())
            # An owner ("CrowdStrike's analysis") does not narrow the subject; a modifier
            # ("Services revenue") does, unless the statement has it too.
            if (word is None or word.group(1).lower() in _NOT_QUALIFIERS or word.group(1).endswith(("'s", "’s"))
                    or word.group(1).lower() in lowered):
                break
        else:
            return False
    return True


def _opens_sentence(text: str, mention: Mention) -> bool:
    return isinstance(mention.value, DateValue) and bool(_OPENING.match(text[: mention.start]))


def _names_all(t: Topic, text: str, figure_end: int) -> bool:
    """Whether `text` names every phrase of the subject, other than as the time anchor of what
    the figure dates ("May 13, crews set off the charges … since the collapse"; but in "after the
    fire that broke out in August 2022" the anchor comes first and the date is the fire's)."""
    haystack = plain(text)
    return all(any(m.start() < figure_end or not _ANCHOR_BEFORE.search(haystack, 0, m.start())
                   for m in p.finditer(haystack)) for p in t.patterns)


def _names_subject(t: Topic, text: str, mention: Mention, statement: str) -> bool:
    """Whether the mention's own clause names the claim's whole subject.

    A clause after a colon elaborates the one before it ("a line in DeepSeek's V3 technical report:
    training the base model cost $56 million"), so that one may name the rest of the subject, as
    long as the figure's own clause names part of it ("within weeks of R1's release: By January 30,
    2025, Huawei was routing…" names nothing of R1's release after the colon).
    """
    if _opens_sentence(text, mention):
        start, end = 0, len(text)
    else:
        start, end = _clause(text, mention.start)
    if _names_all(t, text[start:end], mention.end - start):
        return _unqualified(t, text[start:end], statement)
    if start == 0 or text[start - 1] != ":":
        return False
    own = plain(text[start:end])
    if not any(p.search(own) for p in t.patterns):
        return False
    before, _ = _clause(text, start - 1)
    return _names_all(t, text[before:end], mention.end - before)


def _header_names_unit(cand: Candidate, claim: Claim) -> bool:
    """A table row that names the claim's unit, with one bare figure: that figure is in it.

    Flattened tables put the unit in the column name ("Peak FP16 TFLOPS") and the bare figure in
    the cell ("~3,958"); with a single bare figure in the row there is no doubt which cell it is.
    """
    if cand.kind != "table-row" or claim.unit is None:
        return False
    bare = [m for m in cand.mentions if isinstance(m.value, Quantity) and m.value.unit is None]
    if len(bare) != 1:
        return False
    # The unit may be a column name ("Peak FP16 TFLOPS") or, where cells are delimited, the row's
    # label ("| Structures damaged or destroyed | 2,720 |").
    cells = cand.text.strip().strip("|").split("|")
    label = cells[0] if cand.text.lstrip().startswith("|") and len(cells) > 1 else ""
    names = _HEADER_WORD.findall(cand.header) + _HEADER_WORD.findall(label)
    return unit_dimension(claim.unit) in {unit_dimension(u) for w in names if (u := claim_unit(w))}


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


def comparable(claim: Claim, t: Topic, cand: Candidate) -> tuple[list[Mention], list[Mention]]:
    """The passage's figures of the claim's kind and unit: all of them, and those tied to the claim's
    subject (same clause, or after a table row's name; everything in a pinned excerpt)."""
    in_claim_unit = cand.pinned or _header_names_unit(cand, claim)
    fitting = [f for m in cand.mentions if (f := _fits(claim, m, in_claim_unit)) is not None]
    if claim.kind == "number":
        fitting = [m for m in fitting if _mention_scope(cand.text, m) == statement_scope(claim.statement)
                   and _same_base(cand.text, m, claim.statement) and _same_measure(cand.text, m, claim)]
    if claim.kind == "date":
        fitting = [m for m in fitting if not _dates_another_event(t, cand.text, m)]
    if claim.kind == "date" and not _ABOUT_EARLIER.search(claim.statement):
        # Unless the claim itself is about the earlier event ("the first dissent since 2005").
        fitting = [m for m in fitting if not _EARLIER_EVENT.search(cand.text, _clause(cand.text, m.start)[0], m.start)]
    if cand.pinned:
        return fitting, fitting
    if cand.kind == "table-row":
        # A row is about the thing named in its first cell: figures before any name are not.
        first = min(h[0] for h in cand.hits)
        return fitting, [m for m in fitting if m.start > first]
    return fitting, [m for m in fitting if _names_subject(t, cand.text, m, claim.statement)
                     and (_opens_sentence(cand.text, m) or _near_subject(t, cand.text, m))]
