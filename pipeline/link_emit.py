"""Emission: the events of a statement, one per subject, never two for one value and indicator."""
from __future__ import annotations

from bisect import bisect_left, insort
from typing import TYPE_CHECKING, Any, NamedTuple, Optional, Sequence

import regex

from .link_document import QuantityLike
from .linker_rules import LinkerRules, indicator_id
from .list_joiners import LIST_JOINERS

if TYPE_CHECKING:
    from .link_subjects import Subject


_NAMES = regex.compile(r"[^\P{L}零〇○一二三四五六七八九十百千万亿两]")  # a letter or Han character, not a numeral
_LIST_MARK = regex.compile("[()" + LIST_JOINERS + ",;]")  # brackets and joiners: the location of a list, not one place


class Event(NamedTuple):
    """A quantity linked to the indicator it measures (normalised offsets).  A named tuple: a document makes one
    per value, and a frozen dataclass would set each of its fields through ``object.__setattr__``."""

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


class Events:
    """The events of a document in the order they were stated, with the (value start, indicator) of each, and the
    positions in that order of each indicator's events (a look-up, where a walk back over the list read the whole
    document for an indicator stated long before, or never)."""

    def __init__(self, rules: LinkerRules):
        self.rules = rules
        self.list: list[Event] = []
        self.keys: set[tuple[int, str]] = set()
        self.at: dict[str, list[int]] = {}  # indicator -> the indexes in ``list`` of its events, ascending

    def __len__(self) -> int:
        return len(self.list)

    def last_of(self, indicator: str) -> Optional[Event]:
        """The last event stated of ``indicator``, None where none was."""
        found = self.at.get(indicator)
        return self.list[found[-1]] if found else None

    def emit(self, q: QuantityLike, subjects: Sequence["Subject"], kind: str, sign: int, basis: Optional[str],
             sentence: tuple[int, int], rule_id: str, location: Optional[str], period: Optional[str]) -> None:
        """One event per subject of the value ``q`` (negated when ``sign`` is -1)."""
        value = q.value
        if sign == -1 and value is not None:
            value = -value
        for subj in subjects:
            if not _NAMES.search(subj.text):  # 1,1,1,1 or 3.8%，3.8%: a number names nothing
                continue
            if (q.start, subj.text) in self.keys:
                continue
            self.keys.add((q.start, subj.text))
            self.at.setdefault(subj.text, []).append(len(self.list))
            # (the fields in their order, not by keyword: a named tuple binds seventeen keywords one by one)
            self.list.append(Event(
                subj.text, subj.start, subj.end, indicator_id(self.rules, subj.text),  # indicator, its span and id
                q.start, q.end, q.text, value, q.unit,  # value_start, value_end, value_text, value, unit
                kind, basis, getattr(q, "qualifier", None), period, location,  # kind ... location
                sentence[0], sentence[1], rule_id,  # sentence_start, sentence_end, rule
            ))

    def share_head_with_brackets(self, indices: list[int], parts: list["Subject"]) -> None:
        """甲类(103.67)及乙类(104.68)消费物价指数分别上升…: the bracketed levels of the conjuncts take the
        head distributed over the coordinated subject that follows them (甲类 -> 甲类消费物价指数); so does a level
        of a place alone, which took the indicator carried with the place as its location (珠海市(157,188人次)及
        广州市旅客(126,222人次)分别占… -> 珠海市旅客, a conjunct named by the place)."""
        if len(parts) < 2 and len(indices) != 1:
            return
        for i in indices:
            ev = self.list[i]
            # (a place alone: not the places of a whole list, nor an event whose own name a conjunct extends)
            alone = bool(ev.location) and not _LIST_MARK.search(ev.location) \
                and not any(p.text.startswith(ev.indicator) for p in parts)
            for p in parts:
                by_place = alone and p.text != ev.location and p.text.startswith(ev.location)
                # (after the preposition the conjuncts share: 海路(106.4万)…入境旅客 -> 经海路入境旅客)
                shared = any(p.text.startswith(ev.indicator, j) for j in range(1, 3)) \
                    and len(p.text) - len(ev.indicator) > 2
                if p.text != ev.indicator and (p.text.startswith(ev.indicator) or by_place or shared):
                    self.keys.discard((ev.value_start, ev.indicator))
                    self.keys.add((ev.value_start, p.text))
                    was = self.at[ev.indicator]
                    del was[bisect_left(was, i)]
                    insort(self.at.setdefault(p.text, []), i)
                    self.list[i] = ev._replace(indicator=p.text, indicator_start=p.start, indicator_end=p.end,
                                              indicator_id=indicator_id(self.rules, p.text),
                                              location=None if by_place else ev.location)
                    break
