"""A predicate's frame left at a subject's end, after a name the catalogue knows.

Where the quantity rules read the predicate right before the value, the copula or an adverb written with a frame of
the value (``为平均每年``, ``均为历年``, ``较一季度月``, ``则与去年同季一样``) stays in the region before it, and the
subject reads ``基本通胀率为平均每年``.  The catalogue knows where the name ends, and the part-of-speech model says
that the word after it opens a predicate: what follows is the statement's frame, no part of the name.  The linker
asks once per subject, after the rules and the boundary model.
"""
from __future__ import annotations

from typing import Optional

from .linker_rules import LinkerRules, indicator_id
from .pos import cut_tagged

# XPOS of a word that opens a predicate right after a name: the copula, adverbs, prepositions (a verb's tag is
# no sign: the model tags the characters of words it does not know, 息 of 利息收入, as verbs)
PREDICATE_TAGS = frozenset({"VC", "RB", "IN"})
# XPOS of a word that ends a name: a tail ending in one is a name's modifier and head (以外的理箱量), no frame
NOUN_TAGS = frozenset({"NN", "NNP", "NR", "SFN"})
# a verb in the tail makes it a clause naming the item (平均发行期限) or a word the model cut in characters (所得,
# 中位数): the frame left before a value holds only the copula, adverbs, prepositions and their objects
VERB_TAGS = frozenset({"VV"})
# words of the longest frame looked at (the design files' have up to six), and characters of the longest subject
# read (a name and its frame; the design files' longest is 21): a long list is the list stages' to distribute, and
# cutting and tagging it would cost more than linear work in its length
MAX_FRAME = 8
MAX_SUBJECT = 32


def name_end(rules: LinkerRules, subject: str) -> Optional[int]:
    """Where the name of ``subject`` ends when a predicate's frame follows it (None: the subject is the name).

    The cut is at the last word boundary after the subject's last verb where a catalogue name ends (or the text
    before is one), the word after opens a predicate and no catalogue name starts later; a subject that ends in a
    noun, is a name itself or is a slot of a ranking (入境前3名, which the place after it fills) stays whole, and
    so does one longer than ``MAX_SUBJECT``."""
    if len(subject) > MAX_SUBJECT:
        return None
    words, tags = cut_tagged(subject, rules.domain_words)
    if len(words) < 2 or tags[-1][1] in NOUN_TAGS:
        return None
    # (the word after the last verb, and never the first word)
    first = max(len(words) - MAX_FRAME, 1 + max((i for i, (_, xpos) in enumerate(tags) if xpos in VERB_TAGS), default=0))
    opens = [i for i in range(first, len(words)) if tags[i][1] in PREDICATE_TAGS]
    if not opens or indicator_id(rules, subject) is not None or rules.engine.p_rank_frame.fullmatch(subject):
        return None
    starts = [0]
    for w in words[:-1]:
        starts.append(starts[-1] + len(w))
    names = rules.catalogue.matches(subject)
    last_start = max((s for s, _, _ in names), default=-1)
    ends = {e for _, e, _ in names}
    for i in reversed(opens):
        b = starts[i]
        if b <= last_start:
            return None
        if b in ends or indicator_id(rules, subject[:b]) is not None:
            return b
    return None
