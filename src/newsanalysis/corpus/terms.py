"""Corpus-level term frequencies over many pages with Dask (one table, summed in memory: for an archive use
:func:`newsanalysis.corpus.build_corpus` and the queries).

Local by default (Dask's threads scheduler, or ``"sync"``, both fine on a 2-core test machine); pass
``address="tcp://host:8786"`` to run on a Dask distributed cluster. Each page is counted on its own
(:func:`newsanalysis.stats.page_counts`: parse, discover its new words, segment), then the counts are summed, so the
result equals :func:`newsanalysis.stats.corpus_term_frequencies` whatever the scheduler.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import pandas as pd

from newsanalysis.parse.model import Page
from newsanalysis.stats.terms import counts_to_frame, page_counts


def _count_page(page: Page | str | Path, discover: bool) -> tuple[Counter, Counter]:
    if not isinstance(page, Page):
        from newsanalysis.parse.page import load_page

        page = load_page(page)
    return page_counts(page, discover=discover)


def _merge(parts: list[tuple[Counter, Counter]]) -> tuple[Counter, Counter]:
    counts, n_articles = Counter(), Counter()
    for c, n in parts:
        counts.update(c)
        n_articles.update(n)
    return counts, n_articles


def corpus_term_frequencies(
    pages: Iterable[Page | str | Path],
    *,
    address: str | None = None,
    scheduler: Literal["threads", "sync", "processes"] = "threads",
    discover: bool = True,
) -> pd.DataFrame:
    """Term frequencies over many pages (Page objects or page file paths), computed with Dask.

    Args:
        pages: the pages; paths are read and parsed on the workers.
        address: a Dask distributed scheduler address; when given, ``scheduler`` is ignored.
        scheduler: the local Dask scheduler when no address is given.
        discover: add each page's discovered words (see :mod:`newsanalysis.newwords`).

    Returns:
        A new DataFrame, most frequent first, with columns ``term`` (str), ``count`` (int), ``share`` (float) and
        ``n_articles`` (int), equal to :func:`newsanalysis.stats.corpus_term_frequencies`.
    """
    import dask

    pages = [p if isinstance(p, Page) else str(p) for p in pages]
    parts = [dask.delayed(_count_page)(page, discover) for page in pages]
    total = dask.delayed(_merge)(parts)
    if address is not None:
        from distributed import Client

        with Client(address) as client:
            counts, n_articles = client.compute(total).result()
    else:
        counts, n_articles = total.compute(scheduler=scheduler)
    return counts_to_frame(counts, n_articles)
