"""Schema and loader of the linker's rule files (``rules/linker.yaml``, ``rules/indicators.yaml``).

The linker itself (``pipeline/linker.py``) is a small generic engine; what it
knows about Chinese statistical prose lives in two YAML files a linguist can
edit without reading Python:

* ``linker.yaml`` ``lexicon:`` word classes (triggers with their kind and
  sign, comparison bases, qualifier words, fillers, locations, period
  patterns ...) and ``rules:`` the linking rules, each a regular expression
  over the text right before (``left``) and/or right after (``right``) a
  quantity, with macros ``{class}`` that expand to a lexicon class, plus its
  own positive ``examples`` and ``negatives``.
* ``indicators.yaml`` ``indicators:`` the catalogue of indicator and industry
  names with their ids, aliases and sources (``sources:``); schema and matcher
  in ``pipeline/catalogue.py``.

``load_rules`` validates every record (unknown fields, bad values, duplicate
ids, regular expressions that do not compile, macros naming no class) and
raises one ``RuleFileError`` listing every problem as ``file:line: message``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterable, Iterator
from typing import Literal, Optional, Sequence, Union

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .gcpause import collector_paused
from .link_place_phrase import place_phrase
from .link_verbal import verb_phrase
from .list_joiners import LIST_JOINERS
from .memo import SUBJECT_TEXTS, UNKNOWN, Memo
from .catalogue import Catalogue, Composite, Indicator, Source, build_catalogue, name_key
from .period_rules import PeriodGrammar, load_periods
from .resources import rules_path
from .rulefile import Problem, RuleFileError, duplicate_surfaces, read_sections, validate
from .subject_phrases import DERIVED_CLASSES, SubjectPhrases
from .token_patterns import CompiledPhrase, PhraseRule, compile_phrase
from .units import load_units

KINDS = ("level", "change", "share", "rank", "target")
BASES = ("yoy", "mom", "vs_prev")
#: the words after a trigger that say where a predicate reaches (跌至, 增长到): ``p_trigger_to`` ends with one
REACH_WORDS = ("至", "到")

# Lexicon classes the engine reads; a macro ``{name}`` in a rule may name any of them.
LEXICON_CLASSES = (
    "trigger",  # a verb right before the value; carries kind and sign (and sometimes a basis)
    "basis",  # a comparison cue: 同比 -> yoy ...; carries basis
    "qualifier",  # words between trigger and value that qualify it (约 超过 近 ...)
    "target",  # a cue that the statement is a future goal (到2025年 力争 ...)
    "share",  # a share predicate (占...比重) before the value
    "location",  # place words and patterns, stripped from subjects, reported as location
    "filler_prefix",  # words stripped from the start of a subject (其中 全年 累计 ...)
    "filler_suffix",  # words stripped from the end of a subject (分别 均 累计 ...)
    "subject_strip",  # patterns removed anywhere in a subject (parentheses, 按可比价格计算 ...)
    "leading_verb",  # verbs stripped from the start of a subject (建成 实现 ...)
    "count_verb",  # verbs after which "N个 + noun" is a measured count (建成45个集群)
    "act_verb",  # verbs of an act counted in a period, which stay in the count's name (发出40万份通知书 -> 发出通知书)
    "stop_verb",  # verbs that end a noun phrase written after the value
    "anaphor",  # subjects that refer back to the previous indicator (增速 数量 ...)
    "amount_anaphor",  # anaphors naming an amount of money (金额): not of an indicator that counts (外销数量)
    "count_tail",  # endings of an indicator that counts (数量 数目 人次), of which no amount is said
    "plural_anaphor",  # anaphors of the last n indicators, n the numeral they start with (两者 三者)
    "rate_modifier",  # words of an average or a year before a rate noun that leave it an anaphor (平均年增率)
    "head",  # head nouns that, alone, combine with a topic (新三样产品 + 出口)
    "topic_measure",  # measures that, alone, combine with a topic named without a value (银行业 + 获利), no heads elsewhere
    "measure_average",  # an average per day or month written before such a measure, part of its name (平均每日成交金额)
    "share_noun",  # indicator endings that make a level a share (比重 生产比 ...)
    "rate_noun",  # indicator endings that make a level a rate of change (增长率 ...)
    "basis_rate",  # rate nouns that name their comparison (年增率 月增率): one another's stand-ins
    "heading",  # whole clauses that are headings, not subjects (分产业看 ...)
    "not_topic",  # clause starts/ends that never give a topic (据 根据 ... 显示)
    "topic_cut",  # where a topic clause stops being the subject (占 与 作为 ...)
    "topic_cause",  # a cause after a topic (X受惠…, X因…, X受…影响): the topic ends before it
    "topic_remark",  # a remark on how a topic fares, closing its clause (X表现仍然理想): the topic ends before it
    "set_remark",  # where the items of a set are (百强镇主要集中在东部地区): a breakdown after it (其中) divides the set
    "breakdown_lead",  # words opening a breakdown (其中 当中): a topic owns no measure of the items after them
    "predicate_adverb",  # adverbs written between a subject and its verb (亦 已): a clause opening with one has no subject
    "period_ref",  # words right before a period that make it a comparison reference
    "comparative",  # one-character comparatives, change triggers only after 比/较
    "conj",  # words joining listed values (和 、 或 ...)
    "list_cue",  # words that make a coordination distributive (分别)
    "shared_cue",  # words that share one value among conjuncts (均 都)
    "place_unit",  # measure words of a count of places (四省, 31个省份): a place reference, not part of a name
    # word lists of the engine's own patterns (built in _engine_patterns; the grammar around them stays there)
    "change_adverb",  # adverbs allowed after a change trigger that cuts a topic (增长较快)
    "share_cut",  # where a subject region stops at a share predicate (X占Y的比重: 占, not 占用 占地 ...)
    "top_places",  # a top-N slot of places by county or city (前3大县市), spelled once for ranked_by and filler_suffix
    "rate_tail",  # rate nouns stripped from the end of a subject, making the value a change (出口增速)
    "rate_tail_de",  # rate nouns stripped only after 的 (X的增长率; 经济增长率 stays a name)
    "rate_cut_lead",  # basis words after which a rate noun ending a subject is cut (按年升幅; GDP增速 stays)
    "share_tail",  # share nouns stripped from the end of a changing subject (旅客比重同比增加)
    "ratio_whole",  # nouns naming the whole a ratio divides, stripped from its subject (三次产业结构为3.6:47.9:48.5)
    "forecast_growth",  # growth words before a forecast noun (生产总值增长预测: a rate of 生产总值)
    "forecast_noun",  # forecast nouns after a growth word (预测 预估 预期)
    "head_sector",  # sector words that join a shared head (电子、化工行业增加值 -> 行业增加值)
    "category_noun",  # nouns ending the last of coordinated modifiers, shared by all (资讯通信及电子产品)
    "shared_prep",  # prepositions before the first of coordinated places, shared by all (对东盟、欧盟出口)
    "scope_block",  # words after 中 that make it part of a word (中位数 中央 中心), not a scope X中Y
    "span_average",  # words after a span of months that belong to the period (1-9月平均)
    "heading_prep",  # prepositions opening a heading clause that goes on to name the topic (分季度看…)
    "heading_verb",  # the verb closing such a heading (看 来看)
    "heading_tail",  # a word closing a heading clause after the topic it names (进口方面,年增30.1%)
    "place_tail",  # a word written right after a place that belongs to it (新竹地区): part of the location
    "measure_heading_prep",  # a preposition whose heading names the measure that follows (若以每坪成交均价来看)
    "colon_measure",  # a measure named by a heading before a colon, given to the items listed after it (本旬平均日产:粗钢…)
    "fall_noun",  # nouns naming the size of a fall: a verb of being after one states a decrease (减幅更大,达33%)
    "apposition_cue",  # words after a count in apposition (教育和通讯两个大类分别上升)
    "right_qualifier",  # qualifiers between a value and the noun written after it (45个以上集群)
    "right_link",  # verbs between a value and the noun written after it (209个成为示范工厂)
    "compare_ref",  # comparison words right before a reference period (较去年同期的125亿元)
    "compare_open",  # words opening a subject region with a comparison (较2011年总收入增加: the reference's noun)
    "difference_open",  # words opening a subject region with a comparison before a change (比常年偏少7.4%)
    "difference_block",  # words starting with a comparison word that are none (比重 比例 较大 较多)
    "ref_value_lead",  # words between a reference period and its own value (较2023年11月相应升幅2.6%)
    "ref_value_noun",  # rate nouns between a reference period and its own value (升幅 增速 水平 ...)
    "ref_value_currency",  # currency names before a reference period's own value (较去年同期之港币五十四亿元)
    "share_ref",  # verbs before the reference amount of a share (恢复到2017年末的84%)
    "listed_ref_cue",  # words before 比/较 listing one comparison reference per value (分别较A和B)
    "growth_word",  # growth nouns whose comparison cue stays in their own clause (增速同比回落)
    "period_prep",  # words stripped from the start of a reported period (截至 到 在 ...)
    "period_tail",  # words stripped from the end of a reported period (平均 合计 累计 期间)
    "open_line_end",  # characters that cannot end a sentence: a line ending in one is wrapped (…估计为\n3499亿元)
    "place_keep",  # words right after a place that keep it in the subject, not a location (X贡献)
    "item_average",  # averages per day, person or item, alone before a value: put before the name carried (日均)
    "function_led_word",  # words of the domain opening with a one-character filler that stays (与会, 还债)
    "bracketed_items_lead",  # a list cue and 是/为 before items with bracketed values (分别是肿瘤(188人)、…)
    "item_prep",  # a preposition ending a subject right before its value: X is a ranked item (X以18宗居第2)
    "singled_out",  # words after a value singling out a breakdown's item written after 以 (以电子产品年增102.7%较多)
    "origin_noun",  # nouns after places (coordinated ones too) that make them an origin, kept (中国大陆及香港旅客)
    "owner",  # companies, banks and groups owning the measures of a results report (台积电, 台中银行, 彰银)
    "owner_code",  # a stock code in brackets after a name (腾讯(00700)): the name is a listed company, an owner
    "owner_verb",  # verbs of an owner reporting its own results, dropped between it and the measure (台积电预期…毛利率)
    "owner_agent",  # a name achieving results (瑞幸实现营收): a company the lexicon lacks, the owner of its sentence
    "owner_agent_not",  # such names that are trades, scopes, sets or places (规模以上纺织企业实现营业收入): no owners
    "owner_named",  # a name opening a subject before a measure only companies report (伊利股份归母净利润): an owner
    "owned_measure",  # measures of a company's results that, written bare, take the owner of their sentence (营收, EPS)
    "owned_line",  # words of a results line (拨备, 利润, 股利): a subject holding one does not end its sentence's owner
    "owner_example",  # 以X为例 in a clause of its own: X, an owner, owns the measures after it (以星展银行为例,其…收入)
    "owned_not",  # subjects naming a set of firms or a scope (龙头企业营业收入, 全县收入): no owner's measure
    "owned_head",  # head nouns ending a measure's name (门店数量, 不良贷款率, 利息收入): bare, the owner's measure
    "breakdown_place",  # places that, alone before a value, name an item of a breakdown (泰国成长57.3%)
    "ranked_by",  # superlatives cut before 为 and the place they rank first (粗出生率最高为彰化县)
    "ranked_unit",  # units a superlative ranks, written before 的 (大埔医院的使用率最高: 医院)
    "rank_frame",  # a slot of a ranking by market or origin before 为 and its item (第一大接单地区为美国)
    "place_set",  # kinds of places a top-N ranking lists by their values (10大观光游憩区依序为…)
    "held_scope",  # a 的-phrase of scope opening a subject (码头以外的货柜吞吐量): part of the name, never cut off
    "reporter_scope",  # the reporter's own scope (全省 我市 本港): a location, never a name's owner
    "economy_word",  # words of an economy-wide indicator, of which such a place is the location (经济成长率)
    "partner_measure",  # words of a measure given by partner (出口, 旅客, 投资): a place alone before its value is an item
    "owner_turn",  # words turning to another company at a clause's start (而远传电信则…, 反观中华电信…)
    "ref_period_tail",  # words right after a period that make it a comparison reference (去年同期)
    "whole_year",  # periods naming the whole year, never replacing a period written before them in the clause (全年)
    "span_start_tail",  # words after a period that open a span from it (从3月份开始): it is no comparison reference
    "start_ref",  # words before the starting point of a change, whose value may follow a change word (由1~9月下降0.4%)
    "annual_average",  # words of an average over years (年均): the value takes a period only when it is a span
    "cause_lead",  # words opening a cause (因为 由于): a period after them is that clause's only (因为7到9月风灾影响,…)
    "calendar_year",  # periods naming one year as written (2022年, 今年): 全年 later in the sentence is that year
    "clause_period",  # periods naming an earlier year's same period (去年同期): the period of their own clause only
    "price_per_unit",  # the unit a price is given per, between a product and its price (每公升)
    "price_head",  # price nouns a product priced per unit takes from before it (参考零售价格分别为92无铅汽油每公升26.4元)
    "threshold_word",  # words (的 after them) making a quantity a threshold inside a noun (500万元以上的企业)
    "rate_basis",  # basis words between 的 and a rate noun after a value; carries basis (的年均增长率 -> yoy)
    "rate_adjective",  # words judging a rise or fall named after a value (录得20.3%的强劲增幅, 百分之18.9的双位数升幅)
    "not_a_name",  # function words and time words that, with periods and numerals, never make a name alone
    "predicate_word",  # regional adverbs and verbs of a predicate the tagger does not know (只差 连升): never in a name
    "month_span",  # period patterns naming a span of months (1-9月 前三个月 首季), before 平均 (class span_average)
    "contraction",  # two measures written as one word (产销: 产量 and 销量), split by a 分别 list (field expansions)
    "contraction_each",  # contractions whose measures add into no total (产销): one value said of both is each one's
    "measure_noun",  # bare measures a modifier written once before their list scopes over (户数、从业人员: 民营经济从业人员)
    "list_summary",  # 等 + a category naming the list before it (A、B等产品产量): dropped before the list splits
    "all_cue",  # shared cues meaning "all" (均 都 皆), not "likewise" (同样): shared by the statements before
    "survey_scope",  # a survey scope (规模以上企业, 限额以上) before coordinated names sharing a head: shared by all
    "sector_abbrev",  # abbreviations holding a sector word (民企 国企 外企): a shared 企业 head adds no 企业
    "enum_block",  # words ending in 等 that are no "and so on" (高等学校, 中等职业教育): not the end of an enumeration
    "place_reference",  # (优于)韩国的 right before a value: that place's value of the indicator carried (group place)
    "partner_frame",  # 输往/对 + a set of partners + measure (输往大部分主要目的地的整体出口货值): items fill the set
    "partner_gap",  # change verbs between a partner written alone and its value (东协增32.2%)
    "forecast_ref",  # a forecast noun (group ``noun``) right before a value compared with (较5月预测1.82%): its own subject
    "basis_carry",  # words after a basis cue saying it holds for the text after it (比去年同期(下同)增长4.6%)
    "basis_carry_lead",  # words before a basis cue saying the same (以下均为同比)
    "compared_value_lead",  # comparison words before a reference and 的 and its value (较上年同期的4.1%, 优于韩国的1.8%)
    "rate_move_up",  # verb-object words raising the rate their object names (加息: 利率, field names), rule subject object
    "rate_move_down",  # the same, cutting it (减息 降息: 利率)
)
#: the classes of verb-object words whose entries name the indicator their object stands for (field ``names``)
OBJECT_CLASSES = ("rate_move_up", "rate_move_down")


class LexiconEntry(BaseModel):
    """One group of words or patterns of a lexicon class."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    class_: Literal[LEXICON_CLASSES] = Field(alias="class")  # type: ignore[valid-type]
    description: str = ""
    words: list[str] = []
    patterns: list[str] = []
    kind: Optional[Literal[KINDS]] = None  # type: ignore[valid-type]
    sign: Literal[1, -1] = 1
    basis: Optional[Literal[BASES]] = None  # type: ignore[valid-type]
    expansions: dict[str, list[str]] = {}  # class contraction: each word and the measures it stands for, in order
    names: Optional[str] = None  # OBJECT_CLASSES: the indicator the words' object stands for (减息: 利率)

    @model_validator(mode="after")
    def _expanded_words(self) -> "LexiconEntry":
        missing = [w for w in self.expansions if w not in self.words]
        if missing:
            raise ValueError(f"expansions of words not listed in words: {missing}")
        if any(len(v) < 2 for v in self.expansions.values()):
            raise ValueError("a contraction stands for two or more measures")
        if (self.names is not None) != (self.class_ in OBJECT_CLASSES):
            raise ValueError(f"names is given with the classes {', '.join(OBJECT_CLASSES)}, and only with them")
        return self

    @field_validator("patterns")
    @classmethod
    def _compile(cls, v: list[str]) -> list[str]:
        for p in v:
            try:
                regex.compile(_MACRO.sub("(?:)", p))  # a {class} macro is expanded once every class is read
            except regex.error as err:
                raise ValueError(f"pattern {p!r} does not compile: {err}") from None
        return v

    @field_validator("words")
    @classmethod
    def _nonempty(cls, v: list[str]) -> list[str]:
        if any(not w for w in v):
            raise ValueError("empty word")
        return v


class ExpectedEvent(BaseModel):
    """An event a rule example must produce (fields left out are not checked)."""

    model_config = ConfigDict(extra="forbid")

    indicator: str
    value_text: str
    value: Optional[float] = None
    unit: Optional[str] = None
    kind: Optional[Literal[KINDS]] = None  # type: ignore[valid-type]
    basis: Optional[str] = "unchecked"
    period: Optional[str] = "unchecked"
    location: Optional[str] = "unchecked"


class Example(BaseModel):
    """A sentence with its quantities marked as [..] and the events it must yield."""

    model_config = ConfigDict(extra="forbid")

    text: str
    events: list[ExpectedEvent] = []

    @field_validator("text")
    @classmethod
    def _marked(cls, v: str) -> str:
        if "[" not in v:
            raise ValueError("mark each quantity of the example as [..]")
        return v


class Negative(BaseModel):
    """A sentence and a marked value that must get no event (or none from this rule)."""

    model_config = ConfigDict(extra="forbid")

    text: str
    value_text: str
    mode: Literal["no_event", "not_this_rule"] = "no_event"


class LinkRule(BaseModel):
    """One linking rule: conditions on the text around a quantity, and what it yields."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    description: str = Field(min_length=1)
    left: Optional[str] = None
    right: Optional[str] = None
    sentence_before: Optional[str] = None
    labels: Optional[list[Literal["PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "FRACTION"]]] = None
    units: Optional[list[str]] = None
    kind: Optional[Literal[KINDS]] = None  # type: ignore[valid-type]
    sign: Optional[Literal[1, -1]] = None
    basis: Literal["cue", "none", "yoy", "mom", "vs_prev"] = "cue"
    # object: the indicator a verb-object word of group ``object`` in ``left`` names (减息0.25厘: 利率)
    subject: Literal["left", "right", "carry", "previous", "next", "object"] = "left"
    emit: bool = True
    carry: bool = True  # false: the statement is a reference amount, not what later values refer to
    in_subject: bool = False  # true (with emit false): the quantity is part of the next value's subject
    keep_rate: bool = False  # true: a rate noun ending the subject stays in its name (X增速快于Y)
    right_predicate: bool = False  # true (subject right): the predicate after the noun stays in the name (有19种产品产量同比增长)
    act_verb: bool = False  # true (subject right): the verb of group ``act`` goes before the noun (巡查了1441间雇用场所)
    examples: list[Example] = []
    negatives: list[Negative] = []


_MACRO = regex.compile(r"\{([a-z_]+)\}")


@dataclass
class CompiledRule:
    spec: LinkRule
    line: int
    left: Optional[EndPattern]
    right: Optional[regex.Pattern]
    sentence_before: Optional[regex.Pattern]
    # whether ``right`` may match a text beginning with its first character, learnt once per character: nine in ten
    # of the texts after a value a rule's right pattern is tried on begin with a character no match of it begins with
    right_start: Optional["StartTest"] = field(default=None, compare=False, repr=False)


@dataclass
class EnginePatterns:
    """The patterns the linking engine derives from the lexicon, compiled once when the rules load.

    The engine (``pipeline/linker.py`` and its stages ``pipeline/link_*.py``) never builds or compiles a
    pattern per document: every pattern it needs is here (attribute names are the engine's own).
    """

    p_location: "LongestPrefix"  # place words and patterns, longest at a position
    p_basis_prefix: Optional[regex.Pattern]
    p_basis_suffix: Optional[EndPattern]
    # a basis cue the text says holds for what follows (比去年同期(下同), 以下均为同比): group cue
    p_basis_carry: Optional[regex.Pattern]
    # a comparison word, its reference and 的 ending the text before a value: the value is the reference's own
    p_compared_value: regex.Pattern
    p_share_noun: regex.Pattern
    p_change_trigger: regex.Pattern  # a change trigger ending the text (adverbs after it allowed)
    p_trigger_change: regex.Pattern  # any change trigger
    p_filler_prefix: regex.Pattern
    p_filler_suffix: EndPattern
    p_strip: regex.Pattern
    p_leading_verb: regex.Pattern
    p_anaphor: regex.Pattern
    p_amount_anaphor: regex.Pattern  # an anaphor naming an amount of money (fullmatch)
    p_amount_tail: regex.Pattern  # such a word ending an indicator (search)
    p_count_tail: regex.Pattern  # the ending of an indicator that counts (search)
    p_plural_anaphor: regex.Pattern  # 两者 三者: the last n indicators stated
    p_modified_rate: regex.Pattern  # a rate noun after words of an average or a year only (年增长率, 平均年成长率)
    p_trigger_only: regex.Pattern  # a subject that is only a trigger word (升至, 减收): no subject of its own
    p_trigger_tail: regex.Pattern  # a trigger, then 至/到, ending a subject (下滑至, 大幅滑落)
    p_trigger_to: regex.Pattern  # a trigger, then 至/到 (search: before the period a predicate reaches)
    p_value_lead: regex.Pattern  # a trigger, then at most a short noun, ending the text before a value (比例为, 实现营业收入)
    p_not_a_name: regex.Pattern  # what a subject may hold and still name nothing (from 2010年末, 前两个月, 底)
    p_fillers_only: regex.Pattern  # the same, without the one-character rule: the words before a trigger
    p_head: regex.Pattern
    p_head_suffix: regex.Pattern
    p_rate: regex.Pattern
    p_basis_rate: regex.Pattern  # a rate noun naming its comparison, ending a name (search) or alone (fullmatch)
    p_heading: regex.Pattern
    p_not_topic: regex.Pattern
    p_topic_cut: regex.Pattern
    p_topic_cause: regex.Pattern  # a cause written after a topic, which ends there (search)
    p_topic_remark: regex.Pattern  # a remark on how a topic fares, closing its clause (search)
    p_topic_measure: regex.Pattern  # a lone measure a topic named without a value owns (营业额 获利; fullmatch)
    p_topic_measure_end: regex.Pattern  # such a measure ending a topic, which then names a statistic (search)
    p_breakdown_lead: regex.Pattern  # a breakdown word (其中) between a topic and a value (search)
    p_set_remark: regex.Pattern  # where the items of a set are, closing a clause stating no value (search)
    p_predicate_adverb_end: regex.Pattern  # such an adverb ending the text before a subject (search)
    p_forecast_ref: regex.Pattern
    p_target: regex.Pattern
    p_list_cue: regex.Pattern
    p_bracket_run_end: regex.Pattern  # where the noun written after a run of bracketed values ends: a cue or trigger
    p_shared_cue: regex.Pattern
    p_stop: regex.Pattern
    p_period_ref: EndPattern
    p_conj_only: regex.Pattern
    p_conj_trigger: regex.Pattern
    p_conj_end: regex.Pattern  # a conjunction (and a qualifier) ending the text before a value (search)
    p_place_unit: regex.Pattern
    # engine patterns whose words are lexicon classes of their own (grammar here, words in rules/linker.yaml)
    p_share_cut: regex.Pattern  # a share predicate cutting a subject region (X占Y的比重)
    p_rate_tail: EndPattern  # a rate noun ending a subject (出口增速, X的增长率): the value is a change
    p_rate_cut: EndPattern  # such a noun cut from the name: after 的 or with a basis word (X的增长率, X的按年升幅)
    p_share_tail: EndPattern  # a share noun ending a subject (旅客比重)
    p_ratio_whole: EndPattern  # the whole a ratio divides, ending its subject (三次产业结构)
    p_list_rate_after: regex.Pattern  # 的 + a rate noun right after a list of values (录得1.2%及2.1%的升幅)
    p_list_fall_after: regex.Pattern  # 的 + a fall noun right after a list of values (录得4.0%及2.2%的跌幅)
    p_forecast_tail: EndPattern  # a growth forecast ending a subject (增长预测值)
    p_head_sector: regex.Pattern  # a sector word ending the text before a shared head
    p_head_sector_start: regex.Pattern  # a sector word beginning a shared head (类零售额)
    p_category_tail: regex.Pattern  # a category noun ending the last of coordinated modifiers
    p_shared_prep: regex.Pattern  # a preposition opening the first of coordinated places (对东盟、欧盟)
    p_list_summary: regex.Pattern  # 等(4个)重点行业 after an enumeration: the list's category, not a conjunct
    p_all_cue: regex.Pattern  # a shared cue meaning "all" (fullmatch): 均排名全国第1 after several statements
    p_survey_scope: regex.Pattern  # a survey scope opening the first of coordinated names (规模以上企业纱、布产量)
    p_sector_abbrev: regex.Pattern  # an abbreviation holding a sector word (fullmatch): 民企 takes no 企业
    p_enum_prefix: regex.Pattern  # A、B等 opening a subject: examples before the name (not 高等 of 高等学校)
    p_scope_prefix: regex.Pattern  # a scope X中 opening a subject, X ending in a head or sector word (工业投资中)
    p_span_average: regex.Pattern  # an average after a span of months (1-9月平均), matched at the period's end
    p_heading_lead: regex.Pattern  # a heading opening a topic clause (分季度看全国城镇调查失业率)
    p_heading_tail: regex.Pattern  # a heading word closing a clause after its topic (进口方面)
    p_place_tail: regex.Pattern  # a word right after a place, part of it (match)
    p_measure_heading: regex.Pattern  # a heading naming the measure (以X来看; match, group topic)
    p_colon_measure: regex.Pattern  # a measure a colon heading gives its items (fullmatch)
    p_fall_noun: regex.Pattern  # a noun naming the size of a fall (减幅, 跌幅, 衰退幅度)
    p_apposition_cue: regex.Pattern  # 分别/均 ... right after a count in apposition
    p_right_lead: regex.Pattern  # qualifier and verb between a value and the noun written after it
    p_compare_ref: EndPattern  # a comparison word ending the text before a reference period
    p_compare_open: regex.Pattern  # a comparison word after a lead that names nothing, opening a subject region
    p_compare_word: regex.Pattern  # a comparison word of class compare_open anywhere (search): none, no p_compare_open
    p_difference_open: regex.Pattern  # a comparison word (not of a word difference_block) after fillers only
    p_ref_value_gap: regex.Pattern  # what may stand between a reference period and its own value (fullmatch)
    p_share_ref: EndPattern  # a share-reference verb ending the text before a period
    p_listed_refs: regex.Pattern  # 分别较A和B (相比) ending the text before a trigger: groups cmp, refs
    p_growth_word_end: EndPattern  # a growth noun ending the text before a basis cue
    p_period_prep: regex.Pattern  # a preposition opening a reported period
    p_period_tail: regex.Pattern  # a word closing a reported period
    p_place_keep: regex.Pattern  # a word right after a place keeping it in the subject (match)
    p_item_average: regex.Pattern  # an average per day, person or item written in a subject (search)
    p_function_led_word: regex.Pattern  # a domain word opening with a one-character filler (与会人数; match)
    p_bracketed_items_lead: regex.Pattern  # 分别是 before items with their values in brackets (search)
    p_item_prep: regex.Pattern  # the preposition ending a subject whose value is a ranked item's (search, at the end)
    p_apposition_head: regex.Pattern  # a head noun and 分别/均 after a count in apposition (两项消费分别; match)
    p_item_lead: regex.Pattern  # that preposition before the item instead (以天水围嘉湖山庄占31宗; fullmatch, group item)
    p_singled_lead: regex.Pattern  # 以 opening a subject region, perhaps after fillers (match)
    p_singled_out: regex.Pattern  # the words ending a clause that single its item out (search)
    p_origin_noun: regex.Pattern  # an origin noun right after places (match)
    p_owner: "LongestPrefix"  # the longest owner opening a subject or clause (台积电, 小米集团 not 小米, 富邦金控)
    p_owner_word: "LongestPrefix"  # the longest owner named by a word of the lexicon (贵州茅台: no place to strip)
    p_owner_coded: regex.Pattern  # a name a stock code follows (match, group coded: 永利澳门(1128))
    # where in a text an owner or a stock code may be written (search): a text it finds nothing in has no suffix
    # that p_owner, p_owner_word or p_owner_coded match; None where the owner patterns look behind their start
    p_owner_inside: Optional[regex.Pattern]
    p_owner_verb: regex.Pattern  # an owner's reporting verb right after it (match)
    p_owner_agent: regex.Pattern  # a name and its verb of achieving results opening a region (match, group agent)
    p_owner_agent_not: regex.Pattern  # such a name that is no company (search)
    p_owner_named: regex.Pattern  # a name and a measure only companies report, a whole subject (fullmatch, group named)
    p_owned_measure: regex.Pattern  # a measure of a company's results written bare (fullmatch)
    p_held_scope: regex.Pattern  # a scope opening a subject that defines its statistic (match)
    p_owned_line: regex.Pattern  # a word of a results line in a subject (search)
    p_owned_head: regex.Pattern  # a measure's head noun ending a subject (search)
    p_owned_not: regex.Pattern  # a subject naming a set of firms, a trade or a scope of its own (search)
    p_owner_example: regex.Pattern  # a clause singling its owner out as an example (fullmatch, group owner)
    p_breakdown_place: regex.Pattern  # a place naming an item of a breakdown (fullmatch)
    p_place_reference: regex.Pattern  # a place and 的 before a value, after a comparison perhaps (fullmatch)
    p_partner_frame: regex.Pattern  # a measure of trade with a set of partners, groups pre, scope, post (search)
    p_partner_gap: regex.Pattern  # a bracket or change verb between a partner and its value (fullmatch)
    p_economy_word: regex.Pattern  # a word of an economy-wide indicator (search)
    p_partner_measure: regex.Pattern  # a word of a measure given by partner, or an origin noun (search)
    p_owner_turn: regex.Pattern  # a word turning to another company, opening a clause (match)
    p_ranked_by: regex.Pattern  # a superlative ending the text before 为 (search, up to 为)
    p_ranked_unit: regex.Pattern  # a unit a superlative ranks, ending the item before 的 (search, at the end)
    p_rank_frame: regex.Pattern  # a subject naming only a slot of a ranking (fullmatch)
    p_place_set: regex.Pattern  # a top-N set of places, 依序为 and its first place (fullmatch: groups set, item)
    p_reporter_scope: regex.Pattern  # the reporter's own scope opening a subject (match)
    p_ref_period_tail: regex.Pattern  # a word right after a period making it a comparison reference (match)
    p_whole_year: regex.Pattern  # a period naming the whole year (fullmatch, spaces removed)
    p_calendar_year: regex.Pattern  # a period naming one year as written (fullmatch, spaces removed)
    p_clause_period: regex.Pattern  # a period holding in its own clause only (fullmatch, spaces removed)
    p_span_start_tail: regex.Pattern  # a word right after a period opening a span from it (match)
    p_start_ref: EndPattern  # a start-point word ending the text before a period (search)
    p_start_value_gap: regex.Pattern  # between a starting period and its own value: 的, a change word (fullmatch)
    p_annual_average: regex.Pattern  # an average over years in the clause before a value (search)
    p_cause_lead: EndPattern  # a cause word ending the text before a period, 的 or 在 between allowed (search)
    p_price_head: regex.Pattern  # a price noun written before products priced per unit (search)
    p_price_per_unit: regex.Pattern  # the text between a product and its price per unit (match)
    p_threshold: regex.Pattern  # a threshold word + 的 right after a quantity (match)
    p_month_span: regex.Pattern  # a span of months inside a period (search)
    # the grammar of periods the linker runs with: its time words (``mention``) are fillers of a subject naming nothing,
    # end a relative clause's test (link_subjects) and are a document's periods where none are given (link_document)
    periods: PeriodGrammar
    # basis words of a rule's (?P<basis_word>..) group, each entry's words and patterns (fullmatch): (pattern, basis)
    rate_basis: list[tuple[regex.Pattern, str]] = field(default_factory=list)
    # triggers that carry their own basis (年增, 月增), as cues for basis_for: (pattern, basis)
    basis_triggers: list[tuple[regex.Pattern, str]] = field(default_factory=list)
    comparatives: frozenset[str] = frozenset()
    open_line_end: frozenset[str] = frozenset()  # one-character words of class open_line_end
    predicate_words: frozenset[str] = frozenset()  # words of class predicate_word, for link_verbal's cut and tags
    # every basis cue for basis_for, with the literal word a cue needs to occur (None for a pattern), so
    # the engine skips the cues whose word is absent: (literal or None, pattern, basis)
    basis_cues: list[tuple[Optional[str], regex.Pattern, str]] = field(default_factory=list)
    basis_trigger_literals: list[Optional[str]] = field(default_factory=list)  # parallel to basis_triggers
    # the basis cues, then the triggers carrying a basis, as (literal or None, pattern, basis, whether a cue)
    # (derived), and where a match of each of them written as a pattern may start, in that order
    cue_entries: list[tuple[Optional[str], regex.Pattern, str, bool]] = field(init=False)
    cue_starts: "PairStarts" = field(init=False)
    cue_patterns: list[int] = field(init=False)  # the entries written as patterns (PairStarts's order)
    cue_by_word: dict[str, list[int]] = field(init=False)  # a literal word -> the entries written as it
    cue_words: "WordsPresent" = field(init=False)  # which of those words a sentence holds
    # which characters a match of the prefixes stripped only when not empty can start with (derived)
    basis_prefix_starts: Optional["StartTest"] = field(init=False, default=None)
    filler_prefix_starts: "StartTest" = field(init=False)
    leading_verb_starts: "StartTest" = field(init=False)
    # p_trigger_tail as an EndPattern: whether a subject can end in a trigger at all, before every start is tried
    trigger_tail_end: "EndPattern" = field(init=False)
    _names_nothing: Memo = field(init=False, default_factory=lambda: Memo(SUBJECT_TEXTS), repr=False)
    catalogue: Optional[Catalogue] = field(init=False, default=None, repr=False)  # set by load_rules: names_nothing
    # the length of the basis, filler, scope or verb prefix opening a subject's text (link_subjects)
    word_prefix_lens: Memo = field(init=False, default_factory=lambda: Memo(SUBJECT_TEXTS), repr=False)
    # the spans of a subject region that p_strip removes (link_subjects)
    strip_spans: Memo = field(init=False, default_factory=lambda: Memo(SUBJECT_TEXTS), repr=False)
    # (a subject region, topic, strip_rate) -> where its cut ends it, and what the cut says (link_subjects)
    region_cuts: Memo = field(init=False, default_factory=lambda: Memo(SUBJECT_TEXTS), repr=False)
    # (a sentence's text before a value, where its value's clause starts in it) -> the basis of that value (link_cues)
    bases_before: Memo = field(init=False, default_factory=lambda: Memo(SUBJECT_TEXTS), repr=False)
    # a sentence's text before a value -> whether a target cue stands in it (link_cues.is_target)
    targets_before: Memo = field(init=False, default_factory=lambda: Memo(SUBJECT_TEXTS), repr=False)
    # a subject region and what its cleaning reads around it -> the subject, placed relative to the region (link_subjects)
    subjects_before: Memo = field(init=False, default_factory=lambda: Memo(SUBJECT_TEXTS), repr=False)
    # a subject region -> the owner opening it and its text from there (link_statements.region_owner)
    region_owners: Memo = field(init=False, default_factory=lambda: Memo(SUBJECT_TEXTS), repr=False)
    # the characters before a value -> how far back the places written alone there start (link_statements)
    placed_starts: Memo = field(init=False, default_factory=lambda: Memo(SUBJECT_TEXTS), repr=False)
    # a sentence's text before a period -> the cues it ends in (link_cues._cues_ending)
    period_cues: Memo = field(init=False, default_factory=lambda: Memo(SUBJECT_TEXTS), repr=False)
    # a clause without a statement (with the characters before it) -> where its topic is written (linker._topic_frame)
    topic_frames: Memo = field(init=False, default_factory=lambda: Memo(SUBJECT_TEXTS), repr=False)

    def __post_init__(self) -> None:
        if self.p_basis_prefix is not None:
            self.basis_prefix_starts = StartTest(self.p_basis_prefix)
        self.filler_prefix_starts = StartTest(self.p_filler_prefix)
        self.leading_verb_starts = StartTest(self.p_leading_verb)
        self.trigger_tail_end = EndPattern(self.p_trigger_tail)
        self.cue_entries = [(literal, pat, basis, True) for literal, pat, basis in self.basis_cues] + \
            [(literal, pat, basis, False)
             for (pat, basis), literal in zip(self.basis_triggers, self.basis_trigger_literals)]
        self.cue_patterns = [i for i, entry in enumerate(self.cue_entries) if entry[0] is None]
        self.cue_starts = PairStarts([self.cue_entries[i][1] for i in self.cue_patterns])
        self.cue_by_word = {}
        for i, entry in enumerate(self.cue_entries):
            if entry[0] is not None:
                self.cue_by_word.setdefault(entry[0], []).append(i)
        self.cue_words = WordsPresent(self.cue_by_word)

    def names_nothing(self, text: str) -> bool:
        """Whether a subject's text names no indicator by itself (an anaphor or bare rate noun: 这, 增幅; a rate noun
        after words of an average or a year only, which say how the rate of the indicator before was taken: 年增长率,
        平均年成长率; a
        trigger alone; only periods, numerals and fillers; a verb phrase, ``link_verbal``; places with a verb
        phrase beside them, ``link_place_phrase``): the linker takes the
        indicator carried instead.
        Asked of every subject, and news repeats its subjects: the answers are kept."""
        got = self._names_nothing.get(text)
        if got is None:
            got = self._names_nothing.keep(text, bool(
                self.p_anaphor.match(text) or self.p_modified_rate.match(text) or self.p_trigger_only.match(text)
                or self.p_not_a_name.match(text)
                or self._predicate_only(text)
                or (self.catalogue is not None and (verb_phrase(text, self.catalogue, self.predicate_words)
                                                    or place_phrase(text, self.p_location, self.catalogue, self.p_rate)))))
        return got

    def _predicate_only(self, text: str) -> bool:
        """Whether a subject is a predicate whose own subject was written before it: periods and adverbs, a
        trigger, 至/到 (86~95年大幅滑落至增1.7%, 比重从27.5%下滑至25.3%, 跃增至2017年达2.5亿美元), and after a trigger
        with 至/到 the period it reaches (跌至2022至23学年的14万人).

        Every match of the trigger tail ends where the text does: most subjects end in no trigger, which its
        ``EndPattern`` tells from the end alone, where the overlapped search tried the triggers at every start.  Every
        match of a trigger with 至/到 holds one of ``REACH_WORDS``: a subject without one (nearly all) is not searched."""
        return (self.trigger_tail_end.may_match(text)
                and any(self.p_fillers_only.match(text, 0, m.start())
                        for m in self.p_trigger_tail.finditer(text, overlapped=True))) \
            or (any(w in text for w in REACH_WORDS)
                and any(self.p_fillers_only.match(text, 0, m.start()) and self.p_fillers_only.match(text[m.end():])
                        for m in self.p_trigger_to.finditer(text, overlapped=True)))


def _engine_patterns(compiled: dict[str, regex.Pattern], alternations: dict[str, str],
                     bases: list[tuple[regex.Pattern, str]], triggers: dict[str, "LexiconEntry"],
                     trigger_patterns: list[tuple[regex.Pattern, "LexiconEntry"]],
                     lexicon: dict[str, list["LexiconEntry"]], lists: WordLists,
                     periods: PeriodGrammar) -> EnginePatterns:
    lex = compiled
    alt = alternations  # each class as "(?:word|...|pattern)", or "(?!)" when empty

    def opt(cls: str) -> str:
        """The class as an optional group (a bare "(?!)" must not take a quantifier)."""
        return "(?:" + alt[cls] + ")?"

    bases_alt = "|".join(p.pattern for p, _ in bases)
    basis_triggers: list[tuple[regex.Pattern, str]] = []
    trigger_literals: list[Optional[str]] = []
    for word, entry in triggers.items():
        if entry.basis:
            basis_triggers.append((lists.compile(r"(?<![上去今本全明前当同])" + regex.escape(word)), entry.basis))
            trigger_literals.append(word)
    for pat, entry in trigger_patterns:
        if entry.basis:
            basis_triggers.append((pat, entry.basis))
            trigger_literals.append(None)
    basis_cues: list[tuple[Optional[str], regex.Pattern, str]] = []
    for pat, basis in bases:
        literal = regex.sub(r"\\(.)", r"\1", pat.pattern)
        basis_cues.append((literal if regex.escape(literal) == pat.pattern else None, pat, basis))
    # periods, numerals, punctuation and function words: what a subject naming nothing is made of
    fillers = (r"(?:\s|\p{P}|\d|[.一二三四五六七八九十百千万亿两零〇○]|" + periods.mention.pattern + "|"
               + alt["predicate_word"] + "|" + alt["not_a_name"] + ")")
    return EnginePatterns(
        p_location=LongestPrefix([w for e in lexicon["location"] for w in e.words],
                                 [p for e in lexicon["location"] for p in e.patterns]),
        # the longest cue at the start (与去年同期比较, not 与去年同期 leaving 比较 in the name)
        p_basis_prefix=lists.compile("(?:" + bases_alt + ")", regex.POSIX) if bases else None,
        p_basis_suffix=EndPattern(lists.compile("(?:" + bases_alt + r")\s*$")) if bases else None,
        p_basis_carry=lists.compile("(?P<cue>" + bases_alt + r")\s*[)(,]?\s*" + alt["basis_carry"] + "|"
                                    + alt["basis_carry_lead"] + r"\s*(?P<cue>" + bases_alt + ")") if bases else None,
        p_share_noun=lex["share_noun"],
        p_change_trigger=lists.compile(alt["trigger_change"] + opt("change_adverb") + "$"),
        p_trigger_change=lex["trigger_change"],
        p_filler_prefix=lex["filler_prefix"],
        p_filler_suffix=EndPattern(lists.compile("(?:" + alt["filler_suffix"] + r")\s*$")),
        p_strip=lex["subject_strip"],
        p_leading_verb=lex["leading_verb"],
        # (a plural anaphor, 两者, is an anaphor too)
        p_anaphor=lists.compile("^(?:" + alt["anaphor"] + "|" + alt["plural_anaphor"] + ")$"),
        p_amount_anaphor=lists.compile("^(?:" + alt["amount_anaphor"] + ")$"),
        p_amount_tail=lists.compile("(?:" + alt["amount_anaphor"] + ")$"),
        p_count_tail=lists.compile("(?:" + alt["count_tail"] + ")$"),
        p_plural_anaphor=lists.compile("^(?:" + alt["plural_anaphor"] + ")$"),
        p_modified_rate=lists.compile("^(?:" + alt["rate_modifier"] + ")+(?:" + alt["rate_noun"] + ")$"),
        p_trigger_only=lists.compile("^(?:" + alt["trigger"] + ")$"),
        p_trigger_tail=lists.compile("(?:" + alt["trigger"] + ")(?:" + "|".join(REACH_WORDS) + ")?$"),
        p_trigger_to=lists.compile("(?:" + alt["trigger"] + ")(?:" + "|".join(REACH_WORDS) + ")"),
        p_value_lead=lists.compile("(?:" + alt["trigger"] + r")[^,;:]{0,8}$"),
        # one character never names an indicator (none of the gold files' 5,761 events has one): 录, 件, 余
        p_not_a_name=lists.compile(r"^(?:\p{Han}$|" + fillers + "*+$)"),  # possessive: no backtracking over the splits
        p_fillers_only=lists.compile("^" + fillers + "*+$"),
        p_head=lists.compile("^(?:" + alt["head"] + ")$"),
        p_head_suffix=lists.compile("(?:" + alt["head"] + ")$"),
        p_rate=lex["rate_noun"],
        p_basis_rate=lex["basis_rate"],
        p_heading=lex["heading"],
        p_not_topic=lex["not_topic"],
        p_topic_cut=lex["topic_cut"],
        p_topic_cause=lex["topic_cause"],
        p_topic_remark=lists.compile("(?:" + alt["topic_remark"] + r")\s*$"),
        p_topic_measure=lists.compile("^" + opt("measure_average") + "(?:" + alt["head"] + "|" + alt["topic_measure"]
                                      + ")$"),
        p_topic_measure_end=lists.compile("(?:" + alt["head"] + "|" + alt["topic_measure"] + ")$"),
        p_breakdown_lead=lists.compile("(?:" + alt["breakdown_lead"] + ")"),
        p_set_remark=lists.compile("(?:" + alt["set_remark"] + r")\s*$"),
        p_predicate_adverb_end=lists.compile("(?:" + alt["predicate_adverb"] + r")\s*$"),
        p_forecast_ref=lex["forecast_ref"],
        p_target=lex["target"],
        p_list_cue=lex["list_cue"],
        p_bracket_run_end=lists.compile("(?:" + alt["shared_cue"] + "|" + alt["list_cue"] + "|" + alt["trigger"] + ")"),
        p_shared_cue=lex["shared_cue"],
        p_stop=lex["stop_verb"],
        p_period_ref=EndPattern(lists.compile("(?:" + alt["period_ref"] + r")\s*$")),
        p_conj_only=lists.compile(r"^\s*(?:" + alt["conj"] + r")\s*(?:" + alt["qualifier"] + r")?\s*$"),
        # 分别下降1.3%和增长5.0%: a listed value with a change verb of its own, and nothing else, before it
        p_conj_trigger=lists.compile(r"^\s*(?:" + alt["conj"] + r")\s*(?:" + alt["trigger_change"] + r")\s*(?:"
                                     + alt["qualifier"] + r")?\s*$"),
        p_conj_end=lists.compile(r"(?:" + alt["conj"] + r")\s*(?:" + alt["qualifier"] + r")?\s*$"),
        p_place_unit=lex["place_unit"],
        p_share_cut=lex["share_cut"],
        p_rate_tail=EndPattern(lists.compile("(?:的" + alt["rate_tail_de"] + "|" + alt["rate_tail"] + ")$")),
        p_rate_cut=EndPattern(lists.compile("(?:的" + alt["rate_tail_de"] + "|的?(?:" + alt["rate_cut_lead"] + ")"
                                            + alt["rate_tail"] + ")$")),
        p_share_tail=EndPattern(lists.compile("的?" + alt["share_tail"] + "$")),
        p_ratio_whole=EndPattern(lists.compile("的?" + alt["ratio_whole"] + "$")),
        # (a judging adjective, real or nominal, and a basis word may stand before the noun: 分别录得13.1%及32.4%的按年
        # 升幅, 3倍及2.4倍的同比增幅; 增长 and 成长 name a rise there too: 分别录得20.2%、24.1%及0.4%的增长)
        p_list_rate_after=lists.compile(r"\s*" + opt("right_qualifier") + r"\s*的\s*" + opt("rate_adjective")
                                        + r"(?:实质|实际|名义)?(?P<basis_word>" + alt["rate_basis"] + r")?(?:"
                                        + alt["rate_tail"] + "|" + alt["rate_tail_de"] + "|增长|成长)"),
        p_list_fall_after=lists.compile(r"\s*" + opt("right_qualifier") + r"\s*的\s*" + opt("rate_adjective")
                                        + r"(?P<basis_word>" + alt["rate_basis"] + r")?(?:" + alt["fall_noun"]
                                        + "|负增长|负成长)"),
        p_forecast_tail=EndPattern(lists.compile(alt["forecast_growth"] + "的?" + alt["forecast_noun"]
                                                 + "(?:值|数)?$")),
        p_head_sector=lists.compile(alt["head_sector"] + "$"),
        p_head_sector_start=lists.compile(alt["head_sector"]),
        p_category_tail=lists.compile(alt["category_noun"] + "$"),
        p_shared_prep=lists.compile("^" + alt["shared_prep"]),
        p_list_summary=lists.compile(alt["list_summary"]),
        p_all_cue=lists.compile(alt["all_cue"]),
        p_survey_scope=lists.compile(alt["survey_scope"]),
        p_sector_abbrev=lists.compile(alt["sector_abbrev"]),
        p_enum_prefix=lists.compile(r"^[^,;]*?、[^,;]*?等(?<!" + alt["enum_block"] + r")(?=\S)"),
        p_scope_prefix=lists.compile(r"[^,;()]{0,16}?(?:" + alt["head"] + "|" + alt["head_sector"] + ")中(?!"
                                     + alt["scope_block"] + r")(?=\p{Han}{2})"),
        p_span_average=lists.compile(alt["span_average"] + r"(?=\p{Han}{2})"),
        p_heading_lead=lists.compile(alt["heading_prep"] + "[^,;]{1,6}?" + alt["heading_verb"] + r"(?=\p{Han}{2})"),
        p_fall_noun=lists.compile(alt["fall_noun"]),
        p_heading_tail=lists.compile(r"(?<=\p{Han}{2})" + alt["heading_tail"] + r"\s*$"),
        p_place_tail=lists.compile(alt["place_tail"]),
        p_colon_measure=lists.compile("^(?:" + alt["colon_measure"] + ")$"),
        p_measure_heading=lists.compile(r"\s*" + alt["measure_heading_prep"] + r"\s*(?P<topic>[^,;]{2,12}?)\s*"
                                        + alt["heading_verb"] + r"\s*$"),
        p_apposition_cue=lists.compile(r"\s*的?" + alt["apposition_cue"]),
        p_apposition_head=lists.compile(r"\s*的?\p{Han}{1,4}?" + alt["apposition_cue"]),
        p_right_lead=lists.compile(r"^\s*" + opt("right_qualifier") + r"\s*(?:的|" + alt["right_link"] + r")?\s*"),
        p_compare_ref=EndPattern(lists.compile(alt["compare_ref"] + r"\s*$")),  # not 是 (是去年同期的2.5倍)
        p_compare_open=lists.compile(r"[\s,;:]*(?:(?:" + alt["filler_prefix"] + r")+|(?P<lead>\p{Han}{1,4}?))?\s*"
                                     + alt["compare_open"]),
        p_compare_word=lists.compile(alt["compare_open"]),
        p_difference_open=lists.compile(r"[\s,;:]*(?:" + alt["filler_prefix"] + r")*\s*"
                                        + r"(?!" + alt["difference_block"] + ")" + alt["difference_open"]),
        p_compared_value=lists.compile(alt["compared_value_lead"] + r"[^,;]{0,12}?[的之]\s*$"),
        # 之 as 的 in the written style of Taiwan and Macau (较2022年之43,018.37百万元)
        # 较去年同期(207.3亿元), 较去年同期之港币五十四亿元: a bracket or a currency before the reference's value
        p_ref_value_gap=lists.compile(r"\s*[(（]?\s*" + opt("ref_value_lead") + r"[的之]?\s*" + opt("ref_value_noun")
                                      + r"\s*(?:为|是|的|之)?\s*" + opt("ref_value_currency") + r"\s*"),
        p_share_ref=EndPattern(lists.compile(alt["share_ref"] + r"(?:至|到|为)?\s*$")),
        # the reference is glued to 比/较 to read its basis as a cue (较+上年同期), so 比/较 stay grammar
        p_listed_refs=lists.compile(alt["listed_ref_cue"]
                                    + r"\s*(?P<cmp>[比较])\s*(?P<refs>[^,;]{2,30}?)\s*(?:相比)?\s*$"),
        p_growth_word_end=EndPattern(lists.compile(alt["growth_word"] + r"\s*$")),
        p_period_prep=lists.compile("^" + alt["period_prep"] + r"\s*"),
        p_period_tail=lists.compile(alt["period_tail"] + "$"),
        p_place_keep=lists.compile(alt["place_keep"]),
        p_item_average=lists.compile(alt["item_average"]),
        p_function_led_word=lists.compile(alt["function_led_word"]),
        p_bracketed_items_lead=lists.compile("(?:" + alt["bracketed_items_lead"] + ")"),
        p_item_prep=lists.compile("(?:" + alt["item_prep"] + ")$"),
        p_item_lead=lists.compile(r"\s*(?:" + alt["item_prep"] + r")(?P<item>[^,;" + LIST_JOINERS + r"\s]{2,12}?)\s*"),
        p_singled_lead=lists.compile(r"[\s,;:]*(?:" + alt["filler_prefix"] + r")?\s*(?:" + alt["item_prep"] + r")(?=\p{Han}{2})"),
        p_singled_out=lists.compile(r"(?:" + alt["singled_out"] + r")\s*$"),
        p_origin_noun=lists.compile(alt["origin_noun"]),
        p_owner=LongestPrefix([w for e in lexicon["owner"] for w in e.words],
                              [p for e in lexicon["owner"] for p in e.patterns]),
        p_owner_word=LongestPrefix([w for e in lexicon["owner"] for w in e.words], []),
        # (the name before a stock code is an owner whatever its words: 台中银行(2812), 永利澳门(1128))
        p_owner_coded=lists.compile(r"(?P<coded>\p{Han}{2,8}?)(?=\s*" + alt["owner_code"] + ")"),
        # (searched right to left: the owner patterns open with a run of any Han characters and end in a word, which
        # a reverse search tries first, where a forward one walks the run at every position)
        p_owner_inside=None if _looks_behind(alt["owner"])
        else lists.compile(alt["owner"] + "|" + alt["owner_code"], regex.REVERSE),
        p_owner_verb=lists.compile(alt["owner_verb"]),
        p_owner_agent=lists.compile(alt["owner_agent"]),
        p_owner_agent_not=lists.compile(alt["owner_agent_not"]),
        p_owner_named=lists.compile(alt["owner_named"]),
        p_owned_measure=lists.compile(alt["owned_measure"]),
        p_held_scope=lists.compile(alt["held_scope"]),
        p_owned_line=lists.compile(alt["owned_line"]),
        p_owned_head=lists.compile("(?:" + alt["owned_head"] + ")$"),
        p_owner_example=lists.compile(alt["owner_example"]),
        p_owned_not=lists.compile(alt["owned_not"]),
        p_breakdown_place=lists.compile(alt["breakdown_place"]),
        p_place_reference=lex["place_reference"],
        p_partner_frame=lex["partner_frame"],
        p_partner_gap=lists.compile(r"\s*(?:\(|" + alt["partner_gap"] + r"\s*)?$"),
        p_economy_word=lists.compile(alt["economy_word"]),
        p_partner_measure=lists.compile(alt["partner_measure"] + "|" + alt["origin_noun"]),
        p_owner_turn=lists.compile(alt["owner_turn"]),
        p_ranked_by=lists.compile("(?:" + alt["ranked_by"] + ")$"),
        p_ranked_unit=lists.compile("(?:" + alt["ranked_unit"] + ")$"),
        p_rank_frame=lists.compile(alt["rank_frame"]),
        p_place_set=lists.compile(r"(?P<set>(?:前\s*)?[\d一二三四五六七八九十]{1,3}\s*大\s*\p{Han}{0,4}?(?:"
                                  + alt["place_set"] + r"))\s*(?:依序|依次)(?:为|是)\s*(?P<item>\S.{0,30})"),
        p_reporter_scope=lists.compile(alt["reporter_scope"]),
        p_ref_period_tail=lists.compile(alt["ref_period_tail"]),
        p_whole_year=lists.compile(alt["whole_year"]),
        p_calendar_year=lists.compile(alt["calendar_year"]),
        p_clause_period=lists.compile(alt["clause_period"]),
        p_span_start_tail=lists.compile(r"\s*" + alt["span_start_tail"]),
        p_start_ref=EndPattern(lists.compile(alt["start_ref"] + r"\s*$")),
        p_start_value_gap=lists.compile(r"\s*的?\s*负?\s*(?:" + alt["trigger_change"] + r")?\s*"),
        p_annual_average=lists.compile(alt["annual_average"]),
        p_cause_lead=EndPattern(lists.compile(alt["cause_lead"] + r"\s*(?:在|于)?\s*$")),
        p_price_head=lists.compile(alt["price_head"]),
        p_price_per_unit=lists.compile(alt["price_per_unit"]),
        p_threshold=lists.compile(alt["threshold_word"] + "的"),  # 的: the structural particle, grammar
        p_month_span=lex["month_span"],
        periods=periods,
        rate_basis=[(lists.compile(_alternation([e], lists)), e.basis) for e in lexicon.get("rate_basis", []) if e.basis],
        basis_triggers=basis_triggers,
        basis_trigger_literals=trigger_literals,
        basis_cues=basis_cues,
        comparatives=frozenset(w for e in lexicon.get("comparative", []) for w in e.words),
        open_line_end=frozenset(w for e in lexicon.get("open_line_end", []) for w in e.words),
        predicate_words=frozenset(w for e in lexicon.get("predicate_word", []) for w in e.words),
    )


@dataclass
class LinkerRules:
    """Everything the linker needs, compiled."""

    lexicon: dict[str, list[LexiconEntry]]
    rules: list[CompiledRule]
    indicators: list[Indicator]
    alternations: dict[str, str] = field(default_factory=dict)
    compiled: dict[str, regex.Pattern] = field(default_factory=dict)
    triggers: dict[str, LexiconEntry] = field(default_factory=dict)
    trigger_patterns: list[tuple[regex.Pattern, LexiconEntry]] = field(default_factory=list)
    bases: list[tuple[regex.Pattern, str]] = field(default_factory=list)
    catalogue: Catalogue = field(default_factory=Catalogue)
    sources: tuple[str, ...] = ()
    engine: Optional[EnginePatterns] = None
    rule_index: dict[str, CompiledRule] = field(default_factory=dict)
    # memos filled while linking, as every document asks again (the rules never change once loaded): the
    # rules admitting a value of a (label, unit), and the catalogue id of an indicator name
    by_value: dict[tuple[Optional[str], Optional[str]], list] = field(default_factory=dict)
    ids: Memo = field(default_factory=lambda: Memo(_MAX_IDS))
    # the rules (bit i: rules[i]) whose left pattern no match can end as a text does, by its last characters,
    # learnt rule by rule as the linker reaches them: text ending -> [the rules whose answer is known, the
    # rules that miss], as bits (``left_end_memo``)
    left_end_memos: dict[str, list[int]] = field(default_factory=dict)
    # what each rule's right pattern makes of a short text after a value (most are empty or a joiner: 、 和 ) 及),
    # learnt rule by rule as the linker reaches them: text -> [the rules whose answer is known, the rules whose
    # pattern matches, their matches by bit] (``right_memo``)
    right_memos: Memo = field(default_factory=Memo)
    # the rule a value fits, by what the rules read of it (label, unit, whether a statement came before, the text
    # left and right of it) where no rule read the sentence before it (``link_predicates.match_rule``)
    rule_matches: Memo = field(default_factory=lambda: Memo(SUBJECT_TEXTS))
    subject_phrases: SubjectPhrases = field(default_factory=lambda: SubjectPhrases([], {}))  # rules of phrases:
    domain_words: frozenset[str] = frozenset()  # words a subject is cut into besides the general language's
    # each lexicon class's words as one set, gathered once at load (``words``)
    word_sets: dict[str, frozenset[str]] = field(default_factory=dict)
    # each verb-object word of OBJECT_CLASSES and the indicator its entry names, indexed once at load (``object_named``)
    object_names: dict[str, str] = field(default_factory=dict)

    def left_end_memo(self, left: str) -> Optional[list[int]]:
        """What is known of the rules whose left pattern cannot end as ``left`` does (``EndPattern.may_end_with``),
        as ``[known, misses]`` bits (bit i: ``rules[i]``) for the caller to complete: the linker tries a few
        rules per value, the first that fits wins, and a new ending is tried against only those (each one a
        partial match) rather than all; None where no rule can be skipped by the ending."""
        if not left or left[-1] == "\n":
            return None
        last = left[-_TAIL:]
        memo = self.left_end_memos.get(last)
        if memo is None:
            memo = [0, 0]
            if len(self.left_end_memos) < _MAX_ENDS:
                self.left_end_memos[last] = memo
        return memo

    def right_memo(self, right: str) -> Optional[list]:
        """What is known of the rules' right patterns on the text ``right`` after a value, as ``[known, matched,
        {bit: match}]`` for the caller to complete: the text after a value is one of few (the end of its clause, a
        joiner, a bracket), and each rule's anchored match on it is made once; None for a long text."""
        if len(right) > _SHORT:
            return None
        memo = self.right_memos.get(right)
        return memo if memo is not None else self.right_memos.keep(right, [0, 0, {}])

    def words(self, cls: str) -> frozenset[str]:
        """The words of lexicon class ``cls``, as one set: gathered once at load, not on every call (the linker asks
        of each contraction it finds whether it is one of class ``contraction_each``)."""
        return self.word_sets.get(cls, frozenset())

    def object_named(self, word: str) -> Optional[str]:
        """The indicator a verb-object word stands for (减息: 利率): its entry's ``names`` (OBJECT_CLASSES), read from
        the index made at load rather than by walking the classes' entries on every call."""
        return self.object_names.get(word)

    def rule(self, rule_id: str) -> CompiledRule:
        if rule_id in self.rule_index:
            return self.rule_index[rule_id]
        for r in self.rules:
            if r.spec.id == rule_id:
                return r
        raise KeyError(rule_id)


@dataclass(frozen=True)
class _End:
    pos: int

    def end(self) -> int:
        return self.pos


def _tokens(pattern: str) -> Iterator[tuple[int, str, bool]]:
    """(position, token, literal) for each token of ``pattern``: an escape or a whole character class is
    one literal token, any other character a token of its own, so that brackets and bars outside
    classes can be counted."""
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            yield i, pattern[i:i + 2], True
            i += 2
        elif c == "[":
            j = i + (2 if pattern[i + 1:i + 2] == "]" else 3 if pattern[i + 1:i + 3] == "^]" else 1)
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            yield i, pattern[i:j + 1], True
            i = j + 1
        else:
            yield i, c, False
            i += 1


def _ends_every_match(pattern: str) -> bool:
    """Whether every match of ``pattern`` ends where ``$`` does: it ends in an unescaped ``$`` and has no
    ``|`` outside brackets (``a|b$`` could match ``a`` anywhere)."""
    if not pattern.endswith("$") or (len(pattern) - len(pattern[:-1].rstrip("\\")) - 1) % 2:
        return False
    depth = 0
    for _, tok, literal in _tokens(pattern):
        if literal:
            continue
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth -= 1
        elif tok == "|" and depth == 0:
            return False
    return True


# Assertions that a one-character window cannot answer for the whole text: word boundaries (\\b \\B \\m
# \\M), \\G, \\K, fuzzy constraints.  Partial matching answers every other construct soundly: an assertion
# reaching past the window's far edge makes the match partial, one reaching past its near edge sees the
# text's own edge there, which only admits more -- but for a positive lookbehind before a window that
# opens a match: the window is then tried on the pattern without its lookbehinds; for a lookbehind inside a negative
# lookahead, which the window's edge passes where the text before it may not (the window is then tried on the pattern
# without any lookaround); and for a window read right to left (``EndPattern``), where the engine rejected an ending
# a lookahead beside a lazy gap only delays: that window is tried on the pattern without any lookaround.
_EDGE_ASSERTION = regex.compile(r"(?<!\\)(?:\\\\)*\\[bBmMGK]|\{[eisd]")


_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
_LOOKBEHINDS = ("(?<=", "(?<!")


def _scoped_tokens(pattern: str) -> Iterator[tuple[int, str, bool, tuple[str, ...]]]:
    """``_tokens`` of ``pattern``, each with the lookarounds it sits in: their openers (``(?=`` ``(?!`` ``(?<=``
    ``(?<!``), outermost first, a lookaround's own brackets inside it.  The one walk of the depth of assertions that
    the rewriters of patterns share (``_without_lookbehinds`` drops lookbehinds, ``_without_lookarounds`` all
    lookarounds, ``_one_char_probe`` reads named lists
    outside lookarounds), so that what counts as a lookaround is written once."""
    groups: list[bool] = []  # for each open group, whether it is a lookaround
    around: tuple[str, ...] = ()
    for i, tok, literal in _tokens(pattern):
        if not literal and tok == "(":
            opener = next((o for o in _LOOKAROUNDS if pattern.startswith(o, i)), None)
            groups.append(opener is not None)
            if opener is not None:
                around = (*around, opener)
            yield i, tok, literal, around
        elif not literal and tok == ")":
            yield i, tok, literal, around
            if groups and groups.pop():
                around = around[:-1]
        else:
            yield i, tok, literal, around


def _in_dropped_lookbehind(around: tuple[str, ...]) -> bool:
    """Whether a token within the lookarounds ``around`` goes with a dropped lookbehind: the outermost of its
    lookbehinds and negative lookaheads is a lookbehind."""
    for opener in around:
        if opener == "(?!":
            return False
        if opener in _LOOKBEHINDS:
            return True
    return False


def _without_lookbehinds(pattern: str) -> str:
    """``pattern`` without the lookbehinds ``(?<=...)`` and ``(?<!...)`` (outside character classes) that
    no negative lookahead encloses: it matches wherever ``pattern`` does, also where a lookbehind would
    look before the text it is tried on.  (Inside a negative assertion a dropped lookbehind would forbid
    more, so what a negative lookbehind holds goes with it and a negative lookahead is kept whole.)"""
    return "".join(tok for _, tok, _, around in _scoped_tokens(pattern) if not _in_dropped_lookbehind(around))


def _without_lookarounds(pattern: str) -> str:
    """``pattern`` without any lookaround (outside character classes), each dropped whole with what it holds: it
    matches wherever ``pattern`` does."""
    return "".join(tok for _, tok, _, around in _scoped_tokens(pattern) if not around)


def _looks_behind(source: str) -> bool:
    """Whether a match of ``source`` depends on the text before its start (a lookbehind, an anchor, a word
    boundary): then a match at the start of a suffix of a text need not be one inside the text."""
    return _without_lookbehinds(source) != source or _EDGE_ASSERTION.search(source) is not None \
        or "\\A" in source or any(not literal and tok == "^" for _, tok, literal in _tokens(source))


def _lists_in(source: str, lists: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """The named lists ``source`` refers to (the engine refuses lists a pattern does not use)."""
    return {name: words for name, words in lists.items() if f"\\L<{name}>" in source}


def _probe_source(pattern: regex.Pattern) -> Optional[str]:
    """The source of the pattern a character alone is tried on to tell whether a match can start (or, read
    in reverse, end) with it, or None when one character cannot tell."""
    if pattern.flags & regex.IGNORECASE or _EDGE_ASSERTION.search(pattern.pattern) is not None:
        return None
    source = _without_lookbehinds(pattern.pattern)
    # a lookbehind left inside a negative lookahead looks before the window at a match starting inside a text, where
    # the window's edge admits what the text before may forbid (``(?!(?<!b)a)`` rejects ``a`` alone, not after ``b``):
    # such a probe goes without any lookaround
    return _without_lookarounds(source) if any(o in _LOOKBEHINDS for _, _, _, a in _scoped_tokens(source) for o in a) \
        else source


def _start_probe(pattern: regex.Pattern) -> Optional[regex.Pattern]:
    """The probe of ``_probe_source`` compiled, or None when one character cannot tell."""
    source = _probe_source(pattern)
    if source is None:
        return None
    if source == pattern.pattern:
        return pattern
    try:
        return regex.compile(source, flags=pattern.flags, **_lists_in(source, pattern.named_lists))
    except regex.error:
        return None


_LIST_REF = regex.compile(r"\\L<(\w+)>")
_ANY = r"[\s\S]"  # one character, whichever


def _one_char_probe(probe: Optional[regex.Pattern]) -> Optional[regex.Pattern]:
    """``probe`` for texts of one character: the same answer to ``match(c, partial=True)`` for every character ``c``,
    at a fraction of the cost.  Partial matching tries a named list word by word (some 30 µs a character for three
    thousand words, where a plain match looks the list up as a set), and the start and end tests ask it of every new
    character of a text for each pattern.

    On one character, a list (outside lookarounds, which are kept as written) can only take that character whole,
    if it is a word of its own, or begin a longer word and run out of text: it is the class of its one-character
    words, or the class of the characters its longer words begin with (end with, read right to left) followed by one
    more character, which the text's end makes a partial match, as the word's next character does."""
    if probe is None or "\\L<" not in probe.pattern:
        return probe
    source, lists = probe.pattern, probe.named_lists
    reverse = bool(probe.flags & regex.REVERSE)
    out: list[str] = []
    skip_to = 0
    for i, tok, _, around in _scoped_tokens(source):
        if i < skip_to:
            continue  # the name of a list replaced
        if tok == "\\L" and not around and (ref := _LIST_REF.match(source, i)) is not None:
            out.append(_one_char_list(lists[ref.group(1)], reverse))
            skip_to = ref.end()
            continue
        out.append(tok)
    one = "".join(out)
    if one == source:
        return probe  # (its lists are all inside lookarounds)
    try:
        return regex.compile(one, flags=probe.flags, **_lists_in(one, lists))
    except regex.error:
        return probe


def _one_char_list(words: Iterable[str], reverse: bool) -> str:
    """A named list as ``_one_char_probe`` reads it on one character."""
    def chars(cs: set[str]) -> str:
        return "[" + "".join(c if c.isalnum() else regex.escape(c, special_only=False) for c in sorted(cs)) + "]"

    single = {w for w in words if len(w) == 1}
    opening = {w[-1] if reverse else w[0] for w in words if len(w) > 1}
    parts = []
    if opening:
        parts.append(_ANY + chars(opening) if reverse else chars(opening) + _ANY)
    if single:
        parts.append(chars(single))
    if "" in words:
        parts.append("")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


_MAX_ENDS = 65_536  # text endings an EndPattern remembers
_TAIL = 2  # characters of a text ending that tell whether a match can end there
DOMAIN_WORD_MAX = 4  # characters of the longest domain word a subject is cut into (pos.dictionary_cut's longest)
_SHORT = 24  # characters of a text short enough for an EndPattern (a LongestPrefix) to remember its match
#: endings an EndPattern tests before it judges whether its test is worth making, and the fewest of them it must
#: reject for that: some patterns end in a gap or a word list that any two characters may close, and their test
#: passes every ending it is asked of while costing a partial match each
_TRIAL_ENDS, _TRIAL_REJECTS = 256, 4


class EndPattern:
    """A pattern searched in a text that it must end (``...$``): the left context of a rule, a tail.

    A forward search tries the pattern at every start position of the text, each time through all its
    alternatives, and most of the linker's patterns have dozens.  Its twin, compiled for matching right
    to left and longest first (POSIX), is tried at the end only (``$`` also matches before a final line
    break): it tells cheaply whether there is any match (most searches find none), and its longest match
    starts where the forward search's leftmost one does, since every match ends at the end; the forward
    pattern is then matched at that one position, for the same groups.  Patterns with ``|`` at the top
    level are searched forward only.  A test holds both to the forward search's answer on the left
    contexts of the gold texts.

    Cheaper still, learnt once per pattern by partial matching of a text's last two characters alone
    (the twin without lookarounds: lookbehinds may look further back, and see ``_end_probe`` for lookaheads): whether a match can end with them (most
    texts end with characters the twin rejects at once).  It is a property of the pattern, not of any
    text.  A pattern whose test rejects fewer than ``_TRIAL_REJECTS`` of the first ``_TRIAL_ENDS`` endings it
    is asked of stops testing (every ending passes): the test only spares searches, so the answers stay the same.
    And the match found in a short text (a value's left context, a subject) is remembered: news
    repeats its phrasing, and four in ten of the searches on the gold texts, read once, ask again."""

    __slots__ = ("forward", "reverse", "_ends", "_lasts", "_tail", "_last", "_found", "_rejected")

    def __init__(self, pattern: regex.Pattern):
        self.forward = pattern
        self.reverse = regex.compile(pattern.pattern, flags=pattern.flags | regex.REVERSE | regex.POSIX,
                                     **pattern.named_lists) if _ends_every_match(pattern.pattern) else None
        # the reverse twin without its lookbehinds tells the ends: they may look past the two characters
        # (with none to drop, it is the reverse twin itself); only it is compiled, not a forward probe
        self._tail = None if self.reverse is None else self._end_probe(pattern)
        self._last = _one_char_probe(self._tail)  # the tail probe asked of one character
        # the last two characters (one, of a one-character text) -> whether a match can end with them;
        # None: not decided by the characters alone
        self._ends: Optional[dict[str, bool]] = None if self._tail is None else {}
        # the last character alone -> whether a match can end with it: a match ending with two characters ends with
        # the last, so an ending whose last character is rejected is rejected without a partial match of its own
        self._lasts: dict[str, bool] = {}
        self._found = Memo()
        self._rejected = 0  # endings the test rejected among the first ``_TRIAL_ENDS``

    def _end_probe(self, pattern: regex.Pattern) -> Optional[regex.Pattern]:
        """The pattern without its lookarounds compiled for matching right to left, None when the last
        characters alone cannot tell.  Lookaheads go too: the engine's partial match read right to left rejects
        an ending a lookahead next to a lazy gap would only delay (``占(?!用)[^,]{0,30}?$`` rejected ``用户``,
        the end of ``占全体用户``), and a pattern without an assertion matches wherever it does."""
        if _probe_source(pattern) is None:
            return None
        source = _without_lookarounds(pattern.pattern)  # (what _probe_source drops besides goes with them)
        if source == pattern.pattern:
            return self.reverse
        try:
            return regex.compile(source, flags=pattern.flags | regex.REVERSE, **_lists_in(source, pattern.named_lists))
        except regex.error:
            return None

    @property
    def pattern(self) -> str:
        return self.forward.pattern

    def may_match(self, text: str) -> bool:
        """False only when there is no match (the reverse twin, tried at the end and before a final \\n)."""
        return self.reverse is None or (self.may_end_with(text) and self._leftmost_start(text) is not None)

    def search(self, text: str, end_known: bool = False) -> Optional[regex.Match]:
        """The forward search's match: the forward pattern matched where the leftmost match starts.

        ``end_known``: the caller has learnt that ``may_end_with(text)`` holds (the linker keeps it per text
        ending for all its rules at once), and the test is not made twice."""
        if self.reverse is None:
            return self.forward.search(text)
        if not end_known and not self.may_end_with(text):
            return None
        if text in self._found:
            return self._found[text]
        start = self._leftmost_start(text)
        m = None if start is None else self.forward.match(text, start)
        return self._found.keep(text, m) if len(text) <= _SHORT else m

    def may_end_with(self, text: str) -> bool:
        """False only when no match can end with the last two characters of ``text`` (learnt once per pair;
        a text ending in a line break may be matched before it, and passes)."""
        ends = self._ends
        if ends is None or not text or text[-1] == "\n":
            return True
        last = text[-_TAIL:]
        ok = ends.get(last)
        if ok is None:
            ok = self._may_end_in(last[-1]) and (len(last) == 1 or self._tail.match(last, partial=True) is not None)
            if len(ends) < _MAX_ENDS:
                ends[last] = ok
            if len(ends) <= _TRIAL_ENDS:
                self._judge_trial(ok, len(ends))
        return ok

    def _may_end_in(self, char: str) -> bool:
        """Whether a match can end with the one character ``char`` (the probe's partial match of it, learnt once per
        character): the probe tells one character as it tells two (``_probe_source``)."""
        return _learnt_partial(self._lasts, self._last, char)

    def _judge_trial(self, ok: bool, tried: int) -> None:
        """Count a tested ending; after ``_TRIAL_ENDS`` of them, drop the test if it rejected too few to pay."""
        if not ok:
            self._rejected += 1
        if tried == _TRIAL_ENDS and self._rejected < _TRIAL_REJECTS:
            self._ends = None

    def _leftmost_start(self, text: str) -> Optional[int]:
        """Where the leftmost match starts: the start of the longest match ending at the end of the text, or
        before a final line break, whichever is further left; None when there is no match.  The callers have
        asked ``may_end_with`` first."""
        rev = self.reverse
        m = rev.match(text)
        if text.endswith("\n"):
            before = rev.match(text, 0, len(text) - 1)
            if before is not None and (m is None or before.start() < m.start()):
                m = before
        return None if m is None else m.start()


_GLOBAL_FLAGS = regex.compile(r"\(\?[A-Za-z0-9]+\)")


def _learnt_partial(memo: dict[str, bool], probe: regex.Pattern, chars: str) -> bool:
    """Whether ``probe`` matches ``chars`` at least in part, asked once per ``chars`` while ``memo`` has room."""
    ok = memo.get(chars)
    if ok is None:
        ok = probe.match(chars, partial=True) is not None
        if len(memo) < _MAX_ENDS:
            memo[chars] = ok
    return ok


class StartTest:
    """Whether a match of a pattern at a position can begin with the character there, learnt once per
    character by partial matching of its probe (see ``EndPattern``): most of the linker's prefix patterns
    fail at once on most characters, and the character alone says so.  True where a match may be empty or
    one character cannot tell."""

    __slots__ = ("probe", "starts")

    def __init__(self, pattern: regex.Pattern):
        self.probe = _one_char_probe(_start_probe(pattern))  # (asked of one character only)
        self.starts: dict[str, bool] = {}

    def may_start(self, text: str, pos: int = 0) -> bool:
        first = text[pos:pos + 1]
        if self.probe is None or not first:
            return True
        return _learnt_partial(self.starts, self.probe, first)


class PairStarts:
    """Where in a text a match of each of several patterns may start, judged by the two characters there:
    learnt once per pair by partial matching of each pattern's probe (see ``StartTest``), kept as a bit per
    pattern.  A text is read once for all of them; a value then skips each pattern that cannot start before
    it, where a search from the sentence's start was made for every value (the basis cues written as patterns,
    most of which find nothing).  A pattern without a probe may start anywhere."""

    __slots__ = ("probes", "_firsts", "_anywhere", "_masks")

    def __init__(self, patterns: Sequence[regex.Pattern]):
        self.probes = [_start_probe(p) for p in patterns]
        self._firsts = [_one_char_probe(p) for p in self.probes]  # the probes asked of one character
        self._anywhere = sum(1 << k for k, probe in enumerate(self.probes) if probe is None)
        self._masks: dict[str, int] = {}

    def mask(self, chars: str) -> int:
        """The patterns (bit k: pattern k) a match of which may begin with ``chars`` (one or two characters)."""
        got = self._masks.get(chars)
        if got is None:
            # a match beginning with two characters begins with the first: only the patterns that one may begin
            # are tried on the pair (most characters begin none, and every new pair of a text was tried on all)
            may = self.mask(chars[0]) if len(chars) > 1 else -1
            got = self._anywhere
            for k, probe in enumerate(self.probes if len(chars) > 1 else self._firsts):
                if probe is not None and may >> k & 1 and probe.match(chars, partial=True) is not None:
                    got |= 1 << k
            if len(self._masks) < _MAX_ENDS:
                self._masks[chars] = got
        return got

    def firsts(self, text: str) -> list[int]:
        """For each pattern, the first position of ``text`` where a match may begin, judged by the two
        characters there (by the last one alone at the end); ``len(text)`` where none may.  Only the
        occurrences of characters that alone may begin a match are looked at (most characters begin none),
        each character's from its first until the patterns it may begin are placed."""
        n = len(text)
        out = [n] * len(self.probes)
        masks = self._masks
        for c in set(text):
            m = masks.get(c)
            if m is None:
                m = self.mask(c)
            i = -1
            while m:
                i = text.find(c, i + 1)
                if i < 0:
                    break
                here = self.mask(text[i:i + 2]) & m
                m &= ~here
                while here:
                    bit = here & -here
                    k = bit.bit_length() - 1
                    out[k] = min(out[k], i)
                    here ^= bit
        return out


class WordsPresent:
    """Which of many words occur in a text, from one overlapped search of them all (a named list): at each
    position it finds the longest word starting there, and the words there are that word's prefixes in the
    list.  A substring search per word read a sentence once for each of them (the basis cues' words, asked of
    every sentence with a value)."""

    __slots__ = ("pattern", "prefixes")

    def __init__(self, words: Iterable[str]):
        found = frozenset(w for w in words if w)
        self.pattern = regex.compile(r"\L<words>", words=found) if found else None
        self.prefixes = {w: frozenset(w[:k] for k in range(1, len(w) + 1) if w[:k] in found) for w in found}

    def found(self, text: str) -> set[str]:
        """The words that occur in ``text``."""
        out: set[str] = set()
        if self.pattern is not None:
            prefixes = self.prefixes
            for m in self.pattern.finditer(text, overlapped=True):
                out |= prefixes[m.group()]
        return out


class LongestPrefix:
    """The longest of many words, or of a few patterns, at a position (``.match(text, pos).end()``).

    A set lookup per word length, only the lengths of the words starting with the character there: a
    regex alternation of a thousand place names is tried word by word, and the linker asks for a place
    at the start of every subject.  The patterns are matched one by one (the longest match of an
    alternation is the longest of its alternatives' longest matches), each only where its first
    character can start it (learnt per character, as ``EndPattern`` learns its ends).  The longest match
    (POSIX) weighs every way a pattern can match, where the first match found stops at one: the pattern
    compiled without POSIX tells first whether there is any match at all (most subjects open with no
    place), and only a pattern that matches is matched again for its longest.  The answer for a short text
    from its start (a subject's rest, asked at each step of its stripping) is remembered: news repeats its
    phrasing."""

    def __init__(self, words: Iterable[str], patterns: Sequence[str]):
        self.words = frozenset(words)
        lengths: dict[str, set[int]] = {}
        for w in self.words:
            lengths.setdefault(w[0], set()).add(len(w))
        self.lengths = {c: sorted(ns, reverse=True) for c, ns in lengths.items()}  # by first character
        # a global inline flag, (?i), would apply to the whole alternation: such patterns stay together
        parts = [p for p in patterns] if not any(_GLOBAL_FLAGS.search(p) for p in patterns) \
            else ["(?:" + "|".join(patterns) + ")"] if patterns else []
        # each pattern (longest match), the characters a match can start with, and its first-match twin
        self.patterns: list[tuple[regex.Pattern, StartTest, regex.Pattern]] = []
        for p in parts:
            compiled = regex.compile(p, flags=regex.POSIX)
            self.patterns.append((compiled, StartTest(compiled), regex.compile(p)))
        # a character -> the patterns (with their twins) a match of which can start with it, in order: the
        # linker asks at the start of every subject, and most characters start none of them
        self._by_first: dict[str, tuple[tuple[regex.Pattern, regex.Pattern], ...]] = {}
        self._found = Memo(SUBJECT_TEXTS)  # a short text -> its answer from position 0

    def _starting(self, first: str) -> tuple[tuple[regex.Pattern, regex.Pattern], ...]:
        """The patterns whose match may begin with ``first`` (all of them when it is empty), in order, each
        with its first-match twin."""
        found = self._by_first.get(first)
        if found is None:
            found = tuple((pattern, twin) for pattern, starts, twin in self.patterns if starts.may_start(first))
            if len(self._by_first) < _MAX_ENDS:
                self._by_first[first] = found
        return found

    def match(self, text: str, pos: int = 0) -> Optional[_End]:
        if pos == 0 and len(text) <= _SHORT:
            found = self._found.get(text, UNKNOWN)
            if found is UNKNOWN:
                found = self._found.keep(text, self._match(text, 0))
            return found
        return self._match(text, pos)

    def _match(self, text: str, pos: int) -> Optional[_End]:
        end = -1
        first = text[pos:pos + 1]
        for n in self.lengths.get(first, ()):
            if pos + n <= len(text) and text[pos:pos + n] in self.words:
                end = pos + n
                break
        for pattern, twin in self._starting(first):
            if twin.match(text, pos) is None:
                continue  # no match at all, so no longest one
            m = pattern.match(text, pos)
            if m is not None and m.end() > end:
                end = m.end()
        return _End(end) if end >= pos else None


class WordLists:
    """Lexicon words as named lists (``\\L<name>``) of the patterns built from them.

    The regex engine looks a named list up as a set at each position, where an alternation of hundreds of
    trigger words is tried word by word; the longest word is tried first and shorter ones on
    backtracking, as in the alternation sorted longest first that it replaces."""

    _REF = regex.compile(r"\\L<(\w+)>")

    def __init__(self) -> None:
        self.lists: dict[str, frozenset[str]] = {}
        self._names: dict[frozenset[str], str] = {}

    def ref(self, words: Iterable[str]) -> str:
        """The reference to the list of ``words`` (one list per distinct set of words)."""
        key = frozenset(words)
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = f"lex{len(self._names)}"
            self.lists[name] = key
        return "\\L<" + name + ">"

    def compile(self, pattern: str, flags: int = 0) -> regex.Pattern:
        """``pattern`` compiled with the lists it refers to."""
        return regex.compile(pattern, flags, **{n: self.lists[n] for n in self._REF.findall(pattern)})


class CompiledClasses(dict[str, regex.Pattern]):
    """The lexicon classes' alternations, each compiled when first asked for: the engine and the linker use
    18 of the 84 as patterns (the rest only inside others' sources), and compiling them all was a fifth of
    the time the rules spent in the regex compiler.  They compile, as their entries' patterns are checked
    one by one when the rule files are read."""

    def __init__(self, alternations: dict[str, str], lists: WordLists):
        super().__init__()
        self._alternations = alternations
        self._lists = lists

    def __missing__(self, name: str) -> regex.Pattern:
        pattern = self[name] = self._lists.compile(self._alternations[name])
        return pattern


# the classes of words written between a subject and its value (a verb, a qualifier): a word of theirs ending an
# owner's name is the name's, not theirs (广达534亿元: 达 both reaches and qualifies)
_BEFORE_VALUE = frozenset({"trigger", "qualifier"})


def _alternation(entries: Sequence[LexiconEntry], lists: WordLists, names: Iterable[str] = ()) -> str:
    """The entries' words and patterns as one alternation; a word that ends one of ``names`` (the owners' names, for
    the words before a value) is no match right after the rest of that name, where it is the name's last character
    (广达534亿元, 英业达, 华为: not 广 reaching 534亿元)."""
    words = {w for e in entries for w in e.words}
    guarded: dict[str, set[str]] = {}
    for name in names:
        for w in words:
            if len(name) > len(w) and name.endswith(w):
                guarded.setdefault(w, set()).add(name[:-len(w)])
    plain = words - guarded.keys()
    parts = [lists.ref(plain)] if plain else []
    parts += ["(?<!" + "|".join(regex.escape(p) for p in sorted(rests)) + ")" + regex.escape(w)
              for w, rests in sorted(guarded.items())]
    parts += [p for e in entries for p in e.patterns]
    if not parts:
        return "(?!)"
    return "(?:" + "|".join(parts) + ")"


def _expand(pattern: str, alternations: dict[str, str]) -> tuple[str, list[str]]:
    unknown: list[str] = []

    def sub(m: regex.Match) -> str:
        name = m.group(1)
        if name not in alternations:
            unknown.append(name)
            return m.group(0)
        return alternations[name]

    return _MACRO.sub(sub, pattern), unknown


def _expand_lexicon_macros(lex: list[tuple[LexiconEntry, int, str]]) -> list[Problem]:
    """Expand ``{class}`` in lexicon patterns, in place: one spelling of a pattern several classes share (the share
    predicate 占 cuts subjects, topics and opens share statements).  Only a class of patterns alone, none of them
    with a macro, may be named, so that each expands to its own alternation and no order or cycle arises."""
    by_class: dict[str, list[LexiconEntry]] = {}
    for entry, _, _ in lex:
        by_class.setdefault(entry.class_, []).append(entry)
    plain = {c: "(?:" + "|".join(p for e in es for p in e.patterns) + ")" for c, es in by_class.items()
             if all(not e.words and e.patterns and not any(_MACRO.search(p) for p in e.patterns) for e in es)}
    problems: list[Problem] = []
    for i, (entry, line, path) in enumerate(lex):
        if not any(_MACRO.search(p) for p in entry.patterns):
            continue
        expanded = []
        for p in entry.patterns:
            source, unknown = _expand(p, plain)
            for name in unknown:
                problems.append(Problem(path, line, f"lexicon {entry.id!r}: {{{name}}} names no class made of "
                                        "patterns alone (without words or macros)"))
            try:
                regex.compile(source)
            except regex.error as err:
                problems.append(Problem(path, line, f"lexicon {entry.id!r}: pattern {p!r} does not compile once "
                                        f"expanded: {err}"))
            expanded.append(source)
        lex[i] = (entry.model_copy(update={"patterns": expanded}), line, path)
    return problems


def default_paths() -> tuple[Path, Path]:
    return rules_path("linker.yaml"), rules_path("indicators.yaml")


def _unnormalised_words(lex: list[tuple[LexiconEntry, int, str]]) -> list[Problem]:
    """Lexicon words the normaliser would change: the linker reads normalised text, so they never match."""
    from .normalize import normalize

    words = [(w, entry, line, path) for entry, line, path in lex for w in entry.words]
    # one normaliser call: newlines delimit OpenCC's phrases, so each word converts alone
    normalised = normalize("\n".join(w for w, _, _, _ in words)).text.split("\n")
    return [Problem(path, line, f"lexicon {entry.id!r}: word {w!r} is not normalised; write {norm!r}")
            for (w, entry, line, path), norm in zip(words, normalised) if norm != w]


@collector_paused()
def load_rules(paths: Sequence[Path | str] | None = None, *, units: Path | str | None = None,
               periods: Path | str | None = None) -> LinkerRules:
    """Load, validate and compile the linker rule files; raise ``RuleFileError`` listing every problem.

    ``paths`` lists YAML files; each may hold any of the sections ``lexicon``,
    ``rules``, ``indicators`` and ``sources``.  Ids must be unique within each
    section across all files.  Default: the bundled ``linker.yaml`` and ``indicators.yaml``.
    ``units``: the units file the quantities are read with (default: the bundled one), whose currencies the
    catalogue reads between a company and its measure (``台积电美元营收``).  ``periods``: the periods file the
    periods are found with (default: the bundled one), whose time words the linker reads (``EnginePatterns.periods``).
    """
    paths = [Path(p) for p in (paths or default_paths())]
    problems: list[Problem] = []
    lex: list[tuple[LexiconEntry, int, str]] = []
    link: list[tuple[LinkRule, int, str]] = []
    inds: list[tuple[Indicator, int, str]] = []
    sources: list[tuple[Source, int, str]] = []
    phrase_specs: list[tuple[PhraseRule, int, str]] = []
    seen: dict[str, dict[str, str]] = {"lexicon": {}, "rules": {}, "indicators": {}, "sources": {}, "phrases": {}}
    for path in paths:
        try:
            sections = read_sections(path, ("lexicon", "rules", "indicators", "sources", "phrases"))
        except RuleFileError as err:
            problems.extend(err.problems)
            continue
        for name, model, sink in (
            ("lexicon", LexiconEntry, lex),
            ("rules", LinkRule, link),
            ("indicators", Indicator, inds),
            ("sources", Source, sources),
            ("phrases", PhraseRule, phrase_specs),
        ):
            good, probs = validate(path, sections[name], model)
            problems.extend(probs)
            for item, line in good:
                where = f"{path}:{line}"
                if item.id in seen[name]:
                    problems.append(
                        Problem(str(path), line, f"duplicate id {item.id!r} (first defined at {seen[name][item.id]})")
                    )
                    continue
                seen[name][item.id] = where
                sink.append((item, line, str(path)))  # type: ignore[arg-type]

    problems.extend(_unnormalised_words(lex))
    problems.extend(duplicate_surfaces((path, f"class {entry.class_!r}", entry.id, line, (*entry.words, *entry.patterns))
                                       for entry, line, path in lex))
    problems.extend(_expand_lexicon_macros(lex))
    lexicon: dict[str, list[LexiconEntry]] = {c: [] for c in LEXICON_CLASSES}
    for entry, _, _ in lex:
        lexicon[entry.class_].append(entry)
    lists = WordLists()
    owners = [w for e in lexicon["owner"] for w in e.words]
    alternations = {c: _alternation(es, lists, owners if c in _BEFORE_VALUE else ()) for c, es in lexicon.items()}
    # finer macros: triggers by kind and direction
    for kind in KINDS:
        alternations[f"trigger_{kind}"] = _alternation([e for e in lexicon["trigger"] if e.kind == kind], lists, owners)
    alternations["trigger_up"] = _alternation([e for e in lexicon["trigger"] if e.kind == "change" and e.sign == 1],
                                              lists, owners)
    alternations["trigger_down"] = _alternation([e for e in lexicon["trigger"] if e.kind == "change" and e.sign == -1],
                                                lists, owners)

    compiled_rules: list[CompiledRule] = []
    phrases: list[CompiledPhrase] = []
    for rule, line, path in phrase_specs:
        phrase = compile_phrase(rule)
        for name in sorted(phrase.pattern.classes - set(LEXICON_CLASSES) - set(DERIVED_CLASSES)):
            problems.append(Problem(path, line, f"phrase {rule.id!r}: unknown class {name!r}; use a "
                                    f"lexicon class or one of {', '.join(DERIVED_CLASSES)}"))
        phrases.append(phrase)
    for rule, line, path in link:
        pats: dict[str, Optional[regex.Pattern]] = {}
        for attr in ("left", "right", "sentence_before"):
            src = getattr(rule, attr)
            if src is None:
                pats[attr] = None
                continue
            expanded, unknown = _expand(src, alternations)
            for name in unknown:
                problems.append(Problem(path, line, f"rule {rule.id!r}: {attr}: unknown macro {{{name}}}; "
                                        f"use one of the lexicon classes"))
            if attr == "left" and not expanded.endswith("$"):
                expanded += "$"
            if attr == "right" and not expanded.startswith("^"):
                expanded = "^(?:" + expanded + ")"
            try:
                pats[attr] = lists.compile(expanded)
            except regex.error as err:
                problems.append(Problem(path, line, f"rule {rule.id!r}: {attr}: pattern does not compile: {err}"))
                pats[attr] = None
        left = EndPattern(pats["left"]) if pats["left"] is not None else None
        right_start = StartTest(pats["right"]) if pats["right"] is not None else None
        compiled_rules.append(CompiledRule(rule, line, left, pats["right"], pats["sentence_before"], right_start))

    compiled = CompiledClasses(alternations, lists)

    catalogue, catalogue_problems = build_catalogue(inds, sources, load_units(units).currency_names())
    problems.extend(catalogue_problems)

    if problems:
        raise RuleFileError(problems)

    triggers: dict[str, LexiconEntry] = {}
    trigger_patterns: list[tuple[regex.Pattern, LexiconEntry]] = []
    for e in lexicon["trigger"]:
        for w in e.words:
            triggers.setdefault(w, e)
        for p in e.patterns:
            trigger_patterns.append((regex.compile(p), e))
    bases: list[tuple[regex.Pattern, str]] = []
    for e in lexicon["basis"]:
        for w in e.words:
            bases.append((regex.compile(regex.escape(w)), e.basis or ""))
        for p in e.patterns:
            bases.append((regex.compile(p), e.basis or ""))

    engine = _engine_patterns(compiled, alternations, bases, triggers, trigger_patterns, lexicon, lists,
                              load_periods(periods))
    words = domain_words(catalogue, lexicon)
    word_sets = {c: frozenset(w for e in es for w in e.words) for c, es in lexicon.items()}
    object_names: dict[str, str] = {}
    for entry in (e for cls in OBJECT_CLASSES for e in lexicon.get(cls, [])):
        for w in entry.words:
            object_names.setdefault(w, entry.names)  # a word listed twice: the first entry's, in file order
    engine.catalogue = catalogue  # a verb phrase holding a catalogue name names something (直接投资)
    return LinkerRules(
        engine=engine,
        rule_index={r.spec.id: r for r in compiled_rules},
        lexicon=lexicon,
        rules=compiled_rules,
        indicators=[i for i, _, _ in inds],
        alternations=alternations,
        compiled=compiled,
        triggers=triggers,
        trigger_patterns=trigger_patterns,
        bases=bases,
        catalogue=catalogue,
        sources=tuple(str(p) for p in paths),
        subject_phrases=SubjectPhrases(phrases, word_sets, words),
        domain_words=words,
        word_sets=word_sets,
        object_names=object_names,
    )


_DOMAIN_WORD = regex.compile(r"\p{Han}{2,%d}" % DOMAIN_WORD_MAX)


def domain_words(catalogue: Catalogue, lexicon: dict[str, list[LexiconEntry]]) -> frozenset[str]:
    """The catalogue's names and the lexicon's owners (class ``owner``: 台积电, 联发科, 国泰金) of two to
    ``DOMAIN_WORD_MAX`` Han characters: a subject is cut into words of the general language (``pos.dictionary_cut``),
    which lacks most measures and companies of regional releases (营收, 年增率, 转口货值, 台积电), so their characters were
    tagged one by one.  (The lexicon's other words cut worse held out: many are pieces of phrases; so did the
    catalogue's longer names, README; a per-unit average, 日均, is no name the matcher scans for, and no word either.)"""
    owners = (w for e in lexicon["owner"] for w in e.words)
    names = (k for k, iid in catalogue.keys.items() if catalogue.scanned(iid))
    return frozenset(w for w in (*names, *owners) if _DOMAIN_WORD.fullmatch(w))


@lru_cache(maxsize=1)
def default_rules() -> LinkerRules:
    """The bundled rules, loaded once."""
    return load_rules()


def lookup_indicator(rules: LinkerRules, name: str) -> Optional[Union[Indicator, Composite]]:
    """The catalogue entry, or measure of an entry, an event's indicator names (``Catalogue.lookup``), or None; a name
    the catalogue does not know that opens with a company of the linker's owners (class ``owner``: 台积电, 台中银行,
    港交所), or with 集团, the word a results announcement names its own company by, names the measure written after
    it (``Catalogue.owned``): the linker puts a company before the measures of its sentence, and no company is listed
    in the catalogue; a 的 between the company and its measure leaves the reading unchanged (``澳门银河的经调整EBITDA``,
    ``蔚来的销量``)."""
    found = rules.catalogue.lookup(name)
    if found is not None:
        return found
    owner = _owner_of(rules, name) or _maker_of(rules, name)
    if not owner:
        return None
    rest = name[owner:]
    return rules.catalogue.owned(name_key(rest[len(_OWNER_LINK):] if rest.startswith(_OWNER_LINK) else rest))


def _owner_of(rules: LinkerRules, name: str) -> int:
    """The length of the company opening ``name`` (class ``owner``, or 集团 alone: the company announcing), 0 if none
    or if what opens it is a sector or scope the catalogue knows (商业银行, 城市商业银行: a class of banks), the banks
    of a place's whole (本国银行, 全体银行) or a count of them (十五家金控): not a company, unless the lexicon names it
    by its words (中华电信, 长安汽车: a trade's or a product's name inside a company's)."""
    if name.startswith(_GROUP_SELF) and len(name) > len(_GROUP_SELF):
        return len(_GROUP_SELF)
    m = rules.engine.p_owner.match(name, 0)
    if m is None or not 0 < m.end() < len(name) or name[0] in _WHOLE_OWNER or _OWNER_COUNT.search(name, 0, m.end()):
        return 0
    word = rules.engine.p_owner_word.match(name, 0)
    if word is not None and word.end() == m.end():
        return m.end()  # a company the lexicon names, whatever trade its name holds (中华电信, 长安汽车)
    kinds = [rules.catalogue.indicators[iid] for _, _, iid in rules.catalogue.matches(name[:m.end()])]
    return 0 if any(k.modifier or k.role in ("scope", "population") for k in kinds) else m.end()


def _maker_of(rules: LinkerRules, name: str) -> int:
    """The length of the carmaker's short name opening ``name``, 0 if none: the word a carmaker of the owners is named by in
    sales news, its name without 汽车 (理想 for 理想汽车, 长安 for 长安汽车).  Some are words or a film's title as well
    (理想, 哪吒), so the linker does not read them as owners; before a company's measure in an indicator they can only
    be the maker (``理想的销量``, ``长安出口量``)."""
    for end in range(min(len(name) - 1, _MAKER_SHORT), 1, -1):
        if name[:end] + _MAKER_WORD in rules.engine.p_owner_word.words:
            return end
    return 0


# The word a carmaker's name ends in, which sales news drops (理想汽车 is written 理想), and the longest name so dropped.
_MAKER_WORD, _MAKER_SHORT = "汽车", 4
# The word a results announcement names its own company by (集团收益, 集团股东应占溢利: Hong Kong's and Macau's "the Group").
_GROUP_SELF = "集团"
# The 的 a company's measure may be written after it with (蔚来的销量 is 蔚来销量).
_OWNER_LINK = "的"
# First characters of a bank or group name that make it all those of a place (本国银行, 全体银行, 我国银行), not a company.
_WHOLE_OWNER = frozenset("本全我各")
# A count of institutions in an owner's name makes it a set of them (十五家金控, 5大银行, 四家银行), not a company.
_OWNER_COUNT = regex.compile(r"[\d一二三四五六七八九十两]+[家大]")
_MAX_IDS = 100_000  # names kept in the memo of catalogue ids before it starts again


def indicator_id(rules: LinkerRules, name: str) -> Optional[str]:
    """The catalogue id of a name (``lookup_indicator``), looked up once per name: news repeats its names."""
    ids = rules.ids
    if name in ids:
        return ids[name]
    ind = lookup_indicator(rules, name)
    return ids.keep(name, ind.id if ind else None)
