"""Carried subjects against gold: where the gold indicator of a value whose subject was carried is named.

Runs the pipeline over the design files (never the blind ones), marks each event whose indicator the
linker took from context (an empty, anaphoric, rate-word or lone-head subject) and, for each such value
that gold gives another indicator, tells where gold's indicator is named (the last statement's subject,
an earlier statement's, a clause with no statement, the sentence before, earlier, nowhere verbatim) and
what stands between it and the value (statements with another subject, another unit, a sentence end).

    python scripts/carried_subjects.py [--examples N] [FILES ...]
"""
from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable

from zhibiao import link_statements
from zhibiao.api import extract
from zhibiao.evaluate import clean_indicator, design_gold_files, document_script, item_start, read_documents
from zhibiao.link_emit import Events
from zhibiao.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent

_SENT_END = re.compile(r"[。!?！？\n]")
_CLAUSE_END = re.compile(r"[,，;；:：。!?！？\n]")
_carried: dict[int, str] = {}  # value start (normalised) -> how its subject was carried


def _trace_subject(orig: Callable[..., Any]) -> Callable[..., Any]:
    """``_subject`` that also notes, per value, where a carried subject came from."""

    def wrapped(doc: Any, mem: Any, ctx: Any, pred: Any, pred_start: int) -> Any:
        c = mem.carry
        out = orig(doc, mem, ctx, pred, pred_start)
        if out[2]:
            src = "topic" if c is not None and c is ctx.topic else \
                "last-statement" if mem.sent_subjects else "previous-sentence"
            _carried[ctx.q.start] = src
        return out
    return wrapped


def _trace_emit(orig: Callable[..., Any]) -> Callable[..., Any]:
    """``Events.emit`` that appends the carried subject's source to the rule id."""

    def wrapped(self: Any, q: Any, subjects: Any, kind: str, sign: int, basis: Any, sentence: Any, rule_id: str,
                location: Any, period: Any) -> Any:
        src = _carried.get(q.start)
        if src is not None:
            rule_id = f"{rule_id}@carried:{src}"
        return orig(self, q, subjects, kind, sign, basis, sentence, rule_id, location, period)
    return wrapped


def install() -> None:
    """Mark carried subjects in the event's rule (``rule@carried:source``)."""
    link_statements._subject = _trace_subject(link_statements._subject)
    Events.emit = _trace_emit(Events.emit)


def _bounds(text: str, pos: int, pattern: re.Pattern) -> tuple[int, int]:
    """The span of the sentence or clause (by ``pattern``) holding ``pos``."""
    start = 0
    for m in pattern.finditer(text, 0, pos):
        start = m.end()
    m = pattern.search(text, pos)
    return start, m.end() if m else len(text)


def classify(norm: str, gold_ind: str, v: int, events: list[dict], unit: str) -> tuple[str, str]:
    """(where gold's indicator is named, what separates it from the value) for a value at normalised ``v``."""
    s0, _ = _bounds(norm, v, _SENT_END)
    c0, _ = _bounds(norm, v, _CLAUSE_END)
    before = [e for e in events if e["_v"] < v]
    in_sent = [e for e in before if e["_v"] >= s0]
    prev_s0, _ = _bounds(norm, max(s0 - 1, 0), _SENT_END) if s0 else (0, 0)
    in_prev = [e for e in before if prev_s0 <= e["_v"] < s0]
    names = [clean_indicator(e["indicator"]) for e in in_sent]
    seps: list[str] = []

    def between(idx_list: list[dict], k: int) -> None:
        others = {clean_indicator(e["indicator"]) for e in idx_list[k + 1:]} - {gold_ind}
        if others:
            seps.append(f"{len(others)} other subject(s)")
        ref_units = [e["unit"] for e in idx_list[:k + 1] if clean_indicator(e["indicator"]) == gold_ind]
        if ref_units and unit in ref_units:
            seps.append("same unit")
        elif ref_units:
            seps.append("other unit")
        if any(e["unit"] == unit for e in idx_list[k + 1:]):
            seps.append("later same unit")

    if names and names[-1] == gold_ind:
        where = "last statement's subject"
        between(in_sent, len(in_sent) - 1)
    elif gold_ind in names:
        k = max(i for i, n in enumerate(names) if n == gold_ind)
        where = "earlier statement's subject"
        between(in_sent, k)
    elif gold_ind in norm[s0:v]:
        pos = norm.rfind(gold_ind, s0, v)
        where = "same clause text" if pos >= c0 else "earlier clause, no statement (topic)"
        if in_sent and any(e["_v"] > pos for e in in_sent):
            seps.append("statements between")
    elif gold_ind in [clean_indicator(e["indicator"]) for e in in_prev]:
        where = "previous sentence's statement"
        seps.append("period")
    elif gold_ind in norm[prev_s0:s0]:
        where = "previous sentence text"
        seps.append("period")
    elif gold_ind in norm[:prev_s0]:
        where = "earlier text (heading, earlier sentence)"
    else:
        where = "not written verbatim"
        head = gold_ind[-2:]
        if head in norm[s0:v]:
            seps.append("head in sentence")
    return where, ", ".join(seps) or "-"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    files = args.files or design_gold_files(ROOT)
    install()
    table: dict[str, Counter] = defaultdict(Counter)
    examples: dict[tuple, list[str]] = defaultdict(list)
    totals: Counter = Counter()
    for f in files:
        for gd in read_documents(f):
            _carried.clear()
            text = gd["text"]
            script = document_script(gd)
            pred = extract(text)
            norm_obj = normalize(text)
            norm = norm_obj.text
            to_norm = {}
            for i, s in enumerate(norm_obj.starts):
                to_norm.setdefault(s, i)
            gold_by_v: dict[int, set[str]] = defaultdict(set)
            for ge in gd["events"]:
                gs = item_start(text, ge, True)
                if gs is not None:
                    gold_by_v[gs].add(clean_indicator(ge["indicator"]))
            evs = pred["events"]
            for e in evs:
                e["_v"] = to_norm.get(e["value_start"], e["value_start"])
            for e in evs:
                if "@carried:" not in (e.get("rule") or ""):
                    continue
                src = e["rule"].split("@carried:")[1]
                ind = clean_indicator(e["indicator"])
                golds = gold_by_v.get(e["value_start"], set())
                totals[(script, "carried")] += 1
                if ind in golds:
                    totals[(script, "right")] += 1
                    totals[(script, "right from " + src)] += 1
                    continue
                if not golds:
                    totals[(script, "no gold event")] += 1
                    continue
                totals[(script, "wrong")] += 1
                totals[(script, "wrong from " + src)] += 1
                g = sorted(golds)[0] if len(golds) == 1 else min(golds, key=lambda x: -len(x))
                where, sep = classify(norm, g, e["_v"], evs, e["unit"])
                if ind in g or g in ind:
                    where += " [same referent, other form]"
                table[script][(src, where, sep)] += 1
                key = (script, src, where)
                if len(examples[key]) < args.examples:
                    sent = e.get("sentence", "")
                    examples[key].append(f"    {gd['id']}: {e['value_text']} pred={ind} gold={g} | {sent[:140]}")
    for script in ("traditional", "simplified"):
        print(f"== {script}: carried {totals[(script, 'carried')]}, right {totals[(script, 'right')]}, "
              f"wrong {totals[(script, 'wrong')]}, value not in gold {totals[(script, 'no gold event')]}")
        for src in ("last-statement", "topic", "previous-sentence"):
            print(f"   from {src:18} right {totals[(script, 'right from ' + src)]:5}  "
                  f"wrong {totals[(script, 'wrong from ' + src)]:4}")
        by_where: Counter = Counter()
        for (src, where, sep), n in table[script].items():
            by_where[(src, where)] += n
        for (src, where), n in by_where.most_common():
            print(f"  {n:4}  carried from {src:18} gold: {where}")
            for (s2, w2, sep), m in sorted(table[script].items(), key=lambda kv: -kv[1]):
                if s2 == src and w2 == where:
                    print(f"          {m:4}  {sep}")
            for ex in examples[(script, src, where)]:
                print(ex)


if __name__ == "__main__":
    main()
