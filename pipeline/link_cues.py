"""Cues: the comparison basis, the period and the target of a statement, read from its sentence.

The basis is the nearest comparison cue before the value (class ``bases``: 同比, 较上月 ...), or a
trigger carrying its own (年增); the period is the nearest period before the value that is not a
comparison reference (较去年同期) nor shut in brackets; a target cue (目标, 预计) before the value makes
the statement a target.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import NamedTuple, Optional

import regex

from .link_document import CLOSE, OPEN, PUNCT, Document, Span
from .linker_rules import EndPattern, EnginePatterns
from .memo import UNKNOWN

_REF_SPLIT = regex.compile(r"\s*(?:和|及|与|、)\s*")
_REF_CONJ = regex.compile(r"\s*(?:和|及|与|、|或)\s*")
_SPACES = regex.compile(r"\s+")
_SHORT_BEFORE = 64  # characters before a period up to which its facts are searched forward
_SPAN = regex.compile(r"[-~—–至到]|年间|年来")  # a period spanning years (2012-2021年), which an average may take
# 今个财政年度首10个月,即截至今年1月31日: 即 restates the period before it
_RESTATED = regex.compile(r"\s*[,，]?\s*即\s*(?:截至|截止到?|到|至)?\s*")


def is_target(doc: Document, sent_start: int, pos: int) -> bool:
    """Whether a target cue stands before ``pos`` in its sentence (the statement is a goal, not a fact).

    The search of the sentence's next value starts where this one's found neither a match nor the start
    of one cut short by ``pos`` (partial matching): no longer text makes a match start before that, so a
    long sentence is not searched again from its start for each value.  The answer is the text's before the value
    alone: kept per text, as news repeats its sentences (the scan carried stays valid for later values)."""
    seg = doc.text[sent_start:pos]
    if len(seg) > _MEMO_BEFORE:
        return _target_in(doc, sent_start, pos, seg)
    memo = doc.eng.targets_before
    got = memo.get(seg)
    if got is None:
        got = memo.keep(seg, _target_in(doc, sent_start, pos, seg))
    return got


def _target_in(doc: Document, sent_start: int, pos: int, seg: str) -> bool:
    """``is_target`` of the sentence's text ``seg`` before ``pos``, searched from where the sentence's scan stands."""
    pattern = doc.eng.p_target
    carried = doc.target_scans.get(sent_start)
    start = carried[1] if carried is not None and carried[0] <= pos else 0
    m = pattern.search(seg, start, partial=True)
    doc.target_scans[sent_start] = (pos, len(seg) if m is None else m.start())
    return m is not None and (not m.partial or pattern.search(seg, m.start()) is not None)


class _Facts(NamedTuple):
    """What the sentence says around a period, whatever value is linked, and where the answers that do
    depend on the value's position change (-1: nowhere)."""
    share_ref: bool  # the reference amount of a share follows (恢复到2017年末的84%)
    reference: bool  # a comparison reference (较去年同期)
    compared: bool  # a comparison cue precedes it
    after_cause: bool  # a cause clause opens before it
    clause_only: bool  # it names an earlier year's same period (去年同期为增长2.4%): its own clause's period only
    start_ref: bool  # a start-point word precedes it (相比2024年785万人次)
    punct: int  # the first of 。,; at or after its end
    closing: int  # the first closing bracket at or after its end, if it lies inside a bracket left open


def _period_facts(doc: Document, sent_start: int, p: Span) -> _Facts:
    """The facts of a period, found once per period: every value of a sentence walks its periods, and a long
    sentence has many of both.  The words before the period are read at its end (``EndPattern``): a search
    through the sentence from its start for each period made a long sentence quadratic."""
    key = (sent_start, p.start, p.end)
    facts = doc.period_facts.get(key)
    if facts is None:
        eng = doc.eng
        text = doc.text
        before = text[sent_start:p.start]
        share_ref, period_ref, compared, after_cause, start_ref = _cues_ending(eng, before)
        # a span opened by 起 or 开始 (由2013年4月1日起至2014年1月31日, 从3月份开始) is the statement's own
        # period, never a reference
        reference = "起" not in p.text and not eng.p_span_start_tail.match(text, p.end) \
            and (period_ref or bool(eng.p_ref_period_tail.match(text, p.end)))
        punct = doc.next_mark(PUNCT, p.end)
        # (one written alone before its comma, 去年同期,出口增长5%, is the time of the clauses after it)
        clause_only = eng.p_clause_period.fullmatch(_SPACES.sub("", p.text)) is not None \
            and punct > p.end and bool(text[p.end:punct].strip())
        facts = _Facts(share_ref, reference, compared, after_cause, clause_only, compared and start_ref,
                       punct, _closing_bracket(doc, sent_start, p.start, p.end))
        doc.period_facts[key] = facts
    return facts


def _cues_ending(eng: EnginePatterns, before: str) -> tuple[bool, bool, bool, bool, bool]:
    """Whether the sentence's text ``before`` a period ends in a share's reference, a reference period's cue, a
    comparison cue, a cause's lead and a start-point word: the text's alone, kept per text up to ``_SHORT_BEFORE``
    characters (every reading of a repeated sentence finds its periods at new positions, and asks again)."""
    if len(before) > _SHORT_BEFORE:
        return _cues_at_end(eng, before)
    got = eng.period_cues.get(before)
    if got is None:
        got = eng.period_cues.keep(before, _cues_at_end(eng, before))
    return got


def _cues_at_end(eng: EnginePatterns, before: str) -> tuple[bool, bool, bool, bool, bool]:
    """``_cues_ending`` searched (the start-point word only after a comparison cue, which it needs)."""
    compared = _ends_with(eng.p_compare_ref, before)
    return (_ends_with(eng.p_share_ref, before), _ends_with(eng.p_period_ref, before), compared,
            _ends_with(eng.p_cause_lead, before), compared and _ends_with(eng.p_start_ref, before))


def _ends_with(pattern: EndPattern, text: str) -> bool:
    """Whether ``text`` ends in a match of ``pattern`` (``...$``): searched forward in a short text, where that
    is cheapest, and from its end in a long one, where a forward search reads all of it."""
    if len(text) <= _SHORT_BEFORE:
        return pattern.forward.search(text) is not None
    return pattern.search(text) is not None


def _closing_bracket(doc: Document, sent_start: int, start: int, end: int) -> int:
    """The first closing bracket at or after ``end`` when [start, end) lies inside a bracket opened in the
    sentence and not closed before ``start``; -1 otherwise (the period is then never shut in brackets)."""
    opening = doc.last_mark(OPEN, sent_start, start)
    if opening < 0 or 0 <= doc.next_mark(CLOSE, opening) < start:
        return -1
    return doc.next_mark(CLOSE, end)


def _settled(doc: Document, p: Span, f: _Facts, pos: int, sent_end: int) -> bool:
    """Whether the walk's step at period ``p`` gives the same answer for every value from ``pos`` to the end of
    the sentence: each test of the value's position is a threshold already passed or not reached before the
    sentence ends, and no longer gap after a compared period can still be a reference's own (partial match)."""
    if p.end > pos:
        return False
    if (f.after_cause or f.clause_only) and pos <= f.punct < sent_end:
        return False
    if pos <= f.closing < sent_end:
        return False
    if f.compared:
        eng = doc.eng
        if eng.p_ref_value_gap.fullmatch(doc.text, p.end, pos, partial=True) is not None:
            return False
        if f.start_ref and eng.p_start_value_gap.fullmatch(doc.text, p.end, pos, partial=True) is not None:
            return False
    return True


def _step(doc: Document, p: Span, f: _Facts, pos: int, best: Optional[Span], ref_end: int
          ) -> tuple[Optional[Span], int]:
    """The walk of ``period_for`` past period ``p``: the period chosen so far and the end of the last
    comparison reference (-1: none; 较1-9月份和上年同期 are both references)."""
    eng = doc.eng
    text = doc.text
    if p.end > pos:
        return best, ref_end
    if f.share_ref:
        return best, ref_end  # 恢复到2017年末的84%: the reference amount of a share, never the statement's period
    if f.reference or (ref_end >= 0 and _REF_CONJ.fullmatch(text, ref_end, p.start)):
        # a reference period is the period of a value written right after it (较去年同期的125亿元,
        # 相比2024年785万人次)
        if f.compared and (eng.p_ref_value_gap.fullmatch(text, p.end, pos)
                           or f.start_ref and eng.p_start_value_gap.fullmatch(text, p.end, pos)):
            return p, ref_end
        return best, p.end
    if f.after_cause and 0 <= f.punct < pos:
        return best, ref_end  # 因为7到9月风灾影响,…分别涨23.47%: the time of the cause, not of the later clause
    if f.clause_only and 0 <= f.punct < pos:
        # 同比下降1.7%,去年同期为增长2.4%;钢材产量…增长2.5%: the year before's same period, not the later clauses'
        return best, ref_end
    if best is not None and _RESTATED.fullmatch(text, best.end, p.start):
        return best, ref_end  # 今个财政年度首10个月,即截至今年1月31日的财政盈余: the first wording stays
    if 0 <= f.closing < pos:
        return best, ref_end  # (一○九年九月一二三点七三为历年最高),年增率…: the bracket's period stays in it
    if best is not None and eng.p_whole_year.fullmatch(_SPACES.sub("", p.text)):
        written = _SPACES.sub("", best.text)
        if eng.p_calendar_year.fullmatch(written) or (
                not eng.p_whole_year.fullmatch(written) and not 0 <= doc.next_mark(PUNCT, best.end) < p.start):
            return best, ref_end  # 2022年…,全年处理货运量: the year written; 本年我国全年出口: the period before
    return p, ref_end


def period_for(doc: Document, sentence: tuple[int, int], pos: int) -> Optional[str]:
    """The period of a value at ``pos``: the nearest period before it in the sentence that is not a
    comparison reference nor shut in brackets (a whole year gives way to a nearer, finer period).

    The walk over the sentence's periods is carried from one value to the next (values are linked in text
    order): the state after the longest run of periods from the sentence's start whose step no later value
    of the sentence can change (``_settled``) is kept, and the next value walks on from there; a sentence of
    thousands of values and periods is linear, not quadratic.  A value before the last one walks from the
    sentence's start and keeps nothing."""
    eng = doc.eng
    text = doc.text
    sent_start, sent_end = sentence
    lo, hi = doc.period_range(sent_start, pos)
    carried = doc.period_walks.get(sentence)
    keep = pos < sent_end and (carried is None or carried[0] <= pos)
    k, best, ref_end = (carried[1], carried[2], carried[3]) if keep and carried is not None else (lo, None, -1)
    for j in range(k, hi):
        p = doc.periods[j]
        f = _period_facts(doc, sent_start, p)
        best, ref_end = _step(doc, p, f, pos, best, ref_end)
        if keep and _settled(doc, p, f, pos, sent_end):
            doc.period_walks[sentence] = (pos, j + 1, best, ref_end)
        else:
            keep = False
    if best is None:
        return None
    clause = max(sent_start, doc.last_mark(PUNCT, sent_start, pos) + 1)
    if eng.p_annual_average.search(text, clause, pos) and not _SPAN.search(best.text):
        return None  # 2018年全国粮食总产量…,年均增长2.6%: an average over years the sentence does not span
    t = eng.p_period_prep.sub("", _SPACES.sub("", best.text))
    t = eng.p_period_tail.sub("", t)
    return t or None


class _SentenceCues(NamedTuple):
    """Where in a sentence each basis cue and basis-carrying trigger (``EnginePatterns.cue_entries``) may
    match: entry ``order[k]`` in the part before a value when that part is at least ``readies[k]``
    characters long (``readies`` ascending; entries whose word is absent are not listed), an entry written
    as a pattern also when the part's last character may start a match (``PairStarts``)."""
    readies: list[int]
    order: list[int]


def _cues_in_sentence(doc: Document, sentence: tuple[int, int]) -> _SentenceCues:
    """The cues of a sentence, found once per sentence: every value of the sentence looks for cues in the part
    of it before the value.  A cue written as a word is ready where the word's first occurrence ends; one
    written as a pattern two characters after the first position where a match may start."""
    found = doc.sentence_cues.get(sentence)
    if found is None:
        eng = doc.eng
        text = doc.text[sentence[0]:sentence[1]]
        ready = dict(zip(eng.cue_patterns, (first + 2 for first in eng.cue_starts.firsts(text))))
        for word in eng.cue_words.found(text):
            end = text.find(word) + len(word)
            ready.update((i, end) for i in eng.cue_by_word[word])
        order = sorted(ready, key=ready.__getitem__)
        found = doc.sentence_cues[sentence] = _SentenceCues([ready[i] for i in order], order)
    return found


def basis_for(doc: Document, sentence: tuple[int, int], pos: int, clause_start: int = 0) -> Optional[str]:
    """The basis of the comparison cue nearest before ``pos`` in the sentence (the longest at one end).

    The answer is the text's before the value alone (the sentence's cues only spare the patterns that cannot
    match in it) and where the value's clause starts in that text: kept per text, as news repeats its sentences."""
    sent_start = sentence[0]
    seg = doc.text[sent_start:pos]
    if len(seg) > _MEMO_BEFORE:
        return _basis_before(doc, sentence, seg, pos, clause_start) or carried_basis(doc, pos)
    key = (seg, min(max(clause_start - sent_start, -1), len(seg)))  # (no cue ends before -1 or after the text)
    memo = doc.eng.bases_before
    got = memo.get(key, UNKNOWN)
    if got is UNKNOWN:
        got = memo.keep(key, _basis_before(doc, sentence, seg, pos, clause_start))
    return got or carried_basis(doc, pos)


def carried_basis(doc: Document, pos: int) -> Optional[str]:
    """The basis of the last cue before ``pos`` that the text says holds for what follows (比去年同期(下同),
    以下均为同比), for a value whose sentence has no cue of its own (convention 11): found once per document."""
    carried = doc.carried_bases
    if carried is None:
        pat = doc.eng.p_basis_carry
        found = pat.finditer(doc.text) if pat is not None else ()
        carried = doc.carried_bases = [(m.start(), b) for m in found if (b := basis_for_cue(doc, m.group("cue")))]
    i = bisect_right(carried, (pos, "")) - 1
    return carried[i][1] if i >= 0 else None


#: characters of a sentence's text before a value short enough for its basis (and whether a target cue stands there)
#: to be kept: at 64, 1,112 of the benchmark document's values (one in eleven) read their cues again at each
#: reading; 128 keeps 974 of them.  (256 kept all but five, but a short sentence read a second time then ran so few
#: lines that tests/test_scaling.py's ratio for the sentence twenty times as long passed its bound: 22.2 for the
#: bracket shape)
_MEMO_BEFORE = 128


def _basis_before(doc: Document, sentence: tuple[int, int], seg: str, pos: int, clause_start: int) -> Optional[str]:
    """``basis_for`` of the sentence's text ``seg`` before ``pos``."""
    eng = doc.eng
    sent_start = sentence[0]
    best: Optional[tuple[int, int, str]] = None
    cues = _cues_in_sentence(doc, sentence)
    if seg and pos <= sentence[1]:
        tried = set(cues.order[:bisect_right(cues.readies, len(seg))])
        last = eng.cue_starts.mask(seg[-1])
        while last:
            bit = last & -last
            tried.add(eng.cue_patterns[bit.bit_length() - 1])
            last ^= bit
    else:  # (nothing before the value, or past the sentence's end where its starts say nothing: all are tried)
        tried = set(cues.order)

    def skip(m: regex.Match) -> bool:  # a cue of an earlier clause right after a growth word (增长...同比)
        return sent_start + m.end() <= clause_start and eng.p_growth_word_end.search(seg[:m.start()]) is not None

    # = rules.bases, then the triggers carrying their own basis (年增, 月增), which also count as cues
    for i in sorted(tried):
        _, pat, basis, cue = eng.cue_entries[i]
        found = list(pat.finditer(seg))  # most patterns find nothing: no call then
        cand = _last_cue(found, basis, skip if cue else None) if found else None
        if cand is not None and (best is None or cand[:2] > best[:2]):
            best = cand
    return best[2] if best else None


def _last_cue(found: list[regex.Match], basis: str, skip: Optional[Callable[[regex.Match], bool]]
              ) -> Optional[tuple[int, int, str]]:
    """(end, length, basis) of the cue match furthest right (the longest at that end) not skipped.  The
    matches of one pattern do not overlap, so their ends never fall: they are listed by the regex engine
    and read from the last, not each read in turn from the sentence's start for every value."""
    best: Optional[tuple[int, int, str]] = None
    for m in reversed(found):
        if best is not None and m.end() < best[0]:
            break
        if skip is not None and skip(m):
            continue
        if best is None or m.end() - m.start() > best[1]:
            best = (m.end(), m.end() - m.start(), basis)
    return best


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
