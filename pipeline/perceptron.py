"""Training of a greedy averaged perceptron over sparse string features, and its file format.

Each word of a training sentence comes with its static features (the word,
its characters, its neighbours), a history function giving the features
that depend on the tags already chosen to its left, and its gold tag.
Tags are chosen left to right, each with everything known so far; on the UD
Chinese data this beat a first-order Viterbi perceptron with the same
static features (see README, "The part-of-speech model").

Training is the averaged perceptron (Collins 2002): where the prediction is
wrong, move weight from the predicted to the gold tag; the kept weights are
the average over all steps, which generalises far better than the last ones.
"""
from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

History = Callable[[int, list[str]], list[str]]
#: dense rows ``SparseRows.add_row`` keeps: 16,384 rows of the bundled tagger's 56 tags are 3.7 MB
DENSE_ROWS = 16384


class SparseRows:
    """A float32 matrix of mostly zeros, kept by rows (compressed sparse rows), indexed as the dense one.

    The bundled tagger's weights are 165,615 features x 56 tags with one value in twenty non-zero:
    6.8 MB this way (456,885 values with their columns and row starts), 37 MB dense in every process that
    tags.  ``m[rows]`` (a sequence of row numbers) gives
    those rows dense, ``m[row]`` one row: the very float32 values of the dense matrix, so sums over them
    are the same to the bit."""

    def __init__(self, indptr: np.ndarray, cols: np.ndarray, vals: np.ndarray, n_cols: int) -> None:
        self.indptr = indptr.astype(np.int64)
        self.cols = cols.astype(np.intp)
        self.vals = vals.astype(np.float32)
        self.shape = (len(indptr) - 1, n_cols)
        self._dense: dict[int, np.ndarray] = {}  # rows added by ``add_row``, dense

    def __getitem__(self, rows: int | Sequence[int] | np.ndarray) -> np.ndarray:
        if isinstance(rows, (int, np.integer)):
            a, b = self.indptr[rows], self.indptr[rows + 1]
            row = np.zeros(self.shape[1], dtype=np.float32)
            row[self.cols[a:b]] = self.vals[a:b]
            return row
        rows = np.asarray(rows, dtype=np.int64)
        starts = self.indptr[rows]
        counts = self.indptr[rows + 1] - starts
        out = np.zeros((len(rows), self.shape[1]), dtype=np.float32)
        # the k-th stored value of each row: its row's start plus k
        at = np.arange(counts.sum()) + np.repeat(starts - (np.cumsum(counts) - counts), counts)
        out[np.repeat(np.arange(len(rows)), counts), self.cols[at]] = self.vals[at]
        return out

    def add_row(self, out: np.ndarray, row: int) -> None:
        """``out += m[row]``: what a decoder adding one feature at a time needs.  The rows it adds are made dense
        once (a bounded table): the tagger adds the same features of common words and tag pairs again and again,
        and one addition of a dense row costs a third of gathering the row's few values into their columns; the
        zeros it adds change no score (x + 0 == x, compared with == as the argmax compares)."""
        dense = self._dense.get(row)
        if dense is None:
            if len(self._dense) >= DENSE_ROWS:
                self._dense.clear()
            dense = self._dense[row] = self[row]
        out += dense

    def __array__(self, dtype: np.dtype | None = None, copy: bool | None = None) -> np.ndarray:
        dense = self[np.arange(self.shape[0])]
        return dense if dtype is None else dense.astype(dtype)


class Perceptron:
    """Feature names, tag names and a (features x tags) weight matrix (dense, or ``SparseRows`` once loaded)."""

    def __init__(self, features: Sequence[str], tags: Sequence[str], weights: np.ndarray | SparseRows) -> None:
        if weights.shape != (len(features), len(tags)):
            raise ValueError(f"weights of shape {weights.shape} for {len(features)} features and {len(tags)} tags")
        self.features = list(features)
        self.tags = list(tags)
        self.weights = weights
        self.ids = {name: i for i, name in enumerate(self.features)}

    def rows(self, names: Iterable[str]) -> list[int]:
        """Weight rows of the known features among ``names``."""
        ids = self.ids
        return [ids[f] for f in names if f in ids]

    def save(self, path: Path) -> None:
        """One compressed ``.npz``: names as UTF-8 text, weights as sparse rows of float16.

        float16 keeps three significant digits, which changes no tag on the
        test sets and halves the file; the archive's fixed timestamps make
        the bytes depend on the content only.
        """
        if len(self.tags) > 256:
            raise ValueError(f"{len(self.tags)} tags do not fit the file's one-byte tag columns")
        weights = np.asarray(self.weights)
        nonzero = weights != 0
        np.savez_compressed(
            path,
            features=np.frombuffer("\n".join(self.features).encode("utf-8"), dtype=np.uint8),
            tags=np.frombuffer("\n".join(self.tags).encode("utf-8"), dtype=np.uint8),
            indptr=np.concatenate(([0], np.cumsum(nonzero.sum(axis=1)))).astype(np.int32),
            cols=np.nonzero(nonzero)[1].astype(np.uint8),
            vals=weights[nonzero].astype(np.float16),
        )

    @classmethod
    def load(cls, path: Path) -> "Perceptron":
        """The model ``save`` wrote, its float32 weights kept by rows (``SparseRows``)."""
        with np.load(path) as npz:
            features = npz["features"].tobytes().decode("utf-8").split("\n")
            tags = npz["tags"].tobytes().decode("utf-8").split("\n")
            weights = SparseRows(npz["indptr"], npz["cols"], npz["vals"], len(tags))
        return cls(features, tags, weights)


def train(
    examples: Sequence[tuple[list[list[str]], History, list[str]]],
    *,
    epochs: int,
    seed: int,
) -> Perceptron:
    """Averaged perceptron over ``(static features per word, history function, gold tags)`` sentences.

    The feature set is every static feature of the data and every history
    feature of the gold tag sequences, in first-seen order; features whose
    averaged weights are all zero are dropped at the end.  Sentences are
    visited in a seeded shuffled order each epoch and the history is built
    from the tagger's own predictions, as at runtime.  Averaging uses the
    usual trick: alongside the weights, accumulate every update times the
    step it happened at; the average is ``w - acc / steps``.
    """
    tags = sorted({t for _, _, gold in examples for t in gold})
    tag_id = {t: i for i, t in enumerate(tags)}
    features: dict[str, None] = {}
    for static, history, gold in examples:
        for i, names in enumerate(static):
            features.update(dict.fromkeys(names))
            features.update(dict.fromkeys(history(i, gold)))
    model = Perceptron(list(features), tags, np.zeros((len(features), len(tags))))
    w = model.weights
    acc = np.zeros_like(w)
    static_rows = [[np.array(model.rows(names), dtype=np.int64) for names in static] for static, _, _ in examples]
    order = list(range(len(examples)))
    rng = random.Random(seed)
    step = 1
    for _ in range(epochs):
        rng.shuffle(order)
        for s in order:
            _, history, gold = examples[s]
            chosen: list[str] = []
            for i, rows in enumerate(static_rows[s]):
                rows = np.concatenate((rows, np.array(model.rows(history(i, chosen)), dtype=np.int64)))
                guess = int(w[rows].sum(axis=0).argmax())
                truth = tag_id[gold[i]]
                if guess != truth:
                    w[rows, truth] += 1.0
                    w[rows, guess] -= 1.0
                    acc[rows, truth] += step
                    acc[rows, guess] -= step
                chosen.append(tags[guess])
                step += 1
    averaged = w - acc / step
    keep = np.flatnonzero(np.abs(averaged).max(axis=1) > 0)
    return Perceptron([model.features[i] for i in keep], tags, averaged[keep])
