"""The period rules' scanning lookaheads read from pipeline/data/period_lookaheads.json are the ones worked out
afresh, and a pattern the file does not hold is worked out."""
import re

from zhibiao.period_rules import (_first_chars, _first_pairs, _stored_lookaheads, _lookahead_key, load_periods,
                                  lookahead_table, lookaheads)
from zhibiao.resources import rules_path


def test_stored_lookaheads_are_the_bundled_rules_fresh_ones():
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


def test_the_table_holds_the_patterns_of_one_periods_file_whatever_else_was_loaded(tmp_path):
    """A user's periods file (or a test's) loaded in the same process asks lookaheads of its own patterns: they are
    no part of the bundled rules' table, and the table of that file is its own."""
    custom = tmp_path / "periods.yaml"
    anchor = "  - id: mention.week\n"
    custom.write_text(rules_path("periods.yaml").read_text(encoding="utf-8").replace(
        anchor, "  - id: mention.custom\n    role: mention\n    pattern: '财报季'\n    examples:\n"
                "      - {text: 财报季营收, match: 财报季}\n" + anchor, 1), encoding="utf-8")
    load_periods(custom)
    assert set(lookahead_table()) <= set(_stored_lookaheads())
    assert set(lookahead_table(custom)) - set(_stored_lookaheads())
