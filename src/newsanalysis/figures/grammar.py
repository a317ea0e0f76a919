"""The figure grammar: where a number starts and ends in running text, and what it is.

``scan_figures`` reads a copy of the text folded to half-width and Simplified script (offsets stay valid in the
original). Phone numbers and the insides of 《titles》 are set aside first; then come scores (``sports``), clock
ratios, calendar dates and clock times (a date and the time after it are two figures, ``5日上午9时`` → ``5日``,
``9时``), race times and relays, special words (翻番, 一半, 3比1, 打对折), fractions and powers, and finally every
numeral with its prefix, unit and hedges (``number.read_number``). Neighbours are joined into ranges
(``15天至20天``, ``1万元以上3万元以下``), ROC years are read on Traditional pages (``113年`` → 2024) and units are
given back in the printed script (``個百分點``). Numerals inside names, identifiers and idioms (神舟二十号, C909,
一体化, 七下八上, 《流浪地球2》) are skipped. Every pattern matches a bounded stretch, so the scan is linear.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from newsanalysis.figures.context import COLON_RE, PHONE_RE, SCORE_BEFORE
from newsanalysis.figures.number import read_number
from newsanalysis.figures.numerals import (
    DATE_RE,
    DIGITS,
    HEDGES_BEFORE,
    NUMERAL_CHARS,
    PERIODS_OF_DAY,
    TIME_RE,
    UNITS,
    clock_iso,
    date_iso,
    date_parts,
    fold_text,
    parse_numeral,
)
from newsanalysis.figures.ranges import Figure, join_ranges
from newsanalysis.figures.reading import in_idiom, match_unit
from newsanalysis.figures.sports import scan_race_times, scan_relays, scan_scores
from newsanalysis.parse.lines import NAMES_ROW_RE

__all__ = ["CORE_RE", "HEDGES_BEFORE", "Figure", "scan_figures"]

_CN = NUMERAL_CHARS
_CNDIG = "".join(DIGITS)
_AR = r"(?:\d+(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)(?:e[+-]?\d+(?![\w.]))?"
_PIECE = rf"(?:{_AR}|[{_CN}])"
# a sign: 负, a minus before digits, or a plus opening a field (较去年　+6; not the plus of 5+3)
_CORE = (rf"(?:负|-(?=\d)|(?<![\w)）%])\+(?=\d))?{_PIECE}(?:(?:(?<=[{_CN}]) {{1,3}}(?=[{_CN}点點余几幾]))?(?:{_PIECE}"
         rf"|[点點] {{0,3}}(?=[\d{_CNDIG}])|[余多几幾] {{0,3}}(?=[万亿萬億]))|(?<=\d) {{1,3}}(?=[万亿萬億千百]))*")
CORE_RE = re.compile(rf"(?<![\d.])(?>{_CORE})")
# where a match of the long patterns can start: they are tried only there (a paragraph has few numerals), which
# finds the same matches as a scan of every position because none of them can match the empty string
_CORE_STARTS = re.compile(rf"[负\-+\d{_CN}]")
# a date starts at a numeral that reaches 年, 月, 日 or the separator of 2024-05-06 within its first five characters
_DATE_STARTS = re.compile(r"[\d〇零一二三四五六七八九十](?=[\d〇零一二三四五六七八九十]{0,3}[年月日/.\-])")
_TIME_STARTS = re.compile("[" + "".join(sorted({p[0] for p in PERIODS_OF_DAY})) + r"\d一二两三四五六七八九十]")


def _matches(pattern: re.Pattern, starts: re.Pattern, s: str) -> Iterator[re.Match]:
    """``pattern.finditer(s)``, tried only at the positions ``starts`` finds (a match never starts elsewhere)."""
    search, match = starts.search, pattern.match
    at = search(s)
    while at is not None:
        pos = at.start()
        m = match(s, pos)
        if m is None:
            at = search(s, pos + 1)
        else:
            yield m
            at = search(s, m.end() if m.end() > pos else pos + 1)  # the next start past the match


_FIGURE_CHAR = re.compile(rf"[\d{_CN}半番折]")
_IN_NUMERAL = _CN + "点點余多几幾"  # a fraction never starts inside a numeral (and so is read once per numeral)
FRACTION_RE = re.compile(rf"(?<![\d.{_IN_NUMERAL}])(?<![{_IN_NUMERAL}] )(?<![{_IN_NUMERAL}]  )(?<![{_IN_NUMERAL}]   )"
                         rf"(?:(?P<whole>(?>{_CORE}))又)?(?P<den>(?>{_CORE})) {{0,3}}分 {{0,3}}之 {{0,3}}"
                         rf"(?P<num>(?>{_CORE}))")
# scientific notation as a lab report prints it, with its unit: 2.6×10⁵CFU/g, 1.5x10^3 MPN/100mL
SCIENTIFIC_RE = re.compile(r"(?<![\d.])(?P<m>\d{1,3}(?:\.\d{1,4})?)\s*[×xX]\s*10(?:\^(?P<e>[+-]?\d{1,2})|(?P<sup>[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))"
                           r"(?P<unit>\s*(?:CFU|cfu|MPN|PFU|copies|个|拷贝)(?:/(?:100\s?mL|100\s?ml|mL|ml|g|L|m³|毫升|克|升))?)?")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")
POWER_RE = re.compile(r"(?<![\d.^])(?P<b>\d{1,6}(?:\.\d{1,6})?)\^(?P<e>[+-]?\d{1,3})(?![\d.^])")
SLASH_RE = re.compile(r"(?<![\d./])-?\d+(?:\.\d+)?/\d+(?:\.\d+)?(?![\d/])")

SPECIAL_RE = re.compile(r"翻了?(?P<fan>[一两二三四五])?番|(?<![这那同每另下上统唯万之其某哪任单逐专])一半|(?<![上下前后大多小这那每])(?<![\d一二两三四五六七八九十]个)半(?P<half>小时|年|个月|天(?![没不才都也])|岁|周)"
                        r"|(?<![\d.])(?P<a>\d{1,3})比(?P<b>\d{1,3})(?![\d.])|打(?P<dz>对折)")
_PREV_NOT_FIRST_N = set("提之以目当空此眼面跟事向日")
# A numeral of more digits (or a longer run of numeral characters) is a code or noise: it is reported as text
# with a note, not read (reading it would cost work growing with its length, and Python's float ends at 1e308)
MOST_DIGITS = 30
_LONGEST_NUMERAL = 40
_DIGIT_RE = re.compile(rf"[\d{_CNDIG}]")
_SEVEN_DIGITS = re.compile(r"\d{7}")  # every phone number but a 400 line holds seven digits in a row


def unread(start: int, end: int, digits: int) -> Figure:
    """The figure of a number too long to read: its text only, with the reason in ``note``."""
    return Figure(start, end, kind="unread", note=f"not read: {digits} digits (more than {MOST_DIGITS})")


_TITLE_MARK = re.compile("[《〈》〉\n]")
_TITLE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d年(?:度)?")


_DOCUMENT_ENDS = ("公报", "简报", "报告", "规划", "纲要", "条例", "办法", "规定", "意见", "通知", "方案", "决定", "白皮书",
                  "蓝皮书", "年鉴", "统计", "目录", "清单", "指南", "计划", "标准", "细则", "预案", "名单", "公告")


def _title_spans(s: str) -> list[tuple[int, int]]:
    """The insides of titles in 《》 or 〈〉 (at most 40 characters each: 《1984》, 《流浪地球2》, 《第二十条》),
    without a year written with 年 (《2024年全国教育事业发展统计公报》: the year of a document is a date)."""
    out, opened = [], -1
    if "《" not in s and "〈" not in s:
        return out
    for mark in _TITLE_MARK.finditer(s):
        i, c = mark.start(), mark.group()
        if c in "《〈":
            opened = i
        elif c in "》〉" and opened != -1:
            if i - opened <= 41:
                a = opened + 1
                # a document's year is a date (《2024年国民经济和社会发展统计公报》), a work's is part of its name
                # (《1987年的夏天》)
                for m in _TITLE_YEAR.finditer(s, a, i) if s.endswith(_DOCUMENT_ENDS, a, i) else ():
                    out.append((a, m.start()))
                    a = m.end()
                out.append((a, i))
            opened = -1
        elif c == "\n":
            opened = -1
    return out


def _is_traditional(text: str, s: str) -> bool:
    """Whether ``text`` is printed in Traditional script (its folded copy ``s`` differs in Han characters)."""
    changed = 0
    for a, b in zip(text, s):
        if a != b and "\u4e00" <= a <= "\u9fff":
            changed += 1
            if changed >= 2:
                return True
    return False


# before a bare N日: words that make it a number of days (经过30日即视为送达, 期满7日), not the 30th
# 内 that opens a word after a day of the month: 15日内蒙古发布, 3日内部会议 (else N日内 is "within N days")
_NOT_WITHIN = re.compile("内[蒙部容地外陆需江涵核侧科务]")
_DAYS_SPAN_BEFORE = re.compile(r"(?:经过|历时|为期|长达|连续|届满|满|缩短为|缩短至|缩短到|过去|未来)$")


_ROC_AFTER = re.compile(r"(?:度|第|[01]?\d月|[一二三四五六七八九十]{1,2}月|底|初|上半年|下半年|起)")


def _roc_years(s: str, figs: list[Figure]) -> None:
    """On a Traditional page ``113年第4季`` and ``115年度`` are years of the Republic of China (2024, 2026)."""
    for fig in figs:
        roc = s[fig.start - 2:fig.start] == "民国" or _ROC_AFTER.match(s, fig.end)
        if fig.kind == "duration" and fig.unit == "年" and 60 <= fig.value <= 150 and fig.value == int(fig.value) \
                and roc and s[fig.start:fig.start + 1].isdigit():
            year = str(int(fig.value) + 1911)
            fig.kind, fig.iso, fig.value, fig.date = "year", year, math.nan, (year, None, None)
            if s.startswith("度", fig.end):
                fig.end, fig.unit = fig.end + 1, "年度"


def _printed_units(text: str, s: str, figs: list[Figure]) -> None:
    """Units in the script the text prints (個百分點 on a Traditional page): the Han characters of the original."""
    for fig in figs:
        if not fig.unit:
            continue
        at = s.rfind(fig.unit, fig.start, fig.end)
        if at != -1:
            printed = text[at:at + len(fig.unit)]
            if printed != fig.unit:
                fig.unit = "".join(p if "\u4e00" <= p <= "\u9fff" else f for p, f in zip(printed, fig.unit))


def _power(base: float, exponent: int) -> float | None:
    """``base ** exponent`` when it is a finite float (2^5 = 32), else None (0^-1, 10^400)."""
    if base == 0:
        return None if exponent < 0 else float(exponent == 0)
    if abs(exponent * math.log10(base)) > 300:
        return None
    return base ** exponent


def _first_months(s: str, start: int, end: int, parts: tuple) -> Figure | None:
    """``前11月`` / ``首4月``: the first N months (a duration), not November."""
    y, mo, d = parts
    if y is None and d is None and mo and s[end - 1] == "月" and s[start - 1:start] in ("前", "首") \
            and s[start - 2:start - 1] not in _PREV_NOT_FIRST_N:
        return Figure(start - 1, end, value=float(mo), unit="月", kind="duration")
    return None


_SCALE = {"千": 1000, "万": 10000}
_CENTURY = re.compile(r"(?<![\d一二三四五六七八九十])(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})世纪")
_ERA_YEAR = re.compile(r"公元(?P<bc>前)?(?P<y>\d{1,4})年(?![代度])")
# a year of the Republic of China named with its era: 民国十二年 (1923), 民国38年 (1949)
_ROC_ERA_YEAR = re.compile(r"民国(?P<y>\d{1,3}|[一二三四五六七八九十]{1,4})年(?![代度])")
ROC_EPOCH = 1911
_AGO_BEFORE = re.compile(r"(?:距今|至今已?有?|迄今)(?:约|大约|已有|已|有|近|超过)?$")
_FIELD_GAP = re.compile(r"\u3000+|[ \t]{2,}")
# two or three sizes multiplied, the unit after the last (a 4×100米 relay has a count of legs first: scan_relays)
_DIMENSIONS = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:\s*[×*]\s*\d+(?:\.\d+)?){1,2}"
                         r"(?P<unit>毫米|厘米|分米|米|千米|公里|英寸|mm|cm|m)(?![\u4e00-\u9fff]*/|[A-Za-z²³])")
_DIMENSION_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# three or more one- or two-digit numbers set apart by single spaces: a list of drawn or picked numbers
_NUMBER_RUN = re.compile(r"(?<![\d.,])\d{1,2}(?: \d{1,2}){2,}(?![\d.,%])")
_NUMBER_RUN_HINT = re.compile(r"\d \d{1,2} \d")
_PADDED = re.compile(r"(?<!\d)0\d")  # 03: a drawn number is printed with two digits


def scan_figures(text: str, *, whole: bool = False) -> list[Figure]:
    """All figures in ``text`` in order (internal records; ``extract_figures`` builds the table)."""
    s = fold_text(text)
    figs: list[Figure] = []
    if _FIGURE_CHAR.search(s) is None:
        return figs  # every figure holds a digit, a Chinese numeral, 半, 番 or 折
    taken = bytearray(len(s) + 1)  # positions already inside a figure, a phone number or a title

    def free(start: int, end: int) -> bool:
        return taken.find(1, start, end) == -1

    def mark(start: int, end: int) -> None:
        taken[start:end] = b"\x01" * (end - start)

    def add(fig: Figure | None) -> None:
        if fig is not None and fig.end > fig.start and free(fig.start, fig.end):
            if fig.end - fig.start > MOST_DIGITS and fig.kind != "unread":
                digits = len(_DIGIT_RE.findall(s, fig.start, fig.end))
                fig = unread(fig.start, fig.end, digits) if digits > MOST_DIGITS else fig  # 1234…/5678…
            figs.append(fig)
            mark(fig.start, fig.end)

    # a pattern that needs a character the text lacks (a colon, 时 or 点, 半, 分之 ...) is not run: the same matches
    for m in PHONE_RE.finditer(s) if "400" in s or _SEVEN_DIGITS.search(s) else ():
        mark(*m.span())  # 0571-87654321: a phone number, not a range
    for m in _NUMBER_RUN.finditer(s) if _NUMBER_RUN_HINT.search(s) else ():
        if "\u3000" in text[m.start():m.end()] and not _PADDED.search(m.group()):
            continue  # 柏远航　31　12　4: a table's row, its fields set apart by wide spaces, each a count
        mark(*m.span())  # 03 11 17 22 31: drawn numbers (a lottery's), not five counts
    for a, b in _title_spans(s):
        mark(a, b)  # 《1984》, 《流浪地球2》: names, not figures
    for fig in scan_scores(s):
        add(fig)  # 以3比1战胜, 5∶0, 4-2
    for m in COLON_RE.finditer(s) if ":" in s or "∶" in s else ():
        a, b = m.group("a"), m.group("b")
        if "." in a or "." in b or float(a) > 24 or len(b) != 2 or float(b) > 59 \
                or SCORE_BEFORE.search(s[max(0, m.start() - 4):m.start()]):
            scale = _SCALE.get(s[m.end():m.end() + 1], 1)  # 1∶5万地质图: a map's scale, 1 to 50000
            add(Figure(m.start(), m.end() + (scale > 1),
                       value=float(a) / (float(b) * scale) if float(b) else math.nan, kind="ratio"))
    for m in _CENTURY.finditer(s) if "世纪" in s else ():
        n = parse_numeral(m.group("n"))
        if n is not None and n == int(n) and 1 <= n <= 30:
            add(Figure(m.start("n"), m.end(), value=n, unit="世纪", kind="ordinal"))  # 11世纪, 二十一世纪: the Nth century
    for m in _ERA_YEAR.finditer(s) if "公元" in s else ():
        # 公元前221年, 公元25年: a year of the era, before it (the printed year with a minus sign) or in it
        year = ("-" if m.group("bc") else "") + f"{int(m.group('y')):04d}"
        add(Figure(m.start(), m.end(), value=math.nan, unit="年", kind="year", iso=year, date=(year, None, None)))
    for m in _ROC_ERA_YEAR.finditer(s) if "民国" in s else ():
        n = parse_numeral(m.group("y"))
        if n is not None and n == int(n) and 1 <= n <= 110:
            year = f"{ROC_EPOCH + int(n):04d}"  # 民国十二年: 1923, the era name kept in the text as 公元 is
            add(Figure(m.start(), m.end(), value=math.nan, unit="年", kind="year", iso=year, date=(year, None, None)))
    dates: dict[int, Figure] = {}  # end -> date figure, for a clock time right after it
    for m in _matches(DATE_RE, _DATE_STARTS, s):
        parts = date_parts(m)
        if parts and parts[2] and not parts[0] and not parts[1] and (
                s.startswith(("内", "以内", "之内"), m.end()) and not _NOT_WITHIN.match(s, m.end())
                or s.startswith(("之内", "以内"), m.end())
                or _DAYS_SPAN_BEFORE.search(s, max(0, m.start() - 3), m.start())):
            # 之日起十五日内, 投稿30日内, 经过30日, 满7日: a number of days, not the 15th (15日内蒙古… is a date)
            add(Figure(m.start(), m.end(), value=float(parts[2]), unit="日", kind="duration"))
            continue
        if parts is not None and not in_idiom(s, m.start(), m.end()):
            first = _first_months(s, m.start(), m.end(), parts)
            if first is not None:
                add(first)
                continue
            unit = "年" if parts[0] and not parts[1] else None
            kind = "year" if parts[0] and not parts[1] and not parts[2] else "date"  # 2024年, 2000年底 | 4月, 6日
            end = m.end()
            if kind == "year" and _AGO_BEFORE.search(s, max(0, m.start() - 5), m.start()) and s[end - 1:end] == "年":
                # 距今约3000年: a span of years back from now, not the year 3000
                add(Figure(m.start(), end, value=float(int(parts[0])), unit="年", kind="duration"))
                continue
            if kind == "year" and s[end - 1:end + 1] == "年度":
                end, unit = end + 1, "年度"  # 2024年度: the tax or business year
            fig = Figure(m.start(), end, kind=kind, unit=unit, iso=date_iso(parts), date=parts)
            add(fig)
            if figs and figs[-1] is fig:
                dates[fig.end] = fig
    blank_before, blank_from = len(s) - len(s.lstrip()), len(s.rstrip())  # text[:i] / text[j:] blank: no copy
    for m in _matches(TIME_RE, _TIME_STARTS, s) if "时" in s or "点" in s or ":" in s else ():
        iso = clock_iso(m, after_date=m.start() in dates)
        if not iso or not free(m.start(), m.end()):
            continue
        only = whole and m.start() <= blank_before and m.end() >= blank_from
        d = dates.get(m.start())
        if d is not None and whole and d.start <= blank_before and m.end() >= blank_from:
            d.end, d.iso, d.unit, d.kind = m.end(), d.iso + iso, None, "date"  # 1987年1月11日八点 on its own
            mark(m.start(), m.end())
            continue
        start = m.start() if only or not m.group("per") else m.end("per")  # 上午9时 → 9时, T09:00
        add(Figure(start, m.end(), kind="time", iso=iso))
    for fig in scan_race_times(s) + scan_relays(s):
        add(fig)  # 1分44秒86, 4×100米
    for m in _DIMENSIONS.finditer(s) if "×" in s or "*" in s else ():
        # 4780×1920×1680毫米: a length, width and height, each in the unit printed after the last
        unit = m.group("unit")
        for n in _DIMENSION_NUMBER.finditer(s, m.start(), m.start("unit")):
            end = m.end() if n.end() == m.start("unit") else n.end()
            add(Figure(n.start(), end, value=float(n.group()), unit=unit, kind="measure"))
    for m in SPECIAL_RE.finditer(s) if "半" in s or "番" in s or "比" in s or "对折" in s else ():
        if m.group(0).startswith("翻"):
            n = parse_numeral(m.group("fan") or "一") or 1
            add(Figure(m.start(), m.end(), value=2.0 ** n, kind="multiple"))
        elif m.group("a"):
            add(Figure(m.start(), m.end(), value=int(m.group("a")) / max(1, int(m.group("b"))), kind="ratio"))
        elif m.group("half"):
            unit = m.group("half").lstrip("个")
            add(Figure(m.start(), m.end(), value=0.5, unit=unit, kind="duration"))
        elif m.group(0).endswith("对折"):
            add(Figure(m.start("dz"), m.end(), value=50.0, unit="%", kind="percent"))  # 打对折: half price
        else:
            add(Figure(m.start(), m.end(), value=0.5, kind="fraction"))  # 一半
    for m in FRACTION_RE.finditer(s) if "之" in s and "分" in s else ():
        den, num = m.group("den"), m.group("num")
        d, n = parse_numeral(den), parse_numeral(num)
        if d is None or n is None or d == 0 or not free(m.start(), m.end()):
            continue
        if den.strip() in ("百", "千", "万", "佰", "仟"):
            add(read_number(s, m.start("num"), m.end("num"), whole))
            continue
        whole_part = parse_numeral(m.group("whole")) if m.group("whole") else 0.0
        value = (whole_part or 0.0) + n / d
        unit, uend = match_unit(s, m.end())
        if unit is not None and UNITS.get(unit) == "measure":
            add(Figure(m.start(), uend, value=value, unit=unit, kind="measure"))  # 十亿分之一米: a length
            continue
        add(Figure(m.start(), m.end(), value=value, kind="fraction"))  # 三分之一
    for m in SCIENTIFIC_RE.finditer(s) if "10" in s and ("×" in s or "x" in s or "X" in s) else ():
        exponent = int(m.group("e") or m.group("sup").translate(_SUPERSCRIPT_DIGITS))
        value = _power(10.0, exponent)
        if value is not None:
            unit = "".join(m.group("unit").split()) if m.group("unit") else None
            add(Figure(m.start(), m.end(), value=float(m.group("m")) * value, unit=unit, kind="measure"))
    for m in POWER_RE.finditer(s) if "^" in s else ():
        value = _power(float(m.group("b")), int(m.group("e")))
        if value is not None:
            add(Figure(m.start(), m.end(), value=value, kind="count" if value == round(value) else "measure"))  # 2^5
    for m in SLASH_RE.finditer(s) if "/" in s else ():
        a, b = m.group(0).split("/")
        if float(b) != 0:
            add(Figure(m.start(), m.end(), value=float(a) / float(b), kind="fraction"))  # 1/100
    for m in _matches(CORE_RE, _CORE_STARTS, s):
        end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))
        if not free(m.start(), m.end()):
            continue
        digits = len(_DIGIT_RE.findall(s, m.start(), end)) if end - m.start() > MOST_DIGITS else 0
        if digits > MOST_DIGITS or m.end() - m.start() > _LONGEST_NUMERAL:
            add(unread(m.start(), end, digits))
        else:
            add(read_number(s, m.start(), end, whole))
    figs.sort(key=lambda f: f.start)
    figs = join_ranges(s, figs)
    if any(f.kind == "duration" and f.unit == "年" for f in figs) and _is_traditional(text, s):
        _roc_years(s, figs)  # only a number of years can be one
    _printed_units(text, s, figs)
    if figs and NAMES_ROW_RE.match(text.strip()):
        # 龚七月　房三禾　聂如意: a roll of names, a numeral inside a name is none (a field that is a figure, 七月　八月,
        # starts where the field does)
        starts = {m.end() for m in _FIELD_GAP.finditer(text)} | {len(text) - len(text.lstrip())}
        figs = [f for f in figs if f.start in starts]
    return figs
