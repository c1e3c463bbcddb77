"""Render `factcheck sources`: lines for a terminal, JSON for scripts."""

from __future__ import annotations

import json

from factcheck import __version__
from factcheck.formats import PLAIN, View
from factcheck.inventory import Entry
from factcheck.textnorm import count, one_line, printable


def render_text(entries: list[Entry], view: View = PLAIN) -> str:
    width = max((len(e.prepared.source.id) for e in entries), default=0)
    out = []
    for e in entries:
        s = e.prepared.source
        published = s.published.isoformat() if s.published else "undated"
        flag = "  ! no claim cites it or finds a passage in it" if e.untouched else ""
        out.append(f"{printable(s.id):<{width}}  {published:<10}  {count(len(e.prepared.passages), 'passage'):>12}"
                   f"  {e.size:>9,} chars  cited by {len(e.cited_by)}, found by {len(e.found_by)}{flag}")
        by = f" — {one_line(s.publisher, 60)}" if s.publisher else ""
        out.append(f"{'':<{width}}  {one_line(s.title, 100)}{by}")
    untouched = sum(e.untouched for e in entries)
    out.append(f"{count(len(entries), 'source')}; {untouched} that no claim touches")
    return "\n".join(out) + "\n"


def render_json(entries: list[Entry], view: View = PLAIN) -> str:
    document = {
        "schema_version": 1,
        "tool": {"name": "factcheck", "version": __version__},
        "sources": [{"id": e.prepared.source.id, "file": e.prepared.source.path, "title": e.prepared.source.title,
                     "publisher": e.prepared.source.publisher, "author": e.prepared.source.author,
                     "published": e.prepared.source.published.isoformat() if e.prepared.source.published else None,
                     "url": e.prepared.source.url, "characters": e.size, "passages": len(e.prepared.passages),
                     "cited_by": list(e.cited_by), "found_by": list(e.found_by), "untouched": e.untouched}
                    for e in entries],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
