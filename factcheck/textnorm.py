"""Typography folding with a map back to the original text.

A fact-checker quotes exactly, but curators paste excerpts with straight quotes where the article
has curly ones, with line breaks where it has spaces, or with a different dash. Folding both sides
removes those differences while remembering where each folded character came from, so a match can
be reported at the source's real line and column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    "\u2026": "...",
}
# One character for one: offsets into plain(text) are offsets into text.
_PLAIN = str.maketrans({k: v for k, v in _CHAR_MAP.items() if len(v) == 1} | {"\u00a0": " ", "\u202f": " "})
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
# Printable ASCII that folds to itself (no space, hyphen or mapped character), two or more at a time
_RUN = re.compile("[" + "".join(re.escape(chr(c)) for c in range(0x21, 0x7f)
                                if chr(c) != "-" and chr(c) not in _CHAR_MAP) + "]{2,}")
ELLIPSIS = re.compile(r"\s*(?:\[\s*\.\.\.\s*\]|\.\.\.)\s*")


@dataclass(frozen=True)
class Folded:
    """Folded text and, for each of its characters, the offset of its origin in the original."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covered by the folded span [start, end)."""
        if not self.origin:
            return (0, 0)
        start = min(max(start, 0), len(self.origin) - 1)
        last = min(max(end - 1, start), len(self.origin) - 1)
        return (self.origin[start], self.origin[last] + 1)


def plain(text: str) -> str:
    """Straight quotes and plain hyphens, case and length kept, so offsets stay valid."""
    return text.translate(_PLAIN)


def fold(text: str) -> Folded:
    """Lower-case, straighten quotes, unify dashes, collapse whitespace, drop zero-width marks."""
    out: list[str] = []
    origin: list[int] = []
    pending_space = -1
    i = 0
    while i < len(text):
        run = _RUN.match(text, i)
        if run:  # most of a text: ASCII that folds to itself, lower-cased at once
            if pending_space >= 0:
                if out:
                    out.append(" ")
                    origin.append(pending_space)
                pending_space = -1
            out.append(run.group().lower())
            origin.extend(range(i, run.end()))
            i = run.end()
            continue
        ch = text[i]
        i += 1
        if ch in _ZERO_WIDTH:
            continue
        dash = ch in _DASH_CHARS and _is_dash(text, i - 1)
        if ch == "-" and out and out[-1][-1] == "-" and origin[-1] == i - 2 and _is_dash(text, i - 2):
            continue  # "--" is one dash
        if dash and out and pending_space < 0:
            pending_space = i - 1  # a dash between words reads the same spaced or not: "quarter—the"
        if ch.isspace():
            if pending_space < 0:
                pending_space = i - 1
            continue
        if pending_space >= 0:
            if out:
                out.append(" ")
                origin.append(pending_space)
            pending_space = -1
        mapped = _CHAR_MAP.get(ch)
        if mapped is None:
            mapped = unicodedata.normalize("NFKC", ch).lower() if not ch.isascii() else ch.lower()
        for m in mapped:
            out.append(m)
            origin.append(i - 1)
        if dash and pending_space < 0:
            pending_space = i - 1  # and a space after it
    return Folded("".join(out), tuple(origin))


_DASHES = "\u2014\u2015"  # em dash, horizontal bar: always punctuation
_DASH_CHARS = _DASHES + "-\u2013"


def _is_dash(text: str, i: int) -> bool:
    """Whether text[i] is a dash between words, not a hyphen, a minus or a range: an em dash; "--";
    an en dash or hyphen with a space on one side ("quarter – the", "quarter - the"), not "5–10",
    "-5,000" or "state-owned"."""
    ch = text[i]
    if ch in _DASHES:
        return True
    if ch not in "-\u2013":
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == "-" and (after == "-" or before == "-"):
        return True
    if after.isdigit():
        return False  # a minus sign ("-5,000") or a range ("5–10")
    return before.isspace() or after.isspace()


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Source text made safe for a terminal: control and bidi characters shown as escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def one_line(text: str, limit: int = 160) -> str:
    """Whitespace collapsed, control characters escaped, shortened to `limit` characters."""
    flat = printable(" ".join(text.split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


CLIP = 200  # characters of a user's value quoted in a message


def clip(text: str, limit: int = CLIP) -> str:
    """A value from the user's files, quoted in a message: escaped like source text, and cut to
    `limit` characters with the length it had (a 200 KB value is not echoed in full)."""
    shown = printable(" ".join(text.split()))
    return shown if len(shown) <= limit else f"{shown[:limit]}… ({len(text):,} characters)"


def count(n: int, noun: str) -> str:
    """ "1 error", "2 errors": a count with its noun, for messages."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
