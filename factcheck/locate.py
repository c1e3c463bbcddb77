"""Find a curator's excerpt in its source: tolerant of typography, strict on figures.

Both sides are folded (quotes, dashes, whitespace, case); `...` in the excerpt stands for omitted
words. Each piece is first looked up verbatim, then aligned with rapidfuzz. An aligned passage
whose figures differ from the excerpt's ("10,000" against "1,000") is a misquote however high the
fuzzy score: a fact-checker's quote is exact on numbers and dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from factcheck.textnorm import ELLIPSIS, Folded, fold

MIN_SCORE = 85.0  # below this the closest passage is reported, not accepted
MAX_GAP = 600  # folded characters an ellipsis may skip
EDGE_TOKENS = 3  # extra source words kept around a fuzzy alignment, so a figure cut at its edge is seen

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|[$€£¥%~+]")
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion trillions "
    "dozen dozens half quarter percent k m b t bn mn"
).split()
FIGURE_WORDS = frozenset(_MONTHS + _NUMBER_WORDS)


@dataclass(frozen=True)
class FigureChange:
    """A figure the excerpt writes differently from the source ("" where one side has none)."""

    excerpt: str
    source: str


@dataclass(frozen=True)
class Location:
    """Where an excerpt was found (or came closest) in a source body."""

    status: str  # "found" | "misquote" | "not-found"
    start: int  # offsets in the original body
    end: int
    score: float  # 0..100, length-weighted over the excerpt's pieces
    exact: bool  # identical to the source after typographic folding
    changes: tuple[FigureChange, ...] = ()


def _is_figure(token: str) -> bool:
    return token[0].isdigit() or token in FIGURE_WORDS or token in "$€£¥%"


def _figure_key(token: str) -> str:
    # "1,000" and "1000" are one figure typed two ways; "1,000" and "1.000" are not.
    return re.sub(r"(?<=\d),(?=\d{3})", "", token)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def figure_changes(excerpt: str, passage: str) -> tuple[FigureChange, ...]:
    """Figures that differ between an excerpt and the passage it aligns with (both folded).

    The passage may run a few words past the excerpt at either end (the alignment is widened so
    that a figure at its edge is not cut); only as many of those edge words as the excerpt itself
    has there take part in the comparison.
    """
    a, b = _tokens(excerpt), _tokens(passage)
    hunks: list[tuple[list[str], list[str], str]] = []  # (ours, theirs, place)
    ours: list[str] = []
    theirs: list[str] = []
    seen_equal = False
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            if ours or theirs:
                hunks.append((ours, theirs, "middle" if seen_equal else "leading"))
            ours, theirs, seen_equal = [], [], True
        else:
            ours += a[op.src_start : op.src_end]
            theirs += b[op.dest_start : op.dest_end]
    if ours or theirs:
        hunks.append((ours, theirs, "trailing" if seen_equal else "whole"))
    changes: list[FigureChange] = []
    for ours, theirs, place in hunks:
        if place == "leading":
            theirs = theirs[len(theirs) - len(ours) :] if ours else []
        elif place == "trailing":
            theirs = theirs[: len(ours)]
        mine = [t for t in ours if _is_figure(t)]
        other = [t for t in theirs if _is_figure(t)]
        if [_figure_key(t) for t in mine] != [_figure_key(t) for t in other]:
            changes.append(FigureChange(" ".join(mine), " ".join(other)))
    return tuple(changes)


def _widen(text: str, start: int, end: int, words: int) -> tuple[int, int]:
    """Grow [start, end) to whole words plus `words` more on each side."""
    for _ in range(words + 1):
        start = text.rfind(" ", 0, max(start - 1, 0)) + 1 if start > 0 else 0
    for _ in range(words + 1):
        nxt = text.find(" ", end + 1 if end < len(text) and text[end] == " " else end)
        end = len(text) if nxt < 0 else nxt
    return start, end


def locate(excerpt: str, body: Folded, min_score: float = MIN_SCORE) -> Location:
    """Locate `excerpt` in a folded source body."""
    pieces = [p for p in ELLIPSIS.split(fold(excerpt).text) if p.strip(" .")]
    if not pieces:
        return Location("not-found", 0, 0, 0.0, False)
    text = body.text
    cursor, first_start = 0, -1
    total = weighted = 0.0
    exact = True
    changes: list[FigureChange] = []
    for number, piece in enumerate(pieces):
        limit = len(text) if number == 0 else min(len(text), cursor + MAX_GAP + len(piece))
        hit = text.find(piece, cursor, limit)
        if hit >= 0:
            start, end, score = hit, hit + len(piece), 100.0
        else:
            exact = False
            found = fuzz.partial_ratio_alignment(piece, text[cursor:limit])
            if found is None:
                return Location("not-found", *body.span(cursor, cursor), 0.0, False)
            start, end, score = cursor + found.dest_start, cursor + found.dest_end, found.score
            wide_start, wide_end = _widen(text, start, end, EDGE_TOKENS)
            changes.extend(figure_changes(piece, text[wide_start:wide_end]))
        if first_start < 0:
            first_start = start
        total += len(piece)
        weighted += score * len(piece)
        if score < min_score:
            orig = body.span(start, end)
            return Location("not-found", orig[0], orig[1], round(weighted / total, 1), False)
        cursor = end
    orig_start, _ = body.span(first_start, first_start + 1)
    _, orig_end = body.span(cursor - 1, cursor)
    status = "misquote" if changes else "found"
    return Location(status, orig_start, orig_end, round(weighted / total, 1), exact, tuple(changes))
