"""schema.org ClaimReview JSON-LD, one review per claim: what `factcheck export --format claimreview`
prints for a fact-check page (Google's required properties: claimReviewed, reviewRating with a
textual rating, url, author).

The rating is the report's verdict in words; the claim's appearances are the sources that speak
about it (their url, headline, publisher and date, as their headers give them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from factcheck.assess import ClaimResult
from factcheck.formats import PLAIN, View
from factcheck.report import Report

CLAIM_REVIEWED_MAX = 75  # characters: Google's limit for claimReviewed
RATING = {
    "conflict": "Misstated in some sources: they give another value than the record",
    "disputed": "Disputed: the sources disagree",
    "consistent": "Consistent: the sources agree",
    "unsupported": "Unsupported: no source states it",
}


@dataclass(frozen=True)
class Publication:
    """A report, and who publishes the reviews of its claims."""

    report: Report
    publisher: str
    url: str  # the publisher's (or the fact-check page's) URL; each review is at url#claim-id
    date: str = ""  # YYYY-MM-DD the reviews are published, if given


def _short(statement: str) -> str:
    flat = " ".join(statement.split())
    if len(flat) < CLAIM_REVIEWED_MAX:
        return flat
    cut = flat[: CLAIM_REVIEWED_MAX - 2].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _review(r: ClaimResult, pub: Publication) -> dict[str, object]:
    sources = {s.id: s for s in pub.report.sources}
    speaking = dict.fromkeys(f.source for f in r.findings if f.source in sources)
    appearances = []
    for source_id in speaking:
        s = sources[source_id]
        work: dict[str, object] = {"@type": "CreativeWork", "headline": s.title}
        if s.url:
            work["url"] = s.url
        if s.published:
            work["datePublished"] = s.published.isoformat()
        if s.publisher:
            work["publisher"] = {"@type": "Organization", "name": s.publisher}
        appearances.append(work)
    review: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{pub.url}#{r.claim.id}",
        "claimReviewed": _short(r.claim.statement),
        "author": {"@type": "Organization", "name": pub.publisher, "url": pub.url},
        "reviewRating": {"@type": "Rating", "alternateName": RATING[str(r.verdict)]},
        "itemReviewed": {"@type": "Claim", "appearance": appearances},
    }
    if pub.date:
        review["datePublished"] = pub.date
    return review


def render_claimreview(pub: Publication, view: View = PLAIN) -> str:
    return json.dumps([_review(r, pub) for r in pub.report.results], indent=2, ensure_ascii=False) + "\n"
