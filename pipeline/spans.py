"""Exact character spans on any tokenisation.

The tagger finds quantities in characters, not tokens, so that it works after
any tokenizer (ours, spaCy's ``char`` or ``jieba`` segmenters, white space).
Where a quantity boundary falls inside a token, that token is split at the
boundary, so ``doc.char_span`` always yields a span whose text is exactly the
quantity's.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span


def split_tokens_at(doc: Doc, offsets: Iterable[int]) -> None:
    """Split every token that has one of ``offsets`` strictly inside it."""
    cuts = sorted(set(offsets))
    if not cuts:
        return
    plan: list[tuple[int, list[int]]] = []
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
    with doc.retokenize() as retokenizer:
        for i, inside in plan:
            token = doc[i]
            bounds = [0, *inside, len(token.text)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            norm = token.norm_ if len(token.norm_) == len(token.text) else None
            attrs = {"NORM": [norm[a:b] for a, b in zip(bounds, bounds[1:])]} if norm else {}
            heads = [(token, 0)] * len(orths)
            retokenizer.split(token, orths, heads=heads, attrs=attrs)


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
