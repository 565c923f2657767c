"""Check the bare measures of class ``measure_noun`` against gold: where one is listed after another measure, the gold
indicator of its value carries the modifier written once before the list.

For every word of the lexicon entries asked (default ``list.measure_nouns``), over the design gold files (never
``corpus/blind/``):

- ``owned``: gold indicators ending in the word after a modifier (民营经济从业人员): a measure that takes one;
- ``alone``: gold indicators that are the word alone;
- ``listed``: the word written right after a joiner that follows another measure (class ``measure_noun`` or
  ``head``: 户数、从业人员), the construction ``link_subjects._measures_modifier`` reads, and there
- ``shared``: a gold indicator of the same sentence ends in the word after a modifier (the modifier distributed);
- ``bare``: a gold indicator of the same sentence is the word alone (the modifier not distributed): the rule would
  misread the word there.

A word with ``bare`` listings is a problem and the script exits with 1.  A word never ``owned`` is unattested: the
lexicon holds it as knowledge of the domain (the statistics of enterprises, registrations and carriers), which the
next texts may need.

    python scripts/measure_nouns.py [--entry ID ...] [--files GOLD ...] [--words WORD ...]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from zhibiao.evaluate import clean_indicator, design_gold_files, read_documents
from zhibiao.linker_rules import default_rules
from zhibiao.list_joiners import LIST_JOINERS
from zhibiao.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
_SENTENCE_END = "。;!?\n"


def lexicon_words(entries: list[str]) -> list[str]:
    """The words of the lexicon ``entries`` of the bundled rules, in the order asked."""
    by_id = {e.id: e for es in default_rules().lexicon.values() for e in es}
    return [w for e in entries for w in by_id[e].words]


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The bounds of the sentence holding position ``at``."""
    start = max(text.rfind(c, 0, at) for c in _SENTENCE_END) + 1
    ends = [k for k in (text.find(c, at) for c in _SENTENCE_END) if k >= 0]
    return start, min(ends, default=len(text))


def check(words: list[str], measures: list[str], files: list[str]) -> dict[str, Counter]:
    """Counts per word over the gold of ``files``; ``measures`` are the words a listed word may follow."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for path in files:
        for doc in read_documents(path):
            text = normalize(doc["text"]).text
            events = []
            for ev in doc.get("events", []):
                ind = normalize(clean_indicator(ev["indicator"])).text
                q = next((q for q in doc.get("quantities", []) if q["text"] == ev["value_text"]), None)
                events.append((ind, q["start"] if q else None))
                for w in words:
                    if ind == w:
                        counts[w]["alone"] += 1
                    elif ind.endswith(w):
                        counts[w]["owned"] += 1
            for w in words:
                at = text.find(w)
                while at > 0:
                    if text[at - 1] in LIST_JOINERS and any(text.endswith(m, 0, at - 1) for m in measures):
                        counts[w]["listed"] += 1
                        lo, hi = _sentence(text, at)
                        inds = [i for i, s in events if s is not None and lo <= s < hi]
                        counts[w]["shared"] += any(i.endswith(w) and i != w for i in inds)
                        counts[w]["bare"] += w in inds
                    at = text.find(w, at + 1)
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entry", nargs="*", default=["list.measure_nouns"], help="lexicon entries to check")
    ap.add_argument("--files", nargs="*", default=None, help="gold files (default: every design file)")
    ap.add_argument("--words", nargs="*", default=None, help="candidate words to check instead of the entries'")
    args = ap.parse_args()
    words = args.words or lexicon_words(args.entry)
    measures = lexicon_words(["list.measure_nouns", "heads"])
    counts = check(words, measures, args.files or [str(f) for f in design_gold_files(ROOT)])
    problems = 0
    print(f"{'word':10} {'owned':>6} {'alone':>6} {'listed':>6} {'shared':>6} {'bare':>6}")
    for w in sorted(words, key=lambda w: (-counts[w]["owned"], w)):
        c = counts[w]
        problems += bool(c["bare"])
        note = "  PROBLEM" if c["bare"] else "" if c["owned"] else "  unattested"
        print(f"{w:10} {c['owned']:6} {c['alone']:6} {c['listed']:6} {c['shared']:6} {c['bare']:6}{note}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
