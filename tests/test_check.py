"""`factcheck check`: what a curator sees in CI after editing claims.yaml."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import SOURCES, invoke

GOOD = """
claims:
  - id: v4-pro-parameters
    statement: DeepSeek V4-Pro has 1.6 trillion parameters.
    kind: number
    value: 1.6e12
    unit: parameters
    match: [V4-Pro, parameters]
    evidence:
      - source: dapta-huawei-trains-v4-pro
        excerpt: "DeepSeek V4-Pro's 1.6 trillion parameters make it the largest model DeepSeek has released."
  - id: deepseek-confirmed
    statement: DeepSeek itself confirmed the post-training on Ascend.
    evidence:
      - source: huawei-led-team-full-parameter
        excerpt: DeepSeek itself has not officially commented on the reported achievement.
        stance: refutes
"""


def check(path: Path, *extra: str) -> tuple[int, str, str]:
    run = invoke("check", "--claims", str(path), "--sources", str(SOURCES), *extra)
    return run.code, run.stdout, run.stderr


def test_clean_file_exits_0_and_counts_what_it_checked(claims_file: Callable[[str], Path]) -> None:
    code, out, _ = check(claims_file(GOOD))
    assert code == 0
    assert "checked 2 claims, 2 excerpts, 5 sources: 0 errors, 0 warnings" in out


def test_shipped_claims_file_is_clean() -> None:
    run = invoke("check", "--claims", str(SOURCES.parent / "claims.yaml"), "--sources", str(SOURCES))
    assert run.code == 0, run.stdout
    assert " 0 errors" in run.stdout


@pytest.mark.parametrize(
    ("snippet", "line", "code"),
    [
        # (replacement for the first claim's `kind: number` line, expected line, problem code)
        ("kind: number\n    colour: blue", 5, "unknown-key"),
        ("kind: datum", 4, "bad-kind"),
        ("kind: [number]", 4, "wrong-type"),
        ("kind: number\n    match: {a: b}", 5, "wrong-type"),
        ("kind: number\n    references: 12", 5, "wrong-type"),
        ("kind: number\n    kind: date", 5, "duplicate-key"),
        ("kind: date", 6, "unit-not-allowed"),
        ("kind: number\n    after: deepseek-confirmed", 5, "order-not-allowed"),
    ],
)
def test_schema_errors_point_at_their_line(claims_file: Callable[[str], Path], snippet: str, line: int,
                                           code: str) -> None:
    exit_code, out, _ = check(claims_file(GOOD.replace("kind: number", snippet, 1)))
    assert exit_code == 1
    assert f"claims.yaml:{line}:" in out and f"[{code}]" in out, out


@pytest.mark.parametrize(
    ("old", "new", "line", "code"),
    [
        ("  - id: v4-pro-parameters\n", "  - \n", 3, "missing-key"),
        ("    statement: DeepSeek V4-Pro has 1.6 trillion parameters.\n", "", 2, "missing-key"),
        ("statement: DeepSeek V4-Pro has", "statement: 12 #", 3, "wrong-type"),
        ("id: v4-pro-parameters", "id: V4 Pro!", 2, "bad-id"),
        ("id: deepseek-confirmed", "id: v4-pro-parameters", 11, "duplicate-id"),
        ("value: 1.6e12", "value: lots", 5, "bad-value"),
        ("value: 1.6e12", "value: 2025-13-45", 5, "unreadable-value"),
        ("unit: parameters", "unit: GB per chip", 6, "bad-unit"),
        ("source: dapta-huawei-trains-v4-pro", "source: dapta-huawei-train-v4-pro", 9, "unknown-source"),
        ("        stance: refutes\n", "", 14, "missing-stance"),
        ("stance: refutes", "stance: maybe", 16, "bad-stance"),
        ("excerpt: DeepSeek itself has not officially commented on the reported achievement.",
         "excerpt: Nvidia shares fell sharply after the weekend announcement.", 15, "excerpt-not-found"),
        ("1.6 trillion parameters make", "1.8 trillion parameters make", 10, "misquote"),
        ("evidence:\n      - source: dapta", "evidence: dapta\n    x:\n      - source: dapta", 8, "wrong-type"),
        ("value: 1.6e12", "value: !!python/object:os.system echo", 5, "unreadable-value"),
    ],
)
def test_each_schema_error_gives_its_line(claims_file: Callable[[str], Path], old: str, new: str, line: int,
                                          code: str) -> None:
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    exit_code, out, _ = check(claims_file(text))
    assert exit_code == 1
    lines = [line for line in out.splitlines() if f"[{code}]" in line]
    assert lines, out
    assert f"claims.yaml:{line}:" in lines[0], out


def test_misquote_message_names_both_figures(claims_file: Callable[[str], Path]) -> None:
    _, out, _ = check(claims_file(GOOD.replace("1.6 trillion parameters make", "1.8 trillion parameters make")))
    assert "excerpt has '1.8' where the source has '1.6'" in out


def test_unknown_source_suggests_the_closest_id(claims_file: Callable[[str], Path]) -> None:
    _, out, _ = check(claims_file(GOOD.replace("dapta-huawei-trains-v4-pro", "dapta-huawei-trains", 1)))
    assert "did you mean 'dapta-huawei-trains-v4-pro'?" in out


def test_not_found_message_shows_closest_passage_and_score(claims_file: Callable[[str], Path]) -> None:
    text = GOOD.replace("DeepSeek itself has not officially commented on the reported achievement.",
                        "DeepSeek itself has not commented on anything in public this year at all.")
    _, out, _ = check(claims_file(text))
    assert "closest passage (huawei-led-team-full-parameter line 35, score" in out
    assert "DeepSeek itself has not officially commented" in out


def test_json_format_is_one_document_on_stdout(claims_file: Callable[[str], Path]) -> None:
    code, out, _ = check(claims_file(GOOD.replace("kind: number", "kind: datum", 1)), "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert doc["schema_version"] == 1
    assert doc["summary"] == {"claims": 1, "excerpts": 1, "sources": 5, "errors": 1, "warnings": 0}
    (problem,) = doc["problems"]
    assert problem["line"] == 4 and problem["column"] == 11
    assert problem["code"] == "bad-kind" and problem["claim"] == "v4-pro-parameters"
    assert set(problem) == {"file", "line", "column", "severity", "code", "message", "claim"}


def test_github_format_emits_annotations(claims_file: Callable[[str], Path]) -> None:
    _, out, _ = check(claims_file(GOOD.replace("kind: number", "kind: datum", 1)), "--format", "github")
    assert out.startswith("::error file=")
    assert ",line=4,col=11,title=factcheck bad-kind::kind 'datum' is not one of" in out


def test_under_github_actions_annotations_are_the_default(claims_file: Callable[[str], Path],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    bad = claims_file(GOOD.replace("kind: number", "kind: datum", 1))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert check(bad)[1].startswith("::error file=")  # yamllint's `auto`
    assert check(bad, "--format", "text")[1].startswith(str(bad))  # asked otherwise
    monkeypatch.setenv("FACTCHECK_FORMAT", "json")
    assert json.loads(check(bad)[1])["summary"]["errors"] == 1


# --- input that cannot be read at all: exit 2, one line on stderr, nothing on stdout --------------

def test_missing_claims_file_exits_2(tmp_path: Path) -> None:
    code, out, err = check(tmp_path / "nope.yaml")
    assert (code, out) == (2, "")
    assert err.strip().endswith("nope.yaml: claims file not found: create it or pass --claims PATH")


def test_yaml_syntax_error_exits_2_with_its_line(claims_file: Callable[[str], Path]) -> None:
    code, out, err = check(claims_file(GOOD.replace("kind: number", "kind: [number", 1)))
    assert (code, out) == (2, "")
    assert "claims.yaml:5: YAML syntax error" in err
    assert len(err.strip().splitlines()) == 1


def test_non_utf8_source_exits_2(tmp_path: Path, claims_file: Callable[[str], Path]) -> None:
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "bad.txt").write_bytes(b"---\nid: bad\ntitle: Bad\n---\nline one\ncaf\xe9\n")
    run = invoke("check", "--claims", str(claims_file(GOOD)), "--sources", str(sources))
    assert (run.code, run.stdout) == (2, "")
    assert "bad.txt:6: source is not UTF-8 text" in run.stderr


def test_non_utf8_claims_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(b"claims:\n  - id: x\n    statement: caf\xe9\n")
    code, _, err = check(path)
    assert code == 2 and "claims.yaml:3: claims file is not UTF-8" in err


def test_claims_path_is_a_directory_exits_2(tmp_path: Path) -> None:
    code, _, err = check(tmp_path)
    assert code == 2 and "cannot read claims file" in err


def test_missing_sources_directory_exits_2(claims_file: Callable[[str], Path], tmp_path: Path) -> None:
    run = invoke("check", "--claims", str(claims_file(GOOD)), "--sources", str(tmp_path / "none"))
    assert run.code == 2 and "sources directory not found" in run.stderr


@pytest.mark.parametrize(
    "text",
    ["", "claims:\n", "claims: 12\n", "- a\n- b\n", "claims:\n  - 12\n  - [a, b]\n",
     "claims:\n  - id: x\n    statement: y\n    evidence: [12, {source: 3, excerpt: [1]}]\n",
     "claims:\n  - {id: x, statement: y, kind: number, value: [1, 2]}\n",
     "claims:\n  - {id: x, statement: y, kind: date, value: yesterday-ish}\n",
     "claims:\n  - {id: x, statement: y, kind: date, after: x}\n",
     "claims:\n  - {id: x, statement: y, match: [[a]], references: {a: 1}}\n",
     "claims:\n  - {id: \"\", statement: \"\"}\n",
     "claims: &a\n  - *a\n",
     "claims:\n  - {? [a]: b, id: x, statement: y}\n",
     "\x00\x01\x02",
     ],
)
def test_odd_claims_files_never_crash(claims_file: Callable[[str], Path], text: str) -> None:
    code, out, err = check(claims_file(text))
    assert code in (1, 2)
    assert "Traceback" not in out + err
    if code == 1:
        assert "claims.yaml:" in out
    else:
        assert out == "" and err.count("\n") == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("no header here\n", "source has no YAML header"),
        ("---\nid: s\ntitle: T\nno closing line\n", "source header is not closed"),
        ("---\nid: [s\n---\nbody\n", "source header is not valid YAML"),
        ("---\n- a\n---\nbody\n", "source header must be a mapping"),
        ("---\nid: s\n---\nbody\n", "header needs a non-empty 'title'"),
        ("---\nid: other\ntitle: T\n---\nbody\n", "must equal the file name stem 's'"),
        ("---\nid: s\ntitle: T\npublished: June\n---\nbody\n", "'published' must be a date"),
        ("---\nid: s\ntitle: T\nsecret: x\n---\nbody\n", "unknown header key 'secret'"),
    ],
)
def test_bad_source_headers_are_problems_with_file_and_line(tmp_path: Path, claims_file: Callable[[str], Path],
                                                            body: str, message: str) -> None:
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "s.txt").write_text(body, encoding="utf-8")
    run = invoke("check", "--claims", str(claims_file("claims: []\n")), "--sources", str(sources))
    assert run.code == 1
    assert "s.txt:" in run.stdout and message in run.stdout, run.stdout


def test_control_characters_from_sources_are_escaped(tmp_path: Path, claims_file: Callable[[str], Path]) -> None:
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "s.txt").write_text("---\nid: s\ntitle: T\n---\nEvil \x1b[31mred\x1b[0m text [bold]x[/bold]\n",
                                   encoding="utf-8")
    path = claims_file("claims:\n  - id: x\n    statement: y\n    evidence:\n"
                       "      - {source: s, excerpt: Evil red text bold x, stance: supports}\n")
    run = invoke("check", "--claims", str(path), "--sources", str(sources))
    assert "\x1b" not in run.stdout
    assert "\\x1b" in run.stdout


def test_a_header_key_written_twice_is_a_problem_at_the_second() -> None:
    from factcheck.sources import parse_source

    source, problems = parse_source("sources/x.txt", "---\nid: x\ntitle: T\nid: y\n---\nBody.\n")
    assert source is None and [(p.line, "appears twice" in p.message) for p in problems] == [(4, True)]
