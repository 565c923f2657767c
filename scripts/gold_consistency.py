"""Words that gold keeps in a name in one place and leaves out of it in another, and candidate convention slips.

Usage: python scripts/gold_consistency.py [GOLD.jsonl ...] [--min N] [--examples N] [--word W ...]
(default: the design gold files of this checkout, ``zhibiao.evaluate.design_gold_files``; never corpus/blind/).

The boundary model learns indicator edges from gold, so a word annotated both ways teaches it both ways and the
design scores count the pipeline wrong for one of two readings.  For every event whose indicator is written in one
piece in its value's sentence (simplified, the nearest occurrence before the value, else after it), the words just
outside the name (the last one or two words before it, the first one or two after it) count as ``dropped`` and the
name's own first and last one or two words (when the name has more) as ``kept``.  Digits are folded to ``N`` so
that ``近3年`` and ``近5年`` count together.  Words with both readings and at least ``--min`` cases of each are
listed, with their counts per script and file:id examples for each reading.  The readings are counted, not judged:
``增长`` after a name is a trigger, not a dropped part of it; each listed word is decided from the conventions.

Then, per clarification of the conventions (``/work/shared/corpus/README.md`` rule 8 and 9, rule 11's ``下同``),
the events that look like a slip: a bracket left in a name, a reference value (``是上年同期X的N倍``) named like the
statistic it is compared with, an averaging word written before a name and left out, a multiple of a reference
value that is no ``share`` or growth by a multiple that is no ``change``, a forecast's period taken from when it
was made, a carried basis (``同比(下同)``) not carried.
"""
from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from zhibiao.evaluate import clean_indicator, design_gold_files, document_script, item_start, read_documents
from zhibiao.normalize import normalize
from zhibiao.segmenter import cut

ROOT = Path(__file__).resolve().parent.parent
_SENT_END = "。！？!?；;\n"
_DIGITS = re.compile(r"[0-9０-９一二三四五六七八九十百两]+")
_PUNCT = re.compile(r"^[\W_]+$")
_BRACKET = re.compile(r"[(（][^)）]*[)）]")
# members written as alternatives stay in a name (社区卫生服务中心(站), 县(市、区)): convention 8 and its local reading
_MEMBERS = re.compile(r"[(（](?:站|市、区|区、市|县、市|含[^)）]*)[)）]")
_AVERAGING = ("人均", "日均", "平均", "年均", "月均", "户均")
_MULTIPLE_OF = re.compile(r"(?:是|为|相当于|达到)[^，,。；;]{0,20}的(?:约|近|逾)?$")
_GROWTH = re.compile(r"(?:增长|增加|上升|提高|成长|增|扩大)(?:了|约|近|逾|超过|达|到)*$")
_COMPARED = re.compile(r"(?:是|为|相当于|较|比|恢复至|恢复到)[^，,。；;]{0,16}$")
_FORECAST = re.compile(r"(?:预计|预测|预估|估计|预期|展望)")
_CARRY = re.compile(r"(?:同比|环比|按年|按月|按季|年增|同期|相比)[(（]下同[)）]")


def fold(word: str) -> str:
    """A word with its numerals folded to ``N``, so that spans and ranks of any length count together."""
    return _DIGITS.sub("N", word)


@dataclass
class Event:
    """One gold event located in its document's simplified text."""

    file: str
    doc: str
    script: str
    event: dict
    text: str  # simplified, width folded
    value_at: int  # the value's start in ``text``
    sentence: tuple[int, int]  # the value's sentence in ``text``
    name_at: int | None = None  # where the indicator is written in one piece, if it is

    @property
    def where(self) -> str:
        return f"{self.file}:{self.doc}"

    @property
    def name(self) -> str:
        return clean_indicator(self.event.get("indicator"))


def sentence_span(text: str, pos: int) -> tuple[int, int]:
    """The sentence holding ``pos``: from after the previous terminator to the next one (excluded)."""
    a = max(text.rfind(c, 0, pos) for c in _SENT_END) + 1
    ends = [i for i in (text.find(c, pos) for c in _SENT_END) if i >= 0]
    return a, min(ends) if ends else len(text)


def locate_name(text: str, name: str, value_at: int, sentence: tuple[int, int]) -> int | None:
    """Where ``name`` is written in one piece in the sentence: the nearest occurrence ending by the value, else
    the first after it; None when the sentence does not write it."""
    if not name:
        return None
    a, b = sentence
    before = [m.start() for m in re.finditer(re.escape(name), text[a:b])]
    before = [a + i for i in before]
    ahead = [i for i in before if i + len(name) <= value_at]
    if ahead:
        return ahead[-1]
    after = [i for i in before if i >= value_at]
    return after[0] if after else None


def events(paths: Iterable[Path]) -> Iterator[Event]:
    """Every gold event of the files, located in its document's simplified text."""
    for path in paths:
        stem = path.name.replace(".gold.jsonl", "")
        for doc in read_documents(path):
            norm = normalize(doc["text"])
            script = document_script(doc)
            for ev in doc.get("events", []):
                start = item_start(doc["text"], ev, True)
                if start is None:
                    continue
                at = norm.to_normalized(start, start)[0]
                item = Event(stem, doc.get("id", "?"), script, ev, norm.text, at, sentence_span(norm.text, at))
                item.name_at = locate_name(norm.text, item.name, at, item.sentence)
                yield item


def _words(text: str) -> list[str]:
    return [w for w in cut(text) if w.strip()]


def edges(item: Event) -> Iterator[tuple[str, str, str]]:
    """(side, reading, folded word) of the words at the edges of a located name: ``before``/``after`` the name,
    ``kept`` when the name holds it at that edge, ``dropped`` when the text writes it just outside."""
    if item.name_at is None:
        return
    a, b = item.sentence
    start, end = item.name_at, item.name_at + len(item.name)
    inner = _words(item.name)
    left = _words(item.text[a:start])
    right = _words(item.text[end:b])
    for n in (1, 2):
        if len(inner) > n:
            yield "before", "kept", fold("".join(inner[:n]))
            yield "after", "kept", fold("".join(inner[-n:]))
        if len(left) >= n:
            yield "before", "dropped", fold("".join(left[-n:]))
        if len(right) >= n:
            yield "after", "dropped", fold("".join(right[:n]))


@dataclass
class Tally:
    """Cases of one (side, word): per reading, counts per script and where."""

    counts: Counter = field(default_factory=Counter)  # (reading, script) -> n
    where: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def total(self, reading: str) -> int:
        return sum(n for (r, _), n in self.counts.items() if r == reading)


def tally(items: Iterable[Event]) -> dict[tuple[str, str], Tally]:
    """Kept and dropped cases of every edge word of every located name."""
    out: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for item in items:
        for side, reading, word in set(edges(item)):
            if _PUNCT.match(word):
                continue
            t = out[(side, word)]
            t.counts[(reading, item.script)] += 1
            t.where[reading].append(f"{item.where} {item.name}")
    return out


def both_ways(tallies: dict[tuple[str, str], Tally], least: int) -> list[tuple[tuple[str, str], Tally]]:
    """Words kept and dropped at least ``least`` times each, the most balanced (by the minority reading) first."""
    rows = [(k, t) for k, t in tallies.items() if min(t.total("kept"), t.total("dropped")) >= least]
    return sorted(rows, key=lambda kt: (-min(kt[1].total("kept"), kt[1].total("dropped")), kt[0]))


# --------------------------------------------------------------------------- convention slips


def slips(item: Event) -> Iterator[tuple[str, str]]:
    """(clarification, note) for each convention the event looks as if it breaks; candidates to read, not verdicts."""
    ev, name, text = item.event, item.name, item.text
    a, b = item.sentence
    head = text[a:item.value_at]
    value_end = item.value_at + len(ev.get("value_text", ""))
    if _BRACKET.search(name) and not _MEMBERS.search(name):
        yield "bracketed gloss", name
    if item.name_at is not None:
        before = text[max(a, item.name_at - 2):item.name_at]
        for word in _AVERAGING:
            if before.endswith(word) and word not in name:
                yield "averaging word", f"{word}+{name}"
    tail = text[value_end:b]
    if tail.startswith("的") and re.match(r"的[0-9.]+[倍%]|的[一二三四五六七八九两]?[成倍]", tail):
        # a reference value inside a comparison keeps its own subject, not the compared statistic's
        if _COMPARED.search(head):
            yield "reference value", name
    unit = ev.get("unit")
    if unit == "倍":
        if _GROWTH.search(head) and ev.get("kind") != "change":
            yield "multiple", f"growth by a multiple is change, gold {ev.get('kind')}"
        elif _MULTIPLE_OF.search(head) and ev.get("kind") != "share":
            yield "multiple", f"multiple of a reference is share, gold {ev.get('kind')}"
    period = ev.get("period")
    if period and _FORECAST.search(text[a:b]):
        at = text.find(period, a, b)
        if at >= 0 and _FORECAST.match(text, at + len(period), min(b, at + len(period) + 6)) is None:
            follow = text[at + len(period):at + len(period) + 6]
            if re.match(r"(?:[的]?(?:发布|公布|作出|所作)?的?)?(?:预计|预测|预估|估计)", follow):
                yield "forecast period", f"period {period} is when the forecast was made"
    carried = _CARRY.search(text, 0, a)
    if carried and ev.get("basis") is None and ev.get("kind") == "change":
        yield "下同", f"{carried.group(0)} before the sentence, basis null"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--min", type=int, default=3, help="cases of each reading a word needs to be listed")
    ap.add_argument("--examples", type=int, default=4, help="file:id examples shown per reading")
    ap.add_argument("--word", nargs="*", default=[], help="show every case of these (folded) words")
    args = ap.parse_args(argv)
    paths = args.files or design_gold_files(ROOT)
    items = list(events(paths))
    located = sum(i.name_at is not None for i in items)
    print(f"{len(items)} events of {len(paths)} files, {located} with the name written in one piece\n")
    tallies = tally(items)
    wanted = set(args.word)
    print("side   word                 kept (trad/simp)   dropped (trad/simp)")
    for (side, word), t in both_ways(tallies, args.min) if not wanted else \
            [(k, t) for k, t in tallies.items() if k[1] in wanted]:
        k, d = t.total("kept"), t.total("dropped")
        per = " ".join(f"{r} {t.counts[(r, 'traditional')]}/{t.counts[(r, 'simplified')]}" for r in ("kept", "dropped"))
        print(f"{side:<6} {word:<20} {k:>4} {d:>4}   {per}")
        n = None if wanted else args.examples
        for reading in ("kept", "dropped"):
            print(f"         {reading}: " + "; ".join(t.where[reading][:n]))
    found: dict[str, list[str]] = defaultdict(list)
    for item in items:
        for rule, note in slips(item):
            found[rule].append(f"{item.where} [{item.event.get('value_text')}] {note}")
    for rule, rows in found.items():
        print(f"\n{rule}: {len(rows)} candidates")
        for row in rows:
            print("  " + row)


if __name__ == "__main__":
    main()
