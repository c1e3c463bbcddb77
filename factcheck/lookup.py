"""Where a curator's text is in the sources: what `factcheck locate TEXT` answers before an excerpt
is pasted into claims.yaml or `match` phrases are chosen.

Each source is searched the way `check` searches an excerpt's source (locate.locate: typography
folded, `...` for a gap), so a passage found here is one `check` will accept; the best are ranked by
score, each with the dates and figures read from the passages it spans.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.corpus import Prepared
from factcheck.locate import FigureChange
from factcheck.values import Mention


@dataclass(frozen=True)
class Place:
    """The best place for the text in one source."""

    source: str
    path: str
    line: int
    column: int
    score: float  # 0..100
    status: str  # "found" | "misquote" | "not-found" (the closest passage)
    exact: bool  # identical after typographic folding
    passage: str  # the passages the place spans, whole
    mentions: tuple[Mention, ...]  # their dates and figures
    changes: tuple[FigureChange, ...]  # for a misquote: the figures the text writes differently


def lookup(text: str, corpus: dict[str, Prepared], limit: int) -> list[Place]:
    """The `limit` best places for `text`, best first (ties in source order)."""
    places = []
    for prep in corpus.values():
        loc = prep.locate(text)
        first = prep.passage_at(loc.start)
        last = prep.passage_at(max(loc.end - 1, loc.start))
        if first is None or last is None:
            continue  # nothing near it in this source (only blank lines)
        body = prep.source.body
        start, end = prep.passages[first].start, prep.passages[last].end
        mentions = tuple(m for i in range(first, last + 1) for m in prep.mentions[i])
        pos = prep.source.position(loc.start)
        places.append(Place(prep.source.id, prep.source.path, pos.line, pos.column, loc.score, loc.status, loc.exact,
                            body[start:end], mentions, loc.changes))
    order = {"found": 0, "misquote": 1, "not-found": 2}
    places.sort(key=lambda p: (order[p.status], -p.score))
    return places[:limit]
