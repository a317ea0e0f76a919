"""The page-header fallback for page metadata: a printed header line (``2025年12月5日 星期五``, ``第3版``, ``A3``)
among the first lines of a page, used for what the file name and sidecars (``io.read_page_meta``) leave open."""

from __future__ import annotations

import re

from newsanalysis.io import PageMeta, iso_date, normalise_page_no

HEADER_LINES = 8  # a header is printed at the top: only the first lines are looked at
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_PAGE_NO = re.compile(r"第\s*([A-Za-z]?\d{1,3})\s*版|(?:^|\s)([A-Z]\d{1,2})(?:\s|$)")


def meta_from_header(text: str) -> PageMeta:
    """The date and page number printed in a page's header lines, with ``source="header"``.

    Example:
        >>> meta_from_header("2025年12月5日 星期五 第3版\\n\\n新闻标题")
        PageMeta(date='2025-12-05', paper='', page_no='3', source='header')
    """
    date = page_no = None
    for line in text.split("\n", HEADER_LINES)[:HEADER_LINES]:  # no need to split the rest of the page
        line = line.strip()
        if not line or len(line) > 40:  # a header line is short; a body paragraph may quote a date
            continue
        if date is None and (m := _DATE.search(line)):
            date = iso_date(f"{m.group(1)}{int(m.group(2)):02d}{int(m.group(3)):02d}")
        if page_no is None and (m := _PAGE_NO.search(line)):
            page_no = normalise_page_no(m.group(1) or m.group(2))
    if date is None and page_no is None:
        return PageMeta()
    return PageMeta(date, "", page_no or "", "header")


def complete_meta(meta: PageMeta, text: str) -> PageMeta:
    """``meta`` (from the file name and sidecars) with what it lacks read from the page header."""
    if meta.date and meta.page_no:
        return meta
    return meta.filled_from(meta_from_header(text))
