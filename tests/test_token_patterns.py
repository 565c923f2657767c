"""Token patterns (pipeline/token_patterns.py) and the phrase rules of rules/linker.yaml."""
from __future__ import annotations

import pytest

from zhibiao.periods import find_mentions
from zhibiao.linker_rules import default_rules, load_rules
from zhibiao.rulefile import RuleFileError
from zhibiao.token_patterns import PhraseRule, Token, TokenPattern, TokenSpec, apply_phrases, compile_phrase


def toks(*words: str, tags: str = "", classes: dict[str, set[str]] | None = None) -> list[Token]:
    tag_list = tags.split() if tags else ["NN"] * len(words)
    out, pos = [], 0
    for w, t in zip(words, tag_list):
        out.append(Token(w, t, frozenset((classes or {}).get(w, set())), pos, pos + len(w)))
        pos += len(w)
    return out


def pattern(*specs: dict) -> TokenPattern:
    return TokenPattern([TokenSpec(**s) for s in specs])


# (pattern, words, start, steps of the longest match or None)
MATCH_CASES = [
    ([{"TEXT": "出口"}], ["出口", "增长"], 0, [0]),
    ([{"TEXT": "进口"}], ["出口", "增长"], 0, None),
    ([{"TEXT": {"IN": ["出口", "进口"]}}], ["进口"], 0, [0]),
    ([{"TEXT": {"NOT_IN": ["出口"]}}], ["出口"], 0, None),
    ([{"OP": "*"}, {"TEXT": "的"}], ["本", "年", "的", "收入"], 0, [0, 0, 1]),
    ([{"OP": "+"}, {"TEXT": "的"}], ["的"], 0, None),
    ([{"TEXT": "a", "OP": "?"}, {"TEXT": "b"}], ["b"], 0, [1]),
    ([{"TEXT": "a", "OP": "?"}, {"TEXT": "b"}], ["a", "b"], 0, [0, 1]),
    ([{"TEXT": "a", "OP": "+"}], ["a", "a", "b"], 0, [0, 0]),
    ([{"TEXT": "a", "OP": "!"}, {"TEXT": "b"}], ["c", "b"], 0, [0, 1]),
    ([{"TEXT": "a", "OP": "!"}, {"TEXT": "b"}], ["a", "b"], 0, None),
    ([{"TAG": "VV"}], ["预测"], 0, [0]),
    ([{"CLASS": "period"}], ["3月"], 0, [0]),
    ([{}], ["任何"], 0, [0]),
    ([{}], [], 0, None),
]


@pytest.mark.parametrize("specs,words,start,expected", MATCH_CASES)
def test_match(specs, words, start, expected):
    tokens = toks(*words, tags=" ".join("VV" if w == "预测" else "NN" for w in words),
                  classes={"3月": {"period"}})
    assert pattern(*specs).match(tokens, start) == expected


def test_drop_steps_remove_only_their_tokens():
    rule = PhraseRule(id="t", description="d", pattern=[
        TokenSpec(TEXT="甲"), TokenSpec(CLASS="period", OP="+", DROP=True), TokenSpec(TEXT="乙")],
        examples=[{"text": "x", "subject": "x"}])
    tokens = toks("甲", "3", "月", "乙", classes={"3": {"period"}, "月": {"period"}})
    keep, rule_id = apply_phrases(tokens, [compile_phrase(rule)])
    assert [tokens[k].text for k in keep] == ["甲", "乙"] and rule_id == "t"


def test_min_rest_blocks_a_rule_that_would_leave_too_little():
    rule = PhraseRule(id="t", description="d", anchor="start", min_rest=3,
                      pattern=[TokenSpec(TEXT="甲", DROP=True)], examples=[{"text": "x", "subject": "x"}])
    tokens = toks("甲", "乙")
    assert apply_phrases(tokens, [compile_phrase(rule)]) == ([0, 1], None)


def test_a_rule_needs_a_drop_step():
    with pytest.raises(ValueError, match="DROP"):
        PhraseRule(id="t", description="d", pattern=[TokenSpec(TEXT="甲")], examples=[{"text": "x", "subject": "x"}])


def _phrase_cases():
    for ph in default_rules().subject_phrases.phrases:
        for ex in ph.spec.examples:
            yield pytest.param(ex.text, ex.subject, id=f"{ph.spec.id}:{ex.text}")
        for neg in ph.spec.negatives:
            yield pytest.param(neg, neg, id=f"{ph.spec.id}:not:{neg}")


@pytest.mark.parametrize("text,subject", list(_phrase_cases()))
def test_phrase_rule_examples_and_negatives(text, subject):
    periods = tuple((p.start, p.end) for p in find_mentions(text))
    spans, _ = default_rules().subject_phrases.refine(text, periods)
    assert "".join(text[a:b] for a, b in spans) == subject


def test_every_bundled_phrase_rule_has_examples():
    phrases = default_rules().subject_phrases.phrases
    assert phrases and all(ph.spec.examples for ph in phrases)


@pytest.mark.parametrize("spec,message", [
    ("{CLASS: no_such_class, DROP: true}", r"bad\.yaml:2: phrase 'p1': unknown class 'no_such_class'"),
    ("{WORD: 甲, DROP: true}", r"bad\.yaml:2"),  # no such key
])
def test_a_broken_phrase_rule_fails_at_load_with_file_and_line(tmp_path, spec, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "phrases:\n"
        "  - id: p1\n"
        "    description: d\n"
        f"    pattern: [{spec}]\n"
        "    examples: [{text: 甲, subject: 甲}]\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=message):
        load_rules([bad])
