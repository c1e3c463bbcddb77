"""JSON documents for scripts, written as they are encoded.

The outer levels are laid out one item per line, for people reading the document; deeper records
(a finding, a source) are one line each, encoded by json's C encoder — `json.dumps(indent=…)` is
pure Python, three times slower, and holds the whole document in memory before the first byte.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

LAID_OUT = 4  # levels of nesting laid out one item per line: document, claims, a claim, its findings


def dump(value: object, depth: int = LAID_OUT, indent: str = "") -> Iterator[str]:
    """`value` as JSON, in pieces; lists may be given as any iterable (a generator is read once).

    >>> "".join(dump({"a": [1, {"b": 2}]}, depth=2))
    '{\\n  "a": [\\n    1,\\n    {"b": 2}\\n  ]\\n}'
    """
    if depth and isinstance(value, dict):
        yield from _laid_out("{", "}", ((json.dumps(k, ensure_ascii=False) + ": ", v) for k, v in value.items()),
                             depth, indent)
    elif depth and isinstance(value, Iterable) and not isinstance(value, (str, bytes, dict)):
        yield from _laid_out("[", "]", (("", v) for v in value), depth, indent)
    else:
        yield json.dumps(value, ensure_ascii=False)


def _laid_out(opening: str, closing: str, items: Iterable[tuple[str, object]], depth: int,
              indent: str) -> Iterator[str]:
    inner = indent + "  "
    yield opening
    empty = True
    for key, item in items:
        yield ("\n" if empty else ",\n") + inner + key
        yield from dump(item, depth - 1, inner)
        empty = False
    yield closing if empty else "\n" + indent + closing
