"""SVG for the HTML report, drawn by our code: the story's timeline (a lane per date claim, each
source's date a mark on one time axis) and a value chart per number claim (the sources' figures on
one axis). Pure functions from assessed claims to SVG text: source text escaped, no script, the same
input the same bytes.

A mark reads without colour: its glyph and shape say the verdict (✗ square: conflicts, ? diamond:
for review, ✓ circle: agrees), a dashed outline that the date is out of the story's order, an
arrow that the figure is a bound ("since", "before", "at least"), a hollow mark an approximation.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape

from factcheck.assess import ClaimResult, Finding, Verdict
from factcheck.textnorm import one_line
from factcheck.timeline import Anachronism
from factcheck.values import DateValue, Quantity, format_value, unit_dimension, unit_factor, unit_offset

WIDTH = 1200  # the drawing's own units (it scales to the page)
GUTTER = 270  # the lane labels, left of the axis
RIGHT = 30
ROW = 22  # one mark's row in a lane
LABEL_ROOM = 330  # a label that would run past the right edge is drawn left of its mark
GLYPH = {Verdict.CONFLICTS: "✗", Verdict.REVIEW: "?", Verdict.AGREES: "✓", Verdict.MENTIONS: "·"}
WORD = {Verdict.CONFLICTS: "conflicts", Verdict.REVIEW: "for review", Verdict.AGREES: "agrees",
        Verdict.MENTIONS: "mentions"}
PASSAGE_IN_TITLE = 300  # characters of a passage in a mark's hover text


def html_text(text: str) -> str:
    """Source text as HTML/SVG text on one line: whitespace collapsed, control characters shown,
    markup escaped (quotes too, for attributes)."""
    return escape(one_line(text, 10_000), quote=True)


_e = html_text


def _lines(text: str) -> str:
    """Hover text: each line escaped as _e escapes, the line breaks kept (a browser shows them)."""
    return "\n".join(_e(line) for line in text.split("\n"))


def _num(x: float) -> str:
    """A coordinate with one decimal, the same text for the same input on every machine."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Mark:
    """Findings of one claim that put the same value with the same verdict: one mark on a row."""

    findings: tuple[Finding, ...]
    verdict: Verdict
    low: float  # on the chart's axis (days for dates, the claim's unit for figures)
    high: float
    open_low: bool  # the value runs on below `low` ("before", "at most")
    open_high: bool  # … above `high` ("since", "after", "at least")
    soft: bool  # an approximation
    out_of_order: bool  # an order anachronism was found at this passage
    text: str  # the value as read, formatted ("2023-08", "≈3,958 TFLOPS")


@dataclass(frozen=True)
class Axis:
    low: float
    high: float
    ticks: tuple[tuple[float, str], ...]
    log: bool = False

    def x(self, value: float) -> float:
        span = WIDTH - GUTTER - RIGHT
        if self.log:
            lo, hi, v = math.log10(self.low), math.log10(self.high), math.log10(max(value, self.low))
        else:
            lo, hi, v = self.low, self.high, value
        return GUTTER + (min(max(v, lo), hi) - lo) / ((hi - lo) or 1.0) * span


Key = tuple[int, float, float, str, bool]  # verdict's rank, value's low and high, qualifier, out of order


def _groups(keyed: Iterable[tuple[Key, Finding]]) -> list[tuple[Key, tuple[Finding, ...]]]:
    """Findings with the same key together, in key order (conflicts first, then by value)."""
    groups: dict[Key, list[Finding]] = {}
    for key, f in keyed:
        groups.setdefault(key, []).append(f)
    return [(k, tuple(groups[k])) for k in sorted(groups)]


ORDER_OF = {Verdict.CONFLICTS: 0, Verdict.REVIEW: 1, Verdict.AGREES: 2, Verdict.MENTIONS: 3}


# ------------------------------------------------------------------------------------ timeline

def _day(day: datetime.date) -> float:
    return float(day.toordinal())


def date_marks(result: ClaimResult, out_of_order: set[tuple[str, str, int, int]]) -> list[Mark]:
    """The dated findings of a date claim, one mark per (value, verdict), conflicts first."""
    def broken(f: Finding) -> bool:
        return (result.claim.id, f.source, f.line, f.column) in out_of_order
    keyed = [((ORDER_OF[f.verdict], _day(f.normalized.start), _day(f.normalized.end), f.normalized.qualifier,
               broken(f)), f)
             for f in result.findings if isinstance(f.normalized, DateValue) and f.verdict != Verdict.MENTIONS]
    marks = []
    for _, group in _groups(keyed):
        value = group[0].normalized
        assert isinstance(value, DateValue)
        qualifier = value.qualifier
        low = value.end if qualifier == "before" else value.start
        high = value.start if qualifier == "after" else value.end
        marks.append(Mark(group, group[0].verdict, _day(low), _day(high) + 1,
                          open_low=qualifier == "before", open_high=qualifier in ("since", "after"),
                          soft=qualifier == "approximate", out_of_order=any(map(broken, group)),
                          text=format_value(value)))
    return marks


def _canonical_span(result: ClaimResult) -> tuple[float, float] | None:
    value = result.claim.value
    if not isinstance(value, DateValue):
        return None
    low = value.end if value.qualifier == "before" else value.start
    high = value.start if value.qualifier in ("after", "since") else value.end
    return _day(low), _day(high) + 1


def _time_axis(spans: Sequence[tuple[float, float]]) -> Axis:
    """Whole years around every span, ticked each year (each 2, 5 or 10 when there are many)."""
    first = datetime.date.fromordinal(int(min(s[0] for s in spans))).year
    last = datetime.date.fromordinal(int(max(s[1] for s in spans)) - 1).year + 1
    every = next((n for n in (1, 2, 5, 10, 20, 50, 100, 500) if (last - first) / n <= 12), 1000)
    first = max(first - first % every, 1)
    years = range(first, last + 1, every)
    if years[-1] < last:
        years = range(first, last + every, every)
    years = range(first, min(years[-1], 9999) + 1, every)  # a date's year runs from 1 to 9999
    ticks = tuple((_day(datetime.date(y, 1, 1)), str(y)) for y in years)
    return Axis(ticks[0][0], ticks[-1][0], ticks)


def lane_order(results: Sequence[ClaimResult]) -> list[ClaimResult]:
    """Date claims in the order of their canonical dates (the story's order), those without one
    after, in file order: a source's date out of that order stands apart from the diagonal."""
    def key(item: tuple[int, ClaimResult]) -> tuple[int, float, int]:
        i, r = item
        span = _canonical_span(r)
        return (0, span[0], i) if span else (1, 0.0, i)
    dated = [(i, r) for i, r in enumerate(results) if r.claim.kind == "date"]
    return [r for _, r in sorted(dated, key=key)]


def _where(mark: Mark) -> str:
    """The passages a mark stands for, as source:line:column separated by spaces (for scripts and
    tests reading the page)."""
    return _e(" ".join(f"{f.source}:{f.line}:{f.column}" for f in mark.findings))


def _mark_title(result: ClaimResult, mark: Mark) -> str:
    lines = [f"{result.claim.id}: {mark.text} — {WORD[mark.verdict]}"
             + (" — out of the story's order" if mark.out_of_order else "")]
    for f in mark.findings:
        lines.append(f"{f.source}:{f.line}:{f.column}  “{one_line(f.passage, PASSAGE_IN_TITLE)}”")
        lines.append(f"  {f.reason}")
    return "\n".join(lines)


def _shape(mark: Mark, x1: float, x2: float, y: float, clear_to: float) -> list[str]:
    """The mark itself: an interval bar with the verdict's glyph shape at its start; the arrow of an
    open upper bound starts after `clear_to` (the end of a label drawn right of the mark)."""
    cls = f"mark {mark.verdict.value}" + (" order" if mark.out_of_order else "") + (" soft" if mark.soft else "")
    out = [f'<rect class="bar" x="{_num(x1)}" y="{_num(y - 4)}" width="{_num(max(x2 - x1, 3))}" height="8"/>']
    cx = x1 if mark.open_low else (x1 + x2) / 2 if x2 - x1 < 14 else x1
    if mark.verdict == Verdict.CONFLICTS:
        out.append(f'<rect class="glyph" x="{_num(cx - 7)}" y="{_num(y - 7)}" width="14" height="14"/>')
        out.append(f'<path class="cross" d="M{_num(cx - 4)} {_num(y - 4)}l8 8m0 -8l-8 8"/>')
    elif mark.verdict == Verdict.REVIEW:
        out.append(f'<path class="glyph" d="M{_num(cx)} {_num(y - 8)}l8 8l-8 8l-8 -8z"/>')
    else:
        out.append(f'<circle class="glyph" cx="{_num(cx)}" cy="{_num(y)}" r="6"/>')
    if mark.open_high:
        end = WIDTH - RIGHT
        start = min(max(x2, clear_to + 6), end - 14)
        out.append(f'<path class="arrow" d="M{_num(start)} {_num(y)}H{_num(end - 6)}"/>'
                   f'<path class="head" d="M{_num(end)} {_num(y)}l-8 -5v10z"/>')
    if mark.open_low:
        out.append(f'<path class="arrow" d="M{_num(x1)} {_num(y)}H{_num(GUTTER + 6)}"/>'
                   f'<path class="head" d="M{_num(GUTTER)} {_num(y)}l8 -5v10z"/>')
    return [f'<g class="{cls}">', *out]


CHARACTER = 6.6  # about the width of a label's character at 12 px, to keep an arrow clear of its label


def _label(text: str, x1: float, x2: float, y: float) -> tuple[str, float]:
    """A mark's label, right of it (left where it would run past the edge), and where it ends."""
    if x2 + 10 + LABEL_ROOM > WIDTH:
        return f'<text class="label" x="{_num(x1 - 12)}" y="{_num(y + 4)}" text-anchor="end">{_e(text)}</text>', x2
    return f'<text class="label" x="{_num(x2 + 12)}" y="{_num(y + 4)}">{_e(text)}</text>', \
        x2 + 12 + CHARACTER * len(text)


def _axis_lines(axis: Axis, top: float, bottom: float) -> list[str]:
    out = []
    for value, label in axis.ticks:
        x = _num(axis.x(value))
        out.append(f'<line class="tick" x1="{x}" y1="{_num(top)}" x2="{x}" y2="{_num(bottom)}"/>')
        # the last label ends at its tick, so that it is not cut at the drawing's edge
        anchor = "end" if value == axis.ticks[-1][0] and len(axis.ticks) > 1 else "middle"
        out.append(f'<text class="tick-label" x="{x}" y="{_num(top - 6)}" text-anchor="{anchor}">{_e(label)}</text>')
    return out


def timeline_svg(results: Sequence[ClaimResult], anachronisms: Sequence[Anachronism],
                 keys: dict[str, str]) -> str:
    """The story's timeline: one lane per date claim (in the order of its canonical date), the
    canonical date a shaded band with a line, each source's date a mark labelled with its source's
    key; empty when the story has no date claim."""
    lanes = lane_order(results)
    if not lanes:
        return ""
    out_of_order = {(a.claim or "", a.source, a.line, a.column) for a in anachronisms if a.kind == "order"}
    marks = {r.claim.id: date_marks(r, out_of_order) for r in lanes}
    spans = [(m.low, m.high) for ms in marks.values() for m in ms]
    spans += [s for s in map(_canonical_span, lanes) if s]
    if not spans:
        spans = [(_day(datetime.date(2000, 1, 1)), _day(datetime.date(2001, 1, 1)))]
    axis = _time_axis(spans)
    top = 34.0
    body: list[str] = []
    y = top
    conflicts = 0
    for n, r in enumerate(lanes):
        rows = max(1, len(marks[r.claim.id]))
        height = rows * ROW + 10
        body.append(f'<g class="lane {r.verdict.value}" data-claim="{_e(r.claim.id)}" '
                    f'data-verdict="{r.verdict.value}">')
        body.append(f'<title>{_e(r.claim.id)} ({r.verdict.value}): {_e(r.claim.statement)}</title>')
        body.append(f'<rect class="lane-bg{" odd" if n % 2 else ""}" x="0" y="{_num(y)}" width="{WIDTH}" '
                    f'height="{height}"/>')
        body.append(f'<text class="lane-label" x="8" y="{_num(y + 15)}">{_e(one_line(r.claim.id, 34))}</text>')
        body.append(f'<text class="lane-verdict" x="8" y="{_num(y + 29)}">{r.verdict.value}</text>')
        span = _canonical_span(r)
        if span:
            x1, x2 = axis.x(span[0]), axis.x(span[1])
            assert r.claim.value is not None and not isinstance(r.claim.value, str)
            body.append(f'<g class="canonical" data-date="{_e(format_value(r.claim.value))}">'
                        f'<title>canonical: {_e(format_value(r.claim.value))}</title>'
                        f'<rect x="{_num(x1)}" y="{_num(y + 2)}" width="{_num(max(x2 - x1, 2))}" '
                        f'height="{height - 4}"/>'
                        f'<line x1="{_num((x1 + x2) / 2)}" y1="{_num(y + 2)}" x2="{_num((x1 + x2) / 2)}" '
                        f'y2="{_num(y + height - 2)}"/></g>')
        if not marks[r.claim.id]:
            body.append(f'<text class="none" x="{GUTTER + 8}" y="{_num(y + 15)}">no dated passage found</text>')
        for i, mark in enumerate(marks[r.claim.id]):
            my = y + 5 + i * ROW + ROW / 2
            x1, x2 = axis.x(mark.low), axis.x(mark.high)
            first = mark.findings[0]
            conflicts += mark.verdict == Verdict.CONFLICTS
            attrs = (f'data-claim="{_e(r.claim.id)}" data-verdict="{mark.verdict.value}" '
                     f'data-date="{_e(mark.text)}" data-findings="{_where(mark)}" '
                     f'data-order="{"broken" if mark.out_of_order else "kept"}"')
            who = " ".join(sorted({keys.get(f.source, f.source) for f in mark.findings}))
            said = f" “{one_line(first.found or '', 30)}”" if mark.verdict != Verdict.AGREES else ""
            text, ends = _label(f"{GLYPH[mark.verdict]} {who}{said}" + (" — out of order" if mark.out_of_order else ""),
                                x1, x2, my)
            body.append(f'<g class="point" {attrs}><title>{_lines(_mark_title(r, mark))}</title>')
            body += _shape(mark, x1, x2, my, ends)
            body += ["</g>", text, "</g>"]
        body.append("</g>")
        y += height
    grid = _axis_lines(axis, top, y)
    desc = (f"{len(lanes)} date claims on one time axis, {axis.ticks[0][1]} to {axis.ticks[-1][1]}; "
            f"{conflicts} marks conflict with their claim; "
            f"{sum(m.out_of_order for ms in marks.values() for m in ms)} are out of the story's order.")
    return (f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {_num(y + 8)}" '
            f'role="img" aria-labelledby="timeline-title timeline-desc">'
            f'<title id="timeline-title">Timeline of the story\'s dated claims</title>'
            f'<desc id="timeline-desc">{_e(desc)}</desc>'
            + "".join(grid) + "".join(body) + "</svg>")


# --------------------------------------------------------------------------------- value charts

def _in_claim_unit(q: Quantity, unit: str | None) -> tuple[float, float] | None:
    """The figure's range in the claim's unit, or None when it measures another dimension."""
    if q.unit is None or unit is None or q.unit == unit:
        return q.low, q.high
    if unit_dimension(q.unit) != unit_dimension(unit):
        return None
    def convert(x: float) -> float:
        return (x + unit_offset(q.unit)) * unit_factor(q.unit) / unit_factor(unit) - unit_offset(unit)
    return convert(q.low), convert(q.high)


def value_marks(result: ClaimResult) -> tuple[list[Mark], list[Finding]]:
    """The figures of a number claim, one mark per (value, verdict), conflicts first; and the
    findings whose figure measures another dimension (listed, not drawn)."""
    unit = result.claim.value.unit if isinstance(result.claim.value, Quantity) else result.claim.unit
    apart: list[Finding] = []
    keyed: list[tuple[Key, Finding]] = []
    for f in result.findings:
        if isinstance(f.normalized, Quantity) and f.verdict != Verdict.MENTIONS:
            span = _in_claim_unit(f.normalized, unit)
            if span is None:
                apart.append(f)
            else:
                keyed.append(((ORDER_OF[f.verdict], *span, f.normalized.qualifier, False), f))
    marks = []
    for (_, low, high, _, _), group in _groups(keyed):
        q = group[0].normalized
        assert isinstance(q, Quantity)
        marks.append(Mark(group, group[0].verdict, low, high,
                          open_low=q.qualifier in ("at_most", "less_than"),
                          open_high=q.qualifier in ("at_least", "more_than"),
                          soft=q.qualifier == "approximate", out_of_order=False, text=format_value(q)))
    return marks, apart


def _nice_ticks(low: float, high: float) -> tuple[float, float, list[float]]:
    """About five round ticks covering [low, high]."""
    span = (high - low) or abs(high) or 1.0
    raw = span / 5
    step = 10 ** math.floor(math.log10(raw))
    step *= next(m for m in (1, 2, 2.5, 5, 10) if raw / step <= m)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    if last == first:
        last = first + step
    count = round((last - first) / step)
    return first, last, [first + i * step for i in range(count + 1)]


def _number_axis(values: Sequence[float], fmt: Callable[[float], str]) -> Axis:
    low, high = min(values), max(values)
    if low > 0 and high / low > 1000:  # a figure a thousand times another: a log axis keeps both readable
        bottom, top = math.floor(math.log10(low)), max(math.ceil(math.log10(high)), math.floor(math.log10(low)) + 1)
        return Axis(10.0 ** bottom, 10.0 ** top, tuple((10.0 ** p, fmt(10.0 ** p)) for p in range(bottom, top + 1)),
                    log=True)
    pad = (high - low) * 0.08 or abs(high) * 0.1 or 1.0
    lo = 0.0 if low >= 0 and low - pad < 0 else low - pad
    first, last, ticks = _nice_ticks(lo, high + pad)
    return Axis(first, last, tuple((t, fmt(t)) for t in ticks))


def value_svg(result: ClaimResult, keys: dict[str, str]) -> str:
    """The sources' figures for a number claim on one axis: ranges as bars, bounds as arrows,
    approximations hollow, the canonical value a line; empty when there is nothing to draw."""
    marks, _ = value_marks(result)
    canonical = result.claim.value if isinstance(result.claim.value, Quantity) else None
    if not marks:
        return ""
    unit = canonical.unit if canonical else result.claim.unit

    def fmt(x: float) -> str:
        return format_value(Quantity(x, x, unit))
    values = [v for m in marks for v in (m.low, m.high)]
    if canonical:
        values += [canonical.low, canonical.high]
    axis = _number_axis(values, fmt)
    top = 30.0
    y = top
    body: list[str] = []
    if canonical:
        x1, x2 = axis.x(canonical.low), axis.x(canonical.high)
        height = len(marks) * ROW + 10
        body.append(f'<g class="canonical" data-value="{_e(format_value(canonical))}">'
                    f'<title>canonical: {_e(format_value(canonical))}</title>'
                    f'<rect x="{_num(x1 - 1)}" y="{_num(y)}" width="{_num(max(x2 - x1, 0) + 2)}" height="{height}"/>'
                    f'<line x1="{_num((x1 + x2) / 2)}" y1="{_num(y)}" x2="{_num((x1 + x2) / 2)}" '
                    f'y2="{_num(y + height)}"/></g>')
        body.append(f'<text class="canonical-label" x="8" y="{_num(y + 15)}">canonical '
                    f'{_e(format_value(canonical))}</text>')
    for i, mark in enumerate(marks):
        my = y + 5 + i * ROW + ROW / 2
        x1, x2 = axis.x(mark.low), axis.x(mark.high)
        attrs = (f'data-claim="{_e(result.claim.id)}" data-verdict="{mark.verdict.value}" '
                 f'data-value="{_e(mark.text)}" data-findings="{_where(mark)}"')
        who = " ".join(sorted({keys.get(f.source, f.source) for f in mark.findings}))
        text, ends = _label(f"{GLYPH[mark.verdict]} {who} {mark.text}", x1, x2, my)
        body.append(f'<g class="point" {attrs}><title>{_lines(_mark_title(result, mark))}</title>')
        body += _shape(mark, x1, x2, my, ends)
        body += ["</g>", text, "</g>"]
    y += len(marks) * ROW + 10
    grid = _axis_lines(axis, top, y)
    conflicts = sum(m.verdict == Verdict.CONFLICTS for m in marks)
    desc = (f"{len(marks)} figures for {result.claim.id}"
            + (f" against the canonical {format_value(canonical)}" if canonical else "")
            + f"; {conflicts} conflict" + ("; log scale" if axis.log else ""))
    ident = f"chart-{_e(result.claim.id)}"
    return (f'<svg class="values" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {_num(y + 8)}" '
            f'role="img" aria-labelledby="{ident}-title {ident}-desc" data-claim="{_e(result.claim.id)}">'
            f'<title id="{ident}-title">The sources\' figures for {_e(result.claim.id)}</title>'
            f'<desc id="{ident}-desc">{_e(desc)}</desc>'
            + "".join(grid) + "".join(body) + "</svg>")
