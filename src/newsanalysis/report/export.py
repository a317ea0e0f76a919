"""Executed notebooks to offline, self-contained HTML; the index pages that link the reports.

Everything here produces HTML that makes no network request when opened: images are embedded as ``data:`` URIs,
nbconvert's CDN scripts (require.js, MathJax, Mermaid, widget manager) are left out by the template, and
:func:`external_urls` checks the result (``export_html`` raises if anything remote is left). Every piece of text
that comes from a page (titles, names, error messages) is HTML-escaped here or by pandas/nbconvert.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any, Iterable
from urllib.parse import quote

from newsanalysis.charts.base import TABLE_MIME  # a chart's data travels in its display bundle
from newsanalysis.errors import RenderError


_TEMPLATE = r"""{%- extends 'classic/base.html.j2' -%}
{% block data_png scoped %}
<figure class="na-chart">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}"
{%- set alttext = output | get_metadata('alt', 'image/png') -%}
{%- if alttext %} alt="{{ alttext | escape_html }}"{%- endif %}>
{%- if alttext %}<figcaption class="na-alt">{{ alttext | escape_html }}</figcaption>{%- endif %}
</figure>
{%- endblock data_png %}
"""

# Our own stylesheet (no JupyterLab CSS): Chinese typography, readable tables, marks for figures and quotes.
STYLESHEET = """
:root { --ink: #1f2328; --muted: #5c6370; --rule: #d8dde3; --accent: #1f5fa8; --fig: #fff1b8; --quote: #dbeafe; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.8; font-size: 17px;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "WenQuanYi Micro Hei", sans-serif; }
main, .na-page { max-width: 52rem; margin: 0 auto; padding: 0 1.25rem 2rem; }
h1 { font-size: 1.9rem; line-height: 1.35; margin: 0.4em 0 0.2em; }
h2 { font-size: 1.3rem; margin: 1.8em 0 0.6em; padding-bottom: 0.2em; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; }
a { color: var(--accent); }
a.anchor-link { display: none; }
.jp-Cell, .cell, .output_wrapper, .output, .output_area, .text_cell_render, .inner_cell { margin: 0; padding: 0; }
.prompt, .input_prompt, .output_prompt { display: none; }
.na-kicker { color: var(--muted); margin: 1.2em 0 0; }
.na-subtitle { font-size: 1.15rem; font-weight: normal; color: #333; margin: 0.2em 0 0.6em; border: 0; }
.na-byline { color: var(--muted); font-size: 0.95rem; }
.na-byline p { margin: 0.1em 0; }
.na-derived { font-size: 0.85rem; color: var(--muted); }
.na-summary { background: #f6f8fa; border-left: 4px solid var(--accent); padding: 0.7em 1em; margin: 1.2em 0; }
.na-summary p { margin: 0.2em 0; }
.na-article p { text-indent: 2em; margin: 0.6em 0; }
.na-article h3.na-subhead { font-size: 1.02rem; font-weight: bold; margin: 1.1em 0 0.3em; border: 0; }
mark.na-fig { background: var(--fig); padding: 0 0.1em; border-radius: 2px; }
span.na-quote { background: var(--quote); }
:target { outline: 3px solid #f59e0b; outline-offset: 1px; }
.na-table-box { overflow-x: auto; margin: 0.8em 0 1.2em; }
.na-table-box.na-scroll { max-height: 30rem; overflow-y: auto; border: 1px solid var(--rule); }
table.na-table, table.na-index, table.dataframe { border-collapse: collapse; font-size: 0.92rem; width: 100%; }
.na-table th, .na-table td, .na-index th, .na-index td, .dataframe th, .dataframe td { border-bottom: 1px solid var(--rule);
  padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
.na-table thead th, .na-index thead th { background: #f1f3f5; position: sticky; top: 0; white-space: nowrap; }
td.na-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.na-empty { color: var(--muted); font-style: italic; }
figure.na-chart { margin: 1em 0 1.6em; }
figure.na-chart img { max-width: 100%; height: auto; }
.na-alt { font-size: 0.85em; color: var(--muted); margin: 0.3em 0 0; }
nav.na-nav { max-width: 52rem; margin: 0 auto; padding: 0.8em 1.25rem; display: flex; flex-wrap: wrap; gap: 1.2em;
  border-bottom: 1px solid var(--rule); font-size: 0.95rem; }
.na-provenance { max-width: 52rem; margin: 2em auto 1em; padding: 0.8em 1.25rem; border-top: 1px solid var(--rule);
  font-size: 0.8rem; color: var(--muted); }
.na-provenance table { border-collapse: collapse; }
.na-provenance th { text-align: left; font-weight: bold; padding: 0.1em 1em 0.1em 0; white-space: nowrap; vertical-align: top; }
.na-provenance td { word-break: break-all; padding: 0.1em 0; }
.na-failed { color: #b00020; }
.na-terms { color: var(--muted); font-size: 0.88rem; }
.na-dates { display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; padding: 0; list-style: none; }
.na-index-page h3 { margin: 1.2em 0 0.3em; }
.na-index-page h3 small { color: var(--muted); font-weight: normal; font-size: 0.8rem; margin-left: 0.6em; }
@media print { nav.na-nav { display: none; } .na-table-box.na-scroll { max-height: none; overflow: visible; } }
"""

_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.I)
_CSS_URL = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])\s*((?:https?:)?//[^'\")\s]+)", re.I)
_FETCHING = {"script": ("src",), "link": ("href",), "img": ("src", "srcset"), "iframe": ("src",),
             "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",), "embed": ("src",),
             "object": ("data",), "input": ("src",), "track": ("src",), "image": ("href", "xlink:href"),
             "use": ("href", "xlink:href"), "frame": ("src",)}


class _UrlFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        for name, value in attrs:
            if value and name in _FETCHING.get(tag, ()) and _REMOTE.match(value):
                self.urls.append(value)
            if value and name == "style":
                self.urls += _CSS_URL.findall(value)

    def handle_data(self, data: str) -> None:
        if self.lasttag in ("style", "script"):
            self.urls += _CSS_URL.findall(data)


def external_urls(document: str) -> list[str]:
    """Remote addresses the browser would fetch when opening ``document`` (scripts, styles, images, fonts).

    Example:
        >>> external_urls('<script src="https://cdn.example/x.js"></script><p>https://新闻.cn 不算</p>')
        ['https://cdn.example/x.js']
    """
    finder = _UrlFinder()
    finder.feed(document)
    finder.close()
    return finder.urls


def _drop_stderr(nb: Any) -> int:
    """Remove stderr streams (library warnings) from the outputs; returns how many were removed."""
    removed = 0
    for cell in nb.cells:
        outputs = cell.get("outputs", [])
        kept = [o for o in outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
        removed += len(outputs) - len(kept)
        if "outputs" in cell:
            cell["outputs"] = kept
    return removed


def chart_tables(nb: Any) -> list[tuple[str, str]]:
    """(name, CSV text) of every chart table displayed in an executed notebook, names made unique."""
    found: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            payload = output.get("data", {}).get(TABLE_MIME)
            if not payload:
                continue
            name = re.sub(r"[^A-Za-z0-9_]+", "_", str(payload.get("name", "chart")))[:40] or "chart"
            seen[name] = seen.get(name, 0) + 1
            found.append((name if seen[name] == 1 else f"{name}-{seen[name]}", str(payload.get("csv", ""))))
    return found


def provenance_html(items: Iterable[tuple[str, str]]) -> str:
    """A ``<footer>`` listing what produced a report (versions and hashes): one row per item, every value escaped.

    Example:
        >>> provenance_html([("包 package", "newsanalysis 0.1.0")]).count("<tr>")
        1
    """
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in items)
    return (f'<footer class="na-provenance"><p>本报告由以下版本生成 (versions that produced this report):</p>'
            f"<table>{rows}</table></footer>")


EMBEDDED_FAMILY = "NA Report CJK"  # the @font-face name of the subset embedded in each report
_FONT_RULE = re.compile(r'@font-face \{ font-family: "NA Report CJK";[^}]*\}\nbody \{ font-family: "NA Report CJK"[^}]*\}\n')


def without_embedded_font(document: str) -> str:
    """``document`` without the font rule :func:`embedded_font_css` put in it (to embed a subset for new text)."""
    return _FONT_RULE.sub("", document)


def embedded_font_css(text: str, font: Path | None = None) -> str:
    """An ``@font-face`` rule embedding the subset of the bundled CJK font that ``text`` uses (WOFF), so a report
    reads the same on a machine without any Chinese font; "" when no font is found.

    Only the glyphs ``text`` needs are kept (no hinting, no layout features): a few hundred characters cost
    about 100-200 KB.
    """
    import base64
    import io as _io

    from fontTools import subset

    from newsanalysis.charts.fonts import resolve_font
    from newsanalysis.errors import NewsAnalysisError

    try:
        path = Path(font or resolve_font())
    except NewsAnalysisError:
        return ""
    chars = "".join(sorted({ch for ch in text if not ch.isspace()} | set("0123456789%.,:;()[]-+/")))
    options = subset.Options()
    options.layout_features, options.hinting, options.desubroutinize = [], False, True
    # WOFF (zlib), not WOFF2: brotli at fontTools' fixed top quality costs ~1.1 s per report for an 11 % smaller
    # font (129 KB instead of 144 KB for the sample page's 900 characters); a render runs one export per report
    options.flavor, mime = "woff", "font/woff"
    loaded = subset.load_font(str(path), options, dontLoadGlyphNames=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(loaded)
    buffer = _io.BytesIO()
    subset.save_font(loaded, buffer, options)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f'@font-face {{ font-family: "{EMBEDDED_FAMILY}"; src: url(data:{mime};base64,{data}) '
            f'format("{options.flavor}"); font-display: block; }}\n'
            f'body {{ font-family: "{EMBEDDED_FAMILY}", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", '
            '"Microsoft YaHei", sans-serif; }\n')


def visible_text(document: str) -> str:
    """The characters a browser shows (tags, images and styles left out), for the font subset."""
    document = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", document, flags=re.S | re.I)
    document = re.sub(r'data:[^"\')\s]+', "", document)
    return html.unescape(re.sub(r"<[^>]+>", " ", document)) + " ".join(re.findall(r'(?:title|alt)="([^"]*)"', document))


def export_html(nb: Any, *, with_code: bool = False, title: str = "", extra_body: str = "",
                top_body: str = "", embed_font: bool = True) -> str:
    """An executed notebook as one offline HTML document (no code cells unless ``with_code``).

    ``top_body`` and ``extra_body`` are trusted HTML fragments (built with :mod:`html` escaping by this module)
    inserted after ``<body>`` and before ``</body>``. ``embed_font`` embeds the subset of the CJK font the
    document uses (:func:`embedded_font_css`).

    Raises:
        RenderError: the HTML would still fetch something from the network.
    """
    import copy

    import jinja2
    from nbconvert import HTMLExporter

    from traitlets.config import Config

    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)  # widget state needs a CDN script offline reports never load: tables instead
    _drop_stderr(nb)
    # cells tagged notebook-only (instructions for JupyterLab users) are not for readers
    config = Config({"TagRemovePreprocessor": {"enabled": True, "remove_cell_tags": {"notebook-only"}}})
    exporter = HTMLExporter(template_name="classic", config=config,
                            extra_loaders=[jinja2.DictLoader({"na_offline.j2": _TEMPLATE})],
                            template_file="na_offline.j2", exclude_input=not with_code,
                            exclude_input_prompt=True, exclude_output_prompt=True, embed_images=True)
    fragment, _ = exporter.from_notebook_node(nb)
    body = (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1.0">'
            f"<title>{html.escape(title or 'newsanalysis')}</title><style>{STYLESHEET}</style></head>"
            f"<body>{top_body}<main>{fragment}</main>{extra_body}</body></html>\n")
    if embed_font:  # readers without a Chinese font see the same text
        font_css = embedded_font_css(visible_text(body))
        body = body.replace("</style></head>", f"{font_css}</style></head>", 1)
    remote = external_urls(body)
    if remote:
        raise RenderError(f"the exported HTML for {title or 'a notebook'!r} would load {remote[:3]} from the "
                          "network; expected a self-contained report")
    return body


def link(target: str) -> str:
    """A relative link to ``target`` (a POSIX relative path), percent-encoded and attribute-escaped."""
    return html.escape(quote(str(PurePosixPath(target))), quote=True)


def article_nav(page_title: str, previous: str | None, following: str | None) -> str:
    """The links at the top of an article report: up to its page, across to the previous and next article.

    Example:
        >>> article_nav("sample-page", None, "02-x.html").count("<a ")
        3
    """
    links = ['<a href="../index.html">全部版面</a>', f'<a href="index.html">↑ 本版 {html.escape(page_title)}</a>']
    if previous:
        links.append(f'<a href="{link(previous)}" rel="prev">← 上一篇</a>')
    if following:
        links.append(f'<a href="{link(following)}" rel="next">下一篇 →</a>')
    return f'<nav class="na-nav">{"".join(links)}</nav>'
