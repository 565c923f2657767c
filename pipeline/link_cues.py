"""Cues: the comparison basis, the period and the target of a statement, read from its sentence.

The basis is the nearest comparison cue before the value (class ``bases``: 同比, 较上月 ...), or a
trigger carrying its own (年增); the period is the nearest period before the value that is not a
comparison reference (较去年同期) nor shut in brackets; a target cue (目标, 预计) before the value makes
the statement a target.
"""
from __future__ import annotations

from typing import Optional

import regex

from .link_document import Document, Span

_REF_SPLIT = regex.compile(r"\s*(?:和|及|与|、)\s*")
_REF_CONJ = regex.compile(r"\s*(?:和|及|与|、|或)\s*")
_SPACES = regex.compile(r"\s+")
_SENT_PUNCT = regex.compile(r"[。,;]")
_SPAN = regex.compile(r"[-~—–至到]|年间|年来")  # a period spanning years (2012-2021年), which an average may take
# 今个财政年度首10个月,即截至今年1月31日: 即 restates the period before it
_RESTATED = regex.compile(r"\s*[,，]?\s*即\s*(?:截至|截止到?|到|至)?\s*")


def is_target(doc: Document, sent_start: int, pos: int) -> bool:
    """Whether a target cue stands before ``pos`` in its sentence (the statement is a goal, not a fact)."""
    return bool(doc.eng.p_target.search(doc.text[sent_start:pos]))


def _period_facts(doc: Document, sent_start: int, p: Span) -> tuple[bool, bool, bool, bool]:
    """What the sentence says around a period, whatever value is linked: (the reference amount of a share
    follows, it is a comparison reference, a comparison cue precedes it, a cause clause opens before it).  Found
    once per period: every value of a sentence walks its periods, and a long sentence has many of both."""
    key = (sent_start, p.start, p.end)
    facts = doc.period_facts.get(key)
    if facts is None:
        eng = doc.eng
        before = doc.text[sent_start:p.start]
        # a span opened by 起 or 开始 (由2013年4月1日起至2014年1月31日, 从3月份开始) is the statement's own
        # period, never a reference
        reference = "起" not in p.text and not eng.p_span_start_tail.match(doc.text, p.end) \
            and bool(eng.p_period_ref.search(before) or eng.p_ref_period_tail.match(doc.text, p.end))
        facts = (bool(eng.p_share_ref.search(before)), reference, bool(eng.p_compare_ref.search(before)),
                 eng.p_cause_lead.search(doc.text, sent_start, p.start) is not None)
        doc.period_facts[key] = facts
    return facts


def period_for(doc: Document, sent_start: int, pos: int) -> Optional[str]:
    """The period of a value at ``pos``: the nearest period before it in the sentence that is not a
    comparison reference nor shut in brackets (a whole year gives way to a nearer, finer period)."""
    eng = doc.eng
    best = None
    text = doc.text
    ref_end = -1  # the end of the last comparison reference: 较1-9月份和上年同期 are both references
    for p in doc.periods_from(sent_start, pos):
        if p.end > pos:
            continue
        share_ref, reference, compared, after_cause = _period_facts(doc, sent_start, p)
        if share_ref:
            continue  # 恢复到2017年末的84%: the reference amount of a share, never the statement's period
        if reference or (ref_end >= 0 and _REF_CONJ.fullmatch(text, ref_end, p.start)):
            # a reference period is the period of a value written right after it (较去年同期的125亿元,
            # 相比2024年785万人次)
            if compared and (eng.p_ref_value_gap.fullmatch(text, p.end, pos)
                             or eng.p_start_ref.search(text, sent_start, p.start)
                             and eng.p_start_value_gap.fullmatch(text, p.end, pos)):
                best = p
                continue
            ref_end = p.end
            continue
        if after_cause and _SENT_PUNCT.search(text, p.end, pos):
            continue  # 因为7到9月风灾影响,…分别涨23.47%: the time of the cause, not of the later clause
        if best is not None and _RESTATED.fullmatch(text, best.end, p.start):
            continue  # 今个财政年度首10个月,即截至今年1月31日的财政盈余: the first wording stays
        if _in_closed_brackets(doc, sent_start, p.start, p.end, pos):
            continue  # (一○九年九月一二三点七三为历年最高),年增率…: the bracket's period stays in it
        if best is not None and eng.p_whole_year.fullmatch(_SPACES.sub("", p.text)):
            written = _SPACES.sub("", best.text)
            if eng.p_calendar_year.fullmatch(written) or (
                    not eng.p_whole_year.fullmatch(written) and not _SENT_PUNCT.search(doc.text[best.end:p.start])):
                continue  # 2022年…,全年处理货运量: the year written; 本年我国全年出口: the period before
        best = p
    if best is None:
        return None
    clause = max(sent_start, max((text.rfind(c, sent_start, pos) for c in "。,;"), default=-1) + 1)
    if eng.p_annual_average.search(text, clause, pos) and not _SPAN.search(best.text):
        return None  # 2018年全国粮食总产量…,年均增长2.6%: an average over years the sentence does not span
    t = eng.p_period_prep.sub("", _SPACES.sub("", best.text))
    t = eng.p_period_tail.sub("", t)
    return t or None


def _in_closed_brackets(doc: Document, sent_start: int, start: int, end: int, pos: int) -> bool:
    """Whether [start, end) lies inside brackets that close before ``pos``."""
    text = doc.text
    opening = max(text.rfind("(", sent_start, start), text.rfind("（", sent_start, start))
    if opening < 0 or max(text.find(")", opening, start), text.find("）", opening, start)) >= 0:
        return False
    return max(text.find(")", end, pos), text.find("）", end, pos)) >= 0


def _cues_in_sentence(doc: Document, sentence: tuple[int, int]) -> tuple[list, list]:
    """The basis cues and basis-carrying triggers whose word occurs in the sentence (or that need none),
    found once per sentence: every value of the sentence looks for cues in a part of it."""
    found = doc.sentence_cues.get(sentence)
    if found is None:
        eng = doc.eng
        text = doc.text[sentence[0]:sentence[1]]
        found = ([c for c in eng.basis_cues if c[0] is None or c[0] in text],
                 [(pat, basis, literal) for (pat, basis), literal in zip(eng.basis_triggers, eng.basis_trigger_literals)
                  if literal is None or literal in text])
        doc.sentence_cues[sentence] = found
    return found


def basis_for(doc: Document, sentence: tuple[int, int], pos: int, clause_start: int = 0) -> Optional[str]:
    """The basis of the comparison cue nearest before ``pos`` in the sentence (the longest at one end)."""
    eng = doc.eng
    sent_start = sentence[0]
    seg = doc.text[sent_start:pos]
    best: Optional[tuple[int, int, str]] = None
    cues, triggers = _cues_in_sentence(doc, sentence)
    for literal, pat, basis in cues:  # = rules.bases, with the word each needs
        if literal is not None and literal not in seg:
            continue
        for m in pat.finditer(seg):
            if sent_start + m.end() <= clause_start and eng.p_growth_word_end.search(seg[:m.start()]):
                continue
            cand = (m.end(), m.end() - m.start(), basis)
            if best is None or cand[:2] > best[:2]:
                best = cand
    # a trigger carrying its own basis (年增, 月增) also counts as a cue
    for pat, basis, literal in triggers:
        if literal is not None and literal not in seg:
            continue
        for m in pat.finditer(seg):
            cand = (m.end(), m.end() - m.start(), basis)
            if best is None or cand[:2] > best[:2]:
                best = cand
    return best[2] if best else None


def listed_bases(doc: Document, before: str, n: int) -> Optional[list[str]]:
    """The bases of ``分别较A和B``: one per reference when there are exactly n and each is a cue."""
    eng = doc.eng
    m = eng.p_listed_refs.search(before)
    if m is None:
        return None
    refs = [r.strip() for r in _REF_SPLIT.split(m.group("refs")) if r.strip()]
    if len(refs) != n:
        return None
    out = []
    for ref in refs:
        cue = ref if ref[0] in "比较" else m.group("cmp") + ref
        basis = basis_for_cue(doc, cue)
        if basis is None:
            return None
        out.append(basis)
    return out


def basis_for_cue(doc: Document, cue: str) -> Optional[str]:
    """The basis of a comparison written alone (较上年同期 -> yoy), by the longest cue matching all of it."""
    eng = doc.eng
    best: Optional[tuple[int, str]] = None
    for literal, pat, basis in eng.basis_cues:
        if literal is not None and literal != cue:
            continue
        if pat.fullmatch(cue) and (best is None or len(cue) > best[0]):
            best = (len(cue), basis)
    return best[1] if best else None


def names_period_only(doc: Document, start: int, end: int) -> bool:
    """Whether the subject region [start, end) names a period and nothing else (第二季为3.2%)."""
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    pe = doc.period_end_at_start.get(start)
    return pe is not None and pe <= end and not text[pe:end].strip()
