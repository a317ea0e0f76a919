"""Small building blocks the report notebooks display: the headline block and the cleaning log.

They keep the notebooks thin (one call per cell) and keep HTML-building out of them: :class:`Html` fragments are
made here with every piece of page text escaped, so a page containing ``<script>`` shows it as text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from newsanalysis.parse.model import Article, Page


@dataclass(frozen=True)
class Html:
    """An HTML fragment (already escaped) that Jupyter displays as HTML and as plain text."""

    markup: str
    text: str

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return self.text


def _row(label: str, value: str | None) -> str:
    return f"<p><b>{html.escape(label)}</b>{html.escape(value)}</p>" if value else ""


def headline(article: Article) -> Html:
    """The article's headline and byline block (kicker, title, subtitle, column, reporters, dateline, note).

    Example:
        >>> headline(parse_page("新闻标题\\n\\n本报记者 王明\\n\\n今天天气很好。").articles[0]).text
        '新闻标题\\n记者：王明'
    """
    title = article.title or article.display_title or "（无标题）"
    reporters = "、".join(article.reporters)
    photographers = "、".join(article.photographers)
    parts = [
        f'<p class="na-kicker" style="color:#666;margin:0">{html.escape(article.kicker)}</p>' if article.kicker else "",
        f'<h1 class="na-title" style="margin:0.2em 0">{html.escape(title)}</h1>',
        f'<h2 class="na-subtitle" style="margin:0.2em 0;font-weight:normal">{html.escape(article.subtitle)}</h2>'
        if article.subtitle else "",
        '<div class="na-byline">',
        _row("栏目：", article.column),
        _row("记者：", reporters),
        _row("摄影：", photographers),
        _row("电头：", article.dateline),
        _row("编者按：", article.editors_note),
        _row("转版：", article.jump),
        "</div>",
    ]
    lines = [article.kicker, title, article.subtitle, article.column and f"栏目：{article.column}",
             reporters and f"记者：{reporters}", photographers and f"摄影：{photographers}",
             article.dateline and f"电头：{article.dateline}"]
    return Html("".join(parts), "\n".join(line for line in lines if line))


def cleaning_log(page: Page, article: int) -> pd.DataFrame:
    """What cleaning did to one article: repaired page-break splits, duplicates dropped, lines per role.

    Args:
        page: the parsed page.
        article: article index (0-based).

    Returns:
        DataFrame with columns ``step`` (what was done), ``count`` and ``detail`` (e.g. the text around a join).

    Example:
        >>> cleaning_log(parse_page("标题\\n\\n本报记者 王明\\n\\n正文。"), 0)["step"].tolist()[:2]
        ['page-break splits joined', 'duplicate paragraphs removed']
    """
    art = page.article(article)
    rows = [{"step": "page-break splits joined", "count": art.repairs.joins,
             "detail": "；".join(f"{tail}|{head}" for tail, head in art.repairs.join_points)},
            {"step": "duplicate paragraphs removed", "count": art.repairs.duplicates_removed, "detail": ""},
            {"step": "body paragraphs", "count": len(art.paragraphs), "detail": ""}]
    roles = pd.Series([e.role for e in page.ledger if e.article == article], dtype="object")
    rows += [{"step": f"lines read as {role}", "count": int(n), "detail": ""}
             for role, n in roles.value_counts(sort=False).items()]
    dropped = [e for e in page.ledger if e.article is None and e.role not in ("blank",)]
    rows.append({"step": "page lines outside any article", "count": len(dropped),
                 "detail": "；".join(f"{e.line}: {e.reason}" for e in dropped[:5])})
    return pd.DataFrame(rows, columns=["step", "count", "detail"])
