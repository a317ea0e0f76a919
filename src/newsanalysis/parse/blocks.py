"""One printed line as the parser sees it: a :class:`Block` with its kind and its place in the page text.

The page splitter (``page``) sets each block's kind; the body reader (``body``) reads the blocks of one article.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Literal

from newsanalysis.memo import text_cache
from newsanalysis.normalize import ends_sentence, fold, has_inner_sentence_end
from newsanalysis.parse import lines as L

BlockKind = Literal["text", "byline", "tail_byline", "dateline", "credit", "jump", "jump_in", "note", "furniture",
                    "brief", "box_title", "box_label", "box_item", "photo_text", "caption_hint", "subhead_hint",
                    "body_hint", "signature", "book_info", "speaker", "end_mark", "supervisor",
                    "tail_dateline"]


@dataclass(slots=True)
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
    indent: int = 0  # leading spaces printed before the text (a PDF copy marks a paragraph with 　　)
    opens_paragraph: bool = False  # on a hard-wrapped page: the indented first printed line of a paragraph
    continues: bool = False  # on a hard-wrapped page: a printed line that continues the paragraph above


SPEAKER_HEADLINE_MAX_CHARS = 24
MARKER_KINDS = ("byline", "dateline", "jump_in", "brief", "box_title")


def headline_like(block: Block) -> bool:
    """A line that could be a headline: plain text, no Q&A label, no sentence inside it."""
    if block.kind != "text" or block.opens_paragraph or block.continues:
        return False
    return headline_text(block.text)


@text_cache()
def headline_text(text: str) -> bool:
    """The part of :func:`headline_like` that reads only the words: no Q&A label, no sentence inside them.

    Example:
        >>> headline_text("浦东开放再出发"), headline_text("记者：浦东开放再出发"), headline_text("他说。我们走。")
        (True, False, False)
    """
    s = fold(text)
    if s.lstrip().startswith("【") and L.REPLY_LABEL_RE.match(s):
        return False  # 【回复单位】江城市住建局 names who answers a message: a subhead, never a headline
    label = L.qa_label(text)
    # 財爺：年底盛事有助維持氣氛 is a headline quoting its speaker; an interview turn is a sentence or a question
    if label and (label[0] in ("记者", "问", "答", "主持人") or ends_sentence(text) or len(s) > SPEAKER_HEADLINE_MAX_CHARS):
        return False
    if has_inner_sentence_end(text) or (" " in s and L.ends_english_sentence(text)):
        return False
    if L.is_lead_in(text):
        return False
    if is_data_line(text):
        return False  # 【食材】五花肉500克　冰糖15克　生抽2勺: a list of quantities, no headline
    if s.rstrip()[-1:] in ";:":
        return False  # （一）关于…的决议；, 会议通过的决议是：: a list's item or its lead, running on
    if _SECTION.match(s):
        return False  # 一、项目基本情况: a numbered section of the text above it, a subhead at most
    return not ends_sentence(text) or (len(s) <= 30 and s.rstrip()[-1:] in "?!")


_WIDE_GAP = re.compile(r"\u3000+|\s{2,}")
_DIGIT = re.compile(r"\d")
_SECTION = re.compile(r"\s*[一二三四五六七八九十]{1,3}、")


def is_data_line(text: str) -> bool:
    """A line of a list or table: three or more fields set apart by wide spaces, two of them in a row with digits and
    another after them, or one field of an information box (``导演　沈既明``, ``推荐指数：★★★★☆``,
    :func:`~newsanalysis.parse.lines.is_info_field`); never a headline or a subhead.

    Example:
        >>> is_data_line("【食材】五花肉500克　冰糖15克　生抽2勺"), is_data_line("停水时间更短　水质更稳")
        (True, False)
        >>> is_data_line("主演　邬海生、林晚汀"), is_data_line("委员　任守田　得票986张")
        (True, True)
    """
    if L.is_info_field(text):
        return True
    if "\u3000" not in text and "  " not in text:
        return False  # no wide space: the usual line, answered without splitting it
    fields = [f for f in _WIDE_GAP.split(text.strip()) if f]
    digits = [_DIGIT.search(f) is not None for f in fields]
    if len(fields) >= 3 and digits[-1] and not any(digits[:-1]) and len(fields[-1]) <= 12:
        return True  # 副主任　柯兰芝　得票1,037张: a row of a list, its figure last
    return any(digits[i] and digits[i + 1] for i in range(len(fields) - 2))  # two such fields, a third after them


def paragraph_text(blocks: list[Block], i: int) -> str:
    """The text of the paragraph that ``blocks[i]`` opens: its line and, on a hard-wrapped page, the printed lines
    that continue it (``continues``).

    Example:
        >>> lines = [Block(1, 0, 9, "■冷饮抽检全部合格　7月以", 0), Block(2, 10, 20, "来，抽检182批次。", 0)]
        >>> lines[1].continues = True
        >>> paragraph_text(lines, 0)
        '■冷饮抽检全部合格\u30007月以来，抽检182批次。'
    """
    k = paragraph_end(blocks, i)
    return blocks[i].text if k == i + 1 else "".join(b.text for b in blocks[i:k])


def paragraph_end(blocks: list[Block], i: int) -> int:
    """The index after the last printed line of the paragraph ``blocks[i]`` opens (see :func:`paragraph_text`)."""
    k = i + 1
    while k < len(blocks) and blocks[k].continues:
        k += 1
    return k
