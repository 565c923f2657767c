"""Words gold keeps in a name in one place and drops in another, and convention slips (scripts/gold_consistency.py)."""
from __future__ import annotations

from .conftest import script_module


def _script():
    return script_module("gold_consistency")


def _event(text: str, name: str, value: str, **fields) -> object:
    gc = _script()
    at = text.index(value)
    item = gc.Event("f", "d", "simplified", {"indicator": name, "value_text": value, **fields}, text, at,
                    gc.sentence_span(text, at))
    item.name_at = gc.locate_name(text, name, at, item.sentence)
    return item


def test_fold_counts_spans_of_any_length_together() -> None:
    assert _script().fold("近3年") == _script().fold("近10年") == "近N年"


def test_locate_name_takes_the_nearest_occurrence_before_the_value() -> None:
    gc = _script()
    text = "出口增长5%。出口额3亿元,出口额增长2%。"
    at = text.index("2%")
    assert gc.locate_name(text, "出口额", at, gc.sentence_span(text, at)) == text.index("出口额增长")
    # not in the value's sentence: not located
    at = text.index("5%")
    assert gc.locate_name(text, "出口额", at, gc.sentence_span(text, at)) is None


def test_tally_counts_a_word_kept_in_one_name_and_dropped_before_another() -> None:
    gc = _script()
    kept = _event("整体出口货值增长5%。", "整体出口货值", "5%")
    dropped = _event("整体进口货值增长3%。", "进口货值", "3%")
    tallies = gc.tally([kept, dropped])
    t = tallies[("before", "整体")]
    assert (t.total("kept"), t.total("dropped")) == (1, 1)
    assert [k for k, _ in gc.both_ways(tallies, 1)].count(("before", "整体")) == 1
    assert ("before", "整体") not in [k for k, _ in gc.both_ways(tallies, 2)]


def test_slips() -> None:
    gc = _script()
    gloss = _event("百货公司(含购物中心)营业额增长3%。", "百货公司(购物中心)营业额", "3%", kind="change", basis="yoy")
    assert ("bracketed gloss", "百货公司(购物中心)营业额") in set(gc.slips(gloss))
    members = _event("县(市、区)财政收入增长3%。", "县(市、区)财政收入", "3%", kind="change", basis="yoy")
    assert not [r for r, _ in gc.slips(members) if r == "bracketed gloss"]
    averaging = _event("居民人均收入3万元。", "收入", "3万元", kind="level", basis=None)
    assert [r for r, _ in gc.slips(averaging)] == ["averaging word"]
    multiple = _event("产量是去年同期的2倍。", "产量", "2倍", kind="change", basis="yoy", unit="倍")
    assert [r for r, _ in gc.slips(multiple)] == ["multiple"]
    growth = _event("产量增长1.2倍。", "产量", "1.2倍", kind="change", basis=None, unit="倍")
    assert not list(gc.slips(growth))
    carried = _event("出口比去年同期(下同)增长4%。进口增长2%。", "进口", "2%", kind="change", basis=None)
    assert [r for r, _ in gc.slips(carried)] == ["下同"]
