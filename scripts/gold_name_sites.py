"""Where each gold name stands before its value: the walk of the gold files that the word-finding scripts share.

A script looking for words gold never keeps in a name (``predicate_words.py``, ``leading_verbs.py``) reads the
normalised text around each event's indicator where it is written in its value's sentence.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from zhibiao.evaluate import clean_indicator, document_script, item_start, read_documents
from zhibiao.normalize import normalize

SENTENCE_END = re.compile(r"[。!?\n]")


@dataclass(frozen=True)
class NameSite:
    """One gold event's name in its normalised text: where its sentence starts, where the name is written last
    before the value in that sentence (-1 where it is not) and where the value starts."""

    path: str
    doc: dict
    text: str
    name: str
    sentence_start: int
    name_start: int
    value_start: int


def name_sites(paths: Iterable[str]) -> Iterator[NameSite]:
    """Every gold event of the files with a name and a value found in the normalised text."""
    for path in paths:
        for doc in read_documents(path):
            norm = normalize(doc["text"])
            at: dict[int, int] = {}
            for i, s in enumerate(norm.starts):
                at.setdefault(s, i)
            text = norm.text
            for event in doc.get("events", []):
                name = clean_indicator(event.get("indicator"))
                start = item_start(doc["text"], event, True)
                if not name or start is None or start not in at:
                    continue
                v = at[start]
                s0 = max((m.end() for m in SENTENCE_END.finditer(text, 0, v)), default=0)
                yield NameSite(path, doc, text, name, s0, text.rfind(name, s0, v), v)


@dataclass
class Sightings:
    """Where each candidate word was seen beside a gold name: its documents, files and scripts (a candidate must
    stand in two documents of two files)."""

    docs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    files: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    scripts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, word: str, site: NameSite) -> None:
        self.docs[word].add(site.doc["id"])
        self.files[word].add(Path(site.path).name)
        self.scripts[word][document_script(site.doc)] += 1
