"""Finding the passages about a claim written without `match`: its statement, term by term,
weighted by how rare each term is in the corpus (real passages of the sports-transfer corpus)."""

from __future__ import annotations

from pathlib import Path

from factcheck.claims import Claim
from factcheck.corpus import Prepared, prepare_all
from factcheck.discover import Rarity, doubt, passage_terms, statement_terms, topic
from factcheck.report import build_report
from factcheck.sources import load_sources

from .conftest import REPO

TRANSFER = REPO / "tests" / "corpora" / "sports-transfer"


def _corpus() -> tuple[dict[str, Prepared], Rarity]:
    corpus = prepare_all(load_sources(TRANSFER / "sources")[0])
    return corpus, Rarity.of(p.terms for p in corpus.values())


def _claim(statement: str) -> Claim:
    return Claim(id="c", statement=statement, kind="number")


def _found(statement: str) -> list[str]:
    corpus, rarity = _corpus()
    t = topic(_claim(statement), rarity)
    return [p.text for prep in corpus.values() for p, terms in zip(prep.passages, prep.terms, strict=True)
            if doubt(t, terms) is None]


def test_a_passage_without_the_specific_name_is_at_most_for_review() -> None:
    _, rarity = _corpus()
    t = topic(_claim("Mbappé won six Ligue 1 titles with PSG."), rarity)
    reason = doubt(t, passage_terms("He won seven titles with PSG."))
    assert reason and "Ligue" in reason


def test_a_passage_that_calls_the_subject_he_is_found_by_its_specific_name() -> None:
    # Every article is about Mbappé, so his name is not required; "Ligue 1" pins the fact.
    found = _found("Mbappé won six Ligue 1 titles with PSG.")
    assert "He won seven Ligue 1 titles with PSG and scored 256 goals in 308 appearances for the club." in found


def test_the_story_wide_name_alone_does_not_make_a_passage_about_the_claim() -> None:
    found = _found("Mbappé won six Ligue 1 titles with PSG.")
    assert found and all("Ligue 1" in text for text in found)


def test_names_weigh_by_rarity_and_the_story_subject_is_not_specific() -> None:
    _, rarity = _corpus()
    terms = {t.text: t for t in statement_terms("Mbappé won six Ligue 1 titles with PSG.", rarity)}
    assert terms["Ligue"].specific and not terms["Mbappe"].specific
    assert terms["Ligue"].weight > terms["Mbappe"].weight


def test_passage_terms_fold_accents_possessives_and_acronyms() -> None:
    terms = passage_terms("Mbappé's move from Paris Saint-Germain was announced in the U.S. first.")
    assert {"@mbappe", "@psg", "@us", "announc"} <= terms


def test_a_statement_only_claim_reports_the_conflict_a_reader_finds(tmp_path: Path) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_text("""claims:
  - id: titles
    statement: Mbappé won six Ligue 1 titles with PSG.
    kind: number
    value: "6"
    unit: titles
""", encoding="utf-8")
    (result,) = build_report(claims, TRANSFER / "sources").results
    passages = {f.passage for f in result.findings}
    assert "He won seven Ligue 1 titles with PSG and scored 256 goals in 308 appearances for the club." in passages
