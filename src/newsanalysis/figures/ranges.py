"""Joining neighbouring figures into ranges: ``15天至20天``, ``12月4日至5日``, ``十八至三十万日元``, ``8-10月``.

``join_ranges`` takes the ordered figure records of ``figure_grammar.scan_figures`` and merges two figures
separated only by a range connector (至, 到, -, ~) into one ``range`` record, carrying dates, units and a
magnitude written once at the end (``两到三千`` = 2000-3000). ``Figure`` is the record both modules share.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from newsanalysis.figures.numerals import (
    CONNECTORS,
    PERIODS_OF_DAY,
    TEMPORAL_KINDS,
    date_iso,
)
from newsanalysis.figures.words import FigureKind


@dataclass(slots=True)
class Figure:
    """One figure found in a text; offsets are end-exclusive (slots: a page reads thousands)."""

    start: int
    end: int
    value: float = math.nan
    unit: str | None = None
    kind: FigureKind = "count"
    approx: bool = False
    iso: str | None = None
    low: float = math.nan
    high: float = math.nan
    scale: float = 1.0  # trailing magnitude of the numeral (for 十八至三十万)
    date: tuple | None = None  # (y, m, d) for dates
    note: str | None = None  # why a figure was left unread (the ``note`` column)

    def copy(self) -> Figure:
        """A shallow copy (``copy.copy`` of a slotted class goes the long way, through ``__reduce_ex__``).

        Example:
            >>> a = Figure(0, 3, value=50.0, unit="亿元", kind="money"); b = a.copy(); b.value = 60.0
            >>> a.value, b.unit
            (50.0, '亿元')
        """
        return Figure(self.start, self.end, self.value, self.unit, self.kind, self.approx, self.iso, self.low,
                      self.high, self.scale, self.date, self.note)


_NEXT_DAY_AFTER = re.compile(r"(?<=[至到~～\-—])(?:次日|翌日|第二天|隔天)$")
_PERIOD_AFTER = re.compile("(?:" + "|".join(PERIODS_OF_DAY) + ")$")


def join_ranges(s: str, figs: list[Figure]) -> list[Figure]:
    """``figs`` (sorted by start) with each ``a 至 b`` pair (and ``a以上b以下``) joined into one range record."""
    out: list[Figure] = []
    for fig in figs:
        prev = out[-1] if out else None
        between = s[prev.end:fig.start].strip() if prev else ""
        if prev is not None and prev.kind == fig.kind == "time":
            between = _PERIOD_AFTER.sub("", between)  # 下午五点到晚上七点半: the 晚上 belongs to the second time
            between = _NEXT_DAY_AFTER.sub("", between)  # 22时至次日6时: one span past midnight
        bounds = between == "以上" and s.startswith("以下", fig.end)  # 处1万元以上3万元以下罚款
        if prev is None or not (between in CONNECTORS or bounds) or prev.kind == "range":
            out.append(fig)
            continue
        joined = _range(prev, fig, s)
        if joined is None:
            out.append(fig)
        else:
            joined.end += 2 if bounds else 0
            out[-1] = joined
    return out


def _month_only(s: str, f: Figure) -> bool:
    return f.date is not None and f.date[0] is None and f.date[2] is None and bool(f.date[1]) \
        and s[f.end - 1:f.end] == "月"


def _range(a: Figure, b: Figure, s: str = "") -> Figure | None:
    """The range from ``a`` to ``b``, or None when they do not make one."""
    if "score" in (a.kind, b.kind) or "unread" in (a.kind, b.kind):
        return None
    if s and _month_only(s, a) and _month_only(s, b):  # 9月至10月: months 9 to 10, like 1至6月
        return Figure(a.start, b.end, kind="range", unit="月", low=float(a.date[1]), high=float(b.date[1]),
                      approx=a.approx or b.approx)
    if a.iso and b.iso and a.iso.startswith("T") and b.iso.startswith("T"):  # 17:55:23-18:33:02
        return Figure(a.start, b.end, kind="range", iso=f"{a.iso}/{b.iso}", approx=a.approx or b.approx)
    if a.date and b.date:
        ya, ma, _ = a.date
        yb, mb, db = b.date
        if yb is None and (ya is not None and mb is None and ma is not None):
            yb, mb = ya, ma
        elif yb is None and ya is not None:
            yb = ya
        if mb is None and ma is not None and db is not None:
            mb = ma
        unit = "年" if b.unit == "年" and ya and ma is None else None
        return Figure(a.start, b.end, kind="range", unit=unit, iso=f"{date_iso(a.date)}/{date_iso((yb, mb, db))}",
                    approx=a.approx or b.approx)
    if b.date and b.date[0] is None and b.date[1] and not b.date[2] and a.kind == "count" and a.unit is None:
        return Figure(a.start, b.end, kind="range", unit="月", low=a.value, high=float(b.date[1]))
    if a.kind in TEMPORAL_KINDS | {"range"} or b.kind in TEMPORAL_KINDS | {"range", "ratio", "fraction"}:
        return None
    if a.unit is not None and (a.unit != b.unit):
        return None
    low, high = a.value, b.value
    if a.unit is None and abs(b.scale) > 1 and a.scale in (1, -1000, -100, -10) and b.scale > 1 \
            and low * b.scale <= high:
        low *= b.scale  # 十八至三十万日元, 一千到两千万元
    elif a.unit is None and b.scale < -1 and a.scale == 1 and low < 10 and low * -b.scale <= high:
        low *= -b.scale  # 两到三千澳元
    return Figure(a.start, b.end, kind="range", unit=b.unit, low=low, high=high, approx=a.approx or b.approx)
