"""Quotes and sources: who is quoted, directly or indirectly, with which words.

What belongs here: knowledge about names and titles (``speakers``) and the quotation and attribution scanner
(``extract``).
"""

from newsanalysis.quotes.extract import extract_quotes, source_table, sources

__all__ = ["extract_quotes", "source_table", "sources"]
