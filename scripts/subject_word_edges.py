"""Whether gold indicators start and end on the words the linker cuts its subjects into.

Usage: python scripts/subject_word_edges.py [GOLD.jsonl ...] [--examples N]
(default: the design gold files of this checkout, ``zhibiao.evaluate.design_gold_files``; never corpus/blind/).

The phrase rules and the boundary model (``subject_phrases``, ``subject_boundary``) move a subject's edges only to the
boundaries of its words (``pos.dictionary_cut`` with the domain's vocabulary; the pkuseg words of the spaCy tokenizer
play no part, the linker reads characters), so a gold indicator that starts or ends inside one of them cannot be
produced.  Each text is extracted on the fast path while the subjects those two cut are recorded (the linker's answers
kept per subject are emptied per text, so each text's subjects are its own).  A gold event whose indicator is one span
of its value's sentence is ``on words`` if some subject holding it has it start and end at word boundaries, ``cut`` if
the subjects holding it all cut through it (the words cut through are counted; the character rules may still reach the
name by another way, 出口 after 进出口), and ``in no subject`` if none holds it.  ``cut, strict miss`` are the cut
events the linker misses (the first ``--examples`` of them are shown).  Last, the runs of one-character words inside
gold names (each name cut alone, as a subject): characters the general language left single, a word split (派|发) or
a domain word it lacks (总|额).
"""
from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from zhibiao import evaluate as ev
from zhibiao import pos, subject_boundary, subject_phrases
from zhibiao.linker_rules import LinkerRules
from zhibiao.memo import Memo
from zhibiao.records import default_extractor

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = re.compile(r"[^。！？!?；;\n]+")
CUTTERS = (subject_boundary, subject_phrases)  # the modules that cut a subject for the cuts they may make


def boundaries(words: Iterable[str]) -> set[int]:
    """Offsets between the words (both ends included)."""
    out, pos_ = {0}, 0
    for w in words:
        pos_ += len(w)
        out.add(pos_)
    return out


def straddled(words: list[str], start: int, end: int) -> list[str]:
    """The words that ``start`` or ``end`` falls strictly inside."""
    out, pos_ = [], 0
    for w in words:
        if pos_ < start < pos_ + len(w) or pos_ < end < pos_ + len(w):
            out.append(w)
        pos_ += len(w)
    return out


def edges(name: str, subjects: dict[str, tuple[str, ...]]) -> tuple[str, list[str]]:
    """``on words``, ``cut`` (with the words cut through in the first subject holding ``name``) or ``in no subject``."""
    cut_through: list[str] | None = None
    for subject, words in subjects.items():
        bounds = boundaries(words)
        for m in re.finditer(re.escape(name), subject):
            if m.start() in bounds and m.end() in bounds:
                return "on words", []
            if cut_through is None:
                cut_through = straddled(list(words), m.start(), m.end())
    return ("in no subject", []) if cut_through is None else ("cut", cut_through)


def single_runs(words: Iterable[str]) -> Iterator[str]:
    """Runs of two or more one-character Han words, written with ``|`` between them."""
    run: list[str] = []
    for w in (*words, ""):
        if len(w) == 1 and pos.HAN_CHAR.match(w):
            run.append(w)
            continue
        if len(run) > 1:
            yield "|".join(run)
        run = []


@contextmanager
def recorded_subjects(rules: LinkerRules) -> Iterator[Callable[[], dict[str, tuple[str, ...]]]]:
    """While open, the subjects the phrase rules and the boundary model cut, with their words; the function given
    returns those cut since its last call and forgets them, and empties the linker's answers kept per subject (the
    boundary model's, the phrase rules', the tables of ``rules``), so that the next text cuts its subjects again."""
    seen: dict[str, tuple[str, ...]] = {}
    originals = {m: m.cut_tagged for m in CUTTERS}

    def recording(text: str, vocabulary: frozenset[str] = frozenset()):
        words, tags = pos.cut_tagged(text, vocabulary)
        seen[text] = words
        return words, tags

    def take() -> dict[str, tuple[str, ...]]:
        got = dict(seen)
        seen.clear()
        subject_boundary._STATES.clear()
        phrases = rules.subject_phrases
        phrases._cached.cache_clear()
        phrases._gate.cache_clear()
        for memo in (*vars(rules).values(), *vars(rules.engine).values()):
            if isinstance(memo, Memo):
                memo.clear()
        return got

    for m in CUTTERS:
        m.cut_tagged = recording
    try:
        yield take
    finally:
        for m, f in originals.items():
            m.cut_tagged = f


def measure(gold: list[Path], examples: int) -> None:
    extract = default_extractor()
    counts: dict[str, Counter] = defaultdict(Counter)
    cut_words: dict[str, Counter] = defaultdict(Counter)
    runs: dict[str, Counter] = defaultdict(Counter)
    shown: list[str] = []
    vocabulary = extract.rules.domain_words
    with recorded_subjects(extract.rules) as take:
        take()
        for path in gold:
            for doc in ev.read_documents(path):
                pred = extract(doc["text"], date=doc.get("meta", {}).get("date"))
                subjects = take()
                missed = {r["gold_index"] for r in ev.align(doc, pred)["events_strict"]["missed"]}
                norm = extract.normalize(doc["text"]).text
                script = ev.document_script(doc)
                for i, event in enumerate(doc.get("events") or []):
                    name = ev.clean_indicator(event.get("indicator"))
                    at = ev.item_start(doc["text"], event, True)
                    sentence = next((m.group() for m in SENTENCE.finditer(norm)
                                     if at is not None and m.start() <= at <= m.end()), "")
                    c = counts[script]
                    c["events"] += 1
                    if not name or name not in sentence:
                        continue
                    c["one span of its sentence"] += 1
                    c["strict miss"] += i in missed
                    runs[script].update(single_runs(pos.dictionary_cut(name, vocabulary=vocabulary)))
                    how, words = edges(name, {s: w for s, w in subjects.items() if name in s})
                    c[how] += 1
                    if how == "cut":
                        c["cut, strict miss"] += i in missed
                        cut_words[script].update(words)
                        if i in missed and len(shown) < examples:
                            shown.append(f"{path.name}: {name} <- {'|'.join(words)}")
    for script, c in sorted(counts.items()):
        print(f"{script}: " + ", ".join(f"{k} {v}" for k, v in c.items()))
        print("  words cut through:", ", ".join(f"{w} {n}" for w, n in cut_words[script].most_common(15)))
        print("  runs of single characters in gold names:",
              ", ".join(f"{w} {n}" for w, n in runs[script].most_common(20)))
    for line in shown:
        print(" ", line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--examples", type=int, default=20, help="cut events the linker misses to show")
    args = ap.parse_args()
    measure(args.gold or ev.design_gold_files(ROOT), args.examples)


if __name__ == "__main__":
    main()
