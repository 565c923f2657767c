"""A bounded table of answers kept per text, shared by the stages that look the same text up again."""
from __future__ import annotations

from typing import Any

#: the bound of a table asked of every subject (its region, its prefixes, the places opening it), which meets
#: every distinct subject of a run, not only the few a pattern's end probe lets through: 8,192 held less than
#: one reading of the 1,463 distinct documents the batch benchmark repeats (13,800 texts at a subject's start), so
#: each reading found the table emptied by the one before; at about 130 bytes a text, 32,768 cost 4 MB each
SUBJECT_TEXTS = 32768
#: what a table returns for a text it keeps no answer for (None is an answer)
UNKNOWN = object()


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
