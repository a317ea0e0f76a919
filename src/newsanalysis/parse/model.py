"""The parsed page: plain dataclasses that every later stage reads (never mutates).

``Page.articles`` are in reading order; ``Page.ledger`` accounts for every input line.
Offsets (``Article.paragraph_spans``) point into ``Page.text`` so statistics can cite their evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Literal

from newsanalysis.errors import ArticleIndexError
from newsanalysis.io import LayoutHints, PageMeta

Role = Literal[
    "kicker", "title", "subtitle", "column", "editors_note", "byline", "dateline_body", "body",
    "qa", "subhead", "caption", "box", "credit", "jump", "stray", "dropped",
]


@dataclass(frozen=True)
class QATurn:
    """One interview turn; ``paragraph`` indexes ``Article.paragraphs``.

    ``labelled`` is False for an unlabelled paragraph that continues the previous answer.
    """

    speaker: str
    text: str
    paragraph: int
    labelled: bool = True


@dataclass(frozen=True)
class Repairs:
    joins: int = 0
    duplicates_removed: int = 0
    join_points: tuple[tuple[str, str], ...] = ()  # (tail, head) around each repaired split
    wraps: int = 0  # hard-wrapped lines (no blank line between them) put back together


@dataclass(frozen=True)
class LedgerEntry:
    """Where one input line went: an article and role, or ``dropped`` with a reason.

    ``line`` is 1-based; ``start``/``end`` are offsets of the line in ``Page.text``.
    """

    line: int
    start: int
    end: int
    text: str
    article: int | None
    role: Role | Literal["blank"]
    reason: str = ""


@dataclass(frozen=True)
class Article:
    """One article of a printed page. Lists are in printed order.

    Example:
        >>> page = parse_page("新闻标题\\n\\n本报记者 王明\\n\\n今天天气很好。")
        >>> page.articles[0].title, page.articles[0].reporters
        ('新闻标题', ['王明'])
    """

    index: int
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    column: str | None = None
    reporters: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    dateline: str | None = None
    editors_note: str | None = None
    jump: str | None = None
    subheads: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    boxes: list[str] = field(default_factory=list)  # pull quotes and labelled boxes (【观点】……), not body text
    paragraphs: list[str] = field(default_factory=list)
    paragraph_roles: list[str] = field(default_factory=list)  # "body" | "qa"
    paragraph_spans: list[tuple[tuple[int, int], ...]] = field(default_factory=list)
    paragraph_lines: list[tuple[int, ...]] = field(default_factory=list)
    subhead_before: list[int] = field(default_factory=list)  # paragraph index each subhead precedes
    qa_turns: list[QATurn] = field(default_factory=list)
    repairs: Repairs = field(default_factory=Repairs)
    display_title: str = ""
    display_title_derived: bool = False
    slug: str = ""

    @property
    def body(self) -> str:
        """Body paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    def page_offset(self, paragraph: int, offset: int) -> int:
        """Map an offset inside ``paragraphs[paragraph]`` to an offset in ``Page.text``.

        A joined paragraph has several spans; an offset equal to the paragraph's length maps to the
        end of its last span.
        """
        spans = self.paragraph_spans[paragraph]
        remaining = offset
        for start, end in spans:
            if remaining < end - start:
                return start + remaining
            remaining -= end - start
        if remaining == 0:
            return spans[-1][1]
        raise ValueError(f"offset {offset} is beyond paragraph {paragraph} of article {self.index}")


@dataclass(frozen=True)
class ParseWarning:
    """Something the parser was unsure of, at a printed line (1-based), said in words."""

    line: int
    message: str
    kind: str = ""

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class Page:
    """A parsed page: its source text, articles in reading order, the line ledger, what the parser was unsure
    of (``warnings``), the user's corrections it honoured (``hints``) and when and where it was printed (``meta``:
    date, paper, page number and which source gave them)."""

    text: str
    articles: list[Article]
    ledger: list[LedgerEntry]
    source: str = "<string>"
    encoding: str = "str"
    warnings: tuple[ParseWarning, ...] = ()
    hints: LayoutHints = field(default_factory=LayoutHints)
    meta: PageMeta = field(default_factory=PageMeta)

    @property
    def stem(self) -> str:
        return PurePath(self.source).stem if self.source != "<string>" else "page"

    def article(self, index: int) -> Article:
        """The article at ``index`` (0-based), or an ``ArticleIndexError`` naming the valid range."""
        if not isinstance(index, int) or not 0 <= index < len(self.articles):
            raise ArticleIndexError(
                f"{self.source}: article index {index!r} is out of range; "
                f"this page has {len(self.articles)} article(s), valid indexes are 0..{len(self.articles) - 1}"
            )
        return self.articles[index]
