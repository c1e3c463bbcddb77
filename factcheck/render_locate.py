"""Render `factcheck locate`: lines for a terminal, JSON for scripts."""

from __future__ import annotations

import json

from factcheck import __version__
from factcheck.formats import PLAIN, View
from factcheck.lookup import Place
from factcheck.textnorm import one_line, printable
from factcheck.values import format_value, to_json


def render_text(places: list[Place], view: View = PLAIN) -> str:
    if not places:
        return "no source holds a passage near this text\n"
    out = []
    for p in places:
        what = {"found": "found" if p.exact else "found (wording differs)", "misquote": "misquote",
                "not-found": "closest, not found"}[p.status]
        out.append(f"{printable(p.path)}:{p.line}:{p.column}: {what}, score {p.score:.0f}")
        out.append(f"    {one_line(p.passage, (view.width or 80) * 3)}")
        for change in p.changes:
            out.append(f"    the text has '{one_line(change.excerpt) or '—'}' where the source has "
                       f"'{one_line(change.source) or '—'}'")
        if p.mentions:
            out.append("    read: " + "; ".join(f"'{one_line(m.text)}' = {format_value(m.value)}" for m in p.mentions))
    return "\n".join(out) + "\n"


def render_json(places: list[Place], view: View = PLAIN) -> str:
    document = {
        "schema_version": 1,
        "tool": {"name": "factcheck", "version": __version__},
        "places": [{"source": p.source, "file": p.path, "line": p.line, "column": p.column, "score": p.score,
                    "status": p.status, "exact": p.exact, "passage": p.passage,
                    "read": [{"found": m.text, "normalized": to_json(m.value)} for m in p.mentions],
                    "changes": [{"text": c.excerpt, "source": c.source} for c in p.changes]} for p in places],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
