"""Train and evaluate the project's own pkuseg word-segmentation model.

The pretrained pkuseg models cannot be downloaded here and the ones on the
package registry were trained on research-only data, so the project trains
its own model from the gold word segmentation of Universal Dependencies
Chinese GSD (CC BY-SA 4.0).  The recipe (see the data folder's README):

* GSD v1.3 train, converted to simplified script word by word with OpenCC
  ``t2s``, punctuation mapped to the fullwidth forms of modern simplified
  text, plus GSDSimp dev;
* half of the sentences (seeded) put back to halfwidth punctuation, because
  news text (and our normaliser's output) often uses halfwidth punctuation;
* ``spacy_pkuseg.train`` with Python's ``random`` and numpy seeded, so a
  build is repeatable;
* weights rounded to float32 values but stored as float64 (pkuseg's
  inference needs float64) in a compressed npz: ~40 % smaller, same F1.
"""
from __future__ import annotations

import contextlib
import io
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import numpy as np

# Halfwidth punctuation of the 2016 GSD release -> the fullwidth forms used in
# simplified-script news (and in GSDSimp).  Applied to punctuation tokens only,
# so the "." of "6.76" or the "," of "1,000" inside a word is left alone.
HALF_TO_FULL: dict[str, str] = {
    ",": "，",
    ".": "。",
    "(": "（",
    ")": "）",
    ":": "：",
    ";": "；",
    "?": "？",
    "!": "！",
}
FULL_TO_HALF: dict[str, str] = {v: k for k, v in HALF_TO_FULL.items()}
# Corner quotes are the traditional-script convention; simplified uses curly.
CORNER_TO_CURLY = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})

GSD_TRAIN = "UD_Chinese-GSD/zh-ud-train.v1.3-2016-04-27.conllu"
GSDSIMP_DEV = "UD_Chinese-GSDSimp/zh_gsdsimp-ud-dev.conllu"
GSDSIMP_TEST = "UD_Chinese-GSDSimp/zh_gsdsimp-ud-test.conllu"
PUD_TEST = "UD_Chinese-PUD/zh_pud-ud-test.conllu"

ATTRIBUTION = """\
# Attribution and licence of the segmentation model

The files in this folder (`features.msgpack`, `weights.npz`) are a pkuseg
word-segmentation model trained by the zhibiao project. The model is a
**derived work** of the following treebanks and is licensed under the
**Creative Commons Attribution-ShareAlike 4.0 International licence
(CC BY-SA 4.0)**, <https://creativecommons.org/licenses/by-sa/4.0/>,
separately from the MIT licence of the zhibiao code.

Trained on the gold word segmentation of:

- **UD Chinese GSD** (Universal Dependencies; Google / Universal
  Dependencies contributors), <https://github.com/UniversalDependencies/UD_Chinese-GSD>:
  the training set of the v1.3 release (2016-04-27), converted from
  traditional to simplified script with OpenCC `t2s`, with punctuation
  normalised. Licence: CC BY-SA 4.0 (the 2016 release was CC BY-NC-SA 4.0;
  Google lifted the NonCommercial restriction in 2019, UD v2.5).
- **UD Chinese GSDSimp** (the simplified-script version of GSD),
  <https://github.com/UniversalDependencies/UD_Chinese-GSDSimp>: the dev set.
  Licence: CC BY-SA 4.0.

Evaluated (not trained) on UD Chinese GSDSimp test and UD Chinese PUD
(CC BY-SA 3.0).

Changes made: script conversion, punctuation normalisation (halfwidth ->
fullwidth, corner quotes -> curly quotes, then half of the sentences back to
halfwidth punctuation), training of a CRF segmentation model with
spacy-pkuseg, and rounding of the weights to float32 precision.
If you redistribute or adapt this model, keep this notice and share your
adaptation under CC BY-SA 4.0.
"""


class ConlluWord(NamedTuple):
    """One syntactic word of a CoNLL-U sentence, with the columns the trainers use."""

    form: str
    space_after: bool
    upos: str
    xpos: str
    feats: str
    deprel: str


def read_conllu_words(path: Path | str) -> list[list[str]]:
    """Gold word lists of a CoNLL-U file, one list per sentence.

    Multiword-token ranges (``1-2``) and empty nodes (``1.1``) are skipped:
    only the syntactic words carry the segmentation.
    """
    return [[w.form for w in sent] for sent in read_conllu(path)]


def read_conllu_text(path: Path | str) -> list[tuple[str, list[str]]]:
    """(raw text, gold words) per sentence; spaces restored from ``SpaceAfter``.

    Evaluating on the real sentence text (``Mate 9手机``) rather than on the
    words glued together measures what the runtime sees.
    """
    out = []
    for sent in read_conllu(path):
        parts = []
        for i, word in enumerate(sent):
            parts.append(word.form)
            if word.space_after and i < len(sent) - 1:
                parts.append(" ")
        out.append(("".join(parts), [w.form for w in sent]))
    return out


def read_conllu(path: Path | str) -> Iterator[list[ConlluWord]]:
    """The syntactic words of each sentence of a CoNLL-U file (the part-of-speech trainer needs the tags)."""
    sent: list[ConlluWord] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 10 or "-" in cols[0] or "." in cols[0]:
                continue
            word = "".join(cols[1].split())  # a word never holds whitespace
            if word:
                sent.append(ConlluWord(word, "SpaceAfter=No" not in cols[9], cols[3], cols[4], cols[5], cols[7]))
    if sent:
        yield sent


def to_simplified(sentences: list[list[str]], converter=None) -> list[list[str]]:
    """Convert word lists to simplified script with OpenCC t2s, word by word.

    Word by word keeps the gold boundaries (t2s maps characters one to one
    within a word).  A lone 著 is the aspect particle, written 着 in
    simplified; t2s leaves it as 著 out of context.
    """
    if converter is None:
        import opencc

        converter = opencc.OpenCC("t2s")
    out = []
    for sent in sentences:
        words = []
        for w in sent:
            s = converter.convert(w)
            if len(s) != len(w):  # never expected; keep the gold form
                s = w
            words.append("着" if s == "著" else s)
        out.append(words)
    return out


def punct_to_fullwidth(sentences: list[list[str]]) -> list[list[str]]:
    """Halfwidth punctuation tokens -> fullwidth; corner quotes -> curly quotes."""
    return [
        [_map_punct(w, HALF_TO_FULL).translate(CORNER_TO_CURLY) for w in sent]
        for sent in sentences
    ]


def punct_to_halfwidth(sentences: list[list[str]]) -> list[list[str]]:
    """Fullwidth punctuation tokens -> halfwidth (the normaliser's output style)."""
    return [[_map_punct(w, FULL_TO_HALF) for w in sent] for sent in sentences]


def _map_punct(word: str, table: dict[str, str]) -> str:
    if word and all(c in table for c in word):
        return "".join(table[c] for c in word)
    return word


def mix_halfwidth(sentences: list[list[str]], seed: int, share: float = 0.5) -> list[list[str]]:
    """Put a seeded share of the sentences back to halfwidth punctuation.

    The model then copes with both styles, which matters because the
    normaliser folds fullwidth ASCII (，：（）…) to halfwidth.
    """
    rng = random.Random(seed)
    chosen = set(rng.sample(range(len(sentences)), round(len(sentences) * share)))
    return [
        punct_to_halfwidth([s])[0] if i in chosen else list(s)
        for i, s in enumerate(sentences)
    ]


def build_training_sentences(data_dir: Path, seed: int = 0) -> list[list[str]]:
    """The training sentences of the recipe: GSD v1.3 train (converted) + GSDSimp dev."""
    import opencc

    conv = opencc.OpenCC("t2s")
    gsd = punct_to_fullwidth(to_simplified(read_conllu_words(data_dir / GSD_TRAIN), conv))
    dev = punct_to_fullwidth(read_conllu_words(data_dir / GSDSIMP_DEV))
    return mix_halfwidth(gsd + dev, seed)


def _write_pkuseg_file(sentences: Iterable[list[str]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for sent in sentences:
            f.write(" ".join(sent) + "\n")


def compress_weights(model_dir: Path) -> None:
    """Round weights to float32 precision, store float64 in a compressed npz.

    pkuseg's Viterbi needs float64 arrays; float32-rounded values compress
    far better and give the same segmentation.
    """
    path = model_dir / "weights.npz"
    with np.load(path) as npz:
        sizes, w = npz["sizes"], npz["w"]
    w = w.astype(np.float32).astype(np.float64)
    tmp = model_dir / "weights.tmp.npz"
    np.savez_compressed(tmp, sizes=sizes, w=w)
    tmp.replace(path)


def train_segmenter(
    data_dir: Path, out_dir: Path, *, seed: int = 0, train_iter: int = 20
) -> dict:
    """Train the pkuseg model into ``out_dir`` and return measured figures.

    ``out_dir`` receives features.msgpack, weights.npz (compressed) and
    ATTRIBUTION.md, nothing else.  The test file handed to the trainer is
    GSDSimp test; pkuseg only reports scores on it per iteration (no model
    selection), so it does not leak into the model.
    """
    import spacy_pkuseg

    data_dir, out_dir = Path(data_dir), Path(out_dir)
    t0 = time.time()
    train = build_training_sentences(data_dir, seed)
    test = punct_to_fullwidth(read_conllu_words(data_dir / GSDSIMP_TEST))
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="zhibiao-seg-") as tmp:
        tmp_path = Path(tmp)
        train_file, test_file = tmp_path / "train.txt", tmp_path / "test.txt"
        _write_pkuseg_file(train, train_file)
        _write_pkuseg_file(test, test_file)
        model_tmp = tmp_path / "model"
        random.seed(seed)
        np.random.seed(seed)
        log = io.StringIO()
        with contextlib.redirect_stdout(log):
            spacy_pkuseg.train(str(train_file), str(test_file), str(model_tmp), train_iter=train_iter)
        compress_weights(model_tmp)
        for name in ("features.msgpack", "weights.npz"):
            shutil.copyfile(model_tmp / name, out_dir / name)
    (out_dir / "ATTRIBUTION.md").write_text(ATTRIBUTION, encoding="utf-8")
    train_seconds = time.time() - t0

    from .segmenter import Segmenter

    seg = Segmenter(model_dir=out_dir)
    return {
        "seed": seed,
        "train_iter": train_iter,
        "train_sentences": len(train),
        "train_words": sum(map(len, train)),
        "train_seconds": round(train_seconds, 1),
        "size_bytes": sum(p.stat().st_size for p in out_dir.iterdir() if p.is_file()),
        "f1_gsdsimp_test": round(evaluate_segmenter(seg.cut, data_dir / GSDSIMP_TEST), 2),
        "f1_pud": round(evaluate_segmenter(seg.cut, data_dir / PUD_TEST, simplify=True), 2),
    }


def _spans(words: list[str]) -> set[tuple[int, int]]:
    spans, start = set(), 0
    for w in words:
        spans.add((start, start + len(w)))
        start += len(w)
    return spans


def word_f1(gold: list[list[str]], pred: list[list[str]]) -> float:
    """Span-based word F1 in percent (a word counts if both its ends match).

    Sentences are compared pairwise; whitespace is not part of either side,
    so each pair must concatenate to the same string.
    """
    n_gold = n_pred = n_ok = 0
    for g, p in zip(gold, pred, strict=True):
        if "".join(g) != "".join(p):
            raise ValueError(f"gold and predicted words differ in text: {''.join(g)!r}")
        gs, ps = _spans(g), _spans(p)
        n_gold += len(gs)
        n_pred += len(ps)
        n_ok += len(gs & ps)
    if not n_ok:
        return 0.0
    prec, rec = n_ok / n_pred, n_ok / n_gold
    return 100 * 2 * prec * rec / (prec + rec)


def evaluate_segmenter(
    cut: Callable[[str], list[str]], conllu_path: Path | str, *, simplify: bool = False
) -> float:
    """Word F1 of ``cut`` on a CoNLL-U file's sentence text (spaces restored).

    Whitespace tokens of the prediction are dropped (gold words hold none).
    ``simplify`` converts a traditional-script treebank (PUD) to simplified
    with t2s word by word first, so the gold boundaries stay valid.
    """
    items = read_conllu_text(conllu_path)
    if simplify:
        import opencc

        conv = opencc.OpenCC("t2s")
        items = [simplify_item(text, to_simplified([ws], conv)[0]) for text, ws in items]
    gold = [ws for _, ws in items]
    pred = [[tok for tok in cut(text) if not tok.isspace()] for text, _ in items]
    return word_f1(gold, pred)


def simplify_item(text: str, words: list[str]) -> tuple[str, list[str]]:
    """Rebuild the sentence text from converted words, keeping its spaces."""
    chars = iter("".join(words))
    return "".join(c if c.isspace() else next(chars) for c in text), words
