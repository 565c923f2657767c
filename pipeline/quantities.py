"""The quantity tagger: numbers with their unit, qualifier and range in normalised text.

``find_quantities`` runs one compiled regex over the text to find candidates
and parses only what it matched (with :func:`zhibiao.numbers.parse_number`),
so it stays far faster than segmentation.  The regex is built once from
``rules/units.yaml`` (units, qualifiers, word lists): adding a unit needs no
code.  Every repetition in it is over a single character class or a
disjoint alternation of single characters, so no input makes it backtrack
catastrophically.

Input is the *normalised* text (:func:`zhibiao.normalize.normalize`), and
offsets point into it; callers map them back with ``Normalized.to_original``.

Decisions the contract leaves open (documented in ``rules/README.md``):

- multiples (``2倍``, ``翻一番``) have unit ``倍`` and label QUANTITY, ``翻两番`` is 4;
- ``千分之三`` / ``3‰`` are 3 with unit ``‰`` (per mille as written); ``X分之Y`` is a FRACTION in per cent;
- vague counts (``数十家``, ``几百万``, ``十几个``) give the magnitude with qualifier ``>``;
- a bare ``一`` with a measure word (``一个``, ``一批``) is an article, not a count;
- time amounts (``3天``) are tagged only after a cue that makes them the measured value;
- ``三成五`` / ``1成3`` are 35 / 13 per cent; ``三四十家`` is the range 30 to 40;
- ``1/3`` is a share only after a share cue or qualifier (``约占1/3``), never a date such as ``6/30``;
- units are reported as written (``千克`` stays 千克, ``标箱`` stays 标箱), as the contract says;
  ``base_value`` makes synonyms comparable.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from fractions import Fraction
from functools import lru_cache
from typing import Any, NamedTuple

from .gcpause import collector_paused
from .list_joiners import LIST_JOINERS
from .numbers import CANTONESE_FRACTION, MAX_LENGTH, fraction_word, parse_number, shared_place
from .units import Lexicon, Unit, load_units

__all__ = ["Quantity", "as_number", "find_quantities"]


class Quantity(NamedTuple):
    """A tagged number: offsets into the normalised text and the exact value.

    A named tuple rather than a frozen dataclass: equally immutable, and four times cheaper to
    build (0.3 against 1.2 microseconds), which counts when news holds a number every 20 characters."""

    start: int
    end: int
    text: str
    value: Fraction
    unit: str
    label: str
    qualifier: str | None = None
    upper: Fraction | None = None
    base_value: Fraction | None = None
    base_unit: str | None = None
    currency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's fields, numbers as float (int when whole)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": as_number(self.value),
            "unit": self.unit,
            "label": self.label,
            "qualifier": self.qualifier,
            "upper": as_number(self.upper),
            "base_value": as_number(self.base_value),
            "base_unit": self.base_unit,
            "currency": self.currency,
        }


def as_number(v: Fraction | None) -> int | float | None:
    """An exact value as a JSON number: an int when whole, else the nearest float."""
    if v is None:
        return None
    # what int() and float() of a Fraction compute, without their generic dispatch (once per number written)
    return v.numerator if v.denominator == 1 else v.numerator / v.denominator


# ----------------------------------------------------------------------------- grammar

_CN_DIGITS = "〇○零一二两三四五六七八九壹贰叁肆伍陆柒捌玖"  # ○ (U+25CB): zero in Taiwan text (七点○六%)
_CN_START = _CN_DIGITS + "十廿卅拾"
#: the spelled digits that number ranks in a list (位列二、三、四位); a list started before them is no new one
_RANK_DIGITS = "一二三四五六七八九十"
_RANK_INSIDE = frozenset("、" + _RANK_DIGITS)
_CN_VALUE = {c: i for i, group in enumerate(["〇○零", "一壹", "二两贰", "三叁", "四肆", "五伍", "六陆", "七柒", "八捌", "九玖"]) for c in group}
#: what a fraction's denominator is written with besides digits and spaces (十万分之, 三点五分之)
_CN_POINTS = "点.‧·・"  # what separates a spelled numeral's decimals
_DENOMINATOR_CHARS = "十廿卅拾佰仟百千万亿兆" + _CN_POINTS
_ARABIC = frozenset("0123456789")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_URLISH = set("/\\_.:#=&?@")
_HAN = re.compile(r"[\u3400-\u9fff]")
_POINT = re.compile(f"[{_CN_POINTS}]")
_OPEN = set("(〔[【（<《")
_CLOSE = set(")〕]】）>》")
_CLAUSE_START = set("\n。;:!?；：！？ \t")
#: prefix qualifiers that before a change verb name a session's largest move, not a bound (最多升3.3%)
_PEAK_WORDS = frozenset({"最多"})


def _first_chars(chars: set[str]) -> str:
    """A character class of digits and ``chars``: the lookahead that lets a scan skip positions where
    none of its branches can start."""
    return rf"[\d{''.join(sorted(re.escape(c) for c in chars))}]"


def _alt(words: list[str] | set[str] | frozenset[str]) -> str:
    """A regex alternation of literal words in which the longest wins, written as a prefix tree
    (``万(?:元|吨)?`` for 万元, 万吨, 万): the engine tries the alternatives one by one, so a tree of the
    282 unit surfaces costs a few comparisons where a flat list costs one per surface.  Among the
    words that match at a position, longer ones are still tried first, as in a longest-first list."""
    tree: dict[str, dict] = {}
    for word in set(words):
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    alts = [re.escape(ch) + _subtree(child) for ch, child in sorted(node.items()) if ch]
    return "|".join(alts)


def _subtree(node: dict[str, dict]) -> str:
    """The regex for what may follow a tree node: its branches, optional when a word ends there."""
    if set(node) == {""}:
        return ""
    body = _branches(node)
    if "" in node:
        return f"(?:{body})?"
    return body if len(node) == 1 and "|" not in body else f"(?:{body})"


class _Grammar:
    """The compiled patterns and lookup tables built from one Lexicon."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.units = lex.units
        self.prefix_quals = lex.qualifiers["prefix"]
        self.suffix_quals = lex.qualifiers["suffix"]
        self.infix_quals = lex.qualifiers["infix"]
        self.prefix_max = max((len(s) for s in self.prefix_quals), default=0)
        words = lex.words

        def tails(kind: str) -> tuple[str, ...]:
            """A word list as a tuple, for ``str.endswith`` (longest first, so the longest wins)."""
            return tuple(sorted(lex.word_set(kind), key=lambda w: (-len(w), w)))

        self.value_words = {**words.get("fraction_word", {}), **words.get("multiple_word", {})}
        self.ordinal_stop = lex.word_set("ordinal_stop")
        self.ordinal_measures = lex.word_set("ordinal_measure")
        self.unit_stop = lex.word_set("unit_stop")
        self.vague_block = lex.word_set("vague_block")
        self.connectors = lex.word_set("connector")
        self.count_after_ge = lex.word_set("count_after_ge")
        self.bare_next = lex.word_set("bare_next")
        self.bare_next_long = tuple(sorted(w for w in self.bare_next if len(w) > 1))  # 上升至: read from the text
        # words read just before a number
        self.prefix_block = tails("prefix_block")
        self.suffix_blocks = tails("suffix_block")
        self.time_cues = tails("time_cue")
        self.age_tails = tails("age_tail")
        self.span_tails = tails("span_tail")
        self.size_classes = tails("size_class")
        self.clock_cues = tails("clock_cue")
        self.share_cues = tails("share_cue")
        self.rank_sets = tails("rank_set")
        self.value_acronyms = tails("value_acronym")
        self.index_cues = tails("index_cue")
        self.note_words = tails("note_word")
        self.category_tails = tails("category_tail")
        self.head_nouns = tails("head_noun")
        self.ratio_cues = tails("ratio_cue")
        self.milestones = tails("milestone")
        self.tenths_glue = tails("tenths_glue")
        self.range_ends = tails("range_end")
        self.unit_words = tails("unit_word")
        self.unit_word_firsts = frozenset(w[0] for w in self.unit_words)
        self.article_measures = lex.word_set("article_measure")
        self.unit_cues: dict[str, tuple[str, ...]] = {}
        for word, entry in words.get("unit_cue", {}).items():
            self.unit_cues[entry.unit] = (*self.unit_cues.get(entry.unit, ()), word)
        self.unit_topics: dict[str, re.Pattern[str]] = {}
        for unit_surface in {e.unit for e in words.get("unit_topic", {}).values()}:
            self.unit_topics[unit_surface] = re.compile(
                _alt({w for w, e in words["unit_topic"].items() if e.unit == unit_surface}))
        self.split_nouns = tails("unit_split_noun")
        self.split_words = tails("unit_split") + self.split_nouns
        self.split_seconds = frozenset(w[1] for w in self.split_words)
        self.bare_blocks = tails("bare_block")
        self.currency_symbols = tails("currency_symbol")
        # names of a currency written in a paragraph (新台币, 澳门元, 人民币) and the currency each names; the bare
        # money unit (元) whose currency they may replace
        names = words.get("currency_name", {})
        self.currency_of_name = {w: self.units[e.unit].currency for w, e in names.items()}
        self.name_units = {w: e.unit for w, e in names.items()}
        # a bare $ and the unit it gives where nothing says which dollar; local_dollar: in traditional script
        self.dollar_unit = self.units[words["currency_symbol"]["$"].unit].canonical if "$" in words.get(
            "currency_symbol", {}) else None
        local = words.get("local_dollar", {})
        self.local_dollar = next(iter(local.values())).unit if local else None
        self.currency_names = re.compile(_alt(set(names))) if names else None
        self.bare_money_unit = "元"
        # the units an amount in that currency is written with, 元 and Taiwan's formal 圆 (十五亿圆)
        bare_currency = self.units[self.bare_money_unit].currency
        self.bare_money_units = frozenset(u.canonical for u in self.units.values()
                                          if u.kind == "currency" and u.currency == bare_currency)
        self.symbol_units = {w: e.unit for w, e in words.get("currency_symbol", {}).items()}
        self.symbol_ends = frozenset(w[-1] for w in self.symbol_units)
        self.spoken_money = {w: e.unit for w, e in words.get("spoken_money", {}).items()}
        self.subunits = words.get("money_subunit", {})
        self.subunit_re = re.compile(
            rf"\s?[又零]?(?P<n>\d{{1,2}}|[{_CN_DIGITS}])\s?(?P<s>{_alt(self.subunits)})") if self.subunits else None
        quals = _alt(self.prefix_quals)
        self.change_verb = re.compile(rf"(?:{_alt(lex.word_set('change_verb'))})了?\s?(?:{quals})?\s?$")
        # what, glued to a Latin unit symbol, makes the amount a value rather than a product grade (_spec)
        self.value_follows = tails("change_verb") + tails("value_follow")
        # a length of stay: 旅客平均逗留时间减少0.1日, and its bracketed value 平均逗留日数(0.2日)
        stay_words = _alt(lex.word_set("stay_word"))
        self.stay_word = re.compile(stay_words)
        self.stay_bracket = re.compile(rf"(?:{stay_words})[^\s()]{{0,2}}\s?\(\s?$")
        self.stay_tail = re.compile(rf"(?:{_alt(lex.word_set('stay_verb'))})$")
        # A magnitude character that starts a unit (千瓦, 万千瓦, 兆瓦) is not a magnitude there.
        def mag(ch: str) -> str:
            rests = [u[1:] for u in self.units if u.startswith(ch) and len(u) > 1]
            return re.escape(ch) + (f"(?!{_alt(rests)})" if rests else "")

        small = "|".join(mag(c) for c in "十百千")
        big = "|".join(mag(c) for c in "万亿兆")
        mag_char = f"(?:{small}|{big})"
        # a Latin O inside a spelled numeral is a zero typed for 〇 (五百O七亿元); it never starts one
        cn_char = f"(?:[{_CN_DIGITS}廿卅拾佰仟]|(?<=[{_CN_DIGITS}十百千])O(?=[{_CN_DIGITS}])|{small}|{big})"
        # 百/千/万/亿/兆 open a number after a qualifier or a magnitude cue (逾千亿, 近兆元, 超过百万平方公尺,
        # 直逼万点: checked in _lone_magnitude), before an infix one (百余家, 千多人), before 亿 (上看千亿美元; not
        # 兆: 千兆 is a gigabit), before a unit and a bound (投资亿元以上项目, 猪价维持百元以上, 单价都在百万元以上)
        # or before a milestone word (超越千万门槛);
        # 百万 alone does not (每百万人口)
        self.magnitude_cues = tails("magnitude_cue")
        lone_after = "".join(sorted({re.escape(w[-1]) for w in (*self.prefix_quals, *self.magnitude_cues)}))
        # a currency named between the cue and an amount of magnitudes only and its unit: 上看新台币兆元
        name_lasts = "".join(sorted({re.escape(w[-1]) for w in self.name_units}))
        bounds = _alt({w for w, q in self.suffix_quals.items() if q in (">=", "<=")})
        milestones = _alt(set(self.milestones))
        unit_words = _alt(set(self.units))
        cn_num = (
            # 兆 written without its one before a positional numeral: 兆一千七百五十九亿 (1兆1759亿, Taiwan papers)
            f"(?:[{_CN_START}]|(?<=[{lone_after}])(?:{small}|{big})|[百千万](?=[余多几亿])|亿(?=[余多几])"
            f"|兆(?=[一二两三四五六七八九][十百千])"
            f"|(?<=[{name_lasts}])(?:{small}|{big})(?=(?:\\s?{mag_char})*\\s?(?:{unit_words}))"
            f"|(?:{small}|{big})(?=(?:\\s?{mag_char})*\\s?(?:(?:{unit_words})?\\s?(?:{bounds})|{milestones})))"
            f"(?:\\s?{cn_char})*"
            # ‧ (U+2027) is Macau's decimal point (十五‧四億元), · and ・ Taiwan papers' (七四三七·三亿美元)
            f"(?:[{_CN_POINTS}]\\s?[{_CN_DIGITS}]+)?"
        )
        # a comma after a grouped number is punctuation (3,718,900,较去年) unless a digit follows it; a space after
        # a number grouped with spaces may stand before its unit (澳门人口的出生数目为 3 241 人), not before a digit
        # 13. 2%, 68 .9%, 171 . 71 万: a space typed next to the decimal point (Taiwan web pages, spaced mainland
        # ones), read as one number only before % or 万/亿, where no list marker or sentence end can stand
        ar = (r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d{1,3}(?: \d{3})+(?:\.\d+)?(?!\d| \d)"
              r"|\d+(?:\.\d+|\s?\.\s?\d+(?=\s?[%万亿]))?)")
        # after a magnitude: 2兆6934亿, 1兆8104.92亿, 1兆1,850.8亿 (a decimal only before another big magnitude,
        # or after a full group of four digits that ends the number: Taiwan's tables write 4萬4,509.05千瓩),
        # 3百56亿零7百39万9千元 (零 marks a skipped place)
        cont = (rf"(?:\s?零?(?:\d,\d{{3}}(?:\.\d+)?|\d{{4}}\.\d+|\d{{1,4}}\.\d+(?=\s?(?:{big}))|\d{{1,4}})(?![\d.]|,\d)(?!\s?[年月日号时])"
                rf"(?:\s?(?:{small}))?(?:\s?(?:{big}))*)")
        ar_mixed = rf"{ar}(?:(?:\s?{mag_char})+{cont}*)?"
        num = f"(?:{ar_mixed}|{cn_num})"
        infix = _alt(self.infix_quals)
        # a unit that is also a digit (两) is read from the number's last character, not scanned
        self.numeral_tails = {s: u for s, u in self.units.items() if u.numeral_tail}
        units = _alt(set(self.units) - set(self.numeral_tails))
        seps = _alt(lex.word_set("range_separator"))
        vague = _alt(lex.word_set("vague_prefix"))
        one = (
            rf"(?P<§n>{num})(?:\s?(?P<§i>{infix}))?(?P<§m>(?:\s?{mag_char})*)"
            rf"(?:\s?\*?(?P<§u>{units}))?"  # 150*家: a footnote mark before the unit
        )
        single = one.replace("§", "a")
        second = one.replace("§", "b")
        value_words = _alt(self.value_words)
        ord_measure = _alt(lex.word_set("ordinal_measure"))
        # after 第N a count word is kept too (第三个加入, 第十部大电影), never after 首 nor in a set of ranks
        ord_kept = _alt(lex.word_set("ordinal_measure") | lex.word_set("ordinal_count"))
        # ranks listed by spelled digit before the ordinal measure they share, ending a phrase (位列二、三、四位,);
        # not 三、四名工人 (a count), nor inside a list, nor after a rank_list_block word (前二、三位: a set of ranks)
        self.rank_list = re.compile(
            rf"[{_RANK_DIGITS}](?:、[{_RANK_DIGITS}])+(?P<m>{ord_measure})(?![\u4e00-\u9fff\d])")
        self.rank_item = re.compile(rf"([{_RANK_DIGITS}])(?:{ord_measure})?")
        # shares listed by spelled digit before the share unit they share (三、四成): the match ends at the last digit
        share_units = _alt({surface for surface, unit in self.units.items() if unit.kind == "fraction"})
        self.share_list = re.compile(rf"[{_RANK_DIGITS}两](?:、[{_RANK_DIGITS}两])+(?=(?:{share_units}))")
        self.rank_list_blocks = tails("rank_list_block")
        first = _alt(lex.word_set("ordinal_first"))
        ord_prefix = _alt(lex.word_set("ordinal_prefix"))
        self.word_re = re.compile(value_words)
        # Every branch below starts with one of these characters.  A leading lookahead on them lets
        # the regex engine reject most positions at once instead of trying each branch (2.5x faster
        # scanning; the test suite checks that matches are the same as without it).
        names = lex.word_set("numeral_name")
        starts = set(_CN_START) | set("百千万亿兆-−负+＋") | {
            w[0] for w in (*self.value_words, *lex.word_set("ordinal_prefix"), *lex.word_set("ordinal_first"),
                           *lex.word_set("vague_prefix"), *names)}
        self.starts = _first_chars(starts)
        self.scan = re.compile(
            rf"(?={self.starts})(?:"
            # a name or slogan written with a count (四个全面) is read whole, so no quantity starts in it
            + (rf"(?P<name>{_alt(names)})|" if names else "(?P<name>(?!))|")
            + rf"(?P<word>{value_words})"
            rf"|(?:{ord_prefix})\s?(?P<on>(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+)[万亿]?|[{_CN_START}]{cn_char}*)(?:\s?(?P<om>{ord_kept}))?"
            rf"|(?:{first})(?P<fm>{ord_measure})"
            rf"|(?<![\d/.])(?P<sl>\d{{1,2}})/(?P<sd>\d{{1,2}})(?![\d/.])"
            # the lookahead fails at once where no 分 ends the run of numerals (nearly everywhere); it is
            # bounded by the longest number the grammar parses, so a long run is not rescanned from each
            # of its characters
            rf"|(?P<fneg>[-−负]\s?)?(?=[\d\s{_CN_DIGITS}{_DENOMINATOR_CHARS}]{{0,{MAX_LENGTH}}}+[分份])"
            rf"(?P<frac>(?:[十百千]万|[百千万]|{cn_num}|\d+)\s?[分份]\s?之\s?(?:{cn_num}|{ar}|百(?![分万亿]))"
            rf"|{_CANTONESE_FRACTION_VALUE})"
            rf"(?:\s?(?P<fsep>{seps})\s?(?P<fhi>(?:[百千万][分份]之)?(?:{cn_num}|{ar})))?"
            rf"|(?P<vg>{vague})(?P<vn>[十百千万亿]+)(?P<vm>(?:\s?{mag_char})*)(?:\s?(?P<vu>{units}))?"
            rf"|(?P<neg>(?:[-−负+＋]|零下)\s?)?{single}(?:\s?(?P<sep>{seps})\s?{second})?"
            rf")"
        )
        self.suffix = re.compile(rf"\s?(?P<s>{_alt(self.suffix_quals)})")
        # 百分之三十二、十五点六及八点一: numbers listed after a 百分之 value share its 百分之 (not after a
        # comma, where a number starts a new clause: 百分之五,二是)
        list_joins = _alt(self.connectors - {","})
        self.shared_fraction = re.compile(
            rf"\s?(?:{list_joins})\s?(?P<n>{cn_num}|{ar})(?!\s?(?:{units}|分之|[十百千万亿点.\d]))")
        # a bare number listed before a date that writes its unit (110及111年, 2、3月的开支, 5、6、7月) or a year
        # before a period word (2020 全年, 2020上半年)
        self.date_list = re.compile(
            rf"(?:\s?(?:{list_joins})\s?\d{{1,4}})+\s?(?:{_alt(lex.word_set('date_unit')) or '(?!)'})")
        self.date_units = tuple(lex.word_set("date_unit"))
        self.year_tail = re.compile(rf"\s?(?:{_alt(lex.word_set('year_tail')) or '(?!)'})")
        # a time amount listed before the number (1.98天、1.04天): the list measures one thing
        time_units = _alt({surface for surface, unit in self.units.items() if unit.kind == "time"})
        self.listed_time = re.compile(rf"\d+(?:\.\d+)?\s?(?:{time_units})\s?(?:{list_joins})\s?$")
        verbs = _alt(lex.word_set("qualifier_verb"))
        self.verb_quals = {w: q for w, q in self.prefix_quals.items() if len(w) == 1}
        self.verb_qual_char = re.compile(_alt(self.verb_quals))
        self.verb_qual_re = re.compile(rf"(?P<q>{_alt(self.verb_quals)})(?:{verbs})[^,。;!?、%\d\s]{{0,10}}$")
        # a qualifier right before the change verb of the number (约增加57.34亿度, 至少上升2.7摄氏度); not 最多, which
        # there names the largest move of a session (白银最多升3.3%), a value rather than a bound
        change_verbs = lex.word_set("change_verb")
        change_quals = _alt({w for w in self.prefix_quals if w not in _PEAK_WORDS})
        self.qualified_change = re.compile(rf"(?P<q>{change_quals})\s?(?:{_alt(change_verbs)})了?\s?$")
        self.change_verb_lasts = frozenset({w[-1] for w in change_verbs} | {"了"})
        self.unit_stop_re = re.compile(_alt(self.unit_stop))
        # unit_verb words (升至, 折合) stop only the unit they begin with, never a unit read before them
        # (由3.5元升至4元, 100亿美元折合人民币700亿元), so they join the long stop words alone
        long_stops = {s for s in self.unit_stop if len(s) > 1} | lex.word_set("unit_verb")
        self.unit_stop_long_re = re.compile(_alt(long_stops))
        # First and last characters of word lists: one set lookup decides the common case (nothing
        # there) before a regex or a tuple of suffixes is tried.
        self.unit_stop_firsts = frozenset(w[0] for w in self.unit_stop)
        self.unit_stop_long_firsts = frozenset(w[0] for w in long_stops)
        self.suffix_firsts = frozenset(w[0] for w in self.suffix_quals)
        self.rank_set_lasts = frozenset(w[-1] for w in self.rank_sets)
        self.coin_firsts = frozenset("又零" + _CN_DIGITS)
        self.ordinal_stop_re = re.compile(_alt(self.ordinal_stop))
        self.ordinal_stop_long_re = re.compile(_alt({s for s in self.ordinal_stop if len(s) > 1}))
        # ranks after 第 that share the measure word written after the last of them: a list (第四和第五位, 第4、5名)
        # or a range (第2至4位, one ORDINAL with its upper rank)
        ord_measures = _alt(self.ordinal_measures)
        self.ordinal_list_measure = re.compile(rf"{_ORDINAL_LIST_TAIL.pattern}\s?(?P<m>{ord_measures})")
        self.ordinal_range = re.compile(
            rf"\s?(?:{_alt(lex.word_set('range_separator'))})\s?第?(?P<hi>\d{{1,3}}|[{_RANK_DIGITS}]{{1,3}})"
            rf"\s?(?P<m>{ord_measures})")
        self.prefix_initials = frozenset(w[-1] for w in self.prefix_quals)
        self.unit_re = re.compile(units)
        # an amount of money right before a position: a price, so 一斤 after it is the quantity priced (70元一斤)
        money = _alt({u for u, unit in self.units.items() if unit.kind == "currency"})
        self.money_before = re.compile(rf"[\d{_CN_START}百千万亿]\s?(?:{money})\s?$")
        # ... and an amount right after one (一公斤54.2元, 1公斤91.2元, 一公顷5.0吨, 一公顷为30万元): the unit the amount
        # is per, the one counts nothing
        self.amount_after = re.compile(
            rf"\s?[为為]?\s?[\d{_CN_START}][\d.,{_CN_START}{_CN_POINTS}百千万亿]{{0,12}}\s?(?:{unit_words})")
        self.connector_re = re.compile(rf"\s?(?:{_alt(self.connectors)})\s?$")
        # amounts with their units listed with a slash (新型储能装机规模达3139万千瓦/6687万千瓦时, 1.5GW/3GWh: the
        # power and the energy of storage): the amount that ends before the slash, and the one that starts after it
        self.unit_before_slash = re.compile(rf"[\d{_CN_START}百千万亿兆]\s?(?:{units})$")
        self.amount_after_slash = re.compile(rf"(?P<n>\d[\d.,]*(?:\s?[万亿兆])*)\s?(?:{units})")
        # a share written as one character (半) after its qualifier, ending the phrase or before a share_tail
        # word (跌近半, 逾半的企业); not where qualifier and share make a fraction word of their own (过半)
        self.share_tails = tails("share_tail")
        self.lone_fractions = {w: Fraction(repr(e.value)) if isinstance(e.value, float) else Fraction(e.value)
                               for w, e in words.get("lone_fraction", {}).items()}
        self.lone_fraction_re = re.compile(
            rf"(?:{_alt(self.lone_fractions)})(?=(?:{_alt(self.share_tails) or '(?!)'})|[,，。;；、!?！？)）\s]|$)"
        ) if self.lone_fractions else None
        self.lone_fraction_words = {
            s: tuple(w[: -len(s)] for w in self.value_words if w.endswith(s) and w != s) for s in self.lone_fractions}


@lru_cache(maxsize=8)
@collector_paused()
def _grammar(path: str | None = None) -> _Grammar:
    return _Grammar(load_units(path))


# ----------------------------------------------------------------------------- tagging

#: a proportion of three or more parts with a decimal in it (3.6:47.9:48.5); times (04:44:00) have none
_RATIO = re.compile(r"\d+(?:\.\d+)?(?:[:：]\d+(?:\.\d+)?){2,}(?![\d:：])")
_RATIO_PART = re.compile(r"\d+(?:\.\d+)?")
#: what every ratio read below opens with: a number and the sign between its terms (_PAIR_RATIO, _RATIO, _TWO_PARTS,
#: _BI_TERMS each begin so)
_RATIO_LIKE = re.compile(r"\d+(?:\.\d+)?[:：比]")
#: a ratio to one or to a hundred after a ratio word (生师比18.38:1, 性别比为105.2:100)
_PAIR_RATIO = re.compile(r"(\d+(?:\.\d+)?)[:：](?:1|100)(?![\d:：.])")


@collector_paused()
def find_quantities(text: str, units_path: str | None = None, traditional: bool = False) -> list[Quantity]:
    """All quantities in normalised ``text``, in order, with offsets into it; ``traditional``: the original was
    written in traditional script, where a bare ``$`` is the local dollar (local_dollar).  The quantities
    made form no cycles: the collector is paused (``gcpause``)."""
    g = _grammar(units_path)
    out: list[Quantity] = []
    units_of: list[Unit | None] = []
    pos = 0
    n = len(text)
    search = g.scan.search
    while pos < n:
        m = search(text, pos)
        if m is None:
            break
        ranks = g.rank_list.match(text, m.start()) if text[m.start()] in _CN_VALUE else None
        if ranks is not None and text[m.start() - 1 : m.start()] not in _RANK_INSIDE \
                and not text.endswith(g.rank_list_blocks, 0, m.start()):
            # 位列二、三、四位, 行业二、三名: ranks listed by number share the measure word that ends the list
            measure = ranks.group("m")
            for item in g.rank_item.finditer(text, ranks.start(), ranks.end("m")):
                q, unit = _make(g, text, item.start(), item.end(), Fraction(_CN_VALUE[item.group(1)]), None,
                                "ORDINAL", unit_name=measure)
                out.append(q)
                units_of.append(unit)
            pos = ranks.end("m")
            continue
        listed = _share_list(g, text, m.start()) if ranks is None and text[m.start()] in _CN_VALUE else None
        if listed is not None:  # 三、四成: spelled shares listed before the 成 they share
            out += [q for q, _ in listed]
            units_of += [u for _, u in listed]
            pos = listed[-1][0].end
            continue
        # (a ratio's first term is followed by : or 比: most numbers are not, and skip the three ratio readings)
        ratio_like = _RATIO_LIKE.match(text, m.start()) is not None
        pair = _PAIR_RATIO.match(text, m.start()) if ratio_like and _ratio_cued(g, text, m.start()) else None
        if pair is not None:  # 生师比18.38:1, 性别比为105.2:100: the value is the first term
            q, unit = _make(g, text, pair.start(), pair.end(), parse_number(pair.group(1)), None, "CARDINAL")
            out.append(q)
            units_of.append(unit)
            pos = pair.end()
            continue
        terms = _ratio_terms(g, text, m.start()) if ratio_like else None
        if terms is not None:  # 占比约6:4: a ratio of two parts, each a number
            out += terms
            units_of += [None] * len(terms)
            pos = terms[-1].end
            continue
        ratio = _RATIO.match(text, m.start()) if ratio_like and (m.start() == 0 or not text[m.start() - 1].isdigit()) \
            else None
        if ratio is not None and "." in ratio.group():  # 三次产业结构为3.6:47.9:48.5: each part is a number
            for part in _RATIO_PART.finditer(text, ratio.start(), ratio.end()):
                q, unit = _make(g, text, part.start(), part.end(), parse_number(part.group()), None, "CARDINAL")
                out.append(q)
                units_of.append(unit)
            pos = ratio.end()
            continue
        result = _read(g, text, m)
        if result is None:
            pos = m.end() if m.end() > m.start() else m.start() + 1
            if m.group("sep") is not None and m.group("au") is not None and _unit_stopped(g, text, m.end("au")):
                pos = m.start("sep")  # 两升至三: the "unit" is a verb, the number after it is read on its own
            continue
        q, unit = result
        out.append(q)
        units_of.append(unit)
        if q.upper is None and q.end < m.end() and (m.group("sep") or m.group("fsep")) is not None:
            pos = q.end  # not a range (增加4,600人至155,600人): the second number is read on its own
        else:
            pos = max(q.end, m.end())
        if q.label == "PERCENT" and q.upper is None and m.group("frac") is not None and q.unit in ("%", "‰"):
            shared = _shared_fraction(g, text, q)
            out += shared
            units_of += [None] * len(shared)
            pos = max([pos] + [s.end for s in shared])
    halves = [q for h in g.lone_fraction_re.finditer(text) if (q := _lone_fraction(g, text, h)) is not None] \
        if g.lone_fraction_re is not None else []
    if halves:  # 跌近半: a half after its qualifier, ending the phrase
        merged = sorted(zip(out + halves, units_of + [None] * len(halves)), key=lambda pair: pair[0].start)
        out, units_of = [q for q, _ in merged], [u for _, u in merged]
    if "《" in text and out:  # 《封神第一部》: a number written inside a title is part of the title
        kept = [(q, u) for q, u in zip(out, units_of) if not _in_title(text, q.start, q.end)]
        out, units_of = [q for q, _ in kept], [u for _, u in kept]
    if out and any(c in _NAME_OPENS for c in text):  # "中部外贸第一省", “第二增长曲线”: a number in a quoted name
        # (no name is written with per cent: 目标为“5%左右” quotes a value)
        kept = [(q, u) for q, u in zip(out, units_of) if q.label == "PERCENT" or not _in_quoted_name(text, q.start, q.end)]
        out, units_of = [q for q, _ in kept], [u for _, u in kept]
    if len(out) > 1:
        _share_units(g, text, out, units_of)
    if g.currency_names is not None and any(q.unit in g.bare_money_units or _bare_dollar(g, text, q) for q in out):
        out = _paragraph_currency(g, text, out, traditional)
    return out


#: how far a title's marks are looked for around a number (《2023年国民经济和社会发展统计公报》)
_TITLE_REACH = 40


def _in_title(text: str, start: int, end: int) -> bool:
    """Whether a span lies between 《 and 》: a book, film or document title names something, it measures nothing."""
    opened = text.rfind("《", max(0, start - _TITLE_REACH), start)
    if opened < 0 or text.find("》", opened, start) >= 0:
        return False
    closed = text.find("》", end, end + _TITLE_REACH)
    return closed >= 0 and text.find("《", end, closed) < 0


#: quotes that open and close a name (〝 〞: the double prime quotes of some mainland releases; " both ways)
_NAME_OPENS = frozenset("“「『〝\"")
_NAME_CLOSES = frozenset("”」』〞〟\"")
#: the longest quoted phrase read as a name: the design gold files tag no number in 84 quoted phrases of up to
#: 8 characters (“十四五”, “3000亿元俱乐部”, "17 条 ") and report one in an 11-character clause (「认购度数达1,000万度」)
_QUOTED_NAME_REACH = 8
_QUOTE_STOPS = frozenset(",，。;；:：!?！？\n")


def _in_quoted_name(text: str, start: int, end: int) -> bool:
    """Whether a span lies inside a short quoted phrase: a slogan, a plan or a title of honour (“第二增长曲线”,
    “十五〞期末, 制定"17 条 "举措) names something with its number, it reports no value."""
    i = start - 1
    while i >= 0 and start - i <= _QUOTED_NAME_REACH and text[i] not in _NAME_OPENS:
        if text[i] in _QUOTE_STOPS or text[i] in _NAME_CLOSES:
            return False
        i -= 1
    if i < 0 or text[i] not in _NAME_OPENS:
        return False
    j = end
    while j < len(text) and j - i - 1 <= _QUOTED_NAME_REACH and text[j] not in _NAME_CLOSES:
        if text[j] in _QUOTE_STOPS or text[j] in _NAME_OPENS:
            return False
        j += 1
    return j < len(text) and text[j] in _NAME_CLOSES and j - i - 1 <= _QUOTED_NAME_REACH


def _share_list(g: _Grammar, text: str, start: int) -> list[tuple[Quantity, Unit | None]] | None:
    """Spelled digits listed with 、 before the share unit the last one takes (三、四成, 两、三成): each is a share in
    that unit, as 1、2成 is; None unless the last item reads as a share (三、四成员 is no list of shares)."""
    m = g.share_list.match(text, start)
    if m is None or text[start - 1 : start] in _RANK_INSIDE:
        return None
    last = _reread(g, text, m.end() - 1)
    if last is None or last[0].start != m.end() - 1 or last[0].label != "FRACTION":
        return None
    qualifier = _prefix_qualifier(g, text, start)
    items = [_make(g, text, i, i + 1, Fraction(_CN_VALUE[text[i]]), last[1], qualifier=qualifier)
             for i in range(start, m.end() - 1, 2)]
    q, unit = last
    return [*items, (q if q.qualifier or not qualifier else q._replace(qualifier=qualifier), unit)]


_NEWLINE = re.compile("\n")
#: what a ratio reaches after its word, earlier in the clause (猪粮比价进一步回落至6.74:1)
_RATIO_REACH = ("至", "到", "为")


#: a ratio noun ending in 比 earlier in the clause (城乡收入比由同期1.57:1下降至1.53:1, 城乡居民收入比缩小至2.0:1);
#: not 比 opening a comparison (比上年, 比2019年, 较上年同期比), a match's score (决赛比分3:1) or an example (比如)
_RATIO_NOUN = re.compile(r"[\u4e00-\u9fff]比(?![上去前较同分赛如\d])[^,，。;；!?！？]*$")


def _ratio_cued(g: _Grammar, text: str, start: int) -> bool:
    """A ratio word right before the number (生师比18.38:1) or, a word of two characters or more (比价, 比例为),
    earlier in its clause when a verb reaches the ratio (猪粮比价进一步回落至6.74:1), or a noun ending in 比 earlier
    in its clause (城乡收入比由同期1.57:1下降至1.53:1: county bulletins compare the two incomes so);
    比 alone starts too many comparisons (比上年) to be read from afar."""
    if text.endswith(g.ratio_cues, 0, start):
        return True
    clause = text[_after_last(text, ",，。;；!?！？", max(0, start - 30), start) : start]
    if _RATIO_NOUN.search(clause):
        return True
    if not text.endswith(_RATIO_REACH, 0, start):
        return False
    return any(cue in clause for cue in g.ratio_cues if len(cue) > 1)


#: two parts of a whole (6:4), neither of them the one or hundred a ratio is normalised to (生师比18.38:1)
_TWO_PARTS = re.compile(r"(\d+(?:\.\d+)?)[:：](\d+(?:\.\d+)?)(?![\d:：.])")
#: a ratio written with 比 between its terms (10比1, 美元兑新台币1比30.6元): the first term, the second read on its own
_BI_TERMS = re.compile(r"(\d+(?:\.\d+)?)比(?P<second>\d+(?:\.\d+)?)")


def _ratio_terms(g: _Grammar, text: str, start: int) -> list[Quantity] | None:
    """``占比约6:4``, ``比例为3:2``: after a ratio word (a prefix qualifier between) two parts split a whole, and each
    is a number with that qualifier, as the gold files read them; ``10比1`` writes the ratio in its sign, so its first
    term is a number without a ratio word before it.  None where no such ratio starts."""
    if (m := _BI_TERMS.match(text, start)) is not None:
        if start and (text[start - 1].isdigit() or text[start - 1] == ".") or text.startswith(g.date_units, m.end()):
            return None  # 2023比2022年: a year compared with a year
        qualifier = _prefix_qualifier(g, text, start)
        return [_make(g, text, m.start(1), m.end(1), parse_number(m.group(1)), None, "CARDINAL", qualifier)[0]]
    m = _TWO_PARTS.match(text, start)
    if m is None:
        return None
    qualifier = _prefix_qualifier(g, text, start)
    at = start - _qualifier_length(g, text, start, start) if qualifier is not None else start
    if not _ratio_cued(g, text, at):
        return None
    return [_make(g, text, m.start(i), m.end(i), parse_number(m.group(i)), None, "CARDINAL", qualifier)[0]
            for i in (1, 2)]


def _after_last(text: str, marks: str, low: int, start: int) -> int:
    """Where the text after the last of ``marks`` between ``low`` and ``start`` begins, ``low`` where none stands
    there: the start of the sentence or clause a cue before a number is looked for in."""
    cut = max(text.rfind(c, low, start) for c in marks)
    return cut + 1 if cut >= 0 else low


def _paragraph_currency(g: _Grammar, text: str, out: list[Quantity], traditional: bool = False) -> list[Quantity]:
    """Bare amounts in 元 of a paragraph that names one currency only, and not the 元's own (人民币), are in that
    currency: Macau and Hong Kong releases name it once (澳门元, 港元) and write 元 after; 元 alone stays CNY.
    A bare ``$`` is the dollar such a paragraph names (港币$500, 澳门元$5,000), else in traditional script the
    local dollar (保费总额为$4,409亿: 港元), else the US dollar."""
    breaks = [m.start() for m in _NEWLINE.finditer(text)]  # a position's paragraph: the breaks before it (linear)
    found: dict[int, set[str]] = {}  # paragraph -> names of currencies written in it
    for m in g.currency_names.finditer(text):
        found.setdefault(bisect_left(breaks, m.start()), set()).add(m.group())
    bare = g.units[g.bare_money_unit].currency
    result = []
    for q in out:
        names = found.get(bisect_left(breaks, q.start), set())
        named = {g.currency_of_name[n] for n in names}
        if q.unit in g.bare_money_units:
            if len(named) == 1 and bare not in named:
                q = q._replace(currency=next(iter(named)))
        elif _bare_dollar(g, text, q):
            dollar = g.units[g.name_units[next(iter(names))]] if len(named) == 1 and bare not in named else \
                g.units[g.local_dollar] if traditional and not named and g.local_dollar else None
            if dollar is not None and dollar.kind == "currency":
                q = q._replace(unit=dollar.canonical, currency=dollar.currency)
        result.append(q)
    return result


def _bare_dollar(g: _Grammar, text: str, q: Quantity) -> bool:
    """Whether an amount is written with a bare ``$`` (not US$, HK$ ...: those name their currency)."""
    return text.startswith("$", q.start) and q.unit == g.dollar_unit


def _lone_fraction(g: _Grammar, text: str, m: re.Match) -> Quantity | None:
    """A lone_fraction word (``半``, 50 %) as a share when a prefix qualifier is written right before it
    (近半, 逾半, 约半); 近半年 and 过半数 are words (the pattern's lookahead rules out the first)."""
    start, word = m.start(), m.group()
    qualifier = _prefix_qualifier(g, text, start)
    if qualifier is None or text.endswith(g.lone_fraction_words[word], 0, start):
        return None  # 过半 is a fraction word of its own
    return _make(g, text, start, m.end(), g.lone_fractions[word], None, "FRACTION", qualifier, unit_name="%")[0]


def _read(g: _Grammar, text: str, m: re.Match) -> tuple[Quantity, Unit | None] | None:
    """Turn one scanner match into a quantity, or None when its context says it is not one."""
    if m.group("an") is not None:
        return _read_number(g, text, m)  # the branches are exclusive; this one is most matches
    name, word, on, fm, sl, frac = m.group("name", "word", "on", "fm", "sl", "frac")
    if name is not None:
        return None
    if word is not None:
        return _read_word(g, text, m)
    if on is not None or fm is not None:
        return _read_ordinal(g, text, m)
    if sl is not None:
        return _read_slash(g, text, m)
    if frac is not None:
        return _read_fraction(g, text, m)
    return _read_vague(g, text, m)


def _prefix_qualifier(g: _Grammar, text: str, start: int) -> str | None:
    """The qualifier written just before ``start`` (one space allowed), if any."""
    end = start - 1 if start > 0 and text[start - 1] == " " else start
    if end == 0 or text[end - 1] not in g.prefix_initials:
        return None  # the common case, decided by one character
    length = _qualifier_length(g, text, end, end)
    if not length or text.endswith(g.prefix_block, 0, end):
        return None
    return g.prefix_quals[text[end - length : end]]


def _qualifier_length(g: _Grammar, text: str, end: int, room: int) -> int:
    """The length of the longest prefix qualifier (约, 超过, 未满) ending at ``end`` and at most ``room``
    characters long; 0 when none ends there."""
    for length in range(min(g.prefix_max, room), 0, -1):
        if text[end - length : end] in g.prefix_quals:
            return length
    return 0


def _verb_qualifier(g: _Grammar, text: str, start: int) -> str | None:
    """A qualifier on the verb before the number: 约占全国的6% (about), 约增加57.34亿度 (about), 至少上升2.7摄氏度 (>=)."""
    low = max(0, start - 14)
    at = start - 1 if text[start - 1 : start] == " " else start
    m = g.qualified_change.search(text, low, start) if text[at - 1 : at] in g.change_verb_lasts else None
    if m is None:
        if g.verb_qual_char.search(text, low, start) is None:
            return None
        m = g.verb_qual_re.search(text, low, start)
    if m is None or text.endswith(g.prefix_block, 0, m.end("q")):
        return None  # 合约占3,447份: 约 ends the word 合约, it qualifies nothing
    return g.prefix_quals[m.group("q")]


def _suffix_qualifier(g: _Grammar, text: str, end: int, kind: str | None) -> str | None:
    """The qualifier written just after ``end`` (30%左右); ``kind`` is that of the unit before it, for
    suffixes that qualify only some units (两成多, 1倍多, but not 一个多月)."""
    nxt = text[end : end + 1]
    if nxt not in g.suffix_firsts and not nxt.isspace():
        return None
    m = g.suffix.match(text, end)
    if m is None:
        return None
    word = m.group("s")
    if text.startswith(g.suffix_blocks, m.start("s")):
        return None  # 上下游: a word, not the qualifier 上下
    after = g.lex.suffix_after.get(word)
    if after is not None and kind not in after:
        return None
    return g.suffix_quals[word]


def _percent_slash(text: str, i: int) -> bool:
    """Whether the ``/`` at ``i`` separates listed values: after a per cent (78.7%/87.4%, 7.4pct/5.2pct) or
    between two decimal numbers (435.57/70.22 亿元), as analysts list several items' values; a slash
    between whole numbers stays a date, code or fraction (2025/6/21, 1/5) and one before 10万 a rate."""
    if text[i : i + 1] != "/":
        return False
    if text[i - 1 : i] in "%‰" and i > 0 or text.endswith("pct", 0, i):
        return True
    return _DECIMAL_END.search(text, max(0, i - 12), i) is not None and _DECIMAL_START.match(text, i + 1) is not None


def _amounts_slash(g: _Grammar, text: str, i: int) -> bool:
    """Whether the ``/`` at ``i`` lists two amounts with their units (3139万千瓦/6687万千瓦时): a unit read after a
    number ends before it and a number with its unit starts after it; not a rate per a power of ten
    (5.2人/10万人), where the slash writes "per"."""
    if text[i : i + 1] != "/" or g.unit_before_slash.search(text, max(0, i - _SLASH_REACH), i) is None:
        return False
    after = g.amount_after_slash.match(text, i + 1)
    if after is None:
        return False
    try:
        value = parse_number(after.group("n"))
    except ValueError:
        return False
    return not (value.denominator == 1 and str(value.numerator).rstrip("0") == "1")


#: how far back the unit before a slash is looked for (万千瓦时, the longest units written in news)
_SLASH_REACH = 8


#: a decimal number ending or starting at a slash (435.57/70.22)
_DECIMAL_END = re.compile(r"(?<![\d.])\d+\.\d+$")
_DECIMAL_START = re.compile(r"\d+\.\d+(?![\d.])")


def _bad_context(g: _Grammar, text: str, start: int, end: int) -> bool:
    """Identifiers, URLs and versions: a letter or URL character glued to the number (C919, R18);
    but not an indicator's acronym written right before its value (人均GDP8.9万元)."""
    if start > 0:
        prev = text[start - 1]
        # a colon after a Chinese word labels the value (二零二一年：4.26港仙, 比率：4.26%); width folding
        # has made it an ASCII colon, which otherwise glues a number into a time, ratio or address
        labelled = prev == ":" and start > 1 and (_HAN.match(text[start - 2]) is not None or text[start - 2] in _CLOSE)
        if (prev in _URLISH and not labelled and not _percent_slash(text, start - 1)
                and not _amounts_slash(g, text, start - 1)) or (
                prev in _LETTERS and not _after_acronym(g, text, start)
                                                   and _DECIMAL_MAGNITUDE.match(text, start) is None):
            return True  # but no code is written with a decimal amount in 万 (林口三井Outlet976.6萬人次)
        if prev == "-" and start > 1 and text[start - 2] in _LETTERS:
            return True  # COVID-19, GB/T-2017: a code's number
        if prev in _PLAIN_DIGITS and text[start].isdigit():
            return True  # 二六八0億: an Arabic zero typed for ○ inside a spelled number, whose tail alone is no value
    if end < len(text):
        nxt = text[end]
        last = text[end - 1]
        if nxt in _LETTERS and not (_HAN.match(last) and last not in _CN_START and last not in "百千万亿兆佰仟"):
            return True  # C919, 5G; but after a measure word a letter starts the next word (14家H股)
        if nxt in "._-:/" and end + 1 < len(text) and (text[end + 1].isdigit() or text[end + 1] in _LETTERS) \
                and not (nxt == ":" and _HAN.match(last)) and not _percent_slash(text, end) \
                and not _amounts_slash(g, text, end):
            return True  # but 分为五组:2024年…: a colon after a measure word is punctuation
    return False


#: the digits a number is spelled with digit by digit (not the capitals: 陆 also ends 大陆)
_PLAIN_DIGITS = frozenset("〇○零一二三四五六七八九")
_MAGNITUDE_CHARS = frozenset("万亿兆")
_DECIMAL_MAGNITUDE = re.compile(r"\d+\.\d+\s?[万亿]")


def _after_acronym(g: _Grammar, text: str, start: int) -> bool:
    for word in g.value_acronyms:
        if text.endswith(word, 0, start):
            before = start - len(word) - 1
            return before < 0 or text[before] not in _LETTERS
    return False


def _make(g: _Grammar, text: str, start: int, end: int, value: Fraction, unit: Unit | None,
          label: str | None = None, qualifier: str | None = None, upper: Fraction | None = None,
          unit_name: str | None = None) -> tuple[Quantity, Unit | None]:
    base_value = base_unit = currency = None
    if unit is not None:
        if unit.scale != 1:
            value = value * unit.scale
            if upper is not None:
                upper = upper * unit.scale
        if unit.factor is not None:
            base_value, base_unit = value * unit.factor, unit.base_unit
        currency = unit.currency
        label = label or unit.label
        unit_name = unit.canonical if unit_name is None else unit_name
    q = Quantity(start, end, text[start:end], value, unit_name or "", label or "CARDINAL", qualifier,
                 upper, base_value, base_unit, currency)
    return q, unit


def _read_word(g: _Grammar, text: str, m: re.Match) -> tuple[Quantity, Unit | None] | None:
    start, end = m.span("word")
    shifted = g.word_re.match(text, start + 1)
    if shifted is not None and shifted.end() > end:
        start, end = shifted.span()  # 超过半数: the word is 半数, 超过 its qualifier
    entry = g.value_words[text[start:end]]
    if entry.unit and (longer := g.unit_re.match(text, end - len(entry.unit))) is not None and longer.end() > end:
        return None  # 半厘米: the word's unit starts a longer one, half a centimetre is no step of a rate
    kind = "fraction" if entry.kind == "fraction_word" else "multiple"
    qualifier = (entry.qualifier or _prefix_qualifier(g, text, start) or _suffix_qualifier(g, text, end, kind)
                 or _verb_qualifier(g, text, start))
    value = Fraction(entry.value) if not isinstance(entry.value, float) else Fraction(repr(entry.value))
    if entry.kind == "fraction_word":
        return _make(g, text, start, end, value, None, "FRACTION", qualifier, unit_name="%")
    unit = g.units.get(entry.unit or "倍")  # 半厘 is a per cent of interest, as 厘 is; 翻一番 and 半码 are counts
    return _make(g, text, start, end, value, None, unit.label if unit else "QUANTITY", qualifier,
                 unit_name=entry.unit or "倍")


_ORDINAL_LIST_TAIL = re.compile(r"(?:\s*[" + LIST_JOINERS + r"]\s*第?[一二三四五六七八九十\d]{1,3})+")


def _read_ordinal(g: _Grammar, text: str, m: re.Match) -> tuple[Quantity, Unit | None] | None:
    start = m.start()
    if m.group("fm") is not None:
        if _unit_stopped(g, text, m.end()):
            return None
        return _make(g, text, start, m.end(), Fraction(1), None, "ORDINAL", unit_name=m.group("fm"))
    measure = m.group("om")
    num_end = m.end("on")
    after = num_end + 1 if text[num_end : num_end + 1] == " " else num_end
    if g.ordinal_stop_re.match(text, after):
        return None  # 第九个月, 第一部分: a stop read over the measure, a period or a name
    if measure is None and (lm := _ORDINAL_LIST_TAIL.match(text, after)) and g.ordinal_stop_re.match(text, lm.end()):
        return None  # 第一、二、三产业: the ordinal opens a list of names, as 第一产业 is one
    if measure is not None and g.ordinal_stop_long_re.match(text, m.end()):
        return None
    try:
        value = parse_number(m.group("on"))
    except ValueError:
        return None
    if _bad_context(g, text, start, m.end()):
        return None
    end, upper = m.end(), None
    if measure is None and (shared := g.ordinal_range.match(text, after)) and parse_number(shared.group("hi")) > value:
        measure, end, upper = shared.group("m"), shared.end(), parse_number(shared.group("hi"))
    elif measure is None and (shared := g.ordinal_list_measure.match(text, after)):
        measure = shared.group("m")  # 第四和第五位: the first rank keeps its text and takes the measure
    return _make(g, text, start, end, value, None, "ORDINAL", upper=upper, unit_name=measure or "")


def _read_fraction(g: _Grammar, text: str, m: re.Match) -> tuple[Quantity, Unit | None] | None:
    start, end = m.span("frac")
    s = _fraction_text(m)
    denominator, _, numerator = s.partition("分之")
    if denominator[0] == "陆" and start > 0 and _HAN.match(text[start - 1]):
        return _reread(g, text, start + 1)  # 大陆百分之五: 陆 ends the word 大陆, it is no six
    if "之" not in m.group("frac") and _CN_VALUE[numerator] >= _CN_VALUE[denominator]:
        return _reread(g, text, start + 1)  # 三分四: no fraction said without 之 is a whole or more
    pair = _adjacent_digits(numerator)
    try:
        value = parse_number(s if pair is None else f"{denominator}分之{pair[0]}")
        upper = None if pair is None else parse_number(f"{denominator}分之{pair[1]}")
    except ValueError:
        return None
    label = "PERCENT" if denominator in _POWER_DENOMINATORS else "FRACTION"
    if upper is None and label == "PERCENT":
        upper = _fraction_upper(g, text, m, value)
        if upper is not None:
            end = m.end()
    if m.group("fneg") is not None:
        start, value = m.start(), -value
    infix = None
    if upper is None and numerator[-1] in "十百千" and text[end : end + 1] in g.infix_quals:
        infix = g.infix_quals[text[end]]  # 百分之三十几: the vague digit is the number's, as in 三十几家
        end += 1
    qualifier = (_prefix_qualifier(g, text, start) or infix or _suffix_qualifier(g, text, end, "fraction")
                 or _verb_qualifier(g, text, start))
    if label == "FRACTION" and upper is None and (of_unit := _fraction_of_unit(g, text, start, end)) is not None:
        unit, end = of_unit  # 減息四分一厘: a quarter of one 厘, not a quarter of something
        return _make(g, text, start, end, value / 100, unit, None, qualifier)
    if denominator == "千":  # 千分之三 is 3 ‰, as ‰ is written (the gold convention), not 0.3 %
        return _make(g, text, start, end, value * 10, None, label, qualifier,
                     None if upper is None else upper * 10, unit_name="‰")
    return _make(g, text, start, end, value, None, label, qualifier, upper, unit_name="%")


def _fraction_of_unit(g: _Grammar, text: str, start: int, end: int) -> tuple[Unit, int] | None:
    """The per-cent unit a fraction is written before (減息四分一厘, 下調三分之一個百分點: a share of one 厘, of one
    percentage point) and where it ends; None for any other word, and for a cued unit away from its cue."""
    u = g.unit_re.match(text, end)
    if u is None:
        return None
    unit = g.units[u.group()]
    if unit.kind != "percent" or unit.canonical == "%" or unit.cued and not _unit_cued(g, text, start, None, unit, False):
        return None
    return unit, u.end()


def _fraction_text(m: re.Match) -> str:
    """The fraction matched, spaces out and 份之 read as 分之: Hong Kong papers write 百份之五 and 三份之一
    for the per cent and the third, as the number grammar reads them."""
    return fraction_word(m.group("frac").replace(" ", ""))


def _read_slash(g: _Grammar, text: str, m: re.Match) -> tuple[Quantity, Unit | None] | None:
    """``1/3`` is a share only where the sentence says so (约占1/3, 超过1/4, 1/3的企业); elsewhere a slash
    between small numbers is a date (6/30) or a list."""
    start, end = m.span()
    a, b = int(m.group("sl")), int(m.group("sd"))
    if not 0 < a < b <= 10:
        return None
    qualifier = _prefix_qualifier(g, text, start) or _verb_qualifier(g, text, start)
    suffix = _suffix_qualifier(g, text, end, "fraction")
    if qualifier is None and suffix is None and not text.endswith(g.share_cues, 0, start) \
            and not text.startswith(g.share_tails, end) and not _share_verb_before(text, start):
        return None
    return _make(g, text, start, end, Fraction(100 * a, b), None, "FRACTION", qualifier or suffix, unit_name="%")


#: how far back in its clause the verb of a share is looked for (占全国总数2/3)
_SHARE_REACH = 12


def _share_verb_before(text: str, start: int) -> bool:
    """占 earlier in the clause, before the noun of the whole (占全国总数2/3): the slash writes the share taken."""
    low = _after_last(text, ",，。;；!?！？、", max(0, start - _SHARE_REACH), start)
    return text.find("占", low, start) >= 0


#: a fraction said without 之 (四分一, 三分二: Hong Kong papers) where it is a value: not followed by more of a numeral,
#: nor a time (三分一秒), a quarter century (四分一世纪) or a round of a tournament (四分一决赛)
_CANTONESE_FRACTION_VALUE = CANTONESE_FRACTION + r"(?![\d〇○零一二两三四五六七八九十百千万亿点.之]|秒|世纪|决赛)"
#: the denominators of per cent and its relatives (百分之, 千分之, 百万分之): a PERCENT, not a FRACTION
_POWER_DENOMINATORS = frozenset({"百", "千", "万", "十万", "百万", "千万"})


def _reread(g: _Grammar, text: str, pos: int) -> tuple[Quantity, Unit | None] | None:
    """The quantity the scanner finds from ``pos`` when the match before it turned out to be a word."""
    m = g.scan.search(text, pos)
    return _read(g, text, m) if m is not None else None


def _fraction_upper(g: _Grammar, text: str, m: re.Match, low: Fraction) -> Fraction | None:
    """The upper end of ``百分之二十至三十`` or ``百分之五到百分之十`` (the prefix shared as in 3%至5%);
    None when the second number belongs to something else (百分之五至十年, 至三分之一)."""
    high_text = m.group("fhi")
    if high_text is None or text.startswith(("分之", "份之"), m.end()) or g.unit_re.match(text, m.end()) \
            or text[m.end() : m.end() + 1] in _MAGNITUDE_CHARS or _MAGNITUDE_CHARS.intersection(high_text):
        return None  # 跌百分之1至197亿5000万元: the second number goes on with its magnitude, an amount reached
    high_text = fraction_word(high_text)
    frac = _fraction_text(m)
    prefix = frac[: frac.index("分之") + 2]
    if "分之" in high_text and not high_text.startswith(prefix):
        return None  # 百分之十至千分之五: two different measures
    try:
        high = parse_number(high_text if "分之" in high_text else prefix + high_text)
    except ValueError:
        return None
    return high if high > low else None


def _read_vague(g: _Grammar, text: str, m: re.Match) -> tuple[Quantity, Unit | None] | None:
    start = m.start()
    if start > 0 and text[start - 1 : start + 1] in g.vague_block:
        return _reread(g, text, start + 1)  # 站上万点: 上 ends a verb, the number starts after it
    if text.startswith("分之", m.end("vn")):
        return _reread(g, text, start + 1)  # 预测数百分之三: 数 ends a noun, 百分之 is per cent
    unit = g.units.get(m.group("vu")) if m.group("vu") else None
    end = m.end()
    if unit is not None and _unit_begins_word(g, text, m.start("vu")):
        unit, end = None, _strip_space(text, start, m.end("vm"))  # 上万户籍人口: no households counted
    digits = m.group("vn") + (m.group("vm") or "").replace(" ", "")
    if unit is None and not any(c in "万亿" for c in digits):
        return None
    if unit is not None and (unit.kind == "time" or _unit_stopped(g, text, end)):
        return None
    try:
        value = parse_number(digits)
    except ValueError:
        return None
    return _make(g, text, start, end, value, unit, None if unit else "CARDINAL", ">")


def _unit_stopped(g: _Grammar, text: str, end: int) -> bool:
    """A unit glued to a word-forming character (一次性, 千亿级) is no unit; so is a unit whose last
    character starts a longer stop word (二位数, 三年级: 位数 and 年级 are in the list)."""
    if text[end : end + 1] in g.unit_stop_firsts and g.unit_stop_re.match(text, end) is not None:
        return True
    if end == 0 or text[end - 1] not in g.unit_stop_long_firsts:
        return False
    m = g.unit_stop_long_re.match(text, end - 1)
    return m is not None and m.end() > end


#: a magnitude written before the unit after a slash: energy and water used per ten thousand yuan of output
#: (0.45吨标准煤/万元, 45.6立方米/万元); 千 there starts a unit of its own (元/千克)
_PER_MAGNITUDE = re.compile(r"[万亿](?=[\u4e00-\u9fff])")

#: the dots that multiply two units after a slash (GB/户·月, 元/吨·公里)
_UNIT_PRODUCT = frozenset("·・•")


def _resolve_unit(g: _Grammar, text: str, ustart: int, uend: int, surface: str | None) -> tuple[Unit | None, int, str | None]:
    """The unit after a number; 个 followed by a unit noun gives the noun (2个位次)."""
    if surface is None:
        return None, ustart, None
    unit = g.units[surface]
    if text.startswith("/", uend):
        mag = _PER_MAGNITUDE.match(text, uend + 1)  # 吨标准煤/万元: per ten thousand yuan (of output)
        per = g.unit_re.match(text, uend + 1 if mag is None else mag.end())
        if per is not None:
            other, lead = g.units[per.group()], "" if mag is None else mag.group()
            per_id, per_surface, per_canonical, end = other.id, lead + per.group(), lead + other.canonical, per.end()
            times = g.unit_re.match(text, end + 1) if text[end : end + 1] in _UNIT_PRODUCT else None
            if times is not None:  # GB/户·月, 元/吨·公里: the amount is per a product of two units
                dot, second = text[end], g.units[times.group()]
                per_id, per_surface = f"{per_id}{dot}{second.id}", f"{per_surface}{dot}{times.group()}"
                per_canonical, end = f"{per_canonical}{dot}{second.canonical}", times.end()
            compound = Unit(f"{unit.id}/{per_id}", f"{surface}/{per_surface}", unit.kind,
                            f"{unit.canonical}/{per_canonical}", unit.label, unit.scale, currency=unit.currency)
            return compound, end, compound.canonical
    if surface == "个":
        for noun in g.count_after_ge:
            if text.startswith(noun, uend):
                noun_unit = g.units.get(noun)
                if noun_unit is None or noun_unit.cued:
                    # 10个席位: a count (QUANTITY) of the noun; 个 is the cue of a cued one (1,000个单位)
                    return unit, uend + len(noun), noun
                return noun_unit, uend + len(noun), noun_unit.canonical
        after = g.unit_re.match(text, uend)
        if after is not None and g.units[after.group()].kind == "physical" and not _unit_stopped(g, text, after.end()):
            noun_unit = g.units[after.group()]  # 167.4万个标准箱: 个 counts in the physical unit after it
            return noun_unit, after.end(), noun_unit.canonical
    return unit, uend, unit.canonical


#: the word that writes "per" between two units in words (立方米每秒: the slash of m³/s)
_PER_WORD = "每"


def _per_unit(g: _Grammar, text: str, uend: int, unit: Unit) -> tuple[Unit, int, str] | None:
    """A physical unit per another physical or time unit written with 每 (立方米每平方千米, 立方米每秒, 千米每小时),
    kept as written, as a slash compound is; only where the second unit ends the phrase, since 每 also starts
    the next one (发电30亿千瓦时每年可减排)."""
    if unit.kind != "physical":
        return None
    per = g.unit_re.match(text, uend + len(_PER_WORD))
    if per is None:
        return None
    other, end = g.units[per.group()], per.end()
    if other.kind not in ("physical", "time") or _HAN.match(text[end : end + 1] or " ") or _unit_stopped(g, text, end):
        return None
    compound = Unit(f"{unit.id}/{other.id}", f"{unit.surface}{_PER_WORD}{per.group()}", unit.kind,
                    f"{unit.canonical}{_PER_WORD}{other.canonical}", unit.label, unit.scale)
    return compound, end, compound.canonical


def _read_number(g: _Grammar, text: str, m: re.Match) -> tuple[Quantity, Unit | None] | None:
    start = m.start()
    if m.group("sep") is not None:
        ranged = _read_range(g, text, m)
        if ranged is not None:
            return ranged
        second = m.group("bu")
        if second is not None and _unit_begins_word(g, text, m.start("bu")):
            second = None  # 1至2户籍: 户 is the first character of 户籍, no unit
        if second is not None and g.units[second].category:
            return None  # 16-24岁: an age bracket names a group, it is no number
        first = m.group("au")
        if second is not None and g.units[second].kind == "time" and (first is None or g.units[first].kind == "time") \
                and not (first is not None and _time_cue(g, text, m.start("an"))
                         and g.change_verb.search(text, max(0, m.start() - 8), m.start())):
            if (m.group("au") is None and _time_cue(g, text, m.start("an"))
                    and g.stay_word.search(text, max(0, start - _SENTENCE_LOOKBACK), start) is not None):
                # 轮候时间上升了0.2至5.8年: a change in the unit of the level reached, then that level
                unit = g.units[second]
                end = _strip_space(text, m.start("an"), m.end("am"))
                try:
                    low, high = parse_number(m.group("an") + (m.group("am") or "")), parse_number(
                        m.group("bn") + (m.group("bm") or ""))
                except ValueError:
                    return None
                if _change_then_level(g, text, m.start(), low, high, unit):
                    return _single(g, text, m, start, end, unit, unit.canonical)
            return None  # 1至5月, 3—5年: a period, not a number (but 逗留时间减少0.1日至1.1日 is two; and 上升5.6%至1.4亿小时
            # is a change in per cent, then the hours reached, read on their own)
        if second is None and m.group("au") is None and _HAN.match(text[m.end():m.end() + 1] or " ") \
                and text[m.end():m.end() + 1] not in g.bare_next and not text.startswith(g.bare_next_long, m.end()):
            return None  # 16至24岁: an age bracket or a name, not a number (but 1000万二手住宅: bare_next)
    # Without a valid range, the first number stands alone.
    surface = m.group("au")
    if surface is not None and _unit_begins_word(g, text, m.start("au")):
        surface = None  # 千亿台阶, 100万户籍人口: the "unit" is the first character of the word after the number
    if surface is not None and g.units[surface].when and _ends_clause(g, text, m):
        surface = None  # 客流突破100万时, 指数跌破3000时: 时 is "when", the number stands alone
    if surface is None:
        end = _strip_space(text, m.start("an"), m.end("am"))
        tail = _numeral_tail(g, m)
        if tail is not None:
            return _single(g, text, m, start, end, tail, tail.canonical, number=m.group("an")[:-1])
        return _single(g, text, m, start, end, None, None)
    end = m.end("au")
    if text[end : end + 1] in g.split_seconds:
        surface, end = _split_unit(g, text, surface, end)
    unit = g.units[surface]
    if unit.kind == "time" and not _time_measured(g, text, m, m.start("an"), m.group("an"), end):
        return None
    if len(surface) > 1 and surface[0] == "个" and text.startswith(g.head_nouns, end) and "个" in g.units:
        surface, end = "个", m.start("au") + 1  # 31个大类行业: 大类 qualifies 行业, the count is of 个
        unit = g.units[surface]
    if surface == "个" and text.startswith("多", end):
        split = _split_by_more(g, text, end)
        if split is not None:  # 3个多月, 2个多百分点: 多 inside the unit qualifies the count of that unit
            return _single(g, text, m, start, split.end(), g.units["个" + split.group()], None, inner="多")
    if surface == "个" or text.startswith("/", end):
        unit, end, unit_name = _resolve_unit(g, text, m.start("au"), end, surface)
    elif text.startswith(_PER_WORD, end) and (per := _per_unit(g, text, end, unit)) is not None:
        unit, end, unit_name = per  # 28.0万立方米每平方千米, 1200立方米每秒: a measure per a unit of another
    else:
        unit_name = unit.canonical  # the common case: no unit per unit, no noun after 个
    return _single(g, text, m, start, end, unit, unit_name)


def _split_by_more(g: _Grammar, text: str, end: int) -> re.Match | None:
    """The rest of a 个 unit written after 多 at ``end`` (个多月, 个多百分点): 多 there splits the unit, as 30多个
    puts it inside the number, so the count is of that unit, not of 个 (两个多月 is a span of months)."""
    rest = g.unit_re.match(text, end + 1)
    return rest if rest is not None and "个" + rest.group() in g.units else None


def _unit_begins_word(g: _Grammar, text: str, ustart: int) -> bool:
    """Whether the unit read at ``ustart`` is the first character of a ``unit_word`` written after the number
    (台阶, 户籍, 元旦): then the number has no unit."""
    return text[ustart] in g.unit_word_firsts and text.startswith(g.unit_words, ustart)


def _split_unit(g: _Grammar, text: str, surface: str, end: int) -> tuple[str, int]:
    """A unit whose last character starts a word written after it, ending the clause (各增2千人次之,: 次之 is
    "comes second"): the unit is the surface without that character (人).  Not before another character
    (百万人次之多 is 人次), except for a noun, which stands anywhere (5间夜总会: 间, not the room-nights 间夜)."""
    for word in g.split_words:
        rest = word[1:]
        after = end + len(rest)
        if (surface.endswith(word[0]) and surface[:-1] in g.units and text.startswith(rest, end)
                and (word in g.split_nouns or not _HAN.match(text[after : after + 1] or " "))):
            return surface[:-1], end - 1
    return surface, end


def _numeral_tail(g: _Grammar, m: re.Match) -> Unit | None:
    """The unit written as a spelled number's last character (二千五百两, 八两: 两 of weight): a 两 that
    ends a number after 十, 百 or 千, or after a digit other than one, two and three, counts nothing
    (two is written 二 there, 五百二 not 五百两); after 一 or 三 it makes a range (一两天, 三两句), after 两
    a word (两两)."""
    number = m.group("an")
    unit = g.numeral_tails.get(number[-1]) if len(number) > 1 else None
    if unit is None or m.group("am") or m.group("ai") is not None:
        return None
    before = number[-2]
    return unit if before in "十百千拾佰仟" or before in _CN_VALUE and before not in "〇○零一壹两三叁" else None


def _strip_space(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] == " ":
        end -= 1
    return end


def _single(g: _Grammar, text: str, m: re.Match, start: int, end: int, unit: Unit | None,
            unit_name: str | None, number: str | None = None, inner: str | None = None) -> tuple[Quantity, Unit | None] | None:
    """One number and its unit; ``number`` replaces the matched one when its last character is the
    unit (二千五百两); ``inner``: an infix qualifier written inside the unit (多 of 3个多月)."""
    neg, matched, mags, infix = m.group("neg", "an", "am", "ai")
    infix = infix or inner
    number = matched if number is None else number
    num_start = m.start("an")
    if neg is not None and num_start - len(neg) > 0:
        before = text[num_start - len(neg) - 1]
        if before.isdigit() or before in _LETTERS:
            neg = None
    marked = None  # the currency a mark before an amount with its own currency unit names (HK$5,000元, MOP5,000元)
    context_start = start
    if neg is None:
        start = context_start = num_start
        if unit is None:
            start, unit = _currency_symbol(g, text, start)
            if unit is not None:
                unit_name = unit.canonical
            context_start = start
        elif unit.kind == "currency":
            # the mark stays out of the text, as 港幣 before 5,000元 does, and the context is read before it: the
            # letters of MOP are no code's
            context_start, mark = _currency_symbol(g, text, start)
            if mark is not None and not text.startswith("$", context_start):
                marked = mark.currency  # a bare $ names no currency: the paragraph's names it (_paragraph_currency)
    if _bad_context(g, text, context_start, end):
        return None
    mags = mags.replace(" ", "") if mags else ""
    is_cn = number[0] not in "0123456789"
    if number in _LONE_CAPITALS and not mags:
        return None  # 重拾升势, 佰草: a capital 拾 or 佰 with no digit is a word's character
    if number in _CAPITAL_DIGITS and not mags and not infix and (unit is None or unit.kind != "currency"):
        return None  # 大陆个人, 队伍名单, 陆家嘴: a lone capital digit writes only an amount of money (人民币陆元)
    lone = not mags and not infix and is_cn and all(c in _MAGNITUDES for c in number.replace(" ", ""))
    if lone and not _lone_magnitude(g, text, start, end, number, unit):
        return None
    tenths = None
    at = start - 1 if text[start - 1 : start] == " " else start  # 資產前 100 大集團: spaced as Taiwan's press types it
    if text[at - 1 : at] in g.rank_set_lasts and text.endswith(g.rank_sets, 0, at) and (
            unit is None or unit.surface in g.ordinal_measures):
        return None  # 入围前30名: a set of ranks, not a count
    if unit is not None:
        if _unit_stopped(g, text, end):
            if text.startswith(g.size_classes, end):
                return None  # 10万吨级泊位, 700吨级渔船: a size class names the thing, it measures nothing
            if (unit.kind == "physical" or unit.cued or unit.kind == "time" and _big_magnitude(m)) \
                    and end - len(unit.surface) == m.end("am"):
                # 由49.6升至53.3, 营收3000万单季增长, 净利128亿年增60%: the unit is a verb (升至) or starts a word
                # (单季, of a unit read only where its cue is; 年增 after an amount in 亿), the number stands alone
                return _single(g, text, m, start, _strip_space(text, num_start, m.end("am")), None, None)
            return None
        if unit.kind == "time" and not _time_measured(g, text, m, start, number, end):
            return None
        if unit.kind == "time" and _CLOCK_MINUTES.match(text, end):
            return None  # 香港时间15时00分: a time of day, even after the cue 时间
        if is_cn and number == "一" and not mags and not infix and unit.kind in ("measure", "time") and not (
                unit.kind == "measure" and unit.surface not in g.article_measures
                and g.change_verb.search(text, max(0, start - 8), start)):
            return None  # 一个, 一批: an article; but 按季减少一名 (a change by a measure word) counts one
        if is_cn and number == "一" and not mags and not infix and unit.kind in ("measure", "physical") \
                and g.money_before.search(text, max(0, start - 8), start):
            return None  # 约70元一斤, 一千六百多元一担: the unit a price is per, not a count
        if number in ("一", "1") and not mags and not infix and unit.kind in ("measure", "physical") \
                and unit.surface not in g.article_measures and g.amount_after.match(text, end):
            return None  # 年初的一公斤54.2元, 生产力为一公顷5.0吨: likewise before the amount per unit
        if unit.cued and not (unit.big_number and _big_magnitude(m)) \
                and not _unit_cued(g, text, start, neg, unit, is_cn and len(number) == 1 and not mags):
            # 三度, 100亿度: 度 is a temperature only after 气温, 零下 ...; elsewhere the number stands alone
            return _single(g, text, m, start, _strip_space(text, num_start, m.end("am")), None, None)
        if unit.category and _category_follows(g, text, end):
            return None  # 65岁及以上人口: an age group, not an age
        if (unit.surface[-1] in _LETTERS or unit.grade) and not _MAGNITUDE_CHARS.intersection(text[start:end]) \
                and _spec(g, text, end):
            return None  # 6mm普通中板, 12吋晶圆: a product's specification, part of its name (never in 万: 109.1万TEU增加)
        if unit.tenths:
            tenths, end = _tenths(g, text, end, arabic=unit.kind != "multiple")
            if unit.kind == "fraction" and not is_cn and not (tenths is not None and len(number) == 1) \
                    and not _ends_word(g, text, end, number):
                return None  # Arabic digits take 成 only as 1成3 (13 %, Macau usage) or 8.5成 ending a phrase
            if unit.kind == "fraction" and is_cn and number == "一" and not mags and tenths is None \
                    and text.startswith(g.tenths_glue, end):
                return None  # 这一成果, 这一成本: a lone 一 is the article, 成 starts the noun after it
        elif unit.surface in g.spoken_money:
            tenths, end = _tenths(g, text, end)
            if tenths is not None:  # 三块五: 块 is money when its tenths follow
                unit = g.units[g.spoken_money[unit.surface]]
                unit_name = unit.canonical
        if is_cn and len(number) == 1 and start >= 2 and text[start - 1] == "、" and text[start - 2] in _CN_DIGITS \
                and unit.kind != "fraction":
            return None  # 一、二类苗, 三、四线城市: categories listed by number, not a count (but 三、四成 is a share)
    else:
        if not _bare_ok(g, text, start, end, number, mags, infix, is_cn) and not _signed_digit(neg, text, end) \
                and not (lone and any(c in "万亿兆" for c in number) and (
                    _prefix_qualifier(g, text, start) or text.startswith(g.milestones, end)
                    or _suffix_qualifier(g, text, end, None) in (">=", "<="))):
            return None  # but 筹逾千亿冠全球, 重上百亿大关, 维持千万以上: a magnitude after its qualifier, before a
            # milestone word or before a bound
    upper = None
    pair = _adjacent_digits(number) if is_cn and not infix else None
    try:
        if pair is not None:
            value, upper = parse_number(pair[0] + mags), parse_number(pair[1] + mags)
        else:  # 一千几百万: the grammar reads 几 as the digit it stands for; 余 and 多 add nothing (两千余万)
            value = parse_number(number + (infix if infix == "几" else "") + mags)
    except ValueError:
        return None
    if tenths is not None and upper is None:
        value += tenths
    if unit is not None and upper is None and (unit.discount or unit.kind in _TAIL_KINDS):
        value, end = _unit_tail(g, text, end, unit, value, number, mags)
    if unit is not None and unit.clock and _clock_time(g, text, start, value):
        return None
    if text[start - 1 : start] in _OPEN_QUOTES and _QUOTED_NAME.match(text, end):
        return None  # “3000亿元俱乐部”, 「47人案」: a name in quotes that starts with a quantity
    if unit is not None and unit.noun is not None and text.endswith(unit.noun, 0, end):
        end -= len(unit.noun)  # 57.34亿度电: 电 names the commodity, the quantity ends with its unit
    if neg is not None and neg.strip() not in "+＋":
        value = -value
    qualifier = None
    if infix is not None:
        qualifier = g.infix_quals[infix]
    qualifier = _prefix_qualifier(g, text, start) or qualifier or _verb_qualifier(g, text, start)
    if qualifier is None or qualifier == ">":
        qualifier = _suffix_qualifier(g, text, end, unit.kind if unit else None) or qualifier
    made = _make(g, text, start, end, value, unit, None, qualifier, upper=upper, unit_name=unit_name)
    if marked is not None:
        return made[0]._replace(currency=marked), made[1]
    return made


#: the characters a number written with magnitudes only is made of (千亿, 百兆, 万)
_MAGNITUDES = frozenset("百千万亿兆")


def _lone_magnitude(g: _Grammar, text: str, start: int, end: int, number: str, unit: Unit | None) -> bool:
    """Whether a number written with magnitudes only counts something: after a qualifier or a magnitude cue
    (逾千亿, 近兆元, 直逼万点), before a milestone word (千万门槛) or a bound (亿元以上), or a magnitude before 亿
    (上看千亿美元);
    elsewhere 百, 千 and 万 are characters of words (百姓, 千万不要, 万一)."""
    written = number.replace(" ", "")
    if len(written) > 1 and written[0] in "百千万" and written[1] == "亿":
        return True
    if _prefix_qualifier(g, text, start) is not None:
        return True
    at = start - 1 if text[start - 1 : start] == " " else start
    named = next((w for w in g.name_units if text.endswith(w, 0, at)), None)
    if named is not None:
        at -= len(named)  # 上看新台幣兆元: the currency named between the cue and the amount
    if text.endswith(g.magnitude_cues, 0, at) or unit is None and text.startswith(g.milestones, end):
        return True  # 直逼万点; 超越千万门槛: a milestone word after it makes the magnitude the value passed
    return _suffix_qualifier(g, text, end, unit.kind if unit else None) in (">=", "<=")


def _tenths(g: _Grammar, text: str, end: int, arabic: bool = True) -> tuple[Fraction | None, int]:
    """The digit after a unit that counts tenths (成, 倍) in 三成五, 1成3 or 一倍八 (35 %, 13 %, 1.8 倍), as tenths
    of the unit, and the new end; (None, end) when the character after it starts something else (三成五年, 三成50).
    ``arabic=False``: only a spelled digit or 半 is a tenth (增长2倍5月份 is two things, 一倍八 one)."""
    spaced = text[end : end + 1] == " " and text[end - 2 : end - 1] == " "  # 2 成 1: spaced like the text
    digit = text[end + spaced : end + spaced + 1]
    tenth = 5 if digit == "半" else (int(digit) if arabic else None) if digit in _ARABIC else _CN_VALUE.get(digit)
    if not tenth:
        return None, end
    after = text[end + spaced + 1 : end + spaced + 2]
    if after and (after in _ARABIC or after in _CN_START or after in "百千万亿点." or g.unit_re.match(after)):
        return None, end
    return Fraction(tenth, 10), end + spaced + 1


def _clock_time(g: _Grammar, text: str, start: int, value: Fraction) -> bool:
    """``3点`` is a time of day unless a cue says points (上涨3点) or the value cannot be an hour
    (123.45点, 16,800点)."""
    return value.denominator == 1 and value <= 24 and not text.endswith(g.clock_cues, max(0, start - 4), start)


def _adjacent_digits(number: str) -> tuple[str, str] | None:
    """``三四`` in 三四成, ``两三`` in 两三个, ``三四十`` (30 to 40), ``四五百万``: two neighbouring digits
    (and the colloquial 三五, three to five) and the magnitudes they share are a range, not 34 or 340
    (no positional number has two digits side by side)."""
    if len(number) < 2 or any(c not in _SHARED_MAGNITUDES for c in number[2:]):
        return None
    a, b = _CN_VALUE.get(number[0]), _CN_VALUE.get(number[1])
    if a is None or b is None or a == 0 or (b != a + 1 and (a, b) != (3, 5)):
        return None
    rest = number[2:]
    return number[0] + rest, number[1] + rest


_SHARED_MAGNITUDES = frozenset("十百千万亿拾佰仟")


#: how far back the sentence of a time amount is read (bounded: no quadratic cost on long texts
#: without punctuation)
_SENTENCE_LOOKBACK = 200


def _time_cue(g: _Grammar, text: str, start: int) -> bool:
    """Whether a time amount starting at ``start`` is a measured value: a time_cue word before it (停留2.3天,
    在泊时间分别为1.04天, 平均可用超过30天), a time amount listed before it that has one (1.98天、1.04天), or a
    sentence about a length of stay."""
    window = _cue_window(g, text, start)
    if window.endswith(g.time_cues):
        return True
    listed = g.listed_time.search(text, max(0, start - _LIST_REACH), start)
    if listed is not None:
        return _time_cue(g, text, listed.start())
    low = max(0, start - _SENTENCE_LOOKBACK)
    if g.stay_word.search(text, low, start) is None:
        return False  # the common case (a year, a date): no length of stay is talked about
    if g.stay_bracket.search(window):
        return True  # 平均逗留日数(0.2日): the bracketed value of a length of stay
    # a sentence about a length of stay (旅客平均逗留时间减少0.1日, 不过夜旅客则维持在0.2日):
    # a day count right after a change or level verb measures the stay
    sentence = text[_after_last(text, "。\n!?", low, start) : start]
    return g.stay_word.search(sentence) is not None and g.stay_tail.search(sentence.rstrip()) is not None


def _time_measured(g: _Grammar, text: str, m: re.Match, start: int, number: str, end: int) -> bool:
    """Whether the time amount ``number`` read from ``start`` to ``end`` is a measured value, not a date or a span: a
    cue before it, an age word after it, a magnitude (71.6万小时), decimals (13.5年), digits grouped by thousands
    (墨西哥2,308小時: no date or span is written so), or the stay it measures named right after it (减少八小时工时;
    not a date before it, 去年十二月留宿旅客)."""
    return _time_cue(g, text, start) or _age_follows(g, text, end) or _big_magnitude(m) \
        or _decimal_time(g, text, number, end) or "," in number \
        or g.stay_word.match(text, end) is not None and not text.endswith(g.date_units, 0, end)


def _decimal_time(g: _Grammar, text: str, number: str, end: int) -> bool:
    """Whether a time amount is measured because it has decimals (平均发行期限13.5年, 平均展期为4.2日, 约每5.1分钟出生
    一个婴儿): dates and spans of time are whole, so no cue is needed, unless a span_tail word makes it the
    reach of a comparison (创下8.5年来新高)."""
    return _POINT.search(number) is not None and not text.startswith(g.span_tails, end)


#: how far back a time amount listed before another is looked for (1.98天、1.04天)
_LIST_REACH = 14


def _cue_window(g: _Grammar, text: str, start: int) -> str:
    """The text before a number up to where a cue word would end: the verbs and particles that link a cue to its
    value (为, 了, 的, 分别) and a prefix qualifier (超过, 约) are left out, so the cue before them counts."""
    window = text[max(0, start - 10) : start].rstrip().rstrip("至到了为的")
    if window.endswith("分别"):
        window = window[:-2]
    length = _qualifier_length(g, window, len(window), len(window))
    return window[: len(window) - length].rstrip().rstrip("至到了为的") if length else window


def _ends_clause(g: _Grammar, text: str, m: re.Match) -> bool:
    """Whether a ``when`` unit (时) after the number is the conjunction that ends a clause: the number is no hour of
    the clock (more than 24, a fraction, or written with 万 or 亿: 客流突破100万时, 指数跌破3000时) and no time_cue
    makes it an amount of hours (用时30时); so many hours are written 小时 (120万小时)."""
    try:
        value = parse_number((m.group("an") + (m.group("am") or "")).replace(" ", ""))
    except ValueError:
        return False
    hour = value.denominator == 1 and 0 <= value <= 24
    return not hour and not _time_cue(g, text, m.start("an"))


def _big_magnitude(m: re.Match) -> bool:
    """``71.6万小时``: a time unit after 万 or 亿 is an amount of time, never a date or period; so is a
    ``big_number`` unit an amount of it (7亿8,400万度 of green power, not a temperature)."""
    number = m.group("an") + (m.group("am") or "")
    return "万" in number or "亿" in number


def _age_follows(g: _Grammar, text: str, end: int) -> bool:
    """``八个月大``, ``三周大的``, ``六个月大了``: a time amount followed by an age word that ends the
    phrase is an age (but not in 两个月大幅增长 or 三个月大家, where the word goes on)."""
    if not text.startswith(g.age_tails, end):
        return False
    after = next(end + len(w) for w in g.age_tails if text.startswith(w, end))
    nxt = text[after : after + 1]
    return not nxt or nxt in "的了" or not _HAN.match(nxt)


#: the base of an index or a ratio, written 以…为100 (以女性为100, 以上年为100)
_INDEX_BASE = re.compile(r"以[\u4e00-\u9fff\d]{1,8}为\s?$")
_INDEX_BASES = frozenset({"100", "一百"})


def _bare_ok(g: _Grammar, text: str, start: int, end: int, number: str, mags: str, infix: str | None,
             is_cn: bool) -> bool:
    """Whether a number without unit is a CARDINAL (not a code, list marker, year or name)."""
    has_big = any(c in "万亿兆" for c in number + mags)
    nxt = text[end] if end < len(text) else ""
    prev = text[start - 1] if start > 0 else ""
    if number in _INDEX_BASES and not mags and _INDEX_BASE.search(text, max(0, start - 12), start):
        return False  # 性别比为105.18(以女性为100), 以2015年为100: the base an index is set to, no value
    if is_cn:
        if not mags and not infix and _digit_by_digit(number) and prev not in _CN_DIGITS:
            # an index value written digit by digit (Taiwan releases): 指数一二三点七三, 指数一二二,
            if "点" in number or "." in number:
                return True
            return text.endswith(g.index_cues, 0, start) and not _HAN.match(nxt or " ")
        spelled = any(c in _CN_DIGITS for c in number + mags) or prev in g.prefix_initials
        # a spelled amount of 万 or 亿 ends at a mark or at a suffix qualifier (六六○万以上), as a digit one does;
        # one written positionally with a digit (一百二十万内地旅客, 三十万游客) is an amount before a noun too,
        # where 十万火急 and 千万 are words
        if has_big and spelled and (not _HAN.match(nxt or " ") or _suffix_qualifier(g, text, end, None) is not None
                                    or _positional_amount(number)):
            return True
        return _positional_bare(g, text, start, number + mags, prev, nxt)
    if nxt == "》" and not has_big:
        return False  # 《飞驰人生2》: the number ends a title
    if prev in _OPEN and nxt in _CLOSE and "." not in number and not has_big:
        return False  # a note or list marker (1); an index value with decimals (104.10) or an amount (5000万) stays
    at = start - 1 if prev == " " else start
    if text.endswith(g.note_words, max(0, at - 3), at):
        return False  # 详见附注7, 见表2, 详表 1, 热线 1823, 股票代号2330
    digits_only = number.isdigit()
    if digits_only and text.endswith(g.bare_blocks, 0, at):
        return False  # 双11, 前10 (双 11 in spaced text): a date or a set of ranks, as for spelled numbers
    if nxt and nxt in "+＋":
        return False  # 95+无铅汽油, 65+: a grade or a group
    if digits_only and len(number) == 4 and number[:2] in ("19", "20") and (
            prev in ",，" and nxt in ")）" or g.year_tail.match(text, end)):
        return False  # (能源局,2017), 2020 全年: a year (of a cited source, of a period)
    if nxt in _CLOSE_QUOTES and (prev in _OPEN_QUOTES or _QUOTED_HEAD.search(text, max(0, start - 4), start)):
        return False  # 「保2」, “双11”, 「2」字头: a slogan, name or price band in quotes, no value of its own
    if prev == " " and start > 1 and text[start - 2] in _LETTERS and not _after_acronym(g, text, start - 1):
        return False  # Windows 11, iPhone 15: a version or model after a Latin name (not PMI 52.3, a value)
    if prev and prev in "-~—–/:." and start > 1 and text[start - 2].isdigit():
        return False  # the tail of a phone number, date or code (400-800-1234, 2023-07-19)
    if has_big:
        return True
    if g.date_list.match(text, end):
        return False  # 110及111年, 8及9月份, 1、2月: a date listed before the one that writes its unit
    if nxt and nxt in "、." and (not prev or prev in _CLAUSE_START) and not (
            prev == " " and start > 1 and _HAN.match(text[start - 2])):
        return False  # a list marker: 1、 or 1. (not in spaced text: 分别下降 1.6、0.4 及 0.2 个百分点)
    if nxt and nxt in ")）" and number.isdigit() and len(number) <= 2 and (not prev or prev in _CLAUSE_START):
        return False  # a list marker closed by a bracket alone: 1)20-23年, ;2)23年 (not (112/11:69.4), a value)
    digits = number.replace(",", "").replace(" ", "")
    if "." not in digits and (_code_like(digits) and "," not in number or (len(digits) > 1 and digits[0] == "0")):
        return False  # phone numbers, codes (a number grouped by thousands is neither)
    if nxt and nxt in "-~—–/:" and not _percent_slash(text, end):
        return False
    if nxt == "升" and _TALLY.match(text, end) is not None:
        return False  # 「6升5降」: a tally of the members that rose and fell, no value of its own
    if ("." in digits or "," in number) and text.startswith(g.value_follows, end):
        return True  # 较6月107.05上升0.35%, 跌至197.9按月跌: an index value, and the statement goes on after it; so does
        # a count grouped by thousands (较上周日均人次12,961增加58.6%)
    # glued to a word (16至24岁), not to a word of bare_next (和, 至; 上升至 of 由49.6上升至50.3) nor to a
    # suffix qualifier (指数升至60以上)
    return not (nxt and _HAN.match(nxt) and nxt not in g.bare_next and not text.startswith(g.bare_next_long, end)
                and _suffix_qualifier(g, text, end, None) is None)


#: a tally of moves after its first count (6升5降, 3升2跌1平): 升 is the verb, not a bare_next
_TALLY = re.compile(r"升\s?\d{1,3}\s?[降跌平]")

#: the minutes of a time of day after its hour (15时00分)
_CLOCK_MINUTES = re.compile(r"\s?\d{1,2}\s?分")


def _code_like(digits: str) -> bool:
    """Seven or more ungrouped digits are a phone number, an id or a code, unless they end in
    thousands and are short enough to be an amount (1000000, but not 13800138000)."""
    return len(digits) >= 7 and not (len(digits) <= 10 and digits.endswith("000"))


#: the characters that make a Chinese numeral positional (三百零七, 十八, 贰佰叁拾)
_POSITIONAL = frozenset("十百千拾佰仟廿卅")
_LONE_CAPITALS = frozenset("拾佰仟")
#: the financial capitals of the digits; alone they are also characters of words (大陆, 队伍, 放肆)
_CAPITAL_DIGITS = frozenset("壹贰叁肆伍陆柒捌玖")
#: the unit kinds that something after the unit may add to (两吨半, 八元五毛)
_TAIL_KINDS = frozenset({"physical", "currency"})
_QUOTES = frozenset("“”\"'「」『』")
_OPEN_QUOTES = frozenset("“「『")
_CLOSE_QUOTES = frozenset("”」』")
#: an opening quote and the characters of a name before its closing number (「保2」)
_QUOTED_HEAD = re.compile(r"[“「『][\u4e00-\u9fff]{1,3}$")
#: the rest of a quoted name after its leading quantity (“3000亿元俱乐部”)
_QUOTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}[”」』]")


def _positional_amount(number: str) -> bool:
    """``一百二十``, ``三十``: a digit and a positional character, so a count rather than part of a word."""
    return any(c in _POSITIONAL for c in number) and any(c in _COUNTED_DIGITS or c == "一" for c in number)


def _signed_digit(neg: str | None, text: str, end: int) -> bool:
    """``负三``, ``负二点五``: after 负 a spelled digit is a number, not the start of a word."""
    nxt = text[end : end + 1]
    return neg is not None and neg.strip() == "负" and not (nxt and _HAN.match(nxt))


def _positional_bare(g: _Grammar, text: str, start: int, number: str, prev: str, nxt: str) -> bool:
    """A spelled number without unit (三百零七, 十八, 三点一四) is a CARDINAL when it is positional or a
    one-digit decimal and stands alone; digits alone (统一, 五一) and digits side by side (十四五,
    一二十, but the range 三四十) are words, not numbers."""
    whole, point, decimals = _POINT.sub("点", number.replace(" ", "")).partition("点")
    if len(whole) == 1 and point and decimals:
        return _alone(g, text, start, prev, nxt)  # 三点一四, 零点五
    if not point and whole in _COUNTED_DIGITS and prev == "有" and nxt and nxt in _PHRASE_END:
        return True  # 原因有三:, 主要资源有四,: a count that ends its phrase
    if not point and len(whole) == 1 and nxt == "、" and prev and prev not in _CLAUSE_START \
            and shared_place(whole, text[start + 2 : start + 6]) > 1:
        return True  # 增加四、五千元: said together with the next digit, whose place and unit it shares
    if not any(c in _POSITIONAL for c in whole) or len(whole) == 1 and whole != "十":
        return False  # 拾 or 佰 alone is a word (重拾), 十 alone a number
    if _adjacent_digits(whole) is None and any(
            a in _CN_DIGITS and b in _CN_DIGITS and not {a, b} & _ZEROS
            for a, b in zip(whole, whole[1:])):
        return False
    return _alone(g, text, start, prev, nxt)


#: spelled digits that count after 有 at the end of a phrase (有三,), and the marks that end one
_COUNTED_DIGITS = frozenset("二两三四五六七八九")
_PHRASE_END = frozenset(",，:：;；。")
#: the zeros that mark a skipped place in a positional numeral (四百○四, 二百零六)
_ZEROS = frozenset("零〇○")


def _alone(g: _Grammar, text: str, start: int, prev: str, nxt: str) -> bool:
    """Whether a spelled number stands on its own: not in quotes (“十一”, a holiday) or brackets, not a
    list marker (十、), not after a date or rank word (初十, 正月十五, 前十), not glued to the word after
    it (十八大, 二十国)."""
    if prev in _QUOTES and nxt in _QUOTES:
        return False
    if prev in _OPEN and nxt in _CLOSE or nxt and nxt in "、." and (not prev or prev in _CLAUSE_START):
        return False
    if text.endswith(g.bare_blocks, 0, start):
        return False
    return not (nxt and _HAN.match(nxt) and nxt not in g.bare_next)


def _currency_symbol(g: _Grammar, text: str, start: int) -> tuple[int, Unit | None]:
    """A currency sign or code written before a number without unit ($35, US$1.5亿, HK$ 300, ￥480):
    the start of the sign and the currency, or ``(start, None)``."""
    end = start - 1 if start > 0 and text[start - 1] == " " else start
    if end == 0 or text[end - 1] not in g.symbol_ends:
        return start, None  # the common case, decided by one character
    for symbol in g.currency_symbols:
        if text.endswith(symbol, 0, end):
            sym_start = end - len(symbol)
            if sym_start > 0 and symbol[0] in _LETTERS and text[sym_start - 1] in _LETTERS:
                continue  # XUSD5: a code, not a currency
            return sym_start, g.units[g.symbol_units[symbol]]
    return start, None


#: how far back the sentence of a cued unit's topic word is read (综合判断分数则为24分,较上月的26分减少2分)
_TOPIC_LOOKBACK = 80


def _unit_cued(g: _Grammar, text: str, start: int, neg: str | None, unit: Unit, single_digit: bool) -> bool:
    """Whether a cued unit's word stands shortly before the number (气温30度, 华氏温度70度), or 零下; or its
    topic word earlier in the sentence (分数 for 分: 分数增加1分; 用电 for 度: 全年用电量100亿度)."""
    if neg is not None and neg.strip() == "零下":
        return True
    window = text[max(0, start - 8) : start].rstrip().rstrip("为达到至了约是")
    if window.endswith(g.unit_cues.get(unit.surface, ())):
        return True
    topic = g.unit_topics.get(unit.surface)
    if topic is None or single_digit and unit.kind != "percent" or text[start - 1 : start] in ("时", "点"):
        return False  # 十分重要, 三度夺冠: a lone spelled digit makes an adverb (not before 厘: 利率维持在五厘); 8时30分 is a
        # time of day
    low = max(0, start - _TOPIC_LOOKBACK)
    return topic.search(text, _after_last(text, "。\n!?；;", low, start), start) is not None


def _spec(g: _Grammar, text: str, end: int) -> bool:
    """After a Latin unit symbol, a noun glued to it (6mm中板, 3nm芯片) makes a product grade; a change verb
    glued to it does not (从816GWh提升至1389GWh, 装机33.7GWh增长58%): the amount is what changed; nor does a word
    going on with the statement (装机11.4GWh继续稳坐榜首, 33.7GWh同比增长)."""
    nxt = text[end : end + 1]
    return (bool(nxt) and _HAN.match(nxt) is not None and nxt not in g.bare_next
            and g.suffix.match(text, end) is None and not text.startswith(g.value_follows, end))


def _ends_word(g: _Grammar, text: str, end: int, number: str) -> bool:
    """``8.5成`` with a decimal number is a share when nothing glues it to a following word (3.5成为); so is
    ``3成`` with a whole one unless 成 starts a word (3成长, 3成交): Taiwan and Hong Kong write shares before
    the noun they are shares of (大增近3成, 近7成民众, 3成为主)."""
    nxt = text[end : end + 1]
    if "." in number:
        return not nxt or not _HAN.match(nxt) or nxt in g.bare_next
    return not text.startswith(g.tenths_glue, end)


def _category_follows(g: _Grammar, text: str, end: int) -> bool:
    """Whether a word after an age makes it an age group (65岁及以上, 60岁人口, 35岁以下)."""
    at = end + 1 if text[end : end + 1] == " " else end
    return text.startswith(g.category_tails, at)


def _unit_tail(g: _Grammar, text: str, end: int, unit: Unit, value: Fraction, number: str,
               mags: str) -> tuple[Fraction, int]:
    """What follows a unit and belongs to the value: a discount's two digits (85折 is 85 %, not 850),
    a half (两吨半), the smaller coins of an amount (八元五毛, 12元3角5分, 五美元又七美分)."""
    if unit.discount and _two_digits(number):
        return value / 10, end  # the unit's scale of 10 is for one digit (八折 = 80 %)
    if unit.kind == "physical" and text.startswith("半", end):
        return value + Fraction(1, 2), end + 1
    if unit.kind == "currency" and not mags and g.subunit_re is not None and _coin_may_follow(g, text, end):
        return _subunits(g, text, end, unit, value)
    return value, end


def _coin_may_follow(g: _Grammar, text: str, end: int) -> bool:
    """Whether the character after an amount can start its coins (a digit, 又, 零 or a space)."""
    nxt = text[end : end + 1]
    return nxt in g.coin_firsts or nxt.isdecimal() or nxt.isspace()


def _two_digits(number: str) -> bool:
    """``85`` or ``六五``: a discount written as a per cent, digit by digit."""
    digits = number.replace(" ", "")
    return len(digits) == 2 and all(c in _ARABIC or c in _CN_VALUE for c in digits)


def _subunits(g: _Grammar, text: str, end: int, unit: Unit, value: Fraction) -> tuple[Fraction, int]:
    """Add the coins written after an amount of the same currency (元 then 角/毛 then 分)."""
    while True:
        m = g.subunit_re.match(text, end)
        if m is None:
            return value, end
        entry = g.subunits[m.group("s")]
        if entry.unit != unit.canonical or _unit_stopped(g, text, m.end()) or text.startswith("钟", m.end()):
            return value, end
        longer = g.unit_re.match(text, m.start("s"))
        if longer is not None and longer.end() > m.end():
            return value, end  # 3元5毫米: the coin's character starts a unit of its own (毫米), a second quantity
        digit = m.group("n")
        n = int(digit) if digit[0] in _ARABIC else _CN_VALUE[digit]
        value += n * Fraction(repr(entry.value)) if isinstance(entry.value, float) else n * Fraction(entry.value)
        end = m.end()


def _digit_by_digit(number: str) -> bool:
    """``一二三点七三``, ``一二二``: three or more Chinese digits read one by one (no 十百千), optionally with
    decimals; two digits (``一二线``, ``三四成``) are categories or ranges, not numbers."""
    whole, _, decimals = number.replace(".", "点").partition("点")
    return (len(whole) >= 3 and all(c in _CN_DIGITS for c in whole)
            and all(c in _CN_DIGITS for c in decimals))


def _read_range(g: _Grammar, text: str, m: re.Match) -> tuple[Quantity, Unit | None] | None:
    """``3-5%``, ``3%至5%``, ``3至5亿元``, ``20-30万人``: value is the lower bound, upper the other."""
    ua, ub = m.group("au"), m.group("bu")
    if ub is not None and ua is None and text.startswith(g.range_ends, m.start("bu")) and _decimal_pair(g, text, m):
        ub = None  # 在49.5至50.5间波动, 49.5至50.5区间: 间 closes the range of two index values, it counts no rooms
    elif ub is not None and _unit_begins_word(g, text, m.start("bu")):
        if ua is not None:
            return None
        ub = None  # 在2000至3000台阶: the 台 is 台阶's
    if ua is not None and ub is not None and g.units[ua].canonical != g.units[ub].canonical:
        return None
    if ub is None and not (ua is None and (_decimal_pair(g, text, m) or _magnitude_pair(m))):
        return None
    if ua is None and m.group("am") and m.group("bm") and m.group("am") != m.group("bm"):
        return None
    if ub is None:  # two index values (一二三．二二至一二七．二二): the range ends with the second number
        unit, end, unit_name = None, _strip_space(text, m.start("bn"), m.end("bm")), None
    else:
        unit, end, unit_name = _resolve_unit(g, text, m.start("bu"), m.end("bu"), ub)
    if unit is not None and (unit.kind == "time" or unit.category):
        return None
    start = m.start("an") if m.group("neg") is None else m.start()
    if _bad_context(g, text, start, end) or _unit_stopped(g, text, end):
        return None
    number_a = _unit_magnitude(m.group("an") + (m.group("am") or ""), ub if ua is None else None)
    number_b = m.group("bn") + (m.group("bm") or "")
    if not _MAGNITUDE_CHARS.intersection(_trailing_mags(number_a)):
        # 3至5亿元, 三千至五千万元: the big magnitude is shared (千 and 百 before it are the second number's own)
        number_a += _trailing_mags(number_b).lstrip("千百")
    try:
        low = parse_number(number_a)
        high = parse_number(number_b)
    except ValueError:
        return None
    if m.group("neg") is not None and m.group("neg").strip() not in "+＋":
        low = -low
    if high < low or unit is not None and unit.clock and _clock_time(g, text, start, high):
        return None
    if _HAN.match(m.group("sep").strip() or " ") and _change_then_level(g, text, start, low, high, unit):
        return None  # 增加4,600人至155,600人 (but 上涨10-50元/吨: a dash always makes a range)
    qualifier = _prefix_qualifier(g, text, start) or _verb_qualifier(g, text, start) \
        or _suffix_qualifier(g, text, end, unit.kind if unit else None)  # 约为每年32万至33万公吨: about
    return _make(g, text, start, end, low, unit, None, qualifier, upper=high, unit_name=unit_name)


def _unit_magnitude(number: str, surface: str | None) -> str:
    """The first number of a range without the magnitude that starts the second one's unit (100万至200万千瓦,
    1亿至2亿千瓦时: 万千瓦 and 亿千瓦时 are units with their scale, so the 万 of 100万 is the unit's too)."""
    if surface is None:
        return number
    mags = _trailing_mags(number)
    lead = surface[: len(surface) - len(surface.lstrip("万亿兆"))]
    if not lead or not mags.endswith(lead):
        return number
    return number.rstrip()[: -len(lead)].rstrip()


def _magnitude_pair(m: re.Match) -> bool:
    """Two numbers without unit that end in the same 万, 亿 or 兆 (楼价逾500万至1000万二手住宅): a band of amounts,
    one range, as the numbers of a price band are."""
    low = _trailing_mags(m.group("an") + (m.group("am") or "")).replace(" ", "")
    high = _trailing_mags(m.group("bn") + (m.group("bm") or "")).replace(" ", "")
    return low == high and low[-1:] in ("万", "亿", "兆")


def _decimal_pair(g: _Grammar, text: str, m: re.Match) -> bool:
    """``将落在一二三．二二至一二七．二二``, ``介于49.5至50.5之间``: two index values with decimals joined by
    a separator make a range, unless a change verb comes before them (跌9.7至37.1: a change, then a
    level) or a word is glued to the second (1.2至1.5版)."""
    a, b = m.group("an"), m.group("bn")
    if not all(any(p in n for p in _CN_POINTS) for n in (a, b)) or m.group("am") or m.group("bm"):
        return False
    nxt = text[m.end("bn") : m.end("bn") + 1]
    if _HAN.match(nxt or " ") and nxt not in g.bare_next and not text.startswith(g.range_ends, m.end("bn")):
        return False  # 1.2至1.5版: the numbers name versions
    return not g.change_verb.search(text, max(0, m.start() - 8), m.start())


def _change_then_level(g: _Grammar, text: str, start: int, low: Fraction, high: Fraction,
                       unit: Unit | None) -> bool:
    """``增加约4,600人至155,600人``: after a change verb, ``X至Y`` with Y far above X is a change then the
    level reached, two quantities, not a range (a per-cent range such as ``增长2%至3%`` stays a range; per cent
    only where the level cannot be a growth rate's bound: 入住率上升3.1%至89.4%, but 年增0.3%至3.3%)."""
    if unit is None or low <= 0:
        return False
    if not g.change_verb.search(text, max(0, start - 8), start):
        return False
    if unit.kind == "percent":
        return unit.canonical == "%" and high >= 10 * low and high >= 50
    return high >= 3 * low


def _trailing_mags(number: str) -> str:
    """The magnitude characters ending a number (``20-30万``: 万; ``三十万``: 万, after the tens of 三十), spaces
    removed."""
    i = len(number)
    while i > 0 and number[i - 1] in "万亿兆千百 ":
        i -= 1
    if i == 0 or number[i - 1] not in "0123456789十" + _CN_DIGITS:
        return ""
    return number[i:].replace(" ", "")


def _shared_fraction(g: _Grammar, text: str, q: Quantity) -> list[Quantity]:
    """The numbers listed right after a 百分之 value, each read with its 百分之 (十五点六 -> 百分之十五点六)."""
    written = fraction_word(q.text.replace(" ", "").lstrip("-−负"))
    prefix = written[: written.index("分之") + 2]
    out: list[Quantity] = []
    end = q.end
    while (m := g.shared_fraction.match(text, end)) is not None:
        try:
            value = parse_number(prefix + m.group("n"))
        except ValueError:
            break
        out.append(Quantity(m.start("n"), m.end("n"), m.group("n"), value, "%", "PERCENT", None))
        end = m.end("n")
    return out


def _share_units(g: _Grammar, text: str, out: list[Quantity], units_of: list[Unit | None]) -> None:
    """Bare numbers listed before a number with a unit take that unit (2.1和1.4个百分点); so does a
    number whose 个 is the start of the next one's unit (4.2个、1.8个百分点).  A qualifier written before the
    first of them covers the list (约3.4万及2.7万人次: both about, as 约五百三十二万及六百四十四万元 in news35)."""
    shared: list[int] = []
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if nxt.start - q.end > 4 or q.upper is not None or nxt.label in ("CARDINAL", "ORDINAL") or (
                nxt.label == "FRACTION" and (units_of[i + 1] is None or units_of[i + 1].kind != "fraction")):
            continue  # the distance first: most neighbours are further apart than a connector; of shares only
            # a unit's (1、2成 share 成), not a word's (过半) or a slash's
        per = _shared_per(units_of[i], units_of[i + 1])
        if q.label != "CARDINAL" and not per and not _shared_ge(units_of[i], units_of[i + 1]):
            continue
        if not g.connector_re.match(" " + _unqualified_gap(g, text[q.end : nxt.start].strip(), nxt)):
            continue
        if per and text[q.end : nxt.start].strip() in ",，":
            continue  # 2.16元和2.00元/克 share 元/克; after a comma a new clause starts
        unit = units_of[i + 1]
        if unit is None:
            continue
        value = q.value * unit.scale if q.label == "CARDINAL" else q.value / units_of[i].scale * unit.scale
        if q.label == "CARDINAL" and q.text.isascii() and (mag := _ARABIC_MAGNITUDE.match(nxt.text)) is not None:
            value *= parse_number(mag.group(1))  # 1286和1187.6亿元: the magnitude is shared with the unit
        elif q.label == "CARDINAL":
            value *= shared_place(q.text, nxt.text)  # 4、500公吨, 4、5千元: four or five hundred, thousand
        base = value * unit.factor if unit.factor is not None else None
        out[i] = Quantity(q.start, q.end, q.text, value, nxt.unit, nxt.label, q.qualifier, None, base,
                          unit.base_unit if base is not None else None, unit.currency)
        units_of[i] = unit
        shared.append(i)
    for i in reversed(shared):
        if out[i].qualifier is not None and out[i + 1].qualifier is None:
            out[i + 1] = out[i + 1]._replace(qualifier=out[i].qualifier)


def _unqualified_gap(g: _Grammar, gap: str, nxt: Quantity) -> str:
    """The connector between two listed values without the prefix qualifier of the second: the bounds of a
    bracket share its unit (超過一百萬、未滿兩百萬元); after a comma a new clause starts, so that stays."""
    if nxt.qualifier is None or len(gap) < 2:
        return gap
    length = _qualifier_length(g, gap, len(gap), len(gap) - 1)
    if not length:
        return gap
    rest = gap[:-length].strip()
    return rest if rest != "," else gap


#: an Arabic number and the magnitudes after it (1187.6亿元: 亿)
_ARABIC_MAGNITUDE = re.compile(r"[-+]?[\d,.]+\s?([万亿兆]+)(?![\d万亿兆])")


def _shared_per(unit: Unit | None, nxt: Unit | None) -> bool:
    """``2.16元`` before ``2.00元/克``: the value is in the unit per unit that follows."""
    return (unit is not None and nxt is not None and "/" not in unit.canonical
            and nxt.canonical.startswith(unit.canonical + "/"))


def _shared_ge(unit: Unit | None, nxt: Unit | None) -> bool:
    """``4.2个`` before ``1.8个百分点``: the 个 is the first character of the unit both share."""
    return (unit is not None and nxt is not None and unit.surface == "个" and len(nxt.surface) > 1
            and nxt.surface.startswith("个"))
