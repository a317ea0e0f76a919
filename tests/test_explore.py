"""The explorer's model in Python, on the real sample page: pickers, keyword in context with page offsets, a
clicked term's or figure's sentences, the parser's warnings with their lines, a corpus's trend, one-line errors,
work done once per page, and the static tables shown where widgets cannot run."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest

from conftest import FIXTURES, PAGES
from newsanalysis.errors import ArticleIndexError, InputError, NewsAnalysisError
from newsanalysis.explore import Explorer, explore

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("explore")
    raw = root / "raw"
    raw.mkdir()
    shutil.copy(FIXTURES / PAGES["sample"], raw / "sample-page.txt")
    shutil.copy(FIXTURES / PAGES["practice_d"], raw / "practice_d.txt")
    return root


@pytest.fixture(scope="module")
def explorer(pages):
    return explore(pages / "raw" / "sample-page.txt", processed=pages / "processed")


@pytest.fixture(autouse=True)
def _first_article(request):
    if "explorer" in request.fixturenames:
        ex = request.getfixturevalue("explorer")
        ex.select_page(1)
        ex.search("")


def test_article_2_search_gives_its_contexts_with_offsets_into_the_page(explorer):
    explorer.select_article(2)
    assert explorer.article.index == 1 and explorer.article_picker.value == 2
    assert "俞陶然" in explorer.headline.value
    rows = explorer.search("脑机接口")
    assert len(rows) == explorer.article.body.count("脑机接口") > 5
    assert set(rows["article"]) == {1}
    text = explorer.page.text
    for row in rows.itertuples():
        assert text[row.page_start:row.page_end] == "脑机接口"
        paragraph = explorer.article.paragraphs[row.paragraph]
        assert paragraph[row.start - len(row.left):row.end + len(row.right)] == row.left + row.term + row.right
    shown = explorer.results.value
    assert shown.count("<tr>") == len(rows) + 1  # the header and one row per occurrence
    assert rows["left"].iloc[1] and rows["left"].iloc[1] in shown
    assert f">{rows['page_start'].iloc[0]}<" in shown


def test_a_term_the_article_lacks_says_so_and_follows_the_article_picked(explorer):
    explorer.select_article(2)
    assert explorer.search("离岸贸易").empty
    assert "本文没有“离岸贸易”" in explorer.results.value
    explorer.article_picker.value = 1  # the picker, as a click does: the search runs again on article 1
    assert explorer.article.index == 0 and explorer.results.value.count("<tr>") == 7 + 1
    rows = explorer.search("离岸贸易")
    assert len(rows) == 7
    assert all(explorer.page.text[s:e] == "离岸贸易" for s, e in zip(rows["page_start"], rows["page_end"]))
    assert explorer.results.value.count("离岸贸易") >= 7


def test_typing_into_the_search_box_runs_the_search(explorer):
    explorer.search_box.value = "浦东"
    assert explorer.term == "浦东"
    assert explorer.results.value.count("<tr>") == explorer.article.body.count("浦东") + 1


def test_clicking_a_top_term_shows_its_sentences(explorer):
    explorer.select_article(2)
    options = explorer.term_picker.options
    top = explorer.top_terms()
    assert [value for _, value in options] == top["term"].tolist() and top["term"].iloc[0] == "脑机接口"
    explorer.term_picker.value = "非侵入式"  # a click in the list
    shown = explorer.term_view.value
    sentences = explorer.show_term("非侵入式")
    assert len(sentences) >= 3 and sentences["n"].sum() == explorer.article.body.count("非侵入式")
    for row in sentences.itertuples():
        assert "非侵入式" in row.sentence and row.sentence in explorer.article.paragraphs[row.paragraph]
        assert row.sentence[-1] in "。！？”" or row.sentence == explorer.article.paragraphs[row.paragraph]
    assert "非侵入式</mark>技术的风险更低" in shown and shown.count('<mark class="na-term">') == sentences["n"].sum()


def test_clicking_a_figure_shows_it_marked_in_its_sentence(explorer):
    explorer.select_article(2)
    figures = explorer.tables.figures
    assert len(explorer.figure_picker.options) == len(figures) > 2
    n = next(i for i, f in enumerate(figures.itertuples(), 1) if f.kind == "count")
    explorer.figure_picker.value = n
    figure = figures.iloc[n - 1]
    shown = explorer.figure_view.value
    assert f'<mark class="na-fig">{figure["text"]}</mark>' in shown
    assert f"数字{n}" in shown and figure["sentence"][:10] in shown
    assert explorer.show_figure(n)["text"] == figure["text"]
    with pytest.raises(InputError, match="numbered 1 to"):
        explorer.show_figure(len(figures) + 1)


def test_the_annotated_text_marks_figures_and_quotes(explorer):
    explorer.select_article(1)
    text = explorer.text.value
    assert text.count('class="na-fig"') >= len(explorer.tables.figures) and 'class="na-quote"' in text
    assert "沈克华" in explorer.sources_view.value


def test_warnings_show_the_line_they_refer_to(explorer):
    shown = explorer.warnings_view.value
    assert "no_headline" in shown and "headline_roles" in shown
    line = next(w for w in explorer.page.warnings if w.kind == "no_headline").line
    assert f">{line}<" in shown and "本报记者 俞陶然" in shown  # line 67 is the byline of the untitled article


def test_pages_of_a_folder_and_the_page_picker(pages):
    ex = explore(pages / "raw", processed=pages / "processed")
    assert ex.page_names() == ["practice_d", "sample-page"]
    ex.page_picker.value = 1
    assert ex.page.stem == "sample-page" and ex.article_picker.value == 1
    ex.select_page("practice_d")
    assert ex.page_picker.value == 0 and len(ex.article_picker.options) == len(ex.page.articles)
    with pytest.raises(InputError, match="no page 3"):
        ex.select_page(3)


def test_work_is_done_once_per_page(pages, monkeypatch, tmp_path):
    """Parsing, new-word discovery and tagging happen when a page is first shown; going back to it, picking its
    articles and searching add none."""
    trace = tmp_path / "trace.tsv"
    monkeypatch.setenv("NEWSANALYSIS_TRACE", str(trace))
    ex = explore(pages / "raw", processed=tmp_path / "processed")

    def visit_every_article():
        for page in (1, 2):
            ex.select_page(page)
            for n in range(1, len(ex.page.articles) + 1):
                ex.select_article(n)
                ex.search("上海")
                ex.search_box.value = "发展"
                ex.show_term(ex.top_terms()["term"].iloc[0])

    def work_done():
        return pd.read_csv(trace, sep="\t", names=["event", "pid", "detail"])["event"].value_counts().to_dict()

    visit_every_article()
    first = work_done()
    assert (first["parse"], first["discover"]) == (2, 2) and first["tag"] > 0
    visit_every_article()
    visit_every_article()
    assert work_done() == first


def test_bad_input_is_one_clear_error(tmp_path, explorer):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError) as caught:
        explore(empty)
    assert "no page files" in str(caught.value) and "\n" not in str(caught.value)
    with pytest.raises(InputError, match="no such page file or folder"):
        explore(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="list of pages is empty"):
        explore([])
    with pytest.raises(ArticleIndexError, match="numbered 1 to 4"):
        explorer.select_article(5)
    explorer.page_picker.value = 0
    explorer.article_picker.value = 1
    assert "na-error" not in explorer.results.value
    with pytest.raises(NewsAnalysisError, match="not a corpus folder"):
        Explorer(explorer.pages, corpus=empty)


def test_a_corpus_folder_adds_the_term_trend(tmp_path):
    from newsanalysis.corpus.build import build_corpus
    from newsanalysis.corpus.query import term_trends

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(FIXTURES / PAGES["sample"], raw / "2025-11-05_01.txt")
    shutil.copy(FIXTURES / PAGES["practice_d"], raw / "2025-12-05_02.txt")
    summary = build_corpus([str(raw / "*.txt")], tmp_path / "corpus", scheduler="sync")
    assert summary.n_built == 2
    ex = explore(tmp_path / "corpus", processed=tmp_path / "processed")
    assert ex.corpus == tmp_path / "corpus" and ex.tabs.titles[-1] == "走势"
    assert ex.page_names() == ["2025-11-05_01", "2025-12-05_02"]
    rows = ex.search("浦东")
    assert len(rows) == ex.article.body.count("浦东")
    trend = ex.trend("浦东")
    assert trend.equals(term_trends(tmp_path / "corpus", ["浦东"]))
    assert trend["period"].tolist() == ["2025-11-01", "2025-12-01"] and trend["count"].iloc[0] > 20
    assert ex.trend_image.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert "2025-11-01" in ex.trend_note.value
    ex.term_picker.value = ex.term_picker.options[1][1]
    assert ex.term_picker.options[1][1] in ex.trend_note.value
    assert "data:image/png;base64," in ex.static_html().markup


def test_pages_without_a_corpus_draw_no_trend(explorer):
    assert explorer.corpus is None and "走势" not in explorer.tabs.titles
    assert explorer.trend("浦东").empty


def test_displayed_it_is_the_widget_with_static_tables_for_renderers_without_widgets(explorer):
    explorer.select_article(1)
    explorer.search("离岸贸易")
    bundle = explorer._repr_mimebundle_()
    assert bundle[WIDGET_VIEW]["model_id"] == explorer.widget.model_id
    static = bundle["text/html"]
    assert static.count("<tr>") >= 7 + 1 and "变局之下" in static and 'class="na-fig"' in static
    assert "本报记者 俞陶然" in static  # the warnings table
    assert "离岸贸易" in bundle["text/plain"] and "<" not in bundle["text/plain"].split("\n")[0]


def test_page_text_is_escaped(tmp_path):
    page = tmp_path / "script.txt"
    page.write_text("<script>alert(1)</script>标题\n\n本报记者 王明\n\n浦东<b>开放</b>。浦东发展。", encoding="utf-8")
    ex = explore(page, processed=tmp_path / "processed", term="浦东")
    html = ex.static_html().markup + ex.results.value + ex.text.value + ex.headline.value
    assert "<script>alert" not in html and "<b>开放" not in html and "&lt;b&gt;开放" in html


@pytest.mark.slow
def test_papermill_run_renders_to_static_tables(tmp_path, monkeypatch):
    """papermill records the widgets' state; exported without it (``jupyter nbconvert --to html
    --ClearMetadataPreprocessor.enabled=True``, as docs/explore.md says), the explorer is static tables."""
    import nbformat
    import papermill
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    from newsanalysis.report.kernel import INTERPRETER_KERNEL, interpreter_kernel

    root = tmp_path / "project"
    (root / "data" / "raw").mkdir(parents=True)
    shutil.copy(FIXTURES / PAGES["sample"], root / "data" / "raw" / "sample-page.txt")
    monkeypatch.setenv("JUPYTER_PATH", str(interpreter_kernel(tmp_path / "jupyter").parent))
    monkeypatch.setenv("NEWSANALYSIS_HOME", str(root))
    notebook = FIXTURES.parent.parent / "notebooks" / "explore.ipynb"
    nb = papermill.execute_notebook(str(notebook), str(tmp_path / "out.ipynb"), kernel_name=INTERPRETER_KERNEL,
                                    parameters={"term": "离岸贸易"}, cwd=str(root), progress_bar=False)
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    shown = next(o for c in nb.cells if "na.explore" in c.source for o in c.outputs if "data" in o)
    assert WIDGET_VIEW in shown["data"] and "离岸贸易" in shown["data"]["text/plain"]
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    assert shown["data"][WIDGET_VIEW]["model_id"] in state
    exporter = HTMLExporter(template_name="lab", config=Config({"ClearMetadataPreprocessor": {"enabled": True}}))
    html, _ = exporter.from_notebook_node(nbformat.from_dict(nb))
    assert "widget-view+json" not in html
    from newsanalysis import extract_figures, load_page

    figures = extract_figures(load_page(FIXTURES / PAGES["sample"]).articles[0])
    assert len(figures) > 5 and all(f'id="fig-{n}"' in html for n in range(1, len(figures) + 1))
    assert "“离岸贸易”出现7次" in html and html.count(">离岸贸易</td>") >= 7  # the context rows


def test_a_long_article_is_searched_whole_and_shown_in_part(tmp_path):
    """Search gives what ``stats.kwic`` gives on the whole article; the views show a bounded part, saying so."""
    from newsanalysis import kwic
    from newsanalysis.explore.views import SHOWN_PARAGRAPHS, SHOWN_ROWS

    from newsanalysis import load_page

    n = SHOWN_PARAGRAPHS + 40
    interview = load_page(FIXTURES / PAGES["sample"]).articles[0].paragraphs  # 26 paragraphs, 28 times 浦东
    body = [f"{interview[i % len(interview)]}（第{i + 1}段）" for i in range(n)]  # numbered: no two alike
    page = tmp_path / "long.txt"
    page.write_text("变局之下,浦东如何重塑全球角色\n\n本报记者 沈思怡\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    ex = explore(page, processed=tmp_path / "processed")
    assert ex.article.paragraphs == body
    rows = ex.search("浦东")
    pd.testing.assert_frame_equal(rows, kwic(ex.article, "浦东"))
    assert len(rows) == "".join(body).count("浦东") > SHOWN_ROWS
    assert ex.results.value.count("<tr>") == SHOWN_ROWS + 1 and f"显示前{SHOWN_ROWS}处" in ex.results.value
    shown = re.sub(r"<[^>]+>", "", ex.text.value)
    assert f"（第{SHOWN_PARAGRAPHS}段）" in shown and f"（第{SHOWN_PARAGRAPHS + 1}段）" not in shown
    assert f"全文{n}段，这里显示前{SHOWN_PARAGRAPHS}段" in shown


def test_a_page_without_articles_says_so(tmp_path):
    page = tmp_path / "2025-12-05_03.txt"
    page.write_text("2025年12月5日 星期五 第3版\n\n", encoding="utf-8")
    ex = explore([page, FIXTURES / PAGES["sample"]], processed=tmp_path / "processed")
    assert ex.article is None and ex.article_picker.options == ()
    assert "此版没有文章" in ex.text.value and ex.term_picker.options == ()
    assert ex.search("浦东").empty and "此版没有文章" in ex.results.value
    assert "此版没有文章" in ex._repr_mimebundle_()["text/html"]
    ex.page_picker.value = 1
    assert ex.article.index == 0 and len(ex.search("浦东")) == ex.article.body.count("浦东")
