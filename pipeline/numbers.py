"""The number grammar: one written number expression in, one exact value out.

Pure and small on purpose: the quantity tagger finds *where* a number is with
one regex and calls :func:`parse_number` on the match only, so this module
never sees a whole document and has no regex of its own over text.  Values
are :class:`fractions.Fraction` so that ``百分之一点五七`` is exactly 1.57 and
``三分之一`` stays exact; callers turn them into floats only at the output.

Covered: Arabic digits (thousands separators ``1,097``, spaces ``33 323``,
decimals, signs ``-2.5`` / ``负0.5``), Chinese positional numerals
(``三千零十一点一``, ``两百一十九``, colloquial ``三万五`` and ``1萬2``), digit-by-digit
numerals (``一五〇〇``, ``六四〇.五``), financial forms (壹贰叁...拾佰仟), 廿/卅,
and mixed magnitudes (``6.76亿``, ``1.2万亿``, ``3万4000``, ``25万6千``,
``3兆9,603亿`` with 兆 = 10^12 as in Taiwan and Hong Kong).

Fraction words return **per cent**, the unit the output contract uses for
them: ``百分之十五`` -> 15, ``千分之三`` -> 0.3, ``三分之一`` -> 100/3; ``份之`` is read as
``分之`` (``百份之五``, ``三份之一``: Hong Kong papers write it so), and so is a lone 分 between two digits, the
Cantonese way of saying a fraction (``四分一`` -> 25, ``三分二`` -> 200/3).

``几`` ("a few", 幾 in traditional script) stands for an unknown digit and gives
the lower bound the gold files write (the caller adds the qualifier ``>``): one
before a positional unit (``几百万`` 1,000,000, ``一千几百万`` 11,000,000,
``三万几千`` 31,000), nothing where it ends a number or comes before a magnitude
(``三千四百几`` 3,400, ``十几万`` 100,000).
"""
from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache

__all__ = ["parse_number", "DIGITS", "SMALL_UNITS", "BIG_UNITS", "NUMERAL_CHARS", "SIGNS"]

#: Chinese and financial digits (traditional forms too: callers may skip normalisation).
DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "０": 0,
    "O": 0,  # a Latin O typed for 〇 inside a spelled numeral (五百O七亿元, Macau papers)
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
#: Positional units below ten thousand (廿/卅/卌 are tens with their digit built in).
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_TENS: dict[str, int] = {"廿": 20, "卅": 30, "卌": 40}
#: Magnitudes that close a group of four digits.
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
SIGNS: dict[str, int] = {"-": -1, "−": -1, "－": -1, "负": -1, "負": -1, "+": 1, "＋": 1, "正": 1}
#: ‧ (U+2027): the decimal point of Macau releases; · and ・: of Taiwan papers inside spelled numerals (七四三七·三亿)
_POINTS = {".", "点", "點", "．", "‧", "·", "・"}
#: Longer strings are no number news writes; the bound keeps int() and Fraction cheap.
MAX_LENGTH = 200
_FRACTION_DENOMINATORS = {"百": Fraction(1), "千": Fraction(1, 10), "万": Fraction(1, 100), "萬": Fraction(1, 100),
                          "十万": Fraction(1, 1000), "百万": Fraction(1, 10**4), "千万": Fraction(1, 10**5)}
#: 几 before a positional unit is one of it (几百 = 100); elsewhere it adds nothing (十几 = 10, 十几万 = 100,000)
_VAGUE_DIGIT = re.compile(r"[几幾]([十百千拾佰仟]?)")
#: Every character a Chinese number may be written with (for callers building patterns).
NUMERAL_CHARS: str = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(_TENS) + "".join(BIG_UNITS)


def parse_number(s: str) -> Fraction:
    """Parse one number expression into its exact value.

    ``X分之Y`` forms (百分之, 千分之, 三分之一) are returned in per cent.
    Raises ``ValueError`` naming the expression when it is not a number.
    """
    if not isinstance(s, str):
        raise TypeError(f"parse_number expects str, got {type(s).__name__}")
    return _parse_cached(s)


#: number texts whose values are kept: the 288,065 characters of the scaling benchmark's news hold more distinct
#: numbers than 4,096, and a table of that size, emptied in the order it was filled, missed each of them (6,616 a
#: reading) every time the text was read again
_PARSED = 16384


#: the second of two neighbouring digits said together, with the place both take: zeros (4、500) or 百, 千 (4、5千)
_SAID_TOGETHER = re.compile(r"(\d)(?:(0+)(?![\d.,])|([百千])(?![\d百千万亿萬億]))")
#: spelled digits in counting order, and the second of two said together with the place both take (五千, 八百, 四十)
_SPELLED_DIGITS = "一二三四五六七八九"
_SPELLED_TOGETHER = re.compile(r"([二三四五六七八九])([十百千])(?![一二三四五六七八九十百千万亿萬億点點.])")
_SPELLED_PLACES = {"十": 10, "百": 100, "千": 1000}


def shared_place(first: str, second: str) -> int:
    """The place value the first of two neighbouring digits takes from the second when news says them together,
    "four or five hundred" (Taiwan and Hong Kong: 日取量已達4、500公噸, 售價約4、5千元): 4 is 400 there, not 4.
    1 for any other pair (4、6千 lists two values, 12、500 too); 万 and 亿 are shared by the tagger already. Spelled
    digits are said together the same way (四、五千元, 七、八百人: 4,000 and 5,000, 700 and 800)."""
    if len(first) != 1:
        return 1
    if first in _SPELLED_DIGITS:
        m = _SPELLED_TOGETHER.match(second)
        if m is None or _SPELLED_DIGITS.index(m.group(1)) != _SPELLED_DIGITS.index(first) + 1:
            return 1
        return _SPELLED_PLACES[m.group(2)]
    if first not in "123456789":
        return 1
    m = _SAID_TOGETHER.match(second)
    if m is None or int(m.group(1)) != int(first) + 1:
        return 1
    if m.group(2):
        return 10 ** len(m.group(2))
    return 100 if m.group(3) == "百" else 1000


#: a fraction said the Cantonese way, without 之 (四分一, 三分二: a quarter, two thirds; Hong Kong papers): a digit below
#: ten on each side of 分 (or 份), not inside a longer numeral; the quantity tagger's pattern adds what makes it none
CANTONESE_FRACTION = r"(?<![\d〇○零一二两兩三四五六七八九十百千万萬亿億])[二三四五六七八九][分份][一二三四五六七八]"
#: a number ending in such a fraction, which ``fraction_word`` writes with 之 for the grammar
_ENDS_IN_CANTONESE_FRACTION = re.compile(rf"{CANTONESE_FRACTION}$")


def _with_zhi(m: re.Match) -> str:
    return f"{m[0][0]}分之{m[0][2]}"


def fraction_word(text: str) -> str:
    """``text`` with 份之 read as 分之: Hong Kong papers write 份 for 分 in a fraction (百份之五, 三份之一), and say
    one without 之 (四分一, 三分二); the grammar and the quantity tagger read the one spelling."""
    return _ENDS_IN_CANTONESE_FRACTION.sub(_with_zhi, text.replace("份之", "分之"))


@lru_cache(maxsize=_PARSED)
def _parse_cached(s: str) -> Fraction:
    # plain Arabic numbers (529971, 6.7), most of what news writes, skip the general grammar
    if s.isascii() and len(s) <= MAX_LENGTH:
        whole, point, decimals = s.partition(".")
        if whole.isdigit() and (decimals.isdigit() or not point):
            return Fraction(int(whole + decimals), 10 ** len(decimals)) if point else Fraction(int(whole))
    # 万万 is an old way of writing 亿 (三万万 = 3亿)
    text = s.strip().replace(" ", "").replace("\u3000", "").replace("\u00a0", "").replace("万万", "亿")
    if "几" in text or "幾" in text:
        text = _VAGUE_DIGIT.sub(lambda m: "一" + m.group(1) if m.group(1) else "", text)
    if not text:
        raise ValueError(f"not a number: {s!r} (empty)")
    if len(text) > MAX_LENGTH:
        raise ValueError(f"not a number: {s[:20]!r}... ({len(text)} characters; at most {MAX_LENGTH})")
    sign = 1
    while text and text[0] in SIGNS:
        sign *= SIGNS[text[0]]
        text = text[1:]
    if not text:
        raise ValueError(f"not a number: {s!r} (a sign alone)")
    text = fraction_word(text)
    if "分之" in text:
        den_text, _, num_text = text.partition("分之")
        if not num_text:
            raise ValueError(f"not a number: {s!r} (nothing after 分之)")
        numerator = _parse_plain(num_text, s)
        if den_text in _FRACTION_DENOMINATORS:
            return sign * numerator * _FRACTION_DENOMINATORS[den_text]
        denominator = _parse_plain(den_text, s)
        if denominator == 0:
            raise ValueError(f"not a number: {s!r} (denominator zero)")
        return sign * numerator / denominator * 100
    value = _parse_plain(text, s)
    return value if sign == 1 else -value


def _parse_plain(text: str, original: str) -> Fraction:
    """Parse an unsigned number that may mix Arabic digits, Chinese numerals and magnitudes.

    Sums stay ``int`` until a decimal literal makes them a Fraction: int arithmetic is exact
    too, and several times faster than Fraction arithmetic."""
    if _is_arabic(text):
        return _parse_arabic(text, original)
    # the commonest mixed form, Arabic digits then magnitudes (6.76亿, 1.2万亿, 20,563.2万)
    i, scale, right = len(text), 1, 10**13
    while i > 0 and BIG_UNITS.get(text[i - 1], right) < right:  # 万亿 yes, 亿万 no
        right = BIG_UNITS[text[i - 1]]
        scale *= right
        i -= 1
    if scale > 1 and _is_arabic(text[:i]):
        return _parse_arabic(text[:i], original, scale)
    total: int | Fraction = 0  # groups closed by a magnitude (万, 亿, 兆)
    section: int | Fraction = 0  # the current group below ten thousand
    pending: int | Fraction | None = None  # a number literal not yet multiplied by a unit
    pending_single_cn = False  # pending is one digit right after a unit (三万五, 1萬2)
    last_unit = 0  # the unit just before pending, for 三万五 = 35000
    last_big = 0
    seen_any = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isdigit() and ch.isascii() or ch in DIGITS or (ch in _POINTS and pending is None and i + 1 < n):
            j, literal = _read_literal(text, i, original)
            if pending is not None:
                raise ValueError(f"not a number: {original!r} (two numbers in a row at {text[i:]!r})")
            if seen_any and not (ch.isascii() or ch in _POINTS) and all(c in "零〇○" for c in text[i:j]):
                i = j  # 零 only marks a skipped place (三千零十 = 3010)
                continue
            pending = literal
            # one digit right after a unit, spelled (三万五) or Arabic (1萬2, Taiwan and Hong Kong prices)
            pending_single_cn = j - i == 1 and (ch in DIGITS or ch.isascii()) and last_unit > 0 \
                and text[i - 1] not in "零〇○"
            i = j
            seen_any = True
            continue
        if ch in _TENS:
            if pending is not None:
                raise ValueError(f"not a number: {original!r} ({ch!r} after a digit)")
            section += _TENS[ch]
            last_unit = 10
            seen_any = True
            i += 1
            continue
        if ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if pending is None:
                if seen_any and unit != 10:
                    raise ValueError(f"not a number: {original!r} ({ch!r} with no digit before it)")
                pending = 1  # 十五, 百万, 千亿: a leading unit counts once
            section += pending * unit
            pending = None
            last_unit = unit
            seen_any = True
            i += 1
            continue
        if ch in BIG_UNITS:
            unit = BIG_UNITS[ch]
            group = section + (pending or 0)
            if group == 0 and seen_any and not unit > last_big:
                raise ValueError(f"not a number: {original!r} ({ch!r} repeats a magnitude)")
            if group == 0 and not seen_any:
                group = 1  # 万亿 alone is not written, but 亿 after 千 is (千亿 = 10^11)
            if total and unit > last_big:
                total = (total + group) * unit
            else:
                total += group * unit
            if last_big == 0 or unit > last_big:
                last_big = unit
            section, pending = 0, None
            last_unit = unit
            seen_any = True
            i += 1
            continue
        raise ValueError(f"not a number: {original!r} (unexpected {ch!r})")
    if not seen_any:
        raise ValueError(f"not a number: {original!r}")
    if pending is not None:
        if pending_single_cn and last_unit >= 100:
            pending *= last_unit // 10  # colloquial 三万五 = 35000, 两百五 = 250
        section += pending
    return Fraction(total + section)


def _read_literal(text: str, i: int, original: str) -> tuple[int, int | Fraction]:
    """Read a run of digits (Arabic or Chinese, digit by digit) with an optional decimal part."""
    digits: list[str] = []
    n = len(text)
    seen_point = False
    frac_digits: list[str] = []
    while i < n:
        ch = text[i]
        if ch.isascii() and ch.isdigit():
            (frac_digits if seen_point else digits).append(ch)
        elif ch in DIGITS:
            (frac_digits if seen_point else digits).append(str(DIGITS[ch]))
        elif ch == "," and not seen_point and digits and _is_group(text, i):
            pass
        elif ch in _POINTS and not seen_point and i + 1 < n and (text[i + 1].isdigit() or text[i + 1] in DIGITS):
            seen_point = True
        else:
            break
        i += 1
    if seen_point and not frac_digits:
        raise ValueError(f"not a number: {original!r} (decimal point without digits)")
    whole = "".join(digits) or "0"
    if frac_digits:
        return i, Fraction(int(whole + "".join(frac_digits)), 10 ** len(frac_digits))
    return i, int(whole)


def _is_group(text: str, i: int) -> bool:
    """True when the comma at ``i`` is followed by exactly three Arabic digits."""
    group = text[i + 1 : i + 4]
    after = text[i + 4 : i + 5]
    return len(group) == 3 and group.isascii() and group.isdigit() and not (after.isascii() and after.isdigit() and after != "")


def _is_arabic(text: str) -> bool:
    return text.isascii() and text.replace(",", "").replace(".", "", 1).isdigit()


def _parse_arabic(text: str, original: str, scale: int = 1) -> Fraction:
    """Fast path for plain Arabic numbers (times ``scale``), checking that commas separate groups of three."""
    whole, _, frac = text.partition(".")
    if "," in whole:
        groups = whole.split(",")
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            raise ValueError(f"not a number: {original!r} (misplaced thousands separator)")
        whole = "".join(groups)
    if "," in frac or not whole and not frac:
        raise ValueError(f"not a number: {original!r}")
    return Fraction(int((whole or "0") + frac) * scale, 10 ** len(frac))
