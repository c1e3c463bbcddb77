"""What each figure of a passage measures: its frame, read once per passage.

"Brent fell 2.2% and WTI dropped 0.7%": 2.2% is Brent's, 0.7% WTI's. "insured losses of $50
billion" measure insured losses, not the storm's total. A frame records, for one figure:

- **segment**: the stretch of its clause between coordination points (", and WTI …", "while",
  "compared with", "than the …", "whose", parentheses), which names the figure's own entity;
- **names**: the proper names that segment gives before the figure (places after "in"/"at",
  sources after "according to" or before "said" are not the figure's entity);
- **measure**: the content words right around the figure ("deposits", "recalled", "raise"),
  folded to a stem, with a few families of words that measure one thing ("killed"/"deaths"/"toll");
- **modifiers**: words from MODIFIERS, a closed list of words that change what is measured.

The same reading applies to a claim's statement, around its own figure, so that attribute.py
compares like with like. Pure functions; the frames of a prepared passage are computed once.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass

from factcheck.values import MONTHS, Mention, Quantity, unit_dimension

# Words that change what a figure measures: a figure with one of them speaks for a claim only if
# its statement has the same one. Each family is one meaning; the first spelling names it.
MODIFIERS: dict[str, tuple[str, ...]] = {
    "insured": ("insured",),
    "uninsured": ("uninsured",),
    "economic": ("economic",),
    "direct": ("direct",),
    "indirect": ("indirect",),
    "average": ("average", "avg", "mean"),
    "median": ("median",),
    "per": ("per", "each", "apiece", "a head"),
    "net": ("net",),
    "gross": ("gross", "pre-tax", "before tax"),
    "after tax": ("after tax", "after-tax"),
    "adjusted": ("adjusted", "underlying", "non-gaap"),
    "annual": ("annual", "annually", "yearly", "a year", "per year"),
    "quarterly": ("quarterly",),
    "monthly": ("monthly", "a month", "per month"),
    "weekly": ("weekly", "a week", "per week"),
    "daily": ("daily", "a day", "per day", "single-day", "one-day", "in a single day", "in one day"),
    "previous": ("previous", "prior", "former", "earlier", "old", "preceding"),
    "projected": ("projected", "forecast", "expected", "predicted", "anticipated", "proposed"),
    "preliminary": ("preliminary", "initial", "early", "provisional"),
    "so far": ("so far", "to date", "thus far", "already", "as yet"),  # a running count, not the final one
    "another": ("another", "smaller", "separate", "secondary", "additional"),  # "a smaller fissure, 100 meters long"
    "revised": ("revised", "updated"),
    "combined": ("combined", "cumulative", "collective", "together"),
    "peak": ("peak", "maximum", "max", "top", "highest"),
    "minimum": ("minimum", "lowest"),
    "sustained": ("sustained",),
    "gust": ("gust", "gusts", "gusting"),
    "inflation-adjusted": ("inflation-adjusted", "in today's dollars", "adjusted for inflation"),
}
_MODIFIER_OF = {spelling: family for family, spellings in MODIFIERS.items() for spelling in spellings}
# A spelling of several words may be hyphenated into a compound: "a €30m-a-year bonus".
_MODIFIER_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(s) for s in sorted(_MODIFIER_OF, key=len, reverse=True))
                          + r")(?![\w-])|(?<=-)(" + "|".join(re.escape(s).replace(r"\ ", "-") for s in _MODIFIER_OF
                                                    if " " in s) + r")(?![\w-])", re.IGNORECASE)


def _modifier_family(m: re.Match[str]) -> str:
    """The MODIFIERS family of a match of _MODIFIER_RE ("a-year" is "a year")."""
    return _MODIFIER_OF[m.group(1).lower()] if m.group(1) else _MODIFIER_OF[m.group(2).lower().replace("-", " ")]


_PER_SHARE = re.compile(r"\b(?:per|a)\s+(?:diluted\s+|basic\s+)?share\b", re.IGNORECASE)
MODIFIER_WINDOW = 5  # words before a figure (and 3 after) that can modify it

# Words that measure one thing under several names.
_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("death", "dead", "died", "die", "kill", "toll", "fatal", "fatalit", "live"),
    ("revenu", "sale", "turnover"),
    ("price", "cost", "paid", "pay", "valu", "worth", "deal", "bid", "offer", "acquisit", "buy", "bought",
     "purchas", "takeover", "merger", "spent", "spend", "fee", "agre"),
    ("rais", "increas", "hike", "gain", "rise", "rose", "jump", "grew", "grow", "up"),
    ("cut", "fall", "fell", "drop", "declin", "lower", "reduc", "loss", "lost", "lose", "down", "slump", "plung"),
    ("wind", "gust", "speed"),
    ("rain", "rainfal", "precipit"),
    ("temperatur", "heat", "hot", "reading", "record", "high"),
    ("recal", "affect", "cover", "fix"),
    ("strike", "walkout", "picket", "struck"),
    ("worker", "employe", "member", "staff"),
    ("deposit", "withdraw", "withdrawn", "outflow", "run"),
    ("contract", "deal", "agreement", "year"),
    ("goal", "scor", "score"),
)
_FAMILY_OF: dict[str, str] = {}
for _family in _FAMILIES:
    for _word in _family:
        _FAMILY_OF.setdefault(_word, _family[0])

STOP_WORDS = frozenset(
    "the a an and or but of in on at to for from by with as is are was were be been being has have had its "
    "their his her our this that these those it they he she we you who which what when where while than then "
    "also about around nearly almost roughly some more most less least over under up down into onto out off "
    "after before since until during per each every all any both either neither not no only just even still "
    "very much many few several such same other another new said says say according would could should will "
    "may might can did does do done there here now last first second third one two three four five six seven "
    "eight nine ten hundred thousand million billion trillion percent cent per-cent".split()
) | frozenset(MONTHS) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week weeks day days month months year years "
    "today yesterday tomorrow end start beginning time period level number amount figure figures total "
    "overall bank company firm group".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A capitalised run: "Silicon Valley Bank", "U.S.", "Team GB", "O'Brien".
NAME_RUN = re.compile(r"(?<![\w’'])(?:[A-Z][\w’'.&-]*)(?:\s+(?:of\s+|de\s+|the\s+|&\s+)?[A-Z][\w’'.&-]*)*")
_NOT_ENTITY_WORDS = frozenset(
    "the a an in on at for of to by with from as after before when while since during this that these those it its "
    "their his her our he she they we i but and or so yet if however meanwhile still also then there here what "
    "which who shares share stock stocks some many most all any each every several few both no only just "
    # time zones: "at 9:21 p.m. ET" names no one
    "et est edt pt pst pdt ct cst cdt mt mst mdt gmt utc bst cet cest jst aest".split()
) | frozenset(MONTHS) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split())
_INSTANCE = re.compile(r"^(?:[IVXLC]+|\d+[A-Za-z]?|[A-Z])$")  # one of a series: "LVIII", "II", "16", "S"
_ATTRIBUTE_SUFFIX = re.compile(r"-(?:based|born|headquartered|listed|registered|owned|backed|led)$", re.IGNORECASE)
_DEMONYM = re.compile(r"(?:ean|ian|an|ese|ish|ic)$")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|across|outside|inside|around|to|into|off|over|of|within|"
                           r"throughout|toward|towards|along)\s+(?:the\s+)?\Z", re.IGNORECASE)
_SOURCE_BEFORE = re.compile(r"\b(?:according to|said|says|told|per|cited by|by|from)\s+(?:the\s+)?\Z", re.IGNORECASE)
# A name that speaks ("X said", "X announced", "X's data") is a source, not what the figure measures.
_SOURCE_AFTER = re.compile(r"[’']?s?\s+(?:has\s+|have\s+|had\s+)?(?:said|says|estimated|estimates|estimate|"
                           r"reported|reports|projects|projected|calculated|told|data|figures|analysis|analysts?|"
                           r"report|forecast|announced|announces|confirmed|confirms|disclosed|discloses|revealed|"
                           r"reveals|stated|states|wrote|writes|noted|notes|added|warned|warns|predicted|predicts|"
                           r"counted|found|finds|showed|shows|calculates|puts|put|tallied)\b", re.IGNORECASE)

# Where one figure's entity may give way to another's: a comma before a conjunction, "and"/"while"
# before a new named subject, comparisons ("compared with", "than the", "versus"), "whose",
# parentheses and the clause breaks (";", ":", dashes).
_SEGMENT_BREAK = re.compile(
    r"[;:()](?=\s|\w|$)|\s[—–-]{1,2}\s|—|,\s+(?=(?:and|but|while|whereas|though|although|yet|with)\s)|"
    r"\s(?:and|while|whereas|but)\s+(?=(?:the\s+|its\s+)?[A-Z])|"
    r"\b(?:compared (?:with|to)|versus|vs\.?|whose|ahead of|behind)\s|"
    r"\bthan\s+(?=(?:the\s+|its\s+|that\s+of\s+)?[A-Za-z])")


@dataclass(frozen=True)
class Frame:
    """What one figure of a passage measures."""

    mention: Mention
    segment: tuple[int, int]  # offsets in the passage
    names: tuple[str, ...]  # entity names in the segment before the figure
    measure: frozenset[str]  # word stems (or families) around the figure
    modifiers: frozenset[str]  # MODIFIERS families near the figure
    between: tuple[int, int] = (0, 0)  # its segment, between the neighbouring figures
    converts: Mention | None = None  # the figure this one converts: "10 million hectares (24.7 million acres)"


def _unsuffixed(word: str) -> str:
    w = word.lower().strip("’'").removesuffix("’s").removesuffix("'s")
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "ly", "s", "e", "y"):
        if len(w) - len(suffix) >= 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def word_stem(word: str) -> str:
    """A crude stem that makes inflections meet: "announced" and "announcement" are "announc"."""
    return _unsuffixed(word)[:7]


@functools.lru_cache(maxsize=65536)  # asked for every word near every figure: a vocabulary is small
def _stem(word: str) -> str:
    """word_stem, or the family of words that measure one thing ("killed" and "toll": "death")."""
    w = _unsuffixed(word)
    for stem, family in _FAMILY_OF.items():
        if w.startswith(stem) or (len(w) >= 4 and stem.startswith(w)):
            return family
    return w[:7]


def _content(text: str, sentence_start: bool) -> list[str]:
    out = []
    for i, m in enumerate(_WORD.finditer(text)):
        word = m.group()
        low = word.lower()
        if low in STOP_WORDS or len(low) < 3 or low in _MODIFIER_OF:
            continue
        if word[0].isupper() and not (sentence_start and i == 0):
            continue  # a name, compared through `names`
        out.append(_stem(word))
    return out


@functools.lru_cache(maxsize=8192)
def segment_breaks(text: str) -> tuple[int, ...]:
    return tuple(sorted({m.end() for m in _SEGMENT_BREAK.finditer(text)}))


def segment(text: str, offset: int) -> tuple[int, int]:
    breaks = segment_breaks(text)
    index = bisect.bisect_right(breaks, offset)
    return (breaks[index - 1] if index else 0), (breaks[index] if index < len(breaks) else len(text))


_SENTENCE_START = re.compile(r"(?:\A|[.!?]\s+|\n)[\W_]*\Z")
_MID_SENTENCE_CAPS = re.compile(r"(?<=[a-z,;]\s)([A-Z][\w’'&-]*)")


def proper_words(document: str) -> frozenset[str]:
    """Capitalised words a document uses mid-sentence: names, not words that open sentences."""
    return frozenset(m.group(1) for m in _MID_SENTENCE_CAPS.finditer(document))


def names_in(text: str, start: int, end: int, proper: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Entity names in text[start:end]: capitalised runs that are not places, sources or common words.
    A single word that opens a sentence is a name only if the document also capitalises it mid-sentence
    ("Investigators found…" is not a name; "Tesla recalled…" is)."""
    found = []
    asides = [a.span() for a in _RELATIVE_ASIDE.finditer(text, start, end)]
    for m in NAME_RUN.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in asides):
            continue  # "The area, which lies not far from the capital Reykjavik, has …": an aside
        name = m.group().rstrip(".’'")
        words = [w for w in re.split(r"\s+", name) if w.lower().strip(".’'") not in _NOT_ENTITY_WORDS]
        if not words or any(w.split("-")[0].lower() in _NOT_ENTITY_WORDS for w in words):
            continue  # "September-quarter revenue" is a period, not an entity
        if _ATTRIBUTE_SUFFIX.search(words[-1]):
            continue  # "the Santa Clara-based bank": where the subject is, not another entity
        if len(words) == 1 and _DEMONYM.search(words[0]) and _LOWER_NEXT.match(text, m.end()):
            continue  # "the 15-time European champions": an adjective, not another entity
        if (len(words) == 1 and _SENTENCE_START.search(text, 0, m.start()) and words[0] not in proper
                and not words[0].isupper()):
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        # "in Super Bowl LVIII" names an event of a series, not a place.
        place = _PLACE_BEFORE.search(before) and not (len(words) > 1 and _INSTANCE.match(words[-1]))
        if place or _SOURCE_BEFORE.search(before) or _SOURCE_AFTER.match(text, m.end()):
            continue
        found.append(" ".join(words))
    return tuple(found)


def modifiers_near(text: str, start: int, end: int, lo: int, hi: int) -> frozenset[str]:
    """MODIFIERS families within MODIFIER_WINDOW words before [start, end) and three after, inside [lo, hi)."""
    # "$758.3 per share": a price is per share; that names no other measure
    before = _PER_SHARE.sub(" ", text[lo:start]).split()[-MODIFIER_WINDOW:]
    after = _PER_SHARE.sub(" ", text[end:hi]).split()[:3]
    window = " ".join(before) + " | " + " ".join(after)
    return frozenset(_modifier_family(m) for m in _MODIFIER_RE.finditer(window))


def segment_words(text: str, start: int, end: int) -> frozenset[str]:
    """Content stems of a whole segment (an event's verb and object, around its date)."""
    return frozenset(_content(text[start:end], start == 0))


MEASURE_WINDOW = 4  # words each side of a figure that say what it measures


def measure_near(text: str, start: int, end: int, lo: int, hi: int) -> frozenset[str]:
    words = MEASURE_WINDOW
    before = " ".join(text[lo:start].split()[-words:])
    after = " ".join(text[end:hi].split()[:words])
    return frozenset(_content(before, lo == 0 and len(text[lo:start].split()) <= words) + _content(after, False))


_SIZE_ADJECTIVE = re.compile(r"\d-[a-z]+$")  # "984-metre": a size used as an adjective
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whose|where)\b[^,;:()]*,")
_RELATIVE_START = re.compile(r"[,\s]*(?:which|who|whose|where)\b", re.IGNORECASE)
_CONVERSION = re.compile(r"(?:-[a-z-]+)?\s*\((?:about|around|roughly|approximately|or|c\.)?\s*")
_SPLIT = re.compile(r",|;|\s(?:and|or|while|with|but|whereas)\s")


def _split_between(text: str, a: int, b: int) -> int:
    """Where the words between two figures change hands: "$209 billion in assets | and $175 billion in
    deposits": after the last comma or conjunction, else halfway."""
    last = None
    for m in _SPLIT.finditer(text, a, b):
        last = m
    if last:
        return last.end()
    middle = text.find(" ", (a + b) // 2, b)  # "up 16.4% at a | record high of $758.3"
    return middle if middle >= 0 else b


def _inherited_names(text: str, seg: tuple[int, int], before: int, proper: frozenset[str]) -> tuple[str, ...]:
    """The names of the figure's segment, or of the nearest segment before it in the sentence that
    names any: "Continental Illinois …, with $40 billion in assets" is Continental Illinois's."""
    names = names_in(text, seg[0], before, proper)
    start = seg[0]
    while not names and start > 0:
        prev = segment(text, start - 1)
        if prev[0] >= start:
            break
        if text[prev[0] : start].rstrip().endswith((";", ":")):
            break  # a new clause: its subject is its own
        # A parenthesis is an aside or an alias, not the sentence's subject: "Microsoft's (MSFT) $74.5
        # billion deal" is Microsoft's.
        stretch = text[max(0, prev[0] - 1) : start].lstrip()
        # and so is a relative clause: "The area, which lies not far from the capital Reykjavik, has …"
        aside = stretch.startswith("(") or bool(_RELATIVE_START.match(stretch))
        names = () if aside else names_in(text, prev[0], start, proper)
        start = prev[0]
    return names


def read_frames(text: str, mentions: tuple[Mention, ...], proper: frozenset[str] = frozenset()) -> tuple[Frame, ...]:
    """The frame of every figure of a passage; windows stop at the neighbouring figures. `proper`:
    see proper_words()."""
    frames: list[Frame] = []
    for i, m in enumerate(mentions):
        seg = segment(text, m.start)
        lo = max(seg[0], _split_between(text, mentions[i - 1].end, m.start) if i else 0)
        hi = min(seg[1], mentions[i + 1].start if i + 1 < len(mentions) else len(text))
        if i + 1 < len(mentions):
            hi = min(hi, _split_between(text, m.end, mentions[i + 1].start))
        between = (max(seg[0], mentions[i - 1].end if i else 0),
                   min(seg[1], mentions[i + 1].start if i + 1 < len(mentions) else len(text)))
        frame = Frame(m, seg, _inherited_names(text, seg, m.start, proper),
                      measure_near(text, m.start, m.end, lo, hi), modifiers_near(text, m.start, m.end, lo, hi),
                      between)
        length = isinstance(m.value, Quantity) and unit_dimension(m.value.unit) == "length"
        if length and _SIZE_ADJECTIVE.search(m.text):
            frame = dataclasses.replace(frame, measure=frame.measure | {_stem("long")})  # "the 984-metre Dali"
        if i and _CONVERSION.fullmatch(text, mentions[i - 1].end, m.start):
            # "€30m-a-year (£25.6m)": the same figure in another currency or unit, in the same frame
            before = frames[-1]
            frame = dataclasses.replace(frame, names=before.names, measure=before.measure | frame.measure,
                                        modifiers=before.modifiers | frame.modifiers, converts=mentions[i - 1])
        frames.append(frame)
    return tuple(frames)


@functools.lru_cache(maxsize=4096)
def passage_frames(text: str, mentions: tuple[Mention, ...], proper: frozenset[str]) -> tuple[Frame, ...]:
    return read_frames(text, mentions, proper)


@dataclass(frozen=True)
class StatementFrame:
    """A claim's statement read like a passage, around its own figure (or whole, without one)."""

    text: str  # the statement and its `match` phrases, lower-case, without what it compares with
    names: frozenset[str]  # lower-case identifying words of the statement's names
    short_names: frozenset[str]  # every lower-case word of its names, generic ones too
    acronyms: frozenset[str]  # initials of its multi-word names ("SVB"), and its own acronyms
    measure: frozenset[str]
    modifiers: frozenset[str]
    runs: tuple[str, ...] = ()  # its names as written ("Super Bowl LI")


GENERIC_NAME_WORDS = frozenset(
    "bank banks county city state states company group inc corp corporation co ltd plc party national new first "
    "united university river north south east west central federal court department agency service services "
    "international global financial association union club team the of and".split())


def _name_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", name.lower()) if len(w) >= 2 and w not in GENERIC_NAME_WORDS}


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


# "15% more than the Saturn V": what a statement compares with is not its subject; nor is the
# event it dates from ("Before Super Bowl LVIII, the only Super Bowl to go to overtime was LI").
_COMPARED = re.compile(r"\b(?:than|compared (?:with|to)|versus|vs\.?|ahead of|behind)\s[^,;.]*|"
                       r"^\s*(?:before|after|since|until|prior to|following)\s[^,;.]{1,60},", re.IGNORECASE)


def statement_frame(statement: str) -> StatementFrame:
    # "When NHTSA closed …": the name is NHTSA, not the run "When NHTSA".
    runs = (m.group().split() for m in NAME_RUN.finditer(_COMPARED.sub(" ", statement)))
    names = [" ".join(kept) for run in runs if (kept := [w for w in run if w.lower() not in _NOT_ENTITY_WORDS])]
    name_words: set[str] = set()
    acronyms: set[str] = set()
    for n in names:
        name_words |= _name_words(n)
        if len(n.split()) > 1:
            acronyms.add(_acronym(n))
        if n.isupper() and 2 <= len(n) <= 6:
            acronyms.add(n)
    lowered = _COMPARED.sub(" ", statement).lower()
    # The statement is one sentence about one fact: all its content words say what it measures,
    # except its names (a capitalised word past the first).
    words = [(i, m.group()) for i, m in enumerate(_WORD.finditer(statement))]
    measure = frozenset(_stem(w) for i, w in words if w.lower() not in STOP_WORDS and len(w) >= 3
                        and w.lower() not in _MODIFIER_OF and (i == 0 or not w[0].isupper()))
    modifiers = frozenset(_modifier_family(m) for m in _MODIFIER_RE.finditer(statement))
    short = frozenset(w for n in names for w in re.findall(r"[a-z0-9]+", n.lower()) if w not in _NOT_ENTITY_WORDS)
    return StatementFrame(lowered, frozenset(name_words), short, frozenset(acronyms), measure, modifiers, tuple(names))


def _other_instance(name: str, run: str) -> bool:
    """Another of a series: "Super Bowl LVIII" is not "Super Bowl LI", nor "Model Y" "Model S",
    "Artemis II" "Artemis I" — the same words, another number or letter."""
    a, b = name.split(), run.split()
    ids_a = {w for w in a if _INSTANCE.match(w)}
    ids_b = {w for w in b if _INSTANCE.match(w)}
    shared = {w.lower() for w in a if not _INSTANCE.match(w)} & {w.lower() for w in b if not _INSTANCE.match(w)}
    return bool(ids_a and ids_b and shared and not ids_a & ids_b)


def other_instance_of(name: str, frame: StatementFrame) -> str | None:
    """The statement's name that `name` is another of the series of, if any."""
    if name.lower() in frame.text:
        return None
    return next((run for run in frame.runs if _other_instance(name, run)), None)


def is_claims_name(name: str, frame: StatementFrame, phrase_words: frozenset[str]) -> bool:
    """Whether a passage's name is one the claim's statement (or its `match` phrases) gives."""
    if name.lower() in frame.text:
        return True
    if any(_other_instance(name, run) for run in frame.runs):
        return False
    words = _name_words(name)
    if words & (frame.names | phrase_words):
        return True
    # A short form: "Fed" for "Federal Reserve", "Ian" for "Hurricane Ian".
    # Not by a generic word ("Signature Bank" is not "Silicon Valley Bank"), nor by a longer word
    # ("RepublicBank" is not "Republic"), unless the statement abbreviates ("Fed" for "Federal").
    words = {w for w in re.findall(r"[a-z0-9]+", name.lower()) if len(w) >= 3}
    for n in (n for n in frame.short_names if len(n) >= 3 and n not in GENERIC_NAME_WORDS):
        for w in words:
            if w.startswith(n) and (len(w) - len(n) <= 2 or len(n) <= 4):
                return True
            if n.startswith(w) and w not in GENERIC_NAME_WORDS:
                return True
    compact = name.replace(".", "")
    return compact in frame.acronyms or (len(name.split()) > 1 and _acronym(name) in frame.acronyms)
