"""numerals: width folding and numeral parsing, on the forms newspapers and forms print."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsanalysis.figures.numerals import fold_text, parse_numeral, to_halfwidth


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1), ("十一", 11), ("一百零一", 101), ("一千零十", 1010), ("两千六", 2600), ("一万三", 13000),
        ("九百九", 990), ("一百二十万三", 1203000), ("四万万", 400000000), ("十万亿", 10**13),
        ("五十五兆一十二亿四万五千二", 55001200045200), ("壹佰伍拾", 150), ("倆千两百贰拾二", 2222),
        ("廿二", 22), ("二〇〇二", 2002), ("一七二零点一", 1720.1), ("零点零零零一", 0.0001),
        ("负二", -2), ("负四十五亿零四百零四万", -4504040000), ("5万4千6百", 54600), ("1万600", 10600),
        ("2千零30万", 20300000), ("2.5万", 25000), ("4.78萬億", 4.78e12), ("1,050,000,000", 1050000000),
        ("10,000.233", 10000.233), ("两千万点五五四四", 20000000.5544), ("三分之一", 1 / 3),
        ("3又一千分之23", 3.023), ("两千余万", 20000000), ("4400多万", 44000000), ("半百", 50),
        ("12.32e+14", 1.232e15),
    ],
)
def test_parse_numeral(text: str, value: float) -> None:
    assert parse_numeral(text) == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize(
    ("text", "value"),
    [("2.2亿", 220000000.0), ("1.87亿", 187000000.0), ("56.15亿", 5615000000.0), ("1.23456万", 12345.6),
     ("0.1", 0.1), ("4.78萬億", 4.78e12)],
)
def test_magnitudes_keep_the_printed_decimals(text: str, value: float) -> None:
    assert parse_numeral(text) == value  # exactly: 2.2亿 is a whole number of people, not 220000000.00000003


@pytest.mark.parametrize("text", ["6零2零", "两5", "3五"])
def test_arabic_and_chinese_digits_side_by_side_are_no_numeral(text: str) -> None:
    assert parse_numeral(text) is None


def test_very_long_digit_runs_are_no_numeral_and_do_not_raise() -> None:
    assert parse_numeral("1" * 5000) is None  # beyond a float
    assert parse_numeral("一" * 400) is None


@pytest.mark.parametrize("text", ["", "万事", "一切", "abc", "三五百", "点"])
def test_not_numerals(text: str) -> None:
    assert parse_numeral(text) is None


@pytest.mark.parametrize(
    ("text", "folded"),
    [("增长１０．８％，", "增长10.8%，"), ("９，９９９", "9,999"), ("82，225.00元", "82,225.00元"),
     ("分别为120，150家", "分别为120，150家"), ("２．４個百分點", "2.4个百分点"), ("\u3000第２５０", " 第250"),
     ("連續11個季度，總貨運量500萬公噸", "连续11个季度，总货运量500万公吨"), ("233,333，333,434.344元", "233,333,333,434.344元")],
)
def test_folding_keeps_length(text: str, folded: str) -> None:
    out = fold_text(text)
    assert out == folded
    assert len(out) == len(text) == len(to_halfwidth(text))


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("，,０１２3.增长元个")), max_size=16))
def test_a_comma_after_no_digit_stays_full_width(text: str) -> None:
    out = fold_text(text)
    assert len(out) == len(text)
    for i, c in enumerate(text):
        if c == "，" and not (i and out[i - 1].isdigit()):
            assert out[i] == "，"


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from(list("零一二两三四五六七八九十百千万亿点负0123456789.,余多分之又")), max_size=20))
def test_parse_never_crashes(text: str) -> None:
    value = parse_numeral(text)
    assert value is None or not math.isnan(value)  # a float, not NaN
