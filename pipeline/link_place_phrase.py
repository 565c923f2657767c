"""Whether a subject is a place with the words of a predicate around it, not a name.

Regional news breaks a statistic down by place in clauses that name the place and no measure: `以北屯区下跌39.86
最多`, `离岛地区的澎湖县排名为第16位`, `自今年一季度超越北京以来`.  Once the places the catalogue of places knows
are left out, what remains of such a subject is verbs and function words as the part-of-speech model tags them
(``link_verbal``): it names nothing, so the statement takes the indicator carried, as it does where the place
stands alone (convention 8, the place its location).  A verb right after a place is said of the place, which is
then the item named (`我国连续13年保持东盟第一大贸易伙伴`), or is a noun the tagger reads as a verb (`内地访客`);
a lone verb left needs another word beside it; text holding a catalogue name is never such a phrase.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional, Protocol

from .link_verbal import VERBAL_TAGS
from .list_joiners import LIST_JOINERS
from .pos import cut_tagged

if TYPE_CHECKING:
    from .catalogue import Catalogue

# characters of the longest subject asked: such clauses are short, and a place list of forty names is a name
MAX_PLACE_PHRASE = 16
# tags of the words that may stand beside the places: those of a verb phrase, and the particle 的 between
# a region and its place (离岛地区的澎湖县)
FRAME_TAGS = VERBAL_TAGS | {"PART"}
# what lists places (福建、广东), and the space, which str.strip given characters no longer strips by itself
_LIST_MARKS = LIST_JOINERS + " "


class _Places(Protocol):
    def match(self, text: str, pos: int = 0) -> object: ...


def _place_free(text: str, places: _Places) -> tuple[list[tuple[str, bool]], int]:
    """The pieces of ``text`` between the places found in it, left to right, each with whether a place is right
    before it, and how many places there were."""
    pieces: list[tuple[str, bool]] = []
    found = 0
    start = i = 0
    while i < len(text):
        m = places.match(text, i)
        end = m.end() if m is not None else -1  # type: ignore[attr-defined]
        if end > i:
            if start < i:
                pieces.append((text[start:i], found > 0 and start > 0))
            found += 1
            start = i = end + (text.startswith("中", end))  # 中 after a place or a set of places: among them
        else:
            i += 1
    if start < len(text):
        pieces.append((text[start:], found > 0 and start > 0))
    return pieces, found


@lru_cache(maxsize=16384)
def _frame_words(piece: str) -> tuple[int, bool, bool, bool]:
    """(words, whether all are verbs and function words, whether one is a function word, whether the first is a
    verb) of one piece of a subject once its places are left out."""
    words, tagged = cut_tagged(piece)
    tags = [upos for upos, _ in tagged]
    if any(t not in FRAME_TAGS for t in tags):
        return len(words), False, False, False
    return len(words), True, any(t != "VERB" for t in tags), bool(tags) and tags[0] == "VERB"


def _rate_lead(text: str, rates: Optional[_Places]) -> int:
    """Where a relative clause picking the places after it by their rate ends (`增速较快的` before `福建、广东`), 0 if
    none opens ``text``: a rate noun (class ``rate_noun``), how it compares (adverbs and adjectives, `较快`, `最高`)
    and the 的 closing the clause.  It says which places, not what is measured: the statistic is the one carried."""
    end = text.find("的") + 1
    if rates is None or end < 4:
        return 0
    cut = next((k for k in range(end - 2, 1, -1) if rates.fullmatch(text, 0, k)), 0)  # type: ignore[attr-defined]
    if not cut:
        return 0
    _, tagged = cut_tagged(text[cut:end])
    return end if all(upos in FRAME_TAGS or upos == "ADJ" for upos, _ in tagged) else 0


def place_phrase(text: str, places: _Places, catalogue: "Catalogue", rates: Optional[_Places] = None) -> bool:
    """Whether a subject is one or more places with only verbs and function words beside them (`以北屯区`,
    `离岛地区的澎湖县`), or after a clause picking them by their rate (`增速较快的福建`, ``rates`` the rate nouns),
    which names nothing; not a place right before a verb, which is what the verb is said of
    (`我国连续13年保持东盟第一大贸易伙伴`: the place is the item ranked) or a noun the tagger reads as a verb
    (`内地访客`, `非广东游客`)."""
    lead = _rate_lead(text, rates)
    text = text[lead:]
    if len(text) > MAX_PLACE_PHRASE or catalogue.matches(text):
        return False
    pieces, found = _place_free(text, places)
    # (after such a clause, the places may be listed: 增速较快的福建、广东)
    pieces = [(p.strip(), after) for p, after in pieces if p.strip(_LIST_MARKS if lead else None)]
    if not found or not (pieces or lead):
        return False
    words = 1 if lead else 0
    anchored = bool(lead)
    for piece, after_place in pieces:
        n, framed, anchor, verb_first = _frame_words(piece)
        if not framed or (after_place and verb_first):
            return False
        words += n
        anchored = anchored or anchor
    return anchored or words >= 2
