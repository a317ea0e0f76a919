"""Terms in context: keyword-in-context rows and term pairs that occur together (co-occurrence, collocations).

Every row carries its evidence: kwic rows give paragraph offsets and offsets into ``Page.text``; pair tables give
observed and expected counts so a chart can show both.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations
from typing import Literal

import pandas as pd

from newsanalysis.errors import NewsAnalysisError
from newsanalysis.parse.model import Article
from newsanalysis.parse.units import n_pages
from newsanalysis.normalize import split_clauses, to_matching_text
from newsanalysis.segment.units import items_of, segmented

PAIR_COLUMNS = ["term_a", "term_b", "count", "expected", "pmi", "llr"]


def _page_span(article: Article, paragraph: int, start: int, end: int) -> tuple[int | None, int | None]:
    if paragraph >= len(article.paragraph_spans) or not article.paragraph_spans[paragraph]:
        return None, None
    return article.page_offset(paragraph, start), article.page_offset(paragraph, end - 1) + 1


def kwic(x, term: str, *, width: int = 20) -> pd.DataFrame:
    """Every occurrence of ``term`` in the articles' paragraphs, with ``width`` characters either side.

    Matching is on the Simplified form (so ``臺灣`` finds ``台湾``); the columns show the original text.

    Returns:
        A new DataFrame in reading order with columns ``page`` (only when several pages), ``article`` (int),
        ``paragraph`` (int), ``left`` (str), ``term`` (str, as printed), ``right`` (str), ``start`` and ``end``
        (int, offsets in the paragraph), ``page_start`` and ``page_end`` (offsets in ``Page.text``; missing when the
        article carries no paragraph spans).

    Example:
        >>> kwic("上海离岸贸易规模同比增长。", "离岸贸易", width=2)[["left", "term", "right"]].values.tolist()
        [['上海', '离岸贸易', '规模']]
    """
    needle = to_matching_text(term.strip())
    if not needle:
        raise NewsAnalysisError(f"kwic needs a non-empty term; got {term!r}")
    items = items_of(x)
    rows = []
    for item in items:
        art = item.article
        for p, text in enumerate(art.paragraphs):
            norm, pos = to_matching_text(text), 0
            while (s := norm.find(needle, pos)) >= 0:
                e = s + len(needle)
                page_start, page_end = _page_span(art, p, s, e)
                rows.append((item.page, art.index, p, text[max(0, s - width):s], text[s:e], text[e:e + width], s, e,
                             page_start, page_end))
                pos = e
    columns = ["page", "article", "paragraph", "left", "term", "right", "start", "end", "page_start", "page_end"]
    frame = pd.DataFrame(rows, columns=columns).astype(
        {"article": "int64", "paragraph": "int64", "start": "int64", "end": "int64", "page_start": "Int64",
         "page_end": "Int64"})
    return frame.drop(columns="page") if n_pages(items) < 2 else frame


def _units(x, window: str, discover: bool) -> list[frozenset[str]]:
    if window not in ("sentence", "paragraph"):
        raise NewsAnalysisError(f"window {window!r} is not known; expected 'sentence' or 'paragraph'")
    seg = segmented(x, discover=discover)
    items, tokenizers = seg.items, seg.tokenizers
    units = []
    for item in items:
        tok = tokenizers[item.page]
        for text in item.article.paragraphs:
            pieces = split_clauses(text) if window == "sentence" else [text]
            units += [frozenset(terms) for piece in pieces if (terms := tok.terms(piece))]
    return units


def _llr(k11: int, k12: int, k21: int, k22: int) -> float:
    """Dunning's log-likelihood ratio (G²) of a 2x2 contingency table."""
    n = k11 + k12 + k21 + k22
    rows, cols = (k11 + k12, k21 + k22), (k11 + k21, k12 + k22)
    g2 = 0.0
    for k, r, c in ((k11, 0, 0), (k12, 0, 1), (k21, 1, 0), (k22, 1, 1)):
        if k:
            g2 += k * math.log(k * n / (rows[r] * cols[c]))
    return 2 * g2


def _pairs(units: list[frozenset[str]], min_count: int) -> pd.DataFrame:
    n_units = len(units)
    single = Counter(t for unit in units for t in unit)
    pairs = Counter(p for unit in units for p in combinations(sorted(unit), 2))
    rows = []
    for (a, b), k in pairs.items():
        if k < min_count:
            continue
        expected = single[a] * single[b] / n_units
        llr = _llr(k, single[a] - k, single[b] - k, n_units - single[a] - single[b] + k)
        rows.append((a, b, k, expected, math.log2(k / expected), llr))
    frame = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    return frame.astype({"count": "int64", "expected": "float64", "pmi": "float64", "llr": "float64"})


def cooccurrence(
    x, *, window: Literal["sentence", "paragraph"] = "paragraph", min_count: int = 2, discover: bool = True
) -> pd.DataFrame:
    """Term pairs found together in at least ``min_count`` sentences or paragraphs: an edge table.

    ``count`` is the number of units (sentences or paragraphs) holding both terms, ``expected`` the count if the
    terms were independent (``n_a * n_b / n_units``), ``pmi`` is ``log2(count / expected)`` and ``llr`` Dunning's
    log-likelihood ratio G².

    Returns:
        A new DataFrame, most frequent pairs first, with columns ``term_a`` and ``term_b`` (str, ``term_a <
        term_b``), ``count`` (int), ``expected`` (float), ``pmi`` (float) and ``llr`` (float).

    Example:
        >>> cooccurrence("算力需求增长。\\n算力需求旺盛。")[["term_a", "term_b", "count"]].values.tolist()
        [['算力', '需求', 2]]
    """
    frame = _pairs(_units(x, window, discover), min_count)
    return frame.sort_values(["count", "llr", "term_a", "term_b"], ascending=[False, False, True, True],
                             ignore_index=True)


def collocations(
    x, *, window: Literal["sentence", "paragraph"] = "sentence", min_count: int = 2, discover: bool = True,
    min_llr: float = 3.84,
) -> pd.DataFrame:
    """Term pairs that occur together more than chance predicts: PMI above 0 and G² at least ``min_llr``.

    ``min_llr=3.84`` is the 5% critical value of chi-square with one degree of freedom.

    Returns:
        A new DataFrame, strongest association (``llr``) first, with the columns of :func:`cooccurrence`.
    """
    frame = _pairs(_units(x, window, discover), min_count)
    frame = frame[(frame["pmi"] > 0) & (frame["llr"] >= min_llr)]
    return frame.sort_values(["llr", "count", "term_a", "term_b"], ascending=[False, False, True, True],
                             ignore_index=True)
