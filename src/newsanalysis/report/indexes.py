"""The pages that lead readers to the reports: ``reports/index.html`` (every page, grouped by date) and
``reports/<page>/index.html`` (a page's articles above its overview).

Both are written from ``manifest.json`` alone: each report's entry carries what the index lists (``info``: the
page's date, paper and page number; per article its title, reporters, figure and source counts and top terms),
so an index is rebuilt without reading any analysis. Every text that comes from a page is HTML-escaped here.
"""

from __future__ import annotations

import hashlib
import html
import re
from datetime import date
from pathlib import Path

from newsanalysis.io import atomic_write
from newsanalysis.report.export import (
    STYLESHEET,
    embedded_font_css,
    link,
    visible_text,
    without_embedded_font,
)

OVERVIEW_SOURCE = ".overview.html"  # the exported overview; index.html is made from it (not linked for readers)
CORPUS_KEY = "corpus/index.html"  # the archive's trend report, when ``render --corpus`` made one
_WEEKDAYS = "一二三四五六日"


def date_label(iso: str | None) -> str:
    """A page date as readers write it.

    Example:
        >>> date_label("2025-12-05"), date_label(None), date_label("2025-13-01")
        ('2025年12月5日 星期五', '日期未知', '2025-13-01')
    """
    if not iso:
        return "日期未知"
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.year}年{day.month}月{day.day}日 星期{_WEEKDAYS[day.weekday()]}"


def page_label(meta: dict, stem: str) -> str:
    """The heading of a page in the index: paper and page number when known, else the file's name.

    Example:
        >>> page_label({"paper": "人民日报", "page_no": "3"}, "2025-12-05_A03"), page_label({}, "sample-page")
        ('人民日报 第3版', 'sample-page')
    """
    paper, number = (meta.get("paper") or "").strip(), str(meta.get("page_no") or "").strip()
    number = f"第{number}版" if number and not number.startswith("第") else number
    return " ".join(x for x in (paper, number) if x) or stem


def _natural(text: str) -> tuple:
    # A2 before A10
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


def up_nav() -> str:
    """The link at the top of a report outside any page (the archive's trends) back to all pages."""
    return '<nav class="na-nav"><a href="../index.html">← 全部版面</a></nav>'


def standalone_page(title: str, body: str) -> str:
    """A self-contained HTML document around trusted ``body`` HTML (:func:`publish` embeds the font it uses).

    Example:
        >>> doc = standalone_page("报告", "<h1>新闻 &lt;b&gt;</h1>")
        >>> doc.startswith("<!DOCTYPE html>") and "<title>报告</title>" in doc
        True
    """
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1.0"><style>{STYLESHEET}</style>'
            f'</head><body><div class="na-page">{body}</div></body></html>\n')


def publish(path: Path, document: str) -> bool:
    """Write ``document`` to ``path`` with one embedded font subset covering all the text it shows, unless the
    file there already holds this very document (a digest in it says so): a run with nothing new skips the
    costly font subsetting. Returns whether the file was written."""
    document = without_embedded_font(document)
    digest = hashlib.sha256(document.encode("utf-8")).hexdigest()[:32]
    marker = f"<!-- newsanalysis-index {digest} -->"
    try:
        if marker in path.read_text(encoding="utf-8"):
            return False
    except (OSError, UnicodeDecodeError):
        pass  # not there yet, or unreadable: written again
    css = embedded_font_css(visible_text(document))
    document = document.replace("</style></head>", f"{css}</style></head>", 1) if css else document
    end = document.rfind("</html>")
    atomic_write(path, document[:end] + marker + document[end:] if end >= 0 else document + marker)
    return True


def _article_row(n: int, row: dict, href: str, exists: bool) -> str:
    info = row.get("info") or {}
    title = html.escape(str(row.get("title") or info.get("display_title") or "（无标题）"))
    # a failed run keeps the last good report: the link works as long as that file is there
    cell = f'<a href="{link(href)}">{title}</a>' if exists else title
    if row.get("status") == "failed":
        cell += f'<br><span class="na-failed">本次生成失败 failed: {html.escape(str(row.get("error") or ""))}</span>'
    reporters = html.escape("、".join(info.get("reporters") or []))
    terms = html.escape("、".join(info.get("top_terms") or []))
    counts = ["" if info.get(name) is None else str(int(info[name])) for name in ("n_figures", "n_sources")]
    return (f"<tr><td>{n}</td><td>{cell}</td><td>{reporters}</td><td class='na-num'>{counts[0]}</td>"
            f"<td class='na-num'>{counts[1]}</td><td class='na-terms'>{terms}</td></tr>")


def articles_table(rows: list[dict], out: Path, *, from_page: bool) -> str:
    """The table of a page's article reports: number, title (linked), reporters, figures, named sources, top terms.

    ``rows`` are manifest entries (``key`` added); links are relative to the page's folder when ``from_page``,
    else to ``out``.
    """
    if not rows:
        return "<p class='na-empty'>本版没有可生成报告的文章。</p>"
    lines = ['<div class="na-table-box"><table class="na-index"><thead><tr><th>#</th><th>标题</th><th>记者</th>'
             "<th>数字</th><th>消息来源</th><th>高频词</th></tr></thead><tbody>"]
    for n, row in enumerate(rows, 1):
        href = Path(row["key"]).name if from_page else row["key"]
        lines.append(_article_row(n, row, href, (out / row["key"]).is_file()))
    lines.append("</tbody></table></div>")
    return "".join(lines)


def _pages(entries: dict) -> dict[str, dict]:
    """Per page folder (stem): its metadata, its overview entry and its article entries in reading order."""
    pages: dict[str, dict] = {}
    for key, entry in entries.items():
        stem = entry.get("stem")
        if not stem or key == CORPUS_KEY:
            continue
        page = pages.setdefault(stem, {"meta": {}, "overview": None, "articles": []})
        row = {**entry, "key": key}
        if entry.get("kind") == "article":
            page["articles"].append(row)
        else:
            page["overview"] = row
        page["meta"] = page["meta"] or (entry.get("info") or {}).get("meta") or {}
    for page in pages.values():
        page["articles"].sort(key=lambda e: e.get("article") or 0)
    return pages


def page_index(out: Path, stem: str, page: dict) -> str:
    """``<stem>/index.html`` (without its font: see :func:`publish`): the page's articles (linked), then its
    overview as exported (or a note when the overview never rendered)."""
    overview = page["overview"] or {}
    meta = page["meta"]
    heading = page_label(meta, stem) + (f"　{date_label(meta.get('date'))}" if meta.get("date") else "")
    note = ("" if overview.get("status") != "failed" else
            f"<p class='na-failed'>版面概览失败 overview failed: {html.escape(overview.get('error') or '')}</p>")
    nav = (f'{up_nav()}'
           f'<div class="na-page"><h1>{html.escape(heading)}</h1><p class="na-terms">{html.escape(stem)}</p>'
           f'<h2 id="articles">各篇报告</h2>{articles_table(page["articles"], out, from_page=True)}{note}</div>')
    source = out / stem / OVERVIEW_SOURCE
    if source.exists():  # after a failed run, the last good overview stays under the failure note
        return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav, source.read_text(encoding="utf-8"), count=1)
    return standalone_page(heading, nav)


def top_index(out: Path, entries: dict) -> str:
    """``index.html`` (without its font: see :func:`publish`): every page grouped by date (newest first, undated
    last), each with its articles."""
    pages = _pages(entries)
    by_date: dict[str | None, list[str]] = {}
    for stem, page in pages.items():
        by_date.setdefault(page["meta"].get("date") or None, []).append(stem)
    dates = sorted((d for d in by_date if d), reverse=True) + ([None] if None in by_date else [])
    n_articles = sum(len(p["articles"]) for p in pages.values())
    body = ["<h1>新闻版面报告</h1>", f"<p>{len(pages)} 个版面，{n_articles} 篇文章。</p>"]
    corpus = entries.get(CORPUS_KEY)
    if corpus and (out / CORPUS_KEY).is_file():
        body.append(f'<p><a href="{link(CORPUS_KEY)}">档案词频走势 →</a></p>')
    if len(dates) > 1:
        body.append('<ul class="na-dates">' + "".join(
            f'<li><a href="#{_anchor(d)}">{html.escape(date_label(d))}</a></li>' for d in dates) + "</ul>")
    if not pages:
        body.append("<p class='na-empty'>还没有生成任何报告。</p>")
    for day in dates:
        body.append(f'<h2 id="{_anchor(day)}">{html.escape(date_label(day))}</h2>')
        stems = sorted(by_date[day], key=lambda s: (pages[s]["meta"].get("paper") or "",
                                                    _natural(str(pages[s]["meta"].get("page_no") or "")), s))
        for stem in stems:
            page = pages[stem]
            overview = page["overview"] or {}
            failed = (f' <span class="na-failed">解析失败 failed: {html.escape(overview.get("error") or "")}</span>'
                      if overview.get("status") == "failed" and not page["articles"] else "")
            label = page_label(page["meta"], stem)
            small = f"<small>{html.escape(stem)}</small>" if label != stem else ""
            body.append(f'<section class="na-index-page"><h3><a href="{link(f"{stem}/index.html")}">'
                        f'{html.escape(label)}</a>{small}{failed}'
                        f'</h3>{articles_table(page["articles"], out, from_page=False) if page["articles"] else ""}'
                        "</section>")
    return standalone_page("新闻版面报告", "".join(body))


def _anchor(day: str | None) -> str:
    return f"d-{day}" if day else "d-undated"


def write_indexes(out: Path, manifest: dict, stems: set[str]) -> None:
    """Write ``<stem>/index.html`` for each page in ``stems`` and the top ``index.html`` from the manifest."""
    pages = _pages(manifest["reports"])
    for stem in sorted(stems & set(pages)):
        publish(out / stem / "index.html", page_index(out, stem, pages[stem]))
        (out / stem / "overview.html").unlink(missing_ok=True)  # the second copy older versions wrote
    publish(out / "index.html", top_index(out, manifest["reports"]))
