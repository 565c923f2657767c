"""Brackets in and after gold names: which did the annotators keep in the indicator, which did they drop?

Reads the design gold files (never ``corpus/blind/``). For each event it finds the indicator's name in the
text of its sentence, before the value, allowing a bracket between any two of its characters and one right
after it (``固定资产投资(不含农户)增长``), and lists every bracket found so: its content, whether the indicator
keeps it, the file and the document. Convention 8 decides glosses only, so the contents are sorted into
classes by their words, to count each class kept and dropped per script:

- ``gloss``: an abbreviation or its expansion, a 简称 or 即 note (``CPI(消费者物价指数)``, ``(PMI)``);
- ``scope``: what the figure includes or leaves out, or counts in (``(不含农户)``, ``(以美元计)``);
- ``adjustment``: a seasonal or price adjustment (``(经季节性调整)``, ``(按可比价格计算)``);
- ``provisional``: a provisional, estimated, revised or unaudited mark (``(临时估计)``, ``(未经审核)``);
- ``unit``: a unit or currency (``(亿元)``, ``(单位:万吨)``);
- ``reference``: a table, note or stock code (``(见表1)``, ``(注)``, ``(2330)``);
- ``figure``: a quantity of the document and at most four more characters (a value written after its name,
  ``四星级酒店(92.5%)``);
- ``other``: the rest, read by hand (members added to a category, ``社区卫生服务中心(站)``, are among them).

The classes are read from the words, for counting and for finding candidates; each edit is decided from the
text.

    python scripts/name_brackets.py [--list CLASS] [--files GLOB ...]
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from zhibiao.evaluate import clean_indicator, design_gold_files, document_script, item_start, read_documents
from zhibiao.normalize import fold_width, normalize

ROOT = Path(__file__).resolve().parent.parent
_SENT_END = re.compile(r"[。!?！？]")
_BRACKET = r"\s*\([^()]{1,40}\)"
_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("provisional", re.compile(r"临时|初步|估计|估算|暂定|修订|预估|初值|未经审[核计]|预计|快报|初估")),
    ("adjustment", re.compile(r"季节|季调|可比|不变价|实质|名目|调整")),
    ("scope", re.compile(r"不含|不包括|不计|包括|包含|含|以.{1,6}计|按.{1,8}计|扣除|剔除|除.{0,10}外|计入|加计|并计|口径|只计|仅")),
    ("reference", re.compile(r"^(?:见|详见|参见|注|附|图|表)|表\s*\d|^\d{4,6}(?:\.[A-Z]{2})?$|^[*※#\d]$|[A-Z]{2}\d{4}")),
    ("unit", re.compile(r"^(?:单位[:：]?)?(?:[万亿千百]*(?:元|美元|港元|澳门元|台币|吨|公斤|千瓦时|人次|人|户|宗|辆|平方米|%|个单位))$")),
    ("gloss", re.compile(r"^(?:即|简称|下称|以下简称|又称|俗称|亦称|英文)|^[A-Za-z][A-Za-z0-9&\-. ]*$")),
)


@dataclass
class Row:
    """One bracket written in or right after the name of a gold event."""

    file: str
    doc: str
    script: str
    indicator: str
    content: str
    place: str  # "inside" the name or "after" it
    kept: bool
    klass: str
    context: str


def _quantity_spans(doc: dict) -> list[tuple[int, int]]:
    text = doc["text"]
    spans = []
    for q in doc.get("quantities") or []:
        start = item_start(text, q, False)
        if start is not None:
            spans.append((start, start + len(q["text"])))
    return spans


def classify(content: str, name_before: str, holds_quantity: bool) -> str:
    """The class of a bracket's content, read from its words (see the module docstring)."""
    content = content.strip()
    if holds_quantity:
        return "figure"
    for klass, pattern in _CLASSES:
        if pattern.search(content):
            return klass
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", name_before.strip()[-6:] or "-") and not re.search(r"[A-Za-z]", content):
        return "gloss"  # an abbreviation followed by its expansion
    return "other"


def _name_pattern(indicator: str) -> re.Pattern[str]:
    """The indicator as written in the normalised text, a bracket allowed between characters and after it."""
    chars = [re.escape(c) for c in indicator]
    body = f"(?:{_BRACKET})?\\s*".join(chars)
    return re.compile(f"{body}(?P<after>{_BRACKET})?")


def rows_of(path: str) -> list[Row]:
    """Every bracket in or after a located gold name of one file (the name searched in the value's sentence)."""
    out: list[Row] = []
    name = Path(path).name.replace(".gold.jsonl", "")
    for doc in read_documents(path):
        text = doc["text"]
        norm = normalize(text)
        ntext = norm.text
        script = document_script(doc)
        spans = _quantity_spans(doc)
        for event in doc.get("events") or []:
            indicator = fold_width(clean_indicator(event.get("indicator")))
            start = item_start(text, event, True)
            if not indicator or start is None:
                continue
            vpos = norm.to_normalized(start, start)[0]
            sent_start = max((m.end() for m in _SENT_END.finditer(ntext, 0, vpos)), default=0)
            end = _SENT_END.search(ntext, vpos)
            sent_end = end.start() if end else len(ntext)
            pattern = _name_pattern(indicator)
            # the nearest writing before the value; else one after it (``有5个县(市、区)高于全市平均水平``)
            before_value = list(pattern.finditer(ntext, sent_start, vpos))
            m = before_value[-1] if before_value else pattern.search(ntext, vpos, sent_end)
            if m is None:  # written apart in the text (``個人人壽及年金(投資相連)業務,保費收入``): kept as given
                out.extend(Row(name, str(doc.get("id")), script, event.get("indicator", ""), b.group(1), "inside",
                               True, classify(b.group(1), indicator[: b.start()], False), "(not found as one span)")
                           for b in re.finditer(r"\(([^()]{1,40})\)", indicator))
                continue
            after = m.start("after") - m.start() if m.group("after") else len(m.group(0))
            for b in re.finditer(r"\(([^()]{1,40})\)", m.group(0)):
                content = b.group(1)
                is_after = b.start() >= after
                kept = f"({content})" in indicator
                lo, hi = norm.to_original(m.start() + b.start(), m.start() + b.end())
                inner = [(qs, qe) for qs, qe in spans if lo <= qs and qe <= hi]
                holds = bool(inner) and (hi - lo - 2) - sum(qe - qs for qs, qe in inner) <= 4
                before = m.group(0)[: b.start()]
                out.append(Row(name, str(doc.get("id")), script, event.get("indicator", ""), content,
                               "after" if is_after else "inside", kept, classify(content, before, holds),
                               text[max(0, lo - 20): hi + 12].replace("\n", " ")))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", metavar="CLASS", help="list the brackets of one class (or 'all')")
    parser.add_argument("--files", nargs="*", help="gold files (default: the design files)")
    args = parser.parse_args()
    files = args.files or [str(f) for f in design_gold_files(ROOT)]
    rows = [row for path in files if "/blind/" not in path for row in rows_of(path)]
    counts = Counter((r.klass, r.script, r.place, r.kept) for r in rows)
    classes = sorted({r.klass for r in rows})
    print(f"{'class':<12}{'script':<13}{'place':<8}{'kept':>6}{'dropped':>9}")
    for klass in classes:
        for script in ("simplified", "traditional"):
            for place in ("inside", "after"):
                kept, dropped = counts[(klass, script, place, True)], counts[(klass, script, place, False)]
                if kept or dropped:
                    print(f"{klass:<12}{script:<13}{place:<8}{kept:>6}{dropped:>9}")
    print(f"total {len(rows)}: kept {sum(r.kept for r in rows)}, dropped {sum(not r.kept for r in rows)}")
    if args.list:
        for r in rows:
            if args.list in ("all", r.klass):
                mark = "KEPT" if r.kept else "drop"
                print(f"{r.klass:<12}{mark} {r.place:<7}{r.file}:{r.doc}  ({r.content})  {r.indicator}  | {r.context}")


if __name__ == "__main__":
    main()
