"""Small building blocks the report notebooks display: the headline block, the cleaning log, the page overview.

They keep the notebooks thin (one call per cell) and keep HTML-building out of them: :class:`Html` fragments are
made here with every piece of page text escaped, so a page containing ``<script>`` shows it as text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from newsanalysis.parse.model import Article, Page


@dataclass(frozen=True)
class Html:
    """An HTML fragment (already escaped) that Jupyter displays as HTML and as plain text."""

    markup: str
    text: str

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return self.text


def _row(label: str, value: str | None) -> str:
    return f"<p><b>{html.escape(label)}</b>{html.escape(value)}</p>" if value else ""


def headline(article: Article) -> Html:
    """The article's headline and byline block (kicker, title, subtitle, column, reporters, dateline, note).

    Example:
        >>> headline(parse_page("新闻标题\\n\\n本报记者 王明\\n\\n今天天气很好。").articles[0]).text
        '新闻标题\\n记者：王明'
    """
    title = article.title or article.display_title or "（无标题）"
    reporters = "、".join(article.reporters)
    photographers = "、".join(article.photographers)
    parts = [
        f'<p class="na-kicker" style="color:#666;margin:0">{html.escape(article.kicker)}</p>' if article.kicker else "",
        f'<h1 class="na-title" style="margin:0.2em 0">{html.escape(title)}</h1>',
        f'<h2 class="na-subtitle" style="margin:0.2em 0;font-weight:normal">{html.escape(article.subtitle)}</h2>'
        if article.subtitle else "",
        '<div class="na-byline">',
        _row("栏目：", article.column),
        _row("记者：", reporters),
        _row("摄影：", photographers),
        _row("电头：", article.dateline),
        _row("编者按：", article.editors_note),
        _row("转版：", article.jump),
        "</div>",
    ]
    lines = [article.kicker, title, article.subtitle, article.column and f"栏目：{article.column}",
             reporters and f"记者：{reporters}", photographers and f"摄影：{photographers}",
             article.dateline and f"电头：{article.dateline}"]
    return Html("".join(parts), "\n".join(line for line in lines if line))


def cleaning_log(page: Page, article: int) -> pd.DataFrame:
    """What cleaning did to one article: repaired page-break splits, duplicates dropped, lines per role.

    Args:
        page: the parsed page.
        article: article index (0-based).

    Returns:
        DataFrame with columns ``step`` (what was done), ``count`` and ``detail`` (e.g. the text around a join).

    Example:
        >>> cleaning_log(parse_page("标题\\n\\n本报记者 王明\\n\\n正文。"), 0)["step"].tolist()[:2]
        ['page-break splits joined', 'duplicate paragraphs removed']
    """
    art = page.article(article)
    rows = [{"step": "page-break splits joined", "count": art.repairs.joins,
             "detail": "；".join(f"{tail}|{head}" for tail, head in art.repairs.join_points)},
            {"step": "duplicate paragraphs removed", "count": art.repairs.duplicates_removed, "detail": ""},
            {"step": "body paragraphs", "count": len(art.paragraphs), "detail": ""}]
    roles = pd.Series([e.role for e in page.ledger if e.article == article], dtype="object")
    rows += [{"step": f"lines read as {role}", "count": int(n), "detail": ""}
             for role, n in roles.value_counts(sort=False).items()]
    dropped = [e for e in page.ledger if e.article is None and e.role not in ("blank",)]
    rows.append({"step": "page lines outside any article", "count": len(dropped),
                 "detail": "；".join(f"{e.line}: {e.reason}" for e in dropped[:5])})
    return pd.DataFrame(rows, columns=["step", "count", "detail"])


def page_overview(page: Page) -> pd.DataFrame:
    """All articles of a page side by side: size, figures quoted, quotes and sources.

    Returns:
        DataFrame with columns ``article, title, reporters, n_paragraphs, n_chars, n_figures, n_quotes,
        n_sources`` (one row per article, in reading order).
    """
    from newsanalysis.figures.extract import extract_figures
    from newsanalysis.quotes.extract import extract_quotes, sources

    figures = extract_figures(page)
    quotes = extract_quotes(page)
    named = sources(page)
    rows = [{"article": a.index, "title": a.title or a.display_title or "（无标题）",
             "reporters": "、".join(a.reporters), "n_paragraphs": len(a.paragraphs),
             "n_chars": sum(len(p) for p in a.paragraphs),
             "n_figures": int((figures["article"] == a.index).sum()),
             "n_quotes": int((quotes["article"] == a.index).sum()),
             "n_sources": int((named["article"] == a.index).sum())} for a in page.articles]
    return pd.DataFrame(rows, columns=["article", "title", "reporters", "n_paragraphs", "n_chars", "n_figures",
                                       "n_quotes", "n_sources"])


CACHE_ENV = "NEWSANALYSIS_CACHE"  # folder where report notebooks share page analyses (set by `newsanalysis render`)


@dataclass(frozen=True)
class Analysis:
    """Every table the reports show, for a whole page or (via :meth:`article`) one of its articles.

    Attributes (DataFrames with the columns documented by the function that makes them):
        terms: ``stats.term_frequencies`` (article, term, count, share).
        distinctive: ``stats.distinctive_terms`` (article, term, count, log_odds, z).
        keywords: ``stats.keywords`` TF-IDF (article, term, weight).
        topic_labels, topic_shares, topic_weights: ``topics.topics`` labels, article_shares, paragraph_weights
            (empty when the page has too few paragraphs for topics).
        notes: why a table is empty (e.g. distinctive terms need two articles to compare), "" when none is.
        figures: ``figures.extract_figures``; quotes: ``quotes.extract_quotes``; sources: ``quotes.sources``;
        entities: ``stats.entities``; overview: :func:`page_overview`.
    """

    terms: pd.DataFrame
    distinctive: pd.DataFrame
    keywords: pd.DataFrame
    topic_labels: pd.DataFrame
    topic_shares: pd.DataFrame
    topic_weights: pd.DataFrame
    notes: str
    figures: pd.DataFrame
    quotes: pd.DataFrame
    sources: pd.DataFrame
    entities: pd.DataFrame
    overview: pd.DataFrame

    def article(self, index: int) -> "Analysis":
        """The same tables restricted to article ``index`` (topic labels and the overview stay whole)."""
        keep = {"topic_labels", "notes", "overview"}
        return Analysis(**{name: value if name in keep else value[value["article"] == index].reset_index(drop=True)
                           for name, value in vars(self).items()})


def _optional(notes: list[str], what: str, function, *args, columns: list[str], **kwargs) -> pd.DataFrame:
    """``function(*args, **kwargs)``, or an empty table (and a note) when the page is too small for it."""
    from newsanalysis.errors import NewsAnalysisError

    try:
        return function(*args, **kwargs)
    except NewsAnalysisError as exc:  # e.g. one article (nothing to compare) or too few paragraphs for topics
        notes.append(f"no {what}: {exc}")
        return pd.DataFrame(columns=columns)


def _topic_tables(page: Page, top_n: int) -> dict:
    from newsanalysis.stats.topics import topics

    notes: list[str] = []
    model = _optional(notes, "topics", topics, page, random_state=0, columns=[])
    if isinstance(model, pd.DataFrame):
        return {"topic_labels": pd.DataFrame(columns=["topic", "label", "top_terms"]),
                "topic_shares": pd.DataFrame(columns=["article", "topic", "share"]),
                "topic_weights": pd.DataFrame(columns=["article", "paragraph", "topic", "weight"]), "notes": notes}
    return {"topic_labels": model.labels, "topic_shares": model.article_shares,
            "topic_weights": model.paragraph_weights, "notes": notes}


def _term_tables(page: Page, top_n: int) -> dict:
    from newsanalysis.stats import terms as stats

    notes: list[str] = []
    return {"terms": stats.term_frequencies(page),
            "distinctive": _optional(notes, "distinctive terms", stats.distinctive_terms, page, top_n=top_n,
                                     columns=["article", "term", "count", "log_odds", "z"]),
            "keywords": _optional(notes, "keywords", stats.keywords, page, method="tfidf", top_n=top_n,
                                  columns=["article", "term", "weight"]),
            "entities": stats.entities(page), "notes": notes}


def _fact_tables(page: Page, top_n: int) -> dict:
    from newsanalysis.figures.extract import extract_figures
    from newsanalysis.quotes.extract import extract_quotes, sources

    return {"figures": extract_figures(page), "quotes": extract_quotes(page), "sources": sources(page),
            "overview": page_overview(page), "notes": []}


# The analysis in independent parts: notebooks starting together each take a different part (see analyse).
_PARTS = {"topics": _topic_tables, "terms": _term_tables, "facts": _fact_tables}


def _assemble(parts: list[dict]) -> Analysis:
    fields = {k: v for part in parts for k, v in part.items() if k != "notes"}
    return Analysis(**fields, notes="; ".join(note for part in parts for note in part["notes"]))


def _shared_part(folder, key: str, name: str, page: Page, top_n: int, *, wait: bool) -> dict | None:
    """Part ``name`` from the cache folder, computing it if nobody has; None if another process is on it and
    ``wait`` is False."""
    import os
    import pickle

    import filelock

    path = folder / f"analysis-{key}-{name}.pickle"
    lock = filelock.FileLock(str(path) + ".lock")
    try:
        lock.acquire(timeout=-1 if wait else 0)
    except filelock.Timeout:
        return None
    try:
        if path.exists():
            with open(path, "rb") as handle:
                return pickle.load(handle)
        part = _PARTS[name](page, top_n)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(part, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return part
    finally:
        lock.release()


def analyse(page: Page, *, top_n: int = 20) -> Analysis:
    """All tables of a page, computed once per page and shared by every report notebook of that page.

    When the environment variable ``NEWSANALYSIS_CACHE`` names a folder (``newsanalysis render`` sets it), each
    part of the analysis (topics; terms, keywords and entities; figures, quotes and sources) is kept there as a
    pickle keyed by the page text, the package fingerprint and ``top_n``. Notebooks running in parallel share the
    work: each takes a part nobody is computing (file locks), then waits for the parts others are computing.
    Without the variable (e.g. in JupyterLab) it just computes.

    Returns:
        An :class:`Analysis`; ``analyse(page).article(i)`` gives article ``i``'s tables.
    """
    import hashlib
    import os
    from pathlib import Path

    folder = os.environ.get(CACHE_ENV)
    if not folder:
        return _assemble([part(page, top_n) for part in _PARTS.values()])
    from newsanalysis.report.provenance import package_fingerprint

    key = hashlib.sha256(f"{package_fingerprint()}\0{top_n}\0{page.text}".encode("utf-8")).hexdigest()[:32]
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    parts = {name: _shared_part(folder, key, name, page, top_n, wait=False) for name in _PARTS}
    for name in [n for n, part in parts.items() if part is None]:
        parts[name] = _shared_part(folder, key, name, page, top_n, wait=True)
    return _assemble(list(parts.values()))
