"""The owner of a sentence's measures: a new company ends the reach of the one before, and no trigger word cuts an
owner's name."""
from __future__ import annotations

import pytest

from .conftest import script_module
from .test_linker import one, run


@pytest.mark.parametrize("text, value, indicator", [
    # a trigger or qualifier ending an owner's name is the name's (广达, corpus news84)
    ("上市公司前3季税后净利,长荣[613亿元];广达[534亿元]、年增20.81%。", "534亿元", "广达税后净利"),
    # a company of the owners opening a clause after a word turning to it owns the measures after it (news82)
    ("台湾大哥大受到电信事业增温,EPS达[0.47元],而远传电信则延续5G动能,EPS则为[0.30元]。", "0.30元", "远传电信EPS"),
    # not a bank the owner patterns make of a clause's object (news43)
    ("第一金8月税后纯益为[27.15亿元],弥补银行净利在股利高峰后缩减,累计前八月税后纯益达[196.55亿元]。", "196.55亿元",
     "第一金税后纯益"),
    # a lone head noun repeats no measure of the owner before the new one (news14)
    ("上汽通用五菱完成产量[131.8万辆],产值[544亿元];东风柳汽完成产量[20万辆],产值[144.9亿元]。", "144.9亿元", "东风柳汽产值"),
    # the short names of class owner (owner.short_names): insurers, phone makers as the mainland press names them
    # (news72, news82), and a maker's share written 份额 (owned.measures)
    ("中国太保个险新业务同比增长[44.56%]。", "44.56%", "中国太保个险新业务"),
    ("三星以近[19%]的市场份额位居榜首,苹果以[17%]位居第二。", "17%", "苹果市场份额"),
    ("三星以近[19%]的市场份额位居榜首,苹果以[17%]位居第二。", "19%", "三星市场份额"),
    ("OPPO(包括OnePlus)和vivo分别以[10%]和[8%]的份额位列前五。", "8%", "vivo份额"),
    # companies coordinated before the measure they report share what follows the last company's name, whatever
    # the names' lengths
    ("腾讯和阿里巴巴净利润分别增长[10%]和[5%]。", "10%", "腾讯净利润"),
    ("中华电、远传电信营收分别为[100亿元]和[90亿元]。", "100亿元", "中华电营收"),
    # the company a clause of its own names owns the measure written after a value nothing is named before (news61)
    ("比亚迪紧随其后,以[45.41GWh]的装车量位列第二。", "45.41GWh", "比亚迪装车量"),
])
def test_owners(text, value, indicator):
    assert one(run(text), value).indicator == indicator


def _owner_words():
    return script_module("owner_words")


@pytest.mark.parametrize("indicator, name_end, glued", [
    ("三星级酒店的入住率", 2, True),  # a hotel's grade, no company
    ("台湾大学学生人数", 3, True),  # 大学 runs on past 台湾大
    ("台湾大每股盈余", 3, False),
    ("中国太保个险新业务", 4, False),
    ("三星市场份额", 2, False),
])
def test_owner_words_tells_a_name_glued_to_a_word(indicator, name_end, glued):
    """scripts/owner_words.py counts a name opening a gold indicator as glued where a word runs on past it."""
    assert _owner_words()._glued(indicator, name_end) is glued
