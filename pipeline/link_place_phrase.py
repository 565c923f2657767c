"""Whether a subject is a place with the words of a predicate around it, not a name.

Regional news breaks a statistic down by place in clauses that name the place and no measure: `以北屯区下跌39.86
最多`, `离岛地区的澎湖县排名为第16位`, `自今年一季度超越北京以来`.  Once the places
the catalogue of places knows are left out, what remains of such a subject is verbs and function words as the
part-of-speech model tags them (``link_verbal``): it names nothing, so the statement takes the indicator carried,
as it does where the place stands alone (convention 8, the place its location).  A place before a single verb
may still be a name (`香港成交`, a verb the catalogue lacks that measures the place's trade), so a lone verb left
needs another word beside it; text holding a catalogue name is never such a phrase.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from .link_verbal import VERBAL_TAGS
from .pos import cut_tagged

if TYPE_CHECKING:
    from .catalogue import Catalogue

# characters of the longest subject asked: such clauses are short, and a place list of forty names is a name
MAX_PLACE_PHRASE = 16
# tags of the words that may stand beside the places: those of a verb phrase, and the particle 的 between
# a region and its place (离岛地区的澎湖县)
FRAME_TAGS = VERBAL_TAGS | {"PART"}


class _Places(Protocol):
    def match(self, text: str, pos: int = 0) -> object: ...


def _place_free(text: str, places: _Places) -> tuple[list[str], int, bool]:
    """The pieces of ``text`` between the places found in it, left to right, how many places there were, and
    whether the text opens with one."""
    pieces: list[str] = []
    found = 0
    start = i = 0
    opens = False
    while i < len(text):
        m = places.match(text, i)
        end = m.end() if m is not None else -1  # type: ignore[attr-defined]
        if end > i:
            if start < i:
                pieces.append(text[start:i])
            opens = opens or i == 0
            found += 1
            start = i = end + (text.startswith("中", end))  # 中 after a place or a set of places: among them
        else:
            i += 1
    if start < len(text):
        pieces.append(text[start:])
    return pieces, found, opens


@lru_cache(maxsize=16384)
def _frame_words(piece: str) -> tuple[int, bool, bool, bool]:
    """(words, whether all are verbs and function words, whether one is a function word, whether one is a verb)
    of one piece of a subject once its places are left out."""
    words, tagged = cut_tagged(piece)
    tags = [upos for upos, _ in tagged]
    if any(t not in FRAME_TAGS for t in tags):
        return len(words), False, False, False
    return len(words), True, any(t != "VERB" for t in tags), "VERB" in tags


def place_phrase(text: str, places: _Places, catalogue: "Catalogue") -> bool:
    """Whether a subject is one or more places with only verbs and function words beside them (`以北屯区`,
    `离岛地区的澎湖县`), which names nothing; not a place opening the subject before a verb, which the place is
    the subject of (`我国连续13年保持东盟第一大贸易伙伴`: the place is the item ranked; `内地访客`, a noun the tagger
    reads as a verb)."""
    if len(text) > MAX_PLACE_PHRASE or catalogue.matches(text):
        return False
    pieces, found, opens = _place_free(text, places)
    pieces = [p for p in (p.strip() for p in pieces) if p]
    if not found or not pieces:
        return False
    words = 0
    anchored = False
    for k, piece in enumerate(pieces):
        n, framed, anchor, verb = _frame_words(piece)
        if not framed or (k == 0 and opens and verb):
            return False
        words += n
        anchored = anchored or anchor
    return anchored or words >= 2
