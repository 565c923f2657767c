"""Whether a name the owner lexicon lacks reads as a company's: its words, as the part-of-speech model tags them.

Results news names listed companies the lexicon cannot list one by one (`伊利股份`, `海天味业`, `Tesla`); what a
brand looks like reaches them as a class.  The tagger reads a brand's characters, which its vocabulary lacks, as
a proper name (`伊/PROPN 利 股份`, `海/PROPN 天 味 业`) and a Latin name as a foreign word (`Tesla/X`), while the
segments, markets and frames written before a measure of results are words of its vocabulary (`游戏`, `海外`,
`单季`, `合并`).  Places and currencies are proper names too: the caller rules them out by the place lexicon and
the catalogue before asking.
"""
from __future__ import annotations

from functools import lru_cache

from .pos import cut_tagged

# universal tags of a word that names one thing: a proper noun, or a foreign word (a Latin brand)
NAME_TAGS = frozenset({"PROPN", "X"})


# Han characters of the shortest name read so: the tagger reads the first character of many two-character products
# it does not know as a proper noun too (白酒, 奶粉, 锂电), where brands written with their trade are longer (伊利股份)
MIN_HAN = 3


@lru_cache(maxsize=4096)
def proper_name(text: str) -> bool:
    """Whether the tagger reads a word of ``text``, tagged alone, as a proper or foreign name (伊利股份, Tesla), as a
    company's brand reads and no segment or frame of the general vocabulary does (游戏, 海外, 单季); a Han name
    needs ``MIN_HAN`` characters."""
    if len(text) < MIN_HAN and not text.isascii():
        return False
    _, tagged = cut_tagged(text)
    return any(upos in NAME_TAGS for upos, _ in tagged)
