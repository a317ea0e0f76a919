"""Sports figures: match scores (``3∶1``, ``4-2``, ``以2比0战胜``), race times (``1分44秒86``) and relay events.

``scan_scores`` finds two numbers joined by 比, a colon, the ratio sign ∶ (U+2236) or a hyphen and decides from
the words around them whether they are a score (kind ``score``: ``low``/``high`` are the two numbers in printed
order, ``value`` NaN, no unit) or something else: a ratio (``师生比为1:15``, ``按1∶1配比``), a clock time
(``19:30``) or a range (``3-5天``). ``scan_race_times`` reads durations printed in two or three units as
seconds (``1分44秒86`` → 104.86, ``2小时40分`` in a race → 9600); ``scan_relays`` reads ``4×100米`` as one
distance (400 米), the event name it always is. Every regex here matches a bounded number of characters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsanalysis.figures.ranges import Figure
from newsanalysis.figures.words import SPORTS_WORDS, UNITS_LONGEST_FIRST

SCORE_RE = re.compile(r"(?<![A-Za-z\d.:∶/\-])(?P<a>\d{1,3})(?P<sep> ?[比:∶] ?|-)(?P<b>\d{1,3})(?![\d.:∶/%\-])")
_SCORE_HINT = re.compile(r"\d(?: ?[比:∶] ?|-)\d")  # the last digit of a SCORE_RE match's a, its sep, b's first
RACE_RE = re.compile(
    r"(?<![\d.时点])(?:(?P<h>\d{1,2})小时(?P<hm>[0-5]?\d)分(?:钟)?(?:(?P<hsec>[0-5]?\d)秒(?P<hhs>\d{1,3})?)?"
    r"|(?P<m>\d{1,3})分(?P<sec>[0-5]?\d)秒(?P<hs>\d{1,3})?)(?![\d.])"
)
_RACE_HINT = re.compile(r"\d(?:小时|分)\d")  # h小时m… or m分s…: where a RACE_RE match turns to its second number
RELAY_RE = re.compile(r"(?<![\d.])(?P<n>[2-9])\s?[×xX]\s?(?P<d>\d{2,4})(?P<u>米|m)(?![A-Za-z])")

# words that make two numbers a ratio, not a score: 师生比为1:15, 比例为3∶1, 按1∶1配比
_RATIO_BEFORE = re.compile(r"(?:比例尺?|之比|比值|比率|配比|[师生性车桩宽高长]比|按照?|比)(?:为|是|约为?|达到?|降至|升至|"
                           r"提高到|降到|保持在)?\s*$")
_RATIO_AFTER = re.compile(r"^\s*(?:的)?(?:比例|配比|比值|混合|兑换|速度|投票|票)")
_SCORE_BEFORE = re.compile(r"(?:比分|总比分|大比分|以|战成|扳为|扳平|追成|追至|改写为|终场|全场|半场|决胜局|决胜盘|"
                           r"局分|盘分|最终|分别以|再以)\s*$")
_SCORE_AFTER = re.compile(r"^\s*(?:的比分|的总比分|的大比分|的成绩)?(?:战胜|击败|获胜|取胜|胜出|告负|不敌|负于|输给|落败|惜败|"
                          r"大胜|险胜|完胜|力克|轻取|横扫|击退|淘汰|逆转|战平|打平|握手言和|领先|落后|结束|拿下|赢下|"
                          r"赢得|晋级|夺冠|收官|告捷|零封|胜|负|平|直落|再胜|的比分)")
_SCORE_AFTER_AT = re.compile(_SCORE_AFTER.pattern.removeprefix("^"))  # matched at a position, no copy of the rest
_RACE_WORDS = re.compile(r"成绩|冲线|撞线|冲过终点|夺冠|跑出|游出|滑出|完赛|完成比赛|纪录|决赛|预赛|比赛|马拉松|赛|"
                         r"金牌|银牌|铜牌|名次|第[一二三四五六七八九十\d]+名|选手|运动员")
_SENTENCE_END = "。！？!?\n"
_WINDOW = 60
_UNIT_STARTS = tuple(UNITS_LONGEST_FIRST) + tuple("月日号年时点分秒%‰")


def _sentence_around(s: str, start: int, end: int) -> str:
    """The sentence around ``s[start:end]``, at most ``_WINDOW`` characters each side."""
    lo = max(0, start - _WINDOW)
    hi = min(len(s), end + _WINDOW)
    before = s[lo:start]
    cut = max(before.rfind(c) for c in _SENTENCE_END)
    after = s[end:hi]
    ends = [i for i in (after.find(c) for c in _SENTENCE_END) if i != -1]
    return before[cut + 1:] + s[start:end] + (after[:min(ends)] if ends else after)


@lru_cache(maxsize=16)
def _stripped_length(s: str) -> int:
    """``len(s.strip())``, once per text (the pairs of a line ask again)."""
    return len(s.strip())


def _in_results_line(s: str, start: int, end: int) -> bool:
    """``上海海港 5∶0 天津津门虎``: a short line with the pair set off by spaces between two names."""
    return s[start - 1:start] == " " and _stripped_length(s) <= 60 and s[end:end + 1] == " " \
        and bool(re.search(r"[\u4e00-\u9fffA-Za-z]", s[:start]))


def score_or_ratio(s: str, start: int, end: int, sep: str) -> str | None:
    """``score``, ``ratio`` or None (neither: a clock time or a range) for the pair ``s[start:end]``."""
    before, after = s[max(0, start - 10):start], s[end:end + 10]
    sep = sep.strip()
    if _RATIO_BEFORE.search(before) or _RATIO_AFTER.match(after) or after[:1] in ("万", "千", "亿") and sep != "-":
        return "ratio" if sep != "-" else None  # 1∶5万地质图: a map's scale, whatever the sentence is about
    if _SCORE_BEFORE.search(before) or _SCORE_AFTER.match(after) or _in_results_line(s, start, end):
        return "score"
    if sep == "-" and s.startswith(_UNIT_STARTS, end):
        return None  # 3-5天, 5-6月: a range
    sentence = _sentence_around(s, start, end)  # once, not once per word
    if any(w in sentence for w in SPORTS_WORDS):
        return "score"
    return "ratio" if sep in ("比", "∶") else None


def _clock_shaped(a: str, b: str) -> bool:
    return int(a) <= 24 and len(b) == 2 and int(b) <= 59


def scan_scores(s: str) -> list[Figure]:
    """The scores in the folded text ``s`` (other pairs are left to the ratio, clock and range readers)."""
    out: list[Figure] = []
    if "比" not in s and ":" not in s and "∶" not in s and "-" not in s or _SCORE_HINT.search(s) is None:
        return out  # no separator of two numbers, or none between two digits
    for m in SCORE_RE.finditer(s):
        a, b, sep = m.group("a"), m.group("b"), m.group("sep").strip()
        kind = score_or_ratio(s, m.start(), m.end(), sep)
        if kind != "score" or sep == ":" and _clock_shaped(a, b) and not (
                _SCORE_BEFORE.search(s[max(0, m.start() - 10):m.start()]) or _SCORE_AFTER_AT.match(s, m.end())):
            continue  # 19:30 stays a clock time unless the words say it is a score
        out.append(Figure(m.start(), m.end(), kind="score", low=float(a), high=float(b)))
    return out


def scan_race_times(s: str) -> list[Figure]:
    """Durations printed in two or three units, in seconds: 1分44秒86, 3分27秒, 2小时40分 (in a race), 1小时2分3秒."""
    out: list[Figure] = []
    if "分" not in s or _RACE_HINT.search(s) is None:
        return out  # every race time has minutes, with a number of hours before them or of seconds after
    for m in RACE_RE.finditer(s):
        h, mi = m.group("h"), m.group("hm") or m.group("m")
        sec, hs = m.group("hsec") or m.group("sec"), m.group("hhs") or m.group("hs")
        if sec is None and not _RACE_WORDS.search(_sentence_around(s, m.start(), m.end())):
            continue  # 4小时18分 on a train: hours, as the number reader gives it
        seconds = int(h or 0) * 3600 + int(mi or 0) * 60 + int(sec or 0) + (int(hs) / 10 ** len(hs) if hs else 0.0)
        out.append(Figure(m.start(), m.end(), value=round(seconds, 6), unit="秒", kind="duration"))
    return out


def scan_relays(s: str) -> list[Figure]:
    """``4×100米`` (an event name): one distance of 400 米."""
    if "×" not in s and "x" not in s and "X" not in s:
        return []
    return [Figure(m.start(), m.end(), value=float(int(m.group("n")) * int(m.group("d"))),
                   unit="米" if m.group("u") == "米" else "m", kind="measure")
            for m in RELAY_RE.finditer(s)]

