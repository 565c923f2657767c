"""Part-of-speech tagging with the project's own bundled model: UPOS and Chinese Treebank XPOS.

``tag_words(words)`` is the pure entry point (no spaCy): words in, one
``(upos, xpos)`` pair per word out.  White-space words get spaCy's
``("SPACE", "_SP")``; the words between them, and after sentence-final
punctuation, are tagged as sentences of their own, as in training.

The tagger is the greedy perceptron of ``perceptron.py`` over the templates
of ``pos_features.py``, made fast for the default pipeline without changing
its decisions (a test compares it with the plain decoder): the static
features of a word depend on the word alone in each of its five roles
(itself, neighbour to the left or right, two away), so their summed weights
are cached per word (a bounded cache), and the features of the two previous
tags are one precomputed table.  What is left per word is a few vector
additions, two dictionary look-ups and an argmax.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import regex

from .perceptron import Perceptron, SparseRows
from .pos_features import (
    NO_VERB,
    ROLES,
    START,
    canonical,
    next_clause_state,
    padded,
    pair_features,
    tag_pair_features,
    tag_word_features,
    word_roles,
)

MODEL_FILE = "model.npz"
SPACE = ("SPACE", "_SP")
SENTENCE_END = frozenset("。!?！？")
ROLE_SHIFTS = (0, -1, 1, -2, 2)  # where the word playing each of ROLES stands, relative to the word tagged
_ROLE_COLUMN = np.arange(len(ROLE_SHIFTS))[:, None]  # role r's rows of the role table, one per word tagged


@lru_cache(maxsize=64)
def _role_positions(n: int) -> np.ndarray:
    """For a sentence of ``n`` words: row r holds the padded positions of the words playing role r for each word."""
    return np.array([[2 + shift + j for j in range(n)] for shift in ROLE_SHIFTS], dtype=np.int64)


class _RoleScores:
    """Summed weights of each word's features in each role, cached for up to ``capacity`` words."""

    def __init__(self, ids: dict[str, int], weights: np.ndarray | SparseRows, capacity: int) -> None:
        self.ids = ids
        self.weights = weights
        self.capacity = capacity
        self.index: dict[str, int] = {}
        self.table = np.zeros((capacity, len(ROLES), weights.shape[1]), dtype=np.float32)

    def lookup(self, words: list[str]) -> np.ndarray:
        """Table rows of ``words``, computing the missing ones in one gather (emptying a full cache first)."""
        missing = [w for w in dict.fromkeys(words) if w not in self.index]
        if len(self.index) + len(missing) > self.capacity:
            self.index.clear()
            missing = list(dict.fromkeys(words))  # the cleared words this call needs come back too
            if len(missing) > self.capacity:
                self.capacity = len(missing)
                self.table = np.zeros((self.capacity, *self.table.shape[1:]), dtype=np.float32)
        if missing:
            self._add(missing)
        index = self.index
        return np.array([index[w] for w in words], dtype=np.int64)

    def _add(self, words: list[str]) -> None:
        ids = self.ids
        rows: list[int] = []
        starts: list[int] = []
        for w in words:
            for names in word_roles(w):
                starts.append(len(rows))
                rows.extend(ids[f] for f in names if f in ids)
        bounds = np.array(starts + [len(rows)])
        sums = np.zeros((len(starts), self.weights.shape[1]), dtype=np.float32)
        filled = bounds[1:] > bounds[:-1]  # reduceat needs non-empty groups
        if rows:
            sums[filled] = np.add.reduceat(self.weights[np.array(rows)], bounds[:-1][filled], axis=0)
        first = len(self.index)
        self.table[first : first + len(words)] = sums.reshape(len(words), len(ROLES), -1)
        self.index.update((w, first + j) for j, w in enumerate(words))


class PosTagger:
    """Lazily loaded part-of-speech tagger; ``model_dir`` defaults to the bundled model."""

    def __init__(self, model_dir: Path | str | None = None, *, cache_size: int = 16384) -> None:
        self._model_dir = model_dir
        self._cache_size = cache_size
        self._loaded = False
        self._lock = threading.Lock()

    @property
    def model_dir(self) -> Path:
        """The folder of the model this tagger runs (the bundled one by default)."""
        from . import resources

        return Path(self._model_dir or resources.tagger_dir())

    def _load(self) -> None:
        with self._lock:
            if self._loaded:
                return
            path = self.model_dir / MODEL_FILE
            if not path.is_file():
                raise FileNotFoundError(f"no part-of-speech model in {self.model_dir}")
            model = Perceptron.load(path)
            k = len(model.tags)
            history = [*model.tags, START]  # START is row/column k of the tag-pair table
            self._pairs = np.zeros((k + 1, k + 1, k), dtype=np.float32)
            for a, p2 in enumerate(history):
                for b, p1 in enumerate(history):
                    self._pairs[a, b] = model.weights[model.rows(tag_pair_features(p2, p1))].sum(axis=0)
            self._tags = model.tags
            self._ids = model.ids
            self._weights = model.weights
            self._roles = _RoleScores(self._ids, self._weights, self._cache_size)
            self._pos_of = {t: tuple(t.split("|", 1)) for t in model.tags}
            self._loaded = True

    def tag_sentences(self, sentences: Sequence[list[str]]) -> list[list[str]]:
        """Joint ``UPOS|XPOS`` tags of each sentence (no white-space words); static scores for all words at once."""
        if not self._loaded:
            self._load()
        pads = [padded(canonical(s)) for s in sentences]
        flat = [w for pad in pads for w in pad]
        cached = self._roles.lookup(flat)
        offsets = np.cumsum([0] + [len(pad) for pad in pads])
        at = np.concatenate([np.arange(o + 2, o + len(pad) - 2) for o, pad in zip(offsets, pads)] + [[]])
        at = at.astype(np.int64)
        table = self._roles.table
        scores = sum(table[cached[at + shift], role] for role, shift in enumerate(ROLE_SHIFTS))
        ids = self._ids
        hits = [(j, ids[f]) for j, q in enumerate(at.tolist())
                for f in pair_features(flat[q - 1], flat[q], flat[q + 1]) if f in ids]
        if hits:
            where, rows = zip(*hits)
            np.add.at(scores, np.array(where), self._weights[np.array(rows)])
        return self._greedy([pad[2:-2] for pad in pads], scores)

    def _tag_one(self, sentence: list[str]) -> list[str]:
        """``tag_sentences([sentence])`` with less numpy per call: a subject of three to five words is tagged
        alone, and the batch's offsets, gathers and scatter cost more than its words.  The same float32 sums, in
        the same order: each role's rows added in ``ROLE_SHIFTS`` order, then the pair features' rows."""
        if not self._loaded:
            self._load()
        pad = padded(canonical(sentence))
        cached = self._roles.lookup(pad)
        n = len(sentence)
        # the rows of all five roles in one gather (role r of word j: the padded word 2 + j + ROLE_SHIFTS[r]), added
        # role after role as ``tag_sentences`` adds them
        by_role = self._roles.table[cached[_role_positions(n)], _ROLE_COLUMN]
        scores = by_role[0] + by_role[1]
        for r in range(2, len(ROLE_SHIFTS)):
            scores += by_role[r]
        ids, weights = self._ids, self._weights
        for j in range(n):
            for f in pair_features(pad[j + 1], pad[j + 2], pad[j + 3]):
                row = ids.get(f)
                if row is not None:
                    weights.add_row(scores[j], row)
        return self._greedy([pad[2:-2]], scores)[0]

    def _greedy(self, sentences: list[list[str]], scores: np.ndarray) -> list[list[str]]:
        """Choose tags left to right: static scores, the two-previous-tags table and two look-ups per word."""
        tags, ids, weights, pairs = self._tags, self._ids, self._weights, self._pairs
        start = len(tags)  # the start marker's index in ``pairs`` and ``names``
        names = [*tags, START]
        out: list[list[str]] = []
        j = 0
        for words in sentences:
            p2 = p1 = start
            state = NO_VERB
            chosen: list[str] = []
            for w in words:
                total = scores[j] + pairs[p2, p1]
                for f in tag_word_features(names[p1], state, w):
                    row = ids.get(f)
                    if row is not None:
                        weights.add_row(total, row)
                t = int(total.argmax())
                tag = tags[t]
                chosen.append(tag)
                state = next_clause_state(state, tag)
                p2, p1 = p1, t
                j += 1
            out.append(chosen)
        return out

    def tag_words(self, words: Sequence[str]) -> list[tuple[str, str]]:
        """``(upos, xpos)`` of each word; sentences end after 。!? and at white space (or empty words)."""
        sentences: list[list[str]] = []
        current: list[str] = []
        for w in words:
            if not w.strip():
                if current:
                    sentences.append(current)
                current = []
                continue
            current.append(w)
            if w in SENTENCE_END:
                sentences.append(current)
                current = []
        if current:
            sentences.append(current)
        if len(sentences) == 1:
            tagged = iter(self._tag_one(sentences[0]))
        else:
            tagged = iter(t for sent in self.tag_sentences(sentences) for t in sent)
        pos_of = self._pos_of
        return [pos_of[next(tagged)] if w.strip() else SPACE for w in words]


_default: PosTagger | None = None


def default_tagger() -> PosTagger:
    """The shared tagger with the bundled model (created on first use)."""
    global _default
    if _default is None:
        _default = PosTagger()
    return _default


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Words of two or more characters the bundled tagger saw in training (UD Chinese): the general language."""
    tagger = default_tagger()
    tagger._load()
    return frozenset(f[1:] for f in tagger._ids if f.startswith("w") and len(f) > 2)


def word_at_start(text: str) -> str | None:
    """The word of three or two characters of the general language that ``text`` starts with, if any.

    A one-character function word stripped from a subject may begin a word (其他, 所有, 在建, 再生).
    """
    words = known_words()
    for n in (3, 2):
        if len(text) >= n and text[:n] in words:
            return text[:n]
    return None


_ALNUM_RUN = regex.compile(r"[0-9A-Za-z.%]+")
_ALNUM_FIRST = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.%")  # what it can begin with
HAN_CHAR = regex.compile(r"\p{Han}")  # one Han character (the linker's modules share it)


def dictionary_cut(text: str, longest: int = 4, vocabulary: frozenset[str] = frozenset()) -> list[str]:
    """Words of ``text`` by forward maximum matching over ``known_words()``: runs of digits and Latin
    letters stay whole, an unknown character is a word of its own.  For a few characters of a subject this
    is what the statistical segmenter would give, without loading it (150 MB) into every batch worker.

    ``vocabulary`` holds the domain's words (营收, 转口货值, 市占率): they join only characters the general
    language left single (台|积|电|营|收 -> 台积电|营收), so a word of the general language is never cut by one
    (年报 leaves 今年报考 as 今|年|报考)."""
    words = known_words()
    reach = _reach(words)
    out: list[str] = []
    i = 0
    while i < len(text):
        m = _ALNUM_RUN.match(text, i) if text[i] in _ALNUM_FIRST else None
        if m:
            out.append(m.group())
            i = m.end()
            continue
        n = _longest_at(text, i, words, min(longest, reach.get(text[i], 1)))
        out.append(text[i:i + n])
        i += n
    return _join_singles(out, vocabulary, longest) if vocabulary else out


@lru_cache(maxsize=8)
def _reach(words: frozenset[str]) -> dict[str, int]:
    """For each character that begins a word of two characters or more in ``words``, the longest such word's length:
    a word no longer than that can start with it, so the lengths tried at a position stop there (a subject is cut
    at every character, and most begin only short words or none)."""
    out: dict[str, int] = {}
    for w in words:
        if len(w) > 1 and len(w) > out.get(w[0], 1):
            out[w[0]] = len(w)
    return out


def _longest_at(text: str, i: int, words: frozenset[str] | set[str], longest: int) -> int:
    """Length of the longest word of ``words`` (at most ``longest``) starting at ``text[i]``; 1 if none."""
    for n in range(min(longest, len(text) - i), 1, -1):
        if text[i:i + n] in words:
            return n
    return 1


def _join_singles(cut: list[str], vocabulary: frozenset[str], longest: int) -> list[str]:
    """``cut`` with each run of one-character Han words cut again by forward maximum matching over ``vocabulary``."""
    reach = _reach(vocabulary)
    out: list[str] = []
    i = 0
    while i < len(cut):
        j = i
        while j < len(cut) and len(cut[j]) == 1 and HAN_CHAR.match(cut[j]):
            j += 1
        if j - i < 2:
            out.append(cut[i])
            i += 1
            continue
        run = "".join(cut[i:j])
        k = 0
        while k < len(run):
            n = _longest_at(run, k, vocabulary, min(longest, reach.get(run[k], 1)))
            out.append(run[k:k + n])
            k += n
        i = j
    return out


def tag_words(words: Sequence[str]) -> list[tuple[str, str]]:
    """``(upos, xpos)`` of each word, with the shared default tagger."""
    return default_tagger().tag_words(words)


@lru_cache(maxsize=16384)
def cut_tagged(text: str, vocabulary: frozenset[str] = frozenset()
               ) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The words of ``text`` (``dictionary_cut`` with ``vocabulary``) and their ``(upos, xpos)`` by the default
    tagger, kept per text.

    The linker asks this of a subject up to three times (is it a verb phrase, which phrase rules fit it, where the
    boundary model cuts it), and news repeats its subjects: tagging took a seventh of ``extract``'s time on a new
    text of 100,000 characters, its texts tagged 1.7 times each."""
    words = tuple(dictionary_cut(text, vocabulary=vocabulary))
    return words, _tagged(words)


@lru_cache(maxsize=16384)
def _tagged(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``(upos, xpos)`` of ``words`` by the default tagger, kept per cut: a text asked with and without the domain's
    vocabulary (is it a verb phrase, where the boundary model cuts it) is mostly cut alike, and the tags depend on
    the words alone (a quarter of the cuts tagged on the benchmark's news base repeat an earlier one)."""
    return tuple(default_tagger().tag_words(words))
