"""Split a source body into passages: sentences, list items and table rows, with their offsets.

Articles are flattened web pages: one line per paragraph, list item, heading or table row. A line
(or list item) is split into sentences; a table row stays whole, because its cells only make
sense together ("H800 … Export-controlled since Oct 2024 …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.sources import Source

# A sentence ends at . ! or ? followed by space and a capital, digit or quote, unless the period
# belongs to a common abbreviation or an initial ("U.S. export", "Dr. Smith", "J. R. R.").
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z0-9\"'“‘(])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Jr|Sr|Inc|Ltd|Co|Corp|vs|etc|e\.g|i\.e|approx|est|No|Fig|Gen|Gov|"
    r"Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Za-z]\.){2,}|\b[ap]\.m)\.$"
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·‣▪◦]|\d{1,2}[.)])\s+")
# Table cells glued without separators: a lower-case letter or digit directly followed by a
# capitalised word, at least twice in a line with no sentence punctuation (brand names such as
# "DeepSeek" glue too, but they sit in sentences that end with a full stop).
_GLUED = re.compile(r"[a-z0-9)][A-Z][a-z]")
_PIPE_ROW = re.compile(r"^\s*\|.*\|.*\|\s*$")  # a Markdown table row: | a | b |
_CELL_GAP = re.compile(r"\t|\S {2,}(?=\S)")  # cells kept apart by tabs or runs of spaces


@dataclass(frozen=True)
class Passage:
    """A span of a source's body that can be quoted on its own."""

    source: str
    start: int  # offsets in the source body
    end: int
    text: str
    kind: str  # "sentence" | "list-item" (a sentence of one) | "table-row"
    header: str = ""  # for a table row: the first row of its table, which names the columns


def _line_kind(line: str) -> str:
    if _LIST_ITEM.match(line):
        return "list-item"
    if _PIPE_ROW.match(line):
        return "table-row"
    cells = len(_GLUED.findall(line)) + len(_CELL_GAP.findall(line.strip()))
    if cells >= 2 and not re.search(r"[.!?](?:\s|$)", line.rstrip()):
        return "table-row"
    return "sentence"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences of one paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[start : m.start()]):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


MAX_PASSAGE = 1000  # characters; longer runs without a sentence end are cut at spaces


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut into pieces of at most MAX_PASSAGE characters, at spaces where it can be: text
    with no sentence ends (a scraped page on one line) must not become one huge passage, which every
    claim would scan again and again."""
    pieces = []
    while end - start > MAX_PASSAGE:
        cut = text.rfind(" ", start + MAX_PASSAGE // 2, start + MAX_PASSAGE)
        cut = cut if cut > start else start + MAX_PASSAGE
        pieces.append((start, cut))
        start = cut + 1 if text[cut : cut + 1] == " " else cut
    pieces.append((start, end))
    return pieces


def passages(source: Source) -> list[Passage]:
    """Every passage of a source, in order."""
    found: list[Passage] = []
    offset = 0
    header = ""  # the first row of the table being read, "" outside tables
    for line in source.body.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            kind = _line_kind(line)
            if kind != "table-row":
                header = ""
            spans = [(0, len(stripped))] if kind == "table-row" else split_sentences(stripped)
            for a, b in (piece for span in spans for piece in _bounded(stripped, *span)):
                start, end = offset + lead + a, offset + lead + b
                found.append(Passage(source.id, start, end, source.body[start:end], kind,
                                     header if kind == "table-row" else ""))
            if kind == "table-row" and not header:
                header = stripped
        else:
            header = ""
        offset += len(line) + 1
    return found
