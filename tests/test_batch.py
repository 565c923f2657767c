"""Batch extraction: no document lost, atomic resumable parts, identical output on every path."""
from __future__ import annotations

import gzip
import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from spacy.language import Language

import zhibiao.batch as batch
import zhibiao.progress as progress
from zhibiao.batch import ExtractOptions, run_extract
from zhibiao.outdir import LOCK
from zhibiao.readers import DOCUMENT_BYTES, ReadOptions, expand_inputs, plan_shards, read_shard

from .conftest import ROOT, SEED, gold_files, read_jsonl, ud_data

GOOD = "上半年，規模以上工業增加值同比增長3.8%，5G移動電話用戶達6.76億戶。"


def _bad_jsonl(path: Path) -> Path:
    lines = [
        json.dumps({"id": "a", "text": GOOD, "source": "x"}, ensure_ascii=False).encode(),
        b'{"id": "b", "text": "broken',  # malformed JSON
        json.dumps({"id": "c", "text": "工業投資同比增長8.9%"}, ensure_ascii=False).encode(),
        '{"id": "d", "text": "增長'.encode() + b"\xff\xfe" + b'3%"}',  # not UTF-8
        json.dumps({"id": "e", "text": ""}).encode(),  # empty text: a document with nothing in it
        json.dumps({"id": "f", "body": "no text key"}).encode(),  # missing key
        json.dumps({"id": "g", "text": "BOOM 增長5%"}, ensure_ascii=False).encode(),  # a component raises
        json.dumps({"id": "h", "text": "電信業務收入增長6.2%"}, ensure_ascii=False).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@Language.component("test_boom")
def _boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("component exploded")
    return doc


@pytest.fixture()
def booming_nlp():
    """Run in-process with a pipeline that has a component raising on one document."""
    nlp = batch.worker_nlp(None, None, None)
    nlp.add_pipe("test_boom", first=True)
    yield nlp
    nlp.remove_pipe("test_boom")


def _records(out: Path, prefix: str = "documents") -> list[dict]:
    return [r for part in sorted(out.glob(f"{prefix}-*.jsonl")) for r in read_jsonl(part)]


def test_no_document_is_lost(tmp_path, booming_nlp):
    src = _bad_jsonl(tmp_path / "in.jsonl")
    summary = run_extract([str(src)], tmp_path / "out", workers=1, shard_size=3, quiet=True, fast_path=False)
    docs = _records(tmp_path / "out")
    errs = _records(tmp_path / "out", "errors")
    assert [d["id"] for d in docs] == ["a", "c", "e", "h"]
    assert [(e["id"], e["line"]) for e in errs] == [("in:2", 2), ("in:4", 4), ("f", 6), ("g", 7)]
    assert summary["documents"] + summary["errors"] == 8
    messages = {e["id"]: e["error"] for e in errs}
    assert "malformed JSON" in messages["in:2"]
    assert "not valid UTF-8" in messages["in:4"]
    assert "missing text key 'text'" in messages["f"]
    assert "component exploded" in messages["g"]
    assert all(e["source"] == str(src) for e in errs)
    assert docs[0]["meta"] == {"source": "x"}
    assert docs[2]["quantities"] == [] and docs[2]["events"] == []
    assert summary["with_events"] == 3


def test_text_inputs_and_text_keys(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "one.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "docs" / "latin1.txt").write_bytes("增長3%".encode("utf-16"))
    lines = tmp_path / "lines.txt"
    lines.write_text(GOOD + "\n工業投資同比增長8.9%\n", encoding="utf-8")
    gz = tmp_path / "news.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"doc": "z1", "body": GOOD}, ensure_ascii=False) + "\n")
    read = ReadOptions(lines=False, text_key="body", id_key="doc")
    shards = plan_shards(expand_inputs([str(tmp_path / "docs"), str(gz)]), read, 100)
    items = [item for s in shards for item in read_shard(s, read)]
    assert [i.id for i in items] == ["latin1", "one", "z1"]
    assert "not valid UTF-8" in items[0].message
    line_shards = plan_shards(expand_inputs([str(lines)]), ReadOptions(lines=True), 1)
    assert [item.text for s in line_shards for item in read_shard(s, ReadOptions(lines=True))] == [GOOD, "工業投資同比增長8.9%"]


def _plan(paths: list[Path], shard_size: int) -> list[list[tuple[str, int, int | None]]]:
    return [[(Path(p.path).name, p.start, p.stop) for p in s.pieces]
            for s in plan_shards(paths, ReadOptions(), shard_size)]


def test_plan_packs_small_files_and_cuts_large_ones(tmp_path):
    small = []
    for name in ("a.txt", "b.txt", "c.txt"):
        small.append(tmp_path / name)
        small[-1].write_text(GOOD, encoding="utf-8")
    big = tmp_path / "big.jsonl"
    lines = [json.dumps({"text": GOOD}, ensure_ascii=False) for _ in range(24)]
    big.write_text("\n".join(lines[:5] + [""] + lines[5:]) + "\n", encoding="utf-8")  # line 6 blank: no document
    tail = tmp_path / "d.txt"
    tail.write_text(GOOD, encoding="utf-8")
    assert _plan([*small, big, tail], 10) == [
        [("a.txt", 0, None), ("b.txt", 0, None), ("c.txt", 0, None), ("big.jsonl", 0, 8)],
        [("big.jsonl", 8, 18)],
        [("big.jsonl", 18, 25), ("d.txt", 0, None)],
    ]


def test_plan_keeps_a_shard_within_its_byte_budget(tmp_path):
    budget = 10 * DOCUMENT_BYTES
    sizes = {"a.txt": budget + 1, "b.txt": budget // 2, "c.txt": budget // 2, "d.txt": 1}
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(b"x" * size)
    assert _plan([tmp_path / name for name in sizes], 10) == [
        [("a.txt", 0, None)], [("b.txt", 0, None), ("c.txt", 0, None)], [("d.txt", 0, None)]]


def _small_files(folder: Path, count: int = 50) -> Path:
    folder.mkdir()
    texts = [d["text"] for g in gold_files() for d in read_jsonl(g)][:count]
    for i, text in enumerate(texts):
        (folder / f"doc{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_small_files_share_shards(tmp_path):
    """50 small files make 3 shards of at most 20 documents, not 50; the same bytes with 1 or 2
    workers, in input order; a resumed run redoes only the shard whose part is missing."""
    src = _small_files(tmp_path / "news")
    one, two = tmp_path / "one", tmp_path / "two"
    summary = run_extract([str(src)], one, workers=1, shard_size=20, quiet=True)
    assert (summary["shards"], summary["documents"] + summary["errors"]) == (3, 50)
    run_extract([str(src)], two, workers=2, shard_size=20, quiet=True)
    names = sorted(p.name for p in one.iterdir())
    assert len(names) == 3 * 2 + 1  # documents and errors per shard, and the manifest
    assert names == sorted(p.name for p in two.iterdir())
    assert all((one / n).read_bytes() == (two / n).read_bytes() for n in names)
    assert [r["id"] for r in _records(one)] == sorted(p.stem for p in src.iterdir())
    middle = one / "documents-00001.jsonl"
    before = middle.read_bytes()
    middle.unlink()
    again = run_extract([str(src)], one, workers=2, shard_size=20, resume=True, quiet=True)
    assert (again["shards_skipped"], again["documents"]) == (2, 20)
    assert middle.read_bytes() == before


@pytest.fixture()
def log_lines(monkeypatch, caplog):
    """The run's log messages, with standard error taken for a non-terminal and a progress line for
    every count that comes back (no clock in the test)."""
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setattr(progress.LogProgress, "every", 0.0)
    caplog.set_level(logging.INFO, logger="zhibiao")
    return lambda: [r.getMessage() for r in caplog.records if r.name == "zhibiao"]


def _progress_counts(messages: list[str], total: int) -> list[int]:
    return [int(m.split(" of ")[0].replace(",", "")) for m in messages if f" of {total:,} documents" in m]


def test_progress_is_logged_by_document_and_reaches_the_total(tmp_path, log_lines):
    src = _small_files(tmp_path / "news")
    run_extract([str(src)], tmp_path / "out", workers=2, shard_size=20)
    messages = log_lines()
    assert messages[0] == "50 documents from 50 files in 3 shards"
    counts = _progress_counts(messages, 50)
    assert len(counts) >= 3 and counts == sorted(counts) and counts[-1] == 50  # at least one count per shard
    assert messages[-1].startswith("50 documents in ")
    run_extract([str(src)], tmp_path / "out", workers=2, shard_size=20, resume=True, quiet=True)
    assert "resuming: 3 of 3 shards complete, skipped" in log_lines()


def test_quiet_shows_no_progress(tmp_path, log_lines):
    run_extract([str(SEED)], tmp_path / "out", quiet=True)
    assert log_lines() == ["1 document from 1 file in 1 shard"]  # the plan, as a log message; no progress


def test_a_terminal_gets_a_bar(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich takes standard error for a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    run_extract([str(SEED)], tmp_path / "out")
    err = capsys.readouterr().err
    assert "1/1" in err and "docs/s" in err and "ETA" in err


@pytest.mark.parametrize("send_every, sends", [(0.0, [1] * 8), (float("inf"), [8])])
def test_a_worker_counts_documents_as_it_reads_them(tmp_path, monkeypatch, send_every, sends):
    """Every document read (errors included) is counted in the worker and sent on, by document
    when the interval allows, and in full by the end of the shard."""
    monkeypatch.setattr(progress, "SEND_EVERY", send_every)
    (shard,) = plan_shards([_bad_jsonl(tmp_path / "in.jsonl")], ReadOptions(), 100)
    sent: list[int] = []
    result = batch.process_shard(shard, ExtractOptions(str(tmp_path)), sent.append)
    assert sent == sends
    assert shard.documents == result.documents + result.errors == 8


def test_missing_input_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        run_extract([str(tmp_path / "nothing*.jsonl")], tmp_path / "out", quiet=True)


def _corpus(tmp_path: Path, copies: int = 1) -> Path:
    docs = [{"id": f"{g.stem}-{d['id']}-{k}", "text": d["text"], "meta": d.get("meta", {})}
            for k in range(copies) for g in gold_files() for d in read_jsonl(g)]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def test_resume_and_identical_output_across_paths(tmp_path):
    src = _corpus(tmp_path)
    serial = tmp_path / "serial"
    run_extract([str(src)], serial, workers=1, shard_size=20, quiet=True)
    parallel = tmp_path / "parallel"
    run_extract([str(src)], parallel, workers=2, shard_size=20, quiet=True)
    names = sorted(p.name for p in serial.iterdir())
    assert names == sorted(p.name for p in parallel.iterdir())
    for name in names:
        assert (serial / name).read_bytes() == (parallel / name).read_bytes()
    # Refuse to overwrite, resume skips complete shards, a missing part is redone.
    with pytest.raises(FileExistsError, match="--resume"):
        run_extract([str(src)], serial, shard_size=20, quiet=True)
    with pytest.raises(ValueError, match="shard size or rule files differ"):
        run_extract([str(src)], serial, shard_size=7, resume=True, quiet=True)
    again = run_extract([str(src)], serial, shard_size=20, resume=True, quiet=True)
    assert again["shards_skipped"] == again["shards"]
    first = sorted(serial.glob("documents-*.jsonl"))[0]
    before = first.read_bytes()
    first.unlink()
    redo = run_extract([str(src)], serial, shard_size=20, resume=True, quiet=True)
    assert redo["shards_skipped"] == redo["shards"] - 1
    assert first.read_bytes() == before
    # Other rule files would mix two sets of rules in one output: refused.
    units = tmp_path / "units.yaml"
    units.write_text((ROOT / "rules" / "units.yaml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    with pytest.raises(ValueError, match="rule files differ"):
        run_extract([str(src)], serial, shard_size=20, resume=True, quiet=True, units=units)


def _fast_path_texts() -> list[str]:
    texts = [SEED.read_text(encoding="utf-8")] + [d["text"] for g in gold_files() for d in read_jsonl(g)]
    names = ("UD_Chinese-GSDSimp/zh_gsdsimp-ud-test.conllu", "UD_Chinese-PUD/zh_pud-ud-test.conllu")
    ud = ud_data(*names)
    for name in names:
        lines = (ud / name).read_text(encoding="utf-8").splitlines()
        texts += [line[len("# text = "):] for line in lines if line.startswith("# text = ")]
    return texts


def test_fast_path_loses_nothing():
    """The pure stages give the records of the full pipeline, with and without the sentence prefilter."""
    from zhibiao import load, to_records
    from zhibiao.records import extract_records

    full = batch.worker_nlp(None, None, None)
    prefiltered = load(**{"nlp.tokenizer.prefilter": True})
    for text in _fast_path_texts():
        expected = to_records(full(text))
        assert extract_records(text) == expected, text
        assert to_records(prefiltered(text)) == expected, text


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_event_stops_the_run_as_ctrl_c_does(tmp_path, workers):
    """A Ctrl-C whose KeyboardInterrupt Python dropped (raised inside a ``__del__``) still stops the
    run: the command's handler also sets the event, which the run checks between counts."""
    import threading

    src = _corpus(tmp_path)
    out = tmp_path / "cancelled"
    pressed = threading.Event()
    pressed.set()
    with pytest.raises(batch.RunCancelled) as stopped:
        run_extract([str(src)], out, workers=workers, shard_size=15, quiet=True, cancel=pressed)
    total = stopped.value.summary["shards"]
    assert stopped.value.summary["shards_complete"] < total
    assert not list(out.glob(".*.tmp-*"))
    resumed = run_extract([str(src)], out, workers=workers, shard_size=15, resume=True, quiet=True)  # lock released
    assert resumed["shards"] == total


def test_sigint_leaves_no_complete_looking_part(tmp_path):
    src = _corpus(tmp_path, copies=20)  # enough work left after two parts that SIGINT lands mid-run
    out = tmp_path / "killed"
    cmd = [sys.executable, "-m", "zhibiao.cli", "extract", str(src), "-o", str(out), "--workers", "1",
           "--shard-size", "15", "--quiet"]
    proc = subprocess.Popen(cmd, cwd=tmp_path, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("documents-*.jsonl"))) < 2:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    proc.wait(timeout=60)
    assert proc.returncode == 130
    # Every part that looks complete is complete: it parses and has a line per document.
    for part in out.glob("documents-*.jsonl"):
        assert all(json.loads(line) for line in part.read_text(encoding="utf-8").splitlines())
    resumed = run_extract([str(src)], out, shard_size=15, resume=True, quiet=True)
    assert resumed["shards_skipped"] >= 2
    full = tmp_path / "full"
    run_extract([str(src)], full, shard_size=15, quiet=True)
    for part in sorted(full.glob("*.jsonl")):
        assert (out / part.name).read_bytes() == part.read_bytes()
    assert not list(out.glob(".*.tmp-*"))


def test_a_stopped_process_pool_starts_no_more_shards(tmp_path):
    """Ctrl-C, or a failed shard, stops the run at the next shard: the pool cancels the shards not
    yet started instead of running them all before it closes."""
    shards = plan_shards([_corpus(tmp_path)], ReadOptions(), 15)
    runs = batch.ProcessExecutor(2).map_shards(shards, ExtractOptions(str(tmp_path)), lambda documents: None)
    next(runs)
    runs.close()
    assert len(list(tmp_path.glob("documents-*.jsonl"))) < len(shards) // 2


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> tuple[Path, Path]:
    """A corpus of about 2,300 documents in 150 shards of 15 (a 2-worker run takes seconds, so a
    signal sent after its first part lands mid-run) and the output of an uninterrupted run."""
    folder = tmp_path_factory.mktemp("cancel")
    src = _corpus(folder, copies=4)
    run_extract([str(src)], folder / "full", shard_size=15, quiet=True)
    return src, folder / "full"


def _extract_process(src: Path, out: Path, *args: str) -> subprocess.Popen:
    """``zhibiao extract`` with 2 workers in a session of its own (a terminal's Ctrl-C goes to the
    whole process group, which ``os.killpg`` does too)."""
    cmd = [sys.executable, "-m", "zhibiao.cli", "extract", str(src), "-o", str(out), "--workers", "2",
           "--shard-size", "15", "--show", "0", *args]
    return subprocess.Popen(cmd, cwd=out.parent, start_new_session=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _running_children(parent: int) -> list[int]:
    """Pids of the live (not zombie) processes whose parent is ``parent``, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == str(parent) and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for_first_part(proc: subprocess.Popen, out: Path) -> list[int]:
    """Wait (up to two minutes) until the run has written a part, and return its worker pids."""
    deadline = time.monotonic() + 120
    while not list(out.glob("documents-*.jsonl")):
        assert proc.poll() is None and time.monotonic() < deadline, "the run ended or wrote no part"
        time.sleep(0.02)
    workers = _running_children(proc.pid)
    assert len(workers) == 2
    return workers


def _resume_gives(src: Path, out: Path, full: Path) -> None:
    """``--resume`` completes the run, with output byte-identical to the uninterrupted run."""
    proc = _extract_process(src, out, "--resume", "--quiet")
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    names = sorted(p.name for p in full.iterdir())
    assert names == sorted(p.name for p in out.iterdir())
    for name in names:
        assert (out / name).read_bytes() == (full / name).read_bytes(), name


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc")
def test_ctrl_c_stops_a_run_with_workers_and_resume_completes_it(tmp_path, uninterrupted):
    """The first Ctrl-C stops handing out shards, abandons the running ones (no temporary file stays),
    prints the summary of what is complete and exits 130 within seconds, its workers gone."""
    src, full = uninterrupted
    out = tmp_path / "out"
    proc = _extract_process(src, out)
    workers = _wait_for_first_part(proc, out)
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    seconds = time.monotonic() - sent
    assert proc.returncode == 130, stderr
    assert seconds < 10, f"{seconds:.1f} s from Ctrl-C to exit"
    assert "Traceback" not in stderr and "Aborted" not in stderr
    assert "documents read: " in stdout
    complete = len(list(out.glob("documents-*.jsonl")))
    shards = len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["shards"])
    assert f"cancelled: {complete} of {shards} shards complete; the same command with --resume" in stderr
    assert 0 < complete < shards
    assert not [w for w in workers if _alive(w)]
    assert not list(out.glob(".*.tmp-*")) and not (out / LOCK).exists()
    _resume_gives(src, out, full)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc")
def test_a_second_ctrl_c_exits_at_once(tmp_path, uninterrupted):
    src, full = uninterrupted
    out = tmp_path / "out"
    proc = _extract_process(src, out, "--quiet")
    workers = _wait_for_first_part(proc, out)
    os.killpg(proc.pid, signal.SIGINT)
    time.sleep(0.05)  # two signals sent at once may arrive as one
    os.killpg(proc.pid, signal.SIGINT)
    proc.communicate(timeout=60)
    # 130, or killed by SIGINT if the second came while Python was ending (a shell shows 130 too)
    assert proc.returncode in (130, -signal.SIGINT)
    deadline = time.monotonic() + 30  # after a hard exit, workers see their parent gone within a second
    while [w for w in workers if _alive(w)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]
    _resume_gives(src, out, full)


def test_a_second_ctrl_c_does_not_wait_for_a_slow_stop(tmp_path):
    """While the first Ctrl-C's orderly stop takes long, a second one ends the command at once."""
    script = ("import time\n"
              "from zhibiao.cli import _cancellable\n"
              "with _cancellable():\n"
              "    try:\n"
              "        print('running', flush=True); time.sleep(120)\n"
              "    except KeyboardInterrupt:\n"
              "        print('stopping', flush=True); time.sleep(120)\n")
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout.readline() == "running\n"
        proc.send_signal(signal.SIGINT)
        assert proc.stdout.readline() == "stopping\n"
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 130
        assert time.monotonic() - sent < 10


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc")
def test_workers_die_with_a_killed_parent(tmp_path, uninterrupted):
    """SIGKILL leaves the parent no chance to stop its workers: they notice and exit by themselves;
    the next run takes the lock over and --resume completes the run."""
    src, full = uninterrupted
    out = tmp_path / "out"
    proc = _extract_process(src, out, "--quiet")
    workers = _wait_for_first_part(proc, out)
    proc.kill()
    proc.communicate(timeout=60)
    deadline = time.monotonic() + 30
    while [w for w in workers if _alive(w)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]
    _resume_gives(src, out, full)


def test_cli_extract_prints_summary_and_events(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "zhibiao.cli", "extract", str(SEED), "-o", str(out), "--quiet"],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    assert "documents read: 1" in result.stdout
    assert "规模以上工业增加值 | 3.8 % | change | basis=yoy" in result.stdout


def test_dask_local_cluster_gives_identical_output(tmp_path):
    pytest.importorskip("dask.distributed")
    from zhibiao.batch import DaskExecutor

    src = _corpus(tmp_path)
    with open(src, "ab") as fh:
        fh.write(b'{"id": "bad", "text": 42}\n')
    local = tmp_path / "local"
    run_extract([str(src)], local, workers=1, shard_size=25, quiet=True)
    dask_out = tmp_path / "dask"
    summary = run_extract([str(src)], dask_out, shard_size=25, quiet=True, executor=DaskExecutor(None, workers=2))
    assert summary["errors"] == 1
    for part in sorted(local.glob("*-*.jsonl")):
        assert (dask_out / part.name).read_bytes() == part.read_bytes()
    errors = _records(dask_out, "errors")
    assert errors == [{"id": "bad", "source": str(src), "line": errors[0]["line"], "error": "text key 'text' holds int, not a string"}]
    again = run_extract([str(src)], dask_out, shard_size=25, resume=True, quiet=True, executor=DaskExecutor(None, workers=2))
    assert again["shards_skipped"] == again["shards"]


def test_dask_workers_send_document_counts(tmp_path, log_lines):
    pytest.importorskip("dask.distributed")
    from zhibiao.batch import DaskExecutor

    src = _small_files(tmp_path / "news")
    run_extract([str(src)], tmp_path / "out", shard_size=20, executor=DaskExecutor(None, workers=2))
    counts = _progress_counts(log_lines(), 50)
    assert len(counts) >= 3 and counts == sorted(counts) and counts[-1] == 50


@pytest.mark.parametrize("damage", ["truncated", "not gzip"])
def test_a_damaged_gzip_is_an_error_record_and_the_run_goes_on(tmp_path, damage):
    """The lines before the damage are read, the damage is an error record naming the file and line,
    and the other inputs are processed."""
    lines = "".join(json.dumps({"id": f"z{i}", "text": GOOD}, ensure_ascii=False) + "\n" for i in range(400))
    data = gzip.compress(lines.encode("utf-8"))
    bad = tmp_path / "in" / "a.jsonl.gz"
    bad.parent.mkdir()
    bad.write_bytes(data[: len(data) // 2] if damage == "truncated" else b"not gzip at all\n")
    _bad_jsonl(tmp_path / "in" / "b.jsonl")
    summary = run_extract([str(tmp_path / "in")], tmp_path / "out", shard_size=50, quiet=True)
    docs, errs = _records(tmp_path / "out"), _records(tmp_path / "out", "errors")
    damaged = [e for e in errs if e["source"] == str(bad)]
    assert len(damaged) == 1 and "cannot read the file from this line on" in damaged[0]["error"]
    read_before = [d for d in docs if d["id"].startswith("z")]
    assert [d["id"] for d in read_before] == [f"z{i}" for i in range(len(read_before))]
    assert damaged[0]["line"] == len(read_before) + 1
    assert 0 < len(read_before) < 400 if damage == "truncated" else read_before == []
    assert [d["id"] for d in docs[len(read_before):]] == ["a", "c", "e", "g", "h"]
    assert summary["documents"] + summary["errors"] == len(read_before) + 1 + 8


def test_an_output_folder_inside_the_input_folder_is_not_read(tmp_path):
    src = tmp_path / "news"
    src.mkdir()
    (src / "one.txt").write_text(GOOD, encoding="utf-8")
    run_extract([str(src)], src / "out", quiet=True)
    again = run_extract([str(src)], src / "out", force=True, quiet=True)
    assert again["documents"] == 1


MARKED_UP = "<p>上半年，<b>全国规模以上工业增加值</b>同比增长3.8%&nbsp;。</p>"


def test_html_inputs_and_the_html_option(tmp_path):
    """An .html file is one document read with its markup as white space; --html does the same for
    every document; without it, a JSON line's record is what it was; the full pipeline refuses markup."""
    from zhibiao.extractor import Extractor

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(MARKED_UP, encoding="utf-8")
    lines = folder / "news.jsonl"
    lines.write_text(json.dumps({"id": "news", "text": MARKED_UP}, ensure_ascii=False) + "\n", encoding="utf-8")
    run_extract([str(folder)], tmp_path / "auto", quiet=True)
    records = {r["id"]: r for r in _records(tmp_path / "auto")}
    assert records["page"] == {"id": "page", **Extractor(html=True)(MARKED_UP)}
    assert records["page"]["events"][0]["indicator"] == "规模以上工业增加值"
    assert records["news"] == {"id": "news", **Extractor()(MARKED_UP)}
    cmd = [sys.executable, "-m", "zhibiao.cli", "extract", str(lines), "--html", "-q", "-w", "1", "--show", "0"]
    result = subprocess.run([*cmd, "-o", str(tmp_path / "h")], capture_output=True, text=True)
    assert result.returncode == 0 and "documents read: 1" in result.stdout
    assert _records(tmp_path / "h") == [{"id": "news", **Extractor(html=True)(MARKED_UP)}]
    slow = subprocess.run([*cmd, "-o", str(tmp_path / "s"), "--no-fast-path"], capture_output=True, text=True)
    assert slow.returncode == 2 and slow.stderr.startswith("error: reading markup") and not (tmp_path / "s").exists()


def test_a_document_over_max_chars_is_extracted_in_pieces(tmp_path):
    text = "\n".join(["上半年，規模以上工業增加值同比增長3.8%。", "出口下降2%，工業投資同比增長8.9%。"] * 30)
    src = tmp_path / "long.jsonl"
    src.write_text(json.dumps({"id": "long", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    run_extract([str(src)], tmp_path / "whole", quiet=True)
    run_extract([str(src)], tmp_path / "pieces", max_chars=100, quiet=True)
    assert _records(tmp_path / "pieces") == _records(tmp_path / "whole")
    assert len(_records(tmp_path / "pieces")[0]["events"]) == 90


def test_a_damaged_parquet_is_an_error_record_and_the_run_goes_on(tmp_path):
    pytest.importorskip("pyarrow")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.parquet").write_bytes(b"PAR1 not a parquet file")
    _bad_jsonl(folder / "b.jsonl")
    summary = run_extract([str(folder)], tmp_path / "out", quiet=True)
    (damaged, *_) = _records(tmp_path / "out", "errors")
    assert damaged["source"] == str(folder / "a.parquet") and "cannot read the Parquet file" in damaged["error"]
    assert [d["id"] for d in _records(tmp_path / "out")] == ["a", "c", "e", "g", "h"]
    assert summary["documents"] + summary["errors"] == 1 + 8
