"""The indicator catalogue: its examples, the matcher, the lookup and the load-time checks."""
from __future__ import annotations

import pytest

from zhibiao.catalogue import _MARK, Composite, name_key
from zhibiao.extractor import Extractor
from zhibiao.linker_rules import default_rules, load_rules, lookup_indicator
from zhibiao.normalize import normalize
from zhibiao.rulefile import RuleFileError

from .conftest import CUSTOM_CURRENCY, CUSTOM_CURRENCY_TEXT, units_with_custom_currency

CATALOGUE = default_rules().catalogue
EXAMPLES = [(ind.id, text) for ind in CATALOGUE.indicators.values() for text in ind.examples]


def test_size_and_every_kind_has_examples():
    kinds = {ind.kind for ind in CATALOGUE.indicators.values()}
    assert len(CATALOGUE.indicators) >= 1000
    assert kinds == {"indicator", "section", "division", "group"}
    assert {CATALOGUE.indicators[i].kind for i, _ in EXAMPLES} == kinds


@pytest.mark.parametrize("iid,text", EXAMPLES, ids=[f"{i}:{t}" for i, t in EXAMPLES])
def test_example(iid, text):
    """The marked name is found, with its offsets, as this entry, in the normalised sentence."""
    mark = _MARK.search(text)
    plain = text[: mark.start()] + mark.group(1) + text[mark.end():]
    norm = normalize(plain)
    span = norm.to_normalized(mark.start(), mark.start() + len(mark.group(1)))
    assert (*span, iid) in CATALOGUE.matches(norm.text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("黑色金属冶炼和压延加工业增长5.5%", [(0, 12, "gbt4754_c31")]),  # longest first: not 金属 ... 加工业
        ("规上工业增加值和GDP", [(0, 7, "industrial_value_added"), (8, 11, "gdp")]),
        ("gdp增速", [(0, 5, "gdp_growth")]),  # Latin letters compared lower-cased
        ("5G 基站", [(0, 5, "5g_base_stations")]),  # a space inside a name is skipped
        (" 出口 ", [(1, 3, "exports")]),  # ... never taken at its edges
        ("咖啡门店数量", []),
        ("", []),
    ],
)
def test_matches(text, expected):
    assert CATALOGUE.matches(text) == tuple(expected)


@pytest.mark.parametrize(
    "name,iid",
    [
        # 1. a name or alias, whole
        ("规模以上工业增加值", "industrial_value_added"),
        ("“出口”", "exports"),  # compared without quotation marks
        ("出口", "exports"),  # a measure named alone is that measure
        ("农副食品加工业", "gbt4754_c13"),
        ("汽车", "product_autos"),  # a product named alone: its own id, whatever the release measures
        ("访港旅客总数", "visitor_arrivals_hk"),  # ... followed by a word of its count
        ("入境旅客数目", "visitor_arrivals_mo"),
        ("生猪出栏量", "hog_slaughter"),
        # ... or written with a word that leaves it unchanged: 总 or 整体 before it, 规模 or 数字 after it
        ("总发电量", "power_generation"),
        ("整体出口", "exports"),  # Hong Kong's overall exports
        ("出口规模", "exports"),
        ("进口数字", "imports"),
        ("汽车产量规模", "output.product_autos"),  # ... a composite too
        ("准备货币总额", "reserve_money_tw"),  # Taiwan's reserve money, its total
        ("集团博彩收益总额", None),  # ... of a name the catalogue does not know: none (a company group's)
        ("中场博彩收益总额", "mass_market_ggr_mo"),
        ("新股集资金额", "hk_ipo_funds"),  # Hong Kong's IPO funds, their amount
        ("进出口额", "trade_total"),  # 额 alone: the amount
        ("每人每月实质经常性薪资平均数", "tw_real_regular_earnings"),  # DGBAS's 平均数: the average over the period
        ("工时不足就业人数", "tw_time_related_underemployed"),  # X者 written X人数: the count word in place of 者
        ("工时不足就业人次", None),
        ("电子产品接单额", "orders_electronics_tw"),
        ("住宅单位买卖总值", "mo_residential_units_traded_value"),  # its own entry, never the count's (住宅单位买卖)
        ("住宅楼花买卖总值", None),  # not 总值: after a count it is another statistic
        ("整体通胀率", "inflation_rate"),  # Hong Kong's headline inflation
        ("消费者信心指数总指数", "consumer_confidence_tw"),  # an index's headline
        ("制造业总指数", None),  # ... never an industry's
        ("制造业规模", None),  # a size word after an industry: its value added, output or revenue?
        ("非劳动力人数", "not_in_labour_force_tw"),  # a whole name after 非, and its count
        ("数字经济核心产业增加值", "value_added.sector_digital_economy_core"),
        ("汽车金额", None),  # an amount word after a product: of its output, sales or exports?
        # ... or averaged over the event's period
        ("城镇调查失业率平均值", "unemployment_urban_surveyed"),
        ("整体访港旅客数目", "visitor_arrivals_hk"),  # ... of a statistic with its count word
        ("失业人数平均", "unemployed_persons"),
        ("每户家庭可支配所得平均数", "tw_disposable_income_per_household"),  # ... read with 平均 before it as DGBAS writes it
        # ... and 每户 written alone is that average too, per household (平均每户家庭可支配所得 is a name of the entry)
        ("每户家庭可支配所得", "tw_disposable_income_per_household"),
        # a tax's revenue as Taiwan's tax offices report it, collected net of refunds or collected
        ("证券交易税实征净额", "tw_securities_transaction_tax"),
        ("证交税实征", "tw_securities_transaction_tax"),
        ("税收实征净额", "tax_revenue"),
        ("汽车实征净额", None),  # ... never a product's
        ("赌收", "ggr_mo"),  # the press word for Macau's gross gaming revenue
        ("整体赌收", "ggr_mo"),
        ("汽车平均", None),  # ... never a product's: its price, output or sales?
        ("全国平均", None),  # a comparison scope, not a statistic
        # a name written without the enumeration commas of its parts
        ("电力热力燃气及水生产和供应业", "gbt4754_d"),
        ("电力热力燃气及水生产和供应业投资", "investment.gbt4754_d"),
        ("总发电量增速", "growth.power_generation"),  # ... and the rate of one
        # ... or written with one 的 between two of its words
        ("住客的平均留宿时间", "hotel_stay_mo"),
        ("住客之平均留宿时间", "hotel_stay_mo"),  # ... or Taiwan's 之 in its place
        ("日平均准备货币之年增率", "growth.reserve_money_tw"),
        ("百分之五", None),  # a 之 inside a word links nothing
        ("每人可支配所得平均数", "tw_disposable_income_per_person"),  # DGBAS's average per person, not per household
        ("燃气的生产和供应业投资", "investment.gbt4754_d45"),
        # 2. modifier + measure and nothing else: a composite, measure first
        ("农副食品加工业增加值", "value_added.gbt4754_c13"),
        ("建筑业增加值", "value_added.gbt4754_e"),  # a GB/T 4754 section
        ("汽车产量", "output.product_autos"),
        ("汽车总产量", "output.product_autos"),  # any alias of the measure
        ("集成电路出口", "exports.product_integrated_circuits"),
        ("国有控股企业利润总额", "profit.ownership_soe"),
        ("农业产值", "gross_output.gbt4754_a01"),
        ("粮食播种面积", "sown_area.product_grain"),
        ("规上工业产值", "gross_output.sector_industry_above_size"),
        ("服务业的增加值", "value_added.sector_services"),  # 的 between modifier and measure
        ("批发业营业额", "turnover.gbt4754_f51"),
        ("规模以上高技术制造业产值", "gross_output.sector_high_tech_manufacturing"),  # a scope written first
        ("规上煤炭开采和洗选业产值", "gross_output.gbt4754_b06"),
        ("汽车产销量", "production_sales.product_autos"),
        ("一般贸易出口", "exports.trade_mode_general"),
        # a trade partner after a preposition, before a measure
        ("对东盟出口", "exports.partner_asean"),
        ("对东盟的出口", "exports.partner_asean"),  # 的 between them
        ("自日本进口", "imports.partner_japan"),
        ("与一带一路沿线国家进出口", "trade_total.partner_belt_road"),
        ("对拉美出口", "exports.partner_latin_america"),  # any alias of the partner
        ("汽车销量", "sales_volume.product_autos"),
        ("煤炭开采和洗选业产能利用率", "capacity_utilisation.gbt4754_b06"),
        # a product, sector or industry followed by 行业, 产业, 企业, 类 or 业 is the same modifier
        ("规模以上汽车业增加值", "value_added.product_autos"),
        ("水泥行业营业收入", "revenue.product_cement"),
        ("汽车产业产值", "gross_output.product_autos"),
        ("服装类出口额", "exports.product_garments"),
        ("工业企业利润", "industrial_profit"),  # ... unless an entry names it with the suffix
        # an industry X业 written X企业 (its enterprises) or X行业 is the industry
        ("规上租赁和商务服务企业营业收入", "revenue.gbt4754_l"),
        ("规模以上纺织企业营业收入", "revenue.gbt4754_c17"),
        ("餐饮企业销售额", "sales_value.gbt4754_h62"),
        ("专业设备及光学用品业的港产品出口货值", "hk_domestic_exports_value.hk_industry_professional_optical"),
        # a scope written first: NDRC's key building-materials enterprises
        ("重点建材企业水泥平均出厂价", "ex_factory_price.product_cement"),
        ("自巴西进口", "imports.partner_brazil"),
        ("对陆港出口", "exports_to_china_hk_tw"),  # Taiwan's short name of mainland China and Hong Kong
        ("对共建一带一路国家出口", "exports.partner_belt_road_partners"),
        # a partner written bare before a measure given by source (MOFCOM's FDI by source country) is that source
        ("美国实际投入外资金额", "fdi_paid_in_by_source.partner_usa"),
        ("韩国实际对华投资", "fdi_paid_in_by_source.partner_korea"),
        ("东盟实际投入外资金额", "fdi_paid_in_by_source.partner_asean"),
        # MARA's weekly feed prices: the feeds are products, 平均 between them and the measure restating it
        ("豆粕平均价格", "price.product_soybean_meal"),
        ("育肥猪配合饲料平均价格", "price.product_hog_feed"),
        # a verb of a measure before a product (verb-object order) is that measure of the product
        ("出口汽车", "exports.product_autos"),
        ("进口天然气", "imports.product_natural_gas"),
        ("生产天然气", "output.product_natural_gas"),
        ("销售新能源汽车", "ev_sales"),  # ... or the entry the product and the measure name
        # ... unless an entry names that statistic: one statistic, one id
        ("第一产业增加值", "gdp_primary_va"),
        ("第一产业的增加值", "gdp_primary_va"),
        ("对东盟的进出口", "trade_asean"),  # the preposition is part of the entry's name
        ("对美国出口", "exports_to_us"),
        ("新能源汽车销量", "ev_sales"),
        ("粮食总产量", "grain_output"),
        ("新能源汽车总产量", "ev_output"),
        ("规模以上工业企业利润总额", "industrial_profit"),
        ("规上工业发电量", "industrial_power_generation"),
        # 3. a rate after a statistic named whole or as a composite
        ("规上工业增加值增速", "growth.industrial_value_added"),
        ("利润增速", "growth.profit"),
        ("M2年增率", "growth.m2"),  # Taiwan's name of the growth rate
        ("居民消费价格增幅", "growth.cpi"),
        ("出口成长率", "growth.exports"),
        ("经济成长", "gdp_growth"),  # Taiwan's name of economic growth
        ("汽车产量的增速", "growth.output.product_autos"),  # 的 between them; the rate of a composite
        ("高技术制造业占比", "share.sector_high_tech_manufacturing"),
        ("国内生产总值增速", "gdp_growth"),  # an entry names that rate of that statistic
        ("GDP增长率", "gdp_growth"),
        ("制造业累计销售值", "tw_manufacturing_sales"),  # a year-to-date sum: the period says which months
        ("城镇投资月度累计增速", "growth.urban_fai"),
        ("累计增速", None),  # a rate alone names nothing, summed or not
        ("累计汽车", None),
        ("经济增幅", "gdp_growth"),  # another word of the same rate: the entry 经济增速 names
        ("社会增幅", None),  # no entry is named 社会增速
        ("咖啡增幅", None),
        # 4. the head names it, if the head is no measure
        ("对东盟进出口", "trade_asean"),
        ("农村居民人均可支配收入", "rural_disposable_income"),
        ("全国规模以上工业增加值", "industrial_value_added"),
        ("本地就业居民", "employed_residents_mo"),
        ("建筑安装工程产值", "gross_output.sector_construction_installation"),  # a sector, not 安装工程产值
        # negatives: a measure after words the catalogue does not know gives no id, never the bare measure's
        ("小汽车产量", None),
        ("出口数量", None),  # a count word after a measure is no count of it (exports by volume, not value)
        ("钠离子电池", None),  # nor a product's or sector's
        ("医疗保健服务业", None),
        ("咖啡出口", None),
        ("东盟", None),  # a partner alone names nothing
        ("美国进口", None),  # a bare partner may be the place whose own imports are meant
        ("美国实际使用外资", None),  # ... and before any measure not given by source (the place's own FDI)
        ("对汽车出口", None),  # after a preposition only a partner is read as what is measured
        ("出口企业", None),  # a verb before a sector or an unknown word is no measure of it: exporters
        ("出口小汽车", None),
        ("汽车规模", None),  # a size word after a product: output, sales or the fleet?
        ("整体汽车", None),
        ("总规模", None),
        ("的出口", None),  # 的 at an edge is no link
        ("汽车的的产量", None),
        ("对东盟、欧盟出口", None),
        ("5个行业增加值", None),
        ("汽车增加值以上", None),  # something after the measure
        ("增速", None),  # a rate alone names nothing
        ("小汽车产量增速", None),  # nor the rate of an unidentified name
        ("高技术制造业增加值占规模以上工业增加值比重", None),  # nor of a head: the part's share is not the whole's
        ("咖啡行业营业收入", None),
        ("咖啡企业营业收入", None),  # 咖啡业 is no industry the catalogue knows
        ("企业营业收入", None),
        ("数字经济总量", None),  # not the 经济总量 (GDP) of the digital economy
        ("汽车的", None),
        # ... nor a head after 及, 和, 与 or 、 that no name covers: the last of coordinated names
        ("交通及餐饮业", None),
        ("住宿及餐饮业", "gbt4754_h"),  # ... unless a name covers the joiner: Taiwan's and Hong Kong's name of the section
        ("金融及保险业", "sector_finance_insurance"),  # ... unless a name covers the joiner
        ("商品及服务输出", "gs_exports_tw"),  # ... Taiwan's exports of goods and services, a name
        ("货物及服务输出", None),
        ("总体失业率及本地居民失业率", None),
        ("禽肉、牛肉、羊肉产量", None),
        ("全省电力、热力、燃气及水生产和供应业", "gbt4754_d"),
        ("批发零售业", "gbt4754_f"),  # an industry written without the 和 of its list is the whole, not its head 零售业
        ("住宿餐饮业", "gbt4754_h"),
        ("批发零售业增加值", "value_added.gbt4754_f"),
        ("非食品烟酒类价格", None),  # ... nor a head after 非: its complement
        ("食品烟酒类价格", "cpi_food_tobacco_liquor"),
        ("人均本地居民总收入", "per_capita.gni_hk"),  # ... nor a head after a per-unit averaging word: GNI per head
        # is not GNI, but the average's composite of it (Catalogue.averaged)
        ("每人GDP", "gdp_per_capita"),  # ... or the entry named by the average and the statistic (人均GDP)
        ("人均汽车", None),  # ... of a statistic, not a bare product
        ("人均本地生产总值", "gdp_per_capita"),  # ... a name of GDP per head is its own statistic
        ("每日赌收", "mo_daily_ggr"),  # a day's average, not the month's total: 日均赌收
        ("日均赌收", "mo_daily_ggr"),  # ... a name of the day's average is its own statistic
        ("平均每日发送旅客", "railway_passenger_departures_daily"),
        ("日均重点监测港口货物吞吐量", None),  # the averaging word before a scope averages the whole phrase
        ("本地生产总值", "gdp"),
        # ... nor a head that starts with an industry or sector narrowed by the words before it: a part, not the whole
        ("合成橡胶制造业", None),
        ("新能源汽车制造业", None),
        ("先进制造业增加值", None),
        ("装备工业增加值", "equipment_manufacturing_va"),  # ... a name of that part is read as such
        ("轻纺工业增加值", None),
        ("化工工业增加值", "value_added.sector_chemical_industry"),  # ... as a sector the catalogue knows
        ("博爱医院", None),  # a hospital is no hospital industry
        ("汽车制造业", "gbt4754_c36"),  # ... unless a name covers it
        ("规上制造业", "gbt4754_c"),  # ... or a survey scope is all that precedes it
        ("规模以上制造业增加值", "manufacturing_va"),
        # ... nor a head after the designated size of trade: the units above it are a part of the whole
        ("限额以上单位社会消费品零售总额", None),
        ("限上零售额", None),
        ("限额以上单位社会消费品零售额", "retail_above_quota"),  # ... unless a name says it
        ("限上社零额", "retail_above_quota"),
        ("社会消费品零售额", "retail_sales"),
        ("农村居民人均可支配收入", "rural_disposable_income"),  # a name that holds the averaging word is its own
        ("纺织业工业增加值", "value_added.gbt4754_c17"),  # an industry of 工业 before 工业 and a measure: its measure
        ("规上纺织企业工业增加值", "value_added.gbt4754_c17"),
        ("批发业工业增加值", None),  # ... only an industry of sections B to D
        ("资讯通信产品外销订单", "export_orders_tw.tw_orders_ict_products"),  # a product's orders, not all orders
        ("外销订单", "export_orders_tw"),
        ("制造业实际使用外资金额", "fdi.gbt4754_c"),  # manufacturing's FDI, not all FDI
        ("石油及制品类零售额", "retail_value.retail_petroleum"),  # a class of goods' retail sales, not all retail
        ("城镇零售额", None),
        ("金银珠宝类商品零售额", None),  # a product right before the head: the head of that product, not the whole
        ("沿海港口货物吞吐量", None),  # ... or a sector: the coastal ports' throughput, not the nation's
        ("服务业固定资产投资", None),
        ("对日本出超", None),  # ... or a trade partner: the surplus with Japan, not the whole balance
        ("泰国来台旅客人次", "tw_inbound_visitors.partner_thailand"),  # ... one market's visitors: that market's, not the whole's
        ("对美国出超", "tw_trade_surplus_us"),  # ... an entry named whole still wins
        ("工业固定资产投资", "industrial_investment"),
        ("五星级酒店入住率", "occupancy_rate.hotels_5_star_mo"),  # a measure after the hotels it is of
        ("病床入住率", None),  # ... not after a word the catalogue does not know  # industry's own statistic, 工业投资 written out
        ("对中国大陆与香港出口", "exports_to_china_hk_tw"),  # a partner's writing + a measure: the entry they name
        ("港口货物吞吐量", "port_throughput"),
        ("规模以上工业企业产品销售率", "product_sales_rate"),  # ... but a sector a scope opens is the statistic's population
        ("税前盈余", "pretax_profit_or_loss"),  # profit before tax of whom the name does not say: not the banks'
        ("银行业税前盈余", "pretax_profit_or_loss.sector_banking"),
        ("金融三业税前盈余", "pretax_profit_or_loss.tw_financial_three_sectors"),
        ("本国银行税前盈余", "tw_bank_pretax_profit"),
        ("电子零组件类", "tw_electronic_parts"),  # a product with 类 is the class of goods it names
        ("电脑及周边设备类", "product_computers_peripherals"),
        ("咖啡类", None),
        ("汽车类", "retail_autos"),  # ... an entry named so wins
        ("交通和通信类", "cpi_transport_communication"),  # ... and a statistic with 类: a CPI class as releases write it
        ("投资类", None),  # ... not a measure
        ("人类", None),
        # a head taken of a group of people or firms written before it is that group's statistic, not the whole's
        ("15至19岁者失业率", None),  # an age group
        ("上海局集团公司发送旅客", None),  # a firm: one railway company's passengers, not the nation's
        ("20至24岁劳动力调查失业率", None),
        ("16-24岁劳动力调查失业率", "unemployment_16_24_cn"),  # ... an entry named so wins (NBS's age groups)
        ("城镇不包含在校生的16至24岁劳动力失业率", "unemployment_16_24_excl_students_cn"),
        ("65岁及以上人口", "population_65_plus"),  # ... an entry named so wins
        ("15岁至64岁工作年龄人口", "working_age_population_15_64"),  # ... unless the head is that age group itself
        ("小型企业制造业采购经理指数", None),  # a firm size (role population)
        ("中型企业生产指数", None),
        ("女性劳动力参与率", None),  # a sex (role population)
        ("中型企业PMI", "pmi_medium"),  # ... an entry named so wins
        ("中型企业", None),  # ... which names nothing alone
        ("大学程度者失业率", None),  # a group named by its last word: 者, 人口, 劳动力, 居民, 家庭
        ("外来户籍人口调查失业率", None),
        ("外来户籍劳动力调查失业率", "unemployment_migrant_hukou_cn"),  # ... an entry named so wins (NBS)
        ("澳门居民失业率", None),
        ("所得最高20%家庭每户可支配所得", None),
        ("户籍人口城镇化率", "urbanization_rate_registered"),  # ... an entry named so wins
        ("常住人口城镇化率", "urbanization_rate"),
        ("全国城镇调查失业率", "unemployment_urban_surveyed"),  # a place narrows no statistic to a group
        ("规模以上工业企业每百元营业收入中的成本", "cost_per_100_revenue"),  # nor does a survey's scope
        ("本地就业居民", "employed_residents_mo"),
        ("规模以上", None),  # a scope alone names nothing
        ("规模以上咖啡产量", None),
        ("咖啡门店数量", None),
        # release names of the twelfth round: a written 累计, 总额 or 的 leaves the statistic as it is ...
        ("发电设备累计平均利用小时数", "power_utilisation_hours"),
        ("香港保险业的毛保费总额", "hk_insurance_gross_premiums"),
        ("有效业务的保费收入总额", "hk_inforce_premiums"),
        ("尖峰备转容量", "tw_operating_reserve"),
        ("备转容量率", "tw_operating_reserve_rate"),
        ("一般业务的毛保费", None),  # ... but the gross premiums of general business are not all premiums
        ("备用容量", None),  # the reserve in kW is not the reserve margin
        ("装置容量", "installed_capacity"),  # a plant's or a source's capacity, the measure, is not the system's
        ("规模工业增加值", "industrial_value_added"),  # Hunan's 规模工业 is the scope 规模以上工业
        ("规模工业企业利润", "industrial_profit"),
        ("大规模工业", None),
        ("乘用车市场的零售量", "cpca_passenger_retail"),
        ("银行体系的特定分类贷款比率", "hk_classified_loan_ratio"),
        ("中国内地相关贷款的特定分类贷款比率", "hk_mainland_classified_loan_ratio"),  # a part with its own name
        ("东部地区网络零售额", "online_retail_mofcom"),  # a place narrows no statistic to a group
        ("农村网络零售额", "rural_online_retail_mofcom"),
        ("网上零售额", "online_retail"),  # NBS's figure stays its own
        ("酒店及公寓的平均入住率", "hotel_occupancy_mo"),
        ("平均入住率", None),  # whose hotels?
        ("每人每月实质经常性薪资", "tw_real_regular_earnings"),
        ("高铁旅客量", "passengers.sector_hsr"),  # a measure after a sector: a composite
        ("旅客量", "passengers"),  # named alone, the measure only: whose passengers is the release's to say
        ("桃园机场旅客量", None),  # a measure after words the catalogue does not know
        ("日均旅客量", "per_day.passengers"),  # a day's average is another statistic than the period's total
        ("私人住宅单位落成量", "hk_private_completions"),  # an entry named whole wins over 单位落成量
        ("恒生银行净利息收入", "net_interest_income"),  # a bank's results line keeps its owner
        ("零售银行净息差", "hk_retail_bank_nim"),  # HKMA's statistic keeps its entry over the measure
        ("港铁物业发展利润", "property_development_profit"),
        ("沪市主板公司净利润", "net_profit.sector_sse_main_board"),
        ("夏粮单产", "yield_per_area.product_summer_grain"),
        ("入境", "arrivals"),  # named alone, the measure: whose crossings is the release's to say
        ("外籍人士入境", None),  # a measure after words the catalogue does not know
        ("内地旅客入境", "mainland_visitors"),  # travellers written with their arrivals: the travellers counted
        ("入境旅客", "visitor_arrivals_mo"),  # an entry named whole wins over the measure
        ("出入境", "border_crossings"),
        ("新股宗数", "hk_new_listings"),
        ("新股", "ipos"),  # named alone, the measure: which market's offerings is the text's to say (Hong Kong's
        # entry would claim the A-shares' too)
        ("金额", "amount"),  # ... and an amount of money
        ("人口", "population"),  # ... and a place's population
        ("老年人口", None),  # ... which after words the catalogue does not know names nothing
        ("新股集资额", "hk_ipo_funds"),  # the funds the offerings raised are another statistic
        # the banking regulator's indicators are measures: written after a class of banks, that class's
        ("商业银行不良贷款率", "npl_ratio.sector_commercial_banks"),
        ("股份制商业银行的不良贷款余额", "npl_balance.sector_joint_stock_banks"),
        ("不良贷款率", "npl_ratio"),
        ("核心一级资本充足率", None),  # a measure after words the catalogue does not know
        ("银行体系的存款总额", "mo_bank_deposits_total"),  # Macau's banking system, not Hong Kong's 存款总额
        ("339个地级及以上城市平均空气质量优良天数比例", "air_quality_good_days_ratio"),
        ("印花税", "stamp_tax"),
        ("证券交易印花税", "securities_stamp_duty"),  # the longer name wins over the one inside it
        # words that restate a statistic: 各项 before it, 总量 or 总金额 after it, 累积 (Hong Kong's 累计) inside it
        ("各项税收", "tax_revenue"),
        ("经济总量", "gdp"),
        ("工业增加值总量", "industrial_value_added"),
        ("进口总金额", "imports"),
        ("累积销量", "sales_volume"),
        # 平均 or 整体 between a modifier and its measure (a 的 before it allowed): the modifier's measure
        ("猪肉平均批发价格", "wholesale_price.product_pork"),
        ("纺织业整体增加值", "value_added.gbt4754_c17"),
        ("汽车的平均产量", "output.product_autos"),
        ("小汽车平均产量", None),  # ... of a modifier the catalogue does not know: none
        ("平均批发价格", None),  # ... and of none: whose prices?
        # one 的 after a relative clause or a place: the name without it, its head included
        ("居住在城镇的人口", "urban_population"),
        ("来自台湾的旅客", "visitors_from_taiwan"),
        ("来自美国的出口", None),  # ... a measure after words the catalogue does not know stays without
        ("日均的重点监测港口货物吞吐量", None),  # ... and the head keeps its checks
        ("日均的旅客量", "per_day.passengers"),  # ... as the average of a measure named whole keeps its reading
        # what an owner takes in, bare or restated: 收入, and Hong Kong's and Macau's 收益; not a kind of it the catalogue
        # does not know, nor a company's operating revenue
        ("收入", "income"),
        ("整体收入", "income"),
        ("收益", "income"),
        ("咨询收入", None),
        ("投资收入", "investment_income"),  # a kind the catalogue knows: the balance of payments' and a company's line
        ("营业收入", "revenue"),
        ("总开支", "expenditure"),  # its counterpart, 支出 or Hong Kong's 开支
        ("整体支出", "expenditure"),
        ("医疗开支", None),
        ("空置率", "vacancy_rate"),  # bare after the property it is of
        ("甲级写字楼空置率", "vacancy_rate.grade_a_office"),  # RVD's class of offices
        ("街铺空置率", None),  # a class of shops the catalogue does not know
        # visitors by market: a partner written bare before them, the entry named whole winning, no city
        ("泰国旅客", "visitors.partner_thailand"),
        ("日本旅客", "visitors_from_japan"),
        ("旅客人次", "visitors"),
        ("珠海市旅客", None),
        ("菲律宾旅客人次", "visitors.partner_philippines"),
        ("对印尼出口", "exports.partner_indonesia"),
        ("印尼访港旅客人次", "visitor_arrivals_hk.partner_indonesia"),  # a market's part of 访港旅客, not the whole
        ("博彩净收益", "net_gaming_revenue"),  # a concessionaire's net gaming revenue
        ("博彩收益", "ggr_mo"),  # ... not Macau's gross
        ("城乡收入比", "urban_rural_income_ratio"),
        ("城乡居民人均收入倍差", "urban_rural_income_ratio"),
        ("经营利润", "operating_income"),
        ("电子产品订单", "orders_electronics_tw"),
        # a sector named X工业 written X行业, and before 工业 and its measure with a survey scope between them
        ("钢铁行业的增加值", "value_added.sector_steel_industry"),
        ("机械行业增加值", "value_added.sector_machinery"),
        ("医药行业规上工业增加值", "value_added.sector_pharmaceutical_industry"),
        ("食品行业规模以上工业增加值", "value_added.sector_food_industry"),
        ("化工行业增加值", "value_added.sector_chemical_industry"),
        ("石油行业增加值", "value_added.sector_petroleum"),
        ("光伏行业增加值", None),  # ... no sector 光伏工业
        ("园区规上工业增加值", None),  # ... nor a place or park before the scope
        # a measure of nothing else named whole after a survey scope
        ("规上销售产值", "sales_output_value"),
        ("规上企业出口交货值", "export_delivery_value"),  # ... the scope's units after it saying nothing more
        ("规模以上企业汽车产量", "output.product_autos"),
        ("规模以上营业收入", "revenue"),
        ("规上企业", None),
        # a class of goods' retail value after the designated size of trade, compiled for those units only
        ("限额以上石油及制品类零售额", "retail_value.retail_petroleum"),
        ("限额以上单位家用电器和音像器材类零售额", "retail_value.retail_appliances"),
        ("限上零售额", None),  # ... the whole after it stays a part
        ("限额以上餐饮收入", None),
        # a verb of a measure written after the product, as a noun
        ("新能源汽车生产", "ev_output"),
        ("新能源汽车销售", "ev_sales"),
        ("汽车生产", "output.product_autos"),
        ("企业生产", None),
        ("安全生产", None),
        # MIIT's scope of the three basic telecom operators, before their businesses' revenue
        ("三家基础电信企业移动通信业务收入", "income.sector_mobile_telecom_business"),
        ("三家基础电信企业固定通信业务收入", "income.sector_fixed_telecom_business"),
        ("三家基础电信企业", None),  # a scope names nothing alone
        # names of the same statistics as mainland releases also write them
        ("崽猪平均价格", "price.product_piglets"),
        ("二元母猪平均价格", "price.product_binary_sows"),
        ("实际到位外省资金", "funds_from_other_provinces"),
        ("合同外商直接投资", "fdi_contracted"),
        ("城镇私营单位从业人员年均工资", "wage_private"),
        ("外贸增速", "growth.trade_total"),
        ("增值税收入", "vat_domestic"),
        ("土地增值税", "land_value_increment_tax"),  # ... a longer name keeps its own
        ("最大电力负荷", "peak_power_load"),
        ("全国最大用电负荷", "peak_power_load"),
        # Taiwan's, Hong Kong's and Macau's names of the catalogue's statistics, counted, restated or measuring an entry
        ("户籍登记人口数", "registered_population"),
        ("家户可支配所得", "tw_disposable_income_per_household"),
        ("电力消费", "electricity_consumption"),
        ("用电成长幅度", "growth.electricity_consumption"),
        ("中位数住宅价格", "tw_median_house_price"),
        ("外汇储备总资产", "fx_reserves"),
        ("电子产品外销", "exports.tw_orders_electronic_products"),  # 外销, Taiwan's exports
        ("对大马出口", "exports.partner_malaysia"),
        ("输往美国的出口货量", "export_volume.partner_usa"),  # a destination after 输往
        ("液晶面板及其组件业年增率", "growth.tw_lcd_panel_industry"),
        ("电脑、电子产品及光学制品业年增率", "growth.tw_computer_electronic_optical_industry"),  # written with a comma
        ("恒生银行净利息收益率", "net_interest_yield"),
        ("整体住宅单位平均租金", "mo_residential_average_rent"),
        # a statistic of visitors written after the visitors of one market in place of 旅客: that market's
        ("香港旅客的人均消费", "visitor_spending_per_capita_mo.visitors_from_hk"),
        ("中国内地旅客人均消费", "visitor_spending_per_capita_mo.mainland_visitors"),
        ("澳大利亚旅客人均消费", "visitor_spending_per_capita_mo.visitors.partner_australia"),
        ("国内总体分行", "tw_bank_domestic_branches_profit"),
        ("每户家庭储蓄", "tw_household_saving"),
        ("温室气体排放总量", "ghg_emissions"),
        ("财政储备结余", "fiscal_reserves_hk"),
        ("中场博彩毛收益", "mass_market_ggr_mo"),  # a segment of Macau's gaming revenue, not the whole
        ("整体IC产业产值", "gross_output.tw_ic_industry_itri"),  # ITRI's IC industry, measured
        # a group or casinos written before a head, a 的 between them or not, take the head of themselves
        ("集团的博彩毛收益", None),
        ("自行推广娱乐场的博彩毛收益", None),
        ("澳门居民的失业率", None),
        # homes of a floor area are a part of all homes
        ("50至99.9平方米的住宅单位平均租金", None),
        ("40平方米以下住宅价格指数", None),
        # thirty-third session: names only Taiwan's, Hong Kong's and Macau's texts use
        ("本地生产总值初值", "gdp"),  # Macau's first estimate of GDP: the same statistic
        ("汽车初值", None),  # ... of a statistic, never of a product
        ("每月基本工资", "minimum_wage"),  # Taiwan's monthly minimum wage, 每月 its unit, no average
        ("月入中位数", "hk_median_monthly_earnings"),  # Hong Kong's median monthly employment earnings
        ("港人月入中位数", "hk_median_monthly_earnings"),
        ("居民月入中位数", None),  # ... of a group of people: another series
        ("大韩民国旅客", "visitors_from_korea"),  # Macau's name of Korea
        ("国际金融分行获利", "tw_bank_obu_profit"),  # the OBUs' profit written with its measure
        ("高铁客运人数", "passengers.sector_hsr"),  # Taiwan's railways' passengers
        ("电子零组件制造业", "tw_electronic_parts_industry"),  # MOEA's 电子零组件业 by its formal name
        ("电子零组件制造业产值", "gross_output.tw_electronic_parts_industry"),
        ("纺织制造业", "gbt4754_c17"),  # ... and a GB/T 4754 industry so written
        ("先进制造业", None),  # no industry 先进业: a part of manufacturing
        ("蝴蝶兰出口值", "exports.product_phalaenopsis"),  # Taiwan's orchid exports
        ("兰花外销值", "exports.product_orchids"),
        ("公营房屋总建屋量", "hk_public_housing_production"),
        ("平均每人NHE", "tw_nhe_per_capita"),  # per head: a statistic of its own beside the total NHE
        ("入境访客总计", "visitor_entries"),  # visitors entering, as the immigration departments count them
        ("入境访客升幅", "growth.visitor_entries"),
        # a trade partner written bare before a statistic given by market: that market's
        ("日本访港旅客人次", "visitor_arrivals_hk.partner_japan"),
        ("南韩访港旅客人次", "visitor_arrivals_hk.partner_korea"),
        ("韩国住客", "hotel_guests_mo.partner_korea"),
        ("日本进口", None),  # ... not before a measure of trade: Japan's own imports or imports from Japan?
        # Hong Kong's Official Receiver's, population components and Land Registry's names, Taiwan's environment, water
        # and vehicle statistics
        ("收到破产呈请书", "hk_bankruptcy_petitions"),
        ("强制清盘呈请", "hk_winding_up_petitions"),
        ("法庭发出接管令或破产令", "hk_receiving_bankruptcy_orders"),
        ("单程证持有人的移入", "hk_owp_inflow"),
        ("整体楼宇买卖注册量", "hk_property_agreements"),
        ("住宅买卖注册量", "hk_residential_agreements"),
        ("一般废弃物回收率", "tw_msw_recycling_rate"),
        ("石门水库蓄水率", "reservoir_storage_rate"),  # a reservoir's
        ("机车登记数", "tw_motorcycles_registered"),
        ("整体投资开支", "hk_gross_domestic_fixed_capital_formation"),  # C&SD's quarterly reports' name of it
        ("港口货品吞吐量", "port_throughput"),
        ("抵港港口货品", "hk_inward_port_cargo"),
        # thirty-fourth session, simplified and common names: a trade industry's measure after the designated size of
        # trade (NBS compiles wholesale, retail, hotels and catering for the units above it), a product written with 产品
        ("限上批发业销售额", "sales_value.gbt4754_f51"),
        ("限上零售业销售额", "sales_value.gbt4754_f52"),
        ("限额以上住宿业营业额", "turnover.gbt4754_h61"),
        ("限额以上单位吃类商品零售额", "retail_value.product_food_goods"),
        ("集成电路产品产量", "output.product_integrated_circuits"),
        ("服务机器人产品产量", "output.product_service_robots"),
        ("新能源汽车产品产量", "ev_output"),  # the entry the product and the measure name together
        # ... the statistics of bulletins, and the mainland's name of compensation of employees
        ("森林覆盖率", "forest_coverage"),
        ("城市建成区绿化覆盖率", "built_up_green_coverage"),
        ("城市人均公园绿地面积", "park_green_area_per_capita"),
        ("学前教育毛入园率", "preschool_gross_enrolment_rate"),
        ("高中阶段毛入学率", "senior_secondary_gross_enrolment_rate"),
        ("规模以上工业企业利税", "profits_and_taxes.sector_industrial_enterprises_above_size"),
        ("劳动者报酬", "gdp_compensation_of_employees"),
        ("服务进出口总额", "services_trade"),
        ("移动互联网用户数", "mobile_internet_users"),
        ("锂离子电池产量", "output.product_lithium_ion_batteries"),
        ("每百元主营业务收入中的成本", "cost_per_100_revenue"),
        ("", None),
    ],
)
def test_lookup(name, iid):
    ind = lookup_indicator(default_rules(), name)
    assert (ind.id if ind else None) == iid


def test_composite_ids_never_collide_with_entry_ids():
    assert all("." not in iid for iid in CATALOGUE.indicators)
    found = CATALOGUE.lookup("汽车产量")
    assert isinstance(found, Composite) and (found.measure.id, found.of.id) == ("output", "product_autos")


def test_roles():
    roles = {ind.role for ind in CATALOGUE.indicators.values()}
    assert roles == {"indicator", "measure", "product", "sector", "scope", "partner", "rate", "population", "average"}
    # industries measure as sectors without saying so; measures and products are no industries
    assert all(ind.modifier for ind in CATALOGUE.indicators.values() if ind.codes)
    assert not any(ind.codes for ind in CATALOGUE.indicators.values() if ind.role in ("measure", "product"))


def test_averages_are_not_scanned():
    # a per-unit average is read by the lookup before what it averages, never found by the matcher as a name of its own:
    # the linker's subjects are not cut at it (全路日均开行动车组列车 keeps its boundary)
    assert CATALOGUE.matches("全路日均开行动车组列车") == ()
    assert [iid for _, _, iid in CATALOGUE.matches("日均出口")] == ["exports"]
    assert CATALOGUE.lookup("日均出口").id == "per_day.exports"


def test_every_name_is_normalised_and_found_whole():
    for ind in CATALOGUE.indicators.values():
        for name in [ind.name, *ind.aliases]:
            assert normalize(name).text == name
            assert CATALOGUE.keys[name_key(name)] == ind.id


def test_industry_codes_follow_the_classification():
    levels = {"section": 1, "division": 2, "group": 3}
    counts = {1: 0, 2: 0, 3: 0}
    for ind in CATALOGUE.indicators.values():
        if ind.codes:
            assert ind.id.startswith("gbt4754_") and ind.sources == ["gbt4754"]
            assert min(len(c) for c in ind.codes) == levels[ind.kind]
            for code in ind.codes:
                counts[len(code)] += 1
    assert counts == {1: 20, 2: 97, 3: 473}


GOOD = "sources:\n  - {id: s, title: t}\nindicators:\n"


@pytest.mark.parametrize(
    "body,line,message",
    [
        (GOOD + "  - {name: 出口, source: s}\n", 4, "id: Field required"),
        (GOOD + "  - {id: a, name: 出口, source: s}\n  - {id: a, name: 进口, source: s}\n", 5, "duplicate id 'a'"),
        (GOOD + "  - {id: a, name: 出口, source: s}\n  - {id: b, name: 出口额, aliases: [出口], source: s}\n", 5,
         "already belongs to 'a'"),
        (GOOD + "  - {id: a, name: 經濟成長率, source: s}\n", 4, "not normalised; write '经济成长率'"),
        (GOOD + "  - {id: a, name: 出口, source: nowhere}\n", 4, "unknown source 'nowhere'"),
        (GOOD + "  - {id: a, name: 出口}\n", 4, "source: Field required"),
        (GOOD + "  - {id: Exports, name: 出口, source: s}\n", 4, "id: String should match pattern"),
        (GOOD + "  - {id: a, name: 纺织业, codes: ['1700'], source: s}\n", 4, "is not a GB/T 4754"),
        (GOOD + "  - {id: a, name: 出口, source: s, examples: [出口增长]}\n", 4, "exactly one name"),
        (GOOD + "  - {id: a, name: 出口, role: head, source: s}\n", 4, "role: Input should be"),
    ],
)
def test_broken_entry_fails_at_load_with_file_and_line(tmp_path, body, line, message):
    path = tmp_path / "indicators.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_rules([path])
    problems = [str(p) for p in err.value.problems]
    assert any(p.startswith(f"{path}:{line}:") and message in p for p in problems), problems


@pytest.mark.parametrize(
    "name,iid",
    [
        # a company of the linker's owners (class owner) before a measure of its results: the measure's id
        ("台积电营收", "revenue"),
        ("台积电合并营收", "revenue"),  # consolidated
        ("鸿海自结合并营收", "revenue"),  # self-compiled, unaudited
        ("台积电累计营收", "revenue"),
        ("港交所股东应占溢利", "profit_attributable"),
        ("宁德时代归母净利润", "profit_attributable"),
        ("金沙中国经调整EBITDA", "adjusted_ebitda"),
        ("澳门银河的经调整EBITDA", "adjusted_ebitda"),  # a 的 between the company and its measure
        ("蔚来的销量", "sales_volume"),
        ("理想的销量", "sales_volume"),  # a carmaker the owners list as 理想汽车, written without 汽车
        ("理想", None),
        ("长安三万里票房", None),  # ... before no measure, no carmaker
        ("港交所除税、息、折旧及摊销前溢利", "ebitda"),
        ("台中银行税后纯益", "net_profit"),  # a bank by its institution's word (pattern of class owner)
        ("台中银自结税后纯益", "net_profit"),
        ("小米集团纯利", "net_profit"),
        ("联邦银行EPS", "eps"),
        ("上海商银每股税后纯益", "eps"),
        ("合并营收", "revenue"),
        ("每股纯益", "eps"),
        # Hong Kong's lines of results and dividends, named alone or after the company
        ("港交所每股基本盈利", "eps"),
        ("港交所除税前溢利", "pretax_profit_or_loss"),
        ("经营溢利", "operating_income"),
        ("港交所派息", "dividend_per_share"),
        ("每股中期息", "interim_dividend"),
        ("港交所末期股息", "final_dividend"),
        ("派息比率", None),  # the share of profit paid out, no dividend
        # Taiwan's short forms of the operating margin, Hong Kong's and the mainland's 盈利, an insurer's new business
        ("联发科营益率", "operating_margin"),
        ("台积电营利率", "operating_margin"),
        ("港铁盈利", "earnings"),
        ("盈利", "earnings"),
        ("港铁基本业务盈利", "underlying_profit_attributable"),  # a line of its own: the underlying profit, not 盈利
        ("友邦新业务价值", "new_business_value"),
        ("新业务价值利润率", "new_business_value_margin"),
        ("总收入", "income"),  # a government's as often as a company's (特区政府总收入): income, not a company's revenue
        # the mainland's large banks by their short names, a rate of a company's measure, and names holding a trade's
        ("建行净利润", "net_profit"),
        ("工行归属于母公司股东净利润", "profit_attributable"),
        ("建行的净利润增速", "growth.net_profit"),  # the rate of the company's measure
        ("台积电营收年增率", "growth.revenue"),
        ("中华电信合并营收", "revenue"),  # a company the owners list by name, 电信 (an industry) in it
        ("长安汽车营收", "revenue"),  # ... or 汽车 (a product)
        ("国泰人寿税后获利", "net_profit"),  # an insurer named X人寿 (pattern of class owner)
        ("人寿保险公司保费收入", None),  # ... not the trade's firms
        # 集团 alone, the company announcing, and a Macau resort reported on its own
        ("集团收益", "income"),
        ("集团股东应占溢利", "profit_attributable"),
        ("集团博彩收益总额", None),  # a group's gaming revenue is no measure of results: Macau's 博彩收益 is the whole's
        ("美狮美高梅收益", "income"),
        # sector and economy statistics keep their own ids or none
        ("规模以上工业企业营业收入", "revenue.sector_industrial_enterprises_above_size"),
        ("银行业税后纯益", "net_profit.sector_banking"),
        ("全国一般公共预算收入", "fiscal_revenue"),
        ("零售业营业额", "turnover.gbt4754_f52"),
        ("本国银行税前盈余", "tw_bank_pretax_profit"),
        ("本国银行税后纯益", None),  # all banks of Taiwan, no company
        ("全体银行税前盈余", None),
        ("证券公司营业收入", None),  # a trade, no owner
        ("上海局集团公司发送旅客", None),  # a firm's passengers: no measure of results
        ("新台币营收", None),  # no owner: a name of its own
        ("台积电美元营收", "revenue"),  # a currency between them: the revenue stated in it, the unit saying which
        ("台积电新台币营收", "revenue"),
        ("台积电欧元营收", "revenue"),  # any currency of rules/units.yaml
        ("台积电人民币元营收", "revenue"),  # the longest currency written
        ("药明康德营收", None),  # a company the owners do not list
        # carmakers and battery makers by their short names, listed firms
        ("零跑的销量", "sales_volume"),
        ("小鹏的销量", "sales_volume"),
        ("哪吒的销量", "sales_volume"),  # a word before it is a carmaker: read so in the lookup only (哪吒汽车)
        ("LG新能源装机", "installations"),
        ("中创新航市占率", "market_share"),
        ("茅台营业收入", "revenue"),
        ("vivo份额", "market_share"),
        # the regulator's classes of banks end in 银行 as a bank does: sectors, so their results are the class's
        ("商业银行净利润", "net_profit.sector_commercial_banks"),
        ("城市商业银行营业收入", "revenue.sector_city_commercial_banks"),
        ("重庆农村商业银行净利润", None),  # a bank named after its class: no company id, no class's
        ("十五家金控税后纯益", None),  # a count of companies is a set of them
        ("5大银行税后纯益", None),
        # thirty-third session: Hong Kong's and Taiwan's companies by their full names, a quarter between a company and
        # its measure, and the lines of results their press writes
        ("港铁公司总收入", "income"),
        ("友邦保险纯利", "net_profit"),
        ("中华电力的售电量", "electricity_sales"),  # CLP Power, not Chunghwa Telecom's short name 中华电
        ("台北101营收", "revenue"),
        ("脸书营收", "revenue"),
        ("世界先进季营收", "revenue"),  # the quarter's: the period says which
        ("银娱集团季度收益", "income"),
        ("台积电单季营收", "revenue"),
        ("台积电新台币单季营收", "revenue"),  # a currency before the quarter's word
        ("新世界发展中期盈利", "earnings"),  # the half-year's: Hong Kong's interim results
        ("恒生银行中期股息", "interim_dividend"),  # a measure named with 中期 keeps its entry
        ("台积电美元新台币营收", None),  # one currency, not two
        ("台积电美元汽车", None),  # a currency before no measure
        ("台电非营业用售电量", "electricity_sales_non_business"),  # Taipower's sales to one contract class
        ("彰银每股EPS", "eps"),
        ("彰银合并税后每股盈余", "eps"),
        ("新世界发展基本溢利", "underlying_profit_attributable"),
        ("新地归属股东基础溢利", "underlying_profit_attributable"),
        ("港铁股东应占基本业务利润", "underlying_profit_attributable"),
        ("港铁股东应占净利润", "profit_attributable"),
        ("公司权益持有人应占溢利", "profit_attributable"),
    ],
)
def test_company_measure(name, iid):
    """A measure of results after a company the linker knows has the measure's id; what is no company keeps its own."""
    ind = lookup_indicator(default_rules(), name)
    assert (ind.id if ind else None) == iid


@pytest.mark.parametrize(
    "name, iid",
    [
        # Macau's social security benefits and disability allowances, a figure word after them restating them
        ("失业津贴", "mo_unemployment_allowance"),
        ("丧葬津贴", "mo_funeral_allowance"),
        ("普通残疾津贴金额", "mo_disability_allowance_ordinary"),
        ("特别残疾津贴", "mo_disability_allowance_special"),
        ("残疾津贴", None),  # the allowance at either level
        # the MPF's classes of funds before their returns, 平均 (the class's funds' average) between them
        ("股票基金平均净回报", "net_return.mpf_equity_fund"),
        ("股债混合资产基金平均净回报", "net_return.mpf_mixed_assets_fund"),
        ("混合资产基金平均年率化净回报", "annualised_net_return.mpf_mixed_assets_fund"),
        ("年率化回报", "annualised_net_return"),  # named alone, the text says of what
        ("扣除收费及费用后的净回报", None),  # a return after words the catalogue does not know
        # Hong Kong's start-ups, telecom subscribers, RVD's offices
        ("初创企业数目", "hk_startups"),
        ("从事初创企业的人数", "hk_startup_employees"),
        ("初创企业融资金额", None),  # the funds start-ups raised, no count of them
        ("中华电信用户数", "subscribers"),  # after an operator the owners list
        ("远传电信用户数", "subscribers"),
        ("宽带接入用户数", None),  # subscribers of a service the catalogue does not know
        ("行动宽带用户数", "tw_mobile_broadband_subscribers"),
        ("整体甲级写字楼的空置率", "vacancy_rate.grade_a_office"),
        ("写字楼落成量", "completions.office_premises"),
        # Hong Kong's IPO news: 集资 alone for the funds raised, after the exchange or the offerings
        ("集资", "funds_raised"),
        ("纳斯达克交易所集资", "funds_raised"),
        ("新股集资", "hk_ipo_funds"),  # the entry named whole wins
        # Macau's concessionaires: Sands China's net revenues, EBITDA margins
        ("总收益净额", "net_revenue"),
        ("金沙中国收益净额", "net_revenue"),
        ("金沙中国收入净额", None),  # its net income, a profit, not its revenue
        ("澳门银河经调整EBITDA利润率", "adjusted_ebitda_margin"),
        ("EBITDA利润率", "ebitda_margin"),
        # DSEC's survey of manpower needs and wages: its industries before its measures
        ("酒店业的平均薪酬", "average_remuneration.sector_hotels_mo"),
        ("饮食业平均薪酬", "average_remuneration.sector_restaurants_mo"),
        ("全职雇员的平均薪酬", None),  # no industry named
        ("零售业的职位空缺率", "job_vacancy_rate.gbt4754_f52"),
        ("运输通讯及仓储业的雇员雇用率", None),  # an industry the catalogue does not know
        ("酒店业平均入住率", "hotel_occupancy_mo"),  # the hotels' measure the catalogue names whole: one statistic, one id
        ("酒店平均入住率", "hotel_occupancy_mo"),
        ("五星级酒店平均入住率", "occupancy_rate.hotels_5_star_mo"),  # a star class keeps its composite
        ("酒店及饮食业", "sector_hotels_restaurants_mo"),  # the longer name still wins
        # DSEC's MICE statistics: meetings' participants (与会人数, the count word for 者) and exhibitions' visitors
        ("与会人数", "mo_meeting_participants"),
        ("二百人或以上会议的与会人数", None),  # the participants of meetings of one size, a part
        ("入场观众", "mo_exhibition_visitors"),
        ("与会/入场人数", "mo_mice_attendance"),
        # Taiwan's words: a bank's 资本适足率 (capital adequacy), MOL's migrant workers in Taiwan
        ("兆丰金资本适足率", "capital_adequacy_ratio"),
        ("本国银行资本适足率", None),  # all of Taiwan's banks, no company
        ("移工在台人数", "tw_migrant_workers"),
        ("越南移工人数", None),  # one country's, a part
    ],
)
def test_names_only_taiwan_hong_kong_and_macau_write(name, iid):
    """Names only Taiwan's, Hong Kong's and Macau's texts use, and the names around them that keep no id."""
    ind = lookup_indicator(default_rules(), name)
    assert (ind.id if ind else None) == iid


@pytest.mark.parametrize(
    "name, iid",
    [
        # the National Immigration Administration's people crossing the border, and their average day
        ("出入境人员", "border_crossings"),
        ("出入境旅客", "border_crossings"),
        ("日均出入境人员", "per_day.border_crossings"),
        # MIIT's three shipbuilding statistics
        ("造船完工量", "shipbuilding_completions"),
        ("新接订单量", "shipbuilding_new_orders"),
        ("新承接船舶订单量", "shipbuilding_new_orders"),
        ("手持订单量", "shipbuilding_orders_on_hand"),
        # an airline's load factor, as CAAC, Cathay Pacific and Taiwan's airlines write it
        ("客座率", "passenger_load_factor"),
        ("乘客运载率", "passenger_load_factor"),
        ("载客率", "passenger_load_factor"),
        ("载客量", "passengers_carried"),  # the passengers an operator carried, a measure: named alone, the text says whose
        ("载客人次", "passengers_carried"),
        # MOE's students enrolled, exam applicants beside the national college entrance exam's
        ("在校生", "students_enrolled"),
        ("在校学生人数", "students_enrolled"),
        ("报考人数", "exam_applicants"),
        # express parcels per head: the per-head average of the State Post Bureau's express volume
        ("人均快递使用量", "per_capita.express_volume"),
        ("人均快递", "per_capita.express_volume"),
    ],
)
def test_recurring_mainland_statistics(name, iid):
    """Recurring mainland statistics (and the load factor Hong Kong and Taiwan write too) the gold names often."""
    ind = lookup_indicator(default_rules(), name)
    assert (ind.id if ind else None) == iid


@pytest.mark.parametrize(
    "name, iid",
    [
        # the raw-material industries' products, with the measures that compose after them
        ("烧碱产量", "output.product_caustic_soda"),
        ("纯碱", "product_soda_ash"),
        ("农用氮磷钾化肥产量", "output.product_fertilisers"),
        ("初级形态塑料产量", "output.product_primary_plastics"),
        ("电解铝产量", "output.product_primary_aluminium"),  # NBS's 原铝(电解铝)
        ("铜材产量", "output.product_copper_products"),
        ("铝加工材产量", "output.product_aluminium_products"),
        ("商品煤产量", "output.product_commercial_coal"),
        ("动力煤价格", "price.product_thermal_coal"),
        ("螺纹钢价格", "price.product_rebar"),
        ("热卷价格", "price.product_hot_rolled_coil"),
        ("铁矿石进口量", "imports_volume.product_iron_ore"),
        ("钢材库存量", "inventory.product_steel_products"),  # 库存量 is 库存
        ("钢材社会库存", "social_inventory.product_steel_products"),  # stocks in the market, another statistic
        ("煤炭社会库存", "social_inventory.product_coal"),
        ("钢企利润", "profit.sector_steel_industry"),
        ("水泥熟料产量", "output.product_cement_clinker"),
        ("熟料产量", "output.product_cement_clinker"),
        ("预拌混凝土产量", "output.product_ready_mixed_concrete"),
        # Taiwan's, Hong Kong's and the mainland's public accounts
        ("岁入", "tw_budget_revenue"),
        ("岁出合计", "tw_budget_expenditure"),
        ("税课收入", "tw_tax_monopoly_revenue"),
        ("债务支出", "tw_expenditure_debt"),
        ("国防支出", "expenditure_defence"),
        ("政府收入总额", "income"),  # the government's receipts, FSTB's 收入
        ("政府整体开支", "expenditure"),
        ("公共开支", "hk_public_expenditure"),
        ("经营开支", "hk_operating_expenditure"),
        ("入息及利得税", "hk_earnings_profits_tax"),
        ("薪俸税", "hk_salaries_tax"),
        ("利得税", "hk_profits_tax"),
        ("一般差饷", "hk_rates"),
        ("地价收入", "hk_land_premium"),
        ("遗产税", "estate_duty"),
        ("直接税", "direct_tax_revenue"),
        ("间接税收入", "indirect_tax_revenue"),
        ("城乡社区支出", "expenditure_urban_rural_community"),
        ("交通运输支出", "expenditure_transport"),
        ("医疗卫生支出", "expenditure_health"),  # MOF's older name of 卫生健康支出
        ("医疗卫生与计划生育支出", "expenditure_health"),
        # wages: NBS's average wage as a measure of an industry, C&SD's medians, DGBAS's real earnings, MOL's starting pay
        ("平均工资", "average_wage"),
        ("采矿业平均工资", "average_wage.gbt4754_b"),
        ("城镇非私营单位平均工资", "wage_nonprivate"),  # the series named whole keeps its entry
        ("城镇私营单位就业人员平均工资", "wage_private"),
        ("每月工资中位数", "hk_median_monthly_wage"),
        ("每小时工资中位数", "hk_median_hourly_wage"),
        ("实质总薪资", "tw_real_total_earnings"),  # not 总薪资: deflated by the CPI
        ("实质平均薪资", "tw_real_total_earnings"),  # not 平均薪资
        ("加班费", "tw_overtime_pay"),
        ("初任人员平均起薪", "tw_starting_pay"),
        ("初任人员薪资中位数", "tw_starting_pay_median"),
        ("平均月薪", "average_monthly_pay"),  # a month's pay: not 平均工资, NBS's yearly average
        ("每月最低工资", "minimum_wage"),
        # households: DGBAS's lines of a household's receipts and outlays, NBS's median income
        ("产业主所得", "tw_household_entrepreneurial_income"),
        ("非消费支出", "tw_household_nonconsumption_expenditure"),
        ("人均可支配收入中位数", "disposable_income_median"),
        # Hong Kong's restaurant receipts by type and the Land Registry's agreements
        ("快餐店", "sector_fast_food_shops"),
        ("非中式餐馆", "sector_non_chinese_restaurants_hk"),  # the longer name, not its complement
        ("合约总值", "hk_property_agreements_value"),
    ],
)
def test_public_finance_wage_household_and_raw_material_names(name, iid):
    """Families of names fresh text on public finance, wages, households and raw materials holds."""
    ind = lookup_indicator(default_rules(), name)
    assert (ind.id if ind else None) == iid


@pytest.mark.parametrize(
    "name,iid",
    [
        # a survey scope and 工业 (its units after it allowed) before a product's measure: the product's measure
        ("规模以上工业原煤产量", "output.product_raw_coal"),
        ("规上工业企业粗钢产量", "output.product_crude_steel"),
        ("规模以上工业水泥产量", "output.product_cement"),
        # the key firms of a trade (重点 and a sector) before a product's measure: the product's measure, as after a scope
        ("重点钢企粗钢日均产量", "daily_output.product_crude_steel"),
        ("重点钢企钢材库存量", "inventory.product_steel_products"),
        # a tax followed by 收入 (or its 税收 by 收入): the tax
        ("薪俸税收入", "hk_salaries_tax"),
        ("印花税收入", "stamp_tax"),
        ("个人所得税收入", "personal_income_tax"),
        ("幸运博彩税收收入", "gaming_tax_mo"),
        ("印花税收入增速", "growth.stamp_tax"),
        # 总 between a modifier and its measure, as 平均 and 整体 are: the modifier's measure
        ("旅游业总收入", "income.sector_tourism"),
        ("中式餐馆的总收益", "income.sector_chinese_restaurants_hk"),
        ("汽车总销量", "sales_volume.product_autos"),
    ],
)
def test_composed_names(name, iid):
    """Names whose parts the catalogue knows, written in an order its composition reads: names no gold text holds yet."""
    ind = lookup_indicator(default_rules(), name)
    assert (ind.id if ind else None) == iid


def test_currency_only_a_custom_units_file_knows_reaches_the_catalogue(tmp_path):
    """The catalogue reads between a company and its measure the currencies of the units file quantities are read
    with: a user's own adds its currencies there too, as it adds them to the quantities."""
    units = units_with_custom_currency(tmp_path / "units.yaml")
    name = "台积电" + CUSTOM_CURRENCY + "营收"
    assert CUSTOM_CURRENCY not in CATALOGUE.currencies and lookup_indicator(default_rules(), name) is None
    extractor = Extractor(units=units)
    assert CUSTOM_CURRENCY in extractor.rules.catalogue.currencies
    assert lookup_indicator(extractor.rules, name).id == "revenue"
    assert [e["indicator_id"] for e in extractor(CUSTOM_CURRENCY_TEXT)["events"]] == ["revenue"]
    assert lookup_indicator(load_rules(units=units), name).id == "revenue"


@pytest.mark.parametrize(
    "name, iid",
    [
        # a county bulletin's lines: farming's means, herds by kind, health institutions and doctors, post and roads
        ("有效灌溉面积", "irrigated_area"),
        ("农业机械总动力", "farm_machinery_power"),
        ("化肥施用量(折纯)", "fertiliser_use"),
        ("农药使用量", "pesticide_use"),
        ("农村用电量", "rural_electricity_use"),
        ("家禽出栏", "livestock_slaughter.product_poultry"),
        ("家禽存栏", "livestock_inventory.product_poultry"),
        ("活猪出栏", "hog_slaughter"),  # a product's name and the measure's: the entry the two name together
        ("牛出栏", "cattle_slaughter"),
        ("羊存栏", "sheep_inventory"),
        ("卫生机构", "sector_health_institutions"),
        ("医疗卫生机构床位数", "beds.sector_health_institutions"),
        ("执业医师和执业助理医师", "licensed_doctors"),
        ("城镇居民基本医疗保险参保人数", "medical_insured_urban_residents"),
        ("参加城镇职工基本医疗保险人数", "medical_insured_workers"),
        ("邮政业务总量", "postal_volume"),
        ("公路里程", "highway_length"),
        # hotels: occupancy as the mainland's star-rated hotel statistics and Taiwan's write it, room rates
        ("住用率", "occupancy_rate"),
        ("民宿住用率", "occupancy_rate.sector_bnb_tw"),
        ("星级饭店平均出租率", "occupancy_rate.sector_star_rated_hotels"),
        ("旅馆业住用率", "tw_hotel_occupancy"),
        ("星级酒店平均房价", "star_hotel_room_rate"),
        ("旅馆业平均房价", "tw_hotel_room_rate"),
        ("民宿平均房价", "tw_bnb_room_rate"),
        # Hong Kong's banks and C&SD: the prime rate after a bank, provisional and revised figures, 数目 for 数
        ("最优惠利率", "prime_rate"),
        ("港元最优惠年利率", "prime_rate"),
        ("一个月拆息", "hibor_1m"),  # the HIBOR fixings by tenor, each a series
        ("3个月拆息", "hibor_3m"),
        ("一年期拆息", "hibor_12m"),
        ("隔夜息", "hibor_overnight"),
        ("人口临时数字", "population"),
        ("人口修订数字", "population"),
        ("出生数目", "births"),
        ("死亡数目", "deaths"),
    ],
)
def test_county_bulletin_hotel_and_hong_kong_bank_names(name, iid):
    """Families of names a county bulletin, a hotel survey and Hong Kong's banks and statisticians write."""
    ind = lookup_indicator(default_rules(), name)
    assert (ind.id if ind else None) == iid


@pytest.mark.parametrize(
    "name, iid",
    [
        # a government before a measure of its accounts: the measure, as a company's results are
        ("特区政府收入", "income"),
        ("特区政府的收入", "income"),
        ("澳门特区政府总收入", "income"),
        ("港府开支", "expenditure"),
        ("香港特别行政区政府开支", "expenditure"),
        ("中央政府税收", "tax_revenue"),
        ("港府开支增幅", "growth.expenditure"),
        # a product's measure after a company: the company's output, sales or generation of the product
        ("中国神华商品煤产量", "output.product_commercial_coal"),
        ("台电燃煤发电量", "power_generation.product_coal_fired_power"),
        ("三星智能手机出货量", "shipments.product_smartphones"),
        # a source of power whose name ends in 发电, written once before 发电量
        ("太阳能发电量", "power_generation.product_solar_power"),
        ("燃气发电量", "power_generation.product_gas_fired_power"),
        ("火力发电量", "power_generation.product_thermal_power"),
        ("水力发电量", "power_generation.product_hydropower"),
        ("风力发电量", "power_generation.product_wind_power"),
        ("生物质发电量", "power_generation.product_biomass_power"),
        ("台电燃气发电量", "power_generation.product_gas_fired_power"),
        ("本地发电量", "power_generation"),
        # the capacity installed, after its source
        ("风电装机容量", "installed_capacity.product_wind_power"),
        ("太阳能发电装机容量", "installed_capacity.product_solar_power"),
        ("太阳光电装置容量", "installed_capacity.product_solar_power"),
        ("累计发电装机容量", "installed_capacity"),
        ("电源工程完成投资", "power_source_investment"),
        ("电网工程投资", "grid_investment"),
        # an industry X业 written without its 业 before a measure
        ("零售营业额", "turnover.gbt4754_f52"),
        ("批发销售额", "sales_value.gbt4754_f51"),
        # Taiwan's budget balance, borrowing and debt, and its revenue lines
        ("岁入岁出差短", "tw_budget_shortfall"),
        ("岁入岁出剩余", "tw_budget_surplus"),
        ("举债", "tw_debt_borrowing"),
        ("中央政府一年以上公共债务未偿余额", "tw_public_debt_outstanding"),
        ("长期债务余额", "tw_public_debt_outstanding"),
        ("岁计剩余", "tw_accumulated_surplus"),
        ("营业盈余及事业收入", "tw_budget_enterprise_revenue"),
        ("规费及罚款收入", "tw_budget_fees_fines"),
        ("公债及赊借收入", "tw_budget_borrowing_revenue"),
        # Macau's reserves and accounts
        ("基本储备", "mo_basic_reserve"),
        ("超额储备", "mo_excess_reserve"),
        ("资本收入", "capital_revenue_mo"),
        ("财政收益", "fiscal_revenue"),
        ("预算结余", "fiscal_surplus"),
        # a school census: MOE's levels of schooling and the measures written after them
        ("招生", "enrolment"),
        ("小学阶段招生", "enrolment.school_primary"),
        ("普通高中在校生", "students_enrolled.school_senior_secondary"),  # a level's students, not all students
        ("初中毕业生", "graduates.school_junior_secondary"),
        ("学前教育专任教师", "full_time_teachers.gbt4754_p831"),
        ("在园幼儿", "kindergarten_children_cn"),
        ("九年义务教育巩固率", "compulsory_education_retention_rate"),
    ],
)
def test_public_finance_power_and_school_census_names(name, iid):
    """Families of names public finance, power and a school census write, and the compositions that read them: a
    government or company before a measure, a source of power written once before 发电量, an industry without its 业."""
    ind = lookup_indicator(default_rules(), name)
    assert (ind.id if ind else None) == iid


@pytest.mark.parametrize(
    "name, iid, other, other_iid",
    [
        # only the measures of a government's accounts: its investment and consumption are statistics of their own
        ("特区政府开支", "expenditure", "政府投资", None),
        # a government word far into a name is no owner of what follows it
        ("港府收入", "income", "地方政府文化支出预算金额", None),
        # a statistic named whole after the designated size of trade stays a part, whatever its words compose
        ("餐饮收益", "income.gbt4754_h62", "限上企业餐饮收入", None),
    ],
)
def test_government_product_and_industry_compositions_keep_their_bounds(name, iid, other, other_iid):
    """Each new reading gives its name an id, and leaves a name it must not read alone."""
    ids = [lookup_indicator(default_rules(), n) for n in (name, other)]
    assert [i.id if i else None for i in ids] == [iid, other_iid]


@pytest.mark.parametrize(
    "name, iid",
    [
        # a level of government written without 政府 before a measure of its accounts: a city's or province's budget report
        ("市本级收入", "income"),
        ("区级支出", "expenditure"),
        ("省级收入", "income"),
        ("市县级收入", "income"),
        ("中央本级收入", "income"),
        ("地方税收", "tax_revenue"),
        # the total a table's last line gives, after the statistic
        ("入境旅客总计", "visitor_arrivals_mo"),
        ("出口合计", "exports"),
        # the balance of payments (SAFE, Taiwan's central bank) and external debt: a balance is no trade balance
        ("经常账户顺差", "bop_current_account"),
        ("经常帐顺差", "bop_current_account"),
        ("服务贸易逆差", "bop_services_deficit"),
        ("服务收支逆差", "bop_services_deficit"),
        ("初次收入", "bop_primary_income"),
        ("二次所得", "bop_secondary_income"),
        ("非储备性质的金融账户", "bop_non_reserve_financial_account"),
        ("储备资产", "bop_reserve_assets"),
        ("外债余额", "external_debt"),
        ("短期外债余额", "external_debt_short_term"),
        ("投资收益", "investment_income"),
        # Macau's electronic payments by trade and class of eating place
        ("饮食业交易额", "transaction_value.sector_restaurants_mo"),
        ("饮食业的电子支付交易额", "transaction_value.sector_restaurants_mo"),
        ("中式酒楼饭店的交易额", "transaction_value.sector_chinese_restaurants_mo"),
        # MOFCOM's FDI by source, written 实际投入金额
        ("新加坡实际投入金额", "fdi_paid_in_by_source.partner_singapore"),
        # a tax's 收益, as Macau writes its revenue; travellers written with their arrivals; a revised figure
        ("赌税收益", "gaming_tax_mo"),
        ("内地旅客入境人次", "mainland_visitors"),
        ("旅客入境", "visitors"),
        ("修订后的交易额", "transaction_value"),
        # NBS's sales of goods of wholesale and retail, by trade and after the designated size of trade
        ("商品销售总额", "sales_value"),
        ("限额以上批发业商品销售额", "sales_value.gbt4754_f51"),
    ],
)
def test_budget_levels_balance_of_payments_and_payment_names(name, iid):
    """Families of names a budget report's levels of government, the balance of payments, external debt and Macau's
    electronic payments write, and the readings that compose them."""
    ind = lookup_indicator(default_rules(), name)
    assert (ind.id if ind else None) == iid


@pytest.mark.parametrize(
    "name, iid, other, other_iid",
    [
        # a level of government reads only the measures of its accounts: a city's key projects are no budget line
        ("市级收入", "income", "市级重点项目投资", None),
        ("地方税收收入", "tax_revenue", "地方规上工业增加值", None),
        # a county-level city is a place, not a level's measure
        ("县级支出", "expenditure", "县级市", None),
        # the whole of the sales of goods after the designated size of trade stays a part
        ("限额以上零售业商品销售额", "sales_value.gbt4754_f52", "限额以上商品销售额", None),
        # only travellers are counted by their arrivals
        ("访港旅客入境", "visitor_arrivals_hk", "货物入境", None),
    ],
)
def test_government_levels_sales_and_arrivals_keep_their_bounds(name, iid, other, other_iid):
    """Each new reading gives its name an id, and leaves a name it must not read: a level of government only the
    measures of its accounts, the designated size of trade no whole, arrivals only travellers."""
    ids = [lookup_indicator(default_rules(), n) for n in (name, other)]
    assert [i.id if i else None for i in ids] == [iid, other_iid]
