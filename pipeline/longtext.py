"""Long documents in pieces: cut at paragraph boundaries, extract each piece, merge at whole-text offsets.

One giant document (a year of reports on one JSON line) would hold a worker for as long as it takes
and the full spaCy pipeline refuses texts over its ``max_length``.  Events never cross a paragraph,
so a document longer than the limit is cut after the last line break that fits (else after the last
sentence end, else at the limit) and its pieces' records are put back together with offsets into the
whole text: the record is the one the whole text would give when the cuts fall between paragraphs.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

MAX_CHARS = 2_000_000
"""Characters of a document extracted in one go: far above any article, low enough that one giant
line is cut into pieces instead of holding a worker for hours."""
SENTENCE_ENDS = "。！？!?；;"
QUANTITY_OFFSETS = ("start", "end")
EVENT_OFFSETS = ("value_start", "value_end", "indicator_start", "indicator_end")

Extract = Callable[[str], dict[str, Any]]


def _cut(window: str) -> int:
    """Where a piece that starts ``window`` ends: after its last line break, else after its last
    sentence end, else at its end."""
    cut = window.rfind("\n") + 1
    if cut == 0:
        cut = max(window.rfind(c) for c in SENTENCE_ENDS) + 1
    return cut or len(window)


def piece_starts(text: str, max_chars: int) -> list[int]:
    """Offsets where the pieces of ``text`` start, each piece at most ``max_chars`` long."""
    starts = [0]
    while len(text) - starts[-1] > max_chars:
        starts.append(starts[-1] + _cut(text[starts[-1]:starts[-1] + max_chars]))
    return starts


def _shift(items: list[dict[str, Any]], keys: tuple[str, ...], offset: int) -> list[dict[str, Any]]:
    return [{**item, **{k: item[k] + offset for k in keys if item.get(k) is not None}} for item in items]


def extract_in_pieces(extract: Extract, text: str, max_chars: int) -> dict[str, Any]:
    """The record of ``text`` from ``extract`` run on pieces of at most ``max_chars`` characters."""
    if len(text) <= max_chars:
        return extract(text)
    starts = piece_starts(text, max_chars)
    quantities: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for start, stop in zip(starts, [*starts[1:], len(text)]):
        record = extract(text[start:stop])
        quantities += _shift(record["quantities"], QUANTITY_OFFSETS, start)
        events += _shift(record["events"], EVENT_OFFSETS, start)
    return {"text": text, "quantities": quantities, "events": events}
