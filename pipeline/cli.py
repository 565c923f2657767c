"""The ``zhibiao`` command line: thin Typer wrappers over plain functions that return data."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from .render import DEFAULT_PAGE_SIZE

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Chinese economic-indicator extraction.")


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command("extract")
def extract_cli(
    inputs: list[str] = typer.Argument(..., help="Files (.txt, .jsonl, .jsonl.gz, .parquet), folders or globs."),
    output: Path = typer.Option(..., "--output", "-o", help="Output folder for the part files."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="jsonl (documents), csv or parquet (event and quantity tables)."),
    lines: bool = typer.Option(False, "--lines", help="Treat each line of a .txt file as one document."),
    text_key: str = typer.Option("text", "--text-key", help="Key or column holding the text."),
    id_key: str = typer.Option("id", "--id-key", help="Key or column holding the document id."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-w", help="Worker processes."),
    shard_size: int = typer.Option(1000, "--shard-size", help="Documents per shard of a line-based file."),
    engine: str = typer.Option("local", "--engine", help="local (process pool) or dask (a local Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a Dask scheduler, e.g. tcp://host:8786."),
    resume: bool = typer.Option(False, "--resume", help="Skip shards whose parts are already complete."),
    force: bool = typer.Option(False, "--force", help="Overwrite the parts of an earlier run."),
    fail_on_error: bool = typer.Option(False, "--fail-on-error", help="Exit with status 2 if any document failed."),
    fast_path: bool = typer.Option(True, "--fast-path/--no-fast-path", help="Segment only sentences that can hold a quantity."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output."),
    show: int = typer.Option(5, "--show", help="Print this many events after the summary."),
) -> None:
    """Extract quantities and events from a corpus into part files."""
    from .batch import DaskExecutor, run_extract
    from .readers import ReadOptions

    fmt = fmt or ("csv" if output.suffix == ".csv" else "parquet" if output.suffix == ".parquet" else "jsonl")
    executor = None
    if scheduler or engine == "dask":
        executor = DaskExecutor(scheduler, workers)
    elif engine != "local":
        _fail(f"unknown engine {engine!r}; expected local or dask")
    try:
        summary = run_extract(inputs, output, fmt=fmt, read=ReadOptions(lines, text_key, id_key), workers=workers,
                              shard_size=shard_size, resume=resume, force=force, executor=executor, quiet=quiet,
                              fast_path=fast_path)
    except (FileNotFoundError, FileExistsError, ValueError) as err:
        _fail(str(err))
    typer.echo(format_summary(summary))
    if show and fmt == "jsonl":
        for line in sample_events(output, show):
            typer.echo(line)
    if fail_on_error and summary["errors"]:
        raise typer.Exit(2)


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


@app.command("init-config")
def init_config_cli(output: Optional[Path] = typer.Argument(None, help="Write here instead of printing.")) -> None:
    """Print the default pipeline's config.cfg."""
    from .api import DEFAULT_CONFIG

    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


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


if __name__ == "__main__":
    app()
