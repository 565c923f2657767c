"""Output formats of batch extraction, in one registry: the place to add a format.

A format names the parts a shard writes (in writing order: the last marks the shard complete), their
file suffix, where each part's file goes, and how a shard's document and error records become each
part's bytes.  The command line's ``--format`` choices, the part names, ``--resume``'s completeness
check and ``--force``'s view of which files are a run's all come from here.

- ``jsonl``: the nested document records of ``spec/events.md`` (what ``zhibiao render`` and the
  library read) as ``documents-00000.jsonl``, and ``errors-00000.jsonl``, side by side in the folder.
- ``csv``, ``parquet``: the four tables of ``tables`` (events, quantities, documents, errors), each in
  a folder of its own (``events/part-00000.parquet``), so each folder is one dataset of one schema.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import tables

# (part, document records, error records, metadata keys for event rows) -> the part's bytes
Encoder = Callable[[str, list[dict], list[dict], tuple[str, ...]], bytes]


@dataclass(frozen=True)
class Format:
    """An output format: its parts (in writing order; the last marks a shard complete) and encoder."""

    name: str
    suffix: str
    parts: tuple[str, ...]
    encode: Encoder
    folders: bool  # each part in a folder of its name (``events/part-00000.csv``), else ``documents-00000.jsonl``
    description: str

    def file_name(self, part: str, index: int) -> str:
        """The path, relative to the output folder, of shard ``index``'s ``part``."""
        if self.folders:
            return f"{part}/part-{index:05d}.{self.suffix}"
        return f"{part}-{index:05d}.{self.suffix}"


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


def _jsonl(part: str, records: list[dict], errors: list[dict], meta_keys: tuple[str, ...]) -> bytes:
    return jsonl_bytes(errors if part == "errors" else records)


def _table_encoder(encode: Callable[[str, list[dict], tuple[str, ...]], bytes]) -> Encoder:
    """An encoder of the four tables from an encoder of rows with a table's schema."""
    def encoder(part: str, records: list[dict], errors: list[dict], meta_keys: tuple[str, ...]) -> bytes:
        return encode(part, tables.rows(part, errors if part == "errors" else records, meta_keys), meta_keys)
    return encoder


register(Format("jsonl", "jsonl", ("errors", "documents"), _jsonl, False,
                "one document record per line (spec/events.md), errors as JSON lines"))
register(Format("csv", "csv", tables.TABLES, _table_encoder(tables.csv_bytes), True,
                "events, quantities, documents and errors tables, one folder each"))
register(Format("parquet", "parquet", tables.TABLES, _table_encoder(tables.parquet_bytes), True,
                "events, quantities, documents and errors tables, one folder each (needs pyarrow)"))
