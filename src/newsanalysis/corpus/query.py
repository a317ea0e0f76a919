"""Questions to a built corpus, answered by DuckDB over its Parquet files (nothing loads a whole table into pandas):
term trends over time, the values a figure was quoted with, who is quoted, keyword in context across the archive.
Each function takes the corpus folder first and returns a new DataFrame whose columns its docstring lists."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd

from newsanalysis.corpus.build import MANIFEST, TABLES, live_parts, read_manifest
from newsanalysis.errors import InputError

Period = Literal["day", "week", "month"]
PERIODS = ("day", "week", "month")


def _source(corpus: str | Path, table: str) -> str | None:
    """The DuckDB table expression over the part files of ``corpus/table`` the manifest names (a killed build's
    leftovers are not read), or None when no page has rows for it."""
    corpus = Path(corpus)
    if not (corpus / MANIFEST).is_file():
        raise InputError(f"{corpus}: not a corpus folder (no {MANIFEST}); build one with `newsanalysis corpus build`")
    if table not in TABLES:
        raise InputError(f"{table!r}: not a corpus table; expected one of {', '.join(TABLES)}")
    manifest = read_manifest(corpus)
    if not manifest["pages"] and any((corpus / table).glob("part-*.parquet")):
        raise InputError(f"{corpus}: built by another version of newsanalysis; build it again with "
                         "`newsanalysis corpus build`")
    files = [corpus.resolve() / table / f"{part}.parquet" for part in live_parts(manifest)]
    files = [str(f).replace("'", "''") for f in files if f.is_file()]
    if not files:
        return None
    listed = ", ".join(f"'{f}'" for f in files)
    return f"read_parquet([{listed}], union_by_name = true)"


def _query(sql: str, params: list | None = None) -> pd.DataFrame:
    import duckdb

    with duckdb.connect() as con:
        return con.execute(sql, params or []).df()


def term_trends(corpus: str | Path, terms: list[str] | str, *, by: Period = "month") -> pd.DataFrame:
    """How often each term appears per period: per 10,000 counted tokens (the terms table's tokens: stopwords and
    punctuation are not counted), with the counts. Pages without a date are left out.

    Args:
        corpus: a folder written by :func:`build_corpus`.
        terms: the terms (a list, or one text of comma-separated terms).
        by: ``"day"``, ``"week"`` (starting Monday) or ``"month"``.

    Returns:
        DataFrame with columns ``period`` (ISO date of the period's first day), ``term``, ``count``, ``n_tokens``
        (tokens of all terms in the period), ``per_10k`` (float) and ``n_pages``; one row per period and term
        (zero counts included), periods in order, terms in the order given.
    """
    terms = [t.strip() for t in (terms.split(",") if isinstance(terms, str) else terms) if t and t.strip()]
    if not terms:
        raise InputError("no term to look for; give at least one, e.g. 离岸贸易")
    if by not in PERIODS:
        raise InputError(f"period {by!r}: expected one of {', '.join(PERIODS)}")
    columns = ["period", "term", "count", "n_tokens", "per_10k", "n_pages"]
    source = _source(corpus, "terms")
    pages = _source(corpus, "pages")
    if source is None or pages is None:
        return pd.DataFrame(columns=columns)
    wanted = ", ".join("(?, ?)" for _ in terms)
    # the totals come from the small pages table; only the rows of the wanted terms are read from terms
    sql = f"""
        WITH wanted(term, i) AS (VALUES {wanted}),
             totals AS (SELECT CAST(date_trunc('{by}', CAST(date AS DATE)) AS DATE) AS period,
                               SUM(n_tokens) AS n_tokens, COUNT(DISTINCT page) AS n_pages
                        FROM {pages} WHERE date IS NOT NULL GROUP BY period),
             hits AS (SELECT CAST(date_trunc('{by}', CAST(date AS DATE)) AS DATE) AS period, term, SUM("count") AS n
                      FROM {source} WHERE date IS NOT NULL AND term IN (SELECT term FROM wanted) GROUP BY period, term)
        SELECT strftime(totals.period, '%Y-%m-%d') AS period, wanted.term, CAST(COALESCE(hits.n, 0) AS BIGINT) AS "count",
               CAST(totals.n_tokens AS BIGINT) AS n_tokens,
               CASE WHEN totals.n_tokens > 0 THEN 10000.0 * COALESCE(hits.n, 0) / totals.n_tokens ELSE 0.0 END
                   AS per_10k, totals.n_pages
        FROM totals CROSS JOIN wanted LEFT JOIN hits ON hits.period = totals.period AND hits.term = wanted.term
        ORDER BY totals.period, wanted.i"""
    params = [x for i, term in enumerate(terms) for x in (term, i)]
    return _query(sql, params)[columns]


def corpus_overview(corpus: str | Path) -> dict:
    """How much the archive holds: ``n_pages``, ``n_dated`` (pages with a date), ``first_date``, ``last_date``
    (ISO text or None) and ``n_articles``."""
    source = _source(corpus, "articles")
    if source is None:
        return {"n_pages": 0, "n_dated": 0, "first_date": None, "last_date": None, "n_articles": 0}
    sql = f"""SELECT COUNT(DISTINCT page) AS n_pages, COUNT(DISTINCT CASE WHEN date IS NOT NULL THEN page END) AS n_dated,
                     MIN(date) AS first_date, MAX(date) AS last_date, COUNT(*) AS n_articles FROM {source}"""
    row = _query(sql).iloc[0].to_dict()
    return {k: (None if pd.isna(v) else (int(v) if k.startswith("n_") else str(v))) for k, v in row.items()}


def top_terms(corpus: str | Path, *, top_n: int = 5, min_pages: int = 2) -> list[str]:
    """The archive's most frequent terms of two or more characters that appear on at least ``min_pages`` dated
    pages (what a trend report shows when no term is asked for); most frequent first.

    Example (a corpus built from two dated pages): ``top_terms("data/corpus", top_n=3)`` → ``['增长', '消费', '市场']``.
    """
    source = _source(corpus, "terms")
    if source is None:
        return []
    sql = f"""SELECT term FROM {source} WHERE date IS NOT NULL AND length(term) >= 2
              GROUP BY term HAVING COUNT(DISTINCT page) >= ? ORDER BY SUM("count") DESC, term LIMIT ?"""
    return _query(sql, [int(min_pages), int(top_n)])["term"].tolist()


def chosen_terms(corpus: str | Path, terms: str | list[str] = "", *, top_n: int = 5) -> list[str]:
    """The terms a trend report shows: those given (a list, or one text of comma-separated terms), else the
    archive's ``top_n`` most frequent (:func:`top_terms`)."""
    given = [t.strip() for t in (terms.split(",") if isinstance(terms, str) else terms) if t and t.strip()]
    return given or top_terms(corpus, top_n=top_n)


def figure_trends(corpus: str | Path, query: str) -> pd.DataFrame:
    """The values quoted for a figure over time: every figure whose subject or unit contains ``query``
    (e.g. ``社会消费品零售总额``, ``亿元``), oldest first, with its sentence.

    Returns:
        DataFrame with columns ``date``, ``page``, ``paper``, ``page_no``, ``article``, ``subject``, ``text``,
        ``value``, ``unit``, ``kind``, ``sentence``.
    """
    query = query.strip()
    if not query:
        raise InputError("the figure to look for is empty; give a subject or a unit, e.g. 社会消费品零售总额")
    columns = ["date", "page", "paper", "page_no", "article", "subject", "text", "value", "unit", "kind", "sentence"]
    source = _source(corpus, "figures")
    if source is None:
        return pd.DataFrame(columns=columns)
    sql = f"""SELECT {", ".join(columns)} FROM {source}
              WHERE contains(COALESCE(subject, ''), ?) OR contains(COALESCE(unit, ''), ?)
              ORDER BY date NULLS LAST, page, article, paragraph, start"""
    return _query(sql, [query, query])


def source_ranking(corpus: str | Path, *, top_n: int | None = None) -> pd.DataFrame:
    """Who is quoted across the archive, most quotes first, with the titles they were given and when.

    Returns:
        DataFrame with columns ``speaker``, ``n_quotes``, ``n_articles``, ``n_pages``, ``titles`` (distinct
        titles joined by ``；``), ``first_date``, ``last_date``, ``dates`` (distinct dates joined by ``,``).
    """
    columns = ["speaker", "n_quotes", "n_articles", "n_pages", "titles", "first_date", "last_date", "dates"]
    source = _source(corpus, "sources")
    if source is None:
        return pd.DataFrame(columns=columns)
    limit = f"LIMIT {int(top_n)}" if top_n else ""
    sql = f"""SELECT speaker, CAST(SUM(n_quotes) AS BIGINT) AS n_quotes, COUNT(*) AS n_articles,
                     COUNT(DISTINCT page) AS n_pages,
                     COALESCE(string_agg(DISTINCT NULLIF(speaker_title, ''), '；' ORDER BY NULLIF(speaker_title, '')), '')
                         AS titles,
                     MIN(date) AS first_date, MAX(date) AS last_date,
                     COALESCE(string_agg(DISTINCT date, ',' ORDER BY date), '') AS dates
              FROM {source} WHERE COALESCE(speaker, '') <> ''
              GROUP BY speaker ORDER BY n_quotes DESC, n_pages DESC, speaker {limit}"""
    return _query(sql)[columns]


def search_corpus(corpus: str | Path, term: str, *, width: int = 20, limit: int | None = None) -> pd.DataFrame:
    """Keyword in context across the archive: every occurrence of ``term`` in a paragraph, oldest page first.

    Returns:
        DataFrame with columns ``date``, ``page``, ``paper``, ``page_no``, ``article``, ``title``, ``paragraph``,
        ``left``, ``term``, ``right`` (``width`` characters each side).
    """
    term = term.strip()
    if not term:
        raise InputError("the term to look for is empty")
    columns = ["date", "page", "paper", "page_no", "article", "title", "paragraph", "left", "term", "right"]
    paragraphs, articles = _source(corpus, "paragraphs"), _source(corpus, "articles")
    if paragraphs is None:
        return pd.DataFrame(columns=columns)
    title = "a.display_title" if articles else "''"
    join = f"LEFT JOIN (SELECT page, article, display_title FROM {articles}) a USING (page, article)" if articles else ""
    sql = f"""SELECT p.date, p.page, p.paper, p.page_no, p.article, COALESCE({title}, '') AS title, p.paragraph, p.text
              FROM (SELECT * FROM {paragraphs} WHERE contains(text, ?)) p {join}
              ORDER BY p.date NULLS LAST, p.page, p.article, p.paragraph"""
    rows = []
    for hit in _query(sql, [term]).itertuples(index=False):
        start = hit.text.find(term)
        while start >= 0:
            rows.append({"date": hit.date, "page": hit.page, "paper": hit.paper, "page_no": hit.page_no,
                         "article": hit.article, "title": hit.title, "paragraph": hit.paragraph,
                         "left": hit.text[max(0, start - width):start], "term": term,
                         "right": hit.text[start + len(term):start + len(term) + width]})
            if limit and len(rows) >= limit:
                return pd.DataFrame(rows, columns=columns)
            start = hit.text.find(term, start + len(term))
    return pd.DataFrame(rows, columns=columns)
