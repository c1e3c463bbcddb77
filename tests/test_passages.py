"""Passages: sentences, list items and table rows, each quotable on its own and of bounded size."""

from __future__ import annotations

from factcheck.passages import MAX_PASSAGE, passages
from factcheck.sources import Source, parse_source

from .conftest import SOURCES


def _source(body: str) -> Source:
    source, problems = parse_source("s.txt", "---\nid: s\ntitle: T\n---\n" + body)
    assert source is not None and not problems
    return source


def test_a_line_without_sentence_ends_is_cut_into_bounded_passages() -> None:
    # A scraped page on one line, no full stops: every claim would otherwise rescan all of it.
    line = " ".join(f"the bridge cost ${i} million in 2024" for i in range(20000))
    source = _source(line + "\n")
    found = passages(source)
    assert len(found) > 100
    assert max(len(p.text) for p in found) <= MAX_PASSAGE
    assert all(source.body[p.start : p.end] == p.text for p in found)
    assert " ".join(p.text for p in found) == line


def test_sentences_list_items_and_table_rows_of_a_real_article() -> None:
    text = (SOURCES / "bestaifor-v4-pro-not-just-pr.txt").read_text(encoding="utf-8")
    source, _ = parse_source("bestaifor-v4-pro-not-just-pr.txt", text)
    assert source is not None
    kinds = {p.text[:40]: p.kind for p in passages(source)}
    assert kinds["H800NvidiaExport-controlled since Oct 20"] == "table-row"
    assert kinds["• US export controls enacted in October "] == "list-item"
    assert kinds["DeepSeek's V3 was pre-trained on approxi"] == "sentence"
