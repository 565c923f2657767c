"""The features the part-of-speech model sees for each word of a sentence.

The templates are defined once here and serve both training (which lists
every feature of every word) and the runtime tagger (which precomputes and
caches their scores per word and per tag pair), so the two cannot drift
apart.  Words are width-folded first, exactly as the normaliser folds text
(``，`` -> ``,``), so the treebanks' fullwidth punctuation and the runtime's
halfwidth forms are one feature.

Beyond the word and its neighbours, the characters carry most of the signal
for words never seen in training: Chinese words are mostly compounds, and
the first and last characters usually decide the class.  The history
features look at the tags already chosen: the previous two, the previous one
with the word, and whether a verb came earlier in the clause, which is what
tells a relative-clause 的 (``SCONJ``) from a possessive one (``PART``).
"""
from __future__ import annotations

from collections.abc import Callable

import regex

from .normalize import fold_width

START = "<S>"
END = "</S>"
# The roles a word plays in the features of the words around it, in the
# order of ``word_roles``: itself, previous word, next word, two before, two after.
ROLES = ("self", "prev", "next", "prev2", "next2")
NO_VERB, VERB_SEEN = "-", "v"
_HAN = regex.compile(r"\p{Han}+")
_SHAPE = regex.compile(r"(\p{Han})+|([0-9])+|([A-Za-z])+|(\p{P})+|(.)")


def canonical(words: list[str]) -> list[str]:
    """Words as the features see them: width-folded like the normaliser's output.

    Folding maps every character to one character, so the sentence is folded
    in one call and cut back into its words.
    """
    folded = fold_width("".join(words))
    out, pos = [], 0
    for w in words:
        out.append(folded[pos : pos + len(w)])
        pos += len(w)
    return out


def shape(word: str) -> str:
    """Character classes with runs collapsed: Han ``h``, digits ``d``, Latin ``a``, punctuation ``p``, other ``o``.

    ``3.8%`` -> ``dpdp``, ``5G`` -> ``da``, ``增长`` -> ``h``.
    """
    if _HAN.fullmatch(word):
        return "h"
    return "".join("hdapo"[m.lastindex - 1] for m in _SHAPE.finditer(word))


def word_roles(w: str) -> tuple[list[str], ...]:
    """The features word ``w`` contributes in each of ``ROLES`` (the first character names the template)."""
    own = ["b", "w" + w, "p" + w[0], "s" + w[-1], "l" + str(min(len(w), 4)), "t" + shape(w)]
    if len(w) > 1:
        own += ["P" + w[:2], "S" + w[-2:], *dict.fromkeys("c" + c for c in w)]
    return own, ["<" + w, "[" + w[-1]], [">" + w, "]" + w[0]], ["{" + w], ["}" + w]


def pair_features(prev: str, w: str, nxt: str) -> list[str]:
    """The word together with each neighbour (only pairs seen in training carry weight)."""
    return ["=" + prev + " " + w, "+" + w + " " + nxt]


def padded(canon: list[str]) -> list[str]:
    """Two start and two end markers around a sentence, so every word has all its neighbours."""
    return [START, START, *canon, END, END]


def static_features(words: list[str]) -> list[list[str]]:
    """Every feature of each word that does not depend on tags (training lists them all)."""
    pad = padded(canonical(words))
    roles = [word_roles(w) for w in pad]
    out = []
    for i in range(2, len(pad) - 2):
        out.append([*roles[i][0], *roles[i - 1][1], *roles[i + 1][2], *roles[i - 2][3], *roles[i + 2][4],
                    *pair_features(pad[i - 1], pad[i], pad[i + 1])])
    return out


def tag_pair_features(p2: str, p1: str) -> list[str]:
    """Features of the two previous tags (``START`` before the sentence)."""
    return ["1" + p1, "2" + p2 + " " + p1]


def tag_word_features(p1: str, clause: str, w: str) -> list[str]:
    """Features of the word with the previous tag, and with whether its clause has a verb yet."""
    return ["3" + p1 + " " + w, "4" + clause + " " + w]


def next_clause_state(state: str, tag: str) -> str:
    """After ``tag``: ``VERB_SEEN`` once a verb is tagged, ``NO_VERB`` again after punctuation or 的 (DEC)."""
    if tag.startswith("VERB"):
        return VERB_SEEN
    if tag.startswith("PUNCT") or tag.endswith("|DEC"):
        return NO_VERB
    return state


def history_features(words: list[str]) -> Callable[[int, list[str]], list[str]]:
    """For training: the features of word ``i`` given the tags chosen for the words before it."""
    canon = canonical(words)

    def history(i: int, tags: list[str]) -> list[str]:
        state = NO_VERB
        for tag in tags[:i]:
            state = next_clause_state(state, tag)
        p1 = tags[i - 1] if i > 0 else START
        p2 = tags[i - 2] if i > 1 else START
        return [*tag_pair_features(p2, p1), *tag_word_features(p1, state, canon[i])]

    return history
