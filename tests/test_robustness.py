"""Bad input never produces a traceback: every command, every odd file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claims import CLAIM_KEYS, parse_claims
from factcheck.locate import locate
from factcheck.problems import InputError
from factcheck.sources import parse_source
from factcheck.textnorm import fold

from .conftest import SOURCES, invoke

COMMANDS = ["check", "report", "timeline"]


@pytest.mark.parametrize("command", COMMANDS)
def test_missing_claims_file_is_exit_2_for_every_command(command: str, tmp_path: Path) -> None:
    run = invoke(command, "--claims", str(tmp_path / "none.yaml"), "--sources", str(SOURCES))
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr.count("\n") == 1 and "claims file not found" in run.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_yaml_syntax_error_is_exit_2_for_every_command(command: str, claims_file: Callable[[str], Path]) -> None:
    run = invoke(command, "--claims", str(claims_file("claims:\n  - {id: x\n")), "--sources", str(SOURCES))
    assert (run.code, run.stdout) == (2, "")
    assert "YAML syntax error" in run.stderr and "claims.yaml:" in run.stderr


@pytest.mark.parametrize("command", ["report", "timeline"])
def test_schema_problems_warn_on_stderr_and_the_rest_is_reported(command: str,
                                                                 claims_file: Callable[[str], Path]) -> None:
    path = claims_file("""
        claims:
          - {id: ok, statement: V4-Pro was released in April 2026., kind: date, value: 2026-04,
             match: [V4-Pro, released]}
          - {id: broken, statement: x, kind: datum}
        """)
    run = invoke(command, "--claims", str(path), "--sources", str(SOURCES), "--format", "json")
    assert run.code == 0
    assert "1 input problem; claims left out: 'broken' (line 4)" in run.stderr and "factcheck check" in run.stderr
    assert run.stdout.startswith("{")
    if command == "report":
        assert json.loads(run.stdout)["summary"]["left_out"] == {"claims": [{"id": "broken", "line": 4}],
                                                                  "sources": []}


@pytest.mark.parametrize("args", [["--stale-after", "-1"], ["--format", "yaml"], ["--only", "everything"],
                                  ["--fail-on", "sometimes"]])
def test_bad_options_are_usage_errors(args: list[str]) -> None:
    run = invoke("report", "--sources", str(SOURCES), *args)
    assert run.code == 2 and run.stdout == ""


def test_help_teaches_each_command() -> None:
    for command in COMMANDS:
        run = invoke(command, "--help")
        assert run.code == 0 and "--claims" in run.stdout and "--format" in run.stdout
    assert "Exit status" in invoke("check", "--help").stdout


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_claims_text_gives_problems_or_an_input_error(text: str) -> None:
    try:
        cf, problems = parse_claims("claims.yaml", text)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    # Nothing vanishes: every item of the claims list is a claim, or left out with a problem.
    assert len(cf.claims) + len(cf.left_out) == _claim_items(text)
    assert not cf.left_out or any(p.severity == "error" for p in problems)
    assert all(p.line >= 1 and p.column >= 1 and p.code and "\n" not in p.message for p in problems)


def _claim_items(text: str) -> int:
    """How many items the claims list holds, counted on the YAML nodes (as written, not constructed)."""
    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(root, yaml.MappingNode):
        return 0
    lists = [v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "claims"]
    return len(lists[0].value) if len(lists) == 1 and isinstance(lists[0], yaml.SequenceNode) else 0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_source_text_gives_a_source_or_problems(text: str) -> None:
    source, problems = parse_source("s.txt", "---\nid: s\ntitle: T\n---\n" + text)
    assert source is not None and not problems
    assert source.position(len(source.body)).line >= source.body_line
    bare, problems = parse_source("s.txt", text)  # no header at all: problems, never an exception
    assert (bare is None) == bool(problems)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.text(max_size=400))
def test_locate_never_raises_and_spans_stay_in_the_body(excerpt: str, body: str) -> None:
    found = locate(excerpt, fold(body))
    assert 0 <= found.start <= found.end <= len(body)
    assert found.status in ("found", "misquote", "not-found")


_FIELD = st.one_of(st.none(), st.text(max_size=20), st.integers(),
                   st.sampled_from(["date", "number", "text", "2024-05"]), st.lists(st.text(max_size=8), max_size=2))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from([*CLAIM_KEYS, "extra"]), _FIELD, max_size=7), max_size=5))
def test_no_claim_vanishes_without_an_error(items: list[dict[str, object]]) -> None:
    # Hand-edited claims with missing, null, mistyped or unknown fields: each item is a claim, or
    # it is left out and an error says why — never silently dropped (a null was, before).
    text = yaml.safe_dump({"claims": items}, sort_keys=False)
    cf, problems = parse_claims("claims.yaml", text)
    assert len(cf.claims) + len(cf.left_out) == len(items)
    assert not cf.left_out or any(p.severity == "error" for p in problems)


@pytest.mark.parametrize("command", COMMANDS)
def test_unreadable_input_is_a_json_document_too(command: str, claims_file: Callable[[str], Path]) -> None:
    schema = json.loads((Path(__file__).parents[1] / "schemas" / "input_error.schema.json").read_text("utf-8"))
    run = invoke(command, "--claims", str(claims_file("claims:\n  - {id: x\n")), "--sources", str(SOURCES),
                 "--format", "json")
    assert run.code == 2
    document = json.loads(run.stdout)
    jsonschema.validate(document, schema)
    assert document["input_error"]["file"].endswith("claims.yaml") and document["input_error"]["line"] == 3
