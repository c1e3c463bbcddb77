"""`factcheck add FILE`: copy an article into the sources directory with a valid header, its body
byte for byte, never over an existing file."""

from __future__ import annotations

from pathlib import Path

import yaml

from factcheck.claims import SLUG
from factcheck.problems import InputError
from factcheck.sources import parse_source


def add_source(article: Path, sources_dir: Path, fields: dict[str, str]) -> Path:
    """Write `sources_dir/<id>.txt`: a header of `fields` (id and title at least), then the article.
    The header is read back as `check` reads it before anything is written."""
    source_id = fields["id"]
    if not SLUG.match(source_id):
        raise InputError(source_id, "a source id is a slug: lower-case letters, digits, '.', '_' and '-'")
    if not sources_dir.is_dir():
        raise InputError(str(sources_dir), "sources directory not found: pass --sources DIR (or run factcheck init)")
    try:
        body = article.read_bytes()
    except OSError as exc:
        raise InputError(str(article), f"cannot read the article: {exc.strerror or exc}") from None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        raise InputError(str(article), "the article is not UTF-8: convert it first", line) from None
    header = "".join(yaml.safe_dump({k: v}, allow_unicode=True, width=10**6, sort_keys=False)
                     for k, v in fields.items() if v)
    target = sources_dir / f"{source_id}.txt"
    _, problems = parse_source(str(target), f"---\n{header}---\n{text}")
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(str(target), errors[0].message, errors[0].line)
    try:
        with target.open("xb") as out:  # "x": never over an existing file
            out.write(f"---\n{header}---\n".encode() + body)
    except FileExistsError:
        raise InputError(str(target), "a source with this id exists: choose another --id, or remove it first") from None
    except OSError as exc:
        raise InputError(str(target), f"cannot write the source: {exc.strerror or exc}") from None
    return target
