"""File names for reports: safe for any title (separators, ``..``, control characters, very long, empty).

``Article.slug`` from the parser is the starting point; it is sanitised again here, at the file-system boundary.
"""

from __future__ import annotations

import re

from newsanalysis.normalize import slugify

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_name(text: str, *, max_bytes: int = 120, default: str = "untitled") -> str:
    """A file-name part made from any text: the slug of :func:`newsanalysis.normalize.slugify` (no separators,
    dots or control characters), at most ``max_bytes`` of UTF-8, never a name Windows reserves.

    Example:
        >>> safe_name("../变局之下/浦东 如何?")
        '变局之下-浦东-如何'
    """
    text = slugify(str(text or ""), max_chars=max_bytes, default=default)
    text = text.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore").strip("-_") or default
    return f"{default}-{text}" if text.lower() in _RESERVED else text


def report_filename(index: int, slug: str, *, suffix: str = ".html", max_bytes: int = 120) -> str:
    """``<NN>-<slug><suffix>`` for article ``index`` (0-based; NN counts from 01); a leading NN- in ``slug`` is
    not repeated.

    Example:
        >>> report_filename(0, "01-变局之下-浦东如何重塑全球角色")
        '01-变局之下-浦东如何重塑全球角色.html'
    """
    body = re.sub(r"^\d{1,3}-", "", str(slug or ""))
    return f"{index + 1:02d}-{safe_name(body, max_bytes=max_bytes, default='article')}{suffix}"
