"""Notebook building blocks: escaped headline blocks, the cleaning log, the page analysis shared through a cache."""

from __future__ import annotations

import pandas as pd
import pytest

from newsanalysis.report import analysis as report
from newsanalysis.parse.page import parse_page


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


def _fake_parts(calls: list) -> dict:
    frame = pd.DataFrame({"article": [0], "x": [1]})

    def part(fields):
        def compute(page, top_n):
            calls.append((fields[0], top_n))
            return {**{f: frame for f in fields}, "notes": []}
        return compute

    return {"topics": part(["topic_labels", "topic_shares", "topic_weights"]),
            "terms": part(["terms", "distinctive", "keywords", "entities"]),
            "facts": part(["figures", "quotes", "sources", "overview"])}


def test_analysis_is_computed_once_per_page_with_a_cache(monkeypatch, tmp_path):
    page = parse_page("新闻标题\n\n本报记者 王明\n\n今天天气很好。\n\n市民纷纷出游。")
    calls: list = []
    monkeypatch.setattr(report, "_PARTS", _fake_parts(calls))
    monkeypatch.delenv(report.CACHE_ENV, raising=False)
    report.analyse(page)
    report.analyse(page)
    assert len(calls) == 6  # no cache folder: computed each time
    monkeypatch.setenv(report.CACHE_ENV, str(tmp_path))
    calls.clear()
    first = report.analyse(page, top_n=5)
    second = report.analyse(page, top_n=5)
    assert calls == [("topic_labels", 5), ("terms", 5), ("figures", 5)]
    pd.testing.assert_frame_equal(first.terms, second.terms)
    report.analyse(parse_page("另一个标题\n\n本报记者 李华\n\n别的正文。"), top_n=5)
    assert len(calls) == 6


def test_a_part_someone_else_is_computing_is_awaited_not_recomputed(monkeypatch, tmp_path):
    import shutil
    import threading

    import filelock

    page = parse_page("新闻标题\n\n本报记者 王明\n\n今天天气很好。")
    calls: list = []
    monkeypatch.setattr(report, "_PARTS", _fake_parts(calls))
    monkeypatch.setenv(report.CACHE_ENV, str(tmp_path / "elsewhere"))
    report.analyse(page)
    made = next((tmp_path / "elsewhere").glob("analysis-*-topics.pickle"))
    calls.clear()
    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setenv(report.CACHE_ENV, str(shared))
    lock = filelock.FileLock(str(shared / made.name) + ".lock", thread_local=False)
    lock.acquire()  # another notebook is computing the topics
    done: list = []
    worker = threading.Thread(target=lambda: done.append(report.analyse(page)))
    worker.start()
    shutil.copy(made, shared / made.name)  # ... and finishes them
    lock.release()
    worker.join()
    assert done and [name for name, _ in calls] == ["terms", "figures"]


def test_article_view_keeps_topic_labels_and_overview():
    frame = pd.DataFrame({"article": [0, 1], "x": [1, 2]})
    labels = pd.DataFrame({"topic": [0], "label": ["开放"], "top_terms": ["开放"]})
    whole = report.Analysis(frame, frame, frame, labels, frame, frame, "", frame, frame, frame, frame, frame)
    assert whole.notes == ""
    one = whole.article(1)
    assert one.terms["x"].tolist() == [2] and one.figures["article"].tolist() == [1]
    assert one.topic_labels is labels and one.overview is frame


def test_a_one_article_page_still_gets_an_analysis(monkeypatch):
    monkeypatch.delenv(report.CACHE_ENV, raising=False)
    analysis = report.analyse(parse_page("只有一篇的版面标题\n\n本报记者 王明\n\n今天上海天气很好，市民纷纷出游。"))
    assert analysis.distinctive.empty and list(analysis.distinctive.columns) == ["article", "term", "count",
                                                                                 "log_odds", "z"]
    assert "distinctive terms" in analysis.notes and "topics" in analysis.notes
    assert analysis.topic_weights.empty and not analysis.terms.empty
    assert analysis.overview["n_paragraphs"].tolist() == [1]
