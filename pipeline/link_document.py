"""The document as the linker reads it: normalised text, quantities and periods indexed by position.

Built once per document; every later stage looks quantities and periods up by bisection or by a
dictionary keyed by position, never by a scan of the whole document (linear time in its length).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any, Optional, Protocol, Sequence

import regex

from .linker_rules import EnginePatterns, LinkerRules
from .periods import find_mentions

# marks whose positions the linker looks up (``Document.next_mark``): the sentence punctuation a clause
# ends at, and brackets
PUNCT = "。,;"
OPEN = "(（"
CLOSE = ")）"
_MARK_PATTERNS: dict[str, regex.Pattern] = {}  # a set of marks -> its character class, compiled once


class QuantityLike(Protocol):
    start: int
    end: int
    text: str
    value: Any
    unit: str
    label: str
    qualifier: Optional[str]
    upper: Any  # the upper bound of a range, None for one value


class PeriodLike(Protocol):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


class Document:
    """Text, rules and position indexes of one document."""

    def __init__(self, text: str, quantities: Sequence[QuantityLike], periods: Optional[Sequence[PeriodLike]],
                 rules: LinkerRules):
        if rules.engine is None:
            raise ValueError("LinkerRules without compiled engine patterns: build them with load_rules()")
        self.text = text
        self.rules = rules
        self.eng: EnginePatterns = rules.engine
        self.quantities: list[QuantityLike] = []
        last_end = -1
        for q in sorted(quantities, key=lambda q: (q.start, -q.end)):  # drop overlapping quantities
            if q.start >= last_end:
                self.quantities.append(q)
                last_end = q.end
        own = find_mentions(text, self.eng.periods)
        given = [Span(p.start, p.end, p.text) for p in periods] if periods is not None else own
        self.periods = sorted(given, key=lambda p: p.start)
        self.period_starts = [p.start for p in self.periods]
        # quantities do not overlap, so starts and ends are both ascending
        self.q_starts = [q.start for q in self.quantities]
        self.q_ends = [q.end for q in self.quantities]
        self.q_at = {q.start: q for q in self.quantities}
        self.qstart_at_end = {q.end: q.start for q in self.quantities}
        # for stripping from subjects any period-looking span counts: the first span (in sorted order)
        # starting at a position, and the starts (ascending) of the spans ending at a position
        self.period_end_at_start: dict[int, int] = {}
        self.period_starts_at_end: dict[int, list[int]] = {}
        # those spans in order, and their starts (``period_like_from``)
        self.period_like = sorted({(p.start, p.end) for p in [*given, *own]})
        self.period_like_starts = [ps for ps, _ in self.period_like]
        for ps, pe in self.period_like:
            self.period_end_at_start[ps] = pe  # the longest (中秋节、国庆节假期, not 中秋)
            self.period_starts_at_end.setdefault(pe, []).append(ps)
        # filled in as the stages ask: the basis cues that may match in a sentence and what a sentence
        # says around each period (link_cues)
        self.sentence_cues: dict[tuple[int, int], Any] = {}  # link_cues._SentenceCues
        self.carried_bases: Optional[list[tuple[int, str]]] = None  # link_cues.carried_basis
        self.period_facts: dict[tuple[int, int, int], Any] = {}
        # a sentence -> where the walk over its periods stands (link_cues.period_for)
        self.period_walks: dict[tuple[int, int], tuple[int, int, Any, int]] = {}
        # a sentence's start -> (the last value's position, where its target search may start: link_cues.is_target)
        self.target_scans: dict[int, tuple[int, int]] = {}
        self._marks: dict[str, list[int]] = {}

    def inside_quantity(self, i: int) -> bool:
        k = bisect_right(self.q_starts, i) - 1
        return k >= 0 and i < self.q_ends[k]

    def period_end_covering(self, i: int) -> Optional[int]:
        """The end of a period that starts before ``i`` (at most 16 characters: periods are short, and the
        lookup stays constant-time) and runs past it, if any."""
        k = bisect_right(self.period_starts, i) - 1
        while k >= 0 and self.period_starts[k] > i - 16:
            if self.periods[k].end > i:
                return self.periods[k].end
            k -= 1
        return None

    def quantities_from(self, start: int, end: int) -> list[QuantityLike]:
        """The quantities starting in [start, end), in text order."""
        return self.quantities[bisect_left(self.q_starts, start):bisect_left(self.q_starts, end)]

    def period_like_from(self, start: int, end: int) -> list[tuple[int, int]]:
        """The period-looking spans (``period_end_at_start``'s) starting in [start, end], in order."""
        return self.period_like[bisect_left(self.period_like_starts, start):bisect_right(self.period_like_starts, end)]

    def period_range(self, start: int, end: int) -> tuple[int, int]:
        """The indexes in ``periods`` of the periods starting in [start, end]."""
        return bisect_left(self.period_starts, start), bisect_right(self.period_starts, end)

    def _positions(self, marks: str) -> list[int]:
        """The positions of any of the characters ``marks`` in the text, ascending (found once per set)."""
        found = self._marks.get(marks)
        if found is None:
            pattern = _MARK_PATTERNS.get(marks)
            if pattern is None:
                pattern = _MARK_PATTERNS[marks] = regex.compile("[" + regex.escape(marks) + "]")
            found = self._marks[marks] = [m.start() for m in pattern.finditer(self.text)]
        return found

    def next_mark(self, marks: str, i: int) -> int:
        """The first position at or after ``i`` of any of the characters ``marks``; -1 if none (a bisection,
        where ``str.find`` from each value would read the whole rest of a long sentence)."""
        found = self._positions(marks)
        k = bisect_left(found, i)
        return found[k] if k < len(found) else -1

    def last_mark(self, marks: str, start: int, end: int) -> int:
        """The last position in [start, end) of any of the characters ``marks``; -1 if none."""
        found = self._positions(marks)
        k = bisect_left(found, end) - 1
        return found[k] if k >= 0 and found[k] >= start else -1
