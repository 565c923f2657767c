"""Work grows linearly with document length: counted, not timed.

Every stage (normalise, tag, find periods, link, write records) must look things up by position
instead of scanning the whole document per quantity, clause or event.  The guard runs the fast path
on a document and on the same document repeated 20 times, counts the lines of zhibiao's own code
that execute (deterministic, unlike seconds), and fails when the count grows faster than the text.
A scan over all quantities per quantity made the ratio grow with the number of repetitions.
"""
from __future__ import annotations

import sys
from pathlib import Path

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
