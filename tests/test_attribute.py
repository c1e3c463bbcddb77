"""Which figure of a passage speaks for the claim: the rules of attribute.RULES, on real passages
of the dev corpora (tests/corpora/), each with the verdict a reader gives."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from factcheck.assess import ClaimResult
from factcheck.attribute import RULES
from factcheck.frames import is_claims_name, names_in, statement_frame
from factcheck.report import build_report


def _file(tmp_path: Path, passage: str, claims: str, published: str) -> list[ClaimResult]:
    """The report on one article holding `passage`, for the claims given as YAML list items."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "article.txt").write_text(
        f"---\nid: article\ntitle: \"A story\"\npublisher: Desk\npublished: {published}\n---\n{passage}\n",
        encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text("claims:\n" + textwrap.indent(textwrap.dedent(claims).strip(), "  ") + "\n", encoding="utf-8")
    return list(build_report(path, sources).results)


def _report(tmp_path: Path, passage: str, claim: str, published: str = "2025-01-10") -> ClaimResult:
    (result,) = _file(tmp_path, passage, claim, published)
    return result


def _rules(result: ClaimResult) -> set[str]:
    return {a.rule for f in result.findings for a in f.set_aside}


def test_every_rule_explains_itself_with_an_example() -> None:
    for rule in RULES:
        assert rule.doc and any(q in rule.doc for q in "\"“'"), f"{rule.id} needs a docstring with an example"


def test_a_year_that_labels_an_event_does_not_date_the_claims_event(tmp_path: Path) -> None:
    # Nor does it end the words that tell the date's event: "certified … on Monday, Jan. 9".
    result = _report(tmp_path, "Congress certified President-elect Donald Trump's 2024 election victory on "
                     "Monday, Jan. 9, 2025, in a peaceful session overseen by Vice President Kamala Harris.", """
        - id: certification
          statement: Congress certified the Electoral College result in a joint session on 6 January 2025.
          kind: date
          value: "2025-01-06"
        """)
    assert [f.found for f in result.conflicts] == ["Jan. 9, 2025"]
    assert "year_label" in _rules(result)


def test_a_figure_of_another_time_is_set_aside(tmp_path: Path) -> None:
    result = _report(tmp_path, "Mr. Biden won Michigan four years ago by just over 150,000 votes.", """
        - id: michigan-margin
          statement: Donald Trump won Michigan by 80,103 votes in 2024.
          kind: number
          value: "80103"
          unit: votes
          match: [Michigan]
        """)
    assert not result.conflicts and "other_time" in _rules(result)


@pytest.mark.parametrize("passage, conflicts", [
    # A total is not a margin ...
    ("The certified results show Trump carried Wisconsin with 1,697,626 votes, compared with 1,668,229 "
     "votes for Democrat Kamala Harris.", []),
    # ... but a margin written as one is compared, with or without the word.
    ("Trump carried Wisconsin by 0.86%, a raw margin of roughly 39,000 votes.", ["roughly 39,000 votes"]),
    ("Trump won Wisconsin by 1.2%, or about 39,000 votes.", ["about 39,000 votes"]),
])
def test_a_claim_that_states_a_margin_is_compared_with_margins_only(tmp_path: Path, passage: str,
                                                                   conflicts: list[str]) -> None:
    result = _report(tmp_path, passage, """
        - id: wisconsin-margin
          statement: Donald Trump won Wisconsin by 29,397 votes.
          kind: number
          value: "29397"
          unit: votes
          match: [Wisconsin]
        """)
    assert [f.found for f in result.conflicts] == conflicts


def test_a_time_of_day_does_not_end_the_sentence(tmp_path: Path) -> None:
    result = _report(tmp_path, "The Associated Press called Arizona for Trump at 9:21 p.m. ET on Nov. 10. "
                     "The win lifts Trump's Electoral College total to 312.", """
        - id: arizona-call
          statement: The Associated Press called Arizona for Trump on 9 November 2024.
          kind: date
          value: "2024-11-09"
          match: [Arizona, called]
        """, published="2024-11-10")
    assert [f.found for f in result.conflicts] == ["Nov. 10"]


def test_a_figure_that_states_another_claims_fact_is_that_claims(tmp_path: Path) -> None:
    april, october = _file(tmp_path, "UnitedHealth Group has lifted its estimate of what the February breach at its "
                           "Change Healthcare unit will cost this year to nearly $2.9B.", """
        - id: april-estimate
          statement: In April 2024 UnitedHealth estimated that the attack would cost it up to $1.6 billion in 2024.
          kind: number
          value: "1.6 billion"
          unit: USD
          match: [estimate]
        - id: october-estimate
          statement: In October 2024 UnitedHealth raised its estimate of the attack's 2024 cost to about $2.87 billion.
          kind: number
          value: "2.87 billion"
          unit: USD
          match: [estimate]
        """, "2024-10-16")
    assert not april.conflicts and "agrees_elsewhere" in _rules(april)
    assert october.verdict == "consistent"


def test_a_date_counts_against_the_claim_whose_event_its_clause_tells(tmp_path: Path) -> None:
    access, detected = _file(tmp_path, "According to Witty's prepared testimony, on February 22 ALPHV ransomware "
                             "affiliates got into the healthcare company's IT systems using \"compromised credentials "
                             "to remotely access a Change Healthcare Citrix portal.\"", """
        - id: initial-access
          statement: Hackers first got into Change Healthcare's systems on 12 February 2024, via a Citrix portal.
          kind: date
          value: "2024-02-12"
        - id: detected
          statement: The ransomware attack on Change Healthcare was detected on 21 February 2024.
          kind: date
          value: "2024-02-21"
        """, "2024-04-30")
    assert [f.found for f in access.conflicts] == ["February 22"]
    assert not detected.conflicts
    assert [f.found for f in detected.reviews] == ["February 22"] and "[fits_elsewhere]" in detected.reviews[0].reason


def test_a_parenthesis_after_a_name_is_an_alias_not_another_entity(tmp_path: Path) -> None:
    result = _report(tmp_path, "The European Union's antitrust regulator has approved Microsoft's (MSFT) $74.5 "
                     "billion deal to acquire Activision Blizzard.", """
        - id: deal-value
          statement: Microsoft's all-cash acquisition of Activision Blizzard was valued at $68.7 billion.
          kind: number
          value: "68.7 billion"
          unit: USD
          match: [Activision]
        """, published="2023-05-15")
    assert [f.found for f in result.conflicts] == ["$74.5 billion"]


def test_what_the_statement_compares_with_is_not_its_subject(tmp_path: Path) -> None:
    result = _report(tmp_path, "The Saturn V that launched the Apollo missions produced about 7.5 million pounds "
                     "of thrust.", """
        - id: sls-thrust
          statement: SLS produced 8.8 million pounds of thrust at liftoff, 15% more than the Saturn V.
          kind: number
          value: "8.8 million"
          unit: pounds
          match: [thrust]
        """, published="2022-11-16")
    assert not result.conflicts and "other_entity" in _rules(result)


@pytest.mark.parametrize("passage, claim, published, rule", [
    ("After heavy rain during the opening ceremony last Friday, E. coli readings stayed above the limit, training "
     "sessions were cancelled, and the men's triathlon, scheduled for Tuesday, July 30, was pushed back by a day.", """
        - id: triathlon-date
          statement: The men's triathlon, postponed by a day over the Seine's water quality, was held on 31 July 2024.
          kind: date
          value: "2024-07-31"
          match: ["men's triathlon"]
        """, "2024-07-30", "planned_date"),
    ("It makes a second close flyby on Dec. 5, and is due to splash down off the coast of Baja California on "
     "Dec. 11.", """
        - id: flyby-date
          statement: Orion made its outbound powered flyby of the Moon on 21 November 2022.
          kind: date
          value: "2022-11-21"
          match: [flyby]
        """, "2022-11-29", "other_occurrence"),
    ("Silicon Valley Bank was taken over by regulators on Friday in what is now the second-biggest bank failure in "
     "US history.", """
        - id: svb-size-rank
          statement: Silicon Valley Bank was the 16th-largest bank in the United States at the end of 2022.
          kind: number
          value: "16th"
          unit: ordinal
        """, "2023-03-11", "other_ranking"),
    ("He is also just 11 goals short of matching Olivier Giroud as France's all-time leading scorer.", """
        - id: psg-goals
          statement: Mbappé left PSG as the club's all-time record scorer with 256 goals in all competitions.
          kind: number
          value: "256"
          unit: goals
          match: [goals]
        """, "2024-05-10", "margin"),
])
def test_a_figure_of_another_event_or_measure_is_set_aside(tmp_path: Path, passage: str, claim: str,
                                                           published: str, rule: str) -> None:
    result = _report(tmp_path, passage, claim, published)
    assert not result.conflicts and rule in _rules(result)


def test_a_date_in_a_relative_clause_is_doubted_unless_the_statement_tells_that_event(tmp_path: Path) -> None:
    result = _report(tmp_path, "The verdict caps a month-long trial that opened with jury selection on Oct. 3.", """
        - id: conviction-date
          statement: A jury convicted Bankman-Fried on all seven counts on 2 November 2023.
          kind: date
          value: "2023-11-02"
          match: [verdict]
        """, published="2023-11-03")
    assert not result.conflicts and "[relative_clause]" in result.reviews[0].reason


def test_last_year_is_read_from_the_articles_date_and_a_based_compound_is_not_an_entity(tmp_path: Path) -> None:
    # Written in March 2023, "the end of last year" is the statement's "end of 2022".
    result = _report(tmp_path, "The Santa Clara-based bank ranked as the 16th biggest in the US at the end of "
                     "last year, with about $290 billion in assets and about $175 billion in deposits at the end "
                     "of 2022.", """
        - id: svb-total-assets
          statement: Silicon Valley Bank had about $209 billion in total assets at the end of 2022.
          kind: number
          value: "209 billion"
          unit: USD
          match: [assets]
        """, published="2023-03-13")
    assert [f.found for f in result.conflicts] == ["about $290 billion"]


def test_a_date_is_doubted_when_the_words_before_it_tell_another_event(tmp_path: Path) -> None:
    # Dec. 1 dates leaving the orbit; the outbound flyby is told nowhere before it.
    result = _report(tmp_path, "It leaves the distant retrograde orbit on Dec. 1, makes a second close flyby on "
                     "Dec. 5, and is due to splash down off the coast of Baja California on Dec. 11.", """
        - id: flyby-date
          statement: Orion made its outbound powered flyby of the Moon on 21 November 2022.
          kind: date
          value: "2022-11-21"
          match: [flyby]
        """, published="2022-11-29")
    assert not result.conflicts
    assert [f.found for f in result.reviews] == ["Dec. 1"] and "[other_measure]" in result.reviews[0].reason


def test_a_statement_opening_with_a_capitalised_word_still_names_its_acronym(tmp_path: Path) -> None:
    result = _report(tmp_path, "The National Highway Traffic Safety Administration (NHTSA) has wrapped up its "
                     "investigation into Tesla's Autopilot driver assistance system after reviewing hundreds of "
                     "crashes, including 13 fatal incidents that led to 16 deaths.", """
        - id: closed-probe-deaths
          statement: When NHTSA closed its Autopilot probe in April 2024 it cited 13 fatal crashes and 14 deaths.
          kind: number
          value: "14"
          unit: deaths
          match: [fatal]
        """, published="2024-04-26")
    assert [f.found for f in result.conflicts] == ["16 deaths"]


def test_a_pronoun_subject_is_the_sentence_befores_and_a_figure_of_another_bank_is_for_review(tmp_path: Path) -> None:
    result = _report(tmp_path, "Signature Bank reported deposit balances totaling $98.17 billion as of March 8. "
                     "As of Dec. 31, it had approximately $110.36 billion in assets, according to New York state's "
                     "Department of Financial Services.", """
        - id: svb-total-assets
          statement: Silicon Valley Bank had about $209 billion in total assets at the end of 2022.
          kind: number
          value: "209 billion"
          unit: USD
          match: [assets]
        """, published="2023-03-13")
    assert not result.conflicts and "[pronoun_subject]" in result.reviews[0].reason


def test_a_generic_word_is_no_short_form_but_an_abbreviation_is() -> None:
    svb = statement_frame("Silicon Valley Bank had about $209 billion in total assets at the end of 2022.")
    fed = statement_frame("The Fed opened its easing cycle with a half-point cut on 18 September 2024.")
    assert not is_claims_name("Signature Bank", svb, frozenset())
    assert is_claims_name("Federal Reserve", fed, frozenset())


def test_a_converted_figure_in_parentheses_keeps_the_frame_of_the_figure_it_converts(tmp_path: Path) -> None:
    # "€30m-a-year (£25.6m)": £25.6m is a year's bonus too, not the whole signing-on bonus.
    result = _report(tmp_path, "In the final year of his PSG contract Mbappe was on €75m (£63.9m) gross, and he was "
                     "also receiving a €30m-a-year (£25.6m) signing-on bonus.", """
        - id: rm-signing-bonus
          statement: Real Madrid will pay Mbappé a signing-on bonus of just over £85m, in instalments over his contract.
          kind: number
          value: "85 million"
          unit: GBP
          match: [bonus]
        """, published="2024-06-04")
    assert not result.conflicts
    assert ("£25.6m", "extra_modifier") in {(a.found, a.rule) for f in result.findings for a in f.set_aside}


def test_a_figure_that_belongs_to_another_thing_of_the_clause_is_for_review(tmp_path: Path) -> None:
    result = _report(tmp_path, "Trump won the pivotal battleground and its 19 electoral votes by 2.3%, or just over "
                     "150,000 votes, as of 1:20pm ET on Wednesday, with ballots still being counted.", """
        - id: trump-swing-state-votes
          statement: Donald Trump won all 93 electoral votes of the seven swing states in 2024.
          kind: number
          value: "93"
          unit: electoral votes
          match: [Trump]
        """, published="2024-11-06")
    assert not result.conflicts and "[other_owner]" in result.reviews[0].reason


def test_a_forecast_date_is_for_review(tmp_path: Path) -> None:
    reopen = _report(tmp_path, "A 35-foot-deep limited access channel opened on April 25, and the Army Corps of "
                     "Engineers says it expects to reopen the full 700-foot-wide, 50-foot-deep Fort McHenry Channel "
                     "by the end of May.", """
        - id: channel-reopen-date
          statement: The Fort McHenry federal channel fully reopened to its original dimensions on 10 June 2024.
          kind: date
          value: "2024-06-10"
          match: [Fort McHenry]
        """, published="2024-05-01")
    assert not reopen.conflicts and "[forecast_date]" in reopen.reviews[0].reason


def test_a_date_that_opens_a_report_of_what_was_said_dates_the_saying(tmp_path: Path) -> None:
    result = _report(tmp_path, "In October, the technology firm and claims processor said the ransomware attack had "
                     "exposed information on 100 million Americans.", """
        - id: attack-detected-date
          statement: The ransomware attack on Change Healthcare was detected on 21 February 2024.
          kind: date
          value: "2024-02-21"
          match: [ransomware]
        """, published="2025-01-27")
    assert not result.conflicts and "[other_measure]" in result.reviews[0].reason


def test_a_qualified_count_speaks_for_a_claim_only_if_its_statement_qualifies_it_so(tmp_path: Path) -> None:
    result = _report(tmp_path, "Change Healthcare handles a large share of all health care claims in the U.S. — "
                     "roughly 25 billion health care transactions annually before the hack, according to federal "
                     "officials. The United States took first place on the strength of its 44 silver medals.", """
        - id: change-annual-transactions
          statement: Before the attack Change Healthcare processed roughly 15 billion health care transactions a year.
          kind: number
          value: "15 billion"
          unit: transactions
          match: [transactions|medals]
        """, published="2024-04-22")
    assert [f.found for f in result.conflicts] == ["roughly 25 billion"]


def test_a_demonym_before_a_noun_is_an_adjective_not_an_entity() -> None:
    text = "He will formally become a player of the 15-time European champions on June 1."
    assert names_in(text, 0, len(text)) == ()
    assert names_in("Oil fell while Brent fell 2.2% and WTI dropped 0.7%", 0, 51) == ("Brent", "WTI")


def test_a_day_that_labels_another_event_is_set_aside(tmp_path: Path) -> None:
    result = _report(tmp_path, "The certification came exactly four years after the Jan. 6, 2021, attack on the "
                     "Capitol, which left five people dead and hundreds injured.", """
        - id: congress-certification-date
          statement: Congress certified the Electoral College result in a joint session on 6 January 2025.
          kind: date
          value: "2025-01-06"
          match: [certification]
        """, published="2025-01-07")
    assert not result.conflicts and "year_label" in _rules(result)


def test_another_of_a_series_is_another_entity(tmp_path: Path) -> None:
    result = _report(tmp_path, "The Kansas City Chiefs became the first team in two decades to win consecutive "
                     "Super Bowls, beating the San Francisco 49ers 25-22 in overtime in Super Bowl LVIII in Las "
                     "Vegas on Sunday, Feb. 11, 2024.", """
        - id: prev-ot-super-bowl
          statement: Before Super Bowl LVIII, the only Super Bowl to go to overtime was Super Bowl LI in 2017.
          kind: date
          value: "2017"
          match: [overtime]
        """, published="2024-02-12")
    assert not result.conflicts and "other_entity" in _rules(result)


def test_another_instance_and_a_distance_are_not_the_claimed_length(tmp_path: Path) -> None:
    result = _report(tmp_path, "A smaller fissure, 100 meters long, opened closer to the town, about 200 meters "
                     "from the Efrihópur neighbourhood.", """
        - id: jan14-main-fissure-length
          statement: The main fissure that opened north of Grindavík on 14 January 2024 was about 900 metres long.
          kind: number
          value: "about 900"
          unit: m
          match: [fissure]
        """, published="2024-01-15")
    assert not result.conflicts
    assert {("100 meters", "extra_modifier")} <= {(a.found, a.rule) for f in result.findings for a in f.set_aside}


def test_a_size_used_as_an_adjective_measures_length(tmp_path: Path) -> None:
    result = _report(tmp_path, "The 984-metre Dali, which had lost electrical power twice in the minutes before the "
                     "crash, was carrying 4,679 containers.", """
        - id: ship-length
          statement: The Dali is 984 feet long.
          kind: number
          value: "984"
          unit: feet
          match: [Dali]
        """, published="2024-09-26")
    assert [f.found for f in result.conflicts] == ["984-metre"]


def test_counted_nouns_that_differ_by_a_prefix_are_one_count(tmp_path: Path) -> None:
    result = _report(tmp_path, "Nearly 600 quakes were recorded between midnight and 2 p.m. on Friday, the Icelandic "
                     "Meteorological Office said.", """
        - id: quakes-first-day
          statement: About 800 earthquakes were recorded between midnight and 2 p.m. on 10 November 2023.
          kind: number
          value: "about 800"
          unit: earthquakes
          match: [recorded]
        """, published="2023-11-11")
    assert [f.found for f in result.conflicts] == ["Nearly 600"]


def test_a_relative_clause_of_the_claims_own_event_dates_it(tmp_path: Path) -> None:
    result = _report(tmp_path, "People from the small fishing village of Grindavik will be allowed home after the "
                     "evacuation that began on November 12 following the swarm of earthquakes.", """
        - id: grindavik-evacuation-date
          statement: Icelandic authorities ordered the evacuation of Grindavík on 10 November 2023.
          kind: date
          value: "2023-11-10"
          match: [evacuation]
        """, published="2023-12-22")
    assert [f.found for f in result.conflicts] == ["November 12"]


def test_a_name_in_a_relative_aside_is_not_the_figures_entity() -> None:
    text = "The area, which lies not far from the capital Reykjavik, has been under observation since late September."
    assert names_in(text, 0, len(text)) == ()


def test_a_date_of_saying_is_not_the_date_of_what_was_said(tmp_path: Path) -> None:
    result = _report(tmp_path, "\"The SEC has not approved the listing and trading of spot bitcoin exchange-traded "
                     "products,\" he wrote on January 9, 2024.", """
        - id: approval-date
          statement: The SEC approved the first U.S. spot bitcoin exchange-traded funds on 10 January 2024.
          kind: date
          value: "2024-01-10"
          match: [SEC]
        """, published="2024-01-10")
    assert not result.conflicts and "said_date" in _rules(result)


def test_a_conversion_keeps_the_bound_of_the_figure_it_converts(tmp_path: Path) -> None:
    result = _report(tmp_path, "Wildfires in Canada have burned more than 10 million hectares (24.7 million acres), "
                     "a record-breaking figure.", """
        - id: area-burned-2023
          statement: Canada's 2023 wildfires burned about 18.5 million hectares.
          kind: number
          value: "about 18.5 million"
          unit: hectares
          match: [hectares]
        """, published="2023-07-01")
    assert not result.conflicts and result.verdict == "consistent"


def test_a_reading_on_a_named_scale_and_the_scales_bound(tmp_path: Path) -> None:
    result = _report(tmp_path, "The AQI, which measures pollution on a scale between zero and 500, climbed to 448 "
                     "during the worst of the smog.", """
        - id: nyc-aqi-peak
          statement: New York City's Air Quality Index peaked at 484 during the worst of the smoke.
          kind: number
          value: "484"
          unit: AQI
          match: [AQI]
        """, published="2023-06-08")
    assert [f.found for f in result.conflicts] == ["448"]
    assert ("500", "scale_bound") in {(a.found, a.rule) for f in result.findings for a in f.set_aside}


def test_a_bound_does_not_outweigh_an_exact_figure_tied_to_the_claim(tmp_path: Path) -> None:
    # "more than 150" agrees with 484 but says little; 448 is the reading.
    result = _report(tmp_path, "New York's AQI, with anything above 150 considered unhealthy, climbed to 448.", """
        - id: nyc-aqi-peak
          statement: New York City's Air Quality Index peaked at 484.
          kind: number
          value: "484"
          unit: AQI
          match: [AQI]
        """, published="2023-06-08")
    assert [f.found for f in result.conflicts] == ["448"]


def test_a_cumulative_figure_is_only_for_review_against_a_single_day_claim(tmp_path: Path) -> None:
    result = _report(tmp_path, "Since the SEC allowed Grayscale's Bitcoin Trust to convert into a spot bitcoin ETF "
                     "on January 10, the fund has seen over $3.4 billion in outflows.", """
        - id: gbtc-day7-outflow
          statement: On the ETFs' seventh trading day GBTC lost about $640 million, its largest single-day outflow.
          kind: number
          value: "about 640 million"
          unit: USD
          match: [outflow]
        """, published="2024-01-23")
    assert not result.conflicts and "[missing_modifier]" in result.reviews[0].reason


def test_a_change_from_a_year_ago_is_neither_a_rate_nor_another_time(tmp_path: Path) -> None:
    result = _report(tmp_path, "On a GAAP basis, earnings per diluted share for the quarter were $4.39, up 33% "
                     "from the previous quarter and up 765% from a year ago.", """
        - id: nvda-q4-gaap-eps
          statement: Nvidia's GAAP earnings per diluted share for the fourth quarter of fiscal 2024 were $4.93.
          kind: number
          value: "4.93"
          unit: USD
          match: [GAAP]
        """, published="2024-02-21")
    assert [f.found for f in result.conflicts] == ["$4.39"]


@pytest.mark.parametrize("passage, claim, found", [
    # a price is per share: that is no other measure
    ("When trading closed on February 22, Nvidia shares were up 16.4% at a record high of $758.3 per share.", """
        - id: close
          statement: Nvidia's stock closed at a record $785.38 on 22 February 2024.
          kind: number
          value: "785.38"
          unit: USD
          match: [record]
        """, "$758.3"),
    # "the full fiscal year" is a full-year frame, as "for the full year" is
    ("For the full year, Nvidia's revenue jumped 126% to $69.0 billion.", """
        - id: fy-revenue
          statement: Nvidia's revenue for the full fiscal year 2024 was $60.9 billion, up 126%.
          kind: number
          value: "60.9 billion"
          unit: USD
          match: [revenue]
        """, "$69.0 billion"),
    # a guidance statement is compared with forecasts
    ("The company said it expects current-quarter revenue of $26.0 billion, plus or minus 2%.", """
        - id: guidance
          statement: Nvidia guided for revenue of about $24.0 billion, plus or minus 2%, in its next quarter.
          kind: number
          value: "about 24.0 billion"
          unit: USD
          match: [revenue]
        """, "$26.0 billion"),
    # a year agrees with the day of a claim, but says little next to the day itself
    ("Nvidia released a powerful report for the fourth quarter of fiscal 2024 (ended Jan. 29).", """
        - id: quarter-end
          statement: Nvidia's fourth quarter of fiscal 2024 ended on 28 January 2024.
          kind: date
          value: "2024-01-28"
          match: [quarter]
        """, "Jan. 29"),
])
def test_frames_of_prices_years_and_forecasts(tmp_path: Path, passage: str, claim: str, found: str) -> None:
    result = _report(tmp_path, passage, claim, published="2024-02-24")
    assert [f.found for f in result.conflicts] == [found]


def test_a_year_to_date_figure_is_not_a_days_move(tmp_path: Path) -> None:
    result = _report(tmp_path, "Since the beginning of the year Nvidia shares have risen by 58%.", """
        - id: share-gain
          statement: Nvidia shares rose 16.4% on 22 February 2024.
          kind: number
          value: "16.4%"
          unit: percent
          match: [shares]
        """, published="2024-02-24")
    assert not result.conflicts and "other_frame" in _rules(result)


def test_a_slip_of_the_claims_value_outweighs_an_uncertain_frame(tmp_path: Path) -> None:
    # The frame of "up 256% from a year ago" is read uncertainly (other_measure), but 256% is 265%
    # with two digits swapped: the writer meant the claim's fact.
    result = _report(tmp_path, "Total fourth-quarter revenue came to $22.1 billion, up 22% from the previous "
                     "quarter and up 256% from a year ago.", """
        - id: nvda-q4-revenue-growth
          statement: Nvidia's fourth-quarter revenue rose 265% from a year earlier.
          kind: number
          value: "265%"
          unit: percent
        """, "2024-02-22")
    (finding,) = result.conflicts
    assert finding.found == "256%" and "[value_slip]" in finding.reason


def test_a_slip_does_not_outweigh_a_certain_frame(tmp_path: Path) -> None:
    # Last year's margin differs from this year's by one digit: still last year's.
    result = _report(tmp_path, "Gross margin was 46.2%, up from 45.2% a year earlier.", """
        - id: gross-margin
          statement: Apple's gross margin in the quarter was 46.2%.
          kind: number
          value: "46.2%"
          unit: percent
        """)
    assert not result.conflicts and not result.reviews


def test_a_passage_off_topic_with_a_slip_of_the_value_is_for_review(tmp_path: Path) -> None:
    # "In total, €864 million in donations …" shares under 40% of the statement's rarity-weighted
    # terms across its corpus, so discovery does not find it; €864M for €846M earns it a look.
    corpus = Path(__file__).parent / "corpora" / "paris-notre-dame-reopening-2024"
    claims = tmp_path / "claims.yaml"
    claims.write_text(textwrap.dedent("""\
        claims:
          - id: donations-total
            statement: Donations for rebuilding Notre-Dame totalled 846 million euros.
            kind: number
            value: "846 million"
            unit: EUR
        """), encoding="utf-8")
    (result,) = build_report(claims, corpus / "sources").results
    (finding,) = [f for f in result.reviews if f.found == "€864 million"]
    assert "of the statement's terms" in finding.reason and not result.conflicts


def test_the_parts_that_add_up_to_the_claims_whole_are_set_aside(tmp_path: Path) -> None:
    result = _report(tmp_path, "In total the IPO raised $519 million for Reddit and a further $229 million for "
                     "existing shareholders who sold stock in the sale.", """
        - id: ipo-proceeds-total
          statement: Reddit's IPO raised about $748 million in total, including shares sold by existing holders.
          kind: number
          value: "748 million"
          unit: USD
        """, published="2024-03-21")
    assert not result.conflicts and not result.reviews
    assert "sum_of_parts" in _rules(result)


def test_a_figure_of_another_order_of_magnitude_is_another_measure(tmp_path: Path) -> None:
    result = _report(tmp_path, "Touting its plan to profit from the growth of artificial intelligence, Reddit saw "
                     "its shares climb 48 per cent in their trading debut Thursday after pricing at the top of a "
                     "marketed range to raise US$784 million in the fourth-largest U.S. IPO of the year.", """
        - id: ipo-price
          statement: Reddit priced its IPO shares at $34 each, the top of its marketed range.
          kind: number
          value: "34"
          unit: USD
        """, published="2024-03-21")
    assert not result.conflicts and "other_scale" in _rules(result)


def test_a_slip_of_magnitude_is_still_a_conflict(tmp_path: Path) -> None:
    # Ten times the claim's 4,679, but the same figure moved by a power of ten: an error to report.
    result = _report(tmp_path, "The 984-foot ship still had nearly 47,000 containers aboard when it lost power, and "
                     "some of them were crushed in the impact.", """
        - id: containers-aboard
          statement: The Dali was carrying 4,679 containers when it struck the bridge.
          kind: number
          value: 4679
          unit: containers
        """, published="2024-05-20")
    assert [f.found for f in result.conflicts] == ["nearly 47,000"]


def test_a_difference_is_not_a_level(tmp_path: Path) -> None:
    result = _report(tmp_path, "That is about $3 billion more than its valuation in the share sale and just shy "
                     "of the valuation Reddit achieved in a funding round.", """
        - id: first-day-diluted-valuation
          statement: At its first-day closing price, Reddit's fully diluted valuation was about $9.5 billion.
          kind: number
          value: "9.5 billion"
          unit: USD
        """, published="2024-03-22")
    assert not result.conflicts and "change_not_level" in _rules(result)


def test_a_peak_reached_during_the_day_does_not_contradict_the_close(tmp_path: Path) -> None:
    result = _report(tmp_path, "Investors rallied behind Reddit's initial public offering on Thursday, driving the "
                     "discussion-forum company's stock price up as much as 70% in its market debut.", """
        - id: first-day-gain
          statement: Reddit's stock closed its first trading day 48% above the IPO price.
          kind: number
          value: "48%"
          unit: percent
        """, published="2024-03-21")
    assert not result.conflicts and not result.reviews


def test_a_bare_year_years_away_from_a_claim_dated_to_the_day_is_for_review(tmp_path: Path) -> None:
    # "… the first social media IPO since Pinterest went public in 2019": in its corpus nothing else
    # tells that 2019 dates Pinterest's listing, not Reddit's pricing; a bare year five years off does.
    claims = tmp_path / "claims.yaml"
    claims.write_text(textwrap.dedent("""\
        claims:
          - id: ipo-pricing-date
            statement: Reddit priced its initial public offering on 20 March 2024.
            kind: date
            value: "2024-03-20"
        """), encoding="utf-8")
    (result,) = build_report(claims, Path(__file__).parent / "corpora" / "reddit-ipo-2024" / "sources").results
    assert "2019" not in [f.found for f in result.conflicts]
    assert any(f.found == "2019" and "[bare_year]" in f.reason for f in result.reviews)


def test_a_years_flow_in_the_statement_is_a_full_year_figure(tmp_path: Path) -> None:
    # "for the year ended Dec. 31, 2023" frames a full year; so does the statement's "for 2023".
    result = _report(tmp_path, "It reported a net loss of $80.9 million for the year ended Dec. 31, 2023, compared "
                     "to a net loss of $158.6 million the year prior.", """
        - id: net-loss-2023
          statement: Reddit reported a net loss of $90.8 million for 2023.
          kind: number
          value: "90.8 million"
          unit: USD
          match: ["loss"]
        """, published="2024-02-22")
    assert [f.found for f in result.conflicts] == ["$80.9 million"]


def test_the_whole_a_claimed_part_sits_in_is_set_aside(tmp_path: Path) -> None:
    result = _report(tmp_path, "Boeing did not talk about Starliner on its July 31 earnings call, but it noted "
                     "that the losses were part of $1 billion in charges on fixed-price programs in its "
                     "Defense and Space business unit in the quarter.", """
        - id: q3-2024-starliner-charge
          statement: Boeing took a $250 million charge on Starliner in the third quarter of 2024.
          kind: number
          value: "250 million"
          unit: USD
          match: ["Starliner"]
        """, published="2024-10-24")
    assert not result.conflicts and "part_of_whole" in _rules(result)
