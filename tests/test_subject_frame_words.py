"""Verbs, adverbs and marks of a statement's frame written before, inside or after a name (first readings of unseen
files kept them in the indicator): the words of classes filler_prefix, filler_suffix, leading_verb and subject_strip."""
from __future__ import annotations

import pytest

from .test_linker import one, run


@pytest.mark.parametrize("text, value, indicator", [
    # Taiwan's budgets: the verb appropriating a sum (filler_suffix 编列)
    ("营业盈余及事业收入编列[2580亿元],占9%。", "2580亿元", "营业盈余及事业收入"),
    # a level crossed one after another (filler_suffix 跨越, 先后)
    ("十四五以来,我国GDP先后跨越[110万亿元]、120万亿元。", "110万亿元", "GDP"),
    # an adverb of the present before the predicate, whole (filler_suffix 目前, not 前 alone)
    ("根据预算,博彩税收入目前已完成[42.1%]的目标。", "42.1%", "博彩税收入"),
    # an adverb of the present opening the statement (filler_prefix 现行)
    ("现行中油从美进口液化天然气,一年有[200万公吨]。", "200万公吨", "中油从美进口液化天然气"),
    # Hong Kong's and Macau's 合共 and the verb of providing a stock (filler_prefix 合共, leading_verb 提供)
    ("获准动工的建筑工程共16项,合共提供住宅建筑楼面面积约[201,877平方米]。", "201,877平方米", "住宅建筑楼面面积"),
    # a footnote mark inside the name (subject_strip)
    ("全年谷物①播种面积[11.2万公顷]。", "11.2万公顷", "谷物播种面积"),
    # the basis of a computation written with 依, as with 按 (subject_strip)
    ("国内油价依公式计算,跌幅为[0.76%]。", "0.76%", "国内油价"),
    # the start of a course written before an event (filler_suffix 由…前的)
    ("贫穷人口由政策介入前的约[149万],减少至近110万。", "149万", "贫穷人口"),
    # the span of a results report between the owner and its measure (subject_strip 于本期间)
    ("美狮美高梅于本期间收益为[32亿港元]。", "32亿港元", "美狮美高梅收益"),
])
def test_the_frame_word_goes(text, value, indicator):
    assert one(run(text), value).indicator == indicator


@pytest.mark.parametrize("text, value, indicator", [
    # 提供 opening a relative clause that names what is counted stays
    ("全澳提供正规教育的学校有[77所]。", "77所", "提供正规教育的学校"),
    # 呈 opening a word of the name (呈请: a petition) is no topic's verb
    ("单计去年12月,个人破产呈请[675宗]。", "675宗", "个人破产呈请"),
    ("强制公司清盘呈请有[41宗],按年升28.13%。", "41宗", "强制公司清盘呈请"),
    # a footnote mark after the name goes as before
    ("主营活动利润①[12亿元]。", "12亿元", "主营活动利润"),
])
def test_the_name_keeps_what_names_it(text, value, indicator):
    assert one(run(text), value).indicator == indicator


@pytest.mark.parametrize("text, value, indicator", [
    # 以 opening a clause of means or basis that runs to 的 before the head names what is counted (filler_prefix 以,
    # X以): 以X身份/方式/计算的 stays, as the gold keeps it (以个人游方式来澳的内地旅客, 以当年价格计算的本地居民总收入)
    ("7月内以个人游身份访港的内地旅客增[30.7%]。", "30.7%", "以个人游身份访港的内地旅客"),
    ("较同年以当年价格计算的本地生产总值([4,433.0亿元])少630.7亿元。", "4,433.0亿元", "以当年价格计算的本地生产总值"),
])
def test_a_clause_of_means_stays(text, value, indicator):
    assert one(run(text), value).indicator == indicator


@pytest.mark.parametrize("text, value, indicator", [
    # a concession comparing the name with another, 虽不及/不如 X, before its value (filler_suffix)
    ("平均住房价虽不及台北地区[4,315元],但仍高于高雄。", "4,315元", "平均住房价"),
    # a selection frame naming the item by what it has most or more of (filler_prefix X较多的)
    ("其中,受雇员工人数较多的制造业平均薪资为[5万元]。", "5万元", "制造业平均薪资"),
    ("增值率较高的一般贸易进出口占[44.3%]。", "44.3%", "一般贸易进出口"),
    # a report estimating the figure of the name after it (filler_prefix 推算)
    ("报告书又推算新界的人口在2031年为[43.43万人]。", "43.43万人", "人口"),
    # the source of a growth named by its driving force (filler_prefix 主要增长动力源自)
    ("货运量增加3%,主要增长动力源自转口货运,增长[18.2%]。", "18.2%", "转口货运"),
    # the size of a fall after 的 closing the name, as the size of a rise (rate_tail_de 跌幅)
    ("十月份乘客量的跌幅比去年同期下跌超过[两成]。", "两成", "乘客量"),
])
def test_a_frame_before_or_after_the_name_goes(text, value, indicator):
    assert one(run(text), value).indicator == indicator

