"""One printed line as the parser sees it: a :class:`Block` with its kind and its place in the page text.

The page splitter (``page``) sets each block's kind; the body reader (``body``) reads the blocks of one article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["text", "byline", "tail_byline", "dateline", "credit", "jump", "jump_in", "note", "furniture",
                    "brief", "box_title", "box_label", "box_item", "photo_text", "caption_hint", "subhead_hint",
                    "body_hint"]


@dataclass
class Block:
    """One non-blank printed line with its position in the page text."""

    line: int
    start: int
    end: int
    text: str
    blanks_before: int
    kind: BlockKind = "text"
    spaced: bool = False  # more blank lines before it than usual on this page (photos sit apart)
    wrapped: bool = False  # no blank line before it where the page separates lines by one: a hard wrap
    forced_start: bool = False  # the user's layout hints say an article starts here
