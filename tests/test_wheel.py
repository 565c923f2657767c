"""The built wheel works on its own: rules, model and config travel inside it.

The wheel is installed into a fresh virtual environment that borrows only the
third-party dependencies of the test environment (through a .pth file, so no
download is needed), and used from a folder outside the repository.
"""
from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from .conftest import ROOT, SEED


def _sh(cmd: list[str], cwd: Path) -> str:
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    assert result.returncode == 0, f"{cmd}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    _sh([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(ROOT)], tmp)
    wheel = next((tmp / "dist").glob("zhibiao-*.whl"))
    env = tmp / "venv"
    _sh([sys.executable, "-m", "venv", str(env)], tmp)
    purelib = Path(_sh([str(env / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp).strip())
    deps = [p for p in site.getsitepackages() + [sysconfig.get_paths()["purelib"]] if Path(p).is_dir()]
    (purelib / "_zhibiao_test_deps.pth").write_text("\n".join(dict.fromkeys(deps)) + "\n", encoding="utf-8")
    _sh([str(env / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], tmp)
    return env


def test_wheel_carries_model_rules_and_config(wheel_env, tmp_path):
    out = _sh([str(wheel_env / "bin" / "python"), "-c",
               "import zhibiao, zhibiao.resources as r, json\n"
               "print(json.dumps([zhibiao.__file__, str(r.rules_path('units.yaml').is_file()),"
               " str((r.segmenter_dir() / 'weights.npz').is_file()), str((r.segmenter_dir() / 'ATTRIBUTION.md').is_file()),"
               " str((r.tagger_dir() / 'model.npz').is_file()), str((r.tagger_dir() / 'ATTRIBUTION.md').is_file())]))"],
              tmp_path)
    where, units, model, attribution, tagger, tagger_attribution = json.loads(out)
    assert not where.startswith(str(ROOT)), where
    assert (units, model, attribution, tagger, tagger_attribution) == ("True",) * 5


def test_add_pipe_by_name_and_spacy_load_from_the_wheel(wheel_env, tmp_path):
    saved = tmp_path / "saved"
    out = _sh([str(wheel_env / "bin" / "python"), "-c",
               "import spacy, json\n"
               "nlp = spacy.blank('zh'); nlp.add_pipe('zhibiao_quantities')\n"
               "doc = nlp('達6.76億戶')\n"
               "print(json.dumps([s._.quantity['value'] for s in doc.spans['quantities']]))\n"
               "import zhibiao\n"
               f"zhibiao.load().to_disk({str(saved)!r})\n"
               f"nlp2 = spacy.load({str(saved)!r})\n"
               "print(json.dumps([e['indicator'] for e in nlp2('工業投資同比增長8.9%')._.events], ensure_ascii=False))"],
              tmp_path)
    assert out.splitlines() == ["[676000000]", '["工业投资"]']


def test_extract_command_from_the_wheel(wheel_env, tmp_path):
    env = {**os.environ, "PATH": f"{wheel_env / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(["zhibiao", "extract", str(SEED), "-o", str(tmp_path / "out"), "--quiet"],
                            capture_output=True, text=True, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert "documents read: 1" in result.stdout
    assert "5G移动电话用户 | 676000000 户 | level" in result.stdout
