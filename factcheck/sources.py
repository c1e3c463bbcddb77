"""Load the articles in sources/: a YAML front-matter header, then the body kept verbatim."""

from __future__ import annotations

import bisect
import datetime
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factcheck.defaults import MAX_SOURCE_MB
from factcheck.problems import InputError, Position, Problem
from factcheck.textnorm import clip
from factcheck.yamlload import compose

SOURCE_SUFFIXES = (".txt", ".md")
HEADER_KEYS = {"id", "title", "publisher", "author", "published", "url", "seed"}
REQUIRED_KEYS = ("id", "title")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_constructor = yaml.constructor.SafeConstructor()
_UNREADABLE = object()  # a header value the safe constructor refused; already reported


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
        root = compose(header_text, path, first_line=2)
    except InputError as exc:
        return None, [_problem(path, exc.line or 1, "source-header", f"source header is not valid YAML: {exc.message}")]
    if not isinstance(root, yaml.MappingNode):
        return None, [_problem(path, 2, "source-header", "source header must be a mapping of key: value lines")]

    problems: list[Problem] = []
    header: dict[str, object] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in root.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
        line = key_node.start_mark.line + 2
        if key not in HEADER_KEYS:
            problems.append(_problem(path, line, "source-header", f"unknown header key '{clip(key)}' "
                                     f"(allowed: {', '.join(sorted(HEADER_KEYS))})"))
            continue
        if key in lines:
            problems.append(_problem(path, line, "source-header", f"header '{key}' appears twice (also at line "
                                     f"{lines[key]}): keep one"))
            continue
        lines[key] = line
        if not isinstance(value_node, yaml.ScalarNode):
            problems.append(_problem(path, line, "source-header", f"header '{key}' must be a single value, "
                                     "not a list or mapping"))
            continue
        try:
            header[key] = _constructor.construct_object(value_node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            reason = getattr(exc, "problem", None) or str(exc)
            problems.append(_problem(path, line, "source-header",
                                     f"header '{key}' cannot be read ({clip(value_node.value)}): {clip(reason)}"))
            header[key] = _UNREADABLE

    def key_line(key: str) -> int:
        return lines.get(key, 2)

    for key in REQUIRED_KEYS:
        value = header.get(key)
        if value is _UNREADABLE:
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(_problem(path, key_line(key), "source-header",
                                     f"header needs a non-empty '{key}'" + ("" if value is None else " (as text)")))
    for key in ("publisher", "author", "url"):
        if header.get(key) not in (None, _UNREADABLE) and not isinstance(header[key], str):
            problems.append(_problem(path, key_line(key), "source-header", f"header '{key}' must be text"))
    date: datetime.date | None = None
    published = header.get("published")
    if published not in (None, "", _UNREADABLE):
        date = _published(published)
        if date is None:
            problems.append(_problem(path, key_line("published"), "source-header",
                                     f"header 'published' must be a date as YYYY-MM-DD, not {clip(str(published))}"))
    source_id = header.get("id")
    stem = Path(path).stem
    if isinstance(source_id, str) and source_id != stem:
        problems.append(_problem(path, key_line("id"), "source-header",
                                 f"header id '{clip(source_id)}' must equal the file name stem '{clip(stem)}'"))
    if isinstance(source_id, str) and not _ID.match(source_id):
        problems.append(_problem(path, key_line("id"), "source-header",
                                 f"header id '{clip(source_id)}' must be a lower-case slug (a-z, 0-9, '-')"))
    if problems:
        return None, problems
    return Source(
        id=str(source_id), path=path, title=str(header["title"]), body=body, body_line=body_line,
        publisher=str(header.get("publisher") or ""), author=str(header.get("author") or ""),
        published=date, url=str(header.get("url") or ""), _line_starts=_line_starts(body),
    ), []


def _published(value: object) -> datetime.date | None:
    """A publication date from a YAML date, a datetime (its date) or an ISO string ("2026-06-08",
    as most YAML writers quote it, or "2026-06-08T10:30:00Z")."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            return None
    return None


LEFT_OUT_CODES = ("source-header", "duplicate-source", "source-skipped")  # a file with one is not read


def left_out(problems: list[Problem] | tuple[Problem, ...]) -> list[str]:
    """The source files left out for their problems, in order."""
    return sorted({p.file for p in problems if p.code in LEFT_OUT_CODES})


def _readable(file: Path, root: Path) -> str:
    """Why a directory entry is not read as a source (a warning names it), or "" to read it."""
    if file.is_symlink():
        try:
            target = file.resolve(strict=True)
        except (OSError, RuntimeError):
            return "is a symbolic link that leads nowhere (a loop or a missing file): skipped"
        if not target.is_relative_to(root):
            return (f"is a symbolic link out of the sources directory ({clip(str(target))}): not followed; "
                    "copy the file in")
    try:
        mode = file.stat().st_mode
    except OSError as exc:
        return f"cannot be read ({exc.strerror}): skipped"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a pipe, a device or a directory): skipped"
    return ""


def load_sources(directory: Path, max_mb: float = MAX_SOURCE_MB) -> tuple[dict[str, Source], list[Problem]]:
    """Every source file of a directory, by id. Unreadable input (or a file over `max_mb`) raises
    InputError; an entry that is not a regular file inside the directory is skipped with a warning."""
    if not directory.is_dir():
        raise InputError(str(directory), "sources directory not found: pass --sources DIR")
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    root = directory.resolve()
    files = []
    for entry in sorted(p for p in directory.iterdir() if p.suffix in SOURCE_SUFFIXES):
        why = _readable(entry, root)
        if why:
            problems.append(Problem(str(entry), 1, 1, "warning", "source-skipped", f"{clip(entry.name)} {why}"))
        else:
            files.append(entry)
    if not files:
        raise InputError(str(directory), f"no source files ({', '.join(SOURCE_SUFFIXES)}) in the sources directory")
    for file in files:
        path = str(file)
        size = file.stat().st_size
        if size > max_mb * 1024 * 1024:
            raise InputError(path, f"source is {size / 1024 / 1024:.1f} MB, over the {max_mb:g} MB limit: pass "
                             f"--max-source-mb {int(size / 1024 / 1024) + 1} to read it")
        try:
            raw = file.read_bytes()
        except OSError as exc:
            raise InputError(path, f"cannot read source: {exc.strerror}") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise InputError(path, "source is not UTF-8 text: re-save it as UTF-8", line) from None
        # Windows (CRLF) and old Mac (lone CR) line ends read as newlines.
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
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
