"""The cache of prepared sources: a warm run reads from it and answers the same; a cache that cannot
be used is one warning, never a failure or another answer."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

import factcheck.report as report_module
from factcheck.cache import Cache
from factcheck.corpus import Prepared, prepare_all
from factcheck.sources import Source, load_sources

from .conftest import CLAIMS, SOURCES, invoke


def _report(cache_dir: Path, *extra: str) -> tuple[str, str]:
    run = invoke("report", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--format", "json", *extra)
    assert run.code == 0
    return run.stdout, run.stderr


def _count_prepared(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the sources the report prepares (reads afresh) from now on, filled as it runs."""
    prepared: list[str] = []

    def counting(sources: dict[str, Source], progress: Callable[[int, int], None] | None = None) -> dict[str, Prepared]:
        prepared.extend(sources)
        return prepare_all(sources, progress)

    monkeypatch.setattr(report_module, "prepare_all", counting)
    return prepared


def _damage(cache_dir: Path, *statements: str) -> None:
    """Run SQL on the cache database, as a crash or another tool might leave it."""
    db = sqlite3.connect(cache_dir / "prepared.sqlite3")
    with db:
        for statement in statements:
            db.execute(statement)
    db.close()


def test_a_warm_run_prepares_nothing_and_answers_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / ".factcheck_cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(cache_dir))
    cold, _ = _report(cache_dir)
    assert (cache_dir / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache_dir / ".gitignore").read_text().splitlines()[-1] == "*"
    prepared = _count_prepared(monkeypatch)
    claims = tmp_path / "claims.yaml"  # the same claims elsewhere: a new run, not a replay of the last
    claims.write_bytes(CLAIMS.read_bytes())
    warm = invoke("report", "--claims", str(claims), "--sources", str(SOURCES), "--format", "json")
    assert warm.stdout == cold and prepared == []  # every source came from the cache


def test_an_unchanged_story_is_replayed_and_any_change_runs_again(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    story = tmp_path / "story"
    shutil.copytree(SOURCES, story / "sources")
    shutil.copy(CLAIMS, story / "claims.yaml")
    (story / "sources" / "notes.txt").write_text("no header here\n", encoding="utf-8")  # a warning, replayed too
    built: list[int] = []
    real = report_module.build_report

    def counting(*args: object, **kwargs: object) -> report_module.Report:
        built.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(report_module, "build_report", counting)
    args = ["report", "--claims", str(story / "claims.yaml"), "--sources", str(story / "sources"),
            "--fail-on", "conflict"]
    first = invoke(*args)
    again = invoke(*args)
    assert len(built) == 1  # nothing read but the files' bytes
    assert (again.code, again.stdout, again.stderr) == (first.code, first.stdout, first.stderr)
    assert first.code == 1 and "warning" in first.stderr
    source = sorted((story / "sources").glob("*.txt"))[0]
    source.write_text(source.read_text(encoding="utf-8") + " ", encoding="utf-8")  # one byte more
    invoke(*args)
    assert len(built) == 2
    with (story / "claims.yaml").open("a", encoding="utf-8") as f:
        f.write("# a comment\n")
    invoke(*args)
    assert len(built) == 3
    assert invoke(*args, "--format", "json").stdout != first.stdout and len(built) == 4
    invoke(*args, "--no-cache")
    assert len(built) == 5


def test_a_damaged_kept_run_is_run_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / ".factcheck_cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(cache_dir))
    expected, _ = _report(cache_dir)
    _damage(cache_dir, "UPDATE runs SET stdout = substr(stdout, 1, length(stdout) - 9)")
    assert _report(cache_dir) == (expected, "")


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / ".factcheck_cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(cache_dir))
    _report(cache_dir, "--no-cache")
    assert not cache_dir.exists()


def test_a_corrupt_cache_is_one_warning_and_the_same_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / ".factcheck_cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(cache_dir))
    expected, _ = _report(cache_dir, "--no-cache")
    cache_dir.mkdir()
    (cache_dir / "prepared.sqlite3").write_bytes(b"this is not a database" * 100)
    out, err = _report(cache_dir)
    assert out == expected
    assert err.count("\n") == 1 and "warning: cannot use the cache" in err


def test_a_damaged_entry_is_prepared_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / ".factcheck_cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(cache_dir))
    expected, _ = _report(cache_dir)
    # The kept run goes too, or the second run would replay it and never read an entry.
    _damage(cache_dir, "UPDATE prepared SET entry = '{\"passages\": 1}'", "DELETE FROM runs")
    prepared = _count_prepared(monkeypatch)
    out, err = _report(cache_dir)
    assert out == expected and err == "" and len(prepared) == len(list(SOURCES.glob("*.txt")))


def test_a_cache_that_cannot_be_created_is_one_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Under a file, not a directory: the cache cannot be made even by root (as a read-only one can).
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / ".factcheck_cache"))
    expected, _ = _report(tmp_path, "--no-cache")
    out, err = _report(tmp_path)
    assert out == expected and err.count("\n") == 1 and "warning: cannot use the cache" in err
    checked = invoke("check", "--claims", str(CLAIMS), "--sources", str(SOURCES))
    assert checked.code == 0 and checked.stderr.count("\n") == 1 and "warning: cannot use the cache" in checked.stderr


def test_an_entry_is_json_that_round_trips(tmp_path: Path) -> None:
    from factcheck.cache import dumps, loads
    from factcheck.sources import load_sources

    for prep in prepare_all(load_sources(SOURCES)[0]).values():
        again = loads(prep.source, dumps(prep))
        assert (again.passages, again.mentions, again.terms, again.identifiers) == (
            prep.passages, prep.mentions, prep.terms, prep.identifiers)
    assert Cache(None).get({}) == {}


CORPORA = sorted(d for d in (Path(__file__).parent / "corpora").iterdir() if (d / "claims.yaml").is_file())


@pytest.mark.parametrize("story", CORPORA, ids=[d.name for d in CORPORA])
def test_every_corpus_reads_the_same_from_the_cache(story: Path, tmp_path: Path) -> None:
    from factcheck.render_report import render_json

    def run() -> str:
        cache = Cache(tmp_path / "cache")
        try:
            built = report_module.build_report(story / "claims.yaml", story / "sources", cache=cache)
            return "".join(render_json(built))
        finally:
            cache.close()

    assert run() == run()  # cold, then warm


def test_check_replays_only_while_nothing_changed(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(SOURCES, story / "sources")
    good = CLAIMS.read_text(encoding="utf-8")
    source_id = sorted(p.stem for p in SOURCES.glob("*.txt"))[0]
    assert f"source: {source_id}" in good
    args = ["check", "--claims", str(story / "claims.yaml"), "--sources", str(story / "sources")]
    (story / "claims.yaml").write_text(good.replace(f"source: {source_id}", "source: no-such-article", 1),
                                       encoding="utf-8")
    broken = invoke(*args)
    assert broken.code == 1 and "no-such-article" in broken.stdout
    assert invoke(*args) == broken  # replayed
    (story / "claims.yaml").write_text(good, encoding="utf-8")
    assert invoke(*args).code == 0  # the fix is seen at once


def test_another_versions_entries_are_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Entries of another version (or another checkout's code) can never be read again: a cache that
    # kept them would grow with every upgrade.
    import factcheck.cache as cache_module

    sources = {s.id: s for s in load_sources(SOURCES)[0].values()}
    monkeypatch.setattr(cache_module, "_tool", lambda: "factcheck 0.0.1:old")
    old = Cache(tmp_path / "cache")
    old.put(prepare_all(sources))
    assert len(old.get(sources)) == len(sources)
    old.close()
    monkeypatch.undo()
    Cache(tmp_path / "cache").close()
    with sqlite3.connect(tmp_path / "cache" / "prepared.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM prepared").fetchone() == (0,)
    db.close()


def test_a_run_whose_input_changed_while_it_ran_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = tmp_path / "story"
    shutil.copytree(SOURCES, story / "sources")
    source = sorted((story / "sources").glob("*.txt"))[0]
    before = source.read_text(encoding="utf-8")
    built: list[int] = []
    real = report_module.build_report

    def editing(*args: object, **kwargs: object) -> report_module.Report:
        built.append(1)
        if len(built) == 1:  # saved after the run read its key, before it read the sources
            source.write_text(before + "An edit saved while the report ran.\n", encoding="utf-8")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(report_module, "build_report", editing)
    args = ["report", "--claims", str(CLAIMS), "--sources", str(story / "sources")]
    invoke(*args)
    source.write_text(before, encoding="utf-8")  # the bytes the first run's key was read from
    again = invoke(*args)
    assert len(built) == 2  # the first run was not kept under a key its output does not answer
    assert again.stdout == invoke(*args, "--no-cache").stdout
