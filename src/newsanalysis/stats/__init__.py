"""Statistics: terms, keywords, distinctive terms, topics, entities, keyword-in-context and collocations.

Every function takes a page, an article, a string (or a list of them) and returns a new DataFrame whose columns
its docstring lists.
"""

from newsanalysis.stats.concordance import collocations, cooccurrence, kwic
from newsanalysis.stats.entities import entities
from newsanalysis.stats.terms import (
    body_texts,
    corpus_idf,
    corpus_term_frequencies,
    counts_to_frame,
    distinctive_terms,
    keywords,
    page_counts,
    page_term_frequencies,
    term_frequencies,
)
from newsanalysis.stats.topics import TopicModel, topics

__all__ = ["TopicModel", "body_texts", "collocations", "cooccurrence", "corpus_idf", "corpus_term_frequencies",
           "counts_to_frame", "distinctive_terms", "entities", "keywords", "kwic", "page_counts",
           "page_term_frequencies", "term_frequencies", "topics"]
