"""Decide whether two values agree, conflict or cannot be compared, the way a careful editor would.

Each rule is one small function encoding one editorial convention.  compare() tries them in
order; the first that returns a Comparison decides, and its name is reported.  Every rule is
symmetric in its outcome, so compare(a, b).outcome == compare(b, a).outcome.

Tolerances (documented once here):
* rounding: an exact figure stands for anything that rounds to it at its stated step, so two
  exact figures agree when their gap is at most half the coarser step ("$5.576 million" vs
  "$5.6 million" agree; vs "$5.5 million" conflict: 5.576 rounds to 5.6, not 5.5).
* approximation: "about", "roughly", "~" grant one stated step or 5% of the figure, whichever is
  larger ("roughly $5.5 million" agrees with "$5.576 million").
* bounds: "at least X"/"more than X" are half-lines; they agree with anything that reaches them
  after the other side's own rounding/approximation allowance.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from factcheck.values import (
    DateValue,
    Quantity,
    Value,
    date_span,
    format_value,
    unit_dimension,
    unit_factor,
    unit_offset,
)

__all__ = ["RULES", "Comparison", "Sieve", "compare", "may_agree", "slip"]

_APPROX_SHARE = 0.05  # "about" allows 5% (or one stated step, if larger)
# ... but never more than a quarter of the figure: "nearly $1 trillion" is stated to one digit, yet
# an editor would not let it stand for $589 billion.
_MAX_SHARE = 0.25
_EPS = 1e-9  # relative slack against binary floating-point noise


@dataclass(frozen=True)
class Comparison:
    outcome: str  # "agrees" | "conflicts" | "incomparable"
    rule: str  # name of the rule that decided
    reason: str  # one readable sentence


def _agrees(rule: str, reason: str) -> Comparison:
    return Comparison("agrees", rule, reason)


def _conflicts(rule: str, reason: str) -> Comparison:
    return Comparison("conflicts", rule, reason)


# ------------------------------------------------------------------ rules for any pair


def different_kinds(a: Value, b: Value) -> Comparison | None:
    """A date and a figure are about different things: never a conflict."""
    if isinstance(a, DateValue) != isinstance(b, DateValue):
        return Comparison("incomparable", "different_kinds",
                          f"{format_value(a)} and {format_value(b)} are a date and a figure")
    return None


def identical(a: Value, b: Value) -> Comparison | None:
    """The same value written twice agrees with itself."""
    if a == b:
        return _agrees("identical", f"both say {format_value(a)}")
    return None


# ------------------------------------------------------------------ dates

_WIDEN_DAYS = {"day": 3, "month": 31, "quarter": 92, "part-year": 92, "half": 92, "year": 183,
               "decade": 730}


def _date_interval(d: DateValue) -> tuple[datetime.date, datetime.date]:
    """Interval a date claims; "around X" is widened by about one unit of its precision."""
    if d.qualifier != "approximate":
        return date_span(d)
    pad = datetime.timedelta(days=_WIDEN_DAYS.get(d.precision, 31))
    start = d.start - pad if d.start > datetime.date.min + pad else datetime.date.min
    end = d.end + pad if d.end < datetime.date.max - pad else datetime.date.max
    return start, end


def _overlap(a: DateValue, b: DateValue) -> bool:
    a0, a1 = _date_interval(a)
    b0, b1 = _date_interval(b)
    return a0 <= b1 and b0 <= a1


def since_dates(a: Value, b: Value) -> Comparison | None:
    """Two "since X" say when one state began: they agree only if their start dates do
    ("export-controlled since Oct 2024" vs "since Oct 2023" conflict)."""
    if not (isinstance(a, DateValue) and isinstance(b, DateValue)):
        return None
    if a.qualifier != "since" or b.qualifier != "since":
        return None
    if a.start <= b.end and b.start <= a.end:
        return _agrees("since_dates", f"{format_value(a)} and {format_value(b)} start together")
    return _conflicts("since_dates", f"{format_value(a)} and {format_value(b)} start at different times")


def date_bound(a: Value, b: Value) -> Comparison | None:
    """"Before 2024" / "after X" / "by X" / "since X" are open-ended: they agree with any date on
    their side ("held since July 2023" allows a cut in September 2024)."""
    if not (isinstance(a, DateValue) and isinstance(b, DateValue)):
        return None
    open_ended = ("before", "after", "since")
    if a.qualifier not in open_ended and b.qualifier not in open_ended:
        return None
    if _overlap(a, b):
        return _agrees("date_bound", f"{format_value(a)} is compatible with {format_value(b)}")
    return _conflicts("date_bound", f"{format_value(a)} excludes {format_value(b)}")


def overlapping_intervals(a: Value, b: Value) -> Comparison | None:
    """Dates are intervals at the writer's precision: "2025" agrees with "August 2025", and
    "mid-2025" with "August 2025", but one month never agrees with a different month."""
    if not (isinstance(a, DateValue) and isinstance(b, DateValue)):
        return None
    if _overlap(a, b):
        return _agrees("overlapping_intervals",
                       f"{format_value(a)} ({a.precision}) overlaps {format_value(b)} "
                       f"({b.precision})")
    return _conflicts("overlapping_intervals",
                      f"{format_value(a)} ({a.precision}) lies outside {format_value(b)} "
                      f"({b.precision})")


# ------------------------------------------------------------------ figures


def different_dimensions(a: Value, b: Value) -> Comparison | None:
    """Chips are not parameters, and a bare number is not "1,000 chips": that is a question
    of what was counted, never a conflict."""
    if not (isinstance(a, Quantity) and isinstance(b, Quantity)):
        return None
    da, db = unit_dimension(a.unit), unit_dimension(b.unit)
    if a.unit is None and b.unit is None:
        return None
    if da is None or db is None or da != db:
        return Comparison("incomparable", "different_dimensions",
                          f"{format_value(a)} and {format_value(b)} measure different things")
    return None


def different_currencies(a: Value, b: Value) -> Comparison | None:
    """Amounts in different currencies depend on an exchange rate and date: not comparable."""
    if not (isinstance(a, Quantity) and isinstance(b, Quantity)):
        return None
    if unit_dimension(a.unit) == "currency" and a.unit != b.unit:
        return Comparison("incomparable", "different_currencies",
                          f"{format_value(a)} and {format_value(b)} are in different currencies")
    return None


@dataclass(frozen=True)
class _Span:
    """A figure in base units: [low, high] plus the allowance its wording grants."""

    low: float
    high: float
    step: float
    allowance: float


def _span(q: Quantity) -> _Span:
    f, off = unit_factor(q.unit), unit_offset(q.unit)
    low, high, step = (q.low + off) * f, (q.high + off) * f, q.step * f
    allowance = 0.0
    if q.qualifier == "approximate":
        allowance = max(step, _APPROX_SHARE * max(abs(low), abs(high)))
    return _Span(low, high, step, allowance)


def _gap(a: _Span, b: _Span) -> float:
    return max(0.0, a.low - b.high, b.low - a.high)


def _fits(gap: float, allowed: float, scale: float) -> bool:
    return gap <= allowed + _EPS * max(1.0, scale)


_LOWER = {"at_least", "more_than"}
_UPPER = {"at_most", "less_than"}
_STRICT = {"more_than", "less_than"}


def _meets_bound(bound: Quantity, other: Quantity) -> bool:
    b, o = _span(bound), _span(other)
    slack = o.allowance + o.step / 2
    scale = max(abs(b.low), abs(o.high), abs(o.low))
    # how far the other side reaches past the bound, after its own allowance
    reach = o.high + slack - b.low if bound.qualifier in _LOWER else b.low - (o.low - slack)
    if bound.qualifier in _STRICT:
        return reach > -_EPS * max(1.0, scale) and (reach > 0 or slack > 0)
    return reach >= -_EPS * max(1.0, scale)


def respects_bound(a: Value, b: Value) -> Comparison | None:
    """"At least 1,000" agrees with "a thousand" and "1,200" but not with "hundreds"; two
    bounds agree unless they exclude each other ("over 32T" and "exceeding 32T" agree)."""
    if not (isinstance(a, Quantity) and isinstance(b, Quantity)):
        return None
    a_bound = a.qualifier in _LOWER | _UPPER
    b_bound = b.qualifier in _LOWER | _UPPER
    if not (a_bound or b_bound):
        return None
    if a_bound and b_bound:
        if (a.qualifier in _LOWER) == (b.qualifier in _LOWER):
            ok = True  # two half-lines pointing the same way always share a tail
        else:
            lower, upper = (a, b) if a.qualifier in _LOWER else (b, a)
            lo, hi = _span(lower).low, _span(upper).low
            strict = lower.qualifier in _STRICT or upper.qualifier in _STRICT
            ok = lo < hi if strict else _fits(lo - hi, 0.0, max(abs(lo), abs(hi)))
    else:
        bound, other = (a, b) if a_bound else (b, a)
        ok = _meets_bound(bound, other)
    if ok:
        return _agrees("respects_bound", f"{format_value(a)} is consistent with {format_value(b)}")
    return _conflicts("respects_bound", f"{format_value(a)} excludes {format_value(b)}")


def within_approximation(a: Value, b: Value) -> Comparison | None:
    """"About X" allows one stated step or 5%: "roughly $5.5 million" agrees with $5.576M."""
    if not (isinstance(a, Quantity) and isinstance(b, Quantity)):
        return None
    if "approximate" not in (a.qualifier, b.qualifier):
        return None
    sa, sb = _span(a), _span(b)
    scale = max(abs(sa.high), abs(sb.high))
    allowed = min(sa.allowance + sb.allowance + max(sa.step, sb.step) / 2, _MAX_SHARE * scale)
    gap = _gap(sa, sb)
    if _fits(gap, allowed, scale):
        return _agrees("within_approximation",
                       f"{format_value(a)} and {format_value(b)} are within the stated "
                       "approximation")
    return _conflicts("within_approximation",
                      f"{format_value(a)} and {format_value(b)} differ by more than an "
                      "approximation allows")


def rounds_to_stated_precision(a: Value, b: Value) -> Comparison | None:
    """A precise figure agrees with a rounded one when it rounds to it at the rounded one's
    stated precision: "$5.576 million" ~ "$5.6 million"; "2,788,000" ~ "2.788 million"."""
    if not (isinstance(a, Quantity) and isinstance(b, Quantity)):
        return None
    sa, sb = _span(a), _span(b)
    step = max(sa.step, sb.step)
    scale = max(abs(sa.high), abs(sb.high))
    gap = _gap(sa, sb)
    # A quarter of the smaller figure: "2%" is not a rounded 1.5% fee (a third of it away).
    if _fits(gap, min(step / 2, _MAX_SHARE * min(abs(sa.high), abs(sb.high))), scale):
        return _agrees("rounds_to_stated_precision",
                       f"{format_value(a)} and {format_value(b)} agree at a precision of "
                       f"{_fmt_step(step)}")
    return _conflicts("rounds_to_stated_precision",
                      f"{format_value(a)} does not round to {format_value(b)} at a precision of "
                      f"{_fmt_step(step)}")


def _fmt_step(step: float) -> str:
    return f"{step:,.0f}" if step >= 1 else f"{step:g}"


Rule = Callable[[Value, Value], "Comparison | None"]

RULES: tuple[Rule, ...] = (
    different_kinds,
    identical,
    since_dates,
    date_bound,
    overlapping_intervals,
    different_dimensions,
    different_currencies,
    respects_bound,
    within_approximation,
    rounds_to_stated_precision,
)


@functools.lru_cache(maxsize=65536)  # pure; one figure is compared with many claims, and again per claim
def compare(a: Value, b: Value) -> Comparison:
    """Compare two values; the outcome is symmetric in (a, b)."""
    for rule in RULES:
        result = rule(a, b)
        if result is not None:
            return result
    return Comparison("incomparable", "no_rule", "no rule applies to these values")


# ------------------------------------------------------------------ a quick test


def may_agree(a: Value, b: Value) -> bool:
    """False only where compare(a, b) cannot agree — a test cheap enough to run against every claim
    of a file before the real comparison. Two dates agree only where their intervals (widened for
    "around", open for "since"/"before") overlap; two figures that are not bounds only within a
    quarter of the larger (within_approximation and rounds_to_stated_precision never allow more).
    Bounds and figures of other dimensions are left to compare()."""
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return _overlap(a, b)  # every rule that lets dates agree asks this first
    if not (isinstance(a, Quantity) and isinstance(b, Quantity)):
        return True
    if a.qualifier in _LOWER | _UPPER or b.qualifier in _LOWER | _UPPER:
        return True
    if unit_dimension(a.unit) != unit_dimension(b.unit):
        return True  # compare() says incomparable; no need to be quick about it
    sa, sb = _span(a), _span(b)
    scale = max(abs(sa.low), abs(sa.high), abs(sb.low), abs(sb.high))
    return _gap(sa, sb) <= 0.3 * scale + 1e-6 * max(1.0, scale)  # 0.3 > _MAX_SHARE: room for rounding


T = TypeVar("T")

_LONGEST_DATE = 800  # days: a longer date interval ("since 2019", "the 2010s") is asked of every query


class Sieve(Generic[T]):
    """Items filed by a value, asked for those whose value may agree with another: every item
    whose value compare() could find agreeing is returned (a superset of may_agree's), in filing
    order, found by bisection instead of a test against every item.

    >>> s = Sieve([(Quantity(5.0, 5.0, "USD"), "five"), (Quantity(9.0, 9.0, "USD"), "nine")])
    >>> s.near(Quantity(4.9, 4.9, "USD"))
    ['five']

    Point figures above zero and bounded dates are filed by position; bounds, ranges, figures at
    or below zero and open dates go to every query, which may_agree and compare() then decide."""

    def __init__(self, entries: Iterable[tuple[Value, T]]) -> None:
        self._items: list[T] = []
        self._loose: list[int] = []  # asked of every query
        figures: list[tuple[float, int]] = []
        # Dates by the length of their interval (a day, a month, a year …), each group searched back
        # from the query by its own longest: a year's claims do not widen the search for a day's.
        dates: dict[int, list[tuple[int, int]]] = {}
        self._reach: dict[int, int] = {}
        for position, (value, item) in enumerate(entries):
            self._items.append(item)
            if isinstance(value, DateValue):
                lo, hi = _date_interval(value)
                length = (hi - lo).days
                if length <= _LONGEST_DATE:
                    dates.setdefault(length.bit_length(), []).append((lo.toordinal(), position))
                    self._reach[length.bit_length()] = max(self._reach.get(length.bit_length(), 0), length)
                    continue
            elif value.qualifier in ("exact", "approximate") and value.low == value.high and _span(value).low > 0:
                figures.append((_span(value).low, position))
                continue
            self._loose.append(position)
        self._figures = sorted(figures)
        self._dates = {group: sorted(filed) for group, filed in dates.items()}

    def near(self, value: Value) -> list[T]:
        if isinstance(value, DateValue):
            lo, hi = _date_interval(value)
            # a filed interval that overlaps [lo, hi] starts at most its length before lo
            found = [position for group, filed in self._dates.items()
                     for position in _window(filed, lo.toordinal() - self._reach[group], hi.toordinal())]
        elif value.qualifier in ("exact", "approximate") and _span(value).low > 0:
            s = _span(value)
            # may_agree: gap <= 0.3 * scale (+ slack); below, low - v <= 0.3 * high; above, v - high <= 0.3 * v
            found = _window(self._figures, s.low - 0.3 * s.high - 2e-6 * max(1.0, s.high),
                            (s.high + 2e-6) / (0.7 - 2e-6))
        else:
            found = [position for _, position in self._figures] + [
                position for filed in self._dates.values() for _, position in filed]
        return [self._items[i] for i in sorted([*found, *self._loose])]


def _window(keyed: list[tuple[float, int]] | list[tuple[int, int]], low: float, high: float) -> list[int]:
    start = bisect.bisect_left(keyed, (low, -math.inf))
    end = bisect.bisect_right(keyed, (high, math.inf))
    return [position for _, position in keyed[start:end]]


# ------------------------------------------------------------------ a cue, not a rule

_SLIP_DIGITS = 3  # shorter figures differ by one digit all the time (11 and 12 ETFs, 19 and 21 years)


def _digits(q: Quantity, step: float) -> str:
    return str(round(q.low / step))


def slip(found: Value, claimed: Value) -> str | None:
    """How a disagreeing value reads as a typing slip of the claim's, or None.

    The slips editors know: in a figure of three or more significant digits, one digit changed or
    two swapped ("$227 billion" for $277 billion, 61,926 for 61,629, "$157 billion" for $175.4
    billion read at the coarser step); in a date to the day, the month changed with day and year
    kept ("February 14" for 14 January). Not a slip: a short figure (11 vs 12), a day off (March 10
    vs 13) or a year off, which stories are full of for other reasons. A slip is evidence that the
    writer meant the claim's fact, so assess trusts an uncertain frame a little more for it.
    """
    if isinstance(found, DateValue) and isinstance(claimed, DateValue):
        a, b = found.start, claimed.start
        if (found.precision == claimed.precision == "day" and a.year == b.year and a.day == b.day
                and a.month != b.month):
            return f"the month of {format_value(claimed)}, changed"
        return None
    if not (isinstance(found, Quantity) and isinstance(claimed, Quantity)):
        return None
    if (found.unit != claimed.unit or found.low != found.high or claimed.low != claimed.high
            or found.low <= 0 or claimed.low <= 0):
        return None
    step = max(found.step, claimed.step)
    x, y = _digits(found, step), _digits(claimed, step)
    # Trailing zeros are no digits to slip on: "around $600 million" is a round figure, not a typo of 640.
    if len(x) != len(y) or min(len(x.rstrip("0")), len(y.rstrip("0"))) < _SLIP_DIGITS or x == y:
        return None
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    if len(diff) == 1:
        return f"one digit of {format_value(claimed)}, changed"
    if len(diff) == 2 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]:
        return f"two digits of {format_value(claimed)}, swapped"
    return None
