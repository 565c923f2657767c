"""Read news documents from .txt, .jsonl, .jsonl.gz and .parquet files, one shard at a time.

A corpus is cut into shards (a whole file, or a range of lines of a large
JSONL/text file) so that workers can process them independently and a killed
run can resume shard by shard.  Reading never raises for one bad document:
it yields an ``ErrorRecord`` naming the file and line, and goes on.
"""
from __future__ import annotations

import glob
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".parquet")


@dataclass(frozen=True)
class Shard:
    """A unit of work: lines ``[start, stop)`` of one file (all of it for a per-file shard)."""

    index: int
    path: str
    kind: str  # "txt", "lines", "jsonl", "parquet"
    start: int = 0
    stop: int | None = None


@dataclass
class Document:
    id: str
    text: str
    source: str
    line: int
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class ErrorRecord:
    id: str | None
    source: str
    line: int
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "line": self.line, "error": self.message}


@dataclass(frozen=True)
class ReadOptions:
    lines: bool = False
    text_key: str = "text"
    id_key: str = "id"


def _suffix(path: Path) -> str | None:
    name = path.name.lower()
    return next((s for s in SUFFIXES if name.endswith(s)), None)


def expand_inputs(inputs: list[str]) -> list[Path]:
    """Files named by ``inputs`` (files, folders searched recursively, globs), sorted, deduplicated."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and _suffix(p))
        elif path.is_file():
            if not _suffix(path):
                raise ValueError(f"{item}: unsupported file type; expected one of {', '.join(SUFFIXES)}")
            found.append(path)
        else:
            matches = [Path(m) for m in sorted(glob.glob(item, recursive=True)) if _suffix(Path(m))]
            if not matches:
                raise FileNotFoundError(f"{item}: no such file, folder or matching glob")
            found.extend(matches)
    seen: set[Path] = set()
    return [p for p in found if not (p.resolve() in seen or seen.add(p.resolve()))]


def _open_text(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _count_lines(path: Path) -> int:
    with _open_text(path) as fh:
        return sum(1 for _ in fh)


def plan_shards(paths: list[Path], options: ReadOptions, shard_size: int) -> list[Shard]:
    """Cut the inputs into shards of at most ``shard_size`` documents (line-based files) or one file each."""
    shards: list[Shard] = []
    for path in paths:
        suffix = _suffix(path)
        if suffix == ".parquet":
            shards.append(Shard(len(shards), str(path), "parquet"))
        elif suffix == ".txt" and not options.lines:
            shards.append(Shard(len(shards), str(path), "txt"))
        else:
            kind = "lines" if suffix == ".txt" else "jsonl"
            total = _count_lines(path)
            for start in range(0, max(total, 1), shard_size):
                shards.append(Shard(len(shards), str(path), kind, start, min(start + shard_size, total)))
    return shards


def read_shard(shard: Shard, options: ReadOptions) -> Iterator[Document | ErrorRecord]:
    """Documents of one shard in order, with an ``ErrorRecord`` in place of each unreadable one."""
    path = Path(shard.path)
    if shard.kind == "txt":
        yield _read_txt(path)
    elif shard.kind == "parquet":
        yield from _read_parquet(path, options)
    else:
        yield from _read_lines(shard, options)


def _read_txt(path: Path) -> Document | ErrorRecord:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return ErrorRecord(path.stem, str(path), line, f"not valid UTF-8 at byte {err.start}: {err.reason}")
    return Document(path.stem, text, str(path), 1)


def _read_lines(shard: Shard, options: ReadOptions) -> Iterator[Document | ErrorRecord]:
    path = Path(shard.path)
    stem = path.name.split(".")[0]
    with _open_text(path) as fh:
        for number, raw in enumerate(fh, start=1):
            index = number - 1
            if index < shard.start:
                continue
            if shard.stop is not None and index >= shard.stop:
                break
            default_id = f"{stem}:{number}"
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
            except UnicodeDecodeError as err:
                yield ErrorRecord(default_id, str(path), number, f"not valid UTF-8 at byte {err.start}: {err.reason}")
                continue
            if shard.kind == "lines":
                yield Document(default_id, line, str(path), number)
                continue
            if not line.strip():
                continue
            yield _record_to_document(line, default_id, str(path), number, options)


def _record_to_document(line: str, default_id: str, source: str, number: int, options: ReadOptions) -> Document | ErrorRecord:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return ErrorRecord(default_id, source, number, f"malformed JSON: {err.msg} (column {err.colno})")
    if not isinstance(record, dict):
        return ErrorRecord(default_id, source, number, f"expected a JSON object, got {type(record).__name__}")
    return dict_to_document(record, default_id, source, number, options)


def dict_to_document(record: dict, default_id: str, source: str, number: int, options: ReadOptions) -> Document | ErrorRecord:
    doc_id = record.get(options.id_key)
    doc_id = default_id if doc_id is None else str(doc_id)
    if options.text_key not in record:
        return ErrorRecord(doc_id, source, number, f"missing text key {options.text_key!r} (keys: {', '.join(map(str, record))})")
    text = record[options.text_key]
    if not isinstance(text, str):
        return ErrorRecord(doc_id, source, number, f"text key {options.text_key!r} holds {type(text).__name__}, not a string")
    meta = {k: v for k, v in record.items() if k not in (options.text_key, options.id_key)}
    if isinstance(meta.get("meta"), dict) and len(meta) == 1:
        meta = meta["meta"]
    return Document(doc_id, text, source, number, meta)


def _read_parquet(path: Path, options: ReadOptions) -> Iterator[Document | ErrorRecord]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield ErrorRecord(None, str(path), 0, "reading .parquet needs pyarrow: pip install 'zhibiao[parquet]'")
        return
    table = pq.read_table(path)
    if options.text_key not in table.column_names:
        yield ErrorRecord(None, str(path), 0, f"missing column {options.text_key!r} (columns: {', '.join(table.column_names)})")
        return
    stem = path.name.split(".")[0]
    for number, row in enumerate(table.to_pylist(), start=1):
        yield dict_to_document(row, f"{stem}:{number}", str(path), number, options)
