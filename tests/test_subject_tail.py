"""A predicate's frame left at a subject's end, after a name the catalogue knows (``subject_tail.name_end``)."""
from __future__ import annotations

import pytest

from zhibiao.linker_rules import default_rules
from zhibiao.subject_tail import name_end

from .test_linker import one, run


@pytest.mark.parametrize("subject, name", [
    # the copula and a frame of the value (corpus news70), a comparison's reference (devC), an adverb and the
    # comparison after it (news25), an adverb and the copula before a rank (news71)
    ("基本通胀率为平均每年", "基本通胀率"),
    ("规上工业增速较一季度月", "规上工业增速"),
    ("不过夜旅客的平均逗留时间则与去年同季一样", "不过夜旅客的平均逗留时间"),
    ("对泰国出口均为历年", "对泰国出口"),
])
def test_a_frame_after_a_known_name_is_cut(subject, name):
    assert subject[:name_end(default_rules(), subject)] == name


@pytest.mark.parametrize("subject", [
    "规模以上工业增加值",  # a name whole
    "葵青货柜码头以外的理箱量",  # the tail ends in a noun: a modifier and its head
    "实质经常性薪资中位数",  # a verb in the tail: a word cut in characters (中|位|数)
    "地方政府债券平均发行期限",  # a verb in the tail: a clause naming the item
    "入境前3名",  # a slot of a ranking the place after it fills (class rank_frame)
    "访澳旅客人次与香港相近",  # the tail ends in what the tagger reads as a noun
])
def test_a_name_or_its_modifiers_stay(subject):
    assert name_end(default_rules(), subject) is None


@pytest.mark.parametrize("text, value, indicator", [
    ("未来十年,基本通胀率为平均每年[2%]。", "2%", "基本通胀率"),
    ("不过夜旅客的平均逗留时间则与去年同季一样,为[0.2日]。", "0.2日", "不过夜旅客的平均逗留时间"),
])
def test_the_linker_names_the_value_without_the_frame(text, value, indicator):
    assert one(run(text), value).indicator == indicator
