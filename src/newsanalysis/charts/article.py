"""Charts of an article's or a page's structure: topic shares and flow, quoted figures, sources, article sizes."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from newsanalysis.charts.base import (
    PALETTE,
    Chart,
    _empty,
    _figure,
    _hbar,
    _label,
    _require,
    _style,
)
from newsanalysis.charts.fonts import resolve_font


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
            ax.set_xlabel("主题占比")
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    main = data.loc[data.groupby("article")["share"].idxmax()] if not data.empty else data
    alt = "堆叠条形图：各篇文章的主题构成；" + "；".join(
        f"第{int(r.article) + 1}篇以{names[r.topic]}为主（{r.share:.0%}）" for r in main.itertuples())
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
            x = [int(p) + 1 for p in wide.index]
            ax.stackplot(x, *[wide[t] for t in wide.columns], colors=PALETTE[: len(wide.columns)] * 4,
                         labels=[_label(names[t], path, width=24) for t in wide.columns])
            ax.set_xlabel("段落")
            ax.set_ylabel("主题权重")
            ax.set_xlim(min(x), max(x) if len(x) > 1 else min(x) + 1)
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    leading = wide.idxmax(axis=1) if not wide.empty else pd.Series(dtype=object)
    changes = [f"第{int(p) + 1}段起转向{names[t]}" for p, t in leading[leading != leading.shift()].items()]
    alt = f"面积图：第{(article or 0) + 1}篇文章{len(wide)}个段落的主题走向；" + "，".join(changes[:6])
    out = data.assign(weight=[wide.at[p, t] for p, t in zip(data["paragraph"], data["topic"])])
    return Chart(figure, alt, out.reset_index(drop=True), "topic_flow", path)


_PANELS = {"percent": "百分比（%）", "money": "金额", "count": "数量", "approx": "数量", "range": "数量",
           "multiple": "倍数", "ratio": "比例", "fraction": "比例"}  # measures get one panel per unit; dates/durations/ordinals none
_PANEL_ORDER = ("百分比（%）", "百分点", "金额", "数量", "倍数", "比例")


def _panel(kind: str, unit: str) -> str | None:
    if kind == "percent":
        return "百分点" if "百分点" in unit else "百分比（%）"
    if kind == "measure":
        return f"计量（{unit}）" if unit else "计量"
    return _PANELS.get(kind)


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


def _scale(values: pd.Series) -> tuple[float, str]:
    biggest = values.abs().max()
    return (1e8, "亿") if biggest >= 1e8 else (1e4, "万") if biggest >= 1e4 else (1.0, "")


def figures_chart(figures: pd.DataFrame, *, max_panels: int = 3, top_n: int = 8, font: str | None = None) -> Chart:
    """Quoted figures at a glance: one panel per scale (percentages, money, counts, measures per unit; the
    ``max_panels`` largest), bars labelled with their subject and the figure as printed; a panel whose values span
    two orders of magnitude uses a log scale. Dates, durations and ordinals are listed in the table only.

    Args:
        figures: ``figures.extract_figures`` output (uses ``text``, ``value``, ``unit``, ``kind``, ``subject``).

    Returns:
        A Chart whose table has columns article, paragraph, text, value, unit, kind, subject, panel (the rows
        drawn; panel names the scale they were drawn on).
    """
    _require(figures, ("text", "value", "unit", "kind"), "figures_chart")
    path = resolve_font(font)
    data = figures.assign(number=figures["value"].map(_number))
    data["panel"] = [_panel(str(k), str(u or "")) for k, u in zip(data["kind"], data["unit"])]
    data = data[data["panel"].notna() & data["number"].notna()].copy()
    subject = data["subject"] if "subject" in data else pd.Series("", index=data.index)
    data["label"] = [s if isinstance(s, str) and s else t for s, t in zip(subject, data["text"])]
    sizes = data["panel"].value_counts()
    panels = sorted(sizes.index, key=lambda p: (-sizes[p], _PANEL_ORDER.index(p) if p in _PANEL_ORDER else 99))
    panels = panels[:max_panels]
    with _style(path):
        figure, axes = _figure(width=7.5, height=max(2.8, 0.3 * min(top_n, len(data)) + 1.5),
                               ncols=max(1, len(panels)))
        if not panels:
            _empty(axes[0], "本文没有可画图的数字")
        for ax, panel in zip(axes, panels):
            rows = data[data["panel"] == panel].head(top_n)
            positive = rows["number"][rows["number"] > 0]
            log = len(positive) == len(rows) and positive.max() >= 100 * positive.min()
            divisor, prefix = (1.0, "") if log else _scale(rows["number"])
            labels = [_label(x, path, width=10 if len(panels) > 1 else 16) for x in rows["label"]]
            _hbar(ax, labels, rows["number"] / divisor, path, color=PALETTE[panels.index(panel)],
                  texts=rows["text"])
            if log:
                ax.set_xscale("log")  # counts spanning orders of magnitude stay readable
            ax.set_title(_label(panel, path, width=20), fontsize=10)
            unit = panel.split("（")[-1].rstrip("）") if "（" in panel else ""
            ax.set_xlabel("对数刻度" if log else f"单位：{prefix}{unit}" if prefix else "")
        figure.suptitle("文中的数字")
    drawn = data[data["panel"].isin(panels)]
    drawn = drawn.groupby("panel", sort=False).head(top_n)
    alt = f"条形图：文中{len(drawn)}个数字，分{len(panels)}组（{'、'.join(panels)}）：" + "；".join(
        f"{r.label} {r.text}" for r in drawn.head(6).itertuples())
    keep = [c for c in ("article", "paragraph", "text", "value", "unit", "kind", "subject", "panel") if c in drawn]
    return Chart(figure, alt, drawn[keep].reset_index(drop=True), "figures_chart", path)


def _named(table: pd.DataFrame) -> pd.DataFrame:
    """Unnamed sources (speaker "") are shown by their description (speaker_title), else as 未具名."""
    speaker = table["speaker"].fillna("").astype(str)
    title = table["speaker_title"].fillna("").astype(str) if "speaker_title" in table else ""
    return table.assign(speaker=speaker.where(speaker != "", title).replace("", "（未具名）"))


def sources_chart(sources: pd.DataFrame, quotes: pd.DataFrame | None = None, *, top_n: int = 10,
                  font: str | None = None) -> Chart:
    """Who is quoted and how much: quotes per speaker (direct vs indirect) and characters quoted.

    Args:
        sources: ``quotes.sources`` output (``speaker``, ``n_quotes``, ``n_chars``; unnamed sources, speaker
            "", are labelled with their ``speaker_title``).
        quotes: optional ``quotes.extract_quotes`` output, to split each speaker's quotes by ``mode``.

    Returns:
        A Chart whose table has columns speaker, direct, indirect, interview, unsplit (quotes whose mode is
        unknown because no quotes table was given), n_quotes, n_chars.
    """
    _require(sources, ("speaker", "n_quotes", "n_chars"), "sources_chart")
    path = resolve_font(font)
    data = _named(sources).groupby("speaker", as_index=False, sort=False)[["n_quotes", "n_chars"]].sum()
    modes = ("direct", "indirect", "interview", "unsplit")
    if quotes is not None and not quotes.empty and {"speaker", "mode"} <= set(quotes.columns):
        counts = _named(quotes).groupby(["speaker", "mode"]).size().unstack(fill_value=0)
        data = data.join(counts.reindex(columns=list(modes), fill_value=0), on="speaker")
    for mode in modes:
        data[mode] = data.get(mode, pd.Series(0, index=data.index)).fillna(0).astype(int)
    data["unsplit"] = (data["n_quotes"] - data[list(modes[:3])].sum(axis=1)).clip(lower=0)
    data = data.sort_values(["n_quotes", "n_chars"], ascending=False, kind="stable").head(top_n)
    data = data[["speaker", *modes, "n_quotes", "n_chars"]]
    with _style(path):
        figure, axes = _figure(width=7.5, height=max(2.5, 0.35 * len(data) + 1.2), ncols=2)
        if data.empty:
            _empty(axes[0], "本文没有具名消息来源")
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
            axes[0].legend(fontsize=8, frameon=False)
            _hbar(axes[1], data["speaker"], data["n_chars"], path, color=PALETTE[4])
            axes[1].set_title("引述字数")
    alt = f"条形图：{len(data)}位消息来源的引语条数与字数：" + "；".join(
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
    with _style(path):
        figure, (ax,) = _figure(height=max(2.5, 0.35 * len(data) + 1))
        ax.set_title(f"各篇文章的{names.get(value, value)}")
        labels = [f"{int(a) + 1}. {t}" for a, t in zip(data["article"], data[label].fillna(""))]
        _hbar(ax, labels, data[value], path) if not data.empty else _empty(ax, "没有文章")
    alt = f"条形图：各篇文章的{names.get(value, value)}：" + "；".join(
        f"第{int(a) + 1}篇{v:g}" for a, v in zip(data["article"], data[value]))
    return Chart(figure, alt, data.reset_index(drop=True), "article_sizes", path)
