"""Subjects: the indicator a value is about, cleaned out of the text before (or after) its predicate.

The stage's boundary is ``subject_before(doc, start, end)`` (the region left of a predicate) and
``subject_after(doc, q, right, clause_end)`` (a name written after its value): text positions in, a
``Subject`` candidate with its location out.  Periods, places, fillers, comparison cues, brackets,
quotation marks and leading verbs are stripped; ``split`` and ``shared_head`` distribute a head
written once over coordinated conjuncts (钢铁和水泥产量 -> 钢铁产量, 水泥产量).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Optional

import regex

from .link_document import Document, QuantityLike
from .linker_rules import EnginePatterns, LinkerRules
from .list_joiners import COORDINATORS, LIST_JOINERS
from . import subject_boundary, subject_tail
from .pos import HAN_CHAR, cut_tagged, dictionary_cut, tag_words, word_at_start

_HAN_SPACE = regex.compile(r"(?<=[\p{Han}])\s+|\s+(?=[\p{Han}])")
QUOTES = set("“”‘’\"'「」『』")
# quotation marks and control characters (a NUL or a stray tab from a scrape) are never part of a name
_DROP = {ord(c): None for c in QUOTES} | {c: None for c in [*range(0x20), *range(0x7F, 0xA0)]}
_JOINERS = LIST_JOINERS + "跟"  # and 跟, the spoken "and" (香港跟澳门), which joins the names of a subject too
_ELLIPSIS = regex.compile(r"\.{2,}|…")
_BRACKETED = regex.compile(r"\([^()]*\)")
_SECTION_TITLE = regex.compile(r"\s*\p{Han}{2,12}[ \t\u3000]+")
_COUNTRY_SET = regex.compile(r"(?:国家|各国|经济体)")  # a noun making the place before it a set of partners
_WITH_OF = regex.compile(r"与[^,;与和及、]{1,10}?(?:[、和及][^,;与和及、的]{1,10})*的\p{Han}{2}")
# (、和及 without 与: where 与 names a partner, 与美国、欧盟和东盟的出口额; never before 其 "its", which joins a thing
# and its products in one name: 基本金属及其制品, 汽车及其零件; 及其他服务业 is a conjunct of its own)
_SPLITTERS = tuple((seps, regex.compile("[" + seps + "](?!其(?!他))"))
                   for seps in (_JOINERS, "、和及", "、", "和及与", "和", "及", "与"))
_SPLITTERS_OUTER = (("、和与", regex.compile("[、和与](?!其(?!他))")),)
_JOINER_CHAR = regex.compile("[" + _JOINERS + "]")
_LIST_BREAK = regex.compile(r"[、]|和(?=\s*\d)")
# what a kept subject neither starts nor ends with: a joiner of its names (或 too) or a mark of its clause
_EDGE_MARKS = frozenset(COORDINATORS + ",;:()")


@dataclass


class Subject:
    """An indicator candidate: its text, where it is, and its coordinated parts."""

    text: str
    start: Optional[int]
    end: Optional[int]
    parts: list["Subject"] = field(default_factory=list)
    share: bool = False
    location: Optional[str] = None
    rate: bool = False
    # a topic naming only a measure before a colon (本旬平均日产:粗钢…): the items after it are measured by it
    colon_measure: bool = False

    def head(self, length: int) -> "Subject":
        """Its first ``length`` characters (a name without the rate noun ending it), share and location kept;
        offsets where it has them."""
        end = self.start + length if self.start is not None and self.end is not None else None
        return Subject(self.text[:length], self.start if end is not None else None, end, share=self.share,
                       location=self.location)


# any character ``clean_text`` changes or strips: most names hold none, and are returned as they are
_UNCLEAN = regex.compile("[" + regex.escape("".join(sorted(QUOTES))) + r"\x00-\x1f\x7f-\x9f\s]")


def clean_text(s: str) -> str:
    if _UNCLEAN.search(s) is None:
        return s
    s = s.translate(_DROP)
    s = _HAN_SPACE.sub("", s)
    return s.strip()


def subject_from_positions(text: str, keep: list[int], rest: Optional[str] = None) -> Optional[Subject]:
    """A subject from kept character positions; offsets only when they form one span (quotes/spaces aside).

    ``rest``, when given, is the text of the kept positions (``rest[k] == text[keep[k]]``)."""
    if rest is None:
        rest = "".join(text[i] for i in keep)
    # trim spaces at both ends
    a, b = 0, len(keep)
    while a < b and rest[a].isspace():
        a += 1
    while b > a and rest[b - 1].isspace():
        b -= 1
    if a == b:
        return None
    keep = keep[a:b]
    s = clean_text(rest[a:b])
    if not s:
        return None
    lo, hi = keep[0], keep[-1] + 1
    # keep is ascending and without repeats: it has no gap if it is as long as its span, else the gaps
    # between its positions must hold only quotes and spaces
    contiguous = hi - lo == len(keep) or all(
        c in QUOTES or c.isspace() for a, b in zip(keep, keep[1:]) if b - a > 1 for c in text[a + 1:b])
    if contiguous:
        return Subject(s, lo, hi)
    return Subject(s, None, None)


def subject_before(doc: Document, start: int, end: int, *, topic: bool = False,
          strip_rate: bool = True) -> tuple[Optional[Subject], Optional[str], bool]:
    """Clean the region [start, end) before a predicate into a subject; return (subject, location, share_flag).

    ``topic``: the region is a clause without a statement, read as the topic of what follows;
    ``strip_rate``: a rate noun ending the region (增速) is cut and marks the subject's values as changes.
    News repeats its regions with the same periods and values in them: a short region's subject is kept per
    everything its cleaning reads (``_reads``), placed relative to the region."""
    if start >= end:
        return None, None, False
    key = _reads(doc, start, end, topic, strip_rate) if end - start <= _MEMO_SUBJECT else None
    if key is None:
        return _subject_before(doc, start, end, topic, strip_rate)
    got = doc.eng.subjects_before.get(key)
    if got is None:
        subj, location, share = _subject_before(doc, start, end, topic, strip_rate)
        kept = None if subj is None else (subj.text, _moved(subj.start, -start), _moved(subj.end, -start),
                                          subj.rate, subj.share, subj.location)
        got = doc.eng.subjects_before.keep(key, (kept, location, share))
    kept, location, share = got
    if kept is None:
        return None, location, share
    text, lo, hi, rate, share_flag, loc = kept
    return Subject(text, _moved(lo, start), _moved(hi, start), share=share_flag, location=loc, rate=rate), location, share


_MEMO_SUBJECT = 64  # characters of a region short enough for its subject to be kept


def _moved(pos: Optional[int], by: int) -> Optional[int]:
    return None if pos is None else pos + by


def _reads(doc: Document, start: int, end: int, topic: bool, strip_rate: bool) -> Optional[tuple]:
    """What ``_subject_before`` reads of the document around the region [start, end), relative to ``start``; None
    where its subject may not be kept (a chooser given to ``subject_boundary.using``).

    The text up to 4 characters past the region (a head noun after a count in apposition, the predicate), whether
    a line opens at it (a section title), the periods that may cover its characters (starting up to 40 before
    it), the period-looking spans starting in it (or at its end), and its quantities."""
    chooser = subject_boundary.chooser_in_use()
    if chooser is None:
        return None
    text = doc.text
    lo, hi = bisect_left(doc.period_starts, start - 40), bisect_left(doc.period_starts, end)
    periods = tuple([(p.start - start, p.end - start) for p in doc.periods[lo:hi] if p.end > start])
    marked = tuple([(a - start, b - start) for a, b in doc.period_like_from(start, end)])
    quantities = tuple([(q.start - start, q.end - start, getattr(q, "label", None), getattr(q, "unit", ""))
                        for q in doc.quantities_from(start, end)])
    return (text[start:end + 4], end - start, not text[max(0, start - 1):start].strip(), topic, strip_rate, chooser,
            periods, marked, quantities)


def _subject_before(doc: Document, start: int, end: int, topic: bool, strip_rate: bool
                    ) -> tuple[Optional[Subject], Optional[str], bool]:
    eng = doc.eng
    text = doc.text
    title = _SECTION_TITLE.match(text, start, end)
    if title is not None and title.end() in doc.period_end_at_start and not text[max(0, start - 1):start].strip():
        # a section title opening its line, white space, then the statement's period (Taiwan's central bank:
        # 货币总计数 8月日平均货币总计数M1B月增率为…): the title names the section, not the measure
        start = title.end()
    seg = text[start:end]
    key = (seg, topic, strip_rate)
    cut = eng.region_cuts.get(key)
    if cut is None:
        cut = _region_cut(eng, seg, topic, strip_rate)
        if len(seg) <= _SHORT_REGION:
            eng.region_cuts.keep(key, cut)
    if cut[0] < 0:
        return None, None, True  # the region opens with a share predicate
    end, share, rate = start + cut[0], cut[1], cut[2]
    keep = list(range(start, end))
    # remove anywhere-patterns
    seg = text[start:end]
    spans = eng.strip_spans.get(seg)
    if spans is None:
        # (not a word inside a name of the catalogue: 每百元资产实现的营业收入, 新开工项目完成投资; brackets and
        # quotation marks go everywhere: 研究与试验发展(R&D)经费)
        found = [m for m in eng.p_strip.finditer(seg) if m.group(0) and not all(c in QUOTES for c in m.group(0))]
        names = [(a, b) for a, b, _ in doc.rules.catalogue.matches(seg)] \
            if any(m.group(0).isalpha() for m in found) else []
        spans = eng.strip_spans.keep(seg, tuple(
            m.span() for m in found
            if not (m.group(0).isalpha() and any(a < m.start() and m.end() < b for a, b in names))))
    drop = [(start + a, start + b) for a, b in spans]
    # a count in apposition between a list and the head noun the list shares (住宿和饮食两项消费): not part of a name
    for q in doc.quantities_from(start, end):
        if start < q.start and q.end < end and _JOINER_CHAR.search(text, start, q.start) \
                and getattr(q, "label", None) in ("QUANTITY", "CARDINAL") \
                and eng.p_apposition_head.match(text, q.end, end + 4) is not None:
            drop.append((q.start, q.end))
    if drop:
        keep, rest = _outside(text, start, end, drop)
    else:
        rest = seg
    # ``rest`` is always the text of the kept positions (rest[k] == text[keep[k]]), updated with them
    location_spans: list[tuple[int, int]] = []
    # iterative prefix stripping
    changed = True
    guard = 0
    while keep and changed and guard < 50:
        guard += 1
        changed = False
        # 我国与“一带一路”沿线国家进出口: right after the reporting place, 与 names the partner and stays
        # (not between two places: 全省与全国 is the location of the statement; but a place before a noun of a set of
        # countries is the partner: 我国与东南亚国家进出口)
        # and 与X的Y (与全省城镇化率的差距, 与东盟的出口额) names the measure against or with X
        partner = rest[0] == "与" and ((bool(location_spans) and location_spans[-1][1] == keep[0]
                                        and ((m := eng.p_location.match(rest, 1)) is None
                                             or _COUNTRY_SET.match(rest, m.end()) is not None))
                                       or (_WITH_OF.match(rest) is not None and keep[1] not in doc.period_end_at_start))
        # (nor where the joiner begins a word of the domain: 与会人数)
        # (nor where the joiner opens a comparison cue: 与去年同期比较 goes whole, not leaving 比较 in the name)
        if not partner and (rest[0].isspace() or rest[0] in QUOTES or rest[0] in _EDGE_MARKS) \
                and not eng.p_function_led_word.match(rest) \
                and not (rest[0] == "与" and eng.p_basis_prefix is not None and eng.p_basis_prefix.match(rest)):
            del keep[0]
            rest = rest[1:]
            changed = True
            continue
        n = _prefix_len(doc, keep, rest, location_spans)
        if n:
            del keep[:n]
            rest = rest[n:]
            changed = True
            continue
        # (the pattern needs 等: without it, its lazy gaps try every 、 of a long list against the rest of it)
        m = eng.p_enum_prefix.match(rest) if "等" in rest else None
        if m:
            summary = eng.p_list_summary.match(rest, m.end() - 1)
            if summary is not None and summary.end() < len(rest):
                # 新能源汽车、工业机器人等产品产量: the items are the names, the category after 等 goes
                del keep[m.end() - 1:summary.end()]
                rest = rest[:m.end() - 1] + rest[summary.end():]
                break
            del keep[: m.end()]
            rest = rest[m.end():]
            changed = True
    # a forecast of growth (实质本地生产总值增长预测维持在2%至3%): the rate of the noun before it
    m = eng.p_forecast_tail.search(rest)
    if m and m.start() >= 2:
        del keep[m.start():]
        rest = rest[:m.start()]
        rate = True
    # suffix stripping
    changed = True
    guard = 0
    superlative = False
    while keep and changed and guard < 50:
        guard += 1
        changed = False
        if rest[-1].isspace() or rest[-1] in _EDGE_MARKS:
            keep.pop()
            rest = rest[:-1]
            changed = True
            continue
        for pat in (eng.p_filler_suffix, eng.p_basis_suffix):
            if pat is None:
                continue
            m = pat.search(rest)
            if m and m.end() - m.start() > 0:
                superlative = superlative or m.group(0).lstrip("为").startswith("最")
                n = len(rest) - m.start()
                if n >= len(rest) and not topic:
                    del keep[:]
                    rest = ""
                else:
                    del keep[len(keep) - n:]
                    rest = rest[:len(rest) - n]
                changed = True
                break
        if changed:
            continue
        # a count in apposition at the end (教育和通讯两个大类): not part of the name
        last = keep[-1]
        qs = doc.qstart_at_end.get(last + 1)
        if qs is not None and qs > keep[0]:
            cut = bisect_left(keep, qs)
            del keep[cut:]
            rest = rest[:cut]
            changed = True
            continue
        # trailing period spans
        for ps in doc.period_starts_at_end.get(last + 1, ()):
            if ps >= keep[0]:
                cut = bisect_left(keep, ps)
                del keep[cut:]
                rest = rest[:cut]
                changed = True
                break
    # 粗出生率最高为彰化县千分之7.14: the place a superlative names is the location, written after 为
    k = rest.rfind("为")
    if 0 < k < len(rest) - 1 and _is_place(doc, rest[k + 1:]):
        m = eng.p_ranked_by.search(rest, 0, k)
        cut = m.start() if m is not None and m.start() >= 2 else k
        if cut >= 2:
            location_spans.append((keep[k + 1], keep[-1] + 1))
            del keep[cut:]
            rest = rest[:cut]
    # 大埔医院的使用率最高,占115%: the item a superlative ranks, a place or a unit of one (class ranked_unit), is
    # written before 的; the name is the measure after it. A group written there is part of the name (中国大陆旅客的消费
    # 最高, 三星级酒店的入住率最高: the measure of that group)
    if superlative:
        k = rest.rfind("的")
        if 0 < k < len(rest) - 2 and (_is_place(doc, rest[:k]) or eng.p_ranked_unit.search(rest[:k])):
            del keep[:k + 1]
            rest = rest[k + 1:]
    location = None
    if location_spans:
        lo = location_spans[0][0]
        hi = location_spans[-1][1]
        location = clean_text(text[lo:hi])
    # a rate noun ending the subject makes the value a change; it stays in the name written right after it
    # (GDP增速为7.7% -> GDP增速) and is cut after 的 or a basis word (出口的增长率, 物价指数按年升幅)
    m = eng.p_rate_tail.search(rest) if strip_rate else None
    if m and len(keep) > len(m.group(0)) + 1:
        rate = True
        m = eng.p_rate_cut.search(rest)
        if m:
            del keep[len(keep) - len(m.group(0)):]
            rest = rest[:len(rest) - len(m.group(0))]
    # the change of a share is a change of the base indicator (不过夜旅客比重同比增加4.7个百分点)
    m = eng.p_share_tail.search(rest) if strip_rate and not rate else None
    if m and len(keep) > len(m.group(0)) + 1:
        del keep[len(keep) - len(m.group(0)):]
        rest = rest[:len(rest) - len(m.group(0))]
        share = True
    if keep:  # the phrase rules of rules/linker.yaml move its edges where words decide better than characters
        lo, hi = bisect_left(doc.period_starts, keep[0] - 40), bisect_left(doc.period_starts, keep[-1] + 1)
        keep, rest, _ = doc.rules.subject_phrases.refine_kept(
            keep, rest, [(p.start, p.end) for p in doc.periods[lo:hi]])
    keep, rest = _drop_repeated_heading(keep, rest)
    if keep:  # where the rules leave words at its edges, a model learned from gold picks the span
        keep, rest = subject_boundary.refine_kept(doc, keep, rest, end, topic=topic)
    b = subject_tail.name_end(doc.rules, rest) if keep else None
    if b is not None:  # a predicate's frame written after a name the catalogue knows (基本通胀率为平均每年)
        del keep[b:]
        rest = rest[:b]
    subj = subject_from_positions(text, keep, rest)
    if subj is not None:
        subj.rate = rate
        subj.share = share
        subj.location = location
    return subj, location, share


_SHORT_REGION = 48  # characters of a region short enough for its cut to be remembered


def _outside(text: str, start: int, end: int, drop: list[tuple[int, int]]) -> tuple[list[int], str]:
    """The positions of [start, end) outside every span of ``drop`` (which may overlap), and their characters:
    a slice per run kept, not a look-up per character."""
    keep: list[int] = []
    pieces: list[str] = []
    pos = start
    for a, b in sorted(drop):
        if a > pos:
            keep.extend(range(pos, a))
            pieces.append(text[pos:a])
        pos = max(pos, b)
    if pos < end:
        keep.extend(range(pos, end))
        pieces.append(text[pos:end])
    return keep, "".join(pieces)


def _region_cut(eng: EnginePatterns, seg: str, topic: bool, strip_rate: bool) -> tuple[int, bool, bool]:
    """(where a subject region ``seg`` ends, whether a share predicate ends it, whether a rate noun it drops
    makes the value a change): cut at a share predicate (X占Y的比重), at the first topic cut, and for a
    topic at a change trigger.  What the region's words alone say, not where it stands in the document, so
    it is kept per text by the caller: news repeats its phrasing (a third of the regions of the gold texts,
    read once, repeat an earlier one's words).  An end of -1: the region opens with a share predicate."""
    share = False
    rate = False
    end = len(seg)
    m = eng.p_share_cut.search(seg)
    if m and m.start() > 0:
        end = m.start()
        share = True
    elif m and m.start() == 0:
        return -1, True, False
    seg = seg[:end]
    m = eng.p_topic_cut.search(seg)
    if m and strip_rate and eng.p_rate_tail.search(_BRACKETED.sub("", seg).rstrip()):
        rate = True  # 同比升幅 (…的同比升幅为1.4%): the cut drops a rate noun that makes the value a change
    if m:
        if eng.p_share_cut.fullmatch(m.group(0)):
            share = True  # the topic cut is a share predicate (所占, 占)
        end = m.start()
    if topic:
        seg = seg[:end]
        for m in eng.p_trigger_change.finditer(seg):
            if m.start() > 0 and eng.p_change_trigger.match(seg, m.start()):
                end = m.start()
                break
    return end, share, rate


def _drop_repeated_heading(keep: list[int], rest: str) -> tuple[list[int], str]:
    """A heading repeated by the sentence after it (准备货币 8月准备货币日平均数): once the period between them
    is cut, the heading would be glued to its own repetition, so the copy before the gap goes."""
    if not keep or keep[-1] - keep[0] + 1 == len(keep):
        return keep, rest  # positions without a gap (most subjects): nothing was cut between two copies
    for k in range(1, len(keep) // 2 + 1):
        if keep[k] != keep[k - 1] + 1 and rest[:k] == rest[k:2 * k]:
            return keep[k:], rest[k:]
    return keep, rest


# the parts of speech after a noun of places counted that leave it heading a phrase of its own (42个国家|按, 31个省份|GDP)
_PLACES_HEAD_BEFORE = frozenset({"ADP", "X"})
_CLAUSE_OPENERS = frozenset({"IN", "VV"})  # the tags of a preposition or verb opening a relative clause (在, 以, 有)
_CLAUSE_NOUNS = frozenset({"NN", "NNP", "NR", "NT"})  # the tags of the clause's own noun (网上进行, 电脑连接)
_PLACE_TAIL_END = regex.compile(r"(?:$|[^\p{Han}]|[由从自在于的以及和与、])")  # what may follow a place and its tail


def _prefix_len(doc: Document, keep: list[int], rest: str, location_spans: list[tuple[int, int]]) -> int:
    eng = doc.eng
    text = doc.text
    i0 = keep[0]
    # a period span starting here, or the rest of one a comparison cue began (比去年|第4季房价指数)
    pe = doc.period_end_at_start.get(i0)
    if pe is None:
        pe = doc.period_end_covering(i0)
    if pe is not None:
        ps = i0
        n = bisect_left(keep, pe)
        if n and n < len(keep) + 1:
            # 1-9月平均就业人数: an average over a span of months belongs to the period (convention 12)
            m = eng.p_span_average.match(text, pe) if eng.p_month_span.search(text, ps, pe) else None
            if m and n + (m.end() - pe) < len(keep):
                n += m.end() - pe
            return n
    # a quantity starting here: a count of places (四省小麦产量) is a place reference and goes;
    # any other count is part of the noun phrase as written (3家基础电信企业的移动电话用户总数)
    q = doc.q_at.get(i0)
    if q is not None and eng.p_place_unit.fullmatch(getattr(q, "unit", "") or ""):
        return bisect_left(keep, q.end)
    # (the same with 个 before a noun of places, which the count leaves out of its unit, where the places head a phrase
    # of their own, a preposition or a foreign word after them: 42个国家按购买力平价折算后的研发经费规模, 31个省份GDP; not a
    # noun of places modifying the word after it, 8个国家高新区, 5个城市群, 41个城市平均优良天数比例 (the set averaged
    # over), 42个国家和地区, nor a place unit that begins a longer word, 3个市场)
    unit = eng.p_place_unit.match(text, q.end) if q is not None and getattr(q, "unit", None) == "个" else None
    if unit is not None and len(unit.group()) > 1:
        words, tagged = cut_tagged(text[unit.start():unit.end() + 3])
        if words[0] == unit.group() and (len(words) == 1 or tagged[1][0] in _PLACES_HEAD_BEFORE):
            return bisect_left(keep, unit.end())
    m = eng.p_location.match(rest)
    if m and 0 < m.end() and _owner_past(eng, rest, m.end()):
        m = None  # 宁德时代, 香港交易所: the place opens a company's name, no location of it
    if m and 0 < m.end():
        after = rest[m.end():]
        tail = after
        while True:  # the places written next to it, coordinated ones too (中国大陆及香港旅客), each perhaps with
            # its 地区 (香港地区、新加坡…澳门地区实际投入金额)
            pt2 = eng.p_place_tail.match(tail)
            t = (tail[pt2.end():] if pt2 and tail[pt2.end():pt2.end() + 1] in _JOINERS else tail).lstrip(_JOINERS + " ")
            m2 = eng.p_location.match(t)
            if not (m2 and m2.end() > 0):
                break
            tail = t[m2.end():]
        tail_pt = eng.p_place_tail.match(tail) if tail is not after else None
        # X贡献 (class place_keep), 香港旅客 (class origin_noun): the place is part of the name, also after
        # places written next to it (中国台湾航线客运量), and after a period written between coordinated places and
        # the word (中国大陆及香港9月订单; a place alone before its period is the location: 香港九月份货柜码头吞吐量)
        k = len(rest) - len(tail)
        pe = doc.period_end_at_start.get(keep[k]) if tail is not after and k < len(keep) else None
        timed = rest[bisect_left(keep, pe):] if pe is not None else None
        pt = eng.p_place_tail.match(after)
        keeps = eng.p_place_keep.match(after) or eng.p_place_keep.match(tail) or _origin_after(eng, tail) \
            or (pt and eng.p_place_keep.match(after, pt.end())) or (timed and eng.p_place_keep.match(timed)) \
            or (tail_pt and eng.p_place_keep.match(tail, tail_pt.end()))
        # 全省实际到资 -> 实际到资, location 全省
        if not keeps or eng.p_reporter_scope.match(rest):  # (class reporter_scope)
            end = m.end()
            if pt and _PLACE_TAIL_END.match(after, pt.end()):
                # 新竹地区由…, 台湾地区(2.7万人次): not where a name goes on (地区生产总值, 台湾地区旅客)
                end += pt.end()
            location_spans.append((i0, keep[end - 1] + 1))
            return end + (1 if rest[end:].startswith("的") else 0)
    n = eng.word_prefix_lens.get(rest)
    if n is None:
        n = eng.word_prefix_lens.keep(rest, _word_prefix_len(doc.rules, rest))
    return n


def owner_at(eng: EnginePatterns, text: str) -> Optional[str]:
    """The company, bank or group opening ``text`` (class ``owner``, or any name a stock code follows: 台中银行(2812),
    永利澳门(1128)), whose bare measures later in the sentence are its own (corpus news37: 港交所股东应占溢利), or None.
    A name its stock code follows is the company's name as written, also where the lexicon knows a shorter name
    opening it (港铁公司(00066.HK), 中华电信(2412): not 港铁, 中华电), as the annotators write it before its measures."""
    text = text.lstrip()
    coded = eng.p_owner_coded.match(text) if "(" in text else None  # (a stock code opens with its bracket)
    m = eng.p_owner.match(text, 0)
    if m is not None and m.end() > 0 and (coded is None or coded.end("coded") <= m.end()):
        return text[:m.end()]
    return coded.group("coded") if coded is not None else None


def _owner_past(eng: EnginePatterns, rest: str, place_end: int) -> bool:
    """Whether a company, bank or group (class ``owner``) opens ``rest`` and goes on past the place opening it: the
    place is then part of the name (宁德时代装机, 北京农商银行净利润, 香港交易所总融资金额), as companies are never
    locations (corpus/README.md)."""
    if eng.p_owner_inside is not None and eng.p_owner_inside.search(rest) is None:
        return False
    owner = owner_at(eng, rest)
    return owner is not None and len(owner) > place_end


def owned_name(eng: EnginePatterns, owner: str, text: str) -> Optional[str]:
    """``text`` named as the owner's measure: a bare measure of results (class ``owned_measure``: 税后纯益, EPS) after
    the owner, or the owner's own name with a reporting verb between it and such a measure dropped (台积电预期毛利率 ->
    台积电毛利率); None where ``text`` names something else (美元兑新台币汇率, 新台币营收)."""
    if eng.p_owned_measure.fullmatch(text):
        return owner + text
    if text.startswith(owner):
        rest = text[len(owner):]
        verb = eng.p_owner_verb.match(rest)
        if verb is not None and eng.p_owned_measure.fullmatch(rest, verb.end()):
            return owner + rest[verb.end():]
    return None


def owner_item(eng: EnginePatterns, text: str, carried: str) -> Optional[str]:
    """An owner named alone as an item (富邦金以174.4亿元稳坐冠军宝座, 国泰金单月赚97.4亿元居第三): it names no measure,
    so the value is its amount of the result the carried indicator measures, written after it as the annotators write
    an owner's results (金控获利突破百亿 carried -> 富邦金获利); None where ``text`` is no owner alone or the carried
    indicator names no result (class ``owned_measure``)."""
    if owner_at(eng, text) != text:
        return None
    measures = [m.group(0) for m in eng.p_owned_measure.finditer(carried)]
    return text + measures[-1] if measures else None  # the last: the result the carried name ends in


def _prep_led(eng: EnginePatterns, first: str) -> bool:
    """Whether the first of coordinated places opens with a preposition or verb of origin they share (class
    shared_prep, not the start of a longer word): the 的 before the people they are the origin of then stays, as the
    phrase is written (来自内地、香港及台湾的旅客 -> 来自香港的旅客; without one, 中国内地、香港及台湾地区的住客 ->
    中国内地住客)."""
    m = eng.p_shared_prep.match(first)
    return m is not None and len(word_at_start(first) or "") <= len(m.group(0))


def _origin_after(eng: EnginePatterns, tail: str) -> bool:
    """Whether the text after places opens with a noun of people they are the origin of (class origin_noun), also
    after the places' 地区, a space or 的 (中国内地(…)、香港(…)及台湾地区(…)的住客, 中国台湾(…) 及日本(…) 旅客: the
    bracketed counts between are gone)."""
    probe = tail.lstrip()
    pt = eng.p_place_tail.match(probe)
    if pt:
        probe = probe[pt.end():]
    return eng.p_origin_noun.match(probe.removeprefix("的")) is not None


def _word_prefix_len(rules: LinkerRules, rest: str) -> int:
    """The length of a basis, filler, scope or verb prefix opening ``rest``: what its words alone say, not
    where it stands in the document (kept per text by the caller)."""
    eng = rules.engine
    # (the prefixes stripped only when not empty are tried only where their first character can start one)
    if eng.basis_prefix_starts is not None and eng.basis_prefix_starts.may_start(rest):
        m = eng.p_basis_prefix.match(rest)
        if m and m.end() > 0:
            return m.end()
    m = eng.p_filler_prefix.match(rest) if eng.filler_prefix_starts.may_start(rest) else None
    # (a filler stays where it begins a word of the domain, class function_led_word: 与会人数, 还债金额,
    # 同时指标, Taiwan's coincident index)
    # (nor where it opens a 的-phrase that defines the statistic, class held_scope: 以当年价格计算的本地居民总收入; a
    # filler before such a phrase goes: 而葵青货柜码头以外的理箱量)
    if m and m.end() > 0 and not eng.p_function_led_word.match(rest) \
            and not (eng.p_held_scope.match(rest) and not eng.p_held_scope.match(rest, m.end())) \
            and not (m.end() == 1 and (_starts_content_word(rules, rest) or _opens_relative_clause(rules, rest))) \
            and not _opens_catalogue_name(rules, rest, m.end()):
        # (a filler beginning a catalogue name is the name's: 计划总投资亿元及以上项目完成投资)
        return m.end()
    m = eng.p_scope_prefix.match(rest)  # 工业投资中制造业投资: the part within the scope is the indicator
    if m and not _cuts_catalogue_name(rules, rest, m.end()):
        return m.end()
    m = eng.p_leading_verb.match(rest) if eng.leading_verb_starts.may_start(rest) else None
    if m and m.end() > 0 and m.end() < len(rest) and not eng.p_anaphor.match(rest[m.end():]) \
            and not (m.end() == 1 and _opens_relative_clause(rules, rest)) \
            and not _opens_catalogue_name(rules, rest, m.end()):
        return m.end()
    return 0


def _cuts_catalogue_name(rules: LinkerRules, rest: str, cut: int) -> bool:
    """Whether a scope X中 ending at ``cut`` ends inside a catalogue name (每百元营业收入中的成本: 中 is part of
    the statistic's name, not a scope)."""
    return any(a < cut < b for a, b, _ in rules.catalogue.matches(rest[:64]))


def _opens_catalogue_name(rules: LinkerRules, rest: str, verb_end: int) -> bool:
    """Whether a leading verb begins a catalogue name written at the start of ``rest`` (新开工项目完成投资,
    有进出口实绩的外贸企业): the statistic is named with the verb, which then stays."""
    return any(a == 0 and b > verb_end for a, b, _ in rules.catalogue.matches(rest[:64]))


def _opens_relative_clause(rules: LinkerRules, rest: str) -> bool:
    """Whether a one-character preposition or verb opening ``rest`` begins a relative clause, a verb phrase with a
    noun of its own closed by 的 before the head (在网上进行的消费支付, 以电脑连接的比例, 有使用电脑的场所, 以个人游方式来澳的
    内地旅客): the clause says which items are measured, and the annotators keep it whole; not a bare verb after it (为新增
    的, 如新增的: the copula or a list's cue) nor a phrase without a verb (以西式餐厅的升幅)."""
    k = rest.find("的", 2)
    if k < 0 or k + 1 >= len(rest) or not HAN_CHAR.match(rest, k + 1) \
            or rules.engine.periods.mention.search(rest, 1, k):
        return False  # (a period after it is the statement's time: 在第二季获编配入住公屋的一般申请)
    words, tagged = cut_tagged(rest[:k], rules.domain_words)
    if len(words) < 3 or len(words[0]) != 1 or tagged[0][1] not in _CLAUSE_OPENERS:
        return False
    # its object a noun (在网上进行, 以电脑连接), or a verb's own verb phrase (有使用电脑的)
    opener, first, tags = tagged[0][1], tagged[1][1], [xpos for _, xpos in tagged[1:]]
    return (first in _CLAUSE_NOUNS or opener == first == "VV") and "VV" in tags and any(t in _CLAUSE_NOUNS for t in tags)


def _starts_content_word(rules: LinkerRules, rest: str) -> bool:
    """Whether a one-character filler opening ``rest`` begins a word of the general language that is no filler
    itself (其他, 在建; the words of the domain the general vocabulary lacks, class ``function_led_word``, are
    tested by the caller for fillers of any length)."""
    word = word_at_start(rest)
    if word is not None and len(word) == 2 and word_at_start(rest[1:]) is not None:
        return False  # the filler stands alone before a word of its own (为人大预算数: 为 | 人大; 共处理旅客: 共 | 处理)
    return word is not None and not any(
        p.fullmatch(word) for p in (rules.engine.p_filler_prefix, rules.compiled["conj"]))


def split(doc: Document, subj: Subject, n: Optional[int]) -> Optional[list[Subject]]:
    """Split a coordinated subject into n parts (any number >= 2 when n is None), heads distributed."""
    eng = doc.eng
    if subj.parts and (n is None or len(subj.parts) == n):
        return subj.parts
    text = subj.text
    # 及 binds tighter than 和 (酒店及饮食业和教育): with both, split at 和/、 first
    splitters = _SPLITTERS_OUTER + _SPLITTERS if "及" in text and "和" in text else _SPLITTERS
    quoted = _quoted_pieces(doc, subj)
    for seps, splitter in [(None, None)] * (quoted is not None) + list(splitters):
        pieces = quoted if splitter is None else splitter.split(text)
        if len(pieces) < 2 or any(not p for p in pieces):
            continue
        if n is not None and len(pieces) != n:
            continue
        parts: list[Subject] = []
        pos = 0
        for p in pieces:
            idx = text.index(p, pos)
            pos = idx + len(p)
            if subj.start is not None and doc.text[subj.start:subj.end] == text:
                parts.append(Subject(p, subj.start + idx, subj.start + idx + len(p)))
            else:
                parts.append(Subject(p, None, None))
        # an ordinal prefix written once (第一、二、三产业 -> 第二产业, 第三产业)
        if _ORDINAL_FIRST.match(parts[0].text) and all(_BARE_ORDINAL.match(p.text) for p in parts[1:]):
            parts = [parts[0]] + [Subject("第" + p.text, None, None) for p in parts[1:]]
        if _bound_conjuncts([p.text for p in parts]):
            # one-character conjuncts are bound morphemes sharing what follows the first character of the last
            # (内、外贸吞吐量 -> 内贸吞吐量, 外贸吞吐量; 进、出口总额 -> 进口总额; 大、中型企业 -> 大型企业)
            rest = parts[-1].text[1:]
            for k in range(len(parts) - 1):
                parts[k] = Subject(parts[k].text + rest, None, None)
            return scoped(sector_ordinals(parts), subj)
        # shared head: 钢铁和水泥产量 -> 钢铁产量, 水泥产量 (the last conjunct minus a modifier
        # as long as the first conjunct, or a known head noun)
        head = shared_head(doc, [p.text for p in parts])
        if head and parts[-1].text.endswith("的" + head) and _origin_after(eng, head) and not _prep_led(eng, pieces[0]):
            # the people places are the origin of take no 的 in any conjunct (…及台湾地区的住客 -> 台湾地区住客)
            parts[-1] = Subject(parts[-1].text[:-len(head) - 1] + head, None, None)
        if head:
            # (a rate is every conjunct's, also of one with a head of its own: 出口额、进口额增速 -> 出口额增速)
            rate = (m := eng.p_rate.search(head)) is not None and m.end() == len(head)
            for k, p in enumerate(parts[:-1]):
                if not p.text.endswith(head) and (head[0] == "的" or rate or not eng.p_head_suffix.search(p.text)):
                    parts[k] = Subject(p.text + _head_after(doc, p.text, head), None, None)
            parts = _shared_scope(doc, parts, head)
            # a modifier written once before coordinated codes sharing a head is every one's (Taiwan's central bank:
            # 日平均货币总计数M1B及M2月增率 -> 日平均货币总计数M2月增率)
            bare = [p[:-len(head)] if p.endswith(head) else p for p in pieces]
            if all(_CODE.fullmatch(b) for b in bare[1:]) and (modifier := shared_modifier(doc, bare)):
                parts = [parts[0]] + [Subject(modifier + p.text, None, None) for p in parts[1:]]
        # a preposition before the first of coordinated places is shared (对东盟、欧盟进出口 -> 对欧盟进出口),
        # and, with a shared head, before coordinated short names the lexicon may not list (自沙特阿拉伯、美国、
        # 巴西进口)
        if splitter is None and (frame := _quoted_frame(doc, subj, pieces[0])) \
                and not any(p.text.startswith(frame) for p in parts[1:]):
            return scoped([parts[0]] + [Subject(frame + p.text, None, None) for p in parts[1:]], subj)
        m = eng.p_shared_prep.match(parts[0].text)
        if m and len(word_at_start(pieces[0]) or "") > len(m.group(0)):
            m = None  # the preposition begins a word (从事特殊教育及成人教育的教师: 从事, not 从)
        bare = [p[:len(p) - len(head)] if head and p.endswith(head) else p for p in pieces[1:]] if m else []
        # (names in quotation marks are whole, however long: 对“建筑业”及“饮食及酒店业”的贷款)
        if m and (eng.p_location.match(parts[0].text, m.end()) or len(pieces[0]) - m.end() <= 6 or quoted) \
                and all(not eng.p_shared_prep.match(b)
                        and (eng.p_location.match(b) or (head and (2 <= len(b) <= 5 or quoted))) for b in bare):
            for k in range(1, len(parts)):
                parts[k] = Subject(m.group(0) + parts[k].text, None, None)
        elif head and head[0] == "的" and (frame := _leading_frame(pieces[0], pieces[1:-1] + [pieces[-1][:-len(head)]])):
            for k in range(1, len(parts)):
                parts[k] = Subject(frame + parts[k].text, None, None)
        elif not head:
            modifier = shared_modifier(doc, [p.text for p in parts])
            if modifier:
                for k in range(1, len(parts)):
                    parts[k] = Subject(modifier + parts[k].text, None, None)
        return scoped(parts, subj)
    return expand_contraction(doc, subj, n)


_QUOTED_JOIN = regex.compile(r"(?<=[”’」』])\s*[" + LIST_JOINERS + r"]\s*(?=[“‘「『])")


def _quoted_pieces(doc: Document, subj: Subject) -> Optional[list[str]]:
    """Conjuncts written in quotation marks and joined between them (对“建筑业”及“饮食及酒店业”的贷款): the marks
    bound the names, whose own 及 and 、 join no conjuncts; None where the subject has no such list."""
    if subj.start is None or subj.end is None:
        return None
    span = doc.text[subj.start:subj.end]
    if clean_text(span) != subj.text or _QUOTED_JOIN.search(span) is None:
        return None
    return [clean_text(p) for p in _QUOTED_JOIN.split(span)]


def _quoted_frame(doc: Document, subj: Subject, first: str) -> Optional[str]:
    """The words before the first quoted name, ending in a preposition or a verb (银行对“批发及零售业”及“制造业”的贷款:
    银行对): every quoted conjunct's."""
    span = doc.text[subj.start:subj.end]
    k = len(clean_text(span[:span.find(next(c for c in span if c in "“‘「『"))]))
    return first[:k] if 0 < k < len(first) and _frame_word(first[:k]) else None


def scoped(parts: list[Subject], subj: Subject) -> list[Subject]:
    """The parts a subject is divided into, each given its location and whether it is a share."""
    for p in parts:
        p.location, p.share = subj.location, subj.share
    return parts


def _bound_conjuncts(texts: list[str]) -> bool:
    """Whether every conjunct but the last is one Han character and the last one three or more, opening with
    one: the first characters of coordinated words written once (内、外贸), not names of their own."""
    return len(texts[-1]) >= 3 and HAN_CHAR.match(texts[-1]) is not None \
        and all(len(t) == 1 and HAN_CHAR.match(t) for t in texts[:-1])


def _shared_scope(doc: Document, parts: list[Subject], head: str) -> list[Subject]:
    """A survey scope opening the first of names sharing a head is every one's (class survey_scope: 规模以上企业纱、
    布产量 -> 规模以上企业布产量), unless a later name has a scope of its own."""
    scope = doc.eng.p_survey_scope
    m = scope.match(parts[0].text)
    if m is None or len(parts[0].text) - m.end() <= len(head) or any(scope.match(p.text) for p in parts[1:]):
        return parts
    return [parts[0]] + [Subject(m.group(0) + p.text, None, None) for p in parts[1:]]


def _head_after(doc: Document, conjunct: str, head: str) -> str:
    """The part of a shared head a conjunct takes: all of it, or without the sector word that begins it when
    the conjunct ends in that word already (家用电器类、石油及制品类零售额 -> 家用电器类零售额, not 类类), or is
    an abbreviation holding it (class sector_abbrev: 民企、国企、外资企业进出口 -> 民企进出口)."""
    m = doc.eng.p_head_sector_start.match(head)
    if m and m.end() < len(head) and (conjunct.endswith(m.group(0)) or doc.eng.p_sector_abbrev.fullmatch(conjunct)):
        return head[m.end():]
    return head[overlap(conjunct, head):]


def overlap(name: str, head: str) -> int:
    """How many characters that open ``head`` ``name`` ends with already, two or more and short of the whole head
    (风力发电 + 发电量 -> 2): the words a name and the head written after it share are written once (风力发电量),
    where glued whole they would repeat (风力发电发电量); 0 where they share no word."""
    for k in range(len(head) - 1, 1, -1):
        if name.endswith(head[:k]):
            return k
    return 0


_ORDINAL_FIRST = regex.compile(r"第[一二三四五六七八九十]")
_BARE_ORDINAL = regex.compile(r"[一二三四五六七八九十]")
_BARE_SECTOR = regex.compile(r"[一二三]产业")


def sector_ordinals(parts: list[Subject]) -> list[Subject]:
    """The three sectors written with their bare ordinals (一、二、三产业增加值, as county bulletins write them) are
    named as the catalogue and the other bulletins name them, with 第 (第一产业增加值 …); other bound conjuncts
    (内、外贸吞吐量) are left as they are."""
    if not all(_BARE_SECTOR.match(p.text) for p in parts):
        return parts
    return [Subject("第" + p.text, None, None) for p in parts]


def expand_contraction(doc: Document, subj: Subject, n: Optional[int]) -> Optional[list[Subject]]:
    """汽车产销(量) with two values listed: 汽车产量, 汽车销量 (lexicon class ``contraction``); with ``n`` None, one
    value said of both (汽车产销量均超过3100万辆: each measure's, as 均 says of coordinated names), where the measures
    add into no total (class ``contraction_each``)."""
    text = subj.text
    for entry in doc.rules.lexicon["contraction"]:
        for word, measures in entry.expansions.items():
            k = text.rfind(word)
            # (one value is both measures' only where they add into no total: not 进出口, whose total is a statistic)
            if k < 0 or (len(measures) != n if n is not None else word not in doc.rules.words("contraction_each")):
                continue
            suffix = text[k + len(word):]
            return scoped([Subject(text[:k] + m + ("" if m.endswith(suffix) else suffix), None, None)
                           for m in measures], subj)
    return None


_CODE = regex.compile(r"[A-Z]{1,3}\d[A-Z]?")
_CODE_END = regex.compile(r"(?<=\p{Han})[A-Z]{1,3}\d[A-Z]?$")


def shared_modifier(doc: Document, texts: list[str]) -> Optional[str]:
    """The modifier written once before coordinated catalogue names (国内航线运输总周转量、旅客运输量和货邮运输量
    -> 国内航线): every conjunct after the first is a catalogue name, the first ends in one after it."""
    catalogue = doc.rules.catalogue
    if not all(catalogue.written(t) for t in texts[1:]):
        return _measures_modifier(doc, texts)
    # coordinated codes (港元货币供应量M2及M3, 货币总计数M1B、M2): what precedes the first code is shared,
    # even where the first conjunct is a catalogue name as a whole
    m = _CODE_END.search(texts[0])
    if m and m.start() >= 2 and all(_CODE.fullmatch(t) for t in texts[1:]) \
            and not _JOINER_CHAR.search(texts[0][:m.start()]):
        return texts[0][:m.start()]
    found = catalogue.matches(texts[0])
    if not found or found[-1][1] != len(texts[0]) or found[-1][0] < 2:
        return _measures_modifier(doc, texts)
    modifier = texts[0][:found[-1][0]]
    return _measures_modifier(doc, texts) if _JOINER_CHAR.search(modifier) else modifier


def _measures_modifier(doc: Document, texts: list[str]) -> Optional[str]:
    """The modifier written once before coordinated bare measures (民营经济户数、从业人员、注册资金 -> 民营经济从业人员;
    绳、索、缆规模以上企业的营业收入和利润总额 -> …企业的利润总额): the first conjunct ends in a measure (class measure_noun
    or head, or a name of the catalogue) after two characters or more, and every later one is a bare measure of class
    measure_noun, or of class head after a modifier ending in 的, a phrase that closes on the whole list (not 茶园面积和
    产值, whose 产值 is no garden's; not one with a modifier of its own, 出口货量及进口货量, 港元存款及外币存款, which are
    parallel names). A modifier holding a joiner is one only where it ends in 的. A first conjunct the catalogue names
    whole is a statistic of its own, sharing nothing (工业增加值和利润 -> 利润)."""
    catalogue = doc.rules.catalogue
    bare = doc.rules.words("measure_noun")
    heads = doc.rules.words("head")
    first = texts[0]
    if catalogue.written(first) or not all(t in bare or t in heads for t in texts[1:]):
        return None
    ends = [len(first) - len(w) for w in bare | heads if first.endswith(w)]
    ends += [a for a, b, _ in catalogue.matches(first) if b == len(first)]
    cut = min((k for k in ends if k >= 2 and _word_boundary(first, k)), default=None)
    if cut is None:
        return None
    modifier = first[:cut]
    if modifier.endswith("的"):
        return modifier
    return None if _JOINER_CHAR.search(modifier) or not all(t in bare for t in texts[1:]) else modifier


def shared_head(doc: Document, texts: list[str]) -> Optional[str]:
    """The head shared by coordinated conjuncts, written once on the last (钢铁和水泥产量 -> 产量).

    A known head noun (lexicon class ``head``) wins, extended by a preceding 行业/产业/企业 when
    present (电子、化工行业增加值 -> 行业增加值); else the last conjunct minus a modifier as long as the
    first conjunct.
    """
    eng = doc.eng
    last = texts[-1]
    others = texts[:-1]
    measures = doc.rules.words("measure_noun")
    # a rate noun ending the last conjunct only is shared, with the head before it (汽车、电子行业增加值增速 ->
    # 汽车行业增加值增速; 地区生产总值、规上工业增加值增速 -> 地区生产总值增速: conjuncts that are statistics of
    # the catalogue take the rate alone), also by conjuncts with heads of their own, which share no other head
    # (房地产开发投资、制造业技改投资增速 -> 房地产开发投资增速)
    m = eng.p_rate.search(last)
    if m and m.end() == len(last) and m.start() >= 2 and not any(eng.p_rate.search(t) for t in others):
        rate, at = m.group(0), m.start()
        # a rate averaged over a span is shared whole (class span_average: M1B及M2平均年增率 -> M1B平均年增率)
        avg = next((a for a in eng.p_span_average.finditer(last, 0, len(last)) if a.end() == at and a.start() >= 2),
                   None)
        if avg is not None:
            rate, at = last[avg.start():], avg.start()
        catalogue = doc.rules.catalogue
        if all((entry := catalogue.written(t)) and entry.role == "indicator" for t in others):
            return rate
        inner = shared_head(doc, others + [last[:at]])
        return (inner or "") + rate
    headed = sum(1 for t in others if eng.p_head_suffix.search(t) or any(t.endswith(w) for w in measures))
    if headed and (headed > 1 or len(others) < 3) and not _of_phrase(texts):
        # conjuncts with heads of their own share none; but one among three or more is a measure named alone
        # (汽车、电子元件、发电量、发动机、PTA产量: the others take 产量, 发电量 stays)
        return None
    first = texts[0]
    # companies coordinated before the measure they report (腾讯和阿里巴巴净利润, 中华电、远传电信营收): the rest of the
    # last after its company (class owner), whatever the names' lengths (not 腾讯利润, 中华电信营收)
    owner = owner_at(eng, last)
    if owner is not None and len(last) - len(owner) >= 2 and all(owner_at(eng, t) == t for t in others):
        return last[len(owner):]
    # places coordinated before the noun they qualify (中国大陆及香港旅客, 美国、日本进口): the rest of the last
    # (places written in a row are one: 香港及中国台湾旅客 -> 香港旅客, not 香港台湾旅客; with their 地区, and the 的
    # before people they are the origin of: 中国内地、香港及台湾地区的住客 -> 中国内地住客)
    m = eng.p_location.match(last)
    end = m.end() if m else 0
    while m and (m := eng.p_location.match(last, end)) and m.end() > end and len(last) - m.end() >= 2:
        end = m.end()
    if end and (pt := eng.p_place_tail.match(last, end)) and (_origin_after(eng, last[pt.end():])
                                                            or eng.p_place_keep.match(last, pt.end())):
        end = pt.end()  # (澳门地区实际投入金额: the source keeps its 地区)
    if end and last.startswith("的", end) and _origin_after(eng, last[end:]) and not _prep_led(eng, first):
        end += 1
    # (a one-character noun of people too, as Taiwan and Macau write visitors: 港澳及韩国客 -> 港澳客)
    if end and (len(last) - end >= 2 or _origin_after(eng, last[end:])) \
            and all(_is_place(doc, eng.p_shared_prep.sub("", t, count=1)) for t in others):
        return last[end:]
    # conjuncts modifying a 的-phrase (酒店及饮食业和教育的就业人数): the 的-phrase is the head, also of conjuncts
    # ending in a head noun of their own (信用卡贷款及住宅按揭贷款的拖欠比率 -> 信用卡贷款的拖欠比率)
    if _of_phrase(texts):
        return last[last.find("的"):]
    # the last conjunct repeats the ending noun of the first (新建商品住宅和二手住宅销售价格,
    # 电子产品与资讯通信产品接单): what follows that noun in the last conjunct is the head
    # (written after a modifier of its own: 现货住宅及住宅楼花成交金额 begins with 住宅, which heads nothing)
    for n in range(len(first) - 1, 1, -1):
        k = last.rfind(first[-n:])
        if k >= 1 and len(last) - (k + n) >= 2 and all(t.endswith(first[-n:]) for t in others):
            return last[k + n:]
    # parallel modifiers ending alike (甲类及乙类消费物价指数, 城镇居民和农村居民人均收入): the rest is the head
    if (len(first) >= 2 and len(last) - len(first) >= 2 and last[len(first) - 1] == first[-1]
            and all(len(t) == len(first) and t[-1] == first[-1] for t in others)):
        return last[len(first):]
    m = eng.p_head_suffix.search(last)
    if m and len(last) > len(m.group(0)) and not any(m.group(0) in t for t in others) \
            and not all(statistic(doc, t) for t in texts):
        # (not a head another conjunct already holds: 存款总额及港元存款 are two names, not 存款总额存款)
        head = m.group(0)
        # a head noun written right before the head is part of it (成品油、煤炭出口数量 -> 成品油出口数量, not
        # 成品油数量), when the conjunct keeps a modifier of two characters or more before both
        m1 = eng.p_head_suffix.search(last[: m.start()])
        if m1 and m1.start() >= 2 and m1.end() - m1.start() >= 2:
            head = m1.group(0) + head
            m = m1
        m2 = eng.p_head_sector.search(last[: m.start()])
        if m2 and m.start() - len(m2.group(0)) > 0:
            head = m2.group(0) + head
        return head
    # (not when the last conjunct is itself a coordination, 交通运输仓储和邮政业: it is a whole name)
    # (nor when the first conjunct shares a word with the modifier of the last: 就业人口及本地就业居民 are two names)
    # (nor when every conjunct ends in the last one's final character: names of one kind, each whole, 证券交易税、
    # 货物税及营利事业所得税, 制造业、住宿餐饮业; no 得税 or 饮业 is shared)
    # (a preposition before the first conjunct is shared, no part of the modifier: 经陆路、海路及空路入境旅客 -> 入境旅客)
    bare = eng.p_shared_prep.sub("", first, count=1) if all(
        not eng.p_shared_prep.match(t) for t in others[1:]) else first
    bare = bare if bare and all(len(t) <= len(bare) + 1 for t in others[1:]) else first
    cut = len(bare)
    if all(t[-1] == first[-1] for t in others) and last[cut - 1:cut] != first[-1] and last[cut:cut + 1] == first[-1]:
        # names of one kind end alike (黄山、九华山、天柱山接待游客): the last's modifier, one longer than the first,
        # ends there too (接待游客, not 山接待游客, which would glue a piece of a name to the head)
        cut += 1
    if len(last) - cut >= 2 and all(len(t) <= len(first) + 1 for t in others) \
            and not _JOINER_CHAR.search(last) and not all(t[-1] == last[-1] for t in others) \
            and not any(bare[i:i + 2] in last[:len(bare)] for i in range(len(bare) - 1)) \
            and _word_boundary(last, cut):
        return _category_head(doc, last, cut) or last[cut:]
    # a category noun ending the last conjunct only (资讯通信及电子产品, 纺织和化工行业): shared by all
    m = eng.p_category_tail.search(last)
    if m and m.start() >= 2 and not any(eng.p_category_tail.search(t) for t in others):
        return m.group(0)
    return None


def _of_phrase(texts: list[str]) -> bool:
    """Whether only the last conjunct holds a 的, with two or more characters after it: the 的-phrase they share."""
    k = texts[-1].find("的")
    return k > 0 and len(texts[-1]) - k >= 3 and not any("的" in t for t in texts[:-1])


def _leading_frame(first: str, later: list[str]) -> Optional[str]:
    """The verb or preposition (with what precedes it) written once before the first of conjuncts that modify
    a shared 的-phrase, where the first is that much longer than each later one: every conjunct's (从事特殊教育及成人
    教育的教师 -> 从事成人教育的教师; 购买手信和成衣的消费 -> 购买成衣的消费; 住户在本地及外地的最终消费支出)."""
    cut = len(first) - len(later[-1])
    if cut < 1 or len(later[-1]) < 2 or any(len(t) != len(later[-1]) for t in later) \
            or _JOINER_CHAR.search(first) or not _word_boundary(first, cut):
        return None
    return first[:cut] if _frame_word(first[:cut]) else None


def _frame_word(text: str) -> bool:
    """Whether ``text`` ends in a preposition or a verb of two characters or more (住户按揭贷款 opens with no
    verb 住)."""
    word = dictionary_cut(text)[-1]
    tag = tag_words([word])[0][0]
    return tag == "ADP" or (tag == "VERB" and len(word) >= 2)


def _category_head(doc: Document, last: str, cut: int) -> Optional[str]:
    """The head from a category noun on (class category_noun) where the last conjunct's modifier runs past a
    modifier as long as the first conjunct: 电子与资讯通信产品接单金额 -> 电子产品接单金额, not the glued
    电子通信产品接单金额; 皮具和超级市场货品 -> 皮具货品, not 皮具市场货品."""
    tail = doc.eng.p_category_tail
    for j in range(cut + 3, len(last) + 1):
        m = tail.search(last, 0, j)
        if m and m.start() > cut:
            return last[m.start():]
    return None


def statistic(doc: Document, name: str) -> bool:
    """Whether ``name`` is a statistic of the catalogue that no measure is written after (not a product, sector or
    industry): conjuncts that each name one whole share no head noun (流通货币及活期存款 are 流通货币 and 活期存款;
    no 流通货币存款 is written)."""
    entry = doc.rules.catalogue.written(name)
    return entry is not None and entry.role == "indicator" and not entry.modifier


def _word_boundary(text: str, at: int) -> bool:
    """Whether a word of ``text`` (by the dictionary) begins at ``at``: a modifier as long as the first conjunct
    is cut off the last only where no word spans the cut (白萝卜、大白菜、芹菜价格: 芹菜价|格 cuts 价格)."""
    pos = 0
    for w in dictionary_cut(text):
        if pos >= at:
            return pos == at
        pos += len(w)
    return pos == at


def longer_head_ends(doc: Document, name: str, head: str) -> bool:
    """Whether ``name`` ends in a head noun one character longer than ``head`` (对东盟进出口 ends in 进出口, not
    出口): a character joined to the head makes another measure (进出口, 产销量), while a modifier of two or more
    characters makes a kind of it (工业生产指数 is a 生产指数 and an 指数: 指数年增7.84% repeats it)."""
    return len(name) > len(head) and doc.eng.p_head.match(name[-len(head) - 1:]) is not None


def _is_place(doc: Document, t: str) -> bool:
    """Whether ``t`` is only places written one after another (美国, 中国内地), perhaps with their 地区 (香港地区)."""
    eng = doc.eng
    pos = 0
    while pos < len(t) and (m := eng.p_location.match(t, pos)) is not None and m.end() > pos:
        pos = m.end()
    if 0 < pos < len(t) and (pt := eng.p_place_tail.match(t, pos)) is not None:
        pos = pt.end()
    return 0 < pos == len(t)


_FRAME = regex.compile(r"(?:与|同|较|和)$")
_FRAME_END = regex.compile(r"(?:同期)?(?:相比|比较)")
_AT = regex.compile(r"(?:在|于)\s*$")  # the preposition of a time (3072家公司在2023年实现营收增长), dropped with it


def _with_predicate(doc: Document, start: int, end: int) -> Optional[Subject]:
    """The noun phrase after a count with its predicate, to the clause end, values inside it included
    (有9个市州的增速达到或超过6%); periods written inside are dropped, with the comparison frame around one
    (有34个行业增加值与2019年同期相比实现增长 -> 行业增加值实现增长), and the 在 or 于 before one (公司在2023年实现营收增长
    -> 公司实现营收增长)."""
    text = doc.text
    drop: set[int] = set()
    for p in doc.periods[bisect_left(doc.period_starts, start):bisect_left(doc.period_starts, end)]:
        lo, hi = p.start, min(p.end, end)
        a, b = _FRAME.search(text, start, lo), _FRAME_END.match(text, hi, end)
        if a and b:
            lo, hi = a.start(), b.end()
        elif (at := _AT.search(text, start, lo)) is not None and at.start() > start:
            lo = at.start()
        drop.update(range(lo, hi))
    return subject_from_positions(text, [i for i in range(start, end) if i not in drop])


def subject_after(doc: Document, q: QuantityLike, right: str, c_end: int,
                  keep_predicate: bool = False) -> tuple[Optional[Subject], Optional[str], int, list[int]]:
    """The subject written after the value ``q`` (``right`` is the text after it, up to the clause end
    ``c_end``): (subject, location, where the subject ends, starts of the quantities read as part of
    it, 500万元以上的企业, which no statement of their own may take). ``keep_predicate``: a verb after the
    noun does not end it (有35个行业实现正增长 -> 行业实现正增长)."""
    eng = doc.eng
    consumed: list[int] = []
    text = doc.text
    start = q.end
    m = eng.p_right_lead.match(right)
    start += m.end() if m else 0
    end = c_end
    seg = text[start:end]
    cut = len(seg)
    for pat in (_ELLIPSIS, _LIST_BREAK) if keep_predicate else (eng.p_stop, _ELLIPSIS, _LIST_BREAK):
        for m2 in pat.finditer(seg):
            if m2.start() > 0:
                cut = min(cut, m2.start())
                break
    for inner in doc.quantities_from(start + 1, start + cut):
        qs, qe = inner.start, inner.end
        if qs < start + cut:
            if text[qe:qe + 1] == "的" or eng.p_threshold.match(text, qe) or (
                    inner.upper is not None and not inner.unit and HAN_CHAR.match(text, qe)):
                consumed.append(qs)  # 500万元以上的企业; 楼价逾500万至1000万二手住宅: a band of amounts names the noun
                continue
            cut = qs - start
            # 17项展览及3项奖励活动: a conjunction before the next value lists that value, it ends this noun
            joined = eng.p_conj_end.search(seg, 0, cut)
            if joined is not None and joined.start() > 0:
                cut = joined.start()
            break
    if keep_predicate:  # the noun and its predicate as written, without periods and comparison frames
        return _with_predicate(doc, start, c_end), None, c_end, [i.start for i in doc.quantities_from(start, c_end)]
    subject, location, _ = subject_before(doc, start, start + cut, strip_rate=False)
    return subject, location, start + cut, consumed
