"""Charts of words: term frequencies, word cloud, distinctive terms, keywords and the co-occurrence network."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from newsanalysis.charts.base import (
    PALETTE,
    Chart,
    _empty,
    _figure,
    _hbar,
    _integer_ticks,
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
                         xlabel="出现次数（次）", unit="次", counted="个词", integer=True)


def _ranked_terms(data: pd.DataFrame, values: pd.Series, path, *, name: str, title: str, empty: str, xlabel: str,
                  unit: str = "", counted: str = "个", color: str = PALETTE[0], integer: bool = False) -> Chart:
    """The horizontal bar chart shared by term, distinctive-term and keyword charts (``data`` already ranked)."""
    with _style(path):
        figure, (ax,) = _figure(height=max(2.5, 0.28 * len(data) + 1))
        ax.set_title(title)
        if data.empty:
            _empty(ax, empty)
        else:
            _hbar(ax, data["term"], values, path, color=color)
            ax.set_xlabel(xlabel)
            if integer:
                _integer_ticks(ax.xaxis)
    alt = (f"条形图：{title}，共{len(data)}{counted}，依次为{_listing(data['term'], values, unit)}" if len(data)
           else f"条形图：{title}，{empty}")
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
    alt = (f"词云：{len(data)}个词，字号越大出现越多，最多的是{_listing(data['term'], data['count'], '次')}"
           if len(data) else "词云：没有可统计的词")
    return Chart(figure, alt, data.reset_index(drop=True), "word_cloud", path, cloud, bitmap)


def distinctive_bar(table: pd.DataFrame, *, top_n: int = 15, value: str | None = None,
                    font: str | None = None) -> Chart:
    """Terms that set an article apart from the rest of the page (``stats.distinctive_terms``), by ``value``:
    ``z`` (default when the table has it: the ranking ``distinctive_terms`` uses) or ``log_odds``.

    Returns:
        A Chart whose table has columns term, count, <value> (the rows drawn, highest first).

    Example:
        >>> t = pd.DataFrame({"term": ["离岸贸易", "浦东"], "count": [7, 27], "z": [2.0, 3.9]})
        >>> distinctive_bar(t).alt
        '条形图：本文特色词，共2个词，依次为浦东（3.9）、离岸贸易（2）'
    """
    value = value or ("z" if "z" in table else "log_odds")
    _require(table, ("term", value), "distinctive_bar")
    path = resolve_font(font)
    columns = ["term", *(["count"] if "count" in table else []), value]
    data = table[columns].sort_values([value, "term"], ascending=[False, True], kind="stable").head(top_n)
    xlabel = {"z": "z分数（加权对数优势比除以标准差，越大越是本文特有）",
              "log_odds": "加权对数优势比（越大越是本文特有）"}.get(value, value)
    return _ranked_terms(data, data[value].round(2), path, name="distinctive_bar", title="本文特色词",
                         empty="没有特色词（一版只有一篇文章时无从比较）", color=PALETTE[1], xlabel=xlabel,
                         counted="个词")


def keyword_bar(table: pd.DataFrame, *, top_n: int = 15, font: str | None = None) -> Chart:
    """Keywords with their weights (``stats.keywords``: columns ``term``, ``weight``).

    Returns:
        A Chart whose table has columns term, weight.
    """
    _require(table, ("term", "weight"), "keyword_bar")
    path = resolve_font(font)
    data = _top_terms(table, "weight", top_n)
    return _ranked_terms(data, data["weight"].round(3), path, name="keyword_bar", title="关键词",
                         empty="没有关键词", xlabel="权重（TF-IDF，无单位）", color=PALETTE[2])


def _strongest_edges(data: pd.DataFrame, weight: str, top_n: int, max_nodes: int) -> pd.DataFrame:
    """The edges worth drawing: among the ``max_nodes`` terms with the strongest ties, a maximum spanning forest
    (every term keeps its strongest link, so none floats alone) plus the next strongest edges up to ``top_n``."""
    import networkx as nx

    strength = pd.concat([data[["term_a", weight]].set_axis(["term", "w"], axis=1),
                          data[["term_b", weight]].set_axis(["term", "w"], axis=1)]).groupby("term")["w"].sum()
    nodes = set(strength.sort_values(ascending=False, kind="stable").head(max_nodes).index)
    inside = data[data["term_a"].isin(nodes) & data["term_b"].isin(nodes)]
    graph = nx.Graph()
    for a, b, w in inside[["term_a", "term_b", weight]].itertuples(index=False, name=None):
        graph.add_edge(a, b, weight=float(w))
    tree = {frozenset((a, b)) for a, b in nx.maximum_spanning_edges(graph, data=False)}
    keep = [frozenset((a, b)) in tree for a, b in zip(inside["term_a"], inside["term_b"])]
    backbone, rest = inside[keep], inside[[not k for k in keep]]
    return pd.concat([backbone, rest.head(max(0, top_n - len(backbone)))]).sort_values(
        weight, ascending=False, kind="stable")


def _layout(graph) -> dict:
    """Node positions filling [-1, 1]²: each connected part laid out by a seeded force-directed layout on hops
    (edge weights are strengths, not lengths; numpy only, no scipy import), the parts side by side, widest first."""
    import networkx as nx

    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    widths = [math.sqrt(len(part)) for part in parts]
    where, left = {}, 0.0
    for part, width in zip(parts, widths):
        sub = graph.subgraph(part)
        local = (nx.spring_layout(sub, weight=None, seed=0, iterations=200) if len(part) > 2
                 else nx.circular_layout(sub))
        for node, (x, y) in local.items():
            where[node] = np.array([left + width * (x + 1) / 2, y])
        left += width * 1.1
    points = np.array(list(where.values()))
    low, high = points.min(axis=0), points.max(axis=0)
    span = np.where(high - low > 0, high - low, 1.0)
    return {node: 2 * (p - low) / span - 1 for node, p in where.items()}


def _label_boxes(texts, renderer) -> list:
    """Each label's drawn box (its rounded frame when it has one) in display pixels."""
    return [(t.get_bbox_patch() or t).get_window_extent(renderer) for t in texts]


def _separate_labels(ax, texts, *, pad: float = 6.0, rounds: int = 300) -> bool:
    """Move labels apart (in display pixels, inside the axes) until no two boxes overlap; True when done.

    Each round pushes every overlapping pair apart along the axis where they overlap least, half each, the way
    label-placement tools like adjustText do; labels keep their anchor near their node, edges follow them.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(ax.figure).get_renderer()
    ax.figure.draw(renderer)  # lays out the constrained axes and the label frames
    frame = ax.get_window_extent(renderer)
    boxes = _label_boxes(texts, renderer)
    centres = np.array([[(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2] for b in boxes])
    halves = np.array([[b.width / 2 + pad / 2, b.height / 2 + pad / 2] for b in boxes])
    low, high = np.array([frame.x0, frame.y0]) + halves, np.array([frame.x1, frame.y1]) - halves
    clear, upper = False, np.triu(np.ones((len(texts), len(texts)), dtype=bool), k=1)
    for _ in range(rounds):
        apart = centres[:, None, :] - centres[None, :, :]
        gap = halves[:, None, :] + halves[None, :, :] - np.abs(apart)
        i, j = np.nonzero((gap > 0).all(axis=2) & upper)
        clear = len(i) == 0
        if clear:
            break
        axis = (gap[i, j, 1] < gap[i, j, 0]).astype(int)  # the cheaper direction
        sign = np.where(apart[i, j, axis] >= 0, 1.0, -1.0)
        push = sign * (gap[i, j, axis] / 2 + 0.5)
        moves = np.zeros_like(centres)
        np.add.at(moves, (i, axis), push)
        np.add.at(moves, (j, axis), -push)
        centres = np.clip(centres + moves, low, np.maximum(low, high))
    inverse = ax.transData.inverted()
    for text, centre in zip(texts, centres):
        text.set_position(inverse.transform(centre))
    return clear


def cooccurrence_network(table: pd.DataFrame, *, top_n: int = 25, max_nodes: int = 20, weight: str | None = None,
                         font: str | None = None) -> Chart:
    """Network of the terms most strongly tied by co-occurrence (``stats.cooccurrence``/``collocations``).

    Only the strongest ties are drawn, not every pair: the ``max_nodes`` terms with the strongest ties, linked by
    a maximum spanning forest plus the next strongest edges up to ``top_n``; edge width follows ``weight``
    (default ``llr``, Dunning's G², when the table has it, else ``count``). Labels are moved apart until no two
    overlap.

    Returns:
        A Chart whose table has columns term_a, term_b, count (when the table has it) and <weight> when it is
        another column (the pairs drawn, strongest first).

    Example:
        >>> pairs = pd.DataFrame({"term_a": ["浦东", "浦东", "开放"], "term_b": ["开放", "贸易", "贸易"],
        ...                       "count": [5, 3, 1]})
        >>> cooccurrence_network(pairs, top_n=2).alt
        '网络图：3个词之间最强的2对共现关系（共3对，按共现次数选出），最强的是浦东—开放、浦东—贸易'
    """
    weight = weight or ("llr" if "llr" in table else "count")
    _require(table, ("term_a", "term_b", weight), "cooccurrence_network")
    path = resolve_font(font)
    columns = ["term_a", "term_b", *(["count"] if "count" in table and weight != "count" else []), weight]
    ranked = table[columns].sort_values(weight, ascending=False, kind="stable")
    data = _strongest_edges(ranked, weight, top_n, max_nodes) if not ranked.empty else ranked
    nodes = list(dict.fromkeys([*data["term_a"], *data["term_b"]]))
    what = {"llr": "对数似然比G²", "count": "共现次数", "pmi": "点互信息"}.get(weight, weight)
    with _style(path):
        figure, (ax,) = _figure(width=7, height=5.5)
        ax.set_title("词语共现网络（线越粗，关联越强）")
        ax.set_axis_off()
        if data.empty:
            _empty(ax, "没有共现词对（没有哪两个词多次一起出现）")
        else:
            import networkx as nx

            graph = nx.Graph()
            graph.add_nodes_from(nodes)
            graph.add_weighted_edges_from(data[["term_a", "term_b", weight]].itertuples(index=False, name=None))
            where = _layout(graph)
            ax.set_xlim(-1.2, 1.2)
            ax.set_ylim(-1.12, 1.12)
            texts = {node: ax.text(*where[node], _label(node, path), ha="center", va="center", fontsize=9,
                                   zorder=2, bbox={"boxstyle": "round,pad=0.2", "facecolor": "#eef3fa",
                                                   "edgecolor": PALETTE[0]})
                     for node in nodes}
            for text in texts.values():
                text.set_in_layout(False)  # labels moved inside the axes must not resize it
            for size in (9, 8, 7, 6):  # a crowded network gets smaller labels rather than overlapping ones
                for node, text in texts.items():
                    text.set_position(where[node])
                    text.set_fontsize(size)
                if _separate_labels(ax, list(texts.values())):
                    break
            biggest = max(float(data[weight].max()), 1e-9)
            for a, b, w in data[["term_a", "term_b", weight]].itertuples(index=False, name=None):
                ax.plot(*zip(texts[a].get_position(), texts[b].get_position()), color="#9aa7b8",
                        linewidth=0.5 + 3 * max(0.0, float(w)) / biggest, zorder=1)
    alt = (f"网络图：{len(nodes)}个词之间最强的{len(data)}对共现关系（共{len(table)}对，按{what}选出），最强的是"
           + "、".join(f"{a}—{b}" for a, b in zip(data["term_a"].head(5), data["term_b"].head(5)))
           if not data.empty else "网络图：没有共现词对")
    return Chart(figure, alt, data.reset_index(drop=True), "cooccurrence_network", path)
