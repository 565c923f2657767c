"""Indicator series: rounding, grouping, the series table, the command and the series page."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from zhibiao import series, series_page, tables
from zhibiao.cli import app

from .test_render import parse_html

ROOT = Path(__file__).resolve().parent.parent

# (value as written, value as scaled) -> the step of its last digit
STEPS = {
    ("3.8%", 3.8): 0.1,
    ("0.50%", 0.5): 0.01,
    ("2.5%", -2.5): 0.1,  # 下降2.5%: the value is negative, the text is not
    ("6.76億戶", 676_000_000): 1e6,
    ("13926万吨", 139_260_000): 1e4,
    ("3,432,187人次", 3_432_187): 1,
    ("1.2万亿元", 1.2e12): 1e11,
    ("１２．５％", 12.5): 0.1,  # full-width digits
    ("三千家", 3000): 1000,  # no Arabic digits: the last non-zero digit
    ("三千二百家", 3200): 100,
    ("过半", 50): 10,
    ("0%", 0): 1,
}


@pytest.mark.parametrize("text, value", STEPS)
def test_rounding_step(text, value):
    assert series.rounding_step(value, text) == pytest.approx(STEPS[text, value], rel=1e-9)


# (a, step a, b, step b) -> whether they agree
AGREE = {
    (3.8, 0.1, 3.8, 0.1): True,
    (3.8, 0.1, 3.9, 0.1): False,  # touching intervals: two different reports
    (3.8, 0.1, 3.85, 0.01): True,
    (1.39e8, 1e6, 139_260_000, 1e4): True,  # 1.39亿吨 and 13926万吨
    (1.4e8, 1e7, 1.2e8, 1e7): False,
    (-2.5, 0.1, -2.5, 0.1): True,
}


@pytest.mark.parametrize("case", AGREE)
def test_agree(case):
    assert series.agree(*case) is AGREE[case]
    assert series.agree(case[2], case[3], case[0], case[1]) is AGREE[case]


def _event(value, text, **fields) -> dict:
    return {"indicator": "规模以上工业增加值", "indicator_id": "industrial_value_added", "value": value, "unit": "%",
            "kind": "change", "basis": "yoy", "qualifier": None, "period": "上半年", "location": None,
            "value_text": text, "value_start": 0, "value_end": len(text), "sentence": f"增长{text}", **fields}


def _doc(doc_id: str, *events: dict) -> dict:
    return {"id": doc_id, "text": "x" * 40, "quantities": [], "events": list(events)}


def test_reports_of_one_point_agree_and_the_most_precise_value_wins():
    records = [_doc("a", _event(1.39e8, "1.39亿吨", unit="吨")), _doc("b", _event(139_260_000, "13926万吨", unit="吨"))]
    (row,) = series.build_series(records)
    assert row["value"] == 139_260_000 and row["step"] == 1e4 and not row["conflict"]
    assert row["reports"] == 2 and row["documents"] == ["a", "b"]
    assert [(s["doc_id"], s["value_text"]) for s in row["sources"]] == [("a", "1.39亿吨"), ("b", "13926万吨")]
    assert (row["min_value"], row["max_value"]) == (1.39e8, 139_260_000)


def test_a_conflict_takes_the_value_most_reports_give():
    records = [_doc("a", _event(3.9, "3.9%")), _doc("b", _event(3.8, "3.8%")), _doc("c", _event(3.80, "3.80%")),
               _doc("d", _event(3.9, "3.9%"))]
    (row,) = series.build_series(records)
    assert row["conflict"] and row["reports"] == 4
    assert row["value"] == 3.8 and row["step"] == 0.01  # 3.8 twice (ties with 3.9): the most precise of them


def test_the_group_key():
    records = [_doc("a",
                    _event(3.8, "3.8%"),
                    _event(3.8, "3.8%", indicator="规模以上 工业增加值", indicator_id=None),  # a name, not an id
                    _event(3.8, "3.8%", location="江苏"),
                    _event(3.8, "3.8%", basis=None),
                    _event(3.8, "3.8%", period="1-6月", period_start="2023-01-01", period_end="2023-06-30"),
                    _event(3.9, "3.9%", period="2023年上半年", period_start="2023-01-01", period_end="2023-06-30"),
                    _event(3.8, "3.8%", indicator="", indicator_id=None))]  # no indicator: no point
    rows = series.build_series(records)
    assert len(rows) == 5
    dated = [r for r in rows if r["period_start"]]
    assert len(dated) == 1 and dated[0]["reports"] == 2 and dated[0]["conflict"]
    assert dated[0]["period_end"] == "2023-06-30"
    assert {r["indicator"] for r in rows} == {"industrial_value_added", "规模以上工业增加值"}


def test_series_table_round_trip(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    records = [_doc("a", _event(3.8, "3.8%", period_start="2023-01-01", period_end="2023-06-30")),
               _doc("b", _event(3.9, "3.9%"))]
    path = series.write_series(series.build_series(records), tmp_path / "s.parquet")
    table = pq.read_table(path)
    assert table.schema.remove_metadata() == series.series_schema()
    rows = table.to_pylist()
    assert str(rows[0]["period_start"]) == "2023-01-01" and rows[1]["period_start"] is None
    assert rows[0]["sources"][0]["sentence"] == "增长3.8%"


def test_readme_series_schema_is_the_code_schema():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- schema:series -->\n(.*?)\n<!-- /schema:series -->", readme, re.S)
    assert match and match.group(1) == tables.markdown_table(series.SERIES_FIELDS)


def test_series_command_on_extract_outputs(tmp_path):
    """``zhibiao series`` gives the same table from a jsonl and a parquet output of the same input."""
    pq = pytest.importorskip("pyarrow.parquet")
    from typer.testing import CliRunner

    runner = CliRunner()
    src = tmp_path / "in.jsonl"
    texts = ["上半年，规模以上工业增加值同比增长3.8%。", "上半年，規模以上工業增加值同比增長3.8%，工业投资同比增长8.9%。",
             "上半年，规模以上工业增加值同比增长3.9%。"]
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)),
                   encoding="utf-8")
    tables_out = {}
    for fmt in ("jsonl", "parquet"):
        assert runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / fmt), "-f", fmt, "-q", "-w", "1",
                                   "--shard-size", "2"]).exit_code == 0
        result = runner.invoke(app, ["series", str(tmp_path / fmt), "-o", str(tmp_path / f"{fmt}.parquet")])
        assert result.exit_code == 0, result.output
        tables_out[fmt] = pq.read_table(tmp_path / f"{fmt}.parquet").to_pylist()
    assert tables_out["jsonl"] == tables_out["parquet"]
    value_added = [r for r in tables_out["jsonl"] if r["indicator"] == "industrial_value_added"]
    assert len(value_added) == 1 and value_added[0]["reports"] == 3 and value_added[0]["conflict"]
    assert value_added[0]["value"] == 3.8 and value_added[0]["documents"] == ["d0", "d1", "d2"]
    wrong = runner.invoke(app, ["series", str(tmp_path / "jsonl"), "-o", str(tmp_path / "s.csv")])
    assert wrong.exit_code == 2 and "Parquet" in wrong.stderr


# --------------------------------------------------------------------------- the page


def _page_records() -> list[dict]:
    """Three documents: industrial value added in three periods (one resolved pair), CPI in one."""
    return [
        _doc("a", _event(3.8, "3.8%", period="2023年上半年", period_start="2023-01-01", period_end="2023-06-30"),
             _event(0.2, "0.2%", indicator="CPI", indicator_id="cpi")),
        _doc("b", _event(4.2, "4.2%", period="2023年1-9月", period_start="2023-01-01", period_end="2023-09-30")),
        _doc("c", _event(4.6, "4.6%", period="2023年", period_start="2023-01-01", period_end="2023-12-31",
                         location="<江苏>"),
             _event(4.7, "4.7%", period="2023年", period_start="2023-01-01", period_end="2023-12-31")),
    ]


def test_series_page_charts_links_and_self_contained():
    records = _page_records()
    html = series_page.render_series(records, lambda i: f"docs-{i // 2 + 1}.html")
    root = parse_html(html)
    (figure,) = root.find_all("figure", cls="zb-chart")  # CPI has one point: no chart
    assert figure.attrs["data-indicator"] == "industrial_value_added" and figure.attrs["data-points"] == "4"
    links = [a.attrs["href"] for a in figure.find_all("a", cls="zb-point")]
    assert sorted(links) == ["docs-1.html#ev-0-0", "docs-1.html#ev-1-0", "docs-2.html#ev-2-0", "docs-2.html#ev-2-1"]
    assert len(figure.find_all("polyline")) == 1  # a time axis: the unnamed place's three points joined
    assert "&lt;江苏&gt;" in html and "<江苏>" not in html
    for node in root.iter():
        assert node.tag not in {"script", "img", "link", "iframe", "object", "embed"}
        assert "src" not in node.attrs
    assert not re.search(r"(?:https?:)?//", re.sub(r'href="docs-\d\.html#ev-\d-\d"', "", html))


def test_series_page_of_periods_as_written_has_no_lines():
    records = [_doc("a", _event(3.8, "3.8%", period="上半年")), _doc("b", _event(4.2, "4.2%", period="1-9月"))]
    root = parse_html(series_page.render_series(records, lambda i: "p.html"))
    (figure,) = root.find_all("figure", cls="zb-chart")
    assert not figure.find_all("polyline") and len(figure.find_all("circle")) == 2
    assert {t.text() for t in figure.find_all("text", cls="zb-xtick")} == {"上半年", "1-9月"}


@pytest.mark.parametrize("value, label", [(48.8, "48.8"), (676_000_000, "6.76亿"), (39370, "3.937万"),
                                          (2.01e13, "20.1万亿"), (-1.2e9, "-12亿")])
def test_axis_label(value, label):
    assert series_page.axis_label(value) == label
