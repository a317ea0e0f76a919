"""The figure grammar: where a number starts and ends in running text, and what it is.

``scan_figures`` reads a width-folded copy of the text (offsets stay valid in the original): calendar dates and
clock times first, then special words (翻番, 一半, 3比1), fractions, then every numeral with its prefix
(``第``, ``前``, ``百分之``, currency signs, hedges), inner ``余``/``多``, magnitudes and unit, and finally
joins ranges (``15天至20天``, ``12月4日至5日``). Numerals inside names, identifiers and idioms (神舟二十号,
C909, 一体化, 七下八上) are skipped. ``figures`` turns the records into the public table.
"""

from __future__ import annotations

import math
import re

from newsanalysis.figures.context import (
    COLON_RE,
    PHONE_RE,
    SCORE_BEFORE,
    at,
    in_slogan,
    index_points,
    is_identifier,
    temperature_context,
)
from newsanalysis.figures.numerals import (
    BIG_UNITS,
    CURRENCY_PREFIXES,
    DATE_RE,
    DIGITS,
    HEDGES_AFTER,
    HEDGES_BEFORE,
    IDIOMS,
    NUMERAL_CHARS,
    SMALL_UNITS,
    TEMPORAL_KINDS,
    TIME_RE,
    UNITS,
    UNITS_LONGEST_FIRST,
    clock_iso,
    date_iso,
    date_parts,
    fold_text,
    parse_numeral,
)
from newsanalysis.figures.ranges import Figure, join_ranges
from newsanalysis.figures.words import CN_ONLY_UNITS, INSTITUTION_AFTER, LATIN_UNIT_SET

_CN = NUMERAL_CHARS
_CNDIG = "".join(DIGITS)
_AR = r"(?:\d+(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)(?:e[+-]?\d+(?![\w.]))?"
_PIECE = rf"(?:{_AR}|[{_CN}])"
_CORE = (rf"(?:负|-(?=\d))?{_PIECE}(?:(?:(?<=[{_CN}]) {{1,3}}(?=[{_CN}]))?(?:{_PIECE}|[点點](?=[\d{_CNDIG}])"
         rf"|[余多几幾](?=[万亿萬億]))|(?<=\d) {{1,3}}(?=[万亿萬億千百]))*")
CORE_RE = re.compile(rf"(?<![\d.])(?>{_CORE})")
FRACTION_RE = re.compile(rf"(?<![\d.])(?:(?P<whole>(?>{_CORE}))又)?(?P<den>(?>{_CORE})) ?分 ?之 ?(?P<num>(?>{_CORE}))")
SLASH_RE = re.compile(r"(?<![\d./])-?\d+(?:\.\d+)?/\d+(?:\.\d+)?(?![\d/])")

_INDEF_BEFORE = set("这那同每另下上统唯万之其某哪任单逐专划均整初新")
_PREV_NOT_FIRST_N = set("提之以目当空此眼面跟事向日")
_HOUR_PM = {"下午", "傍晚", "晚上", "晚间", "夜间", "今晚"}


SPECIAL_RE = re.compile(r"翻了?(?P<fan>[一两二三四五])?番|(?<![这那同每另下上统唯万之其某哪任单逐专])一半|(?<![上下前后大多小这那每])(?<![\d一二两三四五六七八九十]个)半(?P<half>小时|年|个月|天|岁|周)"
                        r"|(?<![\d.])(?P<a>\d{1,3})比(?P<b>\d{1,3})(?![\d.])")


def _match_unit(s: str, pos: int) -> tuple[str | None, int]:
    """The unit starting at ``pos`` (longest first) and where it ends; (None, pos) when there is none."""
    for unit in UNITS_LONGEST_FIRST:
        if s.startswith(unit, pos):
            nxt = s[pos + len(unit):pos + len(unit) + 1]
            if unit[-1].isascii() and unit[-1].isalpha() and nxt.isascii() and nxt.isalpha():
                continue  # 5G is not 5 of a unit, 8GB is
            return unit, pos + len(unit)
    return None, pos


def _ends_with(s: str, pos: int, words) -> str | None:
    for w in words:
        if s[max(0, pos - len(w)):pos] == w:
            return w
    return None


def _in_idiom(s: str, start: int, end: int) -> bool:
    for idiom in IDIOMS:
        i = s.find(idiom, max(0, start - len(idiom) + 1), end + len(idiom) - 1)
        if i != -1 and i < end and i + len(idiom) > start:
            if all(c in NUMERAL_CHARS for c in idiom) and (i, i + len(idiom)) != (start, end):
                continue  # 一万一千 is not 万一
            return True
    return False


def _number_fig(s: str, start: int, end: int, whole: bool) -> Figure | None:
    """Read the numeral at ``s[start:end]`` with its prefix, inner 余/多, unit and hedges; None to skip it."""
    core = s[start:end]
    prev = s[start - 1] if start else ""
    if core.startswith("-") and prev and (prev.isalnum() and prev.isascii() or prev in NUMERAL_CHARS + "%)）-—~"
                                          or any(s.endswith(u, 0, start) for u in UNITS_LONGEST_FIRST)):
        start, core = start + 1, core[1:]  # 1万-5万元: a connector, not a minus
    if all(c in "十百千万亿兆拾佰仟萬億" for c in core) and (len(_match_unit(s, start)[0] or "") > 1
                                                   or s.startswith("分之", start + len(core))
                                                   or whole and s.strip() == core and len(core) == 1):
        return None  # 兆瓦级, 千米, 百分点: a unit word, no number
    rest = s[end:].strip()
    whole_span = whole and not s[:start].strip() and (
        not rest or _match_unit(rest, 0)[0] is not None and _match_unit(rest, 0)[1] >= len(rest) - 1
        or len(rest) <= 6 and rest[0] in "角块元圆")
    if not whole_span and len(core) == 1 and core in "零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟" and not s.endswith("分之", 0, start) \
            and not (core == "零" and at(s, end, "度") and temperature_context(s, start)):
        return None  # 零部件, 登陆, 队伍: a character that only looks like a numeral
    if len(core) >= 2 and core[0] == core[1] and not core[0].isdigit() and not at(s, end, "折"):
        return None  # 两两, 千千万万, 一一对应
    for i in range(len(core) - 1, 0, -1):  # 50千瓦, 100万千瓦: the unit starts inside the numeral
        if core[i] not in "十百千万亿兆":
            break
        unit_here, _ = _match_unit(s, start + i)
        if unit_here and len(unit_here) > 1:
            end, core = start + i, core[:i]
            break
    value = parse_numeral(core)
    while value is None and len(core) > 1:  # 百分之七十百分位: keep the longest numeral that parses
        core = core[:-1]
        end -= 1
        value = parse_numeral(core)
    if value is None or not math.isfinite(value):
        return None
    has_ar = any(c.isdigit() and c.isascii() for c in core)
    if prev == " " and start > 1 and s[start - 2].isascii() and s[start - 2].isalpha() and has_ar:
        prev = s[start - 2]  # iPhone 16
    if has_ar and prev.isascii() and prev.isalpha() or (prev == "-" and start > 1 and s[start - 2].isascii()
                                              and s[start - 2].isalpha()):
        if not s.startswith("%", end):
            return None  # C909, COVID-19
    if s.startswith("号", end) and s[start - 1:start] == "第" and not s.startswith(("号线", "号楼"), end):
        return Figure(start - 1, end + 1, value=value, unit="号", kind="ordinal")  # 第5号台风
    if s.startswith("号", end) or _in_idiom(s, start, end) or (
            s.startswith("后", end) and re.fullmatch(r"[05-9]0", core)):  # 神舟二十号, 3号线, 90后
        return None  # 神舟二十号, 3号线, idioms
    if s[end:end + 1] in (".", "-") and s[end + 1:end + 2].isdigit() and (
            prev and prev in ".-" or "." in core or s[end] == "-" and "-" in s[end + 2:end + 8]):
        return None  # 192.168.1.1, 888-000-9999
    scale = 1.0
    for c in reversed(core.rstrip()):
        if c in BIG_UNITS:
            scale *= BIG_UNITS[c]
        else:
            break
    if scale == 1 and len(core.strip()) == 2 and core.strip()[-1] in SMALL_UNITS and core.strip()[0] in DIGITS:
        scale = -SMALL_UNITS[core.strip()[-1]]  # 三千 in 两到三千: the 千 applies to both ends
    fig = Figure(start, end, value=value, scale=scale)
    pos = end
    if has_ar and s[pos:pos + 1] == "k" and not (s[pos + 1:pos + 2].isascii() and s[pos + 1:pos + 2].isalpha()):
        fig.value *= 1000
        pos += 1
    inner = any(c in "余多几幾" for c in core)
    if s[pos:pos + 1] in ("余", "多") and _match_unit(s, pos + 1)[0]:
        inner, pos = True, pos + 1
    elif s[pos:pos + 1] in ("余", "多") and s[pos + 1:pos + 2] in BIG_UNITS:
        inner, pos = True, pos + 1
        while s[pos:pos + 1] in BIG_UNITS:
            fig.value *= BIG_UNITS[s[pos]]
            pos += 1
    upos = pos
    unit, uend = _match_unit(s, upos)
    if unit is None and s[pos:pos + 1] == " " and has_ar:
        upos = pos + 1
        unit, uend = _match_unit(s, upos)
        if unit is None or not ("\u4e00" <= unit[0] <= "\u9fff" or unit in LATIN_UNIT_SET):
            unit, uend, upos = None, pos, pos
    half = 0.0
    if unit in (None, "个") and s[upos:upos + 2] in ("个半", "个多", "个余"):  # 一个半小时, 一个多月
        unit, uend = _match_unit(s, upos + 2)
        if unit is None and s[upos + 2:upos + 3] == "月":
            unit, uend = "个月", upos + 3
        if unit is not None and UNITS.get(unit) == "duration":
            half, inner = (0.5, inner) if s[upos + 1] == "半" else (0.0, True)
            fig.value += half
        else:
            unit, uend = _match_unit(s, upos)
    if unit in CN_ONLY_UNITS and (has_ar or s.startswith(("方面", "方式", "方法", "方案", "方向", "方位", "方针"), upos)):
        unit, uend = None, upos  # 三方 but 300方; 三方面 is an aspect
    if unit in ("平", "负") and not re.search(r"[胜平]$", s[:start]):
        unit, uend = None, upos  # 7胜3平2负, but not 100平
    if unit == "点" and not (has_ar and index_points(s, start, core)):
        unit, uend = None, upos
    if unit == "度" and (not temperature_context(s, start) or core == "一" and s[start - 2:start] != "零下"):
        unit, uend = None, upos
    big = False
    if unit is None and s[upos:upos + 1] == "大" and not has_ar:
        unit, uend = _match_unit(s, upos + 1)
        big = unit is not None and UNITS.get(unit) == "count"
        if not big:
            unit, uend = None, upos
    if unit in (None, "块") and s[upos:upos + 1] == "块" and (
            s[upos + 1:upos + 2] in ("钱", "多", "") or at(s, upos + 1, "，,。；;、") or _number_after(s, upos + 1)):
        unit, uend = "块钱" if s.startswith("块钱", upos) else "块", upos + (2 if s.startswith("块钱", upos) else 1)
    if unit is None and at(s, upos, "角毛") and cn_or_whole(core, whole_span):
        fig.value, unit, uend = fig.value / 10, "元", upos + 1
        fig.kind, fig.unit, fig.end = "money", "元", uend
        return fig
    if unit is None and s[upos:upos + 1] == "折" and s[upos + 1:upos + 2] not in tuple("合算旧射叠腾扣"):
        fig.value = fig.value * 10 if fig.value < 10 else fig.value
        unit, uend, fig.kind = "%", upos + 1, "percent"
        fig.end = uend
    elif unit is not None:
        kind = UNITS.get(unit, "money")
        fig.kind = "ordinal" if unit == "届" else kind
        if unit == "届" and s[start - 1:start] != "第" and re.match(rf"[{_CN}\d]+(?:中全会|次会议)", s[uend:]):
            return None  # 二十届三中全会: a name
        if unit == "成":
            fig.value *= 10
            unit = "%"
        elif unit.startswith("个") and unit not in ("个", "个百分点"):
            unit = unit[1:]
        elif unit in ("元人民币", "元钱", "圆"):
            unit = "元"
        elif unit in ("块钱", "块"):
            unit = "元"
            fig.kind = kind = "money"
        fig.unit = unit
        fig.end = uend
        minutes = re.match(r"(\d{1,2})分(?:钟)?", s[uend:uend + 4]) if unit == "小时" else None
        if minutes and int(minutes.group(1)) < 60:  # 4小时18分
            fig.value += int(minutes.group(1)) / 60
            fig.end += minutes.end()
        if kind in ("duration", "measure") and s[uend:uend + 1] == "半":
            fig.value += 0.5
            fig.end += 1
        hundredths = re.match(r"\d{2}(?![\d.%])", s[uend:uend + 3]) if unit == "秒" and has_ar else None
        if hundredths and _match_unit(s, uend + 2)[0] is None:  # 9秒83
            fig.value += int(hundredths.group(0)) / 100
            fig.end += 2
        per = re.match(r"/(\d+(?:\.\d+)?)?", s[fig.end:]) if kind == "measure" else None
        per_unit = _match_unit(s, fig.end + per.end())[0] if per else None
        if per and per_unit and "/" not in unit:  # 156.8毫克/100毫升
            fig.unit = unit = f"{unit}/{s[fig.end + 1:fig.end + per.end()]}{per_unit}"
            fig.end += per.end() + len(per_unit)
        if kind == "money" and fig.unit == "元" and unit != "元人民币":
            fig.end, fig.value = _money_tail(s, fig.end, fig.value)
    else:
        fig.end = pos
    fig.approx = inner
    # -- what comes before: 第, 前, 百分之, currency signs, hedges
    text_core = s[start:end]
    if s[start - 1:start] == "第" and s.startswith(INSTITUTION_AFTER, end):
        return None  # 第二人民医院, 第一中学
    if s[start - 2:start] == "零下" and fig.kind == "measure":
        fig.start, fig.value = start - 2, -fig.value  # 零下8摄氏度
    if s[start - 1:start] == "第" and fig.kind not in TEMPORAL_KINDS:
        fig.start -= 1
        fig.kind = "ordinal"
    elif (s[start - 1:start] == "前" and fig.kind == "duration" and s[start - 2:start - 1] not in _PREV_NOT_FIRST_N):
        fig.start -= 1
    if s[start - 1:start] in ("数", "几") and at(core, 0, "十百千") and fig.kind not in ("ordinal",):
        fig.start -= 1
        fig.low, fig.high, fig.value, fig.approx = fig.value, fig.value * 10, math.nan, True
        fig.kind = "range"
        if unit in ("元", "块", "块钱") or fig.unit == "元":
            fig.unit = "元"
        return fig
    pct = _ends_with(s, start, ("百分之", "百 分 之", "百 分之", "百分 之", "千分之", "万分之"))
    if pct:
        fig.start -= len(pct)
        fig.value = fig.value / (10 if pct.startswith("千") else 100 if pct.startswith("万") else 1)
        fig.kind, fig.unit = "percent", "%"
    for sign, cur in CURRENCY_PREFIXES.items():
        if s[max(0, start - len(sign)):start] == sign and fig.unit is None:
            fig.start -= len(sign)
            fig.kind, fig.unit = "money", cur
            break
    if _ends_with(s, fig.start, HEDGES_BEFORE) or any(s.startswith(h, fig.end) for h in HEDGES_AFTER):
        fig.approx = True
    if inner and fig.kind == "count":
        fig.kind = "approx"
    # -- is it a figure at all?
    cn_only = not has_ar
    if fig.unit is None and fig.kind not in ("percent", "ordinal", "money"):
        bare_ok = whole_span or len(text_core) >= 3 and any(c in SMALL_UNITS or c in BIG_UNITS for c in text_core)
        if s[fig.end:fig.end + 1] in ("至", "到", "-", "~") and _number_after(s, fig.end + 1):
            bare_ok = True  # 十八至三十万日元
        if cn_only and not bare_ok:
            return None  # bare Chinese numerals in running text are names and words (遥二十, 七下八上)
        if has_ar and is_identifier(s, start, fig.end, text_core) or in_slogan(s, fig.start, fig.end):
            return None
        if s[fig.end:fig.end + 1].isascii() and s[fig.end:fig.end + 1].isalpha():
            return None  # 5G, 3D
        if re.fullmatch(r"(19|20)\d\d", text_core) and s[fig.end:fig.end + 1] not in ("", "%"):
            fig.kind, fig.iso, fig.value, fig.date = "year", text_core, math.nan, (text_core, None, None)
            return fig
        fig.kind = "measure" if "." in text_core or fig.value != int(fig.value) else "count"
        return fig
    if fig.unit == "年" and at(s, fig.end, "代") or s.startswith("世纪", fig.end):
        return None  # 七十年代, 19世纪: periods of history, not quantities
    single_one = text_core.strip() in ("一", "壹", "幺")
    if cn_only and single_one and fig.kind in ("count", "duration", "age") and not whole_span and not half:
        if fig.kind == "duration" and at(s, fig.end, "，,。；;、）)"):
            pass  # 前后一周，: a span of time closing a clause
        elif not (fig.approx or _ends_with(s, fig.start, ("长达", "为期", "历时", "用了", "仅", "只用"))
                or s[fig.end - 1:fig.end] == "半"):
            return None  # indefinite 一: 一个根本性的转变, 一家, 一年来
    if cn_only and s[start - 1:start] in _INDEF_BEFORE and text_core.startswith("一") and not (
            pct or s[fig.start:fig.start + 1] == "第"):
        return None  # 这一, 下一届, 统一
    if cn_only and len(text_core) >= 2 and text_core[0] == text_core[1] and text_core[0] in "十百千万亿":
        return None  # 千千万万
    if cn_only and len(text_core) == 2 and all(c in DIGITS for c in text_core) and fig.kind != "percent":
        return None  # 七八个: approximations, not digit sequences
    if fig.unit in ("分", "点", "环") and cn_only and not whole:
        return None
    if in_slogan(s, fig.start, fig.end):
        return None  # “五位一体”, “双11”: a name or slogan in quotes
    return fig


def cn_or_whole(core: str, whole_span: bool) -> bool:
    return whole_span or len(core) > 1


def _number_after(s: str, pos: int) -> bool:
    nxt = s[pos:pos + 1]
    return bool(nxt) and (nxt.isdigit() or nxt in NUMERAL_CHARS)


_MONEY_TAIL = re.compile(rf"(?:(?P<j>[\d{_CNDIG}])[角毛])?(?:(?P<f>[\d{_CNDIG}])分)?钱?(?P<z>[整正])?")


def _money_tail(s: str, pos: int, value: float) -> tuple[int, float]:
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


def _taken(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def scan_figures(text: str, *, whole: bool = False) -> list[Figure]:
    """All figures in ``text`` in order (internal records; ``extract_figures`` builds the table)."""
    s = fold_text(text)
    figs: list[Figure] = []
    spans: list[tuple[int, int]] = []

    def add(fig: Figure | None) -> None:
        if fig is not None and fig.kind != "skip" and fig.end > fig.start and not _taken(spans, fig.start, fig.end):
            figs.append(fig)
            spans.append((fig.start, fig.end))

    for m in PHONE_RE.finditer(s):
        spans.append(m.span())  # 0571-87654321: a phone number, not a range
    for m in COLON_RE.finditer(s):
        a, b = m.group("a"), m.group("b")
        if "." in a or "." in b or float(a) > 24 or len(b) != 2 or float(b) > 59 \
                or SCORE_BEFORE.search(s[max(0, m.start() - 4):m.start()]):
            add(Figure(m.start(), m.end(), value=float(a) / float(b) if float(b) else math.nan, kind="ratio"))
    for m in DATE_RE.finditer(s):
        parts = date_parts(m)
        if parts and parts[2] and not parts[0] and not parts[1] and (
                s.startswith(("内", "以内", "之内"), m.end()) and s.endswith(("之日起", "后"), 0, m.start())
                or s.startswith(("之内", "以内"), m.end())):  # 之日起十五日内: fifteen days, not the 15th
            add(Figure(m.start(), m.end(), value=float(parts[2]), unit="日", kind="duration"))
            continue
        if parts is not None and not _in_idiom(s, m.start(), m.end()):
            unit = "年" if parts[0] and not parts[1] else None
            kind = "year" if parts[0] and not parts[1] and not parts[2] else "date"  # 2024年, 2000年底 | 4月, 6日
            add(Figure(m.start(), m.end(), kind=kind, unit=unit, iso=date_iso(parts), date=parts))
    for m in TIME_RE.finditer(s):
        iso = clock_iso(m, after_date=any(f.end == m.start() and f.date for f in figs))
        fig = Figure(m.start(), m.end(), kind="time", iso=iso) if iso else None
        if fig is not None and not _taken(spans, fig.start, fig.end):
            before = [f for f in figs if f.end == fig.start and f.date]
            if before:  # 1987年1月11日八点: one date-time
                d = before[0]
                d.end, d.iso, d.unit, d.kind = fig.end, d.iso + fig.iso, None, "date"
                spans.append((fig.start, fig.end))
            else:
                add(fig)
    for m in SPECIAL_RE.finditer(s):
        if m.group(0).startswith("翻"):
            n = parse_numeral(m.group("fan") or "一") or 1
            add(Figure(m.start(), m.end(), value=2.0 ** n, kind="multiple"))
        elif m.group("a"):
            add(Figure(m.start(), m.end(), value=int(m.group("a")) / max(1, int(m.group("b"))), kind="ratio"))
        elif m.group("half"):
            unit = m.group("half").lstrip("个")
            add(Figure(m.start(), m.end(), value=0.5, unit=unit, kind="duration"))
        else:
            add(Figure(m.start(), m.end(), value=0.5, kind="fraction"))  # 一半
    for m in FRACTION_RE.finditer(s):
        den, num = m.group("den"), m.group("num")
        d, n = parse_numeral(den), parse_numeral(num)
        if d is None or n is None or d == 0 or _taken(spans, m.start(), m.end()):
            continue
        if den.strip() in ("百", "千", "万", "佰", "仟"):
            fig = _number_fig(s, m.start("num"), m.end("num"), whole)
            if fig is not None:
                add(fig)
            continue
        whole_part = parse_numeral(m.group("whole")) if m.group("whole") else 0.0
        add(Figure(m.start(), m.end(), value=(whole_part or 0.0) + n / d, kind="fraction"))  # 三分之一
    for m in SLASH_RE.finditer(s):
        a, b = m.group(0).split("/")
        if float(b) != 0:
            add(Figure(m.start(), m.end(), value=float(a) / float(b), kind="fraction"))  # 1/100
    for m in CORE_RE.finditer(s):
        if not _taken(spans, m.start(), m.end()):
            add(_number_fig(s, m.start(), m.end() - (len(m.group(0)) - len(m.group(0).rstrip())), whole))
    figs.sort(key=lambda f: f.start)
    return join_ranges(s, figs)
