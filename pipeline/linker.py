"""Indicator linker: turn tagged quantities of a normalised document into indicator events.

Pure Python (no spaCy): ``link(text, quantities, periods)`` takes the
NORMALISED text of a whole document (``zhibiao.normalize``), the quantities
and periods found in it (any objects with ``start``/``end``/``text`` ...
attributes, offsets into ``text``) and returns one ``Event`` per (quantity,
indicator).  All offsets in events are normalised offsets; the caller maps
them back with ``Normalized.to_original``.

How a quantity is linked (the knowledge is in ``rules/linker.yaml``), stage by stage, each in a
module of its own (``link`` below runs them in this order):

1. (``link_clauses``) The document is split into sentences at 。!? and line breaks, sentences
   into clauses at , ; : (never inside a quantity or parentheses).
2. For each quantity, the text from the clause start (or the previous
   quantity of the clause) to the quantity is its ``left`` context, the text
   up to the next quantity or the clause end its ``right`` context.  (``link_predicates``) The
   linking rules are tried in file order; the first whose ``left``/``right``
   patterns, labels and units fit links the quantity.  The rule's ``left``
   match is the predicate (trigger, share or contribution phrase ...); what
   precedes it is the subject region.
3. (``link_subjects``) The subject region is cleaned (periods, places, fillers, comparison cues,
   parentheses, quotation marks and leading verbs stripped).  An empty or
   anaphoric subject (增速, 数量 ...) takes the indicator of the previous
   statement, or a topic clause of the same sentence; a lone head noun
   (出口) takes the topic as its modifier.
4. (``link_statements``) Values joined by 和/、/或 continue the previous statement; with 分别 they
   are distributed over the coordinated subjects (shared heads distributed:
   钢铁和水泥产量 -> 钢铁产量, 水泥产量); with 均 one value gives one event
   per subject.
5. (``link_cues``) Kind and sign come from the rule or the trigger; basis from the nearest
   comparison cue before the value in the sentence (or the trigger itself);
   a target cue before the value makes the statement a target; the period is
   the nearest period before the value in the sentence that is not a
   comparison reference.
6. (``link_emit``) One event per subject, never two for one value and indicator.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

import regex

from .gcpause import collector_paused
from .link_clause_subject import predicate_clause
from .link_clauses import clauses, in_defining_parens, paren_value, sentences, value_note_end
from .link_document import Document, PeriodLike, QuantityLike, Span
from .link_emit import Event, Events
from .link_statements import (REGION_LEAD, Memory, Statement, ValueContext, apposition_count, breakdown_item,
                              example_owner, framed_item, region_owner, restated_in_brackets, state_value)
from .link_subjects import Subject, owner_at, split, subject_before
from .linker_rules import EnginePatterns, LinkerRules, default_rules, load_rules
from .list_joiners import LIST_JOINER
from .memo import UNKNOWN

__all__ = ["Event", "link", "load_rules", "LinkerRules", "Span"]

_WORD_CHAR = regex.compile(r"[\p{Han}A-Za-z]")
_NOUN_START = regex.compile(r"(?!的)[\p{Han}A-Za-z]")  # a noun right after a count (41个城市), not 的 (…的价格)


@collector_paused()
def link(
    text: str,
    quantities: Sequence[QuantityLike],
    periods: Optional[Sequence[PeriodLike]] = None,
    rules: LinkerRules | None = None,
    trace: Optional[list[tuple[int, str]]] = None,
) -> list[Event]:
    """Link each quantity of the normalised ``text`` to the indicator it measures.

    ``periods=None`` takes the time words of ``periods.find_mentions`` as periods.
    ``trace``, when given, receives ``(quantity start, rule id)`` for every
    quantity a rule handled, including rules that emit no event.
    Returns events in text order; a quantity that measures nothing gets none,
    a value shared by several indicators gets one event each.

    Linking leaves no reference cycles, and its memos grow with the text: the cyclic collector is paused while it
    runs, whose full collections would walk every kept answer again (about 5% of a long document's linking).
    """
    rules = rules or default_rules()
    doc = Document(text, quantities, periods, rules)
    mem = Memory(Events(rules))
    valueless: Optional[tuple[int, int]] = None  # the sentence before, where it stated no value
    for sentence in sentences(doc):
        if _PARAGRAPH_END.search(text, max(0, sentence[0] - 64), sentence[0]) and _opens_paragraph(doc, *sentence):
            mem.doc_carry = None  # convention 8: a subject missing from a sentence is taken from its paragraph
        mem.start_sentence()
        whole = _divided_whole(doc, valueless, sentence) if valueless is not None else None
        if whole is not None:
            mem.carry = whole
        valueless = None if doc.quantities_from(*sentence) else sentence
        topic: Optional[Subject] = None
        location: Optional[str] = None  # the place the sentence's statements are about so far
        held = False  # whether the topic was written before a cause, whose consequences follow it
        for clause in clauses(doc, *sentence):
            n_events = len(mem.events)
            clause_qs = [q for q in doc.quantities_from(*clause) if q.end <= clause[1]]
            location = _link_clause(doc, mem, clause, sentence, clause_qs, topic, location)
            if len(mem.events) > n_events or mem.pending:  # (a value waiting for its name is a statement too)
                held = False
            # a clause with no statement: a heading, or a topic for the values that follow in the sentence; not
            # after listed items and their cause (惟百货公司、布疋及服饰品零售业因疫情扩散,门市来客数减少,分别年减…),
            # where it says what the cause did to them
            elif not held and doc.quantities_from(clause[1], sentence[1]):
                before = topic
                topic, location = _topic(doc, mem, clause, bool(clause_qs), topic, location)
                # 港交所(0388)公布第三季业绩,股东应占溢利为49亿元: the company a clause without a statement opens with
                # owns the bare measures after it, where the clause opens the sentence's statements (not a clause
                # between them: …,弥补银行净利在股利高峰后缩减,累计前八月税后纯益…); a newspaper's byline opening
                # the line goes first (香港文汇报讯(记者 涂若奔)金沙中国(1928)昨日公布: class filler_prefix); a name
                # singled out as an example is the owner (以星展银行为例,其全年利息收入…: class owner_example)
                owner = None if mem.sent_subjects else example_owner(doc, text[clause[0]:clause[1]]) \
                    or (region_owner(doc, *clause)[0] if _opens_line(doc, clause[0])
                        else owner_at(doc.eng, text[clause[0]:clause[1]].lstrip(REGION_LEAD)))
                if owner is None and mem.owner is not None:
                    owner = _new_owner(doc, mem, clause)
                if owner is not None:
                    mem.owner = owner
                held = topic is not None and topic is not before and LIST_JOINER.search(topic.text) is not None \
                    and doc.eng.p_topic_cause.search(doc.text, *clause) is not None
        mem.state_pending(None, None)
        # topics set mem.carry only: they do not outlive their sentence (doc_carry is unchanged); but a sentence
        # of one clause stating no value that opens its paragraph (六都今年11月的买卖移转栋数公布!) is a headline:
        # the values of the sentences after it that name nothing are its topic's (convention 8)
        if mem.doc_carry is None and not mem.sent_subjects and not doc.quantities_from(*sentence):
            _headline(doc, mem, sentence)
    if trace is not None:
        trace.extend(mem.trace)
    return mem.events.list


def _new_owner(doc: Document, mem: Memory, clause: tuple[int, int]) -> Optional[str]:
    """Another company of the owners' words opening a clause without a statement, perhaps after a word turning to it
    (class owner_turn), where the sentence has an owner (台湾大哥大受到…,EPS达0.47…,而远传电信则延续…,EPS则为0.30 ->
    远传电信EPS): the bare measures after it are the new owner's, the old one's stop.  Only a company named by the
    lexicon's words (a name the owner patterns make of any X银行 or X公司 may be a clause's object: 弥补银行净利…),
    and not one the owner's name holds or that holds it (台积电…,台积电表示)."""
    text = doc.text[clause[0]:clause[1]].lstrip(REGION_LEAD)
    turn = doc.eng.p_owner_turn.match(text)
    text = text[turn.end():] if turn is not None else text
    word = doc.eng.p_owner_word.match(text, 0)
    if word is None or word.end() == 0:
        return None
    owner = text[:word.end()]
    return None if owner in mem.owner or mem.owner in owner else owner


def _opens_line(doc: Document, start: int) -> bool:
    """Whether only white space stands before ``start`` on its line (where a report's byline is written)."""
    return not doc.text[doc.text.rfind("\n", 0, start) + 1:start].strip()


def _headline(doc: Document, mem: Memory, sentence: tuple[int, int]) -> None:
    """Carry the topic of a headline sentence (one clause, no value) to the sentences after it, as the indicator
    of the paragraph so far, where nothing was stated before it.  The topic must end in a name of the catalogue
    (买卖移转栋数; its verb of release, class ``filler_suffix``, goes): a reporter's clause (统计处今日公布) names
    no statistic and carries nothing."""
    parts = list(clauses(doc, *sentence))
    if len(parts) != 1 or not _SENTENCE_MARK_END.search(doc.text, sentence[0], sentence[1]):
        # (a line without a closing mark is a heading of a layout, joined to the text after it, no headline)
        return
    subj, location, _ = subject_before(doc, *parts[0], topic=True)
    if subj is None or subj.parts or len(subj.text) > 30 or doc.eng.names_nothing(subj.text):
        return
    if any(b == len(subj.text) for _, b, _ in doc.rules.catalogue.matches(subj.text)):
        mem.doc_carry = replace(subj, location=location or subj.location)


def _divided_whole(doc: Document, before: tuple[int, int], sentence: tuple[int, int]) -> Optional[Subject]:
    """The set a sentence opening with 其中 (class breakdown_lead) divides, where the sentence ``before`` it stated no
    value: the topic of that sentence's last clause, named before the remark on where its items are (class
    set_remark: 2019中国百强镇主要集中在我国东部地区。其中,江苏38个、广东31个 -> 百强镇 for each place's count).  None
    where the sentence opens otherwise or the clause makes no such remark."""
    text = doc.text
    start = sentence[0]
    while start < sentence[1] and text[start].isspace():
        start += 1
    if doc.eng.p_breakdown_lead.match(text, start, sentence[1]) is None:
        return None
    c_start, c_end = list(clauses(doc, *before))[-1]
    remark = doc.eng.p_set_remark.search(text, c_start, c_end)
    if remark is None:
        return None
    subj, _, _ = subject_before(doc, c_start, remark.start(), topic=True)
    if subj is None or subj.parts or len(subj.text) > 30 or doc.eng.names_nothing(subj.text):
        return None
    return subj


def _opens_paragraph(doc: Document, start: int, end: int) -> bool:
    """Whether a sentence after a line break opens a paragraph of its own: not when it opens with a clause mark
    (a line wrapped before its comma: …为1.4%\n,亦较11月份(1.6%)为低)."""
    return _CLAUSE_MARK.match(doc.text[start:end].strip()) is None


_CLAUSE_MARK = regex.compile(r"[,;:]")
_SENTENCE_MARK_END = regex.compile(r"[。!?！？]\s*$")  # a sentence closed by its mark, not by a line break
_PARAGRAPH_END = regex.compile(r"[。!?！？][ \t\r]*\n\s*$")  # a line ending its last sentence, not a headline


def _link_clause(doc: Document, mem: Memory, clause: tuple[int, int], sentence: tuple[int, int],
                 clause_qs: list[QuantityLike], topic: Optional[Subject], location: Optional[str]) -> Optional[str]:
    """State the values of one clause in order; return the sentence's location after them."""
    text = doc.text
    c_start, c_end = clause
    prev_end = c_start
    prev: Optional[Statement] = None  # the last linked statement of this clause
    paren_run_start: Optional[int] = None  # where the subject of a run of bracketed values starts
    paren_events: list[tuple[int, Optional[str]]] = []  # events of the bracketed values of the current run, each
    # with its value's label
    for k, q in enumerate(clause_qs):
        paren = paren_value(doc, q, c_end)
        mem.paren_start = q.start if paren is not None else -1
        if q.start in mem.consumed or (paren is None and in_defining_parens(doc, q, c_end)):
            continue
        nxt = clause_qs[k + 1].start if k + 1 < len(clause_qs) else c_end
        region = prev_end
        right = text[q.end:nxt]
        # 分别增长5亿元(5.3%)和4亿元(5.2%), 增加1.2千人(15.0%): a value alone in brackets right after a listed value
        # or a change restates it (link_statements._companion), no name of a run of bracketed values
        companion = paren is not None and restated_in_brackets(prev) and not text[prev_end:paren[0]].strip()
        if companion:
            left = ""
        elif paren is not None:
            # 留宿旅客(1,624,285人次)增加5.4%: the bracketed value is a level of the noun before it; the
            # statement after the bracket keeps that noun as its subject (right starts with the bracket)
            if paren_run_start is None:
                paren_run_start = prev_end
            left = text[prev_end:paren[0]]
        else:
            if paren_run_start is not None:
                region = paren_run_start
                paren_run_start = None
            left = text[region:q.start]
        if paren is None and k + 1 < len(clause_qs) \
                and _count_opens_measured_subject(doc, q, left, right, region, clause_qs[k + 1]):
            continue  # 长三角地区41个城市平均优良天数比例为80.5%: the count is part of the next value's subject
        n_trace = len(mem.trace)
        n_ev = len(mem.events)
        ctx = ValueContext(q, left, right, region, clause, sentence, clause_qs[k + 1:], topic, location)
        statement = state_value(doc, mem, ctx, prev)
        prev = statement
        if paren is not None:
            if not companion:
                paren_events.extend((i, getattr(q, "label", None)) for i in range(n_ev, len(mem.events)))
        elif paren_events:
            if statement is not None:
                # (a count of items in brackets is no amount of money: 现货住宅(3,023个)及住宅楼花(357个)成交金额分别为
                # 184.8亿元… leaves 现货住宅 the count's name, as an amount never takes a count's either)
                label = getattr(q, "label", None)
                mem.events.share_head_with_brackets(
                    [i for i, lab in paren_events if {lab, label} != _COUNT_AND_AMOUNT],
                    statement.parts or [])
            paren_events = []
        if statement is not None and statement.location:
            location = statement.location
        if statement is None and len(mem.trace) > n_trace:
            if apposition_count(doc, mem, q, right):
                continue  # 教育和通讯两个大类分别上升…: the subject runs through the count
            if paren is None and _count_opens_subject(doc, q, right) and (
                    not left.strip() or getattr(q, "label", None) not in _MEASURED
                    and _left_names_nothing(doc, region, q.start)):
                continue  # 3家基础电信企业的移动电话用户总数达…: the count is part of the subject
            fired = doc.rules.rule_index.get(mem.trace[-1][1])
            if fired is not None and fired.spec.in_subject:
                continue  # 实施投资500万元以上工业项目3086个: a threshold inside the next value's subject
        prev_end = max(q.end if paren is None else paren[1], statement.subject_end if statement else 0)
        if statement is not None and paren is None:
            prev_end = value_note_end(doc, prev_end, nxt)  # 19,780元( 澳门元,下同 )、10,600元: a note, the list goes on
    if paren_events and paren_run_start is not None:
        _name_bracketed_run(doc, mem, paren_run_start, prev_end, c_end, [i for i, _ in paren_events])
    return location


def _name_bracketed_run(doc: Document, mem: Memory, run_start: int, tail_start: int, c_end: int,
                        indices: list[int]) -> None:
    """A run of bracketed values that no value of their clause follows (金融业(+34.7%)、保险业(+31.9%)及银行业(+16.0%)的
    业务收益指数均录得双位数升幅): the noun goes on after the last bracket up to its predicate (a cue or trigger), and
    each value takes its conjunct of it (金融业的业务收益指数), as when a statement follows the run."""
    end = doc.eng.p_bracket_run_end.search(doc.text, tail_start, c_end)
    if end is None or not doc.text[tail_start:end.start()].strip():
        return
    subject, _, _ = subject_before(doc, run_start, end.start())
    if subject is None:
        return
    parts = split(doc, subject, len(indices)) if len(indices) > 1 else [subject]
    if parts:
        mem.events.share_head_with_brackets(indices, parts)


def _left_names_nothing(doc: Document, start: int, end: int) -> bool:
    """Whether the text before a count names nothing once cleaned (only places, periods and fillers:
    我国10种有色金属产量, 全国286家产销地批发市场…), so the count opens the subject."""
    subj, _, share = subject_before(doc, start, end)
    return not share and (subj is None or doc.eng.names_nothing(subj.text))


def _count_opens_subject(doc: Document, q: QuantityLike, right: str) -> bool:
    """A count in passing that opens its clause and modifies the noun after it (3家基础电信企业的…)."""
    if doc.eng.p_place_unit.fullmatch(getattr(q, "unit", "") or ""):
        return False
    return bool(_WORD_CHAR.match(right)) and not doc.eng.p_stop.match(right)


def _count_opens_measured_subject(doc: Document, q: QuantityLike, left: str, right: str, region: int,
                                  nxt: QuantityLike) -> bool:
    """A count of items opening its clause before a noun whose statement the clause's next value ``nxt`` is (长三角
    地区41个城市平均优良天数比例为80.5%, 8个国家高新区实现营业收入7831.36亿元 after 营业收入中): it only names the
    set the value is stated of (convention 6), so it has no event and the subject runs through it.  Not a count
    whose items passed a threshold (7个市州地区生产总值超过500亿元, 7个市增长50%以上: the next value has a
    qualifier; a count of items that did something, rules level.count_that*), nor one whose clause goes on to
    another noun after 、 (18个行业正增长或扭亏为盈、增长面达52.9%)."""
    if getattr(q, "label", None) not in _COUNTED or getattr(q, "unit", None) not in _ITEM_UNITS \
            or getattr(nxt, "qualifier", None) is not None or _THRESHOLD_TAIL.match(doc.text, nxt.end):
        return False
    lead = doc.eng.p_value_lead.search(right.rstrip())
    noun = right[:lead.start()] if lead is not None else ""
    if not _NOUN_START.match(noun) or "、" in _BRACKETED.sub("", right) or not _count_opens_subject(doc, q, right):
        return False  # (较10月上半月的308宗减少8%, 较前一日1090元/克的价格上涨: no noun of the count's own before its verb)
    return not left.strip() or _left_names_nothing(doc, region, q.start)


def _after_period(doc: Document, start: int, end: int) -> str:
    """The clause's text after the periods and spaces that open it: what the clause says of that time."""
    text = doc.text
    i = start
    while i < end:
        if text[i].isspace():
            i += 1
        elif i in doc.period_end_at_start:
            i = doc.period_end_at_start[i]
        else:
            break
    return text[i:end] if i > start else ""


_TOPIC_CONTEXT = 8  # characters before a clause kept with it: its topic's patterns look back two at most
_MEMO_TOPIC = 64  # characters of a clause short enough for its topic's frame to be kept


def _topic_frame(doc: Document, c_start: int, c_end: int, has_quantities: bool) -> Optional[tuple[int, int, bool]]:
    """Where the topic of a clause without a statement is written, [start, end), and whether a heading frames it;
    None where the clause's words say it holds none (a heading alone, a clause of no topic before its cause).

    What the clause's own patterns read (heading, cause, remark, no-topic words) depends on its text and the few
    characters before it alone: news repeats its clauses, and a short one's frame is kept per that text."""
    context = max(0, c_start - _TOPIC_CONTEXT)
    seg = doc.text[context:c_end]
    if c_end - c_start > _MEMO_TOPIC:
        frame = _read_topic_frame(doc.eng, seg, c_start - context, has_quantities)
    else:
        key = (seg, c_start - context, has_quantities)
        frame = doc.eng.topic_frames.get(key, UNKNOWN)
        if frame is UNKNOWN:
            frame = doc.eng.topic_frames.keep(key, _read_topic_frame(doc.eng, seg, c_start - context, has_quantities))
    if frame is None:
        return None
    return frame[0] + context, frame[1] + context, frame[2]


def _read_topic_frame(eng: EnginePatterns, text: str, c_start: int, has_quantities: bool
                      ) -> Optional[tuple[int, int, bool]]:
    """``_topic_frame`` of the clause ``text[c_start:]``, positions in ``text``."""
    c_end = len(text)
    clause_text = text[c_start:c_end].strip()
    if not clause_text:
        return None
    t_start, t_end = c_start, c_end
    lead = eng.p_heading_lead.match(text, c_start, c_end)
    tail = eng.p_heading_tail.search(text, c_start, c_end)
    measure = eng.p_measure_heading.match(text, c_start, c_end)
    headed = not has_quantities and (measure is not None or lead is not None or tail is not None)
    if measure is not None and not has_quantities:
        t_start, t_end = measure.span("topic")  # 若以每坪成交均价来看: the heading names the measure that follows
    elif lead is not None and not has_quantities:
        t_start = lead.end()  # 分季度看全国城镇调查失业率: the topic follows the heading
    elif tail is not None and not has_quantities:
        t_end = tail.start()  # 进口方面,年增30.1%: the topic is written before the heading word
    cause = eng.p_topic_cause.search(text, t_start, t_end)
    if cause is None and not headed:
        # 东南亚航线市场表现仍然理想: a remark on how the topic fares ends it, as a cause does
        cause = eng.p_topic_remark.search(text, t_start, t_end)
    if not headed and (eng.p_heading.search(clause_text)
                       or eng.p_not_topic.search(_before_cause(eng, text, t_start, t_end, cause))):
        return None
    if cause is not None:
        t_end = cause.start()  # 电脑电子产品及光学制品业受惠…需求畅旺: the topic is written before its cause
    return t_start, t_end, headed


def _before_cause(eng: EnginePatterns, text: str, start: int, end: int, cause: Optional[regex.Match]) -> str:
    """The text of a clause that a topic is read from: the whole clause, or where a cause (``cause``, the clause's
    first) follows the topic, what is written before the cause after a conjunction opening it (而石油化工原料、塑胶与
    塑胶制品则受…影响, 虽然基本金属和塑橡胶制品因市场需求保守: a contrast names its items, which the cause's words no
    longer hide)."""
    if cause is None:
        return text[start:end].strip()
    while start < cause.start() and text[start].isspace():
        start += 1
    lead = eng.p_filler_prefix.match(text, start, cause.start())
    return text[lead.end() if lead is not None else start:cause.start()].strip()


_COUNT_AND_AMOUNT = {"QUANTITY", "MONEY"}  # the labels of a count of items and of an amount of money
_MEASURED = frozenset({"PERCENT", "MONEY"})  # labels of values that are never part of a topic's name
_COUNTED = frozenset({"QUANTITY", "CARDINAL"})  # labels of counts of items
# the measure words of a count of items, units or bodies (those of rule level.count_that_opening)
_ITEM_UNITS = frozenset({"个", "种", "家", "项", "户", "所", "座", "条", "只", "款", "类"})
_BRACKETED = regex.compile(r"\([^()]*\)")  # a bracket inside a name (县(市、区)), its 、 no list
_THRESHOLD_TAIL = regex.compile(r"\s*(?:及|或)?(?:以上|以下)")  # 增长50%以上: a threshold, not a statement


def _topic(doc: Document, mem: Memory, clause: tuple[int, int], has_quantities: bool, topic: Optional[Subject],
           location: Optional[str]) -> tuple[Optional[Subject], Optional[str]]:
    """(topic, location) after a clause without a statement: a heading changes nothing, other text names
    the topic of the values that follow (and becomes the carried subject)."""
    text = doc.text
    c_start, c_end = clause
    frame = _topic_frame(doc, c_start, c_end, has_quantities)
    if frame is None:
        return topic, location
    t_start, t_end, headed = frame
    if not headed and doc.eng.p_not_topic.match(_after_period(doc, c_start, c_end)):
        # (a cause written after its period is no topic either: 2022年因塞港缺料问题缓解,1-10月产值370亿元)
        return topic, location
    subj, loc, share = subject_before(doc, t_start, t_end, topic=True)
    framed = framed_item(doc, subj, loc)
    if framed is None and subj is None and not has_quantities:
        framed = breakdown_item(doc, mem, loc)  # 其次则是香港,占比约14.7%: the item, alone
    if framed is not None:  # 最大出口地区为美国,达80.7万辆: the item that fills the slot
        subj, loc = framed, None
    if subj is not None and has_quantities and subj.start is not None and subj.end is not None \
            and (any(getattr(doc.q_at.get(i), "label", None) in _MEASURED and i not in mem.named_values
                     for i in range(subj.start, subj.end))
                 or (subj.start in doc.q_at and doc.q_at[subj.start].end >= subj.end)):
        # a clause whose per cent or amount no rule linked is no topic (凉山以8.1%的增速领跑市州); a count may be
        # part of a name (4项主要工业的港产品出口货值), but not the whole of one (新北市3,866栋: a count alone), and so may
        # a threshold a rule read as part of it (营业收入超过1000亿元的企业数量大幅增加,达到107家)
        return topic, location
    if loc:
        location = loc
    carry = mem.carry
    if subj is not None and carry is not None and doc.eng.p_anaphor.match(subj.text):
        # 其中大连、上海及青岛增长幅度较大,分别为…: a topic that only refers back is the indicator before it
        subj = replace(carry, location=loc or carry.location, rate=bool(doc.eng.p_rate.search(subj.text)) or carry.rate)
    if subj is not None and framed is None and doc.eng.names_nothing(subj.text):
        # 港岛连跌两周后反弹,升逾2% (a clause of time), 其余四都均较3月量缩 (places and function words), an anaphor
        # with nothing before it: a topic that names nothing changes nothing
        return topic, location
    if subj is not None and framed is None and predicate_clause(subj.text, doc.rules.catalogue):
        return topic, location  # 它在香港整体票房所占的份额,亦因而由1992年约20%…: a predicate, no noun phrase
    if subj is not None and carry is not None and len(carry.text) == len(subj.text) + 1 \
            and carry.text.startswith(subj.text):
        # 交易量合计为22,905栋,…,六都交易增减互见: a topic that is the indicator carried without its measure
        # character (量, 额, 值) is that indicator
        subj = replace(carry, location=loc or carry.location)
    # a longer topic is a sentence, not a name; an enumeration (农副食品加工业、酒饮料和精制茶制造业、…) is as long as
    # its items, each held to the same bound
    if subj is not None and max(len(part) for part in subj.text.split("、")) <= 30 and len(subj.text) <= 90:
        subj.share = share
        subj.colon_measure = text[c_end:c_end + 1] == ":" and doc.eng.p_colon_measure.match(subj.text) is not None
        topic = subj
        mem.carry = subj
    return topic, location
