"""The listing of brackets in gold names (scripts/name_brackets.py): classes and kept/dropped as read from gold."""
from __future__ import annotations

import json

import pytest

from .conftest import script_module


def _script():
    return script_module("name_brackets")


@pytest.mark.parametrize(("content", "before", "holds", "klass"), [
    ("不含农户", "固定资产投资", False, "scope"),
    ("以美元计", "出口", False, "scope"),
    ("清洁及同类服务业除外", "专业及商用服务业", False, "scope"),
    ("经季节性调整", "失业率", False, "adjustment"),
    ("临时估计", "失业率", False, "provisional"),
    ("未经审核", "股东应占", False, "provisional"),
    ("图1", "大型渔船", False, "reference"),
    ("00388.HK", "港交所", False, "reference"),
    ("亿元", "产值", False, "unit"),
    ("PMI", "制造业采购经理指数", False, "gloss"),
    ("以下简称“社零总额”", "社会消费品零售总额", False, "gloss"),
    ("国内生产总值", "GDP", False, "gloss"),
    ("92.5%", "四星级酒店", True, "figure"),
    ("站", "社区卫生服务中心", False, "other"),
])
def test_classify_reads_the_words(content, before, holds, klass):
    assert _script().classify(content, before, holds) == klass


def _quantity(text: str, doc_text: str, value: float, unit: str) -> dict:
    start = doc_text.index(text)
    return {"text": text, "start": start, "end": start + len(text), "occurrence": 0, "value": value, "unit": unit,
            "label": "QUANTITY", "qualifier": None}


def _event(indicator: str, quantity: dict) -> dict:
    return {"indicator": indicator, "value_text": quantity["text"], "value": quantity["value"],
            "unit": quantity["unit"], "kind": "level", "basis": None, "qualifier": None, "period": None,
            "location": None}


def test_rows_tell_kept_from_dropped_inside_and_after(tmp_path):
    first = "1-2月份，全國固定資產投資（不含農戶）52721億元。"
    second = "社区卫生服务中心(站)2.8万个，四星级酒店(92.5%)超过九成。"
    q1 = _quantity("52721億元", first, 5.2721e12, "元")
    q2 = _quantity("2.8万个", second, 28000, "个")
    q3 = _quantity("九成", second, 90, "%")
    q4 = _quantity("92.5%", second, 92.5, "%")
    docs = [
        {"id": "a", "text": first, "meta": {"source": "x", "script": "traditional"}, "quantities": [q1],
         "events": [_event("固定资产投资", q1)]},
        {"id": "b", "text": second, "meta": {"source": "x", "script": "simplified"}, "quantities": [q2, q4, q3],
         "events": [_event("社区卫生服务中心(站)", q2), _event("四星级酒店", q3)]},
    ]
    path = tmp_path / "t.gold.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    rows = {(r.doc, r.content): r for r in _script().rows_of(str(path))}
    assert set(rows) == {("a", "不含农户"), ("b", "站"), ("b", "92.5%")}
    scope, member, figure = rows[("a", "不含农户")], rows[("b", "站")], rows[("b", "92.5%")]
    assert (scope.klass, scope.place, scope.kept, scope.script) == ("scope", "after", False, "traditional")
    assert "（不含農戶）" in scope.context  # the context is the original text
    assert (member.klass, member.place, member.kept) == ("other", "inside", True)
    assert (figure.klass, figure.place, figure.kept) == ("figure", "after", False)
