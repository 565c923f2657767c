"""A name the owner lexicon lacks read as a company's by its part-of-speech tags (pipeline/link_proper.py)."""
from __future__ import annotations

import pytest

from zhibiao.link_proper import proper_name


@pytest.mark.parametrize("text,expected", [
    # brands the tagger does not know read as proper nouns, Latin names as foreign words
    ("伊利股份", True), ("药明康德", True), ("瑞幸咖啡", True), ("Tesla", True), ("NVIDIA", True),
    # words of the general vocabulary: segments, markets, frames
    ("游戏", False), ("海外", False), ("单季", False), ("合并", False), ("广告", False),
    # two Han characters are too few: the tagger reads unknown products so too
    ("白酒", False), ("奶粉", False),
])
def test_proper_name(text: str, expected: bool) -> None:
    assert proper_name(text) is expected
