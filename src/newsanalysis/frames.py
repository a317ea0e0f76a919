"""Tables built column by column in their final dtypes: what ``pd.DataFrame(...).astype(...)`` gives, without
pandas' own passes over the values (on a page they cost more than the statistics that make the rows).

Every table of the package (terms, entities, figures, quotes, sources) is put together here, so a column of
strings has one dtype everywhere: the one this pandas gives a column of strings (``str``, stored in pyarrow, in
pandas 3; ``object`` before).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["TEXT_DTYPE", "columns_table", "rows_table", "text_arrays"]

TEXT_DTYPE = pd.Series(["字"]).dtype  # whatever dtype this pandas gives a column of strings
_NUMPY_DTYPES = frozenset({"int64", "float64", "bool"})


def columns_table(columns: dict[str, Sequence], dtypes: dict[str, str] | None = None) -> pd.DataFrame:
    """A frame of ``columns`` (equal-length sequences), each column built once in its final dtype: what
    ``pd.DataFrame(columns).astype(dtypes)`` gives, without pandas' inference where the dtype is known.

    ``dtypes`` maps a column to ``int64``, ``float64``, ``bool``, ``Int64`` (missing values as <NA>), ``text``
    (only strings: :data:`TEXT_DTYPE`) or ``object`` (values kept as they are, None included); other columns are
    inferred as pandas infers them. An empty table keeps pandas' empty columns (object, then the given numeric
    dtypes).

    Example:
        >>> columns_table({"term": ["算力"], "count": [2]}, {"term": "text", "count": "int64"}).dtypes.astype(str).tolist()
        ['str', 'int64']
    """
    dtypes = dtypes or {}
    n = len(next(iter(columns.values()), ()))
    if not n:
        return _empty_table(tuple(columns), tuple(sorted(dtypes.items()))).copy()
    texts = iter(text_arrays([values for name, values in columns.items() if dtypes.get(name) == "text"]))
    arrays = []
    for name, values in columns.items():
        dtype = dtypes.get(name)
        if dtype is None:
            arrays.append(list(values))
        elif dtype == "text":
            arrays.append(next(texts))
        elif dtype == "object":
            array = np.empty(len(values), dtype=object)
            array[:] = values  # element by element: never a nested array of a list
            arrays.append(array)
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
        # (an object column as a Series of objects: the constructor would infer strings with None as text)
        return pd.DataFrame({name: pd.Series(array, dtype=object, copy=False) if dtypes.get(name) == "object" else array
                             for name, array in zip(columns, arrays)}, columns=names, copy=False)
    # every column is in its final dtype: put together without the public constructor's checks
    return from_arrays(arrays, columns=names, index=pd.RangeIndex(n), verify_integrity=False)


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


def text_arrays(columns: Sequence[Sequence[str]]) -> list:
    """Columns of strings as arrays of :data:`TEXT_DTYPE`: slices of one pyarrow array where that is its storage
    (one conversion for all of them; ``pd.array`` makes a pass of its own over the values first), else through
    ``pd.array``.

    Example:
        >>> [list(a) for a in text_arrays([["算力", "网"], ["上海", "北京"]])]
        [['算力', '网'], ['上海', '北京']]
    """
    arrow = _arrow_text()
    if arrow is not None and columns:
        pa, array_type = arrow
        lengths = [len(values) for values in columns]
        try:
            every = pa.array([v for values in columns for v in values], type=pa.large_string(), from_pandas=False)
        except (pa.ArrowException, TypeError):
            pass  # a value that is not a string: pandas converts it
        else:
            out, start = [], 0
            for n in lengths:
                out.append(array_type(every.slice(start, n), dtype=TEXT_DTYPE))
                start += n
            return out
    return [pd.array(list(values), dtype=TEXT_DTYPE) for values in columns]


@functools.cache
def _arrow_text() -> Any:
    """pyarrow and the array type of :data:`TEXT_DTYPE` when that type is built from a pyarrow array and a dtype
    (pandas 3), else None."""
    if getattr(TEXT_DTYPE, "storage", None) != "pyarrow":
        return None
    import pyarrow as pa  # loaded by pandas already for this dtype

    array_type = TEXT_DTYPE.construct_array_type()
    try:
        probe = array_type(pa.array(["字"], type=pa.large_string()), dtype=TEXT_DTYPE)
    except TypeError:  # a constructor without dtype
        return None
    return (pa, array_type) if probe.dtype == TEXT_DTYPE else None


@functools.lru_cache(maxsize=128)
def _column_index(names: tuple[str, ...]) -> pd.Index:
    return pd.Index(names)


@functools.lru_cache(maxsize=64)
def _empty_table(names: tuple[str, ...], dtypes: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    """The table of no rows (kept: building it takes ~25 times as long as a copy); callers get a copy."""
    numeric = {name: dtype for name, dtype in dtypes if name in names and dtype not in ("text", "object")}
    return pd.DataFrame(None, columns=list(names)).astype(numeric)
