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
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .longtext import MAX_CHARS, Extract, extract_in_pieces
from .outdir import claim, fingerprint, leftovers, run_lock, write_manifest
from .period_dates import date_events, reference_date
from .readers import (
    Document,
    ErrorRecord,
    ReadOptions,
    Shard,
    expand_inputs,
    is_markup,
    plan_shards,
    read_shard,
)
from .progress import Advance, Tally, document_progress, plural
from .records import default_extractor
from .writers import get_format

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.queues import SimpleQueue

    from dask.distributed import Queue

logger = logging.getLogger("zhibiao")
POLL = 0.1  # seconds between the parent's looks at finished shards and document counts
ABANDONED = 130  # exit status of a pool worker that leaves its shard (the shell's status after Ctrl-C)


class RunCancelled(KeyboardInterrupt):
    """Ctrl-C during a run: the complete shards stay (``summary`` counts them), the unfinished ones
    left no file behind, and ``resume=True`` does the rest."""

    def __init__(self, summary: dict[str, Any]):
        super().__init__("run cancelled")
        self.summary = summary


@dataclass(frozen=True)
class ExtractOptions:
    """Everything a worker needs to process a shard; plain data, so it pickles to any executor."""

    out_dir: str
    fmt: str = "jsonl"
    read: ReadOptions = field(default_factory=ReadOptions)
    fast_path: bool = True
    units: str | None = None  # a units file instead of the bundled one
    rules: tuple[str, ...] | None = None  # linker rule files instead of the bundled ones
    periods: str | None = None  # a periods file instead of the bundled one
    html: bool = False  # read markup as white space in every document (HTML files always are)
    max_chars: int = MAX_CHARS  # a longer document is extracted in pieces (see ``longtext``)
    meta_keys: tuple[str, ...] = ()  # input keys copied onto event rows of the tables (``meta_<key>``)
    date_key: str = "date"  # the metadata key of a document's date, which periods are read against


@dataclass
class ShardResult:
    shard: int
    documents: int = 0
    with_events: int = 0
    events: int = 0
    quantities: int = 0
    errors: int = 0
    chars: int = 0


def part_names(shard: Shard, fmt: str) -> dict[str, str]:
    """Paths (relative to the output folder) of a shard's parts, in writing order: the last one marks
    the shard complete."""
    f = get_format(fmt)
    return {part: f.file_name(part, shard.index) for part in f.parts}


def is_complete(shard: Shard, opts: ExtractOptions) -> bool:
    return all((Path(opts.out_dir) / n).exists() for n in part_names(shard, opts.fmt).values())


@lru_cache(maxsize=2)
def worker_nlp(units: str | None, rules: tuple[str, ...] | None, periods: str | None):
    """The full spaCy pipeline of this process, loaded once (used when the fast path is off)."""
    from .api import load

    overrides: dict[str, Any] = {}
    if units is not None:
        overrides["initialize.components.zhibiao_quantities.units_path"] = units
    if rules is not None:
        overrides["initialize.components.zhibiao_indicators.rules_paths"] = list(rules)
    if periods is not None:
        overrides["initialize.components.zhibiao_quantities.periods_path"] = periods
    return load(**overrides)


def extractor(opts: ExtractOptions, html: bool) -> Extract:
    """Text -> contract record, in pieces of at most ``opts.max_chars``: the pure stages (fast path;
    ``html`` reads markup as white space) or the full spaCy pipeline (``run_extract`` refuses markup
    there), whose pieces also stay within its ``max_length``."""
    if opts.fast_path:
        return partial(extract_in_pieces, default_extractor(html=html, units=opts.units, rules=opts.rules,
                                                         periods=opts.periods),
                       max_chars=opts.max_chars)
    from .api import to_records

    nlp = worker_nlp(opts.units, opts.rules, opts.periods)
    return partial(extract_in_pieces, lambda text: to_records(nlp(text)), max_chars=min(opts.max_chars, nlp.max_length))


def extract_document(doc: Document, extract: Extract, date_key: str = "date") -> dict[str, Any]:
    """The contract's record of one document, with its id and metadata; its periods are read against
    the date under ``date_key`` in its metadata when it has one (else a release date in its text)."""
    record = {"id": doc.id, **extract(doc.text)}
    if doc.meta:
        record["meta"] = doc.meta
        if doc.meta.get(date_key) not in (None, ""):
            record["events"] = date_events(record["events"], reference_date(doc.meta[date_key]))
    return record


def extract_item(item: Document | ErrorRecord, opts: ExtractOptions) -> dict[str, Any] | ErrorRecord:
    """The record of a document read, or an error record: one failing document must not stop the shard."""
    if isinstance(item, ErrorRecord):
        return item
    try:
        return extract_document(item, extractor(opts, opts.html or item.html), opts.date_key)
    except Exception as err:
        return ErrorRecord(item.id, item.source, item.line, f"{type(err).__name__}: {err}")


def process_shard(shard: Shard, opts: ExtractOptions, send: Advance | None = None) -> ShardResult:
    """Process one shard, write its parts atomically, return counts only; ``send`` receives the
    number of documents read as the shard goes (see ``progress.Tally``)."""
    result = ShardResult(shard.index)
    records: list[dict] = []
    errors: list[dict] = []
    tally = Tally(send)
    for item in read_shard(shard, opts.read):
        record = extract_item(item, opts)
        tally.add()
        if isinstance(record, ErrorRecord):
            errors.append(record.to_dict())
            continue
        records.append(record)
        result.documents += 1
        result.chars += len(item.text)
        result.events += len(record["events"])
        result.quantities += len(record["quantities"])
        result.with_events += bool(record["events"])
    result.errors = len(errors)
    write_parts(shard, opts, records, errors)
    tally.flush()
    return result


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(exist_ok=True)
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
        _atomic_write(Path(opts.out_dir) / name, f.encode(part, records, errors, opts.meta_keys))


class Executor(Protocol):
    """Where shards run: the one seam between the local and the cluster path.  An executor also
    carries the workers' document counts back to ``advance`` in the parent as they come."""

    def map_shards(self, shards: list[Shard], opts: ExtractOptions, advance: Advance) -> Iterator[ShardResult]: ...


class SerialExecutor:
    def map_shards(self, shards: list[Shard], opts: ExtractOptions, advance: Advance) -> Iterator[ShardResult]:
        for shard in shards:
            yield process_shard(shard, opts, advance)


_counts: SimpleQueue | None = None  # a pool worker's channel for document counts, set by ``_start_worker``


def _send_count(documents: int) -> None:
    """A pool worker's ``send``: the count goes straight into the pipe (no feeder thread), so it is
    there before the shard's result reaches the parent."""
    assert _counts is not None, "only called in a worker started by _start_worker"
    _counts.put(documents)


def _start_worker(counts: SimpleQueue, lifeline: Connection, parent_end: Connection) -> None:
    """Set up a pool worker.  Ctrl-C is the parent's to handle (a terminal sends it to every process
    of the group, workers included), and a worker never outlives the run: it watches the read end
    of a pipe only the parent writes to, which ends when the parent closes it (the run is cancelled)
    or is gone, even killed with SIGKILL.  No lock is involved, so a parent killed at any moment
    cannot leave a worker waiting."""
    global _counts
    _counts = counts
    parent_end.close()  # this process's copy (a forked worker inherits it): only the parent's may keep the pipe open
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_leave_with_parent, args=(lifeline,), daemon=True, name="zhibiao-lifeline").start()


def _leave_with_parent(lifeline: Connection) -> None:
    """Leave the shard at once when the parent's end of the pipe closes; the parent, or the next
    run, removes the temporary files."""
    lifeline.poll(None)  # nothing is ever sent: this returns at end of file
    os._exit(ABANDONED)


def _drain(counts: SimpleQueue, advance: Advance) -> None:
    """Hand every count waiting in ``counts`` to ``advance``."""
    while not counts.empty():
        advance(counts.get())


class ProcessExecutor:
    """Shards in worker processes; each process loads the pipeline once.  Document counts come
    back through a pipe (``multiprocessing.SimpleQueue``), which the parent polls while it waits.
    When the parent stops (Ctrl-C, a failed shard, the caller closing the iterator), the shards not
    started are cancelled and the running ones abandoned: their workers exit without finishing."""

    def __init__(self, workers: int):
        self.workers = workers

    def map_shards(self, shards: list[Shard], opts: ExtractOptions, advance: Advance) -> Iterator[ShardResult]:
        counts = multiprocessing.SimpleQueue()
        lifeline, parent_end = multiprocessing.Pipe(duplex=False)
        # Finished shards come back through a queue their futures' callbacks fill, not through
        # ``concurrent.futures.wait``: that takes every pending future's lock in turn, and a Ctrl-C landing
        # between two takes leaves some held, so the pool's thread blocks setting a result and the shutdown
        # below waits for it for ever.  A queue's ``get`` holds nothing when interrupted.
        finished: queue.SimpleQueue[Future] = queue.SimpleQueue()
        try:
            with ProcessPoolExecutor(max_workers=self.workers, initializer=_start_worker,
                                     initargs=(counts, lifeline, parent_end)) as pool:
                try:
                    futures = [pool.submit(process_shard, s, opts, _send_count) for s in shards]
                    for fut in futures:
                        fut.add_done_callback(finished.put)
                    for _ in futures:
                        while True:
                            try:
                                fut = finished.get(timeout=POLL)
                                break
                            except queue.Empty:
                                _drain(counts, advance)
                        _drain(counts, advance)  # a shard sends its last count before it returns
                        yield fut.result()
                except BaseException:  # Ctrl-C, a failed shard, a closed iterator: leaving would wait for them all
                    parent_end.close()  # the workers leave their shards and exit
                    pool.shutdown(cancel_futures=True)
                    raise
        finally:
            parent_end.close()
            lifeline.close()


@dataclass(frozen=True)
class QueueSend:
    """A Dask worker's ``send``: puts counts on the ``distributed.Queue`` of this name.  Only the name
    travels with the task; a pickled Queue would reconnect to its client while the scheduler
    unpacks the task, which deadlocks a local cluster."""

    name: str

    def __call__(self, documents: int) -> None:
        _dask_queue(self.name).put(documents)


@lru_cache(maxsize=4)
def _dask_queue(name: str) -> Queue:
    """The named queue, through this worker's client, looked up once per process."""
    from dask.distributed import Queue

    return Queue(name)


class DaskExecutor:
    """Shards as tasks on a Dask cluster (``tcp://host:8786``) or a local cluster (``address=None``).
    Document counts come back through a ``distributed.Queue`` on the scheduler."""

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

    def map_shards(self, shards: list[Shard], opts: ExtractOptions, advance: Advance) -> Iterator[ShardResult]:
        from dask.distributed import Queue, as_completed

        counts = Queue(client=self.client)
        futures = self.client.map(process_shard, shards, opts=opts, send=QueueSend(counts.name), pure=False)
        finished = as_completed(futures)
        try:
            while not finished.is_empty():
                done = finished.next_batch(block=False)
                for count in counts.get(batch=True):
                    advance(count)
                yield from (fut.result() for fut in done)
                if not done:
                    time.sleep(POLL)
        except BaseException:  # Ctrl-C or a failed shard: no more shards start
            self.client.cancel(futures)
            raise
        finally:
            self.client.close()
            if self._cluster is not None:
                self._cluster.close()


def new_manifest(shards: list[Shard], opts: ExtractOptions, paths: list[Path],
                 rule_files: list[dict[str, str]]) -> dict[str, Any]:
    """What a run records in its output folder: the shard plan, the rule files (with hashes) and the
    inputs (fingerprinted) that made the parts, and every file it writes there, so that ``--resume``
    can prove it continues the same run and ``--force`` removes only what a run wrote."""
    plan = {"format": opts.fmt, "read": asdict(opts.read), "html": opts.html, "max_chars": opts.max_chars,
            "meta_keys": opts.meta_keys, "rules": rule_files,
            "inputs": [fingerprint(p) for p in paths], "shards": [asdict(s) for s in shards],
            "files": [name for s in shards for name in part_names(s, opts.fmt).values()]}
    return json.loads(json.dumps(plan))  # as read back from the file: tuples become lists


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
    periods: str | Path | None = None,
    html: bool = False,
    max_chars: int = MAX_CHARS,
    meta_keys: list[str] | tuple[str, ...] = (),
    date_key: str = "date",
    cancel: threading.Event | None = None,
) -> dict[str, Any]:
    """Extract every input document into part files under ``out_dir``; return the run's summary.

    ``units``, ``rules`` and ``periods`` replace the bundled units file, linker rule files and periods file; they are validated
    here, before any file is touched, and recorded with their hashes in the manifest.  ``html`` reads
    markup as white space in every document (``.html`` and ``.htm`` inputs always are); a document
    over ``max_chars`` characters is extracted in pieces cut at paragraph boundaries.  ``meta_keys``:
    input keys copied onto the event rows of the csv and parquet tables, as ``meta_<key>``.  Periods are read
    as dates against each document's ``date_key`` metadata (see ``period_dates``).
    Ctrl-C (KeyboardInterrupt) stops the run at once and raises ``RunCancelled`` with the summary of the
    shards it finished and ``shards_complete``, the number complete in the folder; the folder's lock
    is released and no temporary file stays.  Setting ``cancel`` does the same, at the next count of
    documents or finished shard: from another thread, or from a signal handler whose exception Python
    may drop.
    """
    tabular = get_format(fmt).folders  # an unknown format fails here, before any file is touched
    if meta_keys and not tabular:
        raise ValueError(f"--meta-key copies input keys onto the rows of the csv and parquet tables; {fmt} records "
                         "keep every input key in their meta")
    opts_units = str(units) if units is not None else None
    opts_rules = tuple(str(r) for r in rules) if rules else None
    opts_periods = str(periods) if periods is not None else None
    checked = default_extractor(units=opts_units, rules=opts_rules, periods=opts_periods)
    _ = checked.rules  # a broken rule file fails now, with file and line
    out = Path(out_dir)
    paths = expand_inputs(inputs, exclude=out)
    if not fast_path and (html or any(is_markup(p) for p in paths)):
        raise ValueError("reading markup (--html, .html and .htm inputs) needs the fast path: drop --no-fast-path")
    shards = plan_shards(paths, read, shard_size)
    opts = ExtractOptions(str(out), fmt, read, fast_path, opts_units, opts_rules, opts_periods, html, max_chars,
                          tuple(meta_keys), date_key)
    manifest = new_manifest(shards, opts, paths, checked.files())
    with run_lock(out):
        todo = _prepare(out, shards, opts, manifest, resume, force)
        return _run(shards, todo, opts, executor, workers, quiet, len(paths), cancel)


def _run(shards: list[Shard], todo: list[Shard], opts: ExtractOptions, executor: Executor | None, workers: int,
         quiet: bool, files: int, cancel: threading.Event | None = None) -> dict[str, Any]:
    """Run the shards to do and sum up the run."""
    logger.info("%s from %s in %s", plural(sum(s.documents for s in shards), "document"), plural(files, "file"),
                plural(len(shards), "shard"))
    if len(todo) < len(shards):
        logger.info("resuming: %s of %s complete, skipped", len(shards) - len(todo), plural(len(shards), "shard"))
    if executor is None:
        executor = ProcessExecutor(workers) if workers > 1 and len(todo) > 1 else SerialExecutor()
    started = time.monotonic()
    results: list[ShardResult] = []  # appended whole, so a Ctrl-C never counts half a shard
    try:
        with document_progress(sum(s.documents for s in todo), quiet) as show:
            def advance(documents: int) -> None:
                _check(cancel)
                show(documents)

            for r in executor.map_shards(todo, opts, advance):
                results.append(r)
                _check(cancel)
    except KeyboardInterrupt:
        remove_temporary(Path(opts.out_dir))
        summary = _summary(results, shards, todo, opts, time.monotonic() - started)
        summary["shards_complete"] = sum(is_complete(s, opts) for s in shards)  # as --resume will find them
        raise RunCancelled(summary) from None
    return _summary(results, shards, todo, opts, time.monotonic() - started)


def _check(cancel: threading.Event | None) -> None:
    """Stop the run as Ctrl-C does once ``cancel`` is set."""
    if cancel is not None and cancel.is_set():
        raise KeyboardInterrupt


def _summary(results: list[ShardResult], shards: list[Shard], todo: list[Shard], opts: ExtractOptions,
             seconds: float) -> dict[str, Any]:
    """The counts of the shards this run finished, and how many were complete before it."""
    keys = ("documents", "with_events", "events", "quantities", "errors", "chars")
    summary: dict[str, Any] = {k: sum(getattr(r, k) for r in results) for k in keys}
    summary.update(shards=len(shards), shards_skipped=len(shards) - len(todo), seconds=round(seconds, 3),
                   chars_per_second=round(summary["chars"] / seconds) if seconds else 0, output=opts.out_dir)
    return summary


def remove_temporary(out: Path) -> None:
    """Remove the temporary files of parts (and of a manifest) that were never finished: left by a
    cancelled shard, or by a killed run.  The caller holds the folder's lock, so none is in use."""
    for tmp in leftovers(out):
        tmp.unlink(missing_ok=True)


def _prepare(out: Path, shards: list[Shard], opts: ExtractOptions, manifest: dict[str, Any], resume: bool,
             force: bool) -> list[Shard]:
    """Check the folder (raises before any change), then clear what the run replaces, write the
    manifest and return the shards still to do: the incomplete ones with ``resume``, else all."""
    remove = claim(out, manifest, resume and not force, force)
    remove_temporary(out)  # left by a killed run; never taken as complete
    for name in remove:
        (out / name).unlink()
    for folder in {(out / name).parent for name in remove} - {out}:
        if not any(folder.iterdir()):  # a table folder the earlier run made; a folder with other files stays
            folder.rmdir()
    write_manifest(out, manifest)
    return [s for s in shards if not is_complete(s, opts)]
