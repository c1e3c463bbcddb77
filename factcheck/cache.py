"""A persistent cache of prepared sources, the way ruff and mypy keep theirs.

Preparing a source (passages, their dates and figures, their terms) is most of a cold run's reading
work; a second run on an unchanged corpus takes it from here instead. The cache is an SQLite database
in `.factcheck_cache/` of the working directory (`FACTCHECK_CACHE_DIR` moves it, `--no-cache` turns
it off), marked with a CACHEDIR.TAG and a `.gitignore` of `*`. An entry is keyed by a hash of the
tool (its version and its code) and everything a prepared source depends on (its header and body), and is stored as
JSON, never pickle: a cache file is input too, and reading it must not run code. A cache that cannot
be created, read or written (a read-only directory, a corrupt file) means one warning and a run
without it — never a failure, never a different answer.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import os
import sqlite3
from pathlib import Path

from factcheck import __version__
from factcheck.corpus import Prepared
from factcheck.passages import Passage
from factcheck.sources import Source
from factcheck.textnorm import plain
from factcheck.values import DateValue, Mention, Quantity, Value, to_json

DIRECTORY = ".factcheck_cache"
ENVIRONMENT = "FACTCHECK_CACHE_DIR"
_FORMAT = 1  # bump when what is stored changes
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by factcheck.\n"
        "# For information about cache directory tags see https://bford.info/cachedir/\n")


@functools.cache
def _tool() -> str:
    """The tool's version and its code: a development checkout changes without a new version."""
    code = b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
    return f"{__version__}:{hashlib.sha256(code).hexdigest()}"


def key(source: Source) -> str:
    """What a prepared source depends on: the tool, and the source's header and body."""
    parts = [_tool(), str(_FORMAT), source.id, source.path, str(source.body_line),
             source.published.isoformat() if source.published else "", source.body]
    return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _value(data: dict[str, object]) -> Value:
    if data["type"] == "date":
        return DateValue(datetime.date.fromisoformat(str(data["start"])), datetime.date.fromisoformat(str(data["end"])),
                         str(data["precision"]), str(data["qualifier"]))
    unit = data["unit"]
    return Quantity(_number(data["low"]), _number(data["high"]), None if unit is None else str(unit),
                    str(data["qualifier"]), _number(data["step"]))


def _number(x: object) -> float:
    # As stored: an int stays an int (JSON keeps the difference), so a warm run prints the same bytes.
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return x
    raise ValueError(f"not a number: {x!r}")


def dumps(prep: Prepared) -> str:
    return json.dumps({
        "identifiers": sorted(prep.identifiers),
        "passages": [[p.start, p.end, p.text, p.kind, p.header] for p in prep.passages],
        "mentions": [[[m.start, m.end, m.text, to_json(m.value)] for m in per] for per in prep.mentions],
        "terms": [sorted(t) for t in prep.terms],
    }, ensure_ascii=False)


def loads(source: Source, text: str) -> Prepared:
    data = json.loads(text)
    passages = tuple(Passage(source.id, start, end, body, kind, header)
                     for start, end, body, kind, header in data["passages"])
    mentions = tuple(tuple(Mention(start, end, body, _value(value)) for start, end, body, value in per)
                     for per in data["mentions"])
    if len(mentions) != len(passages) or len(data["terms"]) != len(passages):
        raise ValueError("entry does not match its source")
    return Prepared(source, frozenset(data["identifiers"]), passages, mentions,
                    tuple(plain(p.text) for p in passages), tuple(frozenset(t) for t in data["terms"]))


class Cache:
    """Prepared sources by key; `warning` says why the cache is off, if it is."""

    def __init__(self, directory: Path | None) -> None:
        self.warning: str | None = None
        self._db: sqlite3.Connection | None = None
        if directory is None:
            return
        try:
            directory.mkdir(parents=True, exist_ok=True)
            for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# created by factcheck\n*\n")):
                if not (directory / name).exists():
                    (directory / name).write_text(text, encoding="utf-8")
            self._db = sqlite3.connect(directory / "prepared.sqlite3", timeout=5)
            self._db.execute("CREATE TABLE IF NOT EXISTS prepared (key TEXT PRIMARY KEY, entry TEXT NOT NULL)")
        except (OSError, sqlite3.Error) as exc:
            self._off(f"cannot use the cache in {directory} ({exc}): running without it")

    @classmethod
    def at(cls, enabled: bool = True) -> Cache:
        """The cache of this working directory (or FACTCHECK_CACHE_DIR), or none."""
        if not enabled:
            return cls(None)
        return cls(Path(os.environ.get(ENVIRONMENT) or DIRECTORY))

    def _off(self, warning: str) -> None:
        self.warning = self.warning or warning
        if self._db is not None:
            self._db.close()
        self._db = None

    def get(self, sources: dict[str, Source]) -> dict[str, Prepared]:
        """The prepared sources the cache holds, by id (an entry it cannot read is simply missed)."""
        if self._db is None or not sources:
            return {}
        keys = {key(s): s for s in sources.values()}
        found: dict[str, Prepared] = {}
        try:
            listed = list(keys)
            for i in range(0, len(listed), 500):  # SQLite's limit on parameters
                chunk = listed[i : i + 500]
                rows = self._db.execute(f"SELECT key, entry FROM prepared WHERE key IN ({','.join('?' * len(chunk))})",
                                        chunk).fetchall()
                for k, entry in rows:
                    source = keys[k]
                    try:
                        found[source.id] = loads(source, entry)
                    except (ValueError, KeyError, TypeError, IndexError):
                        continue  # a damaged entry is prepared again
        except sqlite3.Error as exc:
            self._off(f"cannot read the cache ({exc}): running without it")
            return {}
        return found

    def put(self, prepared: dict[str, Prepared]) -> None:
        if self._db is None or not prepared:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO prepared (key, entry) VALUES (?, ?)",
                                     [(key(p.source), dumps(p)) for p in prepared.values()])
        except sqlite3.Error as exc:
            self._off(f"cannot write the cache ({exc}): running without it")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
