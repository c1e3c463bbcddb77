"""Accuracy corpora from other news beats: the report must find exactly the errors a careful reader finds.

Each directory under tests/corpora/ holds a story told by several articles (sources/), its claims.yaml
and expected.yaml, the ground truth written by reading the articles, not by running the tool:

- conflicts: every (claim, source, figure as written) the report must list as conflicting, nothing else;
- never_conflict: figures that must never be conflicts (the same fact in other spellings, or figures
  about other things in the same sentence);
- order: passages the timeline must flag as out of order.

Cases the tool gets wrong are kept with the true expectation and marked xfail(strict=True) in XFAIL,
one line each on what the tool does wrong, so that fixing the tool turns them into failures to clean up.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.report import Report, build_report

from .conftest import REPO, invoke

CORPORA = REPO / "tests" / "corpora"
FROZEN = tuple(REPO / "tests" / f for f in ("frozen", "frozen7", "frozen8", "frozen9", "frozen10", "frozen11"))
ALL_TOPICS = sorted(p.name for p in CORPORA.iterdir() if (p / "claims.yaml").is_file())
# Stories of wave 6 (2026-11-30), measured by bench/accuracy.py; their rows are asserted once the
# attribution model has been developed on them.
MEASURED_ONLY = {"merger", "product-recall", "sports-transfer", "svb-bank-failure-2023",
                 # wave 7 (2026-11-30, second session)
                 "change-healthcare-breach-2024", "us-election-2024-results",
                 # wave 8 (2026-11-30, second session)
                 "iceland-eruption-2023", "super-bowl-lviii-2024",
                 # wave 9
                 "bitcoin-etf-2024", "canada-wildfires-2023",
                 # wave 10
                 "nvidia-earnings-2024", "paris-notre-dame-reopening-2024",
                 # wave 11
                 "reddit-ipo-2024", "starliner-crewed-flight-2024"}
TOPICS = [t for t in ALL_TOPICS if t not in MEASURED_ONLY]

# (topic, test, key) -> what the tool gets wrong. `key` is a claim id, an order row's "claim/source/found",
# or "" for a whole-topic case.
XFAIL: dict[tuple[str, str, str], str] = {
    ("fed-rate-cut-2024", "conflicts", "cut-size"):
        "'cut ... by 0.5%' (percent for percentage points) is a different dimension, so it is ignored, not flagged",
    ("baltimore-key-bridge-collapse-2024", "conflicts", "port-cargo-tons"):
        "'…the Port of Baltimore had just had a record year: it handled 11.7 million tons of cargo in 2023': the "
        "clause after the colon names the port only as 'it', so the part-for-whole figure is ignored, not flagged",
    ("fed-rate-cut-2024", "order", "jackson-hole-date/streetnotes-record-after-jumbo-cut/23 September"):
        "'Powell had all but promised a move at Jackson Hole on 23 September' (past tense, in a story of "
        "20 Sept 2024) is read as 23 Sept 2023, the latest such day before publication, so it does not "
        "fall after the cut it foreshadowed (the wrong date is still a conflict)",
    ("paris-olympics-2024", "conflicts", "us-total-medals"):
        "'| United States | 40 | 44 | 42 | 162 |': bare table cells are not read as medals, so the wrong total is "
        "not flagged",
    ("paris-olympics-2024", "conflicts", "marchand-golds"):
        "'Four golds for Léon Marchand… plus a bronze… for five medals in all': the all-medal total is taken as "
        "his golds, while the spelled-out wrong 'five gold medals' is not read",
    ("paris-olympics-2024", "never-conflict", "marchand-golds"):
        "'five medals' (Marchand's total including a bronze) is flagged as his gold-medal count",
    ("ftx-collapse-2022", "conflicts", "ftx-valuation"):
        "'FTX raised $400 million … at a valuation of $25 billion': the wrong valuation is not flagged (the raise "
        "is set aside as a change, and the valuation after it is not tied to the claim)",
    ("paris-olympics-2024", "conflicts", "tickets-sold"):
        "'The Games sold 8.8 million tickets': 'the Games' is read as another entity than the one the statement names",
    ("turkey-syria-earthquake-2023", "conflicts", "turkey-death-toll"):
        "'The earthquakes killed more than 59,000 people in Turkey alone': only for review, because the statement's "
        "modifier is missing from the passage (missing_modifier)",
    ("paris-olympics-2024", "conflicts", "seine-cleanup-cost"):
        "'spent about $1.4 billion… on cleaning up the river' (dollars for euros) is a different currency, so it is "
        "ignored, not flagged",
}


def _case(topic: str, test: str, key: str = "") -> Any:
    reason = XFAIL.get((topic, test, key))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    label = f"{topic}:{key}" if key else topic
    return pytest.param(topic, key, marks=marks, id=label)


def _load(topic: str, name: str) -> dict[str, Any]:
    data = yaml.safe_load((CORPORA / topic / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{topic}/{name}"
    return data


def _figure_claims(topic: str) -> list[str]:
    return [c["id"] for c in _load(topic, "claims.yaml")["claims"] if c.get("kind") in ("number", "date")]


def _order_key(row: dict[str, str]) -> str:
    return f"{row['claim']}/{row['source']}/{row['found']}"


@cache
def report(topic: str) -> Report:
    return build_report(CORPORA / topic / "claims.yaml", CORPORA / topic / "sources")


def _conflicts(topic: str, claim: str) -> Counter[tuple[str, str]]:
    return Counter((f.source, f.found or "") for r in report(topic).results if r.claim.id == claim
                   for f in r.findings if f.verdict == "conflicts")


def _order(topic: str) -> Counter[tuple[str, str, str]]:
    return Counter((a.claim or "", a.source, a.found) for a in report(topic).anachronisms if a.kind == "order")


EVERY_CORPUS = [CORPORA / t for t in ALL_TOPICS] + sorted(p for f in FROZEN for p in f.iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", EVERY_CORPUS, ids=[p.name for p in EVERY_CORPUS])
def test_check_passes_on_the_corpus(folder: Path) -> None:
    run = invoke("check", "--claims", str(folder / "claims.yaml"), "--sources", str(folder / "sources"))
    assert run.code == 0, run.stdout + run.stderr


@pytest.mark.parametrize("folder", EVERY_CORPUS, ids=[p.name for p in EVERY_CORPUS])
def test_expected_files_name_known_claims_and_sources(folder: Path) -> None:
    claims = {c["id"]: c for c in yaml.safe_load((folder / "claims.yaml").read_text(encoding="utf-8"))["claims"]}
    sources = {p.stem for p in (folder / "sources").glob("*.txt")}
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    assert 8 <= len(claims) <= 18 and 3 <= len(sources) <= 8
    for row in expected["conflicts"] + expected["order"]:
        assert row["claim"] in claims and row["source"] in sources, row
        assert row["found"] in (folder / "sources" / f"{row['source']}.txt").read_text(encoding="utf-8")
    for row in expected["never_conflict"]:
        assert row["claim"] in claims, row


@pytest.mark.parametrize(("topic", "key"), [_case(t, "conflicts", c) for t in TOPICS for c in _figure_claims(t)])
def test_report_lists_exactly_the_expected_conflicts(topic: str, key: str) -> None:
    expected = Counter((row["source"], row["found"]) for row in _load(topic, "expected.yaml")["conflicts"]
                       if row["claim"] == key)
    got = _conflicts(topic, key)
    assert sorted((expected - got).elements()) == [], "conflicts the report misses"
    assert sorted((got - expected).elements()) == [], "conflicts the report invents"


@pytest.mark.parametrize(("topic", "key"), [_case(t, "never-conflict", row["claim"]) for t in TOPICS
                                            for row in _load(t, "expected.yaml")["never_conflict"]])
def test_figures_the_articles_agree_on_are_never_conflicts(topic: str, key: str) -> None:
    allowed = {row["found"] for row in _load(topic, "expected.yaml")["conflicts"] if row["claim"] == key}
    for row in _load(topic, "expected.yaml")["never_conflict"]:
        if row["claim"] != key:
            continue
        wrongly = [(s, f) for s, f in _conflicts(topic, key) if f in row["found"] and f not in allowed]
        assert wrongly == [], key


@pytest.mark.parametrize(("topic", "key"), [_case(t, "order", _order_key(row)) for t in TOPICS
                                            for row in _load(t, "expected.yaml")["order"]])
def test_timeline_flags_each_expected_order_break(topic: str, key: str) -> None:
    claim, source, found = key.split("/", 2)
    assert _order(topic)[(claim, source, found)] >= 1


@pytest.mark.parametrize(("topic", "key"), [_case(t, "no-invented-order") for t in TOPICS])
def test_timeline_flags_no_other_order_break(topic: str, key: str) -> None:
    expected = {(row["claim"], row["source"], row["found"]) for row in _load(topic, "expected.yaml")["order"]}
    assert sorted(set(_order(topic)) - expected) == []
