"""Property tests (hypothesis) and value-level unit tests for values.py."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.compare import Sieve, compare, may_agree
from factcheck.extract import extract, extract_identifiers
from factcheck.values import (
    DateValue,
    Quantity,
    canonical_unit,
    format_value,
    parse_value,
    to_json,
    unit_dimension,
)

_ALPHABET = st.characters(codec="utf-8") | st.sampled_from(
    [*"0123456789,.-–+%$~ \n\t\x00\x1bKMBT", "million", " at least ", "Oct ", "mid-"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_extract_never_raises_and_spans_are_exact(text: str) -> None:
    found = extract(text, extract_identifiers(text))
    last = -1
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.start >= last and m.start < m.end
        last = m.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_extract_never_raises_on_any_text(text: str) -> None:
    for m in extract(text):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text", [
    "1" * 100_000,
    "1," * 50_000,
    "1." * 50_000,
    "1-" * 50_000,
    ("9" * 1000 + " ") * 100,
    "H" + "8" * 100_000,
    "a" * 100_000,
    "Oct " * 20_000,
    "1 " * 50_000,
    "Jan 5 will " * 10_000,
])
def test_adversarial_inputs_give_valid_mentions(text: str) -> None:
    # How long these take is measured by bench/bench_extract.py, not asserted here.
    for m in extract(text, frozenset({"H8"}), near=datetime.date(2024, 6, 1)):
        assert text[m.start : m.end] == m.text
    extract_identifiers(text)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["chips", "GPUs", "people", ""]))
def test_spellings_of_thousands_normalize_alike(n: int, noun: str) -> None:
    spellings = [f"{n * 1000:,}", f"{n * 1000}", f"{n} thousand", f"{n}K"]
    values = []
    for s in spellings:
        found = extract(f"They reported {s} {noun} on Monday.".replace("  ", " "))
        if s.endswith("K") and not noun:
            continue  # "5K" with nothing after it may be a race distance: ambiguous, skipped
        if s.isdigit() and 1900 <= n * 1000 <= 2100 and not noun:
            continue  # a bare "2000" is a year by design
        assert len(found) == 1, (s, found)
        values.append(found[0].value)
    for v in values:
        assert isinstance(v, Quantity)
        assert (v.low, v.high, v.qualifier) == (n * 1000, n * 1000, "exact")
        assert v.unit == values[0].unit
        assert compare(v, values[0]).outcome == "agrees"


_quantities = st.builds(
    lambda lo, width, unit, qual, step: Quantity(lo, lo + width, unit, qual, step),
    st.floats(min_value=0, max_value=1e13, allow_nan=False),
    st.sampled_from([0.0, 0.0, 1.0, 1000.0]),
    st.sampled_from([None, "chips", "USD", "EUR", "GB", "TB", "percent", "hours", "days"]),
    st.sampled_from(["exact", "approximate", "at_least", "at_most", "more_than", "less_than"]),
    st.sampled_from([1.0, 0.1, 1000.0, 1e11]),
)
_dates = st.builds(
    lambda d, span, precision, qual: DateValue(d, d + datetime.timedelta(days=span), precision,
                                               qual),
    st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2030, 1, 1)),
    st.integers(min_value=0, max_value=400),
    st.sampled_from(["day", "month", "year", "part-year"]),
    st.sampled_from(["exact", "approximate"]),
)


@settings(max_examples=400, deadline=None)
@given(_quantities | _dates, _quantities | _dates)
def test_compare_is_symmetric(a: Quantity | DateValue, b: Quantity | DateValue) -> None:
    r1, r2 = compare(a, b), compare(b, a)
    assert r1.outcome == r2.outcome
    assert r1.outcome in ("agrees", "conflicts", "incomparable")
    assert compare(a, a).outcome == "agrees"


_near_quantities = st.builds(  # pairs that land near each other, where the quick test must not err
    lambda lo, unit, qual, step: Quantity(lo, lo, unit, qual, step),
    st.floats(min_value=0.5, max_value=2.0) | st.sampled_from([1.0, 1.25, 0.75, 1.3, 0.7]),
    st.sampled_from(["USD", "percent"]), st.sampled_from(["exact", "approximate", "at_least"]),
    st.sampled_from([1.0, 0.1, 0.01, 0.5]),
)
_dated = _dates | st.builds(lambda d, q: DateValue(d, d, "day", q), st.dates(min_value=datetime.date(2020, 1, 1),
                                                                          max_value=datetime.date(2020, 3, 1)),
                            st.sampled_from(["exact", "approximate", "since", "before", "after"]))


@settings(max_examples=600, deadline=None)
@given(_quantities | _dates | _near_quantities | _dated, _quantities | _dates | _near_quantities | _dated)
def test_the_quick_test_never_rules_out_an_agreement(a: Quantity | DateValue, b: Quantity | DateValue) -> None:
    if compare(a, b).outcome == "agrees":
        assert may_agree(a, b) and may_agree(b, a)


@settings(max_examples=300, deadline=None)
@given(st.lists(_quantities | _dates | _near_quantities | _dated, max_size=12),
       _quantities | _dates | _near_quantities | _dated)
def test_the_sieve_offers_every_value_that_could_agree(filed: list[Quantity | DateValue],
                                                       asked: Quantity | DateValue) -> None:
    near = Sieve((value, i) for i, value in enumerate(filed)).near(asked)
    assert near == sorted(near)  # in filing order: the first claim that agrees is named
    assert {i for i, value in enumerate(filed) if compare(asked, value).outcome == "agrees"} <= set(near)


def test_the_sieve_leaves_out_figures_far_away() -> None:
    filed = [Quantity(5.0, 5.0, "USD"), Quantity(9.0, 9.0, "USD"), Quantity(5.1, 5.1, "USD", "at_least"),
             DateValue(datetime.date(2023, 8, 1), datetime.date(2023, 8, 31), "month")]
    sieve = Sieve((value, i) for i, value in enumerate(filed))
    assert sieve.near(Quantity(4.9, 4.9, "USD")) == [0, 2]  # a bound goes to every query
    assert sieve.near(DateValue(datetime.date(2024, 4, 1), datetime.date(2024, 4, 30), "month")) == [2]
    assert sieve.near(DateValue(datetime.date(2023, 8, 9), datetime.date(2023, 8, 9), "day")) == [2, 3]


# --- values.py API


@pytest.mark.parametrize(("raw", "expected"), [
    ("2025-08", DateValue(datetime.date(2025, 8, 1), datetime.date(2025, 8, 31), "month")),
    ("2025-08-14", DateValue(datetime.date(2025, 8, 14), datetime.date(2025, 8, 14), "day")),
    (datetime.date(2024, 12, 2),
     DateValue(datetime.date(2024, 12, 2), datetime.date(2024, 12, 2), "day")),
    (2024, DateValue(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), "year")),
    ("2025-Q3", DateValue(datetime.date(2025, 7, 1), datetime.date(2025, 9, 30), "quarter")),
    ("mid-2025", DateValue(datetime.date(2025, 4, 1), datetime.date(2025, 9, 30), "part-year")),
    ("August 2025", DateValue(datetime.date(2025, 8, 1), datetime.date(2025, 8, 31), "month")),
])
def test_parse_date(raw: object, expected: DateValue) -> None:
    assert parse_value(raw, "date") == expected


@pytest.mark.parametrize(("raw", "unit", "expected"), [
    (1000, "chips", Quantity(1000, 1000, "chips")),
    (1.6e12, "parameters", Quantity(1.6e12, 1.6e12, "parameters")),
    ("1.6 trillion", "parameters", Quantity(1.6e12, 1.6e12, "parameters", "exact", 1e11)),
    ("at least 1000", "GPUs", Quantity(1000, 1000, "chips", "at_least")),
    ("32T", "tokens", Quantity(32e12, 32e12, "tokens", "exact", 1e12)),
    ("60%", None, Quantity(60, 60, "percent")),
    ("$5.576 million", None, Quantity(5.576e6, 5.576e6, "USD", "exact", 1e3)),
])
def test_parse_number(raw: object, unit: str | None, expected: Quantity) -> None:
    assert parse_value(raw, "number", unit) == expected


@pytest.mark.parametrize(("raw", "kind", "unit"), [
    ("next Tuesday", "date", None),
    ("2025-13", "date", None),
    ("lots", "number", None),
    (1000, "number", "furlongs-per-fortnight"),
    ("60%", "number", "chips"),
    (1000, "colour", None),
    (True, "number", None),
])
def test_parse_errors_are_one_line(raw: object, kind: str, unit: str | None) -> None:
    with pytest.raises(ValueError) as err:
        parse_value(raw, kind, unit)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(("value", "text"), [
    (parse_value("2023-08", "date"), "2023-08"),
    (parse_value("2025-08-14", "date"), "2025-08-14"),
    (parse_value(2024, "date"), "2024"),
    (parse_value("mid-2025", "date"), "2025-04..2025-09 (mid-2025)"),
    (Quantity(1000, 1000, "chips", "at_least"), "≥1,000 chips"),
    (Quantity(2.788e6, 2.788e6, "GPU-hours", "approximate", 1e3), "≈2.788M GPU-hours"),
    (Quantity(64, 96, "GB"), "64–96 GB"),
    (Quantity(5.576e6, 5.576e6, "USD", "exact", 1e3), "$5.576M"),
    (Quantity(60, 60, "percent"), "60%"),
    (Quantity(32e12, 32e12, "tokens", "more_than", 1e12), ">32T tokens"),
])
def test_format_value(value: Quantity | DateValue, text: str) -> None:
    assert format_value(value) == text


def test_to_json() -> None:
    assert to_json(parse_value("2023-08", "date")) == {
        "type": "date", "start": "2023-08-01", "end": "2023-08-31", "precision": "month",
        "qualifier": "exact"}
    assert to_json(Quantity(1000, 1000, "chips", "at_least")) == {
        "type": "number", "low": 1000, "high": 1000, "unit": "chips", "qualifier": "at_least",
        "step": 1.0}


@pytest.mark.parametrize(("word", "unit", "dimension"), [
    ("GPUs", "chips", "chips"), ("accelerators", "chips", "chips"), ("NPUs", "chips", "chips"),
    ("%", "percent", "percent"), ("percentage points", "percentage points", "percentage-points"),
    ("GB/s", "GB/s", "bandwidth"), ("TB", "TB", "data-size"), ("yuan", "CNY", "currency"),
    ("€", "EUR", "currency"), ("months", "months", "duration"), ("PFLOPS", "PFLOPS",
                                                                  "compute-rate"),
    ("GPU hours", "GPU-hours", "compute-time"), ("params", "parameters", "parameters"),
    ("fatalities", "deaths", "deaths"),
])
def test_units(word: str, unit: str, dimension: str) -> None:
    assert canonical_unit(word) == unit
    assert unit_dimension(unit) == dimension


def test_unknown_unit() -> None:
    assert canonical_unit("furlongs-per-fortnight") is None
    assert unit_dimension(None) is None
