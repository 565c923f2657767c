"""Read news documents from .txt, .html, .jsonl, .jsonl.gz and .parquet files, one shard at a time.

A corpus is cut into shards so that workers can process them independently and a killed run can
resume shard by shard.  A shard is a list of pieces (a whole file, or a range of lines of a
line-based file) packed in input order up to a budget, so that many small files share one shard
and a large file is cut into several.  Reading never raises for one bad document: it yields an
``ErrorRecord`` naming the file and line, and goes on.
"""
from __future__ import annotations

import glob
import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".parquet", ".html", ".htm")
MARKUP = (".html", ".htm")  # one document per file, its markup read as white space
DAMAGED = (EOFError, OSError, zlib.error)
"""What reading a truncated or corrupt ``.gz`` raises (``gzip.BadGzipFile`` is an ``OSError``)."""
DOCUMENT_BYTES = 4096
"""Input bytes of a typical document (a news article of about 1,300 characters of UTF-8): a shard
holds at most ``shard_size`` documents and ``shard_size * DOCUMENT_BYTES`` bytes, so that a shard of
long documents still fits comfortably in a worker's memory."""


@dataclass(frozen=True)
class Piece:
    """Lines ``[start, stop)`` of one line-based file, or a whole file (``stop`` is None)."""

    path: str
    kind: str  # "txt", "html", "lines", "jsonl", "parquet"
    start: int = 0
    stop: int | None = None


@dataclass(frozen=True)
class Shard:
    """A unit of work: pieces read in order into one set of part files."""

    index: int
    pieces: tuple[Piece, ...]
    documents: int  # as planned (files, non-blank lines, Parquet rows): the progress display's total


@dataclass
class Document:
    id: str
    text: str
    source: str
    line: int
    meta: dict[str, Any] = field(default_factory=dict)
    html: bool = False  # markup to read as white space (an HTML file)


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


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and path.resolve().is_relative_to(folder)


def expand_inputs(inputs: list[str], exclude: Path | None = None) -> list[Path]:
    """Files named by ``inputs`` (files, folders searched recursively, globs), sorted, deduplicated.
    A folder's files under ``exclude`` (the run's output folder) are left out: parts written into an
    input folder must not be read back as input by the next run."""
    found: list[Path] = []
    skip = exclude.resolve() if exclude is not None else None
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and _suffix(p) and not _inside(p, skip))
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


def is_markup(path: Path) -> bool:
    """An HTML file: one document, read with its markup as white space."""
    return _suffix(path) in MARKUP


def _open_text(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _kind(path: Path, options: ReadOptions) -> str:
    suffix = _suffix(path)
    if suffix == ".parquet":
        return "parquet"
    if suffix in MARKUP:
        return "html"
    if suffix == ".txt":
        return "lines" if options.lines else "txt"
    return "jsonl"


def _parquet_rows(path: Path) -> int:
    """Rows of a Parquet file from its footer; 1 (the error record it will give) without pyarrow or
    for a damaged file."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        return 1
    try:
        return pq.ParquetFile(path).metadata.num_rows
    except (OSError, ValueError):  # pyarrow's ArrowInvalid is a ValueError
        return 1


def _weighed_pieces(path: Path, kind: str) -> Iterator[tuple[Piece, int, int]]:
    """``(piece, documents, bytes)`` for a whole file, or for each line of a line-based file."""
    if kind in ("txt", "html"):
        yield Piece(str(path), kind), 1, path.stat().st_size
    elif kind == "parquet":
        yield Piece(str(path), kind), _parquet_rows(path), path.stat().st_size
    else:
        read = 0
        try:
            with _open_text(path) as fh:
                for index, raw in enumerate(fh):
                    documents = 1 if kind == "lines" or raw.strip() else 0  # blank JSONL lines are skipped
                    yield Piece(str(path), kind, index, index + 1), documents, len(raw)
                    read = index + 1
        except DAMAGED:  # the line where reading fails becomes the input's error record
            yield Piece(str(path), kind, read, read + 1), 1, 0


@dataclass
class _Packer:
    """Packs pieces into shards in input order, closing a shard before it would pass either budget."""

    max_documents: int
    max_bytes: int
    shards: list[Shard] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    documents: int = 0
    size: int = 0

    def add(self, piece: Piece, documents: int, size: int) -> None:
        if self.pieces and (self.documents + documents > self.max_documents or self.size + size > self.max_bytes):
            self.close()
        last = self.pieces[-1] if self.pieces else None
        if last is not None and last.path == piece.path and last.stop == piece.start:
            self.pieces[-1] = replace(last, stop=piece.stop)  # the next line of the same file
        else:
            self.pieces.append(piece)
        self.documents += documents
        self.size += size

    def close(self) -> None:
        if self.pieces:
            self.shards.append(Shard(len(self.shards), tuple(self.pieces), self.documents))
        self.pieces, self.documents, self.size = [], 0, 0


def plan_shards(paths: list[Path], options: ReadOptions, shard_size: int) -> list[Shard]:
    """Pack the inputs into shards of at most ``shard_size`` documents and ``shard_size * DOCUMENT_BYTES``
    bytes: small files share a shard, a large line-based file is cut at line boundaries, and a single
    file or line over the budget is a shard of its own.  Shards follow input order."""
    packer = _Packer(shard_size, shard_size * DOCUMENT_BYTES)
    for path in paths:
        for piece, documents, size in _weighed_pieces(path, _kind(path, options)):
            packer.add(piece, documents, size)
    packer.close()
    return packer.shards


def read_shard(shard: Shard, options: ReadOptions) -> Iterator[Document | ErrorRecord]:
    """Documents of one shard in order, with an ``ErrorRecord`` in place of each unreadable one."""
    for piece in shard.pieces:
        yield from read_piece(piece, options)


def read_piece(piece: Piece, options: ReadOptions) -> Iterator[Document | ErrorRecord]:
    """Documents of one file, or of a range of its lines."""
    path = Path(piece.path)
    if piece.kind in ("txt", "html"):
        yield _read_txt(path)
    elif piece.kind == "parquet":
        yield from _read_parquet(path, options)
    else:
        yield from _read_lines(piece, options)


def _read_txt(path: Path) -> Document | ErrorRecord:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return ErrorRecord(path.stem, str(path), line, f"not valid UTF-8 at byte {err.start}: {err.reason}")
    return Document(path.stem, text, str(path), 1, html=is_markup(path))


def _numbered_lines(piece: Piece) -> Iterator[tuple[int, bytes] | ErrorRecord]:
    """``(number, raw line)`` of a piece's lines, and an error record naming the file and line where a
    damaged compressed file stops (the lines before it are read; the run goes on with other inputs)."""
    number = piece.start
    try:
        with _open_text(Path(piece.path)) as fh:
            for number, raw in enumerate(islice(fh, piece.start, piece.stop), start=piece.start + 1):
                yield number, raw
    except DAMAGED as err:
        yield ErrorRecord(None, piece.path, number + 1, f"cannot read the file from this line on: {err}")


def _read_lines(piece: Piece, options: ReadOptions) -> Iterator[Document | ErrorRecord]:
    path = Path(piece.path)
    stem = path.name.split(".")[0]
    for item in _numbered_lines(piece):
        if isinstance(item, ErrorRecord):
            yield item
            return
        number, raw = item
        default_id = f"{stem}:{number}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
        except UnicodeDecodeError as err:
            yield ErrorRecord(default_id, str(path), number, f"not valid UTF-8 at byte {err.start}: {err.reason}")
            continue
        if piece.kind == "lines":
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
    try:
        table = pq.read_table(path)
    except (OSError, ValueError) as err:  # a damaged file: one error record, and the run goes on
        yield ErrorRecord(None, str(path), 0, f"cannot read the Parquet file: {err}")
        return
    if options.text_key not in table.column_names:
        yield ErrorRecord(None, str(path), 0, f"missing column {options.text_key!r} (columns: {', '.join(table.column_names)})")
        return
    stem = path.name.split(".")[0]
    for number, row in enumerate(table.to_pylist(), start=1):
        yield dict_to_document(row, f"{stem}:{number}", str(path), number, options)
