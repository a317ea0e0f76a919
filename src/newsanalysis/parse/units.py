"""The one input contract: a Page, an Article, a string, or a list of them → the articles to work on.

Every public analysis (statistics, figures, quotes) starts with :func:`to_items`, so "is this a page, an
article or a string" is decided in one place: a string is one loose article whose paragraphs are its non-blank
lines; a page gives its articles in reading order, tagged with the page's stem.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsanalysis.errors import NewsAnalysisError
from newsanalysis.parse.model import Article, Page

Source = Page | Article | str | Sequence[Page | Article | str]


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


def to_items(x: Source) -> list[Item]:
    """Articles of ``x`` in reading order; pages of a list keep their stem, loose articles have none.

    Example:
        >>> [(i.page, i.article.paragraphs) for i in to_items("第一段。\\n第二段。")]
        [(None, ['第一段。', '第二段。'])]
    """
    if isinstance(x, str):
        return [Item(None, article_from_text(x))]
    if isinstance(x, Article):
        return [Item(None, x)]
    if isinstance(x, Page):
        stem = x.stem  # a property that parses the source path: once per page, not per article
        return [Item(stem, a) for a in x.articles]
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
    """How many distinct pages ``items`` come from (loose articles count for none)."""
    return len({item.page for item in items if item.page is not None})
