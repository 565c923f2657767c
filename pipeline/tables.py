"""The four tables of a tabular output (events, quantities, documents, errors), each with one schema.

A table's columns and their types are fixed here, not inferred from the rows: every part of a run
has the same schema whatever it holds (a part with no events included), so a folder of parts reads
as one dataset in pyarrow, pandas, polars and duckdb without options, and every CSV part has the
same header.  The README's schema tables are generated from ``COLUMNS`` (a test compares them).

Input metadata is a column of the documents table (one JSON object per document, joined on
``doc_id``); ``meta_keys`` copies chosen keys onto event rows as ``meta_<key>`` string columns.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

TABLES = ("errors", "documents", "quantities", "events")  # in the order a shard writes them
META_PREFIX = "meta_"


@dataclass(frozen=True)
class Column:
    """A column: its name, its Arrow type by name (string, int64, float64 or date32: plain data the README
    can show), what it means, and the record's key it comes from when that differs from the name."""

    name: str
    type: str
    meaning: str
    source: str = ""  # the record's key, when it differs from the column name


COLUMNS: dict[str, tuple[Column, ...]] = {
    "events": (
        Column("doc_id", "string", "the document's id (joins the documents table)"),
        Column("indicator", "string", "what is measured, simplified script"),
        Column("indicator_id", "string", "the catalogue id of the indicator, when linked to one"),
        Column("value", "float64", "the fully scaled value; negative for a decrease"),
        Column("unit", "string", "the canonical unit (`%`, `pp`, `元`, `户` ...), empty for a bare number"),
        Column("kind", "string", "`level`, `change`, `share`, `rank` or `target`"),
        Column("basis", "string", "for changes: `yoy`, `mom`, `vs_prev`, else null"),
        Column("qualifier", "string", "`about`, `>`, `>=`, `<`, `<=`, else null"),
        Column("period", "string", "the time expression as written, simplified"),
        Column("period_start", "date32", "first day of the period, when resolved"),
        Column("period_end", "date32", "last day of the period, when resolved"),
        Column("period_type", "string", "what kind of period (year, half, quarter, month ...), when resolved"),
        Column("location", "string", "the place the statement is about, when named"),
        Column("value_text", "string", "the quantity as written in the original text"),
        Column("value_start", "int64", "offset of the quantity in the original text"),
        Column("value_end", "int64", "end offset (exclusive) of the quantity"),
        Column("indicator_start", "int64", "offset of the indicator, when one contiguous span"),
        Column("indicator_end", "int64", "end offset (exclusive) of the indicator"),
        Column("sentence", "string", "the sentence of the event, original text"),
        Column("rule", "string", "the id of the linker rule that made the event"),
    ),
    "quantities": (
        Column("doc_id", "string", "the document's id (joins the documents table)"),
        Column("text", "string", "the quantity as written, number and unit"),
        Column("start", "int64", "offset of `text` in the original text"),
        Column("end", "int64", "end offset (exclusive) of `text`"),
        Column("value", "float64", "the fully scaled value (the lower bound of a range)"),
        Column("upper", "float64", "the upper bound of a range, else null"),
        Column("unit", "string", "the canonical unit, empty for a bare number"),
        Column("label", "string", "`PERCENT`, `MONEY`, `QUANTITY`, `CARDINAL`, `ORDINAL` or `FRACTION`"),
        Column("qualifier", "string", "`about`, `>`, `>=`, `<`, `<=`, else null"),
        Column("base_value", "float64", "for a physical unit, the value in its base unit"),
        Column("base_unit", "string", "the base unit of `base_value` (`kg`, `m` ...)"),
        Column("currency", "string", "ISO 4217 code for money"),
    ),
    "documents": (
        Column("doc_id", "string", "the document's id", "id"),
        Column("text", "string", "the original text, which every offset points into"),
        Column("chars", "int64", "the length of `text` in characters"),
        Column("quantities", "int64", "how many quantities the document holds"),
        Column("events", "int64", "how many events the document holds"),
        Column("meta", "string", "the input's other keys, one JSON object (null when there are none)"),
    ),
    "errors": (
        Column("doc_id", "string", "the document's id, when it could be read", "id"),
        Column("source", "string", "the input file"),
        Column("line", "int64", "the line (or row) in the input file"),
        Column("error", "string", "what went wrong"),
    ),
}


def columns(table: str, meta_keys: tuple[str, ...] = ()) -> tuple[Column, ...]:
    """The columns of ``table``; event rows also get one string column per chosen metadata key."""
    extra = tuple(Column(META_PREFIX + k, "string", f"the input's `{k}`", k) for k in meta_keys) \
        if table == "events" else ()
    return COLUMNS[table] + extra


def arrow_schema(table: str, meta_keys: tuple[str, ...] = ()):
    """The Arrow schema of ``table`` (every column nullable)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "date32": pa.date32()}
    return pa.schema([pa.field(c.name, types[c.type]) for c in columns(table, meta_keys)])


# --------------------------------------------------------------------------- rows of each table


def _json(value: Any) -> str:
    """JSON of input metadata; a value JSON has no type for (a Parquet input's timestamp) as its text."""
    return json.dumps(value, ensure_ascii=False, default=str)


def _meta_text(value: Any) -> str | None:
    """A metadata value as a string column holds it: numbers, booleans, lists and objects as JSON,
    anything else (a string, a timestamp) as its text."""
    if value is None:
        return None
    return _json(value) if isinstance(value, (int, float, list, dict)) else str(value)


def _date(value: Any) -> dt.date | None:
    """An ISO date (``2023-06-30``) of a record as a date; a value that is not one is a bug upstream."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


_CONVERT = {"float64": _number, "date32": _date}


def _row(item: dict, cols: tuple[Column, ...]) -> dict[str, Any]:
    row = {}
    for c in cols:
        value = item.get(c.source or c.name)
        row[c.name] = _CONVERT[c.type](value) if c.type in _CONVERT else value
    return row


def event_rows(records: list[dict], meta_keys: tuple[str, ...] = ()) -> Iterator[dict]:
    """One row per event, with its document's id and the chosen metadata keys."""
    cols = COLUMNS["events"]
    for r in records:
        meta = r.get("meta") or {}
        chosen = {META_PREFIX + k: _meta_text(meta.get(k)) for k in meta_keys}
        for e in r["events"]:
            yield {**_row(e, cols), "doc_id": r["id"], **chosen}


def quantity_rows(records: list[dict]) -> Iterator[dict]:
    """One row per quantity, with its document's id."""
    cols = COLUMNS["quantities"]
    for r in records:
        for q in r["quantities"]:
            yield {**_row(q, cols), "doc_id": r["id"]}


def document_rows(records: list[dict]) -> Iterator[dict]:
    """One row per document: id, text, counts and its metadata as one JSON object."""
    for r in records:
        meta = r.get("meta")
        yield {"doc_id": r["id"], "text": r["text"], "chars": len(r["text"]), "quantities": len(r["quantities"]),
               "events": len(r["events"]), "meta": _json(meta) if meta else None}


def error_rows(errors: list[dict]) -> Iterator[dict]:
    """One row per document that failed (the batch's error records)."""
    return (_row(e, COLUMNS["errors"]) for e in errors)


def rows(table: str, records: list[dict], meta_keys: tuple[str, ...] = ()) -> list[dict]:
    """The rows of ``table`` for a shard: document records, or error records for ``errors``."""
    if table == "events":
        return list(event_rows(records, meta_keys))
    if table == "quantities":
        return list(quantity_rows(records))
    if table == "documents":
        return list(document_rows(records))
    return list(error_rows(records))


# --------------------------------------------------------------------------- encoders


def parquet_bytes(table: str, rows: list[dict], meta_keys: tuple[str, ...] = ()) -> bytes:
    """A Parquet file of ``rows`` with the table's schema, also when there are no rows."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise RuntimeError("writing Parquet needs pyarrow: pip install 'zhibiao[parquet]'") from None
    arrow = pa.Table.from_pylist(rows, schema=arrow_schema(table, meta_keys))
    sink = pa.BufferOutputStream()
    pq.write_table(arrow, sink)
    return sink.getvalue().to_pybytes()


def csv_bytes(table: str, rows: list[dict], meta_keys: tuple[str, ...] = ()) -> bytes:
    """A CSV file of ``rows``: the header is the table's columns, in every part; null is an empty cell, a
    date ISO text, a float64 always written with its point (``676000000.0``), so no part reads as integers."""
    names = [c.name for c in columns(table, meta_keys)]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=names)
    writer.writeheader()
    for r in rows:
        writer.writerow({k: r.get(k) for k in names})
    return buf.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- documentation


def markdown_table(fields: Iterable[tuple[str, str, str]]) -> str:
    """A Markdown table of (column, type, meaning) rows, as the README shows a schema."""
    lines = ["| column | type | meaning |", "|---|---|---|"]
    lines += [f"| `{name}` | {kind} | {meaning} |" for name, kind, meaning in fields]
    return "\n".join(lines)


def schema_markdown(table: str) -> str:
    """The README's table of ``table``'s columns."""
    return markdown_table((c.name, c.type, c.meaning) for c in COLUMNS[table])


# --------------------------------------------------------------------------- reading back


def _read_part(path, table: str) -> list[dict]:
    """The rows of one part file, typed by the table's schema (CSV cells parsed as its columns)."""
    import pyarrow.parquet as pq
    from pyarrow import csv as pacsv

    if path.suffix == ".parquet":
        arrow = pq.read_table(path)
    else:
        with path.open(encoding="utf-8") as fh:
            names = next(csv.reader([fh.readline()]))
        meta_keys = tuple(n[len(META_PREFIX):] for n in names if n.startswith(META_PREFIX))
        arrow = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(
            column_types=arrow_schema(table, meta_keys), strings_can_be_null=True))
    return arrow.to_pylist()


def _item(row: dict, table: str) -> dict:
    """A contract item (event or quantity) of a table row: no ``doc_id`` or ``meta_*``, dates as ISO text."""
    return {c.name: (row.get(c.name).isoformat() if isinstance(row.get(c.name), dt.date) else row.get(c.name))
            for c in COLUMNS[table] if c.name != "doc_id"}


def read_records(folder, suffix: str) -> list[dict]:
    """Document records (``spec/events.md``) rebuilt from the tables of an output folder, in input order.

    Shard by shard (``documents/part-00003`` with ``events/part-00003`` ...): a part's event and
    quantity rows follow its documents' order, so the counts of the documents table cut them into
    documents (ids need not be unique).
    """
    from pathlib import Path

    folder = Path(folder)
    records: list[dict] = []
    for path in sorted((folder / "documents").glob(f"part-*.{suffix}")):
        docs = _read_part(path, "documents")
        items = {table: iter(_read_part(folder / table / path.name, table)) for table in ("quantities", "events")}
        for row in docs:
            record = {"id": row["doc_id"], "text": row["text"] or ""}
            for table, rows in items.items():
                record[table] = [_item(next(rows), table) for _ in range(row[table] or 0)]
            if row.get("meta"):
                record["meta"] = json.loads(row["meta"])
            records.append(record)
    return records
