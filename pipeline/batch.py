"""Batch extraction: shards of documents in, part files of records out.

The unit of work is a shard (see ``readers``).  ``process_shard`` is a plain
function that sets up extraction once per process, writes its part files
atomically (temporary name, then rename; the results part is renamed last, so
its presence means the shard is complete) and returns only counts: spaCy
``Doc`` objects never cross a process boundary.  Executors (a local process
pool, or Dask) only decide where ``process_shard`` runs.
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from .extractor import Extractor
from .readers import (
    Document,
    ErrorRecord,
    ReadOptions,
    Shard,
    expand_inputs,
    plan_shards,
    read_shard,
)
from .writers import get_format, jsonl_bytes

@dataclass(frozen=True)
class ExtractOptions:
    """Everything a worker needs to process a shard; plain data, so it pickles to any executor."""

    out_dir: str
    fmt: str = "jsonl"
    read: ReadOptions = field(default_factory=ReadOptions)
    fast_path: bool = True
    units: str | None = None  # a units file instead of the bundled one
    rules: tuple[str, ...] | None = None  # linker rule files instead of the bundled ones


@dataclass
class ShardResult:
    shard: int
    documents: int = 0
    with_events: int = 0
    events: int = 0
    quantities: int = 0
    errors: int = 0
    chars: int = 0
    skipped: bool = False


def part_names(shard: Shard, fmt: str) -> dict[str, str]:
    """File names of a shard's parts, in writing order: the last one marks the shard complete."""
    stem = f"{shard.index:05d}"
    f = get_format(fmt)
    return {"errors": f"errors-{stem}.jsonl", **{part: f"{part}-{stem}.{f.suffix}" for part in f.parts}}


def is_complete(shard: Shard, opts: ExtractOptions) -> bool:
    return all((Path(opts.out_dir) / n).exists() for n in part_names(shard, opts.fmt).values())


@lru_cache(maxsize=2)
def worker_nlp(units: str | None, rules: tuple[str, ...] | None):
    """The full spaCy pipeline of this process, loaded once (used when the fast path is off)."""
    from .api import load

    overrides: dict[str, Any] = {}
    if units is not None:
        overrides["initialize.components.zhibiao_quantities.units_path"] = units
    if rules is not None:
        overrides["initialize.components.zhibiao_indicators.rules_paths"] = list(rules)
    return load(**overrides)


@lru_cache(maxsize=2)
def worker_extractor(units: str | None, rules: tuple[str, ...] | None) -> Extractor:
    """The pure stages of this process with the run's rule files, built once."""
    return Extractor(units=units, rules=rules)


def extractor(opts: ExtractOptions) -> Callable[[str], dict[str, Any]]:
    """Text -> contract record: the pure stages (fast path) or the full spaCy pipeline."""
    if opts.fast_path:
        return worker_extractor(opts.units, opts.rules)
    from .api import to_records

    nlp = worker_nlp(opts.units, opts.rules)
    return lambda text: to_records(nlp(text))


def extract_document(doc: Document, extract: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """The contract's record of one document, with its id and metadata."""
    record = {"id": doc.id, **extract(doc.text)}
    if doc.meta:
        record["meta"] = doc.meta
    return record


def process_shard(shard: Shard, opts: ExtractOptions) -> ShardResult:
    """Process one shard, write its parts atomically, return counts only."""
    result = ShardResult(shard.index)
    if is_complete(shard, opts):
        result.skipped = True
        return result
    extract = extractor(opts)
    records: list[dict] = []
    errors: list[dict] = []
    for item in read_shard(shard, opts.read):
        if isinstance(item, ErrorRecord):
            errors.append(item.to_dict())
            continue
        try:
            record = extract_document(item, extract)
        except Exception as err:  # one failing document must not stop the shard
            errors.append(ErrorRecord(item.id, item.source, item.line, f"{type(err).__name__}: {err}").to_dict())
            continue
        records.append(record)
        result.documents += 1
        result.chars += len(item.text)
        result.events += len(record["events"])
        result.quantities += len(record["quantities"])
        result.with_events += bool(record["events"])
    result.errors = len(errors)
    write_parts(shard, opts, records, errors)
    return result


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_parts(shard: Shard, opts: ExtractOptions, records: list[dict], errors: list[dict]) -> None:
    """Write a shard's parts, each atomically, in the order of ``part_names``."""
    f = get_format(opts.fmt)
    for part, name in part_names(shard, opts.fmt).items():
        data = jsonl_bytes(errors) if part == "errors" else f.encode(part, records)
        _atomic_write(Path(opts.out_dir) / name, data)


class Executor(Protocol):
    """Where shards run: the one seam between the local and the cluster path."""

    def map_shards(self, shards: list[Shard], opts: ExtractOptions) -> Iterator[ShardResult]: ...


class SerialExecutor:
    def map_shards(self, shards: list[Shard], opts: ExtractOptions) -> Iterator[ShardResult]:
        for shard in shards:
            yield process_shard(shard, opts)


class ProcessExecutor:
    """Shards in worker processes; each process loads the pipeline once."""

    def __init__(self, workers: int):
        self.workers = workers

    def map_shards(self, shards: list[Shard], opts: ExtractOptions) -> Iterator[ShardResult]:
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            futures = [pool.submit(process_shard, s, opts) for s in shards]
            for fut in as_completed(futures):
                yield fut.result()


class DaskExecutor:
    """Shards as tasks on a Dask cluster (``tcp://host:8786``) or a local cluster (``address=None``)."""

    def __init__(self, address: str | None = None, workers: int = 2):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise RuntimeError("the Dask engine needs dask[distributed]: pip install 'zhibiao[dask]'") from None
        self._cluster = None
        if address is None:
            # Without a dashboard the scheduler still serves HTTP, on 8787 by default: take any free
            # port, so that two local clusters on one machine do not collide.
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                                         processes=True, scheduler_kwargs={"dashboard_address": ":0"})
            address = self._cluster.scheduler_address
        self.client = Client(address)

    def map_shards(self, shards: list[Shard], opts: ExtractOptions) -> Iterator[ShardResult]:
        from dask.distributed import as_completed as dask_completed

        futures = self.client.map(process_shard, shards, opts=opts, pure=False)
        try:
            for fut in dask_completed(futures):
                yield fut.result()
        finally:
            self.client.close()
            if self._cluster is not None:
                self._cluster.close()


class Progress:
    """Documents and characters per second: a live line on a terminal, periodic log lines otherwise."""

    def __init__(self, total_shards: int, quiet: bool = False, stream=None, every: float = 10.0):
        self.total = total_shards
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.tty = not quiet and self.stream.isatty()
        self.every = every
        self.start = self.last = time.monotonic()
        self.done = self.docs = self.chars = 0

    def update(self, r: ShardResult) -> None:
        self.done += 1
        self.docs += r.documents
        self.chars += r.chars
        now = time.monotonic()
        if self.quiet or (not self.tty and now - self.last < self.every and self.done < self.total):
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        eta = elapsed / self.done * (self.total - self.done)
        line = (f"shards {self.done}/{self.total}  docs {self.docs} ({self.docs / elapsed:.1f}/s)  "
                f"chars/s {self.chars / elapsed:,.0f}  ETA {eta:.0f}s")
        self.stream.write(("\r" + line) if self.tty else line + "\n")
        if self.tty and self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


MANIFEST = "manifest.json"


def _check_manifest(path: Path, shards: list[Shard], opts: ExtractOptions, resume: bool,
                    rule_files: list[dict[str, str]]) -> None:
    """Record the shard plan and the rule files (with hashes) that made the parts; a resumed run must
    have the same, or its parts would not line up or would mix two sets of rules."""
    plan = {"format": opts.fmt, "read": asdict(opts.read), "rules": rule_files,
            "shards": [asdict(s) for s in shards]}
    text = json.dumps(plan, ensure_ascii=False, indent=1)
    if resume and path.exists():
        old = json.loads(path.read_text(encoding="utf-8"))
        if old != json.loads(text):  # compared as JSON: the plan's tuples are lists in the file
            raise ValueError(f"{path.parent}: the inputs, format, shard size or rule files differ from the run being "
                             "resumed; resume with the same arguments, or use --force")
    _atomic_write(path, text.encode("utf-8"))


def run_extract(
    inputs: list[str],
    out_dir: str | Path,
    *,
    fmt: str = "jsonl",
    read: ReadOptions = ReadOptions(),
    workers: int = 1,
    shard_size: int = 1000,
    resume: bool = False,
    force: bool = False,
    executor: Executor | None = None,
    quiet: bool = False,
    fast_path: bool = True,
    units: str | Path | None = None,
    rules: list[str | Path] | None = None,
) -> dict[str, Any]:
    """Extract every input document into part files under ``out_dir``; return the run's summary.

    ``units`` and ``rules`` replace the bundled units file and linker rule files; they are validated
    here, before any file is touched, and recorded with their hashes in the manifest.
    """
    get_format(fmt)  # unknown names fail here, before any file is touched
    opts_units = str(units) if units is not None else None
    opts_rules = tuple(str(r) for r in rules) if rules else None
    checked = worker_extractor(opts_units, opts_rules)
    _ = checked.rules  # a broken rule file fails now, with file and line
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    shards = plan_shards(expand_inputs(inputs), read, shard_size)
    opts = ExtractOptions(str(out), fmt, read, fast_path, opts_units, opts_rules)
    _check_manifest(out / MANIFEST, shards, opts, resume and not force, checked.files())
    for tmp in out.glob(".*.tmp-*"):  # left by a killed run; never taken as complete
        tmp.unlink()
    if force:
        for old in out.glob("*-[0-9][0-9][0-9][0-9][0-9].*"):
            old.unlink()
    elif not resume:
        stale = [s for s in shards if is_complete(s, opts)]
        if stale:
            raise FileExistsError(f"{out} already holds complete parts; use --resume to skip them, --force to overwrite them")
    if executor is None:
        executor = ProcessExecutor(workers) if workers > 1 and len(shards) > 1 else SerialExecutor()
    progress = Progress(len(shards), quiet=quiet)
    started = time.monotonic()
    totals = ShardResult(-1)
    skipped = 0
    for r in executor.map_shards(shards, opts):
        progress.update(r)
        skipped += r.skipped
        for key in ("documents", "with_events", "events", "quantities", "errors", "chars"):
            setattr(totals, key, getattr(totals, key) + getattr(r, key))
    seconds = time.monotonic() - started
    summary = {k: v for k, v in asdict(totals).items() if k not in ("shard", "skipped")}
    summary.update(shards=len(shards), shards_skipped=skipped, seconds=round(seconds, 3),
                   chars_per_second=round(totals.chars / seconds) if seconds else 0, output=str(out))
    return summary
