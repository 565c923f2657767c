"""Output formats of batch extraction, in one registry: the place to add a format.

A format names the parts a shard writes besides its errors (``documents``, or ``quantities`` and
``events``), their file suffix, and how a list of document records becomes each part's bytes.  The
command line's ``--format`` choices, the part names and ``--resume``'s completeness check all come
from here.  Errors are always written as JSON lines.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

EVENT_COLUMNS = (
    "doc_id", "indicator", "indicator_id", "value", "unit", "kind", "basis", "qualifier", "period",
    "location", "value_text", "value_start", "value_end", "indicator_start", "indicator_end", "sentence", "rule",
)
QUANTITY_COLUMNS = (
    "doc_id", "text", "start", "end", "value", "upper", "unit", "label", "qualifier", "base_value", "base_unit", "currency",
)


@dataclass(frozen=True)
class Format:
    """An output format: its parts (in writing order; the last marks a shard complete) and encoder."""

    name: str
    suffix: str
    parts: tuple[str, ...]
    encode: Callable[[str, list[dict]], bytes]  # (part, document records) -> the part's bytes
    description: str


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add a format to the registry (``zhibiao extract --format NAME``)."""
    FORMATS[fmt.name] = fmt
    return fmt


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; expected one of {', '.join(FORMATS)}") from None


def jsonl_bytes(rows: Iterable[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def event_rows(records: list[dict]) -> Iterator[dict]:
    """One row per event, with its document's id and metadata (``meta_*``)."""
    for r in records:
        meta = {f"meta_{k}": v for k, v in (r.get("meta") or {}).items()}
        for e in r["events"]:
            yield {**{c: e.get(c) for c in EVENT_COLUMNS}, "doc_id": r["id"], **meta}


def quantity_rows(records: list[dict]) -> Iterator[dict]:
    """One row per quantity, with its document's id and metadata (``meta_*``)."""
    for r in records:
        meta = {f"meta_{k}": v for k, v in (r.get("meta") or {}).items()}
        for q in r["quantities"]:
            yield {**{c: q.get(c) for c in QUANTITY_COLUMNS}, "doc_id": r["id"], **meta}


_ROWS = {"events": (event_rows, EVENT_COLUMNS), "quantities": (quantity_rows, QUANTITY_COLUMNS)}


def _columns(rows: list[dict], columns: tuple[str, ...]) -> list[str]:
    return list(columns) + sorted({k for r in rows for k in r} - set(columns))


def _csv(part: str, records: list[dict]) -> bytes:
    make_rows, columns = _ROWS[part]
    rows = list(make_rows(records))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_columns(rows, columns), extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v) for k, v in r.items()})
    return buf.getvalue().encode("utf-8")


def _parquet(part: str, records: list[dict]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise RuntimeError("writing Parquet needs pyarrow: pip install 'zhibiao[parquet]'") from None
    make_rows, columns = _ROWS[part]
    rows = list(make_rows(records))
    names = _columns(rows, columns)
    table = pa.Table.from_pylist([{k: r.get(k) for k in names} for r in rows]) if rows \
        else pa.table({k: pa.array([], pa.string()) for k in names})
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


register(Format("jsonl", "jsonl", ("documents",), lambda part, records: jsonl_bytes(records),
                "one document record per line (spec/events.md)"))
register(Format("csv", "csv", ("quantities", "events"), _csv, "quantity and event tables, one row per item"))
register(Format("parquet", "parquet", ("quantities", "events"), _parquet, "quantity and event tables (needs pyarrow)"))
