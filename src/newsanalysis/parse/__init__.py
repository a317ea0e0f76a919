"""Parse: raw page text → articles, with a ledger that accounts for every printed line.

What belongs here: what a printed line is (``lines``), headline blocks (``headline``), the body of one article
(``body``: page-break splits, duplicates, Q&A turns, captions), the page as a whole (``page``), the dataclasses
they produce (``model``) and the tidy tables made from them (``tables``). Nothing here segments words or
extracts figures; those stages read the :class:`Page` this package returns.
"""

from newsanalysis.parse.model import Article, LedgerEntry, Page, ParseWarning, QATurn, Repairs
from newsanalysis.parse.page import load_page, parse_page, require_articles
from newsanalysis.parse.tables import articles_frame, ledger_frame, page_to_dict, paragraphs_frame, warnings_frame

__all__ = ["Article", "LedgerEntry", "Page", "ParseWarning", "QATurn", "Repairs", "articles_frame", "ledger_frame",
           "load_page", "page_to_dict", "paragraphs_frame", "parse_page", "require_articles", "warnings_frame"]
