"""Value types for dates and figures, their units, parsing of curated values and formatting.

Pure module: no I/O.  Conventions (documented here once, relied on by extract and compare):

* A date is an inclusive interval of days plus the precision the writer used.  "before X" and
  "by X" are stored as the open-ended interval ``date.min..(end of X or day before X)`` with
  qualifier "before"; "after X" as ``(day after X)..date.max`` with qualifier "after".  "since X"
  keeps its anchor interval with qualifier "since": it says when a state began, and the state
  holds from then on (:func:`date_span`).  "in X" asserts the anchor date itself ("exact").
* A figure is ``low..high`` (equal for a single figure) in a canonical unit, a qualifier and a
  ``step``: the precision the writer stated, in that unit.  "1.6 trillion" has step 1e11,
  "$5.576 million" step 1e3, "2,788,000" step 1: trailing zeros of an integer are ambiguous, so
  they are taken at face value and compare() uses the coarser side's step instead.
* Units: one canonical name per spelling.  Several scales of one dimension keep their own name
  (GB and TB, hours and days) and compare() converts through :func:`unit_factor`.  Currencies
  share the dimension "currency" but are never converted into each other.  Counted nouns that
  are not hardware ("people", "deaths", "votes", ...) keep the noun as their own unit and
  dimension, so "120 deaths" and "120 people" are incomparable rather than a false conflict.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass

__all__ = [
    "DateValue",
    "Mention",
    "Quantity",
    "Value",
    "canonical_unit",
    "format_value",
    "parse_value",
    "to_json",
    "unit_dimension",
    "unit_factor",
    "unit_offset",
]

DATE_PRECISIONS = ("day", "month", "quarter", "part-year", "half", "year", "decade")
DATE_QUALIFIERS = ("exact", "approximate", "before", "after", "since")
QUANTITY_QUALIFIERS = ("exact", "approximate", "at_least", "at_most", "more_than", "less_than")


@dataclass(frozen=True)
class DateValue:
    start: datetime.date  # inclusive
    end: datetime.date  # inclusive
    precision: str  # one of DATE_PRECISIONS
    qualifier: str = "exact"  # one of DATE_QUALIFIERS


@dataclass(frozen=True)
class Quantity:
    low: float
    high: float  # == low for a single figure
    unit: str | None  # canonical unit name, or None when the text names none
    qualifier: str = "exact"  # one of QUANTITY_QUALIFIERS
    step: float = 1.0  # stated precision, in the canonical unit


Value = DateValue | Quantity


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets into the text given to extract()
    end: int
    text: str  # == text[start:end]
    value: Value


# --------------------------------------------------------------------------- units

# canonical name -> (dimension, factor to the dimension's base unit)
_UNITS: dict[str, tuple[str, float]] = {
    "GPU-hours": ("compute-time", 1.0),
    "parameters": ("parameters", 1.0),
    "tokens": ("tokens", 1.0),
    "chips": ("chips", 1.0),
    "USD": ("currency", 1.0),
    "cents": ("currency", 1.0),  # extract() turns US cents into USD; listed so the spelling is known
    "EUR": ("currency", 1.0),
    "GBP": ("currency", 1.0),
    "CNY": ("currency", 1.0),
    "JPY": ("currency", 1.0),
    "HKD": ("currency", 1.0),
    "INR": ("currency", 1.0),
    "CAD": ("currency", 1.0),
    "AUD": ("currency", 1.0),
    "percent": ("percent", 1.0),
    "percentage points": ("percentage-points", 1.0),
    "basis points": ("percentage-points", 0.01),
    "GFLOPS": ("compute-rate", 1e-3),
    "TFLOPS": ("compute-rate", 1.0),
    "PFLOPS": ("compute-rate", 1e3),
    "EFLOPS": ("compute-rate", 1e6),
    "KB": ("data-size", 1e-6),
    "MB": ("data-size", 1e-3),
    "GB": ("data-size", 1.0),
    "TB": ("data-size", 1e3),
    "PB": ("data-size", 1e6),
    "MB/s": ("bandwidth", 1e-6),
    "GB/s": ("bandwidth", 1e-3),
    "TB/s": ("bandwidth", 1.0),
    "seconds": ("duration", 1.0 / 86400),
    "minutes": ("duration", 1.0 / 1440),
    "hours": ("duration", 1.0 / 24),
    "days": ("duration", 1.0),
    "weeks": ("duration", 7.0),
    "months": ("duration", 365.2425 / 12),
    "years": ("duration", 365.2425),
    "decades": ("duration", 3652.425),
    "inches": ("length", 0.0254),
    "acres": ("area", 4046.8564224),
    "hectares": ("area", 10000.0),
    "degrees": ("degrees", 1.0),
    "km": ("length", 1000.0),
    "miles": ("length", 1609.344),
    "meters": ("length", 1.0),
    "feet": ("length", 0.3048),
    "yards": ("length", 0.9144),
    "cubic meters": ("volume", 1.0),
    "liters": ("volume", 0.001),
    "square meters": ("area", 1.0),
    "km²": ("area", 1e6),
    "square miles": ("area", 2589988.110336),
    "kg": ("mass", 1.0),
    "tonnes": ("mass", 1000.0),
    "mm": ("length", 0.001),
    "cm": ("length", 0.01),
    "kW": ("power", 0.001),
    "MW": ("power", 1.0),
    "GW": ("power", 1000.0),
    "kWh": ("energy", 0.001),
    "MWh": ("energy", 1.0),
    "GWh": ("energy", 1000.0),
    "TWh": ("energy", 1e6),
    "mph": ("speed", 1.609344),  # base: km/h
    "km/h": ("speed", 1.0),
    "knots": ("speed", 1.852),
    "m/s": ("speed", 3.6),
    "mb": ("pressure", 1.0),  # millibars; base: hPa (the same size)
    "hPa": ("pressure", 1.0),
    "inHg": ("pressure", 33.8639),
    "°C": ("temperature", 1.0),  # base: °C; °F has an offset (_OFFSETS)
    "°F": ("temperature", 5.0 / 9.0),
    "ordinal": ("rank", 1.0),  # "16th-largest", "Category 4": a place in an order
    "magnitude": ("magnitude", 1.0),  # an earthquake's (moment magnitude or Richter: one scale here)
    "AQI": ("air-quality-index", 1.0),
    "orders of magnitude": ("orders of magnitude", 1.0),
    "x": ("ratio", 1.0),
}

# Units whose zero is not the base unit's: base = (amount + offset) * factor.
_OFFSETS: dict[str, float] = {"°F": -32.0}

# Counted nouns kept as their own unit and dimension (see module docstring).
_COUNT_NOUNS: dict[str, tuple[str, ...]] = {
    "people": ("people", "persons", "individuals"),
    "deaths": ("deaths", "death", "fatalities", "dead"),
    "injuries": ("injuries", "injured"),
    "votes": ("votes", "vote"),
    "voters": ("voters",),
    "seats": ("seats", "seat"),
    "jobs": ("jobs", "job"),
    "employees": ("employees", "workers", "staff"),
    "users": ("users", "user"),
    "customers": ("customers", "subscribers"),
    "passengers": ("passengers",),
    "flights": ("flights",),
    "homes": ("homes", "houses", "households"),
    "buildings": ("buildings",),
    "cases": ("cases",),
    "patients": ("patients",),
    "doses": ("doses",),
    "students": ("students",),
    "troops": ("troops", "soldiers"),
    "residents": ("residents",),
    "shares": ("shares",),
    "barrels": ("barrels",),
    "vehicles": ("vehicles", "cars"),
    "units": ("units",),
    "goals": ("goals",),
    "points": ("points",),
    "runs": ("runs",),
    "medals": ("medals",),
    "companies": ("companies", "firms"),
    "countries": ("countries",),
    "servers": ("servers",),
    "nodes": ("nodes",),
    "robots": ("robots",),
    "games": ("games", "matches"),
    "participants": ("participants",),
    "outages": ("outages",),
    "reports": ("reports",),
}
for _noun in _COUNT_NOUNS:
    _UNITS[_noun] = (_noun, 1.0)

# lower-case spelling -> canonical name
_SPELLINGS: dict[str, str] = {
    "gpu-hours": "GPU-hours", "gpu hours": "GPU-hours", "gpu-hour": "GPU-hours",
    "gpu hour": "GPU-hours", "chip-hours": "GPU-hours", "npu-hours": "GPU-hours",
    "accelerator-hours": "GPU-hours",
    "parameters": "parameters", "parameter": "parameters", "params": "parameters",
    "param": "parameters",
    "tokens": "tokens", "token": "tokens",
    "chips": "chips", "chip": "chips", "gpus": "chips", "gpu": "chips",
    "accelerators": "chips", "accelerator": "chips", "npus": "chips", "npu": "chips",
    "tpus": "chips", "tpu": "chips", "cards": "chips", "graphics cards": "chips",
    "processors": "chips", "processor": "chips",
    "$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD", "cents": "cents", "cent": "cents",
    "€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR",
    "£": "GBP", "gbp": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "renminbi": "CNY",
    "jpy": "JPY", "yen": "JPY", "hk$": "HKD", "hkd": "HKD", "inr": "INR", "rupees": "INR",
    "₹": "INR", "c$": "CAD", "cad": "CAD", "a$": "AUD", "aud": "AUD",
    # More currencies by name; their ISO codes are accepted in claims (see claim_unit). Codes that
    # are English words ("MAD", "TRY") are not read in passages.
    "dirhams": "MAD", "dirham": "MAD", "moroccan dirhams": "MAD", "uae dirhams": "AED", "aed": "AED",
    "swiss francs": "CHF", "chf": "CHF", "krw": "KRW", "south korean won": "KRW", "brl": "BRL", "reais": "BRL",
    "r$": "BRL", "mxn": "MXN", "mexican pesos": "MXN", "zar": "ZAR", "rand": "ZAR", "ngn": "NGN", "naira": "NGN",
    "₦": "NGN", "turkish lira": "TRY", "lira": "TRY", "rubles": "RUB", "roubles": "RUB", "sek": "SEK",
    "swedish kronor": "SEK", "nok": "NOK", "norwegian kroner": "NOK", "dkk": "DKK", "danish kroner": "DKK",
    "sgd": "SGD", "s$": "SGD", "nzd": "NZD", "nz$": "NZD", "riyals": "SAR", "saudi riyals": "SAR",
    "egyptian pounds": "EGP", "pkr": "PKR", "pakistani rupees": "PKR", "rupiah": "IDR", "idr": "IDR",
    "baht": "THB", "thb": "THB", "zloty": "PLN", "pln": "PLN", "shekels": "ILS", "ils": "ILS", "₪": "ILS",
    "hryvnias": "UAH", "uah": "UAH",
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent",
    "percentage points": "percentage points", "percentage point": "percentage points",
    "basis points": "basis points", "basis point": "basis points", "bps": "basis points",
    "gflops": "GFLOPS", "tflops": "TFLOPS", "teraflops": "TFLOPS", "pflops": "PFLOPS",
    "petaflops": "PFLOPS", "eflops": "EFLOPS", "exaflops": "EFLOPS",
    "kb": "KB", "mb": "MB", "gb": "GB", "tb": "TB", "pb": "PB", "megabytes": "MB",
    "gigabytes": "GB", "terabytes": "TB", "petabytes": "PB",
    "mb/s": "MB/s", "gb/s": "GB/s", "tb/s": "TB/s",
    "seconds": "seconds", "second": "seconds", "secs": "seconds", "sec": "seconds",
    "minutes": "minutes", "minute": "minutes", "mins": "minutes", "min": "minutes",
    "hours": "hours", "hour": "hours", "hrs": "hours", "days": "days", "day": "days",
    "weeks": "weeks", "week": "weeks", "months": "months", "month": "months",
    "years": "years", "year": "years", "yrs": "years", "year-old": "years",
    "years-old": "years", "decades": "decades", "decade": "decades",
    "km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
    "miles": "miles", "mile": "miles", "meters": "meters", "metres": "meters",
    "meter": "meters", "metre": "meters", "feet": "feet", "foot": "feet", "yards": "yards", "yard": "yards",
    "yds": "yards", "cubic meters": "cubic meters", "cubic metres": "cubic meters", "cubic meter": "cubic meters",
    "cubic metre": "cubic meters", "m3": "cubic meters", "m³": "cubic meters", "liters": "liters",
    "litres": "liters", "liter": "liters", "litre": "liters", "square meters": "square meters",
    "square metres": "square meters", "m²": "square meters", "square kilometers": "km²",
    "square kilometres": "km²", "sq km": "km²", "km2": "km²", "square miles": "square miles",
    "square mile": "square miles", "sq mi": "square miles",
    "kg": "kg", "kilograms": "kg", "kilogram": "kg", "tonnes": "tonnes", "tonne": "tonnes",
    "metric tons": "tonnes", "mw": "MW", "megawatts": "MW", "gw": "GW", "gigawatts": "GW",
    "orders of magnitude": "orders of magnitude", "order of magnitude": "orders of magnitude",
    "x": "x", "fold": "x", "times": "x", "inches": "inches", "inch": "inches",
    "acres": "acres", "acre": "acres", "hectares": "hectares", "hectare": "hectares",
    "degrees": "degrees", "degree": "degrees",
    "mm": "mm", "millimeters": "mm", "millimetres": "mm", "cm": "cm", "centimeters": "cm", "centimetres": "cm",
    "kw": "kW", "kilowatts": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
    "kilowatt-hours": "kWh", "megawatt-hours": "MWh", "gigawatt-hours": "GWh", "terawatt-hours": "TWh",
    "mph": "mph", "miles per hour": "mph", "miles an hour": "mph", "km/h": "km/h", "kph": "km/h", "kmh": "km/h",
    "kilometers per hour": "km/h", "kilometres per hour": "km/h", "km per hour": "km/h",
    "knots": "knots", "knot": "knots", "kt": "knots", "m/s": "m/s", "meters per second": "m/s",
    "metres per second": "m/s",
    "millibars": "mb", "millibar": "mb", "mbar": "mb", "hpa": "hPa", "hectopascals": "hPa", "hectopascal": "hPa",
    "inhg": "inHg", "inches of mercury": "inHg",
    "°c": "°C", "° c": "°C", "ºc": "°C", "degrees celsius": "°C", "degree celsius": "°C", "degrees c": "°C",
    "celsius": "°C", "centigrade": "°C", "degrees centigrade": "°C",
    "°f": "°F", "° f": "°F", "ºf": "°F", "degrees fahrenheit": "°F", "degree fahrenheit": "°F", "degrees f": "°F",
    "fahrenheit": "°F",
    "ordinal": "ordinal", "ordinals": "ordinal", "rank": "ordinal", "category": "ordinal",
    "magnitude": "magnitude", "richter": "magnitude", "richter scale": "magnitude",
    "aqi": "AQI", "air quality index": "AQI",
}
for _noun, _spellings in _COUNT_NOUNS.items():
    for _s in _spellings:
        _SPELLINGS[_s] = _noun
for _name in _UNITS:
    _SPELLINGS.setdefault(_name.lower(), _name)

# spelling -> canonical, exposed for extract (read-only by convention)
UNIT_SPELLINGS: dict[str, str] = _SPELLINGS


def canonical_unit(word: str) -> str | None:
    """Canonical unit name for a spelling ("GPUs" -> "chips", "%" -> "percent"), else None.

    Scales of one dimension keep their own name ("GB/s" -> "GB/s", "TB" -> "TB"); compare()
    converts between them.  Plural nouns that are not in the table ("12 survivors") are not
    known here: extract() keeps such a noun as its own unit, and unit_dimension() of an unknown
    unit is the unit itself, so it is comparable only with the same noun.
    """
    if word.strip() == "mb":
        return "mb"  # lower-case mb is the weather's millibar; MB is megabytes
    key = " ".join(word.strip().lower().split())
    if key in _SPELLINGS:
        return _SPELLINGS[key]
    if key.endswith("s") and key[:-1] in _SPELLINGS:
        return _SPELLINGS[key[:-1]]
    return None


# A counted noun, with at most one qualifier ("electoral votes"); a rate's period is read from the
# statement's words ("barrels per day": barrels, counted daily), as in the passages.
# Plurals without an s are counted nouns too: "nine schoolchildren", "30 women", "12 firemen".
IRREGULAR_PLURAL = r"(?:[a-z-]*(?:children|people|women)|(?:[a-z-]*[sern])?men)"  # not "specimen"
_COUNTED_NOUN = re.compile(rf"(?:[a-z][a-z-]* )?(?:[a-z][a-z-]*s|{IRREGULAR_PLURAL})")
_RATE = re.compile(r" (?:per|a|an|each) (?:day|week|month|quarter|year|hour)$")


def claim_unit(word: str) -> str | None:
    """A unit as a curator writes it: a known spelling, or a plural noun for other counted things.

    extract() keeps such a noun after a figure as its unit ("8.5 million devices"), so a claim
    with `unit: devices` is compared with exactly those figures.
    """
    known = canonical_unit(word)
    if known is not None:
        return known
    if word.strip() == "m":
        return "meters"  # a claim's unit; in a passage "5m" is five million
    if _ISO_CURRENCY.fullmatch(word.strip()):
        return word.strip()  # an ISO 4217 code: "MAD" (Moroccan dirhams), "TRY"
    noun = _RATE.sub("", " ".join(word.strip().lower().split()))
    if noun != word.strip().lower() and (known := canonical_unit(noun)) is not None:
        return known
    return noun if _COUNTED_NOUN.fullmatch(noun) else None


_ISO_CURRENCY = re.compile(r"[A-Z]{3}")
# Readings on a named scale: a bare figure in a clause that names the scale is read on it ("The
# AQI, which measures pollution …, climbed to 448").
SCALE_UNITS: dict[str, tuple[str, ...]] = {"AQI": ("AQI", "air quality index"), "magnitude": ("magnitude",)}


def unit_dimension(unit: str | None) -> str | None:
    """Dimension of a canonical unit: "chips" -> "chips", "TB" -> "data-size", "MAD" -> "currency",
    None -> None."""
    if unit is None:
        return None
    entry = _UNITS.get(unit)
    if entry:
        return entry[0]
    return "currency" if _ISO_CURRENCY.fullmatch(unit) else unit


def unit_offset(unit: str | None) -> float:
    """What to add to an amount in ``unit`` before scaling it to the base unit (°F: -32)."""
    return _OFFSETS.get(unit or "", 0.0)


def unit_factor(unit: str | None) -> float:
    """Factor that converts an amount in ``unit`` to its dimension's base unit (1 if unknown)."""
    if unit is None:
        return 1.0
    entry = _UNITS.get(unit)
    return entry[1] if entry else 1.0


# --------------------------------------------------------------------------- dates

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

# part-year words -> (first month, last month); mid-year follows the 2025-04..2025-09
PART_YEAR: dict[str, tuple[int, int]] = {
    "early": (1, 4), "mid": (4, 9), "late": (9, 12), "start": (1, 3), "beginning": (1, 3),
    "end": (10, 12), "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
    "winter": (12, 12),
}


def last_day(year: int, month: int) -> datetime.date:
    if month == 12:
        return datetime.date(year, 12, 31)
    return datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)


def month_span(year: int, first: int, last: int, precision: str) -> DateValue:
    return DateValue(datetime.date(year, first, 1), last_day(year, last), precision)


def year_value(year: int) -> DateValue:
    return month_span(year, 1, 12, "year")


def with_date_qualifier(value: DateValue, qualifier: str) -> DateValue:
    """Apply "before"/"after"/"approximate" to an anchor date (see module docstring)."""
    if qualifier == "before":
        return DateValue(datetime.date.min, value.start - datetime.timedelta(days=1),
                         value.precision, "before")
    if qualifier == "by":
        return DateValue(datetime.date.min, value.end, value.precision, "before")
    if qualifier == "after":
        return DateValue(value.end + datetime.timedelta(days=1), datetime.date.max,
                         value.precision, "after")
    if qualifier == "since":
        # "export-controlled since Oct 2024": when a state began; it holds from then on
        return DateValue(value.start, value.end, value.precision, "since")
    if qualifier == "approximate":
        return DateValue(value.start, value.end, value.precision, "approximate")
    return value


_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_ISO_QUARTER_RE = re.compile(r"(\d{4})-?[Qq]([1-4])")
_ISO_HALF_RE = re.compile(r"(\d{4})-?[Hh]([12])")


def _parse_date_string(raw: str) -> DateValue:
    text = raw.strip()
    m = _ISO_DATE_RE.fullmatch(text)
    try:
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            if m.group(3):
                day = datetime.date(year, month, int(m.group(3)))
                return DateValue(day, day, "day")
            return month_span(year, month, month, "month")
        m = _ISO_QUARTER_RE.fullmatch(text)
        if m:
            q = int(m.group(2))
            return month_span(int(m.group(1)), 3 * q - 2, 3 * q, "quarter")
        m = _ISO_HALF_RE.fullmatch(text)
        if m:
            h = int(m.group(2))
            return month_span(int(m.group(1)), 6 * h - 5, 6 * h, "half")
        if re.fullmatch(r"\d{4}", text):
            return year_value(int(text))
    except ValueError as exc:
        raise ValueError(f"not a valid date: {raw!r} ({exc})") from None
    from factcheck.extract import parse_whole  # lazy: extract imports this module

    value = parse_whole(text)
    if isinstance(value, DateValue):
        return value
    raise ValueError(
        f"cannot read {raw!r} as a date; use e.g. 2025-08-14, 2025-08, 2025, 2025-Q3, "
        "mid-2025 or August 2025"
    )


# --------------------------------------------------------------------------- parse_value


def _step_of_float(x: float) -> float:
    if math.isfinite(x) and x == int(x):
        return 1.0
    text = repr(x)
    if "e" in text or "E" in text:
        return 1.0
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 10.0 ** -decimals


_ORDINAL_VALUE = re.compile(r"(\d{1,6})(?:st|nd|rd|th)", re.IGNORECASE)


def parse_value(raw: object, kind: str, unit: str | None = None) -> Value:
    """Parse a curated canonical value (e.g. from claims.yaml).

    kind "date": "2025-08", "2025-08-14", datetime.date, 2024, "2025-Q3", "mid-2025", "August 2025".
    kind "number": 1000, 1.6e12, "1.6 trillion", "at least 1000", "32T", "60%".
    ``unit`` is canonicalised and applies when the text names none.  Raises ValueError.
    """
    if kind == "date":
        if isinstance(raw, datetime.datetime):
            raw = raw.date()
        if isinstance(raw, datetime.date):
            return DateValue(raw, raw, "day")
        if isinstance(raw, bool):
            raise ValueError(f"not a date: {raw!r}")
        if isinstance(raw, int):
            if not 1 <= raw <= 9999:
                raise ValueError(f"year out of range: {raw}")
            return year_value(raw)
        if isinstance(raw, str):
            return _parse_date_string(raw)
        raise ValueError(f"cannot read {raw!r} as a date; write it as text like 2025-08-14")
    if kind != "number":
        raise ValueError(f"unknown value kind {kind!r}; use 'date' or 'number'")
    canon: str | None = None
    if unit is not None:
        canon = claim_unit(unit)
        if canon is None:
            raise ValueError(f"unknown unit {unit!r}; use e.g. chips, parameters, tokens, USD, %, or a "
                             "plural noun for other counted things (devices, survivors)")
    if isinstance(raw, bool):
        raise ValueError(f"not a number: {raw!r}")
    if isinstance(raw, (int, float)):
        x = float(raw)
        if not math.isfinite(x):
            raise ValueError(f"not a finite number: {raw!r}")
        return Quantity(x, x, canon, "exact", _step_of_float(x))
    if not isinstance(raw, str):
        raise ValueError(f"cannot read {raw!r} as a number")
    from factcheck.extract import parse_whole  # lazy: extract imports this module

    rank = _ORDINAL_VALUE.fullmatch(raw.strip())
    if rank and canon == "ordinal":  # "16th" for a rank
        return Quantity(float(rank.group(1)), float(rank.group(1)), canon, "exact", 1.0)
    value = parse_whole(raw.strip(), standalone=True)
    if not isinstance(value, Quantity):
        raise ValueError(
            f"cannot read {raw!r} as one figure; write e.g. 1000, '1.6 trillion', "
            "'at least 1000', '32T' or '60%'"
        )
    if canon is not None:
        if value.unit is None:
            value = Quantity(value.low, value.high, canon, value.qualifier, value.step)
        elif unit_dimension(value.unit) != unit_dimension(canon):
            raise ValueError(f"{raw!r} names unit {value.unit!r} but unit {unit!r} was given")
    return value


# --------------------------------------------------------------------------- formatting

_QUAL_SYMBOL = {"exact": "", "approximate": "≈", "at_least": "≥", "at_most": "≤",
                "more_than": ">", "less_than": "<"}
_CURRENCY_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£"}
_SUFFIXES = ((1e12, "T"), (1e9, "B"), (1e6, "M"))


def _fmt_number(x: float) -> str:
    for size, suffix in _SUFFIXES:
        if abs(x) >= size:
            return f"{x / size:.6f}".rstrip("0").rstrip(".") + suffix
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:.6f}".rstrip("0").rstrip(".")


def _fmt_quantity(q: Quantity) -> str:
    body = _fmt_number(q.low)
    if q.high != q.low:
        body += "–" + _fmt_number(q.high)
    sym = _QUAL_SYMBOL.get(q.qualifier, "")
    if q.unit in _CURRENCY_SYMBOL:
        return f"{sym}{_CURRENCY_SYMBOL[q.unit]}{body}"
    if q.unit == "percent":
        return f"{sym}{body}%"
    if q.unit is None:
        return f"{sym}{body}"
    return f"{sym}{body} {q.unit}"


_PART_NAMES = {v: k for k, v in PART_YEAR.items() if k in ("early", "mid", "late")}


def _fmt_anchor(d: DateValue) -> str:
    s, e = d.start, d.end
    if d.precision == "day":
        return s.isoformat()
    if d.precision == "month":
        return f"{s.year:04d}-{s.month:02d}"
    if d.precision == "year" and s.year == e.year:
        return f"{s.year:04d}"
    if d.precision == "quarter":
        return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
    if d.precision == "half":
        return f"{s.year:04d}-H{(s.month - 1) // 6 + 1}"
    if d.precision == "decade":
        return f"{s.year:04d}s"
    span = f"{s.year:04d}-{s.month:02d}..{e.year:04d}-{e.month:02d}"
    part = _PART_NAMES.get((s.month, e.month))
    if d.precision == "part-year" and part and s.year == e.year:
        return f"{span} ({part}-{s.year})"
    if d.precision == "year":
        return f"{s.year:04d}–{e.year:04d}"
    return span


def date_span(value: DateValue) -> tuple[datetime.date, datetime.date]:
    """The days a date allows: "since X" runs from X on; the others are their interval."""
    return (value.start, datetime.date.max) if value.qualifier == "since" else (value.start, value.end)


def format_value(value: Value) -> str:
    """Short human text: "2023-08", "2024", "≥1,000 chips", "≈2.788M GPU-hours", "$5.576M"."""
    if isinstance(value, Quantity):
        return _fmt_quantity(value)
    if value.qualifier == "before":
        return f"≤{value.end.isoformat()}"
    if value.qualifier == "after":
        return f"≥{value.start.isoformat()}"
    text = _fmt_anchor(value)
    if value.qualifier == "since":
        return f"since {text}"
    return f"c. {text}" if value.qualifier == "approximate" else text


def to_json(value: Value) -> dict[str, object]:
    """Stable JSON: {"type":"date","start","end","precision","qualifier"} or
    {"type":"number","low","high","unit","qualifier","step"}."""
    if isinstance(value, DateValue):
        return {"type": "date", "start": value.start.isoformat(), "end": value.end.isoformat(),
                "precision": value.precision, "qualifier": value.qualifier}
    return {"type": "number", "low": value.low, "high": value.high, "unit": value.unit,
            "qualifier": value.qualifier, "step": value.step}
