"""newsanalysis: parse printed Chinese newspaper pages, compute statistics, render reports.

The public API is re-exported lazily so that ``import newsanalysis`` stays fast and
silent (jieba, matplotlib and papermill load only when a function needs them).
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

_EXPORTS = {
    "NewsAnalysisError": "errors",
    "read_page": "io",
    "parse_page": "parse",
    "load_page": "parse",
    "Page": "model",
    "Article": "model",
    "articles_frame": "tables",
    "paragraphs_frame": "tables",
    "ledger_frame": "tables",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsanalysis' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = ["__version__", *_EXPORTS]
