"""Load claims.yaml into frozen dataclasses that remember where each field was written.

The file is composed into YAML nodes (safe: no object construction) and walked by hand, so every
claim, field and excerpt keeps its line and column and every schema error can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factcheck.problems import InputError, Position, Problem
from factcheck.textnorm import clip
from factcheck.values import Quantity, Value, claim_unit, parse_value
from factcheck.yamlload import compose

KINDS = ("date", "number", "text")
STANCES = ("supports", "refutes")
CLAIM_KEYS = ("id", "statement", "kind", "value", "unit", "match", "after", "before", "evidence",
              "references")
EVIDENCE_KEYS = ("source", "excerpt", "stance")
SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_constructor = yaml.constructor.SafeConstructor()
_UNREADABLE = object()  # a scalar the safe constructor refused; already reported


@dataclass(frozen=True)
class Evidence:
    """An excerpt the curator pinned to a claim, as written in claims.yaml."""

    source: str
    excerpt: str
    stance: str | None
    pos: Position  # the evidence item
    source_pos: Position
    excerpt_pos: Position


@dataclass(frozen=True)
class Claim:
    """One claim: what is asserted, how to recognise passages about it, and pinned evidence."""

    id: str
    statement: str
    kind: str = "text"
    value: Value | str | None = None  # str only for text claims
    unit: str | None = None
    match: tuple[str, ...] = ()
    after: str | None = None
    before: str | None = None
    evidence: tuple[Evidence, ...] = ()
    references: tuple[str, ...] = ()
    pos: Position = field(default_factory=lambda: Position(1, 1))
    positions: dict[str, Position] = field(default_factory=dict, compare=False, repr=False)

    def where(self, key: str) -> Position:
        """Position of a field's value, or of the claim when the field is absent."""
        return self.positions.get(key, self.pos)


@dataclass(frozen=True)
class ClaimsFile:
    path: str
    claims: tuple[Claim, ...]
    # Claims left out for their problems, as (id as written or None, line): named on stderr and in
    # JSON, and still known to after/before, so one bad field does not cascade into more errors.
    left_out: tuple[tuple[str | None, int], ...] = ()


def _pos(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Walker:
    """Turns composed YAML nodes into claims, collecting problems instead of stopping at the first."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.left_out: list[tuple[str | None, int]] = []

    def error(self, node: yaml.Node | Position, code: str, message: str, claim: str | None = None) -> None:
        pos = node if isinstance(node, Position) else _pos(node)
        self.problems.append(Problem(self.path, pos.line, pos.column, "error", code, message, claim))

    def mapping(self, node: yaml.Node, allowed: tuple[str, ...], what: str,
                claim: str | None = None) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        if not isinstance(node, yaml.MappingNode):
            self.error(node, "wrong-type", f"{what} must be a mapping of key: value", claim)
            return None
        items: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.error(key_node, "wrong-type", f"{what} keys must be plain words", claim)
            elif key in items:
                self.error(key_node, "duplicate-key", f"'{key}' appears twice in this {what}", claim)
            elif key not in allowed:
                self.error(key_node, "unknown-key",
                           f"unknown key '{clip(key)}' in {what} (allowed: {', '.join(allowed)})", claim)
            else:
                if _is_null(value_node):
                    # "statement:" with nothing after it: say so here, or the claim silently vanishes.
                    self.error(value_node, "missing-value",
                               f"'{key}' has no value: write it after the colon, or remove the key", claim)
                items[key] = (key_node, value_node)
        return items

    def scalar(self, node: yaml.Node) -> object:
        """The Python value of a scalar node; lists and mappings come back as nodes."""
        if not isinstance(node, yaml.ScalarNode):
            return node  # callers report the wrong type
        try:
            return _constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError) as exc:
            reason = getattr(exc, "problem", None) or str(exc)
            self.error(node, "unreadable-value", f"cannot read the value '{clip(node.value)}': {clip(str(reason))}")
            return _UNREADABLE

    def text(self, node: yaml.Node, what: str, claim: str | None) -> str | None:
        value = self.scalar(node)
        if value is None or value is _UNREADABLE:
            return None
        if not isinstance(value, str):
            self.error(node, "wrong-type", f"{what} must be text, not {_type_name(value)}", claim)
            return None
        return value

    def texts(self, node: yaml.Node, what: str, claim: str | None) -> tuple[str, ...]:
        if isinstance(node, yaml.SequenceNode):
            found = (self.text(item, f"each entry of {what}", claim) for item in node.value)
            return tuple(t for t in found if t)
        one = self.text(node, f"{what} (a phrase or a list of phrases)", claim)
        return (one,) if one else ()

    def claims(self, root: yaml.Node | None) -> tuple[Claim, ...]:
        if root is None:
            self.error(Position(1, 1), "empty-file", "claims file is empty: add a top-level 'claims:' list")
            return ()
        top = self.mapping(root, ("claims",), "top level")
        if top is None:
            return ()
        if "claims" not in top:
            self.error(root, "missing-key", "the top level needs a 'claims:' list")
            return ()
        seq = top["claims"][1]
        if not isinstance(seq, yaml.SequenceNode):
            self.error(seq, "wrong-type", "'claims' must be a list of claims (items starting with '-')")
            return ()
        kept = []
        for node in seq.value:
            claim = self.claim(node)
            if claim is None:
                self.left_out.append((_peek_id(node), _pos(node).line))
            else:
                kept.append(claim)
        return tuple(kept)

    def claim(self, node: yaml.Node) -> Claim | None:
        id_guess = _peek_id(node)
        fields = self.mapping(node, CLAIM_KEYS, "claim", id_guess)
        if fields is None:
            return None
        positions = {key: _pos(v) for key, (_, v) in fields.items()}
        ok = True

        def required(key: str) -> str | None:
            nonlocal ok
            if key not in fields:
                self.error(node, "missing-key", f"claim needs a '{key}'", id_guess)
                ok = False
                return None
            value = self.text(fields[key][1], f"'{key}'", id_guess)
            if value is None or not value.strip():
                if value is not None:
                    self.error(fields[key][1], "wrong-type", f"'{key}' must not be empty", id_guess)
                ok = False
            return value

        claim_id = required("id")
        if claim_id and not SLUG.match(claim_id):
            self.error(fields["id"][1], "bad-id",
                       f"claim id '{clip(claim_id)}' must be a slug: lower-case letters, digits, '-', '.', '_'",
                       claim_id)
            ok = False
        statement = required("statement")
        cid = claim_id or id_guess

        kind = "text"
        if "kind" in fields:
            raw_kind = self.text(fields["kind"][1], "'kind'", cid)
            if raw_kind not in KINDS:
                if raw_kind is not None:
                    self.error(fields["kind"][1], "bad-kind",
                               f"kind '{clip(raw_kind)}' is not one of: {', '.join(KINDS)}", cid)
                # value, unit and after/before depend on the kind: judging them against a guess
                # would only add noise to the one real error.
                return None
            kind = raw_kind

        unit = None
        if "unit" in fields:
            raw_unit = self.text(fields["unit"][1], "'unit'", cid)
            if raw_unit is not None:
                unit = claim_unit(raw_unit)
                if kind != "number":
                    self.error(fields["unit"][1], "unit-not-allowed",
                               f"'unit' applies to number claims only; this claim is kind {kind}", cid)
                    ok = False
                elif unit is None:
                    self.error(fields["unit"][1], "bad-unit",
                               f"unknown unit '{clip(raw_unit)}' (e.g. parameters, tokens, GPU-hours, chips, "
                               "USD, percent, TFLOPS, GB, TB/s, or a plural noun such as devices)", cid)
                    ok = False

        value: Value | str | None = None
        if "value" in fields:
            value_node = fields["value"][1]
            raw_value = self.scalar(value_node)
            if raw_value is _UNREADABLE:
                ok = False
            elif isinstance(raw_value, yaml.Node):
                self.error(value_node, "wrong-type", "'value' must be a single value, not a list or mapping", cid)
                ok = False
            elif raw_value is not None and kind == "text":
                value = str(raw_value)
            elif raw_value is not None:
                try:
                    value = parse_value(raw_value, kind, unit)
                    if unit is None and isinstance(value, Quantity) and value.unit is not None:
                        unit = value.unit  # `value: "5%"` says its unit: percent
                except (ValueError, OverflowError) as exc:
                    self.error(value_node, "bad-value", f"value '{clip(value_node.value)}' is not a valid "
                               f"{kind}: {clip(str(exc))}", cid)
                    ok = False

        for key in ("after", "before"):
            if key in fields and kind != "date":
                self.error(fields[key][0], "order-not-allowed",
                           f"'{key}' orders date claims only; this claim is kind {kind}", cid)
                ok = False
        after = self.text(fields["after"][1], "'after'", cid) if "after" in fields else None
        before = self.text(fields["before"][1], "'before'", cid) if "before" in fields else None

        match = self.texts(fields["match"][1], "'match'", cid) if "match" in fields else ()
        references = self.texts(fields["references"][1], "'references'", cid) if "references" in fields else ()
        evidence: tuple[Evidence, ...] = ()
        if "evidence" in fields:
            ev_node = fields["evidence"][1]
            if isinstance(ev_node, yaml.SequenceNode):
                items = (self.evidence(item, kind, cid) for item in ev_node.value)
                evidence = tuple(e for e in items if e is not None)
            elif self.scalar(ev_node) is not None:
                self.error(ev_node, "wrong-type", "'evidence' must be a list of {source, excerpt} items", cid)
                ok = False
        if not ok or claim_id is None or statement is None:
            return None
        return Claim(id=claim_id, statement=statement, kind=kind, value=value, unit=unit, match=match,
                     after=after, before=before, evidence=evidence, references=references,
                     pos=_pos(node), positions=positions)

    def evidence(self, node: yaml.Node, kind: str, claim: str | None) -> Evidence | None:
        fields = self.mapping(node, EVIDENCE_KEYS, "evidence item", claim)
        if fields is None:
            return None
        values: dict[str, str] = {}
        for key in ("source", "excerpt"):
            if key not in fields:
                self.error(node, "missing-key", f"evidence item needs a '{key}'", claim)
                continue
            value = self.text(fields[key][1], f"'{key}'", claim)
            if value is not None and value.strip():
                values[key] = value
            elif value is not None:
                self.error(fields[key][1], "wrong-type", f"'{key}' must not be empty", claim)
        stance = None
        if "stance" in fields:
            stance = self.text(fields["stance"][1], "'stance'", claim)
            if stance is not None and stance not in STANCES:
                self.error(fields["stance"][1], "bad-stance",
                           f"stance '{clip(stance)}' is not one of: {', '.join(STANCES)}", claim)
                return None
        elif kind == "text":
            self.error(node, "missing-stance",
                       "evidence for a text claim needs 'stance: supports' or 'stance: refutes'", claim)
        if len(values) < 2:
            return None
        return Evidence(source=values["source"], excerpt=values["excerpt"], stance=stance, pos=_pos(node),
                        source_pos=_pos(fields["source"][1]), excerpt_pos=_pos(fields["excerpt"][1]))


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _peek_id(node: yaml.Node) -> str | None:
    """The claim's id if it has a usable one, so problems elsewhere in it can name it."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "id" and isinstance(value, yaml.ScalarNode):
                return str(value.value) or None
    return None


def _type_name(value: object) -> str:
    if isinstance(value, yaml.SequenceNode):
        return "a list"
    if isinstance(value, yaml.MappingNode):
        return "a mapping"
    return {bool: "true/false", int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def parse_claims(path: str, text: str) -> tuple[ClaimsFile, list[Problem]]:
    """Claims and schema problems of one claims file's text. Unreadable YAML raises InputError."""
    root = compose(text, path)
    walker = _Walker(path)
    try:
        claims = walker.claims(root)
    except RecursionError:
        raise InputError(path, "YAML nested too deeply to read: flatten the lists or mappings") from None
    return ClaimsFile(path, claims, tuple(walker.left_out)), walker.problems


def load_claims(path: Path) -> tuple[ClaimsFile, list[Problem]]:
    """Read and parse a claims file; a missing or non-UTF-8 file raises InputError."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "claims file not found: create it or pass --claims PATH") from None
    except OSError as exc:
        raise InputError(name, f"cannot read claims file: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(name, "claims file is not UTF-8 text: re-save it as UTF-8",
                         raw.count(b"\n", 0, exc.start) + 1) from None
    return parse_claims(name, text.removeprefix("\ufeff"))
