"""Term statistics of articles, pages and corpora: frequencies, distinctive terms and keywords.

Every function takes a Page, an Article, a list of them (or a plain string) first and returns a new tidy
DataFrame. Terms come from :mod:`newsanalysis.segment` (dictionary, stopwords, number guard) plus the words
discovered on each page (:mod:`newsanalysis.newwords`); the discovered words are listed in
``frame.attrs["new_words"]``. Concordance, co-occurrence and entities live in their own modules and are
re-exported here.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import pandas as pd

from newsanalysis.errors import NewsAnalysisError
from newsanalysis.parse.model import Article, Page
from newsanalysis.parse.units import Item, Source, n_pages
from newsanalysis.segment.tokenizer import (
    Tokenizer,
    extract_keywords,
    get_tokenizer,
    tfidf_keywords,
    to_matching_text,
)
from newsanalysis.frames import columns_table, rows_table
from newsanalysis.segment.units import items_of, segmented
from newsanalysis.stats.concordance import collocations, cooccurrence, kwic
from newsanalysis.stats.entities import entities

__all__ = [
    "term_frequencies", "page_term_frequencies", "corpus_term_frequencies", "page_counts",
    "distinctive_terms", "keywords", "kwic", "collocations", "cooccurrence", "entities",
]

def body_texts(article: Article) -> list[str]:
    """The article's paragraphs, interview turns without their speaker label (``沈克华:`` is not content)."""
    texts = list(article.paragraphs)
    for turn in article.qa_turns:
        para = texts[turn.paragraph] if 0 <= turn.paragraph < len(texts) else ""
        if turn.labelled and turn.text and para.endswith(turn.text):
            texts[turn.paragraph] = turn.text
    return texts


def _article_terms(article: Article, tok: Tokenizer, *, include_headlines: bool = False, terms=None) -> list[str]:
    """The article's terms; ``terms(text)`` (default ``tok.terms``) lets a Segmented serve repeated texts."""
    texts = body_texts(article)
    if include_headlines:
        texts = [t for t in (article.kicker, article.title, article.subtitle, *article.subheads) if t] + texts
    terms = terms or tok.terms
    return [term for text in texts for term in terms(text)]


def _item_terms(seg, item: Item, **options) -> list[str]:
    return _article_terms(item.article, seg.tokenizer(item), terms=lambda text: seg.terms(item, text), **options)


def _article_tags(article: Article, tok: Tokenizer, tag=None) -> dict[str, str]:
    """Each term's most frequent part-of-speech tag in the article (ties: alphabetical)."""
    tags: dict[str, Counter] = {}
    tag = tag or tok.tag
    for text in body_texts(article):
        for word, flag, _, _ in tag(text):
            if tok.is_term(word):
                tags.setdefault(word, Counter())[flag] += 1
    return {w: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for w, c in tags.items()}


def _sorted_counts(counter: Counter) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def term_frequencies(
    x: Source,
    *,
    pos: bool = False,
    top_n: int | None = None,
    discover: bool = True,
    include_headlines: bool = False,
    tokenizer: Tokenizer | None = None,
) -> pd.DataFrame:
    """How often each term occurs in each article's body.

    Args:
        x: a Page, an Article, a string, or a list of them.
        pos: add each term's most frequent jieba part-of-speech tag (several times slower).
        top_n: keep only each article's ``top_n`` most frequent terms.
        discover: add the words discovered on each page (see :mod:`newsanalysis.newwords`).
        include_headlines: count kicker, title, subtitle and subheads too.
        tokenizer: defaults to :func:`newsanalysis.segment.get_tokenizer`.

    Returns:
        A new DataFrame, one row per article and term, most frequent first, with columns ``page`` (str; only
        when ``x`` spans several pages), ``article`` (int), ``term`` (str), ``count`` (int), ``share`` (float:
        count / terms kept in the article) and, with ``pos=True``, ``pos`` (str).
        ``attrs["new_words"]`` lists the discovered words that were added.

    Example:
        >>> term_frequencies("算力需求增长。算力平台上线。")[["term", "count"]].values.tolist()
        [['算力', 2], ['上线', 1], ['增长', 1], ['平台', 1], ['需求', 1]]
    """
    seg = segmented(x, tokenizer=tokenizer, discover=discover)
    items, tokenizers = seg.items, seg.tokenizers
    columns = {name: [] for name in ["page", "article", "term", "count", "share"] + (["pos"] if pos else [])}
    for item in items:
        tok = tokenizers[item.page]
        counts = Counter(_item_terms(seg, item, include_headlines=include_headlines))
        total = sum(counts.values())
        ranked = _sorted_counts(counts)[:top_n] if top_n is not None else _sorted_counts(counts)
        columns["page"] += [item.page] * len(ranked)
        columns["article"] += [item.article.index] * len(ranked)
        columns["term"] += [term for term, _ in ranked]
        columns["count"] += [count for _, count in ranked]
        columns["share"] += [count / total for _, count in ranked]
        if pos:
            tags = _article_tags(item.article, tok, lambda text, item=item: seg.tag(item, text))
            columns["pos"] += [tags.get(term, "x") for term, _ in ranked]
    if n_pages(items) < 2:
        del columns["page"]
    frame = columns_table(columns, _TERM_DTYPES)
    frame.attrs["new_words"] = seg.new_terms
    return frame


_TERM_DTYPES = {"article": "int64", "term": "text", "count": "int64", "share": "float64", "pos": "text"}


def page_counts(page: Page | Article | str, *, discover: bool = True) -> tuple[Counter, Counter]:
    """(term counts, number of articles containing each term) of one page; the unit of corpus counting."""
    seg = segmented(page, discover=discover)
    items = seg.items
    counts, n_articles = Counter(), Counter()
    for item in items:
        terms = Counter(_item_terms(seg, item))
        counts.update(terms)
        n_articles.update(terms.keys())
    return counts, n_articles


def counts_to_frame(counts: Counter, n_articles: Counter) -> pd.DataFrame:
    """The ``term, count, share, n_articles`` frame of aggregated counts, most frequent first."""
    total = sum(counts.values())
    rows = [(t, c, c / total, n_articles[t]) for t, c in _sorted_counts(counts)]
    return rows_table(rows, ["term", "count", "share", "n_articles"],
                      {"term": "text", "count": "int64", "share": "float64", "n_articles": "int64"})


def page_term_frequencies(x: Source, *, discover: bool = True) -> pd.DataFrame:
    """Term frequencies summed over all articles of ``x``.

    Returns:
        A new DataFrame, most frequent first, with columns ``term`` (str), ``count`` (int), ``share`` (float:
        count / all terms kept) and ``n_articles`` (int: articles containing the term).

    Example:
        >>> page_term_frequencies("算力需求增长。算力平台上线。").head(1).values.tolist()
        [['算力', 2, 0.3333333333333333, 1]]
    """
    counts, n_articles = Counter(), Counter()
    for page in _group_pages(items_of(x)):
        c, n = page_counts(page, discover=discover)
        counts.update(c)
        n_articles.update(n)
    return counts_to_frame(counts, n_articles)


def _group_pages(items: list[Item]) -> list[list[Article]]:
    groups: dict[str | None, list[Article]] = {}
    for item in items:
        groups.setdefault(item.page, []).append(item.article)
    return list(groups.values())


def corpus_term_frequencies(pages: Iterable[Page | str | Path], *, discover: bool = True) -> pd.DataFrame:
    """Term frequencies over many pages (Page objects or page file paths), in this process.

    Each page is segmented with its own discovered words, so the result equals
    :func:`newsanalysis.corpus.corpus_term_frequencies` (the Dask version) page for page.

    Returns:
        A new DataFrame with columns ``term``, ``count``, ``share``, ``n_articles`` (as
        :func:`page_term_frequencies`).
    """
    from newsanalysis.parse.page import load_page

    counts, n_articles = Counter(), Counter()
    for page in pages:
        page = page if isinstance(page, Page) else load_page(page)
        c, n = page_counts(page, discover=discover)
        counts.update(c)
        n_articles.update(n)
    return counts_to_frame(counts, n_articles)


PRIOR_WEIGHT = 10  # the reference prior outweighs the page tenfold: a term must beat general usage, not chance


def _reference_prior(seg, vocabulary: Iterable[str], n_tokens: int) -> dict[str, float]:
    """Dirichlet pseudo-counts ``alpha_w``: each term's share of the tokenizer's dictionary frequencies (jieba's
    bundled ``dict.txt`` plus the news dictionary), normalised over ``vocabulary`` and scaled to
    ``PRIOR_WEIGHT * n_tokens``; a term the dictionary lacks counts as frequency 1, as in jieba's own path search."""
    tokenizers = list(seg.tokenizers.values())
    if len(tokenizers) == 1:  # one page (an analysis): its dictionary's frequencies, read directly
        known = tokenizers[0].freq
        freq = {term: max(1, known(term)) for term in vocabulary}
    else:
        freq = {term: max(1, *(tok.freq(term) for tok in tokenizers)) for term in vocabulary}
    total = sum(freq.values()) or 1
    scale = PRIOR_WEIGHT * n_tokens / total
    return {term: f * scale for term, f in freq.items()}


def distinctive_terms(x: Source, *, top_n: int = 20, discover: bool = True) -> pd.DataFrame:
    """Terms that set each article apart from the other articles of ``x``.

    Scored by the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008,
    "Fightin' Words", eq. 22 and 16): ``log_odds`` compares the term's smoothed log-odds in the article with its
    log-odds in the other articles, and ``z`` divides it by its estimated standard deviation. The prior comes
    from a reference corpus, general Chinese as jieba's dictionary counts it (see :func:`_reference_prior` and
    ``docs/distinctive-terms.md``): a word common everywhere (``企业``, ``发展``) gets a large pseudo-count and
    needs much evidence, a topical word (``离岸贸易``) a small one, and a word seen once stays near zero.

    Returns:
        A new DataFrame, per article the ``top_n`` terms by descending ``z``, with columns ``page`` (only when
        ``x`` spans several pages), ``article`` (int), ``term`` (str), ``count`` (int: in the article),
        ``log_odds`` (float) and ``z`` (float).

    Raises:
        NewsAnalysisError: ``x`` holds fewer than two articles (there is nothing to compare with).

    Example:
        >>> t = distinctive_terms(["上海离岸贸易规模增长，离岸贸易收支翻番。企业发展。",
        ...                        "脑机接口产品上市，脑机接口企业发展。"], top_n=1)
        >>> t[["term", "count"]].values.tolist()
        [['离岸贸易', 2], ['脑机接口', 2]]
    """
    seg = segmented(x, discover=discover)
    items = seg.items
    if len(items) < 2:
        raise NewsAnalysisError(f"distinctive_terms needs at least 2 articles to compare; got {len(items)}")
    per_article = [Counter(_item_terms(seg, it)) for it in items]
    pooled = Counter()
    for counts in per_article:
        pooled.update(counts)
    n_all = sum(pooled.values())
    prior = _reference_prior(seg, pooled, n_all)
    a0 = sum(prior.values())
    rows = []
    for item, counts in zip(items, per_article):
        n_i = sum(counts.values())
        n_j = n_all - n_i
        scored = []
        for term, y_i in counts.items():
            a = prior[term]
            y_j = pooled[term] - y_i
            delta = math.log((y_i + a) / (n_i + a0 - y_i - a)) - math.log((y_j + a) / (n_j + a0 - y_j - a))
            z = delta / math.sqrt(1 / (y_i + a) + 1 / (y_j + a))
            scored.append((term, y_i, delta, z))
        scored.sort(key=lambda r: (-r[3], r[0]))
        rows += [(item.page, item.article.index, *r) for r in scored[:top_n]]
    return rows_table(rows, ["page", "article", "term", "count", "log_odds", "z"],
                      {"article": "int64", "term": "text", "count": "int64", "log_odds": "float64", "z": "float64"},
                      drop=["page"] if n_pages(items) < 2 else ())


def corpus_idf(corpus: Source, *, tokenizer: Tokenizer | None = None) -> dict[str, float]:
    """Smoothed inverse document frequency, ``log((1 + n_docs) / (1 + df)) + 1``, with articles as documents."""
    items = items_of(corpus)
    tok = tokenizer or get_tokenizer()
    df = Counter()
    for item in items:
        df.update(set(_article_terms(item.article, tok)))
    return {t: math.log((1 + len(items)) / (1 + n)) + 1 for t, n in df.items()}


def keywords(
    article: Source,
    *,
    method: Literal["tfidf", "textrank"] = "tfidf",
    top_n: int = 20,
    idf_corpus: Source | None = None,
    discover: bool = True,
) -> pd.DataFrame:
    """Keywords of each article by jieba.analyse (TF-IDF or TextRank) over our tokenizer's terms.

    Args:
        article: an Article (or anything :func:`term_frequencies` takes; each article is scored on its own).
        method: ``"tfidf"`` (term frequency x IDF) or ``"textrank"`` (PageRank over a co-occurrence window).
        top_n: keywords per article.
        idf_corpus: documents to compute IDF from (e.g. all pages of a month); default jieba's shipped table.

    Returns:
        A new DataFrame with columns ``page`` (only when several pages), ``article`` (int), ``term`` (str) and
        ``weight`` (float), best first per article.
    """
    if method not in ("tfidf", "textrank"):
        raise NewsAnalysisError(f"keyword method {method!r} is not known; expected 'tfidf' or 'textrank'")
    seg = segmented(article, discover=discover)
    items, tokenizers = seg.items, seg.tokenizers
    rows, idfs = [], {}
    for item in items:
        tok = tokenizers[item.page]
        if idf_corpus is not None and item.page not in idfs:
            idfs[item.page] = corpus_idf(idf_corpus, tokenizer=tok)
        idf = idfs.get(item.page)
        texts = body_texts(item.article)
        text = "\n".join(texts)
        if method == "tfidf" and to_matching_text(text) == "\n".join(map(to_matching_text, texts)):
            # the joined text is cut as its texts are (no token spans the line break), so the terms the other
            # tables already asked for serve
            found = tfidf_keywords(_item_terms(seg, item), top_n=top_n, idf=idf)
        else:  # TextRank, or a Traditional phrase converted otherwise in the joined text: the text itself is cut
            found = extract_keywords(text, tokenizer=tok, method=method, top_n=top_n, idf=idf)
        for term, weight in found:
            rows.append((item.page, item.article.index, term, weight))
    return rows_table(rows, ["page", "article", "term", "weight"],
                      {"article": "int64", "term": "text", "weight": "float64"},
                      drop=["page"] if n_pages(items) < 2 else ())
