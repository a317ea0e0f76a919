"""What readers of a report see: tables formatted for people, and the article text with its figures and quotes
marked, every table row linked to its place in that text.

Tables have no index column, number their rows from 1, write numbers the Chinese way (``45.47万亿元``, ``73.2%``,
``5至10年``), leave empty cells blank, scroll instead of being cut, and say so in a sentence when they are empty.
Every piece of page text is escaped here.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence

import pandas as pd

from newsanalysis.parse.model import Article
from newsanalysis.quotes.speakers import is_interviewer
from newsanalysis.report.display import Html

SCROLL_ROWS = 15  # longer tables scroll inside their box

_MAGNITUDES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
_SCALED_KINDS = {"count", "money", "measure", "approx"}


def _number(value: float) -> str:
    """``12.0`` → ``12``, ``0.125`` → ``0.125``; never scientific notation."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):d}"
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT


def format_figure(row: dict) -> str:
    """A figure's value as a reader writes it: magnitudes in 万/亿, percent with %, ranges with 至, dates as dated.

    Examples:
        >>> format_figure({"value": 45.47e12, "unit": "元", "kind": "money"})
        '45.47万亿元'
        >>> format_figure({"value": 73.2, "unit": "%", "kind": "percent"})
        '73.2%'
        >>> format_figure({"value": float("nan"), "low": 5.0, "high": 10.0, "unit": "年", "kind": "range"})
        '5至10年'
        >>> format_figure({"value": float("nan"), "iso": "--12-04", "unit": None, "kind": "date"})
        '12月4日'
        >>> format_figure({"value": float("nan"), "unit": None, "kind": "unread"})
        '（未读）'
    """
    unit = "" if _blank(row.get("unit")) else str(row.get("unit"))
    kind = row.get("kind") or ""
    iso = row.get("iso")
    if not _blank(iso) and iso:
        return _format_iso(str(iso))
    low, high = row.get("low"), row.get("high")
    if not _blank(low) and not _blank(high):
        sep = "∶" if kind == "score" else "至"
        return f"{_scaled(low, kind)}{sep}{_scaled(high, kind)}{'' if kind == 'score' else unit}"
    value = row.get("value")
    if kind == "unread":  # too long to be read as a number (more than 30 digits): shown as printed
        return "（未读）"
    if _blank(value):
        return ""
    prefix = "第" if kind == "ordinal" else ""
    inner = "余" if kind == "approx" else ""
    return f"{prefix}{_scaled(float(value), kind)}{inner}{unit}"


KIND_LABELS = {"percent": "百分比", "count": "数量", "approx": "约数", "money": "金额", "measure": "度量", "age": "年龄",
               "date": "日期", "year": "年份", "time": "时刻", "duration": "时长", "range": "范围", "multiple": "倍数",
               "fraction": "分数", "ratio": "比例", "ordinal": "序数", "score": "比分", "unread": "未读数字"}


def _scaled(value: float, kind: str) -> str:
    if kind in _SCALED_KINDS:
        for size, word in _MAGNITUDES:
            if abs(value) >= size:
                return f"{_number(round(value / size, 4))}{word}"
    return _number(round(value, 6))


def _format_iso(iso: str) -> str:
    """``2024`` → 2024年, ``2024-09-21`` → 2024年9月21日, ``--12-04`` → 12月4日, ``T10:30`` → 10:30, ``a/b`` → a至b."""
    if "/" in iso:
        return "至".join(_format_iso(part) for part in iso.split("/", 1))
    if iso.startswith("T"):
        return iso[1:]
    if iso.startswith("---"):
        return f"{int(iso[3:])}日" if iso[3:].isdigit() else iso
    if iso.startswith("--"):
        parts = iso[2:].split("-")
        return "".join(f"{int(p)}{u}" for p, u in zip(parts, "月日") if p.isdigit()) or iso
    parts = iso.split("T")[0].split("-")
    text = "".join(f"{int(p)}{u}" for p, u in zip(parts, "年月日") if p.isdigit())
    return (text + (" " + iso.split("T")[1] if "T" in iso else "")) if text else iso


def _cell(value) -> str:
    if _blank(value):
        return ""
    if isinstance(value, float):
        return _number(round(value, 4))
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return str(value)


def table(frame: pd.DataFrame, columns: dict[str, str], *, empty: str, caption: str = "",
          links: Callable[[int, dict], str | None] | None = None, numeric: Sequence[str] = ()) -> Html:
    """A table for readers: the ``columns`` of ``frame`` under their labels, rows numbered from 1.

    Args:
        frame: the table.
        columns: column name → label, in the order shown.
        empty: the sentence shown instead of an empty table (``本文未引用具名消息来源``).
        caption: a caption above the table.
        links: row number (0-based) and row → an anchor (``#fig-3``) the row links to, or None.
        numeric: columns aligned right.

    Example:
        >>> t = table(pd.DataFrame({"term": ["浦东"], "count": [3]}), {"term": "词", "count": "次数"}, empty="无")
        >>> t.text
        '1 浦东 3'
        >>> table(pd.DataFrame(columns=["term"]), {"term": "词"}, empty="本文没有高频词。").text
        '本文没有高频词。'
    """
    if frame is None or frame.empty:
        return Html(f'<p class="na-empty">{html.escape(empty)}</p>', empty)
    rows = frame.to_dict("records")
    head = "".join(f"<th>{html.escape(label)}</th>" for label in columns.values())
    body, text = [], []
    for n, row in enumerate(rows):
        anchor = links(n, row) if links else None
        number = f'<a href="{html.escape(anchor, quote=True)}">{n + 1}</a>' if anchor else str(n + 1)
        cells = [_cell(row.get(name)) for name in columns]
        tds = "".join(f'<td class="{"na-num" if name in numeric else ""}">{html.escape(value)}</td>'
                      for name, value in zip(columns, cells))
        body.append(f'<tr><td class="na-num">{number}</td>{tds}</tr>')
        text.append(" ".join([str(n + 1), *cells]))
    scroll = " na-scroll" if len(rows) > SCROLL_ROWS else ""
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    markup = (f'<div class="na-table-box{scroll}"><table class="na-table">{cap}<thead><tr><th>序号</th>{head}</tr>'
              f'</thead><tbody>{"".join(body)}</tbody></table></div>')
    return Html(markup, "\n".join(text))


def figures_table(figures: pd.DataFrame) -> Html:
    """The figures an article quotes, each row linked to its mark in the annotated text."""
    records = figures.to_dict("records") if len(figures) else []
    shown = figures.assign(shown=[format_figure(r) for r in records],
                           kind_label=[KIND_LABELS.get(r["kind"], r["kind"]) for r in records]) if records else figures
    return table(shown, {"text": "原文", "shown": "数值", "kind_label": "类型", "subject": "所指", "sentence": "句子"},
                 empty="本文没有引用数字。", links=lambda n, row: f"#fig-{n + 1}")


def sources_table(sources: pd.DataFrame) -> Html:
    """Named sources (the interviewer and unnamed sources left out), each linked to its first quote."""
    named = sources[sources["speaker"] != ""].reset_index(drop=True) if len(sources) else sources
    return table(named, {"speaker": "消息来源", "speaker_title": "身份", "n_quotes": "引语条数", "n_chars": "字数",
                         "modes": "方式"}, empty="本文未引用具名消息来源。", numeric=("n_quotes", "n_chars"),
                 links=lambda n, row: f"#src-{row['speaker']}")


def annotated_text(article: Article, figures: pd.DataFrame, quotes: pd.DataFrame) -> Html:
    """The article's body with its subheads, every figure marked (its value, unit and kind on hover) and every quote
    marked (its speaker on hover); figure marks are numbered as in :func:`figures_table` (``#fig-1`` …).

    Example:
        >>> a = parse_page("标题\\n\\n本报记者 王明\\n\\n产量增长5%。").articles[0]
        >>> import newsanalysis as na
        >>> "fig-1" in annotated_text(a, na.extract_figures(a), na.extract_quotes(a)).markup
        True
        >>> a = parse_page("代表委员建言\\n省人大代表、青山村党支部书记 房立春\\n　　“农田又扩大了。”\\n"
        ...                "省政协委员、农科院研究员 程望舒\\n　　“良种是农业的芯片。”").articles[0]
        >>> annotated_text(a, na.extract_figures(a), na.extract_quotes(a)).markup.count('<h3 class="na-subhead">')
        2
    """
    figs = figures.reset_index(drop=True).to_dict("records") if len(figures) else []
    quotes_rows = quotes.to_dict("records") if len(quotes) else []
    first_quote: set[str] = set()
    paragraphs, plain = [], []
    heads: dict[int, list[str]] = {}  # paragraph index -> the subheads printed above it
    for subhead, before in zip(article.subheads, article.subhead_before):
        heads.setdefault(before, []).append(subhead)
    for p, text in enumerate([*article.paragraphs, None]):  # None: after the last paragraph, its trailing subheads
        paragraphs += [f'<h3 class="na-subhead">{html.escape(h)}</h3>' for h in heads.get(p, ())]
        plain += heads.get(p, [])
        if text is None:
            break
        marks = []  # (start, end, kind, id, title)
        for n, f in enumerate(figs):
            if f["paragraph"] == p:
                tip = "，".join(x for x in (format_figure(f), KIND_LABELS.get(f.get("kind"), f.get("kind") or ""),
                                             str(f.get("subject") or "")) if x)
                marks.append((int(f["start"]), int(f["end"]), "fig", f"fig-{n + 1}", tip))
        for q in quotes_rows:
            # the interviewer's questions are turns of the interview, not quotes of a source
            asks = q["mode"] == "interview" and is_interviewer(q["speaker"], q["speaker_title"])
            if q["paragraph"] == p and q["end"] > q["start"] and not asks:
                who = q["speaker"] or q["speaker_title"] or "未具名"
                anchor = ""
                if q["speaker"] and q["speaker"] not in first_quote:
                    first_quote.add(q["speaker"])
                    anchor = f"src-{q['speaker']}"
                mode = {"direct": "直接引语", "indirect": "间接引语", "interview": "访谈"}.get(q["mode"], q["mode"])
                marks.append((int(q["start"]), int(q["end"]), "quote", anchor, f"{who}（{mode}）"))
        paragraphs.append(f"<p>{_marked(text, marks)}</p>")
        plain.append(text)
    return Html('<div class="na-article">' + "".join(paragraphs) + "</div>", "\n".join(plain))


def _marked(text: str, marks: list[tuple[int, int, str, str, str]]) -> str:
    """``text`` with quote spans and figure marks; where they cross, tags close and reopen at the boundary."""
    cuts = sorted({0, len(text), *[m[0] for m in marks], *[m[1] for m in marks]})
    out, opened = [], set()
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b])
        for start, end, kind, ident, tip in sorted(marks, key=lambda m: m[2] == "fig"):
            if start <= a and b <= end:
                first = ident and (kind, ident) not in opened
                if first:
                    opened.add((kind, ident))
                attrs = f' id="{html.escape(ident, quote=True)}"' if first else ""
                tag = "mark" if kind == "fig" else "span"
                piece = f'<{tag} class="na-{kind}"{attrs} title="{html.escape(tip, quote=True)}">{piece}</{tag}>'
        out.append(piece)
    return "".join(out)


def summary(article: Article, tables) -> Html:
    """A few lines a reader sees first: paragraphs, figures, named sources and the most frequent terms.

    ``tables`` is the article's :class:`~newsanalysis.report.analysis.Analysis` (``analysis.article(i)``).
    """
    named = tables.sources[tables.sources["speaker"] != ""] if len(tables.sources) else tables.sources
    top = "、".join(tables.terms["term"].head(8)) if len(tables.terms) else ""
    lines = [f"全文{len(article.paragraphs)}段、{sum(len(p) for p in article.paragraphs)}字；"
             f"引用数字{len(tables.figures)}处；具名消息来源{len(named)}位"
             + (f"（{'、'.join(named['speaker'].head(6))}）" if len(named) else "") + "。"]
    if top:
        lines.append(f"高频词：{top}。")
    if article.display_title_derived:
        lines.append("此文没有印出的标题，标题取自首段。")
    markup = '<div class="na-summary">' + "".join(f"<p>{html.escape(x)}</p>" for x in lines) + "</div>"
    return Html(markup, "\n".join(lines))


def entities_table(entities: pd.DataFrame) -> Html:
    """People, places and organisations with the paragraph (counted from 1) they are named in."""
    columns = {"text": "名称", "type_label": "类别", "paragraph_no": "段落"}
    if not len(entities):
        return table(entities, columns, empty="本文没有识别出人名、地名或机构。")
    labels = entities["type"].map({"person": "人名", "place": "地名", "org": "机构"}).fillna(entities["type"])
    return table(entities.assign(type_label=labels, paragraph_no=entities["paragraph"] + 1), columns, empty="",
                 numeric=("paragraph_no",))


def overview_table(overview: pd.DataFrame) -> Html:
    """The articles of a page side by side: size, figures and named sources (the page index links each report)."""
    return table(overview, {"title": "标题", "reporters": "记者", "n_paragraphs": "段落", "n_chars": "字数",
                            "n_figures": "数字", "n_sources": "消息来源"}, empty="此版没有文章。",
                 numeric=("n_paragraphs", "n_chars", "n_figures", "n_sources"))


def trends_table(trends: pd.DataFrame, period: str = "month") -> Html:
    """Term trends for readers: one row per period, per term its count and its rate per 10,000 tokens.

    Example:
        >>> t = pd.DataFrame({"period": ["2025-11-01", "2025-12-01"], "term": ["消费", "消费"], "count": [3, 0],
        ...                   "n_tokens": [1500, 800], "per_10k": [20.0, 0.0], "n_pages": [2, 1]})
        >>> trends_table(t).text.splitlines()
        ['1 2025年11月 2 3（20）', '2 2025年12月 1 0（0）']
    """
    if trends is None or trends.empty:
        return table(trends, {"period": "时期"}, empty="档案中没有带日期的版面，无法计算走势。")
    terms = list(dict.fromkeys(trends["term"]))
    rows = []
    by = period
    for day, group in trends.groupby("period", sort=True):
        row = {"period": _period_label(str(day), by), "n_pages": int(group["n_pages"].iloc[0])}
        for hit in group.itertuples(index=False):
            row[hit.term] = f"{int(hit.count)}（{_number(round(float(hit.per_10k), 2))}）"
        rows.append(row)
    return table(pd.DataFrame(rows), {"period": "时期", "n_pages": "版面数", **{t: f"{t} 次数（每万词）" for t in terms}},
                 empty="", numeric=("n_pages", *terms))


def _period_label(iso: str, period: str) -> str:
    if period == "month":
        return f"{int(iso[:4])}年{int(iso[5:7])}月"
    return _format_iso(iso) + ("起一周" if period == "week" else "")


def corpus_summary(overview: dict, terms: Sequence[str], period: str) -> Html:
    """The opening lines of an archive report: what it holds and what is counted.

    Example:
        >>> corpus_summary({"n_pages": 3, "n_dated": 2, "first_date": "2025-11-02", "last_date": "2025-12-05",
        ...                 "n_articles": 9}, ["消费"], "month").text
        '档案：3个版面（2个带日期），9篇文章，2025年11月2日至2025年12月5日。按月统计：消费。'
    """
    span = (f"，{_format_iso(overview['first_date'])}至{_format_iso(overview['last_date'])}"
            if overview.get("first_date") else "")
    by = {"day": "按日", "week": "按周", "month": "按月"}.get(period, period)
    text = (f"档案：{overview['n_pages']}个版面（{overview['n_dated']}个带日期），{overview['n_articles']}篇文章{span}。"
            f"{by}统计：{'、'.join(terms) or '（无）'}。")
    return Html(f'<div class="na-summary"><p>{html.escape(text)}</p></div>', text)
