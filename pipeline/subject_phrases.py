"""The word-level pass over a subject the character rules found: ``phrases:`` of ``rules/linker.yaml``.

A subject is cut into words (``pos.dictionary_cut``: the tagger's vocabulary, longest first, then the catalogue's names
where it left single characters), tagged (``pipeline/pos.py``) and given its
lexicon classes, then the phrase rules (``pipeline/token_patterns.py``) move its edges.  Only
subjects holding something a rule can match are cut, so the pass costs little on most text.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import Optional, Sequence

import regex

from .pos import cut_tagged
from .token_patterns import CompiledPhrase, Token, apply_phrases

# classes the linker computes itself rather than reading from the lexicon
DERIVED_CLASSES = ("period", "numeral")


_DOUBLED = regex.compile(r"(\p{Han}{2,})\1")


def _glues(subject: str, spans: list[tuple[int, int]]) -> bool:
    """Whether keeping ``spans`` of ``subject`` writes a word twice in a row that the subject does not (畜产损失估计
    损失金额 without 估计): the words around a dropped one were two names, not one."""
    kept = "".join(subject[a:b] for a, b in spans)
    return _DOUBLED.search(kept) is not None and _DOUBLED.search(subject) is None


class SubjectPhrases:
    """Apply the phrase rules to subject strings; ``classes`` maps a lexicon class to its words, ``vocabulary``
    holds the domain's words a subject is cut into besides the general language's (``LinkerRules.domain_words``)."""

    def __init__(self, phrases: Sequence[CompiledPhrase], classes: dict[str, frozenset[str]],
                 vocabulary: frozenset[str] = frozenset()) -> None:
        self.phrases = list(phrases)
        self.vocabulary = vocabulary
        used = {c for p in self.phrases for c in p.pattern.classes}
        self.classes = {c: ws for c, ws in classes.items() if c in used}
        self._steps = [[self._step_test(texts, cs) for texts, cs in p.pattern.required] for p in self.phrases]
        self._cached = lru_cache(maxsize=8192)(self._refine)
        # whether any rule may match a subject depends on its characters and on whether it holds a period
        # only: news repeats its subjects, so the answer is kept (``_may_match`` costs a search per step)
        self._gate = lru_cache(maxsize=16384)(self._any_may_match)

    def _step_test(self, texts: frozenset[str], classes: frozenset[str]
                   ) -> tuple[Optional[regex.Pattern], bool, bool]:
        """A required step as (one search for its words and its classes' words, needs a period, needs a digit):
        a named word list is searched as a set, not word by word."""
        words = set(texts).union(*(self.classes.get(c, ()) for c in classes))
        return (regex.compile(r"\L<words>", words=sorted(words)) if words else None,
                "period" in classes, "numeral" in classes)

    def refine(self, subject: str, periods: tuple[tuple[int, int], ...] = ()) -> tuple[list[tuple[int, int]], Optional[str]]:
        """Character spans of ``subject`` to keep, and the id of the last rule that removed words.

        ``periods``: spans of time expressions inside ``subject`` (from the period finder).
        """
        if not self.phrases or not subject:
            return [(0, len(subject))], None
        if not self._gate(subject, bool(periods)):
            return [(0, len(subject))], None
        return self._cached(subject, periods)

    def _any_may_match(self, subject: str, has_periods: bool) -> bool:
        periods = ((0, 0),) if has_periods else ()  # _may_match asks only whether there is a period
        return any(self._may_match(steps, subject, periods) for steps in self._steps)

    @staticmethod
    def _may_match(steps: list[tuple[Optional[regex.Pattern], bool, bool]], subject: str,
                   periods: tuple[tuple[int, int], ...]) -> bool:
        """Whether ``subject`` holds, for every step a rule requires, a word or class it accepts: only then is
        it cut into words (most subjects are not)."""
        for words, period, numeral in steps:
            if (period and periods) or (words is not None and words.search(subject) is not None) \
                    or (numeral and any(c.isdigit() for c in subject)):
                continue
            return False
        return True

    def refine_kept(self, keep: list[int], rest: str, periods: Sequence[tuple[int, int]]
                    ) -> tuple[list[int], str, Optional[str]]:
        """The linker's form: ``keep`` are text positions of a subject, ``rest`` their characters, ``periods``
        the text's period spans that may overlap them; returns the positions and characters kept."""
        rel = []
        for ps, pe in periods:
            a, b = bisect_left(keep, ps), bisect_left(keep, pe)
            if a < b:
                rel.append((a, b))
        spans, rule = self.refine(rest, tuple(rel))
        if rule is None:
            return keep, rest, None
        kept = [k for a, b in spans for k in range(a, b)]
        return [keep[k] for k in kept], "".join(rest[k] for k in kept), rule

    def _refine(self, subject: str, periods: tuple[tuple[int, int], ...]) -> tuple[list[tuple[int, int]], Optional[str]]:
        tokens = self.tokens(subject, periods)
        keep, rule = apply_phrases(tokens, self.phrases)
        if rule is None or not keep:
            return [(0, len(subject))], None
        spans: list[tuple[int, int]] = []
        for k in keep:  # adjacent kept words make one span (white space between them stays)
            t = tokens[k]
            if spans and (k - 1 in keep):
                spans[-1] = (spans[-1][0], t.end)
            else:
                spans.append((t.start, t.end))
        if _glues(subject, spans):
            return [(0, len(subject))], None
        return spans, rule

    def tokens(self, subject: str, periods: tuple[tuple[int, int], ...] = ()) -> list[Token]:
        words, tags = cut_tagged(subject, self.vocabulary)
        out: list[Token] = []
        pos = 0
        for word, (_, xpos) in zip(words, tags):
            start, end = pos, pos + len(word)
            pos = end
            if word.isspace():
                continue
            classes = {c for c, ws in self.classes.items() if word in ws}
            if any(ps < end and start < pe for ps, pe in periods):
                classes.add("period")
            if xpos == "CD" or word.isdigit():
                classes.add("numeral")
            out.append(Token(word, xpos, frozenset(classes), start, end))
        return out
