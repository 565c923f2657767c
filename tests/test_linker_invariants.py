"""Invariants of the linker, on every gold text and on new texts mixed from their sentences.

No event invents text: every indicator is made of pieces of its document (normalised, without white
space and quotation marks), whether it is one span, a shared head distributed over a list
(钢铁和水泥产量 -> 水泥产量) or a subject carried from an earlier sentence, and no piece is glued to
itself unless the text repeats it. Offsets point into the
original text at the quantity the event reports.
"""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhibiao.normalize import normalize
from zhibiao.records import extract_records

from .conftest import gold_files, read_jsonl

TEXTS = [d["text"] for path in gold_files() for d in read_jsonl(path)]
SENTENCES = [s for t in TEXTS for s in regex.findall(r"[^。!?！？\n]+[。!?！？]?", t) if len(s) > 8]
_DROPPED = regex.compile(r"[\s\"“”‘’'「」『』《》]")
_GLUED = regex.compile(r"(\p{Han}{2,})\1")  # a piece glued to itself (进出口进出口)


def _covered(indicator: str, doc: str) -> bool:
    """Whether ``indicator`` is a concatenation of substrings of ``doc`` (greedy longest pieces)."""
    i = 0
    while i < len(indicator):
        j = len(indicator)
        while j > i and indicator[i:j] not in doc:
            j -= 1
        if j == i:
            return False
        i = j
    return True


def _check(text: str) -> None:
    record = extract_records(text)
    doc = _DROPPED.sub("", normalize(text).text)
    for e in record["events"]:
        assert e["indicator"] and _covered(_DROPPED.sub("", e["indicator"]), doc), (e["indicator"], text)
        assert not _GLUED.search(e["indicator"]) or _GLUED.search(doc), (e["indicator"], text)
        assert text[e["value_start"]:e["value_end"]] == e["value_text"]
        if e["indicator_start"] is not None:
            assert 0 <= e["indicator_start"] < e["indicator_end"] <= len(text)
        assert not regex.search(r"[\x00-\x1f]", e["indicator"]), e["indicator"]


def test_no_indicator_invents_text_on_gold_texts():
    for text in TEXTS:
        _check(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4))
def test_no_indicator_invents_text_on_mixed_sentences(sentences):
    _check("".join(sentences))
