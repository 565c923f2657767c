"""Periods: the finder and the resolver against their case tables, rules/periods.yaml's own examples,
the rule file's validation, and periods as dates in records, batch output and the CLI."""
from __future__ import annotations

import json
import re
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import zhibiao
from zhibiao.linker import link
from zhibiao.normalize import normalize
from zhibiao.period_dates import Resolved, date_events, number, reference_date, resolve
from zhibiao.period_rules import PERIOD_TYPES, FindExample, load_periods
from zhibiao.periods import Period, find_mentions, find_periods
from zhibiao.quantities import find_quantities
from zhibiao.rulefile import RuleFileError

from .conftest import ROOT, gold_files, read_jsonl

GRAMMAR = load_periods()
CASES = yaml.safe_load((ROOT / "tests" / "data" / "period_cases.yaml").read_text(encoding="utf-8"))
TABLE = [(str(c[0]), c[1], str(c[2]), str(c[3]), group["type"]) for group in CASES["groups"] for c in group["cases"]]


def _date(value) -> date | None:
    return None if value is None else value if isinstance(value, date) else date.fromisoformat(value)


# ----------------------------------------------------------------------------- the resolver's table


def test_the_table_is_large_and_covers_every_type() -> None:
    assert len(TABLE) >= 300 and len(CASES["negatives"]) >= 30
    assert {t for *_, t in TABLE} == set(PERIOD_TYPES)


@pytest.mark.parametrize(("text", "ref", "start", "end", "kind"), TABLE, ids=[f"{c[0]}@{c[1]}" for c in TABLE])
def test_resolve_case_table(text: str, ref, start: str, end: str, kind: str) -> None:
    assert resolve(text, _date(ref)) == Resolved(start, end, kind)


@pytest.mark.parametrize(("text", "ref"), [(str(t), r) for t, r in CASES["negatives"]], ids=lambda v: str(v))
def test_resolve_negatives(text: str, ref) -> None:
    assert resolve(text, _date(ref)) is None


def test_a_point_starts_where_it_ends() -> None:
    for text, ref, start, end, kind in TABLE:
        assert (start == end) == (kind in ("point", "day") or text in ("元旦", "元旦假期", "圣诞")), text


def test_numbers() -> None:
    assert [number(s) for s in ["12", "十", "十二", "二十三", "三十", "一〇九", "两", "十x"]] == [12, 10, 12, 23, 30, 109, 2, None]


# ----------------------------------------------------------------------------- context within a document


def test_same_period_is_the_statement_period_a_year_earlier() -> None:
    h1 = resolve("上半年", date(2023, 7, 15))
    assert resolve("去年同期", date(2023, 7, 15), context=h1) == Resolved("2022-01-01", "2022-06-30", "half")
    assert resolve("上年同期", None, context=h1) == Resolved("2022-01-01", "2022-06-30", "half")
    assert resolve("同期", None, context=h1) == Resolved("2023-01-01", "2023-06-30", "half")
    assert resolve("2021年同期", None, context=h1) == Resolved("2021-01-01", "2021-06-30", "half")
    feb = Resolved("2024-02-01", "2024-02-29", "month")
    assert resolve("去年同期", None, context=feb) == Resolved("2023-02-01", "2023-02-28", "month")


def test_year_written_earlier_in_the_document() -> None:
    assert resolve("6月份", None, year=2023) == Resolved("2023-06-01", "2023-06-30", "month")
    # with a reference date, an earlier period's year is not used (it may be a reference: 第二高位的2008年)
    assert resolve("前三季度", date(2011, 10, 26), year=2008) == Resolved("2011-01-01", "2011-09-30", "cumulative_months")


def test_relative_months_count_from_the_statement_period() -> None:
    nov = Resolved("2022-11-30", "2022-11-30", "point")
    assert resolve("上月底", date(2023, 1, 5), context=nov) == Resolved("2022-10-31", "2022-10-31", "point")
    assert resolve("上月", date(2023, 1, 5)) == Resolved("2022-12-01", "2022-12-31", "month")
    quarter = Resolved("2023-04-01", "2023-06-30", "quarter")
    assert resolve("上月", date(2023, 7, 15), context=quarter) == Resolved("2023-06-01", "2023-06-30", "month")


def test_targets_look_forward() -> None:
    assert resolve("全年", date(2024, 3, 5), target=True) == Resolved("2024-01-01", "2024-12-31", "year")
    assert resolve("全年", date(2024, 3, 5)) == Resolved("2023-01-01", "2023-12-31", "year")


def test_date_events_adds_three_fields_after_period_in_order() -> None:
    events = [{"indicator": "a", "kind": "change", "period": "2023年上半年", "location": None},
              {"indicator": "b", "kind": "level", "period": "去年同期", "location": None},
              {"indicator": "c", "kind": "level", "period": "6月份", "location": None},
              {"indicator": "d", "kind": "level", "period": None, "location": None},
              {"indicator": "e", "kind": "level", "period": "当年", "location": None}]
    out = date_events(events, None)
    assert list(out[0]) == ["indicator", "kind", "period", "period_start", "period_end", "period_type", "location"]
    assert [(e["period_start"], e["period_end"], e["period_type"]) for e in out] == [
        ("2023-01-01", "2023-06-30", "half"), ("2022-01-01", "2022-06-30", "half"),
        ("2023-06-01", "2023-06-30", "month"), (None, None, None), (None, None, None)]
    assert events[0] == {"indicator": "a", "kind": "change", "period": "2023年上半年", "location": None}


def test_date_events_reads_a_period_once_per_context(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document repeats its periods: each is read once per (text, last period read, last year written, target),
    not once per event, however many events state it."""
    from zhibiao import period_dates

    reads = []
    read = period_dates._read
    monkeypatch.setattr(period_dates, "_read", lambda *args: reads.append(args[0]) or read(*args))
    for n in (10, 1000):
        reads.clear()
        events = [{"indicator": "a", "kind": "change", "period": p, "location": None}
                  for p in ("2023年上半年", "6月份", "去年同期") * n]
        out = date_events(events, None)
        assert out[-1]["period_start"] == "2022-06-01"
        # 上半年 after nothing, then 6月份 and 同期 after it, 上半年 after 6月份 once more
        assert len(reads) == 4


# ----------------------------------------------------------------------------- the reference date


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-07-15", date(2023, 7, 15)), ("2023/7/5", date(2023, 7, 5)), ("2023.07.15", date(2023, 7, 15)),
    ("2023年7月15日", date(2023, 7, 15)), ("2023-07-15T10:30:00", date(2023, 7, 15)),
    ("2023-07-15 10:30", date(2023, 7, 15)), (date(2023, 7, 15), date(2023, 7, 15)), (None, None), ("", None),
])
def test_reference_date_from_a_value(value, expected) -> None:
    assert reference_date(value) == expected


@pytest.mark.parametrize("value", ["July 2023", "2023-13-01", "2023-02-30", "20230715x", "2023"])
def test_a_bad_document_date_is_an_error_naming_it(value: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(value))):
        reference_date(value)


@pytest.mark.parametrize(("text", "expected"), [
    ("国家统计局\n2023年7月15日\n上半年,全国GDP增长5.5%。", date(2023, 7, 15)),
    ("发布时间:2023-07-15 10:00 来源:国家统计局\n上半年…", date(2023, 7, 15)),
    ("日期：2022/05/12\n一季度…", date(2022, 5, 12)),
    ("2023年7月15日,全市召开会议。", None),
    ("7月15日\n上半年…", None),
    ("2023年7月15日\n…\n2023年8月1日", date(2023, 8, 1)),
    ("", None),
])
def test_reference_date_from_a_release_line(text: str, expected) -> None:
    assert reference_date(None, text) == expected


# ----------------------------------------------------------------------------- the rule file's own examples


def _examples(role: str):
    return [pytest.param(ex, id=f"{pid}:{ex.text}") for pid, _, r, ex in GRAMMAR.examples if r == role]


@pytest.mark.parametrize("example", _examples("resolve"))
def test_resolve_examples(example) -> None:
    got = resolve(example.text, example.date)
    assert got == Resolved(example.start.isoformat(), example.end.isoformat(), example.type)


@pytest.mark.parametrize("example", _examples("find") + _examples("words"))
def test_find_examples(example: FindExample) -> None:
    assert example.match in [p.text for p in find_periods(example.text)]


@pytest.mark.parametrize("example", _examples("mention"))
def test_mention_examples(example: FindExample) -> None:
    assert example.match in [p.text for p in find_mentions(example.text)]


@pytest.mark.parametrize("example", _examples("release"))
def test_release_examples(example) -> None:
    assert reference_date(None, example.text) == example.date


@pytest.mark.parametrize(("pid", "role", "negative"), [
    pytest.param(pid, r, neg, id=f"{pid}:{neg if isinstance(neg, str) else neg.text}")
    for pid, _, r, neg in GRAMMAR.negatives])
def test_rule_negatives(pid: str, role: str, negative) -> None:
    if role == "resolve":
        assert resolve(negative.text, negative.date) is None
    elif role == "release":
        assert reference_date(None, negative) is None
    elif role == "mention":
        assert find_mentions(negative) == []
    else:
        assert find_periods(negative) == []


def test_every_resolve_pattern_has_examples() -> None:
    with_examples = {pid for pid, *_ in GRAMMAR.examples}
    ids = [pid for pid, _ in GRAMMAR.resolve]
    assert set(ids) - {"resolve.same_period"} <= with_examples


# ----------------------------------------------------------------------------- the finder
FOUND = [
    ("上半年,工业增长3.8%", ["上半年"]),
    ("2023年上半年", ["2023年上半年"]),
    ("1-4月,全省", ["1-4月"]),
    ("1—6月", ["1—6月"]),
    ("截至6月底", ["6月底"]),
    ("111年3月", ["111年3月"]),
    ("2016 年第 1 季", ["2016 年第 1 季"]),
    ("一季度", ["一季度"]),
    ("前三季度", ["前三季度"]),
    ("6月份", ["6月份"]),
    ("今年上半年", ["今年上半年"]),
    ("全年", ["全年"]),
    ("2023年", ["2023年"]),
    ("7月19日", ["7月19日"]),
    ("2023年6月30日", ["2023年6月30日"]),
    ("前4个月", ["前4个月"]),
    ("今年首5个月", ["今年首5个月"]),
    ("去年同期", ["去年同期"]),
    ("增长3.8%", []),
    ("今(112)年10月出口", ["今(112)年10月"]),
    ("今年春节全国共接待游客", ["今年春节"]),
    ("春节黄金周假期,我省", ["春节黄金周假期"]),
    ("国庆期间全国", ["国庆期间"]),
    ("十一月份出口", ["十一月份"]),
    ("\"十一五\"期间", []),
    ("国庆假期1-4日,全国", ["国庆假期1-4日"]),
    ("10月1日至7日,全国", ["10月1日至7日"]),
    ("10月1-7日全国", ["10月1-7日"]),
    ("中秋节、国庆节假期,全市", ["中秋节、国庆节假期"]),
    ("3月上旬", ["3月上旬"]),
    ("去年11月至今年1月的总体失业率", ["去年11月至今年1月"]),
    ("上月初步访港旅客数字", ["上月"]),
    ("今年头10个月", ["今年头10个月"]),
    ("与上月相比", ["上月"]),
    ("本(104)年5月就业人数", ["本(104)年5月"]),
    ("3月分消费者物价总指数", ["3月分"]),
    ("1至3月分别增长", ["1至3月"]),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_find_periods(text: str, expected: list[str]) -> None:
    periods = find_periods(text)
    assert all(isinstance(p, Period) and text[p.start : p.end] == p.text for p in periods)
    assert [p.text for p in periods] == expected


def test_periods_hold_no_quantity() -> None:
    for text in ["今年", "去年同期", "上月", "上季度", "本月同期", "上半年", "2023年全年", "6月底", "3月上旬", "4月当月",
                 "国庆节", "五一期间", "中秋节、国庆节假期", "春节黄金周", "国庆假期1-4日"]:
        assert find_quantities(normalize(text).text) == [], text


def test_link_without_periods_uses_the_time_words() -> None:
    norm = "截至6月末,存款余额为3.2万亿元。"
    (q,) = find_quantities(norm)
    (e,) = link(norm, [q])
    assert e.period == "6月末"


@pytest.mark.parametrize("text", ["1" * 100_000, "年" * 100_000, "1月" * 50_000, "一" * 100_000, "去年同期" * 25_000,
                                  "1-" * 50_000, "第" * 100_000, "春节,国庆," * 20_000, "(" * 100_000])
def test_adversarial_input_finishes(text: str) -> None:
    began = time.perf_counter()
    find_periods(text)
    find_mentions(text)
    assert time.perf_counter() - began < 5.0


def _without_lookahead() -> re.Pattern[str]:
    fast = GRAMMAR.find
    head = fast.pattern[: fast.pattern.index("])(?:") + 5]
    assert head.startswith("(?=[") and fast.pattern.endswith(")")
    return re.compile(fast.pattern[len(head): -1])


def test_lookahead_changes_no_match_on_real_text() -> None:
    plain = _without_lookahead()
    texts = [normalize(d["text"]).text for path in gold_files() for d in read_jsonl(path)]
    for text in texts + [t for t, _ in FOUND]:
        assert [m.span() for m in GRAMMAR.find.finditer(text)] == [m.span() for m in plain.finditer(text)]


# amounts too (12.5%, 3000亿元): the lookahead on a match's first two characters skips the digits inside them
_ANY_TEXT = st.text(alphabet="0123456789 -~至到第首头前上下本今去明年月日号份分底末初旬季度全同期周春节国庆中秋五一、和假期"
                             "一二三四五六七八九十〇○()QAa.%万亿元\u3000以来目当该内", max_size=30)


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_lookahead_changes_no_match_on_any_text(text: str) -> None:
    assert [m.span() for m in GRAMMAR.find.finditer(text)] == [m.span() for m in _without_lookahead().finditer(text)]


def test_mention_scanner_finds_what_the_mention_pattern_finds_on_real_text() -> None:
    texts = [normalize(d["text"]).text for path in gold_files() for d in read_jsonl(path)]
    for text in texts:
        assert [m.span() for m in GRAMMAR.mention_scan.finditer(text)] == [m.span() for m in GRAMMAR.mention.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_mention_scanner_finds_what_the_mention_pattern_finds_on_any_text(text: str) -> None:
    assert [m.span() for m in GRAMMAR.mention_scan.finditer(text)] == [m.span() for m in GRAMMAR.mention.finditer(text)]


# ----------------------------------------------------------------------------- the rule file's validation


def test_bad_periods_file_reports_every_problem_with_lines(tmp_path: Path) -> None:
    bad = tmp_path / "periods.yaml"
    bad.write_text(
        "words:\n"
        "  - id: holiday\n"
        "    words: {春节: lunar_new_year}\n"
        "holidays:\n"
        "  - id: national_day\n"
        "    years: {2023: ['09-31', '10-06']}\n"
        "patterns:\n"
        "  - id: a\n"
        "    role: find\n"
        "    pattern: '{nothing}年'\n"
        "    examples: [{text: 2023年, match: 2023年}]\n"
        "  - id: b\n"
        "    role: mention\n"
        "    pattern: '(年'\n"
        "    examples: [{text: 年, match: 年}]\n"
        "  - id: c\n"
        "    role: resolve\n"
        "    pattern: '年'\n"
        "    examples: [{text: 年, match: 年}]\n"
        "  - id: d\n"
        "    role: release\n"
        "    pattern: '年'\n"
        "    colour: red\n"
        "  - id: a\n"
        "    role: part\n"
        "    pattern: '年'\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError) as err:
        load_periods(bad)
    message = str(err.value)
    assert f"{bad}:2:" in message and "lunar_new_year" in message
    assert f"{bad}:5:" in message and "day is out of range" in message
    assert f"{bad}:8:" in message and "{nothing}" in message
    assert f"{bad}:12:" in message and "does not compile" in message
    assert f"{bad}:16:" in message and "ResolveExample" in message
    assert f"{bad}:20:" in message and "colour" in message
    assert f"{bad}:24:" in message and "duplicate id 'a'" in message


def test_periods_file_yaml_error(tmp_path: Path) -> None:
    bad = tmp_path / "periods.yaml"
    bad.write_text("patterns:\n  - id: a\n    role: [\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"periods.yaml:\d+"):
        load_periods(bad)


# ----------------------------------------------------------------------------- records, batch and CLI


def test_extract_reads_periods_against_the_document_date() -> None:
    text = "上半年,全市规模以上工业增加值同比增长3.8%,6月份增长4.1%。"
    dated = zhibiao.extract(text, date="2023-07-15")["events"]
    assert [(e["period"], e["period_start"], e["period_end"], e["period_type"]) for e in dated] == [
        ("上半年", "2023-01-01", "2023-06-30", "half"), ("6月份", "2023-06-01", "2023-06-30", "month")]
    undated = zhibiao.extract(text)["events"]
    assert [(e["period_start"], e["period_end"], e["period_type"]) for e in undated] == [(None, None, None)] * 2
    released = zhibiao.extract("发布时间:2023-07-15\n" + text)["events"]
    assert released[0]["period_start"] == "2023-01-01"


def test_the_full_pipeline_dates_periods_as_the_fast_path(nlp) -> None:
    text = "2023年1-9月,全省出口增长5%。\n2023年10月20日"
    assert zhibiao.to_records(nlp(text))["events"] == zhibiao.extract(text)["events"]


def test_extract_many_reads_the_date_key() -> None:
    items = [{"id": "a", "text": "上月,出口增长5%。", "published": "2023-03-10"},
             {"id": "b", "text": "上月,出口增长5%。", "published": "not a date"}]
    good, bad = zhibiao.extract_many(items, date_key="published")
    assert good["events"][0]["period_start"] == "2023-02-01"
    assert "not a date" in bad["error"] and bad["id"] == "b"


def test_cli_date_key(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from zhibiao.cli import app

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "text": "去年,全市GDP增长5%。", "day": "2024-02-01"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(src), "-o", str(tmp_path / "out"), "--date-key", "day", "-w", "1",
                                      "-q"])
    assert result.exit_code == 0, result.output
    (record,) = read_jsonl(next((tmp_path / "out").glob("documents-*.jsonl")))
    assert (record["events"][0]["period_start"], record["events"][0]["period_end"]) == ("2023-01-01", "2023-12-31")


# ----------------------------------------------------------------------------- gold period dates in evaluate


def _gold_doc(**dates) -> dict:
    event = {"indicator": "出口", "value_text": "5%", "value": 5, "unit": "%", "kind": "change", "period": "上月", **dates}
    return {"id": "a", "text": "上月,出口增长5%。", "meta": {"date": "2023-03-10"}, "events": [event]}


def test_evaluate_scores_period_dates_where_gold_has_them() -> None:
    from zhibiao.evaluate import evaluate_documents, format_report, score

    gold = [_gold_doc(period_start="2023-02-01", period_end="2023-02-28"), {**_gold_doc(), "id": "b"}]
    result, preds = evaluate_documents(gold, zhibiao.extract)  # meta.date is passed on as the document date
    assert result["period_dates"] == {"accuracy": 1.0, "correct": 1, "total": 1}
    preds[0]["events"][0]["period_end"] = "2023-02-27"
    assert score(gold, preds)["period_dates"] == {"accuracy": 0.0, "correct": 0, "total": 1}
    assert "period dates" in format_report(result)


@pytest.mark.parametrize(("dates", "message"), [
    ({"period_start": "2023-02-01"}, "'period_start' without 'period_end'"),
    ({"period_start": "2023-2-1", "period_end": "2023-02-28"}, "must be null or a date YYYY-MM-DD"),
    ({"period_start": None, "period_end": "2023-02-28"}, "both null or both dates"),
    ({"period_start": "2023-03-01", "period_end": "2023-02-28"}, "is after"),
])
def test_gold_period_dates_are_checked(tmp_path: Path, dates: dict, message: str) -> None:
    from zhibiao.evaluate import GoldFormatError, read_documents

    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(_gold_doc(**dates), ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=re.escape(message)):
        read_documents(path)


def test_gold_period_dates_resolve_from_the_gold_period_texts() -> None:
    """The resolver alone, on the annotated gold files: each gold period, read in document order against
    the document's meta.date, gives the annotated dates (a floor: 342 of 345 when written)."""
    total = correct = 0
    for path in gold_files():
        for doc in read_jsonl(path):
            dated = date_events(doc["events"], reference_date((doc.get("meta") or {}).get("date")))
            for gold, got in zip(doc["events"], dated):
                if "period_start" in gold:
                    total += 1
                    correct += (gold["period_start"], gold["period_end"]) == (got["period_start"], got["period_end"])
    assert total >= 300 and correct / total >= 0.95


@pytest.mark.parametrize(
    "text, found",
    [
        ("GDP今年增长5%", ["今年"]),  # a time word after a name in letters starts a word of its own
        ("远东SOGO今年全台业绩年增10%", ["今年"]),
        ("CPI上月上涨0.3%", ["上月"]),
        ("型号A2023年产", []),  # a code's tail, no year
        ("编号12023年", []),  # a number's tail
        ("2019全年能源消费总量", []),  # a year written without 年 before 全年: not read as 全年 alone
    ],
)
def test_a_period_after_letters_or_digits(text: str, found: list[str]) -> None:
    assert [p.text for p in find_periods(normalize(text).text)] == found
