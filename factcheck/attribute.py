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
import datetime
import functools
import inspect
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.claims import Claim
from factcheck.compare import Sieve, compare, may_agree
from factcheck.corpus import Prepared
from factcheck.discover import Topic, is_about, subject_hits
from factcheck.extract import extract
from factcheck.frames import (
    GENERIC_NAME_WORDS,
    MODIFIERS,
    Frame,
    StatementFrame,
    is_claims_name,
    names_in,
    other_instance_of,
    passage_frames,
    segment_words,
    statement_frame,
    word_stem,
)
from factcheck.frames import segment as frames_segment
from factcheck.textnorm import plain
from factcheck.values import (
    SCALE_UNITS,
    UNIT_SPELLINGS,
    DateValue,
    Mention,
    Quantity,
    Value,
    claim_unit,
    format_value,
    unit_dimension,
)

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
_CHANGE_IN_WORDS = re.compile(rf"\b(?:{_CHANGES}|shrink|shrank|reduce|reduced|trim|trimmed|boost|boosted|expand|"
                               r"expanded|widen|widened|narrow|narrowed)\b", re.IGNORECASE)
_MARGIN_BEFORE = re.compile(rf"\b({_MARGINS})\s+of\s+\Z", re.IGNORECASE)
_MARGIN_IN = re.compile(rf"\b({_MARGINS})\b", re.IGNORECASE)
# "Trump won Michigan by 80,103 votes" states a margin without the word.
_WON_BY = re.compile(r"\b(?:won|wins|win|beat|beats|carried|carries|led|leads|defeated|defeats|ahead|edged)\b"
                     r"[^.;:]*?\bby\s+(?:[a-z]+\s+){0,3}[$€£]?\d", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\b[^;:]*\Z", re.IGNORECASE)
# "the 2024 election", "the 1998 storm", "Trump's 2024 victory": a year that names which event.
_LABEL_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|this|that|whose)|['’]s)\s+\Z", re.IGNORECASE)
_LABEL_AFTER = re.compile(r"[\"“'‘]?[A-Za-z]")
_LABELLED_NOUN = re.compile(r",?\s+([a-z]{3,})\b")
# Another time than the statement's: "won Michigan four years ago by 150,000 votes", "in 2020".
# ("up 6% from a year earlier", "up 256% from a year ago" name the base of a change, not the
# figure's time: not here.)
_AGO = re.compile(r"\b(?<!from )(?<!than )(?<!over )(?<!since )(?:(?:\w+|\d+)\s+(?:years?|decades?)\s+ago|"
                  r"last\s+year|in\s+the\s+(?:previous|prior|last)\s+(?:election|season|cycle))\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d$€£.,])(?:19|20)\d\d(?![\d%])")
_COMPARED_YEAR = re.compile(r"\b(?:since|than|before|from)\s+(?:the\s+|in\s+)?\Z", re.IGNORECASE)
# "scheduled for Tuesday, July 30": the date a plan gave, not the date it happened.
_PLANNED = re.compile(r"\b(scheduled|planned|slated|set|due|expected|originally|initially|supposed)\b[^,;:]{0,25}"
                      r"(?:for|on|to|in|by)?\s*(?:\w+day,?\s+)?\Z", re.IGNORECASE)
# "a month-long trial that opened with jury selection on Oct. 3": the relative clause's own event.
_RELATIVE = re.compile(r"\b(?:that|which|who)\s+(?:(?:was|were|is|are|had|has|have|been|being|first|later|"
                       r"then|also|only|finally)\s+)*([a-z]+)\b[^,;:]*\Z", re.IGNORECASE)
# Verbs of saying: what follows them was said, and a date after them dates the saying.
_SAYING = (r"said|says|wrote|writes|posted|tweeted|told|announced|reported|stated|added|noted|testified|confirmed|"
           r"disclosed|revealed")
_SAID = re.compile(rf"\b(?:{_SAYING})\b", re.IGNORECASE)
_NOT_ANTECEDENT = re.compile(r"\b(?:after|before|so|now|given|such|than|in|of|for|with|is|was|are|were|said|says|"
                             r"say|think|thinks|know|knows|believe|believes|and|but|that)\s+\Z", re.IGNORECASE)
# "makes a second close flyby on Dec. 5": another occurrence of the event than the statement's.
_OCCURRENCE = re.compile(r"\b(second|third|fourth|fifth|return)\b", re.IGNORECASE)
# "11 goals short of matching Giroud": a difference, not a level.
_SHORT_OF = re.compile(r"(?:\s+[a-z]+)?\s+(?:short|shy)\s+of\b", re.IGNORECASE)
# The thing a rank ranks: "the second-biggest bank failure in US history" ranks failures.
_RANKED = re.compile(r"[\s-]*((?:[A-Za-z]+\s+){0,2}?[A-Za-z]+)(?=\s+(?:in|of|on|at|for|by|since|to|with|after|"
                     r"that|which|ever|yet)\b|\s*[,.;:()]|\s*\Z)")
_CHANGE_BEFORE = re.compile(rf"\b(?:{_CHANGES})\s+(?:by\s+)?\Z", re.IGNORECASE)
_CHANGE_IN = re.compile(rf"\b(?:{_CHANGES})\b[^.;:]*?\d", re.IGNORECASE)  # "Nvidia lost about $589 billion"
# "The iPhone 16 went on sale on Sept. 20, eight days before the quarter ended": the date is the
# sale's, and the quarter's end only follows from it.
_RELATIVE_AFTER = re.compile(r"\s*,?\s*(?:[\w-]+\s+){1,2}(?:days?|weeks?|months?|years?|hours?)\s+"
                             r"(?:before|after|ahead of|earlier than|later than|prior to)\b", re.IGNORECASE)
_WHOLE = re.compile(r"\d[\d,.]*\s+(?:\w+\s+)?of\s+(?:the\s+|all\s+)?\Z|"
                    r"\b(?:part|portion|share|some|most|much)\s+of\s+(?:the\s+|a\s+)?\Z", re.IGNORECASE)
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
_FORECAST_WORDS = (r"expects?|expected|expecting|forecasts?|projects?|projected|guidance|guided|outlook|consensus|"
                   r"predicts?|predicted|anticipates?|anticipated")
_FORECAST = re.compile(rf"\b(?:{_FORECAST_WORDS})\b", re.IGNORECASE)
# A date is forecast by these and by what someone aims at or hopes for: "expects to reopen … by May".
_FORECAST_CUE = re.compile(rf"\b(?:{_FORECAST_WORDS}|aims?|aiming|targets?|targeting|hopes?|hoping|intends?|could|"
                           r"might)\b", re.IGNORECASE)
# What someone asked for or argued is not what happened: "prosecutors had asked for 40 to 50 years".
_REQUEST = re.compile(r"\b(?:asked for|asking for|sought|seeking|requested|demanded|proposed|recommended|"
                      r"called for|argued for)\b", re.IGNORECASE)
_FRAME_AFTER: dict[str, re.Pattern[str]] = {
    "earlier": re.compile(r"\A[\w\s-]{0,25}?\b(?:a year (?:earlier|ago|before)|the (?:previous|prior) year|"
                          r"last year|year-earlier|year-ago)\b", re.IGNORECASE),
}
_FRAME_CLAUSE: dict[str, re.Pattern[str]] = {
    "to date": re.compile(r"\b(?:since the (?:beginning|start) of (?:the|this) year|year[- ]to[- ]date|"
                          r"so far this year|this year so far)\b", re.IGNORECASE),
    "adjusted": re.compile(r"\b(?:excluding|adjusted|non-GAAP|underlying|pro forma|ex-items|without|"
                           r"would have been)\b", re.IGNORECASE),
    "full year": re.compile(r"\b(?:full[- ](?:fiscal[- ]|calendar[- ])?year|for the (?:full |whole )?year|as a whole|"
                            r"annual|annually|yearly|"
                            r"(?:a|per|each|every) year(?! (?:earlier|ago|before|later|after))|"
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
    # "a net loss of $90.8 million for 2023": a year's flow is a full year's
    "full year": re.compile(_FRAME_CLAUSE["full year"].pattern + r"|\bfor (?:the )?(?:fiscal |calendar )?(?:year )?"
                            r"\d{4}\b", re.IGNORECASE),
}


# A superseded figure, "the death toll was first put at 115", is a frame of its verb: it speaks
# only for a claim that uses that verb ("Maryland estimated in May 2024 … $1.7 billion" is about
# the figure "first estimated at $1.7 billion").
_SUPERSEDED = re.compile(r"\b(?:first|initially|originally)\s+(?:\w+\s+)?(\w+)\s+(?:at|as)\s+\Z", re.IGNORECASE)
NEAR_WORDS = 20  # a figure further than this from any name of its subject is not tied to it
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
    weak: str = ""  # why the passage only may be about the claim (found by its statement, for review)
    by_slip: bool = False  # found only because a figure reads as a slip of the claim's value
    passage: int | None = None  # the index of the passage it is, unless it is a pinned excerpt


@functools.lru_cache(maxsize=4096)
def _clause_breaks(text: str) -> tuple[int, ...]:
    # Asked for every figure of a passage, for every claim: computed once per passage text.
    dashes = [m.end() for m in _DASH.finditer(text)]
    paired = set(dashes[: len(dashes) // 2 * 2])
    return tuple(sorted(b for b in [m.end() for m in _CLAUSE_BREAK.finditer(text)] + dashes if b not in paired))


def clause_span(text: str, offset: int) -> tuple[int, int]:
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


_NEXT_WORDS = re.compile(r"\S*(?:\s+\S+){0,2}")


def _mention_scope(text: str, mention: Mention) -> str:
    _, end = clause_span(text, mention.start)
    # 60 characters, and the words that finish what they start ("from a year | ago" is no rate)
    tail = _NEXT_WORDS.match(text, min(end, mention.end + 60))
    return scope(text[mention.end : min(end, tail.end()) if tail else end])


@functools.lru_cache(maxsize=1024)
def statement_scope(statement: str) -> str:
    """The period of the statement's own figure (its first), read like a passage's."""
    figures = _statement_figures(statement)
    return _mention_scope(statement, figures[0]) if figures else "whole"


# A statement is read once, not once per figure of every passage a rule asks about.
@functools.lru_cache(maxsize=1024)
def _statement_figures(statement: str) -> tuple[Mention, ...]:
    return tuple(m for m in extract(statement) if isinstance(m.value, Quantity))


@functools.lru_cache(maxsize=1024)
def _statement_stems(statement: str) -> frozenset[str]:
    """The stems of a statement's words ("evacuated" -> "evacuat"), to ask whether it tells a word."""
    return frozenset(word_stem(w) for w in _WORD.findall(statement.lower()))


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
    start, _ = clause_span(text, mention.start)
    return subject_hits(t, text[start : mention.end]) is None


def frames(text: str, mention: Mention) -> set[str]:
    """The frames the words around a figure put it in (its clause only)."""
    start, end = clause_span(text, mention.start)
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
    lineup …" does not give iPhone revenue). A statement without names has nothing to be far from."""
    if not t.patterns:
        return True
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
        start, end = clause_span(text, mention.start)
    if _names_all(t, text[start:end], mention.end - start):
        return _unqualified(t, text[start:end], statement)
    if start == 0 or text[start - 1] != ":":
        return False
    own = plain(text[start:end])
    if not any(p.search(own) for p in t.patterns):
        return False
    before, _ = clause_span(text, start - 1)
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


_TABLE_UNITS = frozenset(UNIT_SPELLINGS.values())


def _same_counted_noun(a: str, b: str) -> bool:
    """Counted nouns that differ by a prefix: "600 quakes" for a claim counting earthquakes."""
    return (a not in _TABLE_UNITS and b not in _TABLE_UNITS and min(len(a), len(b)) >= 5
            and (a.endswith(b) or b.endswith(a)))


def _statement_units(statement: str) -> frozenset[str]:
    return frozenset(m.value.unit for m in _statement_figures(statement)
                     if isinstance(m.value, Quantity) and m.value.unit)


def _narrows(unit: str, claim_unit: str, statement: str) -> bool:
    """Whether a figure's qualified unit ("health care transactions") is the claim's counted noun
    ("transactions") qualified as the statement's own figure is ("15 billion health care
    transactions"); "44 silver medals" is not the "126 medals" of a statement that also lists them."""
    return len(unit.split()) > 1 and unit.split()[-1] == claim_unit.split()[-1] and unit in _statement_units(statement)


def _fits(claim: Claim, mention: Mention, in_claim_unit: bool, before: str = "") -> Mention | None:
    """The mention if it is of the claim's kind and dimension, read in the claim's unit if needed.
    `before`: the passage's words before it (a scale named there: "The AQI … climbed to 448")."""
    value = mention.value
    if claim.kind == "date":
        return mention if isinstance(value, DateValue) else None
    if claim.kind != "number" or not isinstance(value, Quantity):
        return None
    if unit_dimension(value.unit) == unit_dimension(claim.unit) and (value.unit is None) == (claim.unit is None):
        return mention
    if value.unit and claim.unit and _same_counted_noun(value.unit, claim.unit):
        return dataclasses.replace(mention, value=dataclasses.replace(value, unit=claim.unit))
    if value.unit and claim.unit and _narrows(value.unit, claim.unit, claim.statement):
        # "25 billion health care transactions" for a claim counting transactions whose statement
        # says "health care transactions" too; not "44 silver medals" for a claim of all medals.
        return dataclasses.replace(mention, value=dataclasses.replace(value, unit=claim.unit))
    if value.unit is None and value.low == value.high and claim.unit in SCALE_UNITS and any(
            re.search(rf"\b{re.escape(name)}\b", before, re.IGNORECASE) for name in SCALE_UNITS[claim.unit]):
        return dataclasses.replace(mention, value=dataclasses.replace(value, unit=claim.unit))
    if in_claim_unit and value.unit is None and claim.unit is not None:
        # A pinned excerpt, or a table row under a header naming the unit: a bare figure in it is
        # read in the claim's unit.
        return dataclasses.replace(mention, value=dataclasses.replace(value, unit=claim.unit))
    return None


# --------------------------------------------------------------------------- the rules

# Units that do not say what they measure (money, shares, plain numbers; a length may be a length,
# a distance or a depth): other_measure asks the words around the figure. "14 seats", "54 deaths",
# "150 mph" name their measure themselves.
_UNNAMED_MEASURE = frozenset({"currency", "percent", "percentage-points", "ratio", "length", "area", "volume", "mass",
                              None})


@dataclass(frozen=True)
class Context:
    """One figure of a passage, with everything a rule may ask about it."""

    claim: Claim
    topic: Topic
    cand: Candidate
    frame: Frame
    statement: StatementFrame
    phrase_words: frozenset[str]
    others: tuple[tuple[Claim, Topic], ...] = ()  # the file's other claims with a canonical value

    @property
    def mention(self) -> Mention:
        return self.frame.mention

    @property
    def text(self) -> str:
        return self.cand.text


@dataclass(frozen=True)
class Rule:
    """A reason to set a figure aside: `check` returns why, or None when the rule does not apply.

    A `certain` rule found positive evidence that the figure is about something else (another
    entity, period, modifier or frame): the figure is set aside. An uncertain one only failed to
    tie the figure to the claim: a disagreeing figure is then a possible conflict, for review.
    """

    id: str
    check: Callable[[Context], str | None]
    certain: bool
    kinds: tuple[str, ...] = ("date", "number")
    pinned: bool = True  # also applies to a curator's pinned excerpt

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.check) or ""


def other_period(c: Context) -> str | None:
    """Counts over different periods: "1,000 a day" is not "7,000 over five days", nor is
    "hundreds of flights on Saturday and Sunday"."""
    here, claim = _mention_scope(c.text, c.mention), statement_scope(c.claim.statement)
    return None if here == claim else f"counts {here}, the claim counts {claim}"


def other_base(c: Context) -> str | None:
    """A share of another base: "20% of the registered electorate" is not "33.7% of the vote"."""
    return None if _same_base(c.text, c.mention, c.claim.statement) else "a share of another base than the claim's"


_SCALE_BOUND = re.compile(r"\b(?:scale|range)\s+(?:of|from|between)\s+(?:\w+|\d[\d.,]*)\s+(?:to|and)\s+\Z|"
                          r"\bout\s+of\s+\Z", re.IGNORECASE)


def scale_bound(c: Context) -> str | None:
    """The end of a scale, not a reading on it: "on a scale between zero and 500", "7 out of 10"."""
    before = c.text[max(0, c.mention.start - 40) : c.mention.start]
    return "the bound of a scale, not a reading" if _SCALE_BOUND.search(before) else None


def part_of_whole(c: Context) -> str | None:
    """The whole another figure is part of: in "411 of the 650 seats", 650 is the whole; "the losses
    were part of $1 billion in charges" (the claim's loss is inside it)."""
    before = c.text[max(0, c.mention.start - 40) : c.mention.start]
    return "the whole that another figure is a part of" if _WHOLE.search(before) else None


def earlier_when(c: Context) -> str | None:
    """An earlier time's figure: "the lowest turnout since 2001, when 59.4% voted"."""
    return "the figure of an earlier year the sentence compares with" if _EARLIER_WHEN.search(
        c.text, 0, c.mention.start) else None


def _states_margin(statement: str) -> set[str]:
    """The margin words a statement names; "won … by 80,103 votes" names a margin."""
    named = {w.lower() for w in _MARGIN_IN.findall(statement)}
    return named | {"margin", "lead", "difference", "gap"} if _WON_BY.search(statement) else named


def margin(c: Context) -> str | None:
    """A margin, dividend or fee: "a majority of 174 seats" measures the majority, not the seats; and
    the other way round, a claim that Trump "won Michigan by 80,103 votes" is not about "carried
    Wisconsin with 1,697,626 votes"."""
    before = c.text[max(0, c.mention.start - 40) : c.mention.start]
    m = _MARGIN_BEFORE.search(before)
    named = _states_margin(c.claim.statement)
    if m and m.group(1).lower() not in named:
        return f"measures a {m.group(1).lower()}, which the statement does not name"
    if _SHORT_OF.match(c.text, c.mention.end) and not named:
        return "a difference ('short of'), and the claim states a level"
    if (_WON_BY.search(c.claim.statement) and not m and not _MARGIN_IN.search(before)
            and not _BY_BEFORE.search(before)):
        return "a total, and the claim states a margin ('won … by')"
    return None


def _is_label(text: str, m: Mention) -> bool:
    """Whether a year names which event rather than dating one ("the 2024 election")."""
    if not (isinstance(m.value, DateValue) and m.value.precision == "year" and text[m.start : m.end].isdigit()):
        return False
    return bool(_LABEL_BEFORE.search(text, 0, m.start) and text[m.end : m.end + 1] == " "
                and _LABEL_AFTER.match(text, m.end + 1))


def year_label(c: Context) -> str | None:
    """A year that names an event dates that event, not the claim's: "Congress certified Trump's
    2024 election victory on Monday, Jan. 9, 2025" (2024 labels the election); "the 1998 storm".
    So does a day that labels another event than the statement's: "four years after the Jan. 6,
    2021, attack on the Capitol" (but "after the Nov. 10 evacuation" dates a claimed evacuation)."""
    if _is_label(c.text, c.mention):
        return "a year used as a label ('the 2024 election'), not the date of an event"
    if not _LABEL_BEFORE.search(c.text, 0, c.mention.start):
        return None
    noun = _LABELLED_NOUN.match(c.text, c.mention.end)
    if noun and word_stem(noun.group(1)) not in _statement_stems(c.claim.statement):
        return f"a date used as a label ('the … {noun.group(1)}'), of an event the statement does not name"
    return None


_COUNT_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}


def _years_back(phrase: str, published: datetime.date | None) -> int | None:
    """The year "last year" or "four years ago" means in an article published on `published`."""
    if published is None:
        return None
    first = phrase.lower().split()[0]
    if first == "last":
        return published.year - 1
    back = int(first) if first.isdigit() else _COUNT_WORDS.get(first)
    return None if back is None or "decade" in phrase.lower() else published.year - back


def other_time(c: Context) -> str | None:
    """A figure of another time than the statement's: "Mr. Biden won Michigan four years ago by just
    over 150,000 votes", "turnout was 66.6% in 2020" (for a claim about 2024)."""
    start, end = clause_span(c.text, c.mention.start)
    text = c.text[start:end]
    claimed = set(_YEAR.findall(c.claim.statement))
    ago = _AGO.search(text)
    if ago and not _AGO.search(c.claim.statement):
        # "at the end of last year", written in 2023, is the statement's "end of 2022".
        year = _years_back(ago.group(), c.cand.prepared.source.published)
        if year is None or str(year) not in claimed:
            return f"of another time ('{ago.group()}') than the statement's"
    mention_text = c.text[c.mention.start : c.mention.end]
    # "the highest since the 1960s", "than in 2020": a year the figure is compared with, not its own
    years = {m.group() for m in _YEAR.finditer(text) if m.group() not in mention_text
             and not _COMPARED_YEAR.search(text, max(0, m.start() - 12), m.start())}
    if claimed and years and not years & claimed:
        return f"of {', '.join(sorted(years))}, the statement is about {', '.join(sorted(claimed))}"
    return None


# "about $3 billion more than its valuation": the figure is the gap between two others
_DIFFERENCE_AFTER = re.compile(r"\s+(?:more|less|fewer|higher|lower|greater|larger|smaller|bigger)\s+than\b",
                               re.IGNORECASE)


def states_change(statement: str) -> bool:
    """Whether a statement states a change in words ("fell 3.07%"), so its direction is in the words
    and a figure written with a minus sign ("-3.07%") is compared by its size."""
    return bool(_CHANGE_IN.search(statement))


def change_not_level(c: Context) -> str | None:
    """A change is not a level: "the Conservatives lost 251 seats" is not the seats they hold; nor
    is a difference, "about $3 billion more than its valuation in the share sale".
    (A level may be the change itself, "taking $589 billion off", so it is still compared.)"""
    before = c.text[max(0, c.mention.start - 40) : c.mention.start]
    clause = c.text[clause_span(c.text, c.mention.start)[0] : c.mention.start]
    change = _CHANGE_BEFORE.search(before) or (before.endswith(" by ") and _CHANGE_IN_WORDS.search(clause))
    if change and not _CHANGE_IN.search(c.claim.statement):
        return "a change, and the claim states a level"
    if _DIFFERENCE_AFTER.match(c.text, c.mention.end) and not any(
            _DIFFERENCE_AFTER.match(c.claim.statement, m.end) for m in _statement_figures(c.claim.statement)):
        return "a difference ('… more than'), and the claim states a level"
    return None


def other_frame(c: Context) -> str | None:
    """A figure framed as an earlier period's ("$89.5 billion a year earlier"), a forecast
    ("consensus expects about $124 billion"), a request, an adjusted figure, a price or a full
    year's speaks only for a claim whose statement has the same frame."""
    extra = frames(c.text, c.mention) - statement_frames(c.claim.statement)
    return f"framed as {', '.join(sorted(extra))}, which the statement is not" if extra else None


def relative_date(c: Context) -> str | None:
    """"went on sale on Sept. 20, eight days before the quarter ended" dates the sale, not the
    quarter's end."""
    return "dates another event, from which the claim's follows" if _dates_another_event(
        c.topic, c.text, c.mention) else None


def earlier_event(c: Context) -> str | None:
    """"its first reduction since March 2020" does not date this reduction (unless the claim is
    about that earlier event: "the first dissent since 2005")."""
    if _ABOUT_EARLIER.search(c.claim.statement):
        return None
    start = clause_span(c.text, c.mention.start)[0]
    return "the date of an earlier event the sentence compares with" if _EARLIER_EVENT.search(
        c.text, start, c.mention.start) else None


def planned_date(c: Context) -> str | None:
    """The date a plan gave, not the date it happened: "the men's triathlon, scheduled for Tuesday,
    July 30, was pushed back by a day" (unless the statement is about the plan)."""
    m = _PLANNED.search(c.text, max(0, c.mention.start - 45), c.mention.start)
    if m and m.group(1).lower() not in c.claim.statement.lower():
        return f"the date a plan gave ('{m.group(1).lower()}'), not the date of the event"
    return None


_SAID_ON = re.compile(rf"\b({_SAYING})\s+(?:\w+\s+){{0,2}}?(?:on|in)\s+(?:\w+day,?\s+)?\Z", re.IGNORECASE)


def said_date(c: Context) -> str | None:
    """A date of saying, not of the event said: "'The SEC has not approved the listing …,' he wrote on
    January 9, 2024" dates the post (unless the statement is about the saying: "announced on …")."""
    m = _SAID_ON.search(c.text, max(0, c.mention.start - 40), c.mention.start)
    if m and word_stem(m.group(1)) not in _statement_stems(c.claim.statement):
        return f"the date something was {m.group(1).lower()}, not of the event"
    return None


def forecast_date(c: Context) -> str | None:
    """A date a sentence forecasts is not yet a fact: "the Army Corps of Engineers says it expects
    to reopen the full … channel by the end of May". (A date it schedules is the event's: "will
    deliver testimony on May 8".)"""
    start = clause_span(c.text, c.mention.start)[0]
    m = _FORECAST_CUE.search(c.text, start, c.mention.start)
    if m and not _FORECAST_CUE.search(c.claim.statement):
        return f"a date the sentence forecasts ('{m.group()}'), not yet a fact"
    return None


def other_occurrence(c: Context) -> str | None:
    """Another occurrence of the event: "makes a second close flyby on Dec. 5" does not date the
    first flyby the statement is about."""
    start = frames_segment(c.text, c.mention.start)[0]
    m = _OCCURRENCE.search(c.text, start, c.mention.start)
    if m and m.group(1).lower() not in c.claim.statement.lower():
        return f"dates the {m.group(1).lower()} occurrence, which the statement does not name"
    return None


def relative_clause(c: Context) -> str | None:
    """A date inside a relative clause dates that clause's own event: "the verdict caps a month-long
    trial that opened with jury selection on Oct. 3" dates the opening, not the verdict — unless the
    statement tells the same verb ("the bridge, which collapsed on March 26")."""
    start = clause_span(c.text, c.mention.start)[0]
    m = _RELATIVE.search(c.text, start, c.mention.start)
    if m is None or _NOT_ANTECEDENT.search(c.text, 0, m.start()):
        return None  # "only after that can …": a demonstrative, not a relative clause
    if any(is_claims_name(n, c.statement, c.phrase_words) for n in names_in(c.text, max(0, m.start() - 40), m.start())):
        return None  # "Artemis I, which launched in …": the clause tells of the claim's own subject
    said = _statement_stems(c.claim.statement)
    antecedent = _WORD.findall(c.text[max(0, m.start() - 30) : m.start()].lower())
    if word_stem(m.group(1)) in said or (antecedent and word_stem(antecedent[-1]) in said):
        return None  # the statement's verb, or its event ("after the evacuation that began on …")
    return f"dates what its relative clause tells ('{m.group(0).split()[0]} {m.group(1)}'), not the statement's event"


def other_ranking(c: Context) -> str | None:
    """A rank of another thing: "the second-biggest bank failure in US history" ranks failures, not
    the "16th-largest bank" a statement ranks."""
    value = c.mention.value
    if not (isinstance(value, Quantity) and value.unit == "ordinal"):
        return None
    here = _RANKED.match(c.text, c.mention.end)
    ranked = [m for m in _statement_figures(c.claim.statement)
              if isinstance(m.value, Quantity) and m.value.unit == "ordinal"]
    there = _RANKED.match(c.claim.statement, ranked[0].end) if ranked else None
    if here is None or there is None:
        return None
    a, b = here.group(1).split(), there.group(1).split()
    if word_stem(a[-1]) != word_stem(b[-1]):
        return f"ranks '{here.group(1)}', the statement ranks '{there.group(1)}'"
    return None


def other_entity(c: Context) -> str | None:
    """The figure's own segment names another entity and none of the claim's: "Brent fell 2.2% and
    WTI dropped 0.7%" (2.2% is Brent's), "hardest hit was Harris County, with 17 deaths",
    "stronger than the 1998 storm, whose winds peaked at 180 mph"; or another of a series than the
    claim's ("in Super Bowl LVIII … on Feb. 11, 2024" for a claim about Super Bowl LI)."""
    names = c.frame.names
    if c.cand.kind == "table-row" or not names:
        return None
    for n in names:
        if run := other_instance_of(n, c.statement):
            return f"its clause is about {n}, another of the series than the claim's {run}"
    if any(is_claims_name(n, c.statement, c.phrase_words) for n in names):
        return None
    return f"its clause is about {names[-1]}, not the claim's subject"


def extra_modifier(c: Context) -> str | None:
    """A modifier the statement lacks changes the measure: "insured losses of $50 billion" are not
    the storm's losses; "an average of $1.2 million" is not the total."""
    extra = c.frame.modifiers - c.statement.modifiers
    return f"measures {'/'.join(sorted(extra))} figures, which the statement does not" if extra else None


def missing_modifier(c: Context) -> str | None:
    """The statement's modifier is missing here: a claim about insured losses, a passage that just
    says "losses of $112 billion" (it may mean the total)."""
    missing = c.statement.modifiers - c.frame.modifiers
    if not missing:
        return None
    nearby = set(_WORD.findall(c.text[c.frame.segment[0] : c.frame.segment[1]].lower()))
    if any(any(s in nearby for s in MODIFIERS[m]) for m in missing):
        return None  # named elsewhere in its segment
    return f"does not say {'/'.join(sorted(missing))}, as the statement does"


def other_scale(c: Context) -> str | None:
    """A figure ten times the claim's value or more, or a tenth or less, measures something else: a
    "$10 billion" funding round is not the "$34" share price, "$784 million" raised is not the price
    either. Unless its digits are the claim's: "$1.7 million" for $1.7 billion is a slip of magnitude,
    an error to report."""
    own, here = c.claim.value, c.mention.value
    if not (isinstance(own, Quantity) and isinstance(here, Quantity)) or own.unit != here.unit:
        return None
    low, high = min(own.low, here.low), max(own.high, here.high)
    if low <= 0 or high / low < 10 or compare(here, own).outcome != "conflicts":
        return None
    ratio = here.low / own.low
    shift = 10.0 ** round(math.log10(ratio))
    moved = Quantity(here.low / shift, here.high / shift, here.unit, here.qualifier, here.step / shift)
    if compare(moved, own).outcome == "agrees":
        return None  # "nearly 47,000 containers" for 4,679: the figure moved by a power of ten
    times = f"{ratio:,.0f} times" if ratio >= 1 else f"1/{1 / ratio:,.0f} of"
    return f"{times} the claim's value, with other digits: another measure"


def sum_of_parts(c: Context) -> str | None:
    """A part of the claim's whole: in "the IPO raised $519 million for Reddit and a further $229
    million for existing shareholders", $519M and $229M add up to the claimed $748 million; "Reddit
    will sell roughly 15.3 million shares, while selling stockholders will offer the remaining 6.7
    million" add up to 22 million."""
    own, here = c.claim.value, c.mention.value
    if not (isinstance(own, Quantity) and isinstance(here, Quantity)) or here.low != here.high:
        return None
    if compare(here, own).outcome != "conflicts":
        return None
    parts = [m.value for m in c.cand.mentions if m.start != c.mention.start and isinstance(m.value, Quantity)
             and m.value.unit == here.unit and m.value.low == m.value.high and 0 < m.value.low < own.low]
    for n in (1, 2):
        for group in itertools.combinations(parts, n):
            total = here.low + sum(q.low for q in group)
            whole = Quantity(total, total, here.unit, "exact", max([here.step, *(q.step for q in group)]))
            if compare(whole, own).outcome == "agrees":
                return f"a part: with {' and '.join(format_value(q) for q in group)} it adds up to the claim's whole"
    return None


def bare_year(c: Context) -> str | None:
    """A bare year two or more years off, for a claim dated to the month or the day, more often dates
    another event than misdates the claim's: "the first social media IPO since Pinterest went public in 2019" (for a
    claim that Reddit priced its IPO on 20 March 2024); "First RepublicBank in 1988"."""
    own, here = c.claim.value, c.mention.value
    if not (isinstance(own, DateValue) and isinstance(here, DateValue)):
        return None
    if here.precision != "year" or own.precision not in ("day", "month") or compare(here, own).outcome != "conflicts":
        return None
    off = abs(here.start.year - own.start.year)
    if off < 2:
        return None  # a year off by one may be the claim's event misdated ("WaMu failed in 2009")
    return f"a bare year, {off} years off, and the claim is dated to the {own.precision}"


def as_of_date(c: Context) -> str | None:
    """"As of April 13, the bank had $104 billion in deposits": the date of a measurement, not of an
    event (unless the claim's statement is itself "as of")."""
    if re.search(r"\bas\s+of\s*\Z", c.text[max(0, c.mention.start - 8) : c.mention.start], re.IGNORECASE) and (
            "as of" not in c.claim.statement.lower()):
        return "the date a figure was measured ('as of'), not the date of an event"
    return None


def _dimension(value: Value) -> str | None:
    """What a value measures, as compare() tells it apart: only values of one dimension can agree
    (figures with no unit only with each other)."""
    if isinstance(value, DateValue):
        return "date"
    return unit_dimension(value.unit) if isinstance(value, Quantity) else "?"


_AGREEABLE: dict[int, tuple[object, dict[str | None, Sieve[tuple[Claim, Topic]]]]] = {}


def _agreeable(others: tuple[tuple[Claim, Topic], ...]) -> dict[str | None, Sieve[tuple[Claim, Topic]]]:
    """The file's valued claims by the dimension of their value, each filed by its value, computed
    once per file: a figure is tested against the claims it could agree with, found by bisection,
    not against every claim."""
    cached = _AGREEABLE.get(id(others))
    if cached is None or cached[0] is not others:
        groups: dict[str | None, list[tuple[Value, tuple[Claim, Topic]]]] = {}
        for other, t in others:
            if isinstance(other.value, (Quantity, DateValue)):
                groups.setdefault(_dimension(other.value), []).append((other.value, (other, t)))
        cached = (others, {k: Sieve(v) for k, v in groups.items()})
        _AGREEABLE.clear()  # one claims file at a time
        _AGREEABLE[id(others)] = cached
    return cached[1]


def agrees_elsewhere(c: Context) -> str | None:
    """A figure that states another claim's fact is that claim's: in "UnitedHealth raised its
    estimate to nearly $2.9B", $2.9B is the October estimate (another claim of the file, whose value
    it agrees with and whose topic the passage is on), not a contradiction of the April one."""
    own = c.claim.value
    if isinstance(own, (Quantity, DateValue)) and compare(c.mention.value, own).outcome == "agrees":
        return None
    sieve = _agreeable(c.others).get(_dimension(c.mention.value))
    for other, t in sieve.near(c.mention.value) if sieve is not None else ():
        if other.id == c.claim.id or other.kind != c.claim.kind or not isinstance(other.value, (Quantity, DateValue)):
            continue
        if not may_agree(c.mention.value, other.value):
            continue  # far apart: the tests below would say so, slowly
        if _fits(other, c.mention, False, c.text[max(0, c.mention.start - 300) : c.mention.start]) is None:
            continue
        if compare(c.mention.value, other.value).outcome != "agrees":
            continue
        if is_about(t, c.text, c.cand.header, c.cand.kind == "table-row"):
            return f"agrees with claim '{other.id}', whose fact it states"
    return None


def other_measure(c: Context) -> str | None:
    """The words around the figure share nothing with the claim's statement: "$42 billion was
    withdrawn" is not the bank's "$175 billion in deposits"; "received an update on Dec. 7" does not
    date the recall's announcement."""
    named = c.claim.kind == "number" and unit_dimension(c.claim.unit) not in _UNNAMED_MEASURE
    if c.cand.kind == "table-row" or named:
        return None  # a row's measure is its column's
    here, claim = c.frame.measure, c.statement.measure
    if c.claim.kind == "date":
        # The event a date dates is told before it ("leaves the orbit on Dec. 1, makes a second flyby
        # on Dec. 5"), back to the date before; or after it, where the date opens the sentence.
        if _opens_sentence(c.text, c.mention):
            # "In October, the firm said the attack had exposed …": what was said is not what happened then.
            said = _SAID.search(c.text, c.mention.end)
            here = here | segment_words(c.text, 0, said.start() if said else len(c.text))
        else:
            # Back to the date before, which dates its own event; a year that labels a noun ("Trump's
            # 2024 election victory on Monday, Jan. 9") or another figure ("rebounded 8.9% on Jan. 21")
            # does not end it.
            lo = max([c.frame.segment[0]] + [m.end for m in c.cand.mentions if isinstance(m.value, DateValue)
                                             and m.end <= c.mention.start and not _is_label(c.text, m)])
            told = segment_words(c.text, lo, c.mention.start)
            here = here | (told or segment_words(c.text, c.mention.end, c.frame.between[1]))
    if not here or not claim or here & claim:
        return None
    return f"measures '{' '.join(sorted(here))}', the statement '{' '.join(sorted(claim))}'"


_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;:]|\b(?:and|but|while))\s*(?:it|they|he|she)\s+\w+", re.IGNORECASE)
_OPENING_NAME = re.compile(r"\W*(?:(?:The|A|An)\s+)?([A-Z][\w’'&.-]*(?:\s+(?:of\s+|de\s+|des\s+)?[A-Z][\w’'&.-]*)*)")


def _previous_subject(c: Context) -> tuple[str, ...]:
    """The names the sentence before the passage opens with (its subject), if any."""
    prep = c.cand.prepared
    index = prep.passage_at(c.cand.start)
    if not index:
        return ()
    before = prep.passages[index - 1]
    if before.kind == "table-row":
        return ()
    m = _OPENING_NAME.match(before.text)  # "Signature Bank reported …": a name that opens it
    if m is None:
        return ()
    name = m.group(1)
    if " " not in name and name not in prep.proper and not name.isupper():
        return ()  # "Investigators said …": a capitalised first word, not a name
    return (name,)


def pronoun_subject(c: Context) -> str | None:
    """A figure whose clause has only a pronoun for its subject belongs to the subject of the
    sentence before: "Signature Bank … was closed on Sunday. As of Dec. 31, it had approximately
    $110.36 billion in assets" gives Signature's assets, not SVB's."""
    if c.cand.kind == "table-row" or c.cand.pinned or c.frame.names:
        return None
    start, _ = clause_span(c.text, c.mention.start)
    if not _PRONOUN_SUBJECT.search(c.text[start : c.mention.start]):
        return None
    names = _previous_subject(c)
    if not names or any(is_claims_name(n, c.statement, c.phrase_words) for n in names):
        return None
    return f"its subject is a pronoun, and the sentence before is about {names[0]}"


_OWNER = re.compile(r"(?:\b(?P<a>[a-z][a-z-]+)\s+and\s+(?:its|their)|\bthe\s+(?P<b>[a-z][a-z-]+)['’]s)"
                    r"\s+(?:[a-z-]+\s+)?\Z")


def other_owner(c: Context) -> str | None:
    """The figure belongs to a thing its clause names and the statement does not: "won the pivotal
    battleground and its 19 electoral votes", "the state's 10 electoral votes" (a claim about the
    national total)."""
    m = _OWNER.search(c.text, max(0, c.mention.start - 60), c.mention.start)
    if m is None:
        return None
    owner = m.group("a") or m.group("b")
    if word_stem(owner) in _statement_stems(c.claim.statement):
        return None
    return f"belongs to the {owner}, which the statement does not name"


def subject_not_in_clause(c: Context) -> str | None:
    """The figure's own clause does not name the claim's whole subject: "V3 required 2,788,000
    GPU-hours…; the shift to Ascend for V4-Pro…" says nothing of V4-Pro's GPU-hours."""
    if c.cand.kind == "table-row":
        first = min(h[0] for h in c.cand.hits) if c.cand.hits else 0
        return None if c.mention.start > first else "comes before the name of its table row"
    return None if _names_subject(c.topic, c.text, c.mention, c.claim.statement) else (
        "its clause does not name the claim's subject")


def far_from_subject(c: Context) -> str | None:
    """More than NEAR_WORDS words from any name of the subject: a long sentence packs several facts
    ("Apple … reported revenue of $94.93 billion …, as demand for the iPhone 16 lineup …")."""
    if c.cand.kind == "table-row" or _opens_sentence(c.text, c.mention) or _near_subject(c.topic, c.text, c.mention):
        return None
    return f"more than {NEAR_WORDS} words from the claim's subject"


# Tried in order; the first that applies sets the figure aside. Certain rules come first, so a
# figure set aside for review had no positive sign of being about something else.
RULES: tuple[Rule, ...] = (
    Rule("other_period", other_period, True, ("number",)),
    Rule("other_base", other_base, True, ("number",)),
    Rule("part_of_whole", part_of_whole, True, ("number",)),
    Rule("scale_bound", scale_bound, True, ("number",)),
    Rule("earlier_when", earlier_when, True, ("number",)),
    Rule("margin", margin, True, ("number",)),
    Rule("other_time", other_time, True, ("number",), pinned=False),
    Rule("change_not_level", change_not_level, True, ("number",)),
    Rule("other_frame", other_frame, True, ("number",)),
    Rule("relative_date", relative_date, True, ("date",)),
    Rule("year_label", year_label, True, ("date",), pinned=False),
    Rule("planned_date", planned_date, True, ("date",), pinned=False),
    Rule("said_date", said_date, True, ("date",), pinned=False),
    Rule("other_occurrence", other_occurrence, True, ("date",), pinned=False),
    Rule("other_ranking", other_ranking, True, ("number",), pinned=False),
    Rule("earlier_event", earlier_event, True, ("date",)),
    Rule("as_of_date", as_of_date, True, ("date",), pinned=False),
    Rule("other_entity", other_entity, True, pinned=False),
    Rule("extra_modifier", extra_modifier, True, ("number",), pinned=False),
    Rule("agrees_elsewhere", agrees_elsewhere, True, pinned=False),
    Rule("sum_of_parts", sum_of_parts, True, ("number",), pinned=False),
    Rule("other_scale", other_scale, True, ("number",), pinned=False),
    Rule("missing_modifier", missing_modifier, False, ("number",), pinned=False),
    Rule("other_measure", other_measure, False, pinned=False),
    Rule("relative_clause", relative_clause, False, ("date",), pinned=False),
    Rule("forecast_date", forecast_date, False, ("date",), pinned=False),
    Rule("bare_year", bare_year, False, ("date",), pinned=False),
    Rule("pronoun_subject", pronoun_subject, False, pinned=False),
    Rule("other_owner", other_owner, False, ("number",), pinned=False),
    Rule("subject_not_in_clause", subject_not_in_clause, False, pinned=False),
    Rule("far_from_subject", far_from_subject, False, pinned=False),
)


@dataclass(frozen=True)
class Reading:
    """One figure of the claim's kind and unit in a passage, and whether it speaks for the claim."""

    mention: Mention
    rule: Rule | None = None  # the rule that set it aside; None: it speaks for the claim
    reason: str = ""

    @property
    def attributed(self) -> bool:
        return self.rule is None

    @property
    def set_aside(self) -> bool:
        """Set aside with certainty: not evidence about the claim at all."""
        return self.rule is not None and self.rule.certain


@functools.lru_cache(maxsize=1024)
def _statement(claim: Claim) -> tuple[StatementFrame, frozenset[str]]:
    phrase_words = frozenset(w for p in claim.match for w in re.findall(r"[a-z0-9]+", p.lower())
                             if len(w) >= 2 and w not in GENERIC_NAME_WORDS)
    return statement_frame(" ".join((claim.statement, *claim.match))), phrase_words


def readings(claim: Claim, t: Topic, cand: Candidate, others: tuple[tuple[Claim, Topic], ...] = ()) -> list[Reading]:
    """Every figure of the claim's kind and unit in the passage, each with the first rule of RULES
    that sets it aside (or none). `others`: the other claims of the file, with their topics."""
    in_claim_unit = cand.pinned or _header_names_unit(cand, claim)
    statement, phrase_words = _statement(claim)
    frames = (cand.prepared.frames(cand.passage) if cand.passage is not None
              else passage_frames(cand.text, cand.mentions, cand.prepared.proper))
    frames_by_start = {f.mention.start: f for f in frames}
    out = []
    for m in cand.mentions:
        fitted = _fits(claim, m, in_claim_unit, cand.text[max(0, m.start - 300) : m.start])
        if fitted is None:
            continue
        frame = dataclasses.replace(frames_by_start[m.start], mention=fitted)
        source = frame.converts
        if (source is not None and isinstance(source.value, Quantity) and isinstance(fitted.value, Quantity)
                and source.value.qualifier != "exact" and fitted.value.qualifier == "exact"):
            # "more than 10 million hectares (24.7 million acres)": the conversion keeps the bound
            bounded = dataclasses.replace(fitted.value, qualifier=source.value.qualifier)
            fitted = dataclasses.replace(fitted, value=bounded)
            frame = dataclasses.replace(frame, mention=fitted)
        ctx = Context(claim, t, cand, frame, statement, phrase_words, others)
        for rule in RULES:
            if claim.kind not in rule.kinds or (cand.pinned and not rule.pinned):
                continue
            reason = rule.check(ctx)
            if reason:
                out.append(Reading(fitted, rule, reason))
                break
        else:
            out.append(Reading(fitted))
    return out
