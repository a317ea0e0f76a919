"""Chinese and Arabic numerals: width folding, parsing numerals, their units, dates and clock times.

Everything here is pure text-in, number-out. ``to_halfwidth`` folds full-width ASCII (digits, ``％``, ``，``)
one character for one character, so offsets found in the folded copy are valid in the original.
``parse_numeral`` reads one numeral string in any of the forms newspapers and forms use: Arabic with
thousands separators (``1,050,000``), Chinese (``一千零十二``), financial (``壹佰伍拾``), mixed (``5万4千6百``,
``2.5万``), abbreviated tails (``一万三`` = 13000), digit sequences (``二〇〇二``), decimals with ``点``,
fractions (``三分之一``) and a leading ``负``.
"""

from __future__ import annotations

import math
import re

from newsanalysis.figures.words import (  # noqa: F401
    CONNECTORS,
    CURRENCY_PREFIXES,
    HEDGES_AFTER,
    HEDGES_BEFORE,
    IDIOMS,
    UNIT_SCALE,
    UNITS,
    UNITS_LONGEST_FIRST,
)

# the unit vocabulary lives in figure_words; re-exported here for existing callers
from newsanalysis.memo import text_cache
from newsanalysis.normalize import fold, fold_width

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "幺": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "俩": 2, "倆": 2, "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6,
    "陸": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
TENS = {"廿": 20, "卅": 30}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
POINTS = "点點."
APPROX_MARKS = "余多几幾"
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(TENS) + "".join(BIG_UNITS)

_DIGIT_CHARS = "".join(DIGITS)
_NO_APPROX_MARKS = str.maketrans("", "", APPROX_MARKS)
_MIXED_DIGITS = re.compile(rf"\d[{_DIGIT_CHARS}]|[{_DIGIT_CHARS.replace('零', '').replace('〇', '')}]\d")
_EXPONENT = re.compile(r"\d+(?:\.\d+)?e[+-]?\d+")
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_PLAIN_ARABIC = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def to_halfwidth(text: str) -> str:
    """Fold full-width ASCII to half-width, keeping the length (one character for one).

    Example:
        >>> to_halfwidth("增长１０．８％，")
        '增长10.8%,'
    """
    return fold_width(text)


_FULL_COMMA = re.compile("，")
_GROUP = re.compile(r"\d{3}\D?")
_GROUPS_BEFORE = re.compile(r"\d,\d{3}$")
_DECIMAL_AFTER_GROUP = re.compile(r"[,.]\d")
_DECIMALS = re.compile(r"\.\d")
_TRADITIONAL = str.maketrans("個點萬億兩對幾時號歲塊佰仟貳陸", "个点万亿两对几时号岁块百千贰陆")
_TRADITIONAL_LEFT = re.compile("[" + "".join(map(chr, _TRADITIONAL)) + "]")  # a text without them keeps its copy


def fold_text(text: str) -> str:
    """``to_halfwidth``, Traditional characters as Simplified and financial numerals as plain (one for one).

    Example:
        >>> fold_text("２．４個百分點，連續11個季度")
        '2.4个百分点，连续11个季度'
    """
    simple = fold(text)
    if _TRADITIONAL_LEFT.search(simple):
        simple = simple.translate(_TRADITIONAL)
    if "，" not in text:
        return simple
    commas = [m.start() for m in _FULL_COMMA.finditer(text)]
    if not any(i > 0 and simple[i - 1].isdigit() for i in commas):
        # no comma after a digit (the usual paragraph): every one separates, and stays full-width
        return "，".join(simple[a + 1 if a >= 0 else 0:b] for a, b in zip([-1, *commas], [*commas, len(simple)]))
    folded = list(simple)
    # a full-width comma separates clauses and list items (120，150); it groups thousands only between
    # full-width digits (９，９９９) or before a decimal part (82，225.00)
    for comma in _FULL_COMMA.finditer(text):
        i = comma.start()
        grouping = i > 0 and folded[i - 1].isdigit() and _GROUP.fullmatch("".join(folded[i + 1:i + 5])) is not None
        if grouping:
            decimal = "".join(folded[i + 4:i + 6])
            among_groups = _GROUPS_BEFORE.search("".join(folded[max(0, i - 5):i])) is not None \
                and _DECIMAL_AFTER_GROUP.fullmatch(decimal) is not None  # 233,333，333,434.344
            grouping = "\uff10" <= text[i - 1] <= "\uff19" or _DECIMALS.fullmatch(decimal) is not None \
                or among_groups
        if not grouping:
            folded[i] = "，"
    return "".join(folded)


def _parse_integer(s: str) -> float | None:
    """Parse the integer part of a numeral (no sign, no decimal point); None when it is not a numeral."""
    if not s:
        return None
    if s.isdigit() and s.isascii():
        return float(s)  # float, not int: a run of thousands of digits is inf (then no figure), not an error
    if _MIXED_DIGITS.search(s):
        return None  # 6零2零, 两5: Arabic and Chinese digits side by side are no numeral
    # digit sequences such as 二〇〇二 or 一七二零 (no unit characters at all)
    if len(s) > 1 and all(c in DIGITS for c in s):
        return float("".join(str(DIGITS[c]) for c in s))
    total = 0.0  # value of completed big-unit groups
    section = 0.0  # value inside the current big-unit group
    number: float | None = None  # pending digit(s)
    max_big = 0
    last_unit = 0  # most recent unit, for abbreviated tails (一千三 = 1300)
    zero_seen = False
    i = 0
    while i < len(s):
        c = s[i]
        if c.isdigit() and c.isascii():
            j = i
            while j < len(s) and s[j].isdigit() and s[j].isascii():
                j += 1
            number = float(s[i:j])
            if s[i] == "0" and j - i > 1:
                zero_seen = True  # 1百01
            i = j
            continue
        if c in DIGITS:
            if DIGITS[c] == 0:
                zero_seen = True
                number = None
            else:
                if number is not None:
                    return None  # two digits in a row inside a unit numeral (三五百): not a plain numeral
                number = float(DIGITS[c])
        elif c in TENS:
            section += TENS[c]
            last_unit = 10
            zero_seen = False
        elif c in SMALL_UNITS:
            unit = SMALL_UNITS[c]
            if section and last_unit and last_unit <= unit and last_unit < 10**4:
                return None  # 七十百: units must fall inside a group
            section += (1.0 if number is None else number) * unit
            number = None
            last_unit = unit
            zero_seen = False
        elif c in BIG_UNITS:
            unit = BIG_UNITS[c]
            group = section + (number or 0.0)
            if group == 0:
                total = (total or 1.0) * unit
            elif unit > max_big:
                total = (total + group) * unit
            else:
                total += group * unit
            max_big = max(max_big, unit)
            section, number = 0.0, None
            last_unit = unit
            zero_seen = False
        else:
            return None
        i += 1
    if number is not None:
        if last_unit >= 10 and not zero_seen and number < 10 and not s[-1].isdigit():
            number *= last_unit / 10  # 一千三 = 1300, 一万三 = 13000, 九百九 = 990
        elif last_unit >= 10 and not zero_seen and number < 10 and s[-1].isdigit() and len(s) >= 2 \
                and not s[-2].isdigit():
            number *= last_unit / 10  # 1万6 = 16000
        section += number
    return total + section


def _parse_decimal(s: str) -> float | None:
    if "点" in s or "點" in s:
        head, _, tail = s.replace("點", "点").partition("点")
    elif "." in s and not s.replace(".", "").isdigit():
        head, _, tail = s.partition(".")
    else:
        head, tail = s, ""
    if not tail:
        if _ARABIC.fullmatch(s):
            return float(s.replace(",", ""))
        return _parse_integer(s.replace(",", ""))
    # the magnitude after the decimals scales the whole number: 两千万点五五 vs 4.78萬億
    scale = 1.0
    while tail and tail[-1] in BIG_UNITS:
        scale *= BIG_UNITS[tail[-1]]
        tail = tail[:-1]
    if not tail or not all((c in DIGITS) or (c.isdigit() and c.isascii()) for c in tail):
        return None
    frac = float("0." + "".join(str(DIGITS[c]) if c in DIGITS else c for c in tail))
    whole = _parse_integer(head.replace(",", "")) if head else 0.0
    if whole is None:
        return None
    if head and head[-1] in BIG_UNITS:
        return whole + frac  # 两千万点五五四四
    # 2.2亿 is 220000000, not 220000000.00000003: keep only the decimals the numeral printed
    return round((whole + frac) * scale, max(0, len(tail) - round(math.log10(scale)))) if scale > 1 \
        else (whole + frac) * scale


@text_cache(4096)
def parse_numeral(text: str) -> float | None:
    """Parse one numeral string to a float, or None if it is not a numeral.

    Spaces inside are ignored; ``余``/``多``/``几`` mark an approximate place and count as zero.

    Example:
        >>> parse_numeral("一万三"), parse_numeral("2.5万"), parse_numeral("三分之一")
        (13000.0, 25000.0, 0.3333333333333333)
    """
    if _PLAIN_ARABIC.fullmatch(text):  # 2024, 73.2: most numerals of a page, read without the steps below
        value = float(text)
        return value if math.isfinite(value) else None
    s = to_halfwidth(text).replace(" ", "").replace("\u3000", "")
    if not s:
        return None
    sign = 1.0
    while s and s[0] in "负負-−+":
        sign = sign if s[0] == "+" else -sign
        s = s[1:]
    if _EXPONENT.fullmatch(s):
        return sign * float(s)
    if "又" in s:  # 3又一千分之23
        whole, _, rest = s.partition("又")
        a, b = parse_numeral(whole), parse_numeral(rest)
        return None if a is None or b is None else sign * (a + b)
    if "分之" in s:
        den, _, num = s.partition("分之")
        d, n = parse_numeral(den), parse_numeral(num)
        if d is None or n is None or d == 0:
            return None
        return sign * n / d
    s = s.translate(_NO_APPROX_MARKS)
    if s == "半百":
        return sign * 50.0
    value = _parse_decimal(s)
    if value is None or not math.isfinite(value):
        return None
    return sign * value


# kinds naming a point in time (``iso``, no ``value``): a month/day date, a year on its own, a clock time
TEMPORAL_KINDS = frozenset({"date", "year", "time"})
# --- calendar dates and clock times -------------------------------------------------------------------
_CN = NUMERAL_CHARS
HOUR_PM = {"下午", "傍晚", "晚上", "晚间", "夜间", "今晚"}
_NIGHT = ("夜里", "半夜", "深夜", "午夜")  # 2点 at night is 2 a.m., 10点 10 p.m.
_Y = r"(?P<y>\d{4}|[〇零一二三四五六七八九]{4})年"
_M = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
_D = r"(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
_DALONE = r"(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九])日"
_SUFFIX = r"(?P<suf>底|初(?![步次期中级心衷])|末(?!端)|上旬|中旬|下旬|份)?"
DATE_RE = re.compile(
    rf"(?<![\d.{_CN}])(?:{_Y}(?:{_M.replace('P<m>', 'P<m1>')}(?:{_D.replace('P<d>', 'P<d1>')})?)?"
    rf"|{_M.replace('P<m>', 'P<m2>')}(?:{_D.replace('P<d>', 'P<d2>')})?|{_DALONE}){_SUFFIX}"
    rf"|(?<![\d.])(?P<ny>\d{{4}})(?P<sep>[/.-])(?P<nm>\d{{1,2}})(?P=sep)(?P<nd>\d{{1,2}})(?![\d.])"
)
PERIODS_OF_DAY = ("凌晨", "清晨", "夜里", "半夜", "深夜", "午夜", "早上", "早晨", "上午", "中午", "下午", "傍晚", "晚上", "晚间", "夜间", "今早", "今晚", "明早", "早")
_PER = rf"(?P<per>{'|'.join(PERIODS_OF_DAY)})?"
_CNH = r"二十[一二三四]?|十[一二三四五六七八九]?|[一二两三四五六七八九]"
_MIN = r"[0-5]?\d|[一二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九]"
TIME_RE = re.compile(
    rf"{_PER}(?<![\d.:])(?:(?P<h>[01]?\d|2[0-4])(?:(?P<hm>[时点])(?:(?P<mi>{_MIN})分(?:(?P<se>[0-5]?\d)秒)?"
    rf"|(?P<half>半))?|:(?P<mi2>[0-5]\d)(?::(?P<se2>[0-5]\d))?(?![\d:]))"
    rf"|(?P<hc>{_CNH})点(?:(?P<mic>{_MIN})分|(?P<halfc>半)|钟)?)"
)


def _small(s: str) -> int:
    return int(parse_numeral(s) or 0)


def date_parts(m: re.Match) -> tuple[str | None, int | None, int | None] | None:
    """(year, month, day) of a ``DATE_RE`` match, None when it is not a calendar date (2020/13/45)."""
    g = m.groupdict()
    if g.get("ny"):
        y, mo, d = g["ny"], int(g["nm"]), int(g["nd"])
        return (y, mo, d) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    y = g.get("y")
    if y and not y.isdigit():
        y = "".join(str(DIGITS[c]) for c in y)
    mo = g.get("m1") or g.get("m2")
    d = g.get("d1") or g.get("d2") or g.get("d")
    mo_i = (int(mo) if mo.isdigit() else _small(mo)) if mo else None
    d_i = (int(d) if d.isdigit() else _small(d)) if d else None
    return (y, mo_i, d_i)


def date_iso(date: tuple) -> str:
    """ISO-like text of (year, month, day): ``2024``, ``2024-05``, ``--12-04``, ``---06``."""
    y, mo, d = date
    if y and mo and d:
        return f"{y}-{mo:02d}-{d:02d}"
    if y and mo:
        return f"{y}-{mo:02d}"
    if y:
        return str(y)
    if mo and d:
        return f"--{mo:02d}-{d:02d}"
    if mo:
        return f"--{mo:02d}"
    return f"---{d:02d}"


def clock_iso(m: re.Match, after_date: bool = False) -> str | None:
    """``T17:17`` for a ``TIME_RE`` match; None when it is not a clock time (5点建议)."""
    g = m.groupdict()
    per = g.get("per")
    if g.get("h") is not None:
        h = int(g["h"])
        mi_s = g.get("mi") or g.get("mi2")
        if g.get("hm") == "点" and not (per or mi_s or g.get("half") or after_date):
            return None  # 5点建议: not a clock time without minutes or a time of day
        mi = (int(mi_s) if mi_s.isdigit() else _small(mi_s)) if mi_s else (30 if g.get("half") else None)
        se_s = g.get("se") or g.get("se2")
    else:
        h = _small(g["hc"])
        mi_s = g.get("mic")
        if not (per or mi_s or g.get("halfc") or after_date or m.group(0).endswith("钟")):
            return None
        mi = _small(mi_s) if mi_s else (30 if g.get("halfc") else None)
        se_s = None
    if per in HOUR_PM and h < 12 or per == "中午" and h < 11 or per in _NIGHT and 6 <= h < 12:  # 夜里十点, 夜里2点, 深夜11点
        h += 12
    elif per in _NIGHT and h == 12:
        h = 0  # 午夜12点: midnight
    return f"T{h:02d}:{mi or 0:02d}" + (f":{int(se_s):02d}" if se_s else "")  # 9时 → T09:00
