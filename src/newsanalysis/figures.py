"""Figures quoted in articles: every number with its unit, kind, normalised value and what it qualifies.

``extract_figures`` scans body paragraphs (never headlines, captions or bylines unless asked) with a grammar
(``figure_grammar``) and adds what a reader needs around each number: its sentence, the words it qualifies
(``subject``) and the change it reports (``从2小时缩至20分钟``, ``同比增长73.2%`` → ``direction``).
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from .figure_grammar import HEDGES_BEFORE, Figure, scan_figures
from .model import Article, Page
from .numerals import TEMPORAL_KINDS

COLUMNS = [
    "article", "paragraph", "start", "end", "text", "value", "low", "high", "unit", "kind", "approx",
    "iso", "sentence", "subject", "change_from", "change_to", "direction",
]

_SENT_END = "。！？!?"
_CLAUSE = "，,；;：:。！？!?、（(\n"
_UP = ("增长", "增加", "上升", "提高", "提升", "上涨", "增幅", "涨幅", "增至", "多出", "多了", "多收", "多产",
       "高出", "扩大", "攀升", "跃升", "回升", "增", "涨", "升", "多")
_DOWN = ("下降", "减少", "降低", "下滑", "下跌", "降幅", "跌幅", "回落", "缩小", "缩至", "缩短", "少了", "微减",
         "收窄", "减", "降", "少", "缩")
_HEDGE_TAIL = re.compile("(?:" + "|".join(sorted(HEDGES_BEFORE, key=len, reverse=True)) + ")$")


def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind(c, 0, start) for c in _SENT_END) + 1
    ends = [i for i in (text.find(c, end) for c in _SENT_END) if i != -1]
    b = min(ends) + 1 if ends else len(text)
    while b < len(text) and text[b] in "”」』)）":
        b += 1
    return text[a:b].strip()


def _subject(text: str, start: int, end: int) -> str:
    a = max(text.rfind(c, 0, start) for c in _CLAUSE) + 1
    prefix = _HEDGE_TAIL.sub("", text[a:start]).strip(" “”\"")
    if prefix:
        return prefix
    m = re.match(r"[^，,；;：:。！？!?、（(\n]{1,12}", text[end:])
    return m.group(0).strip(" “”\"") if m else ""


def _direction(prefix: str) -> str | None:
    tail = prefix[-4:]
    for word in sorted(_UP + _DOWN, key=len, reverse=True):
        if tail.endswith(word) or (len(word) > 1 and word in tail):
            return "up" if word in _UP else "down"
    return None


def _changes(text: str, figs: list[Figure], rows: list[dict[str, Any]]) -> None:
    """Fill change_from / change_to / direction: 从2小时缩至20分钟, 从2017年的13432元增加到2024年的23119元."""
    for i, fig in enumerate(figs):
        a = max(text.rfind(c, 0, fig.start) for c in _CLAUSE) + 1
        rows[i]["direction"] = _direction(text[a:fig.start]) if fig.kind not in TEMPORAL_KINDS else None
        if fig.kind == "multiple" and text.startswith("翻", fig.start):
            rows[i]["direction"] = "up"  # 翻番, 翻一番
    for j, target in enumerate(figs):
        if target.kind in TEMPORAL_KINDS:
            continue
        s_start = max(text.rfind(c, 0, target.start) for c in _SENT_END) + 1
        lead = text[s_start:target.start]
        verb = re.search(r"(增加|增长|提高|提升|上升|扩大|下降|减少|降低|缩小|缩短|回落|增|降|减|缩|升|涨|跌|提|扩)?(?:至|到)"
                         r"(?:\d{4}年(?:底|末)?的)?$", lead)
        frm = lead.rfind("从")
        if verb is None or frm == -1:
            continue
        source = next((k for k, f in enumerate(figs) if s_start + frm < f.start < target.start
                       and f.kind not in TEMPORAL_KINDS
                       and (f.unit == target.unit or f.kind == target.kind)), None)
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
    rows = []
    for fig in figs:
        rows.append({
            "article": article, "paragraph": paragraph, "start": fig.start, "end": fig.end,
            "text": text[fig.start:fig.end],
            "value": math.nan if fig.kind in TEMPORAL_KINDS or fig.iso else fig.value,
            "low": fig.low, "high": fig.high, "unit": fig.unit, "kind": fig.kind, "approx": bool(fig.approx),
            "iso": fig.iso, "sentence": _sentence(text, fig.start, fig.end),
            "subject": _subject(text, fig.start, fig.end), "change_from": None, "change_to": None,
            "direction": None,
        })
    _changes(text, figs, rows)
    return rows


def _headline_text(article: Article) -> str:
    return "\n".join(x for x in (article.kicker, article.title, article.subtitle) if x)


def extract_figures(x: Page | Article | str, *, include_headlines: bool = False) -> pd.DataFrame:
    """Every figure quoted in the body paragraphs, one row per figure, in reading order.

    Args:
        x: a parsed ``Page``, one ``Article`` or a plain string (one sentence or paragraph).
        include_headlines: also read kicker, title and subtitle; their rows have ``paragraph`` -1 and
            offsets into those lines joined by newlines.

    Returns:
        A new DataFrame with columns ``article`` (index; 0 for a string), ``paragraph`` (index in
        ``Article.paragraphs``), ``start``/``end`` (offsets into that paragraph or string, end exclusive),
        ``text`` (exact surface: number with unit or measure word, 万/亿, inner 余/多, 第, 前, 底/下旬; no
        hedges), ``value`` (float: magnitudes expanded, percent in points, 成 → percent; NaN for dates, clock
        times and ranges), ``low``/``high`` (range ends, else NaN), ``unit`` (``%``, ``个百分点``, ``元``,
        ``斤``, ``位`` …; ``个`` dropped in durations; None when bare), ``kind`` (see below), ``approx`` (a
        hedge such as 约/近/超过/左右 or an inner 余/多), ``iso`` (dates, years and clock times: ``2024``,
        ``--12-04``, ``---06``, ``--10``, ``T10:30``; date ranges ``a/b``), ``sentence``, ``subject`` (the
        words before the figure in its clause), ``change_from``/``change_to`` (texts of 从A…至B) and
        ``direction`` (``up``/``down``/None).

        ``kind`` is one of:

        - ``percent``: ``73.2%``, ``百分之四十``, ``六成`` (60), ``0.5个百分点``
        - ``count``: ``两位``, ``3000家`` (unit is the measure word)
        - ``approx``: a count with an inner 余/多, ``350余位`` (``approx`` is then True too)
        - ``money``: ``50亿元``, ``1.2万美元`` (unit is the currency)
        - ``measure``: ``2.5万千瓦``, ``30公里``, ``20摄氏度``
        - ``age``: ``60岁``
        - ``date``: a calendar day or month, ``12月4日``, ``10月下旬``, ``6日``, ``2024年3月`` (with a time:
          ``1987年1月11日八点``)
        - ``year``: a year on its own, ``2024年``, ``2000年底``, a bare ``2025`` in ``2025世界机器人大会``
        - ``time``: a clock time, ``10时30分``, ``17:17``, ``上午10时``
        - ``duration``: ``6个月``, ``20分钟``, ``半年``, ``前9个月``
        - ``range``: ``5到10年``, ``12月4日至5日`` (``low``/``high``, or ``iso`` ``a/b`` for dates and times)
        - ``multiple``: ``3倍``, ``翻一番`` (2)
        - ``fraction``: a part of a whole, ``三分之一``, ``1/100``, ``一半`` (value 0.5, not percent points)
        - ``ratio``: one amount against another, ``3比1`` (value 3.0)
        - ``ordinal``: ``第三批``, ``第35次``, ``第十届``

        ``date``, ``year`` and ``time`` carry ``iso`` and no ``value``. The pages' gold files use coarser
        labels (``date`` for years and clock times, ``ratio`` for fractions).

    Example:
        >>> extract_figures("上海离岸贸易规模同比增长73.2%")[["text", "value", "unit", "kind", "direction"]]
             text  value unit     kind direction
        0  73.2%   73.2    %  percent        up
    """
    rows: list[dict[str, Any]] = []
    if isinstance(x, str):
        rows = _rows(x, scan_figures(x, whole=True), 0, 0)
    else:
        articles = x.articles if isinstance(x, Page) else [x]
        for article in articles:
            if include_headlines:
                head = _headline_text(article)
                rows += _rows(head, scan_figures(head), article.index, -1)
            for i, paragraph in enumerate(article.paragraphs):
                rows += _rows(paragraph, scan_figures(paragraph), article.index, i)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("unit", "iso", "change_from", "change_to", "direction"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame.astype({"article": "int64", "paragraph": "int64", "start": "int64", "end": "int64",
                         "value": "float64", "low": "float64", "high": "float64", "approx": "bool"})
