"""Render a report: rich text for a terminal, JSON for scripts, Markdown for a review."""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import StringIO

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck import __version__
from factcheck.assess import ClaimResult, Finding, Verdict
from factcheck.formats import PLAIN, View
from factcheck.jsonout import dump
from factcheck.render_check import escape_data, escape_property
from factcheck.report import CLAIM_VERDICTS, Report
from factcheck.textnorm import one_line, printable
from factcheck.timeline import Anachronism, Event
from factcheck.values import DateValue, format_value, to_json

REPORT_SCHEMA_VERSION = 1
PASSAGE_WIDTH = 220  # characters of a passage shown around the figure in text and Markdown
VERDICT_STYLE = {"conflict": "bold red", "disputed": "bold yellow", "consistent": "green",
                 "unsupported": "dim"}
MARK = {"conflicts": "✗", "review": "?", "agrees": "✓", "mentions": "·"}


def canonical_text(result: ClaimResult) -> str:
    value = result.claim.value
    if value is None and result.claim.kind == "text":
        return "the statement (text claims are judged by the curator's stances)"
    if value is None:
        return "none (sources compared with each other)"
    return value if isinstance(value, str) else format_value(value)


def normalized_text(f: Finding) -> str | None:
    return format_value(f.normalized) if f.normalized is not None else None


def passage_window(f: Finding) -> tuple[str, str, str]:
    """The passage cut around the figure: (before, figure, after), whitespace collapsed."""
    text = f.passage
    if f.found_at is None or not f.found:
        flat = " ".join(text.split())
        return ("", "", flat if len(flat) <= PASSAGE_WIDTH else flat[: PASSAGE_WIDTH - 1] + "…")
    start, end = f.found_at, f.found_at + len(f.found)
    before = " ".join(text[:start].split())
    after = " ".join(text[end:].split())
    room = max(PASSAGE_WIDTH - len(f.found), 40)
    if len(before) > room // 2:
        before = "…" + before[-(room // 2) :]
    if len(after) > room - len(before):
        after = after[: max(room - len(before), 10)] + "…"
    lead = " " if text[:start] and text[start - 1].isspace() else ""
    trail = " " if text[end:] and text[end].isspace() else ""
    return (before + lead, text[start:end], trail + after)


# ----------------------------------------------------------------------------------- JSON

def _finding_json(f: Finding) -> dict[str, object]:
    return {
        "source": f.source, "line": f.line, "column": f.column, "passage": f.passage,
        "found": f.found, "normalized": to_json(f.normalized) if f.normalized is not None else None,
        "verdict": f.verdict, "reason": f.reason, "rule": f.rule, "pinned": f.pinned, "flag": f.flag,
        "score": f.score,
        "set_aside": [{"found": a.found, "rule": a.rule, "reason": a.reason} for a in f.set_aside],
    }


def _claim_json(r: ClaimResult) -> dict[str, object]:
    value = r.claim.value
    return {
        "id": r.claim.id, "statement": r.claim.statement, "kind": r.claim.kind,
        "value": value if value is None or isinstance(value, str) else to_json(value),
        "value_text": None if value is None else canonical_text(r), "unit": r.claim.unit,
        "references": list(r.claim.references), "verdict": r.verdict,
        "findings": [_finding_json(f) for f in r.findings],
    }


def anachronism_json(a: Anachronism) -> dict[str, object]:
    return {"kind": a.kind, "severity": a.severity, "claim": a.claim, "source": a.source, "line": a.line,
            "column": a.column, "passage": a.passage, "found": a.found, "date": to_json(a.date),
            "other": a.other, "other_date": a.other_date, "reason": a.reason}


def render_json(report: Report, view: View = PLAIN) -> Iterator[str]:
    """The report as one JSON document (schemas/report.schema.json), in pieces as it is encoded:
    a claim's findings are made into JSON only when the claim is written."""
    document = {
        "schema_version": REPORT_SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__},
        "summary": {
            "claims": len(report.results), "sources": len(report.sources),
            "verdicts": {v: report.count(v) for v in CLAIM_VERDICTS},
            "conflicting_findings": sum(len(r.conflicts) for r in report.results),
            "review_findings": sum(len(r.reviews) for r in report.results),
            "possible_contradictions": sum(f.flag == "possible-contradiction" for r in report.results
                                           for f in r.findings),
            "input_problems": sum(p.severity == "error" for p in report.problems),
            "anachronisms": len(report.anachronisms),
            "left_out": {"claims": [{"id": claim_id, "line": line} for claim_id, line in report.claims_left_out],
                         "sources": list(report.sources_left_out)},
        },
        "sources": [{"id": s.id, "title": s.title, "publisher": s.publisher, "author": s.author,
                     "published": s.published.isoformat() if s.published else None, "url": s.url}
                    for s in report.sources],
        "claims": (_claim_json(r) for r in report.results),
        "anachronisms": [anachronism_json(a) for a in report.anachronisms],
    }
    yield from dump(document)
    yield "\n"


# ----------------------------------------------------------------------------------- GitHub

_LEVEL = {Verdict.CONFLICTS: "warning", Verdict.REVIEW: "notice"}


def render_github(report: Report, view: View = PLAIN) -> str:
    """GitHub Actions annotations on the articles' lines: a conflicting passage is a warning on the
    line of its source file where the figure is, one for review a notice (none with --only
    conflicts), an order or publication anachronism a warning or a notice; then a summary line."""
    paths = {s.id: s.path for s in report.sources}
    lines = []
    for r in report.results:
        for f in r.findings:
            level = _LEVEL.get(f.verdict)
            if level is None or (view.only_conflicts and level != "warning"):
                continue
            found = f" has '{one_line(f.found)}'" if f.found else ""
            lines.append(_annotation(level, paths.get(f.source, f.source), f.line, f.column, f"factcheck {r.claim.id}",
                                     f"{r.verdict}: {one_line(r.claim.statement)} — the article{found}: {f.reason}"))
    for a in report.anachronisms:
        level = "warning" if a.severity == "conflict" else "notice"
        if view.only_conflicts and level != "warning":
            continue
        lines.append(_annotation(level, paths.get(a.source, a.source), a.line, a.column, f"factcheck {a.kind}",
                                 f"'{one_line(a.found)}': {a.reason}"))
    lines.append(f"factcheck: {len(report.results)} claims, {len(report.sources)} sources: "
                 + ", ".join(f"{report.count(v)} {v}" for v in CLAIM_VERDICTS))
    return "\n".join(lines) + "\n"


def _annotation(level: str, file: str, line: int, column: int, title: str, message: str) -> str:
    return (f"::{level} file={escape_property(printable(file))},line={line},col={column},"
            f"title={escape_property(printable(title))}::{escape_data(printable(message))}")


# ----------------------------------------------------------------------------------- text

def _console(width: int | None, color: bool | None) -> Console:
    """A console that records into a string; source text is never read as markup."""
    return Console(file=StringIO(), width=width or 80, no_color=color is False, force_terminal=color,
                   highlight=False, emoji=False, markup=False, soft_wrap=False)


def _output(console: Console, color: bool | None) -> str:
    buffer = console.file
    assert isinstance(buffer, StringIO)
    out = buffer.getvalue()
    # rich pads wrapped lines to the full width; plain output should not carry trailing blanks.
    return out if color else "\n".join(line.rstrip() for line in out.split("\n"))


def _passage_text(f: Finding) -> Text:
    before, figure, after = passage_window(f)
    text = Text("“", style="dim")
    text.append(printable(before))
    text.append(printable(figure), style="bold reverse red" if f.verdict == "conflicts" else "bold")
    text.append(printable(after))
    text.append("”", style="dim")
    return text


def _print_finding(console: Console, f: Finding, canonical: str) -> None:
    head = Text(f"  {MARK[f.verdict]} ", style={"conflicts": "red", "review": "yellow"}.get(f.verdict, "green"))
    head.append(f"{printable(f.source)}:{f.line}:{f.column}", style="bold")
    if f.pinned:
        head.append("  (pinned)", style="dim")
    console.print(head)
    console.print(Padding(_passage_text(f), (0, 0, 0, 4), expand=False))
    if f.normalized is not None and f.found:
        console.print(Padding(Text(f"found {one_line(f.found, 60)} → {normalized_text(f)};  claim: {canonical}"),
                              (0, 0, 0, 4), expand=False))
    console.print(Padding(Text(printable(f.reason), style="dim"), (0, 0, 0, 4), expand=False))


def _print_claim(console: Console, r: ClaimResult, only_conflicts: bool) -> None:
    console.print()
    title = Text(f"{r.claim.id} ", style="bold")
    title.append(r.verdict.upper(), style=VERDICT_STYLE[r.verdict])
    console.print(title)
    console.print(Text(printable(r.claim.statement)), style="italic")
    canonical = canonical_text(r)
    line = Text(f"canonical: {canonical}")
    if r.claim.references:
        line.append(f"  [{printable('; '.join(r.claim.references))}]", style="dim")
    console.print(line)
    for f in r.findings:  # conflicts first, then possible conflicts for review
        if f.verdict == "conflicts" or (not only_conflicts and (f.flag or f.verdict == "review")):
            _print_finding(console, f, canonical)
    if not only_conflicts:
        agreeing = [f for f in r.findings if f.verdict == "agrees"]
        if agreeing:
            where = ", ".join(f"{f.source}:{f.line}" for f in agreeing)
            console.print(Padding(Text(f"✓ agree: {printable(where)}", style="green"), (0, 0, 0, 2), expand=False))


def render_text(report: Report, view: View = PLAIN) -> str:
    """The terminal report; `view.color=None` lets rich decide (no colour when piped or NO_COLOR)."""
    only_conflicts, color = view.only_conflicts, view.color
    console = _console(view.width, color)
    counts = " · ".join(f"{report.count(v)} {v}" for v in CLAIM_VERDICTS)
    console.print(Text(f"factcheck report: {len(report.results)} claims, {len(report.sources)} sources",
                       style="bold"))
    console.print(Text(counts))
    errors = sum(p.severity == "error" for p in report.problems)
    if errors:
        console.print(Text(f"{errors} problems in the input; the claims and excerpts concerned are left "
                           "out: run `factcheck check`", style="yellow"))
    troubled = [r for r in report.results if r.verdict in ("conflict", "disputed")]
    if troubled:
        table = Table(title=None, box=None, pad_edge=False, show_edge=False, header_style="bold")
        table.add_column("claim", overflow="fold")
        table.add_column("verdict")
        table.add_column("n", justify="right")
        table.add_column("sources", overflow="fold")
        for r in troubled:
            sources = sorted({f.source for f in r.conflicts})
            table.add_row(printable(r.claim.id), Text(r.verdict, style=VERDICT_STYLE[r.verdict]),
                          str(len(r.conflicts)), printable(", ".join(sources)))
        console.print()
        console.print(table)
    for r in troubled:
        _print_claim(console, r, only_conflicts)
    if report.anachronisms:
        console.print()
        console.print(Text("Timeline: dates that cannot fit the story", style="bold"))
        for a in report.anachronisms:
            if only_conflicts and a.severity != "conflict":
                continue
            head = Text("  ✗ " if a.severity == "conflict" else "  ! ",
                        style="red" if a.severity == "conflict" else "yellow")
            head.append(f"{a.kind}  ", style="bold")
            head.append(f"{printable(a.source)}:{a.line}:{a.column}")
            if a.claim:
                head.append(f"  {a.claim}", style="dim")
            console.print(head)
            console.print(Padding(Text(f"“{one_line(a.found, 60)}”: {printable(a.reason)}"), (0, 0, 0, 4),
                                  expand=False))
    if not only_conflicts:
        review = [(r, f) for r in report.results if r.verdict not in ("conflict", "disputed")
                  for f in r.findings if f.flag or f.verdict == "review"]
        if review:
            console.print()
            console.print(Text("To review: possible conflicts, where the figure may be about something else, "
                               "and passages that may contradict a text claim", style="bold"))
            for r, f in review:
                console.print(Text(f"{r.claim.id}", style="bold"))
                _print_finding(console, f, canonical_text(r))
        rest = [r for r in report.results if r.verdict not in ("conflict", "disputed")]
        if rest:
            console.print()
            table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
            table.add_column("other claims", overflow="fold")
            table.add_column("verdict")
            table.add_column("agree", justify="right")
            table.add_column("review", justify="right")
            for r in rest:
                agree = sum(f.verdict == "agrees" for f in r.findings)
                # without a canonical value, one source's figure that nobody contradicts is "consistent"
                verdict = f"{r.verdict}, no agreeing passage" if r.verdict == "consistent" and not agree else r.verdict
                table.add_row(printable(r.claim.id), Text(verdict, style=VERDICT_STYLE[r.verdict]),
                              str(agree), str(sum(f.flag is not None for f in r.findings)))
            console.print(table)
    return _output(console, color)


# ------------------------------------------------------------------------------- Markdown

def _md(text: str) -> str:
    """Inline Markdown text: escaped so that source text cannot inject markup or break a table."""
    flat = printable(" ".join(text.split()))
    for ch in "\\`*_[]<>|#":
        flat = flat.replace(ch, "\\" + ch)
    return flat


def render_markdown(report: Report, view: View = PLAIN) -> str:
    only_conflicts = view.only_conflicts
    lines = [f"# factcheck report: {len(report.results)} claims, {len(report.sources)} sources", "",
             " · ".join(f"{report.count(v)} {v}" for v in CLAIM_VERDICTS), ""]
    for r in report.results:
        if only_conflicts and r.verdict not in ("conflict", "disputed"):
            continue
        lines += [f"## {_md(r.claim.id)}: {r.verdict}", "", f"> {_md(r.claim.statement)}", "",
                  f"Canonical: {_md(canonical_text(r))}"]
        if r.claim.references:
            lines.append(f"  (references: {_md('; '.join(r.claim.references))})")
        lines.append("")
        shown = [f for f in r.findings if not only_conflicts or f.verdict == "conflicts"]
        if shown:
            lines += ["| verdict | source | found | passage |", "|---|---|---|---|"]
            for f in shown:
                before, figure, after = passage_window(f)
                # _md collapses whitespace: keep one space around the bold figure where the text has one
                passage = (_md(before) + (" " if before[-1:].isspace() else "")
                           + (f"**{_md(figure)}**" if figure else "")
                           + (" " if after[:1].isspace() else "") + _md(after))
                found = _md(f"{f.found} → {normalized_text(f)}") if f.normalized is not None and f.found else ""
                lines.append(f"| {f.verdict} | {_md(f.source)}:{f.line} | {found} | {passage} |")
            lines.append("")
    shown_anachronisms = [a for a in report.anachronisms if not only_conflicts or a.severity == "conflict"]
    if shown_anachronisms:
        lines += ["## Timeline", "", "| kind | source | found | reason |", "|---|---|---|---|"]
        lines += [f"| {a.kind} | {_md(a.source)}:{a.line} | {_md(a.found)} → {_md(format_value(a.date))} | "
                  f"{_md(a.reason)} |" for a in shown_anachronisms]
        lines.append("")
    return "\n".join(lines)


# ------------------------------------------------------------------------------- timeline

def short_date(date: DateValue) -> str:
    """A date in at most a dozen characters: "2023-08", "mid-2025", "≤2025-01-30"."""
    text = format_value(date)
    named = re.search(r"\(([^)]*)\)$", text)
    return named.group(1) if named else text


def _event_marks(e: Event) -> str:
    return ("✗" if e.conflict or "order" in e.anachronisms else "") + ("!" if set(e.anachronisms) - {"order"} else "")


def render_timeline_text(report: Report, view: View = PLAIN) -> str:
    """One line per dated event, in order: date, marks, claim (or passage), source:line."""
    width, color = view.width, view.color
    console = _console(width, color)
    console.print(Text(f"factcheck timeline: {len(report.events)} dates in {len(report.sources)} sources",
                       style="bold"))
    console.print(Text("✗ conflicts with its claim or out of order   ! stale or after publication", style="dim"))
    # Fixed columns, one line per event: the claim or passage column takes what is left and is cut.
    dates = [short_date(e.date) for e in report.events]
    wheres = [f"{printable(e.source)}:{e.line}" for e in report.events]
    date_w = max(map(len, dates), default=4)
    where_w = min(max(map(len, wheres), default=6), 36)
    what_w = max((width or 80) - date_w - where_w - 6, 20)
    for e, date, where in zip(report.events, dates, wheres, strict=True):
        marks = _event_marks(e)
        if e.claims:  # the claim ids first: what is cut at the column's end is the quoted text
            what = Text(printable(", ".join(e.claims)), style="bold")
            what.append(f" “{one_line(e.found, 40)}”")
        else:
            what = Text(f"“{one_line(e.found, 40)}” {one_line(e.passage, 200)}", style="dim")
        what.truncate(what_w, overflow="ellipsis", pad=True)
        line = Text(date.ljust(date_w) + " ")
        line.append(marks.ljust(2), style="red" if "✗" in marks else "yellow")
        line.append(" ")
        line.append(what)
        line.append(" " + where[-where_w:])
        console.print(line, no_wrap=True, overflow="ellipsis")
    return _output(console, color)


def render_timeline_json(report: Report, view: View = PLAIN) -> str:
    document = {
        "schema_version": REPORT_SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__},
        "summary": {"events": len(report.events), "sources": len(report.sources),
                    "conflicts": sum(e.conflict for e in report.events),
                    "anachronisms": len(report.anachronisms)},
        "events": [{"date": to_json(e.date), "date_text": format_value(e.date), "found": e.found,
                    "source": e.source, "line": e.line, "column": e.column, "passage": e.passage,
                    "claims": list(e.claims), "conflict": e.conflict, "anachronisms": list(e.anachronisms)}
                   for e in report.events],
        "anachronisms": [anachronism_json(a) for a in report.anachronisms],
    }
    return "".join(dump(document)) + "\n"
