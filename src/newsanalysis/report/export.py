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
from newsanalysis.io import atomic_write


_TEMPLATE = r"""{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block data_png scoped %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}"
{%- set alttext = output | get_metadata('alt', 'image/png') -%}
{%- if alttext %} alt="{{ alttext | escape_html }}"{%- endif %}>
{%- if alttext %}<p class="na-alt">{{ alttext | escape_html }}</p>{%- endif %}
</div>
{%- endblock data_png %}
"""

_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
.na-alt { font-size: 0.85em; color: #555; margin: 0.2em 0 1em; }
.na-provenance { margin: 2em 1em 1em; padding-top: 0.5em; border-top: 1px solid #ccc; font-size: 0.8em;
  color: #555; }
.na-provenance dt { font-weight: bold; float: left; clear: left; width: 14em; }
.na-provenance dd { margin-left: 15em; word-break: break-all; }
.na-nav table, table.na-index { border-collapse: collapse; margin: 1em 0; }
.na-nav td, .na-nav th, table.na-index td, table.na-index th { border: 1px solid #ccc; padding: 0.3em 0.6em; }
.na-failed { color: #b00020; }
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
    """A ``<footer>`` listing what produced a report (versions and hashes), every value escaped."""
    rows = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>" for k, v in items)
    return f'<footer class="na-provenance"><p>本报告由以下版本生成 (versions that produced this report):</p><dl>{rows}</dl></footer>'


def export_html(nb: Any, *, with_code: bool = False, title: str = "", extra_body: str = "",
                top_body: str = "") -> str:
    """An executed notebook as one offline HTML document (no code cells unless ``with_code``).

    ``top_body`` and ``extra_body`` are trusted HTML fragments (built with :mod:`html` escaping by this module)
    inserted after ``<body>`` and before ``</body>``.

    Raises:
        RenderError: the HTML would still fetch something from the network.
    """
    import copy

    import jinja2
    from nbconvert import HTMLExporter

    nb = copy.deepcopy(nb)
    _drop_stderr(nb)
    if title:
        nb.metadata["title"] = title
    exporter = HTMLExporter(template_name="lab", extra_loaders=[jinja2.DictLoader({"na_offline.j2": _TEMPLATE})],
                            template_file="na_offline.j2", exclude_input=not with_code,
                            exclude_input_prompt=True, exclude_output_prompt=True, embed_images=True,
                            language_code="zh")
    body, _ = exporter.from_notebook_node(nb)
    body = body.replace("</head>", f"<style>{_CSS}</style>\n</head>", 1)
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + top_body, body, count=1)
    body = body.replace("</body>", extra_body + "\n</body>", 1) if "</body>" in body else body + extra_body
    remote = external_urls(body)
    if remote:
        raise RenderError(f"the exported HTML for {title or 'a notebook'!r} would load {remote[:3]} from the "
                          "network; expected a self-contained report")
    return body


def link(target: str) -> str:
    """A relative link to ``target`` (a POSIX relative path), percent-encoded and attribute-escaped."""
    return html.escape(quote(str(PurePosixPath(target))), quote=True)


def _status_cell(row: dict) -> str:
    if row.get("status") == "failed":
        return f'<td class="na-failed">失败 failed: {html.escape(str(row.get("error") or ""))}</td>'
    return f'<td>{html.escape(str(row.get("status", "")))}</td>'


def articles_table(rows: list[dict]) -> str:
    """An HTML table of reports: rows with title, href (relative), status, error, seconds."""
    lines = ['<table class="na-index"><thead><tr><th>#</th><th>报告 report</th><th>状态 status</th>'
             "<th>耗时 seconds</th></tr></thead><tbody>"]
    for n, row in enumerate(rows, 1):
        name = html.escape(str(row.get("title") or "（无标题）"))
        cell = f'<a href="{link(row["href"])}">{name}</a>' if row.get("status") != "failed" else name
        seconds = row.get("seconds")
        lines.append(f"<tr><td>{n}</td><td>{cell}</td>{_status_cell(row)}"
                     f"<td>{'' if seconds is None else f'{float(seconds):.1f}'}</td></tr>")
    lines.append("</tbody></table>")
    return "".join(lines)


def nav_html(page_title: str, rows: list[dict]) -> str:
    """The navigation block at the top of a page's index.html: links to every article report."""
    return (f'<nav class="na-nav" style="margin:1em"><p><a href="../index.html">← 全部版面 all pages</a></p>'
            f"<h2>{html.escape(page_title)}：各篇报告</h2>{articles_table(rows)}</nav>")


def standalone_page(title: str, body: str) -> str:
    """A minimal self-contained HTML document around trusted ``body`` HTML."""
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1.0"><style>{_CSS}</style></head>'
            f'<body style="margin:1em">{body}</body></html>\n')



def write_indexes(out: Path, manifest: dict, stems: set[str]) -> None:
    """Write ``<stem>/index.html`` for each page in ``stems`` and the top ``index.html`` from the manifest."""
    entries = manifest["reports"]
    for stem in sorted(stems):
        rows = [{**e, "href": Path(key).name} for key, e in entries.items()
                if e.get("stem") == stem and e.get("kind") == "article"]
        rows.sort(key=lambda e: e.get("article") or 0)
        overview = entries.get(f"{stem}/index.html", {})
        nav = nav_html(stem, rows)
        source = out / stem / "overview.html"
        note = ("" if overview.get("status") == "ok" else
                f"<p class='na-failed'>版面概览失败 overview failed: {html.escape(overview.get('error') or '')}</p>")
        if source.exists():  # after a failed run, the last good overview stays under the failure note
            page = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav + note, source.read_text(encoding="utf-8"),
                          count=1)
        else:
            page = standalone_page(stem, nav + note)
        atomic_write(out / stem / "index.html", page)
    all_stems = sorted({e.get("stem") for e in entries.values() if e.get("stem")})
    body = ["<h1>新闻版面报告 newsanalysis reports</h1>"]
    for stem in all_stems:
        rows = [{**e, "href": f"{stem}/{Path(key).name}" if e.get("kind") == "article" else f"{stem}/index.html",
                 "title": e.get("title")} for key, e in entries.items() if e.get("stem") == stem]
        rows.sort(key=lambda e: (e.get("kind") != "overview", e.get("article") or 0))
        body.append(f'<h2><a href="{link(f"{stem}/index.html")}">{html.escape(stem)}</a></h2>{articles_table(rows)}')
    atomic_write(out / "index.html", standalone_page("newsanalysis reports", "".join(body)))
