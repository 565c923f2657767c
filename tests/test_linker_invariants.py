"""Invariants of the linker, on every gold text and on new texts mixed from their sentences.

No event invents text: every indicator is made of pieces of its document (normalised, without white
space and quotation marks), of the measures a contraction word of the lexicon stands for and of the indicators
its verb-object words name (减息: 利率), whether it is one span, a shared head distributed over a list
(钢铁和水泥产量 -> 水泥产量) or a subject carried from an earlier sentence, and no piece is glued to
itself unless the text repeats it. Offsets point into the
original text at the quantity the event reports.
"""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhibiao import linker
from zhibiao.link_clauses import clauses, sentences
from zhibiao.link_document import Document
from zhibiao.linker_rules import OBJECT_CLASSES, default_rules
from zhibiao.normalize import normalize
from zhibiao.periods import find_periods
from zhibiao.quantities import find_quantities
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


def _with_expansions(doc: str) -> str:
    """``doc`` followed by the measures its contraction words stand for (汽车产销 -> 汽车产量, 汽车销量) and the
    indicators its verb-object words name (减息 -> 利率): the lexicon declares them, so an indicator built from
    them is knowledge, not invented text."""
    lexicon = default_rules().lexicon
    extra = [m for entry in lexicon["contraction"]
             for word, measures in entry.expansions.items() if word in doc for m in measures]
    extra += [entry.names for cls in OBJECT_CLASSES for entry in lexicon.get(cls, [])
              if entry.names and any(w in doc for w in entry.words)]
    return "|".join([doc, *extra])


def _check(text: str) -> None:
    record = extract_records(text)
    doc = _with_expansions(_DROPPED.sub("", normalize(text).text))
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


# A head written once after coordinated conjuncts (钢铁、水泥和汽车产量分别增长…) is distributed: each
# indicator is a conjunct of the sentence joined to the head, and only the last is one span of text.
_CONJUNCTS = ["钢铁", "水泥", "汽车", "手机", "原油", "粗钢", "化肥", "家电", "集成电路", "新能源汽车", "工业机器人",
              "服装", "玩具", "家具", "铁矿砂", "天然气"]
_HEADS = ["产量", "销量", "进口额", "出口额", "销售额"]
_VERBS = ["分别增长", "分别下降", "分别为", "同比分别增长"]


def _joined(items: list[str], last_joiner: str) -> str:
    return "、".join(items[:-1]) + last_joiner + items[-1]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_CONJUNCTS), min_size=2, max_size=4, unique=True), st.sampled_from(_HEADS),
       st.sampled_from(_VERBS), st.sampled_from(["和", "及", "、"]), st.sampled_from(["", "今年1-6月,", "上半年,"]),
       st.data())
def test_shared_head_distributed_over_conjuncts(conjuncts, head, verb, joiner, lead, data):
    values = [f"{data.draw(st.integers(1, 99))}.{data.draw(st.integers(0, 9))}%" for _ in conjuncts]
    text = f"{lead}{_joined(conjuncts, joiner)}{head}{verb}{_joined(values, '和')}。"
    events = extract_records(text)["events"]
    assert [e["indicator"] for e in events] == [c + head for c in conjuncts], text
    for e in events:
        if e["indicator_start"] is not None:
            assert text[e["indicator_start"]:e["indicator_end"]] == e["indicator"], (e, text)
        else:  # distributed: a conjunct of the sentence joined to the head written once after the last one
            conjunct = e["indicator"][:-len(head)]
            assert conjunct in text and text.index(conjunct) < text.index(head), (e, text)
    assert events[-1]["indicator_start"] is not None, text


def test_topic_frames_kept_per_clause_are_those_read_in_the_document():
    """A clause's topic frame is kept per its text and the few characters before it (``linker._topic_frame``): on
    every clause of the gold texts it is the frame its patterns read in the whole document, which they may look back
    into."""
    rules = default_rules()
    wrong = []
    for text in TEXTS:
        norm = normalize(text).text
        doc = Document(norm, find_quantities(norm), find_periods(norm), rules)
        for sentence in sentences(doc):
            for start, end in clauses(doc, *sentence):
                for has_quantities in (False, True):
                    read = linker._read_topic_frame(doc.eng, norm[:end], start, has_quantities)
                    if linker._topic_frame(doc, start, end, has_quantities) != read:
                        wrong.append(norm[start:end])
    assert not wrong, wrong[:5]
