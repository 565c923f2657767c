"""Periods as dates: read a period as written (``上半年``, ``1-9月``, ``本(104)年5月``) as its first and
last day, against the date of the document it comes from.

``resolve(period_text, reference_date)`` is a pure function over the ``resolve`` patterns of
``rules/periods.yaml``: the first pattern that matches the whole text (spaces removed) names its parts
in groups, and the code here turns them into dates.  A period that needs a date the text does not
give (``上月`` without a reference date, ``当年``, ``同期`` without the statement's own period, a
lunar holiday of a year the file does not list) resolves to None: never to a guess.

How a year is chosen when the period does not write one (``6月``, ``全年``, ``国庆黄金周``):
a statistical release reports periods that are over or about to be, so the year is the reference
date's year when the period ends no later than 45 days after the reference date, else the year
before (``12月`` in a text of 15 January is last December; ``全年`` in a text of 18 January is last
year).  A target (``kind`` ``target``) is about what is still to come: the first year, from the one
before the reference date's, in which the period has not ended by the reference date.  Without a
reference date, a year written with an earlier statement's period of the document (``2023年上半年,…
6月份``) is the year of the periods after it that write none.  (With one, that year is not used:
an earlier period may be a reference, as in ``超过历史上第二高位的2008年…前三季度``.)
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from .period_rules import PeriodGrammar, load_periods

__all__ = ["Resolved", "resolve", "reference_date", "date_events", "number"]

_SPACES = re.compile(r"\s+")
# 元 is one only as the first month (元月), the one place the period grammar admits it
_DIGITS = {c: i for i, group in enumerate(["〇○零", "一元", "二两", "三", "四", "五", "六", "七", "八", "九"]) for c in group}
_LATE = timedelta(days=45)  # how long after the reference date a year-less period may still end
_ISO = re.compile(r"^\s*((?:1[89]|20)\d{2})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*日?(?:[T\s].*)?$")


class Resolved(NamedTuple):
    """A period as dates: ISO ``start`` and ``end`` (both included) and the period type."""

    start: str
    end: str
    type: str


def number(s: str) -> int | None:
    """A small whole number written in digits or Chinese numerals (``12``, ``十二``, ``二十三``, ``一〇九``)."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, units = s.partition("十")
        t = _DIGITS.get(tens, -1) if tens else 1
        u = _DIGITS.get(units, -1) if units else 0
        return 10 * t + u if t >= 0 and u >= 0 else None
    if all(c in _DIGITS for c in s):
        return int("".join(str(_DIGITS[c]) for c in s))
    return None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _day(year: int, spec: str, month: int) -> date:
    """A day of a month by a word list value: ``end`` is the last day, else the day's number."""
    return _last_day(year, month) if spec == "end" else date(year, month, int(spec))


def _shift_year(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February in a year without one
        return d.replace(year=d.year + years, day=28)


def _span(m: dict[str, Any], year: int, year2: int | None, g: PeriodGrammar) -> tuple[date, date, str] | None:
    """The first day, last day and type of the period ``m`` (the match's groups) in ``year``."""
    month, month2 = number(m["m"]) if m.get("m") else None, number(m["m2"]) if m.get("m2") else None
    if month is not None and not 1 <= month <= 12 or month2 is not None and not 1 <= month2 <= 12:
        return None
    if m.get("hol"):
        spans = [g.holidays[i].days(year) for i in dict.fromkeys(_holiday_ids(m["hol"], g.words["holiday"]))]
        if not spans or any(s is None for s in spans):
            return None
        return min(s[0] for s in spans), max(s[1] for s in spans), "holiday"
    if m.get("wk"):
        week = number(m["wk"])
        try:
            first = date.fromisocalendar(year, week or 0, 1)
        except ValueError:
            return None
        return first, first + timedelta(days=6), "week"
    if m.get("d2"):
        day, day2 = number(m["d"] or ""), number(m["d2"])
        try:
            first, last = date(year, month, day or 0), date(year2 or year, month2 or month, day2 or 0)
        except (TypeError, ValueError):
            return None
        return (first, last, "days") if first <= last else None
    if month2 is not None:
        first, last = date(year, month, 1), _last_day(year2 or year, month2)
        if first > last:
            return None
        kind = "cumulative_months" if month == 1 and year2 in (None, year) else "months"
        if m.get("mp") and g.words["month_part"][m["mp"]][2] == "point":
            return last, last, "point"
        return first, last, kind
    if m.get("mn"):
        n = number(m["mn"])
        return (date(year, 1, 1), _last_day(year, n), "cumulative_months") if n and 1 <= n <= 12 else None
    if m.get("qn"):
        n = number(m["qn"])
        return (date(year, 1, 1), _last_day(year, 3 * n), "cumulative_months") if n and 1 <= n <= 4 else None
    if m.get("q") or m.get("first"):
        q = number(m["q"]) if m.get("q") else 1
        if not q or not 1 <= q <= 4:
            return None
        first, last = date(year, 3 * q - 2, 1), _last_day(year, 3 * q)
        if m.get("mp"):
            point = first if m["mp"] == "初" else last
            return point, point, "point"
        return first, last, "quarter"
    if m.get("yp"):
        a, b, kind = g.words["year_part"][m["yp"]]
        return date(year, int(a[:2]), int(a[3:])), date(year, int(b[:2]), int(b[3:])), kind
    if month is not None:
        if m.get("d"):
            day = number(m["d"])
            try:
                d = date(year, month, day or 0)
            except ValueError:
                return None
            return d, d, "day"
        if m.get("mp"):
            a, b, kind = g.words["month_part"][m["mp"]]
            return _day(year, a, month), _day(year, b, month), kind
        return date(year, month, 1), _last_day(year, month), "month"
    return date(year, 1, 1), date(year, 12, 31), "year"


def _holiday_ids(text: str, names: dict[str, str]) -> list[str]:
    """The holidays named in ``text`` (中秋节、国庆节), longest words first, in order of writing."""
    found: list[tuple[int, str]] = []
    taken = [False] * len(text)
    for w in sorted(names, key=len, reverse=True):
        start = text.find(w)
        while start >= 0:
            if not any(taken[start:start + len(w)]):
                found.append((start, names[w]))
                taken[start:start + len(w)] = [True] * len(w)
            start = text.find(w, start + 1)
    return [hid for _, hid in sorted(found)]


def _year(m: dict[str, Any], suffix: str, ref: date | None, g: PeriodGrammar) -> int | None | bool:
    """The year written in the match (``y``/``roc``/``ry`` + suffix): an int, None when it cannot be
    known, False when no year is written."""
    y, roc, ry = m.get("y" + suffix), m.get("roc" + suffix), m.get("ry" + suffix)
    if y:
        return number(y)
    yy = m.get("yy" + suffix)
    if yy:  # Macau's year by its last two digits (二三年: 2023), never an ROC year of the 1920s
        n = number(yy)
        return None if n is None else 2000 + n
    if roc:
        n = number(roc)
        if n is None:
            return None
        if n >= 100 or "民国" in m["_text"] or "(" in m["_text"]:
            return 1911 + n
        # a two-digit year is a Republic of China year only where that is a recent year (99年: 2010)
        return 1911 + n if ref is not None and ref.year - 30 <= 1911 + n <= ref.year + 1 else None
    if ry:
        offset = g.words["relative_year"][ry]
        return None if offset is None or ref is None else ref.year + offset
    return False


def _choose_year(span_of, ref: date | None, fallback: int | None, target: bool) -> tuple[date, date, str] | None:
    """The span of a period that writes no year, by the rules of the module docstring."""
    if ref is None:
        return span_of(fallback) if fallback is not None else None
    years = (ref.year - 1, ref.year, ref.year + 1) if target else (ref.year, ref.year - 1)
    for year in years:
        s = span_of(year)
        if s is None:
            return None
        if (s[1] >= ref) if target else (s[1] <= ref + _LATE):
            return s
    return None


def _relative(word: str, ref: date | None, context: Resolved | None, g: PeriodGrammar) -> tuple[date, date, str] | None:
    """上月, 本季度, 上周 ...: a month, quarter or week counted from the statement's own period (a month or a
    day in one, read before it in the document: 较上月 in a release on November is October), else from
    the reference date."""
    unit, offset = g.words["relative_month"].get(word) or g.words["relative_week"][word]
    if unit == "month" and context is not None and context.type in ("month", "point", "day", "ten_days"):
        ref = date.fromisoformat(context.end)
    if ref is None:
        return None
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6), "week"
    size = 3 if unit == "quarter" else 1
    index = (ref.year * 12 + ref.month - 1) // size + offset  # months (or quarters) since year 0
    year, first_month = divmod(index * size, 12)
    return date(year, first_month + 1, 1), _last_day(year, first_month + size), unit


def _resolver_groups(t: str, g: PeriodGrammar) -> dict[str, Any] | None:
    """The groups of the first resolver pattern ``t`` matches whole, or None (memoised on the grammar)."""
    memo = g.resolved
    if t in memo:
        return memo[t]
    return memo.keep(t, next((m.groupdict() for m in (p.fullmatch(t) for _, p in g.resolve) if m is not None), None))


def _read(text: str, ref: date | None, context: Resolved | None, fallback: int | None, target: bool,
          g: PeriodGrammar) -> tuple[Resolved, bool] | None:
    """The resolved period and whether it writes its own year."""
    t = _SPACES.sub("", text)
    groups = _resolver_groups(t, g)
    if groups is None:
        return None
    m: dict[str, Any] = {**groups, "_text": t}
    if m.get("same"):
        return _same_period(m, ref, context, g)
    year = _year(m, "", ref, g)
    if year is None:
        return None
    if m.get("since"):
        if ref is None:
            return None
        first = date(year if year is not False else ref.year, 1, 1)
        return (Resolved(first.isoformat(), ref.isoformat(), "to_date"), year is not False) if first <= ref else None
    if m.get("rm"):
        span = _relative(m["rm"], ref, context, g)
        if span is not None and m.get("mp"):
            point = span[0] if m["mp"] == "初" else span[1]
            span = (point, point, "point")
        written = True
    else:
        year2 = _year(m, "2", ref, g)
        if year2 is None:
            return None
        written = year is not False

        def span_of(y: int) -> tuple[date, date, str] | None:
            return _span(m, y, year2 or None, g)

        span = span_of(year) if written else _choose_year(span_of, ref, fallback, target)
    if span is None:
        return None
    start, end, kind = span
    if m.get("until"):
        start, kind = end, "point"
    return Resolved(start.isoformat(), end.isoformat(), kind), written


def _same_period(m: dict[str, Any], ref: date | None, context: Resolved | None,
                 g: PeriodGrammar) -> tuple[Resolved, bool] | None:
    """同期: the statement's own period (``context``) moved to the year written before 同期: 去年同期 one
    year back, 2022年同期 to 2022; 同期 alone is the period itself (同期,空置单位约有2.6万个)."""
    if context is None:
        return None
    base = date.fromisoformat(context.start).year
    if m.get("ry"):
        shift = g.words["relative_year"][m["ry"]]
        if shift is None:
            return None
    else:
        year = _year(m, "", ref, g)
        if year is None:
            return None
        shift = 0 if year is False else year - base
    start, end = (_shift_year(date.fromisoformat(d), shift) for d in (context.start, context.end))
    return Resolved(start.isoformat(), end.isoformat(), context.type), False


def resolve(period_text: str, reference_date: date | None = None, *, context: Resolved | None = None,
            year: int | None = None, target: bool = False, grammar: PeriodGrammar | None = None) -> Resolved | None:
    """``period_text`` as ``(start, end, type)`` against ``reference_date``, or None when it cannot be known.

    ``context`` is the statement's own period, which ``同期`` shifts to another year; ``year`` is the
    year an earlier period of the document wrote; ``target`` reads a year-less period as one still to come.
    """
    g = grammar or load_periods()
    out = _read(period_text, reference_date, context, year, target, g)
    return out[0] if out else None


def reference_date(value: Any = None, text: str | None = None, grammar: PeriodGrammar | None = None) -> date | None:
    """The date periods are read against: ``value`` (a document's date: a ``date``, ``datetime`` or a
    string such as ``2023-07-15``, ``2023/7/15``, ``2023年7月15日``) when given, else the latest date of
    a release line in ``text`` (``发布时间：2023-07-15``, a line holding only a date), else None.

    Raises ValueError for a value that is not a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value is not None and value != "":
        m = _ISO.match(str(value))
        try:
            if m is None:
                raise ValueError
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise ValueError(f"the document date {value!r} is not a date (write it as YYYY-MM-DD)") from None
    if not text:
        return None
    g = grammar or load_periods()
    found: list[date] = []
    for m in g.release.finditer(text):
        y, mo, d = number(m.group("y")), number(m.group("m")), number(m.group("d"))
        try:
            found.append(date(y or 0, mo or 0, d or 0))
        except ValueError:
            continue
    return max(found, default=None)


def date_events(events: list[dict[str, Any]], reference: date | None,
                grammar: PeriodGrammar | None = None) -> list[dict[str, Any]]:
    """``events`` (contract records, in text order) with ``period_start``, ``period_end`` and
    ``period_type`` after ``period``: each period read against ``reference``, ``同期`` against the
    last period read before it, a year-less period in the year the last one that wrote a year wrote.

    A reading depends on the period's text, the last period read, the last year written and whether the event is a
    target alone (``reference`` is the document's): a document repeats its periods, and each is read once per
    such context."""
    g = grammar or load_periods()
    context: Resolved | None = None
    year: int | None = None
    readings: dict[tuple[str, Resolved | None, int | None, bool], tuple[Resolved, bool] | None] = {}
    out = []
    for event in events:
        period = event.get("period")
        found = None
        if period:
            key = (period, context, year, event.get("kind") == "target")
            found = readings.get(key, _UNREAD)
            if found is _UNREAD:
                found = readings[key] = _read(period, reference, context, year, key[3], g)
        resolved = found[0] if found else None
        if found is not None:
            if found[1]:
                year = int(resolved.end[:4])
            if "同期" not in period:
                context = resolved
        out.append(_dated(event, resolved))
    return out


_UNREAD = object()  # no reading kept for a period in its context (None is a reading)
_DATES = ("period_start", "period_end", "period_type")


def _dated(event: dict[str, Any], resolved: Resolved | None) -> dict[str, Any]:
    """The record with the dates of ``resolved`` right after its ``period`` (any dates it held replaced; none where
    it holds no period): a copy with the keys after ``period`` moved behind them, one dictionary copy and a few key
    moves per record rather than a rebuild key by key."""
    start, end, kind = resolved if resolved is not None else (None, None, None)
    dated = event.copy()
    for key in _DATES:
        dated.pop(key, None)
    if "period" not in dated:
        return dated
    keys = list(dated)
    after = keys[keys.index("period") + 1:]
    for key in after:
        del dated[key]
    dated["period_start"], dated["period_end"], dated["period_type"] = start, end, kind
    for key in after:
        dated[key] = event[key]
    return dated
