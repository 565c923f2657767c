"""Whether a subject or a topic is a verb phrase, not a name: its words, as the part-of-speech model tags them.

News writes adverbs, modals, pronouns and verbs where a statement's subject would stand, its indicator written
in an earlier clause (`可能趋升至50万辆`, `以致其占比…`, `一共上映217部`), and clauses that are verb phrases where
a topic would stand (`今年延续增长态势,1-7月产值…`).  The lexicon lists many such words one by one (class
`not_a_name`); the tags reach the class: words that are all verbs and function words name nothing, so the
statement takes the indicator carried and a topic changes nothing (`延续增长` + `产值` is no text of the
sentence).  A single verb may still name a measure (`投入`, corpus conventions; a topic `成交`), so two words are
needed.  Out of context the tagger reads nominalised verbs as verbs (`直接投资`): text holding a catalogue name is
never a verb phrase here.  The tagger, trained on mainland text, knows few adverbs and verbs of Taiwan's, Hong Kong's
and Macau's reports (`只差`, `连升`, `暂时`, `逐年`): it cuts them into characters or tags them as nouns.  The lexicon's
class `predicate_word` lists such words, which gold never keeps in a name; the cut keeps them whole and they count as
adverbs the tagger knows (`暂时落成`, `逐年攀升`).
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .pos import cut_tagged, known_words

if TYPE_CHECKING:
    from .catalogue import Catalogue

# universal tags of the words a verb phrase is made of: no noun, numeral, adjective or particle of a name
VERBAL_TAGS = frozenset({"VERB", "ADV", "AUX", "PRON", "DET", "ADP", "SCONJ", "CCONJ"})
# tags of a word of the general vocabulary that makes a run of such words a predicate, not an unknown name
PREDICATE_TAGS = frozenset({"VERB", "ADV", "AUX"})
# characters of the longest text tagged: the verb phrases standing for a subject are short (`整个共计交出`), and
# tagging every candidate span of a long subject (a list of forty items) would cost the square of its length
MAX_VERBAL = 12


@lru_cache(maxsize=16384)
def verbal_words(text: str, predicates: frozenset[str] = frozenset()) -> int:
    """How many words ``text`` has when all are verbs and function words, with a verb among them and a verb,
    adverb or modal the tagger knows as a word (unknown single characters get unreliable tags: `除税前溢利`);
    else 0.  A word of ``predicates`` (class ``predicate_word``) is such an adverb, whatever its tag."""
    words, tagged = cut_tagged(text, predicates)
    tags = ["ADV" if w in predicates else upos for w, (upos, _) in zip(words, tagged)]
    known = known_words()
    if "VERB" not in tags or any(t not in VERBAL_TAGS for t in tags):
        return 0
    if not any(t in PREDICATE_TAGS and (w in known or w in predicates) for w, t in zip(words, tags)):
        return 0
    return len(words)


def verb_phrase(text: str, catalogue: "Catalogue", predicates: frozenset[str] = frozenset()) -> bool:
    """Whether a subject or topic is a verb phrase of two words or more, which names nothing (`可能趋`, `以致其`,
    `延续增长`, with the regional adverbs of ``predicates``: `暂时落成`)."""
    # (the catalogue first: two in three of the short texts asked hold a name, and need no tagging then)
    return len(text) <= MAX_VERBAL and not catalogue.matches(text) and verbal_words(text, predicates) >= 2
