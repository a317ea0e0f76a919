"""Render machinery with tiny notebooks: manifest, incremental runs, lock, failure isolation, retries, escaping,
offline HTML and safe file names. The real report notebooks are exercised in test_notebooks.py."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import filelock
import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsanalysis.report import jobs as render
from newsanalysis.report import kernel
from newsanalysis.errors import RenderError
from newsanalysis.report.export import chart_tables, export_html, external_urls
from newsanalysis.report.filenames import report_filename, safe_name

XSS_PAGE = ("头条<script>alert(1)</script>\n\n本报记者 王明\n\n"
            "正文第一段<img src=x onerror=alert(2)>。今天天气很好，市民纷纷出游。\n\n"
            "第二篇../../etc/passwd\n\n本报记者 李华\n\n另一篇正文，说了很多话。\n")


def _notebook(cells: list[str]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "newsanalysis", "display_name": "Python (newsanalysis)",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nb.cells[0].metadata["tags"] = ["parameters"]
    return nb


TINY_ARTICLE = _notebook([
    'page_path = ""  # page file\narticle_index = 0  # article, counted from 0\nfail_article = -1  # raise here',
    "import pandas as pd\nfrom newsanalysis import charts, report\nfrom newsanalysis.parse import load_page\n"
    "page = load_page(page_path)\narticle = page.article(article_index)",
    "report.headline(article)",
    'assert article_index != fail_article, "planned failure"',
    'charts.term_bar(pd.DataFrame({"term": ["浦东", "开放"], "count": [2, 1]}))',
    "pd.DataFrame({'paragraph': article.paragraphs})",
])
TINY_OVERVIEW = _notebook([
    'page_path = ""  # page file\nfail_article = -1  # unused here',
    "from newsanalysis import report\nfrom newsanalysis.parse import load_page\npage = load_page(page_path)",
    "report.headline(page.articles[0])",
])


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("tiny")
    nbformat.write(TINY_ARTICLE, root / "tiny_article.ipynb")
    nbformat.write(TINY_OVERVIEW, root / "tiny_overview.ipynb")
    page = root / "xss-page.txt"
    page.write_text(XSS_PAGE, encoding="utf-8")
    return {"root": root, "page": page,
            "notebooks": {"article": root / "tiny_article.ipynb", "overview": root / "tiny_overview.ipynb"}}


@pytest.fixture(scope="module")
def first_run(tiny):
    """One real render (3 kernels): article 1 fails on purpose, the others must still render."""
    out = tiny["root"] / "reports"
    lines: list[str] = []
    result = render.render_reports([tiny["page"]], out=out, jobs=2, notebooks=tiny["notebooks"],
                                   parameters={"fail_article": 1}, progress=lines.append)
    return {"out": out, "result": result, "lines": lines}


@pytest.mark.slow
def test_one_failing_article_is_isolated(first_run):
    result, out = first_run["result"], first_run["out"]
    assert result.exit_code == 1
    assert (result.n_rendered, result.n_failed) == (2, 1)
    failed = [r for r in result.reports if r.status == "failed"]
    assert [r.article for r in failed] == [1]
    assert failed[0].error == ('cell 3 of tiny_article.ipynb (`assert article_index != fail_article, "planned '
                               'failure"`) raised AssertionError: planned failure')
    assert failed[0].cell == 3
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["reports"][failed[0].key]
    assert entry["status"] == "failed" and "planned failure" in entry["error"]
    assert not (out / failed[0].key).exists()
    assert (out / ".failed" / "xss-page" / f"{Path(failed[0].key).stem}.ipynb").exists()
    index = (out / "xss-page" / "index.html").read_text(encoding="utf-8")
    assert "失败 failed" in index and "planned failure" in index
    top = (out / "index.html").read_text(encoding="utf-8")
    assert "planned failure" in top and 'href="xss-page/index.html"' in top


@pytest.mark.slow
def test_reports_files_and_progress_lines(first_run):
    out, lines = first_run["out"], first_run["lines"]
    ok = [r for r in first_run["result"].reports if r.status == "ok"]
    article = next(r for r in ok if r.kind == "article")
    assert re.fullmatch(r"xss-page/01-[^/]+\.html", article.key)
    assert (out / article.key).exists()
    csv = (out / article.key).with_name(f"{Path(article.key).stem}.term_bar.csv")
    assert csv.read_text(encoding="utf-8").splitlines() == ["term,count", "浦东,2", "开放,1"]
    assert any(re.match(r"\[\d/3\] ok xss-page/", line) for line in lines)
    assert any(line.startswith("done: 2 rendered, 0 up to date, 1 failed") for line in lines)
    assert not list(out.rglob("*.tmp"))


@pytest.mark.slow
def test_page_text_is_escaped_in_the_html(first_run):
    out = first_run["out"]
    article = next(r for r in first_run["result"].reports if r.status == "ok" and r.kind == "article")
    for path in (out / article.key, out / "xss-page" / "index.html", out / "index.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script" not in html.lower(), path
        assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert(2)&gt;", ""), path
        assert external_urls(html) == []
    html = (out / article.key).read_text(encoding="utf-8")
    assert "头条&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "正文第一段&lt;img src=x onerror=alert(2)&gt;" in html
    assert "王明" in html
    images = re.findall(r"<img\b[^>]*>", html)
    assert images and all('src="data:image/png;base64,' in tag and "alt=" in tag for tag in images)
    assert not _code_cells(html) and "page.article(article_index)" not in html  # no code cells by default
    assert "newsanalysis</th>" in html and "dict.txt" in html  # versions recorded in the report


@pytest.mark.slow
def test_second_run_skips_up_to_date_reports_and_retries_failed(first_run, tiny):
    lines: list[str] = []
    result = render.render_reports([tiny["page"]], out=first_run["out"], jobs=2, notebooks=tiny["notebooks"],
                                   parameters={"fail_article": 1}, progress=lines.append)
    assert (result.n_skipped, result.n_rendered, result.n_failed) == (2, 0, 1)
    assert result.exit_code == 1
    manifest = json.loads((first_run["out"] / "manifest.json").read_text(encoding="utf-8"))
    assert {e["status"] for e in manifest["reports"].values()} == {"ok", "failed"}


def test_a_concurrent_run_exits_with_a_clear_message(tiny, tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    with filelock.FileLock(str(out / render.LOCK)):
        with pytest.raises(RenderError, match=r"another newsanalysis render is writing to .*lock file"):
            render.render_reports([tiny["page"]], out=out, notebooks=tiny["notebooks"], lock_timeout=0)
    assert not (out / "manifest.json").exists()


def _code_cells(html: str) -> list[str]:
    return re.findall(r'<div[^>]*class="[^"]*\binput_area\b', html)  # the classic template's code box


def _fake_executed(*args, **kwargs):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("1 + 1")
    cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=1)]
    nb.cells = [cell]
    return nb


@pytest.mark.parametrize("failures, status", [
    ([RuntimeError("Kernel didn't respond in 60 seconds")], "ok"),
    ([OSError(98, "Address already in use")], "ok"),
    ([RuntimeError("Kernel died before replying to kernel_info")] * 2, "failed"),
])
def test_kernel_start_failures_are_retried_once(monkeypatch, tiny, tmp_path, failures, status):
    import papermill

    calls = []

    def flaky(*args, **kwargs):
        calls.append(kwargs["kernel_name"])
        if len(calls) <= len(failures):
            raise failures[len(calls) - 1]
        return _fake_executed()

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    result = render.render_reports([tiny["page"]], out=tmp_path / "r", jobs=1, notebooks=tiny["notebooks"])
    assert calls[:2] == [kernel.INTERPRETER_KERNEL] * 2  # the interpreter running newsanalysis, no named kernel
    assert result.reports[0].status == status
    assert result.n_failed == (1 if status == "failed" else 0)


def test_cell_errors_are_not_retried(monkeypatch, tiny, tmp_path):
    import papermill
    from papermill.exceptions import PapermillExecutionError

    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        raise PapermillExecutionError(2, 3, "stats.keywords(article)", "ValueError", "boom", ["tb"])

    monkeypatch.setattr(papermill, "execute_notebook", broken)
    result = render.render_reports([tiny["page"]], out=tmp_path / "r", jobs=1, notebooks=tiny["notebooks"])
    assert len(calls) == 3 and result.n_failed == 3 and result.exit_code == 1
    assert result.reports[0].error == "cell 2 of tiny_overview.ipynb (`stats.keywords(article)`) raised ValueError: boom"


def test_unparseable_page_fails_alone(monkeypatch, tiny, tmp_path):
    import papermill

    monkeypatch.setattr(papermill, "execute_notebook", _fake_executed)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = render.render_reports([empty, tiny["page"]], out=tmp_path / "r", jobs=2, notebooks=tiny["notebooks"])
    failed = [r for r in result.reports if r.status == "failed"]
    assert [r.key for r in failed] == ["empty/index.html"] and "empty.txt" in failed[0].error
    assert result.n_rendered == 3 and result.exit_code == 1


def test_a_missing_kernel_is_named_before_anything_runs(tiny, tmp_path):
    with pytest.raises(RenderError, match="kernel 'no-such-kernel' is not installed; run `make install`"):
        render.render_reports([tiny["page"]], out=tmp_path / "r", notebooks=tiny["notebooks"],
                              kernel_name="no-such-kernel")


def test_missing_inputs_are_named(tiny, tmp_path):
    with pytest.raises(RenderError, match="nope.txt: no such page file"):
        render.render_reports([tmp_path / "nope.txt"], out=tmp_path / "r", notebooks=tiny["notebooks"])
    with pytest.raises(RenderError, match="missing.ipynb: report notebook not found"):
        render.render_reports([tiny["page"]], out=tmp_path / "r",
                              notebooks={"article": tmp_path / "missing.ipynb"})


# ---------------------------------------------------------------- export

def test_export_leaves_out_code_unless_asked_and_never_loads_remote_files():
    nb = _fake_executed()
    assert not _code_cells(export_html(nb))
    with_code = export_html(nb, with_code=True)
    assert _code_cells(with_code) and external_urls(with_code) == []
    nb.cells.append(nbformat.v4.new_markdown_cell('<script src="https://cdn.example.org/x.js"></script>'))
    with pytest.raises(RenderError, match="cdn.example.org"):
        export_html(nb, title="t")


@pytest.mark.parametrize("document, expected", [
    ('<script src="https://cdn.jsdelivr.net/x.js"></script>', ["https://cdn.jsdelivr.net/x.js"]),
    ('<link rel="stylesheet" href="//fonts.googleapis.com/css">', ["//fonts.googleapis.com/css"]),
    ("<style>@font-face{src:url('https://fonts.gstatic.com/a.woff')}</style>", ["https://fonts.gstatic.com/a.woff"]),
    ('<img src="data:image/png;base64,AAAA"><a href="https://example.org">链接</a>', []),
    ("<p>见 https://news.example.cn 报道</p>", []),
])
def test_external_urls(document, expected):
    assert external_urls(document) == expected


def test_chart_tables_are_found_and_named_uniquely():
    from newsanalysis.report.export import TABLE_MIME

    nb = _fake_executed()
    for _ in range(2):
        nb.cells[0].outputs.append(nbformat.v4.new_output(
            "display_data", {"text/plain": "x", TABLE_MIME: {"name": "term_bar", "csv": "term,count\n浦东,1\n"}}))
    assert chart_tables(nb) == [("term_bar", "term,count\n浦东,1\n"), ("term_bar-2", "term,count\n浦东,1\n")]


# ---------------------------------------------------------------- file names

@pytest.mark.parametrize("title, expected", [
    ("变局之下,浦东如何重塑全球角色", "变局之下,浦东如何重塑全球角色".replace(",", "-")),
    ("../../etc/passwd", "etc-passwd"),
    ("..", "untitled"),
    ("", "untitled"),
    ("a\\b/c", "a-b-c"),
    ("CON", "untitled-CON"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
    ("　全角　空格　", "全角-空格"),
])
def test_safe_name(title, expected):
    assert safe_name(title) == expected


def test_report_filename_counts_from_one_and_keeps_one_number():
    assert report_filename(0, "01-变局之下") == "01-变局之下.html"
    assert report_filename(11, "") == "12-article.html"
    assert report_filename(2, "长" * 300).encode("utf-8").__len__() <= 3 + 120 + 5


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_title_gives_a_file_name_inside_the_folder(title):
    name = report_filename(4, title)
    assert name.startswith("05-") and name.endswith(".html")
    assert "/" not in name and "\\" not in name and "\x00" not in name and ".." not in name
    assert len(name.encode("utf-8")) <= 255
    folder = Path("/reports/page")
    assert (folder / name).resolve().parent == folder


def test_run_render_returns_the_exit_code_and_names_failures(monkeypatch, tiny, tmp_path, capsys):
    import papermill
    from papermill.exceptions import PapermillExecutionError

    monkeypatch.setattr(papermill, "execute_notebook", _fake_executed)
    assert render.run_render([tiny["page"]], out=tmp_path / "r", jobs=1) == 0
    assert "done: 3 rendered, 0 up to date, 0 failed" in capsys.readouterr().err

    def broken(*args, **kwargs):
        raise PapermillExecutionError(5, 6, "charts.figures_chart(tables.figures)", "KeyError", "'value'", [])

    monkeypatch.setattr(papermill, "execute_notebook", broken)
    assert render.run_render([tiny["page"]], out=tmp_path / "r", jobs=1, force=True) == 1
    err = capsys.readouterr().err
    assert "newsanalysis render: FAILED xss-page/index.html: cell 5 of page_overview.ipynb" in err


def test_reports_of_articles_a_page_no_longer_has_are_removed(monkeypatch, tiny, tmp_path):
    import papermill

    monkeypatch.setattr(papermill, "execute_notebook", _fake_executed)
    page = tmp_path / "changing.txt"
    page.write_text(XSS_PAGE, encoding="utf-8")
    out = tmp_path / "r"
    first = render.render_reports([page], out=out, jobs=1, notebooks=tiny["notebooks"])
    second_key = next(r.key for r in first.reports if r.article == 1)
    assert (out / second_key).exists()
    page.write_text(XSS_PAGE.split("第二篇")[0], encoding="utf-8")
    lines: list[str] = []
    render.render_reports([page], out=out, jobs=1, notebooks=tiny["notebooks"], progress=lines.append)
    assert not (out / second_key).exists()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert second_key not in manifest["reports"] and len(manifest["reports"]) == 2
    assert f"removed {second_key}: the page no longer has this article" in lines
    assert Path(second_key).name not in (out / "changing" / "index.html").read_text(encoding="utf-8")


def test_pages_with_the_same_name_in_two_folders_do_not_collide(monkeypatch, tiny, tmp_path):
    import papermill

    monkeypatch.setattr(papermill, "execute_notebook", _fake_executed)
    pages = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        pages.append(tmp_path / folder / "page.txt")
        pages[-1].write_text(XSS_PAGE, encoding="utf-8")
    result = render.render_reports(pages, out=tmp_path / "r", jobs=2, notebooks=tiny["notebooks"])
    stems = {r.stem for r in result.reports}
    assert len(stems) == 2 and "page" in stems and result.n_rendered == 6


def test_nothing_already_written_is_lost_when_a_page_or_a_report_fails(monkeypatch, tiny, tmp_path):
    import papermill
    from papermill.exceptions import PapermillExecutionError

    monkeypatch.setattr(papermill, "execute_notebook", _fake_executed)
    page = tmp_path / "kept.txt"
    page.write_text(XSS_PAGE, encoding="utf-8")
    out = tmp_path / "r"
    first = render.render_reports([page], out=out, jobs=1, notebooks=tiny["notebooks"])
    keys = [r.key for r in first.reports]
    before = {key: (out / key).read_bytes() for key in keys}

    def broken(*args, **kwargs):
        raise PapermillExecutionError(1, 2, "charts.term_bar(terms)", "ValueError", "boom", ["tb"])

    monkeypatch.setattr(papermill, "execute_notebook", broken)
    failed = render.render_reports([page], out=out, jobs=1, notebooks=tiny["notebooks"], force=True)
    assert failed.n_failed == len(keys) and failed.exit_code == 1
    articles = [r.key for r in first.reports if r.kind == "article"]
    assert {key: (out / key).read_bytes() for key in articles} == {key: before[key] for key in articles}
    overview = (out / "kept" / ".overview.html").read_text(encoding="utf-8")
    index = (out / "kept" / "index.html").read_text(encoding="utf-8")
    kept_body = overview.split("<body", 1)[1].split("</body>", 1)[0]
    assert "overview failed" in index and kept_body[-200:] in index  # the old overview is kept

    page.write_text("标题一\n\n标题二\n", encoding="utf-8")  # the page lost its articles
    empty = render.render_reports([page], out=out, jobs=1, notebooks=tiny["notebooks"])
    assert empty.exit_code == 1 and "no articles found" in empty.reports[0].error
    assert {key: (out / key).read_bytes() for key in articles} == {key: before[key] for key in articles}


def test_fingerprint_covers_the_dictionaries(tiny):
    jobs, _ = render._page_jobs(tiny["page"], "xss-page", tiny["notebooks"], {}, {}, tiny["page"].parent / "processed")
    from newsanalysis.report.provenance import dictionaries_sha256

    assert all(job.fingerprint["dictionaries"] == dictionaries_sha256() for job in jobs)


@pytest.mark.slow
def test_a_render_parses_and_segments_each_page_once(tmp_path, monkeypatch):
    """The real report notebooks, every kernel included: one parse and one new-word discovery per page."""
    from conftest import FIXTURES

    trace = tmp_path / "trace.log"
    monkeypatch.setenv("NEWSANALYSIS_TRACE", str(trace))
    page = tmp_path / "pages" / "sample-page.txt"
    page.parent.mkdir()
    page.write_bytes((FIXTURES / "sample-page.txt").read_bytes())
    result = render.render_reports([page], out=tmp_path / "reports", processed=tmp_path / "processed", jobs=2)
    assert result.exit_code == 0 and result.n_rendered == 5
    events = [line.split("\t")[0] for line in trace.read_text(encoding="utf-8").splitlines()]
    assert events.count("parse") == 1 and events.count("discover") == 1
    assert events.count("analysis-read") == 5  # each notebook read the kept analysis back
    assert (tmp_path / "processed" / "sample-page" / "figures.parquet").is_file()


def test_a_read_only_reports_folder_is_one_clear_error(tiny, tmp_path):
    import os

    out = tmp_path / "ro"
    out.mkdir()
    os.chmod(out, 0o555)
    try:
        if os.access(out, os.W_OK):  # root ignores permissions: make the target a file instead
            os.chmod(out, 0o755)
            out.rmdir()
            out.write_text("not a folder", encoding="utf-8")
        with pytest.raises(RenderError, match="cannot write reports there"):
            render.render_reports([tiny["page"]], out=out / "reports", notebooks=tiny["notebooks"],
                                  processed=tmp_path / "processed")
    finally:
        if out.is_dir():
            os.chmod(out, 0o755)


def test_an_empty_folder_is_named_plainly(tmp_path):
    (tmp_path / "pages").mkdir()
    with pytest.raises(RenderError) as caught:
        render.render_reports([tmp_path / "pages"], out=tmp_path / "r")
    assert "PosixPath" not in str(caught.value) and str(tmp_path / "pages") in str(caught.value)


def test_a_killed_run_leaves_no_temp_folder_for_long(monkeypatch, tiny, tmp_path):
    import hashlib
    import tempfile

    import papermill

    monkeypatch.setattr(papermill, "execute_notebook", _fake_executed)
    out = (tmp_path / "r").resolve()
    stale = Path(tempfile.gettempdir()) / f"newsanalysis-render-{hashlib.sha256(str(out).encode()).hexdigest()[:8]}-old"
    stale.mkdir()
    (stale / "left-by-kill-9.ipynb").write_text("{}", encoding="utf-8")
    render.render_reports([tiny["page"]], out=out, jobs=1, notebooks=tiny["notebooks"], force=True,
                          processed=tmp_path / "processed")
    assert not stale.exists()


@pytest.mark.slow
def test_a_cell_running_too_long_fails_its_report_not_the_run(tiny, tmp_path):
    slow = nbformat.v4.new_notebook()
    slow.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    slow.cells = [nbformat.v4.new_code_cell('page_path = ""\narticle_index = 0'),
                  nbformat.v4.new_code_cell("import time\ntime.sleep(30)")]
    slow.cells[0].metadata["tags"] = ["parameters"]
    nbformat.write(slow, tmp_path / "slow.ipynb")
    result = render.render_reports([tiny["page"]], out=tmp_path / "r", jobs=2, cell_timeout=3,
                                   notebooks={"article": tmp_path / "slow.ipynb", "overview": tiny["notebooks"]["overview"]},
                                   processed=tmp_path / "processed")
    failed = [r for r in result.reports if r.status == "failed"]
    assert result.exit_code == 1 and failed and all(r.kind == "article" for r in failed)
    assert any("time" in (r.error or "").lower() for r in failed)


@pytest.mark.slow
def test_the_failing_cell_is_named_by_its_place_in_the_source_notebook(tmp_path):
    from newsanalysis.report import kernel

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# 标题"), nbformat.v4.new_code_cell("x = 1"),
                nbformat.v4.new_code_cell("raise ValueError('boom')")]
    nb.cells[1].metadata["tags"] = ["parameters"]
    nbformat.write(nb, tmp_path / "f.ipynb")
    with pytest.raises(Exception) as caught:
        kernel.execute(tmp_path / "f.ipynb", {"x": 2}, tmp_path / "out.ipynb", None, tmp_path, {})
    message, index = kernel.describe(caught.value, tmp_path / "f.ipynb", None, tmp_path / "out.ipynb")
    assert index == 2 and message.startswith("cell 2 of f.ipynb (`raise ValueError('boom')`)")


def test_a_full_disk_is_one_clear_error_and_keeps_what_was_written(monkeypatch, tiny, tmp_path):
    """No space left while the manifest and indexes are written: a RenderError naming the folder, the reports
    written before it stay, and the next run (with space again) completes the manifest and the index."""
    import errno

    import papermill

    monkeypatch.setattr(papermill, "execute_notebook", _fake_executed)
    out = tmp_path / "r"
    real_write = render._atomic_write

    def full_disk(path, data):
        if path.name in ("manifest.json", "index.html") or ".failed" in path.parts:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(path, data)

    monkeypatch.setattr(render, "_atomic_write", full_disk)
    monkeypatch.setattr(render, "write_indexes", lambda *a, **k: full_disk(out / "index.html", ""))
    with pytest.raises(RenderError, match=r"cannot write the manifest and indexes: No space left on device; "
                                          r"\d+ report\(s\) of this run were written and kept"):
        render.render_reports([tiny["page"]], out=out, jobs=1, notebooks=tiny["notebooks"],
                              processed=tmp_path / "processed")
    written = sorted(p.name for p in (out / "xss-page").glob("*.html"))
    assert written  # the reports themselves are there
    monkeypatch.undo()
    monkeypatch.setattr(papermill, "execute_notebook", _fake_executed)
    again = render.render_reports([tiny["page"]], out=out, jobs=1, notebooks=tiny["notebooks"],
                                  processed=tmp_path / "processed")
    assert again.exit_code == 0 and (out / "manifest.json").is_file() and (out / "index.html").is_file()


def test_the_manifest_keeps_no_absolute_local_path(monkeypatch, tiny, tmp_path):
    import papermill

    monkeypatch.setattr(papermill, "execute_notebook", _fake_executed)
    out = tmp_path / "r"
    render.render_reports([tiny["page"]], out=out, jobs=1, notebooks=tiny["notebooks"], processed=tmp_path / "p")
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    assert str(tmp_path) not in manifest and str(tiny["root"]) not in manifest
    entry = next(iter(json.loads(manifest)["reports"].values()))
    assert (out / entry["page"]).resolve() == tiny["page"].resolve()


def test_the_top_index_groups_pages_by_date_and_lists_each_article(monkeypatch, tiny, tmp_path):
    monkeypatch.setenv("NEWSANALYSIS_PROCESSED", str(tmp_path / "processed"))
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "2025-12-04_A01.txt").write_text(XSS_PAGE, encoding="utf-8")
    (pages / "2025-12-05_A03.txt").write_text(
        "消费市场稳中有升\n\n本报记者 赵敏\n\n前十个月，社会消费品零售总额增长4.3%。赵敏说，假日消费带动明显。\n",
        encoding="utf-8")
    (pages / "undated.txt").write_text(XSS_PAGE, encoding="utf-8")
    out = tmp_path / "reports"
    result = render.render_reports([pages], out=out, jobs=2, notebooks=tiny["notebooks"])
    assert result.exit_code == 0
    top = (out / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2 id=\"[^\"]+\">([^<]+)</h2>", top)
    assert headings == ["2025年12月5日 星期五", "2025年12月4日 星期四", "日期未知"]
    assert "第A3版" in top and "第A1版" in top
    # per article: its title linked to its report, its reporters, its figure count
    row = re.search(r"<tr><td>1</td><td><a href=\"([^\"]+)\">消费市场稳中有升</a></td><td>赵敏</td>"
                    r"<td class='na-num'>(\d+)</td>", top)
    assert row and (out / unquote(row.group(1))).is_file() and int(row.group(2)) >= 1
    assert "<script>alert(1)" not in top and "头条&lt;script&gt;" in top
    # one overview per page: index.html; the exported source is hidden and nothing links to it
    for stem in ("2025-12-04_A01", "2025-12-05_A03", "undated"):
        assert not (out / stem / "overview.html").exists() and (out / stem / ".overview.html").is_file()
        index = (out / stem / "index.html").read_text(encoding="utf-8")
        assert ".overview.html" not in index and 'href="../index.html"' in index
        for href in re.findall(r'href="([^"#]+)"', index):
            assert (out / stem / unquote(href)).resolve().exists(), (stem, href)


def test_a_run_with_nothing_new_leaves_the_indexes_as_they_are(monkeypatch, tiny, tmp_path):
    import papermill

    from newsanalysis.report import indexes

    monkeypatch.setattr(papermill, "execute_notebook", _fake_executed)
    out = tmp_path / "r"
    render.render_reports([tiny["page"]], out=out, jobs=1, notebooks=tiny["notebooks"], processed=tmp_path / "p")
    written = []
    real = indexes.publish
    monkeypatch.setattr(indexes, "publish", lambda path, doc: written.append(real(path, doc)) or written[-1])
    again = render.render_reports([tiny["page"]], out=out, jobs=1, notebooks=tiny["notebooks"], processed=tmp_path / "p")
    assert again.n_rendered == 0 and again.n_failed == 0
    assert written == [False, False]  # the page index and the top index hold this very document already
    (out / "xss-page" / "index.html").write_text("damaged", encoding="utf-8")
    render.render_reports([tiny["page"]], out=out, jobs=1, notebooks=tiny["notebooks"], processed=tmp_path / "p")
    assert written[2:] == [True, False] and "</html>" in (out / "xss-page" / "index.html").read_text(encoding="utf-8")


def test_reports_up_to_date_on_a_page_analysed_again_list_the_new_analysis(monkeypatch, tiny, tmp_path):
    import shutil

    import papermill

    monkeypatch.setattr(papermill, "execute_notebook", _fake_executed)
    out, processed = tmp_path / "r", tmp_path / "p"
    render.render_reports([tiny["page"]], out=out, jobs=2, notebooks=tiny["notebooks"], processed=processed)
    first = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["reports"]
    shutil.rmtree(processed)  # the reports stay up to date, but the page's analysis is made again
    again = render.render_reports([tiny["page"]], out=out, jobs=2, notebooks=tiny["notebooks"], processed=processed)
    assert again.n_rendered == 0 and again.n_skipped == 3 and (processed / "xss-page" / "analysis.json").is_file()
    reports = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["reports"]
    articles = [entry["info"] for entry in reports.values() if entry["kind"] == "article"]
    # counts and top terms from the analysis, not the parse alone (which has None and [])
    assert all(isinstance(info["n_figures"], int) and info["top_terms"] for info in articles) and len(articles) == 2
    assert {k: e["info"] for k, e in reports.items()} == {k: e["info"] for k, e in first.items()}


def test_the_kernel_spec_is_never_read_half_written(tmp_path):
    # parallel jobs of a run each write the spec while other jobs' kernels read it
    import threading

    from newsanalysis.report.kernel import INTERPRETER_KERNEL, interpreter_kernel

    spec = interpreter_kernel(tmp_path) / INTERPRETER_KERNEL / "kernel.json"
    stop, seen = threading.Event(), []

    def rewrite():
        while not stop.is_set():
            interpreter_kernel(tmp_path)

    writer = threading.Thread(target=rewrite)
    writer.start()
    try:
        for _ in range(3000):
            seen.append(bool(json.loads(spec.read_text(encoding="utf-8"))["argv"]))
    finally:
        stop.set()
        writer.join()
    assert all(seen) and len(seen) == 3000
