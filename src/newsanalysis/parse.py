"""Page text in, articles out: find article boundaries, headline parts, bylines, captions and body.

The parser works on printed lines (one non-blank line each). It first recognises what a single line
is (``lines``), then finds where articles start (a byline or an inline dateline, with the headline
lines printed just above), then reads each article's body: subheads, captions with their credits,
interview turns, page-break splits to join, and duplicated paragraphs to drop. Every line ends up
in the ledger exactly once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import lines as L
from .errors import NoArticlesError, ParseError
from .headline import assign_headline, display_title, slugify
from .io import RawPage, read_page
from .model import Article, LedgerEntry, Page, QATurn, Repairs
from .normalize import ends_sentence, fold, has_inner_sentence_end, squash

MAX_HEADLINE_LINES = 4
MIN_DUPLICATE_CHARS = 12
SUBHEAD_MAX_CHARS = 30


@dataclass
class Block:
    """One non-blank printed line with its position in the page text."""

    line: int
    start: int
    end: int
    text: str
    blanks_before: int
    kind: str = "text"  # byline | credit | jump | note | furniture | text


@dataclass
class Para:
    blocks: list[Block]
    cut: int = 0  # characters of the first block taken by an inline dateline
    role: str = "body"

    @property
    def text(self) -> str:
        return self.blocks[0].text[self.cut:] + "".join(b.text for b in self.blocks[1:])


@dataclass
class Draft:
    """An article while it is being read; becomes an immutable ``Article``."""

    header: list[Block] = field(default_factory=list)
    bylines: list[Block] = field(default_factory=list)
    note: Block | None = None
    body: list[Block] = field(default_factory=list)


def load_page(path: str | Path, *, encoding: str | None = None) -> Page:
    """Read and parse a page file (see ``read_page`` and ``parse_page``)."""
    return parse_page(read_page(path, encoding=encoding))


def require_articles(page: Page) -> Page:
    """Return ``page``, or raise ``NoArticlesError`` if no article was found in it."""
    if not page.articles:
        raise NoArticlesError(
            f"{page.source}: no articles found ({sum(1 for e in page.ledger if e.role != 'blank')} non-blank "
            "lines, none of them a byline, a dateline or body text)"
        )
    return page


def parse_page(text: str | RawPage, *, source: str | None = None) -> Page:
    """Parse the raw text of a printed page into articles in reading order.

    Example:
        >>> page = parse_page("\\n\\n浦东开放再出发\\n\\n本报记者 沈思怡\\n\\n今年是浦东开发开放35周年。")
        >>> [(a.title, a.reporters, a.paragraphs) for a in page.articles]
        [('浦东开放再出发', ['沈思怡'], ['今年是浦东开发开放35周年。'])]
    """
    if isinstance(text, RawPage):
        raw = text
    else:
        from .normalize import normalise_newlines

        raw = RawPage(normalise_newlines(text), "str", source or "<string>")
    blocks, ledger = _blocks(raw.text)
    drafts, leftovers = _split_articles(blocks)
    for block, reason in leftovers:
        ledger[block.line] = _entry(block, None, "dropped", reason)
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for index, draft in enumerate(drafts):
        articles.append(_build_article(index, draft, ledger, seen))
    entries = [ledger[k] for k in sorted(ledger)]
    if [e.line for e in entries] != list(range(1, raw.text.count("\n") + 2)):
        raise ParseError(f"{raw.source}: internal error: the line ledger does not account for every line")
    return Page(text=raw.text, articles=articles, ledger=entries, source=raw.source, encoding=raw.encoding)


def _entry(block: Block, article: int | None, role: str, reason: str = "") -> LedgerEntry:
    return LedgerEntry(block.line, block.start, block.end, block.text, article, role, reason)  # type: ignore[arg-type]


def _blocks(text: str) -> tuple[list[Block], dict[int, LedgerEntry]]:
    blocks: list[Block] = []
    ledger: dict[int, LedgerEntry] = {}
    offset = 0
    blanks = 0
    for number, raw_line in enumerate(text.split("\n"), start=1):
        stripped = raw_line.strip()
        if not stripped:
            ledger[number] = LedgerEntry(number, offset, offset + len(raw_line), raw_line, None, "blank", "blank line")
            blanks += 1
        else:
            lead = len(raw_line) - len(raw_line.lstrip())
            block = Block(number, offset + lead, offset + lead + len(stripped), stripped, blanks)
            block.kind = _kind(stripped)
            blocks.append(block)
            blanks = 0
        offset += len(raw_line) + 1
    return blocks, ledger


def _kind(text: str) -> str:
    if L.is_credit(text):
        return "credit"
    if L.is_byline(text):
        return "byline"
    if L.is_tail_byline(text):
        return "tail_byline"
    if L.jump_text(text) is not None:
        return "jump"
    if L.editors_note_body(text) is not None:
        return "note"
    if L.is_page_furniture(text):
        return "furniture"
    if L.leading_dateline(text) is not None:
        return "dateline"
    return "text"


def _headline_like(block: Block) -> bool:
    if block.kind != "text" or L.qa_label(block.text):
        return False
    s = fold(block.text)
    if has_inner_sentence_end(s):
        return False
    return not ends_sentence(s) or (len(s) <= 30 and s.rstrip()[-1:] in "?!")


def _split_articles(blocks: list[Block]) -> tuple[list[Draft], list[tuple[Block, str]]]:
    """Find article starts (bylines and dateline paragraphs) and give each its headline lines."""
    starts: list[int] = []
    for i, block in enumerate(blocks):
        if block.kind == "byline":
            if starts and blocks[starts[-1]].kind == "byline" and _only_headers_between(blocks, starts[-1], i):
                continue  # a second byline line of the same article
            starts.append(i)
        elif block.kind == "dateline":
            if starts and blocks[starts[-1]].kind == "byline" and _only_headers_between(blocks, starts[-1], i):
                continue
            starts.append(i)
    leftovers: list[tuple[Block, str]] = []
    heads: list[int] = []
    floor = 0
    for s in starts:
        j = s
        taken = 0
        while j - 1 >= floor and blocks[j - 1].kind == "note":
            j -= 1
        while j - 1 >= floor and taken < MAX_HEADLINE_LINES and _headline_like(blocks[j - 1]):
            j -= 1
            taken += 1
        heads.append(j)
        floor = s + 1
    drafts: list[Draft] = []
    first = heads[0] if heads else len(blocks)
    prelude = blocks[:first]
    if any(b.kind in ("text", "dateline") and not _headline_like(b) for b in prelude):
        heads.insert(0, 0)  # body text before the first byline: an article of its own
        starts.insert(0, -1)
    else:
        for b in prelude:
            reason = "page furniture" if b.kind == "furniture" else "before the first article"
            leftovers.append((b, reason))
    bounds = heads[1:] + [len(blocks)]
    for head, start, end in zip(heads, starts, bounds):
        draft = Draft()
        region = blocks[head:end]
        cursor = 0
        while cursor < len(region) and (start < 0 or head + cursor < start):
            block = region[cursor]
            if block.kind == "note":
                draft.note = block
            elif block.kind == "furniture":
                leftovers.append((block, "page furniture"))
            elif start < 0 and not _headline_like(block):
                break
            else:
                draft.header.append(block)
            cursor += 1
        while cursor < len(region) and region[cursor].kind == "byline":
            draft.bylines.append(region[cursor])
            cursor += 1
        draft.body = region[cursor:]
        drafts.append(draft)
    return drafts, leftovers


def _only_headers_between(blocks: list[Block], a: int, b: int) -> bool:
    return all(blocks[k].kind in ("note", "byline") for k in range(a + 1, b))


def _build_article(index: int, draft: Draft, ledger: dict[int, LedgerEntry], seen: dict[str, int]) -> Article:
    from .body import read_body

    head = assign_headline([b.text for b in draft.header])
    for block, role in zip(draft.header, head.roles):
        ledger[block.line] = _entry(block, index, role, "" if role != "stray" else "headline line beyond kicker/title/subtitle")
    reporters: list[str] = []
    for block in draft.bylines:
        reporters += L.split_names(block.text)
        ledger[block.line] = _entry(block, index, "byline")
    note = None
    if draft.note is not None:
        note = L.editors_note_body(draft.note.text)
        ledger[draft.note.line] = _entry(draft.note, index, "editors_note")
    body = read_body(draft.body, index, ledger, seen)
    reporters += [n for n in body.reporters if n not in reporters]
    first = body.paragraphs[0] if body.paragraphs else ""
    shown, derived = display_title(head.kicker, head.title, head.subtitle, first)
    return Article(
        index=index,
        kicker=head.kicker,
        title=head.title,
        subtitle=head.subtitle,
        column=head.column,
        reporters=reporters,
        photographers=body.photographers,
        dateline=body.dateline,
        editors_note=note,
        jump=body.jump,
        subheads=body.subheads,
        captions=body.captions,
        paragraphs=body.paragraphs,
        paragraph_roles=body.roles,
        paragraph_spans=body.spans,
        paragraph_lines=body.lines,
        subhead_before=body.subhead_before,
        qa_turns=body.qa_turns,
        repairs=Repairs(len(body.join_points), body.duplicates, tuple(body.join_points)),
        display_title=shown,
        display_title_derived=derived,
        slug=slugify(shown, index=index),
    )
