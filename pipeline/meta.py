"""What a zhibiao pipeline says about itself in ``meta.json``: name, version, licences, sources.

The tokenizer carries the segmentation model, a derived work of UD Chinese treebanks under
CC BY-SA 4.0 (``data/segmenter/ATTRIBUTION.md``), so a saved pipeline names those treebanks and that
licence next to the MIT licence of the code; ``spacy package`` and model cards read them from here.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language

from . import __version__

# spaCy names a packaged pipeline "{lang}_{name}": lang is "zhibiao", so this one is zhibiao_news.
NAME = "news"
DESCRIPTION = ("zhibiao: indicator events from Chinese economic and statistical news (simplified, traditional "
               "and mixed script): script normaliser, pkuseg tokenizer, quantity tagger and indicator linker")
AUTHOR = "zhibiao maintainers"
CODE_LICENSE = "MIT"
MODEL_LICENSE = "MIT (code); CC BY-SA 4.0 (segmentation model weights)"
SEGMENTER_SOURCES = [
    {"name": "UD Chinese GSD, v1.3 training set (converted to simplified script)",
     "url": "https://github.com/UniversalDependencies/UD_Chinese-GSD",
     "license": "CC BY-SA 4.0", "author": "Mo Shen, Ryan McDonald, Daniel Zeman, Peng Qi"},
    {"name": "UD Chinese GSDSimp, development set",
     "url": "https://github.com/UniversalDependencies/UD_Chinese-GSDSimp",
     "license": "CC BY-SA 4.0", "author": "Peng Qi, Koichi Yasuoka"},
]


def pipeline_meta(nlp: Language) -> dict[str, Any]:
    """The ``nlp.meta`` fields of a zhibiao pipeline; model licence and sources only where its weights are."""
    from .tokenizer import ZhibiaoTokenizer

    meta: dict[str, Any] = {"name": NAME, "version": __version__, "description": DESCRIPTION, "author": AUTHOR,
                            "license": CODE_LICENSE}
    if isinstance(nlp.tokenizer, ZhibiaoTokenizer):
        meta.update(license=MODEL_LICENSE, sources=[dict(s) for s in SEGMENTER_SOURCES])
    return meta
