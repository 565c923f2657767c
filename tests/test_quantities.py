"""The quantity tagger against its case table, the units file's own examples and the gold corpora."""
from __future__ import annotations

import json
import math
import re
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from zhibiao.normalize import normalize
from zhibiao.quantities import (
    Quantity,
    _grammar,
    find_quantities,
)
from zhibiao.rulefile import RuleFileError
from zhibiao.units import load_units

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests" / "data" / "quantity_cases.yaml").read_text(encoding="utf-8"))
GOLD_FILES = [ROOT.parent / "shared" / "corpus" / "news-dev.gold.jsonl", ROOT / "corpus" / "seed.gold.jsonl"]
OPTIONAL_FIELDS = ("qualifier", "upper", "base_value", "currency")


def tag(text: str) -> list[dict[str, Any]]:
    """Normalise, tag, and report each quantity with offsets and text in the original string."""
    norm = normalize(text)
    out = []
    for q in find_quantities(norm.text):
        start, end = norm.to_original(q.start, q.end)
        out.append({"q": q, "text": text[start:end], "start": start, "end": end})
    return out


def exact(v: Any) -> Fraction | None:
    if v is None:
        return None
    return Fraction(repr(v)) if isinstance(v, float) else Fraction(v)


def check(found: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    got = [
        {
            "text": f["text"], "value": f["q"].value, "unit": f["q"].unit, "label": f["q"].label,
            "qualifier": f["q"].qualifier, "upper": f["q"].upper, "base_value": f["q"].base_value,
            "currency": f["q"].currency,
        }
        for f in found
    ]
    want = [
        {
            "text": e["text"], "value": exact(e["value"]), "unit": e["unit"], "label": e["label"],
            "qualifier": e.get("qualifier"), "upper": exact(e.get("upper")),
            "base_value": exact(e.get("base_value")), "currency": e.get("currency"),
        }
        for e in expected
    ]
    assert got == want


def _case_params() -> list[Any]:
    params = []
    for group in CASES["groups"]:
        for i, case in enumerate(group["cases"]):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            params.append(pytest.param(case["text"], case["expect"], id=f"{group['group']}-{i}", marks=marks))
    return params


def _negative_params() -> list[Any]:
    params = []
    for item in CASES["negatives"]:
        if isinstance(item, dict):
            params.append(pytest.param(item["text"], marks=pytest.mark.xfail(reason=item["xfail"], strict=True)))
        else:
            params.append(item)
    return params


def test_table_is_large_enough() -> None:
    assert sum(len(g["cases"]) for g in CASES["groups"]) >= 400
    assert len(CASES["negatives"]) >= 100


@pytest.mark.parametrize(("text", "expect"), _case_params())
def test_case(text: str, expect: list[dict[str, Any]]) -> None:
    check(tag(text), expect)


@pytest.mark.parametrize("text", _negative_params())
def test_negative(text: str) -> None:
    assert [f["text"] for f in tag(text)] == []


LEXICON = load_units()


@pytest.mark.parametrize(
    ("entry", "example"), [pytest.param(e, ex, id=f"{e}:{ex.text}") for e, _, ex in LEXICON.examples]
)
def test_units_example(entry: str, example: Any) -> None:
    # Fields an example leaves out are not checked, except the qualifier (null unless given).
    found = tag(example.text)
    texts = [f["text"] for f in found]
    match = example.match or example.text
    assert match in texts, texts
    at = texts.index(match)
    assert texts[:at] + texts[at + 1 :] == example.also
    q = found[at]["q"]
    assert q.value == exact(example.value) and q.unit == example.unit
    assert q.qualifier == example.qualifier
    for name in ("label", "upper", "base_value", "currency"):
        given = getattr(example, name)
        if given is not None:
            got = getattr(q, name)
            assert got == (exact(given) if name in ("upper", "base_value") else given), name


@pytest.mark.parametrize(("entry", "text"), [pytest.param(e, t, id=f"{e}:{t}") for e, _, t in LEXICON.negatives])
def test_units_negative(entry: str, text: str) -> None:
    # A negative gives no quantity at all; a text that rightly gives another one is an example with `match`.
    assert [f["text"] for f in tag(text)] == []


def _gold_docs() -> list[Any]:
    params = []
    for path in GOLD_FILES:
        if not path.exists():
            params.append(pytest.param(None, id=path.name, marks=pytest.mark.skip(reason=f"{path} is absent")))
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = json.loads(line)
                params.append(pytest.param(doc, id=f"{path.name}:{doc['id']}"))
    return params


@pytest.mark.parametrize("doc", _gold_docs())
def test_gold_quantities(doc: dict[str, Any]) -> None:
    found = tag(doc["text"])
    got = [(f["text"], f["start"], f["end"], f["q"].unit, f["q"].label, f["q"].qualifier) for f in found]
    want = [(g["text"], g["start"], g["end"], g["unit"], g["label"], g["qualifier"]) for g in doc["quantities"]]
    assert got == want
    for f, g in zip(found, doc["quantities"]):
        assert math.isclose(float(f["q"].value), g["value"], rel_tol=1e-6, abs_tol=1e-9), g["text"]
        if g.get("upper") is not None:
            assert f["q"].upper is not None and math.isclose(float(f["q"].upper), g["upper"], rel_tol=1e-6)


def test_offsets_point_into_the_normalised_text() -> None:
    text = normalize("今年上半年，規模以上工業增加值同比增長３．８％，5G用戶達6.76億戶。").text
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
    assert [q.text for q in find_quantities(text)] == ["3.8%", "6.76亿户"]


def test_quantity_is_frozen_and_serialisable() -> None:
    q = find_quantities("增长3.8%")[0]
    assert isinstance(q, Quantity)
    with pytest.raises(AttributeError):
        q.value = Fraction(1)  # type: ignore[misc]
    assert q.to_dict()["value"] == 3.8
    assert json.dumps(q.to_dict())


def test_bad_units_file_reports_every_problem_with_lines(tmp_path: Path) -> None:
    bad = tmp_path / "units.yaml"
    bad.write_text(
        "units:\n"
        "  - id: a\n"
        "    kind: measure\n"
        "    surfaces: [个]\n"
        "    colour: red\n"
        "  - id: b\n"
        "    kind: physical\n"
        "    surfaces: [斤]\n"
        "qualifiers:\n"
        "  - id: a\n"
        "    position: middle\n"
        "    meaning: about\n"
        "    surfaces: [约]\n"
        "  - id: c\n"
        "    position: prefix\n"
        "    meaning: '>'\n"
        "    after: [percent]\n"
        "    surfaces: [多]\n"
        "words:\n"
        "  - id: d\n"
        "    kind: holidays\n"
        "    surfaces: [春节]\n"
        "  - id: e\n"
        "    kind: lone_fraction\n"
        "    surfaces: [半]\n"
        "  - id: f\n"
        "    kind: milestone\n"
        "    surfaces: [大关]\n"
        "    examples: [{text: 重上百亿大关, match: 百亿, value: 10000000000, unit: '', also: 百亿}]\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError) as err:
        load_units(bad)
    message = str(err.value)
    assert f"{bad}:2:" in message and "colour" in message
    assert f"{bad}:6:" in message and "physical unit needs" in message
    assert f"{bad}:10:" in message and "position" in message
    assert f"{bad}:14:" in message and "suffix qualifiers only" in message
    assert f"{bad}:20:" in message and "kind" in message
    assert f"{bad}:23:" in message and "lone_fraction" in message  # a lone fraction needs its value
    assert f"{bad}:26:" in message and "also" in message  # the other quantities are a list of texts


def test_unit_word_must_start_with_a_unit(tmp_path: Path) -> None:
    bad = tmp_path / "units.yaml"
    bad.write_text(
        "units:\n"
        "  - id: tai\n"
        "    kind: measure\n"
        "    surfaces: [台]\n"
        "words:\n"
        "  - id: w\n"
        "    kind: unit_word\n"
        "    surfaces: [台阶, 大关, 台]\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError) as err:
        load_units(bad)
    message = str(err.value)
    assert f"{bad}:6:" in message and "'大关'" in message and "'台'" in message and "'台阶'" not in message


def test_currency_names_are_whole_currencies_longest_first(tmp_path: Path) -> None:
    """The catalogue reads a currency before a measure by these: no subunit or spoken amount, no single character."""
    path = tmp_path / "units.yaml"
    path.write_text(
        "units:\n"
        "  - {id: sgd, kind: currency, currency: SGD, surfaces: [新元, 新加坡元]}\n"
        "  - {id: hk_cent, kind: currency, currency: HKD, surfaces: [港仙]}\n"
        "  - {id: yuan, kind: currency, currency: CNY, surfaces: [元, 块钱]}\n"
        "  - {id: ren, kind: measure, surfaces: [人次]}\n"
        "words:\n"
        "  - {id: cent, kind: money_subunit, surfaces: [仙], value: 0.01, unit: 元}\n"
        "  - {id: kuai, kind: spoken_money, surfaces: [块], unit: 元}\n",
        encoding="utf-8",
    )
    assert load_units(path).currency_names() == ("新加坡元", "新元")


def test_units_file_yaml_error(tmp_path: Path) -> None:
    bad = tmp_path / "units.yaml"
    bad.write_text("units:\n  - id: a\n    kind: [\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"units.yaml:\d+"):
        load_units(bad)


# (repeated piece, repetitions): long runs of what the grammar reads as numbers, units and separators
ADVERSARIAL = [
    ("1", 100_000),
    ("%", 100_000),
    ("1万", 50_000),
    ("一", 100_000),
    ("1,", 50_000),
    ("1 ", 50_000),
    ("1-", 50_000),
    ("1.1.", 25_000),
    ("第", 100_000),
    ("约", 100_000),
    ("三分之", 33_000),
    ("数十", 50_000),
    ("-", 100_000),
    ("12.5 万、", 14_000),
]


def _cpu_seconds(text: str) -> float:
    began = time.process_time()
    find_quantities(text)
    return time.process_time() - began


@pytest.mark.parametrize(("piece", "times"), ADVERSARIAL, ids=lambda t: repr(t) if isinstance(t, str) else "")
def test_adversarial_input_grows_linearly(piece: str, times: int) -> None:
    # no backtracking blow-up: ten times the text costs about ten times the CPU, far from the hundred times of a
    # quadratic scan; a ratio of CPU seconds in one process, so that a loaded machine does not fail it
    small, big = _cpu_seconds(piece * (times // 10)), _cpu_seconds(piece * times)
    assert big < 30 * small + 0.5


@pytest.mark.parametrize("text", ["", " ", "\n", "🙂🙂", "\u200b3.8%", "３．８％"])
def test_odd_input(text: str) -> None:
    assert isinstance(find_quantities(normalize(text).text), list)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in pattern.finditer(text)]


def _with_and_without_lookahead(which: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The scan pattern, and the same pattern without its first-character lookahead
    ``(?=[...])(?:...)``, which is an optimisation only."""
    fast = getattr(_grammar(None), which)
    head = fast.pattern[: fast.pattern.index("])(?:") + 5]
    assert head.startswith("(?=[") and fast.pattern.endswith(")")
    return fast, re.compile(fast.pattern[len(head) : -1])


def _real_texts() -> list[str]:
    texts = [case["text"] for group in CASES["groups"] for case in group["cases"]]
    texts += [item["text"] if isinstance(item, dict) else item for item in CASES["negatives"]]
    return texts + [doc.values[0]["text"] for doc in _gold_docs() if doc.values[0] is not None]


@pytest.mark.parametrize("which", ["scan"])
def test_lookahead_changes_no_match_on_real_text(which: str) -> None:
    fast, plain = _with_and_without_lookahead(which)
    for text in _real_texts():
        norm = normalize(text).text
        assert _spans(fast, norm) == _spans(plain, norm), text


@pytest.mark.parametrize("which", ["scan"])
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.,% 　-−+负~至到第首头数几上下约近超余多万亿千百十一二两三四五六七八九〇零半成倍翻番个人元"
                        "年月日份底初季度全前今去明本当同分之以春节国庆期间假()", max_size=30))
def test_lookahead_changes_no_match_on_any_text(which: str, text: str) -> None:
    fast, plain = _with_and_without_lookahead(which)
    assert _spans(fast, text) == _spans(plain, text)


def test_bare_dollar_is_the_local_dollar_in_traditional_script() -> None:
    """A bare $ is the Hong Kong dollar in traditional script (保監局 releases, the property press) unless its
    paragraph names another currency, and the US dollar in simplified script."""
    from zhibiao.api import extract

    def money(text: str) -> list[tuple[str, str, str | None]]:
        return [(q["text"], q["unit"], q.get("currency")) for q in extract(text)["quantities"] if q["label"] == "MONEY"]

    assert money("有效長期業務的保單保費總額為$4,409億。") == [("$4,409億", "港元", "HKD")]
    assert money("有效长期业务的保单保费总额为$4,409亿。") == [("$4,409亿", "美元", "USD")]
    assert money("新台幣計價,售價$300。") == [("$300", "新台币", "TWD")]
    assert money("售價US$300。") == [("US$300", "美元", "USD")]
