"""Contract records straight from the pure stages: normalise, tag, link; no spaCy ``Doc``.

The spaCy components wrap exactly these stages, and the tagger and linker read
characters, not tokens; so for the records of a document, segmentation is work
that changes nothing.  Batch extraction uses this path by default (the fast
path), and a test checks that it gives the same records as the full pipeline.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .normalize import DEFAULT_CONVERSION, Normalized
from .quantities import Quantity, as_number

if TYPE_CHECKING:
    from .extractor import Extractor


def quantity_record(q: Quantity, text: str, start: int, end: int) -> dict[str, Any]:
    """The contract's quantity record of a tagged quantity, at original offsets."""
    return {**q.to_dict(), "text": text[start:end], "start": start, "end": end}


def event_record(event: Any, norm: Normalized) -> dict[str, Any]:
    """The contract's event record of a linked event, at original offsets."""
    text = norm.original
    v_start, v_end = norm.to_original(event.value_start, event.value_end)
    s_start, s_end = norm.to_original(event.sentence_start, event.sentence_end)
    while s_start < s_end and text[s_start].isspace():  # the sentence without the white space around it
        s_start += 1
    while s_end > s_start and text[s_end - 1].isspace():
        s_end -= 1
    i_start = i_end = None
    if event.indicator_start is not None:
        i_start, i_end = norm.to_original(event.indicator_start, event.indicator_end)
    return {
        "indicator": event.indicator, "indicator_id": event.indicator_id,
        "indicator_start": i_start, "indicator_end": i_end,
        "value_text": text[v_start:v_end], "value_start": v_start, "value_end": v_end,
        "value": as_number(event.value), "unit": event.unit, "kind": event.kind, "basis": event.basis,
        "qualifier": event.qualifier, "period": event.period, "location": event.location,
        "sentence": text[s_start:s_end], "rule": event.rule,
    }


def default_extractor(conversion: str = DEFAULT_CONVERSION, html: bool = False, units: str | None = None,
                      rules: tuple[str, ...] | None = None, periods: str | None = None) -> "Extractor":
    """The extractor of these settings (the bundled units, rules and periods unless given), built once per process:
    the library calls and batch workers share it, so rule files load once, however the settings are passed."""
    return _extractor(conversion, html, units, rules, periods)


@lru_cache(maxsize=8)
def _extractor(conversion: str, html: bool, units: str | None, rules: tuple[str, ...] | None,
               periods: str | None) -> "Extractor":
    from .extractor import Extractor

    return Extractor(conversion=conversion, html=html, units=units, rules=rules, periods=periods)


def extract_records(text: str, *, conversion: str = DEFAULT_CONVERSION, html: bool = False) -> dict[str, Any]:
    """``{"text", "quantities", "events"}`` of one text, with the bundled rules (``html``: read markup as
    white space)."""
    return default_extractor(conversion, html)(text)
