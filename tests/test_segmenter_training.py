"""The segmenter's training is reproducible: the same data and seed give byte-identical model files.

Trains twice for one iteration on the first sentences of each treebank, so
it runs in seconds; the bundled model is built the same way with 20.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from zhibiao.segmenter_train import train_segmenter

from .conftest import ud_sample


@pytest.fixture(scope="module")
def small_ud(tmp_path_factory) -> Path:
    return ud_sample(tmp_path_factory.mktemp("ud"), 300)


def test_same_seed_same_model(small_ud, tmp_path):
    first = train_segmenter(small_ud, tmp_path / "a", seed=3, train_iter=1)
    train_segmenter(small_ud, tmp_path / "b", seed=3, train_iter=1)
    for name in ("features.msgpack", "weights.npz", "ATTRIBUTION.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert first["train_sentences"] == 350
    assert 0 < first["f1_gsdsimp_test"] <= 100
    assert "CC BY-SA 4.0" in (tmp_path / "a" / "ATTRIBUTION.md").read_text(encoding="utf-8")
