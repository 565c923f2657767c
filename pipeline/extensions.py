"""Custom attributes zhibiao sets on spaCy objects, registered once and idempotently.

Values are plain JSON-ready dicts in the contract's fields, so they survive
``DocBin(store_user_data=True)`` and ``Doc.to_bytes``.  ``DocBin`` reads user
data back with msgpack's ``use_list=False`` (its keys are tuples), which turns
the list of events into a tuple: ``Doc._.events`` is therefore a getter that
gives the list back.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

# The key under which spaCy keeps a plain (default-valued) ``Doc._.events``, so DocBins written
# before the getter existed read back too.
EVENTS_KEY = ("._.", "events", None, None)


def register_extensions() -> None:
    """Register ``Span._.quantity`` and ``Doc._.events``; safe to call any number of times."""
    if not Span.has_extension("quantity"):
        Span.set_extension("quantity", default=None)
    if not Doc.has_extension("events"):
        Doc.set_extension("events", getter=get_events, setter=set_events)


def get_events(doc: Doc) -> list[dict[str, Any]] | None:
    """The events of ``doc`` (None before the linker ran), always a list.

    A tuple from ``DocBin`` is replaced by a list in ``doc.user_data`` itself, so that changes to the
    list returned are kept, as with any stored attribute.
    """
    events = doc.user_data.get(EVENTS_KEY)
    if isinstance(events, tuple):
        events = doc.user_data[EVENTS_KEY] = list(events)
    return events


def set_events(doc: Doc, events: list[dict[str, Any]] | None) -> None:
    """Store the events in ``doc.user_data``, which ``DocBin`` and ``Doc.to_bytes`` serialise."""
    doc.user_data[EVENTS_KEY] = events
