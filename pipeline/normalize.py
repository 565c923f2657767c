"""Script normaliser: traditional/mixed Chinese to simplified, full-width ASCII folded, with exact offsets.

Every later stage works on the normalised string, but every span the pipeline
reports must point into the text the user gave.  ``normalize`` therefore
returns, for each character of the normalised string, the half-open slice of
the original it came from.  OpenCC converts phrase by phrase and a phrase may
change length (``tw2sp``: 記憶體 -> 内存), so the mapping is built by aligning
OpenCC's output with a character-by-character conversion of the same piece:
equal-length stretches map one to one, and a length-changing phrase maps each
of its output characters to the whole original phrase.
"""
from __future__ import annotations

import difflib
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import ne

import numpy as np

from .errors import InputError

# hk2s: script only (Hong Kong variant characters included), no vocabulary
# changes.  tw2sp also swaps Taiwan for mainland words (記憶體 -> 内存), but on
# simplified text it rewrites words too (程序 -> 进程, 新增 -> 添加), which
# would corrupt indicator names; it stays available as an option.
DEFAULT_CONVERSION = "hk2s"

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space fold to ASCII, and so do the small form
# variants Hong Kong text uses as decimal points and punctuation (0﹒9% -> 0.9%), and the ratio sign of the
# mainland's communiqués (三次产业比例为12.36∶48.34∶39.3), a colon between the parts of a ratio.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD[0x2236] = ord(":")
_FOLD.update({ord(small): ord(plain) for small, plain in zip("﹐﹑﹒﹔﹕﹖﹗﹙﹚﹢﹣﹪", ",、.;:?!()+-%")})

# Variant characters of Taiwan and Hong Kong text that OpenCC's hk2s leaves as they are, mapped one to one to
# the character mainland text writes (歲計賸餘 -> 岁计剩余, 景氣復甦 -> 景气复苏), so that lexicons and
# catalogue names written once in simplified script match them; Taiwan's grain releases write 稉 and 榖
# (稉种稻榖 -> 粳种稻谷).
_VARIANTS = str.maketrans({"賸": "剩", "甦": "苏", "搾": "榨", "麤": "粗", "稉": "粳", "榖": "谷"})

# 著 as the aspect particle after a verb or preposition, which Taiwan writes and OpenCC's hk2s keeps (有著逼近五成的
# 成长, 随著景气回温, 紧接著): mainland text writes 着, and so do the lexicons (随着 opens a clause of no statement).
# One character for one, so offsets stay one to one; not 著 the word (显著, 著名, 著作, 有著名的企业).
# (the verb's last character: 随著, 伴随著, 意味著, 面临著, 保持著, 持续著)
_ASPECT_ZHE = re.compile(r"(?<=[随有跟接沿朝靠带趁凭藉借味向临持续])著(?![名作称述录])")

# Characters OpenCC simplifies to a form outside the Basic Multilingual Plane, which mainland text does not write and
# annotators keep as written (Hong Kong's 两餸一汤指数, not 两𩠌一汤指数): the conversion is undone.
_KEEP_WRITTEN = str.maketrans({"𩠌": "餸"})


def _translator(table: dict[int, int | str]) -> Callable[[str], str]:
    """``str.translate`` with ``table``, made as a search for runs of the characters the table changes, each run
    translated: ``translate`` looks every character of a document up in its table (80 ms a pass over a million
    characters of news), where a text holds few of those characters (a run of them is one look-up: a text that
    is all full-width costs one translate)."""
    pattern = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]+")
    return lambda text: pattern.sub(lambda m: m.group().translate(table), text)


# the width folding and the variants in one pass over a document: each character's entry is its fold's variant
_FOLD_VARIANTS = _translator({c: chr(c).translate(_FOLD).translate(_VARIANTS) for c in {*_FOLD, *_VARIANTS}})
_UNDO_ASTRAL = _translator(_KEEP_WRITTEN)

# OpenCC's dictionaries hold no phrase across these, so they delimit pieces
# that can be aligned independently (they are never converted themselves).  The split is a
# zero-width one after each delimiter, done in C by ``re``.
_AFTER_DELIMITER = re.compile(r"(?<=[\n\r\t ,.;:!?()\[\]。、；：！？“”‘’《》（）【】])")


@dataclass(frozen=True)
class Normalized:
    """A normalised string and, per character, the original slice it came from."""

    original: str
    text: str
    starts: array
    ends: array

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span ``[start, end)`` of ``text`` to the original text."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) outside normalised text of length {len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.text) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def converted(self) -> bool:
        """Whether the script conversion changed a Chinese character: the original is (partly) traditional,
        as Hong Kong, Macau and Taiwan write, where a bare ``$`` is no US dollar."""
        text, original, starts = self.text, self.original, self.starts
        return any(c != original[starts[i]] and "\u4e00" <= c <= "\u9fff" for i, c in enumerate(text))

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map an original span to the smallest normalised span covering it."""
        if not 0 <= start <= end <= len(self.original):
            raise IndexError(f"span ({start}, {end}) outside original text of length {len(self.original)}")
        lo = _bisect_right(self.ends, start)
        hi = _bisect_left(self.starts, end)
        return lo, max(lo, hi)


def _bisect_right(a: array, x: int) -> int:
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _bisect_left(a: array, x: int) -> int:
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


@lru_cache(maxsize=8)
def _converter(config: str):
    import opencc  # imported lazily: loading dictionaries is not free

    return opencc.OpenCC(config)


def _convert(config: str, text: str) -> str:
    """OpenCC conversion that survives NUL characters (OpenCC's C API stops at the first one)."""
    cc = _converter(config)
    if "\x00" in text:
        converted = "\x00".join(cc.convert(part) for part in text.split("\x00"))
    else:
        converted = cc.convert(text)
    return _ASPECT_ZHE.sub("着", _UNDO_ASTRAL(converted))


class _CharMap(dict):
    """Single-character conversion, cached; keeps the character if OpenCC would change length."""

    def __init__(self, config: str):
        super().__init__()
        self.config = config

    def __missing__(self, ch: str) -> str:
        out = _convert(self.config, ch)
        value = out if len(out) == 1 else ch
        self[ch] = value
        return value


@lru_cache(maxsize=8)
def _charmap(config: str) -> _CharMap:
    return _CharMap(config)


def check_text(text: object) -> str:
    """Return ``text`` if it can be processed, else raise ``InputError`` saying why."""
    if not isinstance(text, str):
        kind = "bytes (decode it first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else type(text).__name__
        raise InputError(f"expected text as str, got {kind}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise InputError(
            f"text holds a lone surrogate {text[err.start]!r} at offset {err.start}; it is not valid Unicode text"
        ) from None
    return text


def fold_width(text: str) -> str:
    """Fold full-width ASCII, small form variants and the ideographic space to ASCII (one character each)."""
    return text.translate(_FOLD)


def normalize(text: str, conversion: str = DEFAULT_CONVERSION) -> Normalized:
    """Normalise ``text`` to simplified script with folded width, keeping an exact offset map."""
    check_text(text)
    folded = _FOLD_VARIANTS(text)  # (``fold_width``, then ``_VARIANTS``)
    converted = _convert(conversion, folded) if folded else ""
    starts: array = array("q")
    ends: array = array("q")
    if converted == folded:
        _extend_range(starts, 0, len(text))
        _extend_range(ends, 1, len(text) + 1)
        return Normalized(text, converted, starts, ends)
    src_pieces = _split(folded)
    out_pieces = _split(converted)
    if len(src_pieces) != len(out_pieces):
        out_pieces = [_convert(conversion, p) for p in src_pieces]
    charmap = _charmap(conversion)
    # a long document is split into a piece per clause, and few pieces change length: their lengths are compared and
    # summed in C, and only the changed pieces are visited
    src_lens = list(map(len, src_pieces))
    offsets = list(accumulate(src_lens, initial=0))
    run = 0  # start of the current run of pieces whose conversion kept their length: mapped one to one
    for i in compress(range(len(src_lens)), map(ne, src_lens, map(len, out_pieces))):
        offset = offsets[i]
        _extend_range(starts, run, offset)
        _extend_range(ends, run + 1, offset + 1)
        _align(src_pieces[i], out_pieces[i], offset, charmap, starts, ends)
        run = offset + src_lens[i]
    _extend_range(starts, run, offsets[-1])
    _extend_range(ends, run + 1, offsets[-1] + 1)
    return Normalized(text, "".join(out_pieces), starts, ends)


_BOXED_RANGE = 256  # a range shorter than this is extended from Python's integers, a longer one written by numpy


def _extend_range(a: array, lo: int, hi: int) -> None:
    """``a.extend(range(lo, hi))``: a long range is written by numpy in one go, where ``extend`` makes an integer
    object of each position (two of them per character of a document, a third of normalising it)."""
    if hi - lo < _BOXED_RANGE:
        a.extend(range(lo, hi))
    else:
        a.frombytes(np.arange(lo, hi, dtype=np.longlong).tobytes())


def _split(text: str) -> list[str]:
    """Split into pieces that each end just after a delimiter (the last may not)."""
    pieces = _AFTER_DELIMITER.split(text)
    if len(pieces) > 1 and not pieces[-1]:
        pieces.pop()
    return pieces


def _align(src: str, out: str, offset: int, charmap: _CharMap, starts: array, ends: array) -> None:
    """Append the original slice of each character of ``out`` (the conversion of ``src``)."""
    bymap = "".join(charmap[c] for c in src)
    if bymap == out:
        starts.extend(range(offset, offset + len(src)))
        ends.extend(range(offset + 1, offset + len(src) + 1))
        return
    base = len(starts)
    matcher = difflib.SequenceMatcher(None, bymap, out, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            starts.extend(range(offset + i1, offset + i2))
            ends.extend(range(offset + i1 + 1, offset + i2 + 1))
        elif tag == "delete":
            # Original characters with no output widen the previous output character.
            if len(starts) > base:
                ends[-1] = offset + i2
        else:
            # A length-changing phrase (or an insertion): each output character
            # covers the whole original phrase, or its neighbour if it has none.
            lo, hi = (i1, i2) if i2 > i1 else (max(i1 - 1, 0), max(i1, 1))
            starts.extend([offset + lo] * (j2 - j1))
            ends.extend([offset + hi] * (j2 - j1))
    if len(starts) > base:
        # A deletion at the very start is covered by the first output character.
        starts[base] = offset
