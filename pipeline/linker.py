"""Indicator linker: turn tagged quantities of a normalised document into indicator events.

Pure Python (no spaCy): ``link(text, quantities, periods)`` takes the
NORMALISED text of a whole document (``zhibiao.normalize``), the quantities
and periods found in it (any objects with ``start``/``end``/``text`` ...
attributes, offsets into ``text``) and returns one ``Event`` per (quantity,
indicator).  All offsets in events are normalised offsets; the caller maps
them back with ``Normalized.to_original``.

How a quantity is linked (the knowledge is in ``rules/linker.yaml``):

1. The document is split into sentences at 。!? and line breaks, sentences
   into clauses at , ; : (never inside a quantity or parentheses).
2. For each quantity, the text from the clause start (or the previous
   quantity of the clause) to the quantity is its ``left`` context, the text
   up to the next quantity or the clause end its ``right`` context.  The
   linking rules are tried in file order; the first whose ``left``/``right``
   patterns, labels and units fit links the quantity.  The rule's ``left``
   match is the predicate (trigger, share or contribution phrase ...); what
   precedes it is the subject region.
3. The subject region is cleaned (periods, places, fillers, comparison cues,
   parentheses, quotation marks and leading verbs stripped).  An empty or
   anaphoric subject (增速, 数量 ...) takes the indicator of the previous
   statement, or a topic clause of the same sentence; a lone head noun
   (出口) takes the topic as its modifier.
4. Values joined by 和/、/或 continue the previous statement; with 分别 they
   are distributed over the coordinated subjects (shared heads distributed:
   钢铁和水泥产量 -> 钢铁产量, 水泥产量); with 均 one value gives one event
   per subject.
5. Kind and sign come from the rule or the trigger; basis from the nearest
   comparison cue before the value in the sentence (or the trigger itself);
   a target cue before the value makes the statement a target; the period is
   the nearest period before the value in the sentence that is not a
   comparison reference.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import Any, Optional, Protocol, Sequence

import regex

from .linker_rules import (
    CompiledRule,
    LexiconEntry,
    LinkerRules,
    default_rules,
    load_rules,
    lookup_indicator,
)

__all__ = ["Event", "link", "load_rules", "find_periods", "LinkerRules"]


class QuantityLike(Protocol):
    start: int
    end: int
    text: str
    value: Any
    unit: str
    label: str
    qualifier: Optional[str]


class PeriodLike(Protocol):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Event:
    """A quantity linked to the indicator it measures (normalised offsets)."""

    indicator: str
    indicator_start: Optional[int]
    indicator_end: Optional[int]
    indicator_id: Optional[str]
    value_start: int
    value_end: int
    value_text: str
    value: Any
    unit: str
    kind: str
    basis: Optional[str]
    qualifier: Optional[str]
    period: Optional[str]
    location: Optional[str]
    sentence_start: int
    sentence_end: int
    rule: str


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


# Fixed, structural patterns only: punctuation, brackets, spaces, numerals and the closed sets of function
# characters the engine splits or tests at (和及与、, 比/较, 等).  Patterns built around words of the language
# are compiled from the lexicon when the rules load (``rules.engine``, see ``_engine_patterns``).
_SENTENCE_END = regex.compile(r"[。!?！？\n]+")
_CLAUSE_SCAN = regex.compile(r"[,;:，；：(（)）]")
_HAN_SPACE = regex.compile(r"(?<=[\p{Han}])\s+|\s+(?=[\p{Han}])")
_QUOTES = set("“”‘’\"'「」『』")
# quotation marks and control characters (a NUL or a stray tab from a scrape) are never part of a name
_DROP = {ord(c): None for c in _QUOTES} | {c: None for c in [*range(0x20), *range(0x7F, 0xA0)]}
_JOINERS = "、和及与跟"
_ELLIPSIS = regex.compile(r"\.{2,}|…")
_BRACKETED = regex.compile(r"\([^()]*\)")
_REF_SPLIT = regex.compile(r"\s*(?:和|及|与|、)\s*")
_REF_CONJ = regex.compile(r"\s*(?:和|及|与|、|或)\s*")
_PLUS = ("+", "＋")
_ENUM_PREFIX = regex.compile(r"^[^,;]*?、[^,;]*?等(?=\S)")
_SPLITTERS = tuple((seps, regex.compile("[" + seps + "]")) for seps in (_JOINERS, "、", "和及与", "和", "及", "与"))
_SPLITTERS_OUTER = (("、和与", regex.compile("[、和与]")),)
_JOINER_CHAR = regex.compile("[" + _JOINERS + "]")
_SPACES = regex.compile(r"\s+")
_SENT_PUNCT = regex.compile(r"[。,;]")
_WORD_CHAR = regex.compile(r"[\p{Han}A-Za-z]")
_NAMES = regex.compile(r"[^\P{L}零〇○一二三四五六七八九十百千万亿两]")  # a letter or Han character, not a numeral
_LIST_BREAK = regex.compile(r"[、]|和(?=\s*\d)")
_COMPARE_CUE = regex.compile(r"[比较]")
_NUMERAL = {"两": 2, "二": 2, "双": 2, "三": 3, "四": 4, "五": 5}


# ----------------------------------------------------------------------------- subjects


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


def _clean_text(s: str) -> str:
    s = s.translate(_DROP)
    s = _HAN_SPACE.sub("", s)
    return s.strip()


def _subject_from_positions(text: str, keep: list[int], rest: Optional[str] = None) -> Optional[Subject]:
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
    s = _clean_text(rest[a:b])
    if not s:
        return None
    lo, hi = keep[0], keep[-1] + 1
    if hi - lo == len(keep):  # keep is ascending and without repeats: no gap
        contiguous = True
    else:
        kept = set(keep)
        contiguous = all(i in kept or text[i] in _QUOTES or text[i].isspace() for i in range(lo, hi))
    if contiguous:
        return Subject(s, lo, hi)
    return Subject(s, None, None)


class _Linker:
    def __init__(self, text: str, quantities: Sequence[QuantityLike], periods: Optional[Sequence[PeriodLike]],
                 rules: LinkerRules):
        self.text = text
        self.rules = rules
        qs = sorted(quantities, key=lambda q: (q.start, -q.end))
        self.quantities: list[QuantityLike] = []
        last_end = -1
        for q in qs:  # drop overlapping quantities
            if q.start >= last_end:
                self.quantities.append(q)
                last_end = q.end
        own = find_periods(text, rules)
        given = [Span(p.start, p.end, p.text) for p in periods] if periods is not None else own
        self.periods = sorted(given, key=lambda p: p.start)
        # for stripping, any period-looking span counts
        self.strip_periods = sorted({(p.start, p.end) for p in [*given, *own]})
        self.qspans = [(q.start, q.end) for q in self.quantities]
        # quantities do not overlap, so starts and ends are both ascending: every lookup by position
        # is a bisection, never a scan of the document's quantities (linear time in document length)
        self.q_starts = [q.start for q in self.quantities]
        self.period_starts = [p.start for p in self.periods]
        # lookups for clean(): the first period span (in sorted order) starting at a position, the period
        # starts (ascending) ending at a position, and the quantity ending at a position
        self.period_end_at_start: dict[int, int] = {}
        self.period_starts_at_end: dict[int, list[int]] = {}
        for ps, pe in self.strip_periods:
            self.period_end_at_start[ps] = pe  # the longest (中秋节、国庆节假期, not 中秋)
            self.period_starts_at_end.setdefault(pe, []).append(ps)
        self.qstart_at_end = {qe: qs for qs, qe in self.qspans}
        self.q_at = {q.start: q for q in self.quantities}
        self.keep_counts = True  # counts at the start of a subject stay unless they count places
        self.events: list[Event] = []
        self.event_keys: set[tuple[int, str]] = set()  # (value_start, indicator) of every event
        self.carry: Optional[Subject] = None  # the indicator of the last statement
        self.doc_carry: Optional[Subject] = None
        eng = rules.engine
        if eng is None:
            raise ValueError("LinkerRules without compiled engine patterns: build them with load_rules()")
        self.eng = eng
        self.p_location = eng.p_location
        self.p_basis_prefix = eng.p_basis_prefix
        self.p_share_noun = eng.p_share_noun
        self.p_change_trigger = eng.p_change_trigger
        self.consumed: set[int] = set()
        self.sent_subjects: list[Subject] = []  # the indicators stated in the current sentence, in order
        self.prev_sent_subjects: list[Subject] = []  # those of the last sentence that stated any
        self.paren_start = -1  # the start of the quantity being linked when it stands alone in brackets
        self.trace: list[tuple[int, str]] = []
        self.p_filler_prefix = eng.p_filler_prefix
        self.p_filler_suffix = eng.p_filler_suffix
        self.p_basis_suffix = eng.p_basis_suffix
        self.p_strip = eng.p_strip
        self.p_leading_verb = eng.p_leading_verb
        self.p_anaphor = eng.p_anaphor
        self.p_head = eng.p_head
        self.p_head_suffix = eng.p_head_suffix
        self.p_rate = eng.p_rate
        self.p_heading = eng.p_heading
        self.p_not_topic = eng.p_not_topic
        self.p_topic_cut = eng.p_topic_cut
        self.p_share = eng.p_share
        self.p_target = eng.p_target
        self.p_list_cue = eng.p_list_cue
        self.p_shared_cue = eng.p_shared_cue
        self.p_stop = eng.p_stop
        self.p_period_ref = eng.p_period_ref
        self.p_conj_only = eng.p_conj_only
        self.p_enum_prefix = _ENUM_PREFIX
        self.p_place_unit = eng.p_place_unit

    # ------------------------------------------------------------------ segmentation
    def sentences(self) -> list[tuple[int, int]]:
        out = []
        pos = 0
        for m in _SENTENCE_END.finditer(self.text):
            if self._inside_quantity(m.start()):
                continue
            if m.group().isspace() and self._wrapped_line(m.start()):
                continue  # a hard-wrapped line (…估计为\n3499亿元): the sentence goes on
            out.append((pos, m.end()))
            pos = m.end()
        if pos < len(self.text):
            out.append((pos, len(self.text)))
        return [(s, e) for s, e in out if self.text[s:e].strip()]

    def _wrapped_line(self, i: int) -> bool:
        """Whether the line ending at ``i`` ends in a character that cannot end a sentence (class
        ``open_line_end``: a clause mark, 为, 而 ...), so the line is wrapped, not ended."""
        j = i - 1
        while j >= 0 and self.text[j] in " \t\r":
            j -= 1
        return j >= 0 and self.text[j] in self.eng.open_line_end

    def _inside_quantity(self, i: int) -> bool:
        k = bisect_right(self.q_starts, i) - 1
        return k >= 0 and i < self.qspans[k][1]

    def quantities_from(self, start: int, end: int) -> list[QuantityLike]:
        """The quantities starting in [start, end), in text order."""
        return self.quantities[bisect_left(self.q_starts, start):bisect_left(self.q_starts, end)]

    def clauses(self, s: int, e: int) -> list[tuple[int, int]]:
        out = []
        pos = s
        depth = 0
        for m in _CLAUSE_SCAN.finditer(self.text, s, e):  # brackets and separators only
            c = m.group()
            i = m.start()
            if c in "(（":
                depth += 1
            elif c in ")）":
                depth = max(0, depth - 1)
            elif depth == 0 and not self._inside_quantity(i):
                out.append((pos, i))
                pos = i + 1
        end = e
        while end > pos and (self.text[end - 1] in "。!?！？\n" or self.text[end - 1].isspace()):
            end -= 1
        out.append((pos, end))
        return out

    # ------------------------------------------------------------------ subject cleaning
    def clean(self, start: int, end: int, *, topic: bool = False,
              strip_rate: bool = True) -> tuple[Optional[Subject], Optional[str], bool]:
        """Clean the region [start, end) into a subject; return (subject, location, share_flag)."""
        text = self.text
        if start >= end:
            return None, None, False
        share = False
        rate = False
        # cut at a share predicate (X占Y的比重) or, for topics, at the first topic cut
        seg = text[start:end]
        m = self.eng.p_share_cut.search(seg)
        if m and m.start() > 0:
            end = start + m.start()
            share = True
        elif m and m.start() == 0:
            return None, None, True
        seg = text[start:end]
        m = self.p_topic_cut.search(seg)
        if m and strip_rate and self.eng.p_rate_tail.search(_BRACKETED.sub("", seg).rstrip()):
            rate = True  # 同比升幅 (…的同比升幅为1.4%): the cut drops a rate noun that makes the value a change
        if m:
            if self.eng.p_share_cut.fullmatch(m.group(0)):
                share = True  # the topic cut is a share predicate (所占, 占)
            end = start + m.start()
        if topic:
            seg = text[start:end]
            for m in self.eng.p_trigger_change.finditer(seg):
                if m.start() > 0 and self.p_change_trigger.match(seg, m.start()):
                    end = start + m.start()
                    break
        keep = list(range(start, end))
        # remove anywhere-patterns
        seg = text[start:end]
        drop: set[int] = set()
        for m in self.p_strip.finditer(seg):
            if m.group(0) and not all(c in _QUOTES for c in m.group(0)):
                drop.update(range(start + m.start(), start + m.end()))
        if drop:
            keep = [i for i in keep if i not in drop]
            rest = "".join(text[i] for i in keep)
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
            # (not between two places: 全省与全国 is the location of the statement)
            partner = rest[0] == "与" and bool(location_spans) and location_spans[-1][1] == keep[0] \
                and not self.p_location.match(rest, 1)
            if not partner and (rest[0].isspace() or rest[0] in _QUOTES or rest[0] in "、,;:()" + "和及与或"):
                del keep[0]
                rest = rest[1:]
                changed = True
                continue
            n = self._prefix_len(keep, rest, location_spans)
            if n:
                del keep[:n]
                rest = rest[n:]
                changed = True
                continue
            m = self.p_enum_prefix.match(rest)
            if m:
                del keep[: m.end()]
                rest = rest[m.end():]
                changed = True
        # a forecast of growth (实质本地生产总值增长预测维持在2%至3%): the rate of the noun before it
        m = self.eng.p_forecast_tail.search(rest)
        if m and m.start() >= 2:
            del keep[m.start():]
            rest = rest[:m.start()]
            rate = True
        # suffix stripping
        changed = True
        guard = 0
        while keep and changed and guard < 50:
            guard += 1
            changed = False
            if rest[-1].isspace() or rest[-1] in "、,;:()和及与或":
                keep.pop()
                rest = rest[:-1]
                changed = True
                continue
            for pat in (self.p_filler_suffix, self.p_basis_suffix):
                if pat is None:
                    continue
                m = pat.search(rest)
                if m and m.end() - m.start() > 0:
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
            qs = self.qstart_at_end.get(last + 1)
            if qs is not None and qs > keep[0]:
                cut = bisect_left(keep, qs)
                del keep[cut:]
                rest = rest[:cut]
                changed = True
                continue
            # trailing period spans
            for ps in self.period_starts_at_end.get(last + 1, ()):
                if ps >= keep[0]:
                    cut = bisect_left(keep, ps)
                    del keep[cut:]
                    rest = rest[:cut]
                    changed = True
                    break
        location = None
        if location_spans:
            lo = location_spans[0][0]
            hi = location_spans[-1][1]
            location = _clean_text(text[lo:hi])
        m = self.eng.p_rate_tail.search(rest) if strip_rate else None
        if m and len(keep) > len(m.group(0)) + 1:
            del keep[len(keep) - len(m.group(0)):]
            rest = rest[:len(rest) - len(m.group(0))]
            rate = True
        # the change of a share is a change of the base indicator (不过夜旅客比重同比增加4.7个百分点)
        m = self.eng.p_share_tail.search(rest) if strip_rate and not rate else None
        if m and len(keep) > len(m.group(0)) + 1:
            del keep[len(keep) - len(m.group(0)):]
            rest = rest[:len(rest) - len(m.group(0))]
            share = True
        subj = _subject_from_positions(text, keep, rest)
        if subj is not None:
            subj.rate = rate
            subj.share = share
            subj.location = location
        return subj, location, share

    def _prefix_len(self, keep: list[int], rest: str, location_spans: list[tuple[int, int]]) -> int:
        text = self.text
        i0 = keep[0]
        # a period span starting here
        pe = self.period_end_at_start.get(i0)
        if pe is not None:
            ps = i0
            n = bisect_left(keep, pe)
            if n and n < len(keep) + 1:
                # 1-9月平均就业人数: an average over a span of months belongs to the period (convention 12)
                m = self.eng.p_span_average.match(text, pe) if self.eng.p_month_span.search(text, ps, pe) else None
                if m and n + (m.end() - pe) < len(keep):
                    n += m.end() - pe
                return n
        # a quantity starting here: a count of places (四省小麦产量) is a place reference and goes;
        # any other count is part of the noun phrase as written (3家基础电信企业的移动电话用户总数)
        q = self.q_at.get(i0)
        if q is not None and (not self.keep_counts or self.p_place_unit.fullmatch(getattr(q, "unit", "") or "")):
            return bisect_left(keep, q.end)
        m = self.p_location.match(rest)
        if m and 0 < m.end():
            after = rest[m.end():]
            tail = after
            while True:  # the places written next to it, coordinated ones too (中国大陆及香港旅客)
                t = tail.lstrip(_JOINERS)
                m2 = self.p_location.match(t)
                if not (m2 and m2.end() > 0):
                    break
                tail = t[m2.end():]
            # X贡献 (class place_keep), 香港旅客 (class origin_noun): the place is part of the name
            if not self.eng.p_place_keep.match(after) and not self.eng.p_origin_noun.match(tail):
                location_spans.append((i0, keep[m.end() - 1] + 1))
                return m.end() + (1 if after.startswith("的") else 0)
        if self.p_basis_prefix is not None:
            m = self.p_basis_prefix.match(rest)
            if m and m.end() > 0:
                return m.end()
        m = self.p_filler_prefix.match(rest)
        if m and m.end() > 0:
            return m.end()
        m = self.eng.p_scope_prefix.match(rest)  # 工业投资中制造业投资: the part within the scope is the indicator
        if m:
            return m.end()
        m = self.p_leading_verb.match(rest)
        if m and m.end() > 0 and m.end() < len(rest) and not self.p_anaphor.match(rest[m.end():]):
            return m.end()
        return 0

    # ------------------------------------------------------------------ helpers
    def split(self, subj: Subject, n: Optional[int]) -> Optional[list[Subject]]:
        """Split a coordinated subject into n parts (any number >= 2 when n is None), heads distributed."""
        if subj.parts and (n is None or len(subj.parts) == n):
            return subj.parts
        text = subj.text
        # 及 binds tighter than 和 (酒店及饮食业和教育): with both, split at 和/、 first
        splitters = _SPLITTERS_OUTER + _SPLITTERS if "及" in text and "和" in text else _SPLITTERS
        for seps, splitter in splitters:
            pieces = splitter.split(text)
            if len(pieces) < 2 or any(not p for p in pieces):
                continue
            if n is not None and len(pieces) != n:
                continue
            parts: list[Subject] = []
            pos = 0
            for p in pieces:
                idx = text.index(p, pos)
                pos = idx + len(p)
                if subj.start is not None and self.text[subj.start:subj.end] == text:
                    parts.append(Subject(p, subj.start + idx, subj.start + idx + len(p)))
                else:
                    parts.append(Subject(p, None, None))
            # shared head: 钢铁和水泥产量 -> 钢铁产量, 水泥产量 (the last conjunct minus a modifier
            # as long as the first conjunct, or a known head noun)
            head = self.shared_head([p.text for p in parts])
            if head:
                for k, p in enumerate(parts[:-1]):
                    if not p.text.endswith(head):
                        parts[k] = Subject(p.text + head, None, None)
            # a preposition before the first of coordinated places is shared (对东盟、欧盟进出口 -> 对欧盟进出口)
            m = self.eng.p_shared_prep.match(parts[0].text)
            if m and self.p_location.match(parts[0].text, m.end()) \
                    and all(self.p_location.match(p.text) for p in parts[1:]):
                for k in range(1, len(parts)):
                    parts[k] = Subject(m.group(0) + parts[k].text, None, None)
            for p in parts:
                p.location = subj.location
                p.share = subj.share
            return parts
        return None

    def shared_head(self, texts: list[str]) -> Optional[str]:
        """The head shared by coordinated conjuncts, written once on the last (钢铁和水泥产量 -> 产量).

        A known head noun (lexicon class ``head``) wins, extended by a preceding 行业/产业/企业 when
        present (电子、化工行业增加值 -> 行业增加值); else the last conjunct minus a modifier as long as the
        first conjunct.
        """
        last = texts[-1]
        others = texts[:-1]
        if any(self.p_head_suffix.search(t) for t in others):
            return None
        first = texts[0]
        # places coordinated before the noun they qualify (中国大陆及香港旅客, 美国、日本进口): the rest of the last
        m = self.p_location.match(last)
        if m and len(last) - m.end() >= 2 and all(self._is_place(self.eng.p_shared_prep.sub("", t, count=1))
                                                  for t in others):
            return last[m.end():]
        # conjuncts modifying a 的-phrase (酒店及饮食业和教育的就业人数): the 的-phrase is the head
        k = last.find("的")
        if k > 0 and len(last) - k >= 3 and not any("的" in t for t in others):
            return last[k:]
        # the last conjunct repeats the ending noun of the first (新建商品住宅和二手住宅销售价格,
        # 电子产品与资讯通信产品接单): what follows that noun in the last conjunct is the head
        for n in range(len(first) - 1, 1, -1):
            k = last.rfind(first[-n:])
            if k >= 0 and len(last) - (k + n) >= 2 and all(t.endswith(first[-n:]) for t in others):
                return last[k + n:]
        # parallel modifiers ending alike (甲类及乙类消费物价指数, 城镇居民和农村居民人均收入): the rest is the head
        if (len(first) >= 2 and len(last) - len(first) >= 2 and last[len(first) - 1] == first[-1]
                and all(len(t) == len(first) and t[-1] == first[-1] for t in others)):
            return last[len(first):]
        m = self.p_head_suffix.search(last)
        if m and len(last) > len(m.group(0)):
            head = m.group(0)
            m2 = self.eng.p_head_sector.search(last[: m.start()])
            if m2 and m.start() - len(m2.group(0)) > 0:
                head = m2.group(0) + head
            return head
        # (not when the last conjunct is itself a coordination, 交通运输仓储和邮政业: it is a whole name)
        if len(last) - len(first) >= 2 and all(len(t) <= len(first) + 1 for t in others) \
                and not _JOINER_CHAR.search(last):
            return last[len(first):]
        # a category noun ending the last conjunct only (资讯通信及电子产品, 纺织和化工行业): shared by all
        m = self.eng.p_category_tail.search(last)
        if m and m.start() >= 2 and not any(self.eng.p_category_tail.search(t) for t in others):
            return m.group(0)
        return None

    def _longer_head_ends(self, name: str, head: str) -> bool:
        """Whether ``name`` ends in a head noun longer than ``head`` (对东盟进出口 ends in 进出口, not 出口)."""
        for n in range(len(head) + 1, min(len(name), len(head) + 3) + 1):
            if self.p_head.match(name[-n:]):
                return True
        return False

    def _is_place(self, t: str) -> bool:
        """Whether ``t`` is only places written one after another (美国, 中国内地)."""
        pos = 0
        while pos < len(t) and (m := self.p_location.match(t, pos)) is not None and m.end() > pos:
            pos = m.end()
        return 0 < pos == len(t)

    def period_for(self, sent_start: int, pos: int) -> Optional[str]:
        best = None
        text = self.text
        ref_end = -1  # the end of the last comparison reference: 较1-9月份和上年同期 are both references
        for p in self.periods[bisect_left(self.period_starts, sent_start):bisect_right(self.period_starts, pos)]:
            if p.end > pos:
                continue
            before = text[sent_start:p.start]
            if self.eng.p_share_ref.search(before):
                continue  # 恢复到2017年末的84%: the reference amount of a share, never the statement's period
            if self.p_period_ref.search(before) or self.eng.p_ref_period_tail.match(text, p.end) \
                    or (ref_end >= 0 and _REF_CONJ.fullmatch(text, ref_end, p.start)):
                # a reference period is the period of a value written right after it (较去年同期的125亿元,
                # 相比2024年785万人次)
                if self.eng.p_compare_ref.search(before) and self.eng.p_ref_value_gap.fullmatch(text, p.end, pos):
                    best = p
                    continue
                ref_end = p.end
                continue
            if self._in_closed_brackets(sent_start, p.start, p.end, pos):
                continue  # (一○九年九月一二三点七三为历年最高),年增率…: the bracket's period stays in it
            if best is not None and self.eng.p_whole_year.fullmatch(_SPACES.sub("", p.text)) \
                    and not self.eng.p_whole_year.fullmatch(_SPACES.sub("", best.text)) \
                    and not _SENT_PUNCT.search(self.text[best.end:p.start]):
                continue
            best = p
        if best is None:
            return None
        t = self.eng.p_period_prep.sub("", _SPACES.sub("", best.text))
        t = self.eng.p_period_tail.sub("", t)
        return t or None

    def _in_closed_brackets(self, sent_start: int, start: int, end: int, pos: int) -> bool:
        """Whether [start, end) lies inside brackets that close before ``pos``."""
        text = self.text
        opening = max(text.rfind("(", sent_start, start), text.rfind("（", sent_start, start))
        if opening < 0 or max(text.find(")", opening, start), text.find("）", opening, start)) >= 0:
            return False
        return max(text.find(")", end, pos), text.find("）", end, pos)) >= 0

    def basis_for(self, sent_start: int, pos: int, clause_start: int = 0) -> Optional[str]:
        seg = self.text[sent_start:pos]
        best: Optional[tuple[int, int, str]] = None
        for literal, pat, basis in self.eng.basis_cues:  # = rules.bases, with the word each needs
            if literal is not None and literal not in seg:
                continue
            for m in pat.finditer(seg):
                if sent_start + m.end() <= clause_start and self.eng.p_growth_word_end.search(seg[:m.start()]):
                    continue
                cand = (m.end(), m.end() - m.start(), basis)
                if best is None or cand[:2] > best[:2]:
                    best = cand
        # a trigger carrying its own basis (年增, 月增) also counts as a cue
        for (pat, basis), literal in zip(self.eng.basis_triggers, self.eng.basis_trigger_literals):
            if literal is not None and literal not in seg:
                continue
            for m in pat.finditer(seg):
                cand = (m.end(), m.end() - m.start(), basis)
                if best is None or cand[:2] > best[:2]:
                    best = cand
        return best[2] if best else None

    def trigger_entry(self, word: Optional[str]) -> Optional[LexiconEntry]:
        if not word:
            return None
        e = self.rules.triggers.get(word)
        if e is not None:
            return e
        for pat, entry in self.rules.trigger_patterns:
            if pat.fullmatch(word):
                return entry
        return None

    # ------------------------------------------------------------------ main loop
    def run(self) -> list[Event]:
        for s_start, s_end in self.sentences():
            self.carry = self.doc_carry
            if self.sent_subjects:
                self.prev_sent_subjects = self.sent_subjects
            self.sent_subjects = []
            sent_location: Optional[str] = None
            topic: Optional[Subject] = None
            for c_start, c_end in self.clauses(s_start, s_end):
                clause_qs = [q for q in self.quantities_from(c_start, c_end) if q.end <= c_end]
                prev_end = c_start
                prev: Optional[dict] = None  # the last linked statement of this clause
                n_events_before = len(self.events)
                clause_text = self.text[c_start:c_end].strip()
                paren_run_start: Optional[int] = None  # where the subject of a run of bracketed values starts
                paren_events: list[int] = []  # events of the bracketed values of the current run
                for k, q in enumerate(clause_qs):
                    paren = self.paren_value(q, c_end)
                    self.paren_start = q.start if paren is not None else -1
                    if q.start in self.consumed or (paren is None and self.in_defining_parens(q, c_end)):
                        continue
                    nxt = clause_qs[k + 1].start if k + 1 < len(clause_qs) else c_end
                    region = prev_end
                    if paren is not None:
                        # 留宿旅客(1,624,285人次)增加5.4%: the bracketed value is a level of the noun before it;
                        # the statement after the bracket keeps that noun as its subject
                        if paren_run_start is None:
                            paren_run_start = prev_end
                        left = self.text[prev_end:paren[0]]
                        right = self.text[q.end:nxt]  # starts with the closing bracket: no noun follows
                    else:
                        if paren_run_start is not None:
                            region = paren_run_start
                            paren_run_start = None
                        left = self.text[region:q.start]
                        right = self.text[q.end:nxt]
                    n_trace = len(self.trace)
                    n_ev = len(self.events)
                    info = self.apply(q, left, right, region, c_start, c_end, s_start, s_end, prev, clause_qs[k + 1:],
                                      topic, sent_location)
                    prev = info
                    if paren is not None:
                        paren_events.extend(range(n_ev, len(self.events)))
                    elif paren_events:
                        if info is not None:
                            self.share_head_with_brackets(paren_events, info.get("parts") or [])
                        paren_events = []
                    if info and info.get("location"):
                        sent_location = info["location"]
                    if info is None and len(self.trace) > n_trace and self.apposition_count(q, right):
                        continue  # 教育和通讯两个大类分别上升…: the subject runs through the count
                    if info is None and len(self.trace) > n_trace and paren is None and not left.strip() \
                            and self.count_opens_subject(q, right):
                        continue  # 3家基础电信企业的移动电话用户总数达…: the count is part of the subject
                    prev_end = max(q.end if paren is None else paren[1], info.get("subject_end", 0) if info else 0)
                if len(self.events) == n_events_before and clause_text:
                    # a clause with no statement: a heading, or a topic for what follows
                    t_start = c_start
                    lead = self.eng.p_heading_lead.match(self.text, c_start, c_end)
                    if lead is not None and not clause_qs:
                        t_start = lead.end()  # 分季度看全国城镇调查失业率: the topic follows the heading
                    elif self.p_heading.search(clause_text) or self.p_not_topic.search(clause_text):
                        continue
                    subj, loc, share = self.clean(t_start, c_end, topic=True)
                    if loc:
                        sent_location = loc
                    if subj is not None and len(subj.text) <= 30:
                        subj.share = share
                        topic = subj
                        self.carry = subj
            # topics set self.carry only: they do not outlive their sentence (doc_carry is unchanged)
        return self.events

    def paren_value(self, q, c_end: int) -> Optional[tuple[int, int]]:
        """(index of the opening bracket, index after the closing one) when ``q`` stands alone in brackets."""
        text = self.text
        i = q.start - 1
        while i >= 0 and text[i] == " ":
            i -= 1
        if i < 0 or text[i] != "(" or i == 0 or not _WORD_CHAR.match(text[i - 1]):
            return None
        j = q.end
        while j < c_end and text[j] == " ":
            j += 1
        if j >= c_end or text[j] != ")":
            return None
        return i, j + 1

    def apposition_count(self, q, right: str) -> bool:
        """A count naming the set just listed (教育和通讯两个大类), followed by 分别/均 and the predicate."""
        rule = self.rules.rule_index.get(self.trace[-1][1])
        spec = rule.spec if rule is not None else None
        if spec is None or spec.emit or self.trace[-1][0] != q.start:
            return False
        return bool(self.eng.p_apposition_cue.match(right))

    def share_head_with_brackets(self, indices: list[int], parts: list[Subject]) -> None:
        """甲类(103.67)及乙类(104.68)消费物价指数分别上升…: the bracketed levels of the conjuncts take the
        head distributed over the coordinated subject that follows them (甲类 -> 甲类消费物价指数)."""
        if len(parts) < 2:
            return
        for i in indices:
            ev = self.events[i]
            for p in parts:
                if p.text != ev.indicator and p.text.startswith(ev.indicator):
                    ind = lookup_indicator(self.rules, p.text)
                    self.event_keys.discard((ev.value_start, ev.indicator))
                    self.event_keys.add((ev.value_start, p.text))
                    self.events[i] = replace(ev, indicator=p.text, indicator_start=p.start, indicator_end=p.end,
                                             indicator_id=ind.id if ind else None)
                    break

    def count_opens_subject(self, q, right: str) -> bool:
        """A count in passing that opens its clause and modifies the noun after it (3家基础电信企业的…)."""
        if self.p_place_unit.fullmatch(getattr(q, "unit", "") or ""):
            return False
        return bool(_WORD_CHAR.match(right)) and not self.p_stop.match(right)

    def in_defining_parens(self, q, c_end: int) -> bool:
        """A quantity inside parentheses that sit inside a subject (规上工业(年主营业务收入500万元以上)增加值)."""
        text = self.text
        i = q.start - 1
        depth = 0
        while i >= 0 and text[i] not in "。,;:":
            if text[i] == ")":
                depth += 1
            elif text[i] == "(":
                if depth == 0:
                    break
                depth -= 1
            i -= 1
        if i < 0 or text[i] != "(":
            return False
        j = text.find(")", q.end, c_end)
        return j >= 0 and j + 1 < c_end and bool(_WORD_CHAR.match(text[j + 1]))

    def right_subject(self, q, right: str, c_end: int) -> tuple[Optional[Subject], Optional[str], int]:
        text = self.text
        start = q.end
        m = self.eng.p_right_lead.match(right)
        start += m.end() if m else 0
        end = c_end
        seg = text[start:end]
        cut = len(seg)
        for pat in (self.p_stop, _ELLIPSIS, _LIST_BREAK):
            for m2 in pat.finditer(seg):
                if m2.start() > 0:
                    cut = min(cut, m2.start())
                    break
        for q in self.quantities_from(start + 1, start + cut):
            qs, qe = q.start, q.end
            if qs < start + cut:
                if text[qe:qe + 1] == "的" or self.eng.p_threshold.match(text, qe):  # 500万元以上的企业
                    self.consumed.add(qs)
                    continue
                cut = qs - start
                break
        subject, location, _ = self.clean(start, start + cut, strip_rate=False)
        return subject, location, start + cut

    def apply(self, q, left, right, region_start, c_start, c_end, s_start, s_end, prev, following, topic,
              sent_location) -> Optional[dict]:
        label = getattr(q, "label", None)
        unit = getattr(q, "unit", None)
        for rule in self.rules.rules:
            spec = rule.spec
            if spec.labels is not None and label not in spec.labels:
                continue
            if spec.units is not None and unit not in spec.units:
                continue
            if spec.subject == "previous" and not prev:
                continue
            # right first: an anchored match, much cheaper than the search for a left pattern ending the text
            rm = rule.right.match(right) if rule.right is not None else None
            if rule.right is not None and rm is None:
                continue
            lm = rule.left.search(left) if rule.left is not None else None
            if rule.left is not None and lm is None:
                continue
            if rule.sentence_before is not None and not rule.sentence_before.search(self.text[s_start:q.start]):
                continue
            self.trace.append((q.start, spec.id))
            if not spec.emit:
                return None
            return self.fire(rule, q, lm, rm, left, right, region_start, c_start, c_end, s_start, s_end, prev,
                             following, topic, sent_location)
        return None

    def fire(self, rule: CompiledRule, q, lm, rm, left, right, region_start, c_start, c_end, s_start, s_end, prev,
             following, topic, sent_location) -> Optional[dict]:
        spec = rule.spec
        text = self.text
        if spec.subject == "previous":
            info = dict(prev)
            info["index"] = prev["index"] + 1
            parts = info["parts"]
            idx = info["index"]
            subjects = [parts[idx]] if info["mode"] == "list" and idx < len(parts) else info["subjects"]
            if info.get("subject_mode") == "right":
                subj, _, send = self.right_subject(q, right, c_end)
                if subj is not None:
                    subjects = [subj]
                    info["subject_end"] = send
            bases = info.get("bases")
            basis = bases[idx] if bases and idx < len(bases) else info["basis"]
            self.emit(q, subjects, info["kind"], info["sign"], basis, s_start, s_end, spec.id,
                      info.get("location"), info.get("period"))
            return info
        trigger = None
        if lm is not None and "trigger" in lm.re.groupindex:
            trigger = lm.group("trigger")
        entry = self.trigger_entry(trigger)
        if trigger and trigger in self.eng.comparatives and not _COMPARE_CUE.search(text[c_start:q.start]):
            entry = None  # read as a level verb: no sign or basis of its own (the kind is set just below)
            if spec.kind == "change" or spec.kind is None:
                spec = spec.model_copy(update={"kind": "level"})
        kind = spec.kind or (entry.kind if entry else None) or "level"
        sign = spec.sign or (entry.sign if entry and entry.kind == "change" else 1)
        # the subject
        subject: Optional[Subject] = None
        location = None
        carried = False
        subject_end = 0
        pred_start = region_start + (lm.start() if lm is not None else len(left))  # where the predicate starts
        if spec.subject in ("left", "carry"):
            if spec.subject == "left":
                subject, location, _ = self.clean(region_start, pred_start, strip_rate=not spec.keep_rate)
            if subject is None or self.p_anaphor.match(subject.text) or self.eng.p_trigger_only.match(subject.text) \
                    or self.eng.p_not_a_name.match(subject.text):
                if subject is not None and self.p_rate.search(subject.text) and self.carry is not None:
                    c = self.carry
                    subject = Subject(c.text, c.start, c.end, parts=c.parts, share=c.share, location=c.location,
                                      rate=True)
                elif subject is not None and self.p_share_noun.search(subject.text) and self.carry is not None:
                    c = self.carry  # 贡献率由52.5%提高到58.1%: the share of the indicator before
                    subject = Subject(c.text, c.start, c.end, parts=c.parts, share=True, location=c.location)
                elif subject is not None and self.eng.p_plural_anaphor.match(subject.text) and self.carry is not None:
                    subject = self.plural_referent(subject.text)
                else:
                    subject = self.carry
                carried = True
            elif self.p_head.match(subject.text) and topic is not None and self.carry is topic:
                if topic.text.endswith(subject.text):  # the topic names it already (五市进出口…,进出口均超…)
                    subject = Subject(topic.text, topic.start, topic.end, share=topic.share, location=topic.location)
                else:
                    subject = Subject(topic.text + subject.text, None, None, share=topic.share)
            elif self.p_head.match(subject.text):
                # 高新技术产业增加值占…的比重为24.5%;增加值同比增长8.5%: a lone head noun repeats the last
                # indicator of the sentence that ends with it
                for named in reversed(self.sent_subjects):
                    if len(named.text) > len(subject.text) and named.text.endswith(subject.text) and not named.parts \
                            and not self._longer_head_ends(named.text, subject.text):
                        subject = Subject(named.text, named.start, named.end, location=named.location)
                        break
        else:  # right
            subject, location, subject_end = self.right_subject(q, right, c_end)
        if subject is None:
            return None
        location = location or subject.location or sent_location
        # the values listed with this one (joined by 和 、 或)
        n = 1
        last_end = q.end
        for f in following:
            if not self.p_conj_only.match(text[last_end:f.start]):
                break
            n += 1
            last_end = f.end
        # kind adjustments
        if kind == "level" and n > 1 and self.eng.p_list_rate_after.match(text, last_end):
            kind = "change"  # 分别录得1.2%及2.1%的升幅: the rate noun after the list says what the values are
        if kind == "level" and (q.text.startswith(_PLUS) or (q.start == self.paren_start and q.text[:1] in "-−")):
            kind = "change"  # 教育(+10.02%): a signed value is a change
        if kind == "level" and (self.p_rate.search(subject.text) or subject.rate):
            kind = "change"
        elif kind == "level" and (self.p_share_noun.search(subject.text) or (carried and subject.share)):
            kind = "share"
        elif kind == "level" and carried and prev is not None and prev["kind"] == "share":
            kind = "share"  # 占…比率由56.1%下降至48.8%: a level reached in the clause of a share is a share
        elif kind == "level" and carried and self.events and self.events[-1].kind == "change" \
                and self.events[-1].indicator == subject.text and self.events[-1].unit == q.unit \
                and self.names_period_only(region_start, pred_start):
            kind = "change"  # 本地生产总值按年上升1.8%,第二季为3.2%: the same rate, for another period
        if kind != "rank" and self.p_target.search(text[s_start:q.start]):
            value_kind = kind
            kind = "target"
        else:
            value_kind = kind
        # basis
        basis: Optional[str] = None
        if value_kind == "change" or (kind == "target" and value_kind == "change"):
            if spec.basis == "none":
                basis = None
            elif spec.basis in ("yoy", "mom", "vs_prev"):
                basis = spec.basis
            elif entry is not None and entry.basis:
                basis = entry.basis
            else:
                bw = rm.groupdict().get("basis_word") if rm is not None else None
                ref = lm.groupdict().get("basis_ref") if lm is not None else None
                bw_basis = next((b for pat, b in self.eng.rate_basis if pat.fullmatch(bw)), None) if bw else None
                if bw_basis is not None:  # 的年均增长率 (class rate_basis)
                    basis = bw_basis
                elif ref:  # 低于上月0.5个百分点: the basis of the cue 比/较 + that reference (比上月 -> mom)
                    basis = self.basis_for_cue("比" + ref) or self.basis_for_cue("较" + ref)
                else:
                    basis = self.basis_for(s_start, q.start, c_start)
        if value_kind != "change":
            sign = 1
        # lists: 分别 distributes values over subjects, 均 shares one value
        before = text[c_start:q.start]
        mode = "single"
        parts: list[Subject] = [subject]
        if n > 1 and carried and not (subject.parts and len(subject.parts) == n) and self.p_list_cue.search(before) \
                and len(self.sent_subjects) >= n and self.sent_subjects[-1].text == subject.text:
            # 接待游客1002.85万人次,旅游总收入42.6亿元,分别增长11.9%和18.86%: the values go, in order, to the
            # last n indicators of the sentence
            mode = "list"
            parts = list(self.sent_subjects[-n:])
            subject = Subject(subject.text, subject.start, subject.end, parts=parts, share=subject.share,
                              location=subject.location, rate=subject.rate)
        elif n > 1 and (self.p_list_cue.search(before) or (carried and subject.parts and len(subject.parts) == n)):
            split = self.split(subject, n)
            if split:
                mode = "list"
                parts = split
        elif n == 1 and (cue := self.p_shared_cue.search(before)):
            split = self.split(subject, None)
            if not split and carried and cue.group(0)[0] in _NUMERAL:
                # 接待游客5亿人次,旅游收入4169亿元,增长双双达到8%: the last two indicators share the value
                split = (self.plural_referent(cue.group(0)) or subject).parts
            if split:
                parts = split
                mode = "shared"
        subjects = [parts[0]] if mode == "list" else parts
        if mode != "single":
            subject = Subject(subject.text, subject.start, subject.end, parts=parts, share=subject.share,
                              location=subject.location, rate=subject.rate)
        # 占比分别较1-9月份和上年同期提高0.1和1.2个百分点: one comparison reference per listed value
        bases = None
        if n > 1 and basis is not None and lm is not None and spec.basis not in ("none", "yoy", "mom", "vs_prev"):
            bases = self.listed_bases(text[c_start:region_start + lm.start()], n)
            if bases:
                basis = bases[0]
        period = self.period_for(s_start, q.start)
        self.emit(q, subjects, kind, sign, basis, s_start, s_end, spec.id, location, period)
        if spec.carry:  # not a reference amount (完成年初预算数60999万元的40.4%): later values may refer to it
            if not carried and mode == "single" \
                    and (not self.sent_subjects or self.sent_subjects[-1].text != subject.text):
                self.sent_subjects.append(subject)
            self.carry = subject
            self.doc_carry = replace(subject, rate=False)
        return {"kind": kind, "sign": sign, "basis": basis, "parts": parts, "subjects": subjects, "mode": mode,
                "index": 0, "location": location, "period": period, "subject_mode": spec.subject,
                "subject_end": subject_end, "bases": bases}

    def names_period_only(self, start: int, end: int) -> bool:
        """Whether the subject region [start, end) names a period and nothing else (第二季为3.2%)."""
        while start < end and self.text[start].isspace():
            start += 1
        pe = self.period_end_at_start.get(start)
        return pe is not None and pe <= end and not self.text[pe:end].strip()

    def plural_referent(self, word: str) -> Optional[Subject]:
        """两者均下跌0.1%: the last n indicators stated (in this sentence, else the one before) as the parts of
        the carried subject, n read from the numeral of the anaphor; the carried subject alone when too few."""
        c = self.carry
        if c is None:
            return None
        n = _NUMERAL.get(word[0], 0)
        named = self.sent_subjects if len(self.sent_subjects) >= n else self.prev_sent_subjects
        if n < 2 or len(named) < n:
            return c
        return Subject(c.text, c.start, c.end, parts=list(named[-n:]), share=c.share, location=c.location)

    def listed_bases(self, before: str, n: int) -> Optional[list[str]]:
        """The bases of ``分别较A和B``: one per reference when there are exactly n and each is a cue."""
        m = self.eng.p_listed_refs.search(before)
        if m is None:
            return None
        refs = [r.strip() for r in _REF_SPLIT.split(m.group("refs")) if r.strip()]
        if len(refs) != n:
            return None
        out = []
        for ref in refs:
            cue = ref if ref[0] in "比较" else m.group("cmp") + ref
            basis = self.basis_for_cue(cue)
            if basis is None:
                return None
            out.append(basis)
        return out

    def basis_for_cue(self, cue: str) -> Optional[str]:
        """The basis of a comparison written alone (较上年同期 -> yoy), by the longest cue matching all of it."""
        best: Optional[tuple[int, str]] = None
        for literal, pat, basis in self.eng.basis_cues:
            if literal is not None and literal != cue:
                continue
            if pat.fullmatch(cue) and (best is None or len(cue) > best[0]):
                best = (len(cue), basis)
        return best[1] if best else None

    def emit(self, q, subjects, kind, sign, basis, s_start, s_end, rule_id, location, period=None) -> None:
        if period is None:
            period = self.period_for(s_start, q.start)
        value = q.value
        if sign == -1 and value is not None:
            value = -value
        for subj in subjects:
            if not _NAMES.search(subj.text):  # 1,1,1,1 or 3.8%，3.8%: a number names nothing
                continue
            ind = lookup_indicator(self.rules, subj.text)
            if (q.start, subj.text) in self.event_keys:
                continue
            self.event_keys.add((q.start, subj.text))
            self.events.append(
                Event(
                    indicator=subj.text,
                    indicator_start=subj.start,
                    indicator_end=subj.end,
                    indicator_id=ind.id if ind else None,
                    value_start=q.start,
                    value_end=q.end,
                    value_text=q.text,
                    value=value,
                    unit=q.unit,
                    kind=kind,
                    basis=basis,
                    qualifier=getattr(q, "qualifier", None),
                    period=period,
                    location=location,
                    sentence_start=s_start,
                    sentence_end=s_end,
                    rule=rule_id,
                )
            )


def find_periods(text: str, rules: LinkerRules | None = None) -> list[Span]:
    """Period expressions in normalised ``text`` by the ``period`` patterns of the lexicon (a fallback)."""
    rules = rules or default_rules()
    out: list[Span] = []
    pat = rules.compiled["period"]
    for m in pat.finditer(text):
        if not m.group(0).strip():
            continue
        # not a period when it is part of a number (2023年 inside 12023年? ) or a date followed by 日
        out.append(Span(m.start(), m.end(), m.group(0)))
    return out


def link(
    text: str,
    quantities: Sequence[QuantityLike],
    periods: Optional[Sequence[PeriodLike]] = None,
    rules: LinkerRules | None = None,
    trace: Optional[list[tuple[int, str]]] = None,
) -> list[Event]:
    """Link each quantity of the normalised ``text`` to the indicator it measures.

    ``periods=None`` finds periods with the lexicon's ``period`` patterns.
    ``trace``, when given, receives ``(quantity start, rule id)`` for every
    quantity a rule handled, including rules that emit no event.
    Returns events in text order; a quantity that measures nothing gets none,
    a value shared by several indicators gets one event each.
    """
    rules = rules or default_rules()
    linker = _Linker(text, quantities, periods, rules)
    events = linker.run()
    if trace is not None:
        trace.extend(linker.trace)
    return events
