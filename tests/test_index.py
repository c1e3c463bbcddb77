"""The index offers each claim only the passages that can be about it: the report must be the same,
byte for byte, as testing every passage against every claim."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck.report as report_module
from factcheck.render_report import render_json

REPO = Path(__file__).resolve().parents[1]
STORIES = [(REPO / "claims.yaml", REPO / "sources")] + [
    (d / "claims.yaml", d / "sources") for d in sorted((REPO / "tests" / "corpora").iterdir())
    if (d / "claims.yaml").is_file()]


class _NoIndex:
    @staticmethod
    def of(corpus: object) -> None:
        return None  # assess then tests every passage


@pytest.mark.parametrize(("claims", "sources"), STORIES, ids=[s[1].parent.name for s in STORIES])
def test_the_index_changes_nothing_but_time(claims: Path, sources: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    indexed = "".join(render_json(report_module.build_report(claims, sources)))
    monkeypatch.setattr(report_module, "Index", _NoIndex)
    assert "".join(render_json(report_module.build_report(claims, sources))) == indexed


def test_the_report_is_the_same_for_any_number_of_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    # Sources prepared and claims assessed in forked workers (from the first on, here) give the same bytes.
    claims, sources = STORIES[0]
    alone = "".join(render_json(report_module.build_report(claims, sources, jobs=1)))
    monkeypatch.setattr(report_module, "PARALLEL_CLAIMS", 1)
    monkeypatch.setattr(report_module, "PARALLEL_SOURCES", 1)
    done: list[int] = []
    built = report_module.build_report(claims, sources, jobs=3, progress=lambda n, total: done.append(n))
    assert "".join(render_json(built)) == alone
    assert done == list(range(1, len(built.sources) + 1))  # progress, as sources arrive


def test_progress_shows_only_on_a_terminal_after_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import cli

    piped = cli._Progress()
    piped(1, 10)
    assert piped._bar is None  # stderr is not a terminal here
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: True)
    quick = cli._Progress()
    quick(1, 10)
    assert quick._bar is None  # under a second: nothing flickers
    slow = cli._Progress()
    slow._start -= 2
    slow(5, 10)
    assert slow._bar is not None and slow._bar.tasks[0].completed == 5
    slow.stop()
