"""Train and evaluate the project's part-of-speech model from Universal Dependencies Chinese.

Data: the segmenter's recipe (``segmenter_train``): GSD v1.3 train converted
to simplified script word by word, plus GSDSimp dev; evaluated on GSDSimp
test and PUD.  The tags are the universal UPOS and the Chinese Treebank
style XPOS of each word, learnt as one joint label so the two never
disagree (``NOUN|NN``, ``AUX|VC``).

The 2016 train set follows UD v1 conventions for UPOS; GSDSimp (UD v2.x)
changed them.  The XPOS layer did not change, and every change is decided by
columns the 2016 file has (XPOS, FEATS, DEPREL), so ``current_upos`` maps
the old tags exactly instead of leaving the model to learn two conventions:

* ``CONJ`` -> ``CCONJ`` (renamed in UD v2);
* aspect markers 了/着/过 (``AS``): ``PART`` -> ``AUX``;
* 被 (``BB``, ``Voice=Pass``) ``VERB`` -> ``AUX``; 把/将 (``BB``, ``Voice=Cau``) ``VERB`` -> ``ADP``;
* 的 (``DEC``): ``Case=Rel`` (relative clause) -> ``SCONJ``, ``Case=Gen`` stays ``PART``;
* 地/的 (``DEV``): ``Case=Advb`` -> ``SCONJ``, 得 (``Case=Comp``) stays ``PART``;
* copula 是/为 (``VC``, deprel ``cop``): ``VERB`` -> ``AUX``;
* adverbs that link clauses (``RB``, deprel ``mark``: 也, 而, 但, 并, 都 ...): ``ADV`` -> ``SCONJ``;
* interjections and sentence-final particles (``UH``): ``X`` -> ``PART``.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .segmenter_train import (
    GSD_TRAIN,
    GSDSIMP_DEV,
    GSDSIMP_TEST,
    PUD_TEST,
    ConlluWord,
    punct_to_fullwidth,
    read_conllu,
    read_conllu_text,
    simplify_item,
    to_simplified,
)

ATTRIBUTION = """\
# Attribution and licence of the part-of-speech model

The file in this folder (`model.npz`) is a part-of-speech model (averaged
perceptron) trained by the zhibiao project. The model is a **derived work**
of the following treebanks and is licensed under the **Creative Commons
Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0)**,
<https://creativecommons.org/licenses/by-sa/4.0/>, separately from the MIT
licence of the zhibiao code.

Trained on the gold words, universal part-of-speech tags (UPOS) and
language-specific tags (XPOS) of:

- **UD Chinese GSD** (Universal Dependencies; Google / Universal
  Dependencies contributors), <https://github.com/UniversalDependencies/UD_Chinese-GSD>:
  the training set of the v1.3 release (2016-04-27), converted from
  traditional to simplified script with OpenCC `t2s`, with punctuation
  normalised and the UPOS tags mapped to the conventions of the current
  release. Licence: CC BY-SA 4.0 (the 2016 release was CC BY-NC-SA 4.0;
  Google lifted the NonCommercial restriction in 2019, UD v2.5).
- **UD Chinese GSDSimp** (the simplified-script version of GSD),
  <https://github.com/UniversalDependencies/UD_Chinese-GSDSimp>: the dev set.
  Licence: CC BY-SA 4.0.

Evaluated (not trained) on UD Chinese GSDSimp test and UD Chinese PUD
(CC BY-SA 3.0).

Changes made: script conversion, punctuation normalisation, UPOS
conventions mapped (UD v1 to v2: CONJ to CCONJ, aspect markers to AUX,
copulas to AUX, clause-linking adverbs and relative-clause 的 to SCONJ, and
the like), training of a perceptron tagger, and rounding of the weights to
float16 precision. If you redistribute or adapt this model, keep this notice
and share your adaptation under CC BY-SA 4.0.
"""

Tagged = list[tuple[str, str]]  # (word, "UPOS|XPOS") per word of a sentence


def current_upos(word: ConlluWord) -> str:
    """The UPOS the current GSDSimp conventions give a word of the 2016 GSD train set."""
    upos, xpos, feats, deprel = word.upos, word.xpos, word.feats, word.deprel
    if upos == "CONJ":
        return "CCONJ"
    if xpos == "AS":
        return "AUX"
    if xpos == "BB":
        return "AUX" if "Voice=Pass" in feats else "ADP"
    if xpos == "DEC":
        return "SCONJ" if "Case=Rel" in feats else "PART"
    if xpos == "DEV":
        return "SCONJ" if "Case=Advb" in feats else "PART"
    if xpos == "VC":
        return "AUX" if deprel == "cop" else "VERB"
    if xpos == "RB":
        return "SCONJ" if deprel == "mark" else "ADV"
    if xpos == "UH":
        return "PART"
    return upos


def read_tagged(path: Path | str, *, simplify: bool = False, remap: bool = False) -> list[Tagged]:
    """(word, joint tag) sentences of a CoNLL-U file.

    ``simplify`` converts traditional script word by word (t2s, as the
    segmenter's recipe does); ``remap`` applies ``current_upos`` (for the
    2016 train set).
    """
    sentences = list(read_conllu(path))
    words = [[w.form for w in s] for s in sentences]
    if simplify:
        words = to_simplified(words)
    return [
        [(form, f"{current_upos(w) if remap else w.upos}|{w.xpos}") for form, w in zip(ws, s, strict=True)]
        for ws, s in zip(words, sentences, strict=True)
    ]


def training_sentences(data_dir: Path) -> list[Tagged]:
    """The training recipe: GSD v1.3 train (converted, tags remapped) + GSDSimp dev.

    The train set's punctuation goes to the forms of simplified text (corner
    quotes to curly ones) as in the segmenter's recipe; width needs no
    mixing, since the features fold it.
    """
    data_dir = Path(data_dir)
    train = read_tagged(data_dir / GSD_TRAIN, simplify=True, remap=True)
    words = punct_to_fullwidth([[w for w, _ in s] for s in train])
    train = [list(zip(ws, (t for _, t in s))) for ws, s in zip(words, train, strict=True)]
    return train + read_tagged(data_dir / GSDSIMP_DEV)


def tag_accuracy(tag_words: Callable[[list[str]], list[tuple[str, str]]], gold: Sequence[Tagged]) -> tuple[float, float]:
    """UPOS and XPOS accuracy in percent of ``tag_words`` on gold words."""
    n = upos = xpos = 0
    for sent in gold:
        for (_, tag), (u, x) in zip(sent, tag_words([w for w, _ in sent]), strict=True):
            gold_u, gold_x = tag.split("|", 1)
            n += 1
            upos += u == gold_u
            xpos += x == gold_x
    return 100 * upos / n, 100 * xpos / n


def segmented_tag_f1(
    cut: Callable[[str], list[str]],
    tag_words: Callable[[list[str]], list[tuple[str, str]]],
    conllu_path: Path | str,
    *,
    simplify: bool = False,
) -> tuple[float, float]:
    """UPOS and XPOS F1 in percent when the words come from ``cut`` on the sentence text.

    A predicted word counts only if its span and its tag both match a gold
    word (the CoNLL 2018 shared task's aligned measure); the text is the
    one the segmenter's F1 is measured on (``evaluate_segmenter``).
    """
    gold = read_tagged(conllu_path, simplify=simplify)
    items = read_conllu_text(conllu_path)
    if simplify:
        items = [simplify_item(text, [w for w, _ in sent]) for (text, _), sent in zip(items, gold, strict=True)]
    n_gold = n_pred = upos = xpos = 0
    for (text, _), sent in zip(items, gold, strict=True):
        words = [w for w in cut(text) if not w.isspace()]
        expected = dict(zip(_spans([w for w, _ in sent]), (tuple(t.split("|", 1)) for _, t in sent)))
        n_gold += len(sent)
        n_pred += len(words)
        for span, (u, x) in zip(_spans(words), tag_words(words)):
            gold_u, gold_x = expected.get(span, ("", ""))
            upos += u == gold_u
            xpos += x == gold_x
    return _f1(upos, n_gold, n_pred), _f1(xpos, n_gold, n_pred)


def _spans(words: list[str]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for w in words:
        spans.append((start, start + len(w)))
        start += len(w)
    return spans


def _f1(correct: int, n_gold: int, n_pred: int) -> float:
    return 200 * correct / (n_gold + n_pred) if correct else 0.0


def train_tagger(data_dir: Path, out_dir: Path, *, seed: int = 0, epochs: int = 10) -> dict:
    """Train the model into ``out_dir`` (``model.npz`` and ``ATTRIBUTION.md``) and return measured figures.

    Accuracy is measured on GSDSimp test and PUD twice: on the gold words,
    and on the words of the bundled segmenter (``segmented_tag_f1``).
    """
    from .perceptron import train
    from .pos import MODEL_FILE, PosTagger
    from .pos_features import history_features, static_features
    from .segmenter import Segmenter

    data_dir, out_dir = Path(data_dir), Path(out_dir)
    t0 = time.time()
    sentences = training_sentences(data_dir)
    examples = []
    for sent in sentences:
        words = [w for w, _ in sent]
        examples.append((static_features(words), history_features(words), [t for _, t in sent]))
    model = train(examples, epochs=epochs, seed=seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save(out_dir / MODEL_FILE)
    (out_dir / "ATTRIBUTION.md").write_text(ATTRIBUTION, encoding="utf-8")
    train_seconds = time.time() - t0

    tagger = PosTagger(out_dir)
    figures: dict = {
        "seed": seed,
        "epochs": epochs,
        "train_sentences": len(sentences),
        "train_words": sum(map(len, sentences)),
        "train_seconds": round(train_seconds, 1),
        "features": len(model.features),
        "size_bytes": sum(p.stat().st_size for p in out_dir.iterdir() if p.is_file()),
    }
    cut = Segmenter().cut
    for name, path, simplify in (("gsdsimp_test", GSDSIMP_TEST, False), ("pud", PUD_TEST, True)):
        acc = tag_accuracy(tagger.tag_words, read_tagged(data_dir / path, simplify=simplify))
        figures[f"upos_{name}"], figures[f"xpos_{name}"] = round(acc[0], 2), round(acc[1], 2)
        f1 = segmented_tag_f1(cut, tagger.tag_words, data_dir / path, simplify=simplify)
        figures[f"upos_f1_segmented_{name}"], figures[f"xpos_f1_segmented_{name}"] = round(f1[0], 2), round(f1[1], 2)
    return figures
