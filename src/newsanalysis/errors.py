"""The one exception family of newsanalysis: every user-facing failure is a NewsAnalysisError."""

from __future__ import annotations


class NewsAnalysisError(Exception):
    """Base class; the CLI prints its message on one line and exits with code 2."""


class InputError(NewsAnalysisError):
    """A page file is missing, empty, binary or cannot be decoded."""


class NoArticlesError(NewsAnalysisError):
    """A page was read but no article could be found in it."""


class ParseError(NewsAnalysisError):
    """The parser's own consistency checks failed (a bug: please report it with the page)."""


class ArticleIndexError(NewsAnalysisError, IndexError):
    """An article index is outside the page's articles."""


class FontNotFoundError(NewsAnalysisError):
    """No font with CJK glyphs could be found for the charts."""


class RenderError(NewsAnalysisError):
    """A report could not be rendered."""
