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

from newsanalysis.parse.model import Article
from newsanalysis.parse.units import Item, Source, n_pages, to_items
from newsanalysis.segment.newwords import COLUMNS as NEW_WORD_COLUMNS
from newsanalysis.segment.newwords import discovered_rows, rows_frame
from newsanalysis.segment.tokenizer import Tokenizer, get_tokenizer

__all__ = ["Item", "Segmented", "all_texts", "items_of", "n_pages", "page_tokenizers", "rows_table", "segmented",
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


def rows_table(rows: Sequence[tuple], columns: Sequence[str], dtypes: dict[str, str] | None = None, *,
               drop: Sequence[str] = ()) -> pd.DataFrame:
    """``pd.DataFrame(rows, columns=columns).astype(dtypes).drop(columns=drop)``, built column by column in the
    final dtypes (pandas' row-wise pass, cast and drop cost more than the statistics that make the rows).

    ``dtypes`` as in :func:`columns_table`.

    Example:
        >>> t = rows_table([("p", "算力", 2)], ["page", "term", "count"], {"count": "int64"}, drop=["page"])
        >>> t.columns.tolist(), t.dtypes.astype(str).tolist()
        (['term', 'count'], ['str', 'int64'])
    """
    values = list(zip(*rows)) if rows else [()] * len(columns)
    return columns_table({name: column for name, column in zip(columns, values) if name not in drop}, dtypes)


def columns_table(columns: dict[str, Sequence], dtypes: dict[str, str] | None = None) -> pd.DataFrame:
    """A frame of ``columns`` (equal-length sequences), each column built once in its final dtype: what
    ``pd.DataFrame(columns).astype(dtypes)`` gives, without pandas' inference where the dtype is known.

    ``dtypes`` maps a column to ``int64``, ``float64``, ``bool``, ``Int64`` (missing values as <NA>) or ``text``
    (only strings: pandas' dtype for a column of them); other columns are inferred as pandas infers them. An
    empty table keeps pandas' empty columns (object, then the given numeric dtypes).

    Example:
        >>> columns_table({"term": ["算力"], "count": [2]}, {"term": "text", "count": "int64"}).dtypes.astype(str).tolist()
        ['str', 'int64']
    """
    dtypes = dtypes or {}
    n = len(next(iter(columns.values()), ()))
    if not n:
        return pd.DataFrame(None, columns=list(columns)).astype(
            {name: dtype for name, dtype in dtypes.items() if name in columns and dtype != "text"})
    arrays = []
    for name, values in columns.items():
        dtype = dtypes.get(name)
        if dtype is None:
            arrays.append(list(values))
        elif dtype == "text":
            arrays.append(_text_array(values))
        elif dtype in _NUMPY_DTYPES:
            arrays.append(np.array(values, dtype=dtype))
        elif dtype == "Int64":  # the values and a mask of the missing ones: what pd.array infers, without its pass
            missing = [value is None for value in values]
            arrays.append(pd.arrays.IntegerArray(
                np.array([0 if gap else value for value, gap in zip(values, missing)], dtype=np.int64),
                np.array(missing, dtype=bool)))
        else:
            arrays.append(pd.array(list(values), dtype=dtype))
    # a new Index object over the one made per set of names (building it infers its dtype): a caller may rename
    names = _column_index(tuple(columns)).view()
    from_arrays = getattr(pd.DataFrame, "_from_arrays", None)
    if from_arrays is None or len(dtypes.keys() & columns.keys()) < len(columns):
        # a column to infer (or a pandas without _from_arrays): the public constructor, the arrays not copied
        return pd.DataFrame(dict(zip(columns, arrays)), columns=names, copy=False)
    # every column is in its final dtype: put together without the public constructor's checks
    return from_arrays(arrays, columns=names, index=pd.RangeIndex(n), verify_integrity=False)


@functools.lru_cache(maxsize=128)
def _column_index(names: tuple[str, ...]) -> pd.Index:
    return pd.Index(names)


_TEXT_DTYPE = pd.Series(["字"]).dtype  # whatever dtype this pandas gives a column of strings (str, or object)


def _text_array(values: Sequence[str]):
    """A column of strings in ``_TEXT_DTYPE``: straight from pyarrow when that is its storage (``pd.array`` makes
    a pass of its own over the values first), else through ``pd.array``."""
    if getattr(_TEXT_DTYPE, "storage", None) == "pyarrow":
        import pyarrow as pa

        try:
            return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=_TEXT_DTYPE)
        except (pa.ArrowException, TypeError):
            pass  # a value that is not a string: pandas converts it
    return pd.array(list(values), dtype=_TEXT_DTYPE)


_NEW_WORD_DTYPES = {"term": "text", "count": "int64", "pmi": "float64", "left_entropy": "float64",
                    "right_entropy": "float64"}
_NUMPY_DTYPES = frozenset({"int64", "float64", "bool"})
