"""One numeral of running text before its unit: where it really starts and ends, its value, and whether it is a
code, a numbered name or part of an idiom rather than a number.

``read_numeral`` trims a range connector (``1万-5万元``), rejects unit words (``千米``) and characters that only
look like numerals (``登陆``, ``队伍``), moves a unit that starts inside the numeral out of it (``50千瓦``), reads
neighbouring digits as a range (``两三部``) and parses the value into a :class:`Numeral`. ``is_code``,
``is_serial_ordinal`` and ``is_name`` tell C909, ``第5号`` and 神舟二十号 / 3号线 / 90后 / 192.168.1.1 apart.
``match_unit`` and the small text tests here are shared by the stages in ``units`` and ``number``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from newsanalysis.figures.context import at, temperature_context
from newsanalysis.figures.numerals import (
    DIGITS,
    IDIOMS,
    NUMERAL_CHARS,
    SMALL_UNITS,
    UNITS_LONGEST_FIRST,
    parse_numeral,
)
from newsanalysis.figures.words import AFTER_GAMES
from newsanalysis.memo import text_cache

_PAIRS = {(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (3, 5)}
_PAIR_RE = re.compile(r"(?P<a>[一二两三四五六七八九])(?P<b>[一二两三四五六七八九])(?P<mag>[十百千万亿]*)")
_PAIR_DIGITS = frozenset("一二两三四五六七八九")  # where a _PAIR_RE match starts
_ZERO_SPANS = ("年", "个月", "天", "小时", "分钟", "秒")  # 零年: no time at all


@dataclass(slots=True)
class Numeral:
    """A numeral found in the folded text ``s``: its span, digits and value, and what is known around it."""

    s: str
    start: int
    end: int
    core: str
    value: float
    prev: str  # the character before it (for ``iPhone 16``: the letter before the space)
    whole: bool  # the text is one figure on its own (a string passed to extract_figures)
    whole_span: bool  # ... and the numeral with at most its unit is all of it
    has_ar: bool  # it has Arabic digits
    pair: float = 0.0  # 两三部, 三五百块: the second of two neighbouring digits over the first (else 0)

    @property
    def text(self) -> str:
        """The numeral as it stands in the text."""
        return self.s[self.start:self.end]


# units and idioms indexed by character, so a look-up tries only the few that can match there
_UNITS_BY_FIRST: dict[str, list[str]] = {}
for _unit in UNITS_LONGEST_FIRST:
    _UNITS_BY_FIRST.setdefault(_unit[0], []).append(_unit)  # longest first within each list too
_IDIOMS_BY_CHAR: dict[str, list[str]] = {}
for _idiom in dict.fromkeys(IDIOMS):
    for _c in set(_idiom):
        _IDIOMS_BY_CHAR.setdefault(_c, []).append(_idiom)
_ANY_IDIOM = re.compile("|".join(map(re.escape, dict.fromkeys(IDIOMS))))
_LONGEST_IDIOM = max(map(len, IDIOMS))
_UNITS = tuple(UNITS_LONGEST_FIRST)
_UNIT_CHARS = frozenset("十百千万亿兆拾佰仟萬億")  # numeral characters that are units of ten and more
_ASCII_DIGIT = re.compile("[0-9]")
_NUMERAL_IDIOMS = frozenset(i for i in IDIOMS if all(c in NUMERAL_CHARS for c in i))


def match_unit(s: str, pos: int) -> tuple[str | None, int]:
    """The unit starting at ``pos`` (longest first) and where it ends; (None, pos) when there is none.

    Example:
        >>> match_unit("增长3个百分点", 3)
        ('个百分点', 7)
    """
    for unit in _UNITS_BY_FIRST.get(s[pos:pos + 1], ()):
        if s.startswith(unit, pos):
            nxt = s[pos + len(unit):pos + len(unit) + 1]
            if unit[-1].isascii() and unit[-1].isalpha() and nxt.isascii() and nxt.isalpha():
                continue  # 5G is not 5 of a unit, 8GB is
            return unit, pos + len(unit)
    return None, pos


def ends_with(s: str, pos: int, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` that ``s[:pos]`` ends with, else None.

    Example:
        >>> ends_with("增长约", 3, ("大约", "约")), ends_with("增长", 2, ("约",))
        ('约', None)
    """
    if pos <= 0 or not s.endswith(words, 0, pos):  # one test in C for the usual answer: none
        return None
    for w in words:
        if s.endswith(w, 0, pos):
            return w
    return None


_UNIT_DIGITS = "一二三四五六七八九两"


def in_idiom(s: str, start: int, end: int) -> bool:
    """Whether ``s[start:end]`` is part of an idiom or name of ``IDIOMS`` (万无一失, 五一, 十四五).

    Only idioms holding a character of the span can overlap it, so only those are looked for.

    Example:
        >>> in_idiom("确保万无一失", 2, 3), in_idiom("增长一万一千元", 2, 6)
        (True, False)
    """
    if _ANY_IDIOM.search(s, max(0, start - _LONGEST_IDIOM + 1), end + _LONGEST_IDIOM - 1) is None:
        return False  # no idiom anywhere near: the usual answer, in one search
    for idiom in _idioms_holding(s[start:end]):
        i = s.find(idiom, max(0, start - len(idiom) + 1), end + len(idiom) - 1)
        if i != -1 and i < end and i + len(idiom) > start:
            if idiom in _NUMERAL_IDIOMS and (i, i + len(idiom)) != (start, end):
                continue  # 一万一千 is not 万一
            if idiom in ("十分", "万分") and (s[i - 1:i] in _UNIT_DIGITS
                                                or s.startswith("钟", i + 2) and not s.startswith("钟爱", i + 2)):
                continue  # 三十分钟, 二十分: a number of minutes or points, not the adverb 十分
            return True
    return False


@text_cache(1024)
def _idioms_holding(span: str) -> tuple[str, ...]:
    """The idioms of ``IDIOMS`` holding a character of ``span`` (the same few spans recur on a page)."""
    return tuple({idiom for c in set(span) for idiom in _IDIOMS_BY_CHAR.get(c, ())})


def number_after(s: str, pos: int) -> bool:
    """Whether a numeral (Arabic or Chinese) starts at ``pos``."""
    nxt = s[pos:pos + 1]
    return bool(nxt) and (nxt.isdigit() or nxt in NUMERAL_CHARS)


_AFTER_WEEKDAY = frozenset("晚早上下中凌夜午傍")  # 周六晚, 周三上午: the weekday's part of the day
_LONGEST_QUANTITY_DIGITS = 16  # a run of more digits with no unit is an identifier (bills, accounts, ID cards)
_NUMERAL_OPENINGS = "一二两三四五六七八九十几"
_FINANCIAL = "零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"  # the numerals of cheques, which never run into Arabic digits


def read_numeral(s: str, start: int, end: int, whole: bool) -> Numeral | None:
    """Stage 1: the numeral's true span and value (None for unit words and look-alike characters)."""
    core = s[start:end]
    lead = len(core) - len(core.lstrip(_FINANCIAL))
    if 0 < lead < len(core) and core[lead].isascii() and core[lead].isdigit():
        start, core = start + lead, core[lead:]  # 入伍18年: 伍 ends a word (队伍, 入伍), no numeral beside digits
    if len(core) >= 2 and core[0] in "一二三四五六日天" and core[1] in _NUMERAL_OPENINGS and (
            s[start - 1:start] == "周" or s.endswith(("星期", "礼拜", "禮拜"), 0, start)):
        start, core = start + 1, core[1:]  # 周六两天, 星期六两点: the weekday's numeral is its name's
    elif len(core) == 1 and core in "一二三四五六日天" and s[end:end + 1] in _AFTER_WEEKDAY and (
            s[start - 1:start] in ("周", "週") or s.endswith(("星期", "礼拜", "禮拜"), 0, start)):
        return None  # 周六晚, 星期三上午: a weekday's name (六晚 is no count of nights; 一周三次 stays a count)
    prev = s[start - 1] if start else ""
    if core.startswith("-") and prev and (prev.isalnum() and prev.isascii() or prev in NUMERAL_CHARS + "%)）-—~"
                                          or s.endswith(_UNITS, 0, start)):
        start, core = start + 1, core[1:]  # 1万-5万元: a connector, not a minus
    if _UNIT_CHARS.issuperset(core) and (len(match_unit(s, start)[0] or "") > 1
                                         or s.startswith("分之", start + len(core))
                                         or whole and s.strip() == core and len(core) == 1):
        return None  # 兆瓦级, 千米, 百分点: a unit word, no number
    whole_span = whole and start <= len(s) - len(s.lstrip()) and _only_unit_after(s[end:].strip())
    if not whole_span and len(core) == 1 and core in "零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟" and not s.endswith("分之", 0, start) \
            and not (core == "零" and (at(s, end, "度") and temperature_context(s, start)
                                       or s.startswith(_ZERO_SPANS, end))):
        return None  # 零部件, 登陆, 队伍: a character that only looks like a numeral (but 零下8度, 零年)
    if len(core) >= 2 and core[0] == core[1] and not core[0].isdigit() and not at(s, end, "折") and not (
            whole_span and len(core) >= 3 and all(c in DIGITS for c in core)):
        return None  # 两两, 千千万万, 一一对应 (but 一一一 on its own is 111)
    for i in range(len(core) - 1, 0, -1):  # 50千瓦, 100万千瓦: the unit starts inside the numeral
        if core[i] not in "十百千万亿兆":
            break
        unit_here, _ = match_unit(s, start + i)
        if unit_here and len(unit_here) > 1:
            end, core = start + i, core[:i]
            break
    if len(core) >= 3 and core[-1] in "两兩" and core[-2] in SMALL_UNITS and core[-3] in DIGITS:
        end, core = end - 1, core[:-1]  # 三十两, 三千两百两: the last 两 is the unit liang, not a digit
    pair = _PAIR_RE.fullmatch(core) if core[:1] in _PAIR_DIGITS else None
    a_b = (DIGITS[pair.group("a")], DIGITS[pair.group("b")]) if pair else None
    if pair and a_b in _PAIRS:
        value = parse_numeral(pair.group("a") + pair.group("mag")) or 0.0  # 两三部, 七八成, 三五百块
        return Numeral(s, start, end, core, value, prev, whole, whole_span, False, a_b[1] / a_b[0])
    value = parse_numeral(core)
    while value is None and len(core) > 1:  # 百分之七十百分位: keep the longest numeral that parses
        core = core[:-1]
        end -= 1
        value = parse_numeral(core)
    if value is None or not math.isfinite(value):
        return None
    has_ar = _ASCII_DIGIT.search(core) is not None
    if prev == " " and start > 1 and s[start - 2].isascii() and s[start - 2].isalpha() and has_ar:
        prev = s[start - 2]  # iPhone 16
    return Numeral(s, start, end, core, value, prev, whole, whole_span, has_ar)


def _only_unit_after(rest: str) -> bool:
    """Whether ``rest`` (what follows a numeral in a string of its own) is nothing, a unit or small change."""
    return not rest or match_unit(rest, 0)[0] is not None and match_unit(rest, 0)[1] >= len(rest) - 1 \
        or len(rest) <= 6 and rest[0] in "角块元圆"


def is_code(num: Numeral) -> bool:
    """Stage 2a: digits glued to Latin letters are a code (C909, COVID-19), unless a percent follows."""
    s, start = num.s, num.start
    glued = num.has_ar and num.prev.isascii() and num.prev.isalpha() or (
        num.prev == "-" and start > 1 and s[start - 2].isascii() and s[start - 2].isalpha())
    if num.core.startswith("-") and "\u4e00" <= num.prev <= "\u9fff" and num.prev not in _BEFORE_NEGATIVE \
            and ((unit := match_unit(s, num.end)[0]) is None
                 or unit == "战" and s[num.end + 1:num.end + 2] not in AFTER_GAMES):
        return True  # 直-10, 歼-20, 东风-41 (歼-20战机): a model's designation, not a negative number
    return glued and not s.startswith("%", num.end)


_SCHOOL_YEAR_AFTER = ("年级", "学生", "学年", "毕业", "考生", "班", "上学期", "下学期")
_FORMATIONS = ("大队", "中队", "支队", "小队", "分队", "纵队", "总队")
_HOUSE_NUMBER_AFTER = re.compile(r"\d{1,5}号")
_BEFORE_NEGATIVE = frozenset("为至到达是约低降零负和与或及、在")  # 降至-10, 为-3: a negative number may follow these


def is_serial_ordinal(num: Numeral) -> bool:
    """Stage 2b: ``第5号`` (台风) is an ordinal with unit 号; ``第3号线`` and ``第1号楼`` are names."""
    s = num.s
    return s.startswith("号", num.end) and s[num.start - 1:num.start] == "第" and not s.startswith(("号线", "号楼"),
                                                                                                  num.end) \
        and s[num.start - 2:num.start - 1] != "字"  # 复字第32号 is a document's number (is_name)


def is_name(num: Numeral) -> bool:
    """Stage 2c: a numbered name (神舟二十号, 3号线, 公交12路), an idiom, a generation (90后), an address
    (192.168.1.1) or a list item's number at the start of a paragraph (``1.``, ``2、``)."""
    s, start, end, core = num.s, num.start, num.end, num.core
    if s[start - 2:start] == "字第" and s.startswith("号", end):
        return True  # 复字第32号, 浙民字第18号: a document's number
    if core.isdigit() and len(core) >= 6 and s[start - 1:start] == "第":
        return True  # 第2024123期, 第202401号: an issue's or a document's number, no ordinal
    if core.isdigit() and len(core) >= _LONGEST_QUANTITY_DIGITS and match_unit(s, end)[0] is None:
        return True  # 票据号码为130233100001320241120056123875, an ID card's 18 digits: a number that names
    if core == "百" and s.startswith("公里", end) and s.startswith(("油耗", "电耗", "能耗", "加速"), end + 2):
        return True  # 百公里油耗3.8升: the distance a rate is given per, no figure of its own
    if s[end:end + 1] in ("至", "到", "-", "—", "~") and _HOUSE_NUMBER_AFTER.match(s, end + 1):
        return True  # 青石路1号至45号, 1至8号楼: house numbers, the first as much as the second
    if num.has_ar and (s[start - 1:start] == "@" or s[end:end + 1] == "." and s[end + 1:end + 2].isascii()
                       and s[end + 1:end + 2].isalpha()):
        return True  # ljwb@163.com, www.12306.cn: part of an address
    if core in ("一", "二", "三") and s[start - 1:start] in ("高", "初") and s.startswith(_SCHOOL_YEAR_AFTER, end):
        return True  # 高三年级, 初二学生: a school year's name
    if core.isdigit() and len(core) >= 3 and s.startswith(("室", "房间"), end):
        return True  # 1202室: a room's number (3室2厅 counts rooms)
    if not num.has_ar and s.startswith(_FORMATIONS, end) and not s.startswith("伍", end + 2):
        return True  # 执法支队二大队, 一中队: a formation's name (两支队伍 stays a count)
    if s.startswith(("号", "集团"), end) or in_idiom(s, start, end) or (
            s.startswith("后", end) and re.fullmatch(r"[05-9]0", core)):
        return True
    if core.isdigit() and not num.whole_span:
        # a list item's number opening a paragraph (1.路面湿滑 / 2、加强巡查 / 3）), not 1.5 or 3、5年
        if len(core) <= 2 and s[end:end + 1] in ".．、)）" and not s[:start].strip() and not s[end + 1:end + 2].isdigit():
            return True
        # a bus route (公交12路、35路); 12路口 and 3路段 are places on a road
        if s.startswith("路", end) and s[end + 1:end + 2] not in ("口", "段", "面", "边", "灯"):
            return True
    elif ("." in core and s.startswith("路", end) and s[end + 1:end + 2] not in ("口", "段", "面", "边", "灯", "程")
          and not s[:start].strip() and len(core.split(".")[0]) <= 2):
        return True  # 1.326路：… opening a paragraph: a list item's number and a bus route, no decimal
    return s[end:end + 1] in (".", "-") and s[end + 1:end + 2].isdigit() and (
        num.prev and num.prev in ".-" or "." in core or s[end] == "-" and "-" in s[end + 2:end + 8])
