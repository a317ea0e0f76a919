"""The real report notebooks: thin, tagged, paired, output-free in git; executed through papermill on (the first
two articles of) the sample page, with the HTML checked: titles, bylines, embedded charts, no code, no network."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import jupytext
import nbformat
import pytest

from newsanalysis.report import jobs as render
from newsanalysis.report.export import external_urls
from newsanalysis.parse.page import load_page

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["article_report", "page_overview", "explore", "corpus_trends"]
ARTICLE_CHARTS = ["term_bar", "word_cloud", "distinctive_bar", "keyword_bar", "topic_flow", "figures_chart",
                  "sources_chart"]


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_committed_clean_and_paired(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "newsanalysis"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    paired = jupytext.read(NOTEBOOKS / f"{name}.py")
    assert [c.source for c in paired.cells] == [c.source for c in nb.cells]


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_thin(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0] is code[0]
    for line in tagged[0].source.splitlines():
        assert line.isascii() and re.fullmatch(r"[a-z_]+ = [^#]+  # \S.*", line), line
        value = ast.literal_eval(line.split("=", 1)[1].split("#")[0].strip())
        assert isinstance(value, (str, int, float, bool))
    for cell in code:
        tree = ast.parse(cell.source)
        assert not [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Try))]
        assert len(cell.source.splitlines()) <= 6
        assert "open(" not in cell.source and "Path(" not in cell.source


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The real notebooks on a page made of the sample page's first two articles (3 kernels)."""
    root = tmp_path_factory.mktemp("real")
    sample = load_page(ROOT / "tests" / "fixtures" / "sample-page.txt")
    cut = min(e.start for e in sample.ledger if e.article == 2)
    page = root / "two-articles.txt"
    page.write_text(sample.text[:cut], encoding="utf-8")
    lines: list[str] = []
    result = render.render_reports([page], out=root / "reports", jobs=2, progress=lines.append,
                                   notebooks={"article": NOTEBOOKS / "article_report.ipynb",
                                              "overview": NOTEBOOKS / "page_overview.ipynb"})
    return {"result": result, "out": root / "reports", "page": load_page(page), "lines": lines}


@pytest.mark.slow
def test_every_report_renders(rendered):
    result = rendered["result"]
    assert [(r.key, r.error) for r in result.reports if r.status != "ok"] == []
    assert result.n_rendered == 3 and result.exit_code == 0


@pytest.mark.slow
@pytest.mark.parametrize("index", [0, 1])
def test_article_report_html(rendered, index):
    article = rendered["page"].articles[index]
    report = next(r for r in rendered["result"].reports if r.article == index)
    html = (rendered["out"] / report.key).read_text(encoding="utf-8")
    title = article.title or article.display_title.rstrip("…")
    assert title and html.count(title[:12]) >= 2  # the <title> and the headline block
    assert article.reporters and all(name in html for name in article.reporters)
    images = re.findall(r"<img\b[^>]*>", html)
    assert len(images) == len(ARTICLE_CHARTS)
    assert all('src="data:image/png;base64,' in tag and 'alt="' in tag for tag in images)
    assert not re.findall(r'<div[^>]*class="[^"]*\bjp-InputArea-editor\b', html)
    assert "report.analyse" not in html and "Traceback" not in html
    assert external_urls(html) == [] and "<script" not in html.lower()
    assert "jieba" in html and "notebook article_report.ipynb sha256" in html
    stem = Path(report.key).stem
    assert sorted(report.tables) == sorted(f"{stem}.{name}.csv" for name in ARTICLE_CHARTS)
    for table in report.tables:
        assert (rendered["out"] / Path(report.key).parent / table).read_text(encoding="utf-8").strip()


@pytest.mark.slow
def test_page_index_links_the_articles(rendered):
    out = rendered["out"]
    html = (out / "two-articles" / "index.html").read_text(encoding="utf-8")
    for report in rendered["result"].reports:
        if report.kind == "article":
            assert Path(report.key).name.split(".")[0][:2] in html
            assert (out / report.key).exists()
    images = re.findall(r"<img\b[^>]*>", html)
    assert len(images) == 5 and all('src="data:image/png;base64,' in tag for tag in images)
    assert external_urls(html) == []
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {e["status"] for e in manifest["reports"].values()} == {"ok"}
    top = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="two-articles/index.html"' in top and external_urls(top) == []


@pytest.mark.slow
def test_second_run_renders_nothing(rendered):
    result = render.render_reports([rendered["page"].source], out=rendered["out"], jobs=2,
                                    notebooks={"article": NOTEBOOKS / "article_report.ipynb",
                                               "overview": NOTEBOOKS / "page_overview.ipynb"})
    assert (result.n_skipped, result.n_rendered, result.n_failed) == (3, 0, 0)


@pytest.mark.slow
def test_explore_runs_as_is_from_the_notebooks_folder(tmp_path, monkeypatch):
    """Default parameters point at the bundled sample page, as in JupyterLab (`make lab` starts in notebooks/)."""
    import papermill

    monkeypatch.delenv("NEWSANALYSIS_HOME", raising=False)
    nb = papermill.execute_notebook(str(NOTEBOOKS / "explore.ipynb"), str(tmp_path / "explore.ipynb"),
                                    kernel_name="newsanalysis", cwd=str(NOTEBOOKS), progress_bar=False,
                                    parameters={"term": "浦东"})
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    shown = next(o for c in nb.cells if "na.explore" in c.source for o in c.outputs if "data" in o)
    assert "浦东" in shown["data"]["text/plain"] and "application/vnd.jupyter.widget-view+json" in shown["data"]
    assert any("image/png" in o.get("data", {}) for o in outputs)