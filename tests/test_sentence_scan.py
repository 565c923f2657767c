"""Scanning sentence by sentence finds what a scan of the whole text finds, and reads each sentence once."""
from __future__ import annotations

import re

import pytest

from zhibiao.period_rules import load_periods
from zhibiao.sentence_scan import SentenceScanner

# texts where a piece's edges matter: a lookahead that accepts the text's end ($), a lookbehind at a piece's start,
# word boundaries beside the sentence end, empty pieces, a text opening and ending with one
EDGES = ["2023年5月1日。", "。2023年5月1日", "。。2023年。。5月。", "2023年。5月1日。1-10月", "今年1-10月。上半年", "。",
         "2023年\n。\n1月", "去年同期。今年1-10月,同比增长。前三季度。", "ab。ab。abc", "x1。1x。。1"]


def _whole(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_the_period_patterns_are_scanned_by_sentence() -> None:
    g = load_periods()
    assert g.find_scanner.by_sentence and g.mention_scanner.by_sentence


@pytest.mark.parametrize("source", [
    r"\d+年(?=[\u4e00-\u9fff\d]|$)",  # a lookahead that accepts the end of the text
    r"(?<![\d])\d+",  # a lookbehind at a piece's start
    r"\b\w+\b",  # word boundaries
    r"^\w+|\w+$",  # the text's start and end
])
def test_the_same_spans_as_a_scan_of_the_whole_text(source: str) -> None:
    pattern = re.compile(source)
    scanner = SentenceScanner(pattern)
    assert scanner.by_sentence
    for text in EDGES:
        assert scanner.spans(text) == _whole(pattern, text), text
        assert scanner.spans(text) == _whole(pattern, text), text  # (the second time from the kept pieces)


@pytest.mark.parametrize("source", [
    r"年。",  # reads the sentence end
    r"[^,]+",  # a negated class that holds it
    r".+",  # a dot
    r"\d*",  # matches the empty text
    r"(\d)\1",  # refers to a group
    r"(?i)q\d",  # a flag
    r"(?=\S)\d+",  # a class that holds it, in a lookahead
])
def test_a_pattern_that_may_read_across_a_sentence_end_is_scanned_whole(source: str) -> None:
    pattern = re.compile(source)
    scanner = SentenceScanner(pattern)
    assert not scanner.by_sentence
    for text in EDGES:
        assert scanner.spans(text) == _whole(pattern, text), text


def test_each_sentence_is_scanned_once() -> None:
    """A document of one sentence written n times keeps three pieces (the first, one between sentence ends, the
    last) however long it is: the work of scanning the repeats is a look-up each."""
    scanner = SentenceScanner(load_periods().find)
    for n in (10, 1000):
        text = "今年1-10月,社会消费品零售总额同比增长7.6%。" * n + "上半年"
        assert scanner.spans(text) == _whole(scanner.pattern, text)
        assert len(scanner._found) == 3
