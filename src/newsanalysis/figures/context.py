"""Context tests that decide whether a number in running text is a figure at all.

A number can be a code or a name (``沪深300指数``, ``（600519）``, ``0105``, ``12345热线``, ``鸿蒙5.0``,
``波音737 MAX``), part of a quoted slogan (“五位一体”, “双11”), a phone number (``0571-87654321``) or a
score rather than a clock time (``以4:1击败``, ``师生比为1:15``); ``度`` is a degree only where the clause talks
about temperature (``气温降至零下8度``, not ``一度``/``年度``).
"""

from __future__ import annotations

import re

from newsanalysis.figures.words import IDENT_AFTER

CLAUSE_END = "，,。；;、）)”」』’"  # characters that close a clause (a quote closes it too)
# the clause's words that make 度 a degree: of temperature, of an angle (坡度接近80度, 倾斜15度) or of latitude
_TEMPERATURE = re.compile(r"零下|气温|温度|高温|低温|体温|水温|降温|升温|最高|最低|摄氏|坡度|角度|倾角|夹角|仰角|俯角|倾斜|转角|"
                          r"[南北]纬|[东西]经|纬度|经度")  # and of a place on the globe (北纬30.12度)
PHONE_RE = re.compile(r"(?<![\d-])(?:0\d{2,3}-\d{7,8}|400-?\d{3}-?\d{4}|1[3-9]\d{9}|1[3-9]\d[ -]\d{4}[ -]\d{4})(?![\d-])")
COLON_RE = re.compile(r"(?<![\d.:∶])(?P<a>\d+(?:\.\d+)?) ?[:∶] ?(?P<b>\d+(?:\.\d+)?)(?![\d.:∶])")
SCORE_BEFORE = re.compile(r"(?:以|比分|[比为]为|比是|比达到?|比约为?|比例为?|之比为?|扳为|扳平为?|追成|战成)$")


_CLAUSE_SPLIT = re.compile(r"[，,。；;]")
_CLAUSE_OR_COLON_SPLIT = re.compile(r"[，,。；;：:]")
_INDEX_WORDS = re.compile(r"指数|收报|收于|涨|跌|点位")


def temperature_context(s: str, start: int) -> bool:
    """Whether the clause before ``start`` talks about temperature or an angle (so 度 is degrees, not 一度/年度)."""
    before = s[max(0, start - 12):start]
    return bool(_TEMPERATURE.search(_CLAUSE_SPLIT.split(before)[-1]))


def is_identifier(s: str, start: int, end: int, core: str) -> bool:
    """Whether the bare Arabic number ``s[start:end]`` is a code or a name (沪深300指数, 0105, 95306, 鸿蒙5.0)."""
    digits = core.strip()
    if re.fullmatch(r"0\d+", digits) or s.startswith(IDENT_AFTER, end):
        return True  # leading zeros are codes; 12345热线, 318国道, 985高校
    if re.fullmatch(r"[19]\d{4}", digits) and not digits.endswith("00"):
        return True  # 12345, 95306, 12306: service numbers
    if re.fullmatch(r"\d+\.0", digits) and not at(s, start - 1, "为至到达是于了约近超过比以增降升涨跌和与及、，,：: "):
        return True  # 鸿蒙5.0: a version
    if "." not in digits and re.match(r" [A-Za-z]{2}", s[end:end + 3]):
        return True  # 波音737 MAX
    if _ENGLISH_BEFORE.search(s, max(0, start - 3), start) and _ENGLISH_AFTER.match(s, end):
        return True  # 4.7 percent, 20.12 million: a number in an English sentence (a bilingual page)
    if "@" in s[max(0, start - 16):start] and _HANDLE_BEFORE.search(s, max(0, start - 16), start):
        return True  # @晚风2024: part of a user's handle
    if _LABELLED_CODE_BEFORE.search(s, max(0, start - 8), start):
        return True  # 邮编310012, 股份代号：3318, 编号：0412; 拨打110, 报警电话：110: a code or a number to call
    if at(s, start - 1, "*＊") or at(s, end, "*＊"):
        return True  # 330102********1234: the visible parts of a masked number
    if len(digits) == 1 and "尾号" in s[max(0, start - 40):start] and _PLATE_DIGITS_BEFORE.search(s, max(0, start - 3), start):
        return True  # 限行尾号为1和6, 周二为2和7: the last digits of licence plates
    if _CODE_BEFORE.search(s, max(0, start - 12), start):
        return True  # JC2025-17, G15-3: the last part of a code of letters and digits
    if at(s, start - 1, "〔［[") and at(s, end, "〕］]"):
        return True  # 国发〔2023〕13号: the year of a document's number
    if at(s, start - 1, "—-–－") and _STANDARD_BEFORE.search(s, max(0, start - 24), start):
        return True  # GB 17761—2018: the year of a standard
    return at(s, start - 1, "（(") and at(s, end, "）)") and "." not in digits  # （600519）


# the label of a code (邮编, 股份代号, 编号) or of a number to call (拨打, 报警电话), right before a bare number
_LABELLED_CODE_BEFORE = re.compile(
    r"(?:邮编|邮政编码|代号|代码|编号|编码|批准文号|证号|拨打|拨|致电|电话|热线|报警|求助)\s*[:：]?\s*$")
_PLATE_DIGITS_BEFORE = re.compile(r"(?:尾号|为|是|和|、)\s*$")
_CODE_BEFORE = re.compile(r"(?<![A-Za-z])[A-Za-z]{1,6}\d*[-－–]$")
_HANDLE_BEFORE = re.compile(r"@[\w\u4e00-\u9fff]+$")
_ENGLISH_BEFORE = re.compile(r"[A-Za-z,] $")
_ENGLISH_AFTER = re.compile(r" [A-Za-z]{2}")
_STANDARD_BEFORE = re.compile(r"(?:GB|ISO|IEC|HJ|JT|JGJ|QB|YY|NY|DB\d{0,2})(?:/[TZ])?\s*\d+(?:[.-]\d+)*\s*[—\-–－]{1,2}$")


# after a quoted figure, words that make the quote a name (“一微克”行动, “双11”活动)
_NAMED_AFTER = ("行动", "工程", "计划", "战略", "模式", "理念", "政策", "活动", "精神", "口号", "目标", "品牌", "标准")


_OPENING_QUOTE = re.compile("[“‘「『\"]")


_SPOKEN = re.compile("[了就只才都还也吗呢吧啊过着]")


def in_slogan(s: str, start: int, end: int) -> bool:
    """Whether ``s[start:end]`` sits inside a short quoted phrase that is more than the figure (“四个全面”,
    『三支安打』), or is a quoted name on its own (“一微克”行动)."""
    if _OPENING_QUOTE.search(s, max(0, start - 6), start) is None:
        return False  # the usual answer, without looking for each quotation mark
    o = max(s.rfind(q, max(0, start - 6), start) for q in "“‘「『\"")
    c = min((i for i in (s.find(q, end, end + 6) for q in "”’」』\"") if i != -1), default=-1)
    inside = s[o + 1:c] if c != -1 else ""
    if inside and inside == s[start:end]:
        return s.startswith(_NAMED_AFTER, c + 1)
    # a spoken phrase quoted (‘离家就两公里’) has function words a slogan or name (“四个全面”) has not
    return bool(inside) and len(inside) <= 6 and not re.search(r"[，,。；;、“”‘’「」『』\"]", inside) \
        and not _SPOKEN.search(inside)


def index_points(s: str, start: int, core: str, value: float) -> bool:
    """Whether 点 after the Arabic ``core`` (worth ``value``) is index points (3288.41点, 上涨50点), not 20点."""
    clause = _CLAUSE_OR_COLON_SPLIT.split(s[max(0, start - 10):start])[-1]
    return "." in core or value > 24 or bool(_INDEX_WORDS.search(clause))


def at(s: str, pos: int, chars: str) -> bool:
    """Whether ``s[pos]`` exists and is one of ``chars``."""
    return 0 <= pos < len(s) and s[pos] in chars
