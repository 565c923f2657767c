"""The library's front door: build the default pipeline, extract records from text."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config

from .longtext import MAX_CHARS, extract_in_pieces
from .normalize import check_text

DEFAULT_CONFIG = Path(__file__).parent / "default_config.cfg"


def load(config: str | Path | None = None, **overrides: Any) -> Language:
    """Build and initialise the default zhibiao pipeline (or one from ``config``).

    ``overrides`` are config overrides in spaCy's dotted form, e.g.
    ``load(**{"components.zhibiao_quantities.set_ents": True})``.
    """
    from .meta import pipeline_meta

    nlp = _build(config, overrides)
    nlp.initialize()
    nlp.meta.update(pipeline_meta(nlp))
    return nlp


def default_config() -> Config:
    """The default pipeline's complete config, as ``zhibiao init-config`` writes it.

    ``default_config.cfg`` holds only what zhibiao sets; spaCy's own auto-fill adds every other
    section ([system], [corpora], [training], [pretraining], [initialize] ...) with the defaults of
    the installed spaCy, so ``spacy debug config`` accepts the result whatever that version is.
    """
    return _build(None, {}).config


def _build(config: str | Path | None, overrides: dict[str, Any]) -> Language:
    """The pipeline of ``config`` (default: ``default_config.cfg``), auto-filled, not yet initialised."""
    from spacy import util

    from . import components  # noqa: F401  registers the tokenizer and the factories

    cfg = util.load_config(config or DEFAULT_CONFIG, overrides=overrides, interpolate=False)
    return util.load_model_from_config(cfg, auto_fill=True, validate=True)


def to_records(doc: Doc) -> dict[str, Any]:
    """The contract's document record (``text``, ``quantities``, ``events``) of a processed ``Doc``."""
    from .components import events_of, quantities_of

    return {"text": doc.text, "quantities": quantities_of(doc), "events": events_of(doc)}


def extract(text: str, *, date: Any = None, html: bool = False, max_chars: int = MAX_CHARS) -> dict[str, Any]:
    """Quantities and events of one text, as the contract's JSON-ready document record.

    Runs the pure stages (normalise, tag, link) without building a spaCy ``Doc``: the records are the
    full pipeline's (a test checks it) at several times the speed and a fraction of the memory.
    ``load()`` is the way to a spaCy ``Language`` with tokens. ``html=True`` reads markup (tags,
    scripts, entities) as white space; offsets still point into ``text`` as given. A text over
    ``max_chars`` characters is extracted in pieces cut at paragraph boundaries (``longtext``).
    ``date`` (``2023-07-15`` or a ``datetime.date``) is the document's date: each event's period is
    read as ``period_start`` / ``period_end`` / ``period_type`` against it, or, without it, against a
    release date written in the text (see ``period_dates``).
    """
    from .records import default_extractor

    check_text(text)
    return extract_in_pieces(partial(default_extractor(html=html), date=date), text, max_chars)


def extract_many(items: Iterable[str | Mapping[str, Any]], *, text_key: str = "text", id_key: str = "id",
                 date_key: str = "date", html: bool = False, max_chars: int = MAX_CHARS) -> Iterator[dict[str, Any]]:
    """Document records of many texts, lazily, in input order, as ``zhibiao extract`` writes them.

    An item is a text or a mapping with the text under ``text_key`` (its id under ``id_key``, every
    other key kept as ``meta``; periods are read against its date under ``date_key``).  An item that
    cannot be processed gives an error record
    ``{"id", "source", "line", "error"}`` in its place (``line`` is the item's 1-based number), and
    the iteration goes on.
    """
    from .batch import extract_document
    from .readers import Document, ErrorRecord, ReadOptions, dict_to_document
    from .records import default_extractor

    extract_records = partial(extract_in_pieces, default_extractor(html=html), max_chars=max_chars)
    options = ReadOptions(text_key=text_key, id_key=id_key)
    for number, item in enumerate(items, 1):
        default_id = str(number)
        if isinstance(item, str):
            doc: Document | ErrorRecord = Document(default_id, item, "<input>", number)
        elif isinstance(item, Mapping):
            doc = dict_to_document(dict(item), default_id, "<input>", number, options)
        else:
            doc = ErrorRecord(default_id, "<input>", number, f"expected a str or a mapping, got {type(item).__name__}")
        if isinstance(doc, ErrorRecord):
            yield doc.to_dict()
            continue
        try:
            yield extract_document(doc, extract_records, date_key)
        except Exception as err:  # one failing document must not end the iteration
            yield ErrorRecord(doc.id, doc.source, number, f"{type(err).__name__}: {err}").to_dict()
