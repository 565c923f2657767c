"""The period rules' scanning lookaheads read from pipeline/data/period_lookaheads.json are the ones worked out
afresh, and a pattern the file does not hold is worked out."""
import re

from zhibiao.period_rules import (_first_chars, _first_pairs, _stored_lookaheads, _lookahead_key, load_periods,
                                  lookahead_table, lookaheads)


def test_stored_lookaheads_are_the_bundled_rules_fresh_ones():
    load_periods()
    fresh = lookahead_table()
    stored = _stored_lookaheads()
    missing = {k for k in fresh if k not in stored}
    assert not missing, "rules/periods changed: rerun scripts/build_period_lookaheads.py"
    assert {k: stored[k] for k in fresh} == fresh


def test_a_pattern_not_stored_is_worked_out():
    pattern, alphabet = "(?:第[一二三四]季度|上半年)", set("第一二三四季度上半年")
    assert _lookahead_key(pattern, alphabet) not in _stored_lookaheads()
    found = lookaheads(pattern, alphabet)
    assert found == f"(?={_first_chars(pattern, alphabet)})(?={_first_pairs(pattern, alphabet)})"
    scan = re.compile(found + pattern)
    assert [m.group() for m in scan.finditer("今年上半年和第三季度, 3季度")] == ["上半年", "第三季度"]


def test_the_key_changes_with_the_alphabet():
    assert _lookahead_key("(?:年)", {"年"}) != _lookahead_key("(?:年)", {"年", "月"})
