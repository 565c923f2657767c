"""Work grows linearly with document length: counted, not timed.

Every stage (normalise, tag, find periods, link, write records) must look things up by position
instead of scanning the whole document per quantity, clause or event.  The guard runs the fast path
on a document and on the same document repeated 20 times, counts the lines of zhibiao's own code
that execute (deterministic, unlike seconds), and fails when the count grows faster than the text.
A scan over all quantities per quantity made the ratio grow with the number of repetitions.

The same holds inside one sentence: a sentence twenty times as long (clauses joined by commas, a list,
values back to back, a bracket never closed, no punctuation at all) runs at most 22 times the lines.  A
walk over the sentence's periods, cues or indicators from its start for every value made it 31 to 56 times.
Lines of Python are counted: a regex engine's scan of the sentence up to each value is not.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

import zhibiao
from zhibiao.records import extract_records

from .conftest import gold_files, read_jsonl

PACKAGE = str(Path(zhibiao.__file__).resolve().parent)
REPEAT = 20


def _executed_lines(text: str) -> int:
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    sys.settrace(tracer)
    try:
        extract_records(text)
    finally:
        sys.settrace(None)
    return count


def _dense_paragraphs(n: int) -> str:
    """The ``n`` gold paragraphs with most events: many quantities, clauses and periods."""
    docs = [d for path in gold_files() for d in read_jsonl(path)]
    docs.sort(key=lambda d: (-len(d.get("events", [])), d["id"]))
    return "\n".join(d["text"] for d in docs[:n])


def test_work_grows_linearly_with_document_length():
    doc = _dense_paragraphs(3)
    extract_records(doc)  # rules, units and OpenCC load outside the count
    one = _executed_lines(doc)
    many = _executed_lines("\n".join([doc] * REPEAT))
    ratio = many / one
    assert ratio <= REPEAT * 1.1, f"{REPEAT}x the text ran {ratio:.1f}x the lines of zhibiao's code"


# One sentence as long as the document: the walks over a sentence's periods, cues and indicators carry their
# state from one value to the next, not start again at the sentence's start for each value.
_SENTENCE_END = str.maketrans({c: "," for c in "。;!?；！？\n"})

LONG_SENTENCES = {  # the sentence of n parts
    # the dense paragraphs as one sentence of clauses (every sentence end made a comma)
    "clauses": lambda n: ",".join([_dense_paragraphs(3).translate(_SENTENCE_END)] * n),
    # the sentence: commas only, a value and a growth cue in each clause
    "commas": lambda n: "以电子产品年增102.7%较多,资讯通信产品则年增33.9%,累计前九月则年增36.4%," * 4 * n,
    # a list of items joined by 、
    "list": lambda n: "2023年前三季度出口产品包括" + "钢材、机电产品、" * 10 * n + "增长5%",
    # values one after another without a word between them
    "values": lambda n: "2023年前三季度工业增加值增长" + "5.2%、" * 20 * n,
    # a bracket opened and never closed
    "bracket": lambda n: "(" + "2023年1-9月工业增加值同比增长5.2%,出口额较去年同期增长3%," * 4 * n,
    # no punctuation at all
    "unpunctuated": lambda n: "2023年前三季度工业增加值同比增长5.2%出口额达3亿元较去年同期增长3%" * 4 * n,
}


@pytest.mark.parametrize("shape", sorted(LONG_SENTENCES))
def test_work_grows_linearly_with_sentence_length(shape):
    sentence = LONG_SENTENCES[shape]
    extract_records(sentence(1))
    one = _executed_lines(sentence(1))
    many = _executed_lines(sentence(REPEAT))
    ratio = many / one
    assert ratio <= REPEAT * 1.1, f"{shape}: {REPEAT}x the sentence ran {ratio:.1f}x the lines of zhibiao's code"
