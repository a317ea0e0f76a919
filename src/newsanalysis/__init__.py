"""newsanalysis: parse printed Chinese newspaper pages, compute statistics, render reports.

``import newsanalysis as na`` gives the public API; it is loaded lazily, so the import itself stays fast and
silent (jieba, matplotlib and papermill load only when a function needs them)::

    page = na.load_page("data/raw/sample-page.txt")    # read_page + parse_page
    na.extract_figures(page)                           # article, paragraph, text, value, unit, kind, ...
    na.sources(page)                                   # article, speaker, speaker_title, n_quotes, ...
    analysis = na.analyse_page(page)                   # every table at once, each computed once

Each function's docstring lists the columns of the DataFrame it returns.
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
    "Page": "parse",
    "Article": "parse",
    "articles_frame": "parse",
    "paragraphs_frame": "parse",
    "ledger_frame": "parse",
    "extract_figures": "figures",
    "extract_quotes": "quotes",
    "sources": "quotes",
    "term_frequencies": "stats",
    "keywords": "stats",
    "distinctive_terms": "stats",
    "entities": "stats",
    "topics": "stats",
    "kwic": "stats",
    "collocations": "stats",
    "analyse_page": "report",
    "cached_analysis": "report",
    "Analysis": "report",
    "render_reports": "report",
    "explore": "explore",
}
_PACKAGES = {"charts", "config", "corpus", "errors", "explore", "figures", "io", "normalize", "parse", "quotes",
             "report", "segment", "stats"}


def __getattr__(name: str) -> Any:
    if name in _PACKAGES:
        return importlib.import_module(f"{__name__}.{name}")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsanalysis' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS, *_PACKAGES])


__all__ = ["__version__", *_EXPORTS]
