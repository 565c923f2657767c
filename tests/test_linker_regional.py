"""The linker on the names of Taiwan, Hong Kong and Macau news: films by origin, companies named after their place,
a place's banking sector."""
from __future__ import annotations

import pytest

import zhibiao

from .test_linker import one, run


@pytest.mark.parametrize("text, value, indicator, location", [
    # origin_noun 电影$: films counted or shared by where they were made keep their place (corpus news59, news64)
    ("2022年全港一共上映[217部]电影,当中[27部]为香港电影。", "27部", "香港电影", "全港"),
    ("同期香港电影所占的份额,则由约[80%]锐减至约[20%]。", "80%", "香港电影", None),
    # a place's box office is the place's, the location (corpus news60)
    ("去年香港中西电影票房全年总收入为[11亿3147万元]。", "11亿3147万元", "中西电影票房总收入", "香港"),
    ("香港电影票房收入为[10亿元]。", "10亿元", "电影票房收入", "香港"),
])
def test_films_named_by_their_origin_keep_the_place(text, value, indicator, location):
    e = one(run(text), value)
    assert (e.indicator, e.location) == (indicator, location)


@pytest.mark.parametrize("text, value, indicator, location", [
    # owner words: a company or resort whose name opens with its place (corpus news61, news65)
    ("台湾行动宽频用户数为[2981.2万],台湾大哥大用户数为[949.5万户]。", "949.5万户", "台湾大哥大用户数", "台湾"),
    ("当中来自澳门美高梅收益升[2.1%]至[134.08亿元]。", "2.1%", "澳门美高梅收益", None),
    # a place's banking sector is no bank: the place is the location (corpus news57)
    ("截至年底,澳门银行业总资产[2.43万亿元],同比跌[6.21%]。", "2.43万亿元", "银行业总资产", "澳门"),
    # a bank named after its place keeps it
    ("重庆银行营业收入为[10亿元]。", "10亿元", "重庆银行营业收入", None),
])
def test_companies_named_after_their_place_keep_it(text, value, indicator, location):
    e = one(run(text), value)
    assert (e.indicator, e.location) == (indicator, location)


@pytest.mark.parametrize("text, value, indicator", [
    # a company its stock code follows is named as written before its measures, where the lexicon knows a shorter
    # name opening it (港铁, 中华电: class owner)
    ("港铁公司(00066.HK)去年总收入跌[7.6%],经常性业务利润按年跌[21.6%]。", "21.6%", "港铁公司经常性业务利润"),
    ("中华电信(2412)去年营收新台币[2180亿元],每股盈余[4.8元]。", "4.8元", "中华电信每股盈余"),
    # the lexicon's name itself before its code, and a lexicon name written without a code, as before
    ("港交所(0388)公布第三季业绩,股东应占溢利为[49亿元]。", "49亿元", "港交所股东应占溢利"),
    ("中华电今年营收[2180亿元],每股盈余[4.8元]。", "4.8元", "中华电每股盈余"),
])
def test_a_company_before_its_stock_code_is_named_as_written(text, value, indicator):
    assert one(run(text), value).indicator == indicator


@pytest.mark.parametrize("text, value, indicator", [
    # filler_prefix 折合: an amount converted to another currency in brackets restates the one before it (corpus news63)
    ("期内总博彩收入按年下跌[4.7%]至[71.4亿港元](折合[9.19亿美元]),较上季亦下跌[1.8%]。", "9.19亿美元", "总博彩收入"),
    ("平均单价由[406美元]增为[591美元](折合新台币[1万7000元])。", "1万7000元", "平均单价"),
    # strip.currency_note: the note of the currency opening that bracket names nothing (corpus news60, devG)
    ("去年中西电影票房全年总收入为[11亿3147万元](港币,下同,约[1亿4476万美元])。", "1亿4476万美元", "中西电影票房总收入"),
    # 折合 before a measure of its own is a verb, no restatement
    ("8月出生数为[8464人],折合年粗出生率为[4.27‰]。", "4.27‰", "年粗出生率"),
])
def test_an_amount_converted_in_brackets_restates_the_one_before(text, value, indicator):
    assert one(run(text), value).indicator == indicator


@pytest.mark.parametrize("text, value, period", [
    # periods.yaml year: Macau writes a year by its last two digits (corpus news57, devF)
    ("截至二三年底,澳門銀行業總資產2.43萬億元,同比跌6.21%。", "2.43萬億元", "二三年底"),
    ("二三年銀行業整體營業收入達292.69億元。", "292.69億元", "二三年"),
    # find.anaphoric 昨: the Hong Kong press's yesterday, alone (corpus news51, news63)
    ("國際現貨金價昨亦闖一關,昨衝破每安士5,500美元大關。", "5,500美元", "昨"),
])
def test_periods_of_hong_kong_and_macau_press(text, value, period):
    # the tagger's periods (find_periods), as the pipeline gives them to the linker
    (e,) = [e for e in zhibiao.extract(text)["events"] if e["value_text"] == value]
    assert e["period"] == period


# (text, value, indicator): a change in per cent said with a verb of change of a topic named as a rate is the change of
# the measure the rate is of (corpus devA, devL, news31, news83); the rows after the first four keep the rate noun
RATE_TOPIC_CHANGES = [
    ("私人消费开支在第三季增速轻微加快,按年实质进一步上升[2.1%]。", "2.1%", "私人消费开支"),
    ("保险业及零售业的业务收益升幅较为显著,分别升[11.6%]及[7.7%]。", "7.7%", "零售业的业务收益"),
    ("各类单位指数中以面积1722方呎或以上单位升幅最多,按月升[1.42%],最新报[135.9]。", "135.9", "面积1722方呎或以上单位"),
    ("入境访客升幅明显,分别是[18.7%]、[17.6%];而外港及氹仔码头则下降[48.2%]。", "48.2%", "入境访客"),
    # a level of the rate (分别是), a change in percentage points, the rate's course period by period
    ("入境访客升幅明显,分别是[18.7%]、[17.6%];而外港及氹仔码头则下降[48.2%]。", "18.7%", "入境访客升幅"),
    ("规上工业增加值增速较快,比一季度提升[1.4个百分点]。", "1.4个百分点", "规上工业增加值增速"),
    ("今年上半年城镇投资月度累计增速持续上升,1—2月增长[23.4%],1季度增长[25.3%]。", "25.3%", "城镇投资月度累计增速"),
]


def test_a_change_of_a_topic_named_as_a_rate_is_the_measures():
    got = [(value, one(run(text), value).indicator) for text, value, _ in RATE_TOPIC_CHANGES]
    assert got == [(value, indicator) for _, value, indicator in RATE_TOPIC_CHANGES]


@pytest.mark.parametrize("text, value, indicator", [
    # lexicon anaphor.regional: a rate of adjustment, a share of a fall or rise, alone before the value, stand for the
    # indicator before them (corpus news86, news29, news73)
    ("每月基本工资从新台币[2万5250元]调高到新台币[2万6400元],调幅为[4.56%]。", "4.56%", "每月基本工资"),
    ("当月除汽车以外的消费品零售额[42,036亿元],增长幅为[4%]。", "4%", "除汽车以外的消费品零售额"),
    ("高中人数跌破[30万]大关,减少比例为[31%]。", "31%", "高中人数"),
    # a name ending in such a word is no anaphor
    ("基本工资调幅为[4.56%]。", "4.56%", "基本工资调幅"),
])
def test_regional_words_of_a_rate_stand_for_the_indicator_before(text, value, indicator):
    assert one(run(text), value).indicator == indicator


@pytest.mark.parametrize("text, value, indicator", [
    # rule none.reference_count: a count after coordinated names going on to 至 and a value is a change to that level,
    # not a set the names are counted in, whatever its verb (corpus news57)
    ("其中证券及股票投资收益更飙升近[2.2倍]至[5.29亿元]。", "2.2倍", "证券及股票投资收益"),
    ("其中证券及股票投资收益更飙升近[2.2倍]至[5.29亿元]。", "5.29亿元", "证券及股票投资收益"),
])
def test_a_count_going_on_to_a_level_is_a_change(text, value, indicator):
    assert one(run(text), value).indicator == indicator


@pytest.mark.parametrize("text, value", [
    # lexicon fill.suffix: 澳门元, like 港元, names the currency of Macau's monetary statistics, a subject of its own
    # (corpus news72)
    ("至今年九月底,澳门元占国际性银行资产及负债的比重分别为[1%]及[0.7%]。", "1%"),
    ("至今年九月底,澳门元占国际性银行资产及负债的比重分别为[1%]及[0.7%]。", "0.7%"),
    ("澳门元在M2中所占的比重为[24.9%]。", "24.9%"),
])
def test_the_pataca_is_a_subject_of_the_monetary_statistics(text, value):
    assert one(run(text), value).indicator == "澳门元"


def test_ge_wei_distributes_the_values_as_fenbie_does():
    # lexicon list.cue: Taiwan's 各为 is 分别为, the values go to the indicators stated before, in order (corpus news8)
    evs = run("前6月出口[1638.3亿美元],进口[1382.8亿美元],年增率各为[10.9%]及[10.8%]。")
    assert (one(evs, "10.9%").indicator, one(evs, "10.8%").indicator) == ("出口", "进口")


@pytest.mark.parametrize("text, value, indicator, location", [
    # loc.hk_mo_zones: Hong Kong's business districts in office and shop surveys (corpus news78, news84)
    ("中環空置率進一步回落至[7.3%],按年跌[1個百分點]。", "7.3%", "空置率", "中环"),
    ("其中銅鑼灣租金跌幅最大,按季跌[5.7%]。", "5.7%", "租金", "铜锣湾"),
    # Macau's statistical zones in DSEC's rent releases (corpus news86)
    ("按分區統計,新口岸區的住宅平均租金按季上升[1.5%]。", "1.5%", "住宅平均租金", "新口岸区"),
    # loc.reservoirs: a reservoir is the location of its storage (convention news88); a set of reservoirs is no name
    ("石門水庫蓄水率有機會回升至[5成]。", "5成", "蓄水率", "石门水库"),
    # loc.foreign: countries as Taiwan writes them are places
    ("紐西蘭第3季失業率為[4.1%]。", "4.1%", "失业率", "纽西兰"),
])
def test_districts_zones_reservoirs_and_countries_of_traditional_news_are_places(text, value, indicator, location):
    e = one(run(text), value)
    assert (e.indicator, e.location) == (indicator, location)


def test_a_set_of_reservoirs_a_terminal_district_and_a_breakdown_country_stay_names():
    # a set of reservoirs and the district of Hong Kong's container terminals are no location of their own; a
    # country as Taiwan writes it (class breakdown_place) names its item of a breakdown like 德国 (corpus news25, news52)
    evs = run("全台水庫蓄水量為[12億噸]。九月份葵涌以外其他碼頭錄[21.6%]正增長。石門水庫蓄水率為[5成]。"
              "前五大生產國分別為德國占[15.5%]、義大利占[6.6%]。")
    assert [(e.indicator, e.location) for e in evs] == [("水库蓄水量", "全台"), ("葵涌以外其他码头", None),
                                                        ("蓄水率", "石门水库"), ("德国", None), ("义大利", None)]


@pytest.mark.parametrize("text, value, indicator", [
    # strip of 经…调整: Hong Kong's and Macau's adjusted results keep 经调整 before any profit measure (纯利, 溢利) and
    # before a segment's EBITDA, as before EBITDA and 净利 (corpus news84, news91)
    ("經調整純利料錄[662.8亿元],按年升[10.8%]。", "662.8亿元", "经调整纯利"),
    ("經調整物業EBITDA增加[25%],有[7.5亿美元]。", "25%", "经调整物业EBITDA"),
    ("經調整溢利為[12亿元]。", "12亿元", "经调整溢利"),
    # (a seasonal adjustment stays a frame, no part of the name: the strip's own example, 经调整季节变动因素后)
])
def test_adjusted_results_keep_their_adjustment(text, value, indicator):
    assert one(run(text), value).indicator == indicator
