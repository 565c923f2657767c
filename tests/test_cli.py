"""The command line: thin commands over plain functions, exit codes that mean something."""
from __future__ import annotations

import json

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
    assert nlp.pipe_names == ["zhibiao_pos", "zhibiao_quantities", "zhibiao_indicators"]


def test_evaluate_json_has_the_documented_keys(tmp_path):
    result = runner.invoke(app, ["evaluate", str(ROOT / "corpus" / "seed.gold.jsonl"), "--json", "--html", str(tmp_path / "e.html")])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    for level in ("quantities", "events_strict", "events_lenient"):
        assert set(scores[level]) >= {"p", "r", "f1", "tp", "fp", "fn"}
    assert set(scores["fields"]) == {"kind", "basis", "qualifier", "period"}
    assert "zb-match" in (tmp_path / "e.html").read_text(encoding="utf-8")


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
