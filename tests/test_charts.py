"""Charts: every chart renders Chinese without tofu, carries alt text and its table; fonts resolve as documented."""

from __future__ import annotations

import logging
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from fontTools.ttLib import TTFont
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsanalysis import charts
from newsanalysis.charts import fonts
from newsanalysis.errors import FontNotFoundError, NewsAnalysisError

TERMS = pd.DataFrame({"article": 0, "term": ["浦东", "开放", "经济", "全球", "制度型开放", "“腾笼换鸟”"],
                      "count": [9, 7, 5, 3, 2, 1]}).assign(share=lambda d: d["count"] / d["count"].sum())
LABELS = pd.DataFrame({"topic": [0, 1], "label": ["开放 贸易", "科技 创新"], "top_terms": ["开放 贸易", "科技 创新"]})
SHARES = pd.DataFrame({"article": [0, 0, 1, 1], "topic": [0, 1, 0, 1], "share": [0.7, 0.3, 0.2, 0.8]})
WEIGHTS = pd.DataFrame({"article": 0, "paragraph": [0, 0, 1, 1, 2, 2], "topic": [0, 1] * 3,
                        "weight": [0.9, 0.1, 0.5, 0.5, 0.1, 0.9]})
FIGURES = pd.DataFrame({
    "article": 0, "paragraph": [1, 2, 3, 4, 5, 6],
    "text": ["30%", "5亿元", "1200多名", "2024年", "六成", "3.14亿人次"],
    "value": [30, 5e8, 1200, "2024", 60, 3.14e8],
    "unit": ["%", "元", "名", "年", "成", "人次"],
    "kind": ["percent", "money", "approx", "date", "percent", "count"],
    "subject": ["增速", "投资", "", None, "企业", "旅客发送量"],
})
SOURCES = pd.DataFrame({"article": 0, "speaker": ["沈克华", "王明"], "speaker_title": ["副院长", ""],
                        "n_quotes": [5, 2], "n_chars": [800, 40], "first_paragraph": [1, 3],
                        "modes": ["interview", "direct,indirect"]})
QUOTES = pd.DataFrame({"speaker": ["沈克华"] * 5 + ["王明"] * 2, "mode": ["interview"] * 5 + ["direct", "indirect"]})
COOC = pd.DataFrame({"term_a": ["浦东", "浦东", "开放"], "term_b": ["开放", "经济", "贸易"], "count": [5, 3, 2]})
SIZES = pd.DataFrame({"article": [0, 1], "title": ["变局之下，浦东如何重塑全球角色", "<script>alert(1)</script>"],
                      "n_chars": [3000, 1200]})

TRENDS = pd.DataFrame({"period": ["2025-11-01", "2025-11-01", "2025-12-01", "2025-12-01"],
                       "term": ["浦东", "离岸贸易", "浦东", "离岸贸易"], "count": [4, 0, 6, 3],
                       "per_10k": [40.0, 0.0, 30.0, 15.0]})

CASES = {
    "term_bar": (lambda: charts.term_bar(TERMS, top_n=5), ["term", "count"], ["浦东", "9次"]),
    "word_cloud": (lambda: charts.word_cloud(TERMS), ["term", "count"], ["词云", "浦东"]),
    "distinctive_bar": (lambda: charts.distinctive_bar(TERMS.assign(log_odds=[3, 2, 1.5, 1, 0.5, 0.2])),
                        ["term", "count", "log_odds"], ["特色词", "浦东"]),
    "keyword_bar": (lambda: charts.keyword_bar(TERMS.assign(weight=[0.3, 0.2, 0.1, 0.05, 0.02, 0.01])),
                    ["term", "weight"], ["关键词", "开放"]),
    "topic_shares": (lambda: charts.topic_shares(SHARES, LABELS), ["article", "topic", "share"], ["第2篇", "科技"]),
    "topic_flow": (lambda: charts.topic_flow(WEIGHTS, LABELS), ["article", "paragraph", "topic", "weight"],
                   ["第3段"]),
    "figures_chart": (lambda: charts.figures_chart(FIGURES), ["article", "paragraph", "text", "value", "unit",
                                                              "kind", "subject", "panel"], ["5亿元", "增速"]),
    "sources_chart": (lambda: charts.sources_chart(SOURCES, QUOTES), ["speaker", "direct", "indirect", "interview",
                                                                       "unsplit", "n_quotes", "n_chars"],
                      ["沈克华5条", "访谈5"]),
    "cooccurrence_network": (lambda: charts.cooccurrence_network(COOC), ["term_a", "term_b", "count"],
                             ["浦东—开放"]),
    "article_sizes": (lambda: charts.article_sizes(SIZES), ["article", "title", "n_chars"], ["第1篇3000"]),
    "trend_chart": (lambda: charts.trend_chart(TRENDS), ["period", "term", "count", "per_10k"],
                    ["折线图", "2个时段", "离岸贸易最高为2025-12-01"]),
}


def _cmap(path: Path) -> set[int]:
    with TTFont(str(path), lazy=True) as font:
        return set(font.getBestCmap())


def _drawn_texts(chart: charts.Chart) -> list[str]:
    from matplotlib.text import Text

    texts = [t.get_text() for t in chart.figure.findobj(Text) if t.get_visible()]
    return texts + ([str(item[0][0]) for item in chart.cloud.layout_] if chart.cloud is not None else [])


@pytest.fixture()
def glyph_log(caplog):
    caplog.set_level(logging.WARNING)
    return caplog


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_chart_renders_without_tofu(name, glyph_log):
    build, columns, alt_parts = CASES[name]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chart = build()
        png = chart.to_png()
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in glyph_log.records]
    assert not [m for m in messages if "Glyph" in m and "missing" in m], messages
    assert not [m for m in messages if "findfont" in m], messages
    assert png.startswith(b"\x89PNG")
    coverage = _cmap(chart.font)  # independent of newsanalysis.charts.fonts: read the cmap again with fontTools
    drawn = "".join(_drawn_texts(chart))
    assert any("\u4e00" <= ch <= "\u9fff" for ch in drawn)
    assert {ch for ch in drawn if not ch.isspace() and ord(ch) not in coverage} == set()
    assert charts.missing_glyphs(chart) == set()
    assert list(chart.table.columns) == columns
    assert all(part in chart.alt for part in alt_parts), chart.alt
    assert chart.name == name


@pytest.mark.parametrize("name", ["term_bar", "topic_flow", "figures_chart", "sources_chart", "trend_chart",
                                  "cooccurrence_network"])
def test_png_has_the_pixels_savefig_draws(name):
    # to_png draws once (no silent layout pass, no PNG decoded again): the picture must be savefig's, pixel for pixel
    import io

    from PIL import Image

    from newsanalysis.charts.base import _style

    chart, twin = CASES[name][0](), CASES[name][0]()  # each drawn once: a second draw may lay out differently
    ours = np.asarray(Image.open(io.BytesIO(chart.to_png(dpi=60))).convert("RGB"))
    buffer = io.BytesIO()
    with _style(twin.font):
        twin.figure.savefig(buffer, format="png", dpi=60)
    theirs = np.asarray(charts.base._palette(Image.open(io.BytesIO(buffer.getvalue()))).convert("RGB"))
    assert ours.shape == theirs.shape and (ours == theirs).all()
    assert chart.figure.dpi != 60  # the figure's own dpi is left as it was


@pytest.mark.parametrize("name", ["term_bar", "word_cloud", "distinctive_bar", "keyword_bar", "topic_shares",
                                  "topic_flow", "figures_chart", "sources_chart", "cooccurrence_network", "trend_chart",
                                  "article_sizes"])
def test_empty_tables_give_an_explaining_chart(name):
    columns = CASES[name][1]
    source = {"term_bar": TERMS, "word_cloud": TERMS, "distinctive_bar": TERMS.assign(log_odds=1.0),
              "keyword_bar": TERMS.assign(weight=1.0), "topic_shares": SHARES, "topic_flow": WEIGHTS,
              "figures_chart": FIGURES, "sources_chart": SOURCES, "cooccurrence_network": COOC,
              "trend_chart": TRENDS, "article_sizes": SIZES}[name]
    function = getattr(charts, name)
    chart = function(source.head(0))
    assert chart.table.empty and list(chart.table.columns) == columns
    assert chart.to_png().startswith(b"\x89PNG")
    assert charts.missing_glyphs(chart) == set()
    said = [text for text in _drawn_texts(chart) if re.search(r"没有|未引用", text)]
    assert said, _drawn_texts(chart)
    assert re.search(r"没有|未引用", chart.alt), chart.alt


def test_word_cloud_is_deterministic_and_saves_png_and_svg(tmp_path):
    first, second = charts.word_cloud(TERMS, random_state=3), charts.word_cloud(TERMS, random_state=3)
    assert np.array_equal(first.cloud.to_array(), second.cloud.to_array())
    assert first.cloud.layout_ == second.cloud.layout_
    svg = first.save(tmp_path / "cloud.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and "浦东" in svg and "@font-face" in svg
    assert (tmp_path / "cloud.png").exists() is False
    assert first.save(tmp_path / "cloud.png").read_bytes().startswith(b"\x89PNG")
    with pytest.raises(NewsAnalysisError, match=r"cloud\.gif.*expected \.png or \.svg"):
        first.save(tmp_path / "cloud.gif")


def test_word_cloud_uses_our_terms_not_its_tokenizer():
    chart = charts.word_cloud(pd.DataFrame({"term": ["制度型开放", "引领区"], "count": [3, 2]}))
    assert sorted(item[0][0] for item in chart.cloud.layout_) == ["制度型开放", "引领区"]


def test_chart_displays_as_png_with_alt_text():
    chart = charts.term_bar(TERMS)
    data, metadata = chart._repr_mimebundle_()
    assert data["text/plain"] == chart.alt and metadata["image/png"]["alt"] == chart.alt
    assert data["image/png"][:4] == "iVBO"


@pytest.mark.parametrize("label, expected", [
    ("费用$5$元", "费用\\$5\\$元"),
    ("这是一个很长很长很长很长很长的标题", "这是一个很长很长很长很长很长的…"),
    ("表情😀", "表情?"),
    ("换\n行", "换行"),
])
def test_labels_are_safe(label, expected):
    from newsanalysis.charts.base import _label

    assert _label(label, fonts.resolve_font()) == expected


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=6, unique=True))
def test_any_terms_draw_without_missing_glyphs(terms):
    table = pd.DataFrame({"term": terms, "count": range(len(terms), 0, -1)})
    assert charts.missing_glyphs(charts.term_bar(table)) == set()


def test_missing_column_names_the_expectation():
    with pytest.raises(NewsAnalysisError, match=r"term_bar: the table lacks column\(s\) \['count'\]"):
        charts.term_bar(pd.DataFrame({"term": ["浦东"]}))


# ---------------------------------------------------------------- fonts

def test_default_font_is_the_bundled_noto(monkeypatch):
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    assert fonts.resolve_font().name == "NotoSansCJKsc-Regular.otf"


def test_argument_beats_environment_beats_bundled(monkeypatch, tmp_path):
    bundled = fonts.bundled_font()
    copy = tmp_path / "mine.otf"
    copy.write_bytes(bundled.read_bytes())
    monkeypatch.setenv(fonts.FONT_ENV, str(copy))
    assert fonts.resolve_font() == copy
    assert fonts.resolve_font(bundled) == bundled


def test_non_cjk_font_is_refused(monkeypatch):
    import matplotlib

    dejavu = Path(matplotlib.get_data_path()) / "fonts/ttf/DejaVuSans.ttf"
    monkeypatch.setenv(fonts.FONT_ENV, str(dejavu))
    with pytest.raises(FontNotFoundError, match="NEWSANALYSIS_FONT=.*DejaVuSans.*no Chinese glyphs"):
        fonts.resolve_font()


def test_unknown_font_names_the_value_and_the_fix(monkeypatch):
    monkeypatch.setattr(fonts, "_family_file", lambda family: None)
    with pytest.raises(FontNotFoundError, match=r"'不存在的字体' is neither a font file.*pip install mplfonts"):
        fonts.resolve_font("不存在的字体")


def test_no_font_anywhere_says_how_to_fix(monkeypatch):
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    monkeypatch.setattr(fonts, "bundled_font", lambda: None)
    monkeypatch.setattr(fonts, "system_fonts", lambda: [])
    with pytest.raises(FontNotFoundError, match="no font with Chinese glyphs found.*NEWSANALYSIS_FONT"):
        fonts.resolve_font()


def test_system_fonts_are_used_when_nothing_is_bundled(monkeypatch):
    bundled = fonts.bundled_font()
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    monkeypatch.setattr(fonts, "bundled_font", lambda: None)
    monkeypatch.setattr(fonts, "system_fonts", lambda: [Path("/nonexistent.ttf"), bundled])
    assert fonts.resolve_font() == bundled


# ---------------------------------------------------------------- the sample page's charts

@pytest.fixture(scope="module")
def sample_figures(sample_page):
    from newsanalysis.figures import extract_figures

    return extract_figures(sample_page)


@pytest.fixture(scope="module")
def sample_tables(sample_page):
    from newsanalysis.quotes import extract_quotes, source_table

    quotes = extract_quotes(sample_page)
    return {"quotes": quotes, "sources": source_table(quotes)}


def _visible_ticks(axis_ticks, limits) -> list[float]:
    low, high = sorted(limits)
    return [t for t in axis_ticks if low - 1e-9 <= t <= high + 1e-9]


def test_paragraph_axis_counts_whole_paragraphs_from_one(sample_page):
    from newsanalysis import stats

    model = stats.topics(sample_page, random_state=0)
    weights = model.paragraph_weights
    for article in sorted(weights["article"].unique()):
        chart = charts.topic_flow(weights, model.labels, article=int(article))
        chart.to_png(dpi=40)
        ax = chart.figure.axes[0]
        n_paragraphs = weights.loc[weights["article"] == article, "paragraph"].nunique()
        ticks = _visible_ticks(ax.get_xticks(), ax.get_xlim())
        assert ticks and all(float(t).is_integer() for t in ticks), ticks
        assert 1 <= min(ticks) and max(ticks) <= n_paragraphs
        assert ax.get_xlim()[0] == pytest.approx(1.0)  # the first paragraph is 第1段
    one = charts.topic_flow(WEIGHTS[WEIGHTS["paragraph"] == 0])
    one.to_png(dpi=40)
    assert _visible_ticks(one.figure.axes[0].get_xticks(), one.figure.axes[0].get_xlim()) == [1.0]


def test_figure_panels_hold_one_kind_and_unit(sample_page, sample_figures):
    figures = sample_figures
    for article in range(len(sample_page.articles)):
        chart = charts.figures_chart(figures[figures["article"] == article])
        assert set(chart.table["kind"]).isdisjoint({"date", "year", "time", "duration", "ordinal"})
        for panel, rows in chart.table.groupby("panel"):
            assert rows["unit"].fillna("").nunique() == 1, (panel, rows["unit"].tolist())
            assert rows["kind"].replace({"approx": "count"}).nunique() == 1, (panel, rows["kind"].tolist())
        axes = [ax for ax in chart.figure.axes if ax.axison]
        assert len(axes) == chart.table["panel"].nunique()
        for ax in axes:
            assert ax.get_xscale() == "linear"
            assert re.fullmatch(r"\w+（.+）", ax.get_xlabel()), ax.get_xlabel()
        left_out = len(figures[figures["article"] == article]) - len(chart.table)
        if left_out:
            assert f"另有{left_out}个数字未画出" in chart.alt
            assert any(f"另有{left_out}个数字" in text for text in _drawn_texts(chart))


def test_money_axis_names_its_currency(sample_figures):
    table = pd.DataFrame({"text": ["5亿元", "3.2亿", "两位"], "value": [5e8, 3.2e8, 2], "unit": ["元", None, "位"],
                          "kind": ["money", "money", "count"], "subject": ["投资", "补贴", "院士"]})
    chart = charts.figures_chart(table)
    money_axis, count_axis = chart.figure.axes
    assert money_axis.get_xlabel() == "金额（亿元）" and count_axis.get_xlabel() == "数量（位）"
    assert [round(p.get_width(), 2) for p in money_axis.patches] == [5.0, 3.2]  # drawn in 亿元, as printed
    figures = sample_figures
    dollars = charts.figures_chart(figures[(figures["kind"] == "money") & figures["unit"].eq("美元")])
    assert "亿美元" in dollars.figure.axes[0].get_xlabel()


def test_figures_table_of_only_dates_says_why_nothing_is_drawn():
    table = pd.DataFrame({"text": ["2025年", "3天"], "value": ["2025", 3], "unit": ["年", "天"],
                          "kind": ["date", "duration"]})
    chart = charts.figures_chart(table)
    assert chart.table.empty and "本文没有可画图的数字" in chart.alt and "另有2个数字未画出" in chart.alt


def _shown_sources(sources: pd.DataFrame) -> set[str]:
    shown = sources["speaker"].where(sources["speaker"] != "", sources["speaker_title"]).replace("", "（未具名）")
    return set(shown) - {"记者"}


def test_sources_chart_draws_every_source_or_says_how_many_it_leaves_out(sample_tables):
    sources, quotes = sample_tables["sources"], sample_tables["quotes"]
    crowded = int(sources.groupby("article").size().idxmax())
    rows = sources[sources["article"] == crowded]
    expected = _shown_sources(rows)
    assert len(expected) > 3  # the page's most quoted article (13 sources today; the old chart drew 10, silently)
    every = charts.sources_chart(rows, quotes[quotes["article"] == crowded])
    assert set(every.table["speaker"]) == expected and f"共{len(expected)}位消息来源" in every.alt
    assert "未画出" not in every.alt
    limit = len(expected) - 3
    some = charts.sources_chart(rows, quotes[quotes["article"] == crowded], top_n=limit)
    note = "另有3位未画出"
    assert len(some.table) == limit and note in some.alt and f"共{len(expected)}位消息来源" in some.alt
    assert any(note in text for text in _drawn_texts(some))


def test_interviewer_is_never_a_source(sample_tables):
    sources, quotes = sample_tables["sources"], sample_tables["quotes"]
    interview = int(quotes.loc[quotes["mode"] == "interview", "article"].iloc[0])
    chart = charts.sources_chart(sources[sources["article"] == interview], quotes[quotes["article"] == interview])
    assert len(chart.table) >= 1
    assert "记者" not in set(chart.table["speaker"]) and "记者" not in chart.alt
    drawn_names = chart.figure.axes[0].get_yticklabels()
    assert "记者" not in {t.get_text() for t in drawn_names}


def _label_boxes(chart: charts.Chart):
    """The drawn frames of the network's labels, from the renderer that drew the PNG."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    chart.to_png()
    renderer = FigureCanvasAgg(chart.figure).get_renderer()
    with charts.base._style(chart.font):
        chart.figure.draw(renderer)
    texts = [t for t in chart.figure.axes[0].texts if t.get_bbox_patch() is not None]
    return texts, [t.get_bbox_patch().get_window_extent(renderer) for t in texts]


@pytest.mark.parametrize("article", [0, 1, 2, 3])
def test_cooccurrence_network_draws_top_edges_with_labels_apart(sample_page, article):
    from newsanalysis import stats

    pairs = stats.cooccurrence(sample_page.article(article))
    chart = charts.cooccurrence_network(pairs, top_n=25, max_nodes=20)
    nodes = set(chart.table["term_a"]) | set(chart.table["term_b"])
    assert len(pairs) > 60 and len(chart.table) <= 25 and len(nodes) <= 20
    assert list(chart.table["llr"]) == sorted(chart.table["llr"], reverse=True)
    strongest = pairs.sort_values("llr", ascending=False).iloc[0]
    assert (strongest["term_a"], strongest["term_b"]) in set(zip(chart.table["term_a"], chart.table["term_b"]))
    texts, boxes = _label_boxes(chart)
    assert sorted(t.get_text() for t in texts) == sorted(nodes)
    frame = chart.figure.axes[0].get_window_extent()
    for i, box in enumerate(boxes):
        assert frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1 and frame.y0 - 1 <= box.y0 and box.y1 <= frame.y1 + 1
        for j in range(i + 1, len(boxes)):
            assert not box.overlaps(boxes[j]), (texts[i].get_text(), texts[j].get_text())


def test_charts_name_their_units():
    for name in ("term_bar", "topic_shares", "topic_flow", "figures_chart", "sources_chart", "article_sizes",
                 "trend_chart", "distinctive_bar", "keyword_bar"):
        chart = CASES[name][0]()
        for ax in (ax for ax in chart.figure.axes if ax.axison):
            labels = [ax.get_xlabel(), ax.get_ylabel()]
            assert any(re.search(r"（.+）", label) for label in labels), (name, labels)
    for name in ("term_bar", "sources_chart", "article_sizes"):  # counts: whole-number ticks only
        chart = CASES[name][0]()
        chart.to_png(dpi=40)
        for ax in (ax for ax in chart.figure.axes if ax.axison):
            assert all(float(t).is_integer() for t in _visible_ticks(ax.get_xticks(), ax.get_xlim())), name
