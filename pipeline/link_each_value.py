"""A value after coordinated names, with no 分别 or 均, that can only be each one's.

Convention 7 gives a value shared by several indicators one event each (`出口和进口均增长5%`). Without a cue the
text may mean the total of the names (`禽肉、牛肉、羊肉产量增长5%`: one output, one event with the names as written),
so the linker keeps the names whole there. The form of the value settles two cases: a rank (no total of several
names is ranked the way each of them is: `总票房和银幕数量居世界首位`), and a rate given as a bound or a range
(`化妆品、金银珠宝、汽车零售额增长10%以上`, `商场、超市客流量是平日的2~3倍`: a press that gave the total's rate would
give it, not the span the items' rates fall in). Such a value goes to each name, with a head they share distributed
as `分别` and `均` distribute it. Shares stay whole (`机电产品和劳动密集型产品出口占八成`: a part of a total is the
names' sum), as does a level in a range (`港产片和内地片票房3000万至4000万元`, a sum).
"""
from __future__ import annotations

from typing import Optional

import regex

from .link_document import Document, QuantityLike
from .link_subjects import Subject, split

_RANK = "ORDINAL"
_FRACTION = "FRACTION"
_RATE_LABELS = frozenset({"PERCENT", _FRACTION})
_RATE_UNITS = frozenset({"倍"})
_BOUNDS = frozenset({">", ">="})
# a numeral in the names: a size class or threshold (单站10万千瓦及以上装机), whose 及 joins bounds, not names; or a
# count naming the set as one whole (稻谷、小麦、玉米三大作物总产量)
_NUMERAL = regex.compile(r"[\d两二三四五六七八九十百千]")


def _each_ones(q: QuantityLike, kind: str) -> bool:
    """Whether the value's form makes it each item's: a rank, or a rate as a bound or a range, not a share of a
    total (a multiple of a reference value, 是平日的2~3倍, is no part of one)."""
    if q.label == _RANK:
        return True
    if q.unit in _RATE_UNITS:
        rate = True
    elif kind == "share" or (q.label == _FRACTION and kind != "change"):
        # (a fraction said of names with no change is their part of a set: 中小企业和个体商户超过九成)
        return False
    else:
        rate = q.label in _RATE_LABELS
    return rate and (q.upper is not None or q.qualifier in _BOUNDS)


def each_value(doc: Document, q: QuantityLike, subject: Subject, kind: str) -> Optional[list[Subject]]:
    """The coordinated names a value is said of, one by one (总票房和银幕数量居世界首位 -> 总票房, 银幕数量); None where
    the value's form does not make it each one's (``kind`` is the value's), the subject is a share, is not written as it stands in the text (a
    carried or built name), holds a numeral, or is one name of the catalogue as a whole (电力及燃气供应业 ranks
    second: one industry, not two)."""
    if not _each_ones(q, kind) or subject.share or subject.parts or subject.start is None \
            or doc.text[subject.start:subject.end] != subject.text or _NUMERAL.search(subject.text) \
            or doc.rules.catalogue.written(subject.text) is not None:
        return None
    parts = split(doc, subject, None)
    return parts if parts and len(parts) >= 2 else None
