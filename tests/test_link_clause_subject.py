"""A clause without a value that is a predicate, no noun phrase, names no topic (``link_clause_subject``)."""
from __future__ import annotations

import pytest

import zhibiao
from zhibiao.link_clause_subject import predicate_clause
from zhibiao.linker_rules import default_rules


@pytest.mark.parametrize("text, predicate", [
    # a pronoun opening the clause is its own subject
    ("它在香港整体票房", True),
    ("我们来看最近的走势", True),
    # the last two words no nouns, the last one a word the tagger knows
    ("降幅持续扩大", True),
    # a noun phrase: its head a noun or a noun's suffix, or a nominalised verb after a noun
    ("韩国各航线", False),
    ("楼花成交", False),
    ("平均成交总价", False),
    # an unknown last character's tag is a guess (所|得 tagged as a verb)
    ("家庭可支配所得", False),
    # text holding a catalogue name is a name
    ("可提供客房数目", False),
    # one word says too little
    ("成交", False),
])
def test_a_topic_that_opens_with_a_pronoun_or_ends_in_a_predicate_is_no_noun_phrase(text, predicate):
    assert predicate_clause(text, default_rules().catalogue) is predicate


@pytest.mark.parametrize("text, value, indicator", [
    ("外国电影在香港的票房为30亿元,它在香港整体票房所占的份额,亦因而由1992年约20%增加至2015年约80%。", "80%",
     "外国电影在香港的票房"),
    ("全年出口较上年减少12%,降幅自去年以来扩大,全年出口为300亿美元。", "300亿美元", "出口"),
    ("台湾出口值达400亿美元,我们来看最近的走势,年增12%。", "12%", "出口值"),
    # a noun phrase stays the topic of the lone measures after it
    ("韩国各航线一直保持良好的增长势头,1-2月客运量同比增长27%,航班量升幅达12.5%。", "12.5%", "韩国各航线航班量"),
])
def test_the_values_after_a_predicate_clause_keep_the_indicator_carried(text, value, indicator):
    (event,) = [e for e in zhibiao.extract(text)["events"] if e["value_text"] == value]
    assert event["indicator"] == indicator
