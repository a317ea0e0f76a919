"""Charts of an archive over time: a term's frequency per period (``corpus.term_trends``)."""

from __future__ import annotations

from typing import Literal

import pandas as pd

from newsanalysis.charts.base import (
    PALETTE,
    Chart,
    _empty,
    _figure,
    _integer_ticks,
    _label,
    _require,
    _style,
)
from newsanalysis.charts.fonts import resolve_font


def trend_chart(table: pd.DataFrame, *, value: Literal["per_10k", "count"] = "per_10k", title: str = "词频走势",
                font: str | None = None) -> Chart:
    """Line chart: each term's frequency per period, one line per term.

    Args:
        table: ``corpus.term_trends`` output (columns ``period``, ``term``, ``count``, ``per_10k``).
        value: ``"per_10k"`` (per 10,000 tokens, default) or ``"count"``.
        title: the chart title.
        font: font file or family overriding :func:`resolve_font`.

    Returns:
        A Chart whose table has columns period, term, count, per_10k (periods in order).

    Example:
        >>> t = pd.DataFrame({"period": ["2025-11-01", "2025-12-01"], "term": ["增长", "增长"], "count": [11, 6],
        ...                   "per_10k": [209.9, 25.8]})
        >>> trend_chart(t).alt
        '折线图：词频走势（每万词），2个时段（2025-11-01至2025-12-01）；增长最高为2025-11-01（209.9）'
    """
    _require(table, ("period", "term", "count", "per_10k"), "trend_chart")
    path = resolve_font(font)
    data = table[["period", "term", "count", "per_10k"]].sort_values("period", kind="stable").reset_index(drop=True)
    periods = list(dict.fromkeys(data["period"].astype(str)))
    unit = "每万词" if value == "per_10k" else "次"
    with _style(path):
        figure, (ax,) = _figure(height=3.6)
        ax.set_title(title)
        if data.empty:
            _empty(ax, "没有带日期的页面")
        else:
            positions = {p: i for i, p in enumerate(periods)}
            for i, (term, rows) in enumerate(data.groupby("term", sort=False)):
                ax.plot([positions[str(p)] for p in rows["period"]], rows[value], marker="o", markersize=3,
                        color=PALETTE[i % len(PALETTE)], label=_label(term, path))
            step = max(1, len(periods) // 8)
            ax.set_xticks(range(0, len(periods), step), [periods[i] for i in range(0, len(periods), step)],
                          rotation=30, ha="right")
            ax.set_xlabel("时段")
            ax.set_ylabel(f"出现次数（{unit}）")
            ax.set_ylim(bottom=0)
            if value == "count":
                _integer_ticks(ax.yaxis)
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    if data.empty:
        alt = f"折线图：{title}，没有带日期的页面"
    else:
        peaks = "；".join(f"{term}最高为{rows.loc[rows[value].idxmax(), 'period']}（{rows[value].max():g}）"
                         for term, rows in data.groupby("term", sort=False))
        alt = f"折线图：{title}（{unit}），{len(periods)}个时段（{periods[0]}至{periods[-1]}）；{peaks}"
    return Chart(figure, alt, data, "trend_chart", path)
