"""Markup stripping keeps every offset: the output has the input's length and spans into the original."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhibiao.extractor import Extractor
from zhibiao.markup import blank_markup


@pytest.mark.parametrize("text,expected", [
    ("<b>工业</b>", "   工业    "),
    ('<a href="x.html" title="增长5%">出口</a>', " " * len('<a href="x.html" title="增长5%">') + "出口" + " " * 4),
    ("A&amp;B", "A&    B"),
    ("&#20840;国", "全       国"),
    ("<script>var x = '3.8%';</script>增长", " " * 32 + "增长"),
    ("<!-- 增长9% -->出口", " " * 13 + "出口"),
    ("1 < 2 且 3 > 2", "1 < 2 且 3 > 2"),  # not a tag
    ("&unknown;", "&unknown;"),
])
def test_blank_markup(text, expected):
    assert blank_markup(text) == expected


@given(st.text(alphabet="<>/ab&;#x123 工业增长%", max_size=60))
def test_length_is_kept(text):
    assert len(blank_markup(text)) == len(text)


def test_html_extraction_reports_spans_of_the_original():
    text = '<p class="lead"><b>全国规模以上工业增加值</b>同比增长<span title="6.2%">3.8%</span></p>'
    record = Extractor(html=True)(text)
    (event,) = record["events"]
    assert (event["indicator"], event["location"]) == ("规模以上工业增加值", "全国")
    assert text[event["value_start"]:event["value_end"]] == "3.8%"
    assert [q["text"] for q in record["quantities"]] == ["3.8%"]  # the attribute's 6.2% is markup
    assert record["text"] == text


def test_library_calls_take_html():
    import zhibiao

    text = "<b>出口</b>增长5%"
    assert zhibiao.extract(text)["events"][0]["indicator"] != "出口"  # read as text, the tags are words
    assert zhibiao.extract(text, html=True)["events"][0]["indicator"] == "出口"
    assert next(zhibiao.extract_many([text], html=True))["events"][0]["indicator"] == "出口"
