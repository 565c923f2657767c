"""The period finder: time expressions in normalised text, by the patterns of ``rules/periods.yaml``.

Two kinds of span come out of the one grammar: ``find_periods`` gives the periods a statement can
refer to (``2023年上半年``, ``1-4月``, ``6月底``, ``国庆假期``), which the linker assigns to events;
``find_mentions`` gives every time word the linker strips from an indicator name like a period,
including those that never are a statement's period (``目前``, ``本周``, ``今年以来``).
Offsets point into the normalised text, as the quantity tagger's do.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .period_rules import PeriodGrammar, load_periods

__all__ = ["Period", "find_periods", "find_mentions"]

_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class Period:
    """A date or period expression (``2023年上半年``, ``6月底``): not a quantity."""

    start: int
    end: int
    text: str


def _code_tail(text: str, start: int) -> bool:
    """Whether the period found at ``start`` continues the number or code written before it.

    A digit before any period makes it a number's tail (12023年; and 2019全年, 2022前10月 name a year the
    grammar does not read yet); a Latin letter only before a period that opens with a digit or a letter
    (A2023年), since a time word after a name written in letters starts a new word (GDP今年增长,
    远东SOGO今年业绩).
    """
    before, first = text[start - 1], text[start]
    return before.isdigit() or (before in _LETTERS and (first.isdigit() or first in _LETTERS))


def find_periods(text: str, grammar: PeriodGrammar | str | Path | None = None) -> list[Period]:
    """The periods of normalised ``text`` a statement can refer to, in order."""
    g = grammar if isinstance(grammar, PeriodGrammar) else load_periods(grammar)
    out: list[Period] = []
    for start, end in g.find_scanner.spans(text):
        if start > 0 and _code_tail(text, start):
            continue  # the tail of a number or a code (12023年, A2023年), not a year
        out.append(Period(start, end, text[start:end]))
    return out


def find_mentions(text: str, grammar: PeriodGrammar | str | Path | None = None) -> list[Period]:
    """Every time word of normalised ``text`` that is stripped from names like a period, in order."""
    g = grammar if isinstance(grammar, PeriodGrammar) else load_periods(grammar)
    return [Period(start, end, word) for start, end in g.mention_scanner.spans(text) if (word := text[start:end]).strip()]
