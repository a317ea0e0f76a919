"""The parser says where it was unsure (``Page.warnings``) and honours a user's corrections (``PAGE.layout.toml``)."""

from __future__ import annotations

import re

import pytest

import newsanalysis as na
from newsanalysis.errors import InputError

PAGE = """

社区食堂开进老小区

本报记者 王明

中午11点刚过，社区食堂里已经坐满了就餐的老人。

食堂负责人介绍，食堂每天供应午餐和晚餐。

老年助餐点覆盖更多街道

今年全市新增助餐点120个，覆盖所有街道。

图为老人在食堂用餐。"""


def _write(tmp_path, hints: str | None = None):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    if hints is not None:
        (tmp_path / "p.layout.toml").write_text(hints, encoding="utf-8")
    return page


def test_a_lone_headline_like_line_is_read_as_a_subhead_and_said(tmp_path):
    page = na.load_page(_write(tmp_path))
    assert len(page.articles) == 1 and page.articles[0].subheads == ["老年助餐点覆盖更多街道"]
    warning = next(w for w in page.warnings if w.kind == "subhead")
    assert warning.line == 11 and str(warning).startswith("line 11: headline-like line inside an article")


def test_hints_start_an_article_and_mark_a_caption_and_the_ledger_says_so(tmp_path):
    page = na.load_page(_write(tmp_path, "new_article = [11]\ncaption = [15]\n"))
    assert [a.title for a in page.articles] == ["社区食堂开进老小区", "老年助餐点覆盖更多街道"]
    second = page.articles[1]
    assert second.paragraphs == ["今年全市新增助餐点120个，覆盖所有街道。"]
    assert second.captions == ["图为老人在食堂用餐。"]
    entry = next(e for e in page.ledger if e.line == 11)
    assert entry.role == "title" and "new_article by the layout hints (p.layout.toml)" in entry.reason
    assert not [w for w in page.warnings if w.kind == "subhead"]


def test_a_body_hint_keeps_a_line_in_the_text(tmp_path):
    page = na.load_page(_write(tmp_path, "body = [11]\n"))
    assert page.articles[0].subheads == []
    assert "老年助餐点覆盖更多街道" in page.articles[0].paragraphs


@pytest.mark.parametrize("hints, message", [
    ("new_article = [99]\n", "names line(s) [99] but the page has lines 1..15"),
    ("newarticle = [3]\n", "unknown layout hint(s) newarticle"),
    ("caption = ['x']\n", "caption must be a list of line numbers"),
    ("caption = [\n", "cannot read layout hints"),
])
def test_bad_hints_are_refused_with_one_clear_line(tmp_path, hints, message):
    with pytest.raises(InputError, match=re.escape(message)):
        na.load_page(_write(tmp_path, hints))


def test_the_cli_prints_warnings_and_where_to_correct_them(tmp_path, capsys):
    from newsanalysis.cli import main

    assert main(["parse", str(_write(tmp_path))]) == 0
    err = capsys.readouterr().err
    assert "p.layout.toml" in err and "line 11: headline-like line inside an article" in err


def test_hints_change_the_analysis_fingerprint(tmp_path):
    from newsanalysis.report import cached_analysis

    path = _write(tmp_path)
    before = cached_analysis(path, processed=tmp_path / "processed")
    (tmp_path / "p.layout.toml").write_text("new_article = [11]\n", encoding="utf-8")
    after = cached_analysis(path, processed=tmp_path / "processed")
    assert len(before.page.articles) == 1 and len(after.page.articles) == 2


def test_not_figure_hints_keep_those_texts_out_of_the_figures(tmp_path):
    page_path = tmp_path / "q.txt"
    page_path.write_text("新闻标题\n\n本报记者 王明\n\n各地落实两个确立，产值增长5%。", encoding="utf-8")
    assert na.extract_figures(na.load_page(page_path))["text"].tolist() == ["两个", "5%"]
    (tmp_path / "q.layout.toml").write_text('not_figure = ["两个确立"]\n', encoding="utf-8")
    assert na.extract_figures(na.load_page(page_path))["text"].tolist() == ["5%"]
