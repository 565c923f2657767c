"""Where gold names fall against the words a subject is cut into (scripts/subject_word_edges.py)."""
from __future__ import annotations

import pytest

from zhibiao import subject_boundary, subject_phrases
from zhibiao.records import default_extractor

from .conftest import script_module


def _script():
    return script_module("subject_word_edges")


@pytest.mark.parametrize(("name", "subjects", "how", "words"), [
    # the name starts at a word of the subject
    ("转口货运", {"转口货运": ("转口", "货", "运")}, "on words", []),
    # a preposition glued to the name's first character: no cut starts at the name
    ("转口货运", {"源自转口货运": ("源", "自转", "口", "货", "运")}, "cut", ["自转"]),
    ("入境旅客总计", {"出入境旅客总计": ("出入", "境", "旅客", "总计")}, "cut", ["出入"]),
    # a verb glued to the name's last character
    ("现金", {"派发现金": ("派", "发现", "金")}, "cut", ["发现"]),
    # one subject holding it on its words is enough
    ("出口", {"进出口": ("进出口",), "出口额": ("出口", "额")}, "on words", []),
    ("出口", {}, "in no subject", []),
])
def test_edges(name: str, subjects: dict, how: str, words: list[str]) -> None:
    assert _script().edges(name, subjects) == (how, words)


@pytest.mark.parametrize(("words", "runs"), [
    (["进出口", "总", "额"], ["总|额"]),
    (["派", "发", "现金", "红", "利", "5", "元"], ["派|发", "红|利"]),
    (["社会", "消费", "品", "零售"], []),
])
def test_single_runs(words: list[str], runs: list[str]) -> None:
    assert list(_script().single_runs(words)) == runs


def test_recorded_subjects_are_each_texts_own_and_the_cutters_are_given_back() -> None:
    """A subject cut for an earlier text is recorded again for a later one (the linker's caches are emptied)."""
    script = _script()
    extract = default_extractor()
    before = (subject_boundary.cut_tagged, subject_phrases.cut_tagged)
    text = "今年上半年,全市社会消费品零售总额同比增长5.2%。"
    with script.recorded_subjects(extract.rules) as take:
        take()
        extract(text)
        first = take()
        extract(text)
        second = take()
    assert first and first == second
    assert (subject_boundary.cut_tagged, subject_phrases.cut_tagged) == before
