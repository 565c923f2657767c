"""Lists: the items a head written once is distributed over, where the clause before a 分别 clause ends its last
item, and what a head already written at an item's end becomes."""
from __future__ import annotations

import pytest

from zhibiao.link_subjects import overlap

from .test_linker import one, run


@pytest.mark.parametrize("text, value, indicator", [
    # the topic clause's trigger with a degree adverb before its adjective (最为迅速, 最快) ends the last item: the
    # adverb is no part of it (家电, not 家电增长最为)
    ("各类商品中,汽车、家电增长最为迅速,销售额同比分别增长[21.2%]、[139.1%]。", "139.1%", "家电销售额"),
    ("各类商品中,汽车、家电增长最为迅速,销售额同比分别增长[21.2%]、[139.1%]。", "21.2%", "汽车销售额"),
    ("汽车、家电增长最快,销售额分别增长[5%]和[6%]。", "6%", "家电销售额"),
    ("钢铁、水泥下降较为明显,产量分别下降[5%]和[6%]。", "6%", "水泥产量"),
    # items ending in the head's first word take the rest of it (风力发电 + 发电量 -> 风力发电量)
    ("风力发电、太阳能发电增长较快,发电量同比分别增长[12%]、[30%]。", "12%", "风力发电量"),
    ("风力发电、太阳能发电增长较快,发电量同比分别增长[12%]、[30%]。", "30%", "太阳能发电量"),
    ("水力发电和风力发电发电量分别增长[5%]和[6%]。", "5%", "水力发电量"),
    # a head the items do not end with is glued whole, and a sector word already written once (类)
    ("钢铁和水泥产量分别增长[2%]和[3%]。", "2%", "钢铁产量"),
    ("家用电器类、石油及制品类零售额分别增长[5%]和[6%]。", "5%", "家用电器类零售额"),
])
def test_items_of_a_list_before_a_shared_head(text: str, value: str, indicator: str) -> None:
    assert one(run(text), value).indicator == indicator


@pytest.mark.parametrize("name, head, shared", [
    ("风力发电", "发电量", 2),
    ("对外贸易", "贸易额", 2),
    ("钢铁", "产量", 0),
    ("家电", "销售额", 0),
    ("汽车", "汽车产量", 2),  # (汽车产量, not 汽车汽车产量)
    ("水泥产量", "产量", 0),  # never the whole head: a conjunct ending with it takes none
    ("石油及制品类", "类零售额", 0),  # one character is no word of its own
])
def test_overlap_of_a_name_and_the_head_after_it(name: str, head: str, shared: int) -> None:
    assert overlap(name, head) == shared


@pytest.mark.parametrize("text, value, indicator", [
    # a rate noun written once after the last item is every item's, also of items with heads of their own (投资, 额),
    # which share no other head
    ("出口额、进口额增速分别为[5%]和[6%]。", "5%", "出口额增速"),
    ("出口额、进口额增速分别为[5%]和[6%]。", "6%", "进口额增速"),
    # items without a head of their own as before (汽车行业增加值增速)
    ("汽车、电子行业增加值增速分别为[5%]和[6%]。", "5%", "汽车行业增加值增速"),
])
def test_a_rate_written_after_the_last_item_is_every_items(text: str, value: str, indicator: str) -> None:
    assert one(run(text), value).indicator == indicator


def test_a_rank_of_rates_listed_is_each_items_rate() -> None:
    """One rank said of each listed item's rate (news99): the rate noun goes with every item."""
    evs = run("其中,房地产开发投资、制造业技改投资增速全市排名[第2]。")
    assert [e.indicator for e in evs] == ["房地产开发投资增速", "制造业技改投资增速"]


@pytest.mark.parametrize("text, value, indicator", [
    # places sharing a preposition or verb of origin (来自) keep the 的 before the people they are the origin of, as the
    # phrase is written, in each item (来自香港的旅客, not 来自香港旅客; news93)
    ("其中來自內地、香港及台灣的旅客同比分別減少[2.9%]、[4.0%]和[1.5%]。", "2.9%", "来自内地的旅客"),
    ("其中來自內地、香港及台灣的旅客同比分別減少[2.9%]、[4.0%]和[1.5%]。", "4.0%", "来自香港的旅客"),
    ("来自日本、韩国和美国的游客分别增长[5%]、[6%]和[7%]。", "7%", "来自美国的游客"),
])
def test_places_of_origin_after_a_shared_preposition_keep_their_de(text: str, value: str, indicator: str) -> None:
    assert one(run(text), value).indicator == indicator


@pytest.mark.parametrize("text, value, indicator", [
    # 出货量 (shipments) is a head noun of its own: the items share all of it, not the 货量 ending it (news91; the
    # last item keeps it as written, Google出货量)
    ("Nothing及Google出貨量分別成長[31%]和[25%]。", "31%", "Nothing出货量"),
])
def test_shipments_are_one_head_shared_by_the_items(text: str, value: str, indicator: str) -> None:
    assert one(run(text), value).indicator == indicator
