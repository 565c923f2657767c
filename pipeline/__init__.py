"""zhibiao: Chinese economic-indicator extraction as spaCy components.

Importing the package is cheap: OpenCC, the segmentation model and the rules
load on first use.  The public entry points are ``load`` (a spaCy ``Language``),
``extract`` and ``extract_many`` (records straight from text) and ``to_records`` (records of a ``Doc``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["load", "extract", "extract_many", "to_records", "__version__"]

if TYPE_CHECKING:
    from .api import extract, extract_many, load, to_records


def __getattr__(name: str) -> Any:
    if name in ("load", "extract", "extract_many", "to_records"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'zhibiao' has no attribute {name!r}")
