"""Charts: every chart renders Chinese without tofu, carries alt text and its table; fonts resolve as documented."""

from __future__ import annotations

import logging
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


@pytest.mark.parametrize("name", ["term_bar", "word_cloud", "distinctive_bar", "keyword_bar", "topic_shares",
                                  "topic_flow", "figures_chart", "sources_chart", "cooccurrence_network", "trend_chart"])
def test_empty_tables_give_an_explaining_chart(name):
    build, columns, _ = CASES[name]
    source = {"term_bar": TERMS, "word_cloud": TERMS, "distinctive_bar": TERMS.assign(log_odds=1.0),
              "keyword_bar": TERMS.assign(weight=1.0), "topic_shares": SHARES, "topic_flow": WEIGHTS,
              "figures_chart": FIGURES, "sources_chart": SOURCES, "cooccurrence_network": COOC,
              "trend_chart": TRENDS}[name]
    function = getattr(charts, name)
    chart = function(source.head(0))
    assert chart.table.empty
    assert chart.to_png().startswith(b"\x89PNG")
    assert charts.missing_glyphs(chart) == set()


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


def test_figures_get_their_own_scales():
    table = pd.DataFrame({"text": ["两位", "50亿", "30%", "5亿元", "2025年"], "value": [2, 5e9, 30, 5e8, "2025"],
                          "unit": ["位", None, "%", "元", "年"], "kind": ["count", "count", "percent", "money", "date"],
                          "subject": ["院士", "参数量", "增速", "投资", ""]})
    chart = charts.figures_chart(table)
    assert chart.table["panel"].tolist() == ["数量", "数量", "百分比（%）", "金额"]
    count_axis, percent_axis, money_axis = chart.figure.axes
    assert count_axis.get_xscale() == "log" and percent_axis.get_xscale() == "linear"
    assert money_axis.get_xlabel() == "单位：亿"
    assert "2025年" not in chart.alt
