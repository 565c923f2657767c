"""Indicator time series across a corpus: the events of many documents grouped into data points.

A point is one group of events with the same indicator (its ``indicator_id``, else its name without
white space and quotation marks), location, period (``period_start``/``period_end`` when resolved,
else the period as written), kind, basis and unit.  Each point keeps every report that supports it
(document, offsets, value as written) and is flagged ``conflict`` when two reports disagree beyond
rounding.

Rounding: a value is taken to be exact to half a step of its last written digit, scaled as the value
is: ``3.8%`` is 3.8 ± 0.05, ``6.76亿户`` is 676,000,000 ± 500,000, ``13926万吨`` is 139,260,000 ±
5,000.  A value written without Arabic digits (``三千家``, ``过半``) is exact to half a step of its
last non-zero digit (3,000 ± 500).  Two reports agree when their intervals overlap (touching is not
enough: ``3.8%`` and ``3.9%`` disagree).  The point's
value is that of the most precise report when all agree; in a conflict, the value most reports give
(ties: the most precise, then the first).
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from .evaluate import clean_indicator

_NUMBER = re.compile(r"[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?")
_REL_EPS = 1e-9  # floating-point slack when comparing values


def _decimal(value: float) -> Decimal:
    return Decimal(repr(float(value)))


def rounding_step(value: float, value_text: str | None) -> float:
    """The step of the last digit a value was written with, scaled as the value is (see the module)."""
    match = _NUMBER.search(value_text or "")
    if match:
        written = unicodedata.normalize("NFKC", match.group()).replace(",", "").replace("，", "")
        number = Decimal(written)
        exponent = number.as_tuple().exponent
        scale = abs(_decimal(value) / number) if number else Decimal(1)
        return float(scale * Decimal(10) ** exponent)
    exact = _decimal(value).normalize()
    return float(Decimal(10) ** exact.as_tuple().exponent) if exact else 1.0


def agree(a: float, step_a: float, b: float, step_b: float) -> bool:
    """Whether two reported values can be the same number rounded: their half-step intervals overlap
    (touching is not enough: 3.8 and 3.9 disagree, 3.8 and 3.85 agree)."""
    return abs(a - b) < (step_a + step_b) / 2 * (1 - _REL_EPS)


@dataclass(frozen=True)
class Report:
    """One event that supports a point: where it is and what it says."""

    doc_index: int  # position of the document in the input (links to its page)
    event_index: int  # position of the event in its document's list
    doc_id: str
    value: float
    step: float
    value_text: str | None
    value_start: int | None
    value_end: int | None
    sentence: str | None
    indicator: str | None
    period: str | None


@dataclass
class Point:
    """One row of the series table (``conflict`` and ``best`` are computed once, after grouping)."""

    indicator: str
    indicator_id: str | None
    location: str | None
    period_start: str | None
    period_end: str | None
    kind: str | None
    basis: str | None
    unit: str | None
    reports: list[Report] = field(default_factory=list)

    @cached_property
    def conflict(self) -> bool:
        rs = self.reports
        return any(not agree(a.value, a.step, b.value, b.step) for i, a in enumerate(rs) for b in rs[i + 1:])

    @cached_property
    def best(self) -> Report:
        """The report whose value the point takes (see the module)."""
        if not self.conflict:
            return min(self.reports, key=lambda r: r.step)  # min keeps the first of equals
        counts = [sum(math.isclose(r.value, o.value, rel_tol=_REL_EPS) for o in self.reports) for r in self.reports]
        return min(zip(self.reports, counts), key=lambda rc: (-rc[1], rc[0].step))[0]

    @property
    def period(self) -> str | None:
        """The period as most reports write it (the first on ties)."""
        return _most_common([r.period for r in self.reports])

    @property
    def name(self) -> str | None:
        return _most_common([r.indicator for r in self.reports])

    def row(self) -> dict[str, Any]:
        best = self.best
        values = [r.value for r in self.reports]
        return {
            "indicator": self.indicator, "indicator_id": self.indicator_id, "name": self.name,
            "location": self.location, "period": self.period, "period_start": self.period_start,
            "period_end": self.period_end, "kind": self.kind, "basis": self.basis, "unit": self.unit,
            "value": best.value, "step": best.step, "min_value": min(values), "max_value": max(values),
            "reports": len(self.reports), "conflict": self.conflict,
            "documents": list(dict.fromkeys(r.doc_id for r in self.reports)),
            "sources": [{"doc_id": r.doc_id, "value": r.value, "value_text": r.value_text,
                         "value_start": r.value_start, "value_end": r.value_end, "sentence": r.sentence}
                        for r in self.reports],
        }


def _most_common(items: list[str | None]) -> str | None:
    present = [x for x in items if x]
    return max(dict.fromkeys(present), key=present.count) if present else None


def _clean(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _iso(value: Any) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else _clean(value)


def point_key(event: dict) -> tuple:
    """What two events must share to be one point (see the module)."""
    start, end = _iso(event.get("period_start")), _iso(event.get("period_end"))
    period = (start, end) if start and end else (None, None, clean_indicator(event.get("period")) or None)
    indicator = _clean(event.get("indicator_id")) or clean_indicator(event.get("indicator"))
    return (indicator, _clean(event.get("location")), period, event.get("kind"), event.get("basis"),
            event.get("unit") or "")


def _events(records: list[dict]) -> Iterator[tuple[int, int, dict, dict]]:
    for i, record in enumerate(records):
        for j, event in enumerate(record.get("events") or []):
            if isinstance(event, dict) and isinstance(event.get("value"), (int, float)) \
                    and not isinstance(event.get("value"), bool) and math.isfinite(event["value"]):
                yield i, j, record, event


def group_points(records: list[dict]) -> list[Point]:
    """The points of a corpus's document records, ordered by indicator, place, kind, basis, unit, period."""
    points: dict[tuple, Point] = {}
    for i, j, record, event in _events(records):
        key = point_key(event)
        if not key[0]:
            continue
        point = points.get(key)
        if point is None:
            indicator, location, period, kind, basis, unit = key
            point = points[key] = Point(
                indicator=indicator, indicator_id=_clean(event.get("indicator_id")), location=location,
                period_start=period[0], period_end=period[1], kind=kind, basis=basis, unit=unit)
        value = float(event["value"])
        point.reports.append(Report(
            doc_index=i, event_index=j, doc_id=f"#{i + 1}" if record.get("id") is None else str(record["id"]),
            value=value, step=rounding_step(value, event.get("value_text")), value_text=event.get("value_text"),
            value_start=event.get("value_start"), value_end=event.get("value_end"), sentence=event.get("sentence"),
            indicator=event.get("indicator"), period=_clean(event.get("period"))))
    return sorted(points.values(), key=_order)


def _order(p: Point) -> tuple:
    def text(x: Any) -> tuple[bool, str]:
        return (x is None, "" if x is None else str(x))

    return (text(p.indicator), text(p.location), text(p.kind), text(p.basis), text(p.unit),
            text(p.period_start), text(p.period_end), text(p.period))


def build_series(source: str | Path | list[dict]) -> list[dict]:
    """The series table's rows (one per point) of an extract output folder (any format), a records
    ``.jsonl`` file, or a list of document records."""
    from .render import read_records  # render reads every output format; it imports nothing from here

    records = source if isinstance(source, list) else read_records(source)
    return [p.row() for p in group_points(records)]


SERIES_FIELDS = (
    ("indicator", "string", "`indicator_id`, else the indicator name without white space and quotation marks"),
    ("indicator_id", "string", "the catalogue id, when the events have one"),
    ("name", "string", "the indicator as most reports write it"),
    ("location", "string", "the place, when named"),
    ("period", "string", "the period as most reports write it"),
    ("period_start", "date32", "first day of the period, when resolved"),
    ("period_end", "date32", "last day of the period, when resolved"),
    ("kind", "string", "`level`, `change`, `share`, `rank` or `target`"),
    ("basis", "string", "`yoy`, `mom`, `vs_prev` or null"),
    ("unit", "string", "the canonical unit"),
    ("value", "float64", "the point's value (see rounding)"),
    ("step", "float64", "the step of the last digit `value` was written with"),
    ("min_value", "float64", "the lowest value reported"),
    ("max_value", "float64", "the highest value reported"),
    ("reports", "int64", "how many events report the point"),
    ("conflict", "bool", "whether two reports disagree beyond rounding"),
    ("documents", "list<string>", "the ids of the documents that report it, in input order"),
    ("sources", "list<struct>", "each report: `doc_id`, `value`, `value_text`, `value_start`, `value_end`, `sentence`"),
)


def series_schema():
    """The Arrow schema of the series table."""
    import pyarrow as pa

    source = pa.struct([("doc_id", pa.string()), ("value", pa.float64()), ("value_text", pa.string()),
                        ("value_start", pa.int64()), ("value_end", pa.int64()), ("sentence", pa.string())])
    types = {"string": pa.string(), "float64": pa.float64(), "int64": pa.int64(), "bool": pa.bool_(),
             "date32": pa.date32(), "list<string>": pa.list_(pa.string()), "list<struct>": pa.list_(source)}
    return pa.schema([pa.field(name, types[kind]) for name, kind, _ in SERIES_FIELDS])


def write_series(rows: list[dict], path: str | Path) -> Path:
    """Write the series table as Parquet (needs pyarrow)."""
    import datetime as dt

    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise RuntimeError("writing Parquet needs pyarrow: pip install 'zhibiao[parquet]'") from None
    dated = [{**r, **{k: dt.date.fromisoformat(r[k]) if r[k] else None for k in ("period_start", "period_end")}}
             for r in rows]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(dated, schema=series_schema()), path)
    return path
