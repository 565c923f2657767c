"""Tests of the scorer: hand-made gold/prediction pairs, gold validation, and the dev gold file."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from zhibiao.evaluate import (
    LEVELS,
    GoldFormatError,
    align,
    clean_indicator,
    design_gold_files,
    document_script,
    errors,
    evaluate_documents,
    format_errors,
    format_report,
    item_start,
    locate,
    pair_documents,
    read_documents,
    score,
)

from .conftest import gold_files

DEV_GOLD = Path(__file__).resolve().parent / "data" / "news-dev.gold.jsonl"  # a copy of ../shared's
SEED_GOLD = Path(__file__).resolve().parents[1] / "corpus" / "seed.gold.jsonl"
GOLD_FILES = [DEV_GOLD, SEED_GOLD]

# 3.8% occurs twice (at 9 and 29); the second sentence lets occurrence 0 and 1 differ.
TEXT = "工业增加值同比增长3.8%，工业投资增长8.9%。出口增长3.8%。"
assert TEXT.find("3.8%") == 9 and TEXT.rfind("3.8%") == 29
TRAD_TEXT = "出口貨量按季跌17.1%，進口貨量則跌17.2%。"


def quantity(
    surface: str,
    value: float,
    unit: str = "%",
    occurrence: int = 0,
    *,
    text: str = TEXT,
    by_offset: bool = True,
) -> dict[str, Any]:
    """A quantity located by offsets (as the pipeline outputs) or by occurrence (as gold may)."""
    item: dict[str, Any] = {
        "text": surface,
        "value": value,
        "unit": unit,
        "label": "PERCENT",
        "qualifier": None,
    }
    if by_offset:
        start = locate(text, surface, occurrence)
        assert start >= 0
        item.update(start=start, end=start + len(surface))
    else:
        item["occurrence"] = occurrence
    return item


def event(
    indicator: str,
    surface: str,
    value: float,
    unit: str = "%",
    occurrence: int = 0,
    *,
    text: str = TEXT,
    by_offset: bool = True,
    **fields: Any,
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "indicator": indicator,
        "value_text": surface,
        "value": value,
        "unit": unit,
        "kind": "change",
        "basis": None,
        "qualifier": None,
        "period": None,
    }
    item.update(fields)
    if by_offset:
        start = locate(text, surface, occurrence)
        assert start >= 0
        item.update(value_start=start, value_end=start + len(surface))
    else:
        item["occurrence"] = occurrence
    return item


def doc(
    quantities: list[dict],
    events: list[dict],
    *,
    doc_id: str | None = "d1",
    text: str = TEXT,
    script: str | None = None,
) -> dict[str, Any]:
    d: dict[str, Any] = {"text": text, "meta": {}, "quantities": quantities, "events": events}
    if doc_id is not None:
        d["id"] = doc_id
    if script is not None:
        d["meta"]["script"] = script
    return d


GOLD_Q = [quantity("3.8%", 3.8), quantity("8.9%", 8.9), quantity("3.8%", 3.8, occurrence=1)]
GOLD_E = [
    event("工业增加值", "3.8%", 3.8, basis="yoy"),
    event("工业投资", "8.9%", 8.9),
    event("出口", "3.8%", 3.8, occurrence=1),
]
GOLD = [doc(GOLD_Q, GOLD_E)]


def with_pred(quantities: list[dict] | None = None, events: list[dict] | None = None) -> list[dict]:
    return [doc(GOLD_Q if quantities is None else quantities, GOLD_E if events is None else events)]


def counts(prf: dict[str, Any]) -> tuple[int, int, int]:
    return prf["tp"], prf["fp"], prf["fn"]


# (gold docs, predicted docs, (tp, fp, fn) of quantities, strict events, lenient events)
CASES = {
    "perfect match": (GOLD, with_pred(), (3, 0, 0), (3, 0, 0), (3, 0, 0)),
    "empty gold and empty predictions": ([doc([], [])], [doc([], [])], (0, 0, 0), (0, 0, 0), (0, 0, 0)),
    "predicted duplicate is a false positive": (
        GOLD,
        with_pred(GOLD_Q + [GOLD_Q[0]], GOLD_E + [GOLD_E[1]]),
        (3, 1, 0),
        (3, 1, 0),
        (3, 1, 0),
    ),
    "value mismatch": (
        GOLD,
        with_pred([quantity("3.8%", 3.9)] + GOLD_Q[1:], [event("工业增加值", "3.8%", -3.8)] + GOLD_E[1:]),
        (2, 1, 1),
        (2, 1, 1),
        (2, 1, 1),
    ),
    "value within relative tolerance": (
        GOLD,
        with_pred([quantity("3.8%", 3.8 * (1 + 1e-9))] + GOLD_Q[1:]),
        (3, 0, 0),
        (3, 0, 0),
        (3, 0, 0),
    ),
    "unit mismatch": (
        GOLD,
        with_pred(
            [quantity("3.8%", 3.8, "pp")] + GOLD_Q[1:], [event("工业增加值", "3.8%", 3.8, "pp")] + GOLD_E[1:]
        ),
        (2, 1, 1),
        (2, 1, 1),
        (2, 1, 1),
    ),
    "same text at the wrong position": (
        GOLD,
        with_pred(
            [GOLD_Q[0], GOLD_Q[1], quantity("3.8%", 3.8, occurrence=0)],
            [GOLD_E[0], GOLD_E[1], event("出口", "3.8%", 3.8, occurrence=0)],
        ),
        (2, 1, 1),
        (2, 1, 1),
        (2, 1, 1),
    ),
    "indicator matches only leniently": (
        GOLD,
        with_pred(events=[event("规模以上工业增加值", "3.8%", 3.8, basis="yoy")] + GOLD_E[1:]),
        (3, 0, 0),
        (2, 1, 1),
        (3, 0, 0),
    ),
    "quotation marks and spaces are ignored": (
        GOLD,
        with_pred(
            events=[
                event("“工业 增加值”", "3.8%", 3.8),
                event("「工业投资」", "8.9%", 8.9),
                event(" '出口\" ", "3.8%", 3.8, occurrence=1),
            ]
        ),
        (3, 0, 0),
        (3, 0, 0),
        (3, 0, 0),
    ),
    "gold by text and occurrence, prediction by offsets": (
        [
            doc(
                [quantity("3.8%", 3.8, occurrence=o, by_offset=False) for o in (0, 1)],
                [event("出口", "3.8%", 3.8, occurrence=1, by_offset=False)],
            )
        ],
        [
            doc(
                [quantity("3.8%", 3.8, occurrence=1), quantity("3.8%", 3.8, occurrence=0)],
                [event("出口", "3.8%", 3.8, occurrence=1)],
            )
        ],
        (2, 0, 0),
        (1, 0, 0),
        (1, 0, 0),
    ),
    "missing predicted document": (
        GOLD + [doc(GOLD_Q[:1], GOLD_E[:1], doc_id="d2")],
        with_pred(),
        (3, 0, 1),
        (3, 0, 1),
        (3, 0, 1),
    ),
    "predicted document without gold": (
        GOLD,
        with_pred() + [doc(GOLD_Q[:1], [], doc_id="extra")],
        (3, 1, 0),
        (3, 0, 0),
        (3, 0, 0),
    ),
    "documents paired by order when ids are missing": (
        [doc(GOLD_Q, GOLD_E, doc_id=None)],
        [doc(GOLD_Q[:2], GOLD_E[:2], doc_id=None)],
        (2, 0, 1),
        (2, 0, 1),
        (2, 0, 1),
    ),
    "zero matches zero": (
        [doc([quantity("3.8%", 0.0)], [])],
        [doc([quantity("3.8%", 1e-12)], [])],
        (1, 0, 0),
        (0, 0, 0),
        (0, 0, 0),
    ),
}


@pytest.mark.parametrize(
    ("gold", "pred", "quantities", "strict", "lenient"), CASES.values(), ids=CASES.keys()
)
def test_score_cases(gold, pred, quantities, strict, lenient):
    result = score(gold, pred)
    assert counts(result["quantities"]) == quantities
    assert counts(result["events_strict"]) == strict
    assert counts(result["events_lenient"]) == lenient


@pytest.mark.parametrize(
    ("gold", "pred", "quantities", "strict", "lenient"), CASES.values(), ids=CASES.keys()
)
def test_align_lists_exactly_what_score_counts(gold, pred, quantities, strict, lenient):
    aligned = [align(g, p) for g, p in pair_documents(gold, pred)]
    for level, expected in zip(LEVELS, (quantities, strict, lenient)):
        tp, fp, fn = (sum(len(a[level][status]) for a in aligned) for status in ("matched", "false", "missed"))
        assert (tp, fp, fn) == expected, level


def test_align_rows_point_back_into_the_documents():
    gold = doc(GOLD_Q, GOLD_E)
    pred = doc(
        ["not an item", *GOLD_Q[1:]],
        [event("规模以上工业增加值", "3.8%", 3.8, basis="yoy"), GOLD_E[1], {**GOLD_E[2], "basis": "mom"}],
    )
    aligned = align(gold, pred)
    assert set(aligned) == set(LEVELS)
    quantities = aligned["quantities"]
    assert [(r["gold_index"], r["pred_index"], r["start"]) for r in quantities["matched"]] == [(1, 1, 20), (2, 2, 29)]
    assert [(r["gold_index"], r["pred_index"], r["start"]) for r in quantities["missed"]] == [(0, None, 9)]
    assert quantities["false"] == [] and quantities["matched"][0]["agree"] == {}
    strict = aligned["events_strict"]
    assert [(r["gold_index"], r["pred_index"]) for r in strict["matched"]] == [(1, 1), (2, 2)]
    assert strict["matched"][1]["agree"] == {"kind": True, "basis": False, "qualifier": True, "period": True}
    assert [r["gold"]["indicator"] for r in strict["missed"]] == ["工业增加值"]
    assert [(r["pred"]["indicator"], r["gold"], r["start"]) for r in strict["false"]] == [("规模以上工业增加值", None, 9)]
    lenient = aligned["events_lenient"]
    assert [(r["gold_index"], r["pred_index"]) for r in lenient["matched"]] == [(0, 0), (1, 1), (2, 2)]
    assert lenient["matched"][0]["agree"]["basis"] is True
    json.dumps(aligned, ensure_ascii=False)  # plain data


def test_align_with_one_side_missing():
    only_gold = align(doc(GOLD_Q, GOLD_E), None)
    assert [len(only_gold[level]["missed"]) for level in LEVELS] == [3, 3, 3]
    only_pred = align(None, doc(GOLD_Q, GOLD_E))
    assert [len(only_pred[level]["false"]) for level in LEVELS] == [3, 3, 3]
    assert [r["start"] for r in only_pred["events_strict"]["false"]] == [9, 20, 29]
    assert align(None, None) == {level: {"matched": [], "missed": [], "false": []} for level in LEVELS}


def test_empty_scores_are_zero_like_spacy_prfscore():
    result = score([doc([], [])], [doc([], [])])
    for level in ("quantities", "events_strict", "events_lenient"):
        assert result[level] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}
    assert result["fields"]["kind"] == {"accuracy": 0.0, "correct": 0, "total": 0}
    assert result["documents"] == 1


def test_micro_average_over_documents():
    gold = [doc(GOLD_Q, [], doc_id="a"), doc(GOLD_Q[:1], [], doc_id="b")]
    pred = [doc(GOLD_Q, [], doc_id="a"), doc([quantity("8.9%", 8.9)], [], doc_id="b")]
    prf = score(gold, pred)["quantities"]
    assert counts(prf) == (3, 1, 1)
    assert (
        prf["p"] == pytest.approx(0.75)
        and prf["r"] == pytest.approx(0.75)
        and prf["f1"] == pytest.approx(0.75)
    )


def test_lenient_matching_is_one_to_one_and_maximal():
    # Greedy pairing would give the gold "工业" the prediction "工业投资" and lose a match.
    text = "工业投资增长3.8%。"
    gold = [
        doc(
            [],
            [event("工业", "3.8%", 3.8, text=text), event("工业投资额", "3.8%", 3.8, text=text)],
            text=text,
        )
    ]
    pred = [
        doc([], [event("工业投资", "3.8%", 3.8, text=text), event("工业", "3.8%", 3.8, text=text)], text=text)
    ]
    result = score(gold, pred)
    assert counts(result["events_lenient"]) == (2, 0, 0)
    assert counts(result["events_strict"]) == (1, 1, 1)


def test_field_accuracies_over_strict_matches():
    gold = with_pred(
        events=[
            event(
                "工业增加值",
                "3.8%",
                3.8,
                kind="change",
                basis="yoy",
                qualifier="about",
                period="2023年上半年",
            ),
            event("工业投资", "8.9%", 8.9, kind="change", basis=None, period=None),
            event("出口", "3.8%", 3.8, occurrence=1, kind="level", basis="mom", period="6月"),
        ]
    )
    pred = with_pred(
        events=[
            event(
                "工业增加值", "3.8%", 3.8, kind="change", basis="yoy", qualifier=None, period="2023年 上半年"
            ),
            event("工业投资", "8.9%", 8.9, kind="level", basis=None, period=None),
            event(
                "出口额", "3.8%", 3.8, occurrence=1, kind="level", basis="mom", period="6月"
            ),  # lenient only
        ]
    )
    fields = score(gold, pred)["fields"]
    assert fields["kind"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    assert fields["basis"] == {"accuracy": 1.0, "correct": 2, "total": 2}
    assert fields["qualifier"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    assert fields["period"] == {
        "accuracy": 1.0,
        "correct": 2,
        "total": 2,
    }  # white space ignored, null == null


def test_by_script_split_uses_meta_then_detection():
    trad_q = [quantity("17.1%", 17.1, text=TRAD_TEXT), quantity("17.2%", 17.2, text=TRAD_TEXT)]
    gold = [
        doc(GOLD_Q, GOLD_E, doc_id="s"),  # detected simplified
        doc(trad_q, [], doc_id="t", text=TRAD_TEXT),  # detected traditional
        doc(GOLD_Q[:1], [], doc_id="m", script="traditional"),  # meta wins over detection
    ]
    pred = [
        doc(GOLD_Q, GOLD_E, doc_id="s"),
        doc(trad_q[:1], [], doc_id="t", text=TRAD_TEXT),
        doc([], [], doc_id="m"),
    ]
    by_script = score(gold, pred)["by_script"]
    assert set(by_script) == {"traditional", "simplified"}
    assert by_script["simplified"]["documents"] == 1
    assert counts(by_script["simplified"]["quantities"]) == (3, 0, 0)
    assert by_script["traditional"]["documents"] == 2
    assert counts(by_script["traditional"]["quantities"]) == (1, 0, 2)
    assert counts(by_script["traditional"]["events_strict"]) == (0, 0, 0)


def test_document_script_detection():
    assert document_script({"text": TRAD_TEXT}) == "traditional"
    assert document_script({"text": TEXT}) == "simplified"
    assert document_script({"text": TEXT, "meta": {"script": "mixed"}}) == "mixed"


def test_locate_counts_substrings_inside_longer_numbers():
    text = "增长9.3%，其中3%来自出口，3%来自内需"
    assert locate(text, "3%", 0) == text.index("9.3%") + 2
    assert locate(text, "3%", 1) == text.index("其中") + 2
    assert locate(text, "3%", 3) == -1
    assert locate("111", "11", 1) == 1  # overlapping occurrences count
    assert item_start(text, {"text": "3%", "start": 99}, is_event=False) == 99  # an offset wins


def test_clean_indicator():
    assert clean_indicator(" “新三样”出口 ") == "新三样出口"
    assert clean_indicator("『5G』 基站《》‘’") == "5G基站"


def test_errors_lists_false_positives_and_negatives_with_sentence():
    pred = with_pred(
        [quantity("3.8%", 3.9)] + GOLD_Q[1:], GOLD_E[:2] + [event("进口", "3.8%", 3.8, occurrence=1)]
    )
    found = errors(GOLD, pred)
    summary = [(e["doc"], e["error"], e["level"], e["start"]) for e in found]
    assert summary == [
        ("d1", "fn", "quantity", 9),
        ("d1", "fp", "quantity", 9),
        ("d1", "fn", "event", 29),
        ("d1", "fp", "event", 29),
    ]
    assert found[0]["sentence"] == "工业增加值同比增长3.8%，工业投资增长8.9%。"
    assert found[2]["sentence"] == "出口增长3.8%。"
    assert found[2]["item"]["indicator"] == "出口" and found[3]["item"]["indicator"] == "进口"
    text = format_errors(found)
    assert "[d1] FN quantity @9" in text and "出口增长3.8%。" in text
    assert format_errors([]) == "no errors"


def test_format_report_mentions_every_level_and_script_present():
    report = format_report(score(GOLD, with_pred()))
    for word in ("quantities", "events_strict", "events_lenient", "kind", "period", "simplified"):
        assert word in report
    assert "traditional" not in report  # no traditional document: no empty table for it
    assert "1.000" in report


def test_evaluate_documents_runs_extractor_and_keeps_ids():
    calls = []

    def extract(text: str) -> dict:
        calls.append(text)
        return {"quantities": GOLD_Q[:2], "events": GOLD_E}

    gold = [doc(GOLD_Q, GOLD_E, script="simplified")]
    result, preds = evaluate_documents(gold, extract)
    assert calls == [TEXT]
    assert (
        preds[0]["id"] == "d1" and preds[0]["meta"] == {"script": "simplified"} and preds[0]["text"] == TEXT
    )
    assert counts(result["quantities"]) == (2, 0, 1)
    assert counts(result["events_strict"]) == (3, 0, 0)


# --------------------------------------------------------------------------- gold validation

GOOD_Q = {"text": "3.8%", "value": 3.8, "unit": "%"}
GOOD_E = {"indicator": "工业投资", "value_text": "8.9%", "value": 8.9, "unit": "%", "kind": "change"}


def record(**changes: Any) -> str:
    d: dict[str, Any] = {"id": "x", "text": TEXT, "quantities": [GOOD_Q], "events": [GOOD_E]}
    d.update(changes)
    return json.dumps(d, ensure_ascii=False)


BAD_LINES = {
    "non-UTF-8 line": ("前".encode("big5") + b"\n", "not valid UTF-8"),
    "malformed JSON": ('{"id": "x", "text": \n', "malformed JSON"),
    "record not an object": ('["text"]\n', "not an object"),
    "missing text": ('{"id": "x"}\n', "missing field 'text'"),
    "text not a string": ('{"id": "x", "text": 3}\n', "'text' is a int"),
    "quantities not a list": (record(quantities={}) + "\n", "'quantities' is not a list"),
    "quantity not an object": (record(quantities=["3.8%"]) + "\n", "quantities[0]: not an object"),
    "quantity missing field": (
        record(quantities=[{"text": "3.8%", "value": 3.8}]) + "\n",
        "quantities[0]: missing field 'unit'",
    ),
    "event missing fields": (
        record(events=[{"indicator": "出口", "value_text": "8.9%", "value": 8.9}]) + "\n",
        "events[0]: missing fields 'unit', 'kind'",
    ),
    "value not a number": (
        record(quantities=[{**GOOD_Q, "value": "3.8"}]) + "\n",
        "'value' must be a finite number",
    ),
    "unit not a string": (record(quantities=[{**GOOD_Q, "unit": None}]) + "\n", "'unit' must be a string"),
    "bad occurrence": (
        record(quantities=[{**GOOD_Q, "occurrence": -1}]) + "\n",
        "'occurrence' must be an integer",
    ),
    "value_text not in text": (
        record(events=[{**GOOD_E, "value_text": "9.9%"}]) + "\n",
        "events[0]: value_text '9.9%' occurrence 0 not found in text",
    ),
    "occurrence beyond the text": (
        record(quantities=[{**GOOD_Q, "occurrence": 2}]) + "\n",
        "quantities[0]: text '3.8%' occurrence 2 not found in text",
    ),
    "start not at text": (
        record(quantities=[{**GOOD_Q, "start": 0}]) + "\n",
        "quantities[0]: text '3.8%' not found at start 0",
    ),
    "start disagrees with occurrence": (
        record(quantities=[{**GOOD_Q, "start": 29, "occurrence": 0}]) + "\n",
        "start 29 disagrees with text '3.8%' occurrence 0 (found at 9)",
    ),
    "value_start not at value_text": (
        record(events=[{**GOOD_E, "value_start": 1}]) + "\n",
        "events[0]: value_text '8.9%' not found at value_start 1",
    ),
}


@pytest.mark.parametrize(("content", "message"), BAD_LINES.values(), ids=BAD_LINES.keys())
def test_gold_format_error_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "gold.jsonl"
    good = (record(id="ok") + "\n").encode()
    path.write_bytes(good + b"\n" + (content if isinstance(content, bytes) else content.encode()))
    with pytest.raises(GoldFormatError) as info:
        read_documents(path)
    assert info.value.problems == [line for line in str(info.value).splitlines()]
    assert len(info.value.problems) == 1
    assert info.value.problems[0].startswith(f"{path}:3: ")
    assert message in info.value.problems[0]


def test_gold_format_error_collects_every_problem(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": 1}\n\n[1]\n' + record() + "\n" + record() + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError) as info:
        read_documents(path)
    assert [p.split(": ")[0] for p in info.value.problems] == [f"{path}:1", f"{path}:3", f"{path}:5"]
    assert 'duplicate id "x" (first on line 4)' in info.value.problems[2]
    assert isinstance(info.value, ValueError)


def test_read_documents_skips_empty_lines(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n" + record(id="a") + "\n   \n" + record(id="b") + "\n", encoding="utf-8")
    assert [d["id"] for d in read_documents(path)] == ["a", "b"]


# --------------------------------------------------------------------------- the dev gold file


def with_offsets(gold: dict) -> dict:
    """A gold document as the pipeline would output it: every item with its offsets."""
    pred = copy.deepcopy(gold)
    for key, start_key, end_key, surface_key in (
        ("quantities", "start", "end", "text"),
        ("events", "value_start", "value_end", "value_text"),
    ):
        for item in pred[key]:
            start = locate(gold["text"], item[surface_key], item.pop("occurrence", 0))
            item[start_key], item[end_key] = start, start + len(item[surface_key])
    return pred


def test_design_gold_files_are_the_corpus_then_news_dev_never_the_blind_sets(tmp_path):
    for name in ("corpus/news10.gold.jsonl", "corpus/news9.gold.jsonl", "corpus/blind/blindA.gold.jsonl",
                 "corpus/notes.jsonl", "tests/data/news-dev.gold.jsonl"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    assert design_gold_files(tmp_path) == [tmp_path / "corpus" / "news10.gold.jsonl", tmp_path / "corpus" / "news9.gold.jsonl",
                                           tmp_path / "tests" / "data" / "news-dev.gold.jsonl"]


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name)
def test_gold_offsets_agree_with_occurrences(path):
    for gold in read_documents(path):
        text = gold["text"]
        for q in gold["quantities"]:
            if "start" in q:
                assert locate(text, q["text"], q.get("occurrence", 0)) == q["start"], (gold["id"], q)
                assert text[q["start"] : q["end"]] == q["text"]
        for q in gold["quantities"]:  # not the tail of a longer number (33万辆 inside 2450.33万辆)
            start = item_start(text, q, is_event=False)
            assert not (q["text"][0].isdigit() and start > 0 and (text[start - 1].isdigit() or text[start - 1] == ".")), \
                (gold["id"], q)
        starts = {item_start(text, q, is_event=False) for q in gold["quantities"]}
        for e in gold["events"]:
            assert item_start(text, e, is_event=True) in starts, (gold["id"], e)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_scored_against_itself_is_perfect(path):
    gold = read_documents(path)
    pred = [with_offsets(d) for d in gold]
    result = score(gold, pred)
    assert result["documents"] == len(gold)
    parts = [result, *(sub for sub in result["by_script"].values() if sub["documents"])]
    for part in parts:
        for level in ("quantities", "events_strict", "events_lenient"):
            assert part[level]["f1"] == 1.0 and part[level]["tp"] > 0
        for acc in part["fields"].values():
            assert acc["accuracy"] == 1.0
    assert errors(gold, pred) == []


def test_dev_gold_script_split():
    gold = read_documents(DEV_GOLD)
    by_script = score(gold, [with_offsets(d) for d in gold])["by_script"]
    assert (by_script["traditional"]["documents"], by_script["simplified"]["documents"]) == (7, 8)
    # meta.script agrees with OpenCC detection on every dev document
    for d in gold:
        assert document_script(d) == document_script({"text": d["text"]}), d["id"]
