"""Charts of words: term frequencies, word cloud, distinctive terms, keywords and the co-occurrence network."""

from __future__ import annotations

import numpy as np
import pandas as pd

from newsanalysis.charts.base import (
    PALETTE,
    Chart,
    _empty,
    _figure,
    _hbar,
    _label,
    _listing,
    _require,
    _style,
    _top_terms,
)
from newsanalysis.charts.fonts import font_coverage, resolve_font


def term_bar(table: pd.DataFrame, *, top_n: int = 20, title: str = "高频词", font: str | None = None) -> Chart:
    """Bar chart of the most frequent terms.

    Args:
        table: ``stats.term_frequencies`` output (columns ``term``, ``count``; several articles are summed).
        top_n: how many terms to draw.
        title: the chart title.
        font: font file or family overriding :func:`resolve_font`.

    Returns:
        A Chart whose table has columns term, count (the rows drawn, most frequent first).

    Example:
        >>> term_bar(pd.DataFrame({"term": ["浦东", "开放"], "count": [5, 3]})).alt
        '条形图：高频词，共2个词，依次为浦东（5次）、开放（3次）'
    """
    _require(table, ("term", "count"), "term_bar")
    path = resolve_font(font)
    data = _top_terms(table, "count", top_n)
    return _ranked_terms(data, data["count"], path, name="term_bar", title=title, empty="没有可统计的词",
                         xlabel="出现次数", unit="次", counted="个词")


def _ranked_terms(data: pd.DataFrame, values: pd.Series, path, *, name: str, title: str, empty: str, xlabel: str,
                  unit: str = "", counted: str = "个", color: str = PALETTE[0]) -> Chart:
    """The horizontal bar chart shared by term, distinctive-term and keyword charts (``data`` already ranked)."""
    with _style(path):
        figure, (ax,) = _figure(height=max(2.5, 0.28 * len(data) + 1))
        ax.set_title(title)
        if data.empty:
            _empty(ax, empty)
        else:
            _hbar(ax, data["term"], values, path, color=color)
            ax.set_xlabel(xlabel)
    alt = f"条形图：{title}，共{len(data)}{counted}，依次为{_listing(data['term'], values, unit)}"
    return Chart(figure, alt, data.reset_index(drop=True), name, path)


def word_cloud(table: pd.DataFrame, *, max_words: int = 100, random_state: int = 0, width: int = 800,
               height: int = 450, font: str | None = None) -> Chart:
    """Word cloud of our term frequencies (wordcloud's own tokenizer is never used: it cannot segment Chinese).

    Args:
        table: columns ``term``, ``count`` (e.g. ``stats.term_frequencies``).
        max_words: most words drawn.
        random_state: seed; the same table and seed always give the same picture.
        width, height: size in pixels.
        font: font file or family overriding :func:`resolve_font`.

    Returns:
        A Chart whose table has columns term, count; ``chart.save("x.svg")`` writes vector SVG with the font
        subset embedded, ``chart.save("x.png")`` a PNG.
    """
    _require(table, ("term", "count"), "word_cloud")
    path = resolve_font(font)
    data = _top_terms(table, "count", max_words)
    data = data[data["count"] > 0]
    cloud = bitmap = None
    with _style(path):
        figure, (ax,) = _figure(width=width / 100, height=height / 100)
        if data.empty:
            _empty(ax, "没有可统计的词")
        else:
            from wordcloud import WordCloud

            cloud = WordCloud(font_path=str(path), width=width, height=height, background_color="white",
                              random_state=random_state, max_words=max_words, prefer_horizontal=1.0,
                              collocations=False, colormap="tab10", min_font_size=8,
                              max_font_size=max(12, int(height * 0.3)))  # a fixed top size skips a trial layout
            coverage = font_coverage(path)
            words = {"".join(ch for ch in str(t) if ord(ch) in coverage and ch.isprintable()).strip(): float(n)
                     for t, n in zip(data["term"], data["count"])}
            cloud.generate_from_frequencies({w: n for w, n in words.items() if w} or {"?": 1.0})
            bitmap = cloud.to_image()  # drawn once: the figure shows it and to_png encodes it
            ax.imshow(np.asarray(bitmap), interpolation="bilinear")
            ax.set_axis_off()
    alt = f"词云：{len(data)}个词，字号越大出现越多，最多的是{_listing(data['term'], data['count'], '次')}"
    return Chart(figure, alt, data.reset_index(drop=True), "word_cloud", path, cloud, bitmap)


def distinctive_bar(table: pd.DataFrame, *, top_n: int = 15, value: str = "log_odds",
                    font: str | None = None) -> Chart:
    """Terms that set an article apart from the rest of the page (``stats.distinctive_terms``).

    Returns:
        A Chart whose table has columns term, count, <value> (the rows drawn, highest first).
    """
    _require(table, ("term", value), "distinctive_bar")
    path = resolve_font(font)
    columns = ["term", *(["count"] if "count" in table else []), value]
    data = table[columns].sort_values([value, "term"], ascending=[False, True], kind="stable").head(top_n)
    return _ranked_terms(data, data[value].round(2), path, name="distinctive_bar", title="本文特色词",
                         empty="没有特色词", color=PALETTE[1],
                         xlabel="加权对数优势比（越大越是本文独有）" if value == "log_odds" else value)


def keyword_bar(table: pd.DataFrame, *, top_n: int = 15, font: str | None = None) -> Chart:
    """Keywords with their weights (``stats.keywords``: columns ``term``, ``weight``).

    Returns:
        A Chart whose table has columns term, weight.
    """
    _require(table, ("term", "weight"), "keyword_bar")
    path = resolve_font(font)
    data = _top_terms(table, "weight", top_n)
    return _ranked_terms(data, data["weight"].round(3), path, name="keyword_bar", title="关键词",
                         empty="没有关键词", xlabel="权重", color=PALETTE[2])


def cooccurrence_network(table: pd.DataFrame, *, top_n: int = 30, weight: str = "count",
                         font: str | None = None) -> Chart:
    """Network of terms that occur together (``stats.cooccurrence``/``collocations``: term_a, term_b, <weight>).

    Returns:
        A Chart whose table has columns term_a, term_b, <weight> (the strongest ``top_n`` pairs drawn).
    """
    _require(table, ("term_a", "term_b", weight), "cooccurrence_network")
    path = resolve_font(font)
    data = table[["term_a", "term_b", weight]].sort_values(weight, ascending=False, kind="stable").head(top_n)
    with _style(path):
        figure, (ax,) = _figure(width=7, height=5.5)
        ax.set_title("词语共现网络")
        ax.set_axis_off()
        if data.empty:
            _empty(ax, "没有共现词对")
        else:
            import networkx as nx

            graph = nx.Graph()
            graph.add_weighted_edges_from(data.itertuples(index=False, name=None))
            where = nx.spring_layout(graph, seed=0, weight="weight")
            biggest = float(data[weight].max()) or 1.0
            for a, b, w in data.itertuples(index=False, name=None):
                ax.plot(*zip(where[a], where[b]), color="#9aa7b8", linewidth=0.5 + 3 * float(w) / biggest, zorder=1)
            for node, (x, y) in where.items():
                ax.text(x, y, _label(node, path), ha="center", va="center", fontsize=9, zorder=2,
                        bbox={"boxstyle": "round,pad=0.2", "facecolor": "#eef3fa", "edgecolor": PALETTE[0]})
    alt = f"网络图：{len(data)}对经常一起出现的词，最强的是" + "、".join(
        f"{a}—{b}" for a, b in zip(data["term_a"].head(5), data["term_b"].head(5)))
    return Chart(figure, alt, data.reset_index(drop=True), "cooccurrence_network", path)
