"""Check the owner lexicon's names against gold: where a name opens an indicator, a measure follows it; no gold name
holds it as a part.

For every word of the lexicon entries asked (default ``owner.short_names``; ``--entry owner.names`` for the older
list), over the design gold files (never ``corpus/blind/``):

- ``before``: gold indicators opening with the name, no word running on past it, and more after it: the name
  before its measure (台湾大每股盈余, 中国太保个险新业务);
- ``alone``: gold indicators that are the name alone (a company ranked as an item: 国泰金);
- ``glued``: gold indicators opening with the name where a word runs on past it (三星级酒店: a hotel's grade, no
  company; 台湾大学), which the owner class would misread;
- ``inside``: gold indicators holding the name after their start, where the name is part of another name;
- ``texts``: gold texts holding the name (the name is known to real text even where gold has no event for it).

A name with ``glued`` or ``inside`` events is listed as a problem and the script exits with 1: a name of the class
must never be a measure or a part of one.  A name with no ``before`` or ``alone`` event is unattested: the lexicon
holds it as knowledge of the domain, which the next texts may need.

    python scripts/owner_words.py [--entry ID ...] [--files GOLD ...] [--words WORD ...]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import regex

from zhibiao.evaluate import clean_indicator, design_gold_files, read_documents
from zhibiao.linker_rules import default_rules
from zhibiao.normalize import normalize
from zhibiao.pos import known_words

ROOT = Path(__file__).resolve().parent.parent


def lexicon_words(entries: list[str]) -> tuple[list[str], list[regex.Pattern]]:
    """The words and the compiled patterns of the lexicon ``entries`` of the bundled rules, in the order asked."""
    by_id = {e.id: e for es in default_rules().lexicon.values() for e in es}
    words = [w for e in entries for w in by_id[e].words]
    patterns = [regex.compile(p) for e in entries for p in by_id[e].patterns]
    return words, patterns


def _glued(text: str, at: int) -> bool:
    """Whether a word runs on past ``at``, the end of a name opening ``text``: a word the tagger knows starting inside
    the name (台湾大学: 大学), or a character that makes a grade or a kind of what it follows (三星级酒店)."""
    if text[at:at + 1] in _KIND_SUFFIX:
        return True
    known = known_words()
    return any(text[i:j] in known for i in range(1, at) for j in range(at + 1, min(len(text), at + 3) + 1))


# characters that glue a grade or a kind to the word before them (三星级, 大型, 新型): the whole is a category
_KIND_SUFFIX = frozenset("级型类系式")


def check(words: list[str], patterns: list[regex.Pattern], files: list[str]) -> dict[str, Counter]:
    """Counts per name (a word, or what a pattern matches opening an indicator) over the gold of ``files``; a name
    opening an indicator with a longer name of the owner class (台湾大 in 台湾大哥大用户数) is that name's."""
    longer = lexicon_words(["owner.names", "owner.short_names"])[0]
    counts: dict[str, Counter] = defaultdict(Counter)
    for path in files:
        for doc in read_documents(path):
            text = normalize(doc["text"]).text
            for w in words:
                counts[w]["texts"] += w in text
            for p in patterns:
                for name in {m.group(0) for m in p.finditer(text)}:
                    counts[name]["texts"] += 1
            for ev in doc.get("events", []):
                ind = normalize(clean_indicator(ev["indicator"])).text
                names = [w for w in words if w in ind]
                names += [m.group(0) for p in patterns if (m := p.match(ind))]
                for name in set(names):
                    if any(len(w) > len(name) and w.startswith(name) and ind.startswith(w) for w in longer):
                        continue
                    if not ind.startswith(name):
                        counts[name]["inside"] += 1
                    elif ind == name:
                        counts[name]["alone"] += 1
                    elif _glued(ind, len(name)):
                        counts[name]["glued"] += 1
                    else:
                        counts[name]["before"] += 1
                # a pattern's name held by an indicator after its start (三星 in 韩国三星手机)
                for p in patterns:
                    for m in p.finditer(ind, 1):
                        counts[m.group(0)]["inside"] += 1
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entry", nargs="*", default=["owner.short_names"], help="lexicon entries to check")
    ap.add_argument("--files", nargs="*", default=None, help="gold files (default: every design file)")
    ap.add_argument("--words", nargs="*", default=None, help="candidate names to check instead of the entries'")
    args = ap.parse_args()
    words, patterns = (args.words, []) if args.words else lexicon_words(args.entry)
    counts = check(words, patterns, args.files or [str(f) for f in design_gold_files(ROOT)])
    problems = 0
    print(f"{'name':12} {'before':>6} {'alone':>6} {'glued':>6} {'inside':>6} {'texts':>6}")
    for name in sorted(counts, key=lambda n: (-counts[n]["before"] - counts[n]["alone"], n)):
        c = counts[name]
        bad = c["glued"] or c["inside"]
        problems += bool(bad)
        note = "  PROBLEM" if bad else "" if c["before"] or c["alone"] else "  unattested"
        print(f"{name:12} {c['before']:6} {c['alone']:6} {c['glued']:6} {c['inside']:6} {c['texts']:6}{note}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
