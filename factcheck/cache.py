"""A persistent cache of prepared sources and of whole runs, the way ruff and mypy keep theirs.

Preparing a source (passages, their dates and figures, their terms) is most of a cold run's reading
work; a second run on an unchanged corpus takes it from here instead. The cache is an SQLite database
in `.factcheck_cache/` of the working directory (`FACTCHECK_CACHE_DIR` moves it, `--no-cache` turns
it off), marked with a CACHEDIR.TAG and a `.gitignore` of `*`. An entry is keyed by a hash of the
tool (its version and its code) and everything a prepared source depends on (its header and body), and is stored as
JSON, never pickle: a cache file is input too, and reading it must not run code.

A run whose every input is unchanged — the tool, the command and its options, the claims file and
every file in the sources directory, byte for byte — prints what it printed before: its output,
warnings and exit code are kept (the last few runs, compressed), and replayed without reading a
claim. That is a CI run on a push that did not touch the story. Entries of another version of the
tool are dropped when the cache opens.

A cache that cannot be created, read or written (a read-only directory, a corrupt file) means one
warning and a run without it — never a failure, never a different answer.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import os
import sqlite3
import sys
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck import __version__
from factcheck.corpus import Prepared
from factcheck.passages import Passage
from factcheck.sources import SOURCE_SUFFIXES, Source
from factcheck.textnorm import plain
from factcheck.values import DateValue, Mention, Quantity, Value, to_json

DIRECTORY = ".factcheck_cache"
ENVIRONMENT = "FACTCHECK_CACHE_DIR"
_FORMAT = 1  # bump when what is stored changes
KEPT_RUNS = 4  # whole runs kept for replay (the newest); each is its output, compressed
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


def run_key(command: str, options: Iterable[object], claims: Path, sources: Path, max_mb: float) -> str | None:
    """What a whole run depends on: the tool, the command and its options, the claims file and every
    entry of the sources directory (name, kind and bytes). None where an input cannot be read, or a
    file is over the size limit: the run itself reports that."""
    digest = hashlib.sha256("\x00".join([_tool(), str(_FORMAT), command, *map(repr, options)]).encode("utf-8",
                                                                                                 "surrogateescape"))
    try:
        digest.update(b"\x00claims\x00" + claims.read_bytes())
        for entry in sorted(sources.iterdir()):
            if entry.suffix not in SOURCE_SUFFIXES:
                continue
            regular = entry.is_file() and not entry.is_symlink()
            digest.update(b"\x00" + os.fsencode(entry.name) + (b"\x00file\x00" if regular else b"\x00other\x00"))
            if regular:
                if entry.stat().st_size > max_mb * 1024 * 1024:
                    return None
                digest.update(entry.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


@dataclass(frozen=True)
class Run:
    """A kept run: its exit code, what it wrote to stderr, and its output (as written: encoded)."""

    code: int
    stderr: str
    stdout: bytes


class Recording:
    """Output as it is written — encoded as the output stream encodes it — compressed as it goes (a
    large report is never held whole)."""

    def __init__(self, encoding: str = "utf-8", errors: str = "strict") -> None:
        self._deflate = zlib.compressobj(1)
        self._parts: list[bytes] = []
        self._encoding, self._errors = encoding, errors

    def add(self, text: str) -> None:
        self._parts.append(self._deflate.compress(text.encode(self._encoding, self._errors)))

    def done(self) -> bytes:
        self._parts.append(self._deflate.flush())
        return b"".join(self._parts)


def _value(data: dict[str, object]) -> Value:
    if data["type"] == "date":
        return DateValue(datetime.date.fromisoformat(str(data["start"])), datetime.date.fromisoformat(str(data["end"])),
                         sys.intern(str(data["precision"])), sys.intern(str(data["qualifier"])))
    unit = data["unit"]
    return Quantity(_number(data["low"]), _number(data["high"]), None if unit is None else sys.intern(str(unit)),
                    sys.intern(str(data["qualifier"])), _number(data["step"]))


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
    passages = tuple(Passage(source.id, start, end, body, sys.intern(kind), header)
                     for start, end, body, kind, header in data["passages"])
    mentions = tuple(tuple(Mention(start, end, body, _value(value)) for start, end, body, value in per)
                     for per in data["mentions"])
    if len(mentions) != len(passages) or len(data["terms"]) != len(passages):
        raise ValueError("entry does not match its source")
    # Terms interned: a word is one string however many passages hold it, as when it is first read
    # (JSON makes a string per occurrence: 2.5 times the memory).
    return Prepared(source, frozenset(data["identifiers"]), passages, mentions,
                    tuple(plain(p.text) for p in passages),
                    tuple(frozenset(map(sys.intern, t)) for t in data["terms"]))


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
            self._db.execute("CREATE TABLE IF NOT EXISTS runs (key TEXT PRIMARY KEY, code INTEGER NOT NULL, "
                             "stderr TEXT NOT NULL, stdout BLOB NOT NULL)")
            self._db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            written_by = self._db.execute("SELECT value FROM meta WHERE name = 'tool'").fetchone()
            if written_by is None or written_by[0] != _tool():
                # Another version's entries can never be read again: dropped, or the cache grows with each upgrade.
                with self._db:
                    self._db.execute("DELETE FROM prepared")
                    self._db.execute("DELETE FROM runs")
                    self._db.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('tool', ?)", (_tool(),))
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

    def replay(self, key: str | None) -> Run | None:
        """The kept run of this key, if any."""
        if self._db is None or key is None:
            return None
        try:
            row = self._db.execute("SELECT code, stderr, stdout FROM runs WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._off(f"cannot read the cache ({exc}): running without it")
            return None
        if row is None or not isinstance(row[0], int) or not isinstance(row[1], str) or not isinstance(row[2], bytes):
            return None
        try:  # whole, before a byte is written: a damaged entry (its checksum is at the end) is run again
            return Run(row[0], row[1], zlib.decompress(row[2]))
        except zlib.error:
            return None

    def keep(self, key: str | None, code: int, stderr: str, stdout: Recording) -> None:
        """Keep a run for replay, and only the newest KEPT_RUNS."""
        if self._db is None or key is None:
            return
        try:
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO runs (key, code, stderr, stdout) VALUES (?, ?, ?, ?)",
                                 (key, code, stderr, stdout.done()))
                self._db.execute("DELETE FROM runs WHERE rowid NOT IN (SELECT rowid FROM runs ORDER BY rowid DESC "
                                 "LIMIT ?)", (KEPT_RUNS,))
        except sqlite3.Error as exc:
            self._off(f"cannot write the cache ({exc}): running without it")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
