"""Whether a measure is a statistic each place has of its own, or one a release gives by partner.

A place written alone before a value (`日本1701亿美元`, `新加坡2,252小时`) is either an item of a breakdown by
origin, market or partner, the name itself (`来台旅客…其中以泰国成长57.3%最高` -> 泰国: gold keeps the origin as the
name), or the location of a statistic it has as any place has (`外汇存底`, `研发经费规模`, `年总工时`: convention 8,
the place is the location).  The catalogue tells the second: it names such statistics as indicators; the measures
given by partner are trade, visitors, investment and orders (class ``partner_measure``, the origin nouns, and the
entries marked ``by_partner``).
"""
from __future__ import annotations

from .catalogue import Indicator
from .link_document import Document


def own_statistic(doc: Document, measure: str) -> bool:
    """Whether ``measure`` ends in a statistic of the catalogue (an indicator, not a product's, sector's or industry's
    name, nor one given by partner; the catalogue's lookup of the text from its last name on) and holds no word of a
    measure given by partner (class ``partner_measure``): a place alone before its value is then its location (外汇存底,
    按购买力平价折算后的研发经费规模), not an item (来台旅客, 对美国出口, 酒店及公寓住客)."""
    if doc.eng.p_partner_measure.search(measure) is not None:
        return False
    catalogue = doc.rules.catalogue
    found = catalogue.matches(measure)
    if not found:
        return False
    # (read from the last name on, so that a word the lookup takes as restating it may follow: 研发经费规模)
    entry = catalogue.lookup(measure[found[-1][0]:])
    return isinstance(entry, Indicator) and entry.role == "indicator" and not entry.modifier and not entry.by_partner
