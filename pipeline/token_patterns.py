"""Token patterns over words, tags and lexicon classes, in the style of spaCy's ``Matcher``.

The linker finds subjects over characters; some edges are better decided over words: a period
written inside a name (``工行前三季度归属于母公司股东净利润``) or a reporting frame before it
(``该行预测3月整体日均赌收``).  A pattern is a list of token specs, as in spaCy:

    [{"OP": "*"}, {"CLASS": "period"}, {"TEXT": "的", "OP": "?"}]

Keys: ``TEXT``, ``TAG`` (XPOS of ``pipeline/pos.py``) and ``CLASS`` (a lexicon class of
``rules/linker.yaml``, or ``period`` for a word inside a period span, ``numeral`` for a number),
each a string or ``{"IN": [...]}`` / ``{"NOT_IN": [...]}``; ``OP`` one of ``? * + !``; an empty
spec matches any token.  Matching is plain backtracking: subjects are a few words long.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Literal, Optional, Sequence, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

Op = Literal["?", "*", "+", "!", "1"]
Value = Union[str, dict[str, list[str]]]


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text with its tag and lexicon classes; ``start``/``end`` index the caller's text."""

    text: str
    tag: str
    classes: frozenset[str]
    start: int
    end: int


class TokenSpec(BaseModel):
    """One token of a pattern (spaCy ``Matcher`` keys, upper case); ``DROP``: the rule removes this token."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    TEXT: Optional[Value] = None
    TAG: Optional[Value] = None
    CLASS: Optional[Value] = None
    OP: Op = "1"
    DROP: bool = False

    @model_validator(mode="after")
    def _sets(self) -> "TokenSpec":
        for key in ("TEXT", "TAG", "CLASS"):
            v = getattr(self, key)
            if isinstance(v, dict) and (len(v) != 1 or next(iter(v)) not in ("IN", "NOT_IN")):
                raise ValueError(f"{key}: a set is written {{IN: [...]}} or {{NOT_IN: [...]}}")
        return self


def _test(value: Optional[Value], get: Callable[[Token], Any], multi: bool) -> Optional[Callable[[Token], bool]]:
    """A predicate for one key of a spec; ``multi``: the token has a set of values (classes)."""
    if value is None:
        return None
    if isinstance(value, str):
        wanted = frozenset([value])
        negate = False
    else:
        ((how, items),) = value.items()
        wanted, negate = frozenset(items), how == "NOT_IN"
    if multi:
        return (lambda t: not (get(t) & wanted)) if negate else (lambda t: bool(get(t) & wanted))
    return (lambda t: get(t) not in wanted) if negate else (lambda t: get(t) in wanted)


@dataclass(frozen=True)
class _Step:
    test: Callable[[Token], bool]
    op: Op


def _step(spec: TokenSpec) -> _Step:
    tests = [t for t in (_test(spec.TEXT, lambda t: t.text, False), _test(spec.TAG, lambda t: t.tag, False),
                         _test(spec.CLASS, lambda t: t.classes, True)) if t is not None]
    return _Step(lambda tok: all(t(tok) for t in tests), spec.OP)


class TokenPattern:
    """A compiled pattern; ``match(tokens, i)`` is the longest match starting at ``i``, as the step of each token."""

    def __init__(self, specs: Sequence[TokenSpec]) -> None:
        if not specs:
            raise ValueError("empty pattern")
        self.specs = list(specs)
        self.steps = [_step(s) for s in specs]
        self.classes = frozenset(c for s in specs for c in _names(s.CLASS))
        # what every match must hold: for each step taking at least one token, the words or classes it
        # accepts (steps that accept any word, or words by tag or by exclusion, constrain nothing here)
        self.required = [(frozenset(_names(s.TEXT)), frozenset(_names(s.CLASS))) for s in specs
                         if s.OP in ("1", "+") and not _negated(s.TEXT) and not _negated(s.CLASS)
                         and (s.TEXT is not None or s.CLASS is not None)]

    def match(self, tokens: Sequence[Token], i: int) -> Optional[list[int]]:
        """For the longest match starting at token ``i``: the pattern step each matched token took."""
        best: list[Optional[list[int]]] = [None]
        self._walk(tokens, i, 0, [], best)
        return best[0]

    def _walk(self, tokens: Sequence[Token], i: int, k: int, path: list[int], best: list[Optional[list[int]]]) -> None:
        if k == len(self.steps):
            if best[0] is None or len(path) > len(best[0]):
                best[0] = list(path)
            return
        step = self.steps[k]
        here = i < len(tokens) and step.test(tokens[i])
        if step.op == "!":
            if i < len(tokens) and not here:
                self._walk(tokens, i + 1, k + 1, path + [k], best)
            return
        if step.op in ("?", "*"):
            self._walk(tokens, i, k + 1, path, best)
        if here:
            if step.op in ("*", "+"):
                self._walk(tokens, i + 1, k, path + [k], best)  # take it and stay
            if step.op != "*":
                self._walk(tokens, i + 1, k + 1, path + [k], best)


def _names(value: Optional[Value]) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else next(iter(value.values()))


def _negated(value: Optional[Value]) -> bool:
    return isinstance(value, dict) and "NOT_IN" in value


class PhraseExample(BaseModel):
    """A subject as the character rules leave it, and what the phrase rule makes of it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    subject: str


class PhraseRule(BaseModel):
    """A token pattern that removes words from a subject (``rules/linker.yaml`` ``phrases:``).

    The first match (leftmost, longest) that satisfies ``anchor`` loses the tokens of its ``DROP``
    steps; the others are context.  At least ``min_rest`` characters must remain.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    description: str = Field(min_length=1)
    anchor: Literal["start", "end", "any"] = "any"
    pattern: list[TokenSpec] = Field(min_length=1)
    min_rest: int = 2
    examples: list[PhraseExample] = Field(min_length=1)
    negatives: list[str] = []

    @model_validator(mode="after")
    def _drops(self) -> "PhraseRule":
        if not any(s.DROP for s in self.pattern):
            raise ValueError("a phrase pattern needs at least one step with DROP: true")
        return self


@dataclass(frozen=True)
class CompiledPhrase:
    spec: PhraseRule
    pattern: TokenPattern


def compile_phrase(rule: PhraseRule) -> CompiledPhrase:
    return CompiledPhrase(rule, TokenPattern(rule.pattern))


def apply_phrases(tokens: Sequence[Token], phrases: Sequence[CompiledPhrase]) -> tuple[list[int], Optional[str]]:
    """Indices of the tokens the phrase rules keep, and the id of the last rule that removed any.

    Rules apply in file order, each once, to what the earlier ones kept.
    """
    keep = list(range(len(tokens)))
    applied: Optional[str] = None
    for ph in phrases:
        rule, pat = ph.spec, ph.pattern
        span = [tokens[k] for k in keep]
        starts = [0] if rule.anchor == "start" else range(len(span))
        for i in starts:
            steps = pat.match(span, i)
            if not steps or (rule.anchor == "end" and i + len(steps) != len(span)):
                continue
            drop = {i + n for n, k in enumerate(steps) if pat.specs[k].DROP}
            rest = [keep[n] for n in range(len(span)) if n not in drop]
            if sum(len(tokens[k].text) for k in rest) >= rule.min_rest:
                keep, applied = rest, rule.id
                break
    return keep, applied
