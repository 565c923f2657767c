"""The import name is ``zhibiao``; the old name ``pipeline`` still works for one release, with a warning."""
from __future__ import annotations

import subprocess
import sys


def _run(code: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-W", "default", "-c", code], capture_output=True, text=True, cwd=cwd)


def test_a_pipeline_py_in_the_working_folder_does_not_shadow_the_package(tmp_path):
    (tmp_path / "pipeline.py").write_text("RAISE = 'a user module named like a common word'\n", encoding="utf-8")
    code = (
        "import json, spacy\n"
        "nlp = spacy.blank('zh'); nlp.add_pipe('zhibiao_quantities'); nlp.add_pipe('zhibiao_indicators')\n"
        "doc = nlp('工業投資同比增長8.9%')\n"
        "print(json.dumps([e['indicator'] for e in doc._.events], ensure_ascii=False))\n"
        "import zhibiao; print(json.dumps(zhibiao.extract('出口增长5%')['events'][0]['indicator'], ensure_ascii=False))\n"
    )
    result = _run(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ['["工业投资"]', '"出口"']


def test_old_import_name_warns_and_gives_the_same_modules(tmp_path):
    code = (
        "import warnings\n"
        "with warnings.catch_warnings(record=True) as w:\n"
        "    warnings.simplefilter('always')\n"
        "    import pipeline, pipeline.records\n"
        "    from pipeline.linker import link\n"
        "import zhibiao, zhibiao.records, zhibiao.linker\n"
        "print(pipeline is zhibiao, pipeline.records is zhibiao.records, link is zhibiao.linker.link)\n"
        "print(zhibiao.records.__spec__.name)\n"
        "print([str(x.category.__name__) for x in w if 'deprecated' in str(x.message)])\n"
    )
    result = _run(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["True True True", "zhibiao.records", "['DeprecationWarning']"]
