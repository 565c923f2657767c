"""Part-of-speech layer without spaCy: the UPOS convention map, the features, the model file, the tagger."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex

from zhibiao import resources
from zhibiao.perceptron import Perceptron
from zhibiao.pos import PosTagger, tag_words
from zhibiao.pos_features import history_features, shape, static_features
from zhibiao.pos_train import current_upos
from zhibiao.segmenter_train import ConlluWord

needs_model = pytest.mark.skipif(not (resources.tagger_dir() / "model.npz").is_file(),
                                 reason="bundled part-of-speech model not built (scripts/train_tagger.py)")


def _word(form: str, upos: str, xpos: str, feats: str = "_", deprel: str = "dep") -> ConlluWord:
    return ConlluWord(form, False, upos, xpos, feats, deprel)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        (_word("和", "CONJ", "CC"), "CCONJ"),
        (_word("了", "PART", "AS", "Aspect=Perf"), "AUX"),
        (_word("被", "VERB", "BB", "Voice=Pass"), "AUX"),
        (_word("把", "VERB", "BB", "Voice=Cau"), "ADP"),
        (_word("的", "PART", "DEC", "Case=Rel"), "SCONJ"),
        (_word("的", "PART", "DEC", "Case=Gen"), "PART"),
        (_word("地", "PART", "DEV", "Case=Advb"), "SCONJ"),
        (_word("得", "PART", "DEV", "Case=Comp"), "PART"),
        (_word("是", "VERB", "VC", deprel="cop"), "AUX"),
        (_word("是", "VERB", "VC", deprel="root"), "VERB"),
        (_word("也", "ADV", "RB", deprel="mark"), "SCONJ"),
        (_word("再", "ADV", "RB", deprel="advmod"), "ADV"),
        (_word("吗", "X", "UH"), "PART"),
        (_word("经济", "NOUN", "NN"), "NOUN"),
    ],
)
def test_current_upos(word: ConlluWord, expected: str) -> None:
    assert current_upos(word) == expected


@pytest.mark.parametrize(("word", "expected"), [("增长", "h"), ("3.8%", "dpdp"), ("5G", "da"), ("C919", "ad"), ("，", "p")])
def test_shape(word: str, expected: str) -> None:
    assert shape(word) == expected


def test_features_fold_width_like_the_normaliser() -> None:
    assert static_features(["增长", "，", "３％"]) == static_features(["增长", ",", "3%"])


def test_history_features_see_the_clause() -> None:
    history = history_features(["研究", "的", "结果"])
    assert history(1, ["VERB|VV"])[-1] == "4v 的"
    assert history(2, ["VERB|VV", "SCONJ|DEC"])[-1] == "4- 结果"
    assert history(0, [])[:2] == ["1<S>", "2<S> <S>"]


def test_model_file_round_trip(tmp_path) -> None:
    import numpy as np

    model = Perceptron(["b", "w增长"], ["NOUN|NN", "VERB|VV"], np.array([[0.5, 0.0], [-1.25, 3.0]]))
    model.save(tmp_path / "m.npz")
    back = Perceptron.load(tmp_path / "m.npz")
    assert back.features == model.features and back.tags == model.tags
    assert np.asarray(back.weights).tolist() == model.weights.tolist()


@needs_model
def test_tag_words_pure_function() -> None:
    words = ["工业", "增加值", "同比", "增长", "3.8%", "。", "\n", "投资", "下降", "了"]
    tags = tag_words(words)
    assert len(tags) == len(words)
    assert tags[6] == ("SPACE", "_SP")
    assert tags[5] == ("PUNCT", ".")
    assert tags[0] == ("NOUN", "NN")
    assert tags[3] == ("VERB", "VV")
    assert tags[4] == ("NUM", "CD")
    assert tag_words([]) == []


def _reference_tags(model: Perceptron, words: list[str]) -> list[tuple[str, str]]:
    """The plain decoder training uses: every feature's row, summed, word by word."""
    static, history, chosen = static_features(words), history_features(words), []
    for i, names in enumerate(static):
        rows = model.rows([*names, *history(i, chosen)])
        chosen.append(model.tags[int(model.weights[rows].sum(axis=0).argmax())])
    return [tuple(t.split("|", 1)) for t in chosen]


@needs_model
def test_fast_tagger_agrees_with_the_plain_decoder() -> None:
    """The cached, batched runtime must choose exactly the tags of the straightforward decoder."""
    model = Perceptron.load(resources.tagger_dir() / "model.npz")
    sentences = [["他", "说", "的", "话", "是", "真", "的"], ["规模", "以上", "工业", "增加值", "同比", "增长", "3.8%"],
                 ["5G", "移动", "电话", "用户", "达", "6.76亿", "户"], ["前所未闻", "的", "词语", "Zhibiao"]]
    tagger = PosTagger()
    assert tagger.tag_sentences(sentences) == [[f"{u}|{x}" for u, x in _reference_tags(model, s)] for s in sentences]
    for s in sentences:
        assert tagger.tag_words(s) == _reference_tags(model, s)


@needs_model
def test_a_sentence_is_tagged_the_same_alone_or_in_a_batch() -> None:
    tagger = PosTagger()
    sentences = [["他", "说", "的", "话"], ["工业", "增加值", "同比", "增长", "3.8%"], ["好"]]
    alone = [tagger.tag_sentences([s])[0] for s in sentences]
    assert tagger.tag_sentences(sentences) == alone


@needs_model
def test_one_sentence_path_tags_as_the_batch_on_gold_clauses() -> None:
    """``tag_words`` tags a lone sentence (a subject's words) on a lighter path: it must choose the batch's tags,
    here on every clause of the development gold, cut as subjects are (``dictionary_cut``)."""
    from zhibiao.evaluate import read_documents
    from zhibiao.pos import dictionary_cut

    tagger = PosTagger()
    clauses = [[w for w in dictionary_cut(c) if w.strip()]
               for doc in read_documents(Path(__file__).parent / "data" / "news-dev.gold.jsonl")
               for c in regex.split(r"[,。;:\n]", doc["text"])]
    clauses = [c for c in clauses if c]
    assert len(clauses) > 100
    for c in clauses:
        assert tagger._tag_one(c) == tagger.tag_sentences([c])[0], c


@needs_model
def test_a_full_word_cache_is_refilled_with_every_word_the_call_needs() -> None:
    """A cache that fills up mid-document is emptied; the words of the call that were in it come back."""
    model = Perceptron.load(resources.tagger_dir() / "model.npz")
    small = PosTagger(cache_size=6)
    first, second = ["工业", "增加值", "同比", "增长"], ["工业", "出口", "增加值", "同比", "增长", "3.8%"]
    small.tag_words(first)
    assert small.tag_words(second) == _reference_tags(model, second)


@needs_model
@pytest.mark.parametrize("text, vocabulary, words", [
    ("台积电营收", frozenset(), ["台", "积", "电", "营", "收"]),
    ("台积电营收", frozenset({"台积电", "营收"}), ["台积电", "营收"]),
    ("商品转口货值", frozenset({"转口货值", "转口"}), ["商品", "转口货值"]),  # the longest word first
    ("5G用户", frozenset({"5G用"}), ["5G", "用户"]),  # a run of digits and letters stays whole
    ("今年报考", frozenset({"年报"}), ["今", "年", "报考"]),  # a word of the general language is never cut
    ("最高所得组", frozenset({"高所"}), ["最高", "所", "得", "组"]),
])
def test_dictionary_cut_takes_the_domain_vocabulary(text: str, vocabulary: frozenset[str], words: list[str]) -> None:
    """Words the general language lacks join the characters it left single when the domain's vocabulary is given."""
    from zhibiao.pos import dictionary_cut

    assert dictionary_cut(text, vocabulary=vocabulary) == words
