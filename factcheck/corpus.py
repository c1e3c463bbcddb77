"""Sources prepared once for every claim: passages, folded text and the figures of each passage.

Extraction runs once per passage here, not once per claim and passage: it is the hot path.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from factcheck.discover import passage_terms
from factcheck.extract import extract, extract_identifiers
from factcheck.frames import Frame, proper_words, read_frames
from factcheck.locate import Location, locate
from factcheck.passages import Passage, passages
from factcheck.sources import Source
from factcheck.textnorm import Folded, fold, plain
from factcheck.values import Mention


@dataclass(frozen=True)
class Prepared:
    source: Source
    identifiers: frozenset[str]
    passages: tuple[Passage, ...]
    mentions: tuple[tuple[Mention, ...], ...]  # per passage, offsets relative to the passage
    plains: tuple[str, ...]  # per passage, plain() of its text, for matching claims' phrases
    terms: tuple[frozenset[str], ...]  # per passage, for claims found by their statement
    _located: dict[str, Location] = field(default_factory=dict, compare=False, repr=False)
    _frames: dict[int, tuple[Frame, ...]] = field(default_factory=dict, compare=False, repr=False)

    @functools.cached_property
    def folded(self) -> Folded:
        """The body folded for locating excerpts: computed only for a source an excerpt names (it
        costs a map entry per character, most of a prepared source's memory)."""
        return fold(self.source.body)

    @functools.cached_property
    def proper(self) -> frozenset[str]:
        """The names the body uses mid-sentence (see frames.proper_words), read once per source."""
        return proper_words(self.source.body)

    def frames(self, index: int) -> tuple[Frame, ...]:
        """The frames of a passage's figures, read the first time a claim asks: once per passage,
        not once per claim, and never for the passages no claim is about."""
        if index not in self._frames:
            self._frames[index] = read_frames(self.passages[index].text, self.mentions[index], self.proper)
        return self._frames[index]

    def locate(self, excerpt: str) -> Location:
        """Where a curator's excerpt is in this source; `check` and `report` both ask, once."""
        if excerpt not in self._located:
            self._located[excerpt] = locate(excerpt, self.folded)
        return self._located[excerpt]

    def extract(self, text: str) -> list[Mention]:
        """Dates and figures of a span of this source, read as its passages are."""
        return extract(text, self.identifiers, near=self.source.published)

    def passage_at(self, offset: int) -> int | None:
        """Index of the passage that contains a body offset."""
        for index, passage in enumerate(self.passages):
            if passage.start <= offset < passage.end:
                return index
        return None


def prepare(source: Source) -> Prepared:
    """A source's passages and their figures. A date written without a year ("6 July") takes the
    year that puts it nearest the article's publication date; without one it is not read."""
    identifiers = extract_identifiers(source.body)
    found = tuple(passages(source))
    return Prepared(source, identifiers, found,
                    tuple(tuple(extract(p.text, identifiers, near=source.published)) for p in found),
                    tuple(plain(p.text) for p in found),
                    tuple(passage_terms(f"{p.header} {p.text}") for p in found))


def prepare_all(sources: dict[str, Source],
                progress: Callable[[int, int], None] | None = None) -> dict[str, Prepared]:
    """Every source prepared, in id order; `progress(done, total)` after each.

    Not in parallel: sending a prepared source back from a worker costs about what preparing it does."""
    prepared = {}
    ordered = sorted(sources.items())
    for done, (source_id, source) in enumerate(ordered, 1):
        prepared[source_id] = prepare(source)
        if progress is not None:
            progress(done, len(ordered))
    return prepared
