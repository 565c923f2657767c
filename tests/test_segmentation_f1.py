"""Word F1 of the shipped segmentation model, in its exact runtime configuration.

Needs the UD Chinese data: ``$ZHIBIAO_UD_DIR`` or ``<repo>/../shared/data/ud-chinese``.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from zhibiao import resources
from zhibiao.segmenter import Segmenter
from zhibiao.segmenter_train import GSDSIMP_TEST, PUD_TEST, evaluate_segmenter, word_f1

from .conftest import ud_data

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ud_dir() -> Path:
    return ud_data(GSDSIMP_TEST, PUD_TEST)


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    if not (resources.segmenter_dir() / "weights.npz").is_file():
        pytest.skip("bundled segmentation model not built (scripts/train_segmenter.py)")
    return Segmenter()  # exactly the runtime configuration


def test_word_f1_spans() -> None:
    assert word_f1([["我们", "去"]], [["我们", "去"]]) == 100.0
    # gold 2 words, pred 3 words, 1 correct: P=1/3, R=1/2 -> F1=40
    assert word_f1([["我们", "去"]], [["我", "们", "去"]]) == pytest.approx(40.0)
    with pytest.raises(ValueError):
        word_f1([["我们"]], [["你们"]])


def test_f1_gsdsimp_test(seg: Segmenter, ud_dir: Path) -> None:
    f1 = evaluate_segmenter(seg.cut, ud_dir / GSDSIMP_TEST)
    assert f1 >= 93.5, f"GSDSimp test word F1 {f1:.2f} < 93.5"


def test_f1_pud(seg: Segmenter, ud_dir: Path) -> None:
    f1 = evaluate_segmenter(seg.cut, ud_dir / PUD_TEST, simplify=True)
    assert f1 >= 90.5, f"PUD word F1 {f1:.2f} < 90.5"
