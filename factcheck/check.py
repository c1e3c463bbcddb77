"""`factcheck check`: validate claims.yaml against the sources, for CI on every edit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import process

from factcheck.claims import Claim, ClaimsFile, load_claims
from factcheck.defaults import MAX_SOURCE_MB
from factcheck.locate import locate
from factcheck.problems import Position, Problem
from factcheck.sources import Source, left_out, load_sources
from factcheck.textnorm import Folded, clip, fold, one_line

if TYPE_CHECKING:  # `check` never prepares a source: it should not load what preparing needs
    from factcheck.corpus import Prepared


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[Problem, ...]
    claims: int
    excerpts: int
    sources: int

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)


def _problem(path: str, pos: Position, code: str, message: str, claim: str | None,
             severity: str = "error") -> Problem:
    return Problem(path, pos.line, pos.column, severity, code, message, claim)


def duplicate_ids(cf: ClaimsFile) -> list[Problem]:
    first: dict[str, Claim] = {}
    problems = []
    for claim in cf.claims:
        if claim.id in first:
            problems.append(_problem(cf.path, claim.where("id"), "duplicate-id",
                                     f"claim id '{claim.id}' is already used at line "
                                     f"{first[claim.id].where('id').line}: give each claim its own id",
                                     claim.id))
        else:
            first.setdefault(claim.id, claim)
    return problems


def order_problems(cf: ClaimsFile) -> list[Problem]:
    """Unknown or non-date targets of after/before, and cycles among the constraints."""
    by_id = {c.id: c for c in cf.claims}
    unread = {claim_id for claim_id, _ in cf.left_out}  # left out for their own problems: exist all the same
    problems: list[Problem] = []
    earlier: dict[str, list[str]] = {c.id: [] for c in cf.claims}  # claim -> claims that must precede it
    for claim in cf.claims:
        for key in ("after", "before"):
            target = getattr(claim, key)
            if target is None or target in unread:
                continue
            if target not in by_id:
                problems.append(_problem(cf.path, claim.where(key), "unknown-claim",
                                         f"'{key}: {clip(target)}' names no claim in this file", claim.id))
            elif by_id[target].kind != "date":
                problems.append(_problem(cf.path, claim.where(key), "order-not-allowed",
                                         f"'{key}: {clip(target)}' must name a date claim; '{clip(target)}' is "
                                         f"kind {by_id[target].kind}", claim.id))
            elif key == "after":
                earlier[claim.id].append(target)
            else:
                earlier[target].append(claim.id)
    problems.extend(_cycles(cf, earlier, by_id))
    return problems


def _cycles(cf: ClaimsFile, earlier: dict[str, list[str]], by_id: dict[str, Claim]) -> list[Problem]:
    """Each cycle among the constraints, found by an iterative depth-first search (a chain of
    thousands of claims is no recursion limit)."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    problems: list[Problem] = []
    for root in earlier:
        if root in state:
            continue
        path: list[str] = [root]
        state[root] = 1
        stack = [iter(earlier[root])]
        while stack:
            prev = next(stack[-1], None)
            if prev is None:
                stack.pop()
                state[path.pop()] = 2
            elif state.get(prev) == 1:
                loop = [*path[path.index(prev):], prev]
                lines = ", ".join(str(by_id[c].pos.line) for c in loop[:-1])
                first = by_id[loop[0]]
                problems.append(_problem(cf.path, first.pos, "order-cycle",
                                         "after/before constraints form a cycle, so no order satisfies "
                                         f"them: {' after '.join(loop)} (claims at lines {lines})", first.id))
            elif prev not in state:
                state[prev] = 1
                path.append(prev)
                stack.append(iter(earlier[prev]))
    return problems


def evidence_problems(cf: ClaimsFile, sources: dict[str, Source], prepared: dict[str, Prepared] | None = None,
                      unread: frozenset[str] = frozenset()) -> list[Problem]:
    """Excerpts naming unknown sources, not found in theirs, or misquoting a figure.

    `prepared` sources (from a report) answer from their own cache; others are folded here once.
    `unread`: ids of source files left out for their own problems (not unknown, only unread)."""
    folded: dict[str, Folded] = {}
    problems: list[Problem] = []
    for claim in cf.claims:
        for ev in claim.evidence:
            source = sources.get(ev.source)
            if source is None and ev.source in unread:
                continue
            if source is None:
                guess = process.extractOne(ev.source, list(sources)) if sources else None
                hint = f"; did you mean '{guess[0]}'?" if guess and guess[1] >= 60 else ""
                problems.append(_problem(cf.path, ev.source_pos, "unknown-source",
                                         f"unknown source '{clip(ev.source)}': no file with that id in the "
                                         f"sources directory{hint}", claim.id))
                continue
            if prepared and source.id in prepared:
                found = prepared[source.id].locate(ev.excerpt)
            else:
                body = folded.get(source.id) or folded.setdefault(source.id, fold(source.body))
                found = locate(ev.excerpt, body)
            at = source.position(found.start)
            where = f"{source.id} line {at.line}"
            passage = one_line(source.body[found.start:found.end], 120)
            if found.status == "not-found":
                problems.append(_problem(cf.path, ev.excerpt_pos, "excerpt-not-found",
                                         f"excerpt not found in '{source.id}'; closest passage "
                                         f"({where}, score {found.score:.0f}): \"{passage}\"", claim.id))
            elif found.status == "misquote":
                diffs = "; ".join(f"excerpt has '{c.excerpt or '(nothing)'}' where the source has "
                                  f"'{c.source or '(nothing)'}'" for c in found.changes)
                problems.append(_problem(cf.path, ev.excerpt_pos, "misquote",
                                         f"misquote of '{source.id}' ({where}): {diffs}", claim.id))
            elif not found.exact:
                problems.append(_problem(cf.path, ev.excerpt_pos, "inexact-excerpt",
                                         f"excerpt differs in wording from '{source.id}' ({where}, score "
                                         f"{found.score:.0f}); the source reads: \"{passage}\"", claim.id,
                                         severity="warning"))
    return problems


def cross_problems(cf: ClaimsFile, sources: dict[str, Source], prepared: dict[str, Prepared] | None = None,
                   source_problems: list[Problem] | tuple[Problem, ...] = ()) -> list[Problem]:
    """Problems between claims and with the sources: ids, order constraints, excerpts."""
    unread = frozenset(Path(f).stem for f in left_out(source_problems))
    return duplicate_ids(cf) + order_problems(cf) + evidence_problems(cf, sources, prepared, unread)


def run_check(claims_path: Path, sources_dir: Path, max_source_mb: float = MAX_SOURCE_MB) -> CheckResult:
    """Every problem of a claims file and its sources. Unreadable input raises InputError."""
    sources, problems = load_sources(sources_dir, max_source_mb)
    cf, claim_problems = load_claims(claims_path)
    problems += claim_problems + cross_problems(cf, sources, source_problems=problems)
    problems.sort(key=Problem.sort_key)
    return CheckResult(tuple(problems), claims=len(cf.claims),
                       excerpts=sum(len(c.evidence) for c in cf.claims), sources=len(sources))
