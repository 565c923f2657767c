"""Scanning a text with a pattern sentence by sentence, each sentence once: news repeats its sentences, and a long
document repeats its paragraphs.

A pattern of the standard engine may be run on each piece of a text between its sentence ends ``。``, written with
the ``。`` around it as the text has them, instead of on the whole text, with the same matches at the same places,
when no part of it can read a ``。`` (no literal, class, negated class or dot of it, in its body or its lookarounds,
matches that character), it matches no empty text, it refers to no group and no flag but Unicode's is set:

- no match holds a ``。``, so every match lies inside one piece;
- an attempt that reaches a piece's edge, forwards or (a lookbehind) backwards, needs to read the ``。`` there to go
  on, in the text and in the piece with its ``。`` alike: it fails in both, and goes no further;
- a position test at a piece's edge (``$``, ``\b``) sees the same ``。`` beside it; ``^`` holds at the text's start
  alone, and the scan of a piece begins after its opening ``。``;
- an attempt at a ``。`` fails at once (it must read a character, and cannot read that one), so the scan of the text
  enters each piece at its first character, as the scan of the piece does.

``cuts_at_sentence_ends`` tells it from the pattern's parse; for any other pattern ``SentenceScanner`` scans the
whole text, as ``finditer`` does.
"""
from __future__ import annotations

import re
from typing import Any

from .memo import Memo

try:  # the standard engine's parser (``re._parser`` from Python 3.11, ``sre_parse`` before)
    from re import _constants as _sre, _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _parse  # type: ignore[no-redef]

SENTENCE_END = "。"
#: the longest piece whose matches are kept: a text without sentence ends (a table flattened to one line) is
#: scanned, not kept whole as a key
LONGEST_KEPT = 512
#: the pieces kept per pattern: the distinct sentences of a long document or of a batch
SENTENCES = 32768

_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
               _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}


class _Unknown(Exception):
    """A part of a pattern whose reading this module does not know: the pattern is scanned whole."""


def _reads(items: Any, char: str) -> bool:
    """Whether any consuming part of the parsed pattern ``items`` (lookarounds included) can read ``char``."""
    for op, av in items:
        if op == _sre.LITERAL:
            hit = av == ord(char)
        elif op == _sre.NOT_LITERAL:
            hit = av != ord(char)
        elif op == _sre.ANY:
            hit = char != "\n"
        elif op == _sre.IN:
            hit = _in_class(av, char)
        elif op == _sre.SUBPATTERN:
            if av[1] or av[2]:
                raise _Unknown("flags set inside the pattern")
            hit = _reads(av[3], char)
        elif op in _REPEATS:
            hit = _reads(av[2], char)
        elif op == _sre.BRANCH:
            hit = any(_reads(branch, char) for branch in av[1])
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            hit = _reads(av[1], char)
        elif op == getattr(_sre, "ATOMIC_GROUP", None):
            hit = _reads(av, char)
        elif op == _sre.AT:
            hit = False  # a position test reads no character
        else:  # a back reference, a conditional group …
            raise _Unknown(str(op))
        if hit:
            return True
    return False


def _in_class(items: Any, char: str) -> bool:
    """Whether the character class ``items`` (``[...]`` parsed) matches ``char``."""
    negated = bool(items) and items[0][0] == _sre.NEGATE
    hit = False
    for op, av in items[1:] if negated else items:
        if op == _sre.LITERAL:
            hit = hit or av == ord(char)
        elif op == _sre.RANGE:
            hit = hit or av[0] <= ord(char) <= av[1]
        elif op == _sre.CATEGORY and av in _CATEGORIES:
            hit = hit or re.fullmatch(_CATEGORIES[av], char) is not None
        else:
            raise _Unknown(str(op))
    return hit != negated


def cuts_at_sentence_ends(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` finds the same matches in a text as in the pieces between its ``。`` (module docstring):
    it reads no ``。``, matches no empty text and refers to no group; no flag but Unicode's is set."""
    if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str) or pattern.flags != re.UNICODE:
        return False
    try:
        parsed = _parse.parse(pattern.pattern, pattern.flags)
        return parsed.getwidth()[0] >= 1 and not _reads(parsed, SENTENCE_END)
    except (_Unknown, re.error, RecursionError):
        return False


class SentenceScanner:
    """The spans of a pattern's matches in a text, found sentence by sentence where ``cuts_at_sentence_ends``
    holds, each short sentence's spans kept (a bounded table); else found in the whole text."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.by_sentence = cuts_at_sentence_ends(pattern)
        self._found = Memo(SENTENCES)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``[m.span() for m in pattern.finditer(text)]``."""
        finditer = self.pattern.finditer
        if not self.by_sentence or SENTENCE_END not in text:
            return [m.span() for m in finditer(text)]
        out: list[tuple[int, int]] = []
        found = self._found
        pieces = text.split(SENTENCE_END)
        last = len(pieces) - 1
        start = 0
        for i, piece in enumerate(pieces):
            # the piece with the sentence ends beside it in the text, scanned from its first character
            lead = 1 if i else 0
            window = (SENTENCE_END if i else "") + piece + (SENTENCE_END if i < last else "")
            if len(piece) > LONGEST_KEPT:
                spans: tuple[tuple[int, int], ...] | None = tuple(m.span() for m in finditer(window, lead))
            else:
                spans = found.get(window)
                if spans is None:
                    spans = found.keep(window, tuple(m.span() for m in finditer(window, lead)))
            if spans:
                shift = start - lead
                out += [(shift + a, shift + b) for a, b in spans]
            start += len(piece) + 1
        return out
