"""The segmenter's training is reproducible: the same data and seed give byte-identical model files.

Trains twice for one iteration on the first sentences of each treebank, so
it runs in seconds; the bundled model is built the same way with 20.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from zhibiao.segmenter_train import (
    GSD_TRAIN,
    GSDSIMP_DEV,
    GSDSIMP_TEST,
    PUD_TEST,
    train_segmenter,
)

from .conftest import ud_data


def _head(src: Path, dst: Path, sentences: int) -> None:
    blocks = src.read_text(encoding="utf-8").split("\n\n")[:sentences]
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")


@pytest.fixture(scope="module")
def small_ud(tmp_path_factory) -> Path:
    full = ud_data(GSD_TRAIN, GSDSIMP_DEV, GSDSIMP_TEST, PUD_TEST)
    small = tmp_path_factory.mktemp("ud")
    for name, n in ((GSD_TRAIN, 300), (GSDSIMP_DEV, 50), (GSDSIMP_TEST, 50), (PUD_TEST, 50)):
        _head(full / name, small / name, n)
    return small


def test_same_seed_same_model(small_ud, tmp_path):
    first = train_segmenter(small_ud, tmp_path / "a", seed=3, train_iter=1)
    train_segmenter(small_ud, tmp_path / "b", seed=3, train_iter=1)
    for name in ("features.msgpack", "weights.npz", "ATTRIBUTION.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert first["train_sentences"] == 350
    assert 0 < first["f1_gsdsimp_test"] <= 100
    assert "CC BY-SA 4.0" in (tmp_path / "a" / "ATTRIBUTION.md").read_text(encoding="utf-8")
