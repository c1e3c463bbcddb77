"""Load the articles in sources/: a YAML front-matter header, then the body kept verbatim."""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factcheck.problems import InputError, Position, Problem

SOURCE_SUFFIXES = (".txt", ".md")
HEADER_KEYS = {"id", "title", "publisher", "author", "published", "url", "seed"}
REQUIRED_KEYS = ("id", "title")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True)
class Source:
    """One article: its header fields, its verbatim body, and where the body starts in the file."""

    id: str
    path: str
    title: str
    body: str
    body_line: int  # 1-based line of the file on which the body starts
    publisher: str = ""
    author: str = ""
    published: datetime.date | None = None
    url: str = ""
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def position(self, offset: int) -> Position:
        """File line and column (1-based) of a character offset in the body."""
        starts = self._line_starts or _line_starts(self.body)
        row = bisect.bisect_right(starts, offset) - 1
        return Position(self.body_line + row, offset - starts[row] + 1)

    def line_text(self, offset: int) -> str:
        """The body line that contains `offset`, without its newline."""
        start = self.body.rfind("\n", 0, offset) + 1
        end = self.body.find("\n", offset)
        return self.body[start : end if end >= 0 else len(self.body)]


def _line_starts(text: str) -> tuple[int, ...]:
    return (0, *(m.end() for m in re.finditer("\n", text)))


def _problem(path: str, line: int, code: str, message: str) -> Problem:
    return Problem(path, line, 1, "error", code, message)


def parse_source(path: str, text: str) -> tuple[Source | None, list[Problem]]:
    """Split header and body; a bad header is a problem of that file, not a crash."""
    if not text.startswith("---\n"):
        return None, [_problem(path, 1, "source-header",
                               "source has no YAML header: start the file with a '---' line, "
                               "then id/title/publisher/author/published/url, then '---'")]
    close = text.find("\n---\n", 3)
    if close < 0:
        return None, [_problem(path, 1, "source-header",
                               "source header is not closed: add a '---' line after it")]
    header_text = text[4 : close + 1]
    body = text[close + 5 :]
    body_line = header_text.count("\n") + 3
    try:
        header = yaml.safe_load(header_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or "invalid YAML"
        return None, [_problem(path, line, "source-header", f"source header is not valid YAML: {reason}")]
    if not isinstance(header, dict):
        return None, [_problem(path, 2, "source-header", "source header must be a mapping of key: value lines")]

    def key_line(key: str) -> int:
        m = re.search(rf"^{re.escape(key)}\s*:", header_text, re.M)
        return header_text.count("\n", 0, m.start()) + 2 if m else 2

    problems: list[Problem] = []
    for key in sorted(set(map(str, header)) - HEADER_KEYS):
        problems.append(_problem(path, key_line(key), "source-header",
                                 f"unknown header key '{key}' (allowed: {', '.join(sorted(HEADER_KEYS))})"))
    for key in REQUIRED_KEYS:
        if not isinstance(header.get(key), str) or not header[key].strip():
            problems.append(_problem(path, key_line(key), "source-header",
                                     f"header needs a non-empty '{key}'"))
    for key in ("publisher", "author", "url"):
        if header.get(key) is not None and not isinstance(header[key], str):
            problems.append(_problem(path, key_line(key), "source-header", f"header '{key}' must be text"))
    published = header.get("published")
    date: datetime.date | None = None
    if isinstance(published, datetime.date) and not isinstance(published, datetime.datetime):
        date = published
    elif published not in (None, ""):
        problems.append(_problem(path, key_line("published"), "source-header",
                                 f"header 'published' must be a date as YYYY-MM-DD or empty, not {published!r}"))
    source_id = header.get("id")
    stem = Path(path).stem
    if isinstance(source_id, str) and source_id != stem:
        problems.append(_problem(path, key_line("id"), "source-header",
                                 f"header id '{source_id}' must equal the file name stem '{stem}'"))
    if isinstance(source_id, str) and not _ID.match(source_id):
        problems.append(_problem(path, key_line("id"), "source-header",
                                 f"header id '{source_id}' must be a lower-case slug (a-z, 0-9, '-')"))
    if problems:
        return None, problems
    return Source(
        id=str(source_id), path=path, title=str(header["title"]), body=body, body_line=body_line,
        publisher=str(header.get("publisher") or ""), author=str(header.get("author") or ""),
        published=date, url=str(header.get("url") or ""), _line_starts=_line_starts(body),
    ), []


def load_sources(directory: Path) -> tuple[dict[str, Source], list[Problem]]:
    """Every source file of a directory, by id. Unreadable input raises InputError."""
    if not directory.is_dir():
        raise InputError(str(directory), "sources directory not found: pass --sources DIR")
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    files = sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in SOURCE_SUFFIXES)
    if not files:
        raise InputError(str(directory), f"no source files ({', '.join(SOURCE_SUFFIXES)}) in the sources directory")
    for file in files:
        path = str(file)
        try:
            raw = file.read_bytes()
        except OSError as exc:
            raise InputError(path, f"cannot read source: {exc.strerror}") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise InputError(path, "source is not UTF-8 text: re-save it as UTF-8", line) from None
        text = text.removeprefix("\ufeff").replace("\r\n", "\n")
        source, found = parse_source(path, text)
        problems.extend(found)
        if source is None:
            continue
        if source.id in sources:
            problems.append(_problem(path, 2, "duplicate-source",
                                     f"source id '{source.id}' is also used by {sources[source.id].path}"))
            continue
        sources[source.id] = source
    return sources, problems
