"""Schema and loader of ``rules/periods.yaml``: the one grammar of periods, for finding and for dating.

The finder (``periods.py``) and the resolver (``period_dates.py``) read the same file, so a word
added to a list (a holiday, a relative year) is found and dated alike.  Patterns reference word
lists and named parts as ``{id}``; the loader expands them, compiles every pattern and checks every
example's shape, and raises one ``RuleFileError`` listing every problem as ``file:line: message``.
The examples themselves are run by ``tests/test_periods.py``.
"""
from __future__ import annotations

import array
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
import datetime as dt
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal, Optional, Union

import regex
from pydantic import BaseModel, ConfigDict, field_validator

from .gcpause import collector_paused
from .memo import Memo
from .resources import rules_path
from .rulefile import Problem, RuleFileError, read_sections, validate
from .sentence_scan import SentenceScanner

SECTIONS = ("words", "holidays", "patterns")
PERIOD_TYPES = ("year", "half", "quarter", "month", "months", "cumulative_months", "ten_days", "day", "days",
                "week", "holiday", "point", "to_date")
_REF = re.compile(r"\{([a-z_][a-z_0-9]*)\}")
_MONTH_DAY = re.compile(r"^\d{2}-\d{2}$")


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    description: Optional[str] = None


class FindExample(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    match: str


class ResolveExample(BaseModel):
    """A period text, its reference date (optional) and the dates it must resolve to."""

    model_config = ConfigDict(extra="forbid")

    text: str
    date: Optional[dt.date] = None
    start: dt.date
    end: dt.date
    type: Literal[PERIOD_TYPES]  # type: ignore[valid-type]


class ReleaseExample(BaseModel):
    """A text and the release date found in it."""

    model_config = ConfigDict(extra="forbid")

    text: str
    date: dt.date


class ResolveNegative(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    date: Optional[dt.date] = None


class WordListModel(_Entry):
    words: dict[str, Any]
    examples: list[FindExample] = []
    negatives: list[str] = []

    @field_validator("words")
    @classmethod
    def _nonempty(cls, v: dict[str, Any]) -> dict[str, Any]:
        if not v or any(not w for w in v):
            raise ValueError("a word list needs words, none of them empty")
        return v


class HolidayModel(_Entry):
    fixed: Optional[tuple[str, str]] = None
    years: dict[int, tuple[str, str]] = {}

    @field_validator("fixed")
    @classmethod
    def _fixed(cls, v: Optional[tuple[str, str]]) -> Optional[tuple[str, str]]:
        if v is not None and not all(_MONTH_DAY.match(d) for d in v):
            raise ValueError("days are written MM-DD")
        return v

    @field_validator("years")
    @classmethod
    def _years(cls, v: dict[int, tuple[str, str]]) -> dict[int, tuple[str, str]]:
        for year, days in v.items():
            for d in days:
                if not _MONTH_DAY.match(d):
                    raise ValueError(f"{year}: days are written MM-DD, not {d!r}")
                dt.date(year, int(d[:2]), int(d[3:]))  # a day that does not exist fails here
        return v


class PatternModel(_Entry):
    role: Literal["part", "find", "mention", "resolve", "release"]
    pattern: str
    examples: list[Union[ResolveExample, FindExample, ReleaseExample]] = []
    negatives: list[Union[ResolveNegative, str]] = []


@dataclass(frozen=True)
class Holiday:
    id: str
    fixed: tuple[str, str] | None
    years: dict[int, tuple[str, str]]

    def days(self, year: int) -> tuple[dt.date, dt.date] | None:
        """The first and last day of the holiday in ``year``, or None when the file does not know them."""
        span = self.years.get(year, self.fixed)
        if span is None:
            return None
        first, last = (dt.date(year, int(d[:2]), int(d[3:])) for d in span)
        return first, last


_RESOLVED = 50_000  # period texts whose resolver match a grammar keeps before it starts again


@dataclass(frozen=True)
class PeriodGrammar:
    """Everything ``periods.yaml`` holds, compiled."""

    path: str
    words: dict[str, dict[str, Any]]
    holidays: dict[str, Holiday]
    find: re.Pattern[str]
    mention: regex.Pattern
    mention_scan: Union[re.Pattern[str], regex.Pattern]  # the same matches, found faster (``_scanner``)
    resolve: list[tuple[str, regex.Pattern]]
    release: regex.Pattern
    examples: list[tuple[str, int, str, Any]] = field(default_factory=list)  # (id, line, role, example)
    negatives: list[tuple[str, int, str, Any]] = field(default_factory=list)
    # period text -> the groups of the first resolver pattern it matches (None: none does), filled as
    # periods are read: news writes the same few periods again and again
    # the groups of the resolver pattern a period text matches, per text (period_dates)
    resolved: Memo = field(default_factory=lambda: Memo(_RESOLVED), compare=False, repr=False)

    @cached_property
    def find_scanner(self) -> SentenceScanner:
        """``find`` run sentence by sentence (``sentence_scan``): a long document repeats its sentences."""
        return SentenceScanner(self.find)

    @cached_property
    def mention_scanner(self) -> SentenceScanner:
        """``mention_scan`` run sentence by sentence (where the ``regex`` engine runs it, on the whole text)."""
        return SentenceScanner(self.mention_scan)


def load_periods(path: str | Path | None = None) -> PeriodGrammar:
    """Read and validate a periods file (default: the bundled one); cached per path."""
    return _load(str(Path(path) if path is not None else rules_path("periods.yaml")))


def _alternation(words: Any) -> str:
    """A regex alternation of literal words, longest first so the longest wins."""
    return "(?:" + "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


_PROPERTY = regex.compile(r"\\p\{(\w+)\}")


def _scanner(pattern: str, alphabet: set[str]) -> Union[re.Pattern[str], regex.Pattern]:
    """``pattern`` for scanning whole documents: in the standard engine (2.5 times faster on it) behind
    lookaheads on the characters a match can start with and on their pairs (``_first_pairs``); Unicode
    properties (``\\p{Han}``), which that engine lacks, become the exact classes of code points the ``regex``
    engine gives them."""
    in_class, escaped, pieces, last = False, False, [], 0
    for i, c in enumerate(pattern):
        if escaped:
            escaped = False
            if c == "p" and (m := _PROPERTY.match(pattern, i - 1)) is not None:
                body = _property_class(m.group(1))
                pieces += [pattern[last:i - 1], body if in_class else f"[{body}]"]
                last = m.end()
        elif c == "\\":
            escaped = True
        elif c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
    source = "".join(pieces) + pattern[last:]
    try:
        return re.compile(f"{lookaheads(pattern, alphabet)}(?:{source})")
    except re.error:
        return regex.compile(pattern)


def _code_points() -> str:
    """Every code point of planes 0-3 and 14 in order, lone surrogates too, as one string (1.3 MB, not kept):
    decoded from their UTF-32 units at once, a third of the CPU of joining ``chr`` of each."""
    units = array.array("I", range(0x40000))
    units.extend(range(0xE0000, 0xF0000))
    return units.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be", "surrogatepass")


@lru_cache(maxsize=None)
def _property_class(name: str) -> str:
    """The ranges of code points with Unicode property ``name``, as the body of a character class.  Planes
    0-3 and 14 hold every assigned character but private use (planes 4-13 are unassigned)."""
    spans = [(ord(m.group()[0]), ord(m.group()[-1])) for m in regex.finditer(rf"\p{{{name}}}+", _code_points())]
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans)


def _first_chars(pattern: str, alphabet: set[str]) -> str:
    """A character class of the characters a match of ``pattern`` can start with (digits always), found
    by partial matching: a lookahead on it lets the engine skip most positions of a text at once."""
    compiled = regex.compile(pattern)
    starts = {c for c in alphabet if not c.isdigit() and compiled.match(c, partial=True)}
    return r"[\d" + "".join(regex.escape(c) for c in sorted(starts)) + "]"


_DIGITS = "0123456789"


def _first_pairs(pattern: str, alphabet: set[str]) -> str:
    """A lookahead on the first two characters a match of ``pattern`` can start with, found by partial
    matching: half the positions the first character admits are digits, and most of those are inside an
    amount (``12.5%``, ``3000亿``), which the second character rules out.

    Sound when every character the pattern can match second is in ``alphabet``, a digit (``\\d``) or white
    space (``\\s``; a space stands for it), and the pattern has no positive lookbehind (a probe sees
    nothing before its first character): the finder's patterns are written so.  A first character that
    is a whole match alone needs no second one; the digits share one class, the union of theirs."""
    compiled = regex.compile(pattern)
    firsts = sorted(c for c in alphabet if not c.isdigit() and compiled.match(c, partial=True))
    seconds = sorted(alphabet | {" "} | set(_DIGITS))

    def then(chars: str) -> str | None:
        """The class of characters that can follow any of ``chars``, None when one is a match alone."""
        if any(compiled.match(c) is not None for c in chars):
            return None
        nxt = {d for c in chars for d in seconds if compiled.match(c + d, partial=True)}
        body = (r"\d" if nxt & set(_DIGITS) else "") + (r"\s" if " " in nxt else "")
        body += "".join(regex.escape(d) for d in sorted(nxt - set(_DIGITS) - {" "}))
        return "[" + body + "]" if body else "(?!)"  # (an empty class would not parse: nothing follows)

    alternatives = []
    for first, chars in ((r"\d", _DIGITS), *((regex.escape(c), c) for c in firsts)):
        second = then(chars)
        alternatives.append(first if second is None else first + second)
    return "|".join(alternatives)


_LOOKAHEADS_FILE = Path(__file__).parent / "data" / "period_lookaheads.json"
# the lookaheads asked for in this process: key -> (pattern, alphabet), for ``lookahead_table``
_asked: dict[str, tuple[str, frozenset[str]]] = {}


def _lookahead_key(pattern: str, alphabet: set[str] | frozenset[str]) -> str:
    """What a pattern's lookaheads depend on, hashed: a changed rule or word misses the stored ones."""
    text = pattern + "\0" + "".join(sorted(alphabet))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@lru_cache(maxsize=1)
def _stored_lookaheads() -> dict[str, str]:
    """The bundled rules' lookaheads, worked out once by ``scripts/build_period_lookaheads.py``."""
    try:
        return json.loads(_LOOKAHEADS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def lookaheads(pattern: str, alphabet: set[str] | frozenset[str], stored: bool = True) -> str:
    """The first-character and first-pair lookaheads of a scanning pattern (``_first_chars``, ``_first_pairs``).

    Working them out takes thousands of partial matches of the whole pattern (a quarter of a second, in
    every process that loads the rules); the bundled rules' are read from a data file instead, by a hash
    of the pattern and alphabet, and anything else (another rule file, an edited one) is worked out."""
    key = _lookahead_key(pattern, alphabet)
    _asked[key] = (pattern, frozenset(alphabet))
    found = _stored_lookaheads().get(key) if stored else None
    if found is None:
        found = f"(?={_first_chars(pattern, set(alphabet))})(?={_first_pairs(pattern, set(alphabet))})"
    return found


def lookahead_table(path: str | Path | None = None) -> dict[str, str]:
    """The lookaheads of the scanning patterns of a periods file (default: the bundled one, whose table is the data
    file's content), worked out afresh.  The file is read again rather than taken from the cache, so that what other
    periods files loaded in this process asked for (a user's own, a test's) stays out of the table."""
    before = dict(_asked)
    _asked.clear()
    try:
        _load.__wrapped__(str(Path(path) if path is not None else rules_path("periods.yaml")))
        asked = sorted(_asked.items())
    finally:
        _asked.update(before)
    return {key: lookaheads(pattern, alphabet, stored=False) for key, (pattern, alphabet) in asked}


@lru_cache(maxsize=8)
@collector_paused()
def _load(path: str) -> PeriodGrammar:
    sections = read_sections(path, SECTIONS)
    words_ok, p1 = validate(path, sections["words"], WordListModel)
    holidays_ok, p2 = validate(path, sections["holidays"], HolidayModel)
    patterns_ok, p3 = validate(path, sections["patterns"], PatternModel)
    problems: list[Problem] = p1 + p2 + p3
    words = {w.id: w.words for w, _ in words_ok}
    holidays = {h.id: Holiday(h.id, h.fixed, h.years) for h, _ in holidays_ok}
    for name, line in ((w.id, ln) for w, ln in words_ok if w.id == "holiday"):
        for word, hid in words[name].items():
            if hid not in holidays:
                problems.append(Problem(path, line, f"words 'holiday': {word!r} names {hid!r}, not a holiday of the file"))
    names = set(words) & {p.id for p, _ in patterns_ok}
    for p, line in patterns_ok:
        if p.id in names:
            problems.append(Problem(path, line, f"pattern {p.id!r}: a word list has the same id"))
    parts = {p.id: p.pattern for p, _ in patterns_ok if p.role == "part"}
    expanded: dict[str, str] = {}

    def expand(pid: str, source: str, line: int, seen: tuple[str, ...] = ()) -> str:
        def sub(m: re.Match) -> str:
            ref = m.group(1)
            if ref in words:
                return _alternation(words[ref])
            if ref in parts and ref not in seen:
                return "(?:" + expand(ref, parts[ref], line, (*seen, ref)) + ")"
            problems.append(Problem(path, line, f"pattern {pid!r}: {{{ref}}} "
                                    + ("refers to itself" if ref in seen else "names no word list or part")))
            return "(?!)"
        return _REF.sub(sub, source)

    compiled: dict[str, regex.Pattern] = {}
    for p, line in patterns_ok:
        expanded[p.id] = expand(p.id, p.pattern, line, (p.id,))
        try:
            compiled[p.id] = regex.compile(expanded[p.id])
            if p.role == "find":
                re.compile(expanded[p.id])
        except (regex.error, re.error) as err:
            problems.append(Problem(path, line, f"pattern {p.id!r} does not compile: {err}"))
            continue
        wanted = {"resolve": ResolveExample, "release": ReleaseExample}.get(p.role, FindExample)
        for ex in p.examples:
            if not isinstance(ex, wanted):
                problems.append(Problem(path, line, f"pattern {p.id!r}: a {p.role} example has the fields of "
                                        f"{wanted.__name__} ({', '.join(wanted.model_fields)})"))
        for neg in p.negatives:
            if isinstance(neg, str) == (p.role == "resolve"):
                problems.append(Problem(path, line, f"pattern {p.id!r}: a {p.role} negative is "
                                        + ("{text, date?}" if p.role == "resolve" else "a string")))
        if p.role in ("part", "resolve") or p.examples or p.negatives:
            continue
        problems.append(Problem(path, line, f"pattern {p.id!r}: a {p.role} pattern needs examples or negatives"))
    for role in ("find", "mention", "resolve", "release"):
        if not any(p.role == role for p, _ in patterns_ok):
            problems.append(Problem(path, 0, f"no {role} pattern"))
    if problems:
        raise RuleFileError(problems)
    finds = "|".join(expanded[p.id] for p, _ in patterns_ok if p.role == "find")
    alphabet = {c for text in (*expanded.values(), *(w for ws in words.values() for w in ws)) for c in text}
    # the finder runs on every document: the standard engine scans this pattern 2.5 times faster, behind
    # a class of first characters (one test skips most positions) and then their pairs (the amounts)
    find = re.compile(f"{lookaheads(finds, alphabet)}(?:{finds})")
    mention = regex.compile("(?:" + "|".join(expanded[p.id] for p, _ in patterns_ok if p.role == "mention") + ")")
    mention_scan = _scanner(mention.pattern, alphabet)
    resolve = [(p.id, compiled[p.id]) for p, _ in patterns_ok if p.role == "resolve"]
    release = regex.compile("(?m)" + "|".join(f"(?:{expanded[p.id]})" for p, _ in patterns_ok if p.role == "release"))
    examples = [(p.id, line, p.role, ex) for p, line in patterns_ok for ex in p.examples]
    examples += [(w.id, line, "words", ex) for w, line in words_ok for ex in w.examples]
    negatives = [(p.id, line, p.role, neg) for p, line in patterns_ok for neg in p.negatives]
    negatives += [(w.id, line, "words", neg) for w, line in words_ok for neg in w.negatives]
    return PeriodGrammar(path, words, holidays, find, mention, mention_scan, resolve, release, examples, negatives)
