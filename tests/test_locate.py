"""Locating curated excerpts in real articles: tolerant of typography, strict on figures."""

from __future__ import annotations

import pytest

from factcheck.locate import figure_changes, locate
from factcheck.sources import Source, load_sources
from factcheck.textnorm import fold

from .conftest import SOURCES

ARTICLES, _ = load_sources(SOURCES)


def find(source_id: str, excerpt: str) -> tuple[Source, object]:
    source = ARTICLES[source_id]
    return source, locate(excerpt, fold(source.body))


def test_curly_quotes_line_break_and_ellipsis_found_at_the_right_line() -> None:
    # The article writes That’s / Huawei’s with curly apostrophes, on body line 2.
    excerpt = ("That's the image Huawei's research group is selling\n"
               "after announcing they trained ... using a cluster built around at least a thousand "
               "Ascend 910C chips.")
    source, found = find("server-room-thousand-chips", excerpt)
    assert found.status == "found"
    assert source.position(found.start).line == source.body_line + 1
    assert source.body[found.start:].startswith("That’s the image")
    assert source.body[:found.end].endswith("Ascend 910C chips.")


def test_straight_quotes_and_dashes_match_typographic_source() -> None:
    excerpt = ("While Chinese accelerators have demonstrated competitive performance at inference - "
               "where trained models process prompts - they have historically lagged in training")
    source, found = find("huawei-led-team-full-parameter", excerpt)
    assert found.status == "found"
    assert source.line_text(found.start).startswith("This achievement, if verified")


def test_case_and_whitespace_do_not_matter() -> None:
    _, found = find("dapta-huawei-trains-v4-pro",
                    "HUAWEI has   successfully completed the post-training of DeepSeek V4-Pro")
    assert found.status == "found"
    assert found.exact


@pytest.mark.parametrize(
    ("source_id", "excerpt", "ours", "theirs"),
    [
        ("huawei-led-team-full-parameter",
         "In August 2025, reports indicated that DeepSeek couldn't complete a single successful training run",
         "2025", "2023"),
        ("huawei-led-team-full-parameter",
         "using a cluster of at least 10,000 Huawei Ascend 910C AI accelerators", "10,000", "1,000"),
        ("bestaifor-huawei-chips-refine",
         "DeepSeek-V3 was pre-trained on approximately 2,048 NVIDIA H800 GPUs over 2.788 million GPU-hours "
         "at a stated compute cost of around $5.675 million", "5.675", "5.576"),
        ("dapta-huawei-trains-v4-pro",
         "Huawei has successfully completed the post-training of DeepSeek V4-Pro, a 1.8 trillion parameter AI model",
         "1.8", "1.6"),
        ("server-room-thousand-chips",
         "using a cluster built around at least a hundred Ascend 910C chips", "hundred", "thousand"),
        ("huawei-led-team-full-parameter",
         "DeepSeek-V4-Pro, released in May 2024, was designed from the outset to utilize Ascend architecture",
         "may", "april"),
    ],
)
def test_a_changed_figure_is_a_misquote_naming_both(source_id: str, excerpt: str, ours: str, theirs: str) -> None:
    _, found = find(source_id, excerpt)
    assert found.status == "misquote"
    assert [(c.excerpt, c.source) for c in found.changes] == [(ours, theirs)]


def test_thousands_separator_is_typography_not_a_figure_change() -> None:
    _, found = find("huawei-led-team-full-parameter", "using a cluster of at least 1000 Huawei Ascend 910C")
    assert found.status == "found"


def test_unrelated_text_is_not_found_and_reports_closest_passage() -> None:
    _, found = find("dapta-huawei-trains-v4-pro", "The central bank raised interest rates by half a point")
    assert found.status == "not-found"
    assert found.score < 85


def test_ellipsis_pieces_must_appear_in_order() -> None:
    _, found = find("server-room-thousand-chips",
                    "using a cluster built around at least a thousand Ascend 910C chips ... Imagine a server room")
    assert found.status == "not-found"


def test_edge_words_beyond_the_excerpt_are_not_figure_changes() -> None:
    assert figure_changes("a cluster of at least", "x a cluster of at least 1,000 huawei") == ()
    assert figure_changes("in august 2025, reports", "in august 2023, reports")[0].source == "2023"


def test_folding_reads_ascii_runs_as_it_reads_character_by_character(monkeypatch: pytest.MonkeyPatch) -> None:
    # fold() lower-cases runs of plain ASCII at once: the map back to the source must be the one the
    # character-by-character path gives, on every article shipped and on hostile dashes and spaces.
    import re
    from pathlib import Path

    from factcheck import textnorm

    repo = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in sorted(repo.glob("**/sources/*.txt"))]
    texts += ["a--b -- c - d –e 5–10 -5,000 state-owned\u00a0x\u200bY\u2026z  \n\tQ", "--", "-", " a ", "A-"]
    fast = [fold(t) for t in texts]
    monkeypatch.setattr(textnorm, "_RUN", re.compile(r"(?!)"))
    assert [fold(t) for t in texts] == fast
