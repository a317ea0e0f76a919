"""Charts: tidy tables in, matplotlib figures with Chinese labels out (the only module importing matplotlib).

Every chart function takes one of the project's tidy tables (columns as listed in the ``Returns:`` sections of
``stats``, ``topics``, ``figures`` and ``quotes``) and returns a :class:`Chart`: the figure, an alt text that
describes it in words, and the table it was drawn from (so reports can publish the numbers beside the picture).
A ``Chart`` displays itself in Jupyter as a PNG carrying its alt text.

Fonts: every text is drawn with the CJK font from :func:`newsanalysis.fonts.resolve_font` (argument, then
``NEWSANALYSIS_FONT``, then the font bundled with ``mplfonts``, then the system); pass ``font=`` to any chart
function to override it. :func:`missing_glyphs` lists drawn characters the font lacks (the tests require none).
"""

from __future__ import annotations

import base64
import functools
import io
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import NewsAnalysisError
from .fonts import font_coverage, resolve_font

__all__ = ["Chart", "term_bar", "word_cloud", "distinctive_bar", "keyword_bar", "topic_shares", "topic_flow",
           "figures_chart", "sources_chart", "cooccurrence_network", "article_sizes", "missing_glyphs",
           "resolve_font"]
PALETTE = ("#3b6ea8", "#e07b39", "#5a9e5a", "#b5495b", "#8064a2", "#c9a227", "#4aa3a6", "#7f7f7f")


@dataclass
class Chart:
    """A rendered chart: ``figure`` (matplotlib Figure), ``alt`` (text description), ``table`` (its data)."""

    figure: Any
    alt: str
    table: pd.DataFrame
    name: str = "chart"
    font: Path | None = None
    cloud: Any = field(default=None, repr=False)  # the WordCloud behind a word-cloud chart (for vector SVG)

    def to_png(self, *, dpi: int = 110) -> bytes:
        """The chart as PNG bytes."""
        buffer = io.BytesIO()
        with _style(self.font):
            self.figure.savefig(buffer, format="png", dpi=dpi, metadata={"Description": self.alt})
        return buffer.getvalue()

    def to_svg(self) -> str:
        """The chart as an SVG document (glyphs as paths, or the word cloud with its font subset embedded)."""
        if self.cloud is not None:
            return self.cloud.to_svg(embed_font=True)
        buffer = io.StringIO()
        with _style(self.font):
            self.figure.savefig(buffer, format="svg")
        return buffer.getvalue()

    def save(self, path: str | os.PathLike) -> Path:
        """Write the chart to ``path``; the suffix (``.png`` or ``.svg``) picks the format."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".png":
            path.write_bytes(self.to_png())
        elif suffix == ".svg":
            path.write_text(self.to_svg(), encoding="utf-8")
        else:
            raise NewsAnalysisError(f"{path}: cannot save a chart as {suffix or 'a file without suffix'!r}; "
                                    "expected .png or .svg")
        return path

    def _repr_mimebundle_(self, include=None, exclude=None):
        png = base64.b64encode(self.to_png()).decode("ascii")
        return {"image/png": png, "text/plain": self.alt}, {"image/png": {"alt": self.alt}}


@functools.lru_cache(maxsize=8)
def _family(path: Path) -> str:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def missing_glyphs(chart: Chart) -> set[str]:
    """Characters drawn in ``chart`` (titles, labels, ticks, word-cloud words) that its font has no glyph for."""
    from matplotlib.text import Text

    chart.to_png(dpi=40)  # lay out tick labels, which exist only once the figure is drawn
    coverage = font_coverage(chart.font or resolve_font())
    texts = [t.get_text() for t in chart.figure.findobj(Text) if t.get_visible()]
    if chart.cloud is not None:
        texts += [str(item[0][0]) for item in chart.cloud.layout_]
    return {ch for text in texts for ch in text if not ch.isspace() and ord(ch) not in coverage}


def _label(text: Any, font: Path, *, width: int = 16) -> str:
    """A safe label: printable characters the font has (others become ``?``), no mathtext, at most ``width``."""
    coverage = font_coverage(font)
    text = "".join(ch if ord(ch) in coverage else "?" for ch in str(text) if ch.isprintable())
    text = text if len(text) <= width else text[: width - 1] + "…"
    return text.replace("$", r"\$")


def _require(table: pd.DataFrame, columns: tuple[str, ...], chart: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise NewsAnalysisError(f"{chart}: the table lacks column(s) {missing}; expected at least {list(columns)}, "
                                f"got {list(table.columns)}")


def _style(font: Path | None):
    """A matplotlib rc context drawing every text with the CJK font (ticks are laid out at draw time)."""
    import matplotlib

    font = font or resolve_font()
    return matplotlib.rc_context({"font.family": [_family(font)], "axes.unicode_minus": False, "font.size": 9,
                                  "svg.fonttype": "path", "axes.titlesize": 11, "axes.titleweight": "bold"})


def _figure(*, width: float = 7.0, height: float = 4.0, ncols: int = 1):
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    axes = figure.subplots(1, ncols, squeeze=False)[0]
    for ax in axes:
        ax.spines[["top", "right"]].set_visible(False)
    return figure, list(axes)


def _empty(ax, message: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#666666")


def _hbar(ax, labels, values, font: Path, *, color: str = PALETTE[0], texts=None, left=None):
    """Horizontal bars, first row on top, each with its value (or ``texts``) written at the end."""
    positions = list(range(len(labels)))[::-1]
    bars = ax.barh(positions, list(values), color=color, left=left)
    ax.set_yticks(positions, [_label(x, font) for x in labels])
    written = texts if texts is not None else [f"{v:g}" for v in values]
    ax.bar_label(bars, labels=[_label(t, font, width=14) for t in written], padding=2, fontsize=8)
    ax.margins(x=0.2)
    return bars


def _listing(labels, values, unit: str, n: int = 5) -> str:
    items = [f"{label}（{value:g}{unit}）" for label, value in list(zip(labels, values))[:n]]
    return "、".join(items) + ("等" if len(labels) > n else "")


def _top_terms(table: pd.DataFrame, value: str, top_n: int) -> pd.DataFrame:
    grouped = table.groupby("term", as_index=False, sort=False)[value].sum()
    return grouped.sort_values([value, "term"], ascending=[False, True], kind="stable").head(top_n)


# ---------------------------------------------------------------- charts

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
    with _style(path):
        figure, (ax,) = _figure(height=max(2.5, 0.28 * len(data) + 1))
        ax.set_title(title)
        if data.empty:
            _empty(ax, "没有可统计的词")
        else:
            _hbar(ax, data["term"], data["count"], path)
            ax.set_xlabel("出现次数")
    alt = f"条形图：{title}，共{len(data)}个词，依次为{_listing(data['term'], data['count'], '次')}"
    return Chart(figure, alt, data.reset_index(drop=True), "term_bar", path)


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
    cloud = None
    with _style(path):
        figure, (ax,) = _figure(width=width / 100, height=height / 100)
        if data.empty:
            _empty(ax, "没有可统计的词")
        else:
            from wordcloud import WordCloud

            cloud = WordCloud(font_path=str(path), width=width, height=height, background_color="white",
                              random_state=random_state, max_words=max_words, prefer_horizontal=1.0,
                              collocations=False, colormap="tab10", min_font_size=8)
            cloud.generate_from_frequencies(dict(zip(data["term"].astype(str), data["count"].astype(float))))
            ax.imshow(cloud.to_array(), interpolation="bilinear")
            ax.set_axis_off()
    alt = f"词云：{len(data)}个词，字号越大出现越多，最多的是{_listing(data['term'], data['count'], '次')}"
    return Chart(figure, alt, data.reset_index(drop=True), "word_cloud", path, cloud)


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
    with _style(path):
        figure, (ax,) = _figure(height=max(2.5, 0.28 * len(data) + 1))
        ax.set_title("本文特色词")
        if data.empty:
            _empty(ax, "没有特色词")
        else:
            _hbar(ax, data["term"], data[value].round(2), path, color=PALETTE[1])
            ax.set_xlabel("加权对数优势比（越大越是本文独有）" if value == "log_odds" else value)
    alt = f"条形图：本文特色词，共{len(data)}个，依次为{_listing(data['term'], data[value].round(2), '')}"
    return Chart(figure, alt, data.reset_index(drop=True), "distinctive_bar", path)


def keyword_bar(table: pd.DataFrame, *, top_n: int = 15, font: str | None = None) -> Chart:
    """Keywords with their weights (``stats.keywords``: columns ``term``, ``weight``).

    Returns:
        A Chart whose table has columns term, weight.
    """
    _require(table, ("term", "weight"), "keyword_bar")
    path = resolve_font(font)
    data = _top_terms(table, "weight", top_n)
    with _style(path):
        figure, (ax,) = _figure(height=max(2.5, 0.28 * len(data) + 1))
        ax.set_title("关键词")
        if data.empty:
            _empty(ax, "没有关键词")
        else:
            _hbar(ax, data["term"], data["weight"].round(3), path, color=PALETTE[2])
            ax.set_xlabel("权重")
    alt = f"条形图：关键词，共{len(data)}个，依次为{_listing(data['term'], data['weight'].round(3), '')}"
    return Chart(figure, alt, data.reset_index(drop=True), "keyword_bar", path)


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
