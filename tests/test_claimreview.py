"""`factcheck export --format claimreview`: schema.org ClaimReview JSON-LD with Google's required
properties (claimReviewed, reviewRating with alternateName, url, author), one review per claim."""

from __future__ import annotations

import json

import yaml

from factcheck.claimreview import CLAIM_REVIEWED_MAX, RATING

from .conftest import CLAIMS, SOURCES, invoke

ARGS = ["export", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--publisher", "The Desk",
        "--publisher-url", "https://desk.example/fc/deepseek"]


def test_every_claim_has_a_review_with_googles_required_properties() -> None:
    run = invoke(*ARGS, "--date", "2026-06-15")
    reviews = json.loads(run.stdout)
    ids = [c["id"] for c in yaml.safe_load(CLAIMS.read_text(encoding="utf-8"))["claims"]]
    assert run.code == 0 and len(reviews) == len(ids)
    for claim_id, review in zip(ids, reviews, strict=True):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert 0 < len(review["claimReviewed"]) < CLAIM_REVIEWED_MAX
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"] in RATING.values()
        assert review["url"] == f"https://desk.example/fc/deepseek#{claim_id}"
        assert review["author"] == {"@type": "Organization", "name": "The Desk", "url": "https://desk.example/fc/deepseek"}
        assert review["itemReviewed"]["@type"] == "Claim" and review["datePublished"] == "2026-06-15"


def test_a_claim_in_conflict_is_rated_so_and_appears_in_its_sources() -> None:
    reviews = {r["url"].split("#")[1]: r for r in json.loads(invoke(*ARGS).stdout)}
    r2 = reviews["r2-ascend-failure-date"]
    assert r2["reviewRating"]["alternateName"] == RATING["conflict"]
    headlines = {a["headline"] for a in r2["itemReviewed"]["appearance"]}
    assert any("full-parameter post-training" in h for h in headlines)
    assert all(a["@type"] == "CreativeWork" for a in r2["itemReviewed"]["appearance"])
