"""Table-driven comparison tests (tests/corpus/compare_cases.yaml) plus the must-catch cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.compare import RULES, compare
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


def test_enough_cases() -> None:
    assert len(CASES) >= 40
    outcomes = {c["outcome"] for c in CASES}
    assert outcomes == {"agrees", "conflicts", "incomparable"}


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
