"""Charts of an article's or a page's structure: topic shares and flow, quoted figures, sources, article sizes."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from newsanalysis.charts.base import (
    PALETTE,
    Chart,
    _empty,
    _few_ticks,
    _figure,
    _hbar,
    _integer_ticks,
    _label,
    _paragraph_ticks,
    _percent_ticks,
    _require,
    _style,
)
from newsanalysis.charts.fonts import resolve_font
from newsanalysis.quotes.speakers import INTERVIEWER_RE


def _topic_names(labels: pd.DataFrame | None, topics) -> dict:
    names = {t: f"主题{int(t) + 1}" if str(t).lstrip("-").isdigit() else str(t) for t in topics}
    if labels is not None and {"topic", "label"} <= set(labels.columns):
        names.update({row.topic: f"{names.get(row.topic, row.topic)} {row.label}" for row in labels.itertuples()})
    return names


def topic_shares(article_shares: pd.DataFrame, labels: pd.DataFrame | None = None, *,
                 titles: dict | None = None, font: str | None = None) -> Chart:
    """Stacked bars: how much of each article belongs to each topic (``TopicModel.article_shares``).

    Args:
        article_shares: columns ``article``, ``topic``, ``share``.
        labels: optional ``TopicModel.labels`` (``topic``, ``label``) for the legend.
        titles: optional article index -> title for the bar labels (default 第N篇).

    Returns:
        A Chart whose table has columns article, topic, share.
    """
    _require(article_shares, ("article", "topic", "share"), "topic_shares")
    path = resolve_font(font)
    data = article_shares[["article", "topic", "share"]].sort_values(["article", "topic"], kind="stable")
    wide = data.pivot_table(index="article", columns="topic", values="share", aggfunc="sum", fill_value=0.0)
    names = _topic_names(labels, wide.columns)
    with _style(path):
        figure, (ax,) = _figure(height=max(2.5, 0.4 * len(wide) + 1.5))
        ax.set_title("各篇文章的主题构成")
        if wide.empty:
            _empty(ax, "没有主题")
        else:
            rows = [(titles or {}).get(a, f"第{int(a) + 1}篇") for a in wide.index]
            left = pd.Series(0.0, index=wide.index)
            for i, topic in enumerate(wide.columns):
                positions = list(range(len(wide)))[::-1]
                ax.barh(positions, wide[topic], left=left, color=PALETTE[i % len(PALETTE)],
                        label=_label(names[topic], path, width=24))
                left = left + wide[topic]
            ax.set_yticks(list(range(len(wide)))[::-1], [_label(r, path) for r in rows])
            _percent_ticks(ax.xaxis)
            ax.set_xlabel("主题占比（%）")
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    main = data.loc[data.groupby("article")["share"].idxmax()] if not data.empty else data
    alt = "堆叠条形图：各篇文章的主题构成；" + ("；".join(
        f"第{int(r.article) + 1}篇以{names[r.topic]}为主（{r.share:.0%}）" for r in main.itertuples()) or "没有主题")
    return Chart(figure, alt, data.reset_index(drop=True), "topic_shares", path)


def topic_flow(paragraph_weights: pd.DataFrame, labels: pd.DataFrame | None = None, *, article: int | None = None,
               font: str | None = None) -> Chart:
    """Paragraph-by-paragraph topic flow of one article (``TopicModel.paragraph_weights``).

    Returns:
        A Chart whose table has columns article, paragraph, topic, weight (weights normalised per paragraph).
    """
    _require(paragraph_weights, ("article", "paragraph", "topic", "weight"), "topic_flow")
    path = resolve_font(font)
    data = paragraph_weights[["article", "paragraph", "topic", "weight"]]
    if article is None and not data.empty:
        article = int(data["article"].iloc[0])
    data = data[data["article"] == article].sort_values(["paragraph", "topic"], kind="stable")
    wide = data.pivot_table(index="paragraph", columns="topic", values="weight", aggfunc="sum", fill_value=0.0)
    wide = wide.div(wide.sum(axis=1).where(lambda s: s > 0, 1.0), axis=0)
    names = _topic_names(labels, wide.columns)
    with _style(path):
        figure, (ax,) = _figure(height=3.2)
        ax.set_title("逐段主题走向")
        if wide.empty:
            _empty(ax, "没有段落主题")
        else:
            x = [int(p) + 1 for p in wide.index]  # paragraph numbers as readers count them, from 1
            _paragraph_ticks(ax, min(x), max(x))
            columns = [wide[t].tolist() for t in wide.columns]
            if len(x) == 1:  # one paragraph has no flow: draw it as a block around its number
                x, columns = [x[0] - 0.4, x[0] + 0.4], [c * 2 for c in columns]
            ax.stackplot(x, *columns, colors=PALETTE[: len(wide.columns)] * 4,
                         labels=[_label(names[t], path, width=24) for t in wide.columns])
            ax.set_xlabel("段落（第几段）")
            ax.set_ylabel("主题占比（%）")
            ax.set_xlim(min(x), max(x))
            ax.set_ylim(0, 1)
            _percent_ticks(ax.yaxis)
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    leading = wide.idxmax(axis=1) if not wide.empty else pd.Series(dtype=object)
    changes = [f"第{int(p) + 1}段起转向{names[t]}" for p, t in leading[leading != leading.shift()].items()]
    alt = (f"面积图：第{(article or 0) + 1}篇文章{len(wide)}个段落的主题走向；" + "，".join(changes[:6]) if len(wide)
           else "面积图：没有段落主题")
    out = data.assign(weight=[wide.at[p, t] for p, t in zip(data["paragraph"], data["topic"])])
    return Chart(figure, alt, out.reset_index(drop=True), "topic_flow", path)


def _number(value: Any) -> float | None:
    if isinstance(value, (list, tuple)) and value:
        numbers = [_number(v) for v in value]
        return None if None in numbers else sum(numbers) / len(numbers)
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


_CURRENCIES = ("美元", "欧元", "英镑", "日元", "韩元", "港元", "港币", "澳元", "卢布", "卢比", "比索", "法郎", "元")
_TIME_UNITS = {"年", "月", "日", "天", "周", "小时", "分钟", "分", "秒", "时", "周年", "季度", "个月", "月份"}
_NO_CHART_KINDS = {"date", "year", "time", "duration", "ordinal"}  # when, how long, which: listed, never drawn
_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
_PANEL_ORDER = ("percent", "points", "money", "count", "multiple", "ratio", "measure")


def _currency(unit: str) -> str:
    """The currency a money unit names (``万亿美元`` → 美元); 元 when it names none (Chinese papers' default)."""
    return next((c for c in _CURRENCIES if unit.endswith(c)), "元")


def _panel(kind: str, unit: str) -> tuple[str, str] | None:
    """(family, unit) of a figure: only figures of one family and one unit are comparable on one axis.

    A range (``5到10年``, ``十八至三十万日元``) has lost its kind, so its unit decides: a currency is money, % a
    percentage, a time unit a duration (not drawn), anything else a count of that unit.
    """
    unit = unit.strip()
    if kind in _NO_CHART_KINDS:
        return None
    if kind == "range":
        if not unit or unit in _TIME_UNITS:
            return None
        kind = "money" if unit.endswith(_CURRENCIES) else "percent" if unit in ("%", "％") else "count"
    if kind == "percent":
        return ("points", "百分点") if "百分点" in unit else ("percent", "%")
    if kind == "money":
        return "money", _currency(unit)
    if kind in ("count", "approx"):
        return "count", unit
    if kind == "multiple":
        return "multiple", "倍"
    if kind in ("ratio", "fraction"):
        return "ratio", ""
    if kind == "measure":
        return "measure", unit
    return None


def _panel_name(family: str, unit: str) -> str:
    """The panel's title, naming what its axis measures and in which unit."""
    what = {"percent": "百分比", "points": "变化", "money": "金额", "count": "数量", "multiple": "倍数",
            "ratio": "比值", "measure": "数值"}[family]
    return f"{what}（{unit}）" if unit else f"{what}（无单位）"


def _bounds(row) -> tuple[float, float] | None:
    """(start, end) of a figure's bar: a range spans low to high, any other figure starts at 0."""
    low, high = _number(getattr(row, "low", None)), _number(getattr(row, "high", None))
    if row.kind == "range" and low is not None and high is not None:
        return low, high
    value = _number(row.value)
    return None if value is None else (0.0, value)


def _scale(values: pd.Series, family: str) -> tuple[float, str]:
    """(divisor, prefix) writing big money and counts in 万, 亿 or 万亿; percentages and ratios as they are."""
    if family not in ("money", "count") or values.empty:
        return 1.0, ""
    biggest = values.abs().max()
    return next(((d, p) for d, p in _SCALES if biggest >= d), (1.0, ""))


def figures_chart(figures: pd.DataFrame, *, max_panels: int = 3, top_n: int = 8, font: str | None = None) -> Chart:
    """Quoted figures at a glance: one panel per kind and unit (percentages, money per currency, counts per
    counted thing, measures per unit), so only comparable figures share an axis; the ``max_panels`` panels with
    the most figures are drawn, on a linear scale labelled with the unit (``金额（亿美元）``), each bar labelled
    with its subject and the figure as printed; a range is drawn from its low to its high end. Dates,
    durations and ordinals are listed in the table only; the chart says how many figures it leaves out.

    Args:
        figures: ``figures.extract_figures`` output (uses ``text``, ``value``, ``unit``, ``kind``, ``subject``
            and, for ranges, ``low`` and ``high``).

    Returns:
        A Chart whose table has columns article, paragraph, text, value, unit, kind, subject, panel (the rows
        drawn; panel names the quantity and unit of the axis they were drawn on).

    Example:
        >>> f = pd.DataFrame({"text": ["30%", "5亿元", "3000万美元"], "value": [30, 5e8, 3e7],
        ...                   "unit": ["%", "元", "美元"], "kind": ["percent", "money", "money"]})
        >>> figures_chart(f).table["panel"].tolist()
        ['百分比（%）', '金额（元）', '金额（美元）']
    """
    _require(figures, ("text", "value", "unit", "kind"), "figures_chart")
    path = resolve_font(font)
    data = figures.copy()
    keys = [_panel(str(k), "" if pd.isna(u) else str(u)) for k, u in zip(data["kind"], data["unit"])]
    spans = [_bounds(r) for r in data.itertuples()]
    data = data.assign(key=keys, span=spans)
    data = data[data["key"].notna() & data["span"].notna()].copy()
    data["panel"] = [_panel_name(*key) for key in data["key"]]
    subject = data["subject"] if "subject" in data else pd.Series("", index=data.index)
    data["label"] = [s if isinstance(s, str) and s else t for s, t in zip(subject, data["text"])]
    sizes, first = data["panel"].value_counts(), {p: i for i, p in reversed(list(enumerate(data["panel"])))}
    family = dict(zip(data["panel"], (key[0] for key in data["key"])))
    panels = sorted(sizes.index, key=lambda p: (-sizes[p], _PANEL_ORDER.index(family[p]), first[p]))[:max_panels]
    in_panels = data[data["panel"].isin(panels)]
    drawn = in_panels.groupby("panel", sort=False).head(top_n)
    n_left = len(figures) - len(drawn)
    reasons = [(len(figures) - len(data), "日期、时长、序数等"), (len(data) - len(in_panels), "其他单位"),
               (len(in_panels) - len(drawn), f"超出每组{top_n}个")]
    why = "、".join(f"{what}{n}个" for n, what in reasons if n)
    left_text = f"另有{n_left}个数字未画出（{why}），见数字表" if n_left else ""
    with _style(path):
        figure, axes = _figure(width=7.5, height=max(2.8, 0.3 * min(top_n, sizes.max() if len(sizes) else 0) + 1.6),
                               ncols=max(1, len(panels)))
        if not panels:
            _empty(axes[0], "本文没有可画图的数字" + (f"（{len(figures)}个数字都是日期、时长或序数，见数字表）"
                                                   if len(figures) else ""))
        for ax, panel in zip(axes, panels):
            rows = drawn[drawn["panel"] == panel]
            divisor, prefix = _scale(pd.Series([end for _, end in rows["span"]]), family[panel])
            starts = [start / divisor for start, _ in rows["span"]]
            widths = [(end - start) / divisor for start, end in rows["span"]]
            labels = [_label(x, path, width=10 if len(panels) > 1 else 16) for x in rows["label"]]
            _hbar(ax, labels, widths, path, color=PALETTE[panels.index(panel)], texts=rows["text"], left=starts)
            what, _, unit = panel.partition("（")  # the axis label names the quantity, its unit and its scale
            unit = unit.rstrip("）")
            ax.set_xlabel(f"{what}（{prefix}{unit}）" if unit != "无单位" else f"{what}（{prefix or '无单位'}）")
            if family[panel] == "count" and not prefix:
                _integer_ticks(ax.xaxis, nbins=4)
            elif len(panels) > 1:  # a third of the width: fewer ticks keep their labels apart
                _few_ticks(ax.xaxis)
        figure.suptitle("文中的数字（同一单位的数字画在同一坐标轴上）" if len(panels) > 1 else "文中的数字")
        if n_left and panels:
            figure.supxlabel(left_text, fontsize=8, color="#666666")
    left_note = f"；{left_text}" if n_left else ""
    if panels:
        alt = f"条形图：文中{len(drawn)}个数字，按种类和单位分{len(panels)}组（{'、'.join(panels)}）：" + "；".join(
            f"{r.label} {r.text}" for r in drawn.head(6).itertuples()) + left_note
    else:
        alt = "条形图：本文没有可画图的数字" + left_note
    keep = [c for c in ("article", "paragraph", "text", "value", "unit", "kind", "subject", "panel") if c in drawn]
    return Chart(figure, alt, drawn[keep].reset_index(drop=True), "figures_chart", path)


def _named(table: pd.DataFrame) -> pd.DataFrame:
    """Unnamed sources (speaker "") are shown by their description (speaker_title), else as 未具名; rows of the
    interviewer (记者, 主持人, 问) are dropped."""
    speaker = table["speaker"].fillna("").astype(str)
    title = table["speaker_title"].fillna("").astype(str) if "speaker_title" in table else ""
    shown = speaker.where(speaker != "", title)
    return table.assign(speaker=shown.replace("", "（未具名）"))[~shown.str.strip().str.match(INTERVIEWER_RE)]


def sources_chart(sources: pd.DataFrame, quotes: pd.DataFrame | None = None, *, top_n: int | None = None,
                  font: str | None = None) -> Chart:
    """Who is quoted and how much: quotes per speaker (direct vs indirect) and characters quoted.

    Every source is drawn unless ``top_n`` limits them; the chart and its alt text then say how many are not
    shown. The interviewer (记者) is never counted as a source.

    Args:
        sources: ``quotes.sources`` output (``speaker``, ``n_quotes``, ``n_chars``; unnamed sources, speaker
            "", are labelled with their ``speaker_title``).
        quotes: optional ``quotes.extract_quotes`` output, to split each speaker's quotes by ``mode``.
        top_n: draw only the most quoted ``top_n`` sources (default: all).

    Returns:
        A Chart whose table has columns speaker, direct, indirect, interview, unsplit (quotes whose mode is
        unknown because no quotes table was given), n_quotes, n_chars (the sources drawn, most quoted first).

    Example:
        >>> s = pd.DataFrame({"speaker": ["", "王明", "李华"], "speaker_title": ["记者", "", ""],
        ...                   "n_quotes": [3, 2, 1], "n_chars": [30, 40, 10]})
        >>> sources_chart(s, top_n=1).alt
        '条形图：共2位消息来源，图中画出引语最多的1位，另有1位未画出：王明2条，40字'
    """
    _require(sources, ("speaker", "n_quotes", "n_chars"), "sources_chart")
    path = resolve_font(font)
    named = _named(sources)
    unnamed = set(named.loc[sources.loc[named.index, "speaker"].fillna("").astype(str) == "", "speaker"])
    data = named.groupby("speaker", as_index=False, sort=False)[["n_quotes", "n_chars"]].sum()
    modes = ("direct", "indirect", "interview", "unsplit")
    if quotes is not None and not quotes.empty and {"speaker", "mode"} <= set(quotes.columns):
        counts = _named(quotes).groupby(["speaker", "mode"]).size().unstack(fill_value=0)
        data = data.join(counts.reindex(columns=list(modes), fill_value=0), on="speaker")
    for mode in modes:
        data[mode] = data.get(mode, pd.Series(0, index=data.index)).fillna(0).astype(int)
    data["unsplit"] = (data["n_quotes"] - data[list(modes[:3])].sum(axis=1)).clip(lower=0)
    data = data.sort_values(["n_quotes", "n_chars"], ascending=False, kind="stable")
    n_sources = len(data)
    data = data.head(top_n) if top_n is not None else data
    n_hidden = n_sources - len(data)
    data = data[["speaker", *modes, "n_quotes", "n_chars"]]
    hidden = f"另有{n_hidden}位未画出" if n_hidden else ""
    with _style(path):
        figure, axes = _figure(width=7.5, height=max(2.5, 0.35 * len(data) + 1.4), ncols=2)
        if data.empty:
            _empty(axes[0], "本文未引用消息来源")
            axes[1].set_axis_off()
        else:
            left = pd.Series(0, index=data.index)
            names = {"direct": "直接引语", "indirect": "间接引语", "interview": "访谈回答", "unsplit": "引语"}
            for i, mode in enumerate(modes):
                if data[mode].sum():
                    _hbar(axes[0], data["speaker"], data[mode], path, color=PALETTE[i], left=left,
                          texts=["" if v == 0 else str(v) for v in data[mode]]).set_label(names[mode])
                    left = left + data[mode]
            axes[0].set_title("引语条数")
            axes[0].set_xlabel("引语（条）")
            drawn_modes = sum(1 for mode in modes if data[mode].sum())
            figure.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=drawn_modes,
                          fontsize=8, frameon=False)  # below the plots: a legend inside would cover a long bar
            _hbar(axes[1], data["speaker"], data["n_chars"], path, color=PALETTE[4])
            axes[1].set_title("引述字数")
            axes[1].set_xlabel("引述字数（字）")
            for ax in axes:
                _integer_ticks(ax.xaxis)
            if hidden:
                figure.suptitle(f"共{n_sources}位消息来源，{hidden}", fontsize=9, color="#666666")
    if data.empty:
        alt = "条形图：本文未引用消息来源"
    else:
        shown = (f"共{n_sources}位消息来源" + (f"（其中{len(unnamed)}位未具名，以身份标注）" if unnamed else "")
                 + (f"，图中画出引语最多的{len(data)}位，{hidden}" if hidden else ""))
        alt = f"条形图：{shown}：" + "；".join(
            f"{r.speaker}{r.n_quotes}条（直接{r.direct}、间接{r.indirect}、访谈{r.interview}），{r.n_chars}字"
            if not r.unsplit else f"{r.speaker}{r.n_quotes}条，{r.n_chars}字"
            for r in data.itertuples())
    return Chart(figure, alt, data.reset_index(drop=True), "sources_chart", path)


def article_sizes(table: pd.DataFrame, *, value: str = "n_chars", label: str = "title",
                  font: str | None = None) -> Chart:
    """One bar per article of a page (e.g. characters, figures or quotes per article).

    Returns:
        A Chart whose table has columns article, <label>, <value>.
    """
    _require(table, ("article", label, value), "article_sizes")
    path = resolve_font(font)
    data = table[["article", label, value]].sort_values("article", kind="stable")
    names = {"n_chars": "字数", "n_paragraphs": "段落数", "n_figures": "数字个数", "n_quotes": "引语条数",
             "n_sources": "消息来源数"}
    units = {"n_chars": "字", "n_paragraphs": "段", "n_figures": "个", "n_quotes": "条", "n_sources": "位"}
    with _style(path):
        figure, (ax,) = _figure(height=max(2.5, 0.35 * len(data) + 1))
        ax.set_title(f"各篇文章的{names.get(value, value)}")
        labels = [f"{int(a) + 1}. {t}" for a, t in zip(data["article"], data[label].fillna(""))]
        if data.empty:
            _empty(ax, "此版没有文章")
        else:
            _hbar(ax, labels, data[value], path)
            ax.set_xlabel(f"{names.get(value, value)}（{units[value]}）" if value in units else value)
            _integer_ticks(ax.xaxis)
    alt = f"条形图：各篇文章的{names.get(value, value)}：" + ("；".join(
        f"第{int(a) + 1}篇{v:g}{units.get(value, '')}" for a, v in zip(data["article"], data[value])) or "此版没有文章")
    return Chart(figure, alt, data.reset_index(drop=True), "article_sizes", path)
