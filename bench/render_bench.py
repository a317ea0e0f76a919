"""Render benchmark: full report set of the sample page vs. the floor (same number of notebooks that only import).

Prints, in one run:
  * full:        time to render the sample page's full report set (fresh output and analysis folders),
  * floor:       time to run, export and write the same number of notebooks that only import what the reports
                 import (kernel start-up + imports + export + writes), through the same machinery, with the
                 page's analysis already kept (so the floor does no analysis),
  * ratio:       full / floor (aim: <= 1.5, i.e. the analysis is computed once per page, not once per notebook),
  * incremental: time of a second run over the full set with nothing changed (aim: < 1 s).

Usage: .venv/bin/python bench/render_bench.py [--jobs N] [PAGE]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import nbformat

from newsanalysis import config
from newsanalysis.report import jobs as render
from newsanalysis.parse.page import load_page
from newsanalysis.report.analysis import cached_analysis

ROOT = Path(__file__).resolve().parent.parent


def _floor_notebook(path: Path, params: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": config.KERNEL_NAME, "display_name": "Python (newsanalysis)",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(params), nbformat.v4.new_code_cell(
        "from newsanalysis import charts, config, report\nfrom newsanalysis.parse import load_page")]
    nb.cells[0].metadata["tags"] = ["parameters"]
    nbformat.write(nb, path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", default=str(ROOT / "data" / "raw" / "sample-page.txt"))
    parser.add_argument("--jobs", type=int, default=None, help="parallel notebooks (default: number of cores)")
    args = parser.parse_args()
    page = Path(args.page).resolve()
    n_articles = len(load_page(page).articles)
    with tempfile.TemporaryDirectory(prefix="render-bench-") as tmp:
        tmp = Path(tmp)
        real = {"article": ROOT / "notebooks" / "article_report.ipynb",
                "overview": ROOT / "notebooks" / "page_overview.ipynb"}
        floor = {"article": _floor_notebook(tmp / "floor_article.ipynb",
                                            'page_path = ""  # page\narticle_index = 0  # article\ntop_n = 20  # n'),
                 "overview": _floor_notebook(tmp / "floor_overview.ipynb", 'page_path = ""  # page\ntop_n = 20  # n')}
        timings = {}
        # the floor does no analysis (its page's analysis is kept beforehand); the full run starts cold, so it
        # pays for the one analysis per page plus everything its notebooks do beyond importing
        processed = {"floor": tmp / "processed-floor", "full": tmp / "processed-full"}
        cached_analysis(page, processed=processed["floor"])
        for name, notebooks in (("floor", floor), ("full", real)):
            out = tmp / f"reports-{name}"
            began = time.perf_counter()
            result = render.render_reports([page], out=out, jobs=args.jobs, notebooks=notebooks, force=True,
                                           processed=processed[name])
            timings[name] = time.perf_counter() - began
            if result.n_failed:
                raise SystemExit(f"{name}: {[(r.key, r.error) for r in result.reports if r.status == 'failed']}")
        began = time.perf_counter()
        again = render.render_reports([page], out=tmp / "reports-full", jobs=args.jobs, notebooks=real,
                                      processed=processed["full"])
        timings["incremental"] = time.perf_counter() - began
        assert again.n_rendered == 0 and again.n_skipped == n_articles + 1, again
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"page: {page.name} ({n_articles} articles, {n_articles + 1} notebooks), jobs: {args.jobs or 'cores'}")
    print(f"full report set : {timings['full']:.1f} s")
    print(f"floor (imports) : {timings['floor']:.1f} s")
    print(f"ratio full/floor: {timings['full'] / timings['floor']:.2f}  (aim <= 1.5)")
    print(f"incremental run : {timings['incremental']:.2f} s  (aim < 1 s)")


if __name__ == "__main__":
    main()
