"""Figures quoted in articles: every number with its unit, kind, normalised value and what it qualifies.

``extract_figures`` scans body paragraphs (never headlines, captions or bylines unless asked) with a grammar
(``figure_grammar``) and adds what a reader needs around each number: its sentence, the words it qualifies
(``subject``) and the change it reports (``从2小时缩至20分钟``, ``同比增长73.2%`` → ``direction``).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from itertools import pairwise
from operator import itemgetter
from typing import Any

import numpy as np
import pandas as pd

from newsanalysis.frames import rows_table
from newsanalysis.figures.grammar import HEDGES_BEFORE, Figure, scan_figures
from newsanalysis.figures.numerals import TEMPORAL_KINDS
from newsanalysis.figures.tagging import call_memo, tagging_call
from newsanalysis.figures.tagging import tags as _tags
from newsanalysis.parse.model import Article, Page
from newsanalysis.parse.units import Source, to_items

COLUMNS = [
    "article", "paragraph", "start", "end", "text", "value", "low", "high", "unit", "kind", "approx",
    "iso", "sentence", "subject", "change_from", "change_to", "direction", "note",
]

_SENT_END = "。！？!?"
_CLAUSE = "，,；;：:。！？!?、（(\n"
_UP = ("增长", "增加", "上升", "提高", "提升", "上涨", "增幅", "涨幅", "增至", "多出", "多了", "多收", "多产",
       "高出", "扩大", "攀升", "跃升", "回升", "上调", "调升", "调高", "升至", "涨至", "提价", "涨价", "偏高", "偏多",
       "偏大", "增", "涨", "升", "多")
_DOWN = ("下降", "减少", "降低", "下滑", "下跌", "降幅", "跌幅", "回落", "缩小", "缩至", "缩短", "少了", "微减",
         "收窄", "下调", "调降", "调低", "降至", "跌至", "降价", "偏低", "偏少", "偏小", "减", "降", "少", "缩")
_HEDGES_LONGEST_FIRST = tuple(sorted(HEDGES_BEFORE, key=len, reverse=True))
_HEDGE_TAIL = re.compile("(?:" + "|".join(_HEDGES_LONGEST_FIRST) + ")$")


def _without_hedge_tail(piece: str) -> str:
    """``piece`` without the hedge it ends with (``_HEDGE_TAIL.sub``: the longest such hedge), without a regex
    tried at every position for the usual answer, none.

    Example:
        >>> _without_hedge_tail("粮食产量将近"), _without_hedge_tail("粮食产量")
        ('粮食产量', '粮食产量')
    """
    if not piece.endswith(_HEDGES_LONGEST_FIRST):
        return piece
    if "\n" in piece:  # $ also matches before a final newline: the regex's own answer
        return _HEDGE_TAIL.sub("", piece)
    return next(piece[:-len(w)] for w in _HEDGES_LONGEST_FIRST if piece.endswith(w))


# How far back from a figure its clause and sentence are read. Longer stretches without a clause or sentence
# end (a TV schedule, a run of digits) are read as if they began there, so the work per figure stays bounded
# and the work per paragraph linear in its length; no clause or sentence of the fixture pages comes near.
_CLAUSE_REACH = 200
_SENTENCE_REACH = 1000
# A figure's sentence column is for reading: a "sentence" longer than this (a schedule or table pasted as one line,
# no 。 in thousands of characters) is cut to the clauses around the figure within _SENTENCE_SIDE characters each
# side, else the table would hold the whole stretch once per figure (quadratic in its length). The longest
# sentence of a fixture page is 139 characters.
_LONGEST_SENTENCE = 400
_SENTENCE_SIDE = 120
_CLAUSE_RE = re.compile("[" + re.escape(_CLAUSE) + "]")
_FROM_RE = re.compile("从")
_PHRASE_RE = re.compile(r"[“\"‘「《]?[^，,；;：:。！？!?、（(\n]*")  # the rest of a clause, with an opening quote
_WORD_CHAR_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_SENT_END_RE = re.compile("[" + re.escape(_SENT_END) + "]")


class _Paragraph:
    """One paragraph with its clause and sentence ends and its figures, indexed once for look-ups by bisection
    (no rescan of the text or of the other figures per number).

    Example:
        >>> p = _Paragraph("据统计，全年粮食产量13908亿斤。", [])
        >>> p.clause_start(10), p.sentence(10, 18)
        (4, '据统计，全年粮食产量13908亿斤。')
    """

    def __init__(self, text: str, figs: list[Figure]) -> None:
        self.text, self.figs = text, figs
        self.clause_ends = [m.start() for m in _CLAUSE_RE.finditer(text)]
        self.list_starts = [i for i in self.clause_ends if text[i] != "、"]  # where an enumeration may start
        self.sentence_ends = [m.start() for m in _SENT_END_RE.finditer(text)]
        self.froms = [m.start() for m in _FROM_RE.finditer(text)]
        self.starts = [f.start for f in figs]
        self.ends = [f.end for f in figs]
        # figures in order and apart: the ones ending before a figure are exactly the ones listed before it
        self.ordered = all(f.start < f.end for f in figs) and all(a.end <= b.start for a, b in pairwise(figs))
        self._sentences: dict[tuple[int, int], str] = {}
        # the figures read so far whose subject a later bare figure may inherit (indices, and where they start)
        self.givers: list[int] = []
        self.giver_starts: list[int] = []

    def clause_start(self, pos: int) -> int:
        """Where the clause holding ``pos`` starts, at most ``_CLAUSE_REACH`` characters back."""
        k = bisect_left(self.clause_ends, pos)
        return max(self.clause_ends[k - 1] + 1 if k else 0, pos - _CLAUSE_REACH)

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts, at most ``_SENTENCE_REACH`` characters back."""
        k = bisect_left(self.sentence_ends, pos)
        return max(self.sentence_ends[k - 1] + 1 if k else 0, pos - _SENTENCE_REACH)

    def last_from(self, a: int, b: int) -> int:
        """The offset of the last 从 in ``text[a:b]``, else -1."""
        k = bisect_left(self.froms, b) - 1
        return self.froms[k] if k >= 0 and self.froms[k] >= a else -1

    def earlier(self, i: int) -> list[Figure]:
        """The figures that end before figure ``i`` starts."""
        start = self.figs[i].start
        return self.figs[:i] if self.ordered else [f for f in self.figs if f.end <= start]

    def ends_at(self, pos: int, i: int) -> bool:
        """Whether a figure ending before figure ``i`` starts ends at ``pos``."""
        if not self.ordered:
            return any(f.end == pos for f in self.earlier(i))
        k = bisect_left(self.ends, pos, 0, i)
        return k < i and self.ends[k] == pos

    def sentence(self, start: int, end: int) -> str:
        """The whole sentence around ``text[start:end]`` with its closing quotes (one string shared by the
        figures of a sentence)."""
        text = self.text
        k = bisect_left(self.sentence_ends, start)
        a = self.sentence_ends[k - 1] + 1 if k else 0
        k = bisect_left(self.sentence_ends, end)
        b = self.sentence_ends[k] + 1 if k < len(self.sentence_ends) else len(text)
        if b - a > _LONGEST_SENTENCE:
            a, b = max(a, start - _SENTENCE_SIDE), min(b, end + _SENTENCE_SIDE)
            ends = self.clause_ends
            k = bisect_left(ends, a)
            if k < len(ends) and ends[k] < start:
                a = ends[k] + 1  # from a clause's start
            k = bisect_left(ends, b) - 1
            if k >= 0 and ends[k] >= end:
                b = ends[k] + 1  # to a clause's end
        found = self._sentences.get((a, b))
        if found is None:
            opening = a
            while opening < len(text) and text[opening] in "”」』)）":
                opening += 1  # the quote closing the sentence before belongs to it (“……。”聂思远说 …)
            closed = b
            while closed < len(text) and text[closed] in "”」』)）":
                closed += 1
            found = self._sentences[a, b] = text[opening:closed].strip()
        return found


# Words that open a clause without naming anything (connectives, sources, time words, prepositions) and words
# that close a subject before its number (copulas, totals, hedges); both are trimmed off a subject.
_LEAD = sorted((
    "其中", "同时", "与此同时", "此外", "另外", "另有", "而且", "并且", "但是", "不过", "比如", "例如", "特别是",
    "尤其是", "据测算", "据统计", "据了解", "据介绍", "据悉", "据报道", "初步核算", "数据显示", "今年", "去年",
    "明年", "前年", "当年", "当天", "当日", "次日", "目前", "当前", "如今", "此前", "近年来", "这一年", "截至",
    "截止", "对于", "来自", "及以上", "以上", "以下", "以内", "以来", "分别", "这是", "也是", "则是", "就是", "只有", "仅有", "共有", "还有", "总共", "一共", "而",
    "但", "并", "也", "还", "则", "即", "就", "又", "都", "均", "共", "到", "在", "从", "对", "由", "比", "较",
    "与", "和", "及", "把", "将", "以", "有", "是", "已", "为", "让", "使", "被", "的", "了", "等", "约", "近",
), key=len, reverse=True)
_TRAIL = sorted((
    "约为", "均为", "分别为", "达到", "高达", "超过", "突破", "共计", "合计", "总计", "累计", "一共", "共有",
    "实现", "分为", "惠及", "涉及", "覆盖", "包括", "仅用了", "用了", "只有", "仅有", "之后", "之前", "以来", "以后", "期间", "达", "从", "较",
    "比", "也已", "也", "还", "都", "仍", "仅", "只", "为", "是", "有", "共", "已", "在", "以", "到", "至", "了", "的", "和", "与", "及",
    "等", "约", "近", "逾",
), key=len, reverse=True)
_CHANGE = ("增长", "增加", "上升", "提高", "提升", "上涨", "下降", "减少", "降低", "下滑", "下跌", "回落", "增幅",
           "降幅", "涨幅", "跌幅", "微增", "微减")
_COMPARE = re.compile(r"^(?:同比|环比|(?:比|较)?(?:去年|上年|前年|常年|上月|上季度)?(?:同期)?)")
_COMPARE_FIRST = frozenset("同环比较去上前常")  # where a _COMPARE match that is not empty can start
_MORE_LESS = re.compile(r"^(?:每亩|每人|人均)?([多少])(?:产|收|出)?$")  # 多产221.8亿斤, 少了258.2万亩
_VERB_TAIL = re.compile("(?:同比|环比)?(?:" + "|".join(_CHANGE) + ")$")
_RATE = frozenset({"日均", "平均每天", "每天", "单日", "每周", "每月", "人均"})
_QUOTES = str.maketrans("", "", "“”\"‘’「」")
_YEAR_LEAD = re.compile(r"^(?:[0-9０-９]{4}年(?:底|末|初|前)?|[一二三四]季度|上半年|下半年|全年)")
_KEEP_LEAD = ("在园", "在校", "在职", "在读", "在岗", "在建", "在线", "在途", "在库")
_TRAIL_ANY = set("较比从为是达共已也还都仍仅只约近逾了的")  # never end a noun: trimmed without asking jieba
_PERSONS = ("人次", "人", "万人")
_FUNCTION_CHARS = set("数共的了着过是在有和与及或而但并也还就都又已将把被从向对于为以由比较等约近个这那其此内上中下后前里外")
_NOUNISH = ("n", "vn", "an", "b", "j", "eng", "mq", "l")
_MEASURED = ("count", "approx", "ordinal")
_MAX = 12


# the words above by the character they start or end with, longest first as above: _strip tries only those
_LEAD_BY_FIRST: dict[str, list[str]] = {}
_TRAIL_BY_LAST: dict[str, list[str]] = {}
for _w in _LEAD:
    _LEAD_BY_FIRST.setdefault(_w[0], []).append(_w)
for _w in _TRAIL:
    _TRAIL_BY_LAST.setdefault(_w[-1], []).append(_w)


def _strip(seg: str) -> str:
    """Trim quotes, leading connectives/time words and trailing copulas off a stretch of a clause.

    Example:
        >>> _strip("“其中全年粮食产量达")
        '粮食产量'
    """
    if not seg:
        return seg
    kept = call_memo("strip")
    if kept is not None:
        found = kept.get(seg)
        if found is not None:
            return found
    given, prev = seg, None
    while seg != prev:
        prev = seg
        seg = seg.strip(_STRIP_MARKS)
        if seg[:1] in _YEAR_LEAD_FIRST:
            seg = _YEAR_LEAD.sub("", seg)
        leads = _LEAD_BY_FIRST.get(seg[:1])
        if leads and not seg.startswith(_KEEP_LEAD):
            for w in leads:
                if seg.startswith(w) and len(seg) > len(w) and (len(w) > 1 or _tags(seg)[0][0] == w):
                    seg = seg[len(w):]
                    break
        for w in _TRAIL_BY_LAST.get(seg[-1:], ()):
            if seg.endswith(w) and len(seg) > len(w) and (len(w) > 1 or w in _TRAIL_ANY or _tags(seg)[-1][0] == w):
                seg = seg[:-len(w)]  # 惠及 keeps 及
                break
    seg = seg.translate(_QUOTES)
    if kept is not None:
        kept[given] = seg
    return seg


_STRIP_MARKS = " “”\"‘’「」《》()（）—-·"
_YEAR_LEAD_FIRST = frozenset("0123456789０１２３４５６７８９一二三四上下全")  # where a _YEAR_LEAD match can start


def _noun_phrase(text: str, *, ordinal: bool = False) -> str:
    """The noun phrase that opens ``text`` (``脑机接口系统在临床试验中`` → ``脑机接口系统``), else ''."""
    text = text.removeprefix("次")  # 236批次, 40余艘次: the 次 of a compound measure word
    m = _PHRASE_RE.match(text)
    tags = _tags(m.group(0)[:_MAX + 6] if m else "")
    end = 0
    for i, (word, tag, a, b) in enumerate(tags):
        nxt = tags[i + 1][1] if i + 1 < len(tags) else ""
        if tag.startswith(_NOUNISH) or (word in "“”\"‘’「」《》" and (i == 0 or end)):
            end = b
        elif end and (tag == "c" and word in "和与及" or tag in ("f", "t")) and nxt.startswith(_NOUNISH):
            continue  # 国家和地区, 校园周边小卖部, 亚洲冬季运动会
        elif not end and (tag.startswith("a") or word == "不") and nxt.startswith(_NOUNISH):
            continue  # 低时延, 不合格食品
        elif ordinal and tag == "v" and (nxt.startswith(_NOUNISH) or end and nxt in ("", "x")):
            end = b  # 第35次飞行任务, 第5次载人飞行
        else:
            break
    return _fit(_strip(text[:end]))


def _fit(seg: str) -> str:
    if len(seg) > _MAX:
        cut = seg.rfind("的", 0, len(seg) - 1)
        if 0 <= cut and len(seg) - cut - 1 >= 2:
            seg = seg[cut + 1:]
    if len(seg) > _MAX:
        tags = _tags(seg)
        seg = next((seg[a:] for _, _, a, _ in tags if len(seg) - a <= _MAX), seg[-_MAX:])
        seg = _strip(seg)
    if len(seg) == 1 and seg in _FUNCTION_CHARS or not _WORD_CHAR_RE.search(seg):
        return ""
    return seg


def _bare_verb(seg: str) -> bool:
    if seg in _TRAIL:
        return True  # 惠及, 达到
    tags = _tags(seg)
    return len(tags) == 1 and tags[0][1] in ("v", "vd", "d", "p", "c", "u", "ul", "uj", "r", "f", "m", "q", "t")


def _backward(para: _Paragraph, a: int, i: int) -> tuple[str, str]:
    """(subject, change verb) from the clause before figure ``i``, skipping other figures inside it."""
    text, start = para.text, para.figs[i].start
    if para.ordered:
        inside = para.figs[bisect_left(para.starts, a, 0, i):i]
    else:
        inside = [f for f in para.earlier(i) if a <= f.start and f.end <= start]
    pieces = [text[inside[-1].end:start], text[a:inside[0].start]] if inside else [text[a:start]]
    for piece in pieces:
        seg = _strip(_without_hedge_tail(piece))
        core = _strip(_COMPARE.sub("", seg) if seg[:1] in _COMPARE_FIRST else seg)
        more = _MORE_LESS.match(core) if len(core) <= 5 else None
        if core in _CHANGE or more:
            return "", ("增加" if more.group(1) == "多" else "减少") if more else core
        seg = _fit(seg)
        if seg and not _bare_verb(seg):
            return seg, ""
    return "", ""


def _enumeration_head(para: _Paragraph, a: int) -> str:
    """For ``脑机接口技术分为侵入式、非侵入式两大类``: the words before the verb that opens the enumeration."""
    text = para.text
    k = bisect_left(para.list_starts, a - 1)
    a2 = max(para.list_starts[k - 1] + 1 if k else 0, a - 1 - _CLAUSE_REACH)
    tags = _tags(text[a2:a - 1])
    verbs = [x for x in tags if x[1] == "v"]
    return _fit(_strip(text[a2:a2 + verbs[-1][2]])) if verbs else ""


def _subject(para: _Paragraph, i: int, rows: list[dict[str, Any]]) -> str:
    """The words the figure qualifies: a following noun for counts, else the clause before it, else inherited."""
    text, fig, figs = para.text, para.figs[i], para.figs
    start, end = fig.start, fig.end
    a = para.clause_start(start)
    after = text[end:end + _MAX + 8]  # all _noun_phrase reads
    forward = ""
    if after.startswith("的") or text.endswith("等", 0, start):  # 元宇宙等万亿美元市场
        after = after.removeprefix("的")
        forward = _noun_phrase(after)  # 92.6%的地级行政单元, 4月23日的新闻发布会
    elif fig.kind in _MEASURED or fig.kind == "range" and fig.unit and fig.iso is None \
            or fig.kind == "year" and fig.unit is None or fig.kind == "duration":
        forward = _noun_phrase(after, ordinal=fig.kind == "ordinal")  # 64通道脑机接口系统, 2025脑机接口大会, 5天假期
    if forward:
        return forward
    if fig.kind in TEMPORAL_KINDS:
        return _dated_event(para, i, a)
    subject, verb = "", ""
    if fig.kind in _MEASURED and a > 0 and text[a - 1] == "、" and text[a:start] \
            and not para.ends_at(a - 1, i) \
            and not any(t == "v" for _, t, _, _ in _tags(text[a:start])):
        subject = _enumeration_head(para, a)  # 分为侵入式、非侵入式两大类
    if not subject:
        subject, verb = _backward(para, a, i)
    if subject and fig.kind in ("count", "approx") and fig.unit not in _PERSONS:
        tags = _tags(subject)  # 中国体育代表团收获金牌32枚 → 金牌, 设车站7座 → 车站
        verbs = [b for _, t, _, b in tags if t == "v"]
        tail = _strip(subject[verbs[-1]:]) if verbs else ""
        if len(tail) > 1 and _tags(tail)[-1][1].startswith(_NOUNISH) and not subject[verbs[-1]:].startswith(
                ("过", "了", "的")):  # 改造过的城镇老旧小区 stays whole
            subject = tail
    if subject:
        return subject
    s_start = para.sentence_start(start)
    if para.ordered:  # only figures with a subject to pass on, latest first
        first = bisect_left(para.giver_starts, s_start)
        before = (para.givers[j] for j in range(len(para.givers) - 1, first - 1, -1))
    else:
        before = (k for k in range(len(figs) - 1, -1, -1) if figs[k].end <= start and figs[k].start >= s_start)
    for k in before:
        # 出口6.13万亿元，增长6.9% → 出口增长; 26个台风，有9个在我国登陆 → 台风
        f, row = figs[k], rows[k]
        if f.kind in TEMPORAL_KINDS or row["subject"] in _RATE or not row["subject"]:
            continue
        if verb:
            if f.unit != fig.unit and _after_marks(text, f.end, row["subject"]):
                continue  # 19个“一带一路”共建国家航点 ... 分别增长152.4%: not the thing that grew
            return _fit(_VERB_TAIL.sub("", row["subject"]) + verb)
        if f.unit == fig.unit or f.kind == fig.kind and fig.kind not in _MEASURED:
            return row["subject"]
    return ""


def _after_marks(text: str, pos: int, words: str) -> bool:
    """Whether ``words`` follow ``pos``, past any 的 and opening quotation marks."""
    while pos < len(text) and text[pos] in "的“\"「":
        pos += 1
    return text.startswith(words, pos)


# what _strip can take away: the characters of its leading and trailing words, of the punctuation it strips,
# of the years and periods it drops and the quotation marks it removes; text with any other character keeps it
_STRIPPABLE = set("".join(_LEAD) + "".join(_TRAIL) + " “”\"‘’「」《》()（）—-·" + "0123456789０１２３４５６７８９年底末初前"
                  + "一二三四季度上半下全")
_SOLID_RE = re.compile("[^" + re.escape("".join(sorted(_STRIPPABLE))) + "]")


def _dated_event(para: _Paragraph, i: int, a: int) -> str:
    """Dates and years: the event in the rest of their clause when they open it (4月24日是中国航天日), else ''."""
    text, fig, figs = para.text, para.figs[i], para.figs
    if _SOLID_RE.search(text, a, fig.start) or _strip(text[a:fig.start]):
        return ""
    if para.ordered:
        stop = figs[i + 1].start if i + 1 < len(figs) else len(text)
    else:
        stop = min([f.start for f in figs if f.start >= fig.end] + [len(text)])
    m = _DATED_REST.match(text, fig.end, stop)
    if not m or _SINCE_RE.match(m.group(0)):
        return ""  # 1961年以来, 2000年底前
    seg = _fit(_strip(m.group(0)))
    if len(seg) <= 1:
        return ""  # no event in one character: no need to tag it
    nounish = any(tag.startswith(_NOUNISH) for _, tag, _, _ in _tags(seg))
    return seg if nounish and not _bare_verb(seg) else ""


_DATED_REST = re.compile(r"[^，,；;：:。！？!?、（(\n]*")
_SINCE_RE = re.compile(r"(?:以来|以后|以前|之前|之后|前|后|起)")


def _direction(prefix: str) -> str | None:
    """The change word nearest before the number in its clause: ``下调存款准备金率0.5个百分点`` -> down.

    One-character words (增, 降 ...) count only right before the number; longer ones anywhere in the clause.
    The nearest word ends last (the longest of those ending there): the first match in the reversed clause.

    Example:
        >>> _direction("比上年增加"), _direction("降幅收窄，增"), _direction("其中")
        ('up', 'up', None)
    """
    m = None if _LONG_CHANGE_LAST.isdisjoint(prefix) else _LONG_CHANGE_REVERSED.search(prefix[::-1])
    if m is not None and m.start() == 0:
        return _REVERSED_DIRECTION[m.group()]  # a longer word right before the number beats 增, 降 ...
    last = _ONE_CHAR_DIRECTION.get(prefix[-1:])
    if last is not None:
        return last
    return None if m is None else _REVERSED_DIRECTION[m.group()]


_ONE_CHAR_DIRECTION = {w: d for words, d in ((_UP, "up"), (_DOWN, "down")) for w in words if len(w) == 1}
_REVERSED_DIRECTION = {w[::-1]: d for words, d in ((_UP, "up"), (_DOWN, "down")) for w in words if len(w) > 1}
_LONG_CHANGE_REVERSED = re.compile("|".join(sorted(_REVERSED_DIRECTION, key=len, reverse=True)))
_LONG_CHANGE_LAST = frozenset(w[0] for w in _REVERSED_DIRECTION)  # a clause without these holds none of the words


_TO_RE = re.compile(r"(增加|增长|提高|提升|上升|扩大|下降|减少|降低|缩小|缩短|回落|增|降|减|缩|升|涨|跌|提|扩)?"
                    r"(?:至|到)"
                    r"(?:\d{4}年(?:底|末)?的)?$")
_TO_LONGEST = 11  # the longest text _TO_RE matches (增加至2024年底的) with the newline its $ may stand before


def _changes(para: _Paragraph, rows: list[dict[str, Any]]) -> None:
    """Fill change_from / change_to / direction: 从2小时缩至20分钟, 从2017年的13432元增加到2024年的23119元."""
    text, figs = para.text, para.figs
    for i, fig in enumerate(figs):
        a = para.clause_start(fig.start)
        rows[i]["direction"] = _direction(text[a:fig.start]) if fig.kind not in TEMPORAL_KINDS else None
        if fig.kind == "multiple" and text.startswith("翻", fig.start):
            rows[i]["direction"] = "up"  # 翻番, 翻一番
    for j, target in enumerate(figs if para.froms else ()):  # every change read here starts at a 从
        if target.kind in TEMPORAL_KINDS:
            continue
        s_start = para.sentence_start(target.start)
        verb = _TO_RE.search(text[max(s_start, target.start - _TO_LONGEST):target.start])
        if verb is None:
            continue
        frm = para.last_from(s_start, target.start)
        if frm == -1:
            continue
        first = bisect_left(para.starts, frm + 1) if para.ordered else 0
        source = next((k for k in range(first, len(figs)) if frm < figs[k].start < target.start
                       and figs[k].kind not in TEMPORAL_KINDS
                       and (figs[k].unit == target.unit or figs[k].kind == target.kind)), None)
        if source is None:
            continue
        before = figs[source]
        word = verb.group(1) or ""
        direction = "down" if any(w in word for w in _DOWN) else "up" if word and any(w in word for w in _UP) else None
        if direction is None and before.unit == target.unit and not math.isnan(before.value) \
                and not math.isnan(target.value):
            direction = "up" if target.value > before.value else "down" if target.value < before.value else None
        for row in (rows[source], rows[j]):
            row["change_from"] = text[before.start:before.end]
            row["change_to"] = text[target.start:target.end]
            row["direction"] = direction


def _rows(text: str, figs: list[Figure], article: int, paragraph: int) -> list[dict[str, Any]]:
    if not figs:
        return []
    para = _Paragraph(text, figs)
    rows = []
    for fig in figs:
        rows.append({
            "article": article, "paragraph": paragraph, "start": fig.start, "end": fig.end,
            "text": text[fig.start:fig.end],
            "value": math.nan if fig.kind in TEMPORAL_KINDS or fig.iso else fig.value,
            "low": fig.low, "high": fig.high, "unit": fig.unit, "kind": fig.kind, "approx": bool(fig.approx),
            "iso": fig.iso, "sentence": para.sentence(fig.start, fig.end),
            "subject": "", "change_from": None, "change_to": None,
            "direction": None, "note": fig.note,
        })
    for i in range(len(figs)):
        rows[i]["subject"] = subject = _subject(para, i, rows)
        if subject and subject not in _RATE and figs[i].kind not in TEMPORAL_KINDS:
            para.givers.append(i)
            para.giver_starts.append(figs[i].start)
    _changes(para, rows)
    return rows


def _headline_text(article: Article) -> str:
    return "\n".join(x for x in (article.kicker, article.title, article.subtitle) if x)


def _inside_hint(row: dict, page: Page, texts: tuple[str, ...]) -> bool:
    """Whether the figure of ``row`` lies inside one of ``texts`` where that text is printed in its paragraph."""
    paragraph = page.articles[row["article"]].paragraphs[row["paragraph"]] if row["paragraph"] >= 0 else ""
    for text in texts:
        at = paragraph.find(text)
        while at >= 0:
            if at <= row["start"] and row["end"] <= at + len(text):
                return True
            at = paragraph.find(text, at + 1)
    return False


def extract_figures(x: Source, *, include_headlines: bool = False) -> pd.DataFrame:
    """Every figure quoted in the body paragraphs, one row per figure, in reading order.

    Args:
        x: a parsed ``Page``, one ``Article`` or a plain string (one sentence or paragraph).
        include_headlines: also read kicker, title and subtitle; their rows have ``paragraph`` -1 and
            offsets into those lines joined by newlines.

    Returns:
        A new DataFrame with columns ``article`` (index; 0 for a string), ``paragraph`` (index in
        ``Article.paragraphs``), ``start``/``end`` (offsets into that paragraph or string, end exclusive),
        ``text`` (exact surface: number with unit or measure word, 万/亿, inner 余/多, 第, 前/首, 底/下旬; no
        hedges and no 上午/晚上 before a clock time, unless the string is only that time), ``value`` (float:
        magnitudes expanded, percent in points, 成 → percent, race times in seconds; NaN for dates, clock times,
        ranges and scores), ``low``/``high`` (range ends, the two numbers of a score, else NaN), ``unit`` (``%``,
        ``个百分点``, ``元``, ``斤``, ``位`` … in the printed script, ``個百分點`` on a Traditional page; ``个``
        dropped in durations; None when bare), ``kind`` (see below), ``approx`` (a hedge such as 约/近/超过/左右
        or an inner 余/多), ``iso`` (dates, years, quarters and clock times: ``2024``, ``--12-04``, ``---06``,
        ``--10``, ``Q3``, ``T10:30``, ``T09:00``; date ranges ``a/b``), ``sentence``, ``subject`` (what the
        figure qualifies, a chart label of at most 12 characters or ''): the noun after a measure word
        (``64通道脑机接口系统`` → ``脑机接口系统``) or after ``的`` (``92.6%的地级行政单元``), the noun before a
        clause-final count (``金牌32枚`` → ``金牌``), else the clause before the figure without connectives, time
        words and copulas (``上海离岸贸易规模同比增长``); a bare change inherits its total (``出口6.13万亿元，增长6.9%``
        → ``出口增长``); a date opening its clause gets its event (``4月24日是中国航天日``), ``change_from``/``change_to`` (texts of 从A…至B) and
        ``direction`` (``up``/``down``/None), ``note`` (why a figure was not read, else None: a number of more
        than 30 digits is reported with its text only, kind ``unread``).

        ``kind`` is one of:

        - ``percent``: ``73.2%``, ``百分之四十``, ``六成`` (60), ``0.5个百分点``
        - ``count``: ``两位``, ``3000家`` (unit is the measure word)
        - ``approx``: a count, amount or span with an inner 余/多, ``350余位``, ``3900多元``, ``一个多小时``
          (``approx`` is then True too)
        - ``money``: ``50亿元``, ``1.2万美元`` (unit is the currency)
        - ``measure``: ``2.5万千瓦``, ``30公里``, ``20摄氏度``
        - ``age``: ``60岁``, ``4岁半``, ``三周大``
        - ``date``: a calendar day or month, ``12月4日``, ``10月下旬``, ``6日``, ``2024年3月``; a quarter,
          ``一季度``, ``第3季`` (iso ``Q1``, ``Q3``). A clock time after a date is a figure of its own
          (``2月5日``, ``9时``) unless the string is only the date-time (``1987年1月11日八点``).
        - ``year``: a year on its own, ``2024年``, ``2000年底``, a bare ``2025`` in ``2025世界机器人大会``,
          ``2024`` of ``2024赛季``, a Republic of China year on a Traditional page (``113年`` → ``2024``)
        - ``time``: a clock time, ``10时30分``, ``17:17``, ``10时`` of ``上午10时`` (iso ``T10:00``)
        - ``duration``: ``6个月``, ``20分钟``, ``半年``, ``前9个月``, ``首三季``; race times in seconds
          (``1分44秒86`` → 104.86, unit ``秒``)
        - ``range``: ``5到10年``, ``12月4日至5日`` (``low``/``high``, or ``iso`` ``a/b`` for dates and times)
        - ``multiple``: ``3倍``, ``翻一番`` (2)
        - ``fraction``: a part of a whole, ``三分之一``, ``1/100``, ``一半`` (value 0.5, not percent points)
        - ``ratio``: one amount against another, ``师生比为1:15`` (value a / b)
        - ``score``: a match result, ``以3比1战胜``, ``5∶0``, ``4-2`` (``low``/``high`` in printed order, value NaN)
        - ``ordinal``: ``第三批``, ``第35次``, ``第十届``, ``第41分钟``
        - ``unread``: a number too long to be one (more than 30 digits: a code or noise), value NaN

        ``date``, ``year`` and ``time`` carry ``iso`` and no ``value``. The pages' gold files use coarser
        labels (``date`` for years and clock times, ``ratio`` for fractions, ``duration`` for ages).

    Example:
        >>> extract_figures("上海离岸贸易规模同比增长73.2%")[["text", "value", "unit", "kind", "direction"]]
             text  value unit     kind direction
        0  73.2%   73.2    %  percent        up
    """
    rows: list[dict[str, Any]] = []
    with tagging_call():
        if isinstance(x, str):
            rows = _rows(x, scan_figures(x, whole=True), 0, 0)
        else:
            for article in (item.article for item in to_items(x)):
                if include_headlines:
                    head = _headline_text(article)
                    rows += _rows(head, scan_figures(head), article.index, -1)
                for i, paragraph in enumerate(article.paragraphs):
                    rows += _rows(paragraph, scan_figures(paragraph), article.index, i)
            # the user's corrections (PAGE.layout.toml: not_figure = ["三来一补"]): a figure inside such a text
            # is none
            hints = getattr(x, "hints", None)
            if hints is not None and hints.not_figure:
                rows = [r for r in rows if not _inside_hint(r, x, hints.not_figure)]
    return _frame(rows)


_OPTIONAL = ("unit", "iso", "change_from", "change_to", "direction", "note")  # text or None
_TYPES = {"article": "int64", "paragraph": "int64", "start": "int64", "end": "int64", "value": "float64",
          "low": "float64", "high": "float64", "approx": "bool"}
_DTYPES = {**_TYPES, **{column: "object" for column in _OPTIONAL},
           **{column: "text" for column in COLUMNS if column not in _TYPES and column not in _OPTIONAL}}


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The figures table of ``rows``, each column built once in its final dtype (the optional texts as objects
    with None, the other texts as str)."""
    return rows_table(list(map(_ROW_VALUES, rows)), COLUMNS, _DTYPES)


_ROW_VALUES = itemgetter(*COLUMNS)
