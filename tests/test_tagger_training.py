"""The part-of-speech model's training is reproducible: the same data and seed give byte-identical files.

Trains twice for one epoch on the first sentences of each treebank, so it
runs in seconds; the bundled model is built the same way with 10 epochs.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from zhibiao.pos_train import train_tagger

from .conftest import ud_sample


@pytest.fixture(scope="module")
def small_ud(tmp_path_factory) -> Path:
    return ud_sample(tmp_path_factory.mktemp("ud"), 200)


def test_same_seed_same_model(small_ud, tmp_path):
    first = train_tagger(small_ud, tmp_path / "a", seed=3, epochs=1)
    train_tagger(small_ud, tmp_path / "b", seed=3, epochs=1)
    for name in ("model.npz", "ATTRIBUTION.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["ATTRIBUTION.md", "model.npz"]
    assert first["train_sentences"] == 250
    assert 0 < first["upos_gsdsimp_test"] <= 100
    assert "CC BY-SA 4.0" in (tmp_path / "a" / "ATTRIBUTION.md").read_text(encoding="utf-8")


def test_another_seed_another_model(small_ud, tmp_path):
    train_tagger(small_ud, tmp_path / "a", seed=3, epochs=1)
    train_tagger(small_ud, tmp_path / "b", seed=4, epochs=1)
    assert (tmp_path / "a" / "model.npz").read_bytes() != (tmp_path / "b" / "model.npz").read_bytes()
