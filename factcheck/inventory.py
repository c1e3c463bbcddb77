"""What the story's sources are, and which claims use them: what `factcheck sources` answers.

A source is *cited* by a claim whose evidence names it, and *found* by a claim whose topic (its
`match` phrases, or its statement) finds a passage in it — the passages `report` would judge. A
source no claim touches either way is flagged: a stray file, or a story the claims do not cover.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.assess import candidates
from factcheck.claims import Claim
from factcheck.corpus import Prepared
from factcheck.discover import Rarity, topic
from factcheck.index import Index


@dataclass(frozen=True)
class Entry:
    """One source: its header, its size, and the claims that use it."""

    prepared: Prepared
    size: int  # characters of the body
    cited_by: tuple[str, ...]  # claim ids, in file order
    found_by: tuple[str, ...]

    @property
    def untouched(self) -> bool:
        return not self.cited_by and not self.found_by


def inventory(claims: tuple[Claim, ...], corpus: dict[str, Prepared]) -> list[Entry]:
    """Every source, in id order, with the claims that cite it and those that find a passage in it."""
    rarity = Rarity.of(p.terms for p in corpus.values())
    index = Index.of(corpus)
    cited: dict[str, list[str]] = {source_id: [] for source_id in corpus}
    found: dict[str, list[str]] = {source_id: [] for source_id in corpus}
    for claim in claims:
        for source_id in dict.fromkeys(ev.source for ev in claim.evidence):
            if source_id in cited:
                cited[source_id].append(claim.id)
        for source_id in dict.fromkeys(c.prepared.source.id for c in candidates(claim, topic(claim, rarity), corpus,
                                                                                 index) if not c.pinned):
            found[source_id].append(claim.id)
    return [Entry(prep, len(prep.source.body), tuple(cited[k]), tuple(found[k])) for k, prep in corpus.items()]
