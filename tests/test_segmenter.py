"""Segmenter runtime: post-fix table, exact round trip, lazy loading."""
from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhibiao import resources
from zhibiao.segmenter import (
    Segmenter,
    load_word_list,
    merge_alnum,
    postfix,
    split_number_magnitude,
)

HAVE_MODEL = (resources.segmenter_dir() / "weights.npz").is_file()
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason="bundled segmentation model not built")


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["5", "G", "移动"], ["5G", "移动"]),
        (["C", "919", "大型"], ["C919", "大型"]),
        (["R", "18"], ["R18"]),
        (["10", "G"], ["10G"]),
        (["6", ".76", "亿"], ["6.76", "亿"]),
        (["6.", "76"], ["6.76"]),
        (["3.8", "%"], ["3.8", "%"]),
        (["5G", " ", "网络"], ["5G", " ", "网络"]),  # whitespace is a boundary
        (["第", "3", "季度"], ["第", "3", "季度"]),
        ([], []),
    ],
)
def test_merge_alnum(tokens: list[str], expected: list[str]) -> None:
    assert merge_alnum(tokens) == expected


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["6.76", "亿户"], ["6.76亿", "户"]),
        (["6.76亿户"], ["6.76亿", "户"]),
        (["293.7万个"], ["293.7万", "个"]),
        (["293.7万", "个"], ["293.7万", "个"]),
        (["21.2", "亿", "户"], ["21.2", "亿", "户"]),  # finer is fine
        (["1", "万亿元"], ["1万亿", "元"]),
        (["70余家"], ["70余家"]),  # no magnitude: left alone
        (["3万多人"], ["3万多", "人"]),
        (["100万千瓦"], ["100万", "千瓦"]),  # 千瓦 is a unit, not a magnitude
        (["3", "千克"], ["3", "千克"]),
        (["3.8%"], ["3.8%"]),
        (["3.8", "%"], ["3.8", "%"]),
        (["2023年"], ["2023年"]),
        (["万户"], ["万户"]),  # no number
    ],
)
def test_split_number_magnitude(tokens: list[str], expected: list[str]) -> None:
    assert split_number_magnitude(tokens) == expected


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["5", "G亿户"], ["5G亿户"]),
        (["6", ".", "76", "亿户"], ["6.76亿", "户"]),
        (["达", "6.76", "亿户", "，"], ["达", "6.76亿", "户", "，"]),
    ],
)
def test_postfix(tokens: list[str], expected: list[str]) -> None:
    assert postfix(tokens) == expected


@given(st.lists(st.text(alphabet="5G.6亿万户个 达%C9千瓦", min_size=1, max_size=4), max_size=8))
@settings(max_examples=300, deadline=None)
def test_postfix_preserves_text(tokens: list[str]) -> None:
    assert "".join(postfix(tokens)) == "".join(tokens)


def test_load_word_list(tmp_path) -> None:
    path = tmp_path / "w.txt"
    path.write_text("# comment\n同比\n\n 环比  # inline\n", encoding="utf-8")
    assert load_word_list(path) == ["同比", "环比"]


def test_bundled_word_list_is_small() -> None:
    words = load_word_list(resources.rules_path("segmenter_words.txt"))
    assert 0 < len(words) < 300
    assert len(words) == len(set(words))


def test_import_does_not_load_model() -> None:
    code = (
        "import sys, zhibiao.segmenter as s\n"
        "assert 'spacy_pkuseg' not in sys.modules, 'spacy_pkuseg imported'\n"
        "assert not s.Segmenter().loaded\n"
        "assert s._default is None\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return Segmenter()


@needs_model
@pytest.mark.parametrize(
    ("text", "must_contain"),
    [
        ("5G移动电话用户达6.76亿户，移动物联网终端用户超过21.2亿户", ["5G", "户"]),
        ("我国5G基站累计达到293.7万个", ["5G", "293.7万", "个"]),
        ("规模以上工业增加值同比增长3.8%", ["增加值", "同比"]),
        ("C919大型客机", ["C919"]),
    ],
)
def test_domain_examples(seg: Segmenter, text: str, must_contain: list[str]) -> None:
    tokens = seg.cut(text)
    assert "".join(tokens) == text
    for word in must_contain:
        assert word in tokens, tokens
    assert "亿户" not in tokens and "万个" not in tokens


@needs_model
@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "  前后有空格  ",
        "Mate 9手机\t缺少\n\n人工智能界面。",
        "全角　空格",
        "规模以上工业增加值同比增长3.8%, 环比增长0.5个百分点.",
    ],
)
def test_round_trip(seg: Segmenter, text: str) -> None:
    tokens = seg.cut(text)
    assert "".join(tokens) == text
    assert all(tokens)
    for tok in tokens:  # whitespace never glued to a word
        assert tok.isspace() or not any(c.isspace() for c in tok)


@needs_model
@given(st.text(alphabet="我国5G基站 累计达到293.7万个亿户\n，,。C919%", max_size=40))
@settings(max_examples=150, deadline=None)
def test_round_trip_property(text: str) -> None:
    tokens = _shared().cut(text)
    assert "".join(tokens) == text


_SHARED: list[Segmenter] = []


def _shared() -> Segmenter:
    if not _SHARED:
        _SHARED.append(Segmenter())
    return _SHARED[0]
