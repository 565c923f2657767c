"""Where a subject starts and ends, learned from gold: a ranking perceptron over its word boundaries.

The character and phrase rules leave subjects whose edges may still hold words that are not part of the
name (``特区政府公共财政盈余``, ``陆客人数虽``).  Each span of the subject's words that drops words at its
start, or up to two at its end, is a candidate, keeping the whole subject is another; where all the
words a span drops are plain nouns or adjectives of no lexicon class, the rules leave no choice and the
span is not offered.  Each candidate is described by the words, tags and lexicon classes at and around
its cuts and of the words it drops, catalogue names, lengths and the distance to the predicate; a linear
model picks the best, the whole subject on a tie.  The linker calls ``refine_kept`` once per subject, after
its rules; ``scripts/train_subject_model.py`` trains the model on the gold corpus (weights as JSON).
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Protocol

import numpy as np

from .linker_rules import indicator_id
from .list_joiners import COORDINATORS
from .pos import cut_tagged

if TYPE_CHECKING:
    from .link_document import Document
    from .linker_rules import LinkerRules

MIN_REST = 2  # characters a kept subject must have
NOMINAL_TAGS = frozenset({"NN", "NNP", "NNB", "JJ", "SFN", "PFN"})
MAX_END_DROP = 2  # words a candidate may drop at the end of a subject
JOINERS = frozenset(COORDINATORS)  # a coordinated subject is distributed later by the rules: its words stay
MAX_TOPIC = 12  # characters of the longest topic offered: longer ones are rarely names, and cost the most
TOPIC_PRED = "<topic>"  # the predicate feature of a topic, which is no text the linker reads


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


@dataclass(frozen=True)
class Unnamed:
    """Candidates before the catalogue is asked whether each span's text is a name (feature ``named``, the last
    of each span's features): on text read once most of those look-ups are new, and the bundled model asks
    only for the spans that could still win (``BoundaryModel.choose_named``)."""

    subject: str
    spans: tuple[tuple[int, int], ...]
    features: tuple[tuple[str, ...], ...]  # without ``named``
    rests: tuple[str, ...]  # the text each span keeps

    def named(self, rules: "LinkerRules") -> Candidates:
        """The candidates with their ``named`` features."""
        feats = tuple(fs + ("named",) if indicator_id(rules, r) is not None else fs
                      for fs, r in zip(self.features, self.rests))
        return Candidates(self.subject, self.spans, feats)


class Chooser(Protocol):
    def choose(self, cands: Candidates) -> int: ...


def _bin(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8+"


def words_of(subject: str, word_classes: dict[str, tuple[str, ...]],
             vocabulary: frozenset[str] = frozenset()) -> list[Word]:
    """The subject's words (``pos.dictionary_cut``, the domain's ``vocabulary`` among them), tagged, with their
    lexicon classes; spaces skipped."""
    cut, tags = cut_tagged(subject, vocabulary)
    out, pos = [], 0
    for w, (_, xpos) in zip(cut, tags):
        if not w.isspace():
            out.append(Word(w, xpos, word_classes.get(w, ()), pos, pos + len(w)))
        pos += len(w)
    return out


def candidates(subject: str, gap: int, pred: str, rules: "LinkerRules") -> Candidates:
    """The word-boundary spans of ``subject`` that drop words at its start (any number) or end (up to
    ``MAX_END_DROP``) and keep at least ``MIN_REST`` characters, with their features.

    ``gap``: characters between the subject and its predicate; ``pred``: the predicate's first characters.
    A document states the same subject again and again: the result is cached per rule set."""
    return _state(rules).unnamed(subject, _bin(gap), pred).named(rules)


def _unnamed(subject: str, gap: str, pred: str, words: Sequence[Word], offer: "Offer") -> Unnamed:
    """The candidates of ``subject`` before the catalogue is asked of their texts: the spans ``offer`` keeps (the
    same for every gap and predicate of the subject), described."""
    described = _described(subject, gap, pred, words, offer)
    feats = tuple(tuple(chain.from_iterable(pieces)) for pieces in described.pieces())
    return Unnamed(subject, offer.spans, feats, tuple(rest for _, _, rest in offer.kept))


@dataclass(frozen=True)
class Described:
    """What describes each span of an ``Offer``, in the pieces its features are made of: those of its first word kept
    (``starts[k]``: the words at the cut, the tags of the first two kept, the first kept word's classes with the words
    dropped, the lengths at the cut), those of its last (``ends[j]``, j the word after it) and its own (``spans[i]``:
    k, j, the head features and the catalogue's).  A span's features are the pieces in ``pieces`` order; most are
    shared by every span that keeps the same first or last word, so a model sums each one's weights once
    (``BoundaryModel.summed``)."""

    starts: list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]]
    ends: dict[int, tuple[str, ...]]
    spans: list[tuple[int, int, tuple[str, ...], tuple[str, ...]]]

    def pieces(self) -> Iterator[tuple[tuple[str, ...], ...]]:
        """Each span's pieces, in the order its features list them."""
        for k, j, head, named in self.spans:
            at_cut, second, before, lengths = self.starts[k]
            yield head, at_cut, second if j - k > 1 else (), before, self.ends[j], lengths, named


def _described(subject: str, gap: str, pred: str, words: Sequence[Word], offer: "Offer") -> Described:
    """What describes the spans ``offer`` keeps (``Described``)."""
    words = list(words) or [Word(subject, "", (), 0, len(subject))]
    n = len(words)
    matches = offer.matches
    # what describes a span is made once per word: its start once per first word kept (k), from the features of the
    # words before it (dropped[k]); its end once per last word kept (j - 1), from those of the words after (ending[j])
    dropped: list[tuple[str, ...]] = [()]
    for w in words:
        dropped.append(dropped[-1] + ("dw=" + w.text, "dt=" + w.tag, *["dc=" + c for c in w.classes]))
    ending: dict[int, tuple[str, ...]] = {n: ()}
    for j in range(n - 1, max(-1, n - 1 - MAX_END_DROP), -1):
        w = words[j]
        ending[j] = ("rw=" + w.text, "rt=" + w.tag, *["rc=" + c for c in w.classes]) + ending[j + 1]
    starts = [_start_features(words, k, gap, pred, dropped[k]) for k in range(n)]
    ends = {j: _end_features(words, j, gap, pred, ending[j]) for j in range(n, max(0, n - 1 - MAX_END_DROP), -1)}
    # how the catalogue's names lie against each first word kept and each last: a candidate's features combine them
    cut_sides = [_name_start_side(matches, w.start) for w in words] if matches else []
    end_sides = {j: _name_end_side(matches, words[j - 1].end) for j in ends} if matches else {}
    spans = []
    for k, j, rest in offer.kept:
        # (no catalogue test where the subject holds no name: candidates are made for every new subject, each span
        # with some forty features)
        if matches:
            sides, (end_bits, last_start) = cut_sides[k], end_sides[j]
            named = _CATALOGUE[sides | end_bits | (_CAT_END if last_start >= words[k].start else 0)]
        else:
            named = ()
        spans.append((k, j, ("drop" if k else "keep", _DROPPED[min(k, 8)], _KEPT_LEN[min(len(rest), 8)],
                             _KEPT_WORDS[min(j - k, 8)]), named))
    return Described(starts, ends, spans)


@dataclass(frozen=True)
class Offer:
    """The spans a subject's words may be cut to, whatever its gap and predicate: ``spans[i]`` keeps the words
    ``kept[i] = (k, j, text)`` (its first word, the word after its last, its text), ``spans[0]`` the whole
    subject; ``matches``, the catalogue's names in the subject."""

    spans: tuple[tuple[int, int], ...]
    kept: tuple[tuple[int, int, str], ...]
    matches: tuple[tuple[int, int, str], ...]


def _offer(subject: str, rules: "LinkerRules", words: Sequence[Word], contractions: Sequence[str]) -> Offer:
    """The spans ``_unnamed`` describes: those that drop words at the start (any number) or end (up to
    ``MAX_END_DROP``), keep ``MIN_REST`` characters, whole contractions and held names, and drop a choice."""
    words = list(words) or [Word(subject, "", (), 0, len(subject))]
    n = len(words)
    # a contraction the rules expand (三次产业 -> 第一产业 …, 产销 -> 产量, 销量) is one word to them, and the names
    # they make: a span keeps it whole (no cut inside it, none dropping it)
    held = [(s, s + len(w)) for w in contractions for s in _occurrences(subject, w)]
    # a measure of results as the owned_measure class writes it whole (可拨归公司股东基础溢利) is one name, its owners'
    # words no frame to drop; so is a subject a scope opens (class held_scope: 码头以外的货柜吞吐量), which says which
    # part of a whole is measured
    if rules.engine is not None and (rules.engine.p_owned_measure.fullmatch(subject)
                                     or rules.engine.p_held_scope.match(subject)):
        held.append((0, len(subject)))
    # whether the words a span drops are a choice: those before its first word kept (k) or after its last (j - 1)
    chosen_before = [False]
    for w in words:
        chosen_before.append(chosen_before[-1] or _a_choice([w]))
    chosen_after = {n: False}
    for j in range(n - 1, max(-1, n - 1 - MAX_END_DROP), -1):
        chosen_after[j] = chosen_after[j + 1] or _a_choice([words[j]])
    spans, kept = [], []
    for k in range(n):
        for j in range(n, max(k, n - 1 - MAX_END_DROP), -1):
            a, b = (words[k].start if k else 0), (words[j - 1].end if j < n else len(subject))
            rest = subject[a:b].strip()
            if (k or j < n) and (len(rest) < MIN_REST or not (chosen_before[k] or chosen_after[j])
                                 or held and any(s < a or e > b for s, e in held)):
                continue
            spans.append((a, b))
            kept.append((k, j, rest))
    return Offer(tuple(spans), tuple(kept), rules.catalogue.matches(subject))


def _start_features(words: list[Word], k: int, gap: str, pred: str, dropped_words: tuple[str, ...]
                    ) -> tuple[tuple[str, ...], ...]:
    """What describes keeping the subject's words from ``k`` on, in the four places a span's features list it:
    the words at the cut, the tags of the first two kept (for spans keeping two or more), the first kept word's
    classes with the words dropped (``dropped_words``: their own features), and the lengths at the cut."""
    last, first = (words[k - 1] if k else None), words[k]
    at_cut = ("lw=" + (last.text if last else "^"), "lt=" + (last.tag if last else "^"), "fw=" + first.text,
              "ft=" + first.tag, "lt|ft=" + (last.tag if last else "^") + "|" + first.tag)
    second = ("ft2=" + first.tag + "|" + words[k + 1].tag,) if k + 1 < len(words) else ()
    before = tuple("fc=" + c for c in first.classes) + dropped_words
    lengths: tuple[str, ...] = ()
    if last:
        before += ("d0w=" + words[0].text, "d0t=" + words[0].tag, "drop|gap=" + gap, "drop|pred=" + pred)
        lengths = ("llen=" + _bin(len(last.text)) + "|" + last.tag, "lsplit=" + _split(last, first))
    return at_cut, second, before, lengths


def _end_features(words: list[Word], j: int, gap: str, pred: str, tail_words: tuple[str, ...]) -> tuple[str, ...]:
    """What describes keeping the subject's words up to ``j`` (exclusive): kept whole, or trailing words dropped
    (``tail_words``: their own features)."""
    end, tail = words[j - 1], words[j:]
    f = ("rdrop=" + str(len(words) - j), "ew=" + end.text, "et=" + end.tag, "et|pred=" + end.tag + "|" + pred) \
        + tail_words
    if tail:
        f += ("et|rt=" + end.tag + "|" + tail[0].tag, "rdrop|gap=" + gap,
              "rlen=" + _bin(len(tail[0].text)) + "|" + tail[0].tag, "rsplit=" + _split(end, tail[0]))
    return f


# how the catalogue names found in a subject lie against its kept characters [a, b), a bit each: a name starts at a,
# one crosses a or b, one lies wholly outside, one kept ends at b; ``_CATALOGUE[bits]`` are the features, in that order
_CAT_AT_CUT, _CAT_CROSS, _CAT_DROPPED, _CAT_END = 1, 2, 4, 8
_CATALOGUE = tuple(tuple(name for bit, name in ((_CAT_AT_CUT, "cat_at_cut"), (_CAT_CROSS, "cat_cross"),
                                                (_CAT_DROPPED, "cat_dropped"), (_CAT_END, "cat_end")) if bits & bit)
                   for bits in range(16))
# the features of a candidate's kept characters and words, binned (``_bin``): made once, not per candidate
_KEPT_LEN = tuple("kl=" + _bin(n) for n in range(9))
_KEPT_WORDS = tuple("kw=" + _bin(n) for n in range(9))
_DROPPED = tuple("nd=" + _bin(n) for n in range(9))


def _name_start_side(matches: tuple[tuple[int, int, str], ...], a: int) -> int:
    """The bits of the names against a span's start ``a``: one starting there, one crossing it, one ending
    before it (dropped)."""
    return (_CAT_AT_CUT if any(s == a for s, _, _ in matches) else 0) \
        | (_CAT_CROSS if any(s < a < e for s, e, _ in matches) else 0) \
        | (_CAT_DROPPED if any(e <= a for _, e, _ in matches) else 0)


def _name_end_side(matches: tuple[tuple[int, int, str], ...], b: int) -> tuple[int, int]:
    """The bits of the names against a span's end ``b`` (one crossing it, one starting after it: dropped), and
    where the last-starting name that ends at ``b`` starts (-1: none): a span starting at or before it keeps that name
    whole (``cat_end``)."""
    bits = (_CAT_CROSS if any(s < b < e for s, e, _ in matches) else 0) \
        | (_CAT_DROPPED if any(s >= b for s, _, _ in matches) else 0)
    return bits, max((s for s, e, _ in matches if e == b), default=-1)


def _occurrences(text: str, word: str) -> Iterator[int]:
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def _a_choice(dropped: list[Word]) -> bool:
    """Whether dropping these words is a choice the rules left open: not when they are all plain nouns and
    adjectives that no lexicon class names (全口径, 机场: modifiers the name keeps as written)."""
    return any(w.tag not in NOMINAL_TAGS or w.classes for w in dropped)


def _split(left: Word, right: Word) -> str:
    """The lengths of the two words at a cut: between two single characters, the cut is likely inside a
    word the tagger's vocabulary does not know (赌/收)."""
    return f"{min(len(left.text), 3)}|{min(len(right.text), 3)}"


class _RuleState:
    """What the model needs of one rule set: each lexicon word's classes, the contractions
    the rules expand, the words a subject is cut into, and caches of what news repeats:
    a subject's tagged words (the same subject comes with other gaps and predicates), its candidates, and
    the bundled model's choice (weights that never change once loaded), small where the candidates'
    features are large."""

    def __init__(self, rules: "LinkerRules") -> None:
        self.rules = rules
        table: dict[str, set[str]] = {}
        for cls, entries in rules.lexicon.items():
            for e in entries:
                for w in e.words:
                    table.setdefault(w, set()).add(cls)
        self.classes = {w: tuple(sorted(cs)) for w, cs in table.items()}
        self.contractions = tuple(w for e in rules.lexicon.get("contraction", ()) for w in e.words if len(w) > 1)
        # a set of places (县市, 区县, 省区市: class place_unit) is one word: cut into 县|市, the drop of the set noun was
        # described as a drop of 县, and the few gold cuts of 用电增长贡献县市 taught the model to cut 百强县 to 百强
        self.vocabulary = rules.domain_words | frozenset(
            w for e in rules.lexicon.get("place_unit", ()) for w in e.words if len(w) > 1)
        self.words = lru_cache(maxsize=16384)(self._words)
        self.offers = lru_cache(maxsize=16384)(self._offer)
        self.unnamed = lru_cache(maxsize=4096)(self._unnamed)
        self.chosen = lru_cache(maxsize=16384)(self._chosen)

    def _words(self, subject: str) -> tuple[Word, ...]:
        return tuple(words_of(subject, self.classes, self.vocabulary))

    def _offer(self, subject: str) -> Offer:
        return _offer(subject, self.rules, self.words(subject), self.contractions)

    def _unnamed(self, subject: str, gap: str, pred: str) -> Unnamed:
        return _unnamed(subject, gap, pred, self.words(subject), self.offers(subject))

    def _chosen(self, subject: str, gap: str, pred: str) -> Optional[tuple[int, int]]:
        """The span of ``subject`` the bundled model keeps, None for the whole (where the rules offer no other
        span, nothing is described or scored)."""
        offer = self.offers(subject)
        if len(offer.spans) == 1:
            return None
        model = default_model()
        base = model.summed(_described(subject, gap, pred, self.words(subject), offer))
        k = model.choose_summed(base, offer.spans, [rest for _, _, rest in offer.kept],
                                lambda text: indicator_id(self.rules, text) is not None)
        return offer.spans[k] if k else None


def _kept_span(chooser: Chooser, cands: Candidates) -> Optional[tuple[int, int]]:
    """The span of the candidates ``chooser`` keeps, None for the whole subject."""
    k = chooser.choose(cands)
    return cands.spans[k] if k else None


_STATES: dict[int, _RuleState] = {}


def _state(rules: "LinkerRules") -> _RuleState:
    got = _STATES.get(id(rules))
    if got is None or got.rules is not rules:
        if len(_STATES) >= 8:  # rule sets loaded one after another (tests, custom files) are not all kept
            _STATES.clear()
        got = _STATES[id(rules)] = _RuleState(rules)
    return got


class BoundaryModel:
    """Linear scores of candidate spans; the best wins, the whole subject on a tie."""

    def __init__(self, weights: dict[str, float], margin: float = 0.0, end_margin: Optional[float] = None,
                 files: tuple[str, ...] = ()) -> None:
        self.weights = weights
        self.files = files  # the gold files it was trained on, by name: a retraining tells the files new to it
        self.margin = margin  # a cut must beat the whole subject by more than this
        # a cut that keeps the subject's start and drops only words at its end (陆客人数虽 -> 陆客人数) must beat it
        # by more than this: held out, those are far more often right than cuts of its start (the trainer's END_MARGIN)
        self.end_margin = margin if end_margin is None else end_margin

    def margin_of(self, span: tuple[int, int]) -> float:
        """What the cut to ``span`` must beat the whole subject by."""
        return self.end_margin if span[0] == 0 else self.margin

    def scores(self, cands: Candidates) -> list[float]:
        get = self.weights.get  # map over the features: the same sums, summed in the same order
        return [sum(map(get, fs, repeat(0.0, len(fs)))) for fs in cands.features]

    def choose(self, cands: Candidates) -> int:
        return self.pick(self.scores(cands), cands.spans)

    def pick(self, s: Sequence[float], spans: Sequence[tuple[int, int]]) -> int:
        """The best of the scores ``s`` of ``spans`` (the first on a tie), if it beats the whole subject's by its
        margin (``margin_of``)."""
        best = 0
        for i in range(1, len(s)):
            if s[i] > s[best]:
                best = i
        return best if best and s[best] > s[0] + self.margin_of(spans[best]) else 0

    def summed(self, described: Described) -> list[float]:
        """The sum of each described span's feature weights: the same floats ``scores`` gives for its joined features,
        the weights added one by one in the same order (``sum`` goes on from the total so far), those of a piece
        shared by spans looked up once."""
        get = self.weights.get

        def looked(piece: tuple[str, ...]) -> tuple[float, ...]:
            return tuple(map(get, piece, repeat(0.0, len(piece))))

        starts = [tuple(map(looked, pieces)) for pieces in described.starts]
        ends = {j: looked(piece) for j, piece in described.ends.items()}
        out = []
        for k, j, head, named in described.spans:  # (the order of ``Described.pieces``)
            at_cut, second, before, lengths = starts[k]
            total = 0
            for w in (looked(head), at_cut, second if j - k > 1 else (), before, ends[j], lengths, looked(named)):
                total = sum(w, total)
            out.append(total)
        return out

    def choose_named(self, cands: Unnamed, is_name: Callable[[str], bool]) -> int:
        """``choose`` on ``cands.named(...)``, asking ``is_name`` only of spans whose score could still reach the
        best (``choose_summed``)."""
        get = self.weights.get
        base = [sum(map(get, fs, repeat(0.0, len(fs)))) for fs in cands.features]
        return self.choose_summed(base, cands.spans, cands.rests, is_name)

    def choose_summed(self, base: Sequence[float], spans: Sequence[tuple[int, int]], rests: Sequence[str],
                      is_name: Callable[[str], bool]) -> int:
        """The span ``choose`` keeps of spans whose features but ``named`` sum to ``base``, asking ``is_name`` of
        their texts ``rests`` only where the span's score could still reach the best: a span's score is ``base`` plus
        the weight of ``named`` if its text is a name, the same float ``scores`` adds last."""
        w = self.weights.get("named", 0.0)

        def score(i: int) -> float:
            return base[i] + w if w and is_name(rests[i]) else base[i]

        best, top = 0, score(0)
        whole, reach = top, max(w, 0.0)
        for i in sorted(range(1, len(base)), key=base.__getitem__, reverse=True):
            if base[i] + reach < top:
                break
            s = score(i)
            if s > top or (s == top and i < best):
                best, top = i, s
        return best if best and top > whole + self.margin_of(spans[best]) else 0

    def save(self, path: Path) -> None:
        """Sorted keys and rounded weights: the bytes depend on the content only."""
        data = {"model": "subject_boundary", "margin": self.margin, "end_margin": self.end_margin,
                "files": sorted(self.files),
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if round(v, 4) != 0}}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "BoundaryModel":
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("model") != "subject_boundary" or not isinstance(data.get("weights"), dict):
            raise ValueError(f"{path}: not a subject boundary model")
        margin = float(data.get("margin", 0.0))
        return cls({str(k): float(v) for k, v in data["weights"].items()}, margin,
                   float(data.get("end_margin", margin)), tuple(map(str, data.get("files", ()))))


def train(examples: Sequence[tuple[Candidates, int]], *, epochs: int, seed: int, bag: int = 1,
          sources: Optional[Sequence[str]] = None, share: float = 1.0) -> BoundaryModel:
    """Averaged ranking perceptron (Collins 2002) over ``(candidates, index of the gold span)``, bagged: the weights
    are the mean of ``bag`` perceptrons, member m with seed ``seed * bag + m`` (with ``bag=1``, ``seed`` itself).

    One perceptron's weights depend on the order of its mistakes: an example more, or a feature more on a few
    examples, changes every later update, and a choice far away flips.  The mean over orders keeps what the
    data says and averages that path out.  A member visits the examples in an order drawn per example from its
    seed, the example's file (``sources``; without them, all of one file) and its rank in the file, so that a file
    added moves no other example's place."""
    return train_members(examples, epochs=epochs, seed=seed, bag=bag, sources=sources, share=share).mean()


class Bag:
    """The perceptrons ``train`` averages, as one array of weights per member over the features ``names`` (0 where a
    member never updated one): the mean is taken on the arrays, member by member in their order, as the weights
    were learnt, not key by key over a dict per member."""

    def __init__(self, names: dict[str, int], weights: Sequence[np.ndarray]) -> None:
        self.names = names
        self.weights = list(weights)

    def mean(self) -> BoundaryModel:
        """The weight-by-weight mean of the members."""
        total = np.zeros(len(self.names))
        for w in self.weights:
            total += w
        total /= len(self.weights)
        return self._model(total)

    def models(self) -> list[BoundaryModel]:
        """Each member on its own: how far they agree on a choice is what the trainer's held-out screen of gates reads
        (a bagging vote)."""
        return [self._model(w) for w in self.weights]

    def _model(self, w: np.ndarray) -> BoundaryModel:
        return BoundaryModel({f: float(w[i]) for f, i in self.names.items() if w[i] != 0})


def train_members(examples: Sequence[tuple[Candidates, int]], *, epochs: int, seed: int, bag: int = 1,
                  sources: Optional[Sequence[str]] = None, share: float = 1.0) -> Bag:
    """The ``bag`` perceptrons ``train`` averages, each on its own, at no training of its own.

    ``share`` below 1: each member learns from the examples of that share of the files only, drawn per member and file
    name (``_draw``), so that the mean leans less on what one file alone teaches."""
    files = sources if sources is not None else [""] * len(examples)
    names: dict[str, int] = {}
    coded = [_Coded.of(cands, gold, names) for cands, gold in examples]
    members = [seed * bag + m for m in range(bag)]
    reads = None
    if share < 1.0:
        drawn = {(m, f): _draw("share", m, f) < share for m in members for f in set(files)}
        reads = np.array([[drawn[m, f] for f in files] for m in members], dtype=bool).reshape(bag, len(files))
    w, seen = _perceptrons(coded, len(names), epochs, [_keys(files, m) for m in members], reads)
    return Bag(names, [np.where(seen[m], w[m], 0.0) for m in range(bag)])


@dataclass(frozen=True)
class _Coded:
    """An example as the perceptron reads it: its candidates' feature ids in one array (a feature once per time a
    candidate lists it), the candidate each id belongs to, where each candidate's ids start, and the gold index."""

    ids: np.ndarray
    owner: np.ndarray
    starts: tuple[int, ...]
    gold: int

    @classmethod
    def of(cls, cands: Candidates, gold: int, names: dict[str, int]) -> "_Coded":
        ids: list[int] = []
        owner: list[int] = []
        starts = []
        for k, fs in enumerate(cands.features):
            starts.append(len(ids))
            ids += [names.setdefault(f, len(names)) for f in fs]
            owner += [k] * len(fs)
        starts.append(len(ids))
        return cls(np.array(ids, dtype=np.intp), np.array(owner, dtype=np.intp), tuple(starts), gold)


def _draw(*key: object) -> float:
    """A number in [0, 1) fixed by ``key`` alone: the same on every machine and run, whatever else is drawn."""
    return int.from_bytes(hashlib.blake2b("/".join(map(str, key)).encode(), digest_size=8).digest(), "big") / 2 ** 64


def _keys(sources: Sequence[str], seed: int) -> list[tuple[object, ...]]:
    """Each example's key for member ``seed``: its file and its rank there, from which ``_draw`` orders it per epoch."""
    rank: dict[str, int] = {}
    out: list[tuple[object, ...]] = []
    for src in sources:
        rank[src] = rank.get(src, -1) + 1
        out.append((seed, src, rank[src]))
    return out


def _perceptrons(examples: Sequence[_Coded], n: int, epochs: int, keys: Sequence[Sequence[tuple[object, ...]]],
                 reads: Optional[np.ndarray] = None) -> tuple[np.ndarray, np.ndarray]:
    """Averaged perceptrons over ``n`` features, one per list of example keys (``keys[m]``, from which ``_draw`` orders
    member m's examples per epoch), stepped together: at each step every member reads its own next example, the
    candidates' scores of all members summed in one pass, where one perceptron at a time cost a numpy call per
    example and member.  Where a member's best candidate (the first on a tie) is not the gold span, the gold
    candidate's features gain one in its weights and the chosen one's lose one.  Returns each member's average
    weights over all steps (``w - acc / steps``, one row a member) and which features it ever updated.  Weights and
    sums stay whole numbers until the average, so they are exact whatever order numpy adds them in: a member's
    weights are those it would learn alone.  ``reads[m, i]`` False: member m makes no update on example i."""
    bag = len(keys)
    w = np.zeros(bag * n)  # member m's weights at [m * n, (m + 1) * n)
    acc = np.zeros(bag * n)
    seen = np.zeros(bag * n, dtype=bool)
    # every example's feature ids in one array, and every candidate's: where its ids start and end
    ids = np.concatenate([ex.ids for ex in examples] or [np.zeros(0, dtype=np.intp)])
    owner = np.concatenate([ex.owner for ex in examples] or [np.zeros(0, dtype=np.intp)])
    at = np.cumsum([0] + [len(ex.ids) for ex in examples])
    first = np.cumsum([0] + [len(ex.starts) - 1 for ex in examples])  # each example's first candidate
    cand_start = np.concatenate([np.array(ex.starts[:-1], dtype=np.intp) + at[i] for i, ex in enumerate(examples)]
                                or [np.zeros(0, dtype=np.intp)])
    cand_end = np.concatenate([np.array(ex.starts[1:], dtype=np.intp) + at[i] for i, ex in enumerate(examples)]
                              or [np.zeros(0, dtype=np.intp)])
    count = np.diff(first)
    width = int(count.max()) if len(count) else 1
    gold = np.array([ex.gold for ex in examples], dtype=np.intp)
    rows = np.arange(bag)
    cols = np.arange(width)
    step = 1
    for epoch in range(epochs):
        orders = _orders(keys, epoch).reshape(bag, len(examples))
        for t in range(len(examples)):
            now = orders[:, t]
            got = _ranges(at[now], at[now + 1])
            member = np.repeat(rows, at[now + 1] - at[now])
            scores = np.bincount(member * width + owner[got], weights=w[member * n + ids[got]],
                                 minlength=bag * width).reshape(bag, width)
            scores[cols >= count[now][:, None]] = -np.inf
            guess = scores.argmax(axis=1)
            wrong = np.nonzero((guess != gold[now]) & (True if reads is None else reads[rows, now]))[0]
            if len(wrong):
                good = first[now[wrong]] + gold[now[wrong]]
                bad = first[now[wrong]] + guess[wrong]
                cands = np.concatenate([good, bad])
                lengths = cand_end[cands] - cand_start[cands]
                where = np.repeat(np.concatenate([wrong, wrong]), lengths) * n + ids[_ranges(cand_start[cands],
                                                                                            cand_end[cands])]
                sign = np.repeat(np.concatenate([np.ones(len(good)), -np.ones(len(bad))]), lengths)
                np.add.at(w, where, sign)
                np.add.at(acc, where, sign * step)
                seen[where] = True
            step += 1
    return (w - acc / step).reshape(bag, n), seen.reshape(bag, n)


def _orders(keys: Sequence[Sequence[tuple[object, ...]]], epoch: int) -> np.ndarray:
    """Each member's order of the examples in ``epoch``: sorted by ``_draw`` of their keys (``_keys``: the member's
    seed, the file, the rank in the file), the draws of a file's examples made once per member and epoch
    (``_file_draws``) and kept for the next training, which holds most of the same files."""
    ranked: dict[object, list[int]] = {}
    for i, (_, src, _) in enumerate(keys[0] if keys else ()):
        ranked.setdefault(src, []).append(i)
    out = []
    for got in keys:
        draws = np.zeros(len(got))
        for src, at in ranked.items():
            draws[at] = _file_draws(got[at[0]][0], src, len(at), epoch)
        out.append(np.argsort(draws, kind="stable"))
    return np.array(out, dtype=np.intp)


@lru_cache(maxsize=65536)
def _file_draws(seed: object, src: object, count: int, epoch: int) -> np.ndarray:
    """``_draw`` of the keys of a file's ``count`` examples, by rank, for one member and epoch."""
    return np.array([_draw(seed, src, rank, epoch) for rank in range(count)])


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The integers of the ranges [starts[i], ends[i]), one after the other."""
    lengths = ends - starts
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(int(lengths.sum()))


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


def chooser_in_use() -> Optional[str]:
    """Which chooser ``refine_kept`` would use, as a key of subjects kept per text: ``"model"`` (the bundled one,
    whose weights never change once loaded), ``"rules"`` (none), or None for a chooser given to ``using``, which
    may need to see every subject (training records each one it is shown)."""
    if not _active:
        return "model"
    return "rules" if _active[-1] is None else None


def refine_kept(doc: "Document", keep: list[int], rest: str, end: int, *, topic: bool = False
                ) -> tuple[list[int], str]:
    """The linker's form: text positions ``keep`` of a subject and their characters ``rest``, the
    predicate starting at ``end``; returns them with the words outside the chosen span removed.

    ``topic``: the words are a clause's topic, which has no predicate of its own: the predicate features read
    ``TOPIC_PRED`` instead, so that the model learns how topics are cut apart from subjects."""
    chooser = _active[-1] if _active else default_model()
    if chooser is None or len(rest) <= MIN_REST or not JOINERS.isdisjoint(rest) or (topic and len(rest) > MAX_TOPIC):
        return keep, rest
    # the model trims a name, it does not decide which indicator a value is linked to: a subject the linker reads
    # as no name (由2018至19学年的) takes the indicator carried, and no span of it may become one (由2018至19学);
    # nor may a span read as no name (经济增幅 -> 增幅, a bare rate noun) hand the value to the indicator carried
    if doc.eng.names_nothing(rest):
        return keep, rest
    gap, pred = max(0, end - keep[-1] - 1), TOPIC_PRED if topic else doc.text[end:end + 2]
    if _active:
        span = _kept_span(chooser, candidates(rest, gap, pred, doc.rules))
    else:
        span = _state(doc.rules).chosen(rest, _bin(gap), pred)
    if span is None:
        return keep, rest
    kept = rest[span[0]:span[1]].strip()
    if doc.eng.names_nothing(kept) or doc.eng.p_rate.fullmatch(kept):
        return keep, rest
    a, b = span
    led = doc.eng.p_function_led_word.match(rest)
    if led is not None and 0 < a < led.end():
        a = 0  # a word of the domain opening with a filler (再出口, 与会人数) is one the rules keep whole
    owner = doc.eng.p_owner_word.match(rest, 0)
    if owner is not None and 0 < a <= owner.end():
        # a company opening the name owns the measure (上汽新能源汽车销量): the companies of class owner stay, where
        # the span drops no more than the company (国铁集团郑州局8天发送旅客 is trimmed past a period as the model chose)
        a = 0
    if doc.eng.p_item_prep.search(rest):
        b = len(rest)  # X以 ending the subject is the ranked-item rule's to read: the model trims the start only
    return keep[a:b], rest[a:b]
