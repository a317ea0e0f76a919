"""Tests for newsanalysis.corpus: Dask term frequencies equal the in-process result."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newsanalysis import corpus, stats
from newsanalysis.parse.page import load_page

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = ["practice_d.txt", "practice_e.txt", "sample-page.txt"]


@pytest.fixture(scope="module")
def paths():
    return [FIXTURES / name for name in PAGES]


@pytest.fixture(scope="module")
def expected(paths):
    return stats.corpus_term_frequencies(paths)


@pytest.mark.parametrize("scheduler", ["sync", "threads"])
def test_dask_equals_in_process(paths, expected, scheduler):
    pd.testing.assert_frame_equal(corpus.corpus_term_frequencies(paths, scheduler=scheduler), expected)


def test_local_cluster_equals_in_process(paths, expected):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        result = corpus.corpus_term_frequencies(paths, address=cluster.scheduler_address)
    pd.testing.assert_frame_equal(result, expected)


def test_corpus_schema_and_sums(expected, paths):
    assert list(expected.columns) == ["term", "count", "share", "n_articles"]
    assert expected["share"].sum() == pytest.approx(1.0)
    per_page = sum(int(stats.page_term_frequencies(load_page(p))["count"].sum()) for p in paths)
    assert int(expected["count"].sum()) == per_page


# --- the archive: page metadata, corpus build on Dask, queries ---------------------------------------------------

import datetime
import json
import shutil

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from newsanalysis.cli import main
from newsanalysis.corpus import build_corpus, figure_trends, search_corpus, source_ranking, term_trends
from newsanalysis.errors import InputError
from newsanalysis.io import PageMeta, meta_from_filename, read_page, read_page_meta
from newsanalysis.parse.meta import meta_from_header
from newsanalysis.parse.page import parse_page
from newsanalysis.report.analysis import analyse_page, write_analysis

TABLE_NAMES = ["pages", "articles", "paragraphs", "terms", "figures", "sources", "quotes", "entities"]


@pytest.mark.parametrize("name, expected", [
    ("2025-12-05_A03.txt", PageMeta("2025-12-05", "", "A3", "filename")),
    ("20251205-03.txt", PageMeta("2025-12-05", "", "3", "filename")),
    ("renmin_2025-01-31_12.txt", PageMeta("2025-01-31", "renmin", "12", "filename")),
    ("20250230-01.txt", PageMeta()),  # not a date
    ("sample-page.txt", PageMeta()),
])
def test_meta_from_filename(name, expected):
    assert meta_from_filename(name) == expected


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31)),
       st.integers(min_value=1, max_value=99), st.booleans())
def test_filename_dates_round_trip(day, page_no, dashed):
    stem = f"{day.isoformat()}_A{page_no:02d}" if dashed else f"{day:%Y%m%d}-{page_no:02d}"
    meta = meta_from_filename(f"{stem}.txt")
    assert (meta.date, meta.page_no) == (day.isoformat(), f"A{page_no}" if dashed else str(page_no))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_free_text_file_names_and_headers_never_raise(text):
    meta = meta_from_filename(text.replace("/", "").replace("\x00", "") + ".txt")
    assert meta.date is None or datetime.date.fromisoformat(meta.date)
    header = meta_from_header(text)
    assert header.date is None or datetime.date.fromisoformat(header.date)


def test_header_meta_and_precedence(tmp_path):
    header = "2025年12月5日 星期五\n第3版\n\n"
    assert parse_page(header + "新闻标题\n\n本报记者 王明\n\n今天天气很好。").meta == PageMeta("2025-12-05", "", "3", "header")
    page = tmp_path / "2025-11-01_A02.txt"
    page.write_text(header + (FIXTURES / "practice_d.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "2025-11-01_A02.meta.toml").write_text('date = "2024-01-01"\npaper = "demo"\n', encoding="utf-8")
    meta = parse_page(read_page(page)).meta
    assert meta == PageMeta("2025-11-01", "demo", "A2", "filename")  # file name first, then sidecar, then header


def test_sidecars(tmp_path):
    page = tmp_path / "p1.txt"
    page.write_text("x", encoding="utf-8")
    (tmp_path / "pages.csv").write_text("file,date,paper,page_no\np1.txt,2025-12-05,demo,A04\n", encoding="utf-8")
    assert read_page_meta(page) == PageMeta("2025-12-05", "demo", "A4", "sidecar")
    (tmp_path / "p1.meta.toml").write_text("date = 2025-12-06\npage_no = 7\n", encoding="utf-8")
    assert read_page_meta(page) == PageMeta("2025-12-06", "", "7", "sidecar")


@pytest.mark.parametrize("sidecar, text, message", [
    ("p1.meta.toml", "date = [", "cannot read page metadata"),
    ("p1.meta.toml", 'day = "2025-12-05"', "unknown page metadata key"),
    ("p1.meta.toml", 'date = "2025-13-05"', "is not a date"),
    ("pages.csv", "name,when\np1.txt,2025\n", "expected file, date, paper, page_no"),
    ("pages.csv", "file,date\np1.txt,yesterday\n", "is not a date"),
])
def test_bad_sidecars_are_one_line_errors_naming_the_file(tmp_path, sidecar, text, message):
    page = tmp_path / "p1.txt"
    page.write_text("新闻标题\n\n本报记者 王明\n\n今天天气很好。", encoding="utf-8")
    (tmp_path / sidecar).write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        read_page(page)
    assert str(tmp_path / sidecar) in str(info.value) and "\n" not in str(info.value)


def test_written_analysis_tables_carry_page_meta(tmp_path):
    page = tmp_path / "2025-12-05_A03.txt"
    shutil.copy(FIXTURES / "practice_d.txt", page)
    analysis = analyse_page(parse_page(read_page(page)))
    write_analysis(analysis, tmp_path / "out")
    for name in analysis.tables():
        frame = pd.read_parquet(tmp_path / "out" / f"{name}.parquet")
        assert list(frame.columns[:4]) == ["page", "date", "paper", "page_no"]
        assert list(frame.columns[4:]) == list(getattr(analysis, name).columns)
        assert set(frame["date"]) <= {"2025-12-05"} and set(frame["page_no"]) <= {"A3"}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A dated archive of real fixture pages: dates from file names, a sidecar and a header line, plus a broken page."""
    raw = tmp_path_factory.mktemp("archive")
    shutil.copy(FIXTURES / "practice_d.txt", raw / "2025-11-05_A03.txt")
    shutil.copy(FIXTURES / "practice_e.txt", raw / "20251203-02.txt")
    shutil.copy(FIXTURES / "sample-page.txt", raw / "pudong.txt")
    (raw / "pages.csv").write_text("file,date,paper,page_no\npudong.txt,2025-12-20,demo,5\n", encoding="utf-8")
    header = "2025年12月5日 星期五 第4版\n\n" + (FIXTURES / "unseen_u1.txt").read_text(encoding="utf-8")
    (raw / "front.txt").write_text(header, encoding="utf-8")
    (raw / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    (raw / "empty.txt").write_bytes(b"")
    return raw


def _tables(out):
    result = {}
    for name in TABLE_NAMES:
        frame = duckdb.sql(f"SELECT * FROM read_parquet('{out}/{name}/*.parquet', union_by_name = true)").df()
        order = [c for c in ("page", "article", "paragraph", "start", "term") if c in frame.columns]
        result[name] = frame.sort_values(order, kind="stable").reset_index(drop=True)
    return result


@pytest.fixture(scope="module")
def built(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus") / "c"
    lines: list[str] = []
    summary = build_corpus([str(archive / "*.txt")], out, partition_size=2, progress=lines.append)  # processes
    return out, summary, lines


def test_build_reports_and_skips_broken_pages(built, archive):
    out, summary, lines = built
    assert (summary.n_pages, summary.n_built, summary.n_skipped, summary.n_failed) == (6, 4, 0, 2)
    failed = dict(summary.failures)
    assert set(failed) == {str(archive / "broken.txt"), str(archive / "empty.txt")}
    assert "binary" in failed[str(archive / "broken.txt")] and "empty" in failed[str(archive / "empty.txt")]
    assert lines == [f"corpus build: partition {i}/3 done" for i in (1, 2, 3)]


def test_every_table_has_page_meta_on_every_row(built):
    tables = _tables(built[0])
    meta = {"2025-11-05_A03": ("2025-11-05", "", "A3"), "20251203-02": ("2025-12-03", "", "2"),
            "pudong": ("2025-12-20", "demo", "5"), "front": ("2025-12-05", "", "4")}
    for name, frame in tables.items():
        assert list(frame.columns[:4]) == ["page", "date", "paper", "page_no"], name
        assert len(frame) and {tuple(r) for r in frame[["page", "date", "paper", "page_no"]].values} <= {
            (page, *m) for page, m in meta.items()}, name
    assert set(tables["articles"]["page"]) == set(meta)


def test_local_cluster_gives_identical_tables(built, archive, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None,
                      protocol="tcp", host="127.0.0.1") as cluster:  # loopback TCP, workers in this process
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        summary = build_corpus([str(archive / "*.txt")], tmp_path / "c", scheduler=cluster.scheduler_address,
                               partition_size=3)
    assert (summary.n_built, summary.n_failed) == (4, 2)
    expected, result = _tables(built[0]), _tables(tmp_path / "c")
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(result[name], expected[name], obj=name)


def test_rerun_skips_unchanged_pages_and_replaces_changed_ones(archive, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(archive, raw)
    out = tmp_path / "c"
    first = build_corpus([str(raw / "*.txt")], out, scheduler="sync", partition_size=2)
    again = build_corpus([str(raw / "*.txt")], out, scheduler="sync", partition_size=2)
    assert (first.n_built, again.n_built, again.n_skipped, again.n_failed) == (4, 0, 4, 2)
    before = _tables(out)
    (raw / "pages.csv").write_text("file,date,paper,page_no\npudong.txt,2026-01-02,demo,6\n", encoding="utf-8")
    third = build_corpus([str(raw / "*.txt")], out, scheduler="sync", partition_size=2)
    assert (third.n_built, third.n_skipped) == (1, 3)
    after = _tables(out)
    for name in TABLE_NAMES:
        assert len(after[name]) == len(before[name]), name
        assert set(after[name].loc[after[name]["page"] == "pudong", "date"]) == {"2026-01-02"}
    # the small part files of the three runs were merged: one file per table, the one the manifest names
    from newsanalysis.corpus.build import live_parts, read_manifest

    files = list((out / "articles").glob("part-*.parquet"))
    assert len(files) == 1 and [f.stem for f in files] == live_parts(read_manifest(out))


def test_the_pages_table_holds_each_page_and_its_token_total(built):
    tables = _tables(built[0])
    pages, terms = tables["pages"], tables["terms"]
    assert sorted(pages["page"]) == sorted(terms["page"].unique()) and len(pages) == 4
    totals = terms.groupby("page")["count"].sum()
    assert all(int(row.n_tokens) == int(totals[row.page]) for row in pages.itertuples())


def test_queries_read_only_the_part_files_the_manifest_names(built, tmp_path):
    import shutil as sh

    copy = tmp_path / "c"
    sh.copytree(built[0], copy)
    expected = term_trends(copy, ["增长"], by="month")
    # a build killed while merging leaves a merged file the manifest does not name yet: no query may read it twice
    for name in TABLE_NAMES:
        for part in list((copy / name).glob("part-*.parquet")):
            sh.copy(part, part.with_name("part-0000leftover0000.parquet"))
    pd.testing.assert_frame_equal(term_trends(copy, ["增长"], by="month"), expected)


def test_term_trends(built):
    out = built[0]
    trends = term_trends(out, ["增长", "离岸贸易"], by="month")
    assert list(trends.columns) == ["period", "term", "count", "n_tokens", "per_10k", "n_pages"]
    assert trends[["period", "term"]].values.tolist() == [["2025-11-01", "增长"], ["2025-11-01", "离岸贸易"],
                                                          ["2025-12-01", "增长"], ["2025-12-01", "离岸贸易"]]
    terms = _tables(out)["terms"]
    for row in trends.itertuples():
        in_month = terms[terms["date"].str.startswith(row.period[:7])]
        assert row.count == int(in_month.loc[in_month["term"] == row.term, "count"].sum())
        assert row.n_tokens == int(in_month["count"].sum())
        assert row.per_10k == pytest.approx(10000 * row.count / row.n_tokens)
    assert trends.loc[trends["term"] == "离岸贸易", "count"].tolist()[0] == 0
    by_day = term_trends(out, "增长", by="day")
    assert by_day["period"].tolist() == ["2025-11-05", "2025-12-03", "2025-12-05", "2025-12-20"]
    assert by_day["count"].sum() == trends.loc[trends["term"] == "增长", "count"].sum()


def test_figures_sources_and_search(built):
    out = built[0]
    figures = figure_trends(out, "脑机接口系统")
    assert len(figures) and set(figures["page"]) == {"pudong"} and set(figures["date"]) == {"2025-12-20"}
    assert figures["text"].tolist()[:2] == ["64通道", "256通道"]
    assert all("脑机接口" in s for s in figures["sentence"])
    sources = source_ranking(out)
    assert sources.iloc[0][["speaker", "first_date"]].tolist() == ["沈克华", "2025-12-20"]
    assert "上海对外经贸大学" in sources.iloc[0]["titles"]
    assert sources["n_quotes"].is_monotonic_decreasing
    hits = search_corpus(out, "离岸贸易", width=5)
    assert len(hits) >= 3 and set(hits["page"]) == {"pudong"}
    assert hits.iloc[1][["left", "term", "right"]].tolist() == ["4年,上海", "离岸贸易", "规模同比增"]
    assert hits.iloc[0]["title"].startswith("变局之下")


def test_cli_corpus_queries(built, capsys):
    out = built[0]
    assert main(["corpus", "trends", "增长", "--corpus", str(out), "--by", "month", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["period"] for r in rows] == ["2025-11-01", "2025-12-01"] and rows[0]["count"] == 11
    assert main(["corpus", "search", "离岸贸易", "--corpus", str(out), "--limit", "1"]) == 0
    assert "离岸贸易" in capsys.readouterr().out
    assert main(["corpus", "sources", "--corpus", str(out / "missing")]) == 2
    assert "not a corpus folder" in capsys.readouterr().err


def test_corpus_trends_notebook_runs_on_a_built_corpus(built, tmp_path):
    import papermill

    notebook = Path(__file__).resolve().parent.parent / "notebooks" / "corpus_trends.ipynb"
    nb = papermill.execute_notebook(str(notebook), str(tmp_path / "out.ipynb"), kernel_name="newsanalysis",
                                    parameters={"corpus_dir": str(built[0]), "terms": "\\u589e\\u957f", "period": "month"},
                                    progress_bar=False, cwd=str(tmp_path))
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    chart = next(o for o in outputs if "image/png" in o.get("data", {}))
    assert chart["data"]["text/plain"].startswith("折线图：词频走势（每万词），2个时段")


def test_cli_build_errors_are_one_line(tmp_path, capsys):
    assert main(["corpus", "build", str(FIXTURES / "practice_d.txt"), "--out", str(tmp_path), "--scheduler", "foo"]) == 2
    assert "expected processes, threads, sync or an address" in capsys.readouterr().err
    assert main(["corpus", "build", str(tmp_path / "none-*.txt"), "--out", str(tmp_path)]) == 2
    assert "no page file matches" in capsys.readouterr().err


def test_cli_build_prints_plain_progress_and_summary(archive, tmp_path, capsys):
    assert main(["corpus", "build", str(archive / "2025*.txt"), str(archive / "empty.txt"), "--out",
                 str(tmp_path / "c"), "--scheduler", "threads"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("3 pages: 2 built, 0 unchanged, 1 failed")
    assert "corpus build: partition 1/1 done" in captured.err
    assert f"skipped {archive / 'empty.txt'}: the file is empty" in captured.err


def test_render_with_a_corpus_adds_its_trend_report_and_links_it(built, tmp_path, monkeypatch):
    from newsanalysis.report import jobs as render

    monkeypatch.setenv("NEWSANALYSIS_PROCESSED", str(tmp_path / "processed"))
    out = tmp_path / "reports"
    page = tmp_path / "pages" / "2025-12-05_A01.txt"
    page.parent.mkdir()
    page.write_text("消费市场稳中有升\n\n本报记者 赵敏\n\n前十个月，社会消费品零售总额增长4.3%。\n", encoding="utf-8")
    overview = corpus.corpus_overview(built[0])
    assert overview["n_pages"] == 4 and overview["n_dated"] == 4 and overview["first_date"] == "2025-11-05"
    wanted = corpus.top_terms(built[0], top_n=3)
    assert len(wanted) == 3 and all(len(t) >= 2 for t in wanted)
    result = render.render_reports([page], out=out, jobs=2, corpus=built[0])  # terms: the archive's top three
    assert result.exit_code == 0
    report = (out / "corpus" / "index.html").read_text(encoding="utf-8")
    assert "档案：4个版面（4个带日期）" in report and 'href="../index.html"' in report
    assert all(term in report for term in corpus.top_terms(built[0]))
    assert "2025年11月" in report and "2025年12月" in report and "<img" in report
    top = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="corpus/index.html"' in top and "2025年12月5日 星期五" in top
    again = render.render_reports([page], out=out, corpus=built[0])
    assert {r.key: r.status for r in again.reports}["corpus/index.html"] == "skipped"
    other = render.render_reports([page], out=out, corpus=built[0], corpus_terms=["消费"], corpus_period="week")
    assert {r.key: r.status for r in other.reports}["corpus/index.html"] == "ok"
    assert "按周统计：消费" in (out / "corpus" / "index.html").read_text(encoding="utf-8")


def test_render_names_a_folder_that_is_not_a_corpus(tmp_path):
    from newsanalysis.errors import RenderError
    from newsanalysis.report import jobs as render

    with pytest.raises(RenderError, match="not a corpus folder"):
        render.render_reports([FIXTURES / "sample-page.txt"], out=tmp_path / "r", corpus=tmp_path)
