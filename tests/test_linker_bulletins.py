"""The linker on county, city and district bulletins: the places below the county and the parts of a province as
locations (rules loc.town_form, loc.subregion), the three sectors written with bare ordinals, and the ratio of urban
to rural incomes."""
from __future__ import annotations

import pytest

from .test_linker import one, run


@pytest.mark.parametrize("text, value, indicator, location", [
    # loc.town_form: a town, township or subdistrict is the location of its figures, not part of their name
    ("2023年,白沙镇实现地区生产总值[56.7亿元],增长[7.5%]。", "56.7亿元", "地区生产总值", "白沙镇"),
    ("全年,桃源乡农村居民人均可支配收入[18687元],增长[8.2%]。", "18687元", "农村居民人均可支配收入", "桃源乡"),
    ("东城街道一般公共预算收入[3.2亿元],同比增长[12.1%]。", "12.1%", "一般公共预算收入", "东城街道"),
    ("三河镇工业总产值[12.3亿元]。", "12.3亿元", "工业总产值", "三河镇"),
    # towns listed before 分别 are the locations, the measure after it the name of every value
    ("柳江镇、洛满镇、百朋镇分别实现工业总产值[12.3亿元]、[8.6亿元]和[5.2亿元]。", "8.6亿元", "工业总产值",
     "柳江镇、洛满镇、百朋镇"),
    # a town alone after a statement takes its measure
    ("全县规上工业增加值增长[10.2%],其中城关镇增长[12.5%],东城街道增长[8.1%]。", "12.5%", "规上工业增加值", "城关镇"),
    # loc.subregion: the parts of a province, written without 地区
    ("关中、陕北、陕南县域生产总值同比分别增长[6.2%]、[6.3%]、[5.3%]。", "6.3%", "县域生产总值", "关中、陕北、陕南"),
    ("苏北地区生产总值增长[6.1%],苏北规上工业增加值增长[8.2%]。", "8.2%", "规上工业增加值", "苏北"),
    # the whole of a county's territory is its scope; 县域 alone names the county economy
    ("全县域实现生产总值[320亿元]。", "320亿元", "生产总值", "全县域"),
    ("县域生产总值增长[6%]。", "6%", "县域生产总值", None),
    # not the common words the suffixes end, nor a scope, set or count before them
    ("城镇居民人均可支配收入[42000元],增长[5.1%]。", "42000元", "城镇居民人均可支配收入", None),
    ("新型城镇化率达到[56.2%]。", "56.2%", "新型城镇化率", None),
    ("乡镇企业实现营业收入[12亿元]。", "12亿元", "乡镇企业营业收入", None),
    ("小城镇建设投资[12亿元]。", "12亿元", "小城镇建设投资", None),
    ("特色小镇投资额达[12亿元]。", "12亿元", "特色小镇投资额", None),
    ("百强镇公共财政收入平均为[19.25亿元]。", "19.25亿元", "百强镇公共财政收入平均", None),
    ("美丽乡村建设投入资金[3亿元]。", "3亿元", "美丽乡村建设投入资金", None),
    ("返乡创业人员达[1.2万人]。", "1.2万人", "返乡创业人员", None),
    ("主要街道绿化率达[90%]。", "90%", "主要街道绿化率", None),
    ("台湾偏乡学童人数为[12万人]。", "12万人", "偏乡学童人数", "台湾"),
    ("全县建制镇数量[12个]。", "12个", "建制镇数量", "全县"),
    ("全镇实现工业总产值[210亿元],增长[16%]。", "210亿元", "工业总产值", "全镇"),
])
def test_towns_and_parts_of_a_province_are_locations(text, value, indicator, location):
    e = one(run(text), value)
    assert (e.indicator, e.location) == (indicator, location)


@pytest.mark.parametrize("text, value, indicator", [
    # the three sectors with bare ordinals are named with 第, as with 第一、二、三产业 and 三次产业
    ("其中,一、二、三产业增加值分别为[21.0亿元]、[48.6亿元]和[80.6亿元]。", "48.6亿元", "第二产业增加值"),
    ("其中,一、二、三产业增加值分别为[21.0亿元]、[48.6亿元]和[80.6亿元]。", "21.0亿元", "第一产业增加值"),
    ("二、三产业增加值分别增长[7.6%]和[6.3%]。", "6.3%", "第三产业增加值"),
    ("一、二、三产业对经济增长的贡献率分别为[8.2%]、[45.7%]和[46.1%]。", "8.2%", "第一产业"),
    ("第一、二、三产业增加值分别增长[3.9%]、[7.6%]和[6.3%]。", "7.6%", "第二产业增加值"),
    # other bound conjuncts keep their form
    ("内、外贸吞吐量分别增长[3.1%]和[2.4%]。", "3.1%", "内贸吞吐量"),
    ("大、中型企业利润分别增长[3.1%]和[2.4%]。", "2.4%", "中型企业利润"),
])
def test_sectors_with_bare_ordinals_take_their_full_names(text, value, indicator):
    assert one(run(text), value).indicator == indicator


@pytest.mark.parametrize("text, value", [
    # a ratio to one after a noun ending in 比, however the verb reaches it (units.yaml ratio_cue)
    ("城乡收入比由同期[1.57:1]下降至[1.53:1],城乡收入比继续缩小。", "1.57:1"),
    ("城乡收入比由同期[1.57:1]下降至[1.53:1],城乡收入比继续缩小。", "1.53:1"),
    ("全县城乡收入比缩小至[2.0:1]。", "2.0:1"),
])
def test_the_ratio_of_urban_to_rural_incomes(text, value):
    from zhibiao.api import extract
    plain = text.replace("[", "").replace("]", "")
    found = [e for e in extract(plain)["events"] if e["value_text"] == value]
    assert [e["indicator"] for e in found] == ["城乡收入比"]


@pytest.mark.parametrize("text, value, indicator, location", [
    # a count of places that did something names the set counted, no measure of its members: a place's value after
    # it is of the indicator before the count (corpus news78, news14, news56)
    ("1-4月,全省固定资产投资增长[10.9%]。[3个]省份增速提高,上海、河北分别提高[1.7]和[0.7个百分点]。",
     "1.7", "固定资产投资", "上海、河北"),
    ("1-4月,全省固定资产投资增长[10.9%]。[3个]省份增速提高,上海、河北分别提高[1.7]和[0.7个百分点]。",
     "0.7个百分点", "固定资产投资", "上海、河北"),
    # (after a second count too: the indicator before the first)
    ("全市固定资产投资增长[10.9%],有[13个]县高于全市平均水平,有[7个]县低于全市平均水平,邢台县增长[55.5%]。",
     "55.5%", "固定资产投资", "邢台县"),
    ("全区工业增加值增长[8%],[7个]市增长50%以上,其中北海市增长[5倍]。", "5倍", "工业增加值", "北海市"),
])
def test_a_place_after_a_count_of_places_takes_the_indicator_before_the_count(text, value, indicator, location):
    e = one(run(text), value)
    assert (e.indicator, e.location) == (indicator, location)


@pytest.mark.parametrize("value", ["19.7%", "17.5%"])
def test_places_picked_by_their_rate_after_a_count_take_the_indicator_before_it(value):
    # a rate clause before the places names nothing (link_place_phrase): after a count of places, its values are of
    # the indicator before the count (corpus news78)
    evs = run("1-4月,全省固定资产投资增长[10.9%]。[10个]省份同比增长,增速较快的福建、广东分别增长[19.7%]和[17.5%]。")
    assert one(evs, value).indicator == "固定资产投资"
