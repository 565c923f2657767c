"""A value after coordinated names, with no 分别 or 均: each name's where its form says so (a rank, a rate as a bound
or a range), the names whole otherwise (convention 7)."""
from __future__ import annotations

import pytest

from zhibiao.api import extract
from zhibiao.linker_rules import default_rules


def indicators(text: str, value: str) -> list[str]:
    return [e["indicator"] for e in extract(text)["events"] if e["value_text"] == value]


@pytest.mark.parametrize("text, value, expected", [
    # a rank is each name's: no total of two measures is ranked (corpus news90)
    ("茶叶产量全省第一,茶园面积和产值全省第三。", "第三", ["茶园面积", "产值"]),
    # a rise as a lower bound, the head shared by the list distributed (news92, news53)
    ("化妆品、金银珠宝、汽车零售额比2019年同期增长10%以上。", "10%", ["化妆品零售额", "金银珠宝零售额", "汽车零售额"]),
    ("芥菜和小白菜也漲逾1成。", "1成", ["芥菜", "小白菜"]),
    # a multiple of a reference value as a range (news62)
    ("春节期间,商场、超市客流量是平日的2~3倍。", "2~3倍", ["商场客流量", "超市客流量"]),
    # the value is no rank, bound or range: the total of the names, whole
    ("禽肉、牛肉、羊肉产量增长3.7%。", "3.7%", ["禽肉、牛肉、羊肉产量"]),
    # a share, a fraction said with no change, a level in a range: parts or sums of the names together
    ("机电产品和劳动密集型产品出口占比超八成。", "八成", ["机电产品和劳动密集型产品出口"]),
    ("在新注册的电子商务经营主体中,中小企业和个体商户超过九成。", "九成", ["中小企业和个体商户"]),
    ("港产片和内地片票房介乎3000万至4000万元。", "3000万至4000万元", ["港产片和内地片票房"]),
    # a count naming the set as one whole, a threshold's 及
    ("稻谷、小麦、玉米三大作物总产量增长5%以上。", "5%", ["稻谷、小麦、玉米三大作物总产量"]),
    ("单站10万千瓦及以上装机增长20%以上。", "20%", ["单站10万千瓦及以上装机"]),
    # one name of the catalogue holding a conjunction ranks as one
    ("電力及燃氣供應業排名第二。", "第二", ["电力及燃气供应业"]),
])
def test_a_value_after_coordinated_names(text: str, value: str, expected: list[str]) -> None:
    assert indicators(text, value) == expected


@pytest.mark.parametrize("text, value, expected", [
    # production and sales add into no total: one value said of both, by 均 or as a rank, is each one's (corpus
    # news28, news85)
    ("今年前11个月,汽车产销量均超过3100万辆。", "3100万辆", ["汽车产量", "汽车销量"]),
    ("我国新能源汽车产销量连续9年位居世界第一位。", "第一位", ["新能源汽车产量", "新能源汽车销量"]),
    # imports and exports do (进出口 is a statistic of its own): the value stays the total's (news21)
    ("全市进出口均超过千亿元。", "千亿元", ["进出口"]),
])
def test_one_value_of_a_contraction(text: str, value: str, expected: list[str]) -> None:
    assert indicators(text, value) == expected


def test_the_words_of_a_class_are_one_set_gathered_at_load() -> None:
    """``LinkerRules.words`` (asked of each contraction found whether it is of class ``contraction_each``) answers from
    the sets gathered when the rules load: the same set on every call, of the class's words."""
    rules = default_rules()
    each = rules.words("contraction_each")
    assert each is rules.words("contraction_each")
    assert each == {w for e in rules.lexicon["contraction_each"] for w in e.words} and "产销" in each
    assert rules.words("no_such_class") == frozenset()
