"""Find every date and figure in a passage, with its exact character span and normalized value.

Pure and total: extract() never raises and does no I/O.  Passes, each masking what it claimed
(replacing it by spaces, so offsets stay valid and later passes see a clean boundary):

1. junk: times of day, slash dates, phone-like and dotted version numbers -> masked, not reported
2. dates: "June 10, 2026", "Oct 2024", "mid-2025", "Q3 2025", "the first half of 2025", ...
3. number words: "a thousand", "hundreds of", "one to two orders of magnitude", "two years"
4. digit figures: qualifier, currency, number, magnitude, unit, ranges; bare 1900-2100 = year

A mention's span covers its qualifier, currency sign, number, magnitude and a unit written right
after it ("at least 1,000", "$5.576 million", "1.6-trillion-parameter"); a unit noun found a few
words later ("1,000 Huawei Ascend 910C AI accelerators") sets the unit but is not in the span.
When a figure is ambiguous (an identifier glued to a number, "5m" with nothing to say metres or
millions, "123-4567") nothing is reported: a checker that cries wolf gets switched off.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
import re
from dataclasses import dataclass
from decimal import Decimal

from factcheck.values import (
    IRREGULAR_PLURAL,
    MONTHS,
    PART_YEAR,
    UNIT_SPELLINGS,
    DateValue,
    Mention,
    Quantity,
    Value,
    canonical_unit,
    month_span,
    unit_dimension,
    with_date_qualifier,
    year_value,
)

__all__ = ["ANNOUNCES", "extract", "extract_identifiers", "parse_whole"]

_MAX_DIGITS = 15  # longer digit runs are ids/garbage, and floats lose exactness beyond this

# ------------------------------------------------------------------ shared vocabulary

_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_YEAR = r"(?:19|20)\d{2}"
_SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SMALL_ALT = "|".join(sorted((k for k in _SMALL_NUMBERS if k not in ("a", "an")),
                             key=len, reverse=True))
_MAGNITUDES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12,
}
# single letters glued to a number: only a magnitude when something confirms it (see _confirmed)
_SUFFIX_MAGNITUDES: dict[str, float] = {
    "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "B": 1e9, "b": 1e9, "T": 1e12,
    "bn": 1e9, "mn": 1e6, "tn": 1e12, "mln": 1e6,
}
_VAGUE: dict[str, tuple[float, float]] = {
    "dozens": (24, 99), "hundreds": (100, 999), "thousands": (1e3, 9999),
    "millions": (1e6, 999999999), "billions": (1e9, 999999999999),
    "tens of thousands": (1e4, 99999), "hundreds of thousands": (1e5, 999999),
    "tens of millions": (1e7, 99999999), "hundreds of millions": (1e8, 999999999),
}

_QUALIFIER_WORDS: dict[str, str] = {
    "approximately": "approximate", "approx.": "approximate", "approx": "approximate",
    "about": "approximate", "around": "approximate", "roughly": "approximate",
    "nearly": "approximate", "almost": "approximate", "some": "approximate",
    "circa": "approximate", "an estimated": "approximate", "estimated": "approximate",
    "close to": "approximate", "~": "approximate", "≈": "approximate",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "upwards of": "at_least", "≥": "at_least",
    "more than": "more_than", "over": "more_than", "exceeding": "more_than",
    "above": "more_than", "in excess of": "more_than", "north of": "more_than",
    "just over": "more_than", "greater than": "more_than", ">": "more_than",
    "at most": "at_most", "no more than": "at_most", "up to": "at_most",
    "a maximum of": "at_most", "as many as": "at_most", "≤": "at_most",
    "as much as": "at_most", "as high as": "at_most",  # "up as much as 70% in its debut": a peak
    "as few as": "at_least", "as little as": "at_least", "as low as": "at_least",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than",
    "below": "less_than", "just under": "less_than", "<": "less_than",
}
_QUAL_ALT = "|".join(re.escape(k) for k in sorted(_QUALIFIER_WORDS, key=len, reverse=True))
# qualifier immediately before a figure (searched in a short slice ending at the figure)
_QUAL_PRE_RE = re.compile(rf"(?:(?<![\w.])(?P<q>{_QUAL_ALT})\s+|(?P<s>[~≈≥≤<>])\s?)\Z", re.I)
_DATE_QUAL_RE = re.compile(
    r"(?<![\w])(?P<q>before|prior to|until|till|by|after|since|around|about|circa|c\.|approximately"
    r"|roughly|no later than|no earlier than)\s+(?:the\s+)?\Z", re.I)
_LABEL_NOUN = re.compile(r",?\s*[a-z]")  # a date followed by a noun it labels
_THE_END = re.compile(r"\bthe\s+\Z", re.IGNORECASE)
_NOT_BEFORE_RE = re.compile(r"\b(?:not|n't|never)\b[^.;:]*\Z", re.I)
_DATE_QUAL_MAP = {"before": "before", "prior to": "before", "until": "by", "till": "by",  # "until 31 July" includes it
                  "by": "by", "no later than": "by", "after": "after", "since": "since",
                  "no earlier than": "after"}
_CUR_PRE_RE = re.compile(
    r"(?P<c>US\$|HK\$|A\$|C\$|\$|€|£|¥|₹|(?<![A-Za-z])(?:USD|EUR|GBP|CNY|RMB|JPY|INR)\s?)\Z")
_CURRENCY_SYMBOLS = {"US$": "USD", "HK$": "HKD", "A$": "AUD", "C$": "CAD", "$": "USD",
                     "€": "EUR", "£": "GBP", "₹": "INR", "¥": "¥"}

# Spellings recognised after a number.  Symbols are handled separately; one-letter and
# ambiguous spellings ("x", "sec", "min" before a capital...) are only taken when glued.
_GLUED_ONLY = {"x", "fold", "$", "€", "£", "₹", "us$", "hk$", "c$", "a$", "%"}
_UNIT_ALT = "|".join(
    re.escape(s).replace(r"\ ", r"[\s-]+")
    for s in sorted(UNIT_SPELLINGS, key=len, reverse=True)
    if s not in _GLUED_ONLY)
_UNIT_RE = re.compile(rf"[\s-]?\s*(?P<u>{_UNIT_ALT})(?![A-Za-z0-9])", re.I)
_PERCENT_RE = re.compile(r"\s?(?P<u>%|percent(?![A-Za-z])|per\s+cent(?![A-Za-z])"
                         r"|percentage[\s-]+points?(?![A-Za-z])|pct(?![A-Za-z]))", re.I)
_MAG_WORD_RE = re.compile(r"[\s-]?\s*(?P<m>thousand|million|billion|trillion|mn|mln|bn|tn)"
                          r"(?![A-Za-z])", re.I)
# words a unit noun may sit behind: "2,048 NVIDIA H800 GPUs", "100B+ effective parameters"
_SKIP_RE = re.compile(
    r"[ \t]+(?:[A-Z][A-Za-z0-9&'’.-]*|[A-Za-z]*\d[A-Za-z0-9-]*|(?:high-end|low-end|effective|"
    r"active|total|additional|new|more|extra|advanced|domestic|dedicated|existing|"
    r"physical|powerful|individual|separate|older|newer|mid-range|top-end)(?![A-Za-z]))")
_OF_RE = re.compile(r"[ \t]+of(?![A-Za-z])")
_WINDOW = 4

# ------------------------------------------------------------------ pass 1: junk

_JUNK_RE = re.compile(
    r"(?<![\w.:/])(?:"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?(?![A-Za-z]))?"  # 10:30, 4:15 p.m.
    r"|\d{1,2}\s*[ap]\.?m\.?(?![A-Za-z])"  # 4pm, 9 a.m.
    r"|\d{1,4}/\d{1,2}(?:/\d{1,4})?"  # 1/30/2025, 24/7
    r"|(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}(?![\d.,])"  # phone-like
    r"|[vV]?\d+(?:\.\d+){2,}"  # 1.2.3, 192.168.0.1
    r")")

# ------------------------------------------------------------------ pass 2: dates

_DATE_RE = re.compile(
    rf"(?<![\w.-])(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?![\d-])"
    rf"|(?<![\w])(?P<m1>{_MONTH})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>{_YEAR})"
    rf"|(?<![\w.,])(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\.?,?\s+"
    rf"(?P<y2>{_YEAR})(?!\d)"
    rf"|(?<![\w])(?P<pm>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+(?P<m3>{_MONTH})\.?,?\s+(?P<y3>{_YEAR})(?!\d)"
    rf"|(?<![\w])(?P<m4>{_MONTH})\.?,?\s+(?:of\s+)?(?P<y4>{_YEAR})(?!\d)"
    rf"|(?<![\w])(?:Q(?P<q1>[1-4])|(?P<qw>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)[\s-]+quarter"
    rf"(?:\s+of)?)\s+(?P<qy>{_YEAR})(?!\d)"
    rf"|(?<![\w])(?P<qy2>{_YEAR})[\s-]?Q(?P<q2>[1-4])(?![\w])"
    rf"|(?<![\w])(?:(?:[Tt]he\s+)?(?P<hw>[Ff]irst|[Ss]econd)\s+half\s+of|H(?P<h1>[12]))\s+"
    rf"(?P<hy>{_YEAR})(?!\d)"
    rf"|(?<![\w])(?P<pw>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+(?:in\s+)?(?P<py>{_YEAR})(?!\d)"
    rf"|(?<![\w])(?:[Tt]he\s+)?(?P<pw2>[Ss]tart|[Bb]eginning|[Ee]nd|[Mm]iddle)\s+of\s+"
    rf"(?P<py2>{_YEAR})(?!\d)"
    rf"|(?<![\w])(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all)\s+(?:of\s+)?(?P<sy>{_YEAR})"
    rf"(?!\d)"
    rf"|(?<![\w$€£])(?P<dec>(?:19|20)\d0)s(?![\w])"
    rf"|(?<![\w])(?:[Bb]etween|[Ff]rom)\s+(?P<by1>{_YEAR})\s+(?:and|to|until|through)\s+"
    rf"(?P<by2>{_YEAR})(?![\w%]|[.,]\d)"
    rf"|(?<![\w$€£.,])(?P<ry1>{_YEAR})\s?[–—-]\s?(?P<ry2>(?:19|20)\d{{2}}|\d{{2}})(?![\w%]|[.,]\d)"
    rf"|(?<![\w])(?P<m5>{_MONTH})\.?\s+(?P<d5>[0-3]?\d)(?:st|nd|rd|th)?(?!\w|\s*,?\s*\d)"
    rf"|(?<![\w.,$€£])(?P<d6>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m6>{_MONTH})(?![\w]|\.?,?\s*\d)"
    rf"|(?<=\s)(?P<m7>{_FULL_MONTH})(?![\w-]|\.?,?\s*\d)"
)
# A month named alone is a date only after a word that makes it one: "the recall Tesla conducted in
# November", "since March" (not "May said", "April Smith").
_RELATIVE_YEAR = re.compile(r",?\s+(last|this|next)\s+year\b", re.IGNORECASE)
_BARE_MONTH_CUE = re.compile(r"\b(?:in|since|until|till|by|during|through|from|before|after|early|late|mid|of|"
                             r"last|this|next|that|between|and|to)[\s-]+\Z", re.IGNORECASE)
# Words by which a sentence announces rather than reports (also used by the timeline).
ANNOUNCES = re.compile(r"\b(?:will|shall|due|scheduled|expected|expects|plans?|planned|set to|next|upcoming|"
                        r"slated|forecast|is to|are to|targeting|targets|aims?|aiming|intends?|hopes?)\b", re.I)
_NEAR_FUTURE = datetime.timedelta(days=90)
_NEAR_SCHEDULE = datetime.timedelta(days=31)
# A past tense before a date tells what happened: "approved a major disaster declaration on Aug. 10".
_PAST_TENSE = re.compile(r"\b(?:[a-z]{2,}ed|was|were|had|did|made|took|came|went|said|won|lost|left|began|rose|fell|"
                         r"hit|struck|met|saw|got|gave|held|told|ran|sold|paid|spent|brought|bought|kept|led|"
                         r"became|broke|chose|drew|drove|flew|grew|knew|shook|shot|spoke|stood|swore|threw|wrote)\b")


def _ahead(masked: str, start: int) -> datetime.timedelta:
    """How far past the publication date a date without a year may lie: 90 days where the sentence
    announces it ("will splash down on Dec. 11"), a month where it tells a schedule in the present
    ("PSG face Lyon in the final on 25 May", "It leaves orbit on Dec. 1"), none in the past tense."""
    if ANNOUNCES.search(masked, max(0, start - 200), start):
        return _NEAR_FUTURE
    return datetime.timedelta(0) if _PAST_TENSE.search(masked, max(0, start - 80), start) else _NEAR_SCHEDULE
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")  # a date without a year is at most this far ahead
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _calendar_dates(year: int, month: int, day: int) -> list[datetime.date]:
    """The day in the year before, of, and after `year`, where it exists (29 February)."""
    found = []
    for y in (year - 1, year, year + 1):
        try:
            found.append(datetime.date(y, month, day))
        except ValueError:
            continue
    return found


def _date_from_match(m: re.Match[str], default_year: int | None,
                     near: datetime.date | None = None, ahead: datetime.timedelta = datetime.timedelta(0)
                     ) -> DateValue | None:
    """Turn one _DATE_RE match into a DateValue; None to mask the text without reporting it."""
    g = m.group
    try:
        if g("iy"):
            d = datetime.date(int(g("iy")), int(g("im")), int(g("id")))
            return DateValue(d, d, "day")
        if g("m1") or g("d2"):
            mon = _month(g("m1") or g("m2"))
            d = datetime.date(int(g("y1") or g("y2")), mon, int(g("d1") or g("d2")))
            return DateValue(d, d, "day")
        if g("m3"):
            mon = _month(g("m3"))
            return month_span(int(g("y3")), mon, mon, "month")
        if g("m4"):
            mon = _month(g("m4"))
            return month_span(int(g("y4")), mon, mon, "month")
        if g("qy") or g("qy2"):
            q = int(g("q1") or g("q2") or _QUARTER_WORDS[(g("qw") or "first").lower()])
            return month_span(int(g("qy") or g("qy2")), 3 * q - 2, 3 * q, "quarter")
        if g("hy"):
            h = int(g("h1")) if g("h1") else (1 if g("hw").lower() == "first" else 2)
            return month_span(int(g("hy")), 6 * h - 5, 6 * h, "half")
        if g("py") or g("py2") or g("sy"):
            word = (g("pw") or g("pw2") or g("season")).lower()
            first, last = PART_YEAR["mid" if word == "middle" else word]
            return month_span(int(g("py") or g("py2") or g("sy")), first, last, "part-year")
        if g("dec"):
            y = int(g("dec"))
            return DateValue(datetime.date(y, 1, 1), datetime.date(y + 9, 12, 31), "decade")
        if g("ry1") or g("by1"):
            y1, tail = int(g("ry1") or g("by1")), g("ry2") or g("by2")
            y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
            if y2 <= y1 or y2 - y1 > 50:
                return None
            return DateValue(datetime.date(y1, 1, 1), datetime.date(y2, 12, 31), "year")
        if g("m7"):
            if not _BARE_MONTH_CUE.search(m.string, max(0, m.start() - 12), m.start()):
                return None
            mon = _month(g("m7"))
            relative = _RELATIVE_YEAR.match(m.string, m.end())
            if near is not None and relative:  # "in February last year"
                year = near.year + {"last": -1, "this": 0, "next": 1}[relative.group(1).lower()]
            elif near is not None:  # the latest such month not past the article's horizon
                latest = near + ahead
                year = max(y for y in (near.year - 1, near.year, near.year + 1) if datetime.date(y, mon, 1) <= latest)
            elif default_year is not None:
                year = default_year
            else:
                return None
            return month_span(year, mon, mon, "month")
        if g("m5") or g("m6"):
            month, day = _month(g("m5") or g("m6")), int(g("d5") or g("d6"))
            if near is not None:
                # News reports the past, and announces the next few months: "6 July" in an
                # article of 1 Aug 2024 is 6 July 2024 and "20 December" December 2023; "will
                # splash down on Dec. 11" may lie up to 90 days ahead (see _ahead).
                latest = near + ahead
                d = max(o for o in _calendar_dates(near.year, month, day) if o <= latest)
            elif default_year is not None:
                d = datetime.date(default_year, month, day)
            else:
                return None
            return DateValue(d, d, "day")
    except (ValueError, KeyError, OverflowError):  # no such day, or past year 9999 ("near" 9999-12-31)
        return None
    return None


def _date_qualifier(masked: str, start: int, end: int) -> tuple[str, int]:
    m = _DATE_QUAL_RE.search(masked, max(0, start - 24), start)
    if not m:
        return "exact", start
    if _THE_END.search(m.group()) and _LABEL_NOUN.match(masked, end):
        return "exact", start  # "in the days after the Nov. 10, 2023, evacuation": the date names the event
    word = " ".join(m.group("q").lower().split())
    qual = _DATE_QUAL_MAP.get(word, "approximate")
    if word in ("until", "till") and _NOT_BEFORE_RE.search(masked, max(0, m.start() - 40), m.start()):
        return "exact", start  # "did not lift off until Nov. 16": it lifted off on Nov. 16
    return qual, m.start("q")


# ------------------------------------------------------------------ pass 3: number words

_WORDNUM_RE = re.compile(
    rf"(?<![\w-])(?:(?P<o1>{_SMALL_ALT})(?:\s+(?:to|or)\s+(?P<o2>{_SMALL_ALT}))?"
    r"\s+orders?\s+of\s+magnitude"
    r"|(?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|"
    r"millions|billions)"
    r"|(?P<pfrac>half|a\s+quarter|quarter|three[\s-]+quarters?)(?:\s+of)?(?:\s+an?)?[\s-]+"
    r"(?:percentage[\s-]+)?points?"
    rf"|(?:(?P<frac>half|a\s+quarter\s+of|three[\s-]+quarters\s+of)\s+an?\s+"
    rf"|(?P<wn>{_SMALL_ALT}|an?)[\s-]+)?(?P<wmag>hundred|thousand|million|billion|trillion)"
    rf"|(?P<card>{_SMALL_ALT}))(?![\w])",
    re.I)


_DIGIT_BEFORE_RE = re.compile(r"\d[\s-]?\Z")
_FRACTIONS = {"half": 0.5, "a quarter of": 0.25, "three quarters of": 0.75}


@dataclass
class _Found:
    start: int
    end: int
    value: Value


def _word_numbers(masked: str) -> list[_Found]:
    out: list[_Found] = []
    for m in _WORDNUM_RE.finditer(masked):
        start, end = m.span()
        if m.group("o1"):
            lo = float(_SMALL_NUMBERS[m.group("o1").lower()])
            hi = float(_SMALL_NUMBERS[(m.group("o2") or m.group("o1")).lower()])
            if hi < lo:
                continue
            unit: str | None = "orders of magnitude"
            step = 1.0
        elif m.group("pfrac"):
            # "half a percentage point", "a quarter-point cut": rate moves in percentage points
            word = m.group("pfrac").lower().replace("-", " ").split()
            lo = hi = 0.5 if word[0] == "half" else 0.75 if word[0] == "three" else 0.25
            unit, step = "percentage points", 0.25
        elif m.group("vague"):
            key = " ".join(m.group("vague").lower().split())
            lo, hi = _VAGUE[key]
            step = 1.0
            unit, uend = _find_unit(masked, end, allow_of=True)
        elif m.group("wmag"):
            mag = _MAGNITUDES[m.group("wmag").lower()]
            step = mag
            if m.group("frac"):
                # "half a billion" is 500 million, stated to about a tenth of the magnitude
                lo = _FRACTIONS[" ".join(m.group("frac").lower().replace("-", " ").split())] * mag
                step = mag / 10
            elif m.group("wn"):
                lo = _SMALL_NUMBERS[m.group("wn").lower()] * mag
            else:
                # a bare "thousand" only counts in a compound: "thousand-chip training jobs"
                if not masked.startswith("-", end) or _DIGIT_BEFORE_RE.search(
                        masked, max(0, start - 3), start):
                    continue
                lo = mag
            hi = lo
            unit, uend = _find_unit(masked, end, allow_of=True)
            if uend > end and masked[end] == "-":
                end = uend
        else:
            # a bare cardinal is a figure only with a unit or a counted noun after it: "two years",
            # "all eight counts", "seven Ligue 1 titles"
            um = _UNIT_RE.match(masked, end)
            noun = None if um else _counted_noun(masked, end)
            if not um and not noun:
                continue
            lo = hi = float(_SMALL_NUMBERS[m.group("card").lower()])
            unit = canonical_unit(um.group("u")) if um else noun
            end = um.end() if um else end
            step = 1.0
        qual, qstart = _qualifier(masked, start)
        out.append(_Found(qstart, end, Quantity(lo, hi, unit, qual, step)))
    return out


# ------------------------------------------------------------------ pass 4: digit figures

_NUM_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_GROUPED_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_LETTERS_RE = re.compile(r"[A-Za-z]+(?:/s)?")
_RANGE_CUE_RE = re.compile(r"\b(?:range|band|corridor)\s+(?:of\s+|at\s+|between\s+|to\s+)?\Z", re.I)
_RANGE_SEP_RE = re.compile(r"\s*(?P<sep>–|—|-|to|and)\s*(?=[$€£¥₹]?\d)")
_POST_QUAL_RE = re.compile(
    r"\s*(?P<p>\+|or more|or so|plus|or less|or fewer"
    r"|(?:to|or)\s+(?:several|many|a\s+few|multiple|more)\s+[a-z]+)(?![A-Za-z])")
_NAME_WORD_RE = re.compile(r"(?P<w>[A-Za-z][A-Za-z.]*)\s+\Z")
_NOT_NAMES = {
    "the", "in", "at", "on", "by", "of", "for", "from", "to", "with", "and", "or", "but",
    "only", "just", "about", "around", "over", "under", "nearly", "almost", "some", "all",
    "top", "since", "until", "after", "before", "during", "roughly", "approximately",
    "exactly", "estimated", "another", "those", "these", "its", "their", "his", "her", "our",
    "your", "than", "as", "through", "throughout", "between", "least", "most",
    "each", "every", "fewer", "more", "less", "up", "down", "past",
}
_NUMBERING_WORDS = {"no.", "no", "number", "version", "v", "page", "p.", "pp.", "chapter",
                    "section", "table", "figure", "fig.", "article", "step", "route",
                    "flight", "room", "gate", "episode", "season", "volume", "vol.", "issue",
                    "part", "level", "phase", "grade", "class", "type", "model", "series"}
_DURATION_DIMS = {"duration", "compute-time"}
# "for over 10 years" is "more than"; "$500bn over 5 years", "GPUs over 2.788M GPU-hours" a span
_OVER_MEANS_MORE = {"for", "took", "lasted", "in", "of", "after", "spent", "last", "than",
                    "lasting", "taking", "ago", "since"}
# a plural noun right after a figure is its unit ("12 survivors"), unless it is a common word
_PLURAL_NOUN_RE = re.compile(rf"[ \t]+(?P<n>[a-z][a-z-]+[a-rt-z]s|{IRREGULAR_PLURAL})(?![\w])")
# Words that say what is counted, before the counted noun: "25 billion health care transactions",
# "44 silver medals" (kept in the unit: silver medals are not all medals; see attribute._fits).
_NOT_COMPOUND = ("in|of|to|the|and|or|for|with|by|at|on|from|as|than|that|which|was|were|is|are|has|had|have|"
                 "more|less|per|each|an|its|their|his|her|our|this|these|those|into|over|under|about|after|"
                 "before|since|when|while|who|would|could|will|also|only|just|been|being|not|all|other|such")
_COMPOUND_NOUN_RE = re.compile(rf"(?:[ \t]+(?!(?:{_NOT_COMPOUND})\b)[a-z]{{3,}}(?<!s)){{1,2}}"
                               r"[ \t]+(?P<n>[a-z][a-z-]+[a-rt-z]s)(?![\w])")
# A qualifier that makes the count a different one: "312 electoral votes" are not votes cast.
_QUALIFIED_NOUN_RE = re.compile(r"[ \t]+(?P<q>[a-z]+(?:al|ic|ive|ous|ary))[ \t]+(?P<n>[a-z][a-z-]+[a-rt-z]s)(?![\w])")
_NOT_NOUNS = {"was", "has", "does", "this", "its", "his", "less", "across", "plus", "thus",
              "unless", "whereas", "always", "perhaps", "sometimes", "hers", "yours", "ours",
              "theirs", "besides", "towards", "afterwards", "means", "seems",
              "remains", "makes", "takes", "goes", "comes", "says", "gets", "shows",
              "marks", "represents", "includes", "becomes", "leaves"}


@dataclass
class _Atom:
    """One number as written: digits, then an optional glued suffix/magnitude/percent/unit."""

    start: int
    end: int  # end of everything the atom consumed
    value: float
    step: float
    plain: bool  # digits only: no grouping comma, decimals, magnitude, unit
    unit: str | None
    needs_confirm: bool  # magnitude from a bare glued letter ("100B") awaiting confirmation
    has_mag: bool
    digits: str


# A letter glued to a figure is a temperature only within the range of weather readings.
_TEMPERATURE_LETTERS = {"C": (-90.0, 60.0, "°C"), "F": (-130.0, 140.0, "°F")}
_SUPERLATIVE_RE = re.compile(r"[\s-]+(?:(?:most|least)[\s-]+[a-z]+|[a-z]+est)\b", re.I)
_ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}
# "the third-largest bank", "a Category 4 hurricane": ranks and categories, read as ordinals.
_ORDINAL_RE = re.compile(
    rf"(?<![\w-])(?:(?P<w>{'|'.join(_ORDINAL_WORDS)})(?=[\s-]+(?:(?:most|least)[\s-]+[a-z]+|[a-z]+est)\b)"
    r"(?P<sup>[\s-]+(?:(?:most|least)[\s-]+[a-z]+|[a-z]+est))|Category[\s-]+(?P<c>[1-5])(?![\w.]))", re.I)


# Readings on a named scale, the scale first: "a magnitude 6.8 earthquake", "magnitude-6.8", "an
# air quality index of 484", "AQI reached 484"; or after: "6.4 on the Richter scale".
_SCALE_RE = re.compile(
    r"(?<![\w-])(?:(?P<mag>[Mm]agnitude)[\s-]+(?P<mv>\d{1,2}(?:\.\d{1,2})?)(?![\d.,]\d)"
    r"|(?P<aqi>AQI|[Aa]ir[\s-]+[Qq]uality[\s-]+[Ii]ndex)(?:[\s-]+(?:reading|readings|value|level))?"
    r"(?:\s+(?:of|at|reached|hit|topped|peaked\s+at|was|stood\s+at|rose\s+to|climbed\s+to))?\s+(?:an?\s+)?"
    r"(?:(?P<aq>about|around|nearly|almost|more\s+than|over)\s+)?(?P<av>\d{1,4})(?![\d.,]\d)"
    r"|(?P<rv>\d{1,2}(?:\.\d{1,2})?)\s+on\s+the\s+Richter\s+scale)")


def _scales(masked: str) -> list[_Found]:
    out = []
    for m in _SCALE_RE.finditer(masked):
        if m.group("aqi"):
            value, unit, start = float(m.group("av")), "AQI", m.start("av")
            qual = _QUALIFIER_WORDS.get(" ".join((m.group("aq") or "").lower().split()), "exact")
            start = m.start("aq") if m.group("aq") else start
        else:
            digits = m.group("mv") or m.group("rv")
            value, unit, qual = float(digits), "magnitude", "exact"
            start = m.start() if m.group("mag") else m.start("rv")
        step = 10.0 ** -len(digits.partition(".")[2]) if unit == "magnitude" else 1.0
        out.append(_Found(start, m.end(), Quantity(value, value, unit, qual, step)))
    return out


def _ordinals(masked: str) -> list[_Found]:
    out = []
    for m in _ORDINAL_RE.finditer(masked):
        rank = _ORDINAL_WORDS[m.group("w").lower()] if m.group("w") else int(m.group("c"))
        out.append(_Found(m.start(), m.end(), Quantity(float(rank), float(rank), "ordinal", "exact", 1.0)))
    return out


def _scaled(digits: str, mag: float) -> float:
    """digits x a power of ten without binary rounding noise: 1.6 trillion == 1.6e12 exactly."""
    return float(Decimal(digits).scaleb(round(math.log10(mag))))


def _read_atom(masked: str, s: int, e: int) -> _Atom | None:
    raw = masked[s:e].rstrip(",")
    e = s + len(raw)
    if "," in raw and not _GROUPED_RE.fullmatch(raw):
        return None
    digits = raw.replace(",", "")
    intpart, _, frac = digits.partition(".")
    if len(intpart) > _MAX_DIGITS or len(frac) > _MAX_DIGITS:
        return None
    value = float(digits)
    decimals = len(frac)
    step = 10.0 ** -decimals
    plain = raw.isdigit()
    unit: str | None = None
    needs_confirm = False
    has_mag = False
    pos = e
    n = len(masked)
    if pos < n and masked[pos] == "." and pos + 1 < n and masked[pos + 1].isdigit():
        return None  # "1.2.3"-like
    if pos < n and masked[pos].isalpha():
        lm = _LETTERS_RE.match(masked, pos)
        if lm is None:
            return None  # glued to a letter outside A-Z ("0À"): part of an identifier
        word = lm.group()
        after = lm.end()
        glued_ok = after >= n or not masked[after].isalnum()
        canon = UNIT_SPELLINGS.get(word.lower())
        if glued_ok and word in _SUFFIX_MAGNITUDES:
            mag = _SUFFIX_MAGNITUDES[word]
            value, step = _scaled(digits, mag), _scaled("1", mag) / 10**decimals
            has_mag = True
            # lower-case "m" could be metres, "B"/"T" part of a name like "910B": confirm later
            needs_confirm = word not in ("bn", "mn", "tn", "mln")
            pos = after
        elif glued_ok and canon is not None and (word[0].islower() or word.isupper()):
            unit = canon
            pos = after
        elif glued_ok and word in _TEMPERATURE_LETTERS and not decimals > 1 and (
                _TEMPERATURE_LETTERS[word][0] <= value <= _TEMPERATURE_LETTERS[word][1]):
            unit = _TEMPERATURE_LETTERS[word][2]  # "40.3C", "104F"; "910C" is out of range, a name
            pos = after
        elif glued_ok and word.lower() in ("st", "nd", "rd", "th") and (sup := _SUPERLATIVE_RE.match(masked, after)):
            unit = "ordinal"  # "16th-largest": a rank, read only with its superlative
            pos = sup.end()
        elif len(word) >= 2 and word[0].isupper() and word[1].islower():
            pass  # table cells glued together: "3,958Restricted", "2024Pre-training"
        else:
            return None  # part of an identifier: "910C", "3rd", "5G"
    else:
        mm = _MAG_WORD_RE.match(masked, pos)
        if mm:
            mag = _MAGNITUDES[mm.group("m").lower()]
            value, step = _scaled(digits, mag), _scaled("1", mag) / 10**decimals
            has_mag = True
            pos = mm.end()
    if unit is None:
        pm = _PERCENT_RE.match(masked, pos)
        if pm:
            unit = canonical_unit(pm.group("u"))
            pos = pm.end()
        else:
            um = _UNIT_RE.match(masked, pos)
            if um:
                unit = canonical_unit(um.group("u"))
                pos = um.end()
    plain = plain and not has_mag and unit is None
    return _Atom(s, pos, value, step, plain, unit, needs_confirm, has_mag, digits)


def _find_unit(masked: str, pos: int, allow_of: bool = False) -> tuple[str | None, int]:
    """Look a few words ahead for a unit noun; returns (unit, end of the unit or pos)."""
    um = _UNIT_RE.match(masked, pos)
    if um:
        return canonical_unit(um.group("u")), um.end()
    p = pos
    if allow_of:
        om = _OF_RE.match(masked, p)
        if om:
            p = om.end()
    for _ in range(_WINDOW):
        sm = _SKIP_RE.match(masked, p)
        if not sm:
            um = _UNIT_RE.match(masked, p)
            return (canonical_unit(um.group("u")), pos) if um else (None, pos)
        um = _UNIT_RE.match(masked, p)
        if um:
            return canonical_unit(um.group("u")), pos
        p = sm.end()
    um = _UNIT_RE.match(masked, p)
    return (canonical_unit(um.group("u")), pos) if um else (None, pos)


_OF_WHOLE_RE = re.compile(r"\s+of\s+(?:the\s+|all\s+)?\d[\d,]*(?:\.\d+)?(?=\s)")


def _unit_of_whole(masked: str, pos: int) -> str | None:
    """"411 of the 650 seats": the part is counted in the whole's unit."""
    m = _OF_WHOLE_RE.match(masked, pos)
    if m is None:
        return None
    unit, _ = _find_unit(masked, m.end())
    return unit or _counted_noun(masked, m.end())


def _counted_noun(masked: str, pos: int) -> str | None:
    """A plural noun right after a figure, or after names and digits ("8.5 million Windows devices");
    with its qualifier, if one stands between ("312 electoral votes")."""
    qm = _QUALIFIED_NOUN_RE.match(masked, pos)
    if qm and qm.group("n") not in _NOT_NOUNS:
        return f"{qm.group('q')} {qm.group('n')}"
    for _ in range(_WINDOW):
        nm = _PLURAL_NOUN_RE.match(masked, pos)
        if nm:
            return nm.group("n") if nm.group("n") not in _NOT_NOUNS else None
        sm = _SKIP_RE.match(masked, pos)
        if not sm:
            cm = _COMPOUND_NOUN_RE.match(masked, pos)
            return " ".join(cm.group().split()) if cm and cm.group("n") not in _NOT_NOUNS else None
        pos = sm.end()
    return None


def _qualifier(masked: str, start: int) -> tuple[str, int]:
    m = _QUAL_PRE_RE.search(masked, max(0, start - 20), start)
    if not m:
        return "exact", start
    word = m.group("q") or m.group("s")
    return _QUALIFIER_WORDS[" ".join(word.lower().split())], m.start()


def _split_identifier(masked: str, s: int, e: int, identifiers: frozenset[str]) -> int | None:
    """Where a known identifier glued to a number ends ("H800|80 GB"), if exactly one does."""
    if not identifiers:
        return None
    t = s
    while t > 0 and masked[t - 1].isalnum():
        t -= 1
    splits = {t + len(ident) for ident in identifiers
              if s <= t + len(ident) < e and masked.startswith(ident, t)
              and masked[t + len(ident)].isdigit()}
    return splits.pop() if len(splits) == 1 else None


def _is_name_number(masked: str, start: int) -> bool:
    """"Dapta 101", "Windows 11", "Table 3": a bare number right after a name or numbering word."""
    m = _NAME_WORD_RE.search(masked, max(0, start - 30), start)
    if not m:
        return False
    word = m.group("w")
    if word.lower() in _NUMBERING_WORDS:
        return True
    # "iOS 17", "Windows 11", "Dapta 101": a capitalised name; "Some 500" is not one
    return word.lower() not in _NOT_NAMES and word.lower() not in MONTHS and any(
        c.isupper() for c in word)


def _digit_figures(masked: str, identifiers: frozenset[str], standalone: bool) -> list[_Found]:
    out: list[_Found] = []
    consumed = 0
    for m in _NUM_RE.finditer(masked):
        s, e = m.span()
        if s < consumed:
            continue
        prev = masked[s - 1] if s > 0 else ""
        if prev.isalpha() or prev == "_":
            split = _split_identifier(masked, s, e, identifiers)
            if split is None:
                continue
            s = split
        elif prev in "-–—" and s >= 2 and masked[s - 2].isalnum():
            continue  # "COVID-19", the tail of a rejected "123-4567" or "910C64–96"
        elif prev in "/\\#:'’." and prev != "":
            continue
        atom = _read_atom(masked, s, e)
        if atom is None:
            continue
        # currency sign and qualifier before the number
        start = s
        currency: str | None = None
        cm = _CUR_PRE_RE.search(masked, max(0, s - 4), s)
        if cm:
            sym = cm.group("c").strip()
            currency = _CURRENCY_SYMBOLS.get(sym) or canonical_unit(sym)
            start = cm.start()
        qual, qstart = _qualifier(masked, start)
        qword = masked[qstart:start].strip().lower()
        lo = hi = atom.value
        step = atom.step
        unit = atom.unit
        end = atom.end
        plain = atom.plain and currency is None
        needs_confirm = atom.needs_confirm
        # ranges: "64–96 GB", "$1 billion to $2 billion", "between 10 and 15 percent"
        rm = _RANGE_SEP_RE.match(masked, end)
        if rm:
            sep = rm.group("sep")
            before = masked[max(0, start - 9):start].lower()
            ok_sep = (sep in "–—" or (sep == "-" and rm.group() == "-")
                      # "rose 3% to 5%" is a change, "10 to 15 percent" a range, and so is
                      # "a target range of 4.75% to 5%"
                      or (sep == "to" and atom.unit is None
                          and not before.rstrip().endswith("from"))
                      or (sep == "to" and bool(_RANGE_CUE_RE.search(masked, max(0, start - 30), start)))
                      or (sep == "and" and before.rstrip().endswith("between")))
            s2 = rm.end()
            cur2: str | None = None
            if masked[s2] in "$€£¥₹":
                cur2 = _CURRENCY_SYMBOLS.get(masked[s2])
                s2 += 1
            if cur2 is not None and cur2 != currency:
                ok_sep = False
            m2 = _NUM_RE.match(masked, s2)
            atom2 = _read_atom(masked, s2, m2.end()) if (ok_sep and m2) else None
            if atom2 is not None:
                chained = _RANGE_SEP_RE.match(masked, atom2.end)
                phone_like = (atom2.plain and plain) or bool(chained and chained.group() == "-")
                if sep == "-" and phone_like:
                    consumed = atom2.end
                    continue  # "123-4567", "3-2", "555-123-4567": phone, score or code
                lo2 = atom2.value
                if atom2.has_mag and not atom.has_mag and float(atom2.digits):
                    mag = atom2.value / float(atom2.digits)  # "3-4 million": shared magnitude
                    if lo * mag <= lo2:
                        lo *= mag
                        step *= mag
                u2 = atom2.unit
                same_dim = unit is None or u2 is None or unit_dimension(unit) == unit_dimension(u2)
                if same_dim and lo <= lo2:
                    hi = lo2
                    unit = u2 or unit
                    step = min(step, atom2.step)
                    end = atom2.end
                    plain = False
                    needs_confirm = needs_confirm or atom2.needs_confirm
        # "+", "or more", "or so" after the figure
        pm = _POST_QUAL_RE.match(masked, end)
        plus = False
        if pm:
            p = pm.group("p").lower()
            if p in ("+", "plus", "or more") or (
                    p[:2] in ("to", "or") and p not in ("or so", "or less", "or fewer")):
                # "18 months to several years": a lower end with no stated upper one
                qual, plus = "at_least", True
            elif p == "or so":
                qual = "approximate"
            else:
                qual = "at_most"
            end = pm.end()
            plain = False
        if currency is not None:
            if unit is not None and unit_dimension(unit) != "currency":
                pass  # "$5 per ..." with another unit: keep the currency (money is the figure)
            unit = currency
        window_unit: str | None = None
        if unit is None:
            window_unit, _ = _find_unit(masked, end, allow_of=atom.has_mag)
        # a glued single-letter magnitude needs a reason to be one: "$5B", "100B+", "32T tokens"
        # "8.5m devices": a lower-case m/bn/mn before a counted noun is a magnitude ("4K
        # televisions" is a resolution, so not K)
        counted = masked[atom.start:atom.end].endswith(("m", "bn", "mn")) and _counted_noun(masked, end)
        if needs_confirm and not (currency or plus or unit or window_unit or standalone or counted):
            continue
        # bare 1900-2100 with nothing that makes it a count: a year
        if (plain and hi == lo and len(atom.digits) == 4 and 1900 <= lo <= 2100
                and qual in ("exact", "approximate") and not masked.startswith("+", end)):
            if _is_name_number(masked, start):
                continue
            dqual, dstart = _date_qualifier(masked, start, end)
            year = year_value(int(lo))
            if qual == "approximate":
                dqual, dstart = "approximate", qstart
            out.append(_Found(dstart, end, with_date_qualifier(year, dqual)))
            consumed = end
            continue
        if unit is None:
            unit = window_unit
        known_unit = unit is not None
        if unit is None and not (plain and len(atom.digits) == 4):
            unit = _counted_noun(masked, end) or _unit_of_whole(masked, end)
        if plain and not known_unit and qual == "exact" and _is_name_number(masked, start):
            continue
        if plain and len(atom.digits) > 1 and atom.digits.startswith("0"):
            continue  # "007": a code
        # "2,048 GPUs over 2.788 million GPU-hours": "over" means "during", not "more than"
        if qword == "over" and unit_dimension(unit) in _DURATION_DIMS:
            wm = _NAME_WORD_RE.search(masked, max(0, qstart - 30), qstart)
            if not (wm and wm.group("w").lower() in _OVER_MEANS_MORE):
                qual, qstart = "exact", start
        out.append(_Found(qstart, end, Quantity(lo, hi, unit, qual, step)))
        consumed = end
    return out


# ------------------------------------------------------------------ driver


def _mask(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _scan(text: str, identifiers: frozenset[str], default_year: int | None,
          standalone: bool, near: datetime.date | None = None) -> list[Mention]:
    found: list[_Found] = []
    chars = list(text)
    for m in _JUNK_RE.finditer(text):
        _mask(chars, *m.span())
    masked = "".join(chars)
    told_year: int | None = None  # the year of the last date in this passage that states one
    for m in _DATE_RE.finditer(masked):
        yearless = bool(m.group("m5") or m.group("m6") or m.group("m7"))
        # Does the sentence so far announce it? Only asked where it matters, and over a bounded
        # stretch, so that a text of many dates stays linear.
        ahead = _ahead(masked, m.start()) if yearless and near is not None else datetime.timedelta(0)
        if yearless and told_year is not None:
            # "agreed to buy it on Nov. 8, 2022, …; FTX filed for bankruptcy on Nov. 11": the year
            # the sentence has just given
            value = _date_from_match(m, told_year)
        else:
            value = _date_from_match(m, default_year, near, ahead)
        start, end = m.span()
        if value is not None and value.precision in ("day", "month") and _YEAR_RE.search(m.group()):
            told_year = value.start.year
        if value is not None:
            qual, qstart = _date_qualifier(masked, start, end)
            found.append(_Found(qstart, end, with_date_qualifier(value, qual)))
        _mask(chars, start, end)
    masked = "".join(chars)
    for f in _ordinals(masked) + _scales(masked):
        found.append(f)
        _mask(chars, f.start, f.end)
    masked = "".join(chars)
    for f in _word_numbers(masked):
        found.append(f)
        _mask(chars, f.start, f.end)
    masked = "".join(chars)
    found.extend(_digit_figures(masked, identifiers, standalone))
    found.sort(key=lambda f: (f.start, -f.end))
    mentions: list[Mention] = []
    last_end = -1
    for f in found:
        if f.start < last_end or f.start >= f.end:
            continue  # overlapping claims: keep the earlier one
        if _UNIT_NAME_TAIL_RE.match(masked, f.end):
            continue  # "twenty-foot-equivalent units": the name of a unit, not a length
        mentions.append(Mention(f.start, f.end, text[f.start:f.end], _in_dollars(_deaths(masked, f))))
        last_end = f.end
    return mentions


_KILLED_BEFORE_RE = re.compile(r"\b(?:killed|killing|kills|claimed the lives of)\s+(?:\w+\s+){0,3}\Z", re.I)
_UNIT_NAME_TAIL_RE = re.compile(r"-equivalents?\b", re.I)
_TOLL_BEFORE_RE = re.compile(r"\bdeath\s+toll\b[^.;:\d]{0,30}\Z", re.I)
_KILLED_AFTER_RE = re.compile(r"\s+(?:\w+\s+){0,3}?(?:were\s+|have\s+been\s+|had\s+been\s+)?"
                              r"(?:killed|died|dead|perished|lost their lives)\b", re.I)


def _in_dollars(value: Value) -> Value:
    """"97 cents per share" is $0.97."""
    if isinstance(value, Quantity) and value.unit == "cents":
        return Quantity(value.low / 100, value.high / 100, "USD", value.qualifier, value.step / 100)
    return value


def _deaths(masked: str, f: _Found) -> Value:
    """People killed are deaths ("killed more than 59,000 people", "59,000 people died"), and so
    is a bare figure that a death toll rises to ("the death toll has risen to more than 44,000")."""
    value = f.value
    if not isinstance(value, Quantity):
        return value
    window = max(0, f.start - 40)
    if value.unit == "people" and (_KILLED_BEFORE_RE.search(masked, window, f.start)
                                   or _KILLED_AFTER_RE.match(masked, f.end)):
        return dataclasses.replace(value, unit="deaths")
    if value.unit is None and _TOLL_BEFORE_RE.search(masked, window, f.start):
        return dataclasses.replace(value, unit="deaths")
    return value


def extract(text: str, identifiers: frozenset[str] = frozenset(), *,
            default_year: int | None = None, near: datetime.date | None = None) -> list[Mention]:
    """Every date and figure in ``text``, sorted by start and non-overlapping.

    ``identifiers``: alphanumeric tokens seen standalone elsewhere in the document (see
    extract_identifiers); used to split an identifier glued to a number ("H80080 GB").
    ``near``: for dates written without a year ("6 July", "Jan 30"), the article's publication
    date: they are the latest such day on or before it, or up to 90 days after it where the
    sentence announces ("will", "due", "scheduled"); else ``default_year``; else skipped.
    """
    if not _FORMAT_CHARS.search(text):
        return _signed(text, _scan(text, identifiers, default_year, standalone=False, near=near))
    # Invisible format characters change what a figure reads as ("20\u200b24", "1.\u00ad9 trillion"):
    # read the text without them, and map each figure back to its place in the text as written.
    kept = [i for i, ch in enumerate(text) if not _FORMAT_CHARS.match(ch)]
    clean = "".join(text[i] for i in kept)
    found = _scan(clean, identifiers, default_year, standalone=False, near=near)
    mapped = [dataclasses.replace(m, start=kept[m.start], end=kept[m.end - 1] + 1,
                                  text=text[kept[m.start] : kept[m.end - 1] + 1]) for m in found]
    return _signed(text, mapped)


# Unicode format characters: soft hyphen, zero-width spaces and joiners, direction marks, BOM.
_FORMAT_CHARS = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# A minus sign before a figure: U+2212 anywhere, a hyphen only where no word or figure is glued to
# it ("-5,000", "(-3.2%)"; not "2023-24" or "COVID-19").
_MINUS_BEFORE = re.compile(r"(?:\u2212|(?<![\w.,%)\]-])-)\Z")


def _signed(text: str, mentions: list[Mention]) -> list[Mention]:
    """The figures written with a minus sign, negated: "-5,000" does not agree with 5,000."""
    out = []
    for m in mentions:
        v = m.value
        if (isinstance(v, Quantity) and m.start > 0 and v.low >= 0
                and _MINUS_BEFORE.search(text, max(0, m.start - 2), m.start)):
            v = dataclasses.replace(v, low=-v.high, high=-v.low)
            m = dataclasses.replace(m, start=m.start - 1, text=text[m.start - 1 : m.end], value=v)
        out.append(m)
    return out


def parse_whole(text: str, standalone: bool = False) -> Value | None:
    """The single value that ``text`` consists of entirely, or None (used by parse_value)."""
    stripped = text.strip()
    if standalone:
        try:
            x = float(stripped)
        except ValueError:
            pass
        else:
            if x == x and abs(x) != float("inf"):
                # the precision it is written to: "5.16" is stated to the cent, "64" to the unit
                decimals = stripped.partition(".")[2]
                step = 10.0 ** -len(decimals) if decimals.isdigit() else 1.0
                return Quantity(x, x, None, "exact", step)
    found = _scan(stripped, frozenset(), None, standalone)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].value
    return None


_TOKEN_RE = re.compile(r"(?<![A-Za-z0-9.,])[A-Za-z0-9]+(?![A-Za-z0-9]|[.,]\d)")


_CAMEL_GLUE_RE = re.compile(r"\d[A-Za-z]*[A-Z][a-z]{2,}")


def extract_identifiers(text: str) -> frozenset[str]:
    """Standalone tokens mixing letters and digits ("H800", "910B", "HBM2"), minus figures
    ("80GB", "100B+", "5bn") and minus tokens that are a shorter identifier glued to digits
    ("H80080" when "H800" is also present), so they can be passed back to extract()."""
    tokens: set[str] = set()
    for m in _TOKEN_RE.finditer(text):
        tok = m.group()
        if tok.isdigit() or tok.isalpha() or len(tok) > 20 or _CAMEL_GLUE_RE.search(tok):
            continue  # "910CHuaweiAvailable": table cells glued together, not one identifier
        if tok[0].isdigit():
            head = len(tok) - len(tok.lstrip("0123456789"))
            letters = tok[head:]
            if letters.isalpha() and letters.lower() in ("st", "nd", "rd", "th", "s", "am", "pm"):
                continue
            if letters.isalpha() and UNIT_SPELLINGS.get(letters.lower()) is not None:
                continue
            if letters in _SUFFIX_MAGNITUDES:
                nxt = text[m.end():m.end() + 1]
                prev = text[max(0, m.start() - 1):m.start()]
                if (len(letters) > 1 or nxt == "+" or prev in _CURRENCY_SYMBOLS
                        or _find_unit(text, m.end())[0] is not None):
                    continue  # "5bn", "100B+", "$5B", "70B parameters": figures
        tokens.add(tok)
    composites = {t for t in tokens
                  for other in tokens
                  if other != t and t.startswith(other) and t[len(other):].isdigit()}
    return frozenset(tokens - composites)

