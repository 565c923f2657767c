"""Companies before their measures in gold: does the indicator start with the company a sentence names?

Reads the design gold files (never ``corpus/blind/``), finds in each event's sentence (split at 。) the
companies, banks, insurers and groups named before the value (the owner lexicon of ``rules/linker.yaml``,
names before a stock code, names ending in an institution's word) and tells whether the indicator starts
with the nearest of them. Each event is given a shape, so that the files annotated blind since news52 can be
compared with the older ones shape by shape:

- ``own``: a measure of the company's results (营收, 净利润, 销量, 市占率: the ``owned_measure`` patterns);
- ``line``: another measure written after it (a product, a segment, a line of business, a count);
- ``statistic``: a whole the company only quotes (a market, an industry, a nation, a place's total);
- ``second``: a second company named later in the sentence, between the first and the value;
- ``source``: the company is where the figure comes from (据, 根据, 从, 来自, 经 before it), mostly a statistic;
- ``earlier``: no company in the sentence, one named in an earlier sentence of the paragraph.

The shapes are read from the words, not decided, so they are for counting and for finding candidates to
read; the decision on each event is made from its text.

    python scripts/company_owners.py [--list SHAPE] [--files GLOB ...]
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex
import yaml

from zhibiao.evaluate import clean_indicator, design_gold_files, item_start, read_documents
from zhibiao.normalize import normalize
from zhibiao.segmenter import cut

ROOT = Path(__file__).resolve().parent.parent
_SENT_END = re.compile(r"[。!?！？]")
# names ending in an institution's word, the insurers and securities firms included, which the linker's
# owner patterns leave out because whole trades end so too (人寿保险公司); a trade is told apart below
_INSTITUTION = r"[A-Za-z\p{Han}]{1,8}?(?:银行|商银|金控|集团(?:股份)?|控股|交易所|人寿|保险|财险|产险|证券|公司)(?!业)"
# a whole the company only quotes: a market, a trade, a nation or a place's total (not its own measure)
_STATISTIC = regex.compile(r"^(?:全国|全球|全省|全市|全港|全澳|全台|我国|本港|本澳|国内|市场|行业|全行业|整体|大盘"
                           r"|社会|居民|规模以上|规上|汽车|乘用车|新能源汽车|商用车)?.*(?:市场|行业|业|全国|全球|指数|大盘|总体)")
# words after which a name is where a figure comes from, not its owner (据台电统计, 从国铁集团获悉, 经中油平稳机制)
_SOURCE = regex.compile(r"(?:据|根据|依据|从|来自|经)$")
_TRADE_WORD = regex.compile(r"(?:^(?:全|各|我|本|该|上市|主要|重点|规上|规模以上|大|其余|国有|零售|大型|持牌|个别|新|注册|公股|原|个人|非"
                           r"|中央|人民|中国人民|城镇|失业|金融|百货|国际数据|基金|票房|航空|巴士|农产)|(?:业|企业|行业|产业)$"
                           r"|人寿保险公司$|证券公司$|保险公司$|^\\d|^(?:银行|公司|集团|控股|保险|人寿|证券|交易所|金控)$)")
# words before a name that are no part of it: prepositions, reporting verbs, dates, list words
_LEAD = regex.compile(r"^.*(?:根据|依据|据|从|由|随着|目前|引述|以及|其次为|至于涉及|涉及|回顾|同时|当中|其中|另|惟|冲击|和|与|把|以"
                      r"|[年月日]|的|子公司|龙头|受关注)")


@dataclass
class Row:
    """One gold event whose sentence or paragraph names a company before the value."""

    file: str
    doc: str
    indicator: str
    value: str
    owner: str
    starts: bool
    shape: str
    sentence: str


def _owner_patterns() -> tuple[list[str], list[regex.Pattern], regex.Pattern, list[regex.Pattern],
                              list[regex.Pattern]]:
    """The owner names, patterns (a name before 实现/录得 and a result too: 东方中科实现营业收入), stock-code
    pattern, owned-measure patterns and the names before 实现 that are no company, from the linker's rules."""
    data = yaml.safe_load((ROOT / "rules" / "linker.yaml").read_text(encoding="utf-8"))
    rules = {r["id"]: r for sec in data.values() if isinstance(sec, list) for r in sec if isinstance(r, dict)}
    names = sorted(rules["owner.names"]["words"], key=len, reverse=True)
    pats = [regex.compile(p) for p in rules["owner.names"]["patterns"] + rules["owner.agents"]["patterns"]] + \
        [regex.compile(_INSTITUTION)]
    agents_not = [regex.compile(p) for p in rules["owner.agents_not"]["patterns"]]
    code = regex.compile(rules["owner.codes"]["patterns"][0])
    measures = [regex.compile(p) for p in rules["owned.measures"]["patterns"]]
    return names, pats, code, measures, agents_not


def _word_starts(text: str) -> set[int]:
    """Where the segmenter starts a word: a lexicon name starting elsewhere is inside another word (其中电动车)."""
    starts, pos = set(), 0
    for tok in cut(text):
        starts.add(pos)
        pos += len(tok)
    return starts if pos == len(text) else set(range(len(text)))


def _owners(text: str, names: list[str], pats: list[regex.Pattern], code: regex.Pattern,
            not_names: list[regex.Pattern]) -> list[tuple[int, str]]:
    """(start, name) of every company named in ``text``, the longest name at each start, none inside another;
    not a name inside another word, nor one naming an index (恒生指数)."""
    found: dict[int, str] = {}
    words = _word_starts(text)
    for n in names:
        for m in re.finditer(re.escape(n), text):
            if m.start() not in words or text.startswith("指数", m.end()):
                continue
            if len(n) > len(found.get(m.start(), "")):
                found[m.start()] = n
    for p in pats:
        for m in p.finditer(text):
            agent = "agent" in p.groupindex
            name = m.group("agent") if agent else m.group(0)
            s = _LEAD.sub("", name)
            start = m.start() + len(name) - len(s)
            if len(s) < 2 or _TRADE_WORD.search(s) or agent and any(n.search(s) for n in not_names):
                continue
            if len(s) > len(found.get(start, "")):
                found[start] = s
    for m in code.finditer(text):
        head = regex.search(r"[A-Za-z\p{Han}]{2,8}$", text[:m.start()])
        if head and head.start() not in found:
            found[head.start()] = head.group(0)
    spans = sorted(found.items())
    out: list[tuple[int, str]] = []
    for s, n in spans:
        if out and s < out[-1][0] + len(out[-1][1]):
            continue
        out.append((s, n))
    return out


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts."""
    start = 0
    for m in _SENT_END.finditer(text, 0, pos):
        start = m.end()
    return start


def _shape(indicator: str, owner: str, starts: bool, between: list[tuple[int, str]], measures: list[regex.Pattern],
           before: str) -> str:
    """The shape of an event named after (or without) the company ``owner`` written after ``before``."""
    if _SOURCE.search(before):
        return "source"
    if between:
        return "second"
    rest = indicator[len(owner):] if starts else indicator
    if any(m.fullmatch(rest) or m.search(rest) and m.search(rest).end() == len(rest) for m in measures):
        return "own"
    if _STATISTIC.search(rest):
        return "statistic"
    return "line"


def rows(files: list[str]) -> list[Row]:
    """Every gold event of ``files`` with a company named before its value in its paragraph."""
    names, pats, code, measures, not_names = _owner_patterns()
    out: list[Row] = []
    for path in files:
        for doc in read_documents(path):
            norm = normalize(doc["text"])
            text = norm.text
            owners = _owners(text, names, pats, code, not_names)
            for ev in doc.get("events", []):
                start = item_start(doc["text"], ev, True)
                if start is None:
                    continue
                v = norm.to_normalized(start, start + 1)[0]
                s0 = _sentence_start(text, v)
                ind = clean_indicator(ev["indicator"])
                in_sent = [(s, n) for s, n in owners if s0 <= s < v]
                earlier = [(s, n) for s, n in owners if s < s0]
                if in_sent:
                    s, owner = in_sent[0]
                    later = [(t, m) for t, m in in_sent[1:] if m != owner and not ind.startswith(owner)]
                    starts = ind.startswith(owner) or any(ind.startswith(m) for _, m in in_sent)
                    shape = _shape(ind, owner, ind.startswith(owner), later, measures, text[max(s0, s - 2):s])
                elif earlier:
                    owner = earlier[-1][1]
                    starts, shape = ind.startswith(owner), "earlier"
                else:
                    continue
                out.append(Row(Path(path).name, doc["id"], ind, ev["value_text"], owner, starts, shape,
                               text[s0:_sentence_end(text, v)]))
    return out


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends (after its 。)."""
    m = _SENT_END.search(text, pos)
    return m.end() if m else len(text)


def _blind_since_52(name: str) -> bool:
    """Whether a design file was annotated blind since news52 (news52 on)."""
    m = re.match(r"news(\d+)\.gold", name)
    return bool(m) and int(m.group(1)) >= 52


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", nargs="*", default=None, help="gold files (default: every design file)")
    ap.add_argument("--list", default=None, help="print the events of this shape (or 'all')")
    ap.add_argument("--older", action="store_true", help="list the older files' events only")
    args = ap.parse_args()
    files = args.files or [str(f) for f in design_gold_files(ROOT)]
    files = [f for f in files if "/blind/" not in f]
    table: Counter = Counter()
    all_rows = rows(files)
    for r in all_rows:
        group = "blind52+" if _blind_since_52(r.file) else "older"
        table[(r.shape, group, "owner+measure" if r.starts else "bare")] += 1
    print(f"{'shape':10} {'group':9} {'owner+measure':>14} {'bare':>6}")
    for shape in ("own", "line", "statistic", "second", "source", "earlier"):
        for group in ("blind52+", "older"):
            print(f"{shape:10} {group:9} {table[(shape, group, 'owner+measure')]:14} {table[(shape, group, 'bare')]:6}")
    if args.list:
        for r in all_rows:
            if (args.list in ("all", r.shape)) and (not args.older or not _blind_since_52(r.file)):
                mark = "+" if r.starts else "-"
                print(f"{mark} {r.shape:9} {r.doc:14} {r.owner:8} {r.value:14} {r.indicator:24} | {r.sentence[:120]}")


if __name__ == "__main__":
    main()
