"""Registers zhibiao's tokenizer and pipeline components, and reads their results off a ``Doc``.

The ``spacy_factories`` and ``spacy_tokenizers`` entry points point here, so
``spacy.blank("zh").add_pipe("zhibiao_quantities")`` works without importing
``zhibiao`` first.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .extensions import register_extensions
from .indicator_linker import IndicatorLinker, make_indicator_linker
from .language import Zhibiao
from .pos_tagger import PartOfSpeechTagger, make_pos_tagger
from .quantity_tagger import QuantityTagger, make_quantity_tagger
from .tokenizer import ZhibiaoTokenizer, create_tokenizer

__all__ = [
    "IndicatorLinker", "PartOfSpeechTagger", "QuantityTagger", "Zhibiao", "ZhibiaoTokenizer", "create_tokenizer",
    "events_of", "make_indicator_linker", "make_pos_tagger", "make_quantity_tagger", "quantities_of",
]


def quantities_of(doc: Doc, spans_key: str = "quantities") -> list[dict[str, Any]]:
    """The quantity records of a processed ``Doc``, in text order."""
    register_extensions()
    spans = doc.spans[spans_key] if spans_key in doc.spans else []
    return [dict(s._.quantity) for s in spans if s._.quantity is not None]


def events_of(doc: Doc) -> list[dict[str, Any]]:
    """The event records of a processed ``Doc`` (empty when the linker has not run)."""
    register_extensions()
    return [dict(e) for e in (doc._.events or [])]
