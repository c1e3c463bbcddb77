"""Table-driven comparison tests (tests/corpus/compare_cases.yaml) plus the must-catch cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.compare import RULES, compare, slip
from factcheck.extract import extract
from factcheck.values import Value, parse_value

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "corpus" / "compare_cases.yaml").read_text(encoding="utf-8"))


def _side(spec: dict[str, Any]) -> Value:
    if "text" in spec:
        found = extract(spec["text"])
        assert len(found) == 1, (spec["text"], found)
        return found[0].value
    return parse_value(spec["value"], spec["kind"], spec.get("unit"))


def test_every_rule_decides_a_case_of_the_table() -> None:
    # A rule no case reaches is untested (or dead): each must decide at least one case, and the
    # table must hold every outcome.
    decided = {compare(_side(c["a"]), _side(c["b"])).rule for c in CASES}
    assert {rule.__name__ for rule in RULES} <= decided
    assert {c["outcome"] for c in CASES} == {"agrees", "conflicts", "incomparable"}


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['rule']}" for i, c in enumerate(CASES)])
def test_compare_case(case: dict[str, Any]) -> None:
    a, b = _side(case["a"]), _side(case["b"])
    result = compare(a, b)
    assert (result.outcome, result.rule) == (case["outcome"], case["rule"]), result.reason
    assert result.reason
    assert compare(b, a).outcome == result.outcome


@pytest.mark.parametrize(("a", "b"), [
    ("In August 2023, reports indicated", "2025-08"),
    ("DeepSeek-V4-Pro, released in April 2024,", "2026-04"),
])
def test_wrong_dates_are_caught(a: str, b: str) -> None:
    result = compare(extract(a)[0].value, parse_value(b, "date"))
    assert result.outcome == "conflicts"
    assert "outside" in result.reason


@pytest.mark.parametrize(("a", "b"), [
    ("since Oct 2024", "since Oct 2023"),
    ("1,000 chips", "10,000 chips"),
    ("60%", "40%"),
])
def test_wrong_figures_are_caught(a: str, b: str) -> None:
    assert compare(extract(a)[0].value, extract(b)[0].value).outcome == "conflicts"


def test_rules_have_docstrings() -> None:
    for rule in RULES:
        assert rule.__doc__ and len(rule.__doc__) > 20, rule.__name__


def test_reason_is_readable() -> None:
    result = compare(extract("In August 2023")[0].value, parse_value("2025-08", "date"))
    assert result.reason == "2023-08 (month) lies outside 2025-08 (month)"


@pytest.mark.parametrize(("found", "value", "kind", "unit", "reads_as"), [
    ("$227 billion", "277 billion", "number", "USD", "one digit"),  # nvidia: one-day gain in market value
    ("61,926", "61629", "number", None, "two digits"),  # Super Bowl attendance, digits swapped
    ("$157 billion", "175.4 billion", "number", "USD", "two digits"),  # read at the coarser step
    ("February 14, 2024", "2024-01-14", "date", None, "month"),
])
def test_a_typing_slip_of_the_claims_value_is_recognised(found: str, value: str, kind: str, unit: str | None,
                                                          reads_as: str) -> None:
    why = slip(extract(found)[0].value, parse_value(value, kind, unit))
    assert why is not None and reads_as in why


@pytest.mark.parametrize(("found", "value", "kind", "unit"), [
    ("around $600 million", "640 million", "number", "USD"),  # a round figure is no typo
    ("12 ETFs", "11", "number", None),  # two digits differ by one all the time
    ("$5.2 billion", "2.5 billion", "number", "USD"),  # too short to tell
    ("$512 million", "521 billion", "number", "USD"),  # another order of magnitude
    ("March 13, 2023", "2023-03-10", "date", None),  # stories are full of nearby days
    ("March 10, 2022", "2023-03-10", "date", None),  # ... and of anniversaries
])
def test_other_differences_are_no_slip(found: str, value: str, kind: str, unit: str | None) -> None:
    assert slip(extract(found)[0].value, parse_value(value, kind, unit)) is None
