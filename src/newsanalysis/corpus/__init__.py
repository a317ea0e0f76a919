"""Corpus: many dated pages on Dask, written as partitioned Parquet tables and queried with DuckDB.

``build`` (:func:`build_corpus`) reads, parses and analyses pages on a Dask bag and writes, under the corpus
folder, one dataset per table (``DIR/<table>/part-*.parquet``) and ``manifest.json``. Every row of every table
starts with the page metadata ``page`` (file stem), ``date`` (ISO ``YYYY-MM-DD`` text or null), ``paper``,
``page_no``; then the columns of the page table it comes from:

- ``pages``: one row per page: n_articles, n_paragraphs, n_chars, n_tokens (the terms counted on it).
- ``articles``: ``parse.articles_frame`` (article, slug, kicker, title, subtitle, column, display_title,
  display_title_derived, reporters, photographers, dateline, editors_note, jump, n_subheads, n_captions,
  n_paragraphs, n_qa_turns, n_chars, joins, duplicates_removed).
- ``paragraphs``: ``parse.paragraphs_frame`` (article, paragraph, role, speaker, subhead, text, n_chars,
  page_start, page_end, lines).
- ``terms``: ``stats.term_frequencies`` (article, term, count, share).
- ``figures``: ``figures.extract_figures`` (article, paragraph, start, end, text, value, low, high, unit, kind,
  approx, iso, sentence, subject, change_from, change_to, direction, note: why a figure was not read, e.g. a
  number of more than 30 digits, kind ``unread``).
- ``sources``: ``quotes.source_table`` (article, speaker, speaker_title, n_quotes, n_chars, first_paragraph, modes).
- ``quotes``: ``quotes.extract_quotes`` (article, paragraph, start, end, quote, mode, speaker, speaker_title, cue).
- ``entities``: ``stats.entities`` (article, paragraph, start, end, text, type, page_start, page_end).

Texts are Parquet strings (lists as JSON text); a table no page has rows for has no part files.

``query`` (:func:`term_trends`, :func:`top_terms`, :func:`figure_trends`, :func:`source_ranking`, :func:`search_corpus`) answers
questions with DuckDB over those files, never loading a whole table into pandas. ``terms``
(:func:`corpus_term_frequencies`) is the older one-table Dask count kept for existing callers.
"""

from newsanalysis.corpus.build import TABLES, BuildSummary, build_corpus, expand_pages, read_manifest
from newsanalysis.corpus.query import chosen_terms, corpus_overview, figure_trends, search_corpus, source_ranking, term_trends, top_terms
from newsanalysis.corpus.terms import corpus_term_frequencies

__all__ = ["TABLES", "BuildSummary", "build_corpus", "chosen_terms", "corpus_overview", "corpus_term_frequencies", "expand_pages", "figure_trends",
           "read_manifest", "search_corpus", "source_ranking", "term_trends", "top_terms"]
