"""Every linking rule's own examples and negatives, and the rule-file loader's error reporting."""
from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Optional

import pytest
import regex

from zhibiao.extractor import Extractor
from zhibiao.link_document import Document
from zhibiao.link_subjects import _opens_relative_clause
from zhibiao.linker import link
from zhibiao.linker_rules import (LEXICON_CLASSES, EndPattern, _ends_every_match, _one_char_probe, _without_lookbehinds,
                                  default_paths, default_rules, load_rules)
from zhibiao.normalize import normalize
from zhibiao.quantities import Quantity as Q
from zhibiao.resources import rules_path
from zhibiao.rulefile import RuleFileError, read_sections

from .conftest import CUSTOM_TIME_WORD, periods_with_custom_time_word

# ----------------------------------------------------------------------------- marked examples
# Rule examples mark each quantity as [..]; this tiny parser gives each one a value, unit and
# label so the rules can be tested without the quantity tagger.

_CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_MULT = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 1000, "百": 100}




def _cn_number(s: str) -> Optional[int]:
    if not s:
        return None
    if s == "十":
        return 10
    total, cur = 0, 0
    for ch in s:
        if ch in _CN:
            cur = _CN[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


def parse_quantity(surface: str) -> tuple[Any, str, str]:
    """(value, unit, label) of a marked quantity surface (simplified script)."""
    s = surface.replace(" ", "")
    if s in ("过半", "過半"):
        return 50, "%", "FRACTION"
    if s.startswith("第"):
        m = re.match(r"第(\d+|[一二三四五六七八九十]+)(.*)", s)
        n = int(m.group(1)) if m.group(1).isdigit() else _cn_number(m.group(1))
        return n, m.group(2), "ORDINAL"
    m = re.match(r"([负+-]?)([\d,]+(?:\.\d+)?|[一二三四五六七八九十两〇零]+)(?:[-至~]([\d.]+))?(万亿|亿|万|千)?(.*)", s)
    if not m:
        raise ValueError(f"cannot parse marked quantity {surface!r}")
    sign, num, _upper, mult, rest = m.groups()
    value: float = float(num.replace(",", "")) if num[0].isdigit() else float(_cn_number(num) or 0)
    # 1万5000人
    m2 = re.match(r"(\d+)(.*)", rest)
    if mult and m2:
        value = value * _MULT[mult] + float(m2.group(1))
        mult, rest = None, m2.group(2)
    if mult:
        value *= _MULT[mult]
    if sign:
        value = -value
    if rest == "%":
        return value, "%", "PERCENT"
    if rest in ("个百分点", "個百分點"):
        return value, "pp", "PERCENT"
    if rest.endswith("元"):
        return value, rest, "MONEY"
    if rest.startswith("个") and len(rest) > 1:
        rest = rest[1:]
    if not rest:
        return value, "", "CARDINAL"
    if not rest and _upper:
        return value, "", "CARDINAL"
    return value, rest, "QUANTITY"


def marked(text: str) -> tuple[str, str, list[Q]]:
    """Strip ``[..]`` marks; return (original, normalised text, quantities in normalised offsets)."""
    spans = []
    plain = []
    pos = 0
    for m in re.finditer(r"\[([^\]]+)\]", text):
        plain.append(text[pos:m.start()])
        start = sum(len(p) for p in plain)
        plain.append(m.group(1))
        spans.append((start, start + len(m.group(1)), m.group(1)))
        pos = m.end()
    plain.append(text[pos:])
    original = "".join(plain)
    norm = normalize(original)
    qs = []
    for s, e, surface in spans:
        a, b = norm.to_normalized(s, e)
        value, unit, label = parse_quantity(norm.text[a:b])
        qs.append(Q(a, b, norm.text[a:b], value, unit, label))
    return original, norm.text, qs


# ----------------------------------------------------------------------------- rule examples

RULES = default_rules()


def _clean(s: str) -> str:
    return re.sub(r"[\s“”‘’\"'「」『』]+", "", s)


def _cases():
    for rule in RULES.rules:
        for i, ex in enumerate(rule.spec.examples):
            yield pytest.param(rule.spec.id, ex, id=f"{rule.spec.id}-ex{i}")


def _negatives():
    for rule in RULES.rules:
        for i, neg in enumerate(rule.spec.negatives):
            yield pytest.param(rule.spec.id, neg, id=f"{rule.spec.id}-neg{i}")


def test_every_rule_has_an_example():
    missing = [r.spec.id for r in RULES.rules if not r.spec.examples and r.spec.emit]
    assert not missing, f"rules without examples: {missing}"
    assert all(r.spec.examples or r.spec.negatives for r in RULES.rules)


@pytest.mark.parametrize("rule_id, example", list(_cases()))
def test_rule_example(rule_id, example):
    _, text, qs = marked(example.text)
    trace: list = []
    events = link(text, qs, trace=trace)
    fired = {rule for _, rule in trace}
    assert rule_id in fired, f"rule {rule_id} did not fire on {example.text!r}: {events}"
    for exp in example.events:
        found = [e for e in events if e.value_text.replace(" ", "") == exp.value_text.replace(" ", "")]
        assert found, f"no event for {exp.value_text!r} in {example.text!r}: {events}"
        match = [e for e in found if _clean(e.indicator) == _clean(exp.indicator)]
        assert match, f"{exp.value_text!r}: expected indicator {exp.indicator!r}, got {[e.indicator for e in found]}"
        ev = match[0]
        if exp.kind is not None:
            assert ev.kind == exp.kind, f"{exp.value_text!r}: kind {ev.kind} != {exp.kind}"
        if exp.value is not None:
            assert math.isclose(float(ev.value), exp.value, rel_tol=1e-6), f"{exp.value_text!r}: value {ev.value}"
        if exp.basis != "unchecked":
            assert ev.basis == exp.basis, f"{exp.value_text!r}: basis {ev.basis} != {exp.basis}"
        if exp.period != "unchecked":
            assert ev.period == exp.period, f"{exp.value_text!r}: period {ev.period} != {exp.period}"
        if exp.location != "unchecked":
            assert ev.location == exp.location, f"{exp.value_text!r}: location {ev.location} != {exp.location}"


@pytest.mark.parametrize("rule_id, negative", list(_negatives()))
def test_rule_negative(rule_id, negative):
    _, text, qs = marked(negative.text)
    events = [e for e in link(text, qs) if e.value_text.replace(" ", "") == negative.value_text.replace(" ", "")]
    if negative.mode == "no_event":
        assert not events, f"{negative.value_text!r} in {negative.text!r} should give no event: {events}"
    else:
        assert all(e.rule != rule_id for e in events), f"rule {rule_id} should not link {negative.value_text!r}"


# ----------------------------------------------------------------------------- loader errors


def _write(tmp_path: Path, body: str, name: str = "linker.yaml") -> Path:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


def _problems(*paths) -> list[str]:
    with pytest.raises(RuleFileError) as info:
        load_rules(paths)
    return [str(p) for p in info.value.problems]


GOOD_RULE = """\
rules:
  - id: r1
    description: a rule
    left: '增长'
"""


def test_bundled_rules_load():
    rules = load_rules()
    assert rules.rules and rules.indicators
    assert {str(rules_path("linker.yaml")), str(rules_path("indicators.yaml"))} == set(rules.sources)


def test_the_linker_reads_the_time_words_of_the_periods_file_in_use(tmp_path):
    """Rules loaded with a periods file read its time words wherever the linker reads time words: a subject of one
    names nothing, a document given no periods takes them, a verb phrase holding one is no relative clause; so a
    user's own periods file reaches the linker as it reaches the period finder (``Extractor(periods=...)``)."""
    periods = periods_with_custom_time_word(tmp_path / "periods.yaml")
    text = CUSTOM_TIME_WORD + "营收增长10%"
    for rules, known in ((default_rules(), False), (load_rules(periods=periods), True)):
        assert rules.engine.names_nothing(CUSTOM_TIME_WORD) is known
        assert [p.text for p in Document(text, [], None, rules).periods] == ([CUSTOM_TIME_WORD] if known else [])
        assert _opens_relative_clause(rules, "在" + CUSTOM_TIME_WORD + "获得的营收") is not known
    assert [e["indicator"] for e in Extractor(periods=periods)(text)["events"]] == ["营收"]


def test_the_codes_list_joiners_are_words_of_the_rules_class_conj():
    """The marks the code splits and tells lists by (``list_joiners``, and link_subjects' joiners with 跟) are words
    of class ``conj``, which the rules' patterns join listed values and subjects with: the code's home of that
    knowledge and the rules' cannot drift apart unnoticed."""
    from zhibiao.link_subjects import _JOINERS
    from zhibiao.list_joiners import COORDINATORS, LIST_JOINERS

    assert set(LIST_JOINERS) < set(COORDINATORS)
    assert set(COORDINATORS) | set(_JOINERS) <= RULES.words("conj")


def test_every_lexicon_class_has_words_in_the_bundled_rules():
    # an empty class compiles to a pattern that never matches, so a renamed or deleted entry would only
    # show as a silently weaker engine
    empty = [c for c in LEXICON_CLASSES if not any(e.words or e.patterns for e in RULES.lexicon[c])]
    assert not empty, f"lexicon classes without words or patterns: {empty}"


def test_bad_yaml_reports_file_and_line(tmp_path):
    p = _write(tmp_path, "rules:\n  - id: r1\n    description: [unclosed\n")
    probs = _problems(p)
    assert len(probs) == 1 and probs[0].startswith(f"{p}:") and "YAML error" in probs[0]


def test_unknown_field_is_an_error(tmp_path):
    p = _write(tmp_path, GOOD_RULE + "    colour: red\n")
    probs = _problems(p)
    assert any(f"{p}:2: rule 'r1': colour" in s and "Extra inputs" in s for s in probs), probs


def test_a_lexicon_word_the_normaliser_changes_is_an_error(tmp_path):
    # the linker reads normalised text: a traditional or full-width word could never match
    p = _write(tmp_path, "lexicon:\n  - id: trig.hk\n    class: trigger\n    kind: level\n    words: [錄得, 录得]\n")
    probs = _problems(p)
    assert probs == [f"{p}:2: lexicon 'trig.hk': word '錄得' is not normalised; write '录得'"], probs


def test_duplicate_id_is_an_error(tmp_path):
    p = _write(tmp_path, GOOD_RULE + "  - id: r1\n    description: again\n")
    probs = _problems(p)
    assert any(f"{p}:5:" in s and "duplicate id 'r1'" in s for s in probs), probs


def test_duplicate_id_across_files_is_an_error(tmp_path):
    a = _write(tmp_path, GOOD_RULE, "a.yaml")
    b = _write(tmp_path, GOOD_RULE, "b.yaml")
    probs = _problems(a, b)
    assert any(s.startswith(f"{b}:2:") and "duplicate id 'r1'" in s for s in probs), probs


def test_a_word_of_a_bundled_class_again_in_a_users_file_is_an_error_naming_both(tmp_path):
    """A user's file loaded beside the bundled ones adds words to their classes; one a class has already is an error
    at the user's line naming the bundled file's, not an override (``rulefile.duplicate_surfaces``)."""
    own = _write(tmp_path, "lexicon:\n  - id: own.loc\n    class: location\n    words: [新竹科学园区, 广州]\n", "own.yaml")
    with pytest.raises(RuleFileError) as info:
        load_rules([*default_paths(), own])
    first = next(line for e, line, path in _lexicon_lines(rules_path("linker.yaml")) if e == "loc.city")
    assert [str(p) for p in info.value.problems] == [
        f"{own}:2: 'own.loc': '广州' is listed twice in class 'location' (first in 'loc.city' at "
        f"{rules_path('linker.yaml')}:{first})"]


def _lexicon_lines(path: Path) -> list[tuple[str, int, str]]:
    """(id, line, path) of each lexicon entry of a rule file."""
    return [(r.data["id"], r.line, str(path)) for r in read_sections(path, ("lexicon", "rules", "phrases"))["lexicon"]]


def test_rule_pattern_that_does_not_compile(tmp_path):
    p = _write(tmp_path, "rules:\n  - id: r1\n    description: d\n    left: '(增长'\n")
    probs = _problems(p)
    assert any(f"{p}:2: rule 'r1': left: pattern does not compile" in s for s in probs), probs


def test_lexicon_pattern_that_does_not_compile(tmp_path):
    p = _write(tmp_path, "lexicon:\n  - id: l1\n    class: basis\n    basis: yoy\n    patterns: ['[同比']\n")
    probs = _problems(p)
    assert any(f"{p}:2: rule 'l1': patterns" in s and "does not compile" in s for s in probs), probs


def test_unknown_macro_is_an_error(tmp_path):
    p = _write(tmp_path, "rules:\n  - id: r1\n    description: d\n    left: '{no_such_class}'\n")
    probs = _problems(p)
    assert any("unknown macro {no_such_class}" in s for s in probs), probs


def test_lexicon_macro_expands_to_the_class_it_names(tmp_path):
    body = ("lexicon:\n  - id: cut\n    class: share_cut\n    patterns: ['所?占(?!用)']\n"
            "  - id: pred\n    class: share\n    patterns: ['{share_cut}的?比重为']\n")
    rules = load_rules([_write(tmp_path, body)])
    assert [p for e in rules.lexicon["share"] for p in e.patterns] == ["(?:所?占(?!用))的?比重为"]


def test_lexicon_macro_naming_a_class_of_words_is_an_error(tmp_path):
    body = ("lexicon:\n  - id: b\n    class: basis\n    basis: yoy\n    words: [同比]\n"
            "  - id: pred\n    class: share\n    patterns: ['{basis}占']\n")
    p = _write(tmp_path, body)
    probs = _problems(p)
    assert any(f"{p}:6: lexicon 'pred': {{basis}} names no class made of patterns alone" in s for s in probs), probs


def test_bad_value_and_all_errors_at_once(tmp_path):
    body = (
        "rules:\n"
        "  - id: r1\n    description: d\n    kind: growth\n"
        "  - id: r2\n    description: d\n    left: '(x'\n"
        "lexicon:\n  - id: l1\n    class: nonsense\n"
    )
    p = _write(tmp_path, body)
    probs = _problems(p)
    assert any(f"{p}:2: rule 'r1': kind" in s for s in probs), probs
    assert any(f"{p}:5: rule 'r2'" in s for s in probs), probs
    assert any(f"{p}:9: rule 'l1': class" in s for s in probs), probs


def test_example_without_marks_is_an_error(tmp_path):
    p = _write(tmp_path, GOOD_RULE + "    examples:\n      - text: '增长5%'\n")
    probs = _problems(p)
    assert any("mark each quantity" in s for s in probs), probs


def test_missing_file(tmp_path):
    probs = _problems(tmp_path / "nope.yaml")
    assert probs and "file not found" in probs[0]


# ----------------------------------------------------------------------------- patterns that end the text
# Left contexts and tails are searched forward only after their reverse twin, tried at the end, says a
# match exists: the twin must never miss one.

@pytest.mark.parametrize("pattern, ends", [
    ("a$", True), (r"(?:a|b)\s*$", True), ("a|b$", False), ("(?:a)|b$", False), (r"a\$", False),
    (r"a\\$", True), ("[|]$", True), ("[]|]$", True), ("[^]|]$", True), ("a", False), (r"(?P<t>x|y)$", True),
])
def test_which_patterns_end_every_match(pattern, ends):
    assert _ends_every_match(pattern) is ends


def _left_contexts() -> list[str]:
    """The normalised text from the clause mark before each quantity of the gold texts up to it, and the
    same ending in a line break."""
    from zhibiao.quantities import find_quantities

    from .conftest import gold_files, read_jsonl

    out = []
    for path in gold_files():
        for d in read_jsonl(path):
            text = normalize(d["text"]).text
            for q in find_quantities(text):
                start = max(text.rfind(c, 0, q.start) for c in ",;:。\n") + 1
                out += [text[start:q.start], text[start:q.start] + "\n"]
    return out


def test_reverse_twins_never_miss_a_match():
    rules = default_rules()
    patterns = [r.left for r in rules.rules if r.left is not None]
    patterns += [p for p in vars(rules.engine).values() if isinstance(p, EndPattern)]
    assert all(p.reverse is not None for p in patterns)  # the bundled patterns all take the fast way
    missed = [(p.pattern[:40], x) for x in _left_contexts() for p in patterns
              if not p.may_match(x) and p.forward.search(x) is not None]
    assert not missed, missed[:5]


def test_rules_skipped_by_the_ending_of_a_left_context_never_match_it():
    """A rule whose left pattern ``may_end_with`` rejects a left context of the gold texts (the linker then
    skips it, ``LinkerRules.left_end_memo``) has no left match there; the ones it leaves include every rule
    that matches."""
    rules = default_rules()
    contexts = _left_contexts()
    left = [(r.spec.id, r.left) for r in rules.rules if r.left is not None]
    wrong = [(rid, x) for x in contexts for rid, p in left if not p.may_end_with(x) and p.search(x) is not None]
    assert not wrong, wrong[:5]
    assert any(not p.may_end_with(x) for x in contexts for _, p in left)  # the table does skip rules


def test_an_ending_whose_last_character_ends_no_match_is_rejected_without_a_test_of_its_own():
    """``may_end_with`` learns which single characters a match can end with, too: a match ending with two characters
    ends with the last, so a new ending whose last character was rejected costs no partial match, and every answer
    is the two characters' own."""
    p = EndPattern(regex.compile(r"(?P<trigger>增长|下降)\s*$"))
    probe, tried = p._tail, []

    class Counting:
        def match(self, text: str, partial: bool = False) -> Any:
            tried.append(text)
            return probe.match(text, partial=partial)

    p._tail = Counting()
    endings = ["产量x", "营收x", "同比增长", "出口下降", "年长", "降"]
    assert [p.may_end_with(t) for t in endings] == [probe.match(t[-2:], partial=True) is not None for t in endings]
    assert "量x" not in tried and "收x" not in tried and "年长" in tried


def test_a_subject_without_a_reach_word_is_not_searched_for_a_trigger_reaching_a_period(monkeypatch):
    """``_predicate_only`` searches for a trigger with 至/到 (``p_trigger_to``, an overlapped search of every trigger)
    only in a subject holding one of ``REACH_WORDS``: a subject without one has no such match, and is not searched."""
    eng = default_rules().engine
    pattern, searched = eng.p_trigger_to, []

    class Counting:
        def finditer(self, text: str, overlapped: bool = False) -> Any:
            searched.append(text)
            return pattern.finditer(text, overlapped=overlapped)

    monkeypatch.setattr(eng, "p_trigger_to", Counting())
    assert eng._predicate_only("跌至2022至23学年的")  # (class fillers_only: the period the trigger reaches)
    assert not eng._predicate_only("规模以上工业增加值")
    assert not eng._predicate_only("社会消费品零售总额同比")
    assert searched == ["跌至2022至23学年的"]


def test_right_patterns_skipped_by_the_first_character_never_match():
    """A rule's right pattern is not tried on a text after a value whose first character begins no match of it
    (``CompiledRule.right_start``): on every text after a quantity of the gold texts, up to its clause's end, the
    rules it skips have no match there, and it skips some."""
    from zhibiao.quantities import find_quantities

    from .conftest import gold_files, read_jsonl

    rules = [r for r in default_rules().rules if r.right is not None]
    rights = []
    for path in gold_files():
        for d in read_jsonl(path):
            text = normalize(d["text"]).text
            for q in find_quantities(text):
                ends = [i for i in (text.find(c, q.end) for c in ",;。\n") if i >= 0]
                rights.append(text[q.end:min(ends, default=len(text))])
    skipped = [(r, x) for x in rights for r in rules if not r.right_start.may_start(x)]
    wrong = [(r.spec.id, x) for r, x in skipped if r.right.match(x) is not None]
    assert not wrong, wrong[:5]
    assert len(skipped) > len(rights)  # the test does skip rules


def _found(m) -> object:
    return None if m is None else (m.span(), m.groups())


def test_searches_learnt_by_character_find_the_forward_search_match():
    """The character tables of an EndPattern (which characters a match can end or start with) give the
    forward search's own leftmost match, groups included, on every left context of the gold texts."""
    rules = default_rules()
    patterns = [r.left for r in rules.rules if r.left is not None]
    patterns += [p for p in vars(rules.engine).values() if isinstance(p, EndPattern)]
    wrong = [(p.pattern[:40], x) for x in _left_contexts() for p in patterns
             if _found(p.search(x)) != _found(p.forward.search(x))]
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("pattern, text, span", [
    (r"\B的$", "x的", (1, 2)),  # a word boundary is not decided by one character: searched as written
    (r"(?<=出入)超$", "出入超", (2, 3)),
    (r"(?:(?<=出入)超)?\s*$", "超出入超 ", (3, 5)),  # a lookbehind before the first character: tried without it
    (r"(?:(?<=\p{Han}{2})首度?|就)$", "首 增长首度", (4, 6)),
    (r"(?<![出入])超\s*$", "出超 超 ", (3, 5)),
    (r"(?:达|为)?\s*$", "产量为 \n", (2, 5)),  # a pattern that may match empty keeps its leftmost match
    (r"^\s*的$", " 的", (0, 2)),
    # a lookahead next to a lazy gap: the ending 用户 is one a match has (占全体用户), whatever the tables learnt
    (r"所?占(?!用|有)[^,;:占]{0,30}?的?(?:比重|比例)?(?:为|达)?$", "中华电信用户数为1124.1万户(占全体用户", (17, 22)),
])
def test_character_tables_keep_assertions_exact(pattern, text, span):
    p = EndPattern(regex.compile(pattern))
    assert p.search(text).span() == p.forward.search(text).span() == span


@pytest.mark.parametrize("pattern, text", [
    # a lookbehind inside a negative lookahead, before the window of a match starting inside the text: alone the
    # character is forbidden (the window's edge passes the lookbehind), after 华 it is not
    (r"(?!(?<!华)为)[为]", "华为"),
    (r"(?!(?:以上|(?<![出入])超))[超高]人", "出超人"),
    (r"(?!(?<![股指])收)收[^,]{0,3}?率", "股收率"),  # beside a lazy gap, as the end probe's case was
])
def test_start_tables_keep_assertions_exact(pattern, text):
    """The start tables (``StartTest``, ``PairStarts``) never rule out a position where the plain search finds a
    match, whatever the text before it; each case is asked of a fresh table."""
    from zhibiao.linker_rules import PairStarts, StartTest

    p = regex.compile(pattern)
    found = p.search(text)
    assert found is not None
    assert StartTest(p).may_start(text, found.start())
    assert PairStarts([p]).firsts(text)[0] <= found.start()


def test_longest_prefix_is_the_longest_word_or_pattern_match():
    """Places, looked up by first character and matched pattern by pattern, end where the longest place
    word or the longest match of the patterns' alternation ends, at every position of the gold texts."""
    from .conftest import gold_files, read_jsonl

    rules = default_rules()
    places = rules.engine.p_location
    words = set(rules.words("location"))
    longest = max(map(len, words))
    together = regex.compile("(?:" + "|".join(p for e in rules.lexicon["location"] for p in e.patterns) + ")",
                             flags=regex.POSIX)
    texts = [normalize(d["text"]).text for path in gold_files() for d in read_jsonl(path)]
    wrong = []
    for text in texts[:400]:
        for i in range(len(text)):
            ends = [i + n for n in range(1, longest + 1) if i + n <= len(text) and text[i:i + n] in words]
            m = together.match(text, i)
            end = max(ends + ([m.end()] if m else []), default=-1)
            got = places.match(text, i)
            if (got.end() if got else -1) != (end if end >= i else -1):
                wrong.append((text[i:i + 12], got, end))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("pattern, without", [
    (r"(?<=\p{Han}{2})首|(?<![成造])就", r"首|就"),
    (r"(?<!(?:x|(?<=[ab])y))z", r"z"),  # a negative lookbehind goes whole, what it holds with it
    (r"(?!(?<=a)b)c", r"(?!(?<=a)b)c"),  # inside a negative lookahead nothing is dropped
    (r"[(?<=]x(?<=a(b)[)])y", r"[(?<=]xy"),  # brackets and parentheses inside it, a class that looks like one
    (r"\(?<=x", r"\(?<=x"),  # escaped: not a group
])
def test_without_lookbehinds(pattern, without):
    assert _without_lookbehinds(pattern) == without


@pytest.mark.parametrize("flags", [0, regex.REVERSE])
def test_a_one_character_probe_answers_as_its_probe(flags):
    """``_one_char_probe`` reads a named list on one character as its one-character words or the characters its
    longer words begin (end) with, and keeps a list inside a lookaround as written: the same partial match of every
    character, a one-character word, a longer word's first or last character, a special character and none."""
    words = {"甲乙", "丙", "-]", "丁戊己", "^"}
    for source in (r"\L<w>", r"(?:\L<w>|x)\s*y", r"a?\L<w>?b", r"(?!\L<w>)\p{Han}", r"\L<w>(?<!乙)z", r"\L<w>$"):
        probe = regex.compile(source, flags=flags, w=words)
        one = _one_char_probe(probe)
        assert "\\L<w>" not in one.pattern.replace(r"(?!\L<w>)", "")
        for c in "甲乙丙丁戊己-]^xyabz好 \n":
            assert (one.match(c, partial=True) is None) == (probe.match(c, partial=True) is None), (source, c)


def test_the_bundled_probes_answer_one_character_as_their_one_character_probes():
    """Every probe of the bundled rules that holds a named list, asked of one character as ``StartTest``, ``PairStarts``
    and ``EndPattern`` ask (the characters opening or closing the lists' words, and others), gives the probe's answer."""
    from zhibiao.linker_rules import LongestPrefix, PairStarts, StartTest, _start_probe

    rules = default_rules()
    eng = rules.engine
    probes = [p._tail for p in [r.left for r in rules.rules] + list(vars(eng).values())
              if isinstance(p, EndPattern) and p._tail is not None]
    probes += [_start_probe(r.right) for r in rules.rules if r.right is not None]
    probes += [_start_probe(getattr(eng, name)) for name in ("p_basis_prefix", "p_filler_prefix", "p_leading_verb")
               if getattr(eng, name) is not None]
    for v in vars(eng).values():
        if isinstance(v, PairStarts):
            probes += v.probes
        if isinstance(v, LongestPrefix):
            probes += [_start_probe(pattern) for pattern, _, _ in v.patterns]
    probes = list({(p.pattern, p.flags): p for p in probes if p is not None and "\\L<" in p.pattern}.values())
    assert len(probes) > 20 and isinstance(eng.filler_prefix_starts, StartTest)
    for probe in probes:
        one = _one_char_probe(probe)
        ends = {w[i] for words in probe.named_lists.values() for w in words for i in (0, -1) if w}
        chars = sorted(ends)[::7] + list("的了年月日,。;:、()%0123456789 \nAZaz-")
        wrong = [c for c in chars if (one.match(c, partial=True) is None) != (probe.match(c, partial=True) is None)]
        assert not wrong, (probe.pattern[:60], wrong[:5])


@pytest.mark.parametrize("entry,message", [
    # a verb-object class names the indicator its object stands for; no other class does
    ("  - id: cut\n    class: rate_move_down\n    words: [减息]\n", "names is given with the classes"),
    ("  - id: b\n    class: basis\n    basis: yoy\n    names: 利率\n    words: [同比]\n", "names is given with the classes"),
])
def test_names_goes_with_the_verb_object_classes_alone(tmp_path, entry, message):
    probs = _problems(_write(tmp_path, "lexicon:\n" + entry))
    assert any(message in s for s in probs), probs


def test_a_verb_object_word_names_its_entry_indicator(tmp_path):
    body = ("lexicon:\n  - id: cut\n    class: rate_move_down\n    names: 利率\n    words: [减息, 降息]\n"
            "  - id: up\n    class: rate_move_up\n    names: 存款准备金率\n    words: [升准]\n")
    rules = load_rules([_write(tmp_path, body)])
    assert [rules.object_named(w) for w in ("降息", "升准", "加息")] == ["利率", "存款准备金率", None]


def test_verb_object_words_are_indexed_once_at_load():
    """``object_named`` reads an index of the verb-object classes' words made when the rules load, not their entries
    on every call: every word of the classes is in it with its entry's indicator."""
    from zhibiao.linker_rules import OBJECT_CLASSES

    entries = [e for cls in OBJECT_CLASSES for e in RULES.lexicon[cls]]
    assert RULES.object_names == {w: e.names for e in entries for w in e.words}
    assert RULES.object_names["减息"] == "利率"
