"""`factcheck locate TEXT`: where a curator's text is in the sources, before it is pasted as an excerpt."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import SOURCES, invoke


def _locate(*args: str) -> tuple[int, str]:
    run = invoke("locate", *args, "--sources", str(SOURCES))
    return run.code, run.stdout


def test_a_passage_of_an_article_is_found_at_its_line_with_its_figures() -> None:
    code, out = _locate("a cluster built around at least a thousand Ascend 910C chips", "-n", "2")
    first, passage, read = out.splitlines()[:3]
    assert code == 0
    assert first == f"{SOURCES / 'server-room-thousand-chips.txt'}:11:227: found, score 100"
    assert "Huawei’s research group is selling" in passage
    assert "'at least a thousand' = ≥1,000 chips" in read


def test_a_changed_figure_is_not_found_however_close() -> None:
    # As `check` would refuse it: the closest place is shown, and the exit status says "not there".
    code, out = _locate("a cluster built around at least 2,000 Ascend 910C chips", "-n", "1")
    assert code == 1
    assert out.startswith(f"{SOURCES / 'server-room-thousand-chips.txt'}:11:") and ": closest, not found, score" in out


def test_json_gives_each_place_with_the_values_read() -> None:
    code, out = _locate("using a cluster of at least 1,000 Huawei Ascend 910C chips", "--format", "json", "-n", "3")
    places = json.loads(out)["places"]
    assert code == 0 and len(places) == 3
    best = places[0]
    assert (best["source"], best["status"], best["exact"]) == ("dapta-huawei-trains-v4-pro", "found", True)
    assert {"found": "at least 1,000", "normalized": {"type": "number", "low": 1000.0, "high": 1000.0,
            "unit": "chips", "qualifier": "at_least", "step": 1.0}} in best["read"]
    assert [p["score"] for p in places] == sorted((p["score"] for p in places), reverse=True)


def test_source_text_is_escaped_for_the_terminal(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "wire.txt").write_text("---\nid: wire\ntitle: Wire\npublisher: Desk\npublished: 2024-05-01\n---\n"
                                      "Revenue rose to $5 billion \x1b[31min 2023[/red], the company said.\n",
                                      encoding="utf-8")
    run = invoke("locate", "Revenue rose to $5 billion", "--sources", str(sources))
    assert run.code == 0 and "\x1b" not in run.stdout and "\\x1b" in run.stdout


def test_nothing_to_find_is_a_usage_error() -> None:
    run = invoke("locate", " ... ", "--sources", str(SOURCES))
    assert run.code == 2 and "nothing to find" in run.stderr and run.stdout == ""
