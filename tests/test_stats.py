"""Tests for newsanalysis.stats (frequencies, distinctive terms, keywords) and its re-exports."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import page_path
from newsanalysis import stats
from newsanalysis.errors import NewsAnalysisError
from newsanalysis.parse.units import article_from_text
from newsanalysis.segment.tokenizer import get_tokenizer

NUMBER = re.compile(r"^[\d.,%‰]+$")

GRAIN = ("国家统计局发布数据显示,全年粮食总产量再创新高。粮食播种面积稳中有增,粮食单产持续提高。\n"
         "专家表示,粮食生产连年丰收,为稳定物价提供了坚实基础。")
TRADE = ("海关总署公布,前三季度跨境电商进出口增长11.5%。跨境电商带动外贸新业态发展。\n"
         "业内人士认为,跨境电商和海外仓正在重塑外贸格局。")


@pytest.fixture(scope="module")
def page(sample_page):
    return sample_page


@pytest.fixture(scope="module")
def top20(page):
    return stats.term_frequencies(page, top_n=20)


def test_no_stopword_punctuation_or_number_in_top20(top20):
    stop = get_tokenizer().stopwords
    for term in top20["term"]:
        assert term not in stop
        assert not re.fullmatch(r"[\W_]+", term)
        assert not NUMBER.match(term)


@pytest.mark.parametrize(("article", "terms"), [
    (0, {"浦东", "离岸贸易"}), (1, {"脑机接口"}), (2, {"全球南方"}), (3, {"算力"}),
])
def test_sample_page_top_terms(top20, article, terms):
    assert terms <= set(top20.loc[top20["article"] == article, "term"])


def test_discovered_words_are_reported(page):
    frame = stats.term_frequencies(page)
    assert "电算协同" in frame.attrs["new_words"]
    assert "电算协同" in set(frame.loc[frame["article"] == 3, "term"])


@pytest.mark.parametrize(("text", "expected"), [
    (GRAIN, [("粮食", 4), ("单产", 1)]),
    (TRADE, [("跨境电商", 3), ("外贸", 2)]),
])
def test_term_frequencies_other_texts(text, expected):
    frame = stats.term_frequencies(text)
    assert list(frame.columns) == ["article", "term", "count", "share"]
    counts = dict(zip(frame["term"], frame["count"]))
    for term, n in expected:
        assert counts[term] == n
    assert frame["share"].sum() == pytest.approx(1.0)


def test_term_frequencies_pos_column():
    frame = stats.term_frequencies(TRADE, pos=True, top_n=3)
    assert list(frame.columns) == ["article", "term", "count", "share", "pos"]
    assert frame.iloc[0]["term"] == "跨境电商" and frame.iloc[0]["pos"] == "nz"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["粮食产量增长", "跨境电商发展", "的", "了,", "12.5%", "算力", "臺灣經濟"]),
                max_size=30))
def test_counts_sum_to_tokens_kept(parts):
    text = "".join(parts)
    frame = stats.term_frequencies(text, discover=False)
    assert int(frame["count"].sum()) == len(get_tokenizer().terms(text))
    again = stats.term_frequencies(text, discover=False)
    pd.testing.assert_frame_equal(frame, again)


def test_page_and_list_aggregation(page):
    whole = stats.page_term_frequencies(page)
    assert list(whole.columns) == ["term", "count", "share", "n_articles"]
    per = stats.term_frequencies(page)
    assert int(whole["count"].sum()) == int(per["count"].sum())
    row = whole.set_index("term").loc["上海"]
    assert row["n_articles"] == per.loc[per["term"] == "上海", "article"].nunique()


def test_distinctive_terms(page):
    frame = stats.distinctive_terms(page, top_n=5)
    assert list(frame.columns) == ["article", "term", "count", "log_odds", "z"]
    firsts = frame.groupby("article")["term"].first().tolist()
    assert firsts[1] == "脑机接口" and firsts[3] == "算力"
    assert (frame.groupby("article")["z"].apply(lambda z: z.is_monotonic_decreasing)).all()
    with pytest.raises(NewsAnalysisError, match="at least 2 articles"):
        stats.distinctive_terms(GRAIN)


GENERIC = {"企业", "中国", "发展", "国家", "世界", "技术", "全球", "经济", "市场"}  # common in any Chinese text


def test_distinctive_scores_discriminate(page):
    frame = stats.distinctive_terms(page, top_n=20)
    for article, rows in frame.groupby("article"):
        assert len(rows) == 20
        for column in ("log_odds", "z"):
            top = rows[column]
            assert top.max() - top.min() >= 0.5 * top.max(), (article, column, top.round(2).tolist())
        assert rows["log_odds"].round(2).nunique() >= 12, rows["log_odds"].round(2).tolist()
        assert not GENERIC & set(rows["term"].head(5)), (article, rows["term"].head(5).tolist())
    pudong = frame[frame["article"] == 0]["term"].tolist()
    assert pudong.index("离岸贸易") < 3
    assert "企业" not in pudong or pudong.index("企业") > pudong.index("离岸贸易")


def test_distinctive_prior_follows_the_reference_frequency(page):
    """Two terms with the same counts: the one general Chinese uses more often needs more evidence."""
    from newsanalysis.segment import segmented
    from newsanalysis.stats.terms import PRIOR_WEIGHT, _reference_prior

    seg = segmented(page)
    prior = _reference_prior(seg, ["发展", "离岸贸易", "一个不在词典里的词"], 1000)
    assert sum(prior.values()) == pytest.approx(PRIOR_WEIGHT * 1000)
    assert prior["发展"] > 50 * prior["离岸贸易"] > 50 * prior["一个不在词典里的词"]


@pytest.mark.parametrize("method", ["tfidf", "textrank"])
def test_keywords(method):
    frame = stats.keywords(article_from_text(TRADE), method=method, top_n=5)
    assert list(frame.columns) == ["article", "term", "weight"]
    assert frame.iloc[0]["term"] == "跨境电商"


def test_keywords_with_corpus_idf():
    frame = stats.keywords(GRAIN, idf_corpus=[GRAIN, TRADE], top_n=3)
    assert frame.iloc[0]["term"] == "粮食"
    with pytest.raises(NewsAnalysisError, match="bm25"):
        stats.keywords(GRAIN, method="bm25")


def test_kwic_offsets_point_into_page(page):
    frame = stats.kwic(page, "离岸贸易", width=5)
    assert len(frame) >= 5
    for row in frame.itertuples():
        assert page.text[row.page_start:row.page_end] == "离岸贸易"
        assert page.articles[row.article].paragraphs[row.paragraph][row.start:row.end] == "离岸贸易"


def test_kwic_across_a_joined_paragraph(page):
    frame = stats.kwic(page.article(0), "留在上海")
    row = frame.iloc[0]
    assert re.sub(r"\s", "", page.text[row.page_start:row.page_end]) == "留在上海"


def test_kwic_matches_traditional():
    frame = stats.kwic("臺灣半導體產業增長。", "台湾", width=3)
    assert frame[["left", "term", "right"]].values.tolist() == [["", "臺灣", "半導體"]]


def test_cooccurrence_and_collocations():
    text = "物价稳定。物价总体稳定。电网负荷下降。电网负荷平稳。天气晴朗。"
    co = stats.cooccurrence(text, window="sentence")
    assert co[["term_a", "term_b", "count"]].values.tolist() == [["物价", "稳定", 2], ["电网", "负荷", 2]]
    assert co.iloc[0]["expected"] == pytest.approx(0.8)
    col = stats.collocations(text)
    assert set(col["term_a"]) == {"物价", "电网"} and (col["pmi"] > 0).all()


@pytest.mark.parametrize(("text", "expected"), [
    ("联合国前副秘书长埃里克·索尔海姆为中国点赞。", [("联合国", "org"), ("埃里克·索尔海姆", "person"), ("中国", "place")]),
    ("复旦大学附属华山医院神经外科主任王明说。", [("复旦大学附属华山医院", "org"), ("王明", "person")]),
    ("记者专访了上海对外经贸大学副院长沈克华教授。", [("上海对外经贸大学", "org"), ("沈克华", "person")]),
])
def test_entities(text, expected):
    frame = stats.entities(text)
    assert list(frame.columns)[:6] == ["article", "paragraph", "start", "end", "text", "type"]
    assert [(r.text, r.type) for r in frame.itertuples()] == expected
    for r in frame.itertuples():
        assert text[r.start:r.end] == r.text


def test_entities_offsets_on_page(page):
    article = next(a for a in page.articles if "穆廷达" in a.body)
    frame = stats.entities(article)
    names = set(frame.loc[frame["type"] == "person", "text"])
    assert {"穆廷达", "埃里克·索尔海姆"} <= names
    for r in frame.itertuples():
        assert page.text[r.page_start:r.page_end].replace("\n", "") == r.text


def _jieba_tfidf(text: str, tok, top_n: int, idf=None) -> list[tuple[str, float]]:
    """jieba.analyse's own ``extract_tags`` over ``tok``'s terms: what keywords computed before it restated it."""
    import copy

    import jieba.analyse

    class Terms:
        def cut(self, text, *args, **kwargs):
            return iter(tok.terms(text))

    extractor = copy.copy(jieba.analyse.default_tfidf)
    if idf is not None:
        extractor.idf_freq, extractor.median_idf = dict(idf), max(idf.values(), default=1.0)
    extractor.tokenizer, extractor.stop_words = Terms(), set()
    return [(w, float(s)) for w, s in extractor.extract_tags(text, topK=top_n, withWeight=True)]


def test_tfidf_keywords_equal_jieba_extract_tags_on_every_article(page):
    """Keywords reuse the terms the analysis already has and restate extract_tags: the same terms, weights and
    order of ties, for jieba's IDF table and for a corpus IDF."""
    from newsanalysis.segment.tokenizer import extract_keywords
    from newsanalysis.segment.units import segmented
    from newsanalysis.stats.terms import body_texts, corpus_idf

    seg = segmented(page)
    idf = corpus_idf(page, tokenizer=seg.tokenizer(seg.items[0]))
    frame, with_idf = stats.keywords(seg, top_n=8), stats.keywords(page, top_n=8, idf_corpus=page)
    assert len(frame) >= 30  # 8 per article of the sample page
    for item in seg.items:
        tok, text = seg.tokenizer(item), "\n".join(body_texts(item.article))
        rows = frame[frame["article"] == item.article.index]
        assert list(zip(rows["term"], rows["weight"])) == _jieba_tfidf(text, tok, 8)
        rows = with_idf[with_idf["article"] == item.article.index]
        assert list(zip(rows["term"], rows["weight"])) == _jieba_tfidf(text, tok, 8, idf)
        assert extract_keywords(text, tokenizer=tok, top_n=0) == _jieba_tfidf(text, tok, 0)


def test_tables_keep_the_dtypes_of_row_built_frames(page):
    """Tables built column by column equal pandas' row-wise frames cast afterwards, dtypes included."""
    from newsanalysis.frames import rows_table

    columns = ["page", "article", "text", "start", "page_start", "weight"]
    dtypes = {"article": "int64", "text": "text", "start": "int64", "page_start": "Int64", "weight": "float64"}
    cast = {name: dtype for name, dtype in dtypes.items() if dtype != "text"}
    for rows in ([], [("头版", 0, "离岸贸易", 3, None, 0.5), ("头版", 1, "浦东", 7, 12, 1.0)],
                 [(None, 0, "上海", 0, 4, 2.0)], [(None, 2, "算力", 1, None, 0.25), ("二版", 3, "平台", 2, 9, 0.0)]):
        for drop in ((), ("page",)):
            expected = pd.DataFrame(rows, columns=columns).astype(cast).drop(columns=list(drop))
            pd.testing.assert_frame_equal(rows_table(rows, columns, dtypes, drop=drop), expected)
    from newsanalysis.parse.page import load_page

    two_pages = [page, load_page(page_path("practice_d"))]
    for frame in (stats.entities(two_pages), stats.keywords(two_pages), stats.distinctive_terms(two_pages)):
        assert set(frame["page"]) == {"sample-page", "practice_d"} and frame["article"].dtype == "int64"
        assert frame["term" if "term" in frame else "text"].dtype == pd.Series(["字"]).dtype
