"""Render HTML reports: papermill runs the report notebooks, nbconvert exports them, a manifest keeps it incremental.

Per page it runs ``notebooks/article_report.ipynb`` once per article and ``notebooks/page_overview.ipynb`` once,
with the project's own kernel (``newsanalysis``), in parallel (``jobs``), and writes::

    reports/index.html                       all pages, every report with its status
    reports/<page-stem>/index.html           the page overview, with links to its article reports
    reports/<page-stem>/.overview.html       the overview as exported, kept to rebuild index.html (not for readers)
    reports/<page-stem>/<NN>-<slug>.html     one article report (offline HTML, images embedded)
    reports/<page-stem>/<NN>-<slug>.<chart>.csv   the table behind each chart
    reports/corpus/index.html                the archive's term trends (``corpus=``, ``render --corpus DIR``)
    reports/manifest.json                    hashes, versions, timings and status of every report

It is safe to run from cron: a report is skipped when its page text, notebook, package and options are unchanged
(``force`` re-renders); files appear atomically (temp file + ``os.replace``); a lock file makes a second run wait
``lock_timeout`` seconds and then exit with a clear message; a failing notebook (a cell raised, the kernel would
not start twice in a row) marks only that report failed, with the error and the cell, and the exit code is 1.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Literal

from newsanalysis import __version__, config
from newsanalysis.errors import NewsAnalysisError, RenderError
from newsanalysis.io import atomic_write as _atomic_write
from newsanalysis.io import layout_path
from newsanalysis.parse import Page, load_page, require_articles
from newsanalysis.report.analysis import (
    analysis_dir,
    analysis_lock,
    cached_analysis,
    kept_summary,
    page_summary,
    parsed_summary,
)
from newsanalysis.report.export import article_nav, chart_tables, export_html, provenance_html
from newsanalysis.report.indexes import CORPUS_KEY, OVERVIEW_SOURCE, up_nav, write_indexes
from newsanalysis.report.filenames import report_filename, safe_name
from newsanalysis.report.kernel import check_kernel, describe, execute
from newsanalysis.report.provenance import (
    dictionaries_sha256,
    package_fingerprint,
    sha256_file,
    versions,
)

log = logging.getLogger(__name__)
ARTICLE_NOTEBOOK = "article_report.ipynb"
OVERVIEW_NOTEBOOK = "page_overview.ipynb"
CORPUS_NOTEBOOK = "corpus_trends.ipynb"
MANIFEST = "manifest.json"
LOCK = ".render.lock"
CELL_TIMEOUT = 600.0  # seconds; a report notebook cell normally takes well under ten
Status = Literal["ok", "skipped", "failed"]


@dataclass(frozen=True)
class Job:
    """One notebook run: an article report or a page overview."""

    kind: Literal["article", "overview", "corpus"]
    page: Path
    stem: str
    article: int | None
    title: str
    key: str  # output path relative to the reports folder, e.g. "sample-page/01-标题.html"
    notebook: Path
    parameters: dict
    fingerprint: dict
    neighbours: tuple[str | None, str | None] = (None, None)  # file names of the previous and next article
    info: dict = field(default_factory=dict)  # what the indexes list: the article's summary, the page's metadata


@dataclass
class ReportResult:
    """What happened to one report."""

    key: str
    kind: str
    page: str
    stem: str
    article: int | None
    title: str
    status: Status
    seconds: float = 0.0
    error: str | None = None
    cell: int | None = None
    tables: list[str] = field(default_factory=list)
    fingerprint: dict = field(default_factory=dict)
    finished: str = ""
    info: dict = field(default_factory=dict)


@dataclass
class RenderResult:
    """The outcome of :func:`render_reports`: one :class:`ReportResult` per report, and where they are."""

    out: Path
    reports: list[ReportResult]
    seconds: float

    @property
    def n_failed(self) -> int:
        return sum(r.status == "failed" for r in self.reports)

    @property
    def n_rendered(self) -> int:
        return sum(r.status == "ok" for r in self.reports)

    @property
    def n_skipped(self) -> int:
        return sum(r.status == "skipped" for r in self.reports)

    @property
    def exit_code(self) -> int:
        return 1 if self.n_failed else 0


def _load_manifest(out: Path) -> dict:
    path = out / MANIFEST
    if not path.exists():
        return {"format": 1, "reports": {}}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("%s: unreadable manifest (%s); rendering everything again", path, exc)
        return {"format": 1, "reports": {}}
    manifest.setdefault("reports", {})
    return manifest


def _page_jobs(page_path: Path, stem: str, notebooks: dict[str, Path], options: dict, extra: dict,
               processed: Path) -> tuple[list[Job], Page | None]:
    """The page's jobs, and the parsed page when its analysis is still to be made (else None).

    A page whose kept analysis is stale is only parsed here: its analysis is made while the report kernels
    start (:class:`_Analyses`), and every notebook of the page reads it back."""
    summary = kept_summary(page_path, processed=processed)
    parsed = None
    if summary is None:
        parsed = require_articles(load_page(page_path))  # no articles: the page fails here, with one clear message
        summary = parsed_summary(parsed)
    articles, meta = summary["articles"], summary["meta"]
    hints = layout_path(page_path)
    common = {"page_sha256": sha256_file(page_path), "package": package_fingerprint(),
              "layout_hints_sha256": sha256_file(hints) if hints.is_file() else None,
              "dictionaries": dictionaries_sha256(), **options}
    jobs = [Job("overview", page_path, stem, None, f"{page_path.stem} 版面概览", f"{stem}/index.html",
                notebooks["overview"], {"page_path": str(page_path), **extra},
                {**common, "notebook_sha256": sha256_file(notebooks["overview"])}, info={"meta": meta})]
    article_hash = sha256_file(notebooks["article"])
    for article in articles:
        index = article["index"]
        name = report_filename(index, article["slug"] or article["display_title"] or article["title"] or "")
        jobs.append(Job("article", page_path, stem, index,
                        article["title"] or article["display_title"] or f"第{index + 1}篇", f"{stem}/{name}",
                        notebooks["article"], {"page_path": str(page_path), "article_index": index, **extra},
                        {**common, "notebook_sha256": article_hash}, info={"meta": meta, **article}))
    # each article report links to its neighbours: their names are part of its fingerprint
    names = [Path(job.key).name for job in jobs[1:]]
    for n, job in enumerate(jobs[1:]):
        neighbours = (names[n - 1] if n > 0 else None, names[n + 1] if n + 1 < len(names) else None)
        jobs[n + 1] = replace(job, neighbours=neighbours, fingerprint={**job.fingerprint, "neighbours": list(neighbours)})
    return jobs, parsed


@dataclass
class _Analyses:
    """The analyses a render makes itself, in a thread, while its report kernels start."""

    pending: list[tuple[Path, Page]] = field(default_factory=list)  # parsed pages, in the order they are made
    started: dict[Path, threading.Event] = field(default_factory=dict)  # set once the page's lock is held
    finished: dict[Path, threading.Event] = field(default_factory=dict)
    summaries: dict[Path, dict] = field(default_factory=dict)  # page_summary of each page made

    def add(self, page: Path, parsed: Page) -> None:
        self.pending.append((page, parsed))
        self.started[page], self.finished[page] = threading.Event(), threading.Event()

    def make(self, processed: Path, emit) -> None:
        """Analyse the pages in turn, each under its analysis lock, taken before ``started`` is set: the page's
        kernels then wait for this analysis and read it back instead of making their own."""
        for page_path, parsed in self.pending:
            try:
                with analysis_lock(analysis_dir(page_path, processed)):
                    self.started[page_path].set()
                    analysis = cached_analysis(page_path, processed=processed, parsed=parsed)
                    self.summaries[page_path] = page_summary(analysis)
            except Exception as exc:  # the page's notebooks meet the same error and report it; the index lists no counts
                emit(f"analysis of {page_path} failed: {type(exc).__name__}: {exc}")
            finally:
                self.started[page_path].set()
                self.finished[page_path].set()

    def summary(self, page: Path) -> dict | None:
        """The page's summary once its analysis is finished (None: not made in this run, or it failed)."""
        if page in self.finished:
            self.finished[page].wait()
        return self.summaries.get(page)


def _with_summary(info: dict, summary: dict | None, article: int | None) -> dict:
    """A report's index entry ``info`` completed from its page's summary (None: ``info`` as it is)."""
    if summary is None:
        return info
    if article is None:
        return {**info, "meta": summary["meta"]}
    found = next((a for a in summary["articles"] if a["index"] == article), None)
    return {**info, "meta": summary["meta"], **(found or {})}


def _corpus_job(corpus: dict, notebook: Path, options: dict) -> Job:
    """The archive's trend report: re-rendered when the corpus (its build manifest), the notebook, the package or
    the terms and period asked for change."""
    folder = Path(corpus["dir"]).resolve()
    parameters = {"corpus_dir": str(folder), "terms": ",".join(corpus.get("terms") or ()),
                  "period": corpus.get("period") or "month"}
    fingerprint = {"corpus_manifest_sha256": sha256_file(folder / "manifest.json"), "package": package_fingerprint(),
                   "notebook_sha256": sha256_file(notebook), **options, "corpus": parameters}
    return Job("corpus", folder, "corpus", None, "档案词频走势", CORPUS_KEY, notebook, parameters, fingerprint)


def _drop_stale(out: Path, entries: dict, stem: str, current: set[str], emit) -> None:
    """Forget and delete the reports of ``stem`` that its page no longer has (articles re-split or retitled)."""
    for key in [k for k, e in entries.items() if e.get("stem") == stem and k not in current]:
        entry = entries.pop(key)
        for name in [Path(key).name, *entry.get("tables", [])]:
            (out / stem / name).unlink(missing_ok=True)
        emit(f"removed {key}: the page no longer has this article")


def _run_job(job: Job, out: Path, *, kernel_name: str | None, with_code: bool, workdir: Path,
             processed: Path, cell_timeout: float | None = None) -> ReportResult:
    started = time.perf_counter()
    result = ReportResult(job.key, job.kind, _portable(job.page, out), job.stem, job.article, job.title, "ok",
                          fingerprint=job.fingerprint, info=job.info)
    target = out / job.key
    html_target = target.with_name(OVERVIEW_SOURCE) if job.kind == "overview" else target
    try:
        executed = workdir / f"{job.key.replace('/', '__')}.ipynb"
        nb = execute(job.notebook, job.parameters, executed, kernel_name, workdir,
                     {config.PROCESSED_ENV: str(processed)}, cell_timeout=cell_timeout)
        source = job.page / "manifest.json" if job.kind == "corpus" else job.page  # a corpus is a folder
        info = [("报告 report", job.key), *versions(source, job.notebook).items()]
        nav = (article_nav(job.stem, *job.neighbours) if job.kind == "article"
               else up_nav() if job.kind == "corpus" else "")
        html = export_html(nb, with_code=with_code, title=job.title, top_body=nav, extra_body=provenance_html(info))
        for name, csv in chart_tables(nb):
            table = target.with_name(f"{target.stem}.{name}.csv")
            _atomic_write(table, csv)
            result.tables.append(table.name)
        _atomic_write(html_target, html)
    except Exception as exc:  # one failing report must not stop the others; it is recorded, never hidden
        result.status = "failed"
        failed_nb = workdir / f"{job.key.replace('/', '__')}.ipynb"
        result.error, result.cell = describe(exc, job.notebook, kernel_name, failed_nb)
        # the last good report (if any) stays in place: the index and the manifest say this run failed
        if failed_nb.exists():
            try:
                _atomic_write(out / ".failed" / job.stem / f"{Path(job.key).stem}.ipynb", failed_nb.read_bytes())
            except OSError as keep:  # e.g. the disk is full: the failure is still recorded, only not its notebook
                result.error += f" (its executed notebook could not be kept: {keep.strerror or keep})"
    result.seconds = round(time.perf_counter() - started, 3)
    result.finished = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return result


def _portable(page: Path, out: Path) -> str:
    """The page as the manifest keeps it: relative to the reports folder, so a moved or shared project still
    reads (``../data/raw/sample-page.txt``)."""
    try:
        return Path(os.path.relpath(page, out)).as_posix()
    except ValueError:  # another drive on Windows
        return str(page)


def _progress_printer(stream=None) -> Callable[[str], None]:
    stream = stream or sys.stderr
    lock = threading.Lock()

    def emit(line: str) -> None:
        with lock:  # workers report from several threads: one whole line at a time
            stream.write(f"newsanalysis render: {line}\n")
            stream.flush()

    return emit


def render_reports(paths: list[Path] | None = None, *, out: Path | None = None, jobs: int | None = None,
                   with_code: bool = False, force: bool = False, notebooks: dict[str, Path] | None = None,
                   kernel_name: str | None = None, lock_timeout: float = 0.0, parameters: dict | None = None,
                   progress: Callable[[str], None] | None = None, processed: Path | None = None,
                   cell_timeout: float | None = CELL_TIMEOUT, corpus: Path | None = None,
                   corpus_terms: list[str] | None = None, corpus_period: str = "month") -> RenderResult:
    """Render the reports of ``paths`` (default: every page in ``data/raw``) into ``out`` (default ``reports/``).

    Args:
        paths: page files or folders of pages.
        out: the reports folder.
        jobs: notebooks run in parallel (default: number of cores).
        with_code: keep code cells in the HTML.
        force: re-render reports that are up to date.
        notebooks: {"article": path, "overview": path} to use other notebooks (tests use tiny ones).
        kernel_name: a named Jupyter kernel (default None: this interpreter, through a kernel spec made on the
            fly; ``"newsanalysis"`` is the kernel ``make install`` registers for JupyterLab).
        processed: where page analyses are kept (default ``data/processed``).
        cell_timeout: seconds a notebook cell may run before its report fails (None: no limit).
        lock_timeout: seconds to wait for another run holding the lock (0: exit at once).
        parameters: extra notebook parameters (ASCII literals), passed to every notebook.
        progress: called with one plain line per event (default: the ``newsanalysis.render`` logger).
        corpus: a folder written by ``newsanalysis corpus build``: adds its trend report ``corpus/index.html``
            (``corpus_terms``, default the archive's most frequent terms, counted by ``corpus_period``).

    Returns:
        A RenderResult; ``exit_code`` is 1 if any report failed.

    Raises:
        RenderError: no page to render, or another run holds the lock.
    """
    import filelock

    began = time.perf_counter()
    emit = progress or log.info
    out = Path(out or config.reports_dir()).resolve()
    pages = _expand(paths)
    nbdir = config.notebooks_dir()
    notebooks = {"article": nbdir / ARTICLE_NOTEBOOK, "overview": nbdir / OVERVIEW_NOTEBOOK,
                 "corpus": nbdir / CORPUS_NOTEBOOK, **(notebooks or {})}
    if corpus is not None:
        corpus = {"dir": Path(corpus), "terms": tuple(corpus_terms or ()), "period": corpus_period}
        if not (Path(corpus["dir"]) / "manifest.json").is_file():
            raise RenderError(f"{corpus['dir']}: not a corpus folder (no manifest.json); build one with "
                              "`newsanalysis corpus build`")
        if corpus_period not in ("day", "week", "month"):
            raise RenderError(f"period {corpus_period!r}: expected day, week or month")
    for path in notebooks.values():
        if not Path(path).is_file():
            raise RenderError(f"{path}: report notebook not found; expected a notebooks/ folder in the project "
                              "or the notebooks shipped with the package (reinstall newsanalysis)")
    lock = filelock.FileLock(str(out / LOCK), timeout=lock_timeout)
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except filelock.Timeout:
        raise RenderError(f"another newsanalysis render is writing to {out} (lock file {out / LOCK} is held; "
                          f"waited {lock_timeout:g} s); this run made no changes, try again later") from None
    except OSError as exc:  # a read-only or full disk, a file where the folder should be
        raise RenderError(f"{out}: cannot write reports there: {exc.strerror or exc}") from None
    try:
        return _render_locked(pages, out, jobs=jobs, with_code=with_code, force=force, notebooks=notebooks,
                              kernel_name=kernel_name, extra=parameters or {}, emit=emit, began=began,
                              processed=Path(processed or config.processed_dir()).resolve(), cell_timeout=cell_timeout,
                              corpus=corpus)
    finally:
        lock.release()


def _expand(paths: list[Path] | None) -> list[Path]:
    pages: list[Path] = []
    for path in [Path(p) for p in paths] if paths else [config.raw_dir()]:
        if path.is_dir():
            pages += config.raw_pages(path)
        elif path.is_file():
            pages.append(path.resolve())
        else:
            raise RenderError(f"{path}: no such page file or folder")
    if not pages:
        where = ", ".join(str(p) for p in paths) if paths else str(config.raw_dir())
        raise RenderError(f"no page to render in {where}; expected .txt page files")
    return pages


def _render_locked(pages: list[Path], out: Path, *, jobs, with_code, force, notebooks, kernel_name, extra, emit,
                   began, processed: Path, cell_timeout: float | None = None,
                   corpus: dict | None = None) -> RenderResult:
    manifest = _load_manifest(out)
    entries = manifest["reports"]
    options = {"with_code": with_code, "kernel": kernel_name, "parameters": extra}
    todo: list[Job] = []
    results: list[ReportResult] = []
    analyses = _Analyses()
    late: list[tuple[ReportResult, Path, int | None]] = []
    # the trend report lives in corpus/: a page named corpus.txt gets a folder name of its own
    used: set[str] = {"corpus"} if corpus or CORPUS_KEY in entries else set()
    if corpus:
        job = _corpus_job(corpus, notebooks["corpus"], options)
        previous = entries.get(job.key, {})
        if (not force and previous.get("status") == "ok" and previous.get("fingerprint") == job.fingerprint
                and (out / job.key).exists()):
            known = {k: v for k, v in previous.items() if k in ReportResult.__dataclass_fields__}
            results.append(ReportResult(**{**known, "status": "skipped", "key": job.key}))
        else:
            todo.append(job)
    for page in pages:
        stem = safe_name(page.stem, max_bytes=80)
        if stem in used:  # two folders holding pages with the same name
            stem = f"{stem}-{hashlib.sha256(str(page).encode()).hexdigest()[:8]}"
        used.add(stem)
        try:
            page_jobs, parsed = _page_jobs(page, stem, notebooks, options, extra, processed)
        except NewsAnalysisError as exc:
            results.append(ReportResult(f"{stem}/index.html", "overview", _portable(page, out), stem, None, page.stem,
                                        "failed", error=str(exc)))
            emit(f"failed {page}: {exc}")
            continue
        if parsed is not None:
            analyses.add(page, parsed)
        _drop_stale(out, entries, stem, {job.key for job in page_jobs}, emit)
        for job in page_jobs:
            previous = entries.get(job.key, {})
            target = out / job.key if job.kind == "article" else out / job.stem / OVERVIEW_SOURCE
            if (not force and previous.get("status") == "ok" and previous.get("fingerprint") == job.fingerprint
                    and target.exists()):
                known = {k: v for k, v in previous.items() if k in ReportResult.__dataclass_fields__}
                results.append(ReportResult(**{**known, "status": "skipped", "key": job.key, "info": job.info}))
                if parsed is not None:
                    late.append((results[-1], page, job.article))
            else:
                todo.append(job)
    n_total = len(todo)
    if todo:
        check_kernel(kernel_name)
    emit(f"{len(pages)} page(s): {n_total} report(s) to render, {len(results)} up to date or failed to parse; "
         f"output in {out}")
    done = 0
    guard = threading.Lock()
    workers = max(1, jobs or os.cpu_count() or 1)

    def run(job: Job) -> ReportResult:
        nonlocal done
        if job.page in analyses.started:
            analyses.started[job.page].wait()
        emit(f"start {job.key}")
        result = _run_job(job, out, kernel_name=kernel_name, with_code=with_code, workdir=workdir,
                          processed=processed, cell_timeout=cell_timeout)
        result.info = _with_summary(result.info, analyses.summary(job.page), job.article)
        with guard:
            done += 1
            entries[job.key] = {k: v for k, v in asdict(result).items() if k != "status"} | {"status": result.status}
            manifest["updated"] = result.finished
            try:
                _atomic_write(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            except OSError as exc:  # the manifest is written again at the end; the report itself is recorded
                emit(f"cannot update {out / MANIFEST} after {job.key}: {exc.strerror or exc}")
            tail = f": {result.error}" if result.error else ""
            emit(f"[{done}/{n_total}] {result.status} {job.key} ({result.seconds:.1f} s){tail}")
        return result

    # executed notebooks and kernel sockets live in a temp folder named after the reports folder: a run killed
    # with -9 leaves one behind, and the next run on the same folder (it holds the lock) removes it
    prefix = f"newsanalysis-render-{hashlib.sha256(str(out).encode()).hexdigest()[:8]}-"
    for stale in Path(tempfile.gettempdir()).glob(prefix + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    # the analyses are made in a thread of this process while the pool's kernels start: each kernel waits on its
    # page's analysis lock, then reads the analysis back; later pages are analysed while earlier ones render
    maker = threading.Thread(target=analyses.make, args=(processed, emit), name="newsanalysis-analyses", daemon=True)
    maker.start()
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        workdir = Path(tmp)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results += list(pool.map(run, todo))
    maker.join()
    for result, page, article in late:  # skipped reports of a page analysed in this run list its new counts
        result.info = _with_summary(result.info, analyses.summary(page), article)
    for result in results:  # page-level parse failures and skipped reports are recorded too
        if result.key not in entries or result.status == "failed":
            entries[result.key] = asdict(result)
        elif result.status == "skipped":  # an older manifest may lack what the index now lists
            entries[result.key]["info"] = result.info
    manifest.update({"format": 1, "package_version": __version__,
                     "updated": datetime.now(timezone.utc).isoformat(timespec="seconds")})
    try:
        _atomic_write(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        write_indexes(out, manifest, {r.stem for r in results})
    except OSError as exc:
        n_ok = sum(r.status == "ok" for r in results)
        raise RenderError(f"{out}: cannot write the manifest and indexes: {exc.strerror or exc}; "
                          f"{n_ok} report(s) of this run were written and kept") from None
    rendered = RenderResult(out, results, round(time.perf_counter() - began, 3))
    emit(f"done: {rendered.n_rendered} rendered, {rendered.n_skipped} up to date, {rendered.n_failed} failed "
         f"in {rendered.seconds:.1f} s; open {out / 'index.html'}")
    return rendered


def run_render(paths: list[Path], *, out: Path | None = None, jobs: int | None = None, with_code: bool = False,
               force: bool = False, kernel_name: str | None = None, cell_timeout: float | None = CELL_TIMEOUT,
               corpus: Path | None = None, corpus_terms: list[str] | None = None, corpus_period: str = "month") -> int:
    """The ``newsanalysis render`` command: render, print plain progress lines to stderr, return the exit code."""
    result = render_reports(paths or None, out=out, jobs=jobs, with_code=with_code, force=force,
                            kernel_name=kernel_name, progress=_progress_printer(), cell_timeout=cell_timeout,
                            corpus=corpus, corpus_terms=corpus_terms, corpus_period=corpus_period)
    for report in result.reports:
        if report.status == "failed":
            print(f"newsanalysis render: FAILED {report.key}: {report.error}", file=sys.stderr)
    return result.exit_code
