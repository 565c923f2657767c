"""The command line: thin commands over plain functions, exit codes that mean something."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

import zhibiao
from zhibiao.cli import app

from .conftest import CUSTOM_TIME_WORD, ROOT, periods_with_custom_time_word

runner = CliRunner()


def test_init_config_prints_a_config_that_loads(tmp_path):
    result = runner.invoke(app, ["init-config"])
    assert result.exit_code == 0
    cfg = tmp_path / "config.cfg"
    cfg.write_text(result.stdout, encoding="utf-8")
    nlp = zhibiao.load(cfg)
    assert nlp.pipe_names == ["zhibiao_pos", "zhibiao_quantities", "zhibiao_indicators"]


def test_init_config_is_complete_for_spacy_and_loads_the_same_pipeline(nlp, tmp_path):
    cfg = tmp_path / "config.cfg"
    assert runner.invoke(app, ["init-config", str(cfg)]).exit_code == 0
    written = spacy.util.load_config(cfg, interpolate=False)
    assert set(written) >= {"paths", "system", "nlp", "components", "corpora", "training", "pretraining", "initialize"}
    debug = subprocess.run([sys.executable, "-m", "spacy", "debug", "config", str(cfg)],
                           capture_output=True, text=True, cwd=tmp_path)
    assert debug.returncode == 0, debug.stdout + debug.stderr
    assert "Config is valid" in debug.stdout
    loaded = zhibiao.load(cfg)
    assert loaded.config.to_str() == nlp.config.to_str()
    text = "上半年，規模以上工業增加值同比增長3.8%，5G移動電話用戶達6.76億戶。"
    assert zhibiao.to_records(loaded(text)) == zhibiao.to_records(nlp(text))


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
    assert result.exit_code == 2
    assert f"{bad}:2:" in result.output


def test_fail_on_error_sets_the_exit_status(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "工業投資同比增長8.9%"}\n{"id": "b"}\n', encoding="utf-8")
    ok = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o1"), "-q", "-w", "1"])
    assert ok.exit_code == 0 and "failures: 1" in ok.stdout
    failed = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o2"), "-q", "-w", "1", "--fail-on-error"])
    assert failed.exit_code == 1
    again = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o1"), "-q", "-w", "1"])
    assert again.exit_code == 2 and "--force" in again.output


def test_render_writes_a_page(tmp_path):
    out = tmp_path / "o"
    assert runner.invoke(app, ["extract", str(ROOT / "seeds"), "-o", str(out), "-q", "-w", "1"]).exit_code == 0
    page = tmp_path / "r.html"
    result = runner.invoke(app, ["render", str(out), "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert page.read_text(encoding="utf-8").count('class="zb-q ') >= 30


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"zhibiao {zhibiao.__version__}"


@pytest.mark.parametrize("args", [["--format", "xml"], ["--engine", "spark"], ["--workers", "0"], ["--shard-size", "0"]])
def test_bad_options_are_usage_errors(tmp_path, args):
    result = runner.invoke(app, ["extract", str(ROOT / "seeds"), "-o", str(tmp_path / "o"), *args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


def test_custom_rules_are_used_and_recorded_in_the_manifest(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "工业投资同比增长8.9%"}\n', encoding="utf-8")
    linker = ROOT / "rules" / "linker.yaml"
    mine = tmp_path / "indicators.yaml"
    mine.write_text("sources:\n  - {id: mine, title: my own list}\n"
                    "indicators:\n  - {id: my_investment, name: 工业投资, aliases: [], source: mine}\n", encoding="utf-8")
    out = tmp_path / "o"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q", "-w", "1",
                                 "--rules", str(linker), "--rules", str(mine)])
    assert result.exit_code == 0, result.output
    (event,) = json.loads((out / "documents-00000.jsonl").read_text(encoding="utf-8"))["events"]
    assert event["indicator_id"] == "my_investment"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    recorded = {Path(f["path"]).name: f["sha256"] for f in manifest["rules"]}
    assert recorded["indicators.yaml"] == hashlib.sha256(mine.read_bytes()).hexdigest()
    assert set(recorded) == {"units.yaml", "linker.yaml", "indicators.yaml", "periods.yaml"}


@pytest.mark.parametrize("fast_path", ["--fast-path", "--no-fast-path"])
def test_a_periods_file_given_on_the_command_line_is_used_and_recorded(tmp_path, fast_path):
    """``--periods FILE`` replaces the bundled periods file as ``Extractor(periods=...)`` does: a period only that file
    knows is found and dated onto the event, in the fast path and the full pipeline, and the file is in the manifest."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": CUSTOM_TIME_WORD + "营收增长10%"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    mine = periods_with_custom_time_word(tmp_path / "periods.yaml", role="find")
    for out, extra, period in ((tmp_path / "bundled", [], None), (tmp_path / "mine", ["--periods", str(mine)], CUSTOM_TIME_WORD)):
        result = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q", "-w", "1", fast_path, *extra])
        assert result.exit_code == 0, result.output
        (event,) = json.loads((out / "documents-00000.jsonl").read_text(encoding="utf-8"))["events"]
        assert event["period"] == period
    manifest = json.loads((tmp_path / "mine" / "manifest.json").read_text(encoding="utf-8"))
    assert {"path": str(mine), "sha256": hashlib.sha256(mine.read_bytes()).hexdigest()} in manifest["rules"]


@pytest.mark.parametrize(("option", "content", "where"), [
    ("--units", "units:\n  - {id: x, forms: [\n", ":"),  # not YAML: the parser's line and column
    ("--periods", "patterns:\n  - id: x\n    role: find\n    nonsense: 1\n", ":2:"),  # a key no pattern has
])
def test_a_broken_rule_file_is_one_line_with_file_and_line(tmp_path, option, content, where):
    bad = tmp_path / (option[2:] + ".yaml")
    bad.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(ROOT / "seeds"), "-o", str(tmp_path / "o"), "-q", option, str(bad)])
    assert result.exit_code == 2
    assert f"{bad}{where}" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


def test_stdin_to_stdout():
    result = runner.invoke(app, ["extract", "-", "-o", "-", "-w", "1"],
                           input='{"id": "a", "text": "工業投資同比增長8.9%"}\n{"id": "b", "text": "出口下降2%"}\n')
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["a", "b"]
    assert docs[1]["events"][0]["value"] == -2
    assert "documents read: 2" in result.stderr


def test_mostly_failing_run_warns(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "body": "增长8.9%"}\n{"id": "b", "body": "增长2%"}\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o"), "-q", "-w", "1"])
    assert result.exit_code == 0
    assert "warning: 2 of 2 documents failed" in result.stderr



def test_render_writes_pages(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": f"增長{i}%"}) + "\n" for i in range(5)), encoding="utf-8")
    result = runner.invoke(app, ["render", str(src), "-o", str(tmp_path / "r.html"), "--page-size", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"wrote {tmp_path / 'r.html'} (5 documents on 3 pages, r.html to r-3.html)\n"
                             f"wrote {tmp_path / 'r-series.html'} (indicator series)\n")
    assert sorted(p.name for p in tmp_path.glob("*.html")) == ["r-2.html", "r-3.html", "r-series.html", "r.html"]
    assert 'href="r-2.html"' in (tmp_path / "r.html").read_text(encoding="utf-8")
    one = runner.invoke(app, ["render", str(src), "-o", str(tmp_path / "one.html"), "--limit", "2", "--no-series"])
    assert one.stdout == f"wrote {tmp_path / 'one.html'} (2 documents)\n"
    assert not (tmp_path / "one-series.html").exists()
    zero = runner.invoke(app, ["render", str(src), "-o", str(tmp_path / "z.html"), "--page-size", "0"])
    assert zero.exit_code == 2 and "--page-size" in zero.stderr

@pytest.fixture(scope="module")
def table_outputs(tmp_path_factory) -> dict[str, Path]:
    """Real ``extract`` output folders in every format, of the same input, in shards of two documents."""
    base = tmp_path_factory.mktemp("tables")
    src = base / "in.jsonl"
    texts = ["工業投資同比增長8.9%", "没有数字", "5G移動電話用戶達6.76億戶，規模以上工業增加值同比增長3.8%。"]
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t, "date": "2023-07-19"}, ensure_ascii=False) + "\n"
                           for i, t in enumerate(texts)), encoding="utf-8")
    for fmt in ("jsonl", "csv", "parquet"):
        result = runner.invoke(app, ["extract", str(src), "-o", str(base / fmt), "-f", fmt, "-q", "-w", "1",
                                     "--shard-size", "2"])
        assert result.exit_code == 0, result.output
    return {fmt: base / fmt for fmt in ("jsonl", "csv", "parquet")}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_render_reads_table_outputs_as_the_records(tmp_path, table_outputs, fmt):
    """The tables of an output folder give back the records of the jsonl output of the same input."""
    from zhibiao.render import read_records

    def given(records: list[dict]) -> list[dict]:
        """Records without empty fields: a table has every column, a JSON record only the fields it has."""
        return [{k: [{f: v for f, v in item.items() if v not in (None, "")} for item in r[k]]
                 if k in ("events", "quantities") else r[k] for k in r} for r in records]

    expected = read_records(table_outputs["jsonl"])
    assert given(read_records(table_outputs[fmt])) == given(expected) and sum(len(r["events"]) for r in expected) >= 3
    result = runner.invoke(app, ["render", str(table_outputs[fmt]), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r.html").read_text(encoding="utf-8").count('class="zb-q ') == \
        sum(len(r["quantities"]) for r in expected)


def test_render_damaged_table_is_one_error_line(tmp_path, table_outputs):
    import shutil

    folder = tmp_path / "pq"
    shutil.copytree(table_outputs["parquet"], folder)
    (folder / "events" / "part-00001.parquet").write_bytes(b"PAR1 not really")
    result = runner.invoke(app, ["render", str(folder), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and result.stdout == ""
    (printed,) = result.stderr.splitlines()
    assert printed.startswith(f"error: {folder}: cannot read the parquet tables ("), printed


# case: ((file name, content); ":LINE" of the error; what it says)
UNREADABLE = {
    "txt": (("notes.txt", "工業投資同比增長8.9%\n".encode()), "", "not a .jsonl file of records"),
    "malformed": (("in.jsonl", b'{"id": "a", "text": "x"}\n\n{"id": "b", "text": \n'), ":3",
                  "malformed JSON: Expecting value (column 21)"),
    "not an object": (("in.jsonl", b'{"id": "a", "text": "x"}\n["b"]\n'), ":2", "a JSON list, not a record"),
    "not utf-8": (("in.jsonl", b'{"id": "a", "text": "x"}\n{"id": "\xff"}\n'), ":2", "not valid UTF-8"),
}


@pytest.mark.parametrize("case", UNREADABLE)
def test_render_unreadable_input_is_one_error_line(tmp_path, case):
    file, line, message = UNREADABLE[case]
    path = tmp_path / file[0]
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


def test_progress_lines_on_stderr_unless_quiet(tmp_path):
    """Not on a terminal, the run's messages are log lines on standard error; --quiet shows none."""
    args = ["extract", str(ROOT / "seeds"), "-w", "1", "--show", "0"]
    loud = runner.invoke(app, [*args, "-o", str(tmp_path / "a")], env={"TTY_COMPATIBLE": "0"})
    assert loud.exit_code == 0, loud.output
    assert loud.stderr.splitlines()[0] == "1 document from 1 file in 1 shard"
    assert loud.stderr.splitlines()[-1].startswith("1 document in ")
    quiet = runner.invoke(app, [*args, "-o", str(tmp_path / "b"), "-q"], env={"TTY_COMPATIBLE": "0"})
    assert quiet.exit_code == 0 and quiet.stderr == ""
