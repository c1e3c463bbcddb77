"""Hostile and messy input: one registry of cases, each a small story folder built on the fly.

Each case writes `claims.yaml` and `sources/` into an empty directory and returns the command line
to run there; `tests/test_bad_inputs.py` runs every case in a subprocess (10 s, 1 GB) and checks its
exit code, its message, and that nothing else happened (no traceback, no escape code, no file
written); `bench/bench_hostile.py` times the large ones against their input size.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ESC = "\x1b"

HEADER = "---\nid: {id}\ntitle: \"A story\"\npublisher: Desk\npublished: {published}\n---\n"
BODY = ("The company said on 3 March 2024 that its revenue rose to $5.5 billion.\n\n"
        "Revenue was $5.5 billion in the quarter, the company said.\n")
CLAIM = textwrap.dedent("""\
    claims:
      - id: revenue
        statement: The company's revenue rose to $5.5 billion.
        kind: number
        value: "5.5 billion"
        unit: USD
        match: [revenue]
    """)


def story(d: Path, claims: str = CLAIM, body: str = BODY, header: str | None = None, name: str = "desk") -> None:
    """A story folder: claims.yaml and one source `name`.txt."""
    (d / "sources").mkdir(exist_ok=True)
    (d / "claims.yaml").write_text(claims, encoding="utf-8")
    head = header if header is not None else HEADER.format(id=name, published="2024-03-04")
    (d / "sources" / f"{name}.txt").write_text(head + body, encoding="utf-8")


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], list[str]]  # writes the input into a directory, returns the arguments
    exit: int  # 0 clean, 1 problems found, 2 unreadable input
    message: str = ""  # a regular expression the output (stdout + stderr) must contain
    large: bool = False  # timed by bench/bench_hostile.py


CASES: list[Case] = []


def case(name: str, exit: int, message: str = "", large: bool = False) -> Callable[
        [Callable[[Path], list[str]]], Callable[[Path], list[str]]]:
    def register(build: Callable[[Path], list[str]]) -> Callable[[Path], list[str]]:
        CASES.append(Case(name, build, exit, message, large=large))
        return build
    return register


# ---------------------------------------------------------------- 1. data that vanishes

for _key, _yaml in [
    ("statement", "  - id: a\n    statement:\n    kind: text\n"),
    ("id", "  - id:\n    statement: The company grew.\n"),
    ("kind", "  - id: a\n    statement: The company grew.\n    kind:\n"),
    ("excerpt", "  - id: a\n    statement: The company grew.\n    evidence:\n      - source: desk\n"
                "        excerpt:\n        stance: supports\n"),
    ("source", "  - id: a\n    statement: The company grew.\n    evidence:\n      - source:\n"
               "        excerpt: revenue rose\n        stance: supports\n"),
]:
    def _null(d: Path, text: str = _yaml) -> list[str]:
        story(d, "claims:\n" + text)
        return ["check"]
    case(f"null-{_key}", 1, rf"claims\.yaml:\d+:\d+: error: .*'{_key}'")(_null)


# ---------------------------------------------------------------- 2. escape codes from every place

@case("osc-in-text-value", 0)
def _osc_value(d: Path) -> list[str]:
    story(d, "claims:\n  - id: a\n    statement: The company grew.\n    kind: text\n"
             "    value: \"\\e]2;pwned\\a\\e[2Jgrew\"\n")
    return ["report"]


@case("esc-in-source-file-name", 1, "header id")
def _esc_name(d: Path) -> list[str]:
    story(d)
    (d / "sources" / f"x{ESC}[31mred{ESC}]2;t\x07.txt").write_text(HEADER.format(id="x", published="2024-03-04")
                                                                     + BODY, encoding="utf-8")
    return ["check"]


@case("esc-in-source-file-name-github", 1, "::error file=")
def _esc_name_gh(d: Path) -> list[str]:
    _esc_name(d)
    return ["check", "--format", "github"]


@case("esc-in-header-title", 0)
def _esc_title(d: Path) -> list[str]:
    story(d, header="---\nid: desk\ntitle: \"\\e[2J\\e]2;x\\aT\"\npublisher: \"\\e[31mP\"\n"
                    "published: 2024-03-04\n---\n")
    return ["report"]


@case("rich-markup-in-claim", 0)
def _markup(d: Path) -> list[str]:
    story(d, "claims:\n  - id: a\n    statement: \"[bold red]The company[/] grew [link=http://x]here[/link].\"\n"
             "    kind: text\n    value: \"[blink]x[/blink]\"\n")
    return ["report"]


@case("bidi-in-source", 0)
def _bidi(d: Path) -> list[str]:
    story(d, body="Revenue was \u202e$5.5 billion\u202c in the quarter.\n")
    return ["report"]


# ---------------------------------------------------------------- 3. small files, huge work

@case("alias-bomb-claims", 2, r"claims\.yaml.*alias", large=True)
def _alias_claims(d: Path) -> list[str]:
    ev = "x-ev: &ev {source: desk, excerpt: \"revenue rose to $5.5 billion\"}\n"
    cl = ("x-cl: &cl {id: a, statement: Revenue rose., kind: number, value: \"5.5 billion\", unit: USD, "
          "evidence: [" + ", ".join(["*ev"] * 200) + "]}\n")
    story(d, ev + cl + "claims: [" + ", ".join(["*cl"] * 1000) + "]\n")
    return ["report"]


@case("alias-bomb-header", 1, r"desk\.txt:\d+:\d+: error: .*aliases", large=True)
def _alias_header(d: Path) -> list[str]:
    levels = ["&a0 [" + ", ".join(["x"] * 10) + "]"]
    levels += [f"&a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    story(d, header="---\nid: desk\ntitle: T\npublished: [" + ", ".join(levels) + "]\n---\n")
    return ["check"]


# ---------------------------------------------------------------- 4. tracebacks

for _name, _published in [("feb-30", "2024-02-30"), ("year-0", "0000-00-00")]:
    def _bad_date(d: Path, p: str = _published) -> list[str]:
        story(d, header=HEADER.format(id="desk", published=p))
        return ["check"]
    case(f"published-{_name}", 1, r"desk\.txt:5:\d+: error: .*published")(_bad_date)


@case("deep-nesting-header", 1, r"desk\.txt")
def _deep(d: Path) -> list[str]:
    story(d, header="---\nid: desk\ntitle: T\nurl: " + "[" * 10000 + "]" * 10000 + "\n---\n")
    return ["check"]


@case("huge-number-title", 1, r"desk\.txt:3:\d+: error: .*title")
def _huge_title(d: Path) -> list[str]:
    story(d, header="---\nid: desk\ntitle: " + "9" * 5000 + "\n---\n")
    return ["check"]


@case("huge-number-value", 1, r"claims\.yaml:5:\d+: error: .*value")
def _huge_value(d: Path) -> list[str]:
    story(d, CLAIM.replace('"5.5 billion"', "9" * 400))
    return ["check"]


@case("chain-1500-reverse", 0, large=True)
def _chain(d: Path) -> list[str]:
    story(d, "claims:\n" + "".join(
        f"  - {{id: c{i}, statement: Event {i} happened., kind: date, value: \"2024-01-01\""
        + (f", after: c{i + 1}" if i < 1499 else "") + "}\n" for i in range(1500)))
    return ["check"]


@case("future-grace-huge", 0)  # past year 9999: never
def _grace(d: Path) -> list[str]:
    story(d)
    return ["report", "--future-grace", "3000000"]


@case("published-9999", 0)
def _y9999(d: Path) -> list[str]:
    story(d, header=HEADER.format(id="desk", published="9999-12-31"))
    return ["report", "--future-grace", "30"]


@case("stdout-full-disk", 2, r"cannot write")
def _full(d: Path) -> list[str]:
    story(d)
    return ["report", ">/dev/full"]


# ---------------------------------------------------------------- 5. quoted dates and no cascade

@case("quoted-published", 0)
def _quoted(d: Path) -> list[str]:
    story(d, header=HEADER.format(id="desk", published="\"2024-03-04\""))
    return ["check"]


@case("datetime-published", 0)
def _datetime(d: Path) -> list[str]:
    story(d, header=HEADER.format(id="desk", published="2024-03-04T10:30:00Z"))
    return ["check"]


@case("bad-header-no-cascade", 1, r"desk\.txt")
def _no_cascade(d: Path) -> list[str]:
    story(d, CLAIM + "    evidence:\n      - {source: desk, excerpt: \"revenue rose to $5.5 billion\"}\n",
          header="---\nid: desk\ntitle: T\nsurprise: 1\n---\n")
    return ["check"]


@case("bad-value-no-cascade", 1, r"claims\.yaml:5")
def _value_cascade(d: Path) -> list[str]:
    story(d, "claims:\n  - id: a\n    statement: A happened.\n    kind: date\n    value: \"2024-13-45\"\n"
             "  - id: b\n    statement: B happened.\n    kind: date\n    value: \"2024-05-01\"\n    after: a\n")
    return ["check"]


# ---------------------------------------------------------------- 6. hidden characters

@case("zero-width-in-year", 0, r'"verdict": "conflict"')
def _zwsp(d: Path) -> list[str]:
    story(d, "claims:\n  - id: launch\n    statement: The product launched in April 2026.\n    kind: date\n"
             "    value: \"2026-04\"\n    match: [launched]\n", body="The product launched in April 20\u200b24.\n")
    return ["report", "--format", "json"]


@case("soft-hyphen-in-figure", 0, r'"verdict": "consistent"')
def _shy(d: Path) -> list[str]:
    story(d, "claims:\n  - id: cap\n    statement: The company is worth $1.9 trillion.\n    kind: number\n"
             "    value: \"1.9 trillion\"\n    unit: USD\n    match: [worth]\n",
          body="The company is worth $1.\u00ad9 trillion.\n")
    return ["report", "--format", "json"]


@case("minus-sign", 0, r'"verdict": "conflict"')
def _minus(d: Path) -> list[str]:
    story(d, "claims:\n  - id: flow\n    statement: Net flows were 5,000 contracts.\n    kind: number\n"
             "    value: \"5000\"\n    unit: contracts\n    match: [flows]\n",
          body="Net flows were \u22125,000 contracts.\n")
    return ["report", "--format", "json"]


# ---------------------------------------------------------------- 7. grows too fast

@case("chain-10000", 0, large=True)
def _chain10k(d: Path) -> list[str]:
    story(d, "claims:\n" + "".join(
        f"  - {{id: c{i}, statement: Event {i} happened., kind: date, value: \"2024-01-01\""
        + (f", after: c{i - 1}" if i else "") + "}\n" for i in range(10000)))
    return ["timeline"]


@case("source-50mb", 2, r"big\.txt.*MB.*--max-source-mb", large=True)
def _big(d: Path) -> list[str]:
    story(d)
    with open(d / "sources" / "big.txt", "w", encoding="utf-8") as f:
        f.write(HEADER.format(id="big", published="2024-03-04"))
        para = BODY * 10
        for _ in range(50 * 1024 * 1024 // len(para)):
            f.write(para)
    return ["report"]


@case("source-at-the-limit", 0, large=True)  # the worst 1 MB: every paragraph about the claim
def _at_limit(d: Path) -> list[str]:
    story(d)
    with open(d / "sources" / "big.txt", "w", encoding="utf-8") as f:
        f.write(HEADER.format(id="big", published="2024-03-04"))
        para = BODY * 10
        for _ in range(1000 * 1024 // len(para)):
            f.write(para)
    return ["report"]


# ---------------------------------------------------------------- 8. CI output on unreadable input

@case("syntax-error-github", 2, r"::error file=claims\.yaml,line=\d+")
def _syntax_gh(d: Path) -> list[str]:
    story(d, "claims:\n  - {id: x\n")
    return ["check", "--format", "github"]


@case("syntax-error-json", 2, r"\"input_error\"")
def _syntax_json(d: Path) -> list[str]:
    story(d, "claims:\n  - {id: x\n")
    return ["check", "--format", "json"]


@case("unclosed-quote", 2, r"claims\.yaml:3:")
def _quote(d: Path) -> list[str]:
    story(d, "claims:\n  - id: a\n    statement: \"The company grew.\n    kind: text\n\n  - id: b\n"
             "    statement: x\n")
    return ["check"]


# ---------------------------------------------------------------- 9. smaller ones

@case("lone-cr-source", 0)
def _cr(d: Path) -> list[str]:
    story(d)
    p = d / "sources" / "desk.txt"
    p.write_bytes(p.read_bytes().replace(b"\n", b"\r"))
    return ["check"]


@case("symlink-loop", 0, r"loop\.txt")
def _loop(d: Path) -> list[str]:
    story(d)
    os.symlink("loop.txt", d / "sources" / "loop.txt")
    return ["check"]


@case("symlink-outside", 0, r"outside\.txt")
def _outside(d: Path) -> list[str]:
    story(d)
    (d / "secret.txt").write_text(HEADER.format(id="outside", published="2024-03-04") + BODY, encoding="utf-8")
    os.symlink(d / "secret.txt", d / "sources" / "outside.txt")
    return ["check"]


@case("huge-value-echo", 1, r"value")
def _huge_echo(d: Path) -> list[str]:
    story(d, CLAIM.replace('"5.5 billion"', '"' + "x" * 200_000 + '"'))
    return ["check"]


@case("percent-without-unit", 0, r'"verdict": "consistent"')
def _pct(d: Path) -> list[str]:
    story(d, "claims:\n  - id: share\n    statement: Revenue rose 5%.\n    kind: number\n    value: \"5%\"\n"
             "    match: [revenue]\n", body="Revenue rose 5% in the quarter.\n")
    return ["report", "--format", "json"]


@case("one-error-grammar", 1, r"1 error,")
def _one(d: Path) -> list[str]:
    story(d, "claims:\n  - id: a\n    statement:\n")
    return ["check"]


@case("dashed-excerpt", 0, r"0 warnings")  # " - " and doubled spaces for an unspaced em dash: exact
def _dash(d: Path) -> list[str]:
    story(d, CLAIM + "    evidence:\n      - {source: desk, excerpt: \"Revenue was $5.5 billion in the quarter - the  "
          "company said\"}\n", body="Revenue was $5.5 billion in the quarter\u2014the company said.\n")
    return ["check"]


# ---------------------------------------------------------------- handled before: keep them so

@case("python-tag", 1, r"claims\.yaml:1:\d+")
def _python_tag(d: Path) -> list[str]:
    story(d, "claims: !!python/object/apply:os.system [\"touch pwned\"]\n")
    return ["check"]


@case("binary-claims", 2, r"not UTF-8")
def _binary(d: Path) -> list[str]:
    story(d)
    (d / "claims.yaml").write_bytes(bytes(range(256)) * 4)
    return ["check"]


@case("nul-in-source", 0)
def _nul(d: Path) -> list[str]:
    story(d, body="Revenue was $5.5 billion\x00 in the quarter.\n")
    return ["report"]


@case("utf16-source", 2, r"desk\.txt.*UTF-8")
def _utf16(d: Path) -> list[str]:
    story(d)
    p = d / "sources" / "desk.txt"
    p.write_bytes(p.read_text(encoding="utf-8").encode("utf-16"))
    return ["check"]


@case("cp1252-source", 2, r"desk\.txt.*UTF-8")
def _cp1252(d: Path) -> list[str]:
    story(d, body="Revenue was \u20ac5.5 billion \u2014 caf\u00e9.\n")
    p = d / "sources" / "desk.txt"
    p.write_bytes(p.read_text(encoding="utf-8").encode("cp1252"))
    return ["check"]


@case("crlf-everywhere", 0)
def _crlf(d: Path) -> list[str]:
    story(d)
    for p in [d / "claims.yaml", d / "sources" / "desk.txt"]:
        p.write_bytes(p.read_bytes().replace(b"\n", b"\r\n"))
    return ["check"]


@case("fifo-source", 0, r"pipe\.txt")
def _fifo(d: Path) -> list[str]:
    story(d)
    os.mkfifo(d / "sources" / "pipe.txt")
    return ["check"]


@case("googol-digits", 1, r"value")
def _googol(d: Path) -> list[str]:
    story(d, CLAIM.replace('"5.5 billion"', '"1' + "0" * 100_000 + '"'))
    return ["check"]


@case("inf-and-nan", 1, r"value")
def _inf(d: Path) -> list[str]:
    other = CLAIM.split("\n", 1)[1].replace("id: revenue", "id: other").replace('"5.5 billion"', ".nan")
    story(d, CLAIM.replace('"5.5 billion"', '"1e309"') + other)
    return ["check"]


@case("impossible-claim-date", 1, r"claims\.yaml:5")
def _impossible(d: Path) -> list[str]:
    story(d, "claims:\n  - id: a\n    statement: A happened.\n    kind: date\n    value: \"2023-02-29\"\n")
    return ["check"]


@case("duplicate-ids", 1, r"duplicate-id")
def _dup(d: Path) -> list[str]:
    story(d, CLAIM + CLAIM.split("\n", 1)[1])
    return ["check"]


@case("dotdot-id", 1, r"slug")
def _dotdot(d: Path) -> list[str]:
    story(d, CLAIM + "    evidence:\n      - {source: ../../etc/passwd, excerpt: root}\n"
          + "  - id: ../x\n    statement: X.\n")
    return ["check"]


@case("claims-20000", 0, large=True)
def _many_claims(d: Path) -> list[str]:
    story(d, "claims:\n" + "".join(f"  - {{id: c{i}, statement: Revenue number {i} rose., kind: number, "
                                   f"value: \"{i}\", unit: USD, match: [revenue]}}\n" for i in range(20000)))
    return ["check"]


@case("sources-10000", 0, large=True)
def _many_sources(d: Path) -> list[str]:
    story(d)
    for i in range(10000):
        (d / "sources" / f"s{i}.txt").write_text(HEADER.format(id=f"s{i}", published="2024-03-04") + BODY,
                                                 encoding="utf-8")
    return ["report"]
