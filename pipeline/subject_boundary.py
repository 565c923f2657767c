"""Where a subject starts, learned from gold: a ranking perceptron over the word boundaries of a subject.

The character and phrase rules leave a subject whose left edge may still hold words that are not part of
the name (``覆检时实质本地生产总值增长预测``, ``特区政府…``).  Every word boundary of the subject is a
candidate start (keeping the whole subject is one of them); each is described by the words, tags and
lexicon classes around the cut and of the words it drops, catalogue names of the rest, lengths and the
distance to the predicate, and a linear model picks the best.  Trained by ``scripts/train_subject_model.py``
on the gold corpus; the weights are plain JSON (``save``/``load``).
"""
from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Protocol

from .pos import default_tagger, dictionary_cut

if TYPE_CHECKING:
    from .link_document import Document
    from .linker_rules import LinkerRules

MIN_REST = 2  # characters a kept subject must have
MAX_END_DROP = 2  # words a candidate may drop at the end of a subject
JOINERS = frozenset("、和及与或")  # a coordinated subject is distributed later by the rules: its words stay


@dataclass(frozen=True)
class Word:
    text: str
    tag: str
    classes: tuple[str, ...]
    start: int  # in the subject's text
    end: int


@dataclass(frozen=True)
class Candidates:
    """A subject and the spans it may be cut to: ``spans[0]`` keeps it whole; ``features[i]`` describe span i."""

    subject: str
    spans: tuple[tuple[int, int], ...]
    features: tuple[tuple[str, ...], ...]


class Chooser(Protocol):
    def choose(self, cands: Candidates) -> int: ...


def _bin(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8+"


def words_of(subject: str, word_classes: dict[str, tuple[str, ...]]) -> list[Word]:
    """The subject's words (``pos.dictionary_cut``), tagged, with their lexicon classes; spaces skipped."""
    cut = dictionary_cut(subject)
    tags = default_tagger().tag_words(cut)
    out, pos = [], 0
    for w, (_, xpos) in zip(cut, tags):
        if not w.isspace():
            out.append(Word(w, xpos, word_classes.get(w, ()), pos, pos + len(w)))
        pos += len(w)
    return out


def candidates(subject: str, gap: int, pred: str, rules: "LinkerRules") -> Candidates:
    """The word-boundary spans of ``subject`` that drop words at its start (any number) or end (up to
    ``MAX_END_DROP``) and keep at least ``MIN_REST`` characters, with their features.

    ``gap``: characters between the subject and its predicate; ``pred``: the predicate's first characters."""
    words = words_of(subject, _word_classes(rules)) or [Word(subject, "", (), 0, len(subject))]
    n = len(words)
    spans, feats = [], []
    matches = rules.catalogue.matches(subject)
    for k in range(n):
        for j in range(n, max(k, n - 1 - MAX_END_DROP), -1):
            a, b = (words[k].start if k else 0), (words[j - 1].end if j < n else len(subject))
            rest = subject[a:b].strip()
            if (k or j < n) and len(rest) < MIN_REST:
                continue
            spans.append((a, b))
            feats.append(tuple(_features(words, k, j, rest, matches, gap, pred, rules)))
    return Candidates(subject, tuple(spans), tuple(feats))


def _features(words: list[Word], k: int, j: int, rest: str, matches: list[tuple[int, int, str]], gap: int,
              pred: str, rules: "LinkerRules") -> list[str]:
    """What describes keeping words ``k`` to ``j`` (exclusive) of the subject."""
    n = len(words)
    dropped, kept, tail = words[:k], words[k:j], words[j:]
    a, b = kept[0].start, kept[-1].end
    last, first = (dropped[-1] if dropped else None), kept[0]
    f = ["drop" if k else "keep", "nd=" + _bin(k), "kl=" + _bin(len(rest)), "kw=" + _bin(len(kept)),
         "lw=" + (last.text if last else "^"), "lt=" + (last.tag if last else "^"),
         "fw=" + first.text, "ft=" + first.tag, "lt|ft=" + (last.tag if last else "^") + "|" + first.tag]
    if len(kept) > 1:
        f += ["ft2=" + kept[0].tag + "|" + kept[1].tag]
    f += ["fc=" + c for c in first.classes]
    for d in dropped:
        f += ["dw=" + d.text, "dt=" + d.tag] + ["dc=" + c for c in d.classes]
    if dropped:
        f += ["d0w=" + dropped[0].text, "d0t=" + dropped[0].tag, "drop|gap=" + _bin(gap), "drop|pred=" + pred]
    # the end: kept whole, or trailing words dropped
    f += ["rdrop=" + str(n - j), "ew=" + kept[-1].text, "et=" + kept[-1].tag,
          "et|pred=" + kept[-1].tag + "|" + pred]
    for d in tail:
        f += ["rw=" + d.text, "rt=" + d.tag] + ["rc=" + c for c in d.classes]
    if tail:
        f += ["et|rt=" + kept[-1].tag + "|" + tail[0].tag, "rdrop|gap=" + _bin(gap)]
    f += ["cat_at_cut"] if any(s == a for s, _, _ in matches) else []
    f += ["cat_cross"] if any(s < a < e or s < b < e for s, e, _ in matches) else []
    f += ["cat_dropped"] if any(e <= a or s >= b for s, e, _ in matches) else []
    f += ["cat_end"] if any(e == b and s >= a for s, e, _ in matches) else []
    f += ["named"] if rules.catalogue.lookup(rest) is not None else []
    return f


_CLASSES: dict[int, tuple["LinkerRules", dict[str, tuple[str, ...]]]] = {}


def _word_classes(rules: "LinkerRules") -> dict[str, tuple[str, ...]]:
    """Each lexicon word with the classes it is in (computed once per rule set)."""
    got = _CLASSES.get(id(rules))
    if got is None or got[0] is not rules:
        table: dict[str, list[str]] = {}
        for cls, entries in sorted(rules.lexicon.items()):
            for e in entries:
                for w in e.words:
                    table.setdefault(w, []).append(cls)
        got = (rules, {w: tuple(sorted(set(cs))) for w, cs in table.items()})
        _CLASSES[id(rules)] = got
    return got[1]


class BoundaryModel:
    """Linear scores of candidate starts; the best wins, the whole subject on a tie."""

    def __init__(self, weights: dict[str, float], margin: float = 0.0) -> None:
        self.weights = weights
        self.margin = margin  # a cut must beat the whole subject by more than this

    def scores(self, cands: Candidates) -> list[float]:
        w = self.weights
        return [sum(w.get(f, 0.0) for f in fs) for fs in cands.features]

    def choose(self, cands: Candidates) -> int:
        s = self.scores(cands)
        best = 0
        for i in range(1, len(s)):
            if s[i] > s[best]:
                best = i
        return best if s[best] > s[0] + self.margin else 0

    def save(self, path: Path) -> None:
        """Sorted keys and rounded weights: the bytes depend on the content only."""
        data = {"model": "subject_boundary", "margin": self.margin, "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())
                                                        if round(v, 4) != 0}}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "BoundaryModel":
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("model") != "subject_boundary" or not isinstance(data.get("weights"), dict):
            raise ValueError(f"{path}: not a subject boundary model")
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data.get("margin", 0.0)))


def train(examples: Sequence[tuple[Candidates, int]], *, epochs: int, seed: int) -> BoundaryModel:
    """Averaged ranking perceptron (Collins 2002) over ``(candidates, index of the gold span)``.

    Examples are visited in a seeded shuffled order each epoch; where the model's choice is not the gold
    span, the gold candidate's features gain one and the chosen one's lose one.  The kept weights are
    the average over all steps (``w - acc / steps``)."""
    w: dict[str, float] = {}
    acc: dict[str, float] = {}
    model = BoundaryModel(w)
    order = list(range(len(examples)))
    rng = random.Random(seed)
    step = 1
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            cands, gold = examples[i]
            guess = model.choose(cands)
            if guess != gold:
                for f, d in [(f, 1.0) for f in cands.features[gold]] + [(f, -1.0) for f in cands.features[guess]]:
                    w[f] = w.get(f, 0.0) + d
                    acc[f] = acc.get(f, 0.0) + d * step
            step += 1
    return BoundaryModel({f: v - acc[f] / step for f, v in w.items() if v - acc[f] / step != 0})


MODEL_FILE = Path(__file__).parent / "data" / "subject_boundary.json"


@lru_cache(maxsize=1)
def default_model() -> BoundaryModel:
    """The bundled model, read once."""
    return BoundaryModel.load(MODEL_FILE)


_active: list[Optional[Chooser]] = []


@contextmanager
def using(chooser: Optional[Chooser]) -> Iterator[None]:
    """Link with ``chooser`` instead of the bundled model (``None``: the rules alone), for training and tests."""
    _active.append(chooser)
    try:
        yield
    finally:
        _active.pop()


def refine_kept(doc: "Document", keep: list[int], rest: str, end: int) -> tuple[list[int], str]:
    """The linker's form: text positions ``keep`` of a subject and their characters ``rest``, the
    predicate starting at ``end``; returns them with the words before the chosen start removed."""
    chooser = _active[-1] if _active else default_model()
    if chooser is None or len(rest) <= MIN_REST or not JOINERS.isdisjoint(rest):
        return keep, rest
    cands = candidates(rest, max(0, end - keep[-1] - 1), doc.text[end:end + 2], doc.rules)
    k = chooser.choose(cands)
    if k == 0:
        return keep, rest
    a, b = cands.spans[k]
    return keep[a:b], rest[a:b]
