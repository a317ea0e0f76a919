"""Tidy tables of a parsed page: one row per article, per paragraph, per ledger line."""

from __future__ import annotations

import pandas as pd

from newsanalysis.parse.model import Page


def articles_frame(page: Page) -> pd.DataFrame:
    """One row per article.

    Returns:
        DataFrame with columns ``article, slug, kicker, title, subtitle, column, display_title,
        display_title_derived, reporters, photographers, dateline, editors_note, jump, n_subheads,
        n_captions, n_paragraphs, n_qa_turns, n_chars, joins, duplicates_removed`` (reporters and
        photographers joined with ``、``).

    Example:
        >>> articles_frame(parse_page("标题\\n\\n本报记者 王明\\n\\n正文。"))[["article", "title", "reporters"]]
           article title reporters
        0        0    标题        王明
    """
    rows = []
    for a in page.articles:
        row = {"article": a.index, **_headline_fields(a)}
        row["reporters"] = "、".join(a.reporters)
        row["photographers"] = "、".join(a.photographers)
        row.update({
            "n_subheads": len(a.subheads),
            "n_captions": len(a.captions),
            "n_paragraphs": len(a.paragraphs),
            "n_qa_turns": len(a.qa_turns),
            "n_chars": sum(len(p) for p in a.paragraphs),
            "joins": a.repairs.joins,
            "duplicates_removed": a.repairs.duplicates_removed,
        })
        rows.append(row)
    return pd.DataFrame(rows, columns=list(_ARTICLE_COLUMNS))


def _headline_fields(a) -> dict:
    """The article's identity and headline fields, shared by the table and the JSON export."""
    return {
        "slug": a.slug, "kicker": a.kicker, "title": a.title, "subtitle": a.subtitle, "column": a.column,
        "display_title": a.display_title, "display_title_derived": a.display_title_derived,
        "reporters": list(a.reporters), "photographers": list(a.photographers), "dateline": a.dateline,
        "editors_note": a.editors_note, "jump": a.jump,
    }


_ARTICLE_COLUMNS = (
    "article", "slug", "kicker", "title", "subtitle", "column", "display_title", "display_title_derived",
    "reporters", "photographers", "dateline", "editors_note", "jump", "n_subheads", "n_captions",
    "n_paragraphs", "n_qa_turns", "n_chars", "joins", "duplicates_removed",
)


def paragraphs_frame(page: Page) -> pd.DataFrame:
    """One row per body paragraph, in reading order.

    Returns:
        DataFrame with columns ``article, paragraph, role`` ("body" or "qa"), ``speaker`` (interview
        turns only), ``subhead`` (the subhead the paragraph sits under, if any), ``text, n_chars,
        page_start, page_end`` (offsets of the first and last character's span in ``Page.text``),
        ``lines`` (printed line numbers joined with ``+``).
    """
    rows = []
    for a in page.articles:
        speakers = {t.paragraph: t.speaker for t in a.qa_turns}
        for p, text in enumerate(a.paragraphs):
            under = [s for s, before in zip(a.subheads, a.subhead_before) if before <= p]
            spans = a.paragraph_spans[p]
            rows.append({
                "article": a.index,
                "paragraph": p,
                "role": a.paragraph_roles[p],
                "speaker": speakers.get(p),
                "subhead": under[-1] if under else None,
                "text": text,
                "n_chars": len(text),
                "page_start": spans[0][0],
                "page_end": spans[-1][1],
                "lines": "+".join(str(n) for n in a.paragraph_lines[p]),
            })
    columns = ["article", "paragraph", "role", "speaker", "subhead", "text", "n_chars", "page_start", "page_end", "lines"]
    return pd.DataFrame(rows, columns=columns)


def ledger_frame(page: Page) -> pd.DataFrame:
    """One row per input line: where it went.

    Returns:
        DataFrame with columns ``line, start, end, article, role, reason, text``; ``article`` is
        nullable (``<NA>`` for blank and dropped lines outside any article).
    """
    frame = pd.DataFrame(
        [{"line": e.line, "start": e.start, "end": e.end, "article": e.article, "role": e.role,
          "reason": e.reason, "text": e.text} for e in page.ledger],
        columns=["line", "start", "end", "article", "role", "reason", "text"],
    )
    frame["article"] = frame["article"].astype("Int64")
    return frame


def page_to_dict(page: Page) -> dict:
    """The page as plain JSON-ready data (the shape ``newsanalysis parse --json`` prints).

    Example:
        >>> page_to_dict(parse_page("标题\\n\\n本报记者 王明\\n\\n正文。"))["articles"][0]["reporters"]
        ['王明']
    """
    return {
        "source": page.source,
        "encoding": page.encoding,
        "warnings": [{"line": w.line, "kind": w.kind, "message": w.message} for w in page.warnings],
        "articles": [
            {
                "index": a.index,
                **_headline_fields(a),
                "subheads": list(a.subheads),
                "captions": list(a.captions),
                "boxes": list(a.boxes),
                "paragraphs": list(a.paragraphs),
                "qa_turns": [{"speaker": t.speaker, "text": t.text, "paragraph": t.paragraph, "labelled": t.labelled}
                             for t in a.qa_turns],
                "repairs": {"joins": a.repairs.joins, "duplicates_removed": a.repairs.duplicates_removed,
                            "wraps": a.repairs.wraps, "join_points": [list(j) for j in a.repairs.join_points]},
            }
            for a in page.articles
        ],
        "ledger": [
            {"line": e.line, "article": e.article, "role": e.role, "reason": e.reason}
            for e in page.ledger if e.role != "blank"
        ],
    }


def warnings_frame(page: Page) -> pd.DataFrame:
    """What the parser was unsure of: one row per warning, in page order.

    Returns:
        DataFrame with columns ``line`` (1-based), ``kind`` and ``message``.

    Example:
        >>> warnings_frame(parse_page("本报记者 王明\\n\\n今天天气很好。"))["kind"].tolist()
        ['no_headline']
    """
    return pd.DataFrame([{"line": w.line, "kind": w.kind, "message": w.message} for w in page.warnings],
                        columns=["line", "kind", "message"])
