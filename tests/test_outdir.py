"""The output folder: a run removes only what a run wrote, resumes only the same inputs, runs alone."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zhibiao.batch import run_extract
from zhibiao.errors import OutputFolderError
from zhibiao.outdir import LOCK, MANIFEST

from .conftest import gold_files, read_jsonl

GOOD = "上半年，規模以上工業增加值同比增長3.8%，5G移動電話用戶達6.76億戶。"


def _jsonl(path: Path, ids: list[str], text: str = GOOD) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n" for i in ids),
                    encoding="utf-8")
    return path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zhibiao.cli", "extract", *args, "-q", "-w", "1", "--show", "0"],
                          capture_output=True, text=True, cwd=cwd)


def test_the_manifest_lists_every_file_the_run_wrote(tmp_path):
    out = tmp_path / "out"
    run_extract([str(_jsonl(tmp_path / "in.jsonl", ["a", "b", "c"]))], out, shard_size=2, quiet=True)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == sorted(p.name for p in out.iterdir() if p.name != MANIFEST)


def test_force_removes_only_the_files_a_run_wrote(tmp_path):
    """An input and a photo in the output folder survive --force (it used to delete both)."""
    folder = tmp_path / "e"
    folder.mkdir()
    news = _jsonl(folder / "news-00001.jsonl", ["a", "b", "c"])
    (folder / "photo-20240.jpg").write_bytes(b"\xff\xd8 a photo")
    run_extract([str(news)], folder, shard_size=1, quiet=True)
    assert (folder / "documents-00002.jsonl").exists()
    run_extract([str(news)], folder, shard_size=2, force=True, quiet=True)  # fewer shards: 00002 is removed
    assert sorted(p.name for p in folder.iterdir()) == [
        "documents-00000.jsonl", "documents-00001.jsonl", "errors-00000.jsonl", "errors-00001.jsonl",
        MANIFEST, "news-00001.jsonl", "photo-20240.jpg"]
    assert (folder / "photo-20240.jpg").read_bytes() == b"\xff\xd8 a photo"


def test_force_refuses_parts_no_manifest_lists_and_changes_nothing(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents-00007.jsonl").write_text("someone else's\n", encoding="utf-8")
    before = _snapshot(out)
    src = _jsonl(tmp_path / "in.jsonl", ["a"])
    result = _cli(str(src), "-o", str(out), "--force", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr == (f"error: {out} holds part files that no zhibiao manifest there lists: documents-00007.jsonl; "
                             "zhibiao will not remove or mix them: move them, or choose another output folder\n")
    assert _snapshot(out) == before
    (out / MANIFEST).write_text('{"build": "a manifest of another tool"}', encoding="utf-8")
    with pytest.raises(OutputFolderError, match="not a manifest written by zhibiao"):
        run_extract([str(src)], out, force=True, quiet=True)
    (out / MANIFEST).write_text('{"format": "jsonl", "shards": []}', encoding="utf-8")
    with pytest.raises(OutputFolderError, match="older zhibiao, which did not list the files it wrote"):
        run_extract([str(src)], out, force=True, quiet=True)


def test_a_refused_run_does_not_overwrite_the_manifest(tmp_path):
    """x into o2, then y into o2 (refused), then y with --resume: refused, not x's parts under y's name."""
    x = _jsonl(tmp_path / "x.jsonl", ["x1", "x2"])
    y = _jsonl(tmp_path / "y.jsonl", ["y1", "y2"])
    out = tmp_path / "o2"
    run_extract([str(x)], out, quiet=True)
    before = _snapshot(out)
    with pytest.raises(FileExistsError, match="--resume"):
        run_extract([str(y)], out, quiet=True)
    assert _snapshot(out) == before
    with pytest.raises(OutputFolderError, match=f"{y}: not an input of the run being resumed"):
        run_extract([str(y)], out, resume=True, quiet=True)
    assert _snapshot(out) == before


def test_resume_refuses_an_input_whose_content_changed(tmp_path):
    """Same path, same size, same line count, new content: named, refused, nothing changed."""
    src = _jsonl(tmp_path / "in.jsonl", ["a", "b"])
    out = tmp_path / "out"
    run_extract([str(src)], out, shard_size=1, quiet=True)
    (out / "documents-00001.jsonl").unlink()
    stat = src.stat()
    _jsonl(src, ["c", "d"])
    os.utime(src, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # even with the old modification time
    before = _snapshot(out)
    result = _cli(str(src), "-o", str(out), "--resume", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (f"error: {src}: changed since the run being resumed (sha256 differ); "
                             "resume with the same inputs, or use --force\n")
    assert _snapshot(out) == before
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["inputs"][0]) == {"path", "size", "mtime_ns", "sha256"}


def _corpus(tmp_path: Path, copies: int) -> Path:
    texts = [d["text"] for _ in range(copies) for g in gold_files() for d in read_jsonl(g)]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    return path


def test_a_second_run_into_a_locked_folder_is_refused(tmp_path):
    """While a run writes a folder, a second run into it refuses, naming the first one's pid."""
    src = _corpus(tmp_path, copies=20)
    out = tmp_path / "out"
    first = subprocess.Popen([sys.executable, "-m", "zhibiao.cli", "extract", str(src), "-o", str(out), "-q", "-w", "1",
                              "--shard-size", "15"], cwd=tmp_path, start_new_session=True)
    try:
        while not (out / "documents-00000.jsonl").exists() and first.poll() is None:
            time.sleep(0.05)
        second = _cli(str(src), "-o", str(out), "--resume", cwd=tmp_path)
        assert second.returncode == 2
        assert f"is in use by another zhibiao run (pid {first.pid} on " in second.stderr
    finally:
        os.killpg(first.pid, signal.SIGINT)
        first.wait(timeout=60)
    assert not (out / LOCK).exists()  # Ctrl-C releases the lock


def test_a_stale_lock_is_taken_over(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", ["a"])
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os, socket; print(os.getpid(), socket.gethostname())"],
                          capture_output=True, text=True, check=True).stdout.split()
    (out / LOCK).write_text(json.dumps({"pid": int(dead[0]), "host": dead[1]}), encoding="utf-8")
    result = _cli(str(src), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (out / LOCK).exists()
    assert (out / "documents-00000.jsonl").exists()


def test_an_unwritable_output_folder_is_one_line(tmp_path, monkeypatch):
    """The folder refuses writes (read-only, or not ours): one line naming it, exit 2. Simulated, as
    the tests may run as root, who may write anywhere."""
    from typer.testing import CliRunner

    from zhibiao.cli import app

    out = tmp_path / "readonly"
    out.mkdir()
    real = Path.write_text

    def refuse(self: Path, *args, **kwargs):
        if self.parent == out:
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", refuse)
    result = CliRunner().invoke(app, ["extract", str(_jsonl(tmp_path / "in.jsonl", ["a"])), "-o", str(out), "-q", "-w", "1"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {out}: cannot write to the output folder (Permission denied)\n"
    assert list(out.iterdir()) == []


def test_table_folders_are_the_runs_and_force_clears_only_its_parts(tmp_path):
    """A parquet run lists its parts in the table folders; --force (here to jsonl) removes them and the
    folders it emptied, and keeps a user's file in a table folder, and that folder."""
    pytest.importorskip("pyarrow")
    src = _jsonl(tmp_path / "in.jsonl", ["a", "b", "c"])
    out = tmp_path / "out"
    run_extract([str(src)], out, fmt="parquet", shard_size=2, quiet=True)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == sorted(p.relative_to(out).as_posix() for p in out.glob("*/*"))
    assert len(manifest["files"]) == 8 and "events/part-00001.parquet" in manifest["files"]
    (out / "events" / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "events" / ".part-00001.parquet.tmp-99").write_bytes(b"half")  # a killed run's
    with pytest.raises(FileExistsError, match="events/part-00000.parquet"):
        run_extract([str(src)], out, shard_size=2, quiet=True)
    run_extract([str(src)], out, shard_size=2, force=True, quiet=True)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "documents-00000.jsonl", "documents-00001.jsonl", "errors-00000.jsonl", "errors-00001.jsonl", "events",
        "events/notes.txt", MANIFEST]


def test_a_part_in_a_table_folder_no_manifest_lists_is_refused(tmp_path):
    out = tmp_path / "out"
    (out / "quantities").mkdir(parents=True)
    (out / "quantities" / "part-00003.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(OutputFolderError, match="quantities/part-00003.csv"):
        run_extract([str(_jsonl(tmp_path / "in.jsonl", ["a"]))], out, fmt="csv", force=True, quiet=True)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["quantities", "quantities/part-00003.csv"]
