"""Table-driven extraction tests: tests/corpus/extract_*.yaml, plus the articles' agreements."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.compare import compare
from factcheck.extract import extract, extract_identifiers
from factcheck.values import DateValue, Mention, Quantity, claim_unit

CORPUS = Path(__file__).parent / "corpus"
FILES = ("extract_cases.yaml", "extract_news_cases.yaml", "extract_negative_cases.yaml")


def _load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


CASES = [(name, i, case) for name in FILES for i, case in enumerate(_load(name))]


def _describe(m: Mention) -> dict[str, Any]:
    v = m.value
    if isinstance(v, DateValue):
        d: dict[str, Any] = {"span": m.text, "start": v.start.isoformat(),
                             "end": v.end.isoformat(), "precision": v.precision}
        if v.qualifier != "exact":
            d["qualifier"] = v.qualifier
        return d
    d = {"span": m.text, "low": v.low}
    if v.high != v.low:
        d["high"] = v.high
    d["unit"] = v.unit
    if v.qualifier != "exact":
        d["qualifier"] = v.qualifier
    d["step"] = v.step
    return d


def _normal(expected: dict[str, Any]) -> dict[str, Any]:
    out = dict(expected)
    for key in ("low", "high", "step"):
        if key in out:
            out[key] = pytest.approx(float(out[key]), rel=1e-12)
    for key in ("start", "end"):
        if isinstance(out.get(key), datetime.date):
            out[key] = out[key].isoformat()
    return out


@pytest.mark.parametrize(("name", "index", "case"), CASES,
                         ids=[f"{n.split('_')[1]}-{i}" for n, i, _ in CASES])
def test_corpus_case(name: str, index: int, case: dict[str, Any]) -> None:
    text = case["text"]
    ids = frozenset(case.get("identifiers", []))
    mentions = extract(text, ids)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    assert [_describe(m) for m in mentions] == [_normal(e) for e in case["expect"]]


def test_every_expected_span_is_written_in_its_sentence() -> None:
    # A case whose expected span is not in its text can only fail for the wrong reason.
    for name in ("extract_cases.yaml", "extract_news_cases.yaml"):
        for case in _load(name):
            for expected in case["expect"]:
                assert expected["span"] in case["text"], (name, case["text"], expected["span"])


def _one(text: str, ids: frozenset[str] = frozenset()) -> Quantity:
    found = extract(text, ids)
    assert len(found) == 1, found
    value = found[0].value
    assert isinstance(value, Quantity)
    return value


# --- the figures the articles agree on must never be reported as a conflict


@pytest.mark.parametrize("text", [
    "DeepSeek's V4-Pro, a 1.6-trillion-parameter AI model",
    "DeepSeek V4-Pro, a 1.6 trillion parameter AI model",
    "DeepSeek V4-Pro, a 1.6 trillion-parameter model",
    "DeepSeek V4-Pro’s 1.6 trillion parameters make it the largest model",
])
def test_parameter_count_spellings_agree(text: str) -> None:
    q = _one(text)
    assert (q.low, q.unit, q.step) == (1.6e12, "parameters", 1e11)
    ref = _one("a 1.6-trillion-parameter AI model")
    assert compare(q, ref).outcome == "agrees"


def test_chip_count_spellings_agree() -> None:
    a = _one("using a cluster of at least 1,000 Huawei Ascend 910C AI accelerators")
    b = _one("a cluster built around at least a thousand Ascend 910C chips")
    c = _one("using 1,000 Ascend 910C accelerators")
    d = _one("the 1,000-chip cluster was utilized")
    e = _one("orchestrating thousand-chip training jobs")
    assert a.qualifier == b.qualifier == "at_least"
    for x in (a, b, c, d, e):
        assert x.unit == "chips" and x.low == 1000
        for y in (a, b, c, d, e):
            assert compare(x, y).outcome == "agrees", (x, y)


def test_token_count_spellings_agree() -> None:
    a = _one("utilized over 32 trillion tokens of text corpus")
    b = _one("a staggering corpus reportedly exceeding 32 trillion tokens")
    assert a == b == Quantity(32e12, 32e12, "tokens", "more_than", 1e12)
    assert compare(a, b).outcome == "agrees"


def test_gpu_hours_spellings_agree() -> None:
    a = _one("required approximately 2,788,000 Nvidia H800 GPU-hours for pre-training")
    b = _one("pre-trained on approximately 2.788 million Nvidia H800 GPU-hours")
    c = _one("consumed the equivalent of 2.788 million H800 GPU-hours")
    for x in (a, b, c):
        assert x.unit == "GPU-hours" and x.low == 2_788_000
    assert compare(a, b).outcome == compare(b, c).outcome == compare(a, c).outcome == "agrees"


def test_several_figures_in_one_sentence_each_get_their_unit() -> None:
    text = ("DeepSeek-V3 was pre-trained on approximately 2,048 NVIDIA H800 GPUs over 2.788 "
            "million GPU-hours at a stated compute cost of around $5.576 million")
    found = [m.value for m in extract(text)]
    assert found == [
        Quantity(2048, 2048, "chips", "approximate", 1),
        Quantity(2.788e6, 2.788e6, "GPU-hours", "exact", 1e3),
        Quantity(5.576e6, 5.576e6, "USD", "approximate", 1e3),
    ]


def test_unit_absent_when_no_noun_follows() -> None:
    q = _one("a cluster of at least 1,000, according to officials")
    assert q.unit is None and q.qualifier == "at_least"


# --- glued table cells and identifiers


def test_glued_identifier_split_with_identifiers() -> None:
    row = "NVIDIA H80080 GB HBM2e3.35 TB/s~3,958Restricted (BIS Oct 2023)DeepSeek V3"
    assert [m.text for m in extract(row)] == ["~3,958", "Oct 2023"]
    got = extract(row, frozenset({"H800", "V3"}))
    assert [m.text for m in got] == ["80 GB", "~3,958", "Oct 2023"]
    assert got[0].value == Quantity(80, 80, "GB", "exact", 1)


def test_ambiguous_split_yields_nothing() -> None:
    row = "NVIDIA H80080 GB memory"
    assert extract(row, frozenset({"H800", "H8008"})) == []


def test_extract_identifiers_from_an_article() -> None:
    text = ("Nvidia H800 chips and the Ascend 910B. NVIDIA H80080 GB. 100B+ parameters, "
            "80GB cards, $5bn, the 3rd time, H100 / H200NvidiaExport-controlled")
    ids = extract_identifiers(text)
    assert {"H800", "910B", "H100"} <= ids
    assert not ids & {"H80080", "100B", "80GB", "5bn", "3rd", "H200NvidiaExport"}


def test_year_and_duration_are_different() -> None:
    found = extract("throughout 2023 and 2024, over the next 12 months")
    assert [type(m.value).__name__ for m in found] == ["DateValue", "DateValue", "Quantity"]
    assert isinstance(found[2].value, Quantity) and found[2].value.unit == "months"


def test_default_year_for_dates_without_one() -> None:
    assert extract("deployed by Jan 30 at the latest") == []
    found = extract("deployed on Jan 30 at the latest", default_year=2025)
    assert len(found) == 1
    assert found[0].value == DateValue(datetime.date(2025, 1, 30), datetime.date(2025, 1, 30),
                                       "day")


# --- rules found by the other-beat corpora (tests/corpora) ---------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # A date without a year is the latest such day on or before publication (1 Aug 2024), or up to
    # 90 days after it where the sentence announces ("next", "will").
        ("CrowdStrike's root cause analysis, published on 6 July, blamed a content update.", "6 July",
         ("2024-07-06", "2024-07-06")),
        # past tense, after publication: last year's
        ("WASHINGTON, Sept 18 (CapitalWire) - The Federal Reserve cut interest rates", "Sept 18",
         ("2023-09-18", "2023-09-18")),
        ("The index peaked on 20 December, traders said.", "20 December", ("2023-12-20", "2023-12-20")),
        ("The next meeting is on 18 September.", "18 September", ("2024-09-18", "2024-09-18")),
    ],
)
def test_yearless_dates_take_the_year_of_the_publication_window(text: str, span: str,
                                                                expected: tuple[str, str]) -> None:
    (m,) = [m for m in extract(text, near=datetime.date(2024, 8, 1)) if isinstance(m.value, DateValue)]
    assert m.text == span
    assert (m.value.start.isoformat(), m.value.end.isoformat()) == expected
    assert [m for m in extract(text) if m.text == span] == []  # no publication date: not read


@pytest.mark.parametrize(
    ("text", "span", "low", "unit", "step"),
    [
        ("Delta says the disruption cost it about half a billion dollars.", "about half a billion", 5e8, "USD", 1e8),
        ("The earthquakes killed more than 59,000 people in Turkey alone.", "more than 59,000 people", 59000,
         "deaths", 1),
        ("At least 3 people died when the bridge collapsed.", "At least 3 people", 3, "deaths", 1),
        ("The death toll in Turkey has risen to more than 44,000, and", "more than 44,000", 44000, "deaths", 1),
        ("About 120 people were rescued from the rubble.", "About 120 people", 120, "people", 1),
        ("The outage affected 8.5 million Windows devices worldwide.", "8.5 million", 8.5e6, "devices", 1e5),
    ],
)
def test_counts_read_with_the_unit_a_reader_would_give_them(text: str, span: str, low: float, unit: str,
                                                            step: float) -> None:
    (m,) = [m for m in extract(text) if m.text == span]
    assert isinstance(m.value, Quantity)
    assert (m.value.low, m.value.unit, m.value.step) == (pytest.approx(low), unit, pytest.approx(step))


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        ("The Fed cut rates by half a percentage point on Wednesday.", "half a percentage point", 0.5, 0.5,
         "percentage points"),
        ("Bowman wanted a quarter-point cut instead.", "a quarter-point", 0.25, 0.25, "percentage points"),
        ("It lowered the federal funds target range to 4.75% to 5%.", "4.75% to 5%", 4.75, 5.0, "percent"),
        ("The outage hit 8.5m devices, Microsoft said.", "8.5m", 8.5e6, 8.5e6, "devices"),
    ],
)
def test_rate_moves_ranges_and_short_magnitudes(text: str, span: str, low: float, high: float, unit: str) -> None:
    (m,) = [m for m in extract(text) if m.text == span]
    assert isinstance(m.value, Quantity)
    assert (m.value.low, m.value.high, m.value.unit) == (pytest.approx(low), pytest.approx(high), unit)


def test_a_change_is_not_a_range() -> None:
    assert [m.text for m in extract("Unemployment rose from 3.9% to 4.2% in August.")] == ["3.9%", "4.2%"]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Apple booked a tax charge, which cut reported EPS to 97 cents.", "97 cents", (0.97, "USD")),
        ("SLS did not lift off until Nov. 16, nearly three months later.", "Nov. 16", ("2022-11-16", "exact")),
        ("The crew will stay until Nov. 16.", "until Nov. 16", ("0001-01-01", "before")),
    ],
)
def test_cents_and_not_until(text: str, span: str, expected: tuple[object, str]) -> None:
    (m,) = [m for m in extract(text, near=datetime.date(2022, 11, 20)) if m.text == span]
    if isinstance(m.value, Quantity):
        assert (m.value.low, m.value.unit) == (pytest.approx(expected[0]), expected[1])
    else:
        assert (m.value.start.isoformat(), m.value.qualifier) == expected


def test_a_unit_name_is_not_a_figure() -> None:
    text = "The Dali has a capacity of about 10,000 twenty-foot-equivalent units."
    assert [m.text for m in extract(text)] == ["about 10,000"]


def test_a_yearless_date_takes_the_year_its_sentence_just_gave() -> None:
    text = ("Binance agreed to buy the exchange on Nov. 8, 2022, and backed out a day later; "
            "FTX filed for bankruptcy on Nov. 11.")
    dates = [m.value for m in extract(text, near=datetime.date(2024, 4, 2)) if isinstance(m.value, DateValue)]
    assert [d.start.isoformat() for d in dates] == ["2022-11-08", "2022-11-11"]


def test_a_spelled_out_count_before_a_counted_noun_is_read() -> None:
    (m,) = extract("a jury convicted him on all eight counts")
    assert (m.text, m.value) == ("eight", Quantity(8.0, 8.0, "counts", "exact", 1.0))


def test_a_qualified_count_keeps_its_qualifier() -> None:
    # "312 electoral votes" are not votes cast: a claim counting votes must not be compared with them.
    (electoral, _to) = extract("Trump won 312 electoral votes to 226.")
    assert isinstance(electoral.value, Quantity) and electoral.value.unit == "electoral votes"
    assert claim_unit("electoral votes") == "electoral votes"
    (cast,) = extract("Trump won about 77.3 million votes.")
    assert isinstance(cast.value, Quantity) and cast.value.unit == "votes"


def test_a_rate_unit_is_its_counted_noun_read_over_the_statement_period() -> None:
    assert claim_unit("barrels per day") == "barrels"
    assert claim_unit("km per hour") == "km/h"
    (cut,) = extract("Saudi Arabia will cut 500,000 barrels per day from May.")
    assert isinstance(cut.value, Quantity) and cut.value.unit == "barrels"


def test_until_a_day_includes_that_day() -> None:
    # "Rain kept the men's triathlon out of the water until 31 July, a day late": it was held on 31 July.
    (m,) = extract("Rain kept the men's triathlon out of the water until 31 July, a day late.",
                   near=datetime.date(2024, 8, 1))
    assert isinstance(m.value, DateValue) and m.value.end == datetime.date(2024, 7, 31)
    day = datetime.date(2024, 7, 31)
    assert compare(m.value, DateValue(day, day, "day")).outcome == "agrees"


@pytest.mark.parametrize(("text", "published", "span", "expected"), [
    # A schedule told in the present lies ahead ...
    ("After that, PSG face away trips to Nice (15 May) and Metz (19 May), before the French Cup final against "
     "Lyon at the Stade Pierre-Mauroy in Lille on 25 May.", datetime.date(2024, 5, 11), "25 May", "2024-05-25"),
    # ... a past tense tells last year's ("one year on", written two days before the anniversary).
    ("President Joe Biden approved a major disaster declaration on Aug. 10 and visited the burn zone on Aug. 21.",
     datetime.date(2024, 8, 8), "Aug. 10", "2023-08-10"),
])
def test_a_date_without_a_year_takes_the_year_its_tense_tells(text: str, published: datetime.date, span: str,
                                                              expected: str) -> None:
    (m,) = [m for m in extract(text, near=published) if m.text == span]
    assert isinstance(m.value, DateValue) and m.value.start.isoformat() == expected


def test_a_spelled_count_reaches_its_noun_past_a_name() -> None:
    (m,) = extract("He won seven Ligue 1 titles with PSG and scored 256 goals.")[:1]
    assert m.text == "seven" and isinstance(m.value, Quantity) and (m.value.low, m.value.unit) == (7, "titles")


@pytest.mark.parametrize(("text", "expected"), [
    ("The National Highway Traffic Safety Administration has opened a query into the Autopilot recall Tesla "
     "conducted in November.", "2023-11"),
    ("The ransomware attack on Change in February last year triggered weeks of disruption.", "2023-02"),
    ("Mortgage rates have fallen since March.", "2023-03"),
    ("May said the bank would survive.", None),  # a name, not the month
])
def test_a_month_named_alone_is_a_date_after_a_word_that_makes_it_one(text: str, expected: str | None) -> None:
    dates = [m.value for m in extract(text, near=datetime.date(2024, 1, 12)) if isinstance(m.value, DateValue)]
    assert [f"{d.start:%Y-%m}" for d in dates] == ([expected] if expected else [])


@pytest.mark.parametrize(("text", "unit"), [
    ("roughly 25 billion health care transactions annually before the hack", "health care transactions"),
    ("the United States took first place on the strength of its 44 silver medals", "silver medals"),
    ("The state reported 3 new cases on Monday.", "cases"),  # "new" says when, not which
])
def test_what_is_counted_keeps_the_words_that_say_which_ones(text: str, unit: str) -> None:
    counts = [m.value for m in extract(text) if isinstance(m.value, Quantity)]
    assert counts[-1].unit == unit


@pytest.mark.parametrize(("text", "unit", "low"), [
    ("The eruption produced about 15 million cubic metres of lava.", "cubic meters", 15e6),
    ("The fissure that opened covers 10 square kilometres.", "km²", 10),
    ("Moody kicked a 27-yard field goal in overtime.", "yards", 27),
])
def test_volumes_areas_and_yards(text: str, unit: str, low: float) -> None:
    (m,) = extract(text)
    assert isinstance(m.value, Quantity) and (m.value.unit, m.value.low) == (unit, low)


def test_a_claims_unit_m_is_metres_but_a_passages_m_is_million() -> None:
    assert claim_unit("m") == "meters"
    (m,) = extract("It raised $5m.")
    assert isinstance(m.value, Quantity) and (m.value.unit, m.value.low) == ("USD", 5e6)


def test_a_date_that_names_its_event_is_not_bounded_by_the_word_before_it() -> None:
    (m,) = extract("Every animal had been removed from Grindavík in the days after the Nov. 10, 2023, evacuation "
                   "of the town.")
    assert isinstance(m.value, DateValue) and (m.value.start.isoformat(), m.value.qualifier) == ("2023-11-10", "exact")


@pytest.mark.parametrize(("text", "span", "unit", "low"), [
    ("A magnitude 6.8 earthquake struck the High Atlas.", "magnitude 6.8", "magnitude", 6.8),
    ("Moroccan authorities put it at 7.0 on the Richter scale.", "7.0 on the Richter scale", "magnitude", 7.0),
    ("New York's air quality index reached 484 on Wednesday.", "484", "AQI", 484),
    ("The plan provides aid of 30,000 dirhams per household.", "30,000 dirhams", "MAD", 30000),
])
def test_scales_and_currencies_of_every_kind(text: str, span: str, unit: str, low: float) -> None:
    (m,) = [m for m in extract(text) if m.text == span]
    assert isinstance(m.value, Quantity) and (m.value.unit, m.value.low) == (unit, low)


def test_any_iso_currency_code_is_a_claims_currency() -> None:
    assert claim_unit("MAD") == "MAD" and claim_unit("TRY") == "TRY"
    assert compare(Quantity(1, 1, "MAD", "exact", 1), Quantity(1, 1, "USD", "exact", 1)).outcome == "incomparable"


def test_a_claims_decimal_value_is_stated_to_its_decimals() -> None:
    # "5.16" is to the cent: "$5.61" does not round to it.
    from factcheck.values import parse_value

    claimed = parse_value("5.16", "number", "USD")
    assert isinstance(claimed, Quantity) and claimed.step == pytest.approx(0.01)
    (found,) = extract("Adjusted for certain items, the company earned $5.61 a share.")
    assert compare(found.value, claimed).outcome == "conflicts"


@pytest.mark.parametrize(("text", "unit"), [
    ("Floods swept away a vehicle carrying nine schoolchildren", "schoolchildren"),
    ("three children were killed", "children"),
    ("12 gunmen stormed the hall", "gunmen"),
])
def test_a_plural_without_an_s_is_the_counted_noun(text: str, unit: str) -> None:
    (m,) = extract(text)
    assert isinstance(m.value, Quantity) and m.value.unit == unit
    assert claim_unit(unit) == unit  # and a curator may write it as a claim's unit


def test_a_singular_ending_in_men_is_no_unit() -> None:
    assert claim_unit("specimen") is None


def test_a_minus_sign_is_kept_and_a_hyphen_between_figures_is_not_one() -> None:
    assert [m.value.low for m in extract("Net flows were \u22125,000 contracts; shares fell -3.2%.")
            if isinstance(m.value, Quantity)] == [-5000.0, -3.2]
    assert [m.text for m in extract("the 2023-24 season, COVID-19, 5-10 people")] == ["2023-24", "5-10 people"]


def test_invisible_format_characters_do_not_change_a_figure() -> None:
    # A zero-width space inside a year, a soft hyphen inside a figure: read as written on screen,
    # and the span still points at the text as written.
    text = "It launched in April 20\u200b24 and is worth $1.\u00ad9 trillion."
    year, worth = extract(text)
    assert isinstance(year.value, DateValue) and year.value.start == datetime.date(2024, 4, 1)
    assert isinstance(worth.value, Quantity) and worth.value.low == 1.9e12
    assert text[worth.start : worth.end] == worth.text == "$1.\u00ad9 trillion"
