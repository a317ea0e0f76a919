"""One analysis per page: every table the reports show, computed once, kept under ``data/processed/<page>/``.

:func:`analyse_page` segments the page once (one tokenizer, one new-word discovery), extracts quotes once
(sources are made from them) and figures once, and returns an :class:`Analysis`. :func:`cached_analysis` is what
the report notebooks, ``newsanalysis render`` and ``newsanalysis process`` call: it reads the page's folder in
``data/processed/`` when its fingerprint (page bytes, package, dictionaries, options) still matches, and
otherwise parses, analyses and writes it (Parquet and CSV per table, the Page itself, and ``analysis.json``
with the fingerprint, written last).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from newsanalysis import config
from newsanalysis.errors import NewsAnalysisError
from newsanalysis.io import atomic_write, read_page, write_tables
from newsanalysis.parse import (
    Page,
    articles_frame,
    ledger_frame,
    page_to_dict,
    paragraphs_frame,
    parse_page,
    warnings_frame,
)
from newsanalysis.report.provenance import dictionaries_sha256, package_fingerprint

ANALYSIS_FORMAT = 3  # 3: analysis.json lists each article's summary and the page's metadata
MANIFEST_NAME = "analysis.json"
PAGE_PICKLE = "analysis.pickle"
LOCK_NAME = ".analysis.lock"

# columns of the tables an empty result still needs (a page too small for topics or distinctive terms)
_EMPTY = {
    "distinctive": ["article", "term", "count", "log_odds", "z"],
    "keywords": ["article", "term", "weight"],
    "topic_labels": ["topic", "label", "top_terms"],
    "topic_shares": ["article", "topic", "share"],
    "topic_weights": ["article", "paragraph", "topic", "weight"],
}


def page_overview(page: Page, *, figures: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
                  sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """All articles of a page side by side: size, figures quoted, quotes and sources.

    ``figures``, ``quotes`` and ``sources`` are the page's tables when already computed (else they are made).

    Returns:
        DataFrame with columns ``article, title, reporters, n_paragraphs, n_chars, n_figures, n_quotes,
        n_sources`` (one row per article, in reading order).

    Example:
        >>> page_overview(parse_page("新闻标题\\n\\n本报记者 王明\\n\\n产量增长5%。"))[["title", "n_figures"]].values.tolist()
        [['新闻标题', 1]]
    """
    from newsanalysis.figures import extract_figures
    from newsanalysis.quotes import extract_quotes, source_table

    figures = extract_figures(page) if figures is None else figures
    quotes = extract_quotes(page) if quotes is None else quotes
    sources = source_table(quotes) if sources is None else sources
    # counted once per table, not compared once per article (a page has dozens of briefs)
    n_figures = Counter(figures["article"].tolist())
    n_quotes = Counter(quotes["article"].tolist())
    # the interviewer and unnamed sources are not sources
    n_sources = Counter(a for a, speaker in zip(sources["article"].tolist(), sources["speaker"].tolist())
                        if speaker != "")
    rows = [{"article": a.index, "title": a.title or a.display_title or "（无标题）",
             "reporters": "、".join(a.reporters), "n_paragraphs": len(a.paragraphs),
             "n_chars": sum(len(p) for p in a.paragraphs),
             "n_figures": n_figures[a.index], "n_quotes": n_quotes[a.index], "n_sources": n_sources[a.index]}
            for a in page.articles]
    return pd.DataFrame(rows, columns=["article", "title", "reporters", "n_paragraphs", "n_chars", "n_figures",
                                       "n_quotes", "n_sources"])


@dataclass(frozen=True)
class Analysis:
    """Every table of one page (or, via :meth:`article`, of one of its articles).

    Attributes (DataFrames with the columns documented by the function that makes them):
        page: the parsed :class:`~newsanalysis.parse.Page`.
        articles, paragraphs, ledger: ``parse.articles_frame``, ``paragraphs_frame``, ``ledger_frame``.
        warnings: ``parse.warnings_frame``: where the parser was unsure (line, kind, message).
        new_words: the words discovered on the page (``segment.discover_words`` columns).
        terms: ``stats.term_frequencies`` (article, term, count, share).
        distinctive: ``stats.distinctive_terms`` (article, term, count, log_odds, z).
        keywords: ``stats.keywords`` TF-IDF (article, term, weight).
        topic_labels, topic_shares, topic_weights: ``stats.topics`` labels, article_shares, paragraph_weights
            (empty when the page has too few paragraphs for topics).
        figures: ``figures.extract_figures``; quotes: ``quotes.extract_quotes``; sources: ``quotes.sources``;
        entities: ``stats.entities``; overview: :func:`page_overview`.
        notes: why a table is empty (e.g. distinctive terms need two articles to compare), "" when none is.
        fingerprint: what the analysis was computed from (see :func:`analysis_fingerprint`).
    """

    page: Page
    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    ledger: pd.DataFrame
    warnings: pd.DataFrame
    new_words: pd.DataFrame
    terms: pd.DataFrame
    distinctive: pd.DataFrame
    keywords: pd.DataFrame
    topic_labels: pd.DataFrame
    topic_shares: pd.DataFrame
    topic_weights: pd.DataFrame
    figures: pd.DataFrame
    quotes: pd.DataFrame
    sources: pd.DataFrame
    entities: pd.DataFrame
    overview: pd.DataFrame
    notes: str = ""
    fingerprint: str = ""

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in a fixed order (what ``data/processed/<page>/`` holds)."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if isinstance(getattr(self, f.name), pd.DataFrame)}

    def article(self, index: int) -> "Analysis":
        """The same tables restricted to article ``index`` (page-wide tables stay whole).

        Raises:
            ArticleIndexError: the page has no article ``index``.
        """
        self.page.article(index)  # raises a clear error for an index out of range
        keep = {"topic_labels", "overview", "ledger", "new_words", "warnings"}
        restricted = {name: frame if name in keep or "article" not in frame
                      else frame[frame["article"] == index].reset_index(drop=True)
                      for name, frame in self.tables().items()}
        return Analysis(page=self.page, notes=self.notes, fingerprint=self.fingerprint, **restricted)


def _optional(notes: list[str], what: str, function, *args, **kwargs):
    """``function(*args, **kwargs)``, or None (and a note) when the page is too small for it."""
    try:
        return function(*args, **kwargs)
    except NewsAnalysisError as exc:  # e.g. one article (nothing to compare) or too few paragraphs for topics
        notes.append(f"no {what}: {exc}")
        return None


TABLE_NAMES = ("articles", "paragraphs", "ledger", "warnings", "new_words", "terms", "distinctive", "keywords",
               "topic_labels", "topic_shares", "topic_weights", "figures", "quotes", "sources", "entities",
               "overview")


def page_tables(page: Page, names=TABLE_NAMES, *, top_n: int = 20, notes: list[str] | None = None
                ) -> dict[str, pd.DataFrame]:
    """The named tables of ``page`` (any of :data:`TABLE_NAMES`), each made once and only when asked for: one
    segmentation, one quote pass and one figure pass serve every table that needs them.

    A corpus build asks for the tables it keeps and so never fits topics; :func:`analyse_page` asks for all.
    Why a table is empty (a page too small for topics) is appended to ``notes``.

    Example:
        >>> tables = page_tables(parse_page("新闻标题\\n\\n本报记者 王明\\n\\n今年产量增长5%。王明说，产量还会增长。"),
        ...                      ["figures", "sources"])
        >>> sorted(tables), tables["figures"]["text"].tolist(), tables["sources"]["speaker"].tolist()
        (['figures', 'sources'], ['5%'], ['王明'])
    """
    from newsanalysis import stats
    from newsanalysis.figures import extract_figures
    from newsanalysis.quotes import extract_quotes, source_table
    from newsanalysis.segment import segmented

    unknown = [name for name in names if name not in TABLE_NAMES]
    if unknown:
        raise ValueError(f"unknown table(s) {unknown}; expected some of {', '.join(TABLE_NAMES)}")
    notes = [] if notes is None else notes
    made: dict[str, object] = {}

    def once(make):  # the parts several tables share, each made on first need
        def shared():
            if make.__name__ not in made:
                made[make.__name__] = make()
            return made[make.__name__]
        return shared

    @once
    def seg():
        return segmented(page)

    @once
    def topic_model():
        return _optional(notes, "topics", stats.topics, seg(), random_state=0)

    @once
    def figures():
        return extract_figures(page)

    @once
    def quotes():
        return extract_quotes(page)

    @once
    def sources():
        return source_table(quotes())

    if any(name.startswith("topic_") for name in names):
        topic_model()  # first, so its note comes first, as it always has
    makers = {
        "articles": lambda: articles_frame(page), "paragraphs": lambda: paragraphs_frame(page),
        "ledger": lambda: ledger_frame(page), "warnings": lambda: warnings_frame(page),
        "new_words": lambda: seg().new_words.drop(columns="page"),
        "terms": lambda: stats.term_frequencies(seg()),
        "distinctive": lambda: _optional(notes, "distinctive terms", stats.distinctive_terms, seg(), top_n=top_n),
        "keywords": lambda: _optional(notes, "keywords", stats.keywords, seg(), method="tfidf", top_n=top_n),
        "topic_labels": lambda: topic_model().labels if topic_model() else None,
        "topic_shares": lambda: topic_model().article_shares if topic_model() else None,
        "topic_weights": lambda: topic_model().paragraph_weights if topic_model() else None,
        "figures": figures, "quotes": quotes, "sources": sources,
        "entities": lambda: stats.entities(seg()),
        "overview": lambda: page_overview(page, figures=figures(), quotes=quotes(), sources=sources()),
    }
    tables = {}
    for name in TABLE_NAMES:  # always in this order, whatever order they were asked in
        if name in names:
            frame = makers[name]()
            tables[name] = frame if frame is not None else pd.DataFrame(columns=_EMPTY[name])
    return tables


def analyse_page(page: Page, *, top_n: int = 20) -> Analysis:
    """Every table of ``page``, each computed once: one segmentation, one quote pass, one figure pass.

    Example:
        >>> a = analyse_page(parse_page("新闻标题\\n\\n本报记者 王明\\n\\n今年产量增长5%。王明说，产量还会增长。"))
        >>> a.figures["text"].tolist(), a.sources["speaker"].tolist(), a.notes[:25]
        (['5%'], ['王明'], 'no topics: topics needs a')
    """
    notes: list[str] = []
    tables = page_tables(page, top_n=top_n, notes=notes)
    return Analysis(page=page, notes="; ".join(notes),
                    fingerprint=analysis_fingerprint(page.text, top_n=top_n, hints=page.hints, meta=page.meta),
                    **tables)


META_COLUMNS = ("page", "date", "paper", "page_no")


def with_page_meta(frame: pd.DataFrame, page: Page) -> pd.DataFrame:
    """A new frame: ``frame`` with the page's ``page`` (file stem), ``date`` (ISO text or None), ``paper`` and
    ``page_no`` as its first columns (replacing any it had).

    Example:
        >>> p = parse_page("2025年12月5日 第3版\\n\\n新闻标题\\n\\n本报记者 王明\\n\\n今天天气很好。")
        >>> with_page_meta(articles_frame(p)[["article"]], p).values.tolist()
        [['page', '2025-12-05', '', '3', 0]]
    """
    meta = page.meta
    values = {"page": page.stem, "date": meta.date, "paper": meta.paper, "page_no": meta.page_no}
    present = [c for c in META_COLUMNS if c in frame.columns]
    rest = frame.drop(columns=present) if present else frame
    columns = {name: pd.Series([value] * len(rest), index=rest.index, dtype=object) for name, value in values.items()}
    if rest.columns.is_unique:  # one frame built from the columns: a corpus build does this for every table
        return pd.DataFrame({**columns, **{name: rest[name] for name in rest.columns}})
    return pd.concat([pd.DataFrame(columns), rest], axis=1)


def analysis_fingerprint(page_text: str, *, top_n: int = 20, hints: object = None, meta: object = None) -> str:
    """What an analysis depends on: the page text, the user's layout hints, the page's metadata, the package's
    code, the dictionaries and the options."""
    key = (f"{ANALYSIS_FORMAT}\0{package_fingerprint()}\0{dictionaries_sha256()}\0{top_n}\0{page_text}"
           f"\0{_hint_key(hints)}" + (f"\0{meta.date}\0{meta.paper}\0{meta.page_no}\0{meta.source}" if meta else ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def raw_fingerprint(raw, *, top_n: int = 20) -> str:
    """:func:`analysis_fingerprint` of a read page file (its metadata completed from its header, as parsing does)."""
    from newsanalysis.parse.meta import complete_meta

    return analysis_fingerprint(raw.text, top_n=top_n, hints=raw.hints, meta=complete_meta(raw.meta, raw.text))


def _hint_key(hints) -> str:
    # what the hints say, not where their file is: moving the project keeps the analyses
    if not hints:
        return ""
    return repr((hints.new_article, hints.caption, hints.subhead, hints.body, hints.not_figure))


def analysis_dir(page_path: str | Path, processed: str | Path | None = None) -> Path:
    """Where a page's analysis is kept: ``data/processed/<page stem>/``."""
    return Path(processed or config.processed_dir()) / Path(page_path).stem


def write_analysis(analysis: Analysis, folder: str | Path) -> list[Path]:
    """Write every table as Parquet and CSV, the analysis itself, and ``analysis.json`` (last: it marks the
    folder complete). Each file appears atomically.

    Returns:
        The paths written.
    """
    folder = Path(folder)
    written = write_tables({name: with_page_meta(frame, analysis.page) for name, frame in analysis.tables().items()},
                           folder)
    atomic_write(folder / "page.json", json.dumps(page_to_dict(analysis.page), ensure_ascii=False, indent=1))
    atomic_write(folder / PAGE_PICKLE, pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL))
    manifest = {"format": ANALYSIS_FORMAT, "fingerprint": analysis.fingerprint, "page": analysis.page.source,
                "tables": list(analysis.tables()), "notes": analysis.notes, **page_summary(analysis)}
    atomic_write(folder / MANIFEST_NAME, json.dumps(manifest, ensure_ascii=False, indent=1))
    return [*written, folder / "page.json", folder / PAGE_PICKLE, folder / MANIFEST_NAME]


def article_summaries(analysis: Analysis, *, n_terms: int = 5) -> list[dict]:
    """What an index lists per article: index, title, display_title, slug, reporters, n_figures, n_sources (named
    sources) and its ``n_terms`` top keywords (TF-IDF; the most frequent terms when the page has no keywords),
    read from the analysis's tables (nothing is computed again).

    Example:
        >>> a = analyse_page(parse_page("新闻标题\\n\\n本报记者 王明\\n\\n今年产量增长5%。王明说，产量还会增长。"))
        >>> s = article_summaries(a)[0]
        >>> s["title"], s["reporters"], s["n_figures"], s["n_sources"], s["top_terms"][:2]
        ('新闻标题', ['王明'], 1, 1, ['产量', '王明'])
    """
    # TF-IDF keywords say what an article is about better than raw counts (a short one ties many terms at 1)
    if len(analysis.keywords):
        ranked = analysis.keywords.sort_values(["article", "weight", "term"], ascending=[True, False, True],
                                               kind="stable")
    else:
        ranked = analysis.terms.sort_values(["article", "count", "term"], ascending=[True, False, True], kind="stable")
    top = {int(k): group["term"].head(n_terms).tolist() for k, group in ranked.groupby("article", sort=False)}
    n_figures = analysis.figures["article"].value_counts()
    n_sources = analysis.sources.loc[analysis.sources["speaker"] != "", "article"].value_counts()
    return [_article_entry(a, int(n_figures.get(a.index, 0)), int(n_sources.get(a.index, 0)), top.get(a.index, []))
            for a in analysis.page.articles]


def _article_entry(article, n_figures: int | None, n_sources: int | None, top_terms: list[str]) -> dict:
    return {"index": article.index, "title": article.title, "display_title": article.display_title,
            "slug": article.slug, "reporters": list(article.reporters), "n_figures": n_figures,
            "n_sources": n_sources, "top_terms": top_terms}


def read_analysis(folder: str | Path, *, fingerprint: str | None = None) -> Analysis | None:
    """The analysis kept in ``folder``, or None when there is none, it is incomplete, or its fingerprint is not
    ``fingerprint`` (stale)."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        if manifest.get("format") != ANALYSIS_FORMAT or (fingerprint and manifest.get("fingerprint") != fingerprint):
            return None
        analysis = pickle.loads((folder / PAGE_PICKLE).read_bytes())
    except (OSError, ValueError, pickle.UnpicklingError, EOFError, AttributeError, ModuleNotFoundError):
        return None  # missing, half-written by a killed run, or from another version: computed again
    return analysis if isinstance(analysis, Analysis) and analysis.fingerprint == manifest["fingerprint"] else None


def page_summary(analysis: Analysis) -> dict:
    """What the indexes show of a page: ``meta`` (date, paper, page_no, source) and ``articles``
    (:func:`article_summaries`)."""
    return {**parsed_summary(analysis.page), "articles": article_summaries(analysis)}


def parsed_summary(page: Page) -> dict:
    """:func:`page_summary` of a page not analysed yet: what its parse says (counts None, no top terms).

    Example:
        >>> parsed_summary(parse_page("新闻标题\\n\\n本报记者 王明\\n\\n今年产量增长5%。"))["articles"][0]["n_figures"] is None
        True
    """
    meta = page.meta
    return {"meta": {"date": meta.date, "paper": meta.paper, "page_no": meta.page_no, "source": meta.source},
            "articles": [_article_entry(a, None, None, []) for a in page.articles]}


def kept_summary(page_path: str | Path, *, top_n: int = 20, processed: str | Path | None = None) -> dict | None:
    """:func:`page_summary` of a page's kept analysis when it is up to date, read from ``analysis.json`` alone
    (no tables loaded: a render with nothing to do stays fast); else None."""
    raw = read_page(page_path)
    folder = analysis_dir(page_path, processed)
    try:
        manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (manifest.get("format") != ANALYSIS_FORMAT or not manifest.get("articles")
            or manifest.get("fingerprint") != raw_fingerprint(raw, top_n=top_n)
            or not (folder / PAGE_PICKLE).is_file()):
        return None
    return {"meta": manifest.get("meta") or {}, "articles": manifest["articles"]}


@contextmanager
def analysis_lock(folder: str | Path) -> Iterator[None]:
    """Hold the lock of the analysis kept in ``folder`` while it is computed.

    Whoever holds it computes; another process or thread asking for the same analysis waits for it and then reads
    the kept result, so a page is analysed once even when a render and its report kernels ask at the same time.
    It is re-entrant within a thread and released when its process dies (an OS lock on ``.analysis.lock``). A
    folder that cannot be written is not locked (the analysis is computed, only not kept).

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp, analysis_lock(tmp), analysis_lock(tmp):
        ...     "held twice by one thread"
        'held twice by one thread'
    """
    import filelock

    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        # one object per path and process (is_singleton), so a thread that holds it can take it again
        lock = filelock.FileLock(str(Path(folder) / LOCK_NAME), is_singleton=True)
        lock.acquire()
    except OSError:  # a read-only or full disk: nothing will be kept, so there is nothing to wait for
        yield
        return
    try:
        yield
    finally:
        lock.release()


def cached_analysis(page_path: str | Path, *, top_n: int = 20, processed: str | Path | None = None,
                    encoding: str | None = None, parsed: Page | None = None) -> Analysis:
    """The analysis of the page file ``page_path``: read from ``data/processed/<page>/`` when up to date,
    otherwise parsed, analysed and written there (so every notebook and command of a run shares one analysis).
    While one process computes it, others asking for it wait and read it back (:func:`analysis_lock`).

    Args:
        page_path: a page file.
        top_n: terms kept per article in the ranked tables.
        processed: the folder of analyses (default ``data/processed``).
        encoding: the page's encoding when it cannot be detected.
        parsed: the page as ``load_page`` parsed this file, when the caller has it (it is used only when its
            text, hints and metadata are the file's: else the file is parsed again).

    Raises:
        InputError: the page cannot be read; NoArticlesError is not raised here (see ``require_articles``).
    """
    raw = read_page(page_path, encoding=encoding)
    fingerprint = raw_fingerprint(raw, top_n=top_n)
    folder = analysis_dir(page_path, processed)
    found = read_analysis(folder, fingerprint=fingerprint)
    if found is None:
        with analysis_lock(folder):
            found = read_analysis(folder, fingerprint=fingerprint)  # written while this one waited
            if found is None:
                if parsed is None or analysis_fingerprint(parsed.text, top_n=top_n, hints=parsed.hints,
                                                          meta=parsed.meta) != fingerprint:
                    parsed = parse_page(raw)
                analysis = analyse_page(parsed, top_n=top_n)
                try:
                    write_analysis(analysis, folder)
                except OSError as exc:  # a read-only or full disk: the analysis is still returned, only not kept
                    import logging

                    logging.getLogger(__name__).warning("%s: analysis not kept (%s)", folder, exc.strerror or exc)
                return analysis
    config.trace("analysis-read", str(page_path))
    return found


def analyse(page: Page, *, top_n: int = 20) -> Analysis:
    """All tables of a parsed page (kept for notebooks written before :func:`cached_analysis`).

    Reads ``data/processed/<page>/`` when the page came from a file and its analysis there is up to date.
    """
    if page.source and Path(page.source).is_file() and os.access(page.source, os.R_OK):
        folder = analysis_dir(page.source)
        found = read_analysis(folder, fingerprint=analysis_fingerprint(page.text, top_n=top_n, hints=page.hints,
                                                                       meta=page.meta))
        if found is not None:
            return found
    return analyse_page(page, top_n=top_n)
