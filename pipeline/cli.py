"""The ``zhibiao`` command line: thin Typer wrappers over plain functions that return data.

Exit status: 0 when the command did its work; 1 when documents failed and ``--fail-on-error`` was
given; 2 for a usage error (a bad option, an input or rule file that cannot be read), reported as one
line ``error: ...`` naming the file (and line), never a traceback; 130 when Ctrl-C stopped the run.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .longtext import MAX_CHARS
from .writers import FORMATS
from .render import DEFAULT_PAGE_SIZE

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Chinese economic-indicator extraction.")

USAGE_ERROR = 2
DOCUMENTS_FAILED = 1
CANCELLED = 130  # the shell's status for a command stopped by Ctrl-C (128 + SIGINT)

Format = Enum("Format", {name: name for name in FORMATS}, type=str)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def _fail(message: str, code: int = USAGE_ERROR) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def _log_to_stderr(enabled: bool) -> Iterator[None]:
    """Show the run's messages (logger ``zhibiao``, INFO and up) on standard error while a command
    runs; the library itself never configures logging."""
    if not enabled:
        yield
        return
    logger = logging.getLogger("zhibiao")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@contextmanager
def _cancellable() -> Iterator[threading.Event]:
    """Ctrl-C ends the command with status 130 and a line saying so, not click's ``Aborted!`` and 1.
    The first one raises KeyboardInterrupt, so that the run stops in order (summary, lock released,
    temporary files removed); any further one ends the process at once, should that take too long
    (the workers exit with it, see ``batch._start_worker``).  The first also sets the event yielded,
    because Python drops an exception raised while an object is being finalised (``__del__``): a run
    given the event stops at its next check even then."""
    pressed = threading.Event()

    def first(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, lambda *_: os._exit(CANCELLED))
        pressed.set()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, first)
    try:
        yield pressed
        if pressed.is_set():  # the interrupt was dropped after the last check
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        typer.echo("cancelled", err=True)
        raise typer.Exit(CANCELLED) from None
    if signal.getsignal(signal.SIGINT) is first:  # after a Ctrl-C, the hard exit stays until the end
        signal.signal(signal.SIGINT, previous)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"zhibiao {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """Chinese economic-indicator extraction."""


@app.command("extract")
def extract_cli(
    inputs: list[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl, .jsonl.gz, .parquet), folders or globs."),
    output: Path = typer.Option(..., "--output", "-o", help="Output folder for the part files."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="jsonl (documents), csv or parquet (events, quantities, documents and errors tables, a folder each)."),
    lines: bool = typer.Option(False, "--lines", help="Treat each line of a .txt file as one document."),
    text_key: str = typer.Option("text", "--text-key", help="Key or column holding the text."),
    id_key: str = typer.Option("id", "--id-key", help="Key or column holding the document id."),
    date_key: str = typer.Option("date", "--date-key", help="Key or column holding the document's date (YYYY-MM-DD), which periods are read against."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-w", min=1, help="Worker processes."),
    shard_size: int = typer.Option(1000, "--shard-size", min=1, help="Documents per shard (and about 4 kB of input each): small files share a shard, large files are cut."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (process pool) or dask (a local Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a Dask scheduler, e.g. tcp://host:8786."),
    resume: bool = typer.Option(False, "--resume", help="Skip shards whose parts are already complete."),
    force: bool = typer.Option(False, "--force", help="Overwrite the parts of an earlier run."),
    fail_on_error: bool = typer.Option(False, "--fail-on-error", help="Exit with status 1 if any document failed."),
    units: Optional[Path] = typer.Option(None, "--units", help="A units file to use instead of the bundled rules/units.yaml."),
    rules: Optional[list[Path]] = typer.Option(None, "--rules", help="Linker rule files to use instead of the bundled ones (repeat the option for each file)."),
    periods: Optional[Path] = typer.Option(None, "--periods", help="A periods file to use instead of the bundled rules/periods.yaml (the period finder's and the linker's time words)."),
    fast_path: bool = typer.Option(True, "--fast-path/--no-fast-path", help="Segment only sentences that can hold a quantity."),
    html: bool = typer.Option(False, "--html", help="Read markup (tags, scripts, entities) as white space in every document; always on for .html and .htm inputs."),
    max_chars: int = typer.Option(MAX_CHARS, "--max-chars", min=1, help="A longer document is extracted in pieces cut at paragraph boundaries."),
    meta_keys: Optional[list[str]] = typer.Option(None, "--meta-key", help="An input key to copy onto the rows of the events table as meta_KEY (csv, parquet; repeat for each key). All input keys are in the documents table."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or log lines (the summary stays)."),
    show: int = typer.Option(5, "--show", help="Print this many events after the summary."),
) -> None:
    """Extract quantities and events from a corpus into part files.

    An input ``-`` reads JSON lines (or, with --lines, text lines) from standard input; ``-o -``
    writes the document records as JSON lines to standard output and the summary to standard error.
    """
    from .batch import DaskExecutor, RunCancelled, run_extract
    from .readers import ReadOptions

    with _cancellable() as pressed:
        to_stdout = str(output) == "-"
        fmt_name = fmt.value if fmt else ("csv" if output.suffix == ".csv" else "parquet" if output.suffix == ".parquet" else "jsonl")
        if to_stdout and fmt_name != "jsonl":
            _fail("-o - writes JSON lines; choose an output folder for csv or parquet")
        work = Path(tempfile.mkdtemp(prefix="zhibiao-")) if to_stdout or "-" in inputs else None
        try:
            if "-" in inputs:
                stdin_file = work / ("stdin.txt" if lines else "stdin.jsonl")
                with open(stdin_file, "w", encoding="utf-8") as fh:
                    shutil.copyfileobj(sys.stdin, fh)
                inputs = [str(stdin_file) if i == "-" else i for i in inputs]
            out_dir = work / "out" if to_stdout else output
            executor = DaskExecutor(scheduler, workers) if scheduler or engine == Engine.dask else None
            quiet = quiet or to_stdout
            try:
                with _log_to_stderr(not quiet):
                    summary = run_extract(inputs, out_dir, fmt=fmt_name, read=ReadOptions(lines, text_key, id_key),
                                          workers=workers, shard_size=shard_size, resume=resume, force=force,
                                          executor=executor, quiet=quiet, fast_path=fast_path, units=units, rules=rules, periods=periods,
                                          html=html, max_chars=max_chars, meta_keys=meta_keys or (),
                                          date_key=date_key, cancel=pressed)
            except (FileNotFoundError, FileExistsError, ValueError, OSError) as err:
                _fail(str(err))
            except RunCancelled as stopped:
                s = stopped.summary
                typer.echo(format_summary({**s, "output": "-" if to_stdout else str(output)}), err=to_stdout)
                typer.echo(f"cancelled: {s['shards_complete']} of {s['shards']} shards complete; "
                           "the same command with --resume finishes the run", err=True)
                raise typer.Exit(CANCELLED) from None
            if to_stdout:
                for part in sorted(out_dir.glob("documents-*.jsonl")):
                    sys.stdout.write(part.read_text(encoding="utf-8"))
                summary["output"] = "-"
        finally:
            if work is not None:
                shutil.rmtree(work, ignore_errors=True)
        typer.echo(format_summary(summary), err=to_stdout)
        read_total = summary["documents"] + summary["errors"]
        if read_total and summary["errors"] * 2 > read_total:
            typer.echo(f"warning: {summary['errors']} of {read_total} documents failed; the errors-*.jsonl parts say "
                       f"why (a wrong --text-key?)", err=True)
        if show and fmt_name == "jsonl" and not to_stdout:
            for line in sample_events(output, show):
                typer.echo(line)
        if fail_on_error and summary["errors"]:
            raise typer.Exit(DOCUMENTS_FAILED)


def format_summary(s: dict) -> str:
    return (f"documents read: {s['documents'] + s['errors']}  ok: {s['documents']}  with events: {s['with_events']}\n"
            f"events: {s['events']}  quantities: {s['quantities']}  failures: {s['errors']}\n"
            f"shards: {s['shards']} ({s['shards_skipped']} skipped as complete)  "
            f"time: {s['seconds']}s  throughput: {s['chars_per_second']:,} chars/s\n"
            f"output: {s['output']}")


def sample_events(out_dir: Path, n: int) -> list[str]:
    """A few events of a finished run, one line each, for a first look."""
    found: list[str] = []
    for part in sorted(Path(out_dir).glob("documents-*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            for e in json.loads(line)["events"]:
                found.append(f"  {e['indicator']} | {e['value']} {e['unit']} | {e['kind']} | basis={e['basis']} | period={e['period']}")
                if len(found) >= n:
                    return found
    return found


@app.command("evaluate")
def evaluate_cli(
    gold: Path = typer.Argument(..., help="Gold JSONL file in the format of spec/events.md."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    show_errors: bool = typer.Option(False, "--errors", help="List every false positive and false negative."),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write an HTML report: gold and predicted events side by side."),
    against: Optional[Path] = typer.Option(
        None, "--against",
        help="Score the documents of this JSONL file (a second annotation, or saved output) instead of running the pipeline."),
) -> None:
    """Score the pipeline (or, with --against, another annotation) against gold documents."""
    from .evaluate import (
        GoldFormatError,
        errors,
        evaluate_documents,
        format_errors,
        format_report,
        read_documents,
        score,
    )

    try:
        docs = read_documents(gold)
        predicted = read_documents(against) if against is not None else None
    except (GoldFormatError, FileNotFoundError) as err:
        _fail(str(err))
    if predicted is None:
        from .api import extract

        result, predicted = evaluate_documents(docs, extract)
    else:
        result = score(docs, predicted)
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2) if as_json else format_report(result))
    if show_errors:
        typer.echo(format_errors(errors(docs, predicted)))
    if html is not None:
        from .render import render_evaluation, write_html

        write_html(html, render_evaluation(docs, predicted, result))
        typer.echo(f"report: {html}", err=True)


@app.command("render")
def render_cli(
    input_path: Path = typer.Argument(..., help="Records: a .jsonl file, or the output folder of zhibiao extract."),
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write (the first page)."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Show only the first N documents."),
    page_size: int = typer.Option(
        DEFAULT_PAGE_SIZE, "--page-size", min=1,
        help="Documents a page; more go to OUTPUT-2.html, OUTPUT-3.html ..., linked by next and previous."),
    series: bool = typer.Option(True, "--series/--no-series",
                                help="Also write OUTPUT-series.html: a chart per indicator with two points or more."),
) -> None:
    """Write self-contained HTML pages of events, quantities and documents."""
    from .errors import RecordsError
    from .render import read_records, write_pages

    try:
        records = read_records(input_path)
    except RecordsError as err:
        _fail(str(err), 2)
    records = records[:limit] if limit else records
    paths = write_pages(output, records, page_size)
    more = f" on {len(paths)} pages, {paths[0].name} to {paths[-1].name}" if len(paths) > 1 else ""
    typer.echo(f"wrote {output} ({len(records):,} documents{more})")
    if series:
        series_path = write_series_page(output, records, page_size)
        typer.echo(f"wrote {series_path} (indicator series)")


def write_series_page(output: Path, records: list[dict], page_size: int) -> Path:
    """The series page next to the documents pages (``OUTPUT-series.html``), its points linked to them."""
    from .render import page_file_name, write_html
    from .series_page import render_series

    path = output.with_name(f"{output.stem}-series{output.suffix}")
    return write_html(path, render_series(records, lambda i: page_file_name(output.name, i // page_size + 1)))


@app.command("series")
def series_cli(
    input_path: Path = typer.Argument(..., help="The output folder of zhibiao extract (any format), or a .jsonl of records."),
    output: Path = typer.Option(..., "--output", "-o", help="The Parquet file to write (series.parquet)."),
) -> None:
    """Group the events of a corpus into indicator series: one row per indicator, place, period, kind,
    basis and unit, with its value, reports, documents and a conflict flag."""
    from .errors import RecordsError
    from .series import build_series, write_series

    if output.suffix != ".parquet":
        _fail(f"{output}: the series table is written as Parquet; name it *.parquet")
    try:
        rows = build_series(input_path)
    except RecordsError as err:
        _fail(str(err))
    write_series(rows, output)
    conflicts = sum(r["conflict"] for r in rows)
    typer.echo(f"wrote {output} ({len(rows):,} points from {sum(r['reports'] for r in rows):,} events; "
               f"{conflicts:,} with reports that disagree beyond rounding)")


@app.command("init-config")
def init_config_cli(output: Optional[Path] = typer.Argument(None, help="Write here instead of printing.")) -> None:
    """Print the default pipeline's complete config.cfg (spaCy's sections filled in)."""
    text = init_config()
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def init_config() -> str:
    """The text of ``zhibiao init-config``: the filled default config under a line saying what made it."""
    import spacy

    from .api import default_config

    header = f"# zhibiao {__version__} default pipeline, filled with the defaults of spaCy {spacy.__version__}\n"
    return header + default_config().to_str()


@app.command("train-segmenter")
def train_segmenter_cli(
    data_dir: Path = typer.Argument(..., help="Folder of Universal Dependencies Chinese treebanks (see shared data README)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Model folder (default: the bundled model's)."),
    seed: int = typer.Option(0, "--seed"),
    train_iter: int = typer.Option(20, "--train-iter"),
) -> None:
    """Rebuild the pkuseg segmentation model from gold UD data, reproducibly."""
    from .resources import segmenter_dir
    from .segmenter_train import train_segmenter

    figures = train_segmenter(data_dir, output or segmenter_dir(), seed=seed, train_iter=train_iter)
    typer.echo(json.dumps(figures, ensure_ascii=False, indent=2, default=str))


@app.command("train-tagger")
def train_tagger_cli(
    data_dir: Path = typer.Argument(..., help="Folder of Universal Dependencies Chinese treebanks (see shared data README)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Model folder (default: the bundled model's)."),
    seed: int = typer.Option(0, "--seed"),
    epochs: int = typer.Option(10, "--epochs"),
) -> None:
    """Rebuild the part-of-speech model from gold UD data, reproducibly."""
    from .pos_train import train_tagger
    from .resources import tagger_dir

    figures = train_tagger(data_dir, output or tagger_dir(), seed=seed, epochs=epochs)
    typer.echo(json.dumps(figures, ensure_ascii=False, indent=2, default=str))


if __name__ == "__main__":
    app()
