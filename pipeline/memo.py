"""A bounded table of answers kept per text, shared by the stages that look the same text up again."""
from __future__ import annotations

from typing import Any


class Memo(dict):
    """Answers kept per text, all forgotten at once when ``size`` are kept: news repeats its phrasing
    (subjects, the words before a value, names, period words), and a batch run is long."""

    def __init__(self, size: int = 8192) -> None:
        super().__init__()
        self.size = size

    def keep(self, key: str, value: Any) -> Any:
        """Store ``value`` for ``key`` (emptying the table first when full) and return it."""
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value
