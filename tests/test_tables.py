"""The csv and parquet outputs: one schema per table in every part, read by four tools without options."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from zhibiao import tables
from zhibiao.batch import run_extract

ROOT = Path(__file__).resolve().parent.parent
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

# Shards of two documents: shard 1 has no event at all (nor any quantity), shard 2 has a failure, the
# others mix integers, decimals, ranges, physical units and money, so per-part inference would differ.
DOCS = [
    {"id": "a", "text": "5G移動電話用戶達6.76億戶，規模以上工業增加值同比增長3.8%。", "date": "2023-07-19",
     "source": "miit", "tags": ["telecom", "industry"]},
    {"id": "b", "text": "全国夏粮总产量13926万吨,比上年减少162万吨,下降1.2%。", "date": "2023-07-14", "source": "nbs"},
    {"id": "c", "text": "今天天气很好。", "source": "weather"},
    {"id": "d", "text": "我们明天见。"},
    {"id": "e", "text": 42},
    {"id": "f", "text": "上半年，工业投资同比增长8.9%，预计全年增长3-5%。", "date": "2023-07-20"},
    {"id": "g", "text": "进出口总额达20.1万亿元，其中出口11.46万亿元。", "date": "2023-07-13"},
]
TABLES = ("events", "quantities", "documents", "errors")
NUMERIC = {"int64", "float64"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("in") / "news.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, corpus) -> dict[str, tuple[Path, dict]]:
    """The same input extracted as parquet and csv (four shards), and as parquet with a metadata key."""
    base = tmp_path_factory.mktemp("out")
    runs = {
        "parquet": dict(fmt="parquet"),
        "csv": dict(fmt="csv"),
        "parquet-meta": dict(fmt="parquet", meta_keys=["date", "tags"]),
    }
    return {name: (base / name, run_extract([str(corpus)], base / name, shard_size=2, quiet=True, workers=1, **kw))
            for name, kw in runs.items()}


def test_every_table_is_a_folder_of_parts_and_one_part_has_no_event(outputs):
    out, summary = outputs["parquet"]
    assert summary["shards"] == 4 and summary["errors"] == 1
    for table in TABLES:
        assert sorted(p.name for p in (out / table).iterdir()) == [f"part-{i:05d}.parquet" for i in range(4)]
    assert pq.read_table(out / "events" / "part-00001.parquet").num_rows == 0
    assert pq.read_table(out / "quantities" / "part-00001.parquet").num_rows == 0


@pytest.mark.parametrize("run, meta_keys", [("parquet", ()), ("parquet-meta", ("date", "tags"))])
def test_every_part_has_its_table_schema(outputs, run, meta_keys):
    out, _ = outputs[run]
    for table in TABLES:
        expected = tables.arrow_schema(table, meta_keys if table == "events" else ())
        for part in sorted((out / table).iterdir()):
            assert pq.read_schema(part).remove_metadata() == expected, part


def _numeric_columns(table: str) -> list[str]:
    return [c.name for c in tables.COLUMNS[table] if c.type in NUMERIC]


def test_pyarrow_dataset_reads_each_folder(outputs):
    import pyarrow.dataset as ds

    out, summary = outputs["parquet"]
    counts = {"events": summary["events"], "quantities": summary["quantities"], "documents": summary["documents"],
              "errors": summary["errors"]}
    for table in TABLES:
        read = ds.dataset(out / table).to_table()
        assert read.num_rows == counts[table] > 0
        assert read.schema == tables.arrow_schema(table)


def test_pandas_reads_each_folder_with_numeric_columns(outputs):
    pd = pytest.importorskip("pandas")
    out, summary = outputs["parquet"]
    events = pd.read_parquet(out / "events")
    assert len(events) == summary["events"]
    for table in TABLES:
        frame = pd.read_parquet(out / table)
        for name in _numeric_columns(table):
            assert pd.api.types.is_numeric_dtype(frame[name]), (table, name, frame[name].dtype)
    assert events.loc[events.value_text == "6.76億戶", "value"].tolist() == [676000000.0]


def test_polars_reads_each_folder_with_typed_columns(outputs):
    pl = pytest.importorskip("polars")
    out, summary = outputs["parquet"]
    events = pl.read_parquet(out / "events")
    assert events.height == summary["events"]
    assert events.schema["value"] == pl.Float64 and events.schema["value_start"] == pl.Int64
    assert events.schema["period_start"] == pl.Date
    assert pl.read_parquet(out / "quantities").schema["upper"] == pl.Float64
    assert pl.read_parquet(out / "errors").height == 1


def test_duckdb_reads_the_parts_without_options(outputs):
    duckdb = pytest.importorskip("duckdb")
    out, summary = outputs["parquet"]
    con = duckdb.connect()
    types = {r[0]: r[1] for r in con.sql(f"DESCRIBE SELECT * FROM '{out}/events/*.parquet'").fetchall()}
    assert types["value"] == "DOUBLE" and types["value_start"] == "BIGINT" and types["period_end"] == "DATE"
    joined = con.sql(f"SELECT e.doc_id, e.value, json_extract_string(d.meta, '$.source') AS source "
                     f"FROM '{out}/events/*.parquet' e JOIN '{out}/documents/*.parquet' d USING (doc_id) "
                     "WHERE e.value_text = '13926万吨'").fetchall()
    assert joined == [("b", 139260000.0, "nbs")]
    assert con.execute(f"SELECT count(*) FROM '{out}/events/*.parquet'").fetchone()[0] == summary["events"]


def test_csv_parts_have_the_same_header(outputs):
    out, summary = outputs["csv"]
    for table in TABLES:
        parts = sorted((out / table).iterdir())
        assert len(parts) == 4
        expected = [c.name for c in tables.COLUMNS[table]]
        rows = 0
        for part in parts:
            with part.open(encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh)
                assert next(reader) == expected, part
                rows += sum(1 for _ in reader)
        if table == "events":
            assert rows == summary["events"]


def test_csv_and_parquet_hold_the_same_rows(outputs):
    pc = pytest.importorskip("pyarrow.csv")
    pq_out, _ = outputs["parquet"]
    csv_out, _ = outputs["csv"]
    for table in ("events", "quantities"):
        schema = tables.arrow_schema(table)
        for part in sorted((csv_out / table).iterdir()):
            read = pc.read_csv(part, convert_options=pc.ConvertOptions(column_types=schema, strings_can_be_null=True))
            other = pq.read_table(pq_out / table / part.with_suffix(".parquet").name)
            assert [{k: v for k, v in r.items() if v not in (None, "")} for r in read.to_pylist()] == \
                [{k: v for k, v in r.items() if v not in (None, "")} for r in other.to_pylist()]


def test_metadata_is_in_the_documents_table_and_chosen_keys_on_event_rows(outputs):
    out, _ = outputs["parquet"]
    docs = {r["doc_id"]: r for r in pq.read_table(out / "documents").to_pylist()}
    assert json.loads(docs["a"]["meta"]) == {"date": "2023-07-19", "source": "miit", "tags": ["telecom", "industry"]}
    assert docs["d"]["meta"] is None and docs["a"]["chars"] == len(DOCS[0]["text"])
    assert not [c for c in pq.read_schema(out / "events" / "part-00000.parquet").names if c.startswith("meta")]
    meta_out, _ = outputs["parquet-meta"]
    rows = pq.read_table(meta_out / "events").to_pylist()
    assert {(r["doc_id"], r["meta_date"], r["meta_tags"]) for r in rows if r["doc_id"] in "ab"} == {
        ("a", "2023-07-19", '["telecom", "industry"]'), ("b", "2023-07-14", None)}


def test_period_dates_become_date_columns():
    record = {"id": "x", "text": "t", "quantities": [], "events": [
        {"indicator": "工业增加值", "value": 3.8, "period": "2023年上半年", "period_start": "2023-01-01",
         "period_end": "2023-06-30", "period_type": "half"},
        {"indicator": "工业增加值", "value": 4, "period": "上月"}]}
    rows = tables.rows("events", [record])
    assert [(r["period_start"], r["period_end"], r["period_type"]) for r in rows] == [
        (dt.date(2023, 1, 1), dt.date(2023, 6, 30), "half"), (None, None, None)]
    assert rows[1]["value"] == 4.0 and isinstance(rows[1]["value"], float)
    table = pq.read_table(pa.BufferReader(tables.parquet_bytes("events", rows)))
    assert table.schema.field("period_start").type == pa.date32()
    assert "2023-01-01,2023-06-30,half" in tables.csv_bytes("events", rows).decode("utf-8")


def _readme_section(text: str, table: str) -> str:
    match = re.search(rf"<!-- schema:{table} -->\n(.*?)\n<!-- /schema:{table} -->", text, re.S)
    assert match, f"README has no schema block for {table}"
    return match.group(1)


@pytest.mark.parametrize("table", TABLES)
def test_readme_schema_is_the_code_schema(table):
    """The README's table of columns is generated from ``tables.COLUMNS`` (``tables.schema_markdown``)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _readme_section(readme, table) == tables.schema_markdown(table)


def test_meta_keys_need_a_table_format(tmp_path, corpus):
    with pytest.raises(ValueError, match="--meta-key"):
        run_extract([str(corpus)], tmp_path / "out", meta_keys=["date"], quiet=True)
    assert not (tmp_path / "out").exists()


def test_parquet_input_metadata_of_any_type(tmp_path):
    """A Parquet input's timestamp column is metadata JSON has no type for: it is written as its text."""
    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a"], "text": ["工业投资同比增长8.9%"],
                             "published": [dt.datetime(2023, 7, 19, 10, 30)], "views": [12]}), src)
    out = tmp_path / "out"
    summary = run_extract([str(src)], out, fmt="parquet", meta_keys=["published", "views"], quiet=True)
    assert summary["errors"] == 0 and summary["events"] == 1
    (event,) = pq.read_table(out / "events").to_pylist()
    assert (event["meta_published"], event["meta_views"]) == ("2023-07-19 10:30:00", "12")
    (doc,) = pq.read_table(out / "documents").to_pylist()
    assert json.loads(doc["meta"]) == {"published": "2023-07-19 10:30:00", "views": 12}


def test_resume_redoes_a_shard_whose_table_part_is_missing(tmp_path, corpus):
    out = tmp_path / "out"
    run_extract([str(corpus)], out, fmt="csv", shard_size=2, quiet=True, workers=1)
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.glob("*/*")}
    (out / "events" / "part-00002.csv").unlink()
    summary = run_extract([str(corpus)], out, fmt="csv", shard_size=2, resume=True, quiet=True, workers=1)
    assert summary["shards_skipped"] == 3
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.glob("*/*")} == before
