"""What the statistics count over: articles (with their page) from a Page, Article, list or plain string.

Also builds the per-analysis tokenizer: the configured tokenizer plus the new words discovered in the texts
being analysed, so every statistic of one call sees the same segmentation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from newsanalysis.errors import NewsAnalysisError
from newsanalysis.parse.model import Article, Page
from newsanalysis.segment.newwords import COLUMNS as NEW_WORD_COLUMNS
from newsanalysis.segment.newwords import discover_words
from newsanalysis.segment.tokenizer import Tokenizer, get_tokenizer


@dataclass(frozen=True)
class Item:
    """One article to analyse and the page it came from (``page`` is None for loose articles)."""

    page: str | None
    article: Article


def article_from_text(text: str, *, index: int = 0) -> Article:
    """An Article whose paragraphs are the non-blank lines of ``text`` (spans point into ``text``).

    Example:
        >>> article_from_text("第一段。\\n\\n第二段。").paragraph_spans
        [((0, 4),), ((6, 10),)]
    """
    paragraphs, spans, pos = [], [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            paragraphs.append(stripped)
            spans.append(((start, start + len(stripped)),))
        pos += len(line) + 1
    return Article(index=index, paragraphs=paragraphs, paragraph_roles=["body"] * len(paragraphs),
                   paragraph_spans=spans)


def to_items(x: Page | Article | str | Iterable[Page | Article]) -> list[Item]:
    """Articles of ``x`` in reading order; pages of a list keep their stem, loose articles have none."""
    if isinstance(x, str):
        return [Item(None, article_from_text(x))]
    if isinstance(x, Article):
        return [Item(None, x)]
    if isinstance(x, Page):
        return [Item(x.stem, a) for a in x.articles]
    if isinstance(x, Iterable):
        items: list[Item] = []
        for element in x:
            if isinstance(element, (Page, Article, str)):
                items.extend(to_items(element))
            else:
                raise NewsAnalysisError(f"cannot analyse {type(element).__name__!r}; expected Page, Article or str")
        return items
    raise NewsAnalysisError(f"cannot analyse {type(x).__name__!r}; expected Page, Article, str or a list of them")


def n_pages(items: Sequence[Item]) -> int:
    return len({item.page for item in items if item.page is not None})


def all_texts(article: Article) -> list[str]:
    """Every printed text of an article (headlines, subheads, captions, body) for new-word discovery."""
    head = [article.kicker, article.title, article.subtitle, article.editors_note]
    return [t for t in (*head, *article.subheads, *article.captions, *article.paragraphs) if t]


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
    base = tokenizer or get_tokenizer()
    groups: dict[str | None, list[str]] = {}
    for item in items:
        groups.setdefault(item.page, []).extend(all_texts(item.article) if discover else ())
    tokenizers, frames = {}, []
    for page, texts in groups.items():
        if not discover:
            tokenizers[page] = base
            continue
        found = discover_words(texts, tokenizer=base)
        found.insert(0, "page", page)
        frames.append(found)
        tokenizers[page] = base.with_words(found["term"])
    if frames:
        return tokenizers, pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return tokenizers, pd.DataFrame(columns=["page", *NEW_WORD_COLUMNS])
