"""An inverted index over every passage of the corpus, built once per run: which passages can be
about a claim, without testing every passage against every claim.

Exact, not approximate: a passage the index leaves out is one the claim's topic test would reject
anyway, so findings are the same as scanning every passage (a test compares both).
- A claim found by its statement needs a passage holding at least `min_share` of the statement's
  rarity-weighted terms (discover.coverage): the terms' postings, each passage scored by the weight
  of the terms it holds.
- A claim with `match` needs, for each phrase, a passage whose lower-cased text contains one of the
  phrase's needles (discover.Topic.needles). A needle has no space or hyphen, so it sits inside one
  word of the passage split at spaces and hyphens: the words that contain it are found in one pass
  over the corpus's vocabulary, and their postings give the passages. A table row also counts its
  header's words (its column names), as discover.row_hits does.

This is the seam for an archive that outgrows one machine: `candidates()` is the one question the
assessment asks of the corpus, and a search engine the newsroom already runs could answer it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from factcheck.corpus import Prepared
from factcheck.discover import Topic

_WORDS = re.compile(r"[\s-]+")


@dataclass(frozen=True)
class Index:
    order: tuple[tuple[str, int], ...]  # (source id, passage index) in corpus order
    terms: dict[str, tuple[int, ...]]  # passage term (discover.passage_terms) -> positions in `order`
    words: dict[str, tuple[int, ...]]  # lower-cased word of a passage's plain text -> positions
    vocabulary: str  # every word of `words`, one per line, to find the words containing a needle
    starts: tuple[int, ...]  # offset of each word of `vocabulary`
    listed: tuple[str, ...]  # the words, in `vocabulary` order
    _found: dict[str, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)  # needle ->

    @classmethod
    def of(cls, corpus: dict[str, Prepared]) -> Index:
        order: list[tuple[str, int]] = []
        terms: dict[str, list[int]] = {}
        words: dict[str, list[int]] = {}
        for source_id, prep in corpus.items():
            for i, (passage, haystack, passage_terms) in enumerate(zip(prep.passages, prep.plains, prep.terms,
                                                                       strict=True)):
                pos = len(order)
                order.append((source_id, i))
                for term in passage_terms:
                    terms.setdefault(term, []).append(pos)
                text = haystack if passage.kind != "table-row" else f"{haystack} {passage.header}"
                for word in set(_WORDS.split(text.lower())):
                    if word:
                        words.setdefault(word, []).append(pos)
        listed = tuple(sorted(words))
        starts, offset = [], 0
        for word in listed:
            starts.append(offset)
            offset += len(word) + 1
        return cls(tuple(order), {k: tuple(v) for k, v in terms.items()}, {k: tuple(v) for k, v in words.items()},
                   "\n".join(listed), tuple(starts), listed)

    def _containing(self, needle: str) -> frozenset[int]:
        """Positions of the passages with a word that contains `needle` (claims share needles: kept)."""
        if needle not in self._found:
            self._found[needle] = self._search(needle)
        return self._found[needle]

    def _search(self, needle: str) -> frozenset[int]:
        if not needle:
            return frozenset(range(len(self.order)))
        found: set[int] = set()
        seen: set[int] = set()
        start = self.vocabulary.find(needle)
        while start >= 0:
            w = bisect.bisect_right(self.starts, start) - 1
            if w not in seen:
                seen.add(w)
                found.update(self.words[self.listed[w]])
            start = self.vocabulary.find(needle, start + 1)
        return frozenset(found)

    def candidates(self, t: Topic, min_share: float = 0.0) -> Iterable[tuple[str, int]]:
        """The passages that may be about a claim, in corpus order (a superset of those that are);
        for a claim found by its statement, those holding at least `min_share` of its weight."""
        if t.by_statement:
            held: dict[int, float] = {}
            for term in t.terms:
                for p in set().union(*(self.terms.get(key, ()) for key in term.keys)):
                    held[p] = held.get(p, 0.0) + term.weight
            # coverage() sums in another order: a hair of slack keeps this a superset
            floor = min_share * sum(term.weight for term in t.terms) * (1 - 1e-9)
            positions = {p for p, weight in held.items() if weight >= floor}
        elif t.needles:
            sets = sorted((frozenset[int]().union(*(self._containing(n) for n in needles)) for needles in t.needles),
                          key=len)
            positions = set(sets[0]).intersection(*sets[1:])
        else:
            positions = set(range(len(self.order)))  # phrases without needles: test every passage
        return (self.order[p] for p in sorted(positions))
