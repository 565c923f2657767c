"""Long documents in pieces: cut at paragraph boundaries, the whole text's record put back together."""
from __future__ import annotations

import pytest

from zhibiao.extractor import Extractor
from zhibiao.longtext import extract_in_pieces, piece_starts

PARAGRAPHS = ["上半年，規模以上工業增加值同比增長3.8%。", "5G移動電話用戶達6.76億戶，工業投資同比增長8.9%。",
              "出口下降2%"]


@pytest.mark.parametrize("text, max_chars, starts", [
    ("ab\ncd\nef", 8, [0]),
    ("ab\ncd\nef", 7, [0, 6]),  # after the last line break that fits
    ("ab\ncd\nef", 4, [0, 3, 6]),
    ("甲。乙。丙", 4, [0, 4]),  # no line break: after the last sentence end
    ("abcdefg", 3, [0, 3, 6]),  # neither: at the limit
])
def test_piece_starts(text, max_chars, starts):
    assert piece_starts(text, max_chars) == starts
    bounds = zip(starts, [*starts[1:], len(text)])
    assert all(0 < stop - start <= max_chars for start, stop in bounds)


def test_a_long_text_in_pieces_gives_the_record_of_the_whole():
    extract = Extractor()
    text = "\n".join(PARAGRAPHS * 40)
    whole = extract(text)
    pieces = extract_in_pieces(extract, text, max_chars=200)
    assert len(piece_starts(text, 200)) > 10
    assert pieces == whole
    assert all(text[q["start"]:q["end"]] == q["text"] for q in pieces["quantities"])
    assert all(text[e["value_start"]:e["value_end"]] == e["value_text"] for e in pieces["events"])


def test_the_library_extracts_long_texts_in_pieces():
    import zhibiao

    text = "\n".join(PARAGRAPHS * 10)
    assert zhibiao.extract(text, max_chars=100) == zhibiao.extract(text)
    (record,) = zhibiao.extract_many([text], max_chars=100)
    assert record == {"id": "1", **zhibiao.extract(text)}
