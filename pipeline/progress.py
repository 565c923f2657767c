"""Progress of a batch run by document: a ``rich`` bar on a terminal, log lines otherwise.

Documents are counted where they are read, in the worker processes, and the counts travel back to
the parent as plain integers (``Tally`` sends them through whatever channel the executor gives), so
the display moves per document, not per shard, and no spaCy object ever reaches the parent.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

logger = logging.getLogger("zhibiao")

Advance = Callable[[int], None]
"""Takes the number of documents read since the last call."""

SEND_EVERY = 0.2
"""Seconds between a worker's reports: often enough for a smooth bar, rare enough that sending costs
nothing next to extraction (a report is one round trip to a queue)."""


class Tally:
    """Counts the documents a worker reads and sends the count on at most every ``SEND_EVERY`` seconds."""

    def __init__(self, send: Advance | None) -> None:
        self.send = send
        self.pending = 0
        self.last = time.monotonic()

    def add(self) -> None:
        """Count one document read (or one error record in its place)."""
        self.pending += 1
        if time.monotonic() - self.last >= SEND_EVERY:
            self.flush()

    def flush(self) -> None:
        """Send what is pending; called at the end of a shard so that the counts reach the total."""
        if self.send is not None and self.pending:
            self.send(self.pending)
        self.pending = 0
        self.last = time.monotonic()


def plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``, ``1,000 documents``: for the run's log lines."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _duration(seconds: float) -> str:
    return str(timedelta(seconds=round(seconds)))


class LogProgress:
    """INFO lines on the ``zhibiao`` logger every ``every`` seconds and at the end, for logs and CI
    where a bar would be noise."""

    every = 10.0

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.start = self.last = time.monotonic()

    def advance(self, documents: int) -> None:
        self.done += documents
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self._report(now - self.start)

    def _report(self, seconds: float) -> None:
        rate = self.done / max(seconds, 1e-9)
        left = max(self.total - self.done, 0)
        logger.info("%s of %s documents (%.0f%%), %.1f documents/s, ETA %s", f"{self.done:,}", f"{self.total:,}",
                    100 * self.done / max(self.total, 1), rate, _duration(left / rate) if rate else "?")

    def close(self) -> None:
        seconds = time.monotonic() - self.start
        logger.info("%s in %s, %.1f documents/s", plural(self.done, "document"), _duration(seconds),
                    self.done / max(seconds, 1e-9))


class RateColumn(ProgressColumn):
    """Documents per second (rich's own speed column counts bytes)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} docs/s" if speed else "? docs/s", style="progress.data.speed")


class BarProgress:
    """A ``rich`` bar on standard error: documents done of the total, documents/s and time left."""

    def __init__(self, total: int, console: Console) -> None:
        self.bar = Progress(TextColumn("documents"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                            TextColumn("ETA"), TimeRemainingColumn(), console=console)
        self.task = self.bar.add_task("extract", total=total)
        self.bar.start()

    def advance(self, documents: int) -> None:
        self.bar.advance(self.task, documents)

    def close(self) -> None:
        self.bar.stop()


@contextmanager
def document_progress(total: int, quiet: bool = False) -> Iterator[Advance]:
    """The run's progress display, chosen for where standard error goes; yields its ``advance``."""
    if quiet:
        yield lambda documents: None
        return
    console = Console(stderr=True)
    shown = BarProgress(total, console) if console.is_terminal else LogProgress(total)
    try:
        yield shown.advance
    finally:
        shown.close()
