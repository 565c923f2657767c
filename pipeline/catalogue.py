"""The indicator catalogue (``rules/indicators.yaml``): schema, load-time checks, the name matcher and the lookup.

An event's indicator is a phrase of the text (``农副食品加工业``, ``对东盟进出口``); the catalogue
says which standard statistic or industry it names, or which measure of which industry or product
(``农副食品加工业增加值``: the measure 增加值 of the industry 农副食品加工业).  Names are found in normalised text by one trie
built when the rules load, scanned longest-first from left to right, so a long name
(``黑色金属冶炼和压延加工业``) wins over the shorter names inside it and no regex runs per name.
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Literal, Optional, Union

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .list_joiners import LIST_JOINERS
from .memo import SUBJECT_TEXTS, Memo
from .normalize import normalize
from .rulefile import Problem

# Characters a name is compared without (spaces and quotation marks), as in ``_norm_key`` before.
_IGNORED = frozenset(" \t\r\n\u3000“”‘’\"'「」『』")
_ID = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"
_CODE = regex.compile(r"[A-T]|\d{2}|\d{3}")
_MARK = regex.compile(r"\[([^\[\]]+)\]")
_END = "\0"  # trie key of the id stored at a node where a name ends
_MEMO_TEXT = 64  # characters of a text short enough for the names found in it to be kept
# Prepositions that put a trade partner before a measure: 对东盟出口, 自美国进口, 从日本进口, 与东盟进出口, and the
# destination of Hong Kong's and Taiwan's exports (输往美国的出口货量, 销往日本的出口).
_PARTNER_PREPOSITIONS = ("对", "自", "从", "与", "同", "向", "输往", "销往")
# A head written after one of these is the last of coordinated names (交通及餐饮业, 货物及服务输出): not the whole.
_JOINERS = frozenset(LIST_JOINERS)
# A head written after 非 is its complement (非食品烟酒类价格, 非农就业): not the head.
_COMPLEMENT = "非"
# A head with one of these before it is averaged per person, day, household or month: 每人GDP is GDP per head (a
# statistic of its own, named 人均本地生产总值 in the catalogue), 日均赌收 the gaming revenue of an average day, another statistic than the head's total (a 30th of a
# month's), and so is 日均重点监测港口货物吞吐量: not the head.  The corpus conventions keep averaging words in the
# indicator for that reason.
_PER_UNIT_WORDS = ("人均", "日均", "户均", "月均", "周均", "每人", "每日", "每户", "每月")
# The designated size of trade (限额以上 or 限上 units: wholesale, retail, hotels and catering above a turnover) makes a
# statistic of those units, a part of the whole: 限额以上单位社会消费品零售总额 is not 社会消费品零售总额, and 限上零售额 not
# all retail.  Unlike 规模以上 (industrial statistics are defined on that scope), it always narrows.
_TRADE_SIZE_SCOPES = ("限额以上", "限上")
# The units the designated size of trade is written with (限额以上单位, 限上企业), and a survey scope (规上企业).
_TRADE_SIZE_UNITS = ("单位", "企业")
# The industries whose monthly sales NBS compiles for the units above the designated size of trade only: wholesale and
# retail (GB/T 4754 section F, divisions 51 and 52), hotels and catering (section H, divisions 61 and 62).  Their measure
# written after 限额以上 or 限上 is that industry's measure (限上批发业销售额, 限额以上住宿业营业额), as a class of goods' is.
_TRADE_SIZE_INDUSTRIES = frozenset(("F", "H", "51", "52", "61", "62"))
# A head written after the people or firms it is taken of is that group's statistic, another series than the whole's:
# an age (15至19岁者失业率, 16-24岁劳动力调查失业率), a firm size or a sex (role ``population``: 中型企业生产指数,
# 女性劳动力参与率),
# or a group of people named by its last word (大学程度者失业率, 户籍人口城镇化率, 外来户籍劳动力调查失业率, 澳门居民失业率,
# 所得最高20%家庭每户可支配所得), or a firm named so (上海局集团公司发送旅客 is one railway company's passengers, Macau's
# 自行推广娱乐场的博彩毛收益 the gaming revenue of some casinos), a 的 or 之 after it allowed (集团的博彩毛收益).  A
# head whose own name says 年龄 is an age group itself, which the age written before it restates (15岁至64岁工作年龄人口).
_AGE = regex.compile(r"[0-9零一二三四五六七八九十]周?岁")
_AGE_GROUP_HEAD = "年龄"
_GROUP_ENDINGS = ("者", "人口", "劳动力", "居民", "家庭", "公司", "集团", "娱乐场")
# The word of the visitors a statistic of visitors is written of (旅客人均消费): the visitors of one market written in its
# place make the statistic that market's (内地旅客人均消费).
_VISITORS = "旅客"
# A floor area written before a head takes it of the flats or shops of that size, a part of the whole: Macau's
# 50至99.9平方米的住宅单位平均租金 and Hong Kong's 面积431方呎以下单位 are no statistic of all homes.
_FLOOR_AREA = regex.compile(r"[0-9零一二三四五六七八九十](?:平方米|平方公尺|方呎|呎|坪)")
# A place written as the whole of the area a release covers (全国, 全省, 本港, 我国) narrows no industry: 全国规模以上工业增加值
# is 规模以上工业增加值, unlike 轻纺工业增加值 (a part of industry).
_WHOLE_PLACE = regex.compile(r"[全本我]\p{Han}")
# Words after a product, sector or industry that name the same thing as a modifier: 水泥行业营业收入 is the
# revenue of cement makers, 服务业企业 the service sector's enterprises, 服装类出口 the exports of clothing,
# 汽车业增加值 the value added of the car industry.
_MODIFIER_SUFFIXES = ("行业", "产业", "企业", "类", "业")
# The word after a product that names its goods (集成电路产品产量 is 集成电路产量, 新能源汽车产品 新能源汽车): after a
# product only, since after a sector or an industry it names all their goods (工业产品产量 counts products).
_PRODUCT_GOODS = "产品"
# Industry (工业) is GB/T 4754 sections B, C and D, divisions 06 to 46: 纺织业工业增加值 is the value added of 纺织业, one
# industry of it.
_INDUSTRY_WORD = "工业"
_INDUSTRIAL_SECTIONS = frozenset("BCD")
_INDUSTRIAL_DIVISIONS = range(6, 47)


def _industrial_code(code: str) -> bool:
    """Whether a GB/T 4754 code (section letter, division, major group) lies in industry, sections B to D."""
    return code in _INDUSTRIAL_SECTIONS or (code.isdigit() and int(code[:2]) in _INDUSTRIAL_DIVISIONS)


# A product named alone with 类 after it is the class of goods it names (电子零组件类, 半导体类 in Taiwan's trade tables).
_PRODUCT_CLASS = "类"
# An industry named "X业" is written "X企业" for its enterprises and "X行业" for itself: 租赁和商务服务企业营业收入
# is the revenue of 租赁和商务服务业, 交通运输行业 is 交通运输业.
_INDUSTRY_SUFFIX = "业"
_INDUSTRY_WRITINGS = ("企业", "行业")
# An industry named "X业" is written "X制造业" too when it makes things: Taiwan's MOEA writes its 电子零组件业 and the press
# 电子零组件制造业 (the formal name in Taiwan's industry classification), the same industry.
_MAKING_WRITING = "制造业"
# A sector named "X工业" is written "X行业" for itself as well: 钢铁行业增加值 is the value added of 钢铁工业, 食品行业 is
# 食品工业 (the trade of X is its industry).
_SECTOR_WRITING = "行业"
# Words after a count that leave the statistic unchanged: 访港旅客总数 is 访港旅客, 入境旅客数目 is 入境旅客,
# 生猪出栏量 is 生猪出栏.
_COUNT_WORDS = ("总数", "数目", "人数", "人次", "数量", "数", "量")
# Count words written in place of a name's own ending: a count of people named X者 (工时不足就业者, DGBAS) is also written
# X人数, and Hong Kong writes 数目 where a name the catalogue has ends in 数 (出生数目 is 出生数, 死亡数目 死亡数).
_COUNT_IN_PLACE = {"人数": "者", "数目": "数"}
# Verbs written before a product that name a measure of it (verb-object order): 出口汽车 is 汽车出口, 生产天然气 is
# 天然气产量, 销售新能源汽车 新能源汽车销量.
_VERB_MEASURES = {"出口": "exports", "进口": "imports", "生产": "output", "销售": "sales_volume"}
# Words before a statistic that leave it unchanged: 总发电量 is 发电量, Hong Kong's 整体出口 (overall exports) is 出口,
# and 各项 (all items) is the whole a release sums, as PBoC's 各项贷款余额 and the finance ministry's 各项税收收入 write it.
_WHOLE_PREFIXES = ("整体", "总", "各项")
# Words before a company's measure that leave it unchanged: its consolidated accounts (合并营收 is the group's revenue, the
# figure a listed company reports) and Taiwan's self-compiled, unaudited ones (自结合并营收, 自结税后纯益).
_STATEMENT_WORDS = ("自结", "合并")
# A figure revised, 修订后 before the statistic (Macau's 修订后的交易额, the month's figure as revised a month later): the same
# statistic, as C&SD's 修订数字 after it is.
_REVISION_WORDS = ("修订后",)
# Words of a quarter written between a company and its measure (世界先进季营收, 银娱集团季度收益, 单季营收): the measure of the
# quarter the event's period says, as a period written before the measure is (台积电第三季营收).
_QUARTER_WORDS = ("单季", "季度", "季")
# Hong Kong's 中期 (interim: the half-year a results announcement covers) is such a word too (新世界发展中期盈利), the period
# saying which half; a measure named whole with it keeps its own entry (中期股息 is the interim dividend, not 股息).
_PERIOD_WORDS = _QUARTER_WORDS + ("中期",)
# Words after a statistic that name its size, its figure or its amount: 出口规模 is 出口, Hong Kong's 出口数字 is
# 出口, Taiwan's 准备货币总额 is 准备货币, Macau's 博彩收益总额 is 博彩收益, 新股集资金额 is 新股集资, an
# index's 总指数 is the index (消费者信心指数总指数), and 额 alone is the amount (进出口额, 转口额, Taiwan's
# 电子产品接单额). Not 总值: after a count it is another statistic (住宅单位买卖总值 is no number of units). A tax
# written with 实征净额 or 实征 after it is its revenue as Taiwan's tax offices report it, collected net of refunds or
# collected (证券交易税实征净额 is 证券交易税, 税收实征净额 税收).  总量 is the amount as NBS writes it (经济总量,
# 制造业增加值总量), 总金额 总额 and 金额 together (出口总金额).  初值 is its first estimate, a figure of the same statistic
# (Macau's 本地生产总值初值, as the corpus keeps GDP's later revisions under one id), and so are C&SD's 临时数字 and 修订数字,
# the provisional figure it publishes first and the revised one six months later (人口临时数字 is 人口).  总计 and 合计 are
# the total a table's last line gives (Macau's 入境旅客总计, 出境旅客总计).
_FIGURE_WORDS = ("规模", "数字", "总额", "金额", "总指数", "实征净额", "实征", "总金额", "总量", "额", "初值", "临时数字",
                 "修订数字", "总计", "合计")
# The key firms of a trade, 重点 before a sector that names them (重点钢企, 重点钢铁企业): the sample an association or a
# ministry reports for its trade, a survey scope as the catalogue's 重点建材企业 is (CISA's 重点钢企粗钢日均产量).
_KEY_FIRMS = "重点"
# A tax is named by a word that ends in 税 or 税收 (印花税, 薪俸税, 幸运博彩税收); its 收入 is what it raises, the statistic
# the tax's entry is (印花税收入 is 印花税, as the catalogue's own 增值税收入 is 增值税), and so is its 收益, as Hong Kong and
# Macau write 收入 (Macau's 赌税收益).
# A statistic of travellers (a name ending in 旅客, 游客 or 访客) written with 入境 or 入境人次 after it counts their arrivals,
# what it counts (Hong Kong's 内地旅客入境人次 is 内地旅客).
_TRAVELLERS, _ARRIVAL_WORDS = ("旅客", "游客", "访客"), ("入境人次", "入境")
_TAX_ENDINGS, _TAX_REVENUE = ("税", "税收"), ("收入", "收益")
# Words after a statistic that average it over the event's period: 全国城镇调查失业率平均值 (前三季度) is the
# surveyed unemployment rate of those quarters, as a period written 1-5月平均 is the period 1-5月 (corpus conventions),
# Taiwan's 失业人数平均 (1-10月) the unemployed of those months, and DGBAS's 平均数 the same average (每人每月实质经常性薪资平均数).
_AVERAGE_WORDS = ("平均值", "平均数", "平均")
# DGBAS writes a household survey's averages either way, 平均每户可支配所得 and 每户可支配所得平均数: a name with an
# average word after it is also read with 平均 before it.
_AVERAGE_BEFORE = "平均"
# Words inside a name that sum a statistic over the year to date: 制造业累计销售值 (1-5月) is 制造业销售值 of those
# months and 城镇投资月度累计增速 (1-5月) the growth of 城镇投资 over them, the period saying which months (as a written
# 1-5月累计 is the period 1-5月 in the corpus conventions); the longer word first.  Hong Kong and Macau write it 累积
# (累积吞吐量).
_CUMULATIVE_WORDS = ("月度累计", "累计", "累积")
# The enumeration comma of names that list their parts (电力、热力、燃气及水生产和供应业): news often drops it.
_LIST_COMMA = "、"
# The 和 that joins the last of the parts an industry's name lists (批发和零售业, 住宿和餐饮业, 交通运输、仓储和邮政业): news
# drops it too (批发零售业增加值, 住宿餐饮业), and the name without it would otherwise be read by its head (零售业, a part).
_LIST_AND = "和"
# The words that link two words of a name and leave it unchanged: 的, and 之 as Taiwan's releases write it in its place
# (营造业之从业员工人数, 日平均准备货币之平均年增率).
_LINKS = ("的", "之")
# Words between a modifier and its measure that leave the measure unchanged: 平均, the average over the items the
# modifier names (蔬菜平均批发价格 is 蔬菜批发价格, 粗钢平均日均产量 粗钢日均产量), and 整体 or 总, their whole
# (石化产业整体产值 is 石化产业产值, 旅游业总收入 旅游业收入, as 总 before a statistic leaves it unchanged).  Before a
# statistic alone 平均 stays (平均入住率: whose hotels?).
_MEASURE_RESTATING = ("平均", "整体", "总")
# The 的 a government's or company's measure may be written after it with (特区政府的收入, 蔚来的销量).
_OWNER_LINK = "的"
# Words that name a government, written before a measure of its accounts (特区政府收入, 港府开支, 中央政府税收; 市府 and 县府
# are Taiwan's city and county governments): the measure, as a company's results are (``Catalogue.owned``); the place
# before the word says whose.
_GOVERNMENTS = ("政府", "港府", "澳府", "特府", "市府", "县府")
# Words that name a level of government in a budget's accounts, written before its measures without 政府 (a city's
# budget report gives 市本级收入 and 区级支出, a province's 省级收入 and 市县级收入, the finance ministry's 中央本级收入 and
# 地方税收): the measure, as after a government word.
_GOVERNMENT_LEVELS = ("本级", "省级", "市级", "县级", "区级", "乡级", "镇级", "中央", "地方")
# The measures of a government's accounts (ids of role ``measure``): what it takes in, spends and levies.  A government's
# other measures are statistics of their own (政府投资, 政府消费 of the national accounts), not the economy's.
_GOVERNMENT_MEASURES = ("income", "expenditure", "tax_revenue")
# The most characters written before a government word: a place or a level (澳门特别行政区, 地方), not a clause.
_GOVERNMENT_PLACE = 8
# Roles the matcher does not scan for: a per-unit average (日均, 每户) is a word of a name, read by the lookup before the
# statistic it averages, never a name of its own the linker's subjects should be cut at.
_UNSCANNED = ("average",)
# Roles that name nothing alone: a scope (规模以上), a trade partner (东盟), a rate (增速: of what?), a population (中型企业),
# a per-unit average (日均: of what?).
_NOTHING_ALONE = ("scope", "partner", "rate", "population", "average")


class Source(BaseModel):
    """A classification or release the catalogue's names were found in."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1)
    url: Optional[str] = None


class Indicator(BaseModel):
    """A standard statistic or industry with the names it is written as, and where they were found."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_ID)
    name: str = Field(min_length=1)
    aliases: list[str] = []
    source: Union[str, list[str]]
    role: Literal["indicator", "measure", "product", "sector", "scope", "partner", "rate", "population",
                  "average"] = "indicator"
    codes: list[str] = []  # GB/T 4754-2017 codes of an industry entry: 门类 letter, 大类 2 digits, 中类 3 digits
    description: str = ""
    examples: list[str] = []  # a sentence with the name marked [..]; the matcher must find this entry there
    # a measure a release gives by source country (MOFCOM's FDI paid in by source: 美国实际投入外资金额): a trade
    # partner written bare before it is that source, not a place whose own measure it is
    by_partner: bool = False

    @field_validator("codes")
    @classmethod
    def _codes(cls, v: list[str]) -> list[str]:
        for code in v:
            if not _CODE.fullmatch(code):
                raise ValueError(f"code {code!r} is not a GB/T 4754 section letter, division or major group")
        return v

    @field_validator("examples")
    @classmethod
    def _one_mark(cls, v: list[str]) -> list[str]:
        for text in v:
            if len(_MARK.findall(text)) != 1:
                raise ValueError(f"example {text!r} must mark exactly one name with [..]")
        return v

    @property
    def sources(self) -> list[str]:
        return [self.source] if isinstance(self.source, str) else list(self.source)

    @property
    def modifier(self) -> bool:
        """Whether a measure written after this entry's name measures it: products, sectors and industries."""
        return self.role in ("product", "sector") or bool(self.codes)

    @property
    def kind(self) -> str:
        """``indicator``, or the GB/T 4754 level of an industry entry: ``section``, ``division``, ``group``."""
        if not self.codes:
            return "indicator"
        return {1: "section", 2: "division", 3: "group"}[min(len(c) for c in self.codes)]


# ASCII capitals lower-cased, every other character as it is
_FOLDED = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _suffixes(text: str) -> Iterator[str]:
    """Every non-empty ending of ``text``, longest first."""
    return (text[i:] for i in range(len(text)))


def _prefixes(text: str) -> Iterator[str]:
    """Every non-empty beginning of ``text``, longest first."""
    return (text[:i] for i in range(len(text), 0, -1))


def _plain_measure(found: Optional[Union[Indicator, Composite]]) -> bool:
    """Whether ``found`` is a measure entry that measures nothing else: what a company reports of itself
    (``Catalogue.owned``) and what a survey scope leaves named whole (``Catalogue._measure_alone``)."""
    return isinstance(found, Indicator) and found.role == "measure" and not found.modifier


def _after_units(rest: str) -> str:
    """``rest`` without the units a survey scope or the designated size of trade is written with opening it (规上企业,
    规模以上单位, 限上单位): what the scope already says, the firms it counts."""
    return next((rest[len(w):] for w in _TRADE_SIZE_UNITS if rest.startswith(w) and len(rest) > len(w)), rest)


def name_key(name: str) -> str:
    """The form names are compared in: no spaces or quotation marks, Latin letters lower-cased."""
    return "".join(c for c in name.translate(_FOLDED) if c not in _IGNORED)


@dataclass(frozen=True)
class Composite:
    """A measure of an industry, sector or product, named by writing one after the other.

    Releases build most of their names this way (``农副食品加工业增加值``, ``汽车产量``, ``集成电路出口``), and a
    statistic of visitors of one market the same way (``内地旅客人均消费``: the statistic 旅客人均消费 of 内地旅客);
    the id is the measure's id, a dot and the measured entry's id (``value_added.gbt4754_c13``), so
    ids sort by measure and never equal an entry's id (entry ids have no dot).
    """

    measure: Indicator
    of: Union[Indicator, "Composite"]

    @property
    def id(self) -> str:
        return f"{self.measure.id}.{self.of.id}"


@dataclass(frozen=True)
class Catalogue:
    """The indicators and a trie over the keys of all their names, built once when the rules load."""

    indicators: dict[str, Indicator] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)  # name key -> indicator id
    # key without its enumeration commas -> indicator id, for the names written with them (电力热力燃气及水生产和供应业),
    # and an industry's without the 和 of its list (批发零售业)
    uncommaed: dict[str, str] = field(default_factory=dict)
    trie: dict = field(default_factory=dict)
    # the keys of the per-unit averages (role ``average``), longest first: a name is read after one only where it opens it
    averages: tuple[str, ...] = ()
    # currencies written between a company and its measure (台积电美元营收, 台积电新台币营收), longest first: the measure
    # stated in that currency, the same statistic, as exports stated in dollars and in yuan are one statistic; the
    # quantity's unit says which.  The currency units of the units file in use (``Lexicon.currency_names``)
    currencies: tuple[str, ...] = ()
    # a short text -> the names in it: the linker scans a subject's text in several stages (its region's
    # stripping, the verb-phrase test, the boundary model's offer), and news repeats its subjects; on a new
    # text of 100,000 characters, 3,534 of the 6,456 texts scanned were distinct
    _found: Memo = field(default_factory=lambda: Memo(SUBJECT_TEXTS), compare=False, repr=False)

    def matches(self, text: str) -> tuple[tuple[int, int, str], ...]:
        """Catalogue names in normalised ``text`` as half-open ``(start, end, indicator_id)``, longest first.

        At each position the longest name wins and the scan goes on after it; spaces and quotation
        marks inside a name are skipped (``"5G 基站"`` finds ``5G基站``), never taken at its edges.
        """
        if len(text) > _MEMO_TEXT:
            return self._scan(text)
        found = self._found.get(text)
        if found is None:
            found = self._found.keep(text, self._scan(text))
        return found

    def _scan(self, text: str) -> tuple[tuple[int, int, str], ...]:
        """``matches`` of ``text``, by one walk of the trie from each position."""
        out: list[tuple[int, int, str]] = []
        i, n = 0, len(text)
        trie = self.trie
        text = text.translate(_FOLDED)  # (folded once: every subject is scanned, most of them new)
        while i < n:
            best: Optional[tuple[int, str]] = None
            # (most characters begin no name: the walk is entered only where one does)
            if text[i] not in _IGNORED and text[i] in trie:
                node = trie
                for j in range(i, n):
                    c = text[j]
                    if c in _IGNORED:
                        continue
                    node = node.get(c)
                    if node is None:
                        break
                    if _END in node:
                        best = (j + 1, node[_END])
            if best is None:
                i += 1
                continue
            out.append((i, best[0], best[1]))
            i = best[0]
        return tuple(out)

    def lookup(self, name: str) -> Optional[Union[Indicator, Composite]]:
        """What an event's indicator names: the whole name, else a measure of a named entry, else the head.

        1. A name or alias of an entry, whole (a scope such as ``规模以上``, a partner such as ``东盟`` or a
           rate such as ``增速`` alone names nothing), or a statistic's name followed by a word of its count,
           总数, 数目, 人数, 人次, 数量, 数 or 量 (``访港旅客总数``, ``入境旅客数目`` -> their statistic), or a
           statistic written with a word that leaves it unchanged, 总, 整体 or 各项 before it, 规模, 数字, 总额, 金额,
           总金额, 总量, 总指数, 实征净额, 实征, 额 or 初值 after it (``总发电量``, ``整体出口``, ``出口规模``, ``准备货币总额``, ``进出口额``), or averaged over the event's
           period, 平均值, 平均数 or 平均 after it, also read with 平均 before it (``城镇调查失业率平均值``,
           ``每户家庭可支配所得平均数``; ``restated``); a name read so with one
           的 (or Taiwan's 之) between two of its words (``住客的平均留宿时间`` is ``住客平均留宿时间``), and failing all
           else, step 4 included (``居住在城镇的人口``; ``_unlinked``).  A name written with enumeration
           commas is also read without them (``电力热力燃气及水生产和供应业``), whole or before a measure or a rate.
        2. A modifier (product, sector, industry) followed by a measure and nothing else, ``的`` allowed
           between them, and 平均, 整体 or 总 (``猪肉平均批发价格``, ``旅游业总收入``): ``农副食品加工业增加值``, ``汽车产量``, ``制造业的增加值`` -> a
           ``Composite``; if an
           entry is named by one of the modifier's names followed by one of the measure's names, that
           entry (``粮食的产量`` is ``粮食产量``, ``grain_output``), so one statistic keeps one id.  A trade
           partner after a preposition is a modifier too (``对东盟出口`` -> ``exports.partner_asean``), or written
           bare before a measure given by source (``by_partner``: ``韩国实际对华投资``), and
           so is a modifier followed by 行业, 产业, 企业, 类 or 业 (``水泥行业营业收入`` -> ``revenue.product_cement``),
           and an industry ``X业`` written ``X企业`` or ``X行业`` (``租赁和商务服务企业营业收入`` ->
           ``revenue.gbt4754_l``), and an industry of sections B to D written before 工业 (``纺织业工业增加值``).
           A verb of a measure written before a product names it too, in verb-object order: 出口, 进口, 生产
           and 销售 (``出口汽车`` -> ``exports.product_autos``, ``生产新能源汽车`` -> ``ev_output``).
        3. A rate (role ``rate``: 增速, 年增率, 占比, 比重 ...) after a statistic named by steps 1 or 2, ``的``
           allowed between them: ``规上工业增加值增速`` -> ``growth.industrial_value_added``, unless an
           entry is named by one of that statistic's names followed by one of the rate's (``国内生产总值增速``
           -> ``gdp_growth``), or by what comes before the rate followed by another of the rate's words
           (``经济增幅`` -> ``gdp_growth``, as ``经济增速``).  The rate of an unidentified name has no id (``小汽车产量增速``), nor has one
           whose statistic is only a head (``高技术制造业增加值占规模以上工业增加值比重`` is no share of the whole).
        4. Chinese noun phrases end in their head, so ``对东盟进出口`` names ``对东盟进出口``'s entry and
           ``农村居民人均可支配收入`` its own: the last name of the longest-first scan, if it ends the phrase
           and is a statistic or an industry (role ``indicator``).  A measure, product or sector after
           words the catalogue does not know (``小汽车产量``, ``咖啡出口``, ``钠离子电池``, ``医疗保健服务业``)
           gives no id: a series grouped by id must not mix a part with the whole.  Nor does a head written
           after 及, 和, 与 or 、 that no longer name covers: it is the last of coordinated names (``交通及餐饮业``
           is not 餐饮业, ``货物及服务输出`` not 服务输出); nor one written after 非, its complement
           (``非食品烟酒类价格`` is not 食品烟酒类价格); nor one with a per-unit averaging word before it, 人均, 日均,
           户均, 月均, 每人, 每日 ... (``每人GDP`` is not GDP, ``日均赌收`` not the month's gaming revenue); nor one
           narrowed by what precedes it: an industry or sector after words that make it a part (``合成橡胶制造业``,
           ``先进制造业增加值``; ``_narrowed``), a head right after a product or a sector no scope opens (``金银珠宝类商品零售额``,
           ``沿海港口货物吞吐量``; ``_part_before``), or a head after
           限额以上 or 限上, the designated size of trade (``限上零售额``); nor one taken of a group of people or firms
           written before it, an age, a firm size or a sex (role ``population``) or a word that ends a group's name, 者,
           人口, 劳动力, 居民, 家庭, or a firm's, 公司, 集团 (``15至19岁者失业率``, ``中型企业生产指数``, ``外来户籍人口调查失业率``,
           ``上海局集团公司发送旅客``), or homes of a floor area (``50至99.9平方米的住宅单位平均租金``; ``_of_group``).
        A product or a statistic named whole with 类 after it is that product or statistic (``电子零组件类``, the CPI class
        ``交通和通信类``; ``_product_class``).
        """
        key = name_key(name)
        iid = self._key_id(key)
        if iid is not None:
            return self._named_alone(iid)
        found = (self.counted(key) or self.composite(key) or self.rate(key) or self.restated(key) or self.averaged(key)
                 or self._linked(key) or self._product_class(key) or self._of_market(key) or self._by_source(key)
                 or self._of_government(key))
        if found is not None:
            return found
        scan = self.matches(name)
        if scan and all(c in _IGNORED for c in name[scan[-1][1]:]):
            start = scan[-1][0]
            head = self.indicators[scan[-1][2]]
            if start and (name[start - 1] in _JOINERS or name[start - 1] == _COMPLEMENT):
                return None
            if any(word in name[:start] for word in _PER_UNIT_WORDS + _TRADE_SIZE_SCOPES):
                return None
            if self._narrowed(name_key(name[:start]), name_key(name[start:])):
                return None
            if self._of_group(name[:start], name[start:], scan[:-1]):
                return None
            if len(scan) > 1 and scan[-2][1] == start and self._part_before(scan[-2][2]):
                return None  # the head of the product or sector written right before it (金银珠宝类商品零售额, 沿海港口货物吞吐量)
            if head.role == "indicator":
                return head
        return self._unlinked(key)

    def _unlinked(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """What a name written with one 的 (or 之) between its words names without it, its head included (step 4): a
        relative clause or a place before the 的 restates the head's statistic (``居住在城镇的人口`` is 城镇人口,
        ``用于基础研究的经费`` 基础研究经费, ``来自内地的旅客`` 内地旅客), and the head keeps the checks of step 4."""
        for link in _LINKS:
            if key.count(link) == 1 and not key.startswith(link) and not key.endswith(link):
                found = self.lookup(key.replace(link, ""))
                if found is not None:
                    return found
        return None

    def _of_government(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """A measure of a government's accounts written after the government (``特区政府收入``, ``港府开支``,
        ``澳门特区政府总收入``, ``中央政府税收``, a 的 between them allowed): the measure, or the rate of it (``港府开支增幅``),
        as a company's measure after the company is (``owned``); and so after a level of government written without
        政府 (``市本级收入``, ``区级支出``, ``地方税收``); the statistics named whole keep their entries
        (``政府收入`` is FSTB's, ``特区政府财政盈余`` read by its head)."""
        for word in _GOVERNMENTS + _GOVERNMENT_LEVELS:
            i = key.find(word)
            if not 0 <= i <= _GOVERNMENT_PLACE:
                continue
            rest = key[i + len(word):]
            rest = rest[len(_OWNER_LINK):] if rest.startswith(_OWNER_LINK) else rest
            found = self._statistic(rest) if rest else None
            measure = found.of if isinstance(found, Composite) and found.measure.role == "rate" else found
            if isinstance(measure, Indicator) and measure.id in _GOVERNMENT_MEASURES:
                return found
        return None

    def _of_market(self, key: str) -> Optional[Composite]:
        """A statistic of visitors written with the visitors of one market in place of its 旅客, a 的 between them allowed
        (``中国内地旅客人均消费``, ``香港旅客的人均消费``, ``澳大利亚旅客人均消费``): that statistic of those visitors, the
        composite of the statistic and what names them (``visitor_spending_per_capita_mo.mainland_visitors``), as the
        measure of a product is; Macau's and Hong Kong's releases give their visitor statistics by market."""
        i = key.find(_VISITORS)
        if i <= 0:
            return None
        end = i + len(_VISITORS)
        rest = key[end + 1:] if key[end:end + 1] == "的" else key[end:]
        sid = self.keys.get(_VISITORS + rest) if rest else None
        if sid is None or self.indicators[sid].role != "indicator":
            return None
        of = self.lookup(key[:end])
        return Composite(self.indicators[sid], of) if of is not None else None

    def _by_source(self, key: str) -> Optional[Composite]:
        """A trade partner written bare before a statistic given by market (``by_partner``: ``日本访港旅客人次``, ``泰国来台旅客人次``,
        ``韩国住客``): that statistic of the visitors from that place, the composite of the two, as a partner before a
        measure given by source is (``韩国实际对华投资``); the place can only be where the visitors come from.  The names
        opening the key are walked in the trie, so a long subject (a list of items) costs no more than its first name."""
        node = self.trie
        for i, c in enumerate(key[:-1], 1):
            node = node.get(c)
            if node is None:
                return None
            pid = node.get(_END)
            if pid is None or self.indicators[pid].role != "partner":
                continue
            sid = self._key_id(key[i:])
            found = self.indicators[sid] if sid is not None else self.counted(key[i:])
            if found is not None and found.role == "indicator" and found.by_partner:
                return Composite(found, self.indicators[pid])
        return None

    def _of_group(self, before: str, head: str, scanned: tuple[tuple[int, int, str], ...]) -> bool:
        """Whether the words before a head name a group of people or firms the head is taken of (``15至19岁者``,
        ``中型企业``, ``户籍人口``), or of homes of a floor area (``50至99.9平方米的``): the head is then that group's
        statistic, not the whole's (step 4 of ``lookup``)."""
        if _AGE.search(before) and _AGE_GROUP_HEAD not in head:
            return True
        if _FLOOR_AREA.search(before):
            return True
        if any(self.indicators[iid].role == "population" for _, _, iid in scanned):
            return True
        before = name_key(before)
        return any(before.removesuffix(link).endswith(_GROUP_ENDINGS) for link in ("", *_LINKS))

    def _part_before(self, iid: str) -> bool:
        """Whether an entry written right before a head makes the head that entry's part (step 4 of ``lookup``): a
        product, a trade partner (``对美国出超`` is the surplus with one country) or a sector (``沿海港口货物吞吐量`` is
        the coastal ports' throughput), but not a sector a survey scope opens (``规模以上工业企业``), the population
        the head's statistic is defined on."""
        entry = self.indicators[iid]
        if entry.role in ("product", "partner"):
            return True
        return entry.role == "sector" and not any(
            self.indicators[s].role == "scope" for s in map(self.keys.get, _prefixes(name_key(entry.name))) if s
        )

    def _product_class(self, key: str) -> Optional[Indicator]:
        """A product named whole and followed by 类, the class of goods it names (``电子零组件类``, ``半导体类``): the
        product, as it is before a measure (``服装类出口额``, step 2); and a statistic so written, a class of a price
        index as its release writes it (``交通和通信类``, ``生活用品及服务类``: the CPI class ``交通和通信``)."""
        if key.endswith(_PRODUCT_CLASS) and len(key) > len(_PRODUCT_CLASS):
            pid = self.keys.get(key[:-len(_PRODUCT_CLASS)])
            if pid is not None and self.indicators[pid].role in ("product", "indicator"):
                return self.indicators[pid]
        return None

    def _narrowed(self, before: str, head: str) -> bool:
        """Whether a head that starts with an industry or sector's name (``制造业``, ``制造业增加值``, ``工业增加值``) is
        written after words that narrow that industry to a part of it (``合成橡胶制造业``, ``先进制造业增加值``,
        ``轻纺工业增加值``): the head is the whole, not the part.  A survey scope written last before it (``规上``) or the
        whole of a place (``全国``, ``本港``) narrows nothing."""
        if not before or _WHOLE_PLACE.fullmatch(before) or any(
            self.indicators[iid].role == "scope" for iid in map(self.keys.get, _suffixes(before)) if iid
        ):
            return False
        for i in range(len(head), 0, -1):
            iid = self._key_id(head[:i])
            if iid is not None and (self.indicators[iid].codes or self.indicators[iid].role == "sector"):
                return True
        return False

    def _key_id(self, key: str) -> Optional[str]:
        """The id a name key names whole: a name or alias, or one written without the enumeration commas it lists its
        parts with (``电力热力燃气及水生产和供应业`` is ``电力、热力、燃气及水生产和供应业``), or with commas the catalogue's
        name has not (Taiwan's press writes MOEA's ``电脑电子产品及光学制品业`` as ``电脑、电子产品及光学制品业``), or an
        industry's written without the 和 of that list (``批发零售业`` is ``批发和零售业``, not 零售业), or an industry ``X业`` written
        ``X制造业`` (``电子零组件制造业`` is Taiwan's ``电子零组件业``)."""
        iid = self.keys.get(key)
        if iid is None and _LIST_COMMA in key:
            iid = self.keys.get(key.replace(_LIST_COMMA, ""))
        if iid is None and key.endswith(_MAKING_WRITING) and len(key) > len(_MAKING_WRITING) + 1:
            iid = self.keys.get(key[:-len(_MAKING_WRITING)] + _INDUSTRY_SUFFIX)
            iid = iid if iid is not None and self.indicators[iid].modifier else None
        return iid if iid is not None else self.uncommaed.get(key)

    def counted(self, key: str) -> Optional[Indicator]:
        """A statistic (role ``indicator``) named whole and followed by a word of its count (step 1 of ``lookup``); a
        count of people named ``X者`` is also written ``X人数``, the count word in place of 者 (``工时不足就业人数`` is
        ``工时不足就业者``), and a name ending in 数 is written with Hong Kong's 数目 in its place (``出生数目`` is ``出生数``)."""
        for word in _COUNT_WORDS:
            if key.endswith(word) and len(key) > len(word):
                stem = key[:-len(word)]
                for name in [stem] + ([stem + _COUNT_IN_PLACE[word]] if word in _COUNT_IN_PLACE else []):
                    iid = self.keys.get(name)
                    if iid is not None and self.indicators[iid].role == "indicator":
                        return self.indicators[iid]
        return None

    def _statistic(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """What a rate is written after: a name whole, a composite, a rate or a statistic with its count word
        (steps 1 to 3 of ``lookup``: ``整体访港旅客数目`` is 访港旅客 restated), never a head: in ``第三产业对经济增长的贡献率`` or ``高技术制造业增加值占规模以上工业增加值比重`` the head of
        what comes before the rate is the whole the statistic is a part of."""
        iid = self._key_id(key)
        if iid is not None:
            return self._named_alone(iid)
        return self.composite(key) or self.rate(key) or self.restated(key) or self.counted(key) or self.averaged(key)

    def _linked(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """A name written with one 的 between two of its words (``住客的平均留宿时间``, ``留宿旅客的平均逗留时间``), or
        with Taiwan's 之 in its place (``日平均准备货币之年增率``): the statistic the name without it names (steps 1 to 3),
        so that one statistic keeps one id."""
        for link in _LINKS:
            if key.count(link) == 1 and not key.startswith(link) and not key.endswith(link):
                bare = key.replace(link, "")
                found = self._statistic(bare) or self.counted(bare)
                if found is not None:
                    return found
        return None

    def restated(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """A statistic written with a word that leaves it unchanged (step 1 of ``lookup``): 总, 整体 or 各项 before it
        (``总发电量``, ``整体出口``, ``各项税收``), 规模, 数字, 总额, 金额, 总金额, 总量, 总指数, 实征净额, 实征, 额 or 初值 after it (``出口规模``, ``出口数字``,
        ``准备货币总额``, ``消费者信心指数总指数``, ``证券交易税实征净额``), or 平均值, 平均数 or 平均 after it, its average
        over the event's period, read also with 平均 before it as DGBAS writes it either way (``城镇调查失业率平均值``,
        ``每户家庭可支配所得平均数`` is ``平均每户家庭可支配所得``), or 累计 (月度累计, 累积) inside it, its sum over the event's period (``制造业累计销售值``,
        ``城镇投资月度累计增速``); also 总计 or 合计 after it (``入境旅客总计``), 修订后 before it (``修订后的交易额``), a tax's
        收益 (``赌税收益``) and travellers written with 入境 or 入境人次 (``内地旅客入境人次``).  The statistic is a name
        whole, a composite or a rate of a statistic or measure, never a product, sector or industry (``汽车规模``
        may be output, sales or the fleet)."""
        rests = [key[len(w):] for w in _WHOLE_PREFIXES + _STATEMENT_WORDS + _REVISION_WORDS
                 if key.startswith(w) and len(key) > len(w)]
        rests += [key[:-len(w)] for w in _FIGURE_WORDS + _AVERAGE_WORDS if key.endswith(w) and len(key) > len(w)]
        rests += [_AVERAGE_BEFORE + key[:-len(w)] for w in _AVERAGE_WORDS if key.endswith(w) and len(key) > len(w)]
        rests += [key.replace(w, "", 1) for w in _CUMULATIVE_WORDS if w in key and len(key) > len(w)]
        for revenue in _TAX_REVENUE:
            tax = key.removesuffix(revenue)
            if tax != key and tax.endswith(_TAX_ENDINGS) and tax not in _TAX_ENDINGS:
                rests.append(tax)  # a tax's revenue is the tax (印花税收入, 幸运博彩税收收入, 赌税收益)
        rests += [key[:-len(w)] for w in _ARRIVAL_WORDS if key.endswith(w) and key[:-len(w)].endswith(_TRAVELLERS)]
        for rest in rests:
            found = self._statistic(rest)
            if isinstance(found, Composite) or (
                found is not None and found.role in ("indicator", "measure") and not found.modifier
            ):
                return found
        return None

    def averaged(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """A statistic or measure written after a per-unit average (role ``average``: 人均, 日均, 户均, 月均, 每日, 平均每户
        ...): its average per person, day, household or month, another statistic than its total, so the average's
        composite of it (``日均出口`` -> ``per_day.exports``, ``户均收入`` -> ``per_household.income``).  An
        entry named by one of the average's names and one of the statistic's wins (``每人GDP`` is ``人均GDP``,
        ``gdp_per_capita``), and a measure so named keeps what the statistic measures (``日均天然气产量`` ->
        ``daily_output.product_natural_gas``, as ``日均产量`` is a measure).  The statistic is named whole, composed, a rate
        or restated, never a bare product, sector or industry (``人均汽车``: owned, made or sold?)."""
        for written in self.averages:
            if not key.startswith(written) or len(key) == len(written):
                continue
            average, of = self.indicators[self.keys[written]], self._statistic(key[len(written):])
            if not isinstance(of, Composite) and (of is None or of.role not in ("indicator", "measure") or of.modifier):
                return None
            averages = (average.name, *average.aliases)
            if isinstance(of, Indicator):
                named = self._entry_written(a + x for a in averages for x in (of.name, *of.aliases))
                # (a measure's average is a measure's: 每日平均旅客量, Hong Kong's visitors, is no airport's 日均旅客量)
                return named if named is not None and (of.role != "measure" or named.role == "measure") \
                    else Composite(average, of)
            measure = self._entry_written(a + m for a in averages for m in (of.measure.name, *of.measure.aliases))
            if measure is not None and measure.role == "measure" and of.measure.role == "measure":
                return Composite(measure, of.of)
            return Composite(average, of)
        return None

    def owned(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """The measure a company's name is written before (``台积电营收``, ``港交所股东应占溢利``, ``台中银行自结税后纯益``: the
        key is what follows the company): a measure named whole or restated (合并, 自结, 累计 ...), never a product, sector,
        industry or composite, so the company's revenue has the measure's id as the results of every company do, and an
        industry's (``银行业税后纯益``) keeps its composite; or a rate of such a measure (``建行净利润增速``,
        ``台积电营收年增率``), the rate's composite of it, as the rate of a statistic is; or a product's measure, the product's
        composite (``中国神华商品煤产量`` -> ``output.product_commercial_coal``: ``_product_measure_of``).  A word of a quarter or half-year
        before the measure (``季营收``, ``季度收益``, ``中期盈利``) leaves it unchanged, the period saying which, and so does a
        currency before either (``美元营收``, ``新台币单季营收``), the quantity's unit saying which."""
        rests = [key]
        for words in (self.currencies, _PERIOD_WORDS):
            word = next((w for w in words if rests[-1].startswith(w) and len(rests[-1]) > len(w)), None)
            if word is not None:
                rests.append(rests[-1][len(word):])
        for rest in rests:
            found = self._statistic(rest)
            if isinstance(found, Composite) and found.measure.role == "rate" and _plain_measure(found.of):
                return found
            if _plain_measure(found) or self._product_measure_of(found):
                return found
        return None

    @staticmethod
    def _product_measure_of(found: Optional[Union[Indicator, Composite]]) -> bool:
        """Whether ``found`` is a product's measure (``商品煤产量``, ``燃煤发电量``): after a company it is that company's
        output, sales or generation of the product (a mining company's coal, a power company's generation by source),
        the composite every maker's figure shares, as the company's own measure is the measure's."""
        return isinstance(found, Composite) and _plain_measure(found.measure) and isinstance(found.of, Indicator) \
            and found.of.role == "product"

    def _named_alone(self, iid: str) -> Optional[Indicator]:
        """The entry a name written whole names, unless its role names nothing alone (a scope, partner, rate)."""
        return self.indicators[iid] if self.indicators[iid].role not in _NOTHING_ALONE else None

    def scanned(self, iid: str) -> bool:
        """Whether the matcher scans for the names of entry ``iid``: not for a per-unit average (``_UNSCANNED``), a word of
        a name the lookup reads before what it averages, which the linker must cut no subject at."""
        return self.indicators[iid].role not in _UNSCANNED

    def written(self, name: str) -> Optional[Indicator]:
        """The entry ``name`` names as written whole, by a name or an alias (in any spelling ``name_key``
        folds), without the readings of ``lookup``: what callers ask to tell a statistic from a product,
        company or place."""
        iid = self.keys.get(name_key(name))
        return self.indicators[iid] if iid is not None else None

    def _entry_written(self, writings: Iterable[str]) -> Optional[Indicator]:
        """The entry the first of ``writings`` that names one names (``粮食产量`` -> ``grain_output``), so
        that one statistic keeps one id however it is written."""
        for written in writings:
            entry = self.written(written)
            if entry is not None:
                return entry
        return None

    def rate(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """The rate-of-a-statistic reading of a name key (step 3 of ``lookup``), longest rate first.  A name
        written with another word of the same rate names the entry the catalogue has (``经济增幅`` is ``经济增速``,
        ``gdp_growth``): the rate's words are one rate, so the entry is one statistic however its rate is written."""
        for rest, rate in self._ending_in(key, "rate"):
            named = self._entry_written(rest + m for m in (rate.name, *rate.aliases))
            if named is not None and named.role == "indicator":
                return named
            of = self._statistic(rest)
            if of is None:
                continue
            if isinstance(of, Indicator):
                named = self._entry_written(x + m for x in (of.name, *of.aliases) for m in (rate.name, *rate.aliases))
                if named is not None:
                    return named
            return Composite(rate, of)
        return None

    def composite(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """The modifier + measure reading of a name key (step 2 of ``lookup``), longest measure first.

        A survey scope written first (``规模以上高技术制造业产值``) leaves the reading unchanged, as
        the catalogue's own names treat ``规上工业增加值`` and ``工业增加值`` as one statistic, and so do its units written
        after it (``规上企业出口交货值`` is ``规上出口交货值``, the firms the scope counts).
        """
        found = self._modifier_measure(key) or self._verb_object(key) or self._trade_size_class(key)
        if found is None:
            for i in range(1, len(key)):
                sid = self.keys.get(key[:i])
                if sid is not None and self.indicators[sid].role == "scope":
                    rest = _after_units(key[i:])
                    found = self._modifier_measure(rest) or self._measure_alone(rest) or self._scoped_product(rest)
                    if found is not None:
                        break
        return found or self._key_firms_product(key)

    def _key_firms_product(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """A product's measure written after the key firms of a trade (``重点钢企粗钢日均产量``: 重点 and a sector): the
        product's measure, as after the catalogue's survey scopes (``重点建材企业水泥平均出厂价``), the sample being the
        scope the trade's release takes it on.  Only a product: the sector's own measure (``重点服务业企业营业收入``)
        is the sample's, a part of the sector's."""
        if not key.startswith(_KEY_FIRMS):
            return None
        rest = key[len(_KEY_FIRMS):]
        for i in range(len(rest) - 1, 0, -1):
            _, sid, _ = self._modifier(rest[:i])
            if sid is not None and self.indicators[sid].role == "sector":
                return self._product_measure(rest[i:])
        return None

    def _scoped_product(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """A product's measure written after 工业 that follows a survey scope (``规模以上工业原煤产量``, ``规上工业企业粗钢产量``):
        the product's measure, as ``规上原煤产量`` is; industrial statistics are taken on that scope, and 工业 (its units
        after it allowed) restates whose output is counted.  Only a product: an industry or statistic after 工业 keeps
        the readings of step 2 and 4."""
        if not key.startswith(_INDUSTRY_WORD):
            return None
        return self._product_measure(_after_units(key[len(_INDUSTRY_WORD):]))

    def _product_measure(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """The measure of the product that opens ``key`` (step 2 of ``lookup``), None if no product opens it."""
        first = self.matches(key)[:1]
        if not first or first[0][0] != 0 or self.indicators[first[0][2]].role != "product":
            return None
        return self._modifier_measure(key)

    def _measure_alone(self, key: str) -> Optional[Indicator]:
        """A measure of nothing else named whole after a survey scope (``规上销售产值``, ``规模以上营业收入``): the measure,
        as the scope leaves ``规上工业增加值`` the statistic ``工业增加值`` is."""
        mid = self.keys.get(key)
        found = self.indicators[mid] if mid is not None else None
        return found if _plain_measure(found) else None

    def _trade_size_class(self, key: str) -> Optional[Composite]:
        """A class of goods' measure after the designated size of trade (``限额以上石油及制品类零售额``, ``限上单位家用电器和
        音像器材类零售额``): the class's measure, since the retail of a class of goods is compiled for the units above
        that size only; so is a trade industry's (``限上批发业销售额``, ``限额以上住宿业营业额``: ``_TRADE_SIZE_INDUSTRIES``);
        the whole after it stays a part (``限上零售额`` is no 零售额)."""
        for scope in _TRADE_SIZE_SCOPES:
            if not key.startswith(scope):
                continue
            rest = _after_units(key[len(scope):])
            if self._key_id(rest) is not None:
                return None  # a statistic named whole stays a part after it (限额以上餐饮收入 is no 餐饮收入)
            found = self._modifier_measure(rest)
            if isinstance(found, Composite) and isinstance(found.of, Indicator) and (
                found.of.role == "product" or any(code in _TRADE_SIZE_INDUSTRIES for code in found.of.codes)
            ):
                return found
        return None

    def _ending_in(self, key: str, role: str) -> Iterator[tuple[str, Indicator]]:
        """Each entry of ``role`` that ends ``key``, longest first, with what comes before it (``的`` between
        them dropped): ``规上工业增加值的增速`` -> (``规上工业增加值``, 增速)."""
        for i in range(1, len(key)):
            eid = self.keys.get(key[i:])
            if eid is not None and self.indicators[eid].role == role:
                yield (key[:i - 1] if key[i - 1] == "的" and i > 1 else key[:i]), self.indicators[eid]

    def _modifier_measure(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """The measure ending ``key`` of the modifier before it (step 2 of ``lookup``), longest measure first; a measure
        named by a word of a statistic's figure (金额) measures no modifier: after a product it does not say what of it
        is valued (``汽车金额``: output, sales or exports?), and named alone the text says of what."""
        for head, measure in self._ending_in(key, "measure"):
            if measure.name in _FIGURE_WORDS:
                continue
            found = self._measure_of(head, measure) or self._measure_restated(head, measure) \
                or self._measure_overlapping(head, measure)
            if found is not None:
                return found
        return None

    def _measure_overlapping(self, head: str, measure: Indicator) -> Optional[Union[Indicator, Composite]]:
        """The measure of a modifier whose name ends in the measure's first characters, written once (``太阳能发电量``
        is 太阳能发电's 发电量, ``燃气发电量`` 燃气发电's): the two words share them, as the press writes them."""
        for written in (measure.name, *measure.aliases):
            for k in range(len(written) - 1, 0, -1):
                _, xid, _ = self._modifier(head + written[:k])
                if xid is not None:
                    return self._measure_of(head + written[:k], measure)
        return None

    def _measure_restated(self, head: str, measure: Indicator) -> Optional[Union[Indicator, Composite]]:
        """The measure of a modifier written with 平均, 整体 or 总 between them (``蔬菜平均批发价格``, ``石化产业整体产值``, a
        的 before the word allowed): the measure of that modifier, the word saying nothing the id should."""
        for word in _MEASURE_RESTATING:
            rest = head[:-len(word)] if head.endswith(word) else ""
            rest = rest[:-1] if rest.endswith("的") else rest
            if rest:
                found = self._measure_of(rest, measure)
                if found is not None:
                    return found
        return None

    def _measure_of(self, head: str, measure: Indicator) -> Optional[Union[Indicator, Composite]]:
        """The measure of the modifier ``head`` names (step 2 of ``lookup``), or the entry the two name together."""
        prep, xid, suffix = self._modifier(head)
        if xid is None and measure.by_partner:
            xid = self._bare_partner(head)
        if xid is None:
            xid = self._industrial_industry(head)
        if xid is None:
            return None
        of = self.indicators[xid]
        named = self._entry_written(written for x in (of.name, *of.aliases) for m in (measure.name, *measure.aliases)
                                    for written in (prep + x + m, prep + x + suffix + m))
        return named if named is not None else Composite(measure, of)

    def _bare_partner(self, head: str) -> Optional[str]:
        """The trade partner ``head`` names whole, written without a preposition before a measure given by source
        (``by_partner``: 美国实际投入外资金额, 韩国实际对华投资): there the place can only be the source, where before
        another measure it may be the place whose own measure is meant (美国进口)."""
        pid = self.keys.get(head)
        return pid if pid is not None and self.indicators[pid].role == "partner" else None

    def _industrial_industry(self, head: str) -> Optional[str]:
        """The industry of GB/T 4754 sections B to D (mining, manufacturing, utilities: 工业) written before 工业 and a
        measure (``纺织业工业增加值``, ``规上纺织企业工业增加值``): that industry's measure, 工业 restating what it belongs to;
        so too a sector named X工业 (``钢铁工业``), and with a survey scope between them, the scope industrial statistics are
        taken on (``医药行业规上工业增加值``, ``食品行业规模以上工业增加值``)."""
        if not head.endswith(_INDUSTRY_WORD) or len(head) <= len(_INDUSTRY_WORD):
            return None
        _, xid, _ = self._modifier(self._scope_dropped(head[:-len(_INDUSTRY_WORD)]))
        if xid is None:
            return None
        entry = self.indicators[xid]
        if any(_industrial_code(code) for code in entry.codes):
            return xid
        return xid if entry.role == "sector" and entry.name.endswith(_INDUSTRY_WORD) else None

    def _scope_dropped(self, text: str) -> str:
        """``text`` without the survey scope that ends it, if one does (``医药行业规上`` -> ``医药行业``)."""
        for i in range(1, len(text)):
            sid = self.keys.get(text[i:])
            if sid is not None and self.indicators[sid].role == "scope":
                return text[:i]
        return text

    def _verb_object(self, key: str) -> Optional[Union[Indicator, Composite]]:
        """A verb of a measure followed by a product named whole (``出口汽车`` -> ``exports.product_autos``), or the
        entry named by the product followed by the measure (``生产新能源汽车`` -> ``ev_output``); only a product:
        ``出口企业`` are exporters, not exports.  The verb written after the product names the same measure, as a noun
        (``新能源汽车生产`` is its output, ``新能源汽车销售`` its sales)."""
        for verb, mid in _VERB_MEASURES.items():
            if mid not in self.indicators:
                continue
            if key.startswith(verb):
                pid = self.keys.get(key[len(verb):])
            elif key.endswith(verb):
                pid = self.keys.get(key[:-len(verb)])
            else:
                continue
            if pid is None or self.indicators[pid].role != "product":
                continue
            measure, of = self.indicators[mid], self.indicators[pid]
            named = self._entry_written(x + m for x in (of.name, *of.aliases) for m in (measure.name, *measure.aliases))
            return named if named is not None else Composite(measure, of)
        return None

    def _modifier(self, head: str) -> tuple[str, Optional[str], str]:
        """The preposition, entry id and suffix of what a measure measures: a product, sector or industry
        named whole, or followed by 行业, 产业, 企业, 类 or 业 (``水泥行业``, ``服务业企业``, ``汽车业``), a product followed by
        产品 (``集成电路产品``), an industry ``X业`` written
        ``X企业`` or ``X行业`` (``租赁和商务服务企业`` is 租赁和商务服务业, whose enterprises), or a trade partner after
        a preposition (``对东盟``; a partner written bare may be the place whose own trade is meant,
        ``美国进口``, so it is not read as one)."""
        xid = self._key_id(head)
        if xid is not None and self.indicators[xid].modifier:
            return "", xid, ""
        for suffix in _MODIFIER_SUFFIXES:
            if xid is None and head.endswith(suffix):
                sid = self.keys.get(head[:-len(suffix)])
                if sid is not None and self.indicators[sid].modifier:
                    return "", sid, suffix
        if xid is None and head.endswith(_PRODUCT_GOODS) and len(head) > len(_PRODUCT_GOODS):
            pid = self.keys.get(head[:-len(_PRODUCT_GOODS)])
            if pid is not None and self.indicators[pid].role == "product":
                return "", pid, _PRODUCT_GOODS
        for written in _INDUSTRY_WRITINGS:
            if xid is None and head.endswith(written) and len(head) > len(written) + 1:
                sid = self._key_id(head[:-len(written)] + _INDUSTRY_SUFFIX)
                if sid is not None and self.indicators[sid].modifier:
                    return "", sid, written
        if xid is None and len(head) > 1 and not head.endswith(_INDUSTRY_SUFFIX):
            sid = self._key_id(head + _INDUSTRY_SUFFIX)
            if sid is not None and self.indicators[sid].codes:
                return "", sid, ""  # an industry X业 written without its 业 before a measure (零售营业额, 批发销售额)
        if xid is None and head.endswith(_SECTOR_WRITING) and len(head) > len(_SECTOR_WRITING):
            sid = self.keys.get(head[:-len(_SECTOR_WRITING)] + _INDUSTRY_WORD)
            if sid is not None and self.indicators[sid].role == "sector":
                return "", sid, _SECTOR_WRITING
        for prep in _PARTNER_PREPOSITIONS:
            pid = self.keys.get(head[len(prep):]) if head.startswith(prep) else None
            if pid is not None and self.indicators[pid].role == "partner":
                return prep, pid, ""
        return "", None, ""


def build_catalogue(
    entries: Iterable[tuple[Indicator, int, str]], sources: Iterable[tuple[Source, int, str]], currencies: tuple[str, ...]
) -> tuple[Catalogue, list[Problem]]:
    """Index validated entries; every problem (duplicate or non-normalised name, unknown source) as ``file:line``.
    ``currencies``: the names of the currencies of the units file quantities are read with, longest first
    (``Lexicon.currency_names``), which a company's measure may be stated in."""
    entries = list(entries)
    problems: list[Problem] = []
    known = {s.id for s, _, _ in sources}
    names = [(alias, ind, line, path) for ind, line, path in entries for alias in [ind.name, *ind.aliases]]
    # one normaliser call for all names: newlines delimit OpenCC's phrases, so each name converts alone
    normalised = normalize("\n".join(a for a, _, _, _ in names)).text.split("\n")
    keys: dict[str, str] = {}
    uncommaed: dict[str, str] = {}
    indicators: dict[str, Indicator] = {}
    trie: dict = {}
    for ind, line, path in entries:
        indicators[ind.id] = ind
        for src in ind.sources:
            if src not in known:
                problems.append(Problem(path, line, f"rule {ind.id!r}: unknown source {src!r}; define it under sources:"))
    for (alias, ind, line, path), norm in zip(names, normalised):
        if norm != alias:
            problems.append(Problem(path, line, f"rule {ind.id!r}: name {alias!r} is not normalised; write {norm!r}"))
            continue
        key = name_key(alias)
        if not key:
            problems.append(Problem(path, line, f"rule {ind.id!r}: empty name"))
            continue
        other = keys.get(key)
        if other is not None and other != ind.id:
            problems.append(Problem(path, line, f"rule {ind.id!r}: alias {alias!r} already belongs to {other!r}"))
            continue
        keys[key] = ind.id
        bares = {key.replace(_LIST_COMMA, "")} if _LIST_COMMA in key else set()
        if ind.codes and key.count(_LIST_AND) == 1:
            bares |= {key.replace(_LIST_AND, ""), key.replace(_LIST_AND, "").replace(_LIST_COMMA, "")}
        for bare in bares:
            # a key two entries share without their commas or 和 names neither
            uncommaed[bare] = ind.id if uncommaed.get(bare, ind.id) == ind.id else ""
        if ind.role in _UNSCANNED:
            continue
        node = trie
        for c in key:
            node = node.setdefault(c, {})
        node[_END] = ind.id
    uncommaed = {k: iid for k, iid in uncommaed.items() if iid and k not in keys}
    averages = tuple(sorted((k for k, iid in keys.items() if indicators[iid].role == "average"), key=len, reverse=True))
    return Catalogue(indicators=indicators, keys=keys, uncommaed=uncommaed, trie=trie, averages=averages,
                     currencies=currencies), problems
