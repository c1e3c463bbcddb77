"""`report --format html`: one self-contained page with a timeline lane per date claim, a value
chart per number claim and a card per claim — the same conflicts as the JSON, source text escaped,
the same bytes for the same story. The page in a real browser: tests/test_html_browser.py."""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.assess import ClaimResult, ClaimVerdict, Finding, Verdict
from factcheck.charts import timeline_svg, value_svg
from factcheck.claims import Claim
from factcheck.values import DATE_QUALIFIERS, QUANTITY_QUALIFIERS, DateValue, Quantity

from .conftest import CLAIMS, REPO, SOURCES, invoke

CORPORA = REPO / "tests" / "corpora"
TOPICS = sorted(p.name for p in CORPORA.iterdir() if (p / "claims.yaml").is_file())


class Elements(HTMLParser):
    """Every start tag of a page, with its attributes, and the text between the tags."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def having(self, tag: str, cls: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and cls in a.get("class", "").split()]


def page(claims: Path = CLAIMS, sources: Path = SOURCES, *more: str) -> str:
    run = invoke("report", "--claims", str(claims), "--sources", str(sources), "--format", "html", "--no-cache", *more)
    assert run.code == 0, run.stderr
    return run.stdout


def report_json(claims: Path = CLAIMS, sources: Path = SOURCES) -> dict[str, object]:
    run = invoke("report", "--claims", str(claims), "--sources", str(sources), "--format", "json", "--no-cache")
    document: dict[str, object] = json.loads(run.stdout)
    return document


def conflicting(document: dict[str, object], kind: str) -> set[tuple[str, str]]:
    """(claim, source:line:column) of each conflicting passage with a value, of claims of `kind`."""
    claims = document["claims"]
    assert isinstance(claims, list)
    return {(c["id"], f"{f['source']}:{f['line']}:{f['column']}") for c in claims if c["kind"] == kind
            for f in c["findings"] if f["verdict"] == "conflicts" and f["normalized"]}


def marked(elements: Elements, chart: str) -> set[tuple[str, str]]:
    """(claim, source:line:column) of each conflict mark on the page's charts of one class."""
    inside, found = False, set()
    for tag, attrs in elements.tags:
        if tag == "svg":
            inside = chart in attrs.get("class", "").split()
        elif inside and tag == "g" and "point" in attrs.get("class", "").split() \
                and attrs.get("data-verdict") == "conflicts":
            found |= {(attrs["data-claim"], where) for where in attrs["data-findings"].split()}
    return found


def test_the_shipped_story_is_one_self_contained_page_the_same_every_time() -> None:
    first, second = page(), page()
    assert first == second  # no clock, no random ids: a page can be diffed and cached
    assert len(first.encode("utf-8")) < 500_000
    elements = Elements(first)
    assert not [t for t, _ in elements.tags if t in ("script", "img", "link", "iframe", "object", "embed")]
    assert not [a for _, a in elements.tags if "src" in a]  # nothing fetched: no file, font or script beside it
    assert "url(" not in first and "@import" not in first
    (policy,) = [a["content"] for t, a in elements.tags if a.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy  # no script may run at all
    assert "@media (prefers-color-scheme: dark)" in first and "@media print" in first


def test_one_lane_per_date_claim_and_a_conflict_mark_where_the_json_has_one() -> None:
    document = report_json()
    elements = Elements(page())
    claims = document["claims"]
    assert isinstance(claims, list)
    lanes = [a["data-claim"] for a in elements.having("g", "lane")]
    assert sorted(lanes) == sorted(c["id"] for c in claims if c["kind"] == "date")
    assert marked(elements, "timeline") == conflicting(document, "date")
    assert conflicting(document, "date") >= {("r2-ascend-failure-date", "huawei-led-team-full-parameter:24:94"),
                                             ("v4-release-date", "huawei-led-team-full-parameter:16:30")}
    # The order breaks the timeline found are the marks drawn out of order, and only those.
    broken = {a["data-findings"] for a in elements.having("g", "point") if a.get("data-order") == "broken"}
    assert broken == {f"{a['source']}:{a['line']}:{a['column']}" for a in document["anachronisms"]  # type: ignore[union-attr]
                      if a["kind"] == "order"}
    # Lanes go in the story's order: each canonical date no earlier than the lane's above.
    dates = [a["data-date"] for a in elements.having("g", "canonical") if "data-date" in a]
    assert dates == sorted(dates)


def test_each_number_conflict_is_marked_on_its_claims_chart() -> None:
    document = report_json()
    elements = Elements(page())
    assert marked(elements, "values") == conflicting(document, "number") == \
        {("h100-fp16-tflops", "bestaifor-huawei-chips-refine:70:35")}
    charts = {a["data-claim"] for a in elements.having("svg", "values")}
    assert "h100-fp16-tflops" in charts and "v3-gpu-hours-are-total" not in charts


def test_cards_put_conflicts_first_with_the_figure_highlighted() -> None:
    html = page()
    elements = Elements(html)
    cards = [(a["data-claim"], a["data-verdict"]) for a in elements.having("article", "card")]
    assert len(cards) == 34 and len({c for c, _ in cards}) == 34
    verdicts = [v for _, v in cards]
    troubled = [v in ("conflict", "disputed") for v in verdicts]
    assert troubled == sorted(troubled, reverse=True)  # conflicts first, then the rest
    r2 = html[html.index('id="claim-r2-ascend-failure-date"'):]
    r2 = r2[: r2.index("</article>")]
    assert "<mark>August 2023</mark>" in r2 and "huawei-led-team-full-parameter:24:94" in r2
    assert "2023-08 (month) lies outside 2025-08 (month)" in r2


def test_only_conflicts_leaves_the_rest_out() -> None:
    elements = Elements(page(CLAIMS, SOURCES, "--only", "conflicts"))
    assert {a["data-verdict"] for a in elements.having("article", "card")} == {"conflict"}


HOSTILE_CLAIMS = """\
claims:
  - id: probe-launch-date
    statement: The Vega probe launched in March 2024.
    kind: date
    value: 2024-03
    match: [Vega, launched]
    evidence:
      - source: hostile
        excerpt: "The Vega probe launched in May 2023"
        stance: refutes
  - id: probe-mass
    statement: The Vega probe weighs 1,200 kg.
    kind: number
    value: 1200
    unit: kg
    match: [Vega, weighs]
"""
PAYLOADS = ("<script>document.title='pwned'</script>", "\"><img src=x onerror=\"document.title='pwned'\">",
            "<svg onload=\"document.title='pwned'\"></svg>", "[bold red]markup[/]", "\x1b[31mred\x1b[0m")
HOSTILE_SOURCE = f"""\
---
id: hostile
title: "<script>document.title='pwned'</script> Vega news"
publisher: "<b onmouseover=alert(1)>Evil</b>"
author: ""
published: 2024-06-01
url: "javascript:document.title='pwned'"
---
The Vega probe launched in May 2023 {PAYLOADS[0]} say officials {PAYLOADS[1]}.

The Vega probe weighs 1,500 kg {PAYLOADS[2]} at launch, its makers said {PAYLOADS[3]} {PAYLOADS[4]}.
"""


def hostile_story(folder: Path) -> tuple[Path, Path]:
    """A story whose article carries script, event handlers, rich markup and a terminal escape in
    its passages, and a script in its header, on the passages the report quotes."""
    sources = folder / "sources"
    sources.mkdir()
    (sources / "hostile.txt").write_text(HOSTILE_SOURCE, encoding="utf-8")
    claims = folder / "claims.yaml"
    claims.write_text(HOSTILE_CLAIMS, encoding="utf-8")
    return claims, sources


def test_source_text_is_rendered_as_text_never_as_markup(tmp_path: Path) -> None:
    html = page(*hostile_story(tmp_path))
    elements = Elements(html)
    assert [t for t, _ in elements.tags if t in ("script", "img", "svg")] == ["svg", "svg"]  # the two charts
    assert not [k for _, a in elements.tags for k in a if k.startswith("on")]
    assert not [a for t, a in elements.tags if t == "a" and not a["href"].startswith(("#", "http"))]
    text = "".join(elements.text)
    for payload in PAYLOADS[:3]:
        assert payload in text  # shown, as the article has it
    assert "\x1b" not in html and "\\x1b[31mred" in text  # a control character is shown, not sent
    assert len(elements.having("g", "lane")) == 1 and len(elements.having("svg", "values")) == 1


@pytest.mark.parametrize("topic", TOPICS)
def test_every_story_draws_its_conflicts(topic: str) -> None:
    """On the stories of other news (markets, outages, disasters): a lane per date claim, every
    conflicting figure marked (or named as measured in another unit), the page deterministic."""
    claims, sources = CORPORA / topic / "claims.yaml", CORPORA / topic / "sources"
    document = report_json(claims, sources)
    html = page(claims, sources)
    assert html == page(claims, sources)
    elements = Elements(html)
    assert len(elements.having("g", "lane")) == sum(c["kind"] == "date" for c in document["claims"])  # type: ignore[union-attr]
    assert marked(elements, "timeline") == conflicting(document, "date")
    numbers = conflicting(document, "number")
    drawn = marked(elements, "values")
    assert drawn <= numbers
    for claim, where in numbers - drawn:  # not on the axis: measured in another unit, and said so
        source, line, _ = where.split(":")
        assert f"({source}:{line})" in html[html.index(f'data-claim="{claim}"'):]


# ------------------------------------------------------------------ charts on any value at all

_days = st.dates(min_value=datetime.date(1, 1, 2), max_value=datetime.date(9999, 12, 30))
_dates = st.builds(lambda a, b, q: DateValue(min(a, b), max(a, b), "day", q), _days, _days,
                   st.sampled_from(DATE_QUALIFIERS))
_amounts = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False)
_quantities = st.builds(lambda a, b, u, q: Quantity(min(a, b), max(a, b), u, q), _amounts, _amounts,
                        st.sampled_from([None, "kg", "t", "USD", "percent", "km"]),
                        st.sampled_from(QUANTITY_QUALIFIERS))


def _result(kind: str, canonical: DateValue | Quantity | None, values: list[DateValue] | list[Quantity]) -> ClaimResult:
    findings = tuple(Finding("c", f"s{i % 3}", i + 1, 1, f"passage <b>{i}</b>", f"“{i}”", 0, v,
                             (Verdict.CONFLICTS, Verdict.REVIEW, Verdict.AGREES)[i % 3], "a reason")
                     for i, v in enumerate(values))
    return ClaimResult(Claim("c", "a statement", kind, canonical, "kg" if kind == "number" else None),
                       ClaimVerdict.CONFLICT, findings)


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.none(), _dates), st.lists(_dates, max_size=6))
def test_the_timeline_is_well_formed_svg_for_any_dates(canonical: DateValue | None, dates: list[DateValue]) -> None:
    svg = timeline_svg([_result("date", canonical, dates)], [], {"s0": "S1"})
    root = ET.fromstring(svg)  # well-formed, every value escaped
    assert len(root.findall(".//{http://www.w3.org/2000/svg}g[@class='lane conflict']")) == 1
    assert len(root.findall(".//{http://www.w3.org/2000/svg}g[@class='point']")) == len(
        {(d.start, d.end, d.qualifier, i % 3) for i, d in enumerate(dates)})


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.none(), _quantities), st.lists(_quantities, max_size=6))
def test_a_value_chart_is_well_formed_svg_for_any_figures(canonical: Quantity | None, figures: list[Quantity]) -> None:
    svg = value_svg(_result("number", canonical, figures), {"s0": "S1"})
    if svg:
        ET.fromstring(svg)
