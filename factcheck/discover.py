"""Find the passages of all sources that speak about a claim.

With `match`, a passage is about a claim when it contains every phrase (`a|b` for alternatives).
Sharing words is not enough — a sentence about V3's GPU-hours does not name V4-Pro.

Without `match`, the statement is matched term by term, each term weighted by how rare it is in
the corpus (inverse document frequency over passages): a passage is about the claim when it holds
most of the statement's weight (MIN_COVERAGE) and names at least one of its *specific* names. A name
that most sources use (STORY_WIDE) is the story's own subject — articles call it "he", "the bank",
"the striker" — so it is not required; a rarer one ("Ligue 1", "Toulouse") pins the fact. A passage
with less weight (down to WEAK_COVERAGE), or without a specific name, only may be about the claim:
its conflicts are for review. rapidfuzz then scores how close the passage is to the statement, to
rank findings.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from factcheck.claims import Claim
from factcheck.frames import GENERIC_NAME_WORDS, NAME_RUN, STOP_WORDS, word_stem
from factcheck.textnorm import fold, plain

STORY_WIDE = 0.5  # a name in more than this share of the sources is the story's own subject
MIN_COVERAGE = 0.5  # share of the statement's rarity-weighted terms a passage must hold
WEAK_COVERAGE = 0.4  # from here (or without a specific name), a passage may be about the claim: for review

# Capitalised words that open sentences or are too common to name a subject.
_COMMON = frozenset(
    "a an the this that these those it its in on at of for to by with from and or but as is are was were "
    "be been has have had not no reports report according some many most all any each every one two "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_NAME = re.compile(r"[A-Za-z0-9][\w'’.-]*[\w]|[A-Z0-9]")
_DIGITS_ONLY = re.compile(r"^[\d.,]+$")


@dataclass(frozen=True)
class Term:
    """One term of a statement: a content stem ("deposit") or a name ("@mbappe" or "@psg"), with
    its weight in the corpus (rarer weighs more)."""

    text: str
    keys: frozenset[str]  # passage terms any of which holds it
    weight: float
    name: bool
    specific: bool = False  # a name that at most STORY_WIDE of the sources use


@dataclass(frozen=True)
class Topic:
    """A claim's subject, compiled once: one pattern per required phrase, or for a claim without
    `match`, the statement's weighted terms (and one pattern of its specific names, to place them)."""

    claim: str
    phrases: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    needles: tuple[tuple[str, ...], ...]  # per phrase, a lower-case word each alternative must contain
    statement: str  # folded, for fuzzy scoring
    terms: tuple[Term, ...] = ()  # set for a claim found by its statement alone

    @property
    def by_statement(self) -> bool:
        return bool(self.terms)


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    alternatives = []
    for alt in plain(phrase).split("|"):
        words = re.split(r"[\s-]+", alt.strip())
        body = r"[\s-]*".join(re.escape(w) for w in words if w)
        # Left edge: not inside a word, except where table cells are glued ("2024Pre-training").
        # Right edge: not followed by a lower-case letter or digit (a capital starts a glued cell).
        # An inflected form counts: "Conservative" finds "Conservatives" and "Conservatives'".
        alternatives.append(rf"(?:(?<![A-Za-z0-9])|(?<=[a-z0-9])(?=[A-Z]))(?i:{body}(?:e?s)?)(?![a-z0-9])")
    return re.compile("|".join(alternatives))


def subject_names(statement: str) -> tuple[str, ...]:
    """The names in a statement: capitalised words and letter-digit identifiers, not figures."""
    names: list[str] = []
    for word in _NAME.findall(plain(statement)):
        word = word.rstrip(".'")
        if (word.lower() in _COMMON or _DIGITS_ONLY.match(word)
                or not (word[0].isupper() or any(c.isdigit() for c in word))):
            continue
        if word not in names:
            names.append(word)
    return tuple(names)


def _needles(phrase: str) -> tuple[str, ...]:
    return tuple(max(re.split(r"[\s-]+", alt.strip().lower()), key=len) for alt in plain(phrase).split("|"))


def _deaccent(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_TERM_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # hyphenated words are two terms
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")  # "U.S." is the name "US"


def _acronym(run: str) -> str:
    words = [w for w in re.split(r"[\s-]+", run) if w[:1].isupper()]
    return "".join(w[0] for w in words).lower() if len(words) > 1 else ""


def _name_key(word: str) -> str:
    return "@" + word.lower().removesuffix("'s").removesuffix("’s")


@functools.lru_cache(maxsize=8192)  # asked again for a passage by other claims and by contest
def passage_terms(text: str) -> frozenset[str]:
    """A passage's terms: content stems ("announc", "deposit") and names ("@mbappe", and "@psg"
    for "Paris Saint-Germain"), accents folded. Read once per passage."""
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), _deaccent(plain(text)))
    terms: set[str] = set()
    for m in _TERM_WORD.finditer(text):
        word = m.group()
        low = word.lower()
        if word[0].isupper():
            terms.add(_name_key(word))
        if low not in STOP_WORDS and len(low) >= 3:
            terms.add(word_stem(low))
    for m in NAME_RUN.finditer(text):
        if acronym := _acronym(m.group()):
            terms.add("@" + acronym)
    return frozenset(terms)


@dataclass(frozen=True)
class Rarity:
    """How many passages and sources of the corpus hold each term."""

    passages: int
    sources: int
    in_passages: Counter[str]
    in_sources: Counter[str]

    @classmethod
    def of(cls, corpus_terms: Iterable[Sequence[frozenset[str]]]) -> Rarity:
        """From each source's passage terms."""
        in_passages: Counter[str] = Counter()
        in_sources: Counter[str] = Counter()
        passages = sources = 0
        for per_passage in corpus_terms:
            sources += 1
            passages += len(per_passage)
            for terms in per_passage:
                in_passages.update(terms)
            in_sources.update(frozenset().union(*per_passage))
        return cls(passages, sources, in_passages, in_sources)

    def weight(self, keys: frozenset[str]) -> float:
        """Inverse document frequency; 0 for a term no passage holds."""
        df = max(self.in_passages[k] for k in keys)
        return math.log((self.passages + 1) / df) if df else 0.0

    def share_of_sources(self, keys: frozenset[str]) -> float:
        return max(self.in_sources[k] for k in keys) / self.sources if self.sources else 0.0


def statement_terms(statement: str, rarity: Rarity) -> tuple[Term, ...]:
    """The statement's names and content stems that the corpus holds, each weighted by rarity.
    A capitalised word the corpus never writes as a name ("Investigators …") is a content word."""
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), _deaccent(plain(statement)))
    terms: list[Term] = []
    seen: set[str] = set()
    named: set[str] = set()
    for run in NAME_RUN.finditer(text):
        words = [w for w in _TERM_WORD.findall(run.group()) if w.lower() not in _COMMON]
        keys = {_name_key(w) for w in words if w.lower() not in GENERIC_NAME_WORDS}
        if acronym := _acronym(run.group()):
            keys.add("@" + acronym)
        keys = {k for k in keys if rarity.in_passages[k]}
        if not keys or keys & seen:
            continue
        seen |= keys
        named |= {w.lower() for w in words}
        weight = rarity.weight(frozenset(keys))
        specific = rarity.share_of_sources(frozenset(keys)) <= STORY_WIDE
        terms.append(Term(" ".join(words), frozenset(keys), weight, True, specific))
    for word in _TERM_WORD.findall(text):
        low = word.lower()
        stem = word_stem(low)
        if low in named or low in STOP_WORDS or low in _COMMON or len(low) < 3 or stem in seen:
            continue
        seen.add(stem)
        if weight := rarity.weight(frozenset({stem})):
            terms.append(Term(low, frozenset({stem}), weight, False))
    return tuple(terms)


def coverage(t: Topic, terms: frozenset[str]) -> tuple[float, bool]:
    """Share of the statement's weight a passage's terms hold, and whether the passage names one of
    the statement's specific names (or the statement has none)."""
    specific = [term for term in t.terms if term.specific]
    named = not specific or any(term.keys & terms for term in specific)
    total = sum(term.weight for term in t.terms)
    share = sum(term.weight for term in t.terms if term.keys & terms) / total if total else 0.0
    return share, named


def doubt(t: Topic, terms: frozenset[str], covered: tuple[float, bool] | None = None) -> str | None:
    """For a claim found by its statement: None when a passage is about it, else why it only may be
    ("" when it is not about it at all). `covered`: coverage(t, terms), if the caller has it."""
    share, named = covered or coverage(t, terms)
    if share >= MIN_COVERAGE and named:
        return None
    if share < WEAK_COVERAGE:
        return ""
    if not named:
        return f"it names none of the statement's specific names ({', '.join(x.text for x in t.terms if x.specific)})"
    return f"it holds only {share:.0%} of the statement's terms, weighted by rarity"


def is_about(t: Topic, text: str, header: str = "", table_row: bool = False) -> bool:
    """Whether a passage is about the claim (see the module's docstring)."""
    if t.by_statement:
        return doubt(t, passage_terms(f"{header} {text}")) is None
    if not t.patterns:
        return False
    return (row_hits(t, text, header) if table_row else subject_hits(t, text)) is not None


def topic(claim: Claim, rarity: Rarity | None = None) -> Topic:
    """A claim's subject: its `match` phrases; without them (and given the corpus's rarity), its
    statement's weighted terms."""
    if claim.match or rarity is None:
        phrases = claim.match or subject_names(claim.statement)
        return Topic(claim.id, phrases, tuple(_phrase_pattern(p) for p in phrases),
                     tuple(_needles(p) for p in phrases), fold(claim.statement).text)
    terms = statement_terms(claim.statement, rarity)
    # Its specific names, as written (accents kept) and folded, to place them in a passage; the
    # story's own subject is not required there either ("The 25-year-old made the announcement …").
    keys = {k for term in terms if term.specific for k in term.keys}
    written = {w for m in NAME_RUN.finditer(plain(claim.statement)) for w in _TERM_WORD.findall(m.group())
               if _name_key(_deaccent(w)) in keys}
    names = sorted(written | {k[1:] for k in keys}, key=len, reverse=True)
    phrases = ("|".join(names),) if names else ()
    return Topic(claim.id, phrases, tuple(_phrase_pattern(p) for p in phrases), (),
                 fold(claim.statement).text, terms)


def subject_hits(topic: Topic, text: str, haystack: str | None = None) -> list[tuple[int, int]] | None:
    """Spans in `text` of each required phrase (first occurrence), or None if one is missing.

    `haystack` is plain(text) when the caller has it already (passages are matched per claim)."""
    haystack = plain(text) if haystack is None else haystack
    lower = haystack.lower()
    # A substring test per phrase rules out most passages before any regex runs.
    if not all(any(n in lower for n in needles) for needles in topic.needles):
        return None
    hits = []
    for pattern in topic.patterns:
        m = pattern.search(haystack)
        if m is None:
            return None
        hits.append(m.span())
    return hits


def row_hits(topic: Topic, row: str, header: str) -> list[tuple[int, int]] | None:
    """Like subject_hits for a table row, whose column names sit in the table's header row.

    The row itself must name part of the subject ("H100"); the rest may be a column name ("TFLOPS").
    """
    haystack, names = plain(row), plain(header)
    hits = []
    for pattern in topic.patterns:
        m = pattern.search(haystack)
        if m is not None:
            hits.append(m.span())
        elif not pattern.search(names):
            return None
    return hits or None


def relevance(topic: Topic, text: str) -> float:
    """0..100: how close a passage reads to the claim's statement."""
    return round(fuzz.token_set_ratio(topic.statement, _folded(text)), 1)


@functools.lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    # One passage is scored against many claims: fold it once.
    return fold(text).text
