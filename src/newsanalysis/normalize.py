"""Text in, text out: width folding for matching, line splitting and punctuation classes.

Matching works on a folded copy of the text of the same length (one character in, one
character out), so offsets found in the copy are valid in the original.
"""

from __future__ import annotations

import re
import unicodedata

# Full-width ASCII variants (！..～) fold to half-width; the ideographic space to a space.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD[0x00A0] = 0x20
_FOLD.update({ord("﹐"): ord(","), ord("﹔"): ord(";"), ord("﹕"): ord(":")})

QUOTES_OPEN = "“‘「『\"'"
QUOTES_CLOSE = "”’」』\"'"
SENTENCE_END = "。！？!?…"
_CLOSERS = "”’」』)）》\"'"


def fold(text: str) -> str:
    """Fold full-width letters, digits and punctuation to half-width; length is preserved.

    Example:
        >>> fold("增长１０．８％（记者）")
        '增长10.8%(记者)'
    """
    return text.translate(_FOLD)


def split_lines(text: str) -> list[str]:
    """Split on any line ending (``\\r\\n``, ``\\r``, ``\\n``, U+2028) without keeping them."""
    return re.split(r"\r\n|\r|\n|\u2028|\u2029", text)


def normalise_newlines(text: str) -> str:
    """Replace every line ending with ``\\n``."""
    return "\n".join(split_lines(text))


def squash(text: str) -> str:
    """A comparison key: folded, NFKC, without any whitespace (for duplicate detection).

    Example:
        >>> squash("浦东 ，开放。") == squash("浦东,开放。")
        True
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", fold(text)))


def ends_sentence(text: str) -> bool:
    """True if ``text`` ends like a finished sentence (``。``, ``！``, ``？``, ``…``, or those before a closer).

    Example:
        >>> ends_sentence("他说。”"), ends_sentence("高端服务仍留在上")
        (True, False)
    """
    s = fold(text).rstrip()
    # a bracketed byline or note after the last sentence: 。（孙海燕）
    s = re.sub(r"(?<=[。！？!?…”’」』])\s*\([^()]{1,40}\)$", "", s)
    while s and s[-1] in _CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] in SENTENCE_END


def has_inner_sentence_end(text: str) -> bool:
    """True if a sentence ends somewhere before the last character of ``text``."""
    s = fold(text).rstrip()
    return any(ch in SENTENCE_END for ch in s[:-1])


def cjk_count(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")
