"""Segmented input: the articles to analyse with, per page, the tokenizer that knows the page's new words.

:func:`segmented` is the statistics' side of the input contract (:mod:`newsanalysis.parse.units`): it
discovers new words once per page and builds that page's tokenizer once. Every statistic accepts its result in
place of a page, so an analysis that computes many tables (``analyse_page``) segments the page once.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from newsanalysis.frames import rows_table
from newsanalysis.parse.model import Article
from newsanalysis.parse.units import Item, Source, n_pages, to_items
from newsanalysis.segment.newwords import COLUMNS as NEW_WORD_COLUMNS
from newsanalysis.segment.newwords import discovered_rows, rows_frame
from newsanalysis.segment.tokenizer import Tokenizer, get_tokenizer

__all__ = ["Item", "Segmented", "all_texts", "items_of", "n_pages", "page_tokenizers", "segmented",
           "to_items"]


@dataclass(frozen=True)
class Segmented:
    """Articles with their per-page tokenizers and the words discovered (see :func:`segmented`)."""

    items: list[Item]
    tokenizers: dict[str | None, Tokenizer]
    # per page (page, discover_words rows): the frame is built only when asked for (terms need only the words)
    discovered: tuple[tuple[str | None, list[tuple]], ...] = field(repr=False)
    discover: bool = True
    _terms: dict = field(default_factory=dict, repr=False, compare=False)  # (page, text) -> terms, per analysis
    _tags: dict = field(default_factory=dict, repr=False, compare=False)  # (page, text) -> tagged tokens

    @functools.cached_property
    def new_words(self) -> pd.DataFrame:
        """The words discovered, as :func:`page_tokenizers` returns them (a ``page`` column first)."""
        return _new_words_frame(self.discovered)

    @property
    def new_terms(self) -> list[str]:
        """The discovered words of every page, sorted and without repeats."""
        return sorted({row[0] for _, rows in self.discovered for row in rows})

    def tokenizer(self, item: Item) -> Tokenizer:
        return self.tokenizers[item.page]

    def terms(self, item: Item, text: str) -> list[str]:
        """``self.tokenizer(item).terms(text)``, segmented once per analysis however many statistics ask."""
        key = (item.page, text)
        found = self._terms.get(key)
        if found is None:
            found = self._terms[key] = tuple(self.tokenizers[item.page].terms(text))
        return list(found)

    def tag(self, item: Item, text: str) -> list[tuple[str, str, int, int]]:
        """``self.tokenizer(item).tag(text)``, part-of-speech tagged once per analysis (entities, term tags)."""
        key = (item.page, text)
        found = self._tags.get(key)
        if found is None:
            found = self._tags[key] = tuple(self.tokenizers[item.page].tag(text))
        return list(found)

    @property
    def n_pages(self) -> int:
        return n_pages(self.items)


def all_texts(article: Article) -> list[str]:
    """Every printed text of an article (headlines, subheads, captions, body) for new-word discovery."""
    head = [article.kicker, article.title, article.subtitle, article.editors_note]
    return [t for t in (*head, *article.subheads, *article.captions, *article.paragraphs) if t]


def segmented(x: Source | Segmented, *, tokenizer: Tokenizer | None = None, discover: bool = True) -> Segmented:
    """``x`` as articles plus per-page tokenizers; a :class:`Segmented` is returned as it is.

    Example:
        >>> s = segmented("算力需求增长。算力平台上线。")
        >>> len(s.items), s.tokenizer(s.items[0]).terms("算力平台")
        (1, ['算力', '平台'])
    """
    if isinstance(x, Segmented):
        return x
    items = to_items(x)
    tokenizers, discovered = _page_discoveries(items, tokenizer=tokenizer, discover=discover)
    return Segmented(items, tokenizers, discovered, discover)


def items_of(x: Source | Segmented) -> list[Item]:
    """The articles of ``x`` (a :class:`Segmented` or anything :func:`~newsanalysis.parse.units.to_items` takes)."""
    return x.items if isinstance(x, Segmented) else to_items(x)


def page_tokenizers(
    items: Sequence[Item], *, tokenizer: Tokenizer | None = None, discover: bool = True
) -> tuple[dict[str | None, Tokenizer], pd.DataFrame]:
    """Per page (loose articles together): the tokenizer for this analysis, and the words discovered.

    Words are discovered page by page and each page is segmented with its own words, so a page's statistics
    never depend on which other pages are analysed with it (and a Dask run equals an in-process run).

    Returns:
        ``(tokenizers, new_words)``: tokenizers keyed by page stem (None for loose articles) and a DataFrame
        with columns ``page`` (str or None), ``term``, ``count``, ``pmi``, ``left_entropy``, ``right_entropy``.
    """
    tokenizers, discovered = _page_discoveries(items, tokenizer=tokenizer, discover=discover)
    return tokenizers, _new_words_frame(discovered)


def _page_discoveries(
    items: Sequence[Item], *, tokenizer: Tokenizer | None = None, discover: bool = True
) -> tuple[dict[str | None, Tokenizer], tuple[tuple[str | None, list[tuple]], ...]]:
    """:func:`page_tokenizers` with the discovered words as per-page rows (``discover_words``'s, no frame)."""
    base = tokenizer or get_tokenizer()
    groups: dict[str | None, list[str]] = {}
    for item in items:
        groups.setdefault(item.page, []).extend(all_texts(item.article) if discover else ())
    tokenizers, discovered = {}, []
    for page, texts in groups.items():
        if not discover:
            tokenizers[page] = base
            continue
        rows = discovered_rows(texts, tokenizer=base)
        discovered.append((page, rows))
        tokenizers[page] = base.with_words([row[0] for row in rows])
    return tokenizers, tuple(discovered)


def _new_words_frame(discovered: Sequence[tuple[str | None, list[tuple]]]) -> pd.DataFrame:
    if len(discovered) == 1 and discovered[0][1]:  # one page with words (an analysis): built in one go
        page, rows = discovered[0]
        return rows_table([(page, *row) for row in rows], ["page", *NEW_WORD_COLUMNS], _NEW_WORD_DTYPES)
    frames = []
    for page, rows in discovered:
        found = rows_frame(rows)
        found.insert(0, "page", page)
        frames.append(found)
    if frames:
        return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return pd.DataFrame(columns=["page", *NEW_WORD_COLUMNS])


_NEW_WORD_DTYPES = {"term": "text", "count": "int64", "pmi": "float64", "left_entropy": "float64",
                    "right_entropy": "float64"}
