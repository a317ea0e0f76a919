"""The unit after a numeral: its 万/亿 scale and inner 余/多, the unit word (longest first, checked against its
context) and what continues it (``4小时18分``, ``3年半``, ``9秒83``, ``156.8毫克/100毫升``, ``5元5角``).

``with_magnitude`` starts the :class:`Figure`; ``find_unit`` finds the unit word and drops one the context rules out
(三方面, 100平, 一度, 十一晚会, 二级标准); ``apply_unit`` sets kind and printed unit (成 → %, 个月 → 月, 块 → 元,
风力17级 is a measure) and reads the compound tail.
"""

from __future__ import annotations

import re

from newsanalysis.figures.context import (
    CLAUSE_END,
    at,
    index_points,
    temperature_context,
)
from newsanalysis.figures.numerals import (
    BIG_UNITS,
    DIGITS,
    SMALL_UNITS,
    UNITS,
    parse_numeral,
)
from newsanalysis.figures.ranges import Figure
from newsanalysis.figures.reading import Numeral, match_unit
from newsanalysis.figures.tagging import tags
from newsanalysis.figures.words import AFTER_GAMES, AR_ONLY_UNITS, CN_ONLY_UNITS, LATIN_UNIT_SET, FigureKind

_CNDIG = "".join(DIGITS)
_APPROX_MARKS = frozenset("余多几幾")
_PLACE_VALUES = frozenset(SMALL_UNITS) | frozenset(BIG_UNITS)
# what is counted in halves too: 2桶半, 一瓶半, 两碗半 (never people, nor 个, whose 个半 is read with the next unit)
_HALF_COUNTS = frozenset("桶瓶碗杯袋包盒箱罐壶盆勺页张")
_HALF_WORDS = ("半决赛", "半程", "半场", "半径", "半岛", "半导体", "半月", "半年", "半天", "半小时", "半个", "半数",
               "半价", "半山", "半身", "半成", "半封闭", "半自动", "半夜", "半空", "半透明", "半职", "半日")
_GRADE_AFTER = ("标准", "能效", "响应", "预警", "应急", "保护", "文物", "医院", "甲等", "乙等", "资质", "职称",
                "运动员", "教授", "裁判", "风险", "果", "品")  # 二级果, 一级品: a produce grade
_WIND = re.compile(r"风力|阵风|风速|风|震级|地震|强震|余震")
_WIND_AFTER = ("大风", "阵风", "风", "地震", "强震", "以上大风")
_EVENING_WORDS = "会上间饭餐报年期班霞辈点安场宴"
_CORP_BEFORE = set("铁建交冶核")  # 中铁12局, 中建8局: a company, not 12 games
_ASPECT = ("方面", "方式", "方法", "方案", "方向", "方位", "方针")
_PER = re.compile(r"/(\d+(?:\.\d+)?)?")
_MONEY_TAIL = re.compile(rf"(?:(?P<j>[\d{_CNDIG}])[角毛])?(?:(?P<f>[\d{_CNDIG}])分)?钱?(?P<z>[整正])?")


def with_magnitude(num: Numeral) -> tuple[Figure, int, bool]:
    """Stage 3: the figure with its 万/亿 scale and ``k``; where the unit may start; whether 余/多 is inside."""
    s, core = num.s, num.core
    scale = 1.0
    for c in reversed(core.rstrip()):
        if c in BIG_UNITS:
            scale *= BIG_UNITS[c]
        else:
            break
    bare = core.strip() if scale == 1 else ""
    if len(bare) == 2 and bare[-1] in SMALL_UNITS and bare[0] in DIGITS:
        scale = -SMALL_UNITS[bare[-1]]  # 三千 in 两到三千: the 千 applies to both ends
    fig = Figure(num.start, num.end, value=num.value, scale=scale)
    pos = num.end
    if num.has_ar and s[pos:pos + 1] == "k" and not (s[pos + 1:pos + 2].isascii() and s[pos + 1:pos + 2].isalpha()):
        fig.value *= 1000
        pos += 1
    inner = not _APPROX_MARKS.isdisjoint(core)
    if s[pos:pos + 1] in ("余", "多") and match_unit(s, pos + 1)[0]:
        inner, pos = True, pos + 1
    elif s[pos:pos + 1] in ("余", "多") and s[pos + 1:pos + 2] in BIG_UNITS:
        inner, pos = True, pos + 1
        while s[pos:pos + 1] in BIG_UNITS:
            fig.value *= BIG_UNITS[s[pos]]
            pos += 1
    return fig, pos, inner


def find_unit(num: Numeral, fig: Figure, pos: int, inner: bool
              ) -> tuple[str | None, int, int, float, bool, tuple[str | None, int] | None]:
    """Stage 4a: (unit, where it starts, where it ends, an added half, inner 余/多, the unit and its end if the
    one-character measure word found opens a longer noun, else None) for the word after ``pos``."""
    s = num.s
    upos = pos
    unit, uend = match_unit(s, upos)
    if unit is None and s[pos:pos + 1] == " " and num.has_ar:
        upos = pos + 1
        unit, uend = match_unit(s, upos)
        if unit is None or not ("\u4e00" <= unit[0] <= "\u9fff" or unit in LATIN_UNIT_SET):
            unit, uend, upos = None, pos, pos
    half = 0.0
    if unit in (None, "个") and s[upos:upos + 2] in ("个半", "个多", "个余"):  # 一个半小时, 一个多月
        unit, uend = match_unit(s, upos + 2)
        if unit is None and s[upos + 2:upos + 3] == "月":
            unit, uend = "个月", upos + 3
        if unit is not None and UNITS.get(unit) == "duration":
            half, inner = (0.5, inner) if s[upos + 1] == "半" else (0.0, True)
            fig.value += half
        else:
            unit, uend = match_unit(s, upos)
    if unit == "个" and UNITS.get(match_unit(s, uend)[0] or "") == "money":
        unit, uend = match_unit(s, uend)  # 20个比特币
    if unit is None and s[upos:upos + 1] == "日" and ("." in num.core or num.value > 31):
        unit, uend = "日", upos + 1  # 平均逗留1.2日, 期限为60日: days, not a day of the month
    unit, uend = _check_unit(num, unit, upos, uend)
    uncounted = None
    if unit is not None and len(unit) == 1 and UNITS.get(unit) == "count" and not num.has_ar and not inner \
            and not _place_valued(num.core):
        uncounted = _block_unit(num, None, upos, upos)  # if 三大股指, 高三班主任: the measure word opens a noun
    unit, uend = _block_unit(num, unit, upos, uend)
    return unit, upos, uend, half, inner, uncounted


def _place_valued(core: str) -> bool:
    """Whether a Chinese numeral is written with a place value (两万, 三千, 二十) and so reads as a quantity as
    surely as digits do: its measure word counts whatever word the tokenizer starts there (两万多杯水, 三百杯茶).

    Example:
        >>> _place_valued("两万"), _place_valued("十四"), _place_valued("三"), _place_valued("百")
        (True, True, False, False)
    """
    core = core.strip()
    return len(core) > 1 and not _PLACE_VALUES.isdisjoint(core)


# measure words that also open other words: 发 (rounds) before 布 is 发布, 注 (bets) before 意 is 注意, 环 (rings)
# before 保 is 环保
_WORD_OPENINGS = {"发": tuple("发" + c for c in "布生现展放出起行挥表明动言送电力酵货文改射"),
                  "注": tuple("注" + c for c in "意册重入明射销资水视定释解"),
                  "环": tuple("环" + c for c in "保境节比线路卫岛湖球")}


_LOSSES_AFTER = re.compile(r"[0-9一二三四五六七八九十]+负")
# what follows a project's phase (二期工程, 三期正式开工); 三期培训班 counts classes
_PHASE_AFTER = ("工程", "项目", "正式", "开园", "建成", "开工", "竣工", "完工", "投用", "投运", "投产", "扩建", "改造",
                "建设", "工地", "用地", "规划", "开通", "启用")
# 里 is a length (the Chinese mile) before a word of distance or after a verb of going (足足七八里路, 走了三千里)
_LI_AFTER = ("路", "地", "远", "外", "长", "宽", "之遥", "山路", "水路")
_LI_BEFORE = re.compile(r"(?:走|跑|行|骑|飞|奔|赶|爬|蹚|徒步|步行|绵延|延绵|方圆|相距|距离|相隔|跋涉|奔袭)了?"
                        r"(?:足足|整整|近|约|大约|足有|将近|上|好)?$")


def _check_unit(num: Numeral, unit: str | None, upos: int, uend: int) -> tuple[str | None, int]:
    """Stage 4b: drop a unit the context rules out (三方面, 100平, 20点, 一度) and find 两大类."""
    s, start, core = num.s, num.start, num.core
    if unit in CN_ONLY_UNITS and (num.has_ar or s.startswith(_ASPECT, upos)) and not (
            unit == "局" and num.has_ar and s[start - 1:start] not in _CORP_BEFORE):
        unit, uend = None, upos  # 三方 but 300方; 三方面 is an aspect; 7局 (games) but 中铁12局
    if unit == "和" and not (s[start - 1:start] == "胜" or _LOSSES_AFTER.match(s, uend)):
        unit, uend = None, upos  # 12勝3和2負 (Cantonese 和, draws), but 3和4 is "3 and 4"
    if unit in AR_ONLY_UNITS and not num.has_ar and s[start - 1:start] != "第" or unit == "战" and not (
            uend >= len(s) or s[uend] in AFTER_GAMES):
        unit, uend = None, upos  # 235手, 第58手, 1目半, 3战全胜, but 二手车, 一目了然, 二战, 歼-20战机
    if unit == "位数" and s.startswith("学", uend):
        unit, uend = "位", upos + 1  # 三位数学家
    if unit == "晚" and (at(s, uend, _EVENING_WORDS) or not num.has_ar and core in ("一", "十一")):
        unit, uend = None, upos  # 3.2晚 (nights), but 十一晚会, 一晚上
    if unit == "两" and not (core[-1:] in SMALL_UNITS or core[-1:] in BIG_UNITS) and not (
            num.has_ar and "\u4e00" <= s[uend:uend + 1] <= "\u9fff" and not match_unit(s, uend)[0]
            and s[uend:uend + 1] not in "一二三四五六七八九十百千万"):
        unit, uend = None, upos  # 三十两, 3两白酒 (liang), but not 三两天
    if unit in ("个交易日", "个工作日") and s[start - 1:start] == "第":
        unit, uend = "个", upos + 1  # 第10个交易日: the ordinal counts 个, the day is what it qualifies
    if unit in _WORD_OPENINGS and s.startswith(_WORD_OPENINGS[unit], upos):
        unit, uend = None, upos  # 900发 (rounds), 5注 (bets), 10环, but 10日发布, 2注意, 12369环保: another word
    if unit == "单" and s.startswith("元", uend):
        unit, uend = None, upos  # 3单元: a staircase number
    if unit == "级" and s.startswith(_GRADE_AFTER, uend):
        return "skip", uend  # 二级标准, 一级响应: a grade's name
    if unit in ("平", "负") and not re.search(r"[胜平和]$", s[max(0, start - 2):start]):
        unit, uend = None, upos  # 7胜3平2负, 12勝3和2負, but not 100平
    if unit == "点" and not (num.has_ar and index_points(s, start, core, num.value)):
        unit, uend = None, upos
    if unit == "度" and (not temperature_context(s, start) or core == "一" and s[start - 2:start] != "零下"):
        unit, uend = None, upos
    if unit == "里" and not (s.startswith(_LI_AFTER, uend) or _LI_BEFORE.search(s, max(0, start - 6), start)):
        unit, uend = None, upos  # 七八里路, 走了三千里: the Chinese mile; but 三里屯, 二里头 and 一个月里 are none
    if unit == "期" and not num.has_ar and len(core.strip()) == 1 and s[start - 1:start] != "第" \
            and s.startswith(_PHASE_AFTER, uend):
        return "skip", uend  # 公园二期正式开园, 二期工程: a project's phase, named by its number
    if unit == "下" and not (s[start - 1:start] == "了" and core.strip() != "一"):
        unit, uend = None, upos  # 晃了两三下, 敲了三下: strokes; but 看了一下, 三下乡
    if unit is None and s[upos:upos + 1] == "大" and s[start - 1:start] != "第" and (
            not num.has_ar or s.startswith("类", upos + 1)):
        unit, uend = match_unit(s, upos + 1)  # 两大类, 27大类 (after digits only 类: 20大城市 names no 城)
        if not (unit is not None and UNITS.get(unit) == "count"):
            unit, uend = None, upos
    return unit, uend


# 3块5, 三块五毛: one digit of jiao after 块 makes it money; a longer number after it is the next measure
# (一块5500毫安时的电池, 一块6.7英寸的屏: 块 counts batteries and screens), and 一块一块 is 'block by block'
_JIAO_AFTER = re.compile(r"[0-9０-９一二两三四五六七八九](?![0-9０-９.．万千百亿块])")


def _block_unit(num: Numeral, unit: str | None, upos: int, uend: int) -> tuple[str | None, int]:
    """Stage 4b, last: 3块, 3块钱 (yuan, the unit ``块钱`` whether or not 钱 is printed) where no other unit was
    found; before a noun 块 counts pieces (5块试验田, 3块蛋糕)."""
    s = num.s
    if unit in (None, "块") and s[upos:upos + 1] == "块" and (
            s[upos + 1:upos + 2] in ("钱", "多", "") or at(s, upos + 1, "，,。；;、") or _JIAO_AFTER.match(s, upos + 1)):
        unit, uend = "块钱", upos + (2 if s.startswith("块钱", upos) else 1)
    return unit, uend


def compound_after(s: str, start: int, upos: int, uend: int) -> bool:
    """Whether the tokenizer reads the one-character measure word ``s[upos:uend]`` after a Chinese numeral as
    the start of a longer noun (股指 in 三大股指, 班主任 in 高三班主任), so it counts nothing.

    Example:
        >>> compound_after("美国股市三大股指当天大幅收跌", 4, 6, 7), compound_after("两所学校", 0, 1, 2)
        (True, False)
        >>> compound_after("川渝两省市签署协议", 2, 3, 4)
        False
    """
    a = max(0, start - 2)
    for _, tag, x, y in tags(s[a:uend + 4]):
        if x + a <= upos < y + a:
            word = s[x + a:y + a]
            # 两省市: a noun made of measure words only still counts (two provinces and cities)
            return x + a == upos and y + a > uend and tag.startswith("n") and not tag.startswith("nr") \
                and not all(UNITS.get(c) == "count" for c in word)
    return False


def apply_unit(num: Numeral, fig: Figure, unit: str, uend: int) -> None:
    """Stage 4c: set kind and printed unit (成 → %, 个月 → 月, 块 → 元) and read the unit's compound tail."""
    kind: FigureKind = UNITS.get(unit) or ("duration" if unit == "日" else "money")
    fig.kind = "ordinal" if unit == "楼" else kind  # 6楼: the sixth floor
    if unit == "级" and (_WIND.search(num.s[max(0, num.start - 6):num.start]) or num.s.startswith(_WIND_AFTER, uend)):
        fig.kind = kind = "measure"  # 风力17级, 7级地震: a scale reading
    if unit == "成":
        fig.value *= 10
        unit = "%"
    elif unit.startswith("个") and unit not in ("个", "个百分点", "个基点"):  # 25个基点 keeps 个, like 个百分点
        unit = unit[1:]
    elif unit in ("元人民币", "元钱", "圆"):
        unit = "元"
    elif unit == "美圆":
        unit = "美元"
    elif unit == "件(套)":
        unit = "件（套）"  # 214件（套）文物: pieces or sets, as museums count them
    elif unit == "块钱":
        unit = "元"
        fig.kind = kind = "money"
    fig.unit = unit
    fig.end = uend
    _unit_tail(num, fig, kind, uend)
    jiao = _JIAO_AFTER.match(num.s, fig.end) if num.s[fig.end - 1:fig.end] == "块" else None
    if jiao and match_unit(num.s, jiao.end())[0] is None:  # 3块5, 三块五: 3.5 yuan, the 毛 left unsaid
        fig.value = round(fig.value + (parse_numeral(jiao.group(0)) or 0) / 10, 6)
        fig.end = jiao.end()


_PER_TIME = re.compile(r"每(?:秒钟?|分钟|小时|天|日)")


def _unit_tail(num: Numeral, fig: Figure, kind: FigureKind, uend: int) -> None:
    """Stage 4d: what continues a unit: 4小时18分, 3年半, 9秒83, 156.8毫克/100毫升, 5元5角."""
    s, unit = num.s, fig.unit or ""
    minutes = re.match(r"(\d{1,2})分(?:钟)?", s[uend:uend + 4]) if unit == "小时" else None
    if minutes and int(minutes.group(1)) < 60:  # 4小时18分
        fig.value += int(minutes.group(1)) / 60
        fig.end += minutes.end()
    if (kind in ("duration", "measure", "age") or kind == "count" and unit in _HALF_COUNTS) \
            and s[uend:uend + 1] == "半" and not s.startswith(_HALF_WORDS, uend):
        fig.value += 0.5  # 3年半, 4岁半, 两斤半, 2桶半; not 400米半决赛
        fig.end += 1
    if kind == "duration" and unit in ("天", "周", "月", "星期") and s[fig.end:fig.end + 1] == "大" and (
            s[fig.end + 1:fig.end + 2] in ("的", "了", "") or at(s, fig.end + 1, CLAUSE_END)):
        fig.kind = "age"  # 三周大的婴儿
        fig.end += 1
    hundredths = re.match(r"\d{2}(?![\d.%])", s[uend:uend + 3]) if unit == "秒" and num.has_ar else None
    if hundredths and match_unit(s, uend + 2)[0] is None:  # 9秒83
        fig.value += int(hundredths.group(0)) / 100
        fig.end += 2
    per = _PER.match(s, fig.end) if kind == "measure" else None  # matched in place: no copy of the rest
    per_unit = match_unit(s, per.end())[0] if per else None
    if per and per_unit and "/" not in unit:  # 156.8毫克/100毫升
        fig.unit = f"{unit}/{s[fig.end + 1:per.end()]}{per_unit}"
        fig.end = per.end() + len(per_unit)
    rate = _PER_TIME.match(s, fig.end) if kind == "measure" and "/" not in (fig.unit or "") else None
    if rate:  # 6850立方米每秒, 20毫米每小时: a rate spelled out is one unit
        fig.unit = f"{fig.unit}{rate.group(0)}"
        fig.end = rate.end()
    if kind == "money" and fig.unit == "元":
        fig.end, fig.value = _money_tail(s, fig.end, fig.value)


def _money_tail(s: str, pos: int, value: float) -> tuple[int, float]:
    """The 角/分 after an amount in 元 (``5元5角3分``): where it ends and the amount with it."""
    m = _MONEY_TAIL.match(s, pos)
    if not m or m.end() == pos:
        return pos, value
    if m.group("j"):
        value += (parse_numeral(m.group("j")) or 0) / 10
    if m.group("f") and (m.group("j") or not s.startswith("钟", m.end())):
        value += (parse_numeral(m.group("f")) or 0) / 100
    elif m.group("f"):
        return pos, value
    return m.end(), round(value, 6)
