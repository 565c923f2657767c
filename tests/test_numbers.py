"""The pure number grammar: every way news writes a number, parsed exactly."""
from __future__ import annotations

from fractions import Fraction

import pytest

from zhibiao.numbers import parse_number, shared_place

CASES = [
    # Arabic digits, separators, spaces, decimals, signs
    ("0", "0"), ("42", "42"), ("3.8", "3.8"), ("1,097", "1097"), ("20,563.2万", "205632000"),
    ("1,100.9亿", "110090000000"), ("33 323亿", "3332300000000"), ("1147 万 5000", "11475000"),
    ("-2.5", "-2.5"), ("负0.5", "-0.5"), ("負1.2", "-1.2"), ("−3", "-3"), ("+4", "4"),
    ("0.13", "0.13"), ("1,234,567", "1234567"),
    # mixed magnitudes
    ("6.76亿", "676000000"), ("1.2万亿", "1200000000000"), ("3万4000", "34000"), ("25万6千", "256000"),
    ("3千万", "30000000"), ("3兆9,603亿", "3960300000000"), ("4.91萬億", "4910000000000"), (".5万", "5000"),
    ("2.5兆", "2500000000000"), ("1,234.5万亿", "1234500000000000"),
    ("120亿5000万", "12050000000"), ("5亿3千万", "530000000"), ("8兆9千亿", "8900000000000"),
    ("兆一千七百五十九億", "1175900000000"),
    # Chinese positional
    ("三千零十一点一", "3011.1"), ("两百一十九", "219"), ("二十万亿", "20000000000000"),
    ("一万五千亿", "1500000000000"), ("十", "10"), ("十一", "11"), ("二十", "20"), ("一百零二万", "1020000"),
    ("一千零五", "1005"), ("三千零五十", "3050"), ("兩千", "2000"), ("千亿", "100000000000"), ("百万", "1000000"),
    ("三万五", "35000"), ("两百五", "250"), ("一亿五", "150000000"), ("零", "0"),
    # the colloquial tail in Arabic digits (Taiwan and Hong Kong prices: 1萬2 is 12,000), 零 keeping its place
    ("1萬2", "12000"), ("3万5", "35000"), ("2亿5", "250000000"), ("1万零2", "10002"),
    # 万万 is 亿 (an older way of writing it), and the per-mille family of denominators
    ("三万万", "300000000"), ("5万万", "500000000"), ("百万分之八", "0.0008"), ("十万分之三", "0.003"),
    # digit by digit
    ("六四〇.五亿", "64050000000"), ("六四〇．五亿", "64050000000"), ("一五〇〇亿", "150000000000"),
    ("二〇二三", "2023"), ("十五.八", "15.8"), ("〇.五", "0.5"), ("十五‧四", "15.4"), ("七四三七·三", "7437.3"),
    ("五十五・三", "55.3"),
    # 廿 卅 and financial forms
    ("廿三", "23"), ("卅", "30"), ("壹仟贰佰叁拾肆", "1234"), ("伍佰", "500"), ("叁万", "30000"), ("貳拾", "20"),
    # 几 (幾), an unknown digit: one before a positional unit, nothing at the end or before a magnitude
    ("十几", "10"), ("几百万", "1000000"), ("三千四百几", "3400"), ("三百几十万", "3100000"), ("一千几百万", "11000000"),
    ("三万几千", "31000"), ("十幾萬", "100000"), ("兩千幾百萬", "21000000"), ("千几百", "1100"), ("几十", "10"),
    ("三亿几千万", "310000000"),
    # fraction words, in per cent
    ("百分之一点五七", "1.57"), ("百分之十五", "15"), ("百分之3.5", "3.5"), ("千分之三", "0.3"),
    ("万分之五", "0.05"), ("三分之一", "100/3"), ("四分之三", "75"), ("负百分之二", "-2"),
    # 份 for 分 in a fraction (Hong Kong papers: 百份之五点六, 三份之一)
    ("百份之五点六", "5.6"), ("百份之三", "3"), ("三份之一", "100/3"), ("千份之二", "0.2"),
    # a fraction said without 之 (Cantonese: 四分一, 三分二)
    ("四分一", "25"), ("四分三", "75"), ("三分二", "200/3"), ("五分一", "20"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_number(text: str, expected: str) -> None:
    assert parse_number(text) == Fraction(expected)


def test_exact_arithmetic() -> None:
    value = parse_number("百分之一点五七")
    assert isinstance(value, Fraction)
    assert value == Fraction("1.57")
    assert float(value) == 1.57


BAD = ["", " ", "-", "几", "abc", "统一", "1,23", "1..2", "点", "一点", "千千", "3万万万", "5G", "1/3", "百分之", "零分之三",
       "3亿万", "5,00万", "1,2345亿", "百份之", "份之三"]


@pytest.mark.parametrize("text", BAD)
def test_not_a_number(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text)


def test_not_a_string() -> None:
    with pytest.raises(TypeError):
        parse_number(3)  # type: ignore[arg-type]


def test_huge_digit_string_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="at most"):
        parse_number("9" * 10000)


#: two neighbouring digits said together take the place of the second (4、500: 400 or 500); other pairs list values
SHARED_PLACE = [
    ("4", "500公噸", 100), ("4", "5千元", 1000), ("2", "3百人", 100), ("7", "8000", 1000), ("1", "2千", 1000),
    ("4", "6千元", 1), ("12", "500家", 1), ("4", "5元", 1), ("4", "5.5千", 1), ("4", "500.5", 1), ("4", "5千万", 1),
    ("4", "5,000", 1), ("0", "100", 1), ("9", "10", 1), ("4", "5万", 1),
    # spelled digits said together (四、五千元, 七、八百人, 三、四十人); not a pair that lists two (四、六千), nor one whose
    # second goes on (四、五千五百, 四、五十万, 四、五千点五)
    ("四", "五千元", 1000), ("七", "八百人", 100), ("三", "四十人", 10), ("一", "二千", 1000), ("四", "五千", 1000),
    ("四", "六千元", 1), ("四", "五千五百", 1), ("四", "五十万", 1), ("四", "五千点五", 1), ("四", "五元", 1),
    ("九", "十", 1), ("4", "五千", 1), ("四", "5千", 1),
]


@pytest.mark.parametrize(("first", "second", "place"), SHARED_PLACE)
def test_shared_place(first: str, second: str, place: int) -> None:
    assert shared_place(first, second) == place
