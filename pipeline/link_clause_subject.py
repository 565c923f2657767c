"""Whether a clause without a value can name a topic at all: a noun phrase, by the tags of the part-of-speech model.

A clause stating no value names the topic of the values after it in its sentence (`韩国各航线一直保持良好的增长势头,
1-2月客运量…`).  A clause that is a predicate names none: its subject was written before it (`…出口较上年同期减少,
降幅自去年以来扩大`), or it has one of its own that is no name of what the values measure (`它在香港整体票房所占的
份额`, `我们来看最左侧的人保`).  The values after it then keep the indicator carried.  Such a clause opens with a
pronoun, its own subject (one the tagger knows as a word, or one before a verb: `它在`), or ends in a predicate: its last two words are no nouns and the last is a
word the tagger knows.  A noun phrase ends in its head noun (or a suffix of one, `率`, `额`), and may end in a
nominalised verb after a noun (`楼花成交`).  Tags of characters the tagger never saw as words are guesses
(`家庭可支配所得` is cut `所|得` and tagged as a verb; `平均`, `一手` open names and are tagged as adverbs), so only a
known last word counts, an adverb opening a clause says nothing, and text holding a catalogue name is always a name.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .pos import cut_tagged, known_words

if TYPE_CHECKING:
    from .catalogue import Catalogue

# universal tags of the words a noun phrase ends in: nouns, names, suffixes of nouns, numerals and marks
NOMINAL_TAGS = frozenset({"NOUN", "PROPN", "X", "PART", "NUM", "PUNCT", "SYM"})
# characters of the longest topic judged: a longer clause is no topic anyway (``linker._topic`` keeps items of
# up to 30), and tagging costs
MAX_JUDGED = 30


@lru_cache(maxsize=16384)
def _predicate_words(text: str) -> bool:
    """Whether the words of ``text`` (two or more) open with a pronoun the tagger knows or one before a verb, or end
    in two words that are no nouns, the last one known."""
    words, tagged = cut_tagged(text)
    if len(words) < 2:
        return False
    tags = [upos for upos, _ in tagged]
    known = known_words()
    opens = tags[0] == "PRON" and (words[0] in known or tags[1] == "VERB")
    ends = tags[-1] not in NOMINAL_TAGS and tags[-2] not in NOMINAL_TAGS and words[-1] in known
    return opens or ends


def predicate_clause(text: str, catalogue: "Catalogue") -> bool:
    """Whether a topic's text is a predicate, no noun phrase (`它在香港整体票房`, `降幅自以来扩大`): it holds no
    catalogue name, and its words open with a pronoun or end as a predicate's do."""
    # (the catalogue first: most topics hold a name, and need no tagging then)
    return len(text) <= MAX_JUDGED and not catalogue.matches(text) and _predicate_words(text)
