"""Reading one numeral of running text into a figure: the stages in order, and whether it is a figure at all.

``read_number`` is the grammar's main stage (``grammar.scan_figures`` calls it on every numeral the other
scanners left). It runs the stages below in order, each a small function, and any stage may decide that the
numeral is no figure (神舟二十号, C909, 七下八上, 一家) or that the figure is complete (第5号台风, 三毛, 数十家):

1. ``reading.read_numeral``: the numeral's true span and value (1万-5万元, 50千瓦, 两三部).
2. ``reading.is_code`` / ``is_serial_ordinal`` / ``is_name``: C909, 第5号, 神舟二十号, 90后, 192.168.1.1.
3. ``units.with_magnitude``: the trailing 万/亿 scale, ``k``, an inner 余/多.
4. ``units.find_unit`` / ``apply_unit``: the unit word and its compound tail; 折 and 角/毛 here.
5. ``_attach_prefix``, ``_tens_of``, ``_attach_percent_or_currency``, ``_quarter_or_year``: 第, 前/首, 零下, 数十,
   百分之, currency signs, hedges, quarters (一季度 → Q1) and season years (2024赛季 → 2024).
6. ``_bare_number`` and ``_is_word``: whether what was read is a figure at all.
"""

from __future__ import annotations

import math
import re

from newsanalysis.figures.context import CLAUSE_END, at, in_slogan, is_identifier
from newsanalysis.figures.numerals import (
    BIG_UNITS,
    CURRENCY_PREFIXES,
    DIGITS,
    HEDGES_AFTER,
    HEDGES_BEFORE,
    NUMERAL_CHARS,
    SMALL_UNITS,
    TEMPORAL_KINDS,
)
from newsanalysis.figures.ranges import Figure
from newsanalysis.figures.reading import (
    Numeral,
    ends_with,
    is_code,
    is_name,
    is_serial_ordinal,
    number_after,
    read_numeral,
)
from newsanalysis.figures.units import (
    apply_unit,
    compound_after,
    find_unit,
    with_magnitude,
)
from newsanalysis.figures.words import INSTITUTION_AFTER, UNITS

_BOARD_GAME = re.compile("棋|执黑|执白|对弈|弈|将战|段位")  # a sentence about a board game, where 九段 is a rank
_NEAR_WORDS = frozenset("最附邻临靠")  # 最近, 附近, 邻近, 临近, 靠近: words of time or place, no hedge 近
_INDEF_BEFORE = set("这那同每另下上统唯万之其某哪任单逐专划均整初新")
_RATE_BASES = frozenset(("十", "百", "千", "万", "十万", "百万", "千万", "亿"))
_PER_OUTPUT = ("元GDP", "元国内生产总值", "元地区生产总值", "元生产总值", "元产值", "元工业增加值", "元增加值")
_PREV_NOT_FIRST_N = set("提之以目当空此眼面跟事向日赛会考节饭睡课战婚")  # 提前, 赛前, 节前 …: 前 ends the word before
# a moment before 前 (开赛前两小时, 出发前三天): N hours before it, not the first N hours
_MOMENT_BEFORE = re.compile(r"(?:开[赛幕学工播考庭业市盘]|出发|起飞|登机|发车|上线|截止|结束|到达|抵达|退休|毕业|入学|入职|"
                            r"开始|启动|举行|召开)$")
_PERCENT_WORDS = ("百分之", "百 分 之", "百 分之", "百分 之", "千分之", "万分之")
_SCALES = ("华氏温度", "摄氏温度", "华氏", "摄氏")
_SPAN_LEADS = ("长达", "为期", "历时", "用了", "仅", "只用")
_DURATION_LEADS = ("快", "满", "整整", "足足", "不到", "开业", "成立", "运行", "坚持")  # 开业一年, 开了快一年
# after a lone 一 with a unit of time, these make it a span (一年来, 一年内, “一次充够一年”), not "a" (的一年)
_SPAN_AFTER = ("来", "以来", "内", "之内", "以内")
_CURRENCY_SIGNS = tuple(CURRENCY_PREFIXES)
# a body's session name: 二十届三中全会, 十四届全国人大三次会议, 十四届全国人大常委会第十次会议. Its bare N届 and the
# bare N次 of its 会议 are parts of the name, not counts (召开三次会议 and 连续三届 stay counts); 第十四届 … 第三次会议
# stays two ordinals, like 第三届 (the golds' call)
_ORGAN = (rf"(?:(?:(?![{NUMERAL_CHARS}])[\u4e00-\u9fff]){{0,10}}?"
          r"(?:人大|政协|委员会|常委会|常务委员会|代表大会|人民代表大会|纪委|党代会|职代会|团代会))?")
_PLENUM_RE = re.compile(rf"{_ORGAN}第?[{NUMERAL_CHARS}\d]+(?:中全会|次全会|次(?:全体)?会议)")
_SESSION_TERM_BEFORE = re.compile(rf"[{NUMERAL_CHARS}\d]届{_ORGAN}$")
_SESSION_MEETING = ("会议", "全体会议", "全会")


# what may follow the 多 of 四年多 (a little over four years): 多云, 多次, 多名 are words of their own
_AFTER_TRAILING_DUO = ("", "，", ",", "。", "的", "来", "前", "后", "里", "间", "时", "；", "、", "）", ")", "以")


def read_number(s: str, start: int, end: int, whole: bool) -> Figure | None:
    """Read the numeral at ``s[start:end]`` with its prefix, inner 余/多, unit and hedges; None to skip it."""
    num = read_numeral(s, start, end, whole)
    if num is None or is_code(num):
        return None
    if is_serial_ordinal(num):
        return Figure(num.start - 1, num.end + 1, value=num.value, unit="号", kind="ordinal")  # 第5号台风
    if is_name(num):
        return None
    if num.core in _RATE_BASES and s[num.start - 1:num.start] == "每":
        return None  # 每千人口, 每万人, 每百户: the base of a rate, no figure of its own
    if num.core in _RATE_BASES and num.start > 0 and s[num.start - 1] in "(（":
        return None  # 收入（亿港元）: a table's unit label, no figure
    if num.core in _RATE_BASES and s.startswith(_PER_OUTPUT, num.end):
        return None  # 万元GDP能耗: energy per ten thousand yuan of output, an indicator's name
    fig, pos, inner = with_magnitude(num)
    unit, upos, uend, half, inner, uncounted = find_unit(num, fig, pos, inner)
    if uncounted is None:
        return _with_unit(num, fig, pos, unit, upos, uend, half, inner)
    # a one-character measure word after a Chinese numeral counts unless the tokenizer reads it as the start of
    # a longer noun (三大股指); the tags are asked for only when the two readings differ (一家, 一步: neither)
    counted = _with_unit(num, fig.copy(), pos, unit, upos, uend, half, inner)
    other = _with_unit(num, fig, pos, uncounted[0], upos, uncounted[1], half, inner)
    if counted == other:
        return counted
    return other if compound_after(s, num.start, uend - 1, uend) else counted


def _with_unit(num: Numeral, fig: Figure, pos: int, unit: str | None, upos: int, uend: int, half: float,
               inner: bool) -> Figure | None:
    """Stages 4c to 6 for the unit word ``s[upos:uend]`` (or none, the numeral ending at ``pos``): the figure, or
    None when it is none."""
    s = num.s
    if unit == "skip":
        return None
    if unit is None and at(s, upos, "角毛") and (num.whole_span or len(num.core) > 1):
        fig.value, fig.kind, fig.unit, fig.end = fig.value / 10, "money", "元", upos + 1  # 三毛, 5角
        return fig
    if unit is None and " " in num.core and s[upos:upos + 1] == " " and s[upos:upos + 4].lstrip().startswith("折"):
        upos += len(s[upos:upos + 4]) - len(s[upos:upos + 4].lstrip())  # 陆 点 五 折: spaced like its numeral
    if unit is None and s[upos:upos + 1] == "折" and s[upos + 1:upos + 2] not in tuple("合算旧射叠腾扣"):
        fig.value = fig.value * 10 if fig.value < 10 else fig.value  # 八折, 七五折
        fig.kind, fig.unit, fig.end = "percent", "%", upos + 1  # a discount in percent, as 成 is
    elif unit is not None:
        if unit == "届" and s[num.start - 1:num.start] != "第" and _PLENUM_RE.match(s, uend):
            return None  # 二十届三中全会: a name
        if unit == "次" and s.startswith(_SESSION_MEETING, uend) and s[num.start - 1:num.start] != "第" \
                and _SESSION_TERM_BEFORE.search(s, max(0, num.start - 24), num.start):
            return None  # the 三次 of 十四届全国人大三次会议: a name
        apply_unit(num, fig, unit, uend)
        if unit == "分" and s.startswith("多钟", fig.end):
            fig.end, fig.unit, fig.kind, inner = fig.end + 2, "分钟", "duration", True  # 8分多钟: a little over 8 minutes
        elif s[fig.end:fig.end + 1] == "多" and (
                unit in ("块钱", "元") and s[fig.end + 1:fig.end + 2] not in ("万", "亿")
                or fig.kind == "duration" and s[fig.end + 1:fig.end + 2] in _AFTER_TRAILING_DUO):
            fig.end, inner = fig.end + 1, True  # 1块多, 3元多, 四年多来: a little over, as 3900多元
    else:
        fig.end = pos
    fig.approx = inner
    if s[num.start - 1:num.start] == "第" and s.startswith(INSTITUTION_AFTER, num.end):
        return None  # 第二人民医院, 第一中学
    if s.endswith("好几", 0, num.start) or (s.endswith("几", 0, num.start) and num.core in ("十", "百", "千")
                                           and not s.startswith(("万", "亿"), num.end)):
        return None  # 好几百元, 几十年: "(quite) a few dozen", no number (几十万元 stays a range)
    _attach_prefix(num, fig)
    if _tens_of(num, fig):
        return fig
    pct = _attach_percent_or_currency(num, fig)
    hedge = ends_with(s, fig.start, HEDGES_BEFORE)
    if hedge and not (hedge == "近" and s[fig.start - 2:fig.start - 1] in _NEAR_WORDS) \
            or s.startswith(HEDGES_AFTER, fig.end):
        fig.approx = True  # 约, 近, 超过 … 左右, 以上; but 最近 is "latest", 附近 "nearby"
    if inner and fig.kind in ("count", "money", "duration", "measure", "age"):
        fig.kind = "approx"  # 350余位, 3900多元, 一个多小时
    _quarter_or_year(num, fig)
    if fig.unit is None and fig.kind not in ("percent", "ordinal", "money", "date", "year"):
        return None if num.pair else _bare_number(num, fig)
    if _is_word(num, fig, half=half, pct=pct):
        return None
    if num.pair:  # 两三部 → 2 to 3 部
        fig.low, fig.high, fig.value = fig.value, fig.value * num.pair, math.nan
        fig.kind, fig.approx = "range", True
    return fig


def _attach_prefix(num: Numeral, fig: Figure) -> None:
    """Stage 5a: 零下 makes a measure negative, 第 an ordinal; 前 opens a "first N" period (前9个月)."""
    s, start = num.s, num.start
    if s[start - 2:start] == "零下" and fig.kind == "measure":
        fig.start, fig.value = start - 2, -fig.value  # 零下8摄氏度
    scale = ends_with(s, fig.start, _SCALES) if fig.unit == "度" else None
    if scale:  # 华氏温度100度: the scale is printed before the number
        fig.start, fig.unit = fig.start - len(scale), scale[:2] + "度"
    if s[start - 1:start] == "第" and fig.kind not in TEMPORAL_KINDS:
        fig.start -= 1
        fig.kind = "ordinal"
    elif s[start - 1:start] in ("前", "首") and (fig.kind == "duration" or fig.unit == "季") \
            and s[start - 2:start - 1] not in _PREV_NOT_FIRST_N and not _MOMENT_BEFORE.search(s, max(0, start - 3), start - 1):
        fig.start -= 1  # 前9个月, 首4個月, 首三季: the first N periods
        fig.kind = "duration"


def _quarter_or_year(num: Numeral, fig: Figure) -> None:
    """Stage 5d: 一季度, 第三季度, 第3季 are quarters (iso ``Q3``); ``2024赛季`` gives the year 2024."""
    s, start, value = num.s, num.start, fig.value
    first_n = fig.start < start and s[fig.start] in "前首"
    quarter = 1 <= value <= 4 and value == int(value) and not first_n and (
        fig.unit == "季度" and s[num.end:num.end + 1] != "个"
        or fig.unit == "季" and fig.kind == "ordinal" and s[fig.start - 1:fig.start] != "》"
        and not re.match(r"(?:节目|综艺|播|剧|片|赛)", s[fig.end:fig.end + 2]))
    if quarter:
        fig.kind, fig.iso, fig.unit, fig.value = "date", f"Q{int(value)}", None, math.nan
    elif fig.unit == "赛季" and re.fullmatch(r"(?:19|20)\d\d", num.text):
        fig.end, fig.unit, fig.kind, fig.iso, fig.value = num.end, None, "year", num.text, math.nan
        fig.date = (num.text, None, None)


def _tens_of(num: Numeral, fig: Figure) -> bool:
    """Stage 5b: 数十, 几百 (a range from the number to ten times it); True when the figure is read."""
    s, start = num.s, num.start
    if s[start - 1:start] in ("数", "几") and at(num.core, 0, "十百千") and fig.kind not in ("ordinal",):
        fig.start -= 1
        fig.low, fig.high, fig.value, fig.approx = fig.value, fig.value * 10, math.nan, True
        fig.kind = "range"
        return True
    return False


def _attach_percent_or_currency(num: Numeral, fig: Figure) -> str | None:
    """Stage 5c: 百分之/千分之/万分之 and currency signs before the number; returns the percent word if any."""
    s, start = num.s, num.start
    pct = ends_with(s, start, _PERCENT_WORDS)
    if pct:
        fig.start -= len(pct)
        fig.value = fig.value / (10 if pct.startswith("千") else 100 if pct.startswith("万") else 1)
        fig.kind, fig.unit = "percent", "%"
    if fig.unit is not None or not s.endswith(_CURRENCY_SIGNS, 0, start):
        return pct
    for sign, cur in CURRENCY_PREFIXES.items():
        if s[max(0, start - len(sign)):start] == sign:
            fig.start -= len(sign)
            fig.kind, fig.unit = "money", cur
            break
    return pct


def _bare_number(num: Numeral, fig: Figure) -> Figure | None:
    """Stage 6a: a number without a unit is a figure only when it is Arabic (not a code) or a big round numeral."""
    s, text = num.s, num.text
    bare_ok = num.whole_span or len(text) >= 3 and any(c in SMALL_UNITS or c in BIG_UNITS for c in text)
    if s[fig.end:fig.end + 1] in ("至", "到", "-", "~") and number_after(s, fig.end + 1):
        bare_ok = True  # 十八至三十万日元
    if not num.has_ar and not bare_ok:
        return None  # bare Chinese numerals in running text are names and words (遥二十, 七下八上)
    if num.has_ar and is_identifier(s, num.start, fig.end, text) or in_slogan(s, fig.start, fig.end):
        return None
    if s[fig.end:fig.end + 1].isascii() and s[fig.end:fig.end + 1].isalpha():
        return None  # 5G, 3D
    if re.fullmatch(r"(19|20)\d\d", text) and s[fig.end:fig.end + 1] not in ("", "%"):
        fig.kind, fig.iso, fig.value, fig.date = "year", text, math.nan, (text, None, None)
        return fig
    labelled = _row_label_kind(s, fig.start)
    if labelled is not None:
        fig.kind = labelled  # 收入（亿港元）　128.6　119.7: a table row's cells in the unit its label names
        return fig
    whole = fig.value == round(fig.value)
    fig.kind = "count" if whole and not _reading_context(s, fig.start) else "measure"  # 1.87亿 (a count), 0.1
    return fig


# a table row's label naming its cells' unit in brackets (folded text: 收入(亿港元) 128.6), then only cells
_ROW_LABEL = re.compile(r"\s*[^\s()]+\((?:百万|千万|[十百千万亿])?(?P<unit>[^()\s\d]{1,6})\)\s+")
_CELLS = re.compile(r"(?:[+\-−]?[\d.,]+%?\s+)*[+\-−]?")


def _row_label_kind(s: str, start: int) -> str | None:
    """The kind of the unit a table row's label names (money, a measure or a count) when the bare number at
    ``start`` is one of the row's cells, else None.

    Example:
        >>> _row_label_kind("收入(亿港元) 128.6 119.7", 14), _row_label_kind("里程(公里) 12 18", 7)
        ('money', 'measure')
        >>> _row_label_kind("收入128.6", 2) is None
        True
    """
    head = s[s.rfind("\n", 0, start) + 1:start]
    m = _ROW_LABEL.match(head)
    if m is None or not _CELLS.fullmatch(head, m.end()):
        return None
    kind = UNITS.get(m.group("unit"))
    return kind if kind in ("money", "measure", "count") else None


# a bare number in a sentence about one of these is a reading on its scale (BMI 28), not a count of things
_SENTENCE_SPLIT = re.compile(r"[。！？!?\n]")
_READING_WORDS = re.compile(r"BMI|体重指数|指数|PMI|AQI|pH|评分|分值|血压|血糖")


def _reading_context(s: str, start: int) -> bool:
    """Whether the sentence before ``start`` names an index or a scale, so a bare whole number there is a
    reading on it (``成年人BMI在18.5至23.9之间为正常，24至27.9为超重，28及以上为肥胖``).

    Example:
        >>> _reading_context("成年人BMI在18.5至23.9之间为正常，28及以上为肥胖", 22), _reading_context("共有28家", 2)
        (True, False)
    """
    sentence = _SENTENCE_SPLIT.split(s[max(0, start - 80):start])[-1]
    return bool(_READING_WORDS.search(sentence))


def _is_word(num: Numeral, fig: Figure, *, half: float, pct: str | None) -> bool:
    """Stage 6b: whether a numeral with a unit is part of a word (七十年代, 一家, 这一, 七八个, “五位一体”)."""
    s, start, text = num.s, num.start, num.text
    cn_only = not num.has_ar
    if fig.unit == "年" and at(s, fig.end, "代") or s.startswith("世纪", fig.end):
        return True  # 七十年代, 19世纪: periods of history, not quantities
    single_one = text.strip() in ("一", "壹", "幺")
    if cn_only and single_one and fig.kind in ("count", "duration", "age") and not num.whole_span and not half:
        span = fig.kind == "duration" and (at(s, fig.end, CLAUSE_END) or s.startswith(_SPAN_AFTER, fig.end))
        leads = ends_with(s, fig.start, _SPAN_LEADS) or fig.kind == "duration" and ends_with(s, fig.start,
                                                                                               _DURATION_LEADS)
        rooms = s[start - 1:start] in ("室", "厅") and fig.unit in ("厅", "卫")  # 两室一厅一卫: a flat's rooms
        if ends_with(s, fig.start, ("最后", "最近", "的", "有")) or not (
                span or fig.approx or leads or rooms or s[fig.end - 1:fig.end] == "半"):
            return True  # indefinite 一: 一个根本性的转变, 一家, 最后一天, 丰硕的一年; but 开业一年来, 前后一周，
    if cn_only and s[start - 1:start] in _INDEF_BEFORE and text.startswith("一") and not (
            pct or s[fig.start:fig.start + 1] == "第" or fig.kind == "approx"):
        return True  # 这一, 下一届, 统一; but 住上一个多月 (an inner 多 or 余 makes it a quantity)
    if cn_only and fig.unit == "段" and _BOARD_GAME.search(_SENTENCE_SPLIT.split(s[max(0, start - 80):start])[-1]
                                                          + _SENTENCE_SPLIT.split(s[start:start + 80])[0]):
        return True  # 九段, 初段至六段 of a board game: a player's rank, no quantity
    if cn_only and text.strip() == "二" and fig.unit == "次" and s[start - 1:start] != "第" and fig.kind != "ordinal":
        return True  # 二次供水, 二次创业: "secondary"; a count of times is 两次
    if cn_only and len(text) >= 2 and text[0] == text[1] and text[0] in "十百千万亿":
        return True  # 千千万万
    fig_text = s[fig.start:fig.end]
    if cn_only and (s.startswith(fig_text, fig.end) or s.endswith(fig_text, 0, fig.start)):
        return True  # 一微克一微克, 一步一步: a manner, not a quantity
    if cn_only and len(text) == 2 and all(c in DIGITS for c in text) and fig.kind != "percent" and not num.pair:
        return True  # 七八个: approximations, not digit sequences
    if fig.unit in ("分", "点", "环") and cn_only and not num.whole:
        return True
    return in_slogan(s, fig.start, fig.end)  # “五位一体”, “双11”: a name or slogan in quotes
