"""Predicates: the linking rule a value fits, and what its trigger word says (kind, sign, basis).

Rules (``rules/linker.yaml``) are tried in file order; the first whose labels, units and ``right``,
``left`` and ``sentence_before`` patterns fit takes the value.  The rule's ``left`` match is the
predicate (trigger, share or contribution phrase ...); what precedes it is the subject region.
"""
from __future__ import annotations

from typing import NamedTuple, Optional

import regex

from .link_document import Document, QuantityLike
from .linker_rules import CompiledRule, LexiconEntry, LinkRule
from .memo import UNKNOWN

_COMPARE_CUE = regex.compile(r"[比较]")
REGION_LEAD = " ,;:、"  # punctuation a subject region or a clause may open with


class RuleMatch(NamedTuple):
    """A rule that fits a value, with its left (predicate) and right matches (a named tuple, as ``Predicate``:
    one is made per value, and a frozen dataclass sets each field through ``object.__setattr__``)."""

    rule: CompiledRule
    left: Optional[regex.Match]
    right: Optional[regex.Match]


class Predicate(NamedTuple):
    """What the predicate of a statement says: the rule (read as a level verb when the trigger is a bare
    comparative), the trigger's lexicon entry, the kind and the sign."""

    spec: LinkRule
    entry: Optional[LexiconEntry]
    kind: str
    sign: int


def match_rule(doc: Document, q: QuantityLike, left: str, right: str, sent_start: int,
               has_previous: bool) -> Optional[RuleMatch]:
    """The first rule that fits the value ``q`` between ``left`` and ``right`` (``has_previous``: a statement
    of the clause came before, so rules continuing it may fire).

    The rules read the value's label and unit and the two texts (and, for a few, the sentence before the value):
    news repeats its statements, and the answer for short texts is kept where no rule read the sentence."""
    if len(left) > _MEMO_TEXT or len(right) > _MEMO_TEXT:
        return _match_rule(doc, q, left, right, sent_start, has_previous)[0]
    key = (getattr(q, "label", None), getattr(q, "unit", None), has_previous, left, right)
    memo = doc.rules.rule_matches
    got = memo.get(key, UNKNOWN)
    if got is UNKNOWN:
        got, read_sentence = _match_rule(doc, q, left, right, sent_start, has_previous)
        if not read_sentence:
            memo.keep(key, got)
    return got


_MEMO_TEXT = 64  # characters of the texts left and right of a value short enough for the rule it fits to be kept


def _match_rule(doc: Document, q: QuantityLike, left: str, right: str, sent_start: int,
                has_previous: bool) -> tuple[Optional[RuleMatch], bool]:
    """``match_rule``, and whether a rule read the sentence before the value (then the answer is not the texts'
    alone)."""
    memo = doc.rules.left_end_memo(left)  # the rules whose left pattern cannot end as ``left`` does
    misses = memo[1] if memo is not None else 0
    read_sentence = False
    known = doc.rules.right_memo(right)  # the rules' right patterns on this text after a value, as far as known
    if known is not None:
        misses |= known[0] & ~known[1]
    for bit, rule, continues, right_pattern, left_pattern, sentence_before in _rules_for(
            doc, getattr(q, "label", None), getattr(q, "unit", None)):
        if (continues and not has_previous) or misses & bit:
            continue
        # right first: an anchored match, much cheaper than the search for a left pattern ending the text (and not
        # made where the text's first character begins no match of it)
        rm = None
        if right_pattern is not None:
            if known is not None and known[0] & bit:
                rm = known[2][bit]  # (known and not a miss: a match)
            else:
                starts = rule.right_start
                rm = right_pattern.match(right) if starts is None or starts.may_start(right) else None
                if known is not None:
                    known[0] |= bit
                    if rm is not None:
                        known[1] |= bit
                        known[2][bit] = rm
            if rm is None:
                continue
        lm = None
        if left_pattern is not None:
            if memo is not None and not memo[0] & bit:  # learnt once per ending (the search would miss too)
                memo[0] |= bit
                if not left_pattern.may_end_with(left):
                    memo[1] |= bit
                    continue
            # (with a memo, the ending is known to pass: a miss was skipped above)
            lm = left_pattern.search(left, end_known=memo is not None)
            if lm is None:
                continue
        if sentence_before is not None:
            read_sentence = True
            if not sentence_before.search(doc.text[sent_start:q.start]):
                continue
        return RuleMatch(rule, lm, rm), read_sentence
    return None, read_sentence


def _rules_for(doc: Document, label: Optional[str], unit: Optional[str]) -> list[tuple]:
    """The rules, in file order, whose labels and units admit a value of this label and unit (once per pair),
    each as (its bit in ``LinkerRules.left_end_memo``, rule, whether it continues a previous statement, right, left,
    sentence_before)."""
    key = (label, unit)
    rules = doc.rules.by_value.get(key)
    if rules is None:
        rules = [(1 << i, r, r.spec.subject == "previous", r.right, r.left, r.sentence_before)
                 for i, r in enumerate(doc.rules.rules)
                 if (r.spec.labels is None or label in r.spec.labels) and (r.spec.units is None or unit in r.spec.units)]
        doc.rules.by_value[key] = rules
    return rules


def read_predicate(doc: Document, match: RuleMatch, clause_start: int, q: QuantityLike) -> Predicate:
    """Kind and sign from the rule, else from its trigger word; a comparative (高于) with no 比/较 before the
    value in the clause is a level verb, except one opening its clause after a level (Hong Kong's results press:
    基础溢利122.13亿元,多16.7%; 纯利102.47亿元,少6.9%), which says by how much the level moved."""
    spec = match.rule.spec
    lm = match.left
    trigger = lm.group("trigger") if lm is not None and "trigger" in lm.re.groupindex else None
    entry = trigger_entry(doc, trigger)
    # (the left match is made on the value's left context, the subject region: what stands before the trigger
    # is read there, and only for a comparative)
    if trigger and trigger in doc.eng.comparatives \
            and lm.string[:lm.start("trigger")].rstrip()[-1:] not in REGION_LEAD.strip() \
            and not _COMPARE_CUE.search(doc.text[clause_start:q.start]):
        entry = None  # read as a level verb: no sign or basis of its own (the kind is set just below)
        if spec.kind == "change" or spec.kind is None:
            spec = spec.model_copy(update={"kind": "level"})
    kind = spec.kind or (entry.kind if entry else None) or "level"
    sign = spec.sign or (entry.sign if entry and entry.kind == "change" else 1)
    return Predicate(spec, entry, kind, sign)


def trigger_entry(doc: Document, word: Optional[str]) -> Optional[LexiconEntry]:
    """The lexicon entry of a trigger word, by the word itself or a trigger pattern."""
    if not word:
        return None
    e = doc.rules.triggers.get(word)
    if e is not None:
        return e
    for pat, entry in doc.rules.trigger_patterns:
        if pat.fullmatch(word):
            return entry
    return None
