"""Accuracy of the shipped part-of-speech model on held-out UD data, with gold words.

Needs the UD Chinese data: ``$ZHIBIAO_UD_DIR`` or ``<repo>/../shared/data/ud-chinese``.
The figures and how they were measured are in README ("The part-of-speech model").
"""
from __future__ import annotations

import pytest

from zhibiao import resources
from zhibiao.pos import PosTagger
from zhibiao.pos_train import read_tagged, tag_accuracy
from zhibiao.segmenter_train import GSDSIMP_TEST

from .conftest import ud_data

# Measured 92.07 / 92.81 with the shipped model (the target is UPOS >= 92).
UPOS_FLOOR = 92.0
XPOS_FLOOR = 92.5


@pytest.fixture(scope="module")
def gsdsimp_test() -> list:
    path = ud_data(GSDSIMP_TEST) / GSDSIMP_TEST
    if not (resources.tagger_dir() / "model.npz").is_file():
        pytest.skip("bundled part-of-speech model not built (scripts/train_tagger.py)")
    return read_tagged(path)


def test_accuracy_gsdsimp_test_gold_words(gsdsimp_test: list) -> None:
    upos, xpos = tag_accuracy(PosTagger().tag_words, gsdsimp_test)
    assert upos >= UPOS_FLOOR, f"UPOS {upos:.2f} < {UPOS_FLOOR}"
    assert xpos >= XPOS_FLOOR, f"XPOS {xpos:.2f} < {XPOS_FLOOR}"
