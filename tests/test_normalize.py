"""The normaliser: simplified output, width folding, and an offset map that never lies."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhibiao.errors import InputError
from zhibiao.normalize import check_text, fold_width, normalize


@pytest.mark.parametrize(
    "text,expected",
    [
        ("規模以上工業增加值同比增長3.8%", "规模以上工业增加值同比增长3.8%"),
        ("３．８％", "3.8%"),
        ("上升0﹒9%﹐下跌1﹒2﹪", "上升0.9%,下跌1.2%"),  # small form variants (Hong Kong)
        ("記憶體", "记忆体"),  # script only by default
        ("衞生", "卫生"),  # Hong Kong variant
        ("我国5G基站累计达到293.7万个", "我国5G基站累计达到293.7万个"),  # simplified stays
        ("规模以上工業增加值", "规模以上工业增加值"),  # mixed script
        ("", ""),
        ("   ", "   "),
        ("Ｃ９１９　客機", "C919 客机"),
        ("增長\x00３％", "增长\x003%"),  # OpenCC alone stops at a NUL
        ("歲計賸餘五百億元", "岁计剩余五百亿元"),  # variants hk2s keeps (Taiwan budgets)
        ("灣仔區「兩餸一湯指數」", "湾仔区「两餸一汤指数」"),  # kept as written: hk2s would give 𩠌, outside the BMP
        ("景氣復甦", "景气复苏"),
        ("稉種稻榖每公斤收購價格", "粳种稻谷每公斤收购价格"),  # Taiwan grain releases' variants
        # 著 the aspect particle as the mainland writes it, not 著 the word
        ("隨著景氣回溫,有著逼近五成的成長;顯著、著名、有著名的企業", "随着景气回温,有着逼近五成的成长;显著、著名、有著名的企业"),
    ],
)
def test_normalized_text(text, expected):
    assert normalize(text).text == expected


@pytest.mark.parametrize(
    "text,expected",
    [("記憶體", "内存"), ("軟體和記憶體", "软件和内存"), ("他說記憶體價格上漲", "他说内存价格上涨")],
)
def test_length_changing_phrase_conversion(text, expected):
    assert normalize(text, "tw2sp").text == expected


def test_default_conversion_leaves_simplified_words_alone():
    text = "新增算力设施中智能算力占比过半,数字经济核心产业,程序"
    assert normalize(text).text == text


@pytest.mark.parametrize(
    "text,norm_span,original_slice",
    [
        ("記憶體很大", (0, 2), "記憶體"),
        ("記憶體很大", (0, 1), "記憶體"),
        ("記憶體很大", (2, 4), "很大"),
        ("全國記憶體出貨量", (2, 4), "記憶體"),
        ("全國記憶體出貨量", (4, 7), "出貨量"),
        ("增長３．８％", (2, 6), "３．８％"),
    ],
)
def test_to_original(text, norm_span, original_slice):
    n = normalize(text, "tw2sp")
    start, end = n.to_original(*norm_span)
    assert text[start:end] == original_slice


def test_to_normalized_inverts_to_original_on_phrase_boundaries():
    n = normalize("他說記憶體價格上漲", "tw2sp")
    assert n.text == "他说内存价格上涨"
    for a, b in [(0, 2), (2, 4), (4, 8), (0, 8)]:
        assert n.to_normalized(*n.to_original(a, b)) == (a, b)


def test_out_of_range_span_raises():
    n = normalize("abc")
    with pytest.raises(IndexError):
        n.to_original(2, 5)


def test_fold_width_keeps_length():
    s = "ＡＢＣ１２３，。！"
    assert len(fold_width(s)) == len(s)
    assert fold_width(s) == "ABC123,。!"


@pytest.mark.parametrize(
    "bad,message",
    [(None, "NoneType"), (b"abc", "bytes"), (3.8, "float"), ("a\ud800b", "lone surrogate")],
)
def test_bad_input_is_a_clear_error(bad, message):
    with pytest.raises(InputError, match=message):
        check_text(bad)
    with pytest.raises(InputError, match=message):
        normalize(bad)


# Characters that exercise the interesting paths: traditional phrases that
# change length, full-width forms, delimiters, white space, ASCII.
_ALPHABET = st.sampled_from(list("記憶體軟件軟體資訊網路規模以上工業增長同比３．８％，。、 \n\tABC123年月日萬億户戶") + ["記憶體", "軟體", "網路"])
_TEXT = st.lists(_ALPHABET, max_size=40).map("".join) | st.text(max_size=40)


@pytest.mark.parametrize("conversion", ["hk2s", "tw2sp"])
@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_offsets_map_into_the_original(text, conversion):
    n = normalize(text, conversion)
    assert len(n.starts) == len(n.ends) == len(n.text)
    prev_start = 0
    for i in range(len(n.text)):
        start, end = n.to_original(i, i + 1)
        assert 0 <= start < end <= len(text)
        assert start >= prev_start  # monotone
        prev_start = start
    if n.text:
        assert n.to_original(0, len(n.text)) == (0, len(text))


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.data())
def test_spans_round_trip(text, data):
    n = normalize(text, "tw2sp")
    a = data.draw(st.integers(0, len(n.text)))
    b = data.draw(st.integers(a, len(n.text)))
    start, end = n.to_original(a, b)
    lo, hi = n.to_normalized(start, end)
    # The normalised span covering the original slice contains the span we started from,
    # and mapping it back gives the same original slice.
    assert lo <= a and b <= hi or a == b
    assert n.to_original(lo, hi) == (start, end) or a == b


def test_one_megabyte_document():
    text = "規模以上工業增加值同比增長3.8%，記憶體出貨量年增１２％。\n" * 30000
    assert len(text) > 900_000
    n = normalize(text, "tw2sp")
    assert n.text.count("内存") == 30000
    i = n.text.rindex("内存")
    start, end = n.to_original(i, i + 2)
    assert text[start:end] == "記憶體"
