"""Places in regional breakdowns: a subject of places and predicate words names nothing
(``link_place_phrase.place_phrase``), and regions the lexicon lacks are known by their form (rule loc.region_form)."""
from __future__ import annotations

import pytest

from zhibiao.linker_rules import default_rules
from zhibiao.link_place_phrase import place_phrase

from .test_linker import one, run


def _place_phrase(text: str) -> bool:
    eng = default_rules().engine
    return place_phrase(text, eng.p_location, eng.catalogue)


@pytest.mark.parametrize("subject", [
    "以北屯区",  # a preposition and a place (corpus news62)
    "离岛地区的澎湖县",  # a region by its form, 的 and a county (news55)
    "自超越北京以来",  # a frame of time around a place (news60)
])
def test_places_with_predicate_words_name_nothing(subject):
    assert _place_phrase(subject)


@pytest.mark.parametrize("subject", [
    "增速较快的福建",  # a rate noun, how it compares and 的: which places, not what is measured (corpus news78)
    "增速较快的福建、广东",  # (the places listed)
    "增幅最大的台北市",
])
def test_places_picked_by_their_rate_name_nothing(subject):
    assert default_rules().engine.names_nothing(subject)


@pytest.mark.parametrize("subject", [
    "我国连续13年保持东盟",  # a place right before a verb is what the verb is said of (news71)
    "除了北竿乡出现",
    "内地访客则",  # or a noun the tagger reads as a verb (news71, news25)
    "非广东游客",
    "对美国出口",  # a catalogue name
    "江宁区",  # a place alone: the linker takes it as the location already
    "台湾地区旅客",  # a noun after the place
])
def test_a_place_with_a_name_or_its_own_verb_stays(subject):
    assert not _place_phrase(subject)


@pytest.mark.parametrize("text, value, indicator", [
    # the value of a place in a breakdown is the carried statistic's (corpus news55, news62)
    ("去年平均每户家庭所得总额在全国22县市中排名[第11](东部地区的花莲县排名为[第18位];离岛地区的澎湖县排名为[第16位])。",
     "第16位", "平均每户家庭所得总额"),
    ("本月各行政区的交易量与去年同期相比,涨跌互见,其中北屯区下跌[39.86%],以南屯区下跌[41.2%]最多。",
     "41.2%", "交易量"),
])
def test_a_place_in_a_frame_takes_the_carried_indicator(text, value, indicator):
    assert one(run(text), value).indicator == indicator


@pytest.mark.parametrize("text, value, indicator, location", [
    # loc.region_form: a region the lexicon lacks, by its form (corpus news71; 苏南 as Jiangsu's releases group cities)
    ("2021年农村地区收投快递包裹总量[370亿件]。", "370亿件", "收投快递包裹总量", "农村地区"),
    ("苏南地区GDP增长[5.6%]。", "5.6%", "GDP", "苏南地区"),
    ("九十五年家庭收支调查,台湾地区平均每户收入[110万元]。", "110万元", "平均每户收入", "台湾地区"),
    # not 地区 opening a statistic's name, nor a set word before it
    ("全市地区生产总值增长[5%]。", "5%", "地区生产总值", "全市"),
    ("其他地区旅客增长[3%]。", "3%", "其他地区旅客", None),
    # nor a slot of a breakdown, nor a region alone before its value, an item of a ranking by origin (news36, news37)
    ("观察主要接单地区,[第一]大接单地区为美国[275.4亿美元]。", "275.4亿美元", "美国", None),
    ("第三名为港澳地区[219万人次]。", "219万人次", "港澳地区", None),
])
def test_regions_known_by_their_form(text, value, indicator, location):
    e = one(run(text), value)
    assert (e.indicator, e.location) == (indicator, location)
