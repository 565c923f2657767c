"""The zhibiao tokenizer and ``zhibiao.load()``: original text kept, simplified norms, usable tokens."""
from __future__ import annotations

import opencc
import pytest

from zhibiao.errors import InputError
from zhibiao.normalize import normalize


def test_doc_text_is_the_original(nlp, seed_text):
    doc = nlp(seed_text)
    assert doc.text == seed_text
    converter = opencc.OpenCC("t2s")
    for token in doc:
        assert converter.convert(token.norm_) == token.norm_  # simplified already
    # Norms are the normalised text, token by token (phrase conversion uses context).
    assert "".join(t.norm_ + t.whitespace_ for t in doc) == normalize(seed_text).text


def test_number_and_unit_are_separate_tokens(nlp, seed_text):
    doc = nlp(seed_text)
    i = seed_text.index("6.76億戶")
    tokens = [t.text for t in doc if i <= t.idx < i + len("6.76億戶")]
    assert "".join(tokens) == "6.76億戶"
    assert "億戶" not in tokens
    assert tokens[-1] == "戶"


@pytest.mark.parametrize("word", ["5G", "C919", "R18"])
def test_alphanumeric_words_stay_whole(nlp, word):
    doc = nlp(f"支持{word}技术产品攻关")
    assert word in [t.text for t in doc]


@pytest.mark.parametrize("text", ["", " ", "   \n\t ", "\n\n", "記憶體", "规模以上工業增加值同比增长３．８％"])
def test_odd_but_valid_text(nlp, text):
    doc = nlp(text)
    assert doc.text == text


def test_length_changing_conversion_keeps_offsets():
    import zhibiao

    nlp = zhibiao.load(**{"nlp.tokenizer.conversion": "tw2sp"})
    text = "台灣記憶體出口年增12%"
    doc = nlp(text)
    assert doc.text == text
    assert "記憶體" in [t.text for t in doc]
    assert [t.norm_ for t in doc if t.text == "記憶體"] == ["内存"]


@pytest.mark.parametrize("bad,message", [(None, "NoneType"), (b"\xe5\xa2\x9e", "bytes"), (12, "int"), ("增\ud800长", "lone surrogate")])
def test_bad_input_is_a_clear_error(nlp, bad, message):
    with pytest.raises(InputError, match=message):
        nlp(bad)


def test_one_megabyte_document(nlp):
    text = "上半年，規模以上工業增加值同比增長3.8%，5G移動電話用戶達6.76億戶。\n" * 11000
    assert len(text.encode("utf-8")) >= 1_000_000
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert sum(t.text == "6.76億" for t in doc) == 11000
