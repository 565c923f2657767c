"""Exact character spans on any tokenisation.

The tagger finds quantities in characters, not tokens, so that it works after
any tokenizer (ours, spaCy's ``char`` or ``jieba`` segmenters, white space).
Where a quantity boundary falls inside a token, that token is split at the
boundary, so ``doc.char_span`` always yields a span whose text is exactly the
quantity's.  Span groups that other components wrote keep their spans: spaCy's
retokenizer leaves their token indices as they were, so they are moved along.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate
from typing import Any

from spacy.tokens import Doc, Span, SpanGroup

Plan = list[tuple[int, list[int]]]  # (token index, split offsets inside the token)
Groups = list[tuple[str, dict[str, Any], list[tuple[int, int, int, int, int]]]]  # name, attrs, spans


def split_tokens_at(doc: Doc, offsets: Iterable[int]) -> None:
    """Split every token that has one of ``offsets`` strictly inside it."""
    cuts = sorted(set(offsets))
    if not cuts:
        return
    plan: Plan = []
    j = 0
    for token in doc:
        start, end = token.idx, token.idx + len(token.text)
        while j < len(cuts) and cuts[j] <= start:
            j += 1
        inside = []
        k = j
        while k < len(cuts) and cuts[k] < end:
            inside.append(cuts[k] - start)
            k += 1
        if inside:
            plan.append((token.i, inside))
    if not plan:
        return
    groups = _span_groups(doc)
    with doc.retokenize() as retokenizer:
        for i, inside in plan:
            token = doc[i]
            bounds = [0, *inside, len(token.text)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            norm = token.norm_ if len(token.norm_) == len(token.text) else None
            attrs = {"NORM": [norm[a:b] for a, b in zip(bounds, bounds[1:])]} if norm else {}
            heads = [(token, 0)] * len(orths)
            retokenizer.split(token, orths, heads=heads, attrs=attrs)
    _restore_span_groups(doc, groups, plan)


def _span_groups(doc: Doc) -> Groups:
    """Every span group as (name, attrs, spans as token bounds, label, kb id and span id)."""
    return [(name, dict(group.attrs), [(s.start, s.end, s.label, s.kb_id, s.id) for s in group])
            for name, group in doc.spans.items()]


def _restore_span_groups(doc: Doc, groups: Groups, plan: Plan) -> None:
    """Rebuild the span groups with token bounds moved past the tokens that the splits of ``plan`` added."""
    split_at = [i for i, _ in plan]
    added = [0, *accumulate(len(inside) for _, inside in plan)]

    def moved(i: int) -> int:
        return i + added[bisect_left(split_at, i)]

    for name, attrs, spans in groups:
        doc.spans[name] = SpanGroup(doc, name=name, attrs=attrs, spans=[
            Span(doc, moved(start), moved(end), label=label, kb_id=kb_id, span_id=span_id)
            for start, end, label, kb_id, span_id in spans])


def exact_spans(doc: Doc, offsets: list[tuple[int, int]], label: str | list[str] = "") -> list[Span]:
    """Spans with exactly these character offsets, splitting tokens where needed."""
    split_tokens_at(doc, (o for pair in offsets for o in pair))
    labels = label if isinstance(label, list) else [label] * len(offsets)
    spans = []
    for (start, end), lab in zip(offsets, labels):
        span = doc.char_span(start, end, label=lab)
        if span is None:  # only white space can leave a gap; trim to the tokens inside
            span = doc.char_span(start, end, label=lab, alignment_mode="contract")
        spans.append(span)
    return spans
