"""Notebook building blocks (escaped headline blocks, the cleaning log) and the one analysis per page."""

from __future__ import annotations

import pandas as pd
import pytest

from newsanalysis import report
from newsanalysis.parse.page import load_page, parse_page


@pytest.mark.parametrize("text, markup_parts, plain", [
    ("新闻标题\n\n本报记者 王明\n\n今天天气很好，市民纷纷出游。", ["<h1", "新闻标题", "记者：", "王明"], "新闻标题\n记者：王明"),
    ("头条<script>alert(1)</script>\n\n本报记者 王明\n\n正文<img src=x onerror=alert(2)>很好。",
     ["头条&lt;script&gt;alert(1)&lt;/script&gt;"], "头条<script>alert(1)</script>\n记者：王明"),
])
def test_headline_is_escaped(text, markup_parts, plain):
    block = report.headline(parse_page(text).articles[0])
    assert all(part in block._repr_html_() for part in markup_parts)
    assert "<script" not in block._repr_html_()
    assert repr(block) == plain


def test_cleaning_log_counts_joins_and_duplicates(sample_page):
    log = report.cleaning_log(sample_page, 2)
    assert list(log.columns) == ["step", "count", "detail"]
    rows = dict(zip(log["step"], log["count"]))
    article = sample_page.articles[2]
    assert rows["page-break splits joined"] == article.repairs.joins
    assert rows["duplicate paragraphs removed"] == article.repairs.duplicates_removed
    assert rows["body paragraphs"] == len(article.paragraphs)


def _trace(tmp_path, monkeypatch):
    trace = tmp_path / "trace.log"
    monkeypatch.setenv("NEWSANALYSIS_TRACE", str(trace))
    # parses, discoveries and reads of kept analyses (part-of-speech tagging, traced as "tag", is counted elsewhere)
    return lambda: [event for event in (line.split("\t")[0] for line in trace.read_text(encoding="utf-8").splitlines())
                    if event != "tag"] if trace.exists() else []


def test_analyse_page_segments_once_and_extracts_quotes_once(sample_page, tmp_path, monkeypatch):
    from newsanalysis.quotes import extract as quotes_extract

    events = _trace(tmp_path, monkeypatch)
    calls = []
    original = quotes_extract._article_quotes
    monkeypatch.setattr(quotes_extract, "_article_quotes",
                        lambda a, *rest, **kw: calls.append(a.index) or original(a, *rest, **kw))
    analysis = report.analyse_page(sample_page)
    assert events().count("discover") == 1
    assert calls == [a.index for a in sample_page.articles]  # one quote pass: sources are made from it
    assert len(analysis.sources) and set(analysis.sources["article"]) <= set(range(len(sample_page.articles)))
    assert analysis.overview["n_figures"].sum() == len(analysis.figures)


def test_cached_analysis_is_written_once_and_read_back(tmp_path, monkeypatch):
    page = tmp_path / "pages" / "p1.txt"
    page.parent.mkdir()
    page.write_text("新闻标题\n\n本报记者 王明\n\n今年产量增长5%。\n\n王明说，产量还会增长。", encoding="utf-8")
    events = _trace(tmp_path, monkeypatch)
    processed = tmp_path / "processed"
    first = report.cached_analysis(page, processed=processed)
    second = report.cached_analysis(page, processed=processed)
    assert events() == ["parse", "discover", "analysis-read"]
    pd.testing.assert_frame_equal(first.figures, second.figures)
    folder = processed / "p1"
    for name in ("articles", "paragraphs", "ledger", "terms", "figures", "quotes", "sources", "entities",
                 "topic_labels"):
        assert (folder / f"{name}.csv").is_file() and (folder / f"{name}.parquet").is_file(), name
    assert pd.read_parquet(folder / "figures.parquet")["text"].tolist() == ["5%"]
    page.write_text("新闻标题\n\n本报记者 王明\n\n今年产量增长7%。", encoding="utf-8")  # the page changed: stale
    assert report.cached_analysis(page, processed=processed).figures["text"].tolist() == ["7%"]
    assert events()[-2:] == ["parse", "discover"]


def _analysis_in_a_process(page, processed, barrier) -> int:
    barrier.wait()  # both processes ask at the same moment: neither finds the other's analysis written
    return len(report.cached_analysis(page, processed=processed).figures)


def test_two_processes_asking_at_once_make_one_analysis(tmp_path, monkeypatch):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    page = tmp_path / "p3.txt"
    page.write_text("新闻标题\n\n本报记者 王明\n\n今年产量增长5%，出口增长3.2%。\n\n王明说，产量还会增长。", encoding="utf-8")
    events = _trace(tmp_path, monkeypatch)
    context = multiprocessing.get_context("fork")
    barrier = context.Manager().Barrier(2)
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        counts = list(pool.map(_analysis_in_a_process, [page] * 2, [tmp_path / "processed"] * 2, [barrier] * 2))
    assert counts == [2, 2]
    assert sorted(events()) == ["analysis-read", "discover", "parse"]  # one made it, the other waited and read it


def test_a_parsed_page_is_analysed_without_parsing_it_again_unless_it_is_not_the_files(tmp_path, monkeypatch):
    page = tmp_path / "p4.txt"
    page.write_text("新闻标题\n\n本报记者 王明\n\n今年产量增长5%。", encoding="utf-8")
    parsed, other = load_page(page), load_page(page)
    events = _trace(tmp_path, monkeypatch)
    assert report.cached_analysis(page, processed=tmp_path / "a", parsed=parsed).figures["text"].tolist() == ["5%"]
    assert events() == ["discover"]
    page.write_text("新闻标题\n\n本报记者 王明\n\n今年产量增长7%。", encoding="utf-8")  # changed since it was parsed
    assert report.cached_analysis(page, processed=tmp_path / "b", parsed=other).figures["text"].tolist() == ["7%"]
    assert events()[1:] == ["parse", "discover"]


def test_a_half_written_analysis_is_computed_again(tmp_path, monkeypatch):
    page = tmp_path / "p2.txt"
    page.write_text("新闻标题\n\n本报记者 王明\n\n今年产量增长5%。", encoding="utf-8")
    processed = tmp_path / "processed"
    report.cached_analysis(page, processed=processed)
    (processed / "p2" / "analysis.pickle").write_bytes(b"killed mid-write")
    events = _trace(tmp_path, monkeypatch)
    assert report.cached_analysis(page, processed=processed).figures["text"].tolist() == ["5%"]
    assert events()[0] == "parse"


def test_article_view_restricts_article_tables_and_keeps_page_tables(sample_page):
    whole = report.analyse_page(sample_page)
    one = whole.article(1)
    assert set(one.terms["article"]) == {1} and set(one.figures["article"]) <= {1}
    assert one.topic_labels is whole.topic_labels and one.overview is whole.overview
    with pytest.raises(Exception, match="out of range"):
        whole.article(99)


def test_a_one_article_page_still_gets_an_analysis():
    analysis = report.analyse_page(parse_page("只有一篇的版面标题\n\n本报记者 王明\n\n今天上海天气很好，市民纷纷出游。"))
    assert analysis.distinctive.empty and list(analysis.distinctive.columns) == ["article", "term", "count",
                                                                                 "log_odds", "z"]
    assert "distinctive terms" in analysis.notes and "topics" in analysis.notes
    assert analysis.topic_weights.empty and not analysis.terms.empty
    assert analysis.overview["n_paragraphs"].tolist() == [1]


def test_page_tables_make_only_what_is_asked_and_the_same_as_the_full_analysis(sample_page, monkeypatch):
    """A corpus build asks for the tables it keeps: no topic model, keywords or distinctive terms are computed,
    and the tables it gets are the full analysis's."""
    from newsanalysis import stats
    from newsanalysis.report.analysis import analyse_page, page_tables

    full = analyse_page(sample_page)

    def refuse(*args, **kwargs):
        raise AssertionError("not asked for")

    for name in ("topics", "keywords", "distinctive_terms"):
        monkeypatch.setattr(stats, name, refuse)
    wanted = ["sources", "terms", "figures", "entities", "paragraphs"]
    tables = page_tables(sample_page, wanted)
    assert list(tables) == ["paragraphs", "terms", "figures", "sources", "entities"]  # always in one order
    for name, table in tables.items():
        pd.testing.assert_frame_equal(table, getattr(full, name), check_exact=True)
    with pytest.raises(ValueError, match="unknown table"):
        page_tables(sample_page, ["topics"])
