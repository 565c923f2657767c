"""The library's front door: build the default pipeline, extract records from text."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .normalize import check_text

DEFAULT_CONFIG = Path(__file__).parent / "default_config.cfg"


def load(config: str | Path | None = None, **overrides: Any) -> Language:
    """Build and initialise the default zhibiao pipeline (or one from ``config``).

    ``overrides`` are config overrides in spaCy's dotted form, e.g.
    ``load(**{"components.zhibiao_quantities.set_ents": True})``.
    """
    from spacy import util

    from . import components  # noqa: F401  registers the tokenizer and the factories

    cfg = util.load_config(config or DEFAULT_CONFIG, overrides=overrides, interpolate=False)
    nlp = util.load_model_from_config(cfg, auto_fill=True, validate=True)
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def _default_nlp() -> Language:
    return load()


def to_records(doc: Doc) -> dict[str, Any]:
    """The contract's document record (``text``, ``quantities``, ``events``) of a processed ``Doc``."""
    from .components import events_of, quantities_of

    return {"text": doc.text, "quantities": quantities_of(doc), "events": events_of(doc)}


def extract(text: str) -> dict[str, Any]:
    """Quantities and events of one text, as the contract's JSON-ready document record."""
    check_text(text)
    return to_records(_default_nlp()(text))
