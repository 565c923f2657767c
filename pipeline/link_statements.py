"""Statements: one value, the rule it fits, its subject and cues, made into events.

``state_value`` runs the stages of one value in order: predicate (the rule and its trigger), subject
(the region before the predicate, or the name after the value, or the indicator carried from the last
statement), kind, cues (target, basis, period), lists (分别 distributes values over coordinated
subjects, 均 shares one), emission.  A ``Statement`` is what the next values of the clause joined by
和/、/或 continue.  ``Memory`` is what the linker remembers across statements: the carried indicator,
the indicators stated in this sentence and the one before, the events.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import NamedTuple, Optional, Sequence

import regex

from .link_clauses import value_note_end
from .link_cues import basis_for, basis_for_cue, is_target, listed_bases, names_period_only, period_for
from .link_document import Document, QuantityLike
from .link_each_value import each_value
from .link_emit import Events
from .link_own_statistic import own_statistic
from .link_place_phrase import place_phrase
from .link_predicates import REGION_LEAD, Predicate, RuleMatch, match_rule, read_predicate
from .link_proper import proper_name
from .linker_rules import EnginePatterns, indicator_id
from .list_joiners import COORDINATOR, LIST_JOINER, LIST_JOINERS
from .memo import UNKNOWN
from .pos import HAN_CHAR
from .link_subjects import (Subject, longer_head_ends, overlap, owned_name, owner_at, owner_item, scoped, split,
                            statistic, subject_after, subject_before)

_PLUS = ("+", "＋")
_RATE_UNITS = frozenset({"%", "‰", "pp", "千分点", ""})
_MEASURED_LABELS = frozenset({"MONEY", "PERCENT"})  # labels of values stated in money or as rates, not counts
_SENTENCE_EVENTS = 24  # how many of the last events may belong to the sentence
_MINUS = ("-", "−", "－", "负")
_NUMERAL = {"两": 2, "二": 2, "双": 2, "三": 3, "四": 4, "五": 5}
_FIXED_BASES = ("yoy", "mom", "vs_prev")


class Statement(NamedTuple):
    """What a linked value states; the values listed after it (和/、/或) continue it, ``index`` counting them.
    (A named tuple, as ``ValueContext``: one is made per value, and a frozen dataclass sets each field through
    ``object.__setattr__``.)"""

    kind: str
    sign: int
    basis: Optional[str]
    parts: list[Subject]  # the coordinated subjects (the subject alone when single)
    subjects: list[Subject]  # those that took this value
    mode: str  # single, list (分别: one value each) or shared (均: one value for all)
    index: int
    location: Optional[str]
    period: Optional[str]
    subject_mode: str  # the rule's: left, carry or right
    subject_end: int  # where a subject written after the value ends (0 otherwise)
    bases: Optional[list[str]]  # one basis per listed value (分别较A和B)


class ValueContext(NamedTuple):
    """Where a value stands: its left context (from ``region_start``), its right context, its clause and
    sentence, the values after it in the clause, the clause's topic and the sentence's location so far."""

    q: QuantityLike
    left: str
    right: str
    region_start: int
    clause: tuple[int, int]
    sentence: tuple[int, int]
    following: Sequence[QuantityLike]
    topic: Optional[Subject]
    sent_location: Optional[str]


class Pending(NamedTuple):
    """A value whose name the sentence writes after it (继9月录得16.1%的按年升幅后,香港10月商品整体出口货值为…): its
    event waits for the subject of the sentence's next statement, else takes ``fallback``, the carried one."""

    q: QuantityLike
    kind: str
    sign: int
    basis: Optional[str]
    sentence: tuple[int, int]
    rule_id: str
    location: Optional[str]
    period: Optional[str]
    fallback: Optional[Subject]


@dataclass
class Memory:
    """What the linker remembers across statements of a document."""

    events: Events
    carry: Optional[Subject] = None  # the indicator of the last statement (or the topic of this sentence)
    doc_carry: Optional[Subject] = None  # the indicator of the last statement, across sentences
    consumed: set[int] = field(default_factory=set)  # starts of quantities read as part of a subject
    sent_subjects: list[Subject] = field(default_factory=list)  # the indicators stated in this sentence
    prev_sent_subjects: list[Subject] = field(default_factory=list)  # those of the last sentence stating any
    paren_start: int = -1  # the start of the value being linked when it stands alone in brackets
    items: bool = False  # this sentence states the items of a breakdown, one singled out after 以 (以X增Y%较多)
    items_base: Optional[Subject] = None  # the indicator carried before that breakdown
    items_end: int = -1  # the end of the last item's value
    owner: Optional[str] = None  # the company, bank or group whose results this sentence reports (台中银行)
    topic_owner: Optional[Subject] = None  # the topic (named without a value) whose measures this sentence states
    pending: list[Pending] = field(default_factory=list)  # values stated before the name they measure (继…后)
    place_set: Optional[Subject] = None  # a top-N set of places whose values this sentence lists (10大观光游憩区)
    # (the name a count of items that did something carries, the indicator carried before that count): 3个省份增速提高,
    # 上海、河北分别提高1.7和0.7个百分点 -> the places' values are of the indicator before the count
    counted: Optional[tuple[Subject, Optional[Subject]]] = None
    trace: list[tuple[int, str]] = field(default_factory=list)  # (value start, rule id) of every rule fired
    named_values: set[int] = field(default_factory=set)  # starts of values a rule read as part of the name after them
    # a head noun -> (the sentence's indicators, how many of them were read, the last ending in it)
    _heads: dict[str, tuple[list[Subject], int, Optional[Subject]]] = field(default_factory=dict)

    def state_pending(self, subject: Optional[Subject], location: Optional[str]) -> None:
        """Emit the values waiting for a name: ``subject``'s (the sentence's next statement), else their fallback."""
        for p in self.pending:
            named = subject or p.fallback
            if named is not None:
                self.events.emit(p.q, [named], p.kind, p.sign, p.basis, p.sentence, p.rule_id,
                                 p.location or location, p.period)
        self.pending.clear()

    def start_sentence(self) -> None:
        self.carry = self.doc_carry
        self.items = False
        self.items_base = None
        self.owner = None
        self.topic_owner = None
        self.place_set = None
        self.counted = None
        if self.sent_subjects:
            self.prev_sent_subjects = self.sent_subjects
        self.sent_subjects = []

    def last_named_ending(self, doc: Document, head: str) -> Optional[Subject]:
        """The last indicator stated in the sentence whose name ends in the head noun ``head`` (and is no other
        measure, ``longer_head_ends``), listed ones aside.  Remembered per head and read on from where the
        last asking stopped: the sentence's indicators are only appended to, and a long sentence of clauses
        asks again for every value."""
        named = self.sent_subjects
        seen = self._heads.get(head)
        if seen is None or seen[0] is not named:
            seen = (named, 0, None)
        found = seen[2]
        for k in range(len(named) - 1, seen[1] - 1, -1):  # the ones stated since, the last first
            s = named[k]
            if len(s.text) > len(head) and s.text.endswith(head) and not s.parts \
                    and not longer_head_ends(doc, s.text, head):
                found = s
                break
        self._heads[head] = (named, len(named), found)
        return found

    def plural_referent(self, word: str) -> Optional[Subject]:
        """两者均下跌0.1%: the last n indicators stated (in this sentence, else the one before) as the parts of
        the carried subject, n read from the numeral of the anaphor; the carried subject alone when too few."""
        c = self.carry
        if c is None:
            return None
        n = _NUMERAL.get(word[0], 0)
        # a list stated with 分别 is one subject of the sentence, its items its parts: each item is an indicator
        # stated (留宿旅客及不过夜旅客的人均消费分别为…,两者…均上升8%)
        here = [part for named in self.sent_subjects for part in (named.parts or [named])]
        named = here if len(here) >= n else self.prev_sent_subjects
        if n < 2 or len(named) < n:
            return c
        return Subject(c.text, c.start, c.end, parts=list(named[-n:]), share=c.share, location=c.location)


def _fall_noun_before(doc: Document, ctx: ValueContext, pred_start: int) -> bool:
    """Whether a noun naming a fall (减幅, 跌幅, class ``fall_noun``) is written between the value before this
    one in the sentence (or the sentence start) and the predicate: in an earlier clause too, since the value's
    own clause may hold only the verb (路环减幅更大,达33%)."""
    i = bisect_left(doc.q_starts, ctx.q.start)
    start = max(ctx.sentence[0], doc.q_ends[i - 1] if i > 0 else 0)
    return start < pred_start and doc.eng.p_fall_noun.search(doc.text, start, pred_start) is not None


def state_value(doc: Document, mem: Memory, ctx: ValueContext, prev: Optional[Statement]) -> Optional[Statement]:
    """Link one value: the statement it makes (its events emitted), or None when no rule states it."""
    match = match_rule(doc, ctx.q, ctx.left, ctx.right, ctx.sentence[0], prev is not None)
    if match is None:
        return None
    spec = match.rule.spec
    mem.trace.append((ctx.q.start, spec.id))
    if spec.in_subject:
        mem.named_values.add(ctx.q.start)
    if not spec.emit:
        return None
    if spec.subject == "previous" and prev is not None:
        return _continue(doc, mem, ctx, spec.id, prev)
    if restated_in_brackets(prev) and mem.paren_start == ctx.q.start and not ctx.left.strip():
        return _companion(doc, mem, ctx, spec.id, prev)
    pred = read_predicate(doc, match, ctx.clause[0], ctx.q)
    if spec.subject == "next":
        basis = _basis(doc, ctx, match, pred) if pred.kind == "change" else None
        mem.pending.append(Pending(ctx.q, pred.kind, pred.sign, basis, ctx.sentence, spec.id, ctx.sent_location,
                                   period_for(doc, ctx.sentence, ctx.q.start), mem.carry))
        return None
    if prev is not None and prev.mode == "list" and prev.kind == pred.kind == "change" \
            and prev.index + 1 < len(prev.parts) and doc.eng.p_conj_trigger.match(ctx.left):
        # 内贸、外贸吞吐量分别下降1.3%和增长5.0%: the next listed subject, with this value's own sign
        return _continue(doc, mem, ctx, spec.id, prev, pred.sign)
    pred_start = ctx.region_start + (match.left.start() if match.left is not None else len(ctx.left))
    before = mem.carry
    forecast = _forecast_reference(doc, mem, ctx) if spec.subject == "left" else None
    if forecast is not None:
        subject, location, carried, subject_end = forecast, None, False, 0
    elif spec.subject == "object":
        subject, location, carried, subject_end = _object_named(doc, match), None, False, 0
    else:
        subject, location, carried, subject_end = _subject(doc, mem, ctx, pred, pred_start)
    if subject is None:
        return None
    if spec.act_verb:
        subject = _act_named(match, subject)
    if spec.subject == "left" and forecast is None and not carried and not subject.parts:
        subject = _owned(doc, mem, ctx, pred_start, subject)
    partner = _partner_item(doc, ctx, pred_start)
    if partner is not None:
        subject, location = partner, None
    location = location or subject.location or ctx.sent_location
    n, last_end = _listed_values(doc, ctx)
    ratio = _ratio_values(doc, ctx)
    if ratio > 1:  # 三次产业结构为3.6:47.9:48.5: one share per part of the whole, named by the part
        n = ratio
        subject = _ratio_whole_cut(doc, subject)
        value_kind = "share"
    else:
        value_kind = pred.kind if spec.right_predicate else \
            _kind(doc, mem, ctx, pred.kind, subject, carried, prev, n, last_end, pred_start)  # 有13个行业增速高于…
    if value_kind == "share" and getattr(ctx.q, "label", None) in _AMOUNTS and getattr(ctx.q, "unit", None) not in _SHARE_UNITS:
        # 内地旅客占3,144万人次: a count or an amount said with 占 is a level; a share is a per cent, a multiple or a
        # bare ratio term (none of the design files' 911 shares has another unit)
        value_kind = "level"
    kind = "target" if value_kind != "rank" and is_target(doc, ctx.sentence[0], ctx.q.start) else value_kind
    basis = _basis(doc, ctx, match, pred) if value_kind == "change" else None
    if basis is None and value_kind == "change" and n > 1 and pred.spec.basis == "cue":
        basis = _listed_rate_basis(doc, last_end)  # 分别录得13.1%及32.4%的按年升幅
    sign = pred.sign if value_kind == "change" else 1
    if sign > 0 and value_kind == "change" and pred.kind != "change" and _fall_noun_before(doc, ctx, pred_start):
        sign = -1  # 路环减幅更大,达33%: a verb of being after a fall noun states the fall's size
    if sign > 0 and value_kind == "change" and n > 1 and doc.eng.p_list_fall_after.match(doc.text, last_end):
        sign = -1  # 分别录得4.0%及2.2%的跌幅: the fall noun after the list says the values are falls
    if sign < 0 and ctx.q.text.lstrip()[:1] in _MINUS:
        sign = 1  # 比第1季-24.5%的跌幅为大: a value written with its minus is not negated again
    mode, parts, subject = _distribute(doc, mem, ctx, subject, carried, n, ratio > 1, value_kind)
    subjects = [parts[0]] if mode == "list" else parts
    # 占比分别较1-9月份和上年同期提高0.1和1.2个百分点: one comparison reference per listed value
    bases = None
    if n > 1 and basis is not None and match.left is not None and pred.spec.basis not in ("none", *_FIXED_BASES):
        bases = listed_bases(doc, doc.text[ctx.clause[0]:ctx.region_start + match.left.start()], n)
        if bases:
            basis = bases[0]
    period = period_for(doc, ctx.sentence, ctx.q.start)
    if mem.pending and mode == "single":
        mem.state_pending(subject, location)
    mem.events.emit(ctx.q, subjects, kind, sign, basis, ctx.sentence, spec.id, location, period)
    # an average carried with the name (日均约7.4亿元 -> 日均博彩毛收入) is this value's alone: later values of the
    # text refer to the name before it
    averaged = carried and subject.start is None and doc.eng.p_item_average.match(subject.text) is not None
    # a bracketed level of the reference compared with (较第2季修订后的销售额(145.6亿元)上升11.1%) is not carried either
    compared = mem.paren_start == ctx.q.start and spec.subject == "left" \
        and _compared_reference(doc, ctx.region_start, pred_start)
    if spec.carry and forecast is None and not averaged and not compared:
        # (not a reference amount either: 完成年初预算数60999万元的40.4%)
        if not carried and (mode == "single" or subject.parts) \
                and (not mem.sent_subjects or mem.sent_subjects[-1].text != subject.text):
            # (a list stated with 分别 too: its items are the indicators a later 两者 refers to)
            mem.sent_subjects.append(subject)
        mem.carry = _carried_measure(doc, subject) if spec.subject == "right" and mode == "single" else subject
        if spec.right_predicate:
            # (a count after a count, 有13个县高于…,有7个县低于…: the indicator before the first)
            mem.counted = (mem.carry, mem.counted[1] if mem.counted is not None and before is mem.counted[0]
                           else before)
        # 以电子产品年增102.7%较多,资讯通信产品则年增33.9%;累计前九月则年增36.4%: the item singled out and the items
        # after it in its sentence are no indicator for the sentences after them
        if not carried and spec.subject == "left" and not mem.items \
                and doc.eng.p_singled_out.search(doc.text, ctx.q.end, ctx.clause[1]) \
                and doc.eng.p_singled_lead.match(doc.text, ctx.region_start, pred_start):
            mem.items, mem.items_base = True, before
        if mem.items and not carried:
            mem.items_end = ctx.q.end
        if not spec.right_predicate and not mem.items:
            # (a count of items that did something names no measure for later sentences either)
            mem.doc_carry = Subject(subject.text, subject.start, subject.end, parts=subject.parts,
                                    share=subject.share, location=subject.location)
    return Statement(kind, sign, basis, parts, subjects, mode, 0, location, period, spec.subject, subject_end, bases)


def _owned(doc: Document, mem: Memory, ctx: ValueContext, pred_start: int, subject: Subject) -> Subject:
    """A company, bank or group whose results the sentence reports, named once (台中银行(2812)11月税后纯益8.51亿元,累计
    前11月税后纯益为82.91亿元), goes before the bare measures of its later clauses (台中银行税后纯益), as the annotators
    write them (corpus news37: 港交所收入及其他收益); a subject naming something other than a line of results ends
    it.  A subject opening with an owner makes it the sentence's; one whose owner the frame before a period took
    with its verb (台积电昨公布一月营收 -> 营收) finds it at the start of its region, and one named after its place
    gets that back from there."""
    eng = doc.eng
    text = subject.text
    framed, region = region_owner(doc, ctx.region_start, pred_start)
    framed = example_owner(doc, region) or framed  # (以星展银行为例,其…: the bank, not 以星展银行)
    named = eng.p_owner_word.match(region, 0)
    if named is not None and named.end() > 0 and not text.startswith(region[:named.end()]):
        # a company of the lexicon named after its place lost the place as the statement's location (贵州茅台 -> 茅台):
        # it gets it back
        name = region[:named.end()]
        cut = _tail_opening(name, text)
        if cut is not None:
            text = name[:cut] + text
            subject = replace(subject, text=text, start=None, end=None, location=None)
    owner = owner_at(eng, text)
    if framed is not None and text.startswith(framed) and (owner is None or len(framed) > len(owner)):
        # named before its stock code in the region (远百(2903)预期…业绩), the name as written where the lexicon knows a
        # shorter one (港铁公司(00066.HK)…: not 港铁): the code is gone from the subject
        owner = framed
    if owner is None and mem.owner is None:
        agent = _agent_owner(doc, region) or _named_owner(doc, region, text)
        owner = agent if agent is not None and text.startswith(agent) else None
    if owner is not None and len(owner) < len(text) and not statistic(doc, text):
        # (not where the owner's word opens a statistic's name: 恒生指数 is no measure of 恒生)
        mem.owner = owner
        named = owned_name(eng, owner, text)
        return subject if named is None or named == text else replace(subject, text=named, start=None, end=None)
    if owner == text:
        mem.owner = owner  # named alone with a value of its own (宁德时代继续稳居市占率第一): it owns the measures after
        return subject
    if not eng.p_owned_measure.fullmatch(text) and not (mem.owner is not None and eng.p_topic_measure.match(text)) \
            and not ((mem.owner is not None or framed is not None) and subject.location is None
                     and _owner_measure(doc, text)):
        # a line of the owner's report (a provision, a segment's profit: class owned_line) keeps it for the
        # measures after; a subject naming anything else ends it
        if eng.p_owned_line.search(text) is None:
            mem.owner = None
        return subject
    if framed is not None:
        mem.owner = framed
    if mem.owner is None or _names_owner(mem.owner, text):
        return subject
    return replace(subject, text=mem.owner + text, start=None, end=None)


def _names_owner(owner: str, text: str) -> bool:
    """Whether ``text`` names the owner already (整体公股银海外获利) or opens with the end of its name, a company of its
    own sharing the brand (上汽通用五菱…;五菱内燃机产量): the owner goes before neither."""
    return owner in text or _tail_opening(owner, text) is not None


def _tail_opening(name: str, text: str) -> Optional[int]:
    """Where the longest end of ``name`` (two characters or more, not the whole) that opens ``text`` starts in
    ``name``, or None: 贵州茅台 and 茅台… give 2, 上汽通用五菱 and 五菱… give 4."""
    return next((k for k in range(1, len(name) - 1) if text.startswith(name[k:])), None)


def example_owner(doc: Document, region: str) -> Optional[str]:
    """The name a region opens by singling out as an example (class ``owner_example``: 以星展银行为例), where it is a
    company of the lexicon or one that is no trade, scope or place; else None."""
    m = doc.eng.p_owner_example.match(region.lstrip(REGION_LEAD))
    name = m.group("owner") if m is not None else None
    return name if name is not None and (owner_at(doc.eng, name) == name or _company_like(doc, name)) else None


def _owner_measure(doc: Document, text: str) -> bool:
    """Whether the bare subject ``text`` names a measure an owner named in its sentence has: a measure of the catalogue
    ends it (装车量, 存款, 煤炭销售量) or a measure's head noun does (class ``owned_head``: 门店数量, 不良贷款率, 商品煤
    产量), and it is no statistic of the catalogue (GDP, 电力备转容量率: the economy's, quoted beside a company), no
    sector's or industry's measure (晶圆代工营收, 制造业产值) and no scope's or set of firms' (class ``owned_not``:
    龙头企业营业收入), which name another whole than the owner."""
    eng = doc.eng
    if statistic(doc, text) or eng.p_owned_not.search(text):
        return False
    catalogue = doc.rules.catalogue
    found = catalogue.matches(text)
    if any(catalogue.indicators[iid].role == "sector" or catalogue.indicators[iid].codes for _, _, iid in found):
        return False
    if found and found[-1][1] == len(text):
        return catalogue.indicators[found[-1][2]].role == "measure"
    return eng.p_owned_head.search(text) is not None


def _agent_owner(doc: Document, region: str) -> Optional[str]:
    """The name opening ``region`` right before a verb of achieving results (class ``owner_agent``: 瑞幸实现营收), a
    company the lexicon does not know, as the owner of its sentence's measures; None where it names no company."""
    m = doc.eng.p_owner_agent.match(region.lstrip(REGION_LEAD))
    return m.group("agent") if m is not None and _company_like(doc, m.group("agent")) else None


def _named_owner(doc: Document, region: str, text: str) -> Optional[str]:
    """The name opening the subject ``text`` and its region right before a measure only a company reports (class
    ``owner_named``: 伊利股份归母净利润, Tesla营收), where the tagger reads a word of it as a proper or foreign name
    (``proper_name``) and it is no trade, scope, place or statistic: a company the lexicon does not know, the owner
    of its sentence's bare measures; None for a segment, market or frame (游戏营收, 海外营收, 单季营收)."""
    m = doc.eng.p_owner_named.fullmatch(text)
    name = m.group("named") if m is not None else None
    if name is None or not region.lstrip(REGION_LEAD).startswith(name):
        return None
    return name if _company_like(doc, name) and proper_name(name) else None


def _company_like(doc: Document, name: str) -> bool:
    """Whether ``name``, which the sentence's construction gives a company's role (it achieves results, it ranks by
    its own share), may be a company the lexicon does not know: a short name that is no trade, scope, set, place or
    statistic (class ``owner_agent_not``, the places, the catalogue: 规模以上纺织企业, 全县, 汽车 own nothing)."""
    eng = doc.eng
    return _SHORT_NAME.fullmatch(name) is not None and eng.p_owner_agent_not.search(name) is None \
        and eng.p_location.match(name) is None and doc.rules.catalogue.written(name) is None


_SHORT_NAME = regex.compile(r"[A-Za-z\p{Han}][A-Za-z0-9\p{Han}]{1,7}")


def region_owner(doc: Document, start: int, end: int) -> tuple[Optional[str], str]:
    """(the owner opening a subject region, the region's text from it): a company of the lexicon or one before a stock
    code as written first (台积电(2330)昨日公布…), else a name opening the region once the discourse words before it go
    (以及彰化银行…: class filler_prefix, whose frames of a reporter and its verb would take a company with them).
    A region naming no owner anywhere (most do not) is not stripped: its text is then returned whole, where no
    owner opens it either.  What the region's text alone says (the owner patterns look at no text before it):
    kept per text, as news repeats its subjects."""
    region = doc.text[start:end]
    if len(region) > _MEMO_REGION:
        return _region_owner(doc.eng, region)
    got = doc.eng.region_owners.get(region)
    return got if got is not None else doc.eng.region_owners.keep(region, _region_owner(doc.eng, region))


_MEMO_REGION = 64  # characters of a subject region short enough for its owner to be kept


def _region_owner(eng: EnginePatterns, region: str) -> tuple[Optional[str], str]:
    """``region_owner`` of the text ``region``."""
    if eng.p_owner_inside is not None and eng.p_owner_inside.search(region) is None:
        return None, region
    text = region.lstrip(REGION_LEAD)
    word = eng.p_owner_word.match(text, 0)
    if (word is not None and word.end() > 0) or eng.p_owner_coded.match(text):
        return owner_at(eng, text), text
    for stripped in range(3):
        m = eng.p_filler_prefix.match(text)
        if m is None or m.end() == 0:
            # (a text already stripped was asked for its owner as it was stripped: no need to ask again)
            return (None if stripped else owner_at(eng, text)), text
        text = text[m.end():].lstrip(REGION_LEAD)
        owner = owner_at(eng, text)
        if owner is not None:  # (a byline gone, the company it reports on: no frame after it is stripped too)
            return owner, text
    return None, text


def _continue(doc: Document, mem: Memory, ctx: ValueContext, rule_id: str, prev: Statement,
              sign: Optional[int] = None) -> Statement:
    """A value listed after the last statement's (和/、/或): the next listed subject, or all of them; ``sign``
    is the value's own where a change verb of its own leads it (分别下降1.3%和增长5.0%)."""
    q = ctx.q
    idx = prev.index + 1
    subjects = [prev.parts[idx]] if prev.mode == "list" and idx < len(prev.parts) else prev.subjects
    if prev.mode == "single" and len(subjects) == 1:
        # 与105年同月比较增加17家及392人: each listed count goes to the indicator of the sentence counted in its unit
        subjects = [_same_unit_referent(mem, ctx, subjects[0]) or subjects[0]]
    subject_end = prev.subject_end
    if prev.subject_mode == "right":
        subj, _, send, consumed = subject_after(doc, q, ctx.right, ctx.clause[1])
        mem.consumed.update(consumed)
        if subj is not None:
            subjects = [subj]
            subject_end = send
    basis = prev.bases[idx] if prev.bases and idx < len(prev.bases) else prev.basis
    period = prev.period if prev.period is not None else period_for(doc, ctx.sentence, q.start)
    mem.events.emit(q, subjects, prev.kind, prev.sign if sign is None else sign, basis, ctx.sentence, rule_id,
                    prev.location, period)
    return prev._replace(index=idx, subject_end=subject_end)


def restated_in_brackets(prev: Optional[Statement]) -> bool:
    """Whether a value alone in brackets right after ``prev``'s value restates it: a listed value's (分别较108年减4.3万元
    (-3.7%)), or a change's, written again in another unit or as a rate (较107年底增加1.2千人(15.0%), 增加782.7千公顷
    (1174.1万亩): the design gold's 21 bracketed values after a change are all that change); not a level's or a share's,
    whose bracket may be a part or a share of it (14.8亿元(15.1%)为博彩拨款, 占11.8%(1,578亿元)), nor that of a value
    continuing a single statement, whose own subject the statement does not keep (减少28件(-16.9%)、30栋(-12.9%)及
    87.8万平方公尺(-40.4%): each count of its own measure)."""
    return prev is not None and (prev.mode == "list" or (prev.mode == "single" and prev.kind == "change"
                                                          and prev.index == 0))


def _companion(doc: Document, mem: Memory, ctx: ValueContext, rule_id: str, prev: Statement) -> Statement:
    """A value alone in brackets right after a listed value or a change restates it (分别较108年减4.3万元(-3.7%)、增4.4万元
    (16.2%), 减少2.18万人(14%)): the same subject, kind, sign and basis (a minus written on it not applied twice); a list
    goes on after it."""
    q = ctx.q
    sign = 1 if prev.sign < 0 and q.text.lstrip()[:1] in _MINUS else prev.sign
    basis = prev.bases[prev.index] if prev.bases and prev.index < len(prev.bases) else prev.basis
    subjects = [prev.parts[prev.index]] if prev.mode == "list" and prev.index < len(prev.parts) else prev.subjects
    mem.events.emit(q, subjects, prev.kind, sign, basis, ctx.sentence, rule_id, prev.location, prev.period)
    return prev


def _act_named(match: RuleMatch, subject: Subject) -> Subject:
    """A count of acts of a period named with the act (corpus: counts named by their verb), the verb written
    before the count and the noun after it (载运了6121名旅客 -> 载运旅客), as 核发建照 is when written together."""
    act = match.left.group("act") if match.left is not None and "act" in match.left.re.groupindex else None
    if not act or subject.text.startswith(act):
        return subject
    return Subject(act + subject.text, None, None, location=subject.location)


def _forecast_reference(doc: Document, mem: Memory, ctx: ValueContext) -> Optional[Subject]:
    """The forecast a value is compared with, named right before it (较5月预测1.82%, 优于上月原先预期的667亿至687亿
    美元, 低于8月预测成长4.50%): the value is the forecast's own, its subject the forecast noun as written (corpus
    convention 8), with the market whose it is (市场预期) and without the words that date it (corpus: forecasts), a rate
    when it is given in per cent of an indicator that is one; later values keep that indicator."""
    m = doc.eng.p_forecast_ref.search(doc.text, ctx.region_start, ctx.q.start)
    if m is None:
        return None
    carry = mem.carry
    rate = carry is not None and (carry.rate or bool(doc.eng.p_rate.search(carry.text))) \
        and getattr(ctx.q, "unit", "") in _RATE_UNITS
    who = m.group("who") if "who" in m.re.groupindex else None
    if who and m.end("who") < m.start("noun"):  # 较市场此前预测的: the market's, its dating word between dropped
        return Subject(who + m.group("noun"), None, None, rate=rate)
    start = m.start("who") if who else m.start("noun")
    return Subject(doc.text[start:m.end("noun")], start, m.end("noun"), rate=rate)


def _object_named(doc: Document, match: RuleMatch) -> Optional[Subject]:
    """The indicator the verb-object word of the rule's group ``object`` names (减息0.25厘: 利率, moved by the
    value): what is written before the verb is who moves it (美国联储局减息), not what is measured."""
    if match.left is None or match.left.group("object") is None:
        return None
    named = doc.rules.object_named(match.left.group("object"))
    return Subject(named, None, None) if named else None


def _subject(doc: Document, mem: Memory, ctx: ValueContext, pred: Predicate,
             pred_start: int) -> tuple[Optional[Subject], Optional[str], bool, int]:
    """(subject, location, whether it was carried, where a subject after the value ends).

    An empty or anaphoric subject (增速, 数量 ...) takes the carried indicator; a lone head noun (出口)
    takes the topic as its modifier, or repeats the indicator of the sentence ending in it."""
    eng = doc.eng
    spec = pred.spec
    if spec.subject not in ("left", "carry"):
        subject, location, subject_end, consumed = subject_after(doc, ctx.q, ctx.right, ctx.clause[1],
                                                                 keep_predicate=spec.right_predicate)
        mem.consumed.update(consumed)
        # 第一大接单地区为美国, 第四名为韩国: the rank of the market or origin
        framed = framed_item(doc, subject, location) if subject is not None else breakdown_item(doc, mem, location)
        if framed is not None:
            return framed, None, False, subject_end
        owner = _owner_before(doc, ctx, pred_start) if subject is not None and subject.start is not None else None
        if owner is None and subject is not None and mem.owner is not None \
                and not doc.text[ctx.region_start:pred_start].strip(REGION_LEAD):
            # 比亚迪紧随其后,以45.41GWh的装车量…: nothing named before the value, the company the sentence named in a
            # clause of its own owns the measure written after it
            owner = mem.owner
        if owner is not None and owned_name(eng, owner, subject.text) is not None:
            # Samsung以21.2%市占率居首位: the owner ranked, written before the value, owns the measure written after it
            return Subject(owner + subject.text, None, None, location=location), location, False, subject_end
        if subject is None and location is not None and pred.kind == "rank" and mem.carry is not None:
            # 第三为桃园市,增长21.97%: a place alone fills a rank of the indicator carried, as its location
            return replace(mem.carry, location=location), location, True, subject_end
        return subject, location, False, subject_end
    subject: Optional[Subject] = None
    location = None
    carried = False
    lead = eng.p_item_lead.fullmatch(doc.text, ctx.region_start, pred_start) \
        if spec.subject == "left" and mem.carry is not None and pred.kind == "share" \
        and (getattr(ctx.q, "unit", "") or "") not in _RATE_UNITS else None
    if lead is not None:
        # 以天水围嘉湖山庄占31宗居榜首: the item a count ranks first is the location of the indicator carried
        c = mem.carry
        return Subject(c.text, c.start, c.end, parts=c.parts, location=lead.group("item")), \
            lead.group("item"), True, 0
    ref = eng.p_place_reference.fullmatch(doc.text, ctx.region_start, pred_start) \
        if spec.subject == "left" and mem.carry is not None else None
    if ref is not None and _places(doc, ref.group("place")):
        # 经济成长8.16%,优于韩国的1.8%: the place's value of the indicator carried
        c = mem.carry
        return Subject(c.text, c.start, c.end, parts=c.parts, share=c.share, location=ref.group("place"),
                       rate=c.rate), ref.group("place"), True, 0
    if spec.subject == "left":
        region_start = _bracketed_item_start(doc, mem, ctx, pred_start)
        subject, location, _ = subject_before(doc, region_start, pred_start, strip_rate=not spec.keep_rate)
        if subject is not None and _only_a_value(doc, subject):
            subject = None  # 以新北市403万954人占17.11%最多: a value before the verb names nothing, the indicator carried
        if subject is not None and _after_predicate_adverb(doc, region_start, subject):
            subject = None  # 其次为观塘区,亦售出约1512伙: no subject of its own, the indicator carried
        framed = framed_item(doc, subject, location)
        if framed is not None:
            return framed, None, False, 0
        item = breakdown_item(doc, mem, location) if subject is None else None
        if item is not None:
            return item, None, False, 0
        listed = _listed_place(doc, mem, ctx, subject)
        if listed is not None:
            return listed[0], listed[0].location, listed[1], 0
        if subject is not None:
            subject, location = _ranked_item(doc, subject, location, mem.carry, _measure_after(doc, ctx))
        if subject is not None and mem.carry is not None:
            # (the carried topic may be a remark between the results: …,合并后贡献度明显提升;元大金34.17亿元位居第五)
            named = owner_item(eng, subject.text, mem.carry.text) or \
                (owner_item(eng, subject.text, mem.doc_carry.text) if mem.doc_carry is not None else None)
            if named is not None:
                subject = Subject(named, None, None, location=subject.location)
        if subject is not None and mem.carry is not None and not eng.names_nothing(subject.text) \
                and _compared(doc, ctx.region_start, pred_start, pred.kind, subject.text,
                              mem.paren_start == ctx.q.start):
            subject = None  # 较第2季修订后的销售额(145.6亿元)上升11.1%: the reference compared with, not the subject
    topic = ctx.topic
    if subject is not None and mem.carry is not None and (_other_measure(doc, subject.text, mem.carry.text)
                                                          or _amount_after_count(doc, mem, subject.text)):
        # 冷冻虾外销数量七千零二十六公吨,金额六千二百二十二万美元: an amount is no count, nor a count an amount; the
        # measure is as written
        pass
    elif subject is None or eng.names_nothing(subject.text) \
            or (mem.carry is not None and eng.p_item_average.fullmatch(subject.text) is not None):
        # (an average alone, 平均每日6.4万人次, names no statistic: _with_item_average puts it before the one carried)
        c = _count_base(doc, mem, subject, location)
        if mem.items and mem.items_base is not None and ";" in doc.text[mem.items_end:ctx.q.start]:
            # (…资讯通信产品则年增33.9%;累计前九月则年增36.4%: past the items, the indicator before the breakdown)
            c, mem.items = mem.items_base, False
        if subject is not None and eng.p_rate.search(subject.text) and c is not None:
            subject = _rate_of(doc, c, subject.text, _stated_sentence_end(mem, c, ctx.sentence[0]), ctx.q.start)
        elif subject is not None and eng.p_share_noun.search(subject.text) and c is not None:
            # 贡献率由52.5%提高到58.1%: the share of the indicator before
            subject = Subject(c.text, c.start, c.end, parts=c.parts, share=True, location=c.location)
        elif subject is not None and eng.p_plural_anaphor.match(subject.text) and c is not None:
            subject = mem.plural_referent(subject.text)
        else:
            subject = _with_item_average(doc, ctx, pred_start, _measure_of_rate_change(
                doc, ctx, pred, pred_start, _amount_of_rate(doc, ctx, _rate_level_referent(
                    mem, ctx, pred.kind, _same_unit_referent(mem, ctx, c)))))
        carried = True
    elif topic is not None and topic.colon_measure and not subject.parts and not subject.text.endswith(topic.text) \
            and not eng.p_head.search(subject.text[-2:]):
        # 本旬平均日产:粗钢218.87万吨;生铁190.19万吨: each item listed after the heading is measured by it
        subject = Subject(subject.text + topic.text, None, None, location=subject.location)
    elif _topic_owns(doc, mem, ctx, pred_start, subject, location):
        mem.topic_owner = topic
        # (风力发电、太阳能发电增长较快,发电量… -> 风力发电、太阳能发电量: a word the topic ends with is written once)
        subject = Subject(topic.text + subject.text[overlap(topic.text, subject.text):], None, None, share=topic.share)
    elif eng.p_head.match(subject.text):
        # 高新技术产业增加值占…的比重为24.5%;增加值同比增长8.5%: a lone head noun repeats the last
        # indicator of the sentence that ends with it; not one of another owner than the sentence's now (上汽通用五菱产值
        # 544亿元…;东风柳汽完成产量20万辆,…,产值144.9亿元 -> 东风柳汽产值, which the owner's reading gives)
        named = mem.last_named_ending(doc, subject.text)
        if named is not None and not _owned_by_other(eng, mem, named.text):
            subject = Subject(named.text, named.start, named.end, location=named.location)
    if not carried:
        subject = _price_of_product(doc, ctx, subject)
    if not carried and subject.start is not None:
        mem.topic_owner = None  # a subject naming something else ends the topic's measures
        subject = _priced_product(doc, ctx, subject)
    return subject, location, carried, 0


def _count_base(doc: Document, mem: Memory, subject: Optional[Subject], location: Optional[str]
                ) -> Optional[Subject]:
    """The indicator a value whose subject names only a place (or places in a phrase naming nothing, 增速较快的福建,
    ``link_place_phrase``) carries: the one carried, unless that is the name of a count of items that did something
    (3个省份增速提高, 有61个县(市)增速高于全省平均增速; rules with ``right_predicate``), which names the set counted, no
    measure of its members: a place's value after it (上海、河北分别提高1.7和0.7个百分点) is of the indicator carried
    before the count.  A share after the count (28个行业增加值同比增长,占68.3%) names no place and keeps the count's
    name."""
    if mem.counted is None or mem.counted[0] is not mem.carry or mem.counted[1] is None:
        return mem.carry
    eng = doc.eng
    if (subject is None and location is not None) or (subject is not None and eng.catalogue is not None and place_phrase(
            subject.text, eng.p_location, eng.catalogue, eng.p_rate)):
        return mem.counted[1]
    return mem.carry


def _owned_by_other(eng: EnginePatterns, mem: Memory, name: str) -> bool:
    """Whether ``name`` opens with a company other than the owner the sentence has now: a new owner of the same class
    ends the reach of the one before (class ``owner``)."""
    owner = owner_at(eng, name)
    return owner is not None and mem.owner is not None and owner != mem.owner


def _only_a_value(doc: Document, subject: Subject) -> bool:
    """Whether ``subject`` is the text of one value of the document (新北市403万954人占17.11% -> 403万954人, the place
    its location): a number with its unit is no name, so the statement's indicator is the one carried."""
    q = doc.q_at.get(subject.start) if subject.start is not None else None
    return q is not None and subject.end is not None and q.end >= subject.end


def _after_predicate_adverb(doc: Document, region_start: int, subject: Subject) -> bool:
    """Whether ``subject`` follows an adverb of the predicate (class ``predicate_adverb``: 亦, 已) with nothing naming
    anything before it in its region (累计本周已进帐一成, 其次为观塘区,亦售出约1512伙).  Chinese writes such an adverb
    between a subject and its verb, so a clause opening with one has no subject of its own: the words after it are
    the predicate's, and the statement's indicator is the one carried.  A catalogue name after the adverb is still
    the statement's own (亦完成固定资产投资: the statistic, as written)."""
    if subject.start is None or subject.start <= region_start:
        return False
    adverb = doc.eng.p_predicate_adverb_end.search(doc.text, region_start, subject.start)
    if adverb is None or not _word_starts(doc, region_start, adverb.start()) \
            or doc.rules.catalogue.matches(subject.text):
        return False
    before, _, _ = subject_before(doc, region_start, adverb.start())
    return before is None or doc.eng.names_nothing(before.text)


def _word_starts(doc: Document, region_start: int, i: int) -> bool:
    """Whether a word may start at ``i``: at the region's start, after a mark, a space or a digit, or right after a
    period (本周已进帐); not after a character it may end a word with (六都, 偿还, 人均)."""
    return i <= region_start or not HAN_CHAR.match(doc.text, i - 1) or i in doc.period_starts_at_end


def _topic_owns(doc: Document, mem: Memory, ctx: ValueContext, pred_start: int, subject: Subject,
                location: Optional[str]) -> bool:
    """Whether ``subject``, a lone head noun (营业额, 客运量), is a measure of the clause topic before it: a trade, product,
    market or segment named without a value of its own owns the bare measures of every later clause of its sentence
    (韩国各航线一直保持良好的增长势头,1-2月客运量同比增长27%,航班量升幅达12.5% -> 韩国各航线客运量, 韩国各航线航班量;
    corpus/README.md), until a subject names something else or a breakdown opens (其中…).  One stated with a value
    names that statistic only: its later measures stay as written (汽车进口量…17.3万辆,市占率达39.7% -> 市占率), and so
    does a topic that names a measure itself (百货公司近年营业额逐年攀升,2014年营业额突破3,000亿元 -> 营业额; 出口方面,
    出口额为…).  Not after a place written before the measure (上海港吞吐量 is the port's, location 上海港), nor a
    measure of results after its owner was named (小米集团发布第三季财报,数据显示,公司当季实现营业收入… is the
    company's, not the report's)."""
    eng = doc.eng
    topic = ctx.topic
    if topic is None or location is not None or not eng.p_topic_measure.match(subject.text) \
            or subject.text.startswith(topic.text) or eng.p_topic_measure_end.search(topic.text) \
            or (mem.owner is not None and eng.p_owned_measure.fullmatch(subject.text)):
        return False
    if mem.topic_owner is not topic and (mem.carry is not topic or _stated_since(mem, topic)):
        return False
    return topic.end is None or eng.p_breakdown_lead.search(doc.text, topic.end, pred_start) is None


def _stated_since(mem: Memory, topic: Subject) -> bool:
    """Whether a value was stated of ``topic`` itself after its clause (汽车进口量快速成长,由97年4.4万辆增至…): it then
    names that statistic, no owner of the measures after it."""
    for e in reversed(mem.events.list):
        if topic.end is None or e.value_start < topic.end:
            break
        if e.indicator == topic.text:
            return True
    return False


def _bracketed_item_start(doc: Document, mem: Memory, ctx: ValueContext, pred_start: int) -> int:
    """Where the subject region of a value alone in brackets starts: after a list cue and a verb of being (class
    bracketed_items_lead) whose item the bracket follows (首三位根本死因分别是肿瘤(188人)、循环系统疾病(107人): 肿瘤, as
    the items after it are named by themselves), else where the region starts.  Places listed so (分别是西藏(33.3%))
    stay in the region: they are the location of the indicator carried."""
    if mem.paren_start != ctx.q.start:
        return ctx.region_start
    lead = None
    for lead in doc.eng.p_bracketed_items_lead.finditer(doc.text, ctx.region_start, pred_start):
        pass
    if lead is None:
        return ctx.region_start
    item = doc.text[lead.end():pred_start].rstrip(" (（")
    if len(item) < 2 or _places(doc, item):
        return ctx.region_start
    return lead.end()


def _compared_reference(doc: Document, start: int, end: int) -> bool:
    """Whether the subject region opens with a comparison word and a period (class compare_open), perhaps after
    fillers or a lead that names nothing: what follows names the reference the value is compared with (较第2季修订后的销售额
    (145.6亿元)上升11.1%, 虽然较7月份的总挂牌数少了两成), and the statement is the indicator's carried."""
    eng = doc.eng
    if eng.p_compare_word.search(doc.text, start, end) is None:
        return False  # (the comparison word is in every match: one search of the words, not the lead's tries)
    m = eng.p_compare_open.match(doc.text, start, end)
    if m is None or m.end() >= end or m.end() not in doc.period_end_at_start:
        return False
    lead = m.group("lead")
    return lead is None or eng.names_nothing(lead)


def _compared(doc: Document, start: int, pred_start: int, kind: str, name: str, bracketed: bool) -> bool:
    """Whether a subject region names the reference a value is compared with, not the value's subject: a comparison
    word and a period open it (``_compared_reference``), or, before a change, a comparison word with or without a
    period (``_compared_difference``); a value in brackets after such a word is the reference's own, named by it
    where it names a statistic of the catalogue (较第2季修订后的销售额(145.6亿元)), else the indicator's carried
    (比常年(293.5亿立方米)偏少7.4%: 常年 is no statistic)."""
    if bracketed:
        return _compared_difference(doc, start) and not doc.rules.catalogue.matches(name)
    return _compared_reference(doc, start, pred_start) or (kind == "change" and _compared_difference(doc, start))


def _compared_difference(doc: Document, start: int) -> bool:
    """Whether the subject region of a change opens with a comparison word (class difference_open, not a word of class
    difference_block: 比重, 较多), perhaps after fillers: Chinese writes the subject before 比/较, so what follows it up
    to the verb, a period or not, is the reference the change is measured from (比常年(293.5亿立方米)偏少7.4%,
    较过去五年的平均数增加约25%), and the change is the indicator's carried."""
    return doc.eng.p_difference_open.match(doc.text, start) is not None


_PARTNER_LEAD = regex.compile(r"[\s,;:" + LIST_JOINERS + "为是以]")
_PARTNER_LEAD_CHARS = frozenset(",;:" + LIST_JOINERS + "为是以")  # the same but white space: one set lookup per character
_PARTNER_JOIN = regex.compile(r"[与和及]")
_PLACE_SUFFIX = "地区"


def _partner_item(doc: Document, ctx: ValueContext, pred_start: int) -> Optional[Subject]:
    """马来西亚(139.4%) after 输往大部分主要目的地的整体出口货值录得升幅 (class partner_frame): a place written alone
    right before a value, after a measure of trade with a set of partners earlier in the paragraph, is one of those
    partners; the value is the measure with the place in the set's stead (输往马来西亚的整体出口货值; 对五大市场出口年增率
    -> 对东协出口, the rate noun cut: the value is the rate)."""
    text = doc.text
    end = min(pred_start, ctx.q.start)
    if not doc.eng.p_partner_gap.fullmatch(text, end, ctx.q.start):
        return None
    start = _placed_start(doc, max(end - 16, ctx.sentence[0]), end)
    if start is None:
        return None
    item = (start, end)
    lo = max(0, item[0] - 240)
    lo = text.rfind("\n", lo, item[0]) + 1 or lo  # the paragraph's, up to 240 characters back
    frame = None
    for frame in doc.eng.p_partner_frame.finditer(text, lo, item[0]):
        pass
    if frame is None or frame.end("scope") > item[0]:
        return None
    name = frame.group("pre") + text[item[0]:item[1]] + frame.group("post")
    return Subject(name, None, None, rate=bool(frame.group("rate") or frame.group("said")))


def _placed_start(doc: Document, lo: int, end: int) -> Optional[int]:
    """The furthest start from ``lo`` on of places written alone before ``end`` (after a mark, a joiner or a verb of
    being, or at the text's start).  What the characters from the one before ``lo`` to ``end`` alone say: kept per
    text, as news repeats its values' names."""
    window = doc.text[lo - 1:end] if lo else doc.text[:end]
    key = (window, lo == 0)
    got = doc.eng.placed_starts.get(key, UNKNOWN)
    if got is UNKNOWN:
        got = doc.eng.placed_starts.keep(key, _placed_from(doc, lo, end))
    return None if got is None else end - got


def _placed_from(doc: Document, lo: int, end: int) -> Optional[int]:
    """``_placed_start`` as its distance back from ``end`` (the same wherever the window stands)."""
    text = doc.text
    found = None
    for s in range(end - 1, lo - 1, -1):
        lead = text[s - 1] if s else ""
        if (not s or lead in _PARTNER_LEAD_CHARS or (lead.isspace() and _PARTNER_LEAD.match(lead))) \
                and _places(doc, text[s:end]):
            found = end - s
    return found


def _places(doc: Document, t: str) -> bool:
    """Whether ``t`` is one place, or places joined by 与/和/及 (中国大陆与香港), a place perhaps followed by 地区."""
    for part in _PARTNER_JOIN.split(t):
        if part.endswith(_PLACE_SUFFIX) and len(part) > len(_PLACE_SUFFIX):
            part = part[:-len(_PLACE_SUFFIX)]
        m = doc.eng.p_location.match(part, 0)
        if not ((m is not None and m.end() == len(part)) or doc.eng.p_breakdown_place.fullmatch(part)):
            return False
    return bool(t)


def _stated_sentence_end(mem: Memory, carried: Subject, sentence_start: int) -> Optional[int]:
    """Where the sentence of the last value stated of ``carried`` ends, None where none was or it is the sentence
    starting at ``sentence_start``."""
    last = mem.events.last_of(carried.text)
    return last.sentence_end if last is not None and last.sentence_end <= sentence_start else None


def _rate_of(doc: Document, carried: Subject, anaphor: str, since: Optional[int], before: int) -> Subject:
    """The carried indicator as the rate an anaphor names: the same rate, or where the carried name ends in one
    rate naming its comparison and the anaphor is another (class basis_rate: 放款与投资月增率为0.12%;年增率由上月底之
    6.88%下降为5.88%), the statistic's other rate, since a name keeps its rate noun (convention 9); where a sentence
    after the one stating it (ending at ``since``) names the statistic with the anaphor's rate word, that name
    (…增加值同比增长8.2%。规模以上工业企业增加值增速持续回落。6月份的增速还保持在16.0% -> 规模以上工业企业增加值
    增速, as the conventions settle a bare rate word), not where that name came before (水电增速回落…水电增长5.4%,
    增速比10月份回落16.4个百分点 -> 水电)."""
    eng = doc.eng
    named = carried.text + anaphor
    if since is not None and not eng.p_rate.search(carried.text) \
            and doc.text.find(named, since, before) >= 0:
        return Subject(named, None, None, location=carried.location, rate=True)
    own = eng.p_basis_rate.search(carried.text)
    if own is None or own.start() == 0 or own.group(0) == anaphor or not eng.p_basis_rate.fullmatch(anaphor):
        return replace(carried, rate=True)
    return replace(carried, text=carried.text[:own.start()] + anaphor, start=None, end=None, parts=[], rate=True)


def _other_measure(doc: Document, anaphor: str, carried: str) -> bool:
    """Whether an anaphor names the other measure of a thing than the indicator carried: an amount (金额) after a
    count (外销数量), or a count (数量) after an amount (金额)."""
    eng = doc.eng
    if eng.p_amount_anaphor.match(anaphor):
        return eng.p_count_tail.search(carried) is not None
    return eng.p_anaphor.match(anaphor) is not None and eng.p_count_tail.fullmatch(anaphor) is not None \
        and eng.p_amount_tail.search(carried) is not None


def _amount_after_count(doc: Document, mem: Memory, anaphor: str) -> bool:
    """Whether an amount anaphor (金额) follows an indicator last stated as a count or a physical amount, not in money
    (网上支付业务235.70亿笔,金额585.16万亿元; 房屋税开征20万4001件,金额18亿元): the value is the amount of the same
    thing, a second measure named as written, as it is after an indicator whose name counts (``_other_measure``)."""
    if not doc.eng.p_amount_anaphor.match(anaphor) or mem.carry is None:
        return False
    last = mem.events.last_of(mem.carry.text)
    q = doc.q_at.get(last.value_start) if last is not None else None
    return q is not None and q.label not in _MEASURED_LABELS


def _carried_measure(doc: Document, subject: Subject) -> Subject:
    """What later values of the sentence take from a subject written after a count of places: the measure
    alone, before the comparison that defines the places and without their measure word (有16个市(州)全年累计增速
    高于全省平均水平,其中,甘孜(21.5%) -> 累计增速, location 甘孜)."""
    eng = doc.eng
    text = subject.text
    m = eng.p_topic_cut.search(text)
    if not m or m.start() < 2 or not eng.p_period_ref.forward.match(m.group(0)):
        return subject  # only a comparison (高于, 低于) defines the places; 行业增加值同比增长,占68.3% is their share
    head = text[:m.start()]
    p = eng.p_place_unit.match(head)
    if p:
        head = _BRACKET_START.sub("", head[p.end():])
    if len(head) < 2 or not eng.p_head_suffix.search(head) and not eng.p_rate.search(head):
        return subject
    return Subject(head, None, None, share=subject.share, location=subject.location)


_BRACKET_START = regex.compile(r"^\([^()]{1,4}\)")


def _ranked_item(doc: Document, subject: Subject, location: Optional[str], carry: Optional[Subject],
                 written: Optional[str]) -> tuple[Optional[Subject], Optional[str]]:
    """X以 before a value (观塘丽港城以18宗第2, 纳斯达克交易所以395亿元新股集资额称冠): the value is the item's
    amount of the indicator carried, X its location; a measure X (近5年纯益率以2018年之6.9%最高) is the subject, and so
    is the item where nothing is carried (「金融及保险业」以7万715元居首: the ranking frame's item, as news41 names it)."""
    eng = doc.eng
    m = eng.p_item_prep.search(subject.text)
    if not m or m.start() == 0:
        return subject, location
    item = subject.text[:m.start()]
    if COORDINATOR.search(item) and indicator_id(doc.rules, item) is None:
        # 建行、农行和中行分别以…: the items of a list, distributed (not one name written with 及: 金融及保险业)
        return _ranked_items(doc, subject, item, carry, written), location
    end = subject.end - len(m.group(0)) if subject.end is not None else None
    if carry is None:
        return Subject(item, subject.start, end, location=subject.location), location
    if owner_item(eng, item, carry.text) is not None:
        return Subject(item, subject.start, subject.start + len(item) if subject.start is not None else None,
                       location=subject.location), location  # 中信金以111.79亿元跃居第二: the owner's
    if carry.text.endswith(item):
        return None, location  # the measure carried, written short (专业营造业纯益率…,近5年纯益率以…)
    if eng.p_anaphor.match(item) or eng.p_head.match(item) or eng.p_rate.search(item) or eng.p_share_noun.search(item):
        return Subject(item, subject.start, end, location=subject.location), location
    return None, (location or "") + item


def _ranked_items(doc: Document, subject: Subject, item: str, carry: Optional[Subject], written: Optional[str]
                  ) -> Subject:
    """Coordinated items before 分别以 and their values (建行、农行和中行分别以1938.35亿元、1541.75亿元和1515.58亿元位列
    二、三、四位; Apple和OPPO分别以15.9%和15.7%排第二和第三): the items without the cue and the preposition, and where
    each is an owner and the indicator carried names a result (class owned_measure), each owner's amount of that
    result (建行净利润, Apple市占率), as one owner alone before 以 is named (中信金以111.79亿元跃居第二); companies the
    lexicon may not know, with a measure of results written after the values (中创新航、亿纬锂能以8.26%和4.35%的市占率),
    each company's amount of it (中创新航市占率)."""
    eng = doc.eng
    cue = None
    for cue in eng.p_list_cue.finditer(item):
        pass
    if cue is not None and cue.end() == len(item) and cue.start() > 0:
        item = item[:cue.start()].rstrip()
    conjuncts = [c.strip() for c in COORDINATOR.split(item)]
    if written is not None and all(_ranked_owner(doc, c) for c in conjuncts):
        named = [c + written for c in conjuncts]
    else:
        named = [owner_item(eng, c, carry.text) for c in conjuncts] if carry is not None else []
    if named and all(named):
        measure = named[0][len(conjuncts[0]):]
        return Subject(item + measure, None, None, parts=[Subject(n, None, None) for n in named],
                       location=subject.location)
    end = subject.start + len(item) if subject.start is not None else None
    return Subject(item, subject.start, end, location=subject.location)


def _owner_before(doc: Document, ctx: ValueContext, pred_start: int) -> Optional[str]:
    """The owner named alone before the predicate of a value whose name is written after it (Samsung以21.2%市占率),
    a relative clause describing it allowed (强势推出大萤幕手机的Apple以17.3%的市占率: the owner is after the 的)."""
    before, location, _ = subject_before(doc, ctx.region_start, pred_start)
    if before is None or location is not None:
        return None
    if _ranked_owner(doc, before.text):
        return before.text
    named = doc.text[ctx.region_start:pred_start].rsplit("的", 1)[-1].strip()
    return named if named and _ranked_owner(doc, named) else None


def _ranked_owner(doc: Document, name: str) -> bool:
    """Whether ``name``, alone before 以 and its share (X以8.26%的市占率位列第三), is the company or brand whose share
    it is: one of the lexicon, or one the lexicon does not know (中创新航, TrendForce's makers)."""
    return owner_at(doc.eng, name) == name or _company_like(doc, name)


def _listed_place(doc: Document, mem: Memory, ctx: ValueContext, subject: Optional[Subject]
                  ) -> Optional[tuple[Subject, bool]]:
    """去年10大观光游憩区依序为鹿港老街及周边地区1730.1万人次、文化路夜市1598.3万人次 (class place_set): the top-N set
    of places names the measure, each place listed after 依序为 is its location; the set is remembered for the places
    listed after the first (、 before each), which carry it: (subject, whether carried)."""
    if subject is None:
        return None
    m = doc.eng.p_place_set.fullmatch(subject.text)
    if m is not None:
        mem.place_set = Subject(m.group("set"), subject.start, subject.start + m.end("set")
                                if subject.start is not None else None)
        return replace(mem.place_set, location=m.group("item")), False
    if mem.place_set is None or not ctx.left.lstrip().startswith("、"):
        return None
    return replace(mem.place_set, location=subject.text), True


# a price noun opening a subject, then the verb of being before the product it is said of (参考零售价格分别为…)
_PRICE_IS = regex.compile(r"\p{Han}+?(?P<verb>(?:分别|依次|依序)?(?:为|是))")


def _price_of_product(doc: Document, ctx: ValueContext, subject: Subject) -> Subject:
    """参考零售价格为92无铅汽油每公升26.4元, read as one subject when no trigger split it (分别 between the noun and
    the verb): the price noun is said of the product after the verb, priced per unit right before the value, and
    the name is the product's price (92无铅汽油参考零售价格), as for the products listed after it."""
    lead = _PRICE_IS.match(subject.text)
    if lead is None or doc.eng.p_price_head.fullmatch(subject.text, 0, lead.start("verb")) is None:
        return subject
    product = subject.text[lead.end():]
    at = doc.text.rfind(product, ctx.sentence[0], ctx.q.start) if product and "价" not in product else -1
    if at < 0 or doc.eng.p_price_per_unit.fullmatch(doc.text, at + len(product), ctx.q.start) is None:
        return subject
    return Subject(product + subject.text[:lead.start("verb")], None, None, share=subject.share,
                   location=subject.location)


def _priced_product(doc: Document, ctx: ValueContext, subject: Subject) -> Subject:
    """A product priced per unit (92无铅汽油每公升26.4元) takes the price noun written last before it in the
    sentence (参考零售价格分别为…: 92无铅汽油参考零售价格), unless it names a price itself."""
    eng = doc.eng
    if subject.end is None or eng.p_price_head.search(subject.text) or "价" in subject.text:
        return subject
    # the products listed after the first, their unit written once (92无铅汽油每公升29元、95+无铅汽油30.5元)
    listed = subject.start > ctx.sentence[0] and doc.text[subject.start - 1] == "、" \
        and not doc.text[subject.end:ctx.q.start].strip() \
        and eng.p_price_per_unit.search(doc.text, ctx.sentence[0], subject.start) is not None
    if not listed and not eng.p_price_per_unit.fullmatch(doc.text, subject.end, ctx.q.start):
        return subject
    price = None
    for m in eng.p_price_head.finditer(doc.text, ctx.sentence[0], subject.start):
        price = m.group(0)
    if price is None:
        return subject
    return Subject(subject.text + price, None, None, share=subject.share, location=subject.location)


def _with_item_average(doc: Document, ctx: ValueContext, pred_start: int,
                       carried: Optional[Subject]) -> Optional[Subject]:
    """The carried name with an average per day or person written alone before the value put before it
    (…,日均环比增长3.2% -> 日均重点监测港口货物吞吐量; convention 8): the value is that average, not the total."""
    if carried is None:
        return None
    region = doc.text[ctx.region_start:pred_start]
    m = doc.eng.p_item_average.search(region)
    if m is None or m.group(0) in carried.text:
        return carried
    rest = (region[:m.start()] + region[m.end():]).strip()
    if rest and not doc.eng.names_nothing(rest):
        return carried
    return replace(carried, text=m.group(0) + carried.text, start=None, end=None, parts=[])


def _amount_of_rate(doc: Document, ctx: ValueContext, c: Optional[Subject]) -> Optional[Subject]:
    """An amount said of an indicator carried that is named as a rate (基本金属产值年增率为-18.17%,金额为3,244亿元): the
    amount is of the measure the rate is of, the name without its rate noun (基本金属产值)."""
    if c is None or getattr(ctx.q, "label", None) not in ("QUANTITY", "MONEY") \
            or (getattr(ctx.q, "unit", "") or "") in _RATE_UNITS:
        return c
    m = doc.eng.p_rate.search(c.text)
    if m is None or m.start() < 2 or c.parts:
        return c
    return c.head(m.start())


def _measure_of_rate_change(doc: Document, ctx: ValueContext, pred: Predicate, pred_start: int,
                            c: Optional[Subject]) -> Optional[Subject]:
    """A change in per cent, said with a verb of change, of an indicator carried that is named as a rate (入境访客升幅
    明显,分别是18.7%…;而外港及氹仔码头则下降48.2%; 私人消费开支在第三季增速轻微加快,按年实质进一步上升2.1%): a rise of
    the rise is not what the text means, the value is the change of the measure the rate is of (the name without its
    rate noun, each listed part too). Not a change in percentage points (增速提升1.4个百分点: the rate's own), a level
    (分别是18.7%), a value whose rate noun follows it (年均4.5%的增速), nor one dated in its own clause (城镇投资月度累计
    增速持续上升,1—2月增长23.4%,1季度增长25.3%: the rate's course, period by period)."""
    if c is None or pred.kind != "change" or pred.entry is None or getattr(ctx.q, "unit", None) != "%":
        return c
    k = bisect_left(doc.period_starts, ctx.region_start)
    if k < len(doc.period_starts) and doc.period_starts[k] < pred_start:
        return c
    rate_tail = doc.eng.p_rate_tail

    def base(s: Subject) -> Subject:
        m = rate_tail.search(s.text)
        return s if m is None or m.start() < 2 else s.head(m.start())

    stripped = base(c)
    if stripped is c:
        return c
    stripped.parts = [base(part) for part in c.parts]
    return stripped


def _rate_level_referent(mem: Memory, ctx: ValueContext, kind: str, c: Optional[Subject]) -> Optional[Subject]:
    """The carried subject, unless this value is a level in a rate unit (%, ‰) and the carried indicator's last level of
    the sentence an amount: an amount's level is never written in per cent, so the value is the level of the last
    indicator of the sentence whose level was written in its unit (台北喜来登平均住房率40.45%、平均房价3044元,优于去年
    全年26.99% -> 平均住房率). A change or a share in per cent is the carried indicator's (营收100亿元,增长12%, 占全国
    12%), and so is a level where no indicator of the sentence has one in that unit, or one in brackets right after a
    value, which restates that value (社会保障制度供款仅3.9亿元(3.9%))."""
    unit = getattr(ctx.q, "unit", "") or ""
    named_here = mem.sent_subjects
    if c is None or kind != "level" or unit not in _RATE_UNITS or unit in ("", "pp") or not named_here \
            or mem.paren_start == ctx.q.start:
        return c
    level_units: dict[str, str] = {}  # indicator -> the unit of its last level in this sentence
    for ev in reversed(mem.events.list[-_SENTENCE_EVENTS:]):
        if ev.value_start < ctx.sentence[0]:
            break
        if ev.kind == "level":
            level_units.setdefault(ev.indicator, ev.unit)
    carried_unit = level_units.get(c.text)
    if carried_unit is None or carried_unit in _RATE_UNITS:
        return c
    return _named_in_unit(named_here, c, level_units, unit)


def _same_unit_referent(mem: Memory, ctx: ValueContext, c: Optional[Subject]) -> Optional[Subject]:
    """The carried subject, unless its value is a rate (%, ‰: a level) and this value an amount, or its level is
    counted in another unit than this value: then the last indicator of the sentence stated (its level, in the
    second case) in this value's unit (出生数为8464人,折合年粗出生率为千分之4.27,较去年同期减少3179人 -> 出生数;
    家数为1,643家,人数为3,164人;…增加17家 -> 家数). Only the events of the sentence are looked at, or of the
    sentence before where this one has stated none (合法民宿3,397家,客房数13,488间…。就分布县市观察,以花莲县806家最多
    -> 合法民宿).  A share is no rate level: the amount after it is the share's item's own (其次为运输界别,占一成七,达
    七百三十六万公吨 -> 运输界别), not the whole's stated before it in the amount's unit."""
    unit = getattr(ctx.q, "unit", "") or ""
    named_here = mem.sent_subjects or mem.prev_sent_subjects
    if c is None or unit in _RATE_UNITS or getattr(ctx.q, "label", None) not in ("QUANTITY", "MONEY") \
            or not named_here:
        return c
    recent = mem.events.list[-_SENTENCE_EVENTS:]
    since = ctx.sentence[0] if mem.sent_subjects or not recent else recent[-1].sentence_start
    units: dict[str, str] = {}  # indicator -> the unit of its last value in this sentence
    level_units: dict[str, str] = {}  # indicator -> the unit of its last level in this sentence
    rate_level = False  # whether the carried indicator's last value is a level in a rate unit (千分之4.27)
    for ev in reversed(recent):
        if ev.value_start < since:
            break
        if ev.indicator not in units and ev.indicator == c.text:
            rate_level = ev.kind == "level" and ev.unit in _RATE_UNITS and ev.unit != ""
        units.setdefault(ev.indicator, ev.unit)
        if ev.kind == "level":
            level_units.setdefault(ev.indicator, ev.unit)
    if not rate_level:
        # 核发建造执照138件、栋数203栋…,分别较上年同期减少28件: a count in another unit than the level of the indicator
        # carried is of the indicator of the sentence counted in that unit
        carried_unit = level_units.get(c.text)
        if carried_unit is None or carried_unit in _RATE_UNITS or carried_unit == unit:
            return c
        return _named_in_unit(named_here, c, level_units, unit)
    return _named_in_unit(named_here, c, units, unit)


def _named_in_unit(named_here: list[Subject], c: Subject, units: dict[str, str], unit: str) -> Subject:
    """The last indicator named in the sentence, other than the carried ``c``, whose value ``units`` gives in ``unit``;
    else ``c``."""
    for named in reversed(named_here):
        if named.text != c.text and units.get(named.text) == unit:
            return named
    return c


def _joined_values(doc: Document, ctx: ValueContext, joins: Callable[[str], object],
                   companions: bool = False) -> tuple[int, int]:
    """How many values stand from this one on, each after a gap of text that ``joins`` accepts, and where the
    last of them ends; with ``companions``, a value alone in brackets right after one is its restatement, not
    counted (分别增长5亿元(5.3%)和4亿元(5.2%): two values listed), and the list goes on after its bracket."""
    n = 1
    last_end = ctx.q.end
    for f in ctx.following:
        if companions and (close := _companion_close(doc, last_end, f)) is not None:
            last_end = close
            continue
        if not joins(doc.text[value_note_end(doc, last_end, f.start):f.start]):
            break
        n += 1
        last_end = f.end
    return n, last_end


_BRACKET_OPEN = regex.compile(r"\s*\(\s*")
_BRACKET_CLOSE = regex.compile(r"\s*\)")


def _companion_close(doc: Document, end: int, q: QuantityLike) -> Optional[int]:
    """Where the bracket closes around ``q`` when it stands alone in brackets right after ``end`` (a value's end),
    else None."""
    if _BRACKET_OPEN.fullmatch(doc.text, end, q.start) is None:
        return None
    close = _BRACKET_CLOSE.match(doc.text, q.end)
    return close.end() if close is not None else None


def _measure_after(doc: Document, ctx: ValueContext) -> Optional[str]:
    """A measure of results (class ``owned_measure``) written right after the values listed from this one on, perhaps
    after 的 (以8.26%、4.35%和3.98%的市占率 -> 市占率): what each value is an amount of; None where none is written."""
    _, last_end = _listed_values(doc, ctx)
    at = _OF_GAP.match(doc.text, last_end).end()
    m = doc.eng.p_owned_measure.match(doc.text, at)
    return m.group(0) if m is not None and m.end() > at else None


_OF_GAP = regex.compile(r"\s*的?\s*")


def _listed_values(doc: Document, ctx: ValueContext) -> tuple[int, int]:
    """How many values are listed from this one on (joined by 和 、 或), and where the last ends."""
    # 分别下降1.3%和增长5.0%: after a list cue, values each led by a change verb of their own are listed too
    cued = doc.eng.p_list_cue.search(doc.text, ctx.clause[0], ctx.q.start) is not None
    return _joined_values(doc, ctx, lambda gap: doc.eng.p_conj_only.match(gap)
                          or (cued and doc.eng.p_conj_trigger.match(gap)), companions=True)


_RATIO_JOIN = regex.compile(r"\s*[:：]\s*")


def _ratio_values(doc: Document, ctx: ValueContext) -> int:
    """How many values a ratio written from this one on holds (3.6:47.9:48.5 -> 3), 1 when it heads none."""
    return _joined_values(doc, ctx, _RATIO_JOIN.fullmatch)[0]


def _ratio_whole_cut(doc: Document, subject: Subject) -> Subject:
    """The subject of a ratio without the noun naming the whole it divides (三次产业结构 -> 三次产业), so that
    its parts name the parts (第一产业 ...)."""
    m = doc.eng.p_ratio_whole.search(subject.text)
    if m is None or m.start() < 2 or subject.parts:
        return subject
    end = subject.start + m.start() if subject.start is not None else None
    return replace(subject, text=subject.text[:m.start()], end=end)


def _kind(doc: Document, mem: Memory, ctx: ValueContext, kind: str, subject: Subject, carried: bool,
          prev: Optional[Statement], n: int, last_end: int, pred_start: int) -> str:
    """The kind of the value: the predicate's, unless a level is shown to be a change or share."""
    if kind != "level":
        return kind
    eng = doc.eng
    q = ctx.q
    if n > 1 and (eng.p_list_rate_after.match(doc.text, last_end) or eng.p_list_fall_after.match(doc.text, last_end)):
        return "change"  # 分别录得1.2%及2.1%的升幅: the rate noun after the list says what the values are
    if q.text.startswith(_PLUS) or (q.start == mem.paren_start and q.text[:1] in "-−"):
        return "change"  # 教育(+10.02%): a signed value is a change
    if eng.p_rate.search(subject.text) or (subject.rate and not (carried and getattr(q, "label", None) in _AMOUNTS)):
        # (a rate said of the indicator carried makes no amount written later a change: 年增率为69.9%;若换算成
        # 新台币为2兆736亿元 is the statistic's level)
        return "change"
    if eng.p_share_noun.search(subject.text) or subject.share:
        # (第二产业增加值比重为74.2%: the share noun cut from the name, class share_tail, still says what the value is)
        return "share"
    if carried and prev is not None and prev.kind == "share":
        return "share"  # 占…比率由56.1%下降至48.8%: a level reached in the clause of a share is a share
    last = mem.events.list[-1] if mem.events.list else None
    if carried and last is not None and last.kind == "change" and last.indicator == subject.text \
            and last.unit == q.unit and names_period_only(doc, ctx.region_start, pred_start):
        return "change"  # 本地生产总值按年上升1.8%,第二季为3.2%: the same rate, for another period
    if carried and last is not None and last.kind == "change" and last.indicator == subject.text \
            and last.unit == q.unit == "%" and eng.p_compared_value.search(doc.text, ctx.clause[0], q.start):
        return "change"  # GDP增长5%,较上年同期的4.1%加快: the reference compared with is the same rate (convention 9)
    return "level"


def _listed_rate_basis(doc: Document, last_end: int) -> Optional[str]:
    """The basis a rate noun after a list of values carries (分别录得13.1%及32.4%的按年升幅 -> yoy, class
    rate_basis), as a basis word before the noun after one value does (rule change.rate_after)."""
    eng = doc.eng
    m = eng.p_list_rate_after.match(doc.text, last_end) or eng.p_list_fall_after.match(doc.text, last_end)
    word = m.group("basis_word") if m is not None else None
    return next((b for pat, b in eng.rate_basis if pat.fullmatch(word)), None) if word else None


def _basis(doc: Document, ctx: ValueContext, match: RuleMatch, pred: Predicate) -> Optional[str]:
    """The basis of a change: the rule's, the trigger's, a rate word's (的年均增长率), the reference after a
    comparative (低于上月), else the nearest comparison cue before the value in the sentence."""
    spec = pred.spec
    if spec.basis == "none":
        return None
    if spec.basis in _FIXED_BASES:
        return spec.basis
    if pred.entry is not None and pred.entry.basis:
        return pred.entry.basis
    bw = match.right.groupdict().get("basis_word") if match.right is not None else None
    ref = match.left.groupdict().get("basis_ref") if match.left is not None else None
    bw_basis = next((b for pat, b in doc.eng.rate_basis if pat.fullmatch(bw)), None) if bw else None
    if bw_basis is not None:  # class rate_basis
        return bw_basis
    if ref:  # the basis of the cue 比/较 + that reference (比上月 -> mom)
        return basis_for_cue(doc, "比" + ref) or basis_for_cue(doc, "较" + ref)
    return basis_for(doc, ctx.sentence, ctx.q.start, ctx.clause[0])


_AMOUNTS = frozenset({"MONEY", "QUANTITY"})  # labels of values that are no rate
_SHARE_UNITS = frozenset({"%", "‰", "倍", "成", ""})  # units a share is written in (成 where the tagger keeps it)


def _restated(doc: Document, ctx: ValueContext, n: int) -> bool:
    """Whether the ``n`` values listed from this one on are joined by 或 alone: one change written as an amount
    and again as a per cent (年减121.69亿元或11.5%), both of the whole subject, however many names it coordinates
    (证券、期货与投信业获利), not one to each."""
    return _joined_values(doc, ctx, lambda gap: gap.strip() == "或")[0] >= n


def _distribute(doc: Document, mem: Memory, ctx: ValueContext, subject: Subject, carried: bool,
                n: int, ratio: bool = False, kind: str = "level") -> tuple[str, list[Subject], Subject]:
    """(mode, parts, subject): 分别 distributes n values over n subjects, 均 gives one value to each, as do the
    values of a ratio (``ratio``) over the parts of its whole, and a value of ``kind`` whose form makes it each
    name's (``each_value``)."""
    eng = doc.eng
    before = doc.text[ctx.clause[0]:ctx.q.start]
    mode = "single"
    parts: list[Subject] = [subject]
    named = mem.sent_subjects or mem.prev_sent_subjects
    if n > 1 and carried and not (subject.parts and len(subject.parts) == n) and eng.p_list_cue.search(before) \
            and len(named) >= n and named[-1].text == subject.text:
        # 接待游客1002.85万人次,旅游总收入42.6亿元,分别增长11.9%和18.86%: the values go, in order, to the
        # last n indicators of the sentence (of the sentence before, when this one states none)
        mode = "list"
        parts = list(named[-n:])
    elif n > 1 and (ratio or eng.p_list_cue.search(before) or (not _restated(doc, ctx, n) and (
                    (carried and subject.parts and len(subject.parts) == n)
                    or subject.text.count("、") == n - 1 or len(LIST_JOINER.findall(subject.text)) == n - 1))):
        # without 分别 too, n names enumerated with 、 before n listed values go one to each (医疗保健、食品烟酒
        # 上涨7.2%、6.3%): a name holds no enumeration comma, so the reading is the only one; so do n names
        # joined by 和/及/与 before n values (总体失业率及本地居民失业率维持在1.7%及2.3%), where the split finds them
        pieces = split(doc, subject, n) or _clause_listed(doc, ctx, subject, n) or _named_owners(doc, subject, ctx, n) \
            or (None if carried else _items_listed_before(doc, mem, subject, n))
        if pieces:
            mode = "list"
            parts = pieces
    elif n == 1 and (cue := eng.p_shared_cue.search(before) or _lone_list_value(doc, ctx, subject, before)):
        # 分别 between the names and their one value says the same of each (养老金及残疾金分别调升至每月3900元), as 均 does
        pieces = split(doc, subject, None)
        if not pieces and carried and cue.group(0)[0] in _NUMERAL:
            # 接待游客5亿人次,旅游收入4169亿元,增长双双达到8%: the last two indicators share the value
            pieces = (mem.plural_referent(cue.group(0)) or subject).parts
        elif not pieces and carried and (eng.p_all_cue.fullmatch(cue.group(0)) or eng.p_list_cue.fullmatch(cue.group(0))):
            # 固定资产投资增长24.6%、建筑业增加值增长20.1%,均排名全国第1: with no subject of its own, the value
            # is shared by every indicator stated before it in the sentence
            pieces = _stated_in_sentence(mem, subject)
        if pieces:
            parts = pieces
            mode = "shared"
    elif n == 1 and not carried and (pieces := each_value(doc, ctx.q, subject, kind)):
        # 总票房和银幕数量居世界首位, 商场、超市客流量是平日的2~3倍: a rank, or a rate as a bound or range, after
        # coordinated names is each one's, as with 均
        parts = pieces
        mode = "shared"
    if mode != "single":
        subject = Subject(subject.text, subject.start, subject.end, parts=parts, share=subject.share,
                          location=subject.location, rate=subject.rate)
    return mode, parts, subject


_CLAUSE_NAME = regex.compile(r"[^,;:。!?\d%]{2,24}")
_LAST_SECTOR = regex.compile(r"^(.{2,24}?业)(\p{Han}{2,8})$")


def _clause_listed(doc: Document, ctx: ValueContext, subject: Subject, n: int) -> Optional[list[Subject]]:
    """Names of industries written as clauses of their own before the subject, each ending in 业 or an industry of
    the catalogue (GB/T 4754: 教育, 卫生和社会工作; their names hold 、 and 和 themselves: 信息传输、软件和信息技术服务业,
    租赁和商务服务业,金融业生产指数同比分别增长…): with the subject's industry they are the n names the values go to,
    each taking the measure written after the last."""
    if subject.start is None or doc.text[subject.start:subject.end] != subject.text:
        return None
    head = _LAST_SECTOR.match(subject.text)
    if head is None:
        return None
    clauses = doc.text[ctx.sentence[0]:subject.start].split(",")
    if clauses[-1].strip():
        return None  # the subject opens no clause of its own
    names: list[str] = []
    for clause in reversed(clauses[:-1]):
        name = clause.strip()
        if not (_CLAUSE_NAME.fullmatch(name) and (name.endswith("业") or _industry(doc, name))):
            break
        names.insert(0, name)
    if len(names) + 1 != n:
        return None
    return scoped([Subject(name + head.group(2), None, None) for name in names] + [subject], subject)


def _industry(doc: Document, name: str) -> bool:
    """Whether ``name`` is an industry of the catalogue, one with a code of GB/T 4754 (教育, 卫生和社会工作)."""
    entry = doc.rules.catalogue.written(name)
    return entry is not None and bool(entry.codes)


def _named_owners(doc: Document, subject: Subject, ctx: ValueContext, n: int) -> Optional[list[Subject]]:
    """Companies listed in a clause of their own right before the subject, after 分别为 or 依次为 and with no value
    (出口前五名的整车制造企业分别为奇瑞、长安、江淮、长城和东风,出口量分别为5.52万辆、…): the n values are their amounts
    of the measure, each named by its company (奇瑞出口量), as the corpus names a company's measures; None where the
    items are not n or not all companies by the lexicon or their form (class ``owner_agent_not``: places, trades)."""
    if subject.start is None or subject.parts:
        return None
    lead = _OWNERS_LISTED.search(doc.text, ctx.sentence[0], subject.start)
    if lead is None or bisect_left(doc.q_starts, lead.start()) != bisect_left(doc.q_starts, subject.start):
        return None
    items = [c.strip() for c in COORDINATOR.split(lead.group("items"))]
    if len(items) != n or not all(_ranked_owner(doc, c) for c in items):
        return None
    return [Subject(c + subject.text, None, None) for c in items]


def _items_listed_before(doc: Document, mem: Memory, subject: Subject, n: int) -> Optional[list[Subject]]:
    """The n items of the list the sentence stated last (人保财险、平安财险…的保费分别为…), when a later clause
    distributes n values over a lone measure with 分别 (…,市场份额分别为33%、20%…): Chinese drops the items the
    second time, so the values are the items' amounts of the new measure (人保财险市场份额), as the annotators write
    them.  The items are the list's names without the measure they share (保费, 的销量); the shared measure restated
    (累计销量, read 销量 once its period goes) keeps the names as stated.  None where the subject names more than a
    measure, or the last statement is no list of n names sharing a measure."""
    if subject.parts or not mem.sent_subjects or not _named_measure(doc, subject.text):
        return None
    texts = [p.text for p in mem.sent_subjects[-1].parts]
    if len(texts) != n:
        return None
    shared = _shared_end(texts)
    measure = next((shared[k:] for k in range(len(shared)) if _named_measure(doc, shared[k:])), "")
    if not measure:
        return None
    if measure == subject.text:
        return [Subject(t, None, None) for t in texts]
    cut = len(measure) + (1 if shared.endswith("的" + measure) else 0)  # (理想、小鹏的销量…,市场份额… -> 理想市场份额)
    return [Subject(t[:len(t) - cut] + subject.text, None, None) for t in texts]


def _named_measure(doc: Document, text: str) -> bool:
    """Whether ``text`` is a measure by name: a head noun or topic measure (保费, 销量), or a measure of the catalogue
    named whole or restated (市场份额)."""
    return doc.eng.p_topic_measure.match(text) is not None or doc.rules.catalogue.owned(text) is not None


def _shared_end(texts: list[str]) -> str:
    """The longest end all of ``texts`` share, short of the whole of any of them."""
    k = 0
    shortest = min(len(t) for t in texts)
    while k < shortest - 1 and len({t[len(t) - k - 1] for t in texts}) == 1:
        k += 1
    return texts[0][len(texts[0]) - k:] if k else ""


_OWNERS_LISTED = regex.compile(r"(?:分别|依次|依序)(?:为|是)\s*(?P<items>[^,;:。]+?)\s*[,;]\s*$")


def _lone_list_value(doc: Document, ctx: ValueContext, subject: Subject, before: str) -> Optional[regex.Match]:
    """A list cue (分别) after the subject with the clause's only value after it: one value said of each name
    before the cue, not the first of values listed with names of their own (分别是A 6万元、B 5万元)."""
    cue = None
    for cue in doc.eng.p_list_cue.finditer(before):
        pass
    if cue is None:
        return None
    at = ctx.clause[0] + cue.start()
    if subject.end is not None and subject.end > at:
        return None
    lo, hi = bisect_left(doc.q_starts, at), bisect_left(doc.q_starts, ctx.clause[1])
    return cue if hi - lo == 1 else None


def framed_item(doc: Document, subject: Optional[Subject], location: Optional[str]) -> Optional[Subject]:
    """第一大接单地区为美国, 来台居冠的客源国为日本, 入境前3名分别为韩国 (class rank_frame): a subject naming only a slot
    of a ranking by market, origin or partner, with places written in it, is filled by them: the places are the
    items, the names themselves, not the location of the slot."""
    if subject is None or location is None or not doc.eng.p_rank_frame.fullmatch(subject.text):
        return None
    places = LIST_JOINER.split(location)
    return _places_named(location, places) if all(_places(doc, p) for p in places) else None


def breakdown_item(doc: Document, mem: Memory, location: Optional[str]) -> Optional[Subject]:
    """其中以泰国成长57.3%最高,其次为越南成长34.3%; 其次则是香港,占比约14.7%: a country written alone (no other
    subject) is an item of the breakdown (by origin, market, nationality), the name itself; not where the indicator
    carried is one of the economy (预测美国年增1.8%: 经济成长率, location 美国), nor where the measure the places
    are listed by is a statistic each has of its own (日本达1.2兆美元 after 外汇存底: the place is its location)."""
    if location is None or not _breakdown_places(doc, location) \
            or (mem.carry is not None and doc.eng.p_economy_word.search(mem.carry.text)):
        return None
    measure = _listed_by(doc, mem)
    if measure is not None and own_statistic(doc, measure.text):
        return None
    return _places_named(location, LIST_JOINER.split(location))


def _listed_by(doc: Document, mem: Memory) -> Optional[Subject]:
    """The measure the places of a breakdown are listed by: the indicator carried, or, where that is an earlier
    item (美国5029亿美元最多,其次中国大陆…), the last stated in the sentence or before it that names no places."""
    for s in (mem.carry, *reversed(mem.sent_subjects), mem.doc_carry):
        if s is not None and not all(_places(doc, p) for p in LIST_JOINER.split(s.text)):
            return s
    return None


def _places_named(location: str, places: list[str]) -> Subject:
    """The places of a location as the indicator: one name, or coordinated ones the list stages distribute."""
    return Subject(location, None, None, parts=[Subject(p, None, None) for p in places] if len(places) > 1 else [])


def _breakdown_places(doc: Document, location: str) -> bool:
    """Whether a location is one item of a breakdown (class breakdown_place), or several coordinated ones
    (欧盟和中国香港均增长0.2%)."""
    return all(doc.eng.p_breakdown_place.fullmatch(p) for p in LIST_JOINER.split(location))


def _stated_in_sentence(mem: Memory, carried: Subject) -> Optional[list[Subject]]:
    """The distinct indicators stated so far in the sentence, when there are two or more and the carried
    subject is the last of them (otherwise 均 refers to something else)."""
    named: list[Subject] = []
    for s in mem.sent_subjects:
        if all(s.text != t.text for t in named):
            named.append(s)
    if len(named) < 2 or named[-1].text != carried.text:
        return None
    return named


# what a count in apposition to a list never follows: it comes right after the list's last name (住宿和饮食两项)
_LIST_OR_CLAUSE_MARKS = frozenset(",;:" + LIST_JOINERS + " ")


def apposition_count(doc: Document, mem: Memory, q: QuantityLike, right: str) -> bool:
    """A count naming the set just listed (教育和通讯两个大类), followed by 分别/均 and the predicate."""
    rule = doc.rules.rule_index.get(mem.trace[-1][1])
    spec = rule.spec if rule is not None else None
    if spec is None or spec.emit or mem.trace[-1][0] != q.start:
        return False
    if doc.eng.p_apposition_cue.match(right):
        return True
    # 住宿和饮食两项消费分别占…: the count stands between the list and the head noun the list shares
    return q.start > 0 and doc.eng.p_apposition_head.match(right) is not None \
        and doc.text[q.start - 1] not in _LIST_OR_CLAUSE_MARKS \
        and LIST_JOINER.search(doc.text, max(0, q.start - 20), q.start) is not None
