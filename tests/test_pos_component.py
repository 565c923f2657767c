"""The ``zhibiao_pos`` component: in the default pipeline, after any tokenizer, saved and loaded with its model."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from thinc.api import ConfigValidationError

import zhibiao

from .test_pos import needs_model


@needs_model
def test_default_pipeline_sets_pos_and_tag(nlp) -> None:
    assert nlp.pipe_names[0] == "zhibiao_pos"
    doc = nlp("上半年，規模以上工業增加值同比增長3.8%。\n投資下降了")
    assert all(t.pos_ and t.tag_ for t in doc)
    tagged = {t.text: (t.pos_, t.tag_) for t in doc}
    assert tagged["增長"] == ("VERB", "VV")
    assert tagged["\n"] == ("SPACE", "_SP")
    assert tagged["，"][0] == "PUNCT"


@needs_model
def test_component_tags_after_a_foreign_tokenizer() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhibiao_pos")
    doc = nlp("工業投資同比增長8.9%")
    assert all(t.pos_ for t in doc)


def test_bad_option_is_a_config_error() -> None:
    nlp = spacy.blank("zh")
    with pytest.raises(ConfigValidationError, match="colour"):
        nlp.add_pipe("zhibiao_pos", config={"colour": "red"})


@needs_model
def test_saved_pipeline_carries_the_model(nlp, tmp_path) -> None:
    saved = tmp_path / "saved"
    nlp.to_disk(saved)
    assert {p.name for p in (saved / "zhibiao_pos").iterdir()} == {"cfg.json", "model.npz", "ATTRIBUTION.md"}
    text = "工業投資同比增長8.9%，居全國第二"
    code = (f"import json, spacy\nnlp = spacy.load({str(saved)!r})\n"
            f"print(nlp.get_pipe('zhibiao_pos').tagger.model_dir)\n"
            f"print(json.dumps([(t.pos_, t.tag_) for t in nlp({text!r})]))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    where, tags = result.stdout.splitlines()
    assert where == str(saved / "zhibiao_pos")
    assert [tuple(t) for t in json.loads(tags)] == [(t.pos_, t.tag_) for t in nlp(text)]


@needs_model
def test_bytes_round_trip(nlp) -> None:
    clone = zhibiao.load()
    clone.from_bytes(nlp.to_bytes())
    text = "工業投資同比增長8.9%"
    assert [(t.pos_, t.tag_) for t in clone(text)] == [(t.pos_, t.tag_) for t in nlp(text)]


def test_initialize_takes_a_model_path(tmp_path) -> None:
    nlp = zhibiao.load(**{"initialize.components.zhibiao_pos.model_path": str(tmp_path)})
    assert nlp.get_pipe("zhibiao_pos").tagger.model_dir == tmp_path
    with pytest.raises(FileNotFoundError, match="no part-of-speech model"):
        nlp("增长")
