"""Words of a predicate that gold never keeps in a name: candidates for the linker's class ``predicate_word``, and a
check of the class against the gold files.

For every gold event it reads the text between its indicator and its value in the value's sentence (or, where the
indicator is named in an earlier sentence, the sentence before the value: a carried subject), drops
periods and numerals, and cuts the rest into words (the linker's cut, with the catalogue's and the class's words;
a run of single characters is one word, as an unknown word is).  A candidate stands there in at least two documents
of two files, is no place, names nothing for the linker yet and is written inside no gold name.  The check lists
the class's words that a gold name holds, or that stand between no name and its value (as written, uncut).

    python scripts/predicate_words.py [--check] GOLD.jsonl ...

Run it on the design files only, never on the blind sets.
"""
from __future__ import annotations

import argparse
import re
from collections import defaultdict
from typing import Iterator

from gold_name_sites import Sightings, name_sites
from zhibiao.linker_rules import default_rules
from zhibiao.period_rules import load_periods
from zhibiao.pos import cut_tagged, dictionary_cut

_NOT_WORD = re.compile(r"[^\u4e00-\u9fff]+|[一二三四五六七八九十百千万亿两零〇○]+")


def _words(text: str, vocabulary: frozenset[str]) -> Iterator[str]:
    """The words of ``text`` without its periods and numerals, each run of single characters joined."""
    for piece in _NOT_WORD.split(load_periods().mention.sub(" ", text)):
        run = ""
        for w in dictionary_cut(piece, vocabulary=vocabulary) if piece else []:
            if len(w) == 1:
                run += w
                continue
            if run:
                yield run
            run = ""
            yield w
        if run:
            yield run


def _place(eng, word: str) -> bool:
    """Whether ``word`` is a place of the lexicon, whole."""
    found = eng.p_location.match(word)
    return found is not None and found.end() == len(word)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--check", action="store_true", help="check the class predicate_word instead of listing candidates")
    args = ap.parse_args()
    rules = default_rules()
    eng = rules.engine
    vocabulary = rules.domain_words | eng.predicate_words
    seen = Sightings()
    names: set[str] = set()
    gaps: dict[str, set[str]] = defaultdict(set)  # each text between a name and its value -> its documents
    for site in name_sites(args.gold):
        names.add(site.name)
        k, name = site.name_start, site.name
        between = site.text[k + len(name) if k >= 0 else site.sentence_start:site.value_start]
        gaps[between].add(site.doc["id"])
        for w in set(_words(between, vocabulary)):
            seen.add(w, site)
    held = "\n".join(names)
    if args.check:
        for w in sorted(eng.predicate_words):
            where = [n for n in names if w in n]
            between = set().union(*(d for g, d in gaps.items() if w in g))
            if where or not between:
                print(f"{w}\tin names: {len(where)} {where[:3]}\tbetween a name and its value: {len(between)}")
        return
    rows = [(len(d), w) for w, d in seen.docs.items()
            if len(w) >= 2 and len(d) >= 2 and len(seen.files[w]) >= 2 and w not in held
            and not _place(eng, w) and not eng.names_nothing(w)]
    for n, w in sorted(rows, reverse=True):
        tags = "|".join(upos for upos, _ in cut_tagged(w, vocabulary)[1])
        print(f"{w}\t{n} documents, {len(seen.files[w])} files\t{tags}\t{dict(seen.scripts[w])}")


if __name__ == "__main__":
    main()
