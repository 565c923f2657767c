"""Verbs written right before a gold name that gold never keeps opening one: candidates for the linker's class
``leading_verb`` (a verb opening a subject, 维持民生电价每度2.77元 -> 民生电价), and a check of the class's words
against the gold files.

For every gold event it finds the indicator written whole before its value in the value's sentence and cuts the
clause before it (the linker's cut, with the catalogue's words); its last word, tagged a verb, is a candidate where
it stands so in at least two documents of two files, opens no gold name and is no word of the class, nor a
filler the linker strips, yet.  The check
lists the class's words that open a gold name (the guards of the class, a catalogue name opening with the verb,
keep those).

    python scripts/leading_verbs.py [--check] GOLD.jsonl ...

Run it on the design files only, never on the blind sets.
"""
from __future__ import annotations

import argparse
import re

from gold_name_sites import Sightings, name_sites
from zhibiao.linker_rules import default_rules
from zhibiao.pos import cut_tagged

_CLAUSE_END = re.compile(r"[,;:。!?\n]")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")


def _verb_before(text: str, k: int, vocabulary: frozenset[str]) -> str | None:
    """The last word of the clause before position ``k``, where the tagger reads it as a verb."""
    c0 = max((m.end() for m in _CLAUSE_END.finditer(text, 0, k)), default=0)
    chunk = text[c0:k]
    if not chunk:
        return None
    words, tagged = cut_tagged(chunk, frozenset())
    word, (upos, _) = words[-1], tagged[-1]
    return word if upos == "VERB" and _HAN_WORD.fullmatch(word) else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--check", action="store_true", help="check the class leading_verb instead of listing candidates")
    args = ap.parse_args()
    rules = default_rules()
    eng = rules.engine
    vocabulary = rules.domain_words
    seen = Sightings()
    names: set[str] = set()
    for site in name_sites(args.gold):
        names.add(site.name)
        k = site.name_start
        w = _verb_before(site.text, k, vocabulary) if k > site.sentence_start else None
        if w:
            seen.add(w, site)
    if args.check:
        for name in sorted(names):
            m = eng.p_leading_verb.match(name)
            if m and 0 < m.end() < len(name) and not any(a == 0 and b > m.end() for a, b, _ in rules.catalogue.matches(name)):
                print(f"{name[:m.end()]}\topens the gold name {name}")
        return
    for w, d in sorted(seen.docs.items(), key=lambda x: -len(x[1])):
        if len(d) < 2 or len(seen.files[w]) < 2 or any(n.startswith(w) for n in names):
            continue
        if any(m and m.end() == len(w) for m in (eng.p_leading_verb.match(w), eng.p_filler_prefix.match(w))):
            continue  # (stripped already, as a leading verb or a filler: 预计, 导致)
        print(f"{w}\t{len(d)} documents, {len(seen.files[w])} files\t{dict(seen.scripts[w])}")


if __name__ == "__main__":
    main()
