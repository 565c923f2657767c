"""Custom attributes zhibiao sets on spaCy objects, registered once and idempotently.

Values are plain JSON-ready dicts in the contract's fields, so they survive
``DocBin(store_user_data=True)`` and ``Doc.to_bytes`` unchanged.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span


def register_extensions() -> None:
    """Register ``Span._.quantity`` and ``Doc._.events``; safe to call any number of times."""
    if not Span.has_extension("quantity"):
        Span.set_extension("quantity", default=None)
    if not Doc.has_extension("events"):
        Doc.set_extension("events", default=None)
