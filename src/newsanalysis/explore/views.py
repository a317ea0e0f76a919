"""The explorer's HTML fragments: keyword-in-context rows, a term's sentences, one figure in its sentence, the
parser's warnings with their lines. Built on :mod:`newsanalysis.report.readers` (tables numbered from 1, every
piece of page text escaped) so the explorer and the reports look alike."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pandas as pd

from newsanalysis.normalize import SENTENCE_END, to_matching_text
from newsanalysis.parse.model import Page
from newsanalysis.report.display import Html
from newsanalysis.report.readers import (
    KIND_LABELS,
    annotated_text,
    format_figure,
    table,
)

# the explorer's own marks: the reports' stylesheet is not loaded in JupyterLab
STYLE = ("<style>.na-explore mark.na-fig{background:#fff1b8}.na-explore span.na-quote{background:#dbeafe}"
         ".na-explore mark.na-term{background:#ffd6a5}.na-explore .na-article{max-height:32em;overflow:auto}"
         ".na-explore .na-scroll{max-height:24em;overflow:auto}.na-explore .na-error{color:#b5495b}"
         ".na-explore table.na-table td{text-align:left;vertical-align:top}</style>")

SHOWN_ROWS = 200  # rows a view shows at most: a common word on a 10 MB page has tens of thousands
SHOWN_PARAGRAPHS = 300  # paragraphs of the annotated text shown at most

_SENTENCE = re.compile(f"[^{SENTENCE_END}]*(?:[{SENTENCE_END}]+[”’」』)）]*|$)")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` holding ``text[start:end]``: its start and end offsets (closing quotes kept).

    Example:
        >>> text = "上海离岸贸易规模增长。“浦东要开放。”他说。"
        >>> a, b = sentence_span(text, 13, 15)
        >>> text[a:b]
        '“浦东要开放。”'
    """
    for match in _SENTENCE.finditer(text):
        if match.start() <= start < match.end() or match.end() >= len(text):
            return match.start(), max(match.end(), end)
    return 0, len(text)


def kwic_table(rows: pd.DataFrame, term: str) -> Html:
    """Keyword-in-context rows (``stats.kwic`` columns) as a table: paragraph (from 1), left, term, right, and
    the offsets of the term in the page text.

    Example:
        >>> rows = pd.DataFrame({"paragraph": [0], "left": ["上海"], "term": ["离岸贸易"], "right": ["规模"],
        ...                      "page_start": [10], "page_end": [14]})
        >>> kwic_table(rows, "离岸贸易").text
        '1 1 上海 离岸贸易 规模 10 14'
    """
    shown = rows.head(SHOWN_ROWS)
    shown = shown.assign(paragraph_no=shown["paragraph"] + 1) if len(shown) else shown
    more = f"，显示前{SHOWN_ROWS}处" if len(rows) > SHOWN_ROWS else ""
    return table(shown, {"paragraph_no": "段落", "left": "上文", "term": "词", "right": "下文", "page_start": "起",
                         "page_end": "止"}, empty=f"本文没有“{term}”。", numeric=("paragraph_no", "page_start", "page_end"),
                 caption=f"“{term}”出现{len(rows)}次{more}（起止为在整版文本中的位置）" if len(rows) else "")


def _marked(text: str, spans: list[tuple[int, int]], css: str) -> str:
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out += [html.escape(text[at:start]), f'<mark class="{css}">{html.escape(text[start:end])}</mark>']
        at = end
    return "".join(out) + html.escape(text[at:])


def term_sentences(article, term: str, matching: list[str] | None = None) -> pd.DataFrame:
    """The sentences of ``article`` that contain ``term`` (matched as ``stats.kwic`` matches: Simplified,
    width-folded), each once, in reading order. ``matching`` is the article's paragraphs already made
    matching text (``normalize.to_matching_text``), when the caller keeps them.

    Returns:
        DataFrame with columns ``paragraph`` (int, from 0), ``sentence`` (str), ``n`` (occurrences in it) and
        ``spans`` (list of (start, end) of the term inside the sentence).

    Example:
        >>> a = parse_page("标题\\n\\n本报记者 王明\\n\\n上海离岸贸易增长。离岸贸易规模扩大，离岸贸易更多。").articles[0]
        >>> term_sentences(a, "离岸贸易")[["sentence", "n"]].values.tolist()
        [['上海离岸贸易增长。', 1], ['离岸贸易规模扩大，离岸贸易更多。', 2]]
    """
    needle = to_matching_text(term.strip())
    rows: list[dict] = []
    matching = matching if matching is not None else [to_matching_text(text) for text in article.paragraphs]
    for p, norm in enumerate(matching if needle else ()):
        if needle not in norm:
            continue
        text, pos, current = article.paragraphs[p], 0, None
        while (s := norm.find(needle, pos)) >= 0:
            a, b = sentence_span(text, s, s + len(needle))
            if current is None or current["start"] != a:
                current = {"paragraph": p, "start": a, "sentence": text[a:b], "n": 0, "spans": []}
                rows.append(current)
            current["n"] += 1
            current["spans"].append((s - a, s - a + len(needle)))
            pos = s + len(needle)
    return pd.DataFrame(rows, columns=["paragraph", "sentence", "n", "spans"]).astype(
        {"paragraph": "int64", "n": "int64"})


def sentences_html(sentences: pd.DataFrame, term: str) -> Html:
    """A term's sentences, the term marked in each, with the paragraph (from 1) each comes from.

    Example:
        >>> a = parse_page("标题\\n\\n本报记者 王明\\n\\n浦东开放。浦东发展。").articles[0]
        >>> sentences_html(term_sentences(a, "浦东"), "浦东").text
        '第1段 浦东开放。\\n第1段 浦东发展。'
    """
    if not len(sentences):
        return Html(f'<p class="na-empty">本文没有“{html.escape(term)}”。</p>', f"本文没有“{term}”。")
    shown = list(sentences.head(SHOWN_ROWS).itertuples())
    items = "".join(f'<li><span class="na-num">第{row.paragraph + 1}段</span> '
                    f'{_marked(row.sentence, row.spans, "na-term")}</li>' for row in shown)
    text = "\n".join(f"第{row.paragraph + 1}段 {row.sentence}" for row in shown)
    more = f"，显示前{SHOWN_ROWS}个" if len(sentences) > SHOWN_ROWS else ""
    head = f"<p>“{html.escape(term)}”所在的{len(sentences)}个句子{more}：</p>"
    return Html(f'{head}<ol class="na-sentences">{items}</ol>', text)


def figure_html(figure: dict, number: int, article) -> Html:
    """Figure ``number`` (as numbered in the figures table) in its sentence, marked, with its value as a reader
    writes it, its kind and what it refers to.

    Example:
        >>> a = parse_page("标题\\n\\n本报记者 王明\\n\\n去年产量增长5%。今年持平。").articles[0]
        >>> figure_html(na.extract_figures(a).iloc[0].to_dict(), 1, a).text.splitlines()[1]
        '去年产量增长5%。'
    """
    text = article.paragraphs[int(figure["paragraph"])]
    start, end = int(figure["start"]), int(figure["end"])
    a, b = sentence_span(text, start, end)
    shown = format_figure(figure)
    facts = "，".join(x for x in (shown, KIND_LABELS.get(figure.get("kind"), figure.get("kind") or ""),
                                 str(figure.get("subject") or "")) if x)
    sentence = _marked(text[a:b], [(start - a, end - a)], "na-fig")
    markup = (f'<p><b>数字{number}</b>：{html.escape(str(figure["text"]))}（{html.escape(facts)}），'
              f'第{int(figure["paragraph"]) + 1}段</p><blockquote>{sentence}</blockquote>')
    return Html(markup, f"数字{number}：{figure['text']}（{facts}）\n{text[a:b]}")


def warnings_table(warnings: pd.DataFrame, page: Page) -> Html:
    """The parser's warnings (``parse.warnings_frame``) with the printed line each refers to.

    Example:
        >>> page = parse_page("本报记者 王明\\n\\n今天天气很好。")
        >>> warnings_table(na.parse.warnings_frame(page), page).text.split()[:4]
        ['1', '1', 'no_headline', '本报记者']
    """
    lines = {entry.line: entry.text for entry in page.ledger}
    shown = warnings.assign(line_text=[lines.get(int(n), "") for n in warnings["line"]]) if len(warnings) else warnings
    return table(shown, {"line": "行", "kind": "类型", "line_text": "该行原文", "message": "说明"},
                 empty="解析没有提示：每一行都有明确的归属。", numeric=("line",))


def article_text(article, figures: pd.DataFrame, quotes: pd.DataFrame) -> Html:
    """The article annotated as in the reports (``report.readers.annotated_text``), its first
    ``SHOWN_PARAGRAPHS`` paragraphs when it is longer, saying so."""
    if len(article.paragraphs) <= SHOWN_PARAGRAPHS:
        return annotated_text(article, figures, quotes)
    head = replace(article, paragraphs=article.paragraphs[:SHOWN_PARAGRAPHS])
    keep = (lambda t: t[t["paragraph"] < SHOWN_PARAGRAPHS] if len(t) else t)
    text = annotated_text(head, keep(figures), keep(quotes))
    note = f"全文{len(article.paragraphs)}段，这里显示前{SHOWN_PARAGRAPHS}段；检索覆盖全文。"
    return Html(f'{text.markup}<p class="na-empty">{html.escape(note)}</p>', f"{text.text}\n{note}")


def error_html(message: str) -> Html:
    """A one-line error shown in place of a result.

    Example:
        >>> error_html("没有第5篇文章").markup
        '<p class="na-error">没有第5篇文章</p>'
    """
    return Html(f'<p class="na-error">{html.escape(message)}</p>', message)
