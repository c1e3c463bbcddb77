"""`factcheck add FILE`: an article copied into sources/ with a valid header, body byte for byte."""

from __future__ import annotations

from pathlib import Path

from factcheck.sources import load_sources

from .conftest import invoke


def _story(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "sources").mkdir()
    article = tmp_path / "article.txt"
    article.write_bytes("Acme said revenue rose 40% to $5 billion in 2023 — “a record”.\r\nSecond line\n".encode())
    return article, tmp_path / "sources"


def test_an_added_article_reads_as_check_reads_it_with_its_body_unchanged(tmp_path: Path) -> None:
    article, sources = _story(tmp_path)
    run = invoke("add", str(article), "--id", "acme-q4", "--title", "Acme: results, 2023", "--publisher", "Wire",
                 "--published", "2024-05-01", "--sources", str(sources))
    assert run.code == 0 and "source: acme-q4" in run.stdout
    written = (sources / "acme-q4.txt").read_bytes()
    assert written.endswith(article.read_bytes())  # byte for byte, line endings and quotes kept
    loaded, problems = load_sources(sources)
    source = loaded["acme-q4"]
    assert problems == [] and source.title == "Acme: results, 2023" and source.publisher == "Wire"
    assert source.published is not None and source.published.isoformat() == "2024-05-01"


def test_add_never_overwrites_and_refuses_a_bad_header(tmp_path: Path) -> None:
    article, sources = _story(tmp_path)
    (sources / "acme-q4.txt").write_text("mine\n", encoding="utf-8")
    taken = invoke("add", str(article), "--id", "acme-q4", "--title", "T", "--sources", str(sources))
    assert taken.code == 2 and "exists" in taken.stderr and (sources / "acme-q4.txt").read_text() == "mine\n"
    bad_date = invoke("add", str(article), "--id", "acme-2", "--title", "T", "--published", "2024-13-01",
                      "--sources", str(sources))
    assert bad_date.code == 2 and "YYYY-MM-DD" in bad_date.stderr and not (sources / "acme-2.txt").exists()
    assert invoke("add", str(article), "--id", "Acme Q4", "--title", "T", "--sources", str(sources)).code == 2
