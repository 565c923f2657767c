"""The basis cues are read once per sentence: the same answers as searching every cue before every value.

``link_cues.basis_for`` tries, for a value, only the cues whose word occurs before it or whose pattern may
start there (``PairStarts``, ``WordsPresent``); searching all of them in the part of the sentence before the
value, as it did before, must give the same basis for every value of the gold texts; a sentence without a cue
of its own takes the last cue the text says carries on (下同), searched here over the whole text before the value.
"""
from __future__ import annotations

from typing import Optional

import pytest
import regex

from zhibiao import link_cues, link_statements
from zhibiao.linker_rules import PairStarts, WordsPresent, default_rules
from zhibiao.records import extract_records

from .conftest import gold_files, read_jsonl


def _every_cue(doc, sentence: tuple[int, int], pos: int, clause_start: int = 0) -> Optional[str]:
    """Every basis cue and trigger searched in the sentence up to ``pos``, in the engine's order."""
    eng = doc.eng
    sent_start = sentence[0]
    seg = doc.text[sent_start:pos]
    best = None

    def skip(m: regex.Match) -> bool:
        return sent_start + m.end() <= clause_start and eng.p_growth_word_end.search(seg[:m.start()]) is not None

    for _, pat, basis, cue in eng.cue_entries:
        found = list(pat.finditer(seg))
        cand = link_cues._last_cue(found, basis, skip if cue else None) if found else None
        if cand is not None and (best is None or cand[:2] > best[:2]):
            best = cand
    return best[2] if best else None


def _carried(doc, pos: int) -> Optional[str]:
    """The basis of the last cue before ``pos`` the text says holds for what follows (下同), every match searched."""
    pat = doc.eng.p_basis_carry
    found = [link_cues.basis_for_cue(doc, m.group("cue")) for m in pat.finditer(doc.text) if m.start() < pos] \
        if pat is not None else []
    found = [b for b in found if b]
    return found[-1] if found else None


def _gold_texts() -> list[str]:
    return [d["text"] for path in gold_files() for d in read_jsonl(path)]


def test_basis_for_equals_searching_every_cue(monkeypatch):
    asked = 0

    def both(doc, sentence, pos, clause_start=0):
        nonlocal asked
        asked += 1
        got = link_cues.basis_for(doc, sentence, pos, clause_start)
        expected = _every_cue(doc, sentence, pos, clause_start) or _carried(doc, pos)
        assert got == expected, (doc.text[sentence[0]:pos], got)
        return got

    monkeypatch.setattr(link_statements, "basis_for", both)
    for text in _gold_texts():
        extract_records(text)
    assert asked > 1000


def test_words_present_equals_substring_search():
    eng = default_rules().engine
    words = list(eng.cue_by_word)
    for text in _gold_texts():
        assert eng.cue_words.found(text) == {w for w in words if w in text}
    # a word inside a longer one at the same position is found too
    assert WordsPresent(["按年", "按年比较", "年比"]).found("今年按年比较") == {"按年", "按年比较", "年比"}


@pytest.mark.parametrize("pattern, text, first", [
    (r"(?<![上去今本])年(?:增|减)", "2023年前三季度出口年增5%", 11),  # 年前 begins none; the lookbehind not judged
    (r"[比较]第\s*[一二三四1-4]\s*季度?", "出口比上年增长,较第二季", 8),
    (r"同(?:期|月)(?:相)?比较", "同比增长", 4),  # 同比 begins no match: none may start
])
def test_pair_starts_first_position(pattern, text, first):
    assert PairStarts([regex.compile(pattern)]).firsts(text) == [first]


def test_pair_starts_judges_the_last_character_alone():
    starts = PairStarts([regex.compile(r"较第\s*[一二三四]季")])
    assert starts.mask("较") == 1 and starts.mask("较上") == 0
