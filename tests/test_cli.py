"""The command line: thin commands over plain functions, exit codes that mean something."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import zhibiao
from zhibiao.cli import app

from .conftest import ROOT

runner = CliRunner()


def test_init_config_prints_a_config_that_loads(tmp_path):
    result = runner.invoke(app, ["init-config"])
    assert result.exit_code == 0
    cfg = tmp_path / "config.cfg"
    cfg.write_text(result.stdout, encoding="utf-8")
    nlp = zhibiao.load(cfg)
    assert nlp.pipe_names == ["zhibiao_quantities", "zhibiao_indicators"]


def test_evaluate_json_has_the_documented_keys(tmp_path):
    result = runner.invoke(app, ["evaluate", str(ROOT / "corpus" / "seed.gold.jsonl"), "--json", "--html", str(tmp_path / "e.html")])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    for level in ("quantities", "events_strict", "events_lenient"):
        assert set(scores[level]) >= {"p", "r", "f1", "tp", "fp", "fn"}
    assert set(scores["fields"]) == {"kind", "basis", "qualifier", "period"}
    assert "zb-match" in (tmp_path / "e.html").read_text(encoding="utf-8")


def test_evaluate_against_a_second_annotation(tmp_path):
    gold = ROOT / "corpus" / "seed.gold.jsonl"
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs[0]["events"] = docs[0]["events"][1:]  # the second annotator missed one event
    other = tmp_path / "second.jsonl"
    other.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), "--against", str(other), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["quantities"]["f1"] == 1.0
    assert (scores["events_strict"]["fp"], scores["events_strict"]["fn"]) == (0, 1)


def test_evaluate_bad_gold_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "增长3%"}\n{"id": "b", "text": \n', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2:" in result.output


def test_fail_on_error_sets_the_exit_status(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "工業投資同比增長8.9%"}\n{"id": "b"}\n', encoding="utf-8")
    ok = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o1"), "-q", "-w", "1"])
    assert ok.exit_code == 0 and "failures: 1" in ok.stdout
    failed = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o2"), "-q", "-w", "1", "--fail-on-error"])
    assert failed.exit_code == 2
    again = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o1"), "-q", "-w", "1"])
    assert again.exit_code == 1 and "--force" in again.output


def test_render_writes_a_page(tmp_path):
    out = tmp_path / "o"
    assert runner.invoke(app, ["extract", str(ROOT / "seeds"), "-o", str(out), "-q", "-w", "1"]).exit_code == 0
    page = tmp_path / "r.html"
    result = runner.invoke(app, ["render", str(out), "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert page.read_text(encoding="utf-8").count('class="zb-q ') >= 30



def test_render_writes_pages(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": f"增長{i}%"}) + "\n" for i in range(5)), encoding="utf-8")
    result = runner.invoke(app, ["render", str(src), "-o", str(tmp_path / "r.html"), "--page-size", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {tmp_path / 'r.html'} (5 documents on 3 pages, r.html to r-3.html)\n"
    assert sorted(p.name for p in tmp_path.glob("*.html")) == ["r-2.html", "r-3.html", "r.html"]
    assert 'href="r-2.html"' in (tmp_path / "r.html").read_text(encoding="utf-8")
    one = runner.invoke(app, ["render", str(src), "-o", str(tmp_path / "one.html"), "--limit", "2"])
    assert one.stdout == f"wrote {tmp_path / 'one.html'} (2 documents)\n"
    zero = runner.invoke(app, ["render", str(src), "-o", str(tmp_path / "z.html"), "--page-size", "0"])
    assert zero.exit_code == 2 and "--page-size" in zero.stderr

@pytest.fixture(scope="module")
def table_outputs(tmp_path_factory) -> dict[str, Path]:
    """Real ``extract`` output folders in the table formats render cannot read."""
    base = tmp_path_factory.mktemp("tables")
    src = base / "in.jsonl"
    src.write_text('{"id": "a", "text": "工業投資同比增長8.9%"}\n', encoding="utf-8")
    for fmt in ("csv", "parquet"):
        result = runner.invoke(app, ["extract", str(src), "-o", str(base / fmt), "-f", fmt, "-q", "-w", "1"])
        assert result.exit_code == 0, result.output
    return {"csv": base / "csv", "parquet": base / "parquet"}


# case: ((file name, content), or None for a table output folder; ":LINE" of the error; what it says)
UNREADABLE = {
    "csv": (None, "", "holds csv tables (events-*.csv), not document records"),
    "parquet": (None, "", "holds parquet tables (events-*.parquet), not document records"),
    "txt": (("notes.txt", "工業投資同比增長8.9%\n".encode()), "", "not a .jsonl file of records"),
    "malformed": (("in.jsonl", b'{"id": "a", "text": "x"}\n\n{"id": "b", "text": \n'), ":3",
                  "malformed JSON: Expecting value (column 21)"),
    "not an object": (("in.jsonl", b'{"id": "a", "text": "x"}\n["b"]\n'), ":2", "a JSON list, not a record"),
    "not utf-8": (("in.jsonl", b'{"id": "a", "text": "x"}\n{"id": "\xff"}\n'), ":2", "not valid UTF-8"),
}


@pytest.mark.parametrize("case", UNREADABLE)
def test_render_unreadable_input_is_one_error_line(tmp_path, table_outputs, case):
    file, line, message = UNREADABLE[case]
    path = table_outputs[case] if file is None else tmp_path / file[0]
    if file is not None:
        path.write_bytes(file[1])
    result = runner.invoke(app, ["render", str(path), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # nothing escaped, so no traceback
    assert result.stdout == ""
    (printed,) = result.stderr.splitlines()
    assert printed.startswith(f"error: {path}{line}: {message}"), printed
    assert not (tmp_path / "r.html").exists()


def test_render_missing_and_empty_inputs(tmp_path):
    missing = runner.invoke(app, ["render", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "r.html")])
    assert missing.exit_code == 2 and missing.stderr == f"error: {tmp_path / 'nope.jsonl'}: no such file or folder\n"
    empty = runner.invoke(app, ["render", str(tmp_path), "-o", str(tmp_path / "r.html")])
    assert empty.exit_code == 2 and "no documents-*.jsonl part files" in empty.stderr
