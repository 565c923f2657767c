"""A place alone before a value: an item of a breakdown by partner, or the location of a statistic each place has
(``link_own_statistic.own_statistic``, ``link_statements.breakdown_item``); and a count of places opening a name."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from zhibiao import subject_boundary
from zhibiao.link_own_statistic import own_statistic
from zhibiao.linker_rules import default_rules

from .test_linker import one, run


def _doc() -> SimpleNamespace:
    rules = default_rules()
    return SimpleNamespace(eng=rules.engine, rules=rules)


@pytest.mark.parametrize("measure, own", [
    ("外汇存底", True),  # statistics every place has: a place before their value is the location (corpus news67)
    ("42个国家按购买力平价折算后的研发经费规模", True),  # read from the last catalogue name on (news85)
    ("年总工时", True),  # news89
    ("人均城市固体废物弃置量", True),  # news66
    ("来台旅客", False),  # given by origin: the place is the item (news39)
    ("对美国出口", False),  # by partner (news41)
    ("酒店及公寓住客", False),  # an origin noun (news8)
    ("泰劳", False),  # migrant workers by nationality (news16)
    ("旅客", False),  # a measure marked by_partner in the catalogue
    ("市场体量", False),  # no catalogue name: the reading stays as it was
])
def test_own_statistic(measure, own):
    assert own_statistic(_doc(), measure) is own


@pytest.mark.parametrize("text, value, indicator, location", [
    # a statistic of each place: the places listed are its locations (corpus news85, news67)
    ("OECD国家的研发经费规模,以美国[5029亿美元]最多,其次中国大陆[4088亿美元]。", "4088亿美元", "OECD国家的研发经费规模",
     "中国大陆"),
    # by origin: the place is the item, the name itself (news39)
    ("1至8月来台旅客计[219.6万人次],其次为港澳[29.3万人次]。", "29.3万人次", "港澳", None),
    # the origin after 以来自 (以 | 来自, not 以来 "since", a filler: news39); 以来 still goes before a name
    ("1至8月来台旅客计[219.6万人次],其中以来自日本[71.9万人次]。", "71.9万人次", "日本", None),
    ("今年以来工业增加值增长[5%]。", "5%", "工业增加值", None),
    # a count of places heading its own phrase is a reference set and goes (news85); not one modifying the noun after
    # it (news39, news64)
    ("2015年全球[42个]国家按购买力平价折算后的研发经费规模,以美国[5029亿美元]最多。", "5029亿美元", "按购买力平价折算后的研发经费规模",
     "美国"),
    ("[8个]国家高新区实现营业收入[7831.36亿元]。", "7831.36亿元", "8个国家高新区营业收入", None),
    ("长三角地区[41个]城市平均优良天数比例为[80.5%]。", "80.5%", "41个城市平均优良天数比例", "长三角地区"),
])
def test_places_before_a_value(text, value, indicator, location):
    # the rules' reading: where they leave a choice the boundary model's pick moves with its retrained weights
    with subject_boundary.using(None):
        e = one(run(text), value)
    assert (e.indicator, e.location) == (indicator, location)
