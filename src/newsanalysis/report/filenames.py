"""File names for reports: safe for any title (separators, ``..``, control characters, very long, empty).

``Article.slug`` from the parser is the starting point; it is sanitised again here, at the file-system boundary.
"""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"/\\|?*\s\u200b-\u200f\u2028\u2029\ufeff%#&;'`$!{}\[\]=+,^~]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_name(text: str, *, max_bytes: int = 120, default: str = "untitled") -> str:
    """A file-name part made from any text: no path separators or dots at the ends, at most ``max_bytes`` UTF-8.

    Example:
        >>> safe_name("../变局之下/浦东 如何?")
        '变局之下-浦东-如何'
    """
    text = unicodedata.normalize("NFKC", str(text or ""))
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\t\n")
    text = _UNSAFE.sub("-", text)
    text = re.sub(r"\.{2,}", ".", text)
    text = re.sub(r"-{2,}", "-", text).strip(".-_ ")
    encoded = text.encode("utf-8")[:max_bytes]
    text = encoded.decode("utf-8", errors="ignore").strip(".-_ ")
    if not text or text.lower().split(".")[0] in _RESERVED:
        text = f"{default}-{text}" if text else default
    return text


def report_filename(index: int, slug: str, *, suffix: str = ".html", max_bytes: int = 120) -> str:
    """``<NN>-<slug><suffix>`` for article ``index`` (0-based; NN counts from 01); a leading NN- in ``slug`` is
    not repeated.

    Example:
        >>> report_filename(0, "01-变局之下-浦东如何重塑全球角色")
        '01-变局之下-浦东如何重塑全球角色.html'
    """
    body = re.sub(r"^\d{1,3}-", "", str(slug or ""))
    return f"{index + 1:02d}-{safe_name(body, max_bytes=max_bytes, default='article')}{suffix}"
