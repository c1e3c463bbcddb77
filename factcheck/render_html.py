"""`report --format html`: one self-contained page an editor opens offline, shares or attaches to a
review — the story's timeline, a chart per number claim and a card per claim, with the content of
the text report (conflicts first, then review, then the rest collapsed).

Inline CSS and SVG only: no script, no font, no request — the page's Content-Security-Policy
forbids them, so even a source that slipped past escaping could not run code. Every piece of
source text is escaped. The same report gives the same bytes (no clock, no random ids).
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from urllib.parse import urlsplit

from factcheck import __version__
from factcheck.assess import ClaimResult, ClaimVerdict, Finding, Verdict
from factcheck.charts import GLYPH, WORD, html_text, lane_order, timeline_svg, value_marks, value_svg
from factcheck.formats import PLAIN, View
from factcheck.render_report import MARK, canonical_text, normalized_text, passage_window
from factcheck.report import CLAIM_VERDICTS, Report
from factcheck.sources import Source
from factcheck.textnorm import printable
from factcheck.values import format_value

TROUBLED = (ClaimVerdict.CONFLICT, ClaimVerdict.DISPUTED)
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

STYLE = """
:root { --fg:#1b1f24; --muted:#57606a; --bg:#ffffff; --card:#f6f8fa; --line:#d0d7de;
  --conflicts:#c62828; --review:#a86400; --agrees:#2e7d32; --canonical:#1565c0; --lane:#f3f5f8; }
@media (prefers-color-scheme: dark) {
  :root { --fg:#e6edf3; --muted:#9da7b3; --bg:#0d1117; --card:#161b22; --line:#30363d;
    --conflicts:#ff7b72; --review:#e3b341; --agrees:#56d364; --canonical:#79c0ff; --lane:#11161d; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 24px; font: 15px/1.5 system-ui, sans-serif;
  color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { margin-top: 2em; border-bottom: 1px solid var(--line); }
.summary, .muted, .reason, .where { color: var(--muted); }
.badge { font-weight: 600; padding: 1px 8px; border-radius: 10px; border: 1px solid currentColor; }
.conflict .badge, .v-conflicts { color: var(--conflicts); } .disputed .badge, .v-review { color: var(--review); }
.consistent .badge, .v-agrees { color: var(--agrees); } .unsupported .badge { color: var(--muted); }
svg { width: 100%; height: auto; display: block; margin: 8px 0; font: 13px system-ui, sans-serif; }
svg text { fill: var(--fg); } svg .tick { stroke: var(--line); } svg .tick-label, svg .lane-verdict, svg .none
  { fill: var(--muted); font-size: 12px; }
svg .lane-bg { fill: var(--bg); } svg .lane-bg.odd { fill: var(--lane); } svg .lane-label { font-weight: 600; }
svg .canonical rect { fill: var(--canonical); opacity: .18; } svg .canonical line { stroke: var(--canonical);
  stroke-width: 2; } svg .canonical-label { fill: var(--canonical); }
svg .mark .bar { opacity: .55; } svg .mark .glyph { stroke: var(--bg); stroke-width: 1.5; }
svg .mark.conflicts .bar, svg .mark.conflicts .glyph { fill: var(--conflicts); }
svg .mark.review .bar, svg .mark.review .glyph { fill: var(--review); }
svg .mark.agrees .bar, svg .mark.agrees .glyph { fill: var(--agrees); }
svg .mark .cross { stroke: var(--bg); stroke-width: 2.2; fill: none; }
svg .mark.soft .glyph, svg .mark.soft .bar { fill-opacity: .15; stroke: currentColor; stroke-dasharray: 2 2; }
svg .mark.soft.conflicts { color: var(--conflicts); } svg .mark.soft.review { color: var(--review); }
svg .mark.soft.agrees { color: var(--agrees); }
svg .mark.order .glyph { stroke: var(--fg); stroke-width: 2; stroke-dasharray: 3 2; }
svg .arrow { stroke: var(--muted); stroke-width: 1.5; } svg .head { fill: var(--muted); }
svg .point .label { font-size: 12px; paint-order: stroke; stroke: var(--bg); stroke-width: 4px;
  stroke-linejoin: round; }
svg .lane-label { font-size: 12.5px; } h3 a { color: inherit; }
.card { background: var(--card); border: 1px solid var(--line); border-left: 5px solid var(--line);
  border-radius: 6px; padding: 12px 16px; margin: 14px 0; break-inside: avoid; }
.card.conflict { border-left-color: var(--conflicts); } .card.disputed { border-left-color: var(--review); }
.card h3 { margin: 0 0 6px; font-size: 1.05em; } .card h3 code { font-size: 1em; }
blockquote { margin: 6px 0; font-style: italic; }
ul.findings { list-style: none; padding-left: 0; } ul.findings li { margin: 10px 0; padding-left: 26px;
  text-indent: -26px; }
.glyph { display: inline-block; width: 22px; text-align: center; font-weight: 700; text-indent: 0; }
.passage { text-indent: 0; } mark { background: #ffe08a; color: #1b1f24; font-weight: 600; padding: 0 2px; }
li.conflicts mark { background: #ffcdd2; outline: 2px solid var(--conflicts); }
details > summary { cursor: pointer; color: var(--muted); }
table { border-collapse: collapse; } td, th { text-align: left; padding: 3px 10px 3px 0; vertical-align: top; }
.key { font-weight: 700; }
#only-conflicts:checked ~ main .card:not(.conflict):not(.disputed),
#only-conflicts:checked ~ main .rest { display: none; }
@media print { body { max-width: none; padding: 0; font-size: 11pt; } .filter { display: none; }
  details::details-content { content-visibility: visible; height: auto; } details > summary { display: none; }
  .card { border-left-width: 3px; } }
"""


def _e(text: str) -> str:
    """Source text as HTML: control characters shown, markup (and quotes) escaped."""
    return escape(printable(text), quote=True)


_flat = html_text  # on one line, whitespace collapsed


def source_keys(sources: tuple[Source, ...]) -> dict[str, str]:
    """A short key per source (S1, S2, … in id order) for the labels on the charts."""
    return {s.id: f"S{i}" for i, s in enumerate(sorted(sources, key=lambda s: s.id), 1)}


def _passage(f: Finding) -> str:
    before, figure, after = passage_window(f)
    shown = _flat(before) + (" " if before[-1:].isspace() else "")
    if figure:
        shown += f"<mark>{_flat(figure)}</mark>"
    shown += (" " if after[:1].isspace() else "") + _flat(after)
    return f"“{shown}”"


def _finding(f: Finding, canonical: str, keys: dict[str, str]) -> str:
    glyph = MARK[f.verdict.value]
    where = f"{_e(keys.get(f.source, ''))} {_e(f.source)}:{f.line}:{f.column}"
    parts = [f'<li class="{f.verdict.value}" data-source="{_e(f.source)}" data-line="{f.line}">'
             f'<span class="glyph v-{f.verdict.value}" title="{WORD[f.verdict]}">{glyph}</span>'
             f'<span class="where">{where}</span>'
             + (' <span class="muted">(pinned)</span>' if f.pinned else "")
             + (f' <span class="v-review">{_e(f.flag)}</span>' if f.flag else "")
             + f'<div class="passage">{_passage(f)}</div>']
    if f.normalized is not None and f.found:
        parts.append(f'<div class="passage">found <b>{_flat(f.found)}</b> → {_e(normalized_text(f) or "")}; '
                     f'claim: {_e(canonical)}</div>')
    parts.append(f'<div class="passage reason">{_e(f.reason)}</div>')
    for aside in f.set_aside:
        parts.append(f'<div class="passage reason">set aside “{_flat(aside.found)}” '
                     f'({_e(aside.rule)}): {_e(aside.reason)}</div>')
    parts.append("</li>")
    return "".join(parts)


def _card(r: ClaimResult, keys: dict[str, str], only_conflicts: bool) -> str:
    canonical = canonical_text(r)
    head = (f'<article class="card {r.verdict.value}" id="claim-{_e(r.claim.id)}" data-claim="{_e(r.claim.id)}" '
            f'data-verdict="{r.verdict.value}">'
            f'<h3><code>{_e(r.claim.id)}</code> <span class="badge">{r.verdict.value}</span> '
            f'<span class="muted">{_e(r.claim.kind)} claim</span></h3>'
            f"<blockquote>{_flat(r.claim.statement)}</blockquote>"
            f'<div>canonical: <b>{_e(canonical)}</b>'
            + (f' <span class="muted">[{_e("; ".join(r.claim.references))}]</span>' if r.claim.references else "")
            + "</div>")
    shown = [f for f in r.findings if f.verdict == Verdict.CONFLICTS
             or (not only_conflicts and (f.flag or f.verdict == Verdict.REVIEW))]
    rest = [] if only_conflicts else [f for f in r.findings if f not in shown]
    body = []
    if shown:
        body.append('<ul class="findings">' + "".join(_finding(f, canonical, keys) for f in shown) + "</ul>")
    if rest:
        agree = sum(f.verdict == Verdict.AGREES for f in rest)
        other = len(rest) - agree
        body.append(f"<details><summary>{agree} agreeing, {other} other passage{'' if other == 1 else 's'}</summary>"
                    '<ul class="findings">' + "".join(_finding(f, canonical, keys) for f in rest) + "</ul></details>")
    if not r.findings:
        body.append('<p class="muted">No passage in the sources states it.</p>')
    return head + "".join(body) + "</article>"


def _sources(report: Report, keys: dict[str, str]) -> str:
    rows = []
    for s in sorted(report.sources, key=lambda s: s.id):
        title = _e(s.title)
        if urlsplit(s.url).scheme in ("http", "https"):  # never a javascript: or data: link from a header
            title = f'<a href="{_e(s.url)}" rel="noreferrer noopener">{title}</a>'
        rows.append(f'<tr><td class="key">{keys[s.id]}</td><td><code>{_e(s.id)}</code></td><td>{title}</td>'
                    f"<td>{_e(s.publisher)}</td><td>{s.published.isoformat() if s.published else ''}</td></tr>")
    return ("<table><thead><tr><th>key</th><th>source</th><th>title</th><th>publisher</th><th>published</th></tr>"
            "</thead><tbody>" + "".join(rows) + "</tbody></table>")


def _anachronisms(report: Report, only_conflicts: bool) -> str:
    items = [a for a in report.anachronisms if not only_conflicts or a.severity == "conflict"]
    if not items:
        return ""
    rows = "".join(
        f'<li class="{"conflicts" if a.severity == "conflict" else "review"}">'
        f'<span class="glyph v-{"conflicts" if a.severity == "conflict" else "review"}">'
        f'{"✗" if a.severity == "conflict" else "!"}</span><b>{_e(a.kind)}</b> '
        f'<span class="where">{_e(a.source)}:{a.line}:{a.column}</span>'
        + (f' <code>{_e(a.claim)}</code>' if a.claim else "")
        + f'<div class="passage">“{_flat(a.found)}” → {_e(format_value(a.date))}: {_e(a.reason)}</div></li>'
        for a in items)
    return f'<h2 id="anachronisms">Dates that cannot fit the story</h2><ul class="findings">{rows}</ul>'


def render_html(report: Report, view: View = PLAIN) -> Iterator[str]:
    """The page, in pieces: head and summary, timeline, value charts, cards, sources."""
    only_conflicts = view.only_conflicts
    keys = source_keys(report.sources)
    counts = " · ".join(f"{report.count(v)} {v}" for v in CLAIM_VERDICTS)
    title = f"factcheck report: {len(report.results)} claims, {len(report.sources)} sources"
    yield ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
           '<meta name="viewport" content="width=device-width, initial-scale=1">'
           '<meta name="color-scheme" content="light dark">'
           f'<meta name="generator" content="factcheck {_e(__version__)}">'
           f"<title>{_e(title)}</title><style>{STYLE}</style></head>\n<body>\n")
    yield f'<header><h1>{_e(title)}</h1><p class="summary">{_e(counts)}'
    errors = sum(p.severity == "error" for p in report.problems)
    if errors:
        yield f" · {errors} problems in the input: the claims and excerpts concerned are left out (run factcheck check)"
    yield "</p></header>\n"
    yield ('<input type="checkbox" id="only-conflicts" class="filter"'
           + (" checked" if only_conflicts else "") + '> <label for="only-conflicts" class="filter">'
           "show only the claims in conflict</label>\n<main>\n")
    lanes = lane_order(report.results)
    if lanes:
        yield ('<section id="timeline"><h2>Timeline</h2><p class="muted">One lane per date claim, in the order of '
               "its canonical date (the shaded band and line). Each source's date is a mark labelled with the "
               "source's key: ✗ square conflicts, ? diamond for review, ✓ circle agrees; a dashed outline is "
               "out of the story's order; an arrow is an open bound (since, before, after). Hover a mark for "
               "its passage.</p>\n")
        yield timeline_svg(report.results, report.anachronisms, keys)
        yield "</section>\n"
    charts = [(r, value_svg(r, keys)) for r in report.results if r.claim.kind == "number"]
    charts = [(r, svg) for r, svg in charts if svg and (not only_conflicts or r.verdict in TROUBLED)]
    if charts:
        yield ('<section id="figures"><h2>Figures</h2><p class="muted">For each number claim, the sources\' '
               "figures on one axis in the claim's unit: a range is a bar, a bound an arrow, an approximation "
               "a hollow mark, the canonical value the shaded line.</p>\n")
        for r, svg in charts:
            _, apart = value_marks(r)
            heading = f'<h3><a href="#claim-{_e(r.claim.id)}"><code>{_e(r.claim.id)}</code></a> ' \
                      f'<span class="muted">{r.verdict.value}</span></h3>'
            note = ('<p class="muted">Not drawn, measured in another unit: '
                    + ", ".join(f"{_flat(f.found or '')} ({_e(f.source)}:{f.line})" for f in apart) + "</p>"
                    if apart else "")
            yield f'<div class="chart{" rest" if r.verdict not in TROUBLED else ""}">{heading}{svg}{note}</div>\n'
        yield "</section>\n"
    troubled = [r for r in report.results if r.verdict in TROUBLED]
    calm = [r for r in report.results if r.verdict not in TROUBLED]
    review = [r for r in calm if any(f.flag or f.verdict == Verdict.REVIEW for f in r.findings)]
    rest = [r for r in calm if not any(f.flag or f.verdict == Verdict.REVIEW for f in r.findings)]
    yield '<section id="claims"><h2>Claims</h2>\n'
    for r in troubled:
        yield _card(r, keys, only_conflicts) + "\n"
    if not only_conflicts:
        if review:
            yield ('<h3 class="rest">To review: possible conflicts, where a figure may be about something else, '
                   "and passages that may contradict a text claim</h3>\n")
            for r in review:
                yield _card(r, keys, only_conflicts) + "\n"
        if rest:
            counted = " · ".join(f"{n} {v}" for v in CLAIM_VERDICTS if (n := sum(r.verdict == v for r in rest)))
            yield f'<details class="rest"><summary>{len(rest)} other claims: {counted}</summary>\n'
            for r in rest:
                yield _card(r, keys, only_conflicts) + "\n"
            yield "</details>\n"
    yield "</section>\n"
    yield _anachronisms(report, only_conflicts)
    yield f'<section id="sources"><h2>Sources</h2>{_sources(report, keys)}</section>\n'
    yield (f'</main>\n<footer><p class="muted">factcheck {_e(__version__)} · {GLYPH[Verdict.CONFLICTS]} conflicts · '
           f'{GLYPH[Verdict.REVIEW]} for review · {GLYPH[Verdict.AGREES]} agrees</p></footer>\n</body></html>\n')
