"""Find the passages of all sources that speak about a claim.

A passage is about a claim when it names the claim's subject: every `match` phrase of the claim
(`a|b` for alternatives) or, without `match`, every name in the statement (capitalised words and
identifiers such as V4-Pro). Sharing words is not enough — a sentence about V3's GPU-hours does not
name V4-Pro. rapidfuzz then scores how close the passage is to the statement, to rank findings.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from factcheck.claims import Claim
from factcheck.textnorm import fold, plain

# Capitalised words that open sentences or are too common to name a subject.
_COMMON = frozenset(
    "a an the this that these those it its in on at of for to by with from and or but as is are was were "
    "be been has have had not no reports report according some many most all any each every one two "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_NAME = re.compile(r"[A-Za-z0-9][\w'’.-]*[\w]|[A-Z0-9]")
_DIGITS_ONLY = re.compile(r"^[\d.,]+$")


@dataclass(frozen=True)
class Topic:
    """A claim's subject, compiled once: one pattern per required phrase."""

    claim: str
    phrases: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    needles: tuple[tuple[str, ...], ...]  # per phrase, a lower-case word each alternative must contain
    statement: str  # folded, for fuzzy scoring


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    alternatives = []
    for alt in plain(phrase).split("|"):
        words = re.split(r"[\s-]+", alt.strip())
        body = r"[\s-]*".join(re.escape(w) for w in words if w)
        # Left edge: not inside a word, except where table cells are glued ("2024Pre-training").
        # Right edge: not followed by a lower-case letter or digit (a capital starts a glued cell).
        # An inflected form counts: "Conservative" finds "Conservatives" and "Conservatives'".
        alternatives.append(rf"(?:(?<![A-Za-z0-9])|(?<=[a-z0-9])(?=[A-Z]))(?i:{body}(?:e?s)?)(?![a-z0-9])")
    return re.compile("|".join(alternatives))


def subject_names(statement: str) -> tuple[str, ...]:
    """The names in a statement: capitalised words and letter-digit identifiers, not figures."""
    names: list[str] = []
    for word in _NAME.findall(plain(statement)):
        word = word.rstrip(".'")
        if (word.lower() in _COMMON or _DIGITS_ONLY.match(word)
                or not (word[0].isupper() or any(c.isdigit() for c in word))):
            continue
        if word not in names:
            names.append(word)
    return tuple(names)


def _needles(phrase: str) -> tuple[str, ...]:
    return tuple(max(re.split(r"[\s-]+", alt.strip().lower()), key=len) for alt in plain(phrase).split("|"))


def topic(claim: Claim) -> Topic:
    phrases = claim.match or subject_names(claim.statement)
    return Topic(claim.id, phrases, tuple(_phrase_pattern(p) for p in phrases),
                 tuple(_needles(p) for p in phrases), fold(claim.statement).text)


def subject_hits(topic: Topic, text: str, haystack: str | None = None) -> list[tuple[int, int]] | None:
    """Spans in `text` of each required phrase (first occurrence), or None if one is missing.

    `haystack` is plain(text) when the caller has it already (passages are matched per claim)."""
    haystack = plain(text) if haystack is None else haystack
    lower = haystack.lower()
    # A substring test per phrase rules out most passages before any regex runs.
    if not all(any(n in lower for n in needles) for needles in topic.needles):
        return None
    hits = []
    for pattern in topic.patterns:
        m = pattern.search(haystack)
        if m is None:
            return None
        hits.append(m.span())
    return hits


def row_hits(topic: Topic, row: str, header: str) -> list[tuple[int, int]] | None:
    """Like subject_hits for a table row, whose column names sit in the table's header row.

    The row itself must name part of the subject ("H100"); the rest may be a column name ("TFLOPS").
    """
    haystack, names = plain(row), plain(header)
    hits = []
    for pattern in topic.patterns:
        m = pattern.search(haystack)
        if m is not None:
            hits.append(m.span())
        elif not pattern.search(names):
            return None
    return hits or None


def relevance(topic: Topic, text: str) -> float:
    """0..100: how close a passage reads to the claim's statement."""
    return round(fuzz.token_set_ratio(topic.statement, _folded(text)), 1)


@functools.lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    # One passage is scored against many claims: fold it once.
    return fold(text).text
