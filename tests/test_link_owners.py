"""The owner of a sentence's measures: a new company ends the reach of the one before, and no trigger word cuts an
owner's name."""
from __future__ import annotations

import pytest

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
])
def test_owners(text, value, indicator):
    assert one(run(text), value).indicator == indicator
